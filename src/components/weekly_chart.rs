//! The weekly chart, drawn as SVG by our own code so it costs no library and reads at 360 px:
//! a bar per week on a labelled distance axis in the runner's unit, the current week marked
//! "so far", the week's highest pain as dots on a 0–10 scale at the right, and the same facts
//! in words under it. What it shows is decided in `domain::chart`.

use leptos::prelude::*;

use crate::components::words::said;

use crate::domain::chart::WeeklyChart;
use crate::domain::decimals::fixed;

const WIDTH: f64 = 300.0;
const HEIGHT: f64 = 190.0;
const TOP: f64 = 22.0;
const BOTTOM: f64 = 22.0;
const LEFT: f64 = 30.0;
const RIGHT: f64 = 22.0;

#[component]
pub fn WeeklyChartView(chart: WeeklyChart) -> impl IntoView {
    let english = crate::store::use_store().map_or(Default::default(), |store| {
        store.data().with_untracked(|data| data.settings.english())
    });
    let description = english.say(&chart.summary());
    let week_lines = chart
        .week_lines()
        .into_iter()
        .map(|line| view! { <li>{english.say(&line)}</li> })
        .collect_view();
    let WeeklyChart {
        weeks,
        unit,
        dates,
        axis_top,
        axis_step,
    } = chart;
    let plot_height = HEIGHT - TOP - BOTTOM;
    let plot_width = WIDTH - LEFT - RIGHT;
    let count = weeks.len().max(1);
    let slot = plot_width / count as f64;
    let bar_width = (slot * 0.7).max(2.0);
    let y_for = |share: f64| TOP + plot_height * (1.0 - share);
    let last = count - 1;
    // A date under every few bars, counted back from this week so it is always labelled.
    let label_every = count.div_ceil(4);

    let ticks = (0..=((axis_top / axis_step).round() as u32))
        .map(|i| {
            let value = axis_step * f64::from(i);
            let y = fixed(y_for(value / axis_top), 1);
            view! {
                <line class="grid" x1=LEFT x2=WIDTH - RIGHT y1=y.clone() y2=y.clone()></line>
                <text class="tick" x=LEFT - 4.0 y=y dy="4" text-anchor="end">
                    {fixed(value, 0)}
                </text>
            }
        })
        .collect_view();
    let pain_ticks = [0u8, 5, 10]
        .into_iter()
        .map(|pain| {
            view! {
                <text class="tick pain-tick" x=WIDTH y=fixed(y_for(f64::from(pain) / 10.0), 1) dy="4" text-anchor="end">
                    {pain}
                </text>
            }
        })
        .collect_view();
    let bars = weeks
        .iter()
        .enumerate()
        .map(|(i, week)| {
            let share = (week.distance.in_unit(unit) / axis_top).clamp(0.0, 1.0);
            let height = plot_height * share;
            let middle = LEFT + slot * (i as f64 + 0.5);
            let x = middle - bar_width / 2.0;
            let top = TOP + plot_height - height;
            let so_far = i == last;
            let date = ((last - i) % label_every == 0).then(|| {
                view! {
                    <text class="tick" x=fixed(middle, 1) y=HEIGHT - 6.0 text-anchor="middle">
                        {dates.day_month(week.start)}
                    </text>
                }
            });
            let so_far_label = so_far.then(|| {
                view! {
                    <text class="tick" x=fixed(middle, 1) y=fixed(top - 4.0, 1) text-anchor="middle">
                        {said("so far")}
                    </text>
                }
            });
            view! {
                <rect
                    class=if so_far { "bar so-far" } else { "bar" }
                    x=fixed(x, 1)
                    y=fixed(top, 1)
                    width=fixed(bar_width, 1)
                    height=fixed(height, 1)
                    rx="2"
                ></rect>
                {date}
                {so_far_label}
            }
        })
        .collect_view();
    let pain_points: Vec<(f64, f64)> = weeks
        .iter()
        .enumerate()
        .filter_map(|(i, week)| {
            week.max_pain.map(|p| {
                (
                    LEFT + slot * (i as f64 + 0.5),
                    y_for(f64::from(p.value()) / 10.0),
                )
            })
        })
        .collect();
    let pain_line = pain_points
        .iter()
        .map(|(x, y)| format!("{},{}", fixed(*x, 1), fixed(*y, 1)))
        .collect::<Vec<_>>()
        .join(" ");
    let pain_dots = pain_points
        .into_iter()
        .map(|(x, y)| {
            view! { <circle class="pain-dot" cx=fixed(x, 1) cy=fixed(y, 1) r="4"></circle> }
        })
        .collect_view();

    view! {
        <figure class="weekly-chart">
            <svg viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-labelledby="weekly-chart-summary">
                <text class="tick" x="0" y="10">
                    {unit.abbreviation()}
                </text>
                <text class="tick pain-tick" x=WIDTH y="10" text-anchor="end">
                    {said("pain")}
                </text>
                {ticks}
                {pain_ticks}
                {bars}
                <polyline class="pain-line" points=pain_line></polyline>
                {pain_dots}
            </svg>
            <figcaption id="weekly-chart-summary">{description}</figcaption>
            <details>
                <summary>{said("Week by week")}</summary>
                <ul class="plain-list">{week_lines}</ul>
            </details>
        </figure>
    }
}
