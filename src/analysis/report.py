"""Notebook → HTML: execute a parameterised report notebook headless and export it with nbconvert.

>>> build("data/articles/iscr-2024.txt", out_dir="reports")  # doctest: +SKIP
PosixPath('reports/iscr-2024.html')
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import ReportError

NOTEBOOKS = Path(__file__).parent / "notebooks"
ARTICLE_NOTEBOOK = "article_report.ipynb"


def _inject_parameters(nb, parameters: dict) -> None:
    """Add a cell after the one tagged ``parameters``, the way papermill does."""
    import nbformat

    source = "\n".join(f"{name} = {value!r}" for name, value in parameters.items())
    cell = nbformat.v4.new_code_cell(source, metadata={"tags": ["injected-parameters"]})
    position = next(
        (i + 1 for i, c in enumerate(nb.cells) if "parameters" in c.get("metadata", {}).get("tags", [])),
        0,
    )
    nb.cells.insert(position, cell)


def execute_notebook(notebook: Path, parameters: dict, *, timeout: int = 600):
    """Run ``notebook`` with ``parameters`` in a fresh kernel and return the executed notebook."""
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    from jupyter_client.manager import KernelManager

    nb = nbformat.read(notebook, as_version=4)
    _inject_parameters(nb, parameters)
    # Unix-domain sockets between client and kernel: the report opens no network port, not even on loopback.
    kernel = KernelManager(kernel_name="python3", transport="ipc")
    client = NotebookClient(nb, km=kernel, timeout=timeout, resources={"metadata": {"path": os.getcwd()}})
    try:
        client.execute()
    except CellExecutionError as exc:
        last = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
        raise ReportError(f"{notebook.name}: a cell failed: {last}") from None
    return nb


def export_html(nb, *, with_code: bool = False) -> str:
    """Export an executed notebook to one HTML page, images embedded."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab", exclude_input=not with_code, exclude_input_prompt=True, exclude_output_prompt=True)
    body, _ = exporter.from_notebook_node(nb)
    return body


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so that readers see the old file or the new one, never a part."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.chmod(tmp, 0o644)  # mkstemp's 0600 would hide the report from other users of a shared folder
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def build(article: str | Path, *, out_dir: str | Path = "reports", with_code: bool = False, timeout: int = 600) -> Path:
    """Build the HTML report of one article file into ``out_dir/<stem>.html`` and return its path."""
    article = Path(article)
    if not article.is_file():
        raise ReportError(f"{article}: no such file")
    from .article import load_article

    load_article(article)  # fail fast, with the loader's one-line message, before starting a kernel
    nb = execute_notebook(NOTEBOOKS / ARTICLE_NOTEBOOK, {"article_path": str(article.resolve())}, timeout=timeout)
    target = Path(out_dir) / f"{article.stem}.html"
    write_atomically(target, export_html(nb, with_code=with_code))
    return target
