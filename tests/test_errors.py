"""Error codes are unique, belong to their class, and read as one line."""

import pytest

from eventscope.errors import (
    MESSAGES,
    ConfigError,
    EventscopeError,
    InputError,
    ResourceError,
    StoreError,
)

CLASSES = {"ES1": InputError, "ES2": ConfigError, "ES3": ResourceError, "ES4": StoreError}


def test_codes_are_well_formed_and_in_a_known_range():
    for code in MESSAGES:
        assert len(code) == 5 and code[:3] in CLASSES, code


def test_codes_are_unique_in_the_source():
    import inspect

    import eventscope.errors as module

    source = inspect.getsource(module)
    for code in MESSAGES:
        assert source.count(f'"{code}":') == 1, code


def test_message_names_subject_code_and_problem():
    error = InputError("ES103", "articles/x.txt")
    assert str(error) == "[ES103] articles/x.txt: file is empty"
    assert "\n" not in str(error)
    assert isinstance(error, EventscopeError)


def test_a_class_refuses_a_code_of_another_range():
    with pytest.raises(ValueError):
        StoreError("ES101", "x")


def test_errors_carry_the_article_id():
    error = InputError("ES110", "a.txt", article_id="abc", language="French")
    assert error.article_id == "abc" and error.code == "ES110"
