"""Reads how a protest went: peaceful, broken up, met with lethal force, or violent.

ACLED splits protests by what happened around them, and news says so in the
protest's sentence or the next one: "police fired tear gas to disperse them"
(intervention), "police opened fire, killing two" (excessive force), "they
hurled stones and torched a bus" (a violent demonstration: a riot). The words
are read as lemmas over that window; nothing else is guessed.

What the crowd protests about is not how the protest went: "a human chain
against the assault on a teacher", "demanding justice for the killings",
"amid clashes (coded separately)" name violence the protesters did not
commit, so the grievance (the phrase after "against", "over", "amid",
"demanding", "condemning" and the like) is left out of the window. Violence
done *to* the protesters ("activists of the ruling party assaulted the
marchers") is an intervention, not a riot.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from eventscope.extract import lexicon

FORCES = frozenset(["police", "policeman", "officer", "security", "force", "soldier", "troop", "army", "gendarme"])
INTERVENTION = frozenset(
    ["disperse", "teargas", "tear-gas", "baton", "truncheon", "cannon", "arrest", "detain", "obstruct", "block", "charge",
     "intervene", "remove", "evict"]
)
LETHAL = frozenset(["kill", "shoot", "dead", "fatally", "ammunition"])
# with a crowd that is itself violent, force is excessive only when it killed
DEATHS = frozenset(["kill", "dead", "fatally", "die"])
RIOTING = frozenset(
    ["stone", "pelt", "hurl", "throw", "torch", "vandalize", "vandalise", "loot", "smash", "burn", "clash", "rampage", "ransack", "attack",
     "destroy", "bonfire", "barricade",
     "assault", "riot", "rioter", "battle", "violent", "violently"]
)

# what "riot" names when it modifies them: the force sent against a crowd
RIOT_GEAR = frozenset(["police", "policeman", "officer", "gear", "squad", "unit", "control", "shield", "van", "troop"])
# words that tell of a crowd's violence in any sentence near the protest, verbs or not
# ("The protesters lit bonfires on the highway")
UNMISTAKABLE = frozenset(["violent", "bonfire"])

# "set fire to", "setting ablaze", "lit fires on the road", "lighting a bonfire"
FIRE_SETTING = re.compile(r"\b(?:set|sets|setting)\s+(?:fire|ablaze|alight)|\b(?:lit|light|lights|lighting)\s+(?:a\s+)?(?:bon)?fires?\b")

# prepositions that introduce what a protest is about, wherever they attach
GRIEVANCE_PREPS = frozenset(
    ["against", "over", "amid", "amidst", "about", "regarding", "concerning", "following"]
)
# what happened before the protest: "the prior assault", "recent clashes"
BACKGROUND = frozenset(["prior", "previous", "earlier", "recent", "past"])
# ... and these only on the protest itself ("protested after the killing of a boy"):
# PROTEST_HEADS are the lemmas of the protest words they hang from (verbs and nouns;
# lexicon.PROTEST_WORDS are the nouns that make "gather" a protest)
PROTEST_PREPS = frozenset(["after", "for", "at"])
PROTEST_HEADS = frozenset(
    ["protest", "demonstrate", "demonstration", "rally", "march", "chain", "gather", "strike", "sit",
     "procession", "picket", "street", "protester", "demonstrator"]
)
GRIEVANCE_MARKS = frozenset(["after", "because", "since", "following"])
# verbs whose object is the grievance: "demanding justice for the killing"
GRIEVANCE_VERBS = lexicon.GRIEVANCES | frozenset(["protest", "oppose", "call", "accuse", "urge"])
GRIEVANCE_DEPS = frozenset(["dobj", "ccomp", "xcomp", "prep", "attr", "oprd", "pobj"])
# the crowd, as the one violence is done to
CROWD_NOUNS = frozenset(
    ["protester", "demonstrator", "marcher", "participant", "student", "activist", "procession", "rally",
     "march", "protest", "demonstration", "crowd", "protestor"]
)


def _grievance(window: Span) -> set[int]:
    """Indices of the tokens that say what the protest is about."""
    skipped: set[int] = set()
    for token in window:
        lemma = token.lemma_.lower()
        # "against the prior assault on a chairman", "amid recent clashes"
        background = token.pos_ == "NOUN" and any(
            c.dep_ == "amod" and c.lower_ in BACKGROUND for c in token.children
        )
        about = token.dep_ == "prep" and (
            token.lower_ in GRIEVANCE_PREPS
            or token.lower_ in PROTEST_PREPS and token.head.lemma_.lower() in PROTEST_HEADS
        )
        # "with 7-point demands including the arrest of the killers": the demand, as a noun
        demands = token.pos_ == "NOUN" and lemma == "demand"
        if background or about or demands:
            skipped.update(t.i for t in token.subtree)
        elif (
            token.dep_ == "advcl"
            and token.head.lemma_.lower() in PROTEST_HEADS
            and any(c.dep_ == "mark" and c.lower_ in GRIEVANCE_MARKS for c in token.children)
        ):  # "protested after pollution destroyed their crops"
            skipped.update(t.i for t in token.subtree)
        elif token.pos_ == "VERB" and lemma in GRIEVANCE_VERBS:
            for child in token.rights:
                # not "... and hurled stones" (a verb in conj); but "demanding justice ..., and
                # release of students detained by police" (a noun the parser coordinated with the verb)
                if child.dep_ in GRIEVANCE_DEPS or child.dep_ == "conj" and child.pos_ == "NOUN":
                    skipped.update(t.i for t in child.subtree)
    return skipped


def _against_crowd(token: Token) -> bool:
    """True when the violent verb is done to the protesters ("assaulted the marchers")."""
    if token.pos_ != "VERB":
        return False
    verbs = [token, *token.conjuncts]  # "assaulted and injured the marchers"
    return any(
        child.dep_ in ("dobj", "nsubjpass") and child.lemma_.lower() in CROWD_NOUNS
        for verb in verbs
        for child in verb.children
    )


def _lemmas(window: Span, own: Span | None) -> set[str]:
    skipped = _grievance(window)
    lemmas: set[str] = set()
    for t in window:
        if t.i in skipped:
            continue
        lemma = t.lemma_.lower()
        if lemma == "riot" and t.dep_ in ("compound", "amod", "nmod") and t.head.lemma_.lower() in RIOT_GEAR:
            continue  # "riot police", "riot gear": the force, not the crowd's violence
        beyond = own is not None and not own.start <= t.i < own.end
        if beyond and lemma in RIOTING and t.pos_ != "VERB" and lemma not in UNMISTAKABLE:
            continue  # another sentence's "an attack on media freedom": a crowd's violence is told by verbs
        lemmas.add("attack-crowd" if lemma in RIOTING and _against_crowd(t) else lemma)
    text = "".join(t.text_with_ws for t in window if t.i not in skipped).lower()
    if "tear gas" in text or "teargas" in text:
        lemmas.add("teargas")
    if FIRE_SETTING.search(text):
        lemmas.add("torch")
    if "non-violent" in text or "nonviolent" in text or "non violent" in text:
        lemmas.discard("violent")
    return lemmas


def protest_mode(window: Span, own: Span | None = None) -> str | None:
    """The protest mode the window supports, or None for no sign of either side's force.

    ``own`` is the protest's own sentence inside the window; in the others only
    verbs tell of the crowd's violence ("they torched a bus"), not nouns.
    Force against protesters is checked first: protesters throwing stones
    while police shoot them dead is excessive force, as ACLED codes it; but
    police firing at a crowd that is burning cars, with no one killed, is a riot.
    """
    lemmas = _lemmas(window, own)
    forces = bool(lemmas & FORCES)
    rioting = bool(lemmas & RIOTING)
    if forces and lemmas & (DEATHS if rioting else LETHAL):
        return "excessive force"
    if rioting:
        return "riot"
    if forces and lemmas & INTERVENTION or "teargas" in lemmas or "attack-crowd" in lemmas:
        return "intervention"
    return None
