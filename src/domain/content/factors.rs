//! Contributing factors: the training and lifestyle patterns that make knee pain likelier,
//! each with the changes that answer it.

use super::plan::Phase;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FactorId {
    Load,
    SpeedAndHills,
    NoEasyDays,
    Cadence,
    Shoes,
    Surfaces,
    HipStrength,
    Sitting,
}

impl FactorId {
    pub fn info(self) -> &'static Factor {
        // FACTORS holds one entry per id, in declaration order (checked by a test).
        &FACTORS[self as usize]
    }
}

#[derive(Debug, PartialEq, Eq)]
pub struct Factor {
    pub id: FactorId,
    pub name: &'static str,
    /// Why it matters, in one sentence.
    pub why: &'static str,
    /// Training changes, each placed in a phase of the plan.
    pub changes: &'static [(Phase, &'static str)],
    /// Exercises that answer it (ids).
    pub exercises: &'static [&'static str],
}

pub const FACTORS: [Factor; 8] = [
    Factor {
        id: FactorId::Load,
        name: "Training load went up quickly",
        why: "Doing too much too soon is behind a large share of running injuries.",
        changes: &[
            (Phase::WeeksOneToTwo, "Cut your weekly running to about half of what it was."),
            (
                Phase::Ongoing,
                "Build back gently: add no more than about 10% a week, and avoid any single run much longer than your longest of the past month.",
            ),
        ],
        exercises: &[],
    },
    Factor {
        id: FactorId::SpeedAndHills,
        name: "Speed work and hills added together",
        why: "Adding faster running and hills at the same time piles two new stresses onto the knee.",
        changes: &[(
            Phase::WeeksTwoToSix,
            "Bring back one hard element at a time: speed first or hills first, never both in the same few weeks.",
        )],
        exercises: &[],
    },
    Factor {
        id: FactorId::NoEasyDays,
        name: "Too few easy days between hard ones",
        why: "Tissues adapt on the easy days, so back-to-back hard days leave no time to recover.",
        changes: &[(
            Phase::Ongoing,
            "Follow every hard session with at least one truly easy day or a rest day.",
        )],
        exercises: &[],
    },
    Factor {
        id: FactorId::Cadence,
        name: "Long strides or a low step rate",
        why: "Landing with the foot far ahead of the body and taking few steps loads the knee harder.",
        changes: &[(
            Phase::WeeksTwoToSix,
            "Take quicker, shorter steps: about 5 to 10% more steps a minute than now, towards 170 to 180.",
        )],
        exercises: &[],
    },
    Factor {
        id: FactorId::Shoes,
        name: "Worn or recently changed shoes",
        why: "Shoes run past the usual replacement distance, or a sudden change of type, can add to knee strain.",
        changes: &[(
            Phase::WeeksOneToTwo,
            "Check your shoes' distance and replace a worn pair; switch to new types gradually, and consider rotating two or three pairs.",
        )],
        exercises: &[],
    },
    Factor {
        id: FactorId::Surfaces,
        name: "The same hard or sloping surface every run",
        why: "Always running one side of a cambered road, or only on hard pavement or downhill, repeats the same strain.",
        changes: &[(
            Phase::WeeksTwoToSix,
            "Mix surfaces (trail, track, treadmill) and switch sides of cambered roads; keep steep downhills for later.",
        )],
        exercises: &[],
    },
    Factor {
        id: FactorId::HipStrength,
        name: "Little strength work for the hips",
        why: "Weak hip and glute muscles let the thigh turn in, which twists and loads the knee.",
        changes: &[(
            Phase::Ongoing,
            "Keep up hip and glute strength work two or three times a week, even once the knee feels better.",
        )],
        exercises: &["clamshell", "monster_walk", "single_leg_squat"],
    },
    Factor {
        id: FactorId::Sitting,
        name: "Long hours sitting",
        why: "Sitting for hours tightens the front of the hips and calves and switches off the glutes.",
        changes: &[(
            Phase::Ongoing,
            "Stand up and move for a minute every hour at a desk.",
        )],
        exercises: &["hip_flexor_stretch", "calf_stretch"],
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_id_finds_its_own_entry_and_exercises_exist() {
        for factor in &FACTORS {
            assert_eq!(factor.id.info().id, factor.id);
            for id in factor.exercises {
                assert!(super::super::exercises::find(id).is_some(), "{id}");
            }
        }
    }
}
