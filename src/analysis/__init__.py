"""analysis: who, when, what and how it reads, for news articles and press releases.

Every table function takes an :class:`Article` first and returns a pandas DataFrame::

    >>> import analysis
    >>> article = analysis.load_article("data/articles/iscr-2024.txt")  # doctest: +SKIP
    >>> analysis.participants(article)  # doctest: +SKIP

Importing the package is cheap: each function's module (and pandas, matplotlib, textstat,
nbconvert, Dask) loads on first use.
"""
from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

from . import tables as _tables

__version__ = "0.1.0"

# public name -> module that defines it; the table functions come from the registry (analysis.tables)
_EXPORTS = {
    "Article": "article",
    "Paragraph": "article",
    "Sentence": "article",
    "load_article": "article",
    "parse_article": "article",
    "AnalysisError": "errors",
    "ArticleError": "errors",
    **_tables.exports(),
    "extract": "extract",
    "analyze_corpus": "corpus",
    "directory": "directory",
    "build_report": "report",
}

__all__ = sorted(_EXPORTS)



class _Package(types.ModuleType):
    """Keeps ``analysis.dates`` (and the like) the function when its module of the same name is imported."""

    def __setattr__(self, name: str, value: Any) -> None:
        if isinstance(value, types.ModuleType) and _EXPORTS.get(name) == name:
            return  # the import system binding the submodule; the function is served by __getattr__
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'analysis' has no attribute {name!r}")
    target = "build" if name == "build_report" else name
    value = getattr(importlib.import_module(f".{module}", __name__), target)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


if TYPE_CHECKING:  # for type checkers and IDEs; at run time names load lazily
    from .article import Article, Paragraph, Sentence, load_article, parse_article
    from .corpus import analyze_corpus
    from .dates import dates
    from .events import events, timeline
    from .errors import AnalysisError, ArticleError
    from .extract import extract
    from .participants import organizations, participants, places
    from .readability import readability, sentence_readability
    from .report import build as build_report
    from .terms import keyness, keyphrases, kwic, term_frequencies
    from .themes import themes
