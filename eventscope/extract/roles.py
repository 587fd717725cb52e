"""Reads who did what to whom, and where, from the dependency parse around a trigger.

Handles active and passive clauses ("X hit Y", "Y was hit by X"), shared
subjects of coordinated verbs ("arrested and charged"), participles ("...,
killing 12"), relative clauses ("people who are alleged to have attacked"),
and nominal events ("Israeli strikes on the camp", "X claimed attacks on Y").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from eventscope.extract import lexicon
from eventscope.extract.quantities import MONTHS
from eventscope.extract.triggers import ARTICLES, Trigger, misread_modifier
from eventscope.nlp.text import entities
from eventscope.records import EventType
from eventscope.resolve.actors import weapon_owner
from eventscope.resolve.places import TOWN_WORDS

LOCATIVE_PREPS = frozenset(["in", "at", "near", "outside", "inside", "across", "around", "within", "into"])
TARGET_PREPS = frozenset({"on", "against", "at", "targeting", "into"})
CLASH_PREPS = frozenset({"with", "against"})
# "on the outskirts of Goma", "on the road to Kismayo": where, though "on Monday" is when
EDGES = frozenset({"outskirts", "outskirt", "edge", "border", "road", "highway", "frontline", "bank", "coast", "shore"})
# Carriers whose passive agent did the event ("the raid was carried out by troops"),
# unlike "the attack was repelled by troops" or "the protest was sparked by a killing".
# Verbs that break a protest up: the protest's noun is their object ("police broke up the march").
BREAKING_UP = frozenset({"break", "disperse", "scatter", "stop", "obstruct", "halt", "disrupt"})
DOING_CARRIERS = frozenset(
    {"carry", "conduct", "launch", "stage", "hold", "mount", "organize", "organise", "lead", "claim"}
)
# What a verb of violence leaves people as: "leaving nine dead", "left two injured".
OUTCOMES = frozenset({"dead", "injured", "wounded", "hurt", "homeless", "missing", "stranded"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# What is fired, not whom: "opened fire on a convoy", "fired live rounds at protesters".
FIRED = lexicon.WEAPONS | lexicon.THROWN | frozenset(
    {"fire", "round", "shot", "bullet", "ammunition", "gas", "teargas", "canister"}
)
# Places that only armed forces hold: an attack on them is on those forces.
# (a checkpoint is manned by security forces whoever they are: "attacked a checkpoint")
ARMED_LINES = frozenset({"position", "frontline", "trench", "checkpoint"})
# Units whose name says they are armed forces: "a convoy of the 5th Corps"
FORCE_UNITS = frozenset({"corps", "division", "brigade", "battalion", "regiment", "army", "police", "force"})
# Forces whose facilities stand for them: an attack on "a police station" is on the police.
FORCE_OWNERS = frozenset({"police", "army", "military", "security", "navy", "naval", "troops", "soldier"})
PRONOUNS = frozenset(["himself", "herself", "themselves", "itself", "it", "they", "he", "she", "we", "i", "you", "who", "which", "that", "them", "this", "these", "those"])


@dataclass(frozen=True)
class Roles:
    """The argument heads of one event; spans are whole noun phrases."""

    agent: Span | None
    patient: Span | None
    places: tuple[Span, ...]


def noun_phrase(token: Token) -> Span:
    """The noun phrase a head token stands for, without clauses and appositions."""
    skip = {"relcl", "acl", "appos", "punct", "cc", "conj", "advcl", "prep"}
    left = token.i
    right = token.i
    for child in token.children:
        if child.dep_ in skip:
            continue
        words = list(child.subtree)
        left = min(left, words[0].i)
        right = max(right, words[-1].i)
    for child in token.children:  # keep "of"-phrases: "members of the militia"
        if child.dep_ == "prep" and child.lower_ == "of" and child.i > token.i:
            inner = [
                t for t in child.subtree
                if not any(a.dep_ == "prep" and a.lower_ in LOCATIVE_PREPS for a in t.ancestors
                           if a.i > child.i)
                and not (t.dep_ == "prep" and t.lower_ in LOCATIVE_PREPS)
            ]
            right = max(right, max(t.i for t in inner))
    doc = token.doc
    if token.ent_type_ in ("ORG", "PERSON", "NORP", "GPE", "FAC", "LOC"):
        for ent in entities(doc[:]):  # keep a named entity whole: "the Islamic Resistance in Iraq"
            if ent.start <= token.i < ent.end:
                left, right = min(left, ent.start), max(right, ent.end - 1)
    while left < right and (
        doc[left].dep_ in ("punct", "det", "case") and doc[left].lower_ in {"the", "a", "an", "“", '"', "‘", "'"}
        # "shot dead two traders": the verb's result, which the parser hangs on the victims
        or doc[left].lower_ in RESULTS and doc[left].i > 0 and doc[left - 1].pos_ == "VERB"
    ):
        left += 1
    return doc[left : right + 1]


RESULTS = frozenset({"dead", "alive"})
# Verbs whose subject discovered an event, not did it
FINDING = frozenset({"find", "discover"})


NOT_ACTOR_LABELS = frozenset(
    {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY", "EVENT", "LAW"}
)


def noun_phrase_before(last: Token, stop: Token) -> Span:
    """The words before ``stop`` that modify the same noun as ``last`` does, up to ``last``
    ("Unidentified group" in the misparsed headline "Unidentified group attacks a guard")."""
    start = last.i
    while (
        start > last.sent.start
        and last.doc[start - 1].dep_ in ("amod", "compound", "det", "nummod")
        and last.doc[start - 1].head.i in (stop.head.i, last.i)
    ):
        start -= 1
    return last.doc[start : last.i + 1]


def _is_actorish(token: Token) -> bool:
    if token.lower_ in PRONOUNS:
        return False
    counted = token.ent_type_ in ("", "CARDINAL") and any(
        c.dep_ == "prep" and c.lower_ == "of" for c in token.children
    )  # "hundreds of nurses" are the nurses; "12 were killed" names no one
    if (token.like_num or token.ent_type_ in NOT_ACTOR_LABELS) and not counted:
        return False
    lemma = token.lemma_.lower()
    if lemma in lexicon.FACILITIES:
        return False
    if any(t.lemma_.lower() in lexicon.WEAPONS for t in noun_phrase(token)):
        return False
    sense = lexicon.NOUN_TRIGGERS.get(lemma)
    return sense is None or sense.type is EventType.MOBILIZE  # "a BGB patrol" is the force on patrol


def _force_owning(facility: Token) -> Span | None:
    """The force that a facility stands for: "police" in "a Kenyan police post"."""
    if facility.lemma_.lower() not in lexicon.FACILITIES:
        return None
    if facility.lemma_.lower() in ARMED_LINES:
        return noun_phrase(facility)  # "government positions": only armed forces hold a line
    # "a convoy of the 5th Corps", "the base of the 4th Brigade"
    of_force = next(
        (o for c in facility.children if c.lower_ == "of" for o in c.children
         if o.dep_ == "pobj" and o.lemma_.lower() in FORCE_UNITS),
        None,
    )
    if of_force is not None:
        return noun_phrase(of_force)
    # its modifiers before it, and theirs: "police" in "a police patrol vehicle"
    modifiers = [
        c for c in facility.doc[facility.left_edge.i : facility.i]
        if c.dep_ in ("compound", "amod", "nmod", "poss")
    ]
    owner = next((c for c in reversed(modifiers) if c.lemma_.lower() in FORCE_OWNERS), None)
    return None if owner is None else facility.doc[owner.i : owner.i + 1]


def _child(token: Token, *deps: str) -> Token | None:
    for child in token.children:
        if child.dep_ in deps:
            return child
    return None


def _prep_object(token: Token, preps: frozenset[str]) -> list[Token]:
    objects: list[Token] = []
    for child in token.children:
        if child.dep_ in ("prep", "agent") and child.lower_ in preps:
            # "on Monday" is when, never what or where
            objects.extend(
                c for c in child.children if c.dep_ == "pobj" and c.ent_type_ not in ("DATE", "TIME")
            )
    return objects


def _clause_subject(verb: Token) -> Token | None:
    """The subject of a verb, looking through coordination, participles and relatives."""
    current = verb
    for _ in range(6):
        subject = _child(current, "nsubj", "csubj")
        if subject is not None and subject.lower_ not in ("who", "that", "which"):
            return subject
        if current.dep_ == "relcl":
            return current.head
        if current.dep_ in ("conj", "xcomp", "advcl") and current.head is not current:
            current = current.head
            continue
        return None
    return None


# Verbs that tell a casualty: "killed in an attack", "wounded during clashes".
CASUALTY_VERBS = frozenset({"kill", "injure", "wound", "hurt", "shoot", "maim"})

# Verbs whose bare participle in a headline tells what was done to its subject.
DONE_TO = (
    lexicon.KILL_WORDS | lexicon.INJURE_WORDS | lexicon.ARREST_WORDS | lexicon.ABDUCT_WORDS
    | frozenset({"shoot", "attack", "beat", "lynch", "stab", "hack", "murder", "assault", "behead", "torture",
                 "rape", "gun", "ambush"})
)


def _suffered(verb: Token) -> bool:
    """A verb whose subject is a casualty: "were killed", "were injured", "died"."""
    lemma = verb.lemma_.lower()
    return lemma == "die" or lemma in CASUALTY_VERBS and any(c.dep_ == "nsubjpass" for c in verb.children)


def _headline_passive(verb: Token) -> bool:
    """A headline's bare participle: in "Police reservist shot dead while on patrol" and
    "SLDF suspect killed by police" the subject is the victim, not the doer."""
    if lexicon.lemma(verb) not in DONE_TO or _child(verb, "nsubj") is None:
        return False  # "Two groups of youths clashed": a clash is done by its subject
    if any(c.dep_ in ("aux", "auxpass", "dobj") for c in verb.children):
        return False
    if any(c.dep_ == "conj" and _child(c, "dobj") is not None for c in verb.children):
        return False  # "rivals stabbed and killed a man": an object makes it active
    if verb.tag_ == "VBN" and verb.dep_ == "ROOT":
        return True
    # "reservist shot dead while patrolling", which the tagger reads as past tense
    return verb.tag_ == "VBD" and verb.dep_ in ("ROOT", "ccomp") and any(
        c.dep_ in ("acomp", "oprd") and c.lower_ == "dead" for c in verb.children
    )


def _agent_of_verb(verb: Token) -> Token | None:
    passive_agent = _child(verb, "agent")
    if passive_agent is not None:
        pobj = _child(passive_agent, "pobj")
        if pobj is not None:
            return pobj
    if _child(verb, "nsubjpass") is not None or _headline_passive(verb):
        return None
    return _clause_subject(verb)


def _verb_before_article(trigger: Trigger) -> bool:
    """A verb the parser took for a noun, found by the article after it."""
    token = trigger.token
    return (
        trigger.nominal
        and trigger.carrier is token
        and token.dep_ != "compound"
        and trigger.sense.type is not EventType.PROTEST
        and token.i + 1 < token.sent.end
        and token.doc[token.i + 1].lower_ in ARTICLES
    )


def _noun_before(token: Token) -> Token | None:
    """The last noun before the token in its sentence: a verbless headline's doer."""
    for index in range(token.i - 1, token.sent.start - 1, -1):
        if token.doc[index].pos_ in ("NOUN", "PROPN"):
            return token.doc[index]
    return None


def _side_preps(trigger: Trigger) -> frozenset[str]:
    """Prepositions that introduce the other party: a target, or in a clash the other side
    ("clashed with police"; "clashed at the market" says where, "on Monday" when)."""
    return CLASH_PREPS if trigger.sense.mode == "armed clash" else TARGET_PREPS


def _patient_of_verb(verb: Token, preps: frozenset[str] = TARGET_PREPS) -> Token | None:
    patient = _child(verb, "dobj", "nsubjpass") or (_child(verb, "nsubj") if _headline_passive(verb) else None)
    if patient is None and verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN"):
        patient = verb.head  # "SLDF suspect killed by police": the participle's noun is its victim
    if patient is not None and patient.pos_ == "ADJ" and patient.lemma_.lower() in OUTCOMES:
        return None  # "leaving nine dead": a toll, not whom
    if patient is None or patient.lemma_.lower() in FIRED:  # "opened fire on", "fired bullets at"
        targets = [t for t in _prep_object(verb, preps) if t.lemma_.lower() not in EDGES]  # "on the road": where
        patient = targets[0] if targets else None
    if patient is None:  # "assaulted and injured a trader": the object is shared
        shared = (_child(c, "dobj") for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB")
        patient = next((o for o in shared if o is not None and o.lemma_.lower() not in FIRED), None)
    return patient


def _places_near(tokens: list[Token]) -> list[Span]:
    """Place names governed by a locative preposition on any of ``tokens``."""
    found: list[Span] = []
    seen: set[int] = set()
    for token in tokens:
        on_edge = [o for o in _prep_object(token, frozenset({"on"})) if o.lemma_.lower() in EDGES]
        for pobj in [*_prep_object(token, LOCATIVE_PREPS), *on_edge]:
            for head in [pobj, *pobj.conjuncts]:
                span = _place_span(head)
                if span is not None and span.start not in seen:
                    seen.add(span.start)
                    found.append(span)
    return found


def _place_span(head: Token) -> Span | None:
    """The place named by a noun phrase, if any of its words is a place entity."""
    # "the outskirts of Goma", "the road to Mandera", "the eastern Kenyan town of Garissa"
    # (but "the Balochistan province of Pakistan" is Balochistan, "Avasin region of Dahuk" Avasin)
    edge = head.lemma_.lower() in EDGES
    kind = head.lemma_.lower() in TOWN_WORDS and any(c.dep_ == "det" for c in head.children) and not any(
        c.dep_ == "compound" and c.pos_ == "PROPN" for c in head.children
    )
    if edge or kind:
        named_by = [o for c in head.children if c.lower_ in (("of", "to") if edge else ("of",)) for o in c.children]
        town = next((o for o in named_by if o.pos_ == "PROPN"), None)
        if town is not None:
            return noun_phrase(town)
    phrase = noun_phrase(head)
    named = [head, *(o for c in head.children if c.lower_ == "of" for o in c.children)]
    if any(t.ent_type_ in PLACE_LABELS for t in named):
        return phrase
    if (
        head.pos_ == "PROPN" and head.ent_type_ in ("", "NORP", "ORG")  # mis-tagged: "near Kidal"
        # but not a date the model half-tagged: "Around Jul 4th 2019"
        and head.lower_.rstrip(".") not in MONTHS
        and not any(t.ent_type_ in ("DATE", "TIME") for t in phrase)
    ):
        return phrase
    if head.lemma_.lower() in lexicon.PLACE_NOUNS and any(
        c.pos_ == "PROPN" for c in head.children if c.dep_ in ("compound", "poss")
    ):
        return phrase  # "in Sylhet city", "in Gazipur area"
    # "a US airbase in Iraq": the facility's own location
    for pobj in _prep_object(head, LOCATIVE_PREPS):
        inner = noun_phrase(pobj)
        if any(t.ent_type_ in PLACE_LABELS for t in inner):
            return inner
    return None


def _clash_died_in(trigger: Trigger) -> Token | None:
    """The clash a death or injury with no doer is told in ("four were killed in clashes
    between X and Y", "following two days of clashes"): the noun that made the verb's
    event a clash (``Trigger.told_by``)."""
    token, clash = trigger.token, trigger.told_by
    if clash is None or trigger.mode != "armed clash":
        return None
    if lexicon.lemma(token) not in CASUALTY_VERBS | lexicon.KILL_WORDS | lexicon.INJURE_WORDS:
        return None
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children)
    if not passive and _clause_subject(token) is not None:
        return None  # "troops (pursued the raiders and) killed twelve in clashes": a doer and a target
    return clash


def find_roles(trigger: Trigger, target: Token | None = None) -> Roles:
    """The agent, patient and places of a trigger (``target`` picks one of several).

    Those killed or hurt in a clash are no side of it: "four were killed in clashes between
    X and Y" has X and Y as sides, "... in clashes in Kinango" none."""
    token = trigger.token
    clash = _clash_died_in(trigger)
    if clash is not None:
        token = clash
    # "clashes between X and Y", and the gerund "fighting between X and Y" the parser calls a verb
    gerund = token.tag_ == "VBG" and token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")
    between = (
        _prep_object(token, frozenset({"between"})) if trigger.nominal or gerund or clash is not None else []
    )
    if clash is not None and not between:
        # "two soldiers were killed in a shootout with bandits": the dead were a side
        foes = _prep_object(clash, frozenset({"with"}))
        fallen = _child(trigger.token, "nsubjpass", "nsubj") if foes else None
        return Roles(
            noun_phrase(fallen) if fallen is not None and _is_actorish(fallen) else None,
            noun_phrase(foes[0]) if foes and _is_actorish(foes[0]) else None,
            tuple(_places_near([trigger.token, clash])),
        )
    if between:
        # "a clash between supporters of A and those of B"
        sides = [between[0], *between[0].conjuncts]
        first, second = sides[0], (sides[1] if len(sides) > 1 else None)
        first_phrase = noun_phrase(first)
        if second is None:
            # "between supporters of the governor and police": the parser often
            # coordinates the second side inside the first side's "of"-phrase
            second = next((t for t in first.subtree if t.dep_ == "conj"), None)
            if second is not None:
                cut = next((t.i for t in first.subtree if t.dep_ == "cc" and t.i < second.i), second.i)
                first_phrase = token.doc[first_phrase.start : cut]
        return Roles(
            first_phrase if _is_actorish(first) else None,
            noun_phrase(second) if second is not None and _is_actorish(second) else None,
            tuple(_places_near([token, *sides])),
        )
    if trigger.nominal and trigger.carrier is token and token.dep_ == "compound":
        # a headline verb the parser took for a noun (triggers._headline_verbs)
        doer, target_tok = token.doc[token.i - 1], target or token.head
        while target is None and target_tok.dep_ == "compound" and target_tok.head.i > target_tok.i:
            target_tok = target_tok.head  # "battle cattle rustlers": the rustlers
        target_phrase = token.doc[max(token.i + 1, noun_phrase(target_tok).start) : noun_phrase(target_tok).end]
        return Roles(
            noun_phrase_before(doer, token) if _is_actorish(doer) else None,
            target_phrase if _is_actorish(target_tok) else None,
            tuple(_places_near([token, target_tok])),
        )
    if _verb_before_article(trigger):
        # "Residents of Gatundu lynch a man" (triggers._verbs_before_articles): the phrase
        # before is the doer, the noun after the article the target
        doer = token.doc[token.i - 1]
        held = token if doer.dep_ == "compound" and doer.head.i == token.i else doer  # "of Gatundu lynch"
        owner = held.head.head if held.dep_ == "pobj" and held.head.lower_ == "of" else doer
        doer_phrase = token.doc[noun_phrase_before(owner, token).start : token.i]
        target_tok = token.doc[token.i + 1].head
        return Roles(
            doer_phrase if _is_actorish(owner) else None,
            noun_phrase(target_tok) if target_tok.i > token.i and _is_actorish(target_tok) else None,
            tuple(_places_near([token, target_tok])),
        )
    if trigger.nominal:
        agent_tok = _child(token, "poss")
        if agent_tok is not None and agent_tok.lower_ in PRONOUNS | {"its", "their", "his", "her", "our"}:
            agent_tok = None  # "held their demos": the subject says whose
        by = _prep_object(token, frozenset({"by"}))
        if by:
            agent_tok = by[0]
        carrier = trigger.carrier
        breaker = None
        if (
            trigger.sense.type is EventType.PROTEST
            and carrier is not None
            and carrier.i != token.i
            and lexicon.lemma(carrier) in BREAKING_UP
            and token.dep_ in ("dobj", "nsubjpass")
        ):
            # "police broke up a student march": the police are the march's other side
            breaker = _clause_subject(carrier) if token.dep_ == "dobj" else None
            if breaker is None:
                by_carrier = _prep_object(carrier, frozenset({"by"}))
                breaker = by_carrier[0] if by_carrier else None
            if agent_tok is None:
                agent_tok = next((c for c in token.children if c.dep_ == "compound" and _is_actorish(c)), None)
        if agent_tok is None and breaker is None and carrier is not None and (
            token.dep_ == "dobj"
            or carrier.lemma_.lower() in ("engage", "participate", "go", "take")
            or (token.lemma_.lower() == "protest" and token.head.head.i == carrier.i)  # "in protest"
        ):
            agent_tok = _clause_subject(carrier)  # "police engaged in running battles"
        if agent_tok is None and carrier is not None and token.dep_ == "nsubjpass" and (
            carrier.lemma_.lower() in DOING_CARRIERS
        ):
            by_carrier = _prep_object(carrier, frozenset({"by"}))  # "the attack was carried out by bandits"
            agent_tok = by_carrier[0] if by_carrier else None
        itself = agent_tok is not None and agent_tok.i == token.i  # "shoot-outs took place"
        watched = carrier is not None and lexicon.lemma(carrier) in lexicon.MONITORING
        if itself or watched:  # monitors who "observed 40 explosions" did not fire them
            agent_tok = None
        if agent_tok is None:
            amod = _child(token, "amod", "compound")
            if amod is not None and amod.ent_type_ in ("NORP", "GPE", "ORG"):
                agent_tok = amod
        patient_tok = target or breaker
        if patient_tok is None:
            preps = _side_preps(trigger)
            targets = _prep_object(token, preps)
            if not targets and carrier is not None:
                targets = _prep_object(carrier, preps)
            patient_tok = targets[0] if targets else None
        if carrier is not None and carrier.i != token.i and (patient_tok is None or not _is_actorish(patient_tok)):
            if carrier.lemma_.lower() in ("repel", "repulse", "thwart"):
                # "troops repelled an attack by rebels on a check post": the troops were attacked
                patient_tok = _clause_subject(carrier) or patient_tok
            elif _suffered(carrier) and (trigger.mode != "armed clash" or lexicon.lemma(token) == "ambush"):
                # "four officers were injured during an attack by militants": they were its
                # target (those hurt in a clash are not one of its sides)
                patient_tok = _child(carrier, "nsubjpass", "nsubj") or patient_tok
        scope = [token, *([carrier] if carrier is not None else [])]
    else:
        agent_tok = _agent_of_verb(token)
        if agent_tok is None and (_suffered(token) or lexicon.lemma(token) in CASUALTY_VERBS):
            # "two farmers were killed in an attack by bandits": the attack's doer
            agent_tok = next(
                (by[0] for event in _prep_object(token, lexicon.TOLL_PREPS)
                 if (by := _prep_object(event, frozenset({"by"})))), None,
            )
        patient_tok = target or _patient_of_verb(token, _side_preps(trigger))
        head = token.head
        if agent_tok is None and token.dep_ == "conj" and head.dep_ == "ROOT" and head.pos_ in ("NOUN", "PROPN"):
            agent_tok = head  # "Residents of X attack and kill a man", with "attack" read as a noun
        if misread_modifier(token):  # "supporters of X assaulted supporters of Y"
            agent_tok = agent_tok or token.sent.root
            patient_tok = patient_tok or token.head
        if token.pos_ in ("NOUN", "ADJ", "PROPN"):  # a verb misread (triggers._root_verbs)
            if agent_tok is None:
                agent_tok = _noun_before(token)  # "Kenyan police arrest 50 suspects"
            if patient_tok is None:
                patient_tok = _child(token, "appos")  # "Police battle Somali raiders"
        if patient_tok is None and trigger.sense.mode == "armed clash" and agent_tok is not None and agent_tok.conjuncts:
            patient_tok = agent_tok.conjuncts[0]  # "rebels and troops clashed": both sides
        scope = [token]
    scope.extend(t for t in (agent_tok, patient_tok) if t is not None)
    places = _places_near(scope)
    if patient_tok is not None and not places:
        own = _place_span(patient_tok)
        if own is not None and patient_tok.ent_type_ not in ("GPE", "LOC", "FAC"):
            places = [own]
    if lexicon.lemma(token) in FINDING:
        agent_tok = None  # "villagers found a body": who found it did not kill
    agent = noun_phrase(agent_tok) if agent_tok is not None and _is_actorish(agent_tok) else None
    if agent is None and agent_tok is not None and weapon_owner(agent_tok) is not None:
        agent = noun_phrase(agent_tok)  # "Israeli jets": resolve.actors makes them the country's military
    patient = (
        noun_phrase(patient_tok) if patient_tok is not None and _is_actorish(patient_tok) else None
    )
    if not trigger.nominal and misread_modifier(token):  # the verb parts doer from target
        doc = token.doc
        agent = doc[agent.start : min(agent.end, token.i)] if agent is not None and agent.start < token.i else None
        patient = doc[max(patient.start, token.i + 1) : patient.end] if patient is not None and patient.end > token.i + 1 else None
    if patient is None and patient_tok is not None:
        patient = _force_owning(patient_tok)
    return Roles(agent, patient, tuple(places))


def split_targets(trigger: Trigger) -> list[Token | None]:
    """Separate attacks on coordinated places ("on a base in Iraq and another in Syria")."""
    if not trigger.nominal:
        return [None]
    holders = [trigger.token, *([trigger.carrier] if trigger.carrier is not None else [])]
    for holder in holders:
        targets = _prep_object(holder, TARGET_PREPS)
        if targets and targets[0].conjuncts:
            return [targets[0], *targets[0].conjuncts]
    return [None]
