"""The command line end to end, as a user runs it: a real process, a real store."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

import eventscope as es

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SAMPLE = ROOT.parent / "shared" / "samples" / "iraq-embassy-attackers.txt"

pytestmark = pytest.mark.slow


def run(*args: str, cwd: Path | None = None, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "eventscope", *args],
        capture_output=True, text=True, cwd=cwd, input=stdin, timeout=300, check=False,
    )


@pytest.fixture(scope="module")
def examples_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('cli') / 'events.db'}"
    result = run("ingest", str(EXAMPLES), "--db", url)
    assert result.returncode == 0, result.stderr
    return url


def _counts(url: str) -> dict[str, int]:
    with es.open_store(url) as store:
        return store.counts()


def test_ingest_examples_stores_every_article(examples_db: str) -> None:
    counts = _counts(examples_db)
    assert counts["articles"] == 10
    assert counts["events"] >= 15


def test_reingest_changes_nothing(examples_db: str) -> None:
    before = _counts(examples_db)
    result = run("ingest", str(EXAMPLES), "--db", examples_db)
    assert result.returncode == 0, result.stderr
    assert "0 stored, 10 already stored" in result.stdout
    after = _counts(examples_db)
    assert after.pop("runs") == before.pop("runs") + 1  # the run log records every run
    assert after == before


def test_events_json_filters_by_type_and_country(examples_db: str) -> None:
    result = run("events", "--db", examples_db, "--type", "coerce", "--format", "json")
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert events and {e["type"] for e in events} == {"COERCE"}
    assert all(set(e["figures"]) == set(es.COUNT_FIELDS) and "disagreements" in e for e in events)
    somalia = run("events", "--db", examples_db, "--country", "Somalia", "--format", "csv")
    rows = list(csv.DictReader(somalia.stdout.splitlines()))
    assert rows and {r["location_country"] for r in rows} == {"SOM"}


def test_events_table_lists_the_air_strike(examples_db: str) -> None:
    result = run("events", "--db", examples_db, "--text", "air strike")
    assert result.returncode == 0
    assert "Sagaing" in result.stdout


def test_show_prints_fields_with_their_sentences(examples_db: str) -> None:
    listed = run("events", "--db", examples_db, "--type", "COERCE", "--format", "json")
    events = [json.loads(line) for line in listed.stdout.splitlines()]
    event = next(e for e in events if e["mode"] == "arrest" and e["trigger"]["text"] == "arrested")
    result = run("show", event["event_id"][:8], "--db", examples_db)
    assert result.returncode == 0, result.stderr
    assert "arrested" in result.stdout
    assert event["evidence"]["text"][:40] in " ".join(result.stdout.split())


def test_show_unknown_id_is_a_one_line_error(examples_db: str) -> None:
    result = run("show", "ffffffffffff", "--db", examples_db)
    assert result.returncode == 1
    assert "[ES403]" in result.stderr and "Traceback" not in result.stderr


def test_merge_counts_and_recompute_in_worker_processes_keep_the_events(examples_db: str) -> None:
    with es.open_store(examples_db) as store:
        before = {event.event_id: event for event in store.iter_events()}
        counts = store.counts()
    shown = run("merge", "--db", examples_db)
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith(f"{counts['mentions']} mentions, {counts['mention_links']} links, {len(before)} events")
    rebuilt = run("merge", "--recompute", "--workers", "2", "--db", examples_db)
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert rebuilt.stdout.strip() == f"rebuilt: {counts['mentions']} mentions, {counts['mention_links']} links, {len(before)} events"
    with es.open_store(examples_db) as store:
        assert {event.event_id: event for event in store.iter_events()} == before


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "geojson", "parquet"])
def test_export_writes_every_event(examples_db: str, tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"events.{fmt}"
    result = run("export", "--format", fmt, "-o", str(target), "--db", examples_db)
    assert result.returncode == 0, result.stderr
    total = _counts(examples_db)["events"]
    if fmt == "csv":
        assert len(list(csv.DictReader(target.open(encoding="utf-8")))) == total
    elif fmt == "jsonl":
        assert len(target.read_text(encoding="utf-8").splitlines()) == total
    elif fmt == "geojson":
        assert len(json.loads(target.read_text(encoding="utf-8"))["features"]) == total
    else:
        assert pq.read_table(target).num_rows == total


def test_export_unknown_format_is_refused(examples_db: str, tmp_path: Path) -> None:
    result = run("export", "--format", "xlsx", "-o", str(tmp_path / "x.xlsx"), "--db", examples_db)
    assert result.returncode != 0
    assert "[ES404]" in result.stderr and "Traceback" not in result.stderr


def test_bad_folder_stores_good_files_and_names_each_bad_one(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'events.db'}"
    assert run("ingest", str(EXAMPLES / "01-compound-mortar-attack.txt"), "--db", url).returncode == 0
    before = _counts(url)
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "good.txt").write_text(
        "Troops clash with rebels\npublished: 2024-07-02\n-----\n"
        "Government troops clashed with rebels near Goma on Monday, killing six fighters, "
        "the army said.\n",
        encoding="utf-8",
    )
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "latin1.txt").write_bytes("Manifestation à Dakar\n-----\nLa police a dispersé.".encode("latin-1"))
    result = run("ingest", str(folder), "--db", url)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 3
    assert any("binary.txt" in e and "[ES105]" in e for e in errors)
    assert any("empty.txt" in e and "[ES103]" in e for e in errors)
    assert any("latin1.txt" in e and "[ES106]" in e for e in errors)
    after = _counts(url)
    assert after["articles"] == before["articles"] + 1
    assert after["events"] > before["events"]


def test_missing_path_is_a_clear_error(tmp_path: Path) -> None:
    result = run("ingest", str(tmp_path / "nowhere"), "--db", f"sqlite:///{tmp_path / 'e.db'}")
    assert result.returncode == 1
    assert "[ES101]" in result.stderr and "Traceback" not in result.stderr


def test_bad_published_flag_is_a_usage_error(tmp_path: Path) -> None:
    result = run("ingest", str(EXAMPLES), "--published", "14/12/2023", "--db", f"sqlite:///{tmp_path / 'e.db'}")
    assert result.returncode == 2
    assert "[ES202]" in result.stderr


def test_standard_input_is_read(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'e.db'}"
    text = "Police arrested 14 protesters in Harare on 2 August 2024, a lawyers' group said.\n"
    result = run("ingest", "-", "--db", url, stdin=text)
    assert result.returncode == 0, result.stderr
    listed = run("events", "--db", url, "--format", "json")
    (event,) = [json.loads(line) for line in listed.stdout.splitlines()]
    assert event["type"] == "COERCE"
    assert event["arrested"][0]["min"] == 14
    assert event["location"]["country"] == "ZWE"


def test_sample_ingest_finds_the_rocket_attack_and_arrests(tmp_path: Path) -> None:
    if not SAMPLE.exists():
        pytest.skip(f"the shared sample is not beside the project at {SAMPLE}")
    url = f"sqlite:///{tmp_path / 'e.db'}"
    result = run("ingest", str(SAMPLE), "--published", "2023-12-14", "--db", url)
    assert result.returncode == 0, result.stderr
    events = [json.loads(line) for line in run("events", "--db", url, "--format", "json").stdout.splitlines()]
    # Issue 8: the attack told twice and the arrests counted twice are one event each.
    rocket = [
        e for e in events
        if e["type"] == "ASSAULT" and any("rocket salvos" in m["evidence"]["text"] for m in e["merged"])
    ]
    assert rocket and rocket[0]["location"]["country"] == "IRQ"
    (arrests,) = [e for e in events if e["type"] == "COERCE"]
    assert sorted(q["min"] for q in arrests["arrested"]) == [3, 13]


def test_doctor_checks_model_gazetteer_and_store(tmp_path: Path) -> None:
    result = run("doctor", "--db", f"sqlite:///{tmp_path / 'e.db'}")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert [line.split()[1] for line in lines] == ["model:", "gazetteer:", "store:"]


def test_doctor_names_a_missing_model(tmp_path: Path) -> None:
    result = run("doctor", "--model", "xx_no_such_model", "--db", f"sqlite:///{tmp_path / 'e.db'}")
    assert result.returncode == 1
    assert "[ES301]" in result.stdout and "pip install xx-no-such-model" in result.stdout


@pytest.mark.postgres
def test_ingest_into_postgres_is_idempotent(postgres_url: str) -> None:
    first = run("ingest", str(EXAMPLES), "--db", postgres_url)
    assert first.returncode == 0, first.stderr
    counts = _counts(postgres_url)
    assert counts["articles"] == 10
    second = run("ingest", str(EXAMPLES), "--db", postgres_url)
    assert second.returncode == 0
    again = _counts(postgres_url)
    assert again.pop("runs") == counts.pop("runs") + 1
    assert again == counts
