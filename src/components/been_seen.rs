//! "I've been seen": where the runner records that someone examined the knee, and what they
//! were told, from every card that asks them to be seen (`Situation::asks_to_be_seen`). One
//! tap per answer, saved as one named command (`Command::RecordVisit`); `domain::situation`
//! then follows the answer on every screen. Also the printed summary's line listing the
//! answers, for the clinician reading it.

use leptos::prelude::*;

use crate::components::words::said;

use crate::components::status::{Attempt, Said};
use crate::domain::commands::Command;
use crate::domain::records::{visits_in_words, Advice, Visit};
use crate::domain::situation::{BEEN_SEEN, HAD_MY_REVIEW};
use crate::platform::clock;
use crate::store::use_store;

/// The question and its three answers, folded under "I've been seen" (or "I've had my
/// review", while resting until one). `status` says what became of the last tap; it
/// belongs to the card, which is drawn again once the answer changes the week.
#[component]
pub fn BeenSeen(status: RwSignal<Option<Said>>, review: bool) -> impl IntoView {
    let store = use_store()?;
    let english = store.data().with_untracked(|data| data.settings.english());
    let record = move |advice: Advice| {
        let now = clock::now_here();
        let visit = Visit {
            id: clock::new_id(),
            updated_at: now.to_utc(),
            recorded_at: now,
            advice,
        };
        let kept = store.apply(Command::RecordVisit(visit));
        status.set(Said::after(kept, Attempt::Save, || {
            Some(Said::Saved(format!(
                "{}. This week's advice now follows it",
                english.say(advice.choice()).to_lowercase()
            )))
        }));
    };
    let answers = Advice::ALL
        .into_iter()
        .map(|advice| {
            view! {
                <button type="button" class="button secondary" on:click=move |_| record(advice)>
                    {english.say(advice.choice())}
                </button>
            }
        })
        .collect_view();
    Some(view! {
        <details class="been-seen">
            <summary>{if review { HAD_MY_REVIEW } else { BEEN_SEEN }}</summary>
            <p>{said("What were you told?")}</p>
            <div class="actions">{answers}</div>
        </details>
    })
}

/// Only on paper: the answers recorded, for the clinician reading the knee check summary.
#[component]
pub fn VisitsOnPaper() -> impl IntoView {
    let store = use_store()?;
    let line = store.data().with(|data| {
        visits_in_words(&data.visits, data.settings.dates())
            .map(|line| data.settings.english().say(&line))
    })?;
    Some(view! { <p class="kc-print-only">{line}</p> })
}
