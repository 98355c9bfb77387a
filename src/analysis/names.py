"""Names as keys: how the genre writes one person or one organization in several ways.

A person's name is read into a :class:`PersonName`: honorifics and ranks written inside it
("Hj.", "Dato’", "Dr.", "ACP") are dropped, patronymic markers ("bin", "binti", "a/l") are
dropped, a family name written in capitals ("CHO Ji Ho", "Sang Eun LEE") is marked as the
family name, initials ("E. Misiūnas") are kept as initials, a generational suffix ("Jr.")
is kept because it tells a father from his son, and a nickname in quotes is set aside.
Comparison is on accent-free, case-free tokens.

An organization's name is read into a key: case, accents, punctuation, "the", small
connecting words and word order do not count, and a demonym counts as its country
("Royal Malaysian Police" = "Royal Malaysia Police", "Vietnamese Ministry of Public
Security" = "Ministry of Public Security of Vietnam").

>>> person_name("Bakri bin Hj. Zainal Abidin").key == person_name("Bakri Zainal Abidin").key
True
>>> person_name("CHO Ji Ho").family, person_name("E. Misiūnas").initials
('cho', ('e',))
>>> organization_key("Royal Malaysian Police") == organization_key("the Royal Malaysia Police")
True
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

_QUOTED = re.compile(r"[\"“”«»„]([^\"“”«»„]{1,40})[\"“”«»„]|(?<!\w)[‘']([^‘’']{1,40})[’'](?!\w)")
_SPLIT = re.compile(r"[\s\u00a0]+")
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "v"}
# Ranks and honorifics that the lexicons may not hold in every spelling, as folded tokens.
_EXTRA_HONORIFICS = {
    "hj", "hjh", "haji", "hajjah", "dato", "datuk", "datin", "seri", "sri", "tan", "puan", "toh", "tun",
    "mr", "mrs", "ms", "dr", "prof", "he", "amb", "hon", "sir", "dame", "engr", "atty", "gen", "col", "maj",
    "lt", "capt", "cpt", "sgt", "insp", "supt", "pol", "brig", "cmdr", "adm", "sen", "snr", "ltc", "ltcol",
}
# Tokens in "_EXTRA_HONORIFICS" that are also common given names or surnames: dropped only
# when another honorific precedes them ("Tan Sri Khalid", "Dato' Sri Mohd") or they lead the name
# and are followed by another honorific.
_AMBIGUOUS = {"tan", "seri", "sri", "puan", "toh", "tun", "he", "sen", "pak", "ibu", "khun", "awang", "dayang", "lord", "lady", "yang", "mulia", "ir", "drs", "b"}


def fold(text: str) -> str:
    """``text`` without accents, case or typographic quotes: the form names are compared in.

    >>> fold("Misiūnas"), fold("Dato’ Sri"), fold("Việt Nam")
    ('misiunas', "dato' sri", 'viet nam')
    """
    text = str(text)
    if text.isascii():
        return text.casefold().replace("`", "'")
    return _fold_cached(text)


@functools.lru_cache(maxsize=1 << 16)
def _fold_cached(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'").replace("‘", "'").replace("ʼ", "'").replace("`", "'")
    return text.replace("đ", "d").replace("ø", "o").replace("ł", "l").replace("ı", "i")


def _token(raw: str) -> str:
    """A folded name token without dots, quotes and edge punctuation ("Hj." → "hj", "‘Aini" → "aini")."""
    return fold(raw).replace(".", "").replace("'", "").strip(",;:()[]{}-")


@functools.cache
def _honorific_tokens() -> frozenset[str]:
    """Every word of every honorific and abbreviated rank in the lexicons, folded."""
    from .lexicons import load_lexicon, load_table

    words = set(_EXTRA_HONORIFICS)
    for entry in load_lexicon("honorifics"):
        words.update(_token(w) for w in entry.split())
    for row in load_table("title_abbreviations"):
        abbreviation = _token(row.get("abbreviation") or "")
        if abbreviation:
            words.add(abbreviation)
    words.discard("")
    return frozenset(words)


@functools.cache
def patronymic_particles() -> frozenset[str]:
    """"bin", "a/l", "b": the words naming a father, folded and without dots (``patronymic_particles.txt``).

    >>> {"bin", "a/l"} <= patronymic_particles()
    True
    """
    from .lexicons import load_lexicon

    return frozenset(_token(w) for w in load_lexicon("patronymic_particles"))


def _own_name_first(tokens: tuple[str, ...], own: str) -> list[str]:
    """``tokens`` sorted, with a patronymic name's ``own`` name first."""
    if own not in tokens:
        return sorted(tokens)
    rest = list(tokens)
    rest.remove(own)
    return [own, *sorted(rest)]


@dataclass(frozen=True, slots=True)
class PersonName:
    """A person's name read for comparison (all tokens folded).

    ``given`` are the name's tokens other than the family name, ``initials`` the first letters
    of the given names written as initials, ``family`` the family name (the token in capitals
    when one is, else the last token), ``suffix`` a generational suffix, ``dropped`` the
    honorifics and markers removed. ``key`` is equal for the same name written with or without
    honorifics, markers, accents or capitals; ``sorted_key`` also for the same words in another
    order ("CHO Ji Ho" and "Ji Ho Cho"), except that a name with a patronymic marker keeps its own name
    first, as it tells the son from the father ("Abdullah bin Rashid", "Rashid bin Abdullah").
    """

    text: str
    tokens: tuple[str, ...]
    given: tuple[str, ...]
    initials: tuple[str, ...]
    family: str
    suffix: str = ""
    family_first: bool = False
    dropped: tuple[str, ...] = ()
    nickname: str = ""
    key: str = ""
    sorted_key: str = ""

    @property
    def full(self) -> tuple[str, ...]:
        """Tokens that are whole words (not initials)."""
        return tuple(t for t in self.tokens if len(t) > 1)

    @property
    def is_single(self) -> bool:
        """Only one word is left: a surname (or given name) on its own."""
        return len(self.tokens) == 1

    @property
    def has_initials(self) -> bool:
        return bool(self.initials)


def person_name(text: str) -> PersonName:
    """Read a person's name (see the module's docstring).

    >>> n = person_name("Hj. Mohd Yusoff bin Mamat")
    >>> n.key, n.dropped
    ('mohd yusoff mamat', ('Hj.', 'bin'))
    >>> person_name("Ronald “Bato” de la Rosa").key, person_name("Francisco Uyami Jr.").suffix
    ('ronald de la rosa', 'jr')
    """
    text = " ".join(str(text).split())
    nickname = ""
    match = _QUOTED.search(text)
    if match and _QUOTED.sub(" ", text).strip():
        nickname = (match.group(1) or match.group(2) or "").strip()
        text_wo = _QUOTED.sub(" ", text)
    else:
        text_wo = text
    raw = [w for w in _SPLIT.split(text_wo.replace(",", " ")) if w]
    honorifics = _honorific_tokens()
    kept: list[str] = []
    dropped: list[str] = []
    suffix = ""
    own = ""
    previous_dropped = True  # at the start, an honorific may lead
    for index, word in enumerate(raw):
        token = _token(word)
        following = _token(raw[index + 1]) if index + 1 < len(raw) else ""
        if not token:
            continue
        if token in _SUFFIXES and kept:
            suffix = token
            continue
        if token in patronymic_particles() and kept and index + 1 < len(raw):
            if len(token) > 1 and not own:
                own = _token(re.split(r"[-‐]", kept[-1])[-1])  # "Abdullah bin Rashid": the son's own name ("b." may be an initial)
            dropped.append(word)
            previous_dropped = False
            continue
        if token in honorifics and index + 1 < len(raw) and not (len(token) == 1 and "." in word):  # "U." is an initial, "U" Burmese
            ambiguous = token in _AMBIGUOUS and "." not in word  # "H.E." is an honorific, "He" may be a name
            if not ambiguous or previous_dropped and (dropped or following in honorifics):
                dropped.append(word)
                previous_dropped = True
                continue
        previous_dropped = False
        kept.append(word)
    if not kept:  # nothing but honorifics: keep the text as it is
        kept = [w for w in raw if _token(w)]
    parts: list[str] = []
    caps: list[bool] = []
    for word in kept:
        pieces = [p for p in re.split(r"[-‐]", word) if _token(p)] if "-" in word or "‐" in word else [word]
        for piece in pieces:
            parts.append(_token(piece))
            letters = [c for c in piece if c.isalpha()]
            caps.append(len(letters) >= 2 and all(c.isupper() for c in letters))
    tokens = tuple(parts)
    family_index = len(tokens) - 1
    family_first = False
    if 0 < sum(caps) < len(caps):  # one word in capitals among mixed case: the family name
        family_index = caps.index(True)
        family_first = family_index == 0
    family = tokens[family_index] if tokens else ""
    given = tuple(t for i, t in enumerate(tokens) if i != family_index)
    initials = tuple(t for t in given if len(t) == 1)
    tail = f" {suffix}" if suffix else ""
    return PersonName(
        key=" ".join(tokens) + tail,
        sorted_key=" ".join(_own_name_first(tokens, own)) + tail,
        text=text,
        tokens=tokens,
        given=given,
        initials=initials,
        family=family,
        suffix=suffix,
        family_first=family_first,
        dropped=tuple(dropped),
        nickname=nickname,
    )


def compatible(short: PersonName, long: PersonName) -> bool:
    """Whether ``short`` can be a shorter way of writing ``long``: the same family name, and the
    other words of ``short`` found in ``long`` in order, an initial matching a word's first letter.
    A one-word ``short`` is not compatible here (a surname alone is decided with more evidence).

    >>> compatible(person_name("E. Misiūnas"), person_name("Eduardas Misiūnas"))
    True
    >>> compatible(person_name("Anthony J Alcantara"), person_name("Anthony Joseph Alcantara"))
    True
    >>> compatible(person_name("John Smith"), person_name("Mary Smith")), compatible(person_name("J. Smith"), person_name("M. Smith"))
    (False, False)
    """
    if short.is_single or not long.tokens or short.suffix != long.suffix and short.suffix and long.suffix:
        return False
    if short.family != long.family and short.family not in long.tokens:
        return False
    short_rest = list(short.given)
    if long.family == short.family:
        long_rest = list(long.given)
    else:  # the family name elsewhere in the longer name: drop its last occurrence
        index = len(long.tokens) - 1 - long.tokens[::-1].index(short.family)
        long_rest = [*long.tokens[:index], *long.tokens[index + 1 :]]
    if not short_rest:
        return False
    # the first given word (or its initial) must agree: "J. Smith" is not "Mary J. Smith"
    if not _same_word(short_rest[0], long_rest[0]) if long_rest else True:
        return False
    position = 0
    for word in short_rest:
        while position < len(long_rest) and not _same_word(word, long_rest[position]):
            position += 1
        if position == len(long_rest):
            return False
        position += 1
    return True


def _same_word(a: str, b: str) -> bool:
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return a == b


# --- organizations ---------------------------------------------------------------------------------

_ORG_STOP = {"the", "of", "for", "on", "and", "in", "at", "de", "du", "des", "la", "le", "el", "del", "to"}
_ORG_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)


@functools.cache
def _demonyms() -> dict[tuple[str, ...], str]:
    """Folded demonym or country alias (as a word tuple) → folded country name."""
    from .lexicons import load_table

    table: dict[tuple[str, ...], str] = {}
    for row in load_table("places"):
        if (row.get("kind") or "") != "country":
            continue
        country = fold(row.get("name") or "")
        for form in (row.get("demonyms") or "").split(";"):
            words = tuple(_ORG_WORD.findall(fold(form)))
            if words:
                table.setdefault(words, country)
        for form in (row.get("aliases") or "").split(";"):
            words = tuple(_ORG_WORD.findall(fold(form)))
            if len(words) > 1 or (words and len(words[0]) > 3):
                table.setdefault(words, country)
    countries = {fold(row.get("name") or "") for row in load_table("places") if row.get("kind") == "country"}
    for row in load_table("demonyms"):  # generated from countryinfo ("Guyanese"); the hand list above wins
        if (words := tuple(_ORG_WORD.findall(fold(row["demonym"])))) and fold(row["country"]) in countries:
            table.setdefault(words, fold(row["country"]))
    return table


def organization_words(name: str) -> tuple[str, ...]:
    """The folded words of an organization's name that count: demonyms as their country, no "the"/"of".

    >>> organization_words("Philippine Center on Transnational Crime")
    ('philippine', 'center', 'transnational', 'crime')
    >>> organization_words("State Bureau of Investigations") == organization_words("State Bureau of Investigation")
    True
    """
    words = [w.removesuffix("'s").replace("'", "") for w in _ORG_WORD.findall(fold(name).replace("&", " and "))]
    demonyms = _demonyms()
    longest = max((len(k) for k in demonyms), default=1)
    out: list[str] = []
    index = 0
    while index < len(words):
        for size in range(min(longest, len(words) - index), 0, -1):
            country = demonyms.get(tuple(words[index : index + size]))
            if country is not None:
                out.extend(_singular(w) for w in country.split())
                index += size
                break
        else:
            if words[index] not in _ORG_STOP:
                out.append(_singular(words[index]))
            index += 1
    return tuple(out)


def _singular(word: str) -> str:
    """A folded word without a plural "s": "investigations" and "investigation" name one bureau."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")) else word


@functools.lru_cache(maxsize=1 << 16)
def organization_key(name: str) -> str:
    """Equal for the same organization's name in another case, spelling of its country, or word order.

    >>> organization_key("Ministry of Public Security of Vietnam") == organization_key("Vietnamese Ministry of Public Security")
    True
    >>> organization_key("Cambodia National Police") == organization_key("Indonesia National Police")
    False
    """
    words = organization_words(name)
    return " ".join(sorted(words)) if words else fold(name).strip()


@functools.cache
def country_words() -> frozenset[str]:
    """Folded words of country names: two names that differ in one of these are two organizations."""
    return frozenset(w for country in set(_demonyms().values()) for w in country.split())


def initialism(name: str) -> str:
    """The capital initials of ``name``'s words ("Korean National Police Agency" → "knpa"), folded.

    >>> initialism("Association of Southeast Asian Nations"), initialism("Philippine Center on Transnational Crime")
    ('asean', 'pctc')
    """
    letters = []
    for word in _ORG_WORD.findall(str(name)):
        if fold(word) in _ORG_STOP:
            continue
        letters.append(word[0])
        if fold(word) == "southeast":
            letters.append("e")  # "ASEAN": South-East
    return fold("".join(letters))


def looks_like_acronym(name: str) -> bool:
    """One word, mostly capitals or a known single-word name ("INTERPOL", "Europol", "KNPA")."""
    words = str(name).split()
    if len(words) != 1:
        return False
    letters = [c for c in words[0] if c.isalpha()]
    return len(letters) >= 2 and (sum(c.isupper() for c in letters) >= 2 or words[0][0].isupper())


def clear_caches() -> None:
    """Empty the caches of the name readers (they speed up one resolution, then only hold memory)."""
    for function in (organization_key, _fold_cached):
        function.cache_clear()
