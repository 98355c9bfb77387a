"""What the article is about: themes from a weighted taxonomy, with evidence.

The default taxonomy is ``lexicons/themes.json``: each theme has an ``id``, a ``label``,
a one-line ``description`` and ``terms`` (term → weight). Pass ``taxonomy=`` a path to a
JSON file of the same shape, or a dict, to use your own.

Matching (see :func:`normalize_word`): case-insensitive on whole words, spelling- and
inflection-aware (plural/singular, possessives, accents, British/American ``-ise/-ize``,
``-our/-or``, ``-tre/-ter``, ``-ence/-ense``); a hyphen equals a space, and a term of several
words also matches written as one word ("cyber attack" matches "cyber-attacks", "cyberattack",
"cyber attacks"); the articles "the", "a", "an" are skipped ("strengthen the capacity" matches
"strengthen capacity"). A word ending in ``*`` matches any ending of the normalised word
(American spelling, singular: "traffick*", "strengthen* capacit*").

What counts (the package's one counting scope): the body's sentences, never the title, and never
the words of a name. Terms inside a person's title ("Director for Plans and Programmes"), an
organization's name ("European Banking Federation", "INTERPOL") or an event's name, as the
``participants``, ``organizations`` and ``events`` tables found them, do not count: they name
someone, they do not say what the article is about. Each term belongs to one theme: a term listed
under several themes scores in the one where its weight is highest (ties: the first listed) and
only blocks shorter terms in the others.

Scoring, per theme (GDELT-style weighted counts, made comparable across articles):

1. Longest match wins within a theme, without overlaps, so a phrase with weight 0 or below
   ("law enforcement" under law_and_policy) blocks its shorter terms ("law"); a negative
   weight also subtracts, to exclude a misleading sense.
2. Each occurrence counts by position: ×1.5 in the first body paragraph (the news lede), ×1
   elsewhere; and half that
   inside an enumeration of three or more items ("terrorism, fraud, drug trafficking and
   cybercrime"), which names its items in passing.
3. A term's positional count ``c`` (≥ 1) contributes ``weight × (1 + ln c)`` (sublinear tf:
   the tenth "cybercrime" adds less than the first).
4. The theme's sum is divided by ``sqrt(body words / 100)`` (at least 1), so that a long
   article does not outscore a short one by length alone.

The score is thus "weighted mentions per 100 words, softened": 1 is about one plain mention of a
weight-1 term in a 100-word article. Themes scoring below ``min_score`` (:data:`MIN_SCORE`) are
weak (one passing mention of a half-weight term in 100 words or more) and left out; the rest are listed,
highest first.

>>> article = parse_article("Police seize heroin\\n\\nOfficers seized 20 kg of heroin from a drug syndicate.")
>>> themes(article).iloc[0]["theme"]
'drug_trafficking'
"""
from __future__ import annotations

import functools
import json
import math
import os
import re
import unicodedata
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import product
from pathlib import Path
from typing import Any

import pandas as pd

from .article import Article, parse_article  # noqa: F401  (parse_article used in the doctest)
from .errors import AnalysisError
from .lexicons import load_json
from .name_spans import free_spans, name_spans
from .tables import columns

COLUMNS = columns("themes")

#: Positional weights of an occurrence (see the module docstring).
LEDE_WEIGHT, BODY_WEIGHT = 1.5, 1.0
#: Themes scoring less are left out by default: one passing mention of a light (weight 0.5) term.
#: At 1.0 the cut also dropped themes named once with full weight in a long article, which cost
#: R-precision 0.72 -> 0.74 (dev2), 0.73 -> 0.81 (fresh1) and 0.73 -> 0.80 (fresh3, unseen).
MIN_SCORE = 0.5
#: Weight of a term named as one item of an enumeration of at least LIST_ITEMS terms.
LIST_WEIGHT, LIST_ITEMS, ITEM_WORDS = 0.5, 3, 5
_LIST_OPENERS = frozenset({"including", "include", "included", "as", "like", "namely", "notably", "particularly", "especially"})
#: Body length (words) below which scores are not scaled down.
LENGTH_PIVOT = 100

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*(?:[-‐‑][^\W_]+(?:['’][^\W_]+)*)*", re.UNICODE)
_HYPHENS = re.compile(r"[-‐‑]")
#: Articles are skipped in text and terms alike: "strengthen the capacity" matches "strengthen capacity".
_SKIPPED = frozenset({"the", "a", "an"})

# British → American spellings, applied to both text and terms so either spelling matches.
_SPELLING = (
    (re.compile(r"(?<=\w\w\w)is(e|es|ed|ing|ation|ations|er|ers)$"), r"iz\1"),
    (re.compile(r"(?<=\w\w)ys(e|es|ed|ing)$"), r"yz\1"),  # analyse → analyze
    (re.compile(r"(?<=\w\w\w)our(s|ed|ing|ite|ites)?$"), lambda m: "or" + (m.group(1) or "")),
    (re.compile(r"(?<=\w\w\w)tre(s)?$"), lambda m: "ter" + (m.group(1) or "")),
    (re.compile(r"^(def|off|lic|pret)ence(s)?$"), lambda m: m.group(1) + "ense" + (m.group(2) or "")),
    (re.compile(r"^programme(s)?$"), lambda m: "program" + (m.group(1) or "")),
    (re.compile(r"(?<=\w\w)ll(ing|ed|er|ers)$"), r"l\1"),  # counselling → counseling
)


@functools.lru_cache(maxsize=65536)
def normalize_word(word: str) -> str:
    """The matching key of one word: case folded, possessive dropped, American spelling, singular.

    >>> [normalize_word(w) for w in ("Organisations", "KNPA's", "policies", "defence", "crimes")]
    ['organization', 'knpa', 'policy', 'defense', 'crime']
    """
    w = word.casefold().replace("’", "'")
    if not w.isascii():  # communiqué → communique, attaché → attache
        w = "".join(c for c in unicodedata.normalize("NFKD", w) if not unicodedata.combining(c))
    if w.endswith("'s") or w.endswith("s'"):
        w = w[:-2] if w.endswith("'s") else w[:-1]
    for pattern, replacement in _SPELLING:
        w = pattern.sub(replacement, w)
    # plural → singular (light, rule-based; both text and terms go through it)
    if len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif len(w) > 4 and w.endswith(("sses", "xes", "ches", "shes", "zzes")):
        w = w[:-2]
    elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "'s")):
        w = w[:-1]
    return w


def _tokens(text: str, lo: int = 0, hi: int | None = None) -> tuple[list[str], dict[int, tuple[str, int]], set[int], list[tuple[int, int]]]:
    """Normalised words of ``text[lo:hi]`` (hyphenated compounds split into parts); at each part index
    where a compound starts, the compound written as one word with the number of its parts; the
    part indexes that follow a comma or semicolon; and each part's (start, end) in ``text``."""
    parts: list[str] = []
    compounds: dict[int, tuple[str, int]] = {}
    after_comma: set[int] = set()
    offsets: list[tuple[int, int]] = []
    end = lo
    for match in _WORD.finditer(text, lo, len(text) if hi is None else hi):
        if "," in text[end : match.start()] or ";" in text[end : match.start()]:
            after_comma.add(len(parts))
        end = match.end()
        pieces = _HYPHENS.split(match.group())
        if len(pieces) > 1:
            compounds[len(parts)] = (normalize_word("".join(pieces)), len(pieces))
            at = match.start()
            for piece in pieces:
                parts.append(normalize_word(piece))
                offsets.append((at, at + len(piece)))
                at += len(piece) + 1
        elif (key := normalize_word(pieces[0])) not in _SKIPPED:
            parts.append(key)
            offsets.append((match.start(), match.end()))
    return parts, compounds, after_comma, offsets


# --- taxonomy ------------------------------------------------------------------


@dataclass(frozen=True)
class _Term:
    theme: int
    text: str  # the term as written in the taxonomy
    words: tuple[str, ...]  # normalised words; the last may end with "*"
    weight: float


@dataclass
class _Node:
    """A trie node over normalised words; ``wild`` holds (prefix, child) for words ending in ``*``."""

    next: dict[str, _Node] = field(default_factory=dict)
    wild: list[tuple[str, _Node]] = field(default_factory=list)
    terms: list[_Term] = field(default_factory=list)

    def add(self, words: tuple[str, ...], term: _Term) -> None:
        node = self
        for word in words:
            if word.endswith("*"):
                prefix = word[:-1]
                child = next((c for p, c in node.wild if p == prefix), None)
                if child is None:
                    child = _Node()
                    node.wild.append((prefix, child))
            else:
                child = node.next.setdefault(word, _Node())
            node = child
        node.terms.append(term)


@dataclass(frozen=True)
class Taxonomy:
    """A compiled taxonomy: theme ids, labels and descriptions, and its terms in a word trie."""

    ids: tuple[str, ...]
    labels: tuple[str, ...]
    descriptions: tuple[str, ...]
    trie: _Node
    terms: tuple[_Term, ...]


def _variants(term: str) -> list[tuple[str, ...]]:
    """Word sequences a term matches: its words, and every way of writing adjacent words as one."""
    star = term.endswith("*")
    raw = [w for w in re.split(r"[\s\-‐‑]+", term.strip().rstrip("*")) if w and w not in ("*",)]
    raw = [w for w in raw if w.casefold() not in _SKIPPED] or raw
    if not raw:
        return []
    out = []
    for joins in product((False, True), repeat=len(raw) - 1):
        words, current = [], raw[0]
        for join, word in zip(joins, raw[1:]):
            if join:
                current += word
            else:
                words.append(current)
                current = word
        words.append(current)
        keys = [w.casefold() if w.endswith("*") else normalize_word(w) for w in words]
        if star:
            keys[-1] = words[-1].casefold() + "*"
        keys = [k for k in keys if k not in _SKIPPED]
        if keys and not any("*" in k[:-1] for k in keys):
            out.append(tuple(keys))
    return list(dict.fromkeys(out))


def compile_taxonomy(data: Mapping[str, Any]) -> Taxonomy:
    """Check and index a taxonomy dict ``{"themes": [{"id", "label", "description", "terms"}]}``."""
    entries = data.get("themes") if isinstance(data, Mapping) else None
    if not isinstance(entries, list) or not entries:
        raise AnalysisError("taxonomy: expected {'themes': [{'id': ..., 'label': ..., 'terms': {term: weight}}]}")
    ids, labels, descriptions = [], [], []
    listed: list[list[tuple[str, float, tuple[str, ...]]]] = []
    owner: dict[tuple[str, ...], tuple[float, int]] = {}  # words -> (weight, theme) of its positive scorer
    for number, entry in enumerate(entries):
        if not isinstance(entry, Mapping) or not entry.get("id") or not isinstance(entry.get("terms"), Mapping):
            raise AnalysisError(f"taxonomy: theme #{number} needs an 'id' and a 'terms' mapping of term to weight")
        ids.append(str(entry["id"]))
        labels.append(str(entry.get("label") or entry["id"]))
        descriptions.append(str(entry.get("description") or ""))
        seen: set[tuple[str, ...]] = set()
        theme_terms = []
        for text, weight in entry["terms"].items():
            try:
                weight = float(weight)
            except (TypeError, ValueError):
                raise AnalysisError(f"taxonomy: theme {entry['id']!r}, term {text!r}: weight must be a number") from None
            for words in _variants(str(text)):
                if words in seen:  # the first spelling listed wins
                    continue
                seen.add(words)
                theme_terms.append((str(text), weight, words))
                if weight > 0 and weight > owner.get(words, (0.0, -1))[0]:
                    owner[words] = (weight, len(ids) - 1)
        listed.append(theme_terms)
    trie = _Node()
    terms: list[_Term] = []
    for theme, theme_terms in enumerate(listed):
        for text, weight, words in theme_terms:
            if weight > 0 and owner[words][1] != theme:
                weight = 0.0  # scored by another theme; here it only blocks shorter terms
            term = _Term(theme, text, words, weight)
            trie.add(words, term)
            terms.append(term)
    return Taxonomy(tuple(ids), tuple(labels), tuple(descriptions), trie, tuple(terms))


@functools.lru_cache(maxsize=1)
def _default_taxonomy(_key: str) -> Taxonomy:
    return compile_taxonomy(load_json("themes"))


@functools.lru_cache(maxsize=16)
def _file_taxonomy(path: str, _mtime: float) -> Taxonomy:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise AnalysisError(f"{path}: cannot read the taxonomy ({error})") from None
    return compile_taxonomy(data)


def load_taxonomy(taxonomy: str | Path | Mapping[str, Any] | Taxonomy | None = None) -> Taxonomy:
    """The compiled taxonomy: the built-in one (None), a JSON file path, or a dict."""
    if taxonomy is None:
        return _default_taxonomy(os.environ.get("ANALYSIS_LEXICONS", ""))
    if isinstance(taxonomy, Taxonomy):
        return taxonomy
    if isinstance(taxonomy, Mapping):
        return compile_taxonomy(taxonomy)
    if not isinstance(taxonomy, (str, os.PathLike)):
        raise AnalysisError(f"themes: taxonomy must be None, a file path or a dict, not {type(taxonomy).__name__}")
    path = Path(taxonomy)
    if not path.is_file():
        raise AnalysisError(f"{path}: no such taxonomy file")
    return _file_taxonomy(str(path.resolve()), path.stat().st_mtime)


def taxonomy_table(taxonomy: str | Path | Mapping[str, Any] | None = None) -> pd.DataFrame:
    """The themes of a taxonomy: ``theme``, ``label``, ``description``, ``terms`` (number of terms)."""
    tax = load_taxonomy(taxonomy)
    n_terms = defaultdict(set)
    for term in tax.terms:
        n_terms[term.theme].add(term.text)
    return pd.DataFrame(
        {"theme": tax.ids, "label": tax.labels, "description": tax.descriptions,
         "terms": [len(n_terms[i]) for i in range(len(tax.ids))]}
    )


# --- matching --------------------------------------------------------------------


def _walk(node: _Node, parts: list[str], compounds: dict[int, tuple[str, int]], j: int, out: list) -> None:
    """Collect (end part, term) for every term of the trie ``node`` that matches from part ``j``."""
    for term in node.terms:
        out.append((j, term))
    steps = []
    if j < len(parts):
        steps.append((parts[j], j + 1))
    if j in compounds:
        key, n_parts = compounds[j]
        steps.append((key, j + n_parts))
    for key, after in steps:
        child = node.next.get(key)
        if child is not None:
            _walk(child, parts, compounds, after, out)
        for prefix, wild in node.wild:
            if key.startswith(prefix):
                _walk(wild, parts, compounds, after, out)


def _matches(tax: Taxonomy, parts: list[str], compounds: dict[int, tuple[str, int]]) -> list[tuple[_Term, int, int]]:
    """(term, first part, parts covered) for each theme's longest non-overlapping matches."""
    candidates: dict[int, list[tuple[int, int, _Term]]] = defaultdict(list)  # theme -> (start, length, term)
    for i in range(len(parts)):
        found: list[tuple[int, _Term]] = []
        _walk(tax.trie, parts, compounds, i, found)
        for end, term in found:
            candidates[term.theme].append((i, end - i, term))
    matches = []
    for theme_matches in candidates.values():
        theme_matches.sort(key=lambda m: (m[0], -m[1], -abs(m[2].weight)))
        covered_until = 0
        for start, length, term in theme_matches:
            if start >= covered_until:
                matches.append((term, start, length))
                covered_until = start + length
    return matches


def _listed(matches: list[tuple[_Term, int, int]], parts: list[str], after_comma: set[int]) -> set[int]:
    """Indexes into ``matches`` of terms inside an enumeration ("fraud, cybercrime, drug trafficking
    and terrorism"): at least LIST_ITEMS comma-separated items of at most ITEM_WORDS words each.

    A list names its items in passing; the word that introduces it ("transnational crimes
    including ...") is not an item.
    """
    commas = sorted(after_comma)
    regions: list[tuple[int, int]] = []
    group: list[int] = []
    for comma in commas + [None]:
        if comma is not None and (not group or comma - group[-1] <= ITEM_WORDS):
            group.append(comma)
            continue
        if len(group) >= LIST_ITEMS - 1:
            start = max(group[0] - ITEM_WORDS // 2 - 1, 0)
            start = max([start] + [i + 1 for i in range(start, group[0]) if parts[i] in _LIST_OPENERS])
            regions.append((start, min(group[-1] + ITEM_WORDS, len(parts))))
        group = [comma] if comma is not None else []
    return {
        number
        for number, (_, start, length) in enumerate(matches)
        if any(low <= start and start + length <= high for low, high in regions)
    }


MATCH_COLUMNS = columns("theme_matches")


def theme_matches(article: Article, *, taxonomy: str | Path | Mapping[str, Any] | None = None, names: bool = True) -> pd.DataFrame:
    """Every occurrence of a taxonomy term that counts for a theme: ``theme``, ``label``, ``term`` (as in
    the taxonomy), ``weight``, ``listed`` (inside an enumeration), ``sentence`` and ``char_start``/``char_end``
    in ``article.text``. Body sentences only; with ``names`` (the default) nothing inside a name counts.

    >>> article = parse_article("T\\n\\nOfficers seized heroin.")
    >>> theme_matches(article)[["theme", "term"]].values.tolist()
    [['drug_trafficking', 'heroin']]
    """
    tax = load_taxonomy(taxonomy)
    masked = name_spans(article) if names else []
    rows = []
    for sentence in article.body_sentences:
        for lo, hi in free_spans(sentence.start, sentence.end, masked):
            parts, compounds, after_comma, offsets = _tokens(article.text, lo, hi)
            matches = _matches(tax, parts, compounds)
            listed = _listed(matches, parts, after_comma)
            for number, (term, first, length) in enumerate(matches):
                rows.append((tax.ids[term.theme], tax.labels[term.theme], term.text, term.weight, number in listed,
                             sentence.index, offsets[first][0], offsets[first + length - 1][1], term.theme))
    rows.sort(key=lambda r: (r[6], r[8]))
    return pd.DataFrame([r[:8] for r in rows], columns=MATCH_COLUMNS)


def themes(
    article: Article,
    *,
    taxonomy: str | Path | Mapping[str, Any] | None = None,
    min_score: float = MIN_SCORE,
    names: bool = True,
) -> pd.DataFrame:
    """Themes of ``article`` sorted by score: ``theme``, ``label``, ``score``, ``count``, ``terms``
    ("cybercrime×8; cyber threat×2"), ``paragraphs`` (indices into ``article.paragraphs``),
    ``evidence`` (the sentence that shows the theme best), ``sentence`` (its index) and
    ``char_start``/``char_end`` (the theme's first term in that sentence).

    ``taxonomy``: None for the built-in one, a path to a JSON file, or a dict of the same shape.
    ``min_score``: weaker themes are left out (0 keeps every theme with a positive score).
    ``names=False`` also counts terms inside names.
    """
    tax = load_taxonomy(taxonomy)
    matches = theme_matches(article, taxonomy=tax, names=names)
    if matches.empty:
        return pd.DataFrame(columns=COLUMNS)
    lede = article.body_paragraphs[0].index if article.body_paragraphs else -1
    order = {theme: i for i, theme in enumerate(tax.ids)}
    length_norm = math.sqrt(max(article.word_count, LENGTH_PIVOT) / LENGTH_PIVOT)
    rows = []
    for theme, found in matches.groupby("theme", sort=False):
        positional: dict[str, float] = defaultdict(float)
        weights: dict[str, float] = {}
        for term, weight, listed, sentence in zip(found["term"], found["weight"], found["listed"], found["sentence"]):
            place = LEDE_WEIGHT if article.sentences[sentence].paragraph == lede else BODY_WEIGHT
            positional[term] += place * (LIST_WEIGHT if listed else 1.0)
            weights[term] = weight
        score = sum(weights[t] * (1 + math.log(c)) for t, c in positional.items()) / length_norm
        positive = found[found["weight"] > 0]
        if score <= 0 or positive.empty or score < min_score:
            continue
        counts = positive["term"].value_counts(sort=False)
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1] * weights[kv[0]], -kv[1], kv[0]))
        by_sentence = positive.groupby("sentence", sort=True)["weight"].sum()
        best = int(max(by_sentence.items(), key=lambda kv: (kv[1], -kv[0]))[0])
        first = positive[positive["sentence"] == best].iloc[0]
        rows.append({
            "theme": theme,
            "label": first["label"],
            "score": round(score, 3),
            "count": int(counts.sum()),
            "terms": "; ".join(f"{k}×{v}" for k, v in ranked),
            "paragraphs": sorted({article.sentences[i].paragraph for i in positive["sentence"]}),
            "evidence": article.sentences[best].text,
            "sentence": best,
            "char_start": int(first["char_start"]),
            "char_end": int(first["char_end"]),
            "_order": order[theme],
        })
    if not rows:
        return pd.DataFrame(columns=COLUMNS)
    rows.sort(key=lambda r: (-r["score"], -r["count"], r.pop("_order")))
    return pd.DataFrame(rows, columns=COLUMNS)
