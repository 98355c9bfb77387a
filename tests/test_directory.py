"""The directory: one row per person and per organization across articles, merges with reasons, edges."""
from __future__ import annotations

import importlib.util
import json
import string
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import analysis
from analysis import parse_article
from analysis.directory import Directory, directory, read_aliases
from analysis.edges import EDGE_COLUMNS
from analysis.errors import AnalysisError
from analysis import names
from analysis.names import compatible, fold, organization_key, person_name

from .conftest import DEV, ROOT

TEXTS = {
    "a": "Police chiefs meet in Vilnius\n\nby Staff | 3 March 2023\n\nCommissioner General Eduardas Misiūnas of the "
    "Lithuanian Police met Superintendent John Smith of the Metropolitan Police Service in Vilnius. Commissioner General "
    "KIM Min Su of the Korean National Police Agency (KNPA) also attended.",
    "b": "Cybercrime talks in Seoul\n\nby Staff | 5 May 2024\n\nDeputy Commissioner E. Misiūnas of the Lithuanian Police "
    "spoke with Dr. Mary Smith of the Australian Federal Police in Seoul. Commissioner General Min Su Kim of the KNPA "
    "hosted the talks.",
    "c": "Training ends\n\nby Staff | 1 June 2024\n\nInspector Smith closed the course in Canberra. Tan Sri Khalid bin "
    "Abu Bakar, Inspector-General of Police of the Royal Malaysia Police, sent a message.",
    "d": "Border meeting\n\nby Staff | 2 July 2024\n\nInspector-General of Police Khalid Abu Bakar of the Royal Malaysian "
    "Police met Superintendent John Smith of the Metropolitan Police Service.",
}


@pytest.fixture(scope="module")
def articles():
    return [parse_article(text, id=key) for key, text in TEXTS.items()]


@pytest.fixture(scope="module")
def found(articles) -> Directory:
    return directory(articles)


def person(found: Directory, name: str) -> pd.Series:
    rows = found.persons[found.persons["name"].eq(name) | found.persons["variants"].str.split("; ").map(lambda v: name in v)]
    assert len(rows) == 1, f"{name!r} is in {len(rows)} rows"
    return rows.iloc[0]


def test_the_package_exports_directory():
    assert analysis.directory is directory


def test_variants_of_one_name_are_one_person(found):
    khalid = person(found, "Khalid Abu Bakar")
    assert khalid["name"] == "Khalid bin Abu Bakar" and khalid["articles"] == 2 and khalid["article_ids"] == "c; d"
    assert "same name" in khalid["rule"] and "'bin'" in khalid["evidence"]
    assert khalid["honorifics"] == "Tan Sri"
    kim = person(found, "KIM Min Su")  # family name in capitals first, then given names first
    assert kim["variants"] == "KIM Min Su" or kim["name"] == "KIM Min Su"
    assert kim["articles"] == 2 and "reordered" in kim["rule"]
    misiunas = person(found, "Eduardas Misiūnas")  # an initial
    assert misiunas["variants"] == "E. Misiūnas" and misiunas["rule"] == "initials"
    assert misiunas["first_seen"] == "2023-03-03" and misiunas["last_seen"] == "2024-05-05"


def test_title_history_states_the_dates(found):
    misiunas = person(found, "Eduardas Misiūnas")
    assert misiunas["titles"] == "Commissioner General (2023-03-03) → Deputy Commissioner (2024-05-05)"
    assert misiunas["organizations"] == "Lithuanian Police (2023-03-03 – 2024-05-05)"


def test_two_people_with_one_surname_stay_apart(found):
    john, mary = person(found, "John Smith"), person(found, "Mary Smith")
    assert john["person_id"] != mary["person_id"]
    assert john["article_ids"] == "a; d" and mary["article_ids"] == "b"
    # "Inspector Smith" alone could be either: a row of its own, not merged into one of them
    smith = person(found, "Smith")
    assert smith["person_id"] not in (john["person_id"], mary["person_id"]) and smith["rule"] == ""


def test_same_surname_and_initial_never_merge_two_people():
    tables = {
        "persons": pd.DataFrame(
            {
                "article_id": ["a", "b", "c"],
                "name": ["John Smith", "Jane Smith", "J. Smith"],
                "organization": ["Europol", "INTERPOL", None],
            }
        )
    }
    found = directory(tables)
    assert len(found.persons) == 3  # "J. Smith" fits both: merged with neither


def test_organizations_merge_acronym_demonym_and_keep_the_parent():
    tables = {
        "organizations": pd.DataFrame(
            {
                "article_id": ["a", "a", "b", "c", "c"],
                "name": ["Royal Malaysia Police", "ASEANAPOL", "Royal Malaysian Police", "RMP", "ASEANAPOL Secretariat"],
                "acronym": ["RMP", None, None, None, None],
            }
        )
    }
    orgs = directory(tables).organizations.set_index("name")
    assert len(orgs) == 3
    rmp = orgs.loc[orgs.index.str.startswith("Royal Malaysia")].iloc[0]
    assert {rmp.name, *rmp["aliases"].split("; ")} == {"Royal Malaysia Police", "Royal Malaysian Police"} and rmp["acronym"] == "RMP"
    assert rmp["article_ids"] == "a; b; c" and "acronym" in rmp["rule"] and "same name" in rmp["rule"]
    secretariat = orgs.loc["ASEANAPOL Secretariat"]
    assert secretariat["parent"] == "ASEANAPOL" and secretariat["parent_id"] == orgs.loc["ASEANAPOL", "organization_id"]


def test_an_aliases_file_overrides_a_merge(articles, tmp_path):
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("variant,canonical\nKhalid Abu Bakar,Khalid Abu Bakar (Royal Malaysian Police)\n", encoding="utf-8")
    found = directory(articles, aliases=aliases)
    split = person(found, "Khalid Abu Bakar (Royal Malaysian Police)")
    other = person(found, "Khalid bin Abu Bakar")
    assert split["person_id"] != other["person_id"]  # the rule would have merged them
    assert split["article_ids"] == "d" and other["article_ids"] == "c"
    # and an alias can merge what no rule would
    aliases.write_text("Smith,John Smith\n", encoding="utf-8")
    merged = person(directory(articles, aliases=aliases), "John Smith")
    assert merged["article_ids"] == "a; c; d" and "alias file" in merged["rule"]


def test_a_bad_aliases_file_is_one_clear_error(tmp_path):
    with pytest.raises(AnalysisError, match="no such aliases file"):
        read_aliases(tmp_path / "missing.csv")
    bad = tmp_path / "bad.csv"
    bad.write_text("only one column\n", encoding="utf-8")
    with pytest.raises(AnalysisError, match=r"bad.csv:1: expected two columns"):
        read_aliases(bad)


def test_edge_weights_and_article_ids(found):
    edges = found.edges
    assert list(edges.columns) == EDGE_COLUMNS
    john, khalid = person(found, "John Smith")["person_id"], person(found, "Khalid bin Abu Bakar")["person_id"]
    misiunas, kim = person(found, "Eduardas Misiūnas")["person_id"], person(found, "KIM Min Su")["person_id"]

    def tie(a, b, kind="person-person", via="article"):
        rows = edges[(edges["kind"] == kind) & (edges["via"] == via) & (edges["source"] == min(a, b)) & (edges["target"] == max(a, b))]
        return rows.iloc[0] if len(rows) else None

    both = tie(misiunas, kim)
    assert both["weight"] == 2 and both["article_ids"] == "a; b"  # together in a and in b
    once = tie(john, khalid)
    assert once["weight"] == 1 and once["article_ids"] == "d"
    assert tie(khalid, kim) is None  # never in one article
    affiliations = edges[(edges["kind"] == "person-organization") & (edges["source"] == misiunas)]
    assert affiliations[["target_name", "weight", "article_ids"]].values.tolist() == [["Lithuanian Police", 2, "a; b"]]
    assert edges[edges["kind"] == "person-person"]["source"].lt(edges[edges["kind"] == "person-person"]["target"]).all()


def test_person_event_edges_and_sharing_an_event():
    mentions = {
        "persons": pd.DataFrame({"article_id": ["x", "y"], "name": ["Ann Lee", "Bo Park"]}),
        "events": pd.DataFrame({"article_id": ["x", "y"], "name": ["Cyber Summit", "cyber summit"], "acronym": [None, None]}),
    }
    edges = directory(mentions).edges
    event = edges[edges["kind"] == "person-event"]
    assert sorted(event["source_name"]) == ["Ann Lee", "Bo Park"] and set(event["target_name"]) == {"Cyber Summit"}
    shared = edges[(edges["kind"] == "person-person") & (edges["via"] == "event")]
    assert shared[["weight", "article_ids"]].values.tolist() == [[1, "x; y"]]
    assert edges[(edges["kind"] == "person-person") & (edges["via"] == "article")].empty


def test_an_empty_corpus_gives_empty_tables_with_their_columns():
    found = directory([])
    assert found.persons.empty and found.organizations.empty and found.edges.empty
    assert list(found.edges.columns) == EDGE_COLUMNS and "person_id" in found.persons.columns


def test_directory_refuses_a_string():
    with pytest.raises(AnalysisError, match="CorpusResult or articles"):
        directory("some/folder")


# --- the corpus run writes the directory ------------------------------------------------------


@pytest.mark.slow
def test_analysis_corpus_writes_the_directory_tables(tmp_path):
    from analysis.corpus import analyze_corpus, read_corpus

    sources = tmp_path / "in"
    sources.mkdir()
    for key, text in TEXTS.items():
        (sources / f"{key}.txt").write_text(text, encoding="utf-8")
    result = analyze_corpus(str(sources), workers=1, out_dir=tmp_path / "out")
    for kind in ("directory_persons", "directory_organizations", "edges"):
        assert (tmp_path / "out" / f"{kind}.parquet").is_file() and (tmp_path / "out" / f"{kind}.csv").is_file()
    manifest = json.loads((tmp_path / "out" / "corpus.json").read_text(encoding="utf-8"))
    assert manifest["tables"]["directory_persons"]["rows"] == len(result.table("directory_persons"))
    persons = read_corpus(tmp_path / "out").table("directory_persons")
    khalid = persons[persons["name"] == "Khalid bin Abu Bakar"].iloc[0]
    assert khalid["article_ids"] == "c; d"
    in_memory = analyze_corpus(str(sources), workers=1)
    assert in_memory.table("directory_persons")["name"].tolist() == persons["name"].tolist()


# --- the dev articles against the gold directory (benchmarks/score_directory.py) ---------------


def _scorer():
    spec = importlib.util.spec_from_file_location("score_directory", ROOT / "benchmarks" / "score_directory.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_pairwise_scores_count_pairs():
    scorer = _scorer()
    gold = [[("a", "X"), ("b", "X"), ("c", "X")], [("a", "Y")]]
    perfect = scorer.pairwise(gold, {("a", "X"): "1", ("b", "X"): "1", ("c", "X"): "1", ("a", "Y"): "2"})
    assert (perfect["precision"], perfect["recall"], perfect["gold_pairs"]) == (1.0, 1.0, 3)
    merged = scorer.pairwise(gold, {("a", "X"): "1", ("b", "X"): "1", ("c", "X"): None, ("a", "Y"): "1"})
    assert merged["precision"] == pytest.approx(1 / 3) and merged["recall"] == pytest.approx(1 / 3)


@pytest.mark.slow
def test_merges_on_the_dev_articles_meet_the_targets():
    scorer = _scorer()
    shared = scorer.find_shared()
    if shared is None or not scorer.GOLD.is_file():
        pytest.skip("needs ../shared/corpus and data/eval/directory/gold.json")
    gold = json.loads(scorer.GOLD.read_text(encoding="utf-8"))
    paths = sorted([*(shared / "corpus" / "dev").glob("*.txt"), *(shared / "corpus" / "dev2").glob("*.txt")])
    found = directory([analysis.load_article(p) for p in paths if p.stem in set(gold["articles"])])
    scores = scorer.score(gold, found)
    assert scores["person"]["precision"] >= 0.98 and scores["organization"]["precision"] >= 0.98
    assert scores["person"]["recall"] >= 0.90 and scores["organization"]["recall"] >= 0.90


# --- properties of the name readers -----------------------------------------------------------------

_LETTERS = string.ascii_letters + "áéíóúüñçøÅØłđÉÜ"
_NOT_NAMES = names._honorific_tokens() | names.patronymic_particles() | names._SUFFIXES  # honorifics, ranks, "bin", "Jr"
_word = st.text(alphabet=_LETTERS, min_size=2, max_size=10).filter(lambda w: w[0].isalpha() and fold(w) not in _NOT_NAMES)
_name = st.lists(_word, min_size=1, max_size=5).map(" ".join)
_any = st.text(alphabet=_LETTERS + " .,-'’“”\"()/&" + string.digits, max_size=60)


@settings(max_examples=300, deadline=None)
@given(_any)
def test_name_readers_never_fail_and_give_clean_tokens(text):
    name = person_name(text)
    assert all(token and " " not in token for token in name.tokens)
    assert name.key == name.key.strip() and fold(name.key) == name.key
    assert isinstance(organization_key(text), str)


@settings(max_examples=300, deadline=None)
@given(_name)
def test_person_key_ignores_case_and_accents(text):
    assert person_name(text.upper()).key == person_name(text.lower()).key == person_name(text).key
    assert person_name(text).key == person_name(fold(text)).key


@settings(max_examples=300, deadline=None)
@given(_name, st.sampled_from(["Dr.", "Mr", "H.E.", "Dato’", "Hj.", "ACP", "Professor"]))
def test_person_key_ignores_a_leading_honorific(text, honorific):
    if len(person_name(text).tokens) >= 2:
        assert person_name(f"{honorific} {text}").key == person_name(text).key


@settings(max_examples=200, deadline=None)
@given(_word, _word, _word)
def test_bin_and_family_name_first_are_the_same_person(given_name, father, family):
    assert person_name(f"{given_name} bin {father}").key == person_name(f"{given_name} {father}").key
    reordered = person_name(f"{family.upper()} {given_name.capitalize()} {father.capitalize()}")
    assert reordered.sorted_key == person_name(f"{given_name} {father} {family}").sorted_key


@settings(max_examples=200, deadline=None)
@given(_word, _word, _word)
def test_a_son_and_his_father_are_not_the_same_words_reordered(son, father, family):
    assume(fold(son) != fold(father))
    assert person_name(f"{son} bin {father} {family}").sorted_key != person_name(f"{father} bin {son} {family}").sorted_key


@settings(max_examples=200, deadline=None)
@given(_word, _word, _word)
def test_an_initial_fits_only_its_own_first_name(first, other, family):
    full = person_name(f"{first} {family}")
    assert compatible(person_name(f"{first[0]}. {family}"), full)
    if fold(other)[0] != fold(first)[0]:
        assert not compatible(person_name(f"{other[0]}. {family}"), full)
        assert not compatible(person_name(f"{other} {family}"), full)


@settings(max_examples=200, deadline=None)
@given(st.lists(_word, min_size=2, max_size=5, unique_by=fold))
def test_organization_key_ignores_word_order_and_the(words):
    assert organization_key(" ".join(words)) == organization_key("The " + " ".join(reversed(words)))


# --- the network chart ------------------------------------------------------------------------------


def test_network_chart_draws_at_most_n_people_with_labels_apart():
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from analysis.network import network_chart, svg

    # 12 articles of 4 people each out of 40: many ties, some strong
    rows = []
    for article in range(12):
        people = [f"P{(article * 3 + k) % 40:02d}" for k in range(4)] + ["P99"]
        tables_persons = [(f"a{article}", f"Person Number{p[1:]} Surname{p[1:]}") for p in people]
        rows.extend(tables_persons)
    found = directory({"persons": pd.DataFrame(rows, columns=["article_id", "name"])})
    fig = network_chart(found.edges, n=10)
    labels = [t for t in fig.axes[0].texts if t.get_gid() == "network-label"]
    assert 2 <= len(labels) <= 10
    assert "Person Number99 Surname99" in [t.get_text() for t in labels]  # in every article: drawn
    renderer = FigureCanvasAgg(fig).get_renderer()
    boxes = [t.get_window_extent(renderer) for t in labels]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not a.overlaps(b)
    note = " ".join(t.get_text() for t in fig.texts)
    total = len(found.persons)
    assert f"{len(labels)} of {total} people" in note and "not drawn" in note
    widths = sorted(line.get_linewidth() for line in fig.axes[0].lines if line.get_color() != "#bbbbbb")
    assert widths[-1] > widths[0]  # the strongest tie is drawn wider
    assert "<text" in svg(fig) and "<script" not in svg(fig)


def test_network_chart_of_no_ties_says_so():
    from analysis.network import network_chart

    fig = network_chart(pd.DataFrame(columns=EDGE_COLUMNS))
    assert fig.axes[0].texts[0].get_text() == "No two people appear together."
def test_charts_network_is_the_directory_network_chart():
    import analysis
    from analysis import charts
    from analysis.article import parse_article
    from matplotlib.figure import Figure

    articles = [parse_article(f"T{i}\n\nPolice General Somchai Wong met Commissioner Reece Kershaw of the Australian Federal Police.") for i in range(2)]
    found = analysis.directory(articles)
    fig = charts.network(found.edges, n=5)
    assert isinstance(fig, Figure)
    assert any("Kershaw" in t.get_text() for ax in fig.axes for t in ax.texts)
