"""Where article text comes from: a path, raw text or bytes, decoded to ``str`` with any metadata found.

>>> read_source("Title\\n\\nBody text.").text
'Title\\n\\nBody text.'
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .errors import ArticleError

#: Larger inputs are refused rather than read into memory.
MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class Document:
    """Decoded text plus metadata keywords for :func:`analysis.article.parse_article`."""

    text: str
    metadata: dict = field(default_factory=dict)


def _looks_like_path(value: str) -> bool:
    return "\n" not in value and len(value) < 1024 and (value.endswith((".txt", ".md", ".html", ".htm")) or "/" in value)


def decode(data: bytes, name: str = "input") -> str:
    """Decode bytes as UTF-8 (with or without BOM), refusing binary data."""
    if b"\x00" in data[:4096]:
        raise ArticleError(f"{name}: looks like a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleError(f"{name}: not valid UTF-8 text ({exc.reason} at byte {exc.start})") from None


def read_source(source: str | Path | bytes) -> Document:
    """Read ``source`` (a file path, raw text, or bytes) into a :class:`Document`."""
    if isinstance(source, bytes):
        return _checked(Document(decode(source)), "input")
    if isinstance(source, Path) or _looks_like_path(source):
        path = Path(source)
        if not path.is_file():
            raise ArticleError(f"{path}: no such file")
        if path.stat().st_size > MAX_BYTES:
            raise ArticleError(f"{path}: larger than {MAX_BYTES // 2**20} MB, refused")
        text = decode(path.read_bytes(), str(path))
        return _checked(Document(text, {"source": str(path)}), str(path))
    return _checked(Document(source), "input")


def _checked(document: Document, name: str) -> Document:
    if not document.text.strip():
        raise ArticleError(f"{name}: no text to analyse (empty input)")
    return document
