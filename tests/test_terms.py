"""Terms: tokenisation rules, n-grams, a cross-check with scikit-learn, keyness, key phrases, KWIC."""
from __future__ import annotations

import math
import re
from collections import Counter

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.article import parse_article
from analysis.errors import AnalysisError
from analysis.lexicons import load_lexicon
from analysis.terms import (
    KEYNESS_COLUMNS,
    KEYPHRASE_COLUMNS,
    KWIC_COLUMNS,
    TERM_COLUMNS,
    _g2,
    keyness,
    keyphrases,
    kwic,
    term_frequencies,
    tokens,
)


def terms_of(body: str, **options) -> dict[str, int]:
    table = term_frequencies(parse_article("A title line\n\n" + body), **options)
    return dict(zip(table["term"], table["count"]))


def test_possessives_fold_with_straight_and_curly_apostrophes_and_acronyms_keep_case():
    counts = terms_of("KNPA's officers met. The KNPA’s chief met ASEANAPOL staff. Knpa is not an acronym here.")
    assert counts["KNPA"] == 2 and counts["ASEANAPOL"] == 1
    assert counts["knpa"] == 1  # a capitalised word is folded; an all-caps one is kept
    assert "officers" in counts and "chief" in counts and "KNPA's" not in counts


def test_hyphenated_compounds_stay_one_term_and_numbers_are_optional():
    assert tokens("Cyber-attacks rose 20% in 2024 and on the 3rd day.") == ["cyber-attacks", "rose", "in", "and", "on", "the", "day"]
    assert "2024" in tokens("in 2024", numbers=True)
    counts = terms_of("Cyber-attacks rose in 2024.", numbers=True)
    assert counts["cyber-attacks"] == 1 and counts["2024"] == 1


def test_stop_words_builtin_and_user_list():
    counts = terms_of("The officers and the experts discussed the plan.")
    assert "the" not in counts and "and" not in counts and counts["officers"] == 1
    counts = terms_of("The officers and the experts discussed the plan.", stopwords=["discussed", "Plan"])
    assert "discussed" not in counts and "plan" not in counts
    assert "us" not in terms_of("They told us.") and terms_of("The US agreed.")["US"] == 1  # acronyms are not stop words
    with pytest.raises(AnalysisError):
        term_frequencies(parse_article("T\n\nText here."), stopwords="plan")


def test_ngrams_never_cross_sentences_or_clauses_nor_start_or_end_on_stop_words():
    body = "Police fight organised crime. Crime networks adapt, criminals move. Trafficking in persons grows."
    bigrams = terms_of(body, ngram=2)
    assert bigrams["organised crime"] == 1 and bigrams["crime networks"] == 1
    assert "crime crime" not in bigrams  # across a sentence boundary
    assert "adapt criminals" not in bigrams  # across a comma
    trigrams = terms_of(body, ngram=3)
    assert trigrams["trafficking in persons"] == 1  # a stop word inside is fine
    for gram in list(bigrams) + list(trigrams):
        words = gram.split()
        stop = set(load_lexicon("stopwords"))
        assert words[0].casefold() not in stop and words[-1].casefold() not in stop, gram
    assert "2024 talks" not in terms_of("The 2024 talks ended.", ngram=2)  # a dropped number breaks n-grams


def test_frequency_is_share_of_counted_terms(seed):
    for n in (1, 2, 3):
        table = term_frequencies(seed, ngram=n)
        assert list(table.columns) == TERM_COLUMNS
        assert table["frequency"].sum() == pytest.approx(1.0)
        assert table["count"].is_monotonic_decreasing


def test_unigram_counts_match_scikit_learn_count_vectorizer(seed):
    """An independent counter configured alike: same word pattern, possessives dropped, case folded,
    the same stop words, single characters and numbers removed; our acronyms are folded to compare."""
    from sklearn.feature_extraction.text import CountVectorizer

    stop = sorted(load_lexicon("stopwords"))
    vectorizer = CountVectorizer(
        token_pattern=r"(?u)[^\W_]+(?:[-'’‐‑][^\W_]+)*",
        preprocessor=lambda s: re.sub(r"['’]s\b", "", s).lower(),
        stop_words=stop,
    )
    matrix = vectorizer.fit_transform([s.text for s in seed.body_sentences])
    theirs = Counter()
    for term, count in zip(vectorizer.get_feature_names_out(), matrix.sum(axis=0).A1):
        if len(term) > 1 and not re.fullmatch(r"\d+(?:st|nd|rd|th|s)?|\d[\d'’-]*", term):
            theirs[term.replace("’", "'")] += int(count)
    ours = Counter()
    for term, count in zip(*term_frequencies(seed).loc[:, ["term", "count"]].T.values):
        ours[term.casefold()] += int(count)
    assert ours == theirs


def test_g2_matches_the_hand_computed_formula():
    a, b, c, d = 10, 5, 100, 1000
    e1, e2 = c * (a + b) / (c + d), d * (a + b) / (c + d)
    expected = 2 * (a * math.log(a / e1) + b * math.log(b / e2))
    assert _g2(a, b, c, d) == pytest.approx(expected)
    assert _g2(1, 50, 100, 1000) < 0  # rarer in the target than in the reference: negative


def test_keyness_against_general_english_ranks_a_repeated_domain_term_above_common_words():
    body = " ".join(["The police discussed ransomware with partners."] * 3 + ["The people made good time."])
    table = keyness(parse_article("Title\n\n" + body))
    assert list(table.columns) == KEYNESS_COLUMNS
    rank = {t: i for i, t in enumerate(table["term"])}
    assert rank["ransomware"] < rank["people"] and rank["ransomware"] < rank["time"]
    row = table.set_index("term").loc["ransomware"]
    assert row["count"] == 3 and row["log_ratio"] > 5 and row["p_value"] < 0.001
    assert 0 < row["reference_frequency"] < 1e-4
    assert table["g2"].is_monotonic_decreasing


def test_keyness_against_a_corpus(dev_articles, seed):
    others = [a for name, a in dev_articles.items() if name != "iscr-2024"]
    table = keyness(seed, reference=others).set_index("term")
    # "symposium" is only in the seed; "police" is everywhere
    assert table.loc["symposium", "g2"] > 0 and table.loc["symposium", "reference_frequency"] == 0
    assert table.loc["symposium", "g2"] > table.loc["police", "g2"]
    counts = pd.concat([term_frequencies(a) for a in others])
    assert keyness(seed, reference=counts)["g2"].tolist() == pytest.approx(keyness(seed, reference=others)["g2"].tolist())
    with pytest.raises(AnalysisError):
        keyness(seed, reference=42)


def test_keyphrases_find_what_the_seed_is_about(seed):
    table = keyphrases(seed, n=15)
    assert list(table.columns) == KEYPHRASE_COLUMNS and len(table) == 15
    assert table["score"].is_monotonic_decreasing
    assert "cybercrime" in set(table["phrase"])
    assert not {"the", "and", "has"} & set(table["phrase"])
    assert len(keyphrases(seed, n=3)) == 3


def test_kwic_spans_slice_back_and_context_stays_in_the_sentence(seed):
    table = kwic(seed, "cybercrime", window=4)
    assert list(table.columns) == KWIC_COLUMNS
    assert len(table) == term_frequencies(seed).set_index("term").loc["cybercrime", "count"]
    for row in table.itertuples():
        assert seed.text[row.char_start : row.char_end] == row.keyword
        sentence = seed.sentences[row.sentence]
        assert sentence.start <= row.char_start < row.char_end <= sentence.end
        assert len(row.left.split()) <= 6 and row.left in sentence.text and row.right in sentence.text
    phrase = kwic(seed, "law enforcement agencies")
    assert len(phrase) == 2 and all(seed.text[r.char_start : r.char_end].lower() == "law enforcement agencies" for r in phrase.itertuples())
    assert kwic(seed, "KNPA")["keyword"].tolist().count("KNPA’s") == 1
    assert len(kwic(seed, "cyber*")) > len(kwic(seed, "cyber"))


def test_empty_article_gives_empty_tables():
    empty = parse_article("")
    assert list(term_frequencies(empty).columns) == TERM_COLUMNS and term_frequencies(empty).empty
    assert keyness(empty).empty and keyphrases(empty).empty and kwic(empty, "x").empty


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300), st.integers(1, 3))
def test_random_text_never_crashes(text, n):
    article = parse_article(text)
    table = term_frequencies(article, ngram=n, numbers=True)
    assert (table["count"] > 0).all()
    words = tokens(text)
    if words:
        for row in kwic(article, words[0]).itertuples():
            assert article.text[row.char_start : row.char_end] == row.keyword
    keyphrases(article, n=5)
