//! The full training-load analysis over ten years of daily use: what Home computes when it
//! opens. Run with `cargo bench --bench load`.
//!
//! A plain timing harness (median of repeated runs), like `ten_years`. Ten years is 3,650
//! runs, 3,650 pain entries and 20 shoes; the work is `load::analyse` (every week since the
//! first run, all warnings, the acute:chronic ratio), `load::weekly_series` for a 26-week
//! chart, `shoes::shoe_report` and `pain::trend` over 7 days. Budget: under 5 ms natively.
//! The same code as WebAssembly in a browser is typically 1.5–3× slower.

use std::hint::black_box;
use std::time::{Duration as Elapsed, Instant};

use chrono::{DateTime, Days, NaiveDate, Utc};
use patella::domain::load::{analyse, weekly_series};
use patella::domain::pain::trend;
use patella::domain::records::{
    KneeArea, PainEntry, PainScore, RecordId, Run, RunKind, Settings, Shoe, Surface,
};
use patella::domain::shoes::shoe_report;
use patella::domain::units::{Distance, Duration};

const DAYS: u64 = 3_650;
const SHOES: u64 = 20;
const REPEATS: usize = 51;
const CHART_WEEKS: usize = 26;
const BUDGET: Elapsed = Elapsed::from_millis(5);

/// A small deterministic generator, so every run of the bench measures the same data.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    fn id(&mut self) -> RecordId {
        RecordId::from_random_bits(u128::from(self.next()) << 64 | u128::from(self.next()))
    }
    fn score(&mut self) -> PainScore {
        PainScore::new((self.below(11) * self.below(11) / 10) as u8).expect("0 to 10")
    }
}

struct TenYears {
    runs: Vec<Run>,
    pain: Vec<PainEntry>,
    shoes: Vec<Shoe>,
    today: NaiveDate,
}

fn ten_years() -> TenYears {
    let mut dice = Dice(0x5EED_0F7A_7E11_A5ED);
    let first_day = NaiveDate::from_ymd_opt(2016, 11, 28).expect("a date");
    let day = |n: u64| first_day + Days::new(n);
    let instant =
        |date: NaiveDate| -> DateTime<Utc> { date.and_hms_opt(7, 0, 0).expect("a time").and_utc() };
    let shoes: Vec<Shoe> = (0..SHOES)
        .map(|n| Shoe {
            id: dice.id(),
            updated_at: instant(day(n * DAYS / SHOES)),
            name: format!("Trainer model {}", n + 1),
            added_on: day(n * DAYS / SHOES),
            start_distance: Distance::ZERO,
            retired: n + 2 < SHOES,
        })
        .collect();
    // Stored in no particular order, as a merge or an import can leave them.
    let mut order: Vec<u64> = (0..DAYS).collect();
    for i in (1..order.len()).rev() {
        order.swap(i, dice.below(i as u64 + 1) as usize);
    }
    let runs = order
        .iter()
        .map(|&n| {
            let date = day(n);
            let metres = 3_000.0 + dice.below(22_000) as f64 + dice.below(10) as f64 / 10.0;
            let seconds = (metres * (0.30 + dice.below(12) as f64 / 100.0)) as u32;
            Run {
                id: dice.id(),
                updated_at: instant(date),
                date,
                distance: Distance::from_metres(metres),
                duration: Duration::from_seconds(seconds),
                kind: RunKind::ALL[dice.below(RunKind::ALL.len() as u64) as usize],
                surface: Some(Surface::ALL[dice.below(Surface::ALL.len() as u64) as usize]),
                // The last two shoes alternate in the final stretch, as a rotating runner's do.
                shoe_id: Some(
                    shoes[((n * SHOES / DAYS) + (n % 2)).min(SHOES - 1) as usize]
                        .id
                        .clone(),
                ),
                pain_during: Some(dice.score()),
                pain_after: Some(dice.score()),
                effort: Some(1 + dice.below(10) as u8),
                cadence_spm: Some(160 + dice.below(25) as u16),
                notes: String::new(),
            }
        })
        .collect();
    let pain = (0..DAYS)
        .map(|n| {
            let date = day(n);
            PainEntry {
                id: dice.id(),
                updated_at: instant(date),
                date,
                pain: dice.score(),
                areas: if dice.chance(40) {
                    vec![KneeArea::ALL[dice.below(5) as usize]]
                } else {
                    Vec::new()
                },
                morning_stiffness: dice.chance(20),
                note: String::new(),
            }
        })
        .collect();
    TenYears {
        runs,
        pain,
        shoes,
        today: day(DAYS - 1),
    }
}

/// Median and fastest of `REPEATS` runs, after one warm-up.
fn time<T>(mut work: impl FnMut() -> T) -> (Elapsed, Elapsed) {
    black_box(work());
    let mut times: Vec<Elapsed> = (0..REPEATS)
        .map(|_| {
            let start = Instant::now();
            black_box(work());
            start.elapsed()
        })
        .collect();
    times.sort();
    (times[REPEATS / 2], times[0])
}

fn main() {
    let data = ten_years();
    let settings = Settings::default();
    let today = data.today;
    println!(
        "Ten years of daily use: {} runs, {} pain entries, {} shoes; today {today}",
        data.runs.len(),
        data.pain.len(),
        data.shoes.len()
    );

    let report = analyse(&data.runs, &data.pain, &settings, today);
    let shoes = shoe_report(&data.shoes, &data.runs, &settings, today);
    let pain = trend(&data.runs, &data.pain, today, 7);
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
        time(|| analyse(&data.runs, &data.pain, &settings, today)),
        None,
    );
    line(
        "load::weekly_series (26 weeks)",
        time(|| weekly_series(&data.runs, &data.pain, &settings, today, CHART_WEEKS)),
        None,
    );
    line(
        "shoes::shoe_report",
        time(|| shoe_report(&data.shoes, &data.runs, &settings, today)),
        None,
    );
    line(
        "pain::trend (7 days)",
        time(|| trend(&data.runs, &data.pain, today, 7)),
        None,
    );
    line(
        "full analysis (all four)",
        time(|| {
            (
                analyse(&data.runs, &data.pain, &settings, today),
                weekly_series(&data.runs, &data.pain, &settings, today, CHART_WEEKS),
                shoe_report(&data.shoes, &data.runs, &settings, today),
                trend(&data.runs, &data.pain, today, 7),
            )
        }),
        Some(BUDGET),
    );
}
