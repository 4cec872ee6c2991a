#!/usr/bin/env bash
# The release build as deployed: trunk with wasm-opt, for a given public URL, into a folder.
# Usage: scripts/build-release.sh /patella/ dist
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

public_url=${1:-/}
dist=${2:-dist}
# trunk's post_build hook (scripts/post-build.mjs) adds the CSP hashes and the service worker,
# and copies index.html to 404.html: GitHub Pages answers unknown paths with it, so deep links open.
trunk build --release --public-url "$public_url" --dist "$dist"
