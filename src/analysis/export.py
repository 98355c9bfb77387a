"""Writing the report: an executed notebook exported to one self-contained, script-free HTML page, atomically.

The template (``templates/analysis``) removes every script, sets a Content-Security-Policy, carries
the report's own small stylesheet (screen, phone and print) instead of JupyterLab's, adds a table
of contents of the ``##`` and ``###`` headings and one build-timestamp line.

>>> from pathlib import Path; import tempfile
>>> target = Path(tempfile.mkdtemp()) / "r.html"
>>> write_atomically(target, "<p>report</p>"); target.read_text()
'<p>report</p>'
"""
from __future__ import annotations

import datetime as dt
import os
import tempfile
import threading
from pathlib import Path
from typing import Any

from .interrupt import on_interrupt

TEMPLATES = Path(__file__).parent / "templates"
TEMPLATE = "analysis"


def table_of_contents(nb, *, levels: tuple[int, ...] = (2, 3)) -> list[tuple[int, str, str]]:
    """``(level, anchor, text)`` of the notebook's Markdown headings of ``levels``, anchors as nbconvert makes them."""
    from nbconvert.filters.strings import _convert_header_id

    entries = []
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        for line in cell.source.splitlines():
            hashes = len(line) - len(line.lstrip("#"))
            if hashes in levels and line[hashes:hashes + 1] == " ":
                text = line[hashes:].strip().strip("#").strip()
                entries.append((hashes, _convert_header_id(text), text))
    return entries


def built_line() -> str:
    """The one line that differs between two builds of the same input (``SOURCE_DATE_EPOCH`` fixes it)."""
    from . import __version__

    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc) if epoch and epoch.isdigit() else dt.datetime.now(dt.timezone.utc)
    return f"Built {when:%Y-%m-%d %H:%M:%S} UTC by analysis {__version__}."


_EXPORTERS: dict[bool, Any] = {}
_EXPORTERS_LOCK = threading.Lock()


def _resources(nb=None, *, title: str = "Report", subtitle: str = "", with_code: bool = False) -> dict:
    from . import __version__

    return {
        "metadata": {"name": title},
        "subtitle": subtitle,
        "toc": table_of_contents(nb) if nb is not None else [],
        "built": built_line(),
        "analysis_version": __version__,
        "with_code": with_code,
    }


def _exporter_class():
    from nbconvert import HTMLExporter
    from nbconvert.exporters.templateexporter import TemplateExporter
    from nbconvert.filters.highlight import Highlight2HTML
    from nbconvert.filters.widgetsdatatypefilter import WidgetsDataTypeFilter

    class PageExporter(HTMLExporter):
        """nbconvert's HTML exporter without its final BeautifulSoup pass over the page (~0.8 s for the seed
        report's inline SVG), which only adds alt text to images that lack it (ours have it) and tab stops."""

        def from_notebook_node(self, nb, resources=None, **kw):
            langinfo = nb.metadata.get("language_info", {})
            lexer = langinfo.get("pygments_lexer", langinfo.get("name", None))
            self.register_filter("highlight_code", self.filters.get("highlight_code", Highlight2HTML(pygments_lexer=lexer, parent=self)))
            resources = self._init_resources(resources)
            self.register_filter("filter_data_type", WidgetsDataTypeFilter(notebook_metadata=self._nb_metadata, parent=self, resources=resources))
            return TemplateExporter.from_notebook_node(self, nb, resources, **kw)

    return PageExporter


def exporter(with_code: bool):
    """The HTML exporter, made once per process and warmed up (templates compiled)."""
    with _EXPORTERS_LOCK:
        if with_code not in _EXPORTERS:
            import nbformat
            from traitlets.config import Config

            made = _exporter_class()(
                config=Config({"CSSHTMLHeaderPreprocessor": {"enabled": with_code}}),
                template_name=TEMPLATE,
                extra_template_basedirs=[str(TEMPLATES)],
                exclude_input=not with_code,
                exclude_input_prompt=True,
                exclude_output_prompt=True,
            )
            made.from_notebook_node(nbformat.v4.new_notebook(), resources=_resources(with_code=with_code))
            _EXPORTERS[with_code] = made
        return _EXPORTERS[with_code]


def _clean(nb) -> None:
    """Drop what differs between runs or does not belong in a report: stderr streams, execution metadata."""
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        if cell.cell_type == "code":
            cell.outputs = [o for o in cell.outputs if not (o.get("output_type") == "stream" and o.get("name") == "stderr")]


def export_html(nb, *, with_code: bool = False, title: str | None = None, subtitle: str = "") -> str:
    """Export an executed notebook to one self-contained HTML page (charts inline, no script), headed by
    ``title`` (the page's ``<h1>`` and ``<title>``) and ``subtitle``."""
    _clean(nb)
    resources = _resources(nb, title=title or "Report", subtitle=subtitle, with_code=with_code)
    body, _ = exporter(with_code).from_notebook_node(nb, resources=resources)
    return body


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so that readers see the old file or the new one, never a part."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with on_interrupt(lambda: Path(tmp).unlink(missing_ok=True)):
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp, 0o644)  # mkstemp's 0600 would hide the report from other users of a shared folder
            os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
