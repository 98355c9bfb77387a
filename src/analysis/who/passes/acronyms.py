"""Pass: organizations defined with an acronym ("Korean National Police Agency (KNPA)") and acronyms listed beside one."""
from __future__ import annotations

import re

from ..lexicon import lexicons
from ..phrases import acronym_start, bracketed, has_org_head, is_title_word, org_kind, read_title, topic_complement_end
from ..spans import initials_of
from ..state import SentenceState


def read_parenthesised_acronyms(state: SentenceState) -> None:
    tokens = state.tokens
    for k, token in enumerate(tokens):
        inner = bracketed(tokens, k)
        if inner is None or k == 0:
            continue
        acronym = inner.text
        known_short = inner.text in lexicons().known_orgs and not inner.text.isupper()
        if not known_short and (not re.fullmatch(r"[A-Z][A-Za-z0-9 &-]*[A-Za-z0-9]", inner.text) or sum(c.isupper() for c in inner.text) < 2):
            continue
        run_start = k
        while run_start > 0:
            prev = tokens[run_start - 1]
            if prev.possessive and run_start < k:
                break
            topic_in = prev.key == "in" and run_start > 1 and topic_complement_end(tokens, run_start - 1) > run_start - 1  # "Trafficking in Persons"
            if not ((prev.is_word and (prev.is_cap or prev.key in lexicons().connectors or topic_in)) or prev.text in ",&"):
                break
            run_start -= 1
        known_long = None if known_short else next((n for n in range(k - run_start) if lexicons().known_orgs.get(state.text(run_start + n, k)) == inner.text), None)
        # a known long form first: "International Criminal Police Organization (INTERPOL)"
        start = known_long if known_long is not None or known_short else acronym_start(inner.text, tokens[run_start:k])
        if start is not None and known_long is None and not known_short:
            start = head_before(tokens, run_start, run_start + start, k) - run_start
        if start is None:
            # "European Union Agency for Law Enforcement Cooperation (Europol)", "Royal Malaysia Police (PDRM)": an acronym of the name in another language
            start = next((n for n in range(k - run_start - 1, -1, -1) if tokens[run_start + n].text == "," or (n == 0 or tokens[run_start + n - 1].key == "the") and tokens[run_start + n].key in lexicons().non_name_caps), -1) + 1
            joined = [n for n in range(start + 1, k - run_start - 2) if tokens[run_start + n].key == "and" and tokens[run_start + n + 1].key == "the"]
            if joined and has_org_head(tokens[run_start + start : run_start + joined[-1]]):
                start = joined[-1] + 2  # "the Nigeria Police Force and the West African Police Chiefs Committee (WAPCCO)"
            and_at = next((n for n in range(start, k - run_start) if tokens[run_start + n].key == "and"), None)
            if and_at is not None and state.text(run_start + start, run_start + and_at) in lexicons().places:
                start = and_at + 1  # "Bureau (NCB) India and the National Narcotics Board (BNN)"
            while start < k - run_start and not tokens[run_start + start].is_cap:
                start += 1
            if start >= k - run_start or org_kind(tokens[run_start + start : k], state.known_acronyms) != "org":
                title = state.text(run_start + start, k)
                if start < k - run_start and read_title(tokens, run_start + start) == k and inner.text.isupper() and initials_of(title, inner.text):
                    state.title_acronyms.setdefault(inner.text, title)  # "Ms X, Minister of State (MOS), ...": "of" gives a letter
                continue
        i = run_start + start
        while i > 0 and tokens[i - 1].is_cap and tokens[i - 1].is_word and not tokens[i - 1].possessive and tokens[i - 1].key not in lexicons().non_name_caps and not is_title_word(tokens[i - 1]):
            i -= 1
        if read_title(tokens, i) == k or read_title(tokens, run_start + start) == k:
            title = state.text(i if read_title(tokens, i) == k else run_start + start, k)
            if inner.text.isupper() and initials_of(title, inner.text):
                state.title_acronyms.setdefault(inner.text, title)  # not "Inspector General of Police (CID)": the unit's letters
            continue  # "Assistant Commissioner of Police (ACP)", "Director for Investigation (DIDM)": positions
        if (title_end := read_title(tokens, i)) and title_end + 1 < k and tokens[title_end].key == "of":
            i = title_end + 1 + (tokens[title_end + 1].key == "the")  # "Chairman of the X Committee (XC)": the body only
        elif title_end and title_end + 1 < k and tokens[title_end].text == ",":
            i = title_end + 1  # "Deputy Inspector General, Kenya Police Service (DIG-KPS)": the body only, "KPS"
            acronym = inner.text.rsplit("-", 1)[-1]
        if any(read_title(tokens, x) == k for x in range(run_start, k) if x == run_start or tokens[x - 1].key not in lexicons().org_heads):
            continue  # "Additional Inspector General of Police (CID) X": the unit of a position, not a body's long form
        if state.text(i, k) in lexicons().places or state.text(run_start + start, k) in lexicons().places:
            continue  # "Federated States of Micronesia (FSM)", "Papua New Guinea (PNG)": a country and its short form
        kind = "org" if known_long is not None and i == run_start + known_long else org_kind(tokens[i:k], state.known_acronyms)
        if tokens[k - 1].key in lexicons().generic_org_words and tokens[k - 1].key not in lexicons().org_heads and known_long is None:
            kind = None  # "ASEAN Member Countries (AMCs)": a group, not a body
        if kind is None and k + 3 < len(tokens) and tokens[k + 3].is_cap:
            kind = org_kind([tokens[k + 3]], state.known_acronyms)
        if kind is None and inner.text in state.reused_acronyms and tokens[k - 1].key not in lexicons().generic_org_words:
            kind = "org"  # "Internal Security and Public Order (ISPO)", then "ISPO clarified ..."
        if kind == "org":
            state.add_org(i, k, acronym=acronym)
            state.used[k + 1] = True
        elif kind == "other":
            state.other_spans.append((i, k + 3))
            state.mark(i, k + 3)


def head_before(tokens: list, run_start: int, start: int, k: int) -> int:
    """Where a long form starts when its acronym leaves out the body's head and "of" or "for" (and "the"):
    "Bureau of | International Narcotics and Law Enforcement Affairs (INL)" (the letters start after "of").
    Else ``start``."""
    lex = lexicons()
    if org_kind(tokens[start:k], set()) == "org":
        return start
    of = start - 1 - (start - 1 > run_start and tokens[start - 1].key == "the")
    if of - 1 < run_start or tokens[of].key not in ("of", "for") or not (tokens[of - 1].is_cap and tokens[of - 1].key in lex.org_heads):
        return start
    head = of - 1
    while head > run_start and tokens[head - 1].is_cap and tokens[head - 1].is_word and tokens[head - 1].key not in lex.non_name_caps and not is_title_word(tokens[head - 1]):
        head -= 1
    return head


def read_listed_acronyms(state: SentenceState) -> None:
    """Acronyms listed next to an organization are organizations too: "SARPCCO, CAPCCO, NAPCCO"."""
    tokens, lex = state.tokens, lexicons()
    candidates = [
        k for k, t in enumerate(tokens)
        if t.is_allcaps and 3 <= len(t.text) <= 8 and t.text.isalpha() and not state.used[k]
        and not state.title_abbreviation(t.text) and t.text not in lex.not_org_acronyms
        and t.text not in lex.places and t.text.capitalize() not in lex.places
    ]
    # three or more listed together are bodies by themselves: "agencies including the NDLEA, EFCC, NIS and NCS"
    runs: list[list[int]] = []
    for k in candidates:
        gap = [t.text if t.text == "," else t.key for t in tokens[runs[-1][-1] + 1 : k]] if runs else None
        if gap in ([","], ["and"], [",", "and"], ["&"]):
            runs[-1].append(k)
        else:
            runs.append([k])
    for run in runs:
        if len(run) >= 3:
            for k in run:
                state.add_org(k, k + 1)
    # one pass each way carries a list along from the organization that anchors it
    for k, side in [(k, -1) for k in candidates] + [(k, +1) for k in reversed(candidates)]:
        o = k + 2 * side  # the neighbour beyond the "," or "and"
        if not state.used[k] and 0 <= o < len(tokens) and tokens[k + side].text in (",", "and") and (state.org_at(o) or state.org_ending_at(o + 1)):
            state.add_org(k, k + 1)


def read_acronyms_as_bodies(state: SentenceState) -> None:
    """An acronym the article never spells out, used as a body: "the ONCB hosted ...", "at the DCI
    headquarters", "the RSIPF Commissioner", "EASF's". The word after it is a cue of
    ``acronym_body_cues.txt`` or a position, or the acronym is possessive; "the" must come first unless
    it is possessive. After "the", an acronym that ends its phrase is a body too ("talks between the Embassy
    and the TTPS.", "the ONCB said"), unless the article spells it out as an event or a project."""
    tokens, lex = state.tokens, lexicons()
    starts = {p.start for p in state.people}
    for k, token in enumerate(tokens):
        if not (token.is_allcaps and 3 <= len(token.text) <= 8 and re.fullmatch(r"[A-Z]+(?:-[A-Z]+)?", token.text)) or state.used[k]:
            continue
        if state.title_abbreviation(token.text) or token.text in lex.not_org_acronyms or token.text in lex.places or token.text.capitalize() in lex.places:
            continue
        after = tokens[k + 1] if k + 1 < len(tokens) else None
        cue = after is not None and after.is_word and (
            after.key in lex.acronym_body_cues or after.key in lex.title_heads and (after.is_cap or is_title_word(after))
        )
        the = k > 0 and tokens[k - 1].key == "the"
        titled = cue and k + 1 in starts  # "EMCDDA Director Alexis Goosdeel": a titled person follows
        # "between the Embassy and the TTPS.", "the TTPS and ...", "the ONCB said": not "the SIM cards", "the AML regime"
        ends_phrase = after is None or not after.is_word or after.key in ("and", "or") or after.key in lex.reach_verbs or after.key in lex.title_heads  # "the DCI director"
        alone = the and ends_phrase and token.text not in state.other_acronyms
        if (the and cue) or alone or titled or (token.possessive and token.text in state.reused_acronyms):
            state.add_org(k, k + 1)
