"""Readability of the body with textstat (CMU-dictionary syllables, offline).

>>> readability(parse_article("Title\\n\\nThe cat sat on the mat. It was happy.")).loc[0, "words"]
9
"""
from __future__ import annotations

import pandas as pd

from ._textstat import get_textstat
from .article import Article, parse_article  # noqa: F401  (parse_article used in the doctest)

MEASURES = (
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
    "dale_chall_readability_score",
)


def readability(article: Article) -> pd.DataFrame:
    """One row for the whole body: counts, then textstat's main readability measures."""
    ts = get_textstat()
    text = article.body
    row = {
        "scope": "body",
        "words": ts.lexicon_count(text),
        "sentences": len(article.body_sentences),
        "syllables": ts.syllable_count(text),
    }
    row.update({name: getattr(ts, name)(text) for name in MEASURES})
    return pd.DataFrame([row])
