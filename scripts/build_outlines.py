"""Build eventscope/data/countries-110m.geojson, the dashboard's offline country outlines.

Source: Natural Earth 1:110m Admin 0 countries, version 4.1.0 (public domain),
as redistributed in TopoJSON by the npm package world-atlas@2.0.2
(countries-110m.json). Run once by a maintainer, not at install or run time:

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python scripts/build_outlines.py package/countries-110m.json

The TopoJSON arcs are decoded here (delta-encoded, quantized positions) into
plain GeoJSON polygons that Leaflet draws without a plug-in; each feature
gets its name and ISO 3166-1 alpha-3 code (from pycountry, by numeric code).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pycountry

OUT = Path(__file__).resolve().parents[1] / "eventscope" / "data" / "countries-110m.geojson"
DIGITS = 2  # about 1 km: finer than a 1:110m outline can show


def decode_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((round(x * sx + tx, DIGITS), round(y * sy + ty, DIGITS)))
        arcs.append(points)
    return arcs


def ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[list[float]]:
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return [list(p) for p in points]


def geometry(shape: dict[str, Any], arcs: list[list[tuple[float, float]]]) -> dict[str, Any]:
    if shape["type"] == "Polygon":
        return {"type": "Polygon", "coordinates": [ring(r, arcs) for r in shape["arcs"]]}
    return {
        "type": "MultiPolygon",
        "coordinates": [[ring(r, arcs) for r in polygon] for polygon in shape["arcs"]],
    }


def iso3(numeric: str | None) -> str | None:
    country = pycountry.countries.get(numeric=numeric) if numeric else None
    return country.alpha_3 if country else None


def main(source: str) -> None:
    topology = json.loads(Path(source).read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    features = [
        {
            "type": "Feature",
            "properties": {"name": shape["properties"]["name"], "iso3": iso3(shape.get("id"))},
            "geometry": geometry(shape, arcs),
        }
        for shape in topology["objects"]["countries"]["geometries"]
        if shape.get("type") in ("Polygon", "MultiPolygon")
    ]
    collection = {
        "type": "FeatureCollection",
        "source": "Natural Earth 1:110m Admin 0 countries v4.1.0 (public domain), via world-atlas@2.0.2",
        "features": features,
    }
    OUT.write_text(json.dumps(collection, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{len(features)} countries written to {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
