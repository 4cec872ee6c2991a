//! The phased plan: what to do in the first days, the first fortnight, weeks 2 to 6, and
//! for good. The engine adds the training changes that match the factors found.

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Phase {
    FirstDays,
    WeeksOneToTwo,
    WeeksTwoToSix,
    Ongoing,
}

#[derive(Debug, PartialEq, Eq)]
pub struct PlanStage {
    pub phase: Phase,
    pub title: &'static str,
    /// Steps for everyone in this phase.
    pub steps: &'static [&'static str],
}

/// Said first in the first days, unless a likely cause needs examining first.
pub const REASSURANCE: &str =
    "Stay calm: most runners' knee pain is not serious and settles with changes.";

/// The whole plan after the first days when a likely cause needs examining first: no running
/// or strength work is planned before someone has looked at the knee.
pub const EXAMINED_FIRST: &str = "Have the knee examined before you run or start strength work \
again: whoever examines it can tell you when and how to begin.";

/// The first fortnight's stretching, with foam rolling.
pub const STRETCH_AND_ROLL: &str =
    "Spend 10 to 15 minutes a day on gentle stretching and foam rolling.";

/// The same step while a blood clot in the leg is possible: nothing that presses or stretches
/// the calf (see `domain::triage::engine::clot_possible`).
pub const STRETCH_NOT_CALF: &str = "Spend 10 to 15 minutes a day gently stretching the hips \
and thighs; leave the calf alone until a doctor has checked it.";

pub const PLAN: [PlanStage; 4] = [
    PlanStage {
        phase: Phase::FirstDays,
        title: "First 24 to 48 hours",
        steps: &[
            "Rest from running, ice for 10 to 15 minutes at a time, use light compression and raise the leg.",
            "Keep moving in ways that do not hurt, such as swimming or cycling.",
            "Score the pain from 0 to 10 each day and note it in the Log.",
        ],
    },
    PlanStage {
        phase: Phase::WeeksOneToTwo,
        title: "Weeks 1 to 2",
        steps: &[
            "Keep fitness with cycling, pool running or the cross-trainer.",
            STRETCH_AND_ROLL,
            "Start the strength exercises below, staying in ranges that do not hurt.",
        ],
    },
    PlanStage {
        phase: Phase::WeeksTwoToSix,
        title: "Weeks 2 to 6",
        steps: &[
            "Return with walk-run intervals (for example 2 minutes walking, 1 minute easy running) every other day, and build up slowly.",
            "Work on the causes found below, not just the sore spot.",
            "Keep a short log of pain and training; if the pain climbs, go back a step for a week.",
        ],
    },
    PlanStage {
        phase: Phase::Ongoing,
        title: "From then on",
        steps: &[
            "Do hip, glute and core strength work 2 to 3 times a week.",
            "Check in on your running form now and then.",
            "Avoid cycles of big training weeks followed by forced breaks.",
        ],
    },
];
