//! Everything a runner has stored, as one value: what the store holds in memory, what a
//! backup carries, and what a restore merges or replaces.

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::protocol;
use crate::domain::records::{
    self, merge_by_id, Dated, PainEntry, Run, Settings, Shoe, StrengthSession, TriageRecord,
};
use crate::domain::recovery_plan::RecoveryPrefs;
use crate::domain::schema::Collection;
use crate::domain::situation::{self, PlanProgress, Situation};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DataSet {
    pub runs: Vec<Run>,
    pub pain: Vec<PainEntry>,
    pub strength: Vec<StrengthSession>,
    pub shoes: Vec<Shoe>,
    pub triage: Vec<TriageRecord>,
    pub settings: Settings,
    pub recovery: RecoveryPrefs,
}

/// How many records of each kind a data set holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub runs: usize,
    pub pain: usize,
    pub strength: usize,
    pub shoes: usize,
    pub triage: usize,
    /// 1 once the runner has started the back-to-running plan or chosen a strength plan:
    /// it is theirs like a record, so it is backed up, reminded of and deleted with them.
    pub recovery_plan: usize,
}

impl Counts {
    pub fn total(self) -> usize {
        self.runs + self.pain + self.strength + self.shoes + self.triage + self.recovery_plan
    }

    /// "12 runs, 1 pain entry and 2 shoes": the kinds present, in words.
    pub fn describe(self) -> String {
        let kinds = [
            (self.runs, "run", "runs"),
            (self.pain, "pain entry", "pain entries"),
            (self.strength, "strength session", "strength sessions"),
            (self.shoes, "shoe", "shoes"),
            (self.triage, "knee check", "knee checks"),
            (
                self.recovery_plan,
                "back-to-running plan",
                "back-to-running plans",
            ),
        ];
        let parts: Vec<String> = kinds
            .iter()
            .filter(|(count, _, _)| *count > 0)
            .map(|(count, one, many)| format!("{count} {}", if *count == 1 { one } else { many }))
            .collect();
        match parts.as_slice() {
            [] => "no records".to_string(),
            [only] => only.clone(),
            [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
        }
    }
}

impl DataSet {
    pub fn counts(&self) -> Counts {
        Counts {
            runs: self.runs.len(),
            pain: self.pain.len(),
            strength: self.strength.len(),
            shoes: self.shoes.len(),
            triage: self.triage.len(),
            recovery_plan: usize::from(!self.recovery.is_blank()),
        }
    }

    /// True when nothing of the runner's is stored: no record and no recovery plan (the
    /// settings alone are not counted: they have defaults).
    pub fn is_empty(&self) -> bool {
        self.counts().total() == 0
    }

    /// The first and last calendar day any record falls on.
    pub fn date_range(&self) -> Option<(NaiveDate, NaiveDate)> {
        let days = self
            .runs
            .iter()
            .map(Dated::day)
            .chain(self.pain.iter().map(Dated::day))
            .chain(self.strength.iter().map(Dated::day))
            .chain(self.shoes.iter().map(Dated::day))
            .chain(self.triage.iter().map(Dated::day));
        days.fold(None, |range, day| match range {
            None => Some((day, day)),
            Some((first, last)) => Some((first.min(day), last.max(day))),
        })
    }

    /// The knee check taken last (not the one saved last: a restored backup may add older ones).
    pub fn latest_check(&self) -> Option<&TriageRecord> {
        records::latest_check(&self.triage)
    }

    /// The back-to-running plan replayed from its start as of `today`, from every run and
    /// pain entry logged since, or `None` before it starts.
    pub fn plan_progress(&self, today: NaiveDate) -> Option<PlanProgress> {
        let start = self.recovery.start.as_ref()?;
        let logged = protocol::logged_since(
            &self.runs,
            &self.pain,
            start.date,
            today,
            self.settings.units,
        );
        Some(PlanProgress {
            started: start.date,
            state: protocol::evaluate(start.date, start.stage, &logged),
        })
    }

    /// Where the runner is today: the one answer every screen gives about this week.
    pub fn situation(&self, today: NaiveDate) -> Situation {
        situation::situation(
            today,
            self.latest_check(),
            self.plan_progress(today).as_ref(),
        )
    }

    /// True when there is something worth backing up and no backup in the last 30 days.
    /// (Safari may clear a site's data after seven days without a visit.)
    pub fn backup_reminder_due(&self, now: DateTime<Utc>) -> bool {
        !self.is_empty()
            && self
                .settings
                .last_backup_at
                .is_none_or(|at| now.signed_duration_since(at) > TimeDelta::days(30))
    }

    /// Both sets' records, by id; on the same id the newer copy wins. Settings come from
    /// whichever side changed them last.
    pub fn merged_with(&self, other: &DataSet) -> DataSet {
        let settings = if other.settings.updated_at > self.settings.updated_at {
            other.settings.clone()
        } else {
            self.settings.clone()
        };
        DataSet {
            runs: merge_by_id(&self.runs, &other.runs),
            pain: merge_by_id(&self.pain, &other.pain),
            strength: merge_by_id(&self.strength, &other.strength),
            shoes: merge_by_id(&self.shoes, &other.shoes),
            triage: merge_by_id(&self.triage, &other.triage),
            settings,
            recovery: self.recovery.newer_of(&other.recovery),
        }
    }
}

/// Puts `from`'s copy of one collection into `to`, leaving `to`'s others as they are.
pub fn copy_collection(collection: Collection, from: &DataSet, to: &mut DataSet) {
    match collection {
        Collection::Runs => to.runs.clone_from(&from.runs),
        Collection::Pain => to.pain.clone_from(&from.pain),
        Collection::Strength => to.strength.clone_from(&from.strength),
        Collection::Shoes => to.shoes.clone_from(&from.shoes),
        Collection::Triage => to.triage.clone_from(&from.triage),
        Collection::Settings => to.settings.clone_from(&from.settings),
        Collection::Recovery => to.recovery.clone_from(&from.recovery),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(runs: usize, pain: usize, shoes: usize) -> Counts {
        Counts {
            runs,
            pain,
            shoes,
            ..Counts::default()
        }
    }

    #[test]
    fn counts_read_as_words() {
        assert_eq!(counts(0, 0, 0).describe(), "no records");
        assert_eq!(counts(1, 0, 0).describe(), "1 run");
        assert_eq!(counts(12, 1, 0).describe(), "12 runs and 1 pain entry");
        assert_eq!(
            counts(2, 3, 2).describe(),
            "2 runs, 3 pain entries and 2 shoes"
        );
    }

    #[test]
    fn backup_reminder_after_thirty_days_with_data() {
        let now: DateTime<Utc> = "2026-11-27T12:00:00Z".parse().unwrap();
        let mut data = DataSet::default();
        assert!(!data.backup_reminder_due(now), "nothing to back up");
        data.shoes.push(crate::domain::records::Shoe {
            id: crate::domain::records::RecordId::from_random_bits(1),
            updated_at: now,
            name: "Trainers".into(),
            added_on: now.date_naive(),
            start_distance: Default::default(),
            retired: false,
        });
        assert!(data.backup_reminder_due(now), "never backed up");
        data.settings.last_backup_at = Some(now - TimeDelta::days(30));
        assert!(!data.backup_reminder_due(now));
        data.settings.last_backup_at = Some(now - TimeDelta::days(31));
        assert!(data.backup_reminder_due(now));
    }

    #[test]
    fn a_recovery_plan_alone_is_something_to_keep() {
        let now: DateTime<Utc> = "2026-11-27T12:00:00Z".parse().unwrap();
        let mut data = DataSet::default();
        assert!(data.is_empty());
        assert_eq!(data.counts().total(), 0);
        data.recovery.start = Some(crate::domain::recovery_plan::ProtocolStart {
            date: now.date_naive(),
            stage: crate::domain::protocol::Stage::Week2,
            from_knee_check: None,
        });
        assert!(!data.is_empty());
        assert!(
            data.backup_reminder_due(now),
            "a started plan is worth a backup"
        );
        assert_eq!(data.counts().total(), 1);
        assert_eq!(data.counts().describe(), "1 back-to-running plan");

        // A strength plan chosen by hand, with no plan started, counts too.
        let chosen = DataSet {
            recovery: RecoveryPrefs {
                plan_conditions: Some(vec!["patellofemoral_pain".into()]),
                ..RecoveryPrefs::default()
            },
            ..DataSet::default()
        };
        assert!(!chosen.is_empty());

        data.runs = sample_runs(2);
        assert_eq!(data.counts().total(), 3);
        assert_eq!(
            data.counts().describe(),
            "2 runs and 1 back-to-running plan"
        );
    }

    fn sample_runs(count: u128) -> Vec<Run> {
        (0..count)
            .map(|n| {
                Run::easy(
                    crate::domain::records::RecordId::from_random_bits(n),
                    "2026-11-20".parse().unwrap(),
                    crate::domain::units::Distance::from_metres(5000.0),
                    crate::domain::units::Duration::from_seconds(1800),
                )
            })
            .collect()
    }

    #[test]
    fn the_latest_check_is_the_one_taken_last() {
        let check = |id: u128, updated: &str, taken: &str| TriageRecord {
            id: crate::domain::records::RecordId::from_random_bits(id),
            updated_at: updated.parse().unwrap(),
            taken_at: taken.parse().unwrap(),
            care_tier: crate::domain::records::CareTier::SelfManage,
            conditions: Vec::new(),
            answers: Default::default(),
        };
        let mut data = DataSet::default();
        assert_eq!(data.latest_check(), None);
        data.triage = vec![
            check(1, "2026-11-20T08:00:00Z", "2026-11-20T08:00:00Z"),
            // Saved later (restored from a backup) but taken earlier.
            check(2, "2026-11-26T08:00:00Z", "2026-10-01T08:00:00Z"),
        ];
        assert_eq!(
            data.latest_check().map(|c| c.id.clone()),
            Some(data.triage[0].id.clone())
        );
    }
}
