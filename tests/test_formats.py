"""The field's formats: ACLED CSV, PLOVER JSON Lines and GDELT-style CAMEO rows, read back as users would."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from pathlib import Path

import pandas as pd
import pytest
import sqlalchemy as sa
from factories import kharkiv_article, kharkiv_events, lagos_article, lagos_events

from eventscope.export import write_events
from eventscope.formats.acled import ACLED_COLUMNS, fatalities, interaction
from eventscope.formats.cameo import CAMEO_COLUMNS, GOLDSTEIN, quad_class
from eventscope.formats.countries import country_facts
from eventscope.formats.plover import (
    ACTOR_FIELDS,
    EVENT_LOC_FIELDS,
    PLOVER_FIELDS,
    TEXT_INFO_FIELDS,
)
from eventscope.records import Attribution, Certainty, Event, Quantity
from eventscope.store import Store
from eventscope.store.schema import VIEWS
from eventscope.table import COLUMNS, event_row


@pytest.fixture
def events() -> list[Event]:
    """Strike, arrest, undated accusation (Kharkiv); protest, arrests (Lagos)."""
    return [*kharkiv_events(kharkiv_article()), *lagos_events(lagos_article())]


def located(events: list[Event]) -> list[Event]:
    """The events ACLED could hold: dated and placed (all but the accusation)."""
    return [e for e in events if e.location is not None]


# ACLED


def test_acled_csv_has_acleds_columns_and_values(tmp_path: Path, events: list[Event]) -> None:
    path = tmp_path / "acled.csv"
    assert write_events(events, "acled", path) == 5
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
    assert reader.fieldnames == list(ACLED_COLUMNS)
    assert len(ACLED_COLUMNS) == 31
    strike = rows[0]
    assert strike["event_id_cnty"] == f"UKR{events[0].event_id}"
    assert (strike["event_date"], strike["year"], strike["time_precision"]) == ("2024-05-14", "2024", "1")
    assert strike["disorder_type"] == "Political violence"
    assert strike["event_type"] == "Explosions/Remote violence"
    assert strike["sub_event_type"] == "Shelling/artillery/missile attack"
    # Russian forces in Ukraine are external forces (8); civilians 7.
    assert (strike["inter1"], strike["inter2"], strike["interaction"]) == ("8", "7", "78")
    assert strike["civilian_targeting"] == "Civilian targeting"
    assert (strike["iso"], strike["region"], strike["country"]) == ("804", "Europe", "Ukraine")
    assert (strike["admin1"], strike["admin2"], strike["location"]) == ("Kharkivska", "", "Kharkiv")
    assert (strike["latitude"], strike["longitude"], strike["geo_precision"]) == ("49.98081", "36.25272", "1")
    assert (strike["source"], strike["source_scale"], strike["tags"]) == ("Reuters", "", "")
    assert strike["fatalities"] == "4"  # "at least four"
    assert strike["timestamp"] == "1715644800"  # 2024-05-14T00:00:00Z, the report's day
    assert strike["notes"] == (
        "On 14 May 2024, Russian Armed Forces attacked civilians in Kharkiv (Kharkivska, Ukraine), "
        "killing at least 4 and injuring 23."
    )
    arrest = rows[1]
    assert (arrest["disorder_type"], arrest["sub_event_type"]) == ("Strategic developments", "Arrests")
    assert (arrest["inter1"], arrest["inter2"], arrest["interaction"]) == ("1", "0", "10")
    assert arrest["fatalities"] == "0"
    accusation = rows[2]  # no date, no place: left empty, not guessed
    assert accusation["event_id_cnty"] == f"XXX{events[2].event_id}"
    assert (accusation["event_date"], accusation["year"], accusation["iso"], accusation["region"]) == ("", "", "", "")
    assert accusation["notes"] == "On an unknown date, Government of Ukraine accused Government of Russia."
    protest = rows[3]
    assert (protest["disorder_type"], protest["interaction"]) == ("Demonstrations", "16")
    assert (protest["region"], protest["iso"]) == ("Western Africa", "566")
    assert protest["notes"] == (
        "On 8 August 2024, Protesters (Nigeria) demonstrated and Nigeria Police Force intervened in Lagos (Nigeria)."
    )
    assert rows[4]["notes"].endswith("made arrests in Lagos (Nigeria), detaining at least 9.")


def test_acled_csv_loads_in_pandas_with_the_types_acled_users_expect(
    tmp_path: Path, events: list[Event]
) -> None:
    path = tmp_path / "acled.csv"
    write_events(located(events), "acled", path)
    frame = pd.read_csv(path, parse_dates=["event_date"])
    assert list(frame.columns) == list(ACLED_COLUMNS)
    assert len(frame) == 4
    for column in ("year", "time_precision", "inter1", "inter2", "interaction", "iso", "geo_precision",
                   "fatalities", "timestamp"):
        assert frame[column].dtype == "int64", column
    for column in ("latitude", "longitude"):
        assert frame[column].dtype == "float64", column
    assert str(frame["event_date"].dtype).startswith("datetime64")
    assert frame["event_date"].dt.date.tolist()[0].isoformat() == "2024-05-14"
    assert frame["fatalities"].sum() == 4
    assert frame.groupby("disorder_type").size().to_dict() == {
        "Demonstrations": 1, "Political violence": 1, "Strategic developments": 2,
    }
    assert frame.loc[0, "notes"].startswith("On 14 May 2024, Russian Armed Forces")


def test_acled_leaves_out_summary_statistics(events: list[Event]) -> None:
    aggregate = dataclasses.replace(events[0], is_aggregate=True)
    stream = io.BytesIO()
    assert write_events([aggregate, events[1]], "acled", stream) == 1
    assert stream.getvalue().decode().count("\n") == 2  # header and the arrest


def test_fatalities_take_the_lowest_credible_count() -> None:
    denied = Attribution(certainty=Certainty.DENIED, speaker="army")
    assert fatalities([]) == 0
    assert fatalities([Quantity(min=24, max=99, mention="dozens"), Quantity(min=30, max=30, mention="30")]) == 24
    assert fatalities([Quantity(min=2, max=2, mention="two", attribution=denied),
                       Quantity(min=5, max=5, mention="five")]) == 5


@pytest.mark.parametrize(
    ("inter1", "inter2", "expected"), [(1, 3, 13), (7, 1, 17), (6, None, 60), (6, 0, 60), (None, None, None)]
)
def test_interaction_joins_the_codes_lower_first(inter1: int | None, inter2: int | None, expected: int | None) -> None:
    assert interaction(inter1, inter2) == expected


def test_country_facts_come_from_the_documented_tables() -> None:
    iraq = country_facts("IRQ")
    assert iraq is not None
    assert (iraq.name, iraq.numeric, iraq.region, iraq.fips, iraq.alpha2) == ("Iraq", 368, "Middle East", "IZ", "IQ")
    congo = country_facts("COD")
    assert congo is not None and (congo.name, congo.region) == ("Democratic Republic of Congo", "Middle Africa")
    mexico = country_facts("MEX")
    assert mexico is not None and mexico.region == "North America"
    assert country_facts("XYZ") is None


# CAMEO


def test_cameo_tsv_has_gdelt_columns_and_codes(tmp_path: Path, events: list[Event]) -> None:
    path = tmp_path / "events.tsv"
    assert write_events(events, "cameo", path) == 5
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle, delimiter="\t")
        rows = list(reader)
    assert reader.fieldnames == list(CAMEO_COLUMNS)
    strike = rows[0]
    assert (strike["GLOBALEVENTID"], strike["SQLDATE"], strike["MonthYear"], strike["Year"]) == (
        events[0].event_id, "20240514", "202405", "2024",
    )
    assert (strike["Actor1Code"], strike["Actor1CountryCode"], strike["Actor1Type1Code"]) == ("RUSMIL", "RUS", "MIL")
    assert (strike["Actor2Code"], strike["Actor2Type1Code"]) == ("UKRCVL", "CVL")
    assert (strike["EventRootCode"], strike["QuadClass"], strike["GoldsteinScale"]) == ("19", "4", "-10.0")
    assert (strike["NumSources"], strike["NumArticles"]) == ("1", "1")
    assert (strike["ActionGeo_Type"], strike["ActionGeo_FullName"]) == ("4", "Kharkiv, Kharkivska, Ukraine")
    assert (strike["ActionGeo_CountryCode"], strike["ActionGeo_FeatureID"]) == ("UP", "706483")  # FIPS, GeoNames
    assert strike["SOURCEURL"] == "https://www.reuters.com/world/europe/kharkiv-strike-2024-05-14/"
    accusation = rows[2]
    assert (accusation["SQLDATE"], accusation["QuadClass"], accusation["GoldsteinScale"]) == ("", "3", "-2.0")
    assert rows[3]["EventRootCode"] == "14" and rows[3]["GoldsteinScale"] == "-6.5"


def test_cameo_rows_match_the_documented_column_types(tmp_path: Path, events: list[Event]) -> None:
    path = tmp_path / "events.tsv"
    write_events(events, "cameo", path)
    frame = pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False)
    for name, kind in CAMEO_COLUMNS.items():
        for value in frame[name]:
            if value:
                kind(value)  # every non-empty value parses as its documented type
    assert all("\t" not in value for value in frame["ActionGeo_FullName"])


def test_goldstein_and_quad_tables_cover_every_cameo_root() -> None:
    roots = [f"{n:02d}" for n in range(1, 21)]
    assert sorted(GOLDSTEIN) == roots
    assert [quad_class(root) for root in roots] == [1] * 5 + [2] * 3 + [3] * 5 + [4] * 7
    assert GOLDSTEIN["19"] == -10.0 and GOLDSTEIN["07"] == 7.0


# PLOVER


def _check(record: dict[str, object], fields: dict[str, tuple[type, ...]]) -> None:
    assert set(record) == set(fields)
    for name, kinds in fields.items():
        value = record[name]
        assert isinstance(value, kinds) and not (isinstance(value, bool) and bool not in kinds), (name, value)


def test_plover_records_follow_the_documented_layout(tmp_path: Path, events: list[Event]) -> None:
    path = tmp_path / "events.plover.jsonl"
    assert write_events(events, "plover", path) == 5
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    for record in records:
        _check(record, PLOVER_FIELDS)
        for actor in record["source"] + record["recipient"]:
            _check(actor, ACTOR_FIELDS)
        if record["event_loc"] is not None:
            _check(record["event_loc"], EVENT_LOC_FIELDS)
        _check(record["text_info"], TEXT_INFO_FIELDS)
    strike = records[0]
    assert strike["id"] == events[0].event_id
    assert (strike["date"], strike["enddate"]) == ("2024-05-14", None)
    assert strike["event"] == ["ASSAULT"] and strike["mode"] == ["explosives/missile/rocket"]
    assert strike["source"] == [
        {"code": "RUS", "sector": "MIL", "actor_text": "Russian missiles", "identifier_text": "Russian Armed Forces"}
    ]
    assert strike["recipient"][0]["sector"] == "CVL"
    assert (strike["quad_code"], strike["event_scale"]) == (4, -9.3)
    assert strike["event_loc"]["country code"] == "UA" and strike["event_loc"]["cc3"] == "UKR"
    assert strike["text_info"] == {
        "article_id": kharkiv_article().article_id, "sequence": 0, "start": 0, "end": 151,
    }
    assert strike["event_text"] == [events[0].evidence.text]
    assert strike["killed_min"] == 4 and strike["killed_max"] is None
    assert records[2]["date"] is None and records[2]["event_loc"] is None
    assert (records[2]["quad_code"], records[2]["event_scale"]) == (3, -2.0)


def test_plover_marks_hypothetical_events_in_context(events: list[Event]) -> None:
    hypothetical = dataclasses.replace(events[0], attribution=Attribution(certainty=Certainty.HYPOTHETICAL))
    stream = io.BytesIO()
    write_events([hypothetical, events[1]], "plover", stream)
    first, second = (json.loads(line) for line in stream.getvalue().decode().splitlines())
    assert first["context"] == ["hypothetical"] and second["context"] == []


# The store's views


def test_event_table_view_gives_the_export_row(store: Store, events: list[Event]) -> None:
    kharkiv, lagos = kharkiv_article(), lagos_article()
    store.save(kharkiv, kharkiv_events(kharkiv))
    store.save(lagos, lagos_events(lagos))
    with store.engine.connect() as connection:
        assert set(VIEWS) <= set(sa.inspect(connection).get_view_names())
        frame = pd.read_sql("SELECT * FROM event_table ORDER BY event_id", connection)
    assert list(frame.columns) == list(COLUMNS)
    expected = sorted((event_row(e) for e in events), key=lambda row: row["event_id"])
    assert frame["event_id"].tolist() == [row["event_id"] for row in expected]
    assert frame["outlets"].tolist() == [row["outlets"] for row in expected]
    assert frame["article_ids"].tolist() == [row["article_ids"] for row in expected]
    assert frame["arrested_min"].fillna(-1).astype(int).tolist() == [
        -1 if row["arrested_min"] is None else row["arrested_min"] for row in expected
    ]
    assert frame["sentence"].tolist() == [row["sentence"] for row in expected]


def test_event_evidence_view_cuts_each_sentence_from_its_article(store: Store, events: list[Event]) -> None:
    lagos = lagos_article()
    store.save(lagos, lagos_events(lagos))
    arrests = lagos_events(lagos)[1]
    with store.engine.connect() as connection:
        rows = connection.execute(
            sa.text(
                "SELECT field, text, sentence, outlet, type FROM event_evidence "
                "WHERE event_id = :id ORDER BY evidence_id"
            ),
            {"id": arrests.event_id},
        ).all()
    by_field = {row.field: row for row in rows}
    assert by_field["arrested[1]"].text == "nine"
    assert by_field["arrested[1]"].sentence == (
        "Amnesty International said at least 13 people had been arrested, while police put the figure at nine."
    )
    assert {row.outlet for row in rows} == {"Premium Times"}
    assert {row.type for row in rows} == {"COERCE"}
    assert len(rows) == 10
