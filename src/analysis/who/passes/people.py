"""Pass: people named after titles, ranks or honorifics ("Police General X", "Dr. Y"), then the roles written around them."""
from __future__ import annotations

from ..after_title import honorific_inside, read_after_title, without_trailing_name
from ..lexicon import lexicons
from ..person_names import is_nameish, read_name
from ..phrases import bracketed, is_lower_title, is_title_word, lower_title_end, match_phrase, place_run, read_title
from ..roles import apply_role, is_plural_word, lower_role_before, name_then_comma, names_next, plural_of_one, prefix_role, read_after_name, read_role, singular, with_more_roles
from ..spans import commit, initials_of, org_span_after, org_span_at, starts_title, words_before
from ..state import PersonMention, SentenceState, tie
from ..tokens import Token


def read_people(state: SentenceState) -> None:
    """Titled names first ("Police General X", "Dr. Y"), then the roles written around them."""
    i = 0
    lex, tokens = lexicons(), state.tokens
    while i < len(tokens):
        token = tokens[i]
        if state.used[i] or not (token.is_cap or token.text in lexicons().lower_titles or state.title_abbreviation(token.text)):
            i += 1  # a person's prefix starts with a capital, an abbreviated rank or "chief"
            continue
        if i > 1 and tokens[i - 1].text in lex.apposition_marks and tokens[i - 1].text != "," and any(p.name_end == i - 1 for p in state.people):
            i += 1  # "Colonel X - Director of Y and Colonel Z": the position after the dash is X's
            continue
        mention = person_at(state, i)
        if mention is None and state.prefix_end > i + 2:
            i = state.prefix_end  # a run of titles with no name after it: do not re-read it from inside
            continue
        if mention:
            state.people.append(mention)
            state.mark(mention.start, mention.name_end)
            i = mention.name_end
        else:
            i += 1
    read_roles(state)


def read_prefix(state: SentenceState, j: int, found: dict) -> int:
    """Read titles, abbreviated ranks and honorifics from ``j`` into ``found``; return where they end."""
    tokens, lex = state.tokens, lexicons()
    while j < len(tokens) and not state.used[j]:
        token = tokens[j]
        if state.title_abbreviation(token.text) and not token.possessive and not ((title_end := read_title(tokens, j)) and title_end > j + 1):
            found["abbrev"], j = token.text, j + 1  # not the start of a longer rank: "Sen. Lieut. Gen. X" is a rank of its own
        elif token.is_cap and token.key in lex.title_modifiers and not found["titles"] and j + 1 < len(tokens) and state.title_abbreviation(tokens[j + 1].text):
            found["modifier"], j = token.text, j + 1  # "Deputy IGP X": the rank below the abbreviated one
        elif found["abbrev"] and not found["titles"] and (inner := bracketed(tokens, j)) and inner.is_allcaps and not state.title_abbreviation(inner.text):
            found["org"] = found["org"] or (j + 1, j + 2, "org")  # "AIG (NCB) Mohbiul Islam": the rank's unit
            j += 3
        elif token.text == "/" and (found["abbrev"] or found["honorifics"]) and j + 1 < len(tokens) and tokens[j + 1].is_cap:
            j += 1  # "COP/Mr. Kofi Boakye": the tokenizer split a rank from an honorific
        elif found["titles"] and (inner := bracketed(tokens, j)) and inner.is_allcaps and not found["org"] and not state.title_abbreviation(inner.text) and not initials_of(found["titles"][-1], inner.text):
            found["org"], j = (j + 1, j + 2, "org"), j + 3  # "Additional Inspector General of Police (CID) X": the unit, not the rank's letters
        elif found["titles"] and (inner := bracketed(tokens, j)) and inner.is_allcaps:
            found["abbrev"], j = inner.text, j + 3  # "Assistant Commissioner of Police (ACP)"
            span = org_span_after(state, j)
            if span and span[2] in ("org", "place") and not found["org"]:  # "Inspector General of Police (IGP) of Bangladesh X"
                found["org"], j = span, span[1]
            elif j + 1 < len(tokens) and tokens[j].key == "to" and (place := place_run(tokens, at := j + 1 + (tokens[j + 1].key == "the"))) > at:
                found["titles"][-1] = state.text(found["title_start"], place)  # "High Commissioner to Papua New Guinea X"
                j = place
        elif (token.is_cap or token.key == "the" and found["titles"]) and (end := match_phrase(tokens, j, lex.honorifics)):
            while end + 1 < len(tokens) and tokens[end].key in lex.honorific_chain and tokens[end].is_cap and (tokens[end + 1].is_cap or tokens[end + 1].text == "("):
                end += 1  # "Dato Paduka Seri", "Pehin Orang Kaya Seri Kerna": Malay honorifics chain
            if found["honorifics"] or any(t.key in lex.honorific_chain for t in tokens[j:end]):
                end = chain_end(state, end)  # a chain already begun
            found["honorifics"].append(state.text(j, end))
            j = end
            if tokens[end - 1].key in lex.name_follows:
                break  # the name follows at once: "Sheikh Sultan bin Abdullah" ("Sultan" is a given name here)
        elif found["honorifics"] and (inner := bracketed(tokens, j)) and match_phrase(tokens, j + 1, lex.honorifics) == j + 2:
            found["honorifics"].append(inner.text)  # "Dato Seri Setia (Dr) Hj Awang Abu Bakar"
            j += 3
        elif token.text[:1] in "‘“\"" and found["titles"] and (close := next((m for m in range(j + 1, min(j + 5, len(tokens))) if tokens[m].text in "’”\""), None)) and close + 1 < len(tokens) and tokens[close + 1].is_cap:
            found["titles"][-1] = f"{found['titles'][-1]} {state.text(j, close + 1)}"  # "Deputy Commissioner ‘Administration’ X"
            j = close + 1
        elif token.text == "(" and (found["titles"] or found["abbrev"]) and (close := next((m for m in range(j + 1, min(j + 6, len(tokens))) if tokens[m].text == ")"), None)) and not tokens[j + 1].is_allcaps:
            if found["titles"]:
                found["titles"][-1] = f"{found['titles'][-1]} {state.text(j, close + 1)}"  # "Superintendent (Cyber Crime)"
            else:
                found["titles"].append(f"{state.title_abbreviation(found['abbrev'])} {state.text(j, close + 1)}")  # "ADGP (Crime Branch) X"
                found["title_start"] = j
            j = close + 1
        elif token.text == "," and found["org"] and found["titles"] and tokens[found["org"][1] - 1].key in lex.unit_heads and (parents := parent_bodies(state, j)):
            for unit in [found["org"], *parents[:-1]]:
                commit(state, unit)  # "Divisional Chief of Administrative Law Division, | Legal Affairs Department, |
            found["org"] = parents[-1]  # Ministry of Public Security | Bao Hongxia": the units, then the body they belong to
            found["titles"][-1], j = state.text(found["title_start"], parents[-1][1]), parents[-1][1]
        elif token.text == "," and found["titles"] and not found["org"] and found["titles"][-1][:1].isupper() and title_opens(state, found["title_start"]) and (body := body_then_name(state, j)):
            found["org"], j = body, body[1]  # "Executive Director, Police Academy John Smith": the position, its body, the name
        elif token.text == "," and found["abbrev"] and tokens[j - 1].text == ")" and j + 1 < len(tokens) and tokens[j + 1].is_cap:
            j += 1  # "The Inspector-General of Police (IGP), Tan Sri Abdul Hamid Bador"
        elif token.text == "," and found["abbrev"] and not found["titles"] and tokens[j - 1].text == found["abbrev"] and names_next(state, j + 1):
            j += 1  # "the Deputy IGP, Jeanne Chantal Ujeneza": an abbreviated rank, a comma, the name
        elif (
            token.text == "," and found["titles"] and j + 1 < len(tokens) and tokens[j + 1].is_cap
            and (end := match_phrase(tokens, j + 1, lex.honorifics)) and end + 1 < len(tokens) and tokens[end].text == ","
        ):
            found["honorifics"].append(state.text(j + 1, end))  # "EU Ambassador for Colombia, His Excellency, Gilles Bertrand"
            j = end + 1
        elif found["titles"] and (end := match_phrase(tokens, j + (token.text == ","), lex.title_suffixes)):
            found["titles"][-1] = f"{found['titles'][-1]} {state.text(j + (token.text == ','), end)}"  # "Chargé d'Affaires(,) a.i. X"
            j = end
        elif token.key in ("and", "cum") and found["titles"] and j + 1 < len(tokens) and (end := read_title(tokens, j + 1) or (found["titles"][-1][:1].isupper() and lower_title_end(tokens, j + 1))):
            if found["titles"][-1][:1].islower() and tokens[j + 1].is_cap:
                found["titles"].append(state.text(j + 1, end))  # "Politburo member and Minister of ...": a role, then the title
                found["title_start"] = j + 1
            else:
                found["titles"][-1] = state.text(found["title_start"], end)  # "Deputy Prime Minister and Minister of ..."
            j = read_after_title(state, end, found)
        elif starts_title(state, j) and (end := read_title(tokens, j)):
            found["titles"].append(state.text(j, end))
            found["title_start"] = j
            j = read_after_title(state, end, found)
        elif not found["titles"] and not found["abbrev"] and (plural := plural_title(state, j)):
            found["titles"].append(plural[1])  # "Superintendents A, B and C": each holds the rank, in the singular
            found["title_start"], found["plural"] = j, True
            j = plural[0]
        else:
            break
    return j


def plural_title(state: SentenceState, j: int) -> tuple[int, str] | None:
    """``(end, the title in the singular)`` of a plural rank or position at ``j`` that a name follows at once:
    "Superintendents | John Smith, ...", "Police Colonels | A and B", "Inspectors General | A and B" (the head
    word's plural, from ``title_heads.txt``).

    >>> from analysis.participants import participants
    >>> from analysis.article import parse_article
    >>> participants(parse_article("T\\n\\nInspectors General Ravi Kumar and Ali Khan attended."))["title"].tolist()
    ['Inspector General', 'Inspector General']
    """
    tokens, lex = state.tokens, lexicons()
    k = j
    while k < len(tokens) and tokens[k].is_cap and (tokens[k].key in lex.title_modifiers or tokens[k].key in lex.title_heads) and not state.used[k]:
        k += 1  # "Senior", "Police", "Deputy"
    if not (k < len(tokens) and tokens[k].is_cap and not state.used[k] and tokens[k].key.endswith("s") and tokens[k].key[:-1] in lex.title_heads):
        return None
    end = k + 1 + (k + 1 < len(tokens) and tokens[k + 1].key == "general")  # "Directors General"
    if end < len(tokens) and tokens[end].key in ("of", "for"):  # "Ministers of Justice and Public Order | X": the portfolio, read in the singular
        singular = [*tokens[:k], Token(tokens[k].text[:-1], tokens[k].start, tokens[k].end - 1), *tokens[k + 1 :]]
        end = max(end, read_title(singular, j) or end)
    name = read_name(tokens, end, after_title=True) if end < len(tokens) else None
    if not name or name - end < 2:
        return None
    return end, " ".join([*(t.text for t in tokens[j:k]), tokens[k].text[:-1], *(t.text for t in tokens[k + 1 : end])])


def title_opens(state: SentenceState, i: int) -> bool:
    """Whether the title words around ``i`` open a person's mention, not a position written after someone
    else's name ("Peter Holm, | Executive Director, Police Academy John Smith": Peter Holm's)."""
    start = i
    while start > 0 and is_title_word(state.tokens[start - 1]):
        start -= 1
    return not name_then_comma(state, 0, start)


def body_then_name(state: SentenceState, j: int) -> tuple[int, int, str] | None:
    """The body named after the comma at ``j`` when a name of two words or more follows it at once:
    "Executive Director, | Police Academy | John Smith". None otherwise, and for a rank ("Inspector-General of
    Police, IGP X") or a well-known body, which is another person's ("..., United Nations Office on Drugs and
    Crime John Brandolino")."""
    tokens = state.tokens
    span = org_span_at(state, j + 1) if j + 1 < len(tokens) and tokens[j + 1].is_cap else None
    if span is None or span[2] != "org" or any(state.title_abbreviation(t.text) for t in tokens[span[0] : span[1]]):
        return None
    span = without_trailing_name(state, span)
    if state.text(span[0], span[1]) in lexicons().known_orgs:
        return None
    end = span[1]
    name = read_name(tokens, end, after_title=True) if end < len(tokens) else None
    return span if name and name - end >= 2 and is_nameish(tokens, end, name, titled=True) else None


def parent_bodies(state: SentenceState, j: int) -> list[tuple[int, int, str]]:
    """The bodies named after the comma at ``j`` and after each comma that follows one, when a name of two
    words or more comes right after the last: "Director of the Legal Department, | Ministry of Justice | John
    Smith" (a unit's parent bodies, read in one pass); [] otherwise. A well-known body (``known_organizations.tsv``)
    is no one's parent here ("..., United Nations Office on Drugs and Crime John Brandolino": another person's).

    >>> from analysis.participants import participants
    >>> from analysis.article import parse_article
    >>> participants(parse_article("T\\n\\nIt was led by Director of the Legal Department, Ministry of Justice John Smith, on Monday."))[["name", "organization"]].values.tolist()
    [['John Smith', 'Ministry of Justice']]
    """
    tokens, lex = state.tokens, lexicons()
    bodies: list[tuple[int, int, str]] = []
    while j + 1 < len(tokens) and tokens[j].text == "," and tokens[j + 1].is_cap:
        span = org_span_at(state, j + 1)
        if span is None or span[2] != "org":
            return []
        span = without_trailing_name(state, span)
        if state.text(span[0], span[1]) in lex.known_orgs:
            return []
        bodies.append(span)
        j = span[1]
    name = read_name(tokens, j, after_title=True) if bodies and j < len(tokens) else None
    return bodies if name and name - j >= 2 and is_nameish(tokens, j, name, titled=True) else []


def chain_end(state: SentenceState, end: int) -> int:
    """``end``, or past the capitalised words that lead to a rank or another honorific: once a Malay or
    Bruneian chain has begun they belong to it, whatever they are ("Pehin Datu Kerma Setia CP Dato Paduka
    Seri X"). A name particle ("Hj") stands inside names too, so it ends the look."""
    tokens, lex = state.tokens, lexicons()
    for m in range(end, min(end + 5, len(tokens))):
        if not (tokens[m].is_cap and tokens[m].is_word) or tokens[m].key in lex.particles:
            return end
        if state.title_abbreviation(tokens[m].text) or match_phrase(tokens, m, lex.honorifics):
            return m
    return end


def person_at(state: SentenceState, i: int) -> PersonMention | None:
    """A name written right after titles, ranks or honorifics."""
    tokens, lex = state.tokens, lexicons()
    if not starts_title(state, i):
        return None
    found: dict = {"titles": [], "honorifics": [], "abbrev": None, "org": None, "title_start": i}
    k = state.prefix_end = read_prefix(state, i, found)
    if not (found["titles"] or found["honorifics"] or found["abbrev"]):
        return None
    if k > i and tokens[k - 1].possessive:
        return None  # "the Ambassador’s Residence": what follows a possessive title is the title-holder's, not a name
    name_end = read_name(tokens, k, after_title=True)
    if name_end and (found["titles"] or found["abbrev"]) and (inner := honorific_inside(state, k, name_end)):
        k, name_end = inner[:2]  # "IG Punjab Dr. Usman Anwar": the words before the honorific are the title's
        found["honorifics"].append(state.text(*inner[2]))
        if found["titles"]:
            found["titles"][-1] = state.text(found["title_start"], inner[2][0])
        else:
            found["titles"].append(f"{state.title_abbreviation(found['abbrev']) or found['abbrev']} {state.text(inner[3], inner[2][0])}")
    if not name_end or not is_nameish(tokens, k, name_end, titled=True) or any(state.used[m] for m in range(k, name_end)):
        return None
    if name_end < len(tokens) and tokens[name_end].is_cap and tokens[name_end].key in lex.org_heads:
        return None  # "Major Crimes Unit": an organization, not "Major Crimes"
    titles = [t for t in found["titles"] if t[0].isupper()]
    lower = [t for t in found["titles"] if not t[0].isupper()]
    if lower and lower[0].split()[0] == tokens[i].text:
        lower[0] = f"{words_before(state, i)} {lower[0]}".strip()  # "Kedah Police chief", "PNP chief"
    positions = lower + titles[:-1]  # "police chief", "Minister of X General"
    if titles and not lower and (before := lower_position_before(state, i)):
        positions.insert(0, before)  # "led by its commander Brigadier General X"
    titles = titles[-1:]
    if titles and (portfolio := lower_portfolio_before(state, i)):
        titles[0] = f"{portfolio} {titles[0]}"  # "internal affairs Minister X"
    if titles and (qualifier := qualifier_before(state, i)):
        titles[0] = f"{qualifier} {titles[0]}"  # "outgoing Deputy High Commissioner X"
    if titles and is_envoy(titles[0]) and (demonym := demonym_written_before(state, i)):
        titles[0] = f"{demonym} {titles[0]}"  # "British Ambassador to Jordan X": whom the envoy represents
    if not titles and found["abbrev"]:
        titles = [" ".join(filter(None, (found.get("modifier"), state.title_abbreviation(found["abbrev"]) or found["abbrev"])))]
    mention = PersonMention(
        name=state.text(k, name_end), honorific=found["honorifics"], title=titles, title_abbrev=found["abbrev"],
        role=", ".join(positions) or None, sentence=state.sentence, char_start=tokens[i].start,
        char_end=tokens[name_end - 1].end, start=i, name_start=k, name_end=name_end,
    )
    if found.get("plural") and titles:
        state.plural_roles.append((mention, titles[0]))  # the names listed after it hold it too
    if found["org"]:
        org = commit(state, found["org"])
        if org:
            tie(mention, org, "title_of")
    return mention


def lower_position_before(state: SentenceState, i: int) -> str:
    """A one-word lower-case position right before a capitalised title at ``i``, after "its", "his", "her",
    "their" or "the": "led by its commander Brigadier General X", "the spokesperson Colonel Y"."""
    tokens, lex = state.tokens, lexicons()
    if i >= 2 and not state.used[i - 1] and tokens[i - 1].key in lex.lower_titles and tokens[i - 2].key in lex.role_determiners:
        return tokens[i - 1].text  # only the positions of lower_titles.txt: not "its partner Police General X"
    return ""


def is_envoy(title: str) -> bool:
    """Whether ``title`` is an envoy's ("High Commissioner to Tonga", "consul-general"; ``envoy_titles.txt``)."""
    return bool(lexicons().envoy_titles.search(title))


def demonym_written_before(state: SentenceState, i: int) -> str:
    """A demonym written right before a title at ``i`` ("British", "South Korean"), with the rank's modifier
    written before it ("Deputy British" in "Deputy British High Commissioner X"), or ""."""
    lex, tokens = lexicons(), state.tokens
    for size in (2, 1):
        if i - size >= 0 and not any(state.used[i - size : i]) and (text := state.text(i - size, i)) in lex.demonyms:
            at = i - size
            if at > 0 and not state.used[at - 1] and tokens[at - 1].is_cap and tokens[at - 1].key in lex.title_modifiers:
                return state.text(at - 1, i)
            return text
    return ""


def qualifier_before(state: SentenceState, i: int) -> str:
    """A word of status written right before a title at ``i``, kept in the title as written ("outgoing
    Deputy High Commissioner X"; ``title_status.txt``)."""
    tokens = state.tokens
    return tokens[i - 1].text if i > 0 and not state.used[i - 1] and tokens[i - 1].key in lexicons().title_status else ""


def lower_portfolio_before(state: SentenceState, i: int) -> str:
    """Lower-case portfolio words written right before a capitalised title at ``i``: "internal affairs"
    in "internal affairs Minister X"."""
    tokens, lex, k = state.tokens, lexicons(), i
    while k > 0 and tokens[k - 1].is_word and not tokens[k - 1].is_cap and not state.used[k - 1] and (
        tokens[k - 1].key in lex.portfolios or tokens[k - 1].key in lex.portfolio_adjectives
    ):
        k -= 1
    if k < i and not any(t.key in lex.portfolios for t in tokens[k:i]):
        return ""  # adjectives alone ("national", "new") are not a portfolio
    return state.text(k, i) if k < i else ""


def rank_only(m: PersonMention) -> bool:
    """Whether ``m`` was written with a rank and no position: "General X", "Colonel Y" (``rank_heads.txt``,
    ``ranks_alone.txt``)."""
    lex = lexicons()
    words = " ".join(m.title).split()
    return bool(words) and m.role is None and words[-1].casefold().rstrip(".") in lex.rank_heads | lex.ranks_alone


def role_then_name(state: SentenceState, m: PersonMention, role_before: bool) -> bool:
    """Whether ``m`` was written position first, then a comma, then the name ("the Vice Minister of X, Mr Y"):
    in a list written that way, a position after the name and before the next name ("..., the president of
    AMERIPOL, Andrés Severino") is the next person's."""
    return role_before or any(t.text == "," for t in state.tokens[m.start : m.name_start])


def read_roles(state: SentenceState) -> None:
    """Give each titled person the roles written next to them. A phrase between two people may follow
    the first (", Director for X,") or precede the second ("Head of X, Superintendent Y"): the way
    the list began decides."""
    tokens = state.tokens
    people = sorted(state.people, key=lambda m: m.start)
    before: dict[int, dict] = {}
    after: dict[int, dict] = {}
    for n, m in enumerate(people):
        floor = people[n - 1].name_end if n else 0
        comma = m.start - 1 - (m.start > 1 and tokens[m.start - 1].key == "the")  # "..., the Hon. Moses Garu"
        if comma > floor and tokens[comma].text != "," and (org := state.org_ending_at(comma + 1)) and org.start - 1 > floor and tokens[org.start - 1].text == ",":
            comma = org.start - 1  # "Outgoing Chair, AFP Commissioner Tony Negus": the body written before the title
        if comma > floor and tokens[comma].text == "," and (role := prefix_role(state, floor, comma)) and not name_then_comma(state, floor, role["start"]):
            before[n] = role  # not "included X, UAE Ambassador to Oman, Major General Y": the position is X's
        elif not m.role and m.start > floor + 1 and (tokens[m.start - 1].text == ")" or tokens[m.start - 1].is_word and not tokens[m.start - 1].is_cap) and any(
            is_lower_title(t) for t in tokens[max(floor, m.start - 16) : m.start]  # a lower-case position there at all: a cheap look first
        ) and (
            role := lower_role_before(state, floor, m.start, window=16)
        ) and (role["org"] is not None or role["country"]) and not is_plural_word(role) and singular(role["text"]) == role["text"]:
            before[n] = role  # "executive director of the Agency (Impacs) Col Mike Jones": a lower-case position of a body, then the rank
        read_after_name(state, m)
        end = m.name_end_role or m.name_end
        while end + 1 < len(tokens) and (tokens[end].text.rstrip(".") in lexicons().postnominals or tokens[end].text == "," and tokens[end + 1].text.rstrip(".") in lexicons().postnominals):
            end += 1  # "Colonel Danuta Ulewicz MD, PhD - Deputy Director of ..."
        if end + 1 < len(tokens) and tokens[end].text in lexicons().apposition_marks and not state.used[end + 1] and (role := read_role(state, end + 1)) and not names_next(state, role["end"]) and not is_plural_word(role) and not any(
            role["start"] <= p.start <= role["end"] for p in people  # "X, Banke-based NID chief Nagendra Giri": the position of the person it runs into
        ) and not plural_of_one(state, role, m):
            if not (role_then_name(state, m, n in before) and role["end"] + 1 < len(tokens) and tokens[role["end"]].text == "," and names_next(state, role["end"] + 1)):
                after[n] = with_more_roles(state, role)  # not "X, deputy director of international affairs Aneesa Israel": that role is the next person's
    for n in range(len(people)):
        mine, theirs = after.get(n), before.get(n + 1)
        if not (mine and theirs):
            continue
        roles_first = n in before or people[n].role is not None  # how this person was written
        if mine["start"] < theirs["end"] and theirs["start"] < mine["end"]:
            # "the AFP Commissioner X, the Chief of the ADF, General Y": a rank alone after it takes the position
            # unless that one's own position follows it: "..., the Chief of X, General Y, Deputy Chief of Z"
            roles_first = roles_first or rank_only(people[n + 1]) and not rank_only(people[n]) and n + 1 not in after
            # "DEA Attaché Mr X, Regional Security Officer, Mr Y and Assistant ... Officer Mr Z": a list written title
            # first (X and Z), when Y has no position after them
            title_first = bool(people[n].title) and n + 2 < len(people) and bool(people[n + 2].title) and n + 2 not in before
            roles_first = roles_first or title_first and n + 1 not in after and not rank_only(people[n])
            del (after if roles_first else before)[n if roles_first else n + 1]
        elif not roles_first and theirs["start"] - mine["end"] <= 2 and tokens[theirs["start"] - 1].key.endswith("ing"):
            del before[n + 1]  # "..., Deputy Director-General of X, representing the Y, Mr. Z"
    for n, m in enumerate(people):
        if n in before:
            apply_role(state, m, before[n], rule="apposition", before=True)
        if n in after:
            apply_role(state, m, after[n], rule="apposition")
