"""Many articles: one tidy table per kind, computed in batches on a process pool or a Dask cluster.

Sources are a folder (``*.txt``, ``*.md``, ``*.html``, ``*.htm``), a glob, a list of paths (or
URLs, texts, records), or a JSON Lines / CSV file with a ``text`` column (optional ``title``,
``author``, ``date``/``published``, ``url``, ``id``). A bad article lands in the ``errors`` table
and never stops the run: articles in = articles analysed + errors.

>>> result = analyze_corpus(["Police met\\n\\nThe chiefs met in Hanoi. They agreed."], workers=1)  # doctest: +SKIP
>>> result.persons, result.articles, result.errors  # doctest: +SKIP

With ``out_dir`` the tables stream to Parquet and CSV batch by batch, so memory stays flat
however large the corpus; :func:`run` is what ``analysis corpus`` calls.

This module is the API; each concern has its own module: :mod:`analysis.corpus_inputs` (folders,
globs, lists, JSON Lines and CSV), :mod:`analysis.corpus_batch` (the work on one batch),
:mod:`analysis.corpus_engines` and :mod:`analysis.corpus_dask` (where batches run),
:mod:`analysis.corpus_output` (the folder lock and the table writer), :mod:`analysis.corpus_summary`
(:func:`run` and what ``analysis corpus`` prints). Their public names are re-exported here.
"""
from __future__ import annotations

import itertools
import json
import math
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

# The public names of the corpus modules, so that ``analysis.corpus.X`` keeps working.
from .corpus_batch import (  # noqa: F401
    ARTICLE_COLUMNS,
    ERROR_COLUMNS,
    KINDS,
    OPTIONS,
    Batch,
    analyze_article_tables,
    analyze_batch,
    concat_tables,
    load_item,
    table_functions,
    warm_up,
)
from .corpus_dask import SCHEDULER_TIMEOUT, DaskEngine, scheduler_address  # noqa: F401
from .corpus_engines import (  # noqa: F401
    FORKSERVER_PRELOAD,
    IN_PROCESS_MAX,
    Engine,
    LocalEngine,
    available_cores,
    plan_workers,
)
from .corpus_inputs import ARTICLE_SUFFIXES, RECORD_SUFFIXES, REPORT_MARKER, is_output, iter_sources, list_sources, safe_id  # noqa: F401
from .corpus_output import LOCK_NAME, STAGING_PREFIX, OutputLock, TableWriter, csv_safe, flat  # noqa: F401
from .errors import AnalysisError, ArticleError
from .time_limit import ARTICLE_TIMEOUT

if TYPE_CHECKING:
    import pandas as pd

DEFAULT_BATCH_SIZE = 32


@dataclass
class CorpusResult:
    """One tidy table per kind (``persons``, ``organizations``, ``places``, ``dates``, ``themes``, ``terms``,
    ``readability``), each with an ``article_id`` column, plus ``articles`` and ``errors``.

    When the run streamed to ``out_dir`` without keeping tables in memory, reading an attribute
    loads that table from its Parquet file.
    """

    tables: dict[str, pd.DataFrame]
    errors: pd.DataFrame
    out_dir: Path | None = None
    files: dict[str, dict] = field(default_factory=dict)
    seconds: float = 0.0
    engine: str = "local"
    workers: int = 1
    analysed: int = 0
    startup: float = 0.0
    note: str | None = None

    def __getattr__(self, name: str) -> pd.DataFrame:
        if name in KINDS or name == "articles":
            return self.table(name)
        raise AttributeError(name)

    def table(self, kind: str) -> pd.DataFrame:
        """The table of ``kind``, from memory or from ``out_dir``."""
        if kind == "errors":
            return self.errors
        if kind in self.tables:
            return self.tables[kind]
        if self.out_dir is not None and (self.out_dir / f"{kind}.parquet").is_file():
            import pandas as pd

            return pd.read_parquet(self.out_dir / f"{kind}.parquet")
        raise KeyError(kind)

    @property
    def failed(self) -> int:
        return len(self.errors)

    def __repr__(self) -> str:
        return (
            f"CorpusResult(analysed={self.analysed}, errors={self.failed}, engine={self.engine!r}, "
            f"workers={self.workers}, seconds={self.seconds:.1f}, out_dir={str(self.out_dir) if self.out_dir else None!r})"
        )


def _batches(items: Iterator, size: int) -> Iterator[list]:
    while batch := list(itertools.islice(items, size)):
        yield batch


def _progress(enabled: bool, total: int | None, engine: str):
    from tqdm.auto import tqdm

    return tqdm(total=total, unit="article", desc=f"analysing ({engine})", disable=not enabled, file=sys.stderr, dynamic_ncols=True, mininterval=0.5)


#: engine name -> class; ``analyze_corpus(engine=NAME)`` looks engines up here.
ENGINES: dict[str, type[Engine]] = {"local": LocalEngine, "dask": DaskEngine}


def get_engine(name: str, *, workers: int | None = None, scheduler: str | None = None, article_timeout: float | None = ARTICLE_TIMEOUT) -> Engine:
    """An engine instance by name."""
    try:
        cls = ENGINES[name]
    except KeyError:
        raise AnalysisError(f"unknown engine {name!r} (choose from {', '.join(ENGINES)})") from None
    if workers is not None and workers < 1:
        raise AnalysisError(f"workers must be at least 1, not {workers}")
    if article_timeout is not None and not article_timeout >= 0:
        raise AnalysisError(f"the article timeout must be 0 (none) or more seconds, not {article_timeout}")
    return cls(workers=workers, scheduler=scheduler, article_timeout=article_timeout or None)


def analyze_corpus(
    sources: Any,
    *,
    engine: str = "local",
    workers: int | None = None,
    scheduler: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: bool = False,
    out_dir: str | Path | None = None,
    keep: bool | None = None,
    article_timeout: float | None = ARTICLE_TIMEOUT,
) -> CorpusResult:
    """Analyse every article of ``sources`` on ``engine`` ("local" process pool or "dask").

    ``workers`` defaults to the cores, capped by the number of articles; a handful of articles
    (:data:`IN_PROCESS_MAX`) run in this process. ``out_dir`` streams each table to Parquet and
    CSV batch by batch, into a staging folder moved into place at the end (all or nothing; a
    second run into the same folder is refused while one writes); ``keep`` (default: only without
    ``out_dir``) also holds the tables in memory. ``article_timeout``: seconds one article may take
    (default :data:`~analysis.time_limit.ARTICLE_TIMEOUT`; 0 or None: no limit); a slower article is
    an error row.

    >>> result = analyze_corpus("../shared/corpus/dev", workers=2)  # doctest: +SKIP
    >>> result.persons.groupby("article_id").size()  # doctest: +SKIP
    """
    import contextlib

    if batch_size < 1:
        raise AnalysisError(f"batch_size must be at least 1, not {batch_size}")
    get_engine(engine, workers=workers, scheduler=scheduler, article_timeout=article_timeout)  # argument errors before any work
    items, total = list_sources(sources)
    n, note = plan_workers(engine, workers, total, scheduler=scheduler)
    runner = get_engine(engine, workers=n or None, scheduler=scheduler, article_timeout=article_timeout)
    if total is not None:
        batch_size = max(1, min(batch_size, math.ceil(total / (4 * runner.n_workers)) if total else 1))
    with OutputLock(out_dir) if out_dir is not None else contextlib.nullcontext():
        return _analyze(items, total, runner, sources, batch_size=batch_size, progress=progress, out_dir=out_dir, keep=out_dir is None if keep is None else keep, note=note)


def _analyze(items: Iterator, total: int | None, runner: Engine, sources: Any, *, batch_size: int, progress: bool, out_dir: str | Path | None, keep: bool, note: str | None) -> CorpusResult:
    import pandas as pd

    writer = TableWriter(out_dir) if out_dir is not None else None
    kept: dict[str, list[pd.DataFrame]] = {kind: [] for kind in (*KINDS, "articles")}
    columns: dict[str, list[str]] = {"articles": ARTICLE_COLUMNS}
    errors: list[pd.DataFrame] = []
    analysed = failed = 0
    started = time.perf_counter()
    try:
        with runner, _progress(progress, total, runner.name) as bar:
            startup, n_workers = time.perf_counter() - started, runner.n_workers
            for batch in runner.map(_batches(items, batch_size)):
                analysed += len(batch.articles)
                if len(batch.errors):
                    errors.append(batch.errors)
                for kind, table in (*batch.tables.items(), ("articles", batch.articles)):
                    if len(columns.get(kind, ())) <= 1:
                        columns[kind] = list(table.columns)
                    if writer is not None:
                        writer.write(kind, table)
                    if keep and len(table):
                        kept[kind].append(table)
                bar.update(batch.size)
                if len(batch.errors):
                    failed += len(batch.errors)
                    bar.set_postfix(errors=failed, refresh=False)
        error_table = pd.concat(errors, ignore_index=True) if errors else pd.DataFrame(columns=ERROR_COLUMNS)
        seconds = time.perf_counter() - started
        tables = {}
        if keep:
            for kind, parts in kept.items():
                tables[kind] = concat_tables(parts) if parts else pd.DataFrame(columns=columns.get(kind, ["article_id"]))
        result = CorpusResult(
            tables=tables,
            errors=error_table,
            out_dir=Path(out_dir) if out_dir is not None else None,
            seconds=seconds,
            startup=startup,
            engine=runner.name,
            workers=n_workers,
            analysed=analysed,
            note=note,
        )
        if writer is not None:
            if not writer.has("articles"):
                writer.write("articles", pd.DataFrame(columns=ARTICLE_COLUMNS))
            writer.write("errors", error_table)
            result.files = writer.finish()
            writer.write_file("corpus.json", _manifest(result, sources))
            writer.commit()
    except BaseException:
        if writer is not None:
            writer.abort()
        raise
    from .directory import attach  # directory_persons, directory_organizations and edges, beside the other tables

    attach(result)
    if result.out_dir is not None and any(k.startswith("directory_") for k in result.files):
        from .export import write_atomically

        write_atomically(result.out_dir / "corpus.json", _manifest(result, sources))  # now listing the directory's tables
    return result


def _manifest(result: CorpusResult, sources: Any) -> str:
    """``corpus.json``: what was analysed, how, and where each table went (for the corpus report)."""
    manifest = {
        "source": safe_id(str(sources)) if isinstance(sources, (str, Path)) else f"{type(sources).__name__} of inputs",
        "analysed": result.analysed,
        "errors": result.failed,
        "engine": result.engine,
        "workers": result.workers,
        "seconds": round(result.seconds, 3),
        "startup_seconds": round(result.startup, 3),
        "tables": {kind: {"rows": info["rows"], "parquet": Path(info["parquet"]).name, "csv": Path(info["csv"]).name} for kind, info in result.files.items()},
    }
    return json.dumps(manifest, indent=1) + "\n"


def sample_corpus() -> Path:
    """The folder of the small sample corpus shipped with the package: three real press releases.

    For notebooks and examples that must run where ``../shared`` is absent.

    >>> sorted(p.name for p in sample_corpus().glob("*.txt"))
    ['a01.txt', 'a05.txt', 'iscr-2024.txt']
    """
    return Path(__file__).resolve().parent / "data" / "sample"


def read_corpus(out_dir: str | Path) -> CorpusResult:
    """The tables a corpus run wrote to ``out_dir``, loaded lazily (for notebooks and the corpus report)."""
    import pandas as pd

    out_dir = Path(out_dir)
    manifest_path = out_dir / "corpus.json"
    if not manifest_path.is_file():
        raise ArticleError(f"{out_dir}: no corpus.json here; run `analysis corpus SOURCE --out {out_dir}` first")
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    errors_path = out_dir / "errors.parquet"
    errors = pd.read_parquet(errors_path) if errors_path.is_file() else pd.DataFrame(columns=ERROR_COLUMNS)
    return CorpusResult(
        tables={},
        errors=errors,
        out_dir=out_dir,
        files={kind: {"rows": info["rows"], "parquet": str(out_dir / info["parquet"]), "csv": str(out_dir / info["csv"])} for kind, info in manifest.get("tables", {}).items()},
        seconds=manifest.get("seconds", 0.0),
        startup=manifest.get("startup_seconds", 0.0),
        engine=manifest.get("engine", "local"),
        workers=manifest.get("workers", 1),
        analysed=manifest.get("analysed", 0),
    )


def __getattr__(name: str) -> Any:
    """:func:`run` and :class:`CorpusSummary` live in :mod:`analysis.corpus_summary` (which imports this module)."""
    if name in ("run", "CorpusSummary"):
        from . import corpus_summary

        return getattr(corpus_summary, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
