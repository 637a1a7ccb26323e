"""The scheduler files checked by the system's own tools (systemd-analyze), and the scheduled
command run as the system would run it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app import ossched
from app.errors import ExitCode
from tests.support.schedule import ini_values, save_profile

SYSTEMD_ANALYZE = shutil.which("systemd-analyze")


def test_systemd_units_run_the_sync_command_every_interval(tmp_path: Path) -> None:
    plan = ossched.plan_install("acme", 40, system="linux", output=tmp_path)
    service_path, timer_path = ossched.install(plan)
    assert service_path == tmp_path / "webex-provisioner-acme.service"
    assert timer_path == tmp_path / "webex-provisioner-acme.timer"
    service, timer = service_path.read_text(), timer_path.read_text()

    [exec_start] = ini_values(service, "ExecStart")
    executable = str(Path(sys.executable).absolute())
    assert exec_start == f'"{executable}" "-m" "app" "sync" "--profile" "acme" "--scheduled"'
    assert Path(executable).is_absolute()
    assert ini_values(service, "Type") == ["oneshot"]
    assert ini_values(service, "SuccessExitStatus") == [str(int(ExitCode.LOCKED))]
    state_dir = os.environ["WEBEX_PROVISIONER_STATE_DIR"]
    assert f'"WEBEX_PROVISIONER_STATE_DIR={state_dir}"' in ini_values(service, "Environment")

    assert ini_values(timer, "OnUnitActiveSec") == ["40min"]
    assert ini_values(timer, "Persistent") == ["true"]
    assert ini_values(timer, "Unit") == ["webex-provisioner-acme.service"]
    assert ini_values(timer, "WantedBy") == ["timers.target"]
    assert plan.enable_commands[-1] == "systemctl --user enable --now webex-provisioner-acme.timer"
    systemd_verify(service_path, timer_path)


def test_systemd_quoting_survives_spaces_percent_and_dollar_in_paths(tmp_path: Path) -> None:
    odd = tmp_path / "Program Files 100% $HOME" / "python"
    odd.parent.mkdir()
    odd.symlink_to(sys.executable)
    plan = ossched.plan_install(
        "acme",
        40,
        system="linux",
        output=tmp_path / "units",
        command=[str(odd), "-m", "app", "--label", "cost $5"],
        environment={"SSL_CERT_FILE": "/etc/ca 100%.pem"},
    )
    service_path, timer_path = ossched.install(plan)
    service = service_path.read_text()
    assert '"' + str(odd).replace("%", "%%") + '"' in service
    assert '"--label" "cost $$5"' in service
    assert 'Environment="SSL_CERT_FILE=/etc/ca 100%%.pem"' in service
    systemd_verify(service_path, timer_path)  # it finds the executable only if unquoted right


def test_the_scheduled_command_runs_this_program_from_any_folder(tmp_path: Path) -> None:
    save_profile(enabled=False)
    plan = ossched.plan_install("acme", 40, system="linux", output=tmp_path / "units")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = subprocess.run(
        list(plan.command), cwd=elsewhere, capture_output=True, text=True, timeout=120
    )
    # The scheduled run found the profile, and --scheduled kept it from running a cycle
    # while the profile's provisioning is off.
    assert result.returncode == 0, result.stderr
    assert "Provisioning is off for profile acme: the scheduled cycle was skipped" in result.stderr


def systemd_verify(*units: Path) -> None:
    """systemd-analyze verify must accept the units without a single warning."""
    if SYSTEMD_ANALYZE is None:
        pytest.skip("systemd-analyze is not installed here: the units were checked by parsing only")
    result = subprocess.run(
        [SYSTEMD_ANALYZE, "verify", *map(str, units)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == "", result.stderr
