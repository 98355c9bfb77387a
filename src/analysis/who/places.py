"""Places: one gazetteer matcher over the curated ``places.tsv`` (countries, regions, demonyms, formal state
names) and GeoNames (``geonames.tsv``: every city of 15,000 people or more, every country and US state).

A GeoNames town whose name is also an everyday word or given name ("Nice", "Hassan") is a place only in
context: after "in", "at", "from" and the like, before ", COUNTRY", or opening a dateline ("SEOUL —").
A small town needs that context too; the curated list and big cities do not.

>>> lookup("St. Lucia")["name"], lookup("Nice") is not None
('Saint Lucia', True)
"""
from __future__ import annotations

import functools
import re
import unicodedata
from typing import NamedTuple

from ..lexicons import lexicon_texts, load_lexicon, load_table
from .lexicon import lexicons
from .tokens import Token

#: A town of GeoNames with fewer people than this is a place only in context.
KNOWN_POPULATION = 100_000


@functools.cache
def geonames() -> dict[str, tuple[str, str, int, bool]]:
    """Surface form -> (kind, country, population, common) of GeoNames (the most populous of that name)."""
    lex = lexicons()
    vocabulary = lex.title_words | lex.org_heads | lex.not_org_heads | lex.generic_org_words | lex.portfolios | lex.non_name_caps | lex.forms_of_state
    rows: dict[str, tuple[str, str, int, bool]] = {}
    for text in lexicon_texts("geonames.tsv"):  # 45,000 rows: split by hand, csv.DictReader is 3x slower
        for line in text.splitlines()[2:]:
            name, kind, country, population, common = line.split("\t")
            people = int(population)
            if name not in rows or rows[name][2] < people:
                rows[name] = (kind, country, people, common == "1")
    for word in vocabulary:  # "Police" (Poland), "March" (England): the reader's own words are not towns
        rows.pop(word.capitalize(), None)
        rows.pop(word, None)
    return rows


def _geonames_row(name: str) -> dict:
    kind, country, population, common = geonames()[name]
    return {"name": name, "kind": kind, "country": country, "population": population, "common": common, "curated": False}


@functools.cache
def locatives() -> frozenset[str]:
    return frozenset(w.casefold() for w in load_lexicon("place_cues"))


@functools.cache
def directions() -> frozenset[str]:
    return frozenset(load_lexicon("place_directions"))


@functools.cache
def place_kinds() -> frozenset[str]:
    return frozenset(load_lexicon("place_suffixes"))


@functools.cache
def place_divisions() -> frozenset[str]:
    """"Province", "District": written after a place's name, part of it (``place_divisions.txt``)."""
    return frozenset(load_lexicon("place_divisions"))


def _saint(surface: str) -> str:
    return re.sub(r"^St\.?\s+", "Saint ", surface)


@functools.cache
def folded_names() -> dict[str, tuple[str, bool]]:
    """Case-folded form -> (form, curated): "PORT OF SPAIN" is "Port of Spain"."""
    folded = {form.casefold(): (form, False) for form in geonames()}
    folded.update({form.casefold(): (form, True) for form in lexicons().places})
    return folded


def lookup(surface: str) -> dict | None:
    """The curated or GeoNames row of ``surface`` (written as in the text, "St." read as "Saint", a name in
    capitals in any case), or None."""
    lex = lexicons()
    for form in dict.fromkeys((surface, _saint(surface), surface.replace(" ", "-"))):  # "Guinea Bissau"
        if form in lex.places:
            return {**lex.places[form], "curated": True}
        if form in geonames():
            return _geonames_row(form)
    if surface.isupper() and len(surface) > 3 and (hit := folded_names().get(surface.casefold())):
        return lookup(hit[0])
    if (form := unaccented_names().get(surface if surface.isascii() else unaccented(surface))) is not None and form != surface:
        return lookup(form)  # "Perú" is Peru, "Bogota" is Bogotá
    return None


def unaccented(text: str) -> str:
    """``text`` without its diacritics: "Perú" → "Peru", "Bogotá" → "Bogota".

    >>> unaccented("Perú"), unaccented("Kraków")
    ('Peru', 'Krakow')
    """
    if text.isascii():
        return text  # most names: nothing to take off, and sixty thousand of them are read on first use
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@functools.cache
def unaccented_names() -> dict[str, str]:
    """Every place's name without diacritics -> the name as listed (curated names first)."""
    own = {w.casefold() for w in reader_words()}  # "Bank" is no "Bānk": geonames() dropped the reader's words
    names = {key: form for form in geonames() if (key := unaccented(form)).casefold() not in own}
    names.update({unaccented(form): form for form in lexicons().places})
    return names


def with_direction(tokens: list[Token], i: int, blocked: list[bool]) -> int:
    """Where a place at ``i`` starts once a direction word before it is kept: "East Nusa Tenggara"."""
    if i > 0 and not blocked[i - 1] and tokens[i - 1].text.rstrip(".") in directions() and (i < 2 or tokens[i - 2].key != "the" or tokens[i - 1].text != "E"):
        return i - 1
    return i


def formal_start(tokens: list[Token], i: int, blocked: list[bool]) -> int:
    """Where a country at ``i`` starts once its formal name before it is kept: "Republic of Yemen",
    "Hashemite Kingdom of Jordan", "State of Palestine" (the name as the text writes it)."""
    k = i - 1 - (i > 1 and tokens[i - 1].key == "the")
    if k < 1 or tokens[k].key != "of" or tokens[k - 1].key not in lexicons().forms_of_state or not tokens[k - 1].is_cap:
        return i
    start = k - 1
    while start > 0 and start > k - 4 and tokens[start - 1].is_cap and tokens[start - 1].is_word and not blocked[start - 1] and tokens[start - 1].key not in lexicons().non_name_caps:
        start -= 1  # "Hashemite Kingdom", "Socialist Republic", "People's Democratic Republic"
    return start if not any(blocked[start:i]) else i


def in_context(tokens: list[Token], i: int, end: int, text: str) -> bool:
    """Whether tokens[i:end] stand where a place is named: after a locative word, before ", PLACE",
    or as a dateline at the start of the sentence ("JAKARTA, July 4 (Reuters) -", "SEOUL —")."""
    if i > 0 and tokens[i - 1].key in locatives():
        return True
    if i > 1 and tokens[i - 1].text == "," and lookup(tokens[i - 2].text):
        return True  # "Port of Spain, Trinidad", "Labuan Bajo, Nusa Tenggara"
    if i > 1 and tokens[i - 1].key in ("and", "&") and known_place(tokens[i - 2].text):
        return True  # "around Musina and Beitbridge"
    if end + 1 < len(tokens) and tokens[end].text == ",":
        nxt = tokens[end + 1].text
        two = f"{nxt} {tokens[end + 2].text}" if end + 2 < len(tokens) else nxt
        if lexicons().places.get(nxt) or lexicons().places.get(two) or (end + 2 >= len(tokens) and nxt in geonames()):
            return True
    if end + 1 < len(tokens) and tokens[end].text in (",", "and", "&") and known_place(tokens[end + 1].text):
        return True  # "Lancashire, Leicestershire, Hampshire": a list of places
    if i == 0 and end < len(tokens) and tokens[end].text in (",", "—", "–", "-", "("):
        return all(t.is_allcaps or t.is_cap for t in tokens[i:end])
    return False


def known_place(surface: str) -> bool:
    """Whether ``surface`` is a place without context: curated, a country, or a town known well enough."""
    row = lookup(surface)
    return row is not None and (row["curated"] or row["kind"] == "country" or not row["common"] and (row["kind"] == "region" or row["population"] >= KNOWN_POPULATION))


def accept(row: dict, tokens: list[Token], i: int, end: int, text: str) -> bool:
    """Whether a gazetteer match at tokens[i:end] is taken for a place."""
    if row["curated"] or row["kind"] == "country" or (row["kind"] == "region" and not row["common"]):
        return True
    if end < len(tokens) and tokens[end].is_cap and tokens[end].is_word and lookup(tokens[end].text) is None and tokens[end].text not in place_kinds():
        return False  # "Jackson International Airport", "Dusit D2 Complex": part of a longer name
    if row["common"] or row["population"] < KNOWN_POPULATION and not holds_known_place(tokens, i, end):
        return in_context(tokens, i, end, text)
    return True


def holds_known_place(tokens: list[Token], i: int, end: int) -> bool:
    """Whether a town's name of two words or more holds a place known on its own, which would be read instead:
    "Port of Spain" (not "Spain"); "Port Area" and "Mission District" hold none and still need context."""
    return end - i >= 2 and any(known_place(t.text) for t in tokens[i:end])


@functools.cache
def reader_words() -> frozenset[str]:
    """The reader's own vocabulary (titles, heads, portfolios ...): words that name no place."""
    lex = lexicons()
    return lex.title_words | lex.org_heads | lex.not_org_heads | lex.generic_org_words | lex.portfolios | lex.non_name_caps | lex.unit_words


def division_name_size(tokens: list, i: int, blocked: list[bool]) -> int:
    """How many tokens from ``i`` name an administrative division the gazetteer does not list: one to three
    capitalised words that are no title, body or portfolio word, then "District", "Province" ... of
    ``place_divisions.txt`` ("Kirehe District", "Bounkani Region"); 0 if none."""
    lex = lexicons()
    if i > 0 and tokens[i - 1].is_allcaps:
        return 0  # "CBSA Atlantic Region": a body's region, not a place
    vocabulary = reader_words()
    for size in (1, 2, 3):
        k = i + size
        if k >= len(tokens) or any(blocked[i : k + 1]) or tokens[k].text not in place_divisions():
            continue
        words = tokens[i:k]
        if all(t.is_cap and t.is_word and not t.is_allcaps and t.key not in vocabulary and t.text not in lex.demonyms for t in words):
            return size
        return 0
    return 0


class KindCues(NamedTuple):
    kinds: dict[tuple[str, ...], str]  # ("town", "of") -> "city"
    phrases: tuple[tuple[str, ...], ...]  # ("port", "city", "of"), ("city", "of"): longest first
    last_words: frozenset[str]  # "of"
    longest: int


@functools.cache
def place_kind_cues() -> KindCues:
    """The cues of ``place_kind_cues.tsv`` as word tuples with the kind of place they name.

    >>> place_kind_cues().kinds[("town", "of")], place_kind_cues().kinds[("island", "of")]
    ('city', 'region')
    """
    kinds = {tuple(row["cue"].casefold().split()): row["kind"] for row in load_table("place_kind_cues")}
    phrases = tuple(sorted(kinds, key=len, reverse=True))
    return KindCues(kinds, phrases, frozenset(p[-1] for p in phrases), max((len(p) for p in phrases), default=0))


def dateline_city_size(tokens: list, blocked: list[bool]) -> int:
    """How many tokens open a dateline's city the gazetteer does not list: one to three capitalised words, a
    comma, a country, then a dash or a bracket ("Opatija, Croatia - The conference ..."); 0 if none.

    >>> from analysis.who.tokens import tokenize
    >>> tokens = tokenize("Opatija, Croatia - The conference opened.")
    >>> dateline_city_size(tokens, [False] * len(tokens)), dateline_city_size(tokens[2:], [False] * len(tokens))
    (1, 0)
    """
    size = 0
    while size < 3 and size < len(tokens) and tokens[size].is_cap and tokens[size].is_word and not blocked[size]:
        size += 1
    if not size or size + 2 >= len(tokens) or tokens[size].text != ",":
        return 0
    for country in (3, 2, 1):
        after = size + 1 + country
        if after < len(tokens) and (row := lookup(" ".join(t.text for t in tokens[size + 1 : after]))) and row["kind"] == "country" and tokens[after].text in ("-", "–", "—", "("):
            return size
    return 0


def named_after_kind(tokens: list, i: int, blocked: list[bool]) -> tuple[int, str] | None:
    """``(how many tokens, kind)`` of a place named from ``i`` that a phrase before it says is one, though the
    gazetteer does not list it: "in the city of | Shkodra", "the island of | Lombok" (``place_kind_cues.tsv``).
    One to three capitalised words, not a facility's or a body's name ("the village of Tafaigata Prison").

    >>> from analysis.who.tokens import tokenize
    >>> tokens = tokenize("They met in the town of Tabarre for the gathering.")
    >>> named_after_kind(tokens, 6, [False] * len(tokens)), named_after_kind(tokens, 2, [False] * len(tokens))
    ((1, 'city'), None)
    """
    cues = place_kind_cues()
    if i == 0 or tokens[i - 1].key not in cues.last_words:
        return None  # most words: no cue ends right before them
    keys = [t.key for t in tokens[max(0, i - cues.longest) : i]]
    cue = next((c for c in cues.phrases if len(c) <= len(keys) and tuple(keys[-len(c):]) == c), None)
    if cue is None:
        return None
    vocabulary = reader_words()
    size = 0
    while i + size < len(tokens) and size < 4 and not blocked[i + size] and tokens[i + size].is_cap and tokens[i + size].is_word and (
        tokens[i + size].key not in vocabulary and tokens[i + size].text not in lexicons().demonyms
    ):
        size += 1
    after = tokens[i + size] if i + size < len(tokens) else None
    if not 0 < size <= 3 or after is not None and after.is_cap and after.is_word or any(t.text in lexicons().facility_words for t in tokens[i : i + size]):
        return None  # "Tafaigata Prison", "Alpha Beta Gamma Delta": a facility's name, or a longer name than a place's
    return size, cues.kinds[cue]


def bare_direction(surface: str, tokens: list, end: int) -> bool:
    """Whether ``surface`` is a direction alone ("Northern", a GeoNames region of Ghana), with no division
    after it at ``end``: then it is no place ("in Northern Mexico"), while "Northern Region" is one.

    >>> from analysis.who.tokens import tokenize
    >>> tokens = tokenize("in Northern Mexico and the Northern Region")
    >>> bare_direction("Northern", tokens, 2), bare_direction("Northern", tokens, 6)
    (True, False)
    """
    return surface.rstrip(".") in directions() and not (end < len(tokens) and tokens[end].text in place_divisions())
