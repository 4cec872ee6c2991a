//! Choosing a session before it starts: the plan's current stage, or the runner's own walk,
//! run and total minutes, and the Start button.

use leptos::prelude::*;

use crate::components::words::said;

use super::Timer;
use crate::components::fields::{SelectField, TextField};
use crate::components::show::ShowAny;
use crate::components::status::Said;
use crate::domain::interval_timer::setup::offered_stage;
use crate::domain::interval_timer::TimerPlan;
use crate::pages::recovery::protocol_card::current_state;
use crate::store::use_store;

const STAGE: &str = "stage";
const CUSTOM: &str = "custom";

/// The session chosen and the runner's own minutes, as typed.
#[derive(Clone, Copy)]
pub(super) struct PlanChoice {
    choice: RwSignal<String>,
    walk: RwSignal<String>,
    run: RwSignal<String>,
    total: RwSignal<String>,
}

impl PlanChoice {
    /// The plan's stage, with week 1's minutes ready for a runner who picks their own.
    pub(super) fn new() -> PlanChoice {
        PlanChoice {
            choice: RwSignal::new(STAGE.to_string()),
            walk: RwSignal::new("2".to_string()),
            run: RwSignal::new("1".to_string()),
            total: RwSignal::new("21".to_string()),
        }
    }
}

#[component]
pub(super) fn TimerSetup(timer: Timer, choice: PlanChoice) -> impl IntoView {
    let store = use_store()?;
    let stage = move || offered_stage(current_state(store).as_ref());
    let options = Signal::derive(move || {
        let stage = stage();
        vec![
            (
                STAGE.to_string(),
                format!(
                    "{}: {}",
                    stage.title(),
                    TimerPlan::for_stage(stage).describe()
                ),
            ),
            (
                CUSTOM.to_string(),
                "My own walk and run minutes".to_string(),
            ),
        ]
    });
    let start = move |_| {
        timer.status.set(None);
        let plan = if choice.choice.get_untracked() == STAGE {
            Ok(TimerPlan::for_stage(untrack(stage)))
        } else {
            TimerPlan::from_typed(
                &choice.walk.get_untracked(),
                &choice.run.get_untracked(),
                &choice.total.get_untracked(),
            )
        };
        match plan {
            Ok(plan) => timer.start(store, plan),
            Err(reason) => timer.say(Said::Note(reason)),
        }
    };
    let no_error = || Signal::derive(|| None::<String>);

    Some(view! {
        <SelectField id="rec-timer-plan" label="Session" value=choice.choice options=options />
        <ShowAny when=move || choice.choice.with(|c| c == CUSTOM)>
            <div class="timer-custom">
                <TextField
                input_mode="numeric" id="rec-walk" label="Walk (minutes)" value=choice.walk error=no_error() />
                <TextField
                input_mode="numeric" id="rec-run" label="Run (minutes)" value=choice.run error=no_error() />
                <TextField
                input_mode="numeric" id="rec-total" label="Total (minutes)" value=choice.total error=no_error() />
            </div>
        </ShowAny>
        <button type="button" class="button timer-start" on:click=start>
            {said("Start")}
        </button>
    })
}
