"""Readers of personal names over tokens: where a name starting at a token ends, and whether words can be one."""
from __future__ import annotations

import functools

from .lexicon import lexicons
from .phrases import is_title_word, read_title
from .places import known_place, place_divisions, place_kinds, reader_words
from .tokens import Token


@functools.cache
def nickname_forms() -> dict[str, frozenset[str]]:
    """Given name -> its short forms and the names it is short for (the ``nicknames`` dataset, Apache-2.0)."""
    from nicknames import name_triplets  # imported here: most articles never need it

    forms: dict[str, set[str]] = {}
    for row in name_triplets():
        forms.setdefault(row.name1, set()).add(row.name2)
        forms.setdefault(row.name2, set()).add(row.name1)
    return {name: frozenset(others) for name, others in forms.items()}


def read_name(tokens: list[Token], i: int, *, after_title: bool = False) -> int | None:
    """End of a personal name starting at ``i``: capitalised words, initials, family names in capitals, particles.

    After a title, a capitalised function word may open a name when another name word follows ("General To Lam").
    """
    lex = lexicons()
    j, last = i, None
    while j < len(tokens):
        token = tokens[j]
        if last is not None and token.text in "“\"" and j + 2 < len(tokens) and tokens[j + 1].is_cap and tokens[j + 2].text in "”\"" and j + 3 < len(tokens) and (tokens[j + 3].is_cap or tokens[j + 3].key in lex.particles):
            j += 3  # a nickname: Ronald “Bato” de la Rosa
            continue
        if not token.is_word:
            break
        key = token.key
        if last is None and after_title and key in lex.particles and not token.is_cap and any(t.is_cap for t in tokens[j + 1 : j + 3]):
            j += 1  # "President von der Leyen": a name may open with its particle after a title
            continue
        if j > i and token.is_allcaps and token.text in lex.title_abbreviations and key not in lex.particles:
            break  # "INTERPOL CP Olaolu Adegbite": a rank ends what came before (not "Marco DI STEFANO")
        if j == i and token.is_allcaps and token.text in lex.known_orgs:
            return None  # "CP INTERPOL CP X": a known body, not a name
        initial = len(token.text) == 2 and token.text[1] == "."  # "Tarek A. SHARIF": not the article "a"
        # "T C A Dhanapala", "T. C. A Dhanapala": a one-letter function word among initials is one too
        initial |= len(token.text) == 1 and token.is_cap and last == j - 1 and len(tokens[last].text.rstrip(".")) == 1 and j + 1 < len(tokens) and tokens[j + 1].is_cap
        common = key in lexicons().non_name_caps and not initial and not (after_title and j == i and j + 1 < len(tokens) and tokens[j + 1].is_cap and tokens[j + 1].is_word)
        if common and last == j - 1 and j - i >= (2 if after_title else 1) and token.is_cap and key not in lex.calendar_words and (
            not (j + 1 < len(tokens) and (tokens[j + 1].is_cap or tokens[j + 1].text[:1].isdigit())) if after_title
            else j + 1 == len(tokens) or tokens[j + 1].text in (",", ";", ".", ")")  # untitled: "Peter May," not "Kofi Annan Also attended"
        ):
            common = False  # "Sen. Lieut. Gen. Tran Quoc To hosted", "Peter May, the Permanent Secretary": a capitalised function word ending a name
        elif common and after_title and j == i + 1 and last == i and token.text in lex.name_syllables and j + 1 < len(tokens) and (nxt := tokens[j + 1]).is_cap and nxt.is_word and not (
            nxt.is_allcaps or nxt.key in lex.non_name_caps or nxt.key in lex.title_words or nxt.key in lex.org_heads or nxt.text in lex.known_orgs or known_place(nxt.text)
            or j + 2 < len(tokens) and tokens[j + 2].is_cap and tokens[j + 2].is_word
        ):
            common = False  # "Mr. Na In Chul -": a name's second syllable that is also a function word, its last word after it
        if token.is_cap and key.endswith("s") and key[:-1] in lex.title_heads:
            break  # "Deputy Inspector Generals", "Generals Offices": a plural rank is not a name
        if "-" in key and key.rsplit("-", 1)[1] in lex.compound_adjective_ends and compound_adjective(token.text.rsplit("-", 1)[0]):
            break  # "Deputy Inspector General-level meeting", "Banke-based": an adjective, not a name ("Chan Ka-run" is one)
        if token.is_cap and not common and not (token.is_allcaps and j + 1 < len(tokens) and not tokens[j + 1].is_cap and j == i):
            inside = j + 2 < len(tokens) and tokens[j + 1].key in lex.particles and tokens[j + 2].is_cap  # "Rashed Sultan al Khodr"
            inside |= last is not None and tokens[j - 1].key in lex.particles  # "Khaled bin Bandar bin Sultan": a particle's name
            if j > i and not inside and (is_title_word(token) and key in lex.title_heads or key in lex.org_heads or token.text in lex.known_orgs):
                break
            if j > i and token.text.rstrip(".") in lex.postnominals:
                break  # "Reece Kershaw APM": an honour after the name
            if j > i and not inside and is_title_word(token) and (title_end := read_title(tokens, j)) and title_end > j + 1:
                break  # "... Relations Senior Superintendent of Police": a rank, not a name
            last = j
            j += 1
            if token.possessive:
                break
        elif key in lex.particles and last is not None:
            j += 1
        elif last is not None and (parts := token.text.split("-", 1))[-1][:1].isupper() and f"{parts[0].casefold()}-" in lex.particles:
            last, j = j, j + 1  # "Khalifa bin Hamad al-Thani": a particle joined to the family name
        else:
            break
    if last is None or after_title and tokens[i].text in ("I.", "V."):
        return None  # "Program Officer I. Representing ...": a numeral ends the title, no name follows
    first = tokens[i]
    if first.is_allcaps and last == i and len(first.text) <= 5:
        return None  # a lone acronym, not a name
    if last + 2 < len(tokens) and tokens[last + 1].text == "," and tokens[last + 2].text.rstrip(".") in lex.generational_suffixes and not (
        last + 3 < len(tokens) and (is_title_word(tokens[last + 3]) or tokens[last + 3].text.rstrip(".") in lex.title_abbreviations)
    ):
        return last + 3  # "Director Tarkong, Jr.": the suffix after a comma is the name's (not "X, Sr. Insp. Y": a rank)
    return last + 1


def is_nameish(tokens: list[Token], i: int, end: int, *, titled: bool = False) -> bool:
    """Whether tokens[i:end] can be a personal name: no organization or event words, not a place.

    After a title a place word may stand inside a longer name ("General Badrodin Haiti").
    """
    lex = lexicons()
    words = tokens[i:end]
    text = " ".join(t.text for t in words)
    if all(len(t.text.rstrip(".")) <= 1 for t in words):
        return False  # initials alone ("U. S") name nobody
    thing = len(words) == 1 and (words[0].text in lex.facility_words or words[0].key.endswith("s") and words[0].key[:-1] in lex.org_heads)
    if thing and (any(t.key in lex.role_determiners for t in tokens[max(0, i - 3) : i - 1]) or end < len(tokens) and tokens[end].text[:1].isdigit()):
        return False  # "the Ambassador Bridge", "the two Justice Departments", "Tower 1": not "Inspector Banks said"
    if text in lex.places or text in lex.known_orgs or text in lex.demonyms or all(t.text.rstrip(".") in lexicons().roman_numerals for t in words):
        return False
    if all(t.key in lex.forms_of_state for t in words):
        return False  # "the State Police Republic of Albania": a form of state, not a one-word name
    if (len(words) == 1 or not titled) and known_place(text) or len(words) > 1 and (words[-1].text in place_kinds() or words[-1].text in place_divisions()):
        return False  # "Chief of UNICEF, Odisha": a state, not a one-word name; "St. Lucia" listed; "Abqaiq Governorate": a place
    # "Director John C. Law": after a title and an initial, a family name may be a word of events or laws (not "Prince Nayef bin Abdulaziz Award")
    family = titled and len(words) > 2 and words[-1].key in lex.not_org_heads and words[-2].text[1:] == "." and not any(t.key in reader_words() or t.text in lex.places for t in words[:-1])
    # "Ambassador Bill Tweddell": after a title, a first word that also names a document may be a given name
    given = titled and len(words) > 1 and words[0].key in lex.not_org_heads and words[0].key in nickname_forms()
    if any(t.key in lex.org_heads or t.key in lex.not_org_heads and not (family and t is words[-1] or given and t is words[0]) or t.key.startswith("anti-") for t in words) or all(
        t.key in lex.portfolios or t.key in lex.portfolio_adjectives or t.key in lex.topic_words or t.key in lex.unit_words for t in words
    ):
        return False  # "Detective Management" is a portfolio, not "Detective" Management; "Western Naval Area" a unit
    return titled and len(words) > 1 or not any(t.text in lex.places for t in words)


def compound_adjective(first: str) -> bool:
    """Whether ``first`` opens a hyphenated adjective: a place, a demonym, an acronym, a title or a body's word
    ("Kenya-based", "Saudi-led", "UN-backed", "General-level"), not a syllable of a name ("Ka-run")."""
    lex = lexicons()
    key = first.casefold()
    return first in lex.places or first in lex.demonyms or first.isupper() or key in lex.title_words or key in lex.org_heads or known_place(first)
