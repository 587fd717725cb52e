"""Finds who reports an event and how certain the text is about it.

Walks up from the trigger to the reporting verb that governs its clause
("police said", "X reported that", "according to X", "citing X"). The speaker
is that verb's subject, or the source an outlet cites. Certainty:
claimed when a party reports its own action, alleged under a hedge
("allegedly", "alleged to have"), unverified for anonymous sources, reported
for named ones, asserted when the writer states it.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventscope.extract import lexicon
from eventscope.extract.evidence import evidence_for
from eventscope.extract.roles import noun_phrase
from eventscope.records import Attribution, Certainty

ANONYMOUS = frozenset(["anonymous", "unnamed", "unidentified", "source", "sources"])


def _hedged(trigger: Token) -> bool:
    current: Token | None = trigger
    for _ in range(8):
        if current is None:
            break
        if any(c.lower_ in lexicon.HEDGES for c in current.children):
            return True
        if current.lemma_.lower() in ("allege", "suspect"):
            return True
        if current.head is current:
            break
        current = current.head
    return False


def _according_to(sentence_root: Token) -> Token | None:
    doc = sentence_root.doc
    for token in sentence_root.sent:
        if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            objects = [c for c in doc[token.i + 1].children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
            objects = [c for c in token.children if c.dep_ == "prep"]
            for prep in objects:
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        return pobj
    return None


def _reporting_verb(trigger: Token) -> Token | None:
    current = trigger
    for _ in range(8):
        if current.head is current:
            break
        head = current.head
        if head.lemma_.lower() in lexicon.REPORTING_VERBS and current.dep_ in (
            "ccomp", "xcomp", "advcl", "conj", "dobj", "relcl",
        ):
            return head
        current = head
    return None


def attribute(article_id: str, trigger: Token, outlet: str | None) -> Attribution:
    """The attribution of the event reported by ``trigger``."""
    hedged = _hedged(trigger)
    verb = _reporting_verb(trigger)
    speaker_tok: Token | None = None
    if verb is not None:
        speaker_tok = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        cited = next(
            (
                obj
                for c in verb.children
                if c.dep_ == "advcl" and c.lemma_.lower() == "cite"
                for obj in c.children
                if obj.dep_ == "dobj"
            ),
            None,
        )
        if cited is not None:
            cited_phrase = noun_phrase(cited)
            source_outlet = noun_phrase(speaker_tok).text if speaker_tok is not None else outlet
            certainty = (
                Certainty.UNVERIFIED
                if any(t.lower_ in ANONYMOUS for t in cited_phrase)
                else Certainty.REPORTED
            )
            return Attribution(
                certainty=Certainty.ALLEGED if hedged else certainty,
                speaker=cited_phrase.text,
                verb=verb.text,
                outlet=source_outlet,
                evidence=evidence_for(article_id, cited_phrase),
            )
    if speaker_tok is None:
        speaker_tok = _according_to(trigger)
        verb_text = "according to" if speaker_tok is not None else None
    else:
        verb_text = verb.text if verb is not None else None
    if speaker_tok is None:
        certainty = Certainty.ALLEGED if hedged else Certainty.ASSERTED
        return Attribution(certainty=certainty, outlet=outlet)
    phrase = noun_phrase(speaker_tok)
    if hedged:
        certainty = Certainty.ALLEGED
    elif verb is not None and verb.lemma_.lower() == "claim":
        certainty = Certainty.CLAIMED
    elif any(t.lower_ in ANONYMOUS for t in phrase):
        certainty = Certainty.UNVERIFIED
    else:
        certainty = Certainty.REPORTED
    return Attribution(
        certainty=certainty,
        speaker=phrase.text,
        verb=verb_text,
        outlet=outlet,
        evidence=evidence_for(article_id, phrase),
    )
