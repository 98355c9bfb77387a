"""Time the participants, organizations and places tables for the seed article (warm).

    python benchmarks/bench_participants.py

Target (issue 3): the three tables in under 20 ms warm. "Warm" means lexicons loaded and the
interpreter warmed up; each round parses a fresh Article, so no result is served from a cache.
"""
from __future__ import annotations

import statistics
import time
from pathlib import Path

from analysis import parse_article
from analysis.participants import organizations, participants, places

SEED = Path(__file__).resolve().parents[1] / "data" / "articles" / "iscr-2024.txt"


def main(rounds: int = 50) -> None:
    text = SEED.read_text(encoding="utf-8")
    participants(parse_article(text))  # load lexicons
    timings = []
    for n in range(rounds):
        article = parse_article(text + "\n" * (n + 1))  # a new Article each round: no cache hits
        start = time.perf_counter()
        participants(article), organizations(article), places(article)
        timings.append((time.perf_counter() - start) * 1000)
    print(f"participants+organizations+places, seed article: median {statistics.median(timings):.1f} ms, "
          f"best {min(timings):.1f} ms over {rounds} rounds (target < 20 ms)")


if __name__ == "__main__":
    main()
