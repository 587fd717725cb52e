"""Displaced and abducted counts, and whether the text says no one claimed the event.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03

Adds ``events.unclaimed`` and the ``displaced_min/max`` and ``abducted_min/max``
ranges, and rebuilds the ``event_table`` view of 0002 with them in
``table.COLUMNS`` order. ``unclaimed`` is filled from each stored record; the
counts stay NULL for events extracted before this revision (their records hold
no such counts: ingest the articles again into a new store to get them).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | None = None
depends_on: str | None = None

_NEW_COLUMNS = ("displaced_min", "displaced_max", "abducted_min", "abducted_max")

# Frozen: the view's columns at this revision, in table.COLUMNS order.
_EVENT_COLUMNS = """
    e.event_id, e.type, e.mode, e.acled_event_type, e.acled_sub_event_type, e.cameo_root,
    e.date_start, e.date_end, e.date_precision, e.date_derivation,
    e.actor1_name, e.actor1_country, e.actor1_kind,
    e.actor2_name, e.actor2_country, e.actor2_kind,
    e.claimed_by, e.blamed_on, e.unclaimed,
    e.location_name, e.location_geonameid, e.location_lat, e.location_lon,
    e.location_country, e.location_admin1, e.location_precision,
    e.killed_min, e.killed_max, e.injured_min, e.injured_max, e.arrested_min, e.arrested_max,
    e.displaced_min, e.displaced_max, e.abducted_min, e.abducted_max,
    e.is_aggregate, e.certainty, e.speaker, e.confidence, e.corroboration,
"""

# The record's "unclaimed" (an evidence object, or null) as a truth value.
_UNCLAIMED_FROM_RECORD = {
    "sqlite": "json_extract(record, '$.unclaimed') IS NOT NULL",
    "postgresql": "(record ->> 'unclaimed') IS NOT NULL",
}


def _revision_0002() -> ModuleType:
    """The 0002 revision module, whose per-dialect list SQL the rebuilt view reuses unchanged."""
    path = Path(__file__).with_name("0002_readable_views.py")
    spec = importlib.util.spec_from_file_location("eventscope_revision_0002", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _create_event_table(columns: str) -> None:
    lists = _revision_0002()._LISTS[op.get_bind().dialect.name]
    op.execute(
        "CREATE VIEW event_table AS\nSELECT" + columns + lists + '    e."trigger", e.sentence\nFROM events AS e\n'
    )


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect not in _UNCLAIMED_FROM_RECORD:
        raise NotImplementedError(f"no view SQL for the {dialect} dialect; use SQLite or PostgreSQL")
    op.execute("DROP VIEW IF EXISTS event_table")
    op.add_column("events", sa.Column("unclaimed", sa.Boolean(), nullable=True))
    for name in _NEW_COLUMNS:
        op.add_column("events", sa.Column(name, sa.BigInteger(), nullable=True))
    op.execute(f"UPDATE events SET unclaimed = {_UNCLAIMED_FROM_RECORD[dialect]}")
    _create_event_table(_EVENT_COLUMNS)


def downgrade() -> None:
    op.execute("DROP VIEW IF EXISTS event_table")
    for name in (*_NEW_COLUMNS, "unclaimed"):
        op.drop_column("events", name)
    _create_event_table(_revision_0002()._EVENT_COLUMNS)
