//! The runner's place in the back-to-running plan: when it started and at which stage, and
//! the strength plan chosen by hand. One value, stored as the `recovery` collection beside
//! the records, so it is backed up, restored, synced between tabs and set aside when damaged
//! like every other kind of data.
//!
//! Before it joined the collections it was kept under the same key in the same envelope
//! (`{"schema":1,"data":…}`), so what older builds stored loads as schema-1 data.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::protocol::Stage;
use crate::domain::records::{implausible_day, FieldProblem, Validate};

/// Where the plan started.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProtocolStart {
    #[serde(with = "crate::domain::iso::day")]
    pub date: NaiveDate,
    pub stage: Stage,
    /// Set when started from a knee check: its date, for the card.
    #[serde(default, with = "crate::domain::iso::optional_day")]
    pub from_knee_check: Option<NaiveDate>,
}

/// A field this build does not know is refused, not dropped: the value is then set aside
/// whole instead of being written back without it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecoveryPrefs {
    #[serde(default)]
    pub start: Option<ProtocolStart>,
    /// Condition keys chosen by hand for the strength plan; `None` follows the knee check.
    #[serde(default)]
    pub plan_conditions: Option<Vec<String>>,
    /// When the runner last changed any of this; a restore's merge keeps the newer side.
    /// `None` in values saved before the plan was backed up.
    #[serde(default, with = "crate::domain::iso::optional_instant")]
    pub updated_at: Option<DateTime<Utc>>,
}

impl RecoveryPrefs {
    /// True when the runner has neither started the plan nor chosen a strength plan: nothing
    /// here is theirs to back up or to lose.
    pub fn is_blank(&self) -> bool {
        self.start.is_none() && self.plan_conditions.is_none()
    }

    /// Whichever of the two the runner changed last; on a tie (two old values without a
    /// time) the one that holds something, so a merge never drops a started plan for a blank.
    pub fn newer_of(&self, other: &RecoveryPrefs) -> RecoveryPrefs {
        if other.updated_at > self.updated_at
            || (other.updated_at == self.updated_at && self.is_blank())
        {
            other.clone()
        } else {
            self.clone()
        }
    }
}

impl Validate for RecoveryPrefs {
    /// A backup's plan must not start before any record could or after tomorrow (a day of
    /// slack for time zones), the same bounds as a run's date.
    fn problems(&self, today: NaiveDate) -> Vec<FieldProblem> {
        let mut found = Vec::new();
        if let Some(start) = &self.start {
            if let Some(when) = implausible_day(start.date, today) {
                found.push(FieldProblem {
                    field: "start",
                    message: format!("starts {when}, which cannot be right"),
                });
            }
            if let Some(when) = start
                .from_knee_check
                .and_then(|day| implausible_day(day, today))
            {
                found.push(FieldProblem {
                    field: "from_knee_check",
                    message: format!("names a knee check {when}, which cannot be right"),
                });
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn started(on: &str, updated: Option<&str>) -> RecoveryPrefs {
        RecoveryPrefs {
            start: Some(ProtocolStart {
                date: day(on),
                stage: Stage::Week2,
                from_knee_check: None,
            }),
            plan_conditions: None,
            updated_at: updated.map(|at| at.parse().unwrap()),
        }
    }

    #[test]
    fn what_older_builds_stored_still_reads() {
        let stored =
            r#"{"start":{"date":"2026-11-02","stage":"week2"},"plan_conditions":["pfps"]}"#;
        let prefs: RecoveryPrefs = serde_json::from_str(stored).unwrap();
        assert_eq!(
            prefs.start.map(|s| (s.date, s.stage)),
            Some((day("2026-11-02"), Stage::Week2))
        );
        assert_eq!(prefs.plan_conditions, Some(vec!["pfps".to_string()]));
        assert_eq!(prefs.updated_at, None);
    }

    #[test]
    fn the_plan_changed_last_wins_and_a_blank_never_beats_a_started_plan() {
        let old = started("2026-10-01", Some("2026-10-01T08:00:00Z"));
        let new = started("2026-11-01", Some("2026-11-01T08:00:00Z"));
        assert_eq!(old.newer_of(&new), new);
        assert_eq!(new.newer_of(&old), new);
        let untimed = started("2026-10-01", None);
        assert_eq!(RecoveryPrefs::default().newer_of(&untimed), untimed);
        assert_eq!(untimed.newer_of(&RecoveryPrefs::default()), untimed);
    }

    #[test]
    fn a_start_in_the_future_is_a_problem() {
        let today = day("2026-11-20");
        assert!(started("2026-11-21", None).problems(today).is_empty());
        let problems = started("2026-12-25", None).problems(today);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].field, "start");
        assert_eq!(
            problems[0].message,
            "starts after tomorrow, which cannot be right"
        );
        assert!(RecoveryPrefs::default().problems(today).is_empty());
    }
}
