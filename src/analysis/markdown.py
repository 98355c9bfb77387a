"""Markdown to plain text: front matter, the first heading as title, markup stripped, raw HTML removed in linear time.

>>> markdown_to_text("# Chiefs meet\\n\\nPolice **met** in [Hanoi](https://x.org).")[0::3]
('Chiefs meet', ['Police met in Hanoi.'])
"""
from __future__ import annotations

import html
import re


_MD_FRONT = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_MD_ATX = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
_MD_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_MD_RULE = re.compile(r"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_MD_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_MD_ITEM = re.compile(r"^ {0,3}(?:>[ \t]?)*[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+")
_MD_QUOTE = re.compile(r"^ {0,3}(?:>[ \t]?)+")
_MD_REFDEF = re.compile(r"^ {0,3}\[[^\]]+\]:\s*\S+.*$")
_MD_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
# Every pattern is bounded ({0,N}) or anchored, so each start position costs at most N steps:
# unbounded ``[^\]]+`` or ``.*?`` rescans to the end of the text from every ``[`` or ``<`` (quadratic).
_MD_INLINE = (
    (re.compile(r"!\[([^\]\n]{0,500}+)\]\([^)\n]{0,2000}+\)"), ""),  # images
    (re.compile(r"\[([^\]\n]{1,500}+)\]\((?:[^()\n]|\([^)\n]{0,500}+\)){0,2000}+\)"), r"\1"),  # [text](url)
    (re.compile(r"\[([^\]\n]{1,500}+)\]\[[^\]\n]{0,500}+\]"), r"\1"),  # [text][ref]
    (re.compile(r"<(https?://[^>\s]{1,2000}+)>"), r"\1"),  # autolinks
    (re.compile(r"</?[A-Za-z][^>\n]{0,1000}+>"), ""),  # inline HTML tags
    (re.compile(r"(`+)([^`\n]{1,300}?)\1"), r"\2"),
    (re.compile(r"(\*\*|__)(?=\S)([^\n]{1,300}?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?=\S)([^\n*]{1,300}?)(?<=\S)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w_])_(?=\S)([^\n_]{1,300}?)(?<=\S)_(?![\w_])"), r"\1"),
    (re.compile(r"~~(?=\S)([^\n]{1,300}?)(?<=\S)~~"), r"\1"),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])"), r"\1"),  # backslash escapes
)
_RAW_OPEN = re.compile(r"<(script|style)\b|<!--", re.I)


def strip_raw_html(text: str) -> str:
    """``text`` without ``<script>``/``<style>`` elements and ``<!-- comments -->``, in one pass (linear time).

    An element or comment that is never closed is left as it is (as a non-greedy regex would).

    >>> strip_raw_html("a<script>x()</script>b<!-- c -->d<style>")
    'abd<style>'
    """
    lower = None
    out: list[str] = []
    position = 0
    unclosed: set[str] = set()  # closers known to be absent from the rest of the text
    for match in _RAW_OPEN.finditer(text):
        start = match.start()
        if start < position:
            continue
        closer = "-->" if match.group() == "<!--" else f"</{match.group(1).lower()}"
        if closer in unclosed:
            continue
        if lower is None:
            lower = text.lower()
        end = lower.find(closer, match.end())
        if end < 0:
            unclosed.add(closer)
            continue
        if closer != "-->":
            close = lower.find(">", end)
            if close < 0:
                unclosed.add(closer)
                continue
            end = close + 1
        else:
            end += 3
        out.append(text[position:start])
        position = end
    out.append(text[position:])
    return "".join(out)


def looks_like_markdown(text: str) -> bool:
    """True when ``text`` starts with a Markdown heading or front matter, or shows two kinds of markup.

    >>> looks_like_markdown("# Police meet\\n\\nText."), looks_like_markdown("Police meet\\nby Jo | May 1, 2024\\n\\nText.")
    (True, False)
    """
    first = next((line for line in text.splitlines() if line.strip()), "")
    if _MD_ATX.match(first) or (_MD_FRONT.match(text) and re.search(r"^(?:title|author|date):", text, re.M)):
        return True
    signals = (
        re.search(r"\[[^\]\n]+\]\([^)\s]+\)", text),
        re.search(r"(\*\*|__)\S[^\n]*?\S\1", text),
        re.search(r"^ {0,3}(```|~~~)", text, re.M),
        re.search(r"^ {0,3}(=+|-+)[ \t]*$", text, re.M) and not re.search(r"^ {0,3}-{1,2}[ \t]*$", text, re.M),
        re.search(r"^ {0,3}#{2,6}[ \t]+\S", text, re.M),
        re.search(r"^ {0,3}\[[^\]]+\]:\s*\S", text, re.M),
    )
    return sum(1 for s in signals if s) >= 2


def _md_inline(text: str) -> str:
    text = strip_raw_html(text)
    for pattern, replacement in _MD_INLINE:
        text = pattern.sub(replacement, text)
    return " ".join(html.unescape(text).split())


def markdown_to_text(text: str) -> tuple[str | None, str | None, str | None, list[str]]:
    """``(title, author, date, paragraphs)`` of a Markdown document, markup stripped.

    The front matter's ``title``/``author``/``date`` keys, else the first heading, give the title;
    lines of a paragraph are joined, list items and headings are paragraphs of their own.

    >>> markdown_to_text("# Police *meet*\\n\\nThe [ASEANAPOL](https://x.org) chiefs\\nmet **today**.")
    ('Police meet', None, None, ['The ASEANAPOL chiefs met today.'])
    """
    meta: dict[str, str] = {}
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if front := _MD_FRONT.match(text):
        for line in front.group(1).splitlines():
            key, sep, value = line.partition(":")
            if sep and key.strip().lower() in ("title", "author", "date", "published"):
                meta[key.strip().lower()] = value.strip().strip("\"'")
        text = text[front.end():]
    text = strip_raw_html(text)  # scripts, styles and comments may span paragraphs
    blocks: list[tuple[str, str]] = []  # (kind, text) with kind "heading" or "para"
    current: list[str] = []
    fence: str | None = None

    def flush() -> None:
        if current:
            blocks.append(("para", " ".join(current)))
            current.clear()

    for line in text.split("\n"):
        if fence:
            if line.strip().startswith(fence):
                fence = None
            continue  # code is not prose
        if m := _MD_FENCE.match(line):
            flush()
            fence = m.group(1)[:3]
            continue
        if not line.strip() or _MD_RULE.match(line) and not current or _MD_REFDEF.match(line) or _MD_TABLE_RULE.match(line) and "|" in line:
            flush()
            continue
        if m := _MD_ATX.match(line):
            flush()
            blocks.append(("heading", m.group(2)))
            continue
        if _MD_SETEXT.match(line) and current:
            blocks.append(("heading", " ".join(current)))
            current.clear()
            continue
        if _MD_ITEM.match(line):
            flush()
            line = _MD_ITEM.sub("", line)
        else:
            line = _MD_QUOTE.sub("", line)
        if line.strip().startswith("|") or line.count("|") >= 2 and "|" in line.strip()[:1] + line.strip()[-1:]:
            flush()  # a table row: its cells, one row a paragraph
            line = " ".join(cell.strip() for cell in line.strip().strip("|").split("|"))
            blocks.append(("para", line))
            continue
        current.append(line.strip())
    flush()
    cleaned = [(kind, _md_inline(body)) for kind, body in blocks]
    cleaned = [(kind, body) for kind, body in cleaned if body]
    title = _md_inline(meta["title"]) if meta.get("title") else None
    if title is None and cleaned and cleaned[0][0] == "heading":
        title = cleaned.pop(0)[1]
    return title, meta.get("author") or None, meta.get("date") or meta.get("published") or None, [body for _, body in cleaned]
