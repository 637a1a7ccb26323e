"""The sandbox server itself: rate limit, faults, latency, state file, h2c, concurrency, threads."""

from __future__ import annotations

import asyncio
import json
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from app.errors import InputError
from app.sandbox.faults import FaultSpecError
from app.sandbox.server import SandboxConfig, SandboxError, SandboxServer
from app.sandbox.store import read_state
from app.webex.constants import CORE_USER


def admin(sandbox: SandboxServer, **kwargs: object) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        base_url=sandbox.tenant_url,
        headers={"Authorization": f"Bearer {sandbox.tokens.full_admin}"},
        timeout=10,
        **kwargs,  # type: ignore[arg-type]
    )


def user(user_name: str) -> dict[str, object]:
    return {"schemas": [CORE_USER], "userName": user_name, "userType": "user"}


async def test_rate_limit_answers_429_with_retry_after() -> None:
    async with SandboxServer(SandboxConfig(rate_limit=3)) as sandbox, admin(sandbox) as http:
        responses = [await http.get("Users") for _ in range(10)]
    statuses = [r.status_code for r in responses]
    assert statuses[:3] == [200, 200, 200]  # a burst of one second's worth
    limited = [r for r in responses if r.status_code == 429]
    assert len(limited) >= 6
    for response in limited:
        assert int(response.headers["Retry-After"]) >= 1
        body = response.json()
        assert body["status"] == "429"
        assert body["trackingId"] == response.headers["TrackingID"]
    assert {r.fault for r in sandbox.requests if r.status == 429} == {"rate-limit"}


async def test_rate_limit_latency_and_faults_change_while_running() -> None:
    async with SandboxServer() as sandbox, admin(sandbox) as http:
        assert (await http.get("Users")).status_code == 200
        sandbox.set_faults("5xx=1")
        failed = await http.get("Users")
        sandbox.set_faults("none")
        sandbox.set_rate_limit(1)
        first, second = await http.get("Users"), await http.get("Users")
        sandbox.set_rate_limit(None)
        # The same changes over HTTP, as a subprocess-run sandbox takes them.
        control = await http.post(
            f"{sandbox.base_url}/_sandbox/settings",
            json={"faults": "429=1", "latency_ms": 5, "rate_limit": None},
        )
        throttled = await http.get("Users")
        refused = await http.post(
            f"{sandbox.base_url}/_sandbox/settings",
            json={"faults": "5xx=0.5,5xx=0.1"},
        )
        async with httpx.AsyncClient() as stranger:
            anonymous = await stranger.get(f"{sandbox.base_url}/_sandbox/settings")
    assert failed.status_code in (500, 502, 503)
    assert (first.status_code, second.status_code) == (200, 429)
    assert control.json() == {"rate_limit": None, "latency_ms": 5.0, "faults": "429=1"}
    assert throttled.status_code == 429
    assert throttled.headers["Retry-After"] == "1"
    assert refused.status_code == 400
    assert "given twice" in refused.json()["message"]
    assert anonymous.status_code == 401
    assert sandbox.settings["faults"] == "429=1"


async def test_faults_happen_at_the_configured_rates() -> None:
    config = SandboxConfig(faults="5xx=0.15,429=0.1,malformed=0.1,reset=0.05", seed=3)
    seen = {"5xx": 0, "429": 0, "malformed": 0, "reset": 0, "clean": 0}
    server_statuses = set()
    async with SandboxServer(config) as sandbox, admin(sandbox) as http:
        for _ in range(n := 300):
            try:
                response = await http.get("Users", params={"count": 1})
            except httpx.TransportError:
                seen["reset"] += 1
                continue
            if response.status_code >= 500:
                seen["5xx"] += 1
                server_statuses.add(response.status_code)
                assert response.json()["trackingId"] == response.headers["TrackingID"]
            elif response.status_code == 429:
                seen["429"] += 1
                assert response.headers["Retry-After"] == "1"
            else:
                try:
                    response.json()
                except json.JSONDecodeError:
                    seen["malformed"] += 1
                else:
                    seen["clean"] += 1
    for name, p in {"5xx": 0.15, "429": 0.1, "malformed": 0.1, "reset": 0.05, "clean": 0.6}.items():
        sigma = (n * p * (1 - p)) ** 0.5
        assert abs(seen[name] - n * p) <= 4 * sigma, (name, seen)
    assert server_statuses == {500, 502, 503}
    recorded = [r.fault for r in sandbox.requests]
    assert recorded.count("5xx") == seen["5xx"]
    assert recorded.count("reset") == seen["reset"]


async def test_resets_drop_the_connection_and_malformed_bodies_are_not_json() -> None:
    async with SandboxServer(SandboxConfig(faults="reset=1")) as sandbox, admin(sandbox) as http:
        outcomes = []
        for index in range(12):
            try:
                await http.post("Users", json=user(f"reset{index}@example.com"))
            except httpx.TransportError:
                outcomes.append("dropped")
            else:
                outcomes.append("answered")
        sandbox.set_faults("malformed=1")
        malformed = await http.get("Users")
        sandbox.set_faults("")
        listing = (await http.get("Users")).json()
    assert outcomes == ["dropped"] * 12
    assert all(r.status == 0 and r.fault == "reset" for r in sandbox.requests[:12])
    # Some resets come after the user was created: a client cannot tell from the drop.
    assert 0 < listing["totalResults"] < 12
    with pytest.raises(json.JSONDecodeError):
        json.loads(malformed.text)


async def test_latency_is_added_to_every_answer() -> None:
    async with SandboxServer(SandboxConfig(latency_ms=150)) as sandbox, admin(sandbox) as http:
        await http.get("Users")
        sandbox.set_latency_ms(0)
        await http.get("Users")
    slow, fast = sandbox.requests
    # A lower bound only (the sleep cannot end early), with room for the clock's resolution.
    assert slow.duration >= 0.14
    assert slow.duration > fast.duration


async def test_h2c_with_prior_knowledge() -> None:
    async with (
        SandboxServer(SandboxConfig(seed_users=2)) as sandbox,
        admin(sandbox, http1=False, http2=True) as http,
    ):
        responses = await asyncio.gather(*(http.get("Users") for _ in range(8)))
    assert {r.http_version for r in responses} == {"HTTP/2"}
    assert all(r.json()["totalResults"] == 2 for r in responses)
    assert {r.http_version for r in sandbox.requests} == {"2"}


async def test_32_concurrent_requests_all_succeed() -> None:
    async with SandboxServer(SandboxConfig(seed_users=5)) as sandbox, admin(sandbox) as http:
        creates = [http.post("Users", json=user(f"parallel{i}@example.com")) for i in range(16)]
        reads = [http.get("Users") for _ in range(16)]
        responses = await asyncio.gather(*creates, *reads)
    assert [r.status_code for r in responses[:16]] == [201] * 16
    assert [r.status_code for r in responses[16:]] == [200] * 16
    assert len(sandbox.users()) == 21
    assert len(sandbox.requests) == 32


async def test_state_file_survives_a_restart_and_another_process_reads_it(tmp_path: Path) -> None:
    state = tmp_path / "tenant.sqlite3"
    async with SandboxServer(SandboxConfig(state_file=state, seed_users=3)) as first:
        org, token = first.org_uuid, first.tokens.full_admin
        async with admin(first) as http:
            created = (await http.post("Users", json=user("zoe.chevalier@example.com"))).json()
            await http.patch(
                f"Users/{created['id']}",
                json={
                    "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                    "Operations": [{"op": "replace", "path": "active", "value": False}],
                },
            )
        # Another process reads the file while the sandbox still serves from it.
        script = (
            "import sys, json; from pathlib import Path; from app.sandbox.store import read_state;"
            "s = read_state(Path(sys.argv[1]));"
            "print(json.dumps(sorted(u['userName'] for u in s.of('webex', 'User'))))"
        )
        read = subprocess.run(
            [sys.executable, "-c", script, str(state)], capture_output=True, text=True, check=True
        )
    names = json.loads(read.stdout)
    assert "zoe.chevalier@example.com" in names
    assert len(names) == 4

    # Restarted with other seed options: the file wins, nothing is seeded twice.
    async with SandboxServer(SandboxConfig(state_file=state, seed_users=10)) as second:
        assert (second.org_uuid, second.tokens.full_admin) == (org, token)
        async with admin(second) as http:
            fetched = await http.get(f"Users/{created['id']}")
            again = await http.post("Users", json=user("Zoe.Chevalier@example.com"))
            newer = await http.post("Users", json=user("yann.leroy@example.com"))
    assert fetched.status_code == 200
    assert fetched.json()["active"] is False
    assert again.status_code == 409  # the uniqueness index was rebuilt from the file
    assert newer.json()["meta"]["version"] not in {
        fetched.json()["meta"]["version"],
        created["meta"]["version"],
    }
    assert len(read_state(state).of("webex", "User")) == 5


async def test_a_state_file_from_before_the_user_and_group_admin_tokens_still_opens(
    tmp_path: Path,
) -> None:
    state = tmp_path / "old.sqlite3"
    async with SandboxServer(SandboxConfig(state_file=state, seed_users=2)) as first:
        old = first.tokens.to_dict()
    # As a sandbox of the previous version wrote it: no user_admin or group_admin token.
    legacy = {k: v for k, v in old.items() if k not in ("user_admin", "group_admin")}
    with sqlite3.connect(state) as db:
        db.execute("UPDATE meta SET value = ? WHERE key = 'tokens'", (json.dumps(legacy),))
    async with SandboxServer(SandboxConfig(state_file=state)) as second:
        tokens = second.tokens
        assert {k: v for k, v in tokens.to_dict().items() if k in legacy} == legacy
        assert tokens.user_admin and tokens.group_admin
        async with httpx.AsyncClient(
            base_url=second.tenant_url, headers={"Authorization": f"Bearer {tokens.user_admin}"}
        ) as http:
            assert (await http.get("Users")).json()["totalResults"] == 2
    # The new tokens were kept: the next start gives the same ones.
    async with SandboxServer(SandboxConfig(state_file=state)) as third:
        assert third.tokens == tokens


def test_in_thread_serves_from_its_own_loop() -> None:
    with SandboxServer.in_thread(SandboxConfig(seed_users=1)) as sandbox:
        response = httpx.get(
            sandbox.people_me_url,
            headers={"Authorization": f"Bearer {sandbox.tokens.full_admin}"},
        )
        url = sandbox.base_url
    assert response.json()["orgId"] == sandbox.org_id
    with pytest.raises(httpx.ConnectError):
        httpx.get(url)  # stopped with the block


def test_a_port_in_use_is_reported_clearly() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        with (
            pytest.raises(SandboxError, match="cannot listen") as caught,
            SandboxServer.in_thread(SandboxConfig(port=port)),
        ):
            pass
    assert "--port" in caught.value.next_step


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"faults": "5xx=0.7,429=0.5"}, "add up to 1.2"),
        ({"faults": "5xx"}, "has no probability"),
        ({"seed_users": -1}, "cannot be negative"),
        ({"rate_limit": 0}, "more than 0"),
        ({"host": "0.0.0.0"}, "only on this computer"),
    ],
)
def test_bad_configuration_is_refused_with_a_reason(
    options: dict[str, object], message: str
) -> None:
    with pytest.raises(InputError, match=message) as caught:
        SandboxConfig(**options)  # type: ignore[arg-type]
    assert caught.value.next_step
    if "faults" in options:
        assert isinstance(caught.value, FaultSpecError)


async def test_generic_scim_app_has_discovery_and_its_own_token() -> None:
    async with (
        SandboxServer() as sandbox,
        httpx.AsyncClient(base_url=sandbox.scim_app_url) as http,
    ):
        config = await http.get(
            "ServiceProviderConfig",
            headers={"Authorization": f"Bearer {sandbox.tokens.scim_app}"},
        )
        created = await http.post(
            "Users",
            json={"schemas": [CORE_USER], "userName": "no-email-rule-here"},
            headers={"Authorization": f"Bearer {sandbox.tokens.scim_app}"},
        )
        wrong_token = await http.get(
            "Users", headers={"Authorization": f"Bearer {sandbox.tokens.full_admin}"}
        )
    body = config.json()
    assert body["bulk"]["supported"] is True
    assert body["filter"]["supported"] is True
    assert body["sort"]["supported"] is True
    assert created.status_code == 201
    assert wrong_token.status_code == 401
    assert sandbox.scim_app_users()[0]["userName"] == "no-email-rule-here"
    assert sandbox.users() == []
