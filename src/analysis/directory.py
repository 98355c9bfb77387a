"""One directory of the people and organizations of a corpus: who keeps appearing, in which roles, with whom.

:func:`directory` takes the tables of :func:`analysis.analyze_corpus` (or a list of articles) and
returns a :class:`Directory`: one row per real person and per real organization, the title
history of each person with the dates of the articles that state it, the merges made and why
(:mod:`analysis.resolution`), and the edge tables of who appears with whom (:mod:`analysis.edges`).

>>> from analysis import parse_article
>>> a = parse_article("Police meet\\n\\nPolice Colonel Bakri bin Hj. Zainal Abidin of the Royal Malaysia Police met INTERPOL.", id="a")
>>> b = parse_article("Visit\\n\\nACP Bakri Zainal Abidin of the Royal Malaysian Police visited Manila.", id="b")
>>> found = directory([a, b])
>>> found.persons[["name", "articles", "rule"]].values.tolist()
[['Bakri bin Hj. Zainal Abidin', 2, 'same name']]

A user's aliases file (CSV with columns ``variant,canonical``) takes precedence over every rule::

    directory(result, aliases="aliases.csv")
"""
from __future__ import annotations

import csv
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import AnalysisError

if TYPE_CHECKING:
    import pandas as pd

PERSON_COLUMNS = [
    "person_id", "name", "variants", "honorifics", "titles", "organizations", "organization_ids",
    "articles", "first_seen", "last_seen", "article_ids", "rule", "evidence",
]
ORGANIZATION_COLUMNS = [
    "organization_id", "name", "acronym", "aliases", "parent", "parent_id",
    "articles", "first_seen", "last_seen", "article_ids", "rule", "evidence",
]
MENTION_COLUMNS = ["article_id", "kind", "name", "entity_id", "entity"]
#: columns read from the corpus tables (only these are loaded from Parquet, to keep memory low)
_INPUT_COLUMNS = {
    "persons": ["article_id", "name", "honorific", "title", "role", "organization"],
    "organizations": ["article_id", "name", "acronym"],
    "articles": ["article_id", "published"],
    "events": ["article_id", "name", "acronym", "start"],
}
HISTORY_LIMIT = 12  # entries of a title history before "… and N more"
WRITE_ROWS = 20_000  # rows per slice written to Parquet/CSV


@dataclass
class Directory:
    """The directory of a corpus: ``persons``, ``organizations``, ``mentions`` (each name as an
    article writes it → the entity it resolved to) and ``edges`` (see :func:`analysis.edges.edges`)."""

    persons: pd.DataFrame
    organizations: pd.DataFrame
    mentions: pd.DataFrame
    edges: pd.DataFrame

    def tables(self) -> dict[str, pd.DataFrame]:
        """The tables ``analysis corpus`` writes, by file name."""
        return {"directory_persons": self.persons, "directory_organizations": self.organizations, "edges": self.edges}

    def __repr__(self) -> str:
        return f"Directory(persons={len(self.persons)}, organizations={len(self.organizations)}, edges={len(self.edges)})"


# --- inputs -----------------------------------------------------------------------------------------


def read_aliases(aliases: Any) -> dict[str, str]:
    """``variant → canonical`` from a CSV file (header optional: ``variant,canonical``), a mapping or pairs.

    >>> read_aliases([("Bakri", "Bakri Zainal Abidin")])
    {'Bakri': 'Bakri Zainal Abidin'}
    """
    if aliases is None:
        return {}
    if isinstance(aliases, Mapping):
        return {str(k).strip(): str(v).strip() for k, v in aliases.items() if str(k).strip() and str(v).strip()}
    if isinstance(aliases, (str, Path)):
        path = Path(aliases)
        if not path.is_file():
            raise AnalysisError(f"{path}: no such aliases file (a CSV of variant,canonical)")
        try:
            with path.open(encoding="utf-8-sig", newline="") as handle:
                rows = list(csv.reader(handle))
        except (UnicodeDecodeError, csv.Error) as exc:
            raise AnalysisError(f"{path}: not a readable CSV of variant,canonical ({exc})") from None
        if rows and [c.strip().lower() for c in rows[0][:2]] == ["variant", "canonical"]:
            rows = rows[1:]
        pairs = []
        for number, row in enumerate(rows, start=1):
            cells = [c.strip() for c in row]
            if not any(cells) or cells[0].startswith("#"):
                continue
            if len(cells) < 2 or not cells[0] or not cells[1]:
                raise AnalysisError(f"{path}:{number}: expected two columns, variant,canonical")
            pairs.append((cells[0], cells[1]))
        return dict(pairs)
    return {str(k).strip(): str(v).strip() for k, v in aliases}


def _frame(table: Any, kind: str) -> pd.DataFrame:
    import pandas as pd

    columns = _INPUT_COLUMNS[kind]
    if table is None:
        return pd.DataFrame(columns=columns)
    return table.reindex(columns=columns)


def _from_result(result: Any, kind: str) -> pd.DataFrame | None:
    """``kind`` of a :class:`~analysis.corpus.CorpusResult`, only the columns the directory needs."""
    import pandas as pd

    tables = getattr(result, "tables", {}) or {}
    if kind in tables:
        return tables[kind]
    out_dir = getattr(result, "out_dir", None)
    path = Path(out_dir) / f"{kind}.parquet" if out_dir is not None else None
    if path is not None and path.is_file():
        import pyarrow.parquet as pq

        present = set(pq.read_schema(path).names)
        return pd.read_parquet(path, columns=[c for c in _INPUT_COLUMNS[kind] if c in present])
    return None


def _from_articles(articles: Iterable[Any]) -> dict[str, pd.DataFrame]:
    import pandas as pd

    from .events import events
    from .participants import organizations, participants

    parts: dict[str, list[pd.DataFrame]] = defaultdict(list)
    rows = []
    for position, article in enumerate(articles, start=1):
        article_id = getattr(article, "id", None) or f"article-{position}"
        for kind, function in (("persons", participants), ("organizations", organizations), ("events", events)):
            table = function(article)
            if len(table):
                parts[kind].append(table.assign(article_id=article_id))
        published = getattr(article, "published", None)
        rows.append((article_id, published.isoformat() if published else None))
    out = {kind: pd.concat(frames, ignore_index=True) for kind, frames in parts.items()}
    out["articles"] = pd.DataFrame(rows, columns=["article_id", "published"])
    return out


def gather(source: Any) -> dict[str, pd.DataFrame]:
    """The input tables (persons, organizations, articles, events) of a CorpusResult, a mapping of
    tables, or an iterable of :class:`~analysis.article.Article`."""
    if hasattr(source, "table") and hasattr(source, "errors"):
        tables = {kind: _from_result(source, kind) for kind in _INPUT_COLUMNS}
    elif isinstance(source, Mapping):
        tables = dict(source)
    elif isinstance(source, Iterable) and not isinstance(source, (str, bytes, Path)):
        tables = _from_articles(source)
    else:
        raise AnalysisError(f"directory() takes a CorpusResult or articles, not a {type(source).__name__}")
    return {kind: _frame(tables.get(kind), kind) for kind in _INPUT_COLUMNS}


# --- the directory ------------------------------------------------------------------------------------


def _text(value: Any) -> str:
    if value is None or isinstance(value, float) and value != value:
        return ""
    value = str(value)
    if "  " not in value and value.isprintable() and value.strip() == value:
        return value  # already one line with single spaces (most names): no new string
    return " ".join(value.split())


CHUNK = 50_000  # rows turned into Python values at a time (whole columns of 500,000 names cost hundreds of MB)


def _rows(frame: pd.DataFrame, columns: Sequence[str]) -> Iterable[tuple]:
    """The values of ``columns``, row by row, converted chunk by chunk."""
    for start in range(0, len(frame), CHUNK):
        part = frame.iloc[start : start + CHUNK]
        yield from zip(*(part[c].tolist() for c in columns))


def _dates(articles: pd.DataFrame) -> dict[str, str]:
    """article_id → ISO date of publication ('' when unknown)."""
    out = {}
    for article_id, published in zip(articles["article_id"].tolist(), articles["published"].tolist()):
        text = _text(published)[:10]
        out[str(article_id)] = text if len(text) == 10 and text[4] == "-" else ""
    return out


def _span(dates: Iterable[str]) -> tuple[str | None, str | None]:
    known = sorted(d for d in dates if d)
    return (known[0], known[-1]) if known else (None, None)


def _note(history: dict[str, list], value: str, date: str) -> None:
    """Record that an article of ``date`` ('' if undated) states ``value``: history[value] = [first, last]."""
    if not value:
        return
    span = history.get(value)
    if span is None:
        history[value] = [date or None, date or None]
    elif date:
        if span[0] is None or date < span[0]:
            span[0] = date
        if span[1] is None or date > span[1]:
            span[1] = date


def _history(history: dict[str, list]) -> str:
    """"A (2023-05-20) → B (2024-08-29 – 2024-10-14)": each value with the dates of the articles stating it,
    in the order first stated; values only undated articles state come last, marked "undated"."""
    order = sorted(history, key=lambda v: (history[v][0] or "9999", v))
    parts = []
    for value in order:
        first, last = history[value]
        when = "undated" if first is None else first if first == last else f"{first} – {last}"
        parts.append(f"{value} ({when})")
    if len(parts) > HISTORY_LIMIT:
        parts = [*parts[:HISTORY_LIMIT], f"… and {len(parts) - HISTORY_LIMIT} more"]
    return " → ".join(parts)


def _rules(merges: list[tuple[str, str]]) -> tuple[str, str]:
    rules = list(dict.fromkeys(rule for rule, _ in merges))
    evidence = list(dict.fromkeys(text for _, text in merges))
    if len(evidence) > HISTORY_LIMIT:
        evidence = [*evidence[:HISTORY_LIMIT], f"… and {len(evidence) - HISTORY_LIMIT} more"]
    return "; ".join(rules), "; ".join(evidence)


def _pick_name(counts: Counter, prefer) -> str:
    return max(counts, key=lambda n: (prefer(n), counts[n], len(n), n))


def _organizations(orgs: pd.DataFrame, dates: dict[str, str], aliases: Mapping[str, str]):
    import pandas as pd

    from .names import looks_like_acronym
    from .resolution import parents, resolve_organizations

    forms: dict[str, set] = {}
    for name, acronym in _rows(orgs, ["name", "acronym"]):
        name, acronym = _text(name), _text(acronym)
        if name:
            forms.setdefault(name, set())
            if acronym:
                forms[name].add(acronym)
    clusters = resolve_organizations(forms, aliases=aliases)
    members: dict[int, Counter] = defaultdict(Counter)  # form → rows, one row per article naming it
    articles: dict[int, set] = defaultdict(set)
    acronym_counts: dict[int, Counter] = defaultdict(Counter)
    for name, acronym, article_id in _rows(orgs, ["name", "acronym", "article_id"]):
        name, acronym = _text(name), _text(acronym)
        if not name:
            continue
        number = clusters.cluster[name]
        members[number][name] += 1
        articles[number].add(sys.intern(str(article_id)))
        if acronym:
            acronym_counts[number][acronym] += 1
        elif looks_like_acronym(name):
            acronym_counts[number][name] += 1

    def best(counts: Counter) -> str:  # the form most articles use; a full name before an acronym on a tie
        return max(counts, key=lambda n: (counts[n], not looks_like_acronym(n), len(n), n))

    canonical = {n: clusters.canonical.get(n) or best(members[n]) for n in members}
    order = sorted(members, key=lambda n: (-len(articles[n]), canonical[n]))
    number_to_id = {number: f"O{index:05d}" for index, number in enumerate(order, start=1)}
    parent_of = parents(list(forms), clusters.cluster)
    rows = []
    for number in order:
        first, last = _span(dates.get(a, "") for a in articles[number])
        rule, evidence = _rules(clusters.merges.get(number, []))
        parent = parent_of.get(number)
        acronym = max(acronym_counts[number], key=lambda a: (acronym_counts[number][a], a)) if acronym_counts[number] else None
        name = canonical[number]
        rows.append(
            (
                number_to_id[number],
                name,
                acronym if acronym and acronym != name else None,
                "; ".join(sorted(n for n in members[number] if n != name and n != acronym)),
                canonical[parent[0]] if parent and parent[0] in canonical else None,
                number_to_id.get(parent[0]) if parent else None,
                len(articles[number]),
                first,
                last,
                "; ".join(sorted(articles[number])),
                rule,
                "; ".join(x for x in (evidence, parent[1] if parent else "") if x),
            )
        )
    table = pd.DataFrame(rows, columns=ORGANIZATION_COLUMNS)
    lookup = {name: number_to_id[number] for name, number in clusters.cluster.items()}
    return table, lookup, canonical, number_to_id


def _organization_finder(lookup: dict[str, str]):
    """A function from an organization as a person row names it to an organization id (or None)."""
    from .names import fold, organization_key

    by_fold = {fold(name): oid for name, oid in lookup.items()}
    by_key: dict[str, set] = defaultdict(set)
    for name, oid in lookup.items():
        by_key[organization_key(name)].add(oid)

    seen: dict[str, str | None] = {}

    def find(name: str) -> str | None:
        if not name:
            return None
        if name not in seen:
            found = by_fold.get(fold(name))
            if found is None:
                options = by_key.get(organization_key(name), set())
                found = next(iter(options)) if len(options) == 1 else None
            seen[name] = found
        return seen[name]

    return find


def _persons(persons: pd.DataFrame, dates: dict[str, str], aliases: Mapping[str, str], find_org, org_names: dict[str, str]):
    import pandas as pd

    from .resolution import resolve_persons

    org_ids: list[str | None] = []  # the organization id of each row (shared strings: a list of references)
    forms: dict[str, set] = {}
    for name, org_text in _rows(persons, ["name", "organization"]):
        name = _text(name)
        oid = find_org(_text(org_text))
        org_ids.append(oid)
        if name:
            forms.setdefault(name, set())
            if oid:
                forms[name].add(oid)
    clusters = resolve_persons(forms, aliases=aliases)
    members: dict[int, Counter] = defaultdict(Counter)
    articles: dict[int, set] = defaultdict(set)
    honorifics: dict[int, Counter] = defaultdict(Counter)
    titles: dict[int, dict] = defaultdict(dict)
    held: dict[int, dict] = defaultdict(dict)
    held_ids: dict[int, Counter] = defaultdict(Counter)
    rows = _rows(persons, ["name", "article_id", "honorific", "title", "role", "organization"])
    for (name, article_id, honorific, title, role, org_text), oid in zip(rows, org_ids):
        name, org_text, article_id = _text(name), _text(org_text), sys.intern(str(article_id))
        if not name:
            continue
        number = clusters.cluster[name]
        members[number][name] += 1
        articles[number].add(article_id)
        date = dates.get(article_id, "")
        if _text(honorific):
            honorifics[number][_text(honorific)] += 1
        position = ", ".join(x for x in (_text(title), _text(role)) if x)
        _note(titles[number], position, date)
        _note(held[number], org_names.get(oid, org_text) if oid else org_text, date)
        if oid:
            held_ids[number][oid] += 1
    order = sorted(members, key=lambda n: (-len(articles[n]), _pick_name(members[n], lambda x: len(x.split()))))
    number_to_id = {number: f"P{index:05d}" for index, number in enumerate(order, start=1)}
    rows = []
    for number in order:
        name = clusters.canonical.get(number) or _pick_name(members[number], lambda x: len(x.split()))
        first, last = _span(dates.get(a, "") for a in articles[number])
        rule, evidence = _rules(clusters.merges.get(number, []))
        rows.append(
            (
                number_to_id[number],
                name,
                "; ".join(sorted(n for n in members[number] if n != name)),
                "; ".join(sorted(honorifics[number])),
                _history(titles[number]),
                _history(held[number]),
                "; ".join(sorted(held_ids[number])),
                len(articles[number]),
                first,
                last,
                "; ".join(sorted(articles[number])),
                rule,
                evidence,
            )
        )
    table = pd.DataFrame(rows, columns=PERSON_COLUMNS)
    lookup = {name: number_to_id[number] for name, number in clusters.cluster.items()}
    canonical = dict(zip(table["person_id"], table["name"]))
    return table, lookup, canonical, org_ids


def _clear_caches() -> None:
    """Drop the name readers' caches: they speed up one resolution, then only hold memory."""
    from . import names

    names.clear_caches()


def directory(result_or_articles: Any, *, aliases: Any = None) -> Directory:
    """The people and organizations of a corpus, one row per real person and per real organization.

    ``result_or_articles`` is a :class:`~analysis.corpus.CorpusResult` (in memory or read back from
    ``analysis corpus --out``), a mapping of its tables, or an iterable of articles. ``aliases`` is a
    CSV file of ``variant,canonical`` lines (or a mapping): a variant always goes to its canonical
    name and is never merged by a rule.

    ``persons``: person_id, name, variants, honorifics, titles (title history with dates),
    organizations (history with dates), organization_ids, articles, first_seen, last_seen,
    article_ids, rule and evidence of the merges. ``organizations``: organization_id, name,
    acronym, aliases, parent, parent_id, articles, first_seen, last_seen, article_ids, rule,
    evidence. ``edges``: see :func:`analysis.edges.edges`.
    """
    import pandas as pd

    from .edges import edges

    alias_map = read_aliases(aliases)
    tables = gather(result_or_articles)
    dates = _dates(tables["articles"])
    orgs, org_lookup, _, _ = _organizations(tables["organizations"], dates, alias_map)
    org_names = dict(zip(orgs["organization_id"], orgs["name"]))
    find_org = _organization_finder(org_lookup)
    persons, person_lookup, person_names, affiliation = _persons(tables["persons"], dates, alias_map, find_org, org_names)
    person_rows = tables["persons"]
    org_rows = tables["organizations"]
    # each name as written, as the very string object the lookups hold (one copy however many rows)
    shared = {name: name for name in (*person_lookup, *org_lookup)}
    person_names_as_written = [shared.get(n, n) for n in (_text(v) for (v,) in _rows(person_rows, ["name"]))]
    org_names_as_written = [shared.get(n, n) for n in (_text(v) for (v,) in _rows(org_rows, ["name"]))]
    del shared
    mentions = pd.concat(
        [
            pd.DataFrame(
                {
                    "article_id": person_rows["article_id"].astype(str).to_numpy(),
                    "kind": "person",
                    "name": person_names_as_written,
                    "entity_id": [person_lookup.get(n) for n in person_names_as_written],
                    "organization_id": affiliation,
                }
            ),
            pd.DataFrame(
                {
                    "article_id": org_rows["article_id"].astype(str).to_numpy(),
                    "kind": "organization",
                    "name": org_names_as_written,
                    "entity_id": [org_lookup.get(n) for n in org_names_as_written],
                    "organization_id": None,
                }
            ),
        ],
        ignore_index=True,
    )
    events = tables["events"]
    del tables, person_rows, org_rows, affiliation  # the input tables are not needed any more: free them before the edges
    _clear_caches()
    mentions = mentions[mentions["entity_id"].notna()].reset_index(drop=True)
    names = {**person_names, **org_names}
    mentions["entity"] = mentions["entity_id"].map(names)
    edge_table = edges(mentions, events, names=names)
    return Directory(persons, orgs, mentions[[*MENTION_COLUMNS, "organization_id"]], edge_table)


def attach(result: Any) -> None:
    """Add ``directory_persons``, ``directory_organizations`` and ``edges`` to a finished corpus run:
    written to Parquet and CSV beside the other tables when it has an ``out_dir``, kept in
    ``result.tables`` when it holds its tables in memory. A failure is logged as a warning and never
    loses the tables already written."""
    import logging

    try:
        found = directory(result)
    except Exception as exc:  # noqa: BLE001 - the corpus tables are written; the directory must not lose them
        logging.getLogger(__name__).warning("the directory could not be built: %s: %s", type(exc).__name__, exc)
        return
    if result.tables:
        result.tables.update(found.tables())
    if result.out_dir is not None:
        from .corpus import TableWriter

        writer = TableWriter(result.out_dir)
        try:
            for kind, table in found.tables().items():
                for start in range(0, max(len(table), 1), WRITE_ROWS):  # flushed slice by slice: memory stays flat
                    writer.write(kind, table.iloc[start : start + WRITE_ROWS])
            result.files.update(writer.close())
        except BaseException:
            writer.abort()
            raise
