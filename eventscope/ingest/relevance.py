"""Decides from an article's raw text, before any parsing, whether it can report an event.

The gate is a word check, not a model: an article passes when its title or
body holds a word of political violence, protest, coercion or state action
(``STRONG``), or a political actor (``ACTORS``) together with a word of
demand, refusal or accusation (``STATEMENTS``). It errs towards passing: a
sports report of a "killer blow" passes and costs a parse; what it must not do
is skip an article that reports an event. ``bench/throughput.py`` measures its
recall on conflict articles and the time it saves.
"""

from __future__ import annotations

import re

# Regular expressions matched at a word start, case-insensitively. A stem
# without ``\b`` takes any ending ("attack" also finds "attacked",
# "attackers"); one ending in ``\b`` is a whole word ("accords?\b" must not
# find "according"). Each reports, or almost always comes with, an event that
# eventscope extracts.
STRONG: tuple[str, ...] = (
    # violence
    "kill", r"dead\b", r"deaths?\b", r"died\b", r"dies\b", r"dying\b", "slain", "slay",
    "murder", "massacre", "attack", "assault", "assail", "ambush", "clash", "fighting",
    "firefight", "gunfight", "gunm", "gunfire", "gunshot", "shoot", "shot dead", "shot and",
    "sniper", "bomb", "blast", "explos", "explod", "detonat", r"ieds?\b", "landmine", "grenade",
    "shell", "mortar", "artillery", r"rockets?\b", "missile", "drone", "airstrike",
    "air strike", "air raid", r"raids?\b", r"strikes?\b", r"struck\b", "warplane", "airbase",
    "air base", "wound", "casualt", "hostage", "abduct", "kidnap", "behead",
    "decapitat", "stab", "lynch", "torch", "loot", "vandal", "arson", "ablaze", "set fire",
    "set on fire", "militant", "insurgen", "rebel", "militia", "jihad", "extremist", "terror",
    "armed group", "armed men", "fighters", "troops", "soldier", r"army\b", r"armies\b",
    "military", "paramilitar", r"war\b", r"wars\b", "warfare", "combat", "siege",
    "hamas", "hezbollah", "taliban", "shabaab", "boko haram", "islamic state",
    # protest
    "protest", "demonstrat", r"rall(?:y|ies|ied|ying)\b", "riot", "marched", "marcher",
    "marching", "tear gas", "teargas", "water cannon", "rubber bullet", "sit-in", "picket",
    "walkout", "barricad", "blockade", "dispers", "human chain", "unrest", "uprising",
    # coercion
    "arrest", "detain", "detention", "apprehend", "seize", "seizure", "deport",
    "crackdown", r"jail", "imprison", "prison", "round-up", "rounded up",
    # state action and diplomacy
    "sanction", "embargo", "asset freeze", "ceasefire", "cease-fire", "truce",
    "peace deal", "peace agreement", "peace talks", r"accords?\b", "condemn", "denounc",
    "retaliat", "deploy", "mobiliz", "mobilis", r"coups?\b", "martial law",
    "state of emergency", "curfew",
)
# A political actor ...
ACTORS: tuple[str, ...] = (
    "government", "minister", "ministry", "president", "parliament", "opposition", "police",
    "authorities", "officials", "junta", "regime", "embassy", "united nations",
    "security council", "election", "governor", "lawmaker", "senator", "activist",
    "rights group",
)
# ... with one of these is a statement event (accuse, reject, request, release, agree).
STATEMENTS: tuple[str, ...] = (
    "accus", "blame", "reject", r"call(?:s|ed|ing)? (?:on|for)\b", "urge", "demand",
    "release", r"freed\b", "withdr", r"sign(?:s|ed|ing)?\b", "agree", "threat",
)


def _pattern(stems: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = sorted(set(stems), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(alternatives) + ")", re.IGNORECASE)


_STRONG = _pattern(STRONG)
_ACTORS = _pattern(ACTORS)
_STATEMENTS = _pattern(STATEMENTS)


def relevance_term(text: str, title: str | None = None) -> str | None:
    """The first word of ``text`` (or ``title``) that makes it worth parsing, or None."""
    for part in (title or "", text):
        found = _STRONG.search(part)
        if found:
            return found.group(0)
    whole = f"{title or ''}\n{text}"
    actor = _ACTORS.search(whole)
    if actor is None:
        return None
    statement = _STATEMENTS.search(whole)
    return f"{actor.group(0)} + {statement.group(0)}" if statement else None


def is_relevant(text: str, title: str | None = None) -> bool:
    """Whether an article may report an event and so must be parsed."""
    return relevance_term(text, title) is not None
