//! Cadence: the runner's step rate from logged runs, a target to aim for, and the arithmetic
//! of a metronome that does not drift.
//!
//! A 5–10% higher step rate lowers the load on the knee (Heiderscheit 2011; +10% cut
//! patellofemoral force by 14%, Lenhart 2014); the seed's target is 170–180 steps a minute.
//! The default target is the runner's current cadence plus 5%, kept within 170–180.
//!
//! The metronome's clicks are placed at `start + n × interval` on the audio clock, each
//! computed from its index rather than by adding intervals, so rounding never accumulates.

use chrono::NaiveDate;

use crate::domain::records::Run;

/// The seed's cadence range, steps per minute.
pub const SEED_LOW: u16 = 170;
pub const SEED_HIGH: u16 = 180;
/// The step up the default target suggests, in percent.
pub const DEFAULT_STEP_UP_PERCENT: f64 = 5.0;
/// What a metronome may be set to.
pub const METRONOME_MIN: u16 = 120;
pub const METRONOME_MAX: u16 = 230;

/// How many recent runs with a cadence make up "current".
pub const RECENT_RUNS: usize = 5;

/// The runner's current cadence: the average of their last few runs that recorded one.
pub fn current(runs: &[Run]) -> Option<u16> {
    let mut with: Vec<(NaiveDate, chrono::DateTime<chrono::Utc>, u16)> = runs
        .iter()
        .filter_map(|run| run.cadence_spm.map(|c| (run.date, run.updated_at, c)))
        .collect();
    if with.is_empty() {
        return None;
    }
    crate::domain::sort::sort(&mut with);
    let recent: Vec<u16> = with.iter().rev().take(RECENT_RUNS).map(|r| r.2).collect();
    let sum: u32 = recent.iter().map(|&c| u32::from(c)).sum();
    let count = recent.len() as u32;
    Some(((sum + count / 2) / count) as u16)
}

/// The suggested target: current + 5%, rounded, within 170–180; 170 when nothing is known.
pub fn default_target(current: Option<u16>) -> u16 {
    match current {
        None => SEED_LOW,
        Some(spm) => {
            let raised = (f64::from(spm) * (1.0 + DEFAULT_STEP_UP_PERCENT / 100.0)).round();
            (raised as u16).clamp(SEED_LOW, SEED_HIGH)
        }
    }
}

/// Seconds between clicks at `spm` steps a minute (one click a step).
pub fn interval_seconds(spm: u16) -> f64 {
    60.0 / f64::from(spm.clamp(METRONOME_MIN, METRONOME_MAX))
}

/// The time of click `index` on the audio clock.
pub fn click_time(start: f64, spm: u16, index: u64) -> f64 {
    start + index as f64 * interval_seconds(spm)
}

/// The clicks a lookahead scheduler should queue now: every click from `next_index` whose
/// time is before `now + lookahead`. Returns their (index, time) and the next index to queue.
pub fn clicks_due(
    start: f64,
    spm: u16,
    next_index: u64,
    now: f64,
    lookahead: f64,
) -> (Vec<(u64, f64)>, u64) {
    let mut due = Vec::new();
    let mut index = next_index;
    // A tab asleep for a long time must not queue a flood of past clicks: skip those.
    while click_time(start, spm, index) < now {
        index += 1;
    }
    while click_time(start, spm, index) < now + lookahead {
        due.push((index, click_time(start, spm, index)));
        index += 1;
    }
    (due, index)
}

/// Parses a target typed by hand.
pub fn parse_target(text: &str) -> Result<u16, String> {
    let value: u16 = text
        .trim()
        .parse()
        .map_err(|_| "Enter the steps per minute as a whole number, like 172.".to_string())?;
    if (METRONOME_MIN..=METRONOME_MAX).contains(&value) {
        Ok(value)
    } else {
        Err(format!(
            "Choose between {METRONOME_MIN} and {METRONOME_MAX} steps per minute."
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::records::RecordId;
    use crate::domain::units::{Distance, Duration};

    fn run(date: &str, cadence: Option<u16>) -> Run {
        Run {
            cadence_spm: cadence,
            ..Run::easy(
                RecordId::from_random_bits(u128::from(date.len() as u64) << 8 | 1),
                date.parse().unwrap(),
                Distance::from_metres(5000.0),
                Duration::from_minutes(30),
            )
        }
    }

    #[test]
    fn current_is_the_average_of_the_latest_runs_with_a_cadence() {
        assert_eq!(current(&[]), None);
        assert_eq!(current(&[run("2026-11-01", None)]), None);
        let runs = [
            run("2026-10-01", Some(150)),
            run("2026-11-01", Some(160)),
            run("2026-11-02", Some(162)),
            run("2026-11-03", None),
            run("2026-11-04", Some(164)),
            run("2026-11-05", Some(166)),
            run("2026-11-06", Some(168)),
        ];
        // The five latest with a number: 160, 162, 164, 166, 168.
        assert_eq!(current(&runs), Some(164));
    }

    #[test]
    fn default_target_is_plus_five_percent_within_the_seed_range() {
        assert_eq!(default_target(None), 170);
        assert_eq!(default_target(Some(150)), 170); // 157.5 → raised to 170
        assert_eq!(default_target(Some(165)), 173); // 173.25
        assert_eq!(default_target(Some(168)), 176); // 176.4
        assert_eq!(default_target(Some(176)), 180); // 184.8 → capped at 180
    }

    #[test]
    fn clicks_do_not_drift_over_ten_minutes() {
        let spm = 173;
        let start = 0.25;
        let mut next = 0;
        let mut scheduled = Vec::new();
        // A scheduler waking every 25 ms for ten minutes with a 100 ms lookahead.
        let mut now = 0.0;
        while now < 600.0 {
            let (due, after) = clicks_due(start, spm, next, now, 0.1);
            scheduled.extend(due);
            next = after;
            now += 0.025;
        }
        let count = scheduled.len() as u64;
        assert!(count >= 1728, "{count} clicks");
        let worst = scheduled
            .iter()
            .map(|&(index, time)| (time - (start + index as f64 * 60.0 / 173.0)).abs())
            .fold(0.0, f64::max);
        assert!(worst < 0.000_001, "worst drift {worst} s");
        // Each index exactly once, in order.
        assert!(scheduled.windows(2).all(|w| w[1].0 == w[0].0 + 1));
    }

    #[test]
    fn a_sleeping_tab_skips_past_clicks_instead_of_a_burst() {
        let (due, next) = clicks_due(0.0, 180, 0, 60.0, 0.5);
        assert!(due.iter().all(|&(_, t)| t >= 60.0));
        assert_eq!(due.len(), 2); // 60.0 and 60.333
        assert_eq!(next, 182);
    }

    #[test]
    fn a_target_typed_by_hand_is_checked() {
        assert_eq!(parse_target(" 172 "), Ok(172));
        assert!(parse_target("fast").is_err());
        assert!(parse_target("300").is_err());
    }
}
