"""Rendering: a matplotlib Figure as deterministic PNG bytes or inline SVG, and shown in a notebook.

One concern, shared by every chart of the package (:mod:`analysis.charts`, :mod:`analysis.corpus_charts`,
:mod:`analysis.network`): the same Figure always gives the same bytes, SVG text stays text (sharp,
searchable, escaped by matplotlib, so article text cannot become markup), and several charts can share
one HTML page because their SVG ids are prefixed.

>>> from matplotlib.figure import Figure
>>> fig = Figure()
>>> _ = fig.subplots().set_title("Themes")
>>> png(fig)[:4]
b'\\x89PNG'
>>> svg(fig).startswith('<svg class="analysis-chart" role="img" aria-label="Themes"')
True
>>> embed(fig).title
'Themes'
"""
from __future__ import annotations

import hashlib
import html
import io
import re

from matplotlib.figure import Figure

from .pieces import Picture

_SVG_ID = re.compile(r'(\bid="|url\(#|xlink:href="#|href="#)([^"()]+)')


def png(fig: Figure, *, dpi: int = 96) -> bytes:
    """The Figure as PNG bytes, identical for identical figures (no software or date metadata)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None}, facecolor="white")
    return buffer.getvalue()


def title_of(fig: Figure) -> str:
    """The first Axes title of ``fig`` as written (a chart's name for alt text), or "chart"."""
    titles = [ax.get_title() for ax in fig.axes]
    return next((t for t in titles if t), "chart").replace("\\$", "$")


def svg(fig: Figure) -> str:
    """The Figure as an SVG element to inline in HTML: text kept as text (sharp, searchable, small),
    ids prefixed so that several charts share a page, ``role="img"`` and the title as its name;
    identical for identical figures (no date, a fixed hash salt)."""
    from matplotlib import rc_context

    buffer = io.StringIO()
    with rc_context({"svg.fonttype": "none", "svg.hashsalt": "analysis", "font.family": ["DejaVu Sans", "sans-serif"]}):
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None}, facecolor="white")
    text = buffer.getvalue()
    text = text[text.index("<svg"):]
    text = re.sub(r"\s*<metadata>.*?</metadata>", "", text, count=1, flags=re.S)
    prefix = "c" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
    text = _SVG_ID.sub(lambda m: f"{m.group(1)}{prefix}-{m.group(2)}", text)
    title = html.escape(title_of(fig))
    text = text.replace("<svg ", f'<svg class="analysis-chart" role="img" aria-label="{title}" ', 1)
    return re.sub(r"(<svg\b[^>]*>)", lambda m: m.group(1) + f"<title>{title}</title>", text, count=1)


class Embedded(Picture):
    """A Figure rendered once as SVG for notebooks: inline in HTML (the report, JupyterLab), else as an image.

    >>> sorted(Embedded(Figure())._repr_mimebundle_()[0])
    ['image/svg+xml', 'text/html', 'text/plain']
    """

    def __init__(self, fig: Figure) -> None:
        super().__init__(svg(fig), title_of(fig))


def embed(fig: Figure) -> Embedded:
    """Display ``fig`` in a notebook as a deterministic inline SVG without pyplot (the report notebooks use this)."""
    return Embedded(fig)
