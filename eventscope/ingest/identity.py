"""Gives an article a stable id from its body text alone."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_LINE_BREAKS = re.compile(r"\r\n|[\r\x85\u2028\u2029]")
_HORIZONTAL_SPACE = re.compile(r"[^\S\n]+")
_SPACE_AROUND_NEWLINE = re.compile(r" ?\n ?")
_BLANK_LINES = re.compile(r"\n{3,}")
# Invisible characters that only hide or reorder what a reader sees: control codes other
# than whitespace (an ESC would recolour a terminal printing a name), and format
# characters (bidirectional overrides, zero-width spaces, soft hyphens, byte-order
# marks). Zero-width joiners stay: they are part of how some names and emoji are written.
# Written out (a test checks it against unicodedata): Cc other than whitespace, and Cf
# other than the zero-width non-joiner and joiner.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\u00ad\u0600-\u0605\u061c\u06dd\u070f"
    "\u0890\u0891\u08e2\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f"
    "\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]"
)

ID_LENGTH = 16


def normalize_text(text: str) -> str:
    """The text in one canonical form: NFKC, no invisible control or format characters,
    ``\\n`` line ends, single spaces, at most one blank line in a row, nothing leading
    or trailing.

    Paragraphs stay apart (``\\n\\n``) and lines stay lines (``\\n``), so the
    result is still readable and is what ``Article.text`` holds.
    """
    text = unicodedata.normalize("NFKC", text)
    text = _INVISIBLE.sub("", text)
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
