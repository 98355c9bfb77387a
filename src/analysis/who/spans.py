"""What is named at a point of a sentence: an organization, a place or a unit ("of the Royal Malaysia Police", "of Lao PDR")."""
from __future__ import annotations

import functools

from .lexicon import lexicons
from .places import known_place, place_kinds
from .phrases import cap_run, country_body_at, formal_place_end, general_after_head, has_org_head, is_generic, is_lower_title, is_title_word, known_body_at, listed_name_end, match_phrase, names_a_force, place_run, portfolio_list_end, purpose_end, rank_starts, read_title, title_in_name, word_list_end
from .state import SentenceState
from .tokens import Token


def starts_title(state: SentenceState, i: int) -> bool:
    """A title may start here: not an organization head glued to a name before it ("Federal Police")."""
    tokens, lex = state.tokens, lexicons()
    if tokens[i].key in lex.org_heads and i > 0 and tokens[i - 1].is_cap and tokens[i - 1].is_word and not tokens[i - 1].possessive and tokens[i - 1].key != "the":
        body_before = tokens[i - 1].text in lex.places or tokens[i - 1].text in lex.demonyms or tokens[i - 1].is_allcaps or tokens[i - 1].text in lex.known_orgs
        if (tokens[i].key in lex.title_words or tokens[i].key in lex.portfolios) and body_before and (end := read_title(tokens, i)) and end > i + 1:
            return True  # "Myanmar Union Minister", "Guatemalan Government Minister", "SEACOP Team Leader": a title, not the body
        if tokens[i - 1].key in lex.title_heads and tokens[i].key == "police" and rank_starts(tokens, i + 1):
            return True  # "Executive Director Police Colonel X": a position, then a police rank
        return match_phrase(tokens, i - 1, lex.honorifics, 1) is not None  # "H.E. Police Brigadier General"
    return True


def words_before(state: SentenceState, i: int) -> str:
    """The words that qualify a lower-case position at ``i``: "Kedah Police" in "Kedah Police chief"."""
    tokens, k = state.tokens, i
    while k > 0 and tokens[k - 1].is_word and not tokens[k - 1].possessive and (
        (tokens[k - 1].is_cap and tokens[k - 1].key not in lexicons().non_name_caps and tokens[k - 1].text not in lexicons().demonyms)
        or tokens[k - 1].key == "police" or tokens[k - 1].key in lexicons().position_qualifiers or tokens[k - 1].key in lexicons().title_status
        or not tokens[k - 1].is_cap and tokens[k - 1].key in lexicons().portfolios  # "security minister"
    ):
        k -= 1
    return state.text(k, i) if k < i else ""


def org_span_after(state: SentenceState, j: int) -> tuple[int, int, str] | None:
    """What follows "of"/"at"/"from" at ``j``: see :meth:`org_span_at`."""
    tokens = state.tokens
    if not (j + 1 < len(tokens) and tokens[j].key in ("of", "at", "from", "for", "in")):
        return None
    if tokens[j].key == "in" and not (j + 2 < len(tokens) and tokens[j + 1].key == "the" and has_org_head(tokens[j + 2 : cap_run(tokens, j + 2)])):
        return None  # "in the National Security Ministry": a body; "in Malaysia" is a place, read elsewhere
    k = j + 1 + (tokens[j + 1].key == "the")
    if tokens[j].key == "for" and not (k < len(tokens) and body_follows_for(state, k)):
        return None  # "for" names a body only when one follows
    return org_span_at(state, k)


def body_follows_for(state: SentenceState, k: int) -> bool:
    """Whether a body is named at ``k``, after "for": "Permanent Secretary for the Ministry of ...", "for the
    Hellenic Coast Guard", "for Interpol" (not a portfolio: "for Police Services", "for ASEAN Affairs")."""
    tokens, lex = state.tokens, lexicons()
    k = country_body_at(tokens, k)  # "for China’s Hunan Public Security Department": the country's body
    return tokens[k].is_cap and (
        tokens[k].key in lex.org_heads and tokens[k].key not in lex.generic_org_words
        or names_body(tokens[k : cap_run(tokens, k, allow_the=False)]) or known_body_at(tokens, k, state.known_acronyms)
    )


def names_body(words: list[Token]) -> bool:
    """Whether ``words`` end in a head word and name a body: "Hellenic Coast Guard", "Anti-Narcotics Force";
    not a portfolio ("Police Services", "Administration") or a common noun phrase ("National Police")."""
    lex = lexicons()
    return bool(words) and words[-1].is_cap and words[-1].key in lex.org_heads and words[-1].key not in lex.portfolios and not is_generic(words)


def org_span_at(state: SentenceState, k: int) -> tuple[int, int, str] | None:
    """``(start, end, kind)`` of what is named at ``k``, kind "org", "place" or "other" (a unit or
    portfolio that belongs to a role), without recording anything yet."""
    tokens, lex = state.tokens, lexicons()
    if k >= len(tokens) or state.used[k] and not state.org_at(k):
        return None
    if org := state.org_at(k):
        while tokens[org.end - 1].possessive and (owned := state.org_at(org.after)):
            org = owned  # "of Europol's European Cybercrime Centre"
        while (nxt := state.org_at(org.after)) and nxt.start == org.after:
            org = nxt  # "United Nations Security Council CTED"
        return k, org.after, "org"
    run_end = cap_run(tokens, k)
    # "of the Indonesian National Police and the Australian Federal Police": two bodies, the first is named here
    # "of the Ministry of Home Affairs & Ministry of Social and Family Development": the same, with a head and "of" after "&"
    run_end = next((m for m in range(k + 1, run_end - 2) if tokens[m].key in ("and", "&") and has_org_head(tokens[k:m]) and (
        tokens[m + 1].key == "the" and has_org_head(tokens[m + 2 : run_end])
        or tokens[m + 1].is_cap and tokens[m + 1].key in lex.org_heads and tokens[m + 2].key in ("of", "for")
    )), run_end)
    end = listed = purpose_end(tokens, k, listed_name_end(tokens, k, run_end))  # "... against Violence and Trafficking in Persons"
    if tokens[end - 1].possessive and end < len(tokens) and tokens[end].is_cap and not read_title(tokens, end):
        owned = org_span_at(state, end)  # "of the UK's National Crime Agency"
        if owned and owned[2] == "org":
            if tokens[end - 1].key in lex.title_heads and owned[0] == end and tokens[end].key in lex.org_heads:
                return k, owned[1], "org"  # "of the Minister's Office for Studies and Research": the office is the minister's
            return owned
    end = next((m for m in range(k, end) if state.used[m] or match_phrase(tokens, m, lex.honorifics) or rank_after_body(tokens, m) or (
        m > k and starts_title(state, m) and (title_end := read_title(tokens, m)) and not is_title_word(tokens[m - 1]) and not title_in_name(tokens, m)
        and not any(rank_after_body(tokens, p) for p in range(m + 1, title_end))  # "the Indonesian National Police | General X"
    )), end)
    while end > k and (tokens[end - 1].key in lexicons().connectors or not tokens[end - 1].is_word):
        end -= 1
    if end <= k or tokens[k].key in lexicons().non_name_caps:
        return None
    words = tokens[k:end]
    text = " ".join(t.text for t in words)
    if text in lex.places:
        return k, end, "place"
    if (formal := formal_place_end(tokens, k)) and formal <= end:
        return k, formal, "place"  # "of the Hashemite Kingdom of Jordan HE Ziad ..."
    for m in range(min(end - 1, k + 4), k, -1):  # "of Bangladesh Md Ali Hossain Fakir": the place, then a name
        if (state.text(k, m) in lex.places or known_place(state.text(k, m))) and not any(t.key in lex.org_heads or t.key in lex.not_org_heads for t in tokens[m:end]):
            return k, m, "place"  # "police commissioner of Philadelphia Charles Ramsey"
    heads = [n for n, t in enumerate(words) if t.key in lex.org_heads and t.is_cap]
    if heads and listed > run_end and end == listed:
        return k, end, "org"  # "the Ministry of Police, National Security and Correctional Services"
    complement = next((n for n in range(heads[-1], len(words)) if words[n].key in ("of", "for")), len(words)) if heads else 0
    if heads and not read_title(tokens, k) and not any(t.key in lex.not_org_heads for t in words[heads[-1] : complement]):  # "Department of Training and Research": a portfolio, not an event
        stop = in_place(state, k, k + tail(state, words, heads[-1] + 1))
        return (k, stop, "other") if is_generic(tokens[k:stop]) and not names_a_force(tokens, k, stop) else (k, stop, "org")
    if known := next((m for m in range(min(end, k + longest_known_name()), k, -1) if " ".join(t.text for t in tokens[k:m]) in lex.known_orgs), None):
        return k, known, "org"  # "of the United Nations", "of INTERPOL": a well-known body, with or without a head word
    if words[0].text in state.known_acronyms:
        return k, k + 1, "org"
    if words[-1].key in lex.portfolios or read_title(tokens, k) or any(t.key in lex.not_org_heads for t in words):
        return k, end, "other"
    if any(t.is_allcaps for t in words) and not (end < len(tokens) and tokens[end].is_cap):
        return k, end, "org"  # "President of RMIT Vietnam"
    return k, end, "other"


@functools.cache
def longest_known_name() -> int:
    """How many words the longest name of ``known_organizations.tsv`` has: a look-up never reads further."""
    return max((len(name.split()) for name in lexicons().known_orgs), default=1)


def rank_after_body(tokens: list[Token], m: int) -> bool:
    """Whether a rank and a name start at ``m``, right after a body's head word: "the Indonesian National
    Police | General Listyo Sigit Prabowo" (not "the Police General Department")."""
    if m == 0 or not (tokens[m - 1].is_cap and tokens[m - 1].key in lexicons().org_heads) or not rank_starts(tokens, m):
        return False
    end = read_title(tokens, m)
    return end is not None and end < len(tokens) and tokens[end].is_cap and tokens[end].key not in lexicons().org_heads


def commit(state: SentenceState, span: tuple[int, int, str]) -> str | None:
    """Record an organization span as a mention; a place is returned as the country's name."""
    start, end, kind = span
    if kind == "place":
        return state.text(start, end)  # "of Lao PDR": the country, as the text names it
    org = state.org_ending_at(end) or state.org_at(start) or state.add_org(start, end)
    return org.name


def in_place(state: SentenceState, start: int, stop: int) -> int:
    """``stop``, or past "in PLACE" when that follows the name of a mission abroad: "Embassy of Korea
    in Malaysia" (but "the National Training Centre for Police in Colombia" is in Colombia)."""
    tokens = state.tokens
    mission = any(t.key in lexicons().mission_words for t in tokens[start:stop])
    at = stop + 1 + (stop + 2 < len(tokens) and tokens[stop + 1].key == "the")  # "Embassy of Japan in the Philippines"
    if mission and at < len(tokens) and tokens[stop].key in ("in", "to") and (end := place_run(tokens, at)) > at and not state.used[at]:
        return end  # "High Commission of India in Sri Lanka", "Delegation of the European Union to Uzbekistan"
    if mission and stop < len(tokens) and tokens[stop - 1].key in lexicons().mission_words and (end := place_run(tokens, stop)) > stop and not state.used[stop]:
        return end  # "US Embassy Nassau": the city the mission is in, written right after it
    return stop


def tail(state: SentenceState, words: list[Token], n: int) -> int:
    """End of what follows a head: "of Public Security", "on Crime Prevention and Suppression",
    "of the People's Republic of China in Thailand", "Kuala Lumpur"."""
    lex = lexicons()
    if 0 < n < len(words) and general_after_head(words, n):
        n += 1  # "Directorate General of Immigration": "General" goes with the head
    j = n
    while j < len(words) and words[j].key in ("of", "for", "on", "against") and not words[j - 1].possessive:
        k = j + 1 + (j + 1 < len(words) and words[j + 1].key == "the")
        m = k
        while m < len(words) and (words[m].is_cap or (words[m].key in ("and", "&") or words[m].key == "in" and words[m - 1].key in lex.topic_words) and m + 1 < len(words) and words[m + 1].is_cap):
            m += 1
            if words[m - 1].possessive and words[m - 1].text[:-2] not in lexicons().plural_possessives:
                break
        if m == k:
            break
        m = portfolio_list_end(words, m) or word_list_end(words, m) or m  # "of Economic Development, Environment and Tourism"
        # "of Criminal Investigations Mohamed Amin", "of Ukraine Igor Klimenko": a place or a portfolio, then a name
        whole = " ".join(w.text for w in words[k:m]) in lex.places  # "of Papua New Guinea": the whole run is the place
        cut = None if whole else next((n for n in range(m - 1, k, -1) if " ".join(w.text for w in words[k:n]) in lex.places or words[n - 1].key in lex.portfolios), None)
        if cut is not None and m - cut >= 2 and all(w.is_cap and w.key not in lex.org_heads and w.key not in lex.portfolios and w.text not in place_kinds() for w in words[cut:m]):
            return cut
        j = m
    if j + 2 < len(words) and words[j].key == "to" and words[j + 1].key in lex.purpose_verbs:
        return len(words)  # "... Initiative to Fight Human Trafficking": the purpose, read to the end by purpose_end
    if j > n:
        return j
    if formal := formal_place_end(words, n):
        return formal  # "the State Police Republic of Albania": the country's formal name, written without "of"
    while j < len(words) and words[j].is_cap and not words[j - 1].possessive:
        j += 1
    rest = " ".join(w.text for w in words[n:j])
    return j if j > n and (rest in lex.places or words[n - 1].key in lex.mission_words and known_place(rest)) else n  # "US Embassy Nassau"


def demonym_at(state: SentenceState, k: int) -> tuple[str, int] | None:
    """A demonym or a country's possessive at ``k``: ("Australia", next index)."""
    lex, tokens = lexicons(), state.tokens
    for size in (2, 1):
        if k + size <= len(tokens):
            text = " ".join(t.text for t in tokens[k : k + size])
            if text in lex.demonyms and k + size < len(tokens) and (
                tokens[k + size].is_cap or tokens[k + size].key in lex.portfolios or tokens[k + size].key == "police" or is_lower_title(tokens[k + size]) or tokens[k + size].key in lex.org_heads
            ):
                return lex.demonyms[text], k + size  # "Thai Minister", "Costa Rican security minister", "Thai police chief", "the Bahraini minister of interior"
            if tokens[k + size - 1].possessive and lex.places.get(text, {}).get("kind") == "country":
                return lex.places[text]["name"], k + size
            after = k + size
            if (
                lex.places.get(text, {}).get("kind") in ("country", "region") and not tokens[after - 1].possessive and after < len(tokens)
                and any(t.key in lex.title_heads for t in tokens[after : cap_run(tokens, after, allow_the=False)])
            ):
                return text, after  # "the Northern Ireland Justice Minister", "PNG Police Minister": the place, as written
    return None


def demonym_before(state: SentenceState, i: int) -> str | None:
    lex, tokens = lexicons(), state.tokens
    if i > 0 and tokens[i - 1].key == "police":
        i -= 1  # "Thai police chief"
    for size in (2, 1):
        if i - size >= 0:
            text = " ".join(t.text for t in tokens[i - size : i])
            if text in lex.demonyms:
                return lex.demonyms[text]
            if lex.places.get(text, {}).get("kind") == "country":
                return text  # a country named as a modifier, as written: "US Ambassador", "PNG Police Minister"
    return None


def initials_of(title: str, letters: str) -> bool:
    """Whether ``letters`` abbreviate ``title``: its words' initials, in order, hold them all ("of" may give one).

    >>> initials_of("Assistant Commissioner of Police", "ACP"), initials_of("Inspector General of Police", "CID")
    (True, False)
    >>> initials_of("Minister of State", "MOS")
    True
    """
    initials = "".join(w[0].upper() for w in title.replace("-", " ").split() if w[:1].isalpha())
    it = iter(initials)
    return len(letters) >= 2 and all(c in it for c in letters)
