"""Seconds per MB of participants() on one sentence that lists thousands of names, at three sizes.

    python benchmarks/bench_lists.py [--sizes 0.02,0.1,0.4]

A hostile or machine-made article can be one endless list ("Besides, A B, C D, ... attended"). Every
person of such a sentence used to scan all the others (the nearest organization and country, the list
before the name): 4,000 names took 85 s, 2,000 took 140 s at 486a9c6; names each "of COUNTRY" took 40 s
for 500 at 269a525. A linear reader shows about the same CPU seconds per MB at every size.
"""
from __future__ import annotations

import argparse
import random
import time

from analysis import load_article
from analysis.participants import participants

FIRST = ["Anna", "Peter", "Maria", "John", "Ravi", "Lee", "Omar", "Sara"]
LAST = ["Kowal", "Smith", "Tan", "Rao", "Diallo", "Nguyen", "Perez", "Ito"]


def listing(megabytes: float, seed: int = 1, detail: str = "") -> str:
    """One sentence listing names (each with ``detail`` after it, e.g. " of Kyrgyzstan") up to ``megabytes``."""
    rng = random.Random(seed)
    names, size = [], 0
    while size < megabytes * 1e6:
        names.append(f"{rng.choice(FIRST)} {rng.choice(LAST)}{detail}")
        size += len(names[-1]) + 2
    return "Programme\n\nBesides, " + ", ".join(names) + " and Kim Park attended the programme."


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="0.02,0.1,0.4", help="megabytes, comma-separated")
    sizes = [float(s) for s in parser.parse_args().sizes.split(",")]
    participants(load_article(text=listing(0.001)))  # lexicons and gazetteer load outside the timing
    for detail in ("", " of Kyrgyzstan"):  # names alone, then names each with a country (read as a list of their own)
        for megabytes in sizes:
            article = load_article(text=listing(megabytes, detail=detail))
            start = time.process_time()
            people = participants(article)
            seconds = time.process_time() - start
            print(f"{megabytes:>5} MB{detail:>15}  {len(people):>6} people  {seconds:7.2f} s CPU  {seconds / megabytes:7.1f} s/MB")


if __name__ == "__main__":
    main()
