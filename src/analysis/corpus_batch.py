"""One batch of a corpus run: every table of each article, failures as error rows (what a worker runs).

>>> batch = analyze_batch([("a1", "Police met\\n\\nThe chiefs met in Hanoi on 3 May 2024.")])  # doctest: +SKIP
>>> batch.articles["article_id"].tolist(), len(batch.errors)  # doctest: +SKIP
(['a1'], 0)
"""
from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .corpus_inputs import has_surrogate, safe_id
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
    "events": ("events", "events"),  # named events: the corpus timeline and the directory's person-event ties
    "themes": ("themes", "themes"),
    "terms": ("terms", "term_frequencies"),
    "readability": ("readability", "readability"),
}
ARTICLE_COLUMNS = ["article_id", "title", "author", "published", "source", "url", "paragraphs", "sentences", "words"]
ERROR_COLUMNS = ["article_id", "source", "error"]


#: keyword options a corpus run passes to a table function (per-paragraph readability is for single reports)
OPTIONS: dict[str, dict] = {"readability": {"paragraphs": False}}


def table_functions() -> dict[str, Callable]:
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
    for kind, function in table_functions().items():
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
    metadata.setdefault("source", describe_item(item))
    for key, value in (("text", document.text), *metadata.items()):
        if isinstance(value, str) and has_surrogate(value):
            raise ArticleError(f"{safe_id(str(metadata['source']))}: the {key} holds a lone surrogate (an invalid \\ud800-\\udfff character)")
    return parse_article(document.text, **metadata)


def describe_item(item: Any) -> str:
    if isinstance(item, Path):
        return safe_id(str(item))
    if isinstance(item, Mapping):
        return safe_id(str(item.get("source") or item.get("url") or "record"))
    if isinstance(item, str):
        from .sources import is_text

        return "text" if is_text(item) else safe_id(item.strip())
    if isinstance(item, BaseException):
        return safe_id(str(item).split(": ", 1)[0]) if ": " in str(item) else ""
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


def error_message(exc: BaseException) -> str:
    if isinstance(exc, AnalysisError):
        return safe_id(" ".join(str(exc).split()) or type(exc).__name__)
    return safe_id(f"unexpected {type(exc).__name__}: {' '.join(str(exc).split())}"[:500])


def analyze_batch(batch: list[tuple[str, Any]], article_timeout: float | None = ARTICLE_TIMEOUT) -> Batch:
    """Analyse a list of ``(article_id, input)`` pairs; any failure becomes an error row, never an exception.

    ``article_timeout``: seconds each article may take (None: no limit); a slower one is an error row.
    """
    import pandas as pd

    functions = table_functions()
    frames: dict[str, list[pd.DataFrame]] = {kind: [] for kind in functions}
    ids: dict[str, list[str]] = {kind: [] for kind in functions}
    articles, errors = [], []
    for article_id, item in batch:
        try:
            with time_limit(article_timeout, what=describe_item(item)):
                article = load_item(article_id, item)
                tables = {kind: function(article) for kind, function in functions.items()}
        except Exception as exc:  # noqa: BLE001 - one bad article is recorded, never aborts the run
            errors.append((article_id, describe_item(item), error_message(exc)))
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
    table = concat_tables([f for f, _ in non_empty])
    table.insert(0, "article_id", np.repeat(np.array([i for _, i in non_empty], dtype=object), [len(f) for f, _ in non_empty]))
    return table


def concat_tables(parts: list[pd.DataFrame]) -> pd.DataFrame:
    """``pd.concat``, with missing values in text columns as None whichever batch they came from."""
    import pandas as pd

    table = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0].reset_index(drop=True)
    for column in table.columns:
        if table[column].dtype == object and table[column].hasnans:
            table[column] = table[column].astype(object).where(table[column].notna(), None)
    return table


def failed_batch(batch: list[tuple[str, Any]], reason: str) -> Batch:
    """Every article of a batch whose worker died, as error rows."""
    import pandas as pd

    errors = [(article_id, describe_item(item), reason) for article_id, item in batch]
    return Batch({kind: pd.DataFrame(columns=["article_id"]) for kind in KINDS}, pd.DataFrame(columns=ARTICLE_COLUMNS), pd.DataFrame(errors, columns=ERROR_COLUMNS))


WARM_TEXT = (
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
        analyze_batch([("warm-up", WARM_TEXT)])
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


def ready(seconds: float) -> int:
    """A no-op task that keeps a worker busy briefly, so each start-up task lands on its own worker."""
    time.sleep(seconds)
    return os.getpid()
