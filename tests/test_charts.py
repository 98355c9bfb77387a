"""Charts: Figures with titles and labels from contract-shaped tables, a note for empty ones, no pyplot."""
from __future__ import annotations

import sys

import pandas as pd
import pytest
from matplotlib.figure import Figure

from analysis import charts
from analysis.tables import TABLES

COLUMNS = {name: list(table.columns) for name, table in TABLES.items()}

CORPUS = pd.DataFrame(
    {
        "article_id": ["a", "a", "b", "c", "c"],
        "theme": ["cybercrime", "terrorism", "cybercrime", "cybercrime", "capacity_building"],
        "label": ["Cybercrime", "Terrorism", "Cybercrime", "Cybercrime", "Capacity building"],
        "score": [3.0, 1.0, 2.5, 4.0, 0.5],
        "name": ["KNPA", "ASEANAPOL", "KNPA", "KNPA", "INTERPOL"],
        "term": ["cybercrime", "police", "cybercrime", "cybercrime", "training"],
        "count": [4, 2, 3, 5, 1],
        "frequency": [0.1, 0.05, 0.08, 0.12, 0.02],
    }
)
ARTICLES = pd.DataFrame({"article_id": ["a", "b", "c"], "title": ["A", "B", "C"], "published": ["2024-03-01", None, "2023-01-05"]})
READABILITY = pd.DataFrame(
    {
        "scope": ["body", "paragraph", "paragraph", "paragraph"],
        "paragraph": [None, 0, 1, 2],
        "flesch_kincaid_grade": [14.2, 12.0, 17.5, 11.1],
        "article_id": ["a", "a", "a", "a"],
    }
)

# (chart function, a table it draws, a table with the contract's columns and no rows, extra arguments)
CASES = {
    "term_bars": (charts.term_bars, pd.DataFrame({"term": ["cybercrime", "police"], "count": [8, 3]}), COLUMNS["term_frequencies"], ()),
    "people_by_organization": (
        charts.people_by_organization,
        pd.DataFrame({"name": ["David Martinez Vinluan", "Nguyen Huu Ngoc", "CHO Ji Ho"], "organization": ["ASEANAPOL Secretariat", "ASEANAPOL Secretariat", None]}),
        COLUMNS["participants"],
        (),
    ),
    "timeline_chart": (
        charts.timeline_chart,
        pd.DataFrame({"start": ["2024-08-27", "2024-08", "--05-01"], "end": ["2024-08-29", "2024-08", "--05-01"], "text": ["27 to 29 August", "August", "1 May"], "event": ["ISCR 2024", None, None]}),
        COLUMNS["timeline"],
        (),
    ),
    "theme_bars": (charts.theme_bars, CORPUS[["theme", "label", "score"]], COLUMNS["themes"], ()),
    "keyness_chart": (
        charts.keyness_chart,
        pd.DataFrame({"term": ["cybercrime", "the"], "g2": [40.0, 12.0], "log_ratio": [5.1, -1.2]}),
        COLUMNS["keyness"],
        (),
    ),
    "paragraph_grades": (charts.paragraph_grades, READABILITY, COLUMNS["readability"], ()),
    "theme_heatmap": (charts.theme_heatmap, CORPUS, ["article_id", *COLUMNS["themes"]], (ARTICLES,)),
    "readability_distribution": (charts.readability_distribution, READABILITY, ["article_id", *COLUMNS["readability"]], ()),
    "cooccurrence": (charts.cooccurrence, CORPUS, ["article_id", *COLUMNS["participants"]], ()),
    "term_trends": (charts.term_trends, CORPUS, ["article_id", *COLUMNS["term_frequencies"]], (ARTICLES,)),
}


def _top_down(ax) -> list[str]:
    """The y tick labels from the top of the chart down."""
    return [t.get_text() for t in sorted(ax.get_yticklabels(), key=lambda t: -t.get_position()[1])]


def _texts(fig: Figure) -> list[str]:
    return [t.get_text() for ax in fig.axes for t in ax.texts]


@pytest.mark.parametrize("name", sorted(CASES))
def test_chart_has_title_axis_labels_and_renders(name):
    function, table, _, extra = CASES[name]
    fig = function(table, *extra)
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
    assert charts.png(fig).startswith(b"\x89PNG")


@pytest.mark.parametrize("name", sorted(CASES))
def test_empty_table_gives_a_note_not_a_crash(name):
    function, _, columns, extra = CASES[name]
    fig = function(pd.DataFrame(columns=columns), *extra)
    assert isinstance(fig, Figure) and fig.axes[0].get_title()
    assert any("No " in t or "Nothing" in t for t in _texts(fig)), _texts(fig)
    charts.png(fig)


def test_charts_leave_pyplot_alone():
    """Drawing every chart registers no pyplot figure (a script's own figures are left untouched)."""
    for function, table, _, extra in CASES.values():
        function(table, *extra)
    if "matplotlib.pyplot" in sys.modules:
        assert sys.modules["matplotlib.pyplot"].get_fignums() == []


def test_bars_are_largest_first_and_labels_wrapped():
    long = "Directorate for Transnational Organised Crime Investigations and Regional Cooperation Affairs"
    fig = charts.term_bars(pd.DataFrame({"term": ["small", long], "count": [1, 9]}))
    labels = _top_down(fig.axes[0])
    assert labels[0].startswith("Directorate") and labels[1] == "small"
    assert all(len(line) <= charts.LABEL_WIDTH for line in labels[0].splitlines())
    assert labels[0].endswith("…") and labels[0].count("\n") == 1


def test_people_by_organization_counts_people_without_an_organization_apart():
    persons = CASES["people_by_organization"][1]
    fig = charts.people_by_organization(persons)
    ax = fig.axes[0]
    widths = [p.get_width() for p in sorted(ax.patches, key=lambda p: -p.get_y())]
    assert dict(zip(_top_down(ax), widths)) == {"ASEANAPOL Secretariat": 2, charts.NO_ORGANIZATION: 1}


def test_timeline_skips_dates_without_a_year():
    fig = charts.timeline_chart(CASES["timeline_chart"][1])
    labels = " ".join(t.get_text() for t in fig.axes[0].get_yticklabels())
    assert "27 to 29 August" in labels and "1 May" not in labels


def test_heatmap_orders_articles_by_date_undated_last():
    fig = charts.theme_heatmap(CORPUS, ARTICLES)
    rows = [t.get_text() for t in sorted(fig.axes[0].get_yticklabels(), key=lambda t: t.get_position()[1])]
    assert [r.split()[-1] for r in rows] == ["c", "a", "b"]  # imshow: first row at the top, y = 0


def test_cooccurrence_matrix_counts_shared_articles():
    matrix = charts.cooccurrence_matrix(CORPUS)
    assert matrix.loc["KNPA", "KNPA"] == 3  # named in a, b and c
    assert matrix.loc["KNPA", "ASEANAPOL"] == 1  # together only in a
    assert matrix.loc["ASEANAPOL", "INTERPOL"] == 0


def test_png_is_deterministic_and_has_no_software_stamp():
    first = charts.png(charts.term_bars(CASES["term_bars"][1]))
    second = charts.png(charts.term_bars(CASES["term_bars"][1]))
    assert first == second
    assert b"matplotlib version" not in first


def test_embed_is_an_inline_svg_with_the_title_as_alt_text():
    data, metadata = charts.embed(charts.theme_bars(CORPUS))._repr_mimebundle_()
    assert set(data) == {"text/html", "image/svg+xml", "text/plain"}
    assert metadata["image/svg+xml"]["alt"] == "Themes"
    svg = data["image/svg+xml"]
    assert svg.startswith('<svg class="analysis-chart" role="img" aria-label="Themes"') and "<title>Themes</title>" in svg
    assert "<text" in svg and "Cybercrime" in svg  # text stays text: sharp and searchable
    assert charts.svg(charts.theme_bars(CORPUS)) == svg  # deterministic


def test_two_charts_share_no_svg_id():
    import re

    first, second = charts.svg(charts.theme_bars(CORPUS)), charts.svg(charts.term_bars(CASES["term_bars"][1]))
    ids = [set(re.findall(r'\bid="([^"]+)"', s)) for s in (first, second)]
    assert ids[0] and ids[1] and not ids[0] & ids[1]
    for s, own in zip((first, second), ids):
        assert set(re.findall(r'url\(#([^)]+)\)', s)) <= own  # every reference points inside its own chart


def test_a_chart_function_called_in_a_cell_displays_the_chart():
    from IPython.core.formatters import DisplayFormatter

    data, _ = DisplayFormatter().format(charts.theme_bars(CORPUS))
    assert "image/svg+xml" in data and "Figure size" not in data.get("text/plain", "")


@pytest.mark.parametrize("text", ["US$5 million", "$x^2$ and $y$", "a $ b $ c \\$"])
def test_labels_from_data_are_literal_text_never_math(text):
    table = pd.DataFrame({"term": [text, "police"], "count": [3, 1]})
    fig = charts.term_bars(table)
    charts.svg(fig)  # mathtext would fail or draw symbols; literal text renders as written
    charts.png(fig)
    shown = [t for t in fig.axes[0].get_yticklabels() if "police" not in t.get_text()][0]
    assert not shown._preprocess_math(shown.get_text())[1]  # not parsed as math
    assert shown._preprocess_math(shown.get_text())[0] == text
    heat = charts.cooccurrence(pd.DataFrame({"article_id": ["a$1$", "b"], "name": [text, text]}))
    charts.svg(heat)


def test_timeline_draws_every_dated_row_inclusively():
    import matplotlib.dates as mdates

    table = pd.DataFrame({
        "start": ["2024-08-27", "2024-06", "2024", "2024-08-29", "--05-01"],
        "end": ["2024-08-29", "2025-03", "2024", "2024-08-29", None],
        "text": ["27-29 August", "June 2024 to March 2025", "this year", "29 August", "1 May"],
        "kind": ["range", "range", "date", "publication", "date"],
    })
    fig = charts.timeline_chart(table)
    marks = [a for a in fig.axes[0].get_children() if (a.get_gid() or "").startswith("timeline-mark-")]
    assert len(marks) == 4  # every row with a year; "1 May" cannot be placed
    bars = {a.get_gid(): a for a in marks if hasattr(a, "get_width")}
    first = bars["timeline-mark-0"]  # 27-29 August: three whole days, not four
    assert mdates.num2date(first.get_x()).date().isoformat() == "2024-08-27"
    assert round(first.get_width()) == 3
    assert round(bars["timeline-mark-1"].get_width()) == 304  # June 2024 to March 2025, every day
    assert round(bars["timeline-mark-2"].get_width()) == 366  # 2024, a leap year
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert not any("…" in label for label in labels)  # long labels wrap, never cut
    svg = charts.svg(fig)
    assert svg.count('-timeline-mark-') == 4


def test_charts_on_the_seed_article(seed):
    import analysis

    persons = analysis.participants(seed)
    fig = charts.people_by_organization(persons)
    labels = {t.get_text() for t in fig.axes[0].get_yticklabels()}
    assert any("ASEANAPOL" in label for label in labels)
    fig = charts.term_bars(analysis.term_frequencies(seed))
    assert _top_down(fig.axes[0])[0] == analysis.term_frequencies(seed)["term"].iloc[0]


def test_a_large_corpus_is_averaged_per_month_not_drawn_per_article():
    ids = [f"n{i:03d}" for i in range(120)]
    articles = pd.DataFrame({"article_id": ids, "published": [f"2024-{1 + i % 6:02d}-15" for i in range(120)]})
    themes = pd.DataFrame({"article_id": ids, "theme": "cybercrime", "label": "Cybercrime", "score": [float(1 + i % 6) for i in range(120)]})
    fig = charts.theme_heatmap(themes, articles)
    rows = [t.get_text() for t in sorted(fig.axes[0].get_yticklabels(), key=lambda t: t.get_position()[1])]
    assert rows == [f"2024-{m:02d} (20)" for m in range(1, 7)]
    assert fig.get_size_inches()[1] < 6
    terms = pd.DataFrame({"article_id": ids, "term": "police", "count": 2, "frequency": 0.1})
    assert len(charts.term_trends(terms, articles).axes[0].get_xticks()) == 6


def test_a_country_is_labelled_as_one_not_taken_for_an_organization():
    persons = pd.DataFrame({"name": ["A", "B"], "organization": ["South Korea", "KNPA"]})
    places = pd.DataFrame({"name": ["South Korea"], "kind": ["country"]})
    labels = _top_down(charts.people_by_organization(persons, places).axes[0])
    assert "South Korea (country)" in labels and "KNPA" in labels
