"""Corpus inputs: a folder, a glob, a list, a JSON Lines or CSV file, as ``(article_id, input)`` pairs.

Ids are unique and stable; a record that cannot be read becomes an :class:`ArticleError` in
place of its input (an error row of the run), never a silent loss.

>>> [article_id for article_id, _ in iter_sources(["a/x.txt", "b/x.txt"])]
['x', 'x-2']
"""
from __future__ import annotations

import csv
import glob
import io
import itertools
import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from .errors import ArticleError


ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
RECORD_SUFFIXES = (".jsonl", ".ndjson", ".csv", ".tsv")

GLOB_CHARS = set("*?[")
_TEXT_COLUMNS = ("text", "body", "content")


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
        base = safe_id(article_id)
        article_id, count = base, 1
        while article_id in seen:
            count += 1
            article_id = f"{base}-{count}"
        seen.add(article_id)
        yield article_id, item


def safe_id(value: str) -> str:
    """An id every output can hold: lone surrogates (from JSON escapes or odd file names) written as ``\\udXXX``."""
    return value.encode("utf-8", "backslashreplace").decode("utf-8") if has_surrogate(value) else value


def has_surrogate(value: str) -> bool:
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
    if not index and isinstance(source, str) and GLOB_CHARS & set(source):
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
        if isinstance(key, str) and has_surrogate(key):
            return safe_id(key)
        if isinstance(value, str) and has_surrogate(value):
            return str(safe_id(key))
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


def is_folder(source: str | Path) -> bool:
    try:
        return Path(source).is_dir()
    except (OSError, ValueError):
        return False


def list_sources(sources: Any) -> tuple[Iterator, int | None]:
    """The inputs of ``sources`` and their number when cheap to know (lists, folders, globs); a bad source raises now."""
    items: Iterator = iter_sources(sources)
    if not isinstance(sources, (str, Path)) or is_folder(sources) or (isinstance(sources, str) and GLOB_CHARS & set(sources) and not Path(sources).exists()):
        listed = list(items)  # paths or texts the caller already holds: cheap to count, so batches fit the workers
        return iter(listed), len(listed)
    first = next(items, None)  # a missing file or a file without a 'text' column fails here, before any output exists
    return (itertools.chain([first], items) if first is not None else iter(())), None
