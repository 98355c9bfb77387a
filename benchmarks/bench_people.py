"""CPU seconds per 1,000 people of participants() on articles naming thousands of different people.

    python benchmarks/bench_people.py [--sizes 1000,4000,16000]

A machine-made or hostile article can name a new person in every sentence ("Colonel Name17 Surname17 met
the press."). Counting each person's later mentions used to search every sentence once per person, and
merging mentions compared each name with every person read before: 2,000 people took 13.9 s and 8,000 took
220 s at 481af12. A linear reader shows about the same seconds per 1,000 people at every size.
"""
from __future__ import annotations

import argparse
import time

from analysis import load_article
from analysis.participants import participants


def article(people: int) -> str:
    return "Roll call\n\n" + " ".join(f"Colonel Name{i} Surname{i} met the press." for i in range(people))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,4000,16000", help="numbers of people, comma-separated")
    sizes = [int(s) for s in parser.parse_args().sizes.split(",")]
    participants(load_article(text=article(2)))  # lexicons and gazetteer load outside the timing
    for count in sizes:
        text = load_article(text=article(count))
        start = time.process_time()
        found = participants(text)
        seconds = time.process_time() - start
        print(f"{count:>6} people written  {len(found):>6} read  {seconds:7.2f} s CPU  {seconds / count * 1000:6.2f} s per 1,000")


if __name__ == "__main__":
    main()
