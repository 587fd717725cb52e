"""Resolves a place mention to coordinates, country and ACLED geo precision.

Order of preference inside a mention: a curated landmark ("Green Zone"), then
a city, then a region phrase or country. A region phrase ("eastern Syria")
gives the country with precision 3 and keeps the phrase; it never picks a
town. Among cities of one name, one in a country the article talks about
wins, else the most populous.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span

from eventscope.extract.evidence import evidence_for
from eventscope.extract.lexicon import PLACE_NOUNS
from eventscope.records import Evidence, GeoPrecision, Place
from eventscope.resolve.gazetteer import City, Country, Gazetteer, Subdivision

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


@dataclass(frozen=True)
class PlaceContext:
    """What the whole article says about where it is."""

    countries: tuple[str, ...] = ()  # ISO3, most mentioned first
    areas: tuple[str, ...] = ()  # ISO 3166-2 codes of the states it names, most mentioned first


EMPTY_CONTEXT = PlaceContext()


def place_context(doc: Doc, gazetteer: Gazetteer) -> PlaceContext:
    """Countries and states the article names: directly, by demonym, or through a town.

    A name that is both a country and a state ("Georgia") is left out: it is
    what the rest of the article decides. Administrative areas the model
    rarely tags ("(Sirajganj, Rajshahi)", "Mandera county", "Ga.") count too.
    """
    tally: Counter[str] = Counter()
    areas: Counter[str] = Counter()
    for ent in doc.ents:
        if ent.label_ not in ("GPE", "NORP", "LOC"):
            continue
        country = gazetteer.country(ent.text)
        states = [a for a in gazetteer.subdivisions(ent.text) if a.top_level]
        if country is not None:
            if not any(a.country != country.iso3 for a in states):
                tally[country.iso3] += 2
            continue
        if len({a.country for a in states}) == 1:
            tally[states[0].country] += 1
            areas[states[0].code] += 1
            continue
        cities = gazetteer.cities(ent.text)
        # a town counts only when its name is not shared by a town of note
        # elsewhere (Alexandria, Egypt and Alexandria, Virginia decide nothing)
        rivals = {c.country for c in cities if cities and c.population * 10 >= cities[0].population}
        if len(rivals) == 1:
            tally[rivals.pop()] += 1
    for token in doc:
        if token.pos_ == "PROPN" or token.text.endswith("."):
            found = [a for a in gazetteer.subdivisions(token.text)]
            if len({a.country for a in found}) == 1 and gazetteer.country(token.text) is None:
                tally[found[0].country] += 1
                areas.update(a.code for a in found if a.top_level)
    return PlaceContext(
        tuple(iso3 for iso3, _ in tally.most_common()),
        tuple(code for code, _ in areas.most_common()),
    )


BIG_CITY = 100_000

AREA_WORDS = frozenset({"county", "province", "state", "region", "governorate", "district", "division"})


def _strip_kind(name: str) -> str:
    words = name.split()
    if len(words) > 1 and words[-1].lower() in AREA_WORDS:
        return " ".join(words[:-1])
    return name


def _is_county(name: str) -> bool:
    return name.split()[-1].lower() in ("county", "parish", "borough") if name.split() else False


def _names_area(span: Span, name: str) -> bool:
    """True when the mention says it is an area ("Mandera county"), or is nothing else."""
    return _strip_kind(name) != name or any(t.lower_ in AREA_WORDS for t in span)


def city_place(
    city: City, mention: str, evidence: Evidence | None, precision: GeoPrecision, reason: str
) -> Place:
    """A Place at a GeoNames town."""
    return Place(
        mention=mention, name=city.name, geonameid=city.geonameid, lat=city.lat, lon=city.lon,
        country=city.country, precision=precision, reason=reason, evidence=evidence,
    )


def country_place(country: Country, mention: str, evidence: Evidence | None, reason: str) -> Place:
    """A Place at a country's centre, precision 3."""
    return Place(
        mention=mention, name=country.name, geonameid=country.geonameid, lat=country.lat,
        lon=country.lon, country=country.iso3, precision=GeoPrecision.REGION, reason=reason,
        evidence=evidence,
    )


def _area_place(area: Subdivision, gazetteer: Gazetteer, mention: str, evidence: Evidence) -> Place:
    """An administrative area: its own centre when known, else its namesake town, else the country's."""
    country = gazetteer.country_by_code(area.country)
    towns = [c for c in gazetteer.cities(area.name) if c.country == area.country]
    lat: float | None
    lon: float | None
    if area.lat is not None and area.lon is not None:
        lat, lon = area.lat, area.lon
    elif towns:
        lat, lon = towns[0].lat, towns[0].lon
    else:
        lat, lon = (country.lat, country.lon) if country else (None, None)
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


def resolve_place(
    article_id: str,
    span: Span,
    gazetteer: Gazetteer,
    context: PlaceContext = EMPTY_CONTEXT,
    *,
    as_name: str | None = None,
) -> Place:
    """The Place for a mention; unresolved mentions say why in ``reason``.

    ``as_name`` overrides the text looked up (a dateline's "NEW DELHI" as "New Delhi").
    Of several places with one name, one in a state the article names wins
    (the Gainesville in Georgia), then one in a country it names.
    """
    context_countries, context_areas = context.countries, context.areas
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
    # "eastern Syria" is a region phrase; "West Virginia" and "North Las Vegas" are names
    directional = any(t.lower_ in DIRECTIONS and t.text.islower() for t in span)
    for name in names:
        areas = list(gazetteer.subdivisions(_strip_kind(name)))
        named_country = gazetteer.country(name)
        if named_country is not None:
            # "Georgia" in a story about Atlanta is the state, not the country
            state = next(
                (a for a in areas if a.top_level and a.country in context_countries
                 and a.country != named_country.iso3 and named_country.iso3 not in context_countries),
                None,
            )
            if state is None:
                continue  # a country: only if no more specific name resolves
            return _area_place(state, gazetteer, mention, evidence)
        if directional:
            break  # "eastern Syria": the country, not a town
        cities = list(gazetteer.cities(name))
        city = next((c for c in cities if c.admin1 is not None and c.admin1 in context_areas), None)
        city = city or next((c for c in cities if c.country in context_countries), None)
        area = next((a for a in areas if a.country in context_countries), None)
        if city is None and area is None:
            # no context: a big city, else an administrative area, else any town
            city = cities[0] if cities and cities[0].population >= BIG_CITY else None
            area = areas[0] if areas else None
            if city is None and area is None and cities:
                city = cities[0]
        if (
            city is not None
            and area is not None
            and area.top_level
            and area.country == city.country
            and city.population < BIG_CITY
        ):
            city = None  # "Virginia" is the state, not Virginia, Minnesota
        if city is not None and (area is None or not _names_area(span, name)):
            in_context = city.country in context_countries
            return city_place(
                city, mention, evidence, GeoPrecision.EXACT,
                "city in an article country" if in_context else "city",
            )
        if area is not None:
            return _area_place(area, gazetteer, mention, evidence)
        if _is_county(name) and context_areas:
            state = gazetteer.subdivision_by_code(context_areas[0])
            if state is not None:
                return replace(
                    _area_place(state, gazetteer, mention, evidence),
                    reason="a county the gazetteer lacks: its state",
                )
    for name in names:
        country = gazetteer.country(name)
        if country is not None:
            reason = "region of a country" if directional else "country only"
            return country_place(country, mention, evidence, reason)
    # "Kisumu Central", "Tana Delta": a known town inside an unknown name is near it
    for token in sorted(span, key=lambda t: -len(t.text)):
        if token.pos_ != "PROPN" or len(span) == 1 or directional:
            continue
        towns = [c for c in gazetteer.cities(token.text) if c.country in context_countries]
        if towns:
            reason = f"near {towns[0].name}, named in the place's name"
            return city_place(towns[0], mention, evidence, GeoPrecision.NEAR, reason)
    return Place(mention=mention, reason="not in the gazetteer", evidence=evidence)
