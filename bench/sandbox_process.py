"""The Webex sandbox served from a process of its own, driven by JSON lines on stdin.

`python -m bench.sandbox_process [--rate-limit R] [--latency-ms L] [--faults SPEC]` prints
one JSON line (tenant URL, admin token), then answers one JSON line per command:
`requests` (a summary of the request record), `records` (the record itself), `reset` (clear it), `users` (how many users
the tenant holds, and how many are active), `settings` (change rate limit, latency, faults),
`quit`. The bench's engine runs in another process, so the server's CPU does not share its
GIL.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections import Counter
from typing import Any

from app.sandbox.recording import RequestRecord
from app.sandbox.server import SandboxConfig, SandboxServer

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def summarize(records: list[RequestRecord]) -> dict[str, Any]:
    """What the sandbox saw: requests by method, status and fault, reads and writes.

    A Bulk POST counts as one write request; `bulk_requests` says how many there were.
    A request refused with 429 processed nothing: `writes_processed` leaves them out.
    """
    by_method = Counter(r.method for r in records)
    by_status = Counter(str(r.status) for r in records)
    by_fault = Counter(r.fault for r in records if r.fault)
    writes = [r for r in records if r.method in WRITE_METHODS]
    reads = [r for r in records if r.method == "GET"]
    times = [r.time for r in records]
    return {
        "total": len(records),
        "by_method": dict(by_method),
        "by_status": dict(by_status),
        "by_fault": dict(by_fault),
        "writes": len(writes),
        "writes_processed": sum(1 for r in writes if r.status not in (0, 429)),
        "reads": len(reads),
        "reads_processed": sum(1 for r in reads if r.status not in (0, 429)),
        "bulk_requests": sum(1 for r in records if r.path.rstrip("/").endswith("/Bulk")),
        "throttled": by_status.get("429", 0),
        "first": min(times) if times else None,
        "last": max(times) if times else None,
        "http_versions": dict(Counter(r.http_version for r in records)),
        "server_seconds": round(sum(r.duration for r in records), 3),
        "slowest_request_seconds": round(max((r.duration for r in records), default=0.0), 3),
    }


def count_users(sandbox: SandboxServer) -> dict[str, int]:
    users = sandbox.users()
    return {
        "users": len(users),
        "active": sum(1 for user in users if user.get("active", True)),
        "distinct_user_names": len({str(user.get("userName", "")).lower() for user in users}),
    }


async def serve(config: SandboxConfig) -> None:
    loop = asyncio.get_running_loop()
    async with SandboxServer(config) as sandbox:
        hello = {
            "base_url": sandbox.base_url,
            "tenant_url": sandbox.tenant_url,
            "token": sandbox.tokens.full_admin,
            "settings": sandbox.settings,
        }
        print(json.dumps(hello), flush=True)
        while True:
            line = await loop.run_in_executor(None, sys.stdin.readline)
            if not line:
                return  # the bench went away
            try:
                request = json.loads(line)
                command = request.get("command")
                result: Any
                if command == "quit":
                    print(json.dumps({"result": "bye"}), flush=True)
                    return
                if command == "requests":
                    result = summarize(sandbox.requests)
                elif command == "records":
                    result = [
                        [r.method, r.path, r.status, r.time, round(r.duration, 4), r.fault]
                        for r in sandbox.requests
                    ]
                elif command == "reset":
                    sandbox.reset_requests()
                    result = "ok"
                elif command == "users":
                    result = count_users(sandbox)
                elif command == "settings":
                    if "rate_limit" in request:
                        sandbox.set_rate_limit(request["rate_limit"])
                    if "latency_ms" in request:
                        sandbox.set_latency_ms(float(request["latency_ms"]))
                    if "faults" in request:
                        sandbox.set_faults(str(request["faults"]))
                    result = sandbox.settings
                else:
                    raise ValueError(f"unknown command {command!r}")
                answer: dict[str, Any] = {"result": result}
            except Exception as error:
                answer = {"error": f"{type(error).__name__}: {error}"}
            print(json.dumps(answer), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.sandbox_process")
    parser.add_argument("--rate-limit", type=float)
    parser.add_argument("--latency-ms", type=float, default=0.0)
    parser.add_argument("--faults", default="")
    parser.add_argument("--seed-users", type=int, default=0)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--profile", metavar="PATH", help="write cProfile statistics there")
    args = parser.parse_args()
    config = SandboxConfig(
        rate_limit=args.rate_limit,
        latency_ms=args.latency_ms,
        faults=args.faults,
        seed_users=args.seed_users,
        seed=args.seed,
    )
    if args.profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
        try:
            asyncio.run(serve(config))
        finally:
            profiler.disable()
            profiler.dump_stats(args.profile)
    else:
        asyncio.run(serve(config))


if __name__ == "__main__":
    main()
