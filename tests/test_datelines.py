"""Date lines: one grammar for ``Article.published`` and the "publication" row of ``dates()``.

The example lines are the forms of real bylines and date lines (news sites, press releases, wire copy);
the properties write random dates in every form and read them back.
"""
from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.article import parse_article
from analysis.dates import dates
from analysis.datelines import parse_date_line, publication_line, read_date_line, read_wire_dateline

BODY = "\n\nPolice chiefs met to discuss cooperation against transnational crime.\n\nThey agreed to share information."


@pytest.mark.parametrize(
    "line, expected",
    [
        ("by muhammad anas | Aug 29, 2024", dt.date(2024, 8, 29)),
        ("30 September 2015", dt.date(2015, 9, 30)),
        ("Media Release - 20/5/2014", dt.date(2014, 5, 20)),
        ("Published: 12 March 2023", dt.date(2023, 3, 12)),
        ("Published: 4 May 2021 09:12 AM PKT Updated: 5 May 2021 10:00 AM PKT", dt.date(2021, 5, 4)),  # a zone, then a revision
        ("Last updated 6 June 2022 10:00 WIB | Posted on 5 June 2022", dt.date(2022, 6, 5)),
        ("Posted: 3 July 2020 06:46 PM BdST", dt.date(2020, 7, 3)),  # a zone written in mixed case
        ("Posted 3 May 2021 Last Updated 4 May 2021", dt.date(2021, 5, 3)),
        ("Posted 3 May 2021 Edited 4 May 2021", dt.date(2021, 5, 3)),
        ("Local October 22, 2014 | 7:19 am", dt.date(2014, 10, 22)),  # a section's name before the date
        ("Published March 09, 2014", dt.date(2014, 3, 9)),
        ("Source:Xinhua Published: 2014-2-13 21:59:50", dt.date(2014, 2, 13)),
        ("Friday 16th of December 2016", dt.date(2016, 12, 16)),
        ("Friday, February 22, 2019 - 19:08", dt.date(2019, 2, 22)),
        ("Monday, 8 October 2007 - 5:38pm", dt.date(2007, 10, 8)),
        ("November 16, 2023 | 19:15 (GMT+7)", dt.date(2023, 11, 16)),
        ("09 February 2024, 3:19pm", dt.date(2024, 2, 9)),
        ("Thứ Năm, 27/07/2017, 13:34", dt.date(2017, 7, 27)),
        ("The National – Tuesday, June 21, 2011", dt.date(2011, 6, 21)),
        ("Bangkok (Thailand), 14 November 2013", dt.date(2013, 11, 14)),
        ("June, 11 2019", dt.date(2019, 6, 11)),
        ("2023-07-04", dt.date(2023, 7, 4)),
        ("2023/7/4", dt.date(2023, 7, 4)),
        ("2023-07-04T09:30:00+07:00", dt.date(2023, 7, 4)),
        ("2023-07-04T09:30:00Z", dt.date(2023, 7, 4)),
        ("Posted on July 4, 2023 by Jane Doe", dt.date(2023, 7, 4)),
        ("Posted on July 4, 2023 at 9:30 am", dt.date(2023, 7, 4)),
        ("Last updated: 4 Jul. 2023 09:30 IST", dt.date(2023, 7, 4)),
        ("Updated: 5 July 2023 | Published: 4 July 2023", dt.date(2023, 7, 4)),
        ("By Jane Doe - July 4, 2023", dt.date(2023, 7, 4)),
        ("Date: 31/12/2022", dt.date(2022, 12, 31)),
        ("12/31/2022", dt.date(2022, 12, 31)),
        ("16:28 - 14/06/2024", dt.date(2024, 6, 14)),  # a time, a dash, then the date
    ],
)
def test_date_line_forms(line, expected):
    assert parse_date_line(line) == expected
    # Article and dates() read the same line the same way
    article = parse_article("A title of the article" + "\n" + line + BODY)
    assert article.published == expected
    publication = dates(article).query("kind == 'publication'")
    assert publication["start"].tolist() == [expected.isoformat()]
    assert line[line.index(publication["text"].iloc[0]):].startswith(publication["text"].iloc[0])


@pytest.mark.parametrize(
    "line",
    [
        "05/06/2023",  # day-first or month-first: nobody can tell
        "Media Release - 05.06.2023",
        "31 February 2023",
        "Police met on 12 March 2023 in Jakarta.",
        "Police met October 22, 2014",  # a lower-case word before the section's name: a sentence
        "By Jane Doe",
        "Ghanaian Times (Accra)",
        "12 March 2023, police arrested ten suspects in Manila and seized drugs worth millions",
        "may 5 2023",
    ],
)
def test_not_a_date_or_not_a_date_line(line):
    assert parse_date_line(line) is None


def test_ambiguous_numeric_byline_gives_no_publication():
    article = parse_article("A title\nMedia Release - 05/06/2014" + BODY)
    assert article.published is None
    assert "publication" not in dates(article)["kind"].tolist()


def test_an_updated_date_is_not_the_publication():
    found = read_date_line("Updated: 5 July 2023 | Published: 4 July 2023")
    assert (found.date, found.revision) == (dt.date(2023, 7, 4), False)
    assert read_date_line("Updated: 5 July 2023").revision


def test_author_line_then_date_line():
    article = parse_article("A title\nBy Jane Doe\nJuly 4, 2023" + BODY)
    assert (article.author, article.published) == ("Jane Doe", dt.date(2023, 7, 4))
    assert [p.kind for p in article.paragraphs][:3] == ["title", "byline", "byline"]
    assert dates(article).iloc[0][["kind", "start"]].tolist() == ["publication", "2023-07-04"]


def test_date_line_then_a_second_date_line_stays_body():
    article = parse_article("A title\nJuly 4, 2023\nJuly 5, 2023" + BODY)
    assert [p.kind for p in article.paragraphs][:3] == ["title", "byline", "body"]


@pytest.mark.parametrize(
    "paragraph, expected",
    [
        ("JAKARTA, July 4 (Reuters) - Indonesian police arrested ten people.", (None, 7, 4)),
        ("WASHINGTON, July 4, 2023 (AP) — The talks ended.", (2023, 7, 4)),
        ("NEW DELHI, July 4: The two agencies signed a pact.", (None, 7, 4)),
        ("Manila, 4 July (PNA) -- The police chief met his counterpart.", (None, 7, 4)),
        ("ADDIS ABABA, Ethiopia, July 3, 2014/African Press Organization (APO)/ — The meeting opened.", (2014, 7, 3)),
        ("KUALA LUMPUR, 4 July 2023 (Bernama) -- Police met.", (2023, 7, 4)),
    ],
)
def test_wire_datelines(paragraph, expected):
    found = read_wire_dateline(paragraph)
    assert (found.year, found.month, found.day) == expected
    assert paragraph[found.start:found.end].split()[0] in ("July", "4")


@pytest.mark.parametrize(
    "paragraph",
    [
        "KUALA LUMPUR, Malaysia – More than 40 officials met.",  # a dateline without a date
        "SEOUL - Singapore Police Force's Commissioner met his counterpart.",
        "On July 4, police met in Jakarta.",
        "Manila, July 4 - The police chief met his counterpart.",  # a place in lower case needs an agency
        "JAKARTA, july 4 (Reuters) - x",
    ],
)
def test_not_wire_datelines(paragraph):
    assert read_wire_dateline(paragraph) is None


def test_wire_dateline_is_the_publication_with_its_year_from_the_text_or_the_url():
    text = "Police sign pact\n\nJAKARTA, July 4 (Reuters) - Police signed a pact on cybercrime.\n\nThey met again."
    assert parse_article(text).published is None  # no year anywhere: none is borrowed
    article = parse_article(text, url="https://example.com/world/2023/07/04/police-pact")
    assert article.published == dt.date(2023, 7, 4)
    row = dates(article).iloc[0]
    assert (row["kind"], row["start"], row["text"]) == ("publication", "2023-07-04", "July 4")
    dated = parse_article(text.replace("July 4 (", "July 4, 2022 ("))
    assert dated.published == dt.date(2022, 7, 4)


def test_a_byline_wins_over_a_wire_dateline():
    article = parse_article("Pact\nby A | Jul 5, 2023\n\nJAKARTA, July 4 (Reuters) - Police met.\n\nMore.")
    assert article.published == dt.date(2023, 7, 5)
    table = dates(article)
    assert table["kind"].tolist() == ["publication", "date"]


def test_publication_line_offsets_point_into_the_text():
    text = "T\nSource: Xinhua Published: 2014-2-13 21:59:50\n\nBody text."
    article = parse_article(text)
    found = publication_line(((p.kind, p.start, p.text) for p in article.paragraphs))
    assert text[found.start:found.end] == "2014-2-13"


# --- properties ----------------------------------------------------------------------------------

_FORMATS = [
    "{d} {B} {Y}", "{B} {d}, {Y}", "{b} {d}, {Y}", "{A}, {d} {B} {Y}", "{A}, {B} {d}, {Y}", "{A} {d}{th} of {B} {Y}",
    "{Y}-{m:02d}-{d:02d}", "{Y}/{m}/{d}", "{Y}-{m:02d}-{d:02d}T{H:02d}:{M:02d}:00+07:00", "{d:02d} {B} {Y}",
]
_LABELS = ["", "Published: ", "Posted on ", "Updated ", "Media Release - ", "by Jane Doe | ", "Source: Xinhua Published: "]
_TIMES = ["", " {H}:{M:02d}", " - {H}:{M:02d}", ", {H}:{M:02d}pm", " | {H}:{M:02d} (GMT+7)", " {H:02d}:{M:02d} IST"]


def _written(date: dt.date, form: str, hour: int, minute: int) -> str:
    th = {1: "st", 2: "nd", 3: "rd"}.get(date.day % 10 if date.day not in (11, 12, 13) else 0, "th")
    return form.format(
        d=date.day, m=date.month, Y=date.year, B=date.strftime("%B"), b=date.strftime("%b"),
        A=date.strftime("%A"), th=th, H=hour, M=minute,
    )


@settings(max_examples=300, deadline=None)
@given(
    st.dates(dt.date(1900, 1, 1), dt.date(2099, 12, 31)),
    st.sampled_from(_FORMATS), st.sampled_from(_LABELS), st.sampled_from(_TIMES),
    st.integers(0, 12), st.integers(0, 59),
)
def test_every_written_form_reads_back(date, form, label, time, hour, minute):
    line = label + _written(date, form, hour, minute) + ("" if "T" in form else time.format(H=hour, M=minute))
    found = read_date_line(line)
    assert found is not None and found.date == date, line
    assert parse_date_line(line) == date
    assert 0 <= found.start < found.end <= len(line)


@settings(max_examples=200, deadline=None)
@given(st.dates(dt.date(1900, 1, 1), dt.date(2099, 12, 31)), st.sampled_from(["/", ".", "-"]))
def test_numeric_dates_are_read_only_when_the_order_is_certain(date, separator):
    line = f"{date.day}{separator}{date.month}{separator}{date.year}"
    certain = date.day > 12 or date.day == date.month
    assert parse_date_line(line) == (date if certain else None)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_any_line_is_read_without_error(line):
    found = read_date_line(line)
    if found is not None:
        assert 0 <= found.start <= found.end <= len(line)
        assert found.date is None or isinstance(found.date, dt.date)
    wire = read_wire_dateline(line)
    assert wire is None or 0 <= wire.start < wire.end <= len(line)


_WORD_OR_DATE = st.sampled_from(["Published:", "by", "Jane", "|", "July", "4,", "2023", "12", "-", "/", "(GMT+7)",
                                  "09:30", "JAKARTA,", "(Reuters)", "—", "Friday", "of", "T", "2023-07-04", "Ends/"])


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.lists(_WORD_OR_DATE, max_size=10).map(" ".join), max_size=4),
    st.lists(_WORD_OR_DATE, max_size=8).map(" ".join),
)
def test_article_and_dates_agree_on_the_publication(head, closing):
    article = parse_article("A title\n" + "\n".join(head) + BODY + "\n\n" + closing)
    publication = dates(article).query("kind == 'publication'")
    if article.published is not None:
        assert publication["start"].tolist() == [article.published.isoformat()]
    else:
        assert all(start is None or start != start or start.startswith("--") for start in publication["start"])


def test_a_date_line_before_the_title():
    article = parse_article("July 4, 2023\nPolice sign a regional pact\nBy Jane Doe" + BODY)
    assert (article.title, article.author, article.published) == ("Police sign a regional pact", "Jane Doe", dt.date(2023, 7, 4))
    assert [p.kind for p in article.paragraphs][:4] == ["byline", "title", "byline", "body"]
    assert dates(article).iloc[0][["kind", "start"]].tolist() == ["publication", "2023-07-04"]


def test_a_date_line_is_never_the_title():
    article = parse_article("July 4, 2023\nPolice signed a regional pact on Tuesday.\n\nThey will meet again.")
    assert (article.title, article.published) == (None, dt.date(2023, 7, 4))
    assert [p.kind for p in article.paragraphs] == ["byline", "body", "body"]


@pytest.mark.parametrize(
    "head, author, kinds",
    [
        ("TALEBULA KATE\nTuesday, February 14, 2017", None, ["title", "body", "byline", "body"]),
        ("Izvor: FoNet\nPress Release\nTuesday, February 14, 2017", None, ["title", "body", "body", "byline", "body"]),
        ("PHUKET: Police chiefs met yesterday to discuss drug trafficking in the region.\nBy Eakkapop Thongtub\n"
         "Tuesday 14 February 2017, 12:32PM", "Eakkapop Thongtub", ["title", "body", "byline", "byline", "body"]),
    ],
)
def test_a_date_line_below_header_lines_or_a_standfirst(head, author, kinds):
    article = parse_article("A title\n" + head + BODY)
    assert (article.published, article.author) == (dt.date(2017, 2, 14), author)
    assert [p.kind for p in article.paragraphs][: len(kinds)] == kinds
    assert dates(article).query("kind == 'publication'")["start"].tolist() == ["2017-02-14"]


def test_a_date_line_far_down_the_body_is_no_byline():
    text = "A title\n" + "\n".join(["Police chiefs met to discuss drug trafficking in the region."] * 2) + "\nTuesday 14 February 2017" + BODY
    article = parse_article(text)
    assert article.published is None and "byline" not in [p.kind for p in article.paragraphs]


def test_a_wire_dateline_after_a_subtitle():
    article = parse_article(
        "Progress in crime prevention\nAustria and Germany agree on closer police and judicial cooperation\n"
        "Vienna, 15 September 2005 - The two ambassadors exchanged notes.\n\nThey met again."
    )
    assert article.published == dt.date(2005, 9, 15)


def test_a_date_line_closing_the_article():
    article = parse_article("Heads meet\n\nThe heads of police met in Hong Kong.\n\nThey agreed to share data.\n\n"
                            "Ends/Thursday, August 3, 2017\nIssued at HKT 22:16")
    assert article.published == dt.date(2017, 8, 3)
    assert [p.kind for p in article.paragraphs][-2:] == ["byline", "tagline"]
    assert dates(article).query("kind == 'publication'")["start"].tolist() == ["2017-08-03"]


def test_a_closing_line_of_an_agency_in_capitals_and_a_date_is_a_date_line():
    from analysis.datelines import read_date_line

    assert read_date_line("MAP 28 March 2022").date == dt.date(2022, 3, 28)
    assert read_date_line("POLICE MET IN 2022") is None  # capitals and a year are not a date


@pytest.mark.parametrize(("line", "expected"), [
    ("05 September,2023 07:27 pm", dt.date(2023, 9, 5)),  # no space after the comma
    ("Posted by Editor on December 13, 2023 - 11:20 am", dt.date(2023, 12, 13)),
    ("19:51, December 26, 2011", dt.date(2011, 12, 26)),  # the time first, then a comma
])
def test_more_date_line_forms(line, expected):
    from analysis.datelines import read_date_line

    assert read_date_line(line).date == expected


def test_a_dateline_with_a_dash_after_the_country():
    from analysis.datelines import read_wire_dateline

    found = read_wire_dateline("Algiers, Algeria – 28 November 2019: The Secretariat held its first meeting.")
    assert found is not None and found.date == dt.date(2019, 11, 28)



_LINE_PIECES = st.sampled_from(["Published:", "Updated:", "Last updated", "Edited", "Posted on", "10 Oct 2019", "2023-07-04", "06:46 PM",
                                "BdST", "GMT+7", "|", "·", " ", "by Jane Doe", "-", ",", "x"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_LINE_PIECES, st.text(max_size=4)), max_size=12).map(" ".join))
def test_a_date_line_is_read_as_a_date_within_the_line_or_not_at_all(line):
    found = read_date_line(line)
    if found is not None:
        assert 0 <= found.start < found.end <= len(line)
        assert re.search(r"\d", line[found.start : found.end])


def test_a_date_written_after_today_is_the_publication_when_no_date_line_gives_one():
    from analysis import parse_article

    text = "Police chiefs sign MOU\n\nThe Inspector General of Police and his counterpart today (16/1/2014) signed a memorandum.\n\nThey met in Kampala."
    assert parse_article(text).published == dt.date(2014, 1, 16)
    assert parse_article("Published: 3 May 2021\n\n" + text).published == dt.date(2021, 5, 3)  # the date line wins
    assert parse_article("T\n\nToday, more officers joined the unit.").published is None


@given(st.text(max_size=120))
def test_read_today_reads_any_text_without_error(text):
    from analysis.datelines import read_today

    found = read_today("today (" + text)
    assert found is None or found.date is not None


def test_a_date_line_after_a_standfirst_paragraph_is_the_byline():
    from analysis import parse_article

    article = parse_article(
        "Police forces in joint operation\n\nRwanda National Police and Tanzania Police Force launched a joint operation.\n\n"
        "Monday, December 04, 2017\n\nDelegations from the two sides met last Friday."
    )
    assert article.published == dt.date(2017, 12, 4)
    assert [p.kind for p in article.paragraphs] == ["title", "body", "byline", "body"]


def test_a_full_date_in_the_url_is_the_publication_when_the_text_gives_none():
    from analysis import dates, parse_article

    text = "Police chiefs meet\n\nThe chiefs met in Suva to discuss drug trafficking."
    article = parse_article(text, url="https://example.org/news/2023/07/04/police-chiefs-meet")
    assert article.published == dt.date(2023, 7, 4)
    assert "publication" not in set(dates(article)["kind"])  # not a date written in the text
    written = parse_article("Police chiefs meet\n\nPublished: 3 May 2021\n\n" + text.split("\n\n")[1], url="https://example.org/2023/07/04/x")
    assert written.published == dt.date(2021, 5, 3)  # the text's own date line wins
    assert parse_article(text, url="https://example.org/news/12345").published is None
