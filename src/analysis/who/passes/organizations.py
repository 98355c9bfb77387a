"""Pass: organizations written as runs of capitalised words holding a head word ("Royal Malaysia Police")."""
from __future__ import annotations


from ..lexicon import lexicons
from ..places import known_place
from ..police import is_police_force
from ..phrases import cap_run, has_org_head, is_generic, is_lower_title, is_title_word, listed_name_end, names_a_force, purpose_end, read_title, title_in_name
from ..spans import demonym_at, in_place, starts_title, tail
from ..state import SentenceState


def read_capitalised_orgs(state: SentenceState) -> None:
    tokens = state.tokens
    i = 0
    while i < len(tokens):
        if state.used[i] or not (tokens[i].is_cap and tokens[i].is_word) or tokens[i].key in lexicons().non_name_caps:
            i += 1
            continue
        end = purpose_end(tokens, i, listed_name_end(tokens, i, cap_run(tokens, i)))
        while tokens[end - 1].possessive and tokens[end - 1].key in lexicons().title_heads and end < len(tokens) and tokens[end].is_cap and tokens[end].key in lexicons().org_heads:
            end = cap_run(tokens, end)  # "the Prime Minister's Office", "the Minister's Office for Studies and Research"
        if end - i > 2 and tokens[end - 1].possessive and tokens[end - 2].key == "and":
            end -= 2  # "the Ministry of Public Security and Singapore's Ministry of ...": the possessive opens the next name
        stop = next((k for k in range(i, end) if state.used[k]), end)
        split_run(state, i, stop)
        i = max(stop, i + 1)


def split_run(state: SentenceState, i: int, end: int) -> None:
    """Organizations in one capitalised run, split at "and" between two named bodies."""
    tokens, kinds = state.tokens, state.known_acronyms
    start = i
    for k in range(i + 1, end - 1):
        left = tokens[start:k]
        acronym = len(left) == 1 and sum(c.isupper() for c in left[0].text) >= 2  # "the MoI and the IACP"
        named = has_org_head(left) or acronym or (len(left) == 1 and (left[0].text in lexicons().known_orgs or left[0].text in kinds))
        # "Ministry of Digital Economy and Society": a lone head after "and" is part of the name ("and Ministry of ..." starts one)
        lone_head = tokens[k + 1].key in lexicons().org_heads and (k + 2 >= end or tokens[k + 2].key in lexicons().connectors and tokens[k + 2].key not in ("of", "for"))
        new_phrase = (
            tokens[k + 1].key == "the" and has_org_head(tokens[k + 2 : end]) and not is_generic(tokens[k + 2 : end])  # "... Customs and the National Crime Agency"
            or tokens[k + 1].text in lexicons().demonyms  # "Aviation Security and Fijian Police": a body named by its country
        )
        if tokens[k].key in ("and", "&") and (named or new_phrase) and has_org_head(tokens[k + 1 : end]) and not lone_head:
            org_in(state, start, k)
            start = k + 1
    org_in(state, start, tail_after_and(state, start, end))


def tail_after_and(state: SentenceState, i: int, end: int) -> int:
    """Where a body's name ends when "and" joins it to what is not part of it: an acronym ("Ministry of
    Interior & Narcotics Control and ANF", read as a body of its own), a place ("Serbian Ministry of the
    Interior and US") or a place and words of no portfolio ("Ministry of Justice and Dubai Public
    prosecution"). Portfolios stay ("Ministry of Culture and Islamic Guidance", "Ministry of Foreign Affairs
    and Asia Pacific Cooperation", "Ministry of Kashmir Affairs and Gilgit-Baltistan")."""
    tokens, lex = state.tokens, lexicons()
    at = next((k for k in range(end - 2, i, -1) if tokens[k].key == "and"), None)
    if at is None or not has_org_head(tokens[i:at]) or has_org_head(tokens[at + 1 : end]):
        return end
    rest = tokens[at + 1 : end]
    if len(rest) == 1 and rest[0].is_allcaps and len(rest[0].text) >= 2:
        org_in(state, at + 1, end)
        return at
    if state.text(at + 1, end) in lex.places:
        return at
    place_first = len(rest) > 1 and known_place(rest[0].text) and not known_place(state.text(at + 1, end))
    return at if place_first and not any(t.key in lex.portfolios for t in rest[1:]) else end


def org_in(state: SentenceState, i: int, end: int) -> None:
    tokens, lex = state.tokens, lexicons()
    if i == 0 and i + 1 < end and tokens[i].key.endswith("ing") and tokens[i + 1].key in ("the", "a", "an"):
        i += 1  # "Representing the Government of the Maldives, ...": a participle opening the sentence
    while i < end and (tokens[i].key in lexicons().connectors or not tokens[i].is_word or "-" in tokens[i].key and tokens[i].key.rsplit("-", 1)[1] in lex.compound_adjective_ends):
        i += 1  # "the Semarang-based Police Academy": the adjective is no part of the name
    if i < end and state.text(i, end) in lex.places:
        return  # "Republic of the Union of Myanmar" is a country
    if (k := next((k for k in range(i + 1, min(end, i + 4)) if tokens[k].key == "for"), None)) and known_place(state.text(i, k)):
        i = k + 1 + (k + 1 < end and tokens[k + 1].key == "the")  # "(met in) Hanoi | for the 8th Senior Officials Meeting": the place is no part of the name
    if end - i == 2 and tokens[i + 1].text in lex.police_force_words and end < len(tokens) and not tokens[end].is_cap and tokens[end].key.endswith("s") and (
        tokens[end].key in lex.generic_org_words or is_lower_title(tokens[end])
    ) and lex.places.get(tokens[i].text, {}).get("kind") == "region" and not lex.places[tokens[i].text].get("country"):
        return  # "from Pacific Police services": the police of a region, no body's name (not "Indonesian Police officers", "the Punjab Police spokesperson")
    if i < end and (title_end := read_title(tokens, i)):
        if title_end >= end:
            return  # a position with no name ("Director for Police Services") is not an organization
        if tokens[title_end].key in ("of", "at", "for"):
            i = title_end + 1 + (tokens[title_end + 1].key == "the")  # "Director of the Cyber Crime Centre", "... Cooperation for the Federal Police"
        elif tokens[title_end].is_cap and tokens[title_end - 1].key not in lex.rank_heads:
            i = title_end  # "Director Immigration Wing": the unit, after its head's title
    k = i + 1
    while k < end:
        if is_title_word(tokens[k]) and starts_title(state, k) and (title_end := read_title(tokens, k)) and not tokens[title_end - 1].possessive:
            if title_in_name(tokens, k):
                k = title_end  # "Office of the Prime Minister": the title is part of the name
                continue
            end = portfolio_start(tokens, i, k)  # "ASEANAPOL Secretariat Executive Director", "OSCE Police Affairs Officer"
            break
        k += 1
    and_at = next((n for n in range(i + 1, end) if tokens[n].key == "and"), None)
    rest = [t for t in tokens[and_at + 1 : end] if t.is_cap] if and_at is not None else []
    if and_at is not None and state.text(i, and_at) in lex.places and rest and not any(t.key in lex.not_org_heads for t in rest):
        org_in(state, and_at + 1, end)  # "Malaysia and the ASEANAPOL Secretariat", "the Union of Myanmar and the Kingdom of Thailand"
        return
    words = tokens[i:end]
    if not words:
        return
    kind = None
    portfolio = False  # after "Ministry of": "Ministry of Justice, Equality and Law Reform" stays a ministry
    for n, token in enumerate(words):  # the rightmost head word decides: "Working Group Meeting" is an event
        portfolio = portfolio or (kind == "org" and token.key == "of" and words[n - 1].key in lex.org_heads)
        if portfolio and token.key in lex.portfolios:
            continue
        if token.is_cap and token.key in lex.org_heads:
            # "National Convention Center": a venue named after an event word; "General Assembly": a meeting
            kind = "other" if n and (words[n - 1].key in lex.not_org_heads or words[n - 1].key == "general" and token.key == "assembly") else "org"
        elif token.is_cap and token.key in lex.not_org_heads:
            kind = "other"
    if kind == "other":
        first_other = next((n for n, t in enumerate(words) if t.key in lex.not_org_heads or t.key == "assembly"), len(words) - 1)
        heads = [n for n in range(first_other) if words[n].key in lex.org_heads]
        if heads and words[heads[-1] + 1 : first_other] and not any(t.key in lexicons().connectors for t in words[: first_other]):
            # "ASEANAPOL Secretariat Sharing Session": the organization, then its event
            state.add_org(i, i + heads[-1] + 1)
        state.other_spans.append((i, end))
        for n, token in enumerate(words):
            if token.text in lex.known_orgs:
                state.add_org(i + n, i + n + 1)
        state.mark(i, end)
        return
    if kind == "org" and (at := parent_at(state, i, end)):
        org_in(state, i, i + at)  # "International Cooperation Bureau | of the | National Police": two bodies
        org_in(state, i + at + 1 + (tokens[i + at + 1].key == "the"), end)
        return
    if kind == "org":
        first_head = min(n for n, t in enumerate(words) if t.key in lex.org_heads)
        of = next((n for n, t in enumerate(words[:first_head]) if t.key == "of" or t.key == "for" and n and words[n - 1].key in lex.not_org_heads), None)
        if of is not None:  # "Member States of the European Union", "Theoretical Training for Tajik Customs Service" (not "Lawyers for Human Rights Association")
            org_in(state, i + of + 1, end)
            return
        last_head = max(n for n, t in enumerate(words) if t.key in lex.org_heads)
        name_end = last_head + 1
        if any(t.key in ("of", "for", "on") for t in words[first_head:last_head]):
            while name_end < len(words) and words[name_end].is_cap and words[name_end].key in lex.topic_vocabulary and not is_title_word(words[name_end]):
                name_end += 1  # "Institute of Police Management": the field after "of" goes on past its "Police"
        tail_end = tail(state, words, name_end)
        stop = in_place(state, i, i + tail_end) if i + tail_end == end else i + tail_end
        if (first_head > 0 or tail_end > name_end or last_head > first_head) and (not is_generic(words[:tail_end]) or names_a_force(tokens, i, i + tail_end)):
            state.add_org(i, stop)
            if i + tail_end < end:
                org_in(state, i + tail_end, end)
            return
    if state.text(i, end) in lex.known_orgs:
        state.add_org(i, end)  # "United Nations": a well-known name with no head word
        return
    if len(words) >= 2 and words[-1].key in lex.country_services:
        for size in range(min(3, len(words) - 1), 0, -1):  # "Hong Kong Customs": a country's name of two words
            owner = state.text(end - 1 - size, end - 1)
            if owner in lex.demonyms or lex.places.get(owner, {}).get("kind") == "country":
                state.add_org(end - 1 - size, end)  # "(Officers of) Belgian Customs", "Pakistan Customs": a country's service
                return
    for n, token in enumerate(words):  # a well-known organization alone: "INTERPOL", "ASEANAPOL Member Countries"
        if token.text in lex.known_orgs or token.text in state.known_acronyms:
            state.add_org(i + n, i + n + 1)


def parent_at(state: SentenceState, i: int, end: int) -> int | None:
    """Where "of" joins a named unit to the body it belongs to: "International Cooperation Bureau of the
    National Police", "Strategic Police Matters Unit of the OSCE" (two organizations). The unit has a name of
    its own, three words or more ending in a head word ("Steering Committee of AFRIPOL" stays one); the parent
    is a body, ending in a head word or known by name, not a place ("Ministry of Internal Affairs of the
    Republic of Dagestan"), a position ("Office of the Inspector-General of Police") or a field ("Institute of
    Police Studies")."""
    tokens, lex = state.tokens, lexicons()
    for n in range(i + 3, end - 1):
        if tokens[n].key != "of" or not (tokens[n - 1].is_cap and tokens[n - 1].key in lex.org_heads):
            continue
        unit, parent = tokens[i:n], tokens[n + 1 + (tokens[n + 1].key == "the") : end]
        if any(t.key in ("of", "for", "on") for t in unit) or is_generic(unit) or not parent or state.text(end - len(parent), end) in lex.places:
            return None  # "Ministry of Interior of X": the name's own "of" comes first
        if is_title_word(parent[0]) and read_title(parent, 0) or is_police_force(state.text(i, n)):
            return None  # "Armed Police Force of Chhinnamasta Brigade": a force is no one's unit; what follows is its own
        headed = parent[-1].key in lex.org_heads or len(parent) > 2 and parent[0].key in lex.org_heads and parent[1].key in ("of", "for")  # "Ministry of ..."
        named = headed and parent[-1].is_cap and not is_generic(parent) or len(parent) == 1 and (parent[0].text in lex.known_orgs or parent[0].text in state.known_acronyms)
        return n - i if named else None
    return None


def portfolio_start(tokens: list, i: int, k: int) -> int:
    """Where the title at ``k`` starts once the portfolio written before it is counted in: "OSCE | Police
    Affairs Officer", "UNODC | Police Liaison Officer" (but "Royal Malaysia Police | Chief": there "Police"
    is the body's)."""
    lex, start = lexicons(), k
    while start - 1 > i and tokens[start - 1].is_cap and tokens[start - 1].key in lex.portfolios:
        start -= 1
    body_alone = start - 1 == i + 1 and (tokens[i].is_allcaps or tokens[i].text in lex.known_orgs)  # "UNODC Police ..."
    if start - 1 > i and tokens[start - 1].key == "police" and (start < k or body_alone):
        start -= 1
    return start


def read_org_countries(state: SentenceState) -> None:
    """The country written right before each organization: "China's Ministry of Public Security", "the
    Chinese Ministry of ..." (the organizations table's ``country``)."""
    for org in state.orgs:
        for size in (2, 1):
            if org.start - size >= 0 and (found := demonym_at(state, org.start - size)) and found[1] == org.start:
                org.country = found[0]
                break
