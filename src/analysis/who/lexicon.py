"""Every lexicon the reader of people and organizations uses, loaded once from ``analysis/lexicons``."""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from ..lexicons import load_json, load_lexicon, load_table



def without_accents(text: str) -> str:
    """``text`` with its accents dropped: "Côte d'Ivoire" -> "Cote d'Ivoire"."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def key_of(word: str) -> str:
    """Lexicon key of a token: case-folded, trailing dots and apostrophes dropped, curly quotes straightened,
    and the British hyphen after "co" dropped ("Co-operation" is "cooperation", "Co-ordinator" "coordinator").

    >>> key_of("Co-operation"), key_of("Director’s."), key_of("co-chair")
    ('cooperation', "director's", 'co-chair')
    """
    key = word.replace("’", "'").rstrip(".'").casefold()
    return "co" + key[3:] if key.startswith(("co-o", "co-e")) else key


def phrases_of(name: str) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(key_of(w) for w in entry.split()) for entry in load_lexicon(name))


def words_of(name: str) -> frozenset[str]:
    return frozenset(key_of(w) for entry in load_lexicon(name) for w in entry.split())


@dataclass(frozen=True)
class Lexicons:
    """Every lexicon the reader reads, loaded once.

    >>> "said" in lexicons().speech_verbs, lexicons().ties["apposition"] > lexicons().ties["nearest"]
    (True, True)
    """

    honorifics: frozenset[tuple[str, ...]]
    title_heads: frozenset[str]
    title_modifiers: frozenset[str]
    title_abbreviations: dict[str, str]  # abbreviation -> expansion
    portfolios: frozenset[str]
    title_stops: frozenset[tuple[str, ...]]
    title_phrases: frozenset[tuple[str, ...]]  # "Head of Mission", "Officer in Charge": positions with lower-case inner words, read whole
    title_compounds: frozenset[tuple[str, ...]]  # heads of two words: "Director General", "Attorney General"
    org_heads: frozenset[str]
    not_org_heads: frozenset[str]
    generic_org_words: frozenset[str]  # "National Police", "Thai Government": not names of their own
    particles: frozenset[str]
    name_syllables: frozenset[str]  # "In", "To": a function word inside an Asian name ("Mr. Na In Chul")
    compound_adjective_ends: frozenset[str]  # "-level", "-based": a hyphenated adjective, never a name's word
    known_orgs: dict[str, str | None]  # name as written -> acronym
    places: dict[str, dict]  # surface form -> row
    demonyms: dict[str, str]  # demonym -> country
    postnominals: frozenset[str]  # honours written after a name ("APM", "OBE")
    generational_suffixes: frozenset[str]  # "Jr", "Sr": written after a family name, part of the name
    not_org_acronyms: frozenset[str]  # "NGO", "MOU": acronyms of things, not of bodies
    acronym_body_cues: frozenset[str]  # "the DCI headquarters", "the ONCB hosted": the acronym names a body
    dotted: frozenset[str]  # lexicon forms that end in a dot or apostrophe
    # cue and function words (one file each; see the file's header for what the reader does with them)
    connectors: frozenset[str]
    role_adjectives: frozenset[str]
    title_status: frozenset[str]  # "outgoing", "acting": kept in the title
    rank_heads: frozenset[str]  # "General", "Admiral": a rank after a position starts a new title
    ranks_alone: frozenset[str]  # "Colonel", "Brigadier": a one-word rank after a position starts a new title
    roman_numerals: frozenset[str]
    lower_titles: frozenset[str]
    speech_verbs: frozenset[str]
    side_verbs: frozenset[str]  # "X reaffirmed Fiji's commitment": the country's possessive is X's side
    forum_heads: frozenset[str]  # "board", "committee": a body an officer attends, not the one they serve
    time_adverbs: frozenset[str]  # "today", "also": may stand between a name and its verb (group_leads.tsv)
    lead_phrases: tuple[str, ...]
    group_cues: frozenset[str]  # "officials from ...": a plural that names a group
    title_continuations: tuple[tuple[str, ...], ...]  # "in charge", "in chief": words that go on a position
    portfolio_adjectives: frozenset[str]
    mission_words: frozenset[str]
    calendar_words: frozenset[str]
    non_name_caps: frozenset[str]
    plural_possessives: frozenset[str]
    name_follows: frozenset[str]  # honorifics after which the name follows at once ("Sheikh")
    honorific_chain: frozenset[str]  # words that continue a Malay honorific ("Dato Paduka Seri")
    person_cues: tuple[str, ...]  # "the late", "prisoner": a name after them is a person's
    demonym_person_cues: frozenset[str]  # "Nepalese man", "Chinese national": a name after them is a person's
    title_suffixes: frozenset[tuple[str, ...]]  # "a.i.": kept in the title before it
    envoy_titles: re.Pattern  # "Ambassador", "High Commissioner": a demonym before it stays in the title
    posted_titles: re.Pattern  # "representative", "rapporteur": "for" a place says where they serve
    command_heads: frozenset[str]  # "commander", "commandant": a command's position
    subject_verbs: frozenset[str]  # "X introduced ...": a name before one, at a clause's start, is a person's
    plural_subject_verbs: frozenset[str]  # "X and Y were ...": two names before one are two people's
    reach_verbs: frozenset[str]  # "X received ...": an organization past one is not X's nearest body
    clause_openers: frozenset[str]  # "while", "whereas": a clause starts after them
    purpose_verbs: frozenset[str]  # "to Fight": a body's name goes on with its purpose
    second_role_cues: re.Pattern  # "in his capacity as": a second position of the person named before, within the clause
    police_ranks: tuple[str, ...]  # "Superintendent", "ASP": a police officer
    police_titles_alone: frozenset[str]  # "commissioner": a police officer when it is the whole title (casefolded)
    commissioner_bodies: frozenset[str]  # "Commission", "Navy": bodies with commissioners and commanders of their own
    topic_words: frozenset[str]  # the words of the theme taxonomy's terms ("trafficking", "laundering"): not names
    police_force_words: frozenset[str]  # "Police", "Constabulary" in a force's name
    police_force_ends: frozenset[str]  # "Force", "Service": the last word of a force's name
    heads_of_state: tuple[str, ...]
    government_titles: tuple[str, ...]
    government_bodies: tuple[str, ...]
    ties: dict[str, int]  # rule -> strength
    apposition_marks: frozenset[str]
    counterpart_cues: frozenset[str]
    other_side_cues: frozenset[tuple[str, ...]]  # "talks with", "called on": an organization after them is the other side
    position_qualifiers: frozenset[str]
    forms_of_state: frozenset[str]  # "Republic", "Kingdom" in "Republic of Yemen"
    unit_words: frozenset[str]  # "Western", "Naval", "Area": words of a unit, never of a name
    country_services: frozenset[str]  # "customs": "Belgian Customs" is a body
    unit_heads: frozenset[str]  # "division", "department": a unit inside a larger body
    facility_words: frozenset[str]  # "Prison", "Airport": "the village of Tafaigata Prison" names a facility
    water_bodies: frozenset[str]  # "Sea", "Ocean": "Baltic Sea" after a known region
    scope_force_names: frozenset[tuple[str, ...]]  # "National Police": after "the", a force's name
    group_lead: re.Pattern  # ", headed the Rwandan delegation", "led a delegation of Hong Kong Customs": group 1 or 2 is whose the group is
    role_determiners: frozenset[str]  # "its", "his": before a one-word lower-case position ("its commander General X")

    @functools.cached_property
    def title_words(self) -> frozenset[str]:
        return self.title_heads | self.title_modifiers  # once: the reader asks for it at every token

    @functools.cached_property
    def unit_vocabulary(self) -> frozenset[str]:
        """Words a unit or portfolio written without "of" is made of ("Director General | Immigration Wing",
        "Commander | Western Naval Area"): never a name's."""
        return self.portfolios | self.org_heads | self.generic_org_words | self.topic_words | self.portfolio_adjectives | self.unit_words

    @functools.cached_property
    def topic_vocabulary(self) -> frozenset[str]:
        """Words of portfolios and topics ("Crime", "Training", "Immigration")."""
        return self.portfolios | self.topic_words

    @functools.cached_property
    def title_joiners(self) -> frozenset[str]:
        """Words that may stand inside a hyphenated lower-case position ("commander-in-chief")."""
        return frozenset(w for phrase in self.title_continuations for w in phrase)

    @functools.cached_property
    def noun_words(self) -> frozenset[str]:
        """Words of topics, bodies, titles and portfolios: their plural ends a noun phrase, not a name."""
        return self.topic_words | self.org_heads | self.title_heads | self.portfolios


def known_organizations() -> dict[str, str | None]:
    """Name as written -> acronym; a one-word name is also known in capitals and in title case
    ("ASEAN" and "Asean", "Europol" and "EUROPOL")."""
    known: dict[str, str | None] = {}
    for row in load_table("known_organizations"):
        known[row["name"]] = row.get("acronym") or None
        if " " not in row["name"] and len(row["name"]) >= 4:
            known.setdefault(row["name"].capitalize(), row.get("acronym") or None)
            known.setdefault(row["name"].upper(), row.get("acronym") or None)
    return known


def group_lead_pattern() -> re.Pattern:
    """After a name: "(, his position,) headed the [high-level] Rwandan delegation" (``group_leads.tsv``)."""
    rows = load_table("group_leads")

    def words(kind: str) -> str:
        return "|".join(re.escape(r["word"]) for r in rows if r["kind"] == kind)

    # between the determiner and the group: lower-case qualifiers ("high-ranking", "five-member"), never a stop word
    qualifier = rf"(?!(?:{words('stop')})\b)[a-z][\w-]*\s+"
    time = rf"(?:\s*,?\s*(?:{words('adverb')})\b(?:\s*\([^()]{{1,30}}\))?)?"  # ", today (November 10)"
    return re.compile(
        rf"(?:\s*,[^,.;]{{1,120}},)?{time}\s+(?:{words('verb')})\s+(?:{words('determiner')})\s+(?:{qualifier}){{0,3}}"
        rf"(?:((?:[A-Z][\w’'.-]*\s+){{1,4}}?)(?:{words('group')})\b|(?:{words('group')})\s+(?:of|from)\s+(?:the\s+)?((?:[A-Z][\w’'.-]*\s*){{1,4}}))"
    )


@functools.cache
def lexicons() -> Lexicons:
    places: dict[str, dict] = {}
    demonyms: dict[str, str] = {}
    for row in load_table("places"):
        for form in [row["name"], *filter(None, (row.get("aliases") or "").split(";"))]:
            for variant in (form.strip(), without_accents(form.strip())):  # "Cote d'Ivoire" typed without its accent
                places.setdefault(variant, row)
                places.setdefault(variant.replace("'", "’"), row)  # "Côte d’Ivoire" as typeset
        for demonym in filter(None, (row.get("demonyms") or "").split(";")):
            demonyms.setdefault(demonym.strip(), row["name"])
    for row in load_table("demonyms"):  # generated from countryinfo; the hand list above wins
        country = places.get(row["country"], {}).get("name", row["country"])
        demonyms.setdefault(row["demonym"], country)
    dotted = {
        entry_word.replace("’", "'").casefold()
        for name in ("honorifics", "title_heads", "title_modifiers", "org_heads", "name_particles", "abbreviations")
        for entry in load_lexicon(name)
        for entry_word in entry.split()
        if entry_word.endswith((".", "'"))
    }
    dotted |= {f"{w}." for w in load_lexicon("abbreviations")}
    calendar = frozenset(load_lexicon("calendar_words"))
    return Lexicons(
        honorifics=phrases_of("honorifics"),
        # a multi-word head ("Lieutenant Colonel", "Special Rapporteur") ends in its head; the rest are modifiers
        title_heads=frozenset(key_of(entry.split()[-1]) for entry in load_lexicon("title_heads")),
        title_modifiers=words_of("title_modifiers") | frozenset(key_of(w) for entry in load_lexicon("title_heads") for w in entry.split()[:-1]),
        title_abbreviations={row["abbreviation"]: row["expansion"] for row in load_table("title_abbreviations")},
        # "Reforms"; never "States", the end of "United States"
        portfolios=words_of("portfolios") | frozenset(f"{w}s" for w in words_of("portfolios") - words_of("forms_of_state") if not w.endswith("s")),
        title_stops=phrases_of("title_stop"),
        title_phrases=phrases_of("title_phrases"),
        title_compounds=frozenset(p for p in phrases_of("title_heads") if len(p) == 2),
        org_heads=frozenset(key_of(entry.split()[-1]) for entry in load_lexicon("org_heads")),
        not_org_heads=frozenset(key_of(entry.split()[-1]) for entry in load_lexicon("not_org_heads")),
        generic_org_words=words_of("org_generic_words"),
        particles=frozenset(key_of(w) for w in load_lexicon("name_particles")),
        name_syllables=frozenset(load_lexicon("name_syllables")),
        compound_adjective_ends=frozenset(load_lexicon("compound_adjective_ends")),
        known_orgs=known_organizations(),
        places=places,
        demonyms=demonyms,
        postnominals=frozenset(entry.rstrip(".") for entry in load_lexicon("postnominals")),
        generational_suffixes=frozenset(entry.rstrip(".") for entry in load_lexicon("generational_suffixes")),
        not_org_acronyms=frozenset(load_lexicon("acronyms_not_orgs")),
        acronym_body_cues=frozenset(load_lexicon("acronym_body_cues")),
        dotted=frozenset(dotted),
        connectors=frozenset(load_lexicon("connectors")),
        role_adjectives=frozenset(load_lexicon("role_adjectives")),
        title_status=frozenset(load_lexicon("title_status")),
        rank_heads=frozenset(key_of(w) for w in load_lexicon("rank_heads")),
        ranks_alone=frozenset(key_of(w) for w in load_lexicon("ranks_alone")),
        roman_numerals=frozenset(load_lexicon("roman_numerals")),
        lower_titles=frozenset(load_lexicon("lower_titles")),
        speech_verbs=frozenset(load_lexicon("speech_verbs")),
        side_verbs=frozenset(load_lexicon("side_verbs")),
        forum_heads=frozenset(load_lexicon("forum_heads")),
        lead_phrases=tuple(load_lexicon("lead_cues")),
        group_cues=words_of("group_cues"),
        title_continuations=tuple(tuple(key_of(w) for w in phrase.split()) for phrase in load_lexicon("title_continuations")),
        portfolio_adjectives=frozenset(load_lexicon("portfolio_adjectives")),
        mission_words=frozenset(load_lexicon("mission_words")),
        calendar_words=calendar,
        non_name_caps=calendar | frozenset(load_lexicon("non_name_caps")),
        plural_possessives=frozenset(load_lexicon("plural_possessives")),
        name_follows=frozenset(key_of(w) for w in load_lexicon("honorifics_name_follows")),
        honorific_chain=frozenset(key_of(w) for w in load_lexicon("honorific_chain_words")),
        person_cues=tuple(load_lexicon("person_cues")),
        demonym_person_cues=frozenset(key_of(w) for w in load_lexicon("demonym_person_cues")),
        second_role_cues=re.compile(r"[^.;]*?\b(?:" + "|".join(re.escape(c) for c in load_lexicon("second_role_cues")) + r") (?:the |a |an )?", re.IGNORECASE),
        purpose_verbs=frozenset(key_of(w) for w in load_lexicon("purpose_verbs")),
        subject_verbs=frozenset(key_of(w) for w in load_lexicon("subject_verbs")),
        plural_subject_verbs=frozenset(key_of(w) for w in load_lexicon("plural_subject_verbs")),
        reach_verbs=frozenset(key_of(w) for w in load_lexicon("reach_verbs") + load_lexicon("subject_verbs") + load_lexicon("speech_verbs")),
        clause_openers=words_of("clause_openers"),
        envoy_titles=re.compile(r"(?<!\w)(?:" + "|".join(re.escape(e) for e in load_lexicon("envoy_titles")) + r")(?!\w)", re.IGNORECASE),
        posted_titles=re.compile(r"(?<!\w)(?:" + "|".join(re.escape(e) for e in load_lexicon("posted_titles")) + r")(?!\w)", re.IGNORECASE),
        command_heads=frozenset(key_of(w) for w in load_lexicon("command_heads")),
        title_suffixes=phrases_of("title_suffixes"),
        police_ranks=tuple(load_lexicon("police_ranks")),
        police_titles_alone=frozenset(t.casefold() for t in load_lexicon("police_titles_alone")),
        commissioner_bodies=frozenset(load_lexicon("commissioner_bodies")),
        topic_words=frozenset(w for theme in load_json("themes")["themes"] for term in theme["terms"] for w in re.findall(r"[a-z]{4,}", term.casefold())),
        police_force_words=frozenset(load_lexicon("police_force_words")),
        police_force_ends=frozenset(load_lexicon("police_force_ends")),
        heads_of_state=load_lexicon("heads_of_state"),
        government_titles=load_lexicon("government_titles"),
        government_bodies=load_lexicon("government_bodies"),
        ties={row["rule"]: int(row["strength"]) for row in load_table("ties")},
        apposition_marks=frozenset(load_lexicon("apposition_marks")),
        counterpart_cues=frozenset(load_lexicon("counterpart_cues")),
        other_side_cues=phrases_of("other_side_cues"),
        position_qualifiers=frozenset(load_lexicon("position_qualifiers")),
        forms_of_state=words_of("forms_of_state"),
        unit_words=words_of("unit_words"),
        country_services=words_of("country_services"),
        unit_heads=words_of("unit_heads"),
        facility_words=frozenset(load_lexicon("facility_words")),
        water_bodies=frozenset(load_lexicon("water_bodies")),
        scope_force_names=phrases_of("scope_force_names"),
        group_lead=group_lead_pattern(),
        role_determiners=frozenset(r["word"] for r in load_table("group_leads") if r["kind"] == "determiner"),
        time_adverbs=frozenset(r["word"] for r in load_table("group_leads") if r["kind"] == "adverb"),
    )
