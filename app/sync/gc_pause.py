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
collection is back as it was: the garbage of the cycle is collected then, as usual.
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
                if _froze:
                    gc.unfreeze()
                    _froze = False
                if _was_enabled:
                    gc.enable()


def settle() -> None:
    """Inside paused_gc(): set every object that exists now aside until the block ends."""
    global _froze
    with _lock:
        if _depth and _was_enabled:
            gc.freeze()
            _froze = True


def collect_young() -> None:
    """Inside paused_gc(): collect what was made since the last call or settle(), once
    there are YOUNG_BATCH objects of it, and set the survivors aside."""
    global _froze
    with _lock:
        if _depth and _was_enabled and gc.get_count()[0] >= YOUNG_BATCH:
            gc.collect(1)
            gc.freeze()
            _froze = True


__all__ = ["YOUNG_BATCH", "collect_young", "paused_gc", "settle"]
