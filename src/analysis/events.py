"""Named events (with their dates, place and host) and the timeline of an article's dates.

Both build on the rows of :func:`analysis.dates.dates`; event words are a lexicon (``events_kinds.txt``),
venues come from the place gazetteer (``places.tsv``).

>>> from analysis.article import parse_article
>>> article = parse_article("T\\n\\nThe Welcome Reception was held on 27 August 2024. It opened on 26 August 2024.")
>>> events(article)[["name", "start"]].values.tolist()
[['Welcome Reception', '2024-08-27']]
"""
from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from types import SimpleNamespace

import pandas as pd

from .article import Article, parse_article  # noqa: F401  (parse_article used in the doctests)
from .datelines import alternation
from .dates import PUBLICATION, RELATIVE, date_records
from .lexicons import load_lexicon, load_table

EVENT_COLUMNS = ["name", "acronym", "kind", "start", "end", "place", "host", "sentence", "char_start", "char_end"]
TIMELINE_COLUMNS = ["start", "end", "text", "event", "participants", "clause", "sentence", "kind"]


# --- events -------------------------------------------------------------------------------------

_CAP = r"(?:[A-Z][\w'’.&-]*|\d{1,3}(?:st|nd|rd|th)\b|(?:19|20)\d\d\b)"
_NAME_JOIN = r"(?:\s+(?:and|&|of|de|du)\s+|\s*[–—]\s*|\s+-\s+|\s+)"
_TAIL = rf"(?:\s+(?i:on|for|of|against)\s+(?:the\s+)?{_CAP}(?:(?:\s+(?:and|&|of|the|for|on|in)\s+|\s+){_CAP})*)*"
_ACRONYM = re.compile(r"\s*\((?P<acronym>[A-Z][A-Za-z0-9&.-]*[A-Z0-9](?:\s+(?:19|20)\d\d)?)\)")
_LEADING = ("operation", "exercise")  # event words that open a name: "Operation Pangea"
_HOST = re.compile(
    rf"\b(?:co-)?(?:hosted|organi[sz]ed|convened|chaired)\s+by\s+(?:the\s+)?"
    rf"(?P<host>{_CAP}(?:(?:\s+(?:of|and|for|&|on)\s+|\s+){_CAP})*)"
)


@functools.cache
def _event_grammar() -> tuple[dict[str, str], re.Pattern, re.Pattern, re.Pattern]:
    kinds: dict[str, str] = {}
    for line in load_lexicon("events_kinds"):
        word, *kind = line.split()
        kinds.setdefault(word.casefold(), (kind or [word])[0].casefold())
    words = alternation(kinds)
    # at most 12 words before the event word: a name is short, and the bound keeps long capitalised runs linear
    named = re.compile(rf"(?<![\w'’.&-])(?=[A-Z0-9])(?:{_CAP}{_NAME_JOIN}){{0,12}}?(?i:(?P<head>{words}))(?![\w'’-]){_TAIL}")
    leading = re.compile(rf"\b(?P<head>{alternation(w.capitalize() for w in _LEADING)})\s+(?:{_CAP}\s+)*{_CAP}(?![\w'’-])")
    reference = re.compile(rf"\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:[\w-]+\s+){{0,2}}?(?P<head>{words})\b")
    return kinds, named, leading, reference


@functools.cache
def _place_names() -> tuple[re.Pattern | None, dict[str, tuple[str, str]]]:
    """A pattern for every place name and alias in ``places.tsv``, and name -> (canonical name, kind)."""
    try:
        rows = load_table("places")
    except (OSError, ValueError):
        return None, {}
    names: dict[str, tuple[str, str]] = {}
    for row in rows:
        canonical = (row.get("name") or "").strip()
        for alias in [canonical, *(row.get("aliases") or "").split(";")]:
            if alias.strip():
                names.setdefault(alias.strip(), (canonical, (row.get("kind") or "").strip()))
    if not names:
        return None, {}
    return re.compile(rf"(?<![\w-])(?:{alternation(names)})(?![\w-])"), names


@dataclass
class _Event:
    name: str
    kind: str
    start: int
    end: int
    acronym: str | None = None
    mentions: list[int] | None = None  # offsets into article.text


def _clean_name(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim a matched name: after a possessive ("INTERPOL's ..."), without "The" or a leading year."""
    segment = text[start:end]
    possessive = list(re.finditer(r"[’']s\s+", segment))
    cut = possessive[-1].end() if possessive else 0
    lead = re.match(r"(?:(?:The|the|A|An|This|Each|Every|During|At|In|On|For)\s+|(?:19|20)\d\d\s+)*", segment[cut:])
    cut += lead.end()
    return start + cut, end


def _find_events(article: Article) -> list[_Event]:
    kinds, named, leading, _ = _event_grammar()
    text = article.text
    found: dict[str, _Event] = {}
    for sentence in article.sentences:
        if sentence.kind != "body":
            continue
        matches = [m for m in named.finditer(text, sentence.start, sentence.end) if m["head"][0].isupper()]
        matches += list(leading.finditer(text, sentence.start, sentence.end))
        for match in matches:
            after = text[match.end("head"):sentence.end]
            if match.re is named and re.match(r"\s+[A-Z][a-z]", after) and match.end() == match.end("head"):
                continue  # "Training Centre": the event word is not the head
            start, end = _clean_name(text, *match.span())
            name = text[start:end].strip()
            if len(name.split()) < 2:
                continue
            key = name.casefold()
            if any(k == key or k.endswith(" " + key) for k in found):
                continue  # "the Cybercrime Conference" after "the 3rd Europol – INTERPOL Cybercrime Conference"
            acronym = _ACRONYM.match(text, end, sentence.end)
            found[key] = _Event(
                name, kinds.get(match["head"].casefold(), match["head"].casefold()), start, end,
                acronym["acronym"] if acronym else None, [],
            )
    return sorted(found.values(), key=lambda e: e.start)


def _mentions(article: Article, found: list[_Event]) -> None:
    """Fill each event's mentions: its name, its acronym (with or without the year), "the symposium"."""
    if not found:
        return
    kinds, _, _, reference = _event_grammar()
    text = article.text
    for event in found:
        forms = {event.name}
        if event.acronym:
            forms |= {event.acronym, re.sub(r"\s+(?:19|20)\d\d$", "", event.acronym)}
        pattern = re.compile(rf"(?<![\w-])(?:{alternation(forms)})(?![\w-])")
        event.mentions = [m.start() for m in pattern.finditer(text, event.start)]
    for match in reference.finditer(text):
        if match["head"][0].isupper():  # "the Welcome Reception" is a name, not a reference
            continue
        kind = kinds.get(match["head"].casefold())
        earlier = [e for e in found if e.kind == kind and e.start < match.start()]
        if earlier and not any(e.start <= match.start() < e.end for e in found):
            earlier[-1].mentions.append(match.start("head"))
    for event in found:
        event.mentions = sorted(set(event.mentions))


def _place_in(text: str, lo: int, hi: int, skip: list[tuple[int, int]]) -> str | None:
    """The likeliest venue in ``text[lo:hi]``: a known place after "in"/"at" (or continuing one:
    "in Seoul, South Korea"), cities before regions and countries; other places name origins ("UK Foreign Office").
    """
    pattern, names = _place_names()
    if pattern is None:  # no gazetteer: a capitalised phrase after "in" / "at"
        match = re.search(r"\b(?:in|at)\s+((?:[A-Z][a-z]+\s?){1,3})", text[lo:hi])
        return match[1].strip() if match else None
    best, last_end = None, -1
    for match in pattern.finditer(text, lo, hi):
        if any(s <= match.start() < e for s, e in skip):
            continue
        before = text[max(lo, match.start() - 12):match.start()]
        continues = last_end >= 0 and re.fullmatch(r",\s*", text[last_end:match.start()])
        if not (re.search(r"\b(?:in|at)\s+(?:the\s+)?$", before) or continues):
            continue
        last_end = match.end()
        canonical, kind = names[match[0]]
        rank = ({"city": 0, "country": 2}.get(kind, 1), match.start())
        if best is None or rank < best[0]:
            best = (rank, canonical)
    return best[1] if best else None


def events(article: Article) -> pd.DataFrame:
    """Named events with their acronym, kind, dates, place and host.

    Dates attach to an event named (or referred back to: "the symposium") in the same sentence.

    >>> article = parse_article("T\\n\\nThe Welcome Reception, hosted by the Korean National Police Agency, took place on 27 August 2024 in Seoul.")
    >>> events(article)[["name", "kind", "start", "place", "host"]].values.tolist()
    [['Welcome Reception', 'reception', '2024-08-27', 'Seoul', 'Korean National Police Agency']]
    """
    found = _find_events(article) if article.text else []
    if not found:
        return pd.DataFrame(columns=EVENT_COLUMNS)
    _mentions(article, found)
    text = article.text
    # calendar dates, and relative ones resolved to a day ("which begins in Hanoi today")
    table = [
        SimpleNamespace(**r) for r in date_records(article)
        if r["kind"] != PUBLICATION and (r["kind"] != RELATIVE or r["precision"] == "day")
    ]
    mention_sentences = {id(e): [article.sentence_at(m) for m in e.mentions] for e in found}

    attached: dict[int, list] = {id(e): [] for e in found}
    in_sentence: dict[int, list[tuple[int, int]]] = {}  # sentence index -> (mention offset, event id): one pass, not one per date
    for e in found:
        for m, s in zip(e.mentions, mention_sentences[id(e)]):
            if s is not None:
                in_sentence.setdefault(s.index, []).append((m, id(e)))
    for row in table:
        candidates = [(abs(m - row.char_start), key) for m, key in in_sentence.get(row.sentence, ())]
        if candidates:
            attached[min(candidates)[1]].append(row)

    rows = []
    spans = [(e.start, e.end) for e in found]
    for event in found:
        own = attached[id(event)]
        ranges = [r for r in own if r.start != r.end]
        if ranges:
            best = max(ranges, key=lambda r: (r.end or "") + "~" + (r.start or ""))
            start, end = best.start, best.end
        elif own:
            start, end = min(r.start for r in own), max(r.end for r in own)
        else:
            start = end = None
        sentences = [s for s in mention_sentences[id(event)] if s is not None]
        place = host = None
        for sentence in sentences:
            place = place or _place_in(text, sentence.start, sentence.end, spans)
            if host is None:
                for match in _HOST.finditer(text, sentence.start, sentence.end):
                    before = [m for m in event.mentions if sentence.start <= m < match.start()]
                    others = [m for e in found if e is not event for m in e.mentions if max(before, default=-1) < m < match.start()]
                    if before and not others:
                        host = match["host"].strip().rstrip(".")
                        break
        first = article.sentence_at(event.start)
        rows.append({
            "name": event.name, "acronym": event.acronym, "kind": event.kind, "start": start, "end": end,
            "place": place, "host": host, "sentence": first.index if first else None,
            "char_start": event.start, "char_end": event.end,
        })
    return pd.DataFrame(rows, columns=EVENT_COLUMNS)


# --- timeline -----------------------------------------------------------------------------------


_WORD = re.compile(r"\w+(?:-\w+)*")  # "Al-Khalifa" is one word, "Vinluan's" is "Vinluan" and "s"


def people_finder(people: list[tuple[str, list[str]]]) -> Callable[[str], list[str]]:
    """A function giving the names of ``people`` written in a text, in the order of ``people``: each of a
    person's forms is looked up among the text's runs of words, so thousands of people stay linear.

    >>> find = people_finder([("Jane Roe", ["Jane Roe", "Roe"]), ("Ali Khan", ["Ali Khan"])])
    >>> find("Khan met Roe's deputy."), find("Ali Khan and Jane Roe met.")
    (['Jane Roe'], ['Jane Roe', 'Ali Khan'])
    """
    by_form: dict[tuple[str, ...], list[int]] = {}
    for n, (_, forms) in enumerate(people):
        for form in forms:
            if words := tuple(_WORD.findall(form)):
                by_form.setdefault(words, []).append(n)
    longest = max((len(w) for w in by_form), default=0)

    def find(text: str) -> list[str]:
        words = _WORD.findall(text)
        found = {n for i in range(len(words)) for size in range(1, min(longest, len(words) - i) + 1) for n in by_form.get(tuple(words[i : i + size]), ())}
        return [people[n][0] for n in sorted(found)]

    return find


def _people(article: Article) -> list[tuple[str, list[str]]]:
    """(name, forms) of each participant; empty when the participants table is unavailable."""
    try:
        from .participants import participants

        table = participants(article)
    except Exception:  # noqa: BLE001  (the timeline still stands without people)
        return []
    people = []
    for row in table.to_dict("records"):
        name = row.get("name")
        if not isinstance(name, str) or not name:
            continue
        aliases = row.get("aliases") if isinstance(row.get("aliases"), str) else ""
        forms = [name, *(a.strip() for a in aliases.split(";") if a.strip())]
        people.append((name, forms))
    return people


def timeline(article: Article) -> pd.DataFrame:
    """Dates in chronological order with the event and the participants named in their sentence.

    The publication date is included (``kind`` "publication"); relative expressions that could not
    be resolved are left out. Year-less dates ("--MM-DD") come last.

    >>> article = parse_article("T\\n\\nThe Welcome Reception was held on 27 August 2024. It opened on 26 August 2024.")
    >>> timeline(article)[["start", "event"]].fillna("-").values.tolist()
    [['2024-08-26', '-'], ['2024-08-27', 'Welcome Reception']]
    """
    table = [SimpleNamespace(**r) for r in date_records(article) if r["start"] is not None]
    if not table:
        return pd.DataFrame(columns=TIMELINE_COLUMNS)
    found = _find_events(article)
    _mentions(article, found)
    people = _people(article)
    in_sentence: dict[int, list[tuple[int, str]]] = {}  # sentence index -> (mention offset, event name), built once
    for e in found:
        for m in e.mentions:
            if (s := article.sentence_at(m)) is not None:
                in_sentence.setdefault(s.index, []).append((m, e.name))
    find_people = people_finder(people)
    named_in = functools.lru_cache(maxsize=None)(lambda index: find_people(article.sentences[index].text))
    rows = []
    for row in table:
        event = None
        if row.kind != PUBLICATION:
            near = [(abs(m - row.char_start), name) for m, name in in_sentence.get(row.sentence, ())]
            event = min(near)[1] if near else None
        named = named_in(row.sentence)
        rows.append({
            "start": row.start, "end": row.end, "text": row.text, "event": event,
            "participants": "; ".join(named), "clause": row.clause, "sentence": row.sentence, "kind": row.kind,
        })
    out = pd.DataFrame(rows, columns=TIMELINE_COLUMNS)
    order = out["start"].map(lambda s: (s.startswith("--"), s.lstrip("-")))
    return out.iloc[sorted(range(len(out)), key=lambda i: (order.iloc[i], i))].reset_index(drop=True)
