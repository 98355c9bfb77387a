"""Who took part: people with honorifics, titles, roles and organizations; organizations; places."""
from __future__ import annotations

import pandas as pd

from .article import Article

PERSON_COLUMNS = ["name", "honorific", "title", "title_abbrev", "role", "organization", "mentions", "aliases", "sentence", "char_start", "char_end", "text"]
ORGANIZATION_COLUMNS = ["name", "acronym", "mentions", "aliases", "sentence", "char_start", "char_end", "text"]
PLACE_COLUMNS = ["name", "kind", "mentions", "aliases", "sentence", "char_start", "char_end", "text"]


def participants(article: Article) -> pd.DataFrame:
    """One row per distinct person."""
    return pd.DataFrame(columns=PERSON_COLUMNS)


def organizations(article: Article) -> pd.DataFrame:
    """One row per named organization."""
    return pd.DataFrame(columns=ORGANIZATION_COLUMNS)


def places(article: Article) -> pd.DataFrame:
    """One row per named place."""
    return pd.DataFrame(columns=PLACE_COLUMNS)
