//! The strength and mobility plan: today's checklist from the latest knee check (or a plan
//! picked by hand), saved as a strength session, and the week's adherence. The plan, its
//! cautions and the session are the domain's (`domain::strength_plan`).

use leptos::prelude::*;

use crate::components::words::{said, saying};

use crate::components::fields::SelectField;
use crate::components::status::{Attempt, Said, StatusLine};
use crate::domain::commands::Command;
use crate::domain::content::Exercise;
use crate::domain::strength_plan::{self, PlanChoice, StrengthPlan, STRENGTH_PER_WEEK};
use crate::domain::words;
use crate::platform::clock;
use crate::store::{use_store, AppStore};

#[component]
pub fn StrengthCard() -> impl IntoView {
    let store = use_store()?;
    let status = RwSignal::new(None::<Said>);
    let ticked = RwSignal::new(Vec::<&'static str>::new());
    let latest_check = Memo::new(move |_| store.data().with(|data| data.latest_check().cloned()));
    let choice = chosen_plan(store, status);
    let options = Signal::derive(move || {
        PlanChoice::offered(latest_check.with(Option::is_some))
            .into_iter()
            .map(|(choice, words)| (choice.key().to_string(), words))
            .collect::<Vec<_>>()
    });
    let plan = Memo::new(move |_| {
        let chosen = PlanChoice::from_key(&choice.get()).unwrap_or(PlanChoice::General);
        latest_check.with(|check| chosen.plan(check.as_ref()))
    });

    let save = move |_| {
        let done = ticked.get_untracked();
        let Some(session) =
            strength_plan::session_of_ticked(&done, clock::new_id(), clock::now(), clock::today())
        else {
            status.set(Some(Said::Note(
                "Tick the exercises you did, then save.".into(),
            )));
            return;
        };
        let kept = store.apply(Command::AddStrength(session));
        status.set(Said::after(kept, Attempt::Save, || {
            ticked.set(Vec::new());
            let exercises = words::count(done.len(), "exercise", "exercises");
            Some(Said::Saved(format!("{exercises} today")))
        }));
    };

    Some(view! {
        <section class="card recovery-strength" aria-labelledby="rec-strength-heading">
            <h2 id="rec-strength-heading">{said("Strength and mobility")}</h2>
            <SelectField id="rec-plan-for" label="Plan for" value=choice options=options />
            <Checklists plan ticked />
            <button type="button" class="button" on:click=save>
                {said("Save today's exercises")}
            </button>
            <StatusLine said=status />
            <Adherence store />
        </section>
    })
}

/// The plan chosen, kept with the back-to-running plan whenever the runner changes it.
fn chosen_plan(store: AppStore, status: RwSignal<Option<Said>>) -> RwSignal<String> {
    let stored = store
        .data()
        .with_untracked(|data| PlanChoice::from_stored(data.recovery.plan_conditions.as_deref()));
    let choice = RwSignal::new(stored.key().to_string());
    Effect::new(move |previous: Option<String>| {
        let picked = choice.get();
        if previous.is_some_and(|p| p != picked) {
            if let Some(chosen) = PlanChoice::from_key(&picked) {
                let kept = store.apply(Command::ChooseStrengthPlan {
                    conditions: chosen.to_stored(),
                    now: clock::now(),
                });
                if let Err(error) = kept {
                    status.set(Some(Said::Failed(Attempt::KeepChoice, error)));
                }
            }
        }
        picked
    });
    choice
}

/// The plan's cautions, then its mobility and strength checklists.
#[component]
fn Checklists(plan: Memo<StrengthPlan>, ticked: RwSignal<Vec<&'static str>>) -> impl IntoView {
    let list = move |title: &'static str, exercises: Vec<&'static Exercise>| {
        let items = exercises
            .into_iter()
            .map(|exercise| view! { <ExerciseItem exercise ticked /> });
        view! {
            <fieldset class="checklist">
                <legend>{said(title)}</legend>
                <ul class="plain-list">{items.collect_view()}</ul>
            </fieldset>
        }
    };
    move || {
        let plan = plan.get();
        let cautions = plan.cautions().into_iter().enumerate().map(|(i, words)| {
            // The warning sign (first, when there is one) asks to reduce; the rest to wait.
            let class = if i == 0 && plan.warning_sign {
                "warning reduce"
            } else {
                "warning caution"
            };
            view! { <p class=class>{said(words)}</p> }
        });
        view! {
            {cautions.collect_view()}
            {(!plan.mobility.is_empty()).then(|| list("Every day, 5–10 minutes: mobility", plan.mobility.clone()))}
            {(!plan.strength.is_empty()).then(|| list("2–3 times a week, 20–30 minutes: strength", plan.strength.clone()))}
        }
    }
}

/// One exercise: its tick, its dose, and how to do it folded away.
#[component]
fn ExerciseItem(exercise: &'static Exercise, ticked: RwSignal<Vec<&'static str>>) -> impl IntoView {
    let id = format!("rec-ex-{}", exercise.id);
    let label_for = id.clone();
    let checked = move || ticked.with(|t| t.contains(&exercise.id));
    let toggle = move |_| {
        ticked.update(|t| match t.iter().position(|e| *e == exercise.id) {
            Some(i) => {
                t.remove(i);
            }
            None => t.push(exercise.id),
        })
    };
    view! {
        <li class="exercise">
            <label class="check" for=label_for>
                <input type="checkbox" id=id prop:checked=checked on:change=toggle />
                <span>
                    <span class="exercise-name">{said(exercise.name)}</span>
                    <span class="hint">{said(format!(" · {}", exercise.dose))}</span>
                </span>
            </label>
            <details>
                <summary>{said(format!("How to do {}", exercise.name.to_lowercase()))}</summary>
                <p>{said(exercise.how_to)}</p>
            </details>
        </li>
    }
}

/// This week's strength sessions against the target.
#[component]
fn Adherence(store: AppStore) -> impl IntoView {
    let adherence = Memo::new(move |_| {
        store.data().with(|data| {
            strength_plan::adherence(&data.strength, clock::today(), data.settings.week_start)
        })
    });
    view! {
        <div class="adherence" aria-labelledby="rec-adherence-heading">
            <h3 id="rec-adherence-heading">{said("This week")}</h3>
            <p id="rec-adherence">{saying(move || adherence.get().summary())}</p>
            <p>
                <label for="rec-adherence-progress">{said("Strength sessions against the target")}</label>
                <progress
                    id="rec-adherence-progress"
                    max=STRENGTH_PER_WEEK.1
                    value=move || adherence.get().strength_sessions.min(STRENGTH_PER_WEEK.1)
                ></progress>
            </p>
            <p class="hint">
                {move || store.data().with(|data| data.settings.english()).say(&adherence.get().outlook())}
            </p>
        </div>
    }
}
