"""Pausing the garbage collector (gazetteer builds, merge --recompute) leaves it as it was."""

from __future__ import annotations

import gc

import pytest

from eventscope import collector


@pytest.mark.parametrize("enabled", [True, False])
def test_a_block_that_fails_half_way_leaves_the_collector_as_it_found_it(enabled: bool) -> None:
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        with pytest.raises(RuntimeError), collector.paused():
            assert not gc.isenabled()
            raise RuntimeError("a build that fails half-way")
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
