"""Credits: where an article names the agency or outlet that sent it, rather than a body it reports on.

A wire dateline's agency, opening one of the first two paragraphs ("HANOI (VNA) –", "SEOUL, April 5 (Yonhap) --"), a byline ("Source: Xinhua",
"Xinhua | 30 November 2012") and a sign-off closing the text ("... in the region. — Bernama") credit the
article's source. The organizations table leaves out a body named only there; a body the text names
anywhere else ("he told Bernama") stays.

>>> from analysis.article import parse_article
>>> article = parse_article("Talks held\\n\\nHanoi (VNA) – Minister To Lam received the delegation.\\n\\nThey agreed. — VNA")
>>> [article.text[start:end] for start, end in credit_spans(article)]
['VNA', 'VNA']
"""
from __future__ import annotations

import re

from .article import BODY, BYLINE, TAGLINE, Article
from .who.places import known_place

__all__ = ["credit_spans", "in_credit"]

# "HANOI (VNA) –", "NAY PYI TAW, Myanmar, Oct. 31 (Xinhua) --", "Jakarta (ANTARA News) -": a place (and a date)
# of at most 60 characters, the agency in brackets, then a dash
_WIRE = re.compile(r"(?P<place>[A-Z][^()\n,]{0,30})(?P<rest>[^()\n]{0,40}?)\((?P<credit>[A-Z][^()\n]{1,40})\)\s*(?:--|[-–—])")
# "... in the region. — Bernama", "... crystal methamphetamine.-VNA": one or two capitalised words after a
# dash that closes the text
_SIGN_OFF = re.compile(r"(?:(?<=[.!?”\"’])|\s)\s*[-–—]+\s*(?P<credit>[A-Z][\w&]*(?: [A-Z][\w&]*)?)\s*$")


def credit_spans(article: Article) -> tuple[tuple[int, int], ...]:
    """Character spans of ``article.text`` that credit its source: byline paragraphs, the agency of a
    wire dateline opening a body paragraph, and a sign-off closing the last body paragraph or tagline."""
    spans: list[tuple[int, int]] = []
    closing = [p for p in article.paragraphs if p.kind in (BODY, TAGLINE)][-1:]
    opening = [p for p in article.paragraphs if p.kind == BODY][:2]  # a standfirst may stand before the dateline
    for paragraph in article.paragraphs:
        if paragraph.kind == BYLINE:
            spans.append((paragraph.start, paragraph.end))
        elif paragraph in opening and (wire := _WIRE.match(paragraph.text)) and _is_place(wire["place"].strip()):
            spans.append((paragraph.start + wire.start("credit"), paragraph.start + wire.end("credit")))
        if paragraph in closing and (sign_off := _SIGN_OFF.search(paragraph.text)):
            spans.append((paragraph.start + sign_off.start("credit"), paragraph.start + sign_off.end("credit")))
    return tuple(spans)


def _is_place(text: str) -> bool:
    """Whether a wire dateline opens with a place: written in capitals ("NAY PYI TAW") or a known place ("Hanoi"),
    so that "Royal Malaysia Police (PDRM) – 12 officers" is no dateline."""
    return text.isupper() or known_place(text)


def in_credit(spans: tuple[tuple[int, int], ...], offset: int) -> bool:
    """Whether character ``offset`` lies inside one of ``spans`` (from :func:`credit_spans`).

    >>> in_credit(((7, 10),), 7), in_credit(((7, 10),), 10)
    (True, False)
    """
    return any(start <= offset < end for start, end in spans)
