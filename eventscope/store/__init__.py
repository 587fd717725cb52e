"""The event store: articles, events, sources and evidence in SQLite or PostgreSQL.

Example::

    with open_store("sqlite:///events.db") as store:
        store.save(article, events)
        for event in store.iter_events(EventFilter(type="ASSAULT", country="IRQ")):
            ...
"""

from eventscope.store.store import EventFilter, EvidenceRow, Store, open_store

__all__ = ["EventFilter", "EvidenceRow", "Store", "open_store"]
