"""Looks up named organisations (armed groups, parties, international bodies) by alias.

The table ships as ``eventscope/data/organisations.toml``; the ``organisations``
setting names a user file of the same shape whose entries add to it or replace
shipped ones of the same name. Matching ignores case, hyphens, dots and
apostrophes, and prefers the longest alias inside a phrase ("Islamic State West
Africa Province" over "Islamic State"). An alias written in capitals is an
acronym: it matches only text that is not all lower case ("UN", never "un").
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from eventscope.errors import ConfigError
from eventscope.records import ActorKind

SHIPPED = "organisations.toml"
_WORD = re.compile(r"\w+(?:['’‘]\w+)*")
_ISO3 = re.compile(r"[A-Z]{3}")
OPPONENT_PREFIXES = ("anti-", "anti ", "counter-", "non-")


@dataclass(frozen=True)
class Organisation:
    """One named organisation: its canonical name, how news writes it, what it is."""

    name: str
    kind: ActorKind
    aliases: tuple[str, ...] = ()
    country: str | None = None  # home country, ISO 3166-1 alpha-3
    sponsor: str | None = None  # a state reported to arm or fund it, ISO3


@dataclass(frozen=True)
class Match:
    """An organisation found in a text, with the character span of the words that named it."""

    organisation: Organisation
    start: int
    end: int


def _key(text: str) -> tuple[str, ...]:
    return tuple(w.group().lower().replace("'", "").replace("’", "").replace("‘", "") for w in _WORD.finditer(text))


def _is_acronym(alias: str) -> bool:
    return not any(c.islower() for c in alias)


@dataclass(frozen=True)
class Organisations:
    """The organisation table, indexed by the words of each alias."""

    by_key: Mapping[tuple[str, ...], tuple[Organisation, bool]]  # bool: an acronym
    longest: int

    def find(self, text: str) -> Match | None:
        """The organisation named by the longest alias inside ``text`` (the first on ties)."""
        words = list(_WORD.finditer(text))
        keys = _key(text)
        for size in range(min(self.longest, len(words)), 0, -1):
            for first in range(len(words) - size + 1):
                match = self._match(text, words, keys, first, size)
                if match is not None:
                    return match
        return None

    def find_all(self, text: str) -> list[Match]:
        """Every organisation named in ``text``, left to right, each by its longest alias."""
        words = list(_WORD.finditer(text))
        keys = _key(text)
        found: list[Match] = []
        first = 0
        while first < len(words):
            for size in range(min(self.longest, len(words) - first), 0, -1):
                match = self._match(text, words, keys, first, size)
                if match is not None:
                    found.append(match)
                    first += size
                    break
            else:
                first += 1
        return found

    def _match(
        self, text: str, words: list[re.Match[str]], keys: tuple[str, ...], first: int, size: int
    ) -> Match | None:
        entry = self.by_key.get(keys[first : first + size])
        if entry is None:
            return None
        organisation, acronym = entry
        start, end = words[first].start(), words[first + size - 1].end()
        if acronym and text[start:end].islower():
            return None
        if text[:start].lower().endswith(OPPONENT_PREFIXES):
            return None  # "anti-Houthi forces" are the Houthis' enemies
        return Match(organisation, start, end)

    def __len__(self) -> int:
        return len({organisation.name for organisation, _ in self.by_key.values()})


def index(organisations: Iterable[Organisation]) -> Organisations:
    """The lookup table for ``organisations``; a later entry's aliases win over earlier ones."""
    by_key: dict[tuple[str, ...], tuple[Organisation, bool]] = {}
    for organisation in organisations:
        for alias in (organisation.name, *organisation.aliases):
            key = _key(alias)
            if key:
                by_key[key] = (organisation, _is_acronym(alias))
    return Organisations(by_key, max((len(k) for k in by_key), default=0))


def parse(data: Mapping[str, object], source: str) -> list[Organisation]:
    """The ``[[organisation]]`` entries of a parsed TOML file; ConfigError ES204 names a bad one."""

    def bad(detail: str) -> ConfigError:
        return ConfigError("ES204", source, detail=detail)

    entries = data.get("organisation", [])
    if not isinstance(entries, list):
        raise bad("'organisation' must be an array of tables ([[organisation]])")
    kinds = {kind.value: kind for kind in ActorKind}
    parsed = []
    for number, entry in enumerate(entries, 1):
        where = f"entry {number}"
        if not isinstance(entry, dict):
            raise bad(f"{where} is not a table")
        unknown = set(entry) - {"name", "aliases", "kind", "country", "sponsor"}
        if unknown:
            raise bad(f"{where} has unknown keys {sorted(unknown)}")
        name = entry.get("name")
        if not isinstance(name, str) or not _key(name):
            raise bad(f"{where} needs a name")
        aliases = entry.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise bad(f"{name!r}: aliases must be a list of strings")
        kind = entry.get("kind")
        if kind not in kinds:
            raise bad(f"{name!r}: kind {kind!r} is not one of {', '.join(kinds)}")
        codes: dict[str, str | None] = {}
        for field in ("country", "sponsor"):
            code = entry.get(field)
            if code is not None and not (isinstance(code, str) and _ISO3.fullmatch(code)):
                raise bad(f"{name!r}: {field} {code!r} is not an ISO3 code such as IRQ")
            codes[field] = code
        parsed.append(
            Organisation(name, kinds[str(kind)], tuple(aliases), codes["country"], codes["sponsor"])
        )
    return parsed


def _read(text: str, source: str) -> list[Organisation]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError("ES204", source, detail=f"not TOML: {exc}") from None
    return parse(data, source)


def merge(shipped: Iterable[Organisation], user: Iterable[Organisation]) -> list[Organisation]:
    """Shipped entries, with a user entry replacing the shipped one of the same name."""
    by_name = {o.name.lower(): o for o in shipped}
    added = list(user)
    for organisation in added:
        by_name.pop(organisation.name.lower(), None)
    return [*by_name.values(), *added]


@functools.cache
def load_organisations(user_file: str = "") -> Organisations:
    """The shipped table plus ``user_file`` (when given), read once per process."""
    shipped = _read((resources.files("eventscope") / "data" / SHIPPED).read_text("utf-8"), SHIPPED)
    if not user_file:
        return index(shipped)
    try:
        text = Path(user_file).read_text("utf-8")
    except OSError as exc:
        raise ConfigError("ES204", user_file, detail=f"cannot read it ({exc.strerror})") from None
    return index(merge(shipped, _read(text, user_file)))

