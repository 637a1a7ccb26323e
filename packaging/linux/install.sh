#!/bin/sh
# Install (or remove) this webex-provisioner bundle: the program, its menu entry and icons.
#
#   ./install.sh                   for you only: under ~/.local (run as root: /usr/local)
#   ./install.sh --prefix /opt/wp  somewhere else
#   ./install.sh --uninstall       removes what install.sh put there (same --prefix)
#
# It copies bin/, lib/webex-provisioner/ and share/ into the prefix and points the menu
# entry at the installed program. Nothing else on the system is changed; profiles,
# state and logs stay in your own folders and are kept on --uninstall.
set -eu

here=$(dirname -- "$(readlink -f -- "$0")")
if [ "$(id -u)" = 0 ]; then prefix=/usr/local; else prefix="${HOME:?HOME is not set}/.local"; fi
action=install
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) [ $# -ge 2 ] || { echo "install.sh: --prefix needs a folder" >&2; exit 2; }
              prefix=$2; shift 2 ;;
    --prefix=*) prefix=${1#--prefix=}; shift ;;
    --uninstall) action=uninstall; shift ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

apps="$prefix/share/applications"
icons="$prefix/share/icons/hicolor"
sizes="16 32 48 64 128 256"

refresh_menus() {
  if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$apps" 2>/dev/null || true
  fi
  if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$icons/index.theme" ]; then
    gtk-update-icon-cache -q -t "$icons" 2>/dev/null || true
  fi
}

if [ "$action" = uninstall ]; then
  rm -f "$prefix/bin/webex-provisioner" "$apps/webex-provisioner.desktop"
  rm -rf "$prefix/lib/webex-provisioner"
  for size in $sizes; do rm -f "$icons/${size}x${size}/apps/webex-provisioner.png"; done
  rm -f "$icons/scalable/apps/webex-provisioner.svg"
  refresh_menus
  echo "webex-provisioner removed from $prefix (profiles, state and logs are kept)."
  exit 0
fi

mkdir -p "$prefix/bin" "$prefix/lib" "$apps"
rm -rf "$prefix/lib/webex-provisioner"
cp -R "$here/lib/webex-provisioner" "$prefix/lib/webex-provisioner"
cp "$here/bin/webex-provisioner" "$prefix/bin/webex-provisioner"
chmod 755 "$prefix/bin/webex-provisioner"
for size in $sizes; do
  mkdir -p "$icons/${size}x${size}/apps"
  cp "$here/share/icons/hicolor/${size}x${size}/apps/webex-provisioner.png" \
     "$icons/${size}x${size}/apps/webex-provisioner.png"
done
mkdir -p "$icons/scalable/apps"
cp "$here/share/icons/hicolor/scalable/apps/webex-provisioner.svg" "$icons/scalable/apps/"
# The menu entry starts the installed program by its full path: ~/.local/bin is not on
# every desktop session's PATH. Exec takes it quoted (the Desktop Entry rules: \ " ` $
# escaped inside quotes), TryExec as it is; both escaped once more for sed.
program="$prefix/bin/webex-provisioner"
quoted=$(printf '%s' "$program" | sed -e 's/[\\"`$]/\\&/g')
for_sed() { printf '%s' "$1" | sed -e 's/[\\|&]/\\&/g'; }
sed -e "s|^Exec=webex-provisioner|Exec=\"$(for_sed "$quoted")\"|" \
    -e "s|^TryExec=webex-provisioner|TryExec=$(for_sed "$program")|" \
    "$here/share/applications/webex-provisioner.desktop" > "$apps/webex-provisioner.desktop"
refresh_menus
echo "webex-provisioner installed in $prefix: run $prefix/bin/webex-provisioner or open it from the menu."
case ":$PATH:" in
  *":$prefix/bin:"*) ;;
  *) echo "Add $prefix/bin to your PATH to type webex-provisioner in a terminal." ;;
esac
