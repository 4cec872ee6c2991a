//! What the weekly chart shows, decided apart from drawing it: which weeks (from the first
//! one logged, at most the last twelve), the distance axis in the runner's unit with round
//! ticks, which week is still going, and the same facts in words for anyone not seeing it.

use chrono::NaiveDate;

use crate::domain::calendar;
use crate::domain::load::{self, WeekSummary};
use crate::domain::locale::DateStyle;
use crate::domain::records::{PainEntry, Run, Settings};
use crate::domain::units::DistanceUnit;

/// About three months: enough to see a build-up, few enough bars for 360 px.
pub const MOST_WEEKS: usize = 12;

/// The chart's data: weeks oldest first, the last one the current week (so far).
#[derive(Clone, Debug, PartialEq)]
pub struct WeeklyChart {
    pub weeks: Vec<WeekSummary>,
    pub unit: DistanceUnit,
    /// How the weeks' dates read.
    pub dates: DateStyle,
    /// The distance axis: its top and the step between ticks, in `unit`.
    pub axis_top: f64,
    pub axis_step: f64,
}

/// The chart from everything logged: no empty weeks before the first run or pain entry.
pub fn weekly_chart(
    runs: &[Run],
    pain: &[PainEntry],
    settings: &Settings,
    today: NaiveDate,
) -> WeeklyChart {
    let current = calendar::week_start(today, settings.week_start);
    let first = crate::domain::load::first_logged_day(runs, pain, today).map_or(current, |date| {
        calendar::week_start(date, settings.week_start)
    });
    let since_first = usize::try_from((current - first).num_days() / 7).unwrap_or(0) + 1;
    let weeks = load::weekly_series(runs, pain, settings, today, since_first.min(MOST_WEEKS));
    let most = weeks
        .iter()
        .map(|week| week.distance.in_unit(settings.units))
        .fold(0.0_f64, f64::max);
    let (axis_top, axis_step) = axis(most);
    WeeklyChart {
        weeks,
        unit: settings.units,
        dates: settings.dates(),
        axis_top,
        axis_step,
    }
}

/// A round axis over `most`: a step of 1, 2 or 5 times a power of ten, at most four steps,
/// the top the first step at or above `most`. Nothing logged still gets a 0–4 axis.
pub fn axis(most: f64) -> (f64, f64) {
    let most = if most.is_finite() && most > 0.0 {
        most
    } else {
        4.0
    };
    let mut power = 1.0;
    loop {
        for step in [power, 2.0 * power, 5.0 * power] {
            let steps = (most / step).ceil();
            if steps <= 4.0 {
                return (steps.max(1.0) * step, step);
            }
        }
        power *= 10.0;
    }
}

impl WeeklyChart {
    /// The chart in one paragraph: the weeks it covers, this week so far, the biggest week,
    /// and the worst pain.
    pub fn summary(&self) -> String {
        let unit = self.unit;
        let Some(this_week) = self.weeks.last() else {
            return "No weeks to show yet.".into();
        };
        let count = self.weeks.len();
        let span = match self.weeks.first() {
            Some(first) if count > 1 => format!(
                "Distance run each week, in {}, over {count} weeks from {}",
                unit_name(unit),
                first.label(self.dates)
            ),
            _ => format!("Distance run this week, in {}", unit_name(unit)),
        };
        let busiest = self
            .weeks
            .iter()
            .filter(|week| week.distance.metres() > 0.0)
            .max_by(|a, b| a.distance.metres().total_cmp(&b.distance.metres()))
            .filter(|_| count > 1)
            .map(|week| {
                format!(
                    " The most was {} in the week of {}.",
                    load::distance_words(week.distance, unit),
                    week.label(self.dates)
                )
            })
            .unwrap_or_default();
        let pain = self
            .weeks
            .iter()
            .filter_map(|week| week.max_pain.map(|p| (week, p.value())))
            .max_by_key(|(_, pain)| *pain)
            .map(|(week, pain)| {
                format!(
                    " Highest pain: {pain}/10, in the week of {}.",
                    week.label(self.dates)
                )
            })
            .unwrap_or_else(|| " No pain recorded.".into());
        format!(
            "{span}. This week so far: {}.{busiest}{pain}",
            load::distance_words(this_week.distance, unit)
        )
    }

    /// One line per week, as the bars and dots show it: "16–22 Nov: 32.5 km, pain 5/10".
    pub fn week_lines(&self) -> Vec<String> {
        let last = self.weeks.len().saturating_sub(1);
        self.weeks
            .iter()
            .enumerate()
            .map(|(i, week)| {
                let so_far = if i == last { " so far" } else { "" };
                let pain = week
                    .max_pain
                    .map(|p| format!(", pain {}/10", p.value()))
                    .unwrap_or_default();
                format!(
                    "{}: {}{so_far}{pain}",
                    week.label(self.dates),
                    load::distance_words(week.distance, self.unit)
                )
            })
            .collect()
    }
}

fn unit_name(unit: DistanceUnit) -> &'static str {
    match unit {
        DistanceUnit::Km => "kilometres",
        DistanceUnit::Mi => "miles",
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use crate::domain::records::PainScore;
    use crate::domain::units::Distance;

    fn week(start: &str, km: f64, pain: Option<u8>) -> WeekSummary {
        let start: NaiveDate = start.parse().unwrap();
        WeekSummary {
            start,
            end: start + chrono::Days::new(6),
            distance: Distance::from_metres(km * 1000.0),
            runs: 1,
            time: Default::default(),
            cross_training: 0,
            max_pain: pain.and_then(PainScore::new),
        }
    }

    fn chart(weeks: Vec<WeekSummary>) -> WeeklyChart {
        WeeklyChart {
            weeks,
            unit: DistanceUnit::Km,
            dates: DateStyle::UK,
            axis_top: 40.0,
            axis_step: 10.0,
        }
    }

    #[test]
    fn the_axis_is_round_and_covers_the_biggest_week() {
        assert_eq!(axis(0.0), (4.0, 1.0));
        assert_eq!(axis(3.2), (4.0, 1.0));
        assert_eq!(axis(4.0), (4.0, 1.0));
        assert_eq!(axis(7.5), (8.0, 2.0));
        assert_eq!(axis(32.5), (40.0, 10.0));
        assert_eq!(axis(41.0), (60.0, 20.0));
        assert_eq!(axis(160.0), (200.0, 50.0));
        assert_eq!(axis(f64::NAN), (4.0, 1.0));
    }

    #[test]
    fn weeks_start_at_the_first_run_and_stop_at_twelve() {
        let settings = Settings::default();
        let today: NaiveDate = "2026-11-27".parse().unwrap();
        let run = |date: &str| {
            Run::easy(
                crate::domain::records::RecordId::from_random_bits(1),
                date.parse().unwrap(),
                Distance::from_metres(5000.0),
                crate::domain::units::Duration::from_seconds(1800),
            )
        };
        let new_runner = weekly_chart(&[run("2026-11-17")], &[], &settings, today);
        assert_eq!(new_runner.weeks.len(), 2);
        assert_eq!(new_runner.weeks[1].start.to_string(), "2026-11-23");
        let nobody = weekly_chart(&[], &[], &settings, today);
        assert_eq!(nobody.weeks.len(), 1);
        let old_hand = weekly_chart(&[run("2025-01-10")], &[], &settings, today);
        assert_eq!(old_hand.weeks.len(), MOST_WEEKS);
    }

    #[test]
    fn the_words_say_what_the_chart_shows() {
        let three = chart(vec![
            week("2026-11-09", 20.0, Some(2)),
            week("2026-11-16", 32.5, Some(5)),
            week("2026-11-23", 12.04, None),
        ]);
        assert_eq!(
            three.summary(),
            "Distance run each week, in kilometres, over 3 weeks from 9–15 Nov. This week so \
             far: 12 km. The most was 32.5 km in the week of 16–22 Nov. Highest pain: 5/10, in \
             the week of 16–22 Nov."
        );
        assert_eq!(
            three.week_lines(),
            [
                "9–15 Nov: 20 km, pain 2/10",
                "16–22 Nov: 32.5 km, pain 5/10",
                "23–29 Nov: 12 km so far"
            ]
        );
        let first_week = chart(vec![week("2026-11-23", 0.0, None)]);
        assert_eq!(
            first_week.summary(),
            "Distance run this week, in kilometres. This week so far: 0 km. No pain recorded."
        );
    }
}
