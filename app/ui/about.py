"""The About dialog: the program's version and the licences of the libraries it bundles.

The licences are read from resources/licenses/, one file per library: a few header lines
(`Name:`, `License:`, `Copyright:`, `Home:`), a blank line, then the licence text. Qt's
file (PySide6) carries the LGPLv3 notice: where to get the Qt source and how to replace
the Qt libraries.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFontDatabase, QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

import app
from app.ui.resources import icon_path, resources_dir

log = logging.getLogger(__name__)

HAND_WRAPPED_WIDTH = 110
FIRST = "pyside6-essentials"  # Qt's notice is the one the LGPL asks to show prominently


@dataclass(frozen=True, slots=True)
class LicenseInfo:
    """One bundled library, as its file in resources/licenses/ describes it."""

    key: str  # the file's stem: the distribution name
    name: str
    license: str
    copyright: str
    home: str
    text: str

    @property
    def version(self) -> str:
        """The version this program runs with (from the package metadata), else ''."""
        try:
            return metadata.version(self.key)
        except metadata.PackageNotFoundError:
            return ""


def licenses_dir() -> Path:
    return resources_dir() / "licenses"


def parse_license_file(path: Path) -> LicenseInfo:
    text = path.read_text(encoding="utf-8")
    header, _blank, body = text.partition("\n\n")
    fields: dict[str, str] = {}
    for line in header.splitlines():
        key, colon, value = line.partition(":")
        if colon:
            fields[key.strip().lower()] = value.strip()
    return LicenseInfo(
        key=path.stem,
        name=fields.get("name", path.stem),
        license=fields.get("license", ""),
        copyright=fields.get("copyright", ""),
        home=fields.get("home", ""),
        text=body.strip("\n"),
    )


def bundled_licenses(folder: Path | None = None) -> list[LicenseInfo]:
    """Every licence file, Qt's first, then by name; unreadable files are logged and left out."""
    folder = folder if folder is not None else licenses_dir()
    found: list[LicenseInfo] = []
    for path in sorted(folder.glob("*.txt")):
        try:
            found.append(parse_license_file(path))
        except (OSError, UnicodeDecodeError):
            log.exception("Could not read the licence file %s", path)
    found.sort(key=lambda info: (info.key != FIRST, info.name.casefold()))
    return found


class AboutDialog(QDialog):
    """aboutDialog: name, version, what the program does, and the bundled libraries' licences."""

    def __init__(self, parent: QWidget | None = None, *, folder: Path | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About Webex Provisioner"))
        self.resize(1120, 660)  # the list and 80 columns of licence text side by side
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_heading())
        splitter = self._build_libraries(layout)
        layout.addWidget(splitter, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("aboutClose")
        close.setAccessibleName(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self._list_libraries(splitter, folder)

    def _build_heading(self) -> QHBoxLayout:
        """The icon, the name, the version and what the program does."""
        top = QHBoxLayout()
        logo = QLabel(self)
        logo.setObjectName("aboutLogo")
        logo.setPixmap(QIcon(str(icon_path())).pixmap(QSize(72, 72)))
        logo.setAccessibleName(self.tr("Program icon"))
        top.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
        heading = QVBoxLayout()
        title = QLabel(self.tr("<h2>Webex Provisioner</h2>"), self)
        title.setObjectName("aboutTitle")
        self.version_label = QLabel(self.tr("Version {version}").format(version=app.__version__))
        self.version_label.setObjectName("aboutVersion")
        self.version_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        summary = QLabel(
            self.tr(
                "Provisions users and groups from a directory (a CSV file, Microsoft Entra ID) "
                "into Cisco Webex over SCIM 2.0, from this computer. Distributed under the "
                "MIT licence."
            ),
            self,
        )
        summary.setObjectName("aboutSummary")
        summary.setWordWrap(True)
        heading.addWidget(title)
        heading.addWidget(self.version_label)
        heading.addWidget(summary)
        top.addLayout(heading, 1)
        return top

    def _build_libraries(self, layout: QVBoxLayout) -> QSplitter:
        """The bundled libraries beside the licence of the selected one."""
        libraries_label = QLabel(
            self.tr(
                "This program includes the following libraries. Select one to read its licence."
            ),
            self,
        )
        libraries_label.setWordWrap(True)
        layout.addWidget(libraries_label)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.libraries = QListWidget(splitter)
        self.libraries.setObjectName("aboutLibraries")
        self.libraries.setAccessibleName(self.tr("Bundled libraries"))
        libraries_label.setBuddy(self.libraries)
        self.license_text = QPlainTextEdit(splitter)
        self.license_text.setObjectName("aboutLicenseText")
        self.license_text.setAccessibleName(self.tr("Licence of the selected library"))
        self.license_text.setReadOnly(True)
        self.license_text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        splitter.addWidget(self.libraries)
        splitter.addWidget(self.license_text)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        return splitter

    def _list_libraries(self, splitter: QSplitter, folder: Path | None) -> None:
        """The bundled libraries in the list, the first one's licence shown."""
        self.licenses = bundled_licenses(folder)
        for info in self.licenses:
            version = info.version
            label = f"{info.name} {version}".strip() + f" — {info.license}"
            item = QListWidgetItem(label, self.libraries)
            item.setData(Qt.ItemDataRole.UserRole, info.key)
            item.setToolTip(info.copyright)
        # The list as wide as its longest entry, within reason: the licence text keeps room
        # for its 80 columns.
        wanted = self.libraries.sizeHintForColumn(0) + 2 * self.libraries.frameWidth() + 24
        splitter.setSizes([min(max(wanted, 300), 420), 680])
        self.libraries.currentRowChanged.connect(self._show)
        if self.licenses:
            self.libraries.setCurrentRow(0)
        else:
            self.license_text.setPlainText(
                self.tr("The licence files are missing from {folder}.").format(
                    folder=str(folder if folder is not None else licenses_dir())
                )
            )

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self.licenses):
            self.license_text.clear()
            return
        info = self.licenses[row]
        lines = [info.name]
        if info.version:
            lines.append(self.tr("Version {version}").format(version=info.version))
        lines.append(self.tr("Licence: {license}").format(license=info.license))
        if info.copyright:
            lines.append(info.copyright)
        if info.home:
            lines.append(info.home)
        text = "\n".join(lines) + "\n\n" + info.text
        # Most licence texts are wrapped by hand at 80 columns or so: shown as they are. A
        # text written in long lines (Markdown paragraphs) is wrapped to the pane instead.
        longest = max((len(line) for line in text.splitlines()), default=0)
        self.license_text.setLineWrapMode(
            QPlainTextEdit.LineWrapMode.NoWrap
            if longest <= HAND_WRAPPED_WIDTH
            else QPlainTextEdit.LineWrapMode.WidgetWidth
        )
        self.license_text.setPlainText(text)

    def show_library(self, key: str) -> bool:
        for row, info in enumerate(self.licenses):
            if info.key == key:
                self.libraries.setCurrentRow(row)
                return True
        return False
