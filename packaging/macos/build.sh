#!/usr/bin/env bash
# Build "Webex Provisioner.app" on macOS (11 or newer), and a zip of it.
#
# With Python 3.11+ (python.org or Homebrew) and the Xcode command-line tools (iconutil),
# from the project folder:
#     packaging/macos/build.sh
# Result: dist/Webex Provisioner.app and dist/webex-provisioner-<version>-macos-<arch>.zip
# (built for the Mac's own architecture: arm64 on Apple silicon, x86_64 on Intel).
# Signing and notarisation, when wanted, come after: codesign --deep --options runtime
# --sign "Developer ID Application: ..." "dist/Webex Provisioner.app", then notarytool.
set -euo pipefail
cd "$(dirname "$0")/../.."

[ -x .venv/bin/python ] || python3 -m venv .venv
PYTHON=.venv/bin/python
"$PYTHON" -m pip install --quiet -e . 'pyinstaller>=6.22,<6.23'
version=$("$PYTHON" -c 'import app; print(app.__version__)')

# The icon: the SVG drawn at every iconset size, then packed by iconutil into the .icns
# that the spec's BUNDLE block names (build/macos/webex-provisioner.icns).
rm -rf build/macos && mkdir -p build/macos
"$PYTHON" packaging/make_icons.py --iconset build/macos/webex-provisioner.iconset
iconutil --convert icns --output build/macos/webex-provisioner.icns build/macos/webex-provisioner.iconset

"$PYTHON" -m PyInstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller \
  packaging/webex-provisioner.spec

app="dist/Webex Provisioner.app"
"$app/Contents/MacOS/webex-provisioner" --version
"$app/Contents/MacOS/webex-provisioner" --self-test
plutil -lint "$app/Contents/Info.plist"

zip="dist/webex-provisioner-$version-macos-$(uname -m).zip"
rm -f "$zip"
ditto -c -k --keepParent "$app" "$zip"  # ditto keeps the bundle's links and attributes
echo "$zip"
