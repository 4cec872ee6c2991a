//! What the build tells the crate, and link flags that only the page's release wasm needs.
//!
//! - What's new: the one-line summary of this version's section in CHANGELOG.md, as
//!   `PATELLA_WHATS_NEW` (shown once after an update, `components::update_banner`). A version
//!   with no section fails the build, so no version ships without a line for runners. The
//!   reading is `src/domain/changelog.rs`, included here and tested there.
//! - The build id: `PATELLA_BUILD` (scripts/build-release.sh exports it for release builds),
//!   read by the crate with `option_env!`; named here so a new id rebuilds the crate.
//! - Link flags: wasm-split (scripts/tools/wasm-bindgen) cuts the on-demand screens
//!   (src/pages/on_demand.rs) out of the page by reading the linker's relocations, so the page
//!   is linked with --emit-relocs; the import worker and the browser tests are not, since
//!   wasm-opt would carry the relocations into their files.

#[path = "src/domain/changelog.rs"]
mod changelog;

use std::process::ExitCode;

fn main() -> ExitCode {
    println!("cargo:rerun-if-changed=CHANGELOG.md");
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=PATELLA_BUILD");

    let version = std::env::var("CARGO_PKG_VERSION").unwrap_or_default();
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("CHANGELOG.md");
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("error: CHANGELOG.md could not be read ({error}); it holds the line for runners about each version.");
            return ExitCode::FAILURE;
        }
    };
    match changelog::summary(&text, &version) {
        Ok(summary) => println!("cargo:rustc-env=PATELLA_WHATS_NEW={summary}"),
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::FAILURE;
        }
    }

    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch == "wasm32");
    let release = std::env::var("PROFILE").is_ok_and(|profile| profile == "release");
    if wasm && release {
        println!("cargo:rustc-link-arg-bin=patella=--emit-relocs");
    }
    ExitCode::SUCCESS
}
