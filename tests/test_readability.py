"""Readability: whole-body numbers equal textstat's own, paragraphs and sentences add up, random text."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis._textstat import get_textstat
from analysis.article import parse_article
from analysis.readability import COLUMNS, MEASURES, SENTENCE_COLUMNS, readability, sentence_readability


def test_body_row_equals_textstat_on_the_same_text(seed):
    ts = get_textstat()
    table = readability(seed)
    assert list(table.columns) == COLUMNS
    body = table[table["scope"] == "body"].iloc[0]
    text = seed.body
    # one counting scope: the article's own words and sentences of the body, as the summary counts them
    assert body["words"] == seed.word_count
    assert body["sentences"] == len(seed.body_sentences)
    assert body["syllables"] == ts.syllable_count(text)
    assert body["difficult_words"] == ts.difficult_words(text)
    for name in MEASURES:
        expected = ts.text_standard(text, float_output=True) if name == "text_standard_grade" else getattr(ts, name)(text)
        assert body[name] == expected, name
    assert isinstance(body["text_standard"], str) and body["text_standard"].endswith("grade")
    # a plausible grade for a press release, and syllables from the CMU dictionary
    assert 8 < body["flesch_kincaid_grade"] < 25
    assert ts.syllable_count("cybercrime") == 3


def test_syllables_come_from_the_cmu_dictionary_not_pyphen():
    # words where Pyphen's hyphenation and the CMU dictionary disagree
    ts = get_textstat()
    assert [ts.syllable_count(w) for w in ("secretariat", "symposium", "area", "video")] == [5, 4, 3, 3]


def test_one_row_per_body_paragraph_with_its_index(seed):
    table = readability(seed)
    paragraphs = table[table["scope"] == "paragraph"]
    assert list(paragraphs["paragraph"]) == [p.index for p in seed.body_paragraphs]
    assert table.loc[table["scope"] == "body", "paragraph"].isna().all()
    ts = get_textstat()
    for row in paragraphs.itertuples():
        text = seed.paragraphs[row.paragraph].text
        assert row.sentences == sum(s.paragraph == row.paragraph for s in seed.body_sentences)
        assert row.flesch_reading_ease == ts.flesch_reading_ease(text)
    # words of the paragraphs add up to the body's
    assert paragraphs["words"].sum() == table.loc[table["scope"] == "body", "words"].iloc[0]


def test_sentence_readability_points_at_the_hardest_sentence():
    article = parse_article(
        "Title\n\nThe cat sat. Notwithstanding considerable institutional heterogeneity, "
        "multilateral interoperability initiatives necessitate comprehensive organisational harmonisation."
    )
    table = sentence_readability(article)
    assert list(table.columns) == SENTENCE_COLUMNS
    assert list(table["sentence"]) == [s.index for s in article.body_sentences]
    hardest = table.sort_values("grade", ascending=False).iloc[0]
    assert hardest["text"].startswith("Notwithstanding") and hardest["difficult_words"] >= 5
    easy = table.iloc[0]
    assert (easy["words"], easy["syllables"]) == (3, 3)
    assert easy["grade"] == pytest.approx(0.39 * 3 + 11.8 * 1 - 15.59, abs=0.01)


def test_seed_sentences_have_text_and_grades(seed):
    table = sentence_readability(seed)
    assert len(table) == len(seed.body_sentences)
    for row in table.itertuples():
        assert row.text == seed.sentences[row.sentence].text and row.words > 0


def test_empty_article_gives_empty_tables():
    assert list(readability(parse_article("")).columns) == COLUMNS and readability(parse_article("")).empty
    assert list(sentence_readability(parse_article("")).columns) == SENTENCE_COLUMNS


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_random_text_never_crashes(text):
    article = parse_article(text)
    table = readability(article)
    assert set(table["scope"]) <= {"body", "paragraph"}
    sentence_readability(article)


def test_counts_agree_with_the_summary_and_the_term_tables(seed):
    """One counting scope (the body): readability's counts are the article's, and every term count is KWIC's
    (the seed, and the dev articles where ../shared is beside this checkout)."""
    from analysis import kwic, load_article, term_frequencies

    from . import conftest

    dev = [load_article(p) for p in sorted(conftest.DEV.glob("*.txt"))] if conftest.DEV.is_dir() else []
    for article in [seed, *dev]:
        body = readability(article).iloc[0]
        assert (body["words"], body["sentences"]) == (article.word_count, len(article.body_sentences)), article.id
        paragraphs = readability(article).iloc[1:]
        assert paragraphs["sentences"].sum() == len(article.body_sentences)
        assert paragraphs["words"].sum() == article.word_count
        words = term_frequencies(article)
        for term, count in zip(words["term"].head(8), words["count"].head(8)):
            assert len(kwic(article, term, exact=True)) == count, (article.id, term)
