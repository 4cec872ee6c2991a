//! Calendar weeks: each week's running distance, time, sessions and highest pain, built from
//! local dates only, and the series behind the weekly chart.
//!
//! Weeks start on `Settings::week_start` and are built from `NaiveDate`s, so a daylight-saving
//! change cannot move a run into another week. Records dated after `today` are ignored (a
//! clock or time-zone slip). Cross-training is counted apart from running.

use crate::domain::locale::DateStyle;
use chrono::{NaiveDate, Weekday};

use super::measure::{days_after, days_before, is_running, metres};
use crate::domain::calendar;
use crate::domain::pain::run_pain;
use crate::domain::records::{PainEntry, PainScore, Run, Settings};
use crate::domain::units::{Distance, Duration};

/// Weeks kept in a report at most (a century); older records are left out of the list.
pub const MAX_WEEKS: usize = 5_218;

/// One calendar week, starting on the runner's week-start day.
#[derive(Clone, Debug, PartialEq)]
pub struct WeekSummary {
    /// The first day of the week.
    pub start: NaiveDate,
    /// The last day of the week (start + 6 days).
    pub end: NaiveDate,
    /// Running distance (cross-training left out).
    pub distance: Distance,
    /// Running sessions (cross-training left out).
    pub runs: usize,
    /// Running time.
    pub time: Duration,
    /// Cross-training sessions, counted apart.
    pub cross_training: usize,
    /// The highest pain recorded in the week: pain entries, and pain during or after runs.
    pub max_pain: Option<PainScore>,
}

impl WeekSummary {
    pub fn empty(start: NaiveDate) -> WeekSummary {
        WeekSummary {
            start,
            end: days_after(start, 6),
            distance: Distance::ZERO,
            runs: 0,
            time: Duration::default(),
            cross_training: 0,
            max_pain: None,
        }
    }

    pub fn contains(&self, date: NaiveDate) -> bool {
        (self.start..=self.end).contains(&date)
    }

    /// True when nothing at all was logged in the week.
    pub fn is_empty(&self) -> bool {
        self.runs == 0 && self.cross_training == 0 && self.max_pain.is_none()
    }

    /// "3–9 Nov" or "Nov 3–9", across a month "27 Oct – 2 Nov" or "Oct 27 – Nov 2".
    pub fn label(&self, dates: DateStyle) -> String {
        dates.week(self.start, self.end)
    }
}

/// The first day with a run or a pain entry, up to `today` (later records are a clock slip):
/// where the runner's history, and so the chart and the weekly rules, begin.
pub fn first_logged_day(runs: &[Run], pain: &[PainEntry], today: NaiveDate) -> Option<NaiveDate> {
    runs.iter()
        .map(|run| run.date)
        .chain(pain.iter().map(|entry| entry.date))
        .filter(|date| *date <= today)
        .min()
}

/// The last `weeks` calendar weeks up to the current one, oldest first, empty weeks
/// included: the data behind the weekly chart. At most [`MAX_WEEKS`].
pub fn weekly_series(
    runs: &[Run],
    pain: &[PainEntry],
    settings: &Settings,
    today: NaiveDate,
    weeks: usize,
) -> Vec<WeekSummary> {
    weekly(runs, pain, settings.week_start, today, weeks.min(MAX_WEEKS))
}

/// `count` calendar weeks up to the one holding `today`, oldest first, empty weeks included.
pub fn weekly(
    runs: &[Run],
    pain: &[PainEntry],
    week_start: Weekday,
    today: NaiveDate,
    count: usize,
) -> Vec<WeekSummary> {
    let current = calendar::week_start(today, week_start);
    let mut weeks: Vec<WeekSummary> = (0..count)
        .map(|i| WeekSummary::empty(days_before(current, 7 * (count - 1 - i) as u64)))
        .collect();
    let slot = |date: NaiveDate| -> Option<usize> {
        if date > today {
            return None;
        }
        let back = weeks_between(calendar::week_start(date, week_start), current);
        (back < count).then(|| count - 1 - back)
    };
    for run in runs {
        let Some(week) = slot(run.date).and_then(|i| weeks.get_mut(i)) else {
            continue;
        };
        if is_running(run) {
            week.distance = week.distance + Distance::from_metres(metres(run));
            week.runs += 1;
            week.time =
                Duration::from_seconds(week.time.seconds().saturating_add(run.duration.seconds()));
        } else {
            week.cross_training += 1;
        }
        week.max_pain = week.max_pain.max(run_pain(run));
    }
    for entry in pain {
        if let Some(week) = slot(entry.date).and_then(|i| weeks.get_mut(i)) {
            week.max_pain = week.max_pain.max(Some(entry.pain));
        }
    }
    weeks
}

/// Whole weeks from `from` to `to`, both week starts; 0 when `to` is not later.
pub fn weeks_between(from: NaiveDate, to: NaiveDate) -> usize {
    usize::try_from((to - from).num_days() / 7).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::load::test_support::*;
    use chrono::Datelike;

    #[test]
    fn empty_input_gives_two_empty_weeks_and_nothing_else() {
        let report = analyse(&[], &[], &Settings::default(), today());
        assert_eq!(report.weeks.len(), 2);
        assert_eq!(report.this_week.start, day("2026-11-23"));
        assert_eq!(report.this_week.end, day("2026-11-29"));
        assert_eq!(report.last_week.start, day("2026-11-16"));
        assert!(report.this_week.is_empty() && report.last_week.is_empty());
        assert!(report.warnings.is_empty());
        assert!(report.acute_chronic.is_none());

        let series = weekly_series(&[], &[], &Settings::default(), today(), 26);
        assert_eq!(series.len(), 26);
        assert_eq!(series[25].start, day("2026-11-23"));
        assert_eq!(series[0].start, day("2026-06-01"));
        assert!(series.iter().all(WeekSummary::is_empty));
        assert!(weekly_series(&[], &[], &Settings::default(), today(), 0).is_empty());
    }

    #[test]
    fn week_start_is_the_setting_day_for_every_weekday() {
        let days = [
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Wed,
            Weekday::Thu,
            Weekday::Fri,
            Weekday::Sat,
            Weekday::Sun,
        ];
        for week_start in days {
            for offset in 0..21 {
                let date = day("2026-12-20") + Days::new(offset);
                let start = calendar::week_start(date, week_start);
                assert_eq!(start.weekday(), week_start, "{date} {week_start}");
                assert!(start <= date && (date - start).num_days() < 7);
            }
        }
    }

    #[test]
    fn first_and_last_day_of_a_week_for_each_week_start() {
        // For every setting: runs on the first and last day of last week, and on the day
        // before it and the day after it, land in the right weeks.
        for week_start in [
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Wed,
            Weekday::Thu,
            Weekday::Fri,
            Weekday::Sat,
            Weekday::Sun,
        ] {
            let this_start = calendar::week_start(today(), week_start);
            let last_start = this_start - Days::new(7);
            let last_end = this_start - Days::new(1);
            let runs = [
                run(&(last_start - Days::new(1)).to_string(), 1.0),
                run(&last_start.to_string(), 2.0),
                run(&last_end.to_string(), 4.0),
                run(&this_start.to_string(), 8.0),
            ];
            let report = analyse(&runs, &[], &settings(DistanceUnit::Km, week_start), today());
            assert_eq!(report.last_week.start, last_start, "{week_start}");
            assert_eq!(report.last_week.end, last_end);
            assert_eq!(report.last_week.runs, 2, "{week_start}");
            assert_eq!(report.last_week.distance.metres(), 6000.0);
            assert_eq!(report.this_week.distance.metres(), 8000.0, "{week_start}");
            assert_eq!(report.weeks.len(), 3);
            assert_eq!(report.weeks[0].distance.metres(), 1000.0);
        }
    }

    #[test]
    fn a_sunday_run_ends_a_monday_week_and_starts_a_sunday_week() {
        let runs = [run("2026-11-22", 10.0)];
        let monday = analyse(
            &runs,
            &[],
            &settings(DistanceUnit::Km, Weekday::Mon),
            today(),
        );
        assert_eq!(monday.last_week.runs, 1);
        assert_eq!(monday.this_week.runs, 0);
        let sunday = analyse(
            &runs,
            &[],
            &settings(DistanceUnit::Km, Weekday::Sun),
            today(),
        );
        assert_eq!(sunday.this_week.start, day("2026-11-22"));
        assert_eq!(sunday.this_week.runs, 1);
        assert_eq!(sunday.last_week.runs, 0);
    }

    #[test]
    fn dst_weekends_do_not_move_runs_between_weeks() {
        // EU clocks change on 29 Mar and 25 Oct 2026, US clocks on 8 Mar and 1 Nov: all
        // Sundays. Weeks are date arithmetic, so each is 7 days, and a run on the change
        // day (at 23:59 local, it is still that date) stays in its week.
        let dst_sundays = ["2026-03-08", "2026-03-29", "2026-10-25", "2026-11-01"];
        let runs: Vec<Run> = dst_sundays.iter().map(|d| run(d, 10.0)).collect();
        let series = weekly_series(
            &runs,
            &[],
            &settings(DistanceUnit::Km, Weekday::Mon),
            today(),
            52,
        );
        for pair in series.windows(2) {
            assert_eq!((pair[1].start - pair[0].start).num_days(), 7);
            assert_eq!((pair[0].end - pair[0].start).num_days(), 6);
        }
        for sunday in dst_sundays {
            let week = series.iter().find(|w| w.contains(day(sunday))).unwrap();
            assert_eq!(week.end, day(sunday), "a Sunday ends a Monday week");
            assert_eq!(week.runs, 1);
            assert_eq!(week.start.weekday(), Weekday::Mon);
        }
        // With Sunday weeks the change day starts the week instead.
        let sunday_weeks = weekly_series(
            &runs,
            &[],
            &settings(DistanceUnit::Km, Weekday::Sun),
            today(),
            52,
        );
        for sunday in dst_sundays {
            let week = sunday_weeks
                .iter()
                .find(|w| w.contains(day(sunday)))
                .unwrap();
            assert_eq!(week.start, day(sunday));
            assert_eq!(week.runs, 1);
        }
    }

    #[test]
    fn weeks_sum_distance_time_runs_and_pain_and_keep_cross_training_apart() {
        let mut painful = run("2026-11-24", 5.0);
        painful.pain_after = score(4);
        let runs = [
            painful,
            run("2026-11-25", 7.5),
            kind("2026-11-26", 40.0, RunKind::CrossTraining),
            run("2026-11-28", 30.0), // tomorrow: ignored
        ];
        let pain = [entry("2026-11-23", 2, false), entry("2026-11-16", 6, false)];
        let report = analyse(&runs, &pain, &Settings::default(), today());
        let week = &report.this_week;
        assert_eq!(week.distance.metres(), 12_500.0);
        assert_eq!(week.runs, 2);
        assert_eq!(week.time.seconds(), 4500);
        assert_eq!(week.cross_training, 1);
        assert_eq!(week.max_pain, score(4));
        assert_eq!(report.last_week.max_pain, score(6));
        assert_eq!(report.last_week.runs, 0);
    }

    #[test]
    fn the_report_lists_every_week_since_the_first_record() {
        let runs = [run("2025-11-26", 5.0), run("2026-11-27", 5.0)];
        let report = report(&runs);
        assert_eq!(report.weeks.len(), 53);
        assert_eq!(report.weeks[0].start, day("2025-11-24"));
        assert_eq!(report.weeks[0].runs, 1);
        assert_eq!(report.weeks.last(), Some(&report.this_week));
    }
}
