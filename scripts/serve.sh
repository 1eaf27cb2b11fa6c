#!/usr/bin/env bash
# Serves the app at http://127.0.0.1:8080, installing whatever the toolchain lacks first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh
exec trunk serve --address 127.0.0.1 --port 8080 "$@"
