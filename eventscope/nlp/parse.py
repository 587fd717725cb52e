"""Parses article bodies in batches: the only place eventscope runs spaCy."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from spacy.language import Language
from spacy.tokens import Doc

from eventscope.records import Article

# Articles parsed in one spaCy memory zone: the strings spaCy adds to its vocabulary
# for them (each new word, its lemma) are dropped when the next zone begins.
ZONE_ARTICLES = 256


def parse_articles(
    nlp: Language, articles: Iterable[Article], batch_size: int = 16
) -> Iterator[tuple[Article, Doc]]:
    """Yield each article with its parsed body, streaming in ``nlp.pipe`` batches.

    A Doc may be used until the next one is asked for, not after. Parsing adds every
    new word to the model's vocabulary, for the life of the process: about 0.5 MiB
    per 1,000 news articles, a leak over a long ``watch`` or ``serve``. So articles
    are parsed ``ZONE_ARTICLES`` at a time in a memory zone (``Language.memory_zone``),
    which forgets those words when it closes; what eventscope keeps of a Doc is plain
    Python (records of str and int), never spaCy objects.
    """
    iterator = iter(articles)
    while chunk := list(islice(iterator, ZONE_ARTICLES)):
        with nlp.memory_zone():
            pairs = ((article.text, article) for article in chunk)
            for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
                yield article, doc
