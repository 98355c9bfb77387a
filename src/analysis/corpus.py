"""Many articles: one tidy table per kind, computed in batches on a process pool or a Dask cluster.

Sources are a folder (``*.txt``, ``*.md``, ``*.html``, ``*.htm``), a glob, a list of paths (or
URLs, texts, records), or a JSON Lines / CSV file with a ``text`` column (optional ``title``,
``author``, ``date``/``published``, ``url``, ``id``). A bad article lands in the ``errors`` table
and never stops the run: articles in = articles analysed + errors.

>>> result = analyze_corpus(["Police met\\n\\nThe chiefs met in Hanoi. They agreed."], workers=1)  # doctest: +SKIP
>>> result.persons, result.articles, result.errors  # doctest: +SKIP

With ``out_dir`` the tables stream to Parquet and CSV batch by batch, so memory stays flat
however large the corpus; :func:`run` is what ``analysis corpus`` calls.
"""
from __future__ import annotations

import csv
import glob
import io
import itertools
import json
import logging
import math
import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import AnalysisError, ArticleError

if TYPE_CHECKING:
    import pandas as pd

    from .article import Article

#: kind -> (module, function): the public table functions a corpus run computes per article.
KINDS: dict[str, tuple[str, str]] = {
    "persons": ("participants", "participants"),
    "organizations": ("participants", "organizations"),
    "places": ("participants", "places"),
    "dates": ("dates", "dates"),
    "events": ("dates", "events"),  # named events: the corpus timeline and the directory's person-event ties
    "themes": ("themes", "themes"),
    "terms": ("terms", "term_frequencies"),
    "readability": ("readability", "readability"),
}
ARTICLE_COLUMNS = ["article_id", "title", "author", "published", "source", "url", "paragraphs", "sentences", "words"]
ERROR_COLUMNS = ["article_id", "source", "error"]
ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
RECORD_SUFFIXES = (".jsonl", ".ndjson", ".csv", ".tsv")
DEFAULT_BATCH_SIZE = 32

_GLOB_CHARS = set("*?[")
_TEXT_COLUMNS = ("text", "body", "content")


# --- sources -----------------------------------------------------------------


def iter_sources(source: Any) -> Iterator[tuple[str, Any]]:
    """``(article_id, input)`` pairs for :func:`analysis.sources.read_source`, lazily, in a stable order.

    A row of a JSON Lines or CSV file that cannot be read comes out as an :class:`ArticleError`
    in place of its input, so the run records it instead of dropping it.

    >>> [article_id for article_id, _ in iter_sources(["a/x.txt", "b/x.txt", "Some text."])]
    ['x', 'x-2', 'text-3']
    """
    seen: dict[str, int] = {}
    for article_id, item in _expand(source):
        count = seen.get(article_id, 0) + 1
        seen[article_id] = count
        yield (article_id if count == 1 else f"{article_id}-{count}"), item


def _expand(source: Any, position: int = 0) -> Iterator[tuple[str, Any]]:
    if isinstance(source, (str, Path)):
        yield from _expand_one(source, position)
    elif isinstance(source, (bytes, bytearray, Mapping)):
        yield _record_id(source, position), source
    elif isinstance(source, Iterable):
        for index, item in enumerate(source, start=1):
            if isinstance(item, (str, Path)):
                yield from _expand_one(item, index)
            else:
                yield _record_id(item, index), item
    else:
        raise ArticleError(f"cannot read a corpus from a {type(source).__name__}")


def _record_id(item: Any, index: int) -> str:
    if isinstance(item, Mapping) and isinstance(item.get("id"), (str, int)) and str(item["id"]).strip():
        return str(item["id"]).strip()
    return f"text-{index}"


def _expand_one(source: str | Path, index: int) -> Iterator[tuple[str, Any]]:
    from .sources import is_url

    if isinstance(source, str) and is_url(source):
        yield _url_id(source, index), source.strip()
        return
    if isinstance(source, str) and ("\n" in source or len(source) > 1024):
        yield f"text-{index or 1}", source  # raw article text
        return
    path = Path(source)
    try:
        path.stat()
    except FileNotFoundError:
        pass
    except (OSError, ValueError) as exc:  # a name too long, a NUL byte
        raise ArticleError(f"{str(source)[:200]}: not a usable file name ({exc})") from None
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
        if not files:
            raise ArticleError(f"{path}: no {', '.join(ARTICLE_SUFFIXES)} files in this folder")
        for file in files:
            yield file.stem, file
        return
    if path.is_file():
        suffix = path.suffix.lower()
        if suffix in (".jsonl", ".ndjson"):
            yield from _jsonl_rows(path)
        elif suffix in (".csv", ".tsv"):
            yield from _csv_rows(path)
        else:
            yield path.stem, path
        return
    if isinstance(source, str) and _GLOB_CHARS & set(source):
        matches = sorted(p for p in glob.glob(source, recursive=True) if Path(p).is_file())
        if not matches:
            raise ArticleError(f"{source}: no file matches this pattern")
        for match in matches:
            yield from _expand_one(Path(match), index)
        return
    if index:  # an item of a list: a missing file becomes an error row, a short string is a text
        looks_like_file = any(sep in str(source) for sep in "/\\") or str(source).lower().endswith(ARTICLE_SUFFIXES + RECORD_SUFFIXES)
        yield (path.stem, path) if looks_like_file or isinstance(source, Path) else (f"text-{index}", source)
        return
    raise ArticleError(f"{source}: no such file or folder")


def _url_id(url: str, index: int) -> str:
    """The last path segment of ``url`` without its suffix (``…/news/chiefs.html`` → ``chiefs``)."""
    from urllib.parse import urlsplit

    parts = urlsplit(url.strip())
    stem = Path(parts.path.rstrip("/")).stem if parts.path.strip("/") else ""
    return stem or f"{parts.hostname or 'url'}-{index or 1}"


def _text_encoding(path: Path) -> str:
    from .sources import decode, detect_encoding

    with path.open("rb") as handle:
        head = handle.read(65536)
    decode(head[: 65536 - 8] if len(head) == 65536 else head, str(path))  # refuses binary files up front
    encoding = detect_encoding(head)
    return "utf-8-sig" if encoding == "utf-8" else encoding


def _jsonl_rows(path: Path) -> Iterator[tuple[str, Any]]:
    with path.open("r", encoding=_text_encoding(path), errors="replace", newline=None) as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                yield f"{path.stem}-{number}", ArticleError(f"{where}: not valid JSON ({exc.msg})")
                continue
            if not isinstance(record, dict):
                yield f"{path.stem}-{number}", ArticleError(f"{where}: not a JSON object with a 'text' key")
                continue
            yield _row_id(record, path, number), _row(record, where)


def _csv_rows(path: Path) -> Iterator[tuple[str, Any]]:
    csv.field_size_limit(2**31 - 1)  # articles are longer than csv's 128 kB default
    with path.open("r", encoding=_text_encoding(path), errors="replace", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t" if path.suffix.lower() == ".tsv" else ",")
        header = next(reader, None)
        if header is None:
            raise ArticleError(f"{path}: the file is empty")
        names = [name.strip().lower() for name in header]
        if not set(_TEXT_COLUMNS) & set(names):
            raise ArticleError(f"{path}: no 'text' column (columns: {', '.join(names) or 'none'})")
        for number, values in enumerate(reader, start=2):
            if not any(v.strip() for v in values):
                continue
            record = dict(zip(names, values))
            yield _row_id(record, path, number), _row(record, f"{path}:{number}")


def _row(record: dict, where: str) -> dict:
    """A corpus row as a :func:`read_source` record: ``text`` from text/body/content, ``source`` = file:line."""
    text = next((record[c] for c in _TEXT_COLUMNS if isinstance(record.get(c), str) and record[c].strip()), None)
    return {**record, "text": text, "source": where}


def _row_id(record: dict, path: Path, number: int) -> str:
    value = record.get("id")
    return str(value).strip() if isinstance(value, (str, int)) and str(value).strip() else f"{path.stem}-{number}"


# --- one article ---------------------------------------------------------------


#: keyword options a corpus run passes to a table function (per-paragraph readability is for single reports)
OPTIONS: dict[str, dict] = {"readability": {"paragraphs": False}}


def _functions() -> dict[str, Callable]:
    import functools
    import importlib

    return {
        kind: functools.partial(getattr(importlib.import_module(f".{module}", __package__), name), **OPTIONS.get(kind, {}))
        for kind, (module, name) in KINDS.items()
    }


def analyze_article_tables(article: Article) -> dict[str, pd.DataFrame]:
    """Every corpus table of one article, by kind, each with an ``article_id`` column first.

    >>> from analysis import parse_article
    >>> sorted(analyze_article_tables(parse_article("Title\\n\\nPolice met.")))  # doctest: +SKIP
    ['dates', 'organizations', 'persons', 'places', 'readability', 'terms', 'themes']
    """
    tables = {}
    for kind, function in _functions().items():
        table = function(article).copy()
        table.insert(0, "article_id", article.id)
        tables[kind] = table
    return tables


def load_item(article_id: str, item: Any) -> Article:
    """The :class:`Article` of one corpus input, carrying ``article_id`` as its id."""
    from .article import parse_article
    from .sources import read_source

    if isinstance(item, BaseException):
        raise item
    document = read_source(item)
    metadata = {**document.metadata, "id": article_id}
    metadata.setdefault("source", _describe(item))
    return parse_article(document.text, **metadata)


def _describe(item: Any) -> str:
    if isinstance(item, Path):
        return str(item)
    if isinstance(item, Mapping):
        return str(item.get("source") or item.get("url") or "record")
    if isinstance(item, str):
        from .sources import _looks_like_path, is_url

        return item if is_url(item) or _looks_like_path(item) else "text"
    if isinstance(item, BaseException):
        return str(item).split(": ", 1)[0] if ": " in str(item) else ""
    return type(item).__name__


@dataclass
class Batch:
    """What a worker sends back for one batch: tables by kind, article rows, error rows."""

    tables: dict[str, pd.DataFrame]
    articles: pd.DataFrame
    errors: pd.DataFrame

    @property
    def size(self) -> int:
        return len(self.articles) + len(self.errors)


def _error_message(exc: BaseException) -> str:
    if isinstance(exc, AnalysisError):
        return " ".join(str(exc).split()) or type(exc).__name__
    return f"unexpected {type(exc).__name__}: {' '.join(str(exc).split())}"[:500]


def analyze_batch(batch: list[tuple[str, Any]]) -> Batch:
    """Analyse a list of ``(article_id, input)`` pairs; any failure becomes an error row, never an exception."""
    import pandas as pd

    functions = _functions()
    frames: dict[str, list[pd.DataFrame]] = {kind: [] for kind in functions}
    ids: dict[str, list[str]] = {kind: [] for kind in functions}
    articles, errors = [], []
    for article_id, item in batch:
        try:
            article = load_item(article_id, item)
            tables = {kind: function(article) for kind, function in functions.items()}
        except Exception as exc:  # noqa: BLE001 - one bad article is recorded, never aborts the run
            errors.append((article_id, _describe(item), _error_message(exc)))
            continue
        for kind, table in tables.items():
            frames[kind].append(table)
            ids[kind].append(article_id)
        articles.append(
            (
                article_id,
                article.title,
                article.author,
                article.published.isoformat() if article.published else None,
                article.source,
                article.url,
                len(article.body_paragraphs),
                len(article.body_sentences),
                article.word_count,
            )
        )
    tables = {kind: _stack(frames[kind], ids[kind]) for kind in functions}
    return Batch(tables, pd.DataFrame(articles, columns=ARTICLE_COLUMNS), pd.DataFrame(errors, columns=ERROR_COLUMNS))


def _stack(frames: list[pd.DataFrame], ids: list[str]) -> pd.DataFrame:
    """One table from per-article tables, with ``article_id`` first (one concat per batch, not per article)."""
    import numpy as np
    import pandas as pd

    if not frames:
        return pd.DataFrame(columns=["article_id"])
    non_empty = [(f, i) for f, i in zip(frames, ids) if len(f)]
    if not non_empty:
        return frames[0].iloc[0:0].assign(article_id=pd.Series(dtype=object))[["article_id", *frames[0].columns]]
    table = _concat([f for f, _ in non_empty])
    table.insert(0, "article_id", np.repeat(np.array([i for _, i in non_empty], dtype=object), [len(f) for f, _ in non_empty]))
    return table


def _concat(parts: list[pd.DataFrame]) -> pd.DataFrame:
    """``pd.concat``, with missing values in text columns as None whichever batch they came from."""
    import pandas as pd

    table = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0].reset_index(drop=True)
    for column in table.columns:
        if table[column].dtype == object and table[column].hasnans:
            table[column] = table[column].astype(object).where(table[column].notna(), None)
    return table


def _failed_batch(batch: list[tuple[str, Any]], reason: str) -> Batch:
    """Every article of a batch whose worker died, as error rows."""
    import pandas as pd

    errors = [(article_id, _describe(item), reason) for article_id, item in batch]
    return Batch({kind: pd.DataFrame(columns=["article_id"]) for kind in KINDS}, pd.DataFrame(columns=ARTICLE_COLUMNS), pd.DataFrame(errors, columns=ERROR_COLUMNS))


_WARM_TEXT = (
    "Police chiefs meet in Manila\nby Jane Doe | Sep 20, 2024\n\n"
    "Police General Maria Santos of the Philippine National Police (PNP) met INTERPOL officials in Manila on 20 September 2024. "
    "They agreed to share information on cybercrime and drug trafficking."
)


def warm_up(parent: int | None = None) -> None:
    """Load textstat, the CMU dictionary, the lexicons and compiled patterns once per worker process.

    With ``parent`` (a process id), the worker also exits when that process is gone, so a
    killed run leaves no worker behind.
    """
    logging.getLogger("distributed").setLevel(logging.ERROR)
    if parent is not None:
        import threading

        threading.Thread(target=_exit_with, args=(parent,), daemon=True, name="exit-with-parent").start()
    try:
        analyze_batch([("warm-up", _WARM_TEXT)])
    except Exception:  # noqa: BLE001 - a broken extractor shows up in the errors table, not here
        pass


def _exit_with(parent: int, interval: float = 2.0) -> None:
    """Poll ``parent``; end this worker once it has gone (a pool's workers otherwise outlive a killed run)."""
    while True:
        time.sleep(interval)
        try:
            os.kill(parent, 0)
        except ProcessLookupError:
            os._exit(1)
        except PermissionError:  # the pid was reused by another user's process: the parent is gone
            os._exit(1)


def _ready(seconds: float) -> int:
    """A no-op task that keeps a worker busy briefly, so each start-up task lands on its own worker."""
    time.sleep(seconds)
    return os.getpid()


# --- engines -----------------------------------------------------------------


def available_cores() -> int:
    """CPU cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS, Windows
        return max(1, os.cpu_count() or 1)


class Engine:
    """Runs :func:`analyze_batch` over batches and yields the results in order, a bounded number in flight.

    Subclasses start and stop their workers; register new ones in :data:`ENGINES`.
    """

    name = "engine"

    def __init__(self, *, workers: int | None = None, scheduler: str | None = None) -> None:
        self.workers = workers
        self.scheduler = scheduler

    def __enter__(self) -> Engine:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def start(self) -> None:
        """Start the workers and warm them up."""

    def close(self) -> None:
        """Stop the workers."""

    @property
    def n_workers(self) -> int:
        return self.workers or available_cores()

    def submit(self, batch: list) -> Any:
        raise NotImplementedError

    def result(self, handle: Any, batch: list) -> Batch:
        raise NotImplementedError

    def map(self, batches: Iterable[list]) -> Iterator[Batch]:
        """Results of ``batches`` in order; at most two batches per worker are queued at a time."""
        pending: deque[tuple[Any, list]] = deque()
        limit = 2 * self.n_workers
        for batch in batches:
            pending.append((self.submit(batch), batch))
            while len(pending) >= limit:
                yield self.result(*pending.popleft())
        while pending:
            yield self.result(*pending.popleft())


class LocalEngine(Engine):
    """A process pool over this machine's cores; ``workers=1`` runs in this process.

    Workers are started once and warmed by an initializer, never re-spawned per article.
    """

    name = "local"

    def __init__(self, *, workers: int | None = None, scheduler: str | None = None) -> None:
        if scheduler:
            raise AnalysisError("--scheduler is for the dask engine; the local engine uses this machine's cores")
        super().__init__(workers=workers)
        self._pool = None

    def start(self) -> None:
        if self.n_workers == 1:
            warm_up()
            return
        self._pool = self._new_pool()

    def _new_pool(self):
        from concurrent.futures.process import BrokenProcessPool

        pool = self._make_pool()
        # Start every worker now (the pool would otherwise spawn them as work arrives), so that
        # start-up and warm-up happen once, before the first batch.
        try:
            for future in [pool.submit(_ready, 0.05) for _ in range(self.n_workers)]:
                future.result()
        except BrokenProcessPool:
            pool.shutdown(wait=False, cancel_futures=True)
            raise AnalysisError(
                "the worker processes could not start; in a script, call analyze_corpus under "
                "`if __name__ == \"__main__\":`, or use workers=1"
            ) from None
        return pool

    def _make_pool(self):
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # forkserver: safe with threads in the parent (Jupyter, tqdm), cheaper than spawn.
        method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
        context = multiprocessing.get_context(method)
        if method == "forkserver":
            # Imported once in the fork server, shared copy-on-write by every worker.
            context.set_forkserver_preload(["analysis.corpus", "analysis._textstat", "pandas", "textstat"])
        return ProcessPoolExecutor(max_workers=self.n_workers, mp_context=context, initializer=warm_up, initargs=(os.getpid(),))

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def map(self, batches: Iterable[list]) -> Iterator[Batch]:
        if self._pool is None:
            for batch in batches:
                yield analyze_batch(batch)
            return
        pending: deque[tuple[Any, list]] = deque()
        limit = 2 * self.n_workers
        for batch in batches:
            pending.append((self._pool.submit(analyze_batch, batch), batch))
            while len(pending) >= limit:
                yield from self._settle(pending)
        while pending:
            yield from self._settle(pending)

    def _settle(self, pending: deque) -> Iterator[Batch]:
        from concurrent.futures.process import BrokenProcessPool

        future, batch = pending.popleft()
        try:
            yield future.result()
        except BrokenProcessPool:
            yield _failed_batch(batch, "a worker process died while analysing this batch")
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = self._new_pool()
            retry = [b for _, b in pending]  # queued on the dead pool: send them again
            pending.clear()
            pending.extend((self._pool.submit(analyze_batch, b), b) for b in retry)


class DaskEngine(Engine):
    """The same work on a Dask distributed cluster: ``scheduler`` is its address, else a LocalCluster.

    The LocalCluster listens on 127.0.0.1 only and has no dashboard. A remote cluster's
    workers need this package installed.
    """

    name = "dask"

    def __init__(self, *, workers: int | None = None, scheduler: str | None = None) -> None:
        super().__init__(workers=workers, scheduler=scheduler)
        self._client = None
        self._cluster = None

    def start(self) -> None:
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError as exc:  # pragma: no cover - a declared dependency
            raise AnalysisError(f"the dask engine needs dask[distributed] ({exc})") from None
        try:
            if self.scheduler:
                self._client = Client(self.scheduler, timeout="20s")
            else:
                self._cluster = LocalCluster(
                    n_workers=self.n_workers,
                    threads_per_worker=1,
                    processes=True,
                    host="127.0.0.1",
                    dashboard_address=None,
                    silence_logs=logging.ERROR,
                )
                self._client = Client(self._cluster)
            self._client.run(warm_up)
        except (OSError, TimeoutError) as exc:
            self.close()
            where = self.scheduler or "a local cluster"
            raise AnalysisError(f"cannot start or reach the Dask scheduler at {where} ({type(exc).__name__}: {exc})") from None

    @property
    def n_workers(self) -> int:
        if self._client is not None and self.scheduler:
            return max(1, len(self._client.scheduler_info().get("workers", {})))
        return self.workers or available_cores()

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    def submit(self, batch: list) -> Any:
        return self._client.submit(analyze_batch, batch, pure=False)

    def result(self, handle: Any, batch: list) -> Batch:
        try:
            return handle.result()
        except Exception as exc:  # noqa: BLE001 - a killed worker or a lost connection fails this batch only
            return _failed_batch(batch, f"the Dask task failed: {_error_message(exc)}")


#: engine name -> class; ``analyze_corpus(engine=NAME)`` looks engines up here.
ENGINES: dict[str, type[Engine]] = {"local": LocalEngine, "dask": DaskEngine}


def get_engine(name: str, *, workers: int | None = None, scheduler: str | None = None) -> Engine:
    """An engine instance by name."""
    try:
        cls = ENGINES[name]
    except KeyError:
        raise AnalysisError(f"unknown engine {name!r} (choose from {', '.join(ENGINES)})") from None
    if workers is not None and workers < 1:
        raise AnalysisError(f"workers must be at least 1, not {workers}")
    return cls(workers=workers, scheduler=scheduler)


# --- output --------------------------------------------------------------------


def _cell(value: Any) -> Any:
    """A value a CSV cell or a Parquet string column can hold: lists and dicts as JSON."""
    if isinstance(value, (list, tuple, set, frozenset, dict)):
        return json.dumps(sorted(value) if isinstance(value, (set, frozenset)) else value, ensure_ascii=False, default=str)
    if hasattr(value, "isoformat") and not isinstance(value, str):
        return value.isoformat()
    return value


def flat(table: pd.DataFrame) -> pd.DataFrame:
    """``table`` with nested values (lists, dicts, dates) in object columns turned into strings."""
    out = table.copy()
    for column in out.columns:
        if out[column].dtype == object:
            out[column] = out[column].map(_cell)
    return out


class TableWriter:
    """Streams tables kind by kind to ``out_dir/KIND.parquet`` and ``KIND.csv``.

    Files are written under temporary names and renamed on :meth:`close`, so a folder never
    holds a half-written table that looks complete.
    """

    def __init__(self, out_dir: str | Path, *, buffer_rows: int = 10000, buffer_parts: int = 32) -> None:
        self.out_dir = Path(out_dir)
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self.buffer_rows, self.buffer_parts = buffer_rows, buffer_parts  # flush at whichever comes first
        self._columns: dict[str, list[str]] = {}
        self._buffers: dict[str, list[pd.DataFrame]] = {}
        self._buffered: dict[str, int] = {}
        self._schemas: dict[str, Any] = {}
        self._parquet: dict[str, Any] = {}
        self._csv: dict[str, io.TextIOBase] = {}
        self.rows: dict[str, int] = {}

    def _tmp(self, kind: str, suffix: str) -> Path:
        return self.out_dir / f".{kind}{suffix}.part"

    def write(self, kind: str, table: pd.DataFrame) -> None:
        if kind not in self._columns:
            self._columns[kind] = list(table.columns)
            self._buffers[kind], self._buffered[kind], self.rows[kind] = [], 0, 0
        elif list(table.columns) != self._columns[kind] and len(table):
            extra = [c for c in table.columns if c not in self._columns[kind]]
            if len(self._columns[kind]) <= 1 and extra:  # the first batch had no rows to say what columns are
                self._columns[kind] = ["article_id", *[c for c in table.columns if c != "article_id"]]
        if len(table) == 0:
            return
        self._buffers[kind].append(table)
        self._buffered[kind] += len(table)
        self.rows[kind] += len(table)
        if self._buffered[kind] >= self.buffer_rows or len(self._buffers[kind]) >= self.buffer_parts:
            self._flush(kind)

    def _flush(self, kind: str) -> None:
        import pandas as pd

        parts = self._buffers[kind]
        if not parts:
            return
        table = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]
        self._buffers[kind], self._buffered[kind] = [], 0
        table = flat(table.reindex(columns=self._columns[kind]))
        table.to_csv(self._csv_file(kind), header=False, index=False)
        self._write_parquet(kind, table)

    def _csv_file(self, kind: str) -> io.TextIOBase:
        """The open CSV file of ``kind``; its header is written once the columns are known."""
        if kind not in self._csv:
            handle = self._tmp(kind, ".csv").open("w", encoding="utf-8", newline="")
            csv.writer(handle).writerow(self._columns[kind])
            self._csv[kind] = handle
        return self._csv[kind]

    def _write_parquet(self, kind: str, table: pd.DataFrame) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if kind not in self._schemas:
            inferred = pa.Table.from_pandas(table, preserve_index=False).schema
            fields = [pa.field(f.name, pa.string()) if pa.types.is_null(f.type) else f for f in inferred]
            self._schemas[kind] = pa.schema(fields)
            self._parquet[kind] = pq.ParquetWriter(self._tmp(kind, ".parquet"), self._schemas[kind])
        self._parquet[kind].write_table(_conform(table, self._schemas[kind]))

    def close(self) -> dict[str, dict]:
        """Flush, rename the files into place, and return ``{kind: {"rows", "parquet", "csv"}}``."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        files = {}
        for kind in list(self._columns):
            self._flush(kind)
            self._csv_file(kind)
            self._csv.pop(kind).close()
            writer = self._parquet.pop(kind, None)
            if writer is None:  # no rows at all: an empty file with the columns
                schema = pa.schema([pa.field(c, pa.string()) for c in self._columns[kind]])
                pq.write_table(schema.empty_table(), self._tmp(kind, ".parquet"))
            else:
                writer.close()
            targets = {}
            for suffix in (".parquet", ".csv"):
                target = self.out_dir / f"{kind}{suffix}"
                os.replace(self._tmp(kind, suffix), target)
                targets[suffix[1:]] = str(target)
            files[kind] = {"rows": self.rows[kind], **targets}
        return files

    def abort(self) -> None:
        """Drop the partial files."""
        for handle in self._csv.values():
            handle.close()
        for writer in self._parquet.values():
            try:
                writer.close()
            except Exception:  # noqa: BLE001
                pass
        for kind in self._columns:
            for suffix in (".parquet", ".csv"):
                self._tmp(kind, suffix).unlink(missing_ok=True)


def _conform(table: pd.DataFrame, schema: Any) -> Any:
    """``table`` as a pyarrow Table of ``schema``: later batches may have other dtypes than the first."""
    import pandas as pd
    import pyarrow as pa

    arrays = []
    for f in schema:
        column = table[f.name] if f.name in table.columns else pd.Series([None] * len(table), dtype=object)
        try:
            array = pa.array(column, from_pandas=True)
            arrays.append(array if array.type == f.type else array.cast(f.type))
            continue
        except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError, TypeError, ValueError):
            pass
        if pa.types.is_string(f.type) or pa.types.is_large_string(f.type):
            values = column.map(lambda v: None if v is None or (isinstance(v, float) and math.isnan(v)) else str(v))
        elif pa.types.is_boolean(f.type):
            values = column.map(lambda v: bool(v) if isinstance(v, (bool, int)) else None)
        else:
            values = pd.to_numeric(column, errors="coerce")
        arrays.append(pa.array(values, from_pandas=True).cast(f.type, safe=False))
    return pa.Table.from_arrays(arrays, schema=schema)


# --- the run ---------------------------------------------------------------------


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


def _is_dir(source: str | Path) -> bool:
    try:
        return Path(source).is_dir()
    except (OSError, ValueError):
        return False


def _batches(items: Iterator, size: int) -> Iterator[list]:
    while batch := list(itertools.islice(items, size)):
        yield batch


def _progress(enabled: bool, total: int | None, engine: str):
    from tqdm.auto import tqdm

    return tqdm(total=total, unit="article", desc=f"analysing ({engine})", disable=not enabled, file=sys.stderr, dynamic_ncols=True, mininterval=0.5)


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
) -> CorpusResult:
    """Analyse every article of ``sources`` on ``engine`` ("local" process pool or "dask").

    ``out_dir`` streams each table to Parquet and CSV batch by batch; ``keep`` (default: only
    without ``out_dir``) also holds the tables in memory.

    >>> result = analyze_corpus("../shared/corpus/dev", workers=2)  # doctest: +SKIP
    >>> result.persons.groupby("article_id").size()  # doctest: +SKIP
    """
    import pandas as pd

    keep = out_dir is None if keep is None else keep
    runner = get_engine(engine, workers=workers, scheduler=scheduler)
    if batch_size < 1:
        raise AnalysisError(f"batch_size must be at least 1, not {batch_size}")
    items: Iterator = iter_sources(sources)
    total = None
    if not isinstance(sources, (str, Path)) or _is_dir(sources) or (isinstance(sources, str) and _GLOB_CHARS & set(sources)):
        listed = list(items)  # paths or texts the caller already holds: cheap to count, so batches fit the workers
        total, items = len(listed), iter(listed)
        batch_size = max(1, min(batch_size, math.ceil(total / (4 * runner.n_workers)) if total else 1))
    writer = TableWriter(out_dir) if out_dir is not None else None
    kept: dict[str, list[pd.DataFrame]] = {kind: [] for kind in (*KINDS, "articles")}
    columns: dict[str, list[str]] = {"articles": ARTICLE_COLUMNS}
    errors: list[pd.DataFrame] = []
    analysed = failed = 0
    started = time.perf_counter()
    try:
        with runner, _progress(progress, total, engine) as bar:
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
        files: dict[str, dict] = {}
        if writer is not None:
            if "articles" not in writer._columns:
                writer.write("articles", pd.DataFrame(columns=ARTICLE_COLUMNS))
            writer.write("errors", error_table)
            files = writer.close()
    except BaseException:
        if writer is not None:
            writer.abort()
        raise
    seconds = time.perf_counter() - started
    tables = {}
    if keep:
        for kind, parts in kept.items():
            tables[kind] = _concat(parts) if parts else pd.DataFrame(columns=columns.get(kind, ["article_id"]))
    result = CorpusResult(
        tables=tables,
        errors=error_table,
        out_dir=Path(out_dir) if out_dir is not None else None,
        files=files,
        seconds=seconds,
        startup=startup,
        engine=engine,
        workers=n_workers,
        analysed=analysed,
    )
    from .directory import attach  # directory_persons, directory_organizations and edges, beside the other tables

    attach(result)
    if writer is not None:
        _write_manifest(result, sources)
    return result


def _write_manifest(result: CorpusResult, sources: Any) -> None:
    """``corpus.json``: what was analysed, how, and where each table went (for the corpus report)."""
    manifest = {
        "source": str(sources) if isinstance(sources, (str, Path)) else f"{type(sources).__name__} of inputs",
        "analysed": result.analysed,
        "errors": result.failed,
        "engine": result.engine,
        "workers": result.workers,
        "seconds": round(result.seconds, 3),
        "startup_seconds": round(result.startup, 3),
        "tables": {kind: {"rows": info["rows"], "parquet": Path(info["parquet"]).name, "csv": Path(info["csv"]).name} for kind, info in result.files.items()},
    }
    from .report import write_atomically

    write_atomically(result.out_dir / "corpus.json", json.dumps(manifest, indent=1) + "\n")


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


@dataclass
class CorpusSummary:
    """What ``analysis corpus`` prints: counts, time, where the tables and the report went."""

    analysed: int
    errors: int
    seconds: float
    out_dir: Path
    engine: str
    workers: int
    startup: float = 0.0
    files: dict[str, dict] = field(default_factory=dict)
    report: Path | None = None
    report_error: str | None = None
    first_errors: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        total = self.analysed + self.errors
        working = self.seconds - self.startup
        rate = f", then {self.analysed / working:.1f} articles/s" if working > 0 and self.analysed else ""
        lines = [
            f"articles:  {self.analysed} of {total} analysed, {self.errors} error{'s' if self.errors != 1 else ''}",
            f"time:      {self.seconds:.1f} s on the {self.engine} engine: {self.startup:.1f} s starting {self.workers} worker{'s' if self.workers != 1 else ''}{rate}",
            f"tables:    {self.out_dir}/ (Parquet and CSV: {', '.join(k for k in self.files if k != 'errors')})",
        ]
        if self.errors:
            lines.append(f"errors:    {self.out_dir / 'errors.csv'}")
            lines.extend(f"           {message}" for message in self.first_errors)
            if self.errors > len(self.first_errors):
                lines.append(f"           … and {self.errors - len(self.first_errors)} more")
        if self.report:
            lines.append(f"report:    {self.report}")
        elif self.report_error:
            lines.append(f"report:    not built ({self.report_error})")
        return "\n".join(lines)


def run(
    source: Any,
    *,
    out_dir: str | Path,
    engine: str = "local",
    scheduler: str | None = None,
    workers: int | None = None,
    progress: bool = True,
    report: bool = True,
) -> CorpusSummary:
    """Analyse ``source`` into ``out_dir`` (tables, errors, ``corpus.json``, the corpus report); what the CLI calls."""
    result = analyze_corpus(source, engine=engine, workers=workers, scheduler=scheduler, progress=progress, out_dir=out_dir, keep=False)
    summary = CorpusSummary(
        analysed=result.analysed,
        errors=result.failed,
        seconds=result.seconds,
        out_dir=Path(out_dir),
        engine=engine,
        workers=result.workers,
        startup=result.startup,
        files=result.files,
        first_errors=[f"{row.article_id}: {row.error}" for row in result.errors.head(3).itertuples()],
    )
    if report and result.analysed:
        summary.report, summary.report_error = _build_report(Path(out_dir))
    return summary


def _build_report(out_dir: Path) -> tuple[Path | None, str | None]:
    """The corpus report of the tables in ``out_dir``; a failure is reported, not raised."""
    try:
        from .report import build_corpus
    except (ImportError, AttributeError):
        return None, "this version has no corpus report"
    try:
        return Path(build_corpus(out_dir, out_dir=out_dir)), None
    except AnalysisError as exc:
        return None, str(exc)
    except Exception as exc:  # noqa: BLE001 - the tables are written; a report failure must not hide them
        return None, f"{type(exc).__name__}: {exc}"
