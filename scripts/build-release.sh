#!/usr/bin/env bash
# The release build as deployed: trunk with wasm-opt, for a given public URL, into a folder.
# Usage: scripts/build-release.sh /patella/ dist
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

public_url=${1:-/}
dist=${2:-dist}
# Builds in one checkout share target/ (wasm-split's pieces, trunk's staging): one at a time.
mkdir -p target
exec 9>target/.build-release.lock
flock 9
# The build the app names in Settings, backups' context and the printed knee check: the
# commit, marked "+changes" when the checkout differs from it. Same source, same name, so
# the Pages workflow's build and the tests' build stay byte for byte the same.
if commit=$(git rev-parse --short=10 HEAD 2>/dev/null); then
  [[ -z $(git status --porcelain 2>/dev/null) ]] || commit+="+changes"
  export PATELLA_BUILD=$commit
fi
# trunk's post_build hook (scripts/post-build.mjs) adds the CSP hashes and the service worker,
# and copies index.html to 404.html: GitHub Pages answers unknown paths with it, so deep links open.
trunk build --release --public-url "$public_url" --dist "$dist"
