"""Finds the earlier named actor that "the group", "the militants" or "it" refers to.

Deliberately conservative, since a wrong merge is worse than none: only a
definite group noun ("the group", "the militia", "the rebels") or "it" as the
subject of an attack or a claim refers back; only named actors (a known
organisation, an ORG entity) are antecedents; they must precede the mention
within a few sentences; and when two different compatible actors are in reach
the mention stays as written.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from eventscope.nlp.text import doc_text, entities
from eventscope.records import Actor, ActorKind
from eventscope.resolve.organisations import Organisations

WINDOW = 3  # sentences before the mention's own that an antecedent may be in

K = ActorKind
ARMED_GROUPS = frozenset({K.REBEL, K.COMMUNAL, K.UNIDENTIFIED})
# "the group", "the militia", "the rebels": heads that refer back to an armed group
GROUP_NOUNS = frozenset(
    {
        "group", "militia", "militant", "rebel", "insurgent", "jihadist", "fighter",
        "organisation", "organization", "outfit", "faction", "movement", "network",
    }
)
PLURAL_OK = frozenset({"militant", "rebel", "insurgent", "jihadist", "fighter"})
# Words that may stand between "the" and the noun without naming anyone new.
NEUTRAL_MODIFIERS = frozenset(
    {
        "militant", "armed", "jihadist", "islamist", "rebel", "extremist", "insurgent",
        "terrorist", "terror", "separatist", "same", "militia", "radical", "outlawed",
        "banned", "proscribed",
    }
)
# What "it" may stand for when it attacks or claims: an organisation, not a crowd.
ORGANISATION_KINDS = frozenset(
    {K.REBEL, K.COMMUNAL, K.PARTY, K.INTERNATIONAL, K.MILITARY, K.POLICE, K.GOVERNMENT, K.OTHER}
)


def referring_kinds(mention: Span) -> frozenset[ActorKind] | None:
    """The actor kinds a referring mention may stand for; None if it names someone itself."""
    root = mention.root
    words = [t for t in mention if not t.is_punct]
    if len(words) == 1 and root.lower_ == "it":
        return ORGANISATION_KINDS
    if not words or words[0].lower_ != "the" or root.ent_type_:
        return None
    lemma = root.lemma_.lower()
    if lemma == "party" and root.tag_ == "NN" and len(words) == 2:
        return frozenset({K.PARTY})
    if lemma not in GROUP_NOUNS:
        return None
    if root.tag_ == "NNS" and lemma not in PLURAL_OK:
        return None  # "the groups" are several
    middle = [t for t in words[1:] if t.i != root.i]
    if any(t.lower_ not in NEUTRAL_MODIFIERS for t in middle):
        return None  # "the Kurdish group", "the two militants": said anew
    return ARMED_GROUPS


def pronoun_subject(trigger: Token, carrier: Token | None) -> Span | None:
    """ "it" as the subject of the event's verb or of the verb that claims it."""
    for verb in (trigger, carrier):
        if verb is None or verb.pos_ not in ("VERB", "AUX"):
            continue
        for child in verb.children:
            if child.dep_ == "nsubj" and child.lower_ == "it":
                return child.doc[child.i : child.i + 1]
    return None


def candidate_spans(mention: Span, organisations: Organisations) -> list[Span]:
    """Names that may be antecedents, before the mention in its sentence and the
    ``WINDOW`` sentences before it: ORG and NORP entities, and the organisations
    of the table (the parser's entities often miss or cut them)."""
    doc = mention.doc
    sentences = list(doc.sents)
    index = next(i for i, s in enumerate(sentences) if s.start <= mention.start < s.end)
    first = sentences[max(0, index - WINDOW)].start
    spans = [
        ent for ent in entities(doc[:])
        if ent.label_ in ("ORG", "NORP") and first <= ent.start and ent.end <= mention.start
    ]
    for sentence in sentences[max(0, index - WINDOW) : index + 1]:
        text = doc_text(doc)[sentence.start_char : mention.start_char] if sentence.end > mention.start else sentence.text
        for found in organisations.find_all(text):
            named = doc.char_span(
                sentence.start_char + found.start, sentence.start_char + found.end, alignment_mode="expand"
            )
            if named is not None and named.end <= mention.start:
                spans.append(named)
    return sorted(spans, key=lambda s: s.start)


def antecedent(
    mention: Span, kinds: frozenset[ActorKind], candidates: Sequence[tuple[Span, Actor]]
) -> Actor | None:
    """The nearest earlier named actor of one of ``kinds``, unless another one competes.

    ``candidates`` are (span, resolved actor) pairs; an actor is named when the
    organisation table knew it or its words are a proper name.
    """
    fitting = [
        (span, actor) for span, actor in candidates
        if span.end <= mention.start
        and actor.kind in kinds
        and any(t.pos_ == "PROPN" or t.is_upper for t in span)
    ]
    if not fitting:
        return None
    names = {actor.name for _, actor in fitting}
    if len(names) > 1:
        return None  # two groups in reach: which one is unclear
    return max(fitting, key=lambda pair: pair[0].start)[1]
