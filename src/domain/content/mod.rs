//! The knowledge base as typed static data: the conditions a knee check can point to, the
//! exercises that help each, the contributing factors and the phased plan.
//!
//! Facts come from the seed article and DESIGN.md's clinical notes; every sentence is ours.
//! Nothing here decides anything: the triage engine reads these tables.

pub mod conditions;
pub mod exercises;
pub mod factors;
pub mod plan;
pub mod pseudo;
pub mod us_words;
pub mod welcome;

pub use conditions::{Condition, ConditionId, CONDITIONS};
pub use exercises::{Exercise, EXERCISES};
pub use factors::{Factor, FactorId, FACTORS};
pub use plan::{Phase, PlanStage, PLAN};

/// Shown with every outcome and on the printout.
pub const DISCLAIMER: &str = "Patella is for learning about knee pain, not for diagnosis. It \
cannot examine your knee, and it does not replace advice from a doctor or physiotherapist. If \
the pain is severe, getting worse or worrying you, get it checked.";

/// Improvement from steady hip and glute work, in the seed's timeline.
pub const HIP_WORK_TIMELINE: &str =
    "With steady hip and glute work, most runners notice a change within 3 to 4 weeks.";

/// How long most knee pain takes to settle (DESIGN.md).
pub const SETTLING_TIMELINE: &str =
    "Most knee pain in runners settles within 6 to 12 weeks of sensible changes.";

/// Above the list of likely causes.
pub const CAUSES_HINT: &str = "Most likely first. Only an examination can say for sure.";

/// The exercises' place when a likely cause needs examining before any load.
pub const EXERCISES_WAIT: &str = "After a pain that started suddenly, wait until someone has \
examined the knee before starting strength exercises. Gentle movement that does not hurt is fine.";

/// Above the exercises: move without pain, within the one limit every screen states
/// (`PainRule::Recovery`).
pub const EXERCISE_HINT: &str = "Move within a range that does not hurt.";

/// Before the list of when anyone should see a professional.
pub const SEE_SOMEONE_IF_INTRO: &str = "See a GP, physiotherapist or sports medicine doctor if:";
