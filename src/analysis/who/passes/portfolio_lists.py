"""Pass: people listed after a plural position, each with the portfolio written before their name.

"... met the Ministers for Home Affairs and Decentralisation, A; Defence, B; and Fisheries, C": each is
the "Minister for" their portfolio. At least two items, separated by semicolons, make a list.

>>> from analysis.article import parse_article
>>> from analysis.participants import participants
>>> text = "T\\n\\nHe met the Ministers of Justice, Anna Berg; Defence, Carl Holm; and Finance, Eva Lind."
>>> participants(parse_article(text))[["name", "role"]].values.tolist()
[['Anna Berg', 'Minister of Justice'], ['Carl Holm', 'Minister of Defence'], ['Eva Lind', 'Minister of Finance']]
"""
from __future__ import annotations

from ..person_names import is_nameish, read_name
from ..roles import singular
from ..state import PersonMention, SentenceState
from ..tokens import Token


def read_portfolio_lists(state: SentenceState) -> None:
    tokens = state.tokens
    for k, token in enumerate(tokens[:-1]):
        if state.used[k] or not token.is_cap or (one := singular(token.text)) == token.text or tokens[k + 1].key not in ("of", "for"):
            continue  # a plural position: "Ministers", "Secretaries"
        items = list_items(state, k + 2)
        if len(items) < 2:
            continue
        position = f"{one} {tokens[k + 1].text}"  # "Ministers for" -> "Minister for"
        for start, end, name_start, name_end in items:
            state.people.append(PersonMention(
                name=state.text(name_start, name_end), role=f"{position} {state.text(start, end)}", sentence=state.sentence,
                char_start=tokens[name_start].start, char_end=tokens[name_end - 1].end, start=name_start, name_start=name_start, name_end=name_end,
            ))
        state.mark(k, items[-1][3])


def list_items(state: SentenceState, j: int) -> list[tuple[int, int, int, int]]:
    """``(portfolio start, portfolio end, name start, name end)`` of each "Portfolio, Name" from ``j``, the
    items separated by semicolons (the last after "; and")."""
    tokens, items = state.tokens, []
    while j < len(tokens):
        end = portfolio_end(tokens, j)
        if end == j or end + 1 >= len(tokens) or tokens[end].text != ",":
            break
        name_end = read_name(tokens, end + 1)
        if not name_end or not is_nameish(tokens, end + 1, name_end) or any(state.used[j:name_end]):
            break
        items.append((j, end, end + 1, name_end))
        if name_end >= len(tokens) or tokens[name_end].text != ";":
            break
        j = name_end + 1 + (name_end + 1 < len(tokens) and tokens[name_end + 1].key == "and")
    return items


def portfolio_end(tokens: list[Token], j: int) -> int:
    """End of at most six capitalised words from ``j``, joined by "and" or "&": "Fisheries and Maritime Economy"
    (any words: the list's shape, not a vocabulary, says they are portfolios)."""
    k = j
    while k < min(len(tokens), j + 6) and (
        tokens[k].is_cap and tokens[k].is_word and not tokens[k].possessive
        or k > j and tokens[k].key in ("and", "&") and k + 1 < len(tokens) and tokens[k + 1].is_cap
    ):
        k += 1
    return k
