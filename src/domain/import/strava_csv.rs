//! Strava's bulk export `activities.csv`: one row per activity.
//!
//! The header repeats some names: the first `Elapsed Time` and `Distance` are the summary
//! columns (distance in the athlete's unit, usually km), the later ones the detailed
//! columns in seconds and metres. The last column of a name wins; a file with a single
//! `Distance` column is read in kilometres, as Strava's summary column is.
//!
//! - `Activity Date` is UTC, written `Jan 2, 2024, 7:05:09 AM` (ISO `2024-01-02 07:05:09`
//!   is accepted too).
//! - Moving time `Moving Time`, else the elapsed time.
//! - `Average Cadence` is per leg for runs, as Strava stores it: doubled to steps per minute.
//! - Rows that are not runs are skipped with the reason; a running row whose date or
//!   distance cannot be read is skipped saying which row and why.

use chrono::{DateTime, NaiveDateTime, Utc};

use super::csv_rows;
use super::{
    truncate_chars, ActivitySummary, Format, ImportError, Parsed, SkipReason, Skipped, Sport,
};

const DATE: &str = "Activity Date";
const TYPE: &str = "Activity Type";

/// Whether the first line looks like Strava's header.
pub fn looks_like_strava(text: &str) -> bool {
    let first_line = text.lines().next().unwrap_or("");
    first_line.contains(DATE) && first_line.contains(TYPE)
}

struct Columns {
    header: Vec<String>,
}

impl Columns {
    /// The last column with this name.
    fn last(&self, name: &str) -> Option<usize> {
        self.header.iter().rposition(|h| h.trim() == name)
    }

    fn count(&self, name: &str) -> usize {
        self.header.iter().filter(|h| h.trim() == name).count()
    }
}

fn cell(row: &[String], index: Option<usize>) -> Option<&str> {
    index
        .and_then(|i| row.get(i))
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
}

fn number(row: &[String], index: Option<usize>) -> Option<f64> {
    cell(row, index)
        .and_then(|s| s.replace(',', "").parse::<f64>().ok())
        .filter(|v| v.is_finite() && *v >= 0.0)
}

fn parse_date(text: &str) -> Option<DateTime<Utc>> {
    const FORMATS: [&str; 3] = [
        "%b %d, %Y, %I:%M:%S %p",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M:%S",
    ];
    let text = text.trim().trim_end_matches('Z');
    FORMATS
        .iter()
        .find_map(|format| NaiveDateTime::parse_from_str(text, format).ok())
        .map(|naive| naive.and_utc())
}

pub fn parse(name: &str, text: &str) -> Result<Parsed, ImportError> {
    let mut rows = csv_rows::rows(text).into_iter();
    let header = rows.next().ok_or(ImportError::NoActivities)?;
    let columns = Columns { header };
    let (Some(date_col), Some(type_col)) = (columns.last(DATE), columns.last(TYPE)) else {
        return Err(ImportError::NotStravaCsv);
    };
    let name_col = columns.last("Activity Name");
    let distance_col = columns.last("Distance");
    let distance_in_km = columns.count("Distance") == 1;
    let elapsed_col = columns.last("Elapsed Time");
    let moving_col = columns.last("Moving Time");
    let cadence_col = columns.last("Average Cadence");
    let hr_col = columns.last("Average Heart Rate");
    let climb_col = columns.last("Elevation Gain");

    let mut parsed = Parsed::default();
    for (index, row) in rows.enumerate() {
        // Row 1 is the header; people count the first activity as row 2, as a
        // spreadsheet shows it.
        let row_number = index + 2;
        let title = cell(&row, name_col).map(|t| truncate_chars(t, 120));
        let sport = Sport::from_name(cell(&row, Some(type_col)).unwrap_or(""));
        let unreadable = |why: &str| Skipped {
            summary: None,
            reason: SkipReason::Unreadable(format!(
                "Row {row_number}{}: {why}",
                title
                    .as_deref()
                    .map(|t| format!(" (\"{t}\")"))
                    .unwrap_or_default()
            )),
        };
        let Some(start) = cell(&row, Some(date_col)).and_then(parse_date) else {
            parsed.skipped.push(unreadable("the date can't be read."));
            continue;
        };
        let distance_m = if distance_in_km {
            number(&row, distance_col).map(|km| km * 1000.0)
        } else {
            number(&row, distance_col)
        };
        let Some(distance_m) = distance_m else {
            parsed
                .skipped
                .push(unreadable("the distance can't be read."));
            continue;
        };
        let elapsed = number(&row, elapsed_col);
        let moving = number(&row, moving_col);
        let Some(elapsed_s) = elapsed.or(moving) else {
            parsed.skipped.push(unreadable("the time can't be read."));
            continue;
        };
        let per_leg = number(&row, cadence_col).filter(|c| *c > 0.0);
        let avg_cadence_spm = per_leg.map(|c| if sport.is_on_foot() { c * 2.0 } else { c });
        parsed.push(ActivitySummary {
            sport,
            start: Some(start),
            distance_m,
            moving_s: moving.unwrap_or(elapsed_s),
            elapsed_s,
            avg_cadence_spm,
            avg_hr: number(&row, hr_col).filter(|hr| *hr > 0.0),
            elevation_gain_m: number(&row, climb_col),
            title,
            source_name: name.to_string(),
            format: Format::StravaCsv,
        });
    }
    if parsed.activities.is_empty() && parsed.skipped.is_empty() {
        return Err(ImportError::NoActivities);
    }
    Ok(parsed)
}

#[cfg(test)]
mod tests {
    use super::super::parse_file;
    use super::*;

    /// The real export's header, as far as the columns read here (it goes on for 80).
    const HEADER: &str = "Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,Distance,Max Heart Rate,Relative Effort,Commute,Activity Private Note,Activity Gear,Filename,Athlete Weight,Bike Weight,Elapsed Time,Moving Time,Distance,Max Speed,Average Speed,Elevation Gain,Elevation Loss,Elevation Low,Elevation High,Max Grade,Average Grade,Average Positive Grade,Average Negative Grade,Max Cadence,Average Cadence,Max Heart Rate,Average Heart Rate";

    fn export() -> String {
        [
            HEADER,
            "101,\"Jan 2, 2024, 7:05:09 AM\",\"Easy, by the river\",Run,\"Felt \"\"fine\"\",\nknee quiet\",2700,8.10,160,40,false,,Pegasus,activities/101.fit.gz,,,2700,2580,8103.4,4.1,3.14,45.5,44,10,30,5,0,2,-2,95,84.5,160,142.3",
            "102,\"Jan 3, 2024, 5:30:00 PM\",Commute,Ride,,1800,12.00,150,20,true,,,,,,1800,1750,12004.0,11,6.8,60,58,10,40,4,0,2,-2,100,80,150,120",
            "103,\"Jan 4, 2024, 6:00:00 AM\",Broken,Run,,1800,,150,20,false,,,,,,1800,1750,,,,,,,,,,,,,,,",
        ]
        .join("\r\n")
    }

    #[test]
    fn running_rows_become_activities_with_metres_and_doubled_cadence() {
        let parsed = parse_file("activities.csv", export().as_bytes()).unwrap();
        assert_eq!(parsed.activities.len(), 1);
        let run = &parsed.activities[0];
        assert_eq!(run.sport, Sport::Running);
        assert_eq!(run.title.as_deref(), Some("Easy, by the river"));
        assert_eq!(run.start, "2024-01-02T07:05:09Z".parse().ok());
        // The detailed Distance column, in metres, not the summary's 8.10 km.
        assert_eq!(run.distance_m, 8103.4);
        assert_eq!(run.elapsed_s, 2700.0);
        assert_eq!(run.moving_s, 2580.0);
        // Strava stores run cadence per leg: 84.5 strides/min is 169 steps/min.
        assert_eq!(run.avg_cadence_spm, Some(169.0));
        assert_eq!(run.avg_hr, Some(142.3));
        assert_eq!(run.elevation_gain_m, Some(45.5));
        assert_eq!(run.format, Format::StravaCsv);
    }

    #[test]
    fn rides_and_unreadable_rows_are_skipped_with_reasons() {
        let parsed = parse_file("activities.csv", export().as_bytes()).unwrap();
        assert_eq!(parsed.skipped.len(), 2);
        assert_eq!(
            parsed.skipped[0].reason,
            SkipReason::NotARun(Sport::Cycling)
        );
        assert_eq!(
            parsed.skipped[0].reason.to_string(),
            "This is a ride, not a run."
        );
        assert_eq!(
            parsed.skipped[1].reason.to_string(),
            "Row 4 (\"Broken\"): the distance can't be read."
        );
    }

    #[test]
    fn a_single_distance_column_is_kilometres() {
        let text = "Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Distance\n9001,2026-08-10 06:12:00,Morning Run,Run,2700,8.1\n";
        let parsed = parse_file("activities.csv", text.as_bytes()).unwrap();
        assert_eq!(parsed.activities[0].distance_m, 8100.0);
        assert_eq!(parsed.activities[0].moving_s, 2700.0);
    }

    #[test]
    fn another_csv_is_refused() {
        assert_eq!(
            parse_file("runs.csv", b"date,distance\n2024-01-01,5\n"),
            Err(ImportError::NotStravaCsv)
        );
    }
}
