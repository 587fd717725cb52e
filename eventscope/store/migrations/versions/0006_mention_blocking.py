"""The candidate query of merging reads only mentions near in time and place.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04

Adds ``mentions.date_end``, ``point_lat`` and ``point_lon`` (a signature's last
day, and its point when it is placed finer than a region), fills them from each
stored signature (rows migrated from 0002 have none and keep NULLs, which the
query lets through), and replaces the (country, first day) index with one over
country, first day, type, last day and point.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | None = None
depends_on: str | None = None

_OLD_INDEX = "ix_mentions_location_country_date_start"
_NEW_INDEX = "ix_mentions_blocking"
_NEW_COLUMNS = ("date_end", "point_lat", "point_lon")
# Frozen: where ``Signature.as_row`` puts these values at this revision.
_LAT, _LON, _PRECISION, _DAY_END = 10, 11, 12, 14
_REGION = 3  # GeoPrecision of a region or country: no point to compare
_ROWS = 5_000  # signatures read and rows updated at a time

_mentions = sa.table(
    "mentions",
    sa.column("mention_id", sa.Text),
    sa.column("signature", sa.JSON),
    sa.column("date_end", sa.Date),
    sa.column("point_lat", sa.Double),
    sa.column("point_lon", sa.Double),
)


def _filled(rows: Sequence[Any]) -> Iterator[dict[str, Any]]:
    for mention_id, sig in rows:
        located = sig[_LAT] is not None and sig[_LON] is not None and sig[_PRECISION] < _REGION
        yield {
            "id": mention_id,
            "date_end": dt.date.fromordinal(sig[_DAY_END]) if sig[_DAY_END] is not None else None,
            "point_lat": sig[_LAT] if located else None,
            "point_lon": sig[_LON] if located else None,
        }


def upgrade() -> None:
    for name in _NEW_COLUMNS:
        op.add_column("mentions", sa.Column(name, sa.Date() if name == "date_end" else sa.Double(), nullable=True))
    connection = op.get_bind()
    m = _mentions.c
    update = (
        sa.update(_mentions)
        .where(m.mention_id == sa.bindparam("id"))
        .values(date_end=sa.bindparam("date_end"), point_lat=sa.bindparam("point_lat"),
                point_lon=sa.bindparam("point_lon"))
    )
    last = ""
    while True:  # in pages by id, so a large store is never read whole
        rows = connection.execute(
            sa.select(m.mention_id, m.signature)
            .where(m.mention_id > last, m.signature.is_not(None))
            .order_by(m.mention_id)
            .limit(_ROWS)
        ).all()
        if not rows:
            break
        connection.execute(update, list(_filled(rows)))
        last = rows[-1][0]
    op.drop_index(_OLD_INDEX, table_name="mentions")
    op.create_index(
        _NEW_INDEX, "mentions",
        ["location_country", "date_start", "type", "date_end", "point_lat", "point_lon"],
    )


def downgrade() -> None:
    op.drop_index(_NEW_INDEX, table_name="mentions")
    op.create_index(_OLD_INDEX, "mentions", ["location_country", "date_start"])
    for name in _NEW_COLUMNS:
        op.drop_column("mentions", name)
