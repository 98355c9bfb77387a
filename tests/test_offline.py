"""Analysing an article and building a report open no network socket."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from .conftest import ROOT, SEED

GUARD = textwrap.dedent(
    """
    import os, socket
    _log = os.environ["NETWORK_GUARD_LOG"]
    def _refuse(self, address, *args, **kwargs):
        if self.family in (socket.AF_INET, socket.AF_INET6):
            with open(_log, "a") as handle:
                handle.write(f"{os.getpid()} {address!r}\\n")
            raise OSError("network access is not allowed in this test")
        return _connect(self, address, *args, **kwargs)
    _connect = socket.socket.connect
    socket.socket.connect = _refuse
    socket.socket.connect_ex = _refuse
    _getaddrinfo = socket.getaddrinfo
    def _no_lookup(host, *args, **kwargs):
        with open(_log, "a") as handle:
            handle.write(f"{os.getpid()} lookup {host!r}\\n")
        raise OSError("name lookups are not allowed in this test")
    socket.getaddrinfo = _no_lookup
    """
)


@pytest.fixture
def guarded_env(tmp_path):
    (tmp_path / "guard").mkdir()
    (tmp_path / "guard" / "sitecustomize.py").write_text(GUARD)
    log = tmp_path / "connections.log"
    env = dict(os.environ, PYTHONPATH=str(tmp_path / "guard"), NETWORK_GUARD_LOG=str(log))
    return env, log


def test_the_guard_catches_a_connection(guarded_env):
    env, log = guarded_env
    code = "import socket; socket.create_connection(('192.0.2.1', 80), timeout=1)"
    assert subprocess.run([sys.executable, "-c", code], env=env, capture_output=True).returncode != 0
    assert log.read_text()


def test_analysis_opens_no_socket(guarded_env):
    env, log = guarded_env
    code = (
        "import analysis; a = analysis.load_article(%r); analysis.extract(a); "
        "analysis.readability(a); analysis.term_frequencies(a)" % str(SEED)
    )
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert not log.exists(), log.read_text()


@pytest.mark.slow
def test_report_opens_no_socket(guarded_env, tmp_path):
    env, log = guarded_env
    cli = [sys.executable, "-m", "analysis.cli", "report", str(SEED), "--out", str(tmp_path / "out")]
    result = subprocess.run(cli, env=env, capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "iscr-2024.html").is_file()
    assert not log.exists(), log.read_text()
