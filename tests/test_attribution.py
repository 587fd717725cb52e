"""Who says an event happened, and how sure the text is: sentences written for these tests.

Each case names the trigger word (its first occurrence; ``word#2`` for the
second) and the attribution expected of it. The rule for reports of reports
(README, "Attribution and certainty"): the speaker is the source nearest the
event, the one that has the information; the outlet is the source that passes
it on (the named news outlet, the one that cites, the one told, or the outer
speaker of "X said Y reported"); without one, the article's own outlet.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from factories import kharkiv_article, kharkiv_events, span
from spacy.tokens import Doc, Token
from typer.testing import CliRunner

import eventscope as es
from eventscope.dedup import merge_within
from eventscope.disagreement import disagreements
from eventscope.export import write_events
from eventscope.extract.attribution import attribute
from eventscope.nlp.model import load_model
from eventscope.records import (
    Attribution,
    Certainty,
    DateDerivation,
    DatePrecision,
    Event,
    EventDate,
    EventType,
    Quantity,
    Variant,
)
from eventscope.serve.cli import app

OUTLET = "Harbour Gazette"  # the article's own outlet
A = Certainty.ASSERTED
R = Certainty.REPORTED
AL = Certainty.ALLEGED
C = Certainty.CLAIMED
D = Certainty.DENIED
H = Certainty.HYPOTHETICAL
U = Certainty.UNVERIFIED


@dataclass(frozen=True)
class Case:
    text: str
    trigger: str
    speaker: str | None
    verb: str | None
    outlet: str | None
    certainty: Certainty


CASES: dict[str, Case] = {
    # the writer states it
    "writer_states_it": Case(
        "Protesters blocked the main highway for six hours on Monday.",
        "blocked", None, None, OUTLET, A),
    "writer_states_a_killing": Case(
        "Gunmen on motorbikes killed four villagers near the cattle market on Sunday.",
        "killed", None, None, OUTLET, A),
    "suspected_actor_does_not_hedge_the_attack": Case(
        "Suspected militants attacked a police post in the hills overnight.",
        "attacked", None, None, OUTLET, A),
    # "X said", indirect and direct speech
    "police_said": Case(
        "Police said gunmen killed four villagers near the cattle market on Sunday.",
        "killed", "Police", "said", OUTLET, R),
    "said_after_the_report": Case(
        "An attacker opened fire on worshippers, killing three, witnesses said.",
        "killing", "witnesses", "said", OUTLET, R),
    "announced_after_the_report": Case(
        "Police arrested 17 people in the port city, the interior ministry announced on Friday.",
        "arrested", "interior ministry", "announced", OUTLET, R),
    "said_that_with_had": Case(
        "The provincial governor said that troops had detained 12 students at the campus gate.",
        "detained", "provincial governor", "said", OUTLET, R),
    "said_inverted_after_straight_quote": Case(
        '"The police fired tear gas at people who were just singing," said Amina Yusuf, a march organiser.',
        "fired", "Amina Yusuf", "said", OUTLET, R),
    "said_after_curly_quote": Case(
        "\u201cSoldiers broke down the doors and beat my brother,\u201d a resident of the camp said.",
        "beat", "resident of the camp", "said", OUTLET, R),
    "said_colon_curly_quote": Case(
        "The district commissioner said: \u201cBandits burned the granary and drove off the cattle.\u201d",
        "burned", "district commissioner", "said", OUTLET, R),
    # "according to", "told"
    "according_to_first": Case(
        "According to the provincial governor, soldiers detained 12 protesters.",
        "detained", "provincial governor", "according to", OUTLET, R),
    "according_to_last": Case(
        "Soldiers detained 12 protesters outside the courthouse, according to a local rights group.",
        "detained", "local rights group", "according to", OUTLET, R),
    "told_an_outlet": Case(
        "The interior minister told Reuters that troops had arrested 30 suspects.",
        "arrested", "interior minister", "told", "Reuters", R),
    "told_the_bbc": Case(
        "Residents told the BBC that soldiers had set fire to the market.",
        "set", "Residents", "told", "BBC", R),
    "told_reporters_is_no_outlet": Case(
        "A police spokesman told reporters that two officers were wounded in the blast.",
        "wounded", "police spokesman", "told", OUTLET, R),
    # outlets and "citing"
    "outlet_citing_anonymous_officials": Case(
        "The Associated Press, citing two unnamed security officials, reported that 13 protesters"
        " had been detained in the capital.",
        "detained", "two unnamed security officials", "reported", "Associated Press", U),
    "citing_first": Case(
        "Citing hospital sources, the broadcaster said 11 people died in the clashes.",
        "died", "hospital sources", "said", "broadcaster", U),
    "television_citing_ministry": Case(
        "Local television, citing the health ministry, reported that 40 people were injured.",
        "injured", "health ministry", "reported", "Local television", R),
    "said_citing_after": Case(
        "At least nine civilians were killed, the United Nations said, citing local health workers.",
        "killed", "local health workers", "said", "United Nations", R),
    "outlet_reports_itself": Case(
        "Pro-government media reported that rebels ambushed an army patrol near the dam.",
        "ambushed", "Pro-government media", "reported", "Pro-government media", R),
    # nested: "X said Y reported" (speaker Y, outlet X)
    "nested_outlet_said_witnesses_reported": Case(
        "Reuters said witnesses reported that soldiers beat several protesters.",
        "beat", "witnesses", "reported", "Reuters", R),
    "nested_ministry_said_media_reported": Case(
        "The ministry said local media had reported that six soldiers were killed.",
        "killed", "local media", "reported", "ministry", R),
    # anonymous sources
    "security_source": Case(
        "A security source said three soldiers were killed in the ambush.",
        "killed", "security source", "said", OUTLET, U),
    "condition_of_anonymity": Case(
        "Officials who spoke on condition of anonymity said the convoy was attacked near the border.",
        "attacked", "Officials", "said", OUTLET, U),
    "speaking_on_condition_of_anonymity": Case(
        "An official, speaking on condition of anonymity, said 20 people were detained overnight.",
        "detained", "official", "said", OUTLET, U),
    "declined_to_be_identified": Case(
        "A senior officer, who declined to be identified, said soldiers had detained the journalist.",
        "detained", "senior officer", "said", OUTLET, U),
    "sources_told_outlet": Case(
        "Two sources close to the investigation told AFP that the gunmen had shot a guard.",
        "shot", "Two sources close to the investigation", "told", "AFP", U),
    # quotes whose speaker is in the next or the previous sentence
    "quote_spans_two_sentences": Case(
        "\u201cArmed men stormed the clinic at night. They took two nurses with them,\u201d"
        " said Hassan Omar, the clinic's director.",
        "stormed", "Hassan Omar", "said", OUTLET, R),
    "straight_quote_spans_two_sentences": Case(
        '"Troops raided the village before dawn. Nobody was spared," a farmer told the Harbour Gazette.',
        "raided", "farmer", "told", "Harbour Gazette", R),
    "speaker_named_in_previous_sentence": Case(
        "Maria Lopez, a nurse at the hospital, described the scene. "
        "\u201cThe soldiers shot at anyone who ran,\u201d she said.",
        "shot", "Maria Lopez", "said", OUTLET, R),
    "she_said_colon_quote_next_sentence": Case(
        "The mayor spoke outside the town hall on Tuesday. She said:"
        " \u201cThe rebels shelled the market twice this morning. Two children died.\u201d",
        "shelled", "mayor", "said", OUTLET, R),
    "it_said_resolves_to_the_statement": Case(
        "The interior ministry issued a statement on Sunday. "
        "Security forces arrested 14 suspects in the raid, it said.",
        "arrested", "interior ministry", "said", OUTLET, R),
    "an_event_is_no_speaker_for_he": Case(
        "The ambush killed five soldiers near the base. Rebels later seized the town, he said.",
        "seized", "he", "said", OUTLET, R),
    # hedges and their scope
    "reportedly": Case(
        "Militiamen reportedly burned three houses in the village.",
        "burned", None, None, OUTLET, AL),
    "allegedly_with_speaker": Case(
        "Militiamen allegedly burned three houses, residents said.",
        "burned", "residents", "said", OUTLET, AL),
    "suspected_strike": Case(
        "The suspected air strike killed nine people in the camp.",
        "strike", None, None, OUTLET, AL),
    "alleged_to_have_attacked": Case(
        "The minister said that two men who are alleged to have stormed the consulate were in custody.",
        "stormed", "minister", "said", OUTLET, AL),
    "allegedly_responsible_does_not_hedge_the_arrest": Case(
        "Police arrested two men allegedly responsible for the bombing, the ministry said.",
        "arrested", "ministry", "said", OUTLET, R),
    "allegedly_responsible_does_not_hedge_the_bombing": Case(
        "Police arrested two men allegedly responsible for the bombing, the ministry said.",
        "bombing", "ministry", "said", OUTLET, R),
    "suspected_of_hedges_the_inner_act": Case(
        "Police detained five men suspected of setting fire to the polling station.",
        "detained", None, None, OUTLET, A),
    "preliminary_information_indicates": Case(
        "Preliminary information indicates that the guards were shot by men in police uniforms,"
        " the governor said.",
        "shot", "governor", "said", OUTLET, AL),
    "according_to_with_allegedly": Case(
        "Troops allegedly tortured the detainees, according to Human Rights Watch.",
        "tortured", "Human Rights Watch", "according to", OUTLET, AL),
    "accused_of": Case(
        "The opposition accused the police of killing two demonstrators.",
        "killing", "opposition", "accused", OUTLET, AL),
    "the_accusation_itself_is_asserted": Case(
        "The opposition accused the police of killing two demonstrators.",
        "accused", None, None, OUTLET, A),
    "told_beside_the_saying_is_asserted": Case(
        "Police said nothing about the clashes and arrested 12 men at the scene.",
        "arrested", None, None, OUTLET, A),
    "claim_about_others_is_an_allegation": Case(
        "The rebels claimed that government troops had shelled a school.",
        "shelled", "rebels", "claimed", OUTLET, AL),
    # claims of one's own action
    "claimed_the_bombing": Case(
        "The Islamic State group claimed the bombing in a statement on Telegram.",
        "bombing", "Islamic State group", "claimed", OUTLET, C),
    "claimed_own_fighters": Case(
        "The rebels claimed that their fighters had downed a helicopter.",
        "downed", "rebels", "claimed", OUTLET, C),
    "said_it_carried_out": Case(
        "The group said it carried out the attack to avenge its commander.",
        "attack", "group", "said", OUTLET, C),
    "police_said_they_arrested": Case(
        "Police said they arrested five men after the raid.",
        "arrested", "Police", "said", OUTLET, C),
    "quote_we": Case(
        "\u201cOur fighters shot down a drone over the valley,\u201d the group said in a statement.",
        "shot", "group", "said", OUTLET, C),
    # denials
    "denied_carrying_out": Case(
        "The militia denied carrying out the attack on the convoy.",
        "attack", "militia", "denied", OUTLET, D),
    "denied_that": Case(
        "The army denied that its soldiers had fired on the protesters.",
        "fired", "army", "denied", OUTLET, D),
    "denied_reports_that": Case(
        "Police denied reports that officers beat detainees at the station.",
        "beat", "Police", "denied", OUTLET, D),
    # could, may have
    "could_attack": Case(
        "Officials warned that the militants could attack the airport.",
        "attack", "Officials", "warned", OUTLET, H),
    "may_have_abducted": Case(
        "Gunmen may have abducted the two engineers, a police officer said.",
        "abducted", "police officer", "said", OUTLET, H),
    "could_storm": Case(
        "Troops could storm the town within days if the talks fail.",
        "storm", None, None, OUTLET, H),
}


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return load_model()


def _token(doc: Doc, word: str) -> Token:
    text, _, nth = word.partition("#")
    matches = [t for t in doc if t.text == text]
    assert matches, f"{text!r} is not a word of the case"
    return matches[int(nth or 1) - 1]


def test_there_are_at_least_forty_cases() -> None:
    assert len(CASES) >= 40


@pytest.mark.parametrize("name", list(CASES))
def test_attribution(nlp, name: str) -> None:  # type: ignore[no-untyped-def]
    case = CASES[name]
    doc = nlp(case.text)
    got = attribute("a1", _token(doc, case.trigger), OUTLET)
    assert (got.speaker, got.verb, got.outlet, got.certainty) == (
        case.speaker, case.verb, case.outlet, case.certainty,
    )
    if got.speaker is not None:
        assert got.evidence is not None  # the speaker's words, where they are
        assert case.text[got.evidence.start : got.evidence.end] == got.evidence.text


# Two reports of one arrest in one article that give different numbers (issue 7).
ARRESTS = (
    "Police in Kano arrested several people after a rally turned violent on Saturday,"
    " the Kano state government said in a statement.\n"
    "The Reuters news agency, citing a police officer who asked not to be named, reported"
    " that 21 people had been arrested in Kano."
)


@pytest.fixture(scope="module")
def arrests() -> Event:
    events = es.extract(ARRESTS, published="2024-03-12", outlet=OUTLET)
    # arrests after a rally that turned violent are that riot's count (extract/arrests.py)
    (event,) = [e for e in events if e.arrested]
    return event


def test_conflicting_counts_are_both_kept_each_with_its_source(arrests: Event) -> None:
    several, twenty_one = arrests.arrested
    assert (several.min, several.max, several.mention) == (3, 9, "several")
    assert several.attribution is not None and twenty_one.attribution is not None
    said = several.attribution
    assert (said.speaker, said.verb, said.outlet, said.certainty) == ("Kano state government", "said", OUTLET, R)
    assert (twenty_one.min, twenty_one.max) == (21, 21)
    cited = twenty_one.attribution
    assert (cited.speaker, cited.verb, cited.outlet, cited.certainty) == (
        "police officer", "reported", "Reuters news agency", U,
    )
    assert twenty_one.evidence is not None
    assert ARRESTS[twenty_one.evidence.start : twenty_one.evidence.end] == "21"


def test_jsonl_export_gives_one_figure_and_flags_the_disagreement(arrests: Event) -> None:
    stream = io.BytesIO()
    assert write_events([arrests], "jsonl", stream) == 1
    record = json.loads(stream.getvalue())
    assert record["figures"] == {"killed": None, "injured": None, "arrested": 3, "displaced": None, "abducted": None}
    assert record["disagreements"] == ["arrested"]
    assert [q["attribution"]["certainty"] for q in record["arrested"]] == ["reported", "unverified"]


def test_show_prints_every_count_with_who_said_it(arrests: Event, tmp_path: Path) -> None:
    article = tmp_path / "kano.txt"
    article.write_text("Arrests in Kano\n-----\n" + ARRESTS + "\n", encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'events.db'}"
    runner = CliRunner()
    ingested = runner.invoke(app, ["ingest", str(article), "--published", "2024-03-12", "--db", url])
    assert ingested.exit_code == 0, ingested.output
    shown = runner.invoke(app, ["show", arrests.event_id, "--db", url], env={"COLUMNS": "300"})
    assert shown.exit_code == 0, shown.output
    lines = [" ".join(line.split()) for line in shown.output.splitlines()]
    assert any("3..9 ('several') — reported: Kano state government said" in line for line in lines)
    assert any(
        "21..21 ('21') — unverified: police officer reported, via Reuters news agency" in line
        for line in lines
    )
    assert "sources disagree on: arrested (every value is listed above)" in lines


@pytest.fixture
def strike() -> Event:
    return kharkiv_events(kharkiv_article())[0]  # 14 May 2024, Kharkiv, "at least four" killed


def _with(event: Event, field: str, value: str, stated: bool = True) -> Event:
    evidence = span(kharkiv_article(), "Kharkiv") if stated else None
    variant = Variant(field, value, "m2", event.trigger.article_id, evidence=evidence)
    return replace(event, variants=(variant,))


@pytest.mark.parametrize(
    ("field", "value", "stated", "expected"),
    [
        ("date", "2024-05-12", True, ("date",)),  # another report says Sunday
        ("date", "2024-05-13..2024-05-19", True, ()),  # that week: no conflict
        ("date", "2024-05-16", False, ()),  # a publication-date fallback: nobody said so
        ("location", "Belgorod (RUS)", True, ("location",)),
        ("location", "Kyiv (UKR)", True, ("location",)),
        ("location", "Ukraine (UKR)", True, ()),  # the country it is in
        ("location", "Saltivka, Kharkiv (UKR)", True, ()),  # a part of it
    ],
)
def test_dates_and_places_that_reports_disagree_on_are_flagged(
    strike: Event, field: str, value: str, stated: bool, expected: tuple[str, ...]
) -> None:
    assert disagreements(_with(strike, field, value, stated)) == expected


@pytest.mark.parametrize(
    ("low", "high", "certainty", "expected"),
    [
        (2, 2, R, ("killed",)),  # 2 and "at least four" cannot both be true
        (6, 6, R, ()),
        (2, 2, H, ()),  # "could have killed two" is no report of the toll
        (2, 2, D, ()),
    ],
)
def test_counts_disagree_only_when_credible_ranges_do_not_meet(
    strike: Event, low: int, high: int, certainty: Certainty, expected: tuple[str, ...]
) -> None:
    other = Quantity(low, high, str(low), Attribution(certainty, "a medic", "said"))
    variant = Variant("killed", str(low), "m2", strike.trigger.article_id, quantity=other)
    assert disagreements(replace(strike, variants=(variant,))) == expected


def test_within_merge_keeps_no_date_that_no_report_stated(strike: Event) -> None:
    assert strike.date is not None
    fallback = EventDate(
        dt.date(2024, 5, 16), dt.date(2024, 5, 16), DatePrecision.DAY,
        DateDerivation.PUBLICATION_FALLBACK, reason="no date in the text; the publication date",
    )
    week = EventDate(
        dt.date(2024, 5, 13), dt.date(2024, 5, 19), DatePrecision.WEEK,
        DateDerivation.EXPLICIT, mention="this week", evidence=strike.date.evidence,
    )
    unstated = replace(strike, event_id="m2", date=fallback, killed=(), injured=())
    (merged,) = merge_within([strike, unstated])
    assert merged.date == strike.date
    assert [v for v in merged.variants if v.field == "date"] == []
    stated = replace(strike, event_id="m3", date=week, killed=(), injured=())
    (merged,) = merge_within([strike, stated])
    assert [(v.field, v.value) for v in merged.variants] == [("date", "2024-05-13..2024-05-19")]


SAMPLE = Path(__file__).resolve().parents[1].parent / "shared" / "samples" / "iraq-embassy-attackers.txt"


@pytest.fixture(scope="module")
def sample_events() -> list[Event]:
    if not SAMPLE.exists():
        pytest.skip(f"the shared sample is not beside the project at {SAMPLE}")
    body = SAMPLE.read_text(encoding="utf-8").split("-----", 1)[1].strip()
    return es.extract(body, published="2023-12-14", outlet="sample")


def test_sample_sources_as_issue_7_lists_them(sample_events: list[Event]) -> None:
    (arrests,) = [e for e in sample_events if e.type is EventType.COERCE and e.trigger.text == "arrested"]
    said = [(q.mention, q.attribution and q.attribution.certainty) for q in arrests.arrested]
    assert said == [("several", R), ("13", U)]
    thirteen = arrests.arrested[1].attribution
    assert thirteen is not None and thirteen.outlet is not None and "AFP" in thirteen.outlet
    assert thirteen.speaker is not None and "anonymous" in thirteen.speaker
    claimed = [e for e in sample_events if e.claimed_by is not None]
    assert len(claimed) == 2
    assert {e.claimed_by.name for e in claimed if e.claimed_by} == {"Islamic Resistance in Iraq"}
    assert {e.attribution.certainty for e in claimed if e.attribution} == {C}
    (aggregate,) = [e for e in sample_events if e.is_aggregate and e.injured]
    assert aggregate.attribution is not None
    assert (aggregate.attribution.speaker, aggregate.attribution.certainty) == ("US military", R)
    # the attackers are "alleged" in the government's statement: its word, hedged
    (embassy,) = [e for e in sample_events if e.trigger.text == "attacked"]
    assert embassy.attribution is not None
    assert embassy.attribution.certainty is AL
    assert embassy.attribution.speaker is not None and "government" in embassy.attribution.speaker
