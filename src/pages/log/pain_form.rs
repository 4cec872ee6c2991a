//! The quick daily pain entry: how much it hurts (0–10 in one tap, as in the knee check),
//! where, and whether the knee was stiff or sorer that morning (the pain-monitoring model's
//! signal to ease off). Its words follow the day logged: "Pain yesterday", not "Pain now".

use leptos::prelude::*;

use crate::components::fields::TextField;
use crate::components::show::ShowAny;
use crate::domain::commands::Command;
use crate::domain::dates;
use crate::domain::iso;
use crate::domain::records::KneeArea;
use crate::domain::run_draft::{PainDraft, PainErrors};
use crate::platform::clock;
use crate::store::use_store;

#[component]
pub fn PainForm() -> impl IntoView {
    let Some(store) = use_store() else {
        return ().into_any();
    };
    let date = RwSignal::new(clock::today().to_string());
    let pain = RwSignal::new(String::new());
    let areas = RwSignal::new(Vec::<KneeArea>::new());
    let stiff = RwSignal::new(false);
    let note = RwSignal::new(String::new());
    let errors = RwSignal::new(PainErrors::default());
    let status = RwSignal::new(None::<String>);

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = PainDraft {
            date: date.get_untracked(),
            pain: pain.get_untracked(),
            areas: areas.get_untracked(),
            morning_stiffness: stiff.get_untracked(),
            note: note.get_untracked(),
        };
        let entry = match draft.check(clock::today(), clock::new_id(), clock::now()) {
            Ok(entry) => entry,
            Err(found) => {
                errors.set(found);
                status.set(Some("Nothing was saved: check the marked fields.".into()));
                return;
            }
        };
        errors.set(PainErrors::default());
        let summary = format!(
            "pain {}/10 {}",
            entry.pain.value(),
            dates::relative_day(entry.date, clock::today())
        );
        match store.apply(Command::AddPain(entry)) {
            Ok(()) => {
                status.set(Some(format!("Saved: {summary}.")));
                pain.set(String::new());
                areas.set(Vec::new());
                stiff.set(false);
                note.set(String::new());
            }
            Err(reason) => status.set(Some(format!("Not saved. {reason}"))),
        }
    };

    // "today", "yesterday" or "on Sun 22 Nov", from the Day field as typed.
    let day = move || {
        date.with(|text| iso::parse_day(text)).map_or_else(
            || "that day".into(),
            |day| dates::relative_day(day, clock::today()),
        )
    };
    let morning = move || {
        if date.with(|text| iso::parse_day(text)) == Some(clock::today()) {
            "this morning"
        } else {
            "that morning"
        }
    };
    let scores = (0..=10u8)
        .map(|score| {
            let value = score.to_string();
            let checked = {
                let value = value.clone();
                move || pain.with(|p| p.trim() == value)
            };
            view! {
                <label class="score">
                    <input
                        type="radio"
                        name="pain-score"
                        value=value.clone()
                        prop:checked=checked
                        on:change=move |_| pain.set(value.clone())
                    />
                    <span>{score}</span>
                </label>
            }
        })
        .collect_view();
    let pain_error = move || errors.with(|e| e.pain.clone());

    view! {
        <form id="pain" class="card" on:submit=save novalidate aria-labelledby="pain-heading">
            <h2 id="pain-heading">"How is the knee?"</h2>
            <TextField
                id="pain-date"
                label="Day"
                input_type="date"
                value=date
                error=Signal::derive(move || errors.with(|e| e.date.clone()))
            />
            // Native radios: one tab stop, arrow keys move the choice, and a screen reader
            // hears "3, radio button, 4 of 11" inside the group's name.
            <fieldset
                class="field"
                aria-invalid=move || pain_error().is_some().then_some("true")
                aria-describedby=move || pain_error().is_some().then_some("pain-score-error")
            >
                <legend>"Pain " {day} " (0 none – 10 worst)"</legend>
                <div class="scores">{scores}</div>
                <ShowAny when=move || pain_error().is_some()>
                    <p class="error-text" id="pain-score-error">{pain_error}</p>
                </ShowAny>
            </fieldset>
            <fieldset class="field">
                <legend>"Where (optional)"</legend>
                {KneeArea::ALL
                    .into_iter()
                    .map(|area| {
                        view! {
                            <label class="check">
                                <input
                                    type="checkbox"
                                    prop:checked=move || areas.with(|a| a.contains(&area))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        areas.update(|a| {
                                            a.retain(|x| *x != area);
                                            if on {
                                                a.push(area);
                                            }
                                        });
                                    }
                                />
                                {area.label()}
                            </label>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <label class="check">
                <input
                    type="checkbox"
                    prop:checked=move || stiff.get()
                    on:change=move |ev| stiff.set(event_target_checked(&ev))
                />
                "Stiff or sorer " {morning}
            </label>
            <TextField
                id="pain-note"
                label="Note (optional)"
                value=note
                error=Signal::derive(move || errors.with(|e| e.note.clone()))
            />
            <button type="submit" class="button">"Save pain entry"</button>
            <p role="status" class="status">{move || status.get()}</p>
        </form>
    }
    .into_any()
}
