"""Corpus engines: where batches run. In this process, on a process pool, or (:mod:`analysis.corpus_dask`) on Dask.

Workers are capped by the cores and the articles (:func:`plan_workers`), started once and warmed
up, never re-run the caller's script, and leave Ctrl-C to this process.
"""
from __future__ import annotations

import contextlib
import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from .corpus_batch import Batch, analyze_batch, failed_batch, ready, warm_up
from .errors import AnalysisError
from .time_limit import ARTICLE_TIMEOUT


def available_cores() -> int:
    """CPU cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS, Windows
        return max(1, os.cpu_count() or 1)


class Engine:
    """Runs :func:`analyze_batch` over batches and yields the results in order, a bounded number in flight.

    Subclasses start and stop their workers; register new ones in :data:`ENGINES`.
    """

    name = "engine"

    def __init__(self, *, workers: int | None = None, scheduler: str | None = None, article_timeout: float | None = ARTICLE_TIMEOUT) -> None:
        self.workers = workers
        self.scheduler = scheduler
        self.article_timeout = article_timeout

    def __enter__(self) -> Engine:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def start(self) -> None:
        """Start the workers and warm them up."""

    def close(self) -> None:
        """Stop the workers."""

    @property
    def n_workers(self) -> int:
        return self.workers or available_cores()

    def submit(self, batch: list) -> Any:
        raise NotImplementedError

    def result(self, handle: Any, batch: list) -> Batch:
        raise NotImplementedError

    def map(self, batches: Iterable[list]) -> Iterator[Batch]:
        """Results of ``batches`` in order; at most two batches per worker are queued at a time."""
        pending: deque[tuple[Any, list]] = deque()
        limit = 2 * self.n_workers
        for batch in batches:
            pending.append((self.submit(batch), batch))
            while len(pending) >= limit:
                yield self.result(*pending.popleft())
        while pending:
            yield self.result(*pending.popleft())


class LocalEngine(Engine):
    """A process pool over this machine's cores; ``workers=1`` runs in this process.

    Workers are started once and warmed by an initializer, never re-spawned per article.
    """

    name = "local"

    def __init__(self, *, workers: int | None = None, scheduler: str | None = None, article_timeout: float | None = ARTICLE_TIMEOUT) -> None:
        if scheduler:
            raise AnalysisError("--scheduler is for the dask engine; the local engine uses this machine's cores")
        super().__init__(workers=workers, article_timeout=article_timeout)
        self._pool = None

    def start(self) -> None:
        if self.n_workers == 1:
            warm_up()
            return
        self._pool = self._new_pool()

    def _new_pool(self):
        from concurrent.futures.process import BrokenProcessPool

        pool = self._make_pool()
        # Start every worker now (the pool would otherwise spawn them as work arrives), so that
        # start-up and warm-up happen once, before the first batch.
        try:
            with workers_skip_main(), deferred_interrupts():
                for future in [pool.submit(ready, 0.05) for _ in range(self.n_workers)]:
                    future.result()
        except KeyboardInterrupt:
            _terminate(pool)
            raise
        except BrokenProcessPool:
            pool.shutdown(wait=False, cancel_futures=True)
            raise AnalysisError(
                "the worker processes could not start; in a script, call analyze_corpus under "
                "`if __name__ == \"__main__\":`, or use workers=1"
            ) from None
        return pool

    def _make_pool(self):
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # forkserver: safe with threads in the parent (Jupyter, tqdm), cheaper than spawn.
        method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
        context = multiprocessing.get_context(method)
        if method == "forkserver":
            # Imported once in the fork server, shared copy-on-write by every worker.
            # analysis.worker_init first: the fork server and its workers leave Ctrl-C to this process.
            context.set_forkserver_preload(FORKSERVER_PRELOAD)
            with worker_environment():
                start_fork_server()
        return ProcessPoolExecutor(max_workers=self.n_workers, mp_context=context, initializer=warm_up, initargs=(os.getpid(),))

    def __exit__(self, exc_type: type | None, *exc_info: object) -> None:
        if exc_type is not None and issubclass(exc_type, KeyboardInterrupt) and self._pool is not None:
            _terminate(self._pool)  # Ctrl-C: stop the workers now instead of letting them finish their batches
        self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def map(self, batches: Iterable[list]) -> Iterator[Batch]:
        if self._pool is None:
            for batch in batches:
                yield analyze_batch(batch, self.article_timeout)
            return
        pending: deque[tuple[Any, list]] = deque()
        limit = 2 * self.n_workers
        for batch in batches:
            pending.append((self._pool.submit(analyze_batch, batch, self.article_timeout), batch))
            while len(pending) >= limit:
                yield from self._settle(pending)
        while pending:
            yield from self._settle(pending)

    def _settle(self, pending: deque) -> Iterator[Batch]:
        from concurrent.futures.process import BrokenProcessPool

        future, batch = pending.popleft()
        try:
            yield future.result()
        except BrokenProcessPool:
            yield failed_batch(batch, "a worker process died while analysing this batch")
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = self._new_pool()
            retry = [b for _, b in pending]  # queued on the dead pool: send them again
            pending.clear()
            pending.extend((self._pool.submit(analyze_batch, b, self.article_timeout), b) for b in retry)


def _terminate(pool: Any) -> None:
    """Stop a process pool's workers at once (they ignore Ctrl-C, so the parent ends them)."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for process in processes:
        try:
            process.terminate()
        except (OSError, ValueError):
            pass
    pool.shutdown(wait=False, cancel_futures=True)


@contextlib.contextmanager
def deferred_interrupts() -> Iterator[None]:
    """Ctrl-C inside this block raises KeyboardInterrupt when the block ends, not halfway through starting a worker."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    pending: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: pending.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        if pending:  # also when the block failed: a child started in it got the same Ctrl-C ("Nanny failed to start")
            raise KeyboardInterrupt  # noqa: B012


def start_fork_server() -> None:
    """Start multiprocessing's fork server (if not running) with Ctrl-C ignored from its first instruction.

    A process inherits an ignored signal: so the fork server, and every worker forked from it,
    never sees the terminal's Ctrl-C, even one that arrives while it is still importing its preload
    modules (before :mod:`analysis.worker_init` runs). A Ctrl-C in the few milliseconds of the
    start itself is lost, not half-delivered.
    """
    import signal
    import threading
    from multiprocessing import forkserver

    if threading.current_thread() is not threading.main_thread():
        forkserver.ensure_running()
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        forkserver.ensure_running()
    finally:
        signal.signal(signal.SIGINT, previous)


@contextlib.contextmanager
def worker_environment() -> Iterator[None]:
    """Processes started inside this block are marked as workers: :mod:`analysis.worker_init` makes them ignore Ctrl-C."""
    from .worker_init import ENVIRONMENT_FLAG

    previous = os.environ.get(ENVIRONMENT_FLAG)
    os.environ[ENVIRONMENT_FLAG] = "1"
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop(ENVIRONMENT_FLAG, None)
        else:
            os.environ[ENVIRONMENT_FLAG] = previous


@contextlib.contextmanager
def workers_skip_main() -> Iterator[None]:
    """Start worker processes without re-running the caller's script in each of them.

    ``spawn`` and ``forkserver`` workers import the parent's ``__main__`` so that functions defined
    there can be unpickled; a script that calls :func:`analyze_corpus` without the
    ``if __name__ == "__main__":`` guard would then run again in every worker. The work sent to
    these workers lives in this package, so the script is hidden from them while they start.
    """
    main = sys.modules.get("__main__")
    if main is None or getattr(main, "__file__", None) is None and getattr(main, "__spec__", None) is None:
        yield  # Jupyter, python -c: nothing to hide
        return
    saved = {key: main.__dict__[key] for key in ("__file__", "__spec__") if key in main.__dict__}
    main.__dict__.pop("__file__", None)
    main.__spec__ = None
    try:
        yield
    finally:
        main.__dict__.pop("__spec__", None)
        main.__dict__.update(saved)


#: Modules the fork server imports once, shared copy-on-write by every worker; worker_init first (Ctrl-C).
FORKSERVER_PRELOAD = ["analysis.worker_init", "analysis.corpus", "analysis._textstat", "pandas", "textstat"]

#: Up to this many articles, the default is to analyse in this process: starting workers costs more.
IN_PROCESS_MAX = 8


def plan_workers(engine: str, requested: int | None, total: int | None, *, scheduler: str | None = None, cores: int | None = None) -> tuple[int, str | None]:
    """``(workers, note)``: the workers a run uses, capped by the cores and by the number of articles.

    Without ``requested``, a corpus of at most :data:`IN_PROCESS_MAX` articles on the local engine
    runs in this process (no workers to start, no ``if __name__ == "__main__":`` needed). ``note``
    says why the number differs from the one requested, else None.

    >>> plan_workers("local", 40, 18, cores=2)
    (2, '40 workers requested, 2 used: this machine has 2 cores')
    >>> plan_workers("local", None, 3, cores=2)
    (1, 'in this process: 3 articles do not repay starting workers')
    >>> plan_workers("local", 4, 3, cores=8)
    (3, '4 workers requested, 3 used: there are 3 articles')
    """
    if scheduler:
        return requested or 0, None  # the cluster's workers, counted once connected
    cores = cores or available_cores()
    if requested is None:
        if engine == "local" and total is not None and total <= IN_PROCESS_MAX:
            return 1, f"in this process: {total} article{'s' if total != 1 else ''} do{'es' if total == 1 else ''} not repay starting workers"
        workers = cores
    else:
        workers = requested
    reasons = []
    if workers > cores:
        workers, reasons = cores, [f"this machine has {cores} core{'s' if cores != 1 else ''}"]
    if total is not None and workers > max(1, total):
        workers = max(1, total)
        reasons.append(f"there {'are' if total != 1 else 'is'} {total} article{'s' if total != 1 else ''}")
    if requested is not None and workers != requested:
        return workers, f"{requested} workers requested, {workers} used: {' and '.join(reasons)}"
    return workers, None
