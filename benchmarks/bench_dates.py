"""Time dates, events and timeline on the seed article: `python benchmarks/bench_dates.py`."""
from __future__ import annotations

import timeit
from pathlib import Path

from analysis import load_article
from analysis.dates import dates
from analysis.events import events, timeline

SEED = Path(__file__).resolve().parents[1] / "data" / "articles" / "iscr-2024.txt"


def main(repeat: int = 50) -> None:
    article = load_article(SEED)
    dates(article)  # compile the patterns and read the lexicons once
    for function in (dates, events, timeline):
        seconds = min(timeit.repeat(lambda: function(article), number=1, repeat=repeat))
        print(f"{function.__name__:10s} {seconds * 1000:7.2f} ms (best of {repeat})")


if __name__ == "__main__":
    main()
