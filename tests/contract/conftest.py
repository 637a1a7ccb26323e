"""Fixtures that judge every Webex exchange of a test by Cisco's spec (resources/vendor/).

Usage, in a test under tests/contract/:

    async def test_something(webex_contract_sandbox, webex_contract):
        sandbox = webex_contract_sandbox          # a SandboxServer on loopback, started
        ...                                       # any client, raw httpx or the program's
        assert "GET /identity/scim/{orgId}/v2/Users" in webex_contract.operations()

At teardown the test fails (an error at teardown) listing every request and every answer
that differs from the spec: method, path and query, status, and what is wrong. Requests that
break the spec on purpose go inside `with webex_contract.invalid_requests():` (their answers
are still judged). `webex_contract.exchanges` holds what was seen.

- The sandbox's configuration: override the `webex_contract_config` fixture in the test
  module (the observer is added to it).
- From a thread (the GUI, the CLI, code that runs its own loop): `webex_contract_sandbox_in_thread`.
- Outside tests/contract/: the same without fixtures, from tests.contract.harness:
  `async with contract_sandbox(config) as (sandbox, contract): ...` (raises on leaving).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest

from app.sandbox.server import SandboxConfig, SandboxServer
from tests.contract.harness import WebexContract, contract_sandbox, contract_sandbox_in_thread


@pytest.fixture
def webex_contract() -> WebexContract:
    return WebexContract()


@pytest.fixture
def webex_contract_config() -> SandboxConfig:
    return SandboxConfig(seed_users=3, seed_groups=1, seed=1)


def _fail_on_violations(contract: WebexContract) -> None:
    lines = contract.violations()
    if lines:
        pytest.fail(
            f"{len(lines)} difference(s) from Cisco's spec:\n" + "\n".join(lines), pytrace=False
        )


@pytest.fixture
async def webex_contract_sandbox(
    webex_contract: WebexContract, webex_contract_config: SandboxConfig
) -> AsyncIterator[SandboxServer]:
    async with contract_sandbox(webex_contract_config, contract=webex_contract, check=False) as (
        sandbox,
        _,
    ):
        yield sandbox
    _fail_on_violations(webex_contract)


@pytest.fixture
def webex_contract_sandbox_in_thread(
    webex_contract: WebexContract, webex_contract_config: SandboxConfig
) -> Iterator[SandboxServer]:
    with contract_sandbox_in_thread(
        webex_contract_config, contract=webex_contract, check=False
    ) as (sandbox, _):
        yield sandbox
    _fail_on_violations(webex_contract)
