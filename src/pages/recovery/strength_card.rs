//! The strength and mobility plan: today's checklist from the latest knee check (or a plan
//! picked by hand), saved as a strength session, and the week's adherence.

use leptos::prelude::*;

use crate::components::fields::SelectField;
use crate::components::status::{Attempt, Said, StatusLine};
use crate::domain::commands::Command;
use crate::domain::content::{ConditionId, Exercise};
use crate::domain::records::StrengthSession;
use crate::domain::strength_plan::{self, PlanChoice, StrengthPlan, STRENGTH_PER_WEEK};
use crate::platform::clock;
use crate::store::use_store;

#[component]
pub fn StrengthCard() -> impl IntoView {
    let store = use_store()?;
    let status = RwSignal::new(None::<Said>);
    let ticked = RwSignal::new(Vec::<&'static str>::new());

    let latest_check = Memo::new(move |_| store.data().with(|data| data.latest_check().cloned()));
    let stored_choice = store
        .data()
        .with_untracked(|data| PlanChoice::from_stored(data.recovery.plan_conditions.as_deref()));
    let choice = RwSignal::new(stored_choice.key().to_string());
    let options = Signal::derive(move || {
        PlanChoice::offered(latest_check.with(Option::is_some))
            .into_iter()
            .map(|(choice, words)| (choice.key().to_string(), words))
            .collect::<Vec<_>>()
    });
    // Keep the choice with the back-to-running plan.
    Effect::new(move |previous: Option<String>| {
        let picked = choice.get();
        if previous.is_some_and(|p| p != picked) {
            if let Some(chosen) = PlanChoice::from_key(&picked) {
                let outcome = store.apply(Command::ChooseStrengthPlan {
                    conditions: chosen.to_stored(),
                    now: clock::now(),
                });
                if let Err(error) = outcome {
                    status.set(Some(Said::Failed(Attempt::KeepChoice, error)));
                }
            }
        }
        picked
    });

    let plan = Memo::new(move |_| {
        let chosen = PlanChoice::from_key(&choice.get()).unwrap_or(PlanChoice::General);
        latest_check.with(|check| chosen.plan(check.as_ref()))
    });
    let adherence = Memo::new(move |_| {
        store.data().with(|data| {
            strength_plan::adherence(&data.strength, clock::today(), data.settings.week_start)
        })
    });

    let save = move |_| {
        let exercises: Vec<String> = ticked
            .get_untracked()
            .iter()
            .map(|id| id.to_string())
            .collect();
        if exercises.is_empty() {
            status.set(Some(Said::Note(
                "Tick the exercises you did, then save.".into(),
            )));
            return;
        }
        let count = exercises.len();
        let session = StrengthSession {
            id: clock::new_id(),
            updated_at: clock::now(),
            date: clock::today(),
            exercises,
            minutes: None,
            note: String::new(),
        };
        let kept = store.apply(Command::AddStrength(session));
        status.set(Said::after(kept, Attempt::Save, || {
            ticked.set(Vec::new());
            let exercises = crate::domain::words::count(count, "exercise", "exercises");
            Some(Said::Saved(format!("{exercises} today")))
        }));
    };

    let item = move |exercise: &'static Exercise| {
        let id = format!("rec-ex-{}", exercise.id);
        let label_for = id.clone();
        let checked = move || ticked.with(|t| t.contains(&exercise.id));
        let toggle = move |_| {
            ticked.update(|t| {
                if let Some(i) = t.iter().position(|e| *e == exercise.id) {
                    t.remove(i);
                } else {
                    t.push(exercise.id);
                }
            })
        };
        view! {
            <li class="exercise">
                <label class="check" for=label_for>
                    <input type="checkbox" id=id prop:checked=checked on:change=toggle />
                    <span>
                        <span class="exercise-name">{exercise.name}</span>
                        <span class="hint">{format!(" · {}", exercise.dose)}</span>
                    </span>
                </label>
                <details>
                    <summary>{format!("How to do {}", exercise.name.to_lowercase())}</summary>
                    <p>{exercise.how_to}</p>
                </details>
            </li>
        }
    };
    let list = move |title: &'static str, exercises: Vec<&'static Exercise>| {
        view! {
            <fieldset class="checklist">
                <legend>{title}</legend>
                <ul class="plain-list">{exercises.into_iter().map(item).collect_view()}</ul>
            </fieldset>
        }
    };

    let body = move || {
        let StrengthPlan {
            strength,
            mobility,
            waiting_for_assessment,
            warning_sign,
            ..
        } = plan.get();
        let waiting: Vec<&'static str> = waiting_for_assessment
            .iter()
            .map(|id: &ConditionId| id.info().name)
            .collect();
        let note = (!waiting.is_empty()).then(|| {
            view! {
                <p class="warning caution">
                    {format!(
                        "Your last knee check pointed to {}. Exercises should wait until someone \
                         has examined the knee.",
                        waiting.join(" or ").to_lowercase()
                    )}
                </p>
            }
        });
        let warning = warning_sign.then(|| {
            view! {
                <p class="warning reduce">
                    "Your last knee check found a warning sign. Have the knee examined before \
                     starting these exercises; once it has been, pick a plan above."
                </p>
            }
        });
        view! {
            {warning}
            {note}
            {(!mobility.is_empty()).then(|| list("Every day, 5–10 minutes: mobility", mobility))}
            {(!strength.is_empty())
                .then(|| list("2–3 times a week, 20–30 minutes: strength", strength))}
        }
    };

    Some(view! {
        <section class="card recovery-strength" aria-labelledby="rec-strength-heading">
            <h2 id="rec-strength-heading">"Strength and mobility"</h2>
            <SelectField id="rec-plan-for" label="Plan for" value=choice options=options />
            {body}
            <button type="button" class="button" on:click=save>
                "Save today's exercises"
            </button>
            <StatusLine said=status />
            <div class="adherence" aria-labelledby="rec-adherence-heading">
                <h3 id="rec-adherence-heading">"This week"</h3>
                <p id="rec-adherence">{move || adherence.get().summary()}</p>
                <p>
                    <label for="rec-adherence-progress">"Strength sessions against the target"</label>
                    <progress
                        id="rec-adherence-progress"
                        max=STRENGTH_PER_WEEK.1
                        value=move || adherence.get().strength_sessions.min(STRENGTH_PER_WEEK.1)
                    ></progress>
                </p>
                <p class="hint">{move || adherence.get().outlook()}</p>
            </div>
        </section>
    })
}
