//! Distances, durations and paces, and the runner's choice of kilometres or miles.
//!
//! Everything is stored in SI units (metres, seconds) and converted only at the edge,
//! when a value is typed in or shown. Parsing is forgiving about format (`5,2` or `5.2`,
//! `45` or `45:30` or `1:02:03`) and strict about meaning: an empty, zero, negative or
//! absurd value is refused with a message a runner can act on.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Metres in one international mile.
pub const METRES_PER_MILE: f64 = 1609.344;
/// Metres in one kilometre.
pub const METRES_PER_KM: f64 = 1000.0;
/// Longer than any run a person logs: the 24-hour world record is about 320 km.
pub const MAX_RUN_METRES: f64 = 350_000.0;
/// A week without sleep is not a run: 48 hours covers multi-day ultras' longest stages.
pub const MAX_RUN_SECONDS: u32 = 48 * 3600;

/// The unit a runner reads and types distances in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DistanceUnit {
    #[default]
    Km,
    Mi,
}

impl DistanceUnit {
    pub fn metres_per_unit(self) -> f64 {
        match self {
            DistanceUnit::Km => METRES_PER_KM,
            DistanceUnit::Mi => METRES_PER_MILE,
        }
    }

    /// The short label shown after a number: "km" or "mi".
    pub fn abbreviation(self) -> &'static str {
        match self {
            DistanceUnit::Km => "km",
            DistanceUnit::Mi => "mi",
        }
    }
}

/// A distance, always held in metres.
#[derive(Clone, Copy, Debug, Default, PartialEq, PartialOrd, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Distance {
    metres: f64,
}

impl Distance {
    pub const ZERO: Distance = Distance { metres: 0.0 };

    pub fn from_metres(metres: f64) -> Self {
        Distance { metres }
    }

    pub fn from_unit(value: f64, unit: DistanceUnit) -> Self {
        Distance {
            metres: value * unit.metres_per_unit(),
        }
    }

    pub fn metres(self) -> f64 {
        self.metres
    }

    pub fn in_unit(self, unit: DistanceUnit) -> f64 {
        self.metres / unit.metres_per_unit()
    }

    /// "5.2 km", "10 mi", "13.11 mi": two decimals at most, trailing zeros dropped.
    pub fn display(self, unit: DistanceUnit) -> String {
        format!(
            "{} {}",
            trim_decimals(self.in_unit(unit)),
            unit.abbreviation()
        )
    }
}

impl std::ops::Add for Distance {
    type Output = Distance;
    fn add(self, other: Distance) -> Distance {
        Distance::from_metres(self.metres + other.metres)
    }
}

impl std::iter::Sum for Distance {
    fn sum<I: Iterator<Item = Distance>>(iter: I) -> Distance {
        iter.fold(Distance::ZERO, |a, b| a + b)
    }
}

fn trim_decimals(value: f64) -> String {
    crate::domain::decimals::trimmed(value, 2)
}

/// Why a typed distance was refused.
#[derive(Clone, Debug, PartialEq)]
pub enum DistanceError {
    Empty,
    NotANumber,
    NotPositive,
    TooLong { unit: DistanceUnit },
}

impl fmt::Display for DistanceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DistanceError::Empty => write!(f, "Enter how far you ran."),
            DistanceError::NotANumber => {
                write!(f, "Enter the distance as a number, like 5 or 5.2.")
            }
            DistanceError::NotPositive => write!(f, "The distance must be more than zero."),
            DistanceError::TooLong { unit } => write!(
                f,
                "That is longer than any single run ({}). Check the number and the unit.",
                Distance::from_metres(MAX_RUN_METRES).display(*unit)
            ),
        }
    }
}

impl std::error::Error for DistanceError {}

/// Reads a distance typed in the runner's unit. Accepts a decimal point or a decimal comma.
pub fn parse_distance(text: &str, unit: DistanceUnit) -> Result<Distance, DistanceError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(DistanceError::Empty);
    }
    let value: f64 = text
        .replace(',', ".")
        .parse()
        .map_err(|_| DistanceError::NotANumber)?;
    if !value.is_finite() {
        return Err(DistanceError::NotANumber);
    }
    if value <= 0.0 {
        return Err(DistanceError::NotPositive);
    }
    let distance = Distance::from_unit(value, unit);
    if distance.metres() > MAX_RUN_METRES {
        return Err(DistanceError::TooLong { unit });
    }
    Ok(distance)
}

/// A length of time in whole seconds.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Duration {
    seconds: u32,
}

impl Duration {
    pub fn from_seconds(seconds: u32) -> Self {
        Duration { seconds }
    }

    pub fn from_minutes(minutes: u32) -> Self {
        Duration {
            seconds: minutes.saturating_mul(60),
        }
    }

    pub fn seconds(self) -> u32 {
        self.seconds
    }

    /// "45:30" under an hour, "1:02:03" from an hour on.
    pub fn display(self) -> String {
        let hours = self.seconds / 3600;
        let minutes = (self.seconds % 3600) / 60;
        let seconds = self.seconds % 60;
        if hours > 0 {
            format!("{hours}:{minutes:02}:{seconds:02}")
        } else {
            format!("{minutes}:{seconds:02}")
        }
    }
}

/// Why a typed duration was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DurationError {
    Empty,
    BadFormat,
    SecondsOver59,
    MinutesOver59,
    Zero,
    TooLong,
}

impl fmt::Display for DurationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let message = match self {
            DurationError::Empty => "Enter how long you ran.",
            DurationError::BadFormat => {
                "Type minutes (45), minutes and seconds (45:30 or 45.30), or hours, minutes and seconds (1:02:03)."
            }
            DurationError::SecondsOver59 => "Seconds go up to 59: 25:99 is not a time.",
            DurationError::MinutesOver59 => {
                "With hours, minutes go up to 59: write 1:30:00 for an hour and a half."
            }
            DurationError::Zero => "The time must be more than zero.",
            DurationError::TooLong => "That is longer than 48 hours. Check the time.",
        };
        f.write_str(message)
    }
}

impl std::error::Error for DurationError {}

/// Reads a duration typed as `45` (minutes), `45:30` (minutes:seconds) or `1:02:03`. A phone's
/// number keypad often has no ":", so ".", "," or a space may stand for it, as in "45.30",
/// "45,30" or "45 30"; then every part after the first must have two digits, so "45.5" (half
/// a minute, or five seconds?) is refused rather than guessed.
pub fn parse_duration(text: &str) -> Result<Duration, DurationError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(DurationError::Empty);
    }
    let is_separator = |c: char| matches!(c, ':' | '.' | ',') || c.is_whitespace();
    let parts: Vec<&str> = text
        .split(is_separator)
        .filter(|part| !part.is_empty() || !text.contains(char::is_whitespace))
        .collect();
    let stand_in = text.contains(|c: char| is_separator(c) && c != ':');
    if stand_in && parts.iter().skip(1).any(|part| part.len() != 2) {
        return Err(DurationError::BadFormat);
    }
    let mut numbers = Vec::with_capacity(parts.len());
    for part in &parts {
        if part.is_empty() || !part.bytes().all(|b| b.is_ascii_digit()) || part.len() > 6 {
            return Err(DurationError::BadFormat);
        }
        let number: u64 = part.parse().map_err(|_| DurationError::BadFormat)?;
        numbers.push(number);
    }
    let total: u64 = match numbers.as_slice() {
        [minutes] => minutes * 60,
        [minutes, seconds] => {
            if *seconds > 59 {
                return Err(DurationError::SecondsOver59);
            }
            minutes * 60 + seconds
        }
        [hours, minutes, seconds] => {
            if *seconds > 59 {
                return Err(DurationError::SecondsOver59);
            }
            if *minutes > 59 {
                return Err(DurationError::MinutesOver59);
            }
            hours * 3600 + minutes * 60 + seconds
        }
        _ => return Err(DurationError::BadFormat),
    };
    if total == 0 {
        return Err(DurationError::Zero);
    }
    if total > u64::from(MAX_RUN_SECONDS) {
        return Err(DurationError::TooLong);
    }
    u32::try_from(total)
        .map(Duration::from_seconds)
        .map_err(|_| DurationError::TooLong)
}

/// Time per unit of distance, held as seconds per kilometre.
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd)]
pub struct Pace {
    seconds_per_km: f64,
}

impl Pace {
    /// The pace of a run; `None` when the distance is zero or either value is unusable.
    pub fn of(distance: Distance, duration: Duration) -> Option<Pace> {
        let km = distance.metres() / METRES_PER_KM;
        if !(km.is_finite() && km > 0.0) || duration.seconds() == 0 {
            return None;
        }
        Some(Pace {
            seconds_per_km: f64::from(duration.seconds()) / km,
        })
    }

    pub fn seconds_per_km(self) -> f64 {
        self.seconds_per_km
    }

    pub fn seconds_per_unit(self, unit: DistanceUnit) -> f64 {
        self.seconds_per_km * unit.metres_per_unit() / METRES_PER_KM
    }

    /// "5:30 /km": rounded to the nearest second, so 5:59.6 shows as 6:00.
    pub fn display(self, unit: DistanceUnit) -> String {
        let total = self.seconds_per_unit(unit).round() as u64;
        format!("{}:{:02} /{}", total / 60, total % 60, unit.abbreviation())
    }
}

/// "12.5 km", "10 mi": one decimal at most, a trailing ".0" dropped.
pub fn distance_words(distance: Distance, unit: DistanceUnit) -> String {
    let value = distance.in_unit(unit);
    let value = if value.is_finite() { value } else { 0.0 };
    format!(
        "{} {}",
        crate::domain::decimals::trimmed(value, 1),
        unit.abbreviation()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9 * a.abs().max(1.0)
    }

    #[test]
    fn a_mile_is_1609_344_metres() {
        assert!(close(
            Distance::from_unit(1.0, DistanceUnit::Mi).metres(),
            1609.344
        ));
        assert!(close(
            Distance::from_unit(1.0, DistanceUnit::Km).metres(),
            1000.0
        ));
    }

    #[test]
    fn marathon_converts_both_ways() {
        let marathon = Distance::from_metres(42_195.0);
        assert!(close(marathon.in_unit(DistanceUnit::Km), 42.195));
        assert_eq!(marathon.display(DistanceUnit::Mi), "26.22 mi");
        assert_eq!(marathon.display(DistanceUnit::Km), "42.2 km");
    }

    #[test]
    fn km_to_mi_round_trip_is_exact_to_a_millimetre() {
        for tenths in 1..=3500 {
            let km = f64::from(tenths) / 10.0;
            let metres = Distance::from_unit(km, DistanceUnit::Km).metres();
            let miles = Distance::from_metres(metres).in_unit(DistanceUnit::Mi);
            let back = Distance::from_unit(miles, DistanceUnit::Mi).metres();
            assert!(
                (back - metres).abs() < 0.001,
                "{km} km came back as {back} m"
            );
        }
    }

    #[test]
    fn display_trims_trailing_zeros() {
        assert_eq!(
            Distance::from_metres(10_000.0).display(DistanceUnit::Km),
            "10 km"
        );
        assert_eq!(
            Distance::from_metres(5_200.0).display(DistanceUnit::Km),
            "5.2 km"
        );
        assert_eq!(
            Distance::from_metres(5_250.0).display(DistanceUnit::Km),
            "5.25 km"
        );
        assert_eq!(Distance::ZERO.display(DistanceUnit::Mi), "0 mi");
    }

    #[test]
    fn parses_distances_with_point_or_comma() {
        let km = DistanceUnit::Km;
        assert!(close(parse_distance("5", km).unwrap().metres(), 5000.0));
        assert!(close(parse_distance(" 5.2 ", km).unwrap().metres(), 5200.0));
        assert!(close(parse_distance("5,2", km).unwrap().metres(), 5200.0));
        assert!(close(
            parse_distance("3.1", DistanceUnit::Mi).unwrap().metres(),
            3.1 * METRES_PER_MILE
        ));
    }

    #[test]
    fn refuses_bad_distances_with_a_reason() {
        let km = DistanceUnit::Km;
        assert_eq!(parse_distance("", km), Err(DistanceError::Empty));
        assert_eq!(parse_distance("   ", km), Err(DistanceError::Empty));
        assert_eq!(parse_distance("five", km), Err(DistanceError::NotANumber));
        assert_eq!(parse_distance("NaN", km), Err(DistanceError::NotANumber));
        assert_eq!(parse_distance("inf", km), Err(DistanceError::NotANumber));
        assert_eq!(parse_distance("0", km), Err(DistanceError::NotPositive));
        assert_eq!(parse_distance("-3", km), Err(DistanceError::NotPositive));
        assert_eq!(
            parse_distance("900", km),
            Err(DistanceError::TooLong { unit: km })
        );
    }

    #[test]
    fn the_longest_run_allowed_is_350_km_in_either_unit() {
        assert!(parse_distance("350", DistanceUnit::Km).is_ok());
        assert!(parse_distance("350.01", DistanceUnit::Km).is_err());
        assert!(parse_distance("217.4", DistanceUnit::Mi).is_ok());
        assert!(parse_distance("217.5", DistanceUnit::Mi).is_err());
    }

    #[test]
    fn parses_the_three_duration_shapes() {
        assert_eq!(parse_duration("45"), Ok(Duration::from_seconds(45 * 60)));
        assert_eq!(
            parse_duration("45:30"),
            Ok(Duration::from_seconds(45 * 60 + 30))
        );
        assert_eq!(parse_duration("1:02:03"), Ok(Duration::from_seconds(3723)));
        assert_eq!(parse_duration(" 0:59 "), Ok(Duration::from_seconds(59)));
        assert_eq!(parse_duration("90:00"), Ok(Duration::from_seconds(5400)));
    }

    #[test]
    fn refuses_bad_durations_with_a_reason() {
        assert_eq!(parse_duration(""), Err(DurationError::Empty));
        assert_eq!(parse_duration("25:99"), Err(DurationError::SecondsOver59));
        assert_eq!(parse_duration("1:60:00"), Err(DurationError::MinutesOver59));
        assert_eq!(parse_duration("1:00:60"), Err(DurationError::SecondsOver59));
        assert_eq!(parse_duration("0"), Err(DurationError::Zero));
        assert_eq!(parse_duration("0:00"), Err(DurationError::Zero));
        assert_eq!(parse_duration("-5"), Err(DurationError::BadFormat));
        assert_eq!(parse_duration("4.5"), Err(DurationError::BadFormat));
        assert_eq!(parse_duration("1::2"), Err(DurationError::BadFormat));
        assert_eq!(parse_duration("1:2:3:4"), Err(DurationError::BadFormat));
        assert_eq!(parse_duration("abc"), Err(DurationError::BadFormat));
        assert_eq!(parse_duration("99999999999"), Err(DurationError::BadFormat));
        assert_eq!(parse_duration("2881"), Err(DurationError::TooLong));
        assert_eq!(
            parse_duration("48:00:00"),
            Ok(Duration::from_seconds(MAX_RUN_SECONDS))
        );
    }

    #[test]
    fn durations_display_like_a_watch() {
        assert_eq!(Duration::from_seconds(59).display(), "0:59");
        assert_eq!(Duration::from_seconds(45 * 60 + 30).display(), "45:30");
        assert_eq!(Duration::from_seconds(3600).display(), "1:00:00");
        assert_eq!(Duration::from_seconds(3723).display(), "1:02:03");
    }

    #[test]
    fn durations_as_a_phone_keypad_types_them() {
        let table: [(&str, Result<u32, DurationError>); 16] = [
            ("45", Ok(45 * 60)),
            ("45:30", Ok(45 * 60 + 30)),
            ("45.30", Ok(45 * 60 + 30)),
            ("45,30", Ok(45 * 60 + 30)),
            ("45 30", Ok(45 * 60 + 30)),
            ("  45   30 ", Ok(45 * 60 + 30)),
            ("1:02:03", Ok(3723)),
            ("1.02.03", Ok(3723)),
            ("1 02 03", Ok(3723)),
            ("45:5", Ok(45 * 60 + 5)),
            // Half a minute or five seconds? Refused, not guessed.
            ("45.5", Err(DurationError::BadFormat)),
            ("45,", Err(DurationError::BadFormat)),
            ("45..30", Err(DurationError::BadFormat)),
            ("45.99", Err(DurationError::SecondsOver59)),
            ("1.75.00", Err(DurationError::MinutesOver59)),
            ("", Err(DurationError::Empty)),
        ];
        for (typed, expected) in table {
            assert_eq!(
                parse_duration(typed),
                expected.map(Duration::from_seconds),
                "{typed:?}"
            );
        }
    }

    #[test]
    fn typed_durations_round_trip_through_display() {
        for seconds in (1..MAX_RUN_SECONDS).step_by(997) {
            let duration = Duration::from_seconds(seconds);
            assert_eq!(parse_duration(&duration.display()), Ok(duration));
        }
    }

    #[test]
    fn pace_in_each_unit() {
        let five_k = Distance::from_metres(5000.0);
        let pace = Pace::of(five_k, Duration::from_seconds(25 * 60)).unwrap();
        assert_eq!(pace.display(DistanceUnit::Km), "5:00 /km");
        assert_eq!(pace.display(DistanceUnit::Mi), "8:03 /mi");
    }

    #[test]
    fn pace_rounds_up_into_the_next_minute() {
        // 5:59.6 per km must read 6:00, never 5:60.
        let pace = Pace::of(
            Distance::from_metres(10_000.0),
            Duration::from_seconds(3596),
        )
        .unwrap();
        assert_eq!(pace.display(DistanceUnit::Km), "6:00 /km");
    }

    #[test]
    fn no_pace_without_distance_or_time() {
        assert_eq!(Pace::of(Distance::ZERO, Duration::from_seconds(600)), None);
        assert_eq!(
            Pace::of(Distance::from_metres(1000.0), Duration::from_seconds(0)),
            None
        );
        assert_eq!(
            Pace::of(Distance::from_metres(f64::NAN), Duration::from_seconds(60)),
            None
        );
    }
}
