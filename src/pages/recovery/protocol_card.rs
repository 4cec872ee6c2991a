//! The return-to-running card: the stage now, its sessions, whether to run today, and the
//! last decision and why, all in `domain::protocol`'s words (the same Home shows). When what
//! the runner was told on being seen sets the plan aside (`Situation::plan_set_aside`), it
//! says so instead, and offers no plan to start or follow.

use leptos::prelude::*;

use crate::components::words::{said, saying};

use crate::components::fields::SelectField;
use crate::components::show::ShowAny;
use crate::components::status::{Attempt, Said, StatusLine};
use crate::domain::commands::Command;
use crate::domain::protocol::{self, ProtocolState, Stage};
use crate::domain::recovery_plan::ProtocolStart;
use crate::platform::clock;
use crate::platform::document::focus_heading;
use crate::store::{use_store, AppStore};

/// The protocol's state now, or `None` before it starts.
pub(crate) fn current_state(store: AppStore) -> Option<ProtocolState> {
    store.data().with(|data| {
        data.plan_progress(clock::today())
            .map(|progress| progress.state)
    })
}

#[component]
pub fn ProtocolCard() -> impl IntoView {
    let store = use_store()?;
    let status = RwSignal::new(None::<Said>);
    let chosen_stage = RwSignal::new(Stage::Week1.key().to_string());
    let stage_options = Signal::derive(|| {
        Stage::ALL
            .into_iter()
            .map(|s| (s.key().to_string(), s.title().to_string()))
            .collect::<Vec<_>>()
    });
    let latest = Memo::new(move |_| store.data().with(|data| data.latest_check().cloned()));

    let start = move |from_check: bool| {
        let stage = if from_check {
            Stage::Week1
        } else {
            Stage::from_key(&chosen_stage.get_untracked()).unwrap_or(Stage::Week1)
        };
        let from_knee_check = if from_check {
            latest.get_untracked().map(|t| t.taken_at.date_naive())
        } else {
            None
        };
        let started = ProtocolStart {
            date: clock::today(),
            stage,
            from_knee_check,
        };
        let kept = store.apply(Command::StartProtocol {
            start: started,
            now: clock::now(),
        });
        status.set(Said::after(kept, Attempt::Start, || {
            focus_heading("rec-stage");
            Some(Said::Started(stage.title().to_lowercase()))
        }));
    };
    let restart = move |_| {
        let kept = store.apply(Command::ClearProtocol { now: clock::now() });
        status.set(Said::after(kept, Attempt::Restart, || None));
    };

    let state = Memo::new(move |_| current_state(store));
    let set_aside = Memo::new(move |_| {
        store
            .data()
            .with(|data| data.situation(clock::today()).plan_set_aside())
    });
    let this_week = move || {
        store
            .data()
            .with(|data| data.runs_this_week(clock::today()))
    };

    let not_started = move || {
        let check = latest.get();
        // While the last check asks to be seen, week one is what Home says (run less, or
        // rest); the plan is started from the check once the runner has been cleared.
        let waiting = store
            .data()
            .with(|data| data.situation(clock::today()).asks_to_be_seen());
        view! {
            <p>
                {said("Come back to running in five steps, from walk-run intervals to your usual \
                 training. Each step takes about a week; pain decides when you move on or back.")}
            </p>
            <ShowAny when=move || waiting>
                <p class="warning reduce">
                    {said("Your last knee check said to get the knee seen first. Start this plan once \
                     someone has examined it and said running is fine: tap \"I've been seen\" \
                     on Home when you have been.")}
                </p>
            </ShowAny>
            {check.filter(|_| !waiting).map(|t| {
                let date = t.taken_at.date_naive();
                view! {
                    <button type="button" class="button" on:click=move |_| start(true)>
                        {format!("Start from my knee check of {}", store.dates_untracked().day_with_year(date))}
                    </button>
                }
            })}
            <ShowAny when=move || !waiting>
                <SelectField id="rec-start-stage" label="Start at" value=chosen_stage options=stage_options />
                <button type="button" class="button secondary" on:click=move |_| start(false)>
                    {said("Start the plan")}
                </button>
            </ShowAny>
        }
    };

    let started = move |state: ProtocolState| {
        let info = state.stage.info();
        let needed = info.sessions_needed;
        let done = state.done_in_stage;
        let decision = state.last_decision().cloned();
        let finished = state.finished;
        let moved_back = state.step_back().is_some();
        let progress = state.progress();
        let today = state.today_words();
        view! {
            <h3 id="rec-stage" tabindex="-1">{said(state.headline())}</h3>
            <ShowAny when=move || !finished>
                <p>{said(info.what)}</p>
                <p>
                    <label for="rec-stage-progress">
                        {said(progress.clone())}
                    </label>
                    <progress id="rec-stage-progress" max=needed value=done></progress>
                </p>
                <p class="plan-today">{said(today.clone())}</p>
            </ShowAny>
            <p class="hint">
                {saying(move || {
                    let n = this_week();
                    format!(
                        "{} this week; every run counts towards the plan. Rest a day between runs.",
                        crate::domain::words::count(n, "run", "runs")
                    )
                })}
            </p>
            {decision.map(|d| {
                view! {
                    <div class=if moved_back { "decision back" } else { "decision" }>
                        <h3>{said("Latest decision")}</h3>
                        <p class="decision-reason">{said(d.reason)}</p>
                    </div>
                }
            })}
            <details>
                <summary>{said("How the plan decides")}</summary>
                <p>{said(protocol::how_it_decides())}</p>
            </details>
            <button type="button" class="button secondary small" on:click=restart>
                {said("Start the plan again")}
            </button>
        }
    };

    Some(view! {
        <section class="card recovery-protocol" aria-labelledby="rec-protocol-heading">
            <h2 id="rec-protocol-heading">{said("Back to running")}</h2>
            {move || match state.get() {
                _ if set_aside.get() => view! {
                    <p class="plan-set-aside">
                        {said("Patella's plan is set aside: you are following what you were told when \
                         you were seen. If you are later cleared to follow this plan, record it \
                         under \"What to do this week\".")}
                    </p>
                }
                .into_any(),
                None => not_started().into_any(),
                Some(s) => started(s).into_any(),
            }}
            <StatusLine said=status />
        </section>
    })
}
