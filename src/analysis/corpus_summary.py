"""What ``analysis corpus`` runs and prints: :func:`run` (tables, corpus report, folder lock) and its summary."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .corpus import analyze_corpus
from .corpus_inputs import list_sources
from .corpus_output import OutputLock
from .errors import AnalysisError, ArticleError
from .time_limit import ARTICLE_TIMEOUT


@dataclass
class CorpusSummary:
    """What ``analysis corpus`` prints: counts, time, where the tables and the report went."""

    analysed: int
    errors: int
    seconds: float
    out_dir: Path
    engine: str
    workers: int
    startup: float = 0.0
    files: dict[str, dict] = field(default_factory=dict)
    report: Path | None = None
    report_error: str | None = None
    first_errors: list[str] = field(default_factory=list)
    note: str | None = None

    def __str__(self) -> str:
        """The summary, with article data (ids, messages, paths) escaped for the terminal."""
        from .sources import printable

        return "\n".join(printable(line) for line in self._lines())

    def _lines(self) -> list[str]:
        total = self.analysed + self.errors
        working = self.seconds - self.startup
        rate = f", then {self.analysed / working:.1f} articles/s" if working > 0 and self.analysed else ""
        lines = [
            f"articles:  {self.analysed} of {total} analysed, {self.errors} error{'s' if self.errors != 1 else ''}",
            f"time:      {self.seconds:.1f} s on the {self.engine} engine: {self.startup:.1f} s starting {self.workers} worker{'s' if self.workers != 1 else ''}{rate}",
            f"tables:    {self.out_dir}/ (Parquet and CSV: {', '.join(k for k in self.files if k != 'errors')})",
        ]
        if self.errors:
            lines.append(f"errors:    {self.out_dir / 'errors.csv'}")
            lines.extend(f"           {message}" for message in self.first_errors)
            if self.errors > len(self.first_errors):
                lines.append(f"           … and {self.errors - len(self.first_errors)} more")
        if self.note:
            lines.insert(2, f"workers:   {self.note}")
        if self.report:
            lines.append(f"report:    {self.report}")
        elif self.report_error:
            lines.append(f"report:    not built ({self.report_error})")
        return lines


def run(
    source: Any,
    *,
    out_dir: str | Path,
    engine: str = "local",
    scheduler: str | None = None,
    workers: int | None = None,
    progress: bool = True,
    report: bool = True,
    article_timeout: float | None = ARTICLE_TIMEOUT,
) -> CorpusSummary:
    """Analyse ``source`` into ``out_dir`` (tables, errors, ``corpus.json``, the corpus report); what the CLI calls.

    The folder stays locked against a second run until the report is written.
    """
    if isinstance(source, str) and not source.strip():
        raise ArticleError("empty source: give a folder, a glob, a JSON Lines or CSV file")
    items, _ = list_sources(source)  # a missing source fails before the output folder is created
    del items
    with OutputLock(out_dir):
        return _run(source, out_dir=out_dir, engine=engine, scheduler=scheduler, workers=workers, progress=progress, report=report, article_timeout=article_timeout)


def _run(source: Any, *, out_dir: str | Path, engine: str, scheduler: str | None, workers: int | None, progress: bool, report: bool, article_timeout: float | None) -> CorpusSummary:
    result = analyze_corpus(source, engine=engine, workers=workers, scheduler=scheduler, progress=progress, out_dir=out_dir, keep=False, article_timeout=article_timeout)
    summary = CorpusSummary(
        analysed=result.analysed,
        errors=result.failed,
        seconds=result.seconds,
        out_dir=Path(out_dir),
        engine=engine,
        workers=result.workers,
        startup=result.startup,
        files=result.files,
        first_errors=[f"{row.article_id}: {row.error}" for row in result.errors.head(3).itertuples()],
        note=result.note,
    )
    if report and result.analysed:
        summary.report, summary.report_error = _build_report(Path(out_dir))
    return summary


def _build_report(out_dir: Path) -> tuple[Path | None, str | None]:
    """The corpus report of the tables in ``out_dir``; a failure is reported, not raised."""
    try:
        from .report import build_corpus
    except (ImportError, AttributeError):
        return None, "this version has no corpus report"
    try:
        return Path(build_corpus(out_dir, out_dir=out_dir)), None
    except AnalysisError as exc:
        return None, str(exc)
    except Exception as exc:  # noqa: BLE001 - the tables are written; a report failure must not hide them
        return None, f"{type(exc).__name__}: {exc}"
