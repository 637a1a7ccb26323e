"""The collector while a cycle runs: paused, young-only, and the GUI's keep-aside mode."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from app import gc_pause
from app.gc_pause import (
    collect_everything,
    keep_long_lived_aside,
    keeping_aside,
    paused_gc,
    settle,
)


class Node:
    def __init__(self) -> None:
        self.other: Node | None = None


def garbage_cycle() -> weakref.ref[Node]:
    """Two objects that refer to each other and to nothing else: only the collector frees them."""
    a, b = Node(), Node()
    a.other, b.other = b, a
    return weakref.ref(a)


@pytest.fixture(autouse=True)
def collector_as_it_was() -> Iterator[None]:
    assert gc.isenabled()
    yield
    keep_long_lived_aside(False)
    gc.unfreeze()
    gc.enable()


def test_a_block_pauses_the_collector_and_hands_everything_back() -> None:
    with paused_gc():
        assert not gc.isenabled()
        kept = [Node() for _ in range(100)]
        settle()
        assert gc.get_freeze_count() >= 100
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0  # handed back: the next full collection sees it all
    assert kept


def test_a_settled_block_ends_without_a_young_collection_walking_its_objects() -> None:
    with paused_gc():
        rows = [[n] for n in range(50_000)]  # 100,000 CSV rows' worth of objects, say
        settle()  # as a dry run does before its block ends
    # Moved to the oldest generation at once: the next young collection has nothing of
    # them to walk.
    assert gc.get_count()[0] < 1_000
    assert gc.get_freeze_count() == 0
    assert rows[-1] == [49_999]


def test_a_cycle_set_aside_in_a_block_is_collected_after_it() -> None:
    with paused_gc():
        ref = garbage_cycle()
        settle()  # the cycle is set aside while still referenced by nothing
    gc.collect()
    assert ref() is None


def test_keep_aside_sets_long_lived_objects_aside_for_good() -> None:
    keep_long_lived_aside()
    assert keeping_aside()
    before = gc.get_freeze_count()
    assert before > 0  # what existed (modules, this test) is set aside
    with paused_gc():
        rows = [[n] for n in range(2_000)]  # the activity view's rows, say
    assert gc.isenabled()
    # The block's survivors joined what is set aside: a full collection does not walk them.
    assert gc.get_freeze_count() >= before + 2_000
    assert rows[1999] == [1999]


def test_keep_aside_garbage_cycles_wait_for_collect_everything() -> None:
    keep_long_lived_aside()
    with paused_gc():
        ref = garbage_cycle()
        settle()
    gc.collect()
    assert ref() is not None  # set aside: the ordinary full collection skips it
    assert collect_everything() >= 2
    assert ref() is None
    assert gc.get_freeze_count() > 0  # and the survivors are set aside again


def test_collect_everything_waits_while_a_block_runs() -> None:
    keep_long_lived_aside()
    with paused_gc():
        ref = garbage_cycle()
        settle()
        assert collect_everything() == 0
        assert ref() is not None
    assert collect_everything() >= 2
    assert ref() is None


def test_ending_the_mode_hands_everything_back() -> None:
    keep_long_lived_aside()
    keep_long_lived_aside(False)
    assert not keeping_aside()
    assert gc.get_freeze_count() == 0
    assert gc_pause._depth == 0


def test_young_collections_wait_for_settle() -> None:
    from app.gc_pause import YOUNG_BATCH, collect_young

    with paused_gc():
        made = [[n] for n in range(4 * YOUNG_BATCH)]
        collect_young()  # before settle(): everything is young, nothing is walked
        assert gc.get_count()[0] >= YOUNG_BATCH
        settle()
        more = [[n] for n in range(2 * YOUNG_BATCH)]
        collect_young()  # after it: what was made since is collected and set aside
        assert gc.get_count()[0] < YOUNG_BATCH
    assert made and more
