#!/usr/bin/env python3
"""Score ``analysis extract`` on every annotated set and print one table of set × metric.

    python tools/eval_sets.py [SET_DIR ...] [--json] [--save-first-run]

With no SET_DIR it scores ``../shared/corpus/dev``, ``../shared/corpus/dev2`` and every folder of
``data/eval/`` that holds ``*.gold.json`` files. Each article goes through the same code as
``analysis extract NAME.txt --format json`` and is scored by ``../shared/eval/score.py``.

``--save-first-run`` writes ``first_run.json`` into each set of ``data/eval/`` that has none yet:
the honest, held-out figure of a set is its score before any change made for it.
"""
from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
METRICS = [
    ("persons_strict", "f1", "person F1 strict"),
    ("persons_lenient", "f1", "person F1 lenient"),
    ("titles", "accuracy", "titles"),
    ("person_orgs", "accuracy", "person → organization"),
    ("organizations", "f1", "organization F1"),
    ("places", "f1", "place F1"),
    ("dates", "f1", "date F1"),
    ("theme_hit1", "accuracy", "theme hit@1"),
    ("theme_rprec", "accuracy", "theme R-precision"),
    ("published", "accuracy", "published"),
]


def _scorer():
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def default_sets() -> list[Path]:
    sets = [SHARED / "corpus" / "dev", SHARED / "corpus" / "dev2"]
    found = [p for p in (ROOT / "data" / "eval").glob("*") if p.is_dir() and any(p.glob("*.gold.json"))]
    sets += sorted(found, key=lambda p: [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", p.name)])  # fresh2 before fresh10
    return [s for s in sets if s.is_dir()]


def predict(path: Path) -> dict:
    from analysis.article import load_article
    from analysis.extract import extract

    return json.loads(json.dumps(extract(load_article(path)), ensure_ascii=False))


def score_set(folder: Path, scorer) -> dict:
    """``{"summary": {metric: {...}}, "articles": n}`` for one annotated folder."""
    totals: dict[str, list[int]] = {}
    golds = sorted(folder.glob("*.gold.json"))
    for gold_file in golds:
        name = gold_file.name[: -len(".gold.json")]
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        try:
            pred = predict(folder / f"{name}.txt")
        except Exception as exc:  # a failing article scores as empty, as in score.py
            print(f"{folder.name}/{name}: {exc}", file=sys.stderr)
            pred = {}
        for key, value in scorer.score_article(pred, gold).items():
            acc = totals.setdefault(key, [0] * len(value))
            for i, v in enumerate(value):
                acc[i] += v
    summary = {}
    for key, value in totals.items():
        if len(value) == 3:
            p, r, f = scorer.prf(*value)
            summary[key] = {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), "counts": value}
        else:
            summary[key] = {"accuracy": round(value[0] / value[1], 3) if value[1] else None, "n": value[1]}
    return {"articles": len(golds), "summary": summary}


def _commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def table(results: dict[str, dict]) -> str:
    names = list(results)
    head = "| metric | " + " | ".join(f"{n} ({results[n]['articles']})" for n in names) + " |"
    lines = [head, "|---" * (len(names) + 1) + "|"]
    for key, field, label in METRICS:
        cells = []
        for n in names:
            value = results[n]["summary"].get(key, {}).get(field)
            cells.append("–" if value is None else f"{value:.3f}")
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    flags = {a for a in argv if a.startswith("--")}
    sets = [Path(a) for a in argv if not a.startswith("--")] or default_sets()
    scorer = _scorer()
    results = {s.name: score_set(s, scorer) for s in sets}
    if "--save-first-run" in flags:
        for s in sets:
            target = s / "first_run.json"
            if s.resolve().is_relative_to(ROOT / "data" / "eval") and not target.exists():
                target.write_text(json.dumps({"commit": _commit(), **results[s.name]}, indent=1) + "\n", encoding="utf-8")
                print(f"first run of {s.name} saved to {target}", file=sys.stderr)
    print(json.dumps(results, indent=1) if "--json" in flags else table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
