"""HTML pieces of the report notebooks: escaped tables that say "N of M", notes, links to the evidence.

Every piece is an :class:`HTML` string that Jupyter renders; every piece of article text in it is
escaped, so nothing in an article can become markup. No piece needs a script: the full list of a
table is one click away in ``<details>``, and a row's link jumps to its mark in the article text.

>>> print(note("No <b>people</b> found."))
<p class="analysis-note">No &lt;b&gt;people&lt;/b&gt; found.</p>
"""
from __future__ import annotations

import html
import math
import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

#: Human column headings; a column not listed shows its name with spaces for underscores.
HEADERS: dict[str, str] = {
    "title_abbrev": "title (short)",
    "organization_rule": "tied by",
    "g2": "G² (keyness)",
    "log_ratio": "log ratio",
    "reference_frequency": "share in general English",
    "frequency": "share of terms",
    "flesch_kincaid_grade": "Flesch–Kincaid grade",
    "text": "as written",
    "start": "from",
    "end": "to",
}


class HTML(str):
    """Markup this package built itself (every piece of article text in it escaped); Jupyter renders it."""

    def _repr_html_(self) -> str:
        return str(self)


class Picture:
    """A chart drawn once as inline SVG (:func:`analysis.charts.svg`): Jupyter shows it inline in HTML, or as
    an image. Plain data, cheap to pickle and to show: no matplotlib needed.

    >>> sorted(Picture("<svg></svg>", "Themes")._repr_mimebundle_()[0])
    ['image/svg+xml', 'text/html', 'text/plain']
    """

    def __init__(self, svg: str, title: str) -> None:
        self.data = svg
        self.title = title

    def _repr_mimebundle_(self, include=None, exclude=None):
        return (
            {"text/html": f'<figure class="analysis-figure">{self.data}</figure>', "image/svg+xml": self.data, "text/plain": f"<chart: {self.title}>"},
            {"image/svg+xml": {"alt": self.title}},
        )


def note(message: str) -> HTML:
    """A short italic note (escaped), e.g. "No people found."."""
    return HTML(f'<p class="analysis-note">{html.escape(message)}</p>')


def missing(value: Any) -> bool:
    """True for None, NaN, NA and NaT."""
    if value is None:
        return True
    try:
        import pandas as pd

        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def text(value: Any, *, digits: int = 2) -> str:
    """A cell value as plain text: lists joined with "; ", missing values empty, whole numbers without
    decimals, other numbers to ``digits`` decimals.

    >>> [text(v) for v in (3.0, 2.456, None, ["a", "b"], "x")]
    ['3', '2.46', '', 'a; b', 'x']
    """
    if isinstance(value, (list, tuple, set, frozenset)):
        return "; ".join(text(v, digits=digits) for v in value)
    if missing(value):
        return ""
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer():
            return str(int(value))
        return f"{value:.{digits}f}"
    return str(value)


def anchor(char_start: Any) -> str | None:
    """The id of the mark that starts at ``char_start`` in the article text (see :mod:`analysis.evidence`)."""
    return None if missing(char_start) else f"m-{int(char_start)}"


def sentence_anchor(sentence: Any) -> str | None:
    """The id of the start of sentence ``sentence`` in the article text."""
    return None if missing(sentence) else f"s-{int(sentence)}"


def links(frame: pd.DataFrame) -> list[str | None]:
    """Per row of ``frame``: the anchor of its mark (``char_start``), else of its sentence, else None."""
    out = []
    for i in range(len(frame)):
        row = frame.iloc[i]
        out.append(anchor(row.get("char_start")) or sentence_anchor(row.get("sentence")))
    return out


def _css(column: Any) -> str:
    """A class attribute naming the column, for columns whose name is a plain identifier."""
    name = str(column)
    return f' class="c-{name}"' if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_-]*", name) else ""


def _rows(frame: pd.DataFrame, kept: Sequence[str], targets: Sequence[str | None] | None, digits: Mapping[str, int]) -> str:
    body = []
    for i, row in enumerate(frame[list(kept)].itertuples(index=False, name=None)):
        cells = "".join(f"<td{_css(c)}>{html.escape(text(v, digits=digits.get(c, 2)))}</td>" for c, v in zip(kept, row))
        if targets is not None:
            target = targets[i]
            link = f'<a class="analysis-where" href="#{html.escape(target)}">in text</a>' if target else ""
            cells = f'<td class="c-where">{link}</td>' + cells
        body.append(f"<tr>{cells}</tr>")
    return "".join(body)


def _table(frame: pd.DataFrame, kept: Sequence[str], names: Mapping[str, str], targets, digits, css: str) -> str:
    head = "".join(f"<th>{html.escape(names.get(c) or HEADERS.get(c) or str(c).replace('_', ' '))}</th>" for c in kept)
    if targets is not None:
        head = '<th class="c-where">where</th>' + head
    classes = " ".join(filter(None, ["analysis-table", css]))
    return f'<div class="analysis-scroll"><table class="{classes}"><thead><tr>{head}</tr></thead><tbody>{_rows(frame, kept, targets, digits)}</tbody></table></div>'


def table(
    frame: pd.DataFrame,
    columns: Sequence[str] | Mapping[str, str] | None = None,
    *,
    empty: str = "Nothing found.",
    rows: int | None = 10,
    noun: str = "rows",
    css: str = "",
    link: bool = False,
    digits: Mapping[str, int] | None = None,
) -> HTML:
    """``frame`` as an escaped HTML table that says "N of M": its first ``rows`` rows, and all of them one
    click away in ``<details>``; or a note when it is empty or could not be computed.

    ``columns``: the columns to show (those that exist), or a mapping of column to heading. ``link``:
    a first column linking each row to its mark in the article text (its ``char_start``, else its
    ``sentence``). ``digits``: decimals per numeric column (default 2; whole numbers show none).

    >>> import pandas as pd
    >>> print(table(pd.DataFrame({"name": ["<script>x</script>"]}), noun="names"))  # doctest: +NORMALIZE_WHITESPACE
    <div class="analysis-block"><p class="analysis-count">1 of 1 names.</p><div class="analysis-scroll"><table class="analysis-table"><thead><tr><th>name</th></tr></thead><tbody><tr><td class="c-name">&lt;script&gt;x&lt;/script&gt;</td></tr></tbody></table></div></div>
    """
    error = frame.attrs.get("error") if frame is not None else None
    if error:
        return note(f"{empty} (This table could not be computed: {error})")
    if frame is None or len(frame) == 0:
        return note(empty)
    names = dict(columns) if isinstance(columns, Mapping) else {}
    kept = [c for c in (list(columns) if columns is not None else list(frame.columns)) if c in frame.columns]
    digits = dict(digits or {})
    targets = links(frame) if link else None
    total = len(frame)
    shown = total if rows is None or total <= rows else rows
    head = frame.head(shown)
    parts = [
        f'<div class="analysis-block"><p class="analysis-count">{shown} of {total} {html.escape(noun)}'
        + ("." if shown == total else " shown, the strongest first; the full list is below.")
        + "</p>",
        _table(head, kept, names, targets[:shown] if targets else targets, digits, css),
    ]
    if shown < total:
        # the full list repeats the rows without their links: ids and targets stay unique
        parts.append(f'<details class="analysis-more"><summary>All {total} {html.escape(noun)}</summary>{_table(frame, kept, names, None, digits, css)}</details>')
    parts.append("</div>")
    return HTML("".join(parts))


def first(frame: pd.DataFrame | None, column: str) -> str:
    """The first non-empty value of ``frame[column]`` as text, or ""."""
    if frame is None or column not in getattr(frame, "columns", ()) or len(frame) == 0:
        return ""
    return next((text(v) for v in frame[column] if text(v)), "")
