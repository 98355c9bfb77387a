"""Corpus throughput and memory: articles per second per engine, peak RSS while streaming to Parquet.

    python benchmarks/bench_corpus.py                       # quick: 400 articles (best of 3), stream 2,000
    python benchmarks/bench_corpus.py --articles 2000 --stream 100000

Throughput is measured on warm workers (start-up is printed separately) over seeded synthetic
press releases (benchmarks/synthetic.py). Peak RSS is the largest sum, over the main process
and all its worker processes, sampled every 0.2 s while ``analyze_corpus`` streams a JSON Lines
corpus to Parquet and CSV. Targets on a 2-core machine: >= 100 articles/s with 2 processes,
>= 1.7x speed-up from 1 to 2 processes, < 1 GB peak RSS for 100,000 articles.
"""
from __future__ import annotations

import argparse
import itertools
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synthetic  # noqa: E402


def _tree_memory() -> tuple[int, int, int]:
    """(RSS of this process, RSS summed over it and every descendant, PSS summed likewise), in bytes.

    Summed RSS counts pages the workers share with the fork server once per process; PSS
    splits shared pages between the processes that map them, so it adds up to the RAM used.
    """
    import psutil

    me = psutil.Process()
    info = me.memory_full_info()
    own, rss, pss = info.rss, info.rss, getattr(info, "pss", info.rss)
    for child in me.children(recursive=True):
        try:
            info = child.memory_full_info()
        except psutil.Error:
            continue
        rss += info.rss
        pss += getattr(info, "pss", info.rss)
    return own, rss, pss


class PeakRSS:
    """Samples the process tree's memory in a thread: ``peak_main``, ``peak_total`` (RSS), ``peak_pss``, in bytes."""

    def __init__(self, interval: float = 0.2, log: str | None = None) -> None:
        self.interval, self.peak_total, self.peak_main, self.peak_pss = interval, 0, 0, 0
        self.log = log
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        started = last = time.monotonic()
        while not self._stop.is_set():
            own, total, pss = _tree_memory()
            self.peak_main, self.peak_total, self.peak_pss = max(self.peak_main, own), max(self.peak_total, total), max(self.peak_pss, pss)
            if self.log and time.monotonic() - last >= 30:
                last = time.monotonic()
                with open(self.log, "a") as handle:
                    handle.write(f"{last - started:7.0f} s  now: PSS {pss / 2**20:5.0f} MB, RSS {total / 2**20:5.0f} MB, main {own / 2**20:4.0f} MB  peak PSS {self.peak_pss / 2**20:5.0f} MB\n")
            self._stop.wait(self.interval)

    def __enter__(self) -> PeakRSS:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def _tree_cpu() -> float:
    """CPU seconds used so far by this process and its live descendants."""
    import psutil

    me = psutil.Process()
    total = sum(me.cpu_times()[:2])
    for child in me.children(recursive=True):
        try:
            total += sum(child.cpu_times()[:2])
        except psutil.Error:
            pass
    return total


def throughput(engine: str, workers: int, texts: list[str], batch_size: int, repeat: int = 3) -> dict:
    """Start-up seconds, then the best of ``repeat`` runs on warm workers: articles/s and CPU ms per article.

    The best run is the one least disturbed by other work on the machine.
    """
    from analysis.corpus import get_engine

    items = [(f"s{i}", text) for i, text in enumerate(texts)]
    batches = [items[i : i + batch_size] for i in range(0, len(items), batch_size)]
    started = time.perf_counter()
    runs = []
    with get_engine(engine, workers=workers) as runner:
        startup = time.perf_counter() - started
        for _ in range(repeat):
            ready, cpu = time.perf_counter(), _tree_cpu()
            done = errors = 0
            for batch in runner.map(batches):
                done += len(batch.articles)
                errors += len(batch.errors)
            wall, cpu = time.perf_counter() - ready, _tree_cpu() - cpu
            runs.append({"rate": done / wall, "cpu_ms": 1000 * cpu / done, "busy": cpu / (wall * workers)})
            if errors:
                print(f"  warning: {errors} articles failed", file=sys.stderr)
    best = max(runs, key=lambda r: r["rate"])
    return {"startup": startup, **best, "rates": [r["rate"] for r in runs]}


def per_function(texts: list[str]) -> dict[str, float]:
    """Milliseconds per article spent in each table function (and in reading), in this process."""
    from analysis.corpus import load_item, table_functions, warm_up

    warm_up()
    cost = dict.fromkeys(["read+parse", *table_functions()], 0.0)
    for i, text in enumerate(texts):
        t = time.perf_counter()
        article = load_item(f"p{i}", text)
        cost["read+parse"] += time.perf_counter() - t
        for kind, function in table_functions().items():
            t = time.perf_counter()
            function(article)
            cost[kind] += time.perf_counter() - t
    return {kind: 1000 * seconds / len(texts) for kind, seconds in cost.items()}


def stream(n: int, workers: int, engine: str, folder: Path, *, progress: bool | None = None, log: str | None = None) -> dict:
    """Stream ``n`` synthetic articles from JSON Lines to Parquet; time and peak memory (logged to ``log`` every 30 s)."""
    from analysis.corpus import analyze_corpus

    source = synthetic.write_jsonl(folder / "synthetic.jsonl", n, seed=1)
    progress = sys.stderr.isatty() if progress is None else progress
    with PeakRSS(log=log) as peak:
        started = time.perf_counter()
        result = analyze_corpus(source, engine=engine, workers=workers, out_dir=folder / "out", progress=progress)
        seconds = time.perf_counter() - started
    sizes = {kind: info["rows"] for kind, info in result.files.items()}
    return {
        "analysed": result.analysed, "errors": result.failed, "seconds": seconds, "rows": sizes,
        "peak_total": peak.peak_total, "peak_main": peak.peak_main, "peak_pss": peak.peak_pss,
    }


def stream_in_a_fresh_process(n: int, workers: int) -> dict:
    """:func:`stream` in a new interpreter, so earlier runs in this one do not count."""
    import json
    import subprocess

    with tempfile.TemporaryDirectory(prefix="bench-corpus-") as tmp:
        code = (
            "import json, sys; from pathlib import Path; sys.path.insert(0, %r); import bench_corpus; "
            "print(json.dumps(bench_corpus.stream(%d, %d, 'local', Path(%r))))" % (str(Path(__file__).parent), n, workers, tmp)
        )
        out = subprocess.run([sys.executable, "-c", code], check=True, stdout=subprocess.PIPE, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=400, help="articles per throughput run (default 400)")
    parser.add_argument("--stream", type=int, default=2000, help="articles streamed to Parquet for peak RSS (default 2000; target 100000)")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--repeat", type=int, default=3, help="runs per engine on warm workers; the best counts (default 3)")
    parser.add_argument("--no-dask", action="store_true")
    args = parser.parse_args()

    texts = synthetic.generate(args.articles, seed=0)
    words = sum(len(t.split()) for t in texts) / len(texts)
    print(f"corpus benchmark, {time.strftime('%Y-%m-%d %H:%M %Z')}, {os.cpu_count()} cores, {args.articles} synthetic articles of {words:.0f} words")
    runs = [("local", 1), ("local", 2)] + ([] if args.no_dask else [("dask", 2)])
    rates = {}
    for engine, workers in runs:
        r = throughput(engine, workers, texts, args.batch_size, args.repeat)
        rates[engine, workers] = r["rate"]
        print(
            f"  {engine:5} {workers} worker{'s' if workers > 1 else ' '}: {r['rate']:7.1f} articles/s   "
            f"(best of {', '.join(f'{x:.0f}' for x in r['rates'])}; start-up {r['startup']:.1f} s; "
            f"{r['cpu_ms']:.0f} CPU ms/article; workers busy {100 * min(r['busy'], 1):.0f}%)"
        )
    print(f"  speed-up 1 -> 2 processes: {rates['local', 2] / rates['local', 1]:.2f}x")
    costs = per_function(texts[:100])
    print("  ms per article by step (one process): " + ", ".join(f"{k} {v:.1f}" for k, v in costs.items()) + f"; total {sum(costs.values()):.1f}")
    if args.stream:
        result = stream_in_a_fresh_process(args.stream, 2)
        mb = 2**20
        print(
            f"  streaming {result['analysed']} articles ({result['errors']} errors) to Parquet and CSV with 2 processes: "
            f"{result['seconds']:.0f} s, {result['analysed'] / result['seconds']:.1f} articles/s"
        )
        print(
            f"  peak memory: {result['peak_pss'] / mb:.0f} MB PSS over all processes "
            f"(summed RSS {result['peak_total'] / mb:.0f} MB, counting shared pages once per process; main process RSS {result['peak_main'] / mb:.0f} MB)"
        )
        print("  rows written: " + ", ".join(f"{k} {v}" for k, v in itertools.islice(result["rows"].items(), 9)))


if __name__ == "__main__":
    main()
