"""Exports: each format read back with the tools an analyst would use, values checked exactly."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from factories import kharkiv_article, kharkiv_events, lagos_article, lagos_events

from eventscope import export
from eventscope.errors import StoreError
from eventscope.export import EXPORT_FORMATS, write_events
from eventscope.records import Event
from eventscope.serialize import from_jsonable, to_jsonable
from eventscope.table import COLUMNS, event_row


@pytest.fixture
def events() -> list[Event]:
    """Strike, arrest, undated accusation (Kharkiv); protest, arrests (Lagos)."""
    return [*kharkiv_events(kharkiv_article()), *lagos_events(lagos_article())]


def one_by_one(events: list[Event]) -> Iterator[Event]:
    """A one-shot iterator, as Store.iter_events gives."""
    yield from events


def test_csv_has_the_shared_header_and_one_row_per_event(
    tmp_path: Path, events: list[Event]
) -> None:
    path = tmp_path / "events.csv"
    assert write_events(one_by_one(events), "csv", path) == 5
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
    assert reader.fieldnames == list(COLUMNS)
    assert [row["event_id"] for row in rows] == [event.event_id for event in events]
    strike = rows[0]
    assert strike["type"] == "ASSAULT"
    assert strike["date_start"] == "2024-05-14"
    assert strike["date_precision"] == "day"
    assert strike["actor1_name"] == "Russian Armed Forces"
    assert strike["location_lat"] == "49.98081"
    assert strike["location_geonameid"] == "706483"
    assert strike["location_precision"] == "1"
    assert (strike["killed_min"], strike["killed_max"]) == ("4", "")
    assert (strike["injured_min"], strike["injured_max"]) == ("23", "23")
    assert strike["is_aggregate"] == "false"
    assert strike["certainty"] == "reported"
    assert strike["confidence"] == "0.82"
    assert strike["article_ids"] == kharkiv_article().article_id
    assert strike["outlets"] == "Reuters"
    assert strike["trigger"] == "struck"
    accusation = rows[2]
    assert accusation["date_start"] == "" and accusation["location_name"] == ""
    assert accusation["date_precision"] == "unknown"
    assert rows[4]["arrested_min"] == "9"  # the lower of two attributed counts, 13 and 9


def test_jsonl_keeps_each_full_record_with_its_evidence(
    tmp_path: Path, events: list[Event]
) -> None:
    path = tmp_path / "events.jsonl"
    assert write_events(events, "jsonl", path) == 5
    lines = path.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    derived = ("figures", "disagreements")  # issue 7: added to the record, ignored on loading
    assert [{k: v for k, v in r.items() if k not in derived} for r in records] == [
        to_jsonable(event) for event in events
    ]
    assert [from_jsonable(Event, record) for record in records] == events
    # amnesty's "at least 13" and police's nine cannot both be true: the lower is the figure
    assert records[4]["figures"]["arrested"] == 9
    assert records[4]["disagreements"] == ["arrested"]
    assert records[0]["disagreements"] == []
    assert records[0]["killed"][0]["evidence"]["text"] == "at least four"
    assert records[4]["arrested"][1]["attribution"]["speaker"] == "police"


def test_geojson_places_located_events_and_nulls_the_rest(
    tmp_path: Path, events: list[Event]
) -> None:
    path = tmp_path / "events.geojson"
    assert write_events(events, "geojson", path) == 5
    collection = json.loads(path.read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    features = collection["features"]
    assert [f["type"] for f in features] == ["Feature"] * 5
    assert features[0]["geometry"] == {"type": "Point", "coordinates": [36.25272, 49.98081]}
    assert features[3]["geometry"] == {"type": "Point", "coordinates": [3.39467, 6.45407]}
    assert features[2]["geometry"] is None  # the accusation has no place
    properties = features[0]["properties"]
    assert list(properties) == list(COLUMNS)
    assert properties["date_start"] == "2024-05-14"
    assert properties["killed_min"] == 4 and properties["killed_max"] is None
    assert properties["is_aggregate"] is False
    assert properties["event_id"] == events[0].event_id


def test_parquet_columns_are_typed_from_the_shared_layout(
    tmp_path: Path, events: list[Event]
) -> None:
    path = tmp_path / "events.parquet"
    assert write_events(one_by_one(events), "parquet", path) == 5
    table = pq.read_table(path)
    assert table.column_names == list(COLUMNS)
    assert table.schema.field("date_start").type == pa.date32()
    assert table.schema.field("killed_min").type == pa.int64()
    assert table.schema.field("location_geonameid").type == pa.int64()
    assert table.schema.field("location_lat").type == pa.float64()
    assert table.schema.field("is_aggregate").type == pa.bool_()
    assert table.schema.field("type").type == pa.string()
    assert table.to_pylist() == [event_row(event) for event in events]
    assert table.to_pylist()[0]["date_start"] == dt.date(2024, 5, 14)


def test_parquet_is_written_in_batches(
    tmp_path: Path, events: list[Event], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(export, "PARQUET_BATCH", 2)
    path = tmp_path / "events.parquet"
    assert write_events(one_by_one(events), "parquet", path) == 5
    assert pq.ParquetFile(path).metadata.num_row_groups == 3
    assert pq.read_table(path).num_rows == 5


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_stream_gets_the_same_bytes_as_a_file_and_stays_open(
    tmp_path: Path, events: list[Event], fmt: str
) -> None:
    stream = io.BytesIO()
    assert write_events(events, fmt, stream) == 5
    assert not stream.closed
    path = tmp_path / f"events.{fmt}"
    write_events(events, fmt, path)
    if fmt == "parquet":
        assert pq.read_table(io.BytesIO(stream.getvalue())) == pq.read_table(path)
    else:
        assert stream.getvalue() == path.read_bytes()


def test_text_formats_are_utf8_without_escapes(events: list[Event]) -> None:
    for fmt in ("csv", "jsonl", "geojson"):
        stream = io.BytesIO()
        write_events(events, fmt, stream)
        assert "Kyiv’s foreign ministry".encode() in stream.getvalue()


def test_no_events_still_make_valid_files(tmp_path: Path) -> None:
    assert write_events([], "csv", tmp_path / "e.csv") == 0
    assert (tmp_path / "e.csv").read_text() == ",".join(COLUMNS) + "\n"
    assert write_events([], "jsonl", tmp_path / "e.jsonl") == 0
    assert (tmp_path / "e.jsonl").read_text() == ""
    assert write_events([], "geojson", tmp_path / "e.geojson") == 0
    assert json.loads((tmp_path / "e.geojson").read_text()) == {
        "type": "FeatureCollection",
        "features": [],
    }
    assert write_events([], "parquet", tmp_path / "e.parquet") == 0
    empty = pq.read_table(tmp_path / "e.parquet")
    assert empty.num_rows == 0 and empty.column_names == list(COLUMNS)


def test_unknown_format_is_es404_and_writes_nothing(tmp_path: Path, events: list[Event]) -> None:
    path = tmp_path / "events.xlsx"
    with pytest.raises(StoreError) as caught:
        write_events(events, "xlsx", path)
    assert caught.value.code == "ES404"
    assert (
        str(caught.value)
        == "[ES404] xlsx: unknown export format; use one of csv, jsonl, geojson, parquet, acled, plover, cameo"
    )
    assert not path.exists()


def test_unwritable_path_is_es408(tmp_path: Path, events: list[Event]) -> None:
    path = tmp_path / "missing" / "events.csv"
    with pytest.raises(StoreError) as caught:
        write_events(events, "csv", path)
    assert caught.value.code == "ES408"
    assert caught.value.subject == str(path)


def test_failed_export_keeps_the_old_file_and_leaves_no_partial(
    tmp_path: Path, events: list[Event]
) -> None:
    path = tmp_path / "events.csv"
    path.write_text("earlier export\n")

    def broken() -> Iterator[Event]:
        yield events[0]
        raise StoreError("ES403", "deadbeef")

    for fmt in EXPORT_FORMATS:
        with pytest.raises(StoreError, match="ES403"):
            write_events(broken(), fmt, path)
    assert path.read_text() == "earlier export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.csv"]
