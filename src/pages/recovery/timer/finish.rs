//! The end of a session: how long it lasted, the pain questions and the distance (prefilled
//! with an estimate), then Save, which records it as a recovery run, or Discard, which
//! throws it away only on a second tap.

use leptos::prelude::*;

use super::Timer;
use crate::components::fields::TextField;
use crate::components::status::{Attempt, Said};
use crate::domain::commands::Command;
use crate::domain::interval_timer::session::countdown;
use crate::domain::session_draft::{estimated_distance_text, SessionDraft, SessionErrors};
use crate::domain::units::DistanceUnit;
use crate::platform::clock;
use crate::store::use_store;

/// The answers as typed and their messages.
#[derive(Clone, Copy, Default)]
pub(super) struct Answers {
    during: RwSignal<String>,
    after: RwSignal<String>,
    distance: RwSignal<String>,
    errors: RwSignal<SessionErrors>,
}

impl Answers {
    /// Forgets a finished session's answers and marks, so the next session's questions
    /// start empty: pain typed for a discarded session must not be saved with another.
    fn clear(&self) {
        self.during.set(String::new());
        self.after.set(String::new());
        self.errors.set(SessionErrors::default());
    }
}

#[component]
pub(super) fn TimerFinish(timer: Timer, answers: Answers) -> impl IntoView {
    let store = use_store()?;
    let unit = move || store.data().with_untracked(|d| d.settings.units);
    // The plan and the time done; the clock stopped when the session ended, so this stands.
    let finished = move || timer.snapshot.get_untracked().and_then(|s| s.to_save());
    let elapsed_ms = finished().map_or(0, |(_, elapsed)| elapsed);
    // The distance starts as an estimate, afresh for each finished session.
    if let Some((plan, elapsed)) = finished() {
        answers
            .distance
            .set(estimated_distance_text(&plan, elapsed, unit()));
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
        answers.clear();
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
        let draft = SessionDraft {
            pain_during: answers.during.get_untracked(),
            pain_after: answers.after.get_untracked(),
            distance: answers.distance.get_untracked(),
        };
        let checked = match draft.check(plan, elapsed_ms, unit()) {
            Ok(checked) => checked,
            Err(errors) => {
                answers.errors.set(errors);
                timer.say(Said::CheckTheMarkedFields);
                return;
            }
        };
        answers.errors.set(SessionErrors::default());
        let summary = checked.summary();
        let run = checked.into_run(clock::new_id(), clock::now(), clock::today());
        let kept = store.apply(Command::AddRun(run));
        let said = Said::after(kept, Attempt::Save, || {
            timer.keep(store, None);
            answers.clear();
            Some(Said::Note(format!("{summary} It is in the Log.")))
        });
        timer.status.set(said);
    };
    let error = move |field: fn(&SessionErrors) -> &Option<String>| {
        Signal::derive(move || answers.errors.with(|e| field(e).clone()))
    };
    let distance_label = match unit() {
        DistanceUnit::Mi => "Distance covered (mi)",
        DistanceUnit::Km => "Distance covered (km)",
    };

    Some(view! {
        <form class="timer-finish" on:submit=save novalidate aria-labelledby="rec-finish-heading">
            <h3 id="rec-finish-heading" tabindex="-1">
                {format!("Session done: {}", countdown(elapsed_ms))}
            </h3>
            <TextField
                input_mode="numeric"
                id="rec-pain-during"
                label="Pain during (0 none – 10 worst)"
                value=answers.during
                error=error(|e| &e.pain_during)
            />
            <TextField
                input_mode="numeric"
                id="rec-pain-after"
                label="Pain afterwards (0 – 10)"
                hint="If the knee is worse tomorrow morning, change this in the Log.".to_string()
                value=answers.after
                error=error(|e| &e.pain_after)
            />
            <TextField
                id="rec-distance"
                label=distance_label
                input_mode="decimal"
                hint="An estimate from your walking and jogging time; change it if you know.".to_string()
                value=answers.distance
                error=error(|e| &e.distance)
            />
            <div class="actions">
                <button type="submit" class="button">"Save session"</button>
                <button type="button" class="button secondary" on:click=discard>
                    {move || if discard_asked.get() { "Discard for good" } else { "Discard" }}
                </button>
            </div>
        </form>
    })
}
