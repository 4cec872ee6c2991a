//! What the benchmarks share: ten years of daily use, generated the same way every time,
//! and a timer that reports the median and fastest of repeated runs.
// Each bench uses only some of this.
#![allow(dead_code)]

use std::hint::black_box;
use std::time::{Duration as Elapsed, Instant};

use chrono::{DateTime, Days, NaiveDate, Utc};
use patella::domain::dataset::DataSet;
use patella::domain::records::{
    CareTier, KneeArea, PainEntry, PainScore, RecordId, Run, RunKind, RunSource, Settings, Shoe,
    SourceFormat, StrengthSession, Surface, TriageRecord,
};
use patella::domain::units::{Distance, Duration};

pub const DAYS: u64 = 3_650;
pub const STRENGTH_SESSIONS: u64 = 1_500;
pub const SHOES: u64 = 20;
pub const KNEE_CHECKS: u64 = 12;

/// The last day of the ten years.
pub fn last_day() -> NaiveDate {
    first_day() + Days::new(DAYS - 1)
}

fn first_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2016, 11, 27).expect("a date")
}

/// A small deterministic generator, so every run of the bench measures the same data.
pub struct Dice(pub u64);

impl Dice {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    /// A UUID-shaped id, as the app makes them.
    pub fn id(&mut self) -> RecordId {
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
    pub fn score(&mut self) -> PainScore {
        PainScore::new((self.below(11) * self.below(11) / 10) as u8).expect("0 to 10")
    }
    pub fn note(&mut self, percent: u64) -> String {
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

/// Ten years of daily use: a run and a pain entry every day, strength sessions, shoes and
/// knee checks, every optional field filled as a keen runner would, half the runs imported
/// from watch files.
pub fn ten_years() -> DataSet {
    let mut dice = Dice(0x5EED_0F7A_7E11_A5ED);
    let day = |n: u64| first_day() + Days::new(n);
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
                title: String::new(),
                notes: dice.note(30),
                // Half the runs come from a watch file, with every summary field.
                source: dice.chance(50).then(|| RunSource {
                    file_name: format!("{date}-Morning_Run.fit"),
                    format: SourceFormat::Fit,
                    started_at: instant(date, &mut dice),
                    elapsed: Duration::from_seconds(seconds + dice.below(600) as u32),
                    avg_heart_rate_bpm: Some(120 + dice.below(60) as u16),
                    elevation_gain_m: Some(dice.below(4000) as f64 / 10.0),
                }),
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
                taken_at: taken_at.fixed_offset(),
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
        recovery: Default::default(),
        visits: Vec::new(),
    }
}

/// Median and fastest of `repeats` runs of `work`, after one warm-up.
pub fn time<T>(repeats: usize, mut work: impl FnMut() -> T) -> (Elapsed, Elapsed) {
    black_box(work());
    let mut times: Vec<Elapsed> = (0..repeats.max(1))
        .map(|_| {
            let start = Instant::now();
            black_box(work());
            start.elapsed()
        })
        .collect();
    times.sort();
    (times[times.len() / 2], times[0])
}
