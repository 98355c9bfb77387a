"""CPU seconds per 1,000 people of the extractors that read people, on articles naming thousands of them.

    python benchmarks/bench_people.py [--sizes 1000,4000,16000]

A machine-made or hostile article can name a new person and body in every sentence ("Colonel Name17
Surname17 of the Agency17 Police met the press on 3 May 2024."). At 481af12 four steps compared every
person or name with every other: counting each person's later mentions searched every sentence once per
person (participants: 2,000 people 13.9 s, 8,000 people 220 s), matching shortened bodies and initials
scanned every body (organizations), the timeline searched each date's sentence for every person, and the
themes' name spans were one alternation of every name. A linear extractor shows about the same seconds per
1,000 people at every size. Each extractor runs on a fresh Article (no cached tables).
"""
from __future__ import annotations

import argparse
import time

import analysis
from analysis import load_article

EXTRACTORS = ("participants", "organizations", "timeline", "theme_matches")


def article(people: int) -> str:
    return "Roll call\n\n" + " ".join(f"Colonel Name{i} Surname{i} of the Agency{i} Police met the press on 3 May 2024." for i in range(people))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,4000,16000", help="numbers of people, comma-separated")
    sizes = [int(s) for s in parser.parse_args().sizes.split(",")]
    analysis.participants(load_article(text=article(2)))  # lexicons and gazetteer load outside the timing
    print("extractor       " + "".join(f"{n:>10} people" for n in sizes) + "   (s per 1,000 people)")
    for n, name in enumerate(EXTRACTORS):
        cells = []
        for count in sizes:
            text = load_article(text=article(count) + "\n" * (n + 1))  # an Article of its own: no table cached by another
            start = time.process_time()
            getattr(analysis, name)(text)
            cells.append((time.process_time() - start) / count * 1000)
        print(f"{name:<16}" + "".join(f"{c:>17.2f}" for c in cells))


if __name__ == "__main__":
    main()
