"""Groups linked mentions into events, the same way whatever order they arrived in.

Links are taken strongest first (ties by ids), and two groups join unless
that would put two mentions of one article in one event: an article that
tells two events apart (two attacks the same day) is believed. The result
depends only on the set of mentions and links.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from eventscope.dedup.score import PairScore


@dataclass(frozen=True)
class Link:
    """Two mentions judged to report the same event (``a`` < ``b``), and why."""

    a: str
    b: str
    score: PairScore


def clusters(article_of: Mapping[str, str], links: Iterable[Link]) -> list[list[str]]:
    """The mention ids of ``article_of`` in groups, each sorted, groups by their first id."""
    parent = {mention: mention for mention in article_of}
    articles = {mention: {article} for mention, article in article_of.items()}

    def root(mention: str) -> str:
        while parent[mention] != mention:
            parent[mention] = parent[parent[mention]]
            mention = parent[mention]
        return mention

    for link in sorted(links, key=lambda link: (-link.score.total, link.a, link.b)):
        if link.a not in parent or link.b not in parent:
            continue
        ra, rb = root(link.a), root(link.b)
        if ra == rb or articles[ra] & articles[rb]:
            continue
        keep, drop = (ra, rb) if ra < rb else (rb, ra)
        parent[drop] = keep
        articles[keep] |= articles.pop(drop)
    groups: dict[str, list[str]] = {}
    for mention in sorted(article_of):
        groups.setdefault(root(mention), []).append(mention)
    return sorted(groups.values())
