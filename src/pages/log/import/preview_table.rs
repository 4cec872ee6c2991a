//! The import preview: a table of the runs found, ticked or not, what was left out and why,
//! the files that could not be read, and Add / Cancel. Rows are drawn a page at a time.

use std::sync::Arc;

use leptos::prelude::*;

use crate::components::words::{said, saying};

use crate::domain::import::preview_message::Shown;
use crate::domain::locale::DateStyle;
use crate::domain::units::DistanceUnit;
use crate::platform::clock;

/// Rows drawn at first, and added per "Show more": a year of files at once would otherwise
/// lay out hundreds of rows in one task and freeze a mid-range phone for a moment.
const ROWS_PER_PAGE: usize = 60;

#[component]
pub fn PreviewTable(
    preview: Arc<Shown>,
    ticked: RwSignal<Vec<bool>>,
    units: DistanceUnit,
    dates: DateStyle,
    on_confirm: Callback<()>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let total = preview.rows.len();
    let shown = RwSignal::new(ROWS_PER_PAGE.min(total));
    let hidden = move || total - shown.get();
    let ticked_count = move || ticked.with(|t| t.iter().filter(|on| **on).count());

    let rows = {
        let preview = Arc::clone(&preview);
        view! {
            <For
                each=move || 0..shown.get()
                key=|index| *index
                children=move |index| row(&preview, index, ticked, units, dates)
            />
        }
    };
    let table = (total > 0).then(|| {
        view! {
            <table class="import-table">
                <caption>{said("Untick any you don't want to add.")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{said("Add")}</th>
                        <th scope="col">{said("Run")}</th>
                        <th scope="col">{said("Notes")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            // One button for the whole preview, so keyboard focus stays on it page after page.
            <button
                type="button"
                class="button secondary"
                hidden=move || hidden() == 0
                on:click=move |_| shown.update(|count| *count = (*count + ROWS_PER_PAGE).min(total))
            >
                {saying(move || format!("Show {} more of {}", hidden().min(ROWS_PER_PAGE), hidden()))}
            </button>
        }
    });
    let failed = message_list(
        "Files that couldn't be read",
        preview
            .failed
            .iter()
            .map(|failed| (failed.source_name.clone(), failed.text.clone()))
            .collect(),
    );
    let left_out = message_list(
        "Left out",
        preview
            .left_out
            .iter()
            .map(|left| (left.source_name.clone(), left.text.clone()))
            .collect(),
    );

    view! {
        <section class="import-preview" aria-labelledby="import-preview-heading">
            <h3 id="import-preview-heading" tabindex="-1">
                {said(format!("Found {}", activities_phrase(total)))}
            </h3>
            {table}
            {failed}
            {left_out}
            <div class="button-row">
                <button
                    type="button"
                    class="button"
                    on:click=move |_| on_confirm.run(())
                    disabled=move || ticked_count() == 0
                >
                    {saying(move || format!("Add {}", runs_phrase(ticked_count())))}
                </button>
                <button type="button" class="button secondary" on:click=move |_| on_cancel.run(())>
                    {said("Cancel")}
                </button>
            </div>
        </section>
    }
}

/// A headed list of "<file>: why", or nothing when there is nothing to say.
fn message_list(heading: &'static str, items: Vec<(String, String)>) -> Option<impl IntoView> {
    (!items.is_empty()).then(|| {
        let items = items
            .into_iter()
            .map(|(file, why)| {
                view! {
                    <li>
                        <strong translate="no">{file}</strong>
                        ": "
                        {said(why)}
                    </li>
                }
            })
            .collect_view();
        view! {
            <h4>{said(heading)}</h4>
            <ul class="import-messages" role="list">{items}</ul>
        }
    })
}

/// One row: the tick, the run, and why it is (un)ticked, which the tick box's description
/// also reads out.
fn row(
    preview: &Shown,
    index: usize,
    ticked: RwSignal<Vec<bool>>,
    unit: DistanceUnit,
    dates: DateStyle,
) -> AnyView {
    let Some(row) = preview.rows.get(index) else {
        return ().into_any();
    };
    let run = &row.run;
    let what = format!(
        "{} on {}, {}",
        row.what,
        dates.day_as_of(run.date, clock::today()),
        run.distance.display(unit)
    );
    let note_id = format!("import-row-{index}-note");
    let attention = !row.ticked;
    view! {
        <tr>
            <td>
                <label class="check tick">
                    <input
                        type="checkbox"
                        aria-label=format!("Add: {what}")
                        aria-describedby=note_id.clone()
                        prop:checked=move || ticked.with(|t| t.get(index).copied().unwrap_or(false))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            ticked.update(|t| {
                                if let Some(tick) = t.get_mut(index) {
                                    *tick = on;
                                }
                            });
                        }
                    />
                </label>
            </td>
            <td>
                <span class="import-date">{dates.day_as_of(run.date, clock::today())}</span>
                <span class="import-numbers">
                    {format!("{} · {}", run.distance.display(unit), run.duration.display())}
                </span>
            </td>
            <td id=note_id>
                <span class:import-attention=attention>{said(row.note.clone())}</span>
                <span class="import-file" translate="no">{row.source_name.clone()}</span>
            </td>
        </tr>
    }
    .into_any()
}

pub fn runs_phrase(count: usize) -> String {
    match count {
        1 => "1 run".to_string(),
        n => format!("{n} runs"),
    }
}

fn activities_phrase(count: usize) -> String {
    match count {
        0 => "no activities to add".to_string(),
        1 => "1 activity".to_string(),
        n => format!("{n} activities"),
    }
}
