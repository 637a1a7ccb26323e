"""The quick lane's guard (tests/unit/conftest.py) stops a unit test that leaves the process."""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest


def test_a_unit_test_cannot_start_a_process() -> None:
    with pytest.raises(AssertionError, match="move this test to tests/integration"):
        subprocess.run([sys.executable, "-c", "pass"], check=False)


def test_a_unit_test_cannot_listen_or_connect() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        with pytest.raises(AssertionError, match="listen on a socket"):
            sock.listen(1)
        with pytest.raises(AssertionError, match="connect a socket"):
            sock.connect(("127.0.0.1", 9))
