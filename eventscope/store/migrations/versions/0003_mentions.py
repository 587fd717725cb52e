"""Mentions and their links: each article's events kept as reported, merged events in ``events``.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01

Every event stored before this revision becomes a mention of itself (its own
merged event, with no links), so the store reads the same afterwards; run
``eventscope merge --recompute`` to merge them across articles. ``signature``
stays NULL for these rows and is computed from ``record`` when needed. No
existing table is rebuilt, so the views of 0002 stay as they are.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "mentions",
        sa.Column("mention_id", sa.Text(), nullable=False),
        sa.Column("article_id", sa.Text(), nullable=False),
        sa.Column("event_id", sa.Text(), nullable=False),
        sa.Column("type", sa.Text(), nullable=False),
        sa.Column("location_country", sa.Text(), nullable=True),
        sa.Column("date_start", sa.Date(), nullable=True),
        sa.Column("signature", sa.JSON(), nullable=True),
        sa.Column("record", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.article_id"],
            name=op.f("fk_mentions_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("mention_id", name=op.f("pk_mentions")),
    )
    op.create_index(op.f("ix_mentions_article_id"), "mentions", ["article_id"])
    op.create_index(op.f("ix_mentions_event_id"), "mentions", ["event_id"])
    op.create_index(
        op.f("ix_mentions_location_country_date_start"),
        "mentions",
        ["location_country", "date_start"],
    )
    op.create_table(
        "mention_links",
        sa.Column("mention_a", sa.Text(), nullable=False),
        sa.Column("mention_b", sa.Text(), nullable=False),
        sa.Column("score", sa.Double(), nullable=False),
        sa.Column("parts", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["mention_a"],
            ["mentions.mention_id"],
            name=op.f("fk_mention_links_mention_a_mentions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["mention_b"],
            ["mentions.mention_id"],
            name=op.f("fk_mention_links_mention_b_mentions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("mention_a", "mention_b", name=op.f("pk_mention_links")),
    )
    op.create_index(op.f("ix_mention_links_mention_b"), "mention_links", ["mention_b"])
    op.execute(
        "INSERT INTO mentions "
        "(mention_id, article_id, event_id, type, location_country, date_start, record) "
        "SELECT event_id, article_id, event_id, type, location_country, date_start, record "
        "FROM events"
    )


def downgrade() -> None:
    op.drop_table("mention_links")
    op.drop_table("mentions")
