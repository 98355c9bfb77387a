"""Sentence-level reading of names: the tokens, titles, names, roles and organizations of each
sentence, which :mod:`analysis.participants` turns into article-level tables.

Each sentence is read in passes: acronyms in parentheses ("Korean National Police Agency (KNPA)"),
titled people ("Police Senior Lieutenant Colonel Nguyen Huu Ngoc") with the roles written around
them (", Director for Police Services,"), capitalised organizations ("Royal Malaysia Police"),
the ties between people and organizations, then people named without a title.

>>> from analysis.article import parse_article
>>> [m.name for r in read_article(parse_article("T\\n\\nDr. Lee met Pol. Col. Somchai Chai.")) for m in r.people]
['Lee', 'Somchai Chai']
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from .article import Article, Sentence
from .lexicons import load_lexicon, load_table

# --- lexicons -------------------------------------------------------------------------------------


def _key(word: str) -> str:
    """Lexicon key of a token: case-folded, trailing dots and apostrophes dropped, curly quotes straightened."""
    return word.replace("’", "'").rstrip(".'").casefold()


def _phrases(name: str) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(_key(w) for w in entry.split()) for entry in load_lexicon(name))


def _words(name: str) -> frozenset[str]:
    return frozenset(_key(w) for entry in load_lexicon(name) for w in entry.split())


@dataclass(frozen=True)
class Lexicons:
    """Every lexicon the extractors read, loaded once."""

    honorifics: frozenset[tuple[str, ...]]
    title_heads: frozenset[str]
    title_modifiers: frozenset[str]
    title_abbreviations: dict[str, str]  # abbreviation -> expansion
    portfolios: frozenset[str]
    title_stops: frozenset[tuple[str, ...]]
    org_heads: frozenset[str]
    not_org_heads: frozenset[str]
    generic_org_words: frozenset[str]  # "National Police", "Thai Government": not names of their own
    particles: frozenset[str]
    known_orgs: dict[str, str | None]  # name as written -> acronym
    places: dict[str, dict]  # surface form -> row
    demonyms: dict[str, str]  # demonym -> country
    postnominals: frozenset[str]  # honours written after a name ("APM", "OBE")
    not_org_acronyms: frozenset[str]  # "NGO", "MOU": acronyms of things, not of bodies
    dotted: frozenset[str]  # lexicon forms that end in a dot or apostrophe

    @property
    def title_words(self) -> frozenset[str]:
        return self.title_heads | self.title_modifiers


def _known_organizations() -> dict[str, str | None]:
    """Name as written -> acronym; a one-word name is also known in capitals and in title case
    ("ASEAN" and "Asean", "Europol" and "EUROPOL")."""
    known: dict[str, str | None] = {}
    for row in load_table("known_organizations"):
        known[row["name"]] = row.get("acronym") or None
        if " " not in row["name"] and len(row["name"]) >= 4:
            known.setdefault(row["name"].capitalize(), row.get("acronym") or None)
            known.setdefault(row["name"].upper(), row.get("acronym") or None)
    return known


@functools.cache
def lexicons() -> Lexicons:
    places: dict[str, dict] = {}
    demonyms: dict[str, str] = {}
    for row in load_table("places"):
        for form in [row["name"], *filter(None, (row.get("aliases") or "").split(";"))]:
            places.setdefault(form.strip(), row)
            places.setdefault(form.strip().replace("'", "’"), row)  # "Côte d’Ivoire" as typeset
        for demonym in filter(None, (row.get("demonyms") or "").split(";")):
            demonyms.setdefault(demonym.strip(), row["name"])
    dotted = {
        entry_word.replace("’", "'").casefold()
        for name in ("honorifics", "title_heads", "title_modifiers", "org_heads", "name_particles", "abbreviations")
        for entry in load_lexicon(name)
        for entry_word in entry.split()
        if entry_word.endswith((".", "'"))
    }
    dotted |= {f"{w}." for w in load_lexicon("abbreviations")}
    return Lexicons(
        honorifics=_phrases("honorifics"),
        # a multi-word head ("Lieutenant Colonel", "Special Rapporteur") ends in its head; the rest are modifiers
        title_heads=frozenset(_key(entry.split()[-1]) for entry in load_lexicon("title_heads")),
        title_modifiers=_words("title_modifiers") | frozenset(_key(w) for entry in load_lexicon("title_heads") for w in entry.split()[:-1]),
        title_abbreviations={row["abbreviation"]: row["expansion"] for row in load_table("title_abbreviations")},
        portfolios=_words("portfolios"),
        title_stops=_phrases("title_stop"),
        org_heads=frozenset(_key(entry.split()[-1]) for entry in load_lexicon("org_heads")),
        not_org_heads=frozenset(_key(entry.split()[-1]) for entry in load_lexicon("not_org_heads")),
        generic_org_words=_words("org_generic_words"),
        particles=frozenset(_key(w) for w in load_lexicon("name_particles")),
        known_orgs=_known_organizations(),
        places=places,
        demonyms=demonyms,
        postnominals=frozenset(entry.rstrip(".") for entry in load_lexicon("postnominals")),
        not_org_acronyms=frozenset(load_lexicon("acronyms_not_orgs")),
        dotted=frozenset(dotted),
    )


# --- tokens ---------------------------------------------------------------------------------------

_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|(?<!\w)‘(?=[^\W\d_])[^\W_](?:[\w]|[-'’/&](?=[^\W_]))*|[^\W_](?:[\w]|[-'’/&](?=[^\W_]))*|['’]s\b|\S")
_POSSESSIVE = re.compile(r"['’]s$")
_PLURAL_POSSESSIVES = {"People", "Women", "Children", "Workers", "Men"}


@dataclass(slots=True)
class Token:
    text: str
    start: int
    end: int
    possessive: bool = False  # followed by 's
    key: str = field(init=False)  # lexicon key
    is_word: bool = field(init=False)
    is_cap: bool = field(init=False)
    is_allcaps: bool = field(init=False)

    def __post_init__(self) -> None:
        first = self.text.lstrip("‘")[:1]
        letters = [c for c in self.text if c.isalpha()]
        self.key = _key(self.text)
        self.is_word = first.isalnum()
        self.is_cap = first.isupper()
        self.is_allcaps = len(letters) >= 2 and all(c.isupper() for c in letters)


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Tokens of ``text`` with offsets (plus ``offset``); a possessive 's is folded into a flag.

    >>> [t.text for t in tokenize("KNPA's Dr. K. Ramos")]
    ['KNPA', 'Dr.', 'K.', 'Ramos']
    """
    lex = lexicons()
    tokens: list[Token] = []
    pos = 0
    while match := _TOKEN.search(text, pos):
        word, start, end = match.group(), match.start(), match.end()
        pos = end
        if _POSSESSIVE.fullmatch(word) and tokens and tokens[-1].end == offset + start:
            tokens[-1].possessive = True
            continue
        if word[-1:] == "s" and word[:1].isupper() and text[end : end + 1] in ("'", "’") and text[end + 1 : end + 3].strip()[:1].isupper():
            tokens.append(Token(word + text[end], offset + start, offset + end + 1))  # "Police Chiefs’ Committee"
            pos = end + 1
            continue
        if word[:-2] in _PLURAL_POSSESSIVES and text[end : end + 2].strip()[:1].isupper():
            tokens.append(Token(word, offset + start, offset + end))  # "Lao People's Army": inside a name
            continue
        if _POSSESSIVE.search(word) and len(word) > 2 and word[-3].isalpha():
            tokens.append(Token(word[:-2], offset + start, offset + end - 2, possessive=True))
            continue
        nxt = text[end : end + 1]
        if nxt in (".", "'", "’") and word[0].isalpha():
            dotted = (word + nxt).replace("’", "'").casefold()
            name_part = nxt == "." and len(word) <= 3 and word[0].isupper() and tokens and tokens[-1].is_cap and text[end + 1 : end + 3].strip()[:1].isupper()
            initial = nxt == "." and len(word) == 1 and word.isupper() and text[end + 1 : end + 3].strip()[:1].isupper()
            if dotted in lex.dotted or initial or name_part:
                word, pos = word + nxt, end + 1
        tokens.append(Token(word, offset + start, offset + pos))
    return tokens


# --- phrase readers (each returns the index after what it read, or None) ----------------------------

_CONNECTORS = {"of", "for", "and", "on", "&", "the", "against", "de", "du", "des", "la", "le"}
_ROLE_ADJECTIVES = {"outgoing", "former", "new", "incoming", "current", "newly", "appointed", "then", "incumbent", "acting"}
_ROMAN = {"I", "II", "III", "IV", "V", "VI"}
_LOWER_TITLES = {"chief", "head", "spokesman", "spokeswoman", "spokesperson", "boss", "commander", "director", "minister"}
_SPEECH = {"said", "says", "told", "added", "noted", "stated", "announced", "explained", "stressed", "remarked", "emphasised", "emphasized"}
_LEAD_PHRASES = ("led by", "headed by", "chaired by", "under the leadership of", "under the supervision of", "represented by", "hosted by", "organised by", "organized by")
#: Words that qualify a portfolio: "International Relations", "Public Security" are not names.
_PORTFOLIO_ADJECTIVES = {"international", "public", "foreign", "home", "internal", "external", "national", "regional", "strategic", "corporate"}
#: Head words of bodies that represent one country in another: their name may end "in PLACE".
_MISSIONS = {"embassy", "consulate", "mission", "delegation", "representation", "office", "liaison", "attache", "attaché", "commission"}
#: Months (but the ambiguous "May") and weekdays: they end an organization's name ("... on Tuesday").
_CALENDAR = {
    "january", "february", "march", "april", "june", "july", "august", "september", "october", "november",
    "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
}
_NON_NAME_CAPS = _CALENDAR | {
    "the", "a", "an", "in", "on", "at", "for", "of", "and", "during", "after", "before", "with", "by", "from", "to",
    "this", "that", "these", "those", "it", "he", "she", "they", "we", "his", "her", "their", "our", "both", "all",
    "may", "also", "as", "but",
}


def _match_phrase(tokens: list[Token], i: int, phrases: frozenset[tuple[str, ...]], longest: int = 4) -> int | None:
    for size in range(min(longest, len(tokens) - i), 0, -1):
        if tuple(t.key for t in tokens[i : i + size]) in phrases:
            return i + size
    return None


def _is_title_word(token: Token) -> bool:
    lex = lexicons()
    if not token.is_word or not (token.is_cap or token.text[:2] in ("d'", "d’")):  # "Chargé d'Affaires"
        return False
    if token.key in lex.title_words:
        return True
    parts = [p for p in token.key.split("-") if p not in ("in", "of")]  # "Commander-in-Chief"
    return len(parts) > 1 and all(p in lex.title_words for p in parts)


def _cap_run(tokens: list[Token], i: int, *, allow_the: bool = True) -> int:
    """End of a run of capitalised words joined by connectors ("Plans and Programmes"), from ``i``."""
    j, end = i, i
    while j < len(tokens):
        token = tokens[j]
        if token.is_word and (token.is_cap or token.text[0].isdigit()):
            if j > i and token.key in _CALENDAR:
                break  # "Ministry of Public Security on Tuesday"
            j += 1
            end = j
            if token.possessive:
                break
        elif token.key in _CONNECTORS and end > i and (allow_the or token.key != "the" or tokens[j - 1].key == "and"):
            j += 1
        else:
            break
    return end


def _place_run(tokens: list[Token], k: int) -> int:
    """End of a run of place names joined by "and", "the" and commas from ``k`` ("Asia and the Pacific"), or ``k``."""
    places = lexicons().places
    j = end = k
    while j < len(tokens):
        size = next((n for n in (3, 2, 1) if " ".join(t.text for t in tokens[j : j + n]) in places), 0)
        if size:
            j = end = j + size + (j + size < len(tokens) and tokens[j + size].key in ("region", "regions"))
        elif end > k and tokens[j].key in ("and", "the", ","):
            j += 1
        else:
            break
    return end


def read_title(tokens: list[Token], i: int) -> int | None:
    """End of a rank or position starting at ``i`` ("Assistant Commissioner of Police", "Director for X").

    A lower-case head counts right after an organization, a demonym or "police" ("Interpol chief").
    """
    lex = lexicons()
    j, has_head = i, False
    # a portfolio written before the position: "Home Affairs Minister", "Public Security Minister", "Foreign Minister"
    while j < len(tokens) and tokens[j].is_cap and (tokens[j].key in lex.portfolios or tokens[j].key in _PORTFOLIO_ADJECTIVES) and not tokens[j].possessive:
        j += 1
    if j == i or j >= len(tokens) or not _is_title_word(tokens[j]) or tokens[j].key not in lex.title_heads:
        j = i
    while j < len(tokens) and _is_title_word(tokens[j]) and not (j > i and tokens[j - 1].possessive):
        has_head |= tokens[j].key in lex.title_heads or "-" in tokens[j].key
        j += 1
        if j + 1 < len(tokens) and tokens[j].key == "in" and tokens[j + 1].key == "chief" and tokens[j - 1].key == "commander":
            j += 2  # "Commander in Chief"
    if j == i and i > 0 and tokens[i].text in _LOWER_TITLES and ((tokens[i - 1].is_cap and tokens[i - 1].key not in _NON_NAME_CAPS) or tokens[i - 1].key == "police" or tokens[i - 1].text == ")"):
        return i + 1
    if not has_head:
        return None
    if _match_phrase(tokens, j - 1, lex.title_stops, 2) or (j < len(tokens) and tokens[j].is_cap and tokens[j].key in lex.org_heads):
        return None  # "Police General Department", "General Assembly": an organization, not a title
    if j + 1 < len(tokens) and tokens[j].key == "of" and tokens[j + 1].key == "police" and not (
        j + 2 < len(tokens) and tokens[j + 2].is_cap and tokens[j + 2].key in lex.portfolios  # "Director of Police Services"
    ):
        j += 2
    # portfolios: "for Police Services", "for the Advisory Department", "of Home Affairs"
    if j + 1 < len(tokens) and tokens[j].key in ("for", "of"):
        k = j + 1 + (tokens[j + 1].key == "the")
        if tokens[j].key == "for" and (regions := _place_run(tokens, k)) > k:
            return regions  # "Regional Representative for Central America and the Caribbean"
        end = _cap_run(tokens, k, allow_the=False)
        end = next((m for m in range(k, end) if _match_phrase(tokens, m, lex.honorifics) or tokens[m].text in lex.title_abbreviations or (m > k and tokens[m - 1].key in lex.portfolios and _is_title_word(tokens[m]))), end)
        last = next((m for m in range(end - 1, k - 1, -1) if tokens[m].key in lex.portfolios), None)
        if last is not None and last + 1 < end and tokens[last + 1].key not in ("and", "&"):
            end = last + 1  # "Minister of Home Affairs Saifuddin ...", "of Public Security of Lao PDR"
        organization = end < len(tokens) and tokens[end].is_cap and tokens[end].key in lex.org_heads  # "of the Special Investigation Department"
        if end > k and not organization and (tokens[j].key == "for" or tokens[end - 1].key in lex.portfolios):
            j = end
            if j + 1 < len(tokens) and tokens[j].key == "for" and (regions := _place_run(tokens, j + 1)) > j + 1:
                j = regions  # "Minister of Interior for Lower Saxony"
    return j


def read_name(tokens: list[Token], i: int, *, after_title: bool = False) -> int | None:
    """End of a personal name starting at ``i``: capitalised words, initials, family names in capitals, particles.

    After a title, a capitalised function word may open a name when another name word follows ("General To Lam").
    """
    lex = lexicons()
    j, last = i, None
    while j < len(tokens):
        token = tokens[j]
        if last is not None and token.text in "“\"" and j + 2 < len(tokens) and tokens[j + 1].is_cap and tokens[j + 2].text in "”\"" and j + 3 < len(tokens) and (tokens[j + 3].is_cap or tokens[j + 3].key in lex.particles):
            j += 3  # a nickname: Ronald “Bato” de la Rosa
            continue
        if not token.is_word:
            break
        key = token.key
        initial = len(token.text) == 2 and token.text[1] == "."  # "Tarek A. SHARIF": not the article "a"
        common = key in _NON_NAME_CAPS and not initial and not (after_title and j == i and j + 1 < len(tokens) and tokens[j + 1].is_cap and tokens[j + 1].is_word)
        if token.is_cap and not common and not (token.is_allcaps and j + 1 < len(tokens) and not tokens[j + 1].is_cap and j == i):
            if j > i and (_is_title_word(token) and key in lex.title_heads or key in lex.org_heads or token.text in lex.known_orgs):
                break
            if j > i and token.text.rstrip(".") in lex.postnominals:
                break  # "Reece Kershaw APM": an honour after the name
            last = j
            j += 1
            if token.possessive:
                break
        elif key in lex.particles and last is not None:
            j += 1
        else:
            break
    if last is None or after_title and tokens[i].text in ("I.", "V."):
        return None  # "Program Officer I. Representing ...": a numeral ends the title, no name follows
    first = tokens[i]
    if first.is_allcaps and last == i and len(first.text) <= 5:
        return None  # a lone acronym, not a name
    return last + 1


def _is_nameish(tokens: list[Token], i: int, end: int, *, titled: bool = False) -> bool:
    """Whether tokens[i:end] can be a personal name: no organization or event words, not a place.

    After a title a place word may stand inside a longer name ("General Badrodin Haiti").
    """
    lex = lexicons()
    words = tokens[i:end]
    text = " ".join(t.text for t in words)
    if text in lex.places or text in lex.known_orgs or text in lex.demonyms or all(t.text.rstrip(".") in _ROMAN for t in words):
        return False
    if any(t.key in lex.org_heads or t.key in lex.not_org_heads for t in words) or all(t.key in lex.portfolios or t.key in _PORTFOLIO_ADJECTIVES for t in words):
        return False  # "Detective Management" is a portfolio, not "Detective" Management
    return titled and len(words) > 1 or not any(t.text in lex.places for t in words)


def _generic(words: list[Token]) -> bool:
    """Whether an organization-like phrase is a common noun phrase: "National Police", "Thai Government"."""
    lex = lexicons()
    keys = [w.key for w in words if w.is_word and w.key not in _CONNECTORS]
    if all(k in lex.generic_org_words for k in keys):
        return True  # "National Police", "Police Services"
    if sum(k in lex.org_heads for k in keys) == 1 and all(k in lex.generic_org_words or k in lex.org_heads for k in keys):
        return True
    return keys[-1] in ("government", "authorities", "embassy", "consulate") and all(w.text in lex.demonyms or w.text in lex.places or w.key in lex.generic_org_words for w in words[:-1])


def _lower_title(token: Token) -> bool:
    """A position written in lower case: "commissioner-general", "counsellor", "spokesman"."""
    if not token.is_word or token.is_cap:
        return False
    lex = lexicons()
    parts = token.key.split("-")
    return token.key in _LOWER_TITLES or all(p in lex.title_words for p in parts) and any(p in lex.title_heads for p in parts)


# --- mentions -------------------------------------------------------------------------------------


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


@dataclass
class PersonMention:
    name: str
    honorific: list[str] = field(default_factory=list)
    title: list[str] = field(default_factory=list)
    title_abbrev: str | None = None
    role: str | None = None
    organization: str | None = None
    org_strength: int = 0  # how directly the text ties the organization to the person
    sentence: Sentence | None = None
    char_start: int = 0
    char_end: int = 0
    start: int = 0  # token index of the whole mention
    name_start: int = 0
    name_end: int = 0
    name_end_role: int | None = None  # token index after "of ORGANIZATION" following the name


def _acronym_of(letters: str, words: list[Token]) -> int | None:
    """Index into ``words`` where a long form for ``letters`` starts, matching initials in order."""
    letters = re.sub(r"[^A-Z]", "", letters.upper())
    if len(letters) < 2:
        return None
    for start in range(len(words) - 1, -1, -1):
        initials = "".join(part[0].upper() for w in words[start:] if w.is_cap for part in w.text.split("-") if part)
        pos = 0
        for ch in initials:
            if pos < len(letters) and ch == letters[pos]:
                pos += 1
        if pos == len(letters) and words[start].is_cap and initials[0] == letters[0]:
            return start
    return None


def _has_head(tokens: list[Token]) -> bool:
    return any(t.is_cap and t.key in lexicons().org_heads for t in tokens)


def _org_kind(tokens: list[Token], known_acronyms: set[str]) -> str | None:
    """"org" when the words name an organization, "other" for events and documents, None if neither."""
    lex = lexicons()
    kind = None
    for token in tokens:
        if token.key in lex.org_heads and token.is_cap:
            kind = "org"
        elif token.key in lex.not_org_heads and token.is_cap:
            kind = "other"
    if kind is None and tokens and (tokens[0].text in lex.known_orgs or tokens[0].text in known_acronyms):
        kind = "org"
    return kind


class SentenceReader:
    """Reads the organizations and person mentions of one sentence, in passes:
    acronyms in parentheses, people (titles, honorifics, names, roles), capitalised organizations,
    then the ties between people and organizations."""

    def __init__(
        self,
        sentence: Sentence,
        is_title: bool,
        known_acronyms: set[str],
        *,
        acronyms_only: bool = False,
        reused_acronyms: frozenset[str] = frozenset(),
        tokens: list[Token] | None = None,
    ):
        self.sentence = sentence
        self.reused_acronyms = reused_acronyms
        self.tokens = tokens if tokens is not None else tokenize(sentence.text, sentence.start)
        self.is_title = is_title
        self.known_acronyms = known_acronyms
        self.used = [False] * len(self.tokens)
        self.orgs: list[OrgMention] = []
        self.people: list[PersonMention] = []
        self.other_spans: list[tuple[int, int]] = []  # events, projects and documents
        self.role_spans: list[tuple[int, int]] = []
        self.prefix_end = 0  # where the last prefix read by person_at ended
        self.read_parenthesised_acronyms()
        if acronyms_only:
            return
        self.read_people()
        self.read_capitalised_orgs()
        self.read_listed_acronyms()
        for mention in self.people:
            self.attach(mention)
        self.read_untitled_people()

    def text(self, i: int, j: int) -> str:
        offset = self.sentence.start
        return self.sentence.text[self.tokens[i].start - offset : self.tokens[j - 1].end - offset]

    def mark(self, i: int, j: int) -> None:
        for k in range(i, j):
            self.used[k] = True

    def add_org(self, i: int, j: int, acronym: str | None = None) -> OrgMention:
        while j > i + 1 and (not self.tokens[j - 1].is_word or self.tokens[j - 1].key in _CONNECTORS):
            j -= 1
        if j > i + 1 and self.tokens[j - 1].key == "headquarters" and _has_head(self.tokens[i : j - 1]):
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

    def starts_title(self, i: int) -> bool:
        """A title may start here: not an organization head glued to a name before it ("Federal Police")."""
        tokens, lex = self.tokens, lexicons()
        if tokens[i].key in lex.org_heads and i > 0 and tokens[i - 1].is_cap and tokens[i - 1].is_word and not tokens[i - 1].possessive:
            return _match_phrase(tokens, i - 1, lex.honorifics, 1) is not None  # "H.E. Police Brigadier General"
        return True

    # pass 1: "Long Form Name (ACR)" ----------------------------------------------------------------

    def read_parenthesised_acronyms(self) -> None:
        tokens = self.tokens
        for k, token in enumerate(tokens):
            if token.text != "(" or k + 2 >= len(tokens) or tokens[k + 2].text != ")" or k == 0:
                continue
            inner = tokens[k + 1]
            known_short = inner.text in lexicons().known_orgs and not inner.text.isupper()
            if not known_short and (not re.fullmatch(r"[A-Z][A-Za-z0-9-]*[A-Za-z0-9]", inner.text) or sum(c.isupper() for c in inner.text) < 2):
                continue
            run_start = k
            while run_start > 0:
                prev = tokens[run_start - 1]
                if prev.possessive and run_start < k:
                    break
                if not ((prev.is_word and (prev.is_cap or prev.key in _CONNECTORS)) or prev.text in ",&"):
                    break
                run_start -= 1
            start = None if known_short else _acronym_of(inner.text, tokens[run_start:k])
            known_long = None if known_short else next((n for n in range(k - run_start) if lexicons().known_orgs.get(self.text(run_start + n, k)) == inner.text), None)
            if start is None:  # a known long form: "Association of Southeast Asian Nations (ASEAN)"
                start = known_long
            if start is None:
                # "European Union Agency for Law Enforcement Cooperation (Europol)", "Royal Malaysia Police (PDRM)": an acronym of the name in another language
                start = next((n for n in range(k - run_start - 1, -1, -1) if tokens[run_start + n].text == "," or (n == 0 or tokens[run_start + n - 1].key == "the") and tokens[run_start + n].key in _NON_NAME_CAPS), -1) + 1
                and_at = next((n for n in range(start, k - run_start) if tokens[run_start + n].key == "and"), None)
                if and_at is not None and self.text(run_start + start, run_start + and_at) in lexicons().places:
                    start = and_at + 1  # "Bureau (NCB) India and the National Narcotics Board (BNN)"
                while start < k - run_start and not tokens[run_start + start].is_cap:
                    start += 1
                if start >= k - run_start or _org_kind(tokens[run_start + start : k], self.known_acronyms) != "org":
                    continue
            i = run_start + start
            while i > 0 and tokens[i - 1].is_cap and tokens[i - 1].is_word and not tokens[i - 1].possessive and tokens[i - 1].key not in _NON_NAME_CAPS and not _is_title_word(tokens[i - 1]):
                i -= 1
            if read_title(tokens, i) == k or read_title(tokens, run_start + start) == k:
                continue  # "Assistant Commissioner of Police (ACP)", "Director for Investigation (DIDM)": positions
            if (title_end := read_title(tokens, i)) and title_end + 1 < k and tokens[title_end].key == "of":
                i = title_end + 1 + (tokens[title_end + 1].key == "the")  # "Chairman of the X Committee (XC)": the body only
            kind = "org" if known_long is not None and i == run_start + known_long else _org_kind(tokens[i:k], self.known_acronyms)
            if tokens[k - 1].key in lexicons().generic_org_words and tokens[k - 1].key not in lexicons().org_heads and known_long is None:
                kind = None  # "ASEAN Member Countries (AMCs)": a group, not a body
            if kind is None and k + 3 < len(tokens) and tokens[k + 3].is_cap:
                kind = _org_kind([tokens[k + 3]], self.known_acronyms)
            if kind is None and inner.text in self.reused_acronyms and tokens[k - 1].key not in lexicons().generic_org_words:
                kind = "org"  # "Internal Security and Public Order (ISPO)", then "ISPO clarified ..."
            if kind == "org":
                self.add_org(i, k, acronym=inner.text)
                self.used[k + 1] = True
            elif kind == "other":
                self.other_spans.append((i, k + 3))
                self.mark(i, k + 3)

    # pass 2: people ---------------------------------------------------------------------------------

    def read_people(self) -> None:
        """Titled names first ("Police General X", "Dr. Y"), then the roles written around them."""
        i = 0
        lex = lexicons()
        while i < len(self.tokens):
            token = self.tokens[i]
            if self.used[i] or not (token.is_cap or token.text in _LOWER_TITLES or token.text in lex.title_abbreviations):
                i += 1  # a person's prefix starts with a capital, an abbreviated rank or "chief"
                continue
            mention = self.person_at(i)
            if mention is None and self.prefix_end > i + 2:
                i = self.prefix_end  # a run of titles with no name after it: do not re-read it from inside
                continue
            if mention:
                self.people.append(mention)
                self.mark(mention.start, mention.name_end)
                i = mention.name_end
            else:
                i += 1
        self.read_roles()

    def read_prefix(self, j: int, found: dict) -> int:
        """Read titles, abbreviated ranks and honorifics from ``j`` into ``found``; return where they end."""
        tokens, lex = self.tokens, lexicons()
        while j < len(tokens) and not self.used[j]:
            token = tokens[j]
            if token.text in lex.title_abbreviations and not token.possessive:
                found["abbrev"], j = token.text, j + 1
            elif token.text == "(" and found["titles"] and j + 2 < len(tokens) and tokens[j + 2].text == ")" and tokens[j + 1].is_allcaps:
                found["abbrev"], j = tokens[j + 1].text, j + 3  # "Assistant Commissioner of Police (ACP)"
            elif token.is_cap and (end := _match_phrase(tokens, j, lex.honorifics)):
                found["honorifics"].append(self.text(j, end))
                j = end
                if tokens[end - 1].key in ("sheikh", "sheikha"):
                    break  # the name follows at once: "Sheikh Sultan bin Abdullah" ("Sultan" is a given name here)
            elif token.text == "," and found["abbrev"] and tokens[j - 1].text == ")" and j + 1 < len(tokens) and tokens[j + 1].is_cap:
                j += 1  # "The Inspector-General of Police (IGP), Tan Sri Abdul Hamid Bador"
            elif (
                token.text == "," and found["titles"] and j + 1 < len(tokens) and tokens[j + 1].is_cap
                and (end := _match_phrase(tokens, j + 1, lex.honorifics)) and end + 1 < len(tokens) and tokens[end].text == ","
            ):
                found["honorifics"].append(self.text(j + 1, end))  # "EU Ambassador for Colombia, His Excellency, Gilles Bertrand"
                j = end + 1
            elif token.key == "and" and found["titles"] and j + 1 < len(tokens) and (end := read_title(tokens, j + 1)):
                found["titles"][-1] = self.text(found["title_start"], end)  # "Deputy Prime Minister and Minister of ..."
                j = end
            elif self.starts_title(j) and (end := read_title(tokens, j)):
                found["titles"].append(self.text(j, end))
                found["title_start"] = j
                j = end
                span = self.org_span_after(j)
                if span and span[2] in ("org", "place"):  # "Secretary General of INTERPOL Jürgen Stock", "... of Malaysia Tan Sri X"
                    found["org"], j = span, span[1]
            else:
                break
        return j

    def person_at(self, i: int) -> PersonMention | None:
        """A name written right after titles, ranks or honorifics."""
        tokens, lex = self.tokens, lexicons()
        if not self.starts_title(i):
            return None
        found: dict = {"titles": [], "honorifics": [], "abbrev": None, "org": None, "title_start": i}
        k = self.prefix_end = self.read_prefix(i, found)
        if not (found["titles"] or found["honorifics"] or found["abbrev"]):
            return None
        name_end = read_name(tokens, k, after_title=True)
        if not name_end or not _is_nameish(tokens, k, name_end, titled=True) or any(self.used[m] for m in range(k, name_end)):
            return None
        if name_end < len(tokens) and tokens[name_end].is_cap and tokens[name_end].key in lex.org_heads:
            return None  # "Major Crimes Unit": an organization, not "Major Crimes"
        titles = [t for t in found["titles"] if t[0].isupper()]
        lower = [t for t in found["titles"] if not t[0].isupper()]
        if lower and tokens[i].text == lower[0]:
            lower[0] = f"{self.words_before(i)} {lower[0]}".strip()  # "Kedah Police chief", "PNP chief"
        positions = lower + titles[:-1]  # "police chief", "Minister of X General"
        titles = titles[-1:]
        if not titles and found["abbrev"]:
            titles = [lex.title_abbreviations[found["abbrev"]]]
        mention = PersonMention(
            name=self.text(k, name_end), honorific=found["honorifics"], title=titles, title_abbrev=found["abbrev"],
            role=", ".join(positions) or None, sentence=self.sentence, char_start=tokens[i].start,
            char_end=tokens[name_end - 1].end, start=i, name_start=k, name_end=name_end,
        )
        if found["org"]:
            org = self.commit(found["org"])
            if org:
                mention.organization, mention.org_strength = org, 3
        return mention

    # organizations and countries named inside a role -------------------------------------------------

    def words_before(self, i: int) -> str:
        """The words that qualify a lower-case position at ``i``: "Kedah Police" in "Kedah Police chief"."""
        tokens, k = self.tokens, i
        while k > 0 and tokens[k - 1].is_word and not tokens[k - 1].possessive and (
            (tokens[k - 1].is_cap and tokens[k - 1].key not in _NON_NAME_CAPS and tokens[k - 1].text not in lexicons().demonyms)
            or tokens[k - 1].key == "police"
        ):
            k -= 1
        return self.text(k, i) if k < i else ""

    def org_span_after(self, j: int) -> tuple[int, int, str] | None:
        """What follows "of"/"at"/"from" at ``j``: see :meth:`org_span_at`."""
        tokens = self.tokens
        if not (j + 1 < len(tokens) and tokens[j].key in ("of", "at", "from")):
            return None
        return self.org_span_at(j + 1 + (tokens[j + 1].key == "the"))

    def org_span_at(self, k: int) -> tuple[int, int, str] | None:
        """``(start, end, kind)`` of what is named at ``k``, kind "org", "place" or "other" (a unit or
        portfolio that belongs to a role), without recording anything yet."""
        tokens, lex = self.tokens, lexicons()
        if k >= len(tokens) or self.used[k] and not self.org_at(k):
            return None
        if org := self.org_at(k):
            while tokens[org.end - 1].possessive and (owned := self.org_at(org.after)):
                org = owned  # "of Europol's European Cybercrime Centre"
            while (nxt := self.org_at(org.after)) and nxt.start == org.after:
                org = nxt  # "United Nations Security Council CTED"
            return k, org.after, "org"
        end = _cap_run(tokens, k)
        if tokens[end - 1].possessive and end < len(tokens) and tokens[end].is_cap and not read_title(tokens, end):
            owned = self.org_span_at(end)  # "of the UK's National Crime Agency"
            if owned and owned[2] == "org":
                return owned
        end = next((m for m in range(k, end) if self.used[m] or _match_phrase(tokens, m, lex.honorifics) or (m > k and self.starts_title(m) and read_title(tokens, m) and not _is_title_word(tokens[m - 1]) and tokens[m - 1].key not in _CONNECTORS)), end)
        while end > k and (tokens[end - 1].key in _CONNECTORS or not tokens[end - 1].is_word):
            end -= 1
        if end <= k or tokens[k].key in _NON_NAME_CAPS:
            return None
        words = tokens[k:end]
        text = " ".join(t.text for t in words)
        if text in lex.places:
            return k, end, "place"
        heads = [n for n, t in enumerate(words) if t.key in lex.org_heads and t.is_cap]
        if heads and not read_title(tokens, k) and not any(t.key in lex.not_org_heads for t in words[heads[-1] :]):
            stop = self.in_place(k, k + self._tail(words, heads[-1] + 1))
            return (k, stop, "other") if _generic(tokens[k:stop]) else (k, stop, "org")
        if words[0].text in lex.known_orgs or words[0].text in self.known_acronyms:
            return k, k + 1, "org"
        if words[-1].key in lex.portfolios or read_title(tokens, k) or any(t.key in lex.not_org_heads for t in words):
            return k, end, "other"
        if any(t.is_allcaps for t in words) and not (end < len(tokens) and tokens[end].is_cap):
            return k, end, "org"  # "President of RMIT Vietnam"
        return k, end, "other"

    def commit(self, span: tuple[int, int, str]) -> str | None:
        """Record an organization span as a mention; a place is returned as the country's name."""
        start, end, kind = span
        if kind == "place":
            return self.text(start, end)  # "of Lao PDR": the country, as the text names it
        org = self.org_ending_at(end) or self.org_at(start) or self.add_org(start, end)
        return org.name

    def read_role(self, k: int) -> dict | None:
        """A position written around a name: "Director for Police Services", "the Secretary of ASEAN",
        "INTERPOL Secretary General", "Thailand's Minister of Justice", "Plans and Programmes Officer I",
        "Director of the Human Resources Department at the Ministry of Interior", "Head of X, Y Directorate".
        Returns ``{"start", "end", "text", "org", "country"}`` or None."""
        tokens = self.tokens
        start = k
        while k < len(tokens) and (tokens[k].key in ("the", "a", "an") or tokens[k].text in _ROLE_ADJECTIVES):
            k += 1
        role: dict = {"start": start, "org": None, "country": None}
        if k < len(tokens) and (org := self.org_at(k)) and org.after < len(tokens):
            role["org"], k = (org.start, org.after, "org"), org.after
        elif k < len(tokens) and (country := self.demonym_at(k)):
            role["country"], k = country
        elif (span := self.org_span_at(k)) and span[2] == "org" and span[1] < len(tokens) and (tokens[span[1] - 1].possessive or (span[1] - span[0] == 1 and read_title(tokens, span[1]))):
            role["org"], k = span, span[1]  # "the Royal Thai Police's new commissioner-general", "PNP Director for X"
        while k < len(tokens) and tokens[k].text in _ROLE_ADJECTIVES:
            k += 1
        text_start = k
        end = self._role_core(k)
        if end is None:
            return None
        # "of"/"at"/"from" chains: the last organization is the person's, the inner ones belong to the role
        text_end = end
        while end < len(tokens):
            if tokens[end].key == "to" and end + 1 < len(tokens) and tokens[end + 1].is_cap or tokens[end].key == "to" and end + 2 < len(tokens) and tokens[end + 1].key == "the":
                run = _cap_run(tokens, end + 1 + (tokens[end + 1].key == "the"), allow_the=False)
                end = text_end = run  # "Ambassador to Vietnam", "Permanent Representative of Thailand to the UN"
                continue
            span = self.org_span_after(end)
            if span is None:
                break
            if span[2] == "other":
                end = text_end = span[1]
                continue
            if role["org"] and role["org"][2] == "org" and span[2] == "org":
                text_end = end = span[1]  # an earlier organization becomes part of the role
            role["org"], end = span, span[1]
            if span[2] == "place":
                role["country"], role["org"] = self.commit(span), None
        # ", Counter-Terrorism Directorate" right after the role: the person's organization
        if end + 1 < len(tokens) and tokens[end].text == "," and (span := self.org_span_at(end + 1)) and (span[1] >= len(tokens) or not tokens[span[1]].is_cap):
            if span[2] == "org":
                if role["org"] is not None and role["org"][2] == "org":
                    text_end = role["org"][1]  # "Head of RCTN Asia Pacific, Counter-Terrorism Directorate"
                role["org"], end = span, span[1]
            elif span[2] == "place" and role["org"] is None and not role["country"]:
                role["country"], end = self.commit(span), span[1]  # "Consul & Police Attache, Korea"
        if role["org"] is not None and role["org"][0] < text_end and role["org"][0] > text_start:
            text_end = max(text_end, role["org"][1]) if role["org"][1] <= text_end else text_end
        role["text"] = self.text(text_start, text_end) if text_end > text_start else None
        role["text_start"], role["text_end"] = text_start, text_end
        role["end"] = end
        return role if role["text"] else None

    def _role_core(self, k: int) -> int | None:
        """End of the title words of a role from ``k``: ranks and positions joined by "and", a capitalised
        run holding a title head ("BMLE Coordinator", "Plans and Programmes Officer I"), or lower-case
        positions ("commissioner-general", "counsellor and police attache")."""
        tokens, lex = self.tokens, lexicons()
        if k >= len(tokens) or self.used[k]:
            return None
        end = read_title(tokens, k)
        if end is None and tokens[k].is_cap:
            run = _cap_run(tokens, k, allow_the=False)
            heads = [m for m in range(k, run) if tokens[m].key in lex.title_heads and tokens[m].is_cap]
            if heads and not any(self.used[m] for m in range(k, heads[-1] + 1)):
                end = heads[-1] + 1
        if end is None:
            m = k
            while m < len(tokens):
                if _lower_title(tokens[m]):
                    m += 1
                elif tokens[m].key in ("and", "police") and any(_lower_title(t) for t in tokens[m + 1 : m + 3]):
                    m += 1  # "counsellor and police attache"
                else:
                    break
            end = m if m > k and _lower_title(tokens[m - 1]) else None
        if end is None:
            return None
        while end < len(tokens):
            if end + 1 < len(tokens) and tokens[end].key in ("and", "&") and (more := read_title(tokens, end + 1)):
                end = more
            elif end + 1 < len(tokens) and tokens[end].key == "and" and _is_title_word(tokens[end + 1]) and not (end + 2 < len(tokens) and tokens[end + 2].is_cap):
                end += 2  # "Ambassador Extraordinary and Plenipotentiary"
            elif tokens[end].text.rstrip(".") in _ROMAN:
                end += 1
            else:
                break
        return end

    def demonym_at(self, k: int) -> tuple[str, int] | None:
        """A demonym or a country's possessive at ``k``: ("Australia", next index)."""
        lex, tokens = lexicons(), self.tokens
        for size in (2, 1):
            if k + size <= len(tokens):
                text = " ".join(t.text for t in tokens[k : k + size])
                if text in lex.demonyms and k + size < len(tokens) and tokens[k + size].is_cap:
                    return lex.demonyms[text], k + size
                if tokens[k + size - 1].possessive and lex.places.get(text, {}).get("kind") == "country":
                    return lex.places[text]["name"], k + size
        return None

    def read_roles(self) -> None:
        """Give each titled person the roles written next to them. A phrase between two people may follow
        the first (", Director for X,") or precede the second ("Head of X, Superintendent Y"): the way
        the list began decides."""
        tokens = self.tokens
        people = sorted(self.people, key=lambda m: m.start)
        before: dict[int, dict] = {}
        after: dict[int, dict] = {}
        for n, m in enumerate(people):
            floor = people[n - 1].name_end if n else 0
            if m.start - 1 > floor and tokens[m.start - 1].text == "," and (role := self.prefix_role(floor, m.start - 1)):
                before[n] = role
            self.read_after_name(m)
            end = m.name_end_role or m.name_end
            if end + 1 < len(tokens) and tokens[end].text == "," and not self.used[end + 1] and (role := self.read_role(end + 1)):
                after[n] = role
        for n in range(len(people)):
            mine, theirs = after.get(n), before.get(n + 1)
            if not (mine and theirs):
                continue
            roles_first = n in before or people[n].role is not None  # how this person was written
            if mine["start"] < theirs["end"] and theirs["start"] < mine["end"]:
                del (after if roles_first else before)[n if roles_first else n + 1]
            elif not roles_first and theirs["start"] - mine["end"] <= 2 and tokens[theirs["start"] - 1].key.endswith("ing"):
                del before[n + 1]  # "..., Deputy Director-General of X, representing the Y, Mr. Z"
        for n, m in enumerate(people):
            if n in before:
                self.apply_role(m, before[n], strength=4, before=True)
            if n in after:
                self.apply_role(m, after[n], strength=4)

    def prefix_role(self, floor: int, comma: int) -> dict | None:
        """A role that ends at the comma before a name: "The Chief of the PNP, Police General X"."""
        tokens = self.tokens
        for s in range(floor, comma):
            if self.used[s] and not self.org_at(s):
                continue
            if s > floor and tokens[s - 1].is_word and (tokens[s - 1].is_cap or tokens[s - 1].key in _CONNECTORS) and tokens[s - 1].key != "the":
                continue
            role = self.read_role(s)
            if role and role["end"] == comma:
                return role
        return None

    def apply_role(self, m: PersonMention, role: dict, *, strength: int, before: bool = False) -> None:
        """Give ``m`` a role; a capitalised role written before a person with no title is their title."""
        if before and not m.title and role["text"][0].isupper() and read_title(self.tokens, role["text_start"]):
            m.title = [role["text"]]
        else:
            m.role = role["text"] if not m.role else f"{m.role}, {role['text']}"
        self.mark(role["start"], role["end"])
        self.role_spans.append((role["text_start"], role["text_end"]))
        if role["org"] is not None and (org := self.commit(role["org"])):
            if strength > m.org_strength:
                m.organization, m.org_strength = org, strength
        elif role["country"] and m.org_strength < 2:
            m.organization, m.org_strength = role["country"], 2

    def read_after_name(self, m: PersonMention) -> None:
        """What follows a name: "of the Royal Malaysia Police", "(Director of Plans and Programmes)",
        "and officers from the Korean National Police University"."""
        tokens = self.tokens
        j = m.name_end
        if j + 2 < len(tokens) and tokens[j].text == "(" and (role := self.read_role(j + 1)) and role["end"] < len(tokens) and tokens[role["end"]].text == ")":
            self.apply_role(m, role, strength=4)
            m.name_end_role = j = role["end"] + 1
        span = self.org_span_after(j)
        if span is None and j + 3 < len(tokens) and tokens[j].key == "and" and tokens[j + 2].key == "from":
            span = self.org_span_after(j + 2)  # "X and officers from Y"
        if span and span[2] == "org" and m.org_strength < 3:
            m.organization, m.org_strength = self.commit(span), 3
            if tokens[j].key != "and":
                m.name_end_role = span[1]
        elif span and span[2] == "place" and tokens[j].key == "of" and m.org_strength < 2:
            m.organization, m.org_strength = self.commit(span), 2  # "Bui Van Nam of Vietnam"
            m.name_end_role = span[1]

    # pass 3: capitalised organizations ---------------------------------------------------------------

    def read_capitalised_orgs(self) -> None:
        tokens = self.tokens
        i = 0
        while i < len(tokens):
            if self.used[i] or not (tokens[i].is_cap and tokens[i].is_word) or tokens[i].key in _NON_NAME_CAPS:
                i += 1
                continue
            end = _cap_run(tokens, i)
            stop = next((k for k in range(i, end) if self.used[k]), end)
            self.split_run(i, stop)
            i = max(stop, i + 1)

    def read_listed_acronyms(self) -> None:
        """Acronyms listed next to an organization are organizations too: "SARPCCO, CAPCCO, NAPCCO"."""
        tokens, lex = self.tokens, lexicons()
        candidates = [
            k for k, t in enumerate(tokens)
            if t.is_allcaps and 3 <= len(t.text) <= 8 and t.text.isalpha() and not self.used[k]
            and t.text not in lex.title_abbreviations and t.text not in lex.not_org_acronyms
            and t.text not in lex.places and t.text.capitalize() not in lex.places
        ]
        # one pass each way carries a list along from the organization that anchors it
        for k, side in [(k, -1) for k in candidates] + [(k, +1) for k in reversed(candidates)]:
            o = k + 2 * side  # the neighbour beyond the "," or "and"
            if not self.used[k] and 0 <= o < len(tokens) and tokens[k + side].text in (",", "and") and (self.org_at(o) or self.org_ending_at(o + 1)):
                self.add_org(k, k + 1)

    def split_run(self, i: int, end: int) -> None:
        """Organizations in one capitalised run, split at "and" between two named bodies."""
        tokens, kinds = self.tokens, self.known_acronyms
        start = i
        for k in range(i + 1, end - 1):
            left = tokens[start:k]
            acronym = len(left) == 1 and sum(c.isupper() for c in left[0].text) >= 2  # "the MoI and the IACP"
            named = _has_head(left) or acronym or (len(left) == 1 and (left[0].text in lexicons().known_orgs or left[0].text in kinds))
            if tokens[k].key == "and" and named and _has_head(tokens[k + 1 : end]):
                self.org_in(start, k)
                start = k + 1
        self.org_in(start, end)

    def org_in(self, i: int, end: int) -> None:
        tokens, lex = self.tokens, lexicons()
        while i < end and (tokens[i].key in _CONNECTORS or not tokens[i].is_word):
            i += 1
        if i < end and self.text(i, end) in lex.places:
            return  # "Republic of the Union of Myanmar" is a country
        if i < end and (title_end := read_title(tokens, i)):
            if title_end >= end:
                return  # a position with no name ("Director for Police Services") is not an organization
            if tokens[title_end].key in ("of", "at"):
                i = title_end + 1 + (tokens[title_end + 1].key == "the")  # "Director of the Cyber Crime Centre"
        k = i + 1
        while k < end:
            if _is_title_word(tokens[k]) and self.starts_title(k) and (title_end := read_title(tokens, k)):
                if tokens[k - 1].key in _CONNECTORS:
                    k = title_end  # "Office of the Prime Minister": the title is part of the name
                    continue
                end = k  # "ASEANAPOL Secretariat Executive Director"
                break
            k += 1
        and_at = next((n for n in range(i + 1, end) if tokens[n].key == "and"), None)
        rest = [t for t in tokens[and_at + 1 : end] if t.is_cap] if and_at is not None else []
        if and_at is not None and self.text(i, and_at) in lex.places and rest and not any(t.key in lex.not_org_heads for t in rest):
            self.org_in(and_at + 1, end)  # "Malaysia and the ASEANAPOL Secretariat", "the Union of Myanmar and the Kingdom of Thailand"
            return
        words = tokens[i:end]
        if not words:
            return
        kind = None
        for n, token in enumerate(words):  # the rightmost head word decides: "Working Group Meeting" is an event
            if token.is_cap and token.key in lex.org_heads:
                # "National Convention Center": a venue named after an event word; "General Assembly": a meeting
                kind = "other" if n and (words[n - 1].key in lex.not_org_heads or words[n - 1].key == "general" and token.key == "assembly") else "org"
            elif token.is_cap and token.key in lex.not_org_heads:
                kind = "other"
        if kind == "other":
            first_other = next((n for n, t in enumerate(words) if t.key in lex.not_org_heads or t.key == "assembly"), len(words) - 1)
            heads = [n for n in range(first_other) if words[n].key in lex.org_heads]
            if heads and words[heads[-1] + 1 : first_other] and not any(t.key in _CONNECTORS for t in words[: first_other]):
                # "ASEANAPOL Secretariat Sharing Session": the organization, then its event
                self.add_org(i, i + heads[-1] + 1)
            self.other_spans.append((i, end))
            for n, token in enumerate(words):
                if token.text in lex.known_orgs:
                    self.add_org(i + n, i + n + 1)
            self.mark(i, end)
            return
        if kind == "org":
            first_head = min(n for n, t in enumerate(words) if t.key in lex.org_heads)
            of = next((n for n, t in enumerate(words[:first_head]) if t.key == "of"), None)
            if of is not None:  # "Member States of the European Union": the organization is after "of"
                self.org_in(i + of + 1, end)
                return
            last_head = max(n for n, t in enumerate(words) if t.key in lex.org_heads)
            name_end = last_head + 1
            tail_end = self._tail(words, name_end)
            stop = self.in_place(i, i + tail_end) if i + tail_end == end else i + tail_end
            if (first_head > 0 or tail_end > name_end or last_head > first_head) and not _generic(words[:tail_end]):
                self.add_org(i, stop)
                if i + tail_end < end:
                    self.org_in(i + tail_end, end)
                return
        for n, token in enumerate(words):  # a well-known organization alone: "INTERPOL", "ASEANAPOL Member Countries"
            if token.text in lex.known_orgs or token.text in self.known_acronyms:
                self.add_org(i + n, i + n + 1)

    def in_place(self, start: int, stop: int) -> int:
        """``stop``, or past "in PLACE" when that follows the name of a mission abroad: "Embassy of Korea
        in Malaysia" (but "the National Training Centre for Police in Colombia" is in Colombia)."""
        tokens = self.tokens
        mission = any(t.key in _MISSIONS for t in tokens[start:stop])
        if mission and stop + 1 < len(tokens) and tokens[stop].key == "in" and tokens[stop + 1].text in lexicons().places and not self.used[stop + 1]:
            return stop + 2
        return stop

    def _tail(self, words: list[Token], n: int) -> int:
        """End of what follows a head: "of Public Security", "on Crime Prevention and Suppression",
        "of the People's Republic of China in Thailand", "Kuala Lumpur"."""
        lex = lexicons()
        j = n
        while j < len(words) and words[j].key in ("of", "for", "on") and not words[j - 1].possessive:
            k = j + 1 + (j + 1 < len(words) and words[j + 1].key == "the")
            m = k
            while m < len(words) and (words[m].is_cap or (words[m].key in ("and", "&") and m + 1 < len(words) and words[m + 1].is_cap)):
                m += 1
                if words[m - 1].possessive and words[m - 1].text[:-2] not in _PLURAL_POSSESSIVES:
                    break
            if m == k:
                break
            j = m
        if j > n:
            return j
        while j < len(words) and words[j].is_cap and not words[j - 1].possessive:
            j += 1
        return j if j > n and " ".join(w.text for w in words[n:j]) in lex.places else n

    # pass 4: ties between people and organizations ---------------------------------------------------

    def attach(self, mention: PersonMention) -> None:
        tokens = self.tokens
        i = mention.start
        before = self.org_ending_at(i) or (self.org_ending_at(i - 1) if i > 0 and tokens[i - 1].key == "the" else None)
        if before is None and i > 1 and tokens[i - 1].text == "," and (org := self.org_ending_at(i - 1)) and org.start > 0 and tokens[org.start - 1].key == "from":
            before = org  # "Expert from RMP, Assistant Commissioner Police X"
        if before and before.start > 0 and tokens[before.start - 1].key in ("former", "ex"):
            before = None  # "former INTERPOL President"
        if before and mention.org_strength < 3:  # "KNPA's Commissioner General", "ASEANAPOL Secretariat Executive Director"
            mention.organization, mention.org_strength = before.name, 3
        rest = self.sentence.text[tokens[mention.name_end - 1].end - self.sentence.start :]
        match = re.match(r"[^.;]*?\bwho (?:also |currently |now )?(?:serves|is|acts|works) as (?:the |a |an )?", rest)
        if match:
            offset = tokens[mention.name_end - 1].end + match.end()
            k = next((n for n, t in enumerate(tokens) if t.start >= offset), None)
            org = self.org_at(k) if k is not None else None
            if org and tokens[org.end - 1].possessive and (end := read_title(tokens, org.end)):
                mention.role = self.text(org.end, end)  # "who also serves as ASEANAPOL Secretariat's Director for ..."
                mention.organization, mention.org_strength = org.name, 5
        if mention.organization:
            return
        k = i
        while k > 0 and tokens[k - 1].is_cap and tokens[k - 1].is_word and not tokens[k - 1].possessive and mention.role and tokens[k - 1].text in mention.role:
            k -= 1  # past the words of "National Police chief" to "Thailand's"
        if (country := self.demonym_before(i) or self.demonym_before(k)) and (mention.title or mention.role):
            mention.organization, mention.org_strength = country, 2  # "South Korean President", "Malaysia's Minister"
            return
        prefix = self.sentence.text[: tokens[i].start - self.sentence.start].rstrip().casefold()
        if prefix.endswith(_LEAD_PHRASES) or prefix.endswith(tuple(f"{p} the" for p in _LEAD_PHRASES)):
            lead = [o for o in self.orgs if o.end <= i]
            if lead:
                mention.organization, mention.org_strength = max(lead, key=lambda o: o.end).name, 2
                return
        # the organization the sentence names nearest before the person, else after
        nearest = [o for o in self.orgs if o.end <= i] or [o for o in self.orgs if o.start >= mention.name_end]
        if nearest:
            org = max(nearest, key=lambda o: o.end) if nearest[0].end <= i else min(nearest, key=lambda o: o.start)
            mention.organization, mention.org_strength = org.name, 1

    def demonym_before(self, i: int) -> str | None:
        lex, tokens = lexicons(), self.tokens
        if i > 0 and tokens[i - 1].key == "police":
            i -= 1  # "Thai police chief"
        for size in (2, 1):
            if i - size >= 0:
                text = " ".join(t.text for t in tokens[i - size : i])
                if text in lex.demonyms:
                    return lex.demonyms[text]
                if lex.places.get(text, {}).get("kind") == "country":
                    return lex.places[text]["name"]
        return None

    # pass 5: names with no title before them ---------------------------------------------------------

    def in_list_of_people(self, i: int, end: int) -> bool:
        """Whether tokens[i:end] is the next item of a list of people: "..., SPO3 Richard Lumbres and police
        personnel Josephine Quieta, Myla Dy, and Kevin Batan"."""
        tokens = self.tokens
        previous = max((p.name_end for p in self.people if p.name_end <= i), default=None)
        if previous is None or end < len(tokens) and tokens[end].text not in ",;." and tokens[end].key != "and":
            return False
        gap = tokens[previous:i]
        joins = [t for t in gap if t.text in ",;" or t.key == "and"]
        words = [t for t in gap if t.is_word and t.key != "and"]
        return bool(joins) and len(words) <= 3 and not any(t.is_cap for t in words)

    def read_untitled_people(self) -> None:
        """Names with no title before them, when the text shows they are people: a role after them
        ("Steve Lancaster, Assistant Commissioner ...", "Jürgen Stock, INTERPOL Secretary General"), a role
        before the commas ("the head of Europol's EC3, Edvardas Šileris,"), or speech ("said John Tan")."""
        tokens, lex = self.tokens, lexicons()
        i = 0
        while i < len(tokens):
            prev = tokens[i - 1] if i > 0 else None
            if self.used[i] or not tokens[i].is_cap or tokens[i].key in _NON_NAME_CAPS or (prev is not None and prev.is_cap and prev.is_word):
                i += 1
                continue
            end = read_name(tokens, i)
            if (
                not end or not 2 <= end - i <= 5 or any(self.used[k] for k in range(i, end))
                or not _is_nameish(tokens, i, end) or any(_is_title_word(t) or t.text in lex.title_abbreviations for t in tokens[i:end])
                or (end < len(tokens) and tokens[end].is_cap and tokens[end].key in lex.org_heads)
            ):
                i += 1
                continue
            mention = PersonMention(name=self.text(i, end), sentence=self.sentence, char_start=tokens[i].start, char_end=tokens[end - 1].end, start=i, name_start=i, name_end=end)
            after = tokens[end] if end < len(tokens) else None
            spoke = (after is not None and after.key in _SPEECH) or (prev is not None and prev.key in _SPEECH) or self.in_list_of_people(i, end)
            before = None
            if prev is not None and prev.text == ",":
                floor = max((p.name_end for p in self.people if p.name_end < i), default=0)
                before = self.prefix_role(floor, i - 1)
            role = self.read_role(end + 1) if after is not None and after.text == "," else None
            if not (spoke or before or role):
                i += 1
                continue
            self.mark(i, end)
            if before:
                self.apply_role(mention, before, strength=3, before=True)
            if role:
                self.apply_role(mention, role, strength=4)
            self.attach(mention)
            self.people.append(mention)
            i = end


@functools.lru_cache(maxsize=64)
def read_article(article: Article) -> list[SentenceReader]:
    """Read every title and body sentence: first the acronyms the article defines, then everything."""
    lex = lexicons()
    known = {a for a in lex.known_orgs.values() if a} | {n for n in lex.known_orgs if n.isupper()}
    units = [s for s in article.sentences if s.kind in ("title", "byline", "body")]
    counts: dict[str, int] = {}
    for word in re.findall(r"\b[A-Z][A-Z0-9-]*[A-Z0-9]\b", article.body):
        counts[word] = counts.get(word, 0) + 1
    reused = frozenset(w for w, n in counts.items() if n >= 2)
    first = [SentenceReader(s, False, known, acronyms_only=True, reused_acronyms=reused) for s in units]
    defined = {o.acronym for r in first for o in r.orgs if o.acronym}
    readers = [SentenceReader(s, s.kind != "body", known | defined, reused_acronyms=reused, tokens=r.tokens) for s, r in zip(units, first)]
    return readers
