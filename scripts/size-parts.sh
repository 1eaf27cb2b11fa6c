#!/usr/bin/env bash
# Where the shipped wasm's bytes go: builds both wasm binaries with the size profile (function
# names kept: wasm-bindgen leaves the name section in), asks twiggy for every function's and
# data item's size, and prints them per part (our modules, Yew, core, regex-lite, ...). Run
# `trunk build --release` first to get the shipped gzip sizes the estimates scale to.
# Not part of scripts/test.sh: a tool for whoever makes the site smaller.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
command -v twiggy >/dev/null || cargo install twiggy --version 0.8.0 --locked
out=target/size-parts
mkdir -p "$out"
for bin in ecr-explain-web ecr-explain-bucket; do
  cargo build --quiet --profile wasm-release --target wasm32-unknown-unknown --bin "$bin"
  wasm-bindgen --target web --out-dir "$out/$bin" "target/wasm32-unknown-unknown/wasm-release/$bin.wasm"
  twiggy top -n 1000000 --format csv "$out/$bin/${bin}_bg.wasm" > "$out/$bin.csv"
done
node tools/size-parts.mjs "$out/ecr-explain-web.csv" "$out/ecr-explain-bucket.csv"
