//! The records a runner keeps: runs, pain entries, strength sessions, shoes, knee checks,
//! visits (what a clinician said when the knee was seen), and their settings.
//!
//! Stored in SI units (metres, seconds), calendar dates as local dates (`YYYY-MM-DD`),
//! instants as UTC. Every record has a stable random id and an `updated_at`, so two copies
//! of the same record (two tabs, a backup and the device) can be merged: the newer wins.
//!
//! Types refuse what can never be right (a pain score of 14, an empty id) when they are
//! parsed; [`Validate`] checks the ranges that depend on context (a date in the future, a
//! 600 km run) and names the field at fault.
//!
//! Records refuse fields they do not know, so a field from a newer build is never dropped
//! by reading and writing a record back: adding a field means a new schema version.

use std::fmt;

use chrono::{DateTime, FixedOffset, NaiveDate, Utc, Weekday};
use serde::{Deserialize, Serialize};

use crate::domain::locale::{DateStyle, English, Locale};
use crate::domain::units::{Distance, DistanceUnit, Duration, MAX_RUN_METRES, MAX_RUN_SECONDS};

/// A record's stable identity: a random UUID made when the record is first created.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct RecordId(String);

impl RecordId {
    /// An id from 128 random bits, as 32 hex digits: always well formed.
    pub fn from_random_bits(bits: u128) -> RecordId {
        RecordId(format!("{bits:032x}"))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for RecordId {
    type Error = String;
    fn try_from(id: String) -> Result<Self, Self::Error> {
        let well_formed = !id.is_empty()
            && id.len() <= 64
            && id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        if well_formed {
            Ok(RecordId(id))
        } else {
            Err(format!(
                "\"{id}\" is not a record id (letters, digits and dashes, at most 64)"
            ))
        }
    }
}

impl From<RecordId> for String {
    fn from(id: RecordId) -> String {
        id.0
    }
}

impl fmt::Display for RecordId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Pain on the usual 0–10 scale (0 none, 10 the worst imaginable).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct PainScore(u8);

impl PainScore {
    pub const MAX: u8 = 10;

    pub fn new(score: u8) -> Option<PainScore> {
        (score <= Self::MAX).then_some(PainScore(score))
    }

    pub fn value(self) -> u8 {
        self.0
    }
}

impl TryFrom<u8> for PainScore {
    type Error = String;
    fn try_from(score: u8) -> Result<Self, Self::Error> {
        PainScore::new(score).ok_or_else(|| format!("pain {score}/10 is off the 0–10 scale"))
    }
}

impl From<PainScore> for u8 {
    fn from(score: PainScore) -> u8 {
        score.0
    }
}

/// What kind of session a run was; hard kinds matter to the hard/easy rule.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RunKind {
    #[default]
    Easy,
    Long,
    Tempo,
    Intervals,
    Hills,
    Race,
    Recovery,
    CrossTraining,
}

impl RunKind {
    pub const ALL: [RunKind; 8] = [
        RunKind::Easy,
        RunKind::Long,
        RunKind::Tempo,
        RunKind::Intervals,
        RunKind::Hills,
        RunKind::Race,
        RunKind::Recovery,
        RunKind::CrossTraining,
    ];

    pub fn label(self) -> &'static str {
        match self {
            RunKind::Easy => "Easy",
            RunKind::Long => "Long",
            RunKind::Tempo => "Tempo",
            RunKind::Intervals => "Intervals",
            RunKind::Hills => "Hills",
            RunKind::Race => "Race",
            RunKind::Recovery => "Recovery",
            RunKind::CrossTraining => "Cross-training",
        }
    }
}

/// What a run was on; the seed advises varying it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Surface {
    Road,
    Trail,
    Track,
    Treadmill,
    Mixed,
}

impl Surface {
    pub const ALL: [Surface; 5] = [
        Surface::Road,
        Surface::Trail,
        Surface::Track,
        Surface::Treadmill,
        Surface::Mixed,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Surface::Road => "Road",
            Surface::Trail => "Trail",
            Surface::Track => "Track",
            Surface::Treadmill => "Treadmill",
            Surface::Mixed => "Mixed",
        }
    }
}

/// Where on the knee it hurts, as the knee map offers it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KneeArea {
    Front,
    Inner,
    Outer,
    Behind,
    Deep,
    /// On the tendon just below the kneecap, or the bump at the top of the shin (0.4.0 on).
    BelowKneecap,
}

impl KneeArea {
    pub const ALL: [KneeArea; 6] = [
        KneeArea::Front,
        KneeArea::Inner,
        KneeArea::Outer,
        KneeArea::Behind,
        KneeArea::Deep,
        KneeArea::BelowKneecap,
    ];

    pub fn label(self) -> &'static str {
        match self {
            KneeArea::Front => "Front, around the kneecap",
            KneeArea::Inner => "Inner side",
            KneeArea::Outer => "Outer side",
            KneeArea::Behind => "Behind the knee",
            KneeArea::Deep => "Deep inside, hard to point to",
            KneeArea::BelowKneecap => "Below the kneecap",
        }
    }
}

/// One run, as logged by hand, from the interval timer, or imported from a file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Run {
    pub id: RecordId,
    #[serde(with = "crate::domain::iso::instant")]
    pub updated_at: DateTime<Utc>,
    /// The local calendar day the run started on.
    #[serde(with = "crate::domain::iso::day")]
    pub date: NaiveDate,
    pub distance: Distance,
    pub duration: Duration,
    #[serde(default)]
    pub kind: RunKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub surface: Option<Surface>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shoe_id: Option<RecordId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pain_during: Option<PainScore>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pain_after: Option<PainScore>,
    /// Rate of perceived exertion, 1–10.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effort: Option<u8>,
    /// Steps per minute (both feet).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cadence_spm: Option<u16>,
    /// The run's name, as the runner or the watch calls it ("Parkrun", "Morning Run").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// The file an imported run came from; absent for runs typed in or timed here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<RunSource>,
}

/// Effort (RPE 1–10) from which any session counts as hard.
pub const HARD_EFFORT: u8 = 7;

/// Whether a session counts as hard: tempo, intervals, hills, race, or effort ≥ 7.
pub fn is_hard(run: &Run) -> bool {
    matches!(
        run.kind,
        RunKind::Tempo | RunKind::Intervals | RunKind::Hills | RunKind::Race
    ) || run.effort.is_some_and(|effort| effort >= HARD_EFFORT)
}

/// For tests: an easy run with nothing optional, saved at the start of 2026. A test sets what
/// it is about on top: `Run { cadence_spm: Some(170), ..Run::easy(id, date, distance, time) }`.
#[cfg(test)]
impl Run {
    pub fn easy(id: RecordId, date: NaiveDate, distance: Distance, duration: Duration) -> Run {
        Run {
            id,
            updated_at: DateTime::from_timestamp(1_767_225_600, 0).unwrap_or_default(),
            date,
            distance,
            duration,
            kind: RunKind::Easy,
            surface: None,
            shoe_id: None,
            pain_during: None,
            pain_after: None,
            effort: None,
            cadence_spm: None,
            title: String::new(),
            notes: String::new(),
            source: None,
        }
    }
}

/// The kind of file an imported run came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SourceFormat {
    Fit,
    Gpx,
    Tcx,
    StravaCsv,
}

impl SourceFormat {
    pub fn label(self) -> &'static str {
        match self {
            SourceFormat::Fit => "FIT",
            SourceFormat::Gpx => "GPX",
            SourceFormat::Tcx => "TCX",
            SourceFormat::StravaCsv => "Strava CSV",
        }
    }
}

/// What an imported run's file said beyond the log's own fields. Only this summary is
/// kept: never the GPS track.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RunSource {
    /// The file's name as the runner chose it, so they can tell where a run came from.
    pub file_name: String,
    pub format: SourceFormat,
    /// When the activity started: the same run imported twice starts at the same instant.
    #[serde(with = "crate::domain::iso::instant")]
    pub started_at: DateTime<Utc>,
    /// Start to finish, stops included (the run's `duration` is its moving time).
    pub elapsed: Duration,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avg_heart_rate_bpm: Option<u16>,
    /// Metres climbed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub elevation_gain_m: Option<f64>,
}

/// A quick daily note of how the knee feels.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PainEntry {
    pub id: RecordId,
    #[serde(with = "crate::domain::iso::instant")]
    pub updated_at: DateTime<Utc>,
    #[serde(with = "crate::domain::iso::day")]
    pub date: NaiveDate,
    pub pain: PainScore,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub areas: Vec<KneeArea>,
    /// Stiff or sorer the next morning: the pain-monitoring model's signal to reduce load.
    #[serde(default)]
    pub morning_stiffness: bool,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// A strength or mobility session: which exercises were done.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StrengthSession {
    pub id: RecordId,
    #[serde(with = "crate::domain::iso::instant")]
    pub updated_at: DateTime<Utc>,
    #[serde(with = "crate::domain::iso::day")]
    pub date: NaiveDate,
    /// Ids of exercises from the content library.
    #[serde(default)]
    pub exercises: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes: Option<u16>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// A pair of running shoes; its total is the starting distance plus its runs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Shoe {
    pub id: RecordId,
    #[serde(with = "crate::domain::iso::instant")]
    pub updated_at: DateTime<Utc>,
    pub name: String,
    #[serde(with = "crate::domain::iso::day")]
    pub added_on: NaiveDate,
    /// Distance already on the shoe when it was added.
    #[serde(default)]
    pub start_distance: Distance,
    #[serde(default)]
    pub retired: bool,
}

/// How urgently a knee check says to get care, most urgent first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CareTier {
    EmergencyNow,
    SameDay,
    SeeProfessionalSoon,
    SelfManage,
}

/// A saved knee check: when, the answers given and what it concluded.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TriageRecord {
    pub id: RecordId,
    #[serde(with = "crate::domain::iso::instant")]
    pub updated_at: DateTime<Utc>,
    /// When, in the runner's offset at the time: the check belongs to that local day.
    #[serde(with = "crate::domain::iso::zoned")]
    pub taken_at: DateTime<FixedOffset>,
    pub care_tier: CareTier,
    /// Ids of the likely conditions, most likely first.
    #[serde(default)]
    pub conditions: Vec<String>,
    /// Question id → answer id, as the wizard recorded them.
    #[serde(default)]
    pub answers: std::collections::BTreeMap<String, String>,
}

/// What the runner was told when someone examined the knee, as they report it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Advice {
    /// Cleared to follow Patella's back-to-running plan.
    Cleared,
    /// Told to rest until a review.
    RestUntilReviewed,
    /// Given a programme of their own (a physiotherapist's exercises and running).
    OwnProgramme,
}

impl Advice {
    pub const ALL: [Advice; 3] = [
        Advice::Cleared,
        Advice::RestUntilReviewed,
        Advice::OwnProgramme,
    ];

    /// The runner's choice, in their words: "I was…".
    pub fn choice(self) -> &'static str {
        match self {
            Advice::Cleared => "Cleared to follow the plan",
            Advice::RestUntilReviewed => "Told to rest until reviewed",
            Advice::OwnProgramme => "Given my own programme",
        }
    }

    /// What they were told, for someone else reading it (the printed summary).
    pub fn words(self) -> &'static str {
        match self {
            Advice::Cleared => "cleared to follow the plan",
            Advice::RestUntilReviewed => "told to rest until reviewed",
            Advice::OwnProgramme => "given their own programme",
        }
    }
}

/// "I've been seen": the runner recorded that someone examined the knee, and what they
/// said. Its own collection rather than a field of the knee check: a runner may be seen
/// more than once for one check (rest until reviewed, then the review), each answer is a
/// dated fact like a pain entry, and a check stays what the check said.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Visit {
    pub id: RecordId,
    #[serde(with = "crate::domain::iso::instant")]
    pub updated_at: DateTime<Utc>,
    /// When the runner recorded it: a knee check taken after this asks again.
    #[serde(with = "crate::domain::iso::zoned")]
    pub recorded_at: DateTime<FixedOffset>,
    pub advice: Advice,
}

/// The visit recorded last; of two recorded at the same moment, the one edited last.
pub fn latest_visit(visits: &[Visit]) -> Option<&Visit> {
    visits
        .iter()
        .max_by_key(|visit| (visit.recorded_at, visit.updated_at))
}

/// The clinician summary's line: every visit recorded, oldest first ("Seen since, as the
/// runner recorded: 3 Dec 2026, told to rest until reviewed; 10 Dec 2026, cleared to
/// follow the plan."), or `None` when there is none.
pub fn visits_in_words(visits: &[Visit], dates: DateStyle) -> Option<String> {
    let mut sorted: Vec<&Visit> = visits.iter().collect();
    sorted.sort_by_key(|visit| (visit.recorded_at, visit.updated_at));
    let said: Vec<String> = sorted
        .iter()
        .map(|visit| {
            format!(
                "{}, {}",
                dates.day_with_year(visit.recorded_at.date_naive()),
                visit.advice.words()
            )
        })
        .collect();
    (!said.is_empty()).then(|| {
        format!(
            "Seen by a clinician, as the runner recorded: {}.",
            said.join("; ")
        )
    })
}

/// The runner's preferences. One per device.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(default)]
pub struct Settings {
    #[serde(default, with = "crate::domain::iso::optional_instant")]
    pub updated_at: Option<DateTime<Utc>>,
    pub units: DistanceUnit,
    #[serde(with = "weekday_name")]
    pub week_start: Weekday,
    /// When to suggest replacing a shoe; the seed's range is 300–500 mi.
    pub shoe_threshold: Distance,
    pub target_cadence_spm: Option<u16>,
    pub default_shoe: Option<RecordId>,
    /// When the runner last downloaded a backup, for the gentle reminder.
    #[serde(default, with = "crate::domain::iso::optional_instant")]
    pub last_backup_at: Option<DateTime<Utc>>,
    /// The English the words are in (schema 6 on). Settings stored before it have none;
    /// the store fills it from the phone's language as it reads them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub english: Option<English>,
    /// How dates and times read (schema 6 on), filled like `english`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dates: Option<DateStyle>,
}

impl Default for Settings {
    /// What an empty stored object reads as (serde fills missing fields from it): the
    /// international defaults, with the English and date style left for the phone to fill.
    fn default() -> Self {
        Settings {
            english: None,
            dates: None,
            ..Settings::for_locale(&Locale::default())
        }
    }
}

/// The distance after which shoes are worth replacing, in round numbers of each unit: the
/// top of the seed's 300–500 mi range, 800 km where distances are in km.
pub fn default_shoe_threshold(unit: DistanceUnit) -> Distance {
    match unit {
        DistanceUnit::Km => Distance::from_unit(800.0, DistanceUnit::Km),
        DistanceUnit::Mi => Distance::from_unit(500.0, DistanceUnit::Mi),
    }
}

impl Settings {
    /// A new device's settings: what its phone's locale expects.
    pub fn for_locale(locale: &Locale) -> Settings {
        Settings {
            updated_at: None,
            units: locale.units,
            week_start: locale.week_start,
            shoe_threshold: default_shoe_threshold(locale.units),
            target_cadence_spm: None,
            default_shoe: None,
            last_backup_at: None,
            english: Some(locale.english),
            dates: Some(locale.dates),
        }
    }

    /// Fills what settings stored before schema 6 lack from the phone's locale.
    pub fn fill_from(&mut self, locale: &Locale) {
        self.english.get_or_insert(locale.english);
        self.dates.get_or_insert(locale.dates);
    }

    /// The English to write in.
    pub fn english(&self) -> English {
        self.english.unwrap_or_default()
    }

    /// How dates and times read.
    pub fn dates(&self) -> DateStyle {
        self.dates.unwrap_or_default()
    }
}

/// Weekdays stored as lowercase English names ("mon"), not chrono's default form.
mod weekday_name {
    use chrono::Weekday;
    use serde::{Deserialize, Deserializer, Serializer};

    const NAMES: [(&str, Weekday); 7] = [
        ("mon", Weekday::Mon),
        ("tue", Weekday::Tue),
        ("wed", Weekday::Wed),
        ("thu", Weekday::Thu),
        ("fri", Weekday::Fri),
        ("sat", Weekday::Sat),
        ("sun", Weekday::Sun),
    ];

    pub fn serialize<S: Serializer>(day: &Weekday, serializer: S) -> Result<S::Ok, S::Error> {
        let name = NAMES
            .iter()
            .find(|(_, d)| d == day)
            .map_or("mon", |(name, _)| *name);
        serializer.serialize_str(name)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Weekday, D::Error> {
        let text = String::deserialize(deserializer)?;
        NAMES
            .iter()
            .find(|(name, _)| *name == text.to_ascii_lowercase())
            .map(|(_, day)| *day)
            .ok_or_else(|| serde::de::Error::custom(format!("\"{text}\" is not a weekday")))
    }
}

/// A field whose value is out of range, named so the runner can find it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldProblem {
    pub field: &'static str,
    pub message: String,
}

impl fmt::Display for FieldProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // "date is after tomorrow" names its field already.
        if self.message.starts_with(&format!("{} ", self.field)) {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.field, self.message)
        }
    }
}

/// The earliest date a record may carry; anything before is a typo.
pub fn earliest_record_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(1950, 1, 1).unwrap_or(NaiveDate::MIN)
}

/// Why a record cannot carry `day` ("before 1950", "after tomorrow"), or `None` when it can.
/// In words with no date in them: the message names the record by its date already, in
/// the runner's date style, and a validation message has none to write it in.
pub fn implausible_day(day: NaiveDate, today: NaiveDate) -> Option<&'static str> {
    // A day of slack: a run logged just after midnight in a timezone ahead of ours.
    let latest = today.succ_opt().unwrap_or(today);
    if day < earliest_record_date() {
        Some("before 1950")
    } else if day > latest {
        Some("after tomorrow")
    } else {
        None
    }
}

/// Range checks that need context (today's date). Types already refuse the impossible.
pub trait Validate {
    fn problems(&self, today: NaiveDate) -> Vec<FieldProblem>;
}

struct Checks(Vec<FieldProblem>);

impl Checks {
    fn new() -> Self {
        Checks(Vec::new())
    }

    fn check(&mut self, ok: bool, field: &'static str, message: impl FnOnce() -> String) {
        if !ok {
            self.0.push(FieldProblem {
                field,
                message: message(),
            });
        }
    }

    fn date(&mut self, field: &'static str, date: NaiveDate, today: NaiveDate) {
        if let Some(when) = implausible_day(date, today) {
            self.0.push(FieldProblem {
                field,
                message: format!("{field} is {when}, which no record can be"),
            });
        }
    }

    fn text(&mut self, field: &'static str, text: &str, max_chars: usize) {
        self.check(text.chars().count() <= max_chars, field, || {
            format!("is longer than {max_chars} characters")
        });
    }
}

const MAX_NOTE_CHARS: usize = 2000;
/// Longest run name kept, in characters.
pub const MAX_TITLE_CHARS: usize = 100;

/// Men's outdoor world records (World Athletics, as ratified by 2024): 100 m 9.58 s (Bolt,
/// 2009), 400 m 43.03 s (van Niekerk, 2016), 1500 m 3:26.00 (El Guerrouj, 1998), 10,000 m
/// 26:11.00 (Cheptegei, 2020), marathon 2:00:35 (Kiptum, 2023). Metres and seconds.
const WORLD_RECORDS: [(f64, f64); 5] = [
    (100.0, 9.58),
    (400.0, 43.03),
    (1_500.0, 206.0),
    (10_000.0, 1_571.0),
    (42_195.0, 7_235.0),
];

/// How much faster than world-record speed a run may be before it is refused: room for a
/// watch's distance running long, a tailwind or a downhill course (Boston's net-downhill
/// 2:03:02 was 2% under the record of its day).
const RECORD_SPEED_MARGIN: f64 = 1.10;

/// The fastest average speed, in metres a second, counted as humanly possible over a
/// distance: 10% above the world record of the longest record distance it reaches (so
/// 11.5 m/s up to 400 m, 7.0 m/s from 10 km to the marathon, 6.4 m/s beyond).
pub fn fastest_possible_speed(metres: f64) -> f64 {
    let (record_metres, record_seconds) = WORLD_RECORDS
        .iter()
        .rev()
        .find(|(record_metres, _)| metres >= *record_metres)
        .unwrap_or(&WORLD_RECORDS[0]);
    RECORD_SPEED_MARGIN * record_metres / record_seconds
}

/// Whether covering `distance` in `duration` is faster than anyone can run.
pub fn faster_than_anyone(distance: Distance, duration: Duration) -> bool {
    let metres = distance.metres();
    let seconds = f64::from(duration.seconds());
    metres > 0.0 && seconds > 0.0 && metres / seconds > fastest_possible_speed(metres)
}

/// "2 seconds", "45 seconds", or the clock form ("1:05") from a minute on.
fn time_words(duration: Duration) -> String {
    match duration.seconds() {
        1 => "1 second".to_string(),
        seconds @ 0..=59 => format!("{seconds} seconds"),
        _ => duration.display(),
    }
}

impl Run {
    /// The checks for a run being added now, typed or read from a file: every stored-record
    /// check, then a pace someone could run. Pace is an entry check only: a run kept before
    /// it existed, and every backup holding one, must stay readable and restorable.
    pub fn entry_problems(&self, today: NaiveDate) -> Vec<FieldProblem> {
        let mut problems = self.problems(today);
        // Only once distance and time are each possible: a 600 km run is one mistake, not two.
        let pace_counts = problems.iter().all(|p| p.field == "date");
        if pace_counts && faster_than_anyone(self.distance, self.duration) {
            problems.push(FieldProblem {
                field: "pace",
                message: format!(
                    "{} in {} is faster than anyone can run",
                    self.distance.display(DistanceUnit::Km),
                    time_words(self.duration)
                ),
            });
        }
        problems
    }
}

impl Validate for Run {
    fn problems(&self, today: NaiveDate) -> Vec<FieldProblem> {
        let mut checks = Checks::new();
        checks.date("date", self.date, today);
        let metres = self.distance.metres();
        checks.check(
            metres.is_finite() && metres > 0.0 && metres <= MAX_RUN_METRES,
            "distance",
            || {
                format!(
                    "{} is not a possible run (more than 0, at most {})",
                    self.distance.display(DistanceUnit::Km),
                    Distance::from_metres(MAX_RUN_METRES).display(DistanceUnit::Km)
                )
            },
        );
        checks.check(
            self.duration.seconds() > 0 && self.duration.seconds() <= MAX_RUN_SECONDS,
            "duration",
            || {
                format!(
                    "{} is not a possible run time (more than 0, at most 48 hours)",
                    self.duration.display()
                )
            },
        );
        if let Some(effort) = self.effort {
            checks.check((1..=10).contains(&effort), "effort", || {
                format!("{effort} is off the 1–10 effort scale")
            });
        }
        if let Some(cadence) = self.cadence_spm {
            checks.check((60..=260).contains(&cadence), "cadence", || {
                format!("{cadence} steps per minute is not a running cadence (60–260)")
            });
        }
        checks.text("title", &self.title, MAX_TITLE_CHARS);
        checks.text("notes", &self.notes, MAX_NOTE_CHARS);
        if let Some(source) = &self.source {
            source.check(&mut checks);
        }
        checks.0
    }
}

/// Longest file name kept with an imported run.
pub const MAX_SOURCE_NAME_CHARS: usize = 255;
/// Highest climb accepted for one run: more than any mountain ultra.
const MAX_ELEVATION_GAIN_M: f64 = 20_000.0;

impl RunSource {
    fn check(&self, checks: &mut Checks) {
        checks.text("source file name", &self.file_name, MAX_SOURCE_NAME_CHARS);
        checks.check(
            self.elapsed.seconds() <= MAX_RUN_SECONDS,
            "elapsed time",
            || {
                format!(
                    "{} is not a possible run time (at most 48 hours)",
                    self.elapsed.display()
                )
            },
        );
        if let Some(bpm) = self.avg_heart_rate_bpm {
            checks.check((25..=250).contains(&bpm), "average heart rate", || {
                format!("{bpm} beats per minute is not a possible heart rate (25–250)")
            });
        }
        if let Some(climb) = self.elevation_gain_m {
            checks.check(
                climb.is_finite() && (0.0..=MAX_ELEVATION_GAIN_M).contains(&climb),
                "elevation gain",
                || {
                    format!(
                        "{} m is not a possible climb for one run (0–20,000 m)",
                        crate::domain::decimals::fixed(climb, 0)
                    )
                },
            );
        }
    }
}

impl Validate for PainEntry {
    fn problems(&self, today: NaiveDate) -> Vec<FieldProblem> {
        let mut checks = Checks::new();
        checks.date("date", self.date, today);
        checks.text("note", &self.note, MAX_NOTE_CHARS);
        checks.0
    }
}

impl Validate for StrengthSession {
    fn problems(&self, today: NaiveDate) -> Vec<FieldProblem> {
        let mut checks = Checks::new();
        checks.date("date", self.date, today);
        if let Some(minutes) = self.minutes {
            checks.check(minutes <= 600, "minutes", || {
                format!("{minutes} minutes is longer than any session")
            });
        }
        checks.check(self.exercises.len() <= 100, "exercises", || {
            "lists more than 100 exercises".to_string()
        });
        for exercise in &self.exercises {
            checks.text("exercises", exercise, 64);
        }
        checks.text("note", &self.note, MAX_NOTE_CHARS);
        checks.0
    }
}

impl Validate for Shoe {
    fn problems(&self, today: NaiveDate) -> Vec<FieldProblem> {
        let mut checks = Checks::new();
        checks.date("added_on", self.added_on, today);
        checks.check(!self.name.trim().is_empty(), "name", || {
            "is empty".to_string()
        });
        checks.text("name", &self.name, 80);
        let metres = self.start_distance.metres();
        checks.check(
            metres.is_finite() && (0.0..=10_000_000.0).contains(&metres),
            "start_distance",
            || "must be between 0 and 10,000 km".to_string(),
        );
        checks.0
    }
}

impl Validate for TriageRecord {
    fn problems(&self, today: NaiveDate) -> Vec<FieldProblem> {
        let mut checks = Checks::new();
        checks.date("taken_at", self.taken_at.date_naive(), today);
        checks.check(self.conditions.len() <= 20, "conditions", || {
            "lists more than 20 conditions".to_string()
        });
        checks.check(self.answers.len() <= 200, "answers", || {
            "has more than 200 answers".to_string()
        });
        checks.0
    }
}

impl Validate for Visit {
    fn problems(&self, today: NaiveDate) -> Vec<FieldProblem> {
        let mut checks = Checks::new();
        checks.date("recorded_at", self.recorded_at.date_naive(), today);
        checks.0
    }
}

impl Validate for Settings {
    fn problems(&self, _today: NaiveDate) -> Vec<FieldProblem> {
        let mut checks = Checks::new();
        let km = self.shoe_threshold.in_unit(DistanceUnit::Km);
        checks.check(
            km.is_finite() && (100.0..=3000.0).contains(&km),
            "shoe_threshold",
            || "must be between 100 and 3,000 km".to_string(),
        );
        if let Some(cadence) = self.target_cadence_spm {
            checks.check((120..=230).contains(&cadence), "target_cadence_spm", || {
                format!("{cadence} steps per minute is not a target cadence (120–230)")
            });
        }
        checks.0
    }
}

/// Anything stored by id whose newer copy wins a merge.
pub trait Record: Clone {
    fn id(&self) -> &RecordId;
    fn updated_at(&self) -> DateTime<Utc>;
}

macro_rules! impl_record {
    ($($kind:ty),*) => {$(
        impl Record for $kind {
            fn id(&self) -> &RecordId {
                &self.id
            }
            fn updated_at(&self) -> DateTime<Utc> {
                self.updated_at
            }
        }
    )*};
}

impl_record!(Run, PainEntry, StrengthSession, Shoe, TriageRecord, Visit);

/// The local calendar date a record belongs to, for summaries such as a backup's date range.
pub trait Dated {
    fn day(&self) -> NaiveDate;
}

impl Dated for Run {
    fn day(&self) -> NaiveDate {
        self.date
    }
}
impl Dated for PainEntry {
    fn day(&self) -> NaiveDate {
        self.date
    }
}
impl Dated for StrengthSession {
    fn day(&self) -> NaiveDate {
        self.date
    }
}
impl Dated for Shoe {
    fn day(&self) -> NaiveDate {
        self.added_on
    }
}
/// The knee check taken last (not the one saved last: a restored backup may add older ones);
/// of two taken at the same moment, the one edited last.
pub fn latest_check(checks: &[TriageRecord]) -> Option<&TriageRecord> {
    checks
        .iter()
        .max_by_key(|check| (check.taken_at, check.updated_at))
}

impl Dated for TriageRecord {
    fn day(&self) -> NaiveDate {
        self.taken_at.date_naive()
    }
}

impl Dated for Visit {
    fn day(&self) -> NaiveDate {
        self.recorded_at.date_naive()
    }
}

/// Merges `incoming` into `existing` by id: records new to `existing` are added, and on the
/// same id the copy with the later `updated_at` wins (the existing one on a tie). The result
/// keeps first-seen order; sorting for display is the caller's business.
pub fn merge_by_id<R: Record>(existing: &[R], incoming: &[R]) -> Vec<R> {
    let mut merged: Vec<R> = existing.to_vec();
    let mut index: std::collections::HashMap<RecordId, usize> = merged
        .iter()
        .enumerate()
        .map(|(i, record)| (record.id().clone(), i))
        .collect();
    for record in incoming {
        match index.get(record.id()) {
            Some(&i) => {
                if record.updated_at() > merged[i].updated_at() {
                    merged[i] = record.clone();
                }
            }
            None => {
                index.insert(record.id().clone(), merged.len());
                merged.push(record.clone());
            }
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn id(text: &str) -> RecordId {
        RecordId::try_from(text.to_string()).unwrap()
    }

    fn instant(text: &str) -> DateTime<Utc> {
        text.parse().unwrap()
    }

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn run(id_text: &str, updated: &str, km: f64) -> Run {
        Run {
            updated_at: instant(updated),
            ..Run::easy(
                id(id_text),
                day("2026-11-20"),
                Distance::from_metres(km * 1000.0),
                Duration::from_minutes(30),
            )
        }
    }

    #[test]
    fn a_run_serializes_in_si_units_with_a_local_date() {
        let json = serde_json::to_value(run("r1", "2026-11-20T07:00:00Z", 5.0)).unwrap();
        assert_eq!(json["distance"], 5000.0);
        assert_eq!(json["duration"], 1800);
        assert_eq!(json["date"], "2026-11-20");
        assert_eq!(json["kind"], "easy");
        assert!(
            json.get("notes").is_none(),
            "empty optional fields are left out"
        );
    }

    #[test]
    fn impossible_values_are_refused_when_parsed() {
        let mut json = serde_json::to_value(run("r1", "2026-11-20T07:00:00Z", 5.0)).unwrap();
        json["pain_during"] = 14.into();
        let error = serde_json::from_value::<Run>(json).unwrap_err().to_string();
        assert!(error.contains("14/10"), "{error}");

        assert!(serde_json::from_str::<RecordId>("\"\"").is_err());
        assert!(serde_json::from_str::<RecordId>("\"a b\"").is_err());
        assert!(serde_json::from_str::<RecordId>("\"3f2a-77\"").is_ok());
    }

    #[test]
    fn range_checks_name_the_field() {
        let today = day("2026-11-27");
        let mut absurd = run("r1", "2026-11-20T07:00:00Z", 600.0);
        absurd.date = day("2199-01-01");
        absurd.effort = Some(11);
        let fields: Vec<&str> = absurd.problems(today).iter().map(|p| p.field).collect();
        assert_eq!(fields, ["date", "distance", "effort"]);
        assert!(run("r2", "2026-11-20T07:00:00Z", 8.0)
            .problems(today)
            .is_empty());
    }

    #[test]
    fn tomorrow_is_allowed_for_time_zones_but_not_the_day_after() {
        let today = day("2026-11-27");
        let mut ahead = run("r1", "2026-11-20T07:00:00Z", 5.0);
        ahead.date = day("2026-11-28");
        assert!(ahead.problems(today).is_empty());
        ahead.date = day("2026-11-29");
        assert_eq!(ahead.problems(today)[0].field, "date");
    }

    #[test]
    fn a_pace_no_one_can_run_is_refused() {
        let today = day("2026-11-27");
        let timed = |metres: f64, seconds: u32| Run {
            distance: Distance::from_metres(metres),
            duration: Duration::from_seconds(seconds),
            ..run("r1", "2026-11-20T07:00:00Z", 1.0)
        };
        // A record already kept is still read: pace is checked as a run is added.
        assert!(timed(1_560.0, 2).problems(today).is_empty());
        let problems = timed(1_560.0, 2).entry_problems(today);
        assert_eq!(
            problems.iter().map(|p| p.to_string()).collect::<Vec<_>>(),
            ["pace: 1.56 km in 2 seconds is faster than anyone can run"]
        );
        // World records themselves, and a little faster (a watch measuring long), pass.
        for (metres, seconds) in WORLD_RECORDS {
            let record = timed(metres, seconds.ceil() as u32);
            assert!(record.entry_problems(today).is_empty(), "{metres} m");
            let a_little_faster = timed(metres * 1.05, seconds.ceil() as u32);
            assert!(
                a_little_faster.entry_problems(today).is_empty(),
                "{metres} m"
            );
        }
        // Beyond the margin, at every distance.
        for metres in [50.0, 100.0, 399.0, 1_500.0, 5_000.0, 42_195.0, 100_000.0] {
            let seconds = (metres / (fastest_possible_speed(metres) * 1.02)).floor() as u32;
            assert_eq!(
                timed(metres, seconds.max(1)).entry_problems(today)[0].field,
                "pace",
                "{metres} m in {seconds} s"
            );
        }
        assert_eq!(
            timed(10_000.0, 1_300).entry_problems(today)[0].message,
            "10 km in 21:40 is faster than anyone can run"
        );
    }

    #[test]
    fn settings_default_and_survive_missing_fields() {
        let settings: Settings = serde_json::from_str(r#"{"units":"mi"}"#).unwrap();
        assert_eq!(settings.units, DistanceUnit::Mi);
        assert_eq!(settings.week_start, Weekday::Mon);
        assert_eq!(settings.shoe_threshold.metres(), 800_000.0);
        let json = serde_json::to_value(&settings).unwrap();
        assert_eq!(json["week_start"], "mon");
        assert!(Settings::default().problems(day("2026-11-27")).is_empty());
    }

    #[test]
    fn merge_keeps_both_sides_and_the_newer_copy() {
        let mine = [
            run("a", "2026-11-20T07:00:00Z", 5.0),
            run("b", "2026-11-21T07:00:00Z", 6.0),
        ];
        let theirs = [
            run("b", "2026-11-22T07:00:00Z", 7.0),
            run("c", "2026-11-22T07:00:00Z", 8.0),
            run("a", "2026-11-19T07:00:00Z", 1.0),
        ];
        let merged = merge_by_id(&mine, &theirs);
        let summary: Vec<(&str, f64)> = merged
            .iter()
            .map(|r| (r.id.as_str(), r.distance.metres()))
            .collect();
        assert_eq!(summary, [("a", 5000.0), ("b", 7000.0), ("c", 8000.0)]);
    }
}
