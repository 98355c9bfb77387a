"""Reading calendar expressions: the patterns of the ``dates`` grammar and what each match holds.

Month and weekday names come from :mod:`analysis.datelines` (lexicons ``dates_months``, ``dates_weekdays``);
the words that make a bare year a date, vague phrases and vague qualifiers are lexicons too
(``dates_year_prepositions``, ``dates_vague``, ``dates_vague_qualifiers``). :mod:`analysis.dates` settles
the day/month order and the missing years of what is found here and builds the table.

>>> text = "Delegates met from 17 to 20 September 2024 and again in late March."
>>> [(text[f.start:f.end], f.d1, f.d2, f.m1, f.y1, f.kind) for f in choose(candidates(date_grammar(), text, 0, len(text)))]
[('17 to 20 September 2024', 17, 20, 9, 2024, 'date'), ('late March', None, None, 3, None, 'vague')]
"""
from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass

from .datelines import alternation, month_names, month_pattern, weekday_names
from .lexicons import load_lexicon

PUBLICATION, DATE, RANGE, RELATIVE, VAGUE = "publication", "date", "range", "relative", "vague"


# --- the grammar ------------------------------------------------------------


@dataclass(frozen=True)
class Grammar:
    months: dict[str, int]
    weekdays: dict[str, int]
    patterns: tuple[tuple[str, re.Pattern], ...]
    relative: re.Pattern
    vague: re.Pattern
    qualifier: re.Pattern  # "late", "the end of" right before a month or year: a vague period
    before: dict[str, re.Pattern]
    trigger: re.Pattern  # a digit or a month name: a paragraph without one holds no calendar expression


@functools.cache
def date_grammar() -> Grammar:
    months, weekdays = month_names(), weekday_names()
    m, full = month_pattern(), month_pattern(abbreviations=False)
    d = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:])\b"
    # a year of the Common Era, or of the Buddhist Era written with its mark ("2567 B.E." is 2024)
    y = r"(?:1[89]\d\d|20\d\d|25\d\d\s*B\.?\s?E\b)(?![\d.,]\d)"
    wd = rf"(?:(?:{alternation(weekdays)})\.?,?\s+)?"
    to = r"(?:\s+(?:to|until|till|through|thru|and)\s+|\s*[-–—‑]\s*)"
    year_prep = alternation(load_lexicon("dates_year_prepositions"))
    parts = {
        # 17 to 20 September 2024; Monday 17 and Tuesday 18 June 2024
        "d_dmy": rf"{wd}(?P<d1>{d}){to}{wd}(?P<d2>{d})\s+(?:of\s+)?(?P<m2>{m})(?:(?:,\s*|\s+)(?P<y2>{y}))?",
        # 30 April - 1 May 2014; 30 April 2014 to 1 May 2014
        "dmy_dmy": rf"{wd}(?:the\s+)?(?P<d1>{d})\s+(?:of\s+)?(?P<m1>{m})(?:(?:,\s*|\s+)(?P<y1>{y}))?{to}{wd}(?:the\s+)?"
        rf"(?P<d2>{d})\s+(?:of\s+)?(?P<m2>{m})(?:(?:,\s*|\s+)(?P<y2>{y}))?",
        # June 28 and Nov. 23; June 28, 2024 - July 2, 2024
        "mdy_mdy": rf"{wd}(?P<m1>{m})\s+(?P<d1>{d})(?:(?:,\s*|\s+)(?P<y1>{y}))?,?{to}{wd}(?P<m2>{m})\s+(?P<d2>{d})(?:(?:,\s*|\s+)(?P<y2>{y}))?",
        # from 9 to March 11 (the first day's month left to the second)
        "d_mdy": rf"(?<=from\s)(?P<d1>{d})\s+(?:to|until|till|through)\s+(?P<m2>{m})\s+(?P<d2>{d})(?:(?:,\s*|\s+)(?P<y2>{y}))?",
        # August 27 to 29; May 12-16, 2009
        "md_dy": rf"(?P<m1>{m})\s+(?P<d1>{d}){to}(?P<d2>{d})(?:(?:,\s*|\s+)(?P<y2>{y}))?(?!\s+(?:of\s+)?{m})",
        # June 2024 to March 2025; June to September 2024
        "my_my": rf"(?P<m1>{m})(?:(?:,\s*|\s+)(?P<y1>{y}))?{to}(?P<m2>{m})(?:(?:,\s*|\s+)(?P<y2>{y}))?(?!\s*\d)",
        # 2015-2017, 2015 to 2017 (after a year preposition)
        "y_y": rf"(?<![\w-])(?P<y1>{y})(?:{to}|/)(?P<y2>{y}|\d\d)\b(?![-/])",  # "the 2022/2023 period" too
        # Wednesday, 13 September 2017; the 5th of May
        "dmy": rf"{wd}(?:the\s+)?(?P<d1>{d})\s+(?:of\s+)?(?P<m1>{m})(?:(?:,\s*|\s+)(?P<y1>{y}))?",
        # Aug 29, 2024; Wednesday, September 13
        "mdy": rf"{wd}(?P<m1>{m})\s+(?:the\s+)?(?P<d1>{d})(?:(?:,\s*|\s+)(?P<y1>{y}))?",
        # June 2024; early March 2015
        "my": rf"(?:(?:early|mid|late)[-\s]+)?(?P<m1>{m})(?:\s+of)?,?\s+(?P<y1>{y})",
        # 2025-11-11, 2025/11/11
        "ymd": r"\b(?P<y1>(?:19|20)\d\d)(?P<sep>[-/.])(?P<m1>0?[1-9]|1[0-2])(?P=sep)(?P<d1>0?[1-9]|[12]\d|3[01])\b(?![-/.]\d)",
        # 13/09/2017, 20/5/2014, 13.09.2017
        "num": r"(?<![\d/.-])(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<y1>(?:19|20)\d\d)\b(?![-/.]\d)",
        # in 2015; by the end of 2025; mid-2015
        "year": rf"(?<!\w)(?P<y1>{y})\b(?![-/–]\d)",
        # in September; by early March (month name alone, after a preposition)
        "month": rf"(?<!\w)(?=(?-i:[A-Z]))(?P<m1>{full})(?!\s*\d)(?!\s+(?-i:[A-Z]))",
    }
    # Cheap guards so the month alternation is only tried where an expression can start (a capital, a digit, "the")
    guards = {
        **dict.fromkeys(("mdy_mdy", "md_dy", "my_my", "mdy", "my"), r"(?<!\w)(?=(?-i:[A-Z])|early|mid|late)"),
        **dict.fromkeys(("d_dmy", "d_mdy", "dmy_dmy", "dmy"), r"(?<!\w)(?=\d|(?-i:[A-Z])|the\s)"),
    }
    patterns = tuple((name, re.compile(guards.get(name, "") + rx, re.IGNORECASE)) for name, rx in parts.items())
    days = alternation(weekdays)
    relative = re.compile(
        r"(?<!\w)(?=[tyelnpco])(?:(?P<day>today|yesterday|tomorrow|tonight|this\s+(?:morning|afternoon|evening))"
        r"|(?P<shift>earlier\s+|later\s+)?(?P<which>this|last|next|past|coming)\s+(?P<unit>week|month|year)(?:['’]s)?"
        rf"|(?:on\s+|last\s+|next\s+|this\s+)(?P<weekday>{days})\b(?!,?\s+(?:the\s+)?\d)"
        r"|(?:the\s+)?(?:last|past|next|coming)\s+(?:few|several|\d+|two|three|four|five|six|ten|twelve)\s+(?:days|weeks|months|years|decades))\b",
        re.IGNORECASE,
    )
    phrases = load_lexicon("dates_vague")
    initials = "".join(sorted({p[0].casefold() for p in phrases if p}))
    vague = re.compile(rf"(?<!\w)(?=[{re.escape(initials)}])(?:{alternation(phrases)})\b", re.IGNORECASE)
    trigger = re.compile(rf"\d|(?<!\w)(?=(?-i:[A-Z]))(?:{alternation(months)})\b", re.IGNORECASE)
    # what must come right before a bare year ("in 2015") or a bare month name ("in September")
    before = {
        # "in 2015", and the later years of a list: "in 2015, 2016 and 2018"
        "year": re.compile(rf"\b(?:{year_prep})[-\s]+(?:{y}(?:,?\s+(?:and|or)\s+|,\s+))*$", re.IGNORECASE),
        "y_y": re.compile(rf"\b(?:{year_prep})[-\s]+$|\(\s*$|\bthe\s+$", re.IGNORECASE),  # "(2020-2024)", "the 2020-21 period"
        "month": re.compile(
            r"\b(?:in|since|until|till|by|during|through|throughout|before|after|from|early|mid|late|of)[-\s]+"
            r"(?:(?:early|mid|late)[-\s]+)?$",
            re.IGNORECASE,
        ),
    }
    qualifier = re.compile(
        rf"(?:^|(?<=[^\w-]))(?:{alternation(load_lexicon('dates_vague_qualifiers'))})(?:\s*-\s*|\s+)$", re.IGNORECASE
    )
    return Grammar(months, weekdays, patterns, relative, vague, qualifier, before, trigger)


# --- one found expression -----------------------------------------------------------------------


@dataclass(frozen=True)
class Found:
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


def _month(grammar: Grammar, token: str | None) -> int | None:
    if not token:
        return None
    return grammar.months.get(token.rstrip(".").casefold())


def _year(token: str | None) -> int | None:
    """A written year as a year of the Common Era ("2567 B.E." is 2024)."""
    year = _int(token)
    return year - 543 if year is not None and token.rstrip(".").endswith(("E", "e")) else year


def _int(token: str | None) -> int | None:
    return int(re.match(r"\d+", token)[0]) if token else None


def _capitalised(match: re.Match, *groups: str) -> bool:
    """Month names must be written with a capital ("May 5", never "may 5")."""
    return all(
        match[g] is None or not match[g][0].isalpha() or match[g][0].isupper() for g in groups if g in match.re.groupindex
    )


def candidates(grammar: Grammar, text: str, start: int, end: int) -> list[Found]:
    """Every pattern's matches in ``text[start:end]``, before choosing among overlaps."""
    found: list[Found] = []
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
            if re.search(r"\band\s", match[0]) and not _and_is_range(grammar, chunk, lo, groups):
                continue
            weekday = re.match(rf"({alternation(grammar.weekdays)})\b", match[0], re.IGNORECASE)
            fields = _fields(grammar, name, groups)
            if fields.get("m1") is None and _period_of_name(chunk, lo, hi):
                continue
            kind = DATE
            if fields.get("d1") is None and fields.get("d2") is None:
                # "late March", "early 2015", "mid-2015", "the end of May": a vague period, qualifier included
                inner = re.match(r"(?:early|mid|late)(?:\s*-\s*|\s+)", match[0], re.IGNORECASE)
                qualifier = None if inner else grammar.qualifier.search(chunk, max(0, lo - 40), lo)
                if inner or qualifier:
                    kind, lo = VAGUE, qualifier.start() if qualifier else lo
            item = Found(
                start + lo,
                start + hi,
                name,
                weekday=grammar.weekdays[weekday[1].casefold()] if weekday else None,
                kind=kind,
                **fields,
            )
            if name == "num" or valid(item):  # numeric day/month order is settled later
                found.append(item)
    return found


def _fields(grammar: Grammar, name: str, g: dict) -> dict:
    y1, y2 = _year(g.get("y1")), _year(g.get("y2"))
    m1, m2 = _month(grammar, g.get("m1")), _month(grammar, g.get("m2"))
    d1, d2 = _int(g.get("d1")), _int(g.get("d2"))
    if name == "ymd":
        m1 = int(g["m1"])
    if name == "num":  # day/month order is settled later, from the whole article
        return {"y1": y1, "m1": int(g["b"]), "d1": int(g["a"])}
    if name == "y_y" and y2 is not None and y2 < 100:  # 2024-25
        y2 += y1 // 100 * 100
    if name in ("d_dmy", "d_mdy"):
        m1, y1 = m2, y2
        if name == "d_mdy" and d1 and d2 and m2 and d1 > d2:  # "from 25 to March 3, 2024": the first day is February's
            m1, y1 = (m2 - 1, y2) if m2 > 1 else (12, y2 - 1 if y2 else None)
    if name == "md_dy":
        m2 = m1
    return {"y1": y1, "m1": m1, "d1": d1, "y2": y2, "m2": m2, "d2": d2}


def _and_is_range(grammar: Grammar, chunk: str, lo: int, groups: dict) -> bool:
    """"between X and Y" is a range; "5 and 6 May" is one when the days are consecutive, "May and June 2017"
    when the months are."""
    if re.search(r"\bbetween\s+$", chunk[max(0, lo - 12):lo], re.IGNORECASE):
        return True
    d1, d2 = _int(groups.get("d1")), _int(groups.get("d2"))
    if d1 is None and d2 is None and groups.get("m1") and groups.get("m2") and not groups.get("y1"):
        return _month(grammar, groups["m2"]) == (_month(grammar, groups["m1"]) or 0) + 1
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


def _period_of_name(chunk: str, lo: int, hi: int) -> bool:
    """Years in brackets right after the name of a plan, strategy or operation are its period, part of the
    name (``dates_named_periods``): "the Three-Year Safe Mekong Operation Plan (2016-2018)", "Cross Border
    Policing Strategy (2025-27)"; after a person's name they are a term of office, a date.

    >>> _period_of_name("the Operation Plan (2016-2018) aims", 20, 29), _period_of_name("the plan (2016-2018) aims", 10, 19)
    (True, False)
    >>> _period_of_name("president Rafael Correa (2007-2017).", 25, 34)
    False
    >>> _period_of_name("the Strategy for Cooperation in Policing (2021-2025) aims", 42, 51)
    True
    """
    if chunk[hi : hi + 1] != ")":
        return False
    # the capitalised name before the bracket, its small words included: "the ASEAN Work Plan on Securing
    # Communities Against Illicit Drugs (2016-2025)", "the Strategy for Cooperation in Policing (2021-2025)"
    name = re.search(r"(?:[A-Z][\w'’-]*(?:\s+(?:of|on|for|to|in|against|and|the|&))*\s+)*[A-Z][\w'’-]*\s*\($", chunk[max(0, lo - 200) : lo])
    return name is not None and any(word in _named_periods() for word in re.findall(r"[A-Z][\w'’-]*", name[0]))


@functools.cache
def _named_periods() -> frozenset[str]:
    return frozenset(load_lexicon("dates_named_periods"))


def valid(f: Found) -> bool:
    for y, m, d in ((f.y1, f.m1, f.d1), (f.y2, f.m2, f.d2)):
        if m is not None and not 1 <= m <= 12:
            return False
        if d is not None and m is not None and not 1 <= d <= calendar.monthrange(y or 2024, m)[1]:
            return False
    return True


def choose(found: list[Found]) -> list[Found]:
    """The longest match wins where matches overlap."""
    chosen: list[Found] = []
    for item in sorted(found, key=lambda f: (f.start, -(f.end - f.start))):
        if chosen and item.start < chosen[-1].end:
            continue
        chosen.append(item)
    return chosen
