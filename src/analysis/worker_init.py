"""Imported first in every worker process a corpus run starts: Ctrl-C belongs to the parent.

A terminal sends Ctrl-C to every process of its group; each worker would print a
traceback. The fork server of the local engine preloads this module before anything else,
and Dask workers load it as a preload module; the parent handles Ctrl-C and stops them.
It acts only where the parent marked the environment (``ANALYSIS_WORKER_PROCESS``), so
importing it anywhere else changes nothing.
"""
from __future__ import annotations

import os
import signal
import threading

#: Set by :mod:`analysis.corpus` in the environment of the worker processes it starts.
ENVIRONMENT_FLAG = "ANALYSIS_WORKER_PROCESS"


def ignore_interrupts() -> None:
    """Ignore SIGINT in this process, when it is a worker process and this is its main thread."""
    if os.environ.get(ENVIRONMENT_FLAG) == "1" and threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, signal.SIG_IGN)


def dask_setup(worker: object = None) -> None:
    """Dask's preload hook (the import has done the work)."""


ignore_interrupts()
