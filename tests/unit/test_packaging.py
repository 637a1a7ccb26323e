"""Packaging files: the .desktop entry, the icons, the PyInstaller spec's choices, the installers."""

from __future__ import annotations

import configparser
import importlib.util
import re
import struct
from pathlib import Path
from types import ModuleType

import pytest

from app.cli import COMMAND_MODULES

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
RESOURCES = ROOT / "resources"
DESKTOP = RESOURCES / "linux" / "webex-provisioner.desktop"
SPEC = PACKAGING / "webex-provisioner.spec"
ISS = PACKAGING / "windows" / "webex-provisioner.iss"
PNG_SIZES = (16, 32, 48, 64, 128, 256)


def _load(name: str) -> ModuleType:
    """A module of packaging/ (not a package: the spec and the build scripts run them)."""
    spec = importlib.util.spec_from_file_location(f"packaging_{name}", PACKAGING / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bundle_files() -> ModuleType:
    return _load("bundle_files")


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG file"
    width, height = struct.unpack(">II", data[16:24])  # the IHDR chunk comes first
    return width, height


# --- Linux desktop entry ----------------------------------------------------------------


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read_string(DESKTOP.read_text(encoding="utf-8"))
    return parser["Desktop Entry"]


def test_the_desktop_entry_starts_the_program_with_its_icon() -> None:
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Webex Provisioner"
    assert entry["Exec"] == "webex-provisioner"
    assert entry["TryExec"] == "webex-provisioner"
    assert entry["Terminal"] == "false"
    # The icon name is the file name install.sh gives the icons in the hicolor theme, and
    # the window's class is the name the application announces (setDesktopFileName).
    assert entry["Icon"] == "webex-provisioner"
    assert entry["StartupWMClass"] == "webex-provisioner"
    assert entry["Categories"].endswith(";") and entry["Categories"].split(";")[0]
    assert entry["Comment"] and entry["Comment[fr]"]
    assert "SCIM" in entry["Keywords"].split(";")


def test_the_desktop_entry_offers_the_sandbox_as_an_action() -> None:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(DESKTOP.read_text(encoding="utf-8"))
    assert parser["Desktop Entry"]["Actions"] == "sandbox;"
    assert parser["Desktop Action sandbox"]["Exec"] == "webex-provisioner --sandbox"
    assert parser["Desktop Action sandbox"]["Name[fr]"]


# --- icons ------------------------------------------------------------------------------


def _channel_difference(a: int, b: int) -> int:
    return max(abs(((a >> shift) & 0xFF) - ((b >> shift) & 0xFF)) for shift in (0, 8, 16, 24))


@pytest.mark.parametrize("size", PNG_SIZES)
def test_each_png_icon_has_its_size(size: int) -> None:
    path = RESOURCES / "icons" / f"webex-provisioner-{size}.png"
    assert _png_size(path.read_bytes()) == (size, size)


def test_the_png_icons_are_drawn_from_the_current_svg(qapp) -> None:
    """A changed SVG without `python packaging/make_icons.py` leaves stale menu icons."""
    from PySide6.QtGui import QImage

    make_icons = _load("make_icons")
    for size in (32, 64):
        fresh = QImage.fromData(make_icons.render_png(make_icons.SVG, size))
        committed = QImage(str(RESOURCES / "icons" / f"webex-provisioner-{size}.png"))
        assert fresh.size() == committed.size()
        fresh = fresh.convertToFormat(QImage.Format.Format_ARGB32)
        committed = committed.convertToFormat(QImage.Format.Format_ARGB32)
        differences = [
            _channel_difference(fresh.pixel(x, y), committed.pixel(x, y)) > 8
            for x in range(size)
            for y in range(size)
        ]  # antialiasing may move a few levels between Qt versions; a new drawing moves more
        assert sum(differences) <= len(differences) // 100, f"{size} px icon is out of date"
        assert committed.pixelColor(size // 2, size // 2).alpha() == 255  # not blank


def test_the_windows_icon_holds_every_size_as_png() -> None:
    data = (PACKAGING / "windows" / "webex-provisioner.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = []
    for index in range(count):
        width, height, _c, _r, _planes, _bits, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * index : 22 + 16 * index]
        )
        side = width or 256  # 0 means 256
        assert (width or 256) == (height or 256)
        assert _png_size(data[offset : offset + length]) == (side, side)
        sizes.append(side)
    assert sizes == [16, 24, 32, 48, 64, 128, 256]


def test_the_ico_writer_marks_256_as_zero_and_points_at_each_image() -> None:
    make_icons = _load("make_icons")
    fake_png = {16: b"\x89PNG-sixteen", 256: b"\x89PNG-big"}
    data = make_icons.ico_bytes(fake_png)
    assert struct.unpack("<HHH", data[:6]) == (0, 1, 2)
    first = struct.unpack("<BBBBHHII", data[6:22])
    second = struct.unpack("<BBBBHHII", data[22:38])
    assert first[:2] == (16, 16) and second[:2] == (0, 0)
    assert data[first[7] : first[7] + first[6]] == fake_png[16]
    assert data[second[7] : second[7] + second[6]] == fake_png[256]


# --- the PyInstaller spec ---------------------------------------------------------------


def test_every_resource_the_program_reads_ships_and_build_files_do_not(bundle_files) -> None:
    datas = bundle_files.resource_datas(ROOT)
    shipped = {Path(source).relative_to(ROOT).as_posix(): dest for source, dest in datas}
    for relative, dest in shipped.items():
        assert dest == str(Path(relative).parent)  # same place as in the checkout
    expected = [
        "resources/icons/webex-provisioner.svg",
        *(f"resources/icons/webex-provisioner-{size}.png" for size in PNG_SIZES),
        "resources/translations/webex_provisioner_fr.qm",
        "resources/licenses/pyside6-essentials.txt",
        "resources/sample/users.csv",
        "resources/linux/webex-provisioner.desktop",
    ]
    for relative in expected:
        assert relative in shipped, f"{relative} is not in the bundle"
    licences = {p.name for p in (RESOURCES / "licenses").glob("*.txt")}
    assert {Path(r).name for r in shipped if r.startswith("resources/licenses/")} == licences
    assert not [r for r in shipped if r.endswith((".ts", ".py", ".in"))]


def test_a_missing_resource_folder_stops_the_build(bundle_files, tmp_path: Path) -> None:
    for name in ("icons", "licenses", "sample", "translations"):
        (tmp_path / "resources" / name).mkdir(parents=True)
    with pytest.raises(SystemExit, match="resources/ lacks linux"):
        bundle_files.resource_datas(tmp_path)


def test_the_spec_bundles_the_resources_metadata_and_lazy_modules() -> None:
    text = SPEC.read_text(encoding="utf-8")
    assert "resource_datas(ROOT)" in text
    assert "copy_metadata(NAME)" in text and 'NAME = "webex-provisioner"' in text
    assert "licensed_distributions(ROOT)" in text  # library versions for the About dialog
    assert 'collect_data_files("scim2_server")' in text
    for package in ("app", "app.commands", "scim2_server", "h2", "msal", "keyring.backends"):
        assert f'collect_submodules("{package}"' in text, package
    assert (
        'collect_submodules(\n            "hypercorn"' in text
        or 'collect_submodules("hypercorn"' in text
    )
    assert "packaging" in text and "launcher.py" in text
    assert '"tkinter"' in text and '"PySide6.QtWebEngineCore"' in text
    assert "exclude_binaries=True" in text  # one folder, not one file


def test_the_command_modules_are_under_the_collected_package() -> None:
    # collect_submodules("app") only finds modules inside the package the spec names.
    assert all(name.startswith("app.commands.") for name in COMMAND_MODULES)
    launcher = (PACKAGING / "launcher.py").read_text(encoding="utf-8")
    assert "from app.cli import main" in launcher


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
        ("PySide6/Qt/plugins/iconengines/libqsvgicon.so", True),
        ("PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so", True),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/xcbglintegrations/libqxcb-glx-integration.so", True),
        ("PySide6/Qt/plugins/sqldrivers/libqsqlite.so", False),
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
        ("PySide6/Qt/translations/qtbase_fr.qm", True),
        ("PySide6/Qt/translations/qt_fr.qm", True),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6/Qt/translations/qt_zh_CN.qm", False),
        ("resources/translations/webex_provisioner_fr.qm", True),
        ("PySide6/Qt/lib/libQt6Widgets.so.6", True),
        ("PySide6/Qt/lib/libQt6Network.so.6", False),
        ("libcairo.so.2", False),
        ("libssl.so.3", True),
        ("libpython3.11.so.1.0", True),
    ],
)
def test_the_bundle_keeps_the_qt_files_the_program_needs(bundle_files, dest, kept) -> None:
    assert bundle_files.keep_file(dest, "linux") is kept


def test_libraries_left_out_on_linux_stay_on_the_platforms_not_checked(bundle_files) -> None:
    assert bundle_files.keep_file("PySide6/Qt6Network.dll", "win32")
    assert bundle_files.keep_file("PySide6/Qt/lib/QtNetwork.framework/QtNetwork", "darwin")
    entries = [
        ("libcairo.so.2", "/usr/lib/libcairo.so.2", "BINARY"),
        ("libssl.so.3", "x", "BINARY"),
    ]
    assert bundle_files.filter_entries(entries, "linux") == entries[1:]


def test_the_macos_bundle_is_defined_in_the_spec() -> None:
    text = SPEC.read_text(encoding="utf-8")
    identifier = re.search(r'BUNDLE_IDENTIFIER = "([^"]+)"', text)
    assert identifier is not None
    assert re.fullmatch(r"[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+", identifier.group(1))
    assert "bundle_identifier=BUNDLE_IDENTIFIER" in text
    for key in ("CFBundleShortVersionString", "CFBundleDisplayName", "NSHighResolutionCapable"):
        assert f'"{key}"' in text
    # The .icns the spec names is the one packaging/macos/build.sh makes with iconutil.
    build = (PACKAGING / "macos" / "build.sh").read_text(encoding="utf-8")
    assert '"build" / "macos" / "webex-provisioner.icns"' in text
    assert "iconutil --convert icns --output build/macos/webex-provisioner.icns" in build
    assert identifier.group(1) in (PACKAGING / "macos" / "README.md").read_text(encoding="utf-8")


# --- Windows installer ------------------------------------------------------------------


def test_the_installer_takes_its_version_from_the_command_line() -> None:
    text = ISS.read_text(encoding="utf-8")
    assert re.search(r"^#ifndef AppVersion\s*\n\s*#error ", text, re.M)
    assert "AppVersion={#AppVersion}" in text
    assert "OutputBaseFilename=webex-provisioner-{#AppVersion}-windows-x64-setup" in text
    build = (PACKAGING / "windows" / "build.ps1").read_text(encoding="utf-8")
    assert '"/DAppVersion=$version"' in build
    assert "import app; print(app.__version__)" in build  # the package metadata, one place


def test_the_installer_has_a_fixed_app_id_shortcuts_and_the_bundle() -> None:
    text = ISS.read_text(encoding="utf-8")
    assert re.search(r"^AppId=\{\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\}$", text, re.M)
    sections = set(re.findall(r"^\[(\w+)\]$", text, re.M))
    assert {"Setup", "Files", "Icons", "Languages", "Run"} <= sections
    assert r'Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"' in text
    assert "{uninstallexe}" in text
    assert r'Source: "{#BundleDir}\*"' in text and r"..\..\dist\webex-provisioner" in text
    icon = re.search(r"^SetupIconFile=(.+)$", text, re.M)
    assert icon is not None and (ISS.parent / icon.group(1)).is_file()
    # The shortcut starts the windowed twin the spec builds on Windows.
    assert '#define AppExe "webex-provisioner-gui.exe"' in text
    assert 'executable(f"{NAME}-gui", console=False)' in SPEC.read_text(encoding="utf-8")
