"""Decides whether an article is English enough to be read, with py3langid."""

from __future__ import annotations

from functools import cache
from typing import Any

import pycountry
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from eventscope.errors import InputError

ENGLISH = "en"
MIN_JUDGED_CHARS = 20  # shorter texts are not judged: too few features to tell
MAX_JUDGED_CHARS = 20_000  # the opening of a long article is enough to tell


@cache
def _identifier() -> Any:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _ranking(text: str) -> list[tuple[str, float]]:
    ranked = _identifier().rank(text[:MAX_JUDGED_CHARS])
    return [(str(code), float(score)) for code, score in ranked]


def detect_language(text: str) -> tuple[str, float]:
    """The most likely ISO 639 language code of the text and its probability (0 to 1)."""
    return _ranking(text)[0]


def language_name(code: str) -> str:
    """The English name of a language code (``'fr'`` -> ``'French'``), else the code."""
    field = "alpha_2" if len(code) == 2 else "alpha_3"
    language = pycountry.languages.get(**{field: code})
    return str(language.name) if language is not None else code


def _primary(tag: str) -> str:
    return tag.strip().lower().replace("_", "-").split("-")[0]


def require_english(
    text: str,
    subject: str,
    *,
    min_english: float = 0.5,
    declared: str | None = None,
    article_id: str | None = None,
) -> str | None:
    """The article's language code, or an InputError if it is not English.

    A text shorter than ``MIN_JUDGED_CHARS`` is not judged: it counts as English
    unless ``declared`` (the language its source states) says otherwise, and its
    code is the declared one, or ``None``. A longer text is refused with ES110
    when its English probability is below ``min_english`` and another language
    ranks first, with ES125 when English ranks first but still scores too low.
    """
    if len(text.strip()) < MIN_JUDGED_CHARS:
        if declared is None or not declared.strip():
            return None
        code = _primary(declared)
        if code != ENGLISH:
            raise InputError("ES110", subject, article_id=article_id, language=language_name(code))
        return code
    ranking = _ranking(text)
    top, _ = ranking[0]
    english = dict(ranking).get(ENGLISH, 0.0)
    if english >= min_english:
        return top
    if top != ENGLISH:
        raise InputError("ES110", subject, article_id=article_id, language=language_name(top))
    raise InputError(
        "ES125", subject, article_id=article_id, score=english, min_english=min_english
    )
