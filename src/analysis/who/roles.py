"""Positions written around a name: "Director for Police Services", "the Secretary of ASEAN", "(Director of X)"."""
from __future__ import annotations


from .lexicon import lexicons
from .phrases import before_acronym, bracketed, cap_run, formal_place_end, has_org_head, is_lower_title, is_title_word, lower_portfolio_end, lower_title_end, match_phrase, place_run, read_title
from .person_names import is_nameish, read_name
from .places import place_divisions
from .spans import commit, demonym_at, names_body, org_span_after, org_span_at
from .state import PersonMention, SentenceState, tie
from .units import lower_unit_end, unit_after, unit_after_comma


def read_role(state: SentenceState, k: int) -> dict | None:
    """A position written around a name: "Director for Police Services", "the Secretary of ASEAN",
    "INTERPOL Secretary General", "Thailand's Minister of Justice", "Plans and Programmes Officer I",
    "Director of the Human Resources Department at the Ministry of Interior", "Head of X, Y Directorate".
    Returns ``{"start", "end", "text", "org", "country", "title_start"}`` (and ``"other_orgs"``, bodies named
    inside the role) or None."""
    tokens = state.tokens
    start = k
    while k < len(tokens) and (tokens[k].key in ("the", "a", "an") or tokens[k].text in lexicons().role_adjectives):
        k += 1
    role: dict = {"start": start, "org": None, "country": None}
    if k < len(tokens) and tokens[k].is_cap and (honorific := match_phrase(tokens, k, lexicons().honorifics)) and honorific < len(tokens) and read_title(tokens, honorific) and not read_title(tokens, k):
        role["honorific"], k = state.text(k, honorific), honorific  # "the Honourable Minister of Police Affairs, X" (not "Attorney General")
    if k < len(tokens) and (org := state.org_at(k)) and org.after < len(tokens):
        role["org"], k = (org.start, org.after, "org"), org.after
    elif (span := org_span_at(state, k)) and span[2] == "org" and span[1] < len(tokens) and tokens[span[1] - 1].possessive:
        role["org"], k = span, span[1]  # "the Saudi Interior Ministry's Supervisor of ...": a body, though it starts with a demonym
        role["owner"] = True
    elif k < len(tokens) and (country := demonym_at(state, k)):
        adjective = state.text(k, country[1]) in lexicons().demonyms
        role["country"], k = country
        role["demonym_start"] = start if adjective else None  # "the Thai consul-general": the demonym is written in the title
    elif (span := org_span_at(state, k)) and span[2] == "org" and span[1] < len(tokens) and (
        tokens[span[1] - 1].possessive or (span[1] - span[0] == 1 and (read_title(tokens, span[1]) or lower_title_end(tokens, span[1])))
    ):  # "PNP deputy chief for administration"
        role["org"], k = span, span[1]  # "the Royal Thai Police's new commissioner-general", "PNP Director for X"
        role["owner"] = tokens[span[1] - 1].possessive
    elif span and span[2] == "org" and tokens[span[0]].is_allcaps and place_run(tokens, span[0] + 1) >= span[1] > span[0] + 1:
        role["org"], k = (span[0], span[0] + 1, "org"), span[0] + 1  # "HSI | Buenos Aires": the acronym is the body, the city its office's
    if role["org"] is not None and role["org"][1] == k and tokens[k - 1].is_allcaps and (office := place_run(tokens, k)) > k and office < len(tokens) and (read_title(tokens, office) or lower_title_end(tokens, office)):
        role["office_start"], k = role["org"][0], office  # "HSI Buenos Aires deputy attaché": the body's acronym, its office's city, the position
    while k < len(tokens) and tokens[k].text in lexicons().role_adjectives:
        k += 1
    text_start = title_start = k
    if k > 0 and tokens[k - 1].key in lexicons().title_status:
        text_start = k - 1  # "the outgoing Deputy High Commissioner, X": the status is part of the title
    elif role.get("office_start") is not None:
        text_start = role["office_start"]  # "HSI Buenos Aires deputy attaché", as written
    elif role["org"] is not None and role["org"][1] == k and k - role["org"][0] == 1 and tokens[k - 1].is_allcaps and not tokens[k - 1].possessive:
        text_start = k - 1  # "PNP Chief, Police General X", "MMEA Director General": the body's acronym, as written
    end = role_core(state, k)
    if end is None:
        return None
    if (at := next((n for n in range(end - 2, k, -1) if tokens[n].key == "for"), None)) and (served := places_served(state, at, state.text(k, at))) and served[0] == end:
        role["country"] = served[1]  # "Director of Public Prosecutions for Nauru": the title read the country with it
    if (inner := bracketed(tokens, end)) and state.title_abbreviation(inner.text):
        end += 3  # "the Commissioner of Police (CP) for Interpol, X": the rank's abbreviation, as written
    if role.get("demonym_start") is not None and lexicons().envoy_titles.search(state.text(k, end)):
        text_start = next(n for n in range(role["demonym_start"], k) if tokens[n].is_cap and tokens[n].key not in ("the", "a", "an"))  # "the Thai consul-general"
    if (unit := unit_after(state, end)) > end and role["org"] is None and (names_body(tokens[end:unit]) or tokens[end].is_allcaps and tokens[unit - 1].text in place_divisions()):
        role["org"] = (end, unit, "org")  # "Director General Anti-Narcotics Force", "Officer Commanding ZRP Chipinge District": the unit is a body
    elif unit > end and role["org"] is None and not role["country"] and (country := lexicons().places.get(state.text(end, unit), {})).get("kind") == "country":
        role["country"] = country["name"]  # "Police Commissioner Fiji, Sitiveni Qiliho": the country the position serves
    end = unit
    if role["country"] is None and (role["org"] is None or role["org"][1] <= k):
        end = unit_after_comma(state, end)  # "Director General, Legal and Prosecution, COP X", "CARICOM Assistant Secretary-General, Human and Social Development, Ms. X"
    if end < len(tokens) and tokens[end].is_allcaps and role["org"] is None and not state.used[end] and (
        tokens[end].text in state.known_acronyms or tokens[end].text in lexicons().known_orgs
    ):
        role["org"], end = (end, end + 1, "org"), end + 1  # "The Executive Director AFRIPOL, Dr X", "Director NCB X"
    elif role["org"] is None and (org := state.org_at(end)) and org.after < len(tokens) and tokens[org.after].text == ",":
        role["org"], end = (org.start, org.after, "org"), org.after  # "Director Immigration Wing, Haroon Joya"
    # "of"/"at"/"from" chains: the last organization is the person's; all of them are written in the role
    text_end = end
    if (national := national_body_end(state, end)) and role["org"] is None and not role["country"]:
        role["country"], end = national  # "The director of the Salvadoran police, Carlos Ascencio"
        text_end = end
    while end < len(tokens):
        at = end + 1 + (end + 1 < len(tokens) and tokens[end + 1].key == "the")
        if role["org"] is not None and tokens[end].key == "for" and (served := place_run(tokens, at)) > at and (
            role["org"][1] == end or served == len(tokens) or not tokens[served].is_cap
        ):  # "Head of INTERPOL Regional Bureau (RB) for Eastern Africa", "UNODC Country Manager for Indonesia" (not "... for China Yu Liangyong")
            end = text_end = served  # the place the body or its position serves
            break
        if tokens[end].key == "to" and end + 1 < len(tokens) and tokens[end + 1].is_cap or tokens[end].key == "to" and end + 2 < len(tokens) and tokens[end + 1].key == "the":
            at = end + 1 + (tokens[end + 1].key == "the")
            if (served := read_title(tokens, at)) and served < len(tokens) and tokens[served].key == "of":
                end = text_end = served  # "Adviser to the Prime Minister of Bangladesh": the body or country served comes next
                continue
            end = text_end = cap_run(tokens, at, allow_the=False)  # "Ambassador to Vietnam", "Permanent Representative of Thailand to the UN"
            continue
        if tokens[end].key == "in" and (place := place_run(tokens, at)) > at and lexicons().envoy_titles.search(state.text(k, end)):
            end = text_end = place  # "Moroccan Ambassador in Madrid", "... in the Netherlands": where the envoy serves
            break
        span = org_span_after(state, end)
        if span is None:
            break
        if span[2] == "other":
            end = text_end = span[1]
            continue
        if role.get("owner") and span[2] == "org":
            role.setdefault("other_orgs", []).append(span)  # "the Ministry's Supervisor of the Civil Affairs Agency": the owner is the person's
            end = text_end = span[1]
            continue
        if role["org"] is not None and role["org"][2] == "org" and span[2] == "org":
            role.setdefault("other_orgs", []).append(role["org"])  # "Director of X at Y": X, a body of its own
        role["org"], end = span, span[1]
        text_end = end  # the role as written: "Director of the Counter-Terrorism Department"
        if span[2] == "place":
            role["country"], role["org"] = commit(state, span), None
            if tokens[end - 1].possessive and (unit := lower_unit_end(tokens, end)) > end:
                end = text_end = unit  # "head of Kenya's anti-narcotics police unit": the country's unit, in lower case
    if role["org"] is not None and role["org"][1] == end and (inner := bracketed(tokens, end)) and inner.is_cap and not inner.is_allcaps:
        end += 3  # "Commander of the Internal Security Force (Lekhwiya), X": the body's other name
    elif role["org"] is None and end < len(tokens) and tokens[end].text == "(" and (close := aside_end(tokens, end)) and place_run(tokens, end + 1) == close - 1:
        end = text_end = close  # "Director General (Afghanistan, Iran and Turkey)": the places the position covers
    if role["org"] is None and not role["country"] and (served := places_served(state, end, state.text(title_start, end))):
        end = text_end = served[0]  # "the regional representative for Southeast Asia and the Pacific": in the role
        role["country"] = served[1]  # "the deputy minister of interior for Saudi Arabia": the country
    if (unit := lower_portfolio_end(tokens, end)) > end:
        end = text_end = unit  # "Head of the delegation", "Chairman of the conference"
    elif end < len(tokens) and not tokens[end].is_cap and tokens[end].key in lexicons().org_heads and role["country"]:
        end = text_end = end + 1  # "Head of the UAE delegation"
    if end + 1 < len(tokens) and tokens[end].key == "and" and (more := read_title(tokens, end + 1)) and not (more < len(tokens) and tokens[more].is_cap):
        end = text_end = more  # "member of the Politburo and Minister of Public Security": a second position, no name after it
    # ", Counter-Terrorism Directorate" right after the role: the person's organization
    if end + 1 < len(tokens) and tokens[end].text == "," and (span := org_span_at(state, end + 1)) and (span[1] >= len(tokens) or not tokens[span[1]].is_cap):
        if span[2] == "org":
            if role["org"] is not None and role["org"][2] == "org":
                text_end = role["org"][1]  # "Head of RCTN Asia Pacific, Counter-Terrorism Directorate"
                role.setdefault("other_orgs", []).append(role["org"])
            role["org"], end = span, span[1]
        elif span[2] == "place" and role["org"] is None and not role["country"]:
            role["country"], end = commit(state, span), span[1]  # "Consul & Police Attache, Korea"
    text_end = before_acronym(tokens, text_end)
    if role["org"] is None and not role["country"] and (country := country_ending(state, text_start, text_end)):
        role["country"] = country  # "Director General of National Security and Territorial Surveillance of Morocco"
    role["text"] = state.text(text_start, text_end) if text_end > text_start else None
    role["title_start"] = title_start
    role["end"] = end
    return role if role["text"] else None


def places_served(state: SentenceState, j: int, position: str) -> tuple[int, str | None] | None:
    """``(end, country or None)`` of "for" and the places a ``position`` serves, at ``j``. The person is tied
    to one country only, and not when the position is an envoy's or a representative's, who serve another body
    there: "the deputy minister of interior | for Saudi Arabia" (Saudi Arabia), "the regional representative
    | for Southeast Asia and the Pacific", "the special envoy | for Syria" (in the role only).

    >>> from analysis.article import parse_article
    >>> from analysis.participants import participants
    >>> participants(parse_article("T\\n\\nIt was said by Ahmed Ali, the deputy minister of interior for Jordan."))[["role", "organization"]].values.tolist()
    [['deputy minister of interior for Jordan', 'Jordan']]
    """
    tokens, lex = state.tokens, lexicons()
    if not (j + 1 < len(tokens) and tokens[j].key == "for"):
        return None
    at = j + 1 + (tokens[j + 1].key == "the")
    end = place_run(tokens, at)
    if end == at:
        return None
    envoy = lex.envoy_titles.search(position) or lex.posted_titles.search(position)
    one_country = not any(t.key in ("and", ",") for t in tokens[at:end]) and lex.places.get(state.text(at, end), {}).get("kind") == "country"
    return end, (commit(state, (at, end, "place")) if one_country and not envoy else None)


def national_body_end(state: SentenceState, j: int) -> tuple[str, int] | None:
    """``(country, end)`` of "of the Salvadoran police" at ``j``: a country's body written in lower case."""
    tokens, lex = state.tokens, lexicons()
    if not (j + 2 < len(tokens) and tokens[j].key == "of"):
        return None
    k = j + 1 + (tokens[j + 1].key == "the")
    found = demonym_at(state, k)
    if found and found[1] < len(tokens) and not tokens[found[1]].is_cap and tokens[found[1]].key in lex.org_heads | lex.generic_org_words:
        return found[0], found[1] + 1
    return None


def role_core(state: SentenceState, k: int) -> int | None:
    """End of the title words of a role from ``k``: ranks and positions joined by "and", a capitalised
    run holding a title head ("BMLE Coordinator", "Plans and Programmes Officer I"), or lower-case
    positions ("commissioner-general", "counsellor and police attache")."""
    tokens, lex = state.tokens, lexicons()
    if k >= len(tokens) or state.used[k]:
        return None
    end = read_title(tokens, k)
    if end is None and tokens[k].is_allcaps and state.title_abbreviation(tokens[k].text):
        end = k + 1  # "Arun Bothra, IGP, Crime ...": an abbreviated rank after the name
    elif end is None and k + 1 < len(tokens) and tokens[k].is_cap and tokens[k].key in lex.title_modifiers and tokens[k + 1].is_allcaps and state.title_abbreviation(tokens[k + 1].text):
        end = k + 2  # "the Deputy IGP in charge of Administration, X": a modifier, then the abbreviated rank
    if end is None and tokens[k].is_cap and tokens[k].key not in lex.non_name_caps:  # not "Alongside Director General"
        run = cap_run(tokens, k, allow_the=False)
        heads = [m for m in range(k, run) if tokens[m].key in lex.title_heads and tokens[m].is_cap]
        if heads and not any(state.used[m] for m in range(k, heads[-1] + 1)):
            end = heads[-1] + 1
    if end is None and not tokens[k].is_cap and not is_lower_title(tokens[k]):
        end = lower_title_end(tokens, k)  # "permanent secretary at ...", "deputy chief for administration"
    if end is None:  # a body's name inside a lower-case position: "(Thailand’s) deputy National Police chief", "Immigration Bureau chief"
        m = next((m for m in range(k, len(tokens)) if tokens[m].is_cap or tokens[m].key not in lex.position_qualifiers), len(tokens))
        run = cap_run(tokens, m, allow_the=False) if m < len(tokens) and tokens[m].is_cap else m
        if run > m and has_org_head(tokens[m:run]) and not tokens[run - 1].possessive and run < len(tokens) and is_lower_title(tokens[run]):
            end = lower_title_end(tokens, run)
    if end is None:
        m = k
        while m < len(tokens):
            if is_lower_title(tokens[m]):
                m += 1
            elif (tokens[m].key == "and" and m > k or tokens[m].key == "police" or not tokens[m].is_cap and tokens[m].key in lexicons().title_modifiers) and any(is_lower_title(t) for t in tokens[m + 1 : m + 3]):
                m += 1  # "counsellor and police attache"
            else:
                break
        end = lower_portfolio_end(tokens, m) if m > k and is_lower_title(tokens[m - 1]) else None
    if end is None:
        return None
    end = next((end + len(p) for p in lexicons().title_continuations if tuple(t.key for t in tokens[end : end + len(p)]) == p), end)
    # "officer in charge | of IBET Land Patrol", "commander in chief | of Dubai Police": what follows "of" is read as for any position
    while end < len(tokens):
        if end + 1 < len(tokens) and tokens[end].key in ("and", "&", "cum") and (more := read_title(tokens, end + 1 + (tokens[end + 1].key == "the"))):
            end = more
        elif end + 1 < len(tokens) and tokens[end].key == "and" and is_title_word(tokens[end + 1]) and not (end + 2 < len(tokens) and tokens[end + 2].is_cap):
            end += 2  # "Ambassador Extraordinary and Plenipotentiary"
        elif end + 1 < len(tokens) and tokens[end].key == "and" and not tokens[end + 1].is_cap and (more := lower_title_end(tokens, end + 1)) and not (
            more < len(tokens) and tokens[more].is_cap and tokens[more].is_word
        ):
            end = more  # "assistant commissioner and head of counterterrorism", not "... and deputy commissioner John Smith"
        elif tokens[end].text.rstrip(".") in lexicons().roman_numerals:
            end += 1
        elif tokens[end].text == "(" and (close := next((m for m in range(end + 1, min(end + 6, len(tokens))) if tokens[m].text == ")"), None)):
            end = close + 1  # "Deputy Commissioner of Police (Operations)", "Inspector General of Police (IGP)"
        else:
            break
    return end


def names_next(state: SentenceState, k: int) -> bool:
    """Whether a name of two words or more, read by nothing else, starts at ``k``."""
    tokens = state.tokens
    end = read_name(tokens, k, after_title=True) if k < len(tokens) and tokens[k].is_cap and not state.used[k] else None
    return bool(end and end - k >= 2 and is_nameish(tokens, k, end, titled=True))


def name_then_comma(state: SentenceState, floor: int, k: int) -> bool:
    """Whether an untitled name of two words or more and a comma end right before ``k`` (after ``floor``): the
    position at ``k`` follows that name ("included Mohammed Al Dhaheri, | UAE Ambassador to Oman, ...")."""
    tokens = state.tokens
    comma = k - 1
    if comma <= floor or tokens[comma].text != ",":
        return False
    for s in range(max(floor, comma - 6), comma - 1):
        if tokens[s].is_cap and not state.used[s] and read_name(tokens, s) == comma and is_nameish(tokens, s, comma):
            return True
    return False


def with_more_roles(state: SentenceState, role: dict) -> dict:
    """``role`` and the positions that follow it after commas, when no name follows them: "Director General
    of the Federal Criminal Police, Head of the UAE delegation, expressed ...". The first body is the person's;
    the others are recorded as organizations of their own."""
    tokens = state.tokens
    while role["end"] + 1 < len(tokens) and tokens[role["end"]].text == "," and not state.used[role["end"] + 1]:
        more = read_role(state, role["end"] + 1)
        if more is None or more["end"] < len(tokens) and (tokens[more["end"]].is_cap or names_next(state, more["end"])):
            break
        org, country, others = role["org"], role["country"], role.get("other_orgs", []) + more.get("other_orgs", [])
        if org is None and country is None:
            org, country = more["org"], more["country"]  # the first position named no body: the second's is the person's
        elif more["org"] is not None:
            others.append(more["org"])
        role = {**role, "text": f"{role['text']}, {more['text']}", "end": more["end"], "org": org, "country": country, "other_orgs": others}
    return role


def lower_role_before(state: SentenceState, floor: int, i: int, *, window: int = 6) -> dict | None:
    """The longest lower-case role that ends right before ``i``: "(the will of) presidents X and Y"."""
    for s in range(max(floor, i - window), i):
        if not state.tokens[s].is_cap and state.tokens[s].key not in lexicons().connectors and (role := read_role(state, s)) and role["end"] == i:
            return role
    return None


def country_ending(state: SentenceState, start: int, end: int) -> str | None:
    """The country that closes a position written ``tokens[start:end]`` after "of" ("... of Morocco", "... of the
    Republic of Korea"), as written, or None."""
    tokens, places = state.tokens, lexicons().places
    for at in range(max(start + 1, end - 5), end):
        if tokens[at - 1].key == "of" and not any(t.key == "to" for t in tokens[start:at]):  # not "Ambassador to the Kingdom of Thailand"
            first = at + (tokens[at].key == "the")
            text = state.text(first, end)
            if places.get(text, {}).get("kind") == "country" or formal_place_end(tokens, first) == end:
                return text
    return None


def prefix_role(state: SentenceState, floor: int, comma: int) -> dict | None:
    """A role that ends at the comma before a name: "The Chief of the PNP, Police General X"."""
    tokens = state.tokens
    for s in range(max(floor, comma - 40), comma):  # a role is never longer: a long sentence stays linear
        if state.used[s] and not state.org_at(s) or tokens[s].text.rstrip(".") in lexicons().postnominals:
            continue  # "..., TD and the Justice Minister, X": the letters belong to the person before
        if s > floor and tokens[s - 1].is_word and tokens[s - 1].key != "the" and (
            tokens[s - 1].is_cap and tokens[s].is_cap and tokens[s - 1].key not in lexicons().non_name_caps
            or tokens[s - 1].key in lexicons().connectors and s - 2 >= floor and tokens[s - 2].is_cap
        ):
            continue  # inside a capitalised name ("Committee on Crime Prevention"), not after "called on"
        if s > floor and tokens[s - 1].key in ("for", "of") and tokens[s].key in lexicons().portfolios and read_title(tokens, s) == s + 1:
            continue  # "responsible for Justice, Freedom and Security": a portfolio, not a position ("of Justice Minister, X" is one)
        role = read_role(state, s)
        stop = role and (aside_end(tokens, role["end"]) or role["end"])  # "The Vice-President of the Bundeskriminalamt (German Federal Criminal Police Office), X"
        if role and (stop == comma or stop < len(tokens) and tokens[stop].text == "," and place_run(tokens, stop + 1) == comma > stop + 1):
            return role  # "... Affairs (INL), Washington, Ms X": the place the position is in
    return None


def aside_end(tokens: list, i: int) -> int | None:
    """Where a bracketed aside opening at ``i`` ends (after its ")"), if it closes within 12 tokens."""
    if i >= len(tokens) or tokens[i].text != "(":
        return None
    close = next((k for k in range(i + 1, min(len(tokens), i + 13)) if tokens[k].text in ("(", ")")), None)
    return close + 1 if close is not None and tokens[close].text == ")" else None


def singular(role: str) -> str:
    """``role`` with a plural position made singular: each person of a list holds one.

    >>> singular("police liaison officers"), singular("chiefs"), singular("Directors of Police"), singular("Head of Affairs")
    ('police liaison officer', 'chief', 'Director of Police', 'Head of Affairs')
    >>> singular("Secretaries of State")
    'Secretary of State'
    """
    words = role.split()
    head = next((n for n, w in enumerate(words) if w.casefold() in ("of", "for", "at", "to")), len(words)) - 1
    word = words[head] if head >= 0 else ""
    if word[-3:] == "ies" and f"{word[:-3]}y".casefold() in lexicons().title_heads:
        words[head] = f"{word[:-3]}y"  # "Secretaries", "Deputies"
    elif word[-1:] == "s" and word[:-1].casefold() in lexicons().title_heads:
        words[head] = word[:-1]
    return " ".join(words)


def is_plural_word(role: dict) -> bool:
    """Whether ``role`` is a plural word, alone or heading a group ("officials", "senior officials from the
    Home Ministry"): after one name it is not their position ("chiefs of A and B respectively" is theirs)."""
    words = role["text"].split()
    cue = next((n for n, w in enumerate(words) if w.casefold() in lexicons().group_cues), None)
    head = words[cue - 1] if cue else words[0] if len(words) == 1 else None
    return head is not None and singular(head) != head


def apply_role(state: SentenceState, m: PersonMention, role: dict, *, rule: str, before: bool = False) -> None:
    """Give ``m`` a role; a capitalised role written before a person with no title is their title. A plural
    position ("the police liaison officers, X and Y") is given in the singular."""
    text = singular(role["text"])
    if text != role["text"]:
        state.plural_roles.append((m, text))
    head, comma, unit = text.partition(", ")
    if head.isupper() and (expansion := state.title_abbreviation(head)):
        m.title_abbrev, text = m.title_abbrev or head, expansion + comma + unit  # "X, IGP, Crime": the rank, written out
    if before and not m.title and state.tokens[role["title_start"]].is_cap and read_title(state.tokens, role["title_start"]):
        m.title = [text]
    else:
        m.role = text if not m.role else f"{m.role}, {text}"
    if role.get("honorific") and role["honorific"] not in m.honorific:
        m.honorific.insert(0, role["honorific"])  # written before the rest
    state.mark(role["start"], role["end"])
    for other in role.get("other_orgs", []):
        commit(state, other)  # "..., Chairman of the Y Committee": a body named in a second position
    if role["org"] is not None and (org := commit(state, role["org"])):
        tie(m, org, rule)
    elif role["country"]:
        tie(m, role["country"], "role_country")


def read_after_name(state: SentenceState, m: PersonMention) -> None:
    """What follows a name: "of the Royal Malaysia Police", "(Director of Plans and Programmes)",
    "and officers from the Korean National Police University", "of Vietnam", "from India" (a country, not a
    city: "from Jakarta" is a trip). The people listed right before the name share what it reads
    (:func:`share_with_list`)."""
    tokens = state.tokens
    j = m.name_end
    role = read_role(state, j + 1) if j + 2 < len(tokens) and tokens[j].text == "(" else None
    role = with_more_roles(state, role) if role else None  # "Mr. X (AIG, Director of Corporate Communications)"
    if role and role["end"] < len(tokens) and tokens[role["end"]].text == ")":
        apply_role(state, m, role, rule="apposition")
        m.name_end_role = j = role["end"] + 1
    span = org_span_after(state, j)
    if span is None and j + 3 < len(tokens) and tokens[j].key == "and" and tokens[j + 2].key == "from":
        span = org_span_after(state, j + 2)  # "X and officers from Y"
    elif span is None and j + 2 < len(tokens) and tokens[j].text == "," and tokens[j + 1].key == "from" and (span := org_span_after(state, j + 1)):
        span = span if span[1] == len(tokens) or tokens[span[1]].text in (",", ";", ".", ")") else None  # "Captain X, from the Counter Narcotic Office Directorate,"
    lex = lexicons()
    if span and span[2] == "org" and m.org_strength < lex.ties["of_organization"]:
        tie(m, commit(state, span), "of_organization")
        if tokens[j].key != "and":
            m.name_end_role = span[1]
            share_with_list(state, m)  # "Mr A, Mr B and Mr C from the AFP": each of them
    elif span and span[2] == "place" and m.org_strength < lex.ties["of_country"] and (
        tokens[j].key == "of" or tokens[j].key == "from" and lex.places.get(state.text(span[0], span[1]), {}).get("kind") == "country"
    ):
        tie(m, commit(state, span), "of_country")  # "Bui Van Nam of Vietnam", "Mr X from India" (not "from Jakarta": a trip)
        m.name_end_role = span[1]
        share_with_list(state, m)


def share_with_list(state: SentenceState, m: PersonMention) -> None:
    """The people listed right before ``m`` with nothing of their own between take ``m``'s organization and
    rule: "Mr D P Sinha, Mr Sudeep Lakhtakia and Mr Prabhakar Alok from India" (all three India)."""
    later = m
    for other in sorted((p for p in state.people if p.name_end <= m.start), key=lambda p: p.start, reverse=True):
        if not listed_before(state, other, later) or other.role or other.org_strength >= m.org_strength:
            return
        tie(other, m.organization, m.organization_rule)
        later = other


def listed_before(state: SentenceState, earlier: PersonMention, m: PersonMention) -> bool:
    """Whether ``earlier`` is listed right before ``m``, joined only by "," and "and": "Gen. X and Commissioner Y"."""
    gap = state.tokens[earlier.name_end_role or earlier.name_end : m.start]
    return bool(gap) and all(t.text == "," or t.key == "and" for t in gap)


def plural_of_one(state: SentenceState, role: dict, m: PersonMention) -> bool:
    """Whether ``role`` opens with a plural ("representatives of the Ministry ...") and ``m`` is listed with
    nobody before: a group's position, not one person's ("X and Y, chiefs of A and B respectively" is theirs)."""
    first = role["text"].split()[0]
    return singular(first) != first and not any(listed_before(state, p, m) for p in state.people if p is not m and p.name_end <= m.start)
