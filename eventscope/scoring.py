"""Runs the pipeline over a gold file and scores what it finds (see evaluate.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

from eventscope.config import Config
from eventscope.evaluate import (
    EventReport,
    EventScorer,
    GoldCase,
    PlaceCase,
    PlaceReport,
    PlaceScorer,
    case_publication_date,
    read_gold,
    read_place_gold,
)
from eventscope.extract.toponyms import extract_toponyms
from eventscope.nlp.model import load_model
from eventscope.nlp.parse import parse_articles
from eventscope.pipeline import make_article, process
from eventscope.records import Article
from eventscope.resolve.gazetteer import load_gazetteer


def _limited(cases: Iterator[GoldCase], limit: int | None) -> Iterator[GoldCase]:
    for index, case in enumerate(cases):
        if limit is not None and index >= limit:
            return
        yield case


def evaluate_events(
    path: str | Path,
    *,
    config: Config | None = None,
    limit: int | None = None,
    on_case: Callable[[int], None] | None = None,
) -> EventReport:
    """Extract events from every case of a gold file and score them."""
    scorer = EventScorer()
    cases: dict[str, GoldCase] = {}

    def articles() -> Iterator[Article]:
        for case in _limited(read_gold(path), limit):
            article = make_article(case.text, published=case_publication_date(case))
            cases[case.id] = case
            yield replace(article, article_id=case.id)

    for done, result in enumerate(process(articles(), config), start=1):
        scorer.add(cases.pop(result.article.article_id), result.events)
        if on_case:
            on_case(done)
    return scorer.report()


def evaluate_places(
    path: str | Path,
    *,
    config: Config | None = None,
    limit: int | None = None,
    on_case: Callable[[int], None] | None = None,
) -> PlaceReport:
    """Find and resolve every toponym in each case of a place gold file and score them."""
    config = config or Config()
    scorer = PlaceScorer()
    cases: dict[str, PlaceCase] = {}
    gazetteer = load_gazetteer()

    def articles() -> Iterator[Article]:
        for index, case in enumerate(read_place_gold(path)):
            if limit is not None and index >= limit:
                return
            cases[case.id] = case
            yield Article(article_id=case.id, text=case.text)

    nlp = load_model(config.model)
    for done, (article, doc) in enumerate(parse_articles(nlp, articles(), config.batch_size), 1):
        places = extract_toponyms(article, doc, gazetteer)
        scorer.add(cases.pop(article.article_id), places)
        if on_case:
            on_case(done)
    return scorer.report()
