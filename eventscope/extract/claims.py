"""Finds who claimed the attack told before, or that no one has.

"X claimed responsibility (for the attack)" names the claimant of the latest
attack (``claimant``). "No group has claimed responsibility", "no one took
responsibility", "there was no immediate claim of responsibility" and "the
attack has not been claimed" (``says_unclaimed``) all say that the attack told
before is unclaimed. That is a fact analysts code (ACLED notes it), so the
event records it with the sentence as evidence rather than leaving
``claimed_by`` merely empty.
A named party's denial ("Hamas did not claim the attack") is not this.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from eventscope.nlp.text import lower_text

NOBODY = frozenset({"nobody", "none", "noone"})
OWNING = frozenset({"take", "accept", "assume"})  # "took responsibility"


def _nobody(subject: Token) -> bool:
    if subject.lower_ in NOBODY:
        return True
    if subject.lower_ == "one" and subject.i > 0 and subject.doc[subject.i - 1].lower_ == "no":
        return True
    return any(c.dep_ == "det" and c.lower_ == "no" for c in subject.children)


def _may_claim(sent: Span) -> bool:
    """Whether the sentence has a word a claim is told with: most have none."""
    text = lower_text(sent)
    return "claim" in text or "responsib" in text


def _claims(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if lemma == "claim":
        return True
    return lemma in OWNING and any(
        c.dep_ == "dobj" and c.lemma_.lower() == "responsibility" for c in token.children
    )


def says_unclaimed(sent: Span) -> Token | None:
    """The claim word of a sentence that says no one has claimed (the attack told before it)."""
    if not _may_claim(sent):
        return None
    for token in sent:
        if token.pos_ in ("VERB", "AUX") and _claims(token):
            subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
            if any(_nobody(s) for s in subjects if s.dep_ == "nsubj"):
                return token
            passive = any(s.dep_ == "nsubjpass" for s in subjects)
            if passive and any(c.dep_ == "neg" for c in token.children):
                return token  # "the attack has not been claimed"
        if token.pos_ == "NOUN" and token.lemma_.lower() == "claim" and _nobody(token):
            return token  # "there was no immediate claim of responsibility"
    return None


def claimant(sent: Span) -> Token | None:
    """The subject of "X claimed/took responsibility", when X is someone."""
    if not _may_claim(sent):
        return None
    for token in sent:
        if token.pos_ not in ("VERB", "AUX"):
            continue
        # the verb before its objects: this runs for every verb of every sentence
        if token.lemma_.lower() != "claim" and token.lemma_.lower() not in OWNING:
            continue
        if not any(c.dep_ == "dobj" and c.lemma_.lower() == "responsibility" for c in token.children):
            continue
        if any(c.dep_ == "neg" for c in token.children):
            return None
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if subject is not None and not _nobody(subject):
            return subject
    return None
