"""A sandbox whose Webex traffic is judged by Cisco's spec (webex_spec.py), for any test.

    async with contract_sandbox(SandboxConfig(seed_users=3)) as (sandbox, contract):
        ...  # drive sandbox.tenant_url, sandbox.people_me_url, ... with any client
    # leaving the block raises AssertionError listing every violation

    with contract_sandbox_in_thread(config) as (sandbox, contract):  # a thread of its own
        ...

Tests under tests/contract/ get the same through the fixtures of tests/contract/conftest.py.
"""

from __future__ import annotations

import contextlib
import dataclasses
import threading
from collections.abc import AsyncIterator, Iterator

from app.sandbox.recording import Exchange
from app.sandbox.server import SandboxConfig, SandboxServer
from tests.contract import webex_spec


class WebexContract:
    """Keeps every exchange the sandbox's Webex side answered and judges them on demand.

    `record` is the sandbox's observer (called from the sandbox's thread: it only keeps the
    exchange; validation runs when asked, in the test's thread). Requests made inside
    `with contract.invalid_requests():` may break the spec on purpose (to see how the sandbox
    answers them): their request's violations are kept apart, their answers are still judged.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._exchanges: list[tuple[Exchange, bool]] = []
        self._waiving = 0

    def record(self, exchange: Exchange) -> None:
        with self._lock:
            self._exchanges.append((exchange, self._waiving > 0))

    @contextlib.contextmanager
    def invalid_requests(self) -> Iterator[None]:
        with self._lock:
            self._waiving += 1
        try:
            yield
        finally:
            with self._lock:
                self._waiving -= 1

    @property
    def exchanges(self) -> list[Exchange]:
        with self._lock:
            return [exchange for exchange, _ in self._exchanges]

    def clear(self) -> None:
        with self._lock:
            self._exchanges.clear()

    def operations(self) -> set[str]:
        """The spec operations seen, as 'METHOD /path/{template}' (the spec's own paths)."""
        found = (webex_spec.operation_of(exchange) for exchange in self.exchanges)
        return {operation for operation in found if operation is not None}

    def violations(self) -> list[str]:
        """Every violation of the spec, waived requests' own violations excepted."""
        with self._lock:
            seen = list(self._exchanges)
        return [
            line
            for exchange, waived in seen
            for line in webex_spec.violations(exchange, judge_request=not waived)
        ]

    def waived_request_violations(self) -> list[str]:
        """What the requests made inside invalid_requests() broke (a test can assert it)."""
        with self._lock:
            seen = [exchange for exchange, waived in self._exchanges if waived]
        return [line for exchange in seen for line in webex_spec.request_violations(exchange)]

    def assert_clean(self) -> None:
        lines = self.violations()
        if lines:
            raise AssertionError(
                f"{len(lines)} difference(s) from Cisco's spec "
                f"({webex_spec.SPEC_FILE.name}):\n" + "\n".join(lines)
            )


def _observed(config: SandboxConfig | None, contract: WebexContract) -> SandboxConfig:
    return dataclasses.replace(config or SandboxConfig(), observer=contract.record)


@contextlib.asynccontextmanager
async def contract_sandbox(
    config: SandboxConfig | None = None,
    *,
    contract: WebexContract | None = None,
    check: bool = True,
) -> AsyncIterator[tuple[SandboxServer, WebexContract]]:
    """A sandbox on the running loop whose Webex exchanges are judged when the block ends
    (unless `check` is False: then call contract.assert_clean() or violations() yourself)."""
    contract = contract or WebexContract()
    async with SandboxServer(_observed(config, contract)) as sandbox:
        yield sandbox, contract
    if check:
        contract.assert_clean()


@contextlib.contextmanager
def contract_sandbox_in_thread(
    config: SandboxConfig | None = None,
    *,
    contract: WebexContract | None = None,
    check: bool = True,
) -> Iterator[tuple[SandboxServer, WebexContract]]:
    """The same, served from a thread of its own (SandboxServer.in_thread)."""
    contract = contract or WebexContract()
    with SandboxServer.in_thread(_observed(config, contract)) as sandbox:
        yield sandbox, contract
    if check:
        contract.assert_clean()


SCIM = "/identity/scim/{orgId}/v2"
# Every operation of Cisco's spec the program calls (app/webex): the contract tests walk
# them all, through raw requests and through the program's own client.
PROGRAM_OPERATIONS = {
    "GET /people/me",
    "GET /authorizations/tokenExpiry",
    f"GET {SCIM}/Users",
    f"POST {SCIM}/Users",
    f"GET {SCIM}/Users/{{userId}}",
    f"PUT {SCIM}/Users/{{userId}}",
    f"PATCH {SCIM}/Users/{{userId}}",
    f"DELETE {SCIM}/Users/{{userId}}",
    f"GET {SCIM}/Groups",
    f"POST {SCIM}/Groups",
    f"GET {SCIM}/Groups/{{groupId}}",
    f"PUT {SCIM}/Groups/{{groupId}}",
    f"PATCH {SCIM}/Groups/{{groupId}}",
    f"DELETE {SCIM}/Groups/{{groupId}}",
    f"GET {SCIM}/Groups/{{groupId}}/Members",
    f"POST {SCIM}/Bulk",
}


__all__ = ["PROGRAM_OPERATIONS", "WebexContract", "contract_sandbox", "contract_sandbox_in_thread"]
