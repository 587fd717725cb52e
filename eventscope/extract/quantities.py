"""Reads killed, injured and arrested counts as honest ranges.

"12" is 12 to 12; "at least 12" is 12 to unknown; "more than 12" is 13 to
unknown; "nearly 60" is 54 to 60; "some 60" and "about 60" stay 60 to 60 with
the hedge kept in the mention; "dozens" is 24 to 99; "several" is 3 to 9.
A count belongs to the kill, injure or arrest word whose argument it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from eventscope.extract import lexicon

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


@dataclass(frozen=True)
class Count:
    """A count read from the text, before it is attached to an event."""

    kind: str  # "killed", "injured" or "arrested"
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
            current += int(word)
        else:
            return None
    value = total + current
    return value if value > 0 else None


def parse_range(text: str) -> tuple[int | None, int | None] | None:
    """An honest (min, max) for a quantity phrase, or None when it is not one."""
    phrase = " ".join(text.lower().split())
    if phrase in VAGUE:
        return VAGUE[phrase]
    match = re.fullmatch(
        r"(at least|more than|over|nearly|almost|up to|some|about|around|roughly|"
        r"approximately|an estimated|at most|fewer than|less than)?\s*(.+?)",
        phrase,
    )
    if match is None:
        return None
    hedge, rest = match.group(1), match.group(2)
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
    if noun.like_num or noun.lower_ in VAGUE:
        words = [t for t in noun.subtree if t.i <= noun.i]
        return noun.doc[words[0].i : noun.i + 1]
    for child in noun.children:
        if child.dep_ in ("nummod", "quantmod") or (
            child.dep_ == "amod" and child.lower_ in VAGUE
        ):
            words = sorted(child.subtree, key=lambda t: t.i)
            return noun.doc[words[0].i : words[-1].i + 1]
    return None


def _kind(word: Token) -> str | None:
    lemma = word.lemma_.lower()
    text = word.lower_
    if lemma in lexicon.KILL_WORDS or text in lexicon.KILL_WORDS:
        return "killed"
    if lemma in lexicon.INJURE_WORDS or text in lexicon.INJURE_WORDS:
        return "injured"
    if lemma in lexicon.ARREST_WORDS or text in lexicon.ARREST_WORDS:
        return "arrested"
    return None


def _counted_nouns(word: Token) -> list[Token]:
    """The nouns whose number says how many were killed/injured/arrested by ``word``."""
    if word.lemma_.lower() == "death" and word.head.lower_ == "to":
        verb = word.head.head  # "beat a thief to death", "was hacked to death"
        return [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if word.pos_ in ("NOUN",) and word.lemma_.lower() in ("death", "fatality", "casualty", "injury", "arrest"):
        return [word]  # "12 deaths"
    nouns = [c for c in word.children if c.dep_ in ("dobj", "nsubjpass")]
    if word.lemma_.lower() == "die":
        nouns += [c for c in word.children if c.dep_ == "nsubj"]
    # "Seventeen killed in church attack": a headline's number subject
    nouns += [c for c in word.children if c.dep_ == "nsubj" and c.like_num]
    if word.pos_ == "ADJ" or word.dep_ in ("amod", "acomp", "oprd"):
        # "12 people dead", "left 12 dead", "twelve were injured"
        if word.dep_ == "amod":
            nouns.append(word.head)
        nouns += [c for c in word.head.children if c.dep_ in ("nsubj", "dobj", "nsubjpass")]
    if word.dep_ == "acl":  # "12 people killed in the blast"
        nouns.append(word.head)
    return nouns


SINGLE_DETERMINERS = frozenset({"a", "an", "one", "another", "the", "his", "her", "their", "its"})
NOT_PEOPLE = lexicon.FACILITIES | lexicon.WEAPONS | lexicon.PLACE_NOUNS | lexicon.PROPERTY | frozenset(
    {"animal", "cattle", "goat", "cow", "livestock", "property", "vehicle", "time"}
)


def _one_person(noun: Token) -> Span | None:
    """ "killed a tea seller", "a woman was killed": one victim, counted as 1."""
    if noun.tag_ not in ("NN", "NNP") or noun.lemma_.lower() in NOT_PEOPLE:
        return None
    if noun.ent_type_ and noun.ent_type_ not in ("PERSON", "NORP"):
        return None
    det = next((c for c in noun.children if c.dep_ in ("det", "poss", "nummod")), None)
    if det is None and noun.ent_type_ != "PERSON":
        return None
    if det is not None and det.dep_ == "det" and det.lower_ not in SINGLE_DETERMINERS:
        return None
    return noun.doc[noun.left_edge.i : noun.i + 1]


def find_counts(sent: Span) -> list[Count]:
    """Every killed/injured/arrested count in a sentence, with the word it hangs on.

    A number modifying the victims gives the count; a single victim named
    without one ("killed a tea seller", "and another") counts as 1 each.
    """
    counts: list[Count] = []
    for word in sent:
        kind = _kind(word)
        if kind is None:
            continue
        singles: list[Span] = []
        for noun in _counted_nouns(word):
            for each in [noun, *noun.conjuncts]:
                span = _quantity_span(each)
                value = parse_range(span.text) if span is not None else None
                if span is not None and value is not None:
                    counts.append(Count(kind, value[0], value[1], span, word))
                    continue
                single = _one_person(each)
                if single is not None:
                    singles.append(single)
        if singles:
            first, last = singles[0], singles[-1]
            span = sent.doc[min(first.start, last.start) : max(first.end, last.end)]
            counts.append(Count(kind, len(singles), len(singles), span, word))
    return counts
