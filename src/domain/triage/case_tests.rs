//! The knee check against cases written from the clinical sources rather than from the code:
//! a sudden pain with no fall, a warning sign chosen after going Back, reassurance only for
//! self-care, painless clicking, age, "all over", recurrence, and standing apart from the
//! four steps. Tables for the stories, properties for "any answer at any point".

use proptest::prelude::*;

use super::answers::Answers;
use super::engine::{evaluate, Outcome, PAINLESS_CLICKING};
use super::flow::{Draft, Step};
use super::questions::{self, Kind, Question};
use super::rules::{self, CARE_RULES};
use crate::domain::content::plan::REASSURANCE;
use crate::domain::content::{ConditionId as C, SETTLING_TIMELINE};
use crate::domain::records::CareTier::{self, SameDay, SeeProfessionalSoon, SelfManage};

const RED_FLAGS: [&str; 10] = [
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

/// The answer that says "none of these signs": "None of these" where offered, else "No".
fn clear(id: &str) -> &'static str {
    match questions::find(id) {
        Some(q) if q.offered_choices().any(|c| c.id == questions::NONE) => questions::NONE,
        _ => questions::NO,
    }
}

/// Every red flag "no", then `pairs` (`"a,b"` picks several; `""` skips).
fn story(pairs: &[(&str, &str)]) -> Answers {
    let mut answers = Answers::new();
    for id in RED_FLAGS {
        answers.set(id, &[clear(id)]);
    }
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

/// Words that tell a runner not to worry. They belong to self-care results only.
const REASSURING: [&str; 5] = [
    "calm",
    "not serious",
    "most knee pain",
    "settles",
    "nothing to worry",
];

fn reassures(outcome: &Outcome) -> bool {
    outcome.sentences().iter().any(|sentence| {
        let lower = sentence.to_lowercase();
        REASSURING.iter().any(|word| lower.contains(word))
    })
}

fn said_in(outcome: &Outcome) -> Vec<&'static str> {
    outcome.care_reasons.iter().map(|r| r.said).collect()
}

// --- 1. A sudden pain with no fall, twist or knock.

#[test]
fn a_sudden_pain_without_a_fall_is_seen_soon_and_says_why() {
    let outcome = evaluate(&story(&[
        ("age", "under_50"),
        ("onset", "sudden"),
        ("areas", "inner"),
        ("feel", "sharp"),
        ("duration", "days"),
        ("before", "no"),
        ("pain_now", "3"),
    ]));
    assert_eq!(outcome.tier, SeeProfessionalSoon);
    assert!(said_in(&outcome)
        .contains(&"it started suddenly, with no twist, fall, knock or change of direction"));
    // Examined before it is loaded: no running plan, no exercises, no reassurance.
    assert!(outcome.exercises_wait && outcome.exercises.is_empty());
    assert!(!outcome.offers_recovery());
    assert!(!reassures(&outcome));
    assert_eq!(outcome.conditions[0].condition.id, C::AcuteInjury);
}

#[test]
fn a_sudden_start_asks_no_x_ray_questions() {
    let mut answers = story(&[("onset", "sudden")]);
    assert!(super::flow::asked(&answers)
        .iter()
        .all(|q| !q.id.starts_with("ot_")));
    answers.set("onset", &["injury"]);
    assert_eq!(
        super::flow::asked(&answers)
            .iter()
            .filter(|q| q.id.starts_with("ot_"))
            .count(),
        3
    );
}

// --- 8. Standing is one question; walking four steps is the next, asked of everyone.

#[test]
fn a_runner_who_can_stand_but_cannot_take_four_steps_is_seen_today_whatever_the_start() {
    let weight = questions::find("rf_weight");
    assert!(weight.is_some_and(|q| !q.text.contains("step") && q.hint.contains("next question")));
    // The hint's promise: the very next question asks about walking, of everyone.
    let asked = super::flow::asked(&Answers::new());
    assert_eq!(asked.get(1).map(|q| q.id), Some("rf_walk"));
    for onset in ["gradual", "sudden", "injury"] {
        let mut answers = story(&[("onset", onset), ("areas", "front")]);
        answers.set("rf_walk", &["yes"]);
        let outcome = evaluate(&answers);
        assert_eq!(outcome.tier, SameDay, "{onset}");
        assert!(outcome.stopped_early);
        assert!(outcome
            .care_reasons
            .iter()
            .any(|r| r.action.contains("X-ray") && r.said.contains("four steps")));
    }
    // A check saved when four steps were asked only after an injury keeps its reason.
    let saved = std::collections::BTreeMap::from([
        ("rf_weight".to_string(), "no".to_string()),
        ("onset".to_string(), "injury".to_string()),
        ("ot_bend".to_string(), "no".to_string()),
        ("ot_steps".to_string(), "yes".to_string()),
    ]);
    let outcome = evaluate(&Answers::from_record_map(&saved));
    assert_eq!(outcome.tier, SameDay);
    assert!(said_in(&outcome).contains(&"you cannot take four steps, even with a limp"));
}

// --- 5. Age, asked of everyone.

#[test]
fn age_is_asked_of_every_runner_early_and_can_be_skipped() {
    let age = questions::find("age");
    assert!(age.is_some_and(|q| q.skippable && q.only_if.is_none()));
    let mut draft = Draft::new();
    for id in RED_FLAGS {
        draft.answer(id, &[clear(id)]);
    }
    assert!(matches!(draft.step(), Step::Ask { question, .. } if question.id == "age"));
}

#[test]
fn the_x_ray_rule_at_55_needs_the_injury() {
    let injured = evaluate(&story(&[("age", "55_plus"), ("onset", "injury")]));
    assert_eq!(injured.tier, SameDay);
    assert!(injured.care_reasons[0].action.contains("X-ray"));
    assert!(injured.care_reasons[0].said.contains("55 or older"));
    let gradual = evaluate(&story(&[
        ("age", "55_plus"),
        ("onset", "gradual"),
        ("areas", "front"),
    ]));
    assert!(gradual.tier > SameDay, "{:?}", gradual.tier);
    // Ending the check on the second of its two answers: Back returns to how it started.
    let mut draft = Draft::new();
    for id in RED_FLAGS {
        draft.answer(id, &[clear(id)]);
    }
    draft.answer("age", &["55_plus"]);
    assert!(!draft.is_finished());
    draft.answer("onset", &["injury"]);
    assert!(draft.is_finished());
    assert!(draft.back());
    assert!(matches!(draft.step(), Step::Ask { question, .. } if question.id == "onset"));
}

#[test]
fn a_deep_ache_with_morning_stiffness_at_50_or_over_points_to_the_joint_and_being_examined() {
    for age in ["50_54", "55_plus"] {
        let outcome = evaluate(&story(&[
            ("age", age),
            ("onset", "gradual"),
            ("areas", "all_over"),
            ("feel", "dull"),
            ("stiffness", "yes"),
        ]));
        assert_eq!(
            outcome.conditions.first().map(|c| c.condition.id),
            Some(C::JointSurface),
            "{age}"
        );
        assert_eq!(outcome.tier, SeeProfessionalSoon, "{age}");
        assert!(outcome.conditions[0]
            .because
            .iter()
            .any(|b| b.contains("you are")));
    }
    let younger = evaluate(&story(&[
        ("age", "under_50"),
        ("onset", "gradual"),
        ("areas", "all_over"),
        ("stiffness", "yes"),
    ]));
    assert!(!younger.has_condition(C::JointSurface));
}

#[test]
fn a_check_saved_with_the_old_age_question_keeps_its_x_ray_reason() {
    let saved = std::collections::BTreeMap::from([
        ("rf_weight".to_string(), "no".to_string()),
        ("onset".to_string(), "injury".to_string()),
        ("ot_age".to_string(), "yes".to_string()),
    ]);
    let outcome = evaluate(&Answers::from_record_map(&saved));
    assert_eq!(outcome.tier, SameDay);
    assert!(said_in(&outcome).contains(&"you are 55 or older"));
    // "Under 55" is read, and is no gap in the safety questions.
    let saved_under = std::collections::BTreeMap::from([
        ("onset".to_string(), "injury".to_string()),
        ("ot_age".to_string(), "no".to_string()),
        ("ot_bend".to_string(), "no".to_string()),
        ("ot_steps".to_string(), "no".to_string()),
        ("ot_tender".to_string(), "no".to_string()),
        ("areas".to_string(), "inner".to_string()),
    ]);
    let mut answers = Answers::from_record_map(&saved_under);
    for id in RED_FLAGS {
        answers.set(id, &[clear(id)]);
    }
    let outcome = evaluate(&answers);
    assert!(!said_in(&outcome).contains(&"you left a safety question unanswered"));
}

// --- 6. The knee map's honest way out.

#[test]
fn all_over_is_not_pushed_to_no_clear_pattern_when_the_rest_points_somewhere() {
    let outcome = evaluate(&story(&[
        ("age", "under_50"),
        ("onset", "gradual"),
        ("areas", "all_over"),
        ("triggers", "stairs,squat,sitting"),
    ]));
    assert_eq!(
        outcome.conditions.first().map(|c| c.condition.id),
        Some(C::Patellofemoral)
    );
    assert!(!said_in(&outcome).contains(&"the answers point to no clear pattern"));
    // With nothing else to go on, it is honestly no clear pattern.
    let vague = evaluate(&story(&[("onset", "gradual"), ("areas", "all_over")]));
    assert!(said_in(&vague).contains(&"the answers point to no clear pattern"));
}

// --- 7. Recurrence as a count.

#[test]
fn one_or_more_earlier_episodes_mean_being_assessed() {
    let base = [
        ("age", "under_50"),
        ("onset", "gradual"),
        ("areas", "front"),
        ("triggers", "stairs"),
    ];
    let with = |before: &'static str| {
        let mut pairs = base.to_vec();
        pairs.push(("before", before));
        evaluate(&story(&pairs))
    };
    let often = with("often");
    assert_eq!(often.tier, SeeProfessionalSoon);
    assert!(said_in(&often).contains(&"you have had this pain two or more times before"));
    assert!(often
        .care_reasons
        .iter()
        .any(|r| r.action.starts_with("Repeated episodes") && r.action.contains("assess")));
    // Once before makes this the second episode: already "multiple episodes".
    let once = with("once");
    assert_eq!(once.tier, SeeProfessionalSoon);
    assert!(said_in(&once).contains(&"you have had this pain once before"));
    assert_eq!(with("no").tier, SelfManage);
}

// --- 3. Reassurance only in self-care, walked over every tier.

#[test]
fn reassurance_appears_in_self_care_results_only() {
    let stories: Vec<(CareTier, Answers)> = vec![
        (
            SelfManage,
            story(&[
                ("age", "under_50"),
                ("onset", "gradual"),
                ("areas", "front"),
            ]),
        ),
        (
            SeeProfessionalSoon,
            story(&[("onset", "gradual"), ("areas", "front"), ("pain_now", "9")]),
        ),
        (
            SeeProfessionalSoon,
            story(&[("onset", "gradual"), ("areas", "all_over")]),
        ),
        (
            SeeProfessionalSoon,
            story(&[
                ("onset", "gradual"),
                ("areas", "outer"),
                ("duration", "2_6w"),
            ]),
        ),
        (SameDay, story(&[("rf_swollen", "yes")])),
        (CareTier::EmergencyNow, story(&[("rf_locked", "yes")])),
    ];
    for (tier, answers) in stories {
        let outcome = evaluate(&answers);
        assert_eq!(outcome.tier, tier);
        assert_eq!(reassures(&outcome), tier == SelfManage, "{tier:?}");
        assert_eq!(
            outcome.settling_timeline() == Some(SETTLING_TIMELINE),
            tier == SelfManage
        );
        let opens_with_calm =
            outcome.plan.first().and_then(|p| p.steps.first()) == Some(&REASSURANCE);
        assert_eq!(opens_with_calm, tier == SelfManage, "{tier:?}");
    }
}

// --- 4. Painless clicking.

#[test]
fn painless_clicking_is_explained_and_raises_nothing() {
    let with = |clicking: &'static str| {
        evaluate(&story(&[
            ("onset", "gradual"),
            ("areas", "front"),
            ("clicking", clicking),
        ]))
    };
    let painless = with("painless");
    let none = with("no");
    assert_eq!(painless.notes, vec![PAINLESS_CLICKING]);
    assert!(none.notes.is_empty());
    assert_eq!(painless.tier, none.tier);
    assert_eq!(painless.condition_keys(), none.condition_keys());
    // Painful clicking keeps its weight.
    let painful = evaluate(&story(&[
        ("onset", "gradual"),
        ("areas", "deep"),
        ("clicking", "painful"),
    ]));
    assert!(painful
        .conditions
        .iter()
        .any(|c| c.because.contains(&"the knee clicks painfully")));
}

// --- Properties: any path through the wizard, any change at any point.

/// A way through the wizard: for each question, which offered choices to pick (by index,
/// wrapping), or a skip. Safety questions are answered "no", so the path reaches the end
/// unless the property changes one.
fn any_path() -> impl Strategy<Value = Vec<Vec<usize>>> {
    proptest::collection::vec(proptest::collection::vec(0usize..12, 0..4), 40)
}

fn pick_for(question: &'static Question, picks: &[usize]) -> Vec<&'static str> {
    if question.section == questions::Section::Safety {
        return vec![clear(question.id)];
    }
    let offered: Vec<&str> = question.offered_choices().map(|c| c.id).collect();
    let single = !matches!(question.kind, Kind::Multi | Kind::KneeMap);
    let mut chosen: Vec<&str> = picks.iter().map(|i| offered[i % offered.len()]).collect();
    if single {
        chosen.truncate(1);
    }
    if chosen.is_empty() && !question.skippable {
        chosen.push(offered[0]);
    }
    chosen
}

/// Walks the wizard to its outcome with `path`'s answers, except that `change` (a question
/// and the choice to give there) replaces the path's answer to that question.
fn walk(path: &[Vec<usize>], change: Option<(&str, &'static str)>) -> Draft {
    walk_for(path, change.as_slice(), usize::MAX)
}

/// As [`walk`] with several changes, stopping after `answers` answers when the outcome has
/// not come first.
fn walk_for(path: &[Vec<usize>], changes: &[(&str, &'static str)], answers: usize) -> Draft {
    let mut draft = Draft::new();
    let mut steps = 0;
    while let Step::Ask { question, .. } = draft.step() {
        if steps == answers {
            break;
        }
        steps += 1;
        assert!(steps < 80, "the wizard must end");
        match changes.iter().find(|(id, _)| *id == question.id) {
            Some((id, choice)) => draft.answer(id, &[choice]),
            None => {
                let picks = path.get(steps % path.len()).map_or(&[][..], Vec::as_slice);
                let chosen = pick_for(question, picks);
                if chosen.is_empty() {
                    draft.skip(question.id);
                } else {
                    draft.answer(question.id, &chosen);
                }
            }
        }
    }
    draft
}

/// Every answer that ends the check on its own question.
fn warning_signs() -> Vec<(&'static str, &'static str)> {
    CARE_RULES
        .iter()
        .filter(|rule| rule.stops && rule.also.is_none())
        .map(|rule| (rule.when.question, rule.when.choice))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// A warning sign chosen after going Back, from any point further on (a later question
    /// or the result), gives the same result and the same saved answers as choosing it the
    /// first time.
    #[test]
    fn a_warning_sign_chosen_after_going_back_is_the_same_as_the_first_time(
        path in any_path(),
        sign in 0usize..64,
        answered in 1usize..45,
    ) {
        let signs = warning_signs();
        let (question, choice) = signs[sign % signs.len()];
        // A path with no warning sign of its own (one that has is the next property's).
        prop_assume!(!rules::stops(&walk(&path, None).answers));
        let first_time = walk(&path, Some((question, choice)));
        // Where the runner is when they decide to go back: `answered` answers in, or done.
        let mut draft = walk_for(&path, &[], answered);
        prop_assume!(draft.answers.is_answered(question));

        let mut guard = 0;
        while !matches!(draft.step(), Step::Ask { question: q, .. } if q.id == question) {
            guard += 1;
            prop_assert!(guard < 80 && draft.back(), "Back must reach {question}");
        }
        draft.answer(question, &[choice]);
        prop_assert!(draft.is_finished());

        let flipped = evaluate(&draft.answers);
        prop_assert_eq!(&flipped, &evaluate(&first_time.answers));
        prop_assert_eq!(draft.answers.to_record_map(), first_time.answers.to_record_map());
        prop_assert!(flipped.tier <= SeeProfessionalSoon && flipped.stopped_early);
        prop_assert!(flipped.conditions.is_empty() && flipped.plan.is_empty());
        prop_assert!(!reassures(&flipped));
    }

    /// A warning sign already given is never forgotten when another is chosen above it:
    /// the more urgent care wins, and both answers are named.
    #[test]
    fn a_warning_sign_already_given_is_kept_when_another_is_chosen(
        path in any_path(),
        given in 0usize..4,
        sign in 0usize..9,
    ) {
        // A fall, twist or knock that ended on one of its warning signs.
        let injury_signs = [("age", "55_plus"), ("ot_bend", "yes"), ("ot_swelling", "hours"), ("ot_tender", "yes")];
        let finished = walk_for(&path, &[("onset", "injury"), injury_signs[given]], usize::MAX);
        let before = evaluate(&finished.answers);
        prop_assert!(before.stopped_early);
        let signs: Vec<_> = warning_signs().into_iter().filter(|(q, _)| q.starts_with("rf_")).collect();
        let (question, choice) = signs[sign % signs.len()];
        let mut draft = finished;
        while !matches!(draft.step(), Step::Ask { question: q, .. } if q.id == question) {
            prop_assert!(draft.back());
        }
        draft.answer(question, &[choice]);
        let after = evaluate(&draft.answers);
        prop_assert!(after.tier <= before.tier);
        for reason in before.care_reasons.iter().filter(|r| r.tier <= SameDay) {
            prop_assert!(after.care_reasons.contains(reason), "{:?} lost", reason.said);
        }
    }

    /// No result but self-care reassures, whatever the answers.
    #[test]
    fn only_self_care_reassures(path in any_path(), onset in 0usize..3) {
        let onsets = ["gradual", "sudden", "injury"];
        let draft = walk(&path, Some(("onset", onsets[onset])));
        let outcome = evaluate(&draft.answers);
        if outcome.tier != SelfManage {
            prop_assert!(!reassures(&outcome), "{:?}: {:?}", outcome.tier, outcome.sentences());
        }
        if onset > 0 {
            prop_assert!(outcome.tier <= SeeProfessionalSoon);
            prop_assert!(!outcome.offers_recovery());
        }
    }

    /// Painless clicking changes nothing but the note that explains it, unless it is the whole
    /// story (then it is self-care rather than "no clear pattern").
    #[test]
    fn painless_clicking_never_changes_the_result(path in any_path()) {
        let painless = evaluate(&walk(&path, Some(("clicking", "painless"))).answers);
        let none = evaluate(&walk(&path, Some(("clicking", "no"))).answers);
        prop_assume!(!none.conditions.is_empty() || none.stopped_early);
        prop_assert_eq!(painless.tier, none.tier);
        prop_assert_eq!(painless.condition_keys(), none.condition_keys());
        prop_assert_eq!(painless.care_reasons, none.care_reasons);
        prop_assert_eq!(painless.notes.is_empty(), painless.stopped_early);
    }
}

// --- Round 3, 1. A blood clot in the leg: any calf sign, the Wells risks, and nothing that
// presses or stretches the calf while a clot is possible.

/// What a result must never show while a clot is possible, in any sentence but the care
/// actions (which forbid them: "Do not rub, massage, roll or stretch the calf").
const PRESSES_CALF: [&str; 3] = ["foam roll", "massage", "calf stretch"];

/// The first exercise or sentence that presses or stretches the calf, if any.
fn presses_calf(outcome: &Outcome) -> Option<String> {
    if let Some(exercise) = outcome.exercises.iter().find(|e| e.avoid_if_clot) {
        return Some(exercise.name.to_string());
    }
    let actions = outcome.care_actions();
    outcome
        .sentences()
        .into_iter()
        .filter(|sentence| !actions.contains(sentence))
        .find(|sentence| {
            let lower = sentence.to_lowercase();
            PRESSES_CALF.iter().any(|word| lower.contains(word))
        })
        .map(str::to_string)
}

struct ClotCase {
    name: &'static str,
    calf: &'static str,
    risks: &'static str,
    tier: CareTier,
    stopped: bool,
    said: &'static [&'static str],
}

const CLOT_CASES: [ClotCase; 7] = [
    ClotCase {
        name: "calf pain alone, no risks: a doctor within a day or two",
        calf: "pain",
        risks: "none",
        tier: SeeProfessionalSoon,
        stopped: false,
        said: &["your calf aches or hurts"],
    },
    ClotCase {
        name: "a tender calf alone is one Wells point: unlikely",
        calf: "tender",
        risks: "none",
        tier: SeeProfessionalSoon,
        stopped: false,
        said: &["your calf is tender to press"],
    },
    ClotCase {
        name: "a tender, swollen calf is two points: likely, same day",
        calf: "tender,swollen",
        risks: "none",
        tier: SameDay,
        stopped: true,
        said: &["your calf is tender to press", "your calf looks swollen"],
    },
    ClotCase {
        name: "calf pain after a long journey with an earlier clot: likely",
        calf: "pain",
        risks: "clot_before,journey",
        tier: SameDay,
        stopped: true,
        said: &[
            "your calf aches or hurts",
            "you have had a blood clot in a leg or lung before",
            "you had a journey of 4 hours or more in the last 4 weeks",
        ],
    },
    ClotCase {
        name: "a swollen calf after an operation: likely",
        calf: "swollen",
        risks: "laid_up",
        tier: SameDay,
        stopped: true,
        said: &["your calf looks swollen"],
    },
    ClotCase {
        name: "a swollen calf with cancer treatment: likely",
        calf: "pain,swollen",
        risks: "cancer_now",
        tier: SameDay,
        stopped: true,
        said: &["you have cancer now or were treated for it in the last 6 months"],
    },
    ClotCase {
        name: "a painful calf and breathlessness: an emergency",
        calf: "pain",
        risks: "breathless",
        tier: CareTier::EmergencyNow,
        stopped: true,
        said: &["you are short of breath or have chest pain when you breathe in"],
    },
];

#[test]
fn calf_signs_and_clot_risks_reach_the_care_the_wells_score_gives() {
    for case in &CLOT_CASES {
        // A story whose plan would otherwise hold calf stretches (long sitting) and foam
        // rolling (the outer knee), so leaving them out is tested.
        let outcome = evaluate(&story(&[
            ("rf_calf", case.calf),
            ("clot_risk", case.risks),
            ("onset", "gradual"),
            ("areas", "outer"),
            ("sitting", "yes"),
        ]));
        assert_eq!(outcome.tier, case.tier, "{}", case.name);
        assert_eq!(outcome.stopped_early, case.stopped, "{}", case.name);
        for said in case.said {
            assert!(said_in(&outcome).contains(said), "{}: {said}", case.name);
        }
        assert!(
            outcome.care_actions().iter().any(|a| a.contains("clot")),
            "{}",
            case.name
        );
        assert_eq!(presses_calf(&outcome), None, "{}", case.name);
        assert!(!reassures(&outcome), "{}", case.name);
    }
    // The same story with a calf that is fine keeps its calf stretches and foam rolling.
    let clear = evaluate(&story(&[
        ("onset", "gradual"),
        ("areas", "outer"),
        ("sitting", "yes"),
    ]));
    assert!(clear.has_exercise("calf_stretch") && clear.has_exercise("foam_roll_hip"));
}

#[test]
fn the_clot_risks_are_asked_only_when_the_calf_is_involved_and_must_be_answered() {
    let asks_risks = |calf: &str| {
        super::flow::asked(&story(&[("rf_calf", calf)]))
            .iter()
            .any(|q| q.id == "clot_risk")
    };
    assert!(!asks_risks("none"));
    for calf in questions::CALF_INVOLVED {
        assert!(asks_risks(calf), "{calf}");
    }
    let risks = questions::find("clot_risk");
    assert!(risks.is_some_and(|q| !q.skippable && q.section == questions::Section::Safety));
    // In the wizard: straight after the calf, before anything else.
    let mut draft = Draft::new();
    for id in RED_FLAGS.iter().take_while(|id| **id != "rf_calf") {
        draft.answer(id, &[clear(id)]);
    }
    draft.answer("rf_calf", &["pain"]);
    assert!(matches!(draft.step(), Step::Ask { question, .. } if question.id == "clot_risk"));
    draft.answer("clot_risk", &["clot_before", "cast"]);
    assert!(draft.is_finished());
    assert_eq!(evaluate(&draft.answers).tier, SameDay);
}

#[test]
fn a_check_saved_with_the_old_calf_question_reads_as_it_did() {
    let saved = |calf: &str| {
        std::collections::BTreeMap::from([
            ("rf_weight".to_string(), "no".to_string()),
            ("rf_calf".to_string(), calf.to_string()),
        ])
    };
    let yes = evaluate(&Answers::from_record_map(&saved("yes")));
    assert_eq!(yes.tier, SameDay);
    assert!(said_in(&yes).contains(&"your calf is swollen, red and painful"));
    // The old "no" said only that the calf was not swollen, red and painful: a clot is not
    // ruled out, so nothing presses the calf.
    let no = evaluate(&Answers::from_record_map(&saved("no")));
    assert!(super::engine::clot_possible(&Answers::from_record_map(
        &saved("no")
    )));
    assert_eq!(presses_calf(&no), None);
}

/// Any subset of the offered choices of `id` (by bit mask), as the ids picked.
fn subset(id: &str, mask: usize) -> Vec<&'static str> {
    questions::find(id).map_or(Vec::new(), |q| {
        q.offered_choices()
            .enumerate()
            .filter(|(i, _)| mask & (1 << i) != 0)
            .map(|(_, c)| c.id)
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Whenever a clot is possible (any calf sign) no result shows calf stretching, foam
    /// rolling or massage, whatever else the path answers.
    #[test]
    fn no_result_presses_the_calf_while_a_clot_is_possible(
        path in any_path(),
        calf in 1usize..8,
        risks in 0usize..256,
    ) {
        // Any non-empty mix of pain, tenderness and swelling (bits 0 to 2).
        let calf = subset("rf_calf", calf);
        let risks = subset("clot_risk", risks);
        let mut draft = Draft::new();
        let mut steps = 0;
        while let Step::Ask { question, .. } = draft.step() {
            steps += 1;
            prop_assert!(steps < 80);
            let chosen: Vec<&str> = match question.id {
                "rf_calf" => calf.clone(),
                "clot_risk" if risks.is_empty() => vec![questions::NONE],
                "clot_risk" => risks.clone(),
                _ => {
                    let picks = path.get(steps % path.len()).map_or(&[][..], Vec::as_slice);
                    pick_for(question, picks)
                }
            };
            if chosen.is_empty() {
                draft.skip(question.id);
            } else {
                draft.answer(question.id, &chosen);
            }
        }
        let outcome = evaluate(&draft.answers);
        prop_assert!(super::engine::clot_possible(&draft.answers));
        prop_assert_eq!(presses_calf(&outcome), None, "{:?}", outcome.sentences());
        prop_assert!(outcome.tier <= SeeProfessionalSoon);
    }

    /// The same for any answers at all, the calf question unanswered or skipped included.
    #[test]
    fn no_result_presses_the_calf_while_the_calf_question_is_unanswered(
        path in any_path(),
        answered in 0usize..45,
        skip_calf in any::<bool>(),
    ) {
        // Stopped anywhere, from the first question on; the calf answer removed or skipped.
        let mut answers = walk_for(&path, &[], answered).answers;
        if skip_calf {
            answers.skip("rf_calf");
        } else {
            answers.retain_questions(|id| id != "rf_calf");
        }
        let outcome = evaluate(&answers);
        prop_assert!(super::engine::clot_possible(&answers));
        prop_assert_eq!(presses_calf(&outcome), None, "{:?}", outcome.sentences());
    }
}

// --- Round 3, 2. Warning signs that are not from running: one screen, each to a doctor.

#[test]
fn each_warning_sign_not_from_running_goes_to_a_doctor_at_its_tier() {
    let cases = [
        ("unwell", SameDay, "you feel unwell, feverish or shivery"),
        (
            "night",
            SeeProfessionalSoon,
            "the pain comes at night or at rest and no change of position eases it",
        ),
        (
            "weight",
            SeeProfessionalSoon,
            "you are losing weight without trying",
        ),
        ("cancer", SeeProfessionalSoon, "you have or have had cancer"),
    ];
    for (sign, tier, said) in cases {
        // With a self-care story after it, which the sign must end.
        let mut answers = story(&[
            ("onset", "gradual"),
            ("areas", "front"),
            ("triggers", "stairs"),
        ]);
        answers.set("rf_general", &[sign]);
        let outcome = evaluate(&answers);
        assert_eq!(outcome.tier, tier, "{sign}");
        assert!(outcome.stopped_early, "{sign}");
        assert_eq!(said_in(&outcome), vec![said], "{sign}");
        let action = outcome.care_actions()[0];
        assert!(
            action.contains("doctor") || action.contains("GP"),
            "{sign}: {action}"
        );
        assert!(
            outcome.plan.is_empty() && outcome.exercises.is_empty(),
            "{sign}"
        );
        assert!(
            outcome.conditions.is_empty() && !reassures(&outcome),
            "{sign}"
        );
        assert!(!outcome.offers_recovery(), "{sign}");
        // The headline does not offer a plan that is not there.
        assert!(!outcome.tier_line().contains("plan below"), "{sign}");
    }
    // Several at once: the most urgent wins and every one is named.
    let mut answers = story(&[]);
    answers.set("rf_general", &["night", "unwell", "weight"]);
    let outcome = evaluate(&answers);
    assert_eq!(outcome.tier, SameDay);
    assert_eq!(outcome.care_reasons.len(), 3);
}

#[test]
fn the_warning_signs_not_from_running_come_after_the_red_flags_in_one_screen() {
    let ids: Vec<&str> = super::flow::asked(&Answers::new())
        .iter()
        .map(|q| q.id)
        .collect();
    let general = ids.iter().position(|id| *id == "rf_general");
    let last_red_flag = ids.iter().rposition(|id| *id == "rf_worse_rest");
    assert_eq!(general, last_red_flag.map(|i| i + 1));
    let question = questions::find("rf_general");
    assert!(question.is_some_and(|q| q.kind == Kind::Multi
        && !q.skippable
        && q.offered_choices().any(|c| c.id == questions::NONE)));
}

#[test]
fn a_safety_question_an_older_version_did_not_ask_is_no_gap_but_a_skip_or_an_unfinished_check_is() {
    const SKIPPED: &str = "you left a safety question unanswered";
    // Saved before the signs not from running were asked: later answers are there.
    let mut older = story(&[
        ("onset", "gradual"),
        ("areas", "front"),
        ("triggers", "stairs"),
    ]);
    older.retain_questions(|id| id != "rf_general");
    assert!(!said_in(&evaluate(&older)).contains(&SKIPPED));
    assert_eq!(evaluate(&older).tier, SelfManage);
    // Skipped, or never reached in a check that stopped there: not ruled out.
    let mut skipped = older.clone();
    skipped.skip("rf_general");
    assert!(said_in(&evaluate(&skipped)).contains(&SKIPPED));
    let mut unfinished = Answers::new();
    unfinished.set("rf_weight", &["no"]);
    assert!(said_in(&evaluate(&unfinished)).contains(&SKIPPED));
}

// --- Round 3, 3. How it started, swelling after an injury, and severe pain now.

#[test]
fn any_twist_fall_knock_or_change_of_direction_is_an_injury_and_the_sudden_choice_says_so() {
    let onset = questions::find("onset");
    let label = |id: &str| onset.and_then(|q| q.choice(id)).map_or("", |c| c.label);
    for word in ["twist", "fall", "knock", "change of direction"] {
        assert!(label("injury").contains(word), "{word}");
        // The other sudden start names what it is not, so it cannot be read as an injury.
        assert!(label("sudden").contains(word), "{word}");
    }
    assert!(label("sudden").contains("no twist"));
    assert!(onset.is_some_and(|q| q.hint.contains("twist")));
    // The injury is offered before the sudden start without one.
    let order: Vec<&str> =
        onset.map_or(Vec::new(), |q| q.offered_choices().map(|c| c.id).collect());
    assert_eq!(order, ["gradual", "injury", "sudden"]);
}

#[test]
fn swelling_within_hours_of_an_injury_is_same_day_care_with_the_reason() {
    let with = |swelling: &'static str| {
        evaluate(&story(&[
            ("age", "under_50"),
            ("onset", "injury"),
            ("ot_bend", "no"),
            ("ot_tender", "no"),
            ("ot_swelling", swelling),
            ("areas", "inner"),
        ]))
    };
    let hours = with("hours");
    assert_eq!(hours.tier, SameDay);
    assert!(hours.stopped_early);
    assert_eq!(
        said_in(&hours).first(),
        Some(&"the knee swelled within a few hours of it happening")
    );
    assert!(hours.care_actions()[0].contains("bleeding inside the joint"));
    for later in ["later", "no"] {
        let outcome = with(later);
        assert_eq!(outcome.tier, SeeProfessionalSoon, "{later}");
        assert!(outcome.exercises_wait, "{later}");
    }
    // Asked only after an injury, and skipping it leaves the check unsure.
    assert!(questions::find("ot_swelling")
        .is_some_and(|q| q.only_if == Some(("onset", &[questions::INJURY][..]))));
    assert!(said_in(&with("")).contains(&"you left a safety question unanswered"));
}

#[test]
fn severe_pain_now_is_seven_or_more_and_the_question_and_action_say_the_same() {
    let question = questions::find("pain_now");
    assert!(question
        .is_some_and(|q| q.text.contains("right now") && q.hint.contains("7 or more is severe")));
    for score in 0..=10 {
        let pain = score.to_string();
        let pain: &'static str = Box::leak(pain.into_boxed_str());
        let gradual = evaluate(&story(&[
            ("onset", "gradual"),
            ("areas", "front"),
            ("triggers", "stairs"),
            ("pain_now", pain),
        ]));
        let severe = gradual
            .care_reasons
            .iter()
            .find(|r| r.said.starts_with("your pain right now"));
        assert_eq!(severe.is_some(), score >= 7, "{score}");
        if let Some(reason) = severe {
            assert_eq!(reason.tier, SeeProfessionalSoon);
            assert!(reason.action.contains("7 or more out of 10 right now"));
            assert!(!reason.action.contains("at rest"));
        }
        let injured = evaluate(&story(&[
            ("age", "under_50"),
            ("onset", "injury"),
            ("ot_bend", "no"),
            ("ot_tender", "no"),
            ("ot_swelling", "no"),
            ("areas", "inner"),
            ("pain_now", pain),
        ]));
        assert_eq!(
            injured.tier == SameDay,
            score >= 7,
            "{score} after an injury"
        );
        assert_eq!(injured.stopped_early, score >= 7, "{score}");
    }
}

// --- Round 3, 4. One threshold, one sentence.

#[test]
fn durations_do_not_overlap_and_the_two_week_line_is_said_as_it_is_applied() {
    let duration = questions::find("duration");
    let label = |id: &str| duration.and_then(|q| q.choice(id)).map_or("", |c| c.label);
    // Each range ends where the next begins: under 1, 1 up to (not including) 2, 2 to 6, over 6.
    assert_eq!(label("days"), "Less than a week");
    assert!(label("under_2w").contains("less than 2"));
    assert!(label("2_6w").starts_with("2 to 6"));
    assert!(label("over_6w").starts_with("More than 6"));
    for (id, seen) in [
        ("days", false),
        ("under_2w", false),
        ("2_6w", true),
        ("over_6w", true),
    ] {
        let outcome = evaluate(&story(&[
            ("onset", "gradual"),
            ("areas", "front"),
            ("triggers", "stairs"),
            ("duration", id),
        ]));
        let reason = outcome
            .care_reasons
            .iter()
            .find(|r| r.said.starts_with("it has lasted"));
        assert_eq!(reason.is_some(), seen, "{id}");
        if let Some(reason) = reason {
            assert!(reason.action.contains("2 weeks or more"), "{id}");
        }
    }
    assert!(super::engine::SEE_SOMEONE_IF[0].contains("2 weeks or more"));
}

// --- Round 3, 4. Shoes: from the Log when it has any, otherwise asked in the runner's unit.

fn logged_shoe(km_on_it: f64, retired: bool) -> crate::domain::records::Shoe {
    crate::domain::records::Shoe {
        id: crate::domain::records::RecordId::from_random_bits(km_on_it.to_bits().into()),
        updated_at: chrono::DateTime::UNIX_EPOCH,
        name: "Trainers".into(),
        added_on: chrono::NaiveDate::MIN,
        start_distance: crate::domain::units::Distance::from_metres(km_on_it * 1000.0),
        retired,
    }
}

fn shoe_answer_for(shoes: &[crate::domain::records::Shoe]) -> Option<&'static str> {
    let settings = crate::domain::records::Settings::default();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 7).unwrap_or(chrono::NaiveDate::MIN);
    let report = crate::domain::shoes::shoe_report(shoes, &[], &settings, today);
    super::from_log::shoe_answer(&report.shoes)
}

#[test]
fn the_shoe_question_is_answered_from_the_logs_shoes_when_there_are_any() {
    // Against the default replacement distance (800 km): the most worn pair in use counts.
    assert_eq!(shoe_answer_for(&[]), None);
    assert_eq!(
        shoe_answer_for(&[logged_shoe(100.0, false)]),
        Some(questions::SHOES_FINE)
    );
    assert_eq!(
        shoe_answer_for(&[logged_shoe(100.0, false), logged_shoe(700.0, false)]),
        Some(questions::SHOES_NEAR)
    );
    assert_eq!(
        shoe_answer_for(&[logged_shoe(100.0, false), logged_shoe(900.0, true)]),
        Some(questions::SHOES_FINE),
        "a retired pair does not count"
    );
    let past = shoe_answer_for(&[logged_shoe(850.0, false)]);
    assert_eq!(past, Some(questions::SHOES_PAST));

    // So answered, the question is not asked, and past the runner's own distance is the factor.
    let mut answers = story(&[("onset", "gradual"), ("areas", "front")]);
    answers.set("shoe_distance", &[questions::SHOES_PAST]);
    assert!(super::flow::asked(&answers)
        .iter()
        .all(|q| q.id != "shoe_distance"));
    let outcome = evaluate(&answers);
    assert!(outcome.has_factor(crate::domain::content::FactorId::Shoes));
    for near in [questions::SHOES_NEAR, questions::SHOES_FINE] {
        answers.set("shoe_distance", &[near]);
        assert!(!evaluate(&answers).has_factor(crate::domain::content::FactorId::Shoes));
    }
    // With no shoes logged it is asked, and the factor starts past the usual range's top
    // (500 miles, 800 km), which is where its sentence puts it ("past the usual replacement
    // distance").
    let asked = story(&[("onset", "gradual"), ("areas", "front")]);
    assert!(super::flow::asked(&asked)
        .iter()
        .any(|q| q.id == "shoe_distance"));
    for (answer, factor) in [("under_300", false), ("300_500", false), ("over_500", true)] {
        let mut answers = asked.clone();
        answers.set("shoe_distance", &[answer]);
        assert_eq!(
            evaluate(&answers).has_factor(crate::domain::content::FactorId::Shoes),
            factor,
            "{answer}"
        );
    }
    let why = crate::domain::content::FactorId::Shoes.info().why;
    assert!(why.contains("past the usual replacement distance"));
}

/// Everything a runner reads in the wizard and the result, for one story in one unit.
fn everything_shown(answers: &Answers, unit: crate::domain::units::DistanceUnit) -> Vec<String> {
    let outcome = evaluate(answers).in_unit(unit);
    let mut shown: Vec<String> = outcome.sentences().iter().map(|s| s.to_string()).collect();
    for reason in &outcome.care_reasons {
        shown.push(reason.said.to_string());
    }
    let check = outcome.record(
        answers,
        crate::domain::records::RecordId::from_random_bits(1),
        taken_at(),
    );
    shown.extend(crate::domain::knee_check_result::first_screen(&outcome, &check).sentences());
    for phase in crate::domain::knee_check_result::plan(&outcome, &check) {
        shown.push(phase.headline);
        shown.extend(phase.steps);
    }
    for question in super::flow::asked(answers) {
        shown.extend([question.text.to_string(), question.hint.to_string()]);
        shown.extend(
            question
                .offered_choices()
                .map(|c| c.label_in(unit).to_string()),
        );
        if let Some(picked) = answers.get(question.id) {
            shown.extend(
                picked
                    .iter()
                    .filter_map(|id| question.choice(id))
                    .map(|c| c.said_in(unit).to_string()),
            );
        }
    }
    shown
}

#[test]
fn a_walk_of_every_tier_in_both_units_shows_no_km_runner_miles_and_no_miles_runner_km() {
    use crate::domain::units::DistanceUnit::{Km, Mi};
    let shoe_story = |shoes: &'static str| {
        story(&[
            ("onset", "gradual"),
            ("areas", "outer"),
            ("burning", "yes"),
            ("shoe_distance", shoes),
        ])
    };
    let mut stories: Vec<Answers> = vec![
        story(&[("rf_locked", "yes")]),
        story(&[("rf_calf", "tender,swollen"), ("clot_risk", "none")]),
        story(&[("rf_general", "night")]),
        shoe_story("over_500"),
        shoe_story("300_500"),
        shoe_story("under_300"),
        {
            let mut a = shoe_story("over_500");
            a.set("duration", &["2_6w"]);
            a
        },
    ];
    stories.push(story(&[("onset", "injury"), ("ot_bend", "yes")]));
    let mut tiers = std::collections::BTreeSet::new();
    for answers in &stories {
        tiers.insert(evaluate(answers).tier);
        for (unit, foreign) in [(Km, ["mile"]), (Mi, [" km"])] {
            for line in everything_shown(answers, unit) {
                let lower = line.to_lowercase();
                assert!(
                    !foreign.iter().any(|word| lower.contains(word)),
                    "{unit:?}: {line}"
                );
            }
        }
    }
    assert_eq!(tiers.len(), 4, "every tier walked: {tiers:?}");
    // The factor's because-line names the distance in the runner's unit.
    let km = evaluate(&shoe_story("over_500")).in_unit(Km);
    assert!(km
        .factors
        .iter()
        .any(|f| f.because.contains(&"your shoes have run more than 800 km")));
}

// --- Round 3, 5. Growing runners: age bands, the hip, and the X-ray rule's ages.

#[test]
fn age_bands_include_growing_runners_and_older_answers_still_read() {
    let age = questions::find("age");
    let offered: Vec<&str> =
        age.map_or(Vec::new(), |q| q.offered_choices().map(|c| c.id).collect());
    assert_eq!(offered, ["under_12", "12_17", "18_49", "50_54", "55_plus"]);
    // "Under 50" from earlier checks is read and said back, never offered.
    let saved = std::collections::BTreeMap::from([("age".to_string(), "under_50".to_string())]);
    let answers = Answers::from_record_map(&saved);
    assert!(answers.picked("age", "under_50"));
}

#[test]
fn a_growing_runners_knee_pain_with_a_limp_or_hip_pain_names_the_hip_the_same_day() {
    for age in ["under_12", "12_17"] {
        let asked = super::flow::asked(&story(&[("age", age)]));
        assert!(asked.iter().any(|q| q.id == "young_hip"), "{age}");
        let outcome = evaluate(&story(&[
            ("age", age),
            ("young_hip", "yes"),
            ("onset", "gradual"),
            ("areas", "front"),
        ]));
        assert_eq!(outcome.tier, SameDay, "{age}");
        assert!(outcome.stopped_early);
        assert!(said_in(&outcome).contains(&"there is a limp, or pain in the hip, groin or thigh"));
        assert!(outcome.care_actions()[0].contains("hip"));
    }
    for age in ["18_49", "50_54", "55_plus", "under_50"] {
        let asked = super::flow::asked(&story(&[("age", age)]));
        assert!(asked.iter().all(|q| q.id != "young_hip"), "{age}");
    }
}

#[test]
fn the_x_ray_rule_is_applied_only_in_the_ages_it_was_made_for_and_otherwise_the_result_says_what_applies(
) {
    let injured = |age: &'static str| {
        evaluate(&story(&[
            ("age", age),
            ("young_hip", "no"),
            ("onset", "injury"),
            ("ot_bend", "no"),
            ("ot_tender", "no"),
            ("ot_swelling", "no"),
            ("areas", "front"),
        ]))
    };
    let child = injured("under_12");
    assert_eq!(child.tier, SeeProfessionalSoon);
    assert!(child
        .care_actions()
        .iter()
        .any(|a| a.contains("made for adults and older children") && a.contains("doctor")));
    for age in ["12_17", "18_49", "50_54"] {
        let outcome = injured(age);
        assert!(
            outcome
                .care_actions()
                .iter()
                .all(|a| !a.contains("made for adults")),
            "{age}"
        );
    }
    // A warning item still routes towards care at any age: it only ever adds care.
    let mut bend = story(&[
        ("age", "under_12"),
        ("young_hip", "no"),
        ("onset", "injury"),
    ]);
    bend.set("ot_bend", &["yes"]);
    assert_eq!(evaluate(&bend).tier, SameDay);
}

// --- Round 3, 6. Painless clicking alone.

#[test]
fn painless_clicking_alone_is_self_care_with_its_note_on_the_first_screen() {
    let alone = evaluate(&story(&[
        ("age", "18_49"),
        ("onset", "gradual"),
        ("areas", ""),
        ("clicking", "painless"),
        ("pain_now", "1"),
    ]));
    assert_eq!(alone.tier, SelfManage);
    assert!(!said_in(&alone).contains(&"the answers point to no clear pattern"));
    assert_eq!(alone.first_screen_note(), Some(PAINLESS_CLICKING));
    // With pain, or a condition, it is not the whole story.
    let hurting = evaluate(&story(&[
        ("onset", "gradual"),
        ("areas", ""),
        ("clicking", "painless"),
        ("pain_now", "5"),
    ]));
    assert!(said_in(&hurting).contains(&"the answers point to no clear pattern"));
    let front = evaluate(&story(&[
        ("onset", "gradual"),
        ("areas", "front"),
        ("clicking", "painless"),
    ]));
    assert_eq!(front.first_screen_note(), None);
    assert_eq!(front.notes, vec![PAINLESS_CLICKING]);
}

/// One story for each kind of result: each tier, and each way of "see a professional soon"
/// (who, how soon, examined first or not, ended by a warning sign or not).
const FIRST_SCREEN_STORIES: [(&str, &[(&str, &str)]); 11] = [
    (
        "soon: a sharp pain, swelling and painful clicking, no injury",
        &[
            ("onset", "gradual"),
            ("areas", "inner"),
            ("feel", "sharp"),
            ("swelling", "yes"),
            ("clicking", "painful"),
        ],
    ),
    ("emergency: a locked knee", &[("rf_locked", "yes")]),
    ("same day: feverish", &[("rf_general", "unwell")]),
    (
        "same day: swelling within hours of an injury",
        &[("onset", "injury"), ("ot_swelling", "hours")],
    ),
    (
        "soon, ended: pain at night and weight loss",
        &[("rf_general", "night,weight")],
    ),
    (
        "soon: a calf that aches, no clot risks",
        &[("rf_calf", "pain"), ("clot_risk", "none")],
    ),
    (
        "soon: a sudden pain, examined first",
        &[
            ("onset", "sudden"),
            ("areas", "inner"),
            ("duration", "days"),
        ],
    ),
    (
        "soon: weeks of pain that comes back",
        &[
            ("onset", "gradual"),
            ("areas", "front"),
            ("duration", "2_6w"),
            ("before", "often"),
        ],
    ),
    (
        "soon: a child under 12 after a knock",
        &[("age", "under_12"), ("onset", "injury"), ("areas", "front")],
    ),
    (
        "self-care: a new front-of-knee ache",
        &[
            ("onset", "gradual"),
            ("areas", "front"),
            ("duration", "days"),
            ("worse_on_stairs", "yes"),
        ],
    ),
    (
        "self-care: outer knee pain for a week or two",
        &[
            ("onset", "gradual"),
            ("areas", "outer"),
            ("duration", "under_2w"),
        ],
    ),
];

/// Issue 25 item 7: for every kind of result, the first screen says the tier, the probable
/// cause, this week's actions and when to be seen, each once; and who and how soon follow
/// the reasons (a possible clot or a young child: a doctor in the next day or two).
#[test]
fn each_result_says_each_thing_once_on_its_first_screen() {
    use crate::domain::knee_check_result::{first_screen, says_each_thing_once};
    let mut tiers = std::collections::BTreeSet::new();
    for (name, pairs) in FIRST_SCREEN_STORIES {
        let answers = story(pairs);
        let outcome = evaluate(&answers);
        tiers.insert(outcome.tier);
        let check = outcome.record(
            &answers,
            crate::domain::records::RecordId::from_random_bits(1),
            taken_at(),
        );
        let screen = first_screen(&outcome, &check);
        if let Err(twice) = says_each_thing_once(&screen) {
            panic!("{name}: {twice}\n{:#?}", screen.sentences());
        }
        let said = screen.sentences().join(" ");
        // The tier and the week agree: self-care never asks to be seen first.
        let asks = crate::domain::situation::after_check(&check).asks_to_be_seen();
        assert_eq!(
            outcome.tier == CareTier::SelfManage,
            !asks,
            "{name}: {said}"
        );
        if outcome.stopped_early && outcome.tier == SeeProfessionalSoon {
            assert!(
                said.contains("rest the knee from running"),
                "{name}: {said}"
            );
        }
        if outcome.tier <= CareTier::SameDay {
            assert!(
                !said.contains("physiotherapist"),
                "{name}: same-day care, one place: {said}"
            );
        }
        let doctor_soon = name.contains("calf") || name.contains("child");
        if doctor_soon {
            assert!(
                said.contains("next day or two") && !said.contains("next few days"),
                "{name}: {said}"
            );
            assert!(
                said.contains("doctor") && !said.contains("physiotherapist"),
                "{name}: {said}"
            );
        }
    }
    assert_eq!(tiers.len(), 4, "every tier has a story");
}

/// When the stories' checks are taken: any moment will do.
fn taken_at() -> chrono::DateTime<chrono::FixedOffset> {
    match "2026-11-20T08:00:00Z".parse() {
        Ok(at) => at,
        Err(error) => panic!("{error}"),
    }
}

/// Pain just below the kneecap: in an adult, worse with jumping or hills, the patellar
/// tendon; in a runner still growing, the growth plate at either end of that tendon
/// (Osgood–Schlatter, Sinding-Larsen–Johansson), never an adult's tendon story alone. Each
/// gets its first-line exercise and its own steps in the plan.
#[test]
fn pain_below_the_kneecap_is_the_tendon_in_adults_and_growth_pain_in_the_young() {
    use crate::domain::content::ConditionId::{GrowingKnee, PatellarTendon};
    let below = |age: &'static str| {
        story(&[
            ("age", age),
            ("onset", "gradual"),
            ("areas", "below"),
            ("triggers", "jumping"),
            ("duration", "under_2w"),
        ])
    };
    let adult = evaluate(&below("18_49"));
    assert_eq!(adult.tier, CareTier::SelfManage, "{:?}", adult.care_reasons);
    assert_eq!(adult.conditions[0].condition.id, PatellarTendon);
    assert!(!adult.has_condition(GrowingKnee));
    assert!(adult.has_exercise("tendon_hold") && adult.has_exercise("slow_split_squat"));
    assert!(adult
        .steps_in(crate::domain::content::Phase::WeeksOneToTwo)
        .iter()
        .any(|step| step.contains("tendon holds every day")));
    for young in ["12_17", "under_12"] {
        let outcome = evaluate(&below(young));
        assert_eq!(outcome.conditions[0].condition.id, GrowingKnee, "{young}");
        assert!(outcome.has_exercise("wall_sit"), "{young}");
        assert!(
            outcome
                .steps_in(crate::domain::content::Phase::WeeksOneToTwo)
                .iter()
                .any(|step| step.contains("rather than stopping all sport")),
            "{young}"
        );
    }
    // Below the kneecap alone: the tendon in a grown runner, growth pain alone in a young one.
    let only_below = |age: &'static str| {
        evaluate(&story(&[
            ("age", age),
            ("onset", "gradual"),
            ("areas", "below"),
        ]))
    };
    assert_eq!(
        only_below("50_54").conditions[0].condition.id,
        PatellarTendon
    );
    let young = only_below("12_17");
    assert_eq!(young.conditions[0].condition.id, GrowingKnee);
    assert!(!young.has_condition(PatellarTendon));
    // The front of the knee alone stays runner's knee.
    let front = evaluate(&story(&[
        ("age", "18_49"),
        ("onset", "gradual"),
        ("areas", "front"),
        ("triggers", "stairs"),
    ]));
    assert!(!front.has_condition(PatellarTendon) && !front.has_condition(GrowingKnee));
}
