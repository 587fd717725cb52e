"""One real event, one row: the merge of event reports within and across articles.

Within an article (``within.merge_within``, run by ``pipeline.process_article``)
mentions of one event become one event with all their evidence. Across
articles the store keeps each article's events as *mentions* and links two
mentions when ``score.score_pair`` says they report the same event
(``score.candidate`` blocks the pairs worth scoring); ``cluster.clusters``
groups linked mentions and ``combine.combine`` builds each group's event.
Every step is a pure function of the mentions, so the events do not depend on
the order articles arrive in.
"""

from eventscope.dedup.cluster import Link, clusters
from eventscope.dedup.combine import canonical_event, combine
from eventscope.dedup.score import PairScore, candidate, score_pair
from eventscope.dedup.signature import Signature, signature
from eventscope.dedup.within import merge_within

__all__ = [
    "Link",
    "PairScore",
    "Signature",
    "candidate",
    "canonical_event",
    "clusters",
    "combine",
    "merge_within",
    "score_pair",
    "signature",
]
