//! This build's facts, as the build set them: Cargo's version, the build id that
//! scripts/build-release.sh exports as `PATELLA_BUILD`, and the changelog's line for this
//! version that build.rs passes as `PATELLA_WHATS_NEW`. The one place the app reads them;
//! what they mean in words is `domain::release`.

use crate::domain::release;

/// This version, as in Cargo.toml: shown in Settings, carried by backups, checked against
/// the import worker's.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// CHANGELOG.md's one-line summary for [`VERSION`], for runners.
pub const WHATS_NEW: &str = env!("PATELLA_WHATS_NEW");

/// "Patella 0.3.0 · build 1a2b3c4d5e", or "… · development build" when the build was given
/// no id (tests, `trunk serve`).
pub fn describe() -> String {
    release::describe(VERSION, release::build_id(option_env!("PATELLA_BUILD")))
}
