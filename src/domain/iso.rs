//! Days and instants as stored text: "2026-11-20" and "2026-11-20T08:00:00Z". Every stored
//! date field names one of the serde modules below (`#[serde(with = "iso::day")]`), and
//! chrono's own serde support is switched off, so a field that forgets cannot compile.
//!
//! Why not chrono's: its deserializers go through its general format parser, about 14 KB of
//! the page's wasm for two fixed shapes. The text written is byte for byte what chrono
//! wrote (RFC 3339 in UTC with "Z", fractions of a second only when there are some), so
//! data stored by earlier versions reads back unchanged; the property tests below hold
//! the two to each other.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveTime, Timelike, Utc};

/// "2026-11-20" for years 0 to 9999; None for anything else, including a day that does not
/// exist ("2026-02-30").
pub fn parse_day(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let year = digits(&bytes[0..4])?;
    let month = digits(&bytes[5..7])?;
    let day = digits(&bytes[8..10])?;
    NaiveDate::from_ymd_opt(year as i32, month, day)
}

/// "2026-11-20", zero-padded. Years outside 0 to 9999 never reach storage: a record's date
/// is checked long before (see `records`), so they are written with a sign as chrono did.
pub fn write_day(date: NaiveDate) -> String {
    let year = date.year();
    if (0..=9999).contains(&year) {
        format!("{year:04}-{:02}-{:02}", date.month(), date.day())
    } else {
        format!("{year:+05}-{:02}-{:02}", date.month(), date.day())
    }
}

/// An RFC 3339 instant: "2026-11-20T08:00:00Z", "2026-11-20T09:00:00.5+01:00"; "t", "z" or
/// a space where RFC 3339 allows them, and "-00:00". None for anything else.
pub fn parse_instant(text: &str) -> Option<DateTime<Utc>> {
    parse_zoned(text).map(|at| at.to_utc())
}

/// An RFC 3339 instant with the offset it was written in, so that its local day is the
/// day it was where the runner was: "2026-12-07T21:30:00-05:00" is 7 December, though it
/// is 8 December in UTC. "Z" reads as +00:00.
pub fn parse_zoned(text: &str) -> Option<DateTime<FixedOffset>> {
    let bytes = text.as_bytes();
    if bytes.len() < 20 || !matches!(bytes[10], b'T' | b't' | b' ') {
        return None;
    }
    let date = parse_day(text.get(..10)?)?;
    let time = &bytes[11..];
    if time[2] != b':' || time[5] != b':' {
        return None;
    }
    let hour = digits(&time[0..2])?;
    let minute = digits(&time[3..5])?;
    let second = digits(&time[6..8])?;
    let mut rest = &time[8..];
    let mut nanos = 0;
    if let Some((b'.', fraction)) = rest.split_first() {
        let count = fraction.iter().take_while(|b| b.is_ascii_digit()).count();
        if count == 0 {
            return None;
        }
        // Nanoseconds: digits past the ninth are read and dropped, as chrono does.
        for (i, digit) in fraction[..count].iter().enumerate() {
            if i < 9 {
                nanos = nanos * 10 + u32::from(digit - b'0');
            }
        }
        nanos *= 10_u32.pow(9_u32.saturating_sub(count as u32));
        rest = &fraction[count..];
    }
    let offset_seconds = match rest {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let hours = digits(&[*h1, *h2])?;
            let minutes = digits(&[*m1, *m2])?;
            if hours > 23 || minutes > 59 {
                return None;
            }
            let seconds = (hours * 3600 + minutes * 60) as i32;
            if *sign == b'-' {
                -seconds
            } else {
                seconds
            }
        }
        _ => return None,
    };
    // A leap second (":60") is kept as chrono keeps it, in the nanoseconds.
    let (second, nanos) = if second == 60 {
        (59, nanos + 1_000_000_000)
    } else {
        (second, nanos)
    };
    let time = NaiveTime::from_hms_nano_opt(hour, minute, second, nanos)?;
    let local = date.and_time(time);
    let offset = FixedOffset::east_opt(offset_seconds)?;
    // As chrono does: the offset moves the seconds of the day and keeps a leap second's.
    let utc = local.checked_sub_offset(offset)?;
    Some(DateTime::from_naive_utc_and_offset(utc, offset))
}

/// "2026-11-20T08:00:00Z", with ".5", ".123" or more digits only when the instant has a
/// fraction of a second: chrono's `to_rfc3339_opts(SecondsFormat::AutoSi, true)`.
pub fn write_instant(at: DateTime<Utc>) -> String {
    format!("{}Z", local_time(at.naive_utc()))
}

/// "2026-12-07T21:30:00-05:00": the local time and its offset, "+00:00" rather than "Z" for
/// a runner on UTC, as chrono writes a `FixedOffset` time. Data stored before offsets were
/// kept says "Z" (see `schema`).
pub fn write_zoned(at: DateTime<FixedOffset>) -> String {
    let seconds = at.offset().local_minus_utc();
    let sign = if seconds < 0 { '-' } else { '+' };
    let minutes = seconds.unsigned_abs() / 60;
    format!(
        "{}{sign}{:02}:{:02}",
        local_time(at.naive_local()),
        minutes / 60,
        minutes % 60
    )
}

/// "2026-11-20T08:00:00" with chrono's automatic fraction of a second.
fn local_time(at: chrono::NaiveDateTime) -> String {
    let nanos = at.nanosecond();
    let (second, nanos) = if nanos >= 1_000_000_000 {
        (at.second() + 1, nanos - 1_000_000_000)
    } else {
        (at.second(), nanos)
    };
    let fraction = if nanos == 0 {
        String::new()
    } else if nanos % 1_000_000 == 0 {
        format!(".{:03}", nanos / 1_000_000)
    } else if nanos % 1_000 == 0 {
        format!(".{:06}", nanos / 1_000)
    } else {
        format!(".{nanos:09}")
    };
    format!(
        "{}T{:02}:{:02}:{second:02}{fraction}",
        write_day(at.date()),
        at.hour(),
        at.minute()
    )
}

fn digits(bytes: &[u8]) -> Option<u32> {
    bytes.iter().try_fold(0_u32, |value, byte| {
        byte.is_ascii_digit()
            .then(|| value * 10 + u32::from(byte - b'0'))
    })
}

/// The error a stored date gives when it cannot be read: said in words, since it may reach
/// the runner as the reason a record was kept aside.
fn unreadable<E: serde::de::Error>(what: &str, text: &str) -> E {
    let shown: String = text.chars().take(40).collect();
    let ellipsis = if shown.len() < text.len() { "…" } else { "" };
    E::custom(format!("\"{shown}{ellipsis}\" is not {what}"))
}

/// Reads a date from the text in place: ten years of records hold two dates each, and
/// going through an owned `String` would allocate for every one of them.
struct Text<T>(fn(&str) -> Option<T>, &'static str);

impl<T> serde::de::Visitor<'_> for Text<T> {
    type Value = T;

    fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        formatter.write_str("a string")
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<T, E> {
        (self.0)(text).ok_or_else(|| unreadable(self.1, text))
    }
}

/// `Text` for an optional field: null is `None`.
struct Optional<T>(Text<T>);

impl<'de, T> serde::de::Visitor<'de> for Optional<T> {
    type Value = Option<T>;

    fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        self.0.expecting(formatter)
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: serde::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(self.0).map(Some)
    }
}

macro_rules! serde_module {
    ($name:ident, $optional:ident, $type:ty, $write:ident, $parse:ident, $what:literal) => {
        /// For `#[serde(with = ...)]` on a field of this type.
        pub mod $name {
            use super::*;

            pub fn serialize<S: serde::Serializer>(
                value: &$type,
                serializer: S,
            ) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(&$write(*value))
            }

            pub fn deserialize<'de, D: serde::Deserializer<'de>>(
                deserializer: D,
            ) -> Result<$type, D::Error> {
                deserializer.deserialize_str(Text($parse, $what))
            }
        }

        /// For `#[serde(default, with = ...)]` on an optional field of this type.
        pub mod $optional {
            use super::*;

            pub fn serialize<S: serde::Serializer>(
                value: &Option<$type>,
                serializer: S,
            ) -> Result<S::Ok, S::Error> {
                match value {
                    Some(value) => serializer.serialize_some(&$write(*value)),
                    None => serializer.serialize_none(),
                }
            }

            pub fn deserialize<'de, D: serde::Deserializer<'de>>(
                deserializer: D,
            ) -> Result<Option<$type>, D::Error> {
                deserializer.deserialize_option(Optional(Text($parse, $what)))
            }
        }
    };
}

serde_module!(
    day,
    optional_day,
    NaiveDate,
    write_day,
    parse_day,
    "a date (like 2026-03-04)"
);
serde_module!(
    instant,
    optional_instant,
    DateTime<Utc>,
    write_instant,
    parse_instant,
    "a date and time (like 2026-03-04T07:30:00Z)"
);
serde_module!(
    zoned,
    optional_zoned,
    DateTime<FixedOffset>,
    write_zoned,
    parse_zoned,
    "a date and time (like 2026-03-04T07:30:00-05:00)"
);

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use chrono::SecondsFormat;
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn days_read_and_write_as_iso() {
        let date = parse_day("2026-11-20").unwrap();
        assert_eq!(date, NaiveDate::from_ymd_opt(2026, 11, 20).unwrap());
        assert_eq!(write_day(date), "2026-11-20");
        assert_eq!(
            write_day(NaiveDate::from_ymd_opt(7, 1, 2).unwrap()),
            "0007-01-02"
        );
        for bad in [
            "2026-02-30",
            "2026-13-01",
            "2026-1-01",
            "26-11-20",
            "2026/11/20",
            "",
            "2026-11-20 ",
            "+2026-11-20",
            "２026-11-20",
        ] {
            assert_eq!(parse_day(bad), None, "{bad}");
        }
    }

    #[test]
    fn instants_in_any_offset_read_as_utc() {
        let at = |text| parse_instant(text).map(write_instant);
        assert_eq!(at("2026-11-20T08:00:00Z").unwrap(), "2026-11-20T08:00:00Z");
        assert_eq!(
            at("2026-11-20t09:30:00+01:30").unwrap(),
            "2026-11-20T08:00:00Z"
        );
        assert_eq!(
            at("2026-11-20 03:00:00-05:00").unwrap(),
            "2026-11-20T08:00:00Z"
        );
        assert_eq!(
            at("2026-11-20T08:00:00.5z").unwrap(),
            "2026-11-20T08:00:00.500Z"
        );
        assert_eq!(
            at("2026-11-20T08:00:00.000001Z").unwrap(),
            "2026-11-20T08:00:00.000001Z"
        );
        assert_eq!(
            at("2026-11-20T08:00:00.1234567891Z").unwrap(),
            "2026-11-20T08:00:00.123456789Z"
        );
        for bad in [
            "2026-11-20T08:00:00",
            "2026-11-20T08:00Z",
            "2026-11-20T24:00:00Z",
            "2026-11-20T08:00:00.Z",
            "2026-11-20T08:00:00+01:60",
            "2026-11-20X08:00:00Z",
            "2026-11-20T08:00:00ZZ",
            "2026-11-20T08:00:00+0100",
        ] {
            assert_eq!(parse_instant(bad), None, "{bad}");
        }
    }

    #[test]
    fn an_evening_west_of_greenwich_keeps_its_day() {
        let evening = parse_zoned("2027-02-10T21:30:00-05:00").unwrap();
        assert_eq!(
            evening.date_naive(),
            NaiveDate::from_ymd_opt(2027, 2, 10).unwrap()
        );
        assert_eq!(
            evening.to_utc().date_naive(),
            NaiveDate::from_ymd_opt(2027, 2, 11).unwrap()
        );
        assert_eq!(write_zoned(evening), "2027-02-10T21:30:00-05:00");
        let london = parse_zoned("2027-01-04T08:00:00Z").unwrap();
        assert_eq!(write_zoned(london), "2027-01-04T08:00:00+00:00");
    }

    #[test]
    fn a_field_that_cannot_be_read_says_so() {
        #[derive(serde::Deserialize, Debug)]
        struct Dated {
            #[serde(with = "crate::domain::iso::day")]
            #[allow(dead_code)]
            date: NaiveDate,
        }
        let error = serde_json::from_str::<Dated>(r#"{"date":"2026-02-30"}"#).unwrap_err();
        assert!(
            error
                .to_string()
                .contains("\"2026-02-30\" is not a date (like 2026-03-04)"),
            "{error}"
        );
    }

    fn any_instant() -> impl Strategy<Value = DateTime<Utc>> {
        // Years 1 to 9999, any nanosecond, whole milliseconds and microseconds often.
        (
            -62_135_596_800_i64..253_402_300_799,
            0_u32..1_000_000_000,
            0..3,
        )
            .prop_map(|(seconds, nanos, round)| {
                let nanos = match round {
                    0 => nanos - nanos % 1_000_000,
                    1 => nanos - nanos % 1_000,
                    _ => nanos,
                };
                DateTime::from_timestamp(seconds, nanos).unwrap()
            })
    }

    proptest! {
        /// The text is chrono's, and reads back as the same instant.
        #[test]
        fn instants_write_as_chrono_wrote_them(at in any_instant()) {
            let text = write_instant(at);
            prop_assert_eq!(&text, &at.to_rfc3339_opts(SecondsFormat::AutoSi, true));
            prop_assert_eq!(parse_instant(&text), Some(at));
        }

        /// Whatever this reads, chrono reads as the same instant: never a different time.
        #[test]
        fn never_reads_what_chrono_would_read_differently(
            at in any_instant(),
            offset_minutes in -1439_i32..1440,
            edit in 0_usize..40,
            byte in prop::sample::select(b"0123456789:+-.TtZz ".to_vec()),
        ) {
            let offset = chrono::FixedOffset::east_opt(offset_minutes * 60).unwrap();
            let mut text = at.with_timezone(&offset).to_rfc3339_opts(SecondsFormat::AutoSi, false).into_bytes();
            if edit < text.len() {
                text[edit] = byte;
            }
            let text = String::from_utf8(text).unwrap();
            if let Some(ours) = parse_instant(&text) {
                let chrono: DateTime<Utc> = text.parse::<DateTime<chrono::FixedOffset>>().unwrap().into();
                prop_assert_eq!(ours, chrono);
            }
        }

        /// A zoned time is written as chrono writes it in its offset, and reads back as the
        /// same instant in the same offset, so its local day survives storage.
        #[test]
        fn zoned_times_keep_their_offset(at in any_instant(), offset_minutes in -1439_i32..1440) {
            let offset = chrono::FixedOffset::east_opt(offset_minutes * 60).unwrap();
            let at = at.with_timezone(&offset);
            prop_assume!((1..=9999).contains(&at.naive_local().year()));
            let text = write_zoned(at);
            prop_assert_eq!(&text, &at.to_rfc3339_opts(SecondsFormat::AutoSi, false));
            let read = parse_zoned(&text).unwrap();
            prop_assert_eq!(read, at);
            prop_assert_eq!(read.offset(), at.offset());
            prop_assert_eq!(read.date_naive(), at.date_naive());
        }

        #[test]
        fn days_write_as_chrono_wrote_them(days in 0_i32..3_652_059) {
            let date = NaiveDate::from_num_days_from_ce_opt(days + 1).unwrap();
            let text = write_day(date);
            prop_assert_eq!(&text, &date.to_string());
            prop_assert_eq!(parse_day(&text), Some(date));
        }
    }
}
