"""The ``analysis extract`` contract: one JSON-ready dict of everything found in an article.

Scripts and the evaluation read these keys; keep them stable.

>>> sorted(extract(parse_article("Title\\n\\nBody text here.")))[:4]
['author', 'dates', 'events', 'id']
"""
from __future__ import annotations

import math
from typing import Any

import pandas as pd

from .article import Article, parse_article  # noqa: F401  (parse_article used in the doctest)
from .tables import json_tables

#: JSON key -> the registry's table (analysis.tables): its function and the columns the JSON keeps
TABLES = json_tables()


def _plain(value: Any) -> Any:
    """A JSON-safe Python value: NaN/NA become None, numpy scalars become Python scalars."""
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA or value is pd.NaT:
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def records(table: pd.DataFrame, columns: list[str]) -> list[dict]:
    """Rows of ``table`` as plain dicts holding ``columns`` (those it has)."""
    kept = [c for c in columns if c in table.columns]
    return [{c: _plain(v) for c, v in zip(kept, row)} for row in table[kept].itertuples(index=False, name=None)]


def tables(article: Article) -> dict[str, pd.DataFrame]:
    """Every extraction table of ``article``, by JSON key."""
    return {key: table.function()(article) for key, table in TABLES.items()}


def extract(article: Article) -> dict:
    """Everything found in ``article`` as one JSON-ready dict."""
    result: dict[str, Any] = {
        "id": article.id,
        "title": article.title,
        "author": article.author,
        "published": article.published.isoformat() if article.published else None,
        "source": article.source,
    }
    for key, table in tables(article).items():
        result[key] = records(table, list(TABLES[key].json_columns))
    # a date written twice (title and body) is one date
    distinct: dict[tuple, dict] = {}
    for date in result["dates"]:
        distinct.setdefault((date["start"], date["end"]), date)
    result["dates"] = list(distinct.values())
    return result
