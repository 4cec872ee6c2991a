//! Dates as the runner reads them, in one fixed style everywhere: a day is "Sun 22 Nov", a
//! day in another year "Sun 22 Nov 2025", a week "16–22 Nov", a moment "29 Nov 2026, 09:03".
//! Written by hand rather than with chrono's `format()`: its formatting machinery costs the
//! wasm bytes the size budget does not have. Stored dates stay ISO (`2026-11-22`).

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

fn month(date: NaiveDate) -> &'static str {
    MONTHS[date.month0() as usize % 12]
}

/// "22 Nov": a chart's axis, where space is short.
pub fn day_month(date: NaiveDate) -> String {
    format!("{} {}", date.day(), month(date))
}

/// "Sun 22 Nov": a day in the year it is now, where the weekday helps more than the year.
pub fn day(date: NaiveDate) -> String {
    let weekday = WEEKDAYS[date.weekday().num_days_from_monday() as usize % 7];
    format!("{weekday} {}", day_month(date))
}

/// "Sun 22 Nov" this year, "Sun 22 Nov 2025" in any other.
pub fn day_as_of(date: NaiveDate, today: NaiveDate) -> String {
    if date.year() == today.year() {
        day(date)
    } else {
        format!("{} {}", day(date), date.year())
    }
}

/// "22 Nov 2026": a day in a sentence where the year matters (a backup, a plan's start).
pub fn day_with_year(date: NaiveDate) -> String {
    format!("{} {}", day_month(date), date.year())
}

/// "29 Nov 2026, 09:03": a moment (a knee check), in whatever time zone it was given in.
pub fn moment(at: NaiveDateTime) -> String {
    format!(
        "{}, {:02}:{:02}",
        day_with_year(at.date()),
        at.hour(),
        at.minute()
    )
}

/// "16–22 Nov", or "30 Nov – 6 Dec" across a month's end.
pub fn week(start: NaiveDate, end: NaiveDate) -> String {
    if start.month() == end.month() {
        format!("{}–{}", start.day(), day_month(end))
    } else {
        format!("{} – {}", day_month(start), day_month(end))
    }
}

/// The week starting on `start`, with its year when that is not this year's: "16–22 Nov",
/// "22–28 Dec 2025".
pub fn week_as_of(start: NaiveDate, today: NaiveDate) -> String {
    let end = start + chrono::Days::new(6);
    if end.year() == today.year() {
        week(start, end)
    } else {
        format!("{} {}", week(start, end), end.year())
    }
}

/// "today", "yesterday", or "on Sun 22 Nov": the day a pain score or a morning belongs to,
/// so a past day's entry never asks about "now".
pub fn relative_day(date: NaiveDate, today: NaiveDate) -> String {
    if date == today {
        "today".into()
    } else if date.succ_opt() == Some(today) {
        "yesterday".into()
    } else {
        format!("on {}", day_as_of(date, today))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    fn d(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn days_read_the_same_everywhere() {
        assert_eq!(day(d("2026-11-22")), "Sun 22 Nov");
        assert_eq!(day(d("2026-01-05")), "Mon 5 Jan");
        assert_eq!(day_as_of(d("2026-11-22"), d("2026-11-29")), "Sun 22 Nov");
        assert_eq!(
            day_as_of(d("2025-12-28"), d("2026-01-02")),
            "Sun 28 Dec 2025"
        );
        assert_eq!(day_with_year(d("2026-11-10")), "10 Nov 2026");
        let at = d("2026-11-29").and_hms_opt(9, 3, 0).unwrap();
        assert_eq!(moment(at), "29 Nov 2026, 09:03");
    }

    #[test]
    fn chrono_agrees_on_every_day_of_a_leap_year() {
        let mut date = d("2028-01-01");
        while date.year() == 2028 {
            assert_eq!(day(date), date.format("%a %-d %b").to_string());
            date = date.succ_opt().unwrap();
        }
    }

    #[test]
    fn weeks_name_their_first_and_last_day() {
        assert_eq!(week(d("2026-11-16"), d("2026-11-22")), "16–22 Nov");
        assert_eq!(week(d("2026-11-30"), d("2026-12-06")), "30 Nov – 6 Dec");
        assert_eq!(week_as_of(d("2026-11-16"), d("2026-11-29")), "16–22 Nov");
        assert_eq!(
            week_as_of(d("2025-12-22"), d("2026-11-29")),
            "22–28 Dec 2025"
        );
    }

    #[test]
    fn a_day_is_named_from_today() {
        let today = d("2026-11-29");
        assert_eq!(relative_day(today, today), "today");
        assert_eq!(relative_day(d("2026-11-28"), today), "yesterday");
        assert_eq!(relative_day(d("2026-11-22"), today), "on Sun 22 Nov");
    }
}
