"""The summary card: the one-glance facts of an article, each derived from the tables and the text's cues.

- **Published** (the article's date) and **Event dates** (the main event's own dates) are separate lines.
- **Delegation**: the party of the article's main actor: the organization the title names (when
  people of it are named), else the organization of the person the text's cues name ("led by",
  "headed by", "accompanied by", "represented by"); and its people. Not simply whoever is named first.
- **Place**: the dateline ("SEOUL —") wins; else the main event's place; else the first place named.
- A field that is not found is left out.

>>> import pandas as pd
>>> from analysis.article import parse_article
>>> article = parse_article("T\\n\\nThe delegation, led by Director Ana Cruz, met counsel Bo Lee.")
>>> persons = pd.DataFrame({"name": ["Bo Lee", "Ana Cruz"], "organization": ["Firm", "Police"], "aliases": ["", ""]})
>>> delegation(persons, article)
('Police', ['Ana Cruz'])
"""
from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING, Any

from .pieces import HTML, first, missing, text

if TYPE_CHECKING:
    import pandas as pd

    from .article import Article

_CUE = re.compile(r"\b(?:led|headed|accompanied|represented|joined|chaired)\s+by\b|\bdelegation\s+(?:of|from)\b|\bAccompanying\b", re.I)
_DATELINE = re.compile(r"^\s*([A-Z][A-Za-z .'’-]{1,40}?)(?:,\s*[A-Z][A-Za-z .'’-]{1,40}?)?\s*(?:\([^)]{1,30}\)\s*)?[—–]{1,2}\s|^\s*([A-Z][A-Z .'’-]{1,40}?)\s+-{1,2}\s")


def _forms(row: Any) -> list[str]:
    forms = [text(row.get("name"))]
    aliases = row.get("aliases")
    if not missing(aliases):
        forms += [a.strip() for a in str(aliases).split(";") if a.strip()]
    return [f for f in forms if f]


def _cued(records: list[dict], article: Article) -> list[dict]:
    """The people that cues name ("led by X"), in reading order: for each cue, the person named first after it."""
    named = []
    for sentence in article.body_sentences:
        for cue in _CUE.finditer(sentence.text):
            after = sentence.text[cue.end():]
            found = []
            for row in records:
                for form in _forms(row):
                    match = re.search(rf"(?<!\w){re.escape(form)}(?!\w)", after)
                    if match:
                        found.append((match.start(), row))
                        break
            if found:
                named.append(min(found, key=lambda f: f[0])[1])
    return named


def delegation(persons: pd.DataFrame | None, article: Article | None = None) -> tuple[str, list[str]]:
    """``(organization, names)`` of the article's main actor's party, ``("", [])`` when the text does not say.

    The main actor is the organization the title names, when people of it are named; its party is
    its people. Otherwise the text's cues decide: the first person a cue names ("led by X",
    "accompanied by X"), their organization and everyone of it.
    """
    if persons is None or len(persons) == 0 or "name" not in persons.columns or article is None:
        return "", []
    records = persons.to_dict("records")
    organizations = list(dict.fromkeys(text(r.get("organization")) for r in records if text(r.get("organization"))))
    title = article.title or ""
    in_title = [o for o in organizations if re.search(rf"(?<!\w){re.escape(o)}(?!\w)", title)]
    cued = _cued(records, article)
    lead = next((r for r in cued if text(r.get("organization")) in in_title), None)
    organization = text(lead.get("organization")) if lead else (in_title[0] if in_title else "")
    if not organization and cued:
        organization = text(cued[0].get("organization"))
        if not organization:
            return "", [text(cued[0]["name"])]
    if not organization:
        return "", []
    return organization, [text(r["name"]) for r in records if text(r.get("organization")) == organization]


def dateline(article: Article, places: pd.DataFrame | None = None) -> str:
    """The place of the dateline that opens the body ("SEOUL —", "Kuala Lumpur, Malaysia –"), as the
    places table names it when it knows it; "" without a dateline.

    >>> from analysis.article import parse_article
    >>> dateline(parse_article("Title\\n\\nSEOUL — Police chiefs met today."))
    'Seoul'
    """
    if not article.body_paragraphs:
        return ""
    match = _DATELINE.match(article.body_paragraphs[0].text)
    if not match:
        return ""
    place = (match.group(1) or match.group(2) or "").strip()
    if places is not None and len(places) and "name" in places.columns:
        for name in places["name"].dropna():
            if str(name).casefold() == place.casefold():
                return str(name)
    return place.title() if place.isupper() else place


def _event_dates(events: pd.DataFrame | None) -> str:
    start, end = first(events, "start"), first(events, "end")
    if not start:
        return ""
    return start if not end or end == start else f"{start} to {end}"


def summary_card(
    article: Article,
    *,
    persons: pd.DataFrame | None = None,
    places: pd.DataFrame | None = None,
    events: pd.DataFrame | None = None,
    themes: pd.DataFrame | None = None,
    readability: pd.DataFrame | None = None,
    n_themes: int = 3,
) -> HTML:
    """The one-glance card: title, published, author, event and its dates, host, place, delegation,
    top themes, grade, size. Fields not found are left out."""
    event = first(events, "name")
    acronym = first(events, "acronym")
    if event and acronym and acronym not in event:
        event = f"{event} ({acronym})"
    organization, people = delegation(persons, article)
    delegation_text = ""
    if people:
        titles = {}
        if persons is not None and "title" in persons.columns:
            titles = {text(n): text(t) for n, t in zip(persons["name"], persons["title"])}
        named = "; ".join(f"{titles[n]} {n}" if titles.get(n) else n for n in people)
        delegation_text = f"{organization}: {named}" if organization else named
    theme_names = []
    if themes is not None and len(themes) and "score" in themes.columns:
        top = themes.sort_values("score", ascending=False, kind="stable").head(n_themes)
        names = top["label"] if "label" in top.columns else top["theme"]
        theme_names = [text(n) for n in names if text(n)]
    grade = ""
    if readability is not None and len(readability) and "flesch_kincaid_grade" in readability.columns:
        body = readability[readability["scope"] == "body"] if "scope" in readability.columns else readability
        if len(body) and text(body["flesch_kincaid_grade"].iloc[0]):
            grade = f"{float(body['flesch_kincaid_grade'].iloc[0]):.1f} (Flesch–Kincaid: US school grade, years of schooling needed)"
    fields = [
        ("Published", article.published.isoformat() if article.published else ""),
        ("Author", article.author or ""),
        ("Event", event),
        ("Event dates", _event_dates(events)),
        ("Host", first(events, "host")),
        ("Place", dateline(article, places) or first(events, "place") or first(places, "name")),
        ("Delegation", delegation_text),
        ("Top themes", ", ".join(theme_names)),
        ("Readability", grade),
        ("Size", f"{len(article.body_paragraphs)} paragraphs, {len(article.body_sentences)} sentences, {article.word_count} words (body)"),
    ]
    rows = "".join(f"<dt>{html.escape(k)}</dt><dd>{html.escape(v)}</dd>" for k, v in fields if v)
    title = html.escape(article.title or article.id or "Untitled article")
    return HTML(f'<section class="analysis-card" id="summary-card"><h3>{title}</h3><dl>{rows}</dl></section>')
