//! A run as typed into the form, before it is a record: each field checked on its own so
//! every mistake gets its message at its field, and nothing is saved until all are right.

use chrono::NaiveDate;

use crate::domain::records::earliest_record_date;
use crate::domain::units::{parse_distance, parse_duration, Distance, DistanceUnit, Duration};

/// The text of the three fields as the runner typed them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RunDraft {
    pub date: String,
    pub distance: String,
    pub duration: String,
}

/// A message per field that is wrong.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DraftErrors {
    pub date: Option<String>,
    pub distance: Option<String>,
    pub duration: Option<String>,
}

/// What a correct draft says.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CheckedRun {
    pub date: NaiveDate,
    pub distance: Distance,
    pub duration: Duration,
}

fn check_date(text: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err("Enter the day of the run.".into());
    }
    let date = NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| "Enter the date as year-month-day, like 2026-11-27.".to_string())?;
    if date > today.succ_opt().unwrap_or(today) {
        return Err("That day has not happened yet.".into());
    }
    if date < earliest_record_date() {
        return Err(format!("Enter a date from {} on.", earliest_record_date()));
    }
    Ok(date)
}

impl RunDraft {
    pub fn check(&self, unit: DistanceUnit, today: NaiveDate) -> Result<CheckedRun, DraftErrors> {
        let date = check_date(&self.date, today);
        let distance = parse_distance(&self.distance, unit).map_err(|e| e.to_string());
        let duration = parse_duration(&self.duration).map_err(|e| e.to_string());
        match (date, distance, duration) {
            (Ok(date), Ok(distance), Ok(duration)) => Ok(CheckedRun {
                date,
                distance,
                duration,
            }),
            (date, distance, duration) => Err(DraftErrors {
                date: date.err(),
                distance: distance.err(),
                duration: duration.err(),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
    }

    fn draft(date: &str, distance: &str, duration: &str) -> RunDraft {
        RunDraft {
            date: date.into(),
            distance: distance.into(),
            duration: duration.into(),
        }
    }

    #[test]
    fn a_good_draft_becomes_a_run() {
        let checked = draft("2026-11-27", "5.2", "28:30")
            .check(DistanceUnit::Km, today())
            .unwrap();
        assert_eq!(checked.distance.metres(), 5200.0);
        assert_eq!(checked.duration.seconds(), 1710);
    }

    #[test]
    fn every_wrong_field_gets_its_own_message() {
        let errors = draft("", "-3", "25:99")
            .check(DistanceUnit::Km, today())
            .unwrap_err();
        assert_eq!(errors.date.as_deref(), Some("Enter the day of the run."));
        assert_eq!(
            errors.distance.as_deref(),
            Some("The distance must be more than zero.")
        );
        assert_eq!(
            errors.duration.as_deref(),
            Some("Seconds go up to 59: 25:99 is not a time.")
        );
    }

    #[test]
    fn only_the_wrong_field_is_flagged() {
        let errors = draft("2026-11-27", "900", "45")
            .check(DistanceUnit::Km, today())
            .unwrap_err();
        assert!(errors.date.is_none() && errors.duration.is_none());
        assert!(errors
            .distance
            .unwrap()
            .starts_with("That is longer than any single run"));
    }

    #[test]
    fn dates_must_be_real_and_not_ahead() {
        let unit = DistanceUnit::Km;
        assert!(draft("2026-11-28", "5", "30").check(unit, today()).is_ok());
        let late = draft("2026-11-29", "5", "30")
            .check(unit, today())
            .unwrap_err();
        assert_eq!(late.date.as_deref(), Some("That day has not happened yet."));
        let bad = draft("2026-02-30", "5", "30")
            .check(unit, today())
            .unwrap_err();
        assert!(bad.date.unwrap().starts_with("Enter the date as"));
        assert!(draft("1949-12-31", "5", "30").check(unit, today()).is_err());
    }
}
