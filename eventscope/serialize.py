"""Converts records to JSON-ready values and back, with one naming for every format."""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from enum import Enum
from typing import Any, TypeVar

T = TypeVar("T")


def to_jsonable(value: Any) -> Any:
    """A record (or anything inside one) as plain JSON types."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    return value


def _convert(kind: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(kind) if a is not type(None)]
        return _convert(options[0], value)
    if origin is tuple:
        inner = typing.get_args(kind)[0]
        return tuple(_convert(inner, v) for v in value)
    if isinstance(kind, type):
        if dataclasses.is_dataclass(kind):
            return from_jsonable(kind, value)
        if issubclass(kind, Enum):
            return kind(value)
        if kind is dt.date:
            return dt.date.fromisoformat(value)
        if kind is float:
            return float(value)
    return value


def from_jsonable(cls: type[T], data: dict[str, Any]) -> T:
    """Rebuild a record of type ``cls`` from what ``to_jsonable`` made of it."""
    hints = typing.get_type_hints(cls)
    names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    values = {k: _convert(hints[k], v) for k, v in data.items() if k in names}
    return cls(**values)
