"""Notebook → HTML: execute a parameterised report notebook headless and export one safe, self-contained page.

:func:`build` writes the report of one article, :func:`build_corpus` the report of many. The page
has no script and loads nothing from outside (a Content-Security-Policy forbids it), article text is
always escaped, and the file is replaced atomically: a failed run leaves the previous report.

The small helpers below (:func:`compute`, :func:`table`, :func:`note`, :func:`summary_card`,
:func:`open_corpus`) keep the notebooks' cells one line long.

>>> build("data/articles/iscr-2024.txt", out_dir="reports")  # doctest: +SKIP
PosixPath('reports/iscr-2024.html')
>>> print(note("No <b>people</b> found."))
<p class="analysis-note">No &lt;b&gt;people&lt;/b&gt; found.</p>
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import html
import os
import pickle
import re
import tempfile
import threading
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import ReportError

if TYPE_CHECKING:
    import pandas as pd

    from .article import Article

NOTEBOOKS = Path(__file__).parent / "notebooks"
TEMPLATES = Path(__file__).parent / "templates"
TEMPLATE = "analysis"
ARTICLE_NOTEBOOK = "article_report.ipynb"
CORPUS_NOTEBOOK = "corpus_report.ipynb"
CORPUS_REPORT = "corpus.html"

#: The column contract of every table the reports draw (README and the shared brief).
COLUMNS: dict[str, list[str]] = {
    "participants": ["name", "honorific", "title", "title_abbrev", "role", "organization", "mentions", "aliases", "sentence", "char_start", "char_end", "text"],
    "organizations": ["name", "acronym", "mentions", "aliases", "sentence", "char_start", "char_end", "text"],
    "places": ["name", "kind", "mentions", "aliases", "sentence", "char_start", "char_end", "text"],
    "dates": ["text", "start", "end", "precision", "kind", "inferred", "sentence", "char_start", "char_end", "clause"],
    "events": ["name", "acronym", "kind", "start", "end", "place", "host", "sentence", "char_start", "char_end"],
    "timeline": ["start", "end", "text", "event", "participants", "clause", "sentence"],
    "themes": ["theme", "label", "score", "count", "terms", "paragraphs", "evidence", "sentence"],
    "term_frequencies": ["term", "count", "frequency"],
    "keyness": ["term", "count", "frequency", "reference_frequency", "g2", "log_ratio", "p_value"],
    "kwic": ["sentence", "left", "keyword", "right", "char_start", "char_end"],
    "keyphrases": ["phrase", "score", "count"],
    "readability": ["scope", "paragraph", "words", "sentences", "syllables", "difficult_words", "flesch_kincaid_grade"],
    "sentence_readability": ["sentence", "text", "words", "syllables", "difficult_words", "grade"],
}


# --- helpers for the notebooks ------------------------------------------------------------------


class HTML(str):
    """Markup this module built itself (every piece of article text in it escaped); Jupyter renders it."""

    def _repr_html_(self) -> str:
        return str(self)


def compute(name: str, article: Article, **options: Any) -> pd.DataFrame:
    """``analysis.<name>(article, **options)``, or an empty table of the contract's columns if it fails.

    A report section whose extractor fails (or does not exist yet) shows a note instead of stopping
    the whole report; the reason is kept in ``table.attrs["error"]``.

    >>> compute("no_such_table", None).attrs["error"]
    "module 'analysis' has no attribute 'no_such_table'"
    """
    import pandas as pd

    import analysis

    try:
        result = getattr(analysis, name)(article, **options)
    except Exception as exc:  # noqa: BLE001 - one failing section must not hide the others
        empty = pd.DataFrame(columns=COLUMNS.get(name, []))
        empty.attrs["error"] = str(exc) or type(exc).__name__
        return empty
    return result


@dataclasses.dataclass
class ArticleTables:
    """Every table the article report draws, one field per table (``words``/``pairs``: one- and two-word terms)."""

    participants: pd.DataFrame
    organizations: pd.DataFrame
    places: pd.DataFrame
    events: pd.DataFrame
    timeline: pd.DataFrame
    themes: pd.DataFrame
    words: pd.DataFrame
    pairs: pd.DataFrame
    keyness: pd.DataFrame
    keyphrases: pd.DataFrame
    readability: pd.DataFrame
    sentence_readability: pd.DataFrame


#: How each field of :class:`ArticleTables` is computed: ``analysis.<name>(article, **options)``.
_ARTICLE_TABLES: dict[str, tuple[str, dict[str, Any]]] = {
    field.name: (field.name, {}) for field in dataclasses.fields(ArticleTables)
} | {"words": ("term_frequencies", {}), "pairs": ("term_frequencies", {"ngram": 2})}


def article_tables(article: Article, *, saved: str | Path | None = None) -> ArticleTables:
    """Every table of the article report, each by :func:`compute`; read from ``saved`` instead when that file exists.

    ``saved`` is a file written by :func:`save_tables` (a pickle: only read files you wrote).
    ``analysis report`` computes the tables in its own process while the notebook's kernel starts,
    and hands them over this way; run by hand, the notebook computes them itself.

    >>> from analysis.article import parse_article
    >>> tables = article_tables(parse_article("Police chiefs met in Hanoi on 5 May 2024."))
    >>> tables.places["name"].tolist()
    ['Hanoi']
    """
    if saved is not None and Path(saved).is_file():
        with open(saved, "rb") as handle:
            tables = pickle.load(handle)
        if isinstance(tables, ArticleTables):
            return tables
    return ArticleTables(**{field: compute(name, article, **options) for field, (name, options) in _ARTICLE_TABLES.items()})


def save_tables(tables: ArticleTables, path: str | Path) -> Path:
    """Write ``tables`` for :func:`article_tables` (``saved=path``) to read back."""
    with open(path, "wb") as handle:
        pickle.dump(tables, handle, protocol=pickle.HIGHEST_PROTOCOL)
    return Path(path)


def _text(value: Any) -> str:
    """A cell value as plain text: lists joined with "; ", missing values empty."""
    if isinstance(value, (list, tuple, set, frozenset)):
        return "; ".join(_text(v) for v in value)
    if value is None:
        return ""
    try:
        import pandas as pd

        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def note(message: str) -> HTML:
    """A short italic note (escaped), e.g. "No people found."."""
    return HTML(f'<p class="analysis-note">{html.escape(message)}</p>')


def table(frame: pd.DataFrame, columns: Sequence[str] | None = None, *, empty: str = "Nothing found.", rows: int | None = None, css: str = "") -> HTML:
    """``frame`` (its ``columns`` that exist, first ``rows``) as an escaped HTML table, or a note when empty.

    >>> import pandas as pd
    >>> print(table(pd.DataFrame({"name": ["<script>x</script>"]})))  # doctest: +NORMALIZE_WHITESPACE
    <table class="analysis-table"><thead><tr><th>name</th></tr></thead><tbody><tr><td>&lt;script&gt;x&lt;/script&gt;</td></tr></tbody></table>
    """
    error = frame.attrs.get("error") if frame is not None else None
    if error:
        return note(f"{empty} (This table could not be computed: {error})")
    if frame is None or len(frame) == 0:
        return note(empty)
    kept = [c for c in (columns or frame.columns) if c in frame.columns]
    head = "".join(f"<th>{html.escape(str(c).replace('_', ' '))}</th>" for c in kept)
    body = []
    for row in (frame if rows is None else frame.head(rows))[kept].itertuples(index=False, name=None):
        cells = "".join(f'<td class="{html.escape(str(c))}">{html.escape(_text(v))}</td>' if css else f"<td>{html.escape(_text(v))}</td>" for c, v in zip(kept, row))
        body.append(f"<tr>{cells}</tr>")
    classes = " ".join(filter(None, ["analysis-table", css]))
    more = note(f"Showing the first {rows} of {len(frame)} rows.") if rows is not None and len(frame) > rows else ""
    return HTML(f'<table class="{classes}"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>{more}')


def _first(frame: pd.DataFrame | None, column: str) -> str:
    if frame is None or column not in getattr(frame, "columns", ()) or len(frame) == 0:
        return ""
    return next((_text(v) for v in frame[column] if _text(v)), "")


def delegation(persons: pd.DataFrame) -> list[str]:
    """The people who came together: the first-named person's organization's people (or the first five named).

    >>> import pandas as pd
    >>> delegation(pd.DataFrame({"name": ["A", "B", "C"], "organization": ["X", "Y", "X"]}))
    ['A', 'C']
    """
    if persons is None or len(persons) == 0 or "name" not in persons.columns:
        return []
    if "organization" in persons.columns:
        lead = _text(persons["organization"].iloc[0])
        if lead:
            return [_text(n) for n, o in zip(persons["name"], persons["organization"]) if _text(o) == lead]
    return [_text(n) for n in persons["name"].head(5)]


def _with_title(persons: pd.DataFrame, names: Iterable[str]) -> list[str]:
    titles = dict(zip(persons["name"].map(_text), persons["title"].map(_text))) if "title" in persons.columns else {}
    return [f"{titles[n]} {n}" if titles.get(n) else n for n in names]


def summary_card(
    article: Article,
    *,
    persons: pd.DataFrame | None = None,
    places: pd.DataFrame | None = None,
    events: pd.DataFrame | None = None,
    themes: pd.DataFrame | None = None,
    readability: pd.DataFrame | None = None,
    n_themes: int = 3,
) -> HTML:
    """The one-glance card: title, date, author, event, host, place, the delegation, top themes, grade."""
    event = _first(events, "name")
    acronym = _first(events, "acronym")
    if event and acronym and acronym not in event:
        event = f"{event} ({acronym})"
    place = _first(events, "place") or _first(places, "name")
    organization = _first(persons, "organization")
    people = delegation(persons)
    delegation_text = "; ".join(_with_title(persons, people)) if people else ""
    if people and organization:
        delegation_text = f"{organization}: {delegation_text}"
    theme_names = []
    if themes is not None and len(themes) and "score" in themes.columns:
        top = themes.sort_values("score", ascending=False, kind="stable").head(n_themes)
        names = top["label"] if "label" in top.columns else top["theme"]
        theme_names = [_text(n) for n in names if _text(n)]
    grade = ""
    if readability is not None and len(readability) and "flesch_kincaid_grade" in readability.columns:
        body = readability[readability["scope"] == "body"] if "scope" in readability.columns else readability
        if len(body) and _text(body["flesch_kincaid_grade"].iloc[0]):
            value = float(body["flesch_kincaid_grade"].iloc[0])
            grade = f"{value:.1f} (Flesch–Kincaid grade: years of schooling needed)"
    fields = [
        ("Date", article.published.isoformat() if article.published else _first(events, "start")),
        ("Author", article.author or ""),
        ("Event", event),
        ("Host", _first(events, "host")),
        ("Place", place),
        ("Delegation", delegation_text),
        ("Top themes", ", ".join(theme_names)),
        ("Readability", grade),
        ("Size", f"{len(article.body_paragraphs)} paragraphs, {len(article.body_sentences)} sentences, {article.word_count} words"),
    ]
    rows = "".join(f"<dt>{html.escape(k)}</dt><dd>{html.escape(v) if v else '<span class=analysis-note>not found</span>'}</dd>" for k, v in fields)
    title = html.escape(article.title or article.id or "Untitled article")
    return HTML(f'<section class="analysis-card" id="summary-card"><h3>{title}</h3><dl>{rows}</dl></section>')


def _sentence_text(article: Article, index: Any) -> str:
    try:
        return article.sentences[int(index)].text
    except (TypeError, ValueError, IndexError):
        return ""


def theme_evidence(themes: pd.DataFrame, article: Article) -> pd.DataFrame:
    """``label``, ``score``, ``terms`` and the evidence sentences' text of each theme.

    ``evidence`` may hold texts or sentence indexes; without it the ``sentence`` column is used.
    """
    import pandas as pd

    if themes is None or len(themes) == 0:
        out = pd.DataFrame(columns=["label", "score", "terms", "evidence"])
        out.attrs.update(getattr(themes, "attrs", {}))
        return out

    def evidence(row) -> str:
        value = row.get("evidence")
        items = list(value) if isinstance(value, (list, tuple)) else ([] if _text(value) == "" else [value])
        if not items and _text(row.get("sentence")):
            items = [row.get("sentence")]
        texts = [_sentence_text(article, v) if isinstance(v, int) or str(v).isdigit() else _text(v) for v in items]
        return " … ".join(t for t in texts[:3] if t)

    out = pd.DataFrame({
        "label": [_text(r.get("label")) or _text(r.get("theme")) for _, r in themes.iterrows()],
        "score": themes["score"].to_list() if "score" in themes.columns else None,
        "terms": [_text(r.get("terms")) for _, r in themes.iterrows()],
        "evidence": [evidence(r) for _, r in themes.iterrows()],
    })
    return out.sort_values("score", ascending=False, kind="stable") if "score" in themes.columns else out


def _theme_terms(themes: pd.DataFrame | None) -> list[str]:
    """The matched terms of the themes, strongest theme first ("cybercrime×9" → "cybercrime")."""
    if themes is None or len(themes) == 0 or "terms" not in themes.columns:
        return []
    ordered = themes.sort_values("score", ascending=False, kind="stable") if "score" in themes.columns else themes
    out = []
    for value in ordered["terms"]:
        items = list(value) if isinstance(value, (list, tuple)) else _text(value).split(";")
        out += [re.sub(r"\s*×\s*\d+$", "", _text(i)).strip() for i in items if _text(i).strip()]
    return out


def top_term(themes: pd.DataFrame, terms: pd.DataFrame) -> str | None:
    """The first matched term of the strongest theme, else the most frequent term, else None."""
    candidates = _theme_terms(themes)
    if not candidates and terms is not None and len(terms) and "term" in terms.columns:
        candidates = [_text(terms["term"].iloc[0])]
    return next((c for c in candidates if c), None)


def top_terms(*tables: pd.DataFrame, names: Sequence[str] = ("word", "two-word term"), n: int = 10) -> pd.DataFrame:
    """The ``n`` most frequent terms of each ``term_frequencies`` table side by side: ``word``, ``count``, ...

    >>> import pandas as pd
    >>> top_terms(pd.DataFrame({"term": ["police"], "count": [3]}), pd.DataFrame(columns=["term", "count"])).columns.tolist()
    ['word', 'count', 'two-word term', 'count ']
    """
    import pandas as pd

    columns: dict[str, list] = {}
    for i, (frame, name) in enumerate(zip(tables, names)):
        head = frame.head(n) if frame is not None and len(frame) and "term" in frame.columns else pd.DataFrame(columns=["term", "count"])
        columns[name] = head["term"].to_list()
        columns["count" + " " * i] = head["count"].to_list()  # distinct keys, same header
    rows = max((len(v) for v in columns.values()), default=0)
    out = pd.DataFrame({k: v + [None] * (rows - len(v)) for k, v in columns.items()})
    for frame in tables:
        if frame is not None and frame.attrs.get("error"):
            out.attrs["error"] = frame.attrs["error"]
    return out


def kwic_table(lines: pd.DataFrame, term: str | None) -> HTML:
    """Keyword-in-context lines as a three-column table, the keyword centred (escaped like every table)."""
    if term is None:
        return note("No term to show in context.")
    return table(lines, ["left", "keyword", "right"], empty=f"“{term}” does not occur in the body.", css="analysis-kwic")


def theme_kwic(article: Article, themes: pd.DataFrame, terms: pd.DataFrame | None = None, *, tries: int = 6) -> HTML:
    """Keyword in context for the strongest theme's first term that occurs as written in the body.

    A theme term may be a lemma ("partnership" for "partnerships"); the next term is tried then,
    and at last the most frequent word.
    """
    candidates = list(dict.fromkeys(_theme_terms(themes)))[:tries]
    if terms is not None and len(terms) and "term" in terms.columns:
        candidates.append(_text(terms["term"].iloc[0]))
    for term in candidates:
        lines = compute("kwic", article, term=term)
        if lines.attrs.get("error") or len(lines):
            caption = f'<p>Keyword in context: <strong>{html.escape(term)}</strong></p>'
            return HTML(caption + kwic_table(lines, term))
    return note("No theme term to show in context.")


def measures_table(readability: pd.DataFrame) -> pd.DataFrame:
    """The body's row of ``readability`` as ``measure``/``value`` rows, easier to read than one wide row."""
    import pandas as pd

    if readability is None or len(readability) == 0:
        out = pd.DataFrame(columns=["measure", "value"])
        out.attrs.update(getattr(readability, "attrs", {}))
        return out
    body = readability[readability["scope"] == "body"] if "scope" in readability.columns else readability
    row = (body if len(body) else readability).iloc[0].drop(labels=["scope", "paragraph", "article_id"], errors="ignore")
    return pd.DataFrame({"measure": [str(k).replace("_", " ") for k in row.index], "value": [_text(v) for v in row.to_list()]})


def hardest_sentences(sentences: pd.DataFrame, n: int = 3) -> pd.DataFrame:
    """The ``n`` sentences with the highest ``grade`` (``sentence_readability`` table)."""
    if sentences is None or len(sentences) == 0 or "grade" not in sentences.columns:
        return sentences
    import pandas as pd

    graded = sentences.assign(grade=pd.to_numeric(sentences["grade"], errors="coerce"))
    return graded.sort_values("grade", ascending=False, kind="stable").head(n)


def article_grades(readability: pd.DataFrame, articles: pd.DataFrame, *, measure: str = "flesch_kincaid_grade") -> pd.DataFrame:
    """One row per article: id, title, date and the body's ``measure``, hardest first."""
    import pandas as pd

    if readability is None or len(readability) == 0 or measure not in readability.columns:
        return pd.DataFrame(columns=["article_id", "title", "published", measure])
    body = readability[readability["scope"] == "body"] if "scope" in readability.columns else readability
    body = body[["article_id", measure]]
    if articles is not None and len(articles) and "article_id" in articles.columns:
        keep = [c for c in ("article_id", "title", "published") if c in articles.columns]
        body = articles[keep].merge(body, on="article_id", how="right")
    return body.sort_values([measure, "article_id"], ascending=[False, True], kind="stable")


def across(frame: pd.DataFrame, column: str = "name", *, n: int = 15) -> pd.DataFrame:
    """The ``column`` values named in the most articles: ``column``, ``articles`` (count), ``in`` (ids)."""
    import pandas as pd

    if frame is None or len(frame) == 0 or column not in frame.columns or "article_id" not in frame.columns:
        return pd.DataFrame(columns=[column, "articles", "in"])
    pairs = frame[[column, "article_id"]].dropna().drop_duplicates()
    grouped = pairs.groupby(column)["article_id"].agg(lambda ids: "; ".join(sorted(map(str, ids))))
    counts = pairs.groupby(column).size()
    out = pd.DataFrame({column: counts.index, "articles": counts.to_list(), "in": grouped.reindex(counts.index).to_list()})
    return out.sort_values(["articles", column], ascending=[False, True], kind="stable").head(n)


def open_corpus(source: Any):
    """The :class:`~analysis.corpus.CorpusResult` of ``source``: a folder written by ``analysis corpus``
    (it holds ``corpus.json``) is read back; anything else (folder, glob, file list) is analysed."""
    from . import corpus

    if isinstance(source, (str, Path)) and (Path(source) / "corpus.json").is_file():
        return corpus.read_corpus(source)
    return corpus.analyze_corpus(source)


def corpus_table(result: Any, kind: str) -> pd.DataFrame:
    """``result.<kind>``, or an empty table where the run produced none."""
    import pandas as pd

    try:
        return result.table(kind) if hasattr(result, "table") else getattr(result, kind)
    except (KeyError, AttributeError):
        return pd.DataFrame(columns=["article_id"])


# --- executing and exporting --------------------------------------------------------------------


def _inject_parameters(nb, parameters: dict) -> None:
    """Add a cell after the one tagged ``parameters``, the way papermill does (with a fixed id)."""
    import nbformat

    source = "\n".join(f"{name} = {value!r}" for name, value in parameters.items())
    cell = nbformat.v4.new_code_cell(source, metadata={"tags": ["injected-parameters"]})
    cell["id"] = "injected-parameters"  # a random id would change the HTML on every build
    position = next(
        (i + 1 for i, c in enumerate(nb.cells) if "parameters" in c.get("metadata", {}).get("tags", [])),
        0,
    )
    nb.cells.insert(position, cell)


def _kernel_manager():
    """A started kernel; Unix-domain sockets between client and kernel: no network port, not even loopback."""
    from jupyter_client.manager import KernelManager

    kernel = KernelManager(kernel_name="python3", transport="ipc")
    kernel.start_kernel(extra_arguments=["--HistoryManager.enabled=False"])
    return kernel


def execute_notebook(notebook: Path, parameters: dict, *, timeout: int = 600, kernel=None, waits: Mapping[str, Future] | None = None):
    """Run ``notebook`` with ``parameters`` and return it executed.

    The notebook runs in a fresh kernel that is shut down at the end, or in the started ``kernel``,
    which the caller shuts down (so that it can do so while it exports). A cell tagged with a key
    of ``waits`` runs once that future is done: work that this process does meanwhile overlaps the
    kernel's start and first cells.
    """
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    nb = nbformat.read(notebook, as_version=4)
    _inject_parameters(nb, parameters)
    owned = kernel is None
    kernel = kernel or _kernel_manager()

    def wait(cell, cell_index) -> None:
        for tag in cell.get("metadata", {}).get("tags", []):
            if waits and tag in waits:
                waits[tag].result()

    client = NotebookClient(nb, km=kernel, timeout=timeout, resources={"metadata": {"path": os.getcwd()}}, on_cell_execute=wait)
    try:
        client.execute(cleanup_kc=False)
    except CellExecutionError as exc:
        message = re.sub(r"\x1b\[[0-9;]*m", "", str(exc)).strip()  # IPython colours the traceback
        last = message.splitlines()[-1] if message else type(exc).__name__
        raise ReportError(f"{notebook.name}: a cell failed: {last}") from None
    except (CellTimeoutError, DeadKernelError) as exc:
        raise ReportError(f"{notebook.name}: {type(exc).__name__}: {exc}") from None
    finally:
        if client.kc is not None:
            client.kc.stop_channels()
        if owned and kernel.has_kernel:
            kernel.shutdown_kernel(now=True)
    return nb


def _clean(nb) -> None:
    """Drop what differs between runs or does not belong in a report: stderr streams, execution metadata."""
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        if cell.cell_type == "code":
            cell.outputs = [o for o in cell.outputs if not (o.get("output_type") == "stream" and o.get("name") == "stderr")]


def table_of_contents(nb, *, level: int = 2) -> list[tuple[str, str]]:
    """``(anchor, text)`` of the notebook's Markdown headings of ``level``, anchors as nbconvert makes them."""
    from nbconvert.filters.strings import _convert_header_id

    marker = "#" * level + " "
    entries = []
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        for line in cell.source.splitlines():
            if line.startswith(marker):
                text = line[len(marker) :].strip().strip("#").strip()
                entries.append((_convert_header_id(text), text))
    return entries


def _built_line() -> str:
    """The one line that differs between two builds of the same input (``SOURCE_DATE_EPOCH`` fixes it)."""
    from . import __version__

    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc) if epoch and epoch.isdigit() else dt.datetime.now(dt.timezone.utc)
    return f"Built {when:%Y-%m-%d %H:%M:%S} UTC by analysis {__version__}."


_EXPORTERS: dict[bool, Any] = {}
_EXPORTERS_LOCK = threading.Lock()


def _resources(nb=None, *, title: str = "Report") -> dict:
    from . import __version__

    return {
        "metadata": {"name": title},
        "toc": table_of_contents(nb) if nb is not None else [],
        "built": _built_line(),
        "analysis_version": __version__,
    }


def _exporter(with_code: bool):
    """The HTML exporter, made once per process and warmed up (templates compiled, CSS read)."""
    with _EXPORTERS_LOCK:
        if with_code not in _EXPORTERS:
            import nbformat
            from nbconvert import HTMLExporter

            exporter = HTMLExporter(
                template_name=TEMPLATE,
                extra_template_basedirs=[str(TEMPLATES)],
                exclude_input=not with_code,
                exclude_input_prompt=True,
                exclude_output_prompt=True,
                embed_images=True,
            )
            exporter.from_notebook_node(nbformat.v4.new_notebook(), resources=_resources())
            _EXPORTERS[with_code] = exporter
        return _EXPORTERS[with_code]


def export_html(nb, *, with_code: bool = False, title: str | None = None) -> str:
    """Export an executed notebook to one self-contained HTML page (images embedded, no script)."""
    _clean(nb)
    body, _ = _exporter(with_code).from_notebook_node(nb, resources=_resources(nb, title=title or "Report"))
    return body


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so that readers see the old file or the new one, never a part."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)  # mkstemp's 0600 would hide the report from other users of a shared folder
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _save_article_tables(article: Article, path: Path) -> None:
    """:func:`save_tables` of ``article``, or nothing if that fails: the notebook then computes them itself."""
    try:
        save_tables(article_tables(article), path)
    except Exception:  # noqa: BLE001 - only a speed-up; any real error shows when the notebook computes the tables
        Path(path).unlink(missing_ok=True)


def _render(notebook: Path, parameters: dict, target: Path, *, kernel, with_code: bool, title: str, timeout: int, first=None) -> Path:
    """Execute ``notebook`` in the started ``kernel`` and write its page to ``target`` atomically.

    A worker thread runs ``first`` (``(tag, function)``: cells tagged ``tag`` wait for it), then
    prepares the exporter while the kernel works, and shuts the kernel down while the page is exported.
    """
    with ThreadPoolExecutor(1, thread_name_prefix="analysis-report") as pool:
        waits = {first[0]: pool.submit(first[1])} if first else {}
        pool.submit(_exporter, with_code)
        try:
            nb = execute_notebook(notebook, parameters, timeout=timeout, kernel=kernel, waits=waits)
        finally:
            pool.submit(kernel.shutdown_kernel, now=True)
        page = export_html(nb, with_code=with_code, title=title)
    write_atomically(target, page)
    return target


def build(
    article: str | Path,
    *,
    out_dir: str | Path = "reports",
    with_code: bool = False,
    timeout: int = 600,
    notebook: str | Path | None = None,
) -> Path:
    """Build the HTML report of one article file into ``out_dir/<stem>.html`` and return its path.

    ``notebook`` replaces the built-in ``article_report.ipynb`` (it gets the ``article_path`` and
    ``tables_path`` parameters).
    """
    article = Path(article)
    if not article.is_file():
        raise ReportError(f"{article}: no such file")
    kernel = _kernel_manager()  # the kernel boots while this process checks the article
    try:
        from .article import load_article

        loaded = load_article(article)  # fail fast, with the loader's one-line message
    except BaseException:
        kernel.shutdown_kernel(now=True)
        raise
    # This process is idle while the kernel starts and imports: it computes the tables meanwhile.
    with tempfile.TemporaryDirectory(prefix="analysis-report-") as tmp:
        saved = Path(tmp) / "tables.pickle"
        return _render(
            Path(notebook) if notebook else NOTEBOOKS / ARTICLE_NOTEBOOK,
            {"article_path": str(article.resolve()), "tables_path": str(saved)},
            Path(out_dir) / f"{article.stem}.html",
            kernel=kernel,
            with_code=with_code,
            title=loaded.title or article.stem,
            timeout=timeout,
            first=("tables", functools.partial(_save_article_tables, loaded, saved)),
        )


def build_corpus(
    source: Any,
    *,
    out_dir: str | Path = "reports",
    with_code: bool = False,
    timeout: int = 1800,
    notebook: str | Path | None = None,
) -> Path:
    """Build the corpus report of ``source`` into ``out_dir/corpus.html`` and return its path.

    ``source`` is a folder, glob or list of article files, or a folder written by ``analysis corpus``.
    """
    if isinstance(source, (str, Path)):
        path = Path(source)
        if path.exists():
            source = str(path.resolve())
        elif not set(str(source)) & set("*?["):
            raise ReportError(f"{source}: no such file or folder")
    elif isinstance(source, Iterable):
        source = [str(Path(s).resolve()) if Path(str(s)).exists() else str(s) for s in source]
    return _render(
        Path(notebook) if notebook else NOTEBOOKS / CORPUS_NOTEBOOK,
        {"corpus_source": source},
        Path(out_dir) / CORPUS_REPORT,
        kernel=_kernel_manager(),
        with_code=with_code,
        title="Corpus report",
        timeout=timeout,
    )
