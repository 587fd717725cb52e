"""Finds who reports an event and how certain the text is about it.

Walks up the parse from the trigger through every verb of saying that governs
it ("police said", "X told Reuters that", "X, citing Y, reported", "X denied
that"), and "according to X". When the sentence has none and the trigger is
inside a quotation, the verb after the closing mark (‘...,” he said.’) or
before the opening one (‘She said: “...’) speaks for it, across sentences. A
pronoun speaker ("he said", "it said") is the subject of the sentence before.

Reports of reports: the speaker is the source nearest the event (the one that
has the information); the outlet is the source that passes it on (the one that
cites, the outlet told, the outer speaker of "X said Y reported"); without
one it is the speaker itself when that is a news outlet, else the article's
outlet.

Certainty, the first that holds: denied (a verb of denial governs it),
hypothetical ("could", "may have" in the event's own clause), claimed (a party
reports its own action), alleged (a hedge in the event's own clause or on the
report: "allegedly", "the suspected strike", "alleged to have", "accused of",
"preliminary information indicates"; or a claim about another party's act),
unverified (an anonymous source), reported (a named source), asserted (the
writer states it). A hedge's scope stops at a noun or adjective: "men
allegedly responsible for the bombing" hedges who is responsible, not the
bombing and not their arrest.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from eventscope.extract import lexicon
from eventscope.extract.evidence import evidence_for
from eventscope.extract.roles import noun_phrase
from eventscope.nlp.text import doc_text
from eventscope.records import Attribution, Certainty

ANONYMOUS = frozenset(
    ["anonymous", "anonymity", "unnamed", "unidentified", "source", "sources"]
)
# "who asked not to be named", "who declined to be identified"
_UNNAMING = frozenset(["named", "identified", "authorised", "authorized"])
_REFUSING = frozenset(["not", "declined", "refused"])
# Verbs that hedge what they govern; with a subject, that subject is the source.
HEDGE_VERBS = frozenset(["allege", "accuse", "suspect", "believe", "indicate", "suggest"])
SPEECH_VERBS = lexicon.REPORTING_VERBS | HEDGE_VERBS | frozenset(["deny", "warn"])
# Subjects that are evidence, not a source: "preliminary information indicates".
NOT_SOURCES = frozenset(
    ["information", "evidence", "finding", "indication", "investigation", "inquiry",
     "probe", "footage", "image", "video", "data", "analysis", "sign"]
)
TENTATIVE = frozenset(["preliminary", "initial", "unconfirmed", "early"])
POSSIBLE = frozenset(["could", "may", "might"])
MEDIA_WORDS = frozenset(
    ["media", "agency", "newspaper", "daily", "television", "tv", "radio", "broadcaster",
     "channel", "outlet", "network", "website", "press", "wire", "news"]
)
NEWS_OUTLETS = frozenset(
    ["reuters", "afp", "ap", "bbc", "cnn", "xinhua", "tass", "interfax", "anadolu", "irna",
     "sana", "wafa", "yonhap", "kyodo", "bernama", "ani", "pti", "dpa", "efe", "ansa"]
)
SPEAKER_PRONOUNS = frozenset(["he", "she", "it", "they"])
OWN_PRONOUNS = frozenset(["we", "i", "it", "they", "our", "my", "its", "their", "us"])
# How a clause hangs from the verb that reports it; not "conj": in "police said ... and
# arrested five", the arrest is told beside the saying, not by it.
_CLAUSE_DEPS = frozenset(["ccomp", "xcomp", "advcl", "dobj", "relcl", "prep", "acl", "parataxis"])
_STOP_POS = frozenset(["NOUN", "PROPN", "ADJ", "PRON", "NUM"])
_OPENING = "\u201c"
_CLOSING = "\u201d"


@dataclass(frozen=True)
class _Source:
    """One source in a chain of reports, with the verb it speaks through."""

    phrase: Span
    verb: str
    token: Token | None = None  # the verb of saying; None for "according to"


def _hedge_child(token: Token) -> bool:
    return any(c.lower_ in lexicon.HEDGES and c.dep_ in ("advmod", "amod") for c in token.children)


def _scope(trigger: Token) -> list[Token]:
    """The event's own clause: the trigger and the verbs above it, up to a noun or a verb of saying."""
    tokens = [trigger]
    current = trigger
    while current.head.i != current.i:
        head = current.head
        if head.lemma_.lower() in SPEECH_VERBS - HEDGE_VERBS or head.pos_ in _STOP_POS:
            break
        tokens.append(head)
        if head.lemma_.lower() in HEDGE_VERBS:
            break
        current = head
    return tokens


def _hedged(scope: list[Token]) -> bool:
    """A hedge in the event's clause; the trigger's own verb ("accused") is the event, not a hedge."""
    return any(_hedge_child(t) for t in scope) or any(t.lemma_.lower() in HEDGE_VERBS for t in scope[1:])


def _possible(scope: list[Token]) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in POSSIBLE for t in scope for c in t.children)


def _speech_chain(trigger: Token) -> list[Token]:
    """The verbs of saying that govern the trigger in its sentence, nearest first."""
    verbs: list[Token] = []
    current = trigger
    while current.head.i != current.i:
        head = current.head
        if head.lemma_.lower() in SPEECH_VERBS and current.dep_ in _CLAUSE_DEPS:
            verbs.append(head)
        current = head
    return verbs


def _according_to(token: Token) -> Token | None:
    """The source of an "according to X" attached to ``token`` (or, given a sentence root, anywhere)."""
    doc = token.doc
    candidates = token.sent if token.dep_ == "ROOT" else token.children
    for word in candidates:
        if word.lower_ == "according" and word.i + 1 < len(doc) and doc[word.i + 1].lower_ == "to":
            for holder in (doc[word.i + 1], word):
                found = next((c for c in holder.subtree if c.dep_ == "pobj"), None)
                if found is not None:
                    return found
    return None


def _is_media(phrase: Span) -> bool:
    root = phrase.root
    return root.lower_ in MEDIA_WORDS or root.lemma_.lower() in MEDIA_WORDS or any(
        t.lower_ in NEWS_OUTLETS for t in phrase
    )


def _resolved(speaker: Token) -> Token:
    """A pronoun speaker ("he said", "it said") as the subject of an earlier sentence."""
    if speaker.lower_ not in SPEAKER_PRONOUNS:
        return speaker
    sent = speaker.sent
    for _ in range(3):
        if sent.start == 0:
            break
        sent = speaker.doc[sent.start - 1].sent
        subject = next((c for c in sent.root.children if c.dep_ == "nsubj"), None)
        if (
            subject is not None
            and subject.pos_ in ("NOUN", "PROPN")
            and subject.lemma_.lower() not in lexicon.NOUN_TRIGGERS
            and subject.lemma_.lower() not in NOT_SOURCES
        ):
            return subject
    return speaker


def _sources(verb: Token) -> list[_Source]:
    """The sources one verb of saying names, nearest the event first: cited, speaker, told."""
    found: list[_Source] = []
    for clause in verb.children:
        if clause.dep_ == "advcl" and clause.lemma_.lower() == "cite":
            cited = next((c for c in clause.children if c.dep_ == "dobj"), None)
            if cited is not None:
                found.append(_Source(noun_phrase(cited), verb.text, verb))
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lemma_.lower() not in NOT_SOURCES:
        found.append(_Source(noun_phrase(_resolved(subject)), verb.text, verb))
    if verb.lemma_.lower() == "tell":
        told = next((c for c in verb.children if c.dep_ in ("dobj", "dative")), None)
        if told is not None:
            phrase = noun_phrase(told)
            if told.pos_ == "PROPN" or _is_media(phrase):
                found.append(_Source(phrase, verb.text, verb))
    return found


def _tentative(verb: Token) -> bool:
    """ "Preliminary information indicates", "reportedly said": the report itself is hedged."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and any(c.lower_ in TENTATIVE for c in subject.children):
        return True
    return _hedge_child(verb)


def _quotation(trigger: Token) -> tuple[int, int] | None:
    """The character span of the double-quoted passage the trigger is in, within its paragraph."""
    text = doc_text(trigger.doc)
    at = trigger.idx
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    end = len(text) if end < 0 else end
    opened: int | None = None
    for i in range(start, end):
        char = text[i]
        if char == _OPENING or (char == '"' and opened is None):
            opened = i
        elif char in (_CLOSING, '"') and opened is not None:
            if opened < at < i:
                return opened, i
            opened = None
    return None


def _quote_verb(trigger: Token) -> Token | None:
    """The verb of saying just after a quotation's closing mark, or just before its opening one."""
    span = _quotation(trigger)
    if span is None:
        return None
    doc = trigger.doc
    close = doc.char_span(span[1], span[1] + 1, alignment_mode="expand")
    if close is not None:
        after = [t for t in close.sent if t.i > close.start][:6]
        verb = next((t for t in after if t.lemma_.lower() in SPEECH_VERBS), None)
        if verb is not None:
            return verb
    opening = doc.char_span(span[0], span[0] + 1, alignment_mode="expand")
    if opening is None:
        return None
    before = [t for t in opening.sent if t.i < opening.start]
    if not before and opening.start > 0:
        previous = doc[opening.start - 1]
        before = list(previous.sent) if previous.text == ":" else []
    return next((t for t in reversed(before) if t.lemma_.lower() in SPEECH_VERBS), None)


def _agent(trigger: Token) -> Token | None:
    """Who does the act: the subject of the trigger's clause, or its passive "by" agent."""
    clause = trigger
    while clause.pos_ in ("NOUN", "ADP") and clause.head.i != clause.i and clause.dep_ in ("dobj", "pobj", "prep"):
        clause = clause.head
    subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    if subject is not None:
        return subject
    by = next((c for c in clause.children if c.dep_ == "agent"), None)
    return next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None


def _own_act(trigger: Token, verb: Token, speaker: Span | None) -> bool | None:
    """Whether the speaker reports its own act; None when the text does not say who acted."""
    path = trigger
    while path.head.i not in (path.i, verb.i) and path.pos_ in ("NOUN", "ADP"):
        path = path.head
    if path.head.i == verb.i and path.pos_ in ("NOUN", "ADP"):
        return True  # "claimed the bombing", "claimed responsibility for the attack"
    agent = _agent(trigger)
    if agent is None:
        return None
    if agent.lower_ in OWN_PRONOUNS or any(
        c.dep_ == "poss" and c.lower_ in OWN_PRONOUNS for c in agent.children
    ):
        return True
    return speaker is not None and agent.lemma_.lower() == speaker.root.lemma_.lower()


def _anonymous(phrase: Span) -> bool:
    words = {t.lower_ for t in phrase.root.subtree}
    return bool(words & ANONYMOUS) or bool(words & _UNNAMING and words & _REFUSING)


def attribute(article_id: str, trigger: Token, outlet: str | None) -> Attribution:
    """The attribution of the event reported by ``trigger``."""
    scope = _scope(trigger)
    verbs = _speech_chain(trigger)
    if not any(_sources(v) for v in verbs):
        quoted = _quote_verb(trigger)
        verbs = verbs + [quoted] if quoted is not None else verbs
    sources = [s for v in verbs for s in _sources(v)]
    for token in [trigger, *scope, *verbs]:  # "according to X" in the clause it qualifies
        cited = _according_to(token)
        if cited is not None:
            sources.insert(0, _Source(noun_phrase(cited), "according to"))
            break
    if not sources:
        cited = _according_to(trigger.sent.root)
        if cited is not None:
            sources.append(_Source(noun_phrase(cited), "according to"))
    lemmas = {v.lemma_.lower() for v in verbs}
    speaker = sources[0] if sources else None
    phrase = speaker.phrase if speaker is not None else None
    speaking = speaker.token if speaker is not None else None

    if "deny" in lemmas:
        certainty = Certainty.DENIED
    elif _possible(scope):
        certainty = Certainty.HYPOTHETICAL
    else:
        own = _own_act(trigger, speaking, phrase) if speaking is not None else None
        claim = speaking is not None and speaking.lemma_.lower() == "claim"
        if own or (claim and own is None):
            certainty = Certainty.CLAIMED
        elif (
            _hedged(scope)
            or claim
            or lemmas & HEDGE_VERBS
            or any(_tentative(v) for v in verbs)
        ):
            certainty = Certainty.ALLEGED
        elif phrase is not None and _anonymous(phrase):
            certainty = Certainty.UNVERIFIED
        elif phrase is not None:
            certainty = Certainty.REPORTED
        else:
            certainty = Certainty.ASSERTED
    if speaker is None:
        verb = next((v for v in verbs if v.lemma_.lower() == "deny"), None)
        return Attribution(certainty=certainty, verb=verb.text if verb else None, outlet=outlet)
    assert phrase is not None
    if len(sources) > 1:
        relay: str | None = sources[1].phrase.text
    elif _is_media(phrase):
        relay = phrase.text
    else:
        relay = outlet
    return Attribution(
        certainty=certainty,
        speaker=phrase.text,
        verb=speaker.verb,
        outlet=relay,
        evidence=evidence_for(article_id, phrase),
    )
