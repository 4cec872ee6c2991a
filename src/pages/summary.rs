//! The clinician summary: one page, drawn from `domain::clinician_summary`, to print, save
//! as a PDF or share as text. On screen it reads as the sheet will; on paper the app's
//! chrome and the runner's own line and buttons are left off (style/summary.css), and the
//! sheet fits one A4 or Letter page (e2e/summary.test.mjs prints the fullest case).

use leptos::prelude::*;

use crate::components::words::said;

use crate::components::status::{Said, StatusLine};
use crate::domain::clinician_summary::{
    ClinicianSummary, FOR_THE_RUNNER, NO_PAIN, PAIN_SCALE, SHARE_REFUSED, SHARE_SENT, TITLE,
    WHAT_IT_IS,
};
use crate::platform::share::{self, Shared};
use crate::platform::{clock, document, release};
use crate::store::use_store;

#[component]
pub fn SummaryPage() -> impl IntoView {
    document::set_title(TITLE);
    let store = use_store()?;
    let summary = Memo::new(move |_| {
        store
            .data()
            .with(|data| ClinicianSummary::of(data, clock::today(), &release::describe()))
    });
    let english = move || store.data().with(|data| data.settings.english());
    let status = RwSignal::new(None::<Said>);
    let can_share = share::available();
    let share_it = move |_| {
        let text = summary.with_untracked(ClinicianSummary::plain_text);
        leptos::task::spawn_local(async move {
            let said = match share::share_text(TITLE, &text).await {
                Shared::Sent => Some(SHARE_SENT),
                Shared::Closed => None,
                Shared::Refused => Some(SHARE_REFUSED),
            };
            status.set(said.map(|words| Said::Note(words.to_string())));
        });
    };
    let print_it = move |_| document::print_with_open(&[]);
    Some(view! {
        <article class="summary" aria-labelledby="cs-title">
            <h1 id="cs-title" tabindex="-1">{said(TITLE)}</h1>
            <div class="cs-for-runner">
                <p>{move || english().say(FOR_THE_RUNNER)}</p>
                <div class="actions">
                    <button type="button" class="button" on:click=print_it>
                        {said("Print or save as PDF")}
                    </button>
                    {can_share.then(|| view! {
                        <button type="button" class="button secondary" on:click=share_it>
                            {said("Share as text")}
                        </button>
                    })}
                </div>
                <StatusLine said=status />
            </div>
            {move || summary.with(|summary| sheet(summary, english().say(WHAT_IT_IS)))}
        </article>
    })
}

/// The page itself, section by section.
fn sheet(summary: &ClinicianSummary, what_it_is: String) -> impl IntoView {
    let list = |lines: &[String]| {
        lines
            .iter()
            .map(|line| view! { <li>{line.clone()}</li> })
            .collect_view()
    };
    let weeks = summary
        .running
        .weeks
        .iter()
        .map(|row| {
            view! {
                <tr>
                    <th scope="row">{row.week.clone()}</th>
                    <td>{row.distance.clone()}</td>
                    <td>{row.runs}</td>
                    <td>{row.worst_pain.clone()}</td>
                </tr>
            }
        })
        .collect_view();
    let no_pain = summary.pain.lines.is_empty().then_some(NO_PAIN);
    view! {
        <p class="cs-prepared">{summary.prepared.clone()}</p>
        <p>{what_it_is}</p>
        <section aria-labelledby="cs-check">
            <h2 id="cs-check">{said("Knee check")}</h2>
            <p>{summary.check.heading_line.clone()}</p>
            <ul>{list(&summary.check.lines)}</ul>
        </section>
        <section aria-labelledby="cs-running">
            <h2 id="cs-running">{said("Running")}</h2>
            <table class="cs-weeks">
                <caption>{summary.running.caption.clone()}</caption>
                <thead>
                    <tr>
                        <th scope="col">{said("Week")}</th>
                        <th scope="col">{said("Distance")}</th>
                        <th scope="col">{said("Runs")}</th>
                        <th scope="col">{said("Worst pain")}</th>
                    </tr>
                </thead>
                <tbody>{weeks}</tbody>
            </table>
            <p>{summary.running.total.clone()}</p>
        </section>
        <section aria-labelledby="cs-pain">
            <h2 id="cs-pain">{said("Pain log")}</h2>
            <p>{said(PAIN_SCALE)}</p>
            <p>{no_pain.map(said)}</p>
            <ul class="cs-pain-list">{list(&summary.pain.lines)}</ul>
            <p>{summary.pain.left_off.clone()}</p>
        </section>
        <section aria-labelledby="cs-plan">
            <h2 id="cs-plan">{said("Advice and plan")}</h2>
            <p>{summary.plan.now.clone()}</p>
            <ul>{list(&summary.plan.lines)}</ul>
            <p>{summary.seen.clone()}</p>
        </section>
    }
}
