"""Who took part: people with honorifics, titles, roles and organizations; organizations; places.

Rule-based and lexicon-driven (no statistical model): each sentence is tokenised, then

1. titles are read from the rank/position lexicons ("Police Senior Lieutenant Colonel",
   "Commissioner General", "Assistant Commissioner of Police", "Director for Police Services");
2. organizations are capitalised runs holding an organization head word ("Royal Malaysia Police"),
   a well-known name ("INTERPOL"), or a long form with an acronym in parentheses;
3. a person is a name written after a title, an abbreviated rank or an honorific, or a name followed
   by an appositive position ("Wil van Gemert, Deputy Director Operations at Europol");
4. each person gets the organization the text ties to them: "X's Commissioner", "X Executive
   Director", "Director of X", "X, led by ...", the leader's organization for people
   "accompanying" them, the country for a head of state named with a demonym.

Later mentions ("Executive Director Vinluan", "ACP Dr. Bakri") resolve to the fullest name.

>>> from analysis.article import parse_article
>>> article = parse_article("T\\n\\nKNPA's Commissioner General CHO Ji Ho met Dr. Lee.")
>>> participants(article)[["name", "title", "organization"]].values.tolist()[0]
['CHO Ji Ho', 'Commissioner General', 'KNPA']
"""
from __future__ import annotations

import collections
import functools
import re

import pandas as pd

from .who import lexicons, read_article
from .who.tokens import tokenize
from .who.places import KNOWN_POPULATION, accept, bare_direction, dateline_city_size, directions, division_name_size, formal_start, lookup, named_after_kind, place_divisions, with_direction
from .who.resolve import body_named_before, count_later_mentions, country_to_organization, home_country, merge_mentions, main_police_force, minister_to_ministry, position_to_body
from .article import Article
from .credits import credit_spans, in_credit
from .names import country_words, organization_key, organization_words
from .tables import columns

PERSON_COLUMNS = columns("participants")
ORGANIZATION_COLUMNS = columns("organizations")
PLACE_COLUMNS = columns("places")

def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[0].isupper())


def organizations(article: Article) -> pd.DataFrame:
    """One row per named organization: fullest ``name``, ``acronym``, the ``country`` written with it ("China's
    Ministry of Public Security", "the Chinese Ministry ..."), ``mentions``, evidence. An agency named only
    where it credits the article ("HANOI (VNA) –", a byline, a closing "— Bernama") is not listed
    (:mod:`analysis.credits`).

    >>> from analysis.article import parse_article
    >>> organizations(parse_article("T\\n\\nThe Korean National Police Agency (KNPA) met. KNPA's chief spoke."))[["name", "acronym", "mentions"]].values.tolist()
    [['Korean National Police Agency', 'KNPA', 2]]
    """
    return _organizations(article)[0].copy()


@functools.lru_cache(maxsize=64)
def _organizations(article: Article) -> tuple[pd.DataFrame, dict[str, str]]:
    """The organizations table and the alias map, once per article (participants() and places() need them too);
    callers copy before changing either."""
    readers = read_article(article)
    acronyms = {o.acronym: o.name for r in readers for o in r.orgs if o.acronym}
    rows: dict[str, dict] = {}
    alias_of: dict[str, str] = {}
    # in the order first named, so that every choice below is the same in every run (a set's order is not)
    full_names = list(dict.fromkeys(o.name for r in readers for o in r.orgs if " " in o.name))
    for acronym, name in acronyms.items():
        alias_of[acronym] = name
    by_initials: dict[str, str] = {}  # each lookup below is a dict's: thousands of bodies stay linear
    shortened: dict[str, str] = {}  # "Ministry of Interior" -> "Ministry of Interior of the State of Qatar"
    for n in full_names:
        by_initials.setdefault(_initials(n), n)
        for cut in re.finditer(r" (?:of|in) ", n):
            shortened.setdefault(n[: cut.start()], n)
    for r in readers:
        for o in r.orgs:
            if " " not in o.name and o.name not in alias_of and (match := by_initials.get(o.name)):
                alias_of[o.name] = match  # an acronym never defined in parentheses: a full name's initials ("AFP")
    # a name read in full once ("Ministry of Interior of the State of Qatar") is the same body when shortened
    for name in full_names:
        if (longer := shortened.get(name)) and name not in alias_of:
            alias_of[name] = longer
    # "the Fiji Police Headquarters" names the "Fiji Police Force" of the article, short of its last word
    force_ends = lexicons().police_force_ends
    for name in full_names:
        short, _, end = name.rpartition(" ")
        if end in force_ends and short in full_names and short not in alias_of and " " in short:
            alias_of[short] = name
    # "KAZINFORM" in a dateline is the "Kazinform" of the body: a name in capitals is its mixed-case form
    mixed_case = {o.name.casefold(): o.name for r in readers for o in r.orgs if not o.name.isupper()}
    for r in readers:
        for o in r.orgs:
            if o.name.isupper() and len(o.name) > 3 and o.name not in alias_of and (mixed := mixed_case.get(o.name.casefold())):
                alias_of[o.name] = mixed
    lex = lexicons()
    # "Vietnamese Ministry of Public Security" is that country's "Ministry of Public Security" (names in
    # another word order, "Colombian National Police" and "National Police of Colombia", are _same_words')
    for name in full_names:
        demonym, _, rest = name.partition(" ")
        if demonym in lex.demonyms and rest.startswith(("Ministry of ", "Ministry for ")) and rest in full_names and name not in alias_of:
            alias_of[name] = rest
    first_at: dict[str, int] = {}
    for r in readers:
        for o in r.orgs:
            first_at[o.name] = min(first_at.get(o.name, o.char_start), o.char_start)
    _common_tails(first_at, set(acronyms), alias_of)
    _country_short_forms(first_at, alias_of)
    for alias in list(alias_of):  # follow chains: "MPS" -> "Vietnamese Ministry of ..." -> "Ministry of ..."
        seen = {alias}
        while alias_of[alias] in alias_of and alias_of[alias] not in seen:
            seen.add(alias_of[alias])
            alias_of[alias] = alias_of[alias_of[alias]]
    credits = credit_spans(article)
    _same_words([alias_of.get(o.name, o.name) for r in readers for o in r.orgs if " " in o.name and not in_credit(credits, o.char_start)], alias_of)
    body_names = {o.name for r in readers if not r.is_title for o in r.orgs}
    for r in readers:
        for o in r.orgs:
            if in_credit(credits, o.char_start):
                continue  # "Hanoi (VNA) –", "Source: Xinhua": the article's source, not a body it reports on
            name = alias_of.get(o.name, o.name)
            if r.is_title and name not in body_names and o.name not in body_names and o.name not in lex.known_orgs and alias_of.get(o.name) is None:
                continue  # headlines are title-cased: trust only names the body confirms
            row = rows.get(name)
            if row is None:
                acronym = o.acronym or next((a for a, n in alias_of.items() if n == name and a != name and " " not in a and a.casefold() != name.casefold()), None)
                row = rows[name] = {
                    "name": name, "acronym": acronym, "country": None, "mentions": 0, "aliases": [],
                    "sentence": o.sentence.index, "char_start": o.char_start, "char_end": o.char_end,
                    "text": article.text[o.char_start : o.char_end],
                }
            row["mentions"] += 1
            row["country"] = row["country"] or o.country
            if o.name != name and o.name not in row["aliases"]:
                row["aliases"].append(o.name)
    table = pd.DataFrame(list(rows.values()), columns=ORGANIZATION_COLUMNS)
    table["aliases"] = table["aliases"].map(lambda a: "; ".join(a) if isinstance(a, list) else a)
    return table, alias_of


def _common_tails(first_at: dict[str, int], defined: set[str], alias_of: dict[str, str]) -> None:
    """A common name made of head and portfolio words that ends exactly one body the article names, written
    after it, is that body, when the longer name says whose it is by a country, demonym or acronym: "The Police
    Service said" after "the Trinidad and Tobago Police Service" (not "the National Police" before "the
    Colombian National Police", nor "the Security Council" after "the National Security Council").
    ``first_at``: each name's first offset; ``defined``: the acronyms the article defines.

    >>> aliases = {}
    >>> _common_tails({"Ghana Police Service": 0, "Police Service": 40}, set(), aliases)
    >>> aliases
    {'Police Service': 'Ghana Police Service'}
    """
    lex = lexicons()
    known, vocabulary, connectors = lex.known_orgs, lex.unit_vocabulary, lex.connectors
    ending: dict[str, list[str]] = {}  # "Police Service" -> the longer names that end with it: one pass, linear
    for name in first_at:
        words = name.split(" ")
        for k in range(1, len(words)):
            ending.setdefault(" ".join(words[k:]), []).append(name)

    def marks_owner(token, shouting: bool) -> bool:  # in a name all in capitals, only a known acronym marks its owner
        return token.text in lex.places or token.text in lex.demonyms or token.is_allcaps and (token.text in known or token.text in defined or not shouting)

    for name, at in first_at.items():
        longer = ending.get(name, [])
        if name in alias_of or name in known or len(longer) != 1 or longer[0] in alias_of or first_at[longer[0]] >= at:
            continue
        if not all(t.key in vocabulary or t.key in connectors for t in tokenize(name)):
            continue  # a name of its own ("ASEANAPOL Secretariat"), not a common one
        owner, shouting = longer[0][: -len(name)].strip(), longer[0].isupper()
        tokens = tokenize(owner)
        if owner in lex.places or any(marks_owner(t, shouting) for t in tokens) and all(marks_owner(t, shouting) or t.key in vocabulary or t.key in connectors for t in tokens):
            alias_of[name] = longer[0]


def _country_short_forms(first_at: dict[str, int], alias_of: dict[str, str]) -> None:
    """A country's body named by its country and one or two head words ("the Fijian Police", "Thai Police",
    "Indonesian Customs") is the one longer body of that country the article names with those words ("the Fiji
    Police Force", "the Royal Thai Police"); with none or two such bodies it stays its own.

    >>> aliases = {}
    >>> _country_short_forms({"Fiji Police Force": 0, "Fijian Police": 40, "Australian Federal Police": 80}, aliases)
    >>> aliases
    {'Fijian Police': 'Fiji Police Force'}
    """
    lex = lexicons()
    def is_head(word: str) -> bool:
        return word.casefold() in lex.org_heads or word in lex.police_force_words or word in lex.country_services

    words_of = {name: set(organization_words(name)) for name in first_at if " " in name}
    not_more = country_words() | lex.unit_words | lex.portfolios  # not "the Greek and Cyprus Police" (two), "the Thai Marine Police" (a unit)
    for name, words in words_of.items():
        first, _, rest = name.partition(" ")
        country = lex.demonyms.get(first) or lex.places.get(first, {}).get("kind") == "country" and first
        if not country or name in alias_of or not rest or len(rest.split()) > 2 or not all(is_head(w) for w in rest.split()):
            continue
        last = rest.split()[-1]
        longer = [
            other for other, more in words_of.items() if other != name and words < more and other not in alias_of and not (more - words) & not_more
            and (other.endswith(" " + last) or last in lex.police_force_words and other.rpartition(" ")[2] in lex.police_force_ends)
        ]  # "the Fiji Police Force", not the "Tonga Police Drug Enforcement Taskforce" (a unit)
        if len(longer) == 1:
            alias_of[name] = longer[0]


def _same_words(named: list[str], alias_of: dict[str, str]) -> None:
    """Names of one body written in another word order, or with its country's demonym ("Police Force of
    Tanzania", "Tanzania Police Force"; the key of :func:`analysis.names.organization_key`) become aliases
    of the one ``named`` most (the first named on a tie). ``named``: every mention's name, in text order.

    >>> aliases = {}
    >>> _same_words(["Police Force of Tanzania", "Tanzania Police Force", "Tanzania Police Force"], aliases)
    >>> aliases
    {'Police Force of Tanzania': 'Tanzania Police Force'}
    """
    counts = collections.Counter(named)
    groups: dict[str, list[str]] = {}
    for name in dict.fromkeys(named):
        groups.setdefault(organization_key(name), []).append(name)
    for names in groups.values():
        if len(names) < 2:
            continue
        canonical = max(names, key=lambda n: (counts[n], -names.index(n)))
        for name in names:
            if name != canonical:
                alias_of[name] = canonical
        for alias, target in alias_of.items():
            if target in names and alias != canonical:
                alias_of[alias] = canonical


def participants(article: Article) -> pd.DataFrame:
    """One row per distinct person: name, honorific, title, title_abbrev, role, organization, mentions, evidence.

    ``organization_rule`` names the rule of ``lexicons/ties.tsv`` that tied the person to the organization
    ("apposition" for "X, Director of Y"; "nearest" when only the sentence's nearest organization did).

    >>> from analysis.article import parse_article
    >>> people = participants(parse_article("T\\n\\nThe ASEANAPOL Secretariat, led by Executive Director David Vinluan, met. Executive Director Vinluan spoke."))
    >>> people[["name", "title", "organization", "mentions"]].values.tolist()
    [['David Vinluan', 'Executive Director', 'ASEANAPOL Secretariat', 2]]
    """
    return _participants(article).copy()


@functools.lru_cache(maxsize=64)
def _participants(article: Article) -> pd.DataFrame:
    """The participants table, once per article (the timeline reads it too); callers copy it."""
    org_table, alias_of = _organizations(article)
    people = merge_mentions(read_article(article), article)
    for person in people:
        person["organization"] = alias_of.get(person["organization"], person["organization"])
    minister_to_ministry(people, list(org_table["name"]))
    position_to_body(people, list(org_table["name"]))
    body_named_before(people, org_table)
    country_to_organization(people, org_table)
    home_country(people, lambda: _places(article))
    main_police_force(people, org_table)
    _countries_as_written(people, article)
    count_later_mentions(article, people)
    table = pd.DataFrame(people, columns=PERSON_COLUMNS)
    table["aliases"] = table["aliases"].map(lambda a: "; ".join(a) if isinstance(a, list) else a)
    return table


def _countries_as_written(people: list[dict], article: Article) -> None:
    """A person tied to a country gets it as the article names it ("UK" for "British Ambassador X" in an
    article that writes "UK", not "United Kingdom"); a country the article never names stays as read."""
    lex = lexicons()
    tied = [p for p in people if lex.places.get(p["organization"] or "", {}).get("kind") == "country"]
    if not tied:
        return
    written: dict[str, str] = {}
    names = set()
    for row in _places(article).sort_values("mentions", ascending=False, kind="stable").to_dict("records"):
        if row["kind"] == "country":
            names.add(row["name"])
            written.setdefault(lex.places.get(row["name"], {}).get("name", row["name"]), row["name"])
    for person in tied:
        country = lex.places[person["organization"]]["name"]
        if person["organization"] not in names and country in written:
            person["organization"] = written[country]


def places(article: Article) -> pd.DataFrame:
    """Named cities, countries and regions: ``name`` as written, ``kind``, ``country``, ``mentions``.

    A demonym ("South Korean") counts toward its country's mentions; places inside organization or
    event names ("Royal Malaysia Police") are not places of their own, except where a mission is posted
    ("Polish Embassy in London", "US Embassy Nassau").

    >>> from analysis.article import parse_article
    >>> places(parse_article("T\\n\\nThey met in Seoul, South Korea. The South Korean minister spoke."))[["name", "kind", "mentions"]].values.tolist()
    [['Seoul', 'city', 1], ['South Korea', 'country', 2]]
    """
    return _places(article).copy()


@functools.lru_cache(maxsize=64)
def _places(article: Article) -> pd.DataFrame:
    """The places table, once per article (participants() reads it for home countries and written forms)."""
    lex = lexicons()
    readers = read_article(article)
    rows: dict[str, dict] = {}
    demonym_counts: dict[str, int] = {}
    surnames = {p.name.split()[-1] for r in readers for p in r.people if " " in p.name}  # "Rodrigues said": the person, not the island
    for r in readers:
        tokens = r.tokens
        blocked = [tokens[n].text in surnames for n in range(len(tokens))]
        for a, b in [(o.start, posted_at(tokens, o.start, o.end)) for o in r.orgs] + r.other_spans + [(p.name_start, p.name_end) for p in r.people]:
            blocked[a:b] = [True] * (b - a)
        i = 0
        while i < len(tokens):
            found = None
            if tokens[i].is_cap and not blocked[i]:
                for size in (6, 5, 4, 3, 2, 1):  # "Republic of the Union of Myanmar"
                    if i + size > len(tokens) or any(blocked[i : i + size]):
                        continue
                    start, end = tokens[i].start, tokens[i + size - 1].end
                    surface = " ".join(article.text[start:end].split())
                    if surface in lex.demonyms and surface not in lex.places:
                        found = size, start, end, surface, None
                        break
                    row = lookup(surface)
                    if row and bare_direction(surface, tokens, i + size):
                        continue  # "Northern" alone is no place ("in Northern Mexico"); "Northern Region" is one
                    if row and accept(row, tokens, i, i + size, r.sentence.text):
                        if (first := with_direction(tokens, i, blocked)) < i and not row.get("curated") or first < i and row["kind"] == "region":
                            start, surface = tokens[first].start, " ".join(article.text[tokens[first].start : end].split())
                            row = {**row, "kind": "region", "name": surface}
                        elif row["kind"] == "country" and (first := formal_start(tokens, i, blocked)) < i:
                            start, surface = tokens[first].start, " ".join(article.text[tokens[first].start : end].split())
                            row = {**row, "name": surface}  # "Republic of Yemen", as written
                        found = size, start, end, surface, row
                        break
            if found is None and tokens[i].is_cap and not blocked[i] and "-" in tokens[i].text and (compound := _compound_places(tokens, i, blocked)):
                parts, i = compound  # "the Hungary-Serbia border", "Semarang-based", "the Serbia-North Macedonia border"
                for start, end, row_data in parts:
                    _add_place(rows, row_data, article, r.sentence.index, start, end)
                continue
            if found is None and (size := division_name_size(tokens, i, blocked)):
                start, end = tokens[i].start, tokens[i + size - 1].end  # "Kirehe District": a division no gazetteer lists
                found = size, start, end, " ".join(article.text[start:end].split()), {"kind": "region", "curated": False}
            elif found is None and i == 0 and r.sentence.kind == "body" and (size := dateline_city_size(tokens, blocked)):
                start, end = tokens[0].start, tokens[size - 1].end  # "Opatija, Croatia - ...": a dateline's city no gazetteer lists
                found = size, start, end, " ".join(article.text[start:end].split()), {"kind": "city", "curated": False}
            elif found is None and (named := named_after_kind(tokens, i, blocked)):
                start, end = tokens[i].start, tokens[i + named[0] - 1].end  # "the town of Tabarre": a place no gazetteer lists
                found = named[0], start, end, " ".join(article.text[start:end].split()), {"kind": named[1], "curated": False}
            if found is None:
                i += 1
                continue
            size, start, end, surface, row_data = found
            i += size
            if row_data is not None and i < len(tokens) and not blocked[i] and (
                tokens[i].text in lex.water_bodies or row_data["kind"] != "country" and tokens[i].text in place_divisions()
            ):
                end, surface, i = tokens[i].end, f"{surface} {tokens[i].text}", i + 1  # "Jiangsu Province", "Jordan River", as written
            following = article.text[end : end + 20]
            if following.startswith("$"):
                continue  # "US$90 billion"
            if row_data is None:
                demonym_counts[lex.demonyms[surface]] = demonym_counts.get(lex.demonyms[surface], 0) + 1
                continue
            if row_data["kind"] == "region" and re.match(r"\s+(?:countries|nations|states|economies|partners|members)\b", following):
                continue  # "South Pacific countries": a modifier, not a place named as such
            _add_place(rows, row_data, article, r.sentence.index, start, end, surface)
    for country, count in demonym_counts.items():
        if country in rows:
            rows[country]["mentions"] += count
    table = pd.DataFrame(list(rows.values()), columns=PLACE_COLUMNS)
    table["aliases"] = table["aliases"].map(lambda a: "; ".join(a) if isinstance(a, list) else a)
    return table


def _add_place(rows: dict[str, dict], row_data: dict, article: Article, sentence: int, start: int, end: int, surface: str | None = None) -> None:
    """Count one mention of a place at ``article.text[start:end]`` (``surface``: its words, spaces folded)."""
    surface = surface or article.text[start:end]
    name = surface if not surface.isupper() or len(surface.replace(".", "")) <= 3 else row_data["name"] if row_data.get("curated") is False else _title_case(surface)
    name = re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)
    row = rows.get(name)
    if row is None:
        row = rows[name] = {
            "name": name, "kind": row_data["kind"], "country": row_data.get("country") or None,
            "mentions": 0, "aliases": [], "sentence": sentence, "char_start": start, "char_end": end, "text": article.text[start:end],
        }
    row["mentions"] += 1


def _compound_places(tokens: list, i: int, blocked: list[bool]) -> tuple[list[tuple[int, int, dict]], int] | None:
    """The places joined by hyphens in ``tokens[i]`` ("Hungary-Serbia", "Semarang-based", "Serbia-North" with
    "Macedonia" after it) as ``(start, end, row)`` character spans, and the index after them; None unless every
    part is a country, a region of a country or a known city, or a hyphenated adjective's end ("-based")."""
    token, lex = tokens[i], lexicons()
    first = token.text.split("-", 1)[0]
    if any(lookup(" ".join([*(t.text for t in tokens[i - size : i]), first])) for size in (1, 2) if i >= size):
        return None  # "Papua New Guinea-Australia", "a New York-based group": the place began before the token
    parts, at = [], token.start
    for part in token.text.split("-"):
        parts.append((at, at + len(part), part))
        at += len(part) + 1
    found, after = [], i + 1
    for n, (start, end, part) in enumerate(parts):
        if n == len(parts) - 1 and part.casefold() in lex.compound_adjective_ends and found:
            if len(found) > 1 or found[0][2]["kind"] == "region":
                return None  # "Gulf-wide": a region's adjective, not the place
            break  # "Semarang-based", "Somalia-based"
        row = None if part.rstrip(".") in directions() else lookup(part)  # not "South-West Region"
        for size in (2, 1) if n == len(parts) - 1 else ():  # "Serbia-North | Macedonia": the last part goes on
            if i + size < len(tokens) and not any(blocked[i + 1 : i + 1 + size]) and (longer := lookup(" ".join([part, *(t.text for t in tokens[i + 1 : i + 1 + size])]))):
                row, end, after = longer, tokens[i + size].end, i + 1 + size
                break
        if not row or not (row["kind"] == "country" or row.get("country") and (row["kind"] == "region" or row.get("curated") or row.get("population", 0) >= KNOWN_POPULATION)):
            return None
        found.append((start, end, row))
    return (found, after) if found else None


def posted_at(tokens: list, start: int, end: int) -> int:
    """End of an organization's own words: a mission's "in London" or "to the Republic of Uzbekistan" names a
    place of its own ("Polish Embassy in London")."""
    mission = lexicons().mission_words
    if not any(t.key in mission for t in tokens[start:end]):
        return end
    for k in range(start + 1, end):
        if tokens[k].key in ("in", "to"):
            return k  # "... Embassy in London"
        if tokens[k].key in mission and k + 1 < end and tokens[k + 1].is_cap:
            return k + 1  # "US Embassy Nassau"
    return end


def _title_case(text: str) -> str:
    """A name written in capitals, in title case; short words stay as written ("WASHINGTON DC" → "Washington DC")."""
    return " ".join(w if len(w.replace(".", "")) <= 2 else w[:1] + w[1:].lower() for w in text.split())
