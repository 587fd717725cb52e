"""Parses an RSS or Atom feed into one article per entry with feedparser."""

from __future__ import annotations

import datetime as dt
import email.utils
import io
import re
import time
from typing import Any

import feedparser
import lxml.html

from eventscope.errors import InputError
from eventscope.ingest.identity import article_id, normalize_text
from eventscope.ingest.published import parse_day_or_datetime
from eventscope.records import Article

# An internal DTD subset or an entity declaration is how "billion laughs" and
# external-entity attacks start; news feeds have no use for either.
_DANGEROUS_DTD = re.compile(r"<!ENTITY|<!DOCTYPE[^>\[]*\[", re.IGNORECASE)
_XML_ENCODING = re.compile(r"""^(\s*<\?xml[^>]*?\bencoding\s*=\s*)(["'])[^"']*\2""")
_BLOCK_TAGS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tr",
        "ul",
    }
)
_DROPPED_TAGS = frozenset({"script", "style", "noscript", "template"})


def parse_feed(content: str, origin: str) -> list[Article | InputError]:
    """One Article per feed entry with text, in feed order; origin ``origin#N``.

    Text is the entry's content, else its summary, as plain text; the feed's
    title is the outlet; the entry's link its URL; its published (else updated)
    date, as the feed writes it, its publication date. An entry without text
    becomes ES120 while others have text. Raises InputError ES112 for a feed
    that is malformed (or declares entities) and has no entry with text, and
    ES113 for a well-formed one with no entry with text.
    """
    if _DANGEROUS_DTD.search(content):
        raise InputError(
            "ES112", origin, detail="it declares a DTD subset or entities, which are refused"
        )
    # The text is already decoded: tell feedparser so, whatever the file said.
    data = _XML_ENCODING.sub(r"\1\2utf-8\2", content, count=1).encode("utf-8")
    # A stream, never a str: feedparser would fetch a URL or open a file path.
    parsed = feedparser.parse(io.BytesIO(data), sanitize_html=False, resolve_relative_uris=False)
    entries: list[Any] = list(parsed.entries)
    if not entries:
        if parsed.bozo:
            raise InputError("ES112", origin, detail=_bozo_detail(parsed.get("bozo_exception")))
        if not parsed.get("version"):
            raise InputError("ES112", origin, detail="no RSS or Atom root element")
        raise InputError("ES113", origin)
    outlet_type = str(parsed.feed.get("title_detail", {}).get("type", "text/plain"))
    outlet = _plain(str(parsed.feed.get("title", "")), outlet_type) or None
    results: list[Article | InputError] = []
    for number, entry in enumerate(entries, start=1):
        text = _entry_text(entry)
        if not text:
            results.append(InputError("ES120", origin, entry=number))
            continue
        title_type = str(entry.get("title_detail", {}).get("type", "text/plain"))
        link = entry.get("link")
        results.append(
            Article(
                article_id=article_id(text),
                text=text,
                title=_plain(str(entry.get("title", "")), title_type) or None,
                url=(str(link).strip() or None) if link else None,
                outlet=outlet,
                published=_entry_date(entry),
                language=None,
                origin=f"{origin}#{number}",
            )
        )
    if not any(isinstance(result, Article) for result in results):
        if parsed.bozo:
            raise InputError("ES112", origin, detail=_bozo_detail(parsed.get("bozo_exception")))
        raise InputError("ES113", origin)
    return results


def _bozo_detail(exception: object) -> str:
    if exception is None:
        return "malformed feed"
    message = str(exception).strip()
    return message or type(exception).__name__


def _entry_text(entry: Any) -> str:
    for content in entry.get("content", []):
        text = _plain(str(content.get("value", "")), str(content.get("type", "text/html")))
        if text:
            return text
    summary = str(entry.get("summary", ""))
    summary_type = str(entry.get("summary_detail", {}).get("type", "text/html"))
    return _plain(summary, summary_type)


def _plain(value: str, content_type: str) -> str:
    """The text of a feed field; markup is dropped and block elements become paragraphs."""
    if not value.strip():
        return ""
    if content_type == "text/plain":
        return normalize_text(value)
    root = lxml.html.fragment_fromstring(value, create_parent="div")
    for element in list(root.iter()):
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in _DROPPED_TAGS:
            element.drop_tree()
        elif tag == "br":
            element.tail = "\n" + (element.tail or "")
        elif tag in _BLOCK_TAGS:
            element.text = "\n\n" + (element.text or "")
            element.tail = "\n\n" + (element.tail or "")
    return normalize_text(str(root.text_content()))


def _entry_date(entry: Any) -> dt.date | None:
    """The entry's date as written (its own offset kept), else feedparser's UTC date."""
    for key in ("published", "updated"):
        raw = entry.get(key)
        if raw:
            day = _written_date(str(raw))
            if day is not None:
                return day
        parsed = entry.get(f"{key}_parsed")
        if isinstance(parsed, time.struct_time):
            return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    return None


def _written_date(raw: str) -> dt.date | None:
    day = parse_day_or_datetime(raw)
    if day is not None:
        return day
    try:
        return email.utils.parsedate_to_datetime(raw).date()
    except (TypeError, ValueError, IndexError):
        return None
