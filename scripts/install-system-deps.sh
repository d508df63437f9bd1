#!/usr/bin/env bash
# Installs the Debian packages Qt needs, only those missing (quick when all are there).
#   scripts/install-system-deps.sh            offscreen platform: tests, headless use
#   scripts/install-system-deps.sh --window   also a real window (X11/xcb) and Xvfb
#   scripts/install-system-deps.sh --register the freedesktop tools that register the app with
#                                             the desktop (update-mime-database, xdg-mime, …)
#   scripts/install-system-deps.sh --desktop  the window, the tools above, and what the packaging
#                                             tests use (desktop-file-validate, gio, xdotool)
#   scripts/install-system-deps.sh --print …  only print the apt-get command for what is missing
set -euo pipefail

window=0 register=0 desktop=0 print_only=0
for option in "$@"; do
  case "$option" in
    --window) window=1 ;;
    --register) register=1 ;;
    --desktop) window=1 register=1 desktop=1 ;;
    --print) print_only=1 ;;
    *) echo "usage: $0 [--window] [--register] [--desktop] [--print]" >&2; exit 64 ;;
  esac
done

packages=(libglib2.0-0 libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6
          libxkbcommon0 fontconfig-config fonts-dejavu-core)
if [[ $window -eq 1 ]]; then
  packages+=(libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
             libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 xvfb xauth)
fi
if [[ $register -eq 1 ]]; then
  packages+=(shared-mime-info desktop-file-utils xdg-utils)
fi
if [[ $desktop -eq 1 ]]; then
  packages+=(libglib2.0-bin libfile-mimeinfo-perl xvfb xdotool x11-utils xauth)
fi

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "Not a Debian-based system: install the equivalents of ${packages[*]} yourself." >&2
  exit 0
fi

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [[ "$status" == "install ok installed" || " ${missing[*]} " == *" $package "* ]] || missing+=("$package")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

if [[ $print_only -eq 1 ]]; then
  echo "sudo apt-get install --no-install-recommends ${missing[*]}"
  exit 0
fi

sudo=""
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null 2>&1 || { echo "Run as root or install sudo to add: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
echo "Installing Debian packages: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
