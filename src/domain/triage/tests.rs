//! The engine and flow as tables: scenarios from every red flag to contradictory answers,
//! a property that red flags always win, and the wizard's Back and progress.

use proptest::prelude::*;

use super::questions::{self, Kind, Section};
use super::*;
use crate::domain::content::plan::REASSURANCE;
use crate::domain::content::{ConditionId as C, FactorId as F, Phase};
use crate::domain::records::CareTier::{
    self, EmergencyNow, SameDay, SeeProfessionalSoon, SelfManage,
};

const SAFETY_IDS: [&str; 10] = [
    "rf_weight",
    "rf_walk",
    "rf_locked",
    "rf_gives_way",
    "rf_swollen",
    "rf_hot",
    "rf_numb",
    "rf_calf",
    "rf_worse_rest",
    "rf_general",
];

/// Answers from `("question", "choice,choice")` pairs; "" marks a skip.
fn answers(pairs: &[(&str, &str)]) -> Answers {
    let mut answers = Answers::new();
    for (question, choices) in pairs {
        let picked: Vec<&str> = choices.split(',').filter(|c| !c.is_empty()).collect();
        if picked.is_empty() {
            answers.skip(question);
        } else {
            answers.set(question, &picked);
        }
    }
    answers
}

/// The "nothing of these" answer of a safety question: "No", or "None of these".
fn all_clear(id: &str) -> &'static str {
    let none = questions::find(id).is_some_and(|q| q.offered_choices().any(|c| c.id == "none"));
    if none {
        "none"
    } else {
        "no"
    }
}

/// Every safety question answered "no" (or "none of these"), then the pairs given.
fn safe(pairs: &[(&str, &str)]) -> Answers {
    let mut all: Vec<(&str, &str)> = SAFETY_IDS.iter().map(|id| (*id, all_clear(id))).collect();
    all.extend_from_slice(pairs);
    answers(&all)
}

/// A fall, twist or knock with every X-ray (Ottawa) question answered "no", then `story`.
fn after_injury(story: &[(&'static str, &'static str)]) -> Answers {
    let mut all = vec![
        ("age", "under_50"),
        ("onset", "injury"),
        ("ot_bend", "no"),
        ("ot_tender", "no"),
        ("ot_swelling", "no"),
    ];
    all.extend_from_slice(story);
    safe(&all)
}

/// Safety all "no" with one red flag "yes".
fn red_flag(id: &str) -> Answers {
    let mut a = safe(&[]);
    a.set(id, &["yes"]);
    a
}

struct Scenario {
    name: &'static str,
    answers: Answers,
    tier: CareTier,
    /// The most likely condition, if one is expected.
    top: Option<C>,
    includes: &'static [C],
    excludes: &'static [C],
    factors: &'static [F],
    stopped: bool,
}

fn scenario(name: &'static str, answers: Answers, tier: CareTier) -> Scenario {
    Scenario {
        name,
        answers,
        tier,
        top: None,
        includes: &[],
        excludes: &[],
        factors: &[],
        stopped: false,
    }
}

impl Scenario {
    fn top(mut self, c: C) -> Self {
        self.top = Some(c);
        self
    }
    fn includes(mut self, c: &'static [C]) -> Self {
        self.includes = c;
        self
    }
    fn excludes(mut self, c: &'static [C]) -> Self {
        self.excludes = c;
        self
    }
    fn factors(mut self, f: &'static [F]) -> Self {
        self.factors = f;
        self
    }
    fn stopped(mut self) -> Self {
        self.stopped = true;
        self
    }
}

const PFP_GRADUAL: [(&str, &str); 6] = [
    ("onset", "gradual"),
    ("areas", "front"),
    ("feel", "dull"),
    ("triggers", "stairs,sitting"),
    ("duration", "under_2w"),
    ("before", "no"),
];

fn scenarios() -> Vec<Scenario> {
    vec![
        // Every red flag, alone.
        scenario("cannot bear weight", red_flag("rf_weight"), SameDay).stopped(),
        scenario("locked knee", red_flag("rf_locked"), EmergencyNow).stopped(),
        scenario(
            "a knee that locks at times, then frees up",
            safe(&[("rf_locked", "at_times")]),
            SameDay,
        )
        .stopped(),
        scenario(
            "locking at times wins over a mild front pain story",
            {
                let mut a = safe(&PFP_GRADUAL);
                a.set("rf_locked", &["at_times"]);
                a
            },
            SameDay,
        )
        .stopped(),
        scenario("gives way", red_flag("rf_gives_way"), SameDay).stopped(),
        scenario(
            "badly swollen or misshapen",
            red_flag("rf_swollen"),
            SameDay,
        )
        .stopped(),
        scenario("red hot with fever", red_flag("rf_hot"), SameDay).stopped(),
        scenario("numbness or tingling", red_flag("rf_numb"), SameDay).stopped(),
        scenario("swollen red calf", red_flag("rf_calf"), SameDay).stopped(),
        scenario("worse despite rest", red_flag("rf_worse_rest"), SameDay).stopped(),
        // Red flags win over everything after them.
        scenario(
            "locked knee with a mild front pain story",
            {
                let mut a = safe(&PFP_GRADUAL);
                a.set("rf_locked", &["yes"]);
                a
            },
            EmergencyNow,
        )
        .stopped(),
        scenario(
            "locked beats same-day flags",
            answers(&[
                ("rf_weight", "yes"),
                ("rf_locked", "yes"),
                ("rf_calf", "yes"),
            ]),
            EmergencyNow,
        )
        .stopped(),
        scenario(
            "red flag first screen only",
            answers(&[("rf_weight", "yes")]),
            SameDay,
        )
        .stopped(),
        scenario(
            "red flag with pain 0 (contradictory)",
            {
                let mut a = safe(&[("pain_now", "0"), ("onset", "gradual"), ("areas", "front")]);
                a.set("rf_worse_rest", &["yes"]);
                a
            },
            SameDay,
        )
        .stopped(),
        // The injury branch: any yes → same day; all no → still see someone soon.
        scenario(
            "injury, 55 or over",
            safe(&[("age", "55_plus"), ("onset", "injury")]),
            SameDay,
        )
        .stopped(),
        scenario(
            "injury, cannot bend to 90",
            safe(&[("age", "under_50"), ("onset", "injury"), ("ot_bend", "yes")]),
            SameDay,
        )
        .stopped(),
        scenario(
            "injury, swollen within a few hours",
            safe(&[
                ("onset", "injury"),
                ("ot_bend", "no"),
                ("ot_swelling", "hours"),
            ]),
            SameDay,
        )
        .stopped(),
        scenario(
            "injury, tender bone",
            safe(&[("onset", "injury"), ("ot_bend", "no"), ("ot_tender", "yes")]),
            SameDay,
        )
        .stopped(),
        scenario(
            "injury, every Ottawa item no: never ruled out, still seen soon",
            after_injury(&[("areas", "inner"), ("feel", "sharp")]),
            SeeProfessionalSoon,
        )
        .top(C::AcuteInjury)
        .includes(&[C::InnerKnee]),
        scenario(
            "injury with a front-of-knee story: the injury is named first",
            after_injury(&[
                ("areas", "front"),
                ("feel", "dull"),
                ("triggers", "stairs,sitting"),
            ]),
            SeeProfessionalSoon,
        )
        .top(C::AcuteInjury)
        .includes(&[C::Patellofemoral]),
        scenario(
            "injury, Ottawa items skipped",
            safe(&[
                ("age", ""),
                ("onset", "injury"),
                ("ot_bend", ""),
                ("ot_swelling", ""),
                ("ot_tender", ""),
            ]),
            SeeProfessionalSoon,
        )
        .top(C::AcuteInjury),
        scenario(
            "Ottawa yes left over after switching to gradual does not count",
            safe(&[
                ("onset", "injury"),
                ("ot_bend", "yes"),
                ("onset", "gradual"),
                ("areas", "front"),
            ]),
            SelfManage,
        )
        .top(C::Patellofemoral),
        // Every location.
        scenario(
            "front",
            safe(&[("onset", "gradual"), ("areas", "front")]),
            SelfManage,
        )
        .top(C::Patellofemoral),
        scenario(
            "outer",
            safe(&[("onset", "gradual"), ("areas", "outer")]),
            SelfManage,
        )
        .top(C::ItBand),
        scenario(
            "inner",
            safe(&[("onset", "gradual"), ("areas", "inner")]),
            SelfManage,
        )
        .top(C::InnerKnee),
        scenario(
            "behind: a possible cyst is worth examining soon",
            safe(&[("onset", "gradual"), ("areas", "behind")]),
            SeeProfessionalSoon,
        )
        .top(C::BehindKnee),
        scenario(
            "deep: worth examining soon",
            safe(&[("onset", "gradual"), ("areas", "deep")]),
            SeeProfessionalSoon,
        )
        .top(C::JointSurface),
        // Typical stories.
        scenario("patellofemoral story", safe(&PFP_GRADUAL), SelfManage)
            .top(C::Patellofemoral)
            .excludes(&[C::ItBand, C::AcuteInjury]),
        scenario(
            "front pain with stairs and squats, no area picked",
            safe(&[
                ("onset", "gradual"),
                ("areas", ""),
                ("triggers", "stairs,squat"),
            ]),
            SelfManage,
        )
        .top(C::Patellofemoral),
        scenario(
            "IT band after a mileage jump",
            safe(&[
                ("onset", "gradual"),
                ("areas", "outer"),
                ("burning", "yes"),
                ("timing", "during"),
                ("mileage", "over_30"),
            ]),
            SelfManage,
        )
        .top(C::ItBand)
        .factors(&[F::Load]),
        scenario(
            "burning on the outside without picking an area",
            safe(&[("onset", "gradual"), ("burning", "yes")]),
            SelfManage,
        )
        .top(C::ItBand),
        scenario(
            "deep ache with morning stiffness and painful clicks",
            safe(&[
                ("onset", "gradual"),
                ("areas", "deep"),
                ("stiffness", "yes"),
                ("clicking", "painful"),
            ]),
            SeeProfessionalSoon,
        )
        .top(C::JointSurface),
        scenario(
            "behind the knee with swelling",
            safe(&[
                ("onset", "gradual"),
                ("areas", "behind"),
                ("swelling", "yes"),
            ]),
            SeeProfessionalSoon,
        )
        .top(C::BehindKnee),
        // Combinations.
        scenario(
            "front and outer",
            safe(&[
                ("onset", "gradual"),
                ("areas", "front,outer"),
                ("triggers", "stairs"),
            ]),
            SelfManage,
        )
        .top(C::Patellofemoral)
        .includes(&[C::ItBand]),
        scenario(
            "front and outer with burning: IT band first",
            safe(&[
                ("onset", "gradual"),
                ("areas", "front,outer"),
                ("burning", "yes"),
            ]),
            SelfManage,
        )
        .top(C::ItBand)
        .includes(&[C::Patellofemoral]),
        scenario(
            "all five areas: worth examining soon",
            safe(&[
                ("onset", "gradual"),
                ("areas", "front,inner,outer,behind,deep"),
            ]),
            SeeProfessionalSoon,
        )
        .includes(&[
            C::Patellofemoral,
            C::ItBand,
            C::InnerKnee,
            C::BehindKnee,
            C::JointSurface,
        ]),
        scenario(
            "inner with stairs",
            safe(&[
                ("onset", "gradual"),
                ("areas", "inner"),
                ("triggers", "stairs"),
            ]),
            SelfManage,
        )
        .top(C::InnerKnee)
        .excludes(&[C::ItBand]),
        // See a professional soon.
        scenario(
            "over two weeks",
            safe(&[
                ("onset", "gradual"),
                ("areas", "front"),
                ("duration", "2_6w"),
            ]),
            SeeProfessionalSoon,
        )
        .top(C::Patellofemoral),
        scenario(
            "over six weeks",
            safe(&[
                ("onset", "gradual"),
                ("areas", "outer"),
                ("duration", "over_6w"),
            ]),
            SeeProfessionalSoon,
        ),
        scenario(
            "keeps coming back",
            safe(&[
                ("onset", "gradual"),
                ("areas", "front"),
                ("before", "often"),
            ]),
            SeeProfessionalSoon,
        ),
        scenario(
            "daily life affected",
            safe(&[
                ("onset", "gradual"),
                ("areas", "front"),
                ("daily_life", "yes"),
            ]),
            SeeProfessionalSoon,
        ),
        scenario(
            "strong pain at rest",
            safe(&[("onset", "gradual"), ("areas", "front"), ("pain_now", "9")]),
            SeeProfessionalSoon,
        ),
        scenario(
            "no clear pattern: unsure of the cause",
            safe(&[("onset", "gradual"), ("areas", ""), ("feel", "both")]),
            SeeProfessionalSoon,
        ),
        // Skipped and contradictory answers.
        scenario(
            "nothing answered at all",
            Answers::new(),
            SeeProfessionalSoon,
        ),
        scenario(
            "a safety question skipped",
            {
                let mut a = safe(&[("onset", "gradual"), ("areas", "front")]);
                a.skip("rf_numb");
                a
            },
            SeeProfessionalSoon,
        )
        .top(C::Patellofemoral),
        scenario(
            "everything after safety skipped",
            safe(&[("onset", ""), ("areas", ""), ("feel", ""), ("triggers", "")]),
            SeeProfessionalSoon,
        ),
        scenario(
            "no triggers and stairs picked together keeps stairs",
            safe(&[
                ("onset", "gradual"),
                ("areas", "front"),
                ("triggers", "none,stairs"),
            ]),
            SelfManage,
        )
        .top(C::Patellofemoral),
        scenario(
            "gradual onset but a sharp pain",
            safe(&[("onset", "gradual"), ("areas", "front"), ("feel", "sharp")]),
            SelfManage,
        )
        .top(C::Patellofemoral)
        .excludes(&[C::AcuteInjury]),
        // Factors.
        scenario(
            "every factor",
            safe(&[
                ("onset", "gradual"),
                ("areas", "front"),
                ("mileage", "10_30"),
                ("speed_hills", "yes"),
                ("easy_days", "no"),
                ("cadence", "under_160"),
                ("shoe_distance", "over_500"),
                ("surface", "camber"),
                ("strength", "none"),
                ("sitting", "yes"),
            ]),
            SelfManage,
        )
        .factors(&[
            F::Load,
            F::SpeedAndHills,
            F::NoEasyDays,
            F::Cadence,
            F::Shoes,
            F::Surfaces,
            F::HipStrength,
            F::Sitting,
        ]),
        scenario(
            "overstriding and a recent shoe change",
            safe(&[
                ("onset", "gradual"),
                ("areas", "front"),
                ("overstride", "yes"),
                ("shoe_change", "yes"),
            ]),
            SelfManage,
        )
        .factors(&[F::Cadence, F::Shoes]),
        scenario(
            "a 10% rise is not a load factor",
            safe(&[
                ("onset", "gradual"),
                ("areas", "front"),
                ("mileage", "up_10"),
            ]),
            SelfManage,
        ),
    ]
}

#[test]
fn scenario_table() {
    let table = scenarios();
    assert!(table.len() >= 40, "{} scenarios", table.len());
    for s in table {
        let outcome = evaluate(&s.answers);
        assert_eq!(outcome.tier, s.tier, "{}: tier", s.name);
        assert_eq!(outcome.stopped_early, s.stopped, "{}: stopped", s.name);
        if let Some(top) = s.top {
            assert_eq!(
                outcome.conditions.first().map(|c| c.condition.id),
                Some(top),
                "{}: top condition in {:?}",
                s.name,
                outcome.condition_keys()
            );
        }
        for c in s.includes {
            assert!(outcome.has_condition(*c), "{}: includes {c:?}", s.name);
        }
        for c in s.excludes {
            assert!(!outcome.has_condition(*c), "{}: excludes {c:?}", s.name);
        }
        for f in s.factors {
            assert!(outcome.has_factor(*f), "{}: factor {f:?}", s.name);
        }
        if s.factors.is_empty() {
            assert!(outcome.factors.is_empty() || s.name == "IT band after a mileage jump");
        }
        // Every outcome explains itself.
        if s.tier != SelfManage {
            assert!(!outcome.care_reasons.is_empty(), "{}: reasons", s.name);
        }
        for likely in &outcome.conditions {
            assert!(!likely.because.is_empty(), "{}: because", s.name);
            assert!(likely.because.iter().all(|said| !said.is_empty()));
        }
        if s.stopped {
            assert!(
                outcome.plan.is_empty() && outcome.exercises.is_empty(),
                "{}",
                s.name
            );
        } else if outcome.exercises_wait {
            // A likely injury: the first days' care, then being examined; nothing that loads
            // the knee, no reassurance, and no way into the back-to-running plan.
            assert_eq!(outcome.plan.len(), 1, "{}: first days only", s.name);
            let steps = outcome.steps_in(Phase::FirstDays);
            assert!(!steps.contains(&REASSURANCE), "{}", s.name);
            assert!(outcome.exercises.is_empty() && !outcome.offers_recovery());
            let check = outcome.record(
                &s.answers,
                crate::domain::records::RecordId::from_random_bits(1),
                "2026-11-20T08:00:00Z".parse().unwrap(),
            );
            let screen = crate::domain::knee_check_result::first_screen(&outcome, &check);
            assert!(
                screen
                    .do_now
                    .iter()
                    .any(|a| a.contains("rest the knee from running and strength work")),
                "{}: {:?}",
                s.name,
                screen.do_now
            );
        } else {
            // The first days' care only for a pain that started in the last days.
            let recent = super::engine::started_in_the_last_days(&s.answers);
            assert_eq!(
                outcome.plan.len(),
                if recent { 4 } else { 3 },
                "{}: phases",
                s.name
            );
            assert_eq!(
                outcome.steps_in(Phase::FirstDays).is_empty(),
                !recent,
                "{}",
                s.name
            );
            // Reassurance opens the plan of a self-care result only.
            assert_eq!(
                outcome
                    .plan
                    .first()
                    .is_some_and(|stage| stage.steps.contains(&REASSURANCE)),
                s.tier == SelfManage,
                "{}",
                s.name
            );
            // Only self-care leads straight on to the back-to-running plan: a runner told to
            // be seen runs less until then.
            assert_eq!(
                outcome.offers_recovery(),
                s.tier == SelfManage,
                "{}",
                s.name
            );
        }
    }
}

#[test]
fn the_red_flag_names_the_answer_and_what_to_do() {
    let outcome = evaluate(&red_flag("rf_calf"));
    let first = &outcome.care_reasons[0];
    assert_eq!(first.said, "your calf is swollen, red and painful");
    assert!(first.action.contains("blood clot"));
    assert_eq!(outcome.tier, SameDay);
}

#[test]
fn patellofemoral_plan_has_wall_sits_and_step_downs() {
    let outcome = evaluate(&safe(&PFP_GRADUAL));
    assert!(outcome.has_exercise("wall_sit"));
    assert!(outcome.has_exercise("step_down"));
    assert_eq!(
        outcome.conditions[0].because.len(),
        4,
        "front, dull, stairs, sitting"
    );
}

#[test]
fn factors_put_training_changes_in_the_plan() {
    let outcome = evaluate(&safe(&[
        ("areas", "outer"),
        ("mileage", "over_30"),
        ("sitting", "yes"),
    ]));
    assert!(outcome
        .steps_in(Phase::WeeksOneToTwo)
        .iter()
        .any(|step| step.contains("half")));
    assert!(outcome
        .steps_in(Phase::Ongoing)
        .iter()
        .any(|step| step.contains("10%")));
    assert!(outcome.has_exercise("hip_flexor_stretch"));
}

#[test]
fn an_injury_holds_exercises_until_examined() {
    let outcome = evaluate(&safe(&[
        ("age", "under_50"),
        ("onset", "injury"),
        ("ot_bend", "no"),
        ("ot_swelling", "no"),
        ("ot_tender", "no"),
        ("areas", "front"),
    ]));
    assert!(outcome.exercises_wait);
    assert!(outcome.exercises.is_empty());
}

#[test]
fn nothing_specific_still_gets_hip_work() {
    let outcome = evaluate(&safe(&[]));
    assert!(outcome.has_exercise("clamshell"));
}

#[test]
fn no_outcome_says_you_are_fine() {
    let said = format!(
        "{} {}",
        super::engine::SELF_CARE_LINE,
        crate::domain::knee_check_result::weeks_markdown()
    )
    .to_lowercase();
    for reassuring in [
        "you are fine",
        "you're fine",
        "nothing wrong",
        "nothing to worry",
    ] {
        assert!(!said.contains(reassuring), "{reassuring}");
    }
}

// --- The property: any answer set containing a red flag gives at least same-day care.

fn any_answers() -> impl Strategy<Value = Answers> {
    let per_question: Vec<_> = questions::all()
        .map(|q| {
            let n = q.choices.len();
            // None: not reached; Some(empty): skipped; else some picks.
            proptest::option::of(proptest::collection::vec(0..n, 0..=n))
                .prop_map(move |picks| (q.id, picks))
        })
        .collect();
    per_question.prop_map(|entries| {
        let mut answers = Answers::new();
        for (id, picks) in entries {
            let Some(picks) = picks else { continue };
            let Some(q) = questions::find(id) else {
                continue;
            };
            let chosen: Vec<&str> = picks.iter().map(|i| q.choices[*i].id).collect();
            if chosen.is_empty() {
                answers.skip(id);
            } else {
                answers.set(id, &chosen);
            }
        }
        answers
    })
}

proptest! {
    #[test]
    fn a_red_flag_always_means_at_least_same_day(
        mut answers in any_answers(),
        flag in 0..SAFETY_IDS.len() - 1,
    ) {
        // The yes/no red flags: every one but the last, which asks several signs at once.
        answers.set(SAFETY_IDS[flag], &["yes"]);
        let outcome = evaluate(&answers);
        prop_assert!(outcome.tier <= SameDay, "{:?}", outcome.tier);
        prop_assert!(outcome.stopped_early);
        prop_assert!(outcome.care_reasons.iter().any(|r| r.said == questions::find(SAFETY_IDS[flag]).and_then(|q| q.choice("yes")).map(|c| c.said).unwrap_or_default()));
        let mut draft = Draft { answers, position: Position::Question("sitting".into()) };
        draft.answer("sitting", &["no"]);
        prop_assert_eq!(draft.step(), Step::Outcome);
    }

    #[test]
    fn any_answers_evaluate_without_panicking_and_explain_themselves(answers in any_answers()) {
        let outcome = evaluate(&answers);
        if outcome.tier != SelfManage {
            prop_assert!(!outcome.care_reasons.is_empty());
        }
        prop_assert!(Answers::from_record_map(&answers.to_record_map()).to_record_map() == answers.to_record_map());
    }
}

// --- The flow.

fn expect_question(draft: &Draft, id: &str) -> (usize, usize, Section) {
    match draft.step() {
        Step::Ask {
            question,
            number,
            total,
            section,
        } => {
            assert_eq!(question.id, id);
            (number, total, section)
        }
        Step::Outcome => panic!("expected {id}, got the outcome"),
    }
}

#[test]
fn red_flags_come_first_and_one_yes_ends_the_check() {
    let mut draft = Draft::new();
    assert_eq!(
        expect_question(&draft, "rf_weight"),
        (1, 35, Section::Safety)
    );
    draft.answer("rf_weight", &["no"]);
    assert_eq!(expect_question(&draft, "rf_walk").0, 2);
    draft.answer("rf_walk", &["no"]);
    assert_eq!(expect_question(&draft, "rf_locked").0, 3);
    draft.answer("rf_locked", &["yes"]);
    assert_eq!(draft.step(), Step::Outcome);
    assert_eq!(evaluate(&draft.answers).tier, EmergencyNow);
    // Back returns to the answer that ended it, and changing it carries on.
    assert!(draft.back());
    expect_question(&draft, "rf_locked");
    draft.answer("rf_locked", &["no"]);
    expect_question(&draft, "rf_gives_way");
}

#[test]
fn safety_questions_cannot_be_skipped() {
    let mut draft = Draft::new();
    draft.skip("rf_weight");
    expect_question(&draft, "rf_weight");
    assert!(!draft.back(), "nothing before the first question");
}

#[test]
fn how_it_started_cannot_be_skipped_since_it_decides_the_injury_questions() {
    let mut draft = Draft::new();
    for id in SAFETY_IDS {
        draft.answer(id, &[all_clear(id)]);
    }
    expect_question(&draft, "age");
    draft.skip("age");
    expect_question(&draft, "onset");
    draft.skip("onset");
    expect_question(&draft, "onset");
}

#[test]
fn skipped_injury_questions_leave_the_check_unsure_like_a_skipped_safety_question() {
    const SKIPPED: &str = "you left a safety question unanswered";
    let said = |answers: &Answers| {
        evaluate(answers)
            .care_reasons
            .iter()
            .any(|reason| reason.said == SKIPPED)
    };
    let injury = |ottawa: &str| {
        safe(&[
            ("age", "under_50"),
            ("onset", "injury"),
            ("ot_bend", ottawa),
            ("ot_swelling", "no"),
            ("ot_tender", "no"),
            ("areas", "inner"),
        ])
    };
    assert!(said(&injury("")));
    assert!(!said(&injury("no")));
    // After a gradual start they are not asked, so not answering them is no gap.
    assert!(!said(&safe(&PFP_GRADUAL)));
}

#[test]
fn the_injury_branch_adds_three_questions_and_a_sudden_start_none() {
    let mut draft = Draft::new();
    for id in SAFETY_IDS {
        draft.answer(id, &[all_clear(id)]);
    }
    let (number, _, section) = expect_question(&draft, "age");
    assert_eq!((number, section), (11, Section::Start));
    draft.answer("age", &["under_50"]);
    expect_question(&draft, "onset");
    draft.answer("onset", &["injury"]);
    let (number, total, section) = expect_question(&draft, "ot_bend");
    assert_eq!((number, total, section), (13, 38, Section::Start));
    draft.answer("ot_bend", &["no"]);
    assert!(draft.back());
    assert!(draft.back());
    expect_question(&draft, "onset");
    draft.answer("onset", &["gradual"]);
    let (number, total, _) = expect_question(&draft, "areas");
    assert_eq!((number, total), (13, 35));
    assert!(draft.back());
    draft.answer("onset", &["sudden"]);
    let (number, total, _) = expect_question(&draft, "areas");
    assert_eq!((number, total), (13, 35));
    assert_eq!(flow::question_counts(), (35, 3));
    assert!(flow::intro().starts_with("35 short questions (3 more after a twist, fall or knock)"));
}

/// The start-up shell in index.html shows the knee check's promise before the wasm runs:
/// it must be the app's own sentence, or the count changes under the runner's thumb.
#[test]
fn the_start_up_shell_promises_what_the_check_asks() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("index.html");
    let html = std::fs::read_to_string(&path).unwrap();
    assert!(
        html.contains(&format!("<p>{}</p>", flow::intro())),
        "index.html's knee check shell should say: {}",
        flow::intro()
    );
}

#[test]
fn back_keeps_answers_and_forward_walks_every_question_to_the_outcome() {
    let mut draft = Draft::new();
    let mut seen = Vec::new();
    while let Step::Ask { question, .. } = draft.step() {
        seen.push(question.id);
        // "No" where a question offers it (a safety question's other answers stop the check).
        let first = question
            .offered_choices()
            .find(|c| c.id == "no")
            .or_else(|| question.offered_choices().find(|c| c.id != "yes"))
            .map_or("no", |c| c.id);
        match question.kind {
            Kind::Multi if question.section == Section::Safety => {
                draft.answer(question.id, &["none"])
            }
            Kind::Multi | Kind::KneeMap => draft.answer(question.id, &["front", "stairs", "mixed"]),
            _ => draft.answer(question.id, &[first]),
        }
        assert!(seen.len() < 60, "the flow must end");
    }
    // The first age offered is a growing runner's, so the hip question is asked too.
    assert_eq!(seen.len(), 36);
    assert_eq!(seen.first(), Some(&"rf_weight"));
    assert_eq!(seen.last(), Some(&"sitting"));
    // Back from the outcome goes to the last question, answers intact.
    assert!(draft.back());
    expect_question(&draft, "sitting");
    assert!(draft.back());
    expect_question(&draft, "strength");
    assert_eq!(draft.answers.get("sitting"), Some(&["no".to_string()][..]));
    // A saved draft restores to the same place.
    let text = serde_json::to_string(&draft).unwrap();
    let restored: Draft = serde_json::from_str(&text).unwrap();
    assert_eq!(restored, draft);
    expect_question(&restored, "strength");
}

#[test]
fn a_restored_draft_at_an_unknown_question_resumes_at_the_first_unanswered() {
    let mut draft = Draft::new();
    draft.answer("rf_weight", &["no"]);
    draft.position = Position::Question("gone_in_a_later_version".into());
    expect_question(&draft, "rf_walk");
}

#[test]
fn every_section_is_used_and_every_question_has_text_and_choices() {
    for section in Section::ALL {
        assert!(questions::all().any(|q| q.section == section));
    }
    for (i, q) in questions::all().enumerate() {
        assert!(
            !q.text.is_empty() && q.offered_choices().count() > 0,
            "{}",
            q.id
        );
        for c in q.choices {
            assert!(
                !c.said.is_empty() && (!c.offered || !c.label.is_empty()),
                "{}.{}",
                q.id,
                c.id
            );
        }
        for other in questions::all().skip(i + 1) {
            assert_ne!(q.id, other.id);
        }
        // Safety questions cannot be skipped, and "No" (or, where several signs are asked
        // together, "None of these", which the wizard answers in one tap) is always offered.
        if q.section == Section::Safety {
            assert!(!q.skippable, "{}", q.id);
            let clear = if q.kind == Kind::Multi { "none" } else { "no" };
            assert!(
                matches!(q.kind, Kind::YesNo | Kind::Single | Kind::Multi),
                "{}",
                q.id
            );
            assert!(q.offered_choices().any(|c| c.id == clear), "{}", q.id);
        }
    }
}
