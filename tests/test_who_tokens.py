"""The reader's tokenizer: every token is a slice of the text at its offsets, in order, never overlapping."""
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.who.tokens import tokenize

PIECES = st.sampled_from(["COP/Mr.", "Mr.", "Dr.", "/", "’s", "'s", "Chiefs’", "U.S.", "A.", "D.W.R.B.", "U.A.E.", "and/or", "Kofi", "(NCB)", " ", "\n", ",", "-", "ASP/Mrs.", "x", "'Asi", "'Golden'", "ʻAko"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(PIECES, st.text(max_size=5)), max_size=25).map("".join), st.integers(0, 1000))
def test_tokens_are_ordered_slices_of_the_text(text, offset):
    tokens = tokenize(text, offset)
    for token in tokens:
        assert text[token.start - offset : token.end - offset] == token.text
    assert all(a.end <= b.start for a, b in zip(tokens, tokens[1:]))


def test_a_rank_joined_to_an_honorific_by_a_slash_is_two_tokens():
    assert [t.text for t in tokenize("COP/Mr. Kofi and his/her AND/OR")] == ["COP", "/", "Mr.", "Kofi", "and", "his/her", "AND/OR"]


def test_a_polynesian_glottal_stop_opens_a_name_but_a_quotation_stays_apart():
    words = tokenize("Attorney-General 'Asipeli 'Aminiasi Kefu and Minister ʻAkosita Lavulavu saw the 'Golden Triangle' map")
    assert [(t.text, t.is_cap) for t in words[1:4]] == [("'Asipeli", True), ("'Aminiasi", True), ("Kefu", True)]
    assert [(t.text, t.is_cap) for t in words[6:8]] == [("ʻAkosita", True), ("Lavulavu", True)]
    assert [t.text for t in words[-5:]] == ["'", "Golden", "Triangle", "'", "map"]


def test_three_or_more_initials_written_together_are_initials_but_short_forms_stay_whole():
    assert [t.text for t in tokenize("Affairs, D.W.R.B. Seneviratne")] == ["Affairs", ",", "D.", "W.", "R.", "B.", "Seneviratne"]
    assert [t.text for t in tokenize("the U.S. and the U.A.E. Ambassador, the E.U. Commissioner")] == [
        "the", "U.S.", "and", "the", "U.A.E.", "Ambassador", ",", "the", "E.U.", "Commissioner"]
