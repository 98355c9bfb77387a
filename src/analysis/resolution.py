"""Which names across a corpus are one person, and which are one organization, and why.

Work is done on the distinct names of a corpus (not on every mention), so it grows with the
number of names rather than of articles. Each merge is recorded with its rule and evidence:

persons
  ``same name``              equal once honorifics, ranks, "bin"/"binti", accents and capitals are set aside
  ``same words reordered``   "CHO Ji Ho" and "Ji Ho Cho"
  ``initials``               "E. Misiūnas" → "Eduardas Misiūnas", only when one person fits
  ``shorter form``           "Anthony Alcantara" → "Anthony J. Alcantara", only when one person fits
  ``surname only``           "Vinluan" → "David Martinez Vinluan": one person fits and they share an organization
  ``similar spelling``       one word spelt differently (rapidfuzz ratio ≥ 85), same organization
organizations
  ``same name``              case, accents, "the"/"of", word order, demonym = country
  ``acronym``                "KNPA" → "Korean National Police Agency", only when one organization fits
  ``similar spelling``       one word spelt differently, not a country
  ``alias file``             a user's ``variant,canonical`` line (always wins; never merged otherwise)

Two people who share a surname are never merged by these rules: every rule but "same name"
needs the first name (or its initial) to agree and the candidate to be the only one.

>>> persons = resolve_persons({"Bakri bin Hj. Zainal Abidin": set(), "Bakri Zainal Abidin": set(), "Ali Bakri": set()})
>>> persons.cluster["Bakri Zainal Abidin"] == persons.cluster["Bakri bin Hj. Zainal Abidin"] != persons.cluster["Ali Bakri"]
True
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from .names import (
    PersonName,
    compatible,
    country_words,
    fold,
    initialism,
    looks_like_acronym,
    organization_key,
    organization_words,
    person_name,
)


@dataclass
class Clusters:
    """``cluster``: name as written → cluster number; ``merges``: cluster → ``(rule, evidence)`` records."""

    cluster: dict[str, int]
    merges: dict[int, list[tuple[str, str]]] = field(default_factory=dict)
    locked: set[str] = field(default_factory=set)
    canonical: dict[int, str] = field(default_factory=dict)  # cluster → the alias file's canonical name

    def members(self) -> dict[int, list[str]]:
        out: dict[int, list[str]] = defaultdict(list)
        for name, number in self.cluster.items():
            out[number].append(name)
        return out


class _Merger:
    """A union-find (networkx's) over keys that remembers why each union was made."""

    def __init__(self, keys: Iterable[str]) -> None:
        from networkx.utils import UnionFind

        self.sets = UnionFind(keys)
        self.records: list[tuple[str, str, str, str]] = []

    def root(self, key: str) -> str:
        return self.sets[key]

    def union(self, a: str, b: str, rule: str, evidence: str) -> None:
        if self.sets[a] != self.sets[b]:
            self.sets.union(a, b)
            self.records.append((a, b, rule, evidence))

    def clusters(self, forms: Mapping[str, str], locked: set[str], canonical: Mapping[str, str] | None = None) -> Clusters:
        """Number the clusters of ``forms`` (name → key) in first-seen order; ``canonical``: alias key → name."""
        numbers: dict[str, int] = {}
        cluster = {}
        names: dict[int, str] = {}
        for name, key in forms.items():
            cluster[name] = number = numbers.setdefault(self.sets[key], len(numbers))
            if canonical and key in canonical:
                names[number] = canonical[key]
        merges: dict[int, list[tuple[str, str]]] = defaultdict(list)
        for a, _, rule, evidence in self.records:
            merges[numbers.get(self.sets[a], -1)].append((rule, evidence))
        return Clusters(cluster, dict(merges), locked, names)


def _exact(text: str) -> str:
    """How an alias file's variant is matched: the name as written, but for case, accents and spaces."""
    return " ".join(fold(text).split())


def _alias_keys(aliases: Mapping[str, str] | None, key_of) -> tuple[dict[str, str], dict[str, str]]:
    """Each variant as written (:func:`_exact`) → key of its canonical name, and ``"alias:" + key`` → the canonical name."""
    out: dict[str, str] = {}
    names: dict[str, str] = {}
    for variant, canonical in (aliases or {}).items():
        canonical_key = key_of(canonical)
        if _exact(variant) and canonical_key:
            out[_exact(variant)] = canonical_key
            names["alias:" + canonical_key] = canonical
    return out, names


# --- persons --------------------------------------------------------------------------------------------


def resolve_persons(
    forms: Mapping[str, set],
    *,
    aliases: Mapping[str, str] | None = None,
) -> Clusters:
    """Cluster person names. ``forms`` maps each name as written to the set of organization ids it is
    seen with (the evidence the riskier rules need); ``aliases`` maps variant → canonical name.
    """
    parsed = {name: person_name(name) for name in forms}
    alias, alias_names = _alias_keys(aliases, lambda n: person_name(n).key)
    key_of: dict[str, str] = {}
    locked: set[str] = set()
    for name, parsed_name in parsed.items():
        if _exact(name) in alias:
            locked.add(name)
            key_of[name] = "alias:" + alias[_exact(name)]
        else:
            key_of[name] = parsed_name.key
    for canonical_key in set(alias.values()):
        # the canonical's own spellings join the alias cluster, and keep their automatic merges
        for name, key in key_of.items():
            if key == canonical_key:
                key_of[name] = "alias:" + canonical_key
    merger = _Merger(set(key_of.values()))
    orgs_of: dict[str, set] = defaultdict(set)
    by_key: dict[str, PersonName] = {}
    texts: dict[str, list[str]] = defaultdict(list)
    for name, key in key_of.items():
        orgs_of[key] |= set(forms[name] or ())
        texts[key].append(name)
        if name not in locked:
            by_key.setdefault(key, parsed[name])
    for key, names in texts.items():
        if len(names) > 1:
            dropped = sorted({d for n in names for d in parsed[n].dropped})
            why = f" (without {', '.join(repr(d) for d in dropped)})" if dropped else ""
            rule = "alias file" if key.startswith("alias:") else "same name"
            merger.records.append((key, key, rule, " = ".join(repr(n) for n in sorted(names)) + why))
    _persons_reordered(merger, by_key, texts)
    _persons_shorter(merger, by_key, orgs_of, texts)
    _persons_similar(merger, by_key, orgs_of, texts)
    return merger.clusters(key_of, locked, alias_names)


def _label(texts: Mapping[str, list[str]], key: str) -> str:
    return repr(max(texts[key], key=len))


def _persons_reordered(merger: _Merger, by_key: dict[str, PersonName], texts) -> None:
    groups: dict[str, list[str]] = defaultdict(list)
    for key, name in by_key.items():
        if len(name.tokens) > 1:
            groups[name.sorted_key].append(key)
    for keys in groups.values():
        for other in keys[1:]:
            merger.union(keys[0], other, "same words reordered", f"{_label(texts, keys[0])} = {_label(texts, other)}")


def _family_index(by_key: dict[str, PersonName]) -> tuple[dict[str, list[str]], dict[tuple, list[str]]]:
    """Full names by a word that may be the family name, and by (that word, first letter of the first other word)."""
    index: dict[str, list[str]] = defaultdict(list)
    by_initial: dict[tuple, list[str]] = defaultdict(list)
    for key, name in by_key.items():
        if len(name.full) >= 2:
            for token in {name.family, name.tokens[0], name.tokens[-1]}:
                index[token].append(key)
                rest = list(name.tokens)
                rest.pop(len(rest) - 1 - rest[::-1].index(token))
                if rest:
                    by_initial[(token, rest[0][0])].append(key)
                    for word in set(rest):  # and by a whole word: "A. Bayu Castillo" looks among the Bayu Castillos
                        if len(word) > 1:
                            by_initial[(token, rest[0][0], word)].append(key)
    return index, by_initial


def _persons_shorter(merger: _Merger, by_key: dict[str, PersonName], orgs_of, texts) -> None:
    """Initials, dropped middle names, a surname alone: merged only into the one person that fits."""
    index, by_initial = _family_index(by_key)
    for key, name in sorted(by_key.items(), key=lambda item: len(item[1].tokens)):
        if name.is_single:
            token = name.tokens[0]
            if len(token) < 2:
                continue
            candidates = [k for k in index.get(token, ()) if k != key and token in (by_key[k].family, by_key[k].tokens[-1], by_key[k].tokens[0])]
            roots = {merger.root(k) for k in candidates}
            if len(roots) != 1:
                continue
            shared = {o for k in candidates for o in orgs_of[k]} & orgs_of[key]
            if shared:
                target = candidates[0]
                merger.union(key, target, "surname only", f"{_label(texts, key)} → {_label(texts, target)}: the only person of that name, both with {sorted(shared)[0]}")
            continue
        if not name.given:
            continue
        words = [w for w in name.given if len(w) > 1]
        block = (name.family, name.given[0][0], words[0]) if words else (name.family, name.given[0][0])
        candidates = [
            k
            for k in by_initial.get(block, ())
            if k != key and len(by_key[k].tokens) >= len(name.tokens) and by_key[k].key != name.key and compatible(name, by_key[k])
        ]
        if not candidates:
            continue
        roots = {merger.root(k) for k in candidates}
        if len(roots) != 1 and not _chain(candidates, by_key):
            continue
        target = max(candidates, key=lambda k: (len(by_key[k].tokens), k))
        if orgs_of[key] and orgs_of[target] and not orgs_of[key] & orgs_of[target]:
            continue  # both have organizations and none is shared: evidence against
        rule = "initials" if name.initials else "shorter form"
        merger.union(key, target, rule, f"{_label(texts, key)} → {_label(texts, target)}: the only person it fits")


def _chain(candidates: list[str], by_key: dict[str, PersonName]) -> bool:
    """Whether the candidates are all forms of one name (each a shorter form of the longest)."""
    longest = max(candidates, key=lambda k: len(by_key[k].tokens))
    return all(k == longest or compatible(by_key[k], by_key[longest]) for k in candidates)


def _persons_similar(merger: _Merger, by_key: dict[str, PersonName], orgs_of, texts) -> None:
    """Names that differ in one word spelt differently (``rapidfuzz``), with an organization in common."""
    from rapidfuzz.fuzz import ratio

    blocks: dict[tuple, list[tuple[str, int]]] = defaultdict(list)
    for key, name in by_key.items():
        if len(name.full) >= 2 and orgs_of[key]:
            for position in range(len(name.tokens)):
                signature = (*name.tokens[:position], "*", *name.tokens[position + 1 :], name.suffix)
                blocks[signature].append((key, position))
    for members in blocks.values():
        if len(members) < 2:
            continue
        for i, (a, position) in enumerate(members):
            for b, _ in members[i + 1 :]:
                if merger.root(a) == merger.root(b):
                    continue
                word_a, word_b = by_key[a].tokens[position], by_key[b].tokens[position]
                if min(len(word_a), len(word_b)) < 4 or word_a[0] != word_b[0] or ratio(word_a, word_b) < 85:
                    continue
                shared = orgs_of[a] & orgs_of[b]
                if shared:
                    merger.union(a, b, "similar spelling", f"{_label(texts, a)} ≈ {_label(texts, b)} ({word_a}/{word_b}), both with {sorted(shared)[0]}")


# --- organizations --------------------------------------------------------------------------------------


def known_acronyms() -> dict[str, str]:
    """Folded acronym → full name, from the ``known_organizations`` lexicon."""
    from .lexicons import load_table

    return {fold(row["acronym"]): row["name"] for row in load_table("known_organizations") if row.get("acronym") and row.get("name")}


def resolve_organizations(
    forms: Mapping[str, set],
    *,
    aliases: Mapping[str, str] | None = None,
) -> Clusters:
    """Cluster organization names. ``forms`` maps each name as written to the set of acronyms the
    articles give it ("Korean National Police Agency" → {"KNPA"}); ``aliases`` maps variant → canonical.
    """
    from rapidfuzz.fuzz import ratio

    alias, alias_names = _alias_keys(aliases, organization_key)
    key_of: dict[str, str] = {}
    locked: set[str] = set()
    for name in forms:
        key = organization_key(name)
        if _exact(name) in alias:
            locked.add(name)
            key = "alias:" + alias[_exact(name)]
        key_of[name] = key
    canonical_keys = set(alias.values())
    for name, key in key_of.items():
        if key in canonical_keys:
            key_of[name] = "alias:" + key
    known = known_acronyms()
    merger = _Merger(set(key_of.values()))
    texts: dict[str, list[str]] = defaultdict(list)
    for name, key in key_of.items():
        texts[key].append(name)
    for key, names in texts.items():
        if len(names) > 1:
            merger.records.append((key, key, "alias file" if key.startswith("alias:") else "same name", " = ".join(repr(n) for n in sorted(names))))
    free = {name: key for name, key in key_of.items() if name not in locked}
    # acronyms: explicit ones from the articles and the lexicon are strong; initials of a name are weak
    strong: dict[str, set[str]] = defaultdict(set)
    weak: dict[str, set[str]] = defaultdict(set)
    acronym_forms: dict[str, list[str]] = defaultdict(list)
    for name, key in free.items():
        if looks_like_acronym(name):
            acronym_forms[fold(name)].append(key)
            continue
        for acronym in forms[name] or ():
            if acronym and fold(acronym) != fold(name):
                strong[fold(acronym)].add(key)
        if fold(known_name := known.get(initialism(name), "")) == fold(name) and known_name:
            strong[initialism(name)].add(key)
        weak[initialism(name)].add(key)
    for acronym, full in known.items():
        full_key = organization_key(full)
        if full_key in merger.sets.parents:
            strong[acronym].add(full_key)
    for acronym, keys in acronym_forms.items():
        candidates = strong.get(acronym) or weak.get(acronym) or set()
        roots = {merger.root(k) for k in candidates}
        if len(roots) == 1:
            target = next(iter(candidates))
            how = "given in the text" if acronym in strong else "the initials of the name"
            for key in keys:
                merger.union(key, target, "acronym", f"{_label(texts, key)} is the acronym of {_label(texts, target)} ({how})")
    # two full names given the same acronym and close in spelling
    for acronym, keys in strong.items():
        ordered = sorted(keys)
        for a in ordered:
            for b in ordered:
                if a < b and merger.root(a) != merger.root(b) and ratio(a, b) >= 85 and _same_countries(a, b):
                    merger.union(a, b, "acronym", f"{_label(texts, a)} and {_label(texts, b)} are both {acronym.upper()}")
    # one word spelt differently
    words_of = {key: organization_words(texts[key][0]) for key in set(free.values())}
    blocks: dict[tuple, list[tuple[str, str]]] = defaultdict(list)
    for key, words in words_of.items():
        unique = sorted(set(words))
        if len(unique) >= 2:
            for word in unique:
                blocks[tuple(w for w in unique if w != word)].append((key, word))
    countries = country_words()
    for members in blocks.values():
        for i, (a, word_a) in enumerate(members):
            for b, word_b in members[i + 1 :]:
                if merger.root(a) == merger.root(b) or word_a in countries or word_b in countries:
                    continue
                if min(len(word_a), len(word_b)) >= 4 and word_a[0] == word_b[0] and ratio(word_a, word_b) >= 80:
                    merger.union(a, b, "similar spelling", f"{_label(texts, a)} ≈ {_label(texts, b)} ({word_a}/{word_b})")
    return merger.clusters(key_of, locked, alias_names)


def _same_countries(a: str, b: str) -> bool:
    countries = country_words()
    return {w for w in a.split() if w in countries} == {w for w in b.split() if w in countries}


_CONNECTORS = {"and", "&", "of", "for", "on", "in", "at", "to", "with", "the", "or"}


def parents(names: Iterable[str], cluster: Mapping[str, int]) -> dict[int, tuple[int, str]]:
    """Cluster → (parent cluster, evidence) where a name is another organization's name followed by
    more words ("ASEANAPOL Secretariat" → "ASEANAPOL") or "… of (the) X" ("General Assembly of INTERPOL").

    >>> names = ["ASEANAPOL", "ASEANAPOL Secretariat"]
    >>> parents(names, {"ASEANAPOL": 0, "ASEANAPOL Secretariat": 1})
    {1: (0, "'ASEANAPOL Secretariat' begins with 'ASEANAPOL'")}
    """
    by_fold: dict[tuple[str, ...], str] = {}
    for name in names:
        by_fold.setdefault(tuple(fold(name).split()), name)
    found: dict[int, dict[int, str]] = defaultdict(dict)
    for name in names:
        words = fold(name).split()
        own = cluster[name]
        for size in range(len(words) - 1, 0, -1):
            head = by_fold.get(tuple(words[:size]))
            if head is not None and cluster[head] != own and words[size] not in _CONNECTORS:
                found[own].setdefault(cluster[head], f"{name!r} begins with {head!r}")
                break
        for index, word in enumerate(words):
            if word == "of" and 0 < index < len(words) - 1:
                rest = words[index + 1 :]
                rest = rest[1:] if rest and rest[0] == "the" and len(rest) > 1 else rest
                tail = by_fold.get(tuple(rest))
                if tail is not None and cluster[tail] != own:
                    found[own].setdefault(cluster[tail], f"{name!r} is part of {tail!r}")
                break
    out = {}
    for own, options in found.items():
        if len(options) == 1:
            ((parent, evidence),) = options.items()
            out[own] = (parent, evidence)
    return out
