"""What every benchmark shares: figures and their verdicts, the machine, versions, data, sandboxes.

A figure is judged against its target; where the issue names a baseline it is measured in
the same run and the ratio is computed here, never taken from memory.
"""

from __future__ import annotations

import asyncio
import contextlib
import csv
import json
import os
import platform
import subprocess
import sys
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any, Literal

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results"
PYTHON = sys.executable

Better = Literal["lower", "higher"]


@dataclass
class Figure:
    """One measured number and its verdict.

    `better` says which way the target points: "lower" means value <= target is met.
    `baseline` is a number measured in the same run (the naive client, a bare interpreter),
    `ratio` = baseline / value for "lower" figures and value / baseline for "higher" ones,
    so that a ratio above 1 always means "better than the baseline".
    """

    key: str
    title: str
    value: float | None
    unit: str
    target: float | None
    better: Better = "lower"
    baseline: float | None = None
    baseline_title: str = ""
    ratio_target: float | None = None
    notes: str = ""
    failed_reason: str = ""  # set when the figure could not be measured

    @property
    def ratio(self) -> float | None:
        if self.baseline is None or self.value is None or self.value == 0 or self.baseline == 0:
            return None
        if self.better == "lower":
            return self.baseline / self.value
        return self.value / self.baseline

    @property
    def met(self) -> bool:
        if self.value is None:
            return False
        if self.target is not None:
            if self.better == "lower" and self.value > self.target:
                return False
            if self.better == "higher" and self.value < self.target:
                return False
        if self.ratio_target is not None:
            ratio = self.ratio
            if ratio is None or ratio < self.ratio_target:
                return False
        return True

    def missed_by(self) -> dict[str, float] | None:
        """How far from the target (absolute and in %), and from the ratio target."""
        if self.met or self.value is None:
            return None
        missed: dict[str, float] = {}
        if self.target is not None:
            gap = self.value - self.target if self.better == "lower" else self.target - self.value
            if gap > 0:
                missed["value"] = round(gap, 6)
                if self.target:
                    missed["percent"] = round(100.0 * gap / self.target, 1)
        ratio = self.ratio
        if self.ratio_target is not None and ratio is not None and ratio < self.ratio_target:
            missed["ratio"] = round(self.ratio_target - ratio, 3)
        return missed

    def to_dict(self) -> dict[str, Any]:
        ratio = self.ratio
        data: dict[str, Any] = {
            "key": self.key,
            "title": self.title,
            "value": None if self.value is None else round(self.value, 6),
            "unit": self.unit,
            "target": self.target,
            "better": self.better,
            "baseline": None if self.baseline is None else round(self.baseline, 6),
            "baseline_title": self.baseline_title or None,
            "ratio": None if ratio is None else round(ratio, 3),
            "ratio_target": self.ratio_target,
            "met": self.met,
            "missed_by": self.missed_by(),
        }
        if self.notes:
            data["notes"] = self.notes
        if self.failed_reason:
            data["failed_reason"] = self.failed_reason
        return data


@dataclass
class BenchResult:
    """The outcome of one benchmark: its figures and the details behind them."""

    name: str
    title: str
    figures: list[Figure] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)
    seconds: float = 0.0


@dataclass
class RunContext:
    """One run of the runner: quick or full, a private work folder, what benches share.

    `shared` lets a later bench reuse what an earlier one built in the same run (P3 runs its
    no-change cycle on the tenant and state P1 just provisioned); `stack` closes it all.
    """

    quick: bool
    workdir: Path
    stack: contextlib.ExitStack
    shared: dict[str, Any] = field(default_factory=dict)

    def folder(self, name: str) -> Path:
        path = self.workdir / name
        path.mkdir(parents=True, exist_ok=True)
        return path


def machine() -> dict[str, Any]:
    return {
        "cpu_count": os.cpu_count(),
        "platform": platform.platform(),
        "machine": platform.machine(),
        "processor": _cpu_model(),
        "python": platform.python_version(),
        "python_implementation": platform.python_implementation(),
    }


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


VERSIONED = (
    "webex-provisioner",
    "httpx",
    "h2",
    "scim2-models",
    "scim2-client",
    "scim2-server",
    "hypercorn",
    "pydantic",
    "PySide6-Essentials",
    "qasync",
)


def versions() -> dict[str, str | None]:
    found: dict[str, str | None] = {}
    for name in VERSIONED:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = None
    found["git_commit"] = _git_commit()
    return found


def _git_commit() -> str | None:
    try:
        done = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except OSError:
        return None
    return done.stdout.strip() or None


# -- data -------------------------------------------------------------------------------

CSV_HEADER = (
    "userPrincipalName",
    "givenName",
    "surname",
    "displayName",
    "mail",
    "jobTitle",
    "department",
    "accountEnabled",
)
_GIVEN = ("Alice", "Benoît", "Chloé", "David", "Émilie", "Farid", "Grace", "Hugo", "Inès", "Jun")
_FAMILY = ("Martin", "Lefèvre", "Brown", "Nguyen", "Dubois", "Okafor", "Rossi", "Schmidt")
_TITLES = ("Engineer", "Product Manager", "Sales Director", "Analyst", "Designer", "Support")
_DEPARTMENTS = ("IT", "Product", "Sales", "Finance", "Marketing", "Support", "Legal")


def user_row(number: int, domain: str = "example.com", prefix: str = "user") -> list[str]:
    given = _GIVEN[number % len(_GIVEN)]
    family = _FAMILY[(number // len(_GIVEN)) % len(_FAMILY)]
    upn = f"{prefix}{number:06d}@{domain}"
    return [
        upn,
        given,
        family,
        f"{given} {family} {number}",
        upn,
        _TITLES[number % len(_TITLES)],
        _DEPARTMENTS[number % len(_DEPARTMENTS)],
        "true",
    ]


def write_users_csv(path: Path, count: int, *, prefix: str = "user") -> Path:
    """A CSV export with Entra's column names (the default mapping needs no set-up)."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_HEADER)
        for number in range(count):
            writer.writerow(user_row(number, prefix=prefix))
    return path


def csv_profile(name: str, tenant_url: str, csv_path: Path) -> Any:
    """A profile on the CSV source with the default mappings, as `profile create` makes it."""
    from app.config.profile import Profile

    return Profile.model_validate(
        {
            "name": name,
            "target": {"tenant_url": tenant_url},
            "source": {"kind": "csv", "csv": {"path": str(csv_path)}},
            "scope": "all",
        }
    )


def private_dirs(base: Path) -> dict[str, str]:
    """Config, state and log folders inside `base`, so a bench never touches the admin's own."""
    env: dict[str, str] = {}
    for name in ("CONFIG", "STATE", "LOG"):
        folder = base / name.lower()
        folder.mkdir(parents=True, exist_ok=True)
        env[f"WEBEX_PROVISIONER_{name}_DIR"] = str(folder)
    return env


def bench_env(base: Path) -> dict[str, str]:
    """The environment for a bench subprocess: private folders, no proxy for loopback."""
    env = dict(os.environ)
    env.update(private_dirs(base))
    env["NO_PROXY"] = env["no_proxy"] = "127.0.0.1,localhost,::1"
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


# -- the sandbox in a process of its own --------------------------------------------------


class SandboxProcess:
    """bench/sandbox_process.py in a child process, driven over its stdin and stdout.

    The sandbox (hypercorn, scim2-server) gets a process and an interpreter of its own, so
    its CPU work does not share the GIL with the engine under measurement.
    """

    def __init__(
        self,
        *,
        rate_limit: float | None = None,
        latency_ms: float = 0.0,
        faults: str = "",
        seed_users: int = 0,
        env: dict[str, str] | None = None,
        profile: Path | None = None,
    ) -> None:
        command = [PYTHON, "-m", "bench.sandbox_process", "--latency-ms", str(latency_ms)]
        if profile is not None:
            command += ["--profile", str(profile)]
        if rate_limit is not None:
            command += ["--rate-limit", str(rate_limit)]
        if faults:
            command += ["--faults", faults]
        if seed_users:
            command += ["--seed-users", str(seed_users)]
        self._process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            bufsize=1,
        )
        line = self._readline()
        self.info: dict[str, Any] = json.loads(line)
        self.tenant_url: str = self.info["tenant_url"]
        self.token: str = self.info["token"]
        self.pid = self._process.pid

    def _readline(self) -> str:
        assert self._process.stdout is not None
        line = self._process.stdout.readline()
        if not line:
            code = self._process.wait(timeout=10)
            raise RuntimeError(f"the sandbox process stopped (exit code {code})")
        return line

    def ask(self, command: str, **arguments: Any) -> Any:
        """Send one command (`requests`, `reset`, `users`, `settings`) and return its answer."""
        assert self._process.stdin is not None
        self._process.stdin.write(json.dumps({"command": command, **arguments}) + "\n")
        self._process.stdin.flush()
        answer = json.loads(self._readline())
        if "error" in answer:
            raise RuntimeError(f"sandbox process: {answer['error']}")
        return answer["result"]

    async def aask(self, command: str, **arguments: Any) -> Any:
        return await asyncio.to_thread(self.ask, command, **arguments)

    def close(self) -> None:
        if self._process.poll() is None:
            with contextlib.suppress(RuntimeError, OSError, ValueError):
                self.ask("quit")
            try:
                self._process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        for stream in (self._process.stdin, self._process.stdout):
            if stream is not None:
                stream.close()

    def __enter__(self) -> SandboxProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def run_json_subprocess(
    command: list[str],
    *,
    env: dict[str, str] | None = None,
    timeout: float = 300,
    stdin_text: str | None = None,
) -> dict[str, Any]:
    """Run a bench worker; its last stdout line is a JSON object. Secrets go by stdin."""
    done = subprocess.run(
        command,
        cwd=ROOT,
        env=env,
        input=stdin_text,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    if done.returncode != 0 or not lines:
        raise RuntimeError(
            f"{' '.join(command[-3:])} failed (exit {done.returncode}): {done.stderr[-2000:]}"
        )
    result: dict[str, Any] = json.loads(lines[-1])
    return result


def best_of(samples: list[float]) -> float:
    return min(samples)


def now() -> float:
    return time.perf_counter()


def process_cpu_seconds(pid: int) -> float | None:
    """User plus system CPU time of another process (Linux /proc), None where unavailable."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    ticks = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / ticks
