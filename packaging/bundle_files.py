"""What goes into the bundle: resources/ files and the Qt files the program needs.

Plain functions so that the spec (packaging/webex-provisioner.spec) and the tests
(tests/unit/test_packaging.py) share them; no PyInstaller import here.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# --- resources/ -------------------------------------------------------------------------
# Every file under resources/ ships at the same relative place (so that a folder added
# later, such as the scheduler templates, ships without a change here), except what only
# serves to build the others: translation sources (.ts, .po, .pot), the licence updater and
# its template.
RESOURCE_SKIP_SUFFIXES = (".ts", ".po", ".pot", ".py", ".pyc", ".in")
# Folders the program reads at run time; the build fails if one of them is missing.
REQUIRED_RESOURCE_FOLDERS = (
    "icons",
    "licenses",
    "linux",
    "locale",
    "sample",
    "translations",
    "vendor",
)


def resource_datas(root: Path = ROOT) -> list[tuple[str, str]]:
    """(source file, destination folder) for PyInstaller's datas: resources/... as is."""
    resources = root / "resources"
    missing = [name for name in REQUIRED_RESOURCE_FOLDERS if not (resources / name).is_dir()]
    if missing:
        raise SystemExit(f"resources/ lacks {', '.join(missing)}: the bundle would be incomplete.")
    datas = []
    for path in sorted(resources.rglob("*")):
        if not path.is_file() or path.suffix in RESOURCE_SKIP_SUFFIXES:
            continue
        if "__pycache__" in path.parts:
            continue
        datas.append((str(path), str(path.relative_to(root).parent)))
    return datas


def licensed_distributions(root: Path = ROOT) -> list[str]:
    """The distributions resources/licenses/ has a licence file for (their metadata ships)."""
    return [path.stem for path in sorted((root / "resources" / "licenses").glob("*.txt"))]


# --- Qt ---------------------------------------------------------------------------------
# Qt plug-in folders the program needs (PyInstaller's Qt hooks bring more): platforms
# (offscreen for --self-test and servers, xcb and wayland for Linux desktops, windows,
# cocoa), platform themes and input contexts (native dialogs, compose keys), icon engines
# and image formats (the SVG icon), styles (windowsvista, macos: where the wheel has
# them), and what xcb and wayland load for OpenGL and window decorations. No tls: only
# QtNetwork uses it, and the program makes every HTTP call with httpx
# (app.net.make_async_client), never with QtNetwork.
QT_PLUGIN_FOLDERS = frozenset(
    {
        "platforms",
        "platformthemes",
        "platforminputcontexts",
        "iconengines",
        "imageformats",
        "styles",
        "xcbglintegrations",
        "wayland-decoration-client",
        "wayland-graphics-integration-client",
        "wayland-shell-integration",
    }
)
# Plug-ins left out: platforms for hardware a workstation program never runs on, and the
# GTK 3 theme, which would load the desktop's GTK against the older GLib copied from the
# build machine (the XDG desktop portal theme gives native dialogs instead).
QT_PLUGINS_SKIPPED = frozenset(
    {"libqeglfs", "libqlinuxfb", "libqvnc", "libqvkkhrdisplay", "libqminimalegl", "libqgtk3"}
)
# Qt libraries the hooks add that nothing bundled links to (checked on Linux with readelf:
# left out there only): QtNetwork (see above) and the EGLFS device integration (for the
# eglfs platform, left out).
QT_LIBRARIES_SKIPPED = frozenset(
    {"Qt6Network", "QtNetwork", "Qt6EglFSDeviceIntegration", "Qt6EglFsKmsSupport"}
)
# System libraries only the left-out files needed: GTK's drawing stack, Kerberos (QtNetwork).
SYSTEM_LIBRARIES_SKIPPED = frozenset(
    {
        "libatk-1.0",
        "libcairo",
        "libcairo-gobject",
        "libgdk_pixbuf-2.0",
        "libpango-1.0",
        "libpangocairo-1.0",
        "libpangoft2-1.0",
        "libgssapi_krb5",
        "libkrb5",
        "libk5crypto",
        "libkrb5support",
    }
)
# Qt's own translations: those of the languages the program ships (English needs none).
QT_TRANSLATION_LANGUAGES = frozenset({"fr"})


def library_stem(name: str) -> str:
    """libQt6Network.so.6, Qt6Network.dll, QtNetwork.framework -> the name without suffix."""
    for suffix in (".so", ".dll", ".dylib", ".framework"):
        name = name.split(suffix, 1)[0]
    return name


def keep_file(dest: str, platform: str = sys.platform) -> bool:
    """False for a Qt plug-in, Qt library, Qt translation or system library not needed."""
    parts = Path(dest).parts
    stem = library_stem(parts[-1])
    if platform.startswith("linux"):
        if stem in SYSTEM_LIBRARIES_SKIPPED:
            return False
        if any(library_stem(part).removeprefix("lib") in QT_LIBRARIES_SKIPPED for part in parts):
            return False
    if "PySide6" not in parts:
        return True
    if "plugins" in parts:
        index = parts.index("plugins")
        in_folder = len(parts) > index + 2
        if in_folder and (parts[index + 1] not in QT_PLUGIN_FOLDERS or stem in QT_PLUGINS_SKIPPED):
            return False
    if "translations" in parts and parts[-1].endswith(".qm"):
        catalogue = Path(parts[-1]).stem  # qtbase_fr, qt_help_fr, qt_zh_CN
        language = catalogue.rsplit("_", 2)[-2:]
        codes = {code.lower() for code in language}
        if not codes & QT_TRANSLATION_LANGUAGES:
            return False
    return True


def filter_entries(
    entries: Iterable[tuple[str, str, str]], platform: str = sys.platform
) -> list[tuple[str, str, str]]:
    """A PyInstaller TOC (dest, source, kind) without the files keep_file refuses."""
    return [entry for entry in entries if keep_file(entry[0], platform)]
