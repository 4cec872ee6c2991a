//! The phased plan: the first days, the first fortnight, weeks 2 to 6, and for good. What
//! to do in each phase is what Home says then (`domain::situation`, put together by
//! `domain::knee_check_result`); a phase here holds only what it adds to that, and the engine
//! adds the training changes that match the factors found.

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Phase {
    FirstDays,
    WeeksOneToTwo,
    WeeksTwoToSix,
    Ongoing,
}

impl Phase {
    /// The phase's title in the plan ("Weeks 2 to 6").
    pub fn title(self) -> &'static str {
        PLAN.iter()
            .find(|stage| stage.phase == self)
            .map_or("", |stage| stage.title)
    }
}

#[derive(Debug, PartialEq, Eq)]
pub struct PlanStage {
    pub phase: Phase,
    pub title: &'static str,
    /// Steps for everyone in this phase, besides what Home says in it.
    pub steps: &'static [&'static str],
}

/// Said first in the first days, unless a likely cause needs examining first.
pub const REASSURANCE: &str =
    "Stay calm: most runners' knee pain is not serious and settles with changes.";

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
        steps: &["Light compression, such as an elastic knee support, can ease swelling."],
    },
    PlanStage {
        phase: Phase::WeeksOneToTwo,
        title: "Weeks 1 to 2",
        steps: &[STRETCH_AND_ROLL],
    },
    PlanStage {
        phase: Phase::WeeksTwoToSix,
        title: "Weeks 2 to 6",
        steps: &["Work on the causes found below, not just the sore spot."],
    },
    PlanStage {
        phase: Phase::Ongoing,
        title: "From then on",
        steps: &[
            "Check in on your running form now and then.",
            "Avoid cycles of big training weeks followed by forced breaks.",
        ],
    },
];

/// The title of the phase before a runner told to be seen has been: what Home says until
/// then replaces the first days and the first fortnight.
pub const UNTIL_SEEN: &str = "Until you have been seen";
