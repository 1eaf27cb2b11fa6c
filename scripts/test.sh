#!/usr/bin/env bash
# Runs every test: formatting and lints, the native tests (engine, catalogue, corpus, CLI,
# properties), the release build with its size budget, and the browser tests of dist/ in
# Debian's headless Chromium. Installs whatever is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
source scripts/env.sh
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "format and lints"
cargo fmt --all -- --check
cargo clippy --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown --lib --bins -- -D warnings

step "native tests"
cargo test

step "release build (dist/)"
trunk build --release
node tests/size-budget.mjs

step "browser tests (headless Chromium)"
node --test --test-concurrency=1 tests/browser/
