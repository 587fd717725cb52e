"""Saves, loads and applies a trained event-typing classifier.

A classifier directory holds ``manifest.json`` (format, versions, labels, what
it was trained on) and ``model.joblib``, a pickled scikit-learn pipeline.
Loading a pickle runs code from the file: only load classifiers you trained
yourself or got from someone you trust.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

from eventscope.classify.features import event_view
from eventscope.errors import ResourceError
from eventscope.records import Article, Event

FORMAT = "eventscope.classifier.v1"
MANIFEST = "manifest.json"
MODEL_FILE = "model.joblib"
LABEL_SEPARATOR = "\t"  # a label is "ACLED event type<TAB>ACLED sub-event type"


def join_label(event_type: str, sub_event_type: str) -> str:
    """The one label the classifier predicts for an ACLED type and sub-type."""
    return f"{event_type}{LABEL_SEPARATOR}{sub_event_type}"


def split_label(label: str) -> tuple[str, str]:
    """The ACLED event type and sub-type a label stands for."""
    event_type, _, sub_event_type = label.partition(LABEL_SEPARATOR)
    return event_type, sub_event_type


@dataclass(frozen=True)
class Classifier:
    """A trained pipeline from ``EventView`` lists to labels, with its manifest."""

    pipeline: Any  # a fitted sklearn.pipeline.Pipeline
    manifest: dict[str, Any] = field(default_factory=dict)

    def predict(self, events: Sequence[Event], article_text: str) -> list[tuple[str, str]]:
        """The ACLED event type and sub-type the model gives each event."""
        if not events:
            return []
        views = [event_view(event, article_text) for event in events]
        return [split_label(str(label)) for label in self.pipeline.predict(views)]


def retype_events(
    events: Sequence[Event], article: Article, classifier: Classifier
) -> tuple[Event, ...]:
    """``events`` with their ACLED type and sub-type replaced by the classifier's."""
    labels = classifier.predict(events, article.text)
    return tuple(
        replace(event, acled_event_type=event_type, acled_sub_event_type=sub_event_type)
        for event, (event_type, sub_event_type) in zip(events, labels, strict=True)
    )


def save_classifier(classifier: Classifier, directory: str | Path) -> Path:
    """Write ``classifier`` to ``directory`` (created if needed); ES322 when it cannot."""
    import joblib

    path = Path(directory)
    try:
        path.mkdir(parents=True, exist_ok=True)
        joblib.dump(classifier.pipeline, path / MODEL_FILE, compress=3)
        manifest = {**classifier.manifest, "format": FORMAT, "model_file": MODEL_FILE}
        (path / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    except OSError as exc:
        raise ResourceError("ES322", str(path), detail=exc.strerror or str(exc)) from None
    return path


def _first_line(exc: BaseException) -> str:
    """An exception's message cut to one line, so the error stays one line."""
    lines = str(exc).splitlines()
    return lines[0] if lines else ""


@cache
def load_classifier(directory: str) -> Classifier:
    """The classifier saved in ``directory``, loaded once per process (ES320, ES321).

    This unpickles ``model.joblib``, which runs code: load only your own models.
    """
    path = Path(directory)
    if not (path / MANIFEST).is_file() or not (path / MODEL_FILE).is_file():
        missing = MANIFEST if not (path / MANIFEST).is_file() else MODEL_FILE
        raise ResourceError("ES320", directory, detail=f"{missing} not found")
    try:
        manifest = json.loads((path / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ResourceError("ES321", directory, detail=f"{MANIFEST}: {_first_line(exc)}") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        found = manifest.get("format") if isinstance(manifest, dict) else None
        raise ResourceError("ES321", directory, detail=f"format {found!r}, expected {FORMAT!r}")
    import joblib

    try:
        pipeline = joblib.load(path / MODEL_FILE)
    except Exception as exc:  # noqa: BLE001 - unpickling can fail in any way; name it, one line
        raise ResourceError(
            "ES321", directory, detail=f"{MODEL_FILE}: {type(exc).__name__}: {_first_line(exc)}"
        ) from None
    if not callable(getattr(pipeline, "predict", None)):
        raise ResourceError("ES321", directory, detail=f"{MODEL_FILE} holds no predictor")
    return Classifier(pipeline, manifest)
