from __future__ import annotations

import re

import pytest

from analysis.report import build

from .conftest import SEED

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory):
    out = tmp_path_factory.mktemp("reports")
    return build(SEED, out_dir=out)


def test_report_is_written_where_promised(seed_report):
    assert seed_report.name == "iscr-2024.html"


def test_report_holds_title_table_and_embedded_image(seed_report):
    html = seed_report.read_text(encoding="utf-8")
    assert "International Symposium on Cybercrime Response" in html
    assert "<table" in html
    assert re.search(r'<img[^>]+src="data:image/png;base64,', html)
