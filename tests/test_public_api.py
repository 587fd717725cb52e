"""The public API is exactly what __all__ lists, and the CLI uses only it."""

import ast
from pathlib import Path

import eventscope

EXPECTED = {
    "COLUMNS", "COUNT_FIELDS", "DEFAULT_SORT", "EventPage", "Sort", "EXPORT_FORMATS", "SETTINGS", "Actor",
    "ActorKind", "Article", "ArticleResult",
    "Attribution", "Certainty", "Check", "Config", "ConfigError", "DateDerivation",
    "DatePrecision", "Event", "EventDate", "EventFilter", "EventType", "EventscopeError",
    "Evidence", "GeoPrecision", "IngestReport", "InputError", "Place", "Quantity",
    "ResourceError", "Source", "Store", "StoreError", "country_code", "create_app", "diagnose",
    "evaluate_events",
    "evaluate_places", "event_row", "extract", "from_jsonable", "ingest", "load_config",
    "make_article", "open_store", "process", "read_articles", "to_jsonable", "write_events",
    "Comparison", "compare_acled", "read_acled_csv",
    "PollReport", "Watcher", "parse_duration", "Revision", "store_revision",
    "train_classifier", "disagreements", "export_record",
}


def test_all_is_exact():
    assert set(eventscope.__all__) == EXPECTED
    for name in eventscope.__all__:
        assert hasattr(eventscope, name), name


def test_cli_imports_only_the_public_api():
    source = Path(eventscope.__file__).parent / "serve" / "cli.py"
    tree = ast.parse(source.read_text(encoding="utf-8"))
    imported = {
        node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module
    } | {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    private = {m for m in imported if m.startswith("eventscope.")}
    assert private == set(), private
