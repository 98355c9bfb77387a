"""One loader for every lexicon: plain data files shipped in ``analysis/lexicons/``.

Users extend a lexicon without touching code: point ``ANALYSIS_LEXICONS`` at a
folder (or several, separated by ``os.pathsep``) holding files of the same name;
their entries are added after the built-in ones.

>>> "dr" in load_lexicon("abbreviations")
True
"""
from __future__ import annotations

import csv
import functools
import json
import os
from importlib import resources
from pathlib import Path
from typing import Any

LEXICON_ENV = "ANALYSIS_LEXICONS"


def _user_dirs() -> tuple[str, ...]:
    return tuple(p for p in os.environ.get(LEXICON_ENV, "").split(os.pathsep) if p)


def _sources(filename: str) -> list[str]:
    """The built-in file's text, then each user file of the same name."""
    texts = [resources.files(__name__).joinpath(filename).read_text(encoding="utf-8")]
    for folder in _user_dirs():
        path = Path(folder) / filename
        if path.is_file():
            texts.append(path.read_text(encoding="utf-8"))
    return texts


def lexicon_texts(filename: str) -> list[str]:
    """The built-in file's text, then each user file of the same name (for lexicons too large for :func:`load_table`)."""
    return _sources(filename)


def load_lexicon(name: str) -> tuple[str, ...]:
    """Entries of ``NAME.txt``: one per line, ``#`` starts a comment line, order kept, duplicates dropped."""
    return _load_lexicon(name, _user_dirs())


@functools.cache
def _load_lexicon(name: str, _dirs: tuple[str, ...]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for text in _sources(f"{name}.txt"):
        for line in text.splitlines():
            entry = line.strip()
            if entry and not entry.startswith("#"):
                seen.setdefault(entry, None)
    return tuple(seen)


def load_table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of ``NAME.tsv`` (tab-separated, header line first, ``#`` comment lines skipped)."""
    return _load_table(name, _user_dirs())


@functools.cache
def _load_table(name: str, _dirs: tuple[str, ...]) -> tuple[dict[str, str], ...]:
    rows: list[dict[str, str]] = []
    for text in _sources(f"{name}.tsv"):
        lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
        rows.extend(csv.DictReader(lines, delimiter="\t"))
    return tuple(rows)


def load_json(name: str) -> Any:
    """The built-in ``NAME.json`` (user files of the same name replace it)."""
    return json.loads(_sources(f"{name}.json")[-1])
