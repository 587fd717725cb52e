"""Builds a training set from a gold file and fits the event-typing classifier.

The rules run on every gold text as in ``eventscope evaluate``; each system
event is paired with a gold event by place, date and order (never by type, so
events the rules mistype still teach the model), and learns that gold event's
ACLED type and sub-type from the ``EventView`` of the system event.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from eventscope.classify.features import EventView, case_texts, event_view, sentences, symbols
from eventscope.classify.model import Classifier, join_label, save_classifier
from eventscope.config import Config
from eventscope.errors import InputError
from eventscope.evaluate import (
    GoldCase,
    GoldEvent,
    case_publication_date,
    date_gap,
    distance_band,
    pair_greedily,
    place_distance_km,
    read_gold,
)
from eventscope.pipeline import make_article, process
from eventscope.records import Article, Event

SMALL_SET = 2000  # below this many examples, words seen once still count


@dataclass(frozen=True)
class TrainingSet:
    """Classifier inputs and their gold labels, and how many cases they came from."""

    views: tuple[EventView, ...]
    labels: tuple[str, ...]
    cases: int
    unpaired_gold: int  # gold events with ACLED labels that no system event was paired with


@dataclass(frozen=True)
class TrainReport:
    """What ``train_classifier`` learned from and where it saved the model."""

    directory: Path
    cases: int
    examples: int
    unpaired_gold: int
    labels: dict[str, int]
    training_accuracy: float


def pair_for_training(gold: Sequence[GoldEvent], system: Sequence[Event]) -> list[tuple[int, int]]:
    """(gold index, system index) pairs, one to one, by place, then date, then order.

    Unlike ``evaluate.match_events`` the type plays no part: a mistyped
    system event is exactly what the classifier must learn to correct.
    """
    candidates: list[tuple[tuple[float, ...], int, int]] = []
    for i, gold_event in enumerate(gold):
        for j, system_event in enumerate(system):
            order = abs(i / max(len(gold), 1) - j / max(len(system), 1))
            band = distance_band(place_distance_km(gold_event, system_event))
            key = (band, min(date_gap(gold_event, system_event), 1e6), order)
            candidates.append((key, i, j))
    return pair_greedily(candidates)


def training_set(results: Iterable[tuple[GoldCase, Article, Sequence[Event]]]) -> TrainingSet:
    """The labelled examples of cases already run through the rules."""
    views: list[EventView] = []
    labels: list[str] = []
    cases = unpaired = 0
    for case, article, events in results:
        cases += 1
        gold = [e for e in case.events if e.acled_event_type and e.acled_sub_event_type]
        pairs = pair_for_training(gold, events)
        unpaired += len(gold) - len(pairs)
        for i, j in pairs:
            views.append(event_view(events[j], article.text))
            labels.append(join_label(str(gold[i].acled_event_type), str(gold[i].acled_sub_event_type)))
    return TrainingSet(tuple(views), tuple(labels), cases, unpaired)


def build_pipeline(examples: int) -> Any:
    """An unfitted scikit-learn pipeline: TF-IDF of sentence and case, the rules' decisions, a linear SVM."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import FeatureUnion, Pipeline, make_pipeline
    from sklearn.preprocessing import FunctionTransformer
    from sklearn.svm import LinearSVC

    min_df = 1 if examples < SMALL_SET else 2

    def text(selector: Callable[..., list[str]], **options: Any) -> Pipeline:
        return make_pipeline(
            FunctionTransformer(selector),
            TfidfVectorizer(min_df=min_df, sublinear_tf=True, lowercase=True, **options),
        )

    features = FeatureUnion([
        ("sentence_words", text(sentences, ngram_range=(1, 2))),
        ("sentence_chars", text(sentences, analyzer="char_wb", ngram_range=(3, 5), max_features=150_000)),
        ("case_words", text(case_texts, ngram_range=(1, 2))),
        ("rules", make_pipeline(FunctionTransformer(symbols), DictVectorizer())),
    ])
    return Pipeline([("features", features), ("svm", LinearSVC(C=0.5))])


def fit_classifier(data: TrainingSet, *, source: str = "") -> Classifier:
    """A classifier fitted on ``data``; ES145 when it has fewer than two labels to tell apart."""
    counts = Counter(data.labels)
    if len(counts) < 2:
        raise InputError(
            "ES145", source or None, examples=len(data.labels), labels=len(counts),
        )
    import sklearn

    pipeline = build_pipeline(len(data.labels))
    pipeline.fit(list(data.views), list(data.labels))
    manifest = {
        "trained_on": source,
        "trained_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "cases": data.cases,
        "examples": len(data.labels),
        "unpaired_gold": data.unpaired_gold,
        "labels": dict(sorted(counts.items())),
        "sklearn_version": sklearn.__version__,
        "predicts": ["acled_event_type", "acled_sub_event_type"],
    }
    return Classifier(pipeline, manifest)


def run_rules(
    cases: Iterable[GoldCase], config: Config | None = None
) -> Iterator[tuple[GoldCase, Article, tuple[Event, ...]]]:
    """Each gold case with the article and the events the rules (no classifier) find in it."""
    config = replace(config or Config(), classifier="")
    pending: dict[str, GoldCase] = {}

    def articles() -> Iterator[Article]:
        for case in cases:
            article = make_article(case.text, published=case_publication_date(case))
            pending[case.id] = case
            yield replace(article, article_id=case.id)

    for result in process(articles(), config):
        yield pending.pop(result.article.article_id), result.article, result.events


def train_classifier(
    gold: str | Path,
    directory: str | Path,
    *,
    config: Config | None = None,
    limit: int | None = None,
    on_case: Callable[[int], None] | None = None,
    on_fit: Callable[[int], None] | None = None,
) -> TrainReport:
    """Train the ACLED type and sub-type classifier on a gold file and save it in ``directory``."""

    def cases() -> Iterator[GoldCase]:
        for index, case in enumerate(read_gold(gold)):
            if limit is not None and index >= limit:
                return
            yield case

    def counted() -> Iterator[tuple[GoldCase, Article, tuple[Event, ...]]]:
        for done, item in enumerate(run_rules(cases(), config), start=1):
            yield item
            if on_case:
                on_case(done)

    data = training_set(counted())
    if on_fit:
        on_fit(len(data.labels))
    classifier = fit_classifier(data, source=str(gold))
    predicted = classifier.pipeline.predict(list(data.views))
    correct = sum(p == g for p, g in zip(predicted, data.labels, strict=True))
    path = save_classifier(classifier, directory)
    return TrainReport(
        directory=path,
        cases=data.cases,
        examples=len(data.labels),
        unpaired_gold=data.unpaired_gold,
        labels=dict(Counter(data.labels)),
        training_accuracy=correct / len(data.labels),
    )
