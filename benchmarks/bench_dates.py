"""Time date lines, dates, events and timeline on the seed article: `python benchmarks/bench_dates.py`.

Also the worst date lines found (long runs of labels and separators, read at most ``MAX_LINE`` characters)
against an ordinary byline, and dates() on the seed body repeated 1x, 4x and 16x: the time per copy must
stay flat (linear in text length).
"""
from __future__ import annotations

import timeit
from pathlib import Path

from analysis import load_article, parse_article
from analysis.datelines import MAX_LINE, read_date_line
from analysis.dates import dates
from analysis.events import events, timeline

SEED = Path(__file__).resolve().parents[1] / "data" / "articles" / "iscr-2024.txt"
LINES = {
    "byline": "by muhammad anas | Aug 29, 2024",
    "worst: spaced hyphens": ("a - " * 40)[: MAX_LINE - 4] + "2023",
    "worst: by and hyphens": ("by a - " * 23)[: MAX_LINE - 4] + "2023",
}


def best(function, repeat: int) -> float:
    return min(timeit.repeat(function, number=1, repeat=repeat))


def main(repeat: int = 50) -> None:
    article = load_article(SEED)
    dates(article)  # compile the patterns and read the lexicons once
    for function in (dates, events, timeline):
        seconds = best(lambda: function(article), repeat)
        print(f"{function.__name__:10s} {seconds * 1000:7.2f} ms (best of {repeat})")
    reference = best(lambda: read_date_line(LINES["byline"]), repeat)
    for name, line in LINES.items():
        seconds = best(lambda: read_date_line(line), repeat)
        print(f"date line, {name:24s} {seconds * 1000:7.3f} ms  ({seconds / reference:5.1f}x the byline)")
    head, _, body = SEED.read_text(encoding="utf-8").partition("\n\n")
    per_copy = {}
    for copies in (1, 4, 16):
        long = parse_article(head + "\n\n" + "\n\n".join([body.strip()] * copies))
        per_copy[copies] = best(lambda: dates(long), max(3, repeat // copies)) / copies
        print(f"dates, body x{copies:<3d}          {per_copy[copies] * 1000:7.2f} ms per copy "
              f"({per_copy[copies] / per_copy[1]:4.2f}x the single copy)")


if __name__ == "__main__":
    main()
