//! The return-to-running protocol: five stages from walk-run intervals back to normal
//! training, and the state machine that moves a runner through them from the recovery
//! sessions they log and the pain they report.
//!
//! Rules (the seed's protocol, with the pain-monitoring model of Silbernagel 2007):
//! - A recovery session counts towards a stage when pain during it was at most 3/10 and it
//!   was no worse afterwards (by the next morning). Only one session a day counts.
//! - When a stage's sessions are all done that way, the runner moves to the next stage;
//!   after the last stage the protocol is finished.
//! - When pain returns (above 3/10 during), increases afterwards (worse after, and above
//!   3/10), or is worse the next day at any score (the daily pain note of the next day above
//!   the session's), the runner steps back one stage and does it again, from the start.
//! - Anything else holds the stage: a session without pain scores, a second session on the
//!   same day, a session that was slightly sorer straight afterwards but still low, or one
//!   followed by a morning noted as stiff.
//!
//! Every decision carries a sentence saying why, naming the session's day.

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use crate::domain::pain::FINE_MAX;
use crate::domain::records::{PainEntry, Run, RunKind};

/// A stage of the protocol, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Week1,
    Week2,
    Week3,
    Week4,
    Week5,
}

/// What a stage asks of the runner.
#[derive(Debug, PartialEq, Eq)]
pub struct StageInfo {
    pub stage: Stage,
    /// "Week 1".
    pub title: &'static str,
    /// One sentence: what to do in this stage.
    pub what: &'static str,
    /// Walk and run minutes of one interval, when the stage is walk-run.
    pub walk_minutes: Option<u32>,
    pub run_minutes: Option<u32>,
    /// A session's suggested total, in minutes (the seed's 20–30).
    pub total_minutes: u32,
    /// Pain-free sessions needed to move on: every other day for a week.
    pub sessions_needed: u32,
}

pub const STAGES: [StageInfo; 5] = [
    StageInfo {
        stage: Stage::Week1,
        title: "Week 1",
        what: "Walk 2 minutes, jog 1 minute, and repeat for 20 to 30 minutes, every other day.",
        walk_minutes: Some(2),
        run_minutes: Some(1),
        total_minutes: 21,
        sessions_needed: 3,
    },
    StageInfo {
        stage: Stage::Week2,
        title: "Week 2",
        what: "Longer running spells: walk 2 minutes, jog 2 minutes, for 20 to 30 minutes, \
               every other day.",
        walk_minutes: Some(2),
        run_minutes: Some(2),
        total_minutes: 24,
        sessions_needed: 3,
    },
    StageInfo {
        stage: Stage::Week3,
        title: "Week 3",
        what: "Run without walking breaks at an easy, chatty pace for 20 to 30 minutes.",
        walk_minutes: None,
        run_minutes: None,
        total_minutes: 20,
        sessions_needed: 3,
    },
    StageInfo {
        stage: Stage::Week4,
        title: "Week 4",
        what: "Keep it easy and make each week's running 10 to 15% longer than the last.",
        walk_minutes: None,
        run_minutes: None,
        total_minutes: 25,
        sessions_needed: 3,
    },
    StageInfo {
        stage: Stage::Week5,
        title: "Week 5 and on",
        what: "Slowly bring back faster running and longer runs, one change at a time.",
        walk_minutes: None,
        run_minutes: None,
        total_minutes: 30,
        sessions_needed: 3,
    },
];

impl Stage {
    pub const ALL: [Stage; 5] = [
        Stage::Week1,
        Stage::Week2,
        Stage::Week3,
        Stage::Week4,
        Stage::Week5,
    ];

    pub fn info(self) -> &'static StageInfo {
        &STAGES[self as usize]
    }

    pub fn title(self) -> &'static str {
        self.info().title
    }

    /// The next stage, or `None` after the last.
    pub fn next(self) -> Option<Stage> {
        Stage::ALL.get(self as usize + 1).copied()
    }

    /// The stage before, or this one when it is the first.
    pub fn previous(self) -> Stage {
        match self as usize {
            0 => self,
            i => Stage::ALL[i - 1],
        }
    }

    /// The stage's stable key, as stored.
    pub fn key(self) -> &'static str {
        match self {
            Stage::Week1 => "week1",
            Stage::Week2 => "week2",
            Stage::Week3 => "week3",
            Stage::Week4 => "week4",
            Stage::Week5 => "week5",
        }
    }

    pub fn from_key(key: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|stage| stage.key() == key)
    }
}

/// One recovery session with the pain reported for it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Session {
    pub date: NaiveDate,
    pub pain_during: Option<u8>,
    pub pain_after: Option<u8>,
    /// From the daily pain note of the next day, if there is one: the highest pain noted,
    /// and whether the knee was stiff or sorer that morning.
    pub next_day_pain: Option<u8>,
    pub next_morning_stiff: bool,
}

impl Session {
    pub fn from_run(run: &Run) -> Session {
        Session {
            date: run.date,
            pain_during: run.pain_during.map(|p| p.value()),
            pain_after: run.pain_after.map(|p| p.value()),
            next_day_pain: None,
            next_morning_stiff: false,
        }
    }
}

/// The recovery sessions among `runs` from `start` on, oldest first, with the next day's
/// pain notes from `pain`.
pub fn sessions_since(runs: &[Run], pain: &[PainEntry], start: NaiveDate) -> Vec<Session> {
    let mut picked: Vec<&Run> = runs
        .iter()
        .filter(|run| run.kind == RunKind::Recovery && run.date >= start)
        .collect();
    crate::domain::sort::sort_by_key(&mut picked, |run| (run.date, run.updated_at));
    picked
        .into_iter()
        .map(|run| {
            let mut session = Session::from_run(run);
            let next_day = run.date.succ_opt();
            for entry in pain.iter().filter(|e| Some(e.date) == next_day) {
                let score = entry.pain.value();
                session.next_day_pain = Some(session.next_day_pain.map_or(score, |p| p.max(score)));
                session.next_morning_stiff |= entry.morning_stiffness;
            }
            session
        })
        .collect()
}

/// What a decision did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    Started,
    /// The session counted; the stage goes on.
    Counted,
    /// The session did not count; the stage goes on.
    Held,
    Advanced,
    SteppedBack,
    Finished,
}

/// One step of the state machine, with its reason in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decision {
    pub date: NaiveDate,
    pub change: Change,
    /// The stage after this decision.
    pub stage: Stage,
    pub reason: String,
}

/// Where the runner is in the protocol.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProtocolState {
    pub stage: Stage,
    /// All stages done: back to normal training.
    pub finished: bool,
    /// Sessions that counted in the current stage.
    pub done_in_stage: u32,
    /// Every decision, oldest first; the first is the start.
    pub decisions: Vec<Decision>,
}

impl ProtocolState {
    pub fn last_decision(&self) -> Option<&Decision> {
        self.decisions.last()
    }

    /// Where the runner is, in a few words: "Now: Week 2", or "Plan finished".
    pub fn headline(&self) -> String {
        if self.finished {
            "Plan finished".to_string()
        } else {
            format!("Now: {}", self.stage.title())
        }
    }

    /// The current stage's progress: "1 of 3 sessions done at this step".
    pub fn progress(&self) -> String {
        format!(
            "{} of {} sessions done at this step",
            self.done_in_stage,
            self.stage.info().sessions_needed
        )
    }

    /// The latest decision, when it sent the runner back a step: the one to keep in view.
    pub fn step_back(&self) -> Option<&Decision> {
        self.last_decision()
            .filter(|decision| decision.change == Change::SteppedBack)
    }

    /// Sessions still needed to move on from the current stage.
    pub fn sessions_left(&self) -> u32 {
        if self.finished {
            0
        } else {
            self.stage
                .info()
                .sessions_needed
                .saturating_sub(self.done_in_stage)
        }
    }
}

fn weekday_name(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

/// "Tuesday's session (2026-11-24)".
fn session_name(date: NaiveDate) -> String {
    format!("{}'s session ({date})", weekday_name(date.weekday()))
}

fn lower_title(stage: Stage) -> String {
    stage.title().to_lowercase()
}

/// Replays every session from the start and returns where the runner is now.
pub fn evaluate(start: NaiveDate, first_stage: Stage, sessions: &[Session]) -> ProtocolState {
    let mut state = ProtocolState {
        stage: first_stage,
        finished: false,
        done_in_stage: 0,
        decisions: vec![Decision {
            date: start,
            change: Change::Started,
            stage: first_stage,
            reason: format!(
                "You started the return-to-running plan at {} on {start}.",
                lower_title(first_stage)
            ),
        }],
    };
    let mut last_counted: Option<NaiveDate> = None;
    for session in sessions.iter().filter(|s| s.date >= start) {
        let decision = step(&mut state, session, &mut last_counted);
        state.decisions.push(decision);
    }
    state
}

/// What one session means for the plan, judged before anything changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Verdict {
    /// Pain during or after is missing.
    Unscored,
    /// Pain above the fine range while running.
    TooSoreDuring {
        during: u8,
    },
    /// Pain rose above the fine range afterwards.
    FlaredAfter {
        during: u8,
        after: u8,
    },
    /// Worse the next morning, at any score: the load was too much (Silbernagel 2007).
    WorseNextMorning {
        during: u8,
        next: u8,
    },
    /// Went well, after the plan was finished.
    WellAfterFinishing,
    /// A little sorer afterwards, within the fine range.
    SorerAfter {
        during: u8,
        after: u8,
    },
    StiffNextMorning,
    /// A second session the same day as one that counted.
    SecondThatDay,
    /// Counts towards the stage.
    Counts {
        during: u8,
        after: u8,
    },
}

impl Verdict {
    fn steps_back(self) -> bool {
        matches!(
            self,
            Verdict::TooSoreDuring { .. }
                | Verdict::FlaredAfter { .. }
                | Verdict::WorseNextMorning { .. }
        )
    }

    /// The verdict in words for a session named `name` ("Tuesday's session"): why it steps
    /// back (to follow "because"), why it holds, or how the session that counts went.
    fn reason(self, name: &str) -> String {
        match self {
            Verdict::Unscored => format!(
                "{name} does not count yet: add how much it hurt during and afterwards \
                 (in the Log) so the plan can judge it."
            ),
            Verdict::TooSoreDuring { during } => format!("pain was {during}/10 during {name}"),
            Verdict::FlaredAfter { during, after } => {
                format!("pain rose to {after}/10 after {name} ({during}/10 during)")
            }
            Verdict::WorseNextMorning { during, next } => format!(
                "the knee was worse the next morning ({next}/10 after {name}, {during}/10 \
                 during it)"
            ),
            Verdict::WellAfterFinishing => {
                format!("{name} went well. You have finished the plan; keep building gently.")
            }
            Verdict::SorerAfter { during, after } => format!(
                "{name} does not count: the knee was a little sorer afterwards ({after}/10 \
                 after, {during}/10 during). Repeat this stage's session before moving on."
            ),
            Verdict::StiffNextMorning => format!(
                "{name} does not count: you noted the knee was stiff or sorer the next \
                 morning. Repeat this stage's session before moving on."
            ),
            Verdict::SecondThatDay => format!(
                "{name} was the second that day; only one a day counts, so the knee gets a \
                 rest day between sessions."
            ),
            Verdict::Counts { during, after } => {
                format!("{name} went well ({during}/10 during, {after}/10 after)")
            }
        }
    }
}

/// Judges a session against the pain-monitoring rules and where the plan stands.
fn judge(state: &ProtocolState, session: &Session, last_counted: Option<NaiveDate>) -> Verdict {
    let (Some(during), Some(after)) = (session.pain_during, session.pain_after) else {
        return Verdict::Unscored;
    };
    if during > FINE_MAX {
        return Verdict::TooSoreDuring { during };
    }
    if after > during && after > FINE_MAX {
        return Verdict::FlaredAfter { during, after };
    }
    if let Some(next) = session
        .next_day_pain
        .filter(|next| *next > during.max(after))
    {
        return Verdict::WorseNextMorning { during, next };
    }
    if state.finished {
        return Verdict::WellAfterFinishing;
    }
    if after > during {
        return Verdict::SorerAfter { during, after };
    }
    if session.next_morning_stiff {
        return Verdict::StiffNextMorning;
    }
    if last_counted == Some(session.date) {
        return Verdict::SecondThatDay;
    }
    Verdict::Counts { during, after }
}

/// One step of the state machine: judge the session, then apply the verdict.
fn step(
    state: &mut ProtocolState,
    session: &Session,
    last_counted: &mut Option<NaiveDate>,
) -> Decision {
    let name = session_name(session.date);
    let verdict = judge(state, session, *last_counted);
    let decide = |state: &ProtocolState, change: Change, reason: String| Decision {
        date: session.date,
        change,
        stage: state.stage,
        reason,
    };
    let why = verdict.reason(&name);
    match verdict {
        Verdict::Counts { .. } => count(state, session, why, last_counted),
        verdict if verdict.steps_back() => {
            let from = state.stage;
            state.stage = if state.finished {
                Stage::Week5
            } else {
                from.previous()
            };
            state.finished = false;
            state.done_in_stage = 0;
            *last_counted = None;
            let reason = if state.stage == from {
                format!(
                    "You stay at {} and start it again because {why}.",
                    lower_title(state.stage)
                )
            } else {
                format!(
                    "You moved back to {} because {why}.",
                    lower_title(state.stage)
                )
            };
            decide(state, Change::SteppedBack, reason)
        }
        _ => decide(state, Change::Held, why),
    }
}

/// Applies a session that counts (`went_well` says how it went): one more done, and the
/// stage moves up when it is full.
fn count(
    state: &mut ProtocolState,
    session: &Session,
    went_well: String,
    last_counted: &mut Option<NaiveDate>,
) -> Decision {
    let decide = |state: &ProtocolState, change: Change, reason: String| Decision {
        date: session.date,
        change,
        stage: state.stage,
        reason,
    };
    *last_counted = Some(session.date);
    state.done_in_stage += 1;
    let needed = state.stage.info().sessions_needed;
    if state.done_in_stage < needed {
        let left = needed - state.done_in_stage;
        return decide(
            state,
            Change::Counted,
            format!(
                "{went_well}: {} of {needed} sessions done at {}, {left} to go.",
                state.done_in_stage,
                lower_title(state.stage)
            ),
        );
    }
    let from = state.stage;
    state.done_in_stage = 0;
    *last_counted = None;
    match from.next() {
        Some(next) => {
            state.stage = next;
            decide(
                state,
                Change::Advanced,
                format!(
                    "You moved up to {} because all {needed} sessions of {} were done with \
                     pain at 3/10 or less and no worse afterwards, the last on {}.",
                    lower_title(next),
                    lower_title(from),
                    session.date
                ),
            )
        }
        None => {
            state.finished = true;
            decide(
                state,
                Change::Finished,
                format!(
                    "You finished the plan: {} went without pain flaring, the last on {}.",
                    lower_title(from),
                    session.date
                ),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn s(date: &str, during: u8, after: u8) -> Session {
        Session {
            date: day(date),
            pain_during: Some(during),
            pain_after: Some(after),
            ..Session::default()
        }
    }

    const START: &str = "2026-11-02"; // a Monday

    fn run_sessions(first: Stage, sessions: &[Session]) -> ProtocolState {
        evaluate(day(START), first, sessions)
    }

    #[test]
    fn stages_follow_the_seed() {
        let one = Stage::Week1.info();
        assert_eq!((one.walk_minutes, one.run_minutes), (Some(2), Some(1)));
        let two = Stage::Week2.info();
        assert_eq!((two.walk_minutes, two.run_minutes), (Some(2), Some(2)));
        assert_eq!(Stage::Week3.info().walk_minutes, None);
        for info in &STAGES {
            assert!((20..=30).contains(&info.total_minutes), "{:?}", info.stage);
            assert_eq!(Stage::ALL[info.stage as usize], info.stage);
            assert_eq!(Stage::from_key(info.stage.key()), Some(info.stage));
        }
    }

    /// (case, first stage, sessions, stage after, finished, done in stage, last change)
    #[test]
    fn decision_table() {
        type Case = (&'static str, Stage, Vec<Session>, Stage, bool, u32, Change);
        let cases: Vec<Case> = vec![
            (
                "nothing yet",
                Stage::Week1,
                vec![],
                Stage::Week1,
                false,
                0,
                Change::Started,
            ),
            (
                "one good session counts",
                Stage::Week1,
                vec![s("2026-11-02", 1, 1)],
                Stage::Week1,
                false,
                1,
                Change::Counted,
            ),
            (
                "advance after three pain-free sessions",
                Stage::Week1,
                vec![
                    s("2026-11-02", 0, 0),
                    s("2026-11-04", 3, 2),
                    s("2026-11-06", 2, 2),
                ],
                Stage::Week2,
                false,
                0,
                Change::Advanced,
            ),
            (
                "hold: a second session on the same day does not count",
                Stage::Week1,
                vec![
                    s("2026-11-02", 0, 0),
                    s("2026-11-02", 0, 0),
                    s("2026-11-04", 0, 0),
                ],
                Stage::Week1,
                false,
                2,
                Change::Counted,
            ),
            (
                "hold: slightly sorer afterwards but low",
                Stage::Week2,
                vec![s("2026-11-02", 1, 2)],
                Stage::Week2,
                false,
                0,
                Change::Held,
            ),
            (
                "step back: sorer the next day, even at a low score",
                Stage::Week2,
                vec![Session {
                    next_day_pain: Some(3),
                    ..s("2026-11-02", 0, 0)
                }],
                Stage::Week1,
                false,
                0,
                Change::SteppedBack,
            ),
            (
                "counts: the next morning no worse than the session",
                Stage::Week2,
                vec![Session {
                    next_day_pain: Some(2),
                    ..s("2026-11-02", 2, 2)
                }],
                Stage::Week2,
                false,
                1,
                Change::Counted,
            ),
            (
                "hold: pain not recorded",
                Stage::Week2,
                vec![Session {
                    date: day("2026-11-03"),
                    pain_during: Some(1),
                    ..Session::default()
                }],
                Stage::Week2,
                false,
                0,
                Change::Held,
            ),
            (
                "step back when pain during is above 3",
                Stage::Week3,
                vec![s("2026-11-02", 0, 0), s("2026-11-04", 5, 5)],
                Stage::Week2,
                false,
                0,
                Change::SteppedBack,
            ),
            (
                "step back when worse afterwards",
                Stage::Week2,
                vec![s("2026-11-03", 2, 4)],
                Stage::Week1,
                false,
                0,
                Change::SteppedBack,
            ),
            (
                "two step-backs in a row",
                Stage::Week3,
                vec![s("2026-11-03", 4, 4), s("2026-11-05", 6, 6)],
                Stage::Week1,
                false,
                0,
                Change::SteppedBack,
            ),
            (
                "week 1 cannot step further back",
                Stage::Week1,
                vec![s("2026-11-03", 6, 7)],
                Stage::Week1,
                false,
                0,
                Change::SteppedBack,
            ),
            (
                "finishing after the last stage",
                Stage::Week5,
                vec![
                    s("2026-11-02", 0, 0),
                    s("2026-11-04", 1, 0),
                    s("2026-11-06", 0, 0),
                ],
                Stage::Week5,
                true,
                0,
                Change::Finished,
            ),
            (
                "sessions before the start are ignored",
                Stage::Week1,
                vec![s("2026-10-30", 8, 8)],
                Stage::Week1,
                false,
                0,
                Change::Started,
            ),
        ];
        for (name, first, sessions, stage, finished, done, change) in cases {
            let state = run_sessions(first, &sessions);
            assert_eq!(state.stage, stage, "{name}");
            assert_eq!(state.finished, finished, "{name}");
            assert_eq!(state.done_in_stage, done, "{name}");
            assert_eq!(
                state.last_decision().map(|d| d.change),
                Some(change),
                "{name}"
            );
        }
    }

    #[test]
    fn a_step_back_says_why_and_names_the_day() {
        let state = run_sessions(
            Stage::Week3,
            &[s("2026-11-02", 0, 0), s("2026-11-03", 5, 5)],
        );
        let reason = &state.last_decision().unwrap().reason;
        assert_eq!(
            reason,
            "You moved back to week 2 because pain was 5/10 during Tuesday's session \
             (2026-11-03)."
        );
    }

    #[test]
    fn the_next_mornings_pain_note_is_part_of_the_session() {
        use crate::domain::records::{PainScore, RecordId};
        use crate::domain::units::{Distance, Duration};
        let run = Run {
            kind: RunKind::Recovery,
            pain_during: PainScore::new(2),
            pain_after: PainScore::new(2),
            ..Run::easy(
                RecordId::from_random_bits(7),
                day("2026-11-03"),
                Distance::from_metres(2500.0),
                Duration::from_minutes(21),
            )
        };
        let note = |date: &str, pain: u8, stiff: bool| PainEntry {
            id: RecordId::from_random_bits(8),
            updated_at: "2026-11-04T08:00:00Z".parse().unwrap(),
            date: day(date),
            pain: PainScore::new(pain).unwrap(),
            areas: Vec::new(),
            morning_stiffness: stiff,
            note: String::new(),
        };
        let mut easy = run.clone();
        easy.kind = RunKind::Easy;
        let sessions = sessions_since(
            &[run.clone(), easy],
            &[note("2026-11-04", 5, false)],
            day(START),
        );
        assert_eq!(sessions.len(), 1, "only recovery runs are sessions");
        assert_eq!(sessions[0].next_day_pain, Some(5));
        let state = run_sessions(Stage::Week2, &sessions);
        assert_eq!(state.stage, Stage::Week1);
        assert!(state
            .last_decision()
            .unwrap()
            .reason
            .contains("worse the next morning"));

        let stiff = sessions_since(
            std::slice::from_ref(&run),
            &[note("2026-11-04", 1, true)],
            day(START),
        );
        let state = run_sessions(Stage::Week2, &stiff);
        assert_eq!((state.stage, state.done_in_stage), (Stage::Week2, 0));
        assert_eq!(state.last_decision().unwrap().change, Change::Held);

        // A note on another day changes nothing.
        let other = sessions_since(&[run], &[note("2026-11-06", 9, true)], day(START));
        assert_eq!(run_sessions(Stage::Week2, &other).done_in_stage, 1);
    }

    #[test]
    fn a_step_back_restarts_the_count_of_the_earlier_stage() {
        let state = run_sessions(
            Stage::Week2,
            &[
                s("2026-11-02", 0, 0),
                s("2026-11-04", 0, 0),
                s("2026-11-06", 5, 3),
                s("2026-11-08", 0, 0),
            ],
        );
        assert_eq!((state.stage, state.done_in_stage), (Stage::Week1, 1));
        assert_eq!(state.sessions_left(), 2);
    }

    #[test]
    fn the_whole_plan_from_week_1_to_finished() {
        let mut sessions = Vec::new();
        let mut date = day(START);
        for _ in 0..15 {
            sessions.push(Session {
                date,
                pain_during: Some(1),
                pain_after: Some(1),
                ..Session::default()
            });
            date = date.succ_opt().unwrap().succ_opt().unwrap();
        }
        let state = run_sessions(Stage::Week1, &sessions);
        assert!(state.finished);
        assert_eq!(state.headline(), "Plan finished");
        assert_eq!(state.sessions_left(), 0);
        let advances = state
            .decisions
            .iter()
            .filter(|d| d.change == Change::Advanced)
            .count();
        assert_eq!(advances, 4);
        // Pain flaring after finishing brings the runner back to the last stage.
        sessions.push(s("2026-12-10", 6, 6));
        let state = run_sessions(Stage::Week1, &sessions);
        assert_eq!((state.stage, state.finished), (Stage::Week5, false));
    }

    #[test]
    fn the_state_in_words_keeps_a_step_back_in_view() {
        let counted = run_sessions(Stage::Week2, &[s("2026-11-02", 1, 1)]);
        assert_eq!(counted.headline(), "Now: Week 2");
        assert_eq!(counted.progress(), "1 of 3 sessions done at this step");
        assert_eq!(counted.step_back(), None);

        let flared = run_sessions(
            Stage::Week2,
            &[s("2026-11-02", 1, 1), s("2026-11-04", 5, 4)],
        );
        assert_eq!(flared.headline(), "Now: Week 1");
        assert_eq!(flared.progress(), "0 of 3 sessions done at this step");
        let back = flared.step_back().map(|d| d.reason.as_str()).unwrap_or("");
        assert!(back.contains("week 1"), "{back}");

        // A good session after the step back is the latest decision: no longer a step back.
        let recovered = run_sessions(
            Stage::Week2,
            &[
                s("2026-11-02", 1, 1),
                s("2026-11-04", 5, 4),
                s("2026-11-06", 1, 1),
            ],
        );
        assert_eq!(recovered.step_back(), None);
    }
}
