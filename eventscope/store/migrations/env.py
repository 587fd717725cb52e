"""Alembic environment for the event store.

eventscope runs it through ``eventscope.store.migrate.upgrade``, which hands in
an open connection as ``config.attributes["connection"]``. To write a new
revision, point the same configuration at a scratch database instead::

    from alembic import command
    from eventscope.store.migrate import alembic_config

    config = alembic_config()
    config.set_main_option("sqlalchemy.url", "sqlite:///scratch.db")
    command.upgrade(config, "head")
    command.revision(config, "add events.fatalities", autogenerate=True, rev_id="0002")
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import context

from eventscope.store.schema import metadata


def _run(connection: sa.Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table
    )
    with context.begin_transaction():
        context.run_migrations()


def _main() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = context.config.get_main_option("sqlalchemy.url")
    if not url:
        raise SystemExit("no database: set sqlalchemy.url or pass attributes['connection']")
    engine = sa.create_engine(url)
    try:
        with engine.begin() as conn:
            _run(conn)
    finally:
        engine.dispose()


_main()
