//! The numbers and lists in a warning's words: distances in the runner's unit, percentages
//! that never round down to the threshold, days, counts and "a, b and c".

use crate::domain::decimals::fixed;

/// The increase of `new` over `old` in whole percent; with a decimal when rounding would
/// read as not over `threshold` ("10.1%"), and "just over 10%" when even that would.
pub fn percent_words(new: f64, old: f64, threshold: f64) -> String {
    let percent = (new / old - 1.0) * 100.0;
    let whole = percent.round();
    if whole > threshold {
        return format!("{}%", fixed(whole, 0));
    }
    let tenths = (percent * 10.0).round() / 10.0;
    if tenths > threshold {
        format!("{}%", fixed(tenths, 1))
    } else {
        format!("just over {}%", fixed(threshold, 0))
    }
}

pub fn count_words(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

/// "a", "a and b", "a, b and c".
pub fn join_words(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [only] => only.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::units::{distance_words, Distance, DistanceUnit};

    #[test]
    fn distance_and_percent_words() {
        let table = [
            (0.0, DistanceUnit::Km, "0 km"),
            (5_060.0, DistanceUnit::Km, "5.1 km"),
            (10_000.0, DistanceUnit::Km, "10 km"),
            (42_195.0, DistanceUnit::Km, "42.2 km"),
            (42_195.0, DistanceUnit::Mi, "26.2 mi"),
            (16_093.44, DistanceUnit::Mi, "10 mi"),
            (16_093.44, DistanceUnit::Km, "16.1 km"),
            (f64::NAN, DistanceUnit::Km, "0 km"),
        ];
        for (metres, unit, words) in table {
            assert_eq!(distance_words(Distance::from_metres(metres), unit), words);
        }
        assert_eq!(percent_words(110.1, 100.0, 10.0), "10.1%");
        assert_eq!(percent_words(110.04, 100.0, 10.0), "just over 10%");
        assert_eq!(percent_words(112.6, 100.0, 10.0), "13%");
    }
}
