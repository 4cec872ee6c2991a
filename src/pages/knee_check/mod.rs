//! Knee check: red flags first, then where and how it hurts and why, ending in a result
//! with a plan. The wizard keeps its answers in localStorage as it goes, so a reload mid-way
//! loses nothing; a finished check can be saved to history, printed, or taken to Recovery.
//!
//! Thin: the questions, the flow and every rule live in `domain::triage`.

mod draft_store;
mod history;
mod knee_map;
mod last_check;
mod outcome;
mod wizard;

use leptos::prelude::*;

use crate::app_base::use_href;
use crate::components::page_intro::PageIntro;
use crate::components::status::{Attempt, Said};
use crate::domain::commands::Command;
use crate::domain::records::RecordId;
use crate::domain::triage::{self, Answers, Draft, Step};
use crate::domain::{shoes, units::DistanceUnit};
use crate::platform::document::{focus_heading, print_with_open};
use crate::platform::{clock, release};
use crate::routes::Destination;
use crate::store::use_store;

pub use last_check::LastKneeCheck;
use outcome::OutcomeView;
use wizard::{Action, QuestionScreen};

/// What the screen shows. The draft is kept apart from it: leaving the questions keeps the
/// answers, to carry on later.
#[derive(Clone, Debug, PartialEq)]
enum Mode {
    /// The start card ("Continue" when a draft is kept) and the past checks.
    Start,
    /// The draft's questions, then its result until it is saved.
    Answering,
    /// A saved check, opened from the past checks or just saved.
    Viewing(RecordId),
}

#[component]
pub fn KneeCheckPage() -> impl IntoView {
    let store = use_store();
    let recovery_href = use_href(Destination::Recovery);

    let restored = draft_store::load(store);
    let mode = RwSignal::new(if restored.is_some() {
        Mode::Answering
    } else {
        Mode::Start
    });
    let draft = RwSignal::new(restored);
    let status = RwSignal::new(None::<Said>);

    let keep = move |next: Option<Draft>| {
        let kept = draft_store::keep(store, next.as_ref());
        status.set(Said::after(kept, Attempt::KeepAnswers, || None));
        draft.set(next);
    };
    let focus_current = move || {
        let on_result = draft.with_untracked(|d| d.as_ref().is_some_and(Draft::is_finished));
        focus_heading(if on_result {
            "kc-result-heading"
        } else {
            "kc-question"
        });
    };

    let on_action = Callback::new(move |action: Action| {
        let Some(mut d) = draft.get_untracked() else {
            return;
        };
        match action {
            Action::Answer(question, picked) => {
                let refs: Vec<&str> = picked.iter().map(String::as_str).collect();
                d.answer(question, &refs);
            }
            Action::Skip(question) => d.skip(question),
            Action::Back => {
                if !d.back() {
                    // Back from the first question leaves the wizard; the answers stay.
                    mode.set(Mode::Start);
                    focus_heading("kc-start");
                    return;
                }
            }
        }
        keep(Some(d));
        focus_current();
    });

    // Distances in the runner's unit; how worn their shoes are, from the Log when it has any.
    let unit = move || {
        store.map_or(DistanceUnit::default(), |s| {
            s.data().with(|d| d.settings.units)
        })
    };
    let start = move |fresh: bool| {
        if fresh || draft.with_untracked(Option::is_none) {
            let mut fresh_draft = Draft::new();
            let logged = store.and_then(|store| {
                store.data().with_untracked(|data| {
                    let report =
                        shoes::shoe_report(&data.shoes, &data.runs, &data.settings, clock::today());
                    triage::from_log::shoe_answer(&report.shoes)
                })
            });
            if let Some(answer) = logged {
                fresh_draft
                    .answers
                    .set(triage::from_log::SHOE_QUESTION, &[answer]);
            }
            keep(Some(fresh_draft));
        }
        mode.set(Mode::Answering);
        focus_current();
    };

    let save = move |answers: Answers| {
        let Some(store) = store else {
            return;
        };
        let record =
            triage::evaluate(&answers).record(&answers, clock::new_id(), clock::now_here());
        let id = record.id.clone();
        // On a failure the answers stay in the wizard, so nothing is lost; the reason is shown.
        let kept = store.apply(Command::RecordCheck(record));
        let said = Said::after(kept, Attempt::Save, || {
            keep(None);
            mode.set(Mode::Viewing(id));
            focus_heading("kc-result-heading");
            Some(Said::Note("Saved to your past checks.".into()))
        });
        status.set(said);
    };

    // Why and the answers are opened for the physiotherapist who reads the printout.
    let print = move |_| print_with_open(&["details.kc-print-open", "details.kc-answers"]);

    let screen = move || {
        if let Mode::Viewing(id) = mode.get() {
            let record = store.and_then(|store| {
                store
                    .data()
                    .with(|data| data.triage.iter().find(|r| r.id == id).cloned())
            });
            let Some(record) = record else {
                return view! {
                    <section class="card">
                        <h2 id="kc-result-heading" tabindex="-1">"That check is no longer saved"</h2>
                        <button type="button" class="button secondary" on:click=move |_| mode.set(Mode::Start)>
                            "Back to knee check"
                        </button>
                    </section>
                }
                .into_any();
            };
            let answers = Answers::from_record_map(&record.answers);
            let result = record.outcome().in_unit(unit());
            let heading = format!("Knee check from {}", history::taken_label(&record));
            let recovery = recovery_href.clone();
            let offers_recovery = result.offers_recovery();
            return view! {
                <PrintHeader />
                <OutcomeView outcome=result heading=heading check=record.clone()>
                    {offers_recovery
                        .then(|| view! { <a class="button" href=recovery>"Start the back-to-running plan"</a> })}
                    <button type="button" class="button secondary" on:click=print>"Print summary"</button>
                    <button
                        type="button"
                        class="button secondary"
                        on:click=move |_| {
                            mode.set(Mode::Start);
                            status.set(None);
                            focus_heading("kc-start");
                        }
                    >
                        "Back to knee check"
                    </button>
                </OutcomeView>
                <AnswersGiven answers=answers unit=unit() />
            }
            .into_any();
        }
        let current = draft.get();
        match current {
            Some(d) if mode.get() == Mode::Answering => match d.step() {
                step @ Step::Ask { question, .. } => {
                    let given = d
                        .answers
                        .get(question.id)
                        .map(<[String]>::to_vec)
                        .unwrap_or_default();
                    view! { <QuestionScreen step=step given=given unit=unit() on_action=on_action /> }
                        .into_any()
                }
                Step::Outcome => {
                    let result = triage::evaluate(&d.answers).in_unit(unit());
                    let offers_recovery = result.offers_recovery();
                    // The check as it would be saved: its week is what Home will say.
                    let check =
                        result.record(&d.answers, RecordId::from_random_bits(0), clock::now_here());
                    let answers = d.answers.clone();
                    let shown = d.answers.clone();
                    let recovery = recovery_href.clone();
                    view! {
                        <PrintHeader />
                        <OutcomeView outcome=result heading="Your result".to_string() check=check>
                            <button type="button" class="button" on:click=move |_| save(answers.clone())>
                                "Save to past checks"
                            </button>
                            <button type="button" class="button secondary" on:click=print>"Print summary"</button>
                            {offers_recovery
                                .then(|| view! { <a class="button secondary" href=recovery>"Start the back-to-running plan"</a> })}
                            <button type="button" class="button secondary" on:click=move |_| on_action.run(Action::Back)>
                                "Back"
                            </button>
                            <button type="button" class="button secondary" on:click=move |_| start(true)>
                                "Start a new check"
                            </button>
                        </OutcomeView>
                        <AnswersGiven answers=shown unit=unit() />
                    }
                    .into_any()
                }
            },
            paused => {
                let has_draft = paused.is_some();
                view! {
                    <section class="card kc-start" aria-labelledby="kc-start">
                        <h2 id="kc-start" tabindex="-1">
                            {if has_draft { "Your check in progress" } else { "Check your knee" }}
                        </h2>
                        <p>
                            {if has_draft {
                                "Your answers so far are kept on this device. Carry on where you stopped, or start again.".to_string()
                            } else {
                                triage::flow::intro()
                            }}
                        </p>
                        <p class="hint">
                            "In an emergency, call your local emergency number instead of using this check."
                        </p>
                        <div class="actions">
                            <button type="button" class="button" on:click=move |_| start(false)>
                                {if has_draft { "Continue knee check" } else { "Start knee check" }}
                            </button>
                            {has_draft
                                .then(|| {
                                    view! {
                                        <button type="button" class="button secondary" on:click=move |_| start(true)>
                                            "Start over"
                                        </button>
                                    }
                                })}
                        </div>
                    </section>
                    <history::History on_open=Callback::new(move |id| {
                        mode.set(Mode::Viewing(id));
                        status.set(None);
                        focus_heading("kc-result-heading");
                    }) />
                }
                .into_any()
            }
        }
    };

    view! {
        <PageIntro destination=Destination::KneeCheck />
        <p role="status" class="status kc-status">{move || status.with(|said| said.as_ref().map(ToString::to_string))}</p>
        {screen}
    }
}

/// Only on paper: what the sheet is, for the physiotherapist reading it, and which build gave
/// the answer, so a question about it can name the version.
#[component]
fn PrintHeader() -> impl IntoView {
    view! {
        <p class="kc-print-only">
            {format!(
                "Patella knee check summary, printed {} by {}",
                clock::today(),
                release::describe(),
            )}
        </p>
        <crate::components::been_seen::VisitsOnPaper />
    }
}

/// Every answer given, in the runner's words: for the printout and for a second look.
#[component]
fn AnswersGiven(answers: Answers, unit: DistanceUnit) -> impl IntoView {
    let lines: Vec<String> = triage::flow::asked(&answers)
        .into_iter()
        .filter_map(|question| {
            let picked = answers.get(question.id)?;
            if picked.is_empty() {
                return Some(format!("{} (skipped)", question.text));
            }
            let said: Vec<&str> = picked
                .iter()
                .filter_map(|id| question.choice(id))
                .map(|choice| choice.said_in(unit))
                .collect();
            Some(triage::engine::join_words(&said))
        })
        .collect();
    view! {
        <details class="card kc-fold kc-answers">
            <summary>"Your answers"</summary>
            <ul>{lines.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
        </details>
    }
}
