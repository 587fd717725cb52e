"""Parses the plain-text article format: a title, metadata lines, ``-----``, the body.

The form::

    Police disperse march in Tbilisi
    published: 2024-04-15
    outlet: Caucasus Wire
    -----
    Body text...

Metadata keys (any case) are ``published``, ``outlet``, ``url`` and ``language``.
A file with no ``-----`` line is all body, with no title. The title may also be
left out of a header: one that starts with a metadata line has none.
"""

from __future__ import annotations

import re

from eventscope.errors import InputError
from eventscope.ingest.identity import article_id, normalize_text
from eventscope.ingest.published import parse_day
from eventscope.records import Article

METADATA_KEYS = ("published", "outlet", "url", "language")

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_DASHES = re.compile(r"\s*-{3,}\s*")
_METADATA = re.compile(r"\s*([A-Za-z][\w-]*)\s*:\s*(.*?)\s*")


def parse_text(content: str, origin: str) -> Article:
    """One Article from the text of a plain-text file; ``origin`` names the file.

    Raises InputError: ES103 (no text), ES104 (nothing after ``-----``),
    ES115 (a header line that is not ``key: value``), ES116 (unknown key),
    ES117 (a key given twice), ES109 (published is not YYYY-MM-DD).
    """
    if not content.strip():
        raise InputError("ES103", origin)
    lines = _LINE_BREAK.split(content)
    dashes = next((i for i, line in enumerate(lines) if _DASHES.fullmatch(line)), None)
    if dashes is None:
        text = normalize_text(content)
        return Article(article_id=article_id(text), text=text, origin=origin)
    body = "\n".join(lines[dashes + 1 :])
    if not body.strip():
        raise InputError("ES104", origin)
    title: str | None = None
    metadata: dict[str, str] = {}
    for number, line in enumerate(lines[:dashes], start=1):
        if not line.strip():
            continue
        if title is None and not metadata and not _is_metadata(line):
            title = normalize_text(line)
            continue
        key, value = _metadata_line(line, number, origin)
        if key in metadata:
            raise InputError("ES117", origin, line=number, key=key)
        metadata[key] = value
    published = None
    if metadata.get("published"):
        published = parse_day(metadata["published"])
        if published is None:
            raise InputError("ES109", origin, value=metadata["published"])
    text = normalize_text(body)
    return Article(
        article_id=article_id(text),
        text=text,
        title=title,
        url=metadata.get("url") or None,
        outlet=metadata.get("outlet") or None,
        published=published,
        language=metadata.get("language") or None,
        origin=origin,
    )


def _metadata_line(line: str, number: int, origin: str) -> tuple[str, str]:
    match = _METADATA.fullmatch(line)
    if match is None:
        raise InputError("ES115", origin, line=number, text=_shorten(line.strip()))
    key = match.group(1).lower()
    if key not in METADATA_KEYS:
        raise InputError(
            "ES116", origin, line=number, key=match.group(1), known=", ".join(METADATA_KEYS)
        )
    return key, normalize_text(match.group(2))


def _is_metadata(line: str) -> bool:
    match = _METADATA.fullmatch(line)
    return match is not None and match.group(1).lower() in METADATA_KEYS


def _shorten(line: str, limit: int = 60) -> str:
    return line if len(line) <= limit else line[: limit - 1] + "\u2026"
