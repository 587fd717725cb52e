"""Guesses an input's format from its first characters."""

from __future__ import annotations

import re

_HEAD_CHARS = 4096
_PREAMBLE = re.compile(
    r"\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>)", re.DOTALL | re.IGNORECASE
)
_HTML_DOCTYPE = re.compile(r"\s*<!DOCTYPE\s+html\b", re.IGNORECASE)
_FIRST_TAG = re.compile(r"\s*<([A-Za-z][\w:.-]*)")
_FEED_ROOTS = frozenset({"rss", "feed", "rdf:rdf", "rdf"})
_HTML_TAGS = frozenset(
    {"html", "head", "body", "article", "main", "div", "p", "section", "meta", "title", "h1"}
)


def markup_kind(text: str) -> str | None:
    """``'feed'`` or ``'html'`` from the first element of a markup text, else ``None``."""
    head = text[:_HEAD_CHARS].lstrip("\ufeff")
    while (preamble := _PREAMBLE.match(head)) is not None:
        if _HTML_DOCTYPE.match(preamble.group(0)):
            return "html"
        head = head[preamble.end() :]
    match = _FIRST_TAG.match(head)
    if match is None:
        return None
    tag = match.group(1).lower()
    if tag in _FEED_ROOTS:
        return "feed"
    if tag in _HTML_TAGS:
        return "html"
    return None


def sniff_format(text: str) -> str:
    """The format of a text whose file name says nothing: ``jsonl``, ``feed``, ``html``
    or ``text``.

    A JSON object first means JSON Lines; markup whose first element is ``rss``,
    ``feed`` or ``rdf:RDF`` a feed; markup starting like a web page HTML;
    anything else plain text.
    """
    head = text[:_HEAD_CHARS].lstrip("\ufeff").lstrip()
    if head.startswith("{"):
        return "jsonl"
    if head.startswith("<"):
        return markup_kind(head) or "text"
    return "text"
