#!/usr/bin/env bash
# Serves the app at http://127.0.0.1:8080 (PORT=... for another port), installing whatever the
# toolchain lacks first.
#   scripts/serve.sh        the release build, as users get it: `trunk build --release`, then
#                           dist/ served as static files
#   scripts/serve.sh --dev  `trunk serve`: a debug build, rebuilt and reloaded on every change
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh
PORT="${PORT:-8080}"
if [ "${1:-}" = "--dev" ]; then
  shift
  exec trunk serve --address 127.0.0.1 --port "$PORT" "$@"
fi
trunk build --release "$@"
echo "serve: the release build (dist/) at http://127.0.0.1:$PORT/ (Ctrl+C stops it)"
# Python's static server sends .wasm as application/wasm, which streaming compilation needs.
exec python3 -m http.server --bind 127.0.0.1 --directory dist "$PORT"
