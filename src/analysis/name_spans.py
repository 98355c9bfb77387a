"""The spans of names in an article's body: people's titles and roles, organizations' and events' names.

Counts of what an article is about (themes) leave these spans out: a name names someone, it does not
say what the article is about.
"""
from __future__ import annotations

import bisect
import re

from .article import Article, parse_article  # noqa: F401  (parse_article used in the doctest)

_WORD = re.compile(r"(?<!\w)\w+")
_WORD_CHAR = re.compile(r"\w")


def name_spans(article: Article) -> list[tuple[int, int]]:
    """Sorted, merged (start, end) offsets in ``article.text`` of every name in the body: people's titles,
    organizations' names and aliases, events' names, as the ``participants``, ``organizations`` and
    ``events`` tables found them (every occurrence of each, matched as whole words).

    >>> article = parse_article("T\\n\\nThe European Banking Federation met.")
    >>> [article.text[a:b] for a, b in name_spans(article)]
    ['European Banking Federation']
    """
    from .events import events
    from .participants import organizations, participants

    names: set[str] = set()
    for function, columns in ((participants, ("title", "role")), (organizations, ("name", "aliases")), (events, ("name",))):
        try:
            table = function(article)
        except Exception:  # noqa: BLE001 - themes still stand when a name table fails
            continue
        for column in columns:
            if column not in table.columns:
                continue
            for value in table[column].dropna():
                names.update(v.strip() for v in str(value).split(";") if len(v.strip()) > 1)
    if not names:
        return []
    # the names that start with each word, longest first (a name wins over a shorter one inside it): each
    # word of the text is checked against its own few names, so thousands of names stay linear (one
    # alternation of every name tried each name at each position)
    by_first: dict[str, list[str]] = {}
    others = []  # the few names that open with a mark ("‘Operations’"): one pattern for them
    for name in sorted(names, key=len, reverse=True):
        if first := _WORD.match(name):
            by_first.setdefault(first.group(), []).append(name)
        else:
            others.append(name)
    other = re.compile(r"(?:" + "|".join(re.escape(n) for n in others) + r")(?!\w)") if others else None
    text, found = article.text, []
    for paragraph in article.body_paragraphs:
        taken = paragraph.start  # matches do not overlap, as with one pattern's finditer
        for word in _WORD.finditer(text, paragraph.start, paragraph.end):
            at = word.start()
            if at < taken:
                continue
            end = next((at + len(n) for n in by_first.get(word.group(), ()) if text.startswith(n, at) and at + len(n) <= paragraph.end
                        and not _WORD_CHAR.match(text, at + len(n))), None)
            if end is not None:
                found.append((at, end))
                taken = end
        if other is not None:
            found += [m.span() for m in other.finditer(text, paragraph.start, paragraph.end)]
    spans: list[tuple[int, int]] = []
    for at, end in sorted(found):
        if spans and at <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], end))
        else:
            spans.append((at, end))
    return spans


def free_spans(lo: int, hi: int, names: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The pieces of ``[lo, hi)`` outside every span of ``names`` (sorted, merged)."""
    pieces, at = [], lo
    i = max(bisect.bisect_right(names, (lo, lo)) - 1, 0)
    for k in range(i, len(names)):  # not names[i:]: copying the rest on every call was quadratic
        start, end = names[k]
        if start >= hi:
            break
        if end <= at:
            continue
        if start > at:
            pieces.append((at, start))
        at = max(at, end)
    if at < hi:
        pieces.append((at, hi))
    return pieces
