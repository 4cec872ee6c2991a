//! Whether an imported activity is already in the log.
//!
//! Two activities are the same when they started within two minutes of each other and
//! their distances differ by at most 2% (of the longer). An imported run keeps its start
//! instant, so the rule applies to it as it is. A run typed in by hand keeps only its local
//! date and a rounded distance: against it the activity's local date (at the runner's UTC
//! offset) stands in for the start, and distances within 5% match. Two runs of the same length on one day (a double day of equal loops) are then
//! marked as duplicates; the preview leaves them unticked, and the runner can tick them back.
//!
//! The check runs in the import worker, so the page sends only what it needs of each run in
//! the log: a [`LoggedRun`].

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::ActivitySummary;
use crate::domain::records::Run;

/// What the duplicate check reads of a run in the log: its day, its distance and, for an
/// imported run, the instant it started. The page sends these to the import worker rather
/// than whole runs, so the message stays small and the runs' notes stay on the page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LoggedRun {
    #[serde(with = "crate::domain::iso::day")]
    pub date: NaiveDate,
    pub metres: f64,
    /// Only imported runs know it; a run typed in keeps its day alone.
    #[serde(default, with = "crate::domain::iso::optional_instant")]
    pub started_at: Option<DateTime<Utc>>,
}

impl LoggedRun {
    pub fn of(run: &Run) -> LoggedRun {
        LoggedRun {
            date: run.date,
            metres: run.distance.metres(),
            started_at: run.source.as_ref().map(|source| source.started_at),
        }
    }
}

/// Starts this close are the same activity.
pub const SAME_START_WITHIN_S: i64 = 120;
/// Distances this close (a fraction of the longer) are the same activity.
pub const SAME_DISTANCE_WITHIN: f64 = 0.02;
/// Against a run typed in by hand: people round ("5 km" for the watch's 5.14), so 5%.
pub const TYPED_DISTANCE_WITHIN: f64 = 0.05;

fn distances_match(a: f64, b: f64, within: f64) -> bool {
    (a - b).abs() <= within * a.max(b)
}

/// Two imported activities (say the FIT file and Strava's row for the same run).
pub fn same_activity(a: &ActivitySummary, b: &ActivitySummary) -> bool {
    let starts_match = match (a.start, b.start) {
        (Some(x), Some(y)) => (x - y).num_seconds().abs() <= SAME_START_WITHIN_S,
        _ => false,
    };
    starts_match && distances_match(a.distance_m, b.distance_m, SAME_DISTANCE_WITHIN)
}

/// An imported activity against a run already in the log: the same start and distance
/// within 2%, or, for a run typed in, the same local date and distance within 5%. An
/// activity without a start matches nothing.
pub fn is_duplicate_of_run(
    activity: &ActivitySummary,
    run: &LoggedRun,
    offset: FixedOffset,
) -> bool {
    let (same_start, within) = match (run.started_at, activity.start) {
        (Some(started_at), Some(start)) => (
            (started_at - start).num_seconds().abs() <= SAME_START_WITHIN_S,
            SAME_DISTANCE_WITHIN,
        ),
        (None, _) => (
            activity.local_date(offset) == Some(run.date),
            TYPED_DISTANCE_WITHIN,
        ),
        (Some(_), None) => (false, SAME_DISTANCE_WITHIN),
    };
    same_start && distances_match(activity.distance_m, run.metres, within)
}

/// The first run in the log this activity duplicates, if any.
pub fn find_duplicate<'a>(
    activity: &ActivitySummary,
    runs: &'a [LoggedRun],
    offset: FixedOffset,
) -> Option<&'a LoggedRun> {
    runs.iter()
        .find(|run| is_duplicate_of_run(activity, run, offset))
}

#[cfg(test)]
mod tests {
    use super::super::{Format, Sport};
    use super::*;
    use crate::domain::records::RecordId;

    fn activity(start: &str, metres: f64) -> ActivitySummary {
        ActivitySummary {
            sport: Sport::Running,
            start: start.parse().ok(),
            distance_m: metres,
            moving_s: 1800.0,
            elapsed_s: 1900.0,
            avg_cadence_spm: None,
            avg_hr: None,
            elevation_gain_m: None,
            title: None,
            source_name: "a.fit".to_string(),
            format: Format::Fit,
        }
    }

    fn run_on(date: &str, metres: f64) -> LoggedRun {
        let mut run = activity("2024-01-01T00:00:00Z", metres)
            .to_run(
                RecordId::from_random_bits(7),
                Utc::now(),
                FixedOffset::east_opt(0).unwrap(),
            )
            .unwrap();
        run.date = date.parse::<NaiveDate>().unwrap();
        run.source = None;
        LoggedRun::of(&run)
    }

    #[test]
    fn same_start_within_two_minutes_and_distance_within_two_percent() {
        let a = activity("2024-05-01T06:00:00Z", 10_000.0);
        assert!(same_activity(
            &a,
            &activity("2024-05-01T06:02:00Z", 9_801.0)
        ));
        assert!(!same_activity(
            &a,
            &activity("2024-05-01T06:02:01Z", 10_000.0)
        ));
        assert!(!same_activity(
            &a,
            &activity("2024-05-01T06:00:00Z", 9_790.0)
        ));
        assert!(!same_activity(&a, &activity("", 10_000.0)));
    }

    #[test]
    fn against_a_run_the_local_date_stands_in_for_the_start() {
        let late = activity("2024-05-01T23:30:00Z", 5_000.0);
        let utc = FixedOffset::east_opt(0).unwrap();
        let berlin = FixedOffset::east_opt(2 * 3600).unwrap();
        let runs = [run_on("2024-05-01", 4_950.0), run_on("2024-05-02", 5_000.0)];
        assert_eq!(
            find_duplicate(&late, &runs, utc).map(|r| r.date),
            Some(runs[0].date)
        );
        assert_eq!(
            find_duplicate(&late, &runs, berlin).map(|r| r.date),
            Some(runs[1].date)
        );
        // Typed in as "5 km" against the watch's 5.14: the same run; 5.3 km is another.
        let watch = activity("2024-05-01T07:00:00Z", 5_140.0);
        assert!(is_duplicate_of_run(
            &watch,
            &run_on("2024-05-01", 5_000.0),
            utc
        ));
        assert!(!is_duplicate_of_run(
            &watch,
            &run_on("2024-05-01", 5_450.0),
            utc
        ));
    }

    #[test]
    fn an_imported_run_is_matched_by_its_start_not_its_day() {
        let utc = FixedOffset::east_opt(0).unwrap();
        let morning = activity("2024-05-01T06:00:00Z", 8_000.0);
        let imported = LoggedRun::of(
            &morning
                .to_run(RecordId::from_random_bits(3), Utc::now(), utc)
                .unwrap(),
        );
        // The same file again, or Strava's row for it a minute off: the same run.
        assert!(is_duplicate_of_run(&morning, &imported, utc));
        assert!(is_duplicate_of_run(
            &activity("2024-05-01T06:01:30Z", 8_100.0),
            &imported,
            utc
        ));
        // An evening loop of the same length that day is a second run.
        assert!(!is_duplicate_of_run(
            &activity("2024-05-01T18:00:00Z", 8_000.0),
            &imported,
            utc
        ));
    }
}
