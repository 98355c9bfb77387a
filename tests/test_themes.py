"""Themes: matching rules on sentences written for the tests, user taxonomies, the dev gold, random text."""
from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.article import parse_article
from analysis.errors import AnalysisError
from analysis.themes import COLUMNS, load_taxonomy, normalize_word, taxonomy_table, themes

IDS = {
    "cybercrime", "international_cooperation", "information_sharing", "capacity_building", "terrorism",
    "drug_trafficking", "human_trafficking", "financial_crime", "cybersecurity", "regional_security",
    "transnational_crime", "law_and_policy", "technology",
}


def top(text: str, **options) -> str:
    return themes(parse_article(text), **options).iloc[0]["theme"]


def test_default_taxonomy_has_every_theme_with_label_description_and_terms():
    table = taxonomy_table()
    assert set(table["theme"]) == IDS
    assert table["label"].str.len().gt(0).all() and table["description"].str.len().gt(20).all()
    assert table["terms"].ge(25).all()  # broad lists, not a handful tuned to the dev set


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Police seize drugs\n\nOfficers seized 300 kilograms of methamphetamine and heroin and arrested members of a "
         "drug trafficking syndicate that smuggled narcotics across the border.", "drug_trafficking"),
        ("Bomb plot foiled\n\nCounter-terrorism police arrested two extremists who planned a terrorist attack with an "
         "improvised explosive device.", "terrorism"),
        ("Victims rescued\n\nPolice rescued 40 victims of human trafficking and forced labour and arrested people "
         "smugglers who moved migrants by boat.", "human_trafficking"),
        ("Accounts frozen\n\nInvestigators froze accounts used for money laundering and traced the proceeds of crime "
         "through shell companies.", "financial_crime"),
        ("Hospitals warned\n\nThe national CSIRT urged operators of critical infrastructure to improve their "
         "cybersecurity and cyber resilience.", "cybersecurity"),
        ("Scam centres raided\n\nPolice raided online scam centres where cybercriminals ran phishing and ransomware "
         "campaigns.", "cybercrime"),
        ("New law adopted\n\nParliament adopted legislation that gives prosecutors and courts a new legal framework.",
         "law_and_policy"),
        ("Coast guards patrol\n\nThe joint patrol strengthens maritime security and regional stability.",
         "regional_security"),
        ("Officers trained\n\nForty officers completed a two-week training course and a workshop on investigation "
         "skills at the police academy.", "capacity_building"),
        ("Agencies swap data\n\nThe two agencies agreed on the exchange of information and intelligence sharing "
         "through a secure database.", "information_sharing"),
    ],
)
def test_a_paragraph_about_one_theme_tops_that_theme(text, expected):
    assert top(text) == expected


def test_spelling_inflection_and_compounds_match_one_term():
    for variant in ("cyber-attacks", "cyberattack", "cyber attacks", "Cyber-Attack"):
        table = themes(parse_article(f"Title words\n\nThere was a {variant} last week."), min_score=0)
        row = table.set_index("theme").loc["cybercrime"]  # listed under two themes: scores where it weighs most
        assert "cyber attack×1" in row["terms"], variant
    assert normalize_word("organised") == normalize_word("organized")
    assert normalize_word("Programmes") == normalize_word("program")
    assert normalize_word("labour") == normalize_word("labor")


def test_longest_match_and_negative_weights_exclude_a_misleading_sense():
    # "law enforcement" (weight 0) blocks "law" (law_and_policy) in the usual police sense
    table = themes(parse_article("Police meet\n\nLaw enforcement officers from five countries met in Bangkok."))
    assert "law_and_policy" not in set(table["theme"])
    # the drug theme lists "prescription drug" with a negative weight
    plain = themes(parse_article("Title\n\nThe clinic handed out drugs to patients."))
    prescription = themes(parse_article("Title\n\nThe clinic handed out prescription drugs to patients."))
    assert "drug_trafficking" in set(plain["theme"])
    assert "drug_trafficking" not in set(prescription["theme"])


def test_the_title_does_not_count_the_body_does():
    """One counting scope: the body. A word in the title alone adds nothing."""
    body_only = themes(parse_article("Meeting held\n\nThey talked about terrorism."), min_score=0).set_index("theme")
    in_title = themes(parse_article("Meeting on terrorism\n\nThey talked about terrorism."), min_score=0).set_index("theme")
    assert in_title.loc["terrorism", "score"] == body_only.loc["terrorism", "score"]
    assert in_title.loc["terrorism", "count"] == 1
    assert themes(parse_article("Terrorism terrorism terrorism\n\nThe weather was mild."), min_score=0).empty


def test_terms_inside_names_do_not_count():
    """A job title, an organization's or an event's name names someone; it says nothing about the article's theme."""
    text = (
        "Officials meet\n\nAccompanying the delegation was Police Colonel Nguyen Huu Ngoc, Director for Plans and Programmes "
        "of the European Banking Federation. He met officers of the INTERPOL Cybercrime Directorate at the Conference on "
        "Human Trafficking Response 2024."
    )
    article = parse_article(text)
    found = themes(article, min_score=0)
    assert not {"capacity_building", "financial_crime", "cybercrime", "human_trafficking"} & set(found["theme"]), found
    counted_everywhere = themes(article, min_score=0, names=False)
    assert {"capacity_building", "financial_crime", "cybercrime"} <= set(counted_everywhere["theme"])
    # the same words outside a name count
    plain = themes(parse_article("Officials meet\n\nThey planned training programmes against financial crime and cybercrime."), min_score=0)
    assert {"capacity_building", "financial_crime", "cybercrime"} <= set(plain["theme"])


def test_each_term_scores_in_one_theme_only():
    from analysis.themes import load_taxonomy

    scorers: dict[tuple, str] = {}
    for term in load_taxonomy().terms:
        if term.weight > 0:
            assert scorers.setdefault(term.words, term.theme) == term.theme, term
    table = themes(parse_article("Attack\n\nA cyber attack hit the bank. Another cyber attack followed."), min_score=0)
    holders = [t for t, terms in zip(table["theme"], table["terms"]) if "cyber attack" in terms]
    assert holders == ["cybercrime"]


def test_weak_themes_fall_below_the_cut_off():
    article = parse_article("Meeting\n\n" + " ".join(["The delegates talked about the weather and lunch."] * 24) + "\n\nA patch came up once.")
    assert "cybersecurity" in set(themes(article, min_score=0)["theme"])  # "patch": weight 0.5, one mention
    assert "cybersecurity" not in set(themes(article)["theme"])
    assert (themes(article, min_score=0)["score"] > 0).all()


def test_a_crime_named_in_a_list_counts_less_than_one_discussed_on_its_own():
    listed = "Chiefs meet\n\nThey discussed transnational crimes including terrorism, fraud, drug trafficking and cybercrime."
    alone = "Chiefs meet\n\nThey discussed terrorism. They discussed fraud. They discussed drug trafficking and cybercrime."
    in_list = themes(parse_article(listed)).set_index("theme")
    on_its_own = themes(parse_article(alone)).set_index("theme")
    assert in_list.loc["terrorism", "score"] < on_its_own.loc["terrorism", "score"]
    # the word that introduces the list is not an item: the umbrella theme leads
    assert in_list.index[0] == "transnational_crime"
    # commas alone do not make a list of two
    pair = themes(parse_article("Chiefs meet\n\nThey discussed terrorism, and fraud.")).set_index("theme")
    assert pair.loc["terrorism", "score"] == on_its_own.loc["terrorism", "score"]


def test_score_is_length_normalised():
    short = "Drug haul\n\nPolice seized heroin from a drug syndicate."
    filler = " ".join(["The weather was mild and the streets were quiet that day."] * 40)
    long = f"Drug haul\n\nPolice seized heroin from a drug syndicate. {filler}"
    s_short = themes(parse_article(short)).set_index("theme").loc["drug_trafficking", "score"]
    s_long = themes(parse_article(long)).set_index("theme").loc["drug_trafficking", "score"]
    assert s_long < s_short


def test_columns_evidence_and_paragraphs_point_into_the_article(seed):
    table = themes(seed)
    assert list(table.columns) == COLUMNS
    assert table["score"].is_monotonic_decreasing and (table["score"] > 0).all()
    for row in table.itertuples():
        sentence = seed.sentences[row.sentence]
        assert row.evidence == sentence.text == seed.text[sentence.start : sentence.end]
        assert all(seed.paragraphs[p].kind in ("title", "body") for p in row.paragraphs)
        assert sentence.paragraph in row.paragraphs
        assert row.count == sum(int(part.rsplit("×", 1)[1]) for part in row.terms.split("; "))
    cyber = table.set_index("theme").loc["cybercrime"]
    assert cyber["terms"].startswith("cybercrime×")


def test_user_taxonomy_file_and_dict(tmp_path):
    taxonomy = {"themes": [
        {"id": "weather", "label": "Weather", "description": "Rain and sun.", "terms": {"rain": 2, "storm*": 3, "rain dance": -5}},
        {"id": "sport", "label": "Sport", "terms": {"football": 2}},
    ]}
    path = tmp_path / "mine.json"
    path.write_text(json.dumps(taxonomy), encoding="utf-8")
    article = parse_article("Storm warning\n\nStorms, heavy rain and stormy winds hit the football ground.")
    for source in (path, str(path), taxonomy):
        table = themes(article, taxonomy=source, min_score=0)
        assert list(table["theme"]) == ["weather", "sport"]
        assert "storm*×2" in table.iloc[0]["terms"]
    dance = themes(parse_article("Title\n\nThey did a rain dance."), taxonomy=taxonomy)
    assert "weather" not in set(dance["theme"])


def test_bad_taxonomies_fail_with_one_clear_error(tmp_path):
    with pytest.raises(AnalysisError):
        load_taxonomy({"themes": []})
    with pytest.raises(AnalysisError):
        load_taxonomy({"themes": [{"id": "x", "terms": {"a": "heavy"}}]})
    with pytest.raises(AnalysisError):
        load_taxonomy(tmp_path / "missing.json")


def test_empty_article_gives_empty_table_with_columns():
    assert list(themes(parse_article("")).columns) == COLUMNS
    assert themes(parse_article("Nothing\n\nThe weather was mild.")).empty


def test_dev_gold_top_theme_and_r_precision(dev_articles):
    """The issue's targets on the dev set (hit@1 ≥ 0.9, R-precision ≥ 0.75), computed like score.py."""
    from tests.conftest import DEV

    hits = found = wanted = 0
    for name, article in dev_articles.items():
        gold = json.loads((DEV / f"{name}.gold.json").read_text(encoding="utf-8"))["themes"]
        ranked = list(themes(article)["theme"])
        hits += bool(ranked) and ranked[0] in gold
        found += len(set(ranked[: len(gold)]) & set(gold))
        wanted += len(gold)
    assert hits / len(dev_articles) >= 0.9
    assert found / wanted >= 0.75


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_random_text_never_crashes_and_evidence_slices_back(text):
    article = parse_article(text)
    table = themes(article)
    assert list(table.columns) == COLUMNS
    for row in table.itertuples():
        s = article.sentences[row.sentence]
        assert article.text[s.start : s.end] == row.evidence


WORDS = ["cyber", "-", "attacks", "cyber-attacks", "law", "enforcement", "the", "a", "drug", "trafficking", "prescription",
         "Police", "KNPA’s", "organised", "crime", ",", ".", "\n\n", "capacity", "strengthening", "capacities", "é", "’s"]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=80))
def test_random_domain_word_salad_never_crashes(words):
    article = parse_article(" ".join(words))
    table = themes(article)
    assert (table["score"] > 0).all() and table["score"].is_monotonic_decreasing
    for row in table.itertuples():
        assert article.sentences[row.sentence].text == row.evidence
