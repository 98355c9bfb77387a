"""Command line: a thin layer over the library.

    analysis report ARTICLE... [--out DIR] [--with-code] [--article-timeout SECONDS]
    analysis report --corpus SOURCE [--out DIR]
    analysis extract ARTICLE [--format json|csv] [--out DIR]
    analysis corpus SOURCE --out DIR [--engine local|dask] [--scheduler ADDRESS] [--workers N] [--article-timeout SECONDS]

    analysis --version

Errors are one line on stderr and a non-zero exit code (1 failure, 2 usage, 130 Ctrl-C,
141 closed pipe); set ANALYSIS_DEBUG=1 for tracebacks.
"""
from __future__ import annotations

import argparse
import gc
import json
import os
import signal
import re
import sys
from pathlib import Path

from .errors import AnalysisError
from .interrupt import exit_on_ctrl_c, on_interrupt
from .sources import printable

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_INTERRUPTED, EXIT_BROKEN_PIPE = 0, 1, 2, 130, 141


def _report(args: argparse.Namespace) -> int:
    # Ctrl-C must not raise in the middle of an import or a library's callback (it could be swallowed
    # there and the run hang): the handler cleans up and exits at once.
    with exit_on_ctrl_c("analysis: interrupted", EXIT_INTERRUPTED):
        return _reports(args)


def _reports(args: argparse.Namespace) -> int:
    from . import report

    if args.corpus:
        if args.articles:
            raise UsageError(f"report: give ARTICLE files or --corpus SOURCE, not both (got {len(args.articles)} ARTICLE with --corpus)")
        if not args.corpus.strip():
            raise UsageError("report: --corpus needs a folder, glob or file")
        path = report.build_corpus(args.corpus, out_dir=args.out, with_code=args.with_code)
        print(printable(path), flush=True)
        return EXIT_OK
    if not args.articles:
        raise AnalysisError("report: give at least one ARTICLE, or --corpus SOURCE")
    failures = 0
    names = report_names(args.articles)
    for article, name in zip(args.articles, names):
        try:
            print(printable(_build_report(report, article, name, args)), flush=True)  # kept if Ctrl-C ends the run
        except AnalysisError as exc:  # one bad article does not stop the others
            failures += 1
            print(f"analysis: error: {printable(exc)}", file=sys.stderr)
    return EXIT_ERROR if failures else EXIT_OK


def report_names(articles: list[str]) -> list[str]:
    """A unique, stable report name per article: its file name's stem, then ``-2``, ``-3``, ... for repeats.

    >>> report_names(["a/x.txt", "b/x.txt", "c/x-2.md", "y.txt"])
    ['x', 'x-2', 'x-2-2', 'y']
    """
    seen: set[str] = set()
    names = []
    for article in articles:
        base = safe_name(Path(article).stem or "article")
        name, count = base, 1
        while name.casefold() in seen:  # casefold: x.html and X.html are one file on macOS and Windows
            count += 1
            name = f"{base}-{count}"
        seen.add(name.casefold())
        names.append(name)
    return names


def safe_name(value: str) -> str:
    """``value`` usable as one file name: no separators, control characters or leading dots.

    >>> safe_name("../etc/passwd"), safe_name("a\\x1bb"), safe_name("ok-1")
    ('etc_passwd', 'a_b', 'ok-1')
    """
    name = re.sub(r"[\x00-\x1f\x7f/\\:*?\"<>|\ud800-\udfff]+", "_", value).strip(" ._")
    name = re.sub(r"_*\.\.+_*", "_", name).strip(" ._")
    return name[:150] or "article"


def _build_report(report: object, article: str, name: str, args: argparse.Namespace) -> Path:
    """The report of ``article`` written to ``--out/NAME.html``: built in a private folder, then moved into place."""
    import shutil
    import tempfile

    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise AnalysisError(f"{printable(out)}: exists and is not a folder; choose another --out")
    if name == safe_name(Path(article).stem):
        return report.build(article, out_dir=out, with_code=args.with_code, article_timeout=args.article_timeout)
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".analysis-report-", dir=out))
    try:
        with on_interrupt(lambda: shutil.rmtree(staging, ignore_errors=True)):
            built = Path(report.build(article, out_dir=staging, with_code=args.with_code, article_timeout=args.article_timeout))
            target = out / f"{name}.html"
            os.replace(built, target)
            return target
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _extract(args: argparse.Namespace) -> int:
    from .article import load_article
    from .corpus_output import csv_safe
    from .extract import extract, tables

    if args.out is not None:
        _check_out(Path(args.out))
    article = load_article(args.article)
    name = safe_name(article.id or "article")
    if args.format == "json":
        text = json.dumps(extract(article), ensure_ascii=False, indent=1)
        if args.out:
            from .report import write_atomically

            target = Path(args.out) / f"{name}.json"
            write_atomically(target, text + "\n")
            print(printable(target))
        else:
            print(text)
        return EXIT_OK
    out = Path(args.out or ".")
    from .report import write_atomically

    for key, table in tables(article).items():
        target = out / f"{name}.{key}.csv"
        write_atomically(target, csv_safe(table).to_csv(index=False))
        print(printable(target))
    return EXIT_OK


def _check_out(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise AnalysisError(f"{printable(out)}: exists and is not a folder; choose another --out")


def _corpus(args: argparse.Namespace) -> int:
    from .corpus_summary import run

    if not args.source.strip():
        raise UsageError("corpus: SOURCE is empty; give a folder, glob, JSON Lines or CSV file")
    summary = run(
        args.source,
        out_dir=args.out,
        engine=args.engine,
        scheduler=args.scheduler,
        workers=args.workers,
        progress=not args.quiet,
        report=not args.no_report,
        article_timeout=args.article_timeout,
    )
    print(summary)
    return EXIT_OK if summary.analysed else EXIT_ERROR


class UsageError(AnalysisError):
    """A command line that cannot mean anything: exit code 2, like argparse's own errors."""


def build_parser() -> argparse.ArgumentParser:
    from . import __version__

    parser = argparse.ArgumentParser(prog="analysis", description="Analyse news articles and press releases.")
    parser.add_argument("--version", action="version", version=f"analysis {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    report = commands.add_parser("report", help="build HTML reports from the report notebooks")
    report.add_argument("articles", nargs="*", metavar="ARTICLE", help="article files")
    report.add_argument("--out", default="reports", metavar="DIR", help="output folder (default: reports)")
    report.add_argument("--with-code", action="store_true", help="show the notebook's code cells")
    report.add_argument("--corpus", metavar="SOURCE", help="build the corpus report of a folder, glob or file list")
    _article_timeout_option(report)
    report.set_defaults(run=_report)

    extract = commands.add_parser("extract", help="print or write everything found in one article")
    extract.add_argument("article", metavar="ARTICLE")
    extract.add_argument("--format", choices=["json", "csv"], default="json")
    extract.add_argument("--out", metavar="DIR", help="write files here instead of printing (csv: default .)")
    extract.set_defaults(run=_extract)

    corpus = commands.add_parser("corpus", help="analyse many articles into tables and a corpus report")
    corpus.add_argument("source", metavar="SOURCE", help="a folder, glob, JSON Lines or CSV file")
    corpus.add_argument("--out", required=True, metavar="DIR")
    corpus.add_argument("--engine", choices=["local", "dask"], default="local")
    corpus.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler address (default: a LocalCluster)")
    corpus.add_argument("--workers", type=int, metavar="N", help="processes or Dask workers (default: cores)")
    corpus.add_argument("--quiet", action="store_true", help="no progress bar")
    corpus.add_argument("--no-report", action="store_true", help="write the tables only")
    _article_timeout_option(corpus)
    corpus.set_defaults(run=_corpus)
    return parser


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {value!r}") from None
    if not seconds >= 0 or seconds == float("inf"):
        raise argparse.ArgumentTypeError(f"give 0 (no limit) or more seconds, not {value!r}")
    return seconds


def _article_timeout_option(command: argparse.ArgumentParser) -> None:
    from .time_limit import ARTICLE_TIMEOUT

    command.add_argument(
        "--article-timeout", type=_seconds, default=ARTICLE_TIMEOUT, metavar="SECONDS",
        help=f"seconds one article may take; a slower one is an error (default {ARTICLE_TIMEOUT:g}; 0: no limit)",
    )


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``analysis`` console script; returns the exit code."""
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except UsageError as exc:
        print(f"analysis: error: {printable(exc)}", file=sys.stderr)
        return EXIT_USAGE
    except AnalysisError as exc:
        print(f"analysis: error: {printable(exc)}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # one Ctrl-C is enough: a late second one must not kill the exit
        print("analysis: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _quiet_stdout()  # `analysis extract ... | head`: the reader left; nothing more to say
        return EXIT_BROKEN_PIPE
    except OSError as exc:  # an output folder that is a file, read-only, or on a full disk
        if os.environ.get("ANALYSIS_DEBUG"):
            raise
        where = f"{printable(exc.filename)}: " if exc.filename else ""
        print(f"analysis: error: {where}cannot write ({exc.strerror or exc})", file=sys.stderr)
        return EXIT_ERROR
    except Exception as exc:  # noqa: BLE001 - a CLI user gets one line, never a traceback
        if os.environ.get("ANALYSIS_DEBUG"):
            raise
        print(f"analysis: unexpected error: {type(exc).__name__}: {printable(exc)}", file=sys.stderr)
        return EXIT_ERROR


def _quiet_stdout() -> None:
    """Point stdout at /dev/null, so that flushing it at exit raises no second BrokenPipeError."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def run() -> None:
    """The ``analysis`` console script: :func:`main`, then exit with its code."""
    code = main()
    # Teardown would spend ~0.3 s garbage-collecting what pandas, nbconvert and the kernel client
    # left in memory; frozen objects are skipped and the OS reclaims them at exit.
    gc.freeze()
    sys.exit(code)


if __name__ == "__main__":
    run()
