"""Finds the words in a sentence that report real events, and their PLOVER type.

A verb from the lexicon is a trigger unless the text says the event did not or
may not happen: negated ("did not attack"), modal ("could strike"), or the
complement of a threat or plan ("vowed to attack"). A noun is a trigger only
when it acts or is acted on as an event ("a drone strike killed two",
"claimed attacks on a base"); a noun that only refers back ("blamed them for
the attacks") is not.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from spacy.symbols import NOUN, PROPN
from spacy.tokens import Span, Token

from eventscope.extract import lexicon
from eventscope.extract.lexicon import Sense
from eventscope.nlp.text import lower_text
from eventscope.records import EventType

ARGUMENT_DEPS = frozenset(
    {"nsubj", "nsubjpass", "dobj", "agent", "prep", "attr", "pobj", "compound", "amod", "npadvmod", "oprd", "acomp", "prt"}
)
COMPOUND_MODES = {
    "air": "air/drone strike",
    "drone": "air/drone strike",
    "suicide": "suicide bomb",
    "car": "explosives",
    "roadside": "remote explosive/IED",
    "rocket": "shelling/missile",
    "missile": "shelling/missile",
    "mortar": "shelling/missile",
    "artillery": "shelling/missile",
    "grenade": "grenade",
    "gun": "firearms",
}


@dataclass(frozen=True)
class Trigger:
    """A word that reports an event, with what the sentence says about it."""

    token: Token
    sense: Sense
    mode: str | None
    nominal: bool
    carrier: Token | None  # the verb that makes a noun an event ("claimed", "killed")
    is_aggregate: bool
    # for a verb, the noun that told how ("killed in clashes between X and Y": clashes)
    told_by: Token | None = None


def argument_lemmas(token: Token) -> set[str]:
    """Lemmas of the words in the token's argument subtrees (not its clauses)."""
    lemmas: set[str] = set()
    for child in token.children:
        if child.dep_ in ARGUMENT_DEPS:
            lemmas.update(t.lemma_.lower() for t in child.subtree)
    if token.dep_ in ("acl", "relcl"):  # "shells fired by an unknown party"
        lemmas.add(token.head.lemma_.lower())
    return lemmas


def _own_argument_lemmas(token: Token) -> set[str]:
    """``argument_lemmas`` without the clauses inside them: in "clashed with police,
    with police using tear gas", the tear gas is the police's, not the clash's."""
    lemmas: set[str] = set()
    stack = [c for c in token.children if c.dep_ in ARGUMENT_DEPS]
    while stack:
        word = stack.pop()
        if word.pos_ in ("VERB", "AUX") and word.dep_ in ("pcomp", "acl", "relcl", "advcl"):
            continue
        if word.pos_ != "PROPN":  # "near Koniko Gas Field" fires no gas
            lemmas.add(word.lemma_.lower())
        stack.extend(word.children)
    return lemmas


def is_negated(token: Token) -> bool:
    """True for "did not attack", "no group claimed", "never arrested"."""
    for child in token.children:
        if child.dep_ == "neg" or child.lower_ == "never":
            return True
        if child.dep_ in ("nsubj", "nsubjpass") and any(
            d.dep_ == "det" and d.lower_ == "no" for d in child.children
        ):
            return True
    return False


def _demanded(token: Token) -> bool:
    """True inside what a protest demands or condemns: "demanding the release of students
    detained by police", "condemning the killing of a trader by gunmen"."""
    child = token
    for ancestor in token.ancestors:
        if ancestor.pos_ == "VERB" and ancestor.lemma_.lower() in lexicon.GRIEVANCES:
            return child.dep_ in ("dobj", "ccomp", "prep", "pobj") or child.dep_ == "conj" and child.pos_ == "NOUN"
        child = ancestor
    return False


# People an infinitive after whom is what they are wanted for: "recruiting youths to fight"
RECRUITS = lexicon.GROUP_NOUNS | frozenset({"fighter", "recruit", "man", "men", "boy", "militant", "volunteer"})
RECRUITING = frozenset({"recruit", "train", "hire", "arm", "mobilize", "mobilise", "radicalize", "radicalise", "lure"})


def is_irrealis(token: Token, *, purpose_ok: bool = False) -> bool:
    """True when the event is only possible, planned, threatened or demanded.

    ``purpose_ok`` accepts purpose clauses ("fired tear gas to disperse the
    crowd"): the crowd was there whether or not it was dispersed.
    """
    if any(c.dep_ == "aux" and c.lower_ in lexicon.MODAL_WORDS for c in token.children):
        return True
    if token.tag_ in ("VBZ", "VBP") and any(
        c.dep_ == "advmod" and c.lower_ in lexicon.HABITUAL
        or c.dep_ == "npadvmod" and any(d.lower_ == "every" for d in c.children)
        for c in token.children
    ):
        return True  # "the group regularly attacks convoys", "they protest every year": a habit
    planned = token.dep_ == "acl" and token.head.lemma_.lower() in lexicon.PLAN_NOUNS
    planned = planned or token.dep_ == "xcomp" and any(  # the parser's "foiled [a plot] [to attack]"
        c.dep_ == "dobj" and c.lemma_.lower() in lexicon.PLAN_NOUNS and c.i < token.i for c in token.head.children
    )
    if planned:
        return True  # "a plot to attack a church", "plans to march on parliament"
    if (
        not purpose_ok
        and token.tag_ == "VB"
        and (
            token.dep_ in ("acl", "relcl") and lexicon.lemma(token.head) in RECRUITS
            or token.dep_ in ("xcomp", "advcl") and lexicon.lemma(token.head) in RECRUITING
        )
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
    ):
        return True  # "recruiting youths to fight in Somalia" (but "used sticks to attack them")
    current = token
    while current.dep_ in ("xcomp", "conj", "advcl", "ccomp") and current.head is not current:
        head = current.head
        if current.dep_ == "conj" and any(c.dep_ == "aux" and c.lower_ in lexicon.MODAL_WORDS for c in head.children):
            return True  # "rules which would prolong distancing and impose a curfew"
        if current.dep_ in ("xcomp", "advcl") and head.lemma_.lower() in lexicon.IRREALIS_HEADS:
            return True
        markers = {"if", "unless"} if purpose_ok else {"to", "if", "unless"}
        if current.dep_ == "advcl" and any(c.lower_ in markers for c in current.children):
            return True
        current = head
    return False


# What the act is, whatever weapon it was done with ("raped at gunpoint").
KEPT_MODES = frozenset({"armed clash", "sexual violence", "abduction"})


def _mode(token: Token, sense: Sense) -> str | None:
    if sense.type is EventType.ASSAULT and sense.mode in (None, "explosives") and _handmade_bomb(token):
        return "mob violence"
    if sense.mode is not None and (sense.type is not EventType.ASSAULT or sense.mode in KEPT_MODES):
        return sense.mode  # "exchanged artillery with the army" is still a clash
    for child in token.children:
        if child.lower_ == "sexually" and sense.type is EventType.ASSAULT:
            return "sexual violence"  # "sexually assaulted", "sexually abused"
        if child.dep_ in ("compound", "amod", "nmod") and child.lemma_.lower() in COMPOUND_MODES:
            return COMPOUND_MODES[child.lemma_.lower()]
    words = _phrase_words(token)
    if sense.mode in (None, "explosives") and any(w.lemma_.lower() == "suicide" for w in words):
        return "suicide bomb"  # "a suicide bomber blew himself up"
    for word in words:
        if word.lemma_.lower() in lexicon.WEAPON_MODES:
            return lexicon.WEAPON_MODES[word.lemma_.lower()]
    return sense.mode


def _handmade_bomb(token: Token) -> bool:
    """ "exploded crude bombs", "hurled petrol bombs", "a cocktail blast": a thrown, hand-made bomb."""
    for word in _phrase_words(token):
        lemma = word.lemma_.lower()
        if lemma in ("cocktail", "molotov"):
            return True
        if lemma in lexicon.HANDMADE_BOMBS and word.head.lemma_.lower() in ("bomb", "explosive", "device"):
            return True
    return False


def _phrase_words(token: Token) -> list[Token]:
    """The trigger's subtree without its embedded clauses, in text order."""
    clauses = {"ccomp", "advcl", "relcl", "conj", "parataxis", "xcomp"}
    words = [token]
    for child in token.children:
        if child.dep_ not in clauses:
            words.extend(child.subtree)
    return sorted(words, key=lambda t: t.i)


def _is_aggregate(token: Token) -> bool:
    """Summary statistics: "hit 84 times", "attacks since October 7"."""
    for child in token.children:
        if child.dep_ == "npadvmod" and child.lemma_.lower() == "time" and any(
            c.like_num for c in child.children
        ):
            return True
    return any(t.lower_ == "since" and t.dep_ in ("prep", "mark") for t in token.subtree)


def _noun_carrier(token: Token) -> Token | None:
    """The verb that makes a noun an event, if any."""
    head = token.head
    if token.dep_ == "conj" and head.pos_ in ("NOUN", "PROPN") and head.i != token.i:
        return _noun_carrier(head)  # "rocket and artillery shelling was reported"
    if (
        token.dep_ in ("nsubj", "nsubjpass", "dobj")
        and head.pos_ in ("VERB", "AUX")
        and lexicon.lemma(head) in lexicon.NOUN_EVENT_VERBS
        and not (lexicon.lemma(head) == "face" and head.tag_ == "VBG")  # "Facing protests, the president ..."
    ):
        return head
    if token.dep_ == "pobj" and head.lower_ == "of" and (
        head.head.dep_ in ("dobj", "nsubj", "nsubjpass")
        or (head.head.dep_ == "pobj" and head.head.lemma_.lower() in lexicon.SPELLS)
    ):
        # "imposed seven rounds of sanctions", "killed following two days of clashes"
        return _noun_carrier(head.head)
    if token.dep_ == "ROOT" and not lexicon.has_finite_verb(token.sent):
        return token  # a headline without a verb: "Protest in Rhamu over the county budget"
    if token.dep_ == "ROOT":
        for child in token.children:  # "Clan clash leaves one dead": the parser's headline
            if child.dep_ in ("advcl", "acl", "relcl") and lexicon.lemma(child) in lexicon.NOUN_EVENT_VERBS:
                return child
    if _died_in(token):
        # "killed in an air strike", "one is dead following clashes", "four were killed in
        # clashes between A and B": the deaths carry the event, before any "between"
        return head.head
    if _between(token):
        return token  # "a clash between supporters of A and B" is an event in itself
    if _there_were(token):
        return head  # "there were riots in Kisumu", "demonstrations were in most towns"
    for child in token.children:  # "Residents of X on 05/04 held protests at Y": a misread verb
        if misread_modifier(child) and child.i < token.i and lexicon.lemma(child) in lexicon.NOUN_EVENT_VERBS:
            return child
    if (
        token.dep_ == "nsubj"
        and head.dep_ == "ROOT"
        and lexicon.lemma(head) in lexicon.NOUN_EVENT_VERBS
        and not lexicon.has_finite_verb(token.sent)
    ):
        return head  # "Clashes erupt between ...", with "erupt" misread as an adjective
    if (
        token.lemma_.lower() in ("link", "tie")
        and token.dep_ == "dobj"
        and head.lemma_.lower() == "have"
        and any(c.dep_ == "prep" and c.lower_ in ("to", "with") for c in token.children)
    ):
        return head  # "have links to the security services": an accusation of ties
    if token.dep_ == "pobj" and head.lower_ == "on" and head.head.lemma_.lower() == "go":
        return head.head  # "went on the rampage", "went on strike"
    if token.dep_ == "dobj" and head.lower_ == "running" and head.dep_ == "pcomp":
        head = head.head  # "engaged police in running clashes", read as "running" taking an object
    if token.dep_ in ("pobj", "dobj") and head.lower_ == "in" and lexicon.lemma(head.head) in ("engage", "participate"):
        return head.head  # "engaged in running battles"
    if token.dep_ == "pobj" and head.lower_ == "in" and head.head.dep_ == "dobj" and lexicon.lemma(head.head.head) == "lead":
        return head.head.head  # "led a group of supporters in protests"
    if token.dep_ == "pobj" and head.lower_ == "in" and _takes_part(head.head):
        return head.head  # "took part in a rally"
    if token.dep_ == "pobj" and head.lower_ in ("in", "to", "into") and lexicon.lemma(head.head) in lexicon.OUTCOME_VERBS:
        return head.head  # "the announcement resulted in protests"
    if _act_in_protest(token):
        return head.head
    return None


def _act_in_protest(token: Token) -> bool:
    """The act whose "in" or "during" holds the protest is the protest: "paralysed transport
    in protest at ..."; so is "shut the offices in a protest", "burned a lorry during a
    protest", unless the act is an event of its own ("arrested 14 traders during a protest":
    the arrests). "The protest" is one told before, not this act."""
    head = token.head
    if not (
        token.dep_ == "pobj"
        and token.lemma_.lower() in ("protest", "demonstration")
        and head.lower_ in ("in", "during")
        and head.head.pos_ == "VERB"
    ):
        return False
    articles = {c.lower_ for c in token.children if c.dep_ == "det"}
    if not articles and head.lower_ == "in":
        return True  # "in protest at"
    return articles <= {"a", "an"} and _verb_sense(head.head) is None


def _there_were(token: Token) -> bool:
    """An event said to have been somewhere: "There were clashes in X", "Protests were in
    several towns" (the verb "be" with a place after it, or with "there")."""
    head = token.head
    if head.lemma_.lower() != "be" or head.i == token.i or token.dep_ not in ("attr", "nsubj"):
        return False
    if any(c.dep_ == "expl" for c in head.children):
        return True
    return token.dep_ == "nsubj" and any(c.dep_ == "prep" and c.lower_ in ("in", "at", "across") for c in head.children)


def _tells_toll(word: Token) -> bool:
    """True for a word that says people died or were hurt: "killed", "is dead", "One dead,
    eleven injured and property destroyed in a clash"."""
    tolls = lexicon.KILL_WORDS | lexicon.INJURE_WORDS
    if word.lemma_.lower() in tolls or word.lower_ in tolls:
        return True
    if any(c.dep_ in ("acomp", "amod") and c.lower_ in tolls for c in word.children):
        return True
    if word.dep_ in ("acl", "conj") and word.head is not word:
        return _tells_toll(word.head)
    return False


def _finite_with_arguments(token: Token) -> bool:
    """A finite verb with a subject or an object, whatever the parser made of its place."""
    return token.tag_ in ("VBD", "VBZ", "VBP") and any(c.dep_ in ("nsubj", "dobj") for c in token.children)


def misread_modifier(token: Token) -> bool:
    """A past verb the parser made a modifier of the noun after it, in a sentence whose root
    is the noun before it: "supporters of X assaulted supporters of Y", "Residents ... held
    protests at ..." (the small model's reading of long notes)."""
    root = token.sent.root
    return (
        token.dep_ == "amod"
        and token.tag_ in ("VBD", "VBN")
        and root.pos_ in ("NOUN", "PROPN")
        and root.i < token.i
        and token.i > token.sent.start + 1
    )


def _takes_part(word: Token) -> bool:
    """True for "took part" (the head of "in" may be the verb or "part")."""
    if word.lemma_.lower() == "part":
        word = word.head
    return word.lemma_.lower() == "take" and any(c.lemma_.lower() == "part" for c in word.children)


def _verb_sense(token: Token) -> Sense | None:
    entry = lexicon.VERB_TRIGGERS.get(lexicon.lemma(token))
    if entry is None or token.dep_ == "compound" and not _finite_with_arguments(token):
        return None  # "raid" in "Bandits raid villages and attack civilians" is a verb
    if token.dep_ == "amod" and token.tag_ != "VBD" and not misread_modifier(token):
        return None  # "the arrested men"; but a finite verb the parser misread stays
    arguments = argument_lemmas(token)
    # "set alight", which the parser hangs on the verb as an adverb or an interjection
    needed = arguments | {c.lemma_.lower() for c in token.children if c.dep_ in ("advmod", "intj", "acomp")}
    if lexicon.lemma(token) == "gather" and any(
        c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in lexicon.DEMANDING for c in token.children
    ):
        return lexicon.NOUN_TRIGGERS["protest"]  # "farmers gathered at the factory, demanding ..."
    senses = entry if isinstance(entry, tuple) else (entry,)
    sense = _sense_needing(entry, needed)
    violent = sense is None or sense.type is EventType.ASSAULT
    if violent and senses[0].type is EventType.ASSAULT and _own_argument_lemmas(token) & lexicon.CROWD_CONTROL:
        if arguments & lexicon.PROTEST_WORDS:  # "fired tear gas at protesters": the protest, broken up
            return lexicon.BROKEN_UP
        return None  # "police fired tear gas": how a protest was handled, not an attack
    if sense is None:
        return None
    if lexicon.lemma(token) in ("injure", "wound") and (
        token.tag_ == "VBN" or not any(c.dep_ in ("nsubj", "compound") for c in token.children)
    ):
        return None  # "two were injured when ...": a toll of another event, not one of its own
    if lexicon.lemma(token) in lexicon.LINKING and not any(c.dep_ == "dobj" for c in token.children):
        return None  # "the services they were linked to": only "X links Y to Z" accuses
    if sense.mode == "obstruct" and _force_without_protest(token):
        return None  # "police blocked the highway" with no protest in the story: a roadblock
    if sense.mode == "intervention" and _fighters(token):
        return None  # "fired tear gas to disperse the clashing members": a clash broken up, no protest
    if sense.mode == "seize" and "power" in arguments:
        return None  # "since it seized power in a coup": history, not a seizure of goods
    if sense.type is EventType.REQUEST and token.tag_ == "VBG" and (
        token.dep_ == "advcl" or token.dep_ == "acl" and token.head.lemma_.lower() in lexicon.PROTEST_WORDS
    ):
        return None  # "staged a protest, demanding ...", "a rally demanding ...": the protest's demand
    if token.lemma_.lower() in ("kill", "strike", "hit", "injure", "wound", "leave") and any(
        c.dep_ in ("nsubj", "nsubjpass", "agent")
        and (_noun_sense(c) or (c.tag_ == "VBG" and _verb_sense(c) is not None))
        for c in token.children
    ):
        return None  # "a drone strike killed two", "fighting between ... killed 23": the subject is the event
    return sense


# Words that make a dispersed group fighters: "the clashing members", "rival supporters".
FIGHTING = frozenset({"clash", "clashing", "fight", "fighting", "warring", "rival", "feuding"})


def _fighters(token: Token) -> bool:
    """The verb's object is a group told as fighting ("dispersed the clashing workers")."""
    return any(
        c.dep_ == "dobj" and any(m.lower_ in FIGHTING or m.lemma_.lower() in FIGHTING for m in c.children)
        for c in token.children
    )


FORCE_SUBJECTS = frozenset({"police", "policeman", "officer", "soldier", "troop", "army", "force", "gendarme"})


def _force_without_protest(token: Token) -> bool:
    """A force is the subject and the article tells of no protest to block."""
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lemma_.lower() not in FORCE_SUBJECTS:
        return False
    protest = lexicon.PROTEST_WORDS | lexicon.HEADLINE_PROTESTS
    return not any(lexicon.lemma(t) in protest for t in token.doc)


def _noun_sense(token: Token) -> Sense | None:
    if token.pos != NOUN and token.pos != PROPN:  # integers: this runs for every word
        return None
    lemma = lexicon.lemma(token)
    sense = lexicon.NOUN_TRIGGERS.get(lemma)
    if token.lower_ in ("out", "outs") and any(c.lower_ == "shoot" for c in token.children):
        sense = lexicon.NOUN_TRIGGERS["shootout"]  # "a shoot-out", split by the tokenizer
    if _is_sit_in(token):
        sense = lexicon.NOUN_TRIGGERS["protest"]  # "held a sit-in", split by the tokenizer
    if sense is None and lemma == "violence" and _between(token) and _died_in(token):
        sense = lexicon.NOUN_TRIGGERS["clash"]  # "killed in violence between Kalenjin and Maasai youths"
    if sense is None and lemma != "strike":
        return None  # most nouns: no need to read their modifiers
    modifiers = {c.lemma_.lower() for c in token.children if c.dep_ in ("amod", "compound", "nmod", "poss")}
    if (
        sense is not None and sense.needs is not None and not modifiers & sense.needs
        and not _between(token) and not (sense.mode == "armed clash" and _died_in(token))
    ):
        return None  # "a battle between Luo and Kikuyu groups", "killed in the battle" need no "running"
    if token.lemma_.lower() == "strike" and (
        modifiers & lexicon.WALKOUT_WORDS
        or (token.head.lower_ == "on" and token.head.head.lemma_.lower() == "go")
    ):
        return lexicon.WALKOUT  # "a general strike", "went on strike"
    return sense


def _died_in(token: Token) -> bool:
    """ "Three were killed in the battle": people died in it, so it was fought."""
    return token.dep_ == "pobj" and token.head.lower_ in lexicon.TOLL_PREPS and _tells_toll(token.head.head)


def _is_sit_in(token: Token) -> bool:
    doc = token.doc
    return token.lower_ == "in" and token.i >= 2 and doc[token.i - 1].text == "-" and doc[token.i - 2].lower_ == "sit"


def _between(token: Token) -> bool:
    return any(c.dep_ == "prep" and c.lower_ == "between" for c in token.children)


def _monitored_mode(sent: Span, mode: str | None) -> str | None:
    """How monitors' counted fire was exchanged (lexicon.MONITORING)."""
    if "both directions" in sent.text.lower() or mode == "firearms":
        return "armed clash"  # shots counted along a front line are an exchange of fire
    return "shelling/missile" if mode == "explosives" else mode


def find_triggers(sent: Span) -> Iterator[Trigger]:
    """Every trigger of a real event in the sentence, in text order.

    A noun whose carrier verb is itself a trigger of the same type ("police
    dispersed the protest") adds nothing and is left out.
    """
    tokens = list(sent)  # read twice: spaCy makes a new Token object on every pass
    verbs: dict[int, Trigger] = {}
    for token in tokens:
        if token.pos_ in ("VERB", "AUX") or (token.tag_.startswith("VB") and token.pos_ != "NOUN"):
            sense = _verb_sense(token)
            if sense is None or is_negated(token) or _demanded(token):
                continue
            # "fired tear gas to disperse them", "blocked the road to protest": the
            # purpose names what happened with the act, not a plan
            purpose_ok = sense.mode == "intervention" or sense.type is EventType.PROTEST
            if is_irrealis(token, purpose_ok=purpose_ok):
                continue
            mode = _mode(token, sense)
            verbs[token.i] = Trigger(token, sense, mode, False, None, _is_aggregate(token))
    nouns: dict[int, Trigger] = {}
    for token in tokens:
        sense = _noun_sense(token)
        if sense is None:
            continue
        if any(c.dep_ == "det" and c.lower_ == "no" for c in token.children):
            continue  # "there were no protests", "no clashes were reported"
        carrier = _noun_carrier(token)
        if carrier is None or is_negated(carrier) or is_irrealis(carrier) or _demanded(carrier):
            continue
        twin = verbs.get(carrier.i)
        if twin is not None and twin.sense.type is sense.type:
            mode = _mode(token, sense)
            if twin.mode in (None, "firearms") and mode not in (None, twin.mode):
                # "killed in a shootout", "died in an airstrike": the noun says how
                verbs[carrier.i] = replace(twin, mode=mode, told_by=token)
            continue
        aggregate = _is_aggregate(token) or _is_aggregate(carrier)
        mode = _mode(token, sense)
        monitored = lexicon.lemma(carrier) in lexicon.MONITORING
        if monitored and sense.type is not EventType.ASSAULT:
            continue  # "observed the protest from a balcony": watching carries no protest
        if lexicon.lemma(token) in lexicon.MONITORED and not monitored:
            continue  # "a shot", "a burst": fire only when a monitor counts them
        if monitored:
            mode = _monitored_mode(sent, mode)
        nouns[token.i] = Trigger(token, sense, mode, True, carrier, aggregate)
    if not verbs and not nouns:
        verbs.update((t.token.i, t) for t in _root_verbs(sent))
    if not verbs and not nouns:
        nouns.update((t.token.i, t) for t in _headline_verbs(sent))
    if not verbs and not nouns:
        nouns.update((t.token.i, t) for t in _headline_protests(sent))
    elif not any(t.sense.type is EventType.PROTEST for t in (*verbs.values(), *nouns.values())):
        # beside other triggers, a protest the note is about: "Protest in Kisumu calling for
        # the release of an MP who was arrested ..."; not one told in passing ("following
        # anti-government demonstrations")
        nouns.update(
            (t.token.i, t) for t in _headline_protests(sent)
            if t.token.dep_ in ("ROOT", "nsubj", "nsubjpass") or _named_before(t.token)
        )
    if not verbs and not nouns:
        nouns.update((t.token.i, t) for t in _verbs_before_articles(sent))
    merged = verbs | nouns
    for index in sorted(merged):
        yield merged[index]


def _root_verbs(sent: Span) -> Iterator[Trigger]:
    """Present-tense reports whose verb the parser took for a noun or an adjective at the
    root: "Kenyan police arrest 50 suspects", "Police open fire on demonstrators", "A grenade
    wounds six". With no finite verb in the sentence, a root that has the lexicon verb's
    lemma, someone before it (a subject, or a noun glued to it) and something after it is
    read as that verb; ``roles.find_roles`` takes the noun before as the doer."""
    if lexicon.has_finite_verb(sent, besides=sent.root):
        return
    for word in sent:  # "Bandits open fire on a bus": "open" read as the fire's adjective
        if (
            word.lower_ == "open"
            and word.dep_ == "amod"
            and word.head.lower_ == "fire"
            and word.i > sent.start
            and not any(c.dep_ == "det" for c in word.head.children)  # "an open fire" burns wood
        ):
            opened = lexicon.VERB_TRIGGERS["open"]
            assert isinstance(opened, Sense)
            yield Trigger(word, opened, opened.mode, False, None, False)
            return
    root = sent.root
    if root.pos_ not in ("NOUN", "ADJ", "PROPN") or root.i == sent.start:
        return
    if lexicon.lemma(root) not in lexicon.VERB_TRIGGERS:
        return
    if root.tag_ != "NNS" and any(c.dep_ == "det" for c in root.children):
        return  # "The attack on the camp": a noun phrase; but "A landmine wounds two" is a verb
    before = any(c.dep_ in ("nsubj", "compound") and c.i < root.i for c in root.children)
    after = any(c.dep_ in ("dobj", "appos", "prep", "npadvmod", "conj") and c.i > root.i for c in root.children)
    if not (before and after):
        return
    sense = _verb_sense(root)
    if sense is not None and not is_negated(root):
        yield Trigger(root, sense, _mode(root, sense), False, None, _is_aggregate(root))


def _headline_verbs(sent: Span) -> Iterator[Trigger]:
    """Present-tense headlines the parser reads as one noun phrase: in "Bandits attack
    villagers in Baragoi" it tags "attack" a noun modifying "villagers". With no finite
    verb in the sentence, a lexicon verb between two nouns is taken as the verb; the
    trigger is its own carrier, and ``roles.find_roles`` takes the noun before it as
    the doer and the noun it modifies as the target."""
    if lexicon.has_finite_verb(sent):
        return
    for token in sent:
        entry = lexicon.VERB_TRIGGERS.get(token.lemma_.lower())
        if (
            entry is not None
            and token.dep_ == "compound"
            and token.head.pos_ in ("NOUN", "PROPN")
            and token.i > sent.start
            and token.doc[token.i - 1].pos_ in ("NOUN", "PROPN")
            and (sense := _sense_needing(entry, _headline_needs(token))) is not None
        ):
            yield Trigger(token, sense, _mode(token, sense), True, token, False)


def _sense_needing(entry: Sense | tuple[Sense, ...], words: set[str]) -> Sense | None:
    """The first sense of a lexicon entry whose needed words are among ``words``."""
    senses = entry if isinstance(entry, tuple) else (entry,)
    return next((s for s in senses if s.needs is None or words & s.needs), None)


ARTICLES = frozenset({"a", "an", "the"})


def _verbs_before_articles(sent: Span) -> Iterator[Trigger]:
    """A lexicon verb the parser took for a noun, told by the article after it: in
    "Residents of Kanyuambora lynch a man", a noun with no article of its own, after a
    name or a noun, is followed by one ("lynch a", "attack the"): a verb and its object.
    "After the attack the gunmen fled" has its own article, and stays a noun."""
    doc = sent.doc
    for token in sent:
        if token.pos != NOUN or token.i == sent.start or token.i + 1 >= sent.end:
            continue
        entry = lexicon.VERB_TRIGGERS.get(lexicon.lemma(token))
        if entry is None:
            continue
        if doc[token.i + 1].lower_ not in ARTICLES or doc[token.i - 1].pos_ not in ("NOUN", "PROPN"):
            continue
        if any(c.dep_ in ("det", "poss") for c in token.children) or token.dep_ == "compound":
            continue
        sense = _sense_needing(entry, _headline_needs_after(token))
        if sense is None or sense.type is EventType.PROTEST:
            continue  # protests told as nouns have their own fallback
        yield Trigger(token, sense, _mode(token, sense), True, token, False)
        return


def _headline_needs_after(token: Token) -> set[str]:
    """The lemmas of the few words after a verb read as a noun: its object's phrase."""
    return {t.lemma_.lower() for t in token.doc[token.i + 1 : min(token.i + 5, token.sent.end)]}


def _finite_verb_beside(sent: Span, word: Token) -> bool:
    """True when the sentence's main clause has a finite verb other than in ``word``'s own
    clauses: not one in a subordinate clause ("after claiming they had not been paid"), nor
    one the parser made a noun's modifier ("protest alleged police harassment")."""
    inside = {t.i for t in word.subtree}
    for t in sent:
        if t.tag_ not in lexicon.FINITE_TAGS or t.i in inside:
            continue
        verb = t.head if t.dep_ in ("aux", "auxpass") else t
        if any(c.dep_ == "mark" for c in verb.children):
            continue  # "Traders protest after their shops are dismantled": the parser's root, a clause of time
        if verb.dep_ == "ROOT" or verb.dep_ == "conj" and verb.head.dep_ == "ROOT":
            return True
    return False


def _headline_needs(token: Token) -> set[str]:
    """The words a headline verb read as a noun takes as its arguments: the noun before it
    and the nouns after it in its phrase ("Police battle cattle rustlers")."""
    words = {token.doc[token.i - 1].lemma_.lower()} if token.i > token.sent.start else set()
    words.update(t.lemma_.lower() for t in token.doc[token.i + 1 : token.head.i + 1])
    return words


def _named_before(token: Token) -> bool:
    """A place name glued to the word ("of Ol Kalou protest") or people before the "of"
    ("Members of the Ogiek community protest"): the parser's noun phrase."""
    if token.head.head.lemma_.lower() in lexicon.GROUP_NOUNS:
        return True
    return any(c.dep_ in ("compound", "amod") and c.pos_ == "PROPN" and c.i < token.i for c in token.children)


# the letters every form of a HEADLINE_PROTESTS lemma starts with ("rallies": "rall")
_HEADLINE_PROTEST_STEMS = tuple(
    lemma.removesuffix("e").removesuffix("y") for lemma in sorted(lexicon.HEADLINE_PROTESTS)
)


def _headline_protests(sent: Span) -> Iterator[Trigger]:
    """A protest told without a finite verb, as notes and headlines do: "Traders in Limuru
    protest market fees", "A group marches in protest", which the small model parses as
    one noun phrase. The first protest word is the trigger and its own carrier. Finite verbs
    in its own clauses ("protest over fees after claiming they had not been taught") or read
    as modifiers ("protest alleged police harassment") do not make it a noun."""
    text = lower_text(sent)
    if not any(stem in text for stem in _HEADLINE_PROTEST_STEMS):
        return  # most sentences have none of the words: their tokens need no walk
    for token in sent:
        if (
            lexicon.lemma(token) in lexicon.HEADLINE_PROTESTS
            and token.dep_ != "compound"
            and token.ent_type_ != "DATE"  # "On 2 March 2024"
            and not (token.dep_ == "pobj" and token.head.lower_ == "of" and not _named_before(token))
            and not _finite_verb_beside(sent, token)
        ):  # "a history of protest"; but "Residents of Ol Kalou protest over ..." is misparsed
            sense = lexicon.NOUN_TRIGGERS.get(token.lemma_.lower()) or lexicon.NOUN_TRIGGERS["protest"]
            yield Trigger(token, sense, sense.mode, True, token, False)
            return
