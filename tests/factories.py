"""Articles and events built by hand, as the pipeline would make them, for store and export tests.

The articles are written for these tests. Every Evidence points at the real
offsets of its words in the article text, so the records are internally
consistent (spans inside their sentences, sentence indexes right).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import replace

from eventscope.records import (
    Actor,
    ActorKind,
    Article,
    Attribution,
    Certainty,
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

KHARKIV_SENTENCES = (
    (
        "Russian missiles struck an apartment block in Kharkiv on Tuesday, killing at least "
        "four people and injuring 23, regional governor Oleh Syniehubov said."
    ),
    (
        "Ukraine’s air force said it had intercepted two of the five missiles fired from the "
        "Belgorod region."
    ),
    (
        "Police in Kharkiv detained two men suspected of passing the coordinates of the "
        "building to Russian forces, the SBU security service said."
    ),
    "Kyiv’s foreign ministry has accused Moscow of deliberately targeting civilian infrastructure.",
)

LAGOS_SENTENCES = (
    (
        "Nigerian police fired tear gas at hundreds of protesters in Lagos on Thursday as "
        "demonstrations against the soaring cost of living entered a second week."
    ),
    (
        "Amnesty International said at least 13 people had been arrested, while police put "
        "the figure at nine."
    ),
)

KHARKIV = Place(
    mention="Kharkiv",
    name="Kharkiv",
    geonameid=706483,
    lat=49.98081,
    lon=36.25272,
    country="UKR",
    admin1="Kharkivska",
    precision=GeoPrecision.EXACT,
    reason="only populated place of that name in Ukraine",
)


def _id(*parts: str) -> str:
    return hashlib.sha256("/".join(parts).encode()).hexdigest()[:16]


def make_article(
    sentences: tuple[str, ...],
    *,
    title: str,
    outlet: str,
    url: str,
    published: dt.date | None,
) -> Article:
    text = " ".join(sentences)
    return Article(
        article_id=_id(text),
        text=text,
        title=title,
        url=url,
        outlet=outlet,
        published=published,
        language="en",
        origin=f"feeds/{outlet.lower()}.xml#{url.rsplit('/', 1)[-1]}",
    )


def kharkiv_article() -> Article:
    return make_article(
        KHARKIV_SENTENCES,
        title="Missile strike on Kharkiv apartment block kills four",
        outlet="Reuters",
        url="https://www.reuters.com/world/europe/kharkiv-strike-2024-05-14/",
        published=dt.date(2024, 5, 14),
    )


def lagos_article() -> Article:
    return make_article(
        LAGOS_SENTENCES,
        title="Police fire tear gas at Lagos cost-of-living protest",
        outlet="Premium Times",
        url="https://www.premiumtimesng.com/news/lagos-protest-teargas.html",
        published=dt.date(2024, 8, 9),
    )


def _sentence_bounds(article: Article) -> list[tuple[int, int]]:
    """Start and end of each sentence; the texts here have no abbreviations to trip on."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^ ].*?[.!?](?= |$)", article.text)]


def span(article: Article, phrase: str, sentence: int = 0) -> Evidence:
    """Evidence for the first ``phrase`` in sentence number ``sentence`` of ``article``."""
    sentence_start, sentence_end = _sentence_bounds(article)[sentence]
    start = article.text.index(phrase, sentence_start, sentence_end)
    return Evidence(
        article_id=article.article_id,
        sentence_index=sentence,
        start=start,
        end=start + len(phrase),
        sentence_start=sentence_start,
        sentence_end=sentence_end,
        text=phrase,
    )


def whole_sentence(article: Article, index: int) -> Evidence:
    """Evidence spanning the whole sentence number ``index``."""
    start, end = _sentence_bounds(article)[index]
    return span(article, article.text[start:end], index)


def _source(article: Article) -> Source:
    return Source(
        article_id=article.article_id,
        outlet=article.outlet,
        url=article.url,
        published=article.published,
    )


def kharkiv_events(article: Article) -> list[Event]:
    """The strike (with casualties), the arrest, and an undated, unplaced accusation."""
    a = article
    tuesday = EventDate(
        start=dt.date(2024, 5, 14),
        end=dt.date(2024, 5, 14),
        precision=DatePrecision.DAY,
        derivation=DateDerivation.RELATIVE_TO_PUBLICATION,
        mention="on Tuesday",
        evidence=span(a, "on Tuesday"),
    )
    governor = Attribution(
        certainty=Certainty.REPORTED,
        speaker="Oleh Syniehubov",
        verb="said",
        outlet="Reuters",
        evidence=span(a, "regional governor Oleh Syniehubov said"),
    )
    strike = Event(
        event_id=_id(a.article_id, "strike"),
        type=EventType.ASSAULT,
        trigger=span(a, "struck"),
        evidence=whole_sentence(a, 0),
        mode="explosives/missile/rocket",
        acled_event_type="Explosions/Remote violence",
        acled_sub_event_type="Shelling/artillery/missile attack",
        cameo_root="19",
        actor1=Actor(
            name="Russian Armed Forces",
            mention="Russian missiles",
            country="RUS",
            kind=ActorKind.MILITARY,
            evidence=span(a, "Russian missiles"),
        ),
        actor2=Actor(
            name="civilians",
            mention="people",
            country="UKR",
            kind=ActorKind.CIVILIANS,
            evidence=span(a, "people"),
        ),
        location=replace(KHARKIV, evidence=span(a, "Kharkiv")),
        date=tuesday,
        killed=(
            Quantity(
                min=4,
                max=None,
                mention="at least four",
                attribution=governor,
                evidence=span(a, "at least four"),
            ),
        ),
        injured=(
            Quantity(min=23, max=23, mention="23", attribution=governor, evidence=span(a, "23")),
        ),
        attribution=governor,
        sources=(_source(a),),
        confidence=0.82,
    )
    arrest = Event(
        event_id=_id(a.article_id, "arrest"),
        type=EventType.COERCE,
        trigger=span(a, "detained", 2),
        evidence=whole_sentence(a, 2),
        mode="arrest",
        acled_event_type="Strategic developments",
        acled_sub_event_type="Arrests",
        cameo_root="17",
        actor1=Actor(
            name="Security Service of Ukraine",
            mention="Police",
            country="UKR",
            kind=ActorKind.POLICE,
            evidence=span(a, "Police", 2),
        ),
        location=replace(KHARKIV, evidence=span(a, "Kharkiv", 2)),
        date=tuesday,
        arrested=(Quantity(min=2, max=2, mention="two men", evidence=span(a, "two men", 2)),),
        attribution=Attribution(
            certainty=Certainty.REPORTED,
            speaker="SBU",
            verb="said",
            evidence=span(a, "the SBU security service said", 2),
        ),
        sources=(_source(a),),
        confidence=0.64,
    )
    accusation = Event(
        event_id=_id(a.article_id, "accusation"),
        type=EventType.ACCUSE,
        trigger=span(a, "accused", 3),
        evidence=whole_sentence(a, 3),
        cameo_root="11",
        actor1=Actor(
            name="Government of Ukraine",
            mention="Kyiv’s foreign ministry",
            country="UKR",
            kind=ActorKind.GOVERNMENT,
            evidence=span(a, "Kyiv’s foreign ministry", 3),
        ),
        actor2=Actor(
            name="Government of Russia",
            mention="Moscow",
            country="RUS",
            kind=ActorKind.GOVERNMENT,
            evidence=span(a, "Moscow", 3),
        ),
        date=EventDate(
            start=None,
            end=None,
            precision=DatePrecision.UNKNOWN,
            derivation=DateDerivation.UNRESOLVED,
            reason="no date in the sentence; 'has accused' may predate the article",
        ),
        attribution=Attribution(certainty=Certainty.ASSERTED),
        sources=(_source(a),),
        confidence=0.41,
    )
    return [strike, arrest, accusation]


def lagos_events(article: Article) -> list[Event]:
    """A protest, and its arrests reported with two disagreeing counts."""
    a = article
    thursday = EventDate(
        start=dt.date(2024, 8, 8),
        end=dt.date(2024, 8, 8),
        precision=DatePrecision.DAY,
        derivation=DateDerivation.RELATIVE_TO_PUBLICATION,
        mention="on Thursday",
        evidence=span(a, "on Thursday"),
    )
    lagos = Place(
        mention="Lagos",
        name="Lagos",
        geonameid=2332459,
        lat=6.45407,
        lon=3.39467,
        country="NGA",
        admin1="Lagos",
        precision=GeoPrecision.EXACT,
        evidence=span(a, "Lagos"),
    )
    protest = Event(
        event_id=_id(a.article_id, "protest"),
        type=EventType.PROTEST,
        trigger=span(a, "demonstrations"),
        evidence=whole_sentence(a, 0),
        mode="demonstrate",
        acled_event_type="Protests",
        acled_sub_event_type="Protest with intervention",
        cameo_root="14",
        actor1=Actor(
            name="Protesters (Nigeria)",
            mention="hundreds of protesters",
            country="NGA",
            kind=ActorKind.PROTESTERS,
            evidence=span(a, "hundreds of protesters"),
        ),
        actor2=Actor(
            name="Nigeria Police Force",
            mention="Nigerian police",
            country="NGA",
            kind=ActorKind.POLICE,
            evidence=span(a, "Nigerian police"),
        ),
        location=lagos,
        date=thursday,
        attribution=Attribution(certainty=Certainty.ASSERTED),
        sources=(_source(a),),
        confidence=0.77,
    )
    amnesty = Attribution(
        certainty=Certainty.REPORTED,
        speaker="Amnesty International",
        verb="said",
        evidence=span(a, "Amnesty International said", 1),
    )
    police = Attribution(
        certainty=Certainty.REPORTED,
        speaker="police",
        verb="put",
        evidence=span(a, "police put the figure", 1),
    )
    arrests = Event(
        event_id=_id(a.article_id, "arrests"),
        type=EventType.COERCE,
        trigger=span(a, "arrested", 1),
        evidence=whole_sentence(a, 1),
        mode="arrest",
        acled_event_type="Strategic developments",
        acled_sub_event_type="Arrests",
        cameo_root="17",
        actor1=Actor(
            name="Nigeria Police Force",
            mention="police",
            country="NGA",
            kind=ActorKind.POLICE,
            evidence=span(a, "police", 1),
        ),
        location=lagos,
        date=thursday,
        arrested=(
            Quantity(
                min=13,
                max=None,
                mention="at least 13",
                attribution=amnesty,
                evidence=span(a, "at least 13", 1),
            ),
            Quantity(min=9, max=9, mention="nine", attribution=police, evidence=span(a, "nine", 1)),
        ),
        attribution=amnesty,
        sources=(_source(a),),
        confidence=0.58,
    )
    return [protest, arrests]
