"""Writes events to CSV, JSON Lines, GeoJSON, Parquet, ACLED, PLOVER or CAMEO files, streaming.

CSV, GeoJSON and Parquet carry the flat row of ``table.event_row`` (columns in
``table.COLUMNS`` order); JSON Lines carries each full record with its evidence,
as ``serialize.to_jsonable`` makes it, plus ``figures`` (each count's single
ACLED-style figure, the lowest credible value) and ``disagreements`` (the
fields whose reports conflict, ``eventscope.disagreement``). ``acled`` (CSV), ``plover`` (JSON Lines)
and ``cameo`` (tab-separated) speak other datasets' layouts through
``eventscope.formats``; docs/formats.md documents them. Those three leave out
summary statistics (``is_aggregate``), which are not events there.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import IO, Any, BinaryIO

import pyarrow as pa
import pyarrow.parquet as pq

from eventscope.disagreement import disagreements, lowest_credible
from eventscope.errors import StoreError
from eventscope.formats.acled import ACLED_COLUMNS, acled_rows
from eventscope.formats.cameo import CAMEO_COLUMNS, cameo_rows
from eventscope.formats.plover import plover_record
from eventscope.records import COUNT_FIELDS, Event
from eventscope.serialize import to_jsonable
from eventscope.table import COLUMNS, event_row

EXPORT_FORMATS: tuple[str, ...] = ("csv", "jsonl", "geojson", "parquet", "acled", "plover", "cameo")

PARQUET_BATCH = 1000  # rows per Parquet row group

_ARROW_TYPES: dict[type, pa.DataType] = {
    str: pa.string(),
    int: pa.int64(),
    float: pa.float64(),
    bool: pa.bool_(),
    dt.date: pa.date32(),
}
PARQUET_SCHEMA = pa.schema([pa.field(name, _ARROW_TYPES[kind]) for name, kind in COLUMNS.items()])


def write_events(events: Iterable[Event], fmt: str, out: Path | BinaryIO) -> int:
    """Write ``events`` to ``out`` (a path, or a binary stream left open) as ``fmt``.

    Events are consumed one at a time (Parquet: ``PARQUET_BATCH`` at a time),
    so a store's ``iter_events()`` can be passed straight in. Returns the
    number of events written (``acled``, ``plover`` and ``cameo`` leave out
    summary statistics, so theirs can be lower). Raises StoreError ES404 for an unknown format and
    ES408 when the file cannot be written; a path is only replaced on success.
    """
    writer = _WRITERS.get(fmt)
    if writer is None:
        raise StoreError("ES404", fmt, known=", ".join(EXPORT_FORMATS))
    subject = str(out) if isinstance(out, Path) else getattr(out, "name", None)
    try:
        with _binary(out) as stream:
            return writer(events, stream)
    except OSError as exc:
        raise StoreError("ES408", subject, detail=exc.strerror or str(exc)) from exc


@contextmanager
def _binary(out: Path | BinaryIO) -> Iterator[BinaryIO]:
    """A binary stream to write to; a stream is left open.

    A path is written through a hidden ``.partial`` file beside it and renamed
    at the end, so a failed export never leaves a truncated file under its name.
    """
    if not isinstance(out, Path):
        yield out
        return
    partial = out.with_name(f".{out.name}.partial")
    try:
        with partial.open("wb") as stream:
            yield stream
        partial.replace(out)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


@contextmanager
def _text(stream: BinaryIO) -> Iterator[IO[str]]:
    """UTF-8 text over ``stream``, detached afterwards so the caller's stream stays open."""
    text = io.TextIOWrapper(stream, encoding="utf-8", newline="", write_through=True)
    try:
        yield text
    finally:
        text.flush()
        text.detach()


def _csv_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _json_row(event: Event) -> dict[str, Any]:
    return {name: to_jsonable(value) for name, value in event_row(event).items()}


def _write_csv(events: Iterable[Event], stream: BinaryIO) -> int:
    count = 0
    with _text(stream) as text:
        writer = csv.writer(text, lineterminator="\n")
        writer.writerow(COLUMNS)
        for event in events:
            row = event_row(event)
            writer.writerow([_csv_value(row[name]) for name in COLUMNS])
            count += 1
    return count


def export_record(event: Event) -> dict[str, Any]:
    """The full record as JSON, with each count's single figure and the fields its reports disagree on.

    ``figures`` holds each count of ``records.COUNT_FIELDS`` as one number
    (None when no credible value is reported); ``disagreements`` lists fields
    such as ``arrested`` or ``location`` whose reported values conflict. Both
    are derived: ``serialize.from_jsonable`` ignores them.
    """
    record: dict[str, Any] = to_jsonable(event)
    record["figures"] = {name: lowest_credible(getattr(event, name)) for name in COUNT_FIELDS}
    record["disagreements"] = list(disagreements(event))
    return record


def _write_jsonl(events: Iterable[Event], stream: BinaryIO) -> int:
    count = 0
    with _text(stream) as text:
        for event in events:
            text.write(json.dumps(export_record(event), ensure_ascii=False) + "\n")
            count += 1
    return count


def _feature(event: Event) -> dict[str, Any]:
    place = event.location
    geometry = None
    if place is not None and place.lat is not None and place.lon is not None:
        geometry = {"type": "Point", "coordinates": [place.lon, place.lat]}
    return {"type": "Feature", "geometry": geometry, "properties": _json_row(event)}


def _write_geojson(events: Iterable[Event], stream: BinaryIO) -> int:
    count = 0
    with _text(stream) as text:
        text.write('{"type": "FeatureCollection", "features": [')
        for event in events:
            text.write(",\n" if count else "\n")
            text.write(json.dumps(_feature(event), ensure_ascii=False))
            count += 1
        text.write("\n]}\n")
    return count


def _write_parquet(events: Iterable[Event], stream: BinaryIO) -> int:
    count = 0
    iterator = iter(events)
    with pq.ParquetWriter(stream, PARQUET_SCHEMA) as writer:
        while batch := list(islice(iterator, PARQUET_BATCH)):
            rows = [event_row(event) for event in batch]
            writer.write_table(pa.Table.from_pylist(rows, schema=PARQUET_SCHEMA))
            count += len(rows)
    return count


def _write_table(
    rows: Iterable[dict[str, Any]], columns: Iterable[str], stream: BinaryIO, delimiter: str
) -> int:
    count = 0
    names = list(columns)
    with _text(stream) as text:
        writer = csv.writer(text, delimiter=delimiter, lineterminator="\n")
        writer.writerow(names)
        for row in rows:
            writer.writerow([_csv_value(row[name]) for name in names])
            count += 1
    return count


def _write_acled(events: Iterable[Event], stream: BinaryIO) -> int:
    return _write_table(acled_rows(events), ACLED_COLUMNS, stream, ",")


def _write_cameo(events: Iterable[Event], stream: BinaryIO) -> int:
    # Tabs and line breaks inside a value would break a GDELT-style reader that
    # splits lines on tabs without quoting; they become spaces.
    rows = ({k: _flat(v) for k, v in row.items()} for row in cameo_rows(events))
    return _write_table(rows, CAMEO_COLUMNS, stream, "\t")


def _flat(value: Any) -> Any:
    return " ".join(value.split()) if isinstance(value, str) else value


def _write_plover(events: Iterable[Event], stream: BinaryIO) -> int:
    count = 0
    with _text(stream) as text:
        for event in events:
            if event.is_aggregate:
                continue
            text.write(json.dumps(plover_record(event), ensure_ascii=False) + "\n")
            count += 1
    return count


_WRITERS: dict[str, Callable[[Iterable[Event], BinaryIO], int]] = {
    "csv": _write_csv,
    "jsonl": _write_jsonl,
    "geojson": _write_geojson,
    "parquet": _write_parquet,
    "acled": _write_acled,
    "plover": _write_plover,
    "cameo": _write_cameo,
}
