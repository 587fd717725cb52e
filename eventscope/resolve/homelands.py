"""Finds names that say a country: ethnic communities and clans ("Pokot raiders", "the
Kikuyus") and national political figures ("Kibaki's re-election").

Two tables ship with the same shape: ``eventscope/data/communities.toml`` (each
community's name, other spellings and the country where most of it lives) and
``eventscope/data/leaders.toml`` (heads of state and government and national
opposition leaders, with their country). A community tells two things an article
may not say otherwise: the country of a story that names no place ("Pokot raiders
attacked herders": Kenya), and who an armed group is ("Pokot raiders" are the Pokot
Ethnic Militia, in ACLED's words). A leader tells only the country ("riots after
Kibaki was declared winner": Kenya).

Names match whole words with their capitals, singular or with an "s" (a plural,
"Kikuyus", or a possessive whose apostrophe was lost, "Kibakis"); a word inside a
longer person's name ("Karen Smith"), or a name that is also a common word opening
a sentence as one ("Fur traders"), does not match.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources

from spacy.tokens import Span, Token

from eventscope.nlp.text import span_text

COMMUNITIES = "communities.toml"
LEADERS = "leaders.toml"
_CAPITALISED = re.compile(r"[A-Z]\w*")  # the words a name can start with, as they are written


@dataclass(frozen=True)
class Named:
    """A community, clan or national figure and the country it says."""

    name: str
    country: str  # ISO 3166-1 alpha-3
    aliases: tuple[str, ...] = ()
    common_word: bool = False  # also an English word or first name: "Fur", "Karen"


@dataclass(frozen=True)
class NameTable:
    """A table of names, indexed by the words of each name and alias."""

    by_words: dict[tuple[str, ...], Named]
    longest: int = field(init=False)  # the most words a name has
    first_words: frozenset[str] = field(init=False)  # the first word of every name, as written

    def __post_init__(self) -> None:
        object.__setattr__(self, "longest", max((len(words) for words in self.by_words), default=1))
        object.__setattr__(self, "first_words", frozenset(words[0] for words in self.by_words))

    def _may_start(self, word: str) -> bool:
        """Whether a name starts with ``word``, or with it less a plural "s" ("Pokots"):
        most capitalised words start none, and are told apart without building spans."""
        return word in self.first_words or word[:-1] in self.first_words

    def at(self, token: Token) -> tuple[Named, Span] | None:
        """The entry whose name starts at ``token``, with the words that name it."""
        if not token.text[:1].isupper() or not self._may_start(token.text):
            return None
        doc = token.doc
        for size in range(min(self.longest, len(doc) - token.i), 0, -1):
            words = doc[token.i : token.i + size]
            key = tuple(t.text for t in words)
            found = self.by_words.get(key) or self.by_words.get((*key[:-1], key[-1].removesuffix("s")))
            if found is None:
                continue
            if _in_longer_name(words):
                return None  # "Karen Smith", "Luo Yang": part of a person's name
            if found.common_word and token.is_sent_start and token.pos_ != "PROPN":
                return None  # "Fur traders ...": a common word, capitalised by its place
            return found, words
        return None

    def find_all(self, span: Span) -> Iterator[tuple[Named, Span]]:
        """Every entry named in ``span``, in text order."""
        if not any(self._may_start(word) for word in _CAPITALISED.findall(span_text(span))):
            return  # read from the text: most spans name no one, and need no walk over their tokens
        i = span.start
        while i < span.end:
            found = self.at(span.doc[i])
            if found is not None and found[1].end <= span.end:
                yield found
                i = found[1].end
            else:
                i += 1


def _in_longer_name(words: Span) -> bool:
    """Whether ``words`` lie inside a longer name of a person."""
    doc = words.doc
    if words.root.ent_type_ != "PERSON":
        return False
    before = words.start > 0 and doc[words.start].ent_iob_ == "I"
    after = words.end < len(doc) and doc[words.end].ent_iob_ == "I"
    return before or after


def parse(data: dict[str, object], key: str) -> list[Named]:
    """The entries (``[[key]]``) of a table read from TOML."""
    entries = data.get(key, [])
    assert isinstance(entries, list)
    return [
        Named(
            entry["name"], entry["country"], tuple(entry.get("aliases", ())), bool(entry.get("common_word", False))
        )
        for entry in entries
    ]


def index(entries: list[Named]) -> NameTable:
    """The table indexed by the words of every name and alias."""
    return NameTable({tuple(alias.split()): entry for entry in entries for alias in (entry.name, *entry.aliases)})


def _shipped(file: str, key: str) -> NameTable:
    text = (resources.files("eventscope") / "data" / file).read_text("utf-8")
    return index(parse(tomllib.loads(text), key))


@functools.cache
def load_communities() -> NameTable:
    """The shipped community table, read once per process."""
    return _shipped(COMMUNITIES, "community")


@functools.cache
def load_leaders() -> NameTable:
    """The shipped table of national political figures, read once per process."""
    return _shipped(LEADERS, "leader")
