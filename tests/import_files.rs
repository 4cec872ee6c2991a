//! Importing real activity files: each gives the sport, start, distance, times and cadence
//! it really holds, or the error a runner should see. And no bytes, however garbled, make
//! a parser panic.
//!
//! The files are in `tests/fixtures/activities/` (sources and licenses in its SOURCES.md).
//! Expected numbers were read with independent readers, in a one-off Python script:
//! - FIT: fitparse 1.2.0, the `session` message (start_time, total_distance,
//!   total_timer_time, total_elapsed_time, avg_running_cadence, avg_fractional_cadence,
//!   avg_heart_rate, total_ascent).
//! - GPX: xml.etree with a haversine sum (R = 6371008.8 m) and the same moving and climb
//!   rules as ours; gpxpy's own `length_2d` (12835.5 m, a different Earth model) agrees
//!   within 0.2%.
//! - TCX: xml.etree summing the laps; python-tcxparser agrees on sport, start, end and
//!   the average heart rate of the laps.
// Tests and benchmarks may panic on a broken fixture: that is their way to fail.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(not(target_arch = "wasm32"))]

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use patella::domain::import::{
    parse_file, ActivitySummary, Format, ImportError, Parsed, SkipReason, Sport,
};
use proptest::prelude::*;

fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/activities/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn parse(name: &str) -> Result<Parsed, ImportError> {
    parse_file(name, &fixture(name))
}

fn only_run(name: &str) -> ActivitySummary {
    let parsed = parse(name).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert!(parsed.skipped.is_empty(), "{name}: {:?}", parsed.skipped);
    assert_eq!(parsed.activities.len(), 1, "{name}");
    parsed.activities.into_iter().next().unwrap()
}

fn utc(text: &str) -> Option<DateTime<Utc>> {
    Some(text.parse().unwrap())
}

/// Within ±0.5%, as the issue asks of distances.
fn assert_close(actual: f64, expected: f64, what: &str) {
    let tolerance = expected.abs() * 0.005;
    assert!(
        (actual - expected).abs() <= tolerance,
        "{what}: {actual} is not within 0.5% of {expected}"
    );
}

fn assert_near(actual: Option<f64>, expected: f64, within: f64, what: &str) {
    let actual = actual.unwrap_or_else(|| panic!("{what}: missing"));
    assert!(
        (actual - expected).abs() <= within,
        "{what}: {actual} is not {expected} ± {within}"
    );
}

#[test]
fn fenix_5_run_fit() {
    let run = only_run("garmin-fenix-5-run.fit");
    assert_eq!(run.format, Format::Fit);
    assert_eq!(run.sport, Sport::Running);
    assert_eq!(run.start, utc("2017-06-11T14:34:09Z"));
    assert_close(run.distance_m, 157.56, "distance");
    assert_near(Some(run.moving_s), 56.887, 0.001, "timer time");
    assert_near(Some(run.elapsed_s), 56.887, 0.001, "elapsed time");
    // FIT stores running cadence per leg: 83 + 0.671875 strides/min is 167.34 steps/min.
    assert_near(run.avg_cadence_spm, 167.34375, 0.01, "cadence");
    assert_near(run.avg_hr, 90.0, 0.0, "heart rate");
    assert_near(run.elevation_gain_m, 2.0, 0.0, "climb");
}

#[test]
fn fenix_2_run_fit() {
    let run = only_run("activity-small-fenix2-run.fit");
    assert_eq!(run.sport, Sport::Running);
    assert_eq!(run.start, utc("2015-08-15T14:45:08Z"));
    assert_close(run.distance_m, 9008.22, "distance");
    assert_near(Some(run.moving_s), 2832.0, 0.001, "timer time");
    assert_near(Some(run.elapsed_s), 2832.0, 0.001, "elapsed time");
    // 81 strides per minute, one leg: 162 steps per minute.
    assert_near(run.avg_cadence_spm, 162.0, 0.01, "cadence");
    assert_eq!(run.avg_hr, None);
    assert_near(run.elevation_gain_m, 64.0, 0.0, "climb");
    // 14:45 UTC is already the next day in Auckland (+12).
    let auckland = FixedOffset::east_opt(12 * 3600).unwrap();
    assert_eq!(
        run.local_date(auckland),
        NaiveDate::from_ymd_opt(2015, 8, 16)
    );
}

#[test]
fn fenix_5_bike_fit_is_skipped_as_a_ride() {
    let parsed = parse("garmin-fenix-5-bike.fit").unwrap();
    assert!(parsed.activities.is_empty());
    assert_eq!(parsed.skipped.len(), 1);
    let skipped = &parsed.skipped[0];
    assert_eq!(skipped.reason, SkipReason::NotARun(Sport::Cycling));
    assert_eq!(skipped.reason.to_string(), "This is a ride, not a run.");
    let ride = skipped.summary.as_ref().unwrap();
    assert_eq!(ride.start, utc("2017-06-12T16:09:22Z"));
    assert_close(ride.distance_m, 459.52, "distance");
    assert_near(Some(ride.elapsed_s), 60.363, 0.001, "elapsed time");
    assert_near(ride.avg_hr, 101.0, 0.0, "heart rate");
}

#[test]
fn settings_fit_is_not_an_activity() {
    let error = parse("Settings.fit").unwrap_err();
    assert_eq!(error, ImportError::SettingsFile);
    assert_eq!(
        error.to_string(),
        "This is a device settings file, not an activity."
    );
}

#[test]
fn truncated_fit_ends_early() {
    let error = parse("activity-unexpected-eof.fit").unwrap_err();
    assert_eq!(error, ImportError::EndsEarly);
    assert_eq!(
        error.to_string(),
        "This file ends early — it may be damaged."
    );
}

#[test]
fn any_cut_of_a_real_fit_file_is_an_error_not_a_panic() {
    let bytes = fixture("garmin-fenix-5-run.fit");
    for cut in (0..bytes.len()).step_by(97) {
        let result = parse_file("run.fit", &bytes[..cut]);
        assert!(result.is_err(), "cut at {cut} parsed");
    }
}

#[test]
fn garmin_connect_gpx_run() {
    let run = only_run("garmin-activity.gpx");
    assert_eq!(run.format, Format::Gpx);
    assert_eq!(run.sport, Sport::Running);
    assert_eq!(run.title.as_deref(), Some("casual stroll"));
    assert_eq!(run.start, utc("2017-07-29T14:46:35Z"));
    // Haversine over the 988 points: 12821.2 m (gpxpy's length_2d: 12835.5 m).
    assert_close(run.distance_m, 12_821.2, "distance");
    // 14:46:35 to 16:18:13.
    assert_eq!(run.elapsed_s, 5498.0);
    // 13 s of intervals below 0.5 m/s (gpxpy, with its own 1 km/h rule: 5492 s).
    assert_eq!(run.moving_s, 5485.0);
    // Garmin's `cad` is per leg: a mean of 80.04 over the non-zero readings, doubled.
    assert_near(run.avg_cadence_spm, 160.09, 0.01, "cadence");
    assert_near(run.avg_hr, 145.52, 0.01, "heart rate");
    // Climb in steps of 2 m or more (raw sum of rises 263 m, gpxpy smoothed 228.8 m).
    assert_near(run.elevation_gain_m, 213.2, 0.01, "climb");
}

#[test]
fn strava_route_gpx_has_no_times() {
    let error = parse("strava_route_example.gpx").unwrap_err();
    assert_eq!(error, ImportError::RouteWithoutTimes);
    assert_eq!(
        error.to_string(),
        "This GPX file is a planned route with no times, so it can't be a run you did."
    );
}

#[test]
fn bad_character_xml_is_a_clear_error() {
    let error = parse("badcharacter.xml").unwrap_err();
    assert!(matches!(error, ImportError::BadXml { .. }), "{error:?}");
    let words = error.to_string();
    assert!(
        words.starts_with("This file isn't a readable GPX or TCX file"),
        "{words}"
    );
    // The same bytes under a .gpx name say the same.
    assert_eq!(
        parse_file("run.gpx", &fixture("badcharacter.xml")),
        Err(error)
    );
}

#[test]
fn training_center_tcx_run() {
    let run = only_run("test.tcx");
    assert_eq!(run.format, Format::Tcx);
    assert_eq!(run.sport, Sport::Running);
    assert_eq!(run.start, utc("2012-12-26T21:29:53Z"));
    // Three laps: 1609.34 + 1609.34 + 1470.55 m (python-tcxparser reads the last track
    // point's 4686.31 m instead: within 0.1%).
    assert_close(run.distance_m, 4689.24, "distance");
    // The laps' TotalTimeSeconds: 608.47 + 714.8 + 669.51.
    assert_near(Some(run.moving_s), 1992.78, 0.001, "timer time");
    // 21:29:53 to 22:03:05.51 is 0.27 s less than the laps' timer; never less than moving.
    assert_near(Some(run.elapsed_s), 1992.78, 0.001, "elapsed time");
    // Lap averages 139, 172 and 167 bpm weighted by lap time.
    assert_near(run.avg_hr, 160.24, 0.01, "heart rate");
    // This file has no cadence at all.
    assert_eq!(run.avg_cadence_spm, None);
    assert_near(run.elevation_gain_m, 133.14, 0.01, "climb");
}

#[test]
fn content_wins_over_the_extension() {
    let gpx = fixture("garmin-activity.gpx");
    let parsed = parse_file("misnamed.fit", &gpx).unwrap();
    assert_eq!(parsed.activities[0].format, Format::Gpx);
    let fit = fixture("garmin-fenix-5-run.fit");
    let parsed = parse_file("download", &fit).unwrap();
    assert_eq!(parsed.activities[0].format, Format::Fit);
}

#[test]
fn files_over_50_mb_are_refused() {
    let big = vec![0u8; 50_000_001];
    let error = parse_file("year.fit", &big).unwrap_err();
    assert!(matches!(error, ImportError::TooLarge { .. }));
    assert!(error.to_string().contains("too big"), "{error}");
}

/// `text` with the contents of every `<tag>…</tag>` replaced by `value`.
fn with_every(text: &str, tag: &str, value: &str) -> String {
    let (open, close) = (format!("<{tag}>"), format!("</{tag}>"));
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(&open) {
        let inner = &rest[at + open.len()..];
        let Some(end) = inner.find(&close) else { break };
        out.push_str(&rest[..at + open.len()]);
        out.push_str(value);
        rest = &inner[end..];
    }
    out.push_str(rest);
    out
}

#[test]
fn absurd_numbers_in_a_real_file_never_panic() {
    let tcx = String::from_utf8(fixture("test.tcx")).unwrap();
    for tag in [
        "TotalTimeSeconds",
        "DistanceMeters",
        "Value",
        "AltitudeMeters",
        "LatitudeDegrees",
    ] {
        for absurd in [
            "1e13",
            "-1e13",
            "1e308",
            "NaN",
            "inf",
            "-0",
            "99999999999999999999999",
        ] {
            let text = with_every(&tcx, tag, absurd);
            assert_ne!(text, tcx, "{tag} is in the file");
            let _ = parse_file("absurd.tcx", text.as_bytes());
        }
    }
    let gpx = String::from_utf8(fixture("garmin-activity.gpx")).unwrap();
    for absurd in ["1e308", "-1e308", "NaN", "inf"] {
        let _ = parse_file("absurd.gpx", with_every(&gpx, "ele", absurd).as_bytes());
    }
}

const NAMES: [&str; 6] = ["a.fit", "a.gpx", "a.tcx", "activities.csv", "a.xml", "a"];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048), name in 0usize..6) {
        let _ = parse_file(NAMES[name], &bytes);
    }

    #[test]
    fn arbitrary_bytes_after_a_fit_header_never_panic(tail in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let mut bytes = fixture("garmin-fenix-5-run.fit")[..14].to_vec();
        bytes.extend(tail);
        let _ = parse_file("a.fit", &bytes);
    }

    #[test]
    fn damaged_real_files_never_panic(
        which in 0usize..4,
        flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
    ) {
        let name = ["garmin-fenix-5-run.fit", "garmin-fenix-5-bike.fit", "test.tcx", "garmin-activity.gpx"][which];
        let mut bytes = fixture(name);
        for (index, byte) in flips {
            let i = index.index(bytes.len());
            bytes[i] = byte;
        }
        let _ = parse_file(name, &bytes);
    }

    #[test]
    fn arbitrary_text_never_panics_the_csv_or_xml_readers(text in "[<>a-zA-Z0-9\",\r\n :/.-]{0,400}") {
        let _ = parse_file("activities.csv", text.as_bytes());
        let _ = parse_file("a.gpx", text.as_bytes());
        let csv = format!("Activity Date,Activity Type,Distance\n{text}");
        let _ = parse_file("activities.csv", csv.as_bytes());
    }
}

#[test]
fn what_the_worker_sends_reads_back_the_same_on_the_page() {
    use patella::domain::import::{outcome_from_message, outcome_to_message};
    for name in [
        "garmin-activity.gpx",
        "garmin-fenix-5-bike.fit",
        "activity-unexpected-eof.fit",
        "test.tcx",
    ] {
        let outcome = parse(name);
        assert_eq!(
            outcome_from_message(&outcome_to_message(&outcome)),
            outcome,
            "{name}"
        );
    }
    // A reply that doesn't read is the file's failure, in words; never a panic.
    assert_eq!(outcome_from_message("{\"Ok\":"), Err(ImportError::Damaged));
}
