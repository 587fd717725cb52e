"""The first schema: articles, events, their sources and evidence, and runs.

Revision ID: 0001
Revises:
Create Date: 2026-11-25

The tables are written out literally: a revision is a snapshot and must not
import eventscope.store.schema or eventscope.table, which keep changing. Names
are wrapped in ``op.f`` so the metadata's naming convention leaves them alone.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("article_id", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("outlet", sa.Text(), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("language", sa.Text(), nullable=True),
        sa.Column("origin", sa.Text(), nullable=True),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("article_id", name=op.f("pk_articles")),
    )
    op.create_table(
        "runs",
        sa.Column("run_id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("config", sa.JSON(), nullable=False),
        sa.Column("stats", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("run_id", name=op.f("pk_runs")),
    )
    op.create_table(
        "events",
        sa.Column("event_id", sa.Text(), nullable=False),
        sa.Column("article_id", sa.Text(), nullable=False),
        sa.Column("type", sa.Text(), nullable=False),
        sa.Column("mode", sa.Text(), nullable=True),
        sa.Column("acled_event_type", sa.Text(), nullable=True),
        sa.Column("acled_sub_event_type", sa.Text(), nullable=True),
        sa.Column("cameo_root", sa.Text(), nullable=True),
        sa.Column("date_start", sa.Date(), nullable=True),
        sa.Column("date_end", sa.Date(), nullable=True),
        sa.Column("date_precision", sa.Text(), nullable=True),
        sa.Column("date_derivation", sa.Text(), nullable=True),
        sa.Column("actor1_name", sa.Text(), nullable=True),
        sa.Column("actor1_country", sa.Text(), nullable=True),
        sa.Column("actor1_kind", sa.Text(), nullable=True),
        sa.Column("actor2_name", sa.Text(), nullable=True),
        sa.Column("actor2_country", sa.Text(), nullable=True),
        sa.Column("actor2_kind", sa.Text(), nullable=True),
        sa.Column("claimed_by", sa.Text(), nullable=True),
        sa.Column("blamed_on", sa.Text(), nullable=True),
        sa.Column("location_name", sa.Text(), nullable=True),
        sa.Column("location_geonameid", sa.BigInteger(), nullable=True),
        sa.Column("location_lat", sa.Double(), nullable=True),
        sa.Column("location_lon", sa.Double(), nullable=True),
        sa.Column("location_country", sa.Text(), nullable=True),
        sa.Column("location_admin1", sa.Text(), nullable=True),
        sa.Column("location_precision", sa.BigInteger(), nullable=True),
        sa.Column("killed_min", sa.BigInteger(), nullable=True),
        sa.Column("killed_max", sa.BigInteger(), nullable=True),
        sa.Column("injured_min", sa.BigInteger(), nullable=True),
        sa.Column("injured_max", sa.BigInteger(), nullable=True),
        sa.Column("arrested_min", sa.BigInteger(), nullable=True),
        sa.Column("arrested_max", sa.BigInteger(), nullable=True),
        sa.Column("is_aggregate", sa.Boolean(), nullable=False),
        sa.Column("certainty", sa.Text(), nullable=True),
        sa.Column("speaker", sa.Text(), nullable=True),
        sa.Column("confidence", sa.Double(), nullable=False),
        sa.Column("corroboration", sa.BigInteger(), nullable=False),
        sa.Column("trigger", sa.Text(), nullable=False),
        sa.Column("sentence", sa.Text(), nullable=False),
        sa.Column("record", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.article_id"],
            name=op.f("fk_events_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("event_id", name=op.f("pk_events")),
    )
    op.create_index(op.f("ix_events_article_id"), "events", ["article_id"])
    op.create_index(op.f("ix_events_date_start"), "events", ["date_start"])
    op.create_index(op.f("ix_events_location_country"), "events", ["location_country"])
    op.create_index(op.f("ix_events_type"), "events", ["type"])
    op.create_table(
        "event_sources",
        sa.Column("event_id", sa.Text(), nullable=False),
        sa.Column("article_id", sa.Text(), nullable=False),
        sa.Column("outlet", sa.Text(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.event_id"],
            name=op.f("fk_event_sources_event_id_events"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("event_id", "article_id", name=op.f("pk_event_sources")),
    )
    op.create_index(op.f("ix_event_sources_article_id"), "event_sources", ["article_id"])
    op.create_table(
        "evidence",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("event_id", sa.Text(), nullable=False),
        sa.Column("field", sa.Text(), nullable=False),
        sa.Column("article_id", sa.Text(), nullable=False),
        sa.Column("sentence_index", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("sentence_start", sa.Integer(), nullable=False),
        sa.Column("sentence_end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "sentence_index >= 0 AND sentence_start >= 0 AND sentence_start <= start "
            'AND start <= "end" AND sentence_start <= sentence_end',
            name=op.f("ck_evidence_span"),
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.event_id"],
            name=op.f("fk_evidence_event_id_events"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence")),
    )
    op.create_index(op.f("ix_evidence_event_id"), "evidence", ["event_id"])


def downgrade() -> None:
    op.drop_table("evidence")
    op.drop_table("event_sources")
    op.drop_table("events")
    op.drop_table("runs")
    op.drop_table("articles")
