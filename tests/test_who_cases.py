"""The pattern cases of ``tests/cases/who.tsv``: each sentence read alone, as the one body sentence of an article."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from analysis.article import parse_article
from analysis.participants import participants

CASES = Path(__file__).parent / "cases" / "who.tsv"


def _cases() -> list[dict]:
    lines = [line for line in CASES.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.mark.parametrize("case", _cases(), ids=lambda c: f"{c['organization_rule'] or 'name'}: {c['text'][:40]}")
def test_case(case: dict) -> None:
    people = participants(parse_article(f"Title\n\n{case['text']}"))
    rows = people[people["name"] == case["name"]]
    assert len(rows) == 1, f"{case['name']!r} not read; got {people['name'].tolist()}"
    row = rows.iloc[0]
    for column in ("title", "role", "organization", "organization_rule"):
        if case[column]:
            assert row[column] == case[column], f"{column}: {row[column]!r} != {case[column]!r}"


def test_every_rule_of_ties_has_a_case() -> None:
    from analysis.lexicons import load_table

    covered = {c["organization_rule"] for c in _cases()}
    sentence_rules = {"title_of", "organization_before", "of_organization", "apposition", "role_before", "led_by", "demonym", "of_country", "sentence_country", "delegation_members"}
    assert sentence_rules <= covered
    assert sentence_rules <= {row["rule"] for row in load_table("ties")}
