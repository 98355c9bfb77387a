"""Corpora: sources, per-article tables, both engines, error accounting, streaming to Parquet, the CLI."""
from __future__ import annotations

import csv
import io
import json
import sys
import threading
import time

import pandas as pd
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from analysis import AnalysisError, ArticleError, load_article
from analysis import corpus, corpus_dask, corpus_engines
from analysis.cli import main
from analysis.corpus import (
    ENGINES,
    KINDS,
    TableWriter,
    analyze_article_tables,
    analyze_batch,
    analyze_corpus,
    get_engine,
    iter_sources,
    read_corpus,
    run,
)

from .conftest import DEV, ROOT, default_ctrl_c, run_cli

sys.path.insert(0, str(ROOT / "benchmarks"))
import synthetic  # noqa: E402  (benchmarks/ is not a package)

ARTICLE = (
    "Police chiefs agree to share data on cybercrime\n"
    "by Jane Doe | 20 September 2024\n"
    "The heads of ten national police forces met in Manila on 18 September 2024. "
    "Police General Maria Santos of the Philippine National Police (PNP) opened the meeting.\n"
    "The delegates agreed to train 200 officers in digital forensics before March 2025.\n"
)


def _dev_paths():
    if not DEV.is_dir():
        pytest.skip("../shared/corpus/dev is not beside this checkout")
    return sorted(DEV.glob("*.txt"))


@pytest.fixture
def mixed_folder(tmp_path):
    """Three good articles and four bad ones."""
    folder = tmp_path / "mixed"
    folder.mkdir()
    for i, text in enumerate(synthetic.generate(3, seed=11), start=1):
        (folder / f"good{i}.txt").write_text(text, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "photo.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "dots.md").write_text("... !!! ---", encoding="utf-8")
    (folder / "nul.txt").write_bytes(b"abc\x00def" * 50)
    (folder / "notes.json").write_text("{}", encoding="utf-8")  # not an article suffix: not read
    return folder


# --- sources ------------------------------------------------------------------------


def test_folder_is_read_sorted_and_only_article_files(mixed_folder):
    ids = [article_id for article_id, _ in iter_sources(mixed_folder)]
    assert ids == ["dots", "empty", "good1", "good2", "good3", "nul", "photo"]


def test_dev_folder_skips_gold_files(dev_articles):
    pairs = list(iter_sources(DEV))
    assert [article_id for article_id, _ in pairs] == sorted(dev_articles)


def test_glob_and_list_with_duplicate_names(tmp_path, mixed_folder):
    other = tmp_path / "other"
    other.mkdir()
    (other / "good1.txt").write_text(ARTICLE, encoding="utf-8")
    assert [i for i, _ in iter_sources(str(mixed_folder / "good*.txt"))] == ["good1", "good2", "good3"]
    listed = [mixed_folder / "good1.txt", other / "good1.txt", ARTICLE]
    assert [i for i, _ in iter_sources(listed)] == ["good1", "good1-2", "text-3"]


def test_jsonl_rows_with_ids_metadata_and_bad_lines(tmp_path):
    path = tmp_path / "news.jsonl"
    rows = [
        json.dumps({"id": "n1", "title": "Chiefs meet", "text": "The chiefs met in Hanoi. They agreed.", "date": "2024-05-01", "url": "https://x.org/n1"}),
        "",
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"text": "Officers from Kenya trained in Nairobi. It went well."}),
        json.dumps({"id": "n5", "title": "No text"}),
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    pairs = list(iter_sources(path))
    assert [i for i, _ in pairs] == ["n1", "news-3", "news-4", "news-5", "n5"]
    assert isinstance(pairs[1][1], ArticleError) and "news.jsonl:3: not valid JSON" in str(pairs[1][1])
    first = corpus.load_item("n1", pairs[0][1])
    assert (first.title, str(first.published), first.url, first.source) == ("Chiefs meet", "2024-05-01", "https://x.org/n1", f"{path}:1")
    result = analyze_corpus(path, workers=1)
    assert list(result.articles["article_id"]) == ["n1", "news-5"]
    assert set(result.errors["article_id"]) == {"news-3", "news-4", "n5"}
    assert "no text to analyse" in result.errors.set_index("article_id").loc["n5", "error"]


def test_csv_with_text_title_and_date_columns(tmp_path):
    path = tmp_path / "news.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["ID", "Title", "Published", "Text"])
        writer.writerow(["c1", "Chiefs meet", "20/5/2014", ARTICLE.split("\n", 2)[2] + "\n" + "x" * 200000])
        writer.writerow(["", "", "", "Police met in Lima. They agreed on a plan."])
    pairs = list(iter_sources(path))
    assert [i for i, _ in pairs] == ["c1", "news-3"]
    article = corpus.load_item("c1", pairs[0][1])
    assert article.title == "Chiefs meet" and str(article.published) == "2014-05-20"


def test_csv_without_a_text_column_is_an_error(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("title,date\nA,2024-01-01\n", encoding="utf-8")
    with pytest.raises(ArticleError, match="no 'text' column"):
        list(iter_sources(path))


@pytest.mark.parametrize("source, message", [("no/such/folder", "no such file or folder"), ("no/such/*.txt", "no file matches")])
def test_missing_sources(source, message):
    with pytest.raises(ArticleError, match=message):
        list(iter_sources(source))


def test_empty_folder(tmp_path):
    with pytest.raises(ArticleError, match="no .txt"):
        list(iter_sources(tmp_path))


# --- one article ----------------------------------------------------------------------


def test_article_tables_have_every_kind_and_the_article_id(seed):
    tables = analyze_article_tables(seed)
    assert set(tables) == set(KINDS)
    for kind, table in tables.items():
        assert table.columns[0] == "article_id", kind
        assert (table["article_id"] == "iscr-2024").all()
    assert len(tables["readability"]) >= 1
    assert tables["terms"]["count"].sum() > 100
    assert "article_id" not in analyze_article_tables(seed)["persons"].columns[1:]


def test_batch_tables_match_the_article_tables(dev_articles):
    paths = _dev_paths()
    batch = analyze_batch([(p.stem, p) for p in paths])
    assert len(batch.articles) == len(paths) and batch.errors.empty
    for kind in KINDS:
        expected = pd.concat([analyze_article_tables(dev_articles[p.stem])[kind] for p in paths], ignore_index=True)
        pd.testing.assert_frame_equal(_plain(batch.tables[kind]), _plain(expected), check_dtype=False)


# --- engines -----------------------------------------------------------------------------


def test_engines_registry_and_argument_errors():
    assert set(ENGINES) == {"local", "dask"}
    with pytest.raises(AnalysisError, match="unknown engine 'spark'"):
        get_engine("spark")
    with pytest.raises(AnalysisError, match="at least 1"):
        get_engine("local", workers=0)
    with pytest.raises(AnalysisError, match="--scheduler is for the dask engine"):
        get_engine("local", scheduler="tcp://127.0.0.1:8786")


@pytest.fixture(scope="module")
def dev_in_process():
    if not DEV.is_dir():
        pytest.skip("no dev corpus")
    return analyze_corpus(DEV, workers=1)


def test_local_engine_in_process_on_the_dev_corpus(dev_in_process):
    result = dev_in_process
    assert result.analysed == len(_dev_paths()) and result.errors.empty
    assert list(result.articles["article_id"]) == [p.stem for p in _dev_paths()]
    assert (result.articles["words"] > 100).all()
    for kind in KINDS:
        assert getattr(result, kind).columns[0] == "article_id"
    assert set(result.persons["article_id"]) <= set(result.articles["article_id"])
    assert len(result.readability) >= result.analysed


def _plain(table: pd.DataFrame) -> pd.DataFrame:
    """Missing values as None whatever the dtype (pandas' str columns use NaN, object columns None)."""
    return table.astype(object).where(table.notna(), None).reset_index(drop=True)


def _assert_same_tables(a, b):
    for kind in (*KINDS, "articles"):
        pd.testing.assert_frame_equal(_plain(a.table(kind)), _plain(b.table(kind)), check_dtype=False)


@pytest.mark.slow
def test_process_pool_gives_the_same_tables(dev_in_process):
    result = analyze_corpus(DEV, workers=2)
    assert result.workers == 2
    _assert_same_tables(result, dev_in_process)


@pytest.mark.slow
def test_dask_local_cluster_of_two_workers_gives_the_same_tables(dev_in_process):
    pytest.importorskip("dask.distributed")
    result = analyze_corpus(DEV, engine="dask", workers=2)
    assert result.engine == "dask" and result.workers == 2
    _assert_same_tables(result, dev_in_process)


@pytest.mark.slow
def test_dask_with_a_scheduler_address():
    distributed = pytest.importorskip("dask.distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None) as cluster:
        texts = synthetic.generate(12, seed=5)
        result = analyze_corpus(texts, engine="dask", scheduler=cluster.scheduler_address, batch_size=3)
    assert result.analysed == 12 and result.errors.empty
    assert result.persons["article_id"].nunique() >= 10


@pytest.mark.slow
def test_synthetic_corpus_on_two_processes():
    texts = synthetic.generate(40, seed=1)
    result = analyze_corpus(texts, workers=2, batch_size=5)
    assert result.analysed == 40 and result.errors.empty
    assert list(result.articles["article_id"]) == [f"text-{i}" for i in range(1, 41)]
    assert result.persons.groupby("article_id").size().min() >= 1
    assert result.dates.groupby("article_id").size().min() >= 1


# --- errors ------------------------------------------------------------------------------------


@pytest.mark.parametrize("workers", [1, pytest.param(2, marks=pytest.mark.slow)])
def test_bad_articles_are_recorded_and_never_abort(mixed_folder, workers):
    result = analyze_corpus(mixed_folder, workers=workers)
    sources = list(iter_sources(mixed_folder))
    assert result.analysed + len(result.errors) == len(sources) == 7
    assert sorted(result.articles["article_id"]) == ["good1", "good2", "good3"]
    errors = result.errors.set_index("article_id")["error"]
    assert "empty" in errors["empty"] and "PNG" in errors["photo"] and "no words" in errors["dots"] and "binary" in errors["nul"]
    assert all("\n" not in message for message in errors)
    assert list(result.errors.columns) == ["article_id", "source", "error"]
    assert result.errors.set_index("article_id").loc["photo", "source"].endswith("photo.html")


def test_a_missing_file_in_a_list_is_an_error_row(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    result = analyze_corpus([good, tmp_path / "gone.txt", "Police met in Lima.\nThey agreed on a plan."], workers=1)
    assert list(result.articles["article_id"]) == ["good", "text-3"]
    assert result.errors.to_dict("records") == [{"article_id": "gone", "source": str(tmp_path / "gone.txt"), "error": f"{tmp_path / 'gone.txt'}: no such file"}]


def test_a_one_line_string_in_a_list_is_a_name_not_a_text(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "README").write_text(ARTICLE, encoding="utf-8")
    result = analyze_corpus(["README", "Police met in Lima.", {"text": "Police met in Lima. They agreed."}], workers=1)
    assert list(result.articles["article_id"]) == ["README", "text-3"]
    assert result.articles.set_index("article_id").loc["README", "title"] == ARTICLE.splitlines()[0]
    assert list(result.errors["error"]) == ["Police met in Lima.: no such file"]


def test_an_extractor_bug_is_an_error_row_too(monkeypatch):
    def broken(article):
        raise KeyError("boom")

    monkeypatch.setitem(corpus.KINDS, "persons", ("corpus", "_test_broken"))
    monkeypatch.setattr(corpus, "_test_broken", broken, raising=False)
    result = analyze_corpus([ARTICLE, ARTICLE.replace("Manila", "Cebu")], workers=1)
    assert result.analysed == 0 and len(result.errors) == 2
    assert result.errors["error"].str.startswith("unexpected KeyError").all()


# --- streaming ------------------------------------------------------------------------------------


def test_streaming_to_parquet_and_csv(tmp_path, dev_in_process):
    out = tmp_path / "out"
    result = analyze_corpus(DEV, workers=1, out_dir=out, batch_size=2)
    assert result.tables == {}  # streamed, not held in memory
    for kind in (*KINDS, "articles", "errors"):
        parquet, text = pd.read_parquet(out / f"{kind}.parquet"), pd.read_csv(out / f"{kind}.csv")
        assert len(parquet) == len(text) == result.files[kind]["rows"]
        assert list(parquet.columns) == list(text.columns)
        if kind != "errors":
            assert len(parquet) == len(dev_in_process.table(kind)), kind
            assert list(parquet.columns) == list(dev_in_process.table(kind).columns)
    assert not list(out.glob(".*part"))
    manifest = json.loads((out / "corpus.json").read_text())
    assert manifest["analysed"] == result.analysed and manifest["tables"]["persons"]["parquet"] == "persons.parquet"
    again = read_corpus(out)
    pd.testing.assert_frame_equal(again.persons, pd.read_parquet(out / "persons.parquet"))
    assert again.analysed == result.analysed


def test_writer_copes_with_types_that_change_between_batches(tmp_path):
    writer = TableWriter(tmp_path, buffer_rows=1)
    writer.write("t", pd.DataFrame({"article_id": ["a"], "n": [1], "x": [None], "terms": [["cyber", "crime"]]}))
    writer.write("t", pd.DataFrame({"article_id": ["b"], "n": [2.0], "x": [3], "terms": [[]]}))
    writer.write("t", pd.DataFrame({"article_id": ["c"], "n": [None], "x": ["text"], "terms": [None]}))
    writer.close()
    table = pd.read_parquet(tmp_path / "t.parquet")
    assert list(table["article_id"]) == ["a", "b", "c"]
    assert list(table["n"].fillna(-1)) == [1, 2, -1]
    assert table["x"].isna()[0] and list(table["x"][1:]) == ["3", "text"]
    assert json.loads(table["terms"][0]) == ["cyber", "crime"]
    assert pd.read_csv(tmp_path / "t.csv")["x"].tolist()[1:] == ["3", "text"]


def test_a_failed_run_leaves_no_partial_files(tmp_path, monkeypatch):
    def interrupted(self, batches):
        yield analyze_batch(next(iter(batches)))
        raise KeyboardInterrupt

    monkeypatch.setattr(corpus.LocalEngine, "map", interrupted)
    with pytest.raises(KeyboardInterrupt):
        analyze_corpus(synthetic.generate(6, seed=2), workers=1, out_dir=tmp_path, batch_size=2)
    assert list(tmp_path.iterdir()) == []


# --- run() and the CLI ------------------------------------------------------------------------------


def test_run_summary_and_report_failures_are_recorded(tmp_path, monkeypatch):
    from analysis import report

    calls = []

    def fake_build_corpus(source, *, out_dir, with_code=False):
        calls.append((source, out_dir))
        target = tmp_path / "out" / "corpus_report.html"
        target.write_text("<html></html>")
        return target

    monkeypatch.setattr(report, "build_corpus", fake_build_corpus, raising=False)
    summary = run(synthetic.generate(4, seed=3), out_dir=tmp_path / "out", workers=1, progress=False)
    assert summary.analysed == 4 and summary.errors == 0
    assert calls and summary.report.name == "corpus_report.html"
    text = str(summary)
    assert "4 of 4 analysed" in text and str(tmp_path / "out") in text and "corpus_report.html" in text

    def failing(source, *, out_dir, with_code=False):
        raise AnalysisError("corpus_report.ipynb: a cell failed: NameError")

    monkeypatch.setattr(report, "build_corpus", failing, raising=False)
    summary = run(synthetic.generate(2, seed=3), out_dir=tmp_path / "out2", workers=1, progress=False)
    assert summary.analysed == 2 and summary.report is None
    assert "not built (corpus_report.ipynb: a cell failed" in str(summary)


def test_cli_corpus_writes_the_tables(tmp_path, capsys):
    _dev_paths()
    out = tmp_path / "c"
    assert main(["corpus", str(DEV), "--out", str(out), "--workers", "1", "--quiet", "--no-report"]) == 0
    captured = capsys.readouterr()
    assert f"{len(_dev_paths())} of {len(_dev_paths())} analysed" in captured.out
    assert (out / "persons.parquet").is_file() and (out / "errors.csv").is_file()
    assert "Traceback" not in captured.err


def test_cli_corpus_with_only_bad_articles_exits_1(tmp_path, capsys):
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "a.txt").write_bytes(b"")
    (folder / "b.txt").write_bytes(b"\x00\x01" * 100)
    assert main(["corpus", str(folder), "--out", str(tmp_path / "out"), "--workers", "1", "--quiet"]) == 1
    captured = capsys.readouterr()
    assert "0 of 2 analysed, 2 errors" in captured.out and "Traceback" not in captured.err
    assert len(pd.read_csv(tmp_path / "out" / "errors.csv")) == 2


@pytest.mark.parametrize("source", ["no/such/folder", "no/such/*.txt"])
def test_cli_corpus_bad_source_is_one_line(tmp_path, capsys, source):
    assert main(["corpus", source, "--out", str(tmp_path / "out"), "--quiet"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("analysis: error: ")


# --- properties --------------------------------------------------------------------------------------


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(st.text(max_size=400) | st.binary(max_size=400), min_size=1, max_size=4))
def test_random_inputs_are_analysed_or_recorded(items):
    batch = analyze_batch([(f"r{i}", item) for i, item in enumerate(items)])
    assert batch.size == len(items)
    assert not batch.errors["error"].str.startswith("unexpected").any(), batch.errors["error"].tolist()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=1, max_size=600))
def test_public_table_functions_raise_only_article_errors(text):
    try:
        article = load_article(text)
    except ArticleError:
        return
    tables = analyze_article_tables(article)
    for table in tables.values():
        assert isinstance(table, pd.DataFrame)


def test_progress_bar_goes_to_stderr(capsys, tmp_path):
    run(synthetic.generate(3, seed=4), out_dir=tmp_path, workers=1, progress=True, report=False)
    captured = capsys.readouterr()
    assert "analysing (local)" in captured.err and "3/3" in captured.err
    assert captured.out == ""


@pytest.mark.slow
def test_workers_do_not_outlive_a_killed_run(tmp_path):
    import os
    import signal
    import subprocess
    import time

    psutil = pytest.importorskip("psutil")
    script = tmp_path / "run.py"
    script.write_text(
        "import sys\n"
        f"sys.path.insert(0, {str(ROOT / 'benchmarks')!r})\n"
        "import synthetic\n"
        "from analysis.corpus import analyze_corpus\n"
        "if __name__ == '__main__':\n"
        "    analyze_corpus(synthetic.generate(3000), workers=2)\n"
    )
    parent = subprocess.Popen([sys.executable, str(script)])
    try:
        deadline = time.monotonic() + 60
        workers = []
        while time.monotonic() < deadline and len(workers) < 2:
            time.sleep(0.5)
            workers = [p for p in psutil.Process(parent.pid).children(recursive=True) if "forkserver" in " ".join(p.cmdline()) and p.ppid() != parent.pid]
        assert len(workers) >= 2
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait()
        _, alive = psutil.wait_procs(workers, timeout=15)
        assert not alive, [p.pid for p in alive]
    finally:
        if parent.poll() is None:
            parent.kill()


@pytest.mark.slow
def test_local_engine_opens_no_network_socket(tmp_path):
    import os
    import subprocess

    _dev_paths()  # skips without the dev corpus

    from .test_offline import GUARD

    (tmp_path / "guard").mkdir()
    (tmp_path / "guard" / "sitecustomize.py").write_text(GUARD)
    log = tmp_path / "connections.log"
    env = dict(os.environ, PYTHONPATH=str(tmp_path / "guard"), NETWORK_GUARD_LOG=str(log))
    code = (
        "from analysis.corpus import analyze_corpus\n"
        "if __name__ == '__main__':\n"
        f"    r = analyze_corpus({str(DEV)!r}, workers=2, out_dir={str(tmp_path / 'out')!r})\n"
        "    assert r.analysed and r.errors.empty, r.errors\n"
    )
    script = tmp_path / "run.py"
    script.write_text(code)
    result = subprocess.run([sys.executable, str(script)], env=env, capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert not log.exists(), log.read_text()


@pytest.mark.slow
def test_dask_local_cluster_listens_on_loopback_only():
    pytest.importorskip("dask.distributed")
    with get_engine("dask", workers=2) as engine:
        info = engine._client.scheduler_info()
        addresses = [info["address"], *info["workers"]]
        assert len(info["workers"]) == 2
        assert all(address.startswith("tcp://127.0.0.1:") for address in addresses), addresses
        batch = next(engine.map([[("a", ARTICLE)]]))
    assert len(batch.articles) == 1


def test_columns_come_from_the_first_batch_with_rows(tmp_path):
    writer = TableWriter(tmp_path)
    writer.write("persons", pd.DataFrame(columns=["article_id"]))  # a batch where every article failed
    writer.write("persons", pd.DataFrame({"article_id": ["a"], "name": ["Maria Santos"]}))
    writer.close()
    assert pd.read_csv(tmp_path / "persons.csv").to_dict("records") == [{"article_id": "a", "name": "Maria Santos"}]
    assert list(pd.read_parquet(tmp_path / "persons.parquet").columns) == ["article_id", "name"]


# --- hardening (issue 14) --------------------------------------------------------------------------


def _snapshot(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_a_second_run_into_the_same_folder_is_refused_while_one_writes(tmp_path):
    import subprocess

    out = tmp_path / "out"
    holder = subprocess.Popen(
        [sys.executable, "-c", f"import sys, time; from analysis.corpus import OutputLock\nwith OutputLock({str(out)!r}):\n    print('locked', flush=True); time.sleep(60)"],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(AnalysisError, match="another `analysis corpus` run is writing to this folder"):
            analyze_corpus(synthetic.generate(2, seed=5), workers=1, out_dir=out)
    finally:
        holder.kill()
        holder.wait(10)
    result = analyze_corpus(synthetic.generate(2, seed=5), workers=1, out_dir=out)  # the lock died with its holder
    assert result.analysed == 2 and not list(out.glob(".analysis-staging-*"))


@pytest.mark.slow
def test_two_cli_runs_into_one_folder_never_mix_their_tables(tmp_path):
    """Issue 14, item 2: two runs into one --out shared their part files and both 'succeeded' with a mix."""
    import subprocess

    inputs = {}
    for name, seed in (("a", 21), ("b", 22)):
        inputs[name] = tmp_path / name
        inputs[name].mkdir()
        for i, text in enumerate(synthetic.generate(40, seed=seed)):
            (inputs[name] / f"{name}{i:02d}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"

    def start(name):
        return subprocess.Popen([sys.executable, "-m", "analysis", "corpus", str(inputs[name]), "--out", str(out), "--workers", "1",
                                 "--quiet", "--no-report"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    first = start("a")
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and first.poll() is None and not (out.is_dir() and any(out.iterdir())):
        time.sleep(0.02)  # the first run has begun writing
    assert first.poll() is None
    second = start("b")
    results = {name: (run, *run.communicate(timeout=300)) for name, run in (("a", first), ("b", second))}
    codes = {name: run.returncode for name, (run, _, _) in results.items()}
    assert sorted(codes.values()) == [0, 1], results  # one run wins, the other is refused
    winner = "a" if codes["a"] == 0 else "b"
    loser = "b" if winner == "a" else "a"
    assert "another `analysis corpus` run is writing to this folder" in results[loser][2] and results[loser][2].count("\n") == 1
    for kind in ("articles", "persons", "dates"):
        ids = set(pd.read_parquet(out / f"{kind}.parquet")["article_id"])
        assert ids and {i[0] for i in ids} == {winner}, kind  # every table from the one run
    assert len(pd.read_csv(out / "articles.csv")) == 40


def test_a_failure_while_writing_leaves_the_previous_output_untouched(tmp_path, monkeypatch):
    import errno

    out = tmp_path / "out"
    run(synthetic.generate(3, seed=1), out_dir=out, workers=1, progress=False, report=False)
    before = _snapshot(out)
    real = TableWriter._write_parquet

    def disk_full(self, kind, table):
        if kind == "places":
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(self, kind, table)

    monkeypatch.setattr(TableWriter, "_write_parquet", disk_full)
    with pytest.raises(OSError, match="No space left"):
        run(synthetic.generate(5, seed=9), out_dir=out, workers=1, progress=False, report=False)
    assert _snapshot(out) == before  # not some kinds of the new run and others of the old one
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] == []


def test_ids_stay_unique_when_a_name_repeats_a_generated_one(tmp_path):
    paths = []
    for folder in ("a", "b", "c"):
        (tmp_path / folder).mkdir()
    for folder, name in (("a", "dup"), ("b", "dup"), ("c", "dup-2")):
        path = tmp_path / folder / f"{name}.txt"
        path.write_text(ARTICLE, encoding="utf-8")
        paths.append(path)
    ids = [i for i, _ in iter_sources(paths)]
    assert ids == ["dup", "dup-2", "dup-2-2"] and len(set(ids)) == 3


def test_a_csv_record_with_a_stray_quote_is_one_error_row(tmp_path):
    path = tmp_path / "news.csv"
    path.write_text(
        "id,title,text\n"
        'a1,Chiefs meet,"Police met in Hanoi. They agreed, on 3 May 2024, to share data."\n'
        'a2,"Unclosed title,"Police met in Manila. Officers, from ten forces, trained."\n'
        'a3,Fine,"Police met in Jakarta. They signed, then left."\n'
        'a4,Also fine,"Police met in Bangkok.\n\nA second paragraph, with a comma."\n'
        'a5,x,"Unclosed text, police met.\n'
        'a6,Fine,"Police met in Hue. They signed."\n',
        encoding="utf-8",
    )
    pairs = list(iter_sources(path))
    good = [i for i, item in pairs if not isinstance(item, ArticleError)]
    bad = {i: str(item) for i, item in pairs if isinstance(item, ArticleError)}
    assert good == ["a1", "a3", "a4", "a6"]  # the row after each bad one is kept; no fragment became an article
    assert list(bad) == ["news-3", "news-6"]
    assert bad["news-3"].startswith(f"{path}:3: not a valid CSV record: a stray quote")
    result = analyze_corpus(path, workers=1)
    assert result.analysed == 4 and len(result.errors) == 2


def test_csv_outputs_neutralise_formulas_and_parquet_keeps_the_text(tmp_path):
    path = tmp_path / "news.jsonl"
    records = [
        {"id": "=HYPERLINK(\"http://evil\",\"x\")", "title": "@SUM(A1)", "author": "+cmd", "text": "Police met in Hanoi.\n\n-1+1 was the vote. Police agreed."},
        {"id": "ok", "text": "Chiefs met\n\nPolice met in Manila on 3 May 2024. They agreed."},
    ]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    analyze_corpus(path, workers=1, out_dir=out)
    articles_csv = pd.read_csv(out / "articles.csv", keep_default_na=False)
    assert articles_csv["article_id"].tolist() == ["'=HYPERLINK(\"http://evil\",\"x\")", "ok"]
    assert articles_csv["title"].tolist()[0] == "'@SUM(A1)" and articles_csv["author"].tolist()[0] == "'+cmd"
    parquet = pd.read_parquet(out / "articles.parquet")
    assert parquet["article_id"].tolist()[0] == records[0]["id"] and parquet["title"].tolist()[0] == "@SUM(A1)"
    for kind in ("articles", *KINDS):
        with (out / f"{kind}.csv").open(encoding="utf-8", newline="") as handle:
            for row in csv.reader(handle):
                assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row), (kind, row)


def test_cli_extract_csv_neutralises_formulas(tmp_path):
    article = tmp_path / "=cmd.txt"
    article.write_text("=Police meet\n\n@Police met in Hanoi on 3 May 2024. They agreed.\n", encoding="utf-8")
    done = run_cli("extract", article, "--format", "csv", "--out", tmp_path / "o")
    assert done.returncode == 0, done.stderr
    written = list((tmp_path / "o").glob("*.csv"))
    assert written
    for path in written:
        with path.open(encoding="utf-8", newline="") as handle:
            assert not any(cell.startswith(("=", "+", "-", "@")) for row in csv.reader(handle) for cell in row), path.name


def test_reports_in_the_folder_are_outputs_never_inputs(tmp_path):
    template = (ROOT / "src" / "analysis" / "templates" / "analysis" / "index.html.j2").read_text(encoding="utf-8")
    assert corpus.REPORT_MARKER.decode() in template  # the marker every report carries
    for i, text in enumerate(synthetic.generate(2, seed=4)):
        (tmp_path / f"a{i}.txt").write_text(text, encoding="utf-8")
    (tmp_path / "corpus.html").write_text('<!DOCTYPE html><html><head><meta name="generator" content="analysis 0.1.0 with nbconvert"><title>Corpus report</title></head><body><p>Police met in Hanoi. They agreed.</p></body></html>', encoding="utf-8")
    (tmp_path / "page.html").write_text("<html><body><p>Police met in Lima. They agreed on a plan.</p></body></html>", encoding="utf-8")
    for _ in range(2):  # `analysis corpus . --out .`, twice
        result = run(str(tmp_path), out_dir=tmp_path, workers=1, progress=False, report=False)
        assert result.analysed == 3 and sorted(pd.read_parquet(tmp_path / "articles.parquet")["article_id"]) == ["a0", "a1", "page"]


def test_a_lone_surrogate_is_an_error_row_not_a_crash(tmp_path):
    path = tmp_path / "news.jsonl"
    text = "Police met in Hanoi on 3 May 2024.\\n\\nThey agreed."
    path.write_text(
        f'{{"id": "a\\ud800", "text": "{text}"}}\n{{"id": "b", "author": "x\\udc00y", "text": "{text}"}}\n{{"id": "c", "text": "Chiefs met\\n\\n{text}"}}\n',
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = analyze_corpus(path, workers=1, out_dir=out)
    assert result.analysed == 1 and len(result.errors) == 2
    errors = pd.read_csv(out / "errors.csv")
    assert errors["error"].str.contains("lone surrogate").all()
    assert list(pd.read_parquet(out / "articles.parquet")["article_id"]) == ["c"]
    listed = analyze_corpus(["Title\n\nPolice met\ud800 in Hanoi.", "Title\n\nPolice met in Hanoi."], workers=1)
    assert listed.analysed == 1 and "lone surrogate" in listed.errors["error"][0]


def test_folders_count_dangling_links_and_fifos_as_errors(tmp_path):
    import os

    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    os.symlink(tmp_path / "gone.txt", tmp_path / "dangling.txt")
    os.mkfifo(tmp_path / "pipe.md")
    result = analyze_corpus(tmp_path, workers=1)
    errors = result.errors.set_index("article_id")["error"]
    assert result.analysed == 1 and sorted(errors.index) == ["dangling", "pipe"]
    assert "does not exist" in errors["dangling"] and "FIFO" in errors["pipe"]


def test_workers_are_capped_by_cores_and_articles_and_the_summary_says_so(tmp_path, monkeypatch, capsys):
    assert corpus.plan_workers("local", 40, 18, cores=2) == (2, "40 workers requested, 2 used: this machine has 2 cores")
    assert corpus.plan_workers("dask", 8, 3, cores=16)[0] == 3
    assert corpus.plan_workers("local", None, 500, cores=4) == (4, None)
    monkeypatch.setattr(corpus_engines, "available_cores", lambda: 1)
    folder = tmp_path / "in"
    folder.mkdir()
    for i, text in enumerate(synthetic.generate(3, seed=6)):
        (folder / f"a{i}.txt").write_text(text, encoding="utf-8")
    assert main(["corpus", str(folder), "--out", str(tmp_path / "out"), "--workers", "40", "--quiet", "--no-report"]) == 0
    out = capsys.readouterr().out
    assert "workers:   40 workers requested, 1 used: this machine has 1 core" in out and "starting 1 worker" in out


def test_the_cli_caps_workers_and_says_so(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i, text in enumerate(synthetic.generate(3, seed=6)):
        (folder / f"a{i}.txt").write_text(text, encoding="utf-8")
    done = run_cli("corpus", folder, "--out", tmp_path / "out", "--workers", "40", "--quiet", "--no-report")
    assert done.returncode == 0, done.stderr[-2000:]
    used = min(corpus_engines.available_cores(), 3)
    assert f"workers:   40 workers requested, {used} used:" in done.stdout


def test_a_handful_of_articles_runs_in_this_process():
    result = analyze_corpus(synthetic.generate(3, seed=8))
    assert result.workers == 1 and result.analysed == 3 and "in this process" in result.note


@pytest.mark.slow
@pytest.mark.parametrize("engine", ["local", "dask"])
def test_a_script_without_the_main_guard_just_works(tmp_path, engine):
    import subprocess

    script = tmp_path / "script.py"
    script.write_text(
        "import sys\n"
        f"sys.path.insert(0, {str(ROOT / 'benchmarks')!r})\n"
        "import synthetic, analysis\n"
        f"result = analysis.analyze_corpus(synthetic.generate(12, seed=1), engine={engine!r}, workers=2)\n"
        "print('analysed', result.analysed, 'workers', result.workers)\n",
        encoding="utf-8",
    )
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "analysed 12 workers 2"
    assert "Traceback" not in done.stderr and "bootstrapping" not in done.stderr


def _listener(banner: bytes | None):
    import socket

    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(4)
    accepted = []

    def serve():
        for _ in range(4):
            try:
                conn, _ = server.accept()
            except OSError:
                return
            accepted.append(conn)
            if banner:
                conn.sendall(banner)

    threading.Thread(target=serve, daemon=True).start()
    return server, accepted


def test_a_scheduler_address_that_is_not_dask_is_one_clear_error(monkeypatch):
    monkeypatch.setattr(corpus_dask, "SCHEDULER_TIMEOUT", 2.0)
    with pytest.raises(AnalysisError, match="'not a url' is not a Dask scheduler address"):
        get_engine("dask", scheduler="not a url").start()
    server, accepted = _listener(b"SSH-2.0-OpenSSH_9.6\r\n")
    try:
        with pytest.raises(AnalysisError, match="something answers there, but not a Dask scheduler"):
            get_engine("dask", scheduler=f"tcp://127.0.0.1:{server.getsockname()[1]}").start()
    finally:
        server.close()


def test_a_scheduler_that_never_speaks_is_an_error_within_the_timeout(tmp_path):
    import subprocess

    server, accepted = _listener(None)
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    code = (
        "import sys, analysis.corpus_dask as c; c.SCHEDULER_TIMEOUT = 2.0\n"
        "from analysis.cli import main\n"
        f"sys.exit(main(['corpus', {str(tmp_path / 'a.txt')!r}, '--out', {str(tmp_path / 'out')!r}, '--engine', 'dask', "
        f"'--scheduler', 'tcp://127.0.0.1:{server.getsockname()[1]}', '--quiet']))"
    )
    try:
        started = time.monotonic()
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
        elapsed = time.monotonic() - started
    finally:
        server.close()
    assert done.returncode == 1 and accepted
    assert done.stderr.strip().endswith("no Dask scheduler answered within 2 s (is this the scheduler's address and port?)")
    assert done.stderr.count("\n") == 1 and elapsed < 60


@pytest.mark.slow
@pytest.mark.parametrize("moment", ["starting", "running"])
def test_ctrl_c_during_a_dask_run_is_one_line_and_exit_130(tmp_path, moment):
    """Issue 14, item 14: Ctrl-C printed worker tracebacks (88 lines while the cluster started: the fork
    server, still importing, got it too; then 'unexpected error: RuntimeError: Nanny failed to start')."""
    import contextlib
    import os
    import signal
    import socket
    import subprocess

    import psutil

    folder = tmp_path / "in"
    folder.mkdir()
    for i, text in enumerate(synthetic.generate(600, seed=3)):
        (folder / f"a{i}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    dashboard = socket.socket()  # Dask's default dashboard port, taken (as by another cluster): no warning either
    with contextlib.suppress(OSError):
        dashboard.bind(("127.0.0.1", 8787))
        dashboard.listen(1)
    process = subprocess.Popen(
        [sys.executable, "-m", "analysis", "corpus", str(folder), "--out", str(out), "--engine", "dask", "--workers", "2", "--no-report", "--quiet"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True, preexec_fn=default_ctrl_c,
    )

    def children():
        return psutil.Process(process.pid).children(recursive=True)

    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline and process.poll() is None:
            if moment == "starting" and children():  # the fork server has just started: it is importing
                time.sleep(0.2)
                break
            busy = 0.0  # running: warming up costs the workers ~2 s of CPU each, the 600 articles ~40 s in all
            for child in children():
                with contextlib.suppress(psutil.Error):
                    busy += child.cpu_times().user
            if busy > 8:  # past the warm-up, far from the end, however fast the reader gets
                break
            time.sleep(0.05)
        assert process.poll() is None
        os.killpg(process.pid, signal.SIGINT)  # what a terminal's Ctrl-C does: the whole process group
        stdout, stderr = process.communicate(timeout=120)
    finally:
        dashboard.close()
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    assert process.returncode == 130, stderr[-3000:]
    # one line of ours, no traceback; a loaded machine may add distributed's own log lines about closed comms
    assert stderr.strip().splitlines()[-1] == "analysis: interrupted" and "Traceback" not in stderr, stderr[-3000:]
    assert not out.exists() or not list(out.glob("*.parquet"))


def test_terminal_output_escapes_article_data(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text(json.dumps({"id": "\x1b]0;pwned\x07\x1b[2J", "title": "no text"}) + "\n" + json.dumps({"id": "ok", "text": "Chiefs met\n\nPolice met in Hanoi. They agreed."}) + "\n", encoding="utf-8")
    done = run_cli("corpus", path, "--out", tmp_path / "out", "--workers", "1", "--quiet", "--no-report")
    assert done.returncode == 0, done.stderr[-2000:]
    assert "\x1b" not in done.stdout and "\x07" not in done.stdout
    assert "\\x1b]0;pwned\\x07\\x1b[2J" in done.stdout
    bad = tmp_path / "a\x1b[31mred.txt"
    bad.write_bytes(b"")
    done = run_cli("extract", bad)
    assert done.returncode == 1 and "\x1b" not in done.stderr and "a\\x1b[31mred.txt" in done.stderr


def test_the_bundled_sample_corpus_is_installed_and_analysed_in_process():
    folder = corpus.sample_corpus()
    assert sorted(p.name for p in folder.glob("*.txt")) == ["a01.txt", "a05.txt", "iscr-2024.txt"]
    result = analyze_corpus(folder)
    assert result.analysed == 3 and result.workers == 1 and len(result.errors) == 0
    assert set(result.persons["article_id"]) == {"a01", "a05", "iscr-2024"}


_cell = st.lists(st.sampled_from(list('ab ,"\n\r\'=-') + ["Police", "met"]), max_size=12).map("".join)


@given(st.lists(st.tuples(_cell, _cell), min_size=1, max_size=8), st.integers(min_value=0, max_value=7), st.booleans())
@example(rows=[("", ""), ("\n,a", "")], broken=0, stray=True)  # found in CI: a quote paired with a later record's
@example(rows=[(",\n,a", "")], broken=0, stray=True)  # found in CI: the stray quote made a well-formed record
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_csv_rows_round_trip_and_a_stray_quote_costs_at_most_its_record(tmp_path_factory, rows, broken, stray):
    """Any well-formed CSV reads back record for record; a quote pushed into a one-line record invents none."""
    path = tmp_path_factory.mktemp("csv") / "rows.csv"
    buffer = io.StringIO()
    writer = csv.writer(buffer)  # \r\n ends records, so a lone \r or \n in a field is quoted
    writer.writerow(["id", "title", "text"])
    for number, (title, text) in enumerate(rows):
        writer.writerow([f"r{number}", title, f"Police met. {text}"])
    content = buffer.getvalue()
    if stray and broken < len(rows):
        lines = content.split("\n")
        start = next(i for i, line in enumerate(lines) if line.startswith(f"r{broken},"))
        lines[start] = lines[start].replace(f"r{broken},", f'r{broken},"', 1)
        content = "\n".join(lines)
    path.write_text(content, encoding="utf-8", newline="")
    pairs = list(iter_sources(path))
    good = {i: item for i, item in pairs if not isinstance(item, ArticleError)}
    expected = {f"r{n}": text for n, (_, text) in enumerate(rows)}
    if not stray or broken >= len(rows):
        assert list(good) == list(expected) and len(pairs) == len(rows)
        assert all(good[i]["text"] == f"Police met. {text}" for i, text in expected.items())
    elif not any(c in cell for row in rows for cell in row for c in "\r\n"):
        assert any(isinstance(item, ArticleError) for _, item in pairs)  # the broken record is an error row
        assert all(good[i]["text"] == f"Police met. {expected[i]}" for i in good if i in expected and i != f"r{broken}")
        assert set(good) <= set(expected)  # a quote in a one-line record invents nothing
    # Among records that span lines a stray quote is ambiguous: it may pair with a later record's quotes and
    # make well-formed CSV of other fields (found by this test in CI), so nothing is promised but no crash.
