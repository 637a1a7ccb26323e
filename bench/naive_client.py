"""The naive client P1 compares the engine with: what Entra's provisioning job does per user.

One user after another: GET /Users?filter=userName eq "..." then, when nothing matched,
POST /Users. A 429 is waited out for its Retry-After and the request sent again. No bulk,
no concurrency, no state. Plain httpx requests on the program's own client factory (so the
network policy is the same), none of the engine's code.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from typing import Any

import httpx

from app.net import make_async_client

SCIM_JSON = "application/scim+json"


@dataclass
class NaiveReport:
    users: int = 0
    created: int = 0
    matched: int = 0
    failed: int = 0
    requests: int = 0
    throttled: int = 0
    waited_seconds: float = 0.0
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)

    @property
    def users_per_second(self) -> float:
        return self.users / self.seconds if self.seconds else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "users": self.users,
            "created": self.created,
            "matched": self.matched,
            "failed": self.failed,
            "requests": self.requests,
            "throttled": self.throttled,
            "waited_seconds": round(self.waited_seconds, 3),
            "seconds": round(self.seconds, 3),
            "users_per_second": round(self.users_per_second, 3),
            "first_failures": self.failures[:5],
        }


def _retry_after(response: httpx.Response) -> float:
    try:
        return max(0.0, float(response.headers.get("Retry-After", "1")))
    except ValueError:
        return 1.0


async def _send(
    client: httpx.AsyncClient, report: NaiveReport, method: str, url: str, **kwargs: Any
) -> httpx.Response:
    while True:
        report.requests += 1
        response = await client.request(method, url, **kwargs)
        if response.status_code != 429:
            return response
        report.throttled += 1
        wait = _retry_after(response)
        report.waited_seconds += wait
        await asyncio.sleep(wait)


async def provision_naively(
    tenant_url: str, token: str, payloads: list[dict[str, Any]]
) -> NaiveReport:
    """Provision each payload with one filter GET and (when unmatched) one POST."""
    report = NaiveReport()
    headers = {"Authorization": f"Bearer {token}", "Accept": SCIM_JSON}
    async with make_async_client(base_url=tenant_url, headers=headers, http2=False) as client:
        started = time.perf_counter()
        for payload in payloads:
            user_name = str(payload["userName"])
            report.users += 1
            found = await _send(
                client, report, "GET", "Users", params={"filter": f'userName eq "{user_name}"'}
            )
            if found.status_code != 200:
                report.failed += 1
                report.failures.append(f"GET {user_name}: {found.status_code}")
                continue
            if int(found.json().get("totalResults", 0)) > 0:
                report.matched += 1
                continue
            created = await _send(
                client,
                report,
                "POST",
                "Users",
                json=payload,
                headers={"Content-Type": SCIM_JSON},
            )
            if created.status_code == 201:
                report.created += 1
            else:
                report.failed += 1
                report.failures.append(f"POST {user_name}: {created.status_code}")
        report.seconds = time.perf_counter() - started
    return report
