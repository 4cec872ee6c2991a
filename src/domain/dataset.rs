//! Everything a runner has stored, as one value: what the store holds in memory, what a
//! backup carries, and what a restore merges or replaces.

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::protocol;
use crate::domain::records::{
    self, merge_by_id, Dated, PainEntry, Run, Settings, Shoe, StrengthSession, TriageRecord, Visit,
};
use crate::domain::recovery_plan::RecoveryPrefs;
use crate::domain::schema::Collection;
use crate::domain::situation::{self, PlanProgress, Situation};

/// Records (a started plan counts as one) before a backup reminder: five is more than a
/// minute's retyping, about a week of a runner's logging (three or four runs and a pain
/// note), or a knee check with a started plan and a few sessions; fewer are quicker to
/// enter again than a reminder is to read.
pub const BACKUP_WORTH_RECORDS: usize = 5;
/// Days from the first record kept on this device to the first reminder: a week of use,
/// so a new runner is not asked to back up on day one (issue 25). A week is also the
/// span after which Safari may clear a site's data unvisited, the loss the reminder guards
/// against.
pub const BACKUP_AFTER_DAYS: i64 = 7;
/// Days after a backup before the reminder comes back.
pub const BACKUP_EVERY_DAYS: i64 = 30;

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
    /// "I've been seen" answers.
    pub visits: Vec<Visit>,
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
    pub visits: usize,
}

impl Counts {
    pub fn total(self) -> usize {
        self.runs
            + self.pain
            + self.strength
            + self.shoes
            + self.triage
            + self.recovery_plan
            + self.visits
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
            (self.visits, "clinician visit", "clinician visits"),
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
            visits: self.visits.len(),
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
            .chain(self.triage.iter().map(Dated::day))
            .chain(self.visits.iter().map(Dated::day));
        days.fold(None, |range, day| match range {
            None => Some((day, day)),
            Some((first, last)) => Some((first.min(day), last.max(day))),
        })
    }

    /// The knee check taken last (not the one saved last: a restored backup may add older ones).
    pub fn latest_check(&self) -> Option<&TriageRecord> {
        records::latest_check(&self.triage)
    }

    /// The "I've been seen" answer recorded last.
    pub fn latest_visit(&self) -> Option<&Visit> {
        records::latest_visit(&self.visits)
    }

    /// The back-to-running plan replayed from its start as of `today`, from every run and
    /// pain entry logged since, or `None` before it starts.
    pub fn plan_progress(&self, today: NaiveDate) -> Option<PlanProgress> {
        let start = self.recovery.start.as_ref()?;
        let logged =
            protocol::logged_since(&self.runs, &self.pain, start.date, today, &self.settings);
        Some(PlanProgress {
            started: start.date,
            state: protocol::evaluate(start.date, start.stage, &logged),
        })
    }

    /// The run logged last: the latest day, and of its runs the one saved last.
    pub fn latest_run(&self) -> Option<&crate::domain::records::Run> {
        self.runs
            .iter()
            .max_by_key(|run| (run.date, run.updated_at))
    }

    /// Runs this calendar week (from the runner's first day of the week), cross-training
    /// aside: what the back-to-running plan counts.
    pub fn runs_this_week(&self, today: NaiveDate) -> usize {
        let first_day = crate::domain::calendar::week_start(today, self.settings.week_start);
        self.runs
            .iter()
            .filter(|run| run.kind != crate::domain::records::RunKind::CrossTraining)
            .filter(|run| (first_day..=today).contains(&run.date))
            .count()
    }

    /// Where the runner is today: the one answer every screen gives about this week.
    pub fn situation(&self, today: NaiveDate) -> Situation {
        situation::situation(
            today,
            self.latest_check(),
            self.latest_visit(),
            self.plan_progress(today).as_ref(),
        )
    }

    /// When this device first kept something of the runner's: the earliest `updated_at` of
    /// any record, or of the plan's start. (A record's own date may be years back, for a run
    /// imported from a watch's history; what it says is when Patella started holding it.)
    pub fn first_kept_at(&self) -> Option<DateTime<Utc>> {
        fn stamps<R: records::Record>(list: &[R]) -> impl Iterator<Item = DateTime<Utc>> + '_ {
            list.iter().map(records::Record::updated_at)
        }
        stamps(&self.runs)
            .chain(stamps(&self.pain))
            .chain(stamps(&self.strength))
            .chain(stamps(&self.shoes))
            .chain(stamps(&self.triage))
            .chain(stamps(&self.visits))
            .chain(self.recovery.updated_at)
            .min()
    }

    /// What Home's backup reminder says, or `None` when it is not due: only with data worth
    /// losing ([`BACKUP_WORTH_RECORDS`]), kept for some days of use ([`BACKUP_AFTER_DAYS`]),
    /// and no backup in the last [`BACKUP_EVERY_DAYS`].
    pub fn backup_reminder(&self, now: DateTime<Utc>) -> Option<&'static str> {
        if self.counts().total() < BACKUP_WORTH_RECORDS {
            return None;
        }
        let kept_for = now.signed_duration_since(self.first_kept_at()?);
        if kept_for < TimeDelta::days(BACKUP_AFTER_DAYS) {
            return None;
        }
        match self.settings.last_backup_at {
            None => Some(
                "Your records live only in this browser, and you have not downloaded a backup yet.",
            ),
            Some(at) if now.signed_duration_since(at) > TimeDelta::days(BACKUP_EVERY_DAYS) => {
                Some("Your records live only in this browser, and you have not downloaded a backup in the last 30 days.")
            }
            Some(_) => None,
        }
    }

    /// True when Home shows the backup reminder ([`Self::backup_reminder`]).
    pub fn backup_reminder_due(&self, now: DateTime<Utc>) -> bool {
        self.backup_reminder(now).is_some()
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
            visits: merge_by_id(&self.visits, &other.visits),
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
        Collection::Visits => to.visits.clone_from(&from.visits),
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

    /// The plan's count of this week's runs follows the runner's first day of the week and
    /// leaves cross-training out; last week's Sunday run is last week's.
    #[test]
    fn runs_this_week_start_on_the_runners_first_day() {
        use crate::domain::records::{RecordId, Run, RunKind};
        use crate::domain::units::{Distance, Duration};
        let run = |n: u128, date: &str, kind: RunKind| Run {
            kind,
            ..Run::easy(
                RecordId::from_random_bits(n),
                date.parse().unwrap(),
                Distance::from_metres(5000.0),
                Duration::from_minutes(30),
            )
        };
        let mut data = DataSet {
            runs: vec![
                run(1, "2026-12-06", RunKind::Easy),          // Sunday
                run(2, "2026-12-07", RunKind::Easy),          // Monday
                run(3, "2026-12-08", RunKind::CrossTraining), // Tuesday
                run(4, "2026-12-09", RunKind::Recovery),      // Wednesday
            ],
            ..DataSet::default()
        };
        let wednesday = "2026-12-09".parse().unwrap();
        data.settings.week_start = chrono::Weekday::Mon;
        assert_eq!(data.runs_this_week(wednesday), 2);
        data.settings.week_start = chrono::Weekday::Sun;
        assert_eq!(data.runs_this_week(wednesday), 3);
        assert_eq!(data.runs_this_week("2026-12-07".parse().unwrap()), 2);
    }

    fn shoe(n: u128, at: DateTime<Utc>) -> crate::domain::records::Shoe {
        crate::domain::records::Shoe {
            id: crate::domain::records::RecordId::from_random_bits(n),
            updated_at: at,
            name: format!("Trainers {n}"),
            added_on: at.date_naive(),
            start_distance: Default::default(),
            retired: false,
        }
    }

    /// `records` shoes, the first kept `days_ago`, the rest just now.
    fn kept(records: u128, days_ago: i64, now: DateTime<Utc>) -> DataSet {
        DataSet {
            shoes: (0..records)
                .map(|n| {
                    let at = if n == 0 {
                        now - TimeDelta::days(days_ago)
                    } else {
                        now
                    };
                    shoe(n, at)
                })
                .collect(),
            ..DataSet::default()
        }
    }

    #[test]
    fn no_backup_reminder_on_day_one_or_for_a_few_records() {
        let now: DateTime<Utc> = "2026-11-27T12:00:00Z".parse().unwrap();
        assert!(
            !DataSet::default().backup_reminder_due(now),
            "nothing to back up"
        );
        let worth = BACKUP_WORTH_RECORDS as u128;
        // Day one of use, however much was entered (an import of a whole season, say).
        assert!(!kept(200, 0, now).backup_reminder_due(now));
        // Almost a week.
        let almost = now - TimeDelta::days(BACKUP_AFTER_DAYS) + TimeDelta::minutes(1);
        assert!(!kept(worth, 0, almost).backup_reminder_due(now));
        // A week of use but too little to lose.
        assert!(!kept(worth - 1, 30, now).backup_reminder_due(now));
        // Enough records, a week of use, never backed up.
        let due = kept(worth, BACKUP_AFTER_DAYS, now);
        assert_eq!(
            due.backup_reminder(now),
            Some(
                "Your records live only in this browser, and you have not downloaded a backup yet."
            )
        );
        // A started plan counts as one record, and its start as the first thing kept.
        let mut with_plan = kept(worth - 1, 0, now);
        with_plan.recovery.start = Some(crate::domain::recovery_plan::ProtocolStart {
            date: now.date_naive(),
            stage: crate::domain::protocol::Stage::Week1,
            from_knee_check: None,
        });
        with_plan.recovery.updated_at = Some(now - TimeDelta::days(BACKUP_AFTER_DAYS));
        assert!(with_plan.backup_reminder_due(now));
    }

    #[test]
    fn the_backup_reminder_comes_back_thirty_days_after_a_backup() {
        let now: DateTime<Utc> = "2026-11-27T12:00:00Z".parse().unwrap();
        let mut data = kept(BACKUP_WORTH_RECORDS as u128, 90, now);
        data.settings.last_backup_at = Some(now - TimeDelta::days(BACKUP_EVERY_DAYS));
        assert!(!data.backup_reminder_due(now));
        data.settings.last_backup_at = Some(now - TimeDelta::days(BACKUP_EVERY_DAYS + 1));
        let said = data.backup_reminder(now).unwrap();
        assert!(
            said.ends_with(&format!("in the last {BACKUP_EVERY_DAYS} days.")),
            "{said}"
        );
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
        // Worth keeping, but on its own on day one not yet worth a reminder.
        assert!(!data.backup_reminder_due(now));
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
