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

/// An answer that calls for a level of care.
#[derive(Debug)]
pub struct CareRule {
    pub when: When,
    pub tier: CareTier,
    /// What to do about it, right now.
    pub action: &'static str,
    /// True when the answer ends the check at once (red flags, injury warning signs).
    pub stops: bool,
}

const fn red_flag(question: &'static str, tier: CareTier, action: &'static str) -> CareRule {
    CareRule {
        when: when(question, questions::YES),
        tier,
        action,
        stops: true,
    }
}

const OTTAWA_ACTION: &str = "Have the knee examined today at urgent care, a minor injuries \
unit or an emergency department: after a fall, twist or knock this answer means an X-ray may \
be needed to check the bone.";

const SEE_SOON: CareTier = CareTier::SeeProfessionalSoon;

pub const CARE_RULES: [CareRule; 21] = [
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
    // The self-report Ottawa knee items: any yes routes to same-day assessment. A "no"
    // never rules anything out.
    CareRule {
        when: when("ot_age", questions::YES),
        tier: CareTier::SameDay,
        action: OTTAWA_ACTION,
        stops: true,
    },
    CareRule {
        when: when("ot_bend", questions::YES),
        tier: CareTier::SameDay,
        action: OTTAWA_ACTION,
        stops: true,
    },
    CareRule {
        when: when("ot_steps", questions::YES),
        tier: CareTier::SameDay,
        action: OTTAWA_ACTION,
        stops: true,
    },
    CareRule {
        when: when("ot_tender", questions::YES),
        tier: CareTier::SameDay,
        action: OTTAWA_ACTION,
        stops: true,
    },
    // See a professional soon.
    CareRule {
        when: when("onset", "injury"),
        tier: SEE_SOON,
        action: "Have a knee hurt in a fall, twist or knock checked by a GP or physiotherapist, even if it is settling.",
        stops: false,
    },
    CareRule {
        when: when("duration", "2_6w"),
        tier: SEE_SOON,
        action: "Pain lasting more than two weeks despite looking after it deserves a professional opinion.",
        stops: false,
    },
    CareRule {
        when: when("duration", "over_6w"),
        tier: SEE_SOON,
        action: "Pain lasting more than two weeks despite looking after it deserves a professional opinion.",
        stops: false,
    },
    CareRule {
        when: when("before", "often"),
        tier: SEE_SOON,
        action: "When the same pain keeps coming back, a professional can find out why.",
        stops: false,
    },
    CareRule {
        when: when("daily_life", questions::YES),
        tier: SEE_SOON,
        action: "Pain that affects daily life, not just running, should be examined.",
        stops: false,
    },
    CareRule {
        when: when("pain_now", "8"),
        tier: SEE_SOON,
        action: "Pain this strong at rest should be examined.",
        stops: false,
    },
    CareRule {
        when: when("pain_now", "9"),
        tier: SEE_SOON,
        action: "Pain this strong at rest should be examined.",
        stops: false,
    },
    CareRule {
        when: when("pain_now", "10"),
        tier: SEE_SOON,
        action: "Pain this strong at rest should be examined.",
        stops: false,
    },
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

pub const EVIDENCE: [Evidence; 27] = [
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
    points(AcuteInjury, "onset", "injury", 4),
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

/// The first question, in asking order, whose answer ends the check.
pub fn first_stopping_question(answers: &Answers) -> Option<&'static str> {
    questions::all()
        .find(|question| {
            CARE_RULES.iter().any(|rule| {
                rule.stops && rule.when.question == question.id && rule.when.holds(answers)
            })
        })
        .map(|question| question.id)
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
            assert!(exists(&rule.when), "{:?}", rule.when);
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
                .expect("a rule for each red flag");
            assert!(
                rule.stops && rule.tier <= CareTier::SameDay,
                "{}",
                question.id
            );
        }
    }
}
