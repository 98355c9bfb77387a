"""Fetching a URL: a per-read timeout and a total deadline, a size cap, redirects to http(s) only; one-line errors.

>>> is_url("https://example.org/news/a.html"), is_url("ftp://example.org/a"), is_url("http://a b")
(True, False, False)
"""
from __future__ import annotations

import re

from .errors import ArticleError, printable

#: Seconds to wait for each read from a web server; the whole fetch gets three times as long.
URL_TIMEOUT = 20.0
#: Larger inputs (files, texts, downloads) are refused before being read into memory.
MAX_BYTES = 20 * 1024 * 1024

_URL = re.compile(r"\Ahttps?://[^\s/$.?#][^\s]*\Z", re.I)


def is_url(value: object) -> bool:
    """True for an ``http://`` or ``https://`` address."""
    return isinstance(value, str) and bool(_URL.match(value.strip()))


class _Watchdog:
    """Shuts down every socket of one fetch when its total deadline passes, so no server keeps us waiting.

    A per-read timeout alone does not bound a server that drips one byte a second or stalls in its headers.
    """

    def __init__(self, seconds: float) -> None:
        import threading

        self.seconds, self.expired = seconds, False
        self._sockets: list = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._fire)
        self._timer.daemon = True

    def __enter__(self) -> _Watchdog:
        self._timer.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._timer.cancel()

    def watch(self, sock) -> None:
        with self._lock:
            self._sockets.append(sock)
            expired = self.expired
        if expired:
            self._shut(sock)

    def _fire(self) -> None:
        with self._lock:
            self.expired = True
            sockets = list(self._sockets)
        for sock in sockets:
            self._shut(sock)

    @staticmethod
    def _shut(sock) -> None:
        import socket

        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


def _opener(watchdog: _Watchdog):
    """A urllib opener whose connections the ``watchdog`` can cut, following redirects to http(s) only."""
    import http.client
    import urllib.request
    from urllib.parse import urlsplit

    class WatchedHTTP(http.client.HTTPConnection):
        def connect(self) -> None:
            super().connect()
            watchdog.watch(self.sock)

    class WatchedHTTPS(http.client.HTTPSConnection):
        def connect(self) -> None:
            super().connect()
            watchdog.watch(self.sock)

    class HTTPHandler(urllib.request.HTTPHandler):
        def http_open(self, req):
            return self.do_open(WatchedHTTP, req)

    class HTTPSHandler(urllib.request.HTTPSHandler):
        def https_open(self, req):
            return self.do_open(WatchedHTTPS, req, context=self._context)

    class Redirects(urllib.request.HTTPRedirectHandler):
        max_redirections = 5

        def redirect_request(self, req, fp, code, msg, headers, newurl):
            if urlsplit(newurl).scheme.lower() not in ("http", "https"):
                raise ArticleError(f"{req.full_url}: redirected to {printable(newurl)}, which is not an http(s) address; not followed")
            return super().redirect_request(req, fp, code, msg, headers, newurl)

    return urllib.request.build_opener(HTTPHandler, HTTPSHandler, Redirects)


def fetch(url: str, *, timeout: float | None = None, max_bytes: int | None = None, with_final_url: bool = False) -> tuple:
    """``(body, content_type, charset)`` of ``url`` (plus the URL after redirects with ``with_final_url``).

    Each read waits at most ``timeout`` (default :data:`URL_TIMEOUT`) and the whole fetch, redirects
    included, at most 3 × ``timeout``; bodies over ``max_bytes`` (default :data:`MAX_BYTES`) are refused.
    Redirects are followed to http(s) addresses only. Every failure is a one-line :class:`ArticleError`.
    """
    timeout = URL_TIMEOUT if timeout is None else timeout
    max_bytes = MAX_BYTES if max_bytes is None else max_bytes
    import http.client
    import socket
    import urllib.error
    import urllib.request

    total = 3 * timeout
    request = urllib.request.Request(url, headers={"User-Agent": "analysis (+https://pypi.org/project/analysis)", "Accept": "text/html, text/plain, text/markdown;q=0.9, */*;q=0.1"})
    final = url
    with _Watchdog(total) as watchdog:
        try:
            with _opener(watchdog).open(request, timeout=timeout) as response:
                final = response.geturl() or url
                length = response.headers.get("Content-Length")
                if length and length.isdigit() and int(length) > max_bytes:
                    raise ArticleError(f"{url}: larger than {max_bytes // 2**20} MB, refused")
                chunks, size = [], 0
                while chunk := response.read1(65536):
                    chunks.append(chunk)
                    size += len(chunk)
                    if size > max_bytes:
                        raise ArticleError(f"{url}: larger than {max_bytes // 2**20} MB, refused")
                if watchdog.expired:  # the cut socket looked like the end of the body
                    raise TimeoutError
                body = b"".join(chunks)
                content_type = response.headers.get_content_type()
                charset = response.headers.get_content_charset()
        except ArticleError:
            raise
        except urllib.error.HTTPError as exc:
            where = f" (redirected to {printable(exc.url)})" if exc.url and exc.url != url else ""
            raise ArticleError(f"{url}: HTTP error {exc.code} {exc.reason}{where}") from None
        except (urllib.error.URLError, OSError, ValueError, http.client.HTTPException) as exc:
            if watchdog.expired:
                raise ArticleError(f"{url}: no complete answer within {total:g} s, stopped") from None
            reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
            if isinstance(reason, (TimeoutError, socket.timeout)):
                raise ArticleError(f"{url}: no answer within {timeout:g} s") from None
            if isinstance(reason, OSError) and not isinstance(reason, urllib.error.URLError):
                raise ArticleError(f"{url}: could not fetch ({printable(reason.strerror or reason)})") from None
            raise ArticleError(f"{url}: could not fetch ({type(reason).__name__}: {printable(reason)})") from None
    if with_final_url:
        return body, content_type, charset, final
    return body, content_type, charset
