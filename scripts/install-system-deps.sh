#!/usr/bin/env bash
# Installs the Debian packages Qt needs, only those missing (quick when all are there).
#   scripts/install-system-deps.sh           offscreen platform: tests, headless use
#   scripts/install-system-deps.sh --window  also a real window (X11/xcb) and Xvfb
set -euo pipefail

packages=(libglib2.0-0 libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6
          libxkbcommon0 fontconfig-config fonts-dejavu-core)
if [[ "${1:-}" == "--window" ]]; then
  packages+=(libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
             libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 xvfb xauth)
fi

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "Not a Debian-based system: install the equivalents of ${packages[*]} yourself." >&2
  exit 0
fi

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$package")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

sudo=""
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null 2>&1 || { echo "Run as root or install sudo to add: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
echo "Installing Debian packages: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
