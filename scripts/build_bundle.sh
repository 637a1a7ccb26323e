#!/usr/bin/env bash
# Build the Linux bundle: dist/webex-provisioner-<version>-linux-<arch>.tar.gz
#
#   scripts/build_bundle.sh            with .venv/bin/python (pyinstaller installed in it)
#   PYTHON=/path/to/python scripts/build_bundle.sh
#   scripts/build_bundle.sh --from DIR lay out and pack a PyInstaller folder built before
#   BUNDLE_WORK=DIR BUNDLE_DIST=DIR    where to stage (build/bundle) and put the tarball (dist)
#
# PyInstaller makes the one-folder program (packaging/webex-provisioner.spec); this script
# lays it out as a prefix (bin/ launcher, lib/webex-provisioner/, share/ with the .desktop
# file and the hicolor icons), adds install.sh and README.txt, and packs it. The last line
# printed is the tarball's path. SOURCE_DATE_EPOCH, when set, dates every file in it.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-.venv/bin/python}
prebuilt=""
while [ $# -gt 0 ]; do
  case "$1" in
    --from) [ $# -ge 2 ] || { echo "build_bundle: --from needs a folder" >&2; exit 2; }
            prebuilt=$2; shift 2 ;;
    *) echo "build_bundle: unknown option $1" >&2; exit 2 ;;
  esac
done
if [ -n "$prebuilt" ] && [ ! -x "$prebuilt/webex-provisioner" ]; then
  echo "build_bundle: $prebuilt holds no webex-provisioner program" >&2
  exit 2
fi
if [ -z "$prebuilt" ] && ! "$PYTHON" -c 'import PyInstaller' 2>/dev/null; then
  echo "build_bundle: PyInstaller is missing; run: $PYTHON -m pip install 'pyinstaller>=6.22,<6.23'" >&2
  exit 2
fi
version=$("$PYTHON" -c 'import app; print(app.__version__)')
case "$version" in
  *+source) echo "build_bundle: webex-provisioner is not installed in $PYTHON's environment (./dev does it)" >&2
            exit 2 ;;
esac
arch=$(uname -m)
name="webex-provisioner-$version-linux-$arch"
work=${BUNDLE_WORK:-build/bundle}
dist=${BUNDLE_DIST:-dist}
stage="$work/$name"

rm -rf "$stage"
mkdir -p "$stage/bin" "$stage/lib" "$stage/share/applications" \
         "$stage/share/icons/hicolor/scalable/apps"
if [ -n "$prebuilt" ]; then
  cp -R "$prebuilt" "$stage/lib/webex-provisioner"
else
  echo "build_bundle: PyInstaller ($("$PYTHON" -m PyInstaller --version)) for $name" >&2
  rm -rf "$work/pyinstaller-dist"
  "$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$work/pyinstaller-dist" --workpath "$work/pyinstaller-work" \
    packaging/webex-provisioner.spec
  mv "$work/pyinstaller-dist/webex-provisioner" "$stage/lib/webex-provisioner"
fi
install -m 755 packaging/linux/webex-provisioner "$stage/bin/webex-provisioner"
install -m 755 packaging/linux/install.sh "$stage/install.sh"
install -m 644 packaging/linux/README.txt "$stage/README.txt"
install -m 644 resources/linux/webex-provisioner.desktop "$stage/share/applications/"
for size in 16 32 48 64 128 256; do
  install -D -m 644 "resources/icons/webex-provisioner-$size.png" \
    "$stage/share/icons/hicolor/${size}x${size}/apps/webex-provisioner.png"
done
install -m 644 resources/icons/webex-provisioner.svg "$stage/share/icons/hicolor/scalable/apps/"
ln -s bin/webex-provisioner "$stage/webex-provisioner"

mkdir -p "$dist"
tarball="$dist/$name.tar.gz"
mtime=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$mtime" \
  -C "$work" -cf - "$name" | gzip -n -6 > "$tarball"
(cd "$dist" && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")
echo "build_bundle: $(du -sh "$stage" | cut -f1) unpacked, $(du -h "$tarball" | cut -f1) packed" >&2
echo "$tarball"
