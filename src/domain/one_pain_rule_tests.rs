//! One pain rule and one coach, asked by every part that speaks about the knee.
//!
//! - For each situation and every score from 0 to 10, Home's pain trend, Home's load
//!   warnings, "this week" and the back-to-running plan agree on whether the score is within
//!   the limit. No two parts may call the same score both fine and too much (issue 15).
//! - A model-based property test (issue 25): random sequences of knee checks, plan starts,
//!   plan sessions, ordinary runs, pain entries, "I've been seen" answers and days passing,
//!   applied as the app applies them (named commands on a data set). After every step, Home's and Recovery's "this week"
//!   card (one `ThisWeek`), Recovery's plan card (the replayed `ProtocolState` and
//!   `protocol::how_it_decides`) and the load warnings agree on the headline, the pain limit
//!   and its words, and whether to run today; and pain above the limit after a run steps
//!   the plan back (a pain entry on its own holds it), with the reason shown on every one.
//!   A new kind of action is one more `Action` variant, one line in `an_action` and its
//!   command in `World::apply`; the agreement holds after it like after any other step, and
//!   any rule of its own goes in `World::expect`. "I've been seen" is one: after every step
//!   the cards offer it exactly when they say to see someone, and while the latest answer
//!   is newer than the latest check, the coach follows it (`follows_the_latest_answer`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{Days, NaiveDate};

use crate::domain::load::{analyse_in, Rule};
use crate::domain::pain::{trend, PainRule};
use crate::domain::protocol::{self, Change, Logged, Session, Stage};
use crate::domain::records::{CareTier, PainScore, RecordId, Run, Settings};
use crate::domain::situation::Situation;
use crate::domain::units::{Distance, Duration};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
}

fn situations() -> Vec<Situation> {
    let checked = today() - Days::new(5);
    vec![
        Situation::NoProblem,
        Situation::FirstDays { checked },
        Situation::ReducedLoad { checked },
        Situation::ReadyToReturn { checked },
        Situation::WaitingToBeSeen {
            checked,
            tier: CareTier::SeeProfessionalSoon,
            examine_first: false,
            referral: crate::domain::triage::rules::Referral::USUAL,
        },
        Situation::BackToNormal { since: checked },
    ]
}

fn run_with_pain(score: u8) -> Run {
    Run {
        pain_during: Some(PainScore::new(score).unwrap()),
        ..Run::easy(
            RecordId::from_random_bits(1),
            today() - Days::new(1),
            Distance::from_metres(3000.0),
            Duration::from_minutes(20),
        )
    }
}

#[test]
fn every_part_agrees_on_every_score_in_every_situation() {
    for situation in situations() {
        let rule = situation.pain_rule();
        let limit = rule.limit();
        // Any limit "this week" states is the one in force.
        let said = situation.this_week().actions.join(" ");
        let pieces: Vec<&str> = said.split(" out of 10").collect();
        for before in &pieces[..pieces.len() - 1] {
            let number = before.rsplit(' ').next().unwrap_or_default();
            assert_eq!(number, limit.to_string(), "{situation:?}: {said}");
        }
        for score in 0..=10u8 {
            let too_much = score > limit;
            let runs = [run_with_pain(score)];
            // Home's load warning.
            let report = analyse_in(&runs, &[], &Settings::default(), today(), &situation);
            let warned = report
                .warnings
                .iter()
                .any(|w| w.rule == Rule::PainDuringRun);
            assert_eq!(
                warned, too_much,
                "{situation:?}: load warning at {score}/10"
            );
            if let Some(warning) = report
                .warnings
                .iter()
                .find(|w| w.rule == Rule::PainDuringRun)
            {
                assert!(warning.what_to_do.contains(&format!("{limit}/10 or less")));
            }
            // Home's pain trend.
            let described = trend(&runs, &[], today(), 7, rule).description;
            assert_eq!(
                described.contains("Ease off"),
                too_much,
                "{situation:?} at {score}/10: {described}"
            );
            if too_much {
                assert!(!described.contains("fine range") && !described.contains("acceptable"));
            }
        }
    }
}

/// On the plan, the plan itself judges every score, by the same limit, and Home's warning
/// is its decision.
#[test]
fn on_the_plan_every_score_is_judged_by_the_same_limit() {
    let limit = PainRule::Recovery.limit();
    for score in 0..=10u8 {
        for (during, after) in [(score, 0), (0, score), (score, score)] {
            let too_much = during.max(after) > limit;
            let state = protocol::evaluate(
                today() - Days::new(3),
                Stage::Week1,
                &Logged {
                    sessions: vec![Session {
                        date: today() - Days::new(1),
                        pain_during: Some(during),
                        pain_after: Some(after),
                        ..Session::default()
                    }],
                    ..Logged::default()
                },
            );
            assert_eq!(
                state.done_in_stage == 1,
                !too_much,
                "the plan at {during}/10 during, {after}/10 after"
            );
            let change = state.last_decision().map(|d| d.change);
            assert_eq!(change == Some(Change::SteppedBack), too_much);
        }
    }
}

#[test]
fn the_two_rules_differ_only_at_4_and_5() {
    for score in 0..=10u8 {
        let s = PainScore::new(score).unwrap();
        assert_eq!(
            PainRule::Training.is_too_much(s) != PainRule::Recovery.is_too_much(s),
            (4..=5).contains(&score),
            "{score}/10"
        );
    }
}

// --- The coach, by random search --------------------------------------------------------

/// proptest is a native dev-dependency: the wasm test build leaves this part out.
#[cfg(not(target_arch = "wasm32"))]
mod coach {
    use chrono::{DateTime, Days, FixedOffset, NaiveDate, Utc};
    use proptest::prelude::*;

    use crate::domain::commands::Command;
    use crate::domain::dataset::DataSet;
    use crate::domain::load::{analyse_in, LoadReport, Rule};
    use crate::domain::pain::PainRule;
    use crate::domain::protocol::{self, Change, ProtocolState, Stage, Today};
    use crate::domain::records::{
        Advice, CareTier, PainEntry, PainScore, RecordId, Run, RunKind, Settings, TriageRecord,
        Visit,
    };
    use crate::domain::recovery_plan::ProtocolStart;
    use crate::domain::situation::{Situation, ThisWeek};
    use crate::domain::units::{Distance, DistanceUnit, Duration};

    /// What a runner does, one day at a time.
    #[derive(Clone, Debug)]
    enum Action {
        /// A knee check saved today, with this outcome.
        Check(CareTier),
        /// The back-to-running plan started today at this stage.
        StartPlan(Stage),
        /// A walk-run session from the timer, with its pain.
        Session { during: u8, after: u8 },
        /// A run logged in the Log: its length, whether it was hard, and its pain if given.
        Run {
            km: u8,
            minutes: u8,
            hard: bool,
            pain: Option<(u8, u8)>,
        },
        /// A pain entry for today.
        Pain { score: u8, stiff: bool },
        /// "I've been seen", and what they were told, recorded today.
        Seen(Advice),
        /// Days go by.
        Wait(u8),
    }

    fn an_action() -> impl Strategy<Value = Action> {
        let score = 0u8..=7;
        prop_oneof![
            1 => prop_oneof![
                Just(CareTier::SelfManage),
                Just(CareTier::SeeProfessionalSoon),
                Just(CareTier::SameDay),
            ]
            .prop_map(Action::Check),
            2 => (0..Stage::ALL.len()).prop_map(|i| Action::StartPlan(Stage::ALL[i])),
            4 => (score.clone(), score.clone())
                .prop_map(|(during, after)| Action::Session { during, after }),
            3 => (
                1u8..12,
                10u8..80,
                any::<bool>(),
                proptest::option::of((score.clone(), score.clone()))
            )
                .prop_map(|(km, minutes, hard, pain)| Action::Run {
                    km,
                    minutes,
                    hard,
                    pain
                }),
            3 => (score, any::<bool>()).prop_map(|(score, stiff)| Action::Pain { score, stiff }),
            1 => (0..Advice::ALL.len()).prop_map(|i| Action::Seen(Advice::ALL[i])),
            5 => (1u8..4).prop_map(Action::Wait),
        ]
    }

    /// The runner's data and the day, as the app holds them.
    struct World {
        data: DataSet,
        today: NaiveDate,
        /// The runner's UTC offset and the local hour everything happens at: an evening west
        /// of Greenwich is already tomorrow in UTC, and the coach must count local days.
        here: FixedOffset,
        hour: u32,
        tick: u32,
    }

    /// Everything the screens show about the knee, as of one day.
    struct Shown {
        situation: Situation,
        /// Home's and Recovery's first card.
        week: ThisWeek,
        /// Recovery's plan card, when a plan is current.
        plan: Option<ProtocolState>,
        warnings: LoadReport,
    }

    impl World {
        fn new() -> World {
            World::living(FixedOffset::east_opt(0).unwrap(), 8)
        }

        fn living(here: FixedOffset, hour: u32) -> World {
            World {
                data: DataSet {
                    settings: Settings {
                        units: DistanceUnit::Mi,
                        ..Settings::default()
                    },
                    ..DataSet::default()
                },
                today: NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
                here,
                hour,
                tick: 0,
            }
        }

        /// Now on the runner's clock: today at their hour, a second later each time.
        fn here_now(&mut self) -> DateTime<FixedOffset> {
            self.tick += 1;
            let local = self
                .today
                .and_hms_opt(self.hour, 0, self.tick % 60)
                .unwrap();
            local.and_local_timezone(self.here).single().unwrap()
        }

        fn now(&mut self) -> DateTime<Utc> {
            self.here_now().to_utc()
        }

        fn id(&mut self) -> RecordId {
            self.tick += 1;
            RecordId::from_random_bits(u128::from(self.tick))
        }

        fn run(&mut self, kind: RunKind, metres: f64, minutes: u32, pain: Option<(u8, u8)>) -> Run {
            let updated_at = self.now();
            Run {
                kind,
                updated_at,
                pain_during: pain.and_then(|(during, _)| PainScore::new(during)),
                pain_after: pain.and_then(|(_, after)| PainScore::new(after)),
                ..Run::easy(
                    self.id(),
                    self.today,
                    Distance::from_metres(metres),
                    Duration::from_minutes(minutes),
                )
            }
        }

        fn apply(&mut self, action: &Action) {
            let command = match *action {
                Action::Check(tier) => {
                    let at = self.here_now();
                    Command::RecordCheck(TriageRecord {
                        id: self.id(),
                        updated_at: at.to_utc(),
                        taken_at: at,
                        care_tier: tier,
                        conditions: vec!["patellofemoral".into()],
                        answers: Default::default(),
                    })
                }
                Action::StartPlan(stage) => Command::StartProtocol {
                    start: ProtocolStart {
                        date: self.today,
                        stage,
                        from_knee_check: None,
                    },
                    now: self.now(),
                },
                Action::Session { during, after } => {
                    Command::AddRun(self.run(RunKind::Recovery, 2500.0, 21, Some((during, after))))
                }
                Action::Run {
                    km,
                    minutes,
                    hard,
                    pain,
                } => {
                    let kind = if hard { RunKind::Tempo } else { RunKind::Easy };
                    let run = self.run(kind, f64::from(km) * 1000.0, u32::from(minutes), pain);
                    Command::AddRun(run)
                }
                Action::Pain { score, stiff } => Command::AddPain(PainEntry {
                    id: self.id(),
                    updated_at: self.now(),
                    date: self.today,
                    pain: PainScore::new(score).unwrap(),
                    areas: Vec::new(),
                    morning_stiffness: stiff,
                    note: String::new(),
                }),
                Action::Seen(advice) => {
                    let at = self.here_now();
                    Command::RecordVisit(Visit {
                        id: self.id(),
                        updated_at: at.to_utc(),
                        recorded_at: at,
                        advice,
                    })
                }
                Action::Wait(days) => {
                    self.today = self.today + Days::new(u64::from(days));
                    return;
                }
            };
            command.apply(&mut self.data);
        }

        fn shown(&self) -> Shown {
            let situation = self.data.situation(self.today);
            let plan = situation
                .on_plan()
                .then(|| self.data.plan_progress(self.today))
                .flatten()
                .map(|progress| progress.state);
            let warnings = analyse_in(
                &self.data.runs,
                &self.data.pain,
                &self.data.settings,
                self.today,
                &situation,
            );
            Shown {
                week: situation.this_week(),
                situation,
                plan,
                warnings,
            }
        }

        /// While the latest "I've been seen" answer is newer than the latest check, whatever
        /// happened since (runs, pain, a plan started, days), the coach follows it.
        fn follows_the_latest_answer(&self, shown: &Shown) -> Result<(), TestCaseError> {
            let Some(visit) = self.data.latest_visit() else {
                return Ok(());
            };
            let check = self.data.latest_check();
            if check.is_some_and(|c| c.taken_at > visit.recorded_at) {
                return Ok(());
            }
            let seen = visit.recorded_at.date_naive();
            let now = &shown.situation;
            match visit.advice {
                Advice::RestUntilReviewed => {
                    prop_assert_eq!(now, &Situation::RestUntilReviewed { seen });
                    prop_assert!(!now.run_today() && shown.plan.is_none());
                    // The review is one more answer to record.
                    prop_assert!(now.asks_to_be_seen());
                }
                Advice::OwnProgramme => {
                    prop_assert_eq!(now, &Situation::OwnProgramme { seen });
                    prop_assert!(now.run_today() && shown.plan.is_none());
                    prop_assert!(now.volume_warnings_apply());
                }
                Advice::Cleared => {
                    // Nothing asks to be seen again, and a current plan is followed.
                    prop_assert!(!now.asks_to_be_seen(), "{:?}", now);
                    let plan_current = self.data.recovery.start.as_ref().is_some_and(|start| {
                        check.is_none_or(|c| start.date >= c.taken_at.date_naive())
                    });
                    if plan_current {
                        prop_assert!(
                            now.on_plan() || matches!(now, Situation::BackToNormal { .. }),
                            "{:?}",
                            now
                        );
                    } else {
                        prop_assert!(
                            matches!(
                                now,
                                Situation::ReadyToReturn { .. } | Situation::BackToNormal { .. }
                            ),
                            "{:?}",
                            now
                        );
                    }
                }
            }
            Ok(())
        }

        /// The plan as it stood before the runs from `drop_runs_from` on (and, with `drop_pain`,
        /// today's pain entries) were logged: the state an action's rule is measured from.
        fn plan_without(
            &self,
            drop_runs_from: NaiveDate,
            drop_pain: bool,
        ) -> Option<ProtocolState> {
            let mut before = self.data.clone();
            before.runs.retain(|run| run.date < drop_runs_from);
            if drop_pain {
                before.pain.retain(|entry| entry.date < self.today);
            }
            before.plan_progress(self.today).map(|p| p.state)
        }

        /// What the model says the action must have done to the plan, judged against the plan
        /// as it stood before (`before`, the state without the facts that decide it).
        fn expect(&self, action: &Action, shown: &Shown) -> Result<(), TestCaseError> {
            self.follows_the_latest_answer(shown)?;
            // The result of a check just taken says this week in Home's words: the same
            // headline, actions and limit, while no plan or visit says otherwise.
            if matches!(action, Action::Check(_))
                && self.data.recovery.start.is_none()
                && self.data.visits.is_empty()
            {
                if let Some(check) = self.data.latest_check() {
                    let answers = crate::domain::triage::Answers::from_record_map(&check.answers);
                    let outcome = crate::domain::triage::evaluate(&answers);
                    let screen = crate::domain::knee_check_result::first_screen(&outcome, check);
                    if !outcome.stopped_early {
                        prop_assert_eq!(&screen.do_heading, &shown.week.headline);
                        prop_assert_eq!(&screen.do_now, &shown.week.actions);
                    }
                }
            }
            // A plan started today follows a check taken today, on the runner's clock: an
            // evening check west of Greenwich is not "tomorrow".
            if matches!(action, Action::StartPlan(_)) && self.data.visits.is_empty() {
                if let Some(check) = self.data.latest_check() {
                    if !check.found_warning_sign() && !check.care_comes_first() {
                        prop_assert!(
                            shown.situation.on_plan()
                                || matches!(shown.situation, Situation::BackToNormal { .. }),
                            "a plan started on the day of a check at {} is ignored: {:?}",
                            check.taken_at,
                            shown.situation
                        );
                    }
                }
            }
            let limit = PainRule::Recovery.limit();
            let Some(now) = &shown.plan else {
                return Ok(());
            };
            // Runs the plan reads: from its start on.
            let start = self.data.recovery.start.as_ref().map(|s| s.date);
            let ran_on = |date: NaiveDate| {
                start.is_some_and(|start| date >= start)
                    && self.data.runs.iter().any(|run| run.date == date)
            };
            let yesterday = self.today.pred_opt().unwrap();
            let stepped_back_from = |before: &ProtocolState| {
                if before.finished {
                    Stage::Week5
                } else {
                    before.stage.previous()
                }
            };
            match *action {
                // The morning after running, above the limit: the plan steps back once, from
                // where it stood before yesterday's running, and says so.
                Action::Pain { score, .. }
                    if score > limit && ran_on(yesterday) && !ran_on(self.today) =>
                {
                    let last_of_yesterday = self
                        .data
                        .runs
                        .iter()
                        .filter(|run| run.date == yesterday)
                        .max_by_key(|run| run.updated_at)
                        .map(|run| run.updated_at);
                    let mut before = self.data.clone();
                    before
                        .runs
                        .retain(|run| Some(run.updated_at) != last_of_yesterday);
                    before.pain.retain(|entry| entry.date < self.today);
                    let Some(before) = before.plan_progress(self.today).map(|p| p.state) else {
                        return Ok(());
                    };
                    prop_assert_eq!(now.stage, stepped_back_from(&before));
                    prop_assert_eq!(now.done_in_stage, 0);
                    let decision = now.last_decision().unwrap();
                    prop_assert_eq!(decision.change, Change::SteppedBack);
                    prop_assert!(decision.reason.contains("/10"), "{}", decision.reason);
                    let resting = matches!(now.today, Today::KneeAboveLimit { .. });
                    prop_assert!(resting, "{:?}", now.today);
                }
                // A pain entry on a day without running, above the limit: the plan holds.
                Action::Pain { score, .. }
                    if score > limit
                        && !ran_on(yesterday)
                        && !ran_on(self.today)
                        && !now.finished =>
                {
                    let before = self.plan_without(self.today, true);
                    if let Some(before) = before {
                        prop_assert_eq!(
                            (now.stage, now.done_in_stage),
                            (before.stage, before.done_in_stage)
                        );
                    }
                    let decision = now.last_decision().unwrap();
                    prop_assert_eq!(decision.change, Change::Held);
                    prop_assert!(
                        decision.reason.starts_with("Your knee was "),
                        "{}",
                        decision.reason
                    );
                }
                // A run or session with pain above the limit steps back.
                Action::Session { during, after }
                | Action::Run {
                    pain: Some((during, after)),
                    ..
                } if during.max(after) > limit => {
                    let pain_today = self.data.pain.iter().any(|e| e.date == self.today);
                    let runs_today = self
                        .data
                        .runs
                        .iter()
                        .filter(|r| r.date == self.today)
                        .count();
                    if !pain_today && runs_today == 1 {
                        if let Some(before) = self.plan_without(self.today, false) {
                            prop_assert_eq!(now.stage, stepped_back_from(&before));
                        }
                        prop_assert_eq!(
                            now.last_decision().map(|d| d.change),
                            Some(Change::SteppedBack)
                        );
                    }
                }
                _ => {}
            }
            Ok(())
        }
    }

    /// Every "N out of 10" and "N/10 or less" and "above N/10" in `text` names `limit`.
    fn states_only(text: &str, limit: u8) -> bool {
        let limit = limit.to_string();
        let number_before = |piece: &str| piece.rsplit(' ').next().unwrap_or_default().to_string();
        let mut ok = true;
        for marker in [" out of 10", "/10 or less"] {
            let pieces: Vec<&str> = text.split(marker).collect();
            for before in &pieces[..pieces.len() - 1] {
                ok &= number_before(before) == limit;
            }
        }
        for after in text.split("above ").skip(1) {
            if let Some((number, _)) = after.split_once("/10") {
                if number.chars().all(|c| c.is_ascii_digit()) {
                    ok &= number == limit;
                }
            }
        }
        ok
    }

    /// What every step must show, whatever came before.
    fn agree(shown: &Shown, today: NaiveDate) -> Result<(), TestCaseError> {
        let Shown {
            situation,
            week,
            plan,
            warnings,
        } = shown;
        let rule = situation.pain_rule();
        let limit = rule.limit();
        // "I've been seen" is offered exactly where the card says when to see someone.
        prop_assert_eq!(week.see_someone.is_some(), situation.asks_to_be_seen());
        // The limit, in the same words and number everywhere.
        let mut said: Vec<&str> = week.actions.iter().map(String::as_str).collect();
        said.extend(week.see_someone.as_deref());
        said.extend(week.today.as_deref());
        for warning in &warnings.warnings {
            said.push(&warning.what_to_do);
        }
        let reason = plan
            .as_ref()
            .and_then(|p| p.last_decision())
            .map(|d| d.reason.clone());
        said.extend(reason.as_deref());
        for text in &said {
            prop_assert!(states_only(text, limit), "{situation:?}: {text}");
        }
        match situation {
            Situation::OnPlan {
                stage,
                setback,
                today: plan_today,
                ..
            } => {
                let state = plan.as_ref().expect("a plan behind the situation");
                // The headline: one stage on every card and in every warning.
                prop_assert_eq!(
                    &week.headline,
                    &format!("Back-to-running plan: {}", stage.title())
                );
                prop_assert_eq!(state.headline(), format!("Now: {}", stage.title()));
                prop_assert_eq!(state.stage, *stage);
                prop_assert!(!state.finished);
                prop_assert_eq!(rule, PainRule::Recovery);
                // The limit sentence on the card and in "How the plan decides".
                prop_assert!(week.actions.iter().any(|a| a == rule.sentence()));
                prop_assert!(protocol::how_it_decides().starts_with(rule.sentence()));
                // Whether to run today: one answer on the cards and in the warnings.
                let words = plan_today.words(*stage);
                prop_assert_eq!(week.today.as_deref(), Some(words.as_str()));
                prop_assert_eq!(state.today_words(), words.clone());
                prop_assert_eq!(situation.run_today(), words.starts_with("Today: a "));
                // A step back or hold is shown on the card, and is Home's warning while recent;
                // no other warning speaks on the plan.
                prop_assert_eq!(setback.as_ref(), state.setback());
                for warning in &warnings.warnings {
                    prop_assert!(
                        matches!(warning.rule, Rule::PlanSteppedBack | Rule::PlanHeld),
                        "{:?} on the plan",
                        warning.rule
                    );
                    prop_assert!(warning.what_to_do.ends_with(&words));
                    prop_assert!(warning.seen.starts_with(stage.title()));
                }
                match setback {
                    Some(decision) => {
                        prop_assert!(week.actions.contains(&decision.reason));
                        let recent = (today - decision.date).num_days() < 7;
                        prop_assert_eq!(warnings.warnings.len(), usize::from(recent));
                        if let Some(warning) = warnings.warnings.first() {
                            prop_assert!(warning.what_to_do.starts_with(&decision.reason));
                            prop_assert_eq!(
                                warning.rule == Rule::PlanSteppedBack,
                                decision.change == Change::SteppedBack
                            );
                        }
                    }
                    None => prop_assert!(warnings.warnings.is_empty()),
                }
            }
            _ => {
                prop_assert_eq!(week.today.as_ref(), None);
                prop_assert!(warnings
                    .warnings
                    .iter()
                    .all(|w| !matches!(w.rule, Rule::PlanSteppedBack | Rule::PlanHeld)));
                if !situation.run_today() {
                    prop_assert!(!week.headline.contains("plan"), "{}", week.headline);
                }
            }
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        #[test]
        fn the_coach_says_one_thing_after_every_step(
            actions in proptest::collection::vec(an_action(), 1..40),
            hours_ahead in prop::sample::select(vec![-10, -5, -3, 0, 1, 5, 9, 13]),
            hour in 0_u32..24,
        ) {
            let mut world = World::living(FixedOffset::east_opt(hours_ahead * 3600).unwrap(), hour);
            for action in &actions {
                world.apply(action);
                let shown = world.shown();
                agree(&shown, world.today)?;
                world.expect(action, &shown)?;
            }
        }
    }

    /// The flare of issue 25, told as the runner lived it: week 3, a 4.5-mile run with a
    /// friend, 5/10 and stiff the next morning. Every part says to step back, in one sentence.
    #[test]
    fn the_flare_story_says_step_back_everywhere_in_the_same_words() {
        let mut world = World::new();
        world.apply(&Action::Check(CareTier::SelfManage));
        world.apply(&Action::Wait(14));
        world.apply(&Action::StartPlan(Stage::Week3));
        world.apply(&Action::Wait(2));
        let friend = world.run(RunKind::Easy, 7242.0, 45, None);
        Command::AddRun(friend).apply(&mut world.data);
        world.apply(&Action::Wait(1));
        world.apply(&Action::Pain {
            score: 5,
            stiff: true,
        });
        let shown = world.shown();
        agree(&shown, world.today).unwrap();
        let plan = shown.plan.as_ref().unwrap();
        let back = plan.step_back().unwrap();
        assert_eq!(plan.stage, Stage::Week2);
        assert!(
            back.reason.starts_with(
                "You moved back to week 2 because the knee was 5/10 and stiff the morning after"
            ),
            "{}",
            back.reason
        );
        assert!(back.reason.contains("'s 4.5 mi run ("), "{}", back.reason);
        assert!(back
            .reason
            .ends_with("That run was more than week 3 allows."));
        assert_eq!(shown.week.headline, "Back-to-running plan: Week 2");
        assert!(shown.week.actions.contains(&back.reason));
        let warning = &shown.warnings.warnings[0];
        assert_eq!(warning.rule, Rule::PlanSteppedBack);
        assert!(warning.what_to_do.starts_with(&back.reason));
        assert!(!shown.situation.run_today());
        // No "long run" warning measured against the weeks before.
        assert_eq!(shown.warnings.warnings.len(), 1);
    }

    /// "I've been seen", told as a runner lives it: a see-soon check, the plan started
    /// meanwhile with "have the knee looked at" on every card; seen and given their own
    /// programme, the plan steps aside (no plan card, no plan warning) and the volume
    /// warnings speak; a later review clears them and the plan is followed again.
    #[test]
    fn the_coach_follows_what_the_runner_was_told_when_seen() {
        let mut world = World::new();
        world.apply(&Action::Check(CareTier::SeeProfessionalSoon));
        let waiting = world.shown();
        agree(&waiting, world.today).unwrap();
        assert!(matches!(
            waiting.situation,
            Situation::WaitingToBeSeen { .. }
        ));
        world.apply(&Action::StartPlan(Stage::Week1));
        let asked = world.shown();
        agree(&asked, world.today).unwrap();
        assert!(asked.situation.on_plan());
        assert!(asked.week.see_someone.is_some() && asked.situation.asks_to_be_seen());

        world.apply(&Action::Wait(2));
        world.apply(&Action::Seen(Advice::OwnProgramme));
        let own = world.shown();
        agree(&own, world.today).unwrap();
        world
            .expect(&Action::Seen(Advice::OwnProgramme), &own)
            .unwrap();
        assert_eq!(own.week.headline, "Follow the programme you were given");
        assert!(own.plan.is_none() && own.situation.plan_set_aside());
        // A jump in running is the tracker's to warn about now, not the plan's.
        for (days, km) in [(0, 3), (2, 3), (7, 12)] {
            world.apply(&Action::Wait(days));
            world.apply(&Action::Run {
                km,
                minutes: km * 6,
                hard: false,
                pain: Some((1, 1)),
            });
        }
        let warned = world.shown();
        agree(&warned, world.today).unwrap();
        assert!(warned
            .warnings
            .warnings
            .iter()
            .any(|w| w.rule.is_about_volume()));

        world.apply(&Action::Wait(1));
        world.apply(&Action::Seen(Advice::Cleared));
        let cleared = world.shown();
        agree(&cleared, world.today).unwrap();
        assert!(cleared.situation.on_plan(), "{:?}", cleared.situation);
        assert_eq!(cleared.week.see_someone, None);
    }
}
