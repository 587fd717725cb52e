"""Reads killed, injured, arrested, displaced and abducted counts as honest ranges.

"12" is 12 to 12; "at least 12" is 12 to unknown; "more than 12" is 13 to
unknown; "nearly 60" is 54 to 60; "some 60" and "about 60" stay 60 to 60 with
the hedge kept in the mention; "dozens" is 24 to 99; "several" is 3 to 9;
"10 to 15" and "between 10 and 15" are 10 to 15. A count belongs to the kill,
injure, arrest, displace or abduct word whose argument it is (README: "Counts
and ACLED's fatalities figure").
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from eventscope.extract import lexicon
from eventscope.nlp.text import lower_text

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "dozen": 12, "a dozen": 12,
}
VAGUE = {
    "a few": (2, 5), "few": (2, 5), "several": (3, 9), "a handful": (2, 5),
    "handful": (2, 5), "dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999),
    "thousands": (2000, 9999), "tens": (20, 99), "a number": (2, None), "some": (2, None),
}
MULTIPLIERS = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
# Nouns that are themselves a quantity: "a number of fighters were killed" counts the
# number, not one "number".
QUANTITY_NOUNS = frozenset({"number", "handful", "dozen", "score", "hundred", "thousand"})
SIZE_WORDS = r"unknown|unspecified|undetermined|large|small|significant|considerable|great"


@dataclass(frozen=True)
class Count:
    """A count read from the text, before it is attached to an event."""

    kind: str  # one of records.COUNT_FIELDS: "killed", "injured", "arrested", "displaced", "abducted"
    min: int | None
    max: int | None
    span: Span
    word: Token  # the kill/injure/arrest word it belongs to


# More people than have ever been counted in one report: a number this large is a typo,
# a phone number or an attack on the parser, not a toll (and would not fit a 64-bit column).
MAX_PEOPLE = 100_000_000


def parse_number(text: str) -> int | None:
    """An integer from digits ("1,200", "13") or words ("twelve", "two hundred");
    None for anything else, and for more than ``MAX_PEOPLE``."""
    value = _number(text)
    return value if value is not None and value <= MAX_PEOPLE else None


def _number(text: str) -> int | None:
    cleaned = text.lower().replace(",", "").strip()
    if re.fullmatch(r"\d+", cleaned):
        return int(cleaned) if len(cleaned) <= 12 else None
    total = 0
    current = 0
    for word in cleaned.replace("-", " ").split():
        if word in ("a", "and"):
            continue
        if word in MULTIPLIERS:
            current = max(current, 1) * MULTIPLIERS[word]
            if MULTIPLIERS[word] >= 1000:
                total, current = total + current, 0
        elif word in NUMBER_WORDS:
            current += NUMBER_WORDS[word]
        elif re.fullmatch(r"\d+", word):
            if current:
                return None  # "200 300" (from "200-300") is a range, not a sum
            current += int(word)
        else:
            return None
    value = total + current
    return value if value > 0 else None


RANGE = re.compile(r"(?:between\s+)?(.+?)\s*(?:\bto\b|\band\b|\bor\b|-|–)\s*(.+)")


def parse_range(text: str) -> tuple[int | None, int | None] | None:
    """An honest (min, max) for a quantity phrase, or None when it is not one."""
    phrase = " ".join(text.lower().split())
    # "two more", "another three", "five others": the number is what counts
    phrase = re.sub(r"^another\s+|\s+(?:more|others?|additional)$", "", phrase)
    phrase = re.sub(r"^all\s+(?=\S)", "", phrase)  # "all 3 were killed": the three
    phrase = re.sub(rf"^an?\s+(?:{SIZE_WORDS})\s+number$", "a number", phrase)
    if phrase in VAGUE:
        return VAGUE[phrase]
    ranged = RANGE.fullmatch(phrase)
    if ranged is not None:  # "10 to 15", "between five and 23", "200-300", "two or three"
        low, high = parse_number(ranged.group(1)), parse_number(ranged.group(2))
        if low is not None and high is not None and low < high:
            return low, high
    match = re.fullmatch(
        r"(at least|more than|over|nearly|almost|up to|some|about|around|roughly|"
        r"approximately|an estimated|at most|fewer than|less than)?\s*(.+?)",
        phrase,
    )
    if match is None:
        return None
    hedge, rest = match.group(1), match.group(2)
    ranged = RANGE.fullmatch(rest)
    if hedge is not None and ranged is not None:
        low, high = parse_number(ranged.group(1)), parse_number(ranged.group(2))
        if low is not None and high is not None and low < high:
            if hedge in ("at least", "more than", "over"):
                return low, None  # "at least 200-300"
            if hedge in ("up to", "at most", "fewer than", "less than"):
                return 1, high
            return low, high  # "some 200-300", "about 10 to 15"
    number = parse_number(rest)
    if number is None:
        return VAGUE.get(rest) if hedge is None else None
    if hedge == "at least":
        return number, None
    if hedge in ("more than", "over"):
        return number + 1, None
    if hedge in ("nearly", "almost"):
        return max(1, number - max(1, number // 10)), number
    if hedge in ("up to", "at most"):
        return 1, number
    if hedge in ("fewer than", "less than"):
        return 1, number - 1
    return number, number


def _quantity_span(noun: Token) -> Span | None:
    """The number phrase modifying a noun ("at least 12" in "at least 12 people")."""
    if noun.like_num or noun.lower_ in VAGUE or noun.lemma_.lower() in QUANTITY_NOUNS:
        words = [t for t in noun.subtree if t.i <= noun.i]
        return noun.doc[words[0].i : _range_end(noun) + 1]
    for child in noun.children:
        if child.dep_ in ("nummod", "quantmod") or (
            child.dep_ == "amod" and child.lower_ in VAGUE
        ) or (child.dep_ == "compound" and child.tag_ == "CD" and child.i < noun.i):
            words = sorted(child.subtree, key=lambda t: t.i)
            return noun.doc[words[0].i : max(words[-1].i, _range_end(child)) + 1]
    return None


def _range_end(number: Token) -> int:
    """Where a number's range ends: "five" in "two to five", "23" in "between five and 23"."""
    doc = number.doc
    i = number.i
    if i + 2 < len(doc) and doc[i + 1].lower_ in ("to", "and", "or", "-", "–") and doc[i + 2].like_num:
        return i + 2
    return i


# Verbs that say the victims died, beyond the shared trigger vocabulary: a mob that
# "lynched a thief" killed him; "succumbed to his wounds" is "died".
KILLING_VERBS = frozenset(
    {"lynch", "murder", "assassinate", "behead", "slaughter", "succumb", "perish"}
)
KILLING_NOUNS = frozenset({"killing", "murder", "assassination"})
# Verbs that make their subject the victim, as "die" does ("two succumbed").
DYING_VERBS = frozenset({"die", "succumb", "perish"})
# "four reported killed", "two confirmed dead": the subject of the report is the victim
REPORTING_VERBS = frozenset({"report", "fear", "believe", "confirm", "presume"})
# Verbs whose object did not happen: "escaped death", "feared arrest".
ESCAPED = frozenset({"escape", "survive", "avoid", "fear", "risk", "threaten", "evade", "face"})
# "five bodies were found": a body found is a death reported.
BODY_NOUNS = frozenset({"body", "corpse"})
FOUND_VERBS = frozenset(
    {"find", "discover", "recover", "dump", "exhume", "retrieve", "locate", "dig", "wash", "pull"}
)


def _is_body(word: Token) -> bool:
    """ "bodies were found", "the bodies of two men", "three bodies": not "a governing body"."""
    if word.pos_ not in ("NOUN", "PROPN") or word.lemma_.lower() not in BODY_NOUNS:
        return False
    if any(c.dep_ == "nummod" for c in word.children) or word.head.lemma_.lower() in FOUND_VERBS:
        return True
    return any(c.dep_ == "prep" and c.lower_ == "of" for c in word.children) and word.tag_ == "NNS"


# every word _kind can give a kind to, as lemma or as written: the rest are told apart at once
_COUNTED_WORDS = (
    lexicon.KILL_WORDS | KILLING_VERBS | KILLING_NOUNS | BODY_NOUNS | {"gun"} | lexicon.INJURE_WORDS
    | lexicon.ARREST_WORDS | lexicon.ABDUCT_WORDS | lexicon.DISPLACE_WORDS
)


def _kind(word: Token) -> str | None:
    lemma = word.lemma_.lower()
    text = word.lower_
    if lemma not in _COUNTED_WORDS and text not in _COUNTED_WORDS:
        return None
    if lemma in lexicon.KILL_WORDS or text in lexicon.KILL_WORDS:
        return "killed"
    if word.pos_ == "VERB" and lemma in KILLING_VERBS:
        return "killed"
    if word.pos_ == "NOUN" and lemma in KILLING_NOUNS:
        return "killed"  # "the killing of 1 member", "the murder of two traders"
    if lemma == "gun" and any(c.dep_ == "prt" and c.lower_ == "down" for c in word.children):
        return "killed"  # "gunned down three men"
    if _is_body(word):
        return "killed"
    if lemma in lexicon.INJURE_WORDS or text in lexicon.INJURE_WORDS:
        return "injured"
    if lemma in lexicon.ARREST_WORDS or text in lexicon.ARREST_WORDS:
        return "arrested"
    if lemma in lexicon.ABDUCT_WORDS or text in lexicon.ABDUCT_WORDS:
        if lemma == "hostage" and not _taken_hostage(word):
            return None  # "beheaded four hostages": a victim named as one, not a new abduction
        return "abducted"
    if lemma in lexicon.DISPLACE_WORDS or text in lexicon.DISPLACE_WORDS:
        return None if lemma == "flee" and not _forced_flight(word) else "displaced"
    return None


# Verbs that make their object flee: "forced 2,000 families to flee".
FORCING_VERBS = frozenset({"force", "compel", "drive", "cause", "push", "make"})


def _taken_hostage(word: Token) -> bool:
    """ "took 20 hostages", "took dozens of hostages", "held them hostage": the taking
    is told; "executed two hostages" tells of hostages taken before."""
    verb = next((a for a in word.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return verb is not None and verb.lemma_.lower() in ("take", "seize", "hold", "grab")


def _forced_to_flee(word: Token) -> Token | None:
    """The verb of force over "flee" ("forced 300 families to flee"), which the parser
    hangs as the verb's complement or as a clause on its object."""
    if word.dep_ == "xcomp" and word.head.lemma_.lower() in FORCING_VERBS:
        return word.head
    if word.dep_ == "relcl" and word.head.dep_ == "dobj" and word.head.head.lemma_.lower() in FORCING_VERBS:
        return word.head.head
    return None


def _forced_flight(word: Token) -> bool:
    """ "2,000 people fled the fighting", "forced 300 families to flee": people uprooted;
    not "the gunmen fled" (the attackers leaving) nor "fled the scene"."""
    if _forced_to_flee(word) is not None:
        return True
    if any(c.dep_ == "dobj" and c.lemma_.lower() in ("scene", "area", "spot") for c in word.children):
        return False
    subjects = [c for c in word.children if c.dep_ == "nsubj"]
    return any(_quantity_span(s) is not None and s.lemma_.lower() not in ATTACKER_NOUNS for s in subjects) or any(
        c.dep_ == "dobj" and c.lemma_.lower() in ("home", "house", "village", "town", "fighting", "violence")
        for c in word.children
    )


# People who flee as attackers do, not as the displaced: "the gunmen fled".
ATTACKER_NOUNS = frozenset(
    {"gunman", "attacker", "assailant", "militant", "fighter", "suspect", "robber", "bandit", "kidnapper"}
)


def _counted_nouns(word: Token) -> list[Token]:
    """The nouns whose number says how many were killed/injured/arrested by ``word``."""
    if word.lemma_.lower() == "death" and word.head.lower_ == "to":
        verb = word.head.head  # "beat a thief to death", "was hacked to death"
        return [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if word.lemma_.lower() == "flee":
        forcing = _forced_to_flee(word)
        if forcing is not None:
            return [c for c in forcing.children if c.dep_ == "dobj"]  # "forced 300 families to flee"
        return [c for c in word.children if c.dep_ == "nsubj"]  # "2,000 people fled"
    if word.lemma_.lower() == "hostage":
        if word.dep_ in ("oprd", "advcl", "npadvmod", "attr"):
            return [c for c in word.head.children if c.dep_ in ("dobj", "nsubjpass")]  # "took 20 people hostage"
        held = [c for c in word.children if c.dep_ == "compound" and c.pos_ == "NOUN"]
        if held:
            return held  # "took 14 aid workers hostage", parsed as one noun
        if word.head.lower_ == "of" and _quantity_span(word.head.head) is not None:
            return [word.head.head]  # "took dozens of hostages"
    if word.dep_ == "ROOT" and word.pos_ in ("NOUN", "ADJ") and not lexicon.has_finite_verb(word.sent):
        misread = [c for c in word.children if c.dep_ in ("dobj", "appos") and c.i > word.i]
        if misread:
            return misread  # a verb the parser took for a noun: "police arrest 50 suspects"
    if word.pos_ in ("NOUN",) and word.lemma_.lower() in (
        "death", "fatality", "casualty", "injury", "arrest", "hostage", "abduction", "kidnapping",
        "displacement", *KILLING_NOUNS
    ):
        if word.head.lemma_.lower() in ESCAPED:
            return []  # "escaped death", "feared arrest"
        if any(c.dep_ == "amod" and c.lower_ in ("prior", "previous", "earlier", "past") for c in word.children):
            return []  # "the prior killing of a supporter": told before, not this event's
        victims = [g for c in word.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        if victims:
            return victims  # "the deaths of two students", "the arrest of a journalist"
        if _quantity_span(word) is None and any(
            c.dep_ in ("det", "poss") and c.lower_ in ("the", "his", "her", "their", "its") for c in word.children
        ):
            return []  # "his death", "the death": a death told before, not a new toll
        return [word]  # "12 deaths", "a death"
    if _is_body(word):
        if _quantity_span(word) is not None or word.tag_ == "NN":
            return [word]  # "three bodies", "a body"
        # "the bodies of two men"
        return [g for c in word.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    nouns = [c for c in word.children if c.dep_ in ("dobj", "nsubjpass")]
    if word.lemma_.lower() in DYING_VERBS:
        nouns += [c for c in word.children if c.dep_ == "nsubj"]
    shared = [
        g for c in word.children if c.dep_ == "conj" and c.pos_ == "VERB"
        for g in c.children if g.dep_ == "dobj"
    ]
    if word.tag_ in ("VBN", "VBD") and not shared and not any(
        c.dep_ in ("aux", "dobj", "auxpass") for c in word.children
    ):
        # a headline's bare participle: "13 people killed in clashes", "Boy killed"
        # (the tagger reads some as past tense: then only a subject without article)
        nouns += [
            c for c in word.children
            if c.dep_ == "nsubj"
            and (word.tag_ == "VBN" or not any(d.dep_ == "det" for d in c.children))
        ]
    # "1 killed.", "Twelve killed": a bare number the parser hangs on the verb
    nouns += [
        c for c in word.children
        if c.like_num and c.i < word.i and c.dep_ in ("meta", "nummod", "npadvmod", "dep")
    ]
    if not any(c.dep_ in ("dobj", "nsubjpass") for c in word.children):
        nouns += shared  # "killing and robbing him": the object both verbs share
    if word.dep_ == "conj" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in word.children
    ):
        # "a man was shot and killed": the victim is the subject of the first verb
        nouns += [c for c in word.head.children if c.dep_ == "nsubjpass"]
    if (word.dep_ == "xcomp" and (
        word.lemma_.lower() in DYING_VERBS or any(c.dep_ == "auxpass" for c in word.children)
    )) or (
        word.dep_ in ("xcomp", "ccomp") and word.tag_ == "VBN"
        and word.head.lemma_.lower() in REPORTING_VERBS
        and not any(c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in word.children)
    ):
        # "11 were reported to have been killed", "two are feared to have died",
        # "four reported killed"
        nouns += [c for c in word.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    # "Seventeen killed in church attack": a headline's number subject
    nouns += [c for c in word.children if c.dep_ == "nsubj" and c.like_num]
    if word.pos_ == "ADJ" or word.dep_ in ("amod", "acomp", "oprd"):
        # "12 people dead", "left 12 dead", "twelve were injured", "found dead"
        if word.dep_ == "amod":
            nouns.append(word.head)
        # "the blast left 12 dead": the subject of "left" is the cause, not a victim
        roles = ("dobj", "nsubjpass") if word.dep_ == "oprd" else ("nsubj", "dobj", "nsubjpass")
        if word.dep_ == "oprd" and not any(
            c.dep_ in ("dobj", "aux", "auxpass") for c in word.head.children
        ) and word.head.dep_ in ("ROOT", "conj"):
            roles = ("nsubj", "nsubjpass")  # a headline's "Four civilians shot dead by gunmen"
        nouns += [c for c in word.head.children if c.dep_ in roles]
        if word.dep_ == "oprd" and word.head.dep_ == "acl" and not any(
            c.dep_ == "dobj" for c in word.head.children
        ):
            nouns.append(word.head.head)  # "4 civilians shot dead by gunmen"
    if word.dep_ == "acl":  # "12 people killed in the blast"
        nouns.append(word.head)
    return nouns + _stranded_subject(word)


def _stranded_subject(verb: Token) -> list[Token]:
    """ "in Biguacu, Santa Catarina, a drug trafficker was killed", "resulting in 1 soldier
    killed": the parser hangs the subject elsewhere. A passive verb without a subject
    takes the noun right before its auxiliary; a bare participle, the counted noun right
    before it."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in verb.children):
        return []
    aux = next((c for c in verb.children if c.dep_ == "auxpass" and c.i < verb.i), None)
    if aux is not None:
        if aux.i == verb.sent.start:
            return []
        before = verb.doc[aux.i - 1]
        return [before] if before.pos_ in ("NOUN", "PROPN") and before.dep_ in ("appos", "conj") else []
    if verb.tag_ != "VBN" or verb.i == verb.sent.start:
        return []
    before = verb.doc[verb.i - 1]
    counted = before.pos_ == "NOUN" and any(c.dep_ == "nummod" for c in before.children)
    return [before] if counted and before.head.i != verb.i else []


SINGLE_DETERMINERS = frozenset({"a", "an", "one", "another", "the", "his", "her", "their", "its"})
NOT_PEOPLE = lexicon.FACILITIES | lexicon.WEAPONS | lexicon.PLACE_NOUNS | lexicon.PROPERTY | lexicon.TYRES | frozenset(
    {"animal", "cattle", "goat", "cow", "livestock", "property", "vehicle", "time"}
)


SINGLE_PRONOUNS = frozenset({"him", "her", "he", "she"})


def _one_person(noun: Token, *, headline: bool = True) -> Span | None:
    """ "killed a tea seller", "a woman was killed", "killing him", a headline's
    "police kill student": one victim, counted as 1."""
    if noun.tag_ == "PRP" and noun.lower_ in SINGLE_PRONOUNS:
        return noun.doc[noun.i : noun.i + 1]
    if noun.lower_ == "old" and any(c.lemma_.lower() in ("year", "month") for c in noun.children):
        return noun.doc[noun.left_edge.i : noun.i + 1]  # "a 25-year-old was arrested"
    if noun.tag_ not in ("NN", "NNP") or noun.lemma_.lower() in NOT_PEOPLE:
        return None
    if noun.tag_ == "NN" and noun.lower_.endswith("ing") and noun.lower_ not in ("sibling", "king"):
        return None  # "the injuring of 3 others", "the shooting": an act, not a person
    if noun.ent_type_ and noun.ent_type_ not in ("PERSON", "NORP"):
        return None
    det = next((c for c in noun.children if c.dep_ in ("det", "poss", "nummod")), None)
    if det is None and noun.ent_type_ != "PERSON" and not (headline and _headline_victim(noun)):
        return None
    if det is not None and det.dep_ == "det" and det.lower_ not in SINGLE_DETERMINERS:
        return None
    return noun.doc[noun.left_edge.i : noun.i + 1]


def _headline_victim(noun: Token) -> bool:
    """ "Gunmen kill civilian": a singular common noun with no article, as headlines
    write one victim; not a mass noun ("killed livestock") nor a name part."""
    return (
        noun.tag_ in ("NN", "NNP")
        and noun.dep_ in ("dobj", "nsubjpass", "nsubj")
        and not noun.ent_type_
        and noun.lemma_.lower() not in NOT_PEOPLE
        and (noun.is_lower or (noun.i == noun.sent.start and noun.tag_ == "NN"))
    )


MONTHS = frozenset(
    m.lower() for m in (*calendar.month_name[1:], *calendar.month_abbr[1:])
)


def _is_date(noun: Token, span: Span) -> bool:
    """A bare number that is part of a date or a time ("Around 1 May", "in 2019"); a
    number that modifies a noun ("between 10 and 15 people") counts that noun."""
    if not noun.like_num:
        return False
    return any(t.ent_type_ in ("DATE", "TIME") for t in span) or any(
        t.lower_ in MONTHS for t in noun.subtree if t.i != noun.i
    )


def is_partitive(noun: Token) -> bool:
    """ "one of them", "two of those": a part of a group, maybe counted elsewhere."""
    return any(
        c.dep_ == "prep" and c.lower_ == "of"
        and any(g.dep_ == "pobj" and (g.tag_ == "PRP" or g.lower_ in ("those", "these")) for g in c.children)
        for c in noun.children
    )


def _is_detail(token: Token) -> bool:
    """Inside "including ..." or "among them ...": a part of a toll already given."""
    return any(a.lower_ in ("including", "include", "includes", "among") for a in token.ancestors)


def _companions(tokens: list[Token]) -> list[Token]:
    """Victims added by "along with", "together with": "killed the chief along with 5 guards"."""
    found: list[Token] = []
    for token in tokens:
        for child in [*token.children, *(token.head.children if token.dep_ in ("oprd", "acomp") else ())]:
            if child.dep_ == "prep" and child.lower_ in ("along", "together"):
                found += [
                    g for w in child.children if w.dep_ == "prep" and w.lower_ == "with"
                    for g in w.children if g.dep_ == "pobj"
                ]
            elif child.dep_ == "prep" and child.lower_ == "alongside":
                found += [g for g in child.children if g.dep_ == "pobj"]
    return found


TOLL_KINDS = {"death": "killed", "fatality": "killed", "injury": "injured", "casualty": "injured",
              "arrest": "arrested", "detention": "arrested"}
# "bringing the death toll to 40": a running total over earlier events, not this one's toll
CUMULATIVE_VERBS = frozenset({"bring", "raise", "take", "push", "lift"})


def _toll_count(word: Token, default: str) -> Count | None:
    """ "the death toll rose to 12", "the toll is now 7", "toll now four": a total."""
    if word.lemma_.lower() != "toll" or word.pos_ != "NOUN":
        return None
    if word.dep_ == "dobj" and word.head.lemma_.lower() in CUMULATIVE_VERBS:
        return None
    kinds = [TOLL_KINDS[c.lemma_.lower()] for c in word.children if c.lemma_.lower() in TOLL_KINDS]
    numbers = [c for c in word.children if c.like_num and c.dep_ in ("nummod", "appos", "npadvmod", "attr")]
    numbers += [c for c in word.head.children if c.like_num and c.dep_ == "appos" and c.i > word.i]
    if word.dep_ in ("nsubj", "nsubjpass"):
        verb = word.head
        numbers += [c for c in verb.children if c.like_num and c.dep_ in ("attr", "dobj")]
        numbers += [
            g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "at")
            for g in c.children if g.dep_ == "pobj" and g.like_num
        ]
    for number in numbers:
        span = _quantity_span(number)
        value = parse_range(span.text) if span is not None else None
        if span is not None and value is not None:
            return Count(kinds[0] if kinds else default, value[0], value[1], span, word)
    return None


def find_counts(sent: Span) -> list[Count]:
    """Every killed/injured/arrested count in a sentence, with the word it hangs on.

    A number modifying the victims gives the count; a single victim named
    without one ("killed a tea seller", "and another") counts as 1 each. The
    victims of one word add up ("killing two soldiers and a civilian" is 3);
    a part of a toll told in the same breath ("including two children") is not
    counted again, and a total ("the death toll rose to 12") stands for the parts
    told beside it; a running total ("bringing the toll to 40") is not this event's.
    """
    counts: list[Count] = []
    for word in sent:
        kind = _kind(word)
        if kind is None or _is_detail(word):
            continue
        parts: list[tuple[int | None, int | None, Span, Token]] = []
        seen: set[int] = set()
        victims = _counted_nouns(word)
        for noun in _companions([word, *victims]):
            victims.append(noun)  # "shot dead along with two bodyguards"
        if len(victims) > 1:  # several objects: only people add up, not a stray number
            victims = [v for v in victims if v.pos_ in ("NOUN", "PROPN", "PRON")] or victims[:1]
        for noun in victims:
            for each in [noun, *noun.conjuncts]:
                if each.i in seen or (each is not word and _is_detail(each)):
                    continue
                if each is not noun and each.pos_ not in ("NOUN", "PROPN", "PRON"):
                    continue  # only people are added: not a stray number the parser coordinated
                if each is not noun and any(
                    _kind(c) not in (None, kind) for c in [*each.children, each.head] if c.i != word.i
                ):
                    continue  # "4 dead and 5 injured": the 5 are the injured
                seen.add(each.i)
                span = _quantity_span(each)
                if span is not None and _is_date(each, span):
                    continue  # "killed in 2019", "Around 1 May, ...": not people
                value = parse_range(span.text) if span is not None else None
                if span is not None and value is not None:
                    parts.append((value[0], value[1], span, each))
                    continue
                single = _one_person(each, headline=each is not word)  # not "demanding arrest"
                if single is not None:
                    parts.append((1, 1, single, each))
        if not parts:
            continue
        if len(parts) == 1:
            low, high, span, _ = parts[0]
            counts.append(Count(kind, low, high, span, word))
            continue
        lows = [p[0] for p in parts]
        highs = [p[1] for p in parts]
        start = min(p[2].start for p in parts)
        end = max(max(p[2].end, p[3].i + 1) for p in parts)
        counts.append(
            Count(
                kind,
                None if None in lows else sum(x for x in lows if x is not None),
                None if None in highs else sum(x for x in highs if x is not None),
                sent.doc[start:end],
                word,
            )
        )
    # "the death toll rose to 12 after two more died": the total is the event's toll;
    # a toll that does not say of what counts what the sentence counts ("two hurt, toll now four")
    kinds = {c.kind for c in counts}
    default = kinds.pop() if len(kinds) == 1 else "killed"
    tolls = (
        [toll for toll in (_toll_count(word, default) for word in sent) if toll is not None]
        if "toll" in lower_text(sent)  # most sentences tell none: no walk over their words
        else []
    )
    told = {toll.kind for toll in tolls}
    return sorted([c for c in counts if c.kind not in told] + tolls, key=lambda c: c.span.start)
