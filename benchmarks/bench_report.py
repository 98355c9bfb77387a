"""Time the seed article's report against nbconvert executing and exporting an empty notebook.

    python benchmarks/bench_report.py [--rounds N]

Target (issue 6): ``analysis report data/articles/iscr-2024.txt`` takes at most 1.5× what
``jupyter nbconvert --to html --execute empty.ipynb`` takes on the same machine (kernel start-up is
the floor), and the report stays under 2 MB. Both are timed end to end as commands, the median of
``--rounds`` runs each, alternating so that background load hits both alike.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "articles" / "iscr-2024.txt"
BIN = Path(sys.executable).parent
TARGET = 1.5


def _timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    rounds = parser.parse_args().rounds

    import nbformat

    with tempfile.TemporaryDirectory() as tmp:
        empty = Path(tmp) / "empty.ipynb"
        book = nbformat.v4.new_notebook()
        book.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nbformat.write(book, empty)
        baseline_cmd = [str(BIN / "jupyter"), "nbconvert", "--to", "html", "--execute", str(empty), "--output-dir", tmp]
        report_cmd = [str(BIN / "analysis"), "report", str(SEED), "--out", tmp]
        _timed(baseline_cmd)  # warm the disk caches for both
        _timed(report_cmd)
        baseline, report = [], []
        for _ in range(rounds):
            baseline.append(_timed(baseline_cmd))
            report.append(_timed(report_cmd))
        size = (Path(tmp) / f"{SEED.stem}.html").stat().st_size

    base, ours = statistics.median(baseline), statistics.median(report)
    ratio = ours / base
    print(f"empty notebook, nbconvert --execute --to html: median {base:.2f} s over {rounds} rounds")
    print(f"seed report, analysis report:                  median {ours:.2f} s over {rounds} rounds")
    print(f"ratio {ratio:.2f} (target ≤ {TARGET}) {'OK' if ratio <= TARGET else 'OVER'}; report size {size / 1e6:.2f} MB (target < 2 MB)")


if __name__ == "__main__":
    main()
