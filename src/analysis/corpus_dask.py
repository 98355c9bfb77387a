"""The Dask engine: the same batches on a LocalCluster bound to 127.0.0.1, or on the cluster at a scheduler address.

An address is checked and probed first (:func:`scheduler_address`, :data:`SCHEDULER_TIMEOUT`), so
a wrong one is one clear error instead of a long wait.
"""
from __future__ import annotations

import logging
import re
from typing import Any

from .corpus_batch import Batch, analyze_batch, error_message, failed_batch, warm_up
from .corpus_engines import (
    FORKSERVER_PRELOAD,
    Engine,
    available_cores,
    deferred_interrupts,
    start_fork_server,
    worker_environment,
    workers_skip_main,
)
from .errors import AnalysisError
from .time_limit import ARTICLE_TIMEOUT


class DaskEngine(Engine):
    """The same work on a Dask distributed cluster: ``scheduler`` is its address, else a LocalCluster.

    The LocalCluster listens on 127.0.0.1 only and has no dashboard. A remote cluster's
    workers need this package installed.
    """

    name = "dask"

    def __init__(self, *, workers: int | None = None, scheduler: str | None = None, article_timeout: float | None = ARTICLE_TIMEOUT) -> None:
        super().__init__(workers=workers, scheduler=scheduler, article_timeout=article_timeout)
        self._client = None
        self._cluster = None

    def start(self) -> None:
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError as exc:  # pragma: no cover - a declared dependency
            raise AnalysisError(f"the dask engine needs dask[distributed] ({exc})") from None
        try:
            if self.scheduler:
                address = scheduler_address(self.scheduler)
                _probe_scheduler(address, SCHEDULER_TIMEOUT)
                self._client = Client(address, timeout=f"{SCHEDULER_TIMEOUT}s")
            else:
                with worker_environment(), workers_skip_main(), deferred_interrupts():
                    self._cluster = _local_cluster(LocalCluster, self.n_workers)
                self._client = Client(self._cluster)
            self._client.run(warm_up)
        except (OSError, TimeoutError) as exc:
            self.close()
            where = self.scheduler or "a local cluster"
            raise AnalysisError(f"cannot start or reach the Dask scheduler at {where} ({type(exc).__name__}: {exc})") from None
        except BaseException:
            self.close()
            raise

    def __exit__(self, exc_type: type | None, *exc_info: object) -> None:
        if exc_type is not None and issubclass(exc_type, KeyboardInterrupt):
            logging.getLogger("distributed").setLevel(logging.CRITICAL)  # Ctrl-C: closing comms mid-task is expected
        self.close()

    @property
    def n_workers(self) -> int:
        if self._client is not None and self.scheduler:
            return max(1, len(self._client.scheduler_info().get("workers", {})))
        return self.workers or available_cores()

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    def submit(self, batch: list) -> Any:
        return self._client.submit(analyze_batch, batch, self.article_timeout, pure=False)

    def result(self, handle: Any, batch: list) -> Batch:
        try:
            return handle.result()
        except Exception as exc:  # noqa: BLE001 - a killed worker or a lost connection fails this batch only
            return failed_batch(batch, f"the Dask task failed: {error_message(exc)}")


def _local_cluster(cls: Any, n_workers: int) -> Any:
    """A Dask LocalCluster of single-threaded worker processes on 127.0.0.1, without a dashboard.

    Its workers fork from the same fork server as the local engine's (which preloads
    :mod:`analysis.worker_init`, so Ctrl-C is this process's alone, and the package, so they start fast).
    """
    import dask
    import multiprocessing

    if "forkserver" not in multiprocessing.get_all_start_methods():
        method = "spawn"
    else:
        method = "forkserver"
        multiprocessing.set_forkserver_preload(FORKSERVER_PRELOAD)
        start_fork_server()
    with dask.config.set({"distributed.worker.multiprocessing-method": method}):
            return cls(
            n_workers=n_workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
            silence_logs=logging.CRITICAL,  # a worker cut off by Ctrl-C logs heartbeat tracebacks at ERROR; task errors become error rows
            preload=["analysis.worker_init"],  # workers leave Ctrl-C to this process
            # the scheduler's HTTP endpoints (health, metrics) on a free loopback port, not 8787 that another cluster may hold
            scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
        )


#: Seconds to reach a Dask scheduler and hear it answer (the documented ``--scheduler`` timeout).
SCHEDULER_TIMEOUT = 20.0

_SCHEDULER = re.compile(r"\A(?:(?:tcp|tls|ws|wss|ucx)://)?(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9][A-Za-z0-9.-]*)(?::\d{1,5})?/?\Z")


def scheduler_address(address: str) -> str:
    """``address`` checked as a Dask scheduler address (``tcp://HOST:PORT``, ``HOST:PORT``), else a one-line error.

    >>> scheduler_address("tcp://10.0.0.5:8786"), scheduler_address("localhost:8786")
    ('tcp://10.0.0.5:8786', 'localhost:8786')
    """
    from .sources import printable

    address = address.strip()
    if not _SCHEDULER.match(address):
        raise AnalysisError(f"{printable(address)!r} is not a Dask scheduler address (expected tcp://HOST:PORT)")
    return address


def _probe_scheduler(address: str, seconds: float) -> None:
    """Open one connection to ``address`` and hear the Dask handshake, within ``seconds``; one-line errors.

    ``dask.distributed.Client`` alone waits for minutes on a server that accepts and never speaks,
    and dies with a MemoryError on one that speaks another protocol (an SSH banner read as a frame length).
    """
    import asyncio
    import threading

    async def probe() -> None:
        from distributed.comm import connect

        comm = await asyncio.wait_for(connect(address, timeout=seconds), seconds)
        await comm.close()

    outcome: dict[str, BaseException] = {}

    def run() -> None:  # its own thread and event loop: the caller may be inside one (Jupyter)
        try:
            asyncio.run(probe())
        except BaseException as exc:  # noqa: BLE001 - reported below, whatever it is
            outcome["error"] = exc

    thread = threading.Thread(target=run, daemon=True, name="dask-probe")
    thread.start()
    thread.join(seconds + 5)
    error = outcome.get("error") if not thread.is_alive() else TimeoutError()
    if error is None:
        return
    if isinstance(error, (TimeoutError, asyncio.TimeoutError)):
        raise AnalysisError(f"{address}: no Dask scheduler answered within {seconds:g} s (is this the scheduler's address and port?)")
    if isinstance(error, OSError):
        raise AnalysisError(f"cannot reach the Dask scheduler at {address} ({error.strerror or error})")
    if isinstance(error, (MemoryError, ValueError, TypeError, EOFError)) or "Comm" in type(error).__name__:
        raise AnalysisError(f"{address}: something answers there, but not a Dask scheduler ({type(error).__name__})")
    raise AnalysisError(f"cannot reach the Dask scheduler at {address} ({type(error).__name__}: {error})")
