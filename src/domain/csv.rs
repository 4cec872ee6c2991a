//! Runs as CSV, for a runner's own spreadsheet: one row per run, in the runner's unit.
//!
//! RFC 4180 text (CRLF line ends, fields quoted when they hold a comma, a quote or a line
//! break). Cells a runner typed are guarded against spreadsheet formulas: a note starting
//! with `=` would otherwise run as a formula when the file is opened.
//!
//! The text is made in the import worker, so the page's wasm carries none of this: the page
//! sends the runs, shoes and unit ([`request_to_message`]) and offers the worker's answer
//! ([`answer`]) as the download.

use std::collections::HashMap;

use chrono::SubsecRound;

use crate::domain::records::{PainScore, Run, Shoe};
use crate::domain::units::{DistanceUnit, Pace};
use crate::domain::{iso, json};

/// Excel reads a CSV without this mark in the local legacy code page and garbles every
/// accented letter of a note; other spreadsheets skip it.
const BYTE_ORDER_MARK: char = '\u{feff}';

/// The header row and one row per run, oldest first (runs on the same day keep the order
/// they were given in).
pub fn runs_csv(runs: &[Run], shoes: &[Shoe], unit: DistanceUnit) -> String {
    let shoe_names: HashMap<&str, &str> = shoes
        .iter()
        .map(|shoe| (shoe.id.as_str(), shoe.name.as_str()))
        .collect();
    let mut by_date: Vec<&Run> = runs.iter().collect();
    crate::domain::sort::sort_by_key(&mut by_date, |run| run.date);

    let unit_name = unit.abbreviation();
    let header = [
        "date".to_string(),
        format!("distance_{unit_name}"),
        "duration".to_string(),
        "duration_seconds".to_string(),
        format!("pace_per_{unit_name}"),
        "kind".to_string(),
        "surface".to_string(),
        "shoe".to_string(),
        "pain_during".to_string(),
        "pain_after".to_string(),
        "effort".to_string(),
        "cadence_spm".to_string(),
        "title".to_string(),
        "notes".to_string(),
        "elapsed".to_string(),
        "avg_heart_rate_bpm".to_string(),
        "elevation_gain_m".to_string(),
        "started_at_utc".to_string(),
        "source_file".to_string(),
    ];
    let mut csv = String::new();
    csv.push(BYTE_ORDER_MARK);
    push_row(&mut csv, &header);
    for run in by_date {
        let shoe = run
            .shoe_id
            .as_ref()
            .and_then(|id| shoe_names.get(id.as_str()))
            .copied()
            .unwrap_or("");
        let source = run.source.as_ref();
        let row = [
            run.date.to_string(),
            number(run.distance.in_unit(unit)),
            clock(run.duration.seconds()),
            run.duration.seconds().to_string(),
            Pace::of(run.distance, run.duration)
                .map(|pace| minutes_seconds(pace.seconds_per_unit(unit)))
                .unwrap_or_default(),
            run.kind.label().to_string(),
            run.surface
                .map(|surface| surface.label())
                .unwrap_or("")
                .to_string(),
            typed_text(shoe),
            score(run.pain_during),
            score(run.pain_after),
            optional(run.effort),
            optional(run.cadence_spm),
            typed_text(&run.title),
            typed_text(&run.notes),
            source
                .map(|s| clock(s.elapsed.seconds()))
                .unwrap_or_default(),
            optional(source.and_then(|s| s.avg_heart_rate_bpm)),
            source
                .and_then(|s| s.elevation_gain_m)
                .map(number)
                .unwrap_or_default(),
            source
                .map(|s| iso::write_instant(s.started_at.trunc_subsecs(0)))
                .unwrap_or_default(),
            // A file name is the runner's text too: "=cmd.fit" must not become a formula.
            source.map(|s| typed_text(&s.file_name)).unwrap_or_default(),
        ];
        push_row(&mut csv, &row);
    }
    csv
}

/// What the CSV is made from, as text for the import worker.
pub fn request_to_message(runs: &[Run], shoes: &[Shoe], unit: DistanceUnit) -> String {
    // Records of plain data with string keys: writing them cannot fail, and if it ever did
    // the worker answers the empty request with no CSV, which the page says in words.
    json::to_string(&(runs, shoes, unit)).unwrap_or_default()
}

/// The worker's side of [`request_to_message`]: the CSV, or `None` when the request does
/// not read (the page then says the CSV could not be made).
pub fn answer(request: &str) -> Option<String> {
    let (runs, shoes, unit): (Vec<Run>, Vec<Shoe>, DistanceUnit) =
        crate::domain::import::read_in_worker(request)?;
    Some(runs_csv(&runs, &shoes, unit))
}

fn push_row(csv: &mut String, cells: &[String]) {
    for (index, cell) in cells.iter().enumerate() {
        if index > 0 {
            csv.push(',');
        }
        csv.push_str(&quoted(cell));
    }
    csv.push_str("\r\n");
}

/// RFC 4180: a field holding a comma, a quote or a line break is quoted, its quotes doubled.
fn quoted(cell: &str) -> String {
    if cell.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_string()
    }
}

/// Text the runner typed. A leading apostrophe makes spreadsheets show the cell as text
/// instead of evaluating it (OWASP's advice for CSV injection; tab and CR start formulas too).
fn typed_text(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// A plain decimal a spreadsheet reads as a number: up to three decimals (a metre in km,
/// under two in miles), trailing zeros dropped.
fn number(value: f64) -> String {
    crate::domain::decimals::trimmed(value, 3)
}

/// h:mm:ss, always with hours, so a spreadsheet reads every row as the same kind of time.
fn clock(seconds: u32) -> String {
    format!(
        "{}:{:02}:{:02}",
        seconds / 3600,
        (seconds % 3600) / 60,
        seconds % 60
    )
}

/// m:ss, rounded to the nearest second first so 5:59.6 reads 6:00, never 5:60.
fn minutes_seconds(seconds: f64) -> String {
    if !seconds.is_finite() || seconds < 0.0 {
        return String::new();
    }
    let total = seconds.round() as u64;
    format!("{}:{:02}", total / 60, total % 60)
}

fn score(score: Option<PainScore>) -> String {
    optional(score.map(PainScore::value))
}

fn optional<T: ToString>(value: Option<T>) -> String {
    value.map(|value| value.to_string()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::records::{RecordId, RunKind, Surface};
    use crate::domain::units::{Distance, Duration};

    fn id(text: &str) -> RecordId {
        RecordId::try_from(text.to_string()).unwrap()
    }

    fn run(id_text: &str, date: &str, metres: f64, seconds: u32) -> Run {
        Run::easy(
            id(id_text),
            date.parse().unwrap(),
            Distance::from_metres(metres),
            Duration::from_seconds(seconds),
        )
    }

    fn shoe(id_text: &str, name: &str) -> Shoe {
        Shoe {
            id: id(id_text),
            updated_at: "2026-01-01T00:00:00Z".parse().unwrap(),
            name: name.to_string(),
            added_on: "2026-01-01".parse().unwrap(),
            start_distance: Distance::ZERO,
            retired: false,
        }
    }

    fn lines(csv: &str) -> Vec<&str> {
        csv.trim_start_matches(BYTE_ORDER_MARK)
            .split_terminator("\r\n")
            .collect()
    }

    #[test]
    fn the_worker_makes_the_same_csv_from_the_pages_message() {
        let mut long = run("b", "2026-03-02", 10_000.0, 3_000);
        long.notes = "=SUM(A1), \"hilly\"".to_string();
        long.shoe_id = Some(id("s"));
        let runs = [long, run("a", "2026-03-01", 5_000.0, 1_500)];
        let shoes = [shoe("s", "Pegasus")];
        for unit in [DistanceUnit::Km, DistanceUnit::Mi] {
            let message = request_to_message(&runs, &shoes, unit);
            assert_eq!(answer(&message), Some(runs_csv(&runs, &shoes, unit)));
        }
        assert_eq!(answer(""), None);
        assert_eq!(answer("[[],[]]"), None);
    }

    #[test]
    fn header_names_the_unit() {
        let km = runs_csv(&[], &[], DistanceUnit::Km);
        assert_eq!(
            lines(&km),
            [
                "date,distance_km,duration,duration_seconds,pace_per_km,kind,surface,shoe,\
              pain_during,pain_after,effort,cadence_spm,title,notes,elapsed,avg_heart_rate_bpm,\
              elevation_gain_m,started_at_utc,source_file"
            ]
        );
        let mi = runs_csv(&[], &[], DistanceUnit::Mi);
        assert!(
            lines(&mi)[0].starts_with("date,distance_mi,duration,duration_seconds,pace_per_mi,")
        );
    }

    #[test]
    fn a_full_row_in_km_and_in_miles() {
        let mut tempo = run("r1", "2026-03-04", 10_000.0, 45 * 60 + 30);
        tempo.kind = RunKind::Tempo;
        tempo.surface = Some(Surface::Trail);
        tempo.shoe_id = Some(id("s1"));
        tempo.pain_during = PainScore::new(2);
        tempo.pain_after = PainScore::new(0);
        tempo.effort = Some(7);
        tempo.cadence_spm = Some(172);
        tempo.title = "Track Tuesday".to_string();
        tempo.notes = "felt good".to_string();
        let shoes = [shoe("s1", "Pegasus 40")];

        let km = runs_csv(std::slice::from_ref(&tempo), &shoes, DistanceUnit::Km);
        assert_eq!(
            lines(&km)[1],
            "2026-03-04,10,0:45:30,2730,4:33,Tempo,Trail,Pegasus 40,2,0,7,172,Track Tuesday,felt good,,,,,"
        );
        let mi = runs_csv(&[tempo], &shoes, DistanceUnit::Mi);
        assert_eq!(
            lines(&mi)[1],
            "2026-03-04,6.214,0:45:30,2730,7:19,Tempo,Trail,Pegasus 40,2,0,7,172,Track Tuesday,felt good,,,,,"
        );
    }

    #[test]
    fn empty_optional_fields_are_empty_cells() {
        let csv = runs_csv(
            &[run("r1", "2026-03-04", 5_000.0, 1_800)],
            &[],
            DistanceUnit::Km,
        );
        assert_eq!(
            lines(&csv)[1],
            "2026-03-04,5,0:30:00,1800,6:00,Easy,,,,,,,,,,,,,"
        );
    }

    #[test]
    fn rows_are_sorted_by_date() {
        let runs = [
            run("c", "2026-03-05", 3_000.0, 900),
            run("a", "2025-12-31", 1_000.0, 300),
            run("b", "2026-01-01", 2_000.0, 600),
        ];
        let csv = runs_csv(&runs, &[], DistanceUnit::Km);
        let dates: Vec<&str> = lines(&csv)[1..].iter().map(|line| &line[..10]).collect();
        assert_eq!(dates, ["2025-12-31", "2026-01-01", "2026-03-05"]);
    }

    #[test]
    fn commas_quotes_and_line_breaks_are_quoted() {
        let mut noted = run("r1", "2026-03-04", 5_000.0, 1_800);
        noted.notes = "windy, then \"sunny\"\nknee fine".to_string();
        let csv = runs_csv(&[noted], &[], DistanceUnit::Km);
        assert!(
            csv.ends_with(",\"windy, then \"\"sunny\"\"\nknee fine\",,,,,\r\n"),
            "{csv:?}"
        );
    }

    #[test]
    fn typed_text_cannot_become_a_formula() {
        for (typed, written) in [
            ("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""),
            ("+1", "'+1"),
            ("-3 km", "'-3 km"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("a=b", "a=b"),
        ] {
            let mut noted = run("r1", "2026-03-04", 5_000.0, 1_800);
            noted.notes = typed.to_string();
            noted.shoe_id = Some(id("s1"));
            let csv = runs_csv(&[noted], &[shoe("s1", typed)], DistanceUnit::Km);
            let row = lines(&csv)[1];
            assert!(
                row.ends_with(&format!(",{written},,,,,")),
                "{typed:?} gave {row:?}"
            );
            assert!(
                row.contains(&format!(",{written},")),
                "shoe {typed:?} gave {row:?}"
            );
        }
    }

    #[test]
    fn an_imported_run_brings_its_watch_numbers() {
        use crate::domain::records::{RunSource, SourceFormat};
        use crate::domain::units::Duration;
        let mut imported = run("r1", "2026-03-04", 10_000.0, 3_000);
        imported.source = Some(RunSource {
            file_name: "=evil.fit".to_string(),
            format: SourceFormat::Fit,
            started_at: "2026-03-04T06:30:00Z".parse().unwrap(),
            elapsed: Duration::from_seconds(3_125),
            avg_heart_rate_bpm: Some(148),
            elevation_gain_m: Some(84.5),
        });
        let csv = runs_csv(&[imported], &[], DistanceUnit::Km);
        assert!(
            lines(&csv)[1].ends_with(",0:52:05,148,84.5,2026-03-04T06:30:00Z,'=evil.fit"),
            "{csv:?}"
        );
    }

    #[test]
    fn an_unknown_shoe_is_an_empty_cell() {
        let mut run = run("r1", "2026-03-04", 5_000.0, 1_800);
        run.shoe_id = Some(id("gone"));
        let csv = runs_csv(&[run], &[shoe("s1", "Pegasus")], DistanceUnit::Km);
        assert_eq!(
            lines(&csv)[1],
            "2026-03-04,5,0:30:00,1800,6:00,Easy,,,,,,,,,,,,,"
        );
    }

    #[test]
    fn long_runs_show_hours_and_pace_rounds_into_the_next_minute() {
        // 10 km in 59:56 is 5:59.6 per km: it must read 6:00, never 5:60.
        let csv = runs_csv(
            &[run("r1", "2026-03-04", 10_000.0, 3_596)],
            &[],
            DistanceUnit::Km,
        );
        assert!(lines(&csv)[1].starts_with("2026-03-04,10,0:59:56,3596,6:00,"));
        let ultra = runs_csv(
            &[run("r1", "2026-03-04", 100_000.0, 11 * 3600 + 5)],
            &[],
            DistanceUnit::Km,
        );
        assert!(lines(&ultra)[1].starts_with("2026-03-04,100,11:00:05,39605,6:36,"));
    }

    #[test]
    fn the_file_starts_with_a_byte_order_mark_for_excel() {
        assert!(runs_csv(&[], &[], DistanceUnit::Km).starts_with('\u{feff}'));
    }
}
