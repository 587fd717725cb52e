"""Nobody let in: headers, auth, bound SQL parameters, bounded searches, no path traversal,
no secrets in logs. (The dashboard's escaping is tested in a real browser in test_dashboard.)"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from factories import kharkiv_article, kharkiv_events, lagos_article, lagos_events
from fastapi.testclient import TestClient

import eventscope as es
from eventscope.store import EventFilter, Store

KEY = "correct horse battery staple"
INJECTIONS = [
    "'; DROP TABLE events; --",
    "\" OR 1=1 --",
    "x' UNION SELECT record FROM events --",
    "%' OR '1'='1",
    "_%_",
    "\\",
    "Robert'); DELETE FROM articles; --",
]


@pytest.fixture
def filled(store: Store) -> Store:
    for article, events in ((kharkiv_article(), kharkiv_events), (lagos_article(), lagos_events)):
        store.save(article, events(article))
    return store


@pytest.fixture
def client(filled: Store) -> Iterator[TestClient]:
    url = filled.engine.url.render_as_string(hide_password=False)
    with TestClient(es.create_app(es.Config(db=url, api_key=KEY))) as test_client:
        yield test_client


@pytest.mark.parametrize("attack", INJECTIONS)
def test_filters_bind_their_values(filled: Store, attack: str) -> None:
    before = filled.counts()
    for field in ("actor", "text", "mode", "admin1", "acled_event_type"):
        assert list(filled.iter_events(EventFilter(**{field: attack}))) == []
    assert filled.counts() == before


@pytest.mark.parametrize("attack", INJECTIONS)
def test_api_filters_bind_their_values(client: TestClient, attack: str) -> None:
    for name in ("actor", "q", "mode", "admin1", "acled_event_type"):
        response = client.get("/events", params={name: attack})
        assert response.status_code == 200, response.text
        assert response.json()["total"] == 0
    assert client.get("/health").json()["events"] == 5


def test_text_filters_are_search_terms_not_documents(client: TestClient) -> None:
    response = client.get("/events", params={"q": "a" * 201})
    assert response.status_code == 422 and "q:" in response.json()["detail"]
    assert client.get("/events", params={"limit": 100_000}).status_code == 422


def test_every_response_carries_the_security_headers(client: TestClient) -> None:
    for path in ("/", "/events", "/static/app.js", "/events/ffffffffffff"):
        headers = client.get(path).headers
        policy = headers["content-security-policy"]
        assert "script-src 'self'" in policy and "style-src 'self'" in policy
        assert "unsafe-inline" not in policy and "frame-ancestors 'none'" in policy
        assert headers["x-content-type-options"] == "nosniff"


def test_no_page_loads_scripts_from_elsewhere(client: TestClient) -> None:
    assert client.get("/docs").status_code == 404  # FastAPI's docs page loads a CDN script
    assert client.get("/redoc").status_code == 404
    page = client.get("/").text
    assert "http://" not in page and "https://" not in page
    assert "<script>" not in page  # no inline script: all code comes from /static


@pytest.mark.parametrize(
    "path",
    [
        "/static/../../../../etc/passwd",
        "/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/static/..%2f..%2f..%2fetc%2fpasswd",
        "/leaflet/../../../../../etc/passwd",
        "/articles/..%2f..%2fetc%2fpasswd",
    ],
)
def test_paths_from_requests_cannot_leave_their_folder(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert "root:" not in response.text


def test_an_uploaded_file_name_is_only_a_label(client: TestClient, tmp_path: Path) -> None:
    response = client.post(
        "/articles",
        files={"file": ("../../../../tmp/evil.bin", b"\x00\x01\x02\x03")},
        headers={"X-API-Key": KEY},
    )
    assert response.status_code == 422
    assert "evil.bin" in response.json()["detail"] and "/tmp" not in response.json()["detail"]


def test_a_key_of_the_right_length_is_still_wrong(client: TestClient) -> None:
    near = KEY[:-1] + "f"
    response = client.post("/articles", json={"text": "x"}, headers={"X-API-Key": near})
    assert response.status_code == 401


def test_the_api_key_never_reaches_the_run_log(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'events.db'}"
    config = es.Config(db=url, api_key=KEY)
    assert config.as_dict()["api_key"] == "(set)"
    with es.open_store(url) as store:
        run = store.start_run(config.as_dict())
        store.finish_run(run, {})
    assert KEY not in (tmp_path / "events.db").read_bytes().decode("latin-1")
