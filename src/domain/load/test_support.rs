//! What the load rules' tests share: a fixed today, runs and pain entries in a line each, and
//! "did this rule fire".

// What every rule's tests use, in one glob.
pub use super::{analyse, LoadReport, Rule, Warning};
pub use crate::domain::records::{PainEntry, PainScore, Run, RunKind, Settings};
pub use crate::domain::units::{Distance, DistanceUnit, Duration};
pub use chrono::{Days, NaiveDate, Weekday};

use crate::domain::records::RecordId;

/// Friday. Monday weeks: this 23–29 Nov, last 16–22, before 9–15, two before 2–8.
pub const TODAY: &str = "2026-11-27";

pub fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

pub fn today() -> NaiveDate {
    day(TODAY)
}

/// An easy run at 6:00 per km.
pub fn run(date: &str, km: f64) -> Run {
    Run::easy(
        RecordId::from_random_bits(1),
        day(date),
        Distance::from_metres(km * 1000.0),
        Duration::from_seconds((km * 360.0).round() as u32),
    )
}

pub fn kind(date: &str, km: f64, kind: RunKind) -> Run {
    Run {
        kind,
        ..run(date, km)
    }
}

pub fn miles(date: &str, mi: f64) -> Run {
    Run {
        distance: Distance::from_unit(mi, DistanceUnit::Mi),
        ..run(date, mi * 1.609344)
    }
}

pub fn entry(date: &str, pain: u8, stiff: bool) -> PainEntry {
    PainEntry {
        id: RecordId::from_random_bits(2),
        updated_at: "2026-01-01T00:00:00Z".parse().unwrap(),
        date: day(date),
        pain: PainScore::new(pain).unwrap(),
        areas: Vec::new(),
        morning_stiffness: stiff,
        note: String::new(),
    }
}

pub fn score(n: u8) -> Option<PainScore> {
    PainScore::new(n)
}

pub fn settings(units: DistanceUnit, week_start: Weekday) -> Settings {
    Settings {
        units,
        week_start,
        ..Settings::default()
    }
}

pub fn report(runs: &[Run]) -> LoadReport {
    analyse(runs, &[], &Settings::default(), today())
}

pub fn found(report: &LoadReport, rule: Rule) -> Vec<&Warning> {
    report.warnings.iter().filter(|w| w.rule == rule).collect()
}

pub fn fired(runs: &[Run], rule: Rule) -> bool {
    !found(&report(runs), rule).is_empty()
}
