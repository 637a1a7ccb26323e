"""Guards against the PySide6 6.12.0 bug on Python 3.11 that aborts the program.

Every void Qt call dropped one reference to None, and every signal emit one to a bool;
under qasync the process died within seconds ("Fatal Python error: none_dealloc").
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QObject, Signal

# From Python 3.12 on, None and the bools are immortal: their counts never move.
pytestmark = pytest.mark.skipif(
    sys.version_info >= (3, 12), reason="None and bools are immortal from Python 3.12"
)


class _Emitter(QObject):
    flag = Signal(bool)


def test_void_qt_calls_keep_none_alive() -> None:
    obj = QObject()
    before = sys.getrefcount(None)
    for _ in range(5000):
        obj.setObjectName("x")
    drift = before - sys.getrefcount(None)
    # A healthy binding leaves None's count where it was, give or take a few references
    # taken by the interpreter meanwhile; the broken one loses one per call (5000).
    assert abs(drift) < 100, f"None lost {drift} references over 5000 void Qt calls"


def test_signal_emits_keep_bools_alive() -> None:
    emitter = _Emitter()
    received: list[bool] = []
    emitter.flag.connect(received.append)
    before = sys.getrefcount(True)
    for _ in range(5000):
        emitter.flag.emit(True)
    gained = sys.getrefcount(True) - before
    assert len(received) == 5000
    # `received` holds 5000 references to True; the broken binding took them back.
    assert abs(gained - 5000) < 100, f"True gained {gained} references, expected 5000"
