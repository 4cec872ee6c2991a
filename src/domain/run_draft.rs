//! Records as typed into the Log screen's forms, before they are records: each field is
//! checked on its own so every mistake gets its message at its field, and nothing is saved
//! until all are right. Runs, daily pain entries and shoes.

use chrono::{DateTime, NaiveDate, Utc};

use crate::domain::records::{
    earliest_record_date, faster_than_anyone, KneeArea, PainEntry, PainScore, RecordId, Run,
    RunKind, Shoe, Surface,
};
use crate::domain::units::{
    parse_distance, parse_duration, Distance, DistanceUnit, Duration, Pace,
};

/// Longest note kept with a record, in characters.
pub const MAX_NOTE_CHARS: usize = 2000;

/// The text of the run form's fields as the runner typed them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RunDraft {
    pub date: String,
    pub distance: String,
    pub duration: String,
    pub kind: RunKind,
    pub surface: Option<Surface>,
    pub shoe_id: Option<RecordId>,
    pub pain_during: String,
    pub pain_after: String,
    pub effort: String,
    pub cadence: String,
    pub notes: String,
}

/// A message per field that is wrong.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DraftErrors {
    pub date: Option<String>,
    pub distance: Option<String>,
    pub duration: Option<String>,
    pub pain_during: Option<String>,
    pub pain_after: Option<String>,
    pub effort: Option<String>,
    pub cadence: Option<String>,
    pub notes: Option<String>,
}

impl DraftErrors {
    pub fn is_empty(&self) -> bool {
        *self == DraftErrors::default()
    }
}

/// What a correct run draft says; becomes a [`Run`] with an id and a time.
#[derive(Clone, Debug, PartialEq)]
pub struct CheckedRun {
    pub date: NaiveDate,
    pub distance: Distance,
    pub duration: Duration,
    pub kind: RunKind,
    pub surface: Option<Surface>,
    pub shoe_id: Option<RecordId>,
    pub pain_during: Option<PainScore>,
    pub pain_after: Option<PainScore>,
    pub effort: Option<u8>,
    pub cadence_spm: Option<u16>,
    pub notes: String,
}

impl CheckedRun {
    pub fn into_run(self, id: RecordId, updated_at: DateTime<Utc>) -> Run {
        Run {
            id,
            updated_at,
            date: self.date,
            distance: self.distance,
            duration: self.duration,
            kind: self.kind,
            surface: self.surface,
            shoe_id: self.shoe_id,
            pain_during: self.pain_during,
            pain_after: self.pain_after,
            effort: self.effort,
            cadence_spm: self.cadence_spm,
            notes: self.notes,
            source: None,
        }
    }

    /// An edit of a run already in the log: same id, and an imported run keeps the file
    /// it came from (its start instant finds the run again on a later import). The form
    /// shows distances to two decimals in `unit`; one left as shown keeps the stored value,
    /// so a watch's 10.043 km is not cut to 10.04 by an edit of the notes.
    pub fn into_edit_of(
        self,
        existing: &Run,
        unit: DistanceUnit,
        updated_at: DateTime<Utc>,
    ) -> Run {
        let distance =
            if distance_text(self.distance, unit) == distance_text(existing.distance, unit) {
                existing.distance
            } else {
                self.distance
            };
        Run {
            distance,
            source: existing.source.clone(),
            ..self.into_run(existing.id.clone(), updated_at)
        }
    }
}

/// Faster than this many seconds a kilometre no one runs (world records are about 2:30 /km
/// over 1,500 m); a typed time that gives it is a slip, most often minutes for hours.
const FASTEST_SECONDS_PER_KM: f64 = 120.0;

/// Refuses a time that would make the run faster than any runner, saying how times are typed.
fn check_pace(
    distance: Distance,
    duration: Duration,
    unit: DistanceUnit,
) -> Result<Duration, String> {
    match Pace::of(distance, duration) {
        Some(pace)
            if pace.seconds_per_km() < FASTEST_SECONDS_PER_KM
                || faster_than_anyone(distance, duration) =>
        {
            Err(format!(
                "That is {} for {}, faster than any runner. Check the time: 45 or 45:00 is 45 \
             minutes, 1:05:00 is an hour and 5 minutes.",
                pace.display(unit),
                distance.display(unit)
            ))
        }
        _ => Ok(duration),
    }
}

/// A day typed as year-month-day ("2026-11-27"): the date field's own format, read by the
/// same code as stored dates (chrono's parsers would bring their general format parser
/// into the page's wasm for the same result).
fn parse_day(text: &str) -> Option<NaiveDate> {
    crate::domain::iso::parse_day(text)
}

pub fn check_date(text: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err("Enter the day.".into());
    }
    let date = parse_day(text)
        .ok_or_else(|| "Enter the date as year-month-day, like 2026-11-27.".to_string())?;
    if date > today.succ_opt().unwrap_or(today) {
        return Err("That day has not happened yet.".into());
    }
    if date < earliest_record_date() {
        return Err(format!("Enter a date from {} on.", earliest_record_date()));
    }
    Ok(date)
}

/// An optional whole number in `range`; empty means not given.
fn optional_number(
    text: &str,
    range: std::ops::RangeInclusive<u16>,
    what: &str,
) -> Result<Option<u16>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    text.parse::<u16>()
        .ok()
        .filter(|n| range.contains(n))
        .map(Some)
        .ok_or_else(|| {
            format!(
                "{what} is a whole number from {} to {}.",
                range.start(),
                range.end()
            )
        })
}

fn optional_pain(text: &str) -> Result<Option<PainScore>, String> {
    let score = optional_number(text, 0..=10, "Pain")?;
    Ok(score
        .and_then(|s| u8::try_from(s).ok())
        .and_then(PainScore::new))
}

/// A pain score the runner must give (after a session, in the daily entry).
pub fn required_pain(text: &str) -> Result<PainScore, String> {
    match optional_pain(text) {
        Ok(Some(score)) => Ok(score),
        Ok(None) => Err("Enter your pain from 0 (none) to 10 (worst).".to_string()),
        Err(e) => Err(e),
    }
}

fn check_note(text: &str) -> Result<String, String> {
    let text = text.trim();
    if text.chars().count() > MAX_NOTE_CHARS {
        return Err(format!("Keep notes under {MAX_NOTE_CHARS} characters."));
    }
    Ok(text.to_string())
}

/// Shows a distance for editing: in the runner's unit, at most two decimals.
pub fn distance_text(distance: Distance, unit: DistanceUnit) -> String {
    let shown = distance.display(unit);
    shown
        .trim_end_matches(unit.abbreviation())
        .trim()
        .to_string()
}

impl RunDraft {
    /// A fresh draft for today, with the default shoe chosen.
    pub fn new(today: NaiveDate, default_shoe: Option<RecordId>) -> Self {
        RunDraft {
            date: today.to_string(),
            shoe_id: default_shoe,
            ..RunDraft::default()
        }
    }

    /// The day before the one in the date field, for logging past runs one after another;
    /// the day before today when the field holds no date.
    pub fn day_before(typed: &str, today: NaiveDate) -> NaiveDate {
        let from = parse_day(typed.trim()).unwrap_or(today);
        from.pred_opt().unwrap_or(from)
    }

    /// The form filled with a logged run, for editing.
    pub fn from_run(run: &Run, unit: DistanceUnit) -> Self {
        let number = |n: Option<u16>| n.map(|n| n.to_string()).unwrap_or_default();
        RunDraft {
            date: run.date.to_string(),
            distance: distance_text(run.distance, unit),
            duration: run.duration.display(),
            kind: run.kind,
            surface: run.surface,
            shoe_id: run.shoe_id.clone(),
            pain_during: number(run.pain_during.map(|p| u16::from(p.value()))),
            pain_after: number(run.pain_after.map(|p| u16::from(p.value()))),
            effort: number(run.effort.map(u16::from)),
            cadence: number(run.cadence_spm),
            notes: run.notes.clone(),
        }
    }

    pub fn check(
        &self,
        unit: DistanceUnit,
        today: NaiveDate,
    ) -> Result<CheckedRun, Box<DraftErrors>> {
        let date = check_date(&self.date, today).map_err(|e| {
            if self.date.trim().is_empty() {
                "Enter the day of the run.".to_string()
            } else {
                e
            }
        });
        let distance = parse_distance(&self.distance, unit).map_err(|e| e.to_string());
        let duration = parse_duration(&self.duration)
            .map_err(|e| e.to_string())
            .and_then(|duration| match &distance {
                Ok(distance) => check_pace(*distance, duration, unit),
                Err(_) => Ok(duration),
            });
        let pain_during = optional_pain(&self.pain_during);
        let pain_after = optional_pain(&self.pain_after);
        let effort = optional_number(&self.effort, 1..=10, "Effort")
            .map(|e| e.and_then(|e| u8::try_from(e).ok()));
        let cadence = optional_number(&self.cadence, 60..=260, "Cadence (steps per minute)");
        let notes = check_note(&self.notes);
        match (
            date,
            distance,
            duration,
            pain_during,
            pain_after,
            effort,
            cadence,
            notes,
        ) {
            (
                Ok(date),
                Ok(distance),
                Ok(duration),
                Ok(pain_during),
                Ok(pain_after),
                Ok(effort),
                Ok(cadence_spm),
                Ok(notes),
            ) => Ok(CheckedRun {
                date,
                distance,
                duration,
                kind: self.kind,
                surface: self.surface,
                shoe_id: self.shoe_id.clone(),
                pain_during,
                pain_after,
                effort,
                cadence_spm,
                notes,
            }),
            (date, distance, duration, pain_during, pain_after, effort, cadence, notes) => {
                Err(Box::new(DraftErrors {
                    date: date.err(),
                    distance: distance.err(),
                    duration: duration.err(),
                    pain_during: pain_during.err(),
                    pain_after: pain_after.err(),
                    effort: effort.err(),
                    cadence: cadence.err(),
                    notes: notes.err(),
                }))
            }
        }
    }
}

/// The daily pain entry as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PainDraft {
    pub date: String,
    pub pain: String,
    pub areas: Vec<KneeArea>,
    pub morning_stiffness: bool,
    pub note: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PainErrors {
    pub date: Option<String>,
    pub pain: Option<String>,
    pub note: Option<String>,
}

impl PainDraft {
    pub fn check(
        &self,
        today: NaiveDate,
        id: RecordId,
        updated_at: DateTime<Utc>,
    ) -> Result<PainEntry, PainErrors> {
        let date = check_date(&self.date, today);
        let pain = required_pain(&self.pain);
        let note = check_note(&self.note);
        match (date, pain, note) {
            (Ok(date), Ok(pain), Ok(note)) => {
                let mut areas = self.areas.clone();
                crate::domain::sort::sort(&mut areas);
                areas.dedup();
                Ok(PainEntry {
                    id,
                    updated_at,
                    date,
                    pain,
                    areas,
                    morning_stiffness: self.morning_stiffness,
                    note,
                })
            }
            (date, pain, note) => Err(PainErrors {
                date: date.err(),
                pain: pain.err(),
                note: note.err(),
            }),
        }
    }
}

/// A new pair of shoes as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ShoeDraft {
    pub name: String,
    pub start_distance: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ShoeErrors {
    pub name: Option<String>,
    pub start_distance: Option<String>,
}

impl ShoeDraft {
    pub fn check(
        &self,
        unit: DistanceUnit,
        today: NaiveDate,
        id: RecordId,
        updated_at: DateTime<Utc>,
    ) -> Result<Shoe, ShoeErrors> {
        let name = self.name.trim();
        let name = if name.is_empty() {
            Err("Give the shoes a name you will recognise, like \"Blue trainers\".".to_string())
        } else if name.chars().count() > 80 {
            Err("Keep the name under 80 characters.".to_string())
        } else {
            Ok(name.to_string())
        };
        let start = if self.start_distance.trim().is_empty() {
            Ok(Distance::ZERO)
        } else {
            let value = self.start_distance.trim().replace(',', ".").parse::<f64>();
            match value {
                Ok(v) if v.is_finite() && v >= 0.0 && Distance::from_unit(v, unit).metres() <= 10_000_000.0 => {
                    Ok(Distance::from_unit(v, unit))
                }
                _ => Err(format!(
                    "Enter the distance already on them in {}, like 120, or leave it empty for new shoes.",
                    unit.abbreviation()
                )),
            }
        };
        match (name, start) {
            (Ok(name), Ok(start_distance)) => Ok(Shoe {
                id,
                updated_at,
                name,
                added_on: today,
                start_distance,
                retired: false,
            }),
            (name, start) => Err(ShoeErrors {
                name: name.err(),
                start_distance: start.err(),
            }),
        }
    }
}

/// The shoe replacement distance as typed in Settings. The seed's range is 300–500 mi
/// (about 480–800 km); anything from 100 to 3,000 km is the runner's call.
pub fn check_shoe_threshold(text: &str, unit: DistanceUnit) -> Result<Distance, String> {
    let refuse = || {
        format!(
            "Enter a distance from {} to {}, like {}.",
            Distance::from_metres(100_000.0).display(unit),
            Distance::from_metres(3_000_000.0).display(unit),
            match unit {
                DistanceUnit::Km => "800",
                DistanceUnit::Mi => "500",
            }
        )
    };
    let value: f64 = text
        .trim()
        .replace(',', ".")
        .parse()
        .map_err(|_| refuse())?;
    let distance = Distance::from_unit(value, unit);
    let km = distance.in_unit(DistanceUnit::Km);
    // A hair of slack so 62.14 mi (100 km) typed back is accepted; what is kept is brought
    // inside the range exactly, as the stored settings (and so every backup) must be.
    if km.is_finite() && (99.99..=3000.01).contains(&km) {
        Ok(Distance::from_metres(
            distance.metres().clamp(100_000.0, 3_000_000.0),
        ))
    } else {
        Err(refuse())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
    }

    fn now() -> DateTime<Utc> {
        "2026-11-27T10:00:00Z".parse().unwrap()
    }

    fn draft(date: &str, distance: &str, duration: &str) -> RunDraft {
        RunDraft {
            date: date.into(),
            distance: distance.into(),
            duration: duration.into(),
            ..RunDraft::default()
        }
    }

    #[test]
    fn a_time_faster_than_any_runner_is_refused_with_how_to_type_it() {
        // 10 km in "1" (one minute), as someone meaning an hour might type.
        let errors = draft("2026-11-27", "10", "1")
            .check(DistanceUnit::Km, today())
            .unwrap_err();
        let message = errors.duration.unwrap_or_default();
        assert!(
            message.starts_with("That is 0:06 /km for 10 km, faster than any runner."),
            "{message}"
        );
        assert_eq!(errors.distance, None);
        // A fast but real time passes: 5 km in 13:00 is 2:36 /km.
        assert!(draft("2026-11-27", "5", "13:00")
            .check(DistanceUnit::Km, today())
            .is_ok());
        assert!(draft("2026-11-27", "3.1", "14:00")
            .check(DistanceUnit::Mi, today())
            .is_ok());
    }

    #[test]
    fn a_good_draft_becomes_a_run() {
        let checked = draft("2026-11-27", "5.2", "28:30")
            .check(DistanceUnit::Km, today())
            .unwrap();
        assert_eq!(checked.distance.metres(), 5200.0);
        assert_eq!(checked.duration.seconds(), 1710);
        assert_eq!(checked.kind, RunKind::Easy);
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

    #[test]
    fn optional_fields_are_checked_when_given() {
        let mut full = draft("2026-11-27", "10", "55:00");
        full.pain_during = "3".into();
        full.pain_after = "".into();
        full.effort = "7".into();
        full.cadence = "172".into();
        let checked = full.check(DistanceUnit::Km, today()).unwrap();
        assert_eq!(checked.pain_during.map(PainScore::value), Some(3));
        assert_eq!(checked.pain_after, None);
        assert_eq!(checked.effort, Some(7));
        assert_eq!(checked.cadence_spm, Some(172));

        full.pain_during = "14".into();
        full.effort = "0".into();
        full.cadence = "fast".into();
        let errors = full.check(DistanceUnit::Km, today()).unwrap_err();
        assert_eq!(
            errors.pain_during.as_deref(),
            Some("Pain is a whole number from 0 to 10.")
        );
        assert_eq!(
            errors.effort.as_deref(),
            Some("Effort is a whole number from 1 to 10.")
        );
        assert!(errors.cadence.unwrap().starts_with("Cadence"));
    }

    #[test]
    fn editing_shows_the_run_as_typed_in_the_runners_unit() {
        let run = draft("2026-11-20", "10", "1:01:00")
            .check(DistanceUnit::Km, today())
            .unwrap()
            .into_run(RecordId::from_random_bits(7), now());
        let again = RunDraft::from_run(&run, DistanceUnit::Mi);
        assert_eq!(again.distance, "6.21");
        assert_eq!(again.duration, "1:01:00");
        assert_eq!(
            RunDraft::from_run(&run, DistanceUnit::Km)
                .check(DistanceUnit::Km, today())
                .unwrap()
                .into_run(run.id.clone(), run.updated_at),
            run
        );
    }

    #[test]
    fn editing_an_imported_run_keeps_its_source_and_id() {
        use crate::domain::records::{RunSource, SourceFormat};
        let mut imported = draft("2026-11-20", "10.043", "50:00")
            .check(DistanceUnit::Km, today())
            .unwrap()
            .into_run(RecordId::from_random_bits(9), now());
        imported.source = Some(RunSource {
            file_name: "run.fit".into(),
            format: SourceFormat::Fit,
            started_at: now(),
            elapsed: crate::domain::units::Duration::from_seconds(3100),
            avg_heart_rate_bpm: Some(150),
            elevation_gain_m: None,
        });
        let mut form = RunDraft::from_run(&imported, DistanceUnit::Km);
        form.notes = "felt good".into();
        let edited = form.check(DistanceUnit::Km, today()).unwrap().into_edit_of(
            &imported,
            DistanceUnit::Km,
            now(),
        );
        assert_eq!(edited.id, imported.id);
        assert_eq!(edited.source, imported.source);
        assert_eq!(edited.notes, "felt good");
        // The distance the form showed as 10.04 and the runner left alone stays exact…
        assert_eq!(form.distance, "10.04");
        assert_eq!(edited.distance.metres(), 10_043.0);
        // …and one they changed is what they typed.
        form.distance = "10.1".into();
        let changed = form.check(DistanceUnit::Km, today()).unwrap();
        let changed = changed.into_edit_of(&imported, DistanceUnit::Km, now());
        assert_eq!(changed.distance.metres(), 10_100.0);
    }

    #[test]
    fn a_pain_entry_needs_a_score() {
        let mut entry = PainDraft {
            date: "2026-11-27".into(),
            ..PainDraft::default()
        };
        let errors = entry
            .check(today(), RecordId::from_random_bits(1), now())
            .unwrap_err();
        assert!(errors.pain.unwrap().starts_with("Enter your pain"));
        entry.pain = "4".into();
        entry.areas = vec![KneeArea::Outer, KneeArea::Front, KneeArea::Outer];
        let saved = entry
            .check(today(), RecordId::from_random_bits(1), now())
            .unwrap();
        assert_eq!(saved.pain.value(), 4);
        assert_eq!(saved.areas, [KneeArea::Front, KneeArea::Outer]);
    }

    #[test]
    fn a_shoe_needs_a_name_and_a_sane_starting_distance() {
        let id = RecordId::from_random_bits(2);
        let errors = ShoeDraft {
            name: " ".into(),
            start_distance: "-5".into(),
        }
        .check(DistanceUnit::Mi, today(), id.clone(), now())
        .unwrap_err();
        assert!(errors.name.is_some() && errors.start_distance.is_some());
        let shoe = ShoeDraft {
            name: "Blue trainers".into(),
            start_distance: "100".into(),
        }
        .check(DistanceUnit::Mi, today(), id, now())
        .unwrap();
        assert!((shoe.start_distance.metres() - 160_934.4).abs() < 1e-6);
    }

    #[test]
    fn shoe_threshold_within_reason_in_either_unit() {
        assert_eq!(
            check_shoe_threshold("500", DistanceUnit::Mi).map(|d| d.metres().round()),
            Ok(804_672.0)
        );
        assert!(check_shoe_threshold("800", DistanceUnit::Km).is_ok());
        assert_eq!(
            check_shoe_threshold("50", DistanceUnit::Km),
            Err("Enter a distance from 100 km to 3000 km, like 800.".to_string())
        );
        // Just outside the range, in the slack: kept at the edge, so the settings stay valid.
        for (text, unit, metres) in [
            ("99.995", DistanceUnit::Km, 100_000.0),
            ("3000.005", DistanceUnit::Km, 3_000_000.0),
        ] {
            let threshold = check_shoe_threshold(text, unit);
            assert_eq!(threshold.map(|d| d.metres()), Ok(metres), "{text}");
            let settings = crate::domain::records::Settings {
                shoe_threshold: Distance::from_metres(metres),
                ..Default::default()
            };
            use crate::domain::records::Validate;
            assert!(settings.problems(today()).is_empty(), "{text}");
        }
        assert!(check_shoe_threshold("lots", DistanceUnit::Mi).is_err());
        assert!(check_shoe_threshold("NaN", DistanceUnit::Mi).is_err());
    }

    #[test]
    fn a_day_earlier_steps_back_from_the_date_typed() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap_or_default();
        let day = |text| RunDraft::day_before(text, today).to_string();
        assert_eq!(day("2026-11-20"), "2026-11-19");
        assert_eq!(day("2026-03-01"), "2026-02-28");
        assert_eq!(day(""), "2026-11-28");
        assert_eq!(day("not a date"), "2026-11-28");
    }
}
