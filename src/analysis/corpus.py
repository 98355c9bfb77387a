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

import contextlib
import csv
import glob
import io
import itertools
import json
import logging
import math
import os
import re
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import AnalysisError, ArticleError
from .time_limit import ARTICLE_TIMEOUT, time_limit

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

    Ids are unique: a repeated name gets ``-2``, ``-3``, ... (the first free one), so no two
    articles share an id. A row of a JSON Lines or CSV file that cannot be read comes out as an
    :class:`ArticleError` in place of its input, so the run records it instead of dropping it.

    >>> [article_id for article_id, _ in iter_sources(["a/x.txt", "b/x.txt", "c/x-2.txt", "Some text.\\n"])]
    ['x', 'x-2', 'x-2-2', 'text-4']
    """
    seen: set[str] = set()
    for article_id, item in _expand(source):
        base = _safe_id(article_id)
        article_id, count = base, 1
        while article_id in seen:
            count += 1
            article_id = f"{base}-{count}"
        seen.add(article_id)
        yield article_id, item


def _safe_id(value: str) -> str:
    """An id every output can hold: lone surrogates (from JSON escapes or odd file names) written as ``\\udXXX``."""
    return value.encode("utf-8", "backslashreplace").decode("utf-8") if _has_surrogate(value) else value


def _has_surrogate(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


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
    """One source: a URL, a text (several lines), a folder, a glob, a JSON Lines/CSV file or an article file.

    ``index`` is the position in a list (0 for a single source): there, an unusable item
    becomes an error row; a single unusable source is an error.
    """
    from .sources import has_scheme, is_text, printable

    if isinstance(source, str) and is_text(source):
        yield f"text-{index or 1}", source  # raw article text
        return
    if isinstance(source, str) and has_scheme(source):
        yield _url_id(source, index), source.strip()  # read_source refuses other schemes with a clear error
        return
    if not str(source).strip():
        if index:
            yield f"item-{index}", ArticleError(f"item {index}: an empty name")
            return
        raise ArticleError("empty source: give a folder, a glob, a JSON Lines or CSV file, or a list of files")
    path = Path(source)
    try:
        path.stat()
    except (FileNotFoundError, NotADirectoryError):
        pass
    except (OSError, ValueError) as exc:  # a name too long, a NUL byte, a symlink loop
        if index:
            yield path.stem or f"item-{index}", path  # read_source says what is wrong with it
            return
        raise ArticleError(f"{printable(str(source)[:200])}: not a usable file or folder ({exc})") from None
    if path.is_dir():
        yield from _folder(path)
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
    if not index and isinstance(source, str) and _GLOB_CHARS & set(source):
        matches = sorted(p for p in glob.glob(source, recursive=True) if Path(p).is_file() and not is_output(Path(p)))
        if not matches:
            raise ArticleError(f"{printable(source)}: no file matches this pattern")
        for match in matches:
            yield from _expand_one(Path(match), index)
        return
    if index:  # an item of a list: read_source turns a missing file, a FIFO or a dangling link into an error row
        yield path.stem or f"item-{index}", path
        return
    raise ArticleError(f"{printable(source)}: no such file or folder")


def _folder(path: Path) -> Iterator[tuple[str, Path]]:
    """The article files of a folder, sorted; reports this package wrote are outputs, never inputs.

    Entries with an article suffix that are not regular files (dangling links, FIFOs) are
    yielded too, so that the run counts them as errors instead of skipping them silently.
    """
    entries = []
    for entry in path.iterdir():
        if entry.suffix.lower() not in ARTICLE_SUFFIXES:
            continue
        try:
            if entry.is_dir():
                continue
        except OSError:  # a symlink loop: read_source says so
            pass
        if not is_output(entry):
            entries.append(entry)
    if not entries:
        raise ArticleError(f"{path}: no {', '.join(ARTICLE_SUFFIXES)} files in this folder")
    for entry in sorted(entries):
        yield entry.stem, entry


#: Written into every HTML report (``<meta name="generator" ...>``): how a report is told from an article.
REPORT_MARKER = b'<meta name="generator" content="analysis '


def is_output(path: Path) -> bool:
    """True for an HTML report written by this package (``corpus.html``, article reports): not an article.

    Only regular files are opened (a FIFO would block).
    """
    import stat

    if path.suffix.lower() not in (".html", ".htm"):
        return False
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return False
        with path.open("rb") as handle:
            head = handle.read(8192)
    except OSError:
        return False
    return REPORT_MARKER in head


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
            if bad := _invalid_field(record):
                yield f"{path.stem}-{number}", ArticleError(f"{where}: the value of '{bad}' holds a lone surrogate (an invalid \\ud800-\\udfff escape)")
                continue
            yield _row_id(record, path, number), _row(record, where)


def _invalid_field(record: Mapping) -> str | None:
    """The first key whose value (or the key itself) is a string no output can hold, else None."""
    for key, value in record.items():
        if isinstance(key, str) and _has_surrogate(key):
            return _safe_id(key)
        if isinstance(value, str) and _has_surrogate(value):
            return str(_safe_id(key))
    return None


class _Lines:
    """The physical lines of a file with their numbers; a CSV reader reads through it and can restart at a line."""

    def __init__(self, handle: io.TextIOBase) -> None:
        self._handle = handle
        self.number = 0  # of the last line read
        self.record: list[str] = []  # lines of the record being read
        self._pushed: list[tuple[int, str]] = []

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        if self._pushed:
            self.number, line = self._pushed.pop()
        else:
            line = self._handle.readline()
            if not line:
                raise StopIteration
            self.number += 1
        self.record.append(line)
        return line

    def push_back(self, number: int, line: str) -> None:
        """Read ``line`` (number ``number``) again next."""
        self._pushed.append((number, line))
        self.number = number - 1


def _csv_rows(path: Path) -> Iterator[tuple[str, Any]]:
    """The rows of a CSV/TSV file; a record that breaks the quoting rules or has the wrong number of fields is an error row.

    A stray quote makes a field swallow the lines after it: the reader then restarts at the line
    where the damage was seen, so one bad record costs one error row, not the rows after it.
    """
    csv.field_size_limit(2**31 - 1)  # articles are longer than csv's 128 kB default
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    with path.open("r", encoding=_text_encoding(path), errors="replace", newline="") as handle:
        lines = _Lines(handle)
        reader = csv.reader(lines, delimiter=delimiter, strict=True)
        try:
            header = next(reader, None)
        except csv.Error as exc:
            raise ArticleError(f"{path}:1: the header is not valid CSV ({exc})") from None
        if header is None:
            raise ArticleError(f"{path}: the file is empty")
        names = [name.strip().lower() for name in header]
        if not set(_TEXT_COLUMNS) & set(names):
            raise ArticleError(f"{path}: no 'text' column (columns: {', '.join(names) or 'none'})")
        row = 1  # records counted like spreadsheet rows (the header is row 1): the ids; lines locate the source
        while True:
            lines.record = []
            start = lines.number + 1
            row += 1
            broken = False
            try:
                values = next(reader, None)
            except csv.Error as exc:
                values, problem, broken = None, f"a stray quote breaks this record ({exc})", True
            else:
                if values is None:
                    return
                problem = None if len(values) == len(names) or not any(v.strip() for v in values) else f"{len(values)} fields where the header has {len(names)} (a stray quote or delimiter?)"
            if problem is None:
                if any(v.strip() for v in values):
                    record = dict(zip(names, values))
                    yield _row_id(record, path, row), _row(record, f"{path}:{start}")
                continue
            end = lines.number
            restart = broken and end > start and len(lines.record) > 1
            last = end - 1 if restart else end
            skipped = f"; lines {start}-{last} skipped" if last > start else ""
            yield f"{path.stem}-{row}", ArticleError(f"{path}:{start}: not a valid CSV record: {problem}{skipped}")
            if restart:  # a quote swallowed the lines after it: the one where the parser choked most likely starts the next record
                lines.push_back(end, lines.record[-1])
            if broken:
                reader = csv.reader(lines, delimiter=delimiter, strict=True)


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
    for key, value in (("text", document.text), *metadata.items()):
        if isinstance(value, str) and _has_surrogate(value):
            raise ArticleError(f"{_safe_id(str(metadata['source']))}: the {key} holds a lone surrogate (an invalid \\ud800-\\udfff character)")
    return parse_article(document.text, **metadata)


def _describe(item: Any) -> str:
    if isinstance(item, Path):
        return _safe_id(str(item))
    if isinstance(item, Mapping):
        return _safe_id(str(item.get("source") or item.get("url") or "record"))
    if isinstance(item, str):
        from .sources import is_text

        return "text" if is_text(item) else _safe_id(item.strip())
    if isinstance(item, BaseException):
        return _safe_id(str(item).split(": ", 1)[0]) if ": " in str(item) else ""
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
        return _safe_id(" ".join(str(exc).split()) or type(exc).__name__)
    return _safe_id(f"unexpected {type(exc).__name__}: {' '.join(str(exc).split())}"[:500])


def analyze_batch(batch: list[tuple[str, Any]], article_timeout: float | None = ARTICLE_TIMEOUT) -> Batch:
    """Analyse a list of ``(article_id, input)`` pairs; any failure becomes an error row, never an exception.

    ``article_timeout``: seconds each article may take (None: no limit); a slower one is an error row.
    """
    import pandas as pd

    functions = _functions()
    frames: dict[str, list[pd.DataFrame]] = {kind: [] for kind in functions}
    ids: dict[str, list[str]] = {kind: [] for kind in functions}
    articles, errors = [], []
    for article_id, item in batch:
        try:
            with time_limit(article_timeout, what=_describe(item)):
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

    def __init__(self, *, workers: int | None = None, scheduler: str | None = None, article_timeout: float | None = ARTICLE_TIMEOUT) -> None:
        self.workers = workers
        self.scheduler = scheduler
        self.article_timeout = article_timeout

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

    def __init__(self, *, workers: int | None = None, scheduler: str | None = None, article_timeout: float | None = ARTICLE_TIMEOUT) -> None:
        if scheduler:
            raise AnalysisError("--scheduler is for the dask engine; the local engine uses this machine's cores")
        super().__init__(workers=workers, article_timeout=article_timeout)
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
            with workers_skip_main(), deferred_interrupts():
                for future in [pool.submit(_ready, 0.05) for _ in range(self.n_workers)]:
                    future.result()
        except KeyboardInterrupt:
            _terminate(pool)
            raise
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
            # analysis.worker_init first: the fork server and its workers leave Ctrl-C to this process.
            context.set_forkserver_preload(FORKSERVER_PRELOAD)
            with worker_environment():
                start_fork_server()
        return ProcessPoolExecutor(max_workers=self.n_workers, mp_context=context, initializer=warm_up, initargs=(os.getpid(),))

    def __exit__(self, exc_type: type | None, *exc_info: object) -> None:
        if exc_type is not None and issubclass(exc_type, KeyboardInterrupt) and self._pool is not None:
            _terminate(self._pool)  # Ctrl-C: stop the workers now instead of letting them finish their batches
        self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def map(self, batches: Iterable[list]) -> Iterator[Batch]:
        if self._pool is None:
            for batch in batches:
                yield analyze_batch(batch, self.article_timeout)
            return
        pending: deque[tuple[Any, list]] = deque()
        limit = 2 * self.n_workers
        for batch in batches:
            pending.append((self._pool.submit(analyze_batch, batch, self.article_timeout), batch))
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
            pending.extend((self._pool.submit(analyze_batch, b, self.article_timeout), b) for b in retry)


def _terminate(pool: Any) -> None:
    """Stop a process pool's workers at once (they ignore Ctrl-C, so the parent ends them)."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for process in processes:
        try:
            process.terminate()
        except (OSError, ValueError):
            pass
    pool.shutdown(wait=False, cancel_futures=True)


@contextlib.contextmanager
def deferred_interrupts() -> Iterator[None]:
    """Ctrl-C inside this block raises KeyboardInterrupt when the block ends, not halfway through starting a worker."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    pending: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: pending.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        if pending:  # also when the block failed: a child started in it got the same Ctrl-C ("Nanny failed to start")
            raise KeyboardInterrupt  # noqa: B012


def start_fork_server() -> None:
    """Start multiprocessing's fork server (if not running) with Ctrl-C ignored from its first instruction.

    A process inherits an ignored signal: so the fork server, and every worker forked from it,
    never sees the terminal's Ctrl-C, even one that arrives while it is still importing its preload
    modules (before :mod:`analysis.worker_init` runs). A Ctrl-C in the few milliseconds of the
    start itself is lost, not half-delivered.
    """
    import signal
    import threading
    from multiprocessing import forkserver

    if threading.current_thread() is not threading.main_thread():
        forkserver.ensure_running()
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        forkserver.ensure_running()
    finally:
        signal.signal(signal.SIGINT, previous)


@contextlib.contextmanager
def worker_environment() -> Iterator[None]:
    """Processes started inside this block are marked as workers: :mod:`analysis.worker_init` makes them ignore Ctrl-C."""
    from .worker_init import ENVIRONMENT_FLAG

    previous = os.environ.get(ENVIRONMENT_FLAG)
    os.environ[ENVIRONMENT_FLAG] = "1"
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop(ENVIRONMENT_FLAG, None)
        else:
            os.environ[ENVIRONMENT_FLAG] = previous


@contextlib.contextmanager
def workers_skip_main() -> Iterator[None]:
    """Start worker processes without re-running the caller's script in each of them.

    ``spawn`` and ``forkserver`` workers import the parent's ``__main__`` so that functions defined
    there can be unpickled; a script that calls :func:`analyze_corpus` without the
    ``if __name__ == "__main__":`` guard would then run again in every worker. The work sent to
    these workers lives in this package, so the script is hidden from them while they start.
    """
    main = sys.modules.get("__main__")
    if main is None or getattr(main, "__file__", None) is None and getattr(main, "__spec__", None) is None:
        yield  # Jupyter, python -c: nothing to hide
        return
    saved = {key: main.__dict__[key] for key in ("__file__", "__spec__") if key in main.__dict__}
    main.__dict__.pop("__file__", None)
    main.__spec__ = None
    try:
        yield
    finally:
        main.__dict__.pop("__spec__", None)
        main.__dict__.update(saved)


class DaskEngine(Engine):
    """The same work on a Dask distributed cluster: ``scheduler`` is its address, else a LocalCluster.

    The LocalCluster listens on 127.0.0.1 only and has no dashboard. A remote cluster's
    workers need this package installed.
    """

    name = "dask"

    def __init__(self, *, workers: int | None = None, scheduler: str | None = None, article_timeout: float | None = ARTICLE_TIMEOUT) -> None:
        super().__init__(workers=workers, scheduler=scheduler, article_timeout=article_timeout)
        self._client = None
        self._cluster = None

    def start(self) -> None:
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError as exc:  # pragma: no cover - a declared dependency
            raise AnalysisError(f"the dask engine needs dask[distributed] ({exc})") from None
        try:
            if self.scheduler:
                address = scheduler_address(self.scheduler)
                _probe_scheduler(address, SCHEDULER_TIMEOUT)
                self._client = Client(address, timeout=f"{SCHEDULER_TIMEOUT}s")
            else:
                with worker_environment(), workers_skip_main(), deferred_interrupts():
                    self._cluster = _local_cluster(LocalCluster, self.n_workers)
                self._client = Client(self._cluster)
            self._client.run(warm_up)
        except (OSError, TimeoutError) as exc:
            self.close()
            where = self.scheduler or "a local cluster"
            raise AnalysisError(f"cannot start or reach the Dask scheduler at {where} ({type(exc).__name__}: {exc})") from None
        except BaseException:
            self.close()
            raise

    def __exit__(self, exc_type: type | None, *exc_info: object) -> None:
        if exc_type is not None and issubclass(exc_type, KeyboardInterrupt):
            logging.getLogger("distributed").setLevel(logging.CRITICAL)  # Ctrl-C: closing comms mid-task is expected
        self.close()

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
        return self._client.submit(analyze_batch, batch, self.article_timeout, pure=False)

    def result(self, handle: Any, batch: list) -> Batch:
        try:
            return handle.result()
        except Exception as exc:  # noqa: BLE001 - a killed worker or a lost connection fails this batch only
            return _failed_batch(batch, f"the Dask task failed: {_error_message(exc)}")


def _local_cluster(cls: Any, n_workers: int) -> Any:
    """A Dask LocalCluster of single-threaded worker processes on 127.0.0.1, without a dashboard.

    Its workers fork from the same fork server as the local engine's (which preloads
    :mod:`analysis.worker_init`, so Ctrl-C is this process's alone, and the package, so they start fast).
    """
    import dask
    import multiprocessing

    if "forkserver" not in multiprocessing.get_all_start_methods():
        method = "spawn"
    else:
        method = "forkserver"
        multiprocessing.set_forkserver_preload(FORKSERVER_PRELOAD)
        start_fork_server()
    with dask.config.set({"distributed.worker.multiprocessing-method": method}):
            return cls(
            n_workers=n_workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
            silence_logs=logging.CRITICAL,  # a worker cut off by Ctrl-C logs heartbeat tracebacks at ERROR; task errors become error rows
            preload=["analysis.worker_init"],  # workers leave Ctrl-C to this process
            # the scheduler's HTTP endpoints (health, metrics) on a free loopback port, not 8787 that another cluster may hold
            scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
        )


#: Seconds to reach a Dask scheduler and hear it answer (the documented ``--scheduler`` timeout).
SCHEDULER_TIMEOUT = 20.0

_SCHEDULER = re.compile(r"\A(?:(?:tcp|tls|ws|wss|ucx)://)?(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9][A-Za-z0-9.-]*)(?::\d{1,5})?/?\Z")


def scheduler_address(address: str) -> str:
    """``address`` checked as a Dask scheduler address (``tcp://HOST:PORT``, ``HOST:PORT``), else a one-line error.

    >>> scheduler_address("tcp://10.0.0.5:8786"), scheduler_address("localhost:8786")
    ('tcp://10.0.0.5:8786', 'localhost:8786')
    """
    from .sources import printable

    address = address.strip()
    if not _SCHEDULER.match(address):
        raise AnalysisError(f"{printable(address)!r} is not a Dask scheduler address (expected tcp://HOST:PORT)")
    return address


def _probe_scheduler(address: str, seconds: float) -> None:
    """Open one connection to ``address`` and hear the Dask handshake, within ``seconds``; one-line errors.

    ``dask.distributed.Client`` alone waits for minutes on a server that accepts and never speaks,
    and dies with a MemoryError on one that speaks another protocol (an SSH banner read as a frame length).
    """
    import asyncio
    import threading

    async def probe() -> None:
        from distributed.comm import connect

        comm = await asyncio.wait_for(connect(address, timeout=seconds), seconds)
        await comm.close()

    outcome: dict[str, BaseException] = {}

    def run() -> None:  # its own thread and event loop: the caller may be inside one (Jupyter)
        try:
            asyncio.run(probe())
        except BaseException as exc:  # noqa: BLE001 - reported below, whatever it is
            outcome["error"] = exc

    thread = threading.Thread(target=run, daemon=True, name="dask-probe")
    thread.start()
    thread.join(seconds + 5)
    error = outcome.get("error") if not thread.is_alive() else TimeoutError()
    if error is None:
        return
    if isinstance(error, (TimeoutError, asyncio.TimeoutError)):
        raise AnalysisError(f"{address}: no Dask scheduler answered within {seconds:g} s (is this the scheduler's address and port?)")
    if isinstance(error, OSError):
        raise AnalysisError(f"cannot reach the Dask scheduler at {address} ({error.strerror or error})")
    if isinstance(error, (MemoryError, ValueError, TypeError, EOFError)) or "Comm" in type(error).__name__:
        raise AnalysisError(f"{address}: something answers there, but not a Dask scheduler ({type(error).__name__})")
    raise AnalysisError(f"cannot reach the Dask scheduler at {address} ({type(error).__name__}: {error})")


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


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value: Any) -> Any:
    return "'" + value if isinstance(value, str) and value.startswith(_FORMULA_START) else value


def csv_safe(table: pd.DataFrame) -> pd.DataFrame:
    """``table`` for a CSV file: text cells that a spreadsheet would run as a formula get a leading ``'``.

    Article text is untrusted: an id, title or sentence starting with ``=``, ``+``, ``-``, ``@``,
    tab or carriage return is neutralised as spreadsheet-safe exporters do (OWASP's CSV injection
    advice). Numbers are left alone; Parquet and JSON outputs keep the exact text.

    >>> import pandas as pd
    >>> csv_safe(pd.DataFrame({"t": ["=HYPERLINK(1)", "ok", "-2+3"], "n": [-1, 2, 3]})).to_dict("list")
    {'t': ["'=HYPERLINK(1)", 'ok', "'-2+3"], 'n': [-1, 2, 3]}
    """
    out = table.copy()
    for column in out.columns:
        if out[column].dtype == object or str(out[column].dtype) in ("string", "str"):
            out[column] = out[column].map(_csv_cell)
    out.columns = [_csv_cell(str(c)) for c in out.columns]
    return out


# --- the output folder: one writer at a time, all or nothing -------------------------------------

LOCK_NAME = ".analysis-corpus.lock"
STAGING_PREFIX = ".analysis-staging-"
_held_locks: dict[Path, list] = {}  # resolved folder -> [file descriptor, depth]: the lock is re-entrant in one process


class OutputLock:
    """Refuses a second ``analysis corpus`` run into the same folder while one is writing there.

    An advisory ``flock`` on ``DIR/.analysis-corpus.lock``; the kernel releases it when the process
    dies, so a killed run never leaves the folder locked. Leftover staging folders of killed runs
    are removed by the next run that takes the lock.
    """

    def __init__(self, out_dir: str | Path) -> None:
        self.out_dir = Path(out_dir)
        self.created = False

    def __enter__(self) -> OutputLock:
        from .sources import printable

        if self.out_dir.exists() and not self.out_dir.is_dir():
            raise AnalysisError(f"{printable(self.out_dir)}: exists and is not a folder; choose another --out")
        if not self.out_dir.exists():
            try:
                self.out_dir.mkdir(parents=True)
            except FileExistsError:
                pass
            except OSError as exc:
                raise AnalysisError(f"{printable(self.out_dir)}: cannot create this folder ({exc.strerror or exc})") from None
            else:
                self.created = True
        key = self.out_dir.resolve()
        if key in _held_locks:
            _held_locks[key][1] += 1
            return self
        try:
            fd = _lock_file(self.out_dir / LOCK_NAME)
        except BaseException:
            self._remove_if_created()
            raise
        _held_locks[key] = [fd, 1]
        for stale in self.out_dir.glob(f"{STAGING_PREFIX}*"):
            _remove_tree(stale)
        return self

    def __exit__(self, *exc_info: object) -> None:
        key = self.out_dir.resolve()
        held = _held_locks.get(key)
        if held is None:
            return
        held[1] -= 1
        if held[1] == 0:
            del _held_locks[key]
            (self.out_dir / LOCK_NAME).unlink(missing_ok=True)
            os.close(held[0])
            if exc_info[0] is not None:
                self._remove_if_created()

    def _remove_if_created(self) -> None:
        """A folder this run created and left empty goes again (a failed run leaves nothing behind)."""
        if self.created:
            try:
                self.out_dir.rmdir()
            except OSError:
                pass


def _lock_file(path: Path) -> int:
    """An open descriptor of ``path`` holding an exclusive lock; one-line error when another run holds it."""
    from .sources import printable

    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: no advisory locks, the staging folder still keeps runs apart
        return os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    for _ in range(5):
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise AnalysisError(f"{printable(path.parent)}: cannot write here ({exc.strerror or exc})") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            raise AnalysisError(
                f"{printable(path.parent)}: another `analysis corpus` run is writing to this folder; "
                "wait for it to finish or choose another --out"
            ) from None
        try:  # the previous holder may have removed the file between our open and our lock
            if os.fstat(fd).st_ino == os.stat(path).st_ino:
                os.write(fd, f"{os.getpid()}\n".encode())
                return fd
        except FileNotFoundError:
            pass
        os.close(fd)
    raise AnalysisError(f"{printable(path.parent)}: could not lock this folder")


def _remove_tree(path: Path) -> None:
    import shutil

    shutil.rmtree(path, ignore_errors=True)


class TableWriter:
    """Streams tables kind by kind to ``KIND.parquet`` and ``KIND.csv`` in a private staging folder.

    :meth:`close` (or :meth:`finish` then :meth:`commit`) moves every file into ``out_dir`` at the
    end, so ``out_dir`` holds the complete output of one run or the previous output untouched —
    never a mix of two runs, never some kinds replaced and not others (a full disk fails the run
    while it writes into the staging folder). CSV cells are made spreadsheet-safe (:func:`csv_safe`).
    """

    def __init__(self, out_dir: str | Path, *, buffer_rows: int = 10000, buffer_parts: int = 32) -> None:
        import tempfile

        self.out_dir = Path(out_dir)
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self.staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=self.out_dir))
        self.buffer_rows, self.buffer_parts = buffer_rows, buffer_parts  # flush at whichever comes first
        self._columns: dict[str, list[str]] = {}
        self._buffers: dict[str, list[pd.DataFrame]] = {}
        self._buffered: dict[str, int] = {}
        self._schemas: dict[str, Any] = {}
        self._parquet: dict[str, Any] = {}
        self._csv: dict[str, io.TextIOBase] = {}
        self._extra: list[str] = []
        self.rows: dict[str, int] = {}

    def _tmp(self, kind: str, suffix: str) -> Path:
        return self.staging / f"{kind}{suffix}"

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

    def write_file(self, name: str, text: str) -> None:
        """A further file (``corpus.json``) that moves into ``out_dir`` with the tables."""
        (self.staging / name).write_text(text, encoding="utf-8")
        self._extra.append(name)

    def _flush(self, kind: str) -> None:
        import pandas as pd

        parts = self._buffers[kind]
        if not parts:
            return
        table = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]
        self._buffers[kind], self._buffered[kind] = [], 0
        table = flat(table.reindex(columns=self._columns[kind]))
        csv_safe(table).to_csv(self._csv_file(kind), header=False, index=False)
        self._write_parquet(kind, table)

    def _csv_file(self, kind: str) -> io.TextIOBase:
        """The open CSV file of ``kind``; its header is written once the columns are known."""
        if kind not in self._csv:
            handle = self._tmp(kind, ".csv").open("w", encoding="utf-8", newline="")
            csv.writer(handle).writerow([_csv_cell(c) for c in self._columns[kind]])
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

    def finish(self) -> dict[str, dict]:
        """Flush and close every file in the staging folder; ``{kind: {"rows", "parquet", "csv"}}`` (final paths)."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        files = {}
        for kind in list(self._columns):
            self._flush(kind)
            self._csv_file(kind)
            handle = self._csv.pop(kind)
            handle.flush()
            os.fsync(handle.fileno())
            handle.close()
            writer = self._parquet.pop(kind, None)
            if writer is None:  # no rows at all: an empty file with the columns
                schema = pa.schema([pa.field(c, pa.string()) for c in self._columns[kind]])
                pq.write_table(schema.empty_table(), self._tmp(kind, ".parquet"))
            else:
                writer.close()
            files[kind] = {"rows": self.rows[kind], **{suffix[1:]: str(self.out_dir / f"{kind}{suffix}") for suffix in (".parquet", ".csv")}}
        return files

    def commit(self) -> None:
        """Move every finished file into ``out_dir`` (renames within one file system) and drop the staging folder."""
        names = [f"{kind}{suffix}" for kind in self._columns for suffix in (".parquet", ".csv")] + self._extra
        for name in names:
            os.chmod(self.staging / name, 0o644)
        for name in names:
            os.replace(self.staging / name, self.out_dir / name)
        _remove_tree(self.staging)

    def close(self) -> dict[str, dict]:
        """:meth:`finish` then :meth:`commit`."""
        try:
            files = self.finish()
            self.commit()
        except BaseException:
            self.abort()
            raise
        return files

    def abort(self) -> None:
        """Drop the staging folder; ``out_dir`` keeps what it held before the run."""
        for handle in self._csv.values():
            try:
                handle.close()
            except OSError:
                pass
        for writer in self._parquet.values():
            try:
                writer.close()
            except Exception:  # noqa: BLE001
                pass
        self._csv.clear()
        self._parquet.clear()
        _remove_tree(self.staging)


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


#: Modules the fork server imports once, shared copy-on-write by every worker; worker_init first (Ctrl-C).
FORKSERVER_PRELOAD = ["analysis.worker_init", "analysis.corpus", "analysis._textstat", "pandas", "textstat"]

#: Up to this many articles, the default is to analyse in this process: starting workers costs more.
IN_PROCESS_MAX = 8


def plan_workers(engine: str, requested: int | None, total: int | None, *, scheduler: str | None = None, cores: int | None = None) -> tuple[int, str | None]:
    """``(workers, note)``: the workers a run uses, capped by the cores and by the number of articles.

    Without ``requested``, a corpus of at most :data:`IN_PROCESS_MAX` articles on the local engine
    runs in this process (no workers to start, no ``if __name__ == "__main__":`` needed). ``note``
    says why the number differs from the one requested, else None.

    >>> plan_workers("local", 40, 18, cores=2)
    (2, '40 workers requested, 2 used: this machine has 2 cores')
    >>> plan_workers("local", None, 3, cores=2)
    (1, 'in this process: 3 articles do not repay starting workers')
    >>> plan_workers("local", 4, 3, cores=8)
    (3, '4 workers requested, 3 used: there are 3 articles')
    """
    if scheduler:
        return requested or 0, None  # the cluster's workers, counted once connected
    cores = cores or available_cores()
    if requested is None:
        if engine == "local" and total is not None and total <= IN_PROCESS_MAX:
            return 1, f"in this process: {total} article{'s' if total != 1 else ''} do{'es' if total == 1 else ''} not repay starting workers"
        workers = cores
    else:
        workers = requested
    reasons = []
    if workers > cores:
        workers, reasons = cores, [f"this machine has {cores} core{'s' if cores != 1 else ''}"]
    if total is not None and workers > max(1, total):
        workers = max(1, total)
        reasons.append(f"there {'are' if total != 1 else 'is'} {total} article{'s' if total != 1 else ''}")
    if requested is not None and workers != requested:
        return workers, f"{requested} workers requested, {workers} used: {' and '.join(reasons)}"
    return workers, None


def _listed(sources: Any) -> tuple[Iterator, int | None]:
    """The inputs of ``sources`` and their number when cheap to know (lists, folders, globs); a bad source raises now."""
    items: Iterator = iter_sources(sources)
    if not isinstance(sources, (str, Path)) or _is_dir(sources) or (isinstance(sources, str) and _GLOB_CHARS & set(sources) and not Path(sources).exists()):
        listed = list(items)  # paths or texts the caller already holds: cheap to count, so batches fit the workers
        return iter(listed), len(listed)
    first = next(items, None)  # a missing file or a file without a 'text' column fails here, before any output exists
    return (itertools.chain([first], items) if first is not None else iter(())), None


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
    items, total = _listed(sources)
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
                tables[kind] = _concat(parts) if parts else pd.DataFrame(columns=columns.get(kind, ["article_id"]))
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
            if "articles" not in writer._columns:
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
        "source": _safe_id(str(sources)) if isinstance(sources, (str, Path)) else f"{type(sources).__name__} of inputs",
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
    note: str | None = None

    def __str__(self) -> str:
        """The summary, with article data (ids, messages, paths) escaped for the terminal."""
        from .sources import printable

        return "\n".join(printable(line) for line in self._lines())

    def _lines(self) -> list[str]:
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
        if self.note:
            lines.insert(2, f"workers:   {self.note}")
        if self.report:
            lines.append(f"report:    {self.report}")
        elif self.report_error:
            lines.append(f"report:    not built ({self.report_error})")
        return lines


def run(
    source: Any,
    *,
    out_dir: str | Path,
    engine: str = "local",
    scheduler: str | None = None,
    workers: int | None = None,
    progress: bool = True,
    report: bool = True,
    article_timeout: float | None = ARTICLE_TIMEOUT,
) -> CorpusSummary:
    """Analyse ``source`` into ``out_dir`` (tables, errors, ``corpus.json``, the corpus report); what the CLI calls.

    The folder stays locked against a second run until the report is written.
    """
    if isinstance(source, str) and not source.strip():
        raise ArticleError("empty source: give a folder, a glob, a JSON Lines or CSV file")
    items, _ = _listed(source)  # a missing source fails before the output folder is created
    del items
    with OutputLock(out_dir):
        return _run(source, out_dir=out_dir, engine=engine, scheduler=scheduler, workers=workers, progress=progress, report=report, article_timeout=article_timeout)


def _run(source: Any, *, out_dir: str | Path, engine: str, scheduler: str | None, workers: int | None, progress: bool, report: bool, article_timeout: float | None) -> CorpusSummary:
    result = analyze_corpus(source, engine=engine, workers=workers, scheduler=scheduler, progress=progress, out_dir=out_dir, keep=False, article_timeout=article_timeout)
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
        note=result.note,
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
