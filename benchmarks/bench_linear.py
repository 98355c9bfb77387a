"""Seconds per MB of every extractor on the seed article repeated to 0.1, 1 and 10 MB (issue 14 item 8).

    python benchmarks/bench_linear.py [--sizes 0.1,1,10] [--limit SECONDS]

Linear extractors show about the same seconds per MB at every size. The seconds are the child
process's CPU time, so that other work on a shared machine does not distort the ratios. Each
measurement runs in a child process, and the extractor gets a time limit (default 120 s of wall
time): a super-linear one is reported as over the limit and its larger sizes are skipped, so the
benchmark never runs for hours.
"""
from __future__ import annotations

import argparse
import multiprocessing
import time
from pathlib import Path

SEED = Path(__file__).resolve().parents[1] / "data" / "articles" / "iscr-2024.txt"

#: name -> (module, function, keyword options): every public table function of the registry
#: (analysis.tables), with the options a corpus run passes; "parse" is parse_article itself
#: (paragraphs, sentences, dateline), which every extractor needs.
def _extractors() -> dict[str, tuple[str, str, dict]]:
    from analysis.tables import TABLES

    table = {"parse": ("article", "parse_article", {})}
    for t in TABLES.values():
        if t.public:
            table[t.name] = (t.module, t.name, {"term": "police"} if t.name == "kwic" else {})
    return table


EXTRACTORS = _extractors()


def article_text(megabytes: float) -> str:
    """The seed article's body repeated (title and byline once) to about ``megabytes`` MB of UTF-8."""
    seed = SEED.read_text(encoding="utf-8")
    head, _, body = seed.partition("\n\n")
    target = int(megabytes * 2**20)
    copies = max(1, round((target - len(head.encode())) / (len(body.encode()) + 2)))
    return head + "\n\n" + "\n\n".join([body.strip()] * copies) + "\n"


def _measure(name: str, megabytes: float, queue: multiprocessing.Queue) -> None:
    import importlib

    from analysis import parse_article

    module, function, options = EXTRACTORS[name]
    extractor = getattr(importlib.import_module(f"analysis.{module}"), function)
    seed = SEED.read_text(encoding="utf-8")
    text = article_text(megabytes)
    if name == "parse":  # the subject is the parser itself: the text is its input
        extractor(seed)
        article = text
        parsed = time.process_time()
    else:
        extractor(parse_article(seed), **options)  # lexicons and patterns loaded outside the timing
        started = time.process_time()
        article = parse_article(text)
        parsed = time.process_time()
    queue.put(("parsed", parsed - started if name != "parse" else 0.0))
    extractor(article, **options)
    queue.put(("done", time.process_time() - parsed, len(text.encode()) / 2**20))


def measure(name: str, megabytes: float, limit: float) -> tuple[float, float, float] | None:
    """``(parse seconds, extractor seconds, MB)``, or None when the extractor ran past ``limit`` seconds.

    The limit applies to the extractor alone; set-up and parsing the article get ten times as long.
    """
    import queue as queues

    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=_measure, args=(name, megabytes, queue), daemon=True)
    process.start()
    try:
        _, parse = queue.get(timeout=10 * limit)
        _, seconds, actual = queue.get(timeout=limit)
        return parse, seconds, actual
    except queues.Empty:
        return None
    finally:
        process.terminate()
        process.join()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="0.1,1,10", help="MB, comma-separated (default 0.1,1,10)")
    parser.add_argument("--limit", type=float, default=120.0, help="seconds per measurement (default 120)")
    parser.add_argument("--only", help="comma-separated extractor names")
    args = parser.parse_args()
    sizes = [float(s) for s in args.sizes.split(",")]
    names = args.only.split(",") if args.only else list(EXTRACTORS)
    print(f"{'extractor':20s}" + "".join(f"{f'{s:g} MB s/MB':>16s}" for s in sizes) + "   ratio last/first")
    for name in names:
        cells, rates = [], []
        for megabytes in sizes:
            if cells and cells[-1].strip().startswith(">"):
                cells.append(f"{'skipped':>16s}")
                continue
            result = measure(name, megabytes, args.limit)
            if result is None:
                cells.append(f"{f'>{args.limit:g} s':>16s}")
                continue
            _, seconds, actual = result
            rates.append(seconds / actual)
            cells.append(f"{seconds / actual:16.3f}")
        ratio = f"{rates[-1] / rates[0]:8.1f}" if len(rates) > 1 and rates[0] > 0 else "       –"
        print(f"{name:20s}" + "".join(cells) + f"   {ratio}", flush=True)


if __name__ == "__main__":
    main()
