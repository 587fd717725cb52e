"""Parsing many articles leaves the model's vocabulary as it found it (spaCy memory zones)."""

from __future__ import annotations

import datetime as dt

import pytest

import eventscope as es
import eventscope.nlp.parse
from eventscope.config import Config
from eventscope.nlp.model import load_model

# Invented surnames: words the model's vocabulary cannot hold before these tests.
NAMES = ["Quorvathis", "Belzhaniro", "Tremmuloxi", "Ondravesk", "Yaxilbrun"]


def _article(name: str) -> es.Article:
    return es.make_article(
        f"Police in Nairobi arrested an activist named {name} on Monday after a march "
        f"against fuel prices, his lawyer said.",
        published=dt.date(2024, 7, 10),
    )


def test_parsing_many_articles_adds_no_words_to_the_vocabulary_for_good(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(eventscope.nlp.parse, "ZONE_ARTICLES", 2)  # several zones
    nlp = load_model(Config().model)
    before = len(nlp.vocab.strings)
    results = list(es.process([_article(name) for name in NAMES]))
    assert [[e.type.value for e in r.events] for r in results] == [["COERCE"]] * len(NAMES)
    assert all(name in r.events[0].evidence.text for name, r in zip(NAMES, results, strict=True))
    assert len(nlp.vocab.strings) == before
    assert not any(name in nlp.vocab.strings for name in NAMES)


def test_extracting_one_text_adds_no_words_to_the_vocabulary_for_good() -> None:
    nlp = load_model(Config().model)
    before = len(nlp.vocab.strings)
    (event,) = es.extract(_article("Xendrapholt").text, published="2024-07-10")
    assert event.type.value == "COERCE" and event.location is not None and event.location.name == "Nairobi"
    assert len(nlp.vocab.strings) == before
