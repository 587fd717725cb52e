"""Settings resolve as defaults < file < environment < flags."""

import pytest

from eventscope.config import SETTINGS, Config, load_config
from eventscope.errors import ConfigError


def test_defaults_match_the_settings_table():
    config = load_config(env={}, cwd=None)
    for setting in SETTINGS:
        assert getattr(config, setting.name) == setting.default
    assert set(Config().as_dict()) == {s.name for s in SETTINGS}


def test_file_then_environment_then_flags(tmp_path):
    path = tmp_path / "eventscope.toml"
    path.write_text('[eventscope]\ndb = "sqlite:///file.db"\nbatch_size = 4\nmodel = "from_file"\n')
    env = {"EVENTSCOPE_BATCH_SIZE": "8", "EVENTSCOPE_MODEL": "from_env"}
    config = load_config(path, env=env, overrides={"model": "from_flag"})
    assert config.db == "sqlite:///file.db"
    assert config.batch_size == 8
    assert config.model == "from_flag"


def test_file_in_working_directory_is_read(tmp_path):
    (tmp_path / "eventscope.toml").write_text('db = "sqlite:///here.db"\n')
    assert load_config(env={}, cwd=tmp_path).db == "sqlite:///here.db"


def test_unknown_setting_is_named(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text("colour = 'blue'\n")
    with pytest.raises(ConfigError, match=r"\[ES201\] .*colour"):
        load_config(path, env={})


def test_bad_value_is_named():
    with pytest.raises(ConfigError, match=r"\[ES202\] environment: batch_size: bad value 'many'"):
        load_config(env={"EVENTSCOPE_BATCH_SIZE": "many"})


def test_unreadable_file_is_named(tmp_path):
    path = tmp_path / "broken.toml"
    path.write_text("db = \n")
    with pytest.raises(ConfigError, match=r"\[ES203\]"):
        load_config(path, env={})
