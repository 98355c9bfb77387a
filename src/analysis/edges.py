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


def edges(mentions: pd.DataFrame, events: pd.DataFrame | None = None, *, names: Mapping[str, str] | None = None) -> pd.DataFrame:
    """The edge table of resolved ``mentions`` (article_id, kind, entity_id, organization_id) and the
    corpus's ``events`` (article_id, name, acronym); ``names`` maps an id to its display name."""
    import pandas as pd

    names = dict(names or {})
    persons = mentions[mentions["kind"] == "person"] if len(mentions) else mentions
    by_article: dict[str, set[str]] = defaultdict(set)
    for article_id, person in zip(persons["article_id"], persons["entity_id"]):
        by_article[str(article_id)].add(person)
    rows: list[tuple] = []

    pair_articles: dict[tuple[str, str], list[str]] = defaultdict(list)
    for article_id, people in by_article.items():
        ordered = sorted(people)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                pair_articles[(a, b)].append(article_id)
    for (a, b), articles in pair_articles.items():
        rows.append(("person-person", "article", a, names.get(a, a), b, names.get(b, b), len(articles), _ids(articles)))

    affiliations: dict[tuple[str, str], list[str]] = defaultdict(list)
    if "organization_id" in persons.columns:
        for article_id, person, org in zip(persons["article_id"], persons["entity_id"], persons["organization_id"]):
            if isinstance(org, str) and org:
                affiliations[(person, org)].append(str(article_id))
    for (person, org), articles in affiliations.items():
        rows.append(("person-organization", "role", person, names.get(person, person), org, names.get(org, org), len(set(articles)), _ids(articles)))

    keys = event_ids(events)
    if keys:
        from .names import organization_key

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
            rows.append(("person-event", "article", person, names.get(person, person), event_id, names[event_id], len(set(articles)), _ids(articles)))
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
            rows.append(("person-person", "event", a, names.get(a, a), b, names.get(b, b), len(events_of), _ids(articles_of)))

    table = pd.DataFrame(rows, columns=EDGE_COLUMNS)
    order = {"person-person": 0, "person-organization": 1, "person-event": 2}
    table = table.assign(_order=table["kind"].map(order)).sort_values(["_order", "via", "weight", "source", "target"], ascending=[True, True, False, True, True], kind="stable")
    return table.drop(columns="_order").reset_index(drop=True)
