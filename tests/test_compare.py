"""Comparing stored events with an ACLED export: reading the file, matching, agreement.

tests/fixtures/acled_examples.csv is an invented ACLED-style export about the
stories in examples/ (the Mogadishu mortar attack and arrests, the Sagaing air
strike, the Menaka clashes) plus one protest no article reports. The events
below are built by hand as eventscope codes those stories.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from factories import kharkiv_article, kharkiv_events

from eventscope.compare import compare_acled, match_events, read_acled_csv
from eventscope.errors import InputError
from eventscope.records import (
    Article,
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
from eventscope.store import Store

FIXTURE = Path(__file__).parent / "fixtures" / "acled_examples.csv"
HEADER = FIXTURE.read_text(encoding="utf-8").splitlines()[0]
ROOT = Path(__file__).resolve().parents[1]

MOGADISHU = (2.03711, 45.34375)
AIRPORT = (2.0144, 45.3047)
SAGAING = (21.8787, 95.97965)
MENAKA = (15.91985, 2.39609)


def story(name: str, sentence: str) -> Article:
    return Article(article_id=f"{name:0<16}"[:16], text=sentence, outlet="Example Wire", url=f"https://example.org/{name}")


def coded(
    article: Article,
    key: str,
    type_: EventType,
    acled: tuple[str, str],
    start: dt.date,
    where: tuple[float, float],
    country: str,
    *,
    end: dt.date | None = None,
    killed: tuple[int, int | None] | None = None,
) -> Event:
    sentence = Evidence(article.article_id, 0, 0, len(article.text), 0, len(article.text), article.text)
    word = article.text.split()[1]
    offset = article.text.index(word)
    trigger = Evidence(article.article_id, 0, offset, offset + len(word), 0, len(article.text), word)
    return Event(
        event_id=f"{key:0<16}"[:16],
        type=type_,
        trigger=trigger,
        evidence=sentence,
        acled_event_type=acled[0],
        acled_sub_event_type=acled[1],
        location=Place(
            mention="x", name=key, lat=where[0], lon=where[1], country=country, precision=GeoPrecision.EXACT
        ),
        date=EventDate(
            start=start,
            end=end or start,
            precision=DatePrecision.DAY,
            derivation=DateDerivation.EXPLICIT,
        ),
        killed=(Quantity(min=killed[0], max=killed[1], mention="dozens"),) if killed else (),
        sources=(Source(article_id=article.article_id, outlet=article.outlet),),
        confidence=0.5,
    )


MORTARS = story("mortars", "Several mortar rounds struck the Halane compound on Thursday.")
AIRPORT_FIRE = story("airportfire", "Shells also fell near the airport runway, police said.")
RALLY = story("rally", "Hundreds rallied in Mogadishu against the attack on Thursday.")
ARRESTS = story("arrests", "Security forces detained three men in Hodan on Friday.")
AIR_STRIKE = story("airstrike", "An air strike on a village in Sagaing killed 17 people.")
CLASH = story("clash", "Dozens of fighters were killed in clashes near Tidermene.")


def coded_stories() -> dict[str, tuple[Article, Event]]:
    shelling = ("Explosions/Remote violence", "Shelling/artillery/missile attack")
    feb15, feb16 = dt.date(2024, 2, 15), dt.date(2024, 2, 16)
    return {
        "mortars": (MORTARS, coded(MORTARS, "mortars", EventType.ASSAULT, shelling, feb15, MOGADISHU, "SOM")),
        "airport": (AIRPORT_FIRE, coded(AIRPORT_FIRE, "airport", EventType.ASSAULT, shelling, feb15, AIRPORT, "SOM")),
        "rally": (RALLY, coded(RALLY, "rally", EventType.PROTEST, ("Protests", "Peaceful protest"), feb15, MOGADISHU, "SOM")),
        "arrests": (
            ARRESTS,
            coded(ARRESTS, "arrests", EventType.COERCE, ("Strategic developments", "Arrests"), feb16, MOGADISHU, "SOM"),
        ),
        "air strike": (
            AIR_STRIKE,
            coded(
                AIR_STRIKE, "airstrike", EventType.ASSAULT,
                ("Explosions/Remote violence", "Air/drone strike"), dt.date(2024, 3, 9), SAGAING, "MMR",
                killed=(17, None),
            ),
        ),
        "clash": (
            CLASH,
            coded(
                CLASH, "clash", EventType.ASSAULT, ("Battles", "Armed clash"), dt.date(2024, 5, 11), MENAKA, "MLI",
                end=dt.date(2024, 5, 12), killed=(24, 99),
            ),
        ),
    }


def ids(items: list[Event] | tuple[Event, ...]) -> list[str]:
    return [event.event_id for event in items]


# Reading the file


def test_fixture_reads_as_five_events_with_iso3_countries() -> None:
    rows = read_acled_csv(FIXTURE)
    assert [row.event_id_cnty for row in rows] == ["SOM9001", "SOM9002", "SOM9003", "MMR9001", "MLI9001"]
    assert [row.country for row in rows] == ["SOM", "SOM", "SOM", "MMR", "MLI"]
    first = rows[0]
    assert first.event_date == dt.date(2024, 2, 15)
    assert first.sub_event_type == "Shelling/artillery/missile attack"
    assert (first.latitude, first.longitude) == (2.0392, 45.3419)
    assert first.line == 2
    assert rows[3].fatalities == 17


def test_day_month_year_dates_are_read() -> None:
    assert read_acled_csv(FIXTURE)[4].event_date == dt.date(2024, 5, 12)  # "12 May 2024"


def test_country_name_serves_when_iso_is_missing(tmp_path: Path) -> None:
    path = tmp_path / "acled.csv"
    line = FIXTURE.read_text(encoding="utf-8").splitlines()[2].replace(",706,", ",,")
    path.write_text(f"{HEADER}\n{line}\n", encoding="utf-8")
    assert read_acled_csv(path)[0].country == "SOM"


def test_byte_order_mark_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "acled.csv"
    path.write_bytes(b"\xef\xbb\xbf" + FIXTURE.read_bytes())
    assert len(read_acled_csv(path)) == 5


def _bad_file(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "acled.csv"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def _second_line_with(old: str, new: str) -> str:
    lines = FIXTURE.read_text(encoding="utf-8").splitlines()
    assert old in lines[1]
    return f"{HEADER}\n{lines[1].replace(old, new, 1)}\n"


@pytest.mark.parametrize(
    ("content", "code", "message"),
    [
        ("", "ES152", "no header row; an ACLED export starts with a line of column names"),
        (
            "event_id_cnty,event_date,country\n",
            "ES153",
            ("not an ACLED export: missing column(s) 'event_type', 'sub_event_type', 'location', 'latitude', "
            "'longitude', 'fatalities'; export with ACLED's standard columns"),
        ),
        (
            _second_line_with("2024-02-15", "15/Feb/2024"),
            "ES154",
            "line 2: bad event_date '15/Feb/2024'; use YYYY-MM-DD or DD Month YYYY",
        ),
        (
            _second_line_with("2.0392", "north"),
            "ES155",
            "line 2: latitude 'north' is not a number from -90 to 90",
        ),
        (
            _second_line_with(",0,,1708300800", ",two,,1708300800"),
            "ES155",
            "line 2: fatalities 'two' is not a whole number of 0 or more",
        ),
        (
            _second_line_with("Explosions/Remote violence", "Explosions"),
            "ES155",
            ("line 2: event_type 'Explosions' is not one of Battles, Explosions/Remote violence, "
            "Violence against civilians, Protests, Riots, Strategic developments"),
        ),
        (
            _second_line_with("Waberi,Mogadishu - Waberi", "Waberi;Mogadishu - Waberi"),
            "ES157",
            "line 2: 30 fields where the header has 31; quote values that contain commas",
        ),
    ],
)
def test_bad_files_are_named_with_a_coded_one_line_error(
    tmp_path: Path, content: str, code: str, message: str
) -> None:
    path = _bad_file(tmp_path, content)
    with pytest.raises(InputError) as caught:
        read_acled_csv(path)
    assert caught.value.code == code
    assert str(caught.value) == f"[{code}] {path}: {message}"


def test_an_event_id_given_twice_names_both_lines(tmp_path: Path) -> None:
    lines = FIXTURE.read_text(encoding="utf-8").splitlines()
    path = _bad_file(tmp_path, "\n".join([HEADER, lines[1], lines[2].replace("SOM9002", "SOM9001")]) + "\n")
    with pytest.raises(InputError, match=r"^\[ES156\] .*: line 3: event_id_cnty 'SOM9001' is also on line 2;"):
        read_acled_csv(path)


def test_latin1_file_is_es151(tmp_path: Path) -> None:
    path = _bad_file(tmp_path, FIXTURE.read_text(encoding="utf-8").replace("Menaka", "Ménaka").encode("latin-1"))
    with pytest.raises(InputError) as caught:
        read_acled_csv(path)
    assert caught.value.code == "ES151"
    assert "save the ACLED export as UTF-8" in str(caught.value)


def test_missing_file_is_es150(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        read_acled_csv(tmp_path / "nope.csv")
    assert str(caught.value) == f"[ES150] {tmp_path / 'nope.csv'}: cannot read the ACLED file (No such file or directory)"


# Matching


def test_matches_pair_family_date_and_place_closest_first() -> None:
    coded_events = {name: event for name, (_, event) in coded_stories().items()}
    matches, only_acled, only_eventscope = match_events(read_acled_csv(FIXTURE), list(coded_events.values()))
    assert [(m.acled.event_id_cnty, m.event.event_id) for m in matches] == [
        ("SOM9001", coded_events["mortars"].event_id),  # 0.3 km, beats the airport shelling at 5 km
        ("SOM9002", coded_events["arrests"].event_id),
        ("MLI9001", coded_events["clash"].event_id),  # 12 May lies inside eventscope's 11-12 May
    ]
    # The 17 February protest is two days after the rally; the air strike is
    # 130 km away in Kani township, beyond 25 km.
    assert [row.event_id_cnty for row in only_acled] == ["SOM9003", "MMR9001"]
    assert ids(only_eventscope) == [
        coded_events["airport"].event_id,
        coded_events["rally"].event_id,  # a protest never matches the shelling beside it
        coded_events["air strike"].event_id,
    ]
    assert [m.days_apart for m in matches] == [0, 0, 0]
    assert [round(m.distance_km, 1) for m in matches] == [0.3, 3.5, 0.7]


def test_field_agreement_on_the_matched_pairs() -> None:
    events = [event for _, event in coded_stories().values()]
    matches, _, _ = match_events(read_acled_csv(FIXTURE), events)
    mortars, arrests, clash = matches
    assert (mortars.fatalities_agree, mortars.date_exact) == (True, True)
    assert (arrests.event_type_agrees, arrests.sub_event_type_agrees) == (True, True)
    assert clash.fatalities == 24 and clash.acled.fatalities == 47  # "dozens" counts as 24
    assert (clash.fatalities_agree, clash.date_exact) == (False, False)


def test_one_day_apart_still_matches_and_two_do_not() -> None:
    _, mortars = coded_stories()["mortars"]
    row = read_acled_csv(FIXTURE)[0]
    later = [row.__class__(**{**row.__dict__, "event_date": dt.date(2024, 2, 16)})]
    assert len(match_events(later, [mortars])[0]) == 1
    too_late = [row.__class__(**{**row.__dict__, "event_date": dt.date(2024, 2, 17)})]
    assert match_events(too_late, [mortars])[0] == []


def test_compare_reads_the_store_for_the_file_window(store: Store) -> None:
    for article, event in coded_stories().values():
        assert store.save(article, [event])
    kharkiv = kharkiv_article()  # Ukraine: not a country in the file
    store.save(kharkiv, kharkiv_events(kharkiv))
    result = compare_acled(FIXTURE, store)
    assert result.countries == ("MLI", "MMR", "SOM")
    assert (result.since, result.until) == (dt.date(2024, 2, 15), dt.date(2024, 5, 12))
    assert [m.acled.event_id_cnty for m in result.matches] == ["SOM9001", "SOM9002", "MLI9001"]
    assert [row.event_id_cnty for row in result.only_acled] == ["SOM9003", "MMR9001"]
    assert sorted(ids(result.only_eventscope)) == sorted(["airport000000000", "rally00000000000", "airstrike0000000"])
    assert result.agreement == {
        "event_type": 1.0,
        "sub_event_type": 1.0,
        "fatalities": 0.667,
        "date_exact": 0.667,
        "median_distance_km": pytest.approx(0.68, abs=0.02),
        "max_distance_km": pytest.approx(3.53, abs=0.02),
    }
    summary = result.as_json()
    assert (summary["both"], summary["only_acled"], summary["only_eventscope"]) == (3, 2, 3)
    assert summary["matches"][2]["fatalities"] == [47, 24]
    assert summary["matches"][2]["date"] == ["2024-05-12", "2024-05-11"]


def test_country_and_dates_narrow_the_window(store: Store) -> None:
    for article, event in coded_stories().values():
        store.save(article, [event])
    result = compare_acled(FIXTURE, store, country="SOM", until=dt.date(2024, 2, 16))
    assert result.countries == ("SOM",)
    assert [m.acled.event_id_cnty for m in result.matches] == ["SOM9001", "SOM9002"]
    assert result.only_acled == ()
    assert sorted(ids(result.only_eventscope)) == ["airport000000000", "rally00000000000"]


@pytest.mark.slow
def test_compare_command_prints_json_for_the_examples(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'events.db'}"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "eventscope", *args],
            capture_output=True, text=True, timeout=300, check=False,
        )

    assert run("ingest", str(ROOT / "examples"), "--db", url).returncode == 0
    result = run("compare", str(FIXTURE), "--db", url, "--country", "Somalia", "--json")
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    both = {m["event_id_cnty"] for m in summary["matches"]}
    assert {"SOM9001", "SOM9002"} <= both  # the mortar attack and the Hodan arrests
    assert "SOM9003" in {row["event_id_cnty"] for row in summary["acled_only"]}
    text = run("compare", str(FIXTURE), "--db", url)
    assert text.returncode == 0, text.stderr
    assert "only ACLED: SOM9003 2024-02-17 Peaceful protest in Mogadishu - Hodan" in text.stdout
    bad = run("compare", str(tmp_path / "missing.csv"), "--db", url)
    assert bad.returncode == 1
    assert "[ES150]" in bad.stderr
