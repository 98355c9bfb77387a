"""Helpers of the corpus report notebook: its header, its tables (each saying "N of M"), links.

Every piece of text from the articles is escaped here; the only links made are to files this
function found beside the report (an article's own report ``ID.html``, the tables ``KIND.csv``).

>>> import pandas as pd
>>> print(listing(pd.DataFrame({"name": ["<b>A</b>", "B"]}), what="people", rows=1))  # doctest: +NORMALIZE_WHITESPACE
<p class="analysis-count">1 of 2 people.</p><table class="analysis-table"><thead><tr><th>name</th></tr></thead><tbody><tr><td>&lt;b&gt;A&lt;/b&gt;</td></tr></tbody></table>
"""
from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pandas as pd

TABLE_KINDS = ("directory_persons", "directory_organizations", "edges", "persons", "organizations", "places", "dates", "events", "themes", "terms", "readability", "articles", "errors")


class HTML(str):
    """Markup built here (every piece of article text escaped); Jupyter renders it."""

    def _repr_html_(self) -> str:
        return str(self)


def _text(value: Any) -> str:
    if value is None or isinstance(value, float) and value != value:
        return ""
    return " ".join(str(value).split())


def report_dir(source: Any) -> Path | None:
    """The folder the report sits in when ``source`` is a folder written by ``analysis corpus`` (which
    writes its report there), else None: links to neighbouring files are only made there."""
    try:
        path = Path(source)
        return path if (path / "corpus.json").is_file() else None
    except (TypeError, ValueError, OSError):
        return None


def _ids_cell(value: Any, folder: Path | None) -> str:
    """"a; b" as escaped ids, each linked to ``folder/ID.html`` when that article report exists."""
    parts = []
    for article_id in (p.strip() for p in _text(value).split(";")):
        if not article_id:
            continue
        target = folder / f"{article_id}.html" if folder is not None and "/" not in article_id and article_id not in (".", "..") else None
        if target is not None and target.is_file():
            parts.append(f'<a href="{html.escape(quote(target.name))}">{html.escape(article_id)}</a>')
        else:
            parts.append(html.escape(article_id))
    return "; ".join(parts)


def listing(
    frame: pd.DataFrame | None,
    columns: Sequence[str] | None = None,
    *,
    what: str = "rows",
    rows: int | None = 25,
    empty: str = "Nothing found.",
    links: Path | None = None,
    link_columns: Sequence[str] = ("article_ids", "article_id"),
    note: str = "",
) -> HTML:
    """``frame``'s first ``rows`` as an escaped table under a line "N of M ``what``" (always stated)."""
    if frame is None or len(frame) == 0:
        return HTML(f'<p class="analysis-note">{html.escape(empty)}</p>')
    kept = [c for c in (columns or frame.columns) if c in frame.columns]
    shown = frame if rows is None else frame.head(rows)
    head = "".join(f"<th>{html.escape(str(c).replace('_', ' '))}</th>" for c in kept)
    body = []
    for row in shown[kept].itertuples(index=False, name=None):
        cells = []
        for column, value in zip(kept, row):
            cell = _ids_cell(value, links) if column in link_columns else html.escape(_text(value))
            cells.append(f"<td>{cell}</td>")
        body.append(f"<tr>{''.join(cells)}</tr>")
    count = f"{len(shown)} of {len(frame)} {what}" + (f" {note}" if note else "") + "."
    return HTML(
        f'<p class="analysis-count">{html.escape(count)}</p>'
        f'<table class="analysis-table"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'
    )


def header(result: Any, source: Any, articles: pd.DataFrame | None) -> HTML:
    """The report's first lines: the source, how many articles (and errors), the span of their dates."""
    from .corpus_charts import article_dates

    dates = article_dates(articles)
    known = sorted(d for d in dates.values() if d is not None)
    day = lambda d: f"{d.day} {d:%B %Y}"  # noqa: E731
    span = f"{day(known[0])} – {day(known[-1])}" if known else "no article is dated"
    undated = sum(d is None for d in dates.values())
    error_table = getattr(result, "errors", None)
    errors = len(error_table) if error_table is not None else 0
    shown_source = source if isinstance(source, (str, Path)) else f"{len(source)} inputs" if hasattr(source, "__len__") else "inputs"
    folder = report_dir(source)
    if folder is not None:  # tables written by `analysis corpus`: name what it analysed, and where the tables are
        import json

        analysed = json.loads((folder / "corpus.json").read_text(encoding="utf-8")).get("source")
        shown_source = f"{analysed} (tables in {folder})" if analysed else str(folder)
    items = [
        ("Source", str(shown_source)),
        ("Articles", f"{len(dates)} analysed" + (f", {errors} could not be read" if errors else "")),
        ("Dates", span + (f"; {undated} undated" if undated and known else "")),
    ]
    rows = "".join(f"<tr><th>{html.escape(k)}</th><td>{html.escape(v)}</td></tr>" for k, v in items)
    return HTML(f'<section class="analysis-card" id="corpus-header"><table class="analysis-table">{rows}</table></section>')


def corpus_directory(result: Any) -> dict[str, pd.DataFrame]:
    """``persons``, ``organizations`` and ``edges`` of the corpus: read back from the tables ``analysis
    corpus`` wrote, or built now with :func:`analysis.directory`."""
    from .directory import directory

    tables = {}
    for name, kind in (("persons", "directory_persons"), ("organizations", "directory_organizations"), ("edges", "edges")):
        try:
            tables[name] = result.table(kind)
        except (KeyError, AttributeError):
            break
    if len(tables) == 3:
        return tables
    found = directory(result)
    return {"persons": found.persons, "organizations": found.organizations, "edges": found.edges}


def strongest_ties(edges: pd.DataFrame | None) -> pd.DataFrame:
    """Person-person ties, strongest first: who, with whom, how (article or event), weight, articles."""
    columns = ["source_name", "target_name", "via", "weight", "article_ids"]
    if edges is None or not len(edges) or "kind" not in edges.columns:
        return pd.DataFrame(columns=columns)
    ties = edges[edges["kind"] == "person-person"]
    return ties.sort_values(["weight", "source_name", "target_name"], ascending=[False, True, True], kind="stable")[columns].rename(
        columns={"source_name": "person", "target_name": "with", "via": "shared"}
    )


def places_table(places: pd.DataFrame | None) -> pd.DataFrame:
    """One row per place: name, kind, country, articles (count), article_ids; most articles first."""
    columns = ["name", "kind", "country", "articles", "article_ids"]
    if places is None or not len(places) or not {"article_id", "name"} <= set(places.columns):
        return pd.DataFrame(columns=columns)
    rows = []
    for name, group in places.groupby("name", sort=False):
        ids = sorted(set(group["article_id"].astype(str)))
        first = group.iloc[0]
        rows.append((name, _text(first.get("kind")), _text(first.get("country")), len(ids), "; ".join(ids)))
    return pd.DataFrame(rows, columns=columns).sort_values(["articles", "name"], ascending=[False, True], kind="stable")


def events_table(events: pd.DataFrame | None) -> pd.DataFrame:
    """One row per named event: name, kind, start, end, place, host, articles, article_ids; earliest first."""
    columns = ["name", "kind", "start", "end", "place", "host", "articles", "article_ids"]
    if events is None or not len(events) or "name" not in events.columns:
        return pd.DataFrame(columns=columns)
    rows = []
    for name, group in events.groupby(events["name"].astype(str).str.strip(), sort=False):
        ids = sorted(set(group["article_id"].astype(str)))
        values = {c: next((_text(v) for v in group[c] if _text(v)), "") if c in group else "" for c in ("kind", "start", "end", "place", "host")}
        rows.append((name, values["kind"], values["start"], values["end"], values["place"], values["host"], len(ids), "; ".join(ids)))
    table = pd.DataFrame(rows, columns=columns)
    return table.sort_values(["start", "name"], key=lambda s: s.replace("", "9999"), kind="stable")


def table_links(source: Any) -> HTML:
    """Links to the CSV and Parquet tables ``analysis corpus`` wrote beside this report, with their row counts."""
    import json

    folder = report_dir(source)
    if folder is None:
        return HTML(
            '<p class="analysis-note">These tables were computed for this report only. '
            "<code>analysis corpus SOURCE --out DIR</code> writes them as CSV and Parquet, with this report beside them.</p>"
        )
    manifest = json.loads((folder / "corpus.json").read_text(encoding="utf-8"))
    tables = manifest.get("tables", {})
    items = []
    for kind in [k for k in TABLE_KINDS if k in tables] + sorted(k for k in tables if k not in TABLE_KINDS):
        info = tables[kind]
        links = [
            f'<a href="{html.escape(quote(str(info[f])))}">{f}</a>'
            for f in ("csv", "parquet")
            if isinstance(info.get(f), str) and "/" not in info[f] and (folder / info[f]).is_file()
        ]
        items.append(f"<li><strong>{html.escape(kind)}</strong> ({int(info.get('rows', 0))} rows): {', '.join(links) or 'missing'}</li>")
    return HTML(f'<p class="analysis-count">{len(items)} of {len(tables)} tables.</p><ul class="analysis-tables">{"".join(items)}</ul>')
