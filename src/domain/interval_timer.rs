//! The walk-run interval timer as pure arithmetic over timestamps.
//!
//! A session is a list of segments (walk, run, walk, …). Where the runner is comes from
//! when the session started, how long it was paused and the time now — never from counting
//! ticks — so a phone that slept for twenty minutes, a tab in the background or a reload
//! all land on the right segment.
//!
//! Beside the arithmetic: `setup` reads the runner's own plan as typed, `session` is a
//! session as lived (paused, ended, what its face says) and `cues` decides the beeps and
//! buzzes at each change.

pub mod cues;
pub mod session;
pub mod setup;

use serde::{Deserialize, Serialize};

use crate::domain::protocol::Stage;
use crate::domain::units::Distance;

/// Typical speeds for the distance estimate: a brisk walk and an easy jog.
const WALK_KM_PER_HOUR: f64 = 5.0;
const JOG_KM_PER_HOUR: f64 = 8.0;

/// Walking or running.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SegmentKind {
    Walk,
    Run,
}

impl SegmentKind {
    /// The word shown in big type.
    pub fn label(self) -> &'static str {
        match self {
            SegmentKind::Walk => "WALK",
            SegmentKind::Run => "RUN",
        }
    }
}

/// One stretch of walking or running.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Segment {
    pub kind: SegmentKind,
    /// Offset from the start of the session, in milliseconds.
    pub start_ms: u64,
    pub length_ms: u64,
}

impl Segment {
    pub fn end_ms(&self) -> u64 {
        self.start_ms + self.length_ms
    }
}

/// What a session is made of: walk and run minutes and the total, as the runner chose.
/// `walk_minutes == 0` is one continuous run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimerPlan {
    pub walk_minutes: u32,
    pub run_minutes: u32,
    pub total_minutes: u32,
}

/// Longest session the timer offers.
pub const MAX_TOTAL_MINUTES: u32 = 180;

impl TimerPlan {
    /// The plan for a protocol stage: its walk-run intervals, or one continuous easy run.
    pub fn for_stage(stage: Stage) -> TimerPlan {
        let info = stage.info();
        TimerPlan {
            walk_minutes: info.walk_minutes.unwrap_or(0),
            run_minutes: info.run_minutes.unwrap_or(info.total_minutes),
            total_minutes: info.total_minutes,
        }
    }

    /// A custom plan, with every number kept in a sane range.
    pub fn custom(walk_minutes: u32, run_minutes: u32, total_minutes: u32) -> TimerPlan {
        let total_minutes = total_minutes.clamp(1, MAX_TOTAL_MINUTES);
        TimerPlan {
            walk_minutes: walk_minutes.min(60),
            run_minutes: run_minutes.clamp(1, MAX_TOTAL_MINUTES),
            total_minutes,
        }
    }

    pub fn total_ms(&self) -> u64 {
        u64::from(self.total_minutes.clamp(1, MAX_TOTAL_MINUTES)) * 60_000
    }

    /// The segments, walk first, the last cut short at the total.
    pub fn segments(&self) -> Vec<Segment> {
        let total = self.total_ms();
        let walk = u64::from(self.walk_minutes.min(60)) * 60_000;
        let run = u64::from(self.run_minutes.clamp(1, MAX_TOTAL_MINUTES)) * 60_000;
        let pattern: Vec<(SegmentKind, u64)> = if walk == 0 {
            vec![(SegmentKind::Run, total)]
        } else {
            vec![(SegmentKind::Walk, walk), (SegmentKind::Run, run)]
        };
        let mut segments = Vec::new();
        let mut at = 0;
        'fill: loop {
            for &(kind, length) in &pattern {
                if at >= total {
                    break 'fill;
                }
                let length_ms = length.min(total - at);
                segments.push(Segment {
                    kind,
                    start_ms: at,
                    length_ms,
                });
                at += length_ms;
            }
        }
        segments
    }

    /// Time spent walking and running in the first `elapsed_ms` of the session.
    pub fn split(&self, elapsed_ms: u64) -> (u64, u64) {
        let mut walked = 0;
        let mut ran = 0;
        for segment in self.segments() {
            let within = elapsed_ms
                .saturating_sub(segment.start_ms)
                .min(segment.length_ms);
            match segment.kind {
                SegmentKind::Walk => walked += within,
                SegmentKind::Run => ran += within,
            }
        }
        (walked, ran)
    }

    /// Roughly how far the first `elapsed_ms` of the session covered, at a brisk walk and an
    /// easy jog; at least 100 m, so a session cut short still makes a valid run.
    pub fn estimated_distance(&self, elapsed_ms: u64) -> Distance {
        let (walked, ran) = self.split(elapsed_ms);
        let hours = |ms: u64| ms as f64 / 3_600_000.0;
        let km = hours(walked) * WALK_KM_PER_HOUR + hours(ran) * JOG_KM_PER_HOUR;
        Distance::from_metres((km * 1000.0).max(100.0))
    }

    /// "2 min walk / 1 min run, 21 min".
    pub fn describe(&self) -> String {
        if self.walk_minutes == 0 {
            format!("{} min continuous easy run", self.total_minutes)
        } else {
            format!(
                "{} min walk / {} min run, {} min in all",
                self.walk_minutes, self.run_minutes, self.total_minutes
            )
        }
    }
}

/// Where the session is at one instant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TimerState {
    pub index: usize,
    pub kind: SegmentKind,
    pub remaining_in_segment_ms: u64,
    pub elapsed_ms: u64,
    pub finished: bool,
}

/// The session's state at `now_ms`, from the start instant and the total time spent paused.
/// Times are milliseconds on any one clock (the wall clock, or a scaled one in tests).
pub fn state_at(
    plan: &TimerPlan,
    started_at_ms: f64,
    paused_total_ms: f64,
    now_ms: f64,
) -> TimerState {
    let raw = now_ms - started_at_ms - paused_total_ms;
    let elapsed = if raw.is_finite() && raw > 0.0 {
        raw as u64
    } else {
        0
    };
    let total = plan.total_ms();
    let segments = plan.segments();
    let elapsed = elapsed.min(total);
    let found = segments
        .iter()
        .enumerate()
        .find(|(_, segment)| elapsed < segment.end_ms());
    match found {
        Some((index, segment)) => TimerState {
            index,
            kind: segment.kind,
            remaining_in_segment_ms: segment.end_ms() - elapsed,
            elapsed_ms: elapsed,
            finished: false,
        },
        None => TimerState {
            index: segments.len().saturating_sub(1),
            kind: segments.last().map_or(SegmentKind::Run, |s| s.kind),
            remaining_in_segment_ms: 0,
            elapsed_ms: total,
            finished: true,
        },
    }
}

/// A running session as kept in storage: the plan and the timestamps that give its state.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimerRun {
    pub plan: TimerPlan,
    pub started_at_ms: f64,
    #[serde(default)]
    pub paused_total_ms: f64,
    /// Set while paused.
    #[serde(default)]
    pub paused_at_ms: Option<f64>,
}

impl TimerRun {
    pub fn start(plan: TimerPlan, now_ms: f64) -> TimerRun {
        TimerRun {
            plan,
            started_at_ms: now_ms,
            paused_total_ms: 0.0,
            paused_at_ms: None,
        }
    }

    pub fn is_paused(&self) -> bool {
        self.paused_at_ms.is_some()
    }

    pub fn state(&self, now_ms: f64) -> TimerState {
        let now = self.paused_at_ms.unwrap_or(now_ms);
        state_at(&self.plan, self.started_at_ms, self.paused_total_ms, now)
    }

    pub fn pause(&mut self, now_ms: f64) {
        if self.paused_at_ms.is_none() {
            self.paused_at_ms = Some(now_ms);
        }
    }

    pub fn resume(&mut self, now_ms: f64) {
        if let Some(at) = self.paused_at_ms.take() {
            self.paused_total_ms += (now_ms - at).max(0.0);
        }
    }

    /// Jumps to the start of the next segment (or the end).
    pub fn skip(&mut self, now_ms: f64) {
        let state = self.state(now_ms);
        if !state.finished {
            self.started_at_ms -= state.remaining_in_segment_ms as f64;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIN: f64 = 60_000.0;

    fn week1() -> TimerPlan {
        TimerPlan::for_stage(Stage::Week1)
    }

    #[test]
    fn week_1_alternates_walk_2_and_run_1() {
        let segments = week1().segments();
        assert_eq!(segments.len(), 14);
        assert_eq!(segments[0].kind, SegmentKind::Walk);
        assert_eq!(segments[0].length_ms, 120_000);
        assert_eq!(segments[1].kind, SegmentKind::Run);
        assert_eq!(segments[1].length_ms, 60_000);
        assert_eq!(segments.last().unwrap().end_ms(), 21 * 60_000);
    }

    #[test]
    fn a_custom_total_cuts_the_last_segment_short() {
        let segments = TimerPlan::custom(2, 2, 5).segments();
        let kinds: Vec<(SegmentKind, u64)> =
            segments.iter().map(|s| (s.kind, s.length_ms)).collect();
        assert_eq!(
            kinds,
            [
                (SegmentKind::Walk, 120_000),
                (SegmentKind::Run, 120_000),
                (SegmentKind::Walk, 60_000)
            ]
        );
    }

    #[test]
    fn continuous_stages_are_one_run() {
        let plan = TimerPlan::for_stage(Stage::Week3);
        assert_eq!(plan.segments().len(), 1);
        assert_eq!(plan.segments()[0].kind, SegmentKind::Run);
    }

    #[test]
    fn state_is_a_function_of_timestamps() {
        let plan = week1();
        let start = 1_000_000.0;
        let at = |minutes: f64| state_at(&plan, start, 0.0, start + minutes * MIN);
        assert_eq!(at(0.0).kind, SegmentKind::Walk);
        assert_eq!(at(0.0).remaining_in_segment_ms, 120_000);
        assert_eq!(at(1.5).remaining_in_segment_ms, 30_000);
        assert_eq!(at(2.0).kind, SegmentKind::Run);
        assert_eq!(at(2.0).index, 1);
        assert_eq!(at(3.0).kind, SegmentKind::Walk);
        assert!(!at(20.99).finished);
        assert!(at(21.0).finished);
        // Before the start (a clock set back) is the start, not a panic.
        assert_eq!(at(-5.0).elapsed_ms, 0);
    }

    #[test]
    fn a_phone_locked_for_twenty_minutes_lands_on_the_right_segment() {
        let plan = TimerPlan::custom(2, 1, 30);
        let start = 5_000.0;
        // Last seen at 0:30 into the first walk; the next look is 20 minutes later.
        let before = state_at(&plan, start, 0.0, start + 0.5 * MIN);
        assert_eq!((before.index, before.kind), (0, SegmentKind::Walk));
        let after = state_at(&plan, start, 0.0, start + 20.5 * MIN);
        // 20.5 min = 6 full cycles (18 min) + 2.5 min: the run of cycle 7.
        assert_eq!((after.index, after.kind), (13, SegmentKind::Run));
        assert_eq!(after.remaining_in_segment_ms, 30_000);
        assert_eq!(after.elapsed_ms, 1_230_000);
        // Asleep past the end: finished, elapsed capped at the total.
        let done = state_at(&plan, start, 0.0, start + 90.0 * MIN);
        assert!(done.finished);
        assert_eq!(done.elapsed_ms, 30 * 60_000);
    }

    #[test]
    fn pause_and_resume_shift_the_clock() {
        let mut timer = TimerRun::start(week1(), 0.0);
        timer.pause(MIN);
        // Paused for ten minutes: frozen at 1:00.
        assert_eq!(timer.state(11.0 * MIN).elapsed_ms, 60_000);
        timer.resume(11.0 * MIN);
        assert!(!timer.is_paused());
        let state = timer.state(12.0 * MIN);
        assert_eq!(state.elapsed_ms, 120_000);
        assert_eq!(state.kind, SegmentKind::Run);
        // A second pause adds up.
        timer.pause(12.5 * MIN);
        timer.resume(13.5 * MIN);
        assert_eq!(timer.state(14.0 * MIN).elapsed_ms, 180_000);
    }

    #[test]
    fn skip_jumps_to_the_next_segment() {
        let mut timer = TimerRun::start(week1(), 0.0);
        timer.skip(0.5 * MIN);
        let state = timer.state(0.5 * MIN);
        assert_eq!((state.index, state.kind), (1, SegmentKind::Run));
        assert_eq!(state.remaining_in_segment_ms, 60_000);
        // Skipping while paused works too and stays paused.
        timer.pause(MIN);
        timer.skip(5.0 * MIN);
        assert!(timer.is_paused());
        assert_eq!(timer.state(9.0 * MIN).index, 2);
    }

    #[test]
    fn walked_and_ran_time_split() {
        let plan = week1();
        assert_eq!(plan.split(4 * 60_000), (180_000, 60_000));
        assert_eq!(plan.split(21 * 60_000), (14 * 60_000, 7 * 60_000));
    }

    #[test]
    fn a_stored_run_reads_back() {
        let timer = TimerRun::start(week1(), 123.0);
        let json = serde_json::to_string(&timer).unwrap();
        assert_eq!(serde_json::from_str::<TimerRun>(&json).unwrap(), timer);
    }

    #[test]
    fn distance_estimate_walks_at_5_and_jogs_at_8_km_an_hour() {
        let plan = TimerPlan::custom(2, 1, 21);
        // 14 minutes walking and 7 running: 1.1667 km + 0.9333 km.
        let metres = plan.estimated_distance(plan.total_ms()).metres();
        assert!((metres - 2100.0).abs() < 1.0, "{metres}");
        assert_eq!(plan.estimated_distance(0).metres(), 100.0);
    }
}
