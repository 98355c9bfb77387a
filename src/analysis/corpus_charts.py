"""Charts of a whole corpus on a real time axis: events, themes by article date, readability, places.

Each function takes corpus tables (with ``article_id``) and returns a matplotlib Figure; nothing
here calls pyplot. Articles without a date are never placed at an end of the axis: they get a
panel of their own, marked "undated".

>>> import pandas as pd
>>> fig = themes_over_time(pd.DataFrame(columns=["article_id", "theme", "score"]), None)
>>> fig.axes[0].texts[0].get_text()
'No themes found.'
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd
from matplotlib.figure import Figure

if TYPE_CHECKING:
    from matplotlib.axes import Axes

PALETTE = ["#1f4e79", "#2e86ab", "#f18f01", "#c73e1d", "#6a994e", "#8d5a97", "#3b1f2b", "#8d99ae"]
WIDTH = 7.5
UNDATED = "#c73e1d"


def _empty(title: str, message: str) -> Figure:
    fig = Figure(figsize=(WIDTH, 1.8), layout="constrained")
    ax = fig.subplots()
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_title(title, fontsize=11, fontweight="bold")
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, color="#555555", fontsize=10)
    return fig


def _style(ax: Axes) -> None:
    ax.spines["top"].set_visible(False)
    ax.spines["right"].set_visible(False)
    ax.tick_params(labelsize=8.5)


def _day(value: object) -> pd.Timestamp | None:
    """A Timestamp of an ISO date or date-time, or of ``YYYY-MM`` / ``YYYY`` (first day); None otherwise."""
    if value is None or isinstance(value, float) and value != value:
        return None
    text = str(value).strip()[:10]
    try:
        if len(text) == 10 and text[4] == "-" and text[:4].isdigit():
            return pd.Timestamp(text)
        if len(text) == 7 and text[4] == "-" and text[:4].isdigit():
            return pd.Timestamp(text + "-01")
        if len(text) == 4 and text.isdigit():
            return pd.Timestamp(text + "-01-01")
    except (ValueError, OverflowError):
        return None
    return None


def article_dates(articles: pd.DataFrame | None) -> dict[str, pd.Timestamp | None]:
    """article_id → its publication day (None when undated)."""
    if articles is None or "article_id" not in getattr(articles, "columns", ()):
        return {}
    published = articles["published"] if "published" in articles.columns else [None] * len(articles)
    return {str(a): _day(p) for a, p in zip(articles["article_id"], published)}


def _date_axis(ax: Axes) -> None:
    import matplotlib.dates as mdates

    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))


def events_timeline(events: pd.DataFrame | None, *, n: int = 20, title: str = "Events across the corpus") -> Figure:
    """Each named event of the corpus (one row however many articles name it) from its start to its end
    on a calendar axis, the ``n`` named in the most articles; the note says how many are left out."""
    if events is None or not len(events) or "name" not in events.columns:
        return _empty(title, "No named events found.")
    rows = []
    for name, group in events.groupby(events["name"].astype(str).str.strip(), sort=False):
        starts = [d for d in map(_day, group["start"]) if d is not None] if "start" in group else []
        ends = [d for d in map(_day, group["end"]) if d is not None] if "end" in group else []
        if not starts:
            continue
        start = min(starts)
        rows.append((name, start, max([start, *ends]), group["article_id"].nunique()))
    undated = events["name"].nunique() - len(rows)
    if not rows:
        return _empty(title, f"None of the {events['name'].nunique()} named events has a date.")
    table = pd.DataFrame(rows, columns=["name", "start", "end", "articles"])
    shown = table.sort_values(["articles", "start"], ascending=[False, True]).head(n).sort_values("start", ascending=False)
    fig = Figure(figsize=(WIDTH, max(2.4, 0.32 * len(shown) + 1.4)), layout="constrained")
    ax = fig.subplots()
    _style(ax)
    import matplotlib.dates as mdates

    for y, row in enumerate(shown.itertuples(index=False)):
        left = mdates.date2num(row.start)
        width = max(mdates.date2num(row.end) - left, 0)
        if width:
            ax.barh(y, width, left=left, height=0.5, color=PALETTE[1])
        ax.plot([left], [y], marker="o", color=PALETTE[0], markersize=4 + 2 * min(row.articles, 5))
    labels = [(name if len(name) <= 48 else name[:47] + "…") for name in shown["name"]]
    ax.set_yticks(range(len(shown)), labels)
    _date_axis(ax)
    ax.set_title(title, fontsize=11, fontweight="bold")
    ax.set_xlabel(f"{len(shown)} of {len(table)} dated events (marker size: articles naming it)" + (f"\n{undated} undated events not shown" if undated else ""))
    ax.margins(x=0.05, y=0.04)
    return fig


def themes_over_time(themes: pd.DataFrame | None, articles: pd.DataFrame | None, *, n: int = 10, title: str = "Themes by article date") -> Figure:
    """Each article's themes as dots on the calendar (dot size: the theme's score), the ``n`` strongest
    themes of the corpus as rows; undated articles in a panel of their own at the right."""
    if themes is None or not len(themes) or not {"article_id", "theme", "score"} <= set(themes.columns):
        return _empty(title, "No themes found.")
    label_of = dict(zip(themes["theme"], themes["label"])) if "label" in themes.columns else {}
    strongest = themes.groupby("theme")["score"].sum().sort_values(ascending=False).head(n).index.tolist()
    chosen = themes[themes["theme"].isin(strongest)].copy()
    dates = article_dates(articles)
    chosen["day"] = chosen["article_id"].astype(str).map(dates)
    dated, undated = chosen[chosen["day"].notna()], chosen[chosen["day"].isna()]
    rows = {theme: i for i, theme in enumerate(reversed(strongest))}
    top = max(float(pd.to_numeric(chosen["score"], errors="coerce").max() or 1.0), 1e-9)
    fig = Figure(figsize=(WIDTH, 0.34 * len(strongest) + 1.8), layout="constrained")
    axes = fig.subplots(1, 2, sharey=True, gridspec_kw={"width_ratios": [6, 1] if len(undated) else [6, 0.01]})
    ax, side = axes
    _style(ax)
    size = lambda s: 15 + 160 * pd.to_numeric(s, errors="coerce").fillna(0) / top  # noqa: E731
    if len(dated):
        ax.scatter(list(dated["day"]), dated["theme"].map(rows), s=size(dated["score"]), color=PALETTE[0], alpha=0.65, edgecolors="white")
        _date_axis(ax)
    ax.set_yticks(range(len(rows)), [label_of.get(t, t) for t in reversed(strongest)])
    n_articles = chosen["article_id"].nunique()
    n_undated = undated["article_id"].nunique()
    ax.set_xlabel(f"publication date of {n_articles - n_undated} of {n_articles} articles (dot size: theme score)")
    ax.set_title(title, fontsize=11, fontweight="bold", loc="left")
    side.set_xticks([])
    for spine in ("top", "right", "bottom"):
        side.spines[spine].set_visible(False)
    if len(undated):
        ids = sorted(undated["article_id"].astype(str).unique())
        positions = {a: i for i, a in enumerate(ids)}
        side.scatter([positions[a] for a in undated["article_id"].astype(str)], undated["theme"].map(rows), s=size(undated["score"]),
                     color=UNDATED, alpha=0.65, edgecolors="white", marker="s")
        side.set_xlim(-0.8, len(ids) - 0.2)
        side.set_xlabel(f"undated ({n_undated})", color=UNDATED)
    else:
        side.set_axis_off()
    return fig


def readability_strip(readability: pd.DataFrame | None, articles: pd.DataFrame | None = None, *, measure: str = "flesch_kincaid_grade",
                      title: str = "Readability of each article") -> Figure:
    """A box plot of ``measure`` over the articles' bodies with every article as a dot, the hardest and
    the easiest named."""
    if readability is None or not len(readability) or measure not in readability.columns:
        return _empty(title, "No readability measures.")
    rows = readability[readability["scope"] == "body"] if "scope" in readability.columns else readability
    values = pd.DataFrame({"article_id": rows["article_id"].astype(str), "value": pd.to_numeric(rows[measure], errors="coerce")}).dropna()
    if values.empty:
        return _empty(title, "No readability measures.")
    titles = dict(zip(articles["article_id"].astype(str), articles["title"])) if articles is not None and "title" in getattr(articles, "columns", ()) else {}
    fig = Figure(figsize=(WIDTH, 2.6), layout="constrained")
    ax = fig.subplots()
    _style(ax)
    ax.boxplot(values["value"], vert=False, widths=0.5, showfliers=False, patch_artist=True,
               boxprops={"facecolor": "#dfe9f3", "edgecolor": PALETTE[0]}, medianprops={"color": PALETTE[2], "linewidth": 2})
    import numpy as np

    jitter = np.random.default_rng(0).uniform(-0.16, 0.16, len(values))
    ax.scatter(values["value"], 1 + jitter, s=22, color=PALETTE[0], alpha=0.8, zorder=3)
    ordered = values.sort_values("value")
    for row, where in ((ordered.iloc[0], "easiest"), (ordered.iloc[-1], "hardest")):
        name = str(titles.get(row["article_id"]) or row["article_id"])
        name = name if len(name) <= 40 else name[:39] + "…"
        ax.annotate(f"{where}: {name}", (row["value"], 1), xytext=(0, 26 if where == "hardest" else -30), textcoords="offset points",
                    ha="right" if where == "hardest" else "left", fontsize=8, color="#333333", arrowprops={"arrowstyle": "-", "color": "#999999"})
    ax.set_yticks([])
    ax.set_ylim(0.4, 1.7)
    ax.set_xlabel(f"{measure.replace('_', ' ')} of the body, {len(values)} articles (median {values['value'].median():.1f})")
    ax.set_title(title, fontsize=11, fontweight="bold")
    return fig


def places_chart(places: pd.DataFrame | None, *, n: int = 15, title: str = "Places named in the most articles") -> Figure:
    """Horizontal bars: the ``n`` places named in the most articles."""
    if places is None or not len(places) or not {"article_id", "name"} <= set(places.columns):
        return _empty(title, "No places found.")
    counts = places[["article_id", "name"]].dropna().drop_duplicates().groupby("name").size().sort_values(ascending=False)
    shown = counts.head(n)
    fig = Figure(figsize=(WIDTH, max(2.2, 0.3 * len(shown) + 1.2)), layout="constrained")
    ax = fig.subplots()
    _style(ax)
    ax.barh(range(len(shown))[::-1], shown.to_list(), color=PALETTE[1], height=0.7)
    ax.set_yticks(list(range(len(shown))[::-1]), [str(x) for x in shown.index])
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_xlabel(f"articles naming it ({len(shown)} of {len(counts)} places)")
    ax.set_title(title, fontsize=11, fontweight="bold")
    return fig
