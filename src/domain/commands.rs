//! Every change a runner can make to their data, as a named value: what it does to a
//! [`DataSet`] and which collections it touches. The store applies a command to the freshest
//! stored copy and writes back exactly [`Command::touches`], so no caller can forget a
//! collection it edits; pages build commands and hold no data rule of their own.

use chrono::{DateTime, Utc, Weekday};

use crate::domain::backup::{self, RestoreMode};
use crate::domain::dataset::DataSet;
use crate::domain::locale::{DateStyle, English};
use crate::domain::records::{
    default_shoe_threshold, PainEntry, RecordId, Run, Shoe, StrengthSession, TriageRecord, Visit,
};
use crate::domain::recovery_plan::ProtocolStart;
use crate::domain::run_draft::CheckedRun;
use crate::domain::schema::Collection;
use crate::domain::units::{Distance, DistanceUnit};

/// One preference the runner sets in Settings or Recovery.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum SettingsEdit {
    Units(DistanceUnit),
    WeekStart(Weekday),
    ShoeThreshold(Distance),
    TargetCadence(u16),
    English(English),
    Dates(DateStyle),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    AddRun(Run),
    /// The run form's Save: replaces the run with this id, keeping what the form does not
    /// show (an imported run's source, a distance left as shown), or adds it when there is
    /// none (new, or deleted in another tab meanwhile).
    SaveRun {
        id: RecordId,
        checked: CheckedRun,
        unit: DistanceUnit,
        now: DateTime<Utc>,
    },
    /// Runs from an import.
    AddRuns(Vec<Run>),
    DeleteRun(RecordId),
    /// Undo of deletions: each run comes back unless a run with its id is already there.
    RestoreRuns(Vec<Run>),
    AddPain(PainEntry),
    DeletePain(RecordId),
    /// Undo of a deletion, as for runs.
    RestorePain(PainEntry),
    AddStrength(StrengthSession),
    /// A new pair; the first active pair becomes the default, so the next run counts on it.
    AddShoe(Shoe),
    SetDefaultShoe {
        id: RecordId,
        now: DateTime<Utc>,
    },
    /// Retiring the default pair leaves no default.
    RetireShoe {
        id: RecordId,
        now: DateTime<Utc>,
    },
    RecordCheck(TriageRecord),
    /// "I've been seen", and what the runner was told: the situation follows it.
    RecordVisit(Visit),
    EditSettings {
        edit: SettingsEdit,
        now: DateTime<Utc>,
    },
    /// A backup was downloaded. A fact about this device, not a preference: it leaves
    /// `updated_at` alone so it never decides whose settings a merge keeps.
    NoteBackup {
        at: DateTime<Utc>,
    },
    StartProtocol {
        start: ProtocolStart,
        now: DateTime<Utc>,
    },
    /// Back to "not started", to start again.
    ClearProtocol {
        now: DateTime<Utc>,
    },
    /// Strength plan picked by hand; `None` follows the latest knee check.
    ChooseStrengthPlan {
        conditions: Option<Vec<String>>,
        now: DateTime<Utc>,
    },
    /// A checked backup, merged with what is stored or replacing it.
    Restore {
        backup: Box<DataSet>,
        mode: RestoreMode,
    },
}

impl Command {
    /// The collections this command may change; the store writes exactly these.
    pub fn touches(&self) -> &'static [Collection] {
        match self {
            Command::AddRun(_)
            | Command::SaveRun { .. }
            | Command::AddRuns(_)
            | Command::DeleteRun(_)
            | Command::RestoreRuns(_) => &[Collection::Runs],
            Command::AddPain(_) | Command::DeletePain(_) | Command::RestorePain(_) => {
                &[Collection::Pain]
            }
            Command::AddStrength(_) => &[Collection::Strength],
            Command::AddShoe(_) | Command::RetireShoe { .. } => {
                &[Collection::Shoes, Collection::Settings]
            }
            Command::SetDefaultShoe { .. }
            | Command::EditSettings { .. }
            | Command::NoteBackup { .. } => &[Collection::Settings],
            Command::RecordCheck(_) => &[Collection::Triage],
            Command::RecordVisit(_) => &[Collection::Visits],
            Command::StartProtocol { .. }
            | Command::ClearProtocol { .. }
            | Command::ChooseStrengthPlan { .. } => &[Collection::Recovery],
            Command::Restore { .. } => &Collection::ALL,
        }
    }

    /// Applies the change to `data`, which holds at least the collections it touches as
    /// stored now.
    pub fn apply(self, data: &mut DataSet) {
        match self {
            Command::AddRun(run) => data.runs.push(run),
            Command::SaveRun {
                id,
                checked,
                unit,
                now,
            } => match data.runs.iter_mut().find(|run| run.id == id) {
                Some(existing) => *existing = checked.into_edit_of(existing, unit, now),
                None => data.runs.push(checked.into_run(id, now)),
            },
            Command::AddRuns(runs) => data.runs.extend(runs),
            Command::DeleteRun(id) => data.runs.retain(|run| run.id != id),
            Command::RestoreRuns(runs) => {
                for run in runs {
                    if !data.runs.iter().any(|r| r.id == run.id) {
                        data.runs.push(run);
                    }
                }
            }
            Command::AddPain(entry) => data.pain.push(entry),
            Command::DeletePain(id) => data.pain.retain(|entry| entry.id != id),
            Command::RestorePain(entry) => {
                if !data.pain.iter().any(|e| e.id == entry.id) {
                    data.pain.push(entry);
                }
            }
            Command::AddStrength(session) => data.strength.push(session),
            Command::AddShoe(shoe) => {
                if data.shoes.iter().all(|s| s.retired) {
                    data.settings.default_shoe = Some(shoe.id.clone());
                    data.settings.updated_at = Some(shoe.updated_at);
                }
                data.shoes.push(shoe);
            }
            Command::SetDefaultShoe { id, now } => {
                data.settings.default_shoe = Some(id);
                data.settings.updated_at = Some(now);
            }
            Command::RetireShoe { id, now } => {
                if let Some(shoe) = data.shoes.iter_mut().find(|s| s.id == id) {
                    shoe.retired = true;
                    shoe.updated_at = now;
                }
                if data.settings.default_shoe.as_ref() == Some(&id) {
                    data.settings.default_shoe = None;
                    data.settings.updated_at = Some(now);
                }
            }
            Command::RecordCheck(check) => data.triage.push(check),
            Command::RecordVisit(visit) => data.visits.push(visit),
            Command::EditSettings { edit, now } => {
                let settings = &mut data.settings;
                match edit {
                    SettingsEdit::Units(units) => {
                        // A threshold left at the old unit's round default moves to the
                        // new unit's, so miles never read "497.1".
                        if settings.shoe_threshold == default_shoe_threshold(settings.units) {
                            settings.shoe_threshold = default_shoe_threshold(units);
                        }
                        settings.units = units;
                    }
                    SettingsEdit::WeekStart(day) => settings.week_start = day,
                    SettingsEdit::ShoeThreshold(threshold) => settings.shoe_threshold = threshold,
                    SettingsEdit::TargetCadence(spm) => settings.target_cadence_spm = Some(spm),
                    SettingsEdit::English(english) => settings.english = Some(english),
                    SettingsEdit::Dates(style) => settings.dates = Some(style),
                }
                settings.updated_at = Some(now);
            }
            Command::NoteBackup { at } => data.settings.last_backup_at = Some(at),
            Command::StartProtocol { start, now } => {
                data.recovery.start = Some(start);
                data.recovery.updated_at = Some(now);
            }
            Command::ClearProtocol { now } => {
                data.recovery.start = None;
                data.recovery.updated_at = Some(now);
            }
            Command::ChooseStrengthPlan { conditions, now } => {
                data.recovery.plan_conditions = conditions;
                data.recovery.updated_at = Some(now);
            }
            Command::Restore { backup, mode } => *data = backup::restore(data, &backup, mode),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::protocol::Stage;
    use crate::domain::records::SourceFormat;
    use crate::domain::units::Duration;

    fn at(text: &str) -> DateTime<Utc> {
        text.parse().unwrap()
    }

    fn id(n: u128) -> RecordId {
        RecordId::from_random_bits(n)
    }

    fn run(n: u128, metres: f64) -> Run {
        Run::easy(
            id(n),
            "2026-11-20".parse().unwrap(),
            Distance::from_metres(metres),
            Duration::from_minutes(30),
        )
    }

    fn shoe(n: u128, retired: bool) -> Shoe {
        Shoe {
            id: id(n),
            updated_at: at("2026-11-01T08:00:00Z"),
            name: format!("Pair {n}"),
            added_on: "2026-11-01".parse().unwrap(),
            start_distance: Distance::default(),
            retired,
        }
    }

    /// Applies `command` and checks that every collection it does not name is unchanged.
    fn applied(data: &DataSet, command: Command) -> DataSet {
        let touches = command.touches();
        let mut after = data.clone();
        command.apply(&mut after);
        for collection in Collection::ALL {
            if !touches.contains(&collection) {
                let mut put_back = after.clone();
                crate::domain::dataset::copy_collection(collection, data, &mut put_back);
                assert_eq!(
                    put_back, after,
                    "changed {collection:?}, which it does not name"
                );
            }
        }
        after
    }

    #[test]
    fn the_first_active_pair_becomes_the_default_and_later_ones_do_not() {
        let now = at("2026-11-20T08:00:00Z");
        let mut first = shoe(1, false);
        first.updated_at = now;
        let data = applied(&DataSet::default(), Command::AddShoe(first));
        assert_eq!(data.settings.default_shoe, Some(id(1)));
        assert_eq!(data.settings.updated_at, Some(now));
        let data = applied(&data, Command::AddShoe(shoe(2, false)));
        assert_eq!(data.settings.default_shoe, Some(id(1)));

        // With only retired pairs left, a new pair is the first active one again.
        let retired_only = DataSet {
            shoes: vec![shoe(3, true)],
            ..DataSet::default()
        };
        let data = applied(&retired_only, Command::AddShoe(shoe(4, false)));
        assert_eq!(data.settings.default_shoe, Some(id(4)));
    }

    #[test]
    fn retiring_the_default_pair_clears_the_default_and_retiring_another_does_not() {
        let now = at("2026-11-20T08:00:00Z");
        let data = DataSet {
            shoes: vec![shoe(1, false), shoe(2, false)],
            ..DataSet::default()
        };
        let data = applied(&data, Command::SetDefaultShoe { id: id(1), now });
        assert_eq!(data.settings.default_shoe, Some(id(1)));
        let later = at("2026-11-21T08:00:00Z");
        let other = applied(
            &data,
            Command::RetireShoe {
                id: id(2),
                now: later,
            },
        );
        assert_eq!(other.settings.default_shoe, Some(id(1)));
        assert!(other.shoes[1].retired);
        assert_eq!(other.shoes[1].updated_at, later);
        let default = applied(
            &data,
            Command::RetireShoe {
                id: id(1),
                now: later,
            },
        );
        assert_eq!(default.settings.default_shoe, None);
        assert_eq!(default.settings.updated_at, Some(later));
    }

    #[test]
    fn every_settings_edit_stamps_the_settings() {
        let now = at("2026-11-20T08:00:00Z");
        for edit in [
            SettingsEdit::Units(DistanceUnit::Mi),
            SettingsEdit::WeekStart(Weekday::Sun),
            SettingsEdit::ShoeThreshold(Distance::from_metres(600_000.0)),
            SettingsEdit::TargetCadence(176),
            SettingsEdit::English(English::Us),
            SettingsEdit::Dates(DateStyle::US),
        ] {
            let data = applied(&DataSet::default(), Command::EditSettings { edit, now });
            assert_eq!(data.settings.updated_at, Some(now), "{edit:?}");
            assert_ne!(data.settings, DataSet::default().settings, "{edit:?}");
        }
        let data = applied(&DataSet::default(), Command::NoteBackup { at: now });
        assert_eq!(data.settings.last_backup_at, Some(now));
        assert_eq!(data.settings.updated_at, None);
    }

    #[test]
    fn a_default_shoe_threshold_follows_the_unit_and_a_chosen_one_stays() {
        let now = at("2026-11-20T08:00:00Z");
        let units = |unit| Command::EditSettings {
            edit: SettingsEdit::Units(unit),
            now,
        };
        let miles = applied(&DataSet::default(), units(DistanceUnit::Mi));
        assert_eq!(
            miles.settings.shoe_threshold.in_unit(DistanceUnit::Mi),
            500.0
        );
        let back = applied(&miles, units(DistanceUnit::Km));
        assert_eq!(
            back.settings.shoe_threshold.in_unit(DistanceUnit::Km),
            800.0
        );
        let chosen = applied(
            &DataSet::default(),
            Command::EditSettings {
                edit: SettingsEdit::ShoeThreshold(Distance::from_metres(600_000.0)),
                now,
            },
        );
        let chosen_in_miles = applied(&chosen, units(DistanceUnit::Mi));
        assert_eq!(
            chosen_in_miles.settings.shoe_threshold,
            Distance::from_metres(600_000.0)
        );
    }

    #[test]
    fn saving_the_form_edits_the_run_in_place_or_adds_it_back() {
        let now = at("2026-11-21T08:00:00Z");
        let mut imported = run(1, 10_043.0);
        imported.source = Some(crate::domain::records::RunSource {
            file_name: "watch.fit".into(),
            format: SourceFormat::Fit,
            started_at: at("2026-11-20T07:00:00Z"),
            elapsed: Duration::from_minutes(31),
            avg_heart_rate_bpm: None,
            elevation_gain_m: None,
        });
        let checked = CheckedRun {
            date: imported.date,
            distance: Distance::from_metres(10_040.0),
            duration: imported.duration,
            kind: imported.kind,
            surface: None,
            shoe_id: None,
            pain_during: None,
            pain_after: None,
            effort: None,
            cadence_spm: None,
            title: String::new(),
            notes: "felt fine".into(),
        };
        let save = |data: &DataSet| {
            applied(
                data,
                Command::SaveRun {
                    id: id(1),
                    checked: checked.clone(),
                    unit: DistanceUnit::Km,
                    now,
                },
            )
        };
        let edited = save(&DataSet {
            runs: vec![imported.clone(), run(2, 5_000.0)],
            ..DataSet::default()
        });
        assert_eq!(edited.runs.len(), 2);
        assert_eq!(edited.runs[0].notes, "felt fine");
        assert_eq!(
            edited.runs[0].distance.metres(),
            10_043.0,
            "shown as 10.04: kept"
        );
        assert_eq!(edited.runs[0].source, imported.source);
        assert_eq!(edited.runs[0].updated_at, now);
        // Deleted in another tab meanwhile: saved as the runner sees it.
        let added = save(&DataSet::default());
        assert_eq!(added.runs.len(), 1);
        assert_eq!(added.runs[0].id, id(1));
    }

    #[test]
    fn deleted_records_come_back_once() {
        let data = DataSet {
            runs: vec![run(1, 5_000.0), run(2, 6_000.0)],
            ..DataSet::default()
        };
        let gone = applied(&data, Command::DeleteRun(id(1)));
        assert_eq!(gone.runs, vec![run(2, 6_000.0)]);
        let back = applied(
            &gone,
            Command::RestoreRuns(vec![run(1, 5_000.0), run(2, 9.0)]),
        );
        assert_eq!(back.runs, vec![run(2, 6_000.0), run(1, 5_000.0)]);

        let entry = PainEntry {
            id: id(7),
            updated_at: at("2026-11-20T08:00:00Z"),
            date: "2026-11-20".parse().unwrap(),
            pain: crate::domain::records::PainScore::new(3).unwrap(),
            areas: Vec::new(),
            morning_stiffness: false,
            note: String::new(),
        };
        let data = applied(&DataSet::default(), Command::AddPain(entry.clone()));
        let gone = applied(&data, Command::DeletePain(id(7)));
        assert!(gone.pain.is_empty());
        let back = applied(&gone, Command::RestorePain(entry.clone()));
        let again = applied(&back, Command::RestorePain(entry));
        assert_eq!(again.pain.len(), 1);
    }

    #[test]
    fn the_plan_starts_clears_and_keeps_a_chosen_strength_plan_each_time_stamped() {
        let now = at("2026-11-20T08:00:00Z");
        let start = ProtocolStart {
            date: "2026-11-20".parse().unwrap(),
            stage: Stage::Week2,
            from_knee_check: None,
        };
        let data = applied(
            &DataSet::default(),
            Command::StartProtocol {
                start: start.clone(),
                now,
            },
        );
        assert_eq!(data.recovery.start, Some(start));
        let later = at("2026-11-22T08:00:00Z");
        let data = applied(
            &data,
            Command::ChooseStrengthPlan {
                conditions: Some(vec!["it_band".into()]),
                now: later,
            },
        );
        assert_eq!(data.recovery.updated_at, Some(later));
        let data = applied(&data, Command::ClearProtocol { now });
        assert_eq!(data.recovery.start, None);
        assert_eq!(data.recovery.plan_conditions, Some(vec!["it_band".into()]));
    }

    #[test]
    fn a_restore_replaces_or_merges_everything() {
        let mine = DataSet {
            runs: vec![run(1, 5_000.0)],
            ..DataSet::default()
        };
        let theirs = DataSet {
            runs: vec![run(2, 6_000.0)],
            ..DataSet::default()
        };
        let restore = |mode| Command::Restore {
            backup: Box::new(theirs.clone()),
            mode,
        };
        assert_eq!(
            applied(&mine, restore(RestoreMode::Replace)).runs,
            theirs.runs
        );
        assert_eq!(applied(&mine, restore(RestoreMode::Merge)).runs.len(), 2);
    }

    #[test]
    fn adding_a_check_strength_or_runs_appends() {
        let data = applied(
            &DataSet::default(),
            Command::AddRuns(vec![run(1, 1.0), run(2, 2.0)]),
        );
        let data = applied(&data, Command::AddRun(run(3, 3.0)));
        assert_eq!(data.runs.len(), 3);
        let check = TriageRecord {
            id: id(9),
            updated_at: at("2026-11-20T08:00:00Z"),
            taken_at: at("2026-11-20T08:00:00Z").fixed_offset(),
            care_tier: crate::domain::records::CareTier::SelfManage,
            conditions: Vec::new(),
            answers: Default::default(),
        };
        let data = applied(&data, Command::RecordCheck(check));
        assert_eq!(data.triage.len(), 1);
        let visit = crate::domain::records::Visit {
            id: id(11),
            updated_at: at("2026-11-22T08:00:00Z"),
            recorded_at: at("2026-11-22T08:00:00Z").fixed_offset(),
            advice: crate::domain::records::Advice::OwnProgramme,
        };
        let data = applied(&data, Command::RecordVisit(visit.clone()));
        assert_eq!(data.visits, vec![visit]);
        let session = StrengthSession {
            id: id(10),
            updated_at: at("2026-11-20T08:00:00Z"),
            date: "2026-11-20".parse().unwrap(),
            exercises: vec!["wall_sit".into()],
            minutes: None,
            note: String::new(),
        };
        assert_eq!(
            applied(&data, Command::AddStrength(session)).strength.len(),
            1
        );
    }
}
