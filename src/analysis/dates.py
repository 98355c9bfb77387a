"""When: calendar expressions with ISO start and end, named events, and the timeline.

Pure regular expressions over the article's paragraphs; month names, weekday names, the words that
make a bare year a date, vague expressions and event words are lexicons (``dates_*.txt``,
``events_kinds.txt``).

>>> import datetime as dt
>>> article = parse_article("Title\\n\\nThe course ran from 17 to 20 September.", published=dt.date(2024, 9, 21))
>>> dates(article)[["text", "start", "end", "inferred"]].values.tolist()
[['17 to 20 September', '2024-09-17', '2024-09-20', True]]
"""
from __future__ import annotations

import bisect
import calendar
import datetime as dt
import functools
import itertools
import re
from dataclasses import dataclass, replace
from types import SimpleNamespace

import pandas as pd

from .article import Article, parse_article  # noqa: F401  (parse_article used in the doctests)
from .lexicons import load_lexicon, load_table

DATE_COLUMNS = ["text", "start", "end", "precision", "kind", "inferred", "sentence", "char_start", "char_end", "clause"]
EVENT_COLUMNS = ["name", "acronym", "kind", "start", "end", "place", "host", "sentence", "char_start", "char_end"]
TIMELINE_COLUMNS = ["start", "end", "text", "event", "participants", "clause", "sentence", "kind"]

PUBLICATION, DATE, RANGE, RELATIVE = "publication", "date", "range", "relative"


# --- lexicons as regular expressions ------------------------------------------------------------


def _numbered(name: str) -> dict[str, int]:
    """``{"january": 1, "jan": 1, ...}`` from lines ``NUMBER word word ...``."""
    table: dict[str, int] = {}
    for line in load_lexicon(name):
        number, *words = line.split()
        for word in words:
            table.setdefault(word.casefold(), int(number))
    return table


def _alternation(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True)
class _Grammar:
    months: dict[str, int]
    weekdays: dict[str, int]
    patterns: tuple[tuple[str, re.Pattern], ...]
    relative: re.Pattern
    vague: re.Pattern
    before: dict[str, re.Pattern]
    trigger: re.Pattern  # a digit or a month name: a paragraph without one holds no calendar expression


@functools.cache
def _grammar() -> _Grammar:
    months, weekdays = _numbered("dates_months"), _numbered("dates_weekdays")
    # an abbreviation ("sept") is a prefix of a longer spelling; only abbreviations take a full stop
    full = [w for w in months if not any(o != w and o.startswith(w) for o in months)]
    m = rf"(?:(?:{_alternation(full)})\b|(?:{_alternation(set(months) - set(full))})(?:\.|\b))"
    d = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:])\b"
    y = r"(?:1[89]\d\d|20\d\d)(?![\d.,]\d)"
    wd = rf"(?:(?:{_alternation(weekdays)})\.?,?\s+)?"
    to = r"(?:\s+(?:to|until|till|through|thru|and)\s+|\s*[-–—‑]\s*)"
    year_prep = _alternation(load_lexicon("dates_year_prepositions"))
    parts = {
        # 17 to 20 September 2024; Monday 17 and Tuesday 18 June 2024
        "d_dmy": rf"{wd}(?P<d1>{d}){to}{wd}(?P<d2>{d})\s+(?:of\s+)?(?P<m2>{m})(?:,?\s+(?P<y2>{y}))?",
        # 30 April - 1 May 2014; 30 April 2014 to 1 May 2014
        "dmy_dmy": rf"{wd}(?:the\s+)?(?P<d1>{d})\s+(?:of\s+)?(?P<m1>{m})(?:,?\s+(?P<y1>{y}))?{to}{wd}(?:the\s+)?"
        rf"(?P<d2>{d})\s+(?:of\s+)?(?P<m2>{m})(?:,?\s+(?P<y2>{y}))?",
        # June 28 and Nov. 23; June 28, 2024 - July 2, 2024
        "mdy_mdy": rf"{wd}(?P<m1>{m})\s+(?P<d1>{d})(?:,?\s+(?P<y1>{y}))?,?{to}{wd}(?P<m2>{m})\s+(?P<d2>{d})(?:,?\s+(?P<y2>{y}))?",
        # August 27 to 29; May 12-16, 2009
        "md_dy": rf"(?P<m1>{m})\s+(?P<d1>{d}){to}(?P<d2>{d})(?:,?\s+(?P<y2>{y}))?(?!\s+(?:of\s+)?{m})",
        # June 2024 to March 2025; June to September 2024
        "my_my": rf"(?P<m1>{m})(?:,?\s+(?P<y1>{y}))?{to}(?P<m2>{m})(?:,?\s+(?P<y2>{y}))?(?!\s*\d)",
        # 2015-2017, 2015 to 2017 (after a year preposition)
        "y_y": rf"(?<![\w-])(?P<y1>{y}){to}(?P<y2>{y}|\d\d)\b(?![-/])",
        # Wednesday, 13 September 2017; the 5th of May
        "dmy": rf"{wd}(?:the\s+)?(?P<d1>{d})\s+(?:of\s+)?(?P<m1>{m})(?:,?\s+(?P<y1>{y}))?",
        # Aug 29, 2024; Wednesday, September 13
        "mdy": rf"{wd}(?P<m1>{m})\s+(?:the\s+)?(?P<d1>{d})(?:,?\s+(?P<y1>{y}))?",
        # June 2024; early March 2015
        "my": rf"(?:(?:early|mid|late)[-\s]+)?(?P<m1>{m})(?:\s+of)?,?\s+(?P<y1>{y})",
        # 2025-11-11, 2025/11/11
        "ymd": r"\b(?P<y1>(?:19|20)\d\d)(?P<sep>[-/.])(?P<m1>0?[1-9]|1[0-2])(?P=sep)(?P<d1>0?[1-9]|[12]\d|3[01])\b(?![-/.]\d)",
        # 13/09/2017, 20/5/2014, 13.09.2017
        "num": r"(?<![\d/.-])(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<y1>(?:19|20)\d\d)\b(?![-/.]\d)",
        # in 2015; by the end of 2025; mid-2015
        "year": rf"(?<!\w)(?P<y1>{y})\b(?![-/–]\d)",
        # in September; by early March (month name alone, after a preposition)
        "month": rf"(?<!\w)(?=(?-i:[A-Z]))(?P<m1>{_alternation(full)})\b(?!\s*\d)(?!\s+(?-i:[A-Z]))",
    }
    # Cheap guards so the month alternation is only tried where an expression can start (a capital, a digit, "the")
    guards = {
        **dict.fromkeys(("mdy_mdy", "md_dy", "my_my", "mdy", "my"), r"(?<!\w)(?=(?-i:[A-Z])|early|mid|late)"),
        **dict.fromkeys(("d_dmy", "dmy_dmy", "dmy"), r"(?<!\w)(?=\d|(?-i:[A-Z])|the\s)"),
    }
    patterns = tuple((name, re.compile(guards.get(name, "") + rx, re.IGNORECASE)) for name, rx in parts.items())
    days = _alternation(weekdays)
    relative = re.compile(
        r"(?<!\w)(?=[tyelnpco])(?:(?P<day>today|yesterday|tomorrow|tonight|this\s+(?:morning|afternoon|evening))"
        r"|(?P<shift>earlier\s+|later\s+)?(?P<which>this|last|next|past|coming)\s+(?P<unit>week|month|year)(?:['’]s)?"
        rf"|(?:on\s+|last\s+|next\s+|this\s+)(?P<weekday>{days})\b(?!,?\s+(?:the\s+)?\d)"
        r"|(?:the\s+)?(?:last|past|next|coming)\s+(?:few|several|\d+|two|three|four|five|six|ten|twelve)\s+(?:days|weeks|months|years|decades))\b",
        re.IGNORECASE,
    )
    phrases = load_lexicon("dates_vague")
    initials = "".join(sorted({p[0].casefold() for p in phrases if p}))
    vague = re.compile(rf"(?<!\w)(?=[{re.escape(initials)}])(?:{_alternation(phrases)})\b", re.IGNORECASE)
    trigger = re.compile(rf"\d|(?<!\w)(?=(?-i:[A-Z]))(?:{_alternation(months)})\b", re.IGNORECASE)
    # what must come right before a bare year ("in 2015") or a bare month name ("in September")
    before = {
        # "in 2015", and the later years of a list: "in 2015, 2016 and 2018"
        "year": re.compile(rf"\b(?:{year_prep})[-\s]+(?:{y}(?:,?\s+(?:and|or)\s+|,\s+))*$", re.IGNORECASE),
        "y_y": re.compile(rf"\b(?:{year_prep})[-\s]+$", re.IGNORECASE),
        "month": re.compile(
            r"\b(?:in|since|until|till|by|during|through|throughout|before|after|from|early|mid|late|of)[-\s]+"
            r"(?:(?:early|mid|late)[-\s]+)?$",
            re.IGNORECASE,
        ),
    }
    return _Grammar(months, weekdays, patterns, relative, vague, before, trigger)


# --- one found expression -----------------------------------------------------------------------


@dataclass(frozen=True)
class _Found:
    """A matched expression; a missing part is None until inference fills it."""

    start: int
    end: int
    pattern: str
    y1: int | None = None
    m1: int | None = None
    d1: int | None = None
    y2: int | None = None
    m2: int | None = None
    d2: int | None = None
    weekday: int | None = None
    inferred: bool = False
    kind: str = DATE
    iso: tuple[str | None, str | None] | None = None  # set directly for relative expressions
    precision: str | None = None


def _month(grammar: _Grammar, token: str | None) -> int | None:
    if not token:
        return None
    return grammar.months.get(token.rstrip(".").casefold())


def _int(token: str | None) -> int | None:
    return int(re.match(r"\d+", token)[0]) if token else None


def _capitalised(match: re.Match, *groups: str) -> bool:
    """Month names must be written with a capital ("May 5", never "may 5")."""
    return all(
        match[g] is None or not match[g][0].isalpha() or match[g][0].isupper() for g in groups if g in match.re.groupindex
    )


def _candidates(grammar: _Grammar, text: str, start: int, end: int) -> list[_Found]:
    """Every pattern's matches in ``text[start:end]``, before choosing among overlaps."""
    found: list[_Found] = []
    chunk = text[start:end]
    if not grammar.trigger.search(chunk):
        return found
    for name, pattern in grammar.patterns:
        for match in pattern.finditer(chunk):
            if not _capitalised(match, "m1", "m2"):
                continue
            groups = match.groupdict()
            lo, hi = match.span()
            if name in grammar.before:
                preceding = chunk[max(0, lo - 30):lo]
                if not grammar.before[name].search(preceding):
                    continue
                if name == "year" and _year_is_name(chunk, match):
                    continue
                # "early 2015", "mid-2015" keep their qualifier in the text
                qualifier = _QUALIFIER.search(preceding)
                lo -= len(qualifier[0]) if qualifier else 0
            if re.search(r"\band\s", match[0]) and not _and_is_range(chunk, lo, groups):
                continue
            weekday = re.match(rf"({_alternation(grammar.weekdays)})\b", match[0], re.IGNORECASE)
            item = _Found(
                start + lo,
                start + hi,
                name,
                weekday=grammar.weekdays[weekday[1].casefold()] if weekday else None,
                **_fields(grammar, name, groups),
            )
            if name == "num" or _valid(item):  # numeric day/month order is settled later
                found.append(item)
    return found


_QUALIFIER = re.compile(r"\b(?:early|mid|late)[-\s]+$", re.IGNORECASE)


def _fields(grammar: _Grammar, name: str, g: dict) -> dict:
    y1, y2 = _int(g.get("y1")), _int(g.get("y2"))
    m1, m2 = _month(grammar, g.get("m1")), _month(grammar, g.get("m2"))
    d1, d2 = _int(g.get("d1")), _int(g.get("d2"))
    if name == "ymd":
        m1 = int(g["m1"])
    if name == "num":  # day/month order is settled later, from the whole article
        return {"y1": y1, "m1": int(g["b"]), "d1": int(g["a"])}
    if name == "y_y" and y2 is not None and y2 < 100:  # 2024-25
        y2 += y1 // 100 * 100
    if name == "d_dmy":
        m1, y1 = m2, y2
    if name == "md_dy":
        m2 = m1
    return {"y1": y1, "m1": m1, "d1": d1, "y2": y2, "m2": m2, "d2": d2}


def _and_is_range(chunk: str, lo: int, groups: dict) -> bool:
    """"between X and Y" is a range; "5 and 6 May" is one when the days are consecutive."""
    if re.search(r"\bbetween\s+$", chunk[max(0, lo - 12):lo], re.IGNORECASE):
        return True
    d1, d2 = _int(groups.get("d1")), _int(groups.get("d2"))
    return d1 is not None and d2 is not None and d2 == d1 + 1


def _year_is_name(chunk: str, match: re.Match) -> bool:
    """A year followed by a capitalised word names something ("in 2024 International Symposium")."""
    after = chunk[match.end():match.end() + 40]
    if re.match(r"\s+(?!(?:was|has|is|as|its|this|thus|plus|across|whereas|alongs)\b)[a-z]+s\b", after):
        return True  # a count, not a year: "for 2000 officers"
    if not re.match(r"\s+[A-Z][a-z]", after):
        return False
    # "In 2015 Interpol launched ...": a sentence-initial "In 2015" is still a date
    preposition = re.search(r"(\w+)[-\s]+$", chunk[: match.start()])
    sentence_initial = preposition and re.search(r"(?:^|[.!?]\s+)$", chunk[: preposition.start()])
    return not (sentence_initial and preposition[1][0].isupper())


def _valid(f: _Found) -> bool:
    for y, m, d in ((f.y1, f.m1, f.d1), (f.y2, f.m2, f.d2)):
        if m is not None and not 1 <= m <= 12:
            return False
        if d is not None and m is not None and not 1 <= d <= calendar.monthrange(y or 2024, m)[1]:
            return False
    return True


def _choose(found: list[_Found]) -> list[_Found]:
    """The longest match wins where matches overlap."""
    chosen: list[_Found] = []
    for item in sorted(found, key=lambda f: (f.start, -(f.end - f.start))):
        if chosen and item.start < chosen[-1].end:
            continue
        chosen.append(item)
    return chosen


# --- numeric day/month order and year inference -------------------------------------------------


def _settle_numeric(items: list[_Found], article: Article, byline: set[int]) -> list[_Found]:
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
    return [f for f in out if _valid(f)]


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


def _dates_an_event(f: _Found) -> bool:
    """A date written with its year and at least its month: one that can date a neighbour of the same event.
    A bare year ("the forum has met since 2005") dates nothing else."""
    return f.kind == DATE and f.y1 is not None and f.m1 is not None and not f.inferred


def _anchors(items: list[_Found], paragraph_of) -> tuple[list, list, list]:
    """For each item: the nearest earlier event-dating date in its paragraph, the nearest earlier one anywhere,
    and the nearest later one anywhere, found in two linear passes."""
    same, before, after = [None] * len(items), [None] * len(items), [None] * len(items)
    last, last_in = None, {}
    for i, f in enumerate(items):
        paragraph = paragraph_of(f.start)
        same[i], before[i] = last_in.get(paragraph), last
        if _dates_an_event(f):
            last = last_in[paragraph] = _safe_date(f.y1, f.m1 or 6, f.d1 or 15)
    nxt = None
    for i in range(len(items) - 1, -1, -1):
        after[i] = nxt
        if _dates_an_event(items[i]):
            nxt = _safe_date(items[i].y1, items[i].m1 or 6, items[i].d1 or 15)
    return same, before, after


def _infer_years(items: list[_Found], article: Article, paragraph_of) -> list[_Found]:
    """Fill missing years: a range's own year, a date of the same event in the paragraph, the publication date;
    without a publication date, any date written with its year, then the year written most often."""
    out: list[_Found] = []
    same, before, after = _anchors(items, paragraph_of)
    for i, f in enumerate(items):
        if f.kind != DATE or f.m1 is None:
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
            if anchor is None:  # no publication date: any dated expression, earlier first, then later
                anchor = before[i] or after[i]
            if anchor is None:  # last, a year written anywhere: "Operation Tighten the Net 2022", "2567 B.E."
                anchor = _year_in_text(article.text)
            if anchor is not None:
                y1, inferred = _nearest_year(f.m1, f.d1, anchor, f.weekday, tense), True
        if has_second and y2 is None and y1 is not None:
            y2 = y1 + 1 if (f.m2, f.d2 or 0) < (f.m1, f.d1 or 0) else y1
        out.append(replace(f, y1=y1, y2=y2, inferred=inferred))
    return out


_ANY_YEAR = re.compile(r"\b(?:(?P<ce>(?:19|20)\d\d)|(?P<be>25\d\d)\s*B\.?\s?E\b\.?)")


def _year_in_text(text: str) -> dt.date | None:
    """Mid-year of the year written most often in ``text`` (Buddhist-era years converted), if any.

    >>> _year_in_text("held on August 28, 2567 B.E. in Vientiane")
    datetime.date(2024, 7, 1)
    """
    years = [int(m["ce"]) if m["ce"] else int(m["be"]) - 543 for m in _ANY_YEAR.finditer(text)]
    if not years:
        return None
    return dt.date(max(set(years), key=lambda y: (years.count(y), y)), 7, 1)


# --- ISO output ---------------------------------------------------------------------------------


def _iso(y: int | None, m: int | None, d: int | None) -> str | None:
    if y is None and m is None:
        return None
    if m is None:
        return f"{y:04d}"
    if y is None:
        return f"--{m:02d}-{d:02d}" if d else f"--{m:02d}"
    return f"{y:04d}-{m:02d}-{d:02d}" if d else f"{y:04d}-{m:02d}"


def _precision(f: _Found) -> str:
    return "day" if f.d1 else "month" if f.m1 else "year"


def _span(f: _Found) -> tuple[str | None, str | None]:
    if f.iso is not None:
        return f.iso
    start = _iso(f.y1, f.m1, f.d1)
    if f.y2 is None and f.m2 is None:
        return start, start
    return start, _iso(f.y2 if f.y2 is not None else f.y1 if f.m2 is not None else None, f.m2, f.d2)


# --- relative expressions -----------------------------------------------------------------------


def _relative(grammar: _Grammar, text: str, start: int, end: int, published: dt.date | None, clause_of) -> list[_Found]:
    found = []
    chunk = text[start:end]
    for match in grammar.vague.finditer(chunk):
        found.append(_Found(start + match.start(), start + match.end(), "vague", kind=RELATIVE, iso=(None, None)))
    for match in grammar.relative.finditer(chunk):
        iso, precision = _resolve(grammar, match, published, clause_of(start + match.start(), start + match.end()))
        found.append(
            _Found(start + match.start(), start + match.end(), "relative", kind=RELATIVE, iso=iso,
                   inferred=iso != (None, None), precision=precision)
        )
    return found


def _resolve(grammar: _Grammar, match: re.Match, published: dt.date | None, clause: tuple[str, int, int]):
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

    ``kind`` is "publication" (the byline date), "date", "range" or "relative" ("last week",
    "in recent years"; resolved against the publication date where well-defined, else no start/end).
    ``relative=False`` leaves relative expressions out (they are not calendar dates).

    >>> article = parse_article("T\\nby A | Aug 29, 2024\\n\\nHeld from August 27 to 29, it ended.")
    >>> dates(article)[["text", "start", "end", "kind"]].values.tolist()
    [['Aug 29, 2024', '2024-08-29', '2024-08-29', 'publication'], ['August 27 to 29', '2024-08-27', '2024-08-29', 'range']]
    """
    return pd.DataFrame(_date_records(article, relative=relative), columns=DATE_COLUMNS)


def _date_records(article: Article, *, relative: bool = True) -> list[dict]:
    """The rows of :func:`dates` as plain dicts (events and the timeline build on them without pandas)."""
    if not article.text or not article.paragraphs:
        return []
    grammar = _grammar()
    text = article.text
    items: list[_Found] = []
    byline: set[int] = set()
    paragraph_starts = [p.start for p in article.paragraphs]

    def paragraph_of(offset: int) -> int:
        return max(bisect.bisect_right(paragraph_starts, offset) - 1, 0)

    def sentence_text_at(lo: int, hi: int) -> tuple[str, int, int]:
        """The sentence around ``text[lo:hi]`` and the span's offsets in it."""
        sentence = article.sentence_at(lo)
        return (sentence.text, lo - sentence.start, hi - sentence.start) if sentence else ("", 0, 0)

    for start, end, kind in _scan_blocks(article):
        block = _choose(_candidates(grammar, text, start, end))
        if kind == "byline":
            byline.update(f.start for f in block)
        items.extend(block)
    items = _settle_numeric(items, article, byline)
    items = _infer_years(items, article, paragraph_of)
    if relative:
        taken = sorted((f.start, f.end) for f in items)  # overlap test by bisection, not against every date
        starts = [s for s, _ in taken]
        reach = list(itertools.accumulate((e for _, e in taken), max))  # the furthest end up to each start
        for start, end, _ in _scan_blocks(article):
            for f in _choose(_relative(grammar, text, start, end, article.published, sentence_text_at)):
                i = bisect.bisect_left(starts, f.end) - 1  # the dates starting before f ends
                if i < 0 or reach[i] <= f.start:
                    items.append(f)
        items.sort(key=lambda f: f.start)

    rows = []
    publication_marked = False
    for f in items:
        sentence = article.sentence_at(f.start)
        if sentence is None:
            continue
        start_iso, end_iso = _span(f)
        if start_iso and end_iso and not start_iso.startswith("--") and start_iso[: len(end_iso)] > end_iso[: len(start_iso)]:
            continue  # "from 5 to 3 May": not a range
        if any(v and v[:1].isdigit() and len(v.split("-")[0]) > 4 for v in (start_iso, end_iso)):
            continue  # beyond year 9999
        kind = f.kind
        if kind == DATE:
            kind = RANGE if start_iso != end_iso else DATE
            if sentence.kind == "byline" and not publication_marked:
                kind, publication_marked = PUBLICATION, True
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


def calendar_dates(article: Article) -> pd.DataFrame:
    """:func:`dates` without relative expressions: what the ``extract`` JSON lists as ``dates``."""
    return dates(article, relative=False)



# --- events -------------------------------------------------------------------------------------

_CAP = r"(?:[A-Z][\w'’.&-]*|\d{1,3}(?:st|nd|rd|th)\b|(?:19|20)\d\d\b)"
_NAME_JOIN = r"(?:\s+(?:and|&|of|de|du)\s+|\s*[–—]\s*|\s+-\s+|\s+)"
_TAIL = rf"(?:\s+(?i:on|for|of|against)\s+(?:the\s+)?{_CAP}(?:(?:\s+(?:and|&|of|the|for|on|in)\s+|\s+){_CAP})*)*"
_ACRONYM = re.compile(r"\s*\((?P<acronym>[A-Z][A-Za-z0-9&.-]*[A-Z0-9](?:\s+(?:19|20)\d\d)?)\)")
_LEADING = ("operation", "exercise")  # event words that open a name: "Operation Pangea"
_HOST = re.compile(
    rf"\b(?:co-)?(?:hosted|organi[sz]ed|convened|chaired)\s+by\s+(?:the\s+)?"
    rf"(?P<host>{_CAP}(?:(?:\s+(?:of|and|for|&|on)\s+|\s+){_CAP})*)"
)


@functools.cache
def _event_grammar() -> tuple[dict[str, str], re.Pattern, re.Pattern, re.Pattern]:
    kinds: dict[str, str] = {}
    for line in load_lexicon("events_kinds"):
        word, *kind = line.split()
        kinds.setdefault(word.casefold(), (kind or [word])[0].casefold())
    words = _alternation(kinds)
    # at most 12 words before the event word: a name is short, and the bound keeps long capitalised runs linear
    named = re.compile(rf"(?<![\w'’.&-])(?=[A-Z0-9])(?:{_CAP}{_NAME_JOIN}){{0,12}}?(?i:(?P<head>{words}))(?![\w'’-]){_TAIL}")
    leading = re.compile(rf"\b(?P<head>{_alternation(w.capitalize() for w in _LEADING)})\s+(?:{_CAP}\s+)*{_CAP}(?![\w'’-])")
    reference = re.compile(rf"\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:[\w-]+\s+){{0,2}}?(?P<head>{words})\b")
    return kinds, named, leading, reference


@functools.cache
def _place_names() -> tuple[re.Pattern | None, dict[str, tuple[str, str]]]:
    """A pattern for every place name and alias in ``places.tsv``, and name -> (canonical name, kind)."""
    try:
        rows = load_table("places")
    except (OSError, ValueError):
        return None, {}
    names: dict[str, tuple[str, str]] = {}
    for row in rows:
        canonical = (row.get("name") or "").strip()
        for alias in [canonical, *(row.get("aliases") or "").split(";")]:
            if alias.strip():
                names.setdefault(alias.strip(), (canonical, (row.get("kind") or "").strip()))
    if not names:
        return None, {}
    return re.compile(rf"(?<![\w-])(?:{_alternation(names)})(?![\w-])"), names


@dataclass
class _Event:
    name: str
    kind: str
    start: int
    end: int
    acronym: str | None = None
    mentions: list[int] | None = None  # offsets into article.text


def _clean_name(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim a matched name: after a possessive ("INTERPOL's ..."), without "The" or a leading year."""
    segment = text[start:end]
    possessive = list(re.finditer(r"[’']s\s+", segment))
    cut = possessive[-1].end() if possessive else 0
    lead = re.match(r"(?:(?:The|the|A|An|This|Each|Every|During|At|In|On|For)\s+|(?:19|20)\d\d\s+)*", segment[cut:])
    cut += lead.end()
    return start + cut, end


def _find_events(article: Article) -> list[_Event]:
    kinds, named, leading, _ = _event_grammar()
    text = article.text
    found: dict[str, _Event] = {}
    for sentence in article.sentences:
        if sentence.kind != "body":
            continue
        matches = [m for m in named.finditer(text, sentence.start, sentence.end) if m["head"][0].isupper()]
        matches += list(leading.finditer(text, sentence.start, sentence.end))
        for match in matches:
            after = text[match.end("head"):sentence.end]
            if match.re is named and re.match(r"\s+[A-Z][a-z]", after) and match.end() == match.end("head"):
                continue  # "Training Centre": the event word is not the head
            start, end = _clean_name(text, *match.span())
            name = text[start:end].strip()
            if len(name.split()) < 2:
                continue
            key = name.casefold()
            if any(k == key or k.endswith(" " + key) for k in found):
                continue  # "the Cybercrime Conference" after "the 3rd Europol – INTERPOL Cybercrime Conference"
            acronym = _ACRONYM.match(text, end, sentence.end)
            found[key] = _Event(
                name, kinds.get(match["head"].casefold(), match["head"].casefold()), start, end,
                acronym["acronym"] if acronym else None, [],
            )
    return sorted(found.values(), key=lambda e: e.start)


def _mentions(article: Article, found: list[_Event]) -> None:
    """Fill each event's mentions: its name, its acronym (with or without the year), "the symposium"."""
    if not found:
        return
    kinds, _, _, reference = _event_grammar()
    text = article.text
    for event in found:
        forms = {event.name}
        if event.acronym:
            forms |= {event.acronym, re.sub(r"\s+(?:19|20)\d\d$", "", event.acronym)}
        pattern = re.compile(rf"(?<![\w-])(?:{_alternation(forms)})(?![\w-])")
        event.mentions = [m.start() for m in pattern.finditer(text, event.start)]
    for match in reference.finditer(text):
        if match["head"][0].isupper():  # "the Welcome Reception" is a name, not a reference
            continue
        kind = kinds.get(match["head"].casefold())
        earlier = [e for e in found if e.kind == kind and e.start < match.start()]
        if earlier and not any(e.start <= match.start() < e.end for e in found):
            earlier[-1].mentions.append(match.start("head"))
    for event in found:
        event.mentions = sorted(set(event.mentions))


def _place_in(text: str, lo: int, hi: int, skip: list[tuple[int, int]]) -> str | None:
    """The likeliest venue in ``text[lo:hi]``: a known place after "in"/"at" (or continuing one:
    "in Seoul, South Korea"), cities before regions and countries; other places name origins ("UK Foreign Office").
    """
    pattern, names = _place_names()
    if pattern is None:  # no gazetteer: a capitalised phrase after "in" / "at"
        match = re.search(r"\b(?:in|at)\s+((?:[A-Z][a-z]+\s?){1,3})", text[lo:hi])
        return match[1].strip() if match else None
    best, last_end = None, -1
    for match in pattern.finditer(text, lo, hi):
        if any(s <= match.start() < e for s, e in skip):
            continue
        before = text[max(lo, match.start() - 12):match.start()]
        continues = last_end >= 0 and re.fullmatch(r",\s*", text[last_end:match.start()])
        if not (re.search(r"\b(?:in|at)\s+(?:the\s+)?$", before) or continues):
            continue
        last_end = match.end()
        canonical, kind = names[match[0]]
        rank = ({"city": 0, "country": 2}.get(kind, 1), match.start())
        if best is None or rank < best[0]:
            best = (rank, canonical)
    return best[1] if best else None


def events(article: Article) -> pd.DataFrame:
    """Named events with their acronym, kind, dates, place and host.

    Dates attach to an event named (or referred back to: "the symposium") in the same sentence.

    >>> article = parse_article("T\\n\\nThe Welcome Reception, hosted by the Korean National Police Agency, took place on 27 August 2024 in Seoul.")
    >>> events(article)[["name", "kind", "start", "place", "host"]].values.tolist()
    [['Welcome Reception', 'reception', '2024-08-27', 'Seoul', 'Korean National Police Agency']]
    """
    found = _find_events(article) if article.text else []
    if not found:
        return pd.DataFrame(columns=EVENT_COLUMNS)
    _mentions(article, found)
    text = article.text
    # calendar dates, and relative ones resolved to a day ("which begins in Hanoi today")
    table = [
        SimpleNamespace(**r) for r in _date_records(article)
        if r["kind"] != PUBLICATION and (r["kind"] != RELATIVE or r["precision"] == "day")
    ]
    mention_sentences = {id(e): [article.sentence_at(m) for m in e.mentions] for e in found}

    attached: dict[int, list] = {id(e): [] for e in found}
    in_sentence: dict[int, list[tuple[int, int]]] = {}  # sentence index -> (mention offset, event id): one pass, not one per date
    for e in found:
        for m, s in zip(e.mentions, mention_sentences[id(e)]):
            if s is not None:
                in_sentence.setdefault(s.index, []).append((m, id(e)))
    for row in table:
        candidates = [(abs(m - row.char_start), key) for m, key in in_sentence.get(row.sentence, ())]
        if candidates:
            attached[min(candidates)[1]].append(row)

    rows = []
    spans = [(e.start, e.end) for e in found]
    for event in found:
        own = attached[id(event)]
        ranges = [r for r in own if r.start != r.end]
        if ranges:
            best = max(ranges, key=lambda r: (r.end or "") + "~" + (r.start or ""))
            start, end = best.start, best.end
        elif own:
            start, end = min(r.start for r in own), max(r.end for r in own)
        else:
            start = end = None
        sentences = [s for s in mention_sentences[id(event)] if s is not None]
        place = host = None
        for sentence in sentences:
            place = place or _place_in(text, sentence.start, sentence.end, spans)
            if host is None:
                for match in _HOST.finditer(text, sentence.start, sentence.end):
                    before = [m for m in event.mentions if sentence.start <= m < match.start()]
                    others = [m for e in found if e is not event for m in e.mentions if max(before, default=-1) < m < match.start()]
                    if before and not others:
                        host = match["host"].strip().rstrip(".")
                        break
        first = article.sentence_at(event.start)
        rows.append({
            "name": event.name, "acronym": event.acronym, "kind": event.kind, "start": start, "end": end,
            "place": place, "host": host, "sentence": first.index if first else None,
            "char_start": event.start, "char_end": event.end,
        })
    return pd.DataFrame(rows, columns=EVENT_COLUMNS)


# --- timeline -----------------------------------------------------------------------------------


def _people(article: Article) -> list[tuple[str, list[str]]]:
    """(name, forms) of each participant; empty when the participants table is unavailable."""
    try:
        from .participants import participants

        table = participants(article)
    except Exception:  # noqa: BLE001  (the timeline still stands without people)
        return []
    people = []
    for row in table.to_dict("records"):
        name = row.get("name")
        if not isinstance(name, str) or not name:
            continue
        aliases = row.get("aliases") if isinstance(row.get("aliases"), str) else ""
        forms = [name, *(a.strip() for a in aliases.split(";") if a.strip())]
        people.append((name, forms))
    return people


def timeline(article: Article) -> pd.DataFrame:
    """Dates in chronological order with the event and the participants named in their sentence.

    The publication date is included (``kind`` "publication"); relative expressions that could not
    be resolved are left out. Year-less dates ("--MM-DD") come last.

    >>> article = parse_article("T\\n\\nThe Welcome Reception was held on 27 August 2024. It opened on 26 August 2024.")
    >>> timeline(article)[["start", "event"]].fillna("-").values.tolist()
    [['2024-08-26', '-'], ['2024-08-27', 'Welcome Reception']]
    """
    table = [SimpleNamespace(**r) for r in _date_records(article) if r["start"] is not None]
    if not table:
        return pd.DataFrame(columns=TIMELINE_COLUMNS)
    found = _find_events(article)
    _mentions(article, found)
    people = _people(article)
    in_sentence: dict[int, list[tuple[int, str]]] = {}  # sentence index -> (mention offset, event name), built once
    for e in found:
        for m in e.mentions:
            if (s := article.sentence_at(m)) is not None:
                in_sentence.setdefault(s.index, []).append((m, e.name))
    rows = []
    for row in table:
        event = None
        if row.kind != PUBLICATION:
            near = [(abs(m - row.char_start), name) for m, name in in_sentence.get(row.sentence, ())]
            event = min(near)[1] if near else None
        sentence = article.sentences[row.sentence]
        named = [
            name for name, forms in people
            if any(re.search(rf"(?<!\w){re.escape(f)}(?!\w)", sentence.text) for f in forms)
        ]
        rows.append({
            "start": row.start, "end": row.end, "text": row.text, "event": event,
            "participants": "; ".join(named), "clause": row.clause, "sentence": row.sentence, "kind": row.kind,
        })
    out = pd.DataFrame(rows, columns=TIMELINE_COLUMNS)
    order = out["start"].map(lambda s: (s.startswith("--"), s.lstrip("-")))
    return out.iloc[sorted(range(len(out)), key=lambda i: (order.iloc[i], i))].reset_index(drop=True)
