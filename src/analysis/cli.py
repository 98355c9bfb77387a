"""Command line: a thin layer over the library.

    analysis report ARTICLE... [--out DIR] [--with-code]
    analysis report --corpus SOURCE [--out DIR]
    analysis extract ARTICLE [--format json|csv] [--out DIR]
    analysis corpus SOURCE --out DIR [--engine local|dask] [--scheduler ADDRESS] [--workers N]

Errors are one line on stderr and a non-zero exit code; set ANALYSIS_DEBUG=1 for tracebacks.
"""
from __future__ import annotations

import argparse
import gc
import json
import os
import sys
from pathlib import Path

from .errors import AnalysisError

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


def _report(args: argparse.Namespace) -> int:
    from . import report

    if args.corpus:
        path = report.build_corpus(args.corpus, out_dir=args.out, with_code=args.with_code)
        print(path)
        return EXIT_OK
    if not args.articles:
        raise AnalysisError("report: give at least one ARTICLE, or --corpus SOURCE")
    failures = 0
    for article in args.articles:
        try:
            print(report.build(article, out_dir=args.out, with_code=args.with_code))
        except AnalysisError as exc:  # one bad article does not stop the others
            failures += 1
            print(f"analysis: error: {exc}", file=sys.stderr)
    return EXIT_ERROR if failures else EXIT_OK


def _extract(args: argparse.Namespace) -> int:
    from .article import load_article
    from .extract import extract, tables

    article = load_article(args.article)
    if args.format == "json":
        text = json.dumps(extract(article), ensure_ascii=False, indent=1)
        if args.out:
            from .report import write_atomically

            target = Path(args.out) / f"{article.id}.json"
            write_atomically(target, text + "\n")
            print(target)
        else:
            print(text)
        return EXIT_OK
    out = Path(args.out or ".")
    if out.exists() and not out.is_dir():
        raise AnalysisError(f"{out}: not a folder")
    from .report import write_atomically

    for key, table in tables(article).items():
        target = out / f"{article.id}.{key}.csv"
        write_atomically(target, table.to_csv(index=False))
        print(target)
    return EXIT_OK


def _corpus(args: argparse.Namespace) -> int:
    from .corpus import run

    summary = run(
        args.source,
        out_dir=args.out,
        engine=args.engine,
        scheduler=args.scheduler,
        workers=args.workers,
        progress=not args.quiet,
        report=not args.no_report,
    )
    print(summary)
    return EXIT_OK if summary.analysed else EXIT_ERROR


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="analysis", description="Analyse news articles and press releases.")
    commands = parser.add_subparsers(dest="command", required=True)

    report = commands.add_parser("report", help="build HTML reports from the report notebooks")
    report.add_argument("articles", nargs="*", metavar="ARTICLE", help="article files")
    report.add_argument("--out", default="reports", metavar="DIR", help="output folder (default: reports)")
    report.add_argument("--with-code", action="store_true", help="show the notebook's code cells")
    report.add_argument("--corpus", metavar="SOURCE", help="build the corpus report of a folder, glob or file list")
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
    corpus.set_defaults(run=_corpus)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``analysis`` console script; returns the exit code."""
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except AnalysisError as exc:
        print(f"analysis: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("analysis: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as exc:  # noqa: BLE001 - a CLI user gets one line, never a traceback
        if os.environ.get("ANALYSIS_DEBUG"):
            raise
        print(f"analysis: unexpected error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_ERROR


def run() -> None:
    """The ``analysis`` console script: :func:`main`, then exit with its code."""
    code = main()
    # Teardown would spend ~0.3 s garbage-collecting what pandas, nbconvert and the kernel client
    # left in memory; frozen objects are skipped and the OS reclaims them at exit.
    gc.freeze()
    sys.exit(code)


if __name__ == "__main__":
    run()
