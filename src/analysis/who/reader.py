"""The reader: the passes over each sentence, in order, and the article-level read.

Each pass is a function ``state -> None`` that reads the sentence state and adds to it; the order is
this one visible list. The first pass runs over the whole article before the others, so that an
acronym defined in one sentence ("Korean National Police Agency (KNPA)") is known in every other.

>>> from analysis.article import parse_article
>>> [m.name for s in read_article(parse_article("T\\n\\nDr. Lee met Pol. Col. Somchai Chai.")) for m in s.people]
['Lee', 'Somchai Chai']
"""
from __future__ import annotations

import functools
import re
from collections.abc import Callable

from ..article import Article, Sentence
from .lexicon import lexicons
from .passes.acronyms import read_acronyms_as_bodies, read_listed_acronyms, read_parenthesised_acronyms
from .passes.organizations import read_capitalised_orgs, read_org_countries
from .passes.people import read_people
from .passes.portfolio_lists import read_portfolio_lists
from .passes.ties import read_nearest_ties, read_respectively, read_ties
from .passes.untitled import read_untitled_people, share_plural_roles
from .state import SentenceState
from .tokens import tokenize

Pass = Callable[[SentenceState], None]

#: Run over the whole article first: the acronyms it defines.
FIRST_PASSES: tuple[Pass, ...] = (read_parenthesised_acronyms,)
#: Then, sentence by sentence, in this order.
PASSES: tuple[Pass, ...] = (
    read_people,  # titled names, then the roles around them
    read_capitalised_orgs,  # "Royal Malaysia Police"
    read_listed_acronyms,  # "SARPCCO, CAPCCO and NAPCCO" beside a named body
    read_acronyms_as_bodies,  # "the ONCB hosted ...", "the DCI headquarters": an acronym never spelled out
    read_ties,  # each titled person's organization
    read_portfolio_lists,  # "the Ministers for Justice, A; Defence, B; and Finance, C"
    read_untitled_people,  # "..., said Maria Keller"; "Jane Roe, Head of ..."
    share_plural_roles,  # "the police liaison officers, X and Y": both hold the position
    read_respectively,  # "X and Y, chiefs of A and B respectively"
    read_nearest_ties,  # the rest: the nearest country or organization
    read_org_countries,  # "China's Ministry of Public Security": the country written with a body
)


def read_sentence(sentence: Sentence, *, is_title: bool, known_acronyms: set[str], reused_acronyms: frozenset[str] = frozenset(), passes: tuple[Pass, ...] = FIRST_PASSES + PASSES) -> SentenceState:
    """Run ``passes`` over one sentence and return its state."""
    state = SentenceState(sentence, tokenize(sentence.text, sentence.start), is_title, known_acronyms, reused_acronyms)
    for read in passes:
        read(state)
    return state


@functools.lru_cache(maxsize=64)
def read_article(article: Article) -> list[SentenceState]:
    """Read every title and body sentence: first the acronyms the article defines, then everything."""
    lex = lexicons()
    known = {a for a in lex.known_orgs.values() if a} | {n for n in lex.known_orgs if n.isupper()}
    units = [s for s in article.sentences if s.kind in ("title", "byline", "body")]
    counts: dict[str, int] = {}
    for word in re.findall(r"\b[A-Z][A-Z0-9-]*[A-Z0-9]\b", article.body):
        counts[word] = counts.get(word, 0) + 1
    reused = frozenset(w for w, n in counts.items() if n >= 2)
    title_acronyms: dict[str, str] = {}  # filled by the first passes, read by the others
    first = []
    for sentence in units:
        state = SentenceState(sentence, tokenize(sentence.text, sentence.start), False, known, reused, title_acronyms=title_acronyms)
        for read in FIRST_PASSES:
            read(state)
        first.append(state)
    defined = {o.acronym for state in first for o in state.orgs if o.acronym}
    # "International Narcotics Enforcement Course (INEC)": an event's acronym, in the span the first pass read
    others = frozenset(state.tokens[end - 2].text for state in first for _, end in state.other_spans if state.tokens[end - 1].text == ")")
    states = []
    people: set[str] = set()  # "Catherine De Bolle was appointed ...": a person named before is a person again
    for sentence, early in zip(units, first):
        # one growing set, shared: each sentence sees the names of the sentences before it (a copy per sentence would be quadratic)
        state = SentenceState(sentence, early.tokens, sentence.kind != "body", known | defined, reused, title_acronyms=title_acronyms, known_people=people, other_acronyms=others)
        for read in FIRST_PASSES + PASSES:
            read(state)
        states.append(state)
        people.update(m.name for m in state.people if " " in m.name and (m.title or m.honorific or m.role or m.title_abbrev))
    return states
