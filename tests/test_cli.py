from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.cli import main

from .conftest import ROOT, SEED, run_cli


def test_missing_file_is_one_line_and_exit_1(capsys):
    assert main(["extract", "no/such/article.txt"]) == 1
    err = capsys.readouterr().err
    assert err.strip() == "analysis: error: no/such/article.txt: no such file"


def test_report_of_missing_file(capsys, tmp_path):
    assert main(["report", "no/such/article.txt", "--out", str(tmp_path)]) == 1
    assert "no such file" in capsys.readouterr().err
    assert not any(tmp_path.iterdir())


def test_usage_error_exits_2(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["extract", "--format", "xml", str(SEED)])
    assert exit_info.value.code == 2


def test_extract_json_contract(capsys):
    assert main(["extract", str(SEED), "--format", "json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["published"] == "2024-08-29"
    assert result["author"] == "muhammad anas"
    assert {"persons", "organizations", "places", "dates", "events", "themes"} <= set(result)


def test_extract_csv_writes_one_file_per_table(tmp_path, capsys):
    assert main(["extract", str(SEED), "--format", "csv", "--out", str(tmp_path)]) == 0
    assert (tmp_path / "iscr-2024.persons.csv").is_file()
    assert (tmp_path / "iscr-2024.dates.csv").is_file()


def test_binary_input_is_an_error_not_a_traceback(tmp_path, capsys):
    blob = tmp_path / "photo.txt"
    blob.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert main(["extract", str(blob)]) == 1
    err = capsys.readouterr().err
    assert "binary" in err and "Traceback" not in err


def test_the_installed_command_and_python_m_exit_with_mains_code(tmp_path):
    ok = subprocess.run([sys.executable, "-m", "analysis", "extract", str(SEED)], capture_output=True, text=True, check=False)
    assert ok.returncode == 0 and json.loads(ok.stdout)["title"]
    missing = subprocess.run([sys.executable, "-m", "analysis", "extract", str(tmp_path / "nope.txt")], capture_output=True, text=True, check=False)
    assert missing.returncode == 1 and missing.stderr.strip().endswith("no such file")


# --- hardening (issue 14) --------------------------------------------------------------------------


def _cli(*args, **kwargs):
    return run_cli(*args, timeout=180, **kwargs)


def test_version_matches_the_package_and_a_license_file_matches_pyproject():
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    done = _cli("--version")
    assert done.returncode == 0 and done.stdout.strip() == f"analysis {project['version']}"
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert project["license"] == "MIT" and licence.startswith("MIT License") and "WITHOUT WARRANTY" in licence


def test_a_closed_pipe_ends_quietly():
    process = subprocess.Popen([sys.executable, "-m", "analysis", "extract", str(SEED)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.close()  # `| head` that has read enough
    _, stderr = process.communicate(timeout=180)
    assert process.returncode == 141 and stderr.decode() == ""


def test_write_errors_are_one_sentence(tmp_path):
    import resource

    def small_files():  # a disk that fills up after 2 kB per file
        resource.setrlimit(resource.RLIMIT_FSIZE, (2048, 2048))

    done = subprocess.run(
        [sys.executable, "-m", "analysis", "extract", str(SEED), "--format", "csv", "--out", str(tmp_path / "o")],
        capture_output=True, text=True, timeout=180, preexec_fn=small_files,
    )
    assert done.returncode == 1 and done.stderr.count("\n") == 1
    assert done.stderr.startswith("analysis: error: ") and "cannot write (File too large)" in done.stderr and "unexpected" not in done.stderr
    a_file = tmp_path / "file"
    a_file.write_text("x")
    for args in (["extract", SEED, "--out", a_file], ["corpus", SEED.parent, "--out", a_file, "--quiet"]):
        done = _cli(*args)
        assert done.returncode == 1 and done.stderr == f"analysis: error: {a_file}: exists and is not a folder; choose another --out\n"


def test_nonsense_command_lines_are_usage_errors(tmp_path):
    done = _cli("corpus", "", "--out", tmp_path / "out", cwd=tmp_path)
    assert done.returncode == 2 and "SOURCE is empty" in done.stderr and not (tmp_path / "out").exists()
    done = _cli("report", "--corpus", SEED.parent, SEED, "--out", tmp_path / "r")
    assert done.returncode == 2 and "not both" in done.stderr and not (tmp_path / "r").exists()


def test_a_missing_source_leaves_no_output_folder(tmp_path):
    done = _cli("corpus", tmp_path / "nope", "--out", tmp_path / "out", "--quiet")
    assert done.returncode == 1 and done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert not (tmp_path / "out").exists()


def test_reports_of_articles_with_one_name_do_not_overwrite_each_other(tmp_path, monkeypatch, capsys):
    from analysis import report

    def fake_build(article, *, out_dir, with_code=False, article_timeout=None):  # the real one takes seconds per kernel
        target = Path(out_dir) / f"{Path(article).stem}.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f"report of {article}")
        return target

    monkeypatch.setattr(report, "build", fake_build)
    articles = []
    for folder in ("a", "b", "c"):
        (tmp_path / folder).mkdir()
        articles.append(tmp_path / folder / "x.txt")
        articles[-1].write_text("Police met.\n", encoding="utf-8")
    out = tmp_path / "d"
    assert main(["report", *map(str, articles), "--out", str(out)]) == 0
    written = {p.name: p.read_text() for p in out.iterdir()}
    assert written == {"x.html": f"report of {articles[0]}", "x-2.html": f"report of {articles[1]}", "x-3.html": f"report of {articles[2]}"}
    assert capsys.readouterr().out.split() == [str(out / name) for name in ("x.html", "x-2.html", "x-3.html")]


@pytest.mark.slow
def test_real_reports_of_two_articles_with_one_name_are_both_kept(tmp_path):
    """The CLI itself, real reports: `analysis report a/x.txt b/x.txt --out d` wrote one x.html before."""
    articles = []
    for folder, city in (("a", "Hanoi"), ("b", "Lima")):
        (tmp_path / folder).mkdir()
        articles.append(tmp_path / folder / "x.txt")
        articles[-1].write_text(f"Police chiefs meet\n\nPolice chiefs met in {city} on 3 May 2024. They agreed to share data.\n", encoding="utf-8")
    out = tmp_path / "d"
    done = subprocess.run([sys.executable, "-m", "analysis", "report", *map(str, articles), "--out", str(out)],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    assert sorted(p.name for p in out.iterdir()) == ["x-2.html", "x.html"]
    assert "Hanoi" in (out / "x.html").read_text(encoding="utf-8") and "Lima" in (out / "x-2.html").read_text(encoding="utf-8")


def test_a_read_only_output_folder_is_one_sentence(tmp_path):
    """Issue 14, item 18: a read-only --out gave 'unexpected error: ...'. Root ignores permission bits, so
    as root the folder is made immutable (chattr +i) instead."""
    import os
    import shutil

    read_only = tmp_path / "ro"
    read_only.mkdir()
    if os.geteuid() != 0:
        read_only.chmod(0o555)
    elif not shutil.which("chattr") or subprocess.run(["chattr", "+i", str(read_only)], capture_output=True).returncode:
        pytest.skip("no way to make a folder read-only for root here")
    try:
        done = _cli("extract", SEED, "--format", "csv", "--out", read_only / "o")
    finally:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(read_only)], capture_output=True)
        read_only.chmod(0o755)
    assert done.returncode == 1 and done.stderr.count("\n") == 1, done.stderr
    assert done.stderr.startswith("analysis: error: ") and "unexpected" not in done.stderr
