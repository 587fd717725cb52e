"""Brings a store's schema up to the newest revision this eventscope knows.

Revisions live in ``migrations/versions`` inside the package and are run by
Alembic with a configuration built here, so no ``alembic.ini`` is needed.
``alembic_version`` records the revision a database is at.
"""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.exc import SQLAlchemyError

from eventscope.errors import StoreError

SCRIPT_LOCATION = Path(__file__).with_name("migrations")

# Any fixed 64-bit number: PostgreSQL sessions that migrate at once queue on it.
_PG_LOCK_KEY = 0x65766E7473636F70  # "evntscop"


def alembic_config(connection: sa.Connection | None = None) -> Config:
    """An Alembic configuration for the store's revisions, running on ``connection``."""
    config = Config()
    config.set_main_option("script_location", str(SCRIPT_LOCATION))
    config.set_main_option("path_separator", "os")
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The newest revision this eventscope can migrate to."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:  # pragma: no cover - the package always ships 0001
        raise RuntimeError(f"no revisions in {SCRIPT_LOCATION}")
    return head


def current_revisions(connection: sa.Connection) -> tuple[str, ...]:
    """The revisions ``alembic_version`` records; empty for a fresh database."""
    return tuple(MigrationContext.configure(connection).get_current_heads())


def upgrade(connection: sa.Connection, subject: str) -> None:
    """Migrate the database behind ``connection`` to the head revision.

    Raises StoreError ES401 when the database is at a revision this eventscope
    does not know, which is what a newer eventscope leaves behind, and ES409
    when a migration step fails. ``subject`` names the database in those
    messages (a URL without its password). PostgreSQL runs the upgrade in the
    caller's transaction; SQLite cannot roll back its DDL.
    """
    if connection.dialect.name == "postgresql":
        connection.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK_KEY})
    config = alembic_config(connection)
    script = ScriptDirectory.from_config(config)
    known = {revision.revision for revision in script.walk_revisions()}
    found = current_revisions(connection)
    unknown = [revision for revision in found if revision not in known]
    if unknown:
        raise StoreError("ES401", subject, found=", ".join(unknown), expected=head_revision())
    try:
        command.upgrade(config, "head")
    except SQLAlchemyError as exc:
        detail = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        raise StoreError("ES409", subject, expected=head_revision(), detail=detail) from exc
