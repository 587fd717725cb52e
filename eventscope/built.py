"""Keeps what takes seconds to build on disk, so the next process reads it instead.

The gazetteer is built from installed packages' data (about a million small
objects) in about six seconds; read back with ``pickle`` it takes under one.
Every ``eventscope`` command that reads articles, every API server and every
Dask worker would otherwise pay the build again.

A built object is stored as ``NAME-KEY.pickle`` in the cache folder, where KEY
is a digest of everything the build reads: the source of the modules that build
it, the versions of the packages whose data it indexes, and Python's version.
Change any of them and the old file is not read again (it is removed once the
new one is written). A file that cannot be read is built again; a folder that
cannot be written to only costs the saving. Files are written whole to a
temporary name and then renamed, so two processes building at once leave one
complete file.

The folder is ``$EVENTSCOPE_CACHE_DIR``, else ``$XDG_CACHE_HOME/eventscope``,
else ``~/.cache/eventscope``; ``EVENTSCOPE_CACHE_DIR=off`` turns the cache off.
The files are pickles, read with the trust of code: the folder must be the
user's own, as ``~/.cache`` is.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TypeVar

CACHE_ENV = "EVENTSCOPE_CACHE_DIR"
OFF = "off"

T = TypeVar("T")


def cache_folder(env: Mapping[str, str] | None = None) -> Path | None:
    """Where built objects are kept, or None when the cache is off."""
    env = os.environ if env is None else env
    chosen = env.get(CACHE_ENV, "").strip()
    if chosen.lower() == OFF:
        return None
    if chosen:
        return Path(chosen).expanduser()
    base = env.get("XDG_CACHE_HOME", "").strip()
    return (Path(base) if base else Path.home() / ".cache") / "eventscope"


def fingerprint(sources: Iterable[Path], distributions: Iterable[str], *extra: object) -> str:
    """A digest of the sources' bytes, the installed versions of the distributions,
    Python's version and ``extra``: what a build depends on."""
    digest = hashlib.sha256()
    for path in sorted(sources):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    for name in sorted(distributions):
        try:
            version = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            version = "absent"
        digest.update(f"{name}=={version}".encode())
    digest.update(repr((sys.version_info[:3], extra)).encode())
    return digest.hexdigest()[:20]


def load_or_build(name: str, key: str, build: Callable[[], T], folder: Path | None) -> T:
    """The object ``build`` makes, read from ``folder`` when an earlier process saved it
    under the same ``key``, else built and saved there."""
    if folder is None:
        return build()
    path = folder / f"{name}-{key}.pickle"
    found = _read(path)
    if found is not _NONE:
        return found  # type: ignore[return-value]
    made = build()
    _save(made, path, name)
    return made


_NONE = object()
# What reading a missing, truncated or otherwise broken pickle raises.
_UNREADABLE = (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError)


def _read(path: Path) -> object:
    """The object saved at ``path``, or ``_NONE`` when there is none that can be read."""
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except _UNREADABLE:
        return _NONE


def _save(made: object, path: Path, name: str) -> None:
    """Write ``made`` to ``path`` whole, then remove the other files saved under ``name``."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=path.stem, suffix=".tmp", delete=False) as handle:
            temporary = Path(handle.name)
            try:
                pickle.dump(made, handle, protocol=pickle.HIGHEST_PROTOCOL)
            except BaseException:
                handle.close()
                temporary.unlink(missing_ok=True)
                raise
        os.replace(temporary, path)
    except OSError:
        return  # a read-only or full disk: the next process builds it again
    for stale in path.parent.glob(f"{name}-*.pickle"):
        if stale != path:
            stale.unlink(missing_ok=True)
