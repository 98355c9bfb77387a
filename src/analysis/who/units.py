"""Units and places written after a position with no "of": "Director General Immigration, X", "Officer
Commanding ZRP Chipinge District, Y", "Director General, Legal and Prosecution, COP Z", "head of Kenya's
anti-narcotics police unit". :func:`analysis.who.roles.read_role` reads them into a role."""
from __future__ import annotations

from .lexicon import lexicons
from .phrases import bracketed, place_run
from .places import division_name_size
from .spans import names_body
from .state import SentenceState


def unit_after(state: SentenceState, end: int) -> int:
    """``end``, or past a unit written after a position with no "of", when a comma or "from" follows:
    "Director General Immigration, X", "Director Anti-Human Smuggling from FIA, Y". Only the words of
    portfolios, bodies and topics count, so that a name ("Director General Abbas Ahsan") is not read as one;
    else a district or a known place, as :func:`district_after` reads it."""
    tokens, lex = state.tokens, lexicons()
    if (acronym_unit := unit_acronym_after(state, end)) > end:
        return acronym_unit
    vocabulary = lex.unit_vocabulary
    unit = end
    while unit < len(tokens) and (not state.used[unit] or any(a <= unit < b for a, b in state.other_spans)) and (  # "Capacity Building and Training": read as an event
        tokens[unit].is_cap and not tokens[unit].is_allcaps and all(part in vocabulary or part == "anti" for part in tokens[unit].key.split("-"))
        or unit > end and tokens[unit].key in ("and", "&") and unit + 1 < len(tokens) and tokens[unit + 1].is_cap  # "Global Outreach and Regional Support"
    ):
        unit += 1
    if unit > end and unit < len(tokens) and (tokens[unit].text == "," or tokens[unit].key == "from"):
        return unit
    if unit > end and names_body(tokens[end:unit]) and (unit == len(tokens) or tokens[unit].text in (".", ";")):
        return unit  # "..., Director General Narcotics Control Bureau.": a body closing the sentence
    return district_after(state, end)


def district_after(state: SentenceState, end: int) -> int:
    """``end``, or past the district or place a position commands, written with no "of" before a comma: "the
    Officer Commanding ZRP Chipinge District, Chief Superintendent X" (a force's acronym may open it),
    "Governor Northern Province, X"."""
    tokens = state.tokens
    at = end + (end < len(tokens) and tokens[end].is_allcaps and not state.used[end])
    size = division_name_size(tokens[at : at + 5], 0, state.used[at : at + 5])  # from its own start (the acronym is the force's); a division has at most 4 words
    stop = at + size + 1 if size else place_run(tokens, at)  # "Governor Northern Province, X": a place the gazetteer knows
    return stop if stop > at and stop < len(tokens) and tokens[stop].text == "," and not any(state.used[end:stop]) else end


def unit_after_comma(state: SentenceState, end: int) -> int:
    """``end``, or past a comma and the unit or portfolio a position is of, written without "of", when another
    comma or the sentence's end follows: "Director General, Administration, COP X", "Director General, Legal
    and Prosecution, ..." (the words of portfolios and topics only, so that a name is never read as one; a
    body named there is the person's and read by :func:`read_role`'s last rule)."""
    tokens, lex = state.tokens, lexicons()
    if not (end + 1 < len(tokens) and tokens[end].text == ","):
        return end
    vocabulary = lex.unit_vocabulary
    k, last = end + 1, None
    while k < len(tokens) and not state.used[k] and (
        tokens[k].is_cap and not tokens[k].is_allcaps and all(part in vocabulary or part == "anti" for part in tokens[k].key.split("-"))
        or last is not None and tokens[k].key in ("and", "&") and k + 1 < len(tokens) and tokens[k + 1].is_cap
    ):
        last = k if tokens[k].is_cap else last
        k += 1
    if last is None or names_body(tokens[end + 1 : last + 1]):
        return end
    return last + 1 if last + 1 == len(tokens) or tokens[last + 1].text in (",", ";", ".", ")") else end


def unit_acronym_after(state: SentenceState, end: int) -> int:
    """``end``, or past a unit's acronym and its bracketed branch after a rank, where the role ends: "ACP
    Nor Azarina Mokhtar, ACP USKPN (Legal); ..." (the unit is written in the role, not read as a body)."""
    tokens, lex = state.tokens, lexicons()
    if end >= len(tokens) or not (tokens[end].is_allcaps and tokens[end].text.isalpha() and 2 <= len(tokens[end].text) <= 8) or state.used[end]:
        return end
    if state.title_abbreviation(tokens[end].text) or tokens[end].text in lex.places or tokens[end].text in lex.not_org_acronyms or tokens[end].text in lex.known_orgs or tokens[end].text in state.known_acronyms:
        return end
    unit = end + 1
    if (inner := bracketed(tokens, unit)) and inner.is_cap and not inner.is_allcaps:
        unit += 3  # "(Legal)"
    return unit if unit == len(tokens) or tokens[unit].text in (",", ";", ".") else end


def lower_unit_end(tokens: list, j: int) -> int:
    """``j``, or past a unit named in lower case from ``j``: words of portfolios, topics and police, ending in a
    body's head word ("anti-narcotics police unit", "criminal investigation department")."""
    lex, k, end = lexicons(), j, j
    while k < len(tokens) and k < j + 5 and tokens[k].is_word and not tokens[k].is_cap:
        key = tokens[k].key.removeprefix("anti-").removeprefix("counter-")
        if tokens[k].key in lex.org_heads:
            end = k + 1
        elif not (key in lex.topic_vocabulary or key == "police" or key in lex.portfolio_adjectives):
            break
        k += 1
    return end
