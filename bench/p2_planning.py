"""P2 planning: a dry run of 100,000 CSV users against 100,000 known ones.

"Known" means what a finished cycle leaves: every user linked in the state file with the
hash of what was last written. The state is built by a set-up process with the engine's own
mapper and hash; the dry run is measured in a fresh process (`measure`), which reports its
wall time and its peak resident memory (getrusage maxrss), so that nothing the bench built
counts. The target is a sandbox in another process: a dry run over unchanged users should
not need it, and its request record says whether it did.

Also `python -m bench.p2_planning setup|measure ...` (the runner calls these).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import sys
import time
import uuid
from pathlib import Path
from typing import Any

from bench.common import (
    PYTHON,
    BenchResult,
    Figure,
    RunContext,
    SandboxProcess,
    bench_env,
    csv_profile,
    run_json_subprocess,
    write_users_csv,
)

NAME = "p2"
TITLE = "P2 planning (dry run)"
USERS, QUICK_USERS = 100_000, 10_000
TARGET_SECONDS = 2.0  # for 100,000 users; scaled to the count in a quick run
TARGET_MEMORY_MB = 500.0
RUNS = 3  # fresh dry-run processes; the figure is their median


def _maxrss_mb() -> float:
    # Linux reports kilobytes (macOS bytes); the bench runs on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


async def _setup(csv_path: Path, state_path: Path) -> dict[str, Any]:
    """Link every CSV user with the hashes a completed cycle would have stored."""
    from app.directory.csv import CsvSource
    from app.sync.mapping import Mapper
    from app.sync.matching import payload_hash
    from app.sync.planner import mapping_fingerprint, source_record_hash
    from app.sync.state import StateStore
    from app.sync.state.records import Link

    profile = csv_profile(
        "bench-p2", f"http://127.0.0.1:9/identity/scim/{uuid.UUID(int=1)}/v2/", csv_path
    )
    assert profile.source.csv is not None
    source = CsvSource(profile.source.csv)
    read = await source.read(None)
    await source.aclose()
    mapper = Mapper(profile.mappings)
    fingerprint = mapping_fingerprint(profile.mappings, profile.scoping)
    links = [
        Link(
            object_type="User",
            source_id=user.source_id,
            target_id=str(uuid.uuid4()),
            user_name=user.user_name,
            hash=payload_hash(mapper.user_payload(user, creating=False)),
            source_hash=source_record_hash(user, fingerprint, read.record_context),
        )
        for user in read.users
    ]
    with StateStore(state_path) as state:
        state.save_links(links)
        linked = state.count_links("User")
    return {"linked": linked}


async def _measure(csv_path: Path, state_path: Path, tenant_url: str, token: str) -> dict[str, Any]:
    from app.sync.engine import SyncEngine
    from app.sync.state import StateStore

    profile = csv_profile("bench-p2", tenant_url, csv_path)
    rss_before = _maxrss_mb()
    state = StateStore(state_path)
    async with SyncEngine(profile, token=token, state=state) as engine:
        started = time.perf_counter()
        plan = await engine.dry_run()
        seconds = time.perf_counter() - started
    state.close()
    return {
        "seconds": seconds,
        "maxrss_mb": _maxrss_mb(),
        "maxrss_before_dry_run_mb": rss_before,
        "counts": plan.counts(),
        "operations": len(plan),
        "target_reads": plan.target_reads,
    }


def run(context: RunContext) -> BenchResult:
    users = QUICK_USERS if context.quick else USERS
    folder = context.folder("p2")
    env = bench_env(context.workdir)
    csv_path = write_users_csv(folder / "users.csv", users)
    state_path = folder / "state.sqlite"
    module = [PYTHON, "-m", "bench.p2_planning"]
    setup = run_json_subprocess(
        [*module, "setup", "--csv", str(csv_path), "--state", str(state_path)], env=env
    )
    with SandboxProcess(env=env) as sandbox:
        # Three fresh processes: this machine's speed drifts by a third from one run to the
        # next; the figure is the median, every sample is in the details.
        samples = [
            run_json_subprocess(
                [
                    *module,
                    "measure",
                    "--csv",
                    str(csv_path),
                    "--state",
                    str(state_path),
                    "--tenant-url",
                    sandbox.tenant_url,
                    "--token-stdin",
                ],
                env=env,
                stdin_text=sandbox.token,
            )
            for _ in range(RUNS)
        ]
        requests = sandbox.ask("requests")
    ordered = sorted(samples, key=lambda sample: float(sample["seconds"]))
    measured = ordered[len(ordered) // 2]
    no_change = int(measured["counts"].get("NoChange", 0))
    figures = [
        Figure(
            key="p2.duration",
            title=f"dry run, {users:,} source users against {users:,} known, median of {RUNS}",
            value=measured["seconds"],
            unit="s",
            target=TARGET_SECONDS * users / USERS,
        ),
        Figure(
            key="p2.peak_memory",
            title="peak resident memory of the dry-run process (highest sample)",
            value=max(float(sample["maxrss_mb"]) for sample in samples),
            unit="MB",
            target=TARGET_MEMORY_MB,
            notes=(
                "getrusage maxrss of a fresh process; "
                f"{measured['maxrss_before_dry_run_mb']:.0f} MB of it before the dry run "
                "(interpreter and imports)"
            ),
        ),
        Figure(
            key="p2.unchanged_planned",
            title="users planned as no change (all are unchanged)",
            value=float(no_change),
            unit="users",
            target=float(users),
            better="higher",
        ),
    ]
    details = {
        "users": users,
        "setup": setup,
        "measured": measured,
        "samples_seconds": [round(float(sample["seconds"]), 3) for sample in samples],
        "target_requests": requests,
        "method": (
            "set-up process links every user with the engine's mapper and payload_hash; "
            "a fresh process times SyncEngine.dry_run() (CSV read, mapping, scoping, "
            "matching against the links, plan) and reports getrusage maxrss"
        ),
    }
    return BenchResult(NAME, TITLE, figures, details)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.p2_planning")
    parser.add_argument("step", choices=("setup", "measure"))
    parser.add_argument("--csv", type=Path, required=True)
    parser.add_argument("--state", type=Path, required=True)
    parser.add_argument("--tenant-url", default="")
    parser.add_argument("--token-stdin", action="store_true")
    args = parser.parse_args()
    if args.step == "setup":
        result = asyncio.run(_setup(args.csv, args.state))
    else:
        token = sys.stdin.readline().strip() if args.token_stdin else ""
        result = asyncio.run(_measure(args.csv, args.state, args.tenant_url, token))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
