"""eventscope: news articles in; a geocoded, dated, sourced event database out.

The Python API is what the CLI, the REST API and the dashboard call::

    import eventscope
    events = eventscope.extract(text, published="2023-12-14")
    with eventscope.open_store("sqlite:///events.db") as store:
        report = eventscope.ingest(["articles/"], store)
        for event in store.iter_events(eventscope.EventFilter(type="ASSAULT")):
            ...
"""

from typing import TYPE_CHECKING

from eventscope.compare import Comparison, compare_acled, read_acled_csv
from eventscope.config import SETTINGS, Config, load_config
from eventscope.doctor import Check, diagnose
from eventscope.errors import (
    ConfigError,
    EventscopeError,
    InputError,
    ResourceError,
    StoreError,
)
from eventscope.export import EXPORT_FORMATS, write_events
from eventscope.ingest import read_articles
from eventscope.pipeline import ArticleResult, IngestReport, extract, ingest, make_article, process
from eventscope.records import (
    Actor,
    ActorKind,
    Article,
    Attribution,
    Certainty,
    DateDerivation,
    DatePrecision,
    Event,
    EventDate,
    EventType,
    Evidence,
    GeoPrecision,
    Place,
    Quantity,
    Source,
)
from eventscope.resolve.gazetteer import country_code
from eventscope.scoring import evaluate_events, evaluate_places
from eventscope.serialize import from_jsonable, to_jsonable
from eventscope.store import DEFAULT_SORT, EventFilter, EventPage, Sort, Store, open_store
from eventscope.table import COLUMNS, event_row

__version__ = "0.1.0"

__all__ = [
    "COLUMNS",
    "DEFAULT_SORT",
    "EXPORT_FORMATS",
    "SETTINGS",
    "Actor",
    "ActorKind",
    "Article",
    "ArticleResult",
    "Attribution",
    "Certainty",
    "Check",
    "Config",
    "ConfigError",
    "DateDerivation",
    "DatePrecision",
    "Event",
    "EventDate",
    "EventFilter",
    "EventPage",
    "EventType",
    "EventscopeError",
    "Evidence",
    "GeoPrecision",
    "IngestReport",
    "Comparison",
    "InputError",
    "Place",
    "Quantity",
    "ResourceError",
    "Sort",
    "Source",
    "Store",
    "StoreError",
    "country_code",
    "diagnose",
    "evaluate_events",
    "evaluate_places",
    "event_row",
    "extract",
    "from_jsonable",
    "ingest",
    "load_config",
    "make_article",
    "open_store",
    "process",
    "read_articles",
    "compare_acled",
    "to_jsonable",
    "write_events",
]
    "read_acled_csv",
