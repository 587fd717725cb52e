"""Recognises a wire dateline ("BAGHDAD, Dec 14 (Reuters) -") at the start of an article."""

from __future__ import annotations

import re
from dataclasses import dataclass

DATELINE = re.compile(
    r"""^\s*
    (?P<place>[A-Z][A-Z.'’ -]{1,40}?[A-Z.])          # BAGHDAD, NEW DELHI, ST. PETERSBURG
    (?:,\s*[A-Z][A-Za-z.'’ -]{1,30}?)?                # , Iraq  (optional region)
    (?:,\s*(?P<date>(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)(?:,?\s+(?:19|20)\d\d)?))?
    (?:\s*\((?P<outlet>[^)\n]{1,40})\))?
    \s*[-–—]+\s*""",
    re.VERBOSE,
)


@dataclass(frozen=True)
class Dateline:
    place: str  # as written, upper case
    place_start: int
    place_end: int
    date: str | None  # as written: "Dec 14", "14 December 2023"
    outlet: str | None
    end: int  # where the story's first sentence starts


def find_dateline(text: str) -> Dateline | None:
    """The dateline opening ``text``, or None when the article has none."""
    match = DATELINE.match(text)
    if match is None:
        return None
    return Dateline(
        place=match.group("place"),
        place_start=match.start("place"),
        place_end=match.end("place"),
        date=match.group("date"),
        outlet=match.group("outlet"),
        end=match.end(),
    )
