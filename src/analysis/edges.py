"""Who appears with whom: tidy edge tables of a corpus's directory.

One table, one row per pair and kind of tie:

========================  ============  ==================================================================
kind                      via           a tie is
========================  ============  ==================================================================
``person-person``         ``article``   both named in one article (weight: articles)
``person-person``         ``event``     both named with one event, in different articles (weight: events);
                                        only for events with at most :data:`EVENT_PAIR_LIMIT` people
``person-organization``   ``role``      an article names the person with that organization (weight: articles)
``person-event``          ``article``   an article names the person and the event (weight: articles)
========================  ============  ==================================================================

Columns: kind, via, source, source_name, target, target_name, weight, article_ids ("; "-joined).
``source`` < ``target`` for person-person ties, so each pair appears once.

>>> import pandas as pd
>>> mentions = pd.DataFrame({"article_id": ["a", "a", "b", "b"], "kind": "person",
...                          "entity_id": ["P1", "P2", "P1", "P2"], "organization_id": None})
>>> edges(mentions, names={"P1": "Ann", "P2": "Bo"})[["kind", "source", "target", "weight", "article_ids"]].values.tolist()
[['person-person', 'P1', 'P2', 2, 'a; b']]
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

EDGE_COLUMNS = ["kind", "via", "source", "source_name", "target", "target_name", "weight", "article_ids"]
#: a tie named in more articles than this lists the first ones and the count (the weight has the total)
ARTICLE_ID_LIMIT = 1000
#: people who share an event are paired only for events with at most this many people (pairs grow as its square)
EVENT_PAIR_LIMIT = 60


def _ids(articles) -> str:
    ordered = sorted(set(articles))
    if len(ordered) > ARTICLE_ID_LIMIT:
        return "; ".join(ordered[:ARTICLE_ID_LIMIT]) + f"; … and {len(ordered) - ARTICLE_ID_LIMIT} more"
    return "; ".join(ordered)


def event_ids(events: pd.DataFrame) -> dict[str, tuple[str, str]]:
    """Folded event key → (event id, name): one event however its articles write it (name or acronym)."""
    from .names import organization_key

    keys: dict[str, tuple[str, str]] = {}
    if events is None or not len(events):
        return keys
    for name, acronym in zip(events["name"], events.get("acronym", [None] * len(events))):
        if not isinstance(name, str) or not name.strip():
            continue
        key = organization_key(name)
        if key not in keys:
            keys[key] = (f"E{len(keys) + 1:05d}", " ".join(name.split()))
        if isinstance(acronym, str) and acronym.strip():
            keys.setdefault("acronym:" + organization_key(acronym), keys[key])
    return keys


def _article_pairs(persons: pd.DataFrame, names: Mapping[str, str]) -> pd.DataFrame:
    """Person-person ties via articles, computed on integer codes (a corpus of 100,000 articles has
    about a million pairs): strongest first, then by ids."""
    import numpy as np
    import pandas as pd

    unique = persons[["article_id", "entity_id"]].drop_duplicates()
    article_codes, article_ids = pd.factorize(unique["article_id"].astype(str), sort=True)
    person_codes, person_ids = pd.factorize(unique["entity_id"].astype(str), sort=True)
    codes = pd.DataFrame({"a": article_codes.astype(np.int64), "p": person_codes.astype(np.int64)})
    pairs = codes.merge(codes, on="a")
    pairs = pairs[pairs["p_x"].to_numpy() < pairs["p_y"].to_numpy()]
    if pairs.empty:
        return pd.DataFrame(columns=EDGE_COLUMNS)
    order = np.lexsort((pairs["a"].to_numpy(), pairs["p_y"].to_numpy(), pairs["p_x"].to_numpy()))
    a, x, y = (pairs[c].to_numpy()[order] for c in ("a", "p_x", "p_y"))
    del pairs, codes
    first = np.flatnonzero(np.r_[True, (x[1:] != x[:-1]) | (y[1:] != y[:-1])])
    weight = np.diff(np.r_[first, len(x)])
    ids = np.asarray(article_ids, dtype=object)
    joined = ids[a[first]].copy()
    for group in np.flatnonzero(weight > 1):
        start = first[group]
        found = ids[a[start : start + weight[group]]]
        joined[group] = _ids(found)
    rank = np.lexsort((y[first], x[first], -weight))
    people = np.asarray(person_ids, dtype=object)
    labels = np.asarray([names.get(p, p) for p in people], dtype=object)
    source, target = x[first][rank], y[first][rank]
    return pd.DataFrame(
        {
            "kind": "person-person",
            "via": "article",
            "source": people[source],
            "source_name": labels[source],
            "target": people[target],
            "target_name": labels[target],
            "weight": weight[rank].astype(np.int64),
            "article_ids": joined[rank],
        }
    )


def _sorted(rows: list[tuple]) -> list[tuple]:
    """Rows strongest first, then by source and target."""
    return sorted(rows, key=lambda r: (-r[6], r[2], r[4]))


def edges(mentions: pd.DataFrame, events: pd.DataFrame | None = None, *, names: Mapping[str, str] | None = None) -> pd.DataFrame:
    """The edge table of resolved ``mentions`` (article_id, kind, entity_id, organization_id) and the
    corpus's ``events`` (article_id, name, acronym); ``names`` maps an id to its display name."""
    import pandas as pd

    names = dict(names or {})
    persons = mentions[mentions["kind"] == "person"] if len(mentions) else mentions
    parts = [_article_pairs(persons, names)] if len(persons) else []
    event_pairs: list[tuple] = []
    affiliation_rows: list[tuple] = []
    event_rows: list[tuple] = []

    affiliations: dict[tuple[str, str], set[str]] = defaultdict(set)
    if "organization_id" in persons.columns:
        for article_id, person, org in zip(persons["article_id"], persons["entity_id"], persons["organization_id"]):
            if isinstance(org, str) and org:
                affiliations[(person, org)].add(str(article_id))
    for (person, org), articles in affiliations.items():
        affiliation_rows.append(("person-organization", "role", person, names.get(person, person), org, names.get(org, org), len(articles), _ids(articles)))
    del affiliations

    keys = event_ids(events)
    if keys:
        from .names import organization_key

        by_article: dict[str, set[str]] = defaultdict(set)
        for article_id, person in zip(persons["article_id"], persons["entity_id"]):
            by_article[str(article_id)].add(person)
        event_articles: dict[str, set[str]] = defaultdict(set)
        for article_id, name, acronym in zip(events["article_id"], events["name"], events.get("acronym", [None] * len(events))):
            if not isinstance(name, str) or not name.strip():
                continue
            event_id, label = keys[organization_key(name)]
            if isinstance(acronym, str) and acronym.strip():
                event_id, label = keys.get("acronym:" + organization_key(acronym), (event_id, label))
            names.setdefault(event_id, label)
            event_articles[event_id].add(str(article_id))
        attendance: dict[tuple[str, str], list[str]] = defaultdict(list)
        for event_id, articles in event_articles.items():
            for article_id in articles:
                for person in by_article.get(article_id, ()):
                    attendance[(person, event_id)].append(article_id)
        people_at: dict[str, dict[str, list[str]]] = defaultdict(dict)
        for (person, event_id), articles in attendance.items():
            event_rows.append(("person-event", "article", person, names.get(person, person), event_id, names[event_id], len(set(articles)), _ids(articles)))
            people_at[event_id][person] = articles
        shared: dict[tuple[str, str], tuple[set, set]] = {}
        for event_id, people in people_at.items():
            if len(people) > EVENT_PAIR_LIMIT:
                continue  # a large recurring event: its people are listed by the person-event ties, not paired
            ordered = sorted(people)
            for i, a in enumerate(ordered):
                for b in ordered[i + 1 :]:
                    if len(set(people[a]) | set(people[b])) < 2:
                        continue  # one article names both: already an article tie, the event adds nothing
                    events_of, articles_of = shared.setdefault((a, b), (set(), set()))
                    events_of.add(event_id)
                    articles_of.update(people[a], people[b])
        for (a, b), (events_of, articles_of) in shared.items():
            event_pairs.append(("person-person", "event", a, names.get(a, a), b, names.get(b, b), len(events_of), _ids(articles_of)))

    for rows in (event_pairs, affiliation_rows, event_rows):
        if rows:
            parts.append(pd.DataFrame(_sorted(rows), columns=EDGE_COLUMNS))
    if not parts:
        return pd.DataFrame(columns=EDGE_COLUMNS)
    table = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0].reset_index(drop=True)
    table["weight"] = table["weight"].astype("int64")
    return table
