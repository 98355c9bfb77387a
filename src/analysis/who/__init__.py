"""Who: the reader of people, titles, roles and organizations, sentence by sentence.

- :mod:`.lexicon` loads every lexicon once (``analysis/lexicons``: titles, honorifics, cue words, ``ties.tsv``);
- :mod:`.tokens` splits a sentence into tokens with offsets;
- :mod:`.state` holds what the passes know of a sentence, and :func:`.state.tie`, the one way to tie a
  person to an organization (each tie names its rule);
- :mod:`.phrases`, :mod:`.spans` and :mod:`.roles` read titles, names, organizations and positions;
- :mod:`.passes` holds one module per pass, and :mod:`.reader` their order (``PASSES``);
- :mod:`.resolve` turns the mentions of an article into one row per person;
- :mod:`.places` is the gazetteer matcher.
"""
from __future__ import annotations

from .lexicon import Lexicons, lexicons
from .reader import PASSES, read_article, read_sentence
from .state import OrgMention, PersonMention, SentenceState, tie
from .tokens import Token, tokenize

__all__ = ["Lexicons", "OrgMention", "PASSES", "PersonMention", "SentenceState", "Token", "lexicons", "read_article", "read_sentence", "tie", "tokenize"]
