"""The spans of names in an article's body: people's titles and roles, organizations' and events' names.

Counts of what an article is about (themes) leave these spans out: a name names someone, it does not
say what the article is about.
"""
from __future__ import annotations

import bisect
import re

from .article import Article, parse_article  # noqa: F401  (parse_article used in the doctest)


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
    # longest first, so that a name wins over a shorter one inside it
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?!\w)")
    spans: list[tuple[int, int]] = []
    for paragraph in article.body_paragraphs:
        for match in pattern.finditer(article.text, paragraph.start, paragraph.end):
            if spans and match.start() <= spans[-1][1]:
                spans[-1] = (spans[-1][0], max(spans[-1][1], match.end()))
            else:
                spans.append((match.start(), match.end()))
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
