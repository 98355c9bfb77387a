"""Running a report notebook: a kernel in a private folder, parameters injected the papermill way, cells run.

Every kernel file (the connection file and the Unix-domain sockets between client and kernel: no
network port, not even loopback) lives in a private temporary folder, which is also the kernel's
working folder. The folder is removed when the run ends, however it ends (error, Ctrl-C); a run
killed outright (SIGKILL) leaves its folder, and the next run removes it. So two reports started in
one folder never share a socket, and a read-only working folder does not matter.

>>> folder = private_folder()
>>> folder.name.startswith(f"{PREFIX}{os.getpid()}-")
True
>>> remove_folder(folder); folder.exists()
False
"""
from __future__ import annotations

import atexit
import contextlib
import os
import re
import shutil
import tempfile
from collections.abc import Iterator, Mapping
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from .errors import ReportError
from .interrupt import on_interrupt

#: Private folders are named ``PREFIX<pid>-<random>``: a folder whose process is gone is stale.
PREFIX = "analysis-report-"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_folders(root: str | Path | None = None) -> list[Path]:
    """Remove this user's private folders left by runs that were killed; return those removed."""
    removed = []
    root = Path(root or tempfile.gettempdir())
    for folder in root.glob(f"{PREFIX}*-*"):
        match = re.fullmatch(rf"{re.escape(PREFIX)}(\d+)-.+", folder.name)
        try:
            if not match or not folder.is_dir() or folder.stat().st_uid != os.getuid() or _alive(int(match.group(1))):
                continue
        except OSError:
            continue
        shutil.rmtree(folder, ignore_errors=True)
        removed.append(folder)
    return removed


def private_folder() -> Path:
    """A new folder only this user can read, for one run's kernel files (after removing stale ones)."""
    remove_stale_folders()
    return Path(tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-"))


def remove_folder(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


def kernel_manager(folder: Path):
    """A python3 kernel manager, not started, whose files will all be in ``folder``."""
    from jupyter_client.manager import KernelManager

    return KernelManager(
        kernel_name="python3",
        transport="ipc",
        ip=str(folder / "kernel"),  # sockets kernel-1, kernel-2, ... inside the private folder
        connection_file=str(folder / "kernel.json"),
    )


def start_kernel(kernel, folder: Path, *, log=None) -> None:
    """Start ``kernel`` working in ``folder``; its own messages (stdout, stderr) go to ``log`` (an open
    file), not to the user's terminal."""
    import subprocess

    output = log if log is not None else subprocess.DEVNULL
    kernel.start_kernel(extra_arguments=["--HistoryManager.enabled=False"], cwd=str(folder), stdout=output, stderr=output)


@contextlib.contextmanager
def kernel_in_private_folder() -> Iterator[tuple[Any, Path]]:
    """``(kernel, folder)``: a started kernel in a :func:`private_folder`; on leaving, the kernel is
    stopped and the folder removed (with anything else the run put there).

    Cleaning up after Ctrl-C must not raise anything but the KeyboardInterrupt itself; under
    :func:`analysis.interrupt.exit_on_ctrl_c` the kernel is killed and the folder removed before the exit.
    """
    folder = private_folder()
    kernel = None
    log = open(folder / "kernel.log", "wb")  # noqa: SIM115 - closed below, after the kernel
    try:
        with on_interrupt(lambda: (kill_kernel(kernel), remove_folder(folder))):
            kernel = kernel_manager(folder)
            start_kernel(kernel, folder, log=log)
            yield kernel, folder
    except KeyboardInterrupt:
        kill_kernel(kernel)  # at once: the client may still hold the kernel manager in its own thread
        kernel = None
        raise
    finally:
        try:
            if kernel is not None and kernel.has_kernel:
                kernel.shutdown_kernel(now=True)
        except Exception:  # noqa: BLE001 - a kernel already gone is what we want
            pass
        finally:
            log.close()
            remove_folder(folder)


def kill_kernel(kernel) -> None:
    """Kill ``kernel``'s process group outright (it runs in a session of its own), without its manager."""
    import signal

    pid = getattr(getattr(kernel, "provisioner", None), "pid", None)
    if pid:
        with contextlib.suppress(OSError):
            os.killpg(os.getpgid(pid), signal.SIGKILL)


def inject_parameters(nb, parameters: Mapping[str, Any]) -> None:
    """Add a cell after the one tagged ``parameters``, the way papermill does (with a fixed id)."""
    import nbformat

    source = "\n".join(f"{name} = {value!r}" for name, value in parameters.items())
    cell = nbformat.v4.new_code_cell(source, metadata={"tags": ["injected-parameters"]})
    cell["id"] = "injected-parameters"  # a random id would change the HTML on every build
    position = next(
        (i + 1 for i, c in enumerate(nb.cells) if "parameters" in c.get("metadata", {}).get("tags", [])),
        0,
    )
    nb.cells.insert(position, cell)


def show_parameters(nb, parameters: Mapping[str, Any]) -> None:
    """Replace the source of the injected cell by ``parameters``: what a reader can re-run by hand
    (the run itself may have used absolute paths and a file of precomputed tables)."""
    for cell in nb.cells:
        if cell.get("id") == "injected-parameters":
            cell.source = "\n".join(f"{name} = {value!r}" for name, value in parameters.items())


def execute_notebook(notebook: Path, parameters: dict, *, timeout: int = 600, kernel=None, waits: Mapping[str, Future] | None = None):
    """Run ``notebook`` with ``parameters`` and return it executed.

    The notebook runs in a fresh kernel in a private folder that is stopped and removed at the end,
    or in the started ``kernel``, which the caller stops. A cell tagged with a key of ``waits`` runs
    once that future is done: work that this process does meanwhile overlaps the kernel's start.
    """
    if kernel is None:
        with kernel_in_private_folder() as (own, _):
            return execute_notebook(notebook, parameters, timeout=timeout, kernel=own, waits=waits)
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    nb = nbformat.read(notebook, as_version=4)
    inject_parameters(nb, parameters)

    def wait(cell, cell_index) -> None:
        for tag in cell.get("metadata", {}).get("tags", []):
            if waits and tag in waits:
                waits[tag].result()

    client = NotebookClient(nb, km=kernel, timeout=timeout, on_cell_execute=wait)
    try:
        in_thread(client.execute, cleanup_kc=False)
    except KeyboardInterrupt:
        atexit.unregister(client._cleanup_kernel)  # nbclient's own clean-up at exit: the caller kills the kernel
        raise
    except (CellExecutionError, CellTimeoutError, DeadKernelError, AssertionError, RuntimeError) as exc:
        _raise(notebook, exc)
    finally:
        if client.kc is not None:
            with contextlib.suppress(Exception):
                client.kc.stop_channels()
    return nb


def in_thread(function, *args, **kwargs):
    """``function(*args, **kwargs)`` run in a daemon thread while this one waits.

    nbclient answers SIGINT itself when it runs in the main thread: it shuts the kernel down under the
    running cell, which could then wait for a reply until the cell timeout (minutes). In another thread
    it cannot install that handler, so Ctrl-C stays a KeyboardInterrupt here, at once; the caller then
    stops the kernel, which ends the cell, and a daemon thread never holds up the exit.
    """
    import threading

    outcome: dict = {}

    def run() -> None:
        try:
            outcome["value"] = function(*args, **kwargs)
        except BaseException as exc:  # noqa: BLE001 - handed to the waiting thread
            outcome["error"] = exc

    worker = threading.Thread(target=run, name="analysis-notebook", daemon=True)
    worker.start()
    while worker.is_alive():
        worker.join(0.2)  # short waits: a signal is handled between them
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")


def _raise(notebook: Path, exc: BaseException) -> None:
    """A one-line ReportError for a failed run, or ``exc`` itself when it is not a failure of the notebook."""
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    if isinstance(exc, CellExecutionError):
        message = re.sub(r"\x1b\[[0-9;]*m", "", str(exc)).strip()  # IPython colours the traceback
        last = message.splitlines()[-1] if message else type(exc).__name__
        raise ReportError(f"{notebook.name}: a cell failed: {last}") from None
    if isinstance(exc, (CellTimeoutError, DeadKernelError)):
        raise ReportError(f"{notebook.name}: {type(exc).__name__}: {exc}") from None
    raise exc
