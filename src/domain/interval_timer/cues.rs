//! What tells a runner that a segment changed without looking: beeps queued ahead for
//! every change still to come, and a buzz given on the spot when the screen sees a change.
//! Which cue, when, and the buzz's pattern are decided here; playing them is the platform's.

use super::session::Snapshot;
use super::SegmentKind;

/// A change the runner is told about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cue {
    ToWalk,
    ToRun,
    End,
}

impl Cue {
    /// The buzz, in milliseconds on, off, on…: two short for running, one long for walking,
    /// three for the end, so each can be told apart in a pocket.
    pub fn vibration(self) -> &'static [u32] {
        match self {
            Cue::ToRun => &[200, 100, 200],
            Cue::ToWalk => &[400],
            Cue::End => &[300, 150, 300, 150, 300],
        }
    }

    fn entering(kind: SegmentKind) -> Cue {
        match kind {
            SegmentKind::Run => Cue::ToRun,
            SegmentKind::Walk => Cue::ToWalk,
        }
    }
}

/// A cue to play `after_ms` of session time from now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Beep {
    pub after_ms: u64,
    pub cue: Cue,
}

impl Snapshot {
    /// The beeps for every change still ahead, then the end; none for a session that is not
    /// sounding (paused, ended or finished), since nothing ahead will happen by itself.
    pub fn beeps_ahead(&self) -> Vec<Beep> {
        if !self.is_sounding() {
            return Vec::new();
        }
        let plan = &self.session.run.plan;
        let from_now = |at_ms: u64| at_ms.saturating_sub(self.state.elapsed_ms);
        let mut beeps: Vec<Beep> = plan
            .segments()
            .iter()
            .skip(self.state.index + 1)
            .map(|segment| Beep {
                after_ms: from_now(segment.start_ms),
                cue: Cue::entering(segment.kind),
            })
            .collect();
        beeps.push(Beep {
            after_ms: from_now(plan.total_ms()),
            cue: Cue::End,
        });
        beeps
    }

    /// The buzz for what changed since the screen last looked at `before`: a new segment, or
    /// the end reached by itself. Nothing when nothing changed, while paused, for a session
    /// the runner ended (they are holding the phone), or after the end.
    pub fn buzz_since(&self, before: &Snapshot) -> Option<Cue> {
        let over = self.is_over();
        let unchanged = (before.state.index, before.is_over()) == (self.state.index, over);
        if unchanged || self.session.run.is_paused() && !over {
            return None;
        }
        if over {
            (!before.is_over() && !self.session.ended).then_some(Cue::End)
        } else {
            Some(Cue::entering(self.state.kind))
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use crate::domain::interval_timer::session::TimerSession;
    use crate::domain::interval_timer::TimerPlan;

    const MIN: f64 = 60_000.0;

    /// 2 min walk / 1 min run, 5 min: walk 0–2, run 2–3, walk 3–5.
    fn short() -> TimerSession {
        TimerSession::start(TimerPlan::custom(2, 1, 5), 0.0)
    }

    #[test]
    fn each_cue_has_its_own_buzz() {
        assert_eq!(Cue::ToRun.vibration(), [200, 100, 200]);
        assert_eq!(Cue::ToWalk.vibration(), [400]);
        assert_eq!(Cue::End.vibration(), [300, 150, 300, 150, 300]);
    }

    #[test]
    fn beeps_are_queued_for_every_change_ahead_and_the_end() {
        let beeps = short().at(1.5 * MIN).beeps_ahead();
        assert_eq!(
            beeps,
            [
                Beep {
                    after_ms: 30_000,
                    cue: Cue::ToRun
                },
                Beep {
                    after_ms: 90_000,
                    cue: Cue::ToWalk
                },
                Beep {
                    after_ms: 210_000,
                    cue: Cue::End
                },
            ]
        );
        // In the last segment only the end is left.
        assert_eq!(
            short().at(4.0 * MIN).beeps_ahead(),
            [Beep {
                after_ms: 60_000,
                cue: Cue::End
            }]
        );
    }

    #[test]
    fn nothing_is_queued_when_nothing_will_happen_by_itself() {
        let mut paused = short();
        paused.run.pause(MIN);
        assert!(paused.at(MIN).beeps_ahead().is_empty());
        let mut ended = short();
        ended.end(MIN);
        assert!(ended.at(MIN).beeps_ahead().is_empty());
        assert!(short().at(5.0 * MIN).beeps_ahead().is_empty());
    }

    #[test]
    fn a_new_segment_buzzes_its_kind() {
        let session = short();
        let walking = session.at(1.9 * MIN);
        assert_eq!(session.at(2.1 * MIN).buzz_since(&walking), Some(Cue::ToRun));
        assert_eq!(
            session.at(3.1 * MIN).buzz_since(&session.at(2.1 * MIN)),
            Some(Cue::ToWalk)
        );
        // Several changes missed while asleep: one buzz, for where it is now.
        assert_eq!(
            session.at(3.5 * MIN).buzz_since(&walking),
            Some(Cue::ToWalk)
        );
        // Same segment, a tick later: nothing.
        assert_eq!(session.at(1.95 * MIN).buzz_since(&walking), None);
    }

    #[test]
    fn the_end_buzzes_once_and_only_when_reached_by_itself() {
        let session = short();
        let last = session.at(4.9 * MIN);
        let end = session.at(5.0 * MIN);
        assert_eq!(end.buzz_since(&last), Some(Cue::End));
        assert_eq!(session.at(6.0 * MIN).buzz_since(&end), None);
        // The runner tapped End: they know.
        let mut ended = session;
        ended.end(4.9 * MIN);
        assert_eq!(ended.at(4.9 * MIN).buzz_since(&last), None);
    }

    #[test]
    fn a_paused_session_does_not_buzz() {
        let mut session = short();
        let walking = session.at(1.0 * MIN);
        // Skipped while paused: the face shows the run, quietly.
        session.run.pause(1.0 * MIN);
        session.run.skip(1.0 * MIN);
        let skipped = session.at(1.0 * MIN);
        assert_eq!(skipped.state.kind, SegmentKind::Run);
        assert_eq!(skipped.buzz_since(&walking), None);
    }
}
