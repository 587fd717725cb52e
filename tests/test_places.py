"""Place mentions in context, resolved to where they are (issue 4).

Each row is a sentence written for this test, the mention in it, and where
the mention is: a point (from public maps, checked by hand) with the distance
allowed, the ISO3 country, and for region phrases and landmarks the ACLED
precision. Ambiguous names (Tripoli, Paris, Georgia, Jordan, Springfield),
admin hierarchies ("X, Y", "X (Y, Z)"), landmarks, region phrases and places
that are actors are all here.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pytest

import eventscope as es
from eventscope.config import Config
from eventscope.nlp.model import load_model
from eventscope.records import GeoPrecision
from eventscope.resolve.gazetteer import SUBDIVISION_ALIASES, load_gazetteer
from eventscope.resolve.places import place_context, place_phrases, resolve_place


@dataclass(frozen=True)
class Where:
    """Where a mention is: near a point, in a country, at a precision."""

    lat: float | None
    lon: float | None
    country: str | None
    precision: GeoPrecision | None = None
    km: float = 50.0


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


R1, R2, R3 = GeoPrecision.EXACT, GeoPrecision.NEAR, GeoPrecision.REGION

# (sentence, mention, where it is)
TOPONYMS: list[tuple[str, str, Where]] = [
    # one name, several places: the context decides
    ("Militias shelled the outskirts of Tripoli, the Libyan capital, on Sunday.", "Tripoli", Where(32.89, 13.19, "LBY")),
    ("Gunmen clashed in Tripoli in northern Lebanon, the army said.", "Tripoli", Where(34.44, 35.85, "LBN")),
    ("Police in Paris, Texas, arrested two men after a shooting at a gas station.", "Paris", Where(33.66, -95.56, "USA")),
    ("Thousands marched through Paris on Saturday against the pension reform, French unions said.", "Paris", Where(48.86, 2.35, "FRA")),
    ("The rally in Athens, Ga., drew students from the university.", "Athens", Where(33.96, -83.38, "USA")),
    ("Greek police fired tear gas at protesters in Athens.", "Athens", Where(37.98, 23.73, "GRC")),
    ("Students in Moscow, Idaho, held a vigil for the victims.", "Moscow", Where(46.73, -117.00, "USA")),
    ("Russian police detained dozens of protesters in Moscow.", "Moscow", Where(55.75, 37.62, "RUS")),
    # a name is no evidence for its own sense: the other places say which London or Palestine
    (("A storm cut power to homes in London on Tuesday. Crews from Sarnia and Windsor were sent to help, "
      "Ontario officials said."), "London", Where(42.98, -81.25, "CAN")),
    (("Deputies arrested a Palestine man on Friday after a chase on the road to Tyler, "
      "the Anderson County sheriff told a Texas radio station."), "Palestine", Where(31.76, -95.63, "USA")),
    # ... and a name at the end of a sentence is the same name
    ("On Sunday gunmen opened fire on a crowd outside a bar in Guadalajara.", "Guadalajara", Where(20.67, -103.39, "MEX")),
    ("Government forces shelled Hama on Friday, Syrian activists said.", "Hama", Where(35.13, 36.75, "SYR")),
    ("Car bombs exploded in Homs, a city in central Syria.", "Homs", Where(34.73, 36.71, "SYR")),
    ("The police chief of Springfield, Ill., resigned on Monday.", "Springfield", Where(39.80, -89.64, "USA")),
    ("A fire in Springfield, Mass., destroyed two homes.", "Springfield", Where(42.10, -72.59, "USA")),
    ("A shooting in Gainesville, Ga., left one man dead.", "Gainesville", Where(34.30, -83.82, "USA")),
    ("A shooting in Gainesville, Fla., left one man dead.", "Gainesville", Where(29.65, -82.32, "USA")),
    ("Protesters gathered at the port of Alexandria, Egypt, on Friday.", "Alexandria", Where(31.20, 29.92, "EGY")),
    ("The council of Alexandria, Va., voted on the budget.", "Alexandria", Where(38.80, -77.05, "USA")),
    ("Voters in San Jose, Costa Rica, lined up early.", "San Jose", Where(9.93, -84.08, "CRI")),
    ("Police in Perth, Western Australia, charged a man with arson.", "Perth", Where(-31.95, 115.86, "AUS")),
    ("Farmers blocked roads near Cordoba, Argentina, over export taxes.", "Cordoba", Where(-31.41, -64.18, "ARG")),
    ("A bus crash in London, Ontario, injured eight people.", "London", Where(42.98, -81.25, "CAN")),
    ("A crash on Route 422 in Lebanon, Pa., closed the road, Pennsylvania state police said.", "Lebanon", Where(40.34, -76.41, "USA")),
    ("The march ended outside the White House in Washington.", "Washington", Where(38.90, -77.04, "USA")),
    # Georgia, Jordan: country, state, river
    ("Russian tanks crossed into Georgia from South Ossetia, the Georgian government said.", "Georgia", Where(None, None, "GEO", R3)),
    ("Atlanta police said the storm hit Georgia hardest, closing schools across the state.", "Georgia", Where(32.7, -83.4, "USA", R3, km=250)),
    ("Jordan closed its border crossing with Syria after the attack.", "Jordan", Where(None, None, "JOR", R3)),
    # "X, Y", "X (Y, Z)": the parent decides, and stands in for a place the gazetteer lacks
    ("Workers protested in Nis, Serbia, demanding unpaid wages.", "Nis, Serbia", Where(43.32, 21.90, "SRB")),
    ("Al Shabaab fighters attacked a police post in Kiunga, Lamu, on Tuesday.", "Kiunga", Where(-2.0, 41.2, "KEN", km=120)),
    ("Police clashed with protesters in Gulistan area, Dhaka city, on Monday.", "Gulistan", Where(23.72, 90.41, "BGD", km=25)),
    ("Rivals beat a farmer at Char Kalibari village, Nakla upazila (Sherpur, Mymensingh), over land.", "Char Kalibari village", Where(25.02, 90.02, "BGD", R2, km=40)),
    ("Rice traders marched through Natore town (Natore Sadar, Rajshahi) on a Monday morning.", "Natore town", Where(24.41, 89.00, "BGD", km=25)),
    ("Port workers walked out in Douala city (Wouri, Littoral) over late wages.", "Douala city", Where(4.05, 9.70, "CMR", km=25)),
    ("Nurses protested in Chennai city (Chennai, TN) over unpaid allowances.", "Chennai city", Where(13.08, 80.27, "IND", km=25)),
    ("Gunmen abducted two traders in Maiduguri, Borno State, on Friday.", "Maiduguri", Where(11.85, 13.16, "NGA", km=25)),
    ("Rebels attacked a camp near Goma, North Kivu, at dawn.", "Goma", Where(-1.68, 29.22, "COD", km=25)),
    ("Students clashed with police in Dhaka - Mirpur (Pallabi) on Sunday.", "Dhaka - Mirpur", Where(23.76, 90.39, "BGD", km=25)),
    ("Herders fought over water near Sheikh Zuweid, North Sinai, Egyptian officials said.", "Sheikh Zuweid", Where(None, None, "EGY")),
    # counties and states
    ("Deputies in Leavenworth County, Kan., arrested a man after a chase.", "Leavenworth County", Where(39.20, -95.04, "USA", km=40)),
    ("The sheriff of Mandera county said bandits had crossed from Somalia.", "Mandera county", Where(None, None, "KEN")),
    ("The Kiambu county assembly met in Kiambu town on Friday.", "Kiambu town", Where(-1.17, 36.83, "KEN", km=25)),
    ("Wildfires spread across Alberta over the weekend.", "Alberta", Where(52.3, -115.0, "CAN", R3, km=161)),
    ("Police in B.C. said the suspect had fled.", "B.C.", Where(54.0, -125.0, "CAN", R3, km=161)),
    ("Floods cut roads across Queensland, Australian officials said.", "Queensland", Where(-20.0, 145.0, "AUS", R3, km=161)),
    ("Voters in Scotland went to the polls.", "Scotland", Where(56.5, -4.0, "GBR", R3, km=161)),
    ("Heavy rain fell across Northeast Texas on Friday.", "Northeast Texas", Where(None, None, "USA", R3)),
    ("Tigray regional forces said they had retaken the town.", "Tigray", Where(None, None, "ETH")),
    # big cities and spellings
    ("A car bomb exploded in Mogadishu near the parliament.", "Mogadishu", Where(2.04, 45.34, "SOM", km=25)),
    ("Taliban fighters attacked a checkpoint in Kandahar.", "Kandahar", Where(31.61, 65.71, "AFG", km=25)),
    ("Air strikes hit eastern Aleppo overnight.", "Aleppo", Where(36.20, 37.16, "SYR", km=25)),
    ("Shelling hit Kyiv on Tuesday morning.", "Kyiv", Where(50.45, 30.52, "UKR", km=25)),
    ("Police in Karachi arrested three suspects.", "Karachi", Where(24.86, 67.01, "PAK", km=25)),
    ("Protesters blocked the expressway in Lagos.", "Lagos", Where(6.45, 3.39, "NGA", km=40)),
    ("Demonstrators filled the streets of Santiago, Chile, on Friday.", "Santiago", Where(-33.45, -70.66, "CHL", km=25)),
    ("A bus was set on fire in Valencia, Venezuela.", "Valencia", Where(10.16, -68.00, "VEN", km=25)),
    ("Teachers marched in Bengaluru against the new rules.", "Bengaluru", Where(12.97, 77.59, "IND", km=25)),
    ("Rockets were fired at Tel Aviv on Saturday.", "Tel Aviv", Where(32.08, 34.78, "ISR", km=25)),
    ("Police closed the old city of Jerusalem after the stabbing.", "Jerusalem", Where(31.77, 35.22, None, km=25)),
    ("Houthi forces shelled Marib, Yemeni officials said.", "Marib", Where(15.46, 45.32, "YEM", km=25)),
    ("Fighting resumed near the port of Aden in Yemen.", "Aden", Where(12.78, 45.04, "YEM", km=25)),
    ("Gunmen killed two traders in Nyeri, Kenyan police said.", "Nyeri", Where(-0.42, 36.95, "KEN", km=25)),
    ("Police dispersed a crowd in Kisumu, western Kenya.", "Kisumu", Where(-0.10, 34.76, "KEN", km=25)),
    ("A suicide bomber struck a market in Mosul, Iraqi police said.", "Mosul", Where(36.34, 43.13, "IRQ", km=25)),
    ("Kurdish forces took positions around Kirkuk.", "Kirkuk", Where(35.47, 44.39, "IRQ", km=25)),
    ("Israeli strikes hit Rafah in the southern Gaza Strip.", "Rafah", Where(31.29, 34.25, "PSE", km=25)),
    ("Toronto police said the shooting was targeted, Ontario officials added.", "Toronto", Where(43.70, -79.42, "CAN", km=25)),
    ("Officers in Victoria, B.C., arrested a man downtown.", "Victoria", Where(48.43, -123.37, "CAN", km=25)),
    # landmarks: the parent's coordinates, ACLED precision
    ("A rocket hit the Green Zone in Baghdad late on Thursday.", "Green Zone", Where(33.31, 44.39, "IRQ", R1, km=10)),
    ("A car bomb exploded in Sadr City, killing four.", "Sadr City", Where(33.39, 44.46, "IRQ", R1, km=10)),
    ("Shops were closed in Karrada after the blast.", "Karrada", Where(33.30, 44.43, "IRQ", R1, km=10)),
    ("Air strikes pounded the Gaza Strip overnight.", "Gaza Strip", Where(31.42, 34.33, "PSE", R2, km=30)),
    ("Settlers attacked a village in the West Bank.", "West Bank", Where(31.95, 35.25, "PSE", R2, km=60)),
    ("Shelling continued across the Donbas.", "Donbas", Where(48.0, 38.0, "UKR", R2, km=150)),
    ("Protesters returned to Tahrir Square in Cairo.", "Tahrir Square", Where(30.04, 31.24, "EGY", R1, km=5)),
    ("Militias attacked villages in Darfur.", "Darfur", Where(None, None, "SDN", R3)),
    ("Drones struck targets in Crimea overnight.", "Crimea", Where(None, None, "UKR", R3)),
    ("Rallies were held in Red Square in Moscow.", "Red Square", Where(55.75, 37.62, "RUS", R1, km=5)),
    ("Strikes hit Dahiyeh, the southern suburbs of Beirut.", "Dahiyeh", Where(33.85, 35.51, "LBN", R1, km=10)),
    # region phrases: the country (or area) at precision 3, never a town
    ("Militants attacked a base in eastern Syria.", "eastern Syria", Where(None, None, "SYR", R3)),
    ("Israeli jets struck targets in southern Lebanon.", "southern Lebanon", Where(None, None, "LBN", R3)),
    ("Fighting raged in northern Gaza.", "northern Gaza", Where(None, None, "PSE", R3)),
    ("Drought hit western Kenya hardest.", "western Kenya", Where(None, None, "KEN", R3)),
    # countries and continents
    ("The two brothers moved to the U.S. as students in 2004.", "U.S.", Where(39.76, -98.5, "USA", R3, km=25)),
    ("Most of those buyers will be in Asia by 2030.", "Asia", Where(29.84, 89.30, None, R3, km=25)),
    ("Sanctions on Iran were tightened again.", "Iran", Where(None, None, "IRN", R3)),
]


@pytest.fixture(scope="module")
def nlp():
    return load_model(Config().model)


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


def _check(place, where: Where) -> None:
    if where.country is not None:
        assert place.country == where.country, place
    if where.lat is not None and where.lon is not None:
        assert place.lat is not None and place.lon is not None, place
        assert km(place.lat, place.lon, where.lat, where.lon) <= where.km, place
    if where.precision is not None:
        assert place.precision is where.precision, place


@pytest.mark.parametrize(("text", "mention", "where"), TOPONYMS, ids=[f"{m}:{t[:30]}" for t, m, _ in TOPONYMS])
def test_place_mention_in_context_resolves_where_it_is(nlp, gazetteer, text, mention, where):
    doc = nlp(text)
    start = text.index(mention)
    span = doc.char_span(start, start + len(mention), alignment_mode="expand")
    assert span is not None
    place = resolve_place("test", span, gazetteer, place_context(doc, gazetteer))
    _check(place, where)


def test_jordan_river_is_not_the_country(nlp, gazetteer):
    text = "Israeli troops patrolled the banks of the Jordan River near Jericho."
    doc = nlp(text)
    start = text.index("Jordan River")
    span = doc.char_span(start, start + len("Jordan River"), alignment_mode="expand")
    place = resolve_place("test", span, gazetteer, place_context(doc, gazetteer))
    assert place.country != "JOR" or place.precision is not GeoPrecision.REGION


def test_a_place_the_gazetteer_lacks_says_why(nlp, gazetteer):
    text = "Villagers protested in Xqwzbury on Monday."
    doc = nlp(text)
    span = doc.char_span(text.index("Xqwzbury"), text.index("Xqwzbury") + len("Xqwzbury"))
    place = resolve_place("test", span, gazetteer, place_context(doc, gazetteer))
    assert place.lat is None and place.reason == "not in the gazetteer"


def test_a_parent_abroad_does_not_move_a_known_town(nlp, gazetteer):
    """ "(Chennai, TN)": TN is Tamil Nadu here, not Tunisia."""
    text = "Nurses protested in Chennai city (Chennai, TN) on Monday."
    doc = nlp(text)
    span = doc.char_span(text.index("Chennai city"), text.index("Chennai city") + len("Chennai city"))
    place = resolve_place("test", span, gazetteer, place_context(doc, gazetteer))
    assert place.country == "IND"


# (article, where its first event happened)
EVENTS: list[tuple[str, Where]] = [
    ("Rockets fired from Lebanon hit Haifa on Monday, injuring two people.", Where(32.79, 34.99, "ISR", km=25)),
    ("Washington said the air strike killed five militants in Kandahar on Sunday.", Where(31.61, 65.71, "AFG", km=25)),
    ("Tehran-backed militias attacked a convoy near Basra on Tuesday.", Where(30.51, 47.78, "IRQ", km=50)),
    ("Iranian drones struck Erbil airport on Sunday, Kurdish officials said.", Where(36.19, 44.01, "IRQ", km=25)),
    ("Russian missiles hit Kharkiv overnight, killing three civilians.", Where(49.99, 36.23, "UKR", km=25)),
    ("Gunmen killed a UK national at his home in Nairobi on Sunday.", Where(-1.29, 36.82, "KEN", km=25)),
    ("A man was shot dead by police outside the US embassy in Nairobi on Thursday.", Where(-1.29, 36.82, "KEN", km=25)),
    ("Police arrested 12 protesters in Gulistan area, Dhaka city, on Monday.", Where(23.72, 90.41, "BGD", km=25)),
    ("Al Shabaab fighters attacked a police post in Kiunga, Lamu, on Tuesday, killing two officers.", Where(None, None, "KEN")),
    ("Militias from Ethiopia attacked herders in Forole, Marsabit county, killing five.", Where(None, None, "KEN")),
    ("Two people were killed when a bomb exploded in Sadr City on Thursday.", Where(33.39, 44.46, "IRQ", R1, km=10)),
    ("Militants attacked a US base in eastern Syria on Friday.", Where(None, None, "SYR", R3)),
    ("Israeli forces arrested 15 Palestinians in raids across the West Bank overnight.", Where(None, None, "PSE")),
    ("Clashes broke out in Tripoli between rival Libyan militias on Friday.", Where(32.89, 13.19, "LBY", km=25)),
    ("Police arrested 12 protesters in Paris, Texas, on Saturday.", Where(33.66, -95.56, "USA", km=25)),
    ("Hundreds of Narok residents marched to protest the evictions on Monday.", Where(-1.08, 35.87, "KEN", km=25)),
    ("Rival student groups fought with sticks in Natore town (Natore Sadar, Rajshahi) on Monday.", Where(24.41, 89.00, "BGD", km=25)),
    ("Gunmen shot dead a trader in Kombala village (Kisumu County, Kenya) on Friday.", Where(None, None, "KEN")),
    ("A British tourist was stabbed at a hotel in Hurghada on Friday.", Where(27.26, 33.81, "EGY", km=25)),
    ("Baghdad must rein in the militias, the US said after rockets hit Ain al-Asad air base in Iraq.", Where(None, None, "IRQ")),
    # the town an attack hits is where it happened, not a party to it
    ("Russian missiles struck Odesa overnight, killing three civilians, officials said.", Where(46.48, 30.73, "UKR", km=25)),
    # whose missiles they were says nothing of where they hit
    ("Russian missiles hit Kherson on Sunday, killing two.", Where(46.64, 32.61, "UKR", km=25)),
    # estates of Kenyan cities from the curated table, at their own point
    ("Police shot dead two suspected robbers in Mathare on Sunday.", Where(-1.26, 36.86, "KEN", R1, km=5)),
    ("Two men were shot dead in Likoni on Friday night.", Where(-4.09, 39.66, "KEN", R1, km=5)),
    # where the locals come from is where they acted
    ("Residents of Kondele blocked the road on Monday to protest the killing.", Where(-0.085, 34.78, "KEN", R1, km=5)),
    ("Traders from Eldoret held a demonstration on Monday over new levies.", Where(0.52, 35.27, "KEN", km=25)),
    # a name the model splits in two ("Baja" and "California") is one name, and no vote for Hungary
    ("In Tijuana, Baja California, gunmen shot dead a taxi driver on Sunday.",
     Where(32.53, -117.02, "MEX", km=25)),
    # a known name inside a longer one: Homa Bay, not the Somali region Bay
    ("Protesters threw stones at the offices of Homa Bay Governor in a row over bursaries on Monday.",
     Where(-0.53, 34.46, "KEN", km=25)),
    # a town abroad with the name, and a parent at home after it: the parent wins, list or not
    ("Rival student groups fought with sticks at a school, Rampur village, Hathazari, on Monday.",
     Where(22.50, 91.81, "BGD", km=25)),
    # "X area of Y town" is in Y: neither the Italian Roma nor the Majengo of western Kenya
    ("Residents of the Roma area of Kisumu town marched against rising rents on Monday.",
     Where(-0.09, 34.77, "KEN", km=25)),
    ("Residents of the Majengo area of Garissa town marched against rising rents on Monday.",
     Where(-0.45, 39.65, "KEN", km=25)),
    # Nyeri is a county too; "Nyeri town" says the town
    ("Traders from the Majengo area of Nyeri town marched against new levies on Monday.",
     Where(-0.42, 36.95, "KEN", km=25)),
    # a parent the model tags as a person still names the country
    ("A landmine killed a shepherd near Hays city (Al Hudaydah) on Sunday.", Where(13.93, 43.48, "YEM", km=50)),
    # names as news spells them: without the Arabic article, joined, without the apostrophe
    ("Kurdish-led forces clashed with tribal fighters in Hasakah on Monday.", Where(36.50, 40.75, "SYR", km=25)),
    ("Al Shabaab fighters attacked a police station in Burhakaba on Monday.", Where(2.80, 44.08, "SOM", km=25)),
    ("Houthi fighters shelled Sanaa airport on Sunday, killing four.", Where(15.35, 44.21, "YEM", km=25)),
    # a misspelt town of the article's country
    ("Gunmen killed two herders in Nakru on Monday, Kenyan police said.", Where(-0.28, 36.07, "KEN", R1, km=25)),
    # where the locals or an institution come from: "Kitale residents" (read as a noun at the
    # start of a sentence), "the University of Ibadan", "a Garissa-based presenter"
    ("Kitale residents marched on Tuesday after a hawker died in police custody.",
     Where(1.02, 35.01, "KEN", km=25)),
    ("Students at the University of Ibadan protested against fee increases on Monday.",
     Where(7.38, 3.90, "NGA", km=25)),
    ("Unknown attackers beat a Garissa-based radio presenter on Friday.", Where(-0.45, 39.65, "KEN", km=25)),
    # "through the streets of", "in the countryside of", roads between towns, routes
    ("Teachers marched through the streets of Kakamega on Tuesday demanding arrears.",
     Where(0.28, 34.75, "KEN", km=25)),
    ("Bandits ambushed a lorry on the Gusau-Funtua (Zamfara) road on Monday, killing two.",
     Where(12.16, 6.66, "NGA", km=25)),
    ("A matatu travelling from Garissa to Dadaab was attacked by gunmen on Sunday.",
     Where(-0.45, 39.65, "KEN", km=25)),
    # whose forces strike says nothing of where: "Tarinkot" is not read in the United States
    ("An air strike by US military forces killed four fighters in Tarinkot district on Friday.",
     Where(32.63, 65.88, "AFG", km=25)),
    # "X city", "X town" is the town, not the division or county of its name
    ("Police arrested 40 opposition activists in Rajshahi city on Sunday.", Where(24.37, 88.60, "BGD", R1, km=10)),
    ("Traders marched through Nyeri town on Monday to protest new levies.", Where(-0.42, 36.95, "KEN", R1, km=10)),
    # villages of 500 to 1,000 people are in the gazetteer
    ("Ukrainian officials said shelling hit Samiilove overnight, wounding two residents.",
     Where(47.26, 38.25, "UKR", km=10)),
    # a city with a hamlet of its name nearer the state's namesake village is still the city
    ("Gunmen shot dead a police officer in Hermosillo, Sonora, on Tuesday night.",
     Where(29.09, -110.97, "MEX", km=25)),
    # first-level areas as news and ACLED's notes spell them, where pycountry spells them
    # otherwise: the French name of a Cameroonian region is not Burkina Faso's Sud-Ouest,
    # "Metropolitana" is Santiago's region, "Idleb province" is the province
    ("Traders shut their stalls and marched through Kumba town (Meme, Sud-Ouest) on Monday over market fees.",
     Where(4.64, 9.45, "CMR", R1, km=10)),
    ("Protesters set fire to a metro station in Santiago, Metropolitana, on Friday night.",
     Where(-33.46, -70.65, "CHL", R1, km=25)),
    ("Government forces shelled the village of Kansafra in southern Idleb province on Sunday, killing three.",
     Where(35.93, 36.63, "SYR", R3, km=50)),
    # a first-level area at the end of the parents says the country: Egypt's Rafah, not
    # the better known Rafah of Gaza, which a story about Gaza still gets
    ("Gunmen attacked an army checkpoint in Rafah (Rafah, North Sinai) on Sunday, killing two soldiers.",
     Where(31.28, 34.24, "EGY", R1, km=10)),
    ("Israeli forces shelled Rafah in the southern Gaza Strip on Monday, killing three.",
     Where(31.29, 34.25, "PSE", R1, km=10)),
    # "in the [one or two words] area of X": the model tags the town an organisation
    ("Gunmen attacked soldiers camped in the Gabar mountain area of Silopi on Sunday.",
     Where(37.24, 42.46, "TUR", km=10)),
    ("Rebels ambushed a patrol in the forest area of Beni on Friday.", Where(0.49, 29.47, "COD", km=25)),
    # a square or street named after a person or a town is inside the city the story names
    (("Police fired tear gas at students in central Lima on Thursday. The students had gathered in "
      "the Plaza San Martin to protest against a bill."), Where(-12.04, -77.03, "PER", km=10)),
    # the people of a place the model does not tag say where they are
    ("3 March. Residents of Ol Kalou protest over the closure of a dispensary.",
     Where(-0.27, 36.38, "KEN", R1, km=10)),
    # a month as notes abbreviate it is a date, not Juliaca (whose alias is "Jul")
    ("Around Jul 4th 2019, residents of Kericho protested after a trader died in police custody.",
     Where(None, None, "KEN")),
    # no place at all: the country an organisation's name or a national party's says
    ("Staff of the Uganda Revenue Authority protested pay cuts on Monday.", Where(None, None, "UGA", R3)),
    ("Awami League supporters marched against the verdict on Monday.", Where(None, None, "BGD", R3)),
    # ... and a mission sent to one country gives that country
    ("MONUSCO peacekeepers repelled an attack on their base on Sunday, losing one soldier.",
     Where(None, None, "COD", R3)),
    ("The OSCE SMM recorded 14 explosions near Zaitseve-2 on Tuesday.", Where(None, None, "UKR")),
    # "the [kind] of X" names X whatever the preposition and whatever the model tags X as
    ("A bomb went off outside a bank in the northern Kenyan town of Garissa on Sunday, killing one.",
     Where(-0.45, 39.65, "KEN", R1, km=10)),
    ("Boda boda riders fought with police on Friday in the sub-district of Malava (Kakamega county).",
     Where(0.45, 34.85, "KEN", R1, km=10)),
    ("An air strike hit a market in the city of Hays (Hays, Al Hudaydah) on Monday.", Where(13.93, 43.48, "YEM", km=10)),
    # a town named after its county is where, when the sentence says it is (not "to Nkubu School")
    ("Pupils from a school in Kitui county marched to the chief's office in Mwingi town on Tuesday.",
     Where(-0.94, 38.06, "KEN", R1, km=10)),
    ("Nurses in Meru County protested on Monday against their transfer to Chuka hospital.",
     Where(0.05, 37.66, "KEN", R3, km=10)),
    # the locals' home even when the model reads the name as a modifier of the verb
    ("Villagers of Molo attack and beat a suspected cattle thief.", Where(-0.25, 35.73, "KEN", km=10)),
    # a region abroad that is one word of a local name is not where: Tanzania's Mara
    ("Kipsigis youths torched huts in Trans Mara West on Sunday.", Where(None, None, "KEN")),
    # a possessive written without its apostrophe; a name of its own is left alone
    ("Hawkers protested in Mombasas CBD on Monday against new levies.", Where(-4.05, 39.66, "KEN", R1, km=10)),
    ("Rival delegates clashed with stewards at the Bomas of Kenya on Saturday.", Where(None, None, "KEN", R3)),
    # a name the model cuts ("Homa [Bay county]"), and a direction that names no area
    ("Fishermen from Karachuonyo, Homa Bay county demonstrated on Monday against a ban on night fishing.",
     Where(-0.53, 34.46, "KEN", km=10)),
    ("Herders clashed over water in Turkana South District on Sunday.", Where(None, None, "KEN", R3)),
    # a name the gazetteer spells another way, near the parent the note names; a town
    # spelt alike but farther is another town (Comayagua is 60 km from Comayaguela)
    ("Supporters of rival union council candidates fought in Shahjadpur upazila (Sirajganj, Rajshahi) on Sunday.",
     Where(24.18, 89.60, "BGD", R1, km=5)),
    ("Bus drivers blocked a bridge in Comayaguela, Francisco Morazan, on Tuesday to demand fuel subsidies.",
     Where(14.08, -87.21, "HND", km=30)),
]


@pytest.mark.parametrize(("text", "where"), EVENTS, ids=[t[:40] for t, _ in EVENTS])
def test_event_place_is_where_it_happened(text, where):
    events = es.extract(text, published="2024-05-06")
    assert events, text
    _check(events[0].location, where)


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("Chittagong", "BD-B"),  # pycountry: Chattogram
        ("Barisal", "BD-A"),  # Barishal
        ("Extreme-Nord", "CM-EN"),  # Far North
        ("KPK", "PK-KP"),  # Khyber Pakhtunkhwa
        ("Metropolitana", "CL-RM"),  # Región Metropolitana de Santiago
        ("Idleb", "SY-ID"),  # Idlib
        ("Lower Shabelle", "SO-SH"),  # Shabeellaha Hoose
    ],
)
def test_a_first_level_area_as_news_spells_it_is_found(gazetteer, written, code):
    assert code in [area.code for area in gazetteer.subdivisions(written)]


def test_every_area_alias_names_a_known_area_and_finds_it(gazetteer):
    for code, aliases in SUBDIVISION_ALIASES.items():
        area = gazetteer.subdivision_by_code(code)
        assert area is not None and area.top_level, code
        for alias in aliases:
            assert area in gazetteer.subdivisions(alias), alias


@pytest.mark.parametrize(
    ("written", "country", "geonames_name"),
    [
        ("Muranga", "KEN", "Murang’a"),  # apostrophe left out
        ("Elwak", "KEN", "El Wak"),  # space left out
        ("Qamishli", "SYR", "Al Qāmishlī"),  # article left out
        ("Ad Dali", "YEM", "Aḑ Ḑāli‘"),  # transliteration marks left out
    ],
)
def test_a_name_as_news_spells_it_finds_the_town(gazetteer, written, country, geonames_name):
    towns = gazetteer.cities(written)
    assert towns and (towns[0].name, towns[0].country) == (geonames_name, country)


def test_spelling_fallbacks_need_a_close_unique_name(gazetteer):
    nyeri = gazetteer.spelled_like("Nygeri", "KEN")
    assert nyeri is not None and nyeri[0].name == "Nyeri"
    assert gazetteer.spelled_like("Nygeri", "NGA") is None  # only the article's country is searched
    assert gazetteer.spelled_like("Xqwzbury", "KEN") is None
    assert gazetteer.spelled_like("Lamu", "KEN") is None  # too short to guess from
    assert gazetteer.cities("Dali")[0].country == "CHN"  # "Ad Dali" squeezed is no other name


@pytest.mark.parametrize(
    ("text", "countries", "deployed"),
    [
        ("US military forces struck a compound near the border on Friday.", (), ("USA",)),
        ("Turkish troops shelled villages near Manbij in northern Syria on Sunday.", ("SYR",), ("TUR",)),
        ("Kenyan police arrested 20 opposition supporters on Monday.", ("KEN",), ()),
        ("Afghan police forces attacked Taliban positions on Friday.", ("AFG",), ()),
        # whose money or mission, not where
        ("Traders in Tyre blocked roads as the pound fell against the US dollar.", ("LBN",), ()),
        ("Shop owners in Sidon closed their stores on Monday to protest a record US dollar exchange rate.", ("LBN",), ()),
    ],
)
def test_forces_sent_abroad_name_the_country_only_when_nothing_else_does(nlp, gazetteer, text, countries, deployed):
    context = place_context(nlp(text), gazetteer)
    assert (context.countries, context.deployed) == (countries, deployed)


def test_unknown_place_keeps_the_mention_and_gives_the_article_country():
    events = es.extract(
        "Kenyan police said gunmen killed two herders in Xqwzbury village on Friday.", published="2024-05-06"
    )
    assert events
    location = events[0].location
    assert location.country == "KEN" and location.precision is GeoPrecision.REGION
    assert "Xqwzbury" in location.mention and "not in the gazetteer" in (location.reason or "")


@pytest.mark.parametrize(
    "text",
    [
        "Thousands of people marched against fuel prices across Kenya on Monday.",
        "Kenyan police arrested 20 opposition supporters on Monday.",
    ],
)
def test_an_event_known_only_by_its_country_is_at_the_capital_with_country_precision(text):
    (event,) = es.extract(text, published="2024-05-06")
    location = event.location
    assert location.country == "KEN" and location.precision is GeoPrecision.REGION
    assert km(location.lat, location.lon, -1.29, 36.82) < 10  # Nairobi, as ACLED places such events
    assert "at its capital" in location.reason


def test_a_country_named_as_a_place_keeps_its_own_point(nlp, gazetteer):
    doc = nlp("Thousands of people marched against fuel prices across Kenya on Monday.")
    (kenya,) = [e for e in doc.ents if e.text == "Kenya"]
    place = resolve_place("a", kenya, gazetteer, place_context(doc, gazetteer))
    assert km(place.lat, place.lon, 1.0, 38.0) < 50  # the toponym is the country, not its capital


def test_the_runner_up_sense_is_reported(nlp, gazetteer):
    text = "Militias shelled the outskirts of Tripoli, the Libyan capital, on Sunday."
    doc = nlp(text)
    span = doc.char_span(text.index("Tripoli"), text.index("Tripoli") + len("Tripoli"))
    place = resolve_place("test", span, gazetteer, place_context(doc, gazetteer))
    assert place.country == "LBY"
    assert "runner-up Tripoli, LBN" in (place.reason or "")


def test_a_city_standing_for_its_government_is_not_the_place():
    """ "called on Baghdad to rein them in": Baghdad is who is asked, not where."""
    events = es.extract(
        "The US called on Baghdad on Monday to rein in the militias that attacked its troops.",
        published="2024-05-06",
    )
    requests = [e for e in events if e.type.value == "REQUEST"]
    assert requests
    assert requests[0].location.precision is not GeoPrecision.EXACT


def test_an_airport_code_among_alternate_names_is_no_place(gazetteer):
    # GeoNames lists "BNP" among Bannu's names (its airport); news writes it for a party
    assert gazetteer.cities("BNP") == []
    assert gazetteer.cities("Bannu")[0].country == "PAK"
    (event,) = es.extract(
        "Ruling party men hurled crude bombs at the BNP office in Natore town (Natore Sadar, Rajshahi) on Saturday.",
        published="2024-05-06",
    )
    assert event.location is not None and (event.location.name, event.location.country) == ("Natore", "BGD")


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # Gulshan alone is also a town in Iran; the city named before it says where
        ("On 2 March 2024, shop owners staged a demonstration at Dhaka - Gulshan (Gulshan).", "Dhaka", "BGD"),
        ("On 2 March 2024, protesters gathered in Kabul - District 5.", "Kabul", "AFG"),
    ],
)
def test_a_part_of_a_city_named_after_the_city_is_in_that_city(text: str, name: str, country: str) -> None:
    events = es.extract(text, published="2024-03-03")
    place = events[0].location
    assert (place.name, place.country, int(place.precision)) == (name, country, 1)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a particle joins two capitalised words; a lower-case word after a name ends it
        ("Youths clashed in Garissa as police moved in.", ["Garissa"]),
        ("Traders marched in Mandera during the visit.", ["Mandera"]),
        ("A drone struck a depot in Ras al-Khaimah on Monday.", ["Ras al-Khaimah"]),
        ("Fishermen protested in Mar del Plata on Monday.", ["Mar del Plata"]),
        ("Shelling hit the village of Kansafra and the town of Ariha.", ["Kansafra", "Ariha"]),
    ],
)
def test_place_phrases_take_whole_names_and_no_more(nlp, text, names):
    assert [span.text for span in place_phrases(nlp(text)[:])] == names


@pytest.mark.parametrize(
    ("text", "town"),
    [
        # an English noun that opens a sentence is no small town abroad ...
        ("Rice traders protested against the new import levy on Monday.", None),
        # ... but a name the lemmatizer does not know as a noun still is one
        ("Kitale residents marched on Tuesday after a hawker died in police custody.", "Kitale"),
    ],
)
def test_a_common_noun_opening_a_sentence_is_no_town_abroad(text, town):
    (event,) = es.extract(text, published="2024-05-06")
    assert event.location is not None
    assert (event.location.name if event.location.lat is not None else None) == town
