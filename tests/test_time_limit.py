"""The per-article time limit (issue 14, item 8): a runaway article is an error row or a one-line error."""
from __future__ import annotations

import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pandas as pd
import pytest

from analysis.errors import ArticleTimeout
from analysis.time_limit import time_limit

from .conftest import ROOT, SEED

sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_linear import article_text  # noqa: E402  (benchmarks/ is not a package)


def _spin(seconds: float) -> int:
    """Pure Python work for about ``seconds`` (what a slow extractor does)."""
    end, n = time.monotonic() + seconds, 0
    while time.monotonic() < end:
        n += 1
    return n


def test_the_limit_stops_work_in_a_worker_thread_too():
    """Dask runs tasks in worker threads, where SIGALRM cannot reach: the limit must work there."""
    def task():
        started = time.monotonic()
        try:
            with time_limit(0.2, what="a01"):
                _spin(30)
        except ArticleTimeout as error:
            return str(error), time.monotonic() - started
        return None, time.monotonic() - started

    with ThreadPoolExecutor(1) as pool:
        message, seconds = pool.submit(task).result(timeout=60)
    assert message == "a01: analysis took longer than 0.2 s (the per-article time limit; raise it with --article-timeout)"
    assert seconds < 5


def test_a_broad_except_in_an_extractor_does_not_swallow_the_limit():
    def extractor():
        try:
            _spin(30)
        except Exception:  # noqa: BLE001 - what careless extractor code does
            return "swallowed"
        return "finished"

    with pytest.raises(ArticleTimeout):
        with time_limit(0.2):
            extractor()


def test_blocks_that_end_in_time_leave_nothing_behind():
    for _ in range(200):
        with time_limit(0.05):
            _spin(0.0002)
    _spin(0.3)  # past every limit: no exception may arrive late
    assert threading.active_count() < 10  # the timers are cancelled, not left running


def _folder_with_a_large_article(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "big.txt").write_text(article_text(4), encoding="utf-8")  # about 20 s of tables (1 MB took 5 s, near the 5 and 10 s limits)
    (folder / "seed.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    return folder


@pytest.mark.parametrize("workers", ["1", "2"])
def test_corpus_turns_a_runaway_article_into_an_error_row(tmp_path, workers):
    folder, out = _folder_with_a_large_article(tmp_path), tmp_path / "out"
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "analysis", "corpus", str(folder), "--out", str(out), "--workers", workers,
         "--article-timeout", "5", "--no-report", "--quiet"],
        capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert time.monotonic() - started < 60
    errors = pd.read_csv(out / "errors.csv")
    assert errors["article_id"].tolist() == ["big"]
    assert errors["error"][0] == f"{folder / 'big.txt'}: analysis took longer than 5 s (the per-article time limit; raise it with --article-timeout)"
    assert pd.read_parquet(out / "articles.parquet")["article_id"].tolist() == ["seed"]
    assert "1 of 2 analysed, 1 error" in done.stdout


def test_the_time_limit_option_is_checked():
    done = subprocess.run([sys.executable, "-m", "analysis", "corpus", str(SEED), "--out", "x", "--article-timeout", "-1"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "--article-timeout: give 0 (no limit) or more seconds, not '-1'" in done.stderr


@pytest.mark.slow
def test_report_of_a_runaway_article_is_a_one_line_error_and_writes_nothing(tmp_path):
    folder, out = _folder_with_a_large_article(tmp_path), tmp_path / "out"
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "analysis", "report", str(folder / "big.txt"), str(folder / "seed.txt"), "--out", str(out),
         "--article-timeout", "10"],
        capture_output=True, text=True, timeout=240,
    )
    assert done.returncode == 1 and time.monotonic() - started < 200
    assert done.stderr == f"analysis: error: {folder / 'big.txt'}: analysis took longer than 10 s (the per-article time limit; raise it with --article-timeout)\n"
    assert sorted(p.name for p in out.iterdir()) == ["seed.html"]  # the next article (its tables take ~1 s) still gets its report
