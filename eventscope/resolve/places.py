"""Resolves a place mention to coordinates, country and ACLED geo precision.

Order of preference inside a mention: a curated landmark ("Green Zone"), then
a city, then a region phrase or country. A region phrase ("eastern Syria")
gives the country with precision 3 and keeps the phrase; it never picks a
town. Among cities of one name, one in a country the article talks about
wins, else the most populous.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span

from eventscope.extract.evidence import evidence_for
from eventscope.extract.lexicon import PLACE_NOUNS
from eventscope.records import GeoPrecision, Place
from eventscope.resolve.gazetteer import Gazetteer

DIRECTIONS = frozenset(
    ["north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern", "southeastern", "southwestern"]
)




def _entity_texts(span: Span) -> list[str]:
    """Names to look up for a mention: its place entities, then its proper nouns."""
    names = [e.text for e in span.ents if e.label_ in ("GPE", "LOC", "FAC")]
    proper = " ".join(
        t.text for t in span if t.pos_ == "PROPN" and t.lower_ not in PLACE_NOUNS and t.text != "’s"
    )
    for candidate in (proper, span.text):
        if candidate and candidate not in names:
            names.append(candidate)
    return names


def resolve_place(
    article_id: str,
    span: Span,
    gazetteer: Gazetteer,
    context_countries: Sequence[str] = (),
    *,
    as_name: str | None = None,
) -> Place:
    """The Place for a mention; unresolved mentions say why in ``reason``.

    ``as_name`` overrides the text looked up (a dateline's "NEW DELHI" as "New Delhi").
    """
    evidence = evidence_for(article_id, span)
    mention = span.text
    names = [as_name] if as_name else _entity_texts(span)
    for name in names:
        landmark = gazetteer.landmark(name)
        if landmark is not None:
            return Place(
                mention=mention,
                name=f"{landmark.name}, {landmark.parent}"
                if landmark.parent != landmark.name
                else landmark.name,
                lat=landmark.lat,
                lon=landmark.lon,
                country=landmark.country,
                precision=GeoPrecision(landmark.precision),
                reason="curated landmark",
                evidence=evidence,
            )
    directional = any(t.lower_ in DIRECTIONS for t in span)
    for name in names:
        if directional or gazetteer.country(name) is not None:
            break  # "eastern Syria", "Sudan": the country, not a town
        cities = gazetteer.cities(name)
        if cities:
            preferred = [c for c in cities if c.country in context_countries]
            city = (preferred or list(cities))[0]
            return Place(
                mention=mention,
                name=city.name,
                geonameid=city.geonameid,
                lat=city.lat,
                lon=city.lon,
                country=city.country,
                precision=GeoPrecision.EXACT,
                reason="city" if not preferred else "city in an article country",
                evidence=evidence,
            )
    for name in names:
        if directional:
            break
        areas = gazetteer.subdivisions(name.removesuffix(" county").removesuffix(" province"))
        if areas:
            area = next((a for a in areas if a.country in context_countries), areas[0])
            country = gazetteer.country_by_code(area.country)
            towns = [c for c in gazetteer.cities(area.name) if c.country == area.country]
            lat, lon = (towns[0].lat, towns[0].lon) if towns else (
                (country.lat, country.lon) if country else (None, None)
            )
            return Place(
                mention=mention,
                name=area.name,
                lat=lat,
                lon=lon,
                country=area.country,
                admin1=area.name if area.top_level else None,
                precision=GeoPrecision.REGION,
                reason=f"{area.kind.lower()}, not a town",
                evidence=evidence,
            )
    for name in names:
        country = gazetteer.country(name)
        if country is not None:
            return Place(
                mention=mention,
                name=country.name,
                geonameid=country.geonameid,
                lat=country.lat,
                lon=country.lon,
                country=country.iso3,
                precision=GeoPrecision.REGION,
                reason="region of a country" if directional else "country only",
                evidence=evidence,
            )
    return Place(mention=mention, reason="not in the gazetteer", evidence=evidence)
