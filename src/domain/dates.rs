//! Dates as the runner reads them, in the one style their locale gives everywhere
//! ([`DateStyle`]): a day is "Sun 22 Nov" or "Sun, Nov 22", a day in another year
//! "Sun 22 Nov 2025" or "Sun, Nov 22, 2025", a week "16–22 Nov" or "Nov 16–22", a moment
//! "29 Nov 2026, 09:03" or "Nov 29, 2026, 9:03 AM". Written by hand rather than with
//! chrono's `format()`: its formatting machinery costs the wasm bytes the size budget does
//! not have. Stored dates stay ISO (`2026-11-22`) and never reach the screen as such.

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};

use crate::domain::locale::{Clock, DateOrder, DateStyle};

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

fn month(date: NaiveDate) -> &'static str {
    MONTHS[date.month0() as usize % 12]
}

fn weekday(date: NaiveDate) -> &'static str {
    WEEKDAYS[date.weekday().num_days_from_monday() as usize % 7]
}

impl DateStyle {
    fn month_first(self) -> bool {
        self.order == DateOrder::MonthFirst
    }

    /// "22 Nov" or "Nov 22": a chart's axis, where space is short.
    pub fn day_month(self, date: NaiveDate) -> String {
        if self.month_first() {
            format!("{} {}", month(date), date.day())
        } else {
            format!("{} {}", date.day(), month(date))
        }
    }

    /// "Sun 22 Nov" or "Sun, Nov 22": a day in the year it is now, where the weekday helps
    /// more than the year.
    pub fn day(self, date: NaiveDate) -> String {
        if self.month_first() {
            format!("{}, {}", weekday(date), self.day_month(date))
        } else {
            format!("{} {}", weekday(date), self.day_month(date))
        }
    }

    /// [`DateStyle::day`] this year, with the year in any other.
    pub fn day_as_of(self, date: NaiveDate, today: NaiveDate) -> String {
        if date.year() == today.year() {
            self.day(date)
        } else {
            self.with_year(self.day(date), date)
        }
    }

    /// "22 Nov 2026" or "Nov 22, 2026": a day in a sentence where the year matters (a
    /// backup, a plan's start).
    pub fn day_with_year(self, date: NaiveDate) -> String {
        self.with_year(self.day_month(date), date)
    }

    fn with_year(self, text: String, date: NaiveDate) -> String {
        if self.month_first() {
            format!("{text}, {}", date.year())
        } else {
            format!("{text} {}", date.year())
        }
    }

    /// "09:03", "9:03 AM" or "9:03 am".
    pub fn time(self, at: NaiveDateTime) -> String {
        match self.clock {
            Clock::TwentyFourHour => format!("{:02}:{:02}", at.hour(), at.minute()),
            Clock::TwelveHour => {
                let (pm, hour) = at.hour12();
                let half = match (pm, self.month_first()) {
                    (false, true) => "AM",
                    (true, true) => "PM",
                    (false, false) => "am",
                    (true, false) => "pm",
                };
                format!("{hour}:{:02} {half}", at.minute())
            }
        }
    }

    /// "29 Nov 2026, 09:03" or "Nov 29, 2026, 9:03 AM": a moment (a knee check), in
    /// whatever time zone it was given in.
    pub fn moment(self, at: NaiveDateTime) -> String {
        format!("{}, {}", self.day_with_year(at.date()), self.time(at))
    }

    /// "16–22 Nov" or "Nov 16–22"; across a month's end "30 Nov – 6 Dec" or
    /// "Nov 30 – Dec 6".
    pub fn week(self, start: NaiveDate, end: NaiveDate) -> String {
        match (start.month() == end.month(), self.month_first()) {
            (true, false) => format!("{}–{}", start.day(), self.day_month(end)),
            (true, true) => format!("{}–{}", self.day_month(start), end.day()),
            (false, _) => format!("{} – {}", self.day_month(start), self.day_month(end)),
        }
    }

    /// The week starting on `start`, with its year when that is not this year's:
    /// "22–28 Dec 2025" or "Dec 22–28, 2025".
    pub fn week_as_of(self, start: NaiveDate, today: NaiveDate) -> String {
        let end = start + chrono::Days::new(6);
        if end.year() == today.year() {
            self.week(start, end)
        } else {
            self.with_year(self.week(start, end), end)
        }
    }

    /// "today", "yesterday", or "on Sun 22 Nov": the day a pain score or a morning belongs
    /// to, so a past day's entry never asks about "now".
    pub fn relative_day(self, date: NaiveDate, today: NaiveDate) -> String {
        if date == today {
            "today".into()
        } else if date.succ_opt() == Some(today) {
            "yesterday".into()
        } else {
            format!("on {}", self.day_as_of(date, today))
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    const UK: DateStyle = DateStyle::UK;
    const US: DateStyle = DateStyle::US;

    fn d(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn days_read_the_same_everywhere() {
        assert_eq!(UK.day(d("2026-11-22")), "Sun 22 Nov");
        assert_eq!(UK.day(d("2026-01-05")), "Mon 5 Jan");
        assert_eq!(UK.day_as_of(d("2026-11-22"), d("2026-11-29")), "Sun 22 Nov");
        assert_eq!(
            UK.day_as_of(d("2025-12-28"), d("2026-01-02")),
            "Sun 28 Dec 2025"
        );
        assert_eq!(UK.day_with_year(d("2026-11-10")), "10 Nov 2026");
        let at = d("2026-11-29").and_hms_opt(9, 3, 0).unwrap();
        assert_eq!(UK.moment(at), "29 Nov 2026, 09:03");
    }

    #[test]
    fn american_days_put_the_month_first_and_the_year_after_a_comma() {
        assert_eq!(US.day(d("2026-11-22")), "Sun, Nov 22");
        assert_eq!(US.day_month(d("2026-12-07")), "Dec 7");
        assert_eq!(
            US.day_as_of(d("2025-12-28"), d("2026-01-02")),
            "Sun, Dec 28, 2025"
        );
        assert_eq!(US.day_with_year(d("2026-11-10")), "Nov 10, 2026");
        assert_eq!(
            US.relative_day(d("2026-11-22"), d("2026-11-29")),
            "on Sun, Nov 22"
        );
    }

    #[test]
    fn times_follow_the_clock() {
        let at = |h, m| d("2026-12-07").and_hms_opt(h, m, 0).unwrap();
        assert_eq!(US.moment(at(7, 30)), "Dec 7, 2026, 7:30 AM");
        assert_eq!(US.time(at(0, 5)), "12:05 AM");
        assert_eq!(US.time(at(12, 0)), "12:00 PM");
        assert_eq!(US.time(at(19, 30)), "7:30 PM");
        assert_eq!(UK.time(at(19, 30)), "19:30");
        assert_eq!(UK.time(at(7, 5)), "07:05");
        let australian = DateStyle {
            order: DateOrder::DayFirst,
            clock: Clock::TwelveHour,
        };
        assert_eq!(australian.moment(at(19, 30)), "7 Dec 2026, 7:30 pm");
    }

    #[test]
    fn chrono_agrees_on_every_day_of_a_leap_year() {
        let mut date = d("2028-01-01");
        while date.year() == 2028 {
            assert_eq!(UK.day(date), date.format("%a %-d %b").to_string());
            assert_eq!(US.day(date), date.format("%a, %b %-d").to_string());
            let at = date
                .and_hms_opt(date.ordinal() % 24, date.day(), 0)
                .unwrap();
            assert_eq!(US.time(at), at.format("%-I:%M %p").to_string());
            date = date.succ_opt().unwrap();
        }
    }

    #[test]
    fn weeks_name_their_first_and_last_day() {
        assert_eq!(UK.week(d("2026-11-16"), d("2026-11-22")), "16–22 Nov");
        assert_eq!(UK.week(d("2026-11-30"), d("2026-12-06")), "30 Nov – 6 Dec");
        assert_eq!(UK.week_as_of(d("2026-11-16"), d("2026-11-29")), "16–22 Nov");
        assert_eq!(
            UK.week_as_of(d("2025-12-22"), d("2026-11-29")),
            "22–28 Dec 2025"
        );
        assert_eq!(US.week(d("2026-11-16"), d("2026-11-22")), "Nov 16–22");
        assert_eq!(US.week(d("2026-11-30"), d("2026-12-06")), "Nov 30 – Dec 6");
        assert_eq!(
            US.week_as_of(d("2025-12-22"), d("2026-11-29")),
            "Dec 22–28, 2025"
        );
    }

    #[test]
    fn a_day_is_named_from_today() {
        let today = d("2026-11-29");
        assert_eq!(UK.relative_day(today, today), "today");
        assert_eq!(UK.relative_day(d("2026-11-28"), today), "yesterday");
        assert_eq!(UK.relative_day(d("2026-11-22"), today), "on Sun 22 Nov");
    }
}
