"""The REST API's request and response bodies: pydantic at the edge, dataclasses inside.

``EventRow`` is built from ``table.COLUMNS`` so the API's flat event has the
same fields, names and types as CSV, Parquet and the SQL table.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, create_model

from eventscope.table import COLUMNS

if TYPE_CHECKING:
    EventRow = BaseModel
else:
    EventRow = create_model(
        "EventRow",
        __doc__="One event as a flat row: the columns of CSV, Parquet and the store's events table.",
        **{name: (kind | None, None) for name, kind in COLUMNS.items()},
    )


class ArticleIn(BaseModel):
    """An article to ingest. Unknown fields are refused so a misspelt one is not lost."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description="The body text.")
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: dt.date | None = Field(
        None, description="Publication date; relative dates ('on Thursday') are read against it."
    )


class ArticlesIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    articles: list[ArticleIn] = Field(min_length=1)


class IngestedArticle(BaseModel):
    article_id: str
    stored: bool = Field(description="False when the article was already stored (nothing changed).")
    events: list[EventRow]


class IngestOut(BaseModel):
    stored: int
    already_stored: int
    articles: list[IngestedArticle]


class EventPageOut(BaseModel):
    total: int = Field(description="Events matching the filters, over all pages.")
    next_cursor: str | None = Field(description="Pass as ?cursor= for the next page; null on the last.")
    events: list[EventRow]


class EvidenceOut(BaseModel):
    field: str = Field(description="Which value this supports: trigger, actor1, location, killed[0]...")
    article_id: str
    sentence_index: int
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    text: str


class SourceOut(BaseModel):
    article_id: str
    outlet: str | None
    url: str | None
    published: dt.date | None
    title: str | None = None


class EventDetailOut(BaseModel):
    row: EventRow
    record: dict[str, Any] = Field(
        description="The full event record, every value with its evidence, plus `figures` (each "
        "count's ACLED single figure) and `disagreements` (fields whose sources conflict)."
    )
    evidence: list[EvidenceOut]
    sources: list[SourceOut]


class SpanOut(BaseModel):
    event_id: str
    event_type: str
    field: str
    start: int
    end: int


class ArticleOut(BaseModel):
    article_id: str
    title: str | None
    text: str
    url: str | None
    outlet: str | None
    published: dt.date | None
    language: str | None
    spans: list[SpanOut] = Field(description="Evidence spans in text order, for highlighting.")


class ActorOut(BaseModel):
    name: str
    kind: str | None
    country: str | None
    events: int
    as_actor1: int
    as_actor2: int


class BucketOut(BaseModel):
    start: dt.date
    total: int
    counts: dict[str, int]


class StatsOut(BaseModel):
    total: int
    undated: int
    killed: int
    by_type: dict[str, int]
    by_country: dict[str, int]
    granularity: Literal["day", "week", "month"]
    timeline: list[BucketOut]


class PointOut(BaseModel):
    event_id: str
    lat: float
    lon: float
    type: str
    precision: int | None
    killed: int | None
    date: dt.date | None
    name: str | None


class CellOut(BaseModel):
    lat: float
    lon: float
    count: int
    killed: int
    south: float
    west: float
    north: float
    east: float


class MapOut(BaseModel):
    kind: Literal["points", "cells"]
    located: int = Field(description="Located events matching the filters.")
    points: list[PointOut]
    cells: list[CellOut]


class HealthOut(BaseModel):
    status: Literal["ok"]
    version: str
    store: str
    events: int


class ErrorOut(BaseModel):
    detail: str
