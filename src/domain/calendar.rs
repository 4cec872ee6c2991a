//! Calendar weeks in the runner's own terms: which day a week starts on is a setting.

use chrono::{Datelike, Days, NaiveDate, Weekday};

use crate::domain::records::Dated;

/// The first day of the week that `date` falls in, for weeks starting on `first_day`.
pub fn week_start(date: NaiveDate, first_day: Weekday) -> NaiveDate {
    let days_since_start =
        (7 + date.weekday().num_days_from_monday() - first_day.num_days_from_monday()) % 7;
    date.checked_sub_days(Days::new(u64::from(days_since_start)))
        .unwrap_or(date)
}

/// Items grouped into weeks, newest week first and newest item first within a week.
pub fn group_by_week<T: Dated + Clone>(
    items: &[T],
    first_day: Weekday,
) -> Vec<(NaiveDate, Vec<T>)> {
    let mut sorted: Vec<T> = items.to_vec();
    crate::domain::sort::sort_by_key(&mut sorted, |item| std::cmp::Reverse(item.day()));
    let mut weeks: Vec<(NaiveDate, Vec<T>)> = Vec::new();
    for item in sorted {
        let start = week_start(item.day(), first_day);
        match weeks.last_mut() {
            Some((week, members)) if *week == start => members.push(item),
            _ => weeks.push((start, vec![item])),
        }
    }
    weeks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn weeks_start_on_the_runners_day() {
        // 2026-11-27 is a Friday.
        assert_eq!(
            week_start(day("2026-11-27"), Weekday::Mon),
            day("2026-11-23")
        );
        assert_eq!(
            week_start(day("2026-11-27"), Weekday::Sun),
            day("2026-11-22")
        );
        assert_eq!(
            week_start(day("2026-11-27"), Weekday::Sat),
            day("2026-11-21")
        );
        assert_eq!(
            week_start(day("2026-11-27"), Weekday::Fri),
            day("2026-11-27")
        );
    }

    #[test]
    fn the_first_and_last_day_belong_to_the_same_week() {
        assert_eq!(
            week_start(day("2026-11-23"), Weekday::Mon),
            day("2026-11-23")
        );
        assert_eq!(
            week_start(day("2026-11-29"), Weekday::Mon),
            day("2026-11-23")
        );
        assert_eq!(
            week_start(day("2026-11-30"), Weekday::Mon),
            day("2026-11-30")
        );
    }

    #[test]
    fn a_week_can_span_a_new_year() {
        assert_eq!(
            week_start(day("2027-01-01"), Weekday::Mon),
            day("2026-12-28")
        );
    }

    #[derive(Clone, Debug, PartialEq)]
    struct Item(&'static str);
    impl Dated for Item {
        fn day(&self) -> NaiveDate {
            self.0.parse().unwrap()
        }
    }

    #[test]
    fn groups_newest_week_first() {
        let items = [
            Item("2026-11-20"),
            Item("2026-11-27"),
            Item("2026-11-23"),
            Item("2026-11-16"),
        ];
        let weeks = group_by_week(&items, Weekday::Mon);
        let shape: Vec<(String, Vec<&str>)> = weeks
            .iter()
            .map(|(start, members)| (start.to_string(), members.iter().map(|i| i.0).collect()))
            .collect();
        assert_eq!(
            shape,
            [
                ("2026-11-23".to_string(), vec!["2026-11-27", "2026-11-23"]),
                ("2026-11-16".to_string(), vec!["2026-11-20", "2026-11-16"]),
            ]
        );
        assert!(group_by_week::<Item>(&[], Weekday::Sun).is_empty());
    }
}
