"""Reading articles: files, folders and standard input in; ``Article`` records out.

``read_articles`` is the edge that touches files; the ``parse_*`` functions are
pure and take text already read.
"""

from eventscope.ingest.feed import parse_feed
from eventscope.ingest.html import parse_html
from eventscope.ingest.identity import article_id, normalize_text
from eventscope.ingest.jsonl import parse_jsonl
from eventscope.ingest.language import detect_language, require_english
from eventscope.ingest.reader import FORMATS, read_articles, read_upload
from eventscope.ingest.text import parse_text

__all__ = [
    "FORMATS",
    "article_id",
    "detect_language",
    "normalize_text",
    "parse_feed",
    "parse_html",
    "parse_jsonl",
    "parse_text",
    "read_articles",
    "read_upload",
    "require_english",
]
