"""Render the SVG app icon into the PNG sizes, a macOS iconset and a Windows .ico.

    python packaging/make_icons.py            # resources/icons/webex-provisioner-{16..256}.png
    python packaging/make_icons.py --iconset build/macos/webex-provisioner.iconset
    python packaging/make_icons.py --ico packaging/windows/webex-provisioner.ico

Qt's SVG renderer draws the icon offscreen (no display needed). The PNGs are committed;
run this again after resources/icons/webex-provisioner.svg changes. The iconset (for
iconutil on macOS) and the .ico (PNG-compressed entries, Windows Vista and later) are
made at build time by packaging/macos/build.sh and packaging/windows/build.ps1.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "webex-provisioner.svg"
PNG_SIZES = (16, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# macOS iconset: each point size at 1x and 2x (iconutil's names).
ICONSET = (
    ("icon_16x16.png", 16),
    ("icon_16x16@2x.png", 32),
    ("icon_32x32.png", 32),
    ("icon_32x32@2x.png", 64),
    ("icon_128x128.png", 128),
    ("icon_128x128@2x.png", 256),
    ("icon_256x256.png", 256),
    ("icon_256x256@2x.png", 512),
    ("icon_512x512.png", 512),
    ("icon_512x512@2x.png", 1024),
)


def png_name(size: int) -> str:
    return f"webex-provisioner-{size}.png"


def render_png(svg: Path, size: int) -> bytes:
    """The SVG drawn on a transparent square of `size` pixels, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg} is not an SVG file Qt can draw.")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise SystemExit(f"Qt could not encode a {size} px PNG.")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A .ico whose entries are PNG images (ICONDIR, ICONDIRENTRY, then the data)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, blobs = [], []
    for size in sizes:
        blob = pngs[size]
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries.append(struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset))
        blobs.append(blob)
        offset += len(blob)
    return header + b"".join(entries) + b"".join(blobs)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--svg", type=Path, default=SVG)
    parser.add_argument("--out", type=Path, default=SVG.parent, help="folder for the PNGs")
    parser.add_argument("--iconset", type=Path, help="write a macOS .iconset folder here")
    parser.add_argument("--ico", type=Path, help="write a Windows .ico file here")
    args = parser.parse_args(argv)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    written: list[Path] = []
    if args.iconset is not None:
        args.iconset.mkdir(parents=True, exist_ok=True)
        for name, size in ICONSET:
            target = args.iconset / name
            target.write_bytes(render_png(args.svg, size))
            written.append(target)
    if args.ico is not None:
        args.ico.parent.mkdir(parents=True, exist_ok=True)
        args.ico.write_bytes(ico_bytes({size: render_png(args.svg, size) for size in ICO_SIZES}))
        written.append(args.ico)
    if args.iconset is None and args.ico is None:
        args.out.mkdir(parents=True, exist_ok=True)
        for size in PNG_SIZES:
            target = args.out / png_name(size)
            target.write_bytes(render_png(args.svg, size))
            written.append(target)
    del app
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
