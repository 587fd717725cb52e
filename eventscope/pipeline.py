"""Composes the stages: read, parse, extract, store.

``process_article`` is the per-article function (pure, given a parsed Doc)
that a single process and, later, Dask workers both run. ``ingest`` is the
edge that streams articles from paths into a store, one transaction per
article, so a crash or a bad file never leaves half an article behind.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc

from eventscope.config import Config
from eventscope.errors import EventscopeError, InputError
from eventscope.extract.events import extract_events
from eventscope.ingest import read_articles
from eventscope.ingest.identity import article_id
from eventscope.nlp.model import load_model
from eventscope.nlp.parse import parse_articles
from eventscope.records import Article, Event
from eventscope.resolve.gazetteer import Gazetteer, load_gazetteer
from eventscope.store import Store

# Codes that mean "skipped on purpose", not "failed": they do not fail a run.
SKIP_CODES = frozenset({"ES110", "ES125", "ES126"})


@dataclass(frozen=True)
class ArticleResult:
    article: Article
    events: tuple[Event, ...]


@dataclass
class IngestReport:
    """What one ingest run did; ``failed`` lists every input that could not be read."""

    read: int = 0
    stored: int = 0
    already_stored: int = 0
    events: int = 0
    skipped: list[EventscopeError] = field(default_factory=list)
    failed: list[EventscopeError] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "read": self.read,
            "stored": self.stored,
            "already_stored": self.already_stored,
            "events": self.events,
            "skipped": [str(e) for e in self.skipped],
            "failed": [str(e) for e in self.failed],
        }


def process_article(article: Article, doc: Doc, gazetteer: Gazetteer) -> ArticleResult:
    """Events of one parsed article."""
    return ArticleResult(article, tuple(extract_events(article, doc, gazetteer)))


def make_article(
    text: str,
    *,
    published: dt.date | None = None,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
) -> Article:
    """An Article for text given directly (not read from a file)."""
    return Article(
        article_id=article_id(text), text=text, title=title, url=url, outlet=outlet,
        published=published, language="en", origin="<text>",
    )


def extract(
    text: str,
    published: dt.date | str | None = None,
    *,
    title: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    config: Config | None = None,
) -> list[Event]:
    """The events in one article's text, read against its publication date."""
    if isinstance(published, str):
        published = dt.date.fromisoformat(published)
    config = config or Config()
    article = make_article(text, published=published, title=title, url=url, outlet=outlet)
    doc = load_model(config.model)(article.text)
    return list(process_article(article, doc, load_gazetteer()).events)


def process(articles: Iterable[Article], config: Config | None = None) -> Iterator[ArticleResult]:
    """Events of many articles, parsed in batches."""
    config = config or Config()
    nlp = load_model(config.model)
    gazetteer = load_gazetteer()
    for article, doc in parse_articles(nlp, articles, config.batch_size):
        yield process_article(article, doc, gazetteer)


def ingest(
    paths: Sequence[str | Path],
    store: Store,
    *,
    published: dt.date | None = None,
    config: Config | None = None,
    on_article: Callable[[IngestReport], None] | None = None,
) -> IngestReport:
    """Read every article under ``paths``, extract its events and store them.

    Articles already in the store are not parsed again; each new article is
    written in its own transaction. Inputs that cannot be read are reported
    in ``IngestReport.failed`` (or ``skipped``) and the rest go on.
    """
    config = config or Config()
    report = IngestReport()
    run_id = store.start_run(config.as_dict())

    def new_articles() -> Iterator[Article]:
        for path in paths:
            for item in read_articles(path, published=published, min_english=config.min_english):
                if isinstance(item, InputError):
                    (report.skipped if item.code in SKIP_CODES else report.failed).append(item)
                    if on_article:
                        on_article(report)
                    continue
                report.read += 1
                if store.has_article(item.article_id):
                    report.already_stored += 1
                    if on_article:
                        on_article(report)
                    continue
                yield item

    for result in process(new_articles(), config):
        try:
            if store.save(result.article, result.events):
                report.stored += 1
                report.events += len(result.events)
            else:
                report.already_stored += 1
        except EventscopeError as exc:
            report.failed.append(exc)
        if on_article:
            on_article(report)
    store.finish_run(run_id, report.as_dict())
    return report
