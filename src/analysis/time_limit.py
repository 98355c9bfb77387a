"""A per-article time limit: a runaway article becomes an error, not a hang.

``analysis corpus`` and ``analysis report`` analyse each article under :func:`time_limit`; an
article that takes longer raises :class:`~analysis.errors.ArticleTimeout` (an error row of the
corpus, a one-line error of the report) and the run goes on.

>>> with time_limit(None):  # no limit
...     pass

The limit is checked between Python bytecodes of the thread that analyses the article (any
thread, not only the main one, so it works in Dask's worker threads too): a single call into C
that never returns (one regular expression backtracking for ever) is not interrupted. The
package's extractors are linear in the article's length (``benchmarks/bench_linear.py``), so
that does not happen with them.
"""
from __future__ import annotations

import contextlib
import ctypes
import threading
from collections.abc import Iterator

from .errors import ArticleTimeout

#: Seconds one article may take in a corpus or report run (``--article-timeout``; 0 or None: no limit).
#: The seed article takes about 0.5 s; a 1 MB article about 40 s with every extractor.
ARTICLE_TIMEOUT = 300.0


class TimeLimitExpired(BaseException):
    """Raised inside the analysing thread when its time is up (a BaseException, so that no
    ``except Exception`` in an extractor swallows it); :func:`time_limit` turns it into ArticleTimeout."""


def _raise_in(thread_id: int, exception: type[BaseException] | None) -> None:
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), ctypes.py_object(exception) if exception else None)


@contextlib.contextmanager
def time_limit(seconds: float | None, *, what: str = "the article") -> Iterator[None]:
    """Raise :class:`ArticleTimeout` in this thread if the block runs longer than ``seconds``.

    >>> import time
    >>> try:
    ...     with time_limit(0.05, what="a01"):
    ...         while True:
    ...             time.sleep(0.001)
    ... except ArticleTimeout as error:
    ...     print(error)
    a01: analysis took longer than 0.05 s (the per-article time limit; raise it with --article-timeout)
    """
    if not seconds or seconds <= 0:
        yield
        return
    thread_id = threading.get_ident()
    lock = threading.Lock()
    state = {"done": False, "fired": False}

    def expire() -> None:
        with lock:
            if not state["done"]:
                state["fired"] = True
                _raise_in(thread_id, TimeLimitExpired)

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    expired = False
    try:
        yield
    except TimeLimitExpired:
        expired = True
    finally:
        try:
            with lock:
                state["done"] = True
                if state["fired"]:
                    _raise_in(thread_id, None)  # fired as the block ended: drop the exception not yet delivered
        except TimeLimitExpired:  # ... or delivered just now
            expired = True
        timer.cancel()
    if expired:
        raise ArticleTimeout(
            f"{what}: analysis took longer than {seconds:g} s (the per-article time limit; raise it with --article-timeout)"
        )
