"""The reader's tokenizer: every token is a slice of the text at its offsets, in order, never overlapping."""
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.who.tokens import tokenize

PIECES = st.sampled_from(["COP/Mr.", "Mr.", "Dr.", "/", "’s", "'s", "Chiefs’", "U.S.", "A.", "and/or", "Kofi", "(NCB)", " ", "\n", ",", "-", "ASP/Mrs.", "x"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(PIECES, st.text(max_size=5)), max_size=25).map("".join), st.integers(0, 1000))
def test_tokens_are_ordered_slices_of_the_text(text, offset):
    tokens = tokenize(text, offset)
    for token in tokens:
        assert text[token.start - offset : token.end - offset] == token.text
    assert all(a.end <= b.start for a, b in zip(tokens, tokens[1:]))


def test_a_rank_joined_to_an_honorific_by_a_slash_is_two_tokens():
    assert [t.text for t in tokenize("COP/Mr. Kofi and his/her AND/OR")] == ["COP", "/", "Mr.", "Kofi", "and", "his/her", "AND/OR"]
