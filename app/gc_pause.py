"""Keep Python's cyclic garbage collector off the objects a cycle holds while it works.

A cycle over 10,000 users keeps a few hundred thousand small objects alive until it ends
(source records, the plan, payloads, events). Each collection of the older generations
walks all of them again: with the GUI loaded, a hundred milliseconds or more on whichever
thread allocates at that moment, usually the GUI thread (the heartbeat stalls of P4), and
more than half of the time of reading 100,000 CSV rows (P2). Reference counting frees what
dies; the collector is only needed for reference cycles, which are few here (about two
objects a user, from asyncio and httpx).

So while at least one `paused_gc()` block runs (a cycle, a dry run, a CSV read; in any
thread), automatic collection is off. `settle()` (the engine calls it once the plan is
made) sets what exists aside with gc.freeze(), at no cost, and `collect_young()` (the
executor calls it after each batch of results) collects only what was made since, once
there is enough of it to be worth a few milliseconds, then sets the survivors aside too.
When the last block ends, everything set aside is handed back (gc.unfreeze()) and automatic
collection is back as it was: the garbage of the cycle is collected then, as usual. A dry run
sets aside what it made just before its block ends (`settle()`): handed back, it joins the
oldest generation in one step instead of being walked by the first young collection after
the block (a fifth of a second after 100,000 CSV rows, benchmark P2).

The window cannot afford "as usual": handing back a cycle's objects puts them all in the
oldest generation, whose next collection then walks every object of the process at once
(the window, the 10,000 rows of the activity view, the modules): 50 to 150 ms during which
the window does not repaint (benchmark P4). So the GUI calls `keep_long_lived_aside()` at
start: what exists then is set aside for good, and when a block ends only its young objects
are collected and the survivors set aside as well. Objects set aside are still freed as soon
as nothing refers to them (reference counting does not look at generations); only garbage
*cycles* among them wait, for `collect_everything()`, which the GUI calls when no window is
shown (a few thousand objects after a 10,000-user cycle).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

# Objects made since the last young collection before collect_young() collects them:
# a few milliseconds of work at a time.
YOUNG_BATCH = 5_000

_lock = threading.RLock()  # a finalizer run by a collection may come back here
_depth = 0
_was_enabled = False
_froze = False
_keep_aside = False  # the GUI's mode: see keep_long_lived_aside()


@contextmanager
def paused_gc() -> Iterator[None]:
    global _depth, _was_enabled, _froze
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            _froze = False
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0:
                if _keep_aside and _was_enabled:
                    _hand_back()
                elif _froze:
                    gc.unfreeze()
                _froze = False
                if _was_enabled:
                    gc.enable()


def _hand_back() -> None:
    """A block's end, in the GUI's mode: what it made is set aside with the rest, after a
    young collection when there is little to walk (the end of a cycle, which collected as
    it went) and only on the main thread: a collection elsewhere could free a Qt object's
    wrapper away from the thread that owns the window (PySide then deadlocks)."""
    if (
        gc.get_count()[0] < 4 * YOUNG_BATCH
        and threading.current_thread() is threading.main_thread()
    ):
        gc.collect(1)
    gc.freeze()


def settle() -> None:
    """Inside paused_gc(): set every object that exists now aside until the block ends."""
    global _froze
    with _lock:
        if _depth and _was_enabled:
            gc.freeze()
            _froze = True


def collect_young() -> None:
    """Inside paused_gc(), once settle() ran: collect what was made since the last call or
    settle(), once there are YOUNG_BATCH objects of it, and set the survivors aside."""
    global _froze
    with _lock:
        # Not before settle(): everything the block made so far is still young, and a
        # young collection would walk all of it (creations sent while the plan is being
        # made reach here first: a 140 ms pause of the window, benchmark P4).
        if _depth and _was_enabled and _froze and gc.get_count()[0] >= YOUNG_BATCH:
            gc.collect(1)
            gc.freeze()
            _froze = True


def keep_long_lived_aside(enabled: bool = True) -> None:
    """The GUI's mode: full collections never walk long-lived objects on their own.

    Sets aside what exists now (imports, the first window); from then on a paused_gc()
    block ends by collecting its young objects and setting the survivors aside, instead of
    handing everything back. `enabled=False` hands everything back and ends the mode.
    """
    global _keep_aside
    with _lock:
        _keep_aside = enabled
        if _depth:
            return  # the block's end does the rest
        if enabled:
            gc.freeze()
        else:
            gc.unfreeze()


def keeping_aside() -> bool:
    return _keep_aside


def collect_everything() -> int:
    """A full collection of every object, set aside or not; then, in the GUI's mode, set the
    survivors aside again. Does nothing while a paused_gc() block runs. Returns how many
    unreachable objects were found (gc.collect()'s count)."""
    with _lock:
        if _depth:
            return 0
        gc.unfreeze()
        found = gc.collect()
        if _keep_aside:
            gc.freeze()
        return found


__all__ = [
    "YOUNG_BATCH",
    "collect_everything",
    "collect_young",
    "keep_long_lived_aside",
    "keeping_aside",
    "paused_gc",
    "settle",
]
