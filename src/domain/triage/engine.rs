//! Answers in, outcome out: the care tier and why, the likely conditions with the answers
//! that pointed to them, the contributing factors, when to see someone, and the plan.

use crate::domain::content::{
    self, exercises, Condition, ConditionId, Exercise, Factor, FactorId, Phase, PlanStage,
};
use crate::domain::records::CareTier;

use super::answers::Answers;
use super::questions;
use super::rules::{self, Referral, CARE_RULES, EVIDENCE, FACTOR_RULES, LIKELY_AT, SCORE_RULES};

/// An answer that set the level of care, and what to do about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CareReason {
    pub tier: CareTier,
    /// The answer in the person's words.
    pub said: &'static str,
    pub action: &'static str,
    /// Who and how soon, when the tier is "see a professional soon".
    pub referral: Referral,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LikelyCondition {
    pub condition: &'static Condition,
    pub score: u32,
    /// The answers that pointed to it, in the person's words.
    pub because: Vec<&'static str>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FoundFactor {
    pub factor: &'static Factor,
    pub because: Vec<&'static str>,
}

/// One phase of the plan with the general steps and the training changes that fit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlannedStage {
    pub stage: &'static PlanStage,
    pub steps: Vec<&'static str>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    pub tier: CareTier,
    /// The answers that set the tier, most urgent first. Empty for self-management.
    pub care_reasons: Vec<CareReason>,
    /// True when a red flag or injury warning sign ended the check early.
    pub stopped_early: bool,
    /// Most likely first; empty when nothing pointed clearly anywhere.
    pub conditions: Vec<LikelyCondition>,
    pub factors: Vec<FoundFactor>,
    /// Empty when the check stopped early: care comes first.
    pub plan: Vec<PlannedStage>,
    pub exercises: Vec<&'static Exercise>,
    /// True when exercises should wait until someone has examined the knee.
    pub exercises_wait: bool,
    /// Things worth knowing that change nothing above (painless clicking).
    pub notes: Vec<&'static str>,
}

/// The line under a self-care result's tier. Never "you're fine": it is care, by the runner.
/// Every other tier says why instead ("Because you said …"); what to do and when follow once,
/// in the week's actions or the care the warning sign needs.
pub const SELF_CARE_LINE: &str = "Look after it yourself with the plan below.";

/// The line under the tier of a saved check whose care today's rules would make milder.
pub const SAVED_CARE_LINE: &str = "This is the care the check gave when it was saved.";

/// The heading of what to do after a warning sign ended the check: the care it needs.
pub const DO_RIGHT_NOW: &str = "What to do right now";

/// A short name for each tier, for lists and the history.
pub fn tier_name(tier: CareTier) -> &'static str {
    match tier {
        CareTier::EmergencyNow => "Emergency now",
        CareTier::SameDay => "Same-day care",
        CareTier::SeeProfessionalSoon => "See a professional soon",
        CareTier::SelfManage => "Self-care with a plan",
    }
}

/// When anyone should see a professional, whatever the outcome (the seed's list).
pub const SEE_SOMEONE_IF: [&str; 5] = [
    "the pain lasts 2 weeks or more even though you have eased off and followed the plan;",
    "it keeps coming back;",
    "it gets in the way of daily life, not just running;",
    "you are unsure what is causing it or what to do;",
    "any warning sign from the start of the check appears: then get help the same day.",
];

/// The "See someone" line of a self-care result. Short enough for two lines at 360 px: the
/// result's first screen holds it with the week's three actions and the buttons; the full
/// list is in "When to see someone".
pub const SELF_CARE_SEE_SOMEONE: &str =
    "If no better in 2 weeks or it comes back; today for a warning sign.";
/// "a, b and c".
pub fn join_words(parts: &[&str]) -> String {
    match parts {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

pub const SKIPPED_SAFETY_SAID: &str = "you left a safety question unanswered";
pub const NO_CLEAR_PATTERN_SAID: &str = "the answers point to no clear pattern";
pub const SKIPPED_SAFETY: &str = "You did not answer every safety question, so this check cannot \
rule those problems out: have the knee looked at by a GP or physiotherapist.";
pub const NO_CLEAR_PATTERN: &str = "Your answers do not point clearly to one cause, and a \
professional can examine what a questionnaire cannot.";

/// Painless clicking is common and on its own no sign of damage, so it raises nothing.
pub const PAINLESS_CLICKING: &str = "Clicking or popping that does not hurt is common in \
knees and, on its own, is not a sign of damage.";

/// Evaluates the answers given. Works on any answer set: partial, skipped or contradictory.
/// Answers below one that ended the check do not count: a warning sign is the whole answer.
pub fn evaluate(answers: &Answers) -> Outcome {
    let mut decided = answers.clone();
    rules::forget_after_stop(&mut decided);
    let answers = &decided;
    let stopped_early = rules::stops(answers);

    let mut care_reasons: Vec<CareReason> = CARE_RULES
        .iter()
        .filter(|rule| rule.holds(answers))
        .map(|rule| CareReason {
            tier: rule.tier,
            said: rule.when.said(),
            action: rule.action,
            referral: rule.referral,
        })
        .collect();
    for rule in SCORE_RULES.iter().filter(|rule| rule.holds(answers)) {
        for said in rule.said(answers) {
            care_reasons.push(CareReason {
                tier: rule.tier,
                said,
                action: rule.action,
                referral: rule.referral,
            });
        }
    }

    // After a warning sign, care is the whole answer: no causes, timelines or plan.
    let (conditions, factors) = if stopped_early {
        (Vec::new(), Vec::new())
    } else {
        (likely_conditions(answers), found_factors(answers))
    };

    if !stopped_early {
        let injured = answers.picked("onset", questions::INJURY);
        let asked = super::flow::asked(answers);
        // The last question answered: a safety question missing before it was not asked by
        // the version that saved the check (the wizard cannot pass one unanswered), so only
        // a skip, or a gap at the end of an unfinished check, leaves something unruled out.
        let last_answered = asked.iter().rposition(|q| answers.is_answered(q.id));
        let safety_skipped = asked.iter().enumerate().any(|(index, q)| {
            questions::is_safety_check(q, injured)
                && match answers.get(q.id) {
                    Some(picked) => picked.is_empty(),
                    None => last_answered.is_none_or(|last| index > last),
                }
        });
        if safety_skipped {
            care_reasons.push(CareReason {
                tier: CareTier::SeeProfessionalSoon,
                said: SKIPPED_SAFETY_SAID,
                action: SKIPPED_SAFETY,
                referral: Referral::USUAL,
            });
        }
        for see_soon in conditions
            .iter()
            .filter_map(|likely| likely.condition.see_soon.as_ref())
        {
            care_reasons.push(CareReason {
                tier: CareTier::SeeProfessionalSoon,
                said: see_soon.said,
                action: see_soon.action,
                referral: Referral::USUAL,
            });
        }
        // Clicking that does not hurt is common and no sign of damage (its note): when it is
        // the whole story it is self-care, not "no clear pattern".
        if conditions.is_empty() && !painless_clicking_alone(answers) {
            care_reasons.push(CareReason {
                tier: CareTier::SeeProfessionalSoon,
                said: NO_CLEAR_PATTERN_SAID,
                action: NO_CLEAR_PATTERN,
                referral: Referral::USUAL,
            });
        }
    }
    // Most urgent first (`Outcome::care_actions` gives each piece of advice once).
    crate::domain::sort::sort_by_key(&mut care_reasons, |reason| reason.tier);
    let tier = care_reasons
        .first()
        .map_or(CareTier::SelfManage, |reason| reason.tier);

    let exercises_wait = stopped_early
        || conditions
            .iter()
            .any(|likely| likely.condition.exercises_wait_for_assessment);
    let clot = clot_possible(answers);
    let (plan, exercises) = if stopped_early {
        (Vec::new(), Vec::new())
    } else if exercises_wait {
        (plan_until_examined(), Vec::new())
    } else {
        (
            plan_for(
                &conditions,
                &factors,
                tier,
                started_in_the_last_days(answers),
                clot,
            ),
            exercises_for(&conditions, &factors, clot),
        )
    };
    let notes = if !stopped_early && answers.picked("clicking", "painless") {
        vec![PAINLESS_CLICKING]
    } else {
        Vec::new()
    };

    Outcome {
        tier,
        care_reasons,
        stopped_early,
        conditions,
        factors,
        plan,
        exercises,
        exercises_wait,
        notes,
    }
}

fn likely_conditions(answers: &Answers) -> Vec<LikelyCondition> {
    let mut found: Vec<LikelyCondition> = content::CONDITIONS
        .iter()
        .filter_map(|condition| {
            let hits: Vec<_> = EVIDENCE
                .iter()
                .filter(|e| e.condition == condition.id && e.when.holds(answers))
                .collect();
            let score: u32 = hits.iter().map(|e| u32::from(e.weight)).sum();
            (score >= LIKELY_AT).then(|| LikelyCondition {
                condition,
                score,
                because: hits.iter().map(|e| e.when.said()).collect(),
            })
        })
        .collect();
    // A likely injury comes first whatever its score: it is the one to rule out before any
    // overuse cause is treated. Then by score; ties keep the knowledge base's order.
    crate::domain::sort::sort_by_key(&mut found, |likely| {
        (
            !likely.condition.exercises_wait_for_assessment,
            std::cmp::Reverse(likely.score),
        )
    });
    found
}

fn found_factors(answers: &Answers) -> Vec<FoundFactor> {
    content::FACTORS
        .iter()
        .filter_map(|factor| {
            let because: Vec<&'static str> = FACTOR_RULES
                .iter()
                .filter(|rule| rule.factor == factor.id && rule.when.holds(answers))
                .map(|rule| rule.when.said())
                .collect();
            (!because.is_empty()).then_some(FoundFactor { factor, because })
        })
        .collect()
}

/// The first days' care, then being examined: nothing that loads the knee is planned.
fn plan_until_examined() -> Vec<PlannedStage> {
    content::PLAN
        .iter()
        .filter(|stage| stage.phase == Phase::FirstDays)
        .map(|stage| PlannedStage {
            stage,
            steps: stage.steps.to_vec(),
        })
        .collect()
}

/// The words around the exercises: the hint above them, or why they wait.
fn exercise_words(outcome: &Outcome) -> Vec<&'static str> {
    if !outcome.exercises.is_empty() {
        let hip_work = outcome.exercises.iter().any(|e| e.hip_work);
        let mut words = vec![content::EXERCISE_HINT];
        words.extend(hip_work.then_some(content::HIP_WORK_TIMELINE));
        words
    } else if outcome.exercises_wait {
        vec![content::EXERCISES_WAIT]
    } else {
        Vec::new()
    }
}

/// Whether painless clicking is the whole story: the knee clicks without pain and hurts little
/// now (0 to 2 out of 10, or not said). The rest of the check still adds any care it calls for.
pub fn painless_clicking_alone(answers: &Answers) -> bool {
    let little_pain = answers
        .get("pain_now")
        .is_none_or(|picked| picked.iter().all(|p| matches!(p.as_str(), "0" | "1" | "2")));
    answers.picked("clicking", "painless") && little_pain
}

/// Whether a blood clot in the leg is possible: unless the runner said their calf neither
/// hurts, is tender nor is swollen, it is (an unanswered or older calf question included).
/// Then nothing in the result presses or stretches the calf.
pub fn clot_possible(answers: &Answers) -> bool {
    !answers.picked("rf_calf", questions::NONE)
}

/// Whether the pain started in the last few days, or the runner did not say: only then does
/// the first days' care (rest, ice, raise the leg) fit the story.
pub fn started_in_the_last_days(answers: &Answers) -> bool {
    answers
        .get("duration")
        .is_none_or(|picked| picked.is_empty() || answers.picked("duration", "days"))
}

/// The plan from the phase the story is in, with the training changes for the factors found.
/// Reassurance opens it only for self-care: a runner told to be seen, or unsure, is not told
/// not to worry.
fn plan_for(
    conditions: &[LikelyCondition],
    factors: &[FoundFactor],
    tier: CareTier,
    recent: bool,
    clot: bool,
) -> Vec<PlannedStage> {
    content::PLAN
        .iter()
        .filter(|stage| recent || stage.phase != Phase::FirstDays)
        .enumerate()
        .map(|(index, stage)| {
            let mut steps: Vec<&'static str> = stage
                .steps
                .iter()
                .map(|step| {
                    if clot && *step == content::plan::STRETCH_AND_ROLL {
                        content::plan::STRETCH_NOT_CALF
                    } else {
                        step
                    }
                })
                .collect();
            if index == 0 && tier == CareTier::SelfManage {
                steps.insert(0, content::plan::REASSURANCE);
            }
            for (phase, change) in conditions
                .iter()
                .flat_map(|likely| likely.condition.changes)
                .chain(factors.iter().flat_map(|found| found.factor.changes))
            {
                if *phase == stage.phase && !steps.contains(change) {
                    steps.push(change);
                }
            }
            PlannedStage { stage, steps }
        })
        .collect()
}

/// The general hip set for when nothing more specific was found: weak hips are the most
/// common root cause in the seed.
const GENERAL: [&str; 3] = ["clamshell", "side_lying_leg_lift", "hip_thrust"];

fn exercises_for(
    conditions: &[LikelyCondition],
    factors: &[FoundFactor],
    clot: bool,
) -> Vec<&'static Exercise> {
    // Every likely condition's first-line exercises first, so that none is cut by the
    // limit below; then the rest, most likely condition first.
    let mut ids: Vec<&'static str> = Vec::new();
    for likely in conditions {
        ids.extend(likely.condition.first_line.iter().copied());
    }
    for likely in conditions {
        ids.extend(likely.condition.exercises.iter().copied());
    }
    for found in factors {
        ids.extend(found.factor.exercises.iter().copied());
    }
    if ids.is_empty() {
        ids.extend(GENERAL);
    }
    let mut unique: Vec<&'static str> = Vec::new();
    for id in ids {
        if !unique.contains(&id) {
            unique.push(id);
        }
    }
    unique
        .into_iter()
        .filter_map(exercises::find)
        .filter(|exercise| !(clot && exercise.avoid_if_clot))
        .take(9)
        .collect()
}

impl Outcome {
    /// The record a saved check keeps: what was shown, and the answers that led to it.
    pub fn record(
        &self,
        answers: &Answers,
        id: crate::domain::records::RecordId,
        now: chrono::DateTime<chrono::FixedOffset>,
    ) -> crate::domain::records::TriageRecord {
        crate::domain::records::TriageRecord {
            id,
            updated_at: now.to_utc(),
            taken_at: now,
            care_tier: self.tier,
            conditions: self.condition_keys(),
            answers: answers.to_record_map(),
        }
    }

    /// Who should see the knee and how soon, over every reason at the result's tier (only
    /// "see a professional soon" has a choice; the other tiers say today or now).
    pub fn referral(&self) -> Referral {
        Referral::soonest(
            self.care_reasons
                .iter()
                .filter(|reason| reason.tier == self.tier)
                .map(|reason| reason.referral),
        )
    }

    /// What the care reasons ask, most urgent first, each once.
    pub fn care_actions(&self) -> Vec<&'static str> {
        let mut actions: Vec<&'static str> = Vec::new();
        for reason in &self.care_reasons {
            if !actions.contains(&reason.action) {
                actions.push(reason.action);
            }
        }
        actions
    }

    /// The line under the care tier: for self-care, what kind of care; otherwise why, in the
    /// runner's words ("Because you said the knee gives way."), every answer that set the
    /// tier once. What to do and when are said once, below it.
    pub fn tier_line(&self) -> String {
        if self.tier == CareTier::SelfManage {
            return SELF_CARE_LINE.to_string();
        }
        let mut said: Vec<&str> = Vec::new();
        for reason in self.care_reasons.iter().filter(|r| r.tier == self.tier) {
            if !said.contains(&reason.said) {
                said.push(reason.said);
            }
        }
        if said.is_empty() {
            // A saved check keeps the care it gave when today's rules would give less.
            return SAVED_CARE_LINE.to_string();
        }
        format!("Because you said {}.", join_words(&said))
    }

    /// The "See someone" line of the first screen: only a self-care result has one. Any
    /// other result's week, or the care a warning sign needs, already says who and when.
    pub fn see_someone_line(&self) -> Option<&'static str> {
        (self.tier == CareTier::SelfManage && !self.stopped_early).then_some(SELF_CARE_SEE_SOMEONE)
    }

    /// How long most knee pain takes to settle, said with the plan of a self-care result only.
    pub fn settling_timeline(&self) -> Option<&'static str> {
        (self.tier == CareTier::SelfManage && !self.plan.is_empty())
            .then_some(content::SETTLING_TIMELINE)
    }

    /// Every sentence the result shows about this knee, for checks over all outcomes: the
    /// headline, the reasons and actions, causes, plan, exercises and notes.
    pub fn sentences(&self) -> Vec<&'static str> {
        let mut all: Vec<&'static str> = self.see_someone_line().into_iter().collect();
        if self.tier == CareTier::SelfManage {
            all.push(SELF_CARE_LINE);
        }
        for reason in &self.care_reasons {
            all.extend([reason.said, reason.action]);
        }
        for likely in &self.conditions {
            let c = likely.condition;
            all.extend([c.name, c.about, c.timeline]);
            all.extend(likely.because.iter().copied());
        }
        for found in &self.factors {
            all.extend([found.factor.name, found.factor.why]);
            all.extend(found.because.iter().copied());
        }
        for planned in &self.plan {
            all.push(planned.stage.title);
            all.extend(planned.steps.iter().copied());
        }
        all.extend(self.settling_timeline());
        for exercise in &self.exercises {
            all.extend([exercise.name, exercise.dose, exercise.how_to]);
        }
        all.extend(self.notes.iter().copied());
        if !self.stopped_early {
            all.extend([content::CAUSES_HINT, content::SEE_SOMEONE_IF_INTRO]);
            all.extend(SEE_SOMEONE_IF);
            all.extend(exercise_words(self));
        }
        all
    }

    /// The same result in the runner's unit: every answer said back that names a distance
    /// is said in kilometres for a runner who reads kilometres.
    pub fn in_unit(mut self, unit: crate::domain::units::DistanceUnit) -> Outcome {
        let say = |said: &mut &'static str| *said = questions::said_in(said, unit);
        self.care_reasons
            .iter_mut()
            .for_each(|reason| say(&mut reason.said));
        for likely in &mut self.conditions {
            likely.because.iter_mut().for_each(say);
        }
        for found in &mut self.factors {
            found.because.iter_mut().for_each(say);
        }
        self
    }

    /// A note said on the result's first screen: painless clicking when it is the whole story.
    pub fn first_screen_note(&self) -> Option<&'static str> {
        (self.conditions.is_empty() && !self.stopped_early)
            .then(|| self.notes.first().copied())
            .flatten()
    }

    /// Whether the result leads on to the back-to-running plan: only self-care. A runner
    /// told to be seen runs less meanwhile (their week says so); the plan is offered once
    /// they record being cleared, so week one has one instruction.
    pub fn offers_recovery(&self) -> bool {
        self.tier == CareTier::SelfManage && !self.exercises_wait
    }

    /// The ids of the likely conditions, most likely first, as a record keeps them.
    pub fn condition_keys(&self) -> Vec<String> {
        self.conditions
            .iter()
            .map(|likely| likely.condition.id.key().to_string())
            .collect()
    }

    pub fn has_condition(&self, id: ConditionId) -> bool {
        self.conditions
            .iter()
            .any(|likely| likely.condition.id == id)
    }

    pub fn has_factor(&self, id: FactorId) -> bool {
        self.factors.iter().any(|found| found.factor.id == id)
    }

    pub fn has_exercise(&self, id: &str) -> bool {
        self.exercises.iter().any(|exercise| exercise.id == id)
    }

    /// The steps for one phase of the plan.
    pub fn steps_in(&self, phase: Phase) -> &[&'static str] {
        self.plan
            .iter()
            .find(|planned| planned.stage.phase == phase)
            .map_or(&[], |planned| planned.steps.as_slice())
    }
}
