"""Where article text comes from: a path, a URL, raw text, bytes or a record, decoded to ``str`` with metadata.

Formats: the plain-text press-release layout, HTML pages (main text, title, author and date
through trafilatura, boilerplate and scripts dropped) and Markdown (markup stripped, the
first heading as title). Encodings: UTF-8 with or without BOM, UTF-16/32 with BOM, and
legacy single-byte code pages (cp1252 preferred for Western text). Anything else — binary
data, empty or oversized input, a failed download — raises a one-line :class:`ArticleError`.
Fetching a URL is :mod:`analysis.fetch`, Markdown cleanup :mod:`analysis.markdown` (their public
names are re-exported here).

>>> read_source("Title\\n\\nBody text.").text
'Title\\n\\nBody text.'
>>> read_source(b"<html><head><title>Hi</title></head><body><p>Police met.</p></body></html>").text
'Hi\\n\\nPolice met.'
"""
from __future__ import annotations

import codecs
import datetime as dt
import html
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ArticleError, printable  # noqa: F401  (printable: re-exported)
from .fetch import MAX_BYTES, URL_TIMEOUT, fetch, is_url  # noqa: F401  (the limits: read here, so tests may patch them here)
from .markdown import looks_like_markdown, markdown_to_text, strip_raw_html  # noqa: F401

#: Metadata keys that :func:`analysis.article.parse_article` accepts.
METADATA_KEYS = ("title", "author", "published", "source", "id", "url")

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
MARKDOWN_SUFFIXES = (".md", ".markdown")
TEXT_SUFFIXES = (".txt", ".text")

_BOMS = (  # longest first: the UTF-32 LE BOM starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MAGIC = {  # signatures of binary formats people mistake for articles
    b"%PDF": "a PDF file",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or a Word/OpenDocument file)",
    b"\xd0\xcf\x11\xe0": "an old Office document",
    b"\x1f\x8b": "a gzip archive",
    b"{\\rtf": "an RTF document",
}
_WESTERN = ("cp1252", "latin_1", "iso8859_15")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_WORD = re.compile(r"[^\W\d_]{2,}")
_HTML_START = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)
_HTML_TAGS = re.compile(r"<(?:p|div|article|section|h[1-6]|br|span|a|meta|title|script)\b[^>]*>", re.I)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)


@dataclass(frozen=True)
class Document:
    """Decoded text plus metadata keywords for :func:`analysis.article.parse_article`."""

    text: str
    metadata: dict = field(default_factory=dict)


# --- bytes -> str ------------------------------------------------------------


def _binary_kind(data: bytes) -> str | None:
    """What ``data`` is when it is clearly not text, else None."""
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            return kind
    head = data[:8192]
    if b"\x00" in head:
        return "a binary file"
    return None


def _utf16_without_bom(head: bytes) -> str | None:
    """``utf-16-le``/``-be`` when every other byte of ``head`` is NUL, as in BOM-less UTF-16 ASCII text."""
    if len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def detect_encoding(data: bytes, declared: str | None = None) -> str:
    """The encoding of ``data``: a BOM, then UTF-8, then a ``declared`` one, then a legacy code page.

    >>> detect_encoding("Zürich".encode("utf-16")), detect_encoding("café".encode("cp1252"))
    ('utf-16', 'cp1252')
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    if (guess := _utf16_without_bom(data[:4096])) is not None:
        return guess
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            name = codecs.lookup(declared).name
            data.decode(name)
            return "cp1252" if name in _WESTERN else name  # servers say latin-1 and mean cp1252
        except (LookupError, UnicodeDecodeError):
            pass
    return _legacy_encoding(data)


def _legacy_encoding(data: bytes) -> str:
    """A single-byte code page for ``data``; cp1252 whenever it reads as well as the best guess."""
    try:
        from charset_normalizer import from_bytes  # installed with trafilatura
    except ImportError:  # pragma: no cover - trafilatura depends on it
        from_bytes = None
    if from_bytes is not None:
        matches = list(from_bytes(data[:65536]))
        if matches:
            best = min(m.chaos for m in matches)
            for match in matches:
                if match.chaos <= best + 0.02 and ({"cp1252", "latin_1"} & set(match.could_be_from_charset)):
                    return "cp1252"
            return matches[0].encoding
    try:
        data.decode("cp1252")
        return "cp1252"
    except UnicodeDecodeError:
        return "latin_1"


def decode(data: bytes, name: str = "input", *, declared: str | None = None) -> str:
    """Decode ``data`` to text (see :func:`detect_encoding`), refusing binary data with an :class:`ArticleError`.

    >>> decode("Café".encode("utf-8-sig")), decode("Café".encode("cp1252"))
    ('Café', 'Café')
    """
    has_bom = any(data.startswith(bom) for bom, _ in _BOMS)
    if not has_bom and _utf16_without_bom(data[:4096]) is None and (kind := _binary_kind(data)):
        raise ArticleError(f"{name}: looks like {kind}, not text")
    encoding = detect_encoding(data, declared)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ArticleError(f"{name}: not readable as {encoding} text ({exc.reason} at byte {exc.start})") from None
    text = text.lstrip("\ufeff")
    controls = len(_CONTROL.findall(text[:65536]))
    if controls > max(8, len(text[:65536]) // 100):
        raise ArticleError(f"{name}: looks like a binary file, not text ({controls} control characters)")
    return text


# --- formats -----------------------------------------------------------------


def sniff_format(text: str, name: str = "") -> str:
    """``"html"``, ``"markdown"`` or ``"text"``, from the file name's suffix, else from the content.

    >>> sniff_format("<!DOCTYPE html><html>...</html>"), sniff_format("# Title\\n\\nSome *text*."), sniff_format("Title\\n\\nBody.")
    ('html', 'markdown', 'text')
    """
    suffix = Path(name.split("?")[0]).suffix.lower() if name else ""
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in TEXT_SUFFIXES:
        return "text"
    head = text[:4096]
    if _HTML_START.match(head) or len(_HTML_TAGS.findall(head)) >= 3:
        return "html"
    return "markdown" if looks_like_markdown(head) else "text"


def _date(value: object) -> dt.date | None:
    """A calendar date from a metadata value (ISO string, datetime, date), else None."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    if m := re.match(r"(\d{4})-(\d{2})-(\d{2})", text):
        try:
            return dt.date(*map(int, m.groups()))
        except ValueError:
            return None
    from .article import parse_date_line

    return parse_date_line(text)


def _layout(title: str | None, author: str | None, published: dt.date | None, paragraphs: list[str]) -> str:
    """Text in the press-release layout that :func:`parse_article` reads: title, byline, body."""
    lines = []
    if title:
        lines.append(" ".join(title.split()))
    byline = " | ".join(x for x in (f"by {author}" if author else "", published.strftime("%b %d, %Y") if published else "") if x)
    if byline:
        lines.append(byline)
    head = "\n".join(lines)
    body = "\n".join(p for p in paragraphs if p.strip())
    return f"{head}\n\n{body}" if head and body else head or body


def html_to_document(markup: str, name: str = "input") -> Document:
    """Main text and metadata of an HTML page, with trafilatura; scripts, styles and boilerplate dropped.

    The text comes back in the press-release layout (title line, byline, one paragraph a line).
    """
    import trafilatura

    result = trafilatura.bare_extraction(
        markup,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        # the publication date from the page's markup only, never guessed from dates in the text
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    title = author = published = None
    paragraphs: list[str] = []
    if result is not None:
        title, author, published = (result.title or None), (result.author or None), _date(result.date)
        paragraphs = [line.strip() for line in (result.text or "").splitlines() if line.strip()]
    if not paragraphs:  # very short pages fall under trafilatura's thresholds
        fallback_title, paragraphs = _html_fallback(markup)
        title = title or fallback_title
    if title and paragraphs and " ".join(paragraphs[0].split()).casefold() == " ".join(title.split()).casefold():
        paragraphs = paragraphs[1:]  # the page's <h1> repeats its <title>
    if title is not None:
        title = " ".join(html.unescape(title).split())
    text = _layout(title, author, published, paragraphs)
    metadata = {"author": author, "published": published}
    return Document(text, {k: v for k, v in metadata.items() if v})


def _html_fallback(markup: str) -> tuple[str | None, list[str]]:
    """Title and block texts of a page by plain lxml parsing, without scripts, styles or forms."""
    import lxml.html
    from lxml import etree

    try:  # huge_tree: libxml2 otherwise drops everything nested deeper than 256 elements
        root = lxml.html.document_fromstring(markup, parser=lxml.html.HTMLParser(huge_tree=True))
    except (etree.ParserError, ValueError):
        return None, []
    for bad in root.xpath("//script|//style|//noscript|//template|//iframe|//object|//form|//nav|//footer|//header"):
        bad.drop_tree()
    title = root.findtext(".//title")
    blocks = root.xpath("//p|//h1|//h2|//h3|//h4|//li|//blockquote|//td|//pre")
    texts = [" ".join(b.text_content().split()) for b in blocks if b.getparent() is None or b.getparent().tag not in ("li", "blockquote")]
    texts = [t for t in texts if t]
    if not texts:
        body = root.find("body")
        texts = [line.strip() for line in (body if body is not None else root).text_content().splitlines() if line.strip()]
    return (" ".join(title.split()) if title else None), texts


def markdown_to_document(text: str) -> Document:
    """Plain text in the press-release layout, and metadata, of a Markdown document."""
    title, author, published, paragraphs = markdown_to_text(text)
    date = _date(published)
    metadata = {"author": author, "published": date}
    return Document(_layout(title, author, date, paragraphs), {k: v for k, v in metadata.items() if v})


# --- sources -----------------------------------------------------------------


def _from_bytes(data: bytes, name: str, *, content_type: str | None = None, declared: str | None = None) -> Document:
    if len(data) > MAX_BYTES:
        raise ArticleError(f"{name}: larger than {MAX_BYTES // 2**20} MB, refused")
    if not data.strip():
        raise ArticleError(f"{name}: no text to analyse (empty input)")
    if declared is None and (m := _META_CHARSET.search(data[:4096])):
        declared = m.group(1).decode("ascii", "replace")
    text = decode(data, name, declared=declared)
    kind = {"text/html": "html", "application/xhtml+xml": "html", "text/markdown": "markdown", "text/x-markdown": "markdown"}.get(content_type or "")
    return _from_text(text, name, kind=kind)


def _from_text(text: str, name: str, *, kind: str | None = None) -> Document:
    if len(text) > MAX_BYTES:
        raise ArticleError(f"{name}: larger than {MAX_BYTES // 2**20} MB, refused")
    kind = kind or sniff_format(text, name if name != "input" else "")
    if kind == "html":
        document = html_to_document(text, name)
        if not document.text.strip():
            raise ArticleError(f"{name}: no article text found in the HTML")
    elif kind == "markdown":
        document = markdown_to_document(text)
    else:
        document = Document(text.lstrip("\ufeff"))
    return _checked(document, name)


def _from_record(record: Mapping, name: str) -> Document:
    """A row of a JSON Lines or CSV corpus: ``text`` plus optional title, author, date/published, url, id."""
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ArticleError(f"{name}: no text to analyse (empty or missing 'text')")
    document = _from_text(text, name)
    title = record.get("title")
    title = " ".join(title.split()) if isinstance(title, str) and title.strip() else None
    published = _date(record.get("published") or record.get("date"))
    body = document.text
    if title and not body.lstrip().startswith(title):
        body = f"{title}\n\n{body}"  # so the title is the article's first block, as in the file layout
    metadata = dict(document.metadata)
    if published:
        metadata["published"] = published
    for key in ("author", "url", "id", "source"):
        value = record.get(key)
        if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value).strip():
            metadata[key] = str(value).strip()
    return Document(body, metadata)


def read_source(source: str | Path | bytes | Mapping | None = None, *, text: str | None = None) -> Document:
    """Read ``source`` — a file path, an http(s) URL, bytes, or a record with a ``text`` key — or ``text``.

    A string is a path when it names a file, a URL when it has a scheme, and article text only when
    it spans several lines or starts with markup (``<``); anything else is a one-line
    :class:`ArticleError`, never an empty analysis. Pass one-line text as ``text=``.

    >>> read_source({"text": "Police met.", "title": "A meeting", "date": "2024-05-01"}).metadata
    {'published': datetime.date(2024, 5, 1)}
    >>> read_source(text="Police met in Hanoi.").text
    'Police met in Hanoi.'
    """
    if text is not None:
        if source is not None:
            raise ArticleError("give either a source or text=, not both")
        if not isinstance(text, str):
            raise ArticleError(f"text= takes a str, not a {type(text).__name__}")
        return _from_text(text, "input")
    if isinstance(source, (bytes, bytearray, memoryview)):
        return _from_bytes(bytes(source), "input")
    if isinstance(source, Mapping):
        return _from_record(source, str(source.get("id") or "record"))
    if isinstance(source, Path):
        return _from_path(source)
    if isinstance(source, str):
        if is_text(source):
            return _from_text(source, "input")
        name = source.strip()
        if not name:
            raise ArticleError("empty source: give a file path, an http(s) URL, or the article as text=")
        if has_scheme(name):
            return _from_url(name)
        return _from_path(Path(source))
    raise ArticleError(f"cannot read an article from a {type(source).__name__}")


def is_text(value: object) -> bool:
    """True for a string that is article content rather than a name: several lines, or markup.

    >>> is_text("Title\\n\\nBody."), is_text("<p>Police met.</p>"), is_text("README")
    (True, True, False)
    """
    return isinstance(value, str) and ("\n" in value or "\r" in value or value.lstrip().startswith("<"))


_SCHEME = re.compile(r"\A[A-Za-z][A-Za-z0-9+.-]*://")


def has_scheme(value: str) -> bool:
    """True for a string that starts with a URL scheme (``http://``, ``ftp://``, ...).

    >>> has_scheme("https://example.org/a"), has_scheme("ftp://x"), has_scheme("data/a.txt")
    (True, True, False)
    """
    return bool(_SCHEME.match(value.strip()))


def _from_url(url: str) -> Document:
    if not is_url(url):
        scheme = url.split("://", 1)[0].lower()
        if scheme not in ("http", "https"):
            raise ArticleError(f"{printable(url)}: only http:// and https:// addresses can be fetched, not {printable(scheme)}://")
        raise ArticleError(f"{printable(url)}: not a valid URL (a space or a missing host?); write spaces as %20")
    body, content_type, charset, final = fetch(url, timeout=URL_TIMEOUT, max_bytes=MAX_BYTES, with_final_url=True)
    kind = "html" if content_type in ("text/html", "application/xhtml+xml") else None
    if content_type not in ("text/plain", "text/markdown", "text/x-markdown", "text/html", "application/xhtml+xml") and _binary_kind(body):
        raise ArticleError(f"{url}: the server sent {content_type}, not text")
    document = _from_bytes(body, url, content_type=content_type if kind else None, declared=charset)
    return Document(document.text, {**document.metadata, "url": final, "source": url})


def _from_path(path: Path) -> Document:
    data = read_file(path)
    declared = None
    if m := _META_CHARSET.search(data[:4096]):
        declared = m.group(1).decode("ascii", "replace")
    text = decode(data, str(path), declared=declared)
    document = _from_text(text, str(path), kind=sniff_format(text, path.name))
    return Document(document.text, {**document.metadata, "source": str(path)})


def check_file(path: Path) -> int:
    """The size of ``path`` if it is a regular file that may be read; else a one-line :class:`ArticleError`.

    Missing files, folders, dangling symlinks, symlink loops, FIFOs and devices are refused
    without opening them (a FIFO would block the reader forever).
    """
    import errno
    import os
    import stat

    name = printable(str(path))
    if not str(path).strip():
        raise ArticleError("empty file name")
    try:
        info = os.stat(path)
    except FileNotFoundError:
        if os.path.lexists(path):
            raise ArticleError(f"{name}: a symbolic link to a file that does not exist") from None
        raise ArticleError(f"{name}: no such file") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise ArticleError(f"{name}: a symbolic link loop") from None
        raise ArticleError(f"{name}: cannot be read ({exc.strerror or exc})") from None
    except ValueError as exc:  # a NUL byte in the name
        raise ArticleError(f"{name}: not a usable file name ({exc})") from None
    if stat.S_ISDIR(info.st_mode):
        raise ArticleError(f"{name}: is a folder (use `analysis corpus` for many articles)")
    if not stat.S_ISREG(info.st_mode):
        kind = "a FIFO" if stat.S_ISFIFO(info.st_mode) else "a socket" if stat.S_ISSOCK(info.st_mode) else "a device"
        raise ArticleError(f"{name}: not a regular file ({kind})")
    return info.st_size


def read_file(path: Path) -> bytes:
    """The bytes of the article file ``path``, after :func:`check_file`; one-line errors."""
    size = check_file(path)
    if size > MAX_BYTES:
        raise ArticleError(f"{printable(str(path))}: {size / 2**20:.0f} MB is larger than the {MAX_BYTES // 2**20} MB limit, refused")
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise ArticleError(f"{printable(str(path))}: cannot be read ({exc.strerror or exc})") from None
    if len(data) > MAX_BYTES:
        raise ArticleError(f"{printable(str(path))}: larger than the {MAX_BYTES // 2**20} MB limit, refused")
    if not data.strip():
        raise ArticleError(f"{printable(str(path))}: no text to analyse (empty file)")
    return data


def _checked(document: Document, name: str) -> Document:
    if not document.text.strip():
        raise ArticleError(f"{name}: no text to analyse (empty input)")
    if not _WORD.search(document.text):
        raise ArticleError(f"{name}: no words to analyse (no sentences in the text)")
    return document
