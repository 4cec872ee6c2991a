//! What a saved knee check says as it reads today: its answers through today's rules. The
//! record is plain data (`records::TriageRecord`); reading it takes the rules, so it lives
//! here, beside them.

use crate::domain::content::ConditionId;
use crate::domain::records::{CareTier, TriageRecord};

use super::{evaluate, rules, Answers, Outcome};

impl TriageRecord {
    /// The result as it reads today: the answers through today's rules, keeping the care the
    /// check gave if today's rules would give less (a saved check never becomes milder).
    pub fn outcome(&self) -> Outcome {
        let answers = Answers::from_record_map(&self.answers);
        let mut outcome = evaluate(&answers);
        outcome.tier = outcome.tier.min(self.care_tier);
        outcome
    }

    /// Who should see the knee and how soon, as the check's answers say.
    pub fn referral(&self) -> rules::Referral {
        evaluate(&Answers::from_record_map(&self.answers)).referral()
    }

    /// The check found a warning sign (same-day or emergency care).
    pub fn found_warning_sign(&self) -> bool {
        self.care_tier <= CareTier::SameDay
    }

    /// The knee should be examined before running or strength work: a warning sign, or a
    /// likely cause (an injury) that needs examining first, as the check's result said.
    pub fn care_comes_first(&self) -> bool {
        self.found_warning_sign()
            // A warning sign that needs a doctor soon (not from running) ends the check too:
            // no running plan until then.
            || rules::stops(
                &Answers::from_record_map(&self.answers),
            )
            || self
                .conditions
                .iter()
                .filter_map(|key| ConditionId::from_key(key))
                .any(|id| id.info().exercises_wait_for_assessment)
    }
}
