"""Tokens with character offsets; a possessive 's is folded into a flag."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from .lexicon import key_of, lexicons


# A word may open with a quote mark: "‘Administration’" (a quoted unit), and the glottal stop of Polynesian
# names written as an apostrophe ("'Asipeli 'Aminiasi Kefu") when no closing quote follows in the sentence.
_TOKEN = re.compile(
    r"(?:[^\W\d_]\.){2,}"
    r"|(?<!\w)(?:‘|'(?=[A-Z][a-z])(?![^'\n]*\w'(?!\w)))(?=[^\W\d_])[^\W_](?:[\w]|[-'’/&](?=[^\W_]))*"
    r"|[^\W_](?:[\w]|[-'’/&](?=[^\W_]))*|['’]s\b|\S"
)
_OPENING_MARKS = "‘'ʻ"  # before a word's first letter
_INITIALS = re.compile(r"(?:[A-Z]\.){3,}")  # three or more: "E.U." and "U.S." stay whole
_JOINED_PARTICLE = re.compile(r"([a-z]+)[A-Z][a-z]")  # "deZoeten", "delaCruz": a particle written onto the family name
_POSSESSIVE = re.compile(r"['’]s$")


@dataclass(slots=True)
class Token:
    text: str
    start: int
    end: int
    possessive: bool = False  # followed by 's
    key: str = field(init=False)  # lexicon key
    is_word: bool = field(init=False)
    is_cap: bool = field(init=False)
    is_allcaps: bool = field(init=False)

    def __post_init__(self) -> None:
        first = self.text.lstrip(_OPENING_MARKS)[:1]
        letters = [c for c in self.text if c.isalpha()]
        self.key = key_of(self.text)
        self.is_word = first.isalnum()
        self.is_cap = first.isupper() or _particle_joined(self.text)
        self.is_allcaps = len(letters) >= 2 and all(c.isupper() for c in letters)


def _particle_joined(text: str) -> bool:
    """Whether a word is a family name with its particle written onto it: "deZoeten", not "eBay" or "mRNA".

    >>> _particle_joined("deZoeten"), _particle_joined("eBay"), _particle_joined("ofThe")
    (True, False, False)
    """
    match = _JOINED_PARTICLE.match(text)
    return match is not None and match.group(1) in lexicons().particles


def _is_short_form(part: str, lex) -> bool:
    """Whether ``part`` of a slash-joined word stands alone: an abbreviated rank, an honorific ("COP/Mr")
    or a well-known body ("(ANI/WAM)": two agencies credited)."""
    return part in lex.title_abbreviations or (key_of(part),) in lex.honorifics or part in lex.known_orgs or part in known_acronyms()


def _is_dotted_short_form(word: str, lex) -> bool:
    """Whether dotted capitals are a place, a body or a rank written with dots: "U.A.E.", "F.B.I.", "I.G.P."."""
    letters = word.replace(".", "")
    return word in lex.places or letters in lex.places or _is_short_form(letters, lex)


@functools.cache
def known_acronyms() -> frozenset[str]:
    """The acronyms of ``known_organizations.tsv`` ("INTERPOL", "ASEANAPOL"): short forms the tokenizer keeps whole."""
    return frozenset(a for a in lexicons().known_orgs.values() if a)


def _split_ranks(word: str, start: int) -> list[Token]:
    """Tokens for every part of ``word`` but the last, each followed by a "/" token."""
    tokens, at = [], start
    for part in word.split("/")[:-1]:
        tokens.append(Token(part, at, at + len(part)))
        tokens.append(Token("/", at + len(part), at + len(part) + 1))
        at += len(part) + 1
    return tokens


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Tokens of ``text`` with offsets (plus ``offset``); a possessive 's is folded into a flag.

    >>> [t.text for t in tokenize("KNPA's Dr. K. Ramos")]
    ['KNPA', 'Dr.', 'K.', 'Ramos']
    """
    lex = lexicons()
    tokens: list[Token] = []
    pos = 0
    while match := _TOKEN.search(text, pos):
        word, start, end = match.group(), match.start(), match.end()
        pos = end
        if _POSSESSIVE.fullmatch(word) and tokens and tokens[-1].end == offset + start:
            tokens[-1].possessive = True
            continue
        if word[-1:] == "s" and word[:1].isupper() and text[end : end + 1] in ("'", "’") and text[end + 1 : end + 3].strip()[:1].isupper():
            tokens.append(Token(word + text[end], offset + start, offset + end + 1))  # "Police Chiefs’ Committee"
            pos = end + 1
            continue
        if word[:-2] in lex.plural_possessives and text[end : end + 2].strip()[:1].isupper():
            tokens.append(Token(word, offset + start, offset + end))  # "Lao People's Army": inside a name
            continue
        if _POSSESSIVE.search(word) and len(word) > 2 and word[-3].isalpha():
            tokens.append(Token(word[:-2], offset + start, offset + end - 2, possessive=True))
            continue
        if "/" in word and all(_is_short_form(part, lex) for part in word.split("/")):
            tokens.extend(_split_ranks(word, offset + start))  # "COP/Mr. Kofi Boakye": rank and honorific joined
            word, start = word.rsplit("/", 1)[1], start + word.rindex("/") + 1
        if _INITIALS.fullmatch(word) and not _is_dotted_short_form(word, lex) and text[end : end + 3].strip()[:1].isupper():
            tokens.extend(Token(word[k : k + 2], offset + start + k, offset + start + k + 2) for k in range(0, len(word), 2))
            continue  # "D.W.R.B. Seneviratne": initials written together, each an initial
        nxt = text[end : end + 1]
        if nxt in (".", "'", "’") and word[0].isalpha():
            dotted = (word + nxt).replace("’", "'").casefold()
            name_part = nxt == "." and len(word) <= 3 and word[0].isupper() and tokens and tokens[-1].is_cap and text[end + 1 : end + 3].strip()[:1].isupper()
            initial = nxt == "." and len(word) == 1 and word.isupper() and text[end + 1 : end + 3].strip()[:1].isupper()
            if dotted in lex.dotted or initial or name_part:
                word, pos = word + nxt, end + 1
        tokens.append(Token(word, offset + start, offset + pos))
    return _join_bracketed_acronyms(tokens, text, offset)


def _join_bracketed_acronyms(tokens: list[Token], text: str, offset: int) -> list[Token]:
    """``tokens`` with an acronym written in two or three parts in parentheses made one token, as "(NCB)" is:
    "(BNN RI)", "(CARICOM IMPACS)" (not "(UAE, GCC)", "(AFP PHOTO)": ``acronyms_not_orgs.txt``, nor "(Dr)")."""
    lex = lexicons()
    joined: list[Token] = []
    k = 0
    while k < len(tokens):
        close = next((m for m in (k + 3, k + 4) if m < len(tokens) and tokens[m].text == ")"), None) if tokens[k].text == "(" else None
        if close and all(t.is_word and t.is_allcaps and not t.possessive and t.text not in lex.not_org_acronyms for t in tokens[k + 1 : close]):
            first, last = tokens[k + 1], tokens[close - 1]
            joined += [tokens[k], Token(text[first.start - offset : last.end - offset], first.start, last.end), tokens[close]]
            k = close + 1
            continue
        joined.append(tokens[k])
        k += 1
    return joined
