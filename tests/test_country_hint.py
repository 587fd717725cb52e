"""The `country` setting: the country of a one-country feed, for articles that name no place.

Every text was written for these tests; the expected places were checked by hand.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import eventscope as es
from eventscope.config import Config
from eventscope.serve.cli import app

PUBLISHED = "2019-03-20"
NO_PLACE = "Angry residents lynched two suspected cattle thieves at the market on Monday."


def _places(text: str, config: Config) -> list[tuple[str | None, int | None]]:
    return [
        (e.location.country if e.location else None, int(e.location.precision) if e.location and e.location.precision else None)
        for e in es.extract(text, published=PUBLISHED, config=config)
    ]


def test_without_the_setting_an_article_that_names_no_place_has_none() -> None:
    assert _places(NO_PLACE, Config()) == [(None, None)]


@pytest.mark.parametrize("value", ["KEN", "ken", "Kenya"])
def test_the_setting_gives_such_events_the_feeds_country_at_precision_3(value: str) -> None:
    (event,) = es.extract(NO_PLACE, published=PUBLISHED, config=Config(country=value))
    assert event.location is not None
    assert (event.location.country, int(event.location.precision or 0)) == ("KEN", 3)
    assert event.actor1 is not None and event.actor1.name == "Rioters (Kenya)"


def test_a_place_the_article_names_outweighs_the_setting() -> None:
    text = "Angry residents lynched two suspected cattle thieves in Gulu town on Monday."
    assert _places(text, Config(country="KEN")) == [("UGA", 1)]


def test_a_country_the_article_names_outweighs_the_setting() -> None:
    text = "Angry residents in Uganda lynched two suspected cattle thieves on Monday."
    assert _places(text, Config(country="KEN"))[0][0] == "UGA"


def test_a_setting_that_names_no_country_is_a_one_line_error() -> None:
    with pytest.raises(es.ConfigError, match=r"ES202.*country.*Narnia"):
        es.extract(NO_PLACE, published=PUBLISHED, config=Config(country="Narnia"))


def test_evaluate_takes_the_country_of_a_one_country_gold_file(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    case = {
        "id": "k1", "text": NO_PLACE, "published": PUBLISHED,
        "events": [{"acled_event_type": "Riots", "acled_sub_event_type": "Mob violence", "country": "KEN"}],
    }
    gold.write_text(json.dumps(case) + "\n", encoding="utf-8")
    runner = CliRunner()
    plain = runner.invoke(app, ["evaluate", str(gold), "--json"])
    hinted = runner.invoke(app, ["evaluate", str(gold), "--json", "--country", "KEN"])
    assert plain.exit_code == 0 and hinted.exit_code == 0, hinted.output
    assert json.loads(plain.output)["country_accuracy"] == 0.0
    assert json.loads(hinted.output)["country_accuracy"] == 1.0
