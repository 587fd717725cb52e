"""Reads articles from files, folders and standard input: the one place ingest touches I/O."""

from __future__ import annotations

import dataclasses
import datetime as dt
import gzip
import io
import os
import sys
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TextIO

from eventscope.errors import InputError
from eventscope.ingest.decode import MAX_ARTICLE_CHARS, check_length, check_text, decode_bytes
from eventscope.ingest.feed import parse_feed
from eventscope.ingest.html import parse_html
from eventscope.ingest.jsonl import parse_jsonl
from eventscope.ingest.language import require_english
from eventscope.ingest.sniff import markup_kind, sniff_format
from eventscope.ingest.text import parse_text
from eventscope.records import Article

STDIN = "-"
STDIN_SUBJECT = "<stdin>"

#: File name endings and the format each one is read as.
FORMATS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".html": "html",
    ".htm": "html",
    ".xml": "feed",  # or html: the content decides
    ".rss": "feed",
    ".atom": "feed",
}
COMPRESSED = ".gz"
MAX_DECOMPRESSED_MIB = 512

Parsed = list[Article | InputError]
_PARSERS: dict[str, Callable[[str, str], Parsed]] = {
    "text": lambda content, origin: [parse_text(content, origin)],
    "jsonl": parse_jsonl,
    "html": lambda content, origin: [parse_html(content, origin)],
    "feed": parse_feed,
}


def read_articles(
    path: str | Path,
    *,
    published: dt.date | None = None,
    min_english: float = 0.5,
    stdin: TextIO | None = None,
) -> Iterator[Article | InputError]:
    """Every article in a file, a folder (recursively) or standard input (``"-"``).

    Yields Articles and, for each file, line or entry that cannot be read, an
    InputError naming it, so one bad file never stops a folder. The format
    comes from the file name (see ``FORMATS``; ``.gz`` after one of them is
    decompressed); standard input is sniffed. Hidden files and folders are
    skipped. An article's ``published`` is its source's own date, else the
    ``published`` given here, else ``None``; its ``language`` is the detected
    code, and articles that are not English (``min_english``) become ES110.
    """
    if str(path) == STDIN:
        stream = sys.stdin if stdin is None else stdin
        yield from _read_stdin(stream, published, min_english)
        return
    path = Path(path)
    try:
        exists = path.exists()
    except OSError as exc:
        yield InputError("ES123", str(path), detail=exc.strerror or str(exc))
        return
    if not exists:
        yield InputError("ES101", str(path))
        return
    if path.is_dir():
        yield from _read_folder(path, published, min_english)
        return
    yield from _read_file(path, published, min_english)


def read_upload(
    data: bytes, name: str, *, published: dt.date | None = None, min_english: float = 0.5
) -> Iterator[Article | InputError]:
    """Every article in one uploaded file's bytes; ``name`` is the file name it came with.

    The format comes from the name as for files on disk (``.gz`` decompressed
    first); a name without a known ending is sniffed from the content, as
    standard input is. Errors name the upload.
    """
    subject = name or "<upload>"
    path = Path(subject)
    try:
        if path.suffix.lower() == COMPRESSED:
            data = _gunzip(data, subject)
        content = decode_bytes(data, subject)
    except InputError as error:
        yield error
        return
    fmt = _content_format(path, content) or sniff_format(content)
    yield from _finish(fmt, content, subject, published, min_english)


def _content_format(path: Path, content: str) -> str | None:
    """The format the name says, except that an ``.xml`` file holding HTML is HTML."""
    if _base_suffix(path) == ".xml" and markup_kind(content) == "html":
        return "html"
    return input_format(path)


def input_format(path: Path) -> str | None:
    """The format a file name says (``'text'``, ``'jsonl'``, ``'html'``, ``'feed'``), or None."""
    return FORMATS.get(_base_suffix(path))


def _base_suffix(path: Path) -> str:
    """The name's ending before any ``.gz``, lower case: ``a.TXT.gz`` -> ``.txt``."""
    suffixes = [suffix.lower() for suffix in path.suffixes]
    if suffixes and suffixes[-1] == COMPRESSED:
        suffixes.pop()
    return suffixes[-1] if suffixes else ""


def _known() -> str:
    return ", ".join(FORMATS) + f" (optionally + {COMPRESSED})"


def _suffix(path: Path) -> str:
    suffixes = path.suffixes
    if len(suffixes) > 1 and suffixes[-1].lower() == COMPRESSED:
        return "".join(suffixes[-2:])
    return path.suffix


def _read_folder(
    folder: Path, published: dt.date | None, min_english: float
) -> Iterator[Article | InputError]:
    found = False
    for path in _walk(folder):
        if input_format(path) is None:  # README.md, notes.docx: reported, not failed
            yield InputError("ES126", str(path), suffix=_suffix(path) or "no extension")
            continue
        found = True
        yield from _read_file(path, published, min_english)
    if not found:
        yield InputError("ES124", str(folder), known=_known())


def _walk(folder: Path) -> Iterator[Path]:
    """The visible files under a folder, sorted, following links to folders once."""
    seen: set[str] = set()

    def visit(directory: Path) -> Iterator[Path]:
        real = os.path.realpath(directory)
        if real in seen:
            return
        seen.add(real)
        try:
            entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
        except OSError:
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            child = directory / entry.name
            if entry.is_dir():
                yield from visit(child)
            else:
                yield child

    yield from visit(folder)


def _read_file(
    path: Path, published: dt.date | None, min_english: float
) -> Iterator[Article | InputError]:
    subject = str(path)
    fmt = input_format(path)
    if fmt is None:
        yield InputError("ES102", subject, suffix=_suffix(path), known=_known())
        return
    try:
        data = _load(path)
        if fmt == "text" and len(data) > 4 * MAX_ARTICLE_CHARS:  # one article; <= 4 bytes a character
            raise InputError("ES127", subject, size=f"{len(data):,} bytes", limit=MAX_ARTICLE_CHARS)
        content = decode_bytes(data, subject)
    except InputError as error:
        yield error
        return
    yield from _finish(_content_format(path, content) or fmt, content, subject, published, min_english)


def _load(path: Path) -> bytes:
    subject = str(path)
    if not path.is_file():
        raise InputError("ES123", subject, detail="not a regular file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError("ES123", subject, detail=exc.strerror or str(exc)) from None
    if path.suffix.lower() == COMPRESSED:
        return _gunzip(data, subject)
    return data


def _gunzip(data: bytes, subject: str) -> bytes:
    limit = MAX_DECOMPRESSED_MIB * 1024 * 1024
    chunks: list[bytes] = []
    size = 0
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            while chunk := stream.read(1024 * 1024):
                size += len(chunk)
                if size > limit:
                    raise InputError("ES122", subject, limit=MAX_DECOMPRESSED_MIB)
                chunks.append(chunk)
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError("ES121", subject, detail=str(exc) or type(exc).__name__) from None
    return b"".join(chunks)


def _read_stdin(
    stream: TextIO, published: dt.date | None, min_english: float
) -> Iterator[Article | InputError]:
    try:
        buffer = getattr(stream, "buffer", None)
        if buffer is not None:
            content = decode_bytes(buffer.read(), STDIN_SUBJECT)
        else:
            content = check_text(stream.read(), STDIN_SUBJECT)
    except InputError as error:
        yield error
        return
    except UnicodeDecodeError as exc:
        yield InputError("ES106", STDIN_SUBJECT, detail=exc.reason)
        return
    yield from _finish(sniff_format(content), content, STDIN_SUBJECT, published, min_english)


def _finish(
    fmt: str, content: str, subject: str, published: dt.date | None, min_english: float
) -> Iterator[Article | InputError]:
    """Parse, then give each article its language and default publication date."""
    try:
        results = _PARSERS[fmt](content.removeprefix("\ufeff"), subject)
    except InputError as error:
        yield error
        return
    for result in results:
        if isinstance(result, InputError):
            yield result
            continue
        try:
            check_length(result.text, result.origin or subject, article_id=result.article_id)
            language = require_english(
                result.text,
                result.origin or subject,
                min_english=min_english,
                declared=result.language,
                article_id=result.article_id,
            )
        except InputError as error:
            yield error
            continue
        yield dataclasses.replace(
            result, language=language, published=result.published or published
        )
