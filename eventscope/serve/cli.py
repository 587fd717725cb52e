"""The `eventscope` command: a thin Typer shell over the Python API.

Exit codes: 0 success; 1 some inputs failed or a resource is missing (each
named on its own line); 2 a usage or configuration error.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

import eventscope as es

app = typer.Typer(
    name="eventscope",
    help="News articles in; a geocoded, dated, sourced event database out.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
# Messages never wrap (one error, one line); tables get room when piped to a file.
_PIPED = not sys.stdout.isatty()
out = Console(highlight=False, soft_wrap=True, width=200 if _PIPED else None)
err = Console(stderr=True, highlight=False, soft_wrap=True)

DbOption = Annotated[
    str | None, typer.Option("--db", help="Store URL (default: setting 'db', sqlite:///eventscope.db).")
]
ConfigOption = Annotated[
    Path | None, typer.Option("--config", help="TOML settings file (default: ./eventscope.toml).")
]
ModelOption = Annotated[
    str | None, typer.Option("--model", help="spaCy model package (default: setting 'model', auto).")
]
ClassifierOption = Annotated[
    str | None,
    typer.Option(
        "--classifier",
        help="Directory from `eventscope train`: re-type ACLED type and sub-type with it "
        "(setting 'classifier'; it unpickles code, so use only your own).",
    ),
]

DefaultCountryOption = Annotated[
    str | None,
    typer.Option(
        "--country",
        help="Country (ISO3 or name) of articles that name none, e.g. a one-country feed "
        "(setting 'country').",
    ),
]


def _config(config_file: Path | None, **flags: Any) -> es.Config:
    return es.load_config(config_file, overrides=flags)


def _date(value: str | None, flag: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise es.ConfigError("ES202", flag, value=value, detail="expected YYYY-MM-DD") from None


def _filter(**values: Any) -> es.EventFilter:
    """The one filter model, from the options as typed (names and codes both work)."""
    return es.EventFilter.parse(values)


TypeOpt = Annotated[str | None, typer.Option("--type", help="PLOVER type, e.g. ASSAULT.")]
CountryOpt = Annotated[str | None, typer.Option(help="Country: ISO3 code or name.")]
SinceOpt = Annotated[str | None, typer.Option(help="Events on or after YYYY-MM-DD.")]
UntilOpt = Annotated[str | None, typer.Option(help="Events on or before YYYY-MM-DD.")]
ActorOpt = Annotated[str | None, typer.Option(help="Actor name contains this text.")]
TextOpt = Annotated[str | None, typer.Option(help="Reporting sentence contains this text.")]
LimitOpt = Annotated[int | None, typer.Option(help="At most this many events.")]
ModeOpt = Annotated[str | None, typer.Option(help="PLOVER mode, e.g. arrest or shelling.")]
Admin1Opt = Annotated[str | None, typer.Option(help="First-level region name, e.g. Baghdad.")]
BBoxOpt = Annotated[str | None, typer.Option(help="Located inside west,south,east,north degrees.")]
CertaintyOpt = Annotated[str | None, typer.Option(help="asserted, reported, alleged, claimed, ...")]
CorroborationOpt = Annotated[
    int | None, typer.Option("--min-sources", help="Reported by at least this many outlets.")
]
SortOpt = Annotated[
    str, typer.Option(help="date, killed, confidence, corroboration, type or country; -KEY descends.")
]


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, or - for standard input.")],
    published: Annotated[
        str | None,
        typer.Option(help="Publication date YYYY-MM-DD for articles that carry none."),
    ] = None,
    workers: Annotated[
        int, typer.Option(help="Parse on a local Dask cluster of this many processes (0: here).")
    ] = 0,
    scheduler: Annotated[
        str | None, typer.Option(help="Parse on an existing Dask cluster, e.g. tcp://host:8786.")
    ] = None,
    relevance_gate: Annotated[
        bool | None,
        typer.Option("--relevance-gate/--no-relevance-gate", help="Skip parsing articles with no event words (setting 'relevance_gate')."),
    ] = None,
    db: DbOption = None,
    model: ModelOption = None,
    classifier: ClassifierOption = None,
    country: DefaultCountryOption = None,
    config_file: ConfigOption = None,
) -> None:
    """Read articles, extract their events and store them (re-running changes nothing)."""
    config = _config(
        config_file, db=db, model=model, relevance_gate=relevance_gate, classifier=classifier,
        country=country,
    )
    publication = _date(published, "--published")
    if workers < 0:
        raise es.ConfigError("ES202", "--workers", value=workers, detail="expected 0 or more")
    with es.open_store(config.db) as store:
        progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(bar_width=None),
            TextColumn("{task.fields[rate]} articles/s"),
            TimeElapsedColumn(),
            console=err,
            transient=True,
            disable=not err.is_terminal,
        )
        with progress:
            task = progress.add_task("ingesting", total=None, rate="0.0")

            def tick(report: es.IngestReport) -> None:
                done = report.stored + report.already_stored
                elapsed = progress.tasks[task].elapsed or 0.0
                rate = f"{done / elapsed:.1f}" if elapsed > 0 else "0.0"
                progress.update(
                    task, completed=done, rate=rate,
                    description=f"{report.stored} new, {report.already_stored} already stored, "
                    f"{len(report.failed)} failed",
                )

            report = es.ingest(
                paths, store, published=publication, config=config, on_article=tick,
                workers=workers, scheduler=scheduler,
            )
    for problem in report.skipped:
        err.print(f"skipped: {escape(str(problem))}")
    for problem in report.failed:
        err.print(f"error: {escape(str(problem))}")
    out.print(
        f"{report.read} articles read, {report.stored} stored, "
        f"{report.already_stored} already stored, {report.events} events, "
        f"{len(report.skipped)} skipped, {len(report.failed)} failed"
        + (f", {report.gated} gated (stored unparsed: no event words)" if report.gated else "")
    )
    if report.failed:
        raise typer.Exit(1)


def _place_text(row: dict[str, Any]) -> str:
    name = row["location_name"] or "?"
    if row["location_country"] and row["location_country"] not in name:
        name = f"{name} ({row['location_country']})"
    return name


def _count_text(row: dict[str, Any], kind: str) -> str:
    low, high = row[f"{kind}_min"], row[f"{kind}_max"]
    if low is None and high is None:
        return ""
    if low == high:
        return str(low)
    return f"{low if low is not None else '?'}-{high if high is not None else '?'}"


def _events_table(events: list[es.Event]) -> Table:
    table = Table(show_lines=False, header_style="bold")
    for column in ("id", "date", "type", "actors", "place", "killed", "injured", "arrested", "sources"):
        table.add_column(column, overflow="fold")
    for event in events:
        row = es.event_row(event)
        date = str(row["date_start"] or "unknown")
        if row["date_end"] and row["date_end"] != row["date_start"]:
            date = f"{row['date_start']}..{row['date_end']}"
        kind = row["type"] + (f"/{row['mode']}" if row["mode"] else "")
        if row["is_aggregate"]:
            kind += " (aggregate)"
        actors = f"{row['actor1_name'] or '?'} → {row['actor2_name'] or '?'}"
        table.add_row(
            event.event_id[:10], date, kind, escape(actors), escape(_place_text(row)),
            _count_text(row, "killed"), _count_text(row, "injured"), _count_text(row, "arrested"),
            str(row["corroboration"]),
        )
    return table


@app.command()
def events(
    type_: TypeOpt = None,
    country: CountryOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    actor: ActorOpt = None,
    text: TextOpt = None,
    mode: ModeOpt = None,
    admin1: Admin1Opt = None,
    bbox: BBoxOpt = None,
    certainty: CertaintyOpt = None,
    min_sources: CorroborationOpt = None,
    limit: LimitOpt = None,
    sort: SortOpt = es.DEFAULT_SORT,
    format_: Annotated[str, typer.Option("--format", help="table, json or csv.")] = "table",
    db: DbOption = None,
    config_file: ConfigOption = None,
) -> None:
    """List stored events, newest first, with filters."""
    if format_ not in ("table", "json", "csv"):
        raise es.ConfigError("ES202", "--format", value=format_, detail="use table, json or csv")
    config = _config(config_file, db=db)
    flt = _filter(
        type=type_, country=country, since=since, until=until, actor=actor, text=text,
        mode=mode, admin1=admin1, bbox=bbox, certainty=certainty,
        min_corroboration=min_sources, limit=limit,
    )
    with es.open_store(config.db) as store:
        found = store.iter_events(flt, sort=es.Sort(sort))
        if format_ == "json":
            for event in found:
                sys.stdout.write(json.dumps(es.export_record(event), ensure_ascii=False) + "\n")
        elif format_ == "csv":
            writer = csv.DictWriter(sys.stdout, fieldnames=list(es.COLUMNS))
            writer.writeheader()
            for event in found:
                writer.writerow(es.event_row(event))
        else:
            listed = list(found)
            if not listed:
                out.print("No events match. Ingest articles with `eventscope ingest PATH`, or relax the filters.")
                return
            out.print(_events_table(listed), soft_wrap=False)
            out.print(f"{len(listed)} events")


@app.command()
def actors(
    type_: TypeOpt = None,
    country: CountryOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    actor: ActorOpt = None,
    limit: Annotated[int, typer.Option(help="At most this many actors, most events first.")] = 100,
    json_: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
    db: DbOption = None,
    config_file: ConfigOption = None,
) -> None:
    """List canonical actors: kind, country, codes, sponsor, aliases and event counts."""
    config = _config(config_file, db=db)
    flt = _filter(type=type_, country=country, since=since, until=until, actor=actor)
    with es.open_store(config.db) as store:
        found = store.actors(flt, limit=limit, aliases=True)
    if json_:
        for a in found:
            record = {
                "name": a.name, "kind": a.kind, "country": a.country, "inter": a.inter,
                "code": a.code, "sponsor": a.sponsor, "aliases": list(a.aliases),
                "events": a.events, "as_actor1": a.as_actor1, "as_actor2": a.as_actor2,
            }
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        return
    if not found:
        out.print("No actors match. Ingest articles with `eventscope ingest PATH`, or relax the filters.")
        return
    table = Table(header_style="bold")
    for column in ("actor", "kind", "country", "inter", "code", "sponsor", "aliases", "events", "as 1", "as 2"):
        table.add_column(column, overflow="fold")
    for a in found:
        table.add_row(
            escape(a.name), a.kind or "", a.country or "", str(a.inter or ""), a.code or "",
            a.sponsor or "", escape("; ".join(a.aliases)), str(a.events), str(a.as_actor1),
            str(a.as_actor2),
        )
    out.print(table, soft_wrap=False)
    out.print(f"{len(found)} actors")


def _highlighted(sentence_start: int, sentence: str, start: int, end: int) -> Text:
    text = Text(sentence)
    text.stylize("bold reverse", max(0, start - sentence_start), max(0, end - sentence_start))
    return text


@app.command()
def show(
    event_id: Annotated[str, typer.Argument(help="Event id, or a unique prefix of 6+ characters.")],
    format_: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
    db: DbOption = None,
    config_file: ConfigOption = None,
) -> None:
    """Show every field of one event with the sentence that supports it, highlighted."""
    config = _config(config_file, db=db)
    with es.open_store(config.db) as store:
        event = store.get_event(event_id)
        if format_ == "json":
            sys.stdout.write(json.dumps(es.export_record(event), ensure_ascii=False, indent=2) + "\n")
            return
        articles = {s.article_id: store.get_article(s.article_id) for s in event.sources}
        explanation = store.explain_event(event.event_id)
    row = es.event_row(event)
    out.print(f"[bold]{event.event_id}[/bold]  {row['type']}" + (f"/{row['mode']}" if row["mode"] else ""))
    out.print(_highlighted(event.evidence.start, event.evidence.text, event.trigger.start, event.trigger.end))
    table = Table(show_header=True, header_style="bold", show_lines=True)
    table.add_column("field")
    table.add_column("value", overflow="fold")
    table.add_column("evidence", overflow="fold")
    reporters = {m.event_id: _reporter(m) for m in explanation.mentions}
    for field, value, evidence in _fields(event, row, reporters):
        support = Text("")
        if evidence is not None:
            article = articles.get(evidence.article_id)
            if article is not None:
                sentence = article.text[evidence.sentence_start : evidence.sentence_end].rstrip()
                support = _highlighted(evidence.sentence_start, sentence, evidence.start, evidence.end)
            else:
                support = Text(evidence.text)
        table.add_row(field, escape(value), support)
    out.print(table)
    sources = ", ".join(
        f"{s.outlet or 'unknown outlet'} ({s.published or 'no date'}) {s.url or s.article_id}"
        for s in event.sources
    )
    out.print(f"sources: {escape(sources)}")
    disputed = es.disagreements(event)
    if disputed:
        out.print(f"sources disagree on: {', '.join(disputed)} (every value is listed above)")
    out.print(f"confidence: {event.confidence}")
    if event.first_reported is not None:
        out.print(
            f"first reported {event.first_reported}, last updated {event.last_updated}, "
            f"corroboration {row['corroboration']} (distinct outlets)"
        )
    if len(explanation.mentions) < 2:
        return
    merged = Table(title="merged mentions", show_header=True, header_style="bold")
    for column in ("mention", "outlet", "published", "type", "sentence"):
        merged.add_column(column, overflow="fold")
    for mention in explanation.mentions:
        source = mention.sources[0] if mention.sources else None
        merged.add_row(
            mention.event_id[:10], escape((source.outlet if source else None) or "?"),
            str(source.published if source and source.published else "?"), mention.type.value,
            _highlighted(mention.evidence.start, mention.evidence.text, mention.trigger.start, mention.trigger.end),
        )
    out.print(merged)
    why = Table(title="why: pair scores, each in -1..1; a weighted total at the threshold merges", header_style="bold")
    why.add_column("pair")
    for link in explanation.links:
        parts = link.score.as_dict()
        if len(why.columns) == 1:
            for name in parts:
                why.add_column(name)
        why.add_row(f"{link.a[:10]} ~ {link.b[:10]}", *(f"{value:+.2f}" for value in parts.values()))
    out.print(why)


def _said(attribution: es.Attribution | None) -> str:
    """Who says so and how sure: "unverified: anonymous official said, via AFP"."""
    if attribution is None:
        return "source not recorded"
    who = " ".join(x for x in (attribution.speaker, attribution.verb) if x)
    text = attribution.certainty.value + (f": {who}" if who else " by the writer")
    if attribution.outlet and attribution.outlet != attribution.speaker:
        text += f", via {attribution.outlet}"
    return text


def _reporter(mention: es.Event) -> str:
    """A stored mention as the report it is: its outlet and what it says of its source."""
    source = mention.sources[0] if mention.sources else None
    where = (source.outlet if source else None) or (source.article_id if source else "?")
    return f"{where}; {_said(mention.attribution)}"


def _per(event: es.Event, evidence: es.Evidence | None) -> str:
    """ "per" the event's attribution when the value is told in the event's own sentence."""
    own = event.evidence
    if evidence is None or (evidence.article_id, evidence.sentence_index) != (own.article_id, own.sentence_index):
        return ""
    return f" — {_said(event.attribution)}"


def _fields(
    event: es.Event, row: dict[str, Any], reporters: dict[str, str]
) -> list[tuple[str, str, es.Evidence | None]]:
    """Every field's values: the one kept, then each other report's, each with who says so."""
    lines: list[tuple[str, str, es.Evidence | None]] = [
        ("type", f"{row['type']} / {row['mode'] or '-'}", event.trigger),
        ("acled", f"{row['acled_event_type']} / {row['acled_sub_event_type']}", None),
        ("cameo_root", row["cameo_root"] or "", None),
    ]

    def also(name: str) -> None:
        for variant in event.variants:
            if variant.field == name and variant.quantity is None:
                who = reporters.get(variant.mention_id) or f"article {variant.article_id}"
                lines.append((name, f"also reported: {variant.value} ({who})", variant.evidence))

    for name in ("actor1", "actor2", "claimed_by", "blamed_on"):
        actor = getattr(event, name)
        if actor is not None:
            backer = f"backed by {actor.sponsor}" if actor.sponsor else None
            detail = ", ".join(x for x in (actor.country, actor.kind.value if actor.kind else None, backer) if x)
            value = f"{actor.name} [{detail}] ({actor.mention!r})"
            if name == "claimed_by":
                value += " — claimed by this actor"
            elif name == "blamed_on" and event.actor1 is not None:
                value += f" — blamed by {event.actor1.name}"
            lines.append((name, value + _per(event, actor.evidence), actor.evidence))
        elif name == "claimed_by" and event.unclaimed is not None:
            lines.append((name, "no one, the text says (unclaimed)", event.unclaimed))
        also(name)
    place = event.location
    if place is not None:
        if place.lat is not None:
            value = f"{place.name} {place.country or ''} ({place.lat:.4f}, {place.lon:.4f}) precision {place.precision and int(place.precision)}"
        else:
            value = f"unknown: {place.reason}"
        lines.append(("location", value + _per(event, place.evidence), place.evidence))
    also("location")
    date = event.date
    if date is not None:
        if date.start is not None:
            span = str(date.start) if date.end == date.start else f"{date.start}..{date.end}"
            value = f"{span} ({date.precision.value}, {date.derivation.value})"
        else:
            value = f"unknown: {date.reason}"
        lines.append(("date", value + _per(event, date.evidence), date.evidence))
    also("date")
    for kind in es.COUNT_FIELDS:
        quantities = [(q, "") for q in getattr(event, kind)] + [
            (v.quantity, f"also reported ({reporters.get(v.mention_id) or 'article ' + v.article_id}): ")
            for v in event.variants if v.field == kind and v.quantity is not None
        ]
        for quantity, prefix in quantities:
            low = quantity.min if quantity.min is not None else "?"
            high = quantity.max if quantity.max is not None else "?"
            value = f"{prefix}{low}..{high} ({quantity.mention!r}) — {_said(quantity.attribution)}"
            lines.append((kind, value, quantity.evidence))
    also("mode")
    if event.is_aggregate:
        lines.append(("is_aggregate", "yes: a summary statistic, not a single event", None))
    attribution = event.attribution
    if attribution is not None:
        lines.append(("attribution", _said(attribution), attribution.evidence))
    return lines


@app.command()
def export(
    format_: Annotated[str, typer.Option("--format", help="csv, jsonl, geojson, parquet, acled, plover or cameo.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="File to write.")],
    type_: TypeOpt = None,
    country: CountryOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    actor: ActorOpt = None,
    text: TextOpt = None,
    mode: ModeOpt = None,
    admin1: Admin1Opt = None,
    bbox: BBoxOpt = None,
    certainty: CertaintyOpt = None,
    min_sources: CorroborationOpt = None,
    limit: LimitOpt = None,
    sort: SortOpt = es.DEFAULT_SORT,
    db: DbOption = None,
    config_file: ConfigOption = None,
) -> None:
    """Write stored events to a file (same filters as `events`)."""
    if format_ not in es.EXPORT_FORMATS:
        raise es.StoreError("ES404", format_, known=", ".join(es.EXPORT_FORMATS))
    config = _config(config_file, db=db)
    flt = _filter(
        type=type_, country=country, since=since, until=until, actor=actor, text=text,
        mode=mode, admin1=admin1, bbox=bbox, certainty=certainty,
        min_corroboration=min_sources, limit=limit,
    )
    with es.open_store(config.db) as store:
        written = es.write_events(store.iter_events(flt, sort=es.Sort(sort)), format_, output)
    out.print(f"{written} events written to {output}")


@app.command()
def compare(
    acled_file: Annotated[Path, typer.Argument(help="An ACLED export (CSV) to compare with.")],
    country: CountryOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object: counts, agreement, lists.")] = False,
    db: DbOption = None,
    config_file: ConfigOption = None,
) -> None:
    """Match stored events to an ACLED export: found by both, only ACLED, only eventscope."""
    config = _config(config_file, db=db)
    window = es.EventFilter.parse({"country": country, "since": since, "until": until})
    with es.open_store(config.db) as store:
        result = es.compare_acled(
            acled_file, store, country=window.country, since=window.since, until=window.until
        )
    if as_json:
        sys.stdout.write(json.dumps(result.as_json(), ensure_ascii=False) + "\n")
        return
    span = f"{result.since or '?'}..{result.until or '?'}"
    out.print(
        f"{escape(str(acled_file))}, {span}, {', '.join(result.countries) or 'no known country'}: "
        f"{len(result.matches)} in both, {len(result.only_acled)} only in ACLED, "
        f"{len(result.only_eventscope)} only in eventscope"
    )
    agreement = Table(title="Agreement on the events found by both", header_style="bold")
    agreement.add_column("field")
    agreement.add_column("value", justify="right")
    for name, value in result.agreement.items():
        agreement.add_row(name, "n/a" if value is None else f"{value:g}")
    out.print(agreement)
    for match in result.matches:
        out.print(
            f"both: {escape(match.acled.event_id_cnty)} = {match.event.event_id[:10]} "
            f"({match.days_apart} d, {match.distance_km:.1f} km) "
            f"{escape(match.acled.sub_event_type or match.acled.event_type)} / "
            f"{escape(str(match.event.acled_sub_event_type))}, "
            f"fatalities {match.acled.fatalities} / {match.fatalities}"
        )
    for row in result.only_acled:
        out.print(
            f"only ACLED: {escape(row.event_id_cnty)} {row.event_date} "
            f"{escape(row.sub_event_type or row.event_type)} in {escape(row.location or '?')}"
        )
    for event in result.only_eventscope:
        place = (event.location.name or event.location.mention) if event.location else "?"
        out.print(
            f"only eventscope: {event.event_id[:10]} {event.date.start if event.date else '?'} "
            f"{escape(str(event.acled_sub_event_type))} in {escape(place)}"
        )


def _metrics_table(title: str, metrics: list[tuple[str, Any, str]]) -> Table:
    table = Table(title=title, header_style="bold")
    table.add_column("metric")
    table.add_column("value", justify="right")
    table.add_column("scored", justify="right")
    for name, value, scored in metrics:
        shown = "n/a" if value is None else (f"{value:.3f}" if isinstance(value, float) else str(value))
        table.add_row(name, shown, scored)
    return table


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold file (JSONL, see the evaluation FORMAT).")],
    places: Annotated[bool, typer.Option("--places", help="Score toponyms, not events.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object of metrics.")] = False,
    limit: Annotated[int | None, typer.Option(help="Score only the first N cases.")] = None,
    model: ModelOption = None,
    classifier: ClassifierOption = None,
    country: DefaultCountryOption = None,
    config_file: ConfigOption = None,
) -> None:
    """Score eventscope against a gold file: event types, places, dates and counts."""
    config = _config(config_file, model=model, classifier=classifier, country=country)
    progress = Progress(
        SpinnerColumn(), TextColumn("{task.description}"), TextColumn("{task.completed} cases"),
        TimeElapsedColumn(), console=err, transient=True, disable=not err.is_terminal,
    )
    with progress:
        task = progress.add_task("scoring", total=None)

        def tick(done: int) -> None:
            progress.update(task, completed=done)

        if places:
            place_report = es.evaluate_places(gold, config=config, limit=limit, on_case=tick)
        else:
            event_report = es.evaluate_events(gold, config=config, limit=limit, on_case=tick)
    if places:
        if as_json:
            sys.stdout.write(json.dumps(place_report.as_json()) + "\n")
            return
        rows = [(m.name, m.value, f"{m.correct}/{m.total}") for m in place_report.metrics]
        rows += [
            ("median_error_km", place_report.median_error_km, ""),
            ("mean_error_km", place_report.mean_error_km, ""),
        ]
        out.print(_metrics_table(
            f"{gold}: {place_report.cases} articles, {place_report.gold_places} gold toponyms, "
            f"{place_report.system_places} found", rows,
        ))
        for miss in place_report.worst_misses:
            out.print(
                f"[bold]{escape(miss.id)}[/bold] {escape(miss.name)} -> {escape(str(miss.system_name))} "
                f"({miss.error_km:.0f} km): …{escape(miss.context)}…"
            )
        return
    if as_json:
        sys.stdout.write(json.dumps(event_report.as_json()) + "\n")
        return
    out.print(_metrics_table(
        f"{gold}: {event_report.cases} cases, {event_report.gold_events} gold events, "
        f"{event_report.system_events} found, {event_report.matched_events} matched",
        [(m.name, m.value, f"{m.correct}/{m.total}") for m in event_report.metrics],
    ))
    confusion = Table(title="ACLED event types: gold (rows) by eventscope (columns)", header_style="bold")
    columns = sorted({s for row in event_report.acled_confusion.values() for s in row})
    confusion.add_column("gold")
    for column in columns:
        confusion.add_column(column, justify="right")
    for gold_type, row in sorted(event_report.acled_confusion.items()):
        confusion.add_row(gold_type, *(str(row.get(c, "")) for c in columns))
    out.print(confusion)
    for case in event_report.worst_cases:
        out.print(f"[bold]{escape(case.id)}[/bold] missed {case.missed}, wrong {case.wrong_fields}, "
                  f"extra {case.extra}: {escape(case.text[:300])}")
        for problem in case.problems:
            out.print(f"    - {escape(problem)}")


@app.command()
def train(
    gold: Annotated[Path, typer.Argument(help="Gold file (JSONL, see the evaluation FORMAT).")],
    output: Annotated[
        Path, typer.Option("-o", "--output", help="Directory to write the classifier to.")
    ],
    limit: Annotated[int | None, typer.Option(help="Train on the first N cases only.")] = None,
    model: ModelOption = None,
    config_file: ConfigOption = None,
) -> None:
    """Train the ACLED type/sub-type classifier on a gold file and save it (see --classifier)."""
    config = _config(config_file, model=model)
    progress = Progress(
        SpinnerColumn(), TextColumn("{task.description}"), TextColumn("{task.completed} cases"),
        TimeElapsedColumn(), console=err, transient=True, disable=not err.is_terminal,
    )
    with progress:
        task = progress.add_task("running the rules", total=None)

        def tick(done: int) -> None:
            progress.update(task, completed=done)

        def fitting(examples: int) -> None:
            progress.update(task, description=f"fitting on {examples} events")

        report = es.train_classifier(
            gold, output, config=config, limit=limit, on_case=tick, on_fit=fitting
        )
    out.print(
        f"{report.cases} cases, {report.examples} events paired with gold, "
        f"{report.unpaired_gold} gold events unpaired, {len(report.labels)} labels; "
        f"training accuracy {report.training_accuracy:.3f}; saved to {escape(str(report.directory))}"
    )


@app.command()
def doctor(
    db: DbOption = None,
    model: ModelOption = None,
    config_file: ConfigOption = None,
) -> None:
    """Check the spaCy model, the gazetteer data and the store, one line each."""
    config = _config(config_file, db=db, model=model)
    failed = False
    for check in es.diagnose(config):
        mark = "[green]ok[/green]  " if check.ok else "[red]FAIL[/red]"
        out.print(f"{mark} {check.name}: {escape(check.message)}")
        failed = failed or not check.ok
    if failed:
        raise typer.Exit(1)


@app.command()
def watch(
    sources: Annotated[
        list[str], typer.Argument(help="RSS/Atom feed URLs (http, https), files or folders.")
    ],
    every: Annotated[str, typer.Option(help="Time between polls of a source: 30s, 15m, 2h, 1d.")] = "15m",
    once: Annotated[bool, typer.Option("--once", help="Poll each source once and exit (for cron).")] = False,
    relevance_gate: Annotated[
        bool | None,
        typer.Option("--relevance-gate/--no-relevance-gate", help="Skip parsing items with no event words (setting 'relevance_gate')."),
    ] = None,
    db: DbOption = None,
    model: ModelOption = None,
    country: DefaultCountryOption = None,
    config_file: ConfigOption = None,
) -> None:
    """Poll feeds and folders and ingest only new items (those whose URL or text is not stored)."""
    config = _config(config_file, db=db, model=model, relevance_gate=relevance_gate, country=country)
    interval = es.parse_duration(every)

    def log(line: str) -> None:
        err.print(f"{dt.datetime.now():%Y-%m-%d %H:%M:%S} {escape(line)}")

    with es.open_store(config.db) as store:
        watcher = es.Watcher(sources, store, config=config, every=interval, log=log)
        if not once:
            try:
                watcher.run()
            except KeyboardInterrupt:
                err.print("stopped")
            return
        report = watcher.poll()
    for problem in report.ingest.failed:
        err.print(f"error: {escape(str(problem))}")
    ingested = report.ingest
    out.print(
        f"{len(report.polled)} sources polled, {len(report.failed)} failed, "
        f"{report.unchanged} unchanged; {ingested.stored} new articles, {report.seen} already "
        f"stored, {ingested.events} events, {len(ingested.failed)} failed"
    )
    if report.failed or ingested.failed:
        raise typer.Exit(1)


@app.command()
def merge(
    recompute: Annotated[
        bool, typer.Option("--recompute", help="Rebuild every merge from the stored mentions.")
    ] = False,
    workers: Annotated[
        int, typer.Option(min=0, help="With --recompute: build events in this many processes (0: here).")
    ] = 0,
    db: DbOption = None,
    config_file: ConfigOption = None,
) -> None:
    """Merge reports of one event across articles: show the counts, or --recompute them all."""
    config = _config(config_file, db=db)
    with es.open_store(config.db) as store:
        if not recompute:
            report = store.merge_counts()
        else:
            progress = Progress(
                SpinnerColumn(), TextColumn("{task.description}"), BarColumn(bar_width=None),
                TextColumn("{task.completed}/{task.total} events"), TimeElapsedColumn(),
                console=err, transient=True, disable=not err.is_terminal,
            )
            with progress:
                task = progress.add_task("linking mentions", total=None)

                def tick(stage: str, done: int, total: int | None) -> None:
                    progress.update(task, description=f"{stage} events" if total else "linking mentions",
                                    completed=done, total=total)

                report = store.recompute_merges(workers, tick)
    verb = "rebuilt: " if recompute else ""
    out.print(
        f"{verb}{report.mentions} mentions, {report.links} links, {report.events} events"
        + ("" if recompute else " (run with --recompute to rebuild every merge)")
    )


@app.command()
def migrate(
    check: Annotated[
        bool, typer.Option("--check", help="Only say whether the store needs upgrading (exit 1 if so).")
    ] = False,
    db: DbOption = None,
    config_file: ConfigOption = None,
) -> None:
    """Upgrade the store's tables to this eventscope's schema, in place (or --check)."""
    config = _config(config_file, db=db)
    before = es.store_revision(config.db)
    where = before.store
    if check:
        if before.behind:
            out.print(f"{where} is at {before.current or 'no revision (empty)'}; "
                      f"this eventscope needs {before.head}: run eventscope migrate")
            raise typer.Exit(1)
        out.print(f"{where} is up to date ({before.head})")
        return
    if not before.behind:
        out.print(f"{where} is up to date ({before.head})")
        return
    with es.open_store(config.db):
        pass  # opening upgrades, in one transaction on PostgreSQL
    out.print(f"upgraded {where} from {before.current or 'empty'} to {before.head}")


KEEP_ALIVE_SECONDS = 30  # a dashboard or client idle this long between requests keeps its connection
# uvicorn's supervisor kills a worker that does not answer its ping within this time. Its
# default (5 s) killed busy workers mid-request under load (a POST parsing articles while
# 200 readers wait on the GIL): clients saw "server disconnected" and lost their writes.
WORKER_HEALTHCHECK_SECONDS = 120


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on; 0.0.0.0 for every interface.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(min=1, help="Server processes (one per core serves most).")] = 1,
    db: DbOption = None,
    model: ModelOption = None,
    config_file: ConfigOption = None,
) -> None:
    """Serve the REST API and the dashboard (http://HOST:PORT/), fully offline."""
    import os

    import uvicorn

    config = _config(config_file, db=db, model=model)
    err.print(f"eventscope dashboard on http://{host}:{port}/ (API schema at /openapi.json), store {config.db}")
    if not config.api_key:
        err.print("POST /articles is off: set the api_key setting (EVENTSCOPE_API_KEY) to turn it on")
    if workers == 1:
        uvicorn.run(es.create_app(config), host=host, port=port, log_level="warning",
                    timeout_keep_alive=KEEP_ALIVE_SECONDS)
        return
    # Each worker process builds its own app from the environment: pass the resolved settings.
    for setting in es.SETTINGS:
        os.environ[f"EVENTSCOPE_{setting.name.upper()}"] = str(getattr(config, setting.name))
    uvicorn.run(
        "eventscope.serve.api:app_from_environment", factory=True, workers=workers,
        host=host, port=port, log_level="warning", timeout_keep_alive=KEEP_ALIVE_SECONDS,
        timeout_worker_healthcheck=WORKER_HEALTHCHECK_SECONDS,
    )


def main() -> None:
    """Entry point: run the app, turning eventscope errors into one-line messages."""
    try:
        app()
    except es.ConfigError as exc:
        err.print(f"error: {escape(str(exc))}")
        sys.exit(2)
    except es.EventscopeError as exc:
        err.print(f"error: {escape(str(exc))}")
        sys.exit(1)
