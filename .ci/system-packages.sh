#!/usr/bin/env bash
# Debian/Ubuntu libraries Qt needs to run (offscreen or on a screen), a CJK font for Chinese
# text, and Xvfb for screenshots of a real window. Skips what is installed; needs root or sudo.
set -euo pipefail
packages=(fonts-wqy-microhei libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libdbus-1-3
          libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0
          libxcb-randr0 libxcb-xinerama0 libxcb-xkb1
          libfontconfig1 libglib2.0-0 libxcb-cursor0 xvfb)
command -v dpkg-query >/dev/null || { echo "not Debian: install Qt's libraries yourself"; exit 0; }
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo_cmd apt-get update -q
$sudo_cmd apt-get install -y -q --no-install-recommends "${missing[@]}"
