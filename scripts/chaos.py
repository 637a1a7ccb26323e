"""Crash resume under chaos: `webex-provisioner sync` killed with SIGKILL at random moments.

Each trial provisions a CSV of 2,000 users (and their department groups) into a fresh Webex
sandbox served from a thread of this process. The sync runs as its own process, as a
scheduler would start it (`python -m app sync --profile NAME --json`), and is killed with
SIGKILL one to three times at random moments, then run again until a run completes. Then
the sandbox is checked:

- no userName twice, none missing, no user or group the source does not have;
- every user carries the mapped attributes (userName, names, displayName, work e-mail,
  title, externalId, active), every group exactly its members;
- the program's state agrees: no journal entry left, one link per user;
- the plan of the next cycle (`sync --dry-run --json`) has nothing to do.

A kill moment is either a delay drawn in the window a whole sync takes ("timed": start-up,
reading, planning, writing, groups) or a number of write requests the sandbox has answered
plus a little jitter ("writes": in the middle of the users' bulk requests).

    python scripts/chaos.py --trials 50            # the full run
    python scripts/chaos.py --trials 3 --seed 7    # what the test suite runs

The last line printed is a JSON report; the exit code is 0 when every trial passed.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from app.config.profile import Profile  # noqa: E402
from app.config.store import ProfileStore  # noqa: E402
from app.sandbox import seed as seed_data  # noqa: E402
from app.sandbox.server import SandboxConfig, SandboxServer  # noqa: E402
from app.sync.state import StateStore  # noqa: E402

PROFILE = "chaos"
COLUMNS = (
    "userPrincipalName",
    "givenName",
    "surname",
    "displayName",
    "mail",
    "jobTitle",
    "department",
    "accountEnabled",
)
WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"


# -- the source ---------------------------------------------------------------------------


def make_rows(count: int, seed: int) -> list[dict[str, str]]:
    """`count` directory users with French and English names, one department each."""
    rows = []
    for person in seed_data.people(count, seed):
        rows.append(
            {
                "userPrincipalName": person.user_name,
                "givenName": person.given_name,
                "surname": person.family_name,
                "displayName": person.display_name,
                "mail": person.user_name,
                "jobTitle": person.title,
                "department": person.department,
                "accountEnabled": "true",
            }
        )
    return rows


def write_csv(path: Path, rows: Sequence[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return path


def make_profile(tenant_url: str, csv_path: Path) -> Profile:
    return Profile.model_validate(
        {
            "name": PROFILE,
            "target": {"tenant_url": tenant_url},
            "source": {
                "kind": "csv",
                "csv": {"path": str(csv_path), "group_columns": ["department"]},
            },
            "provisioning_enabled": True,  # `sync` refuses a profile that is off
        }
    )


# -- what the tenant must hold ------------------------------------------------------------


def expected_user(row: dict[str, str]) -> dict[str, Any]:
    """The attributes the default Webex mapping sends for a CSV row."""
    user_name = row["userPrincipalName"]
    return {
        "userName": user_name,
        "active": True,
        "displayName": row["displayName"],
        "name.givenName": row["givenName"],
        "name.familyName": row["surname"],
        "work email": user_name,
        "title": row["jobTitle"],
        # Coalesce([mailNickname], [id]): a CSV has no mailNickname; id is the source id.
        "externalId": user_name.lower(),
    }


def actual_user(user: dict[str, Any]) -> dict[str, Any]:
    name = user.get("name") or {}
    work = [
        e.get("value")
        for e in user.get("emails") or []
        if isinstance(e, dict) and e.get("type") == "work"
    ]
    return {
        "userName": user.get("userName"),
        "active": user.get("active", True),
        "displayName": user.get("displayName"),
        "name.givenName": name.get("givenName"),
        "name.familyName": name.get("familyName"),
        "work email": work[0] if len(work) == 1 else work,
        "title": user.get("title"),
        "externalId": user.get("externalId"),
    }


def tenant_problems(
    users: Sequence[dict[str, Any]],
    groups: Sequence[dict[str, Any]],
    rows: Sequence[dict[str, str]],
    *,
    limit: int = 20,
) -> list[str]:
    """Everything in which the tenant differs from the source (empty: it equals the plan)."""
    problems: list[str] = []
    names = Counter(str(u.get("userName", "")).lower() for u in users)
    duplicates = sorted(name for name, n in names.items() if n > 1)
    if duplicates:
        problems.append(f"{len(duplicates)} userNames exist more than once: {duplicates[:5]}")
    wanted = {row["userPrincipalName"].lower(): row for row in rows}
    missing = sorted(set(wanted) - set(names))
    if missing:
        problems.append(f"{len(missing)} users are missing: {missing[:5]}")
    extra = sorted(set(names) - set(wanted))
    if extra:
        problems.append(f"{len(extra)} users are not in the source: {extra[:5]}")
    ids_by_name: dict[str, str] = {}
    for user in users:
        key = str(user.get("userName", "")).lower()
        ids_by_name[key] = str(user.get("id"))
        row = wanted.get(key)
        if row is None:
            continue
        want, have = expected_user(row), actual_user(user)
        wrong = {k: (have[k], want[k]) for k in want if have[k] != want[k]}
        if wrong and len(problems) < limit:
            problems.append(f"{key}: (found, expected) {wrong}")

    members_wanted: dict[str, set[str]] = {}
    for row in rows:
        members_wanted.setdefault(row["department"], set()).add(
            ids_by_name.get(row["userPrincipalName"].lower(), "?")
        )
    group_names = Counter(str(g.get("displayName")) for g in groups)
    twice = sorted(name for name, n in group_names.items() if n > 1)
    if twice:
        problems.append(f"groups exist more than once: {twice}")
    if set(group_names) != set(members_wanted):
        problems.append(
            f"groups differ: missing {sorted(set(members_wanted) - set(group_names))}, "
            f"extra {sorted(set(group_names) - set(members_wanted))}"
        )
    for group in groups:
        name = str(group.get("displayName"))
        if name not in members_wanted:
            continue
        have_members = {str(m.get("value")) for m in group.get("members") or []}
        if have_members != members_wanted[name]:
            problems.append(
                f"group {name}: {len(members_wanted[name] - have_members)} members missing, "
                f"{len(have_members - members_wanted[name])} too many"
            )
    return problems[:limit]


# -- running and killing the sync ---------------------------------------------------------


@dataclass
class Run:
    """One start of `sync`: killed at a moment, or left to finish."""

    mode: str  # "timed" | "writes" | "finish"
    planned: float | int | None  # the delay (s) or the number of answered writes
    seconds: float = 0.0
    killed: bool = False
    exit_code: int | None = None
    outcome: str = ""
    users_at_end: int = 0  # users in the tenant when the run was killed or ended
    writes_at_end: int = 0  # write requests the sandbox had answered by then
    stderr_tail: str = ""


@dataclass
class Trial:
    number: int
    seed: int
    users: int
    runs: list[Run] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def kills(self) -> int:
        return sum(1 for run in self.runs if run.killed)

    @property
    def mid_write_kills(self) -> int:
        """Kills that left some users created and some not."""
        return sum(1 for run in self.runs if run.killed and 0 < run.users_at_end < self.users)

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.update(kills=self.kills, mid_write_kills=self.mid_write_kills, ok=self.ok)
        return data


def _answered_writes(sandbox: SandboxServer) -> int:
    return sum(1 for r in sandbox.requests if r.method in WRITE_METHODS and 200 <= r.status < 300)


def _env(home: Path, token: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("WEBEX_PROVISIONER_")}
    for name in ("CONFIG", "STATE", "LOG"):
        env[f"WEBEX_PROVISIONER_{name}_DIR"] = str(home / name.lower())
    env["WEBEX_PROVISIONER_TOKEN"] = token
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH", "")]))
    env["NO_PROXY"] = env["no_proxy"] = "127.0.0.1,localhost,::1"
    return env


def _command(*args: str) -> list[str]:
    return [sys.executable, "-m", "app", *args]


def run_sync(
    sandbox: SandboxServer,
    env: dict[str, str],
    run: Run,
    *,
    timeout: float,
) -> Run:
    """Start `sync` and kill it at the run's moment (or let it finish)."""
    started = time.monotonic()
    writes_before = _answered_writes(sandbox)
    process = subprocess.Popen(  # noqa: S603 (this Python, fixed arguments)
        _command("sync", "--profile", PROFILE, "--json"),
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        if run.mode == "timed":
            assert isinstance(run.planned, float)
            deadline = started + run.planned
            while process.poll() is None and time.monotonic() < deadline:
                time.sleep(0.005)
        elif run.mode == "writes":
            assert isinstance(run.planned, int)
            wanted = writes_before + run.planned
            while process.poll() is None and _answered_writes(sandbox) < wanted:
                if time.monotonic() - started > timeout:
                    run.stderr_tail = f"no write answered for {timeout:.0f}s: the sync hung"
                    break
                time.sleep(0.005)
            time.sleep(random.Random(run.planned).uniform(0.0, 0.05))  # land mid-request
        if run.mode != "finish" and process.poll() is None:
            process.send_signal(signal.SIGKILL)
            run.killed = True
        out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        out, err = process.communicate()
        run.stderr_tail = "timed out; " + err[-500:]
    run.seconds = round(time.monotonic() - started, 3)
    run.exit_code = process.returncode
    run.users_at_end = len(sandbox.users())
    run.writes_at_end = _answered_writes(sandbox) - writes_before
    if not run.killed:
        try:
            run.outcome = str(json.loads(out.strip().splitlines()[-1]).get("outcome", ""))
        except (ValueError, IndexError, AttributeError):
            run.outcome = ""
        if run.exit_code != 0:
            run.stderr_tail = (run.stderr_tail + err[-1500:]).strip()
    return run


def _moments(rng: random.Random, kills: int, window: float, writes: int) -> list[Run]:
    """The kill moments of a trial. The first falls in the first 80 % of a whole sync, so
    that it lands before the end; later ones anywhere (a resumed run is shorter, and a kill
    planned after its end is no kill: the run completes)."""
    runs = []
    for number in range(kills):
        share = 0.8 if number == 0 else 1.0
        if rng.random() < 0.5:
            runs.append(Run(mode="timed", planned=round(rng.uniform(0.0, window * share), 3)))
        else:
            last = max(1, int(writes * share) - 1)
            runs.append(Run(mode="writes", planned=rng.randint(0, last)))
    return runs


def _dry_run_counts(env: dict[str, str], timeout: float) -> tuple[dict[str, int], str]:
    done = subprocess.run(  # noqa: S603 (this Python, fixed arguments)
        _command("sync", "--profile", PROFILE, "--dry-run", "--json"),
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if done.returncode != 0:
        return {}, done.stderr[-1000:]
    counts = json.loads(done.stdout)["counts"]
    return {k: int(v) for k, v in counts.items() if v}, ""


def run_trial(
    number: int,
    *,
    users: int,
    seed: int,
    window: float,
    workdir: Path,
    max_kills: int = 3,
    max_runs: int = 8,
    timeout: float = 300.0,
    log: Callable[[str], None] = lambda _line: None,
) -> Trial:
    """One trial: kill `sync` 1 to `max_kills` times, rerun to completion, check the tenant."""
    rng = random.Random(f"chaos:{seed}:{number}")
    trial = Trial(number=number, seed=seed, users=users)
    started = time.monotonic()
    home = workdir / f"trial-{number:03d}"
    for name in ("config", "state", "log"):
        (home / name).mkdir(parents=True, exist_ok=True)
    rows = make_rows(users, seed=seed * 1000 + number)
    csv_path = write_csv(home / "users.csv", rows)
    # Users go in bulk requests of 100 (a few at once), then one create per group.
    expected_writes = -(-users // 100) + len({row["department"] for row in rows})
    with SandboxServer.in_thread(SandboxConfig(seed=number)) as sandbox:
        ProfileStore(directory=home / "config" / "profiles").save(
            make_profile(sandbox.tenant_url, csv_path)
        )
        env = _env(home, sandbox.tokens.full_admin)
        planned = _moments(rng, rng.randint(1, max_kills), window, expected_writes)
        while len(trial.runs) < max_runs:
            run = planned.pop(0) if planned else Run(mode="finish", planned=None)
            run_sync(sandbox, env, run, timeout=timeout)
            trial.runs.append(run)
            what = "killed" if run.killed else f"exit {run.exit_code} {run.outcome}"
            log(
                f"  trial {number}: {run.mode} {run.planned}: {what} after {run.seconds:.2f}s, "
                f"{run.users_at_end} users in the tenant"
            )
            if not run.killed and run.exit_code is not None and run.exit_code < 0:
                trial.problems.append(f"a run died by itself (signal {-run.exit_code})")
            if run.killed and run.stderr_tail:
                trial.problems.append(run.stderr_tail)
            if run.killed:
                continue
            if run.exit_code == 0 and run.outcome == "completed":
                break
            trial.problems.append(
                f"a run that was not killed ended with exit {run.exit_code} "
                f"({run.outcome or 'no result'}): {run.stderr_tail[-400:]}"
            )
        else:
            trial.problems.append(f"no run completed in {max_runs} starts")

        trial.problems.extend(tenant_problems(sandbox.users(), sandbox.groups(), rows))
        with StateStore(home / "state" / f"{PROFILE}.sqlite3") as state:
            pending = state.journal_pending()
            if pending:
                trial.problems.append(f"{len(pending)} journal entries are left unfinished")
            links = state.count_links("User")
            if links != users:
                trial.problems.append(f"the state links {links} users, not {users}")
        sandbox.reset_requests()
        counts, error = _dry_run_counts(env, timeout)
        if error:
            trial.problems.append(f"the dry run after the trial failed: {error}")
        elif set(counts) != {"NoChange"}:
            trial.problems.append(f"the next cycle still has work to do: {counts}")
        sent = [r for r in sandbox.requests if r.method in WRITE_METHODS]
        if sent:
            trial.problems.append(f"the dry run sent {len(sent)} writes")
    trial.seconds = round(time.monotonic() - started, 2)
    return trial


def calibrate(users: int, seed: int, workdir: Path, timeout: float = 300.0) -> float:
    """How long one uninterrupted sync of `users` takes here (start-up included)."""
    home = workdir / "calibration"
    for name in ("config", "state", "log"):
        (home / name).mkdir(parents=True, exist_ok=True)
    csv_path = write_csv(home / "users.csv", make_rows(users, seed=seed))
    with SandboxServer.in_thread(SandboxConfig()) as sandbox:
        ProfileStore(directory=home / "config" / "profiles").save(
            make_profile(sandbox.tenant_url, csv_path)
        )
        run = run_sync(
            sandbox, _env(home, sandbox.tokens.full_admin), Run("finish", None), timeout=timeout
        )
    if run.exit_code != 0:
        raise RuntimeError(f"the calibration sync failed: {run.stderr_tail}")
    return run.seconds


@dataclass
class Report:
    trials: list[Trial]
    users: int
    seed: int
    window: float
    seconds: float

    @property
    def ok(self) -> bool:
        return all(trial.ok for trial in self.trials)

    def to_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "trials": len(self.trials),
            "passed": sum(1 for t in self.trials if t.ok),
            "users": self.users,
            "seed": self.seed,
            "kill_window_seconds": self.window,
            "kills": sum(t.kills for t in self.trials),
            "mid_write_kills": sum(t.mid_write_kills for t in self.trials),
            "seconds": self.seconds,
            "details": [t.to_dict() for t in self.trials],
        }


def run_chaos(
    trials: int,
    *,
    users: int = 2000,
    seed: int = 0,
    window: float | None = None,
    workdir: Path | None = None,
    max_kills: int = 3,
    log: Callable[[str], None] = lambda _line: None,
) -> Report:
    started = time.monotonic()
    own_dir = workdir is None
    base = Path(tempfile.mkdtemp(prefix="wp-chaos-")) if workdir is None else workdir
    try:
        if window is None:
            window = calibrate(users, seed, base)
            log(f"a whole sync of {users} users takes {window:.2f}s here: the kill window")
        results = []
        for number in range(trials):
            trial = run_trial(
                number,
                users=users,
                seed=seed,
                window=window,
                workdir=base,
                max_kills=max_kills,
                log=log,
            )
            results.append(trial)
            verdict = "ok" if trial.ok else "FAILED: " + "; ".join(trial.problems)
            log(f"trial {number}: {trial.kills} kills, {len(trial.runs)} runs, {verdict}")
        return Report(results, users, seed, window, round(time.monotonic() - started, 2))
    finally:
        if own_dir:
            shutil.rmtree(base, ignore_errors=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python scripts/chaos.py",
        description="Kill `webex-provisioner sync` with SIGKILL at random moments of a "
        "2,000-user sync, rerun it until it completes, and check the sandbox tenant.",
    )
    parser.add_argument("--trials", type=int, default=50)
    parser.add_argument("--users", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=0, help="makes the kill moments repeatable")
    parser.add_argument("--max-kills", type=int, default=3, help="kills per trial: 1 to N")
    parser.add_argument(
        "--kill-window",
        type=float,
        metavar="SECONDS",
        help="draw timed kills in [0, SECONDS) (default: the time one whole sync takes here)",
    )
    parser.add_argument("--workdir", type=Path, help="keep the trials' files there")
    args = parser.parse_args(argv)
    if sys.platform == "win32":
        print("SIGKILL is POSIX: run the chaos script on Linux or macOS.", file=sys.stderr)
        return 2
    if args.workdir is not None:
        args.workdir.mkdir(parents=True, exist_ok=True)
    report = run_chaos(
        args.trials,
        users=args.users,
        seed=args.seed,
        window=args.kill_window,
        workdir=args.workdir,
        max_kills=args.max_kills,
        log=lambda line: print(line, file=sys.stderr, flush=True),
    )
    print(json.dumps(report.to_dict(), ensure_ascii=False))
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
