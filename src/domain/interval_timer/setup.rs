//! Choosing a session before it starts: the stage the timer offers, and a plan of the
//! runner's own walk, run and total minutes read from what they typed.

use super::TimerPlan;
use crate::domain::protocol::{ProtocolState, Stage};

/// The stage whose session the timer offers: the plan's step now, or week 1 for a runner
/// not on the plan or past its end (the gentlest session is the safe default).
pub fn offered_stage(state: Option<&ProtocolState>) -> Stage {
    state
        .filter(|state| !state.finished)
        .map_or(Stage::Week1, |state| state.stage)
}

impl TimerPlan {
    /// The runner's own plan from the minutes as typed. Each number is checked in turn so the
    /// message names the first one that is wrong; a walk of 0 is allowed (a continuous run),
    /// a run or total of 0 is not. Numbers out of range are clamped by [`TimerPlan::custom`].
    pub fn from_typed(walk: &str, run: &str, total: &str) -> Result<TimerPlan, String> {
        let number = |text: &str, what: &str| {
            text.trim()
                .parse::<u32>()
                .map_err(|_| format!("Enter the {what} in whole minutes."))
        };
        let walk = number(walk, "walking time")?;
        let run = number(run, "running time")?;
        let total = number(total, "total time")?;
        if run == 0 || total == 0 {
            return Err("Running and total minutes must be more than 0.".to_string());
        }
        Ok(TimerPlan::custom(walk, run, total))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    fn on_plan(stage: Stage, finished: bool) -> ProtocolState {
        ProtocolState {
            stage,
            finished,
            done_in_stage: 0,
            decisions: Vec::new(),
            today: Default::default(),
            dates: Default::default(),
        }
    }

    #[test]
    fn the_offered_stage_is_the_plans_step_or_week_1() {
        assert_eq!(offered_stage(None), Stage::Week1);
        assert_eq!(
            offered_stage(Some(&on_plan(Stage::Week3, false))),
            Stage::Week3
        );
        // Past the plan's end there is no step to time: back to the gentlest.
        assert_eq!(
            offered_stage(Some(&on_plan(Stage::Week3, true))),
            Stage::Week1
        );
    }

    #[test]
    fn typed_minutes_make_a_plan() {
        assert_eq!(
            TimerPlan::from_typed(" 3 ", "2", "30"),
            Ok(TimerPlan {
                walk_minutes: 3,
                run_minutes: 2,
                total_minutes: 30
            })
        );
        // No walking is one continuous run.
        let continuous = TimerPlan::from_typed("0", "20", "20").unwrap();
        assert_eq!(continuous.walk_minutes, 0);
        assert_eq!(continuous.describe(), "20 min continuous easy run");
        // Out of range is clamped, not refused.
        let long = TimerPlan::from_typed("90", "1", "999").unwrap();
        assert_eq!((long.walk_minutes, long.total_minutes), (60, 180));
    }

    #[test]
    fn the_first_wrong_number_is_named() {
        assert_eq!(
            TimerPlan::from_typed("two", "x", ""),
            Err("Enter the walking time in whole minutes.".to_string())
        );
        assert_eq!(
            TimerPlan::from_typed("2", "1.5", "21"),
            Err("Enter the running time in whole minutes.".to_string())
        );
        assert_eq!(
            TimerPlan::from_typed("2", "1", "-21"),
            Err("Enter the total time in whole minutes.".to_string())
        );
    }

    #[test]
    fn running_and_total_must_be_more_than_nothing() {
        let refused = Err("Running and total minutes must be more than 0.".to_string());
        assert_eq!(TimerPlan::from_typed("2", "0", "21"), refused);
        assert_eq!(TimerPlan::from_typed("2", "1", "0"), refused);
    }
}
