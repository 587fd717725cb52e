"""Gives an article a stable id from its body text alone."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_LINE_BREAKS = re.compile(r"\r\n|[\r\x85\u2028\u2029]")
_HORIZONTAL_SPACE = re.compile(r"[^\S\n]+")
_SPACE_AROUND_NEWLINE = re.compile(r" ?\n ?")
_BLANK_LINES = re.compile(r"\n{3,}")

ID_LENGTH = 16


def normalize_text(text: str) -> str:
    """The text in one canonical form: NFKC, ``\\n`` line ends, single spaces, at most
    one blank line in a row, nothing leading or trailing.

    Paragraphs stay apart (``\\n\\n``) and lines stay lines (``\\n``), so the
    result is still readable and is what ``Article.text`` holds.
    """
    text = unicodedata.normalize("NFKC", text)
    text = _LINE_BREAKS.sub("\n", text)
    text = _HORIZONTAL_SPACE.sub(" ", text)
    text = _SPACE_AROUND_NEWLINE.sub("\n", text)
    text = _BLANK_LINES.sub("\n\n", text)
    return text.strip()


def article_id(text: str) -> str:
    """The first 16 hex digits of the SHA-256 of the normalized body text.

    Only the body counts: the same story read from two files, with different
    titles or metadata, gets the same id.
    """
    digest = hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()
    return digest[:ID_LENGTH]
