"""Terms: news-aware tokens, n-gram frequencies, keyness against general English, key phrases, KWIC.

Tokenisation (:func:`tokens`): words are letters/digits joined by inner hyphens or apostrophes
("cyber-attacks" stays one term); case is folded except for acronyms (KNPA, ASEANAPOL, GLACY-E);
possessives are folded ("KNPA's", "KNPA’s" → KNPA); single characters and, unless
``numbers=True``, numbers ("2024", "34th", "1,000") are dropped. N-grams are built inside one
sentence and one clause (they never cross a sentence or a , ; : ( ) " mark, nor a dropped token)
and never start or end on a stop word. Only body sentences count.

>>> article = parse_article("Title\\n\\nKNPA's experts met. The KNPA agreed.")
>>> term_frequencies(article).iloc[0]["term"]
'KNPA'
"""
from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

import pandas as pd

from .article import Article, parse_article  # noqa: F401  (parse_article used in the doctest)
from .errors import AnalysisError
from .lexicons import load_lexicon
from .tables import columns

TERM_COLUMNS = columns("term_frequencies")
KEYNESS_COLUMNS = columns("keyness")
KWIC_COLUMNS = columns("kwic")
KEYPHRASE_COLUMNS = columns("keyphrases")

#: Nominal size (tokens) of the general-English reference when it is wordfreq: its frequencies
#: are turned into counts over a corpus this large for the 2×2 log-likelihood table.
REFERENCE_TOKENS = 1_000_000_000

_TOKEN = re.compile(r"[^\W_]+(?:[-'’‐‑][^\W_]+)*", re.UNICODE)
# Marks that end a clause: n-grams never run across them.
_CLAUSE = re.compile(r"[,;:()\[\]\"“”‘’'!?…]|\s[-–—]\s|[–—]")
# A key phrase does not join two things ("smuggling and human" is not a phrase).
_CONJUNCTIONS = frozenset({"and", "or", "but", "nor", "as", "than"})
_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)
_NUMBER = re.compile(r"\d+(?:st|nd|rd|th|s)?|\d[\d'’-]*", re.IGNORECASE)


@functools.lru_cache(maxsize=4)
def _builtin_stopwords(entries: tuple[str, ...]) -> frozenset[str]:
    return frozenset(w.casefold() for w in entries)


def _stopwords(extra: Iterable[str] | None = None) -> frozenset[str]:
    """The built-in stop words (and any in ``$ANALYSIS_LEXICONS/stopwords.txt``), plus ``extra``."""
    words = _builtin_stopwords(load_lexicon("stopwords"))
    if extra is not None:
        if isinstance(extra, str):
            raise AnalysisError("stopwords: expected a list of words, not one string")
        words = words | {w.casefold() for w in extra}
    return words


@functools.lru_cache(maxsize=65536)
def _fold(word: str) -> str:
    """A raw token's term form: possessive dropped; case folded unless an acronym."""
    word = _POSSESSIVE.sub("", word)
    letters = [c for c in word if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return word.replace("’", "'")
    return word.casefold().replace("’", "'")


def _spans(text: str, *, numbers: bool = False) -> list[list[tuple[str, int, int]]]:
    """Runs of (term, start, end) that n-grams may join: split at clause marks and dropped tokens."""
    runs: list[list[tuple[str, int, int]]] = []
    last = 0
    current: list[tuple[str, int, int]] = []
    for match in _TOKEN.finditer(text):
        if _CLAUSE.search(text, last, match.start()):
            if current:
                runs.append(current)
            current = []
        last = match.end()
        raw = match.group()
        word = _fold(raw)
        if len(word) < 2 or (not numbers and _NUMBER.fullmatch(word)):
            if current:
                runs.append(current)
            current = []
            continue
        current.append((word, match.start(), match.start() + len(raw)))
    if current:
        runs.append(current)
    return runs


def tokens(text: str, *, numbers: bool = False) -> list[str]:
    """Terms of ``text`` in order: possessives folded, case folded except acronyms.

    >>> tokens("KNPA’s cyber-attacks rose 20% in 2024.")
    ['KNPA', 'cyber-attacks', 'rose', 'in']
    """
    return [word for run in _spans(text, numbers=numbers) for word, _, _ in run]


def _is_stop(word: str, stop: frozenset[str]) -> bool:
    # An acronym is never a stop word: "US" is not "us", "IT" is not "it".
    return word.casefold() in stop and not word.isupper()


def _ngrams(article: Article, ngram: int, numbers: bool, stop: frozenset[str]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for sentence in article.body_sentences:
        for run in _spans(sentence.text, numbers=numbers):
            words = [w for w, _, _ in run]
            for i in range(len(words) - ngram + 1):
                gram = words[i : i + ngram]
                if _is_stop(gram[0], stop) or _is_stop(gram[-1], stop):
                    continue
                counts[" ".join(gram)] += 1
    return counts


def _table(counts: Mapping[str, int]) -> pd.DataFrame:
    if not counts:
        return pd.DataFrame({"term": pd.Series(dtype=str), "count": pd.Series(dtype=int), "frequency": pd.Series(dtype=float)})
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    table = pd.DataFrame(rows, columns=["term", "count"])
    table["frequency"] = table["count"] / table["count"].sum()
    return table


def term_frequencies(
    article: Article, *, ngram: int = 1, numbers: bool = False, stopwords: Iterable[str] | None = None
) -> pd.DataFrame:
    """Terms of ``ngram`` words in the body: ``term``, ``count``, ``frequency`` (share of all counted terms).

    ``stopwords``: extra stop words on top of the built-in English list (``lexicons/stopwords.txt``).
    """
    if ngram not in (1, 2, 3, 4, 5):
        raise AnalysisError(f"ngram: expected 1 to 5, got {ngram!r}")
    return _table(_ngrams(article, ngram, numbers, _stopwords(stopwords)))


# --- keyness -----------------------------------------------------------------------


def _g2(a: float, b: float, c: float, d: float) -> float:
    """Signed log-likelihood G² (Dunning 1993) of a term seen ``a`` times in ``c`` target tokens
    and ``b`` times in ``d`` reference tokens; negative when the term is rarer in the target."""
    e1 = c * (a + b) / (c + d)
    e2 = d * (a + b) / (c + d)
    g2 = 2 * ((a * math.log(a / e1) if a else 0.0) + (b * math.log(b / e2) if b else 0.0))
    return g2 if a >= e1 else -g2


def _log_ratio(a: float, b: float, c: float, d: float) -> float:
    """Hardie's (2014) log ratio: log2 of the ratio of relative frequencies, zeros corrected to 0.5."""
    return math.log2((max(a, 0.5) / c) / (max(b, 0.5) / d))


def _reference_counts(reference: object, stop: frozenset[str]) -> tuple[Mapping[str, float], float] | None:
    """(term → count, total tokens) of a corpus reference, or None for general English."""
    if reference is None:
        return None
    if isinstance(reference, pd.DataFrame):
        if not {"term", "count"} <= set(reference.columns):
            raise AnalysisError("keyness: a reference table needs 'term' and 'count' columns")
        counts = reference.groupby("term")["count"].sum()
        if (counts < 0).any() or counts.sum() <= 0:
            raise AnalysisError("keyness: reference counts must be non-negative and not all zero")
        return counts.to_dict(), float(counts.sum())
    if isinstance(reference, Article):
        reference = [reference]
    if isinstance(reference, Sequence) and all(isinstance(r, Article) for r in reference):
        total: Counter[str] = Counter()
        for other in reference:
            total.update(_ngrams(other, 1, False, stop))
        if not total:
            raise AnalysisError("keyness: the reference articles hold no terms")
        return total, float(sum(total.values()))
    raise AnalysisError("keyness: reference must be None (general English), Articles, or a term/count DataFrame")


def keyness(article: Article, *, reference: object = None) -> pd.DataFrame:
    """Terms unusually frequent in ``article``, as quanteda's ``textstat_keyness`` reports them.

    ``count``/``frequency`` are the term's count and relative frequency in the body (unigrams,
    stop words dropped); ``reference_frequency`` its relative frequency in the reference:
    general English from wordfreq (offline; the data ships in the package) when ``reference`` is
    None, else a corpus (a list of Articles, or a DataFrame with ``term`` and ``count``).
    ``g2`` is the signed log-likelihood (positive = more frequent than in the reference; the
    wordfreq reference counts as a corpus of :data:`REFERENCE_TOKENS` tokens), ``log_ratio``
    Hardie's binary log of the ratio of relative frequencies, ``p_value`` that of G² under χ²(1).
    Sorted by ``g2``, highest first.
    """
    stop = _stopwords()
    counts = _ngrams(article, 1, False, stop)
    if not counts:
        return pd.DataFrame(columns=KEYNESS_COLUMNS)
    c = float(sum(counts.values()))
    corpus = _reference_counts(reference, stop)
    if corpus is None:
        from wordfreq import word_frequency

        d = float(REFERENCE_TOKENS)
        ref = {term: word_frequency(term, "en") * d for term in counts}
    else:
        ref_counts, d = corpus
        d = max(d, 1.0)
        ref = {term: float(ref_counts.get(term, 0)) for term in counts}
    rows = []
    for term, a in counts.items():
        b = ref[term]
        g2 = _g2(a, b, c, d)
        rows.append((term, a, a / c, b / d, g2, _log_ratio(a, b, c, d), math.erfc(math.sqrt(abs(g2) / 2))))
    table = pd.DataFrame(rows, columns=KEYNESS_COLUMNS)
    return table.sort_values(["g2", "term"], ascending=[False, True], kind="mergesort").reset_index(drop=True)


# --- key phrases -----------------------------------------------------------------------


def keyphrases(article: Article, *, n: int = 15) -> pd.DataFrame:
    """Key phrases of ``article``: ``phrase``, ``score``, ``count``; the best ``n``, highest score first.

    Candidates are the 1- to 3-word n-grams of the body (the package's one counting scope: the
    title is not counted; the rules of :func:`term_frequencies`, and no conjunction inside:
    "smuggling and human" is no phrase). A phrase scores ``tf × specificity``: ``tf`` is
    ``1 + ln(count)``, ``specificity`` is ``-log10`` of the phrase's
    frequency in general English (wordfreq, floored at 1e-9), so frequent *and* unusual phrases
    rank first. A phrase never seen outside a longer selected phrase is dropped, as is one that
    only repeats a selected phrase's words.
    """
    if n < 1:
        raise AnalysisError(f"n: expected a positive number, got {n!r}")
    stop = _stopwords()
    counts: Counter[str] = Counter()
    for sentence in article.body_sentences:
        for run in _spans(sentence.text):
            words = [w for w, _, _ in run]
            for size in (1, 2, 3):
                for i in range(len(words) - size + 1):
                    gram = words[i : i + size]
                    if _is_stop(gram[0], stop) or _is_stop(gram[-1], stop) or _CONJUNCTIONS & set(gram[1:-1]):
                        continue
                    counts[" ".join(gram)] += 1
    if not counts:
        return pd.DataFrame(columns=KEYPHRASE_COLUMNS)
    from wordfreq import word_frequency

    scored = []
    for phrase, count in counts.items():
        specificity = -math.log10(max(word_frequency(phrase, "en"), 1e-9))
        scored.append((phrase, (1 + math.log(count)) * specificity, count))
    scored.sort(key=lambda row: (-row[1], -len(row[0].split()), row[0]))  # at equal scores, the longer phrase
    chosen: list[tuple[str, float, int]] = []
    for phrase, score, count in scored:
        folded = f" {phrase.casefold()} "
        inside = [c for c in chosen if folded in f" {c[0].casefold()} "]
        if any(count <= c[2] for c in inside):
            continue  # only ever part of a chosen longer phrase
        if any(f" {c[0].casefold()} " in folded for c in chosen) and len(phrase.split()) > 1:
            words = set(phrase.casefold().split())
            covered = set(" ".join(c[0] for c in chosen).casefold().split())
            if words <= covered:
                continue  # adds no word that a chosen phrase does not already show
        chosen.append((phrase, score, count))
        if len(chosen) == n:
            break
    table = pd.DataFrame(chosen, columns=KEYPHRASE_COLUMNS)
    table["score"] = table["score"].round(3)
    return table


# --- keyword in context -----------------------------------------------------------------


def _kwic_key(word: str, exact: bool) -> str:
    word = _POSSESSIVE.sub("", word).casefold().replace("’", "'")
    if exact:
        return word
    from .themes import normalize_word

    return normalize_word(word)


def kwic(article: Article, term: str, *, window: int = 5, exact: bool = False) -> pd.DataFrame:
    """Every occurrence of ``term`` (one or more words) in the body: ``sentence``, ``left`` and ``right``
    (up to ``window`` words of context inside the sentence), ``keyword`` (as written) and its
    ``char_start``/``char_end`` in ``article.text``.

    Words match as :func:`analysis.themes.themes` matches them: case, possessives, curly quotes,
    plurals and British/American spellings folded ("transnational crime" finds "transnational
    crimes"), so a theme's term is found where the theme counted it. ``exact=True`` folds case
    and possessives only, as :func:`term_frequencies` counts terms. A trailing ``*`` matches any ending.

    >>> kwic(parse_article("T\\n\\nThe KNPA’s team met KNPA staff."), "knpa")["keyword"].tolist()
    ['KNPA’s', 'KNPA']
    >>> kwic(parse_article("T\\n\\nTransnational crimes rose."), "transnational crime")["keyword"].tolist()
    ['Transnational crimes']
    """
    if window < 0:
        raise AnalysisError(f"window: expected 0 or more, got {window!r}")
    wanted = [w for w in _TOKEN.findall(term)]
    if not wanted:
        return pd.DataFrame(columns=KWIC_COLUMNS)
    star = term.rstrip().endswith("*")
    keys = [_kwic_key(w, exact or (star and i == len(wanted) - 1)) for i, w in enumerate(wanted)]
    rows = []
    for sentence in article.body_sentences:
        found = list(_TOKEN.finditer(sentence.text))
        k = len(keys)
        words = [_kwic_key(m.group(), exact) for m in found]
        raw = [_kwic_key(m.group(), True) for m in found] if star else words
        for i in range(len(found) - k + 1):
            if words[i : i + k - 1] != keys[:-1]:
                continue
            if not (raw[i + k - 1].startswith(keys[-1]) if star else words[i + k - 1] == keys[-1]):
                continue
            start, end = found[i].start(), found[i + k - 1].end()
            left_start = found[max(0, i - window)].start() if window and i else start
            right_end = found[min(len(found), i + k + window) - 1].end() if window else end
            text = sentence.text
            rows.append(
                {
                    "sentence": sentence.index,
                    "left": text[left_start:start].strip(),
                    "keyword": text[start:end],
                    "right": text[end:right_end].strip(),
                    "char_start": sentence.start + start,
                    "char_end": sentence.start + end,
                }
            )
    return pd.DataFrame(rows, columns=KWIC_COLUMNS)
