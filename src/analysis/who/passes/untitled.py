"""Pass: people named without a title, when a role, a speech verb or a list shows they are people."""
from __future__ import annotations

import bisect

from ..lexicon import lexicons
from ..places import KNOWN_POPULATION, directions, known_place, lookup
from .ties import attach
from ..phrases import bracketed, is_lower_title, is_title_word, place_run
from ..person_names import is_nameish, read_name
from ..roles import apply_role, is_plural_word, lower_role_before, name_then_comma, names_next, plural_of_one, prefix_role, read_after_name, read_role, singular, with_more_roles
from ..spans import org_span_after
from ..state import PersonMention, SentenceState, tie


def ends_with_phrase(text: str, phrases: tuple[str, ...]) -> bool:
    """Whether ``text`` (case-folded) ends with one of ``phrases`` as whole words.

    >>> ends_with_phrase("tribute to the late", ("the late",)), ends_with_phrase("translate", ("late",))
    (True, False)
    """
    return any(text.endswith(p) and (len(text) == len(p) or not text[-len(p) - 1].isalnum()) for p in phrases)


def acronym_before(tokens: list, i: int) -> bool:
    """Whether a body's acronym in brackets ends right before ``i``: "(FBI) | Christopher Wray", not "(left) | John"."""
    return i >= 3 and (inner := bracketed(tokens, i - 3)) is not None and inner.is_allcaps


def common_plural(key: str) -> bool:
    """Whether a word is the plural of a topic, body or title word: it ends a noun phrase, not a name.

    >>> common_plural("notices"), common_plural("teams"), common_plural("williams")
    (True, True, False)
    """
    lex = lexicons()
    return key.endswith("s") and key[:-1] in lex.noun_words


def town_word(word: str) -> bool:
    """Whether one word of a listed name is a place on its own: a country, a curated place or a big town, not
    a district that is also a family name ("Manoj Kumar Daga")."""
    row = lookup(word)
    return row is not None and (row["curated"] or row["kind"] == "country" or row["kind"] == "city" and not row["common"] and row["population"] >= KNOWN_POPULATION)


def name_end(state: SentenceState, k: int) -> int | None:
    """End of a two- to four-word personal name at ``k`` that nothing else has read, else None."""
    tokens = state.tokens
    if k < 0 or k >= len(tokens) or not tokens[k].is_cap or state.used[k]:
        return None
    end = read_name(tokens, k)
    if not end or not 2 <= end - k <= 4 or any(state.used[m] for m in range(k, end)) or not is_nameish(tokens, k, end):
        return None
    topics = lexicons().topic_words
    if known_place(state.text(k, end)) or any(is_title_word(t) or t.is_allcaps or t.key in topics or t.text.rstrip(".") in directions() or town_word(t.text) for t in tokens[k:end]):
        return None  # "Money Laundering", "West Manggarai", "Labuan Bajo": topics and places are listed too
    return end


def counterpart_after(state: SentenceState, k: int) -> tuple[int, str | None] | None:
    """``(end, country or None)`` of "his South Korean counterpart" written after a name and a comma at ``k``:
    "Yi Jae-yong, his South Korean counterpart, ..." (the country of the demonym, if one is written)."""
    tokens, lex = state.tokens, lexicons()
    if k + 2 >= len(tokens) or tokens[k].text != ",":
        return None
    m = k + 1 + (tokens[k + 1].key in lex.role_determiners)  # "his", "the"
    country = None
    for size in (2, 1):
        if (demonym := " ".join(t.text for t in tokens[m : m + size])) in lex.demonyms:
            country, m = lex.demonyms[demonym], m + size
            break
    return (m + 1, country) if m < len(tokens) and tokens[m].key in lex.counterpart_cues else None


def _is_age(token) -> bool:
    """Whether ``token`` is a two-digit age ("51"), as news writes one after a name."""
    return token.text.isdigit() and len(token.text) == 2 and token.text[0] != "0"


def detail_end(state: SentenceState, end: int) -> tuple[int, str] | None:
    """Where a detail written right after a name ends, and its kind: an "age" ("Pema Khandu, 51;",
    "Sonam Zam (22)") or a "country", of or from ("Ulan Niyazbekov of Kyrgyzstan", "Tandin Wangchuk, from
    Bhutan"). News writes these of people, never of bodies or places."""
    tokens, n = state.tokens, len(state.tokens)
    closes = (",", ";", ".", ")", "–", "-")

    def closed(k: int) -> bool:
        """Whether the detail may end before ``k``: at a punctuation mark, "and" or the sentence's end."""
        return k >= n or tokens[k].text in closes or tokens[k].key == "and"

    if end + 1 < n and tokens[end].text == "," and _is_age(tokens[end + 1]) and closed(end + 2):
        return end + 2, "age"
    if end + 2 < n and tokens[end].text == "(" and _is_age(tokens[end + 1]) and tokens[end + 2].text == ")":
        return end + 3, "age"
    at = end + 1 + (end < n and tokens[end].text == ",")
    if at < n and tokens[at - 1].key in ("of", "from") and (place := place_run(tokens, at)) > at and closed(place):
        countries = lexicons().places
        if countries.get(state.text(at, place), {}).get("kind") == "country" or all(countries.get(t.text, {}).get("kind") == "country" for t in tokens[at:place] if t.key != "and"):
            return place, "country"  # "of Papua New Guinea", "of Kyrgyzstan": not a city ("from New Delhi")
    return None


def item_end(state: SentenceState, k: int, read: dict[int, int]) -> tuple[int, bool] | None:
    """End of a listed name at ``k`` with its detail, and whether it had one ("Sonam Zam, 22"); the name may
    be one read already, as an earlier item of the list (``read``: untitled people's name starts -> ends)."""
    end = name_end(state, k) or read.get(k)
    if end is None:
        return None
    detail = detail_end(state, end)
    return (detail[0], True) if detail else (end, False)


def next_item(tokens: list, end: int) -> int | None:
    """Where a list's next item starts after the joint at ``end``: ",", ";", ", and", "; and", "and"."""
    if end < len(tokens) and tokens[end].text in (",", ";"):
        return end + 1 + (end + 1 < len(tokens) and tokens[end + 1].key == "and")
    return end + 1 if end < len(tokens) and tokens[end].key == "and" else None


def in_list_of_names(state: SentenceState, i: int) -> bool:
    """Whether the name at ``i`` is one of three or more names listed with commas and "and", and nothing
    else ("Besides, Hrishikesh Bedi, Veenit Kumar, Nitish Chandan and Ankit Sharma attended"), or one of two
    that each carry a detail ("Ulan Niyazbekov of Kyrgyzstan and Pulat Bobojonov of Uzbekistan")."""
    if i in state.listed:
        return state.listed[i]  # read once per list: a list of thousands of names stays linear
    tokens = state.tokens
    read = {p.name_start: p.name_end for p in state.people if not p.title}
    first = i
    while first >= 2 and (tokens[first - 1].text in (",", ";") or tokens[first - 1].key == "and"):
        joint = first - 1 - (tokens[first - 1].key == "and" and tokens[first - 2].text in (",", ";"))
        # the longest item: a name of four words, then "of" and a country of up to five ("of Papua New Guinea")
        before = next((k for k in range(max(0, joint - 12), joint - 1) if (item := item_end(state, k, read)) and item[0] == joint), None)
        if before is None:
            break
        first = before
    starts, detailed, k = [], 0, first
    while k is not None and (item := item_end(state, k, read)) is not None:
        starts.append(k)
        detailed += item[1]
        k = next_item(tokens, item[0])
    listed = len(starts) >= 3 or len(starts) == 2 and detailed == 2
    state.listed.update(dict.fromkeys(starts, listed))
    state.listed.setdefault(i, False)
    return state.listed[i]


def in_list_of_people(state: SentenceState, i: int, end: int, ends: list[int]) -> bool:
    """Whether tokens[i:end] is the next item of a list of people: "..., SPO3 Richard Lumbres and police
    personnel Josephine Quieta, Myla Dy, and Kevin Batan". ``ends``: where the names read so far end, sorted."""
    tokens = state.tokens
    n = bisect.bisect_right(ends, i)
    if not n:
        return False
    previous = ends[n - 1]
    gap = tokens[previous:i]
    last_item = any(t.key == "and" for t in gap)  # "X and Indonesia's Y inked ..."
    if end < len(tokens) and tokens[end].text not in ",;." and tokens[end].key != "and" and not last_item:
        return False
    joins = [t for t in gap if t.text in ",;" or t.key == "and"]
    words = [t for t in gap if t.is_word and t.key != "and"]
    countries = lexicons().places
    # "..., and Indonesia's Anang Iskandar": a country's possessive names the person's side, not a body
    return bool(joins) and len(words) <= 3 and not any(t.is_cap and not (t.possessive and t.text in countries) for t in words)


def last_end_before(ends: list[int], i: int) -> int:
    """Where the last person read before token ``i`` ends (``ends`` sorted), or 0: a role before ``i`` starts after it."""
    n = bisect.bisect_left(ends, i)
    return ends[n - 1] if n else 0


def after_role(state: SentenceState, ends: list[int], i: int) -> bool:
    """Whether a role and a comma come right before ``i`` ("the head of Communications, Elvis Lima"): then
    a place word may stand in the name, as after a title."""
    if i < 2 or state.tokens[i - 1].text != "," or known_place(state.tokens[i].text):
        return False  # "the chief of the Narcotics Division, Lahore Cantonment": a place opens no name
    role = prefix_role(state, last_end_before(ends, i), i - 1)
    return role is not None and singular(role["text"]) == role["text"]  # not "representatives of X, New Scotland Yard"


def read_untitled_people(state: SentenceState) -> None:
    """Names with no title before them, when the text shows they are people: a role after them
    ("Steve Lancaster, Assistant Commissioner ...", "Jürgen Stock, INTERPOL Secretary General"), a role
    before the commas ("the head of Europol's EC3, Edvardas Šileris,"), or speech ("said John Tan")."""
    tokens, lex = state.tokens, lexicons()
    ends = sorted(p.name_end for p in state.people)  # kept sorted: a list of thousands of names stays linear
    lower_titles = [k for k, t in enumerate(tokens) if is_lower_title(t)]
    i = 0
    while i < len(tokens):
        prev = tokens[i - 1] if i > 0 else None
        after_body = None  # "chief of the Law Enforcement Force of Iran Hossein Ashtari": a lower-case role, then the name
        if prev is not None and prev.is_cap and prev.is_word and not state.used[i] and tokens[i].is_cap and (n := bisect.bisect_left(lower_titles, i)) and i - lower_titles[n - 1] <= 16:
            after_body = lower_role_before(state, max(last_end_before(ends, i), lower_titles[n - 1] - 3), i, window=16)
        if state.used[i] or not tokens[i].is_cap or tokens[i].key in lexicons().non_name_caps or (
            prev is not None and prev.is_cap and prev.is_word and not (prev.possessive and prev.text in lex.places) and after_body is None
        ):
            i += 1
            continue
        end = read_name(tokens, i)
        if (
            not end or not 1 <= end - i <= 5 or any(state.used[k] for k in range(i, end)) or state.text(i, end) in state.known_acronyms  # "BNN RI", defined as "(BNN RI)"
            or not is_nameish(tokens, i, end, titled=prev is not None and not prev.is_cap and (is_lower_title(prev) or prev.key in lex.portfolios) or after_role(state, ends, i))
            or any(is_title_word(t) or state.title_abbreviation(t.text) and t.key not in lex.particles for t in tokens[i:end])  # "Marco DI STEFANO"
            or (end < len(tokens) and tokens[end].is_cap and tokens[end].key in lex.org_heads)
        ):
            i += 1
            continue
        mention = PersonMention(name=state.text(i, end), sentence=state.sentence, char_start=tokens[i].start, char_end=tokens[end - 1].end, start=i, name_start=i, name_end=end)
        k = end
        while k + 1 < len(tokens) and (tokens[k].text.rstrip(".") in lex.postnominals or tokens[k].text == "," and tokens[k + 1].text.rstrip(".") in lex.postnominals):
            k += 1  # "Helen McEntee, TD and ...": the letters after a name are not a role
        after = tokens[k] if k < len(tokens) else None
        quoted = int(i > 0 and tokens[i - 1].text in "“\"")  # 'his Tunisian counterpart, “Khaled Al-Nouri,”'
        cue = next((c for c in (i - 1 - quoted, i - 2 - quoted) if c >= 0 and tokens[c].key in lex.counterpart_cues and (c == i - 1 - quoted or tokens[i - 1 - quoted].text == ",")), None)
        prefix = state.sentence.text[: tokens[i].start - state.sentence.start].rstrip().casefold()
        led = prefix.endswith(lex.lead_phrases)  # "led by Suhel Daud"
        cued = end - i >= 2 and (ends_with_phrase(prefix.rstrip("\"”’'"), lex.person_cues) or (  # "the late Pius Chotailug", '"fentanyl czar" Kevin Brosseau'
            i >= 2 and tokens[i - 1].key in lex.demonym_person_cues and tokens[i - 2].text in lex.demonyms  # "a Nepalese man Hari Bahadur Tamang"
        ))
        owner = end - i >= 2 and prev is not None and prev.possessive and lex.places.get(prev.text, {}).get("kind") == "country"
        opens_clause = prev is None or prev.text == "," or prev.key in lex.clause_openers
        subject = end - i >= 2 and not tokens[i].is_allcaps and after is not None and after.key in lex.subject_verbs and opens_clause
        if end - i >= 2 and not tokens[i].is_allcaps and after is not None and after.key == "and" and opens_clause and (second := name_end(state, k + 1)):
            subject = second - k - 1 >= 2 and second < len(tokens) and (tokens[second].key in lex.subject_verbs or tokens[second].key in lex.plural_subject_verbs) and not (
                common_plural(tokens[end - 1].key) or common_plural(tokens[second - 1].key)  # "Red Notices and Blue Notices were issued"
            )  # "X and Y were welcomed"
        known = end - i >= 2 and state.text(i, end) in state.known_people  # named before in the article
        detail = detail_end(state, end)
        aged = end - i >= 2 and detail is not None and detail[1] == "age"  # "Hari Bahadur Tamang, 37"
        counterpart = counterpart_after(state, k) if end - i >= 2 else None  # "Yi Jae-yong, his South Korean counterpart"
        spoke = subject or known or aged or (after is not None and after.key in lex.speech_verbs) or (prev is not None and prev.key in lex.speech_verbs) or cue is not None or led or cued or owner or in_list_of_people(state, i, end, ends) or in_list_of_names(state, i)
        spoke = spoke or counterpart is not None
        before = None
        floor = last_end_before(ends, i)
        if after_body is not None:
            before = after_body
        elif prev is not None and prev.text == ",":
            before = prefix_role(state, floor, i - 1)
        elif prev is not None and (prev.is_word and not prev.is_cap or acronym_before(tokens, i) and tokens[i].key not in lex.unit_vocabulary) and end - i >= 2:
            # "the police quaestor Alexandru Scurtu", "the director of the Federal Bureau of Investigation (FBI) Christopher Wray"
            before = lower_role_before(state, floor, i) or prefix_role(state, floor, i)
        role = read_role(state, k + 1) if after is not None and after.text in lex.apposition_marks and k + 1 < len(tokens) and tokens[k + 1].key not in ("and", "or", "&") else None
        if role is None and after is not None and after.text == "(" and (inner := read_role(state, k + 1)) and inner["end"] < len(tokens) and tokens[inner["end"]].text == ")":
            role = inner  # "represented by Taiwo Adeleke (AIG)"
        if role and before and prev.text == "," and role["end"] + 2 < len(tokens) and tokens[role["end"]].text == "," and (
            read_role(state, role["end"] + 1 + (tokens[role["end"] + 1].key == "and"))
            or names_next(state, role["end"] + 1) and not name_then_comma(state, floor, before["start"])
            and not (before["start"] > 0 and tokens[before["start"] - 1].text == "," and any(p.name_end == before["start"] - 1 for p in state.people))  # not "Dr. Z, Assistant Commissioner, W, Officer, ...": names first
        ):
            role = None  # "..., the president of X, Andrés Severino, the director of Y, the secretary of Z" or "..., Head of Y, Z": each position is its own person's
        role = with_more_roles(state, role) if role else None
        if role and (is_plural_word(role) or plural_of_one(state, role, mention)):
            role = None  # "X, officials said", "X, representatives of the Ministry ...": a plural after one name is not their position
        listed = role is not None and names_next(state, role["end"])
        if listed:
            role, spoke = None, True  # "X, commissioner of police Y, ...": a list of people; the role is Y's
        member = not (spoke or before or role) and end - i >= 2 and after is not None and after.key == "from" and (span := org_span_after(state, end)) is not None and span[2] == "org"
        spoke = spoke or member  # "Satya Pradhan from the Narcotics Control Bureau of India, Liang Yun from ..."
        word = tokens[i].key
        single = end - i == 1 and not (
            tokens[i].is_allcaps or end < len(tokens) and tokens[end].is_cap or tokens[i].text in lex.known_orgs
            or {word, word.removesuffix("s")} & (lex.portfolios | lex.org_heads | lex.generic_org_words | lex.title_words)
        )
        if not (spoke or before or role) or end - i == 1 and not (before and single):
            i += 1  # one word is a name only after a role and a comma: "the Indonesian Ambassador to Malaysia, Hermono"
            continue
        state.mark(i, end)
        if before:
            apply_role(state, mention, before, rule="role_before", before=True)
        if role:
            apply_role(state, mention, role, rule="apposition")
        if member:
            read_after_name(state, mention)
        attach(state, mention)
        if owner:
            tie(mention, lex.places[prev.text]["name"], "demonym")  # "Botswana's Keabetswe Makgophe"
        if detail is not None:
            mention.name_end_role = detail[0]  # the list goes on after the detail
            if detail[1] == "country" and mention.org_strength < lex.ties["of_country"]:
                at = detail[0] - 1
                while at > end and tokens[at - 1].key not in ("of", "from"):
                    at -= 1
                tie(mention, state.text(at, detail[0]), "of_country")  # "Ulan Niyazbekov of Kyrgyzstan"
        if cue is not None and cue > 0 and tokens[cue - 1].text in lex.demonyms:
            tie(mention, lex.demonyms[tokens[cue - 1].text], "demonym")  # "his Cambodian counterpart, Sar Thet"
        if counterpart is not None and not role:
            state.mark(k, counterpart[0])
            mention.name_end_role = counterpart[0]  # the list goes on after "his counterpart"
            if counterpart[1] and mention.org_strength < lex.ties["demonym"]:
                tie(mention, counterpart[1], "demonym")
        state.people.append(mention)
        bisect.insort(ends, mention.name_end)
        i = end


def share_plural_roles(state: SentenceState) -> None:
    """The people listed right after the holder of a plural position hold it too: "the police liaison
    officers, Monika Sokołowska and Bartosz Furgała" (both "police liaison officer"); "Superintendents A,
    B and C" (each a "Superintendent")."""
    tokens = state.tokens
    people = sorted(state.people, key=lambda m: m.start)
    for holder, text in state.plural_roles:
        previous = holder
        for m in people:
            if m.start < holder.name_end:
                continue
            gap = tokens[(previous.name_end_role or previous.name_end) : m.start]
            if not gap or not all(t.text == "," or t.key == "and" for t in gap):
                break
            if m.role or m.title:
                break  # "Superintendents A, Inspector B and C": B's own title ends the list
            if holder.title == [text]:
                m.title = [text]  # "Superintendents A, B and C": a plural rank, a title for each
            else:
                m.role = text
            previous = m

