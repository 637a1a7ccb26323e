"""The operating system's scheduler files: systemd units, a Task Scheduler XML, a launchd plist."""

from __future__ import annotations

import os
import plistlib
import sys
from pathlib import Path

import pytest

from app import ossched
from app.cli import main
from app.errors import ExitCode, InputError
from tests.support.schedule import ini_values, parse_xml, save_profile

TASK_NS = "{http://schemas.microsoft.com/windows/2004/02/mit/task}"


def test_task_scheduler_xml_repeats_every_interval(tmp_path: Path) -> None:
    plan = ossched.plan_install("acme", 40, system="windows", output=tmp_path)
    [path] = ossched.install(plan)
    assert path == tmp_path / "webex-provisioner-acme.xml"
    raw = path.read_bytes()
    assert raw.startswith(b"\xff\xfe")  # UTF-16 with its byte order mark, as schtasks wants
    root = parse_xml(raw)
    assert root.tag == f"{TASK_NS}Task"
    assert (
        root.findtext(
            f"{TASK_NS}Triggers/{TASK_NS}TimeTrigger/{TASK_NS}Repetition/{TASK_NS}Interval"
        )
        == "PT40M"
    )
    assert root.findtext(f"{TASK_NS}RegistrationInfo/{TASK_NS}URI") == "\\webex-provisioner\\acme"
    assert root.findtext(f"{TASK_NS}Settings/{TASK_NS}MultipleInstancesPolicy") == "IgnoreNew"
    exec_ = root.find(f"{TASK_NS}Actions/{TASK_NS}Exec")
    assert exec_ is not None
    assert exec_.findtext(f"{TASK_NS}Command") == str(Path(sys.executable).absolute())
    assert exec_.findtext(f"{TASK_NS}Arguments") == "-m app sync --profile acme --scheduled"
    assert plan.enable_commands == (
        f'schtasks /Create /TN "webex-provisioner\\acme" /XML "{path}" /F',
    )


@pytest.mark.parametrize(("minutes", "interval"), [(90, "PT1H30M"), (120, "PT2H"), (5, "PT5M")])
def test_task_scheduler_intervals_are_iso_durations(
    tmp_path: Path, minutes: int, interval: str
) -> None:
    plan = ossched.plan_install("acme", minutes, system="windows", output=tmp_path)
    root = parse_xml(plan.files[0].content)
    assert root.findtext(f".//{TASK_NS}Interval") == interval


def test_task_arguments_with_spaces_are_quoted_for_windows(tmp_path: Path) -> None:
    plan = ossched.plan_install(
        "acme",
        40,
        system="windows",
        output=tmp_path,
        command=[
            "C:\\Program Files\\webex-provisioner\\webex-provisioner.exe",
            "sync",
            "--profile",
            "acme & co",
        ],
    )
    root = parse_xml(plan.files[0].content)
    assert (
        root.findtext(f".//{TASK_NS}Command")
        == "C:\\Program Files\\webex-provisioner\\webex-provisioner.exe"
    )
    assert root.findtext(f".//{TASK_NS}Arguments") == 'sync --profile "acme & co"'


def test_launchd_plist_runs_every_interval(tmp_path: Path) -> None:
    plan = ossched.plan_install("acme", 40, system="macos", output=tmp_path)
    [path] = ossched.install(plan)
    assert path == tmp_path / "webex-provisioner.sync.acme.plist"
    data = plistlib.loads(path.read_bytes())
    assert data["Label"] == "webex-provisioner.sync.acme"
    assert data["StartInterval"] == 2400
    assert data["RunAtLoad"] is True
    assert data["ProgramArguments"] == [
        str(Path(sys.executable).absolute()),
        "-m",
        "app",
        "sync",
        "--profile",
        "acme",
        "--scheduled",
    ]
    assert (
        data["EnvironmentVariables"]["WEBEX_PROVISIONER_STATE_DIR"]
        == os.environ["WEBEX_PROVISIONER_STATE_DIR"]
    )
    assert data["StandardErrorPath"].endswith("schedule-acme.log")
    assert plan.enable_commands == (f"launchctl load -w {path}",)


def test_a_profile_name_with_double_hyphens_keeps_the_xml_valid(tmp_path: Path) -> None:
    for system in ("windows", "macos"):
        plan = ossched.plan_install("a--b", 40, system=system, output=tmp_path)
        parse_xml(plan.files[0].content)  # raises on "--" inside a comment


def test_proxy_settings_with_credentials_are_not_written() -> None:
    chosen, notes = ossched.passed_on_environment(
        {
            "HTTPS_PROXY": "http://user:pw@proxy:3128",
            "NO_PROXY": "corp.example",
            "HTTP_PROXY": "http://proxy:3128",
            "SSL_CERT_FILE": "/etc/corp-ca.pem",
            "WEBEX_PROVISIONER_TOKEN": "secret-token",
        }
    )
    assert chosen == {
        "NO_PROXY": "corp.example",
        "HTTP_PROXY": "http://proxy:3128",
        "SSL_CERT_FILE": "/etc/corp-ca.pem",
    }
    assert any("HTTPS_PROXY" in note for note in notes)


def test_files_for_another_system_need_an_output_folder() -> None:
    other = "windows" if ossched.current_system() != "windows" else "linux"
    with pytest.raises(InputError, match="--output"):
        ossched.plan_install("acme", 40, system=other)


def test_schedule_install_and_remove_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    save_profile()
    out_dir = tmp_path / "units"
    assert (
        main(
            [
                "schedule",
                "install",
                "--profile",
                "acme",
                "--every",
                "40m",
                "--system",
                "linux",
                "--output",
                str(out_dir),
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert f"Wrote the systemd service {out_dir / 'webex-provisioner-acme.service'}" in out
    assert f"Wrote the systemd timer {out_dir / 'webex-provisioner-acme.timer'}" in out
    assert "systemctl --user enable --now webex-provisioner-acme.timer" in out
    assert "sync --profile acme --scheduled" in out

    # What `systemctl --user enable` would add, so that remove takes it away too.
    wants = out_dir / "timers.target.wants"
    wants.mkdir()
    (wants / "webex-provisioner-acme.timer").symlink_to(out_dir / "webex-provisioner-acme.timer")

    assert (
        main(
            [
                "schedule",
                "remove",
                "--profile",
                "acme",
                "--system",
                "linux",
                "--output",
                str(out_dir),
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "systemctl --user stop webex-provisioner-acme.timer" in out
    assert sorted(p.name for p in out_dir.rglob("*")) == ["timers.target.wants"]
    assert (
        main(
            [
                "schedule",
                "remove",
                "--profile",
                "acme",
                "--system",
                "linux",
                "--output",
                str(out_dir),
            ]
        )
        == 0
    )
    assert "No scheduler file of profile acme" in capsys.readouterr().out


def test_install_takes_the_profiles_interval_and_the_default_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    if ossched.current_system() != "linux":
        pytest.skip("the default folder checked here is the Linux one")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    save_profile(every=15, enabled=False)
    assert main(["schedule", "install", "--profile", "acme"]) == 0
    timer = (tmp_path / "xdg" / "systemd" / "user" / "webex-provisioner-acme.timer").read_text()
    assert ini_values(timer, "OnUnitActiveSec") == ["15min"]
    assert "provisioning is off for this profile" in capsys.readouterr().out


def test_install_refuses_an_unknown_profile_and_a_bad_interval(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_dir = tmp_path / "out"
    install = ["schedule", "install", "--output", str(out_dir), "--profile"]
    assert main([*install, "nope"]) == ExitCode.BAD_INPUT
    assert "No profile named nope" in capsys.readouterr().err
    save_profile()
    assert main([*install, "acme", "--every", "soon"]) == ExitCode.BAD_INPUT
    assert "is not a duration" in capsys.readouterr().err
    assert not out_dir.exists()
