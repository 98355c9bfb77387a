"""Time the participants, organizations and places tables for the seed article (warm).

    python benchmarks/bench_participants.py

Target (issue 3): the three tables in under 20 ms warm. "Warm" means lexicons loaded and the
interpreter warmed up; each round parses a fresh Article, so no result is served from a cache.
"""
from __future__ import annotations

import statistics
import subprocess
import sys
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
    print(f"first use, in a new process: every lexicon, the gazetteer and the nickname table load in {load_seconds() * 1000:.0f} ms (target < 300 ms)")
    lexicons = Path(__file__).resolve().parents[1] / "src" / "analysis" / "lexicons"
    size = sum(f.stat().st_size for f in lexicons.iterdir() if f.is_file())
    print(f"lexicon and gazetteer files in the package: {size / 1e6:.2f} MB (target < 20 MB)")


def load_seconds() -> float:
    """Time to load every lexicon, the gazetteer and the nickname table once, in a fresh interpreter (the
    package's import excluded; the ``nicknames`` package is imported inside the timing, as on first use)."""
    code = (
        "import time; import analysis.who.places as p; import analysis.who.resolve as r; from analysis.who import lexicons; "
        "t = time.perf_counter(); lexicons(); p.geonames(); p.folded_names(); p.unaccented_names(); p.locatives(); r.nickname_forms(); "
        "print(time.perf_counter() - t)"
    )
    runs = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout) for _ in range(3)]
    return min(runs)


if __name__ == "__main__":
    main()
