#!/usr/bin/env bash
# Benchmarks, with numbers for the closing notes (not pass/fail tests):
#   native: ten years of daily use serialized and parsed (cargo bench)
#   browser: the same data in real localStorage, loaded by the release build in Chromium
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh

cargo bench --locked --bench ten_years
scripts/build-release.sh /patella/ target/bench/patella >/dev/null 2>&1
node scripts/size-report.mjs target/bench/patella || true
node bench/store-load.mjs target/bench/patella 15
node bench/startup.mjs target/bench/patella 7
node bench/import.mjs target/bench/patella 5
