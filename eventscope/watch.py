"""Polls RSS/Atom feeds and local files, and ingests the items the store does not hold yet.

A source is an ``http://`` or ``https://`` feed URL (fetched with urllib, with
``ETag``/``Last-Modified`` so an unchanged feed costs one short request), or a
local file or folder (read as ``eventscope ingest`` reads it). What was seen
is remembered in the store itself, so it survives restarts: an item whose URL
or article id is already stored is not parsed again. A source that fails (the
server is down, the feed is malformed) waits ``every`` x 2^n after its n-th
failure in a row, at most ``max_backoff``, with one log line each time.
"""

from __future__ import annotations

import dataclasses
import logging
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import sqlalchemy as sa

from eventscope.config import Config
from eventscope.errors import ConfigError, EventscopeError, InputError, ResourceError
from eventscope.ingest.decode import decode_bytes
from eventscope.ingest.feed import parse_feed
from eventscope.ingest.language import require_english
from eventscope.ingest.reader import read_articles
from eventscope.pipeline import SKIP_CODES, IngestReport, ingest_items, stored_ids
from eventscope.records import Article
from eventscope.store import Store, schema

DEFAULT_EVERY = 15 * 60.0  # seconds between polls of a source
MAX_BACKOFF = 6 * 3600.0  # longest wait after failures (or ``every``, if longer)
MAX_FEED_MIB = 20  # a larger feed body is refused
TIMEOUT = 30.0  # seconds for one HTTP request
USER_AGENT = "eventscope-watch/0.1"
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$", re.IGNORECASE)

logger = logging.getLogger("eventscope.watch")


def parse_duration(text: str, subject: str = "--every") -> float:
    """Seconds in ``"90"``, ``"30s"``, ``"15m"``, ``"2h"`` or ``"1d"``; ConfigError ES202 otherwise."""
    match = _DURATION.match(text)
    seconds = float(match.group(1)) * _UNITS[(match.group(2) or "s").lower()] if match else 0.0
    if seconds <= 0:
        raise ConfigError(
            "ES202", subject, value=text, detail="use a positive number with s, m, h or d, e.g. 15m"
        )
    return seconds


def _is_url(address: str) -> bool:
    return "://" in address


@dataclass
class Source:
    """One feed URL or path, and what the watcher remembers about it between polls."""

    address: str
    etag: str | None = None
    modified: str | None = None
    failures: int = 0  # failed polls in a row
    due: float = 0.0  # clock time of the next poll


@dataclass
class PollReport:
    """What one poll did: the sources polled, those that failed, and what was ingested."""

    polled: list[str] = field(default_factory=list)
    failed: list[EventscopeError] = field(default_factory=list)  # one per failed source
    unchanged: int = 0  # feeds that answered 304 Not Modified
    seen: int = 0  # items not parsed again: their URL or article id is stored
    ingest: IngestReport = field(default_factory=IngestReport)


class Watcher:
    """Polls ``sources`` into ``store``; ``poll`` once, or ``run`` until stopped."""

    def __init__(
        self,
        sources: Sequence[str],
        store: Store,
        *,
        config: Config | None = None,
        every: float = DEFAULT_EVERY,
        max_backoff: float = MAX_BACKOFF,
        clock: Callable[[], float] = time.monotonic,
        log: Callable[[str], None] = logger.info,
    ) -> None:
        for address in sources:
            scheme = urllib.parse.urlsplit(address).scheme.lower() if _is_url(address) else ""
            if _is_url(address) and scheme not in ("http", "https"):
                raise InputError("ES180", address, detail=f"scheme {scheme!r}")
        self.sources = [Source(address) for address in sources]
        self.store = store
        self.config = config or Config()
        self.every = every
        self.max_backoff = max(max_backoff, every)
        self.clock = clock
        self.log = log

    def poll(self) -> PollReport:
        """Poll every source that is due, and ingest its new items."""
        report = PollReport()
        for source in self.sources:
            if source.due > self.clock():
                continue
            report.polled.append(source.address)
            seen_before = report.seen
            try:
                items = self._read(source, report)
            except EventscopeError as error:
                report.failed.append(error)
                source.failures += 1
                delay = min(self.every * 2**source.failures, self.max_backoff)
                source.due = self.clock() + delay
                self.log(f"{error}; next try in {_span(delay)}")
                continue
            source.failures = 0
            source.due = self.clock() + self.every
            if items is None:
                report.unchanged += 1
                self.log(f"{source.address}: not modified")
                continue
            ingested = ingest_items(items, self.store, config=self.config) if items else IngestReport()
            _add(report.ingest, ingested)
            self.log(
                f"{source.address}: {ingested.stored} new, {report.seen - seen_before} already "
                f"stored, {ingested.events} events, {len(ingested.failed)} failed"
            )
        return report

    def run(
        self, *, once: bool = False, sleep: Callable[[float], None] = time.sleep,
        stop: Callable[[], bool] = lambda: False,
    ) -> None:
        """Poll, wait until the next source is due, and again, until ``stop()`` (or once)."""
        while True:
            self.poll()
            if once or stop():
                return
            sleep(max(0.0, min(source.due for source in self.sources) - self.clock()))

    def _read(self, source: Source, report: PollReport) -> list[Article | InputError] | None:
        """The source's items not stored yet (None: the feed is unchanged)."""
        if _is_url(source.address):
            fetched = _fetch(source)
            if fetched is None:
                return None
            content = decode_bytes(fetched, source.address)
            entries = parse_feed(content.removeprefix("\ufeff"), source.address)
            new = self._unseen(entries, report)
            return [_checked(item, self.config) for item in new]
        items = list(read_articles(source.address, min_english=self.config.min_english))
        problems = [i for i in items if isinstance(i, InputError) and i.code not in SKIP_CODES]
        if problems and len(problems) == len(items):  # nothing readable: the source is at fault
            raise problems[0]
        return self._unseen(items, report)

    def _unseen(
        self, items: Iterable[Article | InputError], report: PollReport
    ) -> list[Article | InputError]:
        listed = list(items)
        articles = [item for item in listed if isinstance(item, Article)]
        urls = sorted({a.url for a in articles if a.url})
        known_urls: set[str] = set()
        if urls:
            query = sa.select(schema.articles.c.url).where(schema.articles.c.url.in_(urls))
            with self.store.engine.connect() as connection:
                known_urls = {str(url) for (url,) in connection.execute(query)}
        known_ids = stored_ids(self.store, {a.article_id for a in articles})
        fresh: list[Article | InputError] = []
        for item in listed:
            if isinstance(item, Article) and (item.url in known_urls or item.article_id in known_ids):
                report.seen += 1
                continue
            fresh.append(item)
        return fresh


def _checked(item: Article | InputError, config: Config) -> Article | InputError:
    """A feed entry with its language checked, as ``read_articles`` checks files."""
    if isinstance(item, InputError):
        return item
    try:
        language = require_english(
            item.text, item.origin or "<feed>", min_english=config.min_english,
            declared=item.language, article_id=item.article_id,
        )
    except InputError as error:
        return error
    return dataclasses.replace(item, language=language)


_OPENER = urllib.request.OpenerDirector()
for _handler in (
    urllib.request.HTTPHandler(),
    urllib.request.HTTPSHandler(),
    urllib.request.HTTPRedirectHandler(),  # to http(s) only: no ftp or file handler is installed
    urllib.request.HTTPDefaultErrorHandler(),
    urllib.request.HTTPErrorProcessor(),
):
    _OPENER.add_handler(_handler)


def _fetch(source: Source) -> bytes | None:
    """The feed's body, or None when the server says it has not changed (304)."""
    headers = {"User-Agent": USER_AGENT}
    if source.etag:
        headers["If-None-Match"] = source.etag
    if source.modified:
        headers["If-Modified-Since"] = source.modified
    request = urllib.request.Request(source.address, headers=headers)
    limit = MAX_FEED_MIB * 1024 * 1024
    try:
        with _OPENER.open(request, timeout=TIMEOUT) as response:
            data: bytes = response.read(limit + 1)
            etag, modified = response.headers.get("ETag"), response.headers.get("Last-Modified")
    except urllib.error.HTTPError as exc:
        if exc.code == 304:
            return None
        raise ResourceError("ES310", source.address, detail=f"HTTP {exc.code} {exc.reason}") from None
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", None) or exc
        raise ResourceError("ES310", source.address, detail=str(reason)) from None
    if len(data) > limit:
        raise ResourceError("ES310", source.address, detail=f"larger than {MAX_FEED_MIB} MiB")
    source.etag, source.modified = etag, modified
    return data


def _add(total: IngestReport, part: IngestReport) -> None:
    for name in ("read", "stored", "already_stored", "events", "gated"):
        setattr(total, name, getattr(total, name) + getattr(part, name))
    total.skipped.extend(part.skipped)
    total.failed.extend(part.failed)


def _span(seconds: float) -> str:
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size and seconds % size == 0:
            return f"{int(seconds // size)}{unit}"
    return f"{seconds:g}s"
