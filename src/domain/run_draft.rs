//! Records as typed into the Log screen's forms, before they are records: each field is
//! checked on its own so every mistake gets its message at its field, and nothing is saved
//! until all are right. Runs, daily pain entries and shoes.

use chrono::{DateTime, NaiveDate, Utc};

use crate::domain::form::{form_fields, Control, FieldErrors, Keyboard, Typed};
use crate::domain::locale::DateStyle;
use crate::domain::records::{
    earliest_record_date, faster_than_anyone, KneeArea, PainEntry, PainScore, RecordId, Run,
    RunKind, Shoe, Surface, MAX_TITLE_CHARS,
};
use crate::domain::units::{
    parse_distance, parse_duration, Distance, DistanceUnit, Duration, Pace,
};

/// Longest note kept with a record, in characters.
pub const MAX_NOTE_CHARS: usize = 2000;

form_fields! {
    /// The run form's fields, top to bottom.
    pub enum RunField {
        Date => "run-date", "Date", Control::Day;
        Distance => "run-distance", "Distance", Control::Line(Keyboard::Decimal);
        Duration => "run-duration", "Duration", Control::Line(Keyboard::Decimal);
        Kind => "run-kind", "Type", Control::Choice;
        Surface => "run-surface", "Surface", Control::Choice;
        Shoe => "run-shoe", "Shoe", Control::Choice;
        PainDuring => "run-pain-during", "Pain during (0–10)", Control::Line(Keyboard::Numeric);
        PainAfter => "run-pain-after", "Pain after (0–10)", Control::Line(Keyboard::Numeric);
        Effort => "run-effort", "Effort (1 easy – 10 all out)", Control::Line(Keyboard::Numeric);
        Cadence => "run-cadence", "Cadence (steps per minute)", Control::Line(Keyboard::Numeric);
        Title => "run-title", "Name", Control::Line(Keyboard::Text);
        Notes => "run-notes", "Notes", Control::Paragraph;
    }
}

/// The run form as typed.
pub type RunDraft = Typed<RunField>;

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
    pub title: String,
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
            title: self.title,
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

/// Free text, trimmed, at most `max` characters ("Keep notes under 2000 characters.").
fn check_text(text: &str, max: usize, what: &str) -> Result<String, String> {
    let text = text.trim();
    if text.chars().count() > max {
        return Err(format!("Keep {what} under {max} characters."));
    }
    Ok(text.to_string())
}

fn check_note(text: &str) -> Result<String, String> {
    check_text(text, MAX_NOTE_CHARS, "notes")
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
        RunDraft::default()
            .with(RunField::Date, today.to_string())
            .with(RunField::Kind, RunKind::default().label())
            .with(
                RunField::Shoe,
                default_shoe.map(|id| id.to_string()).unwrap_or_default(),
            )
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
        let pain = |p: Option<PainScore>| number(p.map(|p| u16::from(p.value())));
        RunDraft::default()
            .with(RunField::Date, run.date.to_string())
            .with(RunField::Distance, distance_text(run.distance, unit))
            .with(RunField::Duration, run.duration.display())
            .with(RunField::Kind, run.kind.label())
            .with(RunField::Surface, run.surface.map_or("", Surface::label))
            .with(
                RunField::Shoe,
                run.shoe_id
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default(),
            )
            .with(RunField::PainDuring, pain(run.pain_during))
            .with(RunField::PainAfter, pain(run.pain_after))
            .with(RunField::Effort, number(run.effort.map(u16::from)))
            .with(RunField::Cadence, number(run.cadence_spm))
            .with(RunField::Title, run.title.clone())
            .with(RunField::Notes, run.notes.clone())
    }

    /// The choices of a choice field, each a value and its words; `shoes` are the pairs the
    /// runner can choose.
    pub fn options(field: RunField, shoes: &[Shoe]) -> Vec<(String, String)> {
        let pair = |label: &str| (label.to_string(), label.to_string());
        match field {
            RunField::Kind => RunKind::ALL.iter().map(|kind| pair(kind.label())).collect(),
            RunField::Surface => std::iter::once((String::new(), "Not recorded".to_string()))
                .chain(Surface::ALL.iter().map(|surface| pair(surface.label())))
                .collect(),
            RunField::Shoe => std::iter::once((String::new(), "No shoe".to_string()))
                .chain(
                    shoes
                        .iter()
                        .filter(|shoe| !shoe.retired)
                        .map(|shoe| (shoe.id.to_string(), shoe.name.clone())),
                )
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The line under a field saying how to type it.
    pub fn hint(field: RunField, unit: DistanceUnit) -> Option<String> {
        match field {
            RunField::Distance => Some(format!("In {}, like 5 or 5.2", unit.abbreviation())),
            RunField::Duration => Some("Minutes (45), 45:30, 45.30 or 1:02:03".to_string()),
            RunField::Title => Some("Like Parkrun or Sunday long run".to_string()),
            _ => None,
        }
    }

    /// The pace the distance and duration typed so far give, if both read.
    pub fn pace(&self, unit: DistanceUnit) -> Option<Pace> {
        let distance = parse_distance(self.get(RunField::Distance), unit).ok()?;
        let duration = parse_duration(self.get(RunField::Duration)).ok()?;
        Pace::of(distance, duration)
    }

    pub fn check(
        &self,
        unit: DistanceUnit,
        today: NaiveDate,
    ) -> Result<CheckedRun, FieldErrors<RunField>> {
        let text = |field| self.get(field);
        let mut errors = FieldErrors::default();
        let date = errors.note(
            RunField::Date,
            check_date(text(RunField::Date), today).map_err(|e| {
                if text(RunField::Date).trim().is_empty() {
                    "Enter the day of the run.".to_string()
                } else {
                    e
                }
            }),
        );
        let distance = errors.note(
            RunField::Distance,
            parse_distance(text(RunField::Distance), unit).map_err(|e| e.to_string()),
        );
        let duration = errors.note(
            RunField::Duration,
            parse_duration(text(RunField::Duration))
                .map_err(|e| e.to_string())
                .and_then(|duration| match distance {
                    Some(distance) => check_pace(distance, duration, unit),
                    None => Ok(duration),
                }),
        );
        let pain_during = errors.note(
            RunField::PainDuring,
            optional_pain(text(RunField::PainDuring)),
        );
        let pain_after = errors.note(
            RunField::PainAfter,
            optional_pain(text(RunField::PainAfter)),
        );
        let effort = errors.note(
            RunField::Effort,
            optional_number(text(RunField::Effort), 1..=10, "Effort")
                .map(|e| e.and_then(|e| u8::try_from(e).ok())),
        );
        let cadence_spm = errors.note(
            RunField::Cadence,
            optional_number(
                text(RunField::Cadence),
                60..=260,
                "Cadence (steps per minute)",
            ),
        );
        let title = errors.note(
            RunField::Title,
            check_text(text(RunField::Title), MAX_TITLE_CHARS, "the name"),
        );
        let notes = errors.note(RunField::Notes, check_note(text(RunField::Notes)));
        let checked = (|| {
            Some(CheckedRun {
                date: date?,
                distance: distance?,
                duration: duration?,
                kind: RunKind::ALL
                    .into_iter()
                    .find(|kind| kind.label() == text(RunField::Kind))
                    .unwrap_or_default(),
                surface: Surface::ALL
                    .into_iter()
                    .find(|surface| surface.label() == text(RunField::Surface)),
                shoe_id: RecordId::try_from(text(RunField::Shoe).to_string()).ok(),
                pain_during: pain_during?,
                pain_after: pain_after?,
                effort: effort?,
                cadence_spm: cadence_spm?,
                title: title?,
                notes: notes?,
            })
        })();
        errors.or_value(checked)
    }
}

impl CheckedRun {
    /// What the runner is told once it is saved: "5 km in 30:00 today".
    pub fn summary(&self, unit: DistanceUnit, dates: DateStyle, today: NaiveDate) -> String {
        format!(
            "{} in {} {}",
            self.distance.display(unit),
            self.duration.display(),
            dates.relative_day(self.date, today)
        )
    }
}

form_fields! {
    /// The daily pain entry's typed fields; where it hurts and the morning's stiffness are
    /// ticks beside them.
    pub enum PainField {
        Date => "pain-date", "Day", Control::Day;
        /// The score, one of the 0–10 buttons.
        Pain => "pain-score", "Pain (0 none – 10 worst)", Control::Line(Keyboard::Numeric);
        Note => "pain-note", "Note (optional)", Control::Line(Keyboard::Text);
    }
}

/// The daily pain entry as typed.
pub type PainDraft = Typed<PainField>;

impl PainEntry {
    /// What the runner is told once it is saved: "pain 4/10 today".
    pub fn summary(&self, dates: DateStyle, today: NaiveDate) -> String {
        format!(
            "pain {}/10 {}",
            self.pain.value(),
            dates.relative_day(self.date, today)
        )
    }
}

impl PainDraft {
    pub fn check(
        &self,
        areas: &[KneeArea],
        morning_stiffness: bool,
        today: NaiveDate,
        id: RecordId,
        updated_at: DateTime<Utc>,
    ) -> Result<PainEntry, FieldErrors<PainField>> {
        let mut errors = FieldErrors::default();
        let date = errors.note(
            PainField::Date,
            check_date(self.get(PainField::Date), today),
        );
        let pain = errors.note(PainField::Pain, required_pain(self.get(PainField::Pain)));
        let note = errors.note(PainField::Note, check_note(self.get(PainField::Note)));
        let mut areas = areas.to_vec();
        crate::domain::sort::sort(&mut areas);
        areas.dedup();
        let entry = (|| {
            Some(PainEntry {
                id,
                updated_at,
                date: date?,
                pain: pain?,
                areas,
                morning_stiffness,
                note: note?,
            })
        })();
        errors.or_value(entry)
    }
}

form_fields! {
    /// The new-shoes form's fields.
    pub enum ShoeField {
        Name => "shoe-name", "Shoe name", Control::Line(Keyboard::Text);
        StartDistance => "shoe-start", "Distance already on them (optional)", Control::Line(Keyboard::Decimal);
    }
}

/// A new pair of shoes as typed.
pub type ShoeDraft = Typed<ShoeField>;

impl ShoeDraft {
    pub fn check(
        &self,
        unit: DistanceUnit,
        today: NaiveDate,
        id: RecordId,
        updated_at: DateTime<Utc>,
    ) -> Result<Shoe, FieldErrors<ShoeField>> {
        let name = self.get(ShoeField::Name).trim();
        let name = if name.is_empty() {
            Err("Give the shoes a name you will know them by, like \"Blue Pegasus\".".to_string())
        } else if name.chars().count() > 80 {
            Err("Keep the name under 80 characters.".to_string())
        } else {
            Ok(name.to_string())
        };
        let typed_start = self.get(ShoeField::StartDistance).trim();
        let start = if typed_start.is_empty() {
            Ok(Distance::ZERO)
        } else {
            let value = typed_start.replace(',', ".").parse::<f64>();
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
        let mut errors = FieldErrors::default();
        let name = errors.note(ShoeField::Name, name);
        let start_distance = errors.note(ShoeField::StartDistance, start);
        let shoe = (|| {
            Some(Shoe {
                id,
                updated_at,
                name: name?,
                added_on: today,
                start_distance: start_distance?,
                retired: false,
            })
        })();
        errors.or_value(shoe)
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
        RunDraft::default()
            .with(RunField::Date, date)
            .with(RunField::Distance, distance)
            .with(RunField::Duration, duration)
    }

    #[test]
    fn a_time_faster_than_any_runner_is_refused_with_how_to_type_it() {
        // 10 km in "1" (one minute), as someone meaning an hour might type.
        let errors = draft("2026-11-27", "10", "1")
            .check(DistanceUnit::Km, today())
            .unwrap_err();
        let message = errors
            .of(RunField::Duration)
            .unwrap_or_default()
            .to_string();
        assert!(
            message.starts_with("That is 0:06 /km for 10 km, faster than any runner."),
            "{message}"
        );
        assert_eq!(errors.of(RunField::Distance), None);
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
        assert_eq!(errors.of(RunField::Date), Some("Enter the day of the run."));
        assert_eq!(
            errors.of(RunField::Distance),
            Some("The distance must be more than zero.")
        );
        assert_eq!(
            errors.of(RunField::Duration),
            Some("Seconds go up to 59: 25:99 is not a time.")
        );
    }

    #[test]
    fn only_the_wrong_field_is_flagged() {
        let errors = draft("2026-11-27", "900", "45")
            .check(DistanceUnit::Km, today())
            .unwrap_err();
        assert!(errors.of(RunField::Date).is_none() && errors.of(RunField::Duration).is_none());
        assert!(errors
            .of(RunField::Distance)
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
        assert_eq!(
            late.of(RunField::Date),
            Some("That day has not happened yet.")
        );
        let bad = draft("2026-02-30", "5", "30")
            .check(unit, today())
            .unwrap_err();
        assert!(bad
            .of(RunField::Date)
            .unwrap()
            .starts_with("Enter the date as"));
        assert!(draft("1949-12-31", "5", "30").check(unit, today()).is_err());
    }

    #[test]
    fn optional_fields_are_checked_when_given() {
        let mut full = draft("2026-11-27", "10", "55:00");
        full.set(RunField::PainDuring, "3");
        full.set(RunField::PainAfter, "");
        full.set(RunField::Effort, "7");
        full.set(RunField::Cadence, "172");
        let checked = full.check(DistanceUnit::Km, today()).unwrap();
        assert_eq!(checked.pain_during.map(PainScore::value), Some(3));
        assert_eq!(checked.pain_after, None);
        assert_eq!(checked.effort, Some(7));
        assert_eq!(checked.cadence_spm, Some(172));

        full.set(RunField::PainDuring, "14");
        full.set(RunField::Effort, "0");
        full.set(RunField::Cadence, "fast");
        let errors = full.check(DistanceUnit::Km, today()).unwrap_err();
        assert_eq!(
            errors.of(RunField::PainDuring),
            Some("Pain is a whole number from 0 to 10.")
        );
        assert_eq!(
            errors.of(RunField::Effort),
            Some("Effort is a whole number from 1 to 10.")
        );
        assert!(errors.of(RunField::Cadence).unwrap().starts_with("Cadence"));
    }

    #[test]
    fn editing_shows_the_run_as_typed_in_the_runners_unit() {
        let run = draft("2026-11-20", "10", "1:01:00")
            .check(DistanceUnit::Km, today())
            .unwrap()
            .into_run(RecordId::from_random_bits(7), now());
        let again = RunDraft::from_run(&run, DistanceUnit::Mi);
        assert_eq!(again.get(RunField::Distance), "6.21");
        assert_eq!(again.get(RunField::Duration), "1:01:00");
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
        form.set(RunField::Notes, "felt good");
        let edited = form.check(DistanceUnit::Km, today()).unwrap().into_edit_of(
            &imported,
            DistanceUnit::Km,
            now(),
        );
        assert_eq!(edited.id, imported.id);
        assert_eq!(edited.source, imported.source);
        assert_eq!(edited.notes, "felt good");
        // The distance the form showed as 10.04 and the runner left alone stays exact…
        assert_eq!(form.get(RunField::Distance), "10.04");
        assert_eq!(edited.distance.metres(), 10_043.0);
        // …and one they changed is what they typed.
        form.set(RunField::Distance, "10.1");
        let changed = form.check(DistanceUnit::Km, today()).unwrap();
        let changed = changed.into_edit_of(&imported, DistanceUnit::Km, now());
        assert_eq!(changed.distance.metres(), 10_100.0);
    }

    #[test]
    fn a_pain_entry_needs_a_score() {
        let entry = PainDraft::default().with(PainField::Date, "2026-11-27");
        let errors = entry
            .check(&[], false, today(), RecordId::from_random_bits(1), now())
            .unwrap_err();
        assert!(errors
            .of(PainField::Pain)
            .unwrap()
            .starts_with("Enter your pain"));
        let entry = entry.with(PainField::Pain, "4");
        let areas = [KneeArea::Outer, KneeArea::Front, KneeArea::Outer];
        let saved = entry
            .check(&areas, false, today(), RecordId::from_random_bits(1), now())
            .unwrap();
        assert_eq!(saved.pain.value(), 4);
        assert_eq!(saved.areas, [KneeArea::Front, KneeArea::Outer]);
    }

    #[test]
    fn a_shoe_needs_a_name_and_a_sane_starting_distance() {
        let id = RecordId::from_random_bits(2);
        let errors = ShoeDraft::default()
            .with(ShoeField::Name, " ")
            .with(ShoeField::StartDistance, "-5")
            .check(DistanceUnit::Mi, today(), id.clone(), now())
            .unwrap_err();
        assert!(errors.of(ShoeField::Name).is_some());
        assert!(errors.of(ShoeField::StartDistance).is_some());
        let shoe = ShoeDraft::default()
            .with(ShoeField::Name, "Blue trainers")
            .with(ShoeField::StartDistance, "100")
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

    /// Whatever is typed in any field: the check never panics, a refusal always marks a
    /// field to take the runner to, and whatever it accepts is a run the store keeps.
    #[cfg(not(target_arch = "wasm32"))]
    mod any_text {
        use proptest::prelude::*;

        use super::*;
        use crate::domain::form::Field;

        fn field_text() -> impl Strategy<Value = String> {
            prop_oneof![
                Just(String::new()),
                "[0-9]{1,3}",
                "[0-9]{1,2}[.,:][0-9]{1,2}",
                "[0-9]{1,2}:[0-9]{2}:[0-9]{2}",
                "20[0-9]{2}-[01][0-9]-[0-3][0-9]",
                "Easy|Tempo|Road|Trail",
                ".{0,120}",
            ]
        }

        proptest! {
            #[test]
            fn every_draft_is_refused_in_words_or_becomes_a_valid_run(
                texts in proptest::collection::vec(field_text(), RunField::ALL.len()),
                // Half the drafts are a likely run with one field changed to anything, so
                // both ends are met; the others are anything in every field.
                likely in proptest::option::of(("2026-11-2[0-7]", "[1-9][0-9]?", "[3-9][0-9]:[0-5][0-9]")),
                changed in 0..RunField::ALL.len(),
                miles in any::<bool>(),
            ) {
                let unit = if miles { DistanceUnit::Mi } else { DistanceUnit::Km };
                let draft = match likely {
                    Some((date, distance, duration)) => RunDraft::default()
                        .with(RunField::Date, date)
                        .with(RunField::Distance, distance)
                        .with(RunField::Duration, duration)
                        .with(RunField::ALL[changed], texts[changed].clone()),
                    None => RunField::ALL
                        .iter()
                        .zip(texts)
                        .fold(RunDraft::default(), |draft, (field, text)| draft.with(*field, text)),
                };
                match draft.check(unit, today()) {
                    Ok(checked) => {
                        let run = checked.into_run(RecordId::from_random_bits(1), now());
                        prop_assert_eq!(run.entry_problems(today()), vec![]);
                    }
                    Err(errors) => {
                        let first = errors.first();
                        prop_assert!(first.is_some());
                        for field in RunField::ALL {
                            if let Some(message) = errors.of(*field) {
                                prop_assert!(message.ends_with('.'), "{field:?}: {message}");
                            }
                        }
                    }
                }
            }
        }
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
