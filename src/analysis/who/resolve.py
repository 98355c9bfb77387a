"""From mentions to people: one row per person of an article, with the organization and the rule that tied it.

A later mention ("Executive Director Vinluan", "E. Misiūnas") joins the person whose fuller name holds
it; delegates share their delegation's organization; an official tied only to a country works for the
body of that country the article names.

>>> within(["e.", "misiūnas"], ["eimutis", "misiūnas"]), within(["e.", "misiūnas"], ["misiūnas"])
(True, False)
"""
from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable

import pandas as pd

from ..article import Article
from ..names import patronymic_particles
from .lexicon import lexicons
from .person_names import nickname_forms
from .police import holds_police_rank, holds_police_title_alone, is_police_force, names_other_commissioners
from .state import SentenceState


def within(short: list[str], full: list[str]) -> bool:
    """Whether every word of ``short`` is a word of ``full``, an initial standing for one ("E. Misiūnas")."""
    if not short or len(short) > len(full):
        return False
    return all(w in full or (len(w) == 2 and w[1] == "." and any(f.startswith(w[0]) and f not in short for f in full)) for w in short)


def own_name(words: list[str]) -> str | None:
    """The word before the first patronymic particle of a name in lower case ("bin", not "b.", which may be
    an initial; ``patronymic_particles.txt``), None without one.

    >>> own_name("abdullah bin rashid al khalifa".split()), own_name("john b. smith".split())
    ('abdullah', None)
    """
    particles = patronymic_particles()
    at = next((i for i, w in enumerate(words) if len(w.rstrip(".")) > 1 and w.rstrip(".") in particles), 0)
    return words[at - 1] if at > 0 else None


def other_own_names(a: list[str], b: list[str]) -> bool:
    """Whether two names with patronymics name two people by their own names: "Abdullah bin Rashid" and
    "Rashid bin Abdullah" (an initial fits its name: "A. bin Rashid")."""
    mine, theirs = own_name(a), own_name(b)
    if not (mine and theirs) or mine == theirs:
        return False
    initial = mine if len(mine) == 2 and mine[1] == "." else theirs if len(theirs) == 2 and theirs[1] == "." else None
    return not (initial and (theirs if initial is mine else mine).startswith(initial[0]))


def same_but_nickname(a: list[str], b: list[str]) -> bool:
    """Whether two names differ only in a given name and its short form ("Steve Caldwell", "Steven Caldwell").

    >>> same_but_nickname(["steve", "caldwell"], ["steven", "caldwell"]), same_but_nickname(["abdul", "rahman"], ["abdullah", "rahman"])
    (True, False)
    """
    return len(a) == len(b) >= 2 and a[1:] == b[1:] and a[0] in nickname_forms().get(b[0], ())


def fuller(first: str | None, later: str | None) -> str | None:
    """The first mention's title or role, unless a later one says it in full: "Commissioner" then
    "Commissioner of Police" gives the second.

    >>> fuller("Commissioner", "Commissioner of Police"), fuller("Minister", "Director"), fuller(None, "Chief")
    ('Commissioner of Police', 'Minister', 'Chief')
    """
    if not first or not later:
        return first or later
    return later if len(later) > len(first) and within(first.casefold().split(), later.casefold().split()) else first


def new_person(m, article: Article) -> dict:
    return {
        "name": m.name, "honorific": None, "title": None, "title_abbrev": None, "role": None,
        "organization": None, "organization_rule": None, "org_strength": 0, "mentions": 0, "aliases": [],
        "sentence": m.sentence.index, "char_start": m.char_start, "char_end": m.char_end,
        "text": article.text[m.char_start : m.char_end],
    }


def set_organization(person: dict, organization: str | None, rule: str, strength: int | None = None) -> None:
    """Give ``person`` an organization by ``rule`` of ``ties.tsv`` (at that rule's strength unless given)."""
    person["organization"], person["organization_rule"] = organization, rule
    person["org_strength"] = lexicons().ties[rule] if strength is None else strength


def merge_mentions(states: list[SentenceState], article: Article) -> list[dict]:
    """One dict per person: each body mention joins the person whose name holds it, or starts one."""
    people: list[dict] = []
    by_word: dict[str, set[int]] = {}  # a word of a person's name -> the people holding it: thousands of names stay linear
    position: dict[int, int] = {}  # id of a person's dict -> its place in ``people``

    def full_words(name: str) -> list[str]:
        return [w for w in name.casefold().split() if not (len(w) == 2 and w[1] == ".")]  # initials match through others

    def index(n: int) -> None:
        for word in full_words(people[n]["name"]):
            by_word.setdefault(word, set()).add(n)

    def same_person(name: str) -> dict | None:
        words = name.casefold().split()
        keys = full_words(name)
        candidates = sorted(set().union(*(by_word.get(w, ()) for w in keys))) if keys else range(len(people))
        nicknamed = []
        for n in candidates:  # a name holding another shares a full word with it
            person = people[n]
            other = person["name"].casefold().split()
            if other_own_names(words, other):
                continue  # "Abdullah bin Rashid" and "Rashid bin Abdullah": son and father, the same words
            if name == person["name"] or within(words, other) or within(other, words):
                return person
            if same_but_nickname(words, other) and not nickname_ambiguous(words) and not nickname_ambiguous(other):
                nicknamed.append(person)
        return nicknamed[0] if len(nicknamed) == 1 else None

    # "Chris Evans" is "Christopher Evans" only if the article names no "Christina Evans" who could be meant too
    by_tail: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
    for state in states:
        for m in state.people:
            words = tuple(m.name.casefold().split())
            by_tail.setdefault(words[1:], set()).add(words)

    def nickname_ambiguous(words: list[str]) -> bool:
        """Whether the article names two or more people whose given names ``words``' may shorten or lengthen."""
        key = tuple(words)
        others = [list(o) for o in by_tail.get(key[1:], ()) if o != key]
        return sum(same_but_nickname(words, o) or same_but_nickname(o, words) for o in others) > 1

    subject: dict | None = None  # the person opening the sentence before: who "He" is
    for state in states:
        if state.is_title:
            continue
        here = []
        for m in sorted(state.people, key=lambda m: m.start):
            person = same_person(m.name)
            if person is None:
                person = new_person(m, article)
                people.append(person)
                position[id(person)] = len(people) - 1
                index(len(people) - 1)
            elif len(m.name) > len(person["name"]):
                if person["name"] not in person["aliases"]:
                    person["aliases"].append(person["name"])
                person["name"] = m.name
                index(position[id(person)])
            if m.name != person["name"] and m.name not in person["aliases"]:
                person["aliases"].append(m.name)
            person["mentions"] += 1
            person["honorific"] = person["honorific"] or (" ".join(m.honorific) or None)
            title, role = person["title"], person["role"]
            person["title"] = fuller(person["title"], " ".join(m.title) or None)
            person["title_abbrev"] = person["title_abbrev"] or m.title_abbrev
            person["role"] = fuller(person["role"], m.role)
            if (person["title"], person["role"]) != (title, role):
                person["written_at"] = m.char_start  # where the position the table gives was written
            if m.organization and m.org_strength > person["org_strength"]:
                set_organization(person, m.organization, m.organization_rule, m.org_strength)
            here.append((m.start, person))
        share_delegation_organization(state, same_person, subject)
        subject = here[0][1] if here and here[0][0] <= 2 else None  # "IG Kanja thanked ..." opens the sentence
    return people


@functools.cache
def delegation_cues() -> re.Pattern:
    """One pattern for the cues of ``delegation_cues.tsv``; group ``members`` marks the members' cues."""
    from ..lexicons import load_table

    rows = sorted(load_table("delegation_cues"), key=lambda r: -len(r["cue"]))
    def alternation(kind: str) -> str:
        return "|".join(r"\s+".join(map(re.escape, r["cue"].split())) for r in rows if r["kind"] == kind)
    return re.compile(rf"^with (?P<with>[A-Z][\w’'. -]+?) (?:are|were)\b|\b(?:{alternation('leader')}|(?P<members>{alternation('members')}))\b", re.I)


def share_delegation_organization(state: SentenceState, same_person: Callable[[str], dict | None], subject: dict | None = None) -> None:
    """People listed with a delegation share its organization: "Accompanying Executive Director Vinluan
    were ...", "With De la Rosa are ...", "X attended, accompanied by ...", "The ISPO was represented by ...",
    "He was joined by ..." ("He": ``subject``, the person who opens the sentence before).
    Each cue governs the people up to the next cue."""
    cues = list(delegation_cues().finditer(state.sentence.text))
    people = sorted(state.people, key=lambda m: m.start)
    for n, cue in enumerate(cues):
        at = state.sentence.start + cue.start()
        until = state.sentence.start + cues[n + 1].start() if n + 1 < len(cues) else state.sentence.end
        before = [m for m in people if m.char_end <= at]
        after = [m for m in people if at < m.char_start < until]
        org_before = [o for o in state.orgs if o.char_end <= at and at - o.char_end <= 12]
        leader = None
        if cue.group("members"):  # "The ISPO was represented by", "The Secretariat representatives included"
            demonym = re.search(r"([A-Z][\w’'-]*(?: [A-Z][\w’'-]*)?)\s+$", state.sentence.text[: cue.start()])
            country = lexicons().demonyms.get(demonym.group(1)) if demonym else None  # "the Sri Lankan team was led by"
            if not org_before and not country:
                continue
            organization, rule = (org_before[-1].name if org_before else country), "delegation_members"
        else:
            if cue.group("with"):  # "With De la Rosa are ..."
                leader = same_person(cue.group("with"))
            elif before:  # "X attended, accompanied by ..."
                leader = same_person(before[-1].name)
            elif subject is not None and re.match(r"\s*(?:He|She)\b", state.sentence.text[: cue.start()]):
                leader = subject  # "IG Kanja thanked ... He was joined by ..."
            elif after:  # "Accompanying Executive Director Vinluan were ..."
                leader, after = same_person(after[0].name), after[1:]
            if not leader:
                continue
            organization, rule = leader["organization"], "delegation_leader"
        for m in after:
            person = same_person(m.name)
            if organization and person and person is not leader and person["org_strength"] <= lexicons().ties[rule]:
                set_organization(person, organization, rule)


def minister_to_ministry(people: list[dict], org_names: list[str]) -> None:
    """A "Minister of Public Security" (or "Public Security Minister") works at the "Ministry of Public Security"
    the article names, or at "the Vietnamese Ministry of Public Security": of two countries' ministries, the one
    of the person's country."""
    demonyms = lexicons().demonyms
    ministries: dict[str, list[tuple[str, str | None]]] = {}  # portfolio -> (name, country)
    for name in org_names:
        if (m := re.fullmatch(r"(?:(\S+) )?Ministry (?:of|for) (?:the )?(.+)", name)) and (m.group(1) is None or m.group(1) in demonyms):
            ministries.setdefault(m.group(2), []).append((name, demonyms.get(m.group(1) or "")))
        else:  # "the Home Affairs Ministry", "the Paraguayan Interior Ministry"
            first, _, rest = name.partition(" ")
            demonym, rest = (first, rest) if first in demonyms else (None, name)
            if m := re.fullmatch(r"((?:[A-Z]\w+ ){1,2})Ministry", rest):
                ministries.setdefault(m.group(1).strip(), []).append((name, demonyms.get(demonym or "")))

    def holds(portfolio: str, positions: str) -> bool:  # "Minister of Home Affairs", "Home Affairs Minister", "Foreign Minister"
        before = "|".join(re.escape(p) for p in {portfolio, portfolio.removesuffix(" Affairs")})
        return bool(re.search(rf"\bMinister (?:of|for) (?:the )?{re.escape(portfolio)}(?= and |,|$)|(?<![\w-])(?:{before}) Minister\b", positions))
    for person in people:
        positions = f"{person['title'] or ''}, {person['role'] or ''}"
        # "Minister of Interior and Commander of the Internal Security Force": the first position is the minister's
        second_body = person["organization_rule"] == "title_of" and re.match(r"(?:\S+ )?Minister (?:of|for) [^,]+? and ", positions)
        if person["org_strength"] >= 2 and not second_body:
            continue  # "Minister of Interior of Saudi Arabia": the text gave the country
        found = next((named for p, named in ministries.items() if holds(p, positions)), [])
        mine = [name for name, country in found if country == person["organization"]] or [name for name, country in found if country is None]
        if len(found) == 1 or mine:
            set_organization(person, (mine or [found[0][0]])[0], "minister_portfolio", person["org_strength"])


@functools.cache
def position_patterns() -> tuple[tuple[re.Pattern, str], ...]:
    """``(position with its portfolio, body head)`` of each row of ``position_bodies.tsv``: the portfolio "of" it
    ("Director General of National Security") or written before it ("Public Security Director")."""
    from ..lexicons import load_table

    return tuple(
        (re.compile(rf"\b{re.escape(r['position'])} (?:of|for) (?:the )?(?P<after>[^,(]+)|(?P<before>(?:[A-Z][\w-]* ){{1,4}}){re.escape(r['position'])}\b"), r["body"])
        for r in load_table("position_bodies")
    )


def position_to_body(people: list[dict], org_names: list[str]) -> None:
    """A "Director General of National Security" works at the "Directorate General of National Security" the
    article names, a "Public Security Director" at the "Public Security Directorate" (``position_bodies.tsv``),
    unless the text tied them to a body as strongly."""
    strength = lexicons().ties["position_body"]
    for person in people:
        if person["org_strength"] >= strength or not (person["title"] or person["role"]):
            continue
        positions = f"{person['title'] or ''}, {person['role'] or ''}"
        for position, body_head in position_patterns():
            match = position.search(positions)
            if not match:
                continue
            parts = [p.strip() for p in re.split(r" and | & ", match.group("after") or match.group("before")) if p.strip()]
            portfolio = "|".join(re.escape(p) for p in parts)  # "Public Security Director" works at the "Public Security Directorate"
            if match.group("after"):
                body = re.compile(rf"(?:\S+ )?{re.escape(body_head)} (?:of|for) (?:the )?(?:{portfolio})\b")
            else:  # exactly the portfolio and the head: "Police Commissioner" is not at the "National Police Commission"
                body = re.compile(rf"(?:{portfolio}) {re.escape(body_head)}$")
            named = [name for name in org_names if body.match(name)]
            if len(named) == 1:
                set_organization(person, named[0], "position_body")
                break


def _words_pattern(words: tuple[str, ...]) -> re.Pattern:
    """Any of ``words`` as whole words (also one that ends in a dot: "the U.S.")."""
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")(?!\w)")


def of_two_countries(name: str) -> bool:
    """Whether a body's name names two countries ("Ghana-Chinese Association", "Greek and Cyprus Police"): it is
    no one country's body."""
    lex = lexicons()
    countries = {lex.demonyms.get(w) or lex.places.get(w, {}).get("name") for w in re.split(r"[\s-]+", name) if w in lex.demonyms or lex.places.get(w, {}).get("kind") == "country"}
    return len(countries) > 1


def country_to_organization(people: list[dict], org_table: pd.DataFrame) -> None:
    """A person tied only to a country ("Bui Van Nam of Vietnam") works for the body of that country
    the article names ("the Vietnamese Ministry of Public Security"); heads of state keep the country,
    and officials of government take a ministry or embassy, not the police."""
    lex = lexicons()
    if org_table.empty:
        return
    heads_of_state = _words_pattern(lex.heads_of_state)
    government_titles = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in lex.government_titles) + ")", re.I)
    government_bodies = _words_pattern(lex.government_bodies)
    written = org_table["name"] + "; " + org_table["aliases"].fillna("")  # "Vietnamese Ministry of ..." may be an alias
    shared = written.map(of_two_countries)  # "Ghana-Chinese Association": no one country's body
    for person in people:
        country = person["organization"]
        row = lex.places.get(country or "")
        if not row or row["kind"] != "country" or person["org_strength"] > 2 and person["organization_rule"] != "title_of":
            continue  # a country written in the title ("Minister of Public Security of China X") gives way too
        positions = f"{person['title'] or ''} {person['role'] or ''}"
        if heads_of_state.search(positions):
            continue
        names = {row["name"], country} | {d for d, c in lex.demonyms.items() if c == row["name"]}
        pattern = _words_pattern(tuple(names))
        bodies = org_table[written.map(lambda n: bool(pattern.search(n))) & ~shared | (org_table["country"] == row["name"])]  # "China's Ministry of ..."
        if lex.envoy_titles.search(positions):  # "Chinese Consul General X" serves at a mission, or the country
            bodies = bodies[bodies["name"].map(lambda n: any(w.casefold() in lex.mission_words for w in n.split()))]
        elif government_titles.search(positions):
            bodies = bodies[bodies["name"].map(lambda n: bool(government_bodies.search(n)))]
        elif holds_police_rank(positions) and (forces := bodies[bodies["name"].map(is_police_force)]).shape[0]:
            bodies = forces  # "Acting IGP X" of Ghana works for the Ghana Police Service, not the Ghana-Chinese Association
        if len(bodies):
            body = bodies.sort_values("mentions", ascending=False, kind="stable").iloc[0]["name"]
            set_organization(person, body, "country_body", person["org_strength"])


def home_country(people: list[dict], place_table: Callable[[], pd.DataFrame]) -> None:
    """An official of government with no organization in the text ("Prime Minister Lee Hsien Loong")
    serves the country whose places the article names most: a city or region counts for its country, so
    "Labuan Bajo" three times outweighs "China" once (ties broken by the first named). ``place_table`` is
    called only when such an official is found."""
    lex = lexicons()
    officials = _words_pattern(lex.heads_of_state + lex.government_titles)
    heads = _words_pattern(lex.heads_of_state)

    def needs_home(person: dict) -> bool:
        positions = f"{person['title'] or ''} {person['role'] or ''}"
        if person["organization"] is None:
            return bool(officials.search(positions))
        # a head of state or government is not a member of the body named nearest ("President X will open the forum, while Polri Chief Y ...")
        return person["organization_rule"] in ("nearest", "after_verb") and bool(heads.search(positions))

    untied = [p for p in people if needs_home(p)]
    if not untied:
        return
    places = place_table()
    places = places[places["country"].notna() & (places["country"] != "")]
    if places.empty:
        return
    by_country = places.groupby("country", sort=False).agg(mentions=("mentions", "sum"), first=("char_start", "min"))
    home = by_country.sort_values(["mentions", "first"], ascending=[False, True], kind="stable").index[0]
    home_names = _words_pattern(tuple({home, *places.loc[places["country"] == home, "text"]}))
    for person in untied:
        _, to, host = f"{person['title'] or ''} {person['role'] or ''}".partition(" to ")
        if not (to and home_names.search(host)):  # "Ambassador to the Kingdom of Thailand": the host, not the home
            set_organization(person, home, "home_country")


#: ties that guess from what is near or named most, not from how the person is written
_GUESSES = frozenset({None, "nearest", "after_verb", "police_force", "main_police_force", "home_country"})


def body_named_before(people: list[dict], org_table: pd.DataFrame) -> None:
    """A position "of the Academy" ("President of the Academy", "the agency's director") is at the one body
    named before the position whose name ends in that head word ("People's Police Academy"), when the text
    tied them to nothing surer.

    >>> orgs = pd.DataFrame({"name": ["People's Police Academy", "Korean National Police University"], "char_start": [0, 40]})
    >>> person = {"title": None, "role": "President of the Academy", "organization": None, "organization_rule": None, "org_strength": 0, "char_start": 90}
    >>> body_named_before([person], orgs)
    >>> person["organization"], person["organization_rule"]
    ("People's Police Academy", 'the_body')
    """
    lex = lexicons()
    by_head: dict[str, list[tuple[str, int]]] = {}
    for name, start in zip(org_table["name"], org_table["char_start"]):
        by_head.setdefault(name.rsplit(" ", 1)[-1].casefold(), []).append((name, start))
    for person in people:
        positions = f"{person['title'] or ''}, {person['role'] or ''}"
        # "President of the Academy", "the agency's enforcement director"
        head = re.search(r"\b(?:of|at|for) the ([A-Z][a-z]+)\b(?! [A-Z])|(?:^|, )([A-Za-z][a-z]+)['’]s ", positions) if person["organization_rule"] in _GUESSES else None
        word = head and (head[1] or head[2]).casefold()
        if word and word in lex.org_heads and len(named := by_head.get(word, [])) == 1:
            name, start = named[0]
            if " " in name and start < person.get("written_at", person["char_start"]):  # named before: "the Academy" points back to it
                set_organization(person, name, "the_body", lex.ties["the_body"])


def nearest_is_forum(name: str) -> bool:
    """Whether a body a person was tied to only as the sentence's nearest is a forum an officer attends, not
    a service they may serve: a well-known international body ("INTERPOL", "the African Union") or an event's
    or board's name (``forum_heads.txt``), never a police force, an army or a ministry's department.

    >>> nearest_is_forum("African Union"), nearest_is_forum("Executive Management Board"), nearest_is_forum("Republic of Fiji Military Forces")
    (True, True, False)
    """
    lex = lexicons()
    if name in lex.known_orgs or name in lex.known_orgs.values():
        return True
    words = name.casefold().split()
    return not is_police_force(name) and any(w in lex.not_org_heads or w in lex.forum_heads for w in words)


def main_police_force(people: list[dict], org_table: pd.DataFrame) -> None:
    """A police officer the text ties to nothing ("Acting Commissioner of Police Mr X" in a list) serves the
    police force the article names most ("the Guyana Police Force"), when one is named more than the others
    or the others named as often are someone else's by how the text writes them, or else are first named
    in a later sentence; so does one tied only to a body named past a verb of theirs ("IGP X has arrived in
    Kigali for the EAPCCO meeting", rule after_verb).
    A bare "Commissioner X" counts as an officer only where no commission, union or navy is named. An officer
    with no role of their own whom only the nearest body ties ("At the African Union forum, Inspector General
    of Police X spoke") serves the force too, when that body is a forum (:func:`nearest_is_forum`)."""
    if org_table.empty:
        return
    alone = not names_other_commissioners(org_table["name"])  # "Commissioner X" in an article naming no commission
    untied = [p for p in people if (p["organization"] is None or p["organization_rule"] == "after_verb" or p["organization_rule"] == "nearest" and not p["role"] and nearest_is_forum(p["organization"])) and (
        holds_police_rank(p["title"], p["role"], p["title_abbrev"]) or alone and holds_police_title_alone(p["title"], p["role"], p["title_abbrev"])
    )]
    if not untied:
        return
    forces = org_table[org_table["name"].map(is_police_force)].sort_values("mentions", ascending=False, kind="stable")
    if forces.empty:
        return
    top = forces[forces["mentions"] == forces.iloc[0]["mentions"]]["name"].tolist()
    if len(top) > 1:  # named as often: one that the text ties to someone else ("George Turner, former chief of the Atlanta Police Department") is theirs
        claimed = {p["organization"] for p in people if p["organization_rule"] not in _GUESSES}
        top = [name for name in top if name not in claimed]
    if len(top) > 1:  # still named as often: the one named in an earlier sentence than the others (the lead names the subject)
        tied = forces[forces["name"].isin(top)].sort_values("char_start", kind="stable")
        if tied["sentence"].iloc[0] < tied["sentence"].iloc[1]:
            top = tied["name"].tolist()[:1]
    if len(top) == 1:
        for person in untied:
            set_organization(person, top[0], "main_police_force")


def count_later_mentions(article: Article, people: list[dict]) -> None:
    """Add bare-surname mentions ("Vinluan stressed") to each person's count. The body's words are counted
    once, so that an article naming thousands of people stays linear."""
    words: Counter[str] = Counter()  # "Vinluan"
    chains: Counter[str] = Counter()  # "Al-Nouri", "O'Brien": a surname with inner marks
    for sentence in article.body_sentences:
        words.update(re.findall(r"\w+", sentence.text))
        chains.update(re.findall(r"\w+(?:[-'’.]\w+)+", sentence.text))
    for person in people:
        parts = person["name"].split()
        if len(parts) < 2:
            continue
        surname = parts[-1]
        found = words[surname] if re.fullmatch(r"\w+", surname) else chains[surname]
        person["mentions"] = max(person["mentions"], found)
