"""The About dialog: the version from the package metadata and the licences of what is bundled."""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

import app
from app.ui.about import AboutDialog, bundled_licenses, licenses_dir, parse_license_file

# The libraries the program bundles and the licence each one is under.
EXPECTED = {
    "pyside6-essentials": "LGPL-3.0-only",
    "shiboken6": "LGPL-3.0-only",
    "qasync": "BSD-2-Clause",
    "httpx": "BSD-3-Clause",
    "keyring": "MIT",
    "pydantic": "MIT",
    "scim2-client": "Apache-2.0",
    "scim2-models": "Apache-2.0",
    "scim2-server": "Apache-2.0",
    "msal": "MIT",
    "hypercorn": "MIT",
    "aiosmtplib": "MIT",
    "platformdirs": "MIT",
    "tomli-w": "MIT",
    "trustme": "MIT OR Apache-2.0",
}


def test_every_bundled_library_has_its_licence_file() -> None:
    found = {info.key: info for info in bundled_licenses()}
    for key, licence in EXPECTED.items():
        assert key in found, key
        assert found[key].license.startswith(licence), (key, found[key].license)
        assert found[key].text.strip(), key
    # Every file has a name, a licence and a copyright line.
    for info in found.values():
        assert info.name and info.license and info.text, info.key
    assert found["httpx"].copyright.startswith("Copyright © 2019")
    assert "Permission is hereby granted" in found["keyring"].text


def test_every_runtime_dependency_is_listed() -> None:
    """A dependency added to pyproject.toml needs its licence file (resources/licenses/update.py)."""
    import re

    requirements = metadata.requires("webex-provisioner") or []
    names = {
        re.sub(r"[-_.]+", "-", re.match(r"[A-Za-z0-9_.-]+", r).group(0)).lower()  # type: ignore[union-attr]
        for r in requirements
        if "extra ==" not in r
    }
    files = {path.stem for path in licenses_dir().glob("*.txt")}
    assert names <= files, names - files


def test_the_qt_notice_offers_the_source_and_says_how_to_replace_qt() -> None:
    qt = parse_license_file(licenses_dir() / "pyside6-essentials.txt")
    assert "GNU Lesser General Public License" in qt.text
    assert "https://download.qt.io/official_releases/QtForPython/" in qt.text
    assert "For at least three years" in qt.text.replace("\n", " ")
    assert "Replacing the Qt libraries" in qt.text
    # The full texts of LGPL-3.0 and of the GPL-3.0 it supplements are bundled.
    assert (
        "GNU LESSER GENERAL PUBLIC LICENSE\n                       Version 3, 29 June 2007"
        in qt.text
    )
    assert "GNU GENERAL PUBLIC LICENSE\n                       Version 3, 29 June 2007" in qt.text


def test_the_dialog_shows_the_version_and_the_licences(qtbot: QtBot) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    dialog.open()
    assert dialog.objectName() == "aboutDialog"
    assert dialog.version_label.text() == f"Version {app.__version__}"
    assert app.__version__ == metadata.version("webex-provisioner")
    # Qt's notice is first and shown when the dialog opens.
    first = dialog.libraries.item(0).text()
    assert first.startswith(
        f"Qt for Python (PySide6-Essentials) and Qt {metadata.version('pyside6-essentials')}"
    )
    assert "LGPL-3.0-only" in first
    assert "Replacing the Qt libraries" in dialog.license_text.toPlainText()
    assert dialog.libraries.count() == len(list(licenses_dir().glob("*.txt")))

    assert dialog.show_library("httpx")
    text = dialog.license_text.toPlainText()
    assert text.startswith("httpx\nVersion 0.")
    assert "Licence: BSD-3-Clause" in text
    assert "Redistribution and use in source and binary forms" in text
    assert not dialog.show_library("no-such-library")
    for name in ("aboutLibraries", "aboutLicenseText", "aboutVersion", "aboutClose"):
        widget = dialog.findChild(object, name)
        assert widget is not None, name


def test_missing_licence_files_are_said_so(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = AboutDialog(folder=tmp_path)
    qtbot.addWidget(dialog)
    assert dialog.libraries.count() == 0
    assert f"The licence files are missing from {tmp_path}." == dialog.license_text.toPlainText()


@pytest.mark.parametrize("broken", [b"\xff\xfe\x00bad", b""])
def test_an_unreadable_file_is_left_out(tmp_path: Path, broken: bytes) -> None:
    (tmp_path / "good.txt").write_text("Name: good\nLicense: MIT\n\nText.\n", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(broken)
    keys = [info.key for info in bundled_licenses(tmp_path)]
    assert "good" in keys
    assert keys.count("bad") == (1 if broken == b"" else 0)
