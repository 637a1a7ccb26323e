"""The Linux tarball as scripts/build_bundle.sh lays it out: launcher, install.sh, uninstall.

PyInstaller's folder is stood in for by a small shell program that prints what it was
started with (building the real one takes minutes: .ci/bundle does it); everything else,
the layout, the tarball, the launcher and install.sh, is the real thing.
"""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

import app

ROOT = Path(__file__).resolve().parents[2]
NAME = f"webex-provisioner-{app.__version__}-linux-{os.uname().machine}"

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the Linux tarball")

STAND_IN = """#!/bin/sh
# stands in for the PyInstaller program: says where it runs from and with what
echo "program=$(readlink -f "$0")"
echo "qt_plugin_path=${QT_PLUGIN_PATH:-unset}"
for arg in "$@"; do echo "arg=$arg"; done
"""


@pytest.fixture(scope="module")
def tarball(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("bundle")
    program = base / "pyinstaller-folder"
    (program / "_internal").mkdir(parents=True)
    (program / "webex-provisioner").write_text(STAND_IN, encoding="utf-8")
    (program / "webex-provisioner").chmod(0o755)
    (program / "_internal" / "marker.txt").write_text("bundled", encoding="utf-8")
    result = subprocess.run(
        ["scripts/build_bundle.sh", "--from", str(program)],
        cwd=ROOT,
        env={
            **os.environ,
            "PYTHON": sys.executable,
            "BUNDLE_WORK": str(base / "work"),
            "BUNDLE_DIST": str(base / "dist"),
        },
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    path = Path(result.stdout.strip().splitlines()[-1])
    assert path == base / "dist" / f"{NAME}.tar.gz"
    return path


@pytest.fixture
def unpacked(tarball: Path, tmp_path: Path) -> Path:
    with tarfile.open(tarball) as archive:
        archive.extractall(tmp_path / "unpacked", filter="tar")
    return tmp_path / "unpacked" / NAME


def _run(*command: str | Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(part) for part in command],
        env={"PATH": "/usr/bin:/bin", "HOME": os.environ.get("HOME", "/tmp"), **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_tarball_is_laid_out_as_a_prefix_with_menu_entry_and_icons(tarball: Path) -> None:
    with tarfile.open(tarball) as archive:
        members = {member.name: member for member in archive.getmembers()}
    expected = [
        "webex-provisioner",
        "bin/webex-provisioner",
        "lib/webex-provisioner/webex-provisioner",
        "lib/webex-provisioner/_internal/marker.txt",
        "install.sh",
        "README.txt",
        "share/applications/webex-provisioner.desktop",
        "share/icons/hicolor/scalable/apps/webex-provisioner.svg",
        *(
            f"share/icons/hicolor/{size}x{size}/apps/webex-provisioner.png"
            for size in (16, 32, 48, 64, 128, 256)
        ),
    ]
    for relative in expected:
        assert f"{NAME}/{relative}" in members, relative
    assert members[f"{NAME}/bin/webex-provisioner"].mode & 0o111
    assert members[f"{NAME}/install.sh"].mode & 0o111
    assert members[f"{NAME}/webex-provisioner"].issym()
    assert {member.uid for member in members.values()} == {0}  # no build user's ids
    checksum = tarball.with_name(tarball.name + ".sha256").read_text(encoding="utf-8")
    assert checksum.split() == [checksum.split()[0], tarball.name]


def test_the_launcher_runs_the_bundled_program_through_any_link(
    unpacked: Path, tmp_path: Path
) -> None:
    link = tmp_path / "elsewhere" / "wp"
    link.parent.mkdir()
    link.symlink_to(unpacked / "webex-provisioner")  # a link to the link at the top
    result = _run(link, "--lang", "fr", "a value with spaces", QT_PLUGIN_PATH="/usr/lib/qt6")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"program={unpacked / 'lib/webex-provisioner/webex-provisioner'}"
    # a system Qt's plug-in path would make the bundled Qt load plug-ins of another version
    assert lines[1] == "qt_plugin_path=unset"
    assert lines[2:] == ["arg=--lang", "arg=fr", "arg=a value with spaces"]


def test_install_puts_the_program_menu_entry_and_icons_in_the_prefix_and_uninstall_removes_them(
    unpacked: Path, tmp_path: Path
) -> None:
    prefix = tmp_path / "admin's apps & $tools"  # characters the .desktop and sed treat specially
    result = _run(unpacked / "install.sh", "--prefix", prefix)
    assert result.returncode == 0, result.stderr
    assert f"installed in {prefix}" in result.stdout
    assert f"Add {prefix}/bin to your PATH" in result.stdout

    installed = _run(prefix / "bin" / "webex-provisioner", "--version")
    assert installed.stdout.splitlines()[0] == (
        f"program={prefix / 'lib/webex-provisioner/webex-provisioner'}"
    )
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(prefix / "share/applications/webex-provisioner.desktop", encoding="utf-8")
    entry = parser["Desktop Entry"]
    # The menu starts the installed program by its full path (~/.local/bin may not be on
    # PATH), quoted as the Desktop Entry rules want ($ escaped inside the quotes).
    quoted = str(prefix).replace("$", "\\$")
    assert entry["Exec"] == f'"{quoted}/bin/webex-provisioner"'
    assert parser["Desktop Action sandbox"]["Exec"] == f'"{quoted}/bin/webex-provisioner" --sandbox'
    assert entry["TryExec"] == f"{prefix}/bin/webex-provisioner"
    assert entry["Icon"] == "webex-provisioner"
    validate = shutil.which("desktop-file-validate")
    if validate is not None:
        checked = _run(validate, prefix / "share/applications/webex-provisioner.desktop")
        assert checked.returncode == 0, checked.stdout
    for size in (16, 32, 48, 64, 128, 256):
        assert (prefix / f"share/icons/hicolor/{size}x{size}/apps/webex-provisioner.png").is_file()
    assert (prefix / "share/icons/hicolor/scalable/apps/webex-provisioner.svg").is_file()

    # Installing again (an upgrade) replaces the program's folder: nothing stale stays.
    stale = prefix / "lib/webex-provisioner/_internal/old-version-file"
    stale.write_text("from the previous version", encoding="utf-8")
    assert _run(unpacked / "install.sh", f"--prefix={prefix}").returncode == 0
    assert not stale.exists()

    keep = prefix / "share/applications/another-program.desktop"
    keep.write_text("[Desktop Entry]\n", encoding="utf-8")
    removed = _run(unpacked / "install.sh", "--prefix", prefix, "--uninstall")
    assert removed.returncode == 0, removed.stderr
    assert "profiles, state and logs are kept" in removed.stdout
    assert not (prefix / "bin/webex-provisioner").exists()
    assert not (prefix / "lib/webex-provisioner").exists()
    assert not (prefix / "share/applications/webex-provisioner.desktop").exists()
    assert not list((prefix / "share/icons").rglob("webex-provisioner.*"))
    assert keep.is_file()  # only what install.sh put there


def test_install_refuses_an_unknown_option(unpacked: Path) -> None:
    result = _run(unpacked / "install.sh", "--prefx", "/tmp/x")
    assert result.returncode == 2
    assert "unknown option --prefx" in result.stderr


def test_build_bundle_refuses_a_folder_without_the_program(tmp_path: Path) -> None:
    result = subprocess.run(
        ["scripts/build_bundle.sh", "--from", str(tmp_path)],
        cwd=ROOT,
        env={**os.environ, "PYTHON": sys.executable, "BUNDLE_WORK": str(tmp_path / "w")},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "holds no webex-provisioner program" in result.stderr
