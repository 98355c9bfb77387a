"""Charts: functions from tables to matplotlib Figures (they never touch pyplot or call ``plt.show()``).

Every function takes a table of the package's contract, returns a :class:`matplotlib.figure.Figure`
with a title and axis labels, and draws a short "nothing found" note for an empty table, so a
report never fails on an article where an extractor found nothing. The Figures display themselves
in Jupyter (as SVG, with their title as alt text), so a chart called in a cell shows the chart.
Every label drawn from data is literal text: a ``$`` in an article never turns into math.

>>> import pandas as pd
>>> term_bars(pd.DataFrame({"term": ["cybercrime"], "count": [8]})).axes[0].get_title()
'Top terms'
>>> fig = people_by_organization(pd.DataFrame(columns=["name", "organization"]))
>>> fig.axes[0].texts[0].get_text()
'No people found.'
>>> png(fig)[:4]
b'\\x89PNG'
>>> svg(fig).startswith("<svg")
True
"""
from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

import pandas as pd
from matplotlib.figure import Figure

from .rendering import Embedded, embed, png, svg  # noqa: F401  (charts.svg, charts.embed: the public names)

if TYPE_CHECKING:
    from matplotlib.axes import Axes

#: One palette for every chart: dark blue first, then contrasting hues (colour-blind friendly order).
PALETTE = ["#1f4e79", "#2e86ab", "#f18f01", "#c73e1d", "#6a994e", "#8d5a97", "#3b1f2b", "#8d99ae"]
#: Sequential colour map for heatmaps, matching the palette's blue.
CMAP = "Blues"
WIDTH = 6.4  # inches: the report's text column; SVG scales, and text stays readable on a phone
LABEL_WIDTH = 38  # characters per line of a wrapped tick label
NO_ORGANIZATION = "(no organization)"

_STYLE = {"font.size": 10, "axes.titlesize": 11.5, "axes.labelsize": 10}


def label(text: object, *, width: int = LABEL_WIDTH, lines: int | None = 2) -> str:
    """``text`` as literal chart text, wrapped to ``width`` characters on at most ``lines`` lines
    (``…`` where cut; ``lines=None`` never cuts). A ``$`` stays a dollar sign, never math.

    >>> label("Director for Plans and Programmes of the Secretariat", width=20)
    'Director for Plans\\nand Programmes of…'
    >>> label("US$5 million and $2", lines=None)
    'US\\\\$5 million and \\\\$2'
    """
    text = " ".join(str(text).split()) if not _missing(text) else "—"
    wrapped = textwrap.wrap(text, width=width, break_long_words=True) or [""]
    if lines is not None and len(wrapped) > lines:
        wrapped = wrapped[:lines]
        wrapped[-1] = wrapped[-1][: width - 1].rstrip() + "…"
    return literal("\n".join(wrapped))


def literal(text: object) -> str:
    """``text`` escaped for matplotlib so that it is drawn as written (``$`` never starts math).

    >>> literal("$x^2$")
    '\\\\$x^2\\\\$'
    """
    return str(text).replace("$", "\\$")


def _missing(value: object) -> bool:
    try:
        return value is None or bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


class Chart(Figure):
    """A matplotlib Figure that Jupyter displays as SVG (title as alt text), without pyplot."""

    def _repr_mimebundle_(self, include=None, exclude=None):
        return Embedded(self)._repr_mimebundle_(include, exclude)


def _figure(rows: int = 0, *, height: float | None = None, width: float = WIDTH) -> tuple[Figure, Axes]:
    """A constrained-layout Figure with one Axes, tall enough for ``rows`` bars of two-line labels."""
    fig = Chart(figsize=(width, height if height is not None else max(2.2, 0.42 * rows + 1.2)), layout="constrained")
    ax = fig.subplots()
    # Styled per Axes, not through rcParams: a chart looks the same whatever the caller's matplotlib settings.
    ax.set_prop_cycle(color=PALETTE)
    ax.spines["top"].set_visible(False)
    ax.spines["right"].set_visible(False)
    ax.tick_params(labelsize=_STYLE["font.size"])
    ax.xaxis.label.set_fontsize(_STYLE["axes.labelsize"])
    ax.yaxis.label.set_fontsize(_STYLE["axes.labelsize"])
    return fig, ax


def _title(ax: Axes, title: str) -> None:
    ax.set_title(literal(title), fontsize=_STYLE["axes.titlesize"], fontweight="bold")


def _empty(title: str, message: str, *, xlabel: str = "", ylabel: str = "") -> Figure:
    """A small Figure that says ``message`` where the chart would be."""
    fig, ax = _figure(height=1.8)
    _title(ax, title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.text(0.5, 0.5, literal(message), ha="center", va="center", transform=ax.transAxes, color="#555555", fontsize=10)
    return fig


def _bars(values: pd.Series, labels: pd.Series, *, title: str, xlabel: str, ylabel: str = "", colors=None) -> Figure:
    """Horizontal bars, first row on top, labels wrapped."""
    fig, ax = _figure(len(values))
    positions = range(len(values))[::-1]
    ax.barh(list(positions), list(values), color=colors if colors is not None else PALETTE[0], height=0.7)
    ax.set_yticks(list(positions), [label(t) for t in labels])
    _title(ax, title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.margins(y=0.02)
    return fig


def _has(table: pd.DataFrame | None, *columns: str) -> bool:
    return table is not None and len(table) > 0 and all(c in table.columns for c in columns)


# --- article charts -----------------------------------------------------------------------------


def term_bars(terms: pd.DataFrame, *, title: str = "Top terms", column: str = "count", n: int = 15) -> Figure:
    """Horizontal bars of ``terms[column]`` by ``terms['term']``, the ``n`` largest on top.

    >>> term_bars(pd.DataFrame(columns=["term", "count"])).axes[0].texts[0].get_text()
    'No terms found.'
    """
    if not _has(terms, "term", column):
        return _empty(title, "No terms found.", xlabel=column.replace("_", " "))
    top = terms.sort_values(column, ascending=False, kind="stable").head(n)
    return _bars(top[column], top["term"], title=title, xlabel=column.replace("_", " "), ylabel="term")


def people_by_organization(persons: pd.DataFrame, places: pd.DataFrame | None = None, *, title: str = "People by organization", n: int = 12) -> Figure:
    """How many people each organization sent (``participants`` table); people without one counted apart.
    With the ``places`` table, a party that is a country ("South Korea") is labelled as one, not taken for an organization.
    """
    if not _has(persons, "name"):
        return _empty(title, "No people found.", xlabel="people")
    organization = persons["organization"] if "organization" in persons.columns else pd.Series(index=persons.index, dtype=object)
    counts = organization.where(organization.notna() & (organization.astype(str).str.strip() != ""), NO_ORGANIZATION)
    if _has(places, "name", "kind"):
        countries = set(places.loc[places["kind"] == "country", "name"].astype(str))
        counts = counts.map(lambda o: f"{o} (country)" if o in countries else o)
    counts = counts.value_counts(sort=False).rename_axis("organization").reset_index(name="people")
    counts = counts.sort_values(["people", "organization"], ascending=[False, True], kind="stable").head(n)
    fig = _bars(counts["people"], counts["organization"], title=title, xlabel="people named", ylabel="organization or country")
    fig.axes[0].xaxis.get_major_locator().set_params(integer=True)
    return fig


def _parse_iso(value: object, *, end: bool = False) -> pd.Timestamp | None:
    """A Timestamp for ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` (the end of the period with ``end``); None otherwise."""
    if _missing(value):
        return None
    text = str(value)
    try:
        if len(text) == 10 and text[4] == "-":
            return pd.Timestamp(text)
        if len(text) == 7 and text[4] == "-":
            start = pd.Timestamp(text + "-01")
            return start + pd.offsets.MonthEnd(0) if end else start
        if len(text) == 4 and text.isdigit():
            return pd.Timestamp(f"{text}-12-31" if end else f"{text}-01-01")
    except (ValueError, OverflowError):
        return None
    return None  # "--MM-DD": no year to place it on an axis


def timeline_marks(timeline: pd.DataFrame) -> list[tuple[pd.Timestamp, pd.Timestamp, str, object]]:
    """(first day, last day, label, kind) of every row of ``timeline`` that a calendar can place, in the
    table's order: a day, a range of days, a month or a year (as the span of its days). Rows whose date
    has no year ("--MM-DD") cannot be placed and are left out.

    >>> [(a.date().isoformat(), b.date().isoformat()) for a, b, _, _ in timeline_marks(pd.DataFrame(
    ...     {"start": ["2024-08-27", "2024-06"], "end": ["2024-08-29", "2025-03"], "text": ["27-29 August", "June 2024 to March 2025"]}))]
    [('2024-08-27', '2024-08-29'), ('2024-06-01', '2025-03-31')]
    """
    rows = []
    if not _has(timeline, "start"):
        return rows
    for row in timeline.itertuples(index=False):
        start = _parse_iso(getattr(row, "start", None))
        if start is None:
            continue
        end = _parse_iso(getattr(row, "end", None), end=True) or _parse_iso(getattr(row, "start", None), end=True)
        what, text = getattr(row, "event", None), getattr(row, "text", None)
        name = f"{text} · {what}" if not _missing(what) and not _missing(text) else (text if not _missing(text) else what)
        rows.append((start, max(end, start), name, getattr(row, "kind", None)))
    return rows


def timeline_chart(timeline: pd.DataFrame, *, title: str = "Timeline") -> Figure:
    """Every dated row of ``timeline`` on a calendar, one mark each (SVG id ``timeline-mark-N``): a dot
    for a day, a bar with both ends marked for a range of days, a month or a year, drawn inclusively
    (a bar covers its first and last day whole; day labels sit in the middle of their day).

    Rows whose date has no year cannot be placed and are left out (:func:`timeline_marks`).
    """
    rows = timeline_marks(timeline)
    if not rows:
        return _empty(title, "No dates to place on a timeline.", xlabel="date")
    import matplotlib.dates as mdates
    from matplotlib.ticker import FixedLocator

    wrapped = [label(r[2], width=44, lines=None) for r in rows]
    lines = sum(w.count("\n") + 1 for w in wrapped)
    fig, ax = _figure(height=max(2.2, 0.3 * lines + 0.25 * len(rows) + 1.2))
    one_day = pd.Timedelta(days=1)
    for y, (number, (start, end, _name, kind)) in zip(range(len(rows))[::-1], enumerate(rows)):
        color = PALETTE[2] if kind == "publication" else PALETTE[0]
        left, right = mdates.date2num(start), mdates.date2num(end + one_day)  # the last day is covered whole
        if end > start:
            artist = ax.barh(y, right - left, left=left, height=0.45, color=color, alpha=0.85)[0]
            ax.plot([left + 0.5, right - 0.5], [y, y], marker="|", markersize=11, color=color, linestyle="none")
        else:
            artist = ax.plot([left + 0.5], [y], marker="o", markersize=7, color=color, linestyle="none")[0]
        artist.set_gid(f"timeline-mark-{number}")
    ax.set_yticks(list(range(len(rows))[::-1]), wrapped)
    lo = min(r[0] for r in rows)
    hi = max(r[1] for r in rows) + one_day
    days = (hi - lo).days
    pad = pd.Timedelta(days=max(1, round(days * 0.04)))
    ax.set_xlim(mdates.date2num(lo - pad), mdates.date2num(hi + pad))
    if days <= 21:  # day ticks in the middle of each day, so that a range ends where its last day ends
        step = 1 if days <= 10 else 2
        ticks = [mdates.date2num(lo + pd.Timedelta(days=d)) + 0.5 for d in range(0, days, step)]
        ax.xaxis.set_major_locator(FixedLocator(ticks))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%d %b\n%Y" if days > 0 else "%d %b"))
        ax.tick_params(axis="x", length=0)
    else:
        locator = mdates.AutoDateLocator(minticks=3, maxticks=7)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.grid(axis="x", color="#e5e5e5", linewidth=0.8)
    ax.set_axisbelow(True)
    ax.margins(y=0.5 / max(len(rows), 1))
    _title(ax, title)
    ax.set_xlabel("date (orange: publication)")
    ax.set_ylabel("date as written · event")
    return fig


def theme_bars(themes: pd.DataFrame, *, title: str = "Themes", n: int = 10) -> Figure:
    """Theme scores (``themes`` table), the strongest on top, labelled with the theme's label."""
    if not _has(themes, "score"):
        return _empty(title, "No themes found.", xlabel="score")
    top = themes.sort_values("score", ascending=False, kind="stable").head(n)
    names = top["label"].where(top["label"].notna(), top.get("theme")) if "label" in top.columns else top["theme"]
    return _bars(top["score"], names, title=title, xlabel="score", ylabel="theme")


def keyness_chart(keyness: pd.DataFrame, *, title: str = "Key terms against general English", n: int = 15) -> Figure:
    """Log-likelihood (G²) of the most distinctive terms; blue where the article over-uses a term, red where it under-uses it."""
    if not _has(keyness, "term", "g2"):
        return _empty(title, "No key terms found.", xlabel="log-likelihood G²")
    top = keyness.sort_values("g2", ascending=False, kind="stable").head(n)
    if "log_ratio" in top.columns:
        colors = [PALETTE[0] if (_missing(v) or v >= 0) else PALETTE[3] for v in top["log_ratio"]]
    else:
        colors = PALETTE[0]
    return _bars(top["g2"], top["term"], title=title, xlabel="log-likelihood G² (higher: more distinctive)", ylabel="term", colors=colors)


def paragraph_grades(readability: pd.DataFrame, *, measure: str = "flesch_kincaid_grade", title: str = "Grade level per paragraph") -> Figure:
    """``measure`` of each paragraph (rows with ``scope == "paragraph"``), with the body's value as a dashed line."""
    scope = readability["scope"] if _has(readability, "scope", measure) else None
    if scope is None or not (scope == "paragraph").any():
        return _empty(title, "No paragraph measures.", xlabel="paragraph", ylabel=measure.replace("_", " "))
    paragraphs = readability[scope == "paragraph"]
    numbers = list(range(1, len(paragraphs) + 1))
    fig, ax = _figure(height=3.2)
    ax.bar(numbers, paragraphs[measure].astype(float), color=PALETTE[0], width=0.7)
    body = readability.loc[scope == "body", measure]
    if len(body) and not _missing(body.iloc[0]):
        ax.axhline(float(body.iloc[0]), color=PALETTE[2], linestyle="--", linewidth=1.5, label=f"whole body: {float(body.iloc[0]):.1f}")
        ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)  # outside: never over a bar
    ax.set_xticks(numbers)
    _title(ax, title)
    ax.set_xlabel("paragraph of the body")
    ax.set_ylabel(measure.replace("_", " "))
    return fig


# --- corpus charts ------------------------------------------------------------------------------


def _article_order(articles: pd.DataFrame | None, ids) -> list:
    """Article ids by publication date (undated last), then id."""
    ids = list(dict.fromkeys(ids))
    if articles is None or not _has(articles, "article_id"):
        return sorted(ids, key=str)
    published = dict(zip(articles["article_id"], articles["published"] if "published" in articles.columns else [None] * len(articles)))
    return sorted(ids, key=lambda i: (_missing(published.get(i)), str(published.get(i)) if not _missing(published.get(i)) else "", str(i)))


def _article_labels(articles: pd.DataFrame | None, ids: list) -> list[str]:
    if articles is None or not _has(articles, "article_id"):
        return [label(i, width=30, lines=1) for i in ids]
    dated = {}
    for row in articles.itertuples(index=False):
        when = getattr(row, "published", None)
        dated[row.article_id] = f"{str(when)[:10]} {row.article_id}" if not _missing(when) else str(row.article_id)
    return [label(dated.get(i, i), width=30, lines=1) for i in ids]


MAX_ROWS = 40  # articles drawn one by one; more are averaged per month (or year)


def _by_article_or_period(matrix: pd.DataFrame, articles: pd.DataFrame | None, order: list) -> tuple[pd.DataFrame, str]:
    """``matrix`` (rows: article ids in ``order``) with readable row labels, averaged per month or year when
    there are more than :data:`MAX_ROWS` articles; and the axis label saying which."""
    matrix = matrix.reindex(index=order, fill_value=0)
    if len(order) <= MAX_ROWS:
        matrix.index = _article_labels(articles, order)
        return matrix, "article (by date)"
    published = {}
    if _has(articles, "article_id", "published"):
        published = {i: str(p)[:10] for i, p in zip(articles["article_id"], articles["published"]) if not _missing(p)}
    for width, unit in ((7, "month"), (4, "year")):
        periods = [published[i][:width] if i in published else "undated" for i in order]
        if len(set(periods)) <= MAX_ROWS or width == 4:
            grouped = matrix.groupby(periods, sort=False).mean()
            grouped = grouped.loc[sorted(grouped.index, key=lambda p: (p == "undated", p))]
            counts = pd.Series(periods).value_counts()
            grouped.index = [f"{p} ({counts[p]})" for p in grouped.index]
            return grouped.tail(MAX_ROWS), f"{unit} (articles), mean"
    raise AssertionError("unreachable")


def _heatmap(matrix: pd.DataFrame, *, title: str, xlabel: str, ylabel: str, colorbar: str, fmt: str = "{:.0f}") -> Figure:
    fig, ax = _figure(height=max(2.6, 0.38 * len(matrix) + 1.8), width=max(WIDTH, 0.5 * len(matrix.columns) + 3.5))
    image = ax.imshow(matrix.to_numpy(dtype=float), aspect="auto", cmap=CMAP, vmin=0)
    ax.set_xticks(range(len(matrix.columns)), [label(c, width=18, lines=2) for c in matrix.columns], rotation=45, ha="right", rotation_mode="anchor")
    ax.set_yticks(range(len(matrix.index)), list(matrix.index))
    ax.spines[:].set_visible(False)
    peak = float(matrix.to_numpy(dtype=float).max()) if matrix.size else 0.0
    if matrix.size <= 400:
        for (i, j), value in pd.DataFrame(matrix.to_numpy(dtype=float)).stack().items():
            if value:
                ax.text(j, i, fmt.format(value), ha="center", va="center", fontsize=7.5, color="white" if value > peak * 0.6 else "#222222")
    fig.colorbar(image, ax=ax, label=colorbar, shrink=0.8)
    _title(ax, title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    return fig


def theme_heatmap(themes: pd.DataFrame, articles: pd.DataFrame | None = None, *, title: str = "Themes over time", value: str = "score", n: int = 13) -> Figure:
    """Articles (rows, by publication date) × themes (columns): each theme's ``value`` in each article.

    More than :data:`MAX_ROWS` articles are averaged per publication month (or year), so the chart
    stays readable for a large corpus.
    """
    if not _has(themes, "article_id", "theme", value):
        return _empty(title, "No themes found.", xlabel="theme", ylabel="article")
    names = themes["label"].where(themes["label"].notna(), themes["theme"]) if "label" in themes.columns else themes["theme"]
    table = themes.assign(_name=names.astype(str))
    strongest = table.groupby("_name")[value].sum().sort_values(ascending=False, kind="stable").head(n).index
    matrix = table[table["_name"].isin(strongest)].pivot_table(index="article_id", columns="_name", values=value, aggfunc="sum", fill_value=0)
    order = _article_order(articles, (articles["article_id"] if _has(articles, "article_id") else matrix.index))
    matrix, rows = _by_article_or_period(matrix.reindex(columns=list(strongest), fill_value=0), articles, order)
    return _heatmap(matrix, title=title, xlabel="theme", ylabel=rows, colorbar=f"theme {value}", fmt="{:.1f}")


def readability_distribution(readability: pd.DataFrame, *, measure: str = "flesch_kincaid_grade", title: str = "Readability across articles") -> Figure:
    """Histogram of ``measure`` over the articles' bodies (``scope == "body"`` rows of the corpus table)."""
    if not _has(readability, measure):
        return _empty(title, "No readability measures.", xlabel=measure.replace("_", " "), ylabel="articles")
    rows = readability[readability["scope"] == "body"] if "scope" in readability.columns else readability
    values = pd.to_numeric(rows[measure], errors="coerce").dropna()
    if values.empty:
        return _empty(title, "No readability measures.", xlabel=measure.replace("_", " "), ylabel="articles")
    fig, ax = _figure(height=3.2)
    ax.hist(values, bins=min(20, max(5, len(values))), color=PALETTE[0], edgecolor="white")
    ax.axvline(values.median(), color=PALETTE[2], linestyle="--", linewidth=1.5, label=f"median: {values.median():.1f}")
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)  # outside: never over a bar
    ax.yaxis.get_major_locator().set_params(integer=True)
    _title(ax, title)
    ax.set_xlabel(measure.replace("_", " "))
    ax.set_ylabel("articles")
    return fig


def cooccurrence_matrix(table: pd.DataFrame, *, column: str = "name", by: str = "article_id", n: int = 15) -> pd.DataFrame:
    """How many articles each pair of the ``n`` most frequent ``column`` values share (diagonal: articles naming it).

    >>> t = pd.DataFrame({"article_id": ["a", "a", "b"], "name": ["KNPA", "ASEANAPOL", "KNPA"]})
    >>> int(cooccurrence_matrix(t).loc["KNPA", "ASEANAPOL"])
    1
    """
    if not _has(table, column, by):
        return pd.DataFrame()
    pairs = table[[by, column]].dropna().drop_duplicates()
    top = pairs[column].value_counts().sort_index(kind="stable").sort_values(ascending=False, kind="stable").head(n).index
    incidence = pd.crosstab(pairs[pairs[column].isin(top)][column], pairs[pairs[column].isin(top)][by])
    matrix = incidence @ incidence.T
    return matrix.reindex(index=list(top), columns=list(top), fill_value=0)


def cooccurrence(table: pd.DataFrame, *, column: str = "name", by: str = "article_id", title: str = "Who appears with whom", n: int = 15) -> Figure:
    """Heatmap of :func:`cooccurrence_matrix`: the articles two people (or organizations) appear in together."""
    matrix = cooccurrence_matrix(table, column=column, by=by, n=n)
    if matrix.empty:
        return _empty(title, "Nothing named in the articles.", xlabel=column, ylabel=column)
    matrix.index = [label(i, width=28, lines=1) for i in matrix.index]
    return _heatmap(matrix, title=title, xlabel=column, ylabel=column, colorbar="articles together")


def term_trends(terms: pd.DataFrame, articles: pd.DataFrame | None = None, *, n: int = 6, title: str = "Term trends") -> Figure:
    """Relative frequency of the corpus's ``n`` most frequent terms in each article, articles by date."""
    if not _has(terms, "article_id", "term", "count"):
        return _empty(title, "No terms found.", xlabel="article", ylabel="share of the article's terms")
    value = "frequency" if "frequency" in terms.columns else "count"
    top = terms.groupby("term")["count"].sum().sort_index().sort_values(ascending=False, kind="stable").head(n).index
    ids = articles["article_id"] if _has(articles, "article_id") else terms["article_id"]
    order = _article_order(articles, ids)
    matrix = terms[terms["term"].isin(top)].pivot_table(index="article_id", columns="term", values=value, aggfunc="sum", fill_value=0)
    matrix, rows = _by_article_or_period(matrix.reindex(columns=list(top), fill_value=0), articles, order)
    fig, ax = _figure(height=3.6, width=max(WIDTH, 0.3 * len(matrix) + 4))
    x = range(len(matrix))
    for i, term in enumerate(top):
        ax.plot(list(x), matrix[term].to_numpy(dtype=float), marker="o", markersize=4, linewidth=1.6, color=PALETTE[i % len(PALETTE)], label=label(term, width=20, lines=1))
    ax.set_xticks(list(x), list(matrix.index), rotation=45, ha="right", rotation_mode="anchor")
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, title="term")
    _title(ax, title)
    ax.set_xlabel(rows)
    ax.set_ylabel("share of the article's terms" if value == "frequency" else "count")
    return fig


def network(edges: pd.DataFrame, **options) -> Figure:
    """Who appears with whom, drawn from :func:`analysis.directory`'s edges (see :func:`analysis.network.network_chart`),
    e.g. ``charts.network(analysis.directory(articles).edges, n=30)``."""
    from .network import network_chart

    return network_chart(edges, **options)
