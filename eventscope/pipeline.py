"""Composes the stages: read, parse, extract, store.

``process_article`` is the per-article function (pure, given a parsed Doc)
that a single process and Dask workers both run (``process_outcomes`` is the
loop around it). ``ingest`` is the edge that streams articles from paths into
a store, in transactions of whole articles, so a crash or a bad file never
leaves half an article behind.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import sqlalchemy as sa
from spacy.tokens import Doc
from sqlalchemy.exc import OperationalError

from eventscope.classify.model import Classifier, load_classifier, retype_events
from eventscope.config import Config
from eventscope.dedup.within import merge_within
from eventscope.errors import ConfigError, EventscopeError, InputError, ResourceError, StoreError
from eventscope.extract.arrests import fold_arrests
from eventscope.extract.events import extract_events
from eventscope.ingest import read_articles
from eventscope.ingest.identity import article_id, normalize_text
from eventscope.ingest.relevance import is_relevant
from eventscope.nlp.model import load_model
from eventscope.nlp.parse import parse_articles
from eventscope.records import Article, Event
from eventscope.resolve.gazetteer import Gazetteer, load_gazetteer
from eventscope.resolve.organisations import Organisations, load_organisations
from eventscope.store import Store, schema

# Codes that mean "skipped on purpose", not "failed": they do not fail a run.
SKIP_CODES = frozenset({"ES110", "ES125", "ES126"})


WRITE_BATCH = 64  # articles written per store transaction
_CHUNK_BATCHES = 4  # with the relevance gate on, articles are gated this many batches at a time


@dataclass(frozen=True)
class ArticleResult:
    """One article and its events; ``gated``: turned away by the relevance gate, not parsed."""

    article: Article
    events: tuple[Event, ...]
    gated: bool = False


Outcome = ArticleResult | EventscopeError


@dataclass
class IngestReport:
    """What one ingest run did; ``failed`` lists every input that could not be read."""

    read: int = 0
    stored: int = 0
    already_stored: int = 0
    events: int = 0
    gated: int = 0  # stored without parsing: the relevance gate found no event words
    skipped: list[EventscopeError] = field(default_factory=list)
    failed: list[EventscopeError] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "read": self.read,
            "stored": self.stored,
            "already_stored": self.already_stored,
            "events": self.events,
            "gated": self.gated,
            "skipped": [str(e) for e in self.skipped],
            "failed": [str(e) for e in self.failed],
        }


def process_article(
    article: Article,
    doc: Doc,
    gazetteer: Gazetteer,
    organisations: Organisations | None = None,
    default_country: str | None = None,
) -> ArticleResult:
    """Events of one parsed article, the mentions of each real event merged into one
    (``default_country``: ISO3 of the ``country`` setting, for articles that name none)."""
    events = extract_events(article, doc, gazetteer, organisations, default_country)
    return ArticleResult(article, tuple(fold_arrests(merge_within(events))))


def retype(result: ArticleResult, classifier: Classifier | None) -> ArticleResult:
    """``result`` with each event's ACLED type and sub-type from ``classifier`` (setting
    ``classifier``); roles, places, dates, counts and evidence stay the rules'."""
    if classifier is None or not result.events:
        return result
    return replace(result, events=retype_events(result.events, result.article, classifier))


def default_country(config: Config, gazetteer: Gazetteer) -> str | None:
    """The ISO3 code the ``country`` setting names (a code or a name), None when it is empty."""
    if not config.country.strip():
        return None
    value = config.country.strip()
    country = gazetteer.country_by_code(value.upper()) or gazetteer.country(value)
    if country is None:
        raise ConfigError("ES202", "country", value=value, detail="expected an ISO3 code or a country name")
    return country.iso3


def _classifier(config: Config) -> Classifier | None:
    """The classifier the ``classifier`` setting names, loaded once per process; None when unset."""
    return load_classifier(config.classifier) if config.classifier else None


def make_article(
    text: str,
    *,
    published: dt.date | None = None,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
) -> Article:
    """An Article for text given directly (not read from a file), normalized as ingest
    normalizes every article (``normalize_text``): evidence offsets refer to ``Article.text``."""
    body = normalize_text(text)
    return Article(
        article_id=article_id(body), text=body, title=title, url=url, outlet=outlet,
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
    organisations = load_organisations(config.organisations)
    gazetteer = load_gazetteer()
    country = default_country(config, gazetteer)
    # each Doc is used before the next is asked for, as parse_articles requires
    (result,) = [
        process_article(parsed, doc, gazetteer, organisations, country)
        for parsed, doc in parse_articles(load_model(config.model), [article])
    ]
    return list(retype(result, _classifier(config)).events)


def process(articles: Iterable[Article], config: Config | None = None) -> Iterator[ArticleResult]:
    """Events of many articles, parsed in batches, in input order.

    With the ``relevance_gate`` setting on, articles with no event vocabulary
    come back unparsed, with no events and ``gated`` set. Raises the first
    article's error (ES181 wraps an unexpected one).
    """
    for outcome in process_outcomes(articles, config or Config()):
        if isinstance(outcome, EventscopeError):
            raise outcome
        yield outcome


def process_outcomes(articles: Iterable[Article], config: Config) -> Iterator[Outcome]:
    """Each article's result, or the error that stopped that article, in input order.

    This is what both a single process and each Dask worker run: one article's
    failure is its own outcome, and the others go on.
    """
    classifier = _classifier(config)
    organisations = load_organisations(config.organisations)
    nlp = load_model(config.model)
    gazetteer = load_gazetteer()
    country = default_country(config, gazetteer)
    if not config.relevance_gate:
        for article, doc in parse_articles(nlp, articles, config.batch_size):
            yield _process_one(article, doc, gazetteer, classifier, organisations, country)
        return
    # Gated articles are decided chunk by chunk, so order is kept and memory stays flat.
    for chunk in _chunks(articles, max(config.batch_size, 1) * _CHUNK_BATCHES):
        relevant = [is_relevant(article.text, article.title) for article in chunk]
        parsed = parse_articles(
            nlp, (a for a, keep in zip(chunk, relevant, strict=True) if keep), config.batch_size
        )
        for article, keep in zip(chunk, relevant, strict=True):
            if keep:
                parsed_article, doc = next(parsed)
                yield _process_one(parsed_article, doc, gazetteer, classifier, organisations, country)
            else:
                yield ArticleResult(article, (), gated=True)


def _chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _process_one(
    article: Article,
    doc: Doc,
    gazetteer: Gazetteer,
    classifier: Classifier | None = None,
    organisations: Organisations | None = None,
    country: str | None = None,
) -> Outcome:
    try:
        return retype(process_article(article, doc, gazetteer, organisations, country), classifier)
    except EventscopeError as exc:
        exc.article_id = exc.article_id or article.article_id
        return exc
    except Exception as exc:  # noqa: BLE001 - a bug on one article must not end a long run
        error = InputError(
            "ES181", article.origin or article.article_id, article_id=article.article_id,
            detail=f"{type(exc).__name__}: {exc}",
        )
        error.__cause__ = exc
        return error


def stored_ids(store: Store, ids: set[str]) -> set[str]:
    """Those of ``ids`` that are stored articles."""
    if not ids:
        return set()
    table = schema.articles
    query = sa.select(table.c.article_id).where(table.c.article_id.in_(sorted(ids)))
    try:
        with store.engine.connect() as connection:
            return {str(key) for (key,) in connection.execute(query)}
    except OperationalError as exc:
        raise ResourceError("ES303", store.url, detail=str(exc.orig or exc).splitlines()[0]) from exc


class _Writer:
    """Writes results in batches of ``WRITE_BATCH`` articles, one transaction each.

    When a batch is refused, its articles are written one by one, so the one
    at fault is reported in ``failed`` and the others are stored.
    """

    def __init__(
        self, store: Store, report: IngestReport, on_article: Callable[[IngestReport], None] | None
    ) -> None:
        self.store = store
        self.report = report
        self.on_article = on_article
        self.pending: list[ArticleResult] = []

    def tick(self) -> None:
        if self.on_article:
            self.on_article(self.report)

    def add(self, outcome: Outcome) -> None:
        if isinstance(outcome, EventscopeError):
            self.report.failed.append(outcome)
            self.tick()
            return
        self.pending.append(outcome)
        if len(self.pending) >= WRITE_BATCH:
            self.flush()

    def flush(self) -> None:
        batch, self.pending = self.pending, []
        if not batch:
            return
        saved: list[bool | None]
        try:
            saved = list(self.store.save_all([(r.article, r.events) for r in batch]))
        except StoreError:
            saved = []
            for result in batch:
                try:
                    saved.append(self.store.save(result.article, result.events))
                except EventscopeError as exc:
                    self.report.failed.append(exc)
                    saved.append(None)
        for result, new in zip(batch, saved, strict=True):
            if new:
                self.report.stored += 1
                self.report.events += len(result.events)
                self.report.gated += result.gated
            elif new is not None:
                self.report.already_stored += 1
            self.tick()


def ingest(
    paths: Sequence[str | Path],
    store: Store,
    *,
    published: dt.date | None = None,
    config: Config | None = None,
    on_article: Callable[[IngestReport], None] | None = None,
    workers: int = 0,
    scheduler: str | None = None,
) -> IngestReport:
    """Read every article under ``paths``, extract its events and store them.

    Articles already in the store are not parsed again; new ones are written
    in transactions of up to ``WRITE_BATCH`` articles, each article whole or
    not at all. Inputs that cannot be read are reported in
    ``IngestReport.failed`` (or ``skipped``) and the rest go on. ``workers``
    parses on a Dask LocalCluster of that many processes; ``scheduler``
    (``tcp://host:8786``) on an existing Dask cluster. Either way this process
    reads and writes, and the workers run ``process_article``.
    """
    config = config or Config()

    def items() -> Iterator[Article | InputError]:
        for path in paths:
            yield from read_articles(path, published=published, min_english=config.min_english)

    return ingest_items(
        items(), store, config=config, on_article=on_article, workers=workers, scheduler=scheduler
    )


def ingest_items(
    items: Iterable[Article | InputError],
    store: Store,
    *,
    config: Config | None = None,
    on_article: Callable[[IngestReport], None] | None = None,
    workers: int = 0,
    scheduler: str | None = None,
) -> IngestReport:
    """``ingest`` for articles already read (and the errors of those that could not be)."""
    config = config or Config()
    _classifier(config)  # a missing or unreadable classifier fails here, before any article
    report = IngestReport()
    run_id = store.start_run(config.as_dict())
    writer = _Writer(store, report, on_article)

    def read() -> Iterator[Article]:
        for item in items:
            if isinstance(item, InputError):
                (report.skipped if item.code in SKIP_CODES else report.failed).append(item)
                writer.tick()
                continue
            report.read += 1
            yield item

    def new_articles() -> Iterator[Article]:
        # One query per chunk of articles asks which are stored already.
        for chunk in _chunks(read(), WRITE_BATCH):
            known = stored_ids(store, {article.article_id for article in chunk})
            for article in chunk:
                if article.article_id in known:
                    report.already_stored += 1
                    writer.tick()
                else:
                    yield article

    outcomes: Iterable[Outcome]
    if workers or scheduler:
        from eventscope.distributed import dask_outcomes

        outcomes = dask_outcomes(new_articles(), config, workers=workers, scheduler=scheduler)
    else:
        outcomes = process_outcomes(new_articles(), config)
    for outcome in outcomes:
        writer.add(outcome)
    writer.flush()
    store.finish_run(run_id, report.as_dict())
    return report
