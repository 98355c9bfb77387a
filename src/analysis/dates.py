"""When: calendar expressions with ISO start and end, kind, evidence and the clause they anchor.

The expressions are found by :mod:`analysis.date_patterns` (regular expressions over the article's
paragraphs, vocabulary in ``dates_*.txt`` lexicons), the publication date by :mod:`analysis.datelines`;
this module settles the day/month order of numeric dates and the missing years, resolves relative
expressions against the publication date and builds the table. Events and the timeline are in
:mod:`analysis.events`.

>>> import datetime as dt
>>> article = parse_article("Title\\n\\nThe course ran from 17 to 20 September.", published=dt.date(2024, 9, 21))
>>> dates(article)[["text", "start", "end", "inferred"]].values.tolist()
[['17 to 20 September', '2024-09-17', '2024-09-20', True]]
"""
from __future__ import annotations

import bisect
import calendar
import datetime as dt
import itertools
import re
from dataclasses import replace

import pandas as pd

from .article import Article, parse_article  # noqa: F401  (parse_article used in the doctests)
from .date_patterns import (  # noqa: F401  (the kinds are re-exported: analysis.dates.PUBLICATION, ...)
    DATE, PUBLICATION, RANGE, RELATIVE, VAGUE, Found, Grammar, candidates, choose, date_grammar, valid,
)
from .datelines import publication_line

DATE_COLUMNS = ["text", "start", "end", "precision", "kind", "inferred", "sentence", "char_start", "char_end", "clause"]

# --- numeric day/month order and year inference -------------------------------------------------


def _settle_numeric(items: list[Found], article: Article, byline: set[int]) -> list[Found]:
    """Day-first or month-first, from a value > 12 anywhere in the article or the publication date."""
    numeric = [f for f in items if f.pattern == "num"]
    if not numeric:
        return items
    day_first = any(f.d1 > 12 for f in numeric)
    month_first = any(f.m1 > 12 for f in numeric)
    if day_first == month_first and article.published:  # undecided: a byline that matches the publication date
        for f in numeric:
            if f.start in byline and f.y1 == article.published.year:
                swap = (f.y1, f.d1, f.m1)
                if (f.y1, f.m1, f.d1) != swap and _safe_date(*swap) == article.published:
                    month_first, day_first = True, False
    order_guessed = day_first == month_first  # no evidence either way: day-first, flagged as inferred
    out = []
    for f in items:
        if f.pattern == "num":
            d, m = (f.d1, f.m1) if (day_first or not month_first) else (f.m1, f.d1)
            f = replace(f, d1=d, m1=m, inferred=order_guessed and d <= 12 and d != m)
        out.append(f)
    return [f for f in out if valid(f)]


def _safe_date(y: int | None, m: int | None, d: int | None) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except (TypeError, ValueError):
        return None


def _nearest_year(
    m: int, d: int | None, anchor: dt.date, weekday: int | None = None, tense: str | None = None
) -> int:
    """The year putting month ``m`` day ``d`` nearest to ``anchor`` (matching ``weekday`` when given;
    a "past" report's date not well after the anchor, a "future" one's not well before it).

    >>> _nearest_year(8, 27, dt.date(2024, 8, 29)), _nearest_year(1, 5, dt.date(2024, 12, 20))
    (2024, 2025)
    """
    reach = 1 if weekday is None else 6
    years = range(max(1, anchor.year - reach), min(9999, anchor.year + reach) + 1)

    def distance(year: int) -> tuple[int, int, int, int]:
        exists = d is None or d <= calendar.monthrange(year, m)[1]  # no 29 February in 2023
        day = _safe_date(year, m, min(d or 15, calendar.monthrange(year, m)[1]))
        wrong_weekday = weekday is not None and d is not None and day.isoweekday() != weekday
        wrong_side = (tense == "past" and day > anchor + _TENSE_SLACK) or (
            tense == "future" and day < anchor - _TENSE_SLACK
        )
        return int(not exists), int(wrong_weekday), int(wrong_side), abs((day - anchor).days)

    return min(years, key=distance)


def _weekday_year(m: int, d: int, weekday: int, latest: int | None) -> int | None:
    """The year, of the latest year the text's dates write and the years next to it, on which month ``m``
    day ``d`` falls on ``weekday`` ("Friday, 8 April" in a text whose dates reach November 2021 is 2022); of three
    years in a row only one can fit. None without a written year or when none of the three fits: a
    weekday alone fits one year in seven.

    >>> _weekday_year(4, 8, 5, 2021), _weekday_year(4, 8, 5, 2019), _weekday_year(4, 8, 5, None)
    (2022, None, None)
    """
    if latest is None:
        return None
    return next((y for y in (latest, latest + 1, latest - 1) if (day := _safe_date(y, m, d)) and day.isoweekday() == weekday), None)


_TENSE_MARKERS = re.compile(
    # a future marker swallows its verb ("will be held") so the verb does not count as past
    r"\b(?:(?P<future>(?:will|shall|is\s+to|are\s+to|to)\s+be\s+\w+|(?:will|shall)\s+\w+|upcoming|forthcoming|scheduled|planned|next)"
    r"|(?P<past>was|were|had|did|held|took|concluded|ended|attended|participated|met|signed|gathered|opened|"
    r"closed|hosted|organi[sz]ed|visited|launched|began|started|arrested|seized|announced|said|last))\b",
    re.IGNORECASE,
)
#: how far a year-less date may fall on the "wrong" side of publication for its tense (reports lag, notices lead)
_TENSE_SLACK = dt.timedelta(days=14)


def _tense(sentence: str, lo: int, hi: int) -> str | None:
    """"past" or "future" from the tense marker nearest to ``sentence[lo:hi]``, None without one.

    >>> _tense("The conference (30 September) will look at ways.", 16, 28), _tense("It was held on 6 May.", 15, 20)
    ('future', 'past')
    """
    markers = [(min(abs(m.start() - hi), abs(m.end() - lo)), m) for m in _TENSE_MARKERS.finditer(sentence)]
    if not markers:
        return None
    nearest = min(markers, key=lambda pair: pair[0])[1]
    return "future" if nearest["future"] else "past"


def _dates_an_event(f: Found) -> bool:
    """A date written with its year and at least its month: one that can date a neighbour of the same event.
    A bare year ("the forum has met since 2005") dates nothing else."""
    return f.kind == DATE and f.y1 is not None and f.m1 is not None and not f.inferred


def _anchors(items: list[Found], paragraph_of) -> tuple[list, list, list]:
    """For each item: the nearest earlier event-dating date in its paragraph, the nearest earlier one anywhere,
    and the nearest later one in its paragraph, found in two linear passes."""
    same, before, after = [None] * len(items), [None] * len(items), [None] * len(items)
    last, last_in = None, {}
    for i, f in enumerate(items):
        paragraph = paragraph_of(f.start)
        same[i], before[i] = last_in.get(paragraph), last
        if _dates_an_event(f):
            last = last_in[paragraph] = _safe_date(f.y1, f.m1 or 6, f.d1 or 15)
    next_in = {}
    for i in range(len(items) - 1, -1, -1):
        paragraph = paragraph_of(items[i].start)
        after[i] = next_in.get(paragraph)
        if _dates_an_event(items[i]):
            next_in[paragraph] = _safe_date(items[i].y1, items[i].m1 or 6, items[i].d1 or 15)
    return same, before, after


def _infer_years(items: list[Found], article: Article, paragraph_of) -> list[Found]:
    """Fill missing years: a range's own year, a date of the same event in the paragraph, the publication date;
    without a publication date, the nearest date written with month and year before it (the event's date is
    written first), or later in its paragraph. A full date written later elsewhere is background ("following
    the January 16, 2019 attack"), and a bare year ("the forum has met since 2005") dates nothing, except
    where the date's weekday fits the latest year of the text's full dates and spans of years, or the year
    after or before it ("Friday, 8 April" in a text whose dates reach November 2021: 2022). Else the date
    stays year-less (--MM-DD)."""
    out: list[Found] = []
    same, before, after = _anchors(items, paragraph_of)
    # the latest year of a date written with its month or of a span of years: a single bare year ("since 2005") is background
    latest = max((y for f in items if f.kind == DATE and not f.inferred and (f.m1 or f.y2) for y in (f.y1, f.y2) if y is not None), default=None)
    for i, f in enumerate(items):
        if f.kind not in (DATE, VAGUE) or f.m1 is None:
            out.append(f)
            continue
        y1, y2, inferred = f.y1, f.y2, f.inferred
        has_second = f.m2 is not None
        if y1 is None and y2 is not None:  # "30 April - 1 May 2014"
            y1 = y2 - 1 if (f.m1, f.d1 or 0) > (f.m2, f.d2 or 0) else y2
        if y1 is None:
            anchor, tense = same[i], None
            if anchor is None and article.published is not None:
                anchor = article.published
                sentence = article.sentence_at(f.start)
                if sentence is not None:
                    tense = _tense(sentence.text, f.start - sentence.start, f.end - sentence.start)
            if anchor is None:  # no publication date: the last full date written before it, or one later in its paragraph
                anchor = before[i] or after[i]
            if anchor is not None:
                y1, inferred = _nearest_year(f.m1, f.d1, anchor, f.weekday, tense), True
            elif f.weekday is not None and f.d1 is not None:
                y1 = _weekday_year(f.m1, f.d1, f.weekday, latest)
                inferred = y1 is not None
        if has_second and y2 is None and y1 is not None:
            y2 = y1 + 1 if (f.m2, f.d2 or 0) < (f.m1, f.d1 or 0) else y1
        out.append(replace(f, y1=y1, y2=y2, inferred=inferred))
    return out


# --- ISO output ---------------------------------------------------------------------------------


def _iso(y: int | None, m: int | None, d: int | None) -> str | None:
    if y is None and m is None:
        return None
    if m is None:
        return f"{y:04d}"
    if y is None:
        return f"--{m:02d}-{d:02d}" if d else f"--{m:02d}"
    return f"{y:04d}-{m:02d}-{d:02d}" if d else f"{y:04d}-{m:02d}"


def _precision(f: Found) -> str:
    return "day" if f.d1 else "month" if f.m1 else "year"


def _span(f: Found) -> tuple[str | None, str | None]:
    if f.iso is not None:
        return f.iso
    start = _iso(f.y1, f.m1, f.d1)
    if f.y2 is None and f.m2 is None:
        return start, start
    return start, _iso(f.y2 if f.y2 is not None else f.y1 if f.m2 is not None else None, f.m2, f.d2)


# --- relative expressions -----------------------------------------------------------------------


def _relative(grammar: Grammar, text: str, start: int, end: int, published: dt.date | None, clause_of) -> list[Found]:
    found = []
    chunk = text[start:end]
    for match in grammar.vague.finditer(chunk):
        found.append(Found(start + match.start(), start + match.end(), "vague", kind=RELATIVE, iso=(None, None)))
    for match in grammar.relative.finditer(chunk):
        iso, precision = _resolve(grammar, match, published, clause_of(start + match.start(), start + match.end()))
        found.append(
            Found(start + match.start(), start + match.end(), "relative", kind=RELATIVE, iso=iso,
                   inferred=iso != (None, None), precision=precision)
        )
    return found


def _resolve(grammar: Grammar, match: re.Match, published: dt.date | None, clause: tuple[str, int, int]):
    """ISO start/end of a relative expression against the publication date, where well-defined."""
    if published is None or not 2 <= published.year <= 9998:  # no week or year beyond the calendar's ends
        return (None, None), None
    p = published
    if match["day"]:
        shift = {"yesterday": -1, "tomorrow": 1}.get(match["day"].casefold(), 0)
        day = (p + dt.timedelta(days=shift)).isoformat()
        return (day, day), "day"
    if match["unit"] and match["which"].casefold() in ("this", "last", "next"):
        step = {"this": 0, "last": -1, "next": 1}[match["which"].casefold()]
        unit = match["unit"].casefold()
        if unit == "year":
            return (str(p.year + step),) * 2, "year"
        if unit == "month":
            month = (p.year * 12 + p.month - 1) + step
            return (f"{month // 12:04d}-{month % 12 + 1:02d}",) * 2, "month"
        monday = p - dt.timedelta(days=p.weekday()) + dt.timedelta(weeks=step)
        return (monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat()), "day"
    if match["weekday"]:
        target = grammar.weekdays[match["weekday"].casefold()]
        word = match[0].split()[0].casefold()
        future = word == "next" or (word != "last" and _tense(*clause) == "future")
        if future:
            delta = (target - p.isoweekday()) % 7 or (7 if word == "next" else 0)
        else:
            delta = -((p.isoweekday() - target) % 7 or (7 if word == "last" else 0))
        day = (p + dt.timedelta(days=delta)).isoformat()
        return (day, day), "day"
    return (None, None), None


# --- clauses ------------------------------------------------------------------------------------

_CLAUSE_BREAK = re.compile(r"\s*(?:[;:]|,|\s[–—-]\s|\(|\))\s*")
_MAX_CLAUSE = 200


def _clause(sentence_text: str, lo: int, hi: int) -> str:
    """The clause a date at ``sentence_text[lo:hi]`` anchors: its own comma-delimited segment when that
    says something, else that segment and the rest of the sentence ("On 6 May, police arrested ...")."""
    bracket = re.search(r"\(\s*$", sentence_text[:lo])
    closing = re.match(r"\s*\)", sentence_text[hi:])
    if bracket and closing:  # "the conference (30 September – 2 October) will ...": read around the brackets
        sentence_text = sentence_text[: bracket.start()].rstrip() + sentence_text[hi + closing.end():]
        lo = hi = bracket.start()
    breaks = [(m.start(), m.end()) for m in _CLAUSE_BREAK.finditer(sentence_text) if not lo <= m.start() < hi]
    left = max((e for s, e in breaks if e <= lo), default=0)
    right = min((s for s, e in breaks if s >= hi), default=len(sentence_text))
    segment = sentence_text[left:right]
    words_besides = len(re.findall(r"[A-Za-z]{3,}", sentence_text[left:lo] + " " + sentence_text[hi:right]))
    rest = sentence_text[right:].strip(" ,;:–—-")
    # "On 6 May 2024, police arrested ...": the date's own segment says nothing, the rest of the sentence does
    clause = segment if words_besides >= 2 or not rest else rest
    clause = clause.strip(" ,;:–—-").rstrip(".")
    if len(clause) > _MAX_CLAUSE:
        clause = clause[:_MAX_CLAUSE].rsplit(" ", 1)[0] + " …"
    return clause


# --- the public tables --------------------------------------------------------------------------


def _scan_blocks(article: Article) -> list[tuple[int, int, str]]:
    """(start, end, kind) of each paragraph: scanning whole paragraphs keeps dates whole across odd sentence splits."""
    return [(p.start, p.end, p.kind) for p in article.paragraphs]


def dates(article: Article, *, relative: bool = True) -> pd.DataFrame:
    """Every calendar expression: ISO ``start``/``end``, ``precision``, ``kind`` and evidence.

    ``kind`` is "publication" (the date line's date, read by :mod:`analysis.datelines`), "date", "range",
    "vague" (a month or year with a qualifier: "late March", "early 2023", "the end of May"; start and end are
    the period it lies in) or "relative" ("last week", "in recent years"; resolved against the publication
    date where well-defined, else no start/end). ``relative=False`` leaves relative and vague expressions out
    (they are not calendar dates).

    >>> article = parse_article("T\\nby A | Aug 29, 2024\\n\\nHeld from August 27 to 29, it ended.")
    >>> dates(article)[["text", "start", "end", "kind"]].values.tolist()
    [['Aug 29, 2024', '2024-08-29', '2024-08-29', 'publication'], ['August 27 to 29', '2024-08-27', '2024-08-29', 'range']]
    """
    return pd.DataFrame(date_records(article, relative=relative), columns=DATE_COLUMNS)


def date_records(article: Article, *, relative: bool = True) -> list[dict]:
    """The rows of :func:`dates` as plain dicts (:mod:`analysis.events` builds on them without pandas)."""
    if not article.text or not article.paragraphs:
        return []
    grammar = date_grammar()
    text = article.text
    items: list[Found] = []
    byline: set[int] = set()
    paragraph_starts = [p.start for p in article.paragraphs]

    def paragraph_of(offset: int) -> int:
        return max(bisect.bisect_right(paragraph_starts, offset) - 1, 0)

    def sentence_text_at(lo: int, hi: int) -> tuple[str, int, int]:
        """The sentence around ``text[lo:hi]`` and the span's offsets in it."""
        sentence = article.sentence_at(lo)
        return (sentence.text, lo - sentence.start, hi - sentence.start) if sentence else ("", 0, 0)

    for start, end, kind in _scan_blocks(article):
        block = choose(candidates(grammar, text, start, end))
        if kind == "byline":
            byline.update(f.start for f in block)
        items.extend(block)
    items = _settle_numeric(items, article, byline)
    items = _with_publication(items, article)
    items = _infer_years(items, article, paragraph_of)
    if relative:
        taken = sorted((f.start, f.end) for f in items)  # overlap test by bisection, not against every date
        starts = [s for s, _ in taken]
        reach = list(itertools.accumulate((e for _, e in taken), max))  # the furthest end up to each start
        for start, end, _ in _scan_blocks(article):
            for f in choose(_relative(grammar, text, start, end, article.published, sentence_text_at)):
                i = bisect.bisect_left(starts, f.end) - 1  # the dates starting before f ends
                if i < 0 or reach[i] <= f.start:
                    items.append(f)
        items.sort(key=lambda f: f.start)

    rows = []
    for f in items:
        sentence = article.sentence_at(f.start)
        if sentence is None or (f.kind == VAGUE and not relative):
            continue
        start_iso, end_iso = _span(f)
        if start_iso and end_iso and not start_iso.startswith("--") and start_iso[: len(end_iso)] > end_iso[: len(start_iso)]:
            continue  # "from 5 to 3 May": not a range
        if any(v and v[:1].isdigit() and len(v.split("-")[0]) > 4 for v in (start_iso, end_iso)):
            continue  # beyond year 9999
        kind = f.kind
        if kind == DATE:
            kind = RANGE if start_iso != end_iso else DATE
            if f.pattern == PUBLICATION:
                kind = PUBLICATION
        expression = text[f.start:f.end]
        clause = article.title or "" if kind == PUBLICATION else _clause(
            sentence.text, f.start - sentence.start, f.end - sentence.start
        )
        rows.append(
            {
                "text": expression,
                "start": start_iso,
                "end": end_iso,
                "precision": f.precision if f.kind == RELATIVE else _precision(f),
                "kind": kind,
                "inferred": bool(f.inferred),
                "sentence": sentence.index,
                "char_start": f.start,
                "char_end": f.end,
                "clause": clause,
            }
        )
    return rows


def _with_publication(items: list[Found], article: Article) -> list[Found]:
    """The publication date where the shared date-line grammar (:mod:`analysis.datelines`) reads it, in place
    of what the general patterns found there: ``Article.published`` and the "publication" row agree."""
    found = publication_line(((p.kind, p.start, p.text) for p in article.paragraphs), url=article.url)
    if found is None or found.form == "url":
        return items  # a date read from the url is the article's published, not a date written in it
    kept = [f for f in items if not (f.start < found.end and found.start < f.end)]
    publication = Found(found.start, found.end, PUBLICATION, y1=found.year, m1=found.month, d1=found.day)
    return sorted([*kept, publication], key=lambda f: f.start)


def calendar_dates(article: Article) -> pd.DataFrame:
    """:func:`dates` without relative and vague expressions: what the ``extract`` JSON lists as ``dates``."""
    return dates(article, relative=False)
