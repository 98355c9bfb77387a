"""Reports: :func:`build` writes the HTML report of one article, :func:`build_corpus` the report of many.

Split the papermill way, one concern per module:

- :mod:`analysis.execute` runs a notebook (a kernel in a private folder, parameters injected);
- :mod:`analysis.pieces`, :mod:`analysis.evidence`, :mod:`analysis.summary` and
  :mod:`analysis.sections` are the HTML pieces and tables the notebooks show (re-exported here, so
  that a notebook cell reads ``report.table(...)``);
- :mod:`analysis.export` turns the executed notebook into one safe page and writes it atomically.

This module computes the article report's tables (:func:`article_tables`) and ties the steps
together. The page has no script and loads nothing from outside, article text is always escaped,
and a failed run leaves the previous report.

>>> build("data/articles/iscr-2024.txt", out_dir="reports")  # doctest: +SKIP
PosixPath('reports/iscr-2024.html')
"""
from __future__ import annotations

import dataclasses
import functools
import pickle
import threading
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import ArticleTimeout, ReportError
from .evidence import article_text, marks  # noqa: F401  (re-exported for the notebooks)
from .execute import execute_notebook, inject_parameters, kernel_in_private_folder, show_parameters  # noqa: F401
from .export import export_html, exporter, table_of_contents, write_atomically  # noqa: F401
from .pieces import HTML, Picture, links, note, table, text  # noqa: F401
from .sections import (  # noqa: F401
    across,
    article_grades,
    corpus_table,
    dated,
    hardest_sentences,
    kwic_table,
    measures_table,
    open_corpus,
    theme_evidence,
    theme_kwic,
    timeline_chart,
    top_term,
    top_terms,
)
from .summary import dateline, delegation, summary_card  # noqa: F401
from .tables import TABLES
from .time_limit import ARTICLE_TIMEOUT, time_limit

if TYPE_CHECKING:
    import pandas as pd

    from .article import Article

NOTEBOOKS = Path(__file__).parent / "notebooks"
ARTICLE_NOTEBOOK = "article_report.ipynb"
CORPUS_NOTEBOOK = "corpus_report.ipynb"
CORPUS_REPORT = "corpus.html"

#: The columns of every table function (from the registry, :mod:`analysis.tables`).
COLUMNS: dict[str, list[str]] = {name: list(spec.columns) for name, spec in TABLES.items()}


def compute(name: str, article: Article, **options: Any) -> pd.DataFrame:
    """``analysis.<name>(article, **options)``, or an empty table of the registry's columns if it fails.

    A report section whose extractor fails (or does not exist yet) shows a note instead of stopping
    the whole report; the reason is kept in ``table.attrs["error"]``.

    >>> compute("no_such_table", None).attrs["error"]
    "module 'analysis' has no attribute 'no_such_table'"
    """
    import pandas as pd

    import analysis

    try:
        function = TABLES[name].function() if name in TABLES else getattr(analysis, name)
        result = function(article, **options)
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
    dates: pd.DataFrame
    events: pd.DataFrame
    timeline: pd.DataFrame
    themes: pd.DataFrame
    theme_matches: pd.DataFrame
    words: pd.DataFrame
    pairs: pd.DataFrame
    keyness: pd.DataFrame
    keyphrases: pd.DataFrame
    readability: pd.DataFrame
    sentence_readability: pd.DataFrame
    charts: dict[str, Any] = dataclasses.field(default_factory=dict)

    def chart(self, name: str) -> Any:
        """The report's chart ``name`` (see :data:`CHARTS`), drawn once: a :class:`Picture`, or a note saying
        why there is none. ``analysis report`` draws them beside the kernel, with the tables."""
        if name not in self.charts:
            self.charts[name] = draw(self, name)
        return self.charts[name]


#: How each table of :class:`ArticleTables` is computed: ``analysis.<name>(article, **options)``.
_ARTICLE_TABLES: dict[str, tuple[str, dict[str, Any]]] = {
    field.name: (field.name, {}) for field in dataclasses.fields(ArticleTables) if field.name != "charts"
} | {"words": ("term_frequencies", {}), "pairs": ("term_frequencies", {"ngram": 2})}

#: The article report's charts: name -> (function of :mod:`analysis.charts`, the tables it draws).
CHARTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "people_by_organization": ("people_by_organization", ("participants", "places")),
    "timeline": ("timeline_chart", ("timeline", "dates")),
    "themes": ("theme_bars", ("themes",)),
    "keyness": ("keyness_chart", ("keyness",)),
    "paragraph_grades": ("paragraph_grades", ("readability",)),
}


def draw(tables: ArticleTables, name: str) -> Any:
    """Chart ``name`` of :data:`CHARTS` from ``tables``, as a :class:`Picture` (the timeline: or a note)."""
    from . import charts

    if name == "timeline":
        shown = timeline_chart(dated(tables.timeline, tables.dates))
    else:
        function, fields = CHARTS[name]
        shown = charts.embed(getattr(charts, function)(*(getattr(tables, f) for f in fields)))
    return Picture(shown.data, shown.title) if isinstance(shown, Picture) else shown


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


_WARM_TEXT = "Police chiefs meet\n\nGeneral Maria Santos of the Philippine National Police met INTERPOL in Manila on 5 May 2024."


def _save_article_tables(article: Article, path: Path, asked: threading.Event | None = None, *,
                         article_timeout: float | None = None) -> None:
    """:func:`save_tables` of ``article``, or nothing if that fails: the notebook then computes them itself.

    The charts are drawn here too until the kernel ``asked`` for the tables: the two processes share
    the work, whichever is ready first (the kernel draws the rest). If the tables take longer than
    ``article_timeout`` seconds it raises :class:`~analysis.errors.ArticleTimeout` (the report then
    fails with that one line).
    """
    try:
        if article_timeout:  # imports and lexicons load once, outside the article's time
            from .article import parse_article

            article_tables(parse_article(_WARM_TEXT))
        with time_limit(article_timeout, what=article.source or article.id or "the article"):
            tables = article_tables(article)
        for name in CHARTS:
            if asked is not None and asked.is_set():
                break
            tables.chart(name)
        save_tables(tables, path)
    except ArticleTimeout:
        Path(path).unlink(missing_ok=True)
        raise
    except Exception:  # noqa: BLE001 - only a speed-up; any real error shows when the notebook computes the tables
        Path(path).unlink(missing_ok=True)


class _Asked:
    """A future whose ``result()`` first says that it is wanted (see :func:`_save_article_tables`)."""

    def __init__(self, future: Future, asked: threading.Event) -> None:
        self.future, self.asked = future, asked

    def result(self) -> Any:
        self.asked.set()
        return self.future.result()


def _render(notebook: Path, parameters: dict, target: Path, *, kernel, with_code: bool, title: str, timeout: int,
            first=None, shown: dict | None = None, subtitle: str = "") -> Path:
    """Execute ``notebook`` in the started ``kernel`` and write its page to ``target`` atomically.

    A worker thread runs ``first`` (``(tag, function)``: cells tagged ``tag`` wait for it; the function gets
    an Event set when the kernel reaches that cell), then
    prepares the exporter while the kernel works, and stops the kernel while the page is exported.
    ``shown``: the parameters the page's code shows (re-runnable by hand) instead of those used.
    """
    with ThreadPoolExecutor(1, thread_name_prefix="analysis-report") as pool:
        waits = {}
        if first:
            asked = threading.Event()
            waits[first[0]] = _Asked(pool.submit(first[1], asked), asked)
        pool.submit(exporter, with_code)
        try:
            nb = execute_notebook(notebook, parameters, timeout=timeout, kernel=kernel, waits=waits)
        finally:
            pool.submit(kernel.shutdown_kernel, now=True)
        if shown is not None:
            show_parameters(nb, shown)
        page = export_html(nb, with_code=with_code, title=title, subtitle=subtitle)
    write_atomically(target, page)
    return target


def build(
    article: str | Path,
    *,
    out_dir: str | Path = "reports",
    with_code: bool = False,
    timeout: int = 600,
    notebook: str | Path | None = None,
    article_timeout: float | None = ARTICLE_TIMEOUT,
) -> Path:
    """Build the HTML report of one article file into ``out_dir/<stem>.html`` and return its path.

    ``notebook`` replaces the built-in ``article_report.ipynb`` (it gets the ``article_path`` and
    ``tables_path`` parameters). Ctrl-C stops the kernel, removes its files and raises KeyboardInterrupt.
    ``article_timeout``: seconds the article's tables may take (0 or None: no limit; see
    :mod:`analysis.time_limit`); past it the report fails with :class:`~analysis.errors.ArticleTimeout`
    and the previous report stays.
    """
    article = Path(article)
    if not article.is_file():
        raise ReportError(f"{article}: no such file")
    with kernel_in_private_folder() as (kernel, folder):  # the kernel boots while this process reads the article
        from .article import load_article

        loaded = load_article(article)  # fail fast, with the loader's one-line message
        # This process is idle while the kernel starts and imports: it computes the tables meanwhile.
        saved = folder / "tables.pickle"
        return _render(
            Path(notebook) if notebook else NOTEBOOKS / ARTICLE_NOTEBOOK,
            {"article_path": str(article.resolve()), "tables_path": str(saved)},
            Path(out_dir) / f"{article.stem}.html",
            kernel=kernel,
            with_code=with_code,
            title=loaded.title or article.stem,
            timeout=timeout,
            first=("tables", functools.partial(_save_article_tables, loaded, saved, article_timeout=article_timeout)),
            shown={"article_path": str(article), "tables_path": None},
            subtitle="Article report",
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
    shown = source
    if isinstance(source, (str, Path)):
        path = Path(source)
        if path.exists():
            source = str(path.resolve())
        elif not set(str(source)) & set("*?["):
            raise ReportError(f"{source}: no such file or folder")
        shown = str(shown)
    elif isinstance(source, Iterable):
        source = [str(Path(s).resolve()) if Path(str(s)).exists() else str(s) for s in source]
        shown = [str(s) for s in shown] if isinstance(shown, (list, tuple)) else source
    with kernel_in_private_folder() as (kernel, _):
        return _render(
            Path(notebook) if notebook else NOTEBOOKS / CORPUS_NOTEBOOK,
            {"corpus_source": source},
            Path(out_dir) / CORPUS_REPORT,
            kernel=kernel,
            with_code=with_code,
            title="Corpus report",
            timeout=timeout,
            shown={"corpus_source": shown},
        )
