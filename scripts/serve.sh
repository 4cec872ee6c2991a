#!/usr/bin/env bash
# Installs what is missing, then serves the release build at http://127.0.0.1:8080/
# and rebuilds on change. Pass --dev for a faster debug build while working.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh

if [[ ${1:-} == --dev ]]; then
  exec trunk serve
fi
exec trunk serve --release
