//! The end of a session: how long it lasted, the pain questions and the distance (prefilled
//! with an estimate), then Save, which records it as a recovery run, or Discard, which
//! throws it away only on a second tap.

use leptos::prelude::*;

use crate::components::words::said;

use super::Timer;
use crate::components::form::{FormState, Input};
use crate::components::status::Said;
use crate::domain::commands::Command;
use crate::domain::interval_timer::session::countdown;
use crate::domain::session_draft::{SessionDraft, SessionField};
use crate::platform::clock;
use crate::store::use_store;

#[component]
pub(super) fn TimerFinish(timer: Timer, answers: FormState<SessionField>) -> impl IntoView {
    let store = use_store()?;
    let unit = move || store.data().with_untracked(|d| d.settings.units);
    // The plan and the time done; the clock stopped when the session ended, so this stands.
    let finished = move || timer.snapshot.get_untracked().and_then(|s| s.to_save());
    let elapsed_ms = finished().map_or(0, |(_, elapsed)| elapsed);
    // The distance starts as an estimate, afresh for each finished session.
    if let Some((plan, elapsed)) = finished() {
        let draft = SessionDraft::finished(&plan, elapsed, unit());
        let typed = answers.draft_untracked();
        answers.fill(
            draft
                .with(
                    SessionField::PainDuring,
                    typed.get(SessionField::PainDuring),
                )
                .with(SessionField::PainAfter, typed.get(SessionField::PainAfter)),
        );
    }

    // A timed session is thrown away only on a second tap: Discard sits beside Save.
    let discard_asked = RwSignal::new(false);
    let discard = move |_| {
        if !discard_asked.get_untracked() {
            discard_asked.set(true);
            timer.say(Said::Note(
                "Tap \"Discard for good\" to throw this session away, or save it.".into(),
            ));
            return;
        }
        discard_asked.set(false);
        // A discarded session's pain must not be saved with the next one.
        answers.fill(SessionDraft::default());
        timer.keep(store, None);
        timer.requeue_cues();
        timer.say(Said::Note("The session was not saved.".into()));
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        discard_asked.set(false);
        let Some((plan, elapsed_ms)) = finished() else {
            return;
        };
        let checked = answers.draft_untracked().check(plan, elapsed_ms, unit());
        answers.submit(checked, |checked| {
            let summary = checked.summary();
            let shoe = store
                .data()
                .with_untracked(|d| d.settings.default_shoe.clone());
            let run = checked.into_run(clock::new_id(), clock::now(), clock::today(), shoe);
            store.apply(Command::AddRun(run))?;
            timer.keep(store, None);
            answers.fill(SessionDraft::default());
            Ok(Said::Note(summary))
        });
    };
    let hint = move |field| SessionDraft::hint(field, unit());

    Some(view! {
        <form class="timer-finish" on:submit=save novalidate aria-labelledby="rec-finish-heading">
            <h3 id="rec-finish-heading" tabindex="-1">
                {format!("Session done: {}", countdown(elapsed_ms))}
            </h3>
            <Input form=answers field=SessionField::PainDuring />
            <Input form=answers field=SessionField::PainAfter hint=hint(SessionField::PainAfter) />
            <Input form=answers field=SessionField::Distance hint=hint(SessionField::Distance) />
            <div class="actions">
                <button type="submit" class="button">{said("Save session")}</button>
                <button type="button" class="button secondary" on:click=discard>
                    {move || if discard_asked.get() { "Discard for good" } else { "Discard" }}
                </button>
            </div>
        </form>
    })
}
