"""Police officers and police forces: who is one, by the words of their title and name."""
from __future__ import annotations

import functools
import re

from .lexicon import lexicons


@functools.cache
def police_ranks() -> re.Pattern:
    """The ranks and positions of ``police_ranks.txt``, as whole words; words in any case ("POLICE
    Commissioner" in a headline's capitals), abbreviations as written ("SP", not "Sp")."""
    ranks = sorted(lexicons().police_ranks, key=len, reverse=True)
    words = "|".join(f"(?i:{re.escape(r)})" if len(r) > 4 else re.escape(r) for r in ranks)
    return re.compile(r"(?<![\w.])(?:" + words + r")(?!\w)")


def is_police_force(name: str) -> bool:
    """Whether an organization's name is a police force's: "Guyana Police Force", "Delhi Police", not
    "Police Chiefs Committee"."""
    lex, words = lexicons(), name.split()
    return bool(set(words) & lex.police_force_words) and (words[-1] in lex.police_force_words or words[-1] in lex.police_force_ends)


def holds_police_rank(*positions: str | None) -> bool:
    """Whether any of a person's title, role or abbreviated rank is a police rank (``police_ranks.txt``).

    >>> holds_police_rank("Deputy Commissioner", None, None), holds_police_rank("Ambassador", "envoy", None)
    (True, False)
    """
    return bool(police_ranks().search(" ".join(filter(None, positions))))


def holds_police_title_alone(*positions: str | None) -> bool:
    """Whether a person's only position is one that alone makes a police officer in an article about a police
    force ("Commissioner X", "Commander Y"; ``police_titles_alone.txt``).

    >>> holds_police_title_alone("Commissioner", None, None), holds_police_title_alone("High Commissioner", None, None)
    (True, False)
    """
    alone = lexicons().police_titles_alone
    return any(p.strip().casefold() in alone for p in positions if p)


def names_other_commissioners(names) -> bool:
    """Whether any of the bodies ``names`` also has commissioners or commanders: a commission, a union, an
    authority, a navy or an army, customs or prisons (``commissioner_bodies.txt``). Then a bare "Commissioner X"
    may be theirs, not the police force's.

    >>> names_other_commissioners(["Kenya Police Service", "European Union"]), names_other_commissioners(["Kenya Police Service"])
    (True, False)
    """
    words = lexicons().commissioner_bodies
    return any(words & set(name.split()) for name in names)
