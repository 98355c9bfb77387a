"""The package's exceptions: one base class, so the CLI can turn any of them into a one-line message."""
from __future__ import annotations


class AnalysisError(Exception):
    """Base class of every error this package raises on purpose."""


class ArticleError(AnalysisError, ValueError):
    """An input could not be read or holds nothing to analyse.

    >>> str(ArticleError("empty.txt: the file is empty"))
    'empty.txt: the file is empty'
    """


class ReportError(AnalysisError, RuntimeError):
    """A report notebook could not be executed or exported."""


class ArticleTimeout(ArticleError):
    """Analysing one article took longer than the per-article time limit (:mod:`analysis.time_limit`)."""
