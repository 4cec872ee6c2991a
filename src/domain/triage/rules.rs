//! The rules as data: which answers call for which care, point to which condition, or
//! reveal which contributing factor. The engine reads these tables; nothing else decides.
//! Sources are in DESIGN.md ("Clinical and training facts").

use crate::domain::content::{ConditionId, FactorId};
use crate::domain::records::CareTier;

use super::answers::Answers;
use super::questions;

/// "This choice was picked for this question."
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct When {
    pub question: &'static str,
    pub choice: &'static str,
}

const fn when(question: &'static str, choice: &'static str) -> When {
    When { question, choice }
}

impl When {
    pub fn holds(&self, answers: &Answers) -> bool {
        answers.picked(self.question, self.choice)
    }

    /// The answer in the person's words ("the knee gives way").
    pub fn said(&self) -> &'static str {
        questions::find(self.question)
            .and_then(|question| question.choice(self.choice))
            .map_or("", |choice| choice.said)
    }
}

/// An answer (or two together) that calls for a level of care.
#[derive(Debug)]
pub struct CareRule {
    pub when: When,
    /// A second answer that must also have been given; the reason quotes only `when`.
    pub also: Option<When>,
    pub tier: CareTier,
    /// What to do about it, right now.
    pub action: &'static str,
    /// True when the answer ends the check at once (red flags, injury warning signs).
    pub stops: bool,
}

const fn red_flag(question: &'static str, tier: CareTier, action: &'static str) -> CareRule {
    CareRule {
        when: when(question, questions::YES),
        also: None,
        tier,
        action,
        stops: true,
    }
}

/// An injury (X-ray) item: any yes routes to same-day assessment, and ends the check.
const fn ottawa(question: &'static str) -> CareRule {
    red_flag(question, CareTier::SameDay, OTTAWA_ACTION)
}

/// An answer that is worth a professional's look soon; the check goes on.
const fn see_soon(question: &'static str, choice: &'static str, action: &'static str) -> CareRule {
    CareRule {
        when: when(question, choice),
        also: None,
        tier: CareTier::SeeProfessionalSoon,
        action,
        stops: false,
    }
}

impl CareRule {
    pub fn holds(&self, answers: &Answers) -> bool {
        self.when.holds(answers) && self.also.is_none_or(|also| also.holds(answers))
    }

    /// The answers this rule reads, in the order the rule lists them.
    pub fn reads(&self) -> impl Iterator<Item = &When> {
        std::iter::once(&self.when).chain(self.also.as_ref())
    }
}

const OTTAWA_ACTION: &str = "Have the knee examined today at urgent care, a minor injuries \
unit or an emergency department: after a fall, twist or knock this answer means an X-ray may \
be needed to check the bone.";

const PAIN_AT_REST: &str = "Pain this strong at rest should be examined.";
const OVER_TWO_WEEKS: &str =
    "Pain lasting more than two weeks despite looking after it deserves a professional opinion.";

pub const CARE_RULES: [CareRule; 22] = [
    // Red flags, asked first; any yes wins over everything else.
    red_flag(
        "rf_weight",
        CareTier::SameDay,
        "Get the knee examined today at urgent care or an emergency department. Keep weight off it and use support to get about.",
    ),
    red_flag(
        "rf_locked",
        CareTier::EmergencyNow,
        "Go to an emergency department now, or call your local emergency number. Do not force the knee straight, and do not drive yourself.",
    ),
    CareRule {
        when: when("rf_locked", questions::LOCKS_AT_TIMES),
        also: None,
        tier: CareTier::SameDay,
        action: "Have the knee examined today: a knee that locks, even if it frees up again, \
                 can have a torn cartilage caught in the joint. Do not run on it until then.",
        stops: true,
    },
    red_flag(
        "rf_gives_way",
        CareTier::SameDay,
        "Have the knee examined today. Until then, do not run, twist or take stairs without something to hold.",
    ),
    red_flag(
        "rf_swollen",
        CareTier::SameDay,
        "Have the knee examined today. Meanwhile rest it raised, with ice wrapped in a cloth for 10 to 15 minutes at a time.",
    ),
    red_flag(
        "rf_hot",
        CareTier::SameDay,
        "Get seen by a doctor today: a hot, red knee with fever or chills can be an infection, which needs treatment quickly.",
    ),
    red_flag(
        "rf_numb",
        CareTier::SameDay,
        "Get seen by a doctor today so the nerves and blood flow to the leg can be checked.",
    ),
    red_flag(
        "rf_calf",
        CareTier::SameDay,
        "Go to urgent care today: a swollen, red, painful calf must be checked for a blood clot. Do not massage it.",
    ),
    red_flag(
        "rf_worse_rest",
        CareTier::SameDay,
        "Have the knee examined by a doctor today: pain that keeps climbing with rest needs a proper look.",
    ),
    // The self-report Ottawa knee items (Stiell 1995), for a knee hurt in a fall, twist or
    // knock: any yes routes to same-day assessment. A "no" never rules anything out. Age is
    // asked of everyone, so its item needs the injury as well; it ends the check on the
    // second of the two answers.
    CareRule {
        when: when("age", questions::AGE_55_PLUS),
        also: Some(when("onset", questions::INJURY)),
        tier: CareTier::SameDay,
        action: OTTAWA_ACTION,
        stops: true,
    },
    ottawa("ot_bend"),
    ottawa("ot_steps"),
    ottawa("ot_tender"),
    // See a professional soon.
    see_soon(
        "onset",
        questions::INJURY,
        "Have a knee hurt in a fall, twist or knock checked by a GP or physiotherapist, even if it is settling.",
    ),
    // A sharp pain that starts mid-movement is not overuse: it can be a torn cartilage or a
    // strained tendon, so it is examined before it is loaded (the seed: sudden, sharp pain
    // needs attention). The X-ray items are not asked: they were made for knees hurt by a
    // force, and this knee is examined soon anyway.
    see_soon(
        "onset",
        questions::SUDDEN,
        "Have a pain that came on suddenly checked by a GP or physiotherapist in the next few days: a sharp pain that starts in the middle of a run or a movement can be a torn cartilage or a strained tendon rather than overuse.",
    ),
    see_soon("duration", "2_6w", OVER_TWO_WEEKS),
    see_soon("duration", "over_6w", OVER_TWO_WEEKS),
    see_soon(
        "before",
        "often",
        "Repeated episodes of the same pain need assessing by a physiotherapist or doctor, who can find out why it keeps coming back.",
    ),
    see_soon(
        "daily_life",
        questions::YES,
        "Pain that affects daily life, not just running, should be examined.",
    ),
    see_soon("pain_now", "8", PAIN_AT_REST),
    see_soon("pain_now", "9", PAIN_AT_REST),
    see_soon("pain_now", "10", PAIN_AT_REST),
];

/// An answer that points towards a condition, with how strongly.
#[derive(Debug)]
pub struct Evidence {
    pub condition: ConditionId,
    pub when: When,
    pub weight: u8,
}

const fn points(
    condition: ConditionId,
    question: &'static str,
    choice: &'static str,
    weight: u8,
) -> Evidence {
    Evidence {
        condition,
        when: when(question, choice),
        weight,
    }
}

/// A condition is listed as likely once its evidence adds up to this.
pub const LIKELY_AT: u32 = 3;

use ConditionId::{AcuteInjury, BehindKnee, InnerKnee, ItBand, JointSurface, Patellofemoral};

pub const EVIDENCE: [Evidence; 30] = [
    points(Patellofemoral, "areas", "front", 3),
    points(Patellofemoral, "triggers", "stairs", 2),
    points(Patellofemoral, "triggers", "squat", 2),
    points(Patellofemoral, "triggers", "sitting", 2),
    points(Patellofemoral, "triggers", "kneel", 1),
    points(Patellofemoral, "feel", "dull", 1),
    points(ItBand, "areas", "outer", 3),
    points(ItBand, "burning", questions::YES, 3),
    points(ItBand, "timing", "during", 1),
    points(ItBand, "mileage", "10_30", 1),
    points(ItBand, "mileage", "over_30", 1),
    points(ItBand, "surface", "camber", 1),
    points(ItBand, "surface", "downhill", 1),
    points(ItBand, "shoe_distance", "over_500", 1),
    points(InnerKnee, "areas", "inner", 3),
    points(InnerKnee, "triggers", "stairs", 1),
    points(BehindKnee, "areas", "behind", 3),
    points(BehindKnee, "swelling", questions::YES, 1),
    points(BehindKnee, "triggers", "squat", 1),
    points(JointSurface, "areas", "deep", 3),
    points(JointSurface, "stiffness", questions::YES, 2),
    points(JointSurface, "clicking", "painful", 1),
    points(JointSurface, "swelling", questions::YES, 1),
    // Wear of the joint surface grows likelier from about 50; with a deep ache or morning
    // stiffness, age tips it into the list and so to being examined.
    points(JointSurface, "age", questions::AGE_50_54, 1),
    points(JointSurface, "age", questions::AGE_55_PLUS, 1),
    points(AcuteInjury, "onset", questions::INJURY, 4),
    points(AcuteInjury, "onset", questions::SUDDEN, 4),
    points(AcuteInjury, "feel", "sharp", 1),
    points(AcuteInjury, "clicking", "painful", 1),
    points(AcuteInjury, "swelling", questions::YES, 1),
];

/// An answer that reveals a contributing factor.
#[derive(Debug)]
pub struct FactorRule {
    pub factor: FactorId,
    pub when: When,
}

const fn factor(factor: FactorId, question: &'static str, choice: &'static str) -> FactorRule {
    FactorRule {
        factor,
        when: when(question, choice),
    }
}

pub const FACTOR_RULES: [FactorRule; 13] = [
    factor(FactorId::Load, "mileage", "10_30"),
    factor(FactorId::Load, "mileage", "over_30"),
    factor(FactorId::SpeedAndHills, "speed_hills", questions::YES),
    factor(FactorId::NoEasyDays, "easy_days", questions::NO),
    factor(FactorId::Cadence, "cadence", "under_160"),
    factor(FactorId::Cadence, "cadence", "160_170"),
    factor(FactorId::Cadence, "overstride", "yes"),
    factor(FactorId::Shoes, "shoe_distance", "over_500"),
    factor(FactorId::Shoes, "shoe_change", questions::YES),
    factor(FactorId::Surfaces, "surface", "same_hard"),
    factor(FactorId::Surfaces, "surface", "camber"),
    factor(FactorId::HipStrength, "strength", "none"),
    factor(FactorId::Sitting, "sitting", questions::YES),
];

/// Whether the answers end the check at once.
pub fn stops(answers: &Answers) -> bool {
    first_stopping_question(answers).is_some()
}

fn asking_index(question_id: &str) -> usize {
    questions::all()
        .position(|question| question.id == question_id)
        .unwrap_or(usize::MAX)
}

/// The first question, in asking order, whose answer ends the check: for a rule that reads
/// two answers, the later of the two.
pub fn first_stopping_question(answers: &Answers) -> Option<&'static str> {
    CARE_RULES
        .iter()
        .filter(|rule| rule.stops && rule.holds(answers))
        .filter_map(|rule| rule.reads().map(|w| asking_index(w.question)).max())
        .min()
        .and_then(|index| questions::QUESTIONS.get(index))
        .map(|question| question.id)
}

/// Forgets every answer after the one that ended the check, except other warning signs. A
/// warning sign is the whole answer, so answers given below it before going Back can neither
/// show nor be saved; but a warning sign the runner already gave is never forgotten, so the
/// most urgent care still wins (a knee locked now stays an emergency).
pub fn forget_after_stop(answers: &mut Answers) {
    let Some(stop) = first_stopping_question(answers) else {
        return;
    };
    let cut = asking_index(stop);
    let warning_signs: Vec<&'static str> = CARE_RULES
        .iter()
        .filter(|rule| rule.stops && rule.holds(answers))
        .flat_map(|rule| rule.reads().map(|w| w.question))
        // With the answer that made each asked (the injury, for an X-ray item).
        .flat_map(|id| {
            let asked_because = questions::find(id).and_then(|q| q.only_if).map(|(q, _)| q);
            std::iter::once(id).chain(asked_because)
        })
        .collect();
    answers.retain_questions(|id| asking_index(id) <= cut || warning_signs.contains(&id));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::triage::questions::Section;

    fn exists(rule: &When) -> bool {
        questions::find(rule.question).is_some_and(|q| q.choice(rule.choice).is_some())
    }

    #[test]
    fn every_rule_names_a_real_question_and_choice() {
        for rule in &CARE_RULES {
            for when in rule.reads() {
                assert!(exists(when), "{when:?}");
            }
        }
        for evidence in &EVIDENCE {
            assert!(exists(&evidence.when), "{:?}", evidence.when);
        }
        for rule in &FACTOR_RULES {
            assert!(exists(&rule.when), "{:?}", rule.when);
        }
    }

    #[test]
    fn every_safety_question_has_a_stopping_rule_of_at_least_same_day() {
        for question in questions::all().filter(|q| q.section == Section::Safety) {
            let rule = CARE_RULES
                .iter()
                .find(|rule| {
                    rule.when.question == question.id && rule.when.choice == questions::YES
                })
                .unwrap_or_else(|| panic!("no rule for the red flag {}", question.id));
            assert!(
                rule.stops && rule.tier <= CareTier::SameDay,
                "{}",
                question.id
            );
        }
    }
}
