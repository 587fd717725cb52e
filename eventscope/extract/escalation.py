"""Reads how a protest went: peaceful, broken up, met with lethal force, or violent.

ACLED splits protests by what happened around them, and news says so in the
protest's sentence or the next one: "police fired tear gas to disperse them"
(intervention), "police opened fire, killing two" (excessive force), "they
hurled stones and torched a bus" (a violent demonstration: a riot). The words
are read as lemmas over that window; nothing else is guessed.
"""

from __future__ import annotations

from spacy.tokens import Span

FORCES = frozenset(["police", "policeman", "officer", "security", "force", "soldier", "troop", "army", "gendarme"])
INTERVENTION = frozenset(
    ["disperse", "teargas", "tear-gas", "baton", "truncheon", "cannon", "arrest", "detain", "obstruct", "block", "charge"]
)
LETHAL = frozenset(["kill", "shoot", "dead", "fatally", "ammunition"])
RIOTING = frozenset(
    ["stone", "pelt", "hurl", "throw", "torch", "vandalize", "vandalise", "loot", "smash", "burn", "clash", "rampage", "ransack", "attack",
     "assault", "riot", "rioter", "battle", "violent"]
)


def _lemmas(window: Span) -> set[str]:
    lemmas = {t.lemma_.lower() for t in window}
    text = window.text.lower()
    if "tear gas" in text or "teargas" in text:
        lemmas.add("teargas")
    if "set fire" in text or "set ablaze" in text or "set alight" in text:
        lemmas.add("torch")
    if "non-violent" in text or "nonviolent" in text or "non violent" in text:
        lemmas.discard("violent")
    return lemmas


def protest_mode(window: Span) -> str | None:
    """The protest mode the window supports, or None for no sign of either side's force.

    Force against protesters is checked first: protesters throwing stones
    while police shoot them dead is excessive force, as ACLED codes it.
    """
    lemmas = _lemmas(window)
    forces = bool(lemmas & FORCES)
    if forces and lemmas & LETHAL:
        return "excessive force"
    if lemmas & RIOTING:
        return "riot"
    if forces and lemmas & INTERVENTION or "teargas" in lemmas:
        return "intervention"
    return None
