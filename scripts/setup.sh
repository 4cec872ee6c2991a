#!/usr/bin/env bash
# Installs whatever Patella's build and tests need that is missing, at pinned versions.
# Safe to run again: each step checks first and is skipped in a moment when already done.
# Expects Debian with rustup, cargo, node and npm; uses apt-get as root (or through sudo).
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# wasm-split for the screens fetched on first use (scripts/tools/wasm-bindgen); its output
# must suit the wasm_split_helpers version in Cargo.lock.
WASM_SPLIT_VERSION=0.2.4
# Firefox's WebDriver, for the engine journeys and the browser tests in Firefox.
GECKODRIVER_VERSION=0.37.1
# wasm-bindgen's CLI must match the library exactly, so the version comes from Cargo.lock.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)

step() { printf '\033[1m==> %s\033[0m\n' "$*"; }
as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

missing_debs=()
command -v chromium >/dev/null || missing_debs+=(chromium)
command -v chromedriver >/dev/null || missing_debs+=(chromium-driver)
# The other engines of a runner's phone: Firefox ESR, and WebKitGTK (Safari's engine) with its
# WebDriver and MiniBrowser, which needs a display: xvfb (xvfb-run also needs xauth).
command -v firefox-esr >/dev/null || missing_debs+=(firefox-esr)
command -v WebKitWebDriver >/dev/null || missing_debs+=(webkit2gtk-driver)
command -v xvfb-run >/dev/null || missing_debs+=(xvfb)
command -v xauth >/dev/null || missing_debs+=(xauth)
if ((${#missing_debs[@]})); then
  step "Installing Debian packages: ${missing_debs[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing_debs[@]}"
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "Adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    step "Adding rustup component $component"
    rustup component add "$component"
  fi
done

if [[ $(trunk --version 2>/dev/null) != "trunk $TRUNK_VERSION" ]]; then
  step "Installing trunk $TRUNK_VERSION (about 8 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [[ $(wasm-bindgen --version 2>/dev/null) != "wasm-bindgen $WASM_BINDGEN_VERSION"* ]]; then
  step "Installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 3 minutes)"
  # Not --locked: one of its locked dependency versions is not served by this registry.
  cargo install wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION"
fi

if ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  step "Installing wasm-split-cli $WASM_SPLIT_VERSION (about 3 minutes on 2 cores)"
  cargo install wasm_split_cli_support --version "=$WASM_SPLIT_VERSION" --features build-binary --locked
fi

if [[ $(geckodriver --version 2>/dev/null | head -n 1) != "geckodriver $GECKODRIVER_VERSION"* ]]; then
  step "Installing geckodriver $GECKODRIVER_VERSION (about 5 minutes on 2 cores)"
  cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked
fi

# package.json pins exact versions, so `npm ls` passing means the pinned tools are there.
if ! npm ls --silent >/dev/null 2>&1; then
  step "Installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund
fi
