"""How the article reads: textstat's English measures for the body, each paragraph and each sentence.

Syllables come from the CMU Pronouncing Dictionary through :func:`analysis._textstat.get_textstat`
(offline). ``words`` and ``sentences`` are the package's one count (the article's words and
sentences, as the summary and every other table count them: the body only); ``syllables`` and
``difficult_words`` are textstat's. The measures are textstat's formulas on the same body text
(textstat splits sentences and words its own way inside its formulas, so a measure recomputed
from these columns may differ a little).

>>> int(readability(parse_article("Title\\n\\nThe cat sat on the mat. It was happy.")).loc[0, "words"])
9
"""
from __future__ import annotations

import re
from collections import Counter

import pandas as pd

from ._textstat import get_textstat
from .article import Article, parse_article  # noqa: F401  (parse_article used in the doctest)
from .tables import columns

#: The table's columns (declared in :mod:`analysis.tables`): scope, paragraph, the counts, then textstat's
#: English measures in report order. ``text_standard`` is textstat's consensus grade as a label
#: ("11th and 12th grade"); ``text_standard_grade`` is the same as a number.
COLUMNS = columns("readability")
COUNTS = tuple(COLUMNS[2:6])
MEASURES = tuple(COLUMNS[6:])
SENTENCE_COLUMNS = columns("sentence_readability")


#: A word, as ``Article.word_count`` counts one (the package's one word count).
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


def _measures(text: str, sentences: int) -> dict[str, object]:
    ts = get_textstat()
    row: dict[str, object] = {
        "words": len(_WORD.findall(text)),
        "sentences": sentences,
        "syllables": ts.syllable_count(text),
        "difficult_words": ts.difficult_words(text),
    }
    for name in MEASURES:
        if name == "text_standard_grade":
            row[name] = float(ts.text_standard(text, float_output=True))
        else:
            row[name] = getattr(ts, name)(text)
    return row


def readability(article: Article, *, paragraphs: bool = True) -> pd.DataFrame:
    """Counts and textstat measures for the whole body (``scope`` "body", ``paragraph`` missing)
    and for each body paragraph (``scope`` "paragraph", ``paragraph`` its index in
    ``article.paragraphs``). Columns: ``scope``, ``paragraph``, ``words``, ``sentences``,
    ``syllables``, ``difficult_words``, then :data:`MEASURES`. ``paragraphs=False`` gives the body row only.
    """
    if not article.body.strip():
        return pd.DataFrame(columns=COLUMNS)
    rows = [{"scope": "body", "paragraph": None, **_measures(article.body, len(article.body_sentences))}]
    per_paragraph = Counter(s.paragraph for s in article.body_sentences)  # once, not a pass over every sentence per paragraph
    for paragraph in article.body_paragraphs if paragraphs else ():
        rows.append({"scope": "paragraph", "paragraph": paragraph.index, **_measures(paragraph.text, per_paragraph[paragraph.index])})
    table = pd.DataFrame(rows, columns=COLUMNS)
    table["paragraph"] = table["paragraph"].astype("Int64")
    return table


def sentence_readability(article: Article) -> pd.DataFrame:
    """Per body sentence: ``sentence`` (index), ``text``, ``words``, ``syllables``, ``difficult_words``
    and ``grade``, the Flesch–Kincaid grade of that one sentence
    (0.39 × words + 11.8 × syllables per word − 15.59; the sentence is known to be one sentence,
    so textstat's own sentence splitting, which stops at "Dr.", is not used). Sort by ``grade``
    to find the hardest sentences.
    """
    ts = get_textstat()
    rows = []
    for sentence in article.body_sentences:
        words = len(_WORD.findall(sentence.text))
        syllables = ts.syllable_count(sentence.text)
        grade = 0.39 * words + 11.8 * syllables / words - 15.59 if words else float("nan")
        rows.append(
            {
                "sentence": sentence.index,
                "text": sentence.text,
                "words": words,
                "syllables": syllables,
                "difficult_words": ts.difficult_words(sentence.text),
                "grade": round(grade, 2),
            }
        )
    return pd.DataFrame(rows, columns=SENTENCE_COLUMNS)
