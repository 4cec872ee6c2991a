//! The import preview: what the chosen files hold, sorted into runs to add, runs already in
//! the log, activities that are not runs, and files that could not be read. Nothing is
//! saved from here; the page saves the rows the runner leaves ticked.

use crate::domain::locale::DateStyle;
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Utc};

use super::{
    find_duplicate, same_activity, ActivitySummary, FileOutcome, ImportError, LoggedRun,
    SkipReason, Sport,
};
use crate::domain::records::{RecordId, Run};

/// Why a row starts unticked, or that it is new.
#[derive(Clone, Debug, PartialEq)]
pub enum RowStatus {
    /// Not in the log yet: ticked.
    New,
    /// A run in the log has the same start (or day) and distance: unticked.
    AlreadyInLog { logged_on: NaiveDate },
    /// An earlier row of this import is the same activity (the FIT file and Strava's row
    /// for one run): unticked.
    AlsoIn { source_name: String },
    /// A walk or hike: unticked, the runner may include it.
    NotARun(Sport),
    /// Dated before 2000 or after today: a watch whose clock was wrong, most likely.
    UnlikelyDate,
    /// Under [`TINY_METRES`] or [`TINY_SECONDS`]: a test recording, most likely.
    TooShort,
}

/// Shorter than this many metres, or [`TINY_SECONDS`], an activity is offered unticked as
/// a test recording: a watch started and stopped to check it works. No session a runner
/// logs is that short (the back-to-running plan's shortest is 20 minutes of walk-run), and
/// strides or sprints come inside a longer run. Unticked, never left out: the runner decides.
pub const TINY_METRES: f64 = 200.0;
/// Moving for less than a minute: see [`TINY_METRES`].
pub const TINY_SECONDS: u32 = 60;

/// Before this year no watch the runner still has a file from recorded GPS runs (Garmin's
/// first running watch came in 2003); an earlier date is a clock that was never set.
const FIRST_LIKELY_YEAR: i32 = 2000;

impl RowStatus {
    /// Whether the row is ticked before the runner touches it.
    pub fn ticked_by_default(&self) -> bool {
        matches!(self, RowStatus::New)
    }

    /// What the preview says about the row.
    pub fn describe(&self, dates: DateStyle) -> String {
        match self {
            RowStatus::New => "New".to_string(),
            RowStatus::AlreadyInLog { logged_on } => {
                format!("Already in your log ({})", dates.day_with_year(*logged_on))
            }
            RowStatus::AlsoIn { source_name } => format!("Also in {source_name}"),
            RowStatus::NotARun(sport) => {
                format!("{}, not a run: tick to include it", sport.label())
            }
            RowStatus::UnlikelyDate => {
                "The watch's clock may have been wrong on this date: tick to add it anyway"
                    .to_string()
            }
            RowStatus::TooShort => {
                "Under 200 m or a minute, a test recording? Tick to add it anyway".to_string()
            }
        }
    }
}

/// One activity that can be added, as the run the log would store.
#[derive(Clone, Debug, PartialEq)]
pub struct PreviewRow {
    pub run: Run,
    pub sport: Sport,
    pub source_name: String,
    pub status: RowStatus,
}

/// An activity that cannot be added, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct LeftOut {
    pub source_name: String,
    /// "Ride", "Swim", or "Activity" when nothing could be read of it.
    pub what: String,
    pub reason: String,
}

/// A file that could not be used at all.
#[derive(Clone, Debug, PartialEq)]
pub struct FailedFile {
    pub source_name: String,
    pub error: ImportError,
}

/// Everything the runner sees before confirming an import.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Preview {
    /// Oldest first.
    pub rows: Vec<PreviewRow>,
    pub left_out: Vec<LeftOut>,
    pub failed: Vec<FailedFile>,
}

/// The clock and the ids a preview needs: the runner's UTC offset at an instant (daylight
/// saving moves it), so each run gets the local date it was run on; a maker of new ids; the
/// time the runs are made; and today, for the log's own checks.
pub struct Making<Offset, Ids> {
    pub offset_at: Offset,
    pub new_id: Ids,
    pub updated_at: DateTime<Utc>,
    pub today: NaiveDate,
}

/// Sorts every file's activities into the preview. Every run offered passes the log's own
/// checks ([`Validate`]): a run the log would refuse (no distance, a GPS jump of thousands
/// of kilometres, a date from a watch with a wrong clock) is left out with the reason, so
/// it can never make a later backup unrestorable.
pub fn build_preview<Offset, Ids>(
    files: Vec<(String, FileOutcome)>,
    existing: &[LoggedRun],
    making: Making<Offset, Ids>,
) -> Preview
where
    Offset: Fn(DateTime<Utc>) -> FixedOffset,
    Ids: FnMut() -> RecordId,
{
    let Making {
        offset_at,
        mut new_id,
        updated_at,
        today,
    } = making;
    let mut preview = Preview::default();
    let mut candidates: Vec<ActivitySummary> = Vec::new();
    for (source_name, outcome) in files {
        match outcome {
            Err(error) => preview.failed.push(FailedFile { source_name, error }),
            Ok(parsed) => {
                candidates.extend(parsed.activities);
                for skipped in parsed.skipped {
                    match skipped.summary {
                        Some(summary)
                            if summary.sport.is_on_foot()
                                && matches!(skipped.reason, SkipReason::NotARun(_)) =>
                        {
                            candidates.push(summary)
                        }
                        summary => preview.left_out.push(LeftOut {
                            what: summary
                                .map(|summary| summary.sport.label())
                                .unwrap_or_else(|| "Activity".to_string()),
                            source_name: source_name.clone(),
                            reason: skipped.reason.to_string(),
                        }),
                    }
                }
            }
        }
    }
    crate::domain::sort::sort_by_key(&mut candidates, |summary| summary.start);

    let mut accepted: Vec<ActivitySummary> = Vec::new();
    for summary in candidates {
        let Some(start) = summary.start else {
            preview.left_out.push(left_out(
                &summary,
                "The file doesn't say when this activity started, so it can't be dated.",
            ));
            continue;
        };
        let offset = offset_at(start);
        if let Some(missing) = missing_numbers(&summary) {
            preview.left_out.push(left_out(&summary, missing));
            continue;
        }
        let Some(mut run) = summary.to_run(new_id(), updated_at, offset) else {
            preview.left_out.push(left_out(
                &summary,
                "The file's time for this activity is over 48 hours, longer than any run \
                 the log keeps.",
            ));
            continue;
        };
        run.title = title_for(&summary);
        if let Some(problem) = run.entry_problems(today).first() {
            let reason = if problem.field == "pace" {
                format!("{}; the file's times may be wrong.", problem.message)
            } else {
                format!("It can't go in the log as it is ({problem}).")
            };
            preview.left_out.push(left_out(&summary, &reason));
            continue;
        }
        let status = if !summary.sport.is_run() {
            RowStatus::NotARun(summary.sport.clone())
        } else if let Some(logged) = find_duplicate(&summary, existing, offset) {
            RowStatus::AlreadyInLog {
                logged_on: logged.date,
            }
        } else if let Some(earlier) = accepted.iter().find(|a| same_activity(a, &summary)) {
            RowStatus::AlsoIn {
                source_name: earlier.source_name.clone(),
            }
        } else if run.date.year() < FIRST_LIKELY_YEAR || run.date > today || start > updated_at {
            RowStatus::UnlikelyDate
        } else if run.distance.metres() < TINY_METRES || run.duration.seconds() < TINY_SECONDS {
            RowStatus::TooShort
        } else {
            RowStatus::New
        };
        preview.rows.push(PreviewRow {
            run,
            sport: summary.sport.clone(),
            source_name: summary.source_name.clone(),
            status,
        });
        accepted.push(summary);
    }
    preview
}

/// What an activity lacks to be a run at all: a distance, or any time spent moving.
fn missing_numbers(summary: &ActivitySummary) -> Option<&'static str> {
    // Less than half a metre or half a second rounds to nothing in the log; NaN is nothing.
    let something = |value: f64| value >= 0.5;
    let no_distance = !something(summary.distance_m);
    let no_time = !something(summary.moving_s);
    let timed = something(summary.elapsed_s);
    match (no_distance, no_time) {
        (true, true) if !timed => Some("The file records no distance and no time for this activity."),
        (true, _) => Some("The file records no distance for this activity."),
        (false, true) if timed => {
            Some("The file shows no time spent moving in this activity: it may have been recorded standing still.")
        }
        (false, true) => Some("The file records no time for this activity."),
        (false, false) => None,
    }
}

fn left_out(summary: &ActivitySummary, reason: &str) -> LeftOut {
    LeftOut {
        source_name: summary.source_name.clone(),
        what: summary.sport.label(),
        reason: reason.to_string(),
    }
}

/// The activity's own name as the run's ("Morning Run"); a walk says it was a walk.
fn title_for(summary: &ActivitySummary) -> String {
    let title = summary.title.as_deref().unwrap_or("").trim();
    let note = match (summary.sport.is_run(), title.is_empty()) {
        (true, _) => title.to_string(),
        (false, true) => summary.sport.label(),
        (false, false) => format!("{}: {title}", summary.sport.label()),
    };
    super::truncate_chars(&note, crate::domain::records::MAX_TITLE_CHARS)
}

#[cfg(test)]
mod tests {
    use super::super::{Format, Parsed, SkipReason, Skipped};
    use super::*;

    fn utc(_: DateTime<Utc>) -> FixedOffset {
        FixedOffset::east_opt(0).unwrap()
    }

    fn ids() -> impl FnMut() -> RecordId {
        let mut next = 0u128;
        move || {
            next += 1;
            RecordId::from_random_bits(next)
        }
    }

    fn activity(sport: Sport, start: &str, metres: f64, file: &str) -> ActivitySummary {
        ActivitySummary {
            sport,
            start: start.parse().ok(),
            distance_m: metres,
            moving_s: metres * 0.3,
            elapsed_s: metres * 0.32,
            avg_cadence_spm: Some(170.0),
            avg_hr: Some(150.0),
            elevation_gain_m: Some(40.0),
            title: Some("Morning Run".to_string()),
            source_name: file.to_string(),
            format: Format::Fit,
        }
    }

    fn file(name: &str, summaries: Vec<ActivitySummary>) -> (String, FileOutcome) {
        let mut parsed = Parsed::default();
        for summary in summaries {
            parsed.push(summary);
        }
        (name.to_string(), Ok(parsed))
    }

    fn making() -> Making<fn(DateTime<Utc>) -> FixedOffset, impl FnMut() -> RecordId> {
        Making {
            offset_at: utc as fn(DateTime<Utc>) -> FixedOffset,
            new_id: ids(),
            updated_at: Utc::now(),
            today: "2026-11-27".parse().unwrap(),
        }
    }

    fn preview(files: Vec<(String, FileOutcome)>, existing: &[LoggedRun]) -> Preview {
        build_preview(files, existing, making())
    }

    #[test]
    fn new_runs_are_ticked_oldest_first_with_their_source() {
        let later = activity(Sport::Running, "2024-05-02T06:00:00Z", 8_000.0, "b.fit");
        let earlier = activity(Sport::Running, "2024-05-01T06:00:00Z", 5_000.0, "a.fit");
        let preview = preview(
            vec![file("b.fit", vec![later]), file("a.fit", vec![earlier])],
            &[],
        );
        let files: Vec<&str> = preview
            .rows
            .iter()
            .map(|r| r.source_name.as_str())
            .collect();
        assert_eq!(files, ["a.fit", "b.fit"]);
        assert!(preview.rows.iter().all(|r| r.status == RowStatus::New));
        let run = &preview.rows[0].run;
        assert_eq!(run.title, "Morning Run");
        let source = run.source.as_ref().unwrap();
        assert_eq!(source.file_name, "a.fit");
        assert_eq!(source.avg_heart_rate_bpm, Some(150));
        let expected = vec![run.clone()];
        assert_eq!(
            preview
                .shown(crate::domain::locale::DateStyle::UK)
                .runs_to_add(&[true, false]),
            expected
        );
    }

    #[test]
    fn a_second_import_of_the_same_file_is_unticked() {
        let run = activity(Sport::Running, "2024-05-01T06:00:00Z", 5_000.0, "a.fit");
        let first = preview(vec![file("a.fit", vec![run.clone()])], &[]);
        let logged: Vec<LoggedRun> = first
            .shown(crate::domain::locale::DateStyle::UK)
            .runs_to_add(&[true])
            .iter()
            .map(LoggedRun::of)
            .collect();
        let again = preview(vec![file("a.fit", vec![run])], &logged);
        assert_eq!(
            again.rows[0].status,
            RowStatus::AlreadyInLog {
                logged_on: "2024-05-01".parse().unwrap()
            }
        );
        assert!(!again.rows[0].status.ticked_by_default());
    }

    #[test]
    fn the_same_run_in_two_files_of_one_import_is_offered_once() {
        let from_watch = activity(Sport::Running, "2024-05-01T06:00:00Z", 5_000.0, "a.fit");
        let mut from_strava = activity(Sport::Running, "2024-05-01T06:01:00Z", 4_980.0, "x");
        from_strava.source_name = "activities.csv".to_string();
        let preview = preview(
            vec![
                file("a.fit", vec![from_watch]),
                file("activities.csv", vec![from_strava]),
            ],
            &[],
        );
        assert_eq!(preview.rows[0].status, RowStatus::New);
        assert_eq!(
            preview.rows[1].status,
            RowStatus::AlsoIn {
                source_name: "a.fit".to_string()
            }
        );
    }

    #[test]
    fn walks_are_offered_unticked_and_rides_are_left_out_with_the_reason() {
        let walk = activity(Sport::Walking, "2024-05-01T06:00:00Z", 3_000.0, "walk.fit");
        let ride = activity(Sport::Cycling, "2024-05-01T07:00:00Z", 30_000.0, "ride.fit");
        let preview = preview(
            vec![file("walk.fit", vec![walk]), file("ride.fit", vec![ride])],
            &[],
        );
        assert_eq!(preview.rows.len(), 1);
        assert_eq!(preview.rows[0].status, RowStatus::NotARun(Sport::Walking));
        assert!(!preview.rows[0].status.ticked_by_default());
        assert_eq!(preview.rows[0].run.title, "Walk: Morning Run");
        assert_eq!(
            preview.left_out,
            [LeftOut {
                source_name: "ride.fit".to_string(),
                what: "Ride".to_string(),
                reason: "This is a ride, not a run.".to_string(),
            }]
        );
    }

    #[test]
    fn unreadable_files_rows_and_undated_activities_are_reported() {
        let undated = activity(Sport::Running, "", 5_000.0, "a.gpx");
        let mut garbled = Parsed::default();
        garbled.skipped.push(Skipped {
            summary: None,
            reason: SkipReason::Unreadable("Row 3 has no distance.".to_string()),
        });
        let preview = preview(
            vec![
                ("broken.fit".to_string(), Err(ImportError::EndsEarly)),
                ("activities.csv".to_string(), Ok(garbled)),
                file("a.gpx", vec![undated]),
            ],
            &[],
        );
        assert!(preview.rows.is_empty());
        assert_eq!(
            preview.failed,
            [FailedFile {
                source_name: "broken.fit".to_string(),
                error: ImportError::EndsEarly
            }]
        );
        let reasons: Vec<&str> = preview.left_out.iter().map(|l| l.reason.as_str()).collect();
        assert_eq!(
            reasons,
            [
                "Row 3 has no distance.",
                "The file doesn't say when this activity started, so it can't be dated."
            ]
        );
    }

    #[test]
    fn the_local_date_follows_the_offset_at_the_start() {
        let late = activity(Sport::Running, "2024-07-01T22:30:00Z", 5_000.0, "a.fit");
        let berlin_summer = |_: DateTime<Utc>| FixedOffset::east_opt(2 * 3600).unwrap();
        let preview = build_preview(
            vec![file("a.fit", vec![late])],
            &[],
            Making {
                offset_at: berlin_summer,
                new_id: ids(),
                updated_at: Utc::now(),
                today: "2026-11-27".parse().unwrap(),
            },
        );
        assert_eq!(preview.rows[0].run.date.to_string(), "2024-07-02");
    }

    #[test]
    fn runs_the_log_would_refuse_are_left_out_with_the_reason() {
        let mut gps_jump = activity(
            Sport::Running,
            "2024-05-01T06:00:00Z",
            11_000_000.0,
            "a.gpx",
        );
        gps_jump.moving_s = 3_600.0;
        let mut no_distance = activity(Sport::Running, "2024-05-02T06:00:00Z", 0.0, "b.csv");
        no_distance.moving_s = 1_800.0;
        let mut wrong_clock = activity(Sport::Running, "2031-01-01T06:00:00Z", 5_000.0, "c.fit");
        wrong_clock.moving_s = 1_500.0;
        let preview = preview(
            vec![file("all", vec![gps_jump, no_distance, wrong_clock])],
            &[],
        );
        assert!(preview.rows.is_empty(), "{:?}", preview.rows);
        let reasons: Vec<&str> = preview.left_out.iter().map(|l| l.reason.as_str()).collect();
        assert_eq!(reasons.len(), 3);
        assert!(
            reasons[0].starts_with("It can't go in the log as it is (distance: 11000"),
            "{}",
            reasons[0]
        );
        assert_eq!(
            reasons[1],
            "The file records no distance for this activity."
        );
        assert!(
            reasons[2]
                == "It can't go in the log as it is (date is after tomorrow, which no record can be).",
            "{}",
            reasons[2]
        );
    }
}
