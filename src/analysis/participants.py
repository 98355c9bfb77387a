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

import functools
import re
from dataclasses import dataclass, field

import pandas as pd

from .article import Article, Sentence
from .lexicons import load_lexicon, load_table

PERSON_COLUMNS = ["name", "honorific", "title", "title_abbrev", "role", "organization", "mentions", "aliases", "sentence", "char_start", "char_end", "text"]
ORGANIZATION_COLUMNS = ["name", "acronym", "mentions", "aliases", "sentence", "char_start", "char_end", "text"]
PLACE_COLUMNS = ["name", "kind", "country", "mentions", "aliases", "sentence", "char_start", "char_end", "text"]

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
    particles: frozenset[str]
    known_orgs: dict[str, str | None]  # name as written -> acronym
    places: dict[str, dict]  # surface form -> row
    demonyms: dict[str, str]  # demonym -> country
    dotted: frozenset[str]  # lexicon forms that end in a dot or apostrophe

    @property
    def title_words(self) -> frozenset[str]:
        return self.title_heads | self.title_modifiers


@functools.cache
def _load() -> Lexicons:
    places: dict[str, dict] = {}
    demonyms: dict[str, str] = {}
    for row in load_table("places"):
        for form in [row["name"], *filter(None, (row.get("aliases") or "").split(";"))]:
            places.setdefault(form.strip(), row)
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
        title_heads=_words("title_heads"),
        title_modifiers=_words("title_modifiers"),
        title_abbreviations={row["abbreviation"]: row["expansion"] for row in load_table("title_abbreviations")},
        portfolios=_words("portfolios"),
        title_stops=_phrases("title_stop"),
        org_heads=_words("org_heads"),
        not_org_heads=_words("not_org_heads"),
        particles=frozenset(_key(w) for w in load_lexicon("name_particles")),
        known_orgs={row["name"]: (row.get("acronym") or None) for row in load_table("known_organizations")},
        places=places,
        demonyms=demonyms,
        dotted=frozenset(dotted),
    )


# --- tokens ---------------------------------------------------------------------------------------

_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_](?:[\w]|[-'’/&](?=[^\W_]))*|['’]s\b|\S")
_POSSESSIVE = re.compile(r"['’]s$")
_PLURAL_POSSESSIVES = {"People", "Women", "Children", "Workers", "Men"}


@dataclass
class Token:
    text: str
    start: int
    end: int
    possessive: bool = False  # followed by 's

    @property
    def key(self) -> str:
        return _key(self.text)

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def is_cap(self) -> bool:
        return self.text[0].isupper()

    @property
    def is_allcaps(self) -> bool:
        letters = [c for c in self.text if c.isalpha()]
        return len(letters) >= 2 and all(c.isupper() for c in letters)


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Tokens of ``text`` with offsets (plus ``offset``); a possessive 's is folded into a flag.

    >>> [t.text for t in tokenize("KNPA's Dr. K. Ramos")]
    ['KNPA', 'Dr.', 'K.', 'Ramos']
    """
    lex = _load()
    tokens: list[Token] = []
    pos = 0
    while match := _TOKEN.search(text, pos):
        word, start, end = match.group(), match.start(), match.end()
        pos = end
        if _POSSESSIVE.fullmatch(word) and tokens and tokens[-1].end == offset + start:
            tokens[-1].possessive = True
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
            if dotted in lex.dotted or (nxt == "." and len(word) == 1 and word.isupper()):
                word, pos = word + nxt, end + 1
        tokens.append(Token(word, offset + start, offset + pos))
    return tokens


# --- phrase readers (each returns the index after what it read, or None) ----------------------------

_CONNECTORS = {"of", "for", "and", "on", "&", "the", "against", "de", "du", "des", "la", "le"}
_LOWER_TITLES = {"chief", "head", "spokesman", "spokeswoman", "spokesperson", "boss", "commander", "director", "minister"}
_SPEECH = {"said", "says", "told", "added", "noted", "stated", "announced", "explained", "stressed", "remarked", "emphasised", "emphasized"}
_LEAD_PHRASES = ("led by", "headed by", "chaired by", "under the leadership of", "under the supervision of", "represented by", "hosted by", "organised by", "organized by")
_ACCOMPANY = re.compile(r"\b(?:accompan(?:ying|ied)|joined by|together with|along with|delegation)\b", re.I)
_HEADS_OF_STATE = {"president", "vice-president", "prime", "king", "queen", "sultan", "emir", "premier", "chancellor"}
_NON_NAME_CAPS = {
    "the", "a", "an", "in", "on", "at", "for", "of", "and", "during", "after", "before", "with", "by", "from", "to",
    "this", "that", "these", "those", "it", "he", "she", "they", "we", "his", "her", "their", "our", "both", "all",
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "also", "as", "but",
}


def _match_phrase(tokens: list[Token], i: int, phrases: frozenset[tuple[str, ...]], longest: int = 4) -> int | None:
    for size in range(min(longest, len(tokens) - i), 0, -1):
        if tuple(t.key for t in tokens[i : i + size]) in phrases:
            return i + size
    return None


def _is_title_word(token: Token) -> bool:
    lex = _load()
    if not token.is_cap or not token.is_word:
        return False
    if token.key in lex.title_words:
        return True
    parts = token.key.split("-")
    return len(parts) > 1 and all(p in lex.title_words for p in parts)


def _cap_run(tokens: list[Token], i: int, *, allow_the: bool = True) -> int:
    """End of a run of capitalised words joined by connectors ("Plans and Programmes"), from ``i``."""
    j, end = i, i
    while j < len(tokens):
        token = tokens[j]
        if token.is_word and (token.is_cap or token.text[0].isdigit()):
            j += 1
            end = j
            if token.possessive:
                break
        elif token.key in _CONNECTORS and end > i and (allow_the or token.key != "the"):
            j += 1
        else:
            break
    return end


def read_title(tokens: list[Token], i: int) -> int | None:
    """End of a rank or position starting at ``i`` ("Assistant Commissioner of Police", "Director for X").

    A lower-case head counts right after an organization, a demonym or "police" ("Interpol chief").
    """
    lex = _load()
    j, has_head = i, False
    while j < len(tokens) and _is_title_word(tokens[j]) and not (j > i and tokens[j - 1].possessive):
        has_head |= tokens[j].key in lex.title_heads or "-" in tokens[j].key
        j += 1
    if j == i and i > 0 and tokens[i].text in _LOWER_TITLES and ((tokens[i - 1].is_cap and tokens[i - 1].key not in _NON_NAME_CAPS) or tokens[i - 1].key == "police"):
        return i + 1
    if not has_head:
        return None
    if _match_phrase(tokens, j - 1, lex.title_stops, 2) or (j < len(tokens) and tokens[j].is_cap and tokens[j].key in lex.org_heads):
        return None  # "Police General Department", "General Assembly": an organization, not a title
    if j + 1 < len(tokens) and tokens[j].key == "of" and tokens[j + 1].key == "police":
        j += 2
    # portfolios: "for Police Services", "for the Advisory Department", "of Home Affairs"
    if j + 1 < len(tokens) and tokens[j].key in ("for", "of"):
        k = j + 1 + (tokens[j + 1].key == "the" and tokens[j].key == "for")
        end = _cap_run(tokens, k, allow_the=False)
        end = next((m for m in range(k, end) if _match_phrase(tokens, m, lex.honorifics) or tokens[m].text in lex.title_abbreviations or (m > k and tokens[m - 1].key in lex.portfolios and _is_title_word(tokens[m]))), end)
        if end > k and (tokens[j].key == "for" or tokens[end - 1].key in lex.portfolios):
            j = end
    return j


def read_name(tokens: list[Token], i: int, *, after_title: bool = False) -> int | None:
    """End of a personal name starting at ``i``: capitalised words, initials, family names in capitals, particles.

    After a title, a capitalised function word may open a name when another name word follows ("General To Lam").
    """
    lex = _load()
    j, last = i, None
    while j < len(tokens):
        token = tokens[j]
        if not token.is_word:
            break
        key = token.key
        common = key in _NON_NAME_CAPS and not (after_title and j == i and j + 1 < len(tokens) and tokens[j + 1].is_cap and tokens[j + 1].is_word)
        if token.is_cap and not common and not (token.is_allcaps and j + 1 < len(tokens) and not tokens[j + 1].is_cap and j == i):
            if j > i and (_is_title_word(token) and key in lex.title_heads or key in lex.org_heads):
                break
            last = j
            j += 1
            if token.possessive:
                break
        elif key in lex.particles and last is not None:
            j += 1
        else:
            break
    if last is None:
        return None
    first = tokens[i]
    if first.is_allcaps and last == i and len(first.text) <= 5:
        return None  # a lone acronym, not a name
    return last + 1


def _is_nameish(tokens: list[Token], i: int, end: int) -> bool:
    """Whether tokens[i:end] can be a personal name: no organization, title or place words."""
    lex = _load()
    words = tokens[i:end]
    text = " ".join(t.text for t in words)
    if text in lex.places or text in lex.known_orgs or text in lex.demonyms:
        return False
    return not any(t.key in lex.org_heads or t.key in lex.not_org_heads or t.text in lex.places for t in words)


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
    role_end: int | None = None  # token index after a role with no organization of its own


def _text(tokens: list[Token], i: int, j: int, sentence_text: str, offset: int) -> str:
    return sentence_text[tokens[i].start - offset : tokens[j - 1].end - offset]


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


def _org_kind(tokens: list[Token], known_acronyms: set[str]) -> str | None:
    """"org" when the words name an organization, "other" for events and documents, None if neither."""
    lex = _load()
    kind = None
    for token in tokens:
        if token.key in lex.org_heads and token.is_cap:
            kind = "org"
        elif token.key in lex.not_org_heads and token.is_cap:
            kind = "other"
    if kind is None and tokens and (tokens[0].text in lex.known_orgs or tokens[0].text in known_acronyms):
        kind = "org"
    return kind


class _SentenceReader:
    """Reads the organizations and person mentions of one sentence, in passes:
    acronyms in parentheses, people (titles, honorifics, names, roles), capitalised organizations,
    then the ties between people and organizations."""

    def __init__(self, sentence: Sentence, is_title: bool, known_acronyms: set[str], *, acronyms_only: bool = False):
        self.sentence = sentence
        self.tokens = tokenize(sentence.text, sentence.start)
        self.is_title = is_title
        self.known_acronyms = known_acronyms
        self.used = [False] * len(self.tokens)
        self.orgs: list[OrgMention] = []
        self.people: list[PersonMention] = []
        self.other_spans: list[tuple[int, int]] = []  # events, projects and documents
        self.read_parenthesised_acronyms()
        if acronyms_only:
            return
        self.read_people()
        self.read_capitalised_orgs()
        for mention in self.people:
            self.attach(mention)
        self.read_untitled_people()

    def text(self, i: int, j: int) -> str:
        return _text(self.tokens, i, j, self.sentence.text, self.sentence.start)

    def mark(self, i: int, j: int) -> None:
        for k in range(i, j):
            self.used[k] = True

    def add_org(self, i: int, j: int, acronym: str | None = None) -> OrgMention:
        while j > i + 1 and (not self.tokens[j - 1].is_word or self.tokens[j - 1].key in _CONNECTORS):
            j -= 1
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
        tokens = self.tokens
        if tokens[i].key in _load().org_heads and i > 0 and tokens[i - 1].is_cap and tokens[i - 1].is_word and not tokens[i - 1].possessive:
            return False
        return True

    # pass 1: "Long Form Name (ACR)" ----------------------------------------------------------------

    def read_parenthesised_acronyms(self) -> None:
        tokens = self.tokens
        for k, token in enumerate(tokens):
            if token.text != "(" or k + 2 >= len(tokens) or tokens[k + 2].text != ")" or k == 0:
                continue
            inner = tokens[k + 1]
            if not re.fullmatch(r"[A-Z][A-Za-z0-9-]*[A-Z0-9]", inner.text) or sum(c.isupper() for c in inner.text) < 2:
                continue
            run_start = k
            while run_start > 0:
                prev = tokens[run_start - 1]
                if prev.possessive and run_start < k:
                    break
                if not ((prev.is_word and (prev.is_cap or prev.key in _CONNECTORS)) or prev.text in ",&"):
                    break
                run_start -= 1
            start = _acronym_of(inner.text, tokens[run_start:k])
            if start is None:
                continue
            i = run_start + start
            while i > 0 and tokens[i - 1].is_cap and tokens[i - 1].is_word and not tokens[i - 1].possessive and tokens[i - 1].key not in _NON_NAME_CAPS and not _is_title_word(tokens[i - 1]):
                i -= 1
            if read_title(tokens, i) == k:
                continue  # "Assistant Commissioner of Police (ACP)": a rank, read with the person
            kind = _org_kind(tokens[i:k], self.known_acronyms)
            if kind is None and k + 3 < len(tokens) and tokens[k + 3].is_cap:
                kind = _org_kind([tokens[k + 3]], self.known_acronyms)
            if kind == "org":
                self.add_org(i, k, acronym=inner.text)
                self.used[k + 1] = True
            elif kind == "other":
                self.other_spans.append((i, k + 3))
                self.mark(i, k + 3)

    # pass 2: people ---------------------------------------------------------------------------------

    def read_people(self) -> None:
        i = 0
        while i < len(self.tokens):
            mention = None if self.used[i] else self.person_at(i)
            if mention:
                self.people.append(mention)
                self.mark(mention.start, mention.name_end)
                i = mention.name_end
            else:
                i += 1
        for mention in self.people:
            self.read_role(mention)

    def read_prefix(self, j: int, found: dict) -> int:
        """Read titles, abbreviated ranks and honorifics from ``j`` into ``found``; return where they end."""
        tokens, lex = self.tokens, _load()
        while j < len(tokens) and not self.used[j]:
            token = tokens[j]
            if token.text in lex.title_abbreviations and not token.possessive:
                found["abbrev"], j = token.text, j + 1
            elif token.text == "(" and found["titles"] and j + 2 < len(tokens) and tokens[j + 2].text == ")" and tokens[j + 1].is_allcaps:
                found["abbrev"], j = tokens[j + 1].text, j + 3  # "Assistant Commissioner of Police (ACP)"
            elif token.is_cap and (end := _match_phrase(tokens, j, lex.honorifics)):
                found["honorifics"].append(self.text(j, end))
                j = end
            elif token.key == "and" and found["titles"] and j + 1 < len(tokens) and (end := read_title(tokens, j + 1)):
                found["titles"][-1] = self.text(found["title_start"], end)  # "Deputy Prime Minister and Minister of ..."
                j = end
            elif self.starts_title(j) and (end := read_title(tokens, j)):
                found["titles"].append(self.text(j, end))
                found["title_start"] = j
                j = end
                if org := self.org_after(j, strict=False):
                    found["org"], j = org, org.after
            else:
                break
        return j

    def person_at(self, i: int) -> PersonMention | None:
        tokens, lex = self.tokens, _load()
        if not self.starts_title(i):
            return None
        found: dict = {"titles": [], "honorifics": [], "abbrev": None, "org": None, "title_start": i}
        j = self.read_prefix(i, found)
        if not (found["titles"] or found["honorifics"] or found["abbrev"]):
            return None
        role = None
        if j + 1 < len(tokens) and tokens[j].text == "," and (found["titles"] or found["honorifics"]):
            # "the Assistant General Counsel of Microsoft ..., Mr Richard Boscovich," and
            # "The Chief of the Philippine National Police, Police General Rommel Marbil,"
            before = list(found["titles"])
            found["titles"] = []
            k = self.read_prefix(j + 1, found)
            if found["titles"]:
                role = " ".join(before)
            else:
                found["titles"] = before
            name_end = read_name(tokens, k, after_title=True)
            closes = name_end is not None and (name_end >= len(tokens) or tokens[name_end].text in ",;:.)" or tokens[name_end].key in _SPEECH)
            if not closes:
                return None
        else:
            k = j
            name_end = read_name(tokens, k, after_title=True)
        if not name_end or not _is_nameish(tokens, k, name_end) or any(self.used[m] for m in range(k, name_end)):
            return None
        if name_end < len(tokens) and tokens[name_end].is_cap and tokens[name_end].key in lex.org_heads:
            return None  # "Major Crimes Unit": an organization, not "Major Crimes"
        titles = [t for t in found["titles"] if t[0].isupper()]
        positions = [t for t in found["titles"] if not t[0].isupper()] + titles[:-1]  # "police chief", "Minister of X General"
        titles = titles[-1:]
        role = role or ", ".join(positions) or None
        if not titles and found["abbrev"]:
            titles = [lex.title_abbreviations[found["abbrev"]]]
        mention = PersonMention(
            name=self.text(k, name_end), honorific=found["honorifics"], title=titles, title_abbrev=found["abbrev"],
            role=role, sentence=self.sentence, char_start=tokens[i].start, char_end=tokens[name_end - 1].end,
            start=i, name_start=k, name_end=name_end,
        )
        if found["org"]:
            mention.organization, mention.org_strength = found["org"].name, 3
        return mention

    def org_after(self, j: int, *, strict: bool) -> OrgMention | None:
        """An organization right after "of"/"at": "of the European Banking Federation", "at Europol"."""
        tokens, lex = self.tokens, _load()
        if not (j + 1 < len(tokens) and tokens[j].key in ("of", "at")):
            return None
        k = j + 1 + (tokens[j + 1].key == "the")
        if k >= len(tokens):
            return None
        if org := self.org_at(k):
            return org
        end = _cap_run(tokens, k, allow_the=False)
        # the run stops before a person: "Secretary General of INTERPOL Jürgen Stock"
        end = next((m for m in range(k, end) if self.used[m] or _match_phrase(tokens, m, lex.honorifics) or (m > k and self.starts_title(m) and read_title(tokens, m))), end)
        if end <= k or read_title(tokens, k) or any(t.key in _NON_NAME_CAPS for t in tokens[k:end]):
            return None
        words = tokens[k:end]
        heads = [n for n, t in enumerate(words) if t.key in lex.org_heads]
        if heads:
            return self.add_org(k, k + self._tail(words, heads[-1] + 1))
        if words[0].text in lex.known_orgs or words[0].text in self.known_acronyms:
            return self.add_org(k, k + 1)
        if strict or words[-1].key in lex.portfolios or (end < len(tokens) and tokens[end].is_cap):
            return None
        place = " ".join(t.text for t in words) in lex.places
        if len(words) >= 2 or words[0].is_allcaps or place:
            return self.add_org(k, end)  # "President of RMIT Vietnam"
        return None

    def _org_end(self, k: int, end: int) -> int:
        """Where an organization read from ``k`` ends inside a capitalised run ending at ``end``."""
        lex = _load()
        heads = [m for m in range(k, end) if self.tokens[m].key in lex.not_org_heads]
        return min(heads) if heads and heads[0] > k else end

    def read_role(self, mention: PersonMention) -> None:
        """", Director for Police Services," or "of the Royal Malaysia Police" after a name."""
        tokens, lex = self.tokens, _load()
        j = mention.name_end
        if org := self.org_after(j, strict=True):
            mention.organization, mention.org_strength = org.name, 3
            j = org.end
        if j + 1 < len(tokens) and tokens[j].text == ",":
            k = j + 1 + (tokens[j + 1].key in ("the", "a", "an"))
            if (org := self.org_at(k)) and tokens[org.end - 1].is_word:
                if read_title(tokens, org.after):  # "Jürgen Stock, INTERPOL Secretary General,"
                    mention.organization, mention.org_strength = org.name, 4
                    k = org.after
            end = read_title(tokens, k) if k < len(tokens) and not self.used[k] else None
            if end:
                while end < len(tokens) and tokens[end].is_cap and tokens[end].is_word and not self.used[end] and tokens[end].text not in lex.places and tokens[end].key not in lex.org_heads:
                    end += 1  # "Deputy Director Operations"
                mention.role = self.text(k, end)
                self.mark(k, end)
                if org := self.org_after(end, strict=False):
                    mention.organization, mention.org_strength = org.name, 4
                else:
                    mention.role_end = end

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

    def split_run(self, i: int, end: int) -> None:
        """Organizations in one capitalised run, split at "and" between two named bodies."""
        tokens, kinds = self.tokens, self.known_acronyms
        start = i
        for k in range(i + 1, end - 1):
            if tokens[k].key == "and" and _org_kind(tokens[start:k], kinds) == "org" and _org_kind(tokens[k + 1 : end], kinds) == "org":
                self.org_in(start, k)
                start = k + 1
        self.org_in(start, end)

    def org_in(self, i: int, end: int) -> None:
        tokens, lex = self.tokens, _load()
        while i < end and (tokens[i].key in _CONNECTORS or not tokens[i].is_word):
            i += 1
        if i < end and (title_end := read_title(tokens, i)) and title_end >= end:
            return  # a position with no name ("Director for Police Services") is not an organization
        for k in range(i + 1, end):
            if tokens[k - 1].key not in _CONNECTORS and not _is_title_word(tokens[k - 1]) and _is_title_word(tokens[k]) and self.starts_title(k) and read_title(tokens, k):
                end = k  # "ASEANAPOL Secretariat Executive Director"; not "Office of the Prime Minister"
                break
        words = tokens[i:end]
        if not words:
            return
        kind = None
        for token in words:  # the rightmost head word decides: "Working Group Meeting" is an event
            if token.is_cap and token.key in lex.org_heads:
                kind = "org"
            elif token.is_cap and token.key in lex.not_org_heads:
                kind = "other"
        if kind == "other":
            first_other = next(n for n, t in enumerate(words) if t.key in lex.not_org_heads)
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
            last_head = max(n for n, t in enumerate(words) if t.key in lex.org_heads)
            first_head = min(n for n, t in enumerate(words) if t.key in lex.org_heads)
            name_end = last_head + 1
            tail_end = self._tail(words, name_end)
            if first_head > 0 or tail_end > name_end or last_head > first_head:
                self.add_org(i, i + tail_end)
                if i + tail_end < end:
                    self.org_in(i + tail_end, end)
                return
        for n, token in enumerate(words):  # a well-known organization alone: "INTERPOL", "ASEANAPOL Member Countries"
            if token.text in lex.known_orgs or token.text in self.known_acronyms:
                self.add_org(i + n, i + n + 1)

    def _tail(self, words: list[Token], n: int) -> int:
        """End of what follows a head: "of Public Security", "on Crime Prevention and Suppression", "Kuala Lumpur"."""
        lex = _load()
        if n < len(words) and words[n].key in ("of", "for", "on") and not words[n - 1].possessive:
            k = n + 1 + (n + 1 < len(words) and words[n + 1].key == "the")
            j = k
            while j < len(words) and (words[j].is_cap or (words[j].key in ("and", "&", "of") and j + 1 < len(words) and words[j + 1].is_cap)):
                j += 1
                if words[j - 1].possessive:
                    break
            return j if j > k else n
        j = n
        while j < len(words) and words[j].is_cap and not words[j - 1].possessive:
            j += 1
        return j if j > n and " ".join(w.text for w in words[n:j]) in lex.places else n

    # pass 4: ties between people and organizations ---------------------------------------------------

    def attach(self, mention: PersonMention) -> None:
        tokens, lex = self.tokens, _load()
        i = mention.start
        before = self.org_ending_at(i) or (self.org_ending_at(i - 1) if i > 0 and tokens[i - 1].key == "the" else None)
        if before and mention.org_strength < 3:  # "KNPA's Commissioner General", "ASEANAPOL Secretariat Executive Director"
            mention.organization, mention.org_strength = before.name, 3
        if mention.org_strength < 4 and mention.role_end is not None:
            end = mention.role_end
            if end + 1 < len(tokens) and tokens[end].text == "," and (org := self.org_at(end + 1)):
                mention.organization, mention.org_strength = org.name, 4  # "..., Deputy Director for X, Police General Department ..."
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
        country = self.demonym_before(i)
        if country and (mention.title or mention.role):
            mention.organization, mention.org_strength = country, 2  # "South Korean President", "Malaysia's Minister"
            return
        prefix = self.sentence.text[: tokens[i].start - self.sentence.start].rstrip().casefold()
        if prefix.endswith(_LEAD_PHRASES) or prefix.endswith(tuple(f"{p} the" for p in _LEAD_PHRASES)):
            lead = [o for o in self.orgs if o.end <= i]
            if lead:
                mention.organization, mention.org_strength = max(lead, key=lambda o: o.end).name, 2

    def demonym_before(self, i: int) -> str | None:
        lex, tokens = _load(), self.tokens
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

    def read_untitled_people(self) -> None:
        """Names with no title before them, when the text shows they are people: an appositive position
        ("Steve Lancaster, Assistant Commissioner ...", "Jürgen Stock, INTERPOL Secretary General"), a
        position before the commas ("the head of Europol's EC3, Edvardas Šileris,"), or speech ("said John Tan")."""
        tokens = self.tokens
        i = 0
        while i < len(tokens):
            prev = tokens[i - 1] if i > 0 else None
            if self.used[i] or not tokens[i].is_cap or tokens[i].key in _NON_NAME_CAPS or (prev is not None and prev.is_cap and prev.is_word):
                i += 1
                continue
            end = read_name(tokens, i)
            if not end or not 2 <= end - i <= 5 or any(self.used[k] for k in range(i, end)) or not _is_nameish(tokens, i, end) or any(_is_title_word(t) for t in tokens[i:end]):
                i += 1
                continue
            if end < len(tokens) and tokens[end].is_cap and tokens[end].key in _load().org_heads:
                i += 1
                continue
            mention = PersonMention(name=self.text(i, end), sentence=self.sentence, char_start=tokens[i].start, char_end=tokens[end - 1].end, start=i, name_start=i, name_end=end)
            after = tokens[end] if end < len(tokens) else None
            spoke = (after is not None and after.key in _SPEECH) or (prev is not None and prev.key in _SPEECH)
            titled_before = prev is not None and prev.text == "," and self.title_before_comma(mention, i - 1)
            self.read_role(mention)
            if not (spoke or titled_before or mention.role):
                i += 1
                continue
            self.mark(i, end)
            self.attach(mention)
            self.people.append(mention)
            i = end

    def title_before_comma(self, mention: PersonMention, comma: int) -> bool:
        """"the Australian Federal Police Assistant Commissioner for X, Steve Lancaster" and "the head of X,
        Edvardas Šileris": the position written before the name, and its organization."""
        tokens, lex = self.tokens, _load()
        org = self.org_ending_at(comma)
        if org and (owner := self.org_ending_at(org.start)) and tokens[owner.end - 1].possessive:
            org = OrgMention(org.name, org.acronym, owner.start, org.end, org.char_start, org.char_end, org.sentence, org.after)
        if org and org.start >= 2:
            k = org.start - 1 - (tokens[org.start - 1].key == "the")
            if k >= 1 and tokens[k].key in ("of", "at"):
                head = k - 1
                start = head
                while start > 0 and _is_title_word(tokens[start - 1]):
                    start -= 1
                if tokens[head].key in _LOWER_TITLES or _is_title_word(tokens[head]):
                    text = self.text(start, head + 1)
                    if text[0].isupper():
                        mention.title.append(text)
                    else:
                        mention.role = text  # "the head of ..."
                    mention.organization, mention.org_strength = org.name, 3
                    return True
        for start in range(comma - 1, -1, -1):
            if _is_title_word(tokens[start]) and self.starts_title(start) and read_title(tokens, start) == comma:
                while start > 0 and _is_title_word(tokens[start - 1]) and self.starts_title(start - 1) and read_title(tokens, start - 1) == comma:
                    start -= 1
                mention.title.append(self.text(start, comma))
                mention.char_start = tokens[start].start
                if org := self.org_ending_at(start):
                    mention.organization, mention.org_strength = org.name, 3
                return True
        return False


# --- the article level ------------------------------------------------------------------------------


@functools.lru_cache(maxsize=64)
def _read(article: Article) -> tuple[list[_SentenceReader], dict[str, str]]:
    """Read every title and body sentence: first the acronyms the article defines, then everything."""
    lex = _load()
    known = {a for a in lex.known_orgs.values() if a} | {n for n in lex.known_orgs if n.isupper()}
    units = [s for s in article.sentences if s.kind in ("title", "body")]
    defined = {o.acronym for s in units for o in _SentenceReader(s, False, known, acronyms_only=True).orgs if o.acronym}
    readers = [_SentenceReader(s, s.kind == "title", known | defined) for s in units]
    acronyms = {o.acronym: o.name for r in readers for o in r.orgs if o.acronym}
    return readers, acronyms


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
    readers, acronyms = _read(article)
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
    body_names = {o.name for r in readers if not r.is_title for o in r.orgs}
    lex = _load()
    for r in readers:
        for o in r.orgs:
            name = alias_of.get(o.name, o.name)
            if r.is_title and name not in body_names and o.name not in body_names and o.name not in lex.known_orgs and alias_of.get(o.name) is None:
                continue  # headlines are title-cased: trust only names the body confirms
            row = rows.get(name)
            if row is None:
                acronym = o.acronym or next((a for a, n in alias_of.items() if n == name and a != name), None)
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
    readers, _ = _read(article)
    org_table, alias_of = _organizations(article)
    org_names = set(org_table["name"])
    people: list[dict] = []

    def same_person(name: str) -> dict | None:
        tokens = set(name.casefold().split())
        for person in people:
            if name == person["name"] or tokens <= set(person["name"].casefold().split()):
                return person
            if set(person["name"].casefold().split()) <= tokens:
                return person
        return None

    for r in readers:
        leader = None
        for m in r.people:
            if r.is_title:
                continue
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
            if leader is None and person["organization"]:
                leader = person
        # people accompanying a delegation leader share the leader's organization
        if leader and _ACCOMPANY.search(r.sentence.text):
            for m in r.people:
                person = same_person(m.name)
                if person and not person["organization"]:
                    person["organization"], person["org_strength"] = leader["organization"], 1
    ministries = {m.group(1): m.group(0) for name in org_names for m in [re.fullmatch(r"Ministry (?:of|for) (?:the )?(.+)", name)] if m}
    for person in people:
        if person["organization"] in alias_of:
            person["organization"] = alias_of[person["organization"]]
        if person["org_strength"] < 3:  # "Minister of Public Security" works at the "Ministry of Public Security"
            portfolio = re.search(r"Minister (?:of|for) (?:the )?(.+)", f"{person['title'] or ''} {person['role'] or ''}")
            if portfolio and portfolio.group(1).strip() in ministries:
                person["organization"] = ministries[portfolio.group(1).strip()]
    _count_later_mentions(article, people)
    table = pd.DataFrame(people, columns=PERSON_COLUMNS)
    table["aliases"] = table["aliases"].map(lambda a: "; ".join(a) if isinstance(a, list) else a)
    return table


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
    lex = _load()
    readers, _ = _read(article)
    pattern = _place_pattern()
    rows: dict[str, dict] = {}
    demonym_counts: dict[str, int] = {}
    for r in readers:
        blocked = [(r.tokens[o.start].start, r.tokens[o.end - 1].end) for o in r.orgs]
        blocked += [(r.tokens[a].start, r.tokens[b - 1].end) for a, b in r.other_spans]
        blocked += [(r.tokens[p.start].start, p.char_end) for p in r.people]
        text, offset = r.sentence.text, r.sentence.start
        for match in pattern.finditer(text):
            surface = match.group()
            start, end = offset + match.start(), offset + match.end()
            if any(a <= start and end <= b for a, b in blocked):
                continue
            if surface in lex.demonyms and surface not in lex.places:
                demonym_counts[lex.demonyms[surface]] = demonym_counts.get(lex.demonyms[surface], 0) + 1
                continue
            row_data = lex.places.get(surface) or lex.places.get(surface.title()) or lex.places.get(_title_case(surface))
            if row_data is None:
                continue
            if row_data["kind"] == "region" and re.match(r"\s+(?:countries|nations|states|economies|partners|members)\b", text[match.end() :]):
                continue  # "South Pacific countries": a modifier, not a place named as such
            name = surface if not surface.isupper() or len(surface) <= 3 else _title_case(surface)
            name = re.sub(r"^the\s+", "", name)
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


@functools.cache
def _place_pattern() -> re.Pattern:
    lex = _load()
    forms = set(lex.places) | set(lex.demonyms)
    forms |= {f.upper() for f in lex.places if len(f) > 3}
    alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")
