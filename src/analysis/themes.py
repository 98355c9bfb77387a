"""What: themes from a weighted taxonomy, with evidence."""
from __future__ import annotations

import pandas as pd

from .article import Article


def themes(article: Article) -> pd.DataFrame:
    """Themes sorted by score."""
    return pd.DataFrame(columns=["theme", "label", "score", "terms", "paragraphs", "evidence"])
