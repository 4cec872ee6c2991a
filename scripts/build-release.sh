#!/usr/bin/env bash
# The release build as deployed: trunk with wasm-opt, for a given public URL, into a folder.
# Usage: scripts/build-release.sh /patella/ dist
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

public_url=${1:-/}
dist=${2:-dist}
trunk build --release --public-url "$public_url" --dist "$dist"
# GitHub Pages answers unknown paths with 404.html: the app itself, so deep links open.
cp "$dist/index.html" "$dist/404.html"
