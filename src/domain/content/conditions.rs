//! The conditions a knee check can name as likely, in plain words.

use serde::{Deserialize, Serialize};

use super::plan::Phase;

/// A condition's stable id, as saved in a knee check record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConditionId {
    Patellofemoral,
    ItBand,
    InnerKnee,
    BehindKnee,
    JointSurface,
    AcuteInjury,
    PatellarTendon,
    GrowingKnee,
}

impl ConditionId {
    /// The id saved in a `TriageRecord`.
    pub fn key(self) -> &'static str {
        match self {
            ConditionId::Patellofemoral => "patellofemoral",
            ConditionId::ItBand => "it_band",
            ConditionId::InnerKnee => "inner_knee",
            ConditionId::BehindKnee => "behind_knee",
            ConditionId::JointSurface => "joint_surface",
            ConditionId::AcuteInjury => "acute_injury",
            ConditionId::PatellarTendon => "patellar_tendon",
            ConditionId::GrowingKnee => "growing_knee",
        }
    }

    pub fn from_key(key: &str) -> Option<ConditionId> {
        CONDITIONS
            .iter()
            .map(|condition| condition.id)
            .find(|id| id.key() == key)
    }

    pub fn info(self) -> &'static Condition {
        // CONDITIONS holds one entry per id, in declaration order (checked by a test).
        &CONDITIONS[self as usize]
    }
}

/// What the app says about a condition.
#[derive(Debug, PartialEq, Eq)]
pub struct Condition {
    pub id: ConditionId,
    /// The everyday name first, then the clinical one.
    pub name: &'static str,
    /// What it usually feels like and why, in two or three sentences.
    pub about: &'static str,
    /// How long it usually takes to settle with the plan.
    pub timeline: &'static str,
    /// Ids of the exercises that fit it, the most useful first.
    pub exercises: &'static [&'static str],
    /// The first-line exercises the sources give for it: always offered when it is likely
    /// and exercise is not waiting for an examination (a table test holds every condition
    /// to it).
    pub first_line: &'static [&'static str],
    /// Where `first_line` comes from.
    pub first_line_source: &'static str,
    /// What it adds to the plan, each in a phase (as a contributing factor's changes).
    pub changes: &'static [(Phase, &'static str)],
    /// True when exercises should wait until someone has examined the knee.
    pub exercises_wait_for_assessment: bool,
    /// When it is likely, the knee is worth examining soon, for this reason; `None` when the
    /// plan alone is a fair start.
    pub see_soon: Option<SeeSoon>,
}

/// Why a likely condition is worth a professional's look, in the result's words.
#[derive(Debug, PartialEq, Eq)]
pub struct SeeSoon {
    /// What the runner said that points there, after "Because you said".
    pub said: &'static str,
    pub action: &'static str,
}

pub const CONDITIONS: [Condition; 8] = [
    Condition {
        id: ConditionId::Patellofemoral,
        name: "Runner's knee (patellofemoral pain)",
        about: "An ache around or behind the kneecap. It tends to flare on stairs, when \
                squatting or kneeling, and after sitting for a long time with the knees bent. \
                It often follows a jump in training and hips that tire, letting the knee drift \
                inwards.",
        timeline: "Usually eases over 6 to 12 weeks of lighter running plus hip and thigh \
                   strengthening; many notice a change within the first month.",
        exercises: &[
            "wall_sit",
            "clamshell",
            "step_down",
            "side_lying_leg_lift",
            "quad_stretch",
            "kneecap_mobility",
        ],
        first_line: &["wall_sit", "clamshell"],
        first_line_source: "Combined hip and knee strengthening is first-line (Willy et al. 2019, JOSPT clinical practice guideline for patellofemoral pain).",
        changes: &[],
        exercises_wait_for_assessment: false,
        see_soon: None,
    },
    Condition {
        id: ConditionId::ItBand,
        name: "IT band syndrome (outer knee)",
        about: "A sharp or burning pain on the outside of the knee that builds the longer you \
                run. Downhills, the slope of cambered roads, sudden jumps in distance, worn \
                shoes and weak hip muscles on the side of the hip all play a part.",
        timeline: "Usually eases over 6 to 12 weeks as the load drops and the side-hip \
                   muscles get stronger; many notice a change within 3 to 4 weeks of hip work.",
        exercises: &[
            "side_lying_leg_lift",
            "clamshell",
            "monster_walk",
            "lateral_lunge",
            "foam_roll_hip",
        ],
        first_line: &["side_lying_leg_lift"],
        first_line_source: "Hip abductor strengthening (Fredericson et al. 2000, Clin J Sport Med: runners with IT band syndrome had weak hip abductors, and strengthening them relieved it).",
        changes: &[],
        exercises_wait_for_assessment: false,
        see_soon: None,
    },
    Condition {
        id: ConditionId::InnerKnee,
        name: "Inner knee strain (ligament or bursa)",
        about: "Soreness on the inner side of the knee. In runners it is often strain on the \
                inner ligament or irritation of a small fluid sac below the joint (pes \
                anserine bursitis).",
        timeline: "Usually eases over 6 to 12 weeks with less load and steady strength work.",
        exercises: &[
            "step_down",
            "clamshell",
            "hip_thrust",
            "side_lying_leg_lift",
        ],
        first_line: &["step_down"],
        first_line_source: "Exercise therapy, strengthening the thigh, is the first treatment for soft-tissue knee pain (NICE CKS \"Knee pain - assessment\"; for pes anserine pain no trial is specific: Helfenstein and Kuromoto 2010).",
        changes: &[],
        exercises_wait_for_assessment: false,
        see_soon: None,
    },
    Condition {
        id: ConditionId::BehindKnee,
        name: "Pain behind the knee (hamstring or Baker's cyst)",
        about: "Tightness or fullness at the back of the knee. It may come from the tendons of \
                the hamstring or from a fluid-filled swelling called a Baker's cyst. A cyst \
                that bursts can look like a clot in the calf, so a swollen, red, painful calf \
                always needs checking the same day.",
        timeline: "Tendon pain usually eases over 6 to 12 weeks; a cyst needs a professional \
                   to look at it.",
        exercises: &[
            "hamstring_bridge",
            "hip_thrust",
            "calf_stretch",
            "hip_flexor_stretch",
        ],
        first_line: &["hamstring_bridge"],
        first_line_source: "Hamstring tendon pain is treated by loading the hamstrings progressively, holds first (Goom, Malliaras and Purdam 2016, JOSPT).",
        changes: &[],
        exercises_wait_for_assessment: false,
        see_soon: Some(SeeSoon {
            said: "it hurts behind the knee",
            action: "Book a visit with a GP or physiotherapist: pain behind the knee can be a \
                     Baker's cyst, which needs a professional to look at it.",
        }),
    },
    Condition {
        id: ConditionId::JointSurface,
        name: "Joint surface wear (cartilage or early arthritis)",
        about: "A deep ache inside the joint that is hard to point to, sometimes with stiffness \
                in the morning, mild swelling or painful clicking. It is worth having examined \
                so the plan fits the joint.",
        timeline: "Strength work and steady, moderate loading help over 6 to 12 weeks.",
        exercises: &["sit_to_stand", "hip_thrust", "clamshell", "quad_stretch"],
        first_line: &["sit_to_stand"],
        first_line_source: "Therapeutic exercise that strengthens the thigh muscles is first-line for knee osteoarthritis (NICE NG226, 2022; Fransen et al. 2015, Cochrane).",
        changes: &[],
        exercises_wait_for_assessment: false,
        see_soon: Some(SeeSoon {
            said: "it is a deep ache inside the joint",
            action: "Book a visit with a GP or physiotherapist: a deep ache inside the joint is \
                     worth having examined, so the plan fits the joint.",
        }),
    },
    Condition {
        id: ConditionId::AcuteInjury,
        name: "A knee injury (ligament, cartilage or bone)",
        about: "Pain that started suddenly, in a fall, a twist or a knock or as a sharp pain \
                in the middle of a movement, can mean a sprained ligament, a torn cartilage \
                (meniscus) or a strained tendon, and after a fall or knock now and then a \
                broken bone. It needs someone to examine it before you load it hard.",
        timeline: "Depends on what is hurt; a professional can tell you after examining it.",
        exercises: &[],
        first_line: &[],
        first_line_source: "None before an examination: whoever examines the knee chooses the exercises.",
        changes: &[],
        exercises_wait_for_assessment: true,
        // Likely from the pain's feel alone (sharp, swelling, painful clicking), with no
        // twist or sudden start to raise the care: it is still examined first, so the
        // result's tier must say so too.
        see_soon: Some(SeeSoon {
            said: "the pain, swelling or clicking points to an injury inside the knee",
            action: "Have the knee examined by a GP or physiotherapist before you run on it \
                     or start strength work: your answers point to an injury inside the knee, \
                     such as a torn cartilage.",
        }),
    },
    Condition {
        id: ConditionId::PatellarTendon,
        name: "Patellar tendon pain (jumper's knee)",
        about: "Pain in the thick tendon just below the kneecap, sore to press. It is worst at \
                the start of a run, on hills, stairs and jumps, and often warms up only to be \
                worse the next day. It follows load the tendon was not ready for: more hills, \
                speed or jumping, or more running too soon.",
        timeline: "Tendons are slow: most improve over 12 weeks of steady loading, and \
                   resting alone rarely fixes them.",
        exercises: &[
            "tendon_hold",
            "slow_split_squat",
            "hip_thrust",
            "quad_stretch",
        ],
        first_line: &["tendon_hold", "slow_split_squat"],
        first_line_source: "Loading the tendon progressively: holds first, which often ease \
                            the pain (Rio et al. 2015), then slow heavy strength work (Kongsgaard \
                            et al. 2009); Malliaras et al. 2015 review the progression.",
        changes: &[
            (
                Phase::WeeksOneToTwo,
                "Do the tendon holds every day; keep hills, speed work and jumping out for now.",
            ),
            (
                Phase::WeeksTwoToSix,
                "Do the slow split squats three times a week, and bring back hills, then speed, \
                 then jumps last, one at a time.",
            ),
        ],
        exercises_wait_for_assessment: false,
        see_soon: None,
    },
    Condition {
        id: ConditionId::GrowingKnee,
        name: "Growing knee pain below the kneecap (Osgood–Schlatter or Sinding-Larsen–Johansson)",
        about: "In a runner who is still growing, the tendon below the kneecap pulls on a \
                growth plate at one of its ends: at the top of the shin, where a tender bump \
                may appear (Osgood–Schlatter), or at the kneecap's lower tip \
                (Sinding-Larsen–Johansson). Running, jumping and kneeling make it ache. It is \
                common, and it goes once growing slows.",
        timeline: "It eases over weeks to months with less load, and goes for good when growth \
                   slows; a bump at the top of the shin may stay and is harmless.",
        exercises: &["wall_sit", "hip_thrust", "clamshell", "quad_stretch"],
        first_line: &["wall_sit"],
        first_line_source: "Cutting back the sports that hurt, with pain guiding the return, \
                            then strength work for the thigh and hip (Rathleff et al. 2020, \
                            Osgood–Schlatter; Vaishya et al. 2016 review).",
        changes: &[
            (
                Phase::WeeksOneToTwo,
                "Cut back running and jumping sports while it is sore, rather than stopping \
                 all sport; avoid kneeling on it.",
            ),
            (
                Phase::Ongoing,
                "If it flares during a growth spurt, ease off again for a few weeks: it is the \
                 growth, not damage.",
            ),
        ],
        exercises_wait_for_assessment: false,
        see_soon: None,
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_id_finds_its_own_entry_and_key() {
        for condition in &CONDITIONS {
            assert_eq!(condition.id.info().id, condition.id);
            assert_eq!(
                ConditionId::from_key(condition.id.key()),
                Some(condition.id)
            );
        }
        assert_eq!(ConditionId::from_key("nonsense"), None);
    }

    /// Every condition that offers exercises offers its first-line ones among them, and the
    /// one that offers none waits for an examination.
    #[test]
    fn every_condition_lists_its_first_line_exercises() {
        for condition in &CONDITIONS {
            assert_eq!(
                condition.first_line.is_empty(),
                condition.exercises_wait_for_assessment,
                "{:?}",
                condition.id
            );
            for id in condition.first_line {
                assert!(
                    condition.exercises.contains(id),
                    "{id} in {:?}",
                    condition.id
                );
            }
            assert!(!condition.first_line_source.is_empty());
        }
    }

    #[test]
    fn every_exercise_named_exists() {
        for condition in &CONDITIONS {
            for id in condition.exercises {
                assert!(
                    crate::domain::content::exercises::find(id).is_some(),
                    "{id} in {:?}",
                    condition.id
                );
            }
        }
    }
}
