"""Turns an extracted event and the text around it into the classifier's inputs.

Pure: an ``EventView`` is built from an ``Event`` and its article text, and the
selectors below (module-level functions, so a saved model can name them) pick
one input each for the scikit-learn pipeline.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from eventscope.records import Event


@dataclass(frozen=True)
class EventView:
    """What the classifier sees of one event: its words and what the rules decided."""

    sentence: str
    case_text: str
    symbols: tuple[str, ...]


def _lowest(event: Event, field: str) -> int:
    quantities = getattr(event, field)
    values = [q.min for q in quantities if q.min is not None]
    return min(values) if values else 0


def event_view(event: Event, article_text: str) -> EventView:
    """The classifier's view of ``event`` as the rules extracted it from ``article_text``."""
    symbols = [
        f"trigger={event.trigger.text.lower()}",
        f"rule_type={event.type.value}",
        f"rule_mode={event.mode}",
        f"rule_acled={event.acled_event_type}",
        f"rule_sub={event.acled_sub_event_type}",
        f"actor1_kind={event.actor1.kind.value if event.actor1 and event.actor1.kind else None}",
        f"actor2_kind={event.actor2.kind.value if event.actor2 and event.actor2.kind else None}",
        f"killed={_lowest(event, 'killed') > 0}",
        f"injured={_lowest(event, 'injured') > 0}",
        f"arrested={_lowest(event, 'arrested') > 0}",
        f"aggregate={event.is_aggregate}",
        f"certainty={event.attribution.certainty.value if event.attribution else None}",
    ]
    return EventView(event.evidence.text, article_text, tuple(symbols))


def sentences(views: Sequence[EventView]) -> list[str]:
    """The reporting sentence of each event."""
    return [view.sentence for view in views]


def case_texts(views: Sequence[EventView]) -> list[str]:
    """The whole text each event was read from."""
    return [view.case_text for view in views]


def symbols(views: Sequence[EventView]) -> list[dict[str, float]]:
    """The rules' decisions about each event, as one-hot features."""
    return [dict.fromkeys(view.symbols, 1.0) for view in views]
