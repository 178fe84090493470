#!/usr/bin/env bash
# Installs what building, running and testing Outpost needs and is missing:
# Debian/Ubuntu packages, tauri-driver, and the npm packages of ui/ and tests/e2e/.
# Safe to run again: it only installs what is not there.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  # build the desktop app (Tauri 2 on WebKitGTK)
  build-essential pkg-config file libssl-dev libwebkit2gtk-4.1-dev libgtk-3-dev
  libayatana-appindicator3-dev librsvg2-dev libxdo-dev
  # run it headless and drive it end to end
  xvfb xauth dbus-x11 webkit2gtk-driver fonts-dejavu-core imagemagick
  # keychain without a desktop session; PDF checks
  gnome-keyring libsecret-tools keyutils poppler-utils qpdf
)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  # An install can stop half-way when downloaded archives are cleaned between dpkg runs; a second run finishes it.
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" || $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

command -v cargo >/dev/null || { echo "Rust is missing: install it with rustup (https://rustup.rs)"; exit 1; }
node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt 20 ]; then
  echo "Node.js 20 or newer is needed (found: $(node --version 2>/dev/null || echo none))"; exit 1
fi

export PATH="$HOME/.cargo/bin:$PATH"
if ! command -v tauri-driver >/dev/null; then
  echo "Installing tauri-driver"
  cargo install tauri-driver --version '^2' --locked --quiet
fi

# npm ci when node_modules is missing or older than the lockfile.
for dir in ui tests/e2e; do
  if [ -f "$dir/package-lock.json" ] && { [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; }; then
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
done
