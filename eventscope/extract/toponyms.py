"""Finds every place name in an article and resolves it, events or not.

Candidates are the model's GPE, LOC and FAC entities plus curated landmarks it
missed; a place used as an owner or sponsor ("US troops", "Iran-backed") is
still a toponym here, since geoparsing scores every mention.
"""

from __future__ import annotations

from spacy.tokens import Doc

from eventscope.records import Article, Place
from eventscope.resolve.gazetteer import Gazetteer
from eventscope.resolve.places import place_context, resolve_place

TOPONYM_LABELS = frozenset({"GPE", "LOC", "FAC"})


def extract_toponyms(
    article: Article, doc: Doc, gazetteer: Gazetteer
) -> list[Place]:
    """Every toponym in the article, resolved, in text order."""
    context = place_context(doc, gazetteer)
    return [
        resolve_place(article.article_id, ent, gazetteer, context)
        for ent in doc.ents
        if ent.label_ in TOPONYM_LABELS
    ]
