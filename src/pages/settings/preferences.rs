//! The words, dates, units and first day of the week (each starting from the phone's
//! language) and when to replace shoes, saved as soon as they change.

use chrono::Weekday;
use leptos::prelude::*;

use crate::components::words::{said, saying};

use crate::domain::commands::{Command, SettingsEdit};
use crate::domain::locale::{DateStyle, English};
use crate::domain::run_draft::{check_shoe_threshold, distance_text};
use crate::domain::units::DistanceUnit;
use crate::platform::{clock, document};
use crate::store::use_store;

const WEEK_STARTS: [(Weekday, &str, &str); 3] = [
    (Weekday::Mon, "mon", "Monday"),
    (Weekday::Sun, "sun", "Sunday"),
    (Weekday::Sat, "sat", "Saturday"),
];

#[component]
pub fn Preferences() -> impl IntoView {
    let Some(store) = use_store() else {
        return ().into_any();
    };
    let settings = move || store.data().with(|data| data.settings.clone());

    // A refused save leaves the stored value; put the control back to match it.
    let save = move |control: &'static str, edit: SettingsEdit| {
        let result = store.apply(Command::EditSettings {
            edit,
            now: clock::now(),
        });
        if result.is_err() {
            let stored = store.data().with_untracked(|data| data.settings.clone());
            let value = match control {
                "units" => unit_value(stored.units),
                "english" => stored.english().tag(),
                "date-style" => stored.dates().value(),
                _ => weekday_value(stored.week_start),
            };
            document::set_control_value(control, value);
        }
    };

    let threshold_error = RwSignal::new(None::<String>);
    let save_threshold = move |ev: leptos::ev::Event| {
        let unit = store.data().with_untracked(|data| data.settings.units);
        match check_shoe_threshold(&event_target_value(&ev), unit) {
            Ok(threshold) => {
                let outcome = store.apply(Command::EditSettings {
                    edit: SettingsEdit::ShoeThreshold(threshold),
                    now: clock::now(),
                });
                threshold_error.set(outcome.err().map(|e| e.to_string()));
            }
            Err(message) => threshold_error.set(Some(message)),
        }
    };
    let threshold_text = move || {
        let settings = settings();
        distance_text(settings.shoe_threshold, settings.units)
    };

    view! {
        <section class="card" aria-labelledby="preferences-heading">
            <h2 id="preferences-heading">{said("Preferences")}</h2>
            <p class="hint">{said("Set from this phone's language at first; change any of them here.")}</p>
            <div class="field">
                <label for="english">{said("Words in")}</label>
                <select
                    id="english"
                    prop:value=move || settings().english().tag()
                    on:change=move |ev| {
                        let picked = event_target_value(&ev);
                        if let Some(english) = English::ALL.into_iter().find(|e| e.tag() == picked) {
                            save("english", SettingsEdit::English(english));
                        }
                    }
                >
                    {English::ALL
                        .into_iter()
                        .map(|english| view! { <option value=english.tag()>{said(english.name())}</option> })
                        .collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="date-style">{said("Dates and times")}</label>
                <select
                    id="date-style"
                    prop:value=move || settings().dates().value()
                    on:change=move |ev| {
                        if let Some(style) = DateStyle::from_value(&event_target_value(&ev)) {
                            save("date-style", SettingsEdit::Dates(style));
                        }
                    }
                >
                    {DateStyle::ALL
                        .into_iter()
                        .map(|style| view! { <option value=style.value()>{said(date_style_example(style))}</option> })
                        .collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="units">{said("Distances in")}</label>
                <select
                    id="units"
                    prop:value=move || unit_value(settings().units)
                    on:change=move |ev| {
                        let units = if event_target_value(&ev) == "mi" { DistanceUnit::Mi } else { DistanceUnit::Km };
                        save("units", SettingsEdit::Units(units));
                    }
                >
                    <option value="km">{move || settings().english().say("Kilometres (km)")}</option>
                    <option value="mi">{said("Miles (mi)")}</option>
                </select>
            </div>
            <div class="field">
                <label for="week-start">{said("Weeks start on")}</label>
                <select
                    id="week-start"
                    prop:value=move || weekday_value(settings().week_start)
                    on:change=move |ev| {
                        let picked = event_target_value(&ev);
                        let chosen = WEEK_STARTS
                            .iter()
                            .find(|(_, value, _)| *value == picked)
                            .map_or(Weekday::Mon, |(day, _, _)| *day);
                        save("week-start", SettingsEdit::WeekStart(chosen));
                    }
                >
                    {WEEK_STARTS
                        .iter()
                        .map(|(_, value, label)| view! { <option value=*value>{*label}</option> })
                        .collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="shoe-threshold">{said("Replace shoes at")}</label>
                <span class="hint" id="shoe-threshold-hint">
                    {saying(move || {
                        format!(
                            "In {}. The usual advice is 300–500 miles (480–800 km); heavier runners and worn soles call for less.",
                            settings().units.abbreviation(),
                        )
                    })}
                </span>
                <input
                    id="shoe-threshold"
                    inputmode="decimal"
                    autocomplete="off"
                    aria-describedby="shoe-threshold-hint shoe-threshold-error"
                    aria-invalid=move || threshold_error.get().is_some().then_some("true")
                    prop:value=threshold_text
                    on:change=save_threshold
                />
                <p class="error-text" id="shoe-threshold-error">{move || threshold_error.get()}</p>
            </div>
        </section>
    }
    .into_any()
}

/// The style shown by example: "Dec 7, 7:30 PM", "7 Dec, 19:30".
fn date_style_example(style: DateStyle) -> String {
    let example = chrono::NaiveDate::from_ymd_opt(2026, 12, 7)
        .and_then(|day| day.and_hms_opt(19, 30, 0))
        .unwrap_or_default();
    format!(
        "{}, {}",
        style.day_month(example.date()),
        style.time(example)
    )
}

fn unit_value(unit: DistanceUnit) -> &'static str {
    unit.abbreviation()
}

fn weekday_value(day: Weekday) -> &'static str {
    WEEK_STARTS
        .iter()
        .find(|(d, _, _)| *d == day)
        .map_or("mon", |(_, value, _)| *value)
}
