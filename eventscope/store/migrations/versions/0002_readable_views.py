"""Readable views: ``event_table`` (the flat export row) and ``event_evidence`` (one span a row).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27

``event_table`` has exactly the columns of ``eventscope.COLUMNS`` in their
order, so ``SELECT * FROM event_table`` gives what ``eventscope export --format
csv`` writes (``article_ids`` and ``outlets`` joined with ``;``, sorted).
``event_evidence`` lists every evidence span with its event's type, its
article's outlet, URL and publication date, and the whole sentence cut from the
stored article text (NULL when the article is not in this store).

The SQL is written out per dialect because SQLite and PostgreSQL aggregate
strings differently. Views are not tables, so they stay out of
``schema.metadata``; a later revision that rebuilds ``events``, ``evidence``,
``event_sources`` or ``articles`` (SQLite batch mode copies and renames the
table) must drop these views first and create them again afterwards.
"""

from __future__ import annotations

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None

_EVENT_COLUMNS = """
    e.event_id, e.type, e.mode, e.acled_event_type, e.acled_sub_event_type, e.cameo_root,
    e.date_start, e.date_end, e.date_precision, e.date_derivation,
    e.actor1_name, e.actor1_country, e.actor1_kind,
    e.actor2_name, e.actor2_country, e.actor2_kind,
    e.claimed_by, e.blamed_on,
    e.location_name, e.location_geonameid, e.location_lat, e.location_lon,
    e.location_country, e.location_admin1, e.location_precision,
    e.killed_min, e.killed_max, e.injured_min, e.injured_max, e.arrested_min, e.arrested_max,
    e.is_aggregate, e.certainty, e.speaker, e.confidence, e.corroboration,
"""

_LISTS = {
    # Ordered inner selects keep group_concat's order (SQLite before 3.44 has
    # no ORDER BY inside an aggregate).
    "sqlite": """
    COALESCE((SELECT group_concat(article_id, ';') FROM (
        SELECT s.article_id FROM event_sources AS s
        WHERE s.event_id = e.event_id ORDER BY s.article_id
    )), '') AS article_ids,
    COALESCE((SELECT group_concat(outlet, ';') FROM (
        SELECT DISTINCT s.outlet FROM event_sources AS s
        WHERE s.event_id = e.event_id AND s.outlet IS NOT NULL AND s.outlet <> ''
        ORDER BY s.outlet
    )), '') AS outlets,
""",
    # COLLATE "C" sorts by code point, as Python's sorted() does.
    "postgresql": """
    COALESCE((SELECT string_agg(s.article_id COLLATE "C", ';' ORDER BY s.article_id COLLATE "C")
        FROM event_sources AS s WHERE s.event_id = e.event_id), '') AS article_ids,
    COALESCE((SELECT string_agg(DISTINCT s.outlet COLLATE "C", ';' ORDER BY s.outlet COLLATE "C")
        FROM event_sources AS s
        WHERE s.event_id = e.event_id AND s.outlet IS NOT NULL AND s.outlet <> ''), '') AS outlets,
""",
}

_EVENT_EVIDENCE = """
CREATE VIEW event_evidence AS
SELECT
    v.event_id, e.type, v.field, v.article_id, a.outlet, a.url, a.published,
    v.text, substr(a.text, v.sentence_start + 1, v.sentence_end - v.sentence_start) AS sentence,
    v.sentence_index, v.start, v."end", v.id AS evidence_id
FROM evidence AS v
JOIN events AS e ON e.event_id = v.event_id
LEFT JOIN articles AS a ON a.article_id = v.article_id
"""


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    lists = _LISTS.get(dialect)
    if lists is None:
        raise NotImplementedError(f"no view SQL for the {dialect} dialect; use SQLite or PostgreSQL")
    op.execute(
        "CREATE VIEW event_table AS\nSELECT"
        + _EVENT_COLUMNS
        + lists
        + '    e."trigger", e.sentence\nFROM events AS e\n'
    )
    op.execute(_EVENT_EVIDENCE)


def downgrade() -> None:
    op.execute("DROP VIEW IF EXISTS event_evidence")
    op.execute("DROP VIEW IF EXISTS event_table")
