//! CHANGELOG.md as the build reads it: the section for one version and its one-line summary,
//! the line the app shows after an update ("Updated to Patella 0.3.0: …").
//!
//! build.rs includes this file by path (`#[path = "src/domain/changelog.rs"]`), finds the
//! section for the version being built and hands its summary to the crate; a version with no
//! section, or a section with no one-line summary, fails the build. So this file stands alone:
//! plain `std`, no `crate::` paths. The crate compiles it only for its tests (domain/mod.rs).
//!
//! The shape it reads, which CHANGELOG.md states at its top:
//! ```text
//! ## 0.3.0
//!
//! One line a runner understands.
//!
//! - optional bullets
//! ```
//! A heading's first word is the version (anything after it, such as a date, is let be).

use std::fmt;

/// The longest summary accepted: it is one line in a banner on a 360 px phone.
pub const LONGEST_SUMMARY: usize = 160;

/// Why CHANGELOG.md gives no summary for a version, in words for whoever runs the build.
#[derive(Debug, PartialEq, Eq)]
pub enum ChangelogError {
    NoSection { version: String },
    NoSummary { version: String },
    SummaryNotOneLine { version: String },
    SummaryTooLong { version: String, chars: usize },
}

impl fmt::Display for ChangelogError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ChangelogError::NoSection { version } => write!(
                f,
                "CHANGELOG.md has no section for version {version}. Add one at the top: a \
                 `## {version}` heading, then one line a runner understands saying what changed."
            ),
            ChangelogError::NoSummary { version } => write!(
                f,
                "CHANGELOG.md's section `## {version}` must start with a one-line summary for \
                 runners (a plain line, before any bullet or heading)."
            ),
            ChangelogError::SummaryNotOneLine { version } => write!(
                f,
                "CHANGELOG.md's summary for {version} takes more than one line. Keep it to \
                 one line and put the details in bullets below it."
            ),
            ChangelogError::SummaryTooLong { version, chars } => write!(
                f,
                "CHANGELOG.md's summary for {version} is {chars} characters; keep it to \
                 {LONGEST_SUMMARY} or fewer (it is one line on a phone) and put the rest in bullets."
            ),
        }
    }
}

/// The one-line summary of `version`'s section in `changelog` (the text of CHANGELOG.md).
pub fn summary<'a>(changelog: &'a str, version: &str) -> Result<&'a str, ChangelogError> {
    let owned = || version.to_string();
    let mut lines = changelog.lines().map(str::trim);
    // Find the section's heading; the lines after it, up to the next heading, are its body.
    lines
        .by_ref()
        .find(|line| heading_version(line) == Some(version))
        .ok_or_else(|| ChangelogError::NoSection { version: owned() })?;
    let mut body = lines
        .take_while(|line| !line.starts_with('#'))
        .skip_while(|line| line.is_empty());
    let first = body
        .next()
        .filter(|line| !is_bullet(line))
        .ok_or_else(|| ChangelogError::NoSummary { version: owned() })?;
    // A plain line straight after it continues the paragraph, so the summary would be cut.
    if body
        .next()
        .is_some_and(|line| !line.is_empty() && !is_bullet(line))
    {
        return Err(ChangelogError::SummaryNotOneLine { version: owned() });
    }
    let chars = first.chars().count();
    if chars > LONGEST_SUMMARY {
        return Err(ChangelogError::SummaryTooLong {
            version: owned(),
            chars,
        });
    }
    Ok(first)
}

/// The version a `## ` heading names: its first word.
fn heading_version(line: &str) -> Option<&str> {
    line.strip_prefix("## ")?.split_whitespace().next()
}

fn is_bullet(line: &str) -> bool {
    line.starts_with("- ") || line.starts_with("* ") || line.starts_with("+ ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOG: &str = "# Changelog\n\
        \n\
        Newest first.\n\
        \n\
        ## 0.3.0 (December 2026)\n\
        \n\
        Settings shows which version you have.\n\
        \n\
        - A bullet.\n\
        \n\
        ## 0.2.0\n\
        Runs come in from watch files.\n\
        - A bullet straight after it.\n\
        ## 0.1.0\n\
        \n\
        - Only a bullet.\n";

    #[test]
    fn the_summary_is_the_first_line_of_the_version_section() {
        assert_eq!(
            summary(LOG, "0.3.0"),
            Ok("Settings shows which version you have.")
        );
        assert_eq!(summary(LOG, "0.2.0"), Ok("Runs come in from watch files."));
    }

    #[test]
    fn a_version_with_no_section_says_to_add_one() {
        let missing = summary(LOG, "0.4.0");
        assert_eq!(
            missing,
            Err(ChangelogError::NoSection {
                version: "0.4.0".into()
            })
        );
        let words = missing.err().map(|error| error.to_string());
        assert!(words.is_some_and(|words| words.contains("Add one") && words.contains("## 0.4.0")));
        // A version is matched whole: 0.3 is not 0.3.0, and text mentioning it is no heading.
        assert!(summary(LOG, "0.3").is_err());
        assert!(summary("Settings shows 0.3.0\n", "0.3.0").is_err());
        assert!(summary("", "0.3.0").is_err());
    }

    #[test]
    fn a_section_must_open_with_one_plain_line() {
        assert_eq!(
            summary(LOG, "0.1.0"),
            Err(ChangelogError::NoSummary {
                version: "0.1.0".into()
            })
        );
        assert_eq!(
            summary("## 0.1.0\n\n## 0.0.9\nOlder.\n", "0.1.0"),
            Err(ChangelogError::NoSummary {
                version: "0.1.0".into()
            })
        );
        assert_eq!(
            summary("## 0.1.0\nFirst half\nsecond half.\n", "0.1.0"),
            Err(ChangelogError::SummaryNotOneLine {
                version: "0.1.0".into()
            })
        );
        let long = format!("## 1.0.0\n{}\n", "a".repeat(LONGEST_SUMMARY + 1));
        assert!(matches!(
            summary(&long, "1.0.0"),
            Err(ChangelogError::SummaryTooLong { .. })
        ));
        let just_fits = format!("## 1.0.0\n{}\n", "é".repeat(LONGEST_SUMMARY));
        assert!(summary(&just_fits, "1.0.0").is_ok());
    }

    #[test]
    fn windows_line_ends_and_indents_read_the_same() {
        let crlf = LOG.replace('\n', "\r\n");
        assert_eq!(
            summary(&crlf, "0.3.0"),
            Ok("Settings shows which version you have.")
        );
    }
}
