"""`eventscope watch` against a feed served on the loopback interface by http.server."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Iterator
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

import eventscope as es

ITEMS = [
    ("Police arrest 12 protesters in Lagos", "https://news.test/lagos",
     "Police arrested 12 protesters in Lagos on Monday after a march against fuel prices."),
    ("Gunmen kill five in Maiduguri", "https://news.test/maiduguri",
     "Gunmen killed five people at a market near Maiduguri on Tuesday, officials said."),
]
NEW_ITEM = ("Troops clash with rebels near Goma", "https://news.test/goma",
            "Government troops clashed with rebels near Goma on Wednesday, the army said.")


def rss(items: list[tuple[str, str, str]]) -> bytes:
    entries = "".join(
        f"<item><title>{escape(t)}</title><link>{escape(u)}</link>"
        f"<description>{escape(d)}</description>"
        f"<pubDate>{formatdate(1718000000 + i * 86400)}</pubDate></item>"
        for i, (t, u, d) in enumerate(items)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Test Wire</title>{entries}</channel></rss>"
    ).encode()


class Feed:
    """What the test server answers: the feed body, and whether to fail."""

    def __init__(self) -> None:
        self.items = list(ITEMS)
        self.status = 200
        self.requests: list[tuple[str, str | None]] = []  # (path, If-None-Match)

    @property
    def etag(self) -> str:
        return f'"{len(self.items)}"'


@pytest.fixture
def feed() -> Iterator[tuple[Feed, str]]:
    state = Feed()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            state.requests.append((self.path, self.headers.get("If-None-Match")))
            if state.status != 200:
                self.send_error(state.status)
                return
            if self.headers.get("If-None-Match") == state.etag:
                self.send_response(304)
                self.end_headers()
                return
            body = rss(state.items)
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("ETag", state.etag)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state, f"http://127.0.0.1:{server.server_address[1]}/feed.xml"
    finally:
        server.shutdown()
        server.server_close()


def test_second_poll_ingests_only_the_new_item(feed: tuple[Feed, str], sqlite_url: str) -> None:
    state, url = feed
    lines: list[str] = []
    with es.open_store(sqlite_url) as store:
        watcher = es.Watcher([url], store, every=60, log=lines.append)
        first = watcher.poll()
        assert first.ingest.stored == 2 and first.ingest.events >= 2 and not first.failed
        state.items.append(NEW_ITEM)
        watcher.sources[0].due = 0  # due again now
        second = watcher.poll()
        assert (second.ingest.stored, second.seen) == (1, 2)
        assert store.counts()["articles"] == 3
        watcher.sources[0].due = 0
        third = watcher.poll()  # the server answers 304 to the ETag it gave
        assert third.unchanged == 1 and third.ingest.stored == 0
        assert state.requests[-1][1] == state.etag
        # A restarted watcher has no ETag, fetches the feed, and parses nothing again.
        restarted = es.Watcher([url], store, every=60, log=lines.append).poll()
        assert (restarted.ingest.stored, restarted.seen, restarted.ingest.read) == (0, 3, 0)
        assert store.counts()["articles"] == 3
    assert any("1 new, 2 already stored" in line for line in lines)


def test_server_error_backs_off_exponentially_and_recovers(
    feed: tuple[Feed, str], sqlite_url: str
) -> None:
    state, url = feed
    state.status = 500
    now = [1000.0]
    lines: list[str] = []
    with es.open_store(sqlite_url) as store:
        watcher = es.Watcher(
            [url], store, every=60, max_backoff=300, clock=lambda: now[0], log=lines.append
        )
        waits = []
        for _ in range(4):
            report = watcher.poll()
            assert report.polled == [url] and report.failed[0].code == "ES310"
            waits.append(watcher.sources[0].due - now[0])
            assert watcher.poll().polled == []  # not due yet: no request
            now[0] = watcher.sources[0].due
        assert waits == [120, 240, 300, 300]  # every x 2^n, capped
        assert len(state.requests) == 4
        assert len(lines) == 4 and all("[ES310]" in line and "HTTP 500" in line for line in lines)
        assert lines[0].endswith("next try in 2m")
        state.status = 200
        recovered = watcher.poll()
        assert not recovered.failed and recovered.ingest.stored == 2
        assert watcher.sources[0].failures == 0 and watcher.sources[0].due == now[0] + 60


def test_run_sleeps_until_the_next_source_is_due(feed: tuple[Feed, str], sqlite_url: str) -> None:
    state, url = feed
    now = [0.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    with es.open_store(sqlite_url) as store:
        watcher = es.Watcher([url], store, every=900, clock=lambda: now[0], log=lambda _: None)
        watcher.run(sleep=sleep, stop=lambda: len(slept) >= 2)
    assert slept == [900, 900]
    assert len(state.requests) == 3


def test_only_http_and_https_urls_are_feeds(sqlite_url: str) -> None:
    with es.open_store(sqlite_url) as store, pytest.raises(es.InputError, match=r"\[ES180\]"):
        es.Watcher(["ftp://example.org/feed.xml"], store)


@pytest.mark.parametrize(("text", "seconds"), [("90", 90), ("30s", 30), ("15m", 900), ("2h", 7200), ("1d", 86400)])
def test_durations(text: str, seconds: float) -> None:
    assert es.parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "0m", "soon", "-5m", "15 minutes"])
def test_bad_durations_are_named(text: str) -> None:
    with pytest.raises(es.ConfigError, match=r"\[ES202\] --every"):
        es.parse_duration(text)


def test_a_folder_is_watched_too(tmp_path: Path, sqlite_url: str) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text(f"{ITEMS[0][0]}\n-----\n{ITEMS[0][2]}\n", encoding="utf-8")
    with es.open_store(sqlite_url) as store:
        watcher = es.Watcher([str(inbox)], store, every=60, log=lambda _: None)
        assert watcher.poll().ingest.stored == 1
        (inbox / "b.txt").write_text(f"{ITEMS[1][0]}\n-----\n{ITEMS[1][2]}\n", encoding="utf-8")
        watcher.sources[0].due = 0
        second = watcher.poll()
        assert (second.ingest.stored, second.seen) == (1, 1)


@pytest.mark.slow
def test_cli_watch_once_polls_and_exits(feed: tuple[Feed, str], sqlite_url: str) -> None:
    _, url = feed
    command = [sys.executable, "-m", "eventscope", "watch", url, "--once", "--db", sqlite_url]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    assert "2 new articles, 0 already stored" in result.stdout
    again = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert "0 new articles, 2 already stored" in again.stdout
