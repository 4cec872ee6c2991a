//! The runs logged so far, grouped by the runner's weeks with each week's total; each run
//! can be edited or deleted, and a deletion can be undone for a few seconds.

use std::time::Duration as StdDuration;

use leptos::prelude::*;

use crate::components::words::said;

use super::LogState;
use crate::components::fields::values_line;
use crate::components::show::ShowAny;
use crate::components::status::{Attempt, Said, StatusLine};
use crate::components::undo::{DeleteButton, UndoNotice};
use crate::domain::calendar::group_by_week;
use crate::domain::commands::Command;
use crate::domain::load::distance_words;
use crate::domain::locale::DateStyle;
use crate::domain::records::Run;
use crate::domain::units::{Distance, Pace};
use crate::platform::clock;
use crate::platform::document::focus_heading;
use crate::store::use_store;

/// How long the Undo button stays after a deletion.
const UNDO_SECONDS: u64 = 8;

/// Weeks drawn at first, and added per "Show earlier weeks": years of imported runs would
/// otherwise draw thousands of rows and freeze a phone for a second on opening the Log.
const WEEKS_PER_PAGE: usize = 12;

/// "the run of Tue 24 Nov" or "2 runs (Tue 24 Nov, Fri 20 Nov)", for the undo lines.
fn runs_named(runs: &[Run], dates: DateStyle) -> String {
    let today = clock::today();
    match runs {
        [run] => format!("the run of {}", dates.day_as_of(run.date, today)),
        _ => {
            let days: Vec<String> = runs
                .iter()
                .map(|run| dates.day_as_of(run.date, today))
                .collect();
            format!("{} runs ({})", runs.len(), days.join(", "))
        }
    }
}

#[component]
pub fn RunList() -> impl IntoView {
    let (Some(store), Some(log)) = (use_store(), use_context::<LogState>()) else {
        return ().into_any();
    };
    let status = RwSignal::new(None::<Said>);
    let shown_weeks = RwSignal::new(WEEKS_PER_PAGE);

    let delete = move |run: Run| {
        let id = run.id.clone();
        let kept = store.apply(Command::DeleteRun(id));
        status.set(Said::after(kept, Attempt::Delete, || {
            log.deleted.update(|deleted| deleted.push(run.clone()));
            if log.editing.get_untracked().as_ref() == Some(&run.id) {
                log.editing.set(None);
            }
            // Where the next run's Delete was, so a second press cannot take another run.
            focus_heading("undo-delete");
            set_timeout(
                move || {
                    // The offer runs out 8 s after the latest deletion; an earlier one's
                    // timer leaves it. The runner may have left the Log since: then its
                    // state is gone (`None`).
                    let latest = log
                        .deleted
                        .try_with_untracked(|d| d.last().map(|d| &d.id) == Some(&run.id));
                    if latest == Some(true) {
                        log.deleted.set(Vec::new());
                    }
                },
                StdDuration::from_secs(UNDO_SECONDS),
            );
            None
        }));
    };
    let undo = move |()| {
        let runs = log.deleted.get_untracked();
        if runs.is_empty() {
            return;
        }
        let kept = store.apply(Command::RestoreRuns(runs.clone()));
        status.set(Said::after(kept, Attempt::Undo, || {
            log.deleted.set(Vec::new());
            focus_heading("runs-heading");
            Some(match runs.as_slice() {
                [run] => Said::Back {
                    what: format!(
                        "The run of {}",
                        store.dates_untracked().day_as_of(run.date, clock::today())
                    ),
                    plural: false,
                },
                _ => Said::Back {
                    what: runs_named(&runs, store.dates_untracked()),
                    plural: true,
                },
            })
        }));
    };

    // Grouped once per change of the runs, for both the list and the "earlier weeks" count.
    let grouped = Memo::new(move |_| {
        store
            .data()
            .with(|data| group_by_week(&data.runs, data.settings.week_start))
    });
    let hidden_weeks = move || grouped.with(Vec::len).saturating_sub(shown_weeks.get());
    let weeks = move || {
        let shown = shown_weeks.get();
        let unit = store.data().with(|data| data.settings.units);
        let dates = store.dates();
        let today = clock::today();
        grouped.with(|grouped| {
            grouped
                .iter()
                .take(shown)
                .cloned()
                .map(|(start, runs)| {
                    let total: Distance = runs.iter().map(|r| r.distance).sum();
                    let heading = format!(
                        "{}: {} in {} {}",
                        dates.week_as_of(start, today),
                        distance_words(total, unit),
                        runs.len(),
                        if runs.len() == 1 { "run" } else { "runs" }
                    );
                    let rows: Vec<(Run, String)> = runs
                        .into_iter()
                        .map(|run| {
                            let pace = Pace::of(run.distance, run.duration)
                                .map(|pace| format!(" · {}", pace.display(unit)))
                                .unwrap_or_default();
                            let text = format!(
                                "{} · {} · {}{pace}",
                                dates.day_as_of(run.date, today),
                                distance_words(run.distance, unit),
                                run.duration.display()
                            );
                            (run, text)
                        })
                        .collect();
                    (heading, rows)
                })
                .collect::<Vec<_>>()
        })
    };

    view! {
        <section id="runs" class="card" aria-labelledby="runs-heading">
            <h2 id="runs-heading" tabindex="-1">{said("Runs")}</h2>
            <UndoNotice
                message=Signal::derive(move || {
                    log.deleted.with(|d| (!d.is_empty()).then(|| format!("Deleted {}.", runs_named(d, store.dates()))))
                })
                button_id="undo-delete"
                on_undo=Callback::new(undo)
            />
            <StatusLine said=status />
            <ShowAny
                when=move || store.data().with(|data| !data.runs.is_empty())
                fallback=|| view! { <p>{said("No runs yet. Add your first one above.")}</p> }
            >
                {move || {
                    weeks()
                        .into_iter()
                        .map(|(heading, rows)| {
                            view! {
                                <h3 class="week-heading">{said(heading)}</h3>
                                <ul class="run-list">
                                    {rows
                                        .into_iter()
                                        .map(|(run, text)| {
                                            let edit_label = format!("Edit run {text}");
                                            let delete_label = format!("Delete run {text}");
                                            let edit_id = run.id.clone();
                                            // The run's name is free text: its own line, wrapped
                                            // anywhere, so a long one cannot widen the page.
                                            let name = (!run.title.is_empty()).then(|| {
                                                view! { <span class="run-name" translate="no">{run.title.clone()}</span> }
                                            });
                                            view! {
                                                <li>
                                                    <span class="run-summary">
                                                        <span class="run-text">{values_line(&text)}</span>
                                                        {name}
                                                    </span>
                                                    <span class="row-actions">
                                                        <button
                                                            type="button"
                                                            class="button secondary small"
                                                            aria-label=edit_label
                                                            on:click=move |_| log.editing.set(Some(edit_id.clone()))
                                                        >
                                                            {said("Edit")}
                                                        </button>
                                                        <DeleteButton
                                                            label=delete_label
                                                            on_delete=Callback::new(move |()| delete(run.clone()))
                                                        />
                                                    </span>
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            }
                        })
                        .collect_view()
                }}
                // One button for the whole list, so keyboard focus stays on it page after page.
                <button
                    type="button"
                    class="button secondary"
                    hidden=move || hidden_weeks() == 0
                    on:click=move |_| shown_weeks.update(|weeks| *weeks += WEEKS_PER_PAGE)
                >
                    {move || earlier_weeks_label(hidden_weeks())}
                </button>
            </ShowAny>
        </section>
    }
    .into_any()
}

/// "Show 12 earlier weeks (40 not shown)": the next page of weeks, and how many wait.
fn earlier_weeks_label(hidden: usize) -> String {
    let next = hidden.min(WEEKS_PER_PAGE);
    let noun = if next == 1 { "week" } else { "weeks" };
    format!("Show {next} earlier {noun} ({hidden} not shown)")
}
