"""Phrase readers over tokens, each returning the index after what it read, or None: titles, bodies, places and runs of
capitalised words (personal names: :mod:`analysis.who.person_names`)."""
from __future__ import annotations

import itertools
import re
from collections.abc import Set as AbstractSet

from .lexicon import lexicons
from .places import directions, known_place
from .tokens import Token


def match_phrase(tokens: list[Token], i: int, phrases: frozenset[tuple[str, ...]], longest: int = 4) -> int | None:
    for size in range(min(longest, len(tokens) - i), 0, -1):
        if tuple(t.key for t in tokens[i : i + size]) in phrases:
            return i + size
    return None


def bracketed(tokens: list[Token], j: int) -> Token | None:
    """The one token in parentheses at ``j`` ("(NCB)", "(Dr)"), or None."""
    return tokens[j + 1] if j + 2 < len(tokens) and tokens[j].text == "(" and tokens[j + 2].text == ")" else None


def before_acronym(tokens: list[Token], end: int) -> int:
    """``end`` less a "(ACRONYM)" that closes the phrase: a title is written without its body's acronym."""
    return end - 3 if end >= 3 and (inner := bracketed(tokens, end - 3)) and inner.is_allcaps else end


def is_title_word(token: Token) -> bool:
    lex = lexicons()
    if not token.is_word or not (token.is_cap or token.text[:2] in ("d'", "d’")):  # "Chargé d'Affaires"
        return False
    if token.key in lex.title_words:
        return True
    parts = [p for p in token.key.split("-") if p not in ("in", "of")]  # "Commander-in-Chief"
    return len(parts) > 1 and all(p in lex.title_words for p in parts)


def cap_run(tokens: list[Token], i: int, *, allow_the: bool = True) -> int:
    """End of a run of capitalised words joined by connectors ("Plans and Programmes"), from ``i``."""
    j, end = i, i
    while j < len(tokens):
        token = tokens[j]
        if token.is_word and (token.is_cap or token.text[0].isdigit()):
            if j > i and token.key in lexicons().calendar_words:
                break  # "Ministry of Public Security on Tuesday"
            j += 1
            end = j
            if token.possessive:
                break
        elif token.key in lexicons().connectors and end > i and (allow_the or token.key != "the" or tokens[j - 1].key == "and"):
            j += 1
        elif end == j > i and token.is_word and token.key in lexicons().portfolios and j + 1 < len(tokens) and tokens[j + 1].is_cap and tokens[j + 1].key in lexicons().org_heads:
            j += 1  # "the State customs Committee": a portfolio in lower case inside a body's name
        else:
            break
    return end


def purpose_end(tokens: list[Token], i: int, end: int) -> int:
    """``end``, or past the purpose that goes on a body's name ``tokens[i:end]``: "... Initiative to Fight
    Human Trafficking", "... Commission to fight Trafficking in Persons" ("in" and a capitalised word that
    is no place stay in it)."""
    lex = lexicons()
    while True:
        if (past := topic_complement_end(tokens, end)) > end and has_org_head(tokens[i:end]):
            end = past  # "Ministry against Violence and Trafficking in Persons"
        elif end + 2 < len(tokens) and tokens[end].key == "to" and tokens[end + 1].key in lex.purpose_verbs and tokens[end + 2].is_cap and has_org_head(tokens[i:end]):
            end = cap_run(tokens, end + 2)
        else:
            return end


def topic_complement_end(tokens: list[Token], end: int) -> int:
    """``end``, or past "in" and the capitalised words after a topic word that ends at ``end``: "Trafficking |
    in Human Beings", "Trafficking | in Persons" (a place after "in" is not part of the topic).

    >>> from analysis.who.tokens import tokenize
    >>> tokens = tokenize("for Combating Trafficking in Human Beings, Ambassador X")
    >>> topic_complement_end(tokens, 3), topic_complement_end(tokenize("Trafficking in Malaysia"), 1)
    (6, 1)
    """
    lex = lexicons()
    if end + 1 < len(tokens) and tokens[end].key == "in" and tokens[end - 1].key in lex.topic_words and tokens[end + 1].is_cap and not known_place(tokens[end + 1].text):
        return cap_run(tokens, end + 1)
    return end


def place_run(tokens: list[Token], k: int) -> int:
    """End of a run of place names joined by "and", "the" and commas from ``k`` ("Asia and the Pacific"), or ``k``."""
    places = lexicons().places
    j = end = k
    while j < len(tokens):
        size = next((n for n in (3, 2, 1) if j + n <= len(tokens) and ((text := " ".join(t.text for t in tokens[j : j + n])) in places or known_place(text))), 0)
        if not size and (formal := formal_place_end(tokens, j)):
            size = formal - j  # "the Kingdom of the Netherlands"
        if not size and j + 1 < len(tokens) and tokens[j].text.rstrip(".") in directions() and tokens[j + 1].text in places:
            size = 2  # "the Eastern Caribbean", "Southern Africa": a part of a place
        if size and j + size + 1 < len(tokens) and tokens[j + size].text == "," and known_place(f"{' '.join(t.text for t in tokens[j : j + size])}, {tokens[j + size + 1].text}"):
            size += 2  # "Washington, D.C.": one place, written with a comma
        if size:
            j = end = j + size + (j + size < len(tokens) and tokens[j + size].key in ("region", "regions"))
        elif end > k and tokens[j].key in ("and", "the", ","):
            j += 1
        else:
            break
    return end


def title_in_name(tokens: list[Token], m: int) -> bool:
    """Whether a title at ``m`` is part of an organization's name: right after "of"/"for" ("Office of the
    Prime Minister") or "General" after a head ("Directorate General of Immigration"), not after "and"
    ("... of Ukraine and the Inspector General of ...")."""
    before = tokens[m - 1].key if m > 0 else ""
    if m > 0 and general_after_head(tokens, m):
        return True
    return before in ("of", "for") or before == "the" and m > 1 and tokens[m - 2].key in ("of", "for")


def general_after_head(tokens: list[Token], m: int) -> bool:
    """Whether "General" at ``m`` goes with the head word before it and "of" or "for" follows: "Directorate
    General of Immigration", "Secretariat General for ..." (the body's name, not a rank); after a mission's
    head, the end of the text or "in" may follow too: "the Indonesian Consulate General in Johor Bahru"."""
    if tokens[m].key != "general" or tokens[m - 1].key not in lexicons().org_heads:
        return False
    if tokens[m - 1].key in lexicons().mission_words and (m + 1 == len(tokens) or not tokens[m + 1].is_cap):
        return True
    return m + 1 < len(tokens) and tokens[m + 1].key in ("of", "for")


def formal_place_end(tokens: list[Token], k: int) -> int | None:
    """End of a state's formal name from ``k``: "Republic of Yemen", "Hashemite Kingdom of Jordan",
    "Kingdom of the Netherlands" (at most two words before the form of state), or None."""
    places, forms = lexicons().places, lexicons().forms_of_state
    j = k
    while j < len(tokens) and j < k + 3 and tokens[j].is_cap and tokens[j].key not in forms:
        j += 1
    if j >= len(tokens) - 2 or tokens[j].key not in forms or not tokens[j].is_cap or tokens[j + 1].key != "of":
        return None
    at = j + 2 + (tokens[j + 2].key == "the")
    size = next((n for n in (3, 2, 1) if at + n <= len(tokens) and " ".join(t.text for t in tokens[at : at + n]) in places), 0)
    return at + size if size and places[" ".join(t.text for t in tokens[at : at + size])]["kind"] == "country" else None


def rank_follows(tokens: list[Token], j: int) -> bool:
    """Whether a rank of two words starts at ``j``: a modifier, then a rank head ("Major General", "Brig. Gen.")."""
    lex = lexicons()
    return j + 1 < len(tokens) and tokens[j].key in lex.title_modifiers and tokens[j + 1].key in lex.rank_heads and tokens[j + 1].is_cap


def rank_starts(tokens: list[Token], j: int) -> bool:
    """Whether a military or police rank starts at ``j``: "Admiral", "Colonel", "Major General"."""
    lex = lexicons()
    return j < len(tokens) and tokens[j].is_cap and (tokens[j].key in lex.rank_heads or tokens[j].key in lex.ranks_alone or rank_follows(tokens, j))


def country_body_at(tokens: list[Token], k: int) -> int:
    """Past a country's possessive that a body's name follows ("China’s | Hunan Public Security Department"),
    or ``k`` (not before a portfolio: "Kenya’s Police Reforms").

    >>> from analysis.who.tokens import tokenize
    >>> country_body_at(tokenize("China’s Hunan Public Security Department"), 0), country_body_at(tokenize("Kenya’s Police Reforms"), 0)
    (1, 0)
    """
    lex = lexicons()
    if not (tokens[k].possessive and k + 1 < len(tokens) and known_place(tokens[k].text)):
        return k
    run = cap_run(tokens, k + 1, allow_the=False)
    named = run > k + 1 and tokens[run - 1].key in lex.org_heads and tokens[run - 1].key not in lex.portfolios
    headed = any(tokens[m].key in lex.org_heads and tokens[m + 1].key in ("of", "for") for m in range(k + 1, run - 1))  # "Ministry of Interior"
    return k + 1 if named or headed else k


def read_title(tokens: list[Token], i: int) -> int | None:
    """End of a rank or position starting at ``i`` ("Assistant Commissioner of Police", "Director for X").

    A lower-case head counts right after an organization, a demonym or "police" ("Interpol chief").
    """
    lex = lexicons()
    j, has_head = i, False
    # a portfolio written before the position: "Home Affairs Minister", "Public Security Minister", "Foreign Minister"
    while j < len(tokens) and (
        tokens[j].is_cap and (tokens[j].key in lex.portfolios or tokens[j].key in lex.portfolio_adjectives or tokens[j].key.removeprefix("anti-") in lex.portfolios) and not tokens[j].possessive
        or j > i and tokens[j].key == "and" and j + 1 < len(tokens) and tokens[j + 1].is_cap  # "Home Affairs and Law Minister"
    ):
        j += 1
    if j == i or j >= len(tokens) or not is_title_word(tokens[j]) or tokens[j].key not in lex.title_heads:
        j = i
    while j < len(tokens) and not (j > i and tokens[j - 1].possessive):
        if tokens[j].is_cap and (phrase_end := match_phrase(tokens, j, lex.title_phrases, 4)) and not (
            tokens[phrase_end - 1].key in lex.org_heads and phrase_end < len(tokens) and tokens[phrase_end].key in ("of", "to", "in", "for")
        ):  # "Head of Mission", "Officer in Charge" (``title_phrases.txt``), not "Head of | (the) Delegation of the EU to Fiji"
            has_head, j = True, phrase_end
        elif is_title_word(tokens[j]):
            if has_head and (tokens[j - 1].key, tokens[j].key) in lex.title_compounds and rank_starts(tokens, j + 1):
                j += 1
                break  # "Director General | Admiral X": a position of two heads, then a rank
            if has_head and tokens[j - 1].key in lex.title_heads and tokens[j - 1].key not in lex.rank_heads and (
                rank_follows(tokens, j) or tokens[j].key in lex.ranks_alone and tokens[j - 1].key not in lex.title_modifiers
            ):
                break  # "Liaison Officer | Major General X": a position, then a rank
            has_head |= tokens[j].key in lex.title_heads or "-" in tokens[j].key
            j += 1
        elif j > i and not has_head and not any(t.key in lex.generic_org_words for t in tokens[i:j]) and (end := lower_title_end(tokens, j)):
            has_head, j = True, end  # a position in sentence case: "Deputy police commissioner"
            break
        elif (
            j > i and tokens[j].is_cap and tokens[j].is_word and j + 1 < len(tokens) and is_title_word(tokens[j + 1])
            and tokens[j + 1].key in lex.title_heads and not match_phrase(tokens, j, lex.honorifics, 1) and tokens[j].text not in lex.places
        ):
            j += 1  # a modifier the lexicon lacks, between title words: "Chief Diplomatic Officer"
        else:
            break
    if j == i and i > 0 and tokens[i].text in lexicons().lower_titles and ((tokens[i - 1].is_cap and tokens[i - 1].key not in lexicons().non_name_caps) or tokens[i - 1].key == "police" or tokens[i - 1].text == ")"):
        return lower_title_end(tokens, i) or i + 1  # "Interpol chief", "PDEA director general"
    if not has_head:
        return None
    if match_phrase(tokens, j - 1, lex.title_stops, 2) or (j < len(tokens) and tokens[j].is_cap and tokens[j].key in lex.org_heads and not (
        tokens[j].key == "police" and rank_starts(tokens, j + 1)  # "Executive Director | Police Colonel X"
    )):
        return None  # "Police General Department", "General Assembly": an organization, not a title
    if j + 1 < len(tokens) and tokens[j].key in ("of", "for") and tokens[j + 1].key == "police" and not (
        j + 2 < len(tokens) and tokens[j + 2].is_cap and tokens[j + 2].key in lex.portfolios  # "Director of Police Services"
    ) and not any(t.key in lex.org_heads and t.text not in lex.police_force_words for t in itertools.takewhile(lambda t: t.is_cap and t.is_word, tokens[j + 2 : j + 8])):  # "of Police Liberation War Museum"
        j = portfolio_list_end(tokens, j + 2) or j + 2  # "Minister for Police, National Security and ... Services"
        if j + 1 < len(tokens) and tokens[j].key in ("and", "&") and tokens[j + 1].is_cap and tokens[j + 1].key in lex.portfolios and not (
            j + 2 < len(tokens) and is_title_word(tokens[j + 2]) and tokens[j + 2].key in lex.title_heads  # not "... of Police and Immigration Director X"
        ):
            j += 2  # "Inspector General of Police and Customs"
    in_charge = j + 3 < len(tokens) and (tokens[j].key, tokens[j + 1].key, tokens[j + 2].key) == ("in", "charge", "of")
    if in_charge:
        j += 2  # "Deputy Secretary General in charge of Political Federation": a portfolio
    # portfolios: "for Police Services", "for the Advisory Department", "of Home Affairs"
    if j + 1 < len(tokens) and tokens[j].key in ("for", "of"):
        k = j + 1 + (tokens[j + 1].key == "the")
        if k >= len(tokens):
            return j  # "the Director for the": the sentence ends
        body = country_body_at(tokens, k)  # "for China’s | Hunan Public Security Department": the country's body
        if tokens[j].key == "for" and body == k and (regions := place_run(tokens, k)) > k:
            return regions  # "Regional Representative for Central America and the Caribbean"
        k = body
        if tokens[k].is_cap and (tokens[k].key in lex.org_heads and tokens[k].key not in lex.generic_org_words or known_body_at(tokens, k)) and not in_charge:
            return j  # "Permanent Secretary for the Ministry of ...", "Commissioner of Police for Interpol": the body follows the title
        end = run_end = topic_complement_end(tokens, cap_run(tokens, k, allow_the=False))  # "for Combating Trafficking in Human Beings"
        end = next((
            m for m in range(k, end)
            if match_phrase(tokens, m, lex.honorifics) or tokens[m].text in lex.title_abbreviations
            or (tokens[m].key in ("and", "&") and m + 1 < len(tokens) and tokens[m + 1].key == "the")  # "... Jan Novak and the Police President X"
            or (m > k and tokens[m - 1].key in lex.portfolios and is_title_word(tokens[m]))
            or (m > k + 1 and tokens[m].text.endswith(".") and is_title_word(tokens[m]) and (rank := read_title(tokens, m)) and rank > m + 1)  # "... Control Maj. Gen. X"
            or (m > k and tokens[m].key in ("and", "&") and is_title_word(tokens[m + 1]) and (after := read_title(tokens, m + 1))
                and not (after < len(tokens) and tokens[after].key in lex.portfolios))  # "... and Chief Compliance Officer", not "and Detective Management"
        ), end)
        last = next((m for m in range(end - 1, k - 1, -1) if tokens[m].key in lex.portfolios), None)
        if last is not None and not in_charge and any(
            tokens[m].is_cap and tokens[m].key in lex.org_heads and tokens[m].key not in lex.portfolios and tokens[m].text not in lex.police_force_words for m in range(k, end)
        ):
            return j  # "Secretary General of the Narcotics Control Board", "Chairman of the Central Board of Indirect Taxes and Customs": a body follows
        # a name after the portfolio ends it ("of Home Affairs Saifuddin ..."), unless a rank or honorific comes first
        # ("of Narcotics Control Maj. Gen. X": "Control" is part of the portfolio)
        if last is not None and last + 1 < end and (end == run_end or end - last > 2) and (tokens[last + 1].key not in ("and", "&") or is_title_word(tokens[last + 2])):
            end = last + 1  # "Minister of Home Affairs Saifuddin ...", "of Public Security of Lao PDR"
        organization = end < len(tokens) and tokens[end].is_cap and tokens[end].key in lex.org_heads  # "of the Special Investigation Department"
        if end > k and (in_charge or not organization and (tokens[j].key == "for" or last is not None)):
            j = portfolio_list_end(tokens, end) or word_list_end(tokens, end) or end  # "Minister of Interior, Institutional Reforms and Democratic Renewal"
            if j + 1 < len(tokens) and tokens[j].key == "for" and (regions := place_run(tokens, j + 1)) > j + 1:
                j = regions  # "Minister of Interior for Lower Saxony"
    return j


def lower_title_end(tokens: list[Token], j: int) -> int | None:
    """End of a lower-case position from ``j``: "police commissioner", "deputy chief", "minister"."""
    lex, k = lexicons(), j
    while k < len(tokens) and not tokens[k].is_cap and tokens[k].is_word and (
        tokens[k].key in lex.title_words or tokens[k].key == "police" or tokens[k].key in lex.topic_vocabulary or tokens[k].key in lex.portfolio_adjectives or tokens[k].key in lex.org_heads
    ):
        k += 1  # "police commissioner", "security minister", "home affairs minister", "drug control policy advisor", "response department head"
    while k > j and not is_lower_title(tokens[k - 1]):
        k -= 1
    return lower_portfolio_end(tokens, k) if k > j else None


def lower_portfolio_end(tokens: list[Token], j: int) -> int:
    """``j``, or past a portfolio in lower case after a lower-case position: "(minister) of national
    security", "(minister) of home affairs", "(deputy chief) for administration", "(Head) of the delegation",
    "(Chairman) of the conference"."""
    lex = lexicons()
    if j + 1 >= len(tokens) or tokens[j].key not in ("of", "for"):
        return j
    k, end = j + 1, j
    unit = j + 1 + (tokens[j + 1].key == "the")
    for m in range(unit, min(unit + 4, len(tokens))):
        if tokens[m].is_cap or not tokens[m].is_word:
            break
        if (tokens[m].key in lex.org_heads or tokens[m].key in lex.not_org_heads) and (m > unit or unit > j + 1):
            return m + 1  # "(head) of the northwestern department", "(commander) of the special unit"
    def portfolio(key: str) -> bool:  # "national security", "counter-terrorism policing"
        key = key.removeprefix("counter-").removeprefix("anti-")
        return key in lex.portfolios or key in lex.topic_words or key == "police"

    while k < len(tokens) and not tokens[k].is_cap and (portfolio(tokens[k].key) or tokens[k].key in lex.portfolio_adjectives or tokens[k].key == "and" and k > j + 1):
        if portfolio(tokens[k].key):  # "(chief commissioner) of police"
            end = k + 1
        k += 1
    return end


def portfolio_list_end(tokens: list[Token], j: int, *, ends: frozenset[str] | None = None) -> int | None:
    """End of a list of portfolios after a comma that closes with "and": "[Police], National Security and
    Correctional Services"; None unless ``tokens[j]`` is that comma. Title heads and places end the list.
    ``ends`` are the words the list may end on (by default the portfolios)."""
    lex = lexicons()
    ends = lex.portfolios if ends is None else ends
    if j + 3 >= len(tokens) or tokens[j].text != "," or tokens[j + 1].text in lex.places:
        return None
    if ends is lex.org_heads and any(t.text in lex.places or t.text in lex.demonyms for t in tokens[j + 1 : j + 10] if t.is_cap):
        return None  # "London, Customs and Tax Police", "Customs, Aviation Security and Fijian Police": bodies listed
    k, joined, end, portfolio = j + 1, False, None, False
    while k < len(tokens) and k < j + 10:
        token = tokens[k]
        if token.key in ("and", "&") and k > j + 1:
            joined = True
        elif token.text == "," and not joined and k > j + 1 and tokens[k - 1].is_cap:
            pass  # "[Agriculture], Fisheries, Livestock & Fishery Resources"
        elif not (token.is_word and token.is_cap) or is_title_word(token) and token.key in lex.title_heads or token.possessive and token.key not in lex.portfolios:
            break
        elif joined and token.key in ends:
            end = k + 1
        portfolio = portfolio or token.key in lex.portfolios
        k += 1
    if end is None and ends is lex.portfolios and joined and portfolio and tokens[k - 1].is_cap and (k == len(tokens) or tokens[k].text in (",", ".", ";", ")")):
        end = k  # "[Minister of Interior], Institutional Reforms and Democratic Renewal,": a portfolio in the list, then the clause ends
    return end


def word_list_end(tokens: list[Token], j: int) -> int | None:
    """End of a list of single words after a comma that closes with "and" and ends the name: "[Bureau of
    Alcohol, Tobacco], Firearms and Explosives"; None unless ``tokens[j]`` is that comma. A body, a place,
    an acronym or a position in the list makes it a list of other things."""
    lex = lexicons()

    def plain(token: Token) -> bool:
        return token.is_word and token.is_cap and not token.is_allcaps and not token.possessive and token.text not in lex.known_orgs and (
            token.text not in lex.places and token.text not in lex.demonyms and token.key not in lex.title_heads and token.key not in lex.org_heads
        )

    if j + 3 >= len(tokens) or tokens[j].text != ",":
        return None
    k = j + 1
    while k + 1 < len(tokens) and plain(tokens[k]) and tokens[k + 1].text == ",":
        k += 2
    if not (k + 1 < len(tokens) and plain(tokens[k]) and tokens[k + 1].key in ("and", "&")):
        return None
    end = k + 2
    while end < len(tokens) and plain(tokens[end]) and end < k + 4:
        end += 1
    if end == k + 2 or end < len(tokens) and tokens[end].is_cap:
        return None
    return end


def listed_name_end(tokens: list[Token], i: int, end: int) -> int:
    """``end``, or past a comma list that belongs to the name ``tokens[i:end]``: "Ministry of Police,
    National Security and Correctional Services", "Counter-Terrorism, Public Safety and Maritime
    Security Directorate"."""
    lex = lexicons()
    words = tokens[i:end]
    if not words or end >= len(tokens) or " ".join(t.text for t in words) in lex.places:
        return end
    heads = [n for n, t in enumerate(words) if t.is_cap and t.key in lex.org_heads]
    if heads and any(t.key in ("of", "for") for t in words[heads[0] :]):
        return portfolio_list_end(tokens, end) or word_list_end(tokens, end) or end
    last_connector = max((n for n, t in enumerate(words) if t.key in lex.connectors), default=-1)
    words = words[last_connector + 1 :]  # "Head of the [Human Trafficking], Migrant Smuggling and ... Directorate"
    if words and not heads and not any(t.is_allcaps for t in words):
        listed = portfolio_list_end(tokens, end, ends=lex.org_heads) or end
        if not any(t.is_allcaps or t.text == "," for t in tokens[end + 1 : listed]):
            return listed  # one comma, words not acronyms: a name, not a list of bodies
    return end


def known_body_at(tokens: list[Token], k: int, acronyms: AbstractSet[str] = frozenset()) -> bool:
    """Whether a well-known body, or one of the article's ``acronyms``, stands alone at ``k``: "for Interpol",
    not the first word of a portfolio ("for ASEAN Affairs")."""
    lex = lexicons()
    return (tokens[k].text in lex.known_orgs or tokens[k].text in acronyms) and not (
        k + 1 < len(tokens) and tokens[k + 1].is_cap and tokens[k + 1].key in lex.portfolios
    )


def names_a_force(tokens: list[Token], i: int, end: int) -> bool:
    """Whether tokens[i:end] is a force named by its scope after "the" ("of the National Police,"), not
    followed by more of a name (``scope_force_names.txt``)."""
    return (
        i > 0 and tokens[i - 1].key == "the" and tuple(t.key for t in tokens[i:end]) in lexicons().scope_force_names
        and all(t.is_cap for t in tokens[i:end]) and (end == len(tokens) or not tokens[end].is_cap)
    )


def is_generic(words: list[Token]) -> bool:
    """Whether an organization-like phrase is a common noun phrase: "National Police", "Thai Government"."""
    lex = lexicons()
    keys = [w.key for w in words if w.is_word and w.key not in lexicons().connectors]
    if all(k in lex.generic_org_words for k in keys):
        return True  # "National Police", "Police Services"
    if len(keys) > 1 and keys[-1] == "headquarters" and is_generic(words[:-1]):
        return True  # "National Police Headquarters", "Force Headquarters": a common body's building
    if sum(k in lex.org_heads for k in keys) == 1 and all(k in lex.generic_org_words or k in lex.org_heads for k in keys):
        return True
    before = " ".join(w.text for w in words[:-1])
    return keys[-1] in ("government", "authorities", "delegation", "delegations", "team", "side") and (
        before in lex.demonyms or before in lex.places  # "Solomon Islands Delegation"
        or all(w.text in lex.demonyms or w.text in lex.places or w.key in lex.generic_org_words for w in words[:-1])
    )


def is_lower_title(token: Token) -> bool:
    """A position written in lower case: "commissioner-general", "counsellor", "spokesman"."""
    if not token.is_word or token.is_cap:
        return False
    lex = lexicons()
    key = token.key
    if key.endswith("s") and key[:-1] in lex.title_heads:
        key = key[:-1]  # "police liaison officers, A and B"
    parts = key.split("-")
    # "commissioner-general", "commander-in-chief": title words joined by hyphens, with the words that go on a position
    return key in lexicons().lower_titles or all(p in lex.title_words or p in lex.title_joiners for p in parts) and any(p in lex.title_heads for p in parts)


def acronym_start(letters: str, words: list[Token]) -> int | None:
    """Index into ``words`` where a long form for ``letters`` starts, matching initials in order."""
    letters = re.sub(r"[^A-Z]", "", letters.upper())
    if len(letters) < 2:
        return None
    for start in range(len(words) - 1, -1, -1):
        initials = "".join(part[0].upper() for w in words[start:] if w.is_cap for part in w.text.split("-") if part)
        pos = 0
        for ch in initials:
            if pos < len(letters) and ch == letters[pos]:
                pos += 1
        if pos == len(letters) and words[start].is_cap and initials[0] == letters[0]:
            return start
    return None


def has_org_head(tokens: list[Token]) -> bool:
    return any(t.is_cap and t.key in lexicons().org_heads for t in tokens)


def org_kind(tokens: list[Token], known_acronyms: set[str]) -> str | None:
    """"org" when the words name an organization, "other" for events and documents, None if neither."""
    lex = lexicons()
    kind = None
    portfolio = False  # after "Bureau of": "Bureau of International Narcotics and Law Enforcement Affairs" stays a body
    for n, token in enumerate(tokens):
        portfolio = portfolio or kind == "org" and token.key in ("of", "for") and tokens[n - 1].key in lex.org_heads
        if token.key in lex.org_heads and token.is_cap:
            kind = "org"
        elif token.key in lex.not_org_heads and token.is_cap and not (portfolio and token.key in lex.portfolios):
            kind = "other"
    if kind is None and tokens and (tokens[0].text in lex.known_orgs or tokens[0].text in known_acronyms):
        kind = "org"
    return kind
