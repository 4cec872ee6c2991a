//! Small measures the rules share: what counts as running, a run's usable distance and
//! pace, "more than N percent", and day arithmetic that cannot overflow.

use chrono::{Days, NaiveDate};

use crate::domain::records::{Run, RunKind};
use crate::domain::units::Pace;

/// Cross-training is not knee load from running.
pub fn is_running(run: &Run) -> bool {
    run.kind != RunKind::CrossTraining
}

/// A run's distance in metres; anything unusable counts as nothing.
pub fn metres(run: &Run) -> f64 {
    let metres = run.distance.metres();
    if metres.is_finite() && metres > 0.0 {
        metres
    } else {
        0.0
    }
}

/// A run's pace in seconds per kilometre, when it has one.
pub fn pace_seconds(run: &Run) -> Option<f64> {
    Pace::of(run.distance, run.duration).map(|pace| pace.seconds_per_km())
}

/// Whether `new` is more than `percent`% above `old`. Exactly `percent`% is not more; `old`
/// of zero never is (no percentage of nothing). Multiplying rather than dividing keeps whole
/// numbers exact, and a tiny relative slack absorbs the rounding of mile conversions.
pub fn more_than_percent(new: f64, old: f64, percent: f64) -> bool {
    old > 0.0
        && new.is_finite()
        && old.is_finite()
        && new * 100.0 - old * (100.0 + percent) > old * 1e-9
}

pub fn days_before(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_sub_days(Days::new(days))
        .unwrap_or(NaiveDate::MIN)
}

pub fn days_after(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_add_days(Days::new(days))
        .unwrap_or(NaiveDate::MAX)
}
