"""The hand-labelled mention pairs of tests/fixtures/dedup_pairs.csv (tuned on) and
dedup_pairs_heldout.csv (held out), read as events.

Each row is one article's report of an event (invented for these tests). Rows
of one ``scenario`` happen in one place and week; two rows report the same
real event when their ``event`` letters match. Every two rows of a scenario
make one labelled pair: same or different.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
from itertools import combinations
from pathlib import Path

from eventscope.records import (
    Actor,
    ActorKind,
    Attribution,
    Certainty,
    DateDerivation,
    DatePrecision,
    Event,
    EventDate,
    EventType,
    Evidence,
    GeoPrecision,
    Place,
    Quantity,
    Source,
)

PAIRS_FILE = Path(__file__).parent / "fixtures" / "dedup_pairs.csv"  # the weights were tuned on these
# Written later, never used to choose weights or thresholds: the honest measure.
HELDOUT_FILE = Path(__file__).parent / "fixtures" / "dedup_pairs_heldout.csv"


def _id(*parts: str) -> str:
    return hashlib.sha256("/".join(parts).encode()).hexdigest()[:16]


def _actor(cell: str, evidence: Evidence) -> Actor | None:
    if not cell:
        return None
    name, kind = cell.rsplit(":", 1)
    return Actor(name=name, mention=name, kind=ActorKind(kind), evidence=evidence)


def _count(cell: str, evidence: Evidence, attribution: Attribution) -> tuple[Quantity, ...]:
    if not cell:
        return ()
    low, _, high = cell.partition("-")
    top = int(low) if not _ else (int(high) if high else None)
    return (Quantity(min=int(low), max=top, mention=cell, attribution=attribution, evidence=evidence),)


def row_event(row: dict[str, str], index: int) -> Event:
    """One row as the event its article would yield."""
    article_id = _id("article", row["scenario"], str(index))
    sentence = row["sentence"]
    whole = Evidence(article_id, 0, 0, len(sentence), 0, len(sentence), sentence)
    published = dt.date.fromisoformat(row["published"])
    day = dt.date.fromisoformat(row["date"])
    weak = row["weak"] == "1"
    attribution = Attribution(Certainty.REPORTED, speaker=row["outlet"], outlet=row["outlet"])
    return Event(
        event_id=_id("mention", row["scenario"], str(index)),
        type=EventType(row["type"]),
        trigger=whole,
        evidence=whole,
        mode=row["mode"] or None,
        actor1=_actor(row["actor1"], whole),
        actor2=_actor(row["actor2"], whole),
        location=Place(
            mention=row["place"], name=row["place"], lat=float(row["lat"]), lon=float(row["lon"]),
            country=row["country"], admin1=row["admin1"], precision=GeoPrecision(int(row["precision"])),
            evidence=whole,
        ),
        date=EventDate(
            day, day, DatePrecision.DAY,
            DateDerivation.PUBLICATION_FALLBACK if weak else DateDerivation.RELATIVE_TO_PUBLICATION,
        ),
        killed=_count(row["killed"], whole, attribution),
        injured=_count(row["injured"], whole, attribution),
        arrested=_count(row["arrested"], whole, attribution),
        attribution=attribution,
        sources=(Source(article_id, row["outlet"], f"https://example.org/{article_id}", published),),
        confidence=0.7,
    )


def labelled_rows(path: Path = PAIRS_FILE) -> list[tuple[str, str, Event]]:
    """(scenario, event letter, event) for every row of the file."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [(row["scenario"], row["event"], row_event(row, i)) for i, row in enumerate(rows)]


def labelled_pairs(path: Path = PAIRS_FILE) -> list[tuple[Event, Event, bool]]:
    """Every two rows of one scenario, and whether they report the same event."""
    by_scenario: dict[str, list[tuple[str, Event]]] = {}
    for scenario, letter, event in labelled_rows(path):
        by_scenario.setdefault(scenario, []).append((letter, event))
    return [
        (x, y, lx == ly)
        for rows in by_scenario.values()
        for (lx, x), (ly, y) in combinations(rows, 2)
    ]
