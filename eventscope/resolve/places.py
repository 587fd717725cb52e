"""Resolves a place mention to coordinates, country and ACLED geo precision.

Order of preference inside a mention: a curated landmark ("Green Zone"), then
a city, then a region phrase or country. A region phrase ("eastern Syria")
gives the country with precision 3 and keeps the phrase; it never picks a
town. Among cities of one name, one in a country the article talks about
wins, else the most populous.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.symbols import PROPN
from spacy.tokens import Doc, Span, Token

from eventscope.extract.evidence import evidence_for
from eventscope.extract.lexicon import PLACE_NOUNS
from eventscope.nlp.text import doc_text, entities
from eventscope.records import ActorKind, Evidence, GeoPrecision, Place
from eventscope.resolve.gazetteer import (
    COUNTRY_ALIASES,
    City,
    Country,
    Gazetteer,
    Subdivision,
    bare_code,
    fold,
    same_name,
)
from eventscope.resolve.homelands import NameTable, load_communities, load_leaders
from eventscope.resolve.organisations import Organisations

DIRECTIONS = frozenset(
    ["north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern", "southeastern", "southwestern"]
)




def _entity_texts(span: Span) -> list[str]:
    """Names to look up for a mention: its place entities, then its proper nouns."""
    ents = [e for e in entities(span) if e.label_ in ("GPE", "LOC", "FAC")]
    names = [e.text for e in ents]
    if len(names) > 1 and "," not in span.text and " and " not in span.text:
        names.insert(0, span.text)  # "Baja California", tagged "Baja" and "California": one name
    elif ents and all(t.pos_ == "PROPN" for t in span.doc[span.start : ents[0].start]) and ents[0].start > span.start:
        names.insert(0, span.text)  # "Homa Bay county", tagged "Bay county": the name the model cut
    if " - " in span.text:  # "Dhaka - Shahbagh": a district of a city, as ACLED writes it
        names.insert(0, span.text.split(" - ")[0].strip())
    proper = " ".join(
        t.text for t in span if t.pos_ == "PROPN" and t.lower_ not in PLACE_NOUNS and t.text != "’s"
    )
    for candidate in (proper, span.text):
        if candidate and candidate not in names:
            names.append(candidate)
    for name in list(names):  # "Natore town", "Sreemangal upazila": the town's own name too
        bare = _strip_kind(name.removeprefix("the ").removeprefix("The "))
        if bare and bare not in names:
            names.append(bare)
    return names


def country_named(gazetteer: Gazetteer, text: str) -> Country | None:
    """The country a name or demonym refers to; a bare ISO code ("KN", "AL") names none.

    News writes "US" and "UK" (aliases), but "(Chennai, TN)" and "MP Ilmi"
    are a state and a title, not Tunisia and the Northern Mariana Islands.
    """
    stripped = text.strip()
    if bare_code(stripped):
        return None
    if fold(stripped) in PLACES_NOT_COUNTRIES:
        return None
    return gazetteer.country(stripped)


# Aliases that name a country as an actor ("Washington said") but a city as a place.
PLACES_NOT_COUNTRIES = frozenset({"washington", "washington, d.c.", "washington d.c."})


@dataclass(frozen=True)
class PlaceContext:
    """What the whole article says about where it is."""

    countries: tuple[str, ...] = ()  # ISO3, most mentioned first
    areas: tuple[str, ...] = ()  # ISO 3166-2 codes of the states it names, most mentioned first
    # countries whose forces it names ("US military forces"), often abroad: the article's
    # country only when it names no other, and no say in which town a name is
    deployed: tuple[str, ...] = ()
    # (folded name, ISO3) for a country only that name voted for ("Paris" in a story whose
    # other places are in Illinois): a name is no evidence for its own sense
    sole: tuple[tuple[str, str], ...] = ()
    # home countries of the armed groups it names: the article's country only when nothing
    # else says one, and no say in which town a name is
    homes: tuple[str, ...] = ()

    def countries_for(self, name: str, gazetteer: Gazetteer) -> tuple[str, ...]:
        """``countries`` without those only ``name`` itself voted for, when another has a
        town of that name; alone, "Dhaka" still says Bangladesh."""
        own = {iso3 for voter, iso3 in self.sole if voter == _voter(name)}
        if not own:
            return self.countries
        rest = tuple(c for c in self.countries if c not in own)
        senses = {c.country for c in gazetteer.cities(name)}
        return rest if senses.intersection(rest) else self.countries


EMPTY_CONTEXT = PlaceContext()


def _voter(name: str) -> str:
    """A name as it votes: "Guadalajara" and "Guadalajara." are one voter."""
    return fold(name).strip(" .,;:()'\"")


# Weapons and strikes whose maker's demonym says nothing of where they hit.
FIRED_FROM_AFAR = frozenset(
    {"missile", "rocket", "drone", "jet", "warplane", "aircraft", "strike", "airstrike", "shelling",
     "artillery", "bombardment", "shell"}
)


# Things a country owns anywhere: "the US dollar", "the Turkish embassy".
NOT_WHERE = frozenset({"dollar", "currency", "embassy", "consulate", "envoy", "ambassador", "sanction"})
# Armed forces a country sends abroad: "US military forces", "Turkish troops".
SENT_ABROAD = frozenset({"force", "troop", "military", "army", "soldier", "marine", "navy", "coalition"})
AT_HOME = frozenset({"police", "security", "border"})


def _sent_abroad(token: Token) -> bool:
    """The head of "US military forces": forces (through "military") a country may send abroad."""
    while token.dep_ in ("amod", "compound") and token.head is not token:
        if token.lemma_.lower() in SENT_ABROAD:
            break
        token = token.head
    # "Afghan police forces", "Iraqi security forces" keep order at home
    at_home = any(c.dep_ in ("amod", "compound") and c.lemma_.lower() in AT_HOME for c in token.children)
    return token.lemma_.lower() in SENT_ABROAD and not at_home


def _whole_names(ents: list[Span], gazetteer: Gazetteer) -> list[Span]:
    """Entities with a place name the model split in two joined again: "Baja" and
    "California" side by side are Baja California when the gazetteer knows that name."""
    joined: list[Span] = []
    for ent in ents:
        last = joined[-1] if joined else None
        if last is not None and last.end == ent.start and {last.label_, ent.label_} <= {"GPE", "LOC"}:
            whole = Span(ent.doc, last.start, ent.end, label=last.label_)
            if gazetteer.subdivisions(whole.text) or any(
                fold(c.name) == fold(whole.text) for c in gazetteer.cities(whole.text)
            ):
                joined[-1] = whole
                continue
        joined.append(ent)
    return joined


def place_context(doc: Doc, gazetteer: Gazetteer, communities: NameTable | None = None) -> PlaceContext:
    """Countries and states the article names: directly, by demonym, through a town, or
    through an ethnic community most of whom live in one country ("Pokot", "Tigrayans").

    A name that is both a country and a state ("Georgia") is left out: it is
    what the rest of the article decides. Administrative areas the model
    rarely tags ("(Sirajganj, Rajshahi)", "Mandera county", "Ga.") count too.
    """
    tally: Counter[str] = Counter()
    deployed: Counter[str] = Counter()
    areas: Counter[str] = Counter()
    voters: defaultdict[str, set[str]] = defaultdict(set)  # ISO3 -> the folded names that voted for it

    def vote(iso3: str, weight: int, name: str) -> None:
        tally[iso3] += weight
        voters[iso3].add(_voter(name))

    ents = _whole_names(entities(doc[:]), gazetteer)
    for ent in ents:
        if ent.label_ not in ("GPE", "NORP", "LOC"):
            continue
        if ent.root.dep_ == "pobj" and ent.root.head.lower_ == "from":
            continue  # "raiders from Ethiopia", "trucks crossing from Tanzania": not where the story is
        after = doc[ent.end].lemma_.lower() if ent.end < len(doc) else ""
        if ent.root.dep_ in ("amod", "compound") and NOT_WHERE & {ent.root.head.lemma_.lower(), after}:
            continue  # "the US dollar (exchange rate)", "the US embassy": whose, not where
        if ent.root.dep_ in ("amod", "compound") and ent.root.head.lemma_.lower() in FIRED_FROM_AFAR:
            continue  # "Russian missiles", "Israeli air strikes": whose weapons, often fired across a border
        if ent.root.dep_ in ("amod", "compound", "nmod") and _sent_abroad(ent.root.head):
            # "US military forces", "Turkish troops": often abroad; they say where only
            # when nothing else does
            if (abroad := country_named(gazetteer, ent.text)) is not None:
                deployed[abroad.iso3] += 1
            continue
        landmark = gazetteer.landmark(ent.text)
        if landmark is not None and landmark.country:
            vote(landmark.country, 1, ent.text)
            continue
        country = country_named(gazetteer, ent.text)
        states = [a for a in gazetteer.subdivisions(ent.text) if a.top_level]
        if country is not None:
            if not any(a.country != country.iso3 for a in states):
                vote(country.iso3, 2, ent.text)
            continue
        if len({a.country for a in states}) == 1:
            vote(states[0].country, 1, ent.text)
            areas[states[0].code] += 1
            continue
        part = _CITY_PART.match(ent.text)
        name = part["city"] if part is not None else ent.text  # "Dhaka - Gulshan" votes as Dhaka
        if part is None and _parent(ent) is not None:
            continue  # "Hays city (Al Hudaydah)": the parent says which country, not the town's namesake
        cities = gazetteer.cities(name)
        # a town counts only when it is of note and its name is not shared by a
        # town of note elsewhere (Alexandria, Egypt and Alexandria, Virginia
        # decide nothing); a village abroad must not vote for its own country
        rivals = {c.country for c in cities if cities and c.population * 10 >= cities[0].population}
        if len(rivals) == 1 and cities[0].population >= TOWN_OF_NOTE:
            vote(rivals.pop(), 1, ent.text)
    for community, words in (communities if communities is not None else load_communities()).find_all(doc[:]):
        vote(community.country, 1, words.text)  # "Pokot raiders": where most Pokot live, as a town of note
    for name in _area_names(doc, gazetteer):
        found = [a for a in gazetteer.subdivisions(name)]
        if len({a.country for a in found}) == 1 and country_named(gazetteer, name) is None:
            vote(found[0].country, 1, name)
            areas.update(a.code for a in found if a.top_level)
    # one region per article: the US state where most of the town names it uses
    # have a namesake (Springfield, Columbus and Lebanon together say Ohio)
    votes: Counter[str] = Counter()
    for text in {ent.text for ent in ents if ent.label_ == "GPE"}:
        if country_named(gazetteer, text) is None:
            homes = {c.admin1 for c in gazetteer.cities(text) if c.admin1 is not None}
            homes |= {
                a.code[:5] for a in gazetteer.subdivisions(text) if a.code.startswith("US-") and not a.top_level
            }
            votes.update(homes)
    ranked = votes.most_common(2)
    us_story = not tally or tally.most_common(1)[0][0] == "USA"
    clear = bool(ranked) and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1])
    if us_story and clear and ranked[0][0] not in areas:
        areas[ranked[0][0]] = 0  # after the states the article names
    return PlaceContext(
        tuple(iso3 for iso3, _ in tally.most_common()),
        tuple(code for code, _ in areas.most_common()),
        tuple(iso3 for iso3, _ in deployed.most_common()),
        tuple((name, iso3) for iso3, names in voters.items() if len(names) == 1 for name in names),
    )


# Organisations whose country says where a story with no place is: a party, a government
# body or a state force acts at home, and an international mission with one country in its
# mandate works there ("the OSCE SMM observed ...": Ukraine); armed groups cross borders,
# and an agency without a country has none to give.
HOMEBOUND_KINDS = frozenset(
    {ActorKind.GOVERNMENT, ActorKind.MILITARY, ActorKind.POLICE, ActorKind.PARTY, ActorKind.INTERNATIONAL}
)


def hinted_countries(doc: Doc, gazetteer: Gazetteer, organisations: Organisations) -> tuple[str, ...]:
    """Countries an article names only in passing, for a story that names no place.

    A country inside an organisation's name ("the Kenya Wildlife Service",
    "Technical University of Malawi"), the home of a named party or state body
    ("ODM supporters") and the country of a national political figure ("after
    Kibaki was declared winner", ``homelands.load_leaders``) say which country the
    story is in, most hinted first.
    """
    tally: Counter[str] = Counter()
    for ent in entities(doc[:]):
        if ent.label_ != "ORG":
            continue
        words = [t for t in ent if t.pos_ == "PROPN" and (len(t) > 3 or fold(t.text) in COUNTRY_ALIASES)]
        found = next(
            (country for inner in _runs_longest_first(words, 3, 1)
             if (country := country_named(gazetteer, inner.text)) is not None),
            None,
        )
        if found is not None:
            tally[found.iso3] += 1
    for match in organisations.find_all(doc_text(doc)):
        organisation = match.organisation
        if organisation.country and organisation.kind in HOMEBOUND_KINDS:
            tally[organisation.country] += 1
    for leader, _ in load_leaders().find_all(doc[:]):
        tally[leader.country] += 1  # "riots after Kibaki's win": a national figure's country
    return tuple(iso3 for iso3, _ in tally.most_common())


def armed_group_homes(doc: Doc, organisations: Organisations) -> tuple[str, ...]:
    """Home countries of the armed groups an article names ("Mungiki members": Kenya),
    most named first: the best guess at a story's country when nothing else says it,
    never a say in which town a name is (groups cross borders: "al-Shabaab attacked
    El Wak" may be either El Wak)."""
    tally = Counter(
        match.organisation.country
        for match in organisations.find_all(doc_text(doc))
        if match.organisation.country and match.organisation.kind not in HOMEBOUND_KINDS
    )
    return tuple(iso3 for iso3, _ in tally.most_common())


def _runs_longest_first(words: list[Token], most: int, least: int) -> Iterator[Span]:
    """Spans of side-by-side words of ``words`` ("Homa Bay" of "Homa Bay Governor"), from
    ``most`` words down to ``least``, left to right within a size."""
    for size in range(min(most, len(words)), least - 1, -1):
        for first in range(len(words) - size + 1):
            if words[first + size - 1].i - words[first].i == size - 1:
                yield words[first].doc[words[first].i : words[first].i + size]


def _area_names(doc: Doc, gazetteer: Gazetteer) -> list[str]:
    """Names of areas among the proper nouns: each word ("Mandera", "(Sirajganj,
    Rajshahi)"), or of a run of words the longest part that names an area ("Homa Bay
    Governor": Homa Bay, not Bay)."""
    names: list[str] = []
    run: list[Token] = []
    for token in [*doc, None]:
        if token is not None and _names_an_area(token):
            run.append(token)
            continue
        if not run:
            continue
        whole = next(
            (inner.text for inner in _runs_longest_first(run, len(run), 2) if gazetteer.subdivisions(inner.text)),
            None,
        )
        part_of = token is not None and token.lower_ in SUB_PLACES and token.i + 1 < len(doc) and (
            doc[token.i + 1].lower_ in ("of", "in")
        )  # "the Milano area of Malindi town" is in Malindi, wherever another Milano is
        if not part_of:
            names.extend([whole] if whole is not None else [t.text for t in run])
        run = []
    return names


def _names_an_area(token: Token) -> bool:
    """A proper noun that may name an area ("Mandera", "(Sirajganj, Rajshahi)", "Ga."), but
    not a direction ("Tharaka South") nor a word inside a person's name. Organisation
    names count: "Kenya Medical Training College", "Georgia Power" say where."""
    if token.pos != PROPN and not token.text.endswith("."):
        return False  # the part of speech first: an integer, the cheapest test of most words
    if token.lower_ in _NOT_PLACES:
        return False
    return not (token.ent_type_ == "PERSON" and token.ent_iob_ == "I") or _closes_parenthesis(token)


def _closes_parenthesis(token: Token) -> bool:
    """Whether the entity ``token`` is inside ends a parenthesis: "(Hays, Al Hudaydah)" lists
    areas, whatever the model took the last one for."""
    doc = token.doc
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return end < len(doc) and doc[end].text == ")"


BIG_CITY = 100_000
# A town named like its area stands for it unless the middle of the area's towns (drawn
# from at least TRUSTED_MIDDLE of them: one is as likely a slip in the table) is farther.
NAMESAKE_KM = 150.0
TRUSTED_MIDDLE = 3
TOWN_OF_NOTE = 15_000
# An alternate name ("Hall", "Hindi", "Siana") picks a town only in the article's
# countries or a city this big: aliases of small towns abroad are mostly noise.
ALIAS_CITY = 100_000

TOWN_WORDS = frozenset({"city", "town", "village", "township", "municipality"})
AREA_WORDS = frozenset({"county", "province", "state", "region", "governorate", "district", "division"})

# Words that say what kind of place a name is ("Natore town", "Kiambu county");
# SUB_PLACES are parts of a town, whose parent a comma names ("Gulistan area, Dhaka city").
SUB_PLACES = frozenset(
    {"area", "neighbourhood", "neighborhood", "market", "camp", "quarter", "suburb", "estate", "slum",
     "bazar", "bazaar", "community"}
)
KIND_WORDS = AREA_WORDS | SUB_PLACES | frozenset(
    {"town", "city", "village", "upazila", "zila", "sub-county", "subcounty", "municipality",
     "township", "commune", "department", "locality", "sub-district", "subdistrict", "union",
     "ward", "sector", "prefecture", "oblast", "raion", "tehsil", "taluka", "parish", "borough",
     "constituency", "centre", "center", "settlement", "territory", "emirate", "canton"}
)
_KIND = r"(?:" + "|".join(sorted(map(re.escape, KIND_WORDS), key=len, reverse=True)) + r")"
# (a particle joins two capitalised words: "Ras al-Khaimah", "Mar del Plata"; "Garissa as
# police" and "Garissa left" name Garissa)
_PARTICLE = r"(?:al|el|ad|as|ash|de|do|da|dos|das|des|du|del|of|la|le)[ -]"
_NAME = rf"[A-Z][\w'’.-]*(?:[ -](?:{_PARTICLE})*[A-Z][\w'’.-]*)*"
# What follows a place to name its parent: ", Chihuahua", " (Sherpur, Mymensingh)",
# " in Kericho District"; the parent ends the clause or the parenthesis, so "In
# Aleppo, Russian jets" names no parent.
_PARENT = re.compile(
    rf"(?:\s+{_KIND}\b)*(?:\s*,\s*|\s*\(\s*|\s+in\s+(?=(?:the\s+)?{_NAME}\s+{_KIND}\b))(?:the\s+)?"
    rf"(?P<name>{_NAME})(?P<kind>(?:\s+{_KIND}\b)*)(?=\s*[,.;:()]|\s*$|\s+(?:on|in|at|during|after|"
    rf"before|when|where|while|with|and|but|over|for|since|amid|following|as|to|by|near|late|early|last)\b)",
)
# Place names the model often misses: "Natore town", "in Lanyiru", "the village of Mbingi".
_KIND_PHRASE = re.compile(rf"(?<![\w'’])(?P<name>{_NAME})\s+{_KIND}\b")
# "Narok residents", "Machakos University", "Pirganj Press Club": a town named for
# whose people or whose institution it is
_OWNED_NAME = re.compile(
    rf"(?<![\w'’])(?P<name>{_NAME})\s+(?:residents|villagers|locals|traders|farmers|drivers|students|"
    r"youths|workers|teachers|lecturers|University|College|[Cc]ampus|Press Club|[Pp]olice [Ss]tation|"
    r"Hospital|Prison|High School|[Mm]arket|[Hh]ighway|[Aa]irport|[Aa]ir [Bb]ase|[Aa]irbase)\b"
)
# "Residents of Ol Kalou protested": the people of a place say where they are
_PEOPLE_OF = re.compile(
    rf"\b(?i:residents|villagers|inhabitants|locals|natives|people)\s+of\s+(?:the\s+)?(?P<name>{_NAME})"
)
_CITY_DISTRICT = re.compile(rf"(?<![\w'’])(?P<name>{_NAME}\s+-\s+{_NAME})")
_LOCATIVE_NAME = re.compile(
    rf"\b(?:in|at|near|outside|through|across|around)\s+(?:the\s+)?(?:(?:[\w'’-]+\s+){{0,2}}(?:village|town|city|area|"
    rf"district|county|locality|streets|countryside|outskirts|suburbs|vicinity|environs|centre|center)"
    rf"\s+of\s+)?(?P<name>{_NAME})"
)
# "attacked the city of Hays", "in the sub-district of Butere": a kind of place names one,
# whatever the preposition before it
_KIND_OF_NAME = re.compile(
    r"\bthe\s+(?:[\w'’-]+\s+){0,2}?(?:village|town|city|district|sub-district|subdistrict|county|"
    rf"sub-county|municipality|locality|township|commune|settlement|upazila|union)\s+of\s+(?P<name>{_NAME})"
)
# "a minibus on the Abeokuta-Ayetoro (Abeokuta South, Ogun) road": the first town of a road
_ROAD = re.compile(
    r"(?<![\w'’-])(?P<name>[A-Z][\w'’.]*)-[A-Z][\w'’.]*(?:\s+\([^()]{0,80}\))?\s+(?:[Rr]oad|[Hh]ighway)\b"
)
# "travelling from Elwak to Mandera": a route, where the event on it happened
_ROUTE = re.compile(rf"\bfrom\s+(?:the\s+)?(?P<name>{_NAME})\s+to\s+(?:the\s+)?[A-Z]")
_NOT_NAMES = frozenset(
    [
        "the", "a", "an", "this", "that", "these", "those", "each", "every", "its", "their", "his",
        "her", "our", "same", "other", "another", "january", "february", "march", "april", "may",
        "june", "july", "august", "september", "october", "november", "december", "monday",
        "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        # months as notes abbreviate them ("Around Jul 4th"); not "Mar" (Mar del Plata)
        "jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ]
)
# Words that are no place by themselves ("South" of "Tharaka South", "August").
_NOT_PLACES = frozenset(_NOT_NAMES | DIRECTIONS | KIND_WORDS | {"city hall", "hall", "mine", "camp", "street"})
# "the Nima community of Accra", "Isawiyah neighbourhood of Jerusalem", "Doha bazar area in Dhaka"
_SUB = r"(?:" + "|".join(sorted(map(re.escape, SUB_PLACES), key=len, reverse=True)) + r")"
# (a lower-case word ends the name, as the name's own words are capitalized)
_SUB_PARENT = re.compile(
    rf"(?:\s+{_KIND}\b)*?\s+{_SUB}\s+(?:of|in)\s+(?:the\s+)?"
    rf"(?P<name>{_NAME})(?P<kind>(?:\s+{_KIND}\b)*)(?=\s*[,.;:()]|\s*$|\s+[a-z])",
)
# the same when the mention holds the word: "[Milano area] of Malindi town"
_OF_PARENT = re.compile(
    rf"\s+(?:of|in)\s+(?:the\s+)?"
    rf"(?P<name>{_NAME})(?P<kind>(?:\s+{_KIND}\b)*)(?=\s*[,.;:()]|\s*$|\s+[a-z])",
)
_LIST_NEXT = re.compile(rf"\s*(?:,\s*(?:and\s+)?|\s+and\s+){_NAME}")


def place_phrases(scope: Span) -> list[Span]:
    """Place names in a span the model may not tag, found by their form, in text order."""
    doc = scope.doc
    found: dict[int, Span] = {}
    for start, end in _phrase_offsets(doc_text(doc), scope.start_char, scope.end_char):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span) > 0:
            found.setdefault(span.start_char, span)
    return [found[start] for start in sorted(found)]


@lru_cache(maxsize=256)
def _phrase_offsets(text: str, begin: int, stop: int) -> tuple[tuple[int, int], ...]:
    """``place_phrases`` as character offsets; cached, because every event of an article
    without a place of its own searches the same sentence and the whole text again."""
    offsets: list[tuple[int, int]] = []
    for pattern in (_KIND_PHRASE, _LOCATIVE_NAME, _KIND_OF_NAME, _OWNED_NAME, _PEOPLE_OF, _CITY_DISTRICT, _ROAD, _ROUTE):
        for match in pattern.finditer(text, begin, stop):
            start, end = match.span("name")
            if text[end - 1] == ".":
                end -= 1
            if match.group("name").split()[0].lower() in _NOT_NAMES:
                continue
            if pattern is _KIND_PHRASE:
                end = match.end()
            offsets.append((start, end))
    return tuple(offsets)


def _strip_kind(name: str) -> str:
    words = name.split()
    while len(words) > 1 and words[-1].lower() in KIND_WORDS:
        words = words[:-1]
    return " ".join(words)


def _is_county(name: str) -> bool:
    return name.split()[-1].lower() in ("county", "parish", "borough") if name.split() else False


def _names_area(span: Span, name: str) -> bool:
    """True when the mention says it is an area ("Mandera county"), or is nothing else."""
    words = name.split()
    return bool(words) and words[-1].lower() in AREA_WORDS or any(t.lower_ in AREA_WORDS for t in span)


def city_place(
    city: City, mention: str, evidence: Evidence | None, precision: GeoPrecision, reason: str
) -> Place:
    """A Place at a GeoNames town."""
    return Place(
        mention=mention, name=city.name, geonameid=city.geonameid, lat=city.lat, lon=city.lon,
        country=city.country, precision=precision, reason=reason, evidence=evidence,
    )


def country_place(country: Country, mention: str, evidence: Evidence | None, reason: str) -> Place:
    """A Place at a country's centre, precision 3."""
    return Place(
        mention=mention, name=country.name, geonameid=country.geonameid, lat=country.lat,
        lon=country.lon, country=country.iso3, precision=GeoPrecision.REGION, reason=reason,
        evidence=evidence,
    )


def _area_place(area: Subdivision, gazetteer: Gazetteer, mention: str, evidence: Evidence) -> Place:
    """An administrative area at its namesake town (often its capital: Garissa), unless
    the middle of its towns lies far from it; else at that middle, else at the country's
    point. A US state is at its middle: New York is not the state's."""
    country = gazetteer.country_by_code(area.country)
    towns = [c for c in gazetteer.cities(area.name) if c.country == area.country]
    lat: float | None
    lon: float | None
    reason = f"{area.kind.lower()}, not a town"
    if area.lat is not None and area.lon is not None:
        lat, lon = area.lat, area.lon
        if area.country != "USA":
            trusted = area.towns >= TRUSTED_MIDDLE
            near = [c for c in towns if not trusted or km_between(c.lat, c.lon, lat, lon) <= NAMESAKE_KM]
            if near:
                lat, lon = near[0].lat, near[0].lon
    elif towns:
        lat, lon = towns[0].lat, towns[0].lon
    else:  # no centre is known: the point is the country's, and the reason says so
        lat, lon = (country.lat, country.lon) if country else (None, None)
        reason = f"{reason}; no centre known for it, at the country's point"
    return Place(
        mention=mention,
        name=area.name,
        lat=lat,
        lon=lon,
        country=area.country,
        admin1=area.name if area.top_level else None,
        precision=GeoPrecision.REGION,
        reason=reason,
        evidence=evidence,
    )


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


@dataclass(frozen=True)
class _Parent:
    """The place a text names right after a mention as the one containing it."""

    span: Span
    in_list: bool  # "Nairobi, Mombasa and Kisumu": maybe a list, not a hierarchy


def _parent(span: Span) -> _Parent | None:
    """The parent named after a mention: "X, Y", "X upazila (Y, Z)", "X in Y District"."""
    doc = span.doc
    text = doc_text(doc)
    stop = min(len(text), span.end_char + 160)
    found = _PARENT.match(text, span.end_char, stop) or _SUB_PARENT.match(text, span.end_char, stop)
    if found is None and span[-1].lower_ in SUB_PLACES:
        found = _OF_PARENT.match(text, span.end_char, stop)
    if found is None:
        return None
    start, end = found.start("name"), found.end("kind") if found.group("kind") else found.end("name")
    if text[end - 1] == "." and end - start > 4 and not found.group("kind"):
        end -= 1  # "..., Luhansk." ends the sentence; "Ga." is a state
    parent = doc.char_span(start, end, alignment_mode="expand")
    if parent is None or parent.start_char <= span.start_char:
        return None
    between = text[span.end_char:start]
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    in_list = "," in between and "(" not in between and (
        _LIST_NEXT.match(text, end) is not None or before in (",", "and")
    )
    return _Parent(parent, in_list)


def _sense_near(
    place: Place, names: list[str], gazetteer: Gazetteer, anchor: Place
) -> Place:
    """Of the towns the mention may name in the anchor's country, the one nearest the anchor."""
    if anchor.lat is None or anchor.lon is None or place.geonameid is None:
        return place
    a_lat, a_lon = anchor.lat, anchor.lon
    towns = [
        c for name in names for c in gazetteer.cities(name) if c.country == anchor.country
    ]
    if not towns:
        return place
    best = min(towns, key=lambda c: km_between(c.lat, c.lon, a_lat, a_lon))
    if best.geonameid == place.geonameid:
        return place
    current = next((c for c in towns if c.geonameid == place.geonameid), None)
    if current is not None and current.population >= TOWN_OF_NOTE and best.population * 10 < current.population:
        return place  # "Hermosillo, Sonora": the city, not a hamlet of that name nearer the state's point
    return replace(
        place, name=best.name, geonameid=best.geonameid, lat=best.lat, lon=best.lon,
        country=best.country, reason=f"{place.reason}; the one near {anchor.name}",
    )


# "Dhaka - Gulshan", "Kabul - District 5": a city and a part of it, as ACLED names them.
_CITY_PART = re.compile(r"^(?P<city>[^\W\d][\w' .]*?) - (?P<part>\w[\w' .]*)$")


def _part_of_city(article_id: str, span: Span, gazetteer: Gazetteer, context: PlaceContext) -> Place | None:
    """A part of a city named after the city ("Dhaka - Gulshan"), at the city: the part's
    own name may be a town elsewhere (Gulshan in Iran), the city's says where."""
    found = _CITY_PART.match(span.text)
    if found is None:
        return None
    towns = gazetteer.cities(found["city"])
    town = next((t for t in towns if t.country in context.countries), towns[0] if towns else None)
    if town is None or town.population < TOWN_OF_NOTE:
        return None
    return city_place(
        town, span.text, evidence_for(article_id, span), GeoPrecision.EXACT,
        f"{found['part']}, a part of {town.name} named after it",
    )


def resolve_place(
    article_id: str,
    span: Span,
    gazetteer: Gazetteer,
    context: PlaceContext = EMPTY_CONTEXT,
    *,
    as_name: str | None = None,
    hierarchy: bool = True,
) -> Place:
    """The Place for a mention; unresolved mentions say why in ``reason``.

    ``as_name`` overrides the text looked up (a dateline's "NEW DELHI" as "New Delhi").
    A parent the text names after the mention ("Kiunga, Lamu"; "X upazila
    (Sherpur, Mymensingh)"; "Gulistan area, Dhaka city") decides: the mention
    is read in the parent's country, near the parent, and a mention the
    gazetteer lacks is placed at its parent with a looser precision. Of several
    places with one name, one in a state the article names wins (the
    Gainesville in Georgia), then one in a country it names.
    """
    if as_name is not None or not hierarchy:
        return _resolve_alone(article_id, span, gazetteer, context, as_name=as_name)
    part = _part_of_city(article_id, span, gazetteer, context)
    if part is not None:
        return part
    head = span
    comma = span.text.find(",")
    if comma > 0:  # "Nis, Serbia" tagged as one entity
        inner = span.doc.char_span(span.start_char, span.start_char + comma, alignment_mode="contract")
        if inner is not None and len(inner) > 0:
            head = inner
    alone = _resolve_alone(article_id, head, gazetteer, context)
    chain: list[_Parent] = []
    parent = _parent(head)
    while parent is not None and len(chain) < 3:
        chain.append(parent)  # "Rampur area, Kahorole (Kaharole) upazila (Dinajpur, Rangpur)"
        parent = _parent(parent.span)
    # "Rafah (Rafah, North Sinai)": the first-level area at the end of the chain says the
    # country, over the article's (Gaza's Rafah is the better known)
    region = next(
        (found.country for link in reversed(chain)
         if (found := _resolve_alone(article_id, link.span, gazetteer, context)).precision is GeoPrecision.REGION
         and found.lat is not None and found.country is not None),
        None,
    )
    if (
        region is not None and alone.country is not None and alone.country != region
        and (not context.countries or context.countries[0] != region)
        and _has_sense_in(gazetteer, head.text, region)
    ):
        ranked = PlaceContext((region, *(c for c in context.countries if c != region)), context.areas, context.deployed)
        return resolve_place(article_id, span, gazetteer, ranked)
    agrees = False
    if alone.lat is not None and alone.country is not None and chain:
        first = next(
            (found for link in chain
             if (found := resolve_place(article_id, link.span, gazetteer, context)).lat is not None),
            None,
        )
        # "Douala city (Wouri, Littoral)": Littoral is also a Cameroonian region, and the
        # article is about Cameroon; "Bilaspur union (Shariatpur, Dhaka)" is not in India
        agrees = (first is not None and first.country == alone.country) or (
            (not context.countries or context.countries[0] == alone.country)
            and any(_has_sense_in(gazetteer, p.span.text, alone.country) for p in chain)
        )
    anchor: Place | None = None
    parent = None
    if agrees and alone.country is not None:
        # "Douala city (Wouri, Littoral)": a parent agrees with the town's own country;
        # of the towns of that name there, the one near the parent
        own = PlaceContext(
            (alone.country, *(c for c in context.countries if c != alone.country)), context.areas
        )
        for link in chain:
            near = resolve_place(article_id, link.span, gazetteer, own, hierarchy=False)
            if near.lat is not None and near.country == alone.country:
                if alone.precision is GeoPrecision.EXACT:
                    alone = _sense_near(alone, _entity_texts(head), gazetteer, near)
                # a town, by the gazetteer or by the text ("of Nyeri town", Nyeri also a county)
                is_town = (near.reason is not None and near.reason.startswith("city")) or (
                    link.span[-1].lower_ in ("town", "city")
                )
                if is_town and _part_of(span, link) and not _within(alone, near, 30):
                    # "the Majengo area of Malindi town": a part of a town lies in it, and the
                    # Majengo the gazetteer knows is another one; ACLED codes the town
                    return replace(
                        near, mention=span.text, evidence=evidence_for(article_id, span),
                        reason=f"{head.text} (a part of it): in {near.name}, the parent the text names",
                    )
                break
    else:
        for link in chain:
            found = resolve_place(article_id, link.span, gazetteer, context)
            if found.lat is not None and found.country is not None:
                anchor, parent = found, link
                break
    if anchor is None or parent is None:
        if alone.lat is None:
            return _resolve_alone(article_id, span, gazetteer, context)
        return alone if head is span else replace(
            alone, mention=span.text, evidence=evidence_for(article_id, span)
        )
    is_city = anchor.geonameid is not None and anchor.reason is not None and anchor.reason.startswith("city")
    if is_city and context.countries and anchor.country != context.countries[0] and (
        alone.lat is not None and alone.country == context.countries[0]
    ):
        anchor_ok = False  # "Dhaka - Dhanmondi (New Market)": a namesake abroad is no parent
    else:
        anchor_ok = True
    # the parent names the country: "London, Ontario" is read in Canada only
    local = PlaceContext((anchor.country,), context.areas) if anchor_ok and anchor.country else context
    place = _resolve_alone(article_id, head, gazetteer, local)
    evidence = evidence_for(article_id, span)
    sub_place = any(t.lower_ in SUB_PLACES for t in span) or doc_text(span.doc)[
        span.end_char : parent.span.start_char
    ].strip(" ,(").lower() in SUB_PLACES
    # "Fatehpur town, Hathazari": a list would not cross a border, so a town the article's
    # countries did not pick, in another country than the name after it, has that as parent
    abroad = alone.country != anchor.country and alone.reason is not None and alone.reason.startswith(
        "city;"
    )
    is_parent = anchor_ok and (not is_city or sub_place or not parent.in_list or abroad)
    if place.lat is not None and is_parent and place.precision is GeoPrecision.REGION:
        if place.country != anchor.country:  # "Victoria, B.C.": not the Australian state
            place = replace(place, lat=None, lon=None, reason="in another country than its parent")
    elif place.lat is not None and is_parent:
        if place.country != anchor.country:
            place = replace(place, lat=None, lon=None, reason="in another country than its parent")
        elif is_city and anchor.lat is not None and anchor.lon is not None and place.lat is not None and place.lon is not None:
            place = _sense_near(place, _entity_texts(head), gazetteer, anchor)
            if place.lat is not None and place.lon is not None:
                far = km_between(place.lat, place.lon, anchor.lat, anchor.lon)
                if far > (30 if sub_place else 150):
                    place = replace(place, lat=None, lon=None, reason="too far from its parent")
        else:
            place = _sense_near(place, _entity_texts(head), gazetteer, anchor)
    if place.lat is not None:
        return replace(place, mention=span.text, evidence=evidence)
    if not is_parent:
        return _resolve_alone(article_id, span, gazetteer, context)
    # only a name that opens a parenthesised list of parents is read as an area: a village
    # or union named like a district ("Rajabari union") is no district
    opens_list = span.start_char > 0 and doc_text(span.doc)[span.start_char - 1] == "("
    if place.reason == "not in the gazetteer" and opens_list and anchor.country:
        area = gazetteer.area_spelled_like(head.text, anchor.country)
        if area is not None:
            # "(Kishoregonj, Dhaka)": a district of the parent's country spelt another way,
            # not the division after it
            return replace(
                _area_place(area, gazetteer, span.text, evidence),
                reason=f"{head.text} not in the gazetteer; spelt like the {area.kind.lower()} {area.name}",
            )
    if place.reason == "not in the gazetteer" and not sub_place and anchor.country:
        spelt = _town_spelt_like(place, anchor, gazetteer)
        if spelt is not None:
            return replace(spelt, mention=span.text, evidence=evidence)
    precision = max(anchor.precision or GeoPrecision.NEAR, GeoPrecision.NEAR)
    if sub_place and is_city:
        precision = GeoPrecision.EXACT  # a part of a town is coded at the town, as ACLED does
    return replace(
        anchor, mention=span.text, evidence=evidence, precision=precision,
        reason=f"{head.text} ({place.reason}): in {anchor.name}, the parent the text names",
    )


# How far from the parent's point a town spelt like an unknown name may lie
SPELT_NEAR_PARENT_KM = 40.0


def _town_spelt_like(place: Place, anchor: Place, gazetteer: Gazetteer) -> Place | None:
    """``misspelt_place`` in the parent's country, when the town lies near the parent:
    "Shahjadpur upazila (Sirajganj, Rajshahi)" is Shahzadpur."""
    assert anchor.country is not None
    if any(ch.isdigit() for ch in place.mention):
        return None  # "Cox's Bazar-3 constituency" is a seat, not the town
    spelt = misspelt_place(place, gazetteer, anchor.country)
    if spelt is None or spelt.lat is None or spelt.lon is None or anchor.lat is None or anchor.lon is None:
        return None
    if km_between(spelt.lat, spelt.lon, anchor.lat, anchor.lon) > SPELT_NEAR_PARENT_KM:
        return None
    return replace(spelt, reason=f"{spelt.reason}, near {anchor.name}")


def _part_of(span: Span, parent: _Parent) -> bool:
    """True when the text says the mention is a part of its parent: "X area of Y" (not
    "X area, Y" nor "X area (Y)", where Y is as often a province as a town)."""
    words = doc_text(span.doc)[span.end_char : parent.span.start_char].lower().split()
    if span[-1].lower_ in SUB_PLACES - {"suburb"}:
        return words[:1] in (["of"], ["in"])
    # but "the Cincinnati suburb of West Chester" names the suburb after the city
    return len(words) >= 2 and words[0] in SUB_PLACES - {"suburb"} and words[1] in ("of", "in")


def _within(place: Place, other: Place, limit_km: float) -> bool:
    """True when both places have points no more than ``limit_km`` apart."""
    if place.lat is None or place.lon is None or other.lat is None or other.lon is None:
        return False
    return km_between(place.lat, place.lon, other.lat, other.lon) <= limit_km


def _has_sense_in(gazetteer: Gazetteer, name: str, iso3: str) -> bool:
    """True when a name may be a place of this country: the country, an area or a town of it."""
    bare = _strip_kind(name)
    country = country_named(gazetteer, bare)
    if country is not None:
        return country.iso3 == iso3
    return any(a.country == iso3 for a in gazetteer.subdivisions(bare)) or any(
        c.country == iso3 for c in gazetteer.cities(bare)
    )


# Features inside a city that are named after people and towns.
STREET_WORDS = frozenset({"plaza", "square", "street", "avenue", "boulevard", "roundabout"})


def _is_street_feature(span: Span) -> bool:
    words = [t for t in span if t.lower_ not in ("the", "’s", "'s") and not t.is_punct]
    return len(words) > 1 and (words[0].lower_ in STREET_WORDS or words[-1].lower_ in STREET_WORDS)


def _resolve_alone(
    article_id: str,
    span: Span,
    gazetteer: Gazetteer,
    context: PlaceContext = EMPTY_CONTEXT,
    *,
    as_name: str | None = None,
) -> Place:
    """The Place a mention names by itself, read in the article's context."""
    context_countries, context_areas = context.countries_for(as_name or span.text, gazetteer), context.areas
    evidence = evidence_for(article_id, span)
    mention = span.text
    names = [as_name] if as_name else _entity_texts(span)
    names = [n for n in names if fold(n) not in _NOT_PLACES]
    if any(t.lower_ in AREA_WORDS for t in span):  # "Henry County": the county before any Henry
        names.sort(key=lambda n: not any(w.lower() in AREA_WORDS for w in n.split()))
    for name in names:
        landmark = gazetteer.landmark(name)
        if landmark is not None:
            return Place(
                mention=mention,
                name=f"{landmark.name}, {landmark.parent}"
                if landmark.parent != landmark.name
                else landmark.name,
                geonameid=landmark.geonameid,
                lat=landmark.lat,
                lon=landmark.lon,
                country=landmark.country or None,
                precision=GeoPrecision(landmark.precision),
                reason="curated landmark",
                evidence=evidence,
            )
    if _is_street_feature(span):
        # "the Plaza San Martin", "Moi Avenue": a square or street inside a city, not the
        # town of San Martin; the event falls back to the city the article names
        return Place(mention=mention, reason="a square or street the gazetteer lacks", evidence=evidence)
    # "eastern Syria" is a region phrase; "West Virginia" and "North Las Vegas" are names
    directional = any(t.lower_ in DIRECTIONS and t.text.islower() for t in span)
    # "Rajshahi city", "Nyeri town": the town, not the division or county of its name
    says_town = span[-1].lower_ in TOWN_WORDS
    for name in names:
        bare = _strip_kind(name)
        areas = list(gazetteer.subdivisions(name)) or (
            [] if says_town or fold(bare) in _NOT_PLACES else list(gazetteer.subdivisions(bare))
        )  # ("South District" is no area South)
        # of areas of one name (30 Washington Counties), one in a state the article names
        areas.sort(key=lambda a: not any(a.code.startswith(f"{code}-") for code in context_areas))
        named_country = country_named(gazetteer, name)
        if named_country is not None:
            # "Georgia" in a story about Atlanta is the state, not the country
            state = next(
                (a for a in areas if a.top_level and a.country in context_countries
                 and a.country != named_country.iso3 and named_country.iso3 not in context_countries),
                None,
            )
            local = next(
                (c for c in gazetteer.cities(name)
                 if context_areas and c.admin1 == context_areas[0] and fold(c.name) == fold(name)),
                None,
            )
            if local is not None and named_country.iso3 != (context_countries or ("",))[0]:
                return city_place(local, mention, evidence, GeoPrecision.EXACT, "town in the article's state")
            if state is None:
                continue  # a country: only if no more specific name resolves
            return _area_place(state, gazetteer, mention, evidence)
        if directional:
            break  # "eastern Syria": the country, not a town
        cities = [
            c for c in gazetteer.cities(name)
            if same_name(c.name, name) or c.country in context_countries or c.population >= ALIAS_CITY
        ]
        city = next((c for c in cities if c.admin1 is not None and c.admin1 in context_areas), None)
        city = city or next((c for c in cities if c.country in context_countries), None)
        area = next((a for a in areas if a.country in context_countries), None)
        if city is None and area is None:
            # no context: a big city, else an administrative area, else any town
            city = next((c for c in cities if c.population >= BIG_CITY), None)
            area = areas[0] if areas else None
            if city is None and area is None and cities and not context_countries:
                city = cities[0]  # a small town abroad is no sense when the article says where it is
        if (
            city is not None
            and area is not None
            and area.top_level
            and area.country == city.country
            and city.population < BIG_CITY
            and not says_town
        ):
            city = None  # "Virginia" is the state, not Virginia, Minnesota
        if city is not None and (area is None or not _names_area(span, name)):
            in_context = city.country in context_countries
            reason = "city in an article country" if in_context else "city"
            # the runner-up, so that errors can be studied: "runner-up Tripoli, LBN"
            runner = next((c for c in cities if c.geonameid != city.geonameid), None)
            if runner is not None:
                reason = f"{reason}; runner-up {runner.name}, {runner.country}"
            return city_place(city, mention, evidence, GeoPrecision.EXACT, reason)
        if area is not None:
            return _area_place(area, gazetteer, mention, evidence)
        if _is_county(name) and context_areas:
            state = gazetteer.subdivision_by_code(context_areas[0])
            if state is not None:
                return replace(
                    _area_place(state, gazetteer, mention, evidence),
                    reason="a county the gazetteer lacks: its state",
                )
    for name in names:
        country = country_named(gazetteer, name)
        if country is not None:
            reason = "region of a country" if directional else "country only"
            return country_place(country, mention, evidence, reason)
    # "Homa Bay Governor", "Homa Bay offices": a known name of several words inside the mention
    proper = [t for t in span if t.pos_ == "PROPN" and t.lower_ not in _NOT_PLACES]
    for inner in _runs_longest_first(proper, len(proper) - 1, 2):
        found = _resolve_alone(article_id, inner, gazetteer, context)
        if found.lat is not None and found.reason is not None and (
            found.reason.startswith("city") or found.reason.endswith("not a town")
        ):
            return replace(found, mention=mention, evidence=evidence)
    # "Northeast Texas", "North Sinai": a first-level area inside a name, as a region
    for token in span:
        if token.pos_ == "PROPN" and len(span) > 1 and token.text.lower() not in _NOT_PLACES:
            landmark = gazetteer.landmark(token.text)
            if landmark is not None and landmark.precision == GeoPrecision.REGION and landmark.country:
                return Place(
                    mention=mention, name=landmark.name, geonameid=landmark.geonameid,
                    lat=landmark.lat, lon=landmark.lon, country=landmark.country,
                    precision=GeoPrecision.REGION,
                    reason=f"region of {landmark.name}, named in the place's name", evidence=evidence,
                )
            states = [a for a in gazetteer.subdivisions(token.text) if a.top_level]
            state = next((a for a in states if a.country in context_countries), None) or (
                states[0] if len({a.country for a in states}) == 1 else None
            )
            if state is not None and context_countries and state.country != context_countries[0] and any(
                other.pos_ == "PROPN" and other.i != token.i and other.lower_ not in DIRECTIONS | KIND_WORDS
                for other in span
            ):
                continue  # "Trans Mara" in a Kenyan story: a word of a name, not Tanzania's Mara
            if state is not None:
                return replace(
                    _area_place(state, gazetteer, mention, evidence),
                    reason=f"region of {state.name}, named in the place's name",
                )
    # "Kisumu Central", "Tana Delta": a known town inside an unknown name is near it
    for token in sorted(span, key=lambda t: -len(t.text)):
        if token.pos_ != "PROPN" or len(span) == 1 or directional:
            continue
        towns = [
            c for c in gazetteer.cities(token.text)
            if c.country in context_countries
            or (not context_countries and c.population >= ALIAS_CITY and fold(c.name) == token.lower_)
        ]
        if towns:
            reason = f"near {towns[0].name}, named in the place's name"
            return city_place(towns[0], mention, evidence, GeoPrecision.NEAR, reason)
    owner = _owner_without_apostrophe(span, gazetteer, context_countries)
    if owner is not None:
        return city_place(owner, mention, evidence, GeoPrecision.EXACT, f"{owner.name}'s, the apostrophe left out")
    return Place(mention=mention, reason="not in the gazetteer", evidence=evidence)


def _owner_without_apostrophe(span: Span, gazetteer: Gazetteer, countries: tuple[str, ...]) -> City | None:
    """The town of "Nairobis CBD", "Kisumus streets": a possessive written without its
    apostrophe, when the name less its "s" is a town of the article's country or a city."""
    first = span[0]
    if first.pos_ != "PROPN" or len(first) < 5 or not first.text.endswith("s") or first.text.endswith("ss"):
        return None
    after = first.nbor() if first.i + 1 < len(first.doc) else None
    if after is None or after.pos_ not in ("NOUN", "PROPN"):
        return None  # "Bomas of Kenya" is a name of its own
    stem = first.text[:-1]
    return next(
        (
            c for c in gazetteer.cities(stem)
            if fold(c.name) == fold(stem) and (c.country in countries or c.population >= ALIAS_CITY)
        ),
        None,
    )


def misspelt_place(place: Place, gazetteer: Gazetteer, iso3: str) -> Place | None:
    """A place the gazetteer lacks read as a misspelt town of the article's country
    ("Nygeri" for Nyeri), when one town's name is close and no other is as close."""
    if place.reason != "not in the gazetteer" or not place.mention:
        return None
    found = gazetteer.spelled_like(_strip_kind(place.mention), iso3)
    if found is None:
        return None
    town, score = found
    reason = f"{place.mention} not in the gazetteer; spelt like {town.name} ({score:.0f}%)"
    return city_place(town, place.mention, place.evidence, GeoPrecision.EXACT, reason)
