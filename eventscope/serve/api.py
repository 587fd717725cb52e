"""The REST API and the dashboard: one FastAPI app, a thin layer over the store.

Every read goes through ``EventFilter.parse`` and the ``Store`` methods the
CLI uses; this module only maps HTTP to them and eventscope errors to status
codes. ``POST /articles`` needs the ``api_key`` setting in ``X-API-Key``,
refuses bodies over ``max_request_mb`` (413) and writes a batch in one
transaction, so a failed request leaves nothing behind.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hmac
import tempfile
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

import xstatic.pkg.leaflet
from fastapi import Depends, FastAPI, Header, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles
from pydantic import TypeAdapter, ValidationError
from starlette.datastructures import UploadFile

from eventscope import __version__
from eventscope.config import Config, load_config
from eventscope.errors import ConfigError, EventscopeError, InputError, ResourceError, StoreError
from eventscope.export import export_record, write_events
from eventscope.ingest import article_id, normalize_text, read_upload, require_english
from eventscope.ingest.decode import check_length
from eventscope.pipeline import process
from eventscope.records import Article, Certainty, EventType
from eventscope.serve import models
from eventscope.store import DEFAULT_SORT, SORTS, EventFilter, Sort, Store, open_store
from eventscope.store.query import MAX_COUNT
from eventscope.table import event_row

PAGE_SIZE = 50
MAX_PAGE_SIZE = 1000
MAX_MAP_POINTS = 2000
FILE_FORMATS = {"csv": "text/csv", "geojson": "application/geo+json"}
_ACCEPTED = {media: name for name, media in FILE_FORMATS.items()}
_STATIC = resources.files("eventscope.serve") / "static"
_DATA = resources.files("eventscope") / "data"
_ARTICLES_IN: TypeAdapter[models.ArticleIn | list[models.ArticleIn] | models.ArticlesIn] = (
    TypeAdapter(models.ArticleIn | list[models.ArticleIn] | models.ArticlesIn)
)

# Every response: scripts, styles and data only from this server, no framing, no sniffing.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
        "frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
MAX_TEXT_QUERY = 200  # characters in a text filter: a search term, not a document
_SORT_PATTERN = f"^({'|'.join(SORTS)})$"
_STORE_STATUS = {"ES403": 404, "ES407": 409, "ES405": 409}
_ERRORS: dict[int | str, dict[str, Any]] = {
    422: {"model": models.ErrorOut, "description": "A filter or value is not valid."},
}


def _status(error: EventscopeError) -> int:
    if isinstance(error, ConfigError | InputError):
        return 422
    if isinstance(error, ResourceError):
        return 503
    if isinstance(error, StoreError):
        return _STORE_STATUS.get(error.code, 500)
    return 500


def event_filter(
    type_: Annotated[str | None, Query(
        alias="type", pattern=f"(?i)^({'|'.join(t.value for t in EventType)})$",
        description="PLOVER type, e.g. ASSAULT (any case).",
    )] = None,
    mode: Annotated[str | None, Query(max_length=MAX_TEXT_QUERY, description="PLOVER mode, e.g. arrest.")] = None,
    acled_event_type: Annotated[str | None, Query(max_length=MAX_TEXT_QUERY, description="e.g. Battles.")] = None,
    country: Annotated[str | None, Query(max_length=MAX_TEXT_QUERY, description="ISO 3166-1 alpha-3 code or name.")] = None,
    admin1: Annotated[str | None, Query(max_length=MAX_TEXT_QUERY, description="First-level region name.")] = None,
    actor: Annotated[str | None, Query(max_length=MAX_TEXT_QUERY, description="Actor name contains this.")] = None,
    since: Annotated[dt.date | None, Query(description="On or after YYYY-MM-DD.")] = None,
    until: Annotated[dt.date | None, Query(description="On or before YYYY-MM-DD.")] = None,
    bbox: Annotated[str | None, Query(max_length=MAX_TEXT_QUERY, description="west,south,east,north in degrees.")] = None,
    min_corroboration: Annotated[
        int | None, Query(ge=0, le=MAX_COUNT, description="At least this many distinct outlets.")
    ] = None,
    certainty: Annotated[str | None, Query(
        pattern=f"^({'|'.join(c.value for c in Certainty)})$", description="How sure the text is."
    )] = None,
    q: Annotated[str | None, Query(max_length=MAX_TEXT_QUERY, description="The reporting sentence contains this.")] = None,
) -> EventFilter:
    """The filters every read route shares, parsed once."""
    return EventFilter.parse(
        {
            "type": type_, "mode": mode, "acled_event_type": acled_event_type,
            "country": country, "admin1": admin1, "actor": actor, "since": since,
            "until": until, "bbox": bbox, "min_corroboration": min_corroboration,
            "certainty": certainty, "text": q,
        }
    )


Filter = Annotated[EventFilter, Depends(event_filter)]


def create_app(config: Config | None = None) -> FastAPI:
    """The app for the store ``config.db``; the store is opened now and closed at shutdown."""
    config = config or load_config()
    store = open_store(config.db)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(
        title="eventscope",
        version=__version__,
        summary="Geocoded, dated, sourced events from news articles, with their evidence.",
        lifespan=lifespan,
        max_body_size=int(config.max_request_mb * 1024 * 1024),  # larger bodies get 413
        # FastAPI's /docs and /redoc pages load their scripts from a CDN: off, as is
        # everything that would reach the internet. The schema is at /openapi.json.
        docs_url=None,
        redoc_url=None,
    )

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid_request(_: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [
            f"{'.'.join(str(part) for part in error['loc'][1:]) or error['loc'][0]}: {error['msg']}"
            for error in exc.errors()
        ]
        return JSONResponse({"detail": "; ".join(problems)}, status_code=422)

    @app.exception_handler(EventscopeError)
    async def eventscope_error(_: Request, exc: EventscopeError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=_status(exc))

    _add_read_routes(app, store)
    _add_ingest_route(app, store, config)
    _add_dashboard(app)
    return app


def app_from_environment() -> FastAPI:
    """The app for settings taken from the environment: what each `serve --workers` process runs."""
    return create_app(load_config())


def _add_read_routes(app: FastAPI, store: Store) -> None:
    @app.get("/health", response_model=models.HealthOut, tags=["meta"])
    def health() -> dict[str, Any]:
        """The store answers; how many events it holds."""
        return {"status": "ok", "version": __version__, "store": store.url,
                "events": store.count_events()}

    @app.get(
        "/events",
        response_model=models.EventPageOut,
        tags=["events"],
        responses={
            200: {"content": {media: {} for media in FILE_FORMATS.values()},
                  "description": "A page of events (JSON), or every match as CSV or GeoJSON."},
            **_ERRORS,
        },
    )
    def list_events(
        request: Request,
        flt: Filter,
        sort: Annotated[str, Query(
            pattern=_SORT_PATTERN,
            description="date, killed, confidence, corroboration, type or country; -KEY descends.",
        )] = DEFAULT_SORT,
        cursor: Annotated[str | None, Query(description="next_cursor of the previous page.")] = None,
        limit: Annotated[int | None, Query(ge=1, le=MAX_PAGE_SIZE, description=(
            f"JSON: page size (default {PAGE_SIZE}). CSV/GeoJSON: at most this many (default all)."
        ))] = None,
        format: Annotated[str | None, Query(
            pattern="^(json|csv|geojson)$", description="json (default), csv or geojson; "
            "or ask with the Accept header."
        )] = None,
    ) -> Any:
        """Events matching the filters: JSON pages with a cursor, or every match as a file."""
        order = Sort(sort)
        chosen = format or _ACCEPTED.get(request.headers.get("accept", "").split(",")[0].strip())
        if chosen in FILE_FORMATS:
            exported = dataclasses.replace(flt, limit=limit)
            return _file_response(store, exported, order, chosen, cursor)
        page = store.page_rows(flt, sort=order, after=cursor, size=limit or PAGE_SIZE)
        body = {"total": store.count_events(flt), "next_cursor": page.next_cursor, "events": page.rows}
        # Validated and dumped by pydantic directly: FastAPI's generic encoder took 9 ms a page.
        return JSONResponse(models.EventPageOut.model_validate(body).model_dump(mode="json"))

    @app.get(
        "/events/{event_id}",
        response_model=models.EventDetailOut,
        tags=["events"],
        responses={404: {"model": models.ErrorOut}, 409: {"model": models.ErrorOut}},
    )
    def get_event(event_id: str) -> dict[str, Any]:
        """One event (id or unique prefix of 6+ characters): every field, its sources and
        the evidence for each value."""
        event = store.get_event(event_id)
        sources = []
        for source in event.sources:
            article = store.get_article(source.article_id)
            sources.append({**dataclasses.asdict(source), "title": article.title if article else None})
        return {
            "row": event_row(event),
            "record": export_record(event),
            "evidence": [
                {"field": row.field, **dataclasses.asdict(row.evidence)}
                for row in store.evidence_rows(event.event_id)
            ],
            "sources": sources,
        }

    @app.get(
        "/articles/{article_id}",
        response_model=models.ArticleOut,
        tags=["articles"],
        responses={404: {"model": models.ErrorOut}},
    )
    def get_article(article_id: str) -> Any:
        """An article's text with every evidence span of its events, for highlighting."""
        article = store.get_article(article_id)
        if article is None:
            return JSONResponse({"detail": f"no article {article_id}"}, status_code=404)
        return {
            **dataclasses.asdict(article),
            "spans": [dataclasses.asdict(span) for span in store.article_spans(article_id)],
        }

    @app.get("/actors", response_model=list[models.ActorOut], tags=["summaries"], responses=_ERRORS)
    def actors(
        flt: Filter, limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = 100
    ) -> list[dict[str, Any]]:
        """Actors of the matching events, by how many events name them."""
        return [dataclasses.asdict(actor) for actor in store.actors(flt, limit=limit)]

    @app.get("/stats", response_model=models.StatsOut, tags=["summaries"], responses=_ERRORS)
    def stats(
        flt: Filter,
        granularity: Annotated[str, Query(pattern="^(auto|day|week|month)$")] = "auto",
    ) -> dict[str, Any]:
        """Counts by type, by country and by period (timeline), for charts."""
        found = store.stats(flt, granularity=granularity)
        result = dataclasses.asdict(found)
        result["timeline"] = [
            {"start": b.start, "total": b.total, "counts": b.counts} for b in found.timeline
        ]
        return result

    @app.get("/map", response_model=models.MapOut, tags=["summaries"], responses=_ERRORS)
    def map_markers(
        flt: Filter,
        max_points: Annotated[int, Query(ge=1, le=10_000)] = MAX_MAP_POINTS,
    ) -> dict[str, Any]:
        """Located events for a map: one point each while few enough, else grid cells with
        counts (the bbox filter sets the cell size)."""
        markers = store.map_markers(flt, max_points=max_points)
        return {
            "kind": "points" if markers.located <= max_points else "cells",
            "located": markers.located,
            "points": [dataclasses.asdict(p) for p in markers.points],
            "cells": [dataclasses.asdict(c) for c in markers.cells],
        }


def _file_response(
    store: Store, flt: EventFilter, order: Sort, fmt: str, cursor: str | None
) -> StreamingResponse:
    """Every matching event as a file, spooled to disk past 8 MiB, then streamed."""
    spool = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)  # noqa: SIM115 - closed below
    write_events(store.iter_events(flt, sort=order, after=cursor), fmt, spool)  # type: ignore[arg-type]
    spool.seek(0)

    def chunks() -> Iterator[bytes]:
        try:
            while chunk := spool.read(64 * 1024):
                yield chunk
        finally:
            spool.close()

    stamp = dt.date.today().isoformat()
    return StreamingResponse(
        chunks(),
        media_type=FILE_FORMATS[fmt],
        headers={"Content-Disposition": f'attachment; filename="events-{stamp}.{fmt}"'},
    )


_INGEST_BODY = {
    "required": True,
    "content": {
        "application/json": {
            "schema": {
                "oneOf": [
                    {"$ref": "#/components/schemas/ArticleIn"},
                    {"type": "array", "items": {"$ref": "#/components/schemas/ArticleIn"}},
                    {"$ref": "#/components/schemas/ArticlesIn"},
                ]
            }
        },
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "properties": {
                    "file": {"type": "string", "format": "binary",
                             "description": "A .txt, .jsonl, .html or RSS/Atom file (.gz too)."},
                    "published": {"type": "string", "format": "date"},
                },
                "required": ["file"],
            }
        },
    },
}


def _add_ingest_route(app: FastAPI, store: Store, config: Config) -> None:
    @app.post(
        "/articles",
        response_model=models.IngestOut,
        status_code=201,
        tags=["articles"],
        openapi_extra={"requestBody": _INGEST_BODY},
        responses={
            200: {"model": models.IngestOut, "description": "Every article was already stored."},
            401: {"model": models.ErrorOut, "description": "Missing or wrong X-API-Key."},
            413: {"model": models.ErrorOut, "description": "Body over max_request_mb."},
            422: {"model": models.ErrorOut, "description": "Not articles; nothing was stored."},
        },
    )
    async def post_articles(
        request: Request,
        x_api_key: Annotated[str | None, Header(description="The api_key setting.")] = None,
    ) -> Any:
        """Ingest one article, a list, {"articles": [...]}, or an uploaded file; returns the
        events found. All or nothing: on any error nothing is stored."""
        if not config.api_key:
            return _refused(401, "ingest over HTTP is off: set the api_key setting on the server")
        if x_api_key is None or not hmac.compare_digest(x_api_key.encode(), config.api_key.encode()):
            return _refused(401, "missing or wrong X-API-Key header")
        articles = await _read_articles(request, config)
        results = await run_in_threadpool(lambda: list(process(articles, config)))
        saved = await run_in_threadpool(
            store.save_all, [(result.article, result.events) for result in results]
        )
        body = {
            "stored": sum(saved),
            "already_stored": len(saved) - sum(saved),
            "articles": [
                {"article_id": r.article.article_id, "stored": new,
                 "events": [event_row(event) for event in r.events]}
                for r, new in zip(results, saved, strict=True)
            ],
        }
        out = models.IngestOut.model_validate(body).model_dump(mode="json")
        return JSONResponse(out, status_code=201 if any(saved) else 200)


def _refused(status: int, detail: str) -> JSONResponse:
    return JSONResponse({"detail": detail}, status_code=status)


async def _read_articles(request: Request, config: Config) -> list[Article]:
    """The articles a request carries, all checked; InputError (422) for the first bad one."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "multipart/form-data":
        return await _read_form(request, config)
    if kind not in ("application/json", ""):
        raise InputError("ES160", "request", kind=kind)
    body = await request.body()
    try:
        parsed = _ARTICLES_IN.validate_json(body)
    except ValidationError as exc:
        raise InputError("ES161", "request", detail=_first_problem(exc)) from None
    if isinstance(parsed, models.ArticlesIn):
        items = parsed.articles
    elif isinstance(parsed, list):
        items = parsed
    else:
        items = [parsed]
    if not items:
        raise InputError("ES161", "request", detail="no articles given")
    return [_article(item, f"articles[{index}]", config) for index, item in enumerate(items)]


def _first_problem(exc: ValidationError) -> str:
    """The first validation error as one line: where, then what."""
    error = exc.errors(include_url=False)[0]
    where = ".".join(str(part) for part in error["loc"] if not str(part).startswith(("ArticleIn", "list[", "ArticlesIn")))
    return f"{where or 'body'}: {error['msg']}"


def _article(item: models.ArticleIn, subject: str, config: Config) -> Article:
    text = normalize_text(item.text)
    if not text:
        raise InputError("ES161", subject, detail="text is empty")
    key = article_id(text)
    check_length(text, subject, article_id=key)
    language = require_english(text, subject, min_english=config.min_english, article_id=key)
    return Article(
        article_id=key, text=text, title=item.title, url=item.url, outlet=item.outlet,
        published=item.published, language=language, origin=f"POST /articles {subject}",
    )


async def _read_form(request: Request, config: Config) -> list[Article]:
    form = await request.form(max_files=1, max_fields=4)
    upload = form.get("file")
    if not isinstance(upload, UploadFile):
        raise InputError("ES161", "request", detail="multipart body needs a 'file' part")
    published_text = form.get("published")
    published = None
    if isinstance(published_text, str) and published_text:
        try:
            published = dt.date.fromisoformat(published_text)
        except ValueError:
            raise InputError("ES161", "published", detail="expected YYYY-MM-DD") from None
    data = await upload.read()
    name = Path(upload.filename or "upload").name
    articles: list[Article] = []
    for item in read_upload(data, name, published=published, min_english=config.min_english):
        if isinstance(item, InputError):
            raise item
        articles.append(item)
    if not articles:
        raise InputError("ES161", name, detail="the file holds no article")
    return articles


def _add_dashboard(app: FastAPI) -> None:
    index = (_STATIC / "index.html").read_text(encoding="utf-8")

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def dashboard() -> HTMLResponse:
        return HTMLResponse(index)

    @app.get("/outlines.geojson", include_in_schema=False)
    def outlines() -> Response:
        data = (_DATA / "countries-110m.geojson").read_bytes()
        return Response(data, media_type="application/geo+json",
                        headers={"Cache-Control": "max-age=86400"})

    app.mount("/static", StaticFiles(directory=str(_STATIC)), name="static")
    app.mount("/leaflet", StaticFiles(directory=xstatic.pkg.leaflet.BASE_DIR), name="leaflet")
