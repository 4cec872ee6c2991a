//! "This week": the one answer to "what do I do now?", as `domain::situation` decides it:
//! a headline, at most three actions and when to see someone, with a link to where the
//! runner acts on it. Home puts it above everything else.

use leptos::prelude::*;

use crate::domain::situation::ThisWeek;

#[component]
pub fn ThisWeekCard(
    week: ThisWeek,
    /// Whether the situation is about getting care: drawn as a warning.
    urgent: bool,
    /// Where to act on it, and the link's words.
    link: Option<(String, &'static str)>,
) -> impl IntoView {
    let ThisWeek {
        headline,
        actions,
        see_someone,
    } = week;
    let class = if urgent {
        "card this-week urgent"
    } else {
        "card this-week"
    };
    view! {
        <section class=class aria-labelledby="what-to-do">
            <h2 id="what-to-do">"What to do this week"</h2>
            <p class="this-week-headline">
                <strong>{headline}</strong>
            </p>
            <ul>{actions.into_iter().map(|action| view! { <li>{action}</li> }).collect_view()}</ul>
            {see_someone.map(|when| view! { <p class="warning">{when}</p> })}
            {link.map(|(href, words)| view! { <a class="button secondary" href=href>{words}</a> })}
        </section>
    }
}
