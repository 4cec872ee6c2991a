//! The result of a knee check, on one phone screen first: the care tier, what it probably
//! is, what to do now (the same words Home shows, from `domain::situation`), when to be
//! seen, and the result's own buttons. Everything else (why, the plan week by week, the
//! exercises, the full list of when to see someone, the answers) is folded below, each piece
//! once. On paper it is a one-page summary for a clinician: the parts written for the runner
//! (`kc-for-runner`) stay on screen, and the folded "why" is opened for printing.

use leptos::prelude::*;

use crate::components::words::said;

use crate::domain::content::{self, exercises::Exercise};
use crate::domain::knee_check_result::{self, PlanPhase};
use crate::domain::locale::English;
use crate::domain::pain::PainRule;
use crate::domain::records::{CareTier, TriageRecord};
use crate::domain::triage::engine::{self, join_words, Outcome};
use crate::store::use_store;

fn tier_class(tier: CareTier) -> &'static str {
    match tier {
        CareTier::EmergencyNow => "kc-tier emergency",
        CareTier::SameDay => "kc-tier same-day",
        CareTier::SeeProfessionalSoon => "kc-tier soon",
        CareTier::SelfManage => "kc-tier self",
    }
}

/// The whole result. `heading` names it ("Your result" or "Knee check from …"); `check` is
/// the check as saved (or as it would be), whose situation gives the week's words;
/// `children` are the result's buttons, shown at the foot of the first card.
#[component]
pub fn OutcomeView(
    outcome: Outcome,
    heading: String,
    check: TriageRecord,
    children: Children,
) -> impl IntoView {
    let tier = outcome.tier;
    let english = use_store().map_or(English::default(), |store| {
        store.data().with_untracked(|data| data.settings.english())
    });
    let say = move |text: &str| english.say(text);
    let screen = knee_check_result::first_screen(&outcome, &check);
    let phases = knee_check_result::plan(&outcome, &check);
    let care = view! {
        <section class=format!("card kc-result {}", tier_class(tier)) aria-labelledby="kc-result-heading">
            // The knee in the heading's line: the first screen has no line to spare.
            <h2 id="kc-result-heading" tabindex="-1">
                {say(&heading)}
                {check.knee().map(|knee| view! { <span class="kc-knee">{say(&format!(" · {knee}"))}</span> })}
            </h2>
            <p class="kc-tier-sentence">
                <strong>{say(screen.tier)}": "</strong>
                {say(&screen.tier_line)}
            </p>
            {screen.probably.map(|names| view! {
                <p class="kc-likely">
                    <strong>{said("Probably: ")}</strong>
                    {say(&names)}
                </p>
            })}
            {screen.note.map(|note| view! { <p class="kc-note">{say(note)}</p> })}
            <h3 class="kc-do-heading">{say(&screen.do_heading)}</h3>
            <ul class="kc-do-now">{screen.do_now.into_iter().map(|a| view! { <li>{say(&a)}</li> }).collect_view()}</ul>
            {screen.see_someone.map(|line| view! {
                <p class="kc-see">
                    <strong>{said("See someone: ")}</strong>
                    {say(line)}
                </p>
            })}
            <div class="actions kc-actions">{children()}</div>
        </section>
    };

    view! {
        <div class="kc-outcome">
            {care}
            {why_this_result(&outcome, english)}
            {plan(&outcome, phases, english)}
            {exercises(&outcome, english)}
            {notes(&outcome, english)}
            {see_someone(&outcome, english)}
            <p class="kc-disclaimer">{say(content::DISCLAIMER)}</p>
        </div>
    }
}

/// The reasons behind the tier, each likely cause with what it is and how long it takes,
/// and what may be adding to it. Opened for printing: it is what a clinician reads.
fn why_this_result(outcome: &Outcome, english: English) -> Option<impl IntoView + use<>> {
    if outcome.stopped_early {
        return None;
    }
    let say = move |text: &str| english.say(text);
    let reasons = outcome.care_actions();
    let said: Vec<&str> = outcome.care_reasons.iter().map(|r| r.said).collect();
    let care = (!reasons.is_empty()).then(|| {
        view! {
            <h3>{say("Why see someone")}</h3>
            <p class="kc-because">{say(&format!("Because you said {}.", join_words(&said)))}</p>
            <ul>{reasons.into_iter().map(|r| view! { <li>{say(r)}</li> }).collect_view()}</ul>
        }
    });
    let conditions = (!outcome.conditions.is_empty()).then(|| {
        let items = outcome
            .conditions
            .iter()
            .map(|likely| {
                let c = likely.condition;
                view! {
                    <li class="kc-condition">
                        <h4>{say(c.name)}</h4>
                        <p class="kc-because">{say(&format!("Because you said {}.", join_words(&likely.because)))}</p>
                        <p>{say(c.about)}</p>
                        <p class="hint">{say(c.timeline)}</p>
                    </li>
                }
            })
            .collect_view();
        view! {
            <h3 id="kc-conditions">{say("What it may be")}</h3>
            <p class="hint">{say(content::CAUSES_HINT)}</p>
            <ul class="kc-list">{items}</ul>
        }
    });
    let factors = (!outcome.factors.is_empty()).then(|| {
        let items = outcome
            .factors
            .iter()
            .map(|found| {
                view! {
                    <li class="kc-factor">
                        <h4>{say(found.factor.name)}</h4>
                        <p class="kc-because">{say(&format!("Because you said {}.", join_words(&found.because)))}</p>
                        <p>{say(found.factor.why)}</p>
                    </li>
                }
            })
            .collect_view();
        view! {
            <h3 id="kc-factors">{say("What may be adding to it")}</h3>
            <ul class="kc-list">{items}</ul>
        }
    });
    Some(view! {
        <Fold id="kc-why" title="Why this result".to_string() class="kc-print-open">
            {care}
            {conditions}
            {factors}
        </Fold>
    })
}

/// The plan week by week, unfolded: its first phase is the week the first screen gives, and
/// the rest follow from it. The pain limit is said once, above the phases.
fn plan(
    outcome: &Outcome,
    phases: Vec<PlanPhase>,
    english: English,
) -> Option<impl IntoView + use<>> {
    if phases.is_empty() {
        return None;
    }
    let say = move |text: &str| english.say(text);
    let stages = phases
        .into_iter()
        .map(|phase| {
            view! {
                <li>
                    <h3>{say(&format!("{}: {}", phase.title, phase.headline))}</h3>
                    <ul>{phase.steps.into_iter().map(|s| view! { <li>{say(&s)}</li> }).collect_view()}</ul>
                </li>
            }
        })
        .collect_view();
    let settling = outcome
        .settling_timeline()
        .map(|line| view! { <p class="hint">{say(line)}</p> });
    Some(view! {
        <Fold id="kc-plan" title="Your plan, week by week".to_string() class="kc-for-runner" open=true>
            <p class="kc-limit">{say(knee_check_result::RECOVERY_LIMIT)}</p>
            <ol class="kc-list kc-phases">{stages}</ol>
            {settling}
        </Fold>
    })
}

fn exercises(outcome: &Outcome, english: English) -> Option<AnyView> {
    let say = move |text: &str| english.say(text);
    if outcome.exercises.is_empty() {
        return (outcome.exercises_wait && !outcome.stopped_early).then(|| {
            view! {
                <Fold id="kc-exercises" title="Exercises".to_string() class="kc-for-runner">
                    <p>{say(content::EXERCISES_WAIT)}</p>
                </Fold>
            }
            .into_any()
        });
    }
    let any_hip = outcome.exercises.iter().any(|e| e.hip_work);
    let count = outcome.exercises.len();
    let items = outcome
        .exercises
        .iter()
        .map(|e| exercise_item(e, english))
        .collect_view();
    Some(
        view! {
            <Fold id="kc-exercises" title=format!("Exercises ({count})") class="kc-for-runner">
                <p class="hint">{say(content::EXERCISE_HINT)}" "{say(PainRule::Recovery.sentence())}</p>
                <ul class="kc-list kc-exercises">{items}</ul>
                {any_hip.then(|| view! { <p>{say(content::HIP_WORK_TIMELINE)}</p> })}
            </Fold>
        }
        .into_any(),
    )
}

fn notes(outcome: &Outcome, english: English) -> Option<impl IntoView + use<>> {
    (!outcome.notes.is_empty()).then(|| {
        let items = outcome
            .notes
            .iter()
            .map(|n| view! { <li>{english.say(n)}</li> })
            .collect_view();
        view! {
            <Fold id="kc-notes" title="Good to know".to_string() class="kc-for-runner">
                <ul>{items}</ul>
            </Fold>
        }
    })
}

/// After a warning sign the care above is the whole answer: "if it lasts two weeks despite
/// the plan" would contradict it, and there is no plan.
fn see_someone(outcome: &Outcome, english: English) -> Option<impl IntoView + use<>> {
    let say = move |text: &str| english.say(text);
    (!outcome.stopped_early).then(|| {
        view! {
            <Fold id="kc-see" title="When to see a professional".to_string() class="kc-for-runner">
                <p>{say(content::SEE_SOMEONE_IF_INTRO)}</p>
                <ul>{engine::SEE_SOMEONE_IF.iter().map(|s| view! { <li>{say(s)}</li> }).collect_view()}</ul>
            </Fold>
        }
    })
}

/// A part of the result folded under its heading: a region named by the heading, opened
/// with one tap on it.
#[component]
fn Fold(
    id: &'static str,
    title: String,
    /// `kc-for-runner` (left off paper) or `kc-print-open` (opened for paper).
    class: &'static str,
    /// Open from the start.
    #[prop(optional)]
    open: bool,
    children: Children,
) -> impl IntoView {
    view! {
        <section class=format!("card kc-fold {class}") aria-labelledby=id>
            <details class=class open=open>
                <summary>
                    <h2 id=id>{said(title)}</h2>
                </summary>
                {children()}
            </details>
        </section>
    }
}

fn exercise_item(exercise: &'static Exercise, english: English) -> impl IntoView {
    let say = move |text: &str| english.say(text);
    view! {
        <li class="kc-exercise">
            <h3>{say(exercise.name)}</h3>
            <p class="kc-dose">{say(exercise.dose)}</p>
            <p>{say(exercise.how_to)}</p>
        </li>
    }
}
