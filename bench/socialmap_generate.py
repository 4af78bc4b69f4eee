"""Generate a synthetic national social map as an HSDS tabular data package.

100,000 services at 150,000 locations across all 342 municipalities (seeded, so every
run writes the same package). Used by bench/socialmap_search.py; the output directory
(bench/data/) is gitignored.

    .venv/bin/python bench/socialmap_generate.py bench/data/socialmap
"""

from __future__ import annotations

import csv
import json
import random
import shutil
import sys
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
MUNICIPALITIES = ROOT / "kansrijk" / "municipalities" / "data"
HSDS = ROOT / "kansrijk" / "socialmap" / "hsds" / "datapackage.json"
NAMESPACE = uuid.UUID("0b3c5a7e-1d2f-4e6a-9b8c-7d6e5f4a3b2c")
SCALE = float(__import__("os").environ.get("SOCIALMAP_BENCH_SCALE", "1"))
SERVICES, LOCATIONS, ORGANISATIONS = int(100_000 * SCALE), int(150_000 * SCALE), max(10, int(5_000 * SCALE))
NEED_NAMESPACE = uuid.UUID("6f1c0c9e-4a53-4c55-9d3e-6b1d7b6f0a11")
ACTIVITIES = {
    "sport": ["voetbal", "zwemles", "turnen", "judo", "hockey", "tennis", "atletiek", "basketbal"],
    "cultuur": ["muziekles", "gitaarles", "pianoles", "dansles", "theater", "tekenles", "koor"],
    "schoolkosten": ["schoolreis", "ouderbijdrage", "schoolspullen", "werkweek", "excursie"],
    "computer": ["laptop", "computer", "tablet", "printer"],
    "fiets": ["fiets", "kinderfiets", "fietsreparatie"],
    "kleding": ["kleding", "winterjas", "schoenen", "sportkleding"],
    "voedsel": ["voedselpakket", "boodschappen", "ontbijt", "maaltijd"],
    "speelgoed": ["speelgoed", "spelletjes", "boeken"],
    "verjaardag": ["verjaardagsbox", "traktatie", "verjaardagscadeau"],
    "uitje": ["dagje uit", "vakantieweek", "kamp", "pretpark"],
    "geldzaken": ["schuldhulp", "formulierenhulp", "budgetcoach", "thuisadministratie"],
    "opvoeding": ["opvoedcursus", "gezinscoach", "opvoedadvies"],
    "jeugdgezondheid": ["consultatiebureau", "jeugdverpleegkundige", "jeugdarts"],
    "wonen": ["huurhulp", "woonbegeleiding", "huisvesting"],
    "energie": ["energiecoach", "energiebox", "isolatie"],
}
FILLER = [
    "gratis",
    "hulp",
    "voor",
    "gezinnen",
    "met",
    "weinig",
    "geld",
    "in",
    "de",
    "buurt",
    "samen",
    "met",
    "vrijwilligers",
    "snel",
    "en",
    "dichtbij",
    "voor",
    "ouders",
    "en",
    "kinderen",
    "zonder",
    "wachtlijst",
    "na",
    "aanmelding",
    "via",
    "school",
    "wijkteam",
    "huisarts",
]


def _id(kind: str, n: int) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{kind}-{n}"))


def _municipalities() -> list[tuple[str, str, float, float, int]]:
    import re

    with (MUNICIPALITIES / "gemeenten_provincie.csv").open(encoding="utf-8") as handle:
        names = {row["statcode"]: (row["gemeentenaam"], row["provincienaam"]) for row in csv.DictReader(handle)}
    centroids = {}
    data = json.loads((MUNICIPALITIES / "gemeenten_2025.geojson").read_text(encoding="utf-8"))
    for feature in data["features"]:
        coords = re.findall(r"\[(-?\d+\.\d+), (-?\d+\.\d+)\]", json.dumps(feature["geometry"]))
        lons = [float(c[0]) for c in coords]
        lats = [float(c[1]) for c in coords]
        centroids[feature["properties"]["statcode"]] = (sum(lats) / len(lats), sum(lons) / len(lons))
    return [(code, names[code][0], *centroids[code], 1000 + (i * 26) % 8900) for i, code in enumerate(sorted(names))]


def _writer(directory: Path, name: str, header: list[str]):  # type: ignore[no-untyped-def]
    handle = (directory / name).open("w", encoding="utf-8", newline="")
    writer = csv.writer(handle, lineterminator="\n")
    writer.writerow(header)
    return handle, writer


Files = dict[str, Any]


def _organisations(rng: random.Random, directory: Path, files: Files, places: list[Any]) -> list[Any]:
    """The organisations, each with a home municipality (returned, by organisation number)."""
    org_home = [rng.choice(places) for _ in range(ORGANISATIONS)]
    files = {}
    files["org"] = _writer(directory, "organizations.csv", ["id", "name", "description", "website"])
    for n, home in enumerate(org_home):
        files["org"][1].writerow(
            [
                _id("org", n),
                f"Stichting {rng.choice(FILLER).title()} {home[1]} {n}",
                f"Organisatie in {home[1]} die gezinnen helpt.",
                f"https://org{n}.example.nl",
            ]
        )
    return org_home


def _locations(rng: random.Random, directory: Path, files: Files, places: list[Any], org_home: list[Any]) -> list[int]:
    """The locations with one address each; returns the organisation of every location."""
    files["loc"] = _writer(
        directory, "locations.csv", ["id", "location_type", "organization_id", "name", "latitude", "longitude"]
    )
    files["adr"] = _writer(
        directory,
        "addresses.csv",
        [
            "id",
            "location_id",
            "address_1",
            "city",
            "region",
            "state_province",
            "postal_code",
            "country",
            "address_type",
        ],
    )
    location_org = []
    for n in range(LOCATIONS):
        org = rng.randrange(ORGANISATIONS) if n < SERVICES else location_org[n - SERVICES]
        place = org_home[org] if rng.random() < 0.8 else rng.choice(places)
        lat, lon = place[2] + rng.uniform(-0.03, 0.03), place[3] + rng.uniform(-0.04, 0.04)
        location_org.append(org)
        own = rng.random() < 0.9
        files["loc"][1].writerow(
            [
                _id("loc", n),
                "physical",
                _id("org", org),
                f"Locatie {place[1]} {n}",
                f"{lat:.5f}" if own else "",
                f"{lon:.5f}" if own else "",
            ]
        )
        postcode = f"{place[4] + rng.randrange(0, 20)} {chr(65 + rng.randrange(26))}{chr(65 + rng.randrange(26))}"
        files["adr"][1].writerow(
            [
                _id("adr", n),
                _id("loc", n),
                f"Dorpsstraat {n % 200 + 1}",
                place[1],
                place[0],
                "Provincie",
                postcode,
                "NL",
                "physical",
            ]
        )
    return location_org


def _services(rng: random.Random, directory: Path, files: Files, org_home: list[Any], location_org: list[int]) -> None:
    """The services with their places, areas and needs."""
    needs = list(ACTIVITIES)
    files["svc"] = _writer(
        directory,
        "services.csv",
        [
            "id",
            "organization_id",
            "name",
            "description",
            "status",
            "application_process",
            "fees_description",
            "minimum_age",
            "maximum_age",
            "assured_date",
        ],
    )
    files["sal"] = _writer(directory, "service_at_location.csv", ["id", "service_id", "location_id"])
    files["area"] = _writer(directory, "service_areas.csv", ["id", "service_id", "name", "uri"])
    files["attr"] = _writer(
        directory, "attributes.csv", ["id", "link_id", "taxonomy_term_id", "link_type", "link_entity"]
    )
    attr = 0
    for n in range(SERVICES):
        org = location_org[n]
        need = rng.choice(needs)
        word = rng.choice(ACTIVITIES[need])
        low = rng.choice([0, 0, 4, 6, 12, 4])
        high = rng.choice([12, 17, 17, 18, 21])
        description = " ".join([word, *rng.sample(FILLER, 12), rng.choice(ACTIVITIES[rng.choice(needs)])])
        files["svc"][1].writerow(
            [
                _id("svc", n),
                _id("org", org),
                f"{word.capitalize()} {org_home[org][1]}",
                description,
                "active",
                "Aanmelden via school of wijkteam.",
                "Gratis.",
                low,
                high,
                f"20{rng.randrange(23, 26)}-{rng.randrange(1, 13):02d}-15",
            ]
        )
        files["sal"][1].writerow([_id("sal", n), _id("svc", n), _id("loc", n)])
        if n < LOCATIONS - SERVICES:
            files["sal"][1].writerow([_id("sal2", n), _id("svc", n), _id("loc", SERVICES + n)])
        code = org_home[org][0].lower()
        files["area"][1].writerow(
            [_id("area", n), _id("svc", n), org_home[org][1], f"https://identifier.overheid.nl/tooi/id/gemeente/{code}"]
        )
        for term in {need, rng.choice(needs)} if rng.random() < 0.5 else {need}:
            files["attr"][1].writerow(
                [_id("attr", attr), _id("svc", n), str(uuid.uuid5(NEED_NAMESPACE, term)), "need", "service"]
            )
            attr += 1


def _datapackage(directory: Path) -> None:
    tables = {
        "organization": "organizations.csv",
        "location": "locations.csv",
        "address": "addresses.csv",
        "service": "services.csv",
        "service_at_location": "service_at_location.csv",
        "service_area": "service_areas.csv",
        "attribute": "attributes.csv",
    }
    resources = [r for r in json.loads(HSDS.read_text())["resources"] if r["name"] in tables]
    (directory / "datapackage.json").write_text(json.dumps({"name": "kansrijk-bench", "resources": resources}))


def generate(directory: Path, seed: int = 20260101) -> None:
    rng = random.Random(seed)
    if directory.exists():
        shutil.rmtree(directory)
    directory.mkdir(parents=True)
    places = _municipalities()
    files: Files = {}
    org_home = _organisations(rng, directory, files, places)
    location_org = _locations(rng, directory, files, places, org_home)
    _services(rng, directory, files, org_home, location_org)
    for handle, _ in files.values():
        handle.close()
    _datapackage(directory)


if __name__ == "__main__":
    generate(Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "bench" / "data" / "socialmap"))
