//! The weekly distance chart: bars for distance, a line for the week's highest pain, drawn
//! as SVG by our own code so it costs no library and reads at 360 px. A sentence under it
//! says the same for screen readers.

use leptos::prelude::*;

use crate::domain::load::WeekSummary;
use crate::domain::units::{Distance, DistanceUnit};

const WIDTH: f64 = 320.0;
const HEIGHT: f64 = 150.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 22.0;
const LEFT: f64 = 4.0;

/// The sentence that describes the chart.
fn summary(weeks: &[WeekSummary], unit: DistanceUnit) -> String {
    let Some(this_week) = weeks.last() else {
        return "No weeks to show yet.".into();
    };
    let busiest = weeks
        .iter()
        .max_by(|a, b| a.distance.metres().total_cmp(&b.distance.metres()));
    let busiest = busiest
        .filter(|week| week.distance.metres() > 0.0)
        .map(|week| {
            format!(
                " The most was {} in the week of {}.",
                week.distance.display(unit),
                week.label()
            )
        })
        .unwrap_or_default();
    let pain = weeks
        .iter()
        .filter_map(|week| week.max_pain.map(|p| (week, p.value())))
        .max_by_key(|(_, pain)| *pain)
        .map(|(week, pain)| format!(" Highest pain: {pain}/10, in the week of {}.", week.label()))
        .unwrap_or_else(|| " No pain recorded.".into());
    format!(
        "Weekly distance over the last {} weeks. This week so far: {}.{busiest}{pain}",
        weeks.len(),
        this_week.distance.display(unit)
    )
}

#[component]
pub fn WeeklyChart(weeks: Vec<WeekSummary>, unit: DistanceUnit) -> impl IntoView {
    let description = summary(&weeks, unit);
    let most = weeks
        .iter()
        .map(|week| week.distance.metres())
        .fold(0.0_f64, f64::max);
    let scale_top = if most > 0.0 { most } else { 1.0 };
    let plot_height = HEIGHT - TOP - BOTTOM;
    let slot = (WIDTH - LEFT) / weeks.len().max(1) as f64;
    let bar_width = (slot * 0.7).max(2.0);
    let y_for_pain = |pain: u8| TOP + plot_height * (1.0 - f64::from(pain) / 10.0);

    let bars = weeks
        .iter()
        .enumerate()
        .map(|(i, week)| {
            let height = plot_height * week.distance.metres() / scale_top;
            let x = LEFT + slot * i as f64 + (slot - bar_width) / 2.0;
            view! {
                <rect
                    class="bar"
                    x=format!("{x:.1}")
                    y=format!("{:.1}", TOP + plot_height - height)
                    width=format!("{bar_width:.1}")
                    height=format!("{height:.1}")
                    rx="2"
                ></rect>
            }
        })
        .collect_view();
    let pain_points: Vec<(f64, f64)> = weeks
        .iter()
        .enumerate()
        .filter_map(|(i, week)| {
            week.max_pain
                .map(|p| (LEFT + slot * (i as f64 + 0.5), y_for_pain(p.value())))
        })
        .collect();
    let pain_line = pain_points
        .iter()
        .map(|(x, y)| format!("{x:.1},{y:.1}"))
        .collect::<Vec<_>>()
        .join(" ");
    let pain_dots = pain_points
        .into_iter()
        .map(|(x, y)| {
            view! { <circle class="pain-dot" cx=format!("{x:.1}") cy=format!("{y:.1}") r="3"></circle> }
        })
        .collect_view();
    let first_label = weeks.first().map(WeekSummary::label).unwrap_or_default();
    let top_label = Distance::from_metres(most).display(unit);

    view! {
        <figure class="weekly-chart">
            <svg
                viewBox=format!("0 0 {WIDTH} {HEIGHT}")
                role="img"
                aria-labelledby="weekly-chart-summary"
                preserveAspectRatio="none"
            >
                <line class="axis" x1="0" x2=WIDTH y1=TOP + plot_height y2=TOP + plot_height></line>
                {bars}
                <polyline class="pain-line" points=pain_line></polyline>
                {pain_dots}
            </svg>
            <div class="chart-scale" aria-hidden="true">
                <span>{format!("from {first_label}")}</span>
                <span>{format!("top bar {top_label}")}</span>
            </div>
            <figcaption id="weekly-chart-summary">{description}</figcaption>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::records::PainScore;
    use chrono::NaiveDate;

    fn week(start: &str, km: f64, pain: Option<u8>) -> WeekSummary {
        let start: NaiveDate = start.parse().unwrap();
        WeekSummary {
            start,
            end: start + chrono::Days::new(6),
            distance: Distance::from_metres(km * 1000.0),
            runs: 1,
            time: Default::default(),
            cross_training: 0,
            max_pain: pain.and_then(PainScore::new),
        }
    }

    #[test]
    fn the_summary_says_what_the_chart_shows() {
        let weeks = [
            week("2026-11-09", 20.0, Some(2)),
            week("2026-11-16", 32.5, Some(5)),
            week("2026-11-23", 12.0, None),
        ];
        assert_eq!(
            summary(&weeks, DistanceUnit::Km),
            "Weekly distance over the last 3 weeks. This week so far: 12 km. The most was 32.5 km \
             in the week of 16–22 Nov. Highest pain: 5/10, in the week of 16–22 Nov."
        );
    }
}
