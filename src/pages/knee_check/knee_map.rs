//! The knee map: a drawing of a knee with a real button over each area. Several areas can
//! be pressed; each button says whether it is pressed, and works with keyboard and screen
//! reader like any other button.

use leptos::prelude::*;

use crate::domain::records::KneeArea;
use crate::domain::triage::answers::toggle_choice;
use crate::domain::triage::questions::{Question, ALL_OVER};

/// The short words shown on the map; the accessible name is the full label, which starts
/// with them (so voice control users can say what they see).
fn shown(area: KneeArea) -> &'static str {
    match area {
        KneeArea::Front => "Front",
        KneeArea::Inner => "Inner side",
        KneeArea::Outer => "Outer side",
        KneeArea::Behind => "Behind",
        KneeArea::Deep => "Deep inside",
        KneeArea::BelowKneecap => "Below the kneecap",
    }
}

/// The id the triage questions use for an area.
pub fn area_id(area: KneeArea) -> &'static str {
    match area {
        KneeArea::Front => "front",
        KneeArea::Inner => "inner",
        KneeArea::Outer => "outer",
        KneeArea::Behind => "behind",
        KneeArea::Deep => "deep",
        KneeArea::BelowKneecap => "below",
    }
}

#[component]
pub fn KneeMap(question: &'static Question, selected: RwSignal<Vec<String>>) -> impl IntoView {
    let pressed =
        move |area: KneeArea| selected.with(|ids| ids.iter().any(|id| id == area_id(area)));
    let toggle = move |area: KneeArea| selected.update(|ids| toggle_choice(ids, area_id(area)));
    let all_over_pressed = move || selected.with(|ids| ids.iter().any(|id| id == ALL_OVER));
    // Not a spot on the drawing: a runner whose whole knee hurts has no spot to press.
    let all_over = question.choice(ALL_OVER).map(|choice| {
        view! {
            <button
                type="button"
                class="button kc-choice kc-toggle kc-all-over"
                aria-pressed=move || if all_over_pressed() { "true" } else { "false" }
                on:click=move |_| selected.update(|ids| toggle_choice(ids, ALL_OVER))
            >
                {choice.label}
            </button>
        }
    });
    let shape_class = move |area: KneeArea, base: &'static str| {
        if pressed(area) {
            format!("{base} on")
        } else {
            base.to_string()
        }
    };
    let buttons = KneeArea::ALL
        .into_iter()
        .map(|area| {
            view! {
                <button
                    type="button"
                    class=format!("kc-area kc-area-{}", area_id(area))
                    aria-label=area.label()
                    aria-pressed=move || if pressed(area) { "true" } else { "false" }
                    on:click=move |_| toggle(area)
                >
                    {shown(area)}
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="kc-map" role="group" aria-label="Knee map: choose every area that hurts">
            <svg viewBox="0 0 200 240" aria-hidden="true" focusable="false" class="kc-map-drawing">
                <path class="kc-leg" d="M55 0 C60 70 58 95 52 120 C48 150 62 175 66 240 L134 240 C138 175 152 150 148 120 C142 95 140 70 145 0 Z"></path>
                <ellipse
                    class=move || shape_class(KneeArea::Behind, "kc-shape kc-shape-behind")
                    cx="100" cy="122" rx="58" ry="44"
                ></ellipse>
                <path class=move || shape_class(KneeArea::Inner, "kc-shape") d="M52 100 C44 120 46 140 56 158 L72 150 C66 134 66 118 70 104 Z"></path>
                <path class=move || shape_class(KneeArea::Outer, "kc-shape") d="M148 100 C156 120 154 140 144 158 L128 150 C134 134 134 118 130 104 Z"></path>
                <circle class=move || shape_class(KneeArea::Deep, "kc-shape kc-shape-deep") cx="100" cy="116" r="12"></circle>
                <rect class=move || shape_class(KneeArea::BelowKneecap, "kc-shape") x="88" y="138" width="24" height="40" rx="10"></rect>
                <ellipse class=move || shape_class(KneeArea::Front, "kc-shape kc-kneecap") cx="100" cy="112" rx="22" ry="26"></ellipse>
            </svg>
            {buttons}
        </div>
        {all_over}
    }
}
