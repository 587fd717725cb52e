"""Builds Evidence records from spans of a parsed article."""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span, Token

from eventscope.records import Evidence


def _sentence_starts(doc: Doc) -> list[int]:
    starts = doc.user_data.get("eventscope.sentence_starts")
    if starts is None:
        starts = [sent.start for sent in doc.sents]
        doc.user_data["eventscope.sentence_starts"] = starts
    return list(starts)


def sentence_index(token: Token) -> int:
    """The position of the token's sentence in its document, counting from 0."""
    return bisect_right(_sentence_starts(token.doc), token.i) - 1


def evidence_for(article_id: str, span: Span | Token) -> Evidence:
    """Evidence for a token or span: its offsets, its sentence and the sentence's index."""
    if isinstance(span, Token):
        first, start, end = span, span.idx, span.idx + len(span.text)
    else:
        first, start, end = span[0], span.start_char, span.end_char
    sent = first.sent
    return Evidence(
        article_id=article_id,
        sentence_index=sentence_index(first),
        start=start,
        end=end,
        sentence_start=sent.start_char,
        sentence_end=sent.end_char,
        text=span.text,
    )


def sentence_evidence(article_id: str, token: Token) -> Evidence:
    """Evidence spanning the whole sentence a token is in, without its trailing space."""
    sent = token.sent
    text = sent.text.rstrip()
    return Evidence(
        article_id=article_id,
        sentence_index=sentence_index(token),
        start=sent.start_char,
        end=sent.start_char + len(text),
        sentence_start=sent.start_char,
        sentence_end=sent.end_char,
        text=text,
    )
