"""The event store: articles, events, sources and evidence in SQLite or PostgreSQL.

Example::

    with open_store("sqlite:///events.db") as store:
        store.save(article, events)
        for event in store.iter_events(EventFilter(type="ASSAULT", country="IRQ")):
            ...
"""

from eventscope.store.query import DEFAULT_SORT, SORTS, EventFilter, Sort
from eventscope.store.store import (
    ArticleSpan,
    EventPage,
    EvidenceRow,
    Revision,
    RowPage,
    Store,
    open_store,
    store_revision,
)
from eventscope.store.summary import ActorCount, Bucket, MapCell, MapMarkers, MapPoint, Stats

__all__ = [
    "DEFAULT_SORT",
    "SORTS",
    "ActorCount",
    "ArticleSpan",
    "Bucket",
    "EventFilter",
    "EventPage",
    "EvidenceRow",
    "MapCell",
    "MapMarkers",
    "MapPoint",
    "Revision",
    "RowPage",
    "Sort",
    "Stats",
    "Store",
    "open_store",
    "store_revision",
]
