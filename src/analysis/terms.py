"""Term frequencies: news-aware tokens and n-grams that stay inside sentences.

>>> term_frequencies(parse_article("Title\\n\\nKNPA's experts met. The KNPA agreed.")).iloc[0]["term"]
'KNPA'
"""
from __future__ import annotations

import re
from collections import Counter

import pandas as pd

from .article import Article, parse_article  # noqa: F401  (parse_article used in the doctest)
from .lexicons import load_lexicon

_TOKEN = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*", re.UNICODE)
_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)


def _stopwords() -> frozenset[str]:
    return frozenset(load_lexicon("stopwords"))


def tokens(text: str, *, numbers: bool = False) -> list[str]:
    """Tokens of ``text``: possessives folded, case folded except for acronyms (KNPA, ASEANAPOL)."""
    out = []
    for raw in _TOKEN.findall(text):
        word = _POSSESSIVE.sub("", raw)
        if not numbers and word.replace("-", "").isdigit():
            continue
        out.append(word if len(word) > 1 and word.isupper() else word.casefold())
    return out


def term_frequencies(article: Article, *, ngram: int = 1, numbers: bool = False) -> pd.DataFrame:
    """Count terms of ``ngram`` words in the body: ``term``, ``count``, ``frequency`` (share of all terms)."""
    stop = _stopwords()
    counts: Counter[str] = Counter()
    for sentence in article.body_sentences:
        words = tokens(sentence.text, numbers=numbers)
        for i in range(len(words) - ngram + 1):
            gram = words[i : i + ngram]
            if gram[0].casefold() in stop or gram[-1].casefold() in stop:
                continue
            counts[" ".join(gram)] += 1
    total = sum(counts.values())
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    table = pd.DataFrame(rows, columns=["term", "count"])
    table["frequency"] = table["count"] / total if total else 0.0
    return table
