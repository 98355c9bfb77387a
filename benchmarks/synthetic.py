"""A seeded generator of synthetic press releases about police and security cooperation.

Articles have the layout of the genre — a title, a byline with a date, four to eight body
paragraphs naming people with ranks and positions, organizations with acronyms, places,
dates and date ranges, and sometimes a closing tagline — built from the templates and
word lists below (written for the benchmark, not taken from any real article).

    python benchmarks/synthetic.py --n 1000 --out /tmp/synthetic        # one .txt per article
    python benchmarks/synthetic.py --n 100000 --jsonl /tmp/synthetic.jsonl

>>> article = generate(1, seed=7)[0]
>>> article == generate(1, seed=7)[0], len(article.split("\\n")) >= 6
(True, True)
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from collections.abc import Iterator
from pathlib import Path

FIRST_NAMES = (
    "Amara Bayu Carlos Dewi Elena Farid Grace Hiroshi Ines Jonas Kamala Lars Mei Nadia Omar Priya Quentin Rosa "
    "Samuel Thanh Umar Valentina Wei Ximena Yusuf Zainab Arjun Bianca Chinedu Dmitri Esther Felipe Hana Ivan "
    "Julia Kofi Leila Mateo Noor Olga Pablo Rania Stefan Tomasz Ulla Viktor Wanjiru Yara Zoltan"
).split()
LAST_NAMES = (
    "Abdullah Bergstrom Castillo Dlamini Eriksen Fernandes Gunawardena Hakimi Ibrahim Jovanovic Kowalski Lindqvist "
    "Moreau Nakamura Okonkwo Petrov Quispe Rahman Santoso Tanaka Uddin Vasquez Wojcik Xu Yilmaz Zhang Achieng "
    "Boateng Chaudhry Dubois Estrada Fischer Gallagher Haddad Iyer Jensen Karimi Lopez Mbeki Novak Ortega Pham"
).split()
HONORIFICS = ("Mr.", "Ms.", "Dr.", "H.E.", "Prof.")
RANKS = (
    "Police General", "Police Lieutenant General", "Police Major General", "Police Brigadier General",
    "Police Colonel", "Police Lieutenant Colonel", "Commissioner", "Deputy Commissioner", "Assistant Commissioner",
    "Chief Superintendent", "Superintendent", "Chief Inspector", "Inspector", "Major", "Colonel", "Brigadier",
)
POSITIONS = (
    "Director of Criminal Investigations", "Head of the Cybercrime Unit", "Executive Director", "Deputy Director",
    "Chief of Staff", "Head of International Relations", "Director for Police Services", "Programme Manager",
    "Senior Liaison Officer", "Attaché for Home Affairs", "Head of the Financial Intelligence Unit", "Secretary General",
)
ORGANIZATIONS = (
    ("Regional Police Cooperation Organisation", "RPCO"),
    ("Transnational Crime Coordination Centre", "TCCC"),
    ("Joint Centre for Cyber Investigations", "JCCI"),
    ("Maritime Security Task Force", "MSTF"),
    ("Financial Intelligence Exchange Network", "FIEN"),
    ("Border Management Agency", "BMA"),
    ("National Counter-Narcotics Bureau", "NCNB"),
    ("Institute for Law Enforcement Training", "ILET"),
    ("Digital Forensics Laboratory", "DFL"),
    ("Anti-Trafficking Coordination Office", "ATCO"),
    ("Ministry of Public Security", "MPS"),
    ("Office of the Attorney General", "OAG"),
    ("Counter-Terrorism Fusion Centre", "CTFC"),
    ("Regional Training Academy for Police", "RTAP"),
    ("Customs Enforcement Directorate", "CED"),
)
FORCES = (
    "National Police", "Royal Police", "Federal Police", "Police Service", "Gendarmerie", "Police Force", "Police Department",
)
PLACES = {  # country -> cities
    "Indonesia": ("Jakarta", "Bali", "Surabaya"), "Malaysia": ("Kuala Lumpur", "Penang"), "Thailand": ("Bangkok", "Chiang Mai"),
    "Viet Nam": ("Hanoi", "Da Nang"), "the Philippines": ("Manila", "Cebu"), "Singapore": ("Singapore",),
    "Cambodia": ("Phnom Penh", "Siem Reap"), "Lao PDR": ("Vientiane",), "Brunei Darussalam": ("Bandar Seri Begawan",),
    "Japan": ("Tokyo", "Osaka"), "the Republic of Korea": ("Seoul", "Busan"), "Australia": ("Canberra", "Sydney"),
    "New Zealand": ("Wellington", "Auckland"), "India": ("New Delhi", "Mumbai"), "Sri Lanka": ("Colombo",),
    "Kenya": ("Nairobi", "Mombasa"), "Nigeria": ("Abuja", "Lagos"), "Ghana": ("Accra",), "Morocco": ("Rabat", "Marrakesh"),
    "Türkiye": ("Ankara", "Istanbul"), "Germany": ("Berlin", "Wiesbaden"), "France": ("Lyon", "Paris"), "Spain": ("Madrid",),
    "Italy": ("Rome",), "Poland": ("Warsaw",), "Sweden": ("Stockholm",), "Norway": ("Oslo",), "Brazil": ("Brasília",),
    "Colombia": ("Bogotá", "Cartagena"), "Peru": ("Lima",), "Chile": ("Santiago",), "Mexico": ("Mexico City",), "Canada": ("Ottawa",),
}
COUNTRIES = tuple(PLACES)
REGIONS = ("Southeast Asia", "the Asia-Pacific", "East Africa", "West Africa", "the Mediterranean", "Latin America", "the Baltic region")
TOPICS = (
    ("cybercrime", "online fraud, ransomware and the abuse of cryptocurrency"),
    ("drug trafficking", "synthetic drugs and the precursor chemicals used to make them"),
    ("human trafficking", "the smuggling of migrants and forced labour in scam centres"),
    ("terrorism", "violent extremism and the financing of terrorist groups"),
    ("financial crime", "money laundering through shell companies and informal transfer systems"),
    ("maritime crime", "piracy, illegal fishing and smuggling at sea"),
    ("wildlife crime", "the illegal trade in protected species"),
)
EVENT_KINDS = ("Conference", "Working Group Meeting", "Symposium", "Forum", "Workshop", "Training Course", "Summit", "Expert Meeting")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")
TAGLINES = ("“Together for a Safer Region”", "Stronger Together", "“One Region, One Mission”", "Safer Communities Through Partnership")

TITLES = (
    "{org_acr} hosts the {year} {event} on {topic_title} in {city}",
    "{country_a} and {country_b} agree to step up cooperation against {topic}",
    "Police leaders meet in {city} to tackle {topic}",
    "{org_acr} and {force} sign memorandum on {topic}",
    "{event} on {topic_title} opens in {city}",
    "Officers from {n_countries} countries complete training on {topic}",
)
OPENINGS = (
    "From {d1} to {d2}, {person} attended the {year} {event} on {topic_title}, held in {city}, {country_a}.",
    "On {date}, {person} welcomed delegations from {n_countries} countries to the {event} on {topic_title} in {city}.",
    "{person} led the delegation of the {org} ({org_acr}) to {city} on {date} for talks on {topic}.",
    "The {org} ({org_acr}) convened the {event} on {topic_title} in {city} from {d1} to {d2}.",
)
BODY = (
    "The meeting brought together {n} senior officers from {region} to review {topic_long}.",
    "{person} said that no country could fight {topic} alone and called for faster exchange of information.",
    "Participants shared case studies from recent joint operations, including one that led to {n} arrests in {country_b}.",
    "The {org} ({org_acr}) presented its latest assessment, which found that {topic} had grown since {year_before}.",
    "Delegates agreed to set up a secure platform for sharing intelligence among law enforcement agencies.",
    "{person} of the {force} described how investigators traced funds across {n_countries} jurisdictions.",
    "The programme included a visit to the {org2} ({org2_acr}), where participants observed its work first-hand.",
    "A training session on digital evidence was delivered by experts from {country_b} and {country_c}.",
    "The {org_acr} will publish a joint report on the findings by {month} {year_after}.",
    "Speakers stressed the importance of capacity building, mutual legal assistance and common standards.",
    "The {force} offered to host the next round of talks in {city2} in {month} {year_after}.",
    "In a statement issued on {date}, the {org_acr} thanked the host government for its support.",
    "{person} noted that criminal networks increasingly exploit encrypted messaging and online payment services.",
    "Over {n} officers have completed the course since it began in {year_before}, according to the organisers.",
    "The discussions also covered victim support and the protection of witnesses in cross-border cases.",
    "Representatives of the {org2} briefed participants on new legislation adopted in {country_c} earlier this year.",
)
CLOSINGS = (
    "The {year_after} meeting is scheduled to take place in {city2}, {country_b}.",
    "The {org_acr} reaffirmed its commitment to working with its partners to keep the region safe.",
    "The event concluded with the adoption of a joint statement on {topic}.",
    "Participants agreed to meet again before the end of {year_after} to review progress.",
)


def _person(rng: random.Random) -> str:
    name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    style = rng.random()
    if style < 0.45:
        return f"{rng.choice(RANKS)} {name}"
    if style < 0.75:
        return f"{rng.choice(POSITIONS)} {rng.choice(HONORIFICS)} {name}"
    if style < 0.9:
        return f"{rng.choice(HONORIFICS)} {name}, {rng.choice(POSITIONS)}"
    return f"{rng.choice(RANKS)} {name}, {rng.choice(POSITIONS)} of the {rng.choice(ORGANIZATIONS)[0]}"


def _fill(template: str, rng: random.Random, facts: dict) -> str:
    values = dict(facts)
    values.update(
        person=_person(rng),
        n=rng.choice((12, 25, 40, 57, 120, 300)),
        n_countries=rng.randint(3, 24),
    )
    text = template.format(**values)
    return text[0].upper() + text[1:]


def article(rng: random.Random) -> str:
    """One synthetic press release in the plain-text layout."""
    year = rng.randint(2015, 2025)
    start = dt.date(year, rng.randint(1, 12), rng.randint(1, 26))
    end = start + dt.timedelta(days=rng.randint(1, 3))
    published = end + dt.timedelta(days=rng.randint(0, 5))
    topic, topic_long = rng.choice(TOPICS)
    org, org_acr = rng.choice(ORGANIZATIONS)
    org2, org2_acr = rng.choice([o for o in ORGANIZATIONS if o[1] != org_acr])
    country_a, country_b, country_c = rng.sample(COUNTRIES, 3)
    facts = {
        "year": year,
        "year_before": year - rng.randint(2, 8),
        "year_after": year + 1,
        "date": f"{start.day} {MONTHS[start.month - 1]} {year}",
        "d1": f"{start.day}",
        "d2": f"{end.day} {MONTHS[end.month - 1]} {year}" if end.month == start.month else f"{end.day} {MONTHS[end.month - 1]} {end.year}",
        "month": rng.choice(MONTHS),
        "topic": topic,
        "topic_title": topic.title(),
        "topic_long": topic_long,
        "org": org,
        "org_acr": org_acr,
        "org2": org2,
        "org2_acr": org2_acr,
        "force": f"{country_b.removeprefix('the ')} {rng.choice(FORCES)}",
        "country_a": country_a,
        "country_b": country_b,
        "country_c": country_c,
        "city": rng.choice(PLACES[country_a]),
        "city2": rng.choice(PLACES[country_b]),
        "region": rng.choice(REGIONS),
        "event": rng.choice(EVENT_KINDS),
    }
    if facts["d2"].endswith(str(year)) and end.month != start.month:
        facts["d1"] = f"{start.day} {MONTHS[start.month - 1]}"
    facts["n_countries"] = rng.randint(3, 24)
    title = _fill(rng.choice(TITLES), rng, facts)
    author = f"{rng.choice(FIRST_NAMES).lower()} {rng.choice(LAST_NAMES).lower()}"
    byline = f"by {author} | {published.strftime('%b')} {published.day}, {published.year}"
    paragraphs = [_fill(rng.choice(OPENINGS), rng, facts) + " " + _fill(rng.choice(BODY), rng, facts)]
    body = list(BODY)
    rng.shuffle(body)
    for _ in range(rng.randint(3, 6)):  # each body sentence used once
        k = rng.randint(2, 3)
        sentences, body = body[:k], body[k:]
        if sentences:
            paragraphs.append(" ".join(_fill(s, rng, facts) for s in sentences))
    paragraphs.append(_fill(rng.choice(CLOSINGS), rng, facts))
    lines = [title, byline, *paragraphs]
    if rng.random() < 0.4:
        lines.append(rng.choice(TAGLINES))
    return "\n".join(lines) + "\n"


def iter_articles(n: int, seed: int = 0) -> Iterator[str]:
    """``n`` articles, the same ones for the same seed."""
    rng = random.Random(seed)
    for _ in range(n):
        yield article(rng)


def generate(n: int, seed: int = 0) -> list[str]:
    """A list of ``n`` seeded synthetic articles."""
    return list(iter_articles(n, seed))


def write_folder(folder: str | Path, n: int, seed: int = 0) -> Path:
    """``n`` articles as ``folder/synthetic-000001.txt`` …"""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(iter_articles(n, seed), start=1):
        (folder / f"synthetic-{i:06d}.txt").write_text(text, encoding="utf-8")
    return folder


def write_jsonl(path: str | Path, n: int, seed: int = 0) -> Path:
    """``n`` articles as JSON Lines with ``id`` and ``text``, written as they are generated."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for i, text in enumerate(iter_articles(n, seed), start=1):
            handle.write(json.dumps({"id": f"synthetic-{i:06d}", "text": text}, ensure_ascii=False) + "\n")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--seed", type=int, default=0)
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--out", help="folder for one .txt per article")
    target.add_argument("--jsonl", help="one JSON Lines file")
    args = parser.parse_args()
    print(write_folder(args.out, args.n, args.seed) if args.out else write_jsonl(args.jsonl, args.n, args.seed))


if __name__ == "__main__":
    main()
