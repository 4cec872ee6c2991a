# Sourced by the other scripts: puts the project's tools on PATH.
# wasm-opt and terser come from npm packages; trunk, wasm-bindgen and wasm-split are the
# pinned versions scripts/setup.sh linked into PATELLA_TOOLS_BIN (default .tools/bin).
PATELLA_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PATELLA_TOOLS_BIN=${PATELLA_TOOLS_BIN:-$PATELLA_ROOT/.tools/bin}
# scripts/tools comes first: its wasm-bindgen runs wasm-split before the real one.
export PATH="$PATELLA_ROOT/scripts/tools:$PATELLA_TOOLS_BIN:$PATELLA_ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# Browser tests: wasm-bindgen-test-runner drives Debian's Chromium through chromedriver.
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
export CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}
