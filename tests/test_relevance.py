"""The relevance gate passes every article that reports an event and skips plain news."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import eventscope as es
from eventscope.ingest.relevance import is_relevant, relevance_term
from eventscope.pipeline import ingest_items

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = sorted((ROOT / "tests" / "articles").glob("*.txt"))


def _body(path: Path) -> tuple[str, str]:
    title, _, body = path.read_text(encoding="utf-8").partition("\n-----\n")
    return title.splitlines()[0], body


def _expects_events(path: Path) -> bool:
    expected = path.with_suffix(".expected.json")
    return expected.exists() and bool(json.loads(expected.read_text(encoding="utf-8")))


@pytest.mark.parametrize("path", [p for p in FIXTURES if _expects_events(p)], ids=lambda p: p.stem)
def test_every_fixture_with_events_passes_the_gate(path: Path) -> None:
    title, body = _body(path)
    assert is_relevant(body, title), path.name


@pytest.mark.parametrize(
    "text",
    [
        "Temperatures will reach 38 degrees on Friday, according to the weather service.",
        "The museum reopened after a two-year restoration, with a concert for 400 guests.",
        "Rovers drew 1-1 with United at home; the goalkeeper made three fine saves.",
        "The company reported a 12% rise in quarterly profit and raised its forecast.",
    ],
)
def test_plain_news_is_gated(text: str) -> None:
    assert relevance_term(text) is None


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Police detained 14 students outside the ministry.", "detain"),
        ("The two sides signed peace accords in Nairobi.", "accords"),
        ("Thousands rallied in the capital on Sunday.", "rallied"),
        ("The opposition rejected the results.", "opposition + reject"),
    ],
)
def test_event_words_name_why_an_article_passes(text: str, term: str) -> None:
    assert relevance_term(text) == term


def test_a_word_inside_another_does_not_pass() -> None:
    assert relevance_term("According to the deadline, the reward was a quarterly dividend.") is None


def test_the_title_alone_can_pass_an_article() -> None:
    assert is_relevant("Details were not given.", title="Gunmen attack village")


ARTICLES = [
    es.make_article("Police arrested 12 protesters in Lagos on Monday."),
    es.make_article("Rain is expected across the north of the country on Tuesday."),
]


def test_gated_articles_are_stored_without_events_and_not_read_again(sqlite_url: str) -> None:
    gated = es.Config(db=sqlite_url, relevance_gate=True)
    results = list(es.process(ARTICLES, gated))
    assert [r.gated for r in results] == [False, True]
    assert results[0].events and results[1].events == ()
    with es.open_store(sqlite_url) as store:
        report = ingest_items(iter(ARTICLES), store, config=gated)
        assert (report.stored, report.gated) == (2, 1)
        assert store.get_article(ARTICLES[1].article_id) is not None
        again = ingest_items(iter(ARTICLES), store, config=gated)
        assert (again.stored, again.already_stored) == (0, 2)


def test_the_gate_changes_nothing_for_relevant_articles(sqlite_url: str) -> None:
    plain = list(es.process(ARTICLES[:1], es.Config()))
    gated = list(es.process(ARTICLES[:1], es.Config(relevance_gate=True)))
    assert plain == gated
