"""The tables of the event store, declared once for SQLite and PostgreSQL.

``events`` has one column per ``table.COLUMNS`` entry (so SQL, CSV and Parquet
share names) plus ``record``, the full event as ``serialize.to_jsonable`` makes
it; the columns serve filters and ad-hoc SQL, the record rebuilds the event.
Changes here need a new revision in ``migrations/versions``; a test checks that
the migrated database matches these declarations.

Revision 0002 adds read-only SQL views for people who open the database
directly (``VIEWS``). They are not tables, so they are not declared in
``metadata``; a revision that rebuilds a table they read must drop and
recreate them.

Revision 0003 adds ``mentions`` (each article's events as extracted, and the
merged event each belongs to) and ``mention_links`` (the pairs judged to be
one event, with their scores); ``events`` then holds the merged events.

Revision 0004 adds one index per sort key of the API and CLI (``sort_key``), so
a page of events in any order reads the index instead of sorting the table.

Revision 0005 adds ``unclaimed`` and the ``displaced`` and ``abducted`` ranges
to ``events`` and rebuilds the ``event_table`` view with them.

Revision 0006 gives ``mentions`` the last day and the point of each mention's
signature, and one index over all that the candidate query of merging filters
on (country, first day, type, last day, point), so the query reads only the
stored mentions near a new one in time and place, from the index.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa

from eventscope.table import COLUMNS

# Stable constraint names, so later migrations (and SQLite batch mode) can name them.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = sa.MetaData(naming_convention=NAMING_CONVENTION)

SQL_TYPES: dict[type, type[sa.types.TypeEngine[Any]]] = {
    str: sa.Text,
    int: sa.BigInteger,
    float: sa.Double,
    bool: sa.Boolean,
    dt.date: sa.Date,
}

# Columns of COLUMNS that live elsewhere: the key, and the lists event_sources holds.
_NOT_IN_EVENTS = {"event_id", "article_ids", "outlets"}
# Columns that table.event_row fills for every event.
_ALWAYS_SET = {"type", "is_aggregate", "confidence", "corroboration", "trigger", "sentence"}

articles = sa.Table(
    "articles",
    metadata,
    sa.Column("article_id", sa.Text, primary_key=True),
    sa.Column("title", sa.Text),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("url", sa.Text),
    sa.Column("outlet", sa.Text),
    sa.Column("published", sa.Date),
    sa.Column("language", sa.Text),
    sa.Column("origin", sa.Text),
    sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
)

events = sa.Table(
    "events",
    metadata,
    sa.Column("event_id", sa.Text, primary_key=True),
    sa.Column(
        "article_id",
        sa.Text,
        sa.ForeignKey("articles.article_id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    *(
        sa.Column(name, SQL_TYPES[kind], nullable=name not in _ALWAYS_SET)
        for name, kind in COLUMNS.items()
        if name not in _NOT_IN_EVENTS
    ),
    sa.Column("record", sa.JSON, nullable=False),
    sa.Index(None, "type"),
    sa.Index(None, "location_country"),
    sa.Index(None, "date_start"),
)

event_sources = sa.Table(
    "event_sources",
    metadata,
    sa.Column(
        "event_id",
        sa.Text,
        sa.ForeignKey("events.event_id", ondelete="CASCADE"),
        primary_key=True,
    ),
    # No foreign key: a merged event may cite articles this store has not seen.
    sa.Column("article_id", sa.Text, primary_key=True, index=True),
    sa.Column("outlet", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("published", sa.Date),
)

evidence = sa.Table(
    "evidence",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column(
        "event_id",
        sa.Text,
        sa.ForeignKey("events.event_id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("field", sa.Text, nullable=False),  # path in the event: "killed[0].attribution"
    sa.Column("article_id", sa.Text, nullable=False),
    sa.Column("sentence_index", sa.Integer, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("sentence_start", sa.Integer, nullable=False),
    sa.Column("sentence_end", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    # A span lies at or after its sentence's start and does not run backwards.
    sa.CheckConstraint(
        sa.and_(
            sa.column("sentence_index") >= 0,
            sa.column("sentence_start") >= 0,
            sa.column("sentence_start") <= sa.column("start"),
            sa.column("start") <= sa.column("end"),
            sa.column("sentence_start") <= sa.column("sentence_end"),
        ),
        name="span",
    ),
)

# Revision 0003: every event as its article reported it (a mention, unchanged),
# the canonical event it is merged into, and the links that merged it.
mentions = sa.Table(
    "mentions",
    metadata,
    sa.Column("mention_id", sa.Text, primary_key=True),
    sa.Column(
        "article_id",
        sa.Text,
        sa.ForeignKey("articles.article_id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("event_id", sa.Text, nullable=False, index=True),  # the merged event it is part of
    sa.Column("type", sa.Text, nullable=False),
    sa.Column("location_country", sa.Text),
    sa.Column("date_start", sa.Date),
    sa.Column("signature", sa.JSON),  # dedup.Signature.as_row(); NULL for rows migrated from 0002
    sa.Column("record", sa.JSON, nullable=False),
    # Revision 0006: what the candidate query of merging filters on, from the signature:
    # its last day, and its point when placed finer than a region (else NULL).
    sa.Column("date_end", sa.Date),
    sa.Column("point_lat", sa.Double),
    sa.Column("point_lon", sa.Double),
    sa.Index(
        "ix_mentions_blocking", "location_country", "date_start", "type", "date_end", "point_lat", "point_lon"
    ),
)

mention_links = sa.Table(
    "mention_links",
    metadata,
    sa.Column(
        "mention_a",
        sa.Text,
        sa.ForeignKey("mentions.mention_id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column(
        "mention_b",
        sa.Text,
        sa.ForeignKey("mentions.mention_id", ondelete="CASCADE"),
        primary_key=True,
        index=True,
    ),
    sa.Column("score", sa.Double, nullable=False),
    sa.Column("parts", sa.JSON, nullable=False),  # dedup.PairScore.as_dict()
)

runs = sa.Table(
    "runs",
    metadata,
    sa.Column("run_id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("finished_at", sa.DateTime(timezone=True)),
    sa.Column("config", sa.JSON, nullable=False),
    sa.Column("stats", sa.JSON),
)

# The SQL literal that stands in for NULL in each sortable column: unknown values sort
# as the smallest, and keyset paging has no gaps. Written inline (not as a bound
# parameter) so that SQLite and PostgreSQL match the query to its expression index.
SORT_MISSING: dict[str, str] = {
    "date_start": "'0001-01-01'",
    "killed_min": "-1",
    "confidence": "-1.0",
    "corroboration": "-1",
    "type": "''",
    "location_country": "''",
}


def sort_key(column: str) -> sa.ColumnElement[Any]:
    """The expression events are ordered by for ``column``: the column, NULL as smallest."""
    return sa.func.coalesce(
        events.c[column], sa.literal_column(SORT_MISSING[column], events.c[column].type)
    )


for _column in SORT_MISSING:
    sa.Index(f"ix_events_sort_{_column}", sort_key(_column), events.c.event_id)
# The dashboard's most common page: one country, newest first.
sa.Index("ix_events_country_sort_date", events.c.location_country, sort_key("date_start"), events.c.event_id)

TABLES: tuple[sa.Table, ...] = (
    articles, events, event_sources, evidence, mentions, mention_links, runs
)

# Views created by revision 0002: ``event_table`` has the columns of
# ``table.COLUMNS`` (the CSV export's row); ``event_evidence`` has one row per
# evidence span with its event type, article outlet/url/date and sentence.
VIEWS: tuple[str, ...] = ("event_table", "event_evidence")
