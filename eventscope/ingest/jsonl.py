"""Parses JSON Lines: one article object per line."""

from __future__ import annotations

import json
import re

from eventscope.errors import InputError
from eventscope.ingest.identity import article_id, normalize_text
from eventscope.ingest.published import parse_day_or_datetime
from eventscope.records import Article

TEXT_FIELDS = ("title", "url", "outlet", "language")

# Only "\n" ends a JSON line: U+2028 and friends may appear raw inside strings.
_LINE_END = re.compile(r"\r?\n")


def parse_jsonl(content: str, origin: str) -> list[Article | InputError]:
    """One Article per non-blank line, or an InputError for a line that is wrong.

    Each object needs a non-empty string ``text``; ``title``, ``url``, ``outlet``
    and ``language`` are optional strings, ``published`` an optional YYYY-MM-DD
    or ISO datetime. ``id`` and unknown keys are ignored: the id always comes
    from the text. An Article's origin is ``origin:LINE``. A bad line does not
    stop the others: it becomes ES107, ES108, ES114, ES118 or ES119, with
    ``origin`` as the subject and the line number in the message.
    """
    results: list[Article | InputError] = []
    for number, line in enumerate(_LINE_END.split(content), start=1):
        if not line.strip():
            continue
        try:
            results.append(parse_line(line, number, origin))
        except InputError as error:
            results.append(error)
    return results


def json_object(line: str, number: int, origin: str) -> dict[str, object]:
    """The JSON object on line ``number`` of ``origin``, or ES107/ES114 naming the line."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(
            "ES107", origin, line=number, detail=f"column {exc.colno}: {exc.msg}"
        ) from None
    except RecursionError:
        raise InputError("ES107", origin, line=number, detail="nested too deeply") from None
    if not isinstance(record, dict):
        raise InputError("ES114", origin, line=number, kind=_kind(record))
    return record


def parse_line(line: str, number: int, origin: str) -> Article:
    """The Article on line ``number`` of the JSON Lines file ``origin``."""
    record = json_object(line, number, origin)
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError("ES108", origin, line=number)
    fields: dict[str, str | None] = {}
    for name in TEXT_FIELDS:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            raise InputError("ES119", origin, line=number, field=name, kind=_kind(value))
        fields[name] = (normalize_text(value) or None) if isinstance(value, str) else None
    raw_published = record.get("published")
    published = None
    if raw_published is not None and raw_published != "":
        if isinstance(raw_published, str):
            published = parse_day_or_datetime(raw_published)
        if published is None:
            raise InputError("ES118", origin, line=number, value=raw_published)
    body = normalize_text(text)
    return Article(
        article_id=article_id(body),
        text=body,
        title=fields["title"],
        url=fields["url"],
        outlet=fields["outlet"],
        published=published,
        language=fields["language"],
        origin=f"{origin}:{number}",
    )


def _kind(value: object) -> str:
    kinds = {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}
    for python_type, name in kinds.items():
        if isinstance(value, python_type):
            return name
    if value is None:
        return "null"
    return "a number"
