from __future__ import annotations

import json

import pytest

from analysis.cli import main

from .conftest import SEED


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
    import subprocess
    import sys

    ok = subprocess.run([sys.executable, "-m", "analysis", "extract", str(SEED)], capture_output=True, text=True, check=False)
    assert ok.returncode == 0 and json.loads(ok.stdout)["title"]
    missing = subprocess.run([sys.executable, "-m", "analysis", "extract", str(tmp_path / "nope.txt")], capture_output=True, text=True, check=False)
    assert missing.returncode == 1 and missing.stderr.strip().endswith("no such file")
