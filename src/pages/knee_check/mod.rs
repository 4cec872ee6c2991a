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

use crate::components::words::said;

use crate::app_base::use_href;
use crate::components::page_intro::PageIntro;
use crate::components::status::{Attempt, Said};
use crate::domain::commands::Command;
use crate::domain::locale::{DateStyle, English};
use crate::domain::records::RecordId;
use crate::domain::triage::{self, Answers, Draft, Step};
use crate::domain::{shoes, units::DistanceUnit};
use crate::platform::document::{focus_heading, print_with_open};
use crate::platform::{clock, release};
use crate::routes::Destination;
use crate::store::{use_store, AppStore};

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

/// What the screen's parts share: the store, what is shown, the check in progress and the
/// status line.
#[derive(Clone, Copy)]
struct Screen {
    store: Option<AppStore>,
    mode: RwSignal<Mode>,
    draft: RwSignal<Option<Draft>>,
    status: RwSignal<Option<Said>>,
}

impl Screen {
    /// Keeps the check in progress (`None` forgets it); says so if it could not be kept.
    fn keep(&self, next: Option<Draft>) {
        let kept = draft_store::keep(self.store, next.as_ref());
        self.status
            .set(Said::after(kept, Attempt::KeepAnswers, || None));
        self.draft.set(next);
    }

    fn focus_current(&self) {
        let on_result = self
            .draft
            .with_untracked(|d| d.as_ref().is_some_and(Draft::is_finished));
        focus_heading(if on_result {
            "kc-result-heading"
        } else {
            "kc-question"
        });
    }

    /// Distances in the runner's unit.
    fn unit(&self) -> DistanceUnit {
        self.store.map_or(DistanceUnit::default(), |s| {
            s.data().with(|d| d.settings.units)
        })
    }

    /// The runner's English.
    fn english(&self) -> English {
        self.store.map_or(English::default(), |s| {
            s.data().with(|d| d.settings.english())
        })
    }

    /// How the runner's dates read.
    fn dates(&self) -> DateStyle {
        self.store.map_or(DateStyle::default(), |s| s.dates())
    }

    /// An answer, a skip or Back, then the next screen.
    fn act(&self, action: Action) {
        let Some(mut d) = self.draft.get_untracked() else {
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
                    self.mode.set(Mode::Start);
                    focus_heading("kc-start");
                    return;
                }
            }
        }
        self.keep(Some(d));
        self.focus_current();
    }

    /// Starts the questions: a fresh check (how worn the shoes are already answered from the
    /// Log when it can tell), or the one in progress.
    fn start(&self, fresh: bool) {
        if fresh || self.draft.with_untracked(Option::is_none) {
            let mut fresh_draft = Draft::new();
            let logged = self.store.and_then(|store| {
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
            self.keep(Some(fresh_draft));
        }
        self.mode.set(Mode::Answering);
        self.focus_current();
    }

    /// Saves the finished check to the past checks; on a failure the answers stay in the
    /// wizard, so nothing is lost, and the reason is shown.
    fn save(&self, answers: &Answers) {
        let Some(store) = self.store else {
            return;
        };
        let record = triage::evaluate(answers).record(answers, clock::new_id(), clock::now_here());
        let id = record.id.clone();
        let kept = store.apply(Command::RecordCheck(record));
        let said = Said::after(kept, Attempt::Save, || {
            self.keep(None);
            self.open(id);
            Some(Said::Note("Saved to your past checks.".into()))
        });
        self.status.set(said);
    }

    /// Shows a saved check.
    fn open(&self, id: RecordId) {
        self.mode.set(Mode::Viewing(id));
        self.status.set(None);
        focus_heading("kc-result-heading");
    }

    /// Back to the start card and the past checks.
    fn back_to_start(&self) {
        self.mode.set(Mode::Start);
        self.status.set(None);
        focus_heading("kc-start");
    }
}

#[component]
pub fn KneeCheckPage() -> impl IntoView {
    let restored = draft_store::load(use_store());
    let screen = Screen {
        store: use_store(),
        mode: RwSignal::new(if restored.is_some() {
            Mode::Answering
        } else {
            Mode::Start
        }),
        draft: RwSignal::new(restored),
        status: RwSignal::new(None),
    };
    let shown = move || match (screen.mode.get(), screen.draft.get()) {
        (Mode::Viewing(id), _) => view! { <SavedCheck screen id /> }.into_any(),
        (Mode::Answering, Some(draft)) => match draft.step() {
            step @ Step::Ask { question, .. } => {
                let given = draft
                    .answers
                    .get(question.id)
                    .map(<[String]>::to_vec)
                    .unwrap_or_default();
                let on_action = Callback::new(move |action| screen.act(action));
                view! { <QuestionScreen step=step given=given unit=screen.unit() english=screen.english() on_action=on_action /> }
                    .into_any()
            }
            Step::Outcome => view! { <DraftResult screen answers=draft.answers /> }.into_any(),
        },
        (_, paused) => view! { <StartCard screen has_draft=paused.is_some() /> }.into_any(),
    };
    view! {
        <PageIntro destination=Destination::KneeCheck />
        <p role="status" class="status kc-status">
            {move || screen.status.with(|said| said.as_ref().map(ToString::to_string))}
        </p>
        {shown}
    }
}

/// Why and the answers are opened for the physiotherapist who reads the printout.
fn print_summary(_: leptos::ev::MouseEvent) {
    print_with_open(&["details.kc-print-open", "details.kc-answers"]);
}

/// A saved check, as it reads today, with its answers.
#[component]
fn SavedCheck(screen: Screen, id: RecordId) -> impl IntoView {
    let recovery = use_href(Destination::Recovery);
    let record = screen.store.and_then(|store| {
        store
            .data()
            .with(|data| data.triage.iter().find(|r| r.id == id).cloned())
    });
    let Some(record) = record else {
        return view! {
            <section class="card">
                <h2 id="kc-result-heading" tabindex="-1">{said("That check is no longer saved")}</h2>
                <button type="button" class="button secondary" on:click=move |_| screen.mode.set(Mode::Start)>
                    {said("Back to knee check")}
                </button>
            </section>
        }
        .into_any();
    };
    let answers = Answers::from_record_map(&record.answers);
    let result = record.outcome().in_unit(screen.unit());
    let heading = format!(
        "Knee check from {}",
        history::taken_label(&record, screen.dates())
    );
    let offers_recovery = result.offers_recovery();
    view! {
        <PrintHeader />
        <OutcomeView outcome=result heading=heading check=record.clone()>
            {offers_recovery
                .then(|| view! { <a class="button" href=recovery>{said("Start the back-to-running plan")}</a> })}
            <button type="button" class="button secondary" on:click=print_summary>{said("Print summary")}</button>
            <button type="button" class="button secondary" on:click=move |_| screen.back_to_start()>
                {said("Back to knee check")}
            </button>
        </OutcomeView>
        <AnswersGiven answers=answers unit=screen.unit() english=screen.english() />
    }
    .into_any()
}

/// The finished check's result before it is saved.
#[component]
fn DraftResult(screen: Screen, answers: Answers) -> impl IntoView {
    let recovery = use_href(Destination::Recovery);
    let result = triage::evaluate(&answers).in_unit(screen.unit());
    let offers_recovery = result.offers_recovery();
    // The check as it would be saved: its week is what Home will say.
    let check = result.record(&answers, RecordId::from_random_bits(0), clock::now_here());
    let shown = answers.clone();
    view! {
        <PrintHeader />
        <OutcomeView outcome=result heading="Your result".to_string() check=check>
            <button type="button" class="button" on:click=move |_| screen.save(&answers)>
                {said("Save to past checks")}
            </button>
            <button type="button" class="button secondary" on:click=print_summary>{said("Print summary")}</button>
            {offers_recovery
                .then(|| view! { <a class="button secondary" href=recovery>{said("Start the back-to-running plan")}</a> })}
            <button type="button" class="button secondary" on:click=move |_| screen.act(Action::Back)>
                {said("Back")}
            </button>
            <button type="button" class="button secondary" on:click=move |_| screen.start(true)>
                {said("Start a new check")}
            </button>
        </OutcomeView>
        <AnswersGiven answers=shown unit=screen.unit() english=screen.english() />
    }
}

/// The start card ("Continue" when a check is in progress) and the past checks.
#[component]
fn StartCard(screen: Screen, has_draft: bool) -> impl IntoView {
    view! {
        <section class="card kc-start" aria-labelledby="kc-start">
            <h2 id="kc-start" tabindex="-1">
                {said(if has_draft { "Your check in progress" } else { "Check your knee" })}
            </h2>
            <p>
                {said(if has_draft {
                    "Your answers so far are kept on this device. Carry on where you stopped, or start again.".to_string()
                } else {
                    triage::flow::intro()
                })}
            </p>
            <p class="hint">
                {said("In an emergency, call your local emergency number instead of using this check.")}
            </p>
            <div class="actions">
                <button type="button" class="button" on:click=move |_| screen.start(false)>
                    {said(if has_draft { "Continue knee check" } else { "Start knee check" })}
                </button>
                {has_draft
                    .then(|| {
                        view! {
                            <button type="button" class="button secondary" on:click=move |_| screen.start(true)>
                                {said("Start over")}
                            </button>
                        }
                    })}
            </div>
        </section>
        <history::History on_open=Callback::new(move |id| screen.open(id)) />
    }
}

/// Only on paper: what the sheet is, for the physiotherapist reading it, and which build gave
/// the answer, so a question about it can name the version.
#[component]
fn PrintHeader() -> impl IntoView {
    let dates = use_store().map_or(DateStyle::default(), |store| store.dates_untracked());
    view! {
        <p class="kc-print-only">
            {format!(
                "Patella knee check summary, printed {} by {}",
                dates.day_with_year(clock::today()),
                release::describe(),
            )}
        </p>
        <crate::components::been_seen::VisitsOnPaper />
    }
}

/// Every answer given, in the runner's words: for the printout and for a second look.
#[component]
fn AnswersGiven(answers: Answers, unit: DistanceUnit, english: English) -> impl IntoView {
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
            <summary>{said("Your answers")}</summary>
            <ul>{lines.into_iter().map(|line| view! { <li>{english.say(&line)}</li> }).collect_view()}</ul>
        </details>
    }
}
