"""Rewrite resources/licenses/<distribution>.txt from the installed packages' metadata.

Run from the project's virtual environment after a dependency changes:
    python resources/licenses/update.py
Each file: `Name:`, `License:`, `Copyright:`, `Home:` lines, a blank line, then the licence
text the package ships (or the standard text of its licence). Qt's file (PySide6) starts
with qt-notice.in and carries the full LGPL-3.0 and GPL-3.0 texts. The full texts of the
Apache, LGPL and GPL licences come from /usr/share/common-licenses (Debian, Ubuntu).
"""

from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path

OUT = Path(__file__).resolve().parent
COMMON = Path("/usr/share/common-licenses")
QT_LICENSE = "LGPL-3.0-only (also GPL-2.0-only or GPL-3.0-only)"
QT_COPYRIGHT = "Copyright (C) The Qt Company Ltd. and other contributors"
# Where the metadata says too little or something misleading.
OVERRIDES: dict[str, tuple[str | None, str | None]] = {
    "scim2-client": ("Apache-2.0", "Copyright Yaal Coop"),
    "scim2-server": ("Apache-2.0", "Copyright Yaal Coop"),
    "tomli-w": ("MIT", None),
    "backports-tarfile": ("MIT", None),
    "jaraco-classes": ("MIT", None),
    "hyperframe": ("MIT", None),
    "priority": ("MIT", None),
    "pydantic-core": ("MIT", None),
    "hypercorn": (None, "Copyright P G Jones 2018"),
    "keyring": (None, "Copyright Jason R. Coombs and the keyring contributors"),
    "pyside6-essentials": (QT_LICENSE, QT_COPYRIGHT),
    "shiboken6": (QT_LICENSE, QT_COPYRIGHT),
}
NAMES = {"pyside6-essentials": "Qt for Python (PySide6-Essentials) and Qt"}
HOMES = {
    "hypercorn": "https://github.com/pgjones/hypercorn",
    "lazy-importer": "https://pypi.org/project/lazy-importer/",
}
RULE = "=" * 72


def norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def runtime_distributions(root: str = "webex-provisioner") -> dict[str, metadata.Distribution]:
    """The program's runtime dependencies, transitively (extras left out, except http2)."""
    seen: dict[str, metadata.Distribution] = {}

    def walk(name: str) -> None:
        key = norm(name)
        if key in seen:
            return
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            return
        seen[key] = dist
        for requirement in dist.requires or []:
            if "extra ==" in requirement and "http2" not in requirement:
                continue
            match = re.match(r"[A-Za-z0-9_.-]+", requirement)
            if match:
                walk(match.group(0))

    walk(root)
    seen.pop(norm(root), None)
    return seen


def license_texts(dist: metadata.Distribution) -> list[str]:
    texts = []
    for file in sorted(dist.files or [], key=lambda f: f.name):
        upper = file.name.upper()
        if ".dist-info" in str(file) and (
            "LICEN" in upper or "COPYING" in upper or upper == "NOTICE"
        ):
            try:
                texts.append(file.read_text())
            except (OSError, UnicodeDecodeError):
                continue
    return texts


def copyright_line(texts: list[str]) -> str:
    placeholders = ("<copyright holders>", "[yyyy]", "{yyyy}", "[name of")
    for text in texts:
        for line in text.splitlines():
            if re.match(r"\s*Copyright\b", line) and not any(p in line for p in placeholders):
                return line.strip()
    return ""


def home(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    if norm(meta["Name"]) in HOMES:
        return HOMES[norm(meta["Name"])]
    urls = meta.get_all("Project-URL") or []
    for url in urls:
        label, _comma, link = url.partition(",")
        if label.strip().lower() in ("homepage", "home", "source", "repository", "source code"):
            return link.strip()
    if meta.get("Home-page"):
        return str(meta["Home-page"])
    return urls[0].partition(",")[2].strip() if urls else ""


def qt_body(key: str) -> str:
    notice = (OUT / "qt-notice.in").read_text(encoding="utf-8")
    if key == "shiboken6":
        return (
            "shiboken6 is the runtime of Qt for Python's binding generator; it ships with\n"
            "PySide6 under the same terms. The full licence texts are under PySide6-Essentials\n"
            "in this list.\n\n" + notice
        )
    return (
        f"{notice}\n\n{RULE}\nGNU LESSER GENERAL PUBLIC LICENSE, version 3\n{RULE}\n\n"
        + (COMMON / "LGPL-3").read_text()
        + f"\n\n{RULE}\nGNU GENERAL PUBLIC LICENSE, version 3 (which the LGPL-3.0 supplements)\n"
        + f"{RULE}\n\n"
        + (COMMON / "GPL-3").read_text()
    )


def main() -> None:
    for key, dist in sorted(runtime_distributions().items()):
        meta = dist.metadata
        licence = meta.get("License-Expression") or ""
        if not licence:
            raw = (meta.get("License") or "").strip()
            licence = raw if raw and "\n" not in raw and len(raw) < 60 else ""
        texts = license_texts(dist)
        override_licence, override_copyright = OVERRIDES.get(key, (None, None))
        licence = override_licence or licence
        holder = override_copyright or copyright_line(texts)
        if not holder and meta.get("Author"):
            holder = f"Copyright {meta['Author']}"
        if not holder and meta.get("Author-email"):
            holder = f"Copyright {str(meta['Author-email']).split('<')[0].strip()}"
        holder = holder.replace('"', "")
        if key in ("pyside6-essentials", "shiboken6"):
            body = qt_body(key)
        elif texts:
            body = "\n\n".join(text.strip("\n") for text in texts)
        elif licence.startswith("Apache-2.0"):
            body = (COMMON / "Apache-2.0").read_text()
        else:
            body = f"Licensed under {licence}."
        header = [
            f"Name: {NAMES.get(key, meta['Name'])}",
            f"License: {licence}",
            f"Copyright: {holder}",
            f"Home: {home(dist)}",
        ]
        target = OUT / f"{key}.txt"
        target.write_text("\n".join(header) + "\n\n" + body.rstrip() + "\n", encoding="utf-8")
        print(f"{target.name}: {licence}")


if __name__ == "__main__":
    main()
