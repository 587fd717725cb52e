"""The text and the entities of a parsed Doc, read once.

spaCy's ``Doc.text`` is no stored string: every access joins the text of every
token again, so reading it for each place, date or quotation an extractor looks
at costs as much as a pass over the whole article each time. ``Doc.ents`` and
``Span.ents`` likewise walk every token and build a Span for every entity of
the article, however small the span asked about.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from spacy.tokens import Doc, Span

# Keyed weakly: the text lives as long as its Doc and keeps no Doc alive (so the
# entities are kept as numbers, not Spans, which would hold on to their Doc).
_TEXTS: WeakKeyDictionary[Doc, str] = WeakKeyDictionary()
_Entity = tuple[int, int, int, int, int]  # start, end, label, kb_id, id
_ENTITIES: WeakKeyDictionary[Doc, tuple[_Entity, ...]] = WeakKeyDictionary()


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc (a Doc's text never changes once it is parsed)."""
    text = _TEXTS.get(doc)
    if text is None:
        text = doc.text
        _TEXTS[doc] = text
    return text


def span_text(span: Span) -> str:
    """``span.text``, cut from the Doc's text read once (``Span.text`` joins its tokens)."""
    return doc_text(span.doc)[span.start_char : span.end_char]


def lower_text(span: Span) -> str:
    """The span's text in lower case: a cheap first test of whether a sentence holds a word
    at all, before its tokens are walked."""
    return span_text(span).lower()


def entities(span: Span) -> list[Span]:
    """``span.ents``: the named entities wholly inside a span (or a whole Doc's ``doc[:]``),
    in text order, with the labels, knowledge-base and entity ids ``Doc.ents`` gives."""
    doc = span.doc
    found = _ENTITIES.get(doc)
    if found is None:
        found = tuple((e.start, e.end, e.label, e.kb_id, e.id) for e in doc.ents)
        _ENTITIES[doc] = found
    first, last = span.start, span.end
    return [
        Span(doc, start, end, label=label, kb_id=kb_id, span_id=ent_id)
        for start, end, label, kb_id, ent_id in found
        if first <= start and end <= last
    ]
