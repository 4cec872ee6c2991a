//! The back-to-running plan's news, while the runner is on it: its latest step back or hold
//! from the last [`PAIN_RECENT_DAYS`](super::PAIN_RECENT_DAYS) days, in the plan's own words
//! (`domain::protocol`). Every other rule defers to the plan meanwhile, so a run outside the
//! plan is a plan event ("Saturday's 4.5 mi run was more than week 3 allows"), never a "long
//! run" measured against the weeks before the injury, and the warning says what Home's and
//! Recovery's cards say, word for word, with whether to run today.

use super::rule::{History, LoadRule, Rule, Severity, Warning};
use crate::domain::protocol::Change;
use crate::domain::situation::Situation;

/// [`Rule::PlanSteppedBack`] and [`Rule::PlanHeld`].
pub struct Plan;

impl LoadRule for Plan {
    fn warnings(&self, history: &History) -> Vec<Warning> {
        plan_rule(history).into_iter().collect()
    }

    /// It is the plan speaking.
    fn defers_to_plan(&self) -> bool {
        false
    }
}

fn plan_rule(history: &History) -> Option<Warning> {
    let Situation::OnPlan {
        stage,
        setback: Some(decision),
        today,
        ..
    } = history.situation
    else {
        return None;
    };
    if decision.date < history.pain_recent_from() || decision.date > history.today {
        return None;
    }
    let (rule, severity) = match decision.change {
        Change::SteppedBack => (Rule::PlanSteppedBack, Severity::ReduceLoad),
        _ => (Rule::PlanHeld, Severity::Caution),
    };
    Some(Warning {
        rule,
        severity,
        date: decision.date,
        seen: format!("{} of the plan now: {}", stage.title(), stage.info().what),
        why: history.pain_rule.source().to_string(),
        what_to_do: format!("{} {}", decision.reason, today.words(*stage)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::load::analyse_in;
    use crate::domain::load::test_support::*;
    use crate::domain::protocol::{Decision, Stage, Today};

    fn on_plan(setback: Option<Decision>) -> Situation {
        Situation::OnPlan {
            stage: Stage::Week2,
            done: 0,
            needed: 3,
            setback,
            today: Today::RestDay,
            also_see_someone: false,
        }
    }

    fn back(date: &str) -> Decision {
        Decision {
            date: day(date),
            change: Change::SteppedBack,
            stage: Stage::Week2,
            reason: "You moved back to week 2 because the knee was 5/10 the morning after \
                     Thursday's 7 km run (26 Nov), above 3/10."
                .into(),
        }
    }

    #[test]
    fn on_the_plan_only_the_plan_speaks() {
        // A long run after short ones, with pain: spike and pain rules outside the plan.
        let runs = [
            run("2026-11-20", 3.0),
            Run {
                pain_during: score(6),
                ..run("2026-11-26", 7.0)
            },
        ];
        let pain = [entry("2026-11-27", 5, true)];
        let settings = Settings::default();
        let outside = analyse(&runs, &pain, &settings, today());
        assert!(outside
            .warnings
            .iter()
            .any(|w| w.rule == Rule::SingleRunSpike));
        let heard = analyse_in(
            &runs,
            &pain,
            &settings,
            today(),
            &on_plan(Some(back("2026-11-26"))),
        );
        let rules: Vec<Rule> = heard.warnings.iter().map(|w| w.rule).collect();
        assert_eq!(rules, [Rule::PlanSteppedBack]);
        let warning = &heard.warnings[0];
        assert!(warning.what_to_do.starts_with(&back("2026-11-26").reason));
        assert!(warning
            .what_to_do
            .ends_with("Today: rest. The plan keeps a rest day between runs."));
        assert_eq!(warning.severity, Severity::ReduceLoad);
    }

    #[test]
    fn old_news_and_no_news_are_quiet() {
        let settings = Settings::default();
        let quiet = |situation: &Situation| {
            analyse_in(&[], &[], &settings, today(), situation)
                .warnings
                .is_empty()
        };
        assert!(quiet(&on_plan(None)));
        // A week ago is no longer recent.
        assert!(quiet(&on_plan(Some(back("2026-11-20")))));
        assert!(!quiet(&on_plan(Some(back("2026-11-21")))));
        let held = Decision {
            change: Change::Held,
            ..back("2026-11-26")
        };
        let report = analyse_in(&[], &[], &settings, today(), &on_plan(Some(held)));
        assert_eq!(report.warnings[0].rule, Rule::PlanHeld);
        assert_eq!(report.warnings[0].severity, Severity::Caution);
    }
}
