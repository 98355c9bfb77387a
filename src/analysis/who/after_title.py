"""What follows a title before the name: the body or unit the title is of, the place it is to, a rank after a
portfolio ("Deputy Director General of Border Guards | Maj. Gen. X"). The people pass calls these after each
title it reads."""
from __future__ import annotations

from .lexicon import lexicons
from .person_names import is_nameish, read_name
from .phrases import before_acronym, bracketed, has_org_head, is_generic, lower_portfolio_end, match_phrase, place_run, read_title
from .places import known_place
from .police import holds_police_rank
from .spans import org_span_after, org_span_at, starts_title
from .state import SentenceState


def without_trailing_name(state: SentenceState, span: tuple[int, int, str]) -> tuple[int, int, str]:
    """An organization span after a title, less the person's name it swallowed: "Head of the Department of
    ... Operational Response Oleksiy Sergeev," gives the department, then the name."""
    tokens, lex = state.tokens, lexicons()
    start, end, kind = span
    if end < len(tokens) and tokens[end].is_cap:
        return span  # a name may follow the span: nothing to take back
    vocabulary = lex.org_heads | lex.portfolios | lex.generic_org_words | lex.title_words | lex.non_name_caps | lex.connectors
    particle_follows = end + 1 < len(tokens) and tokens[end].key in lex.particles and tokens[end + 1].is_cap
    for size in ((1, 2, 3) if particle_follows else (2, 3)):  # "... of Interior Khalid | bin Mohammed Al-Battal"
        cut = end - size
        words = tokens[cut:end]
        body = tokens[start:cut]
        named = has_org_head(body) or len(body) == 1 and body[0].is_allcaps  # "Head of KORD Mykola Putiy"
        if cut > start and all(t.is_cap and t.is_word and t.key not in vocabulary and t.text not in lex.places for t in words) and named:
            if is_nameish(tokens, cut, end, titled=True) and tokens[cut - 1].key not in lex.connectors:
                return start, cut, kind
    return span


def position_after_to(state: SentenceState, j: int) -> tuple[int, tuple[int, int, str] | None] | None:
    """End of "to the [BODY] POSITION" at ``j`` when a name follows, and the body's span: "(Chief of Staff)
    to the RSIPF Commissioner X", "(Adviser) to the Minister X" (the post is defined by another's)."""
    tokens = state.tokens
    k = start = j + 1 + (tokens[j + 1].key == "the")
    while k < len(tokens) and (tokens[k].is_allcaps or tokens[k].text in lexicons().known_orgs) and not state.title_abbreviation(tokens[k].text):
        k += 1  # the body the other post belongs to: "RSIPF"
    end = read_title(tokens, k) if k < len(tokens) else None
    if end is None or end >= len(tokens) or not (name := read_name(tokens, end, after_title=True)) or name - end < 2:
        return None
    return end, ((start, k, "org") if k > start else None)


def read_after_title(state: SentenceState, j: int, found: dict) -> int:
    """What follows a title before the name: the body or country it is of, or the place it is to."""
    tokens = state.tokens
    span = org_span_after(state, j)
    if span and span[2] in ("org", "other") and state.org_at(span[0]) is None:
        span = without_trailing_name(state, span)  # "Chief of Section Elizabeth Joyce": the unit, then the name
    if span and span[2] in ("org", "place"):  # "Secretary General of INTERPOL Jürgen Stock", "... of Malaysia Tan Sri X"
        found["org"], j = span, span[1]
        found["titles"][-1] = state.text(found["title_start"], before_acronym(tokens, j))  # as written, with the body it is of
        if (inner := bracketed(tokens, j)) and inner.is_allcaps:
            j += 3  # "Secretary General of the Narcotics Control Board (NCB) Narong Rattanannugul"
    elif span and span[2] == "other" and is_generic(tokens[span[0] : span[1]]) and span[1] < len(tokens) and tokens[span[1]].is_cap:
        found["titles"][-1], j = state.text(found["title_start"], span[1]), span[1]  # "National Commissar of the Finnish Police X"
    elif span is None and (unit := lower_portfolio_end(tokens, j)) > j and unit < len(tokens) and tokens[unit].is_cap:
        found["titles"][-1], j = state.text(found["title_start"], unit), unit  # "Secretary General of the ministerial council X"
    elif (span is None or span[2] == "other") and (rank := rank_after_portfolio(state, j)):
        found["titles"][-1], j = state.text(found["title_start"], rank), rank  # "Deputy Director General of Border Guards | Maj. Gen. X"
    elif span is None and (unit := unit_then_rank(state, j)):
        found["titles"][-1], j = state.text(found["title_start"], unit[0]), unit[0]  # "Commander Western Naval Area | Rear Admiral X"
        found["org"] = found["org"] or unit[1]  # "Director General Sri Lanka Coast Guard | Rear Admiral Y": the body
    elif span is None and (unit := unit_then_name(state, j, command=holds_command(found["titles"][-1]))):
        found["titles"][-1], j = state.text(found["title_start"], unit), unit  # "Assistant Commissioner Crime | Yam Tat-wing"
    elif span is None and found["org"] is None and known_acronym_before_name(state, j):
        found["org"], found["titles"][-1], j = (j, j + 1, "org"), state.text(found["title_start"], j + 1), j + 1  # "Secretary General SAARC Dr X"
    if j + 2 < len(tokens) and tokens[j].key == "to" and (position := position_after_to(state, j)):
        found["titles"][-1] = f"{found['titles'][-1]} {state.text(j, position[0])}"  # "Chief of Staff to the RSIPF Commissioner X"
        found["org"] = found["org"] or position[1]
        j = position[0]
    elif j + 1 < len(tokens) and tokens[j].key in ("to", "in") and (place := place_run(tokens, at := j + 1 + (tokens[j + 1].key == "the"))) > at:
        found["titles"][-1] = f"{found['titles'][-1]} {state.text(j, place)}"  # "High Commissioner to Papua New Guinea X"
        j = place  # "Ambassador of the Republic of Lithuania to the Kingdom of the Netherlands X", "... (UK) in Sri Lanka X"
    elif found["org"] is None and (place := place_run(tokens, j)) > j and (read_name(tokens, place) or 0) >= place + 2 and known_place(state.text(j, place)):
        found["titles"][-1] = f"{found['titles'][-1]} {state.text(j, place)}"  # "Consul General Lahore Zhao Shiren"
        j = place
    return j


def known_acronym_before_name(state: SentenceState, j: int) -> bool:
    """Whether a known body's acronym stands at ``j``, after a title, with an honorific or a name after it:
    "Secretary General | SAARC | Dr Sheel Kant Sharma" (the body the title is of, written without "of")."""
    tokens, lex = state.tokens, lexicons()
    if not (j + 1 < len(tokens) and tokens[j].is_allcaps and (tokens[j].text in lex.known_orgs or tokens[j].text in state.known_acronyms)):
        return False
    if state.title_abbreviation(tokens[j].text) or known_place(tokens[j + 1].text) or f"{tokens[j].text} {tokens[j + 1].text}" in lex.known_orgs:
        return False  # "Director INTERPOL Washington Michael Hughes": the acronym's office, then the name
    return bool(match_phrase(tokens, j + 1, lex.honorifics) or (read_name(tokens, j + 1, after_title=True) or 0) >= j + 3)


def honorific_inside(state: SentenceState, k: int, name_end: int) -> tuple | None:
    """``(name start, name end, honorific span, k)`` when an honorific stands inside what was read as a name:
    "IG Punjab | Dr. | Usman Anwar", "Second Secretary Political | Ms | Courtney Rose". A name never holds
    an honorific; what comes before it qualifies the title."""
    tokens, lex = state.tokens, lexicons()
    for m in range(k + 1, name_end - 1):
        if tokens[m].is_cap and tokens[m].key not in lex.particles and (end := match_phrase(tokens, m, lex.honorifics)) and end < name_end and tokens[end - 1].key not in lex.name_follows:
            new_end = read_name(tokens, end, after_title=True)
            return (end, new_end, (m, end), k) if new_end else None
    return None


def rank_after_portfolio(state: SentenceState, j: int) -> int | None:
    """Where a rank starts after "of"/"for" and the capitalised words of a portfolio that no body or place
    reading took: "Director General of Border Guards | Maj. Gen. X", "Assistant Director for Administration
    and Logistics Support | Brig. Gen. Y". The portfolio belongs to the position before it."""
    tokens = state.tokens
    if j + 1 >= len(tokens) or tokens[j].key not in ("of", "for"):
        return None
    start = k = j + 1 + (tokens[j + 1].key == "the")
    while k < min(len(tokens), start + 8):
        if k > start and tokens[k - 1].key not in ("and", "&") and starts_title(state, k) and (end := read_title(tokens, k)) and read_name(tokens, end, after_title=True):
            return k
        if not (tokens[k].is_cap and tokens[k].is_word or tokens[k].key in ("and", "&")):
            return None
        k += 1
    return None


def unit_then_rank(state: SentenceState, j: int) -> tuple[int, tuple[int, int, str] | None] | None:
    """``(where a rank starts, the body's span or None)`` after the unit or body a position is of, written
    without "of": "Commander | Western Naval Area | Rear Admiral X", "Director General | Sri Lanka Coast Guard |
    Rear Admiral Y". The words between hold a unit, portfolio or body word, so that a name is never read as one."""
    tokens, lex = state.tokens, lexicons()
    if j >= len(tokens) or starts_title(state, j) and read_title(tokens, j):
        return None  # "Executive Director | Police Colonel X": the rank itself
    vocabulary = lex.unit_vocabulary
    for k in range(j + 1, min(len(tokens), j + 6)):
        if not (tokens[k - 1].is_cap and tokens[k - 1].is_word) or state.used[k - 1]:
            return None
        if starts_title(state, k) and (end := read_title(tokens, k)) and (name := read_name(tokens, end, after_title=True)) and name - end >= 2:
            span = org_span_at(state, j)
            body = span if span and span[2] == "org" and span[:2] == (j, k) else None  # the whole unit, not a part of it
            if body is None and not all(t.key in vocabulary for t in tokens[j:k]):
                return None  # "Bank President Akinwumi Adesina | INTERPOL Secretary General X": a name, not a unit
            return k, body
    return None


def unit_then_name(state: SentenceState, j: int, *, command: bool = False) -> int | None:
    """End of one or two unit words written after a position and before a name of two words or more:
    "Assistant Commissioner | Crime | Yam Tat-wing", "Director General | Immigration | Abbas Ahsan". Unit words
    of a command ("Western", "Marine") count only after a ``command`` ("Regional Commander | Marine | Ng
    Chee-kin"); after other positions they may be given names ("Ambassador Marine Dupont").

    >>> from analysis.participants import participants
    >>> from analysis.article import parse_article
    >>> participants(parse_article("T\\n\\nThey met Assistant Commissioner Crime Lam Ka-ming."))[["name", "title"]].values.tolist()
    [['Lam Ka-ming', 'Assistant Commissioner Crime']]
    """
    tokens, lex = state.tokens, lexicons()
    vocabulary = lex.topic_vocabulary | lex.unit_words if command else lex.topic_vocabulary
    k = j
    while k < min(len(tokens), j + 2) and tokens[k].is_cap and not tokens[k].is_allcaps and tokens[k].key in vocabulary and not state.used[k]:
        k += 1
    if not j < k < len(tokens) or starts_title(state, k) and read_title(tokens, k):
        return None  # "Executive Director Police | Colonel X": "Police" belongs to the rank
    name = read_name(tokens, k, after_title=True)
    return k if name and name - k >= 2 and is_nameish(tokens, k, name, titled=True) else None


def holds_command(title: str) -> bool:
    """Whether a position is a police or military command's ("Regional Commander", "Assistant Commissioner").

    >>> holds_command("Acting Regional Commander"), holds_command("Ambassador")
    (True, False)
    """
    last = title.split()[-1].casefold()
    return holds_police_rank(title) or last in lexicons().rank_heads or last in lexicons().command_heads
