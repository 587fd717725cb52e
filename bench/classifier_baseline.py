"""The trained typing against the rules alone and against a plain text baseline.

    python bench/classifier_baseline.py GOLD.jsonl [--train-share 80] [--cache /tmp/rules.pkl]
        [--splits DIR] [--save-model DIR] [--json]

Cases are split by a hash of their id (``--train-share`` percent to training,
the rest held back). The rules run once over every case (``--cache`` keeps
their events in a pickle, so a second run skips parsing). Then, on the
held-back cases, ACLED type and sub-type accuracy as ``eventscope evaluate``
scores them (``EventScorer``) for:

1. rules: the crosswalk of the rules' PLOVER type and mode;
2. rules + classifier: the same events re-typed by a classifier trained
   (``eventscope.classify``) on the training cases;
3. baseline: TF-IDF word n-grams of the case text + logistic regression,
   trained on the same cases; each held-back gold event is scored against
   the prediction for its case text, as if detection were perfect (which
   favours the baseline).

Then the same three on only the held-back gold events the rules detected
(paired with a system event by place, date and order, as training pairs
them): typing quality with detection set aside.

``--splits DIR`` writes ``train.jsonl`` and ``test.jsonl`` (to re-run the
same split through ``eventscope train`` and ``eventscope evaluate
--classifier``); ``--save-model DIR`` saves the trained classifier. Never
commit either when the gold is ACLED's: its terms forbid redistribution.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from eventscope.classify.model import retype_events, save_classifier, split_label
from eventscope.classify.train import fit_classifier, pair_for_training, run_rules, training_set
from eventscope.evaluate import EventScorer, GoldCase, GoldEvent, read_gold
from eventscope.records import Article, Event

Results = dict[str, tuple[Article, tuple[Event, ...]]]


def in_training(case_id: str, share: int) -> bool:
    """Whether a case goes to training: a stable hash of its id, ``share`` percent."""
    return int(hashlib.sha1(case_id.encode("utf-8")).hexdigest(), 16) % 100 < share


def rules_results(cases: Sequence[GoldCase], cache: Path | None) -> Results:
    if cache is not None and cache.is_file():
        with cache.open("rb") as handle:
            cached: Results = pickle.load(handle)  # our own cache file: unpickling runs code
        if all(case.id in cached for case in cases):
            return cached
    results = {case.id: (article, events) for case, article, events in run_rules(cases)}
    if cache is not None:
        with cache.open("wb") as handle:
            pickle.dump(results, handle)
    return results


def accuracy(report_metrics: dict[str, float | int | None]) -> tuple[float, float]:
    return (float(report_metrics["acled_type_accuracy"] or 0.0),
            float(report_metrics["acled_subtype_accuracy"] or 0.0))


def baseline(train: Sequence[GoldCase], test: Sequence[GoldCase]) -> dict[str, str]:
    """TF-IDF of the case text + logistic regression: the label it predicts for each test case."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    texts, labels = [], []
    for case in train:
        for event in case.events:
            if event.acled_event_type and event.acled_sub_event_type:
                texts.append(case.text)
                labels.append(f"{event.acled_event_type}\t{event.acled_sub_event_type}")
    model = make_pipeline(
        TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True),
        LogisticRegression(max_iter=2000, C=10.0),
    )
    model.fit(texts, labels)
    return dict(zip([c.id for c in test], map(str, model.predict([c.text for c in test])), strict=True))


def label_accuracy(
    pairs: Sequence[tuple[GoldEvent, tuple[str | None, str | None]]],
) -> tuple[float, float]:
    """Share of gold events whose (type, sub-type) guess has the right type, and sub-type."""
    if not pairs:
        return 0.0, 0.0
    type_ok = sum(gold.acled_event_type == guess[0] for gold, guess in pairs)
    sub_ok = sum(
        gold.acled_event_type == guess[0] and gold.acled_sub_event_type == guess[1]
        for gold, guess in pairs
    )
    return type_ok / len(pairs), sub_ok / len(pairs)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("--train-share", type=int, default=80)
    parser.add_argument("--cache", type=Path)
    parser.add_argument("--splits", type=Path)
    parser.add_argument("--save-model", type=Path)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    cases = list(read_gold(args.gold))
    train = [c for c in cases if in_training(c.id, args.train_share)]
    test = [c for c in cases if not in_training(c.id, args.train_share)]
    if args.splits:
        args.splits.mkdir(parents=True, exist_ok=True)
        lines = {c.id: line for c, line in zip(cases, args.gold.read_text("utf-8").splitlines(), strict=True)}
        for name, part in (("train", train), ("test", test)):
            text = "".join(lines[c.id] + "\n" for c in part)
            (args.splits / f"{name}.jsonl").write_text(text, encoding="utf-8")

    started = time.perf_counter()
    results = rules_results(cases, args.cache)
    rules_seconds = time.perf_counter() - started

    started = time.perf_counter()
    data = training_set((c, *results[c.id]) for c in train)
    classifier = fit_classifier(data, source=str(args.gold))
    fit_seconds = time.perf_counter() - started
    if args.save_model:
        save_classifier(classifier, args.save_model)

    started = time.perf_counter()
    predicted = baseline(train, test)
    base_seconds = time.perf_counter() - started

    rules_scorer, trained_scorer = EventScorer(), EventScorer()
    every: dict[str, list[tuple[GoldEvent, tuple[str | None, str | None]]]] = {
        "baseline": [], "rules (detected)": [], "rules+classifier (detected)": [],
        "baseline (detected)": [],
    }
    for case in test:
        article, events = results[case.id]
        retyped = retype_events(events, article, classifier)
        rules_scorer.add(case, events)
        trained_scorer.add(case, retyped)
        gold = [e for e in case.events if e.acled_event_type]
        guess = split_label(predicted[case.id])
        every["baseline"] += [(g, guess) for g in gold]
        for i, j in pair_for_training(gold, events):
            every["rules (detected)"].append(
                (gold[i], (events[j].acled_event_type, events[j].acled_sub_event_type)))
            every["rules+classifier (detected)"].append(
                (gold[i], (retyped[j].acled_event_type, retyped[j].acled_sub_event_type)))
            every["baseline (detected)"].append((gold[i], guess))
    rules = accuracy(rules_scorer.report().as_json())
    trained = accuracy(trained_scorer.report().as_json())
    base_type, base_sub = label_accuracy(every["baseline"])
    gold_events = len(every["baseline"])
    detected = len(every["rules (detected)"])

    table = {
        "train_cases": len(train), "test_cases": len(test), "test_gold_events": gold_events,
        "training_examples": len(data.labels), "unpaired_training_gold": data.unpaired_gold,
        "rules": {"acled_type_accuracy": rules[0], "acled_subtype_accuracy": rules[1]},
        "rules+classifier": {"acled_type_accuracy": trained[0], "acled_subtype_accuracy": trained[1]},
        "baseline": {"acled_type_accuracy": base_type, "acled_subtype_accuracy": base_sub},
        "detected_gold_events": detected,
        **{
            name: dict(zip(("acled_type_accuracy", "acled_subtype_accuracy"), label_accuracy(pairs),
                           strict=True))
            for name, pairs in every.items() if "detected" in name
        },
        "seconds": {"rules": round(rules_seconds, 1), "fit": round(fit_seconds, 1),
                    "baseline_fit": round(base_seconds, 1)},
    }
    if args.json:
        sys.stdout.write(json.dumps(table) + "\n")
        return 0
    print(f"{len(train)} training cases ({len(data.labels)} paired events), "
          f"{len(test)} held back ({gold_events} gold events)")
    print("every held-back gold event (a missed one counts as wrong; the baseline misses none):")
    print(f"{'':20} {'ACLED type':>11} {'sub-type':>9}")
    for name in ("rules", "rules+classifier", "baseline"):
        row = table[name]
        assert isinstance(row, dict)
        print(f"{name:20} {row['acled_type_accuracy']:11.3f} {row['acled_subtype_accuracy']:9.3f}")
    print(f"only the {detected} held-back gold events the rules detected (typing alone):")
    for name in ("rules (detected)", "rules+classifier (detected)", "baseline (detected)"):
        row = table[name]
        assert isinstance(row, dict)
        print(f"{name:30} {row['acled_type_accuracy']:11.3f} {row['acled_subtype_accuracy']:9.3f}")
    print(f"seconds: rules {rules_seconds:.0f}, classifier fit {fit_seconds:.0f}, baseline {base_seconds:.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
