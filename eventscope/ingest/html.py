"""Parses an HTML news page into its main text and metadata with trafilatura."""

from __future__ import annotations

from html.parser import HTMLParser

import trafilatura

from eventscope.errors import InputError
from eventscope.ingest.identity import article_id, normalize_text
from eventscope.ingest.published import parse_day
from eventscope.records import Article

# Dates from the page's markup and URL only: htmldate's extensive search also
# guesses from free text (a footer's "(c) 2024" would become 1 January 2024).
_DATE_PARAMS = {"original_date": True, "extensive_search": False}


def parse_html(content: str, origin: str) -> Article:
    """One Article from an HTML page: its main text without navigation or footer.

    Title, publication date, site name (the outlet) and canonical URL come from
    the page's metadata; trafilatura reads only the string given, never the
    network. Each text block becomes a paragraph; a first block repeating the
    title is dropped. Raises InputError ES111 when the page has no main text.
    """
    document = trafilatura.bare_extraction(
        content,
        with_metadata=True,
        include_comments=False,
        include_images=False,
        include_links=False,
        date_extraction_params=dict(_DATE_PARAMS),
    )
    if document is None or isinstance(document, dict):
        # lxml gives up on pages nested deeper than about 255 elements; a streaming
        # parser has no such limit, so the page's paragraphs are still read.
        paragraphs = _paragraphs(content)
        if not paragraphs:
            raise InputError("ES111", origin)
        text = "\n\n".join(paragraphs)
        return Article(article_id=article_id(text), text=text, origin=origin)
    title = _clean(document.title)
    blocks = [block for block in normalize_text(document.text or "").split("\n") if block]
    if blocks and title is not None and blocks[0] == title:
        blocks = blocks[1:]
    text = "\n\n".join(blocks)
    if not text:
        raise InputError("ES111", origin)
    return Article(
        article_id=article_id(text),
        text=text,
        title=title,
        url=_clean(document.url),
        outlet=_clean(document.sitename),
        published=parse_day(document.date) if document.date else None,
        language=_clean(document.language),
        origin=origin,
    )


class _ParagraphReader(HTMLParser):
    """Collects the text of <p> elements, at any depth, outside scripts and styles."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self._current: list[str] | None = None
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "noscript"):
            self._hidden += 1
        elif tag == "p":
            self._close()
            self._current = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "noscript"):
            self._hidden = max(0, self._hidden - 1)
        elif tag in ("p", "body", "html"):
            self._close()

    def handle_data(self, data: str) -> None:
        if self._current is not None and not self._hidden:
            self._current.append(data)

    def _close(self) -> None:
        if self._current is not None:
            text = normalize_text(" ".join(self._current))
            if text:
                self.paragraphs.append(text)
        self._current = None


def _paragraphs(content: str) -> list[str]:
    reader = _ParagraphReader()
    reader.feed(content)
    reader.close()
    reader._close()
    return reader.paragraphs


def _clean(value: str | None) -> str | None:
    return (normalize_text(value) or None) if value else None
