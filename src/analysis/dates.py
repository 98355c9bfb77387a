"""When: calendar expressions with ISO start and end, events, and the timeline."""
from __future__ import annotations

import pandas as pd

from .article import Article

DATE_COLUMNS = ["text", "start", "end", "precision", "kind", "inferred", "sentence", "char_start", "char_end", "clause"]


def dates(article: Article) -> pd.DataFrame:
    """Every explicit calendar expression."""
    return pd.DataFrame(columns=DATE_COLUMNS)


def events(article: Article) -> pd.DataFrame:
    """Named events."""
    return pd.DataFrame(columns=["name", "acronym", "start", "end", "place", "host"])


def timeline(article: Article) -> pd.DataFrame:
    """Dates joined with the events and participants they anchor, in order."""
    return pd.DataFrame(columns=["start", "end", "text", "event", "participants", "clause"])
