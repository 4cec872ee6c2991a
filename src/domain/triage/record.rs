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

    /// Which knee, as the runner said ("Left knee"), or `None` when they did not say.
    pub fn knee(&self) -> Option<&'static str> {
        let said = self.answers.get("side")?;
        super::questions::SIDE
            .iter()
            .find(|choice| choice.id == said.as_str())
            .map(|choice| choice.label)
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

#[cfg(test)]
mod tests {
    use crate::domain::records::{CareTier, RecordId, TriageRecord};

    fn check(side: Option<&str>) -> TriageRecord {
        TriageRecord {
            id: RecordId::from_random_bits(1),
            updated_at: "2026-12-07T08:00:00Z".parse().unwrap_or_default(),
            taken_at: "2026-12-07T08:00:00+00:00".parse().unwrap_or_default(),
            care_tier: CareTier::SelfManage,
            conditions: Vec::new(),
            answers: side
                .map(|side| ("side".to_string(), side.to_string()))
                .into_iter()
                .collect(),
        }
    }

    #[test]
    fn the_knee_is_named_as_the_runner_said_or_not_at_all() {
        assert_eq!(check(Some("left")).knee(), Some("Left knee"));
        assert_eq!(check(Some("both")).knee(), Some("Both knees"));
        assert_eq!(check(None).knee(), None);
        assert_eq!(check(Some("")).knee(), None);
        assert_eq!(check(Some("elbow")).knee(), None);
    }
}
