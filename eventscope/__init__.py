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

from eventscope.classify.train import train_classifier
from eventscope.compare import Comparison, compare_acled, read_acled_csv
from eventscope.config import SETTINGS, Config, load_config
from eventscope.disagreement import disagreements
from eventscope.doctor import Check, diagnose
from eventscope.errors import (
    ConfigError,
    EventscopeError,
    InputError,
    ResourceError,
    StoreError,
)
from eventscope.export import EXPORT_FORMATS, export_record, write_events
from eventscope.ingest import read_articles
from eventscope.pipeline import ArticleResult, IngestReport, extract, ingest, make_article, process
from eventscope.records import (
    COUNT_FIELDS,
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
from eventscope.store import (
    DEFAULT_SORT,
    EventFilter,
    EventPage,
    Revision,
    Sort,
    Store,
    open_store,
    store_revision,
)
from eventscope.table import COLUMNS, event_row
from eventscope.watch import PollReport, Watcher, parse_duration

if TYPE_CHECKING:
    from eventscope.serve.api import create_app

__version__ = "0.1.0"


def __getattr__(name: str) -> object:
    """``create_app`` (the REST API and dashboard) imports FastAPI only when asked for."""
    if name == "create_app":
        from eventscope.serve.api import create_app

        return create_app
    raise AttributeError(f"module 'eventscope' has no attribute {name!r}")


__all__ = [
    "COLUMNS",
    "COUNT_FIELDS",
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
    "Comparison",
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
    "InputError",
    "Place",
    "PollReport",
    "Quantity",
    "ResourceError",
    "Revision",
    "Sort",
    "Source",
    "Store",
    "StoreError",
    "Watcher",
    "compare_acled",
    "country_code",
    "create_app",
    "diagnose",
    "disagreements",
    "evaluate_events",
    "evaluate_places",
    "event_row",
    "export_record",
    "extract",
    "from_jsonable",
    "ingest",
    "load_config",
    "make_article",
    "open_store",
    "parse_duration",
    "process",
    "read_acled_csv",
    "read_articles",
    "store_revision",
    "to_jsonable",
    "train_classifier",
    "write_events",
]
