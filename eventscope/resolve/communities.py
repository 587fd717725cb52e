"""Finds ethnic communities and clans named in a text ("Pokot raiders", "the Kikuyus").

The table ships as ``eventscope/data/communities.toml``: each community's name,
its other spellings and the country where most of it lives. A community tells
two things an article may not say otherwise: the country of a story that names
no place ("Pokot raiders attacked herders": Kenya), and who an armed group is
("Pokot raiders" are the Pokot Ethnic Militia, in ACLED's words).

Names match whole words with their capitals, singular or with a plural "s"; a
word inside a longer person's name ("Karen Smith"), or a name that is also a common
word opening a sentence as one ("Fur traders"), is no community.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources

from spacy.tokens import Span, Token

SHIPPED = "communities.toml"


@dataclass(frozen=True)
class Community:
    """One ethnic community or clan and the country where most of it lives."""

    name: str
    country: str  # ISO 3166-1 alpha-3
    aliases: tuple[str, ...] = ()
    common_word: bool = False  # also an English word or first name: "Fur", "Karen"


@dataclass(frozen=True)
class Communities:
    """The community table, indexed by the words of each name and alias."""

    by_words: dict[tuple[str, ...], Community]
    longest: int

    def at(self, token: Token) -> tuple[Community, Span] | None:
        """The community whose name starts at ``token``, with the words that name it."""
        if not token.text[:1].isupper():
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

    def find_all(self, span: Span) -> Iterator[tuple[Community, Span]]:
        """Every community named in ``span``, in text order."""
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


def parse(data: dict[str, object]) -> list[Community]:
    """The communities of a table read from TOML."""
    entries = data.get("community", [])
    assert isinstance(entries, list)
    return [
        Community(
            entry["name"], entry["country"], tuple(entry.get("aliases", ())), bool(entry.get("common_word", False))
        )
        for entry in entries
    ]


def index(communities: list[Community]) -> Communities:
    """The table indexed by the words of every name and alias."""
    by_words = {
        tuple(alias.split()): community
        for community in communities
        for alias in (community.name, *community.aliases)
    }
    return Communities(by_words, max((len(words) for words in by_words), default=1))


@functools.cache
def load_communities() -> Communities:
    """The shipped table, read once per process."""
    text = (resources.files("eventscope") / "data" / SHIPPED).read_text("utf-8")
    return index(parse(tomllib.loads(text)))
