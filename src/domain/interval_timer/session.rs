//! A session as the runner lives it: started, paused, ended early or run to its end, and
//! what the timer's face says at one instant. The session is kept in storage as it is, so a
//! reload lands in the same place; what it shows is always worked out from it afresh.

use serde::{Deserialize, Serialize};

use super::{SegmentKind, TimerPlan, TimerRun, TimerState};

/// A session in progress, or ended and waiting for its pain scores.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimerSession {
    pub run: TimerRun,
    /// Ended early by the runner.
    #[serde(default)]
    pub ended: bool,
}

impl TimerSession {
    pub fn start(plan: TimerPlan, now_ms: f64) -> TimerSession {
        TimerSession {
            run: TimerRun::start(plan, now_ms),
            ended: false,
        }
    }

    /// Neither paused nor ended by the runner (it may have run to its end by itself).
    pub fn is_going(&self) -> bool {
        !self.ended && !self.run.is_paused()
    }

    /// Ends the session early: the clock stops where it is, and the pain questions follow.
    pub fn end(&mut self, now_ms: f64) {
        self.run.pause(now_ms);
        self.ended = true;
    }

    /// The session as it stands at `now_ms`.
    pub fn at(self, now_ms: f64) -> Snapshot {
        Snapshot {
            session: self,
            state: self.run.state(now_ms),
        }
    }
}

/// A session and where it stands at one instant.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Snapshot {
    pub session: TimerSession,
    pub state: TimerState,
}

/// What the timer card shows: a choice of session, the running face, or the questions at
/// the end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    Setup,
    Running,
    Finished,
}

impl Phase {
    pub fn of(now: Option<&Snapshot>) -> Phase {
        match now {
            None => Phase::Setup,
            Some(now) if now.is_over() => Phase::Finished,
            Some(_) => Phase::Running,
        }
    }
}

impl Snapshot {
    /// Run to its end, or ended early: waiting for its pain answers.
    pub fn is_over(&self) -> bool {
        self.state.finished || self.session.ended
    }

    /// Still sounding: going and not yet at its end, so its beeps stay queued when the
    /// runner leaves the screen. Anything else is silenced.
    pub fn is_sounding(&self) -> bool {
        self.session.is_going() && !self.state.finished
    }

    /// The plan and the time done, for a session that can be saved (one that is over).
    pub fn to_save(&self) -> Option<(TimerPlan, u64)> {
        self.is_over()
            .then_some((self.session.run.plan, self.state.elapsed_ms))
    }

    /// The running face's words at this instant.
    pub fn face(&self) -> Face {
        let plan = &self.session.run.plan;
        Face {
            walking: self.state.kind == SegmentKind::Walk,
            label: if self.session.run.is_paused() {
                "PAUSED"
            } else {
                self.state.kind.label()
            },
            remaining: countdown(self.state.remaining_in_segment_ms),
            progress: format!(
                "{} done of {} · {}",
                countdown(self.state.elapsed_ms),
                countdown(plan.total_ms()),
                plan.describe()
            ),
        }
    }
}

/// The running face: the segment in big type, its countdown, and the session so far.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Face {
    /// Walking (the face's walk colours), else running.
    pub walking: bool,
    /// "WALK", "RUN" or "PAUSED".
    pub label: &'static str,
    /// Time left in this segment: "1:05".
    pub remaining: String,
    /// "4:00 done of 21:00 · 2 min walk / 1 min run, 21 min in all".
    pub progress: String,
}

/// A countdown as minutes and seconds ("21:00", "90:00"), whole seconds rounded up so it
/// reads 0:00 only at the very end. Never hours: a glance mid-run reads minutes.
pub fn countdown(ms: u64) -> String {
    let seconds = ms.div_ceil(1000);
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use crate::domain::protocol::Stage;

    const MIN: f64 = 60_000.0;

    fn week1() -> TimerSession {
        TimerSession::start(TimerPlan::for_stage(Stage::Week1), 0.0)
    }

    #[test]
    fn countdowns_round_up_to_whole_seconds_and_never_show_hours() {
        assert_eq!(countdown(0), "0:00");
        assert_eq!(countdown(1), "0:01");
        assert_eq!(countdown(59_001), "1:00");
        assert_eq!(countdown(65_000), "1:05");
        assert_eq!(countdown(21 * 60_000), "21:00");
        assert_eq!(countdown(90 * 60_000), "90:00");
    }

    #[test]
    fn the_phase_follows_the_session() {
        assert_eq!(Phase::of(None), Phase::Setup);
        let mut session = week1();
        assert_eq!(Phase::of(Some(&session.at(MIN))), Phase::Running);
        // Paused is still under way.
        session.run.pause(MIN);
        assert_eq!(Phase::of(Some(&session.at(2.0 * MIN))), Phase::Running);
        session.run.resume(2.0 * MIN);
        // Run to its end by itself.
        assert_eq!(Phase::of(Some(&session.at(30.0 * MIN))), Phase::Finished);
        // Ended early by the runner.
        let mut early = week1();
        early.end(3.0 * MIN);
        assert_eq!(Phase::of(Some(&early.at(4.0 * MIN))), Phase::Finished);
    }

    #[test]
    fn only_a_session_that_is_over_can_be_saved_with_the_time_done() {
        let session = week1();
        assert_eq!(session.at(5.0 * MIN).to_save(), None);
        let plan = session.run.plan;
        assert_eq!(session.at(25.0 * MIN).to_save(), Some((plan, 21 * 60_000)));
        let mut early = session;
        early.end(4.5 * MIN);
        // The clock stopped when it was ended, however long the questions take.
        assert_eq!(early.at(60.0 * MIN).to_save(), Some((plan, 270_000)));
    }

    #[test]
    fn a_session_sounds_only_while_going_and_not_at_its_end() {
        let mut session = week1();
        assert!(session.at(MIN).is_sounding());
        assert!(!session.at(21.0 * MIN).is_sounding());
        session.run.pause(MIN);
        assert!(!session.is_going());
        assert!(!session.at(MIN).is_sounding());
        session.run.resume(MIN);
        session.end(2.0 * MIN);
        assert!(!session.is_going());
        assert!(!session.at(2.0 * MIN).is_sounding());
    }

    #[test]
    fn the_face_says_the_segment_its_countdown_and_the_session_so_far() {
        let mut session = week1();
        let face = session.at(5.0 * MIN + 55_500.0).face();
        assert_eq!(
            face,
            Face {
                walking: false,
                label: "RUN",
                remaining: "0:05".to_string(),
                progress: "5:56 done of 21:00 · 2 min walk / 1 min run, 21 min in all".to_string(),
            }
        );
        let walking = session.at(30_000.0).face();
        assert!(walking.walking);
        assert_eq!(walking.label, "WALK");
        assert_eq!(walking.remaining, "1:30");
        // Paused says so in place of the segment, and the countdown stands still.
        session.run.pause(30_000.0);
        let paused = session.at(10.0 * MIN).face();
        assert_eq!(paused.label, "PAUSED");
        assert_eq!(paused.remaining, "1:30");
        assert!(paused.walking);
    }

    #[test]
    fn a_kept_session_reads_back_and_an_old_one_without_ended_is_going() {
        let mut session = week1();
        session.end(MIN);
        let json = serde_json::to_string(&session).unwrap();
        assert_eq!(
            serde_json::from_str::<TimerSession>(&json).unwrap(),
            session
        );
        let old = r#"{"run":{"plan":{"walk_minutes":2,"run_minutes":1,"total_minutes":21},"started_at_ms":0.0}}"#;
        let read: TimerSession = serde_json::from_str(old).unwrap();
        assert!(!read.ended);
        assert!(read.is_going());
    }
}
