//! Which Patella this is, in words, and what the app says about versions when it starts:
//! "Patella 0.3.0 · build 1a2b3c4d5e" for Settings, backups and the printed knee check, and
//! whether to say "Updated to Patella 0.3.0: …" once after an update.
//!
//! Pure rules over plain text. The facts themselves (Cargo's version, the build id, the
//! changelog's line) are read where the build sets them, in `platform::release`.

use std::cmp::Ordering;

/// "Patella 0.3.0 · build 1a2b3c4d5e", or "Patella 0.3.0 · development build" for a build
/// that was given no id (tests, `trunk serve`).
pub fn describe(version: &str, build: Option<&str>) -> String {
    match build {
        Some(build) => format!("Patella {version} · build {build}"),
        None => format!("Patella {version} · development build"),
    }
}

/// The build id as given at compile time, or `None` when there is none worth showing: unset,
/// or only spaces (an empty export reads as unset, not as "build ").
pub fn build_id(given: Option<&str>) -> Option<&str> {
    given.map(str::trim).filter(|id| !id.is_empty())
}

/// The one line shown after an update.
pub fn updated_line(version: &str, summary: &str) -> String {
    format!("Updated to Patella {version}: {summary}")
}

/// What to do about versions when the app starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OnStart {
    /// Say once which version this is now and what changed.
    pub announce: bool,
    /// Keep this version as the one that last ran here.
    pub remember: bool,
}

/// Decides [`OnStart`] from the version that last ran on this device (`remembered`), whether
/// the device holds any of the runner's data, and this build's version.
///
/// - The same version as last time: nothing to say or write.
/// - An earlier version: announce it, and remember this one so it is said once.
/// - A later version (a deploy rolled back) or a remembered value that is not a version at
///   all: say nothing, since "Updated to" could be untrue, and remember this one.
/// - Nothing remembered but data stored: a Patella from before the version was remembered
///   (0.2.0 and earlier) ran here, so this is an update too. Nothing remembered and nothing
///   stored is a first visit: nothing to say, and nothing written, so a browser where the
///   runner has stored nothing holds nothing of Patella's. (The version is remembered once
///   the runner stores something: `AppStore::apply`.)
pub fn on_start(remembered: Option<&str>, holds_data: bool, current: &str) -> OnStart {
    match remembered {
        None => OnStart {
            announce: holds_data,
            remember: holds_data,
        },
        Some(seen) if seen == current => OnStart {
            announce: false,
            remember: false,
        },
        Some(seen) => OnStart {
            announce: is_earlier(seen, current),
            remember: true,
        },
    }
}

/// True when `seen` is a version before `current`. Either one not being a version is false.
fn is_earlier(seen: &str, current: &str) -> bool {
    match (Version::read(seen), Version::read(current)) {
        (Some(seen), Some(current)) => seen.cmp(&current) == Ordering::Less,
        _ => false,
    }
}

/// What of a version ("0.3.0", "1.2.10-rc.1", "0.3.0+abc") orders it: the three numbers,
/// then a release after its own pre-releases. Two pre-releases of the same numbers compare
/// equal, which is enough to say nothing rather than something wrong.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Version {
    numbers: [u64; 3],
    release: bool,
}

impl Version {
    fn read(text: &str) -> Option<Version> {
        // Build metadata ("+…") never orders; a pre-release ("-…") comes before its release.
        let text = text
            .split_once('+')
            .map_or(text, |(version, _build)| version);
        let (core, release) = match text.split_once('-') {
            Some((core, _pre)) => (core, false),
            None => (text, true),
        };
        let mut parts = core.split('.');
        let mut numbers = [0; 3];
        for slot in &mut numbers {
            let part = parts.next()?;
            // u64's parser takes a leading '+', which a version never has.
            if part.is_empty() || !part.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            *slot = part.parse().ok()?;
        }
        parts
            .next()
            .is_none()
            .then_some(Version { numbers, release })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOTHING: OnStart = OnStart {
        announce: false,
        remember: false,
    };

    #[test]
    fn the_build_is_named_or_called_a_development_build() {
        assert_eq!(
            describe("0.3.0", Some("1a2b3c4d5e")),
            "Patella 0.3.0 · build 1a2b3c4d5e"
        );
        assert_eq!(
            describe("0.3.0", Some("1a2b3c4d5e+changes")),
            "Patella 0.3.0 · build 1a2b3c4d5e+changes"
        );
        assert_eq!(describe("0.3.0", None), "Patella 0.3.0 · development build");
        assert_eq!(build_id(Some(" 1a2b3c4 ")), Some("1a2b3c4"));
        assert_eq!(build_id(Some("")), None);
        assert_eq!(build_id(Some("  ")), None);
        assert_eq!(build_id(None), None);
    }

    #[test]
    fn the_updated_line_names_the_version_and_what_changed() {
        assert_eq!(
            updated_line("0.3.0", "Settings shows which version you have."),
            "Updated to Patella 0.3.0: Settings shows which version you have."
        );
    }

    #[test]
    fn a_first_visit_says_nothing_and_writes_nothing() {
        assert_eq!(on_start(None, false, "0.3.0"), NOTHING);
    }

    #[test]
    fn data_with_no_remembered_version_is_from_an_earlier_patella() {
        assert_eq!(
            on_start(None, true, "0.3.0"),
            OnStart {
                announce: true,
                remember: true
            }
        );
    }

    #[test]
    fn the_same_version_says_nothing_and_writes_nothing() {
        for holds_data in [false, true] {
            assert_eq!(on_start(Some("0.3.0"), holds_data, "0.3.0"), NOTHING);
        }
    }

    #[test]
    fn an_earlier_version_is_announced_once() {
        for earlier in [
            "0.2.0",
            "0.2.9",
            "0.1.0",
            "0.2.10",
            "0.3.0-rc.1",
            "0.3.0-next",
        ] {
            assert_eq!(
                on_start(Some(earlier), true, "0.3.0"),
                OnStart {
                    announce: true,
                    remember: true
                },
                "{earlier}"
            );
        }
        // Numbers, not text: 0.10.0 comes after 0.9.0.
        assert!(on_start(Some("0.9.0"), false, "0.10.0").announce);
    }

    #[test]
    fn a_later_version_or_a_value_that_is_no_version_is_not_called_an_update() {
        let quiet = OnStart {
            announce: false,
            remember: true,
        };
        for remembered in [
            "0.4.0",
            "1.0.0",
            "0.3.0+other",
            "",
            "banana",
            "0.3",
            "0.3.0.1",
            "v0.2.0",
            "+0.2.0",
            "0.+2.0",
            "99999999999999999999.0.0",
            "٠.٢.٠",
        ] {
            assert_eq!(
                on_start(Some(remembered), true, "0.3.0"),
                quiet,
                "{remembered:?}"
            );
        }
        // And a current version that cannot be read never claims an update.
        assert_eq!(on_start(Some("0.2.0"), true, "dev"), quiet);
    }

    #[test]
    fn a_pre_release_comes_before_its_release_and_build_metadata_is_ignored() {
        assert!(is_earlier("1.0.0-beta", "1.0.0"));
        assert!(!is_earlier("1.0.0", "1.0.0-beta"));
        assert!(!is_earlier("1.0.0-alpha", "1.0.0-beta"));
        assert!(!is_earlier("1.0.0+a", "1.0.0+b"));
        assert!(is_earlier("0.2.0+a", "0.3.0"));
    }
}
