"""Date lines: the publication date written in a byline, a "Published:" line, a timestamp or a wire dateline.

One grammar for :class:`~analysis.article.Article` (its ``published``) and :func:`analysis.dates` (its
"publication" row), so the two always agree. Month and weekday names come from the ``dates_months`` and
``dates_weekdays`` lexicons, the labels that open a date line ("Published:", "Posted on") from
``dates_line_labels``. Numeric dates are read only where the order is certain: year first
("2023-07-04", "2023/7/4", "2023-07-04T09:30:00+07:00"), or a day above 12 ("20/5/2014").

>>> read_date_line("Published: 12 March 2023").date
datetime.date(2023, 3, 12)
>>> parse_date_line("2023-07-04T09:30:00+07:00"), parse_date_line("Posted on July 4, 2023 by Jane Doe")
(datetime.date(2023, 7, 4), datetime.date(2023, 7, 4))
>>> parse_date_line("05/06/2023") is None  # day-first or month-first: nobody can tell
True
>>> wire = read_wire_dateline("JAKARTA, July 4 (Reuters) - Police said ...")
>>> wire.year, wire.month, wire.day, wire.form
(None, 7, 4, 'wire')
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, replace
from typing import Iterable, NamedTuple

from .lexicons import load_lexicon

__all__ = [
    "DateLine", "alternation", "is_short_line", "month_names", "month_pattern", "weekday_names",
    "parse_date_line", "publication_line", "read_date_line", "read_today", "read_wire_dateline", "url_date",
]

#: the longest line read as a date line (a byline with an author, a label, a date and a time)
MAX_LINE = 160


def alternation(words: Iterable[str]) -> str:
    """A regular-expression alternation of ``words``, longest first, inner spaces matching any whitespace.

    >>> alternation(["may", "march 1"])
    'march\\\\s+1|may'
    """
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=lambda w: (-len(w), w)))


def _numbered(name: str) -> dict[str, int]:
    """``{"january": 1, "jan": 1, ...}`` from lines ``NUMBER word word ...``."""
    table: dict[str, int] = {}
    for line in load_lexicon(name):
        number, *words = line.split()
        for word in words:
            table.setdefault(word.casefold(), int(number))
    return table


@functools.cache
def month_names() -> dict[str, int]:
    """Every spelling of a month (case-folded) -> its number, from ``dates_months.txt``.

    >>> month_names()["sept"], month_names()["december"]
    (9, 12)
    """
    return _numbered("dates_months")


@functools.cache
def weekday_names() -> dict[str, int]:
    """Every spelling of a weekday (case-folded) -> its ISO number (Monday = 1), from ``dates_weekdays.txt``."""
    return _numbered("dates_weekdays")


@functools.cache
def month_pattern(abbreviations: bool = True) -> str:
    """A month name: a full spelling ends at a word boundary, an abbreviation ("Sept.") may take a full stop.

    An abbreviation is a spelling that begins a longer one ("sept" of "september"); ``abbreviations=False``
    leaves them out.
    """
    months = month_names()
    full = [w for w in months if not any(o != w and o.startswith(w) for o in months)]
    short = set(months) - set(full)
    if not abbreviations or not short:
        return rf"(?:(?:{alternation(full)})\b)"
    return rf"(?:(?:{alternation(full)})\b|(?:{alternation(short)})(?:\.|\b))"


@dataclass(frozen=True)
class DateLine:
    """A date read from a date line: ``line[start:end]`` is where it is written.

    ``month`` and ``day`` are None for a numeric date whose order is uncertain ("05/06/2023"), ``year`` is
    None for a wire dateline written without one ("JAKARTA, July 4 (Reuters) -"). ``revision`` marks an
    "Updated:" date.
    """

    year: int | None
    month: int | None
    day: int | None
    start: int
    end: int
    form: str  # "written" (a month name), "numeric", "iso", "wire", "today" or "url" (offsets 0: not in the text)
    author: str | None = None
    revision: bool = False

    @property
    def date(self) -> dt.date | None:
        """The calendar date, when year, month and day are all known."""
        if None in (self.year, self.month, self.day):
            return None
        try:
            return dt.date(self.year, self.month, self.day)
        except ValueError:
            return None

    def shifted(self, offset: int) -> DateLine:
        """The same date with its offsets moved by ``offset`` (from a line to the whole text)."""
        return replace(self, start=self.start + offset, end=self.end + offset)


class _Grammar(NamedTuple):
    forms: tuple[tuple[str, re.Pattern], ...]  # whole-segment date lines, one pattern per date form
    time_only: re.Pattern
    author_only: re.Pattern
    words_only: re.Pattern
    revision: re.Pattern
    wire: tuple[re.Pattern, ...]


_DAY = r"(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?P<y>\d{4})"
_TIME = (
    r"(?:(?:\s*(?:[,@–—-]|\bat\b)?\s*|T)\d{1,2}[:.h]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?"
    r"(?:\s*[ap]\.?\s?m\b\.?)?)"
)
_ZONE = (
    r"(?:\s*(?:(?-i:Z)\b|[+−-]\d{2}:?\d{2}\b|\(?\s*(?-i:GMT|UTC)\s*(?:[+−-]\s*\d{1,2}(?::?\d{2})?)?\s*\)?"
    r"|\(?(?-i:[A-Z][a-zA-Z]?[A-Z]{1,4})\)?(?!\w)))"  # "GMT+7", "WIB", "BdST"
)
_AUTHOR = r"(?:\s*(?:[,–—-]\s*)?\bby\s+(?P<author>[^\W\d_][^\d|,]{0,60}?))"
_SEPARATOR = r"(?:\s*[:,–—/]\s*|\s+-+\s+)"
# a generic label before a separator: "Media Release - ", "Source: ", "The National – ", "Bangkok (Thailand), "
# (no spaced hyphen inside: "a - b - 4 July 2023" splits one way only, so the line is read in linear time)
_GENERIC = r"(?:[^\W\d_](?:(?!\s-)[^\d\n:,–—|/]){0,60}?)"


@functools.cache
def _grammar() -> _Grammar:
    month = month_pattern()
    weekday = rf"(?:(?:{alternation(weekday_names())})\.?,?\s+)?"
    label = rf"(?:{alternation(load_lexicon('dates_line_labels'))})"
    # before the date: labels ("Published:", "Posted on"), generic labels before a separator ("Source: Xinhua, ")
    # or before a label ("Fahad Shabbir (@FahadShabbir) Published"), an agency in capitals ("MAP 28 March 2022"),
    # a time ("07:48 PM February 09, 2015")
    prefix = (
        rf"(?P<prefix>(?:{_GENERIC}{_SEPARATOR}|{_GENERIC}\s+(?=(?:{label})\b)|{label}(?:\s+(?:on|at))?(?:\s*[:–—-]\s*|\s+)|(?-i:[A-Z]{{2,8}})\s+"
        rf"|{label}\s+by\s+[^\W\d_][^\d|]{{0,60}}?\s+on\s+"  # "Posted by Editor on December 13, 2023"
        rf"|\d{{1,2}}[:.h]\d{{2}}(?:\s*[ap]\.?\s?m\b\.?)?(?:,?\s+|\s*[-–—|]\s*)"  # "19:51, December 26, 2011", "16:28 - 14/06/2024"
        rf"|(?-i:[A-Z][a-z]{{2,15}})\s+(?=(?:{month})\b)){{0,3}}?)"  # a section's name: "Local October 22, 2014"
    )
    numeric_weekday = rf"(?:(?P<wd>{alternation(weekday_names())})\.?,?\s+)?"
    cores = {
        "written": (
            rf"{weekday}(?:the\s+)?{_DAY}\s+(?:of\s+)?(?P<m>{month})(?:,\s*|\s+){_YEAR}",  # Friday 16th of December 2016; 05 September,2023
            rf"{weekday}(?P<m>{month})\s+{_DAY}(?:,\s*|\s+){_YEAR}",  # Friday, February 22, 2019
            rf"{weekday}(?P<m>{month}),\s*{_DAY},?\s+{_YEAR}",  # June, 11 2019
        ),
        # 2023-07-04, 2023/7/4, 2019 07 19
        "iso": (rf"{_YEAR}(?P<sep>[-/. ])(?P<mn>0?[1-9]|1[0-2])(?P=sep)(?P<d>0?[1-9]|[12]\d|3[01])",),
        "numeric": (rf"{numeric_weekday}(?P<a>\d{{1,2}})(?P<sep>[/.-])(?P<b>\d{{1,2}})(?P=sep){_YEAR}",),
    }
    # after it: a time and zone, an author, a short label ("28 November 2011 - Media release"), a dash
    suffix = rf"(?:{_TIME})?(?:{_ZONE})?{_AUTHOR}?(?:{_SEPARATOR}(?P<tail>{_GENERIC}))??(?:\s*[–—-]{{1,2}})?\s*\.?\s*"
    forms = tuple(
        (form, re.compile(rf"\s*{prefix}(?P<core>{core}){suffix}", re.IGNORECASE))
        for form, patterns in cores.items() for core in patterns
    )
    time_only = re.compile(rf"\s*(?:at\s+)?\d{{1,2}}[:.h]\d{{2}}(?:[:.]\d{{2}})?(?:\s*[ap]\.?\s?m\b\.?)?{_ZONE}?\s*", re.IGNORECASE)
    author_only = re.compile(rf"\s*by\s+(?P<author>[^\W\d_][^\d|]{{0,60}}?)\s*", re.IGNORECASE)
    words_only = re.compile(r"\s*[^\W\d_][^\d|.!?]{0,60}\s*")
    revision = re.compile(r"\b(?:updated|modified|edited)\b", re.IGNORECASE)
    # wire datelines: "JAKARTA, July 4 (Reuters) -", "WASHINGTON, July 4, 2023 (AP) —", "Manila, 4 July (PNA) --"
    date = rf"(?:(?P<m>{month})\s+{_DAY}(?:,?\s+{_YEAR})?|(?P<d2>[12]\d|3[01]|0?[1-9])\s+(?P<m2>{month})(?:\s+(?P<y2>\d{{4}}))?)"
    agency = r"\s*(?:\((?P<agency>[^()\n]{1,40})\)|/(?P<slashed>[^/\n]{1,60})/)"  # "(Reuters)", "/African Press Organization (APO)/"
    dash = r"\s*(?:[-–—]{1,2}|:)\s*(?=\S)"
    region = r"(?:,\s*(?-i:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}))?"
    caps = r"(?-i:[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]*){0,3})"
    named = r"(?-i:[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3})"
    dated = rf"(?:(?P<m>{month})\s+{_DAY},?\s+{_YEAR}|(?P<d2>[12]\d|3[01]|0?[1-9])\s+(?P<m2>{month}),?\s+(?P<y2>\d{{4}}))"
    wire = (
        re.compile(rf"\s*{caps}{region},?\s+{date}(?:{agency})?{dash}", re.IGNORECASE),
        re.compile(rf"\s*{named}{region},\s+{date}{agency}{dash}", re.IGNORECASE),
        # with its year the date makes the dateline: "Vienna, 15 September 2005 -", "Monday, April 21, 2008 –"
        re.compile(rf"\s*{named}{region}(?:,|\s+[–—-])\s+{dated}(?:{agency})?{dash}", re.IGNORECASE),  # "Algiers, Algeria – 28 November 2019:"
        re.compile(rf"\s*{weekday}{dated}(?:{agency})?\s*[-–—]{{1,2}}\s*(?=\S)", re.IGNORECASE),
    )
    return _Grammar(forms, time_only, author_only, words_only, revision, wire)


def _date_of(form: str, match: re.Match) -> tuple[int | None, int | None, int | None] | None:
    """(year, month, day) of a matched date line; month and day None when a numeric order is uncertain;
    None when the date does not exist."""
    year = int(match["y"])
    if form == "written":
        month, day = month_names()[match["m"].rstrip(".").casefold()], int(match["d"])
    elif form == "iso":
        month, day = int(match["mn"]), int(match["d"])
    else:
        a, b = int(match["a"]), int(match["b"])
        if a > 12 and b <= 12:
            day, month = a, b
        elif b > 12 and a <= 12:
            month, day = a, b
        elif a == b and a <= 12:
            month = day = a
        elif a > 12 and b > 12 or not (a and b):
            return None
        else:  # "05/06/2023": day-first or month-first, unless the weekday tells ("Friday, 05/06/2023")
            weekday = weekday_names()[match["wd"].casefold()] if match["wd"] else None
            fits = [(m, d) for m, d in ((b, a), (a, b)) if weekday and _weekday_of(year, m, d) == weekday]
            if len(fits) != 1:
                return year, None, None
            month, day = fits[0]
    try:
        dt.date(year, month, day)
    except ValueError:
        return None
    return year, month, day


def _weekday_of(year: int, month: int, day: int) -> int | None:
    try:
        return dt.date(year, month, day).isoweekday()
    except ValueError:
        return None


def _segment(text: str, start: int, end: int) -> DateLine | None:
    """The date of the date line ``text[start:end]`` (one segment between "|" separators), if it is one."""
    grammar = _grammar()
    for form, pattern in grammar.forms:
        match = pattern.fullmatch(text, start, end)
        if not match:
            continue
        if form == "written" and not match["m"][0].isupper():
            continue  # "may 5" is a verb and a number
        if match["tail"] and (len(match["tail"].split()) > 4 or re.search(r"[.!?]\s*$", text[start:end])):
            return None  # "12 March 2023, police arrested ten suspects.": a sentence, not a label
        ymd = _date_of(form, match)
        if ymd is None:
            return None
        author = match["author"].strip() if match["author"] else None
        revision = bool(grammar.revision.search(match["prefix"] or ""))
        return DateLine(*ymd, match.start("core"), match.end("core"), form, author, revision)
    return None


def read_date_line(line: str) -> DateLine | None:
    """The date a date line is made of, or None when ``line`` is not a date line.

    A date line holds one date, with optional labels ("Published:", "Source: Xinhua"), a weekday, a time and
    zone, an author ("by Jane Doe"), and other parts after "|" separators ("by Jane Doe | Aug 29, 2024").
    Of several dates, the first that is not an "Updated" one.

    >>> line = read_date_line("by muhammad anas | Aug 29, 2024")
    >>> line.date, line.author, line.start
    (datetime.date(2024, 8, 29), 'muhammad anas', 19)
    >>> read_date_line("Police met on 12 March 2023 in Jakarta.") is None
    True
    """
    if not line or len(line) > MAX_LINE or not _FOUR_DIGITS.search(line):
        return None  # every form writes its year in four digits
    by = _BY.match(line)
    if by:  # "by Jane Doe - July 4, 2023": the author ends at the first separator after which a date line follows
        for separator in re.finditer(_SEPARATOR_ANY, line[by.end():]):
            rest = by.end() + separator.end()
            found = _read(line[rest:])
            if found is not None and separator.start() > 0:
                return replace(found.shifted(rest), author=found.author or line[by.end():by.end() + separator.start()].strip())
    return _read(line)


_BY = re.compile(r"\s*by\s+", re.IGNORECASE)
_FOUR_DIGITS = re.compile(r"\d{4}")
_SEPARATOR_ANY = r"\s*(?:\||·|•|–|—|-|:|,)\s*"
_REVISED = r"(?:last\s+)?(?:updated|modified|edited)\b"  # the words of _Grammar.revision, with "Last"
# the parts of a date line: between "|", "·" or "•", and before "Updated", "Last updated" ... wherever it
# stands ("Published: 10 Oct 2019 06:46 PM BdST Updated: ..."); "Last updated" stays one part
_PARTS = re.compile(rf"(?:[^|·•\s]|\s(?!{_REVISED})|(?<=\blast)\s)+", re.IGNORECASE)


def _read(line: str) -> DateLine | None:
    grammar = _grammar()
    found: list[DateLine] = []
    author = None
    for part in _PARTS.finditer(line):
        lo, hi = part.span()
        if not line[lo:hi].strip():
            continue
        dated = _segment(line, lo, hi)
        if dated is not None:
            found.append(dated)
        elif by := grammar.author_only.fullmatch(line, lo, hi):
            author = author or by["author"].strip()
        elif not (grammar.time_only.fullmatch(line, lo, hi) or grammar.words_only.fullmatch(line, lo, hi)):
            return None  # a part that is none of date, time, author or label: not a date line
    if not found:
        return None
    best = next((f for f in found if not f.revision), found[0])
    return replace(best, author=best.author or author)


def parse_date_line(text: str) -> dt.date | None:
    """The calendar date that the date line ``text`` is made of (see :func:`read_date_line`).

    >>> parse_date_line("Media Release"), parse_date_line("Friday 16th of December 2016")
    (None, datetime.date(2016, 12, 16))
    >>> parse_date_line("20/5/2014"), parse_date_line("November 16, 2023 | 19:15 (GMT+7)")
    (datetime.date(2014, 5, 20), datetime.date(2023, 11, 16))
    """
    found = read_date_line(text.strip()) if text else None
    return found.date if found else None


def read_wire_dateline(paragraph: str) -> DateLine | None:
    """The date of a wire dateline opening ``paragraph`` ("JAKARTA, July 4 (Reuters) - ..."), if any.

    The place is written in capitals, or the news agency follows in brackets; the year is None unless written.

    >>> read_wire_dateline("WASHINGTON, July 4, 2023 (AP) — The talks ...").date
    datetime.date(2023, 7, 4)
    >>> read_wire_dateline("On July 4, police met.") is None
    True
    """
    head = paragraph[:MAX_LINE]
    for pattern in _grammar().wire:
        match = pattern.match(head)
        if not match:
            continue
        group = match.groupdict()
        month_token = group["m"] or group["m2"]
        if not month_token[0].isupper():
            continue
        month = month_names()[month_token.rstrip(".").casefold()]
        day = int(group["d"] or group["d2"])
        year = int(group["y"] or group["y2"]) if group["y"] or group["y2"] else None
        try:
            dt.date(year or 2024, month, day)  # a leap year: 29 February may exist
        except ValueError:
            return None
        start = match.start("m") if group["m"] else match.start("d2")
        end = max(match.end(g) for g in ("y", "y2", "d", "m2") if group.get(g))
        return DateLine(year, month, day, start, end, "wire")
    return None


_URL_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?:[/_-]?(0[1-9]|1[0-2])(?!\d))?")


def _url_year(url: str | None, month: int | None) -> int | None:
    """A year written in ``url``'s path ("/2023/07/04/..."), with the month when the url writes one."""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]*", "", url)
    for match in _URL_YEAR.finditer(path):
        if match[2] is None or month is None or int(match[2]) == month:
            return int(match[1])
    return None


# "/2023/07/04/", "/2023-07-04-", "/20230704/": a full date in a url's path
_URL_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)([/-]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)")


def url_date(url: str | None) -> DateLine | None:
    """The full date written in ``url``'s path, when no date line gives one: news sites put the day of
    publication there ("/2023/07/04/police-chiefs-meet", "/news/20230704-police").

    >>> url_date("https://example.org/2023/07/04/police-chiefs-meet").date, url_date("https://example.org/news/1234") is None
    (datetime.date(2023, 7, 4), True)
    """
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]*", "", url)
    for match in _URL_DATE.finditer(path):
        found = DateLine(int(match[1]), int(match[3]), int(match[4]), 0, 0, "url")
        if found.date is not None:
            return found
    return None


#: how many paragraphs from the top may hold the date line
_HEAD_PARAGRAPHS = 6


def is_short_line(text: str) -> bool:
    """A short line of a page's header or footer: a few words, no sentence ("Izvor: FoNet", "Press Release").

    >>> is_short_line("Press Release"), is_short_line("Police met in Jakarta on Tuesday.")
    (True, False)
    """
    return len(text) <= 80 and len(_WORDS.findall(text)) <= 8 and not _TERMINAL.search(text)


_WORDS = re.compile(r"\w+(?:[-'’]\w+)*")
_TERMINAL = re.compile(r"[.!?…][\"'”’)]*$")


_TODAY = re.compile(r"\btoday\s*(?:\(\s*(?P<bracketed>[^()\n]{6,40}?)\s*\)|,\s*(?P<comma>[^()\n]{4,40}?(?:19|20)\d\d)(?!\d))", re.IGNORECASE)


def read_today(paragraph: str) -> DateLine | None:
    """The date written right after "today" in ``paragraph``: "signed today (16/1/2014) a memorandum", "today,
    Monday 3 May 2021, the minister ...": the day the article was written.

    >>> read_today("The two chiefs today (16/1/2014) signed a memorandum.").date
    datetime.date(2014, 1, 16)
    >>> read_today("The minister today, Monday, 3 May 2021, signed it.").date, read_today("Today, more officers joined.") is None
    (datetime.date(2021, 5, 3), True)
    """
    for match in _TODAY.finditer(paragraph):
        group = "bracketed" if match["bracketed"] else "comma"
        found = read_date_line(match[group])
        if found is not None and found.date is not None:
            return replace(found, start=match.start(group) + found.start, end=match.start(group) + found.end, form="today")
    return None


def publication_line(paragraphs: Iterable[tuple[str, int, str]], *, url: str | None = None) -> DateLine | None:
    """The publication date of an article and where it is written, from its ``(kind, start, text)`` paragraphs.

    The first byline near the top whose date line gives a date; else a wire dateline opening the first body
    paragraph after any short lines (its year, when not written, from a year in ``url``'s path); else a date
    line closing the article ("Ends/Thursday, August 3, 2017"); else a date written right after "today" near the
    top ("signed today (16/1/2014)"); else a full date in ``url``'s path ("/2023/07/04/").

    >>> publication_line([("title", 0, "T"), ("byline", 2, "Published: 12 March 2023")]).start
    13
    """
    wire, closing, today, looking = None, None, None, True
    for index, (kind, start, text) in enumerate(paragraphs):
        if kind == "body" and today is None and index < _HEAD_PARAGRAPHS and (found := read_today(text)):
            today = found.shifted(start)
        if kind == "byline":
            found = read_date_line(text)
            if found is not None and found.date is not None:
                if index < _HEAD_PARAGRAPHS:
                    return found.shifted(start)
                closing = closing or found.shifted(start)
        elif kind == "body" and looking:
            found = read_wire_dateline(text)
            if found is not None:
                wire, looking = found.shifted(start), False
            # a subtitle (no full stop) may stand before the dateline
            looking = looking and len(text) <= MAX_LINE and not _TERMINAL.search(text)
    if wire is not None and wire.year is None:
        wire = replace(wire, year=_url_year(url, wire.month))
    if wire is not None and (wire.year is not None or closing is None and today is None):
        return wire
    return closing or today or url_date(url)
