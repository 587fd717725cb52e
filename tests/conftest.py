"""Shared fixtures: store URLs and open stores, on SQLite and (when asked) PostgreSQL.

``store_url`` and ``store`` run a test once per backend. SQLite always runs, in
``tmp_path``. The PostgreSQL variant (marked ``postgres``) is collected only
when ``EVENTSCOPE_TEST_POSTGRES_URL`` names a server URL whose user may create
databases; each test then gets a fresh database with a random name, dropped
afterwards, so tests never see each other's rows::

    EVENTSCOPE_TEST_POSTGRES_URL=postgresql+psycopg://postgres@127.0.0.1:5432/test pytest
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from eventscope.store import Store, open_store

POSTGRES_URL_VARIABLE = "EVENTSCOPE_TEST_POSTGRES_URL"
BACKENDS: list[Any] = ["sqlite"]
if os.environ.get(POSTGRES_URL_VARIABLE):
    BACKENDS.append(pytest.param("postgres", marks=pytest.mark.postgres))


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """The URL of a SQLite file that does not exist yet."""
    return f"sqlite:///{tmp_path / 'events.db'}"


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """The URL of a fresh, empty PostgreSQL database, dropped after the test."""
    server_url = os.environ.get(POSTGRES_URL_VARIABLE)
    if not server_url:
        pytest.skip(f"set {POSTGRES_URL_VARIABLE} to run the PostgreSQL tests")
    name = f"eventscope_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(server_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
        try:
            yield sa.make_url(server_url).set(database=name).render_as_string(hide_password=False)
        finally:
            with admin.connect() as connection:
                # FORCE (PostgreSQL 13+) ends any session a failed test left open.
                connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest) -> str:
    """A URL for a fresh store, once per backend."""
    url: str = request.getfixturevalue(f"{request.param}_url")
    return url


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    """An open, empty store, once per backend."""
    with open_store(store_url) as opened:
        yield opened
