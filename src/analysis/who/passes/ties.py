"""Pass: the organization each person is tied to, and the rule that tied it (see ``ties.tsv``)."""
from __future__ import annotations

import bisect
import functools
import re

from ..lexicon import lexicons
from ..phrases import place_run, read_title
from ..police import holds_police_rank, is_police_force
from ..roles import apply_role, is_plural_word, read_role
from ..spans import demonym_before
from ..state import PersonMention, SentenceState, tie


def read_ties(state: SentenceState) -> None:
    """Tie each titled person of the sentence to an organization."""
    for mention in state.people:
        attach(state, mention)


def attach(state: SentenceState, mention: PersonMention) -> None:
    """Tie ``mention`` to the organization the sentence gives it, strongest reading first: the organization
    written before the title, "who serves as ...", a demonym, a lead cue (the nearest one comes last, in
    :func:`read_nearest_ties`, once every person of the sentence is known)."""
    tokens = state.tokens
    i = mention.start
    before = state.org_ending_at(i) or (state.org_ending_at(i - 1) if i > 0 and tokens[i - 1].key == "the" else None)
    if before is None and i > 1 and tokens[i - 1].text == "," and (org := state.org_ending_at(i - 1)) and org.start > 0 and tokens[org.start - 1].key == "from":
        before = org  # "Expert from RMP, Assistant Commissioner Police X"
    if before and before.start > 0 and tokens[before.start - 1].key in ("former", "ex"):
        before = None  # "former INTERPOL President"
    if before:  # "KNPA's Commissioner General", "ASEANAPOL Secretariat Executive Director"
        tie(mention, before.name, "organization_before")
    at = tokens[mention.name_end - 1].end - state.sentence.start
    rest = state.sentence.text[at : at + 300]  # "who serves as" comes within a clause of the name
    read_relative_role(state, mention, rest)
    read_side_voiced(mention, rest)
    read_second_role(state, mention, rest, at)
    read_group_led(state, mention, rest, at)
    if mention.organization:
        return
    k = i
    while k > 0 and tokens[k - 1].is_cap and tokens[k - 1].is_word and not tokens[k - 1].possessive and mention.role and tokens[k - 1].text in mention.role:
        k -= 1  # past the words of "National Police chief" to "Thailand's"
    if (country := demonym_before(state, i) or demonym_before(state, k)) and (mention.title or mention.role):
        tie(mention, country, "demonym")  # "South Korean President", "Malaysia's Minister"
        return
    prefix = state.sentence.text[: tokens[i].start - state.sentence.start].rstrip().casefold()
    if prefix.endswith(lexicons().lead_phrases) or prefix.endswith(tuple(f"{p} the" for p in lexicons().lead_phrases)):
        lead = [o for o in state.orgs if o.end <= i]
        if lead:
            tie(mention, max(lead, key=lambda o: o.end).name, "led_by")


@functools.cache
def side_voiced_pattern() -> re.Pattern:
    """After a name: "(, position,) has today reaffirmed Fiji's": group 1 the verb, group 2 the possessive's owner."""
    between = "|".join(["has", "have", "had", r"on \w+", *sorted(lexicons().time_adverbs)])  # "has today reaffirmed", "on Monday pledged"
    return re.compile(rf"\s*(?:,[^,.;]{{1,120}},\s*)?(?:(?:{between}) )*(\w+) (?:the )?((?:[A-Z][\w.-]*\s){{0,3}}[A-Z][\w.-]*)['’]s\b")


def read_side_voiced(mention: PersonMention, rest: str) -> None:
    """The country whose commitment or support the person voices right after their name: "Police Commissioner
    X has reaffirmed Fiji's commitment ..." (``side_verbs.txt``, rule speaks_for)."""
    lex = lexicons()
    match = side_voiced_pattern().match(rest)
    if match and match[1] in lex.side_verbs and lex.places.get(match[2], {}).get("kind") == "country" and mention.org_strength < lex.ties["speaks_for"]:
        tie(mention, match[2], "speaks_for")


def read_relative_role(state: SentenceState, mention: PersonMention, rest: str) -> None:
    """A position given in a relative clause after the name (rule who_serves_as): "X, who also serves as
    ASEANAPOL Secretariat's Director for ...", "Colonel Y, who is Djibouti's National Police Director, met ..."
    (not "who was": a former post). ``rest``: the sentence's text after the name."""
    tokens = state.tokens

    def token_after(match: re.Match) -> int:
        return bisect.bisect_left(tokens, tokens[mention.name_end - 1].end + match.end(), key=lambda t: t.start)

    if match := re.match(r"[^.;]*?\bwho (?:also |currently |now )?(?:serves|is|acts|works) as (?:the |a |an )?", rest):
        k = token_after(match)
        org = state.org_at(k) if k < len(tokens) else None
        if org and tokens[org.end - 1].possessive and (end := read_title(tokens, org.end)):
            mention.role = state.text(org.end, end)
            tie(mention, org.name, "who_serves_as")
    elif (match := re.match(r"\s*,\s*who is (?:also |currently |now )?", rest)) and not mention.role:
        k = token_after(match)
        role = read_role(state, k) if k < len(tokens) and not state.used[k] else None
        if role and (role["end"] == len(tokens) or tokens[role["end"]].text in (",", ".", ";")) and not is_plural_word(role):
            apply_role(state, mention, role, rule="who_serves_as")


def read_group_led(state: SentenceState, mention: PersonMention, rest: str, at: int) -> None:
    """The group the person leads: "X headed the Rwandan delegation" (Rwanda), "Y, its director, led the
    Europol team" (Europol), "Z today led a delegation of Hong Kong Customs"; ``group_leads.tsv``."""
    match = lexicons().group_lead.match(rest)
    if not match:
        return
    group = 1 if match.group(1) else 2  # "the Rwandan delegation", "a delegation of Hong Kong Customs"
    owner, lex = match.group(group).strip(), lexicons()
    if country := lex.demonyms.get(owner) or (owner if lex.places.get(owner, {}).get("kind") == "country" else None):
        tie(mention, country, "leads_group")
    elif org := state.org_at(bisect.bisect_left(state.tokens, state.sentence.start + at + match.start(group), key=lambda t: t.start)):
        tie(mention, org.name, "leads_group")


def read_second_role(state: SentenceState, mention: PersonMention, rest: str, at: int) -> None:
    """A second position written after the person: "General X, the National Commissioner, in his capacity
    as the chairperson of SARPCCO" (``second_role_cues.txt``); it is added to the role as written."""
    match = lexicons().second_role_cues.match(rest)
    if not match:
        return
    offset = state.sentence.start + at + match.end()
    k = next((n for n, t in enumerate(state.tokens) if t.start >= offset), None)
    if k is None or not (role := read_role(state, k)) or any(p is not mention and mention.name_end <= p.start <= k for p in state.people):
        return  # another person named between this one and the cue: the position is theirs
    if role["text"] not in f"{mention.role or ''} {' '.join(mention.title)}":
        mention.role = f"{mention.role}, {role['text']}" if mention.role else role["text"]


def read_respectively(state: SentenceState) -> None:
    """People listed, then as many bodies, then "respectively": the n-th person is the n-th body's
    ("Dibyo Widodo and Mick Palmer, chiefs of the Indonesian National Police and the Australian Federal
    Police respectively")."""
    tokens = state.tokens
    at = next((n for n, t in enumerate(tokens) if t.key == "respectively"), None)
    if at is None:
        return
    people = sorted((m for m in state.people if m.name_end <= at), key=lambda m: m.start)
    if len(people) < 2:
        return
    bodies = [o.name for o in sorted(state.orgs, key=lambda o: o.start) if people[-1].name_end <= o.start and o.end <= at]
    if len(bodies) != len(people):  # "delegates from ... Burkina Faso and ... Côte d'Ivoire led by their governors, X and Y respectively"
        bodies = countries_in(state, 0, people[0].start)
    if len(bodies) == len(people):
        for mention, body in zip(people, bodies):
            tie(mention, body, "respectively")
        # "..., chiefs of the A and the B respectively": each is a chief, of their own body
        shared = next((text for holder, text in state.plural_roles if holder is people[-1]), None)
        if shared is not None:
            position = re.split(r" (?:of|for|at) ", shared, maxsplit=1)[0]
            for mention in people:
                if mention.role in (None, shared):
                    mention.role = position


def countries_in(state: SentenceState, start: int, end: int) -> list[str]:
    """The countries named between tokens ``start`` and ``end``, in order, as the text writes them."""
    lex, tokens, found, k = lexicons(), state.tokens, [], start
    while k < end:
        size = next((n for n in (3, 2, 1) if k + n <= end and lex.places.get(state.text(k, k + n), {}).get("kind") == "country"), 0)
        if size:
            found.append(state.text(k, k + size))
        k += size or 1
    return found


def read_nearest_ties(state: SentenceState) -> None:
    """Last pass: each person the sentence ties to nothing yet gets the nearest country or organization.

    What every person needs is worked out once per sentence (a list of thousands of names stays linear).
    """
    untied = [m for m in state.people if not m.organization]
    if not untied:
        return
    written = sorted((written_from(state, p), p.name_end) for p in state.people)
    countries = country_ends(state)
    theirs = {p.organization for p in state.people if p.org_strength >= lexicons().ties["led_by"]}
    candidates = [o for o in state.orgs if not is_wire_agency(state, o)]
    by_end = sorted(candidates, key=lambda o: o.end)
    ends = [o.end for o in by_end]
    after = sorted((o for o in candidates if o.name not in theirs and not other_side(state, o.start)), key=lambda o: o.start)
    starts = [o.start for o in after]
    forces = [o for o in by_end if is_police_force(o.name)]
    force_ends = [o.end for o in forces]
    verbs = reach_verbs(state)
    for mention in untied:
        if (own := own_title_country(state, mention)) is not None:
            tie(mention, own, "role_country")  # "Advisor to the Prime Minister of Pakistan on National Security X"
            continue
        end = verbs[bisect.bisect_left(verbs, mention.name_end)]
        if forces and holds_police_rank(" ".join(mention.title), mention.role, mention.title_abbrev) and not is_police_force(nearest_name(mention, by_end, ends, after, starts, end) or ""):
            force = police_force_near(state, mention, forces, force_ends, theirs, end)
            if force is not None:
                tie(mention, force.name, "police_force")  # "Commissioner of Police X met the High Commissioner ...": the force of the sentence
                continue
        # "the Chinese Ambassador X congratulated the Acting IGP Y": a country written in a person's title is not
        # the side of someone past a verb ("the delegation included American Consul General X, ... and Y": it is)
        own = [c for c in countries if not (within(written, c[0] - 1) and verbs[bisect.bisect_left(verbs, c[0])] < mention.start)]
        attach_nearest(mention, own, by_end, ends, after, starts, end)


def own_title_country(state: SentenceState, mention: PersonMention) -> str | None:
    """The one country named after "of" inside the person's own title, before the name: "Advisor to the Prime
    Minister of Pakistan on National Security X" (not "Ambassador to Pakistan X": that is the host)."""
    tokens, places = state.tokens, lexicons().places
    found = set()
    for k in range(mention.start, mention.name_start - 1):
        if tokens[k].key == "of":
            at = k + 1 + (tokens[k + 1].key == "the")
            end = place_run(tokens, at)
            if end > at and places.get(state.text(at, end), {}).get("kind") == "country":
                found.add(places[state.text(at, end)]["name"])
    return found.pop() if len(found) == 1 else None


def written_from(state: SentenceState, mention: PersonMention) -> int:
    """Where the person's words start, with a demonym written right before their title ("Chinese | Ambassador X")."""
    demonyms = lexicons().demonyms
    return next((mention.start - size for size in (2, 1) if mention.start >= size and state.text(mention.start - size, mention.start) in demonyms), mention.start)


def within(spans: list[tuple[int, int]], k: int) -> bool:
    """Whether token ``k`` lies inside one of ``spans`` (sorted ``(start, end)`` pairs that do not overlap)."""
    n = bisect.bisect_right(spans, (k, float("inf")))
    return n > 0 and spans[n - 1][0] <= k < spans[n - 1][1]


def reach_verbs(state: SentenceState) -> list[int]:
    """Where what is written after a person stops saying who they are: the tokens of the verbs of
    ``reach_verbs.txt``, unless "who" comes just before ("X, who is the chairman of ..."), then the
    sentence's end. An organization past the first one after a person is what the person acted on
    ("X received Ambassador Y, the African Union's ...")."""
    tokens, verbs = state.tokens, lexicons().reach_verbs
    found = [k for k, t in enumerate(tokens) if t.key in verbs and "who" not in (t.key for t in tokens[max(0, k - 2) : k])]
    return found + [len(tokens)]


def is_wire_agency(state: SentenceState, org) -> bool:
    """Whether ``org`` is a news agency credited in brackets before a dash: "Beijing, Dec. 26 (Xinhua) --",
    "Hanoi (VNA) –". It reports the news; nobody in it belongs to it."""
    tokens = state.tokens
    return 0 < org.start and org.end + 1 < len(tokens) and tokens[org.start - 1].text == "(" and tokens[org.end].text == ")" and tokens[org.end + 1].text in ("-", "--", "–", "—")


def other_side(state: SentenceState, start: int) -> bool:
    """Whether the organization at ``start`` is written as the other side: "signed a memorandum with the
    Turkish National Police", "a visit to the AFP" (``other_side_cues.txt``)."""
    k = start - (start > 0 and state.tokens[start - 1].key == "the")
    keys = tuple(t.key for t in state.tokens[max(0, k - 5) : k])
    return any(keys[-len(cue):] == cue for cue in lexicons().other_side_cues)


def police_force_near(state: SentenceState, mention: PersonMention, forces: list, force_ends: list[int], theirs: set[str], end: int):
    """The police force named nearest before the person, else the first after, before token ``end``, that no
    one else's title or role holds ("..., and ACP Y, Deputy Commander of the Marine Police Force": Y's)."""
    if before := bisect.bisect_right(force_ends, mention.start):
        return forces[before - 1]
    return next((o for o in forces[before : before + 5] if mention.name_end <= o.start < end and o.name not in theirs and not other_side(state, o.start)), None)


def nearest_name(mention: PersonMention, by_end: list, ends: list[int], after: list, starts: list[int], end: int) -> str | None:
    """The organization nearest before the person, else after (before token ``end``): the ``nearest`` reading."""
    if before := bisect.bisect_right(ends, mention.start):
        return by_end[before - 1].name
    n = bisect.bisect_left(starts, mention.name_end)
    return after[n].name if n < len(after) and after[n].start < end else None


def attach_nearest(mention: PersonMention, countries: list[tuple[int, str]], by_end: list, ends: list[int],
                   after: list, starts: list[int], end: int) -> None:
    """The weakest readings (``ties.tsv``, strength 1): the country named nearest before the person when it
    is closer than any organization, else the organization nearest before, else after (unless another person's
    title or role ties it to them: "X received Y, Commander of the Korea Coast Guard"); one past token ``end``,
    a verb the person did, is read by the weaker rule ``after_verb``."""
    i = mention.start
    before = bisect.bisect_right(ends, i)  # organizations ending at or before the person
    country = countries[n - 1] if (n := bisect.bisect_right(countries, (i, chr(0x10FFFF)))) else None
    if country and (not before or country[0] >= by_end[before - 1].end):
        tie(mention, country[1], "sentence_country")
        return
    if before:
        tie(mention, by_end[before - 1].name, "nearest")
    elif (n := bisect.bisect_left(starts, mention.name_end)) < len(after):
        tie(mention, after[n].name, "nearest" if after[n].start < end else "after_verb")


def country_ends(state: SentenceState) -> list[tuple[int, str]]:
    """``(index after it, country)`` of each country named or implied (by a demonym) in the sentence, in
    order; a word read as something else counts only inside an organization ("the Thai Ministry")."""
    lex, tokens = lexicons(), state.tokens
    inside = [False] * len(tokens)
    for o in state.orgs:
        inside[o.start : o.end] = [True] * (o.end - o.start)
    found = []
    for k in range(len(tokens)):
        if state.used[k] and not inside[k]:
            continue
        for size in (3, 2, 1):
            if k - size + 1 < 0:
                continue
            text = " ".join(t.text for t in tokens[k - size + 1 : k + 1])
            if text in lex.demonyms:
                found.append((k + 1, lex.demonyms[text]))
                break
            if lex.places.get(text, {}).get("kind") == "country":
                found.append((k + 1, lex.places[text]["name"]))
                break
    return found
