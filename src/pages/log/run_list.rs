//! The runs logged so far, newest first.

use leptos::prelude::*;

use crate::domain::units::Pace;
use crate::store::AppStore;

#[component]
pub fn RunList() -> impl IntoView {
    let Some(store) = use_context::<AppStore>() else {
        return ().into_any();
    };
    let rows = move || {
        store.data().with(|data| {
            let unit = data.settings.units;
            let mut runs = data.runs.clone();
            runs.sort_by(|a, b| b.date.cmp(&a.date).then(b.updated_at.cmp(&a.updated_at)));
            runs.into_iter()
                .map(|run| {
                    let pace = Pace::of(run.distance, run.duration)
                        .map(|pace| format!(" · {}", pace.display(unit)))
                        .unwrap_or_default();
                    (
                        run.id.to_string(),
                        format!(
                            "{} · {} · {}{pace}",
                            run.date,
                            run.distance.display(unit),
                            run.duration.display()
                        ),
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="card" aria-labelledby="runs-heading">
            <h2 id="runs-heading">"Runs"</h2>
            <Show
                when=move || !rows().is_empty()
                fallback=|| view! { <p>"No runs yet. Add your first one above."</p> }
            >
                <ul class="run-list">
                    <For each=rows key=|row| row.clone() let:row>
                        <li>{row.1}</li>
                    </For>
                </ul>
            </Show>
        </section>
    }
    .into_any()
}
