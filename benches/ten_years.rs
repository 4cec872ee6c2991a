//! Ten years of daily use: how big the stored data and the backup file get, and how long
//! writing and reading them take. Run with `cargo bench --bench ten_years`.
//!
//! A plain timing harness (median of repeated runs), so the numbers print beside their
//! budgets: under 2 MB stored, well inside a browser's ~5 MB localStorage, and under 20 ms
//! to read it all back, so opening the app stays instant. Native timings; the same code
//! as WebAssembly in a browser is typically 1.5–3× slower.

use std::hint::black_box;
use std::time::{Duration as Elapsed, Instant};

use chrono::{DateTime, Days, NaiveDate, Utc};
use patella::domain::backup::{export_backup, parse_backup, MAX_BACKUP_BYTES};
use patella::domain::dataset::DataSet;
use patella::domain::records::{
    CareTier, KneeArea, PainEntry, PainScore, RecordId, Run, RunKind, Settings, Shoe,
    StrengthSession, Surface, TriageRecord,
};
use patella::domain::schema::{self, Collection};
use patella::domain::units::{Distance, Duration};
use patella::store::codec::{self, Decoded};
use serde::de::DeserializeOwned;
use serde_json::Value;

const DAYS: u64 = 3_650;
const STRENGTH_SESSIONS: u64 = 1_500;
const SHOES: u64 = 20;
const KNEE_CHECKS: u64 = 12;
const REPEATS: usize = 21;

const STORED_BUDGET_BYTES: usize = 2 * 1024 * 1024;
const PARSE_BUDGET: Elapsed = Elapsed::from_millis(20);

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
    /// A UUID-shaped id, as the app makes them.
    fn id(&mut self) -> RecordId {
        let (a, b) = (self.next(), self.next());
        let text = format!(
            "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
            a >> 32,
            (a >> 16) & 0xffff,
            a & 0xfff,
            (b >> 48) | 0x8000,
            b & 0xffff_ffff_ffff
        );
        RecordId::try_from(text).expect("a well-formed id")
    }
    fn score(&mut self) -> PainScore {
        PainScore::new((self.below(11) * self.below(11) / 10) as u8).expect("0 to 10")
    }
    fn note(&mut self, percent: u64) -> String {
        const NOTES: [&str; 5] = [
            "Felt good, knee quiet throughout",
            "Windy on the way back; slight ache at the outer knee after 8 km",
            "Stairs sore this morning, eased off",
            "Easy pace, chatted the whole way",
            "Hill repeats 6 x 90 s, iced after",
        ];
        if self.chance(percent) {
            NOTES[self.below(NOTES.len() as u64) as usize].to_string()
        } else {
            String::new()
        }
    }
}

fn ten_years() -> DataSet {
    let mut dice = Dice(0x5EED_0F7A_7E11_A5ED);
    let first_day = NaiveDate::from_ymd_opt(2016, 11, 27).expect("a date");
    let day = |n: u64| first_day + Days::new(n);
    let instant = |date: NaiveDate, dice: &mut Dice| -> DateTime<Utc> {
        date.and_hms_milli_opt(6 + dice.below(15) as u32, 0, 0, dice.below(1000) as u32)
            .expect("a time")
            .and_utc()
    };

    let shoes: Vec<Shoe> = (0..SHOES)
        .map(|n| Shoe {
            id: dice.id(),
            updated_at: instant(day(n * DAYS / SHOES), &mut dice),
            name: format!("Trainer model {} size 44", n + 1),
            added_on: day(n * DAYS / SHOES),
            start_distance: Distance::ZERO,
            retired: n + 2 < SHOES,
        })
        .collect();
    let runs = (0..DAYS)
        .map(|n| {
            let date = day(n);
            // GPS distances: metres with a fraction, so numbers print at full length.
            let metres = 3_000.0 + dice.below(22_000) as f64 + dice.below(10) as f64 / 10.0;
            let seconds = (metres * (0.30 + dice.below(12) as f64 / 100.0)) as u32;
            Run {
                id: dice.id(),
                updated_at: instant(date, &mut dice),
                date,
                distance: Distance::from_metres(metres),
                duration: Duration::from_seconds(seconds),
                kind: RunKind::ALL[dice.below(RunKind::ALL.len() as u64) as usize],
                surface: Some(Surface::ALL[dice.below(Surface::ALL.len() as u64) as usize]),
                shoe_id: Some(shoes[(n * SHOES / DAYS) as usize].id.clone()),
                pain_during: Some(dice.score()),
                pain_after: Some(dice.score()),
                effort: Some(1 + dice.below(10) as u8),
                cadence_spm: Some(160 + dice.below(25) as u16),
                notes: dice.note(30),
            }
        })
        .collect();
    let pain = (0..DAYS)
        .map(|n| {
            let date = day(n);
            PainEntry {
                id: dice.id(),
                updated_at: instant(date, &mut dice),
                date,
                pain: dice.score(),
                areas: if dice.chance(40) {
                    vec![KneeArea::ALL[dice.below(5) as usize]]
                } else {
                    Vec::new()
                },
                morning_stiffness: dice.chance(20),
                note: dice.note(10),
            }
        })
        .collect();
    let strength = (0..STRENGTH_SESSIONS)
        .map(|n| {
            let date = day(n * DAYS / STRENGTH_SESSIONS);
            StrengthSession {
                id: dice.id(),
                updated_at: instant(date, &mut dice),
                date,
                exercises: [
                    "wall_sit",
                    "step_down",
                    "side_plank",
                    "clamshell",
                    "glute_bridge",
                ][..3 + dice.below(3) as usize]
                    .iter()
                    .map(|e| e.to_string())
                    .collect(),
                minutes: Some(15 + dice.below(30) as u16),
                note: dice.note(10),
            }
        })
        .collect();
    let triage = (0..KNEE_CHECKS)
        .map(|n| {
            let taken_at = instant(day(n * DAYS / KNEE_CHECKS), &mut dice);
            TriageRecord {
                id: dice.id(),
                updated_at: taken_at,
                taken_at,
                care_tier: CareTier::SelfManage,
                conditions: vec!["patellofemoral_pain".into(), "itb_syndrome".into()],
                answers: [
                    ("onset", "gradual"),
                    ("swelling", "none"),
                    ("locking", "no"),
                    ("giving_way", "no"),
                    ("worse_on_stairs", "yes"),
                    ("pain_location", "front"),
                ]
                .iter()
                .map(|(q, a)| (q.to_string(), a.to_string()))
                .collect(),
            }
        })
        .collect();
    DataSet {
        runs,
        pain,
        strength,
        shoes,
        triage,
        settings: Settings::default(),
    }
}

/// Every key's value, written by the store's own codec.
fn stored(data: &DataSet) -> Vec<(Collection, String)> {
    let encode = |text: Result<String, serde_json::Error>| text.expect("records serialize");
    vec![
        (Collection::Runs, encode(codec::encode(&data.runs))),
        (Collection::Pain, encode(codec::encode(&data.pain))),
        (Collection::Strength, encode(codec::encode(&data.strength))),
        (Collection::Shoes, encode(codec::encode(&data.shoes))),
        (Collection::Triage, encode(codec::encode(&data.triage))),
        (Collection::Settings, encode(codec::encode(&data.settings))),
    ]
}

/// Every key read back by the store's own codec (its one-pass path for current data).
fn parse_as_the_store(values: &[(Collection, String)]) -> DataSet {
    fn clean<T>(decoded: Decoded<T>) -> T {
        match decoded {
            Decoded::Clean(value) => value,
            _ => panic!("stored data reads"),
        }
    }
    let mut data = DataSet::default();
    for (collection, text) in values {
        let c = *collection;
        match c {
            Collection::Runs => data.runs = clean(codec::decode_records(c, text)),
            Collection::Pain => data.pain = clean(codec::decode_records(c, text)),
            Collection::Strength => data.strength = clean(codec::decode_records(c, text)),
            Collection::Shoes => data.shoes = clean(codec::decode_records(c, text)),
            Collection::Triage => data.triage = clean(codec::decode_records(c, text)),
            Collection::Settings => data.settings = clean(codec::decode_object(c, text)),
        }
    }
    data
}

/// The salvage path for damaged data: JSON value, migration, then each record on its own so
/// one bad record cannot sink the rest.
fn parse_via_migration(values: &[(Collection, String)]) -> usize {
    let mut records = 0;
    for (collection, text) in values {
        let envelope: Value = serde_json::from_str(text).expect("stored data reads");
        let schema = envelope["schema"].as_u64().expect("a schema number");
        let data = schema::migrate(*collection, schema, envelope["data"].clone()).expect("current");
        match (collection, data) {
            (Collection::Settings, data) => {
                black_box(serde_json::from_value::<Settings>(data).expect("settings read"));
            }
            (Collection::Runs, Value::Array(items)) => records += each::<Run>(items),
            (Collection::Pain, Value::Array(items)) => records += each::<PainEntry>(items),
            (Collection::Strength, Value::Array(items)) => {
                records += each::<StrengthSession>(items)
            }
            (Collection::Shoes, Value::Array(items)) => records += each::<Shoe>(items),
            (Collection::Triage, Value::Array(items)) => records += each::<TriageRecord>(items),
            _ => panic!("{} is not a list", collection.name()),
        }
    }
    records
}

fn each<R: DeserializeOwned>(items: Vec<Value>) -> usize {
    let count = items.len();
    for item in items {
        black_box(serde_json::from_value::<R>(item).expect("record reads"));
    }
    count
}

/// Median and fastest of `REPEATS` runs.
fn time<T>(mut work: impl FnMut() -> T) -> (Elapsed, Elapsed) {
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
    let backup = export_backup(&data, "0.1.0", now);
    assert_eq!(
        parse_as_the_store(&values),
        data,
        "stored data reads back unchanged"
    );
    assert!(
        parse_backup(backup.as_bytes(), today).is_ok(),
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
    report("write all keys (store codec)", time(|| stored(&data)), None);
    report(
        "read all keys (store codec)",
        time(|| parse_as_the_store(&values)),
        Some(PARSE_BUDGET),
    );
    report(
        "read record by record (salvage path)",
        time(|| parse_via_migration(&values)),
        None,
    );
    report(
        "export backup",
        time(|| export_backup(&data, "0.1.0", now)),
        None,
    );
    report(
        "read and check backup (parse_backup)",
        time(|| parse_backup(backup.as_bytes(), today)),
        None,
    );
}
