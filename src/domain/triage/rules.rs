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
    /// Who should see the knee and how soon, when the rule's tier is "see a professional
    /// soon"; the tier says it for the others (today, now).
    pub referral: Referral,
}

/// How soon a "see a professional soon" result asks to be seen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Within {
    /// A possible clot, a young child's injury: a doctor in the next day or two.
    DayOrTwo,
    FewDays,
}

/// Who a "see a professional soon" result sends the runner to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Who {
    GpOrPhysio,
    /// Not from running, a possible clot, a young child: a doctor rather than only a
    /// physiotherapist.
    Doctor,
}

/// Who should see the knee, and how soon.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Referral {
    pub who: Who,
    pub within: Within,
}

impl Referral {
    /// A GP or physiotherapist in the next few days: most reasons to be seen soon.
    pub const USUAL: Referral = Referral {
        who: Who::GpOrPhysio,
        within: Within::FewDays,
    };
    pub const DOCTOR: Referral = Referral {
        who: Who::Doctor,
        within: Within::FewDays,
    };
    pub const DOCTOR_IN_A_DAY_OR_TWO: Referral = Referral {
        who: Who::Doctor,
        within: Within::DayOrTwo,
    };

    /// The referral that covers all of `referrals`: a doctor if any asks for one, as soon
    /// as the soonest. `USUAL` when there are none.
    pub fn soonest(referrals: impl IntoIterator<Item = Referral>) -> Referral {
        referrals
            .into_iter()
            .fold(Referral::USUAL, |all, one| Referral {
                who: all.who.max(one.who),
                within: all.within.min(one.within),
            })
    }

    /// "a GP or physiotherapist", "a GP or another doctor".
    pub fn who_words(self) -> &'static str {
        match self.who {
            Who::GpOrPhysio => "a GP or physiotherapist",
            Who::Doctor => "a GP or another doctor",
        }
    }

    /// "the next few days", "the next day or two".
    pub fn within_words(self) -> &'static str {
        match self.within {
            Within::FewDays => "the next few days",
            Within::DayOrTwo => "the next day or two",
        }
    }
}

const fn red_flag(question: &'static str, tier: CareTier, action: &'static str) -> CareRule {
    CareRule {
        when: when(question, questions::YES),
        also: None,
        tier,
        action,
        stops: true,
        referral: Referral::USUAL,
    }
}

/// A warning sign not from running: it ends the check at its tier.
const fn general(choice: &'static str, tier: CareTier, action: &'static str) -> CareRule {
    CareRule {
        when: when("rf_general", choice),
        also: None,
        tier,
        action,
        stops: true,
        referral: Referral::DOCTOR,
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
        referral: Referral::USUAL,
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

/// A published score over several answers, one point an item: the Wells score for a blood
/// clot in the leg (DVT), with the items a runner can report. It holds when its gate is open
/// (the calf aches, is tender or swollen), its last question has been answered, and the
/// points fall in `points`.
#[derive(Debug)]
pub struct ScoreRule {
    /// The rule's name, as the decision table and the sources give it.
    pub name: &'static str,
    /// The answers that make the score worth counting: (question id, any of these choices).
    pub gate: (&'static str, &'static [&'static str]),
    /// Each answer that scores one point.
    pub items: &'static [When],
    /// The question after which the score is known.
    pub decided_at: &'static str,
    pub points: std::ops::RangeInclusive<usize>,
    pub tier: CareTier,
    pub action: &'static str,
    pub stops: bool,
    pub referral: Referral,
}

impl ScoreRule {
    pub fn gate_open(&self, answers: &Answers) -> bool {
        let (question, choices) = self.gate;
        choices
            .iter()
            .any(|choice| answers.picked(question, choice))
    }

    pub fn score(&self, answers: &Answers) -> usize {
        self.items.iter().filter(|item| item.holds(answers)).count()
    }

    pub fn holds(&self, answers: &Answers) -> bool {
        self.gate_open(answers)
            && answers.is_answered(self.decided_at)
            && self.points.contains(&self.score(answers))
    }

    /// What the runner said that counted, in their words: the gate's answers, then each
    /// item that scored, each once.
    pub fn said(&self, answers: &Answers) -> Vec<&'static str> {
        let (question, choices) = self.gate;
        let gate = choices
            .iter()
            .map(|choice| when(question, choice))
            .filter(|w| w.holds(answers));
        let mut said: Vec<&'static str> = Vec::new();
        for w in gate.chain(self.items.iter().copied().filter(|w| w.holds(answers))) {
            if !said.contains(&w.said()) {
                said.push(w.said());
            }
        }
        said
    }

    /// The questions the rule reads, the deciding one last.
    pub fn reads(&self) -> impl Iterator<Item = &'static str> + '_ {
        let mut ids: Vec<&'static str> = vec![self.gate.0];
        for item in self.items {
            if !ids.contains(&item.question) {
                ids.push(item.question);
            }
        }
        ids.retain(|id| *id != self.decided_at);
        ids.push(self.decided_at);
        ids.into_iter()
    }
}

/// The Wells items (Wells 2003) a runner can report, one point each. Left out: the items only
/// an examiner can judge (pitting oedema, collateral veins) and "another diagnosis at least
/// as likely" (−2), which only makes the clinician's score lower, so the app's can only be
/// higher. A long journey is not a Wells item; the NHS names it as a cause of DVT, and it
/// is counted with being laid up.
const WELLS_ITEMS: [When; 8] = [
    when("rf_calf", "tender"),
    when("rf_calf", "swollen"),
    when("clot_risk", "whole_leg"),
    when("clot_risk", "clot_before"),
    when("clot_risk", "laid_up"),
    when("clot_risk", "cast"),
    when("clot_risk", "journey"),
    when("clot_risk", "cancer_now"),
];

/// Two points or more: a clot is "likely" (the two-level Wells score, NICE NG158).
pub const CLOT_LIKELY_AT: usize = 2;

pub const WELLS_NAME: &str =
    "Wells score for a blood clot in the leg (DVT), adapted for self-report";

pub const CLOT_LIKELY_ACTION: &str = "Go to urgent care or an emergency department today and \
say you are worried about a blood clot in the leg (DVT): your answers score as likely on the \
Wells rule, which calls for a scan within hours. Do not rub, massage, roll or stretch the \
calf, and call your local emergency number if you become short of breath or get chest pain.";

pub const CLOT_UNLIKELY_ACTION: &str = "Have a doctor check the calf in the next day or two: \
a clot is less likely on these answers, but only an examination or a blood test can rule it \
out. Go the same day if the calf swells, reddens or gets hot, and call your local emergency \
number if you become short of breath or get chest pain. Until then, do not rub, massage, roll \
or stretch the calf.";

pub const SCORE_RULES: [ScoreRule; 2] = [
    ScoreRule {
        name: WELLS_NAME,
        gate: ("rf_calf", &questions::CALF_INVOLVED),
        items: &WELLS_ITEMS,
        decided_at: "clot_risk",
        points: CLOT_LIKELY_AT..=usize::MAX,
        tier: CareTier::SameDay,
        action: CLOT_LIKELY_ACTION,
        stops: true,
        referral: Referral::USUAL,
    },
    ScoreRule {
        name: WELLS_NAME,
        gate: ("rf_calf", &questions::CALF_INVOLVED),
        items: &WELLS_ITEMS,
        decided_at: "clot_risk",
        points: 0..=CLOT_LIKELY_AT - 1,
        tier: CareTier::SeeProfessionalSoon,
        action: CLOT_UNLIKELY_ACTION,
        stops: false,
        referral: Referral::DOCTOR_IN_A_DAY_OR_TWO,
    },
];

const OTTAWA_ACTION: &str = "Have the knee examined today at urgent care, a minor injuries \
unit or an emergency department: after a fall, twist or knock this answer means an X-ray may \
be needed to check the bone.";

const SEVERE_NOW: &str = "Pain of 7 or more out of 10 right now is severe: have the knee \
examined in the next few days, and the same day if it is getting worse.";

/// Severe pain right now after a twist, fall or knock: examined the same day.
const fn severe_after_injury(score: &'static str) -> CareRule {
    CareRule {
        when: when("pain_now", score),
        also: Some(when("onset", questions::INJURY)),
        tier: CareTier::SameDay,
        action: "Have the knee examined today at urgent care, a minor injuries unit or an \
                 emergency department: pain of 7 or more out of 10 right now, after a twist, \
                 fall or knock, needs a proper look the same day.",
        stops: true,
        referral: Referral::USUAL,
    }
}
const OVER_TWO_WEEKS: &str =
    "Pain lasting 2 weeks or more despite looking after it deserves a professional opinion.";
const REPEATED: &str = "Repeated episodes of the same pain need assessing by a physiotherapist \
or doctor, who can find out why it keeps coming back.";

pub const CARE_RULES: [CareRule; 36] = [
    // Red flags, asked first; any yes wins over everything else.
    red_flag(
        "rf_weight",
        CareTier::SameDay,
        "Get the knee examined today at urgent care or an emergency department. Keep weight off it and use support to get about.",
    ),
    red_flag(
        "rf_walk",
        CareTier::SameDay,
        "Have the knee examined today at urgent care, a minor injuries unit or an emergency department: not being able to walk four steps needs a proper look, and after a twist, fall or knock an X-ray may be needed to check the bone.",
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
        referral: Referral::USUAL,
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
    // Only in checks saved before the calf question had its three answers.
    red_flag(
        "rf_calf",
        CareTier::SameDay,
        "Go to urgent care today: a swollen, red, painful calf must be checked for a blood clot. Do not massage it.",
    ),
    // A possible leg clot with breathlessness or chest pain: the clot may have reached the
    // lung (NHS: call 999).
    CareRule {
        when: when("clot_risk", questions::BREATHLESS),
        also: None,
        tier: CareTier::EmergencyNow,
        action: "Call your local emergency number now: breathlessness or chest pain with a painful or swollen calf can mean a blood clot has reached the lung.",
        stops: true,
        referral: Referral::USUAL,
    },
    red_flag(
        "rf_worse_rest",
        CareTier::SameDay,
        "Have the knee examined by a doctor today: pain that keeps climbing with rest needs a proper look.",
    ),
    // Not from running (NICE CKS "Knee pain", red flags): each ends the check, since the
    // answer is a doctor, not a running plan. Feeling unwell or feverish can be an infection
    // of the joint or bone: same day (NICE CKS "Septic arthritis"). The others can be a bone
    // tumour or a secondary: a GP soon, who can arrange an X-ray (NICE NG12, urgent direct
    // access X-ray for unexplained bone pain).
    general("unwell", CareTier::SameDay, "See a doctor today, at urgent care or your GP's same-day service: feeling unwell or feverish with a painful knee can mean an infection in the joint or bone, which needs treatment quickly."),
    general("night", CareTier::SeeProfessionalSoon, "Book a visit with a GP, a doctor rather than only a physiotherapist, in the next few days: pain at night or at rest that no position eases is not the pattern of a running injury, and a doctor should look for other causes, sometimes with an X-ray."),
    general("weight", CareTier::SeeProfessionalSoon, "Book a visit with a GP in the next few days: losing weight without trying, together with a painful knee, needs a doctor to look for the cause."),
    general("cancer", CareTier::SeeProfessionalSoon, "Book a visit with a GP in the next few days and tell them about the cancer: a new bone or joint pain after cancer should be checked by a doctor, sometimes with an X-ray or a scan."),
    // A growing runner with a limp or hip pain: the hip is examined too, the same day
    // (NICE CKS "Limp in children": a slipped upper femoral epiphysis needs same-day care).
    CareRule {
        when: when("young_hip", questions::YES),
        also: None,
        tier: CareTier::SameDay,
        action: "Have the hip as well as the knee examined by a doctor today: in a growing runner, knee pain with a limp or hip pain can come from the hip (a slipped growth plate at the top of the thigh bone), which is missed if only the knee is looked at.",
        stops: true,
        referral: Referral::USUAL,
    },
    // The X-ray rule was made and tested in adults and older children; under 12 it does not
    // apply, so a doctor examines the knee instead (Stiell 1995; Bulloch 2003).
    CareRule {
        when: when("age", questions::AGE_UNDER_12),
        also: Some(when("onset", questions::INJURY)),
        tier: CareTier::SeeProfessionalSoon,
        action: "Have a doctor examine the knee in the next day or two: the questions that decide on an X-ray after a twist, fall or knock were made for adults and older children, so at this age an examination decides instead. Go the same day if walking or bending gets harder.",
        stops: false,
        referral: Referral::DOCTOR_IN_A_DAY_OR_TWO,
    },
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
        referral: Referral::USUAL,
    },
    ottawa("ot_bend"),
    ottawa("ot_tender"),
    // Swelling within a few hours of an injury is bleeding into the joint until shown
    // otherwise: a torn ligament, a dislocated kneecap or a broken bone (NICE CKS "Knee pain").
    CareRule {
        when: when("ot_swelling", questions::SWELLED_WITHIN_HOURS),
        also: None,
        tier: CareTier::SameDay,
        action: "Have the knee examined today at urgent care, a minor injuries unit or an emergency department: a knee that swells within a few hours of an injury often has bleeding inside the joint, which can come from a torn ligament, a dislocated kneecap or a broken bone.",
        stops: true,
        referral: Referral::USUAL,
    },
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
    // "Multiple episodes of the same injury" (the seed): this one is already the second.
    see_soon("before", "once", REPEATED),
    see_soon("before", "often", REPEATED),
    see_soon(
        "daily_life",
        questions::YES,
        "Pain that affects daily life, not just running, should be examined.",
    ),
    // Severe pain now, 7 or more out of 10 (Serlin 1995): after an injury, the same day
    // (NHS "Knee pain": A&E after an injury with severe pain), and the check ends there;
    // otherwise examined soon.
    severe_after_injury("7"),
    severe_after_injury("8"),
    severe_after_injury("9"),
    severe_after_injury("10"),
    see_soon("pain_now", "7", SEVERE_NOW),
    see_soon("pain_now", "8", SEVERE_NOW),
    see_soon("pain_now", "9", SEVERE_NOW),
    see_soon("pain_now", "10", SEVERE_NOW),
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

use ConditionId::{
    AcuteInjury, BehindKnee, GrowingKnee, InnerKnee, ItBand, JointSurface, PatellarTendon,
    Patellofemoral,
};

pub const EVIDENCE: [Evidence; 39] = [
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
    points(ItBand, "shoe_distance", questions::SHOES_PAST, 1),
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
    // Below the kneecap in a grown runner: the tendon, more so with jumping or hills.
    points(PatellarTendon, "areas", "below", 2),
    points(PatellarTendon, "triggers", "jumping", 2),
    points(PatellarTendon, "age", "18_49", 1),
    points(PatellarTendon, "age", questions::AGE_50_54, 1),
    points(PatellarTendon, "age", questions::AGE_55_PLUS, 1),
    // Still growing: the tendon's pull on a growth plate at either end (Osgood–Schlatter at
    // the shin, Sinding-Larsen–Johansson at the kneecap's tip) is the likelier cause; it
    // needs the age, so never reaches a grown runner.
    points(GrowingKnee, "areas", "below", 2),
    points(GrowingKnee, "age", questions::AGE_12_17, 3),
    points(GrowingKnee, "age", questions::AGE_UNDER_12, 3),
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

pub const FACTOR_RULES: [FactorRule; 14] = [
    factor(FactorId::Load, "mileage", "10_30"),
    factor(FactorId::Load, "mileage", "over_30"),
    factor(FactorId::SpeedAndHills, "speed_hills", questions::YES),
    factor(FactorId::NoEasyDays, "easy_days", questions::NO),
    factor(FactorId::Cadence, "cadence", "under_160"),
    factor(FactorId::Cadence, "cadence", "160_170"),
    factor(FactorId::Cadence, "overstride", "yes"),
    factor(FactorId::Shoes, "shoe_distance", "over_500"),
    factor(FactorId::Shoes, "shoe_distance", questions::SHOES_PAST),
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
    stopping_reads(answers)
        .iter()
        .filter_map(|reads| reads.iter().map(|id| asking_index(id)).max())
        .min()
        .and_then(|index| questions::QUESTIONS.get(index))
        .map(|question| question.id)
}

/// For each rule that holds and ends the check, the questions it reads.
fn stopping_reads(answers: &Answers) -> Vec<Vec<&'static str>> {
    let single = CARE_RULES
        .iter()
        .filter(|rule| rule.stops && rule.holds(answers))
        .map(|rule| rule.reads().map(|w| w.question).collect());
    let scored = SCORE_RULES
        .iter()
        .filter(|rule| rule.stops && rule.holds(answers))
        .map(|rule| rule.reads().collect());
    single.chain(scored).collect()
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
    let warning_signs: Vec<&'static str> = stopping_reads(answers)
        .into_iter()
        .flatten()
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
    fn every_warning_answer_of_a_safety_question_calls_for_care() {
        for question in questions::all().filter(|q| q.section == Section::Safety) {
            for choice in question
                .offered_choices()
                .filter(|c| c.id != questions::NO && c.id != questions::NONE)
            {
                let answer = when(question.id, choice.id);
                // The red flags need care today; the signs not from running, a doctor at
                // the tier their source gives (at least soon). Either way the check ends.
                let at_least = if question.kind == questions::Kind::Multi {
                    CareTier::SeeProfessionalSoon
                } else {
                    CareTier::SameDay
                };
                let stops = CARE_RULES.iter().any(|rule| {
                    rule.when == answer
                        && rule.also.is_none()
                        && rule.stops
                        && rule.tier <= at_least
                });
                let scored = SCORE_RULES.iter().any(|rule| {
                    rule.items.contains(&answer)
                        || (rule.gate.0 == question.id && rule.gate.1.contains(&choice.id))
                });
                assert!(stops || scored, "{}: {}", question.id, choice.id);
            }
        }
    }

    #[test]
    fn score_rules_read_real_answers_and_are_decided_by_their_last_question() {
        for rule in &SCORE_RULES {
            for item in rule.items {
                assert!(exists(item), "{item:?}");
            }
            let (gate, choices) = rule.gate;
            for choice in choices {
                assert!(exists(&when(gate, choice)), "{gate}: {choice}");
            }
            let last = rule.reads().map(asking_index).max();
            assert_eq!(last, Some(asking_index(rule.decided_at)), "{}", rule.name);
        }
        // The two Wells rules cover every score, once.
        for points in 0..10 {
            let covering = SCORE_RULES
                .iter()
                .filter(|r| r.points.contains(&points))
                .count();
            assert_eq!(covering, 1, "{points} points");
        }
    }
}
