//! The latest saved knee check at a glance, for Home: when it was, the care it pointed to,
//! the likely causes, and, when it found a warning sign, a reminder to have the knee seen
//! before running. Nothing shows before a check is saved.

use leptos::prelude::*;

use crate::components::words::said;

use super::history::{condition_names, taken_label};
use crate::components::show::ShowAny;
use crate::domain::triage::engine;
use crate::store::use_store;

#[component]
pub fn LastKneeCheck(knee_check_href: String) -> impl IntoView {
    let store = use_store()?;
    let latest = Memo::new(move |_| store.data().with(|data| data.latest_check().cloned()));
    Some(move || {
        latest.get().map(|check| {
            let care = format!(
                "{}: {}.",
                taken_label(&check, store.dates()),
                engine::tier_name(check.care_tier)
            );
            let names = condition_names(&check);
            let likely = (!names.is_empty()).then(|| format!("Most likely: {}.", names.join("; ")));
            let warning_sign = check.found_warning_sign();
            let examine_first = !warning_sign && check.care_comes_first();
            view! {
                <section class="card" aria-labelledby="last-knee-check">
                    <h2 id="last-knee-check">{said("Your last knee check")}</h2>
                    <p>{said(care)}</p>
                    {likely.map(|likely| view! { <p>{said(likely)}</p> })}
                    <ShowAny when=move || warning_sign>
                        <p class="warning reduce">
                            {said("That check found a warning sign. If no one has examined your knee \
                             since, get it seen before you run again.")}
                        </p>
                    </ShowAny>
                    <ShowAny when=move || examine_first>
                        <p class="warning caution">
                            {said("That check pointed to an injury that someone should examine before \
                             you run or start strength work.")}
                        </p>
                    </ShowAny>
                    <p>{said("If the pain has changed or something new hurts, check again.")}</p>
                    <a class="button secondary" href=knee_check_href.clone()>
                        {said("Open the knee check")}
                    </a>
                </section>
            }
        })
    })
}
