//! The thumb-reach navigation bar with the five destinations.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::app_base::use_base;
use crate::components::words::said;
use crate::routes::Destination;

/// SVG path data for each destination's icon, drawn on a 24×24 grid with strokes.
fn icon_path(destination: Destination) -> &'static str {
    match destination {
        Destination::Home => "M3 11 12 3l9 8M5 10v10h5v-6h4v6h5V10",
        Destination::KneeCheck => "M9 3h6v3H9zM7 5H5v16h14V5h-2M9 12l2 2 4-4",
        Destination::Log => "M4 4h16v16H4zM8 9h8M8 13h8M8 17h5",
        Destination::Recovery => "M3 12h4l2-5 4 10 2-5h6",
        Destination::Settings => "M4 7h10M18 7h2M4 17h4M12 17h8M14 4v6M8 14v6",
    }
}

#[component]
pub fn BottomNav() -> impl IntoView {
    let base = use_base();
    let links = Destination::ALL
        .into_iter()
        .map(|destination| {
            view! {
                <li>
                    <A
                        href=base.href(destination)
                        exact=destination == Destination::Home
                    >
                        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                            <path d=icon_path(destination)></path>
                        </svg>
                        <span>{said(destination.label())}</span>
                    </A>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="bottom-nav" aria-label="Main">
            <ul>{links}</ul>
        </nav>
    }
}
