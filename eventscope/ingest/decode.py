"""Turns the bytes of an input file into text, refusing what is not UTF-8 text."""

from __future__ import annotations

import codecs

from eventscope.errors import InputError

_SAMPLE_BYTES = 8192
_CONTROL_BYTES = frozenset(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D, 0x1B} | {0x7F}
MAX_CONTROL_SHARE = 0.05  # more control bytes than this in the sample: binary
# The longest article eventscope parses. News articles run to tens of thousands of
# characters; the parser's memory grows with the text, and spaCy refuses 1,000,000.
MAX_ARTICLE_CHARS = 500_000
MAX_HIGH_SHARE = 0.30  # not UTF-8 and more bytes >= 0x80 than this: binary, not Latin-1

_UNICODE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_bytes(data: bytes, subject: str) -> str:
    """The text of a file's bytes: UTF-8, or UTF-8/16/32 after a byte-order mark.

    Raises InputError ES103 when there is no text, ES105 when the bytes look
    binary (NUL bytes or many control bytes), ES106 when they are not UTF-8.
    """
    if not data.strip():
        raise InputError("ES103", subject)
    encoding = next((name for bom, name in _UNICODE_BOMS if data.startswith(bom)), None)
    encoding = encoding or _bomless_utf16(data)
    if encoding is None or encoding == "utf-8-sig":
        _refuse_binary(data, subject)
    try:
        text = data.decode(encoding or "utf-8")
    except UnicodeDecodeError as exc:
        if encoding is None and _high_share(data) > MAX_HIGH_SHARE:
            raise InputError("ES105", subject) from None
        raise InputError("ES106", subject, detail=_where(data, exc)) from None
    if "\x00" in text:
        raise InputError("ES105", subject)
    if not text.strip():
        raise InputError("ES103", subject)
    return text


def check_length(text: str, subject: str, *, article_id: str | None = None) -> str:
    """The text, or ES127 when it is longer than one article eventscope will parse."""
    if len(text) > MAX_ARTICLE_CHARS:
        raise InputError(
            "ES127", subject, article_id=article_id, size=f"{len(text):,} characters",
            limit=MAX_ARTICLE_CHARS,
        )
    return text


def check_text(text: str, subject: str) -> str:
    """The same checks for text that arrives already decoded (standard input)."""
    if not text.strip():
        raise InputError("ES103", subject)
    sample = text[:_SAMPLE_BYTES]
    controls = sum(1 for char in sample if ord(char) in _CONTROL_BYTES)
    if "\x00" in text or controls > MAX_CONTROL_SHARE * len(sample):
        raise InputError("ES105", subject)
    return text.removeprefix("\ufeff")


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 written without a byte-order mark: text in the Latin range has a zero in
    every other byte, which neither UTF-8 text nor a binary file shows."""
    sample = data[: _SAMPLE_BYTES - _SAMPLE_BYTES % 2]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) >= 0.9 * len(odd) and even.count(0) <= 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) >= 0.9 * len(even) and odd.count(0) <= 0.1 * len(odd):
        return "utf-16-be"
    return None


def _refuse_binary(data: bytes, subject: str) -> None:
    sample = data[:_SAMPLE_BYTES]
    controls = sum(1 for byte in sample if byte in _CONTROL_BYTES)
    if b"\x00" in data or controls > MAX_CONTROL_SHARE * len(sample):
        raise InputError("ES105", subject)


def _high_share(data: bytes) -> float:
    sample = data[:_SAMPLE_BYTES]
    return sum(1 for byte in sample if byte >= 0x80) / len(sample)


def _where(data: bytes, exc: UnicodeDecodeError) -> str:
    line = data.count(b"\n", 0, exc.start) + 1
    column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
    return f"byte 0x{data[exc.start]:02x} at line {line}, column {column}"
