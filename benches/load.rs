//! The full training-load analysis over ten years of daily use: what Home computes when it
//! opens. Run with `cargo bench --bench load`.
//!
//! A plain timing harness (median of repeated runs), like `ten_years`. Ten years is 3,650
//! runs, 3,650 pain entries and 20 shoes; the work is `load::analyse` (every week since the
//! first run, all warnings, the acute:chronic ratio), `load::weekly_series` for a 26-week
//! chart, `shoes::shoe_report` and `pain::trend` over 7 days. Budget: under 5 ms natively.
//! The same code as WebAssembly in a browser is typically 1.5–3× slower.
// Tests and benchmarks may panic on a broken fixture: that is their way to fail.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::time::Duration as Elapsed;

use patella::domain::dataset::DataSet;
use patella::domain::load::{analyse, weekly_series};
use patella::domain::pain::{trend, PainRule};
use patella::domain::records::Settings;
use patella::domain::shoes::shoe_report;
use support::{last_day, ten_years, time, Dice};

const REPEATS: usize = 51;
const CHART_WEEKS: usize = 26;
const BUDGET: Elapsed = Elapsed::from_millis(5);

/// Ten years of data with the runs stored in no particular order, as a merge or an import
/// can leave them, so the analysis pays for its sort.
fn ten_years_shuffled() -> DataSet {
    let mut data = ten_years();
    let mut dice = Dice(0x5EED_0F7A_7E11_A5ED);
    for i in (1..data.runs.len()).rev() {
        data.runs.swap(i, dice.below(i as u64 + 1) as usize);
    }
    data
}

fn main() {
    let data = ten_years_shuffled();
    let settings = Settings::default();
    let today = last_day();
    println!(
        "Ten years of daily use: {} runs, {} pain entries, {} shoes; today {today}",
        data.runs.len(),
        data.pain.len(),
        data.shoes.len()
    );

    let report = analyse(&data.runs, &data.pain, &settings, today);
    let shoes = shoe_report(&data.shoes, &data.runs, &settings, today);
    let pain = trend(&data.runs, &data.pain, today, 7, PainRule::Training);
    println!(
        "  {} weeks, {} warnings ({}), ratio {}, {} shoe alerts, pain trend {:?}",
        report.weeks.len(),
        report.warnings.len(),
        report
            .warnings
            .iter()
            .map(|w| format!("{:?}", w.rule))
            .collect::<Vec<_>>()
            .join(", "),
        report
            .acute_chronic
            .as_ref()
            .map_or("none".to_string(), |r| format!("{:.2}", r.ratio)),
        shoes.alerts().count(),
        pain.direction
    );

    println!("\nTime (median of {REPEATS}, fastest in brackets)");
    let line = |label: &str, (median, fastest): (Elapsed, Elapsed), budget: Option<Elapsed>| {
        let budget = budget.map_or(String::new(), |budget| {
            let verdict = if median < budget {
                "within budget"
            } else {
                "OVER BUDGET"
            };
            format!("   budget {budget:?} ({verdict})")
        });
        println!("  {label:<44} {median:>10.2?} ({fastest:.2?}){budget}");
    };
    line(
        "load::analyse",
        time(REPEATS, || {
            analyse(&data.runs, &data.pain, &settings, today)
        }),
        None,
    );
    line(
        "load::weekly_series (26 weeks)",
        time(REPEATS, || {
            weekly_series(&data.runs, &data.pain, &settings, today, CHART_WEEKS)
        }),
        None,
    );
    line(
        "shoes::shoe_report",
        time(REPEATS, || {
            shoe_report(&data.shoes, &data.runs, &settings, today)
        }),
        None,
    );
    line(
        "pain::trend (7 days)",
        time(REPEATS, || {
            trend(&data.runs, &data.pain, today, 7, PainRule::Training)
        }),
        None,
    );
    line(
        "full analysis (all four)",
        time(REPEATS, || {
            (
                analyse(&data.runs, &data.pain, &settings, today),
                weekly_series(&data.runs, &data.pain, &settings, today, CHART_WEEKS),
                shoe_report(&data.shoes, &data.runs, &settings, today),
                trend(&data.runs, &data.pain, today, 7, PainRule::Training),
            )
        }),
        Some(BUDGET),
    );
}
