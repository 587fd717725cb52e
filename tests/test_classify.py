"""`eventscope train` and the `classifier` setting: a trained model re-types the rules' events.

The gold file is tests/fixtures/classify-gold.jsonl: short event reports written
for these tests, one event each, across six ACLED types and ten sub-types. The
rules read "gunmen seized a teacher and took him away" as a seizure (Strategic
developments / Looting), which the fixture codes as an abduction.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

import eventscope as es
from eventscope.classify.features import event_view
from eventscope.classify.model import MANIFEST, MODEL_FILE, load_classifier
from eventscope.classify.train import TrainingSet, fit_classifier, pair_for_training
from eventscope.evaluate import GoldEvent
from eventscope.serve.cli import app

GOLD = Path(__file__).parent / "fixtures" / "classify-gold.jsonl"
HOSTAGE = "On 10 April 2022, gunmen seized a pastor and took him to an unknown place near Zaria."
ABDUCTION = ("Violence against civilians", "Abduction/forced disappearance")


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("classifier") / "model"
    es.train_classifier(GOLD, directory)
    return directory


def _acled(events: list[es.Event]) -> list[tuple[str | None, str | None]]:
    return [(e.acled_event_type, e.acled_sub_event_type) for e in events]


def test_train_writes_a_manifest_and_a_model(trained: Path) -> None:
    manifest = json.loads((trained / MANIFEST).read_text(encoding="utf-8"))
    assert (trained / MODEL_FILE).is_file()
    assert manifest["format"] == "eventscope.classifier.v1"
    assert manifest["cases"] == 39
    assert manifest["examples"] >= 30
    assert "Violence against civilians\tAbduction/forced disappearance" in manifest["labels"]


def test_trained_classifier_types_a_seized_hostage_as_an_abduction(trained: Path) -> None:
    rules = es.extract(HOSTAGE)
    assert _acled(rules) != [ABDUCTION]  # the rules alone call it a seizure
    retyped = es.extract(HOSTAGE, config=es.Config(classifier=str(trained)))
    assert _acled(retyped) == [ABDUCTION]


def test_retyping_keeps_everything_but_the_acled_type(trained: Path) -> None:
    text = "On 12 April 2022, police arrested nine traders in Nakuru."
    rules = es.extract(text)
    retyped = es.extract(text, config=es.Config(classifier=str(trained)))
    assert len(rules) == len(retyped) == 1
    assert replace(
        retyped[0], acled_event_type=rules[0].acled_event_type,
        acled_sub_event_type=rules[0].acled_sub_event_type,
    ) == rules[0]
    assert _acled(retyped) == [("Strategic developments", "Arrests")]


def test_classifier_is_loaded_once_per_process(trained: Path) -> None:
    assert load_classifier(str(trained)) is load_classifier(str(trained))


def test_missing_classifier_directory_is_a_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(es.ResourceError) as raised:
        es.extract(HOSTAGE, config=es.Config(classifier=str(tmp_path / "nowhere")))
    assert raised.value.code == "ES320"
    assert "nowhere" in str(raised.value) and "\n" not in str(raised.value)


def test_corrupt_model_file_is_a_one_line_error(trained: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    broken.mkdir()
    shutil.copy(trained / MANIFEST, broken / MANIFEST)
    (broken / MODEL_FILE).write_bytes(b"not a pickle at all")
    with pytest.raises(es.ResourceError) as raised:
        load_classifier(str(broken))
    assert raised.value.code == "ES321" and "\n" not in str(raised.value)


def test_manifest_of_another_format_is_refused(trained: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(trained / MODEL_FILE, other / MODEL_FILE)
    (other / MANIFEST).write_text('{"format": "someone.else.v9"}', encoding="utf-8")
    with pytest.raises(es.ResourceError) as raised:
        load_classifier(str(other))
    assert raised.value.code == "ES321" and "someone.else.v9" in str(raised.value)


def test_ingest_with_a_missing_classifier_fails_before_reading(tmp_path: Path) -> None:
    config = es.Config(db=f"sqlite:///{tmp_path / 'events.db'}", classifier=str(tmp_path / "none"))
    with es.open_store(config.db) as store, pytest.raises(es.ResourceError, match="ES320"):
        es.ingest([str(GOLD)], store, config=config)


def test_gold_with_a_single_label_cannot_train() -> None:
    event = es.extract("On 12 April 2022, police arrested nine traders in Nakuru.")[0]
    view = event_view(event, "On 12 April 2022, police arrested nine traders in Nakuru.")
    data = TrainingSet((view, view), ("Strategic developments\tArrests",) * 2, cases=2, unpaired_gold=0)
    with pytest.raises(es.InputError, match="ES145"):
        fit_classifier(data)


def test_training_pairs_by_date_and_order_not_by_type() -> None:
    text = (
        "On 3 April 2022, police arrested four men in Nakuru. "
        "On 5 April 2022, gunmen shot dead a farmer near Jos."
    )
    system = es.extract(text, published="2022-04-06")
    assert len(system) == 2
    # gold types deliberately disagree with the rules; dates decide the pairs
    gold = [
        GoldEvent(acled_event_type="Riots", date=dt.date(2022, 4, 5)),
        GoldEvent(acled_event_type="Protests", date=dt.date(2022, 4, 3)),
    ]
    by_date: dict[dt.date | None, int] = {}
    for i, j in pair_for_training(gold, system):
        date = system[j].date
        assert date is not None
        by_date[date.start] = i
    assert by_date == {dt.date(2022, 4, 5): 0, dt.date(2022, 4, 3): 1}


def test_cli_train_then_evaluate_with_the_classifier(tmp_path: Path) -> None:
    runner = CliRunner()
    directory = tmp_path / "model"
    trained = runner.invoke(app, ["train", str(GOLD), "-o", str(directory)])
    assert trained.exit_code == 0, trained.output
    assert "saved to" in trained.output and (directory / MANIFEST).is_file()
    plain = runner.invoke(app, ["evaluate", str(GOLD), "--json"])
    retyped = runner.invoke(app, ["evaluate", str(GOLD), "--json", "--classifier", str(directory)])
    assert plain.exit_code == 0 and retyped.exit_code == 0, retyped.output
    before, after = json.loads(plain.output), json.loads(retyped.output)
    assert after["acled_subtype_accuracy"] > before["acled_subtype_accuracy"]


@pytest.mark.slow
def test_cli_missing_classifier_is_one_line_with_its_code(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "eventscope", "evaluate", str(GOLD), "--classifier",
         str(tmp_path / "nowhere")],
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert result.returncode == 1
    assert "[ES320]" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.slow
def test_cli_train_in_a_real_process(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "eventscope", "train", str(GOLD), "-o", str(tmp_path / "m")],
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "m" / MODEL_FILE).is_file()


@pytest.mark.slow
def test_dask_workers_retype_with_the_classifier(trained: Path, tmp_path: Path) -> None:
    article = tmp_path / "hostage.txt"
    article.write_text(f"Pastor abducted\n-----\n{HOSTAGE}\n", encoding="utf-8")
    config = es.Config(db=f"sqlite:///{tmp_path / 'events.db'}", classifier=str(trained))
    with es.open_store(config.db) as store:
        report = es.ingest([article], store, config=config, workers=1)
        assert report.stored == 1 and not report.failed
        events = list(store.iter_events(es.EventFilter()))
    assert _acled(events) == [ABDUCTION]
