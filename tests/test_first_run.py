"""The first five minutes of a new user (issue 14, item 19): README, licence, `make lab`."""
from __future__ import annotations

import re
import shutil
import subprocess
import time

import pytest

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _section(title: str) -> str:
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## )", README, re.S | re.M)
    assert match, f"README has no section {title!r}"
    return match.group(1)


def test_the_readme_says_how_to_reach_the_tools_after_make():
    setup = _section("Set-up and the two commands")
    assert "source .venv/bin/activate" in setup and ".venv/bin/analysis" in setup
    assert "../shared" in setup and "sample_corpus()" in setup  # what it is, what needs it, what to use without it
    assert "analysis --version" in README


def test_the_quick_start_runs_a_corpus_under_the_main_guard():
    code = re.search(r"^## Quick start\n+```python\n(.*?)```", README, re.S | re.M).group(1)
    guard = code.index('if __name__ == "__main__":')
    call = code.index("analyze_corpus(")
    assert guard < call and code[code.rindex("\n", 0, call) + 1 :].startswith("    ")  # indented under the guard


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_make_lab_installs_the_lab_extras_once(tmp_path):
    """`make lab` reinstalled the package (pip, a minute) on every run; now a stamp records it."""
    shutil.copy(ROOT / "Makefile", tmp_path / "Makefile")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    bin_dir = tmp_path / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    (bin_dir / "python").write_text("#!/bin/sh\n")
    (bin_dir / "python").chmod(0o755)
    time.sleep(0.05)
    (tmp_path / ".venv" / ".installed").touch()  # `make install` done, after pyproject.toml changed

    def planned() -> str:
        return subprocess.run(["make", "-n", "lab"], cwd=tmp_path, capture_output=True, text=True, timeout=60, check=True).stdout

    first = planned()
    assert "pip install" in first and "[dev,lab]" in first and "jupyter lab" in first
    stamps = re.findall(r"touch (\S+)", first)
    assert stamps, "the lab install leaves no stamp"
    for stamp in stamps:
        (tmp_path / stamp).touch()
    again = planned()
    assert "pip install" not in again and "jupyter lab" in again
