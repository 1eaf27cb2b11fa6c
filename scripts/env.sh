# Sourced by the other scripts: tools on PATH, npm's wasm-opt first (Debian's is too old).
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
