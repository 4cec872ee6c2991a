//! Training load: weekly totals, and the warnings that catch the training errors behind most
//! running knee pain, as pure functions over plain data.
//!
//! Each rule is one file implementing [`LoadRule`], with its tests beside it, and is listed
//! once in [`RULES`], which [`analyse`] walks: a new rule is one file, one line there, and the
//! [`Rule`] its warnings carry. Each warning says what was seen (with the numbers, in the
//! runner's unit), why it matters (with the honest strength of the evidence) and what to do.
//!
//! # Decisions where the issue is silent
//! - **Weeks** are calendar weeks starting on `Settings::week_start` ([`weeks`]).
//! - **Running distance** leaves out cross-training sessions (a bike ride's kilometres are
//!   not knee load from running). They still count for the hard/easy rule, and weeks count
//!   them separately.
//! - **Recent**: load warnings look at the last [`RECENT_DAYS`] (14) days, pain warnings at
//!   the last [`PAIN_RECENT_DAYS`] (7) days; each rule gives at most one warning per week
//!   compared (the weekly rules) or one warning in all (the others), about its latest event,
//!   mentioning how many more there were.
//! - **On the back-to-running plan** the plan decides: every rule that judges what the plan
//!   judges (volume, single runs, hard days, pain) says so in [`LoadRule::defers_to_plan`]
//!   and is quiet, and [`plan`] gives the plan's latest step back or hold in its own words.
//!   In the other recovery situations only the volume rules are quiet.
//! - Each rule's own decisions are in its file's notes.

mod acute_chronic;
mod hard_days;
mod measure;
mod monotony;
mod pain;
mod plan;
mod rule;
mod speed_and_hills;
mod spike;
#[cfg(test)]
mod test_support;
mod weekly_change;
mod weeks;
mod words;

use chrono::NaiveDate;

pub use crate::domain::records::{is_hard, HARD_EFFORT};
pub use crate::domain::units::distance_words;
pub use acute_chronic::{AcuteChronic, ACWR_CAVEAT};
pub use monotony::{MONOTONY_DISTANCE, MONOTONY_PACE, MONOTONY_RUNS};
pub use rule::{History, LoadRule, Rule, Severity, Warning, PAIN_RECENT_DAYS, RECENT_DAYS};
pub use spike::{SpikeBand, SPIKE_LOOKBACK_DAYS};
pub use weekly_change::{TWO_WEEK_LIMIT_PERCENT, WEEKLY_LIMIT_PERCENT};
pub use weeks::{first_logged_day, weekly_series, WeekSummary, MAX_WEEKS};

use crate::domain::calendar;
use crate::domain::records::{PainEntry, Run, Settings};
use crate::domain::situation::Situation;
use crate::domain::units::DistanceUnit;
use measure::days_before;

/// Every load rule, in the order their warnings are listed before sorting (which keeps that
/// order among warnings of the same severity and date).
pub const RULES: &[&dyn LoadRule] = &[
    &weekly_change::WeeklyChange,
    &spike::Spike,
    &hard_days::HardDays,
    &speed_and_hills::SpeedAndHills,
    &monotony::Monotony,
    &pain::Pain,
    &plan::Plan,
];

/// Everything the load rules found, as of `today`.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadReport {
    pub today: NaiveDate,
    pub units: DistanceUnit,
    /// Every week from the one holding the first record up to the current week, oldest
    /// first, empty weeks included; at least two (last week and this week).
    pub weeks: Vec<WeekSummary>,
    /// The current week so far (the last of `weeks`).
    pub this_week: WeekSummary,
    /// The last complete week (the one before `this_week`).
    pub last_week: WeekSummary,
    /// Most serious first, then newest first.
    pub warnings: Vec<Warning>,
    /// `None` before four weeks of history, or with no running in the last 28 days.
    pub acute_chronic: Option<AcuteChronic>,
}

/// Analyses runs and pain entries as of `today` (a local date), for a runner with no knee
/// problem on record: ordinary training's pain rule, every rule speaking.
pub fn analyse(
    runs: &[Run],
    pain: &[PainEntry],
    settings: &Settings,
    today: NaiveDate,
) -> LoadReport {
    analyse_in(runs, pain, settings, today, &Situation::NoProblem)
}

/// Analyses as the runner's situation hears it: the pain rule is the situation's (3/10 while
/// the knee recovers); during recovery the volume rules are quiet (a prescribed walk-run must
/// not raise "up more than 30%"); and on the back-to-running plan every rule that defers to
/// the plan is quiet while the plan's own news speaks, so no warning contradicts the plan.
pub fn analyse_in(
    runs: &[Run],
    pain: &[PainEntry],
    settings: &Settings,
    today: NaiveDate,
    situation: &Situation,
) -> LoadReport {
    let unit = settings.units;
    let current = calendar::week_start(today, settings.week_start);
    let earliest = weeks::first_logged_day(runs, pain, today);
    let history_weeks = earliest.map_or(0, |first| {
        weeks::weeks_between(calendar::week_start(first, settings.week_start), current)
            .saturating_add(1)
    });
    let history_weeks = history_weeks.min(MAX_WEEKS);
    // The rules look four weeks back whatever the history.
    let mut weeks = weeks::weekly(runs, pain, settings.week_start, today, history_weeks.max(4));

    let mut sorted: Vec<&Run> = runs.iter().filter(|run| run.date <= today).collect();
    sorted.sort_by_key(|run| run.date);
    let history = History {
        today,
        unit,
        dates: settings.dates(),
        english: settings.english(),
        weeks: &weeks,
        runs: &sorted,
        pain,
        pain_rule: situation.pain_rule(),
        situation,
    };

    let on_plan = situation.on_plan();
    let mut warnings: Vec<Warning> = RULES
        .iter()
        .filter(|rule| !(on_plan && rule.defers_to_plan()))
        .flat_map(|rule| rule.warnings(&history))
        .filter(|warning| situation.volume_warnings_apply() || !warning.rule.is_about_volume())
        .map(|warning| warning.in_english(history.english))
        .collect();
    warnings.sort_by_key(|warning| std::cmp::Reverse((warning.severity, warning.date)));

    let acute_chronic = acute_chronic::acute_chronic(&history);
    let keep = history_weeks.max(2);
    let weeks = weeks.split_off(weeks.len().saturating_sub(keep));
    let this_week = weeks
        .last()
        .cloned()
        .unwrap_or_else(|| WeekSummary::empty(current));
    let last_week = weeks
        .iter()
        .rev()
        .nth(1)
        .cloned()
        .unwrap_or_else(|| WeekSummary::empty(days_before(current, 7)));
    LoadReport {
        today,
        units: unit,
        weeks,
        this_week,
        last_week,
        warnings,
        acute_chronic,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_support::*;

    #[test]
    fn during_recovery_only_the_volume_rules_are_quiet() {
        use crate::domain::protocol::Stage;
        use crate::domain::situation::Situation;
        // A jump in weekly distance and a run far longer than any of the month before it.
        let runs = [run("2026-11-03", 20.0), run("2026-11-17", 30.0)];
        let reduced = Situation::ReducedLoad {
            checked: day("2026-11-20"),
        };
        let all = report(&runs);
        assert!(all.warnings.iter().any(|w| w.rule.is_about_volume()));
        let heard = analyse_in(&runs, &[], &Settings::default(), today(), &reduced);
        assert!(heard.warnings.iter().all(|w| !w.rule.is_about_volume()));
        let others = |r: &LoadReport| {
            r.warnings
                .iter()
                .filter(|w| !w.rule.is_about_volume())
                .count()
        };
        assert_eq!(others(&heard), others(&all));
        assert_eq!(
            analyse_in(
                &runs,
                &[],
                &Settings::default(),
                today(),
                &Situation::NoProblem
            ),
            all
        );
        // On the plan, nothing but the plan speaks; with no news from it, nothing at all.
        let on_plan = Situation::OnPlan {
            stage: Stage::Week2,
            done: 1,
            needed: 3,
            setback: None,
            today: crate::domain::protocol::Today::Session,
            also_see_someone: false,
        };
        let heard = analyse_in(&runs, &[], &Settings::default(), today(), &on_plan);
        assert_eq!(heard.warnings, []);
    }

    #[test]
    fn every_rule_but_the_plans_defers_to_the_plan() {
        let speaking = RULES.iter().filter(|rule| !rule.defers_to_plan()).count();
        assert_eq!(speaking, 1);
    }

    // --- Whole report ------------------------------------------------------------------

    #[test]
    fn warnings_come_most_serious_first() {
        let runs = [
            run("2026-11-10", 10.0),
            Run {
                pain_during: score(7),
                ..run("2026-11-22", 20.0)
            },
        ];
        let report = report(&runs);
        let severities: Vec<Severity> = report.warnings.iter().map(|w| w.severity).collect();
        let mut sorted = severities.clone();
        sorted.sort_by(|a, b| b.cmp(a));
        assert_eq!(severities, sorted);
        assert_eq!(report.warnings[0].rule, Rule::PainDuringRun);
        for warning in &report.warnings {
            assert!(!warning.seen.is_empty() && !warning.why.is_empty());
            assert!(!warning.what_to_do.is_empty());
        }
    }

    #[test]
    fn future_dated_records_are_ignored() {
        let runs = [run("2026-11-20", 10.0), run("2026-11-28", 50.0)];
        let report = report(&runs);
        assert_eq!(report.this_week.runs, 0);
        assert!(report.warnings.is_empty());
    }

    #[test]
    fn unusable_numbers_do_not_panic() {
        let mut odd = run("2026-11-26", 5.0);
        odd.distance = Distance::from_metres(f64::NAN);
        let mut zero = run("2026-11-25", 5.0);
        zero.duration = Duration::from_seconds(0);
        let ancient = run("0001-01-01", 5.0);
        let report = report(&[odd, zero, ancient]);
        assert_eq!(report.weeks.len(), MAX_WEEKS);
        assert_eq!(report.this_week.distance.metres(), 5000.0);
    }
}
