"""The sentence state the passes read and write: tokens, used tokens, mentions, and the one way to tie a person to an organization."""
from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from ..article import Sentence

from .lexicon import lexicons
from .phrases import has_org_head, is_generic
from .tokens import Token


@dataclass
class OrgMention:
    name: str
    acronym: str | None
    start: int  # token index
    end: int
    char_start: int
    char_end: int
    sentence: Sentence
    after: int = 0  # token index after the mention and any "(ACRONYM)" that follows it
    country: str | None = None  # the country written right before it: "China's", "Chinese" Ministry of ... (read_org_countries)


@dataclass
class PersonMention:
    name: str
    honorific: list[str] = field(default_factory=list)
    title: list[str] = field(default_factory=list)
    title_abbrev: str | None = None
    role: str | None = None
    organization: str | None = None
    org_strength: int = 0  # how directly the text ties the organization to the person (ties.tsv)
    organization_rule: str | None = None  # the rule of ties.tsv that tied it
    sentence: Sentence | None = None
    char_start: int = 0
    char_end: int = 0
    start: int = 0  # token index of the whole mention
    name_start: int = 0
    name_end: int = 0
    name_end_role: int | None = None  # token index after "of ORGANIZATION" following the name


@dataclass
class SentenceState:
    """What the passes know of one sentence: its tokens, which are used, and the mentions read so far."""

    sentence: Sentence
    tokens: list[Token]
    is_title: bool
    known_acronyms: set[str]
    reused_acronyms: frozenset[str] = frozenset()
    used: list[bool] = field(default_factory=list)
    orgs: list[OrgMention] = field(default_factory=list)
    people: list[PersonMention] = field(default_factory=list)
    other_spans: list[tuple[int, int]] = field(default_factory=list)  # events, projects and documents
    plural_roles: list[tuple["PersonMention", str]] = field(default_factory=list)  # a plural position, as given to its first holder
    prefix_end: int = 0  # where the last prefix read by person_at ended
    title_acronyms: dict[str, str] = field(default_factory=dict)  # the article's own: "COP" for "Commissioner of Police (COP)"
    known_people: AbstractSet[str] = frozenset()  # names of two words or more read with a title, honorific or role in earlier sentences
    other_acronyms: frozenset[str] = frozenset()  # the article's acronyms of events and projects: "the INEC" is a course
    listed: dict[int, bool] = field(default_factory=dict)  # token -> whether a list of names read from there qualifies

    def __post_init__(self) -> None:
        if not self.used:
            self.used = [False] * len(self.tokens)

    def text(self, i: int, j: int) -> str:
        offset = self.sentence.start
        return self.sentence.text[self.tokens[i].start - offset : self.tokens[j - 1].end - offset]

    def mark(self, i: int, j: int) -> None:
        for k in range(i, j):
            self.used[k] = True

    def add_org(self, i: int, j: int, acronym: str | None = None) -> OrgMention:
        while j > i + 1 and (not self.tokens[j - 1].is_word or self.tokens[j - 1].key in lexicons().connectors):
            j -= 1
        if j > i + 1 and self.tokens[j - 1].key == "headquarters" and has_org_head(self.tokens[i : j - 1]) and not is_generic(self.tokens[i : j - 1]):
            j -= 1  # "Dubai Police Headquarters": the body, not its building
        mention = OrgMention(self.text(i, j), acronym, i, j, self.tokens[i].start, self.tokens[j - 1].end, self.sentence, j)
        if acronym and j + 2 < len(self.tokens) and self.tokens[j].text == "(":
            mention.after = j + 3
        self.orgs.append(mention)
        self.mark(i, j)
        return mention

    def org_ending_at(self, j: int) -> OrgMention | None:
        return next((o for o in self.orgs if j in (o.end, o.after)), None)

    def org_at(self, i: int) -> OrgMention | None:
        return next((o for o in self.orgs if o.start == i), None)

    def title_abbreviation(self, text: str) -> str | None:
        """The position an abbreviated rank stands for: from ``title_abbreviations.tsv``, or defined by the article."""
        return lexicons().title_abbreviations.get(text) or self.title_acronyms.get(text)



def tie(mention: PersonMention, organization: str | None, rule: str) -> bool:
    """Tie ``mention`` to ``organization`` by ``rule`` (a row of ``ties.tsv``) if that is stronger than its tie so far.

    >>> m = PersonMention("X")
    >>> tie(m, "INTERPOL", "nearest"), tie(m, "Europol", "apposition"), tie(m, "ASEAN", "nearest")
    (True, True, False)
    >>> m.organization, m.organization_rule
    ('Europol', 'apposition')
    """
    strength = lexicons().ties[rule]
    if not organization or strength <= mention.org_strength:
        return False
    mention.organization, mention.org_strength, mention.organization_rule = organization, strength, rule
    return True
