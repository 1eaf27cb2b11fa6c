#!/usr/bin/env bash
# Installs what building and testing ecr-explain needs, skipping whatever is already there.
# Everything comes from crates.io, npm and Debian; nothing else is downloaded.
#   scripts/setup.sh            toolchain for building and serving the app
#   scripts/setup.sh --browser  also Debian's Chromium and ChromeDriver, for the browser tests
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)

log() { printf '\033[1msetup:\033[0m %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION"; then
  log "installing trunk $TRUNK_VERSION (compiles once, about 11 minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION"; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Not --locked: its lock file pins a crate version the registry no longer serves.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# wasm-opt (binaryen 132 reads current rustc output; Debian's is too old), playwright-core and
# axe-core (browser tests).
if ! node_modules/.bin/wasm-opt --version 2>/dev/null | grep -q "version 132" \
  || [ ! -d node_modules/playwright-core ] \
  || ! cmp -s package-lock.json node_modules/.package-lock.json.src 2>/dev/null; then
  log "installing npm tools (binaryen, playwright-core, axe-core)"
  npm ci --no-audit --no-fund
  cp package-lock.json node_modules/.package-lock.json.src
fi

if [ "${1:-}" = "--browser" ]; then
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    log "installing Debian's chromium and chromium-driver"
    export DEBIAN_FRONTEND=noninteractive
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
fi
log "ready (trunk $(trunk --version | awk '{print $2}'), wasm-bindgen $WASM_BINDGEN_VERSION, $(node_modules/.bin/wasm-opt --version))"
