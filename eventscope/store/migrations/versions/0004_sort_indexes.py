"""One index per sort key, so a page of events in any order reads an index.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02

Each index covers ``coalesce(column, <smallest>)`` and ``event_id``: the exact
expression ``schema.sort_key`` orders by, ties by event id.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | None = None
depends_on: str | None = None

# Frozen copy of schema.SORT_MISSING at this revision.
_MISSING = {
    "date_start": "'0001-01-01'",
    "killed_min": "-1",
    "confidence": "-1.0",
    "corroboration": "-1",
    "type": "''",
    "location_country": "''",
}


def upgrade() -> None:
    for column, missing in _MISSING.items():
        op.create_index(
            f"ix_events_sort_{column}",
            "events",
            [sa.text(f"coalesce({column}, {missing})"), "event_id"],
        )
    # the dashboard's most common page: one country, newest first
    op.create_index(
        "ix_events_country_sort_date",
        "events",
        ["location_country", sa.text(f"coalesce(date_start, {_MISSING['date_start']})"), "event_id"],
    )


def downgrade() -> None:
    op.drop_index("ix_events_country_sort_date", table_name="events")
    for column in _MISSING:
        op.drop_index(f"ix_events_sort_{column}", table_name="events")
