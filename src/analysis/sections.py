"""The tables the report sections show, shaped for reading: dates with their evidence, theme evidence,
terms side by side, readability measures grouped with plain-language bands, corpus summaries.

Each function takes the package's tables and returns a DataFrame (or :class:`~analysis.pieces.HTML`)
that :func:`analysis.pieces.table` renders.

>>> band("flesch_reading_ease", 2.08)
'very difficult (university graduate)'
"""
from __future__ import annotations

import html
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .pieces import HTML, note, table, text

if TYPE_CHECKING:
    import pandas as pd

    from .article import Article


# --- timeline -----------------------------------------------------------------------------------


def dated(timeline: pd.DataFrame, dates: pd.DataFrame | None = None) -> pd.DataFrame:
    """The timeline's rows with the ``char_start``/``char_end`` of their words (from the ``dates`` table,
    matched on sentence and text), so that each row links to its mark."""
    import pandas as pd

    if timeline is None or len(timeline) == 0:
        return timeline
    out = timeline.copy()
    if dates is None or len(dates) == 0 or not {"sentence", "text", "char_start"} <= set(dates.columns):
        return out
    spans: dict[tuple, tuple] = {}
    for s, t, a, b in zip(dates["sentence"], dates["text"], dates["char_start"], dates["char_end"]):
        spans.setdefault((s, t), (a, b))
    found = [spans.get((s, t), (None, None)) for s, t in zip(out["sentence"], out["text"])]
    out["char_start"] = pd.array([f[0] for f in found], dtype="Int64")
    out["char_end"] = pd.array([f[1] for f in found], dtype="Int64")
    return out


def timeline_chart(timeline: pd.DataFrame) -> Any:
    """The timeline chart, or a one-line note saying why there is none (fewer than two dates on a calendar)."""
    from . import charts

    marks = charts.timeline_marks(timeline)
    if len(marks) < 2:
        why = "no date with a year" if not marks else "only one date with a year"
        return note(f"No timeline chart: the article gives {why}; the table below lists every date found.")
    return charts.embed(charts.timeline_chart(timeline))


# --- themes -------------------------------------------------------------------------------------


def theme_evidence(themes: pd.DataFrame, article: Article | None = None) -> pd.DataFrame:
    """``label``, ``score``, ``terms`` and ``evidence`` (the sentence that shows the theme best) of each theme,
    strongest first, keeping ``sentence``/``char_start`` for links to the text."""
    import pandas as pd

    keep = ["label", "score", "terms", "evidence", "sentence", "char_start", "char_end"]
    if themes is None or len(themes) == 0:
        out = pd.DataFrame(columns=keep)
        out.attrs.update(getattr(themes, "attrs", {}))
        return out
    out = themes.copy()
    if "label" not in out.columns:
        out["label"] = out.get("theme")
    if "evidence" in out.columns and article is not None:
        out["evidence"] = [
            article.sentences[int(v)].text if isinstance(v, int) or str(v).isdigit() else v for v in out["evidence"]
        ]
    elif "evidence" not in out.columns and article is not None and "sentence" in out.columns:
        out["evidence"] = [article.sentences[int(s)].text if not pd.isna(s) else "" for s in out["sentence"]]
    for column in keep:
        if column not in out.columns:
            out[column] = None
    if out["evidence"].isna().all() and article is not None and out["sentence"].notna().any():
        out["evidence"] = [article.sentences[int(s)].text if not pd.isna(s) else "" for s in out["sentence"]]
    out = out[keep]
    return out.sort_values("score", ascending=False, kind="stable") if out["score"].notna().any() else out


def _theme_terms(themes: pd.DataFrame | None) -> list[str]:
    """The matched terms of the themes, strongest theme first ("cybercrime×9" → "cybercrime")."""
    if themes is None or len(themes) == 0 or "terms" not in themes.columns:
        return []
    ordered = themes.sort_values("score", ascending=False, kind="stable") if "score" in themes.columns else themes
    out = []
    for value in ordered["terms"]:
        items = list(value) if isinstance(value, (list, tuple)) else text(value).split(";")
        out += [re.sub(r"\s*×\s*\d+$", "", text(i)).strip() for i in items if text(i).strip()]
    return out


def top_term(themes: pd.DataFrame, terms: pd.DataFrame) -> str | None:
    """The first matched term of the strongest theme, else the most frequent term, else None."""
    candidates = _theme_terms(themes)
    if not candidates and terms is not None and len(terms) and "term" in terms.columns:
        candidates = [text(terms["term"].iloc[0])]
    return next((c for c in candidates if c), None)


# --- terms --------------------------------------------------------------------------------------


def top_terms(*tables: pd.DataFrame, names: Sequence[str] = ("word", "two-word term"), n: int = 10) -> pd.DataFrame:
    """The ``n`` most frequent terms of each ``term_frequencies`` table side by side, each with its own
    count column ("word", "count of word", ...); counts stay whole numbers.

    >>> import pandas as pd
    >>> top_terms(pd.DataFrame({"term": ["police"], "count": [3]}), pd.DataFrame(columns=["term", "count"])).columns.tolist()
    ['word', 'count of word', 'two-word term', 'count of two-word term']
    """
    import pandas as pd

    columns: dict[str, Any] = {}
    for frame, name in zip(tables, names):
        head = frame.head(n) if frame is not None and len(frame) and "term" in frame.columns else pd.DataFrame(columns=["term", "count"])
        columns[name] = head["term"].to_list()
        columns[f"count of {name}"] = head["count"].to_list()
    rows = max((len(v) for v in columns.values()), default=0)
    out = pd.DataFrame({k: v + [None] * (rows - len(v)) for k, v in columns.items()})
    for name in names:
        if f"count of {name}" in out.columns:
            out[f"count of {name}"] = pd.array(out[f"count of {name}"], dtype="Int64")
    for frame in tables:
        if frame is not None and frame.attrs.get("error"):
            out.attrs["error"] = frame.attrs["error"]
    return out


def kwic_table(lines: pd.DataFrame, term: str | None) -> HTML:
    """Keyword-in-context lines as a three-column table, the keyword centred (escaped like every table)."""
    if term is None:
        return note("No term to show in context.")
    return table(lines, {"left": "before", "keyword": "term", "right": "after"}, empty=f"“{term}” does not occur in the body.",
                 css="analysis-kwic", noun="occurrences", link=True, rows=10)


def theme_kwic(article: Article, themes: pd.DataFrame, terms: pd.DataFrame | None = None, *, tries: int = 6) -> HTML:
    """Keyword in context for the strongest theme's first term (inflections matched as themes match them)."""
    from .report import compute

    candidates = list(dict.fromkeys(_theme_terms(themes)))[:tries]
    if terms is not None and len(terms) and "term" in terms.columns:
        candidates.append(text(terms["term"].iloc[0]))
    for term in candidates:
        lines = compute("kwic", article, term=term)
        if lines.attrs.get("error") or len(lines):
            caption = f'<p>Keyword in context: <strong>{html.escape(term)}</strong></p>'
            return HTML(caption + kwic_table(lines, term))
    return note("No theme term to show in context.")


# --- readability --------------------------------------------------------------------------------

_GRADE = "US school grade: the years of schooling a reader needs (12 ≈ end of secondary school, 16 ≈ a university degree)"
#: measure -> (group, name, what it means); grade measures share one explanation.
MEASURE_INFO: dict[str, tuple[str, str, str]] = {
    "flesch_reading_ease": ("Ease", "Flesch reading ease", "0–100, higher is easier; below 30 is very difficult"),
    "dale_chall_readability_score": ("Ease", "Dale–Chall score", "from the share of words outside 3,000 familiar words; 9 and above: university level"),
    "mcalpine_eflaw": ("Ease", "McAlpine EFLAW", "for readers of English as a foreign language: 20 or less easy, 30 and more very confusing"),
    "flesch_kincaid_grade": ("Grade level", "Flesch–Kincaid grade", _GRADE),
    "gunning_fog": ("Grade level", "Gunning fog index", _GRADE),
    "smog_index": ("Grade level", "SMOG index", _GRADE),
    "coleman_liau_index": ("Grade level", "Coleman–Liau index", _GRADE + "; from letters, not syllables"),
    "automated_readability_index": ("Grade level", "Automated readability index", _GRADE + "; from characters per word"),
    "linsear_write_formula": ("Grade level", "Linsear Write", _GRADE),
    "text_standard_grade": ("Grade level", "Consensus grade", "textstat's consensus of the grade measures above"),
    "spache_readability": ("Grade level", "Spache", "made for children's books up to grade 4; not meaningful for adult news"),
    "words": ("Size", "Words", "in the body"),
    "sentences": ("Size", "Sentences", "in the body"),
    "syllables": ("Size", "Syllables", "CMU Pronouncing Dictionary"),
    "difficult_words": ("Size", "Difficult words", "words of three or more syllables outside the familiar-word list"),
    "reading_time": ("Size", "Reading time", "at 14.69 ms per character (Demberg & Keller)"),
}


def band(measure: str, value: Any) -> str:
    """The plain-language band of ``value`` of ``measure``, or "".

    >>> band("flesch_kincaid_grade", 14.3)
    'university'
    """
    try:
        v = float(value)
    except (TypeError, ValueError):
        return ""
    if measure == "flesch_reading_ease":
        for low, name in ((90, "very easy"), (80, "easy"), (70, "fairly easy"), (60, "plain English"), (50, "fairly difficult"), (30, "difficult")):
            if v >= low:
                return name
        return "very difficult (university graduate)"
    if measure == "dale_chall_readability_score":
        for high, name in ((4.9, "grade 4 and below"), (5.9, "grades 5–6"), (6.9, "grades 7–8"), (7.9, "grades 9–10"), (8.9, "grades 11–12"), (9.9, "university")):
            if v <= high:
                return name
        return "university graduate"
    if measure == "mcalpine_eflaw":
        return "very easy" if v <= 20 else "quite easy" if v <= 25 else "a little difficult" if v <= 29 else "very confusing"
    if MEASURE_INFO.get(measure, ("",))[0] == "Grade level" and measure != "spache_readability":
        return "primary school" if v < 7 else "middle school" if v < 10 else "secondary school" if v < 13 else "university" if v < 17 else "postgraduate"
    return ""


def _value(measure: str, value: Any) -> str:
    try:
        v = float(value)
    except (TypeError, ValueError):
        return text(value)
    if measure == "reading_time":
        minutes, seconds = divmod(round(v), 60)
        return f"{minutes} min {seconds} s" if minutes else f"{seconds} s"
    if measure in ("words", "sentences", "syllables", "difficult_words"):
        return str(int(v))
    return f"{v:.0f}" if measure == "flesch_reading_ease" else f"{v:.1f}"


def measures_table(readability: pd.DataFrame) -> pd.DataFrame:
    """The body's readability as rows ``group``, ``measure``, ``value`` (rounded, with its unit), ``band``
    (plain language) and ``meaning``: ease scores, grade levels, then size."""
    import pandas as pd

    columns = ["group", "measure", "value", "band", "meaning"]
    if readability is None or len(readability) == 0:
        out = pd.DataFrame(columns=columns)
        out.attrs.update(getattr(readability, "attrs", {}))
        return out
    body = readability[readability["scope"] == "body"] if "scope" in readability.columns else readability
    row = (body if len(body) else readability).iloc[0]
    rows = []
    for measure, (group, name, meaning) in MEASURE_INFO.items():
        if measure in row.index:
            rows.append((group, name, _value(measure, row[measure]), band(measure, row[measure]), meaning))
    if "words" in row.index and "sentences" in row.index and float(row["sentences"] or 0):
        rows.append(("Size", "Words per sentence", f"{float(row['words']) / float(row['sentences']):.1f}", "", "long sentences make any text harder"))
    order = {"Ease": 0, "Grade level": 1, "Size": 2}
    rows.sort(key=lambda r: order[r[0]])
    return pd.DataFrame(rows, columns=columns)


def hardest_sentences(sentences: pd.DataFrame, n: int = 3) -> pd.DataFrame:
    """The ``n`` sentences with the highest ``grade`` (``sentence_readability`` table)."""
    if sentences is None or len(sentences) == 0 or "grade" not in sentences.columns:
        return sentences
    import pandas as pd

    graded = sentences.assign(grade=pd.to_numeric(sentences["grade"], errors="coerce"))
    return graded.sort_values("grade", ascending=False, kind="stable").head(n)


# --- corpus -------------------------------------------------------------------------------------


def article_grades(readability: pd.DataFrame, articles: pd.DataFrame, *, measure: str = "flesch_kincaid_grade") -> pd.DataFrame:
    """One row per article: id, title, date and the body's ``measure``, hardest first."""
    import pandas as pd

    if readability is None or len(readability) == 0 or measure not in readability.columns:
        return pd.DataFrame(columns=["article_id", "title", "published", measure])
    body = readability[readability["scope"] == "body"] if "scope" in readability.columns else readability
    body = body[["article_id", measure]]
    if articles is not None and len(articles) and "article_id" in articles.columns:
        keep = [c for c in ("article_id", "title", "published") if c in articles.columns]
        body = articles[keep].merge(body, on="article_id", how="right")
    return body.sort_values([measure, "article_id"], ascending=[False, True], kind="stable")


def across(frame: pd.DataFrame, column: str = "name", *, n: int = 15) -> pd.DataFrame:
    """The ``column`` values named in the most articles: ``column``, ``articles`` (count), ``in`` (ids)."""
    import pandas as pd

    if frame is None or len(frame) == 0 or column not in frame.columns or "article_id" not in frame.columns:
        return pd.DataFrame(columns=[column, "articles", "in"])
    pairs = frame[[column, "article_id"]].dropna().drop_duplicates()
    grouped = pairs.groupby(column)["article_id"].agg(lambda ids: "; ".join(sorted(map(str, ids))))
    counts = pairs.groupby(column).size()
    out = pd.DataFrame({column: counts.index, "articles": counts.to_list(), "in": grouped.reindex(counts.index).to_list()})
    return out.sort_values(["articles", column], ascending=[False, True], kind="stable").head(n)


def open_corpus(source: Any):
    """The :class:`~analysis.corpus.CorpusResult` of ``source``: a folder written by ``analysis corpus``
    (it holds ``corpus.json``) is read back; anything else (folder, glob, file list) is analysed."""
    from . import corpus

    if isinstance(source, (str, Path)) and (Path(source) / "corpus.json").is_file():
        return corpus.read_corpus(source)
    return corpus.analyze_corpus(source)


def corpus_table(result: Any, kind: str) -> pd.DataFrame:
    """``result.<kind>``, or an empty table where the run produced none."""
    import pandas as pd

    try:
        return result.table(kind) if hasattr(result, "table") else getattr(result, kind)
    except (KeyError, AttributeError):
        return pd.DataFrame(columns=["article_id"])
