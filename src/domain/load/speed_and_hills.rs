//! Speed and hills: speed work and hill work both started in the same two weeks.
//!
//! Speed work is tempo or intervals (a race is a one-off, not a training change); hill work is
//! hills. Both in the last 14 days, neither in the 28 days before, and at least one session in
//! those 28 days (otherwise we cannot tell "new to this" from "new to the app").

use super::measure::days_before;
use super::rule::{History, LoadRule, Rule, Severity, Warning};
use super::words::count_words;
use crate::domain::records::{Run, RunKind};

/// [`Rule::SpeedAndHillsAdded`].
pub struct SpeedAndHills;

impl LoadRule for SpeedAndHills {
    /// A hard session is beyond every step but the last: the plan names it.
    fn defers_to_plan(&self) -> bool {
        true
    }

    fn warnings(&self, history: &History) -> Vec<Warning> {
        speed_and_hills_rule(history).into_iter().collect()
    }
}

fn speed_and_hills_rule(history: &History) -> Option<Warning> {
    let sorted = history.runs;
    let recent_from = history.recent_from();
    let before_from = days_before(recent_from, 28);
    let start = sorted.partition_point(|run| run.date < before_from);
    let is_speed = |run: &Run| matches!(run.kind, RunKind::Tempo | RunKind::Intervals);
    let is_hills = |run: &Run| run.kind == RunKind::Hills;
    let (mut sessions_before, mut speed_before, mut hills_before) = (0, 0, 0);
    let (mut speed_recent, mut hills_recent) = (Vec::new(), Vec::new());
    for run in sorted.iter().skip(start) {
        if run.date < recent_from {
            sessions_before += 1;
            speed_before += usize::from(is_speed(run));
            hills_before += usize::from(is_hills(run));
        } else if is_speed(run) {
            speed_recent.push(run.date);
        } else if is_hills(run) {
            hills_recent.push(run.date);
        }
    }
    if sessions_before == 0 || speed_before > 0 || hills_before > 0 {
        return None;
    }
    let first_speed = *speed_recent.first()?;
    let first_hills = *hills_recent.first()?;
    Some(Warning {
        rule: Rule::SpeedAndHillsAdded,
        severity: Severity::Caution,
        date: first_speed.max(first_hills),
        seen: format!(
            "In the last two weeks you started both speed work ({}, first on {}) and hill work \
             ({}, first on {}). There was neither in the four weeks before.",
            count_words(
                speed_recent.len(),
                "tempo or interval session",
                "tempo or interval sessions"
            ),
            history.day(first_speed),
            count_words(hills_recent.len(), "hill session", "hill sessions"),
            history.day(first_hills)
        ),
        why: "Faster running and hills each load the knee in a new way, and it adapts to one \
              change more easily than to two at once. This is coaching advice rather than a rule \
              from a trial, but new kinds of training are a common story behind knee pain."
            .to_string(),
        what_to_do: "Keep one of the two for now and drop the other. Add the second in two or \
                     three weeks if your knee stays quiet."
            .to_string(),
    })
}
#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::load::test_support::*;

    #[test]
    fn speed_and_hills_added_together() {
        let base = || vec![run("2026-10-20", 5.0), run("2026-11-05", 5.0)];
        let with = |extra: Vec<Run>| {
            let mut runs = base();
            runs.extend(extra);
            runs
        };
        assert!(fired(
            &with(vec![
                kind("2026-11-16", 5.0, RunKind::Tempo),
                kind("2026-11-20", 5.0, RunKind::Hills),
            ]),
            Rule::SpeedAndHillsAdded
        ));
        // Intervals 4 weeks before (30 Oct is inside the 28 days before 14 Nov): not new.
        assert!(!fired(
            &with(vec![
                kind("2026-10-30", 5.0, RunKind::Intervals),
                kind("2026-11-16", 5.0, RunKind::Tempo),
                kind("2026-11-20", 5.0, RunKind::Hills),
            ]),
            Rule::SpeedAndHillsAdded
        ));
        // Intervals just outside those 28 days (16 Oct): new again.
        assert!(fired(
            &with(vec![
                kind("2026-10-16", 5.0, RunKind::Intervals),
                kind("2026-11-16", 5.0, RunKind::Tempo),
                kind("2026-11-20", 5.0, RunKind::Hills),
            ]),
            Rule::SpeedAndHillsAdded
        ));
        // Only one of the two.
        assert!(!fired(
            &with(vec![kind("2026-11-16", 5.0, RunKind::Tempo)]),
            Rule::SpeedAndHillsAdded
        ));
        // No history before: we cannot tell it is new.
        assert!(!fired(
            &[
                kind("2026-11-16", 5.0, RunKind::Tempo),
                kind("2026-11-20", 5.0, RunKind::Hills),
            ],
            Rule::SpeedAndHillsAdded
        ));
    }
}
