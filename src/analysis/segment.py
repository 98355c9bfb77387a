"""Sentence boundaries for news text: abbreviations, initials and curly quotes.

>>> text = "H.E. Yoon Seok-yeol spoke. Mr. K. Ramos agreed."
>>> [text[s:e] for s, e in sentence_spans(text)]
['H.E. Yoon Seok-yeol spoke.', 'Mr. K. Ramos agreed.']
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from .lexicons import load_lexicon

# A terminator run, any closing quotes or brackets, then the white space before the next sentence.
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*(\s+)")
_OPENERS = "\"'“‘([«"
_DOTTED_ACRONYM = re.compile(r"(?:[A-Za-z]\.){2,}$")
_WORD_BEFORE = re.compile(r"([\w.'’-]+)$")
_NAME_ABBREVIATION = re.compile(r"[A-Z][a-z]{1,2}\.")
_CAPITALISED_BEFORE = re.compile(r"\b[A-Z][\w’'-]*\s+$")


def _is_abbreviation(word: str, next_char: str) -> bool:
    """Whether ``word`` (the token before a full stop, dot included) is an abbreviation, not a sentence end."""
    if _DOTTED_ACRONYM.search(word):  # H.E., U.S., a.m.
        return True
    bare = word.rstrip(".").rsplit(".", 1)[-1].casefold()
    if len(bare) == 1 and bare.isalpha():  # an initial: Alexander K. Ramos
        return True
    if bare in _abbreviations():
        return True
    return next_char.isdigit() and bare in _numeric_abbreviations()


@functools.cache
def _abbreviations() -> frozenset[str]:
    """The abbreviations lexicon plus every dotted honorific, rank and title ("Pol.", "Snr.", "Supt.")."""
    dotted = {
        word.rstrip(".").casefold()
        for name in ("honorifics", "title_heads", "title_modifiers")
        for entry in load_lexicon(name)
        for word in entry.split()
        if word.endswith(".")
    }
    return frozenset(load_lexicon("abbreviations")) | dotted


@functools.cache
def _numeric_abbreviations() -> frozenset[str]:
    return frozenset(load_lexicon("abbreviations_before_numbers"))


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` offsets of the sentences in ``text[start:end]``, trimmed of white space."""
    end = len(text) if end is None else end
    cursor = start
    for match in _BOUNDARY.finditer(text, start, end):
        after = match.end()
        next_char = text[after] if after < end else ""
        if next_char and not (next_char.isupper() or next_char.isdigit() or next_char in _OPENERS):
            continue
        terminator = text[match.start()]
        if terminator == ".":
            word = _WORD_BEFORE.search(text, max(cursor, match.start() - 64), match.start() + 1)
            if word and _is_abbreviation(word.group(1), next_char):
                continue
            if word and _NAME_ABBREVIATION.fullmatch(word.group(1)) and _CAPITALISED_BEFORE.search(text, max(cursor, word.start() - 64), word.start()):
                continue  # an abbreviated part of a name: "Apichit Ch. Rotsaprat", "Mohd Md. Din"
        stop = match.start(1)
        yield from _trimmed(text, cursor, stop)
        cursor = after
    yield from _trimmed(text, cursor, end)


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        yield start, end
