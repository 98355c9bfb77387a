"""Dates, events and the timeline: each calendar pattern on sentences written for the tests, the seed, the dev gold."""
from __future__ import annotations

import datetime as dt
import importlib
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.article import parse_article
from analysis.dates import DATE_COLUMNS, calendar_dates, dates
from analysis.events import EVENT_COLUMNS, TIMELINE_COLUMNS, events, timeline

PUBLISHED = dt.date(2024, 9, 20)  # a Friday


def found(sentence: str, published: dt.date | None = PUBLISHED, **options) -> list[tuple[str, str, str]]:
    """(text, start, end) of every date in a one-sentence article."""
    article = parse_article("A title for the test\n\n" + sentence, published=published)
    table = dates(article, **options)
    return [(r.text, r.start, r.end) for r in table.itertuples()]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The talks ended on Aug 29, 2024 in Seoul.", ("Aug 29, 2024", "2024-08-29", "2024-08-29")),
        ("The talks ended on August 27, 2024.", ("August 27, 2024", "2024-08-27", "2024-08-27")),
        ("The talks ended on 27 August 2024.", ("27 August 2024", "2024-08-27", "2024-08-27")),
        ("Experts met from 17 to 20 September 2024.", ("17 to 20 September 2024", "2024-09-17", "2024-09-20")),
        ("The drill ran May 12-16, 2009 near the border.", ("May 12-16, 2009", "2009-05-12", "2009-05-16")),
        ("The course took place from August 19 to 23, 2024.", ("August 19 to 23, 2024", "2024-08-19", "2024-08-23")),
        ("The project runs from June 2024 to March 2025.", ("June 2024 to March 2025", "2024-06", "2025-03")),
        ("Delegates met on 30 April - 1 May 2014.", ("30 April - 1 May 2014", "2014-04-30", "2014-05-01")),
        ("The pact was signed on 13/09/2017 in Jakarta.", ("13/09/2017", "2017-09-13", "2017-09-13")),
        ("The pact was signed on 2025-11-11 in Jakarta.", ("2025-11-11", "2025-11-11", "2025-11-11")),
        ("Arrests rose sharply in June 2024.", ("June 2024", "2024-06", "2024-06")),
        ("The unit was founded in 2015.", ("2015", "2015", "2015")),
        ("Crime fell between 2015 and 2017.", ("2015 and 2017", "2015", "2017")),
        ("The treaty entered into force on the 5th of May 2019.", ("the 5th of May 2019", "2019-05-05", "2019-05-05")),
    ],
)
def test_explicit_patterns(sentence, expected):
    assert found(sentence) == [expected]


def test_range_without_year_takes_the_nearest_year_to_publication():
    assert found("The symposium was held from August 27 to 29.") == [("August 27 to 29", "2024-08-27", "2024-08-29")]
    # a cross-month range with an en dash, published the next year: the nearest year is still the one before
    early = found("The conference (30 September – 2 October) was a success.", published=dt.date(2025, 1, 10))
    assert early == [("30 September – 2 October", "2024-09-30", "2024-10-02")]


def test_between_two_partial_dates_is_one_range():
    assert found("Raids took place between June 28 and Nov. 23.") == [("June 28 and Nov. 23", "2024-06-28", "2024-11-23")]


def test_weekdays_inside_a_range_of_days():
    assert found("Ministers met on Monday 17 and Tuesday 18 June 2024.") == [("Monday 17 and Tuesday 18 June 2024", "2024-06-17", "2024-06-18")]


def test_consecutive_months_joined_by_and_are_one_range_and_a_day_may_borrow_the_next_month():
    assert found("The survey ran in May and June 2017.") == [("May and June 2017", "2017-05", "2017-06")]
    assert ("October 2017", "2017-10", "2017-10") in found("They met in May and October 2017.")
    assert found("The visit lasted from 9 to March 11, 2024.") == [("9 to March 11, 2024", "2024-03-09", "2024-03-11")]
    assert found("The course ran from 25 to March 3, 2024.") == [("25 to March 3, 2024", "2024-02-25", "2024-03-03")]  # a day past the second's: the month before
    assert found("It ran from 28 to January 2, 2025.") == [("28 to January 2, 2025", "2024-12-28", "2025-01-02")]


def test_and_between_unrelated_days_is_not_a_range():
    assert found("Police met on 5 and 9 May 2024.") == [("9 May 2024", "2024-05-09", "2024-05-09")]


def test_weekday_prefix_picks_the_year_where_the_weekday_fits():
    # 13 September was a Wednesday in 2023, not in 2024
    assert found("They met on Wednesday, 13 September.") == [("Wednesday, 13 September", "2023-09-13", "2023-09-13")]


def test_missing_year_without_publication_date_is_year_less():
    assert found("They met on 6 November.", published=None) == [("6 November", "--11-06", "--11-06")]


def test_missing_year_from_a_dated_sentence_in_the_same_paragraph():
    article = parse_article("Title\n\nThe course opened on 3 May 2019. On 6 May, trainees visited the port.", published=PUBLISHED)
    table = dates(article)
    assert table["start"].tolist() == ["2019-05-03", "2019-05-06"]
    assert table["inferred"].tolist() == [False, True]


def test_numeric_order_settled_by_a_day_above_twelve():
    # 09/13/2017 can only be month-first, so 02/03/2017 is read month-first too
    table = found("Talks on 09/13/2017 followed the visit of 02/03/2017.")
    assert [start for _, start, _ in table] == ["2017-09-13", "2017-02-03"]


def test_ambiguous_numeric_date_is_flagged():
    article = parse_article("Title\n\nThe visit of 02/03/2017 was short.")
    row = dates(article).iloc[0]
    assert (row["start"], bool(row["inferred"])) == ("2017-03-02", True)


@pytest.mark.parametrize(
    "sentence",
    [
        "Experts attended the 2024 International Symposium on Cybercrime Response.",
        "Delegates praised ISCR 2024 for its scope.",
        "The 2015 Internet Organised Crime Threat Assessment was presented.",
        "The 43rd Joint Communiqué was adopted.",
        "Funding for 2000 officers was approved.",
        "Officers may 5 times a year review cases.",
    ],
)
def test_numbers_and_years_inside_names_are_not_dates(sentence):
    assert found(sentence, relative=False) == []


def test_byline_date_is_the_publication():
    article = parse_article("Title\nby Jane Doe | Sep 20, 2024\n\nPolice met on 17 September 2024.")
    table = dates(article)
    assert table["kind"].tolist() == ["publication", "date"]
    assert table["start"].tolist() == ["2024-09-20", "2024-09-17"]


def test_relative_expressions_are_resolved_against_publication():
    table = dates(parse_article("Title\n\nLast week police met. On Friday they signed. Today they left. In recent years crime grew.",
                                published=PUBLISHED))
    rel = table[table["kind"] == "relative"]
    assert rel["text"].tolist() == ["Last week", "On Friday", "Today", "In recent years"]
    assert rel["start"].tolist()[:3] == ["2024-09-09", "2024-09-20", "2024-09-20"]
    assert pd_isna(rel["start"].iloc[3])
    assert rel["inferred"].tolist() == [True, True, True, False]
    assert calendar_dates(parse_article("Title\n\nToday police met.", published=PUBLISHED)).empty


def pd_isna(value) -> bool:
    import pandas as pd

    return bool(pd.isna(value))


def test_future_weekday_looks_forward():
    table = dates(parse_article("Title\n\nThe ministers will meet on Monday.", published=PUBLISHED))
    assert table["start"].tolist() == ["2024-09-23"]


def test_clause_says_what_happened():
    article = parse_article("Title\n\nOn 6 May 2024, police arrested ten suspects in Manila.")
    assert dates(article)["clause"].iloc[0].startswith("police arrested ten suspects")


def test_empty_article_gives_empty_tables_with_columns():
    article = parse_article("")
    assert list(dates(article).columns) == DATE_COLUMNS
    assert list(events(article).columns) == EVENT_COLUMNS
    assert list(timeline(article).columns) == TIMELINE_COLUMNS


def test_seed_dates(seed):
    table = dates(seed)
    calendar = table[table["kind"] != "relative"]
    assert list(zip(calendar["start"], calendar["end"])) == [
        ("2024-08-29", "2024-08-29"),
        ("2024-08-27", "2024-08-27"),
        ("2024-08-27", "2024-08-29"),
    ]
    assert calendar["kind"].tolist() == ["publication", "date", "range"]


def test_seed_events(seed):
    table = events(seed).set_index("name")
    iscr = table.loc["International Symposium on Cybercrime Response"]
    assert (iscr["acronym"], iscr["kind"], iscr["start"], iscr["end"]) == ("ISCR 2024", "symposium", "2024-08-27", "2024-08-29")
    assert (iscr["place"], iscr["host"]) == ("Seoul", "Korean National Police Agency")
    reception = table.loc["Welcome Reception"]
    assert reception["kind"] == "reception"
    assert reception["host"].startswith("KNPA’s Commissioner General")


def test_event_names_with_ordinals_and_acronyms():
    article = parse_article(
        "Title\n\nOfficers joined the 34th Asia Region Law Enforcement Management Program (ARLEMP) in Hanoi on 20 May 2014. "
        "The Police Training Centre hosted it."
    )
    table = events(article)
    assert table["name"].tolist() == ["34th Asia Region Law Enforcement Management Program"]
    assert table[["acronym", "kind", "start", "place"]].iloc[0].tolist() == ["ARLEMP", "program", "2014-05-20", "Hanoi"]


def test_reference_back_to_an_event_carries_its_dates():
    article = parse_article(
        "Title\n\nDelegates gathered in The Hague for the 3rd Europol – INTERPOL Cybercrime Conference. "
        "The three-day conference (30 September – 2 October 2015) was organised by Europol."
    )
    row = events(article).iloc[0]
    assert row["name"] == "3rd Europol – INTERPOL Cybercrime Conference"
    assert (row["start"], row["end"], row["place"], row["host"]) == ("2015-09-30", "2015-10-02", "The Hague", "Europol")


def test_timeline_is_chronological_with_events(seed):
    table = timeline(seed)
    starts = [s for s in table["start"] if not s.startswith("--")]
    assert starts == sorted(starts)
    dated = table[table["text"] == "August 27 to 29"].iloc[0]
    assert dated["event"] == "International Symposium on Cybercrime Response"


def test_every_year_of_a_list_is_a_date():
    assert [start for _, start, _ in found("Seizures rose in 2015, 2016 and 2018.")] == ["2015", "2016", "2018"]


@pytest.mark.parametrize(
    "sentence, start",
    [
        ("The summit will be held on 12 December.", "2024-12-12"),  # a notice looks ahead
        ("The summit was held on 12 December.", "2023-12-12"),  # a report looks back
    ],
)
def test_tense_picks_the_year_of_a_year_less_date(sentence, start):
    assert found(sentence)[0][1] == start


def test_weekdays_follow_their_own_clause():
    table = dates(parse_article("Title\n\nHe said on Tuesday that police will meet on Thursday.", published=PUBLISHED))
    assert table["start"].tolist() == ["2024-09-17", "2024-09-26"]


def test_timeline_lists_participants_named_in_the_sentence(monkeypatch):
    import pandas as pd

    participants_module = importlib.import_module("analysis.participants")

    people = pd.DataFrame([{"name": "Jane Doe", "aliases": "Doe"}, {"name": "Ali Khan", "aliases": ""}])
    monkeypatch.setattr(participants_module, "participants", lambda article: people)
    article = parse_article("Title\n\nOn 3 May 2024, Doe opened the Regional Cyber Forum. Ali Khan left on 9 May 2024.")
    table = timeline(article)
    assert table["participants"].tolist() == ["Jane Doe", "Ali Khan"]
    assert table["event"].fillna("").tolist() == ["Regional Cyber Forum", ""]


def test_timeline_survives_a_failing_participants_table(monkeypatch):
    participants_module = importlib.import_module("analysis.participants")

    def broken(article):
        raise RuntimeError("mid-edit")

    monkeypatch.setattr(participants_module, "participants", broken)
    table = timeline(parse_article("Title\n\nPolice met on 3 May 2024."))
    assert table["start"].tolist() == ["2024-05-03"] and table["participants"].tolist() == [""]


def test_dev_gold_dates_are_found(dev_articles):
    from pathlib import Path

    dev = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "dev"
    for name, article in dev_articles.items():
        gold = json.loads((dev / f"{name}.gold.json").read_text(encoding="utf-8"))
        want = sorted((d["start"], d["end"]) for d in gold.get("dates") or [])
        got = sorted(zip(*calendar_dates(article)[["start", "end"]].T.values)) if want else []
        assert got == want, name
        _spans_slice_back(article)


def _spans_slice_back(article) -> None:
    for row in dates(article).itertuples():
        assert article.text[row.char_start:row.char_end] == row.text
        assert article.sentences[row.sentence].start <= row.char_start
    for row in events(article).itertuples():
        assert article.text[row.char_start:row.char_end] == row.name


_PIECES = st.sampled_from(
    ["on", "from", "to", "–", "-", "between", "and", "in", "May", "June", "Sept.", "August", "Friday", "Wednesday,",
     "12", "31", "5th", "of", "2024", "2015", "13/09/2017", "2025-11-11", "last", "week", "Symposium", "the",
     "International", "Conference", "(ISCR 2024)", "hosted", "by", "Seoul", ",", ".", "\n\n", "today"]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, max_size=40), st.one_of(st.none(), st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31))))
def test_date_like_text_never_crashes_and_spans_slice_back(pieces, published):
    article = parse_article("Title\n\n" + " ".join(pieces), published=published)
    _spans_slice_back(article)
    timeline(article)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_random_text_never_crashes(text):
    article = parse_article(text)
    _spans_slice_back(article)
    timeline(article)


# --- edges found by fuzzing ----------------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "T\nby X | 2 Jan 9999\n\nThey met on 5 May.",
        "T\nby X | 0005-10-05\n\nThey met on Sunday, 5 May.",
        "T\nby X | 9999-12-30\n\nThey will meet next week.",
        "T\nby X | 0001-01-03\n\nThey met last week.",
    ],
)
def test_calendar_edges_do_not_crash(text):
    for row in dates(parse_article(text)).itertuples():
        assert pd_isna(row.start) or len(row.start.split("-")[0]) <= 4 or row.start.startswith("--")


def test_no_impossible_day_is_inferred():
    table = dates(parse_article("T\nby X | 2023-08-29\n\nThey met on 29 February."))
    row = table[table["text"] == "29 February"].iloc[0]
    year = int(row["start"][:4])
    assert year % 4 == 0  # a leap year, the nearest one that has 29 February


@pytest.mark.parametrize("text", ["T\n\nFrom 5 to 3 May 2024.", "T\n\nOn 00/05/2024 they met."])
def test_reversed_ranges_and_day_zero_are_not_dates(text):
    assert dates(parse_article(text)).empty


def test_a_bare_year_does_not_date_a_yearless_day():
    """'since 2005' dates nothing: the year of 'March 3 to 5' comes from the publication date."""
    from analysis.article import parse_article
    from analysis.dates import calendar_dates

    article = parse_article("Forum opens\n\nPublished: 1 March 2024\n\nThe forum has met every year since 2005. This year it meets on March 3 to 5 in Bangkok.")
    starts = calendar_dates(article)[["start", "end"]].values.tolist()
    assert ["2024-03-03", "2024-03-05"] in starts
    assert not any(s.startswith("2005-03") for s, _ in starts)


@pytest.mark.parametrize(
    "sentence, text, start",
    [
        ("The review ends in late March 2024.", "late March 2024", "2024-03"),
        ("Talks resume in early 2023.", "early 2023", "2023"),
        ("The pact took effect in mid-April 2024.", "mid-April 2024", "2024-04"),
        ("By the end of May 2024 the unit had grown.", "the end of May 2024", "2024-05"),
        ("Arrests rose in mid-2015.", "mid-2015", "2015"),
        ("Targets were set for the first half of 2024.", "the first half of 2024", "2024"),
        ("The unit was set up at the beginning of 2019.", "the beginning of 2019", "2019"),
    ],
)
def test_vague_month_and_year_phrases_are_kept_as_vague_not_calendar_dates(sentence, text, start):
    article = parse_article("A title for the test\n\n" + sentence, published=PUBLISHED)
    table = dates(article)
    assert table[["text", "start", "kind"]].values.tolist() == [[text, start, "vague"]]
    assert calendar_dates(article).empty
    import analysis

    assert analysis.extract(article)["dates"] == []


def test_a_vague_phrase_next_to_a_calendar_date():
    article = parse_article("Title\n\nOperations began in early March 2015 and ended on 5 May 2015.", published=PUBLISHED)
    assert dates(article)["kind"].tolist() == ["vague", "date"]
    assert calendar_dates(article)["start"].tolist() == ["2015-05-05"]


def test_a_vague_phrase_dates_no_other_expression():
    """'late March 2019' is no anchor: the year of '6 May' comes from the publication date."""
    article = parse_article("Title\n\nThe course began in late March 2019. On 6 May, trainees visited the port.", published=PUBLISHED)
    assert calendar_dates(article)["start"].tolist() == ["2024-05-06"]


def test_a_bare_year_never_dates_a_yearless_day_without_its_weekday():
    """'first tabled in 2006' is another event: with no publication date, 'July 28' stays year-less."""
    article = parse_article(
        "Police chiefs ink protocol\n\nThe conference concluded on July 28 with the signing of a protocol. "
        "The proposal was first tabled in 2006 when the conference met in Malaysia."
    )
    assert article.published is None
    assert calendar_dates(article)[["text", "start"]].values.tolist() == [["July 28", "--07-28"], ["2006", "2006"]]


@pytest.mark.parametrize(
    "body, start",
    [
        # 8 April was a Friday in 2022; the text's dates reach November 2021: the weekday picks the year next to it
        ("On Friday, 8 April, the ministers met.\n\nOn 24 November 2021, the fence was completed.", "2022-04-08"),
        # a bare year is background, weekday or not
        ("On Friday, 8 April, the ministers met. The plan adopted in 2021 was reviewed.", "--04-08"),
        # 11 May was a Friday in 2018 and 2012; only the latest written year (2017) and its neighbours count
        ("They signed the deal on Friday, May 11. From 2011 to 2017, 1,133 people were deported.", "2018-05-11"),
        # 8 April 2005 was a Friday, but "since 2005" is background
        ("On Friday, 8 April, the forum met, as it has since 2005.", "--04-08"),
        # a number that is no date ("2021 kilograms") writes no year
        ("On Friday, 8 April, police seized 2021 kilograms of drugs.", "--04-08"),
        # no year within one of 2019 puts 8 April on a Friday: the date stays year-less
        ("On Friday, 8 April, the ministers met.\n\nOn 24 November 2019, the fence was completed.", "--04-08"),
        # a weekday with no year written anywhere fits one year in seven: no guess
        ("On Friday, 8 April, the ministers met.", "--04-08"),
    ],
)
def test_without_a_publication_date_a_weekday_and_a_written_year_give_the_year(body, start):
    article = parse_article("Ministers meet\n\n" + body)
    assert article.published is None
    assert calendar_dates(article)["start"].tolist()[0] == start


def test_without_a_publication_date_a_full_date_of_the_event_gives_the_year():
    article = parse_article(
        "Pact signed\n\nThe leaders met in Tokyo on December 17, 2023.\n\nHe thanked him for the welcome during his visit in November."
    )
    assert calendar_dates(article)["start"].tolist() == ["2023-12-17", "2023-11"]


def test_a_buddhist_era_year_is_read_as_the_common_era():
    table = found("The meeting was held on August 28, 2567 B.E. in Vientiane.", published=None)
    assert table == [("August 28, 2567 B.E", "2024-08-28", "2024-08-28")]


def test_a_weekday_that_fits_the_year_of_a_background_date_takes_that_year():
    """The weekday is the evidence: 8 June 2019 was a Saturday; without it the same text dates nothing
    (:func:`test_without_a_publication_date_a_later_full_date_elsewhere_is_background`)."""
    article = parse_article(
        "Director visits Kenya\n\nHe arrived on Saturday, June 8, for a five-day trip.\n\n"
        "He saw the site of the January 16, 2019 attack that left 22 dead."
    )
    assert calendar_dates(article)["start"].tolist() == ["2019-06-08", "2019-01-16"]


def test_without_a_publication_date_a_later_full_date_elsewhere_is_background():
    article = parse_article(
        "Director visits Kenya\n\nHe arrived on June 8 for a five-day trip.\n\n"
        "He saw the site of the January 16, 2019 attack that left 22 dead."
    )
    assert calendar_dates(article)["start"].tolist() == ["--06-08", "2019-01-16"]


def test_without_a_publication_date_a_later_full_date_in_the_paragraph_gives_the_year():
    article = parse_article("Raid\n\nOn 6 May, police raided a port. The operation ran from 1 to 10 May 2024.")
    assert calendar_dates(article)["start"].tolist() == ["2024-05-06", "2024-05-01"]


@pytest.mark.parametrize(("text", "start", "end"), [
    ("The plan (2020-2024) was adopted.", "2020", "2024"),  # a year range in parentheses
    ("It sat in the 2020-21 period.", "2020", "2021"),
    ("It reported on the 2022/2023 period.", "2022", "2023"),  # a slash between the years
    ("It was ended by Rafael Correa (2007-2017).", "2007", "2017"),  # a term of office, not a plan's period
    ("He visited on 05 September,2023 with staff.", "2023-09-05", "2023-09-05"),  # no space after the comma
])
def test_year_ranges_in_parentheses_or_after_the_and_a_year_glued_to_its_comma(text, start, end):
    from analysis import dates, load_article

    table = dates(load_article(text="T\n\n" + text))
    assert [start, end] in table[["start", "end"]].values.tolist()



def test_years_in_brackets_after_a_name_are_part_of_the_name():
    text = "T\n\nThe Three-Year Safe Mekong Operation Plan (2016-2018) was reviewed. The budget for 2016-2018 (2017) grew in 2017."
    found = calendar_dates(parse_article(text))
    assert text.index("(2016") + 1 not in set(found["char_start"])  # the plan's period: part of its name
    assert text.index("for 2016") + 4 in set(found["char_start"])  # a period that names nothing is still a date
    assert "2017" in set(found["text"])
