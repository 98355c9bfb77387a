"""The one registry of the package's table functions: name, module, columns, JSON key, corpus kind.

Everything that lists tables derives from :data:`TABLES`: the lazy exports of ``analysis``, the
``extract`` JSON contract, the corpus run's kinds and the report's empty tables. A test calls
every function and checks its columns against this registry. Importing this module is cheap
(no pandas): it is plain data.

>>> TABLES["themes"].columns[:3]
('theme', 'label', 'score')
>>> [t.json_key for t in TABLES.values() if t.json_key]
['persons', 'organizations', 'places', 'dates', 'events', 'themes']
>>> corpus_kinds()["persons"]
('participants', 'participants')
"""
from __future__ import annotations

import dataclasses
import importlib
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any

EVIDENCE = ("sentence", "char_start", "char_end")


@dataclasses.dataclass(frozen=True)
class Table:
    """One table function ``analysis.<name>(article, **options) -> DataFrame``.

    ``columns`` are the columns it returns, in order. ``json_key``/``json_columns``: where and which
    columns the ``analysis extract`` JSON holds. ``corpus_kind``/``corpus_options``: the name of its
    table in a corpus run and the options that run passes. ``public``: re-exported by ``analysis``.
    """

    name: str
    module: str
    columns: tuple[str, ...]
    json_key: str | None = None
    json_columns: tuple[str, ...] = ()
    corpus_kind: str | None = None
    corpus_options: Mapping[str, Any] = dataclasses.field(default_factory=lambda: MappingProxyType({}))
    public: bool = True

    def function(self) -> Callable[..., Any]:
        """The table function itself (imports its module)."""
        return getattr(importlib.import_module(f".{self.module}", __package__), self.name)


_PERSON = ("name", "honorific", "title", "title_abbrev", "role", "organization", "organization_rule", "mentions", "aliases")
_DATE = ("text", "start", "end", "precision", "kind", "inferred")

#: Every table function, in the order the README lists them.
TABLES: Mapping[str, Table] = MappingProxyType({t.name: t for t in (
    Table("participants", "participants", (*_PERSON, *EVIDENCE, "text"),
          json_key="persons", json_columns=_PERSON, corpus_kind="persons"),
    Table("organizations", "participants", ("name", "acronym", "country", "mentions", "aliases", *EVIDENCE, "text"),
          json_key="organizations", json_columns=("name", "acronym", "country", "mentions", "aliases"), corpus_kind="organizations"),
    Table("places", "participants", ("name", "kind", "country", "mentions", "aliases", *EVIDENCE, "text"),
          json_key="places", json_columns=("name", "kind", "mentions", "aliases"), corpus_kind="places"),
    Table("dates", "dates", (*_DATE, *EVIDENCE, "clause"), corpus_kind="dates"),
    # the JSON's "dates": calendar dates only (no relative expressions)
    Table("calendar_dates", "dates", (*_DATE, *EVIDENCE, "clause"),
          json_key="dates", json_columns=(*_DATE, "sentence"), public=False),
    Table("events", "events", ("name", "acronym", "kind", "start", "end", "place", "host", *EVIDENCE),
          json_key="events", json_columns=("name", "acronym", "kind", "start", "end", "place", "host")),
    Table("timeline", "events", ("start", "end", "text", "event", "participants", "clause", "sentence", "kind")),
    Table("themes", "themes", ("theme", "label", "score", "count", "terms", "paragraphs", "evidence", *EVIDENCE),
          json_key="themes", json_columns=("theme", "label", "score", "terms"), corpus_kind="themes"),
    Table("theme_matches", "themes", ("theme", "label", "term", "weight", "listed", *EVIDENCE)),
    Table("keyphrases", "terms", ("phrase", "score", "count")),
    Table("term_frequencies", "terms", ("term", "count", "frequency"), corpus_kind="terms"),
    Table("keyness", "terms", ("term", "count", "frequency", "reference_frequency", "g2", "log_ratio", "p_value")),
    Table("kwic", "terms", ("sentence", "left", "keyword", "right", "char_start", "char_end")),
    Table("readability", "readability", (
        "scope", "paragraph", "words", "sentences", "syllables", "difficult_words",
        "flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index", "coleman_liau_index",
        "automated_readability_index", "dale_chall_readability_score", "linsear_write_formula",
        "spache_readability", "mcalpine_eflaw", "text_standard", "text_standard_grade", "reading_time",
    ), corpus_kind="readability", corpus_options=MappingProxyType({"paragraphs": False})),
    Table("sentence_readability", "readability", ("sentence", "text", "words", "syllables", "difficult_words", "grade")),
)})


def columns(name: str) -> list[str]:
    """The columns of table ``name``, as a new list (a module's ``COLUMNS`` constant).

    >>> columns("keyphrases")
    ['phrase', 'score', 'count']
    """
    return list(TABLES[name].columns)


def json_tables() -> dict[str, Table]:
    """JSON key -> table, in the order the ``extract`` JSON lists them."""
    return {t.json_key: t for t in TABLES.values() if t.json_key}


def corpus_kinds() -> dict[str, tuple[str, str]]:
    """Corpus kind -> (module, function): the tables a corpus run computes per article."""
    return {t.corpus_kind: (t.module, t.name) for t in TABLES.values() if t.corpus_kind}


def exports() -> dict[str, str]:
    """Public table function name -> module, for ``analysis``'s lazy exports."""
    return {t.name: t.module for t in TABLES.values() if t.public}
