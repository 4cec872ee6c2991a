//! Past knee checks, newest first; each opens its result.

use leptos::prelude::*;

use crate::components::words::said;

use crate::components::for_any::ForAny;
use crate::components::show::ShowAny;
use crate::domain::content::ConditionId;
use crate::domain::locale::DateStyle;
use crate::domain::records::{RecordId, TriageRecord};
use crate::domain::triage::engine;
use crate::store::use_store;

/// When a check was taken, on the clock where it was taken: the same day Home counts from.
pub fn taken_label(record: &TriageRecord, dates: DateStyle) -> String {
    dates.moment(record.taken_at.naive_local())
}

/// "Runner's knee (patellofemoral pain)" etc. for the saved condition ids.
pub fn condition_names(record: &TriageRecord) -> Vec<&'static str> {
    record
        .conditions
        .iter()
        .filter_map(|key| ConditionId::from_key(key))
        .map(|id| id.info().name)
        .collect()
}

#[component]
pub fn History(on_open: Callback<RecordId>) -> impl IntoView {
    let Some(store) = use_store() else {
        return ().into_any();
    };
    let rows = move || {
        store.data().with(|data| {
            let mut checks = data.triage.clone();
            checks.sort_by_key(|record| std::cmp::Reverse(record.taken_at));
            checks
        })
    };
    view! {
        <section class="card" aria-labelledby="kc-history">
            <h2 id="kc-history">{said("Past checks")}</h2>
            <ShowAny
                when=move || !rows().is_empty()
                fallback=|| view! { <p>{said("No saved checks yet. Save a result to keep it here.")}</p> }
            >
                <ul class="kc-history">
                    <ForAny each=rows key=|record| (record.id.clone(), record.updated_at) let:record>
                        {
                            let id = record.id.clone();
                            let names = condition_names(&record);
                            let summary = if names.is_empty() {
                                engine::tier_name(record.care_tier).to_string()
                            } else {
                                format!("{} · {}", engine::tier_name(record.care_tier), names.join(", "))
                            };
                            view! {
                                <li>
                                    <button
                                        type="button"
                                        class="kc-history-item"
                                        on:click=move |_| on_open.run(id.clone())
                                    >
                                        <span class="kc-history-date">{taken_label(&record, store.dates())}</span>
                                        <span>{said(summary)}</span>
                                    </button>
                                </li>
                            }
                        }
                    </ForAny>
                </ul>
            </ShowAny>
        </section>
    }
    .into_any()
}
