//! The import preview as it travels between the page and the import worker. The worker
//! builds the preview ([`super::preview::build_preview`]), so the page's wasm carries none
//! of its rules, sport names or words: the page sends a [`PreviewRequest`] (what each file
//! gave, what the duplicate check needs of the runs in the log, and today's date) and gets
//! back a [`Shown`] preview, every line already in words, with the run each row would add.

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::preview::{build_preview, Making, Preview};
use super::{outcome_from_message, read_in_worker, FileOutcome, ImportError, LoggedRun};
use crate::domain::json;
use crate::domain::locale::DateStyle;
use crate::domain::records::{RecordId, Run};

/// What the page has of one file: the worker's answer as it came (the page never reads it),
/// or why there is none (too big to send, the browser could not read it, the worker stopped).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum FileRead {
    Answered(String),
    Failed(ImportError),
}

impl FileRead {
    fn into_outcome(self) -> FileOutcome {
        match self {
            FileRead::Answered(text) => outcome_from_message(&text),
            FileRead::Failed(error) => Err(error),
        }
    }
}

/// Everything the preview is built from, in the order the runner chose the files.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PreviewRequest {
    /// Each file's name and what reading it gave.
    pub files: Vec<(String, FileRead)>,
    /// The runs already in the log, for the duplicate check.
    pub logged: Vec<LoggedRun>,
    /// The runner's today: later dates are unlikely, and the log's own checks use it.
    #[serde(with = "crate::domain::iso::day")]
    pub today: NaiveDate,
    /// The page's clock: the time the runs are made, and the latest a run can have started.
    /// The worker's own clock is not asked, so the app has one clock.
    #[serde(with = "crate::domain::iso::instant")]
    pub now: DateTime<Utc>,
    /// How the preview's dates read ("Already in your log (Nov 22, 2026)").
    pub dates: DateStyle,
}

/// One row of the preview as the page shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ShownRow {
    /// What the log would store if the row stays ticked.
    pub run: Run,
    /// The sport's short name: "Run", "Walk".
    pub what: String,
    pub source_name: String,
    /// Why the row is ticked or not ([`super::preview::RowStatus::describe`]).
    pub note: String,
    /// Ticked before the runner touches it; a row that starts unticked is marked for
    /// attention.
    pub ticked: bool,
}

/// A file, and something said about it: why it could not be read, or what was left out.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FileNote {
    pub source_name: String,
    pub text: String,
}

/// Everything the runner sees before confirming an import, in words.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Shown {
    /// Oldest first.
    pub rows: Vec<ShownRow>,
    pub failed: Vec<FileNote>,
    pub left_out: Vec<FileNote>,
}

impl Shown {
    /// The runs of the ticked rows (`ticked[i]` for `rows[i]`), ready to save.
    pub fn runs_to_add(&self, ticked: &[bool]) -> Vec<Run> {
        self.rows
            .iter()
            .zip(ticked)
            .filter(|(_, ticked)| **ticked)
            .map(|(row, _)| row.run.clone())
            .collect()
    }
}

impl Preview {
    /// The preview in the words the page shows.
    pub fn shown(self, dates: DateStyle) -> Shown {
        Shown {
            rows: self
                .rows
                .into_iter()
                .map(|row| ShownRow {
                    what: row.sport.label(),
                    note: row.status.describe(dates),
                    ticked: row.status.ticked_by_default(),
                    source_name: row.source_name,
                    run: row.run,
                })
                .collect(),
            failed: self
                .failed
                .into_iter()
                .map(|failed| FileNote {
                    text: failed.error.to_string(),
                    source_name: failed.source_name,
                })
                .collect(),
            left_out: self
                .left_out
                .into_iter()
                .map(|left| FileNote {
                    text: format!("{}. {}", left.what, left.reason),
                    source_name: left.source_name,
                })
                .collect(),
        }
    }
}

/// The page's request, as text for the worker.
pub fn request_to_message(request: &PreviewRequest) -> String {
    // Plain data with string keys: writing it cannot fail, and if it ever did the worker
    // reads the empty request as one it could not read, which the page says in words.
    json::to_string(request).unwrap_or_default()
}

/// The worker's answer to a request: the preview to show, as text, or an empty text when
/// the request could not be read (the page says so in words).
pub fn answer<Offset, Ids>(request: &str, offset_at: Offset, new_id: Ids) -> String
where
    Offset: Fn(DateTime<Utc>) -> FixedOffset,
    Ids: FnMut() -> RecordId,
{
    let Some(PreviewRequest {
        files,
        logged,
        today,
        now,
        dates,
    }) = read_in_worker::<PreviewRequest>(request)
    else {
        return String::new();
    };
    let files = files
        .into_iter()
        .map(|(name, read)| (name, read.into_outcome()))
        .collect();
    let preview = build_preview(
        files,
        &logged,
        Making {
            offset_at,
            new_id,
            updated_at: now,
            today,
        },
    );
    json::to_string(&preview.shown(dates)).unwrap_or_default()
}

/// The page's side of [`answer`]: the preview, or why there is none, in words.
pub fn shown_from_message(message: &str) -> Result<Shown, String> {
    json::from_str(message).map_err(|_| {
        "Patella couldn't put the files' runs together. Nothing was added; try again.".into()
    })
}

#[cfg(test)]
mod tests {
    use super::super::{outcome_to_message, parse_file, Format, Parsed, Sport};
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

    fn now() -> DateTime<Utc> {
        "2026-11-27T12:00:00Z".parse().unwrap()
    }

    fn today() -> NaiveDate {
        "2026-11-27".parse().unwrap()
    }

    fn activity(sport: Sport, start: &str, metres: f64) -> super::super::ActivitySummary {
        super::super::ActivitySummary {
            sport,
            start: start.parse().ok(),
            distance_m: metres,
            moving_s: metres * 0.3,
            elapsed_s: metres * 0.32,
            avg_cadence_spm: Some(170.0),
            avg_hr: None,
            elevation_gain_m: None,
            title: Some("Morning Run".to_string()),
            source_name: "a.fit".to_string(),
            format: Format::Fit,
        }
    }

    fn answered(summaries: Vec<super::super::ActivitySummary>) -> FileRead {
        let mut parsed = Parsed::default();
        for summary in summaries {
            parsed.push(summary);
        }
        FileRead::Answered(outcome_to_message(&Ok(parsed)))
    }

    /// The preview built in the worker from the request, as the page reads it.
    fn round_trip(request: &PreviewRequest) -> Shown {
        let text = answer(&request_to_message(request), utc, ids());
        shown_from_message(&text).unwrap()
    }

    /// The same preview built directly, in words.
    fn direct(request: &PreviewRequest) -> Shown {
        let files = request
            .files
            .iter()
            .cloned()
            .map(|(name, read)| (name, read.into_outcome()))
            .collect();
        build_preview(
            files,
            &request.logged,
            Making {
                offset_at: utc,
                new_id: ids(),
                updated_at: request.now,
                today: request.today,
            },
        )
        .shown(request.dates)
    }

    #[test]
    fn the_worker_answers_with_the_preview_in_words() {
        let run = activity(Sport::Running, "2024-05-01T06:00:00Z", 5_000.0);
        let walk = activity(Sport::Walking, "2024-05-02T06:00:00Z", 3_000.0);
        let ride = activity(Sport::Cycling, "2024-05-03T06:00:00Z", 30_000.0);
        let request = PreviewRequest {
            files: vec![
                ("a.fit".to_string(), answered(vec![run, walk, ride])),
                (
                    "big.fit".to_string(),
                    FileRead::Failed(ImportError::TooLarge { bytes: 60_000_000 }),
                ),
                (
                    "cloud.gpx".to_string(),
                    FileRead::Failed(ImportError::CouldNotRead),
                ),
            ],
            logged: vec![],
            today: today(),
            now: now(),
            dates: DateStyle::UK,
        };
        let shown = round_trip(&request);
        assert_eq!(shown, direct(&request));
        let rows: Vec<(&str, &str, bool)> = shown
            .rows
            .iter()
            .map(|row| (row.what.as_str(), row.note.as_str(), row.ticked))
            .collect();
        assert_eq!(
            rows,
            [
                ("Run", "New", true),
                ("Walk", "Walk, not a run: tick to include it", false),
            ]
        );
        assert_eq!(shown.rows[0].run.title, "Morning Run");
        assert_eq!(shown.rows[0].run.date.to_string(), "2024-05-01");
        assert_eq!(
            shown.left_out,
            [FileNote {
                source_name: "a.fit".to_string(),
                text: "Ride. This is a ride, not a run.".to_string(),
            }]
        );
        assert_eq!(
            shown.failed,
            [
                FileNote {
                    source_name: "big.fit".to_string(),
                    text: ImportError::TooLarge { bytes: 60_000_000 }.to_string(),
                },
                FileNote {
                    source_name: "cloud.gpx".to_string(),
                    text: ImportError::CouldNotRead.to_string(),
                },
            ]
        );
        assert_eq!(
            shown.runs_to_add(&[true, false]),
            vec![shown.rows[0].run.clone()]
        );
    }

    #[test]
    fn runs_in_the_log_are_matched_by_what_the_page_sends_of_them() {
        let run = activity(Sport::Running, "2024-05-01T06:00:00Z", 5_000.0);
        let first = round_trip(&PreviewRequest {
            files: vec![("a.fit".to_string(), answered(vec![run.clone()]))],
            logged: vec![],
            today: today(),
            now: now(),
            dates: DateStyle::UK,
        });
        let logged: Vec<LoggedRun> = first
            .runs_to_add(&[true])
            .iter()
            .map(LoggedRun::of)
            .collect();
        let again = round_trip(&PreviewRequest {
            files: vec![("a.fit".to_string(), answered(vec![run]))],
            logged,
            today: today(),
            now: now(),
            dates: DateStyle::UK,
        });
        assert_eq!(again.rows[0].note, "Already in your log (1 May 2024)");
        assert!(!again.rows[0].ticked);
    }

    #[test]
    fn a_real_file_round_trips_through_both_messages() {
        let gpx = br#"<?xml version="1.0"?><gpx version="1.1" creator="t"><trk><type>running</type><trkseg>
            <trkpt lat="0" lon="0"><time>2024-05-01T06:00:00Z</time></trkpt>
            <trkpt lat="0" lon="0.01"><time>2024-05-01T06:05:00Z</time></trkpt>
            <trkpt lat="0" lon="0.02"><time>2024-05-01T06:10:00Z</time></trkpt>
            </trkseg></trk></gpx>"#;
        let outcome = parse_file("a.gpx", gpx);
        let request = PreviewRequest {
            files: vec![(
                "a.gpx".to_string(),
                FileRead::Answered(outcome_to_message(&outcome)),
            )],
            logged: vec![],
            today: today(),
            now: now(),
            dates: DateStyle::UK,
        };
        let shown = round_trip(&request);
        assert_eq!(shown, direct(&request));
        assert_eq!(shown.rows.len(), 1, "{shown:?}");
        assert_eq!(shown.rows[0].source_name, "a.gpx");
    }

    #[test]
    fn damaged_messages_are_said_in_words_never_a_panic() {
        assert_eq!(answer("", utc, ids()), "");
        assert_eq!(answer("{\"files\":3}", utc, ids()), "");
        let words = shown_from_message("").unwrap_err();
        assert!(words.contains("Nothing was added"), "{words}");
        assert!(shown_from_message("{\"rows\":[{}]}").is_err());
        // A file whose answer was garbled is a damaged file, not a failed preview.
        let shown = round_trip(&PreviewRequest {
            files: vec![("x.fit".to_string(), FileRead::Answered("{".to_string()))],
            logged: vec![],
            today: today(),
            now: now(),
            dates: DateStyle::UK,
        });
        assert_eq!(shown.failed[0].text, ImportError::Damaged.to_string());
    }
}
