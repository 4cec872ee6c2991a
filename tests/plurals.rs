//! Counts read right: every string in src/ that puts a number placeholder straight before a
//! plural noun ("{count} records") would say "1 records" when the count is one. Each such
//! string must either pick its noun by the count or be listed below with why it is never one.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;

/// Nouns the app counts, in the plural.
const PLURALS: &[&str] = &[
    "records",
    "runs",
    "entries",
    "weeks",
    "days",
    "questions",
    "files",
    "pairs",
    "shoes",
    "sessions",
    "minutes",
    "seconds",
    "hours",
    "times",
    "sets",
    "reps",
    "steps",
    "rows",
    "activities",
    "checks",
    "warnings",
    "intervals",
    "items",
    "months",
    "years",
    "tabs",
];

/// Strings allowed to keep a bare plural, each with the reason its count is never one.
const NEVER_ONE: &[(&str, &str)] = &[
    // Constants and floors: a metronome's top speed, cadence (over 100 steps a minute).
    ("domain/cadence.rs", "{METRONOME_MAX} steps"),
    ("pages/recovery/cadence_card.rs", "{spm} steps"),
    // The pain trend compares a week with the week before (Home asks for 7 days); one day
    // reads "today" in `period_words`.
    ("domain/pain.rs", "{days} days"),
    // Every step of the back-to-running plan needs 3 sessions.
    ("domain/protocol.rs", "{} sessions"),
    ("domain/protocol.rs", "{needed} sessions"),
    // Three to four weeks (WEEKS_TO_IMPROVE), in arms for counts at or above three.
    ("domain/strength_plan.rs", "{high} weeks"),
    ("domain/strength_plan.rs", "{weeks} weeks"),
    // Hard days in a row: only said for two or more.
    ("domain/load/hard_days.rs", "{} days"),
    // Monotony needs six alike runs before it speaks.
    ("domain/load/monotony.rs", "{count} runs"),
    // The chart names its span only when it has more than one week.
    ("domain/chart.rs", "{count} weeks"),
    // Every step of the back-to-running plan needs three sessions.
    ("domain/situation.rs", "{needed} sessions"),
    // "Show all" appears only past the first few entries.
    ("pages/log/pain_list.rs", "{} entries"),
    // Several runs deleted at once: one has its own arm ("the run of …").
    ("pages/log/run_list.rs", "{} runs"),
];

/// Every "{…} noun" in a string literal of one line of source, as "{…} noun".
fn bare_plurals(line: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = line;
    while let Some(close) = rest.find("} ") {
        let before = &rest[..close];
        let after = &rest[close + 2..];
        let word: String = after
            .chars()
            .take_while(|c| c.is_ascii_alphabetic())
            .collect();
        if let Some(open) = before.rfind('{') {
            let placeholder = &before[open + 1..];
            // A format placeholder: a name or a position, maybe with a format spec; not code.
            let is_placeholder = placeholder
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "_.:".contains(c));
            if is_placeholder && PLURALS.contains(&word.as_str()) {
                found.push(format!("{{{placeholder}}} {word}"));
            }
        }
        rest = after;
    }
    found
}

fn scan(dir: &Path, hits: &mut Vec<(String, usize, String)>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            scan(&path, hits);
            continue;
        }
        if path.extension().is_none_or(|ext| ext != "rs") {
            continue;
        }
        let text = fs::read_to_string(&path).unwrap();
        // Test modules sit at the end of a file; what they format is never shown.
        let shown = text.split("#[cfg(test)]").next().unwrap_or_default();
        for (number, line) in shown.lines().enumerate() {
            let code = line.trim_start();
            if code.starts_with("//") || !line.contains('"') {
                continue;
            }
            // A catch-all match arm (`n => format!("{n} runs")`) follows an arm for one.
            let catch_all = code
                .split_once(" => ")
                .is_some_and(|(arm, _)| arm.chars().all(|c| c.is_ascii_lowercase() || c == '_'));
            if catch_all {
                continue;
            }
            for hit in bare_plurals(line) {
                hits.push((path.display().to_string(), number + 1, hit));
            }
        }
    }
}

#[test]
fn the_scanner_finds_a_count_before_a_plural() {
    assert_eq!(
        bare_plurals(r#"format!("Deleted {count} records.")"#),
        ["{count} records"]
    );
    assert_eq!(
        bare_plurals(r#"format!("{} runs ({})", n, d)"#),
        ["{} runs"]
    );
    assert!(bare_plurals(r#"format!("{n} {noun}")"#).is_empty());
    assert!(bare_plurals(r#"if x { runs } else { 0 }"#).is_empty());
}

#[test]
fn no_count_says_1_records() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut hits = Vec::new();
    scan(&src, &mut hits);
    let unexplained: Vec<String> = hits
        .into_iter()
        .filter(|(file, _, hit)| {
            !NEVER_ONE
                .iter()
                .any(|(allowed_file, text)| file.ends_with(allowed_file) && hit == text)
        })
        .map(|(file, line, hit)| format!("{file}:{line}: {hit}"))
        .collect();
    assert!(
        unexplained.is_empty(),
        "a count straight before a plural noun reads \"1 …s\" when it is one; pick the noun by \
         the count (domain::words::count) or list it in NEVER_ONE with why:\n{}",
        unexplained.join("\n")
    );
}
