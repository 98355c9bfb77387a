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

import re

import pandas as pd

from ._mentions import SentenceReader, lexicons, read_article
from .article import Article

_DELEGATION = re.compile(
    r"^with (?P<with>[A-Z][\w’'. -]+?) (?:are|were)\b|\b(?:accompan(?:ying|ied)(?: by)?|joined by|along with"
    r"|(?P<members>(?:was|were) represented by|representatives? (?:include|included|comprised|were|are)|delegation (?:comprised|included|consisted of|was led by)"
    r"|(?:team|side|contingent) (?:was |were )?(?:led|headed) by))\b",
    re.I,
)

PERSON_COLUMNS = ["name", "honorific", "title", "title_abbrev", "role", "organization", "mentions", "aliases", "sentence", "char_start", "char_end", "text"]
ORGANIZATION_COLUMNS = ["name", "acronym", "mentions", "aliases", "sentence", "char_start", "char_end", "text"]
PLACE_COLUMNS = ["name", "kind", "country", "mentions", "aliases", "sentence", "char_start", "char_end", "text"]

def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[0].isupper())


def organizations(article: Article) -> pd.DataFrame:
    """One row per named organization: fullest ``name``, ``acronym``, ``mentions``, evidence.

    >>> from analysis.article import parse_article
    >>> organizations(parse_article("T\\n\\nThe Korean National Police Agency (KNPA) met. KNPA's chief spoke."))[["name", "acronym", "mentions"]].values.tolist()
    [['Korean National Police Agency', 'KNPA', 2]]
    """
    return _organizations(article)[0]


def _organizations(article: Article) -> tuple[pd.DataFrame, dict[str, str]]:
    readers = read_article(article)
    acronyms = {o.acronym: o.name for r in readers for o in r.orgs if o.acronym}
    rows: dict[str, dict] = {}
    alias_of: dict[str, str] = {}
    full_names = {o.name for r in readers for o in r.orgs if " " in o.name}
    for acronym, name in acronyms.items():
        alias_of[acronym] = name
    for r in readers:
        for o in r.orgs:
            if " " not in o.name and o.name not in alias_of:
                # an acronym never defined in parentheses: match it to a full name's initials ("AFP")
                match = next((n for n in full_names if _initials(n) == o.name), None)
                if match:
                    alias_of[o.name] = match
    # a name read in full once ("Ministry of Interior of the State of Qatar") is the same body when shortened
    for name in sorted(full_names, key=len):
        longer = next((n for n in full_names if n.startswith(f"{name} of ") or n.startswith(f"{name} in ")), None)
        if longer and name not in alias_of:
            alias_of[name] = longer
    lex = lexicons()
    # "Colombian National Police" is the "National Police of Colombia" named the other way round;
    # "Vietnamese Ministry of Public Security" is that country's "Ministry of Public Security"
    for name in full_names:
        demonym, _, rest = name.partition(" ")
        country = lex.demonyms.get(demonym)
        formal = next((n for n in (f"{rest} of {country}", f"{rest} of the {country}") if country and n in full_names), None)
        if country and not formal and rest.startswith(("Ministry of ", "Ministry for ")):
            formal = rest
        if formal and name not in alias_of:
            alias_of[name] = formal
    for alias in list(alias_of):  # follow chains: "MPS" -> "Vietnamese Ministry of ..." -> "Ministry of ..."
        seen = {alias}
        while alias_of[alias] in alias_of and alias_of[alias] not in seen:
            seen.add(alias_of[alias])
            alias_of[alias] = alias_of[alias_of[alias]]
    body_names = {o.name for r in readers if not r.is_title for o in r.orgs}
    for r in readers:
        for o in r.orgs:
            name = alias_of.get(o.name, o.name)
            if r.is_title and name not in body_names and o.name not in body_names and o.name not in lex.known_orgs and alias_of.get(o.name) is None:
                continue  # headlines are title-cased: trust only names the body confirms
            row = rows.get(name)
            if row is None:
                acronym = o.acronym or next((a for a, n in alias_of.items() if n == name and a != name and " " not in a), None)
                row = rows[name] = {
                    "name": name, "acronym": acronym, "mentions": 0, "aliases": [],
                    "sentence": o.sentence.index, "char_start": o.char_start, "char_end": o.char_end,
                    "text": article.text[o.char_start : o.char_end],
                }
            row["mentions"] += 1
            if o.name != name and o.name not in row["aliases"]:
                row["aliases"].append(o.name)
    table = pd.DataFrame(list(rows.values()), columns=ORGANIZATION_COLUMNS)
    table["aliases"] = table["aliases"].map(lambda a: "; ".join(a) if isinstance(a, list) else a)
    return table, alias_of


def participants(article: Article) -> pd.DataFrame:
    """One row per distinct person: name, honorific, title, title_abbrev, role, organization, mentions, evidence.

    >>> from analysis.article import parse_article
    >>> people = participants(parse_article("T\\n\\nThe ASEANAPOL Secretariat, led by Executive Director David Vinluan, met. Executive Director Vinluan spoke."))
    >>> people[["name", "title", "organization", "mentions"]].values.tolist()
    [['David Vinluan', 'Executive Director', 'ASEANAPOL Secretariat', 2]]
    """
    readers = read_article(article)
    org_table, alias_of = _organizations(article)
    org_names = set(org_table["name"])
    people: list[dict] = []

    def same_person(name: str) -> dict | None:
        words = name.casefold().split()
        for person in people:
            other = person["name"].casefold().split()
            if name == person["name"] or _within(words, other) or _within(other, words):
                return person
        return None

    for r in readers:
        if r.is_title:
            continue
        for m in sorted(r.people, key=lambda m: m.start):
            person = same_person(m.name)
            if person is None:
                person = {
                    "name": m.name, "honorific": None, "title": None, "title_abbrev": None, "role": None,
                    "organization": None, "org_strength": 0, "mentions": 0, "aliases": [],
                    "sentence": m.sentence.index, "char_start": m.char_start, "char_end": m.char_end,
                    "text": article.text[m.char_start : m.char_end],
                }
                people.append(person)
            elif len(m.name) > len(person["name"]):
                if person["name"] not in person["aliases"]:
                    person["aliases"].append(person["name"])
                person["name"] = m.name
            if m.name != person["name"] and m.name not in person["aliases"]:
                person["aliases"].append(m.name)
            person["mentions"] += 1
            person["honorific"] = person["honorific"] or (" ".join(m.honorific) or None)
            if m.title and not person["title"]:
                person["title"] = " ".join(m.title)
            person["title_abbrev"] = person["title_abbrev"] or m.title_abbrev
            person["role"] = person["role"] or m.role
            if m.organization and m.org_strength > person["org_strength"]:
                person["organization"], person["org_strength"] = m.organization, m.org_strength
        _share_delegation_organization(r, same_person)
    ministries = {m.group(1): m.group(0) for name in org_names for m in [re.fullmatch(r"Ministry (?:of|for) (?:the )?(.+)", name)] if m}
    for person in people:
        if person["organization"] in alias_of:
            person["organization"] = alias_of[person["organization"]]
        if person["org_strength"] < 3:  # "Minister of Public Security" works at the "Ministry of Public Security"
            positions = f"{person['title'] or ''}, {person['role'] or ''}"
            portfolios = re.findall(r"Minister (?:of|for) (?:the )?(.+?)(?= and |,|$)", positions)
            match = next((p.strip() for p in portfolios if p.strip() in ministries), None)
            if match:
                person["organization"] = ministries[match]
    _country_to_organization(people, org_table)
    _count_later_mentions(article, people)
    table = pd.DataFrame(people, columns=PERSON_COLUMNS)
    table["aliases"] = table["aliases"].map(lambda a: "; ".join(a) if isinstance(a, list) else a)
    return table


def _within(short: list[str], full: list[str]) -> bool:
    """Whether every word of ``short`` is a word of ``full``, an initial standing for one ("E. Misiūnas").

    >>> _within(["e.", "misiūnas"], ["eimutis", "misiūnas"]), _within(["e.", "misiūnas"], ["misiūnas"])
    (True, False)
    """
    if not short or len(short) > len(full):
        return False
    return all(w in full or (len(w) == 2 and w[1] == "." and any(f.startswith(w[0]) and f not in short for f in full)) for w in short)


def _share_delegation_organization(reader: SentenceReader, same_person) -> None:
    """People listed with a delegation share its organization: "Accompanying Executive Director Vinluan
    were ...", "With De la Rosa are ...", "X attended, accompanied by ...", "The ISPO was represented by ...".
    Each cue governs the people up to the next cue."""
    cues = list(_DELEGATION.finditer(reader.sentence.text))
    people = sorted(reader.people, key=lambda m: m.start)
    for n, cue in enumerate(cues):
        at = reader.sentence.start + cue.start()
        until = reader.sentence.start + cues[n + 1].start() if n + 1 < len(cues) else reader.sentence.end
        before = [m for m in people if m.char_end <= at]
        after = [m for m in people if at < m.char_start < until]
        org_before = [o for o in reader.orgs if o.char_end <= at and at - o.char_end <= 12]
        leader = None
        if cue.group("members"):  # "The ISPO was represented by", "The Secretariat representatives included"
            demonym = re.search(r"([A-Z][\w’'-]*(?: [A-Z][\w’'-]*)?)\s+$", reader.sentence.text[: cue.start()])
            country = lexicons().demonyms.get(demonym.group(1)) if demonym else None  # "the Sri Lankan team was led by"
            if not org_before and not country:
                continue
            organization, strength = (org_before[-1].name if org_before else country), 2
        else:
            if cue.group("with"):  # "With De la Rosa are ..."
                leader = same_person(cue.group("with"))
            elif before:  # "X attended, accompanied by ..."
                leader = same_person(before[-1].name)
            elif after:  # "Accompanying Executive Director Vinluan were ..."
                leader, after = same_person(after[0].name), after[1:]
            if not leader:
                continue
            organization, strength = leader["organization"], 1
        for m in after:
            person = same_person(m.name)
            if organization and person and person is not leader and person["org_strength"] <= strength:
                person["organization"], person["org_strength"] = organization, strength


_HEADS_OF_STATE = re.compile(r"\b(?:President|Prime Minister|King|Queen|Sultan|Emir|Premier|Chancellor)\b")
_GOVERNMENT_TITLES = re.compile(r"\b(?:Minister|Secretary|Ambassador|Consul|Envoy|Attach[eé])", re.I)
_GOVERNMENT_BODIES = re.compile(r"\b(?:Ministry|Embassy|Consulate|Government|Department|Office)\b")


def _country_to_organization(people: list[dict], org_table: pd.DataFrame) -> None:
    """A person tied only to a country ("Bui Van Nam of Vietnam") works for the body of that country
    the article names ("the Vietnamese Ministry of Public Security"); heads of state keep the country,
    and officials of government take a ministry or embassy, not the police."""
    lex = lexicons()
    if org_table.empty:
        return
    written = org_table["name"] + "; " + org_table["aliases"].fillna("")  # "Vietnamese Ministry of ..." may be an alias
    for person in people:
        country = person["organization"]
        row = lex.places.get(country or "")
        if not row or row["kind"] != "country" or person["org_strength"] > 2:
            continue
        positions = f"{person['title'] or ''} {person['role'] or ''}"
        if _HEADS_OF_STATE.search(positions):
            continue
        names = {row["name"], country} | {d for d, c in lex.demonyms.items() if c == row["name"]}
        pattern = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")\b")
        bodies = org_table[written.map(lambda n: bool(pattern.search(n)))]
        if _GOVERNMENT_TITLES.search(positions):
            bodies = bodies[bodies["name"].map(lambda n: bool(_GOVERNMENT_BODIES.search(n)))]
        if len(bodies):
            person["organization"] = bodies.sort_values("mentions", ascending=False, kind="stable").iloc[0]["name"]


def _count_later_mentions(article: Article, people: list[dict]) -> None:
    """Add bare-surname mentions ("Vinluan stressed") to each person's count."""
    for person in people:
        parts = person["name"].split()
        if len(parts) < 2:
            continue
        counted = person["mentions"]
        surname = parts[-1]
        found = sum(1 for s in article.body_sentences for _ in re.finditer(rf"\b{re.escape(surname)}\b", s.text))
        person["mentions"] = max(counted, found)


def places(article: Article) -> pd.DataFrame:
    """Named cities, countries and regions: ``name`` as written, ``kind``, ``country``, ``mentions``.

    A demonym ("South Korean") counts toward its country's mentions; places inside organization or
    event names ("Royal Malaysia Police") are not places of their own.

    >>> from analysis.article import parse_article
    >>> places(parse_article("T\\n\\nThey met in Seoul, South Korea. The South Korean minister spoke."))[["name", "kind", "mentions"]].values.tolist()
    [['Seoul', 'city', 1], ['South Korea', 'country', 2]]
    """
    lex = lexicons()
    readers = read_article(article)
    rows: dict[str, dict] = {}
    demonym_counts: dict[str, int] = {}
    for r in readers:
        tokens = r.tokens
        blocked = [False] * len(tokens)
        for a, b in [(o.start, o.end) for o in r.orgs] + r.other_spans + [(p.name_start, p.name_end) for p in r.people]:
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
                    if surface in lex.places or surface in lex.demonyms or (surface.isupper() and _title_case(surface) in lex.places):
                        found = size, start, end, surface
                        break
            if found is None:
                i += 1
                continue
            size, start, end, surface = found
            i += size
            following = article.text[end : end + 20]
            if following.startswith("$"):
                continue  # "US$90 billion"
            if surface in lex.demonyms and surface not in lex.places:
                demonym_counts[lex.demonyms[surface]] = demonym_counts.get(lex.demonyms[surface], 0) + 1
                continue
            row_data = lex.places.get(surface) or lex.places[_title_case(surface)]
            if row_data["kind"] == "region" and re.match(r"\s+(?:countries|nations|states|economies|partners|members)\b", following):
                continue  # "South Pacific countries": a modifier, not a place named as such
            name = surface if not surface.isupper() or len(surface) <= 3 else _title_case(surface)
            name = re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)
            row = rows.get(name)
            if row is None:
                row = rows[name] = {
                    "name": name, "kind": row_data["kind"], "country": row_data.get("country") or None,
                    "mentions": 0, "aliases": [], "sentence": r.sentence.index,
                    "char_start": start, "char_end": end, "text": article.text[start:end],
                }
            row["mentions"] += 1
    for country, count in demonym_counts.items():
        if country in rows:
            rows[country]["mentions"] += count
    table = pd.DataFrame(list(rows.values()), columns=PLACE_COLUMNS)
    table["aliases"] = table["aliases"].map(lambda a: "; ".join(a) if isinstance(a, list) else a)
    return table


def _title_case(text: str) -> str:
    return " ".join(w[:1] + w[1:].lower() for w in text.split())
