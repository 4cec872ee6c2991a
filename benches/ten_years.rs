//! Ten years of daily use: how big the stored data and the backup file get, and how long
//! writing and reading them take. Run with `cargo bench --bench ten_years`.
//!
//! A plain timing harness (median of repeated runs), so the numbers print beside their
//! budgets: under 2.4 MB stored (measured with half the runs imported from watch files,
//! plus 10%), under half a browser's ~5 MB localStorage, and under 20 ms
//! to read it all back, so opening the app stays instant. Native timings; the same code
//! as WebAssembly in a browser is typically 1.5–3× slower.
// Tests and benchmarks may panic on a broken fixture: that is their way to fail.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::hint::black_box;
use std::time::Duration as Elapsed;

use chrono::{DateTime, Utc};
use patella::domain::backup::{export_backup, parse_backup, MAX_BACKUP_BYTES};
use patella::domain::clinician_summary::ClinicianSummary;
use patella::domain::dataset::DataSet;
use patella::domain::json::{self, Number, Value};
use patella::domain::locale::DateStyle;
use patella::domain::records::{PainEntry, Run, Settings, Shoe, StrengthSession, TriageRecord};
use patella::domain::recovery_plan::RecoveryPrefs;
use patella::domain::schema::{self, Collection};
use patella::store::codec;
use serde::de::DeserializeOwned;
use support::{ten_years, time};

const REPEATS: usize = 21;

const STORED_BUDGET_BYTES: usize = 2_400 * 1024;
const PARSE_BUDGET: Elapsed = Elapsed::from_millis(20);
/// The clinician summary over ten years: a tenth of a frame budget native, so a phone drawing
/// it as WebAssembly (1.5–3× slower) still answers within a frame.
const SUMMARY_BUDGET: Elapsed = Elapsed::from_millis(2);

/// Every key's value, written by the store's own codec.
fn stored(data: &DataSet) -> Vec<(Collection, String)> {
    let encode = |text: Result<String, json::Error>| text.expect("records serialize");
    vec![
        (Collection::Runs, encode(codec::encode(&data.runs))),
        (Collection::Pain, encode(codec::encode(&data.pain))),
        (Collection::Strength, encode(codec::encode(&data.strength))),
        (Collection::Shoes, encode(codec::encode(&data.shoes))),
        (Collection::Triage, encode(codec::encode(&data.triage))),
        (Collection::Settings, encode(codec::encode(&data.settings))),
        (Collection::Recovery, encode(codec::encode(&data.recovery))),
    ]
}

/// Every key read back by the store's own codec (its one-pass path for current data).
fn parse_as_the_store(values: &[(Collection, String)]) -> DataSet {
    let mut data = DataSet::default();
    for (collection, text) in values {
        if let Some(problem) = patella::store::state::decode_into(*collection, text, utc, &mut data)
        {
            panic!("stored data reads: {problem:?}");
        }
    }
    data
}

/// The salvage path for data a migration step changes: the store's JSON tree, the
/// migration, the text written back, then each record from its own slice so one bad record
/// cannot sink the rest (`store::codec::open` and `decode_records`).
fn parse_via_migration(values: &[(Collection, String)]) -> usize {
    let mut records = 0;
    for (collection, text) in values {
        let Ok(Value::Object(mut envelope)) = text.parse::<Value>() else {
            panic!("stored data reads");
        };
        let Some(Value::Number(Number::U64(schema))) = envelope.get("schema") else {
            panic!("a schema number");
        };
        let schema = *schema;
        let data = envelope.remove("data").expect("data");
        let data = schema::migrate(*collection, schema, data, |_| {
            chrono::Offset::fix(&chrono::Utc)
        })
        .expect("current");
        let data = json::to_string(&data).expect("written back");
        records += match collection {
            Collection::Settings => one::<Settings>(&data),
            Collection::Recovery => one::<RecoveryPrefs>(&data),
            Collection::Runs => each::<Run>(&data),
            Collection::Pain => each::<PainEntry>(&data),
            Collection::Strength => each::<StrengthSession>(&data),
            Collection::Shoes => each::<Shoe>(&data),
            Collection::Triage => each::<TriageRecord>(&data),
            Collection::Visits => each::<patella::domain::records::Visit>(&data),
        };
    }
    records
}

fn one<R: DeserializeOwned>(text: &str) -> usize {
    black_box(json::from_str::<R>(text).expect("reads"));
    0
}

fn each<R: DeserializeOwned>(text: &str) -> usize {
    let items = json::array_items(text).expect("a list");
    for item in &items {
        black_box(json::from_str::<R>(item).expect("record reads"));
    }
    items.len()
}

/// "1.85 MB (1,939,012 bytes)", or KB for the small keys.
fn size(bytes: usize) -> String {
    let mut digits = bytes.to_string();
    let mut grouped = String::new();
    while digits.len() > 3 {
        let tail = digits.split_off(digits.len() - 3);
        grouped = format!(",{tail}{grouped}");
    }
    let exact = format!("{digits}{grouped} bytes");
    if bytes >= 1024 * 1024 {
        format!("{:.2} MB ({exact})", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{:.1} KB ({exact})", bytes as f64 / 1024.0)
    }
}

fn verdict(ok: bool) -> &'static str {
    if ok {
        "within budget"
    } else {
        "OVER BUDGET"
    }
}

fn main() {
    let data = ten_years();
    let now: DateTime<Utc> = "2026-11-27T08:00:00Z".parse().expect("an instant");
    let today = now.date_naive();
    let counts = data.counts();
    println!(
        "Ten years of daily use: {} runs, {} pain entries, {} strength sessions, {} shoes, {} knee checks",
        counts.runs, counts.pain, counts.strength, counts.shoes, counts.triage
    );

    let values = stored(&data);
    let stored_bytes: usize = values.iter().map(|(_, text)| text.len()).sum();
    let backup = export_backup(&data, "0.1.0", now).expect("the backup serializes");
    assert_eq!(
        parse_as_the_store(&values),
        data,
        "stored data reads back unchanged"
    );
    assert!(
        parse_backup(backup.as_bytes(), today, utc, DateStyle::default()).is_ok(),
        "the backup restores"
    );

    println!("\nSize");
    for (collection, text) in &values {
        println!(
            "  {:<18} {:>28}",
            collection.storage_key(),
            size(text.len())
        );
    }
    println!(
        "  {:<18} {:>28}   budget {} ({})",
        "all stored keys",
        size(stored_bytes),
        size(STORED_BUDGET_BYTES),
        verdict(stored_bytes < STORED_BUDGET_BYTES)
    );
    println!(
        "  {:<18} {:>28}   import limit {}",
        "backup file",
        size(backup.len()),
        size(MAX_BACKUP_BYTES)
    );

    println!("\nTime (median of {REPEATS}, fastest in brackets)");
    let report = |label: &str, (median, fastest): (Elapsed, Elapsed), budget: Option<Elapsed>| {
        let budget = budget.map_or(String::new(), |budget| {
            format!("   budget {budget:?} ({})", verdict(median < budget))
        });
        println!("  {label:<44} {median:>10.2?} ({fastest:.2?}){budget}");
    };
    report(
        "write all keys (store codec)",
        time(REPEATS, || stored(&data)),
        None,
    );
    report(
        "read all keys (store codec)",
        time(REPEATS, || parse_as_the_store(&values)),
        Some(PARSE_BUDGET),
    );
    report(
        "read record by record (salvage path)",
        time(REPEATS, || parse_via_migration(&values)),
        None,
    );
    report(
        "export backup",
        time(REPEATS, || export_backup(&data, "0.1.0", now)),
        None,
    );
    report(
        "read and check backup (parse_backup)",
        time(REPEATS, || {
            parse_backup(backup.as_bytes(), today, utc, DateStyle::default())
        }),
        None,
    );
    // Drawn each time the summary opens and after every change while it is open.
    report(
        "clinician summary (ClinicianSummary::of)",
        time(REPEATS, || ClinicianSummary::of(&data, today, "Patella")),
        Some(SUMMARY_BUDGET),
    );
}

/// The bench's device zone: its data is stored at the current schema, so nothing moves.
fn utc(_: chrono::DateTime<chrono::Utc>) -> chrono::FixedOffset {
    chrono::Offset::fix(&chrono::Utc)
}
