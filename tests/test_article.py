from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import ArticleError, load_article, parse_article
from analysis.segment import sentence_spans

from .conftest import DEV, SEED


def test_seed_metadata(seed):
    assert seed.title.startswith("ASEANAPOL Secretariat’s Participation in the 2024 International Symposium")
    assert seed.author == "muhammad anas"
    assert seed.published == dt.date(2024, 8, 29)
    assert seed.id == "iscr-2024"


def test_seed_structure(seed):
    assert len(seed.body_paragraphs) == 6
    assert len(seed.body_sentences) == 15
    assert seed.tagline == "“Together We Keep This Region Safe\""
    assert "Together We Keep" not in seed.body
    assert "muhammad anas" not in seed.body and not seed.body.startswith("ASEANAPOL Secretariat’s")


def test_offsets_point_back_into_the_raw_text(seed):
    for unit in (*seed.paragraphs, *seed.sentences):
        assert seed.text[unit.start : unit.end] == unit.text
    assert seed.sentence_at(seed.text.index("CHO Ji Ho")).text.startswith("During the Welcome Reception")


@pytest.mark.parametrize("phrase", ["H.E. Yoon Seok-yeol", "(ACP) Dr. Bakri Zainal Abidin"])
def test_no_split_inside_honorifics(seed, phrase):
    assert sum(phrase in s.text for s in seed.sentences) == 1


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Mr. Alexander K. Ramos led it. It ended.", ["Mr. Alexander K. Ramos led it.", "It ended."]),
        ("Amb. Lee met Gen. Tan and Lt. Col. Sy. Then they left.", ["Amb. Lee met Gen. Tan and Lt. Col. Sy.", "Then they left."]),
        ("The U.S. delegation spoke. Room No. 5 was full.", ["The U.S. delegation spoke.", "Room No. 5 was full."]),
        ("He said “we agree.” The talks ended.", ["He said “we agree.”", "The talks ended."]),
        ("Was it over? Yes! It was.", ["Was it over?", "Yes!", "It was."]),
        ("It grew by 3.5 percent in 2024. Growth slowed.", ["It grew by 3.5 percent in 2024.", "Growth slowed."]),
    ],
)
def test_sentence_splitting(text, expected):
    assert [text[s:e] for s, e in sentence_spans(text)] == expected


@pytest.mark.parametrize(
    "byline, author, published",
    [
        ("by muhammad anas | Aug 29, 2024", "muhammad anas", dt.date(2024, 8, 29)),
        ("30 September 2015", None, dt.date(2015, 9, 30)),
        ("Media Release - 20/5/2014", None, dt.date(2014, 5, 20)),
        ("By Jane Roe", "Jane Roe", None),
        ("Posted: 2025-11-11", None, dt.date(2025, 11, 11)),
        ("Bangkok (Thailand), 14 November 2013", None, dt.date(2013, 11, 14)),
        ("June, 11 2019", None, dt.date(2019, 6, 11)),
    ],
)
def test_byline_forms(byline, author, published):
    article = parse_article(f"A headline\n{byline}\n\nFirst paragraph. It has two sentences.\nSecond one.")
    assert (article.author, article.published) == (author, published)
    assert [p.kind for p in article.paragraphs] == ["title", "byline", "body", "body"]


def test_no_byline_keeps_first_paragraph_in_body():
    article = parse_article("Singapore and S. Korea police meet\n\nSEOUL - The police met today. They agreed.")
    assert article.published is None
    assert article.body.startswith("SEOUL - The police met today.")


def test_dev_articles_parse():
    if not DEV.is_dir():
        pytest.skip("no dev corpus")
    for path in DEV.glob("*.txt"):
        article = load_article(path)
        assert article.title and article.body_sentences


@pytest.mark.parametrize("source, message", [("missing/article.txt", "no such file"), ("   \n\n", "empty")])
def test_bad_input_is_one_clear_error(source, message):
    with pytest.raises(ArticleError, match=message):
        load_article(source)


def test_binary_bytes_are_refused():
    with pytest.raises(ArticleError, match="binary|image"):
        load_article(b"\x89PNG\r\n\x1a\n\x00\x00")


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=400))
def test_parser_never_crashes_and_spans_slice_back(text):
    if not text.strip():
        return
    article = parse_article(text)
    for unit in (*article.paragraphs, *article.sentences):
        assert article.text[unit.start : unit.end] == unit.text
        assert unit.text == unit.text.strip()


def test_loads_the_bundled_file_by_path_string():
    assert load_article(str(SEED)).id == "iscr-2024"


def test_lone_surrogates_are_replaced_and_tables_still_build():
    import analysis

    article = parse_article("Title\n\nThey met on 5 May 2024\ud800.")
    assert "\ufffd" in article.text and "\ud800" not in article.text
    assert analysis.extract(article)["dates"]


def test_sentence_at_finds_every_sentence(seed):
    for sentence in seed.sentences:
        assert seed.sentence_at(sentence.start) is sentence
        assert seed.sentence_at(sentence.end - 1) is sentence


def test_page_furniture_opening_a_line_is_not_article_text():
    text = ("Police chiefs meet\n\nAdvertisement\n\nAdvertisements for recruits ran in May.\n\n"
            "Article continues after this advertisementWith Colonel Reyes are two officers.")
    article = parse_article(text)
    bodies = [p.text for p in article.paragraphs if p.kind == "body"]
    assert bodies == ["Advertisements for recruits ran in May.", "With Colonel Reyes are two officers."]
    assert all(text[p.start : p.end] == p.text for p in article.paragraphs)  # offsets still point into the text
