"""Corpus output: one writer per folder at a time, all or nothing, spreadsheet-safe CSV beside Parquet.

:class:`TableWriter` streams each kind into a private staging folder and moves the files into
place at the end; :class:`OutputLock` refuses a second run into a folder being written.
"""
from __future__ import annotations

import csv
import io
import json
import math
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import AnalysisError

if TYPE_CHECKING:
    import pandas as pd


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

    def has(self, kind: str) -> bool:
        """True once a table of ``kind`` was written (even an empty one)."""
        return kind in self._columns

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
