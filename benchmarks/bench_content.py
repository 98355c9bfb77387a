"""Time themes, key phrases, term tables and readability on the seed article: `python benchmarks/bench_content.py`.

"Warm" means after one call (lexicons, the taxonomy, wordfreq's word list and the CMU
dictionary loaded). textstat caches its counts by text, so a second call on the same text
would be unfairly fast: before each timed run we clear textstat's caches, so every run does
the readability work a new article would need. Word-level caches of our own (normalised
words) and of wordfreq stay warm, as they would across the articles of a corpus.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

from analysis import load_article
from analysis.readability import readability, sentence_readability
from analysis.terms import keyness, keyphrases, kwic, term_frequencies
from analysis.themes import themes

SEED = Path(__file__).resolve().parents[1] / "data" / "articles" / "iscr-2024.txt"


def clear_textstat_caches() -> None:
    """Empty every functools cache in textstat's modules."""
    for name, module in list(sys.modules.items()):
        if not name.startswith("textstat"):
            continue
        for value in vars(module).values():
            if callable(getattr(value, "cache_clear", None)):
                value.cache_clear()


STEPS = {
    "themes": themes,
    "keyphrases": keyphrases,
    "term_frequencies(1,2)": lambda a: (term_frequencies(a), term_frequencies(a, ngram=2)),
    "readability": readability,
    "sentence_readability": sentence_readability,
}
EXTRA = {"keyness": keyness, "kwic('cybercrime')": lambda a: kwic(a, "cybercrime")}


def best_of(function, article, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        clear_textstat_caches()
        start = time.perf_counter()
        function(article)
        times.append(time.perf_counter() - start)
    return min(times)


def main(repeat: int = 30) -> None:
    article = load_article(SEED)
    for function in (*STEPS.values(), *EXTRA.values()):
        function(article)  # warm up: lexicons, taxonomy, wordfreq, CMU dictionary
    total = 0.0
    for name, function in STEPS.items():
        seconds = best_of(function, article, repeat)
        total += seconds
        print(f"{name:24s} {seconds * 1000:7.2f} ms (best of {repeat}, textstat caches cleared)")
    together = best_of(lambda a: [f(a) for f in STEPS.values()], article, repeat)
    print(f"{'together':24s} {together * 1000:7.2f} ms (target < 50 ms; sum of parts {total * 1000:.2f} ms)")
    for name, function in EXTRA.items():
        print(f"{name:24s} {best_of(function, article, repeat) * 1000:7.2f} ms (not in the target)")


if __name__ == "__main__":
    main()
