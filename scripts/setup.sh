#!/usr/bin/env bash
# Installs whatever Patella's build and tests need that is missing, at pinned versions.
# Safe to run again: each step checks first and is skipped in a moment when already done.
# Expects Debian with rustup, cargo, node and npm; uses apt-get as root (or through sudo).
#
#   scripts/setup.sh                   everything: the release build, the tests, the browsers
#   scripts/setup.sh --release-build   only what scripts/build-release.sh needs (GitHub Pages
#                                      installs through this, so its list cannot drift)
#
# Cargo-installed tools are kept per crate and version under PATELLA_TOOL_CACHE (default
# ~/.cache/patella-tools/<crate>-<version>) and linked into PATELLA_TOOLS_BIN (default
# .tools/bin in the checkout), which scripts/env.sh puts first on PATH. So a checkout sees
# exactly the tools its setup linked: scripts/check-workflow.mjs relies on that to prove the
# Pages workflow's own steps can build, with nothing borrowed from ~/.cargo/bin.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=all
case ${1:-} in
  '') ;;
  --release-build) mode=release-build ;;
  *) echo "usage: scripts/setup.sh [--release-build]" >&2; exit 2 ;;
esac

TRUNK_VERSION=0.21.14
# wasm-split for the screens fetched on first use (scripts/tools/wasm-bindgen); its output
# must suit the wasm_split_helpers version in Cargo.lock.
WASM_SPLIT_VERSION=0.2.4
# Firefox's WebDriver, for the engine journeys and the browser tests in Firefox.
GECKODRIVER_VERSION=0.37.1
# wasm-bindgen's CLI must match the library exactly, so the version comes from Cargo.lock.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)

TOOL_CACHE=${PATELLA_TOOL_CACHE:-$HOME/.cache/patella-tools}
TOOLS_BIN=${PATELLA_TOOLS_BIN:-$PWD/.tools/bin}

step() { printf '\033[1m==> %s\033[0m\n' "$*"; }
as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

# cargo_tool CRATE VERSION "WHY" BIN... -- INSTALL-FLAGS...
# Installs CRATE at exactly VERSION into its own folder of the tool cache (once per machine),
# then links its binaries into TOOLS_BIN. A copy already installed by an earlier setup
# (cargo install into ~/.cargo) at the same version is adopted instead of built again.
cargo_tool() {
  local crate=$1 version=$2 why=$3
  shift 3
  local bins=()
  while [[ $1 != -- ]]; do bins+=("$1"); shift; done
  shift
  local root=$TOOL_CACHE/$crate-$version
  local missing=0 bin
  for bin in "${bins[@]}"; do [[ -x $root/bin/$bin ]] || missing=1; done
  if ((missing)); then
    local cargo_home=${CARGO_HOME:-$HOME/.cargo}
    local adopt=1
    cargo install --list 2>/dev/null | grep -qx "$crate v$version:" || adopt=0
    for bin in "${bins[@]}"; do [[ -x $cargo_home/bin/$bin ]] || adopt=0; done
    if ((adopt)); then
      step "Taking $crate $version from $cargo_home/bin into the tool cache"
      mkdir -p "$root/bin"
      for bin in "${bins[@]}"; do cp "$cargo_home/bin/$bin" "$root/bin/$bin"; done
    else
      step "Installing $crate $version ($why)"
      cargo install "$crate" --version "=$version" --root "$root" "$@"
    fi
  fi
  mkdir -p "$TOOLS_BIN"
  for bin in "${bins[@]}"; do ln -sfn "$root/bin/$bin" "$TOOLS_BIN/$bin"; done
}

if [[ $mode == all ]]; then
  missing_debs=()
  command -v chromium >/dev/null || missing_debs+=(chromium)
  command -v chromedriver >/dev/null || missing_debs+=(chromium-driver)
  # The other engines of a runner's phone: Firefox ESR, and WebKitGTK (Safari's engine) with its
  # WebDriver and MiniBrowser, which needs a display: xvfb (xvfb-run also needs xauth).
  command -v firefox-esr >/dev/null || missing_debs+=(firefox-esr)
  command -v WebKitWebDriver >/dev/null || missing_debs+=(webkit2gtk-driver)
  command -v xvfb-run >/dev/null || missing_debs+=(xvfb)
  command -v xauth >/dev/null || missing_debs+=(xauth)
  # WebKitGTK reports the language of the process's locale as navigator.language only when
  # that locale is installed (otherwise "en-US"): the journeys run a British and an American
  # phone, so both locales are generated.
  command -v locale-gen >/dev/null || missing_debs+=(locales)
  if ((${#missing_debs[@]})); then
    step "Installing Debian packages: ${missing_debs[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing_debs[@]}"
  fi
  phone_locales=(en_GB.UTF-8 en_US.UTF-8)
  if ! locale -a 2>/dev/null | grep -qix 'en_GB.utf8' || ! locale -a 2>/dev/null | grep -qix 'en_US.utf8'; then
    step "Generating the locales ${phone_locales[*]}"
    for name in "${phone_locales[@]}"; do
      as_root sed -i "s/^# *\($name UTF-8\)/\1/" /etc/locale.gen
      grep -q "^$name UTF-8" /etc/locale.gen || echo "$name UTF-8" | as_root tee -a /etc/locale.gen >/dev/null
    done
    as_root locale-gen >/dev/null
  fi
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "Adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
if [[ $mode == all ]]; then
  for component in rustfmt clippy; do
    if ! rustup component list --installed | grep -q "^$component"; then
      step "Adding rustup component $component"
      rustup component add "$component"
    fi
  done
fi

# The release build: trunk, wasm-bindgen (its test runner too, for the browser tests) and
# wasm-split; wasm-opt and terser come with the npm packages below.
cargo_tool trunk "$TRUNK_VERSION" "about 8 minutes on 2 cores" trunk -- --locked
# Not --locked: one of its locked dependency versions is not served by this registry.
cargo_tool wasm-bindgen-cli "$WASM_BINDGEN_VERSION" "about 3 minutes" \
  wasm-bindgen wasm-bindgen-test-runner wasm2es6js --
cargo_tool wasm_split_cli_support "$WASM_SPLIT_VERSION" "about 3 minutes on 2 cores" \
  wasm-split-cli -- --features build-binary --locked
if [[ $mode == all ]]; then
  cargo_tool geckodriver "$GECKODRIVER_VERSION" "about 5 minutes on 2 cores" geckodriver -- --locked
fi

# package.json pins exact versions, so `npm ls` passing means the pinned tools are there.
if ! npm ls --silent >/dev/null 2>&1; then
  step "Installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund
fi
