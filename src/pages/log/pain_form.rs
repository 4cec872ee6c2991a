//! The quick daily pain entry: how much it hurts (0–10 in one tap, as in the knee check),
//! where, and whether the knee was stiff or sorer that morning (the pain-monitoring model's
//! signal to ease off). Its words follow the day logged: "Pain yesterday", not "Pain now".

use leptos::prelude::*;

use crate::components::words::{said, saying};

use crate::components::fields::score_line;
use crate::components::form::{FormState, Input};
use crate::components::status::{Said, StatusLine};
use crate::domain::commands::Command;
use crate::domain::form::Field;
use crate::domain::iso;
use crate::domain::records::KneeArea;
use crate::domain::run_draft::{PainDraft, PainField};
use crate::platform::clock;
use crate::store::use_store;

#[component]
pub fn PainForm() -> impl IntoView {
    let Some(store) = use_store() else {
        return ().into_any();
    };
    let form = FormState::new(
        PainDraft::default().with(PainField::Date, clock::today().to_string()),
        "pain-status",
    );
    let areas = RwSignal::new(Vec::<KneeArea>::new());
    let stiff = RwSignal::new(false);

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (today, marked) = (clock::today(), areas.get_untracked());
        let checked = form.draft_untracked().check(
            &marked,
            stiff.get_untracked(),
            today,
            clock::new_id(),
            clock::now(),
        );
        form.submit(checked, |entry| {
            let summary = entry.summary(store.dates_untracked(), today);
            let date = entry.date.to_string();
            store.apply(Command::AddPain(entry))?;
            // The day stays: past days are logged one after another.
            form.fill(PainDraft::default().with(PainField::Date, date));
            areas.set(Vec::new());
            stiff.set(false);
            Ok(Said::Saved(summary))
        });
    };
    let (date, pain) = (form.text(PainField::Date), form.text(PainField::Pain));

    // "today", "yesterday" or "on Sun 22 Nov", from the Day field as typed.
    let day = move || {
        date.with(|text| iso::parse_day(text)).map_or_else(
            || "that day".into(),
            |day| store.dates().relative_day(day, clock::today()),
        )
    };
    let morning = move || {
        if date.with(|text| iso::parse_day(text)) == Some(clock::today()) {
            "this morning"
        } else {
            "that morning"
        }
    };
    let legend = Signal::derive(move || format!("Pain {} (0 none – 10 worst)", day()));
    let score = score_line(
        PainField::Pain.input_id(),
        legend,
        pain,
        Callback::new(move |text: String| form.set(PainField::Pain, text)),
        form.error(PainField::Pain),
        MaybeProp::default(),
    );

    view! {
        <form id="pain" class="card" on:submit=save novalidate aria-labelledby="pain-heading">
            <h2 id="pain-heading">{said("How is the knee?")}</h2>
            <Input form field=PainField::Date />
            {score}
            <fieldset class="field">
                <legend>{said("Where (optional)")}</legend>
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
                                {said(area.label())}
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
                {saying(move || format!("Stiff or sorer {}", morning()))}
            </label>
            <Input form field=PainField::Note />
            <button type="submit" class="button">{said("Save pain entry")}</button>
            <StatusLine said=form.said id="pain-status" />
        </form>
    }
    .into_any()
}
