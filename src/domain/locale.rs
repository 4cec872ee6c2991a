//! The runner's locale: which English Patella writes, how its dates and times read, and the
//! unit and first weekday a phone in that region expects.
//!
//! The phone's language tag (`navigator.language`, "en-US") chooses every default; the
//! runner can change each in Settings. Patella speaks English only for now, so a tag in
//! another language still sets its region's units, week and dates, with UK English words
//! (the English taught outside the Americas). The region tables follow CLDR's week data,
//! time cycles and measurement systems for the regions where runners' phones are common;
//! a region not listed takes the international defaults (km, Monday, day before month,
//! 24-hour clock).

use chrono::Weekday;
use serde::{Deserialize, Serialize};

use crate::domain::units::DistanceUnit;

/// Which English the words are in. They differ only where the words do: "GP or
/// physiotherapist" and "doctor or physical therapist", "pavement" and "sidewalk".
/// Stored as its language tag, like [`DateStyle`] as its value.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(into = "&'static str", try_from = "String")]
pub enum English {
    #[default]
    Uk,
    Us,
    /// Every letter accented and each text a third longer ("[Šéé šöɱéöñé ţöðàý ···]"), for
    /// a phone set to en-XA, the pseudo-locale tag CLDR reserves and Android uses: text that
    /// reaches the screen without passing through [`English::say`] shows up unaccented, and
    /// a layout that cannot take longer words breaks. Never offered in Settings.
    Pseudo,
}

impl From<English> for &'static str {
    fn from(english: English) -> Self {
        english.tag()
    }
}

impl TryFrom<String> for English {
    type Error = String;

    fn try_from(tag: String) -> Result<Self, Self::Error> {
        English::ALL
            .into_iter()
            .chain([English::Pseudo])
            .find(|english| english.tag() == tag)
            .ok_or_else(|| format!("\"{tag}\" is not an English Patella writes"))
    }
}

impl English {
    pub const ALL: [English; 2] = [English::Us, English::Uk];

    /// What Settings calls it.
    pub fn name(self) -> &'static str {
        match self {
            English::Uk => "UK English",
            English::Us => "US English",
            English::Pseudo => "Pseudo-English (for testing)",
        }
    }

    /// The language tag of the page (`<html lang>`), for screen readers' voices.
    pub fn tag(self) -> &'static str {
        match self {
            English::Uk => "en-GB",
            English::Us => "en-US",
            English::Pseudo => "en-XA",
        }
    }
}

/// Whether a date reads "7 Dec" or "Dec 7".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum DateOrder {
    #[default]
    DayFirst,
    MonthFirst,
}

/// Whether a time reads "19:30" or "7:30 PM".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Clock {
    #[default]
    TwentyFourHour,
    TwelveHour,
}

/// How every date and time on screen reads: one style, everywhere. Stored as its
/// [`DateStyle::value`] ("month-12"): one string reads in a fraction of the code a map of
/// two fields takes in the page's wasm.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(into = "&'static str", try_from = "String")]
pub struct DateStyle {
    pub order: DateOrder,
    pub clock: Clock,
}

impl DateStyle {
    /// "7 Dec, 07:30" and "Dec 7, 7:30 AM".
    pub const UK: DateStyle = DateStyle {
        order: DateOrder::DayFirst,
        clock: Clock::TwentyFourHour,
    };
    pub const US: DateStyle = DateStyle {
        order: DateOrder::MonthFirst,
        clock: Clock::TwelveHour,
    };

    /// Every style Settings offers.
    pub const ALL: [DateStyle; 4] = [
        DateStyle::US,
        DateStyle {
            order: DateOrder::MonthFirst,
            clock: Clock::TwentyFourHour,
        },
        DateStyle {
            order: DateOrder::DayFirst,
            clock: Clock::TwelveHour,
        },
        DateStyle::UK,
    ];

    /// A short stable name for a form control's value.
    pub fn value(self) -> &'static str {
        match (self.order, self.clock) {
            (DateOrder::MonthFirst, Clock::TwelveHour) => "month-12",
            (DateOrder::MonthFirst, Clock::TwentyFourHour) => "month-24",
            (DateOrder::DayFirst, Clock::TwelveHour) => "day-12",
            (DateOrder::DayFirst, Clock::TwentyFourHour) => "day-24",
        }
    }

    pub fn from_value(value: &str) -> Option<DateStyle> {
        DateStyle::ALL
            .into_iter()
            .find(|style| style.value() == value)
    }
}

impl From<DateStyle> for &'static str {
    fn from(style: DateStyle) -> Self {
        style.value()
    }
}

impl TryFrom<String> for DateStyle {
    type Error = String;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        DateStyle::from_value(&value).ok_or_else(|| format!("\"{value}\" is not a date style"))
    }
}

/// Everything a language tag sets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Locale {
    pub english: English,
    pub dates: DateStyle,
    pub units: DistanceUnit,
    pub week_start: Weekday,
}

impl Default for Locale {
    /// A phone that names no language: the international defaults.
    fn default() -> Self {
        Locale::of_region(None, English::Uk)
    }
}

/// Regions whose runners count in miles. Not the UK: its road signs are in miles, but its
/// clubs, races and watches mostly train in kilometres (miles are one tap away in Settings).
const MILES: &[&str] = &["US", "LR", "MM", "PR", "GU", "VI", "AS", "MP", "UM"];
/// CLDR's week data: weeks start on Sunday here, on Saturday in the next list.
const SUNDAY_FIRST: &[&str] = &[
    "AG", "AS", "BD", "BR", "BS", "BT", "BW", "BZ", "CA", "CN", "CO", "DM", "DO", "ET", "GT", "GU",
    "HK", "HN", "ID", "IL", "IN", "JM", "JP", "KE", "KH", "KR", "LA", "MH", "MM", "MO", "MT", "MX",
    "MZ", "NI", "NP", "PA", "PE", "PH", "PK", "PR", "PT", "PY", "SA", "SG", "SV", "TH", "TT", "TW",
    "UM", "US", "VE", "VI", "WS", "YE", "ZA", "ZW",
];
const SATURDAY_FIRST: &[&str] = &[
    "AE", "AF", "BH", "DJ", "DZ", "EG", "IQ", "IR", "JO", "KW", "LY", "OM", "QA", "SD", "SY",
];
/// Regions whose dates put the month first ("Dec 7").
const MONTH_FIRST: &[&str] = &[
    "US", "CA", "PH", "PR", "GU", "AS", "MP", "UM", "VI", "FM", "MH", "PW",
];
/// Regions whose clocks read "7:30 PM".
const TWELVE_HOUR: &[&str] = &[
    "US", "CA", "AU", "NZ", "IN", "PH", "PK", "BD", "EG", "SA", "MY", "SG", "PR", "GU", "AS", "MP",
    "UM", "VI", "JO", "KW", "QA", "AE", "OM", "BH", "IQ", "SY", "LY", "SD", "YE",
];
/// Regions whose English is American: the US, its territories, and the English of the
/// Philippines, Liberia and Canada's everyday words ("sidewalk", "running shoes").
const US_ENGLISH: &[&str] = &[
    "US", "PR", "GU", "VI", "AS", "MP", "UM", "PH", "LR", "CA", "FM", "MH", "PW",
];
/// The region a language without one most likely means (CLDR's likely subtags), for the
/// languages whose speakers are mostly in one country.
const LIKELY_REGION: &[(&str, &str)] = &[
    ("en", "US"),
    ("de", "DE"),
    ("fr", "FR"),
    ("es", "ES"),
    ("it", "IT"),
    ("nl", "NL"),
    ("pt", "BR"),
    ("ja", "JP"),
    ("ko", "KR"),
    ("zh", "CN"),
    ("sv", "SE"),
    ("da", "DK"),
    ("nb", "NO"),
    ("no", "NO"),
    ("fi", "FI"),
    ("pl", "PL"),
    ("ru", "RU"),
    ("tr", "TR"),
    ("he", "IL"),
    ("ar", "EG"),
    ("hi", "IN"),
    ("th", "TH"),
    ("id", "ID"),
    ("vi", "VN"),
];

impl Locale {
    /// The defaults a phone set to `tag` ("en-US", "en_GB", "de-AT", "zh-Hant-TW") expects.
    /// Any text is accepted: what cannot be read gives the international defaults.
    pub fn of_tag(tag: &str) -> Locale {
        let (language, region) = language_and_region(tag);
        let region = region.or_else(|| {
            LIKELY_REGION
                .iter()
                .find(|(lang, _)| Some(*lang) == language.as_deref())
                .map(|(_, region)| (*region).to_string())
        });
        let english = match region.as_deref() {
            Some(region) if US_ENGLISH.contains(&region) => English::Us,
            Some("XA") if language.as_deref() == Some("en") => English::Pseudo,
            _ => English::Uk,
        };
        Locale::of_region(region.as_deref(), english)
    }

    fn of_region(region: Option<&str>, english: English) -> Locale {
        let is = |list: &[&str]| region.is_some_and(|r| list.contains(&r));
        Locale {
            english,
            dates: DateStyle {
                order: if is(MONTH_FIRST) {
                    DateOrder::MonthFirst
                } else {
                    DateOrder::DayFirst
                },
                clock: if is(TWELVE_HOUR) {
                    Clock::TwelveHour
                } else {
                    Clock::TwentyFourHour
                },
            },
            units: if is(MILES) {
                DistanceUnit::Mi
            } else {
                DistanceUnit::Km
            },
            week_start: if is(SUNDAY_FIRST) {
                Weekday::Sun
            } else if is(SATURDAY_FIRST) {
                Weekday::Sat
            } else {
                Weekday::Mon
            },
        }
    }
}

/// The lowercase language and uppercase region of a BCP 47 tag, or of a POSIX locale
/// name ("en_US.UTF-8"). A region is two letters or three digits ("es-419"); the script
/// ("Hant") and any extension are skipped.
fn language_and_region(tag: &str) -> (Option<String>, Option<String>) {
    let tag = tag.split(['.', '@']).next().unwrap_or_default();
    let mut parts = tag.split(['-', '_']).filter(|part| !part.is_empty());
    let language = parts
        .next()
        .filter(|part| {
            (2..=3).contains(&part.len()) && part.chars().all(|c| c.is_ascii_alphabetic())
        })
        .map(|part| part.to_ascii_lowercase());
    if language.is_none() {
        return (None, None);
    }
    let region = parts
        .take_while(|part| part.len() != 1)
        .find(|part| {
            (part.len() == 2 && part.chars().all(|c| c.is_ascii_alphabetic()))
                || (part.len() == 3 && part.chars().all(|c| c.is_ascii_digit()))
        })
        .map(|part| part.to_ascii_uppercase());
    (language, region)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn an_american_phone_gets_miles_sundays_month_first_and_a_twelve_hour_clock() {
        assert_eq!(
            Locale::of_tag("en-US"),
            Locale {
                english: English::Us,
                dates: DateStyle::US,
                units: DistanceUnit::Mi,
                week_start: Weekday::Sun,
            }
        );
    }

    #[test]
    fn a_british_phone_gets_kilometres_mondays_day_first_and_a_twenty_four_hour_clock() {
        assert_eq!(
            Locale::of_tag("en-GB"),
            Locale {
                english: English::Uk,
                dates: DateStyle::UK,
                units: DistanceUnit::Km,
                week_start: Weekday::Mon,
            }
        );
    }

    #[test]
    fn other_english_speaking_regions_take_the_nearest() {
        let of = |tag: &str| Locale::of_tag(tag);
        // Australia: UK words, day first, but a 12-hour clock.
        assert_eq!(of("en-AU").english, English::Uk);
        assert_eq!(of("en-AU").dates.order, DateOrder::DayFirst);
        assert_eq!(of("en-AU").dates.clock, Clock::TwelveHour);
        assert_eq!(of("en-AU").units, DistanceUnit::Km);
        // Canada: km, Sunday weeks, "Dec 7", everyday words as in the US.
        assert_eq!(of("en-CA").units, DistanceUnit::Km);
        assert_eq!(of("en-CA").week_start, Weekday::Sun);
        assert_eq!(of("en-CA").dates.order, DateOrder::MonthFirst);
        assert_eq!(of("en-CA").english, English::Us);
        // India: UK words, km, Sunday weeks, 12-hour clock.
        assert_eq!(of("en-IN").week_start, Weekday::Sun);
        assert_eq!(of("en-IN").english, English::Uk);
        // Ireland and New Zealand.
        assert_eq!(of("en-IE"), Locale::of_tag("en-GB"));
        assert_eq!(of("en-NZ").dates.clock, Clock::TwelveHour);
        // The Philippines write American English.
        assert_eq!(of("en-PH").english, English::Us);
    }

    #[test]
    fn other_languages_get_english_with_their_regions_units_and_dates() {
        let german = Locale::of_tag("de-DE");
        assert_eq!(german, Locale::of_tag("en-GB"));
        let spanish_in_the_us = Locale::of_tag("es-US");
        assert_eq!(spanish_in_the_us, Locale::of_tag("en-US"));
        let egypt = Locale::of_tag("ar-EG");
        assert_eq!(egypt.week_start, Weekday::Sat);
        assert_eq!(egypt.english, English::Uk);
        // A language alone means its likeliest region.
        assert_eq!(Locale::of_tag("ja").week_start, Weekday::Sun);
        assert_eq!(Locale::of_tag("fr").week_start, Weekday::Mon);
        assert_eq!(Locale::of_tag("en"), Locale::of_tag("en-US"));
    }

    #[test]
    fn tags_are_read_in_any_case_form_and_with_scripts_or_extensions() {
        for tag in [
            "en-US",
            "EN-us",
            "en_US",
            "en_US.UTF-8",
            "en-Latn-US",
            "en-US-u-hc-h23",
            "en-US-x-private",
        ] {
            assert_eq!(Locale::of_tag(tag), Locale::of_tag("en-US"), "{tag}");
        }
        assert_eq!(Locale::of_tag("zh-Hant-TW").week_start, Weekday::Sun);
        // A region of three digits (Latin America) is not a country any list names.
        assert_eq!(Locale::of_tag("es-419"), Locale::default());
        // A singleton starts an extension: "x-US" is not a region.
        assert_eq!(Locale::of_tag("de-x-US").units, DistanceUnit::Km);
    }

    #[test]
    fn what_is_not_a_tag_gives_the_international_defaults() {
        for tag in [
            "", "-", "_US", "123", "english", "e", "🏃", "en-", "C", "POSIX",
        ] {
            let locale = Locale::of_tag(tag);
            assert!(
                locale == Locale::default() || locale == Locale::of_tag("en-US"),
                "{tag}: {locale:?}"
            );
        }
        assert_eq!(Locale::of_tag("english"), Locale::default());
        assert_eq!(Locale::of_tag(""), Locale::default());
    }

    #[test]
    fn every_english_and_date_style_is_stored_as_one_string() {
        use crate::domain::json;
        for english in English::ALL {
            let text = json::to_string(&english).unwrap();
            assert_eq!(text, format!("\"{}\"", english.tag()));
            assert_eq!(json::from_str::<English>(&text).unwrap(), english);
        }
        for style in DateStyle::ALL {
            let text = json::to_string(&style).unwrap();
            assert_eq!(json::from_str::<DateStyle>(&text).unwrap(), style);
        }
        assert!(json::from_str::<English>("\"en-AU\"").is_err());
        assert!(json::from_str::<DateStyle>("\"month-13\"").is_err());
    }

    #[test]
    fn every_date_style_has_a_value_that_reads_back() {
        for style in DateStyle::ALL {
            assert_eq!(DateStyle::from_value(style.value()), Some(style));
        }
        assert_eq!(DateStyle::from_value("month-13"), None);
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod any_text {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn any_text_gives_a_locale(tag in ".{0,40}") {
                let _ = Locale::of_tag(&tag);
            }
        }
    }
}
