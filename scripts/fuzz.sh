#!/usr/bin/env bash
# Fuzzes the engine, the share links, the LZ coder and the bucket query for SECONDS each
# (default 60): scripts/fuzz.sh [SECONDS] [TARGET...]. Not part of CI.
#
# libFuzzer through cargo-fuzz wants a nightly toolchain; on stable, RUSTC_BOOTSTRAP=1 lets
# rustc take the -Z flags cargo-fuzz passes (AddressSanitizer included), so both work.
# A crash stops its target; the input lands in fuzz/artifacts/<target>/. Minimize it with
# `cargo fuzz tmin <target> <file>`, fix, and commit the minimized file there.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(explain chunked share lz bucket_query)

want="0.13.2"
if ! cargo fuzz --version 2>/dev/null | grep -q "$want"; then
  cargo install cargo-fuzz --version "$want" --locked
fi
if ! rustc --version | grep -q nightly; then
  export RUSTC_BOOTSTRAP=1
fi
export CARGO_BUILD_JOBS="${CARGO_BUILD_JOBS:-1}"

cargo fuzz build -O
summary=()
status=0
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t"
  # Seeds, and every committed crash as a regression: a crash not fixed stops the run at once.
  [ -d "seeds/$t" ] && cp -n seeds/"$t"/* "corpus/$t/" 2>/dev/null || true
  [ -d "artifacts/$t" ] && cp -n artifacts/"$t"/crash-* "corpus/$t/" 2>/dev/null || true
  log="$(mktemp)"
  if cargo fuzz run -O "$t" "corpus/$t" -- -max_total_time="$seconds" -print_final_stats=1 >"$log" 2>&1; then
    result="ok"
  else
    result="CRASH (see fuzz/artifacts/$t/)"
    status=1
    grep -m5 -E "panicked|ERROR: |SUMMARY" "$log" || true
  fi
  runs="$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' || echo '?')"
  summary+=("$(printf '%-14s %12s runs  %s' "$t" "$runs" "$result")")
  rm -f "$log"
done
printf '\n'
printf '%s\n' "${summary[@]}"
exit "$status"
