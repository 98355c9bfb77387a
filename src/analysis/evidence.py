"""The article's text with what the tables found marked: people, organizations, places, dates, theme terms.

Each mark is a ``<mark>`` whose id is ``m-<char_start>``, so a table row links to the words it came
from (``href="#m-220"``); each sentence starts with an anchor ``s-<index>``. No script: anchors,
``<mark>`` and CSS (``:target`` highlights the mark a link leads to). The text is escaped.

>>> import pandas as pd
>>> from analysis.article import parse_article
>>> article = parse_article("Title\\n\\nPolice met in Hanoi.")
>>> places = pd.DataFrame({"name": ["Hanoi"], "aliases": [""], "char_start": [22], "char_end": [27]})
>>> 'id="m-22"' in article_text(article, places=places)
True
"""
from __future__ import annotations

import html
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from .pieces import HTML, missing

if TYPE_CHECKING:
    import pandas as pd

    from .article import Article

#: Kinds of marks, in the order they win when two overlap: mark class and legend text.
KINDS = {
    "person": "person",
    "organization": "organization",
    "place": "place",
    "date": "date",
    "theme": "theme term",
}


def _names(frame: pd.DataFrame | None) -> set[str]:
    names: set[str] = set()
    if frame is None or len(frame) == 0:
        return names
    for column in ("name", "aliases"):
        if column in frame.columns:
            for value in frame[column].dropna():
                names.update(v.strip() for v in str(value).split(";") if len(v.strip()) > 1)
    return names


def _occurrences(article: Article, names: Iterable[str]) -> list[tuple[int, int]]:
    names = sorted(set(names), key=len, reverse=True)
    if not names:
        return []
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)")
    return [(m.start(), m.end()) for m in pattern.finditer(article.text)]


def _row_spans(frame: pd.DataFrame | None) -> list[tuple[int, int]]:
    if frame is None or len(frame) == 0 or not {"char_start", "char_end"} <= set(frame.columns):
        return []
    return [(int(a), int(b)) for a, b in zip(frame["char_start"], frame["char_end"]) if not missing(a) and not missing(b) and int(b) > int(a)]


def marks(
    article: Article,
    *,
    persons: pd.DataFrame | None = None,
    organizations: pd.DataFrame | None = None,
    places: pd.DataFrame | None = None,
    dates: pd.DataFrame | None = None,
    theme_matches: pd.DataFrame | None = None,
) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every mark, nested or apart, never crossing: the rows' own spans first
    (a table row must find its mark), then every other occurrence of the names; a span that would
    cross a kept one is dropped."""
    wanted: list[tuple[int, int, str, int]] = []  # start, end, kind, priority (0: a row's own span)
    for kind, frame in (("person", persons), ("organization", organizations), ("place", places)):
        wanted += [(a, b, kind, 0) for a, b in _row_spans(frame)]
        wanted += [(a, b, kind, 1) for a, b in _occurrences(article, _names(frame))]
    wanted += [(a, b, "date", 0) for a, b in _row_spans(dates)]
    if theme_matches is not None and len(theme_matches) and "weight" in theme_matches.columns:
        wanted += [(a, b, "theme", 0) for a, b in _row_spans(theme_matches[theme_matches["weight"] > 0])]
    order = list(KINDS)
    wanted.sort(key=lambda m: (m[3], order.index(m[2]), m[0], -(m[1] - m[0])))
    kept: list[tuple[int, int, str]] = []
    starts: set[int] = set()
    for start, end, kind, _ in wanted:
        if start in starts:
            continue  # one mark per start: that is its anchor
        if any(a < start < b < end or start < a < end < b for a, b, _ in kept):
            continue  # would cross a kept mark
        if any(a == start and b == end for a, b, _ in kept):
            continue
        kept.append((start, end, kind))
        starts.add(start)
    return sorted(kept, key=lambda m: (m[0], -m[1]))


def _render(text: str, lo: int, hi: int, spans: list[tuple[int, int, str]], sentence_starts: dict[int, int]) -> str:
    """``text[lo:hi]`` escaped, with the (properly nested) ``spans`` as marks and sentence anchors."""
    out: list[str] = []
    cursor = lo
    i = 0

    def plain(a: int, b: int) -> None:
        nonlocal out
        at = a
        for s in sorted(p for p in sentence_starts if a <= p < b):
            out.append(html.escape(text[at:s]))
            out.append(f'<a class="analysis-sentence" id="s-{sentence_starts[s]}"></a>')
            at = s
        out.append(html.escape(text[at:b]))

    while i < len(spans):
        start, end, kind = spans[i]
        inner = []
        j = i + 1
        while j < len(spans) and spans[j][0] < end:
            inner.append(spans[j])
            j += 1
        plain(cursor, start)
        out.append(f'<mark class="mk-{kind}" id="m-{start}">' + _render(text, start, end, inner, sentence_starts) + "</mark>")
        cursor = end
        i = j
    plain(cursor, hi)
    return "".join(out)


def article_text(
    article: Article,
    *,
    persons: pd.DataFrame | None = None,
    organizations: pd.DataFrame | None = None,
    places: pd.DataFrame | None = None,
    dates: pd.DataFrame | None = None,
    theme_matches: pd.DataFrame | None = None,
) -> HTML:
    """The whole article (title, byline, body) as escaped paragraphs with :func:`marks` and sentence anchors,
    and a legend of the marks' colours."""
    spans = marks(article, persons=persons, organizations=organizations, places=places, dates=dates, theme_matches=theme_matches)
    sentence_starts = {s.start: s.index for s in article.sentences}
    paragraphs = []
    for paragraph in article.paragraphs:
        inside = [m for m in spans if paragraph.start <= m[0] and m[1] <= paragraph.end]
        tag = "p"
        css = f"analysis-{paragraph.kind}"
        paragraphs.append(f'<{tag} class="{css}">{_render(article.text, paragraph.start, paragraph.end, inside, sentence_starts)}</{tag}>')
    used = {kind for _, _, kind in spans}
    legend = "".join(f'<mark class="mk-{k}">{html.escape(v)}</mark> ' for k, v in KINDS.items() if k in used)
    legend_html = f'<p class="analysis-legend">Marked: {legend.strip()}</p>' if legend else ""
    return HTML(f'<div class="analysis-article" id="analysis-article">{legend_html}{"".join(paragraphs)}</div>')
