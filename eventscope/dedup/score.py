"""Decides whether two mentions from different articles report the same real event.

``candidate`` is the blocking rule: only mentions of one type family, in one
country, whose dates lie within ``DATE_WINDOW_DAYS`` of each other and whose
places lie within ``RADIUS_KM`` are compared at all. ``score_pair`` then
scores seven kinds of evidence, each in [-1, 1] (1 agrees, 0 says nothing,
-1 contradicts), and sums them with ``WEIGHTS``; the two are the same event
when the sum reaches ``THRESHOLD``.

The weights and the threshold were tuned on the hand-labelled pairs in
``tests/fixtures/dedup_pairs.csv`` (see ``tests/test_dedup_pairs.py``, which
reports precision and recall). What drives the decision:

- two explicit dates one day apart contradict (daily protests in one square);
  two or more days apart they veto;
- counts that cannot be the same toll (3 killed against 12) contradict, and a
  rising toll (3, then 5) does not;
- actors of different kinds contradict, the same actor agrees;
- the details of the reporting sentences (``signature.detail_words``: what
  is left after generic event words, places and actors) separate two strikes
  in one city on one day (a market, a substation); a report told as one more
  of its kind ("a second strike", "protesters returned") counts against
  unless its details agree. Actor names are compared with rapidfuzz.

On the 195 labelled pairs (73 same) this gives precision 0.90 and recall
0.90 at ``THRESHOLD``, steady from 0.38 to 0.42. The pairs were also what the
weights were chosen on (a small grid); on 92 pairs written later and never
used for tuning (``tests/fixtures/dedup_pairs_heldout.csv``, 38 same) it gives
precision 0.85 and recall 0.87.

At scale most candidate pairs in a busy place are two events: ``link_score``
gives the same verdict as ``score_pair`` but stops after the first parts that
already rule the pair out.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from rapidfuzz import fuzz

from eventscope.dedup.signature import Signature

DATE_WINDOW_DAYS = 2  # dates further apart than this are never the same event
MAX_SPAN_DAYS = 31  # a mention dated only to a range longer than this is not merged
RADIUS_KM = 50.0  # places further apart than this are never the same event
WEIGHTS = {
    "type": 0.10,
    "date": 0.20,
    "place": 0.15,
    "actors": 0.15,
    "counts": 0.20,
    "mode": 0.05,
    "text": 0.30,
}
THRESHOLD = 0.40
_MAX_TOTAL = sum(WEIGHTS.values())
EARTH_KM = 6371.0
MIN_DETAILS = 2  # fewer detail words than this say nothing
TEXT_MISS = -0.3  # no detail in common: weak evidence of two events (reporters word things apart)


@dataclass(frozen=True, slots=True)
class PairScore:
    """The evidence that two mentions report the same event, and the verdict."""

    type: float
    date: float
    place: float
    actors: float
    counts: float
    mode: float
    text: float
    total: float

    @property
    def same(self) -> bool:
        return self.total >= THRESHOLD

    def as_dict(self) -> dict[str, float]:
        return {
            "type": self.type, "date": self.date, "place": self.place, "actors": self.actors,
            "counts": self.counts, "mode": self.mode, "text": self.text, "total": self.total,
        }


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def located(s: Signature) -> bool:
    """Whether a mention has a place more precise than its region."""
    return s.lat is not None and s.lon is not None and s.precision < 3


def day_gap(a: Signature, b: Signature) -> int:
    """Days between the two date ranges (0 when they overlap)."""
    assert a.day is not None and a.day_end is not None and b.day is not None and b.day_end is not None
    return max(0, a.day - b.day_end, b.day - a.day_end)


def mergeable(s: Signature) -> bool:
    """Whether a mention may be merged with another article's at all."""
    return (
        not s.aggregate
        and s.country is not None
        and s.day is not None
        and s.day_end is not None
        and s.day_end - s.day <= MAX_SPAN_DAYS
    )


def candidate(a: Signature, b: Signature) -> bool:
    """The blocking rule: whether two mentions are worth scoring (symmetric)."""
    if a.article_id == b.article_id or a.family != b.family or a.country != b.country:
        return False
    if not (mergeable(a) and mergeable(b)) or day_gap(a, b) > DATE_WINDOW_DAYS:
        return False
    if located(a) and located(b):
        assert a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None
        return distance_km(a.lat, a.lon, b.lat, b.lon) <= RADIUS_KM
    return True


def _date(a: Signature, b: Signature) -> float:
    """Dates of the event itself must agree; a publication date only bounds it.

    An event dated only by its report's publication date happened that day or
    the day before, so another report's own date must fall in that span.
    """
    if a.date_weak and b.date_weak:
        return (0.3, 0.1, -0.3)[min(day_gap(a, b), 2)]
    if a.date_weak or b.date_weak:
        weak, strong = (a, b) if a.date_weak else (b, a)
        assert weak.day is not None and strong.day is not None and strong.day_end is not None
        return 0.3 if weak.day - 1 <= strong.day_end and strong.day <= weak.day else -1.0
    gap = day_gap(a, b)
    if a.date_precision == b.date_precision == "day":
        return (1.0, -1.0)[min(gap, 1)]
    return 0.3 if gap == 0 else -1.0


def _place(a: Signature, b: Signature) -> float:
    if a.geonameid is not None and a.geonameid == b.geonameid and a.precision == b.precision:
        return 1.0
    if not (located(a) and located(b)):
        return 0.2 if a.admin1 is not None and a.admin1 == b.admin1 else 0.0
    assert a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None
    km = distance_km(a.lat, a.lon, b.lat, b.lon)
    if km <= 2:
        return 1.0
    if km <= 10:
        return 0.6
    return 0.2 if km <= 25 else -0.3


def _actor(name_a: str | None, kind_a: str | None, name_b: str | None, kind_b: str | None) -> float | None:
    if name_a is None or name_b is None:
        return None
    if name_a == name_b or fuzz.token_set_ratio(name_a, name_b) >= 90:
        return 1.0
    if kind_a is not None and kind_a == kind_b:
        return 0.3
    return -1.0


def _actors(a: Signature, b: Signature) -> float:
    parts = [
        p for p in (
            _actor(a.actor1, a.actor1_kind, b.actor1, b.actor1_kind),
            _actor(a.actor2, a.actor2_kind, b.actor2, b.actor2_kind),
        ) if p is not None
    ]
    return sum(parts) / 2 if parts else 0.0


def _count(x: tuple[int, int] | None, y: tuple[int, int] | None) -> float | None:
    if x is None or y is None:
        return None
    (xl, xh), (yl, yh) = x, y
    xh = xh if xh >= 0 else max(xl, yl, yh) * 2 + 10
    yh = yh if yh >= 0 else max(yl, xl, xh) * 2 + 10
    if xl <= yh and yl <= xh:
        return 1.0
    low, high = (xh, yl) if xh < yl else (yh, xl)
    if high <= 3 or low >= 0.5 * high:
        return 0.3  # close enough for two first counts
    return -1.0


def _counts(a: Signature, b: Signature) -> float:
    if (a.killed is None or b.killed is None) and (a.injured is None or b.injured is None) and (
        a.arrested is None or b.arrested is None
    ):
        return 0.0  # no count reported by both
    parts = [
        p for p in (_count(a.killed, b.killed), _count(a.injured, b.injured), _count(a.arrested, b.arrested))
        if p is not None
    ]
    if not parts:
        return 0.0
    worst = min(parts)
    if worst < 0 and _rose(a, b):
        return 0.0  # a later report with a higher toll: news coming in, not another event
    return worst


def _rose(a: Signature, b: Signature) -> bool:
    """Whether the later-published report gives the higher counts."""
    if a.published is None or b.published is None or a.published == b.published:
        return False
    early, late = (a, b) if a.published < b.published else (b, a)
    pairs = [(early.killed, late.killed), (early.injured, late.injured), (early.arrested, late.arrested)]
    return all(x is None or y is None or y[0] >= x[0] for x, y in pairs)


def _mode(a: Signature, b: Signature) -> float:
    if a.mode is None or b.mode is None:
        return 0.0
    return 1.0 if a.mode == b.mode else -0.5


def _text(a: Signature, b: Signature) -> float:
    """Do the reports share the details that tell one event from another?"""
    x, y = a.words, b.words
    if len(x) < MIN_DETAILS or len(y) < MIN_DETAILS:
        shared = None
    else:
        shared = len(x & y) / min(len(x), len(y))
    if a.sequel or b.sequel:  # "a second strike", "protesters returned": one more, unless the details agree
        return 0.0 if shared is not None and shared >= 0.3 else -1.0
    if shared is None:
        return 0.0
    if shared >= 0.3:
        return 1.0
    return 0.0 if shared > 0 else TEXT_MISS


def _type(a: Signature, b: Signature) -> float:
    return 1.0 if a.type == b.type else -1.0


def _vetoed(a: Signature, b: Signature) -> bool:
    """Two explicit dates two or more days apart: never one event."""
    return not (a.date_weak or b.date_weak) and day_gap(a, b) >= 2


# The parts in the order ``link_score`` takes them: cheap and telling first, actors (rapidfuzz) last.
_PARTS = (
    ("type", _type), ("date", _date), ("text", _text), ("mode", _mode), ("counts", _counts),
    ("place", _place), ("actors", _actors),
)
_ORDER = ("type", "date", "place", "actors", "counts", "mode", "text")  # how the total is summed
_SLACK = 1e-4  # the total is rounded to 4 places before it meets THRESHOLD


def _scored(a: Signature, b: Signature, cutoff: float) -> PairScore | None:
    """The pair's score, or ``None`` as soon as it cannot reach ``cutoff``.

    The parts are taken one by one, a part not yet known counting as full
    agreement, so the pair is dropped once even that bound falls short.
    """
    if _vetoed(a, b) and cutoff > -1.0:
        return None
    parts: dict[str, float] = {}
    bound = _MAX_TOTAL
    for name, part in _PARTS:
        parts[name] = value = part(a, b)
        bound -= WEIGHTS[name] * (1.0 - value)
        if bound < cutoff - _SLACK:
            return None
    total = sum(WEIGHTS[name] * parts[name] for name in _ORDER)
    if _vetoed(a, b):
        total = min(total, -1.0)  # two explicit dates this far apart: never one event
    return PairScore(total=round(total, 4), **{name: round(parts[name], 4) for name in _ORDER})


def score_pair(a: Signature, b: Signature) -> PairScore:
    """How strongly two candidate mentions (see ``candidate``) look like one event."""
    score = _scored(a, b, -math.inf)
    assert score is not None
    return score


def link_score(a: Signature, b: Signature) -> PairScore | None:
    """``score_pair(a, b)`` when it says the same event, else ``None``, found cheaply.

    Most candidate pairs in a busy place are two events; this drops them after
    the few parts that already rule them out, without building a score.
    """
    score = _scored(a, b, THRESHOLD)
    return score if score is not None and score.same else None
