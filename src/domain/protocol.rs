//! The return-to-running protocol: five stages from walk-run intervals back to normal
//! training, and the state machine that moves a runner through them from everything they log
//! once the plan has started: every run (not only the plan's own sessions) and every pain
//! entry. It is replayed from the start on every change, as of today, so a fact added or
//! deleted later is judged as if it had been there all along.
//!
//! The pain limit is the one every screen states ([`PainRule::Recovery`]): pain at 3/10 or
//! less during and after a run, with no more pain or stiffness the next morning (the
//! pain-monitoring model of Silbernagel 2007, at the seed protocol's stricter 3/10 while the
//! knee heals). What each logged fact does to the plan, judged in this order:
//!
//! - **A run** (any kind but cross-training: a bike ride is not running load) is judged
//!   against the step, with the pain entries of its day and of the next morning:
//!   - pain above 3/10 during or after it **steps back** one stage;
//!   - a next morning above 3/10, or worse than the run's day (the highest score noted that
//!     day, the run's own included), **steps back** one stage;
//!   - otherwise, a run longer or harder than the step allows **holds** (it does not count,
//!     and is named: "Saturday's 4.5 mi run (14 Nov) was more than week 3 allows"). What a
//!     step allows is in [`StageInfo::allows`]: walk-run weeks allow the week's share of
//!     running in 30 minutes to a run not logged as a plan session (10 and 15 minutes), later
//!     weeks a total time ([`StageInfo::longest_minutes`]); weeks 1 to 4 allow no hard run
//!     (a tempo, interval, hill or race run, or effort 7/10 or more);
//!   - a run with no pain scores **holds** until they are added;
//!   - a run on a day the knee was noted above 3/10 **holds**;
//!   - a run followed by a morning noted stiff or sorer **holds**;
//!   - a second run on a day that already counted **holds** (one a day: a rest day between);
//!   - anything else **counts**. Pain that rises afterwards but stays within 3/10 counts: the
//!     model allows it as long as the next morning is no worse, which that rule checks.
//! - **A pain entry** the morning after a run is part of that run's judgement (above; of the
//!   day's last run, when there were several, so one bad morning steps back once).
//!   Any other pain entry above 3/10 **holds** the plan at its step, and says so.
//! - When a stage's runs have all counted, the runner **moves up**; after the last stage the
//!   plan is **finished** (a flare after that steps back into the last stage).
//! - A step back restarts the earlier stage's count from zero; week 1 starts again.
//! - **An "I've been seen" answer** changes no count; it decides whether the plan is followed
//!   at all (`domain::situation`): told to rest until reviewed, or given their own
//!   programme, sets the plan aside until a later answer clears the runner for it; cleared
//!   to follow the plan follows it (and stops asking them to have the knee looked at).
//!
//! What to do **today** follows from the same facts ([`Today`]): rest when the knee is above
//! the limit today, on the day after a run, or once a run is done today; otherwise a session
//! of the step is fine.
//!
//! Every decision carries a sentence saying why, naming the run's day and distance in the
//! runner's unit; Home, Recovery and the load warnings show that sentence, never their own.
//! `docs/back-to-running.md` is written from this module by a test, which fails when it
//! is out of date.

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use crate::domain::locale::DateStyle;
use crate::domain::pain::PainRule;
use crate::domain::records::is_hard;
use crate::domain::records::{PainEntry, Run, RunKind, Settings};
use crate::domain::units::distance_words;
use crate::domain::units::DistanceUnit;

/// The limit the plan judges by: the one every screen states while the knee recovers.
const RULE: PainRule = PainRule::Recovery;

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
    /// The longest session the stage allows, in minutes: the seed's 30 in weeks 1 to 3,
    /// then about 15% more a week (week 4's "10 to 15% longer").
    pub longest_minutes: u32,
    /// Whether a hard run (tempo, intervals, hills, a race, effort 7/10 or more) fits:
    /// only in the last stage, which brings faster running back.
    pub hard_allowed: bool,
    /// What the stage allows, in words, for a run that was more: "easy runs of up to 30
    /// minutes".
    pub allows: &'static str,
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
        longest_minutes: 30,
        hard_allowed: false,
        allows: "walk-run with up to 10 minutes of easy jogging in 30",
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
        longest_minutes: 30,
        hard_allowed: false,
        allows: "walk-run with up to 15 minutes of easy jogging in 30",
        sessions_needed: 3,
    },
    StageInfo {
        stage: Stage::Week3,
        title: "Week 3",
        what: "Run without walking breaks at an easy, chatty pace for 20 to 30 minutes.",
        walk_minutes: None,
        run_minutes: None,
        total_minutes: 20,
        longest_minutes: 30,
        hard_allowed: false,
        allows: "easy runs of up to 30 minutes",
        sessions_needed: 3,
    },
    StageInfo {
        stage: Stage::Week4,
        title: "Week 4",
        what: "Keep it easy and make each week's running 10 to 15% longer than the last.",
        walk_minutes: None,
        run_minutes: None,
        total_minutes: 25,
        longest_minutes: 35,
        hard_allowed: false,
        allows: "easy runs of up to 35 minutes",
        sessions_needed: 3,
    },
    StageInfo {
        stage: Stage::Week5,
        title: "Week 5 and on",
        what: "Slowly bring back faster running and longer runs, one change at a time.",
        walk_minutes: None,
        run_minutes: None,
        total_minutes: 30,
        longest_minutes: 40,
        hard_allowed: true,
        allows: "runs of up to 40 minutes",
        sessions_needed: 3,
    },
];

/// Seconds a run with no time recorded is taken to last per km: an easy 7 minutes.
const EASY_SECONDS_PER_KM: f64 = 420.0;

impl StageInfo {
    /// The most running, in seconds, one run may hold at this stage: the whole session for
    /// a plan session (walk breaks included), the stage's share of jogging for any other run,
    /// which is taken to be run without breaks.
    fn running_seconds_allowed(&self, planned: bool) -> u32 {
        let longest = self.longest_minutes * 60;
        match (planned, self.walk_minutes, self.run_minutes) {
            (false, Some(walk), Some(run)) if walk + run > 0 => longest * run / (walk + run),
            _ => longest,
        }
    }
}

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

/// One run logged during the plan, with the pain noted around it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Session {
    pub date: NaiveDate,
    /// The run in a few words, "4.5 mi run", or `None` for a plan session ("session").
    pub what: Option<String>,
    /// How long it lasted, in seconds.
    pub seconds: u32,
    /// Tempo, intervals, hills, a race, or effort 7/10 or more.
    pub hard: bool,
    pub pain_during: Option<u8>,
    pub pain_after: Option<u8>,
    /// The highest pain noted on the run's day by a pain entry, if any.
    pub day_note: Option<u8>,
    /// From the pain entries of the next day, if there are any: the highest pain noted, and
    /// whether the knee was stiff or sorer that morning.
    pub next_day_pain: Option<u8>,
    pub next_morning_stiff: bool,
}

impl Session {
    /// A run as the plan reads it, its distance in the runner's `unit`.
    pub fn from_run(run: &Run, unit: DistanceUnit) -> Session {
        let planned = run.kind == RunKind::Recovery;
        let seconds = match run.duration.seconds() {
            0 => (run.distance.metres().max(0.0) / 1000.0 * EASY_SECONDS_PER_KM) as u32,
            seconds => seconds,
        };
        Session {
            date: run.date,
            what: (!planned).then(|| format!("{} run", distance_words(run.distance, unit))),
            seconds,
            hard: is_hard(run),
            pain_during: run.pain_during.map(|p| p.value()),
            pain_after: run.pain_after.map(|p| p.value()),
            ..Session::default()
        }
    }

    fn planned(&self) -> bool {
        self.what.is_none()
    }

    /// The highest pain of the run's day: during, after, and any pain entry that day.
    fn day_pain(&self) -> Option<u8> {
        self.pain_during.max(self.pain_after).max(self.day_note)
    }

    /// "Saturday's 4.5 mi run (14 Nov)", "Tuesday's session (Nov 24)".
    fn name(&self, dates: DateStyle) -> String {
        format!(
            "{}'s {} ({})",
            weekday_name(self.date.weekday()),
            self.what.as_deref().unwrap_or("session"),
            dates.day_month(self.date)
        )
    }

    /// How the run went beyond what `stage` allows, if it did.
    fn beyond(&self, stage: Stage) -> Option<Beyond> {
        let info = stage.info();
        if self.hard && !info.hard_allowed {
            Some(Beyond::Harder)
        } else if self.seconds > info.running_seconds_allowed(self.planned()) {
            Some(Beyond::Longer)
        } else {
            None
        }
    }
}

/// A pain entry that is not the morning after a run: the highest of its day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Note {
    pub date: NaiveDate,
    pub pain: u8,
}

/// What the plan reads: the runs and pain notes from its start up to today, oldest first,
/// and what today holds so far.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Logged {
    pub sessions: Vec<Session>,
    pub notes: Vec<Note>,
    pub today: TodayFacts,
    /// How the reasons' dates read.
    pub dates: DateStyle,
}

/// What the runner has logged for today and yesterday: enough to say whether to run today.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TodayFacts {
    pub ran_today: bool,
    pub ran_yesterday: bool,
    /// The highest pain noted today by a pain entry.
    pub pain_today: Option<u8>,
}

/// The runs and pain entries the plan reads, from `start` to `today` (later ones are not
/// facts yet), with distances in the runner's unit and dates in their style.
pub fn logged_since(
    runs: &[Run],
    pain: &[PainEntry],
    start: NaiveDate,
    today: NaiveDate,
    settings: &Settings,
) -> Logged {
    let unit = settings.units;
    let in_plan = |date: NaiveDate| date >= start && date <= today;
    let mut picked: Vec<&Run> = runs
        .iter()
        .filter(|run| run.kind != RunKind::CrossTraining && in_plan(run.date))
        .collect();
    crate::domain::sort::sort_by_key(&mut picked, |run| (run.date, run.updated_at));
    // Each day's highest pain entry, and whether it noted stiffness.
    let mut days: Vec<(NaiveDate, u8, bool)> = Vec::new();
    for entry in pain.iter().filter(|e| in_plan(e.date)) {
        let score = entry.pain.value();
        match days.iter_mut().find(|(date, _, _)| *date == entry.date) {
            Some(day) => {
                day.1 = day.1.max(score);
                day.2 |= entry.morning_stiffness;
            }
            None => days.push((entry.date, score, entry.morning_stiffness)),
        }
    }
    days.sort_by_key(|(date, _, _)| *date);
    let day = |date: Option<NaiveDate>| days.iter().find(|(d, _, _)| Some(*d) == date);
    let ran_on = |date: Option<NaiveDate>| picked.iter().any(|run| Some(run.date) == date);
    let sessions: Vec<Session> = picked
        .iter()
        .enumerate()
        .map(|(i, run)| {
            let mut session = Session::from_run(run, unit);
            session.day_note = day(Some(run.date)).map(|(_, pain, _)| *pain);
            // The next morning answers for the day's running as a whole: it belongs to the
            // day's last run, so one bad morning steps back once.
            let last_that_day = picked.get(i + 1).is_none_or(|next| next.date != run.date);
            if let Some((_, pain, stiff)) = day(run.date.succ_opt()).filter(|_| last_that_day) {
                session.next_day_pain = Some(*pain);
                session.next_morning_stiff = *stiff;
            }
            session
        })
        .collect();
    let notes = days
        .iter()
        .filter(|(date, _, _)| !ran_on(Some(*date)) && !ran_on(date.pred_opt()))
        .map(|(date, pain, _)| Note {
            date: *date,
            pain: *pain,
        })
        .collect();
    Logged {
        sessions,
        notes,
        today: TodayFacts {
            ran_today: ran_on(Some(today)),
            ran_yesterday: ran_on(today.pred_opt()),
            pain_today: day(Some(today)).map(|(_, pain, _)| *pain),
        },
        dates: settings.dates(),
    }
}

/// What a decision did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    Started,
    /// The run counted; the stage goes on.
    Counted,
    /// The run (or the day) did not count; the stage goes on.
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

/// Whether to run today, on the plan.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Today {
    /// A session of the step is fine.
    #[default]
    Session,
    /// A run is already logged today.
    RanToday,
    /// A run yesterday: the plan keeps a day between runs.
    RestDay,
    /// The knee was noted above the limit today.
    KneeAboveLimit { pain: u8 },
}

impl Today {
    pub fn from_facts(facts: TodayFacts) -> Today {
        match facts.pain_today {
            Some(pain) if pain > RULE.limit() => Today::KneeAboveLimit { pain },
            _ if facts.ran_today => Today::RanToday,
            _ if facts.ran_yesterday => Today::RestDay,
            _ => Today::Session,
        }
    }

    /// Whether a run today fits the plan.
    pub fn run(self) -> bool {
        self == Today::Session
    }

    /// Today in one sentence, at `stage`.
    pub fn words(self, stage: Stage) -> String {
        let limit = RULE.limit();
        match self {
            Today::Session => format!(
                "Today: a {} session is fine if your knee is at {limit}/10 or less.",
                lower_title(stage)
            ),
            Today::RanToday => {
                "Today: you have run. The next run comes after a rest day.".to_string()
            }
            Today::RestDay => "Today: rest. The plan keeps a rest day between runs.".to_string(),
            Today::KneeAboveLimit { pain } => format!(
                "Today: rest. Your knee is at {pain}/10, above {limit}/10; run again once it \
                 is back to {limit}/10 or less."
            ),
        }
    }
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
    /// Whether to run today.
    pub today: Today,
    /// How the decisions' dates read.
    pub dates: DateStyle,
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

    /// The latest decision, when it stepped back or did not count what was logged: what
    /// every screen keeps in view until a run counts again.
    pub fn setback(&self) -> Option<&Decision> {
        self.last_decision()
            .filter(|d| matches!(d.change, Change::SteppedBack | Change::Held))
    }

    /// Whether to run today, in words.
    pub fn today_words(&self) -> String {
        self.today.words(self.stage)
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

/// How the plan decides, in a few sentences for Recovery's "How the plan decides": the limit
/// sentence every screen states, then what counts, holds and steps back.
pub fn how_it_decides() -> String {
    let limit = RULE.limit();
    format!(
        "{sentence} Every run you log counts against the plan's step, not only its sessions. A \
         run counts when pain stayed at {limit}/10 or less during and after it, with no more \
         pain or stiffness the next morning; three such runs, a day apart, move you up a step. \
         A run longer or harder than the step allows, a stiff or sorer morning after a run, or \
         a day your knee is above {limit}/10 holds the step: it does not count. Pain above \
         {limit}/10 during or after a run, or a next morning above {limit}/10 or worse than \
         the day of the run, sends you back one step to repeat it.",
        sentence = RULE.sentence()
    )
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

fn lower_title(stage: Stage) -> String {
    stage.title().to_lowercase()
}

/// Replays everything logged from the start and returns where the runner is now.
pub fn evaluate(start: NaiveDate, first_stage: Stage, logged: &Logged) -> ProtocolState {
    let mut state = ProtocolState {
        stage: first_stage,
        finished: false,
        done_in_stage: 0,
        decisions: vec![Decision {
            date: start,
            change: Change::Started,
            stage: first_stage,
            reason: format!(
                "You started the back-to-running plan at {} on {}.",
                lower_title(first_stage),
                logged.dates.day_with_year(start)
            ),
        }],
        today: Today::from_facts(logged.today),
        dates: logged.dates,
    };
    // Runs and notes in date order; a note is never on a run's day (it is part of the run).
    let mut notes = logged.notes.iter().filter(|n| n.date >= start).peekable();
    let mut last_counted: Option<NaiveDate> = None;
    for session in logged.sessions.iter().filter(|s| s.date >= start) {
        while let Some(note) = notes.next_if(|note| note.date < session.date) {
            if let Some(decision) = hold_for_note(&state, note) {
                state.decisions.push(decision);
            }
        }
        let decision = step(&mut state, session, &mut last_counted);
        state.decisions.push(decision);
    }
    for note in notes {
        if let Some(decision) = hold_for_note(&state, note) {
            state.decisions.push(decision);
        }
    }
    state
}

/// A pain entry on its own, above the limit, holds the plan; anything else changes nothing.
fn hold_for_note(state: &ProtocolState, note: &Note) -> Option<Decision> {
    let limit = RULE.limit();
    (note.pain > limit && !state.finished).then(|| Decision {
        date: note.date,
        change: Change::Held,
        stage: state.stage,
        reason: format!(
            "Your knee was {}/10 on {}, above {limit}/10: the plan holds at {} until it is back \
             to {limit}/10 or less.",
            note.pain,
            state.dates.day(note.date),
            lower_title(state.stage)
        ),
    })
}

/// How a run went beyond its step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Beyond {
    Longer,
    Harder,
}

impl Beyond {
    fn words(self) -> &'static str {
        match self {
            Beyond::Longer => "more",
            Beyond::Harder => "harder",
        }
    }
}

/// What one run means for the plan, judged before anything changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Verdict {
    /// Pain above the limit while running.
    TooSoreDuring {
        during: u8,
    },
    /// Pain above the limit afterwards.
    TooSoreAfter {
        after: u8,
    },
    /// The next morning above the limit, or worse than the run's day.
    WorseNextMorning {
        next: u8,
        stiff: bool,
        day: Option<u8>,
    },
    /// Went well, after the plan was finished.
    WellAfterFinishing,
    /// Longer or harder than the step allows.
    BeyondTheStep,
    /// Pain during or after is missing.
    Unscored,
    /// A pain entry that day was above the limit.
    SoreThatDay {
        pain: u8,
    },
    StiffNextMorning,
    /// A second run the same day as one that counted.
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
                | Verdict::TooSoreAfter { .. }
                | Verdict::WorseNextMorning { .. }
        )
    }

    /// The verdict in words for `session` at `stage`: why it steps back (to follow
    /// "because"), why it holds, or how the run that counts went.
    fn reason(self, session: &Session, stage: Stage, dates: DateStyle) -> String {
        let name = session.name(dates);
        let limit = RULE.limit();
        let title = lower_title(stage);
        // A step back names a run beyond the step too: it is the likeliest cause.
        let beyond = session
            .beyond(stage)
            .map(|b| format!(". That run was {} than {title} allows", b.words()))
            .unwrap_or_default();
        match self {
            Verdict::TooSoreDuring { during } => {
                format!("pain was {during}/10 during {name}, above {limit}/10{beyond}")
            }
            Verdict::TooSoreAfter { after } => {
                format!("pain was {after}/10 after {name}, above {limit}/10{beyond}")
            }
            Verdict::WorseNextMorning { next, stiff, day } => {
                let how = match day {
                    Some(day) if next <= limit => format!("worse than the {day}/10 of that day"),
                    _ => format!("above {limit}/10"),
                };
                format!(
                    "the knee was {next}/10{} the morning after {name}, {how}{beyond}",
                    if stiff { " and stiff" } else { "" }
                )
            }
            Verdict::WellAfterFinishing => {
                format!("{name} went well. You have finished the plan; keep building gently.")
            }
            Verdict::BeyondTheStep => {
                let (words, allows) = session
                    .beyond(stage)
                    .map_or(("more", ""), |b| (b.words(), stage.info().allows));
                format!(
                    "{name} was {words} than {title} allows ({allows}), so it does not count \
                     towards the step."
                )
            }
            Verdict::Unscored => format!(
                "{name} does not count yet: add how much it hurt during and afterwards \
                 (in the Log) so the plan can judge it."
            ),
            Verdict::SoreThatDay { pain } => format!(
                "{name} does not count: your knee was {pain}/10 that day, above {limit}/10."
            ),
            Verdict::StiffNextMorning => format!(
                "{name} does not count: you noted the knee was stiff or sorer the next \
                 morning. Repeat this stage's session before moving on."
            ),
            Verdict::SecondThatDay => format!(
                "{name} was the second that day; only one a day counts, so the knee gets a \
                 rest day between runs."
            ),
            Verdict::Counts { during, after } => {
                format!("{name} went well ({during}/10 during, {after}/10 after)")
            }
        }
    }
}

/// Judges a run against the pain limit, the step and where the plan stands.
fn judge(state: &ProtocolState, session: &Session, last_counted: Option<NaiveDate>) -> Verdict {
    let limit = RULE.limit();
    if let Some(during) = session.pain_during.filter(|p| *p > limit) {
        return Verdict::TooSoreDuring { during };
    }
    if let Some(after) = session.pain_after.filter(|p| *p > limit) {
        return Verdict::TooSoreAfter { after };
    }
    if let Some(next) = session.next_day_pain {
        let day = session.day_pain();
        if next > limit || day.is_some_and(|day| next > day) {
            return Verdict::WorseNextMorning {
                next,
                stiff: session.next_morning_stiff,
                day,
            };
        }
    }
    if state.finished {
        return Verdict::WellAfterFinishing;
    }
    if session.beyond(state.stage).is_some() {
        return Verdict::BeyondTheStep;
    }
    let (Some(during), Some(after)) = (session.pain_during, session.pain_after) else {
        return Verdict::Unscored;
    };
    if let Some(pain) = session.day_note.filter(|p| *p > limit) {
        return Verdict::SoreThatDay { pain };
    }
    if session.next_morning_stiff {
        return Verdict::StiffNextMorning;
    }
    if last_counted == Some(session.date) {
        return Verdict::SecondThatDay;
    }
    Verdict::Counts { during, after }
}

/// One step of the state machine: judge the run, then apply the verdict.
fn step(
    state: &mut ProtocolState,
    session: &Session,
    last_counted: &mut Option<NaiveDate>,
) -> Decision {
    let verdict = judge(state, session, *last_counted);
    let decide = |state: &ProtocolState, change: Change, reason: String| Decision {
        date: session.date,
        change,
        stage: state.stage,
        reason,
    };
    let why = verdict.reason(session, state.stage, state.dates);
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

/// Applies a run that counts (`went_well` says how it went): one more done, and the
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
                     pain at {}/10 or less and no more pain or stiffness the next morning, the \
                     last on {}.",
                    lower_title(next),
                    lower_title(from),
                    RULE.limit(),
                    state.dates.day(session.date)
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
                    state.dates.day(session.date)
                ),
            )
        }
    }
}

/// `docs/back-to-running.md`: the stages, what each logged fact does, and every sentence of
/// the rule, written from this module so the document cannot drift from the code.
#[cfg(test)]
pub fn markdown() -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let w = &mut out;
    let _ = writeln!(w, "# The back-to-running plan: stages and how it decides\n");
    let _ = writeln!(
        w,
        "Written by `src/domain/protocol.rs` from the code itself; the test command fails if \
         this file differs from it (`UPDATE_DOCS=1 cargo test back_to_running_doc` rewrites \
         it). Sources are in DESIGN.md: the seed's return-to-running protocol and the \
         pain-monitoring model (Silbernagel 2007).\n"
    );
    let _ = writeln!(w, "## The pain limit, as every screen says it\n");
    let _ = writeln!(w, "> {}\n", RULE.sentence());
    let _ = writeln!(w, "{}\n", RULE.source());
    let _ = writeln!(w, "## Stages\n");
    let _ = writeln!(
        w,
        "| Stage | What to do | A run counts if it is at most | Runs to move on |"
    );
    let _ = writeln!(w, "|---|---|---|---|");
    for info in &STAGES {
        let _ = writeln!(
            w,
            "| {} | {} | {} | {} |",
            info.title, info.what, info.allows, info.sessions_needed
        );
    }
    let _ = writeln!(
        w,
        "\nA run not logged as a plan session is taken to be run without walking breaks; one \
         logged with no time is taken to last {} minutes a km.\n",
        EASY_SECONDS_PER_KM / 60.0
    );
    let _ = writeln!(w, "## What each logged fact does\n");
    let _ = writeln!(w, "Recovery's \"How the plan decides\" says:\n");
    let _ = writeln!(w, "> {}\n", how_it_decides());
    let _ = writeln!(w, "In full, in the order the plan judges them:\n");
    let header = include_str!("protocol.rs");
    let rules: Vec<String> = header
        .lines()
        .take_while(|line| line.starts_with("//!"))
        .map(|line| {
            line.strip_prefix("//! ")
                .unwrap_or_else(|| line.trim_start_matches("//!"))
        })
        .map(|line| line.replace("[`", "`").replace("`]", "`"))
        .skip_while(|line| !line.starts_with("- **A run**"))
        .take_while(|line| !line.starts_with("What to do **today**"))
        .collect();
    let _ = writeln!(w, "{}", rules.join("\n").trim_end());
    let _ = writeln!(w, "\n## Today\n");
    for today in [
        Today::Session,
        Today::RanToday,
        Today::RestDay,
        Today::KneeAboveLimit { pain: 5 },
    ] {
        let _ = writeln!(w, "- {}", today.words(Stage::Week3));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::records::{PainScore, RecordId};
    use crate::domain::units::{Distance, Duration};

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

    fn logged(sessions: &[Session]) -> Logged {
        Logged {
            sessions: sessions.to_vec(),
            ..Logged::default()
        }
    }

    fn run_sessions(first: Stage, sessions: &[Session]) -> ProtocolState {
        evaluate(day(START), first, &logged(sessions))
    }

    fn a_run(n: u128, date: &str, km: f64, minutes: u32, kind: RunKind) -> Run {
        Run {
            kind,
            ..Run::easy(
                RecordId::from_random_bits(n),
                day(date),
                Distance::from_metres(km * 1000.0),
                Duration::from_minutes(minutes),
            )
        }
    }

    fn scored(run: Run, during: u8, after: u8) -> Run {
        Run {
            pain_during: PainScore::new(during),
            pain_after: PainScore::new(after),
            ..run
        }
    }

    fn note(n: u128, date: &str, pain: u8, stiff: bool) -> PainEntry {
        PainEntry {
            id: RecordId::from_random_bits(1000 + n),
            updated_at: "2026-11-04T08:00:00Z".parse().unwrap(),
            date: day(date),
            pain: PainScore::new(pain).unwrap(),
            areas: Vec::new(),
            morning_stiffness: stiff,
            note: String::new(),
        }
    }

    /// The plan from `START` at `first`, as of `today`, from what was logged.
    fn replay(
        first: Stage,
        runs: &[Run],
        pain: &[PainEntry],
        today: &str,
        unit: DistanceUnit,
    ) -> ProtocolState {
        let settings = Settings {
            units: unit,
            ..Settings::default()
        };
        let facts = logged_since(runs, pain, day(START), day(today), &settings);
        evaluate(day(START), first, &facts)
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
            assert!(
                info.total_minutes <= info.longest_minutes,
                "{:?}",
                info.stage
            );
            assert_eq!(Stage::ALL[info.stage as usize], info.stage);
            assert_eq!(Stage::from_key(info.stage.key()), Some(info.stage));
        }
        // The walk-run weeks allow their share of jogging in 30 minutes to a continuous run.
        assert_eq!(one.running_seconds_allowed(false), 10 * 60);
        assert_eq!(two.running_seconds_allowed(false), 15 * 60);
        assert_eq!(one.running_seconds_allowed(true), 30 * 60);
    }

    /// (case, first stage, sessions, stage after, finished, done in stage, last change)
    #[test]
    fn decision_table() {
        type Case = (&'static str, Stage, Vec<Session>, Stage, bool, u32, Change);
        let long = |date: &str| Session {
            what: Some("7 km run".into()),
            seconds: 45 * 60,
            ..s(date, 1, 1)
        };
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
                "counts: a little sorer afterwards, within the limit",
                Stage::Week2,
                vec![s("2026-11-02", 1, 2)],
                Stage::Week2,
                false,
                1,
                Change::Counted,
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
                "hold: a stiff next morning",
                Stage::Week2,
                vec![Session {
                    next_day_pain: Some(1),
                    next_morning_stiff: true,
                    ..s("2026-11-02", 1, 1)
                }],
                Stage::Week2,
                false,
                0,
                Change::Held,
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
                "hold: a run longer than the step allows",
                Stage::Week3,
                vec![long("2026-11-03")],
                Stage::Week3,
                false,
                0,
                Change::Held,
            ),
            (
                "hold: a hard run before week 5",
                Stage::Week4,
                vec![Session {
                    hard: true,
                    ..s("2026-11-03", 1, 1)
                }],
                Stage::Week4,
                false,
                0,
                Change::Held,
            ),
            (
                "counts: a hard run in week 5",
                Stage::Week5,
                vec![Session {
                    hard: true,
                    ..s("2026-11-03", 1, 1)
                }],
                Stage::Week5,
                false,
                1,
                Change::Counted,
            ),
            (
                "step back: a long run and a bad morning",
                Stage::Week3,
                vec![Session {
                    next_day_pain: Some(5),
                    ..long("2026-11-03")
                }],
                Stage::Week2,
                false,
                0,
                Change::SteppedBack,
            ),
            (
                "hold: a pain note that day above the limit",
                Stage::Week2,
                vec![Session {
                    day_note: Some(4),
                    ..s("2026-11-03", 1, 1)
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
                "step back when above 3 afterwards",
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
             (3 Nov), above 3/10."
        );
    }

    /// Issue 25's flare: in week 3, a 4.5-mile run with a friend, then 5/10 and stiff the
    /// next morning. The run is named in the runner's unit, and the plan steps back.
    #[test]
    fn the_flare_story_steps_back_and_names_the_run() {
        let friend = a_run(1, "2026-11-07", 7.242, 45, RunKind::Easy); // 4.5 mi, Saturday
        let morning = note(1, "2026-11-08", 5, true);
        // On Saturday the run alone holds the step, and says why.
        let saturday = replay(
            Stage::Week3,
            std::slice::from_ref(&friend),
            &[],
            "2026-11-07",
            DistanceUnit::Mi,
        );
        let held = saturday.setback().unwrap();
        assert_eq!(held.change, Change::Held);
        assert_eq!(
            held.reason,
            "Saturday's 4.5 mi run (7 Nov) was more than week 3 allows (easy runs of up to 30 \
             minutes), so it does not count towards the step."
        );
        assert_eq!(saturday.today, Today::RanToday);
        // On Sunday morning the note steps back.
        let sunday = replay(
            Stage::Week3,
            std::slice::from_ref(&friend),
            std::slice::from_ref(&morning),
            "2026-11-08",
            DistanceUnit::Mi,
        );
        assert_eq!((sunday.stage, sunday.done_in_stage), (Stage::Week2, 0));
        assert_eq!(
            sunday.step_back().unwrap().reason,
            "You moved back to week 2 because the knee was 5/10 and stiff the morning after \
             Saturday's 4.5 mi run (7 Nov), above 3/10. That run was more than week 3 allows."
        );
        assert_eq!(sunday.today, Today::KneeAboveLimit { pain: 5 });
        assert!(!sunday.today.run());
        // In km, the same words with the runner's unit.
        let km = replay(
            Stage::Week3,
            &[friend],
            &[morning],
            "2026-11-08",
            DistanceUnit::Km,
        );
        assert!(km
            .step_back()
            .unwrap()
            .reason
            .contains("Saturday's 7.2 km run (7 Nov)"));
    }

    #[test]
    fn every_run_counts_not_only_the_plans_sessions() {
        // An ordinary easy run of 25 minutes with its pain fits week 3, and counts.
        let easy = scored(a_run(1, "2026-11-03", 4.0, 25, RunKind::Easy), 1, 1);
        let state = replay(
            Stage::Week3,
            std::slice::from_ref(&easy),
            &[],
            "2026-11-04",
            DistanceUnit::Km,
        );
        assert_eq!(state.done_in_stage, 1);
        // In week 1 the same run is more continuous jogging than the walk-run allows.
        let state = replay(Stage::Week1, &[easy], &[], "2026-11-04", DistanceUnit::Km);
        assert_eq!(state.done_in_stage, 0);
        assert!(state
            .setback()
            .unwrap()
            .reason
            .contains("was more than week 1 allows (walk-run with up to 10 minutes"));
        // A tempo run is harder than week 3 allows.
        let tempo = scored(a_run(2, "2026-11-03", 4.0, 25, RunKind::Tempo), 1, 1);
        let state = replay(Stage::Week3, &[tempo], &[], "2026-11-04", DistanceUnit::Km);
        assert!(state
            .setback()
            .unwrap()
            .reason
            .contains("was harder than week 3 allows"));
        // Cross-training is not running: the plan does not judge it.
        let bike = scored(
            a_run(3, "2026-11-03", 20.0, 60, RunKind::CrossTraining),
            6,
            6,
        );
        let state = replay(Stage::Week3, &[bike], &[], "2026-11-04", DistanceUnit::Km);
        assert_eq!(state.decisions.len(), 1);
        // A run dated after today is not a fact yet.
        let later = scored(a_run(4, "2026-11-09", 4.0, 25, RunKind::Easy), 8, 8);
        let state = replay(Stage::Week3, &[later], &[], "2026-11-04", DistanceUnit::Km);
        assert_eq!(state.decisions.len(), 1);
    }

    #[test]
    fn a_pain_note_on_a_day_without_running_holds_when_above_the_limit() {
        let session = scored(a_run(1, "2026-11-02", 2.5, 21, RunKind::Recovery), 1, 1);
        let high = note(1, "2026-11-05", 4, false);
        let state = replay(
            Stage::Week2,
            std::slice::from_ref(&session),
            std::slice::from_ref(&high),
            "2026-11-05",
            DistanceUnit::Km,
        );
        assert_eq!((state.stage, state.done_in_stage), (Stage::Week2, 1));
        let held = state.setback().unwrap();
        assert_eq!(held.change, Change::Held);
        assert_eq!(
            held.reason,
            "Your knee was 4/10 on Thu 5 Nov, above 3/10: the plan holds at week 2 until it \
             is back to 3/10 or less."
        );
        assert_eq!(state.today, Today::KneeAboveLimit { pain: 4 });
        // Within the limit, a note changes nothing.
        let low = note(2, "2026-11-05", 3, true);
        let state = replay(
            Stage::Week2,
            std::slice::from_ref(&session),
            &[low],
            "2026-11-05",
            DistanceUnit::Km,
        );
        assert_eq!(state.last_decision().unwrap().change, Change::Counted);
        assert_eq!(state.today, Today::Session);
        // A good run after the note is the latest decision again.
        let next = scored(a_run(2, "2026-11-07", 2.5, 24, RunKind::Recovery), 1, 1);
        let state = replay(
            Stage::Week2,
            &[session, next],
            &[high],
            "2026-11-08",
            DistanceUnit::Km,
        );
        assert_eq!(state.done_in_stage, 2);
        assert_eq!(state.setback(), None);
        assert_eq!(state.today, Today::RestDay);
    }

    #[test]
    fn the_next_mornings_pain_note_is_part_of_the_run() {
        let run = scored(a_run(7, "2026-11-03", 2.5, 21, RunKind::Recovery), 2, 2);
        let sessions = logged_since(
            std::slice::from_ref(&run),
            &[note(1, "2026-11-04", 5, false)],
            day(START),
            day("2026-11-04"),
            &Settings::default(),
        );
        assert_eq!(sessions.sessions[0].next_day_pain, Some(5));
        assert!(
            sessions.notes.is_empty(),
            "a next morning is not a note on its own"
        );
        let state = evaluate(day(START), Stage::Week2, &sessions);
        assert_eq!(state.stage, Stage::Week1);
        assert!(state
            .last_decision()
            .unwrap()
            .reason
            .contains("the knee was 5/10 the morning after Tuesday's session (3 Nov)"));

        let stiff = replay(
            Stage::Week2,
            std::slice::from_ref(&run),
            &[note(1, "2026-11-04", 1, true)],
            "2026-11-04",
            DistanceUnit::Km,
        );
        assert_eq!((stiff.stage, stiff.done_in_stage), (Stage::Week2, 0));
        assert_eq!(stiff.last_decision().unwrap().change, Change::Held);

        // A note on a later day, with no run the day before, is judged on its own.
        let other = replay(
            Stage::Week2,
            &[run],
            &[note(1, "2026-11-06", 9, true)],
            "2026-11-06",
            DistanceUnit::Km,
        );
        assert_eq!(other.done_in_stage, 1);
        assert_eq!(other.last_decision().unwrap().change, Change::Held);
    }

    #[test]
    fn today_follows_what_was_logged() {
        let facts = |ran_today, ran_yesterday, pain_today| TodayFacts {
            ran_today,
            ran_yesterday,
            pain_today,
        };
        assert_eq!(Today::from_facts(facts(false, false, None)), Today::Session);
        assert_eq!(
            Today::from_facts(facts(false, false, Some(3))),
            Today::Session
        );
        assert_eq!(Today::from_facts(facts(false, true, None)), Today::RestDay);
        assert_eq!(Today::from_facts(facts(true, false, None)), Today::RanToday);
        assert_eq!(
            Today::from_facts(facts(true, true, Some(4))),
            Today::KneeAboveLimit { pain: 4 }
        );
        assert!(Today::Session.run());
        assert_eq!(
            Today::Session.words(Stage::Week2),
            "Today: a week 2 session is fine if your knee is at 3/10 or less."
        );
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

    /// The plan's words state the limit every screen states, and never another.
    #[test]
    fn the_plans_words_use_the_one_limit() {
        let how = how_it_decides();
        assert!(how.starts_with(RULE.sentence()), "{how}");
        for piece in how.split("/10").take(how.matches("/10").count()) {
            let number = piece.rsplit(' ').next().unwrap_or_default();
            assert_eq!(number, RULE.limit().to_string(), "{how}");
        }
    }

    #[test]
    fn back_to_running_doc_is_current_in_each_english() {
        let checked = crate::domain::generated_docs::check(
            "back-to-running",
            &markdown(),
            "cargo test back_to_running_doc",
        );
        assert_eq!(checked, Ok(()));
    }
}
