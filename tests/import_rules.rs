//! What the import preview offers for the files a sweep of real parsers' test files turned up
//! as traps: FIT times counted from when the watch was switched on, paces no one can run,
//! GPX files with several tracks, sports and FIT file types in plain words, a track with times
//! but no distance, and test recordings of a few metres.
//!
//! FIT files here are written by a small writer below (the same layout as
//! `bench/support/fit-writer.mjs`: a 14-byte header, definition and data messages, the FIT
//! SDK's CRC-16), each with only the messages the rule at hand reads.
// Tests may panic on a broken fixture: that is their way to fail.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(not(target_arch = "wasm32"))]

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use patella::domain::import::names;
use patella::domain::import::preview::{build_preview, Making, Preview, RowStatus};
use patella::domain::import::{parse_file, ImportError, SkipReason, Sport};
use patella::domain::records::RecordId;

/// A FIT file writer: enough of the protocol to make the messages a test needs.
mod fit {
    /// Global message numbers (FIT profile).
    pub const FILE_ID: u16 = 0;
    pub const SESSION: u16 = 18;
    pub const ACTIVITY: u16 = 34;
    pub const TIMESTAMP_CORRELATION: u16 = 162;

    /// FIT time: seconds since 1989-12-31T00:00:00Z.
    pub const EPOCH_UNIX: i64 = 631_065_600;

    /// Base types by size: enum, uint16, uint32.
    fn base_type(size: u8) -> u8 {
        match size {
            1 => 0x00,
            2 => 0x84,
            _ => 0x86,
        }
    }

    fn crc16(bytes: &[u8], mut crc: u16) -> u16 {
        const TABLE: [u16; 16] = [
            0x0000, 0xcc01, 0xd801, 0x1400, 0xf001, 0x3c00, 0x2800, 0xe401, 0xa001, 0x6c00, 0x7800,
            0xb401, 0x5000, 0x9c01, 0x8801, 0x4400,
        ];
        for byte in bytes {
            for nibble in [byte & 0xf, byte >> 4] {
                let tmp = TABLE[usize::from(crc & 0xf)];
                crc = (crc >> 4) & 0x0fff;
                crc = crc ^ tmp ^ TABLE[usize::from(nibble)];
            }
        }
        crc
    }

    /// One message: its global number and (field number, size in bytes, value) triples.
    pub struct Message {
        pub global: u16,
        pub fields: Vec<(u8, u8, u32)>,
    }

    pub fn message(global: u16, fields: &[(u8, u8, u32)]) -> Message {
        Message {
            global,
            fields: fields.to_vec(),
        }
    }

    /// A whole file: each message with its own definition (local type 0).
    pub fn file(messages: &[Message]) -> Vec<u8> {
        let mut records = Vec::new();
        for message in messages {
            records.extend([0x40, 0, 0]);
            records.extend(message.global.to_le_bytes());
            records.push(message.fields.len() as u8);
            for (number, size, _) in &message.fields {
                records.extend([*number, *size, base_type(*size)]);
            }
            records.push(0);
            for (_, size, value) in &message.fields {
                records.extend(&value.to_le_bytes()[..usize::from(*size)]);
            }
        }
        let mut bytes = vec![14, 0x20];
        bytes.extend(2132u16.to_le_bytes());
        bytes.extend((records.len() as u32).to_le_bytes());
        bytes.extend(b".FIT");
        let header_crc = crc16(&bytes, 0);
        bytes.extend(header_crc.to_le_bytes());
        bytes.extend(records);
        let file_crc = crc16(&bytes, 0);
        bytes.extend(file_crc.to_le_bytes());
        bytes
    }

    /// A calendar time on the FIT clock.
    pub fn time(text: &str) -> u32 {
        let unix = text
            .parse::<chrono::DateTime<chrono::Utc>>()
            .map(|t| t.timestamp())
            .unwrap_or_default();
        (unix - EPOCH_UNIX) as u32
    }

    /// `file_id` of an activity (type 4), created at `created` on the FIT clock.
    pub fn activity_file_id(created: u32) -> Message {
        message(FILE_ID, &[(0, 1, 4), (4, 4, created)])
    }

    /// A session: start and end (FIT clock), sport and sub-sport numbers, metres, seconds.
    pub fn session(start: u32, sport: u8, sub_sport: u8, metres: f64, seconds: f64) -> Message {
        let end = start + seconds as u32;
        message(
            SESSION,
            &[
                (253, 4, end),
                (2, 4, start),
                (5, 1, u32::from(sport)),
                (6, 1, u32::from(sub_sport)),
                (7, 4, (seconds * 1000.0) as u32),
                (8, 4, (seconds * 1000.0) as u32),
                (9, 4, (metres * 100.0) as u32),
            ],
        )
    }

    pub const RUNNING: u8 = 1;
    pub const FITNESS_EQUIPMENT: u8 = 4;
    pub const GENERIC: u8 = 0;
    pub const INDOOR_ROWING: u8 = 14;
}

fn utc(text: &str) -> DateTime<Utc> {
    text.parse().unwrap()
}

fn preview(files: &[(&str, Vec<u8>)]) -> Preview {
    let mut next = 0u128;
    build_preview(
        files
            .iter()
            .map(|(name, bytes)| (name.to_string(), parse_file(name, bytes)))
            .collect(),
        &[],
        Making {
            offset_at: |_| FixedOffset::east_opt(0).unwrap(),
            new_id: move || {
                next += 1;
                RecordId::from_random_bits(next)
            },
            updated_at: utc("2026-11-27T12:00:00Z"),
            today: NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
        },
    )
}

/// A 5 km run of 25 minutes starting at `start` (FIT clock), in a file with `extra` messages.
fn run_file(created: u32, start: u32, extra: Vec<fit::Message>) -> Vec<u8> {
    let mut messages = vec![
        fit::activity_file_id(created),
        fit::session(start, fit::RUNNING, fit::GENERIC, 5_000.0, 1_500.0),
    ];
    messages.extend(extra);
    fit::file(&messages)
}

/// Seconds since the watch was switched on: below 0x10000000 on the FIT clock.
const POWER_ON_START: u32 = 1_000;

#[test]
fn the_writer_makes_files_the_reader_takes() {
    let start = fit::time("2024-05-01T06:00:00Z");
    let parsed = parse_file("run.fit", &run_file(start, start, vec![])).unwrap();
    let run = &parsed.activities[0];
    assert_eq!(run.start, Some(utc("2024-05-01T06:00:00Z")));
    assert_eq!(run.distance_m, 5_000.0);
    assert_eq!(run.moving_s, 1_500.0);
}

#[test]
fn a_start_timed_from_power_on_with_nothing_to_date_it_is_left_out_never_dated_1990() {
    let bytes = run_file(POWER_ON_START - 5, POWER_ON_START, vec![]);
    let parsed = parse_file("old.fit", &bytes).unwrap();
    assert!(parsed.activities.is_empty());
    assert_eq!(parsed.skipped[0].reason, SkipReason::ClockNotSet);
    let shown = preview(&[("old.fit", bytes)]);
    assert!(shown.rows.is_empty());
    assert_eq!(shown.left_out.len(), 1);
    assert_eq!(shown.left_out[0].what, "Run");
    assert_eq!(
        shown.left_out[0].reason,
        "The watch hadn't set its clock when it recorded this, and nothing in the file says \
         which day it was. Add it by hand with its date."
    );
}

#[test]
fn a_timestamp_correlation_dates_a_start_timed_from_power_on() {
    // The watch learnt the time 600 s after power-on: 2024-05-01T06:10:00Z.
    let correlation = fit::message(
        fit::TIMESTAMP_CORRELATION,
        &[(253, 4, fit::time("2024-05-01T06:10:00Z")), (1, 4, 600)],
    );
    let bytes = run_file(POWER_ON_START, POWER_ON_START, vec![correlation]);
    let run = &parse_file("a.fit", &bytes).unwrap().activities[0];
    // Power-on was 06:00:00, the start 1000 s later.
    assert_eq!(run.start, Some(utc("2024-05-01T06:16:40Z")));
}

#[test]
fn the_activity_messages_calendar_end_dates_a_start_timed_from_power_on() {
    // The session ends 1500 s after its start, at system time 2500; the activity message
    // written then carries the calendar time.
    let activity = fit::message(
        fit::ACTIVITY,
        &[(253, 4, fit::time("2024-05-01T07:00:00Z")), (1, 2, 1)],
    );
    let bytes = run_file(POWER_ON_START, POWER_ON_START, vec![activity]);
    let run = &parse_file("a.fit", &bytes).unwrap().activities[0];
    assert_eq!(run.start, Some(utc("2024-05-01T06:35:00Z")));
}

#[test]
fn the_files_creation_time_dates_its_one_session_when_nothing_else_does() {
    let created = fit::time("2024-05-01T06:00:00Z");
    let bytes = run_file(created, POWER_ON_START, vec![]);
    let run = &parse_file("a.fit", &bytes).unwrap().activities[0];
    assert_eq!(run.start, Some(utc("2024-05-01T06:00:00Z")));
}

#[test]
fn a_start_before_2000_or_after_today_is_offered_unticked() {
    let old = fit::time("1999-06-01T06:00:00Z");
    let ahead = fit::time("2026-11-27T18:00:00Z");
    let fine = fit::time("2026-11-26T06:00:00Z");
    let shown = preview(&[
        ("1999.fit", run_file(old, old, vec![])),
        ("tonight.fit", run_file(ahead, ahead, vec![])),
        ("yesterday.fit", run_file(fine, fine, vec![])),
    ]);
    let statuses: Vec<(&str, &RowStatus, bool)> = shown
        .rows
        .iter()
        .map(|r| {
            (
                r.source_name.as_str(),
                &r.status,
                r.status.ticked_by_default(),
            )
        })
        .collect();
    assert_eq!(
        statuses,
        [
            ("1999.fit", &RowStatus::UnlikelyDate, false),
            ("yesterday.fit", &RowStatus::New, true),
            ("tonight.fit", &RowStatus::UnlikelyDate, false),
        ]
    );
    assert_eq!(
        RowStatus::UnlikelyDate.describe(patella::domain::locale::DateStyle::UK),
        "The watch's clock may have been wrong on this date: tick to add it anyway"
    );
}

/// A GPX file of one track through the given (latitude, seconds) points.
fn gpx(points: &[(f64, u32)]) -> Vec<u8> {
    let start = utc("2024-05-01T06:00:00Z");
    let points: String = points
        .iter()
        .map(|(lat, s)| {
            let time = start + chrono::TimeDelta::seconds(i64::from(*s));
            format!(
                r#"<trkpt lat="{lat}" lon="0"><time>{}</time></trkpt>"#,
                time.to_rfc3339()
            )
        })
        .collect();
    format!(r#"<gpx version="1.1"><trk><trkseg>{points}</trkseg></trk></gpx>"#).into_bytes()
}

#[test]
fn a_pace_no_one_can_run_is_left_out_in_words() {
    // 1.56 km in 2 s, from a watch whose clock jumped.
    let start = fit::time("2024-05-01T06:00:00Z");
    let fit_bytes = fit::file(&[
        fit::activity_file_id(start),
        fit::session(start, fit::RUNNING, fit::GENERIC, 1_560.0, 2.0),
    ]);
    // And a GPX track of 1.1 km in 10 s.
    let shown = preview(&[
        ("jump.fit", fit_bytes),
        ("jump.gpx", gpx(&[(0.0, 0), (0.01, 10)])),
    ]);
    assert!(shown.rows.is_empty(), "{:?}", shown.rows);
    let reasons: Vec<&str> = shown.left_out.iter().map(|l| l.reason.as_str()).collect();
    assert_eq!(
        reasons,
        [
            "1.56 km in 2 seconds is faster than anyone can run; the file's times may be wrong.",
            "1.11 km in 10 seconds is faster than anyone can run; the file's times may be wrong.",
        ]
    );
}

#[test]
fn a_track_with_times_but_no_distance_says_so() {
    let shown = preview(&[("still.gpx", gpx(&[(0.0, 0), (0.0, 600), (0.0, 1_200)]))]);
    assert!(shown.rows.is_empty());
    assert_eq!(
        shown.left_out[0].reason,
        "The file records no distance for this activity."
    );
}

#[test]
fn tiny_test_recordings_are_offered_unticked_with_the_reason() {
    let start = fit::time("2024-05-01T06:00:00Z");
    let tiny = |metres: f64, seconds: f64| {
        fit::file(&[
            fit::activity_file_id(start),
            fit::session(start, fit::RUNNING, fit::GENERIC, metres, seconds),
        ])
    };
    let shown = preview(&[
        ("six-metres.fit", tiny(6.0, 14.0)),
        ("half-a-minute.fit", tiny(250.0, 50.0)),
        ("lap.fit", tiny(400.0, 90.0)),
    ]);
    let statuses: Vec<(&str, bool)> = shown
        .rows
        .iter()
        .map(|r| (r.source_name.as_str(), r.status.ticked_by_default()))
        .collect();
    assert_eq!(
        statuses,
        [
            ("six-metres.fit", false),
            ("half-a-minute.fit", false),
            ("lap.fit", true)
        ]
    );
    assert_eq!(shown.rows[0].status, RowStatus::TooShort);
    assert_eq!(
        shown.rows[0]
            .status
            .describe(patella::domain::locale::DateStyle::UK),
        "Under 200 m or a minute, a test recording? Tick to add it anyway"
    );
}

#[test]
fn fit_sports_and_file_types_are_said_in_words() {
    let start = fit::time("2024-05-01T06:00:00Z");
    let rowing = fit::file(&[
        fit::activity_file_id(start),
        fit::session(
            start,
            fit::FITNESS_EQUIPMENT,
            fit::INDOOR_ROWING,
            2_000.0,
            480.0,
        ),
    ]);
    let parsed = parse_file("row.fit", &rowing).unwrap();
    assert_eq!(
        parsed.skipped[0].reason.to_string(),
        "This is an indoor rowing session, not a run."
    );
    let shown = preview(&[("row.fit", rowing)]);
    assert_eq!(shown.left_out[0].what, "Indoor rowing session");

    let monitoring = fit::file(&[fit::message(fit::FILE_ID, &[(0, 1, 32)])]);
    let error = parse_file("daily.fit", &monitoring).unwrap_err();
    assert_eq!(
        error.to_string(),
        "This is a daily activity-tracking file, not a recorded activity."
    );
}

/// Every FIT sport and file type `fitparser` can name (it names the numbers the FIT profile
/// defines), every Strava activity type, and TCX's sports, has words of its own with the right
/// article: none falls back to quoting the file.
#[test]
fn every_sport_and_file_type_a_reader_can_name_has_plain_words() {
    use fitparser::profile::field_types::{File, Sport as FitSport};
    let mut fit_sports = 0;
    for value in 0..=u8::MAX {
        if !FitSport::is_named_variant(i64::from(value)) {
            continue;
        }
        fit_sports += 1;
        let name = FitSport::from(value).to_string();
        let sport = Sport::from_fit(&name, None);
        assert_words(&name, &sport.phrase());
        assert!(!sport.label().contains('_'), "{name}: {}", sport.label());
    }
    assert!(fit_sports > 80, "{fit_sports} FIT sports");

    let mut file_types = 0;
    for value in 0..=u8::MAX {
        let name = File::from(value).to_string();
        if name.starts_with("unknown_variant") {
            continue;
        }
        file_types += 1;
        if matches!(name.as_str(), "activity" | "activity_summary") {
            continue;
        }
        let words = ImportError::NotAnActivity { kind: name.clone() }.to_string();
        assert!(names::is_known_file_type(&name), "{name}");
        assert!(!words.contains('_'), "{name}: {words}");
        let phrase = names::file_type(&name);
        assert_words(&name, &phrase);
    }
    assert!(file_types >= 18, "{file_types} file types");

    // Strava's activity types as its export writes them, and TCX's three sports.
    let strava = [
        "Run",
        "Trail Run",
        "Virtual Run",
        "Ride",
        "Mountain Bike Ride",
        "Gravel Ride",
        "E-Bike Ride",
        "E-Mountain Bike Ride",
        "Virtual Ride",
        "Velomobile",
        "Handcycle",
        "Walk",
        "Hike",
        "Swim",
        "Alpine Ski",
        "Backcountry Ski",
        "Nordic Ski",
        "Roller Ski",
        "Snowboard",
        "Snowshoe",
        "Ice Skate",
        "Inline Skate",
        "Skateboard",
        "Canoe",
        "Kayaking",
        "Rowing",
        "Virtual Row",
        "Stand Up Paddling",
        "Sail",
        "Surfing",
        "Kitesurf",
        "Windsurf",
        "Crossfit",
        "Elliptical",
        "Stair-Stepper",
        "Weight Training",
        "Workout",
        "Yoga",
        "Pilates",
        "High Intensity Interval Training",
        "Golf",
        "Rock Climb",
        "Soccer",
        "Tennis",
        "Badminton",
        "Pickleball",
        "Racquetball",
        "Squash",
        "Table Tennis",
        "Padel",
        "Wheelchair",
        "Running",
        "Biking",
        "Other",
    ];
    for name in strava {
        assert_words(name, &Sport::from_name(name).phrase());
    }
}

fn assert_words(name: &str, phrase: &str) {
    assert!(
        !phrase.contains("the file calls") && !phrase.contains("doesn't know"),
        "{name} has no words of its own: {phrase}"
    );
    assert!(!phrase.contains('_'), "{name}: {phrase}");
    let (article, rest) = phrase.split_once(' ').unwrap_or_default();
    let vowel = rest.starts_with(['a', 'e', 'i', 'o', 'u', 'A', 'E', 'I', 'O', 'U']);
    assert!(
        (article == "an" && vowel) || (article == "a" && !vowel),
        "{name}: {phrase}"
    );
}

#[test]
fn one_gpx_file_of_two_days_is_two_activities() {
    let track = |name: &str, day: u32| {
        let points: String = (0..=10)
            .map(|i| {
                format!(
                    r#"<trkpt lat="{}" lon="0"><time>2024-05-0{day}T08:{:02}:00Z</time></trkpt>"#,
                    f64::from(i) * 0.001,
                    i * 3
                )
            })
            .collect();
        format!("<trk><name>{name}</name><trkseg>{points}</trkseg></trk>")
    };
    let file = format!(
        r#"<gpx version="1.1">{}{}</gpx>"#,
        track("Day 01", 1),
        track("Day 02", 2)
    );
    let shown = preview(&[("trip.gpx", file.into_bytes())]);
    let rows: Vec<(String, String, u32, bool)> = shown
        .rows
        .iter()
        .map(|r| {
            (
                r.run.date.to_string(),
                r.run.title.clone(),
                r.run.duration.seconds(),
                r.status.ticked_by_default(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("2024-05-01".to_string(), "Day 01".to_string(), 1_800, true),
            ("2024-05-02".to_string(), "Day 02".to_string(), 1_800, true),
        ]
    );
}

mod properties {
    use super::*;
    use patella::domain::import::{ActivitySummary, Format, Parsed};
    use patella::domain::records::Validate;
    use proptest::prelude::*;

    fn summary(start: i64, metres: f64, moving: f64) -> ActivitySummary {
        ActivitySummary {
            sport: Sport::Running,
            start: DateTime::from_timestamp(start, 0),
            distance_m: metres,
            moving_s: moving,
            elapsed_s: moving,
            avg_cadence_spm: None,
            avg_hr: None,
            elevation_gain_m: None,
            title: None,
            source_name: "a.fit".to_string(),
            format: Format::Fit,
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        /// Whatever a file claims, a row offered is a run the log accepts, and one ticked at
        /// once is dated from 2000 to now, at least 200 m and a minute, at a pace a person runs.
        #[test]
        fn every_row_offered_is_a_run_the_log_accepts(
            start in 0i64..2_000_000_000,
            metres in prop_oneof![0.0f64..1_000.0, 0.0f64..500_000.0],
            moving in prop_oneof![0.0f64..600.0, 0.0f64..200_000.0],
        ) {
            let mut parsed = Parsed::default();
            parsed.activities.push(summary(start, metres, moving));
            let mut next = 0u128;
            let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
            let now = utc("2026-11-27T12:00:00Z");
            let shown = build_preview(
                vec![("a.fit".to_string(), Ok(parsed))],
                &[],
                Making {
                    offset_at: |_| FixedOffset::east_opt(0).unwrap(),
                    new_id: move || {
                        next += 1;
                        RecordId::from_random_bits(next)
                    },
                    updated_at: now,
                    today,
                },
            );
            prop_assert_eq!(shown.rows.len() + shown.left_out.len(), 1);
            for row in &shown.rows {
                prop_assert!(row.run.problems(today).is_empty(), "{:?}", row.run);
                if row.status.ticked_by_default() {
                    let source = row.run.source.as_ref().unwrap();
                    prop_assert!(source.started_at >= utc("2000-01-01T00:00:00Z"));
                    prop_assert!(source.started_at <= now);
                    prop_assert!(row.run.distance.metres() >= 200.0);
                    prop_assert!(row.run.duration.seconds() >= 60);
                }
            }
        }
    }
}
