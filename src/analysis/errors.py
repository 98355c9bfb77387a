"""The package's exceptions: one base class, so the CLI can turn any of them into a one-line message."""
from __future__ import annotations

import re


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


_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(value: object) -> str:
    """``value`` as text safe to print on a terminal: control characters, bidi overrides and lone surrogates escaped.

    >>> print(printable("a\\x1b[31mred\\u202e"))
    a\\x1b[31mred\\u202e
    """
    return _UNPRINTABLE.sub(_escape, str(value))
