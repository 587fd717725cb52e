"""Hand-written article templates for the benchmark corpus (see bench/README.md).

Each category has leads (a title and an opening paragraph) and a pool of body
paragraphs; ``make_corpus.py`` picks one lead and a few paragraphs and fills
the ``{placeholders}`` with places, people, numbers and dates. Event
categories report conflict, protest, arrests or state action; the others are
ordinary news (sports, business, weather, culture) that should yield no event,
a few of them written with words that look like events ("attack", "strike",
"rally", "storm killed") to keep the relevance gate honest.
"""

from __future__ import annotations

EVENT_CATEGORIES = ("conflict", "protest", "arrest", "diplomacy")
OTHER_CATEGORIES = ("sports", "business", "weather", "culture")

LEADS: dict[str, list[tuple[str, str]]] = {
    "conflict": [
        (
            "{n_killed} killed as gunmen attack market near {city}",
            ("{CITY}, {month_day} - Gunmen on motorcycles opened fire at a crowded livestock "
            "market on the edge of {city} on {weekday}, killing at least {n_killed} people and "
            "wounding {n_injured} others, local officials said."),
        ),
        (
            "Rocket fire hits {city} district, {n_injured} hurt",
            ("{CITY}, {month_day} - Several rockets struck a residential district of {city} late "
            "on {weekday}, injuring {n_injured} people and damaging homes and a school, the "
            "{demonym} civil defence service said in a statement."),
        ),
        (
            "Troops and {group} clash near {city2}",
            ("{CITY}, {month_day} - {Demonym} government troops clashed with fighters from "
            "{group} outside {city2} on {weekday}, the army said, in fighting that left "
            "{n_killed} soldiers and an unknown number of militants dead."),
        ),
        (
            "Drone strike on convoy kills {n_killed} in {country}",
            ("{CITY}, {month_day} - A drone strike hit a convoy of pickup trucks on the road "
            "between {city} and {city2} on {weekday}, killing {n_killed} people, two security "
            "sources told {outlet}."),
        ),
        (
            "Roadside bomb kills {n_killed} police officers in {country}",
            ("{CITY}, {month_day} - A roadside bomb exploded under a police vehicle on the "
            "outskirts of {city} on {weekday}, killing {n_killed} officers, the provincial "
            "police chief said."),
        ),
        (
            "Villagers flee after armed men raid settlement near {city}",
            ("{CITY}, {month_day} - Armed men stormed a village about {km} km from {city} before "
            "dawn on {weekday}, shooting residents and setting houses on fire, survivors said; "
            "{n_killed} bodies had been recovered by the afternoon."),
        ),
        (
            "Shelling of {city} leaves {n_killed} dead",
            ("{CITY}, {month_day} - Artillery shells landed on a bus station in central {city} on "
            "{weekday} morning, killing {n_killed} civilians and wounding dozens, regional "
            "governor {official} said."),
        ),
    ],
    "protest": [
        (
            "Thousands march in {city} against fuel price rise",
            ("{CITY}, {month_day} - Thousands of people marched through the centre of {city} on "
            "{weekday} to protest against a sharp rise in fuel prices, chanting slogans against "
            "the government and blocking a main avenue for several hours."),
        ),
        (
            "Police fire tear gas at student protesters in {city}",
            ("{CITY}, {month_day} - Police fired tear gas and water cannon to disperse several "
            "hundred students demonstrating outside the education ministry in {city} on "
            "{weekday}, witnesses said."),
        ),
        (
            "Teachers rally in {city} over unpaid wages",
            ("{CITY}, {month_day} - Some {n_crowd} teachers rallied in front of parliament in "
            "{city} on {weekday} to demand {months} months of unpaid salaries, in the largest "
            "protest by public workers this year."),
        ),
        (
            "Farmers block highways around {city}",
            ("{CITY}, {month_day} - Farmers blocked highways leading into {city} with tractors "
            "and burning tyres on {weekday}, protesting against cheap imports that they say are "
            "driving them out of business."),
        ),
        (
            "Riot erupts in {city} after disputed vote count",
            ("{CITY}, {month_day} - Supporters of the opposition rioted in {city} on {weekday}, "
            "torching cars and looting shops after the electoral commission announced "
            "provisional results, police said."),
        ),
        (
            "Peaceful vigil in {city} for missing activist",
            ("{CITY}, {month_day} - Hundreds of people held a silent vigil in {city} on {weekday} "
            "evening for {person}, a rights activist who has been missing for {n_days} days, "
            "demanding that the authorities reveal where she is held."),
        ),
    ],
    "arrest": [
        (
            "Police arrest {n_arrested} after raids in {city}",
            ("{CITY}, {month_day} - Police arrested {n_arrested} people in a series of dawn "
            "raids across {city} on {weekday}, accusing them of links to {group}, the interior "
            "ministry said."),
        ),
        (
            "Opposition leader detained in {city}",
            ("{CITY}, {month_day} - Security forces detained opposition leader {person} at "
            "{city} airport on {weekday} as he returned from abroad, his party said, calling "
            "the arrest politically motivated."),
        ),
        (
            "Journalists held after covering protest in {city}",
            ("{CITY}, {month_day} - {n_arrested} journalists were detained by police in {city} "
            "on {weekday} while covering a demonstration outside the courthouse, a media "
            "freedom group said."),
        ),
        (
            "Border guards seize weapons, arrest smugglers near {city2}",
            ("{CITY}, {month_day} - Border guards seized a truck loaded with rifles and "
            "ammunition near {city2} on {weekday} and arrested its {n_arrested} occupants, the "
            "defence ministry said."),
        ),
        (
            "{Demonym} authorities deport {n_arrested} foreign workers after protest",
            ("{CITY}, {month_day} - {Demonym} authorities deported {n_arrested} foreign "
            "construction workers on {weekday}, days after they staged a strike over unpaid "
            "wages at a building site in {city}, rights groups said."),
        ),
    ],
    "diplomacy": [
        (
            "EU imposes sanctions on {demonym} officials",
            ("BRUSSELS, {month_day} - The European Union on {weekday} imposed sanctions on "
            "{n_officials} {demonym} officials it accuses of rigging elections and of cracking "
            "down on the opposition, freezing their assets and banning them from travel."),
        ),
        (
            "Government and {group} sign ceasefire",
            ("{CITY}, {month_day} - The {demonym} government and {group} signed a ceasefire "
            "agreement in {city} on {weekday}, the first truce in the conflict since fighting "
            "resumed {n_months} months ago."),
        ),
        (
            "{Country} condemns attack on its embassy",
            ("{CITY}, {month_day} - {Country} on {weekday} condemned an attack on its embassy in "
            "a neighbouring capital as an \"unacceptable provocation\" and called on the host "
            "government to protect its diplomats."),
        ),
        (
            "Rebels release {n_arrested} hostages in {country}",
            ("{CITY}, {month_day} - {Group} released {n_arrested} hostages near {city2} on "
            "{weekday} after weeks of talks mediated by religious leaders, the government said."),
        ),
    ],
    "sports": [
        (
            "{team1} beat {team2} to go top of the league",
            ("{CITY}, {month_day} - {team1} beat {team2} {score1}-{score2} on {weekday} to move "
            "top of the table, with their striker scoring twice in the second half."),
        ),
        (
            "{person} wins {city} marathon in course record",
            ("{CITY}, {month_day} - {person} won the {city} marathon on {weekday} in 2 hours "
            "{minutes} minutes, breaking the course record by {seconds} seconds in cool, calm "
            "conditions."),
        ),
        (
            "{team1} hold {team2} to a draw",
            ("{CITY}, {month_day} - {team1} held {team2} to a {score1}-{score1} draw in {city} on "
            "{weekday}, a result that keeps both sides in the hunt for a European place."),
        ),
        (
            "{person} reaches semi-finals in {city}",
            ("{CITY}, {month_day} - {person} reached the semi-finals of the {city} Open on "
            "{weekday}, saving three set points before winning in straight sets."),
        ),
    ],
    "business": [
        (
            "{company} profit rises {pct}% on strong demand",
            ("{CITY}, {month_day} - {company} reported a {pct}% rise in quarterly profit on "
            "{weekday}, helped by strong demand for its products in Asia and lower shipping "
            "costs, and raised its forecast for the full year."),
        ),
        (
            "Central bank holds rates at {rate}%",
            ("{CITY}, {month_day} - {Country}'s central bank kept its main interest rate at "
            "{rate}% on {weekday}, as expected, saying inflation was easing but remained above "
            "its target."),
        ),
        (
            "{company} to build ${amount} million plant near {city}",
            ("{CITY}, {month_day} - {company} will invest ${amount} million in a new factory near "
            "{city}, creating about {jobs} jobs, the company said on {weekday}."),
        ),
        (
            "Stocks rally as tech shares rebound",
            ("{CITY}, {month_day} - Shares in {city} rose on {weekday}, with the main index up "
            "{pct_small}% as technology stocks recovered from last week's sell-off."),
        ),
    ],
    "weather": [
        (
            "Heatwave to continue across {country}",
            ("{CITY}, {month_day} - Temperatures in {city} are expected to reach {temp} degrees "
            "Celsius again on {weekday}, the national weather service said, extending a "
            "heatwave that began last week."),
        ),
        (
            "Heavy rain floods streets in {city}",
            ("{CITY}, {month_day} - Heavy rain flooded streets and underpasses in {city} on "
            "{weekday}, with {mm} millimetres falling in six hours, the weather service said."),
        ),
        (
            "Snow closes mountain passes near {city2}",
            ("{CITY}, {month_day} - Heavy snow closed two mountain passes near {city2} on "
            "{weekday}, and forecasters said more was on the way."),
        ),
        (
            "Storm brings gales to coast near {city}",
            ("{CITY}, {month_day} - A storm brought gusts of up to {kmh} km per hour to the coast "
            "near {city} on {weekday}, uprooting trees and cutting power to thousands of homes."),
        ),
    ],
    "culture": [
        (
            "{artist} exhibition opens in {city}",
            ("{CITY}, {month_day} - A retrospective of the painter {artist} opened at the "
            "national gallery in {city} on {weekday}, bringing together {n_works} works from "
            "collections in {n_countries} countries."),
        ),
        (
            "{city} film festival names winners",
            ("{CITY}, {month_day} - A quiet family drama about three sisters won the top prize at "
            "the {city} film festival on {weekday}, the jury said."),
        ),
        (
            "Novelist {person} wins national book prize",
            ("{CITY}, {month_day} - The novelist {person} won the national book prize on "
            "{weekday} for a novel about a fishing village over three generations."),
        ),
        (
            "Restored opera house reopens in {city}",
            ("{CITY}, {month_day} - The opera house in {city} reopened on {weekday} after a "
            "{n_years}-year restoration, with a sold-out performance of a nineteenth-century "
            "comic opera."),
        ),
    ],
}

PARAGRAPHS: dict[str, list[str]] = {
    "conflict": [
        ("No group immediately claimed responsibility, but {group} has carried out similar "
        "attacks in the area in recent months."),
        ("A doctor at the main hospital in {city} said the wounded included {n_children} "
        "children and that several were in critical condition."),
        ("The army said it had launched an operation to track down the attackers and had killed "
        "{n_militants} of them in an exchange of fire the same evening."),
        ("Residents said the shooting lasted about half an hour before soldiers arrived from a "
        "base near {city2}."),
        ("The United Nations mission in {country} condemned the attack and urged all sides to "
        "protect civilians."),
        ("\"We heard explosions and then people running everywhere,\" said {person}, a trader "
        "who was at the scene. \"Nobody knew where to go.\""),
        ("Violence in the region has displaced more than {n_displaced} people this year, "
        "according to aid agencies."),
        ("The interior ministry said security had been stepped up around markets, schools and "
        "places of worship."),
        "Local officials said it was the third attack on the area in a month.",
        ("The government blamed {group} for the violence and vowed to bring those responsible "
        "to justice."),
    ],
    "protest": [
        ("Organisers put the number of marchers at {n_crowd}, while police said about half "
        "that many took part."),
        ("Police said {n_arrested} people were detained and {n_injured} officers were hurt when "
        "some protesters threw stones."),
        ("\"We cannot feed our families on these wages,\" said {person}, who had travelled from "
        "{city2} to join the demonstration."),
        "The government said it was open to talks but would not reverse the decision.",
        ("The protest ended peacefully in the early evening, and organisers said they would "
        "return next week if their demands were not met."),
        "Unions have called a general strike for {weekday2} if the measure is not withdrawn.",
        ("Shops along the route closed their shutters as the crowd passed, and traffic was "
        "diverted around the city centre."),
        "Rights groups urged the authorities to respect the right to peaceful assembly.",
    ],
    "arrest": [
        ("A police spokesman said those detained would appear before a magistrate within 48 "
        "hours."),
        "Lawyers for the detainees said they had not been allowed to see their clients.",
        "The arrests follow a wave of attacks on police stations in {country} this year.",
        "Human rights groups called the detentions arbitrary and demanded their release.",
        "Officers also seized {n_phones} mobile phones, cash and documents, the statement said.",
        ("{person}, a relative of one of those held, said the family had not been told where he "
        "was taken."),
        ("The opposition accused the government of using the security services to silence its "
        "critics ahead of the election."),
    ],
    "diplomacy": [
        ("The foreign ministry in {city} rejected the measures as interference in its internal "
        "affairs and said it would respond."),
        ("Diplomats said the agreement provides for the withdrawal of heavy weapons and an "
        "exchange of prisoners within {n_days} days."),
        "The United States welcomed the move and urged both sides to respect the deal.",
        ("Previous truces have collapsed within weeks, and observers said the test would be "
        "whether commanders on the ground comply."),
        "The sanctions list now includes {n_officials} individuals and {n_firms} companies.",
        "Officials said talks would continue next month in a neighbouring capital.",
    ],
    "sports": [
        "The home side dominated possession but struggled to create clear chances.",
        "The goalkeeper made three fine saves in the first half to keep the score level.",
        "Ticket prices for the final have risen sharply, supporters' groups said.",
        "The club confirmed that its new training ground will open next season.",
        "The league's top scorer now has {score1} goals in his last five matches.",
        "Both managers praised the referee for letting the game flow.",
        ("The visitors started brightly and had two good chances before the break, but their "
        "attack faded after the interval."),
        ("The coach said after the match that his side had \"killed the game\" with the second "
        "goal and deserved the three points."),
        "A crowd of {n_crowd} watched the match in bright sunshine.",
        "The winner collects a cheque for {amount} thousand dollars and ranking points.",
        "Next up is a trip to {city2}, where the team has not won in {n_years} years.",
        "The defender limped off with a hamstring injury and is doubtful for the next game.",
        "Fans celebrated long after the final whistle in the streets around the stadium.",
    ],
    "business": [
        "Analysts at two banks raised their price targets after the results.",
        "The company said its order book was at a record level for this time of year.",
        "Exports of machinery and chemicals rose for a third month in a row.",
        "The firm plans to cut its carbon emissions by half by the end of the decade.",
        "A spokesperson declined to comment on reports of a possible merger.",
        "Revenue rose to {amount} million dollars, slightly ahead of analysts' estimates.",
        ("The chief executive said the company would keep investing in new plants despite "
        "higher borrowing costs."),
        "Shares in the company closed {pct_small}% higher.",
        ("The firm employs about {jobs} people in {country} and exports to more than "
        "{n_countries} countries."),
        ("Economists expect growth of around {pct_small}% this year, helped by exports and "
        "tourism."),
        ("A planned strike by dock workers was called off after the union reached a pay deal "
        "with port operators."),
    ],
    "weather": [
        "The highest temperature recorded in the region was {temp} degrees, in {city2}.",
        "Ferry services to the islands were suspended for the day.",
        "Meteorologists said the pattern was typical for the season but unusually long.",
        "Residents were advised to check on elderly neighbours and keep pets indoors.",
        "Airports in {city} and {city2} reported only minor delays.",
        ("The weather service issued an amber warning and advised people to drink plenty of "
        "water and avoid the midday sun."),
        "Forecasters expect cooler air to arrive from the north by {weekday2}.",
        "Trains between {city} and {city2} were delayed by up to an hour.",
        "Farmers said the dry spell was threatening the harvest of wheat and barley.",
        ("Last year a storm killed {n_killed} people and left thousands without power in the "
        "same region."),
        "Schools in low-lying districts will stay closed until the water recedes.",
    ],
    "culture": [
        "The museum will open late on Fridays for the length of the exhibition.",
        "A catalogue with essays by three curators accompanies the show.",
        "The novel has been translated into {n_countries} languages.",
        "Local schools will get free tickets for matinee performances.",
        ("The show runs until {month2} and is expected to draw more than {n_visitors} "
        "visitors."),
        "Critics praised the production's staging and the young cast.",
        "The prize comes with an award of {amount} thousand dollars.",
        ("The building, damaged by a fire in the 1980s, has been restored with help from "
        "private donors."),
        "Tickets for the opening week sold out within hours.",
        ("The director thanked the festival and said the film had taken {n_years} years to "
        "make."),
    ],
}

# Places: city, country, demonym, another city in the country, an armed group there.
EVENT_PLACES: list[tuple[str, str, str, str, str]] = [
    ("Mosul", "Iraq", "Iraqi", "Kirkuk", "Islamic State"),
    ("Goma", "the Democratic Republic of Congo", "Congolese", "Bunia", "M23 rebels"),
    ("Gao", "Mali", "Malian", "Mopti", "JNIM"),
    ("Maiduguri", "Nigeria", "Nigerian", "Damaturu", "Boko Haram"),
    ("Mogadishu", "Somalia", "Somali", "Kismayo", "al-Shabaab"),
    ("Kharkiv", "Ukraine", "Ukrainian", "Sumy", "Russian forces"),
    ("Peshawar", "Pakistan", "Pakistani", "Quetta", "the Pakistani Taliban"),
    ("Khartoum", "Sudan", "Sudanese", "El Obeid", "the Rapid Support Forces"),
    ("Lima", "Peru", "Peruvian", "Arequipa", "a criminal gang"),
    ("Nairobi", "Kenya", "Kenyan", "Mombasa", "al-Shabaab"),
    ("Dhaka", "Bangladesh", "Bangladeshi", "Chittagong", "an armed group"),
    ("Tbilisi", "Georgia", "Georgian", "Batumi", "a nationalist group"),
    ("Manila", "the Philippines", "Filipino", "Davao", "the New People's Army"),
    ("Caracas", "Venezuela", "Venezuelan", "Maracaibo", "armed colectivos"),
    ("Kabul", "Afghanistan", "Afghan", "Kandahar", "Islamic State Khorasan"),
    ("Mandalay", "Myanmar", "Myanmar", "Sagaing", "the People's Defence Force"),
    ("Ouagadougou", "Burkina Faso", "Burkinabe", "Djibo", "JNIM"),
    ("Bogota", "Colombia", "Colombian", "Cali", "ELN rebels"),
]
OTHER_PLACES: list[tuple[str, str, str, str, str]] = [
    ("Lyon", "France", "French", "Marseille", ""),
    ("Osaka", "Japan", "Japanese", "Kyoto", ""),
    ("Melbourne", "Australia", "Australian", "Sydney", ""),
    ("Toronto", "Canada", "Canadian", "Montreal", ""),
    ("Munich", "Germany", "German", "Hamburg", ""),
    ("Porto", "Portugal", "Portuguese", "Lisbon", ""),
    ("Accra", "Ghana", "Ghanaian", "Kumasi", ""),
    ("Santiago", "Chile", "Chilean", "Valparaiso", ""),
    ("Jakarta", "Indonesia", "Indonesian", "Surabaya", ""),
    ("Krakow", "Poland", "Polish", "Gdansk", ""),
]
FIRST_NAMES = [
    "Amina", "Carlos", "Fatima", "Ivan", "Grace", "Hassan", "Mei", "Olga", "Kwame", "Lucia",
    "Tariq", "Ana", "Yusuf", "Nadia", "Pedro", "Irina", "Samuel", "Leila", "Daniel", "Rosa",
]
LAST_NAMES = [
    "Diallo", "Mendoza", "Rahman", "Petrenko", "Otieno", "Haddad", "Chen", "Sokolova",
    "Mensah", "Quispe", "Aziz", "Silva", "Okafor", "Karimi", "Ramos", "Novak", "Banda",
]
OUTLETS = [
    "Continental Wire", "Evening Ledger", "Frontier Post Online", "Harbour Times",
    "Regional Dispatch", "Morning Courier",
]
TEAMS = [
    "Rovers", "United", "Athletic", "City", "Wanderers", "Albion", "Sporting", "Dynamo",
    "Olympic", "Rangers",
]
COMPANIES = [
    "Norvane Foods", "Keswick Motors", "Altamira Mining", "Brightpath Telecom",
    "Solenne Pharma", "Eastgate Logistics", "Tessaro Steel",
]
ARTISTS = ["Elena Varga", "Tomas Irigoyen", "Ada Mwangi", "Hiro Sato", "Marta Lindqvist"]
