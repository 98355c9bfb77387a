"""The article model: raw text, metadata, paragraphs and sentences with character offsets.

Every table in the package points back into ``Article.text`` through the
``start``/``end`` offsets of the paragraph or sentence it came from.

>>> article = parse_article("A title\\nby Jane Doe | Aug 29, 2024\\n\\nDr. Lee spoke. Then he left.")
>>> article.title, article.author, str(article.published), len(article.body_sentences)
('A title', 'Jane Doe', '2024-08-29', 2)
"""
from __future__ import annotations

import bisect
import datetime as dt
import functools
import hashlib
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .lexicons import load_lexicon
from .datelines import MAX_LINE, is_short_line, parse_date_line, publication_line, read_date_line
from .segment import sentence_spans

__all__ = ["Article", "Paragraph", "Sentence", "load_article", "parse_article", "parse_date_line"]

#: Paragraph kinds, in reading order.
TITLE, BYLINE, BODY, TAGLINE = "title", "byline", "body", "tagline"

_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


@dataclass(frozen=True)
class Paragraph:
    """One block of text: ``kind`` is title, byline, body or tagline."""

    index: int
    kind: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Sentence:
    """One sentence; ``paragraph`` indexes ``Article.paragraphs``."""

    index: int
    paragraph: int
    kind: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Article:
    """A parsed article. Build it with :func:`load_article` or :func:`parse_article`."""

    text: str
    title: str | None = None
    author: str | None = None
    published: dt.date | None = None
    paragraphs: tuple[Paragraph, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    source: str | None = None
    id: str = ""
    url: str | None = None
    meta: dict = field(default_factory=dict, compare=False)

    @cached_property
    def body_paragraphs(self) -> tuple[Paragraph, ...]:
        return tuple(p for p in self.paragraphs if p.kind == BODY)

    @cached_property
    def body_sentences(self) -> tuple[Sentence, ...]:
        return tuple(s for s in self.sentences if s.kind == BODY)

    @cached_property
    def body(self) -> str:
        """The text without title, byline and tagline, paragraphs separated by blank lines."""
        return "\n\n".join(p.text for p in self.body_paragraphs)

    @cached_property
    def tagline(self) -> str | None:
        return next((p.text for p in self.paragraphs if p.kind == TAGLINE), None)

    @cached_property
    def word_count(self) -> int:
        return len(_WORD.findall(self.body))

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence holding character ``offset`` of ``text`` (found by bisection)."""
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and offset < self.sentences[i].end:
            return self.sentences[i]
        return None

    def __repr__(self) -> str:
        return (
            f"Article(id={self.id!r}, title={self.title!r}, author={self.author!r}, "
            f"published={self.published!s}, paragraphs={len(self.body_paragraphs)}, "
            f"sentences={len(self.body_sentences)}, words={self.word_count})"
        )

    def __str__(self) -> str:
        lines = [
            f"title:      {self.title}",
            f"author:     {self.author}",
            f"published:  {self.published}",
            f"source:     {self.source}",
            f"paragraphs: {len(self.body_paragraphs)} body"
            + (" + tagline" if self.tagline else ""),
            f"sentences:  {len(self.body_sentences)}",
            f"words:      {self.word_count}",
        ]
        for sentence in self.body_sentences[:3]:
            lines.append(f"  [{sentence.index}] {sentence.text[:100]}{'…' if len(sentence.text) > 100 else ''}")
        if self.tagline:
            lines.append(f"tagline:    {self.tagline}")
        return "\n".join(lines)


# --- layout ------------------------------------------------------------------

_BY_AUTHOR = re.compile(r"^by\s+(?P<author>.+?)(?:\s*(?:\||·|•|–|—|-|:|,)\s*(?P<date>.+))?$", re.IGNORECASE)
_TERMINAL = re.compile(r"[.!?…][\"'”’)]*$")
_QUOTED = re.compile(r"^[\"'“‘].*[\"'”’]$")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _parse_byline(line: str) -> tuple[str | None, dt.date | None] | None:
    """``(author, date)`` when ``line`` is a byline (a date line, or "by" and an author), else None."""
    if len(line) > MAX_LINE:
        return None
    found = read_date_line(line)
    if found is not None:
        return found.author, found.date
    match = _BY_AUTHOR.match(line)
    if match and len(match["author"].split()) <= 6 and not _TERMINAL.search(line):
        return f"{match['author']} {match['date'] or ''}".strip(), None
    return None


#: how many short lines (a source, an author in capitals, "Press Release") may stand between the title and the date line
_HEADER_LINES = 3


def _later_byline(text: str, blocks: list[tuple[int, int]], kinds: list[str], first: int) -> tuple[str | None, bool]:
    """Mark a date line a few blocks down as a byline, and the author line before it: (that author, found).

    Between the title and the date line may stand short header lines ("TALEBULA KATE", "Izvor: FoNet",
    "Press Release") and one standfirst paragraph when an author line or the date line follows it ("PHUKET:
    ..." / "By Eakkapop Thongtub" / "Thursday 31 October 2019, 12:32PM"; "Rwanda National Police and ..." /
    "Monday, December 04, 2017"). The skipped blocks stay body.
    """
    author_at, standfirst = None, False
    for k in range(first, min(first + _HEADER_LINES + 1, len(blocks) - 1)):
        line = text[slice(*blocks[k])]
        found = read_date_line(line)
        if found is not None and found.date is not None:
            kinds[k] = BYLINE
            if author_at is not None:
                kinds[author_at] = BYLINE
                return _BY_AUTHOR.match(text[slice(*blocks[author_at])])["author"].strip(), True
            return None, True
        if _BY_AUTHOR.match(line) and is_short_line(line):
            author_at = k
        elif not is_short_line(line):
            following = text[slice(*blocks[k + 1])]
            dated = (found := read_date_line(following)) is not None and found.date is not None
            if standfirst or author_at is not None or not (_BY_AUTHOR.match(following) and is_short_line(following) or dated):
                return None, False
            standfirst = True
    return None, False


def _is_tagline(text: str) -> bool:
    words = len(_WORD.findall(text))
    return 0 < words <= 10 and (not _TERMINAL.search(text) or bool(_QUOTED.match(text)))


def _is_title(text: str, n_blocks: int) -> bool:
    return n_blocks > 1 and len(_WORD.findall(text)) <= 40 and not (len(text) > 200 and _TERMINAL.search(text))


@functools.cache
def _clutter() -> re.Pattern:
    """Page furniture at the start of a line (``page_clutter.txt``), with the spaces after it."""
    phrases = sorted(load_lexicon("page_clutter"), key=len, reverse=True)
    return re.compile(r"\s*(?:" + "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases) + r")(?-i:(?![a-z]))\s*", re.I)


def _blocks(text: str) -> list[tuple[int, int]]:
    """Offsets of the non-blank lines of ``text``, trimmed, without the page furniture that opens a line
    ("Article continues after this advertisement")."""
    spans = []
    for match in re.finditer(r"[^\r\n]+", text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while (clutter := _clutter().match(text, start, end)) and clutter.end() > start:
            start = clutter.end()
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            spans.append((start, end))
    return spans


def parse_article(
    text: str,
    *,
    title: str | None = None,
    author: str | None = None,
    published: dt.date | None = None,
    source: str | None = None,
    id: str | None = None,
    url: str | None = None,
) -> Article:
    """Parse plain text in the press-release layout: title, optional byline, body, optional tagline.

    Metadata passed in (e.g. from an HTML page) wins over what the layout suggests.
    """
    text = _LONE_SURROGATE.sub("\ufffd", text)
    blocks = _blocks(text)
    kinds = [BODY] * len(blocks)
    first_body = 0
    lines, got_author, got_date = 0, False, False
    opening = _parse_byline(text[slice(*blocks[0])]) if title is None and len(blocks) > 1 else None
    if opening is not None and opening[1] is not None:  # a date line first: never the title
        kinds[0], first_body, lines, got_author, got_date = BYLINE, 1, 1, bool(opening[0]), True
        author = author or opening[0]
        second = text[slice(*blocks[1])]
        if len(blocks) > 2 and _is_title(second, len(blocks)) and not _TERMINAL.search(second):
            kinds[1], title, first_body = TITLE, second, 2  # "July 4, 2023" / "Police sign pact" / body
    elif blocks and title is None and _is_title(text[slice(*blocks[0])], len(blocks)):
        kinds[0] = TITLE
        title = text[slice(*blocks[0])]
        first_body = 1
    # a byline, or two when the second adds what the first lacks: "By Jane Doe" / "July 4, 2023"
    while lines < 2 and first_body < len(blocks) - 1:
        byline = _parse_byline(text[slice(*blocks[first_body])])
        if byline is None:
            break
        line_author, line_date = byline
        if lines and not ((line_date and not got_date) or (line_author and not line_date and not got_author)):
            break
        kinds[first_body] = BYLINE
        author = author or line_author
        got_author, got_date = got_author or bool(line_author), got_date or line_date is not None
        first_body, lines = first_body + 1, lines + 1
    if not got_date:
        later_author, got_date = _later_byline(text, blocks, kinds, first_body)
        author = author or later_author
    if len(blocks) - first_body >= 2 and _is_tagline(text[slice(*blocks[-1])]):
        kinds[-1] = TAGLINE
    if not got_date:  # a date line closing the article: "Ends/Thursday, August 3, 2017" / "Issued at HKT 22:16"
        for k in range(len(blocks) - 1, max(first_body, len(blocks) - 3), -1):
            found = read_date_line(text[slice(*blocks[k])])
            if found is not None and found.date is not None:
                kinds[k] = BYLINE
                break

    if published is None:  # the date line's date, or a wire dateline's ("JAKARTA, July 4 (Reuters) -")
        found = publication_line(((kind, start, text[start:end]) for (start, end), kind in zip(blocks, kinds)), url=url)
        published = found.date if found else None

    paragraphs, sentences = [], []
    for index, ((start, end), kind) in enumerate(zip(blocks, kinds)):
        paragraphs.append(Paragraph(index, kind, start, end, text[start:end]))
        spans = sentence_spans(text, start, end) if kind == BODY else [(start, end)]
        for s_start, s_end in spans:
            sentences.append(Sentence(len(sentences), index, kind, s_start, s_end, text[s_start:s_end]))

    if id is None:
        id = Path(source).stem if source else hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return Article(
        text=text,
        title=title,
        author=author,
        published=published,
        paragraphs=tuple(paragraphs),
        sentences=tuple(sentences),
        source=source,
        id=id,
        url=url,
    )


def load_article(source: str | Path | bytes | None = None, *, text: str | None = None) -> Article:
    """Read an article from a file path, a URL, bytes, or ``text=`` (see :func:`analysis.sources.read_source`).

    >>> load_article("data/articles/iscr-2024.txt").author  # doctest: +SKIP
    'muhammad anas'
    """
    from .sources import read_source

    document = read_source(source, text=text)
    return parse_article(document.text, **document.metadata)
