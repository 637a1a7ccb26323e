"""Unit tests run in this process alone: no server, no subprocess, no network.

Tests that start a loopback server, a child process or a real tool belong in
tests/integration (or gui, e2e, reliability). The guard below makes a unit test that tries
fail at once with a message that says so, instead of slowing the quick lane down.
"""

from __future__ import annotations

import socket
import subprocess
from collections.abc import Iterator
from typing import Any, NoReturn

import pytest


def _refuse(what: str) -> Any:
    def refuse(*_args: object, **_kwargs: object) -> NoReturn:
        raise AssertionError(f"a unit test must not {what}: move this test to tests/integration")

    return refuse


@pytest.fixture(autouse=True)
def unit_stays_in_process(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(subprocess.Popen, "__init__", _refuse("start a process"))
    monkeypatch.setattr(socket.socket, "listen", _refuse("listen on a socket"))
    monkeypatch.setattr(socket.socket, "connect", _refuse("connect a socket"))
    monkeypatch.setattr(socket.socket, "connect_ex", _refuse("connect a socket"))
    yield
