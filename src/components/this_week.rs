//! "What to do this week": the one answer to "what do I do now?", as `domain::situation`
//! decides it from everything stored: a headline, at most three actions and when to see
//! someone (and, on the back-to-running plan, how far into its step and whether to run
//! today), with a link to where the runner acts on it, and "I've been seen" whenever it asks
//! the runner to be seen. Home and Recovery put it first, so both say the same thing.

use leptos::prelude::*;

use crate::components::words::said;

use crate::app_base::use_base;
use crate::components::been_seen::BeenSeen;
use crate::components::status::{Said, StatusLine};
use crate::domain::clinician_summary;
use crate::domain::situation::Situation;
use crate::platform::clock;
use crate::routes::Destination;
use crate::store::use_store;

/// Where the runner acts on a situation, and the link's words; `None` when it is nowhere
/// in particular.
fn acted_on_in(situation: &Situation) -> Option<(Destination, &'static str)> {
    match situation {
        Situation::WaitingToBeSeen { .. } => Some((Destination::KneeCheck, "Open the knee check")),
        Situation::ReadyToReturn { .. } | Situation::OnPlan { .. } => {
            Some((Destination::Recovery, "Open Recovery"))
        }
        Situation::OwnProgramme { .. } => Some((Destination::Log, "Open the Log")),
        _ => None,
    }
}

/// The card, or nothing for a runner with no knee problem on record. `here` is the screen
/// it is on: no link points back to it.
#[component]
pub fn ThisWeekCard(here: Destination) -> impl IntoView {
    let store = use_store()?;
    let base = use_base();
    let situation = Memo::new(move |_| store.data().with(|data| data.situation(clock::today())));
    let status = RwSignal::new(None::<Said>);
    Some(move || {
        let now = situation.get();
        if now == Situation::NoProblem {
            return None;
        }
        let week = now.this_week();
        let english = store.data().with(|data| data.settings.english());
        let say = move |text: &str| english.say(text);
        let been_seen = now.asks_to_be_seen().then(|| {
            let review = matches!(now, Situation::RestUntilReviewed { .. });
            let summary = base.summary_href();
            view! {
                <BeenSeen status=status review=review />
                <a class="button secondary" href=summary>{said(clinician_summary::LINK)}</a>
            }
        });
        let class = if matches!(now, Situation::WaitingToBeSeen { .. }) {
            "card this-week urgent"
        } else {
            "card this-week"
        };
        let link = acted_on_in(&now)
            .filter(|(destination, _)| *destination != here)
            .map(|(destination, words)| {
                let href = base.href(destination);
                view! { <a class="button secondary" href=href>{said(words)}</a> }
            });
        let actions = week
            .actions
            .into_iter()
            .map(|action| view! { <li>{say(&action)}</li> })
            .collect_view();
        Some(view! {
            <section class=class aria-labelledby="what-to-do">
                <h2 id="what-to-do">{said("What to do this week")}</h2>
                <p class="this-week-headline">
                    <strong>{say(&week.headline)}</strong>
                </p>
                {week.progress.map(|progress| view! { <p>{say(&progress)}</p> })}
                {week.today.map(|today| view! { <p class="this-week-today">{say(&today)}</p> })}
                <ul>{actions}</ul>
                {week.see_someone.map(|when| view! { <p class="warning">{say(&when)}</p> })}
                {been_seen}
                <StatusLine said=status />
                {link}
            </section>
        })
    })
}
