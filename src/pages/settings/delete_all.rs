//! Deleting everything, behind a confirmation that says how much will go.

use leptos::prelude::*;

use crate::components::words::said;

use crate::components::show::ShowAny;
use crate::components::status::{Attempt, Said, StatusLine};
use crate::domain::words;
use crate::store::use_store;

#[component]
pub fn DeleteAll() -> impl IntoView {
    let Some(store) = use_store() else {
        return ().into_any();
    };
    let confirming = RwSignal::new(false);
    let outcome = RwSignal::new(None::<Said>);
    let record_count = move || store.data().with(|data| data.counts().total());
    // What goes: "3 records" (a started back-to-running plan counts as one: a runner with only
    // a plan has something to lose), or "all data" when only settings are left.
    let what = move || match record_count() {
        0 => "all data".to_string(),
        n => words::count(n, "record", "records"),
    };

    let delete = move |_| {
        let what = what();
        let deleted = store.delete_everything();
        outcome.set(Said::after(deleted, Attempt::DeleteAll, || {
            Some(Said::DeletedAll(what))
        }));
        confirming.set(false);
    };

    view! {
        <h3>{said("Delete all data")}</h3>
        <ShowAny
            when=move || confirming.get()
            fallback=move || {
                view! {
                    <button
                        type="button"
                        class="button danger"
                        on:click=move |_| {
                            outcome.set(None);
                            confirming.set(true);
                        }
                    >
                        {said("Delete all data")}
                    </button>
                }
            }
        >
            <div class="confirm" role="alertdialog" aria-labelledby="delete-question">
                <p id="delete-question">
                    {move || {
                        format!(
                            "Delete {} from this device? This cannot be undone. Download a backup first if you may want them again.",
                            what(),
                        )
                    }}
                </p>
                <div class="actions">
                    <button type="button" class="button danger" on:click=delete>
                        {move || format!("Delete {}", what())}
                    </button>
                    <button
                        type="button"
                        class="button secondary"
                        on:click=move |_| confirming.set(false)
                    >
                        {said("Keep my data")}
                    </button>
                </div>
            </div>
        </ShowAny>
        <StatusLine said=outcome />
    }
    .into_any()
}
