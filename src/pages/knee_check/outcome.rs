//! The result of a knee check: care first in one sentence, then what it may be and why,
//! the phased plan, exercises, when to see someone, and the disclaimer. On paper it is a
//! one-page summary for a clinician: the parts written for the runner (`kc-for-runner`) stay
//! on screen.

use leptos::prelude::*;

use crate::domain::content::{self, exercises::Exercise};
use crate::domain::records::CareTier;
use crate::domain::triage::engine::{self, Outcome};

/// "a, b and c".
pub fn join_words(parts: &[&str]) -> String {
    match parts {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

fn tier_class(tier: CareTier) -> &'static str {
    match tier {
        CareTier::EmergencyNow => "kc-tier emergency",
        CareTier::SameDay => "kc-tier same-day",
        CareTier::SeeProfessionalSoon => "kc-tier soon",
        CareTier::SelfManage => "kc-tier self",
    }
}

/// The whole result. `heading` names it ("Your result" or "Knee check from …").
#[component]
pub fn OutcomeView(outcome: Outcome, heading: String) -> impl IntoView {
    let tier = outcome.tier;
    let mut actions: Vec<&'static str> = Vec::new();
    for reason in &outcome.care_reasons {
        if !actions.contains(&reason.action) {
            actions.push(reason.action);
        }
    }
    let said: Vec<&str> = outcome.care_reasons.iter().map(|r| r.said).collect();
    let care = view! {
        <section class=format!("card kc-result {}", tier_class(tier)) aria-labelledby="kc-result-heading">
            <h2 id="kc-result-heading" tabindex="-1">{heading}</h2>
            <p class="kc-tier-sentence">
                <strong>{engine::tier_name(tier)}": "</strong>
                {outcome.headline()}
            </p>
            {(!said.is_empty())
                .then(|| {
                    view! {
                        <p class="kc-because">{format!("Because you said {}.", join_words(&said))}</p>
                    }
                })}
            {(!actions.is_empty())
                .then(|| {
                    view! {
                        <h3>{if outcome.stopped_early { "What to do right now" } else { "What to do" }}</h3>
                        <ul>{actions.iter().map(|a| view! { <li>{*a}</li> }).collect_view()}</ul>
                    }
                })}
        </section>
    };

    let conditions = (!outcome.conditions.is_empty()).then(|| {
        let items = outcome
            .conditions
            .iter()
            .map(|likely| {
                let c = likely.condition;
                view! {
                    <li class="kc-condition">
                        <h3>{c.name}</h3>
                        <p class="kc-because">{format!("Because you said {}.", join_words(&likely.because))}</p>
                        <p>{c.about}</p>
                        <p class="hint">{c.timeline}</p>
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="card" aria-labelledby="kc-conditions">
                <h2 id="kc-conditions">"What it may be"</h2>
                <p class="hint">"Most likely first. Only an examination can say for sure."</p>
                <ul class="kc-list">{items}</ul>
            </section>
        }
    });

    let factors = (!outcome.factors.is_empty()).then(|| {
        let items = outcome
            .factors
            .iter()
            .map(|found| {
                view! {
                    <li class="kc-factor">
                        <h3>{found.factor.name}</h3>
                        <p class="kc-because">{format!("Because you said {}.", join_words(&found.because))}</p>
                        <p>{found.factor.why}</p>
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="card" aria-labelledby="kc-factors">
                <h2 id="kc-factors">"What may be adding to it"</h2>
                <ul class="kc-list">{items}</ul>
            </section>
        }
    });

    let plan = (!outcome.plan.is_empty()).then(|| {
        let stages = outcome
            .plan
            .iter()
            .map(|planned| {
                view! {
                    <li>
                        <h3>{planned.stage.title}</h3>
                        <ul>{planned.steps.iter().map(|s| view! { <li>{*s}</li> }).collect_view()}</ul>
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="card kc-for-runner" aria-labelledby="kc-plan">
                <h2 id="kc-plan">"Your plan"</h2>
                <ol class="kc-list kc-phases">{stages}</ol>
                {outcome.settling_timeline().map(|line| view! { <p class="hint">{line}</p> })}
            </section>
        }
    });

    let exercises = if outcome.exercises.is_empty() {
        (outcome.exercises_wait && !outcome.stopped_early).then(|| {
            view! {
                <section class="card kc-for-runner" aria-labelledby="kc-exercises">
                    <h2 id="kc-exercises">"Exercises"</h2>
                    <p>
                        "After a pain that started suddenly, wait until someone has examined the knee before starting strength exercises. Gentle movement that does not hurt is fine."
                    </p>
                </section>
            }
            .into_any()
        })
    } else {
        let any_hip = outcome.exercises.iter().any(|e| e.hip_work);
        let items = outcome
            .exercises
            .iter()
            .map(|e| exercise_item(e))
            .collect_view();
        Some(
            view! {
                <section class="card kc-for-runner" aria-labelledby="kc-exercises">
                    <h2 id="kc-exercises">"Exercises"</h2>
                    <p class="hint">
                        "Move within a range that does not hurt; mild discomfort up to 3 out of 10 that settles by the next morning is acceptable."
                    </p>
                    <ul class="kc-list kc-exercises">{items}</ul>
                    {any_hip.then(|| view! { <p>{content::HIP_WORK_TIMELINE}</p> })}
                </section>
            }
            .into_any(),
        )
    };

    let notes = (!outcome.notes.is_empty()).then(|| {
        view! {
            <section class="card kc-for-runner" aria-labelledby="kc-notes">
                <h2 id="kc-notes">"Good to know"</h2>
                <ul>{outcome.notes.iter().map(|n| view! { <li>{*n}</li> }).collect_view()}</ul>
            </section>
        }
    });

    // After a warning sign the care above is the whole answer: "if it lasts two weeks
    // despite the plan" would contradict it, and there is no plan.
    let see_someone = (!outcome.stopped_early).then(|| {
        view! {
            <section class="card kc-for-runner" aria-labelledby="kc-see">
                <h2 id="kc-see">"When to see a professional"</h2>
                <p>"See a GP, physiotherapist or sports medicine doctor if:"</p>
                <ul>{engine::SEE_SOMEONE_IF.iter().map(|s| view! { <li>{*s}</li> }).collect_view()}</ul>
            </section>
        }
    });

    view! {
        <div class="kc-outcome">
            {care}
            {conditions}
            {factors}
            {plan}
            {exercises}
            {notes}
            {see_someone}
            <p class="kc-disclaimer">{content::DISCLAIMER}</p>
        </div>
    }
}

fn exercise_item(exercise: &'static Exercise) -> impl IntoView {
    view! {
        <li class="kc-exercise">
            <h3>{exercise.name}</h3>
            <p class="kc-dose">{exercise.dose}</p>
            <p>{exercise.how_to}</p>
        </li>
    }
}
