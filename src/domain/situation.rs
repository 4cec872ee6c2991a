//! Where the runner is, decided once from everything stored: no problem, waiting to be seen,
//! the first days after a knee check, running less, on the back-to-running plan, or back to
//! normal training. It is the one place that says what to do this week, so no two screens
//! can give a hurting runner different answers.
//!
//! On the back-to-running plan the plan decides, and it reads everything logged since it
//! started (`domain::protocol`): its latest step back or hold, and whether to run today, are
//! carried here so every screen and the load warnings say them in the plan's words.
//!
//! Once the runner records that they were seen ("I've been seen", a [`Visit`] recorded after
//! the latest check), the coach follows what they were told, and stops asking them to be
//! seen: cleared to follow the plan leads to the back-to-running plan; told to rest until
//! reviewed is rest, with the review to record; given their own programme sets Patella's plan
//! aside and keeps the tracker and the load warnings. A knee check taken after a visit asks
//! again. A plan started before a rest or own-programme answer waits until a later answer
//! clears the runner for it.
//!
//! The timings follow the knee check's plan (the seed's phases): rest from running for the
//! first 24 to 48 hours, cross-train and run less in weeks 1 to 2, then return with walk-run
//! intervals, which is the back-to-running plan.

use chrono::NaiveDate;

use crate::domain::pain::PainRule;
use crate::domain::protocol::{Decision, ProtocolState, Stage, Today};
use crate::domain::records::{Advice, CareTier, TriageRecord, Visit};
use crate::domain::triage::rules::Referral;
use crate::domain::triage::{engine, Answers};

/// How long the first days' care lasts after a knee check: the plan's 24 to 48 hours.
pub const FIRST_DAYS: i64 = 2;
/// Until the end of "weeks 1 to 2": running less, cross-training, strength work.
pub const REDUCED_LOAD_DAYS: i64 = 14;
/// After this long with no plan started and no newer check, a self-care check no longer
/// decides the week (the plan's "weeks 2 to 6" are over).
pub const CHECK_STILL_CURRENT_DAYS: i64 = 42;

/// The offer's words, as the cards' actions name it (`components::been_seen` shows them).
pub const BEEN_SEEN: &str = "I've been seen";
/// The same offer while resting until a review.
pub const HAD_MY_REVIEW: &str = "I've had my review";

/// While a knee that must be examined first waits for it: what the week says, and what the
/// result adds to the care a warning sign needs when that care is days away.
pub const REST_UNTIL_EXAMINED: &str = "Until then, rest the knee from running and strength \
work; walking and cycling that do not hurt are fine.";

/// The back-to-running plan as stored and replayed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanProgress {
    pub started: NaiveDate,
    pub state: ProtocolState,
}

/// Where the runner is now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Situation {
    /// No knee check and no plan: ordinary training, with the load warnings.
    NoProblem,
    /// The latest check said to be seen (same day, or soon) and nothing newer says otherwise.
    WaitingToBeSeen {
        checked: NaiveDate,
        tier: CareTier,
        /// Nothing that loads the knee until it has been examined (a warning sign, or a
        /// likely injury); otherwise the runner runs less meanwhile.
        examine_first: bool,
        /// Who, and how soon, for "see a professional soon".
        referral: Referral,
    },
    /// Within 48 hours of a self-care check, for a pain that started in the last days.
    FirstDays { checked: NaiveDate },
    /// Weeks 1 to 2 after a self-care check: running less.
    ReducedLoad { checked: NaiveDate },
    /// Weeks 2 to 6 after a self-care check, with the back-to-running plan not yet started.
    ReadyToReturn { checked: NaiveDate },
    /// On the back-to-running plan, at a step.
    OnPlan {
        stage: Stage,
        done: u32,
        needed: u32,
        /// The plan's latest decision when it stepped back or did not count what was
        /// logged: every screen keeps it in view until a run counts again.
        setback: Option<Decision>,
        /// Whether to run today, as the plan says.
        today: Today,
        /// The check before the plan said to see someone soon as well.
        also_see_someone: bool,
    },
    /// The plan finished, or a self-care check long past: normal training again.
    BackToNormal { since: NaiveDate },
    /// Seen, and told to rest until a review: no running, and the review to record.
    RestUntilReviewed { seen: NaiveDate },
    /// Seen, and given a programme of their own: Patella's plan steps aside; the tracker
    /// and the load warnings stay.
    OwnProgramme { seen: NaiveDate },
}

/// What the situation asks this week, in the runner's words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ThisWeek {
    pub headline: String,
    /// At most three, each an action.
    pub actions: Vec<String>,
    /// When to see someone; `None` when nothing calls for it beyond the usual safety net.
    pub see_someone: Option<String>,
    /// How far into the plan's step the runner is, while on the plan.
    pub progress: Option<String>,
    /// Whether to run today, while on the plan: "Today: rest. …".
    pub today: Option<String>,
}

/// Decides the situation from the latest knee check, the latest "I've been seen" answer and
/// the back-to-running plan, if one was ever started.
pub fn situation(
    today: NaiveDate,
    latest: Option<&TriageRecord>,
    visit: Option<&Visit>,
    plan: Option<&PlanProgress>,
) -> Situation {
    let checked = latest.map(|check| check.taken_at.date_naive());
    // A visit answers the check before it; a newer check asks again.
    let visit = visit.filter(|v| latest.is_none_or(|c| v.recorded_at >= c.taken_at));
    if let Some(visit) = visit {
        let seen = visit.recorded_at.date_naive();
        match visit.advice {
            Advice::RestUntilReviewed => return Situation::RestUntilReviewed { seen },
            Advice::OwnProgramme => return Situation::OwnProgramme { seen },
            Advice::Cleared => {}
        }
    }
    let cleared = visit.map(|v| v.recorded_at.date_naive());
    // A plan counts when it started on or after the latest check: a newer check that said
    // to be seen outranks a plan from before it.
    let current_plan = plan.filter(|p| checked.is_none_or(|day| p.started >= day));

    if let Some(check) = latest.filter(|_| cleared.is_none()) {
        let day = check.taken_at.date_naive();
        if check.found_warning_sign() {
            return Situation::WaitingToBeSeen {
                checked: day,
                tier: check.care_tier,
                examine_first: true,
                referral: check.referral(),
            };
        }
        // A plan started meanwhile is followed after a plain "see someone soon" (it is
        // gentler than running half the usual week), but never over a knee to be examined
        // first: that waits for "I've been seen".
        if check.care_comes_first()
            || (current_plan.is_none() && check.care_tier == CareTier::SeeProfessionalSoon)
        {
            return Situation::WaitingToBeSeen {
                checked: day,
                tier: CareTier::SeeProfessionalSoon,
                examine_first: check.care_comes_first(),
                referral: check.referral(),
            };
        }
    }

    if let Some(progress) = current_plan {
        let state = &progress.state;
        if state.finished {
            let since = state.last_decision().map_or(progress.started, |d| d.date);
            return Situation::BackToNormal { since };
        }
        return Situation::OnPlan {
            stage: state.stage,
            done: state.done_in_stage,
            needed: state.stage.info().sessions_needed,
            setback: state.setback().cloned(),
            today: state.today,
            also_see_someone: cleared.is_none()
                && latest.is_some_and(|c| c.care_tier == CareTier::SeeProfessionalSoon),
        };
    }

    // Cleared to follow the plan, not yet started: walk-run from now, for as long as a
    // self-care check would have offered it.
    if let Some(seen) = cleared {
        let checked = checked.unwrap_or(seen);
        return if (today - seen).num_days() < CHECK_STILL_CURRENT_DAYS {
            Situation::ReadyToReturn { checked }
        } else {
            Situation::BackToNormal {
                since: seen + chrono::Days::new(CHECK_STILL_CURRENT_DAYS as u64),
            }
        };
    }

    match (latest, checked) {
        (Some(check), Some(day)) => match (today - day).num_days() {
            // First-day care (rest, ice, raise the leg) fits only a pain that started in
            // the last days; a runner hurting for weeks starts by running less.
            days if days < FIRST_DAYS && started_in_the_last_days(check) => {
                Situation::FirstDays { checked: day }
            }
            days if days < REDUCED_LOAD_DAYS => Situation::ReducedLoad { checked: day },
            days if days < CHECK_STILL_CURRENT_DAYS => Situation::ReadyToReturn { checked: day },
            _ => Situation::BackToNormal {
                since: day + chrono::Days::new(CHECK_STILL_CURRENT_DAYS as u64),
            },
        },
        _ => Situation::NoProblem,
    }
}

/// What the knee check said to do in its first week, as of the day it was taken: the same
/// words Home shows for it, so the result and Home cannot disagree.
pub fn after_check(check: &TriageRecord) -> Situation {
    situation(check.taken_at.date_naive(), Some(check), None, None)
}

fn started_in_the_last_days(check: &TriageRecord) -> bool {
    engine::started_in_the_last_days(&Answers::from_record_map(&check.answers))
}

impl Situation {
    /// The pain rule in force: ordinary training's, or the stricter one while the knee
    /// recovers (every situation from a knee check to the end of the plan), which is the
    /// limit the back-to-running plan itself counts sessions by.
    pub fn pain_rule(&self) -> PainRule {
        match self {
            Situation::NoProblem | Situation::BackToNormal { .. } => PainRule::Training,
            _ => PainRule::Recovery,
        }
    }

    /// Whether running today fits what the situation asks: not while waiting to have the
    /// knee examined, in the first days' rest, or when the plan says rest today.
    pub fn run_today(&self) -> bool {
        match self {
            Situation::WaitingToBeSeen {
                tier,
                examine_first,
                ..
            } => !examine_first && *tier == CareTier::SeeProfessionalSoon,
            Situation::FirstDays { .. } | Situation::RestUntilReviewed { .. } => false,
            Situation::OnPlan { today, .. } => today.run(),
            _ => true,
        }
    }

    /// Whether the back-to-running plan decides this week, and so speaks for the load
    /// warnings too (`domain::load` lets its own rules defer).
    pub fn on_plan(&self) -> bool {
        matches!(self, Situation::OnPlan { .. })
    }

    /// Whether the load warnings about running volume speak. During recovery the plan's own
    /// progression decides how much to run, so "up more than 30%" would contradict it.
    /// With a programme of their own, the runner's clinician decides how much to run, and
    /// the warnings are the tracker's help with it, as in ordinary training.
    pub fn volume_warnings_apply(&self) -> bool {
        matches!(
            self,
            Situation::NoProblem | Situation::BackToNormal { .. } | Situation::OwnProgramme { .. }
        )
    }

    /// Whether the situation asks the runner to be seen, so "I've been seen" is offered:
    /// waiting to be seen, on the plan with a check that said to see someone too, or resting
    /// until a review (the review is one more visit to record).
    pub fn asks_to_be_seen(&self) -> bool {
        matches!(
            self,
            Situation::WaitingToBeSeen { .. }
                | Situation::RestUntilReviewed { .. }
                | Situation::OnPlan {
                    also_see_someone: true,
                    ..
                }
        )
    }

    /// Whether what the runner was told sets Patella's back-to-running plan aside: Recovery
    /// then shows no plan to start or follow.
    pub fn plan_set_aside(&self) -> bool {
        matches!(
            self,
            Situation::RestUntilReviewed { .. } | Situation::OwnProgramme { .. }
        )
    }

    /// What to do this week.
    pub fn this_week(&self) -> ThisWeek {
        let pain_rule = self.pain_rule().sentence();
        let week = |headline: &str, actions: &[&str], see: Option<&str>| ThisWeek {
            headline: headline.to_string(),
            actions: actions.iter().map(|a| a.to_string()).collect(),
            see_someone: see.map(str::to_string),
            progress: None,
            today: None,
        };
        match self {
            Situation::NoProblem => week(
                "Train as planned, and build up gently",
                &[
                    "Add no more than about 10% a week to your running.",
                    "Keep any single run close to your longest of the past month.",
                    "If your knee starts to hurt, do the knee check.",
                ],
                None,
            ),
            Situation::WaitingToBeSeen {
                tier,
                examine_first,
                referral,
                ..
            } => match tier {
                CareTier::EmergencyNow => week(
                    "Get emergency care now",
                    &[
                        "Go to an emergency department, or call your local emergency number.",
                        "Do not force the knee straight, and do not drive yourself.",
                    ],
                    Some("Now: your last knee check found a knee that is locked."),
                ),
                CareTier::SameDay => week(
                    "Have your knee seen today",
                    &[
                        "Go to urgent care, a same-day clinic or an emergency department.",
                        "Do not run until someone has examined the knee.",
                        "Once you have been seen, tap \"I've been seen\" on Home and say what you were told.",
                    ],
                    Some("Today: your last knee check found a warning sign."),
                ),
                _ => {
                    let meanwhile = if *examine_first {
                        REST_UNTIL_EXAMINED
                    } else {
                        "Meanwhile, run less: about half your usual week, easy, keeping pain at 3 out of 10 or less."
                    };
                    let why = if *examine_first {
                        "your last knee check said to have the knee examined first."
                    } else {
                        "your last knee check said to have the knee looked at."
                    };
                    let within = referral.within_words();
                    ThisWeek {
                        headline: format!("Book a visit with {}", referral.who_words()),
                        actions: vec![
                            format!("Book it for {within}."),
                            meanwhile.to_string(),
                            "After the visit, tap \"I've been seen\" on Home and say what you were told.".to_string(),
                        ],
                        see_someone: Some(format!("In {within}: {why}")),
                        progress: None,
                        today: None,
                    }
                }
            },
            Situation::FirstDays { .. } => week(
                "Rest from running for a day or two",
                &[
                    "Ice for 10 to 15 minutes at a time and raise the leg.",
                    "Keep moving in ways that do not hurt, such as swimming or cycling.",
                    "Note the pain from 0 to 10 each day in the Log.",
                ],
                None,
            ),
            Situation::ReducedLoad { .. } => week(
                "Run less; keep fit other ways",
                &[
                    "Keep fit with cycling, pool running or the cross-trainer.",
                    "Do the strength exercises, in ranges that do not hurt.",
                    pain_rule,
                ],
                None,
            ),
            Situation::ReadyToReturn { .. } => week(
                "Return to running with walk-run sessions",
                &[
                    "Start the back-to-running plan in Recovery: walk-run every other day.",
                    "Keep up the strength exercises two or three times a week.",
                    pain_rule,
                ],
                None,
            ),
            Situation::OnPlan {
                stage,
                done,
                needed,
                setback,
                today,
                also_see_someone,
            } => {
                let mut actions = vec![stage.info().what.to_string()];
                if let Some(decision) = setback {
                    actions.push(decision.reason.clone());
                }
                actions.push(pain_rule.to_string());
                actions.truncate(3);
                ThisWeek {
                    headline: format!("Back-to-running plan: {}", stage.title()),
                    actions,
                    see_someone: also_see_someone.then(|| {
                        "If you have not yet, have the knee looked at by a GP or physiotherapist.".to_string()
                    }),
                    progress: Some(format!("{done} of {needed} sessions done at this step.")),
                    today: Some(today.words(*stage)),
                }
            }
            Situation::BackToNormal { .. } => week(
                "Back to normal training, built up gently",
                &[
                    "Add no more than about 10% a week to your running.",
                    "Keep up hip and glute strength work two or three times a week.",
                    pain_rule,
                ],
                None,
            ),
            Situation::RestUntilReviewed { .. } => week(
                "Rest from running until your review",
                &[
                    "Rest the knee from running, as you were told, until you are reviewed.",
                    "Keep to what you were told about walking, cycling and exercises.",
                    "After the review, tap \"I've had my review\" and say what you were told.",
                ],
                Some("At your review. If the knee gets worse before then, contact the clinic sooner."),
            ),
            Situation::OwnProgramme { .. } => week(
                "Follow the programme you were given",
                &[
                    "Follow your clinician's programme; Patella's back-to-running plan steps aside.",
                    "Log your runs and pain: the load warnings still watch for sudden jumps.",
                    pain_rule,
                ],
                None,
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, Utc};

    use super::*;
    use crate::domain::protocol::{self, Change, Logged, Session};
    use crate::domain::records::latest_check;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap_or_else(|e| panic!("{text}: {e}"))
    }

    fn check(taken: &str, tier: CareTier, conditions: &[&str]) -> TriageRecord {
        let at: DateTime<Utc> = format!("{taken}T08:00:00Z")
            .parse()
            .unwrap_or_else(|e| panic!("{e}"));
        TriageRecord {
            id: crate::domain::records::RecordId::from_random_bits(
                taken.len() as u128 + u128::from(at.timestamp().unsigned_abs()),
            ),
            updated_at: at,
            taken_at: at.fixed_offset(),
            care_tier: tier,
            conditions: conditions.iter().map(|c| c.to_string()).collect(),
            answers: Default::default(),
        }
    }

    fn plan(started: &str, sessions: &[(&str, u8)]) -> PlanProgress {
        let sessions: Vec<Session> = sessions
            .iter()
            .map(|(date, pain)| Session {
                date: day(date),
                pain_during: Some(*pain),
                pain_after: Some(*pain),
                ..Session::default()
            })
            .collect();
        let logged = Logged {
            sessions,
            ..Logged::default()
        };
        PlanProgress {
            started: day(started),
            state: protocol::evaluate(day(started), Stage::Week1, &logged),
        }
    }

    const SELF: CareTier = CareTier::SelfManage;

    /// (what happens, today, checks stored, the plan, the situation expected)
    type Case = (
        &'static str,
        &'static str,
        Vec<TriageRecord>,
        Option<PlanProgress>,
        Situation,
    );

    #[test]
    fn every_transition() {
        let itb = check("2026-11-01", SELF, &["it_band"]);
        let table: Vec<Case> = vec![
            (
                "nothing stored",
                "2026-11-10",
                vec![],
                None,
                Situation::NoProblem,
            ),
            (
                "a new self-care check: the first days",
                "2026-11-02",
                vec![itb.clone()],
                None,
                Situation::FirstDays {
                    checked: day("2026-11-01"),
                },
            ),
            (
                "time passing: running less in weeks 1 to 2",
                "2026-11-05",
                vec![itb.clone()],
                None,
                Situation::ReducedLoad {
                    checked: day("2026-11-01"),
                },
            ),
            (
                "time passing: ready for walk-run",
                "2026-11-20",
                vec![itb.clone()],
                None,
                Situation::ReadyToReturn {
                    checked: day("2026-11-01"),
                },
            ),
            (
                "time passing: a check six weeks old no longer decides",
                "2026-12-20",
                vec![itb.clone()],
                None,
                Situation::BackToNormal {
                    since: day("2026-12-13"),
                },
            ),
            (
                "a plan started",
                "2026-11-20",
                vec![itb.clone()],
                Some(plan("2026-11-16", &[("2026-11-16", 2)])),
                Situation::OnPlan {
                    stage: Stage::Week1,
                    done: 1,
                    needed: 3,
                    setback: None,
                    today: Today::Session,
                    also_see_someone: false,
                },
            ),
            (
                "a red flag in a newer check outranks the plan",
                "2026-11-20",
                vec![itb.clone(), check("2026-11-19", CareTier::SameDay, &[])],
                Some(plan("2026-11-16", &[("2026-11-16", 2)])),
                Situation::WaitingToBeSeen {
                    checked: day("2026-11-19"),
                    tier: CareTier::SameDay,
                    examine_first: true,
                    referral: Referral::USUAL,
                },
            ),
            (
                "see someone soon, with no plan",
                "2026-11-20",
                vec![check(
                    "2026-11-19",
                    CareTier::SeeProfessionalSoon,
                    &["behind_knee"],
                )],
                None,
                Situation::WaitingToBeSeen {
                    checked: day("2026-11-19"),
                    tier: CareTier::SeeProfessionalSoon,
                    examine_first: false,
                    referral: Referral::USUAL,
                },
            ),
            (
                "a likely injury waits to be seen even at self-care",
                "2026-11-20",
                vec![check("2026-11-19", SELF, &["acute_injury"])],
                None,
                Situation::WaitingToBeSeen {
                    checked: day("2026-11-19"),
                    tier: CareTier::SeeProfessionalSoon,
                    examine_first: true,
                    referral: Referral::USUAL,
                },
            ),
            (
                "a newer self-care check after being seen",
                "2026-11-22",
                vec![
                    check("2026-11-10", CareTier::SeeProfessionalSoon, &[]),
                    check("2026-11-21", SELF, &["patellofemoral"]),
                ],
                None,
                Situation::FirstDays {
                    checked: day("2026-11-21"),
                },
            ),
            (
                "a plan from before a newer see-soon check does not count",
                "2026-11-22",
                vec![check("2026-11-21", CareTier::SeeProfessionalSoon, &[])],
                Some(plan("2026-11-01", &[])),
                Situation::WaitingToBeSeen {
                    checked: day("2026-11-21"),
                    tier: CareTier::SeeProfessionalSoon,
                    examine_first: false,
                    referral: Referral::USUAL,
                },
            ),
            (
                "a step back",
                "2026-11-25",
                vec![itb.clone()],
                Some(plan(
                    "2026-11-16",
                    &[
                        ("2026-11-16", 2),
                        ("2026-11-18", 2),
                        ("2026-11-20", 2),
                        ("2026-11-22", 6),
                    ],
                )),
                Situation::OnPlan {
                    stage: Stage::Week1,
                    done: 0,
                    needed: 3,
                    setback: plan(
                        "2026-11-16",
                        &[
                            ("2026-11-16", 2),
                            ("2026-11-18", 2),
                            ("2026-11-20", 2),
                            ("2026-11-22", 6),
                        ],
                    )
                    .state
                    .step_back()
                    .cloned(),
                    today: Today::Session,
                    also_see_someone: false,
                },
            ),
        ];
        for (name, today, checks, progress, expected) in table {
            assert_eq!(
                situation(day(today), latest_check(&checks), None, progress.as_ref()),
                expected,
                "{name}"
            );
        }
    }

    #[test]
    fn a_step_back_is_named_in_this_week() {
        let progress = plan(
            "2026-11-16",
            &[
                ("2026-11-16", 2),
                ("2026-11-18", 2),
                ("2026-11-20", 2),
                ("2026-11-22", 6),
            ],
        );
        let now = situation(day("2026-11-25"), None, None, Some(&progress));
        let Situation::OnPlan {
            stage,
            setback: Some(decision),
            ..
        } = &now
        else {
            panic!("expected a step back, got {now:?}");
        };
        assert_eq!(*stage, Stage::Week1);
        assert_eq!(decision.change, Change::SteppedBack);
        assert!(now.this_week().actions.contains(&decision.reason));
    }

    #[test]
    fn a_finished_plan_is_back_to_normal() {
        let sessions: Vec<(String, u8)> = (0..15)
            .map(|i| {
                (
                    (day("2026-10-01") + chrono::Days::new(2 * i)).to_string(),
                    1,
                )
            })
            .collect();
        let refs: Vec<(&str, u8)> = sessions.iter().map(|(d, p)| (d.as_str(), *p)).collect();
        let progress = plan("2026-10-01", &refs);
        assert!(progress.state.finished);
        assert!(matches!(
            situation(day("2026-11-20"), None, None, Some(&progress)),
            Situation::BackToNormal { .. }
        ));
    }

    #[test]
    fn every_situation_has_a_headline_and_at_most_three_actions() {
        let all = [
            Situation::NoProblem,
            Situation::WaitingToBeSeen {
                checked: day("2026-11-01"),
                tier: CareTier::EmergencyNow,
                examine_first: true,
                referral: Referral::USUAL,
            },
            Situation::WaitingToBeSeen {
                checked: day("2026-11-01"),
                tier: CareTier::SameDay,
                examine_first: true,
                referral: Referral::USUAL,
            },
            Situation::WaitingToBeSeen {
                checked: day("2026-11-01"),
                tier: CareTier::SeeProfessionalSoon,
                examine_first: false,
                referral: Referral::USUAL,
            },
            Situation::FirstDays {
                checked: day("2026-11-01"),
            },
            Situation::ReducedLoad {
                checked: day("2026-11-01"),
            },
            Situation::ReadyToReturn {
                checked: day("2026-11-01"),
            },
            Situation::OnPlan {
                stage: Stage::Week2,
                done: 1,
                needed: 3,
                setback: Some(protocol::Decision {
                    date: day("2026-11-01"),
                    change: Change::SteppedBack,
                    stage: Stage::Week1,
                    reason: "Sorer the next day: back to week 1.".into(),
                }),
                today: Today::RestDay,
                also_see_someone: true,
            },
            Situation::BackToNormal {
                since: day("2026-11-01"),
            },
            Situation::RestUntilReviewed {
                seen: day("2026-11-01"),
            },
            Situation::OwnProgramme {
                seen: day("2026-11-01"),
            },
        ];
        for s in all {
            let week = s.this_week();
            assert!(!week.headline.is_empty(), "{s:?}");
            assert!((1..=3).contains(&week.actions.len()), "{s:?}");
            let waiting = matches!(s, Situation::WaitingToBeSeen { .. });
            // Whenever the card says when to see someone, "I've been seen" is offered.
            assert_eq!(week.see_someone.is_some(), s.asks_to_be_seen(), "{s:?}");
            assert_eq!(
                s.asks_to_be_seen(),
                waiting
                    || matches!(
                        s,
                        Situation::RestUntilReviewed { .. }
                            | Situation::OnPlan {
                                also_see_someone: true,
                                ..
                            }
                    ),
                "{s:?}"
            );
            // Every card that asks to be seen says where to answer, by the offer's own name.
            if s.asks_to_be_seen() && !s.on_plan() {
                let offer = match s {
                    Situation::RestUntilReviewed { .. } => HAD_MY_REVIEW,
                    _ => BEEN_SEEN,
                };
                let said = week.actions.join(" ");
                assert!(
                    said.contains(&format!("\"{offer}\""))
                        || s.this_week().headline.starts_with("Get emergency"),
                    "{s:?}: {said}"
                );
            }
            // Nobody waiting to be seen is told to run.
            if waiting {
                assert!(
                    week.actions.iter().all(|a| !a.contains("walk-run")),
                    "{s:?}"
                );
            }
            // Volume warnings only in ordinary training, and on a programme of one's own.
            assert_eq!(
                s.volume_warnings_apply(),
                matches!(
                    s,
                    Situation::NoProblem
                        | Situation::BackToNormal { .. }
                        | Situation::OwnProgramme { .. }
                )
            );
        }
    }

    #[test]
    fn recovery_has_the_plans_pain_rule_and_training_the_monitoring_models() {
        let recovering = [
            Situation::FirstDays {
                checked: day("2026-11-01"),
            },
            Situation::ReducedLoad {
                checked: day("2026-11-01"),
            },
            Situation::ReadyToReturn {
                checked: day("2026-11-01"),
            },
            Situation::WaitingToBeSeen {
                checked: day("2026-11-01"),
                tier: CareTier::SeeProfessionalSoon,
                examine_first: false,
                referral: Referral::USUAL,
            },
            Situation::OnPlan {
                stage: Stage::Week1,
                done: 0,
                needed: 3,
                setback: None,
                today: Today::Session,
                also_see_someone: false,
            },
        ];
        for s in recovering {
            assert_eq!(s.pain_rule(), PainRule::Recovery, "{s:?}");
            // The limit is the one the protocol itself counts sessions by.
            assert_eq!(s.pain_rule().limit(), crate::domain::pain::FINE_MAX);
        }
        for s in [
            Situation::NoProblem,
            Situation::BackToNormal {
                since: day("2026-11-01"),
            },
        ] {
            assert_eq!(s.pain_rule(), PainRule::Training, "{s:?}");
        }
        for rule in [PainRule::Training, PainRule::Recovery] {
            assert!(rule
                .sentence()
                .contains(&format!("{} out of 10", rule.limit())));
        }
    }

    #[test]
    fn first_day_care_only_for_a_pain_that_started_in_the_last_days() {
        let mut weeks_old = check("2026-11-01", SELF, &["it_band"]);
        weeks_old.answers.insert("duration".into(), "2_6w".into());
        assert_eq!(
            situation(day("2026-11-01"), Some(&weeks_old), None, None),
            Situation::ReducedLoad {
                checked: day("2026-11-01")
            }
        );
        let mut new = weeks_old.clone();
        new.answers.insert("duration".into(), "days".into());
        assert_eq!(
            after_check(&new),
            Situation::FirstDays {
                checked: day("2026-11-01")
            }
        );
        assert!(!after_check(&weeks_old)
            .this_week()
            .actions
            .iter()
            .any(|a| a.contains("Ice")));
    }

    #[test]
    fn see_soon_rests_the_knee_only_when_it_must_be_examined_first() {
        let soon = |examine_first| Situation::WaitingToBeSeen {
            checked: day("2026-11-01"),
            tier: CareTier::SeeProfessionalSoon,
            examine_first,
            referral: Referral::USUAL,
        };
        let rest = soon(true).this_week();
        assert!(rest
            .actions
            .iter()
            .any(|a| a.contains("rest the knee from running")));
        let meanwhile = soon(false).this_week();
        assert!(meanwhile.actions.iter().any(|a| a.contains("run less")));
        assert!(!meanwhile
            .actions
            .iter()
            .any(|a| a.contains("rest the knee")));
    }

    fn visit(recorded: &str, advice: Advice) -> Visit {
        let at: DateTime<Utc> = format!("{recorded}T18:00:00Z")
            .parse()
            .unwrap_or_else(|e| panic!("{e}"));
        Visit {
            id: crate::domain::records::RecordId::from_random_bits(u128::from(
                at.timestamp().unsigned_abs(),
            )),
            updated_at: at,
            recorded_at: at.fixed_offset(),
            advice,
        }
    }

    /// "I've been seen", from every "see someone" state: the coach follows the answer.
    #[test]
    fn the_coach_follows_what_the_runner_was_told() {
        let soon = check(
            "2026-11-10",
            CareTier::SeeProfessionalSoon,
            &["behind_knee"],
        );
        let same_day = check("2026-11-10", CareTier::SameDay, &[]);
        let injury = check("2026-11-10", SELF, &["acute_injury"]);
        let on_plan = plan("2026-11-12", &[("2026-11-12", 1)]);
        let today = day("2026-11-14");
        let with = |check: &TriageRecord, seen: Option<Visit>, plan: Option<&PlanProgress>| {
            situation(today, Some(check), seen.as_ref(), plan)
        };
        for waiting in [&soon, &same_day, &injury] {
            let before = with(waiting, None, None);
            assert!(matches!(before, Situation::WaitingToBeSeen { .. }));
            assert!(before.asks_to_be_seen());
            // Cleared: the plan is next, and nothing asks to be seen any more.
            let cleared = with(waiting, Some(visit("2026-11-13", Advice::Cleared)), None);
            assert_eq!(
                cleared,
                Situation::ReadyToReturn {
                    checked: day("2026-11-10")
                }
            );
            assert!(!cleared.asks_to_be_seen());
            assert!(cleared.this_week().actions[0].contains("back-to-running plan"));
            // Rest until reviewed: rest, and the review to record.
            let rest = with(
                waiting,
                Some(visit("2026-11-13", Advice::RestUntilReviewed)),
                None,
            );
            assert_eq!(
                rest,
                Situation::RestUntilReviewed {
                    seen: day("2026-11-13")
                }
            );
            assert!(!rest.run_today() && rest.asks_to_be_seen() && rest.plan_set_aside());
            // Their own programme: no plan of Patella's, the warnings speak, running is theirs.
            let own = with(
                waiting,
                Some(visit("2026-11-13", Advice::OwnProgramme)),
                Some(&on_plan),
            );
            assert_eq!(
                own,
                Situation::OwnProgramme {
                    seen: day("2026-11-13")
                }
            );
            assert!(own.run_today() && own.volume_warnings_apply() && own.plan_set_aside());
            assert!(!own.on_plan() && !own.asks_to_be_seen());
        }

        // On the plan with a see-soon check: "have the knee looked at" until seen.
        let asked = with(&soon, None, Some(&on_plan));
        assert!(matches!(
            asked,
            Situation::OnPlan {
                also_see_someone: true,
                ..
            }
        ));
        assert!(asked.this_week().see_someone.is_some());
        let cleared = with(
            &soon,
            Some(visit("2026-11-13", Advice::Cleared)),
            Some(&on_plan),
        );
        assert!(matches!(
            cleared,
            Situation::OnPlan {
                also_see_someone: false,
                ..
            }
        ));
        assert_eq!(cleared.this_week().see_someone, None);

        // The review, recorded after "rest until reviewed": the latest answer decides.
        let reviewed = [
            visit("2026-11-11", Advice::RestUntilReviewed),
            visit("2026-11-13", Advice::Cleared),
        ];
        assert!(situation(
            today,
            Some(&soon),
            crate::domain::records::latest_visit(&reviewed),
            Some(&on_plan)
        )
        .on_plan());
    }

    #[test]
    fn a_newer_check_asks_again_and_a_cleared_answer_runs_out_like_a_check() {
        let soon = check("2026-11-10", CareTier::SeeProfessionalSoon, &[]);
        // Recorded before the check: the check is newer, and asks again.
        let earlier = visit("2026-11-09", Advice::OwnProgramme);
        assert!(matches!(
            situation(day("2026-11-12"), Some(&soon), Some(&earlier), None),
            Situation::WaitingToBeSeen { .. }
        ));
        // Cleared and no plan started for six weeks: back to normal training.
        let cleared = visit("2026-11-11", Advice::Cleared);
        assert_eq!(
            situation(day("2026-12-30"), Some(&soon), Some(&cleared), None),
            Situation::BackToNormal {
                since: day("2026-12-23")
            }
        );
    }
}
