"""Directory resolution at scale: time, peak memory and merge quality on 10,000 and 100,000 synthetic articles.

    python benchmarks/bench_directory.py                    # 10,000 and 100,000 articles
    python benchmarks/bench_directory.py --articles 2000    # a quick run

The corpus tables that ``analysis corpus`` streams to Parquet (persons, organizations, articles,
events) are generated directly, as a corpus run of that size would write them: five people and
four organizations per article drawn (Zipf-like, so names recur) from pools of 20,000 people and
300 organizations, each mention written in one of the genre's variants — a rank or honorific
before the name, "bin" and the father's name, the family name first in capitals, an initial, the
surname alone (with the person's organization), a demonym for a country, an acronym. Each size
runs in a fresh process, which reads the tables back and calls what ``analysis corpus`` calls at
the end of a run (:func:`analysis.directory.attach`: resolve, then write ``directory_persons``,
``directory_organizations`` and ``edges``). Reported: seconds, peak RSS of that process and its
growth over the tables' read-back, pairwise merge precision and recall of person mentions against
the generator's truth, and the time as a share of the corpus run it follows (the reference is
measured in the same run: ``analyze_batch`` on 300 synthetic articles, scaled to the size, on 2 workers).
Targets: peak < 1 GB and at most 20 % of the corpus run's time at 100,000 articles.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synthetic  # noqa: E402

HONORIFICS = ("Dr.", "Mr.", "Ms.", "Dato’", "Hj.", "H.E.")
DEMONYMS = {"Indonesia": "Indonesian", "Malaysia": "Malaysian", "Thailand": "Thai", "Japan": "Japanese", "Kenya": "Kenyan", "Germany": "German"}


def _people(n: int, rng: random.Random) -> list[dict]:
    people, seen = [], set()
    while len(people) < n:
        first, middle, last = rng.choice(synthetic.FIRST_NAMES), rng.choice(synthetic.FIRST_NAMES), rng.choice(synthetic.LAST_NAMES)
        if (first, middle, last) in seen or first == middle:
            continue
        seen.add((first, middle, last))
        people.append({"id": len(people), "first": first, "middle": middle, "last": last, "malay": rng.random() < 0.15,
                       "father": rng.choice(synthetic.LAST_NAMES), "org": rng.randrange(300)})
    return people


def _organizations(rng: random.Random) -> list[dict]:
    orgs = []
    for country, demonym in DEMONYMS.items():
        for name, acronym in synthetic.ORGANIZATIONS:
            orgs.append({"name": f"{name} of {country}", "variant": f"{demonym} {name}", "acronym": acronym + country[0]})
    for force in synthetic.FORCES:
        for country in synthetic.COUNTRIES:
            orgs.append({"name": f"{country} {force}".replace("the ", ""), "variant": f"{country} {force}".replace("the ", "The "), "acronym": None})
    rng.shuffle(orgs)
    return orgs[:300]


def _written(person: dict, rng: random.Random) -> str:
    """One way an article writes ``person``'s name."""
    first, middle, last = person["first"], person["middle"], person["last"]
    if person["malay"]:
        forms = [f"{first} {middle} bin {person['father']}", f"{first} {middle} {person['father']}", f"Hj. {first} {middle} bin {person['father']}"]
        return rng.choice(forms)
    forms = [
        f"{first} {middle} {last}",
        f"{first} {middle} {last}",
        f"{rng.choice(HONORIFICS)} {first} {middle} {last}",
        f"{last.upper()} {first} {middle}",
        f"{first[0]}. {middle} {last}",
        f"{first} {middle[0]}. {last}",
    ]
    return rng.choice(forms)


def make_tables(n_articles: int, out: Path, seed: int = 13) -> dict:
    """Write the corpus tables of ``n_articles`` synthetic articles to ``out`` (Parquet + corpus.json);
    return the truth: person mention row → person id."""
    import pandas as pd

    rng = random.Random(seed)
    people = _people(20_000, rng)
    orgs = _organizations(rng)
    import itertools

    cumulative = list(itertools.accumulate(1 / (rank + 1) ** 0.9 for rank in range(len(people))))  # once, not per draw
    person_rows, org_rows, article_rows, event_rows, truth = [], [], [], [], []
    start = 738000  # an ordinal day in 2021
    for index in range(n_articles):
        article_id = f"s{index:06d}"
        day = __import__("datetime").date.fromordinal(start + rng.randrange(1400))
        article_rows.append((article_id, day.isoformat() if rng.random() > 0.03 else None))
        chosen = {p["id"]: p for p in rng.choices(people, cum_weights=cumulative, k=5)}.values()
        for person in chosen:
            org = orgs[person["org"]]
            name = _written(person, rng)
            if rng.random() < 0.04 and not person["malay"]:
                name = person["last"]  # the surname alone, with the person's organization
            org_name = org["name"] if rng.random() < 0.7 else org["variant"]
            person_rows.append((article_id, name, None, rng.choice(synthetic.RANKS), rng.choice(synthetic.POSITIONS), org_name))
            truth.append(person["id"])
            org_rows.append((article_id, org_name, org["acronym"] if rng.random() < 0.5 else None))
        if rng.random() < 0.3:
            event_rows.append((article_id, f"{rng.choice(synthetic.TOPICS)[0].title()} Forum {day.year}", None, day.isoformat()))
    tables = {
        "persons": pd.DataFrame(person_rows, columns=["article_id", "name", "honorific", "title", "role", "organization"]),
        "organizations": pd.DataFrame(org_rows, columns=["article_id", "name", "acronym"]).drop_duplicates(["article_id", "name"]),
        "articles": pd.DataFrame(article_rows, columns=["article_id", "published"]),
        "events": pd.DataFrame(event_rows, columns=["article_id", "name", "acronym", "start"]),
    }
    manifest = {"source": f"{n_articles} synthetic articles", "analysed": n_articles, "errors": 0, "tables": {}}
    for kind, table in tables.items():
        table.to_parquet(out / f"{kind}.parquet", index=False)
        table.to_csv(out / f"{kind}.csv", index=False)
        manifest["tables"][kind] = {"rows": len(table), "parquet": f"{kind}.parquet", "csv": f"{kind}.csv"}
    (out / "corpus.json").write_text(json.dumps(manifest), encoding="utf-8")
    (out / "truth.json").write_text(json.dumps(truth), encoding="utf-8")
    return {"persons": len(person_rows), "organizations": len(tables["organizations"])}


def _child(folder: str) -> None:
    """In a fresh process: read the tables back, attach the directory, print the measurements as JSON."""
    import resource

    import pandas as pd

    from analysis.corpus import read_corpus
    from analysis.directory import attach

    def rss() -> int:
        with open("/proc/self/status", encoding="ascii") as status:
            return next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmRSS:"))

    result = read_corpus(folder)
    import rapidfuzz  # noqa: F401 - imported before the baseline, as in a corpus run that already imported them
    import networkx  # noqa: F401

    before = rss()
    started = time.perf_counter()
    attach(result)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    truth = json.loads((Path(folder) / "truth.json").read_text(encoding="utf-8"))
    persons = pd.read_parquet(Path(folder) / "persons.parquet", columns=["name"])
    directory = pd.read_parquet(Path(folder) / "directory_persons.parquet", columns=["person_id", "name", "variants"])
    cluster_of = {}
    for person_id, name, variants in zip(directory["person_id"], directory["name"], directory["variants"]):
        for form in [name, *(v for v in str(variants or "").split("; ") if v)]:
            cluster_of[form] = person_id
    frame = pd.DataFrame({"true": truth, "predicted": [cluster_of.get(n) for n in persons["name"]]})
    print(json.dumps({"seconds": seconds, "peak": peak, "before": before, **_pairwise(frame),
                      "directory_persons": len(directory), "true_persons": frame["true"].nunique(),
                      "edges": result.files.get("edges", {}).get("rows")}))


def _pairwise(frame) -> dict:
    """Pairwise precision/recall of mention clusters from the contingency counts (no pair enumeration)."""
    def pairs(counts) -> int:
        return int(sum(c * (c - 1) // 2 for c in counts))

    missing = frame["predicted"].isna()
    frame = frame.assign(predicted=frame["predicted"].where(~missing, ["none:" + str(i) for i in frame.index]))
    both = pairs(frame.groupby(["true", "predicted"]).size())
    predicted = pairs(frame.groupby("predicted").size())
    true = pairs(frame.groupby("true").size())
    return {"precision": both / predicted if predicted else 1.0, "recall": both / true if true else 1.0}


def _reference_seconds_per_article(n: int = 300) -> float:
    """In-process seconds per synthetic article of a corpus run's analysis (one core, warm)."""
    from analysis.corpus import analyze_batch, warm_up

    warm_up()
    texts = synthetic.generate(n, seed=5)
    started = time.perf_counter()
    for offset in range(0, n, 32):
        analyze_batch([(f"r{i}", text) for i, text in enumerate(texts[offset : offset + 32], start=offset)])
    return (time.perf_counter() - started) / n


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, nargs="*", default=[10_000, 100_000])
    parser.add_argument("--workers", type=int, default=2, help="workers of the corpus run the time is compared with")
    args = parser.parse_args(argv)
    per_article = _reference_seconds_per_article()
    print(f"reference: the corpus analysis takes {per_article * 1000:.1f} ms per synthetic article on one core")
    for n in args.articles:
        with tempfile.TemporaryDirectory(prefix="bench-directory-") as tmp:
            sizes = make_tables(n, Path(tmp))
            run = subprocess.run([sys.executable, __file__, "--child", tmp], capture_output=True, text=True, env={**os.environ})
            if run.returncode != 0:
                print(run.stderr, file=sys.stderr)
                return 1
            m = json.loads(run.stdout.strip().splitlines()[-1])
        corpus_seconds = per_article * n / args.workers
        print(
            f"{n:>7,} articles ({sizes['persons']:,} person mentions, {m['true_persons']:,} people): "
            f"{m['seconds']:.1f} s = {100 * m['seconds'] / corpus_seconds:.1f} % of the corpus run's ~{corpus_seconds:,.0f} s on {args.workers} workers; "
            f"peak RSS {m['peak'] / 2**20:,.0f} MB (+{(m['peak'] - m['before']) / 2**20:,.0f} MB over the read-back); "
            f"{m['directory_persons']:,} directory persons, {m['edges'] or 0:,} edges; "
            f"person merges precision {m['precision']:.4f} recall {m['recall']:.4f}"
        )
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        _child(sys.argv[2])
        sys.exit(0)
    sys.exit(main())
