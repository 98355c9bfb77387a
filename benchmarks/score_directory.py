"""Score the directory against the hand-made gold of the 19 dev articles: pairwise merge precision and recall.

    python benchmarks/score_directory.py [--gold data/eval/directory/gold.json] [--shared ../shared] [--show]

The gold (``data/eval/directory/gold.json``) holds ``persons`` and ``organizations``, each a list of
clusters ``{"canonical", "mentions": [[article_id, name], ...]}``. The articles of
``shared/corpus/dev`` and ``dev2`` are read and analysed as ``analysis extract`` does, the directory
is built, and each gold mention is mapped to a predicted mention of the same article and kind
by normalised name (then by a close spelling or an acronym). Over every pair of gold mentions:
precision = pairs merged by both / pairs the directory merged, recall = pairs merged by both /
pairs the gold merged. A gold mention with no predicted counterpart is merged with nothing.
Targets: precision ≥ 0.98, recall ≥ 0.90.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "data" / "eval" / "directory" / "gold.json"


def find_shared() -> Path | None:
    for candidate in (ROOT.parent / "shared", ROOT.parents[1] / "shared"):
        if (candidate / "corpus" / "dev").is_dir():
            return candidate
    return None


def _normal(kind: str, name: str) -> str:
    from analysis.names import fold, organization_key, person_name

    return person_name(name).key if kind == "person" else organization_key(name) or fold(name)


def map_mentions(gold_mentions: list[tuple[str, str]], predicted, kind: str) -> dict[tuple[str, str], str | None]:
    """(article_id, gold name) → the predicted entity id of the same article's mention with that name
    (normalised; then the closest spelling ≥ 90, a name containing the other, or an acronym)."""
    from rapidfuzz.fuzz import ratio

    from analysis.names import fold, initialism

    by_article: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for article_id, name, entity in zip(predicted["article_id"], predicted["name"], predicted["entity_id"]):
        by_article[str(article_id)].append((name, entity))
    out: dict[tuple[str, str], str | None] = {}
    for article_id, gold_name in gold_mentions:
        options = by_article.get(article_id, [])
        target = _normal(kind, gold_name)
        found = next((e for n, e in options if _normal(kind, n) == target), None)
        if found is None and options:
            scored = max(options, key=lambda o: ratio(_normal(kind, o[0]), target))
            if ratio(_normal(kind, scored[0]), target) >= 90:
                found = scored[1]
        if found is None:
            folded = fold(gold_name)
            contained = [e for n, e in options if folded in fold(n) or fold(n) in folded and len(fold(n)) > 3]
            if len(set(contained)) == 1:
                found = contained[0]
        if found is None and kind == "organization":
            acronym = [e for n, e in options if fold(n) == initialism(gold_name) or initialism(n) == fold(gold_name)]
            if len(set(acronym)) == 1:
                found = acronym[0]
        out[(article_id, gold_name)] = found
    return out


def pairwise(gold_clusters: list[list[tuple[str, str]]], mapped: dict[tuple[str, str], str | None], *, cross_article_only: bool = False) -> dict:
    """Pairwise merge precision, recall and F1 of the gold mentions' predicted entities."""
    mentions = [(tuple(m), index) for index, cluster in enumerate(gold_clusters) for m in cluster]
    both = gold_pairs = predicted_pairs = 0
    wrong, missed = [], []
    for (a, ca), (b, cb) in combinations(mentions, 2):
        if cross_article_only and a[0] == b[0]:
            continue
        same_gold = ca == cb
        ea, eb = mapped.get(a), mapped.get(b)
        same_predicted = ea is not None and ea == eb
        gold_pairs += same_gold
        predicted_pairs += same_predicted
        both += same_gold and same_predicted
        if same_predicted and not same_gold:
            wrong.append((a, b))
        elif same_gold and not same_predicted:
            missed.append((a, b))
    precision = both / predicted_pairs if predicted_pairs else 1.0
    recall = both / gold_pairs if gold_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "gold_pairs": gold_pairs,
        "predicted_pairs": predicted_pairs,
        "mentions": len(mentions),
        "mapped": sum(mapped.get(m) is not None for m, _ in mentions),
        "wrong": wrong,
        "missed": missed,
    }


def score(gold: dict, found) -> dict[str, dict]:
    """Scores by kind ("person", "organization") of a :class:`analysis.directory.Directory` against ``gold``."""
    out = {}
    for kind, key in (("person", "persons"), ("organization", "organizations")):
        clusters = [[(str(a), str(n)) for a, n in cluster["mentions"]] for cluster in gold.get(key, [])]
        predicted = found.mentions[found.mentions["kind"] == kind]
        mapped = map_mentions([m for c in clusters for m in c], predicted, kind)
        out[kind] = pairwise(clusters, mapped)
        out[kind]["cross_article"] = pairwise(clusters, mapped, cross_article_only=True)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--shared", type=Path, default=None)
    parser.add_argument("--show", action="store_true", help="list the wrong and the missed pairs")
    args = parser.parse_args(argv)
    shared = args.shared or find_shared()
    if shared is None or not args.gold.is_file():
        print(f"skipped: needs ../shared/corpus/dev and dev2 beside the checkout and {args.gold}", file=sys.stderr)
        return 0
    import analysis

    gold = json.loads(args.gold.read_text(encoding="utf-8"))
    paths = sorted([*(shared / "corpus" / "dev").glob("*.txt"), *(shared / "corpus" / "dev2").glob("*.txt")])
    wanted = set(gold.get("articles") or [p.stem for p in paths])
    articles = [analysis.load_article(p) for p in paths if p.stem in wanted]
    found = analysis.directory(articles)
    print(f"directory of {len(articles)} articles: {len(found.persons)} persons, {len(found.organizations)} organizations")
    for kind, result in score(gold, found).items():
        cross = result["cross_article"]
        print(
            f"{kind:13s} precision {result['precision']:.3f}  recall {result['recall']:.3f}  F1 {result['f1']:.3f}  "
            f"(gold pairs {result['gold_pairs']}, predicted pairs {result['predicted_pairs']}, "
            f"mentions mapped {result['mapped']}/{result['mentions']}; across articles only: "
            f"P {cross['precision']:.3f} R {cross['recall']:.3f})"
        )
        if args.show:
            for a, b in result["wrong"]:
                print(f"   wrong merge: {a} + {b}")
            for a, b in result["missed"]:
                print(f"   missed:      {a} + {b}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
