//! The questions at the end of a timed walk-run session, as typed: pain during and after,
//! and the distance covered (prefilled with an estimate). Like the Log's drafts, each field
//! is checked on its own and nothing is saved until all are right; a correct draft becomes
//! the recovery run the back-to-running plan counts.

use chrono::{DateTime, NaiveDate, Utc};

use crate::domain::form::{form_fields, Control, FieldErrors, Keyboard, Typed};
use crate::domain::interval_timer::TimerPlan;
use crate::domain::records::{PainScore, RecordId, Run, RunKind};
use crate::domain::run_draft::required_pain;
use crate::domain::units::{parse_distance, Distance, DistanceUnit, Duration};

/// How a timed session's name starts: "Walk-run timer: 2 min walk / 1 min run, 21 min in all".
pub const TIMER_TITLE_START: &str = "Walk-run timer: ";

form_fields! {
    /// The questions at a session's end.
    pub enum SessionField {
        PainDuring => "rec-pain-during", "Pain during (0 none – 10 worst)", Control::Score;
        PainAfter => "rec-pain-after", "Pain afterwards (0 – 10)", Control::Score;
        Distance => "rec-distance", "Distance covered", Control::Line(Keyboard::Decimal);
    }
}

/// The answers as the runner typed them.
pub type SessionDraft = Typed<SessionField>;

/// A session with correct answers; becomes a [`Run`] with an id, a time and a day.
#[derive(Clone, Debug, PartialEq)]
pub struct CheckedSession {
    pub plan: TimerPlan,
    pub duration: Duration,
    pub distance: Distance,
    pub pain_during: PainScore,
    pub pain_after: PainScore,
}

/// The distance field's first text: the plan's estimate for the time done, in the runner's
/// unit to two decimals ("2.10"), for them to correct if they know better.
pub fn estimated_distance_text(plan: &TimerPlan, elapsed_ms: u64, unit: DistanceUnit) -> String {
    let guess = plan.estimated_distance(elapsed_ms).in_unit(unit);
    crate::domain::decimals::fixed(guess, 2)
}

impl SessionDraft {
    /// The answers for a finished session: no pain typed yet, the distance estimated.
    pub fn finished(plan: &TimerPlan, elapsed_ms: u64, unit: DistanceUnit) -> Self {
        SessionDraft::default().with(
            SessionField::Distance,
            estimated_distance_text(plan, elapsed_ms, unit),
        )
    }

    /// The line under a question saying how to answer it.
    pub fn hint(field: SessionField, unit: DistanceUnit) -> Option<String> {
        match field {
            SessionField::PainDuring => None,
            SessionField::PainAfter => {
                Some("If the knee is worse tomorrow morning, change this in the Log.".to_string())
            }
            SessionField::Distance => Some(format!(
                "In {}: an estimate from your walking and jogging time; change it if you know.",
                unit.abbreviation()
            )),
        }
    }

    /// Checks the answers for a session of `plan` that lasted `elapsed_ms`.
    pub fn check(
        &self,
        plan: TimerPlan,
        elapsed_ms: u64,
        unit: DistanceUnit,
    ) -> Result<CheckedSession, FieldErrors<SessionField>> {
        let mut errors = FieldErrors::default();
        let pain_during = errors.note(
            SessionField::PainDuring,
            required_pain(self.get(SessionField::PainDuring)),
        );
        let pain_after = errors.note(
            SessionField::PainAfter,
            required_pain(self.get(SessionField::PainAfter)),
        );
        // parse_distance refuses nothing, zero and below with its own words.
        let distance = errors.note(
            SessionField::Distance,
            parse_distance(self.get(SessionField::Distance), unit).map_err(|e| e.to_string()),
        );
        let checked = (|| {
            Some(CheckedSession {
                plan,
                duration: session_duration(elapsed_ms),
                distance: distance?,
                pain_during: pain_during?,
                pain_after: pain_after?,
            })
        })();
        errors.or_value(checked)
    }
}

/// The time done in whole seconds, rounded up as the face showed it, and at least one so
/// a session ended at once is still a valid run.
fn session_duration(elapsed_ms: u64) -> Duration {
    let seconds = u32::try_from(elapsed_ms.div_ceil(1000))
        .unwrap_or(u32::MAX)
        .max(1);
    Duration::from_seconds(seconds)
}

impl CheckedSession {
    /// What the status line says once it is saved.
    pub fn summary(&self) -> String {
        format!(
            "Saved: {} recovery session, pain {}/10 during and {}/10 after. It is in the Log.",
            self.duration.display(),
            self.pain_during.value(),
            self.pain_after.value()
        )
    }

    /// The recovery run the plan counts, on `date`, named after the session's plan, in the
    /// runner's default shoes (`shoe`) as a run logged on the Log would be: a walk-run wears
    /// shoes too.
    pub fn into_run(
        self,
        id: RecordId,
        updated_at: DateTime<Utc>,
        date: NaiveDate,
        shoe: Option<RecordId>,
    ) -> Run {
        Run {
            id,
            updated_at,
            date,
            distance: self.distance,
            duration: self.duration,
            kind: RunKind::Recovery,
            surface: None,
            shoe_id: shoe,
            pain_during: Some(self.pain_during),
            pain_after: Some(self.pain_after),
            effort: None,
            cadence_spm: None,
            title: format!("{TIMER_TITLE_START}{}", self.plan.describe()),
            notes: String::new(),
            source: None,
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use crate::domain::protocol::Stage;

    fn week1() -> TimerPlan {
        TimerPlan::for_stage(Stage::Week1)
    }

    fn typed(during: &str, after: &str, distance: &str) -> SessionDraft {
        SessionDraft::default()
            .with(SessionField::PainDuring, during)
            .with(SessionField::PainAfter, after)
            .with(SessionField::Distance, distance)
    }

    #[test]
    fn the_distance_is_prefilled_from_the_time_done_in_the_runners_unit() {
        // 14 minutes walking at 5 km/h and 7 running at 8 km/h.
        assert_eq!(
            estimated_distance_text(&week1(), 21 * 60_000, DistanceUnit::Km),
            "2.10"
        );
        assert_eq!(
            estimated_distance_text(&week1(), 21 * 60_000, DistanceUnit::Mi),
            "1.30"
        );
        // Ended at once: the 100 m floor.
        assert_eq!(
            estimated_distance_text(&week1(), 0, DistanceUnit::Km),
            "0.10"
        );
    }

    #[test]
    fn correct_answers_make_the_recovery_run() {
        let checked = typed(" 2", "1 ", "2.1")
            .check(week1(), 21 * 60_000, DistanceUnit::Km)
            .unwrap();
        assert_eq!(checked.duration.seconds(), 1260);
        assert_eq!(
            checked.summary(),
            "Saved: 21:00 recovery session, pain 2/10 during and 1/10 after. It is in the Log."
        );
        let day = NaiveDate::from_ymd_opt(2026, 3, 14).unwrap();
        let at = DateTime::from_timestamp(1_773_500_000, 0).unwrap();
        let id = RecordId::from_random_bits(1);
        let run = checked.clone().into_run(id.clone(), at, day, None);
        assert_eq!(run.id, id);
        assert_eq!((run.date, run.updated_at), (day, at));
        assert_eq!(run.kind, RunKind::Recovery);
        assert_eq!(run.distance.metres(), 2100.0);
        assert_eq!(run.duration.seconds(), 1260);
        assert_eq!(run.pain_during.map(PainScore::value), Some(2));
        assert_eq!(run.pain_after.map(PainScore::value), Some(1));
        assert_eq!(
            run.title,
            "Walk-run timer: 2 min walk / 1 min run, 21 min in all"
        );
        assert_eq!(run.notes, "");
        assert_eq!(
            (run.surface, run.shoe_id, run.effort, run.cadence_spm),
            (None, None, None, None)
        );
        // With a default pair, the session wears it, as a run logged on the Log does.
        let shoe = RecordId::from_random_bits(2);
        let shod = checked.into_run(id, at, day, Some(shoe.clone()));
        assert_eq!(shod.shoe_id, Some(shoe));
    }

    #[test]
    fn the_time_is_rounded_up_to_a_whole_second_and_never_nothing() {
        let at = |elapsed_ms| {
            typed("0", "0", "1")
                .check(week1(), elapsed_ms, DistanceUnit::Km)
                .unwrap()
                .duration
                .seconds()
        };
        assert_eq!(at(0), 1);
        assert_eq!(at(270_001), 271);
        assert_eq!(at(270_000), 270);
    }

    #[test]
    fn every_wrong_answer_gets_its_own_message() {
        let errors = typed("", "11", "0")
            .check(week1(), 60_000, DistanceUnit::Km)
            .unwrap_err();
        assert_eq!(
            errors.of(SessionField::PainDuring),
            Some("Enter your pain from 0 (none) to 10 (worst).")
        );
        assert!(errors.of(SessionField::PainAfter).is_some());
        assert_eq!(
            errors.of(SessionField::Distance),
            Some("The distance must be more than zero.")
        );
        // One wrong answer marks only its field.
        let errors = typed("3", "2", "far")
            .check(week1(), 60_000, DistanceUnit::Km)
            .unwrap_err();
        assert_eq!(
            (
                errors.of(SessionField::PainDuring),
                errors.of(SessionField::PainAfter)
            ),
            (None, None)
        );
        assert!(errors.of(SessionField::Distance).is_some());
    }
}
