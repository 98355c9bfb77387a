from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings

# CI explores the same examples on every run, so that a red build is reproducible; local runs
# keep exploring new ones (and Hypothesis replays any failure it found from .hypothesis/).
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "articles" / "iscr-2024.txt"
DEV = ROOT.parent / "shared" / "corpus" / "dev"


@pytest.fixture(scope="session")
def seed():
    from analysis import load_article

    return load_article(SEED)


@pytest.fixture(scope="session")
def dev_articles():
    """The dev corpus, where this checkout has ../shared beside it."""
    if not DEV.is_dir():
        pytest.skip("../shared/corpus/dev is not beside this checkout")
    from analysis import load_article

    return {path.stem: load_article(path) for path in sorted(DEV.glob("*.txt"))}


def default_ctrl_c() -> None:
    """``preexec_fn`` for a child that a test interrupts: Ctrl-C as a user's terminal delivers it, even when
    the test run itself was started in the background (where SIGINT is ignored and children inherit that)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)


def run_cli(*args, timeout: float = 300, **kwargs) -> subprocess.CompletedProcess:
    """``python -m analysis ARGS`` in a subprocess: the CLI as a user runs it."""
    return subprocess.run([sys.executable, "-m", "analysis", *map(str, args)], capture_output=True, text=True, timeout=timeout, **kwargs)
