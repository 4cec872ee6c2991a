//! Hard days: hard sessions on consecutive calendar days, or two on the same day.
//!
//! A day is hard when it has a tempo, intervals, hills or race session, or any session with
//! effort of [`HARD_EFFORT`] or more. A rest day between counts as an easy day.

use chrono::NaiveDate;

use super::measure::days_before;
use super::rule::{History, LoadRule, Rule, Severity, Warning};
use super::spike::SPIKE_LOOKBACK_DAYS;
use super::words::join_words;
use crate::domain::records::{is_hard, Run, RunKind, HARD_EFFORT};

/// [`Rule::HardDaysInARow`].
pub struct HardDays;

impl LoadRule for HardDays {
    /// The plan judges every run against its step, and a hard run before its last stage
    /// is beyond it: the plan names it, in its own words.
    fn defers_to_plan(&self) -> bool {
        true
    }

    fn warnings(&self, history: &History) -> Vec<Warning> {
        hard_days_rule(history).into_iter().collect()
    }
}

fn hard_days_rule(history: &History) -> Option<Warning> {
    let sorted = history.runs;
    // Look back far enough to see where a streak ending in the recent window began.
    let from = days_before(history.recent_from(), SPIKE_LOOKBACK_DAYS);
    let start = sorted.partition_point(|run| run.date < from);
    // Hard days in date order, each with its hard sessions.
    let mut days: Vec<(NaiveDate, Vec<&Run>)> = Vec::new();
    for run in sorted.iter().skip(start).filter(|run| is_hard(run)) {
        match days.last_mut() {
            Some((date, sessions)) if *date == run.date => sessions.push(run),
            _ => days.push((run.date, vec![run])),
        }
    }
    // Streaks of hard days on consecutive dates, as index ranges into `days`.
    let mut streaks: Vec<(usize, usize)> = Vec::new();
    for (i, (date, _)) in days.iter().enumerate() {
        match streaks.last_mut() {
            Some((_, end))
                if days
                    .get(*end)
                    .is_some_and(|(prev, _)| prev.succ_opt() == Some(*date)) =>
            {
                *end = i;
            }
            _ => streaks.push((i, i)),
        }
    }
    let qualifying: Vec<&[(NaiveDate, Vec<&Run>)]> = streaks
        .iter()
        .filter_map(|&(first, last)| days.get(first..=last))
        .filter(|streak| {
            streak.len() >= 2 || streak.iter().any(|(_, sessions)| sessions.len() >= 2)
        })
        .filter(|streak| {
            streak
                .last()
                .is_some_and(|(date, _)| *date >= history.recent_from())
        })
        .collect();
    let latest = qualifying.last()?;
    let (last_date, _) = latest.last()?;
    let listed: Vec<String> = latest
        .iter()
        .map(|(date, sessions)| {
            let what: Vec<String> = sessions.iter().map(|run| hard_reason(run)).collect();
            format!("{} ({})", history.day(*date), join_words(&what))
        })
        .collect();
    let mut seen = if latest.len() >= 2 {
        format!(
            "You had hard sessions on {} days in a row: {}.",
            latest.len(),
            join_words(&listed)
        )
    } else {
        format!(
            "You did two hard sessions on the same day: {}.",
            join_words(&listed)
        )
    };
    match qualifying.len() - 1 {
        0 => {}
        1 => seen.push_str(" It also happened once more in the last two weeks."),
        others => seen.push_str(&format!(
            " It also happened {others} more times in the last two weeks."
        )),
    }
    Some(Warning {
        rule: Rule::HardDaysInARow,
        severity: Severity::Caution,
        date: *last_date,
        seen,
        why: "Hard sessions (tempo, intervals, hills, races, or anything that felt 7/10 or \
              harder) load the knee more than easy running, and it needs a day to recover. \
              Alternating hard and easy days is long-standing coaching advice rather than a rule \
              tested in a trial, but it is an easy way to spread the load."
            .to_string(),
        what_to_do: "Follow each hard session with an easy run or a rest day. If two hard \
                     sessions land on neighbouring days in your plan, move one."
            .to_string(),
    })
}

fn hard_reason(run: &Run) -> String {
    match run.kind {
        RunKind::Tempo | RunKind::Intervals | RunKind::Hills | RunKind::Race => {
            run.kind.label().to_lowercase()
        }
        kind => format!(
            "{}, effort {}/10",
            kind.label().to_lowercase(),
            run.effort.unwrap_or(HARD_EFFORT)
        ),
    }
}
#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::load::test_support::*;

    #[test]
    fn hard_and_easy_days_table() {
        let hard = |date: &str| kind(date, 8.0, RunKind::Intervals);
        let effort = |date: &str, effort: u8| Run {
            effort: Some(effort),
            ..run(date, 8.0)
        };
        let table: Vec<(&str, Vec<Run>, bool)> = vec![
            (
                "consecutive days",
                vec![hard("2026-11-24"), hard("2026-11-25")],
                true,
            ),
            (
                "rest day between",
                vec![hard("2026-11-23"), hard("2026-11-25")],
                false,
            ),
            (
                "easy day between",
                vec![
                    hard("2026-11-23"),
                    run("2026-11-24", 5.0),
                    hard("2026-11-25"),
                ],
                false,
            ),
            (
                "easy run the same day does not make it easy",
                vec![
                    hard("2026-11-24"),
                    run("2026-11-25", 5.0),
                    hard("2026-11-25"),
                ],
                true,
            ),
            (
                "two on one day",
                vec![hard("2026-11-25"), hard("2026-11-25")],
                true,
            ),
            (
                "effort 7 is hard",
                vec![hard("2026-11-24"), effort("2026-11-25", 7)],
                true,
            ),
            (
                "effort 6 is not",
                vec![hard("2026-11-24"), effort("2026-11-25", 6)],
                false,
            ),
            (
                "tempo, hills and race are hard",
                vec![
                    kind("2026-11-20", 5.0, RunKind::Tempo),
                    kind("2026-11-21", 5.0, RunKind::Race),
                    kind("2026-11-22", 5.0, RunKind::Hills),
                ],
                true,
            ),
            (
                "long and recovery are not",
                vec![
                    kind("2026-11-24", 20.0, RunKind::Long),
                    kind("2026-11-25", 5.0, RunKind::Recovery),
                ],
                false,
            ),
            (
                "too long ago",
                vec![hard("2026-11-12"), hard("2026-11-13")],
                false,
            ),
            (
                "ending on the oldest recent day",
                vec![hard("2026-11-13"), hard("2026-11-14")],
                true,
            ),
        ];
        for (name, runs, warns) in table {
            assert_eq!(fired(&runs, Rule::HardDaysInARow), warns, "{name}");
        }
    }

    #[test]
    fn hard_days_message_names_the_days() {
        let runs = [
            kind("2026-11-17", 8.0, RunKind::Tempo),
            kind("2026-11-18", 8.0, RunKind::Tempo),
            kind("2026-11-24", 8.0, RunKind::Intervals),
            Run {
                effort: Some(8),
                ..run("2026-11-25", 8.0)
            },
            kind("2026-11-26", 8.0, RunKind::Hills),
        ];
        let report = report(&runs);
        let warning = found(&report, Rule::HardDaysInARow)[0];
        assert_eq!(
            warning.seen,
            "You had hard sessions on 3 days in a row: Tue 24 Nov (intervals), Wed 25 Nov \
             (easy, effort 8/10) and Thu 26 Nov (hills). It also happened once more in the last \
             two weeks."
        );
        assert_eq!(warning.date, day("2026-11-26"));
    }
}
