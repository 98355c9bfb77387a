"""Ctrl-C for a command that owns child processes and temporary files: clean up, then exit at once.

A KeyboardInterrupt is raised wherever the main thread happens to be, and some places swallow it:
in a weakref callback of the import machinery Python prints "Exception ignored in ..." and goes on,
possibly with the import lock still held, and a report run then hung instead of stopping. So the
``analysis report`` command does not let Ctrl-C raise: :func:`exit_on_ctrl_c` installs a handler that
runs the clean-ups registered with :func:`on_interrupt` (kill the kernel, remove private folders and
half-written files), prints one line and ends the process with ``os._exit``. Library callers (scripts,
Jupyter) keep Python's KeyboardInterrupt; the clean-ups there are the usual ``finally`` blocks.

>>> with on_interrupt(lambda: None):
...     len(_CLEANUPS)
1
"""
from __future__ import annotations

import contextlib
import itertools
import os
import signal
import threading
from collections.abc import Callable, Iterator

# Plain dict operations only (atomic under the GIL): the handler may run while a thread registers.
_CLEANUPS: dict[int, Callable[[], object]] = {}
_KEYS = itertools.count()


@contextlib.contextmanager
def on_interrupt(cleanup: Callable[[], object]) -> Iterator[None]:
    """Within this block, ``cleanup()`` runs if the process is ended by :func:`exit_on_ctrl_c`'s handler."""
    key = next(_KEYS)
    _CLEANUPS[key] = cleanup
    try:
        yield
    finally:
        _CLEANUPS.pop(key, None)


def run_cleanups() -> None:
    """Run every registered clean-up, newest first; one that fails does not stop the others."""
    for key in sorted(list(_CLEANUPS), reverse=True):
        cleanup = _CLEANUPS.pop(key, None)
        if cleanup is not None:
            with contextlib.suppress(Exception):
                cleanup()


@contextlib.contextmanager
def exit_on_ctrl_c(message: str, code: int) -> Iterator[None]:
    """Within this block, SIGINT runs the clean-ups, writes ``message`` to stderr and exits with ``code``.

    Only in the main thread (the only one where Python handles signals); elsewhere it does nothing.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum, frame) -> None:  # noqa: ARG001 - the signal handler's signature
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not cut the clean-up short
        run_cleanups()
        with contextlib.suppress(OSError):
            os.write(2, message.encode("utf-8", "replace") + b"\n")
        os._exit(code)

    previous = signal.signal(signal.SIGINT, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
