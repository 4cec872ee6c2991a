#!/usr/bin/env bash
# Installs what is missing, then runs every check and test; exits non-zero on any failure.
#   1. formatting and clippy (native and wasm)   2. native unit tests (domain rules)
#   3. browser tests (wasm-bindgen-test in headless Chromium, then in headless Firefox)
#   4. release builds under /patella/ and at /, size budget, Lighthouse
#   5. end-to-end journeys in Chromium against those release builds, with accessibility
#      checks (axe-core, tap sizes, 200% zoom, keyboard) and screenshots
#   6. the runner's journeys in Chromium, Firefox and WebKit (one file, once per engine)
#   7. the GitHub Pages workflow's own build steps in a scratch clone give the same build
# Today is the real date unless PATELLA_TODAY (and PATELLA_TZ) pin it: see e2e/support/clock.mjs;
# scripts/calendar-sweep.sh runs the date-dependent tests on the days that matter.
# Steps 5 to 7 all run even when one fails, so one red engine does not hide another.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh
# The native tests and the browsers read local time in the pinned zone too.
[[ -z ${PATELLA_TZ:-} ]] || export TZ=$PATELLA_TZ

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
failures=()
# Runs a step's command; a failure is noted and reported at the end instead of stopping here.
keep_going() {
  local what=$1
  shift
  "$@" || failures+=("$what")
}

if [[ -n ${PATELLA_TODAY:-} ]]; then
  echo "Today is pinned: PATELLA_TODAY=$PATELLA_TODAY${PATELLA_TZ:+ PATELLA_TZ=$PATELLA_TZ}"
fi

step "Formatting"
cargo fmt --all --check

step "Layers: pages call the platform, the domain stays pure, no import circle"
node scripts/check-layers.mjs

step "Clippy, native and wasm"
cargo clippy --all-targets --locked -- -D warnings
cargo clippy --all-targets --locked --target wasm32-unknown-unknown -- -D warnings

step "Native unit tests"
cargo test --locked

step "Browser tests in headless Chromium"
cargo test --locked --target wasm32-unknown-unknown --tests

step "Browser tests in headless Firefox"
# wasm-bindgen-test-runner takes the first driver named in its environment, GECKODRIVER
# before CHROMEDRIVER; webdriver.json names Debian's firefox-esr.
GECKODRIVER="$(command -v geckodriver)" cargo test --locked --target wasm32-unknown-unknown --tests

step "Release builds (wasm-opt), under /patella/ and at the site root"
rm -rf target/e2e
scripts/build-release.sh /patella/ target/e2e/patella
scripts/build-release.sh / target/e2e/root

step "Size budget"
node scripts/size-report.mjs target/e2e/patella

step "Lighthouse on Home, Knee check and Log (mobile)"
node scripts/lighthouse.mjs target/e2e/patella

step "End-to-end journeys in Chromium (screenshots in target/screenshots/)"
keep_going "end-to-end journeys" env PATELLA_DIST_SUBPATH=target/e2e/patella PATELLA_DIST_ROOT=target/e2e/root \
  node --test e2e/

step "The runner's journeys in Chromium, Firefox and WebKit (screenshots in target/screenshots/<engine>/)"
for engine in chromium firefox webkit; do
  printf '\n--- %s\n' "$engine"
  if [[ $engine == webkit ]]; then
    # WebKitWebDriver's MiniBrowser needs a display; xvfb gives it one.
    keep_going "journeys in $engine" env PATELLA_ENGINE=$engine PATELLA_DIST_SUBPATH=target/e2e/patella \
      xvfb-run -a -s '-screen 0 1280x1024x24' node --test e2e/engines/journeys.mjs
  else
    keep_going "journeys in $engine" env PATELLA_ENGINE=$engine PATELLA_DIST_SUBPATH=target/e2e/patella \
      node --test e2e/engines/journeys.mjs
  fi
done

step "The GitHub Pages workflow's own build steps, in a scratch clone, give the tests' build"
keep_going "the Pages workflow's build" node scripts/check-workflow.mjs target/e2e/patella

if ((${#failures[@]})); then
  printf '\n\033[1mFailed:\033[0m %s\n' "${failures[@]}"
  exit 1
fi
echo "Every check passed."

