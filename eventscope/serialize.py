"""Converts records to JSON-ready values and back, with one naming for every format."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import types
import typing
from collections.abc import Callable
from enum import Enum
from typing import Any, TypeVar

T = TypeVar("T")


def to_jsonable(value: Any) -> Any:
    """A record (or anything inside one) as plain JSON types."""
    kind: type = type(value)
    if kind in _PLAIN:
        return value
    return _dumper(kind)(value)


_PLAIN = frozenset({str, int, float, bool, type(None)})


@functools.cache
def _dumper(kind: type) -> Callable[[Any], Any]:
    """The function that makes values of type ``kind`` JSON-ready, built once per type (a
    record's field names are looked up once, not on every value)."""
    if dataclasses.is_dataclass(kind):
        names = tuple(f.name for f in dataclasses.fields(kind))
        return lambda value: {name: to_jsonable(getattr(value, name)) for name in names}
    if issubclass(kind, Enum):
        return lambda value: value.value
    if issubclass(kind, dt.date):
        return lambda value: value.isoformat()
    if issubclass(kind, (list, tuple)):
        return lambda value: [to_jsonable(v) for v in value]
    return lambda value: value


Converter = Callable[[Any], Any]


@functools.cache
def _converter(kind: Any) -> Converter | None:
    """The function that turns JSON of type ``kind`` back into Python, built once per
    type; None when the JSON value is already the value. Converters take no None:
    ``from_jsonable`` keeps a None as it is."""
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(kind) if a is not type(None)]
        return _converter(options[0])
    if origin is tuple:
        item = _converter(typing.get_args(kind)[0])
        if item is None:
            return tuple
        return lambda value: tuple([item(v) for v in value])
    if isinstance(kind, type):
        if dataclasses.is_dataclass(kind):
            record = kind
            return lambda value: from_jsonable(record, value)
        if issubclass(kind, Enum):
            return kind
        if kind is dt.date:
            return dt.date.fromisoformat
        if kind is float:
            return float
    return None


@functools.cache
def _fields(cls: type) -> tuple[frozenset[str], tuple[tuple[str, Converter], ...]]:
    """A record class's field names, and the converter of each field that has one
    (resolving type hints is slow: done once)."""
    hints = typing.get_type_hints(cls)
    names = frozenset(f.name for f in dataclasses.fields(cls) if f.init)
    converters = tuple(
        (name, converter) for name in sorted(names) if (converter := _converter(hints[name])) is not None
    )
    return names, converters


def from_jsonable(cls: type[T], data: dict[str, Any]) -> T:
    """Rebuild a record of type ``cls`` from what ``to_jsonable`` made of it."""
    names, converters = _fields(cls)  # type: ignore[arg-type]  # classes are hashable
    values = {k: v for k, v in data.items() if k in names}
    for name, convert in converters:
        value = values.get(name)
        if value is not None:
            values[name] = convert(value)
    return cls(**values)
