//! Home: what to do this week first (from `domain::situation`, whenever a knee check or the
//! back-to-running plan decides it, with the plan's step), then the runner's week at a glance
//! (this week against last, the warnings that matter, the weekly chart with pain, shoes, the
//! last knee check), and the first step for someone new.

use leptos::prelude::*;

use crate::components::words::{said, saying};

use crate::app_base::use_base;
use crate::components::fields::values_line;
use crate::components::page_intro::PageIntro;
use crate::components::show::ShowAny;
use crate::components::this_week::ThisWeekCard;
use crate::components::weekly_chart::WeeklyChartView;
use crate::components::welcome::WelcomeCard;
use crate::domain::chart::{self, WeeklyChart};
use crate::domain::load::{self, LoadReport, Severity, Warning, WeekSummary};
use crate::domain::pain;
use crate::domain::shoes::{self, ShoeReport};
use crate::domain::units::DistanceUnit;
use crate::pages::knee_check::LastKneeCheck;
use crate::platform::clock;
use crate::routes::Destination;
use crate::store::use_store;

/// Pain trend: the last week against the week before.
const PAIN_TREND_DAYS: u32 = 7;

/// The knee card at the foot of Home, or at its top when the last check found a warning sign.
#[derive(Clone, Copy, PartialEq)]
enum KneeCard {
    /// No check saved: the invitation to take one.
    FirstStep,
    LastCheck,
    WarningSignFirst,
}

/// What Home shows, computed once per change of the data.
#[derive(Clone, PartialEq)]
struct Dashboard {
    unit: DistanceUnit,
    report: LoadReport,
    chart: WeeklyChart,
    shoes: ShoeReport,
    pain: pain::PainTrend,
}

#[component]
pub fn HomePage() -> impl IntoView {
    let base = StoredValue::new(use_base());
    let Some(store) = use_store() else {
        return view! { <PageIntro destination=Destination::Home /> }.into_any();
    };
    let href = move |destination: Destination| base.with_value(|base| base.href(destination));
    let has_runs = move || {
        store
            .data()
            .with(|data| !data.runs.is_empty() || !data.pain.is_empty())
    };
    let knee_card = Memo::new(move |_| {
        store.data().with(|data| match data.latest_check() {
            None => KneeCard::FirstStep,
            Some(check) if check.found_warning_sign() => KneeCard::WarningSignFirst,
            Some(_) => KneeCard::LastCheck,
        })
    });
    let last_check = move || {
        view! { <LastKneeCheck knee_check_href=href(Destination::KneeCheck) /> }
    };
    let backup_reminder = move || store.data().with(|data| data.backup_reminder(clock::now()));
    let situation = Memo::new(move |_| store.data().with(|data| data.situation(clock::today())));
    let dashboard = Memo::new(move |_| {
        let now = situation.get();
        store.data().with(|data| {
            let today = clock::today();
            Dashboard {
                unit: data.settings.units,
                report: load::analyse_in(&data.runs, &data.pain, &data.settings, today, &now),
                chart: chart::weekly_chart(&data.runs, &data.pain, &data.settings, today),
                shoes: shoes::shoe_report(&data.shoes, &data.runs, &data.settings, today),
                pain: pain::trend(
                    &data.runs,
                    &data.pain,
                    today,
                    PAIN_TREND_DAYS,
                    now.pain_rule(),
                ),
            }
        })
    });

    view! {
        <PageIntro destination=Destination::Home />
        <WelcomeCard />
        <ThisWeekCard here=Destination::Home />
        <ShowAny when=move || knee_card.get() == KneeCard::WarningSignFirst>{last_check}</ShowAny>
        <ShowAny
            when=has_runs
            fallback=move || {
                view! {
                    <FirstStep
                        id="start-logging"
                        title="Start with your next run"
                        why="Log each run's distance and time. After a few, Patella shows your weekly distance and warns when a week or a single run jumps ahead of what your knees are used to."
                        action="Log a run"
                        href=href(Destination::Log)
                    />
                }
            }
        >
            {move || {
                dashboard
                    .with(|d| {
                        view! {
                            <DashboardView
                                dashboard=d.clone()
                                pain_href=format!("{}#pain", href(Destination::Log))
                            />
                        }
                    })
            }}
        </ShowAny>
        // After the week and its warnings: a reminder should not push those off the screen.
        // Only once there is data worth losing and some days of use (`DataSet::backup_reminder`).
        <ShowAny when=move || backup_reminder().is_some()>
            <section class="card reminder" aria-labelledby="backup-reminder">
                <h2 id="backup-reminder">{said("Time for a backup")}</h2>
                <p>
                    {saying(move || backup_reminder().unwrap_or_default().to_string())}
                    {said(" Some browsers clear a site's data after a week without a visit unless the app is installed.")}
                </p>
                <a class="button secondary" href=href(Destination::Settings)>
                    {said("Back up in Settings")}
                </a>
            </section>
        </ShowAny>
        {move || match knee_card.get() {
            KneeCard::FirstStep => {
                view! {
                    <FirstStep
                        id="first-step"
                        title="Knee hurting?"
                        why="Start with a knee check. It asks about warning signs first, then where and how it hurts, and ends with a plan for this week."
                        action="Start a knee check"
                        href=href(Destination::KneeCheck)
                    />
                }
                    .into_any()
            }
            KneeCard::LastCheck => last_check().into_any(),
            KneeCard::WarningSignFirst => ().into_any(),
        }}
    }
    .into_any()
}

/// One warning: a headline and one action; what was seen and the evidence behind a "Why?".
fn warning_view(warning: &Warning) -> impl IntoView + use<> {
    let class = match warning.severity {
        Severity::ReduceLoad => "warning reduce",
        Severity::Caution => "warning caution",
        Severity::Notice => "warning notice",
    };
    view! {
        <article class=class>
            <h3>{warning.rule.title()}</h3>
            <p>
                <strong>{said("What to do: ")}</strong>
                {warning.what_to_do.clone()}
            </p>
            <details class="why">
                <summary>{said("Why?")}</summary>
                <p>{warning.seen.clone()}</p>
                <p>{warning.why.clone()}</p>
            </details>
        </article>
    }
}

/// A card inviting a first step: what it is, why, and the one button that takes it. (index.html
/// paints the same markup before the wasm arrives.)
#[component]
fn FirstStep(
    id: &'static str,
    title: &'static str,
    why: &'static str,
    action: &'static str,
    href: String,
) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby=id>
            <h2 id=id>{said(title)}</h2>
            <p>{said(why)}</p>
            <a class="button" href=href>{said(action)}</a>
        </section>
    }
}

#[component]
fn DashboardView(dashboard: Dashboard, pain_href: String) -> impl IntoView {
    let Dashboard {
        unit,
        report,
        chart,
        shoes,
        pain,
    } = dashboard;
    let week_line = |week: &WeekSummary| {
        format!(
            "{} · {} {} · {}",
            load::distance_words(week.distance, unit),
            week.runs,
            if week.runs == 1 { "run" } else { "runs" },
            week.time.display()
        )
    };
    // An alarm asks the runner to change the coming days; a notice (weak evidence, or a habit
    // worth varying) says itself it is not an alarm, so it is not listed as a warning.
    let (alarms, notices): (Vec<&Warning>, Vec<&Warning>) = report
        .warnings
        .iter()
        .partition(|warning| warning.severity != Severity::Notice);
    let warning_count = alarms.len();
    let warnings = alarms.into_iter().map(warning_view).collect_view();
    let notices = (!notices.is_empty()).then(|| {
        let items = notices.into_iter().map(warning_view).collect_view();
        view! {
            <section aria-labelledby="notices-heading" class="warnings">
                <h2 id="notices-heading">{said("Worth knowing")}</h2>
                {items}
            </section>
        }
    });
    let shoe_alerts = shoes
        .alerts()
        .map(|(shoe, advice)| {
            view! {
                <li>
                    <strong>{shoe.name.clone()}</strong>
                    ": "
                    {advice.seen.clone()}
                    " "
                    {advice.what_to_do.clone()}
                </li>
            }
        })
        .collect_view();
    let rotation = shoes.rotation.clone().map(|advice| {
        view! { <p>{advice.seen} " " {advice.what_to_do}</p> }
    });
    let has_shoe_news = shoes.alerts().next().is_some() || shoes.rotation.is_some();
    let acwr = report.acute_chronic.clone().map(|info| {
        view! {
            <details class="card">
                <summary>{said("Acute to chronic load (information only)")}</summary>
                <p>{said(info.summary)}</p>
                <p class="hint">{said(info.caveat)}</p>
            </details>
        }
    });

    view! {
        <section class="card" aria-labelledby="this-week">
            <h2 id="this-week">{said("This week")}</h2>
            <dl class="week-compare">
                <dt>{said("This week so far")}</dt>
                <dd>{values_line(&week_line(&report.this_week))}</dd>
                <dt>{said("Last week")}</dt>
                <dd>{values_line(&week_line(&report.last_week))}</dd>
            </dl>
            // A sore knee is logged from here in one tap: the Log opens at its pain entry.
            <a class="button secondary" href=pain_href>{said("Log pain")}</a>
        </section>
        <section aria-labelledby="warnings-heading" class="warnings">
            <h2 id="warnings-heading">
                {said(if warning_count == 0 {
                    "No load warnings".to_string()
                } else {
                    format!("Warnings ({warning_count})")
                })}
            </h2>
            <ShowAny when=move || warning_count == 0>
                <p>
                    {said("Nothing in your recent log matches the training patterns linked with knee pain. Keep listening to your knee.")}
                </p>
            </ShowAny>
            {warnings}
        </section>
        {notices}
        <section class="card" aria-labelledby="chart-heading">
            <h2 id="chart-heading">{said("Weekly distance and pain")}</h2>
            <WeeklyChartView chart=chart />
        </section>
        <section class="card" aria-labelledby="pain-trend-heading">
            <h2 id="pain-trend-heading">{said("Pain trend")}</h2>
            <p>{said(pain.description)}</p>
        </section>
        {has_shoe_news
            .then(|| {
                view! {
                    <section class="card" aria-labelledby="shoes-news">
                        <h2 id="shoes-news">{said("Shoes")}</h2>
                        <ul class="plain-list">{shoe_alerts}</ul>
                        {rotation}
                    </section>
                }
            })}
        {acwr}
    }
}
