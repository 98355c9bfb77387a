"""Seconds per MB of each extractor on the seed article repeated to 0.1, 1 and 10 MB: linear time shows as a flat column.

    python benchmarks/bench_linear.py [--sizes 0.1,1,10]
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

from analysis.article import parse_article

ROOT = Path(__file__).resolve().parent.parent
EXTRACTORS = ["participants", "organizations", "places", "dates", "events", "themes", "term_frequencies", "readability"]


def article_of(megabytes: float):
    seed = (ROOT / "data" / "articles" / "iscr-2024.txt").read_text(encoding="utf-8")
    title, _, body = seed.partition("\n\n")
    copies = max(1, int(megabytes * 1e6 / len(body.encode())))
    return parse_article(title + "\n\n" + "\n\n".join([body] * copies))


def main(argv: list[str]) -> int:
    import analysis

    sizes = [float(s) for s in (argv[argv.index("--sizes") + 1] if "--sizes" in argv else "0.1,1,10").split(",")]
    print("extractor".ljust(18) + "".join(f"{s:>10g} MB" for s in sizes) + "   (seconds per MB)")
    articles = {s: article_of(s) for s in sizes}
    for name in EXTRACTORS:
        function = getattr(analysis, name)
        cells = []
        for size, article in articles.items():
            mb = len(article.text.encode()) / 1e6
            start = time.perf_counter()
            function(article)
            cells.append((time.perf_counter() - start) / mb)
        print(name.ljust(18) + "".join(f"{c:>13.2f}" for c in cells))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
