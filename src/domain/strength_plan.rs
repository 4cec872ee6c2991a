//! The strength and mobility plan: which exercises fit the runner's likely conditions, and
//! how well they have kept to it this week.
//!
//! The seed's routine: 5–10 minutes of mobility every day, and 2–3 strength sessions a week
//! of 20–30 minutes on hips, glutes and core. Hip and glute work usually shows results in
//! 3–4 weeks of consistent work.

use chrono::{Days, NaiveDate, Weekday};

use crate::domain::calendar::week_start;
use crate::domain::content::{exercises, ConditionId, Exercise};
use crate::domain::records::{StrengthSession, TriageRecord};

/// Exercises that belong in the daily mobility routine; the rest are strength work.
pub const MOBILITY: [&str; 8] = [
    "hip_circles",
    "quad_stretch",
    "kneecap_mobility",
    "foam_roll_hip",
    "hip_flexor_stretch",
    "couch_stretch",
    "calf_stretch",
    "thoracic_mobility",
];

/// Core work every strength session ends with (the seed: hips, glutes and core).
pub const CORE: [&str; 3] = ["plank", "dead_bug", "bird_dog"];

/// The plan for anyone without a knee check: hips, glutes and core, and general mobility.
const GENERAL_STRENGTH: [&str; 4] = [
    "clamshell",
    "side_lying_leg_lift",
    "monster_walk",
    "hip_thrust",
];
const GENERAL_MOBILITY: [&str; 4] = [
    "hip_circles",
    "hip_flexor_stretch",
    "calf_stretch",
    "thoracic_mobility",
];

/// At most this many exercises in a strength session (about 20–30 minutes).
pub const MAX_STRENGTH: usize = 6;
/// At most this many in the daily routine (about 5–10 minutes).
pub const MAX_MOBILITY: usize = 4;

/// Strength sessions a week: at least, and at most.
pub const STRENGTH_PER_WEEK: (u32, u32) = (2, 3);
/// Weeks of consistent work before the seed expects improvement.
pub const WEEKS_TO_IMPROVE: (u32, u32) = (3, 4);

pub fn is_mobility(id: &str) -> bool {
    MOBILITY.contains(&id)
}

/// A chosen plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StrengthPlan {
    /// The conditions it was made for (empty: the general plan).
    pub conditions: Vec<ConditionId>,
    pub strength: Vec<&'static Exercise>,
    pub mobility: Vec<&'static Exercise>,
    /// Conditions whose exercises wait until someone has examined the knee.
    pub waiting_for_assessment: Vec<ConditionId>,
    /// The knee check it follows found a warning sign: no exercises until the knee is seen.
    pub warning_sign: bool,
}

impl StrengthPlan {
    /// Why the exercises should wait, if they should: a warning sign first, then a likely
    /// cause that needs examining.
    pub fn cautions(&self) -> Vec<String> {
        let mut said = Vec::new();
        if self.warning_sign {
            said.push(
                "Your last knee check found a warning sign. Have the knee examined before \
                 starting these exercises; once it has been, pick a plan above."
                    .to_string(),
            );
        }
        if !self.waiting_for_assessment.is_empty() {
            let names: Vec<&str> = self
                .waiting_for_assessment
                .iter()
                .map(|id| id.info().name)
                .collect();
            said.push(format!(
                "Your last knee check pointed to {}. Exercises should wait until someone has \
                 examined the knee.",
                names.join(" or ").to_lowercase()
            ));
        }
        said
    }
}

/// Today's strength session from the exercises ticked, or `None` when none is ticked.
pub fn session_of_ticked(
    ticked: &[&'static str],
    id: crate::domain::records::RecordId,
    now: chrono::DateTime<chrono::Utc>,
    today: chrono::NaiveDate,
) -> Option<crate::domain::records::StrengthSession> {
    (!ticked.is_empty()).then(|| crate::domain::records::StrengthSession {
        id,
        updated_at: now,
        date: today,
        exercises: ticked.iter().map(|id| id.to_string()).collect(),
        minutes: None,
        note: String::new(),
    })
}

fn push_unique(list: &mut Vec<&'static Exercise>, id: &str, max: usize) {
    if list.len() >= max || list.iter().any(|e| e.id == id) {
        return;
    }
    if let Some(exercise) = exercises::find(id) {
        list.push(exercise);
    }
}

/// The plan for these condition keys (as a knee check saves them; unknown keys are ignored).
pub fn plan_for(condition_keys: &[String]) -> StrengthPlan {
    let conditions: Vec<ConditionId> = condition_keys
        .iter()
        .filter_map(|key| ConditionId::from_key(key))
        .fold(Vec::new(), |mut acc, id| {
            if !acc.contains(&id) {
                acc.push(id);
            }
            acc
        });
    let (waiting, usable): (Vec<ConditionId>, Vec<ConditionId>) = conditions
        .iter()
        .partition(|id| id.info().exercises_wait_for_assessment);
    let mut strength = Vec::new();
    let mut mobility = Vec::new();
    // As in the knee check's own result: one likely cause that needs examining holds back
    // every exercise, whatever else is likely too.
    if !waiting.is_empty() {
        return StrengthPlan {
            conditions,
            strength,
            mobility,
            waiting_for_assessment: waiting,
            warning_sign: false,
        };
    }
    // Every condition's first-line exercises first (the knee check's result offers them
    // too), then the rest, most likely condition first; strength leaves room for core.
    let strength_room = MAX_STRENGTH - 2;
    let first_lines = usable.iter().flat_map(|id| id.info().first_line);
    let the_rest = usable.iter().flat_map(|id| id.info().exercises);
    for exercise in first_lines.chain(the_rest) {
        {
            if is_mobility(exercise) {
                push_unique(&mut mobility, exercise, MAX_MOBILITY);
            } else {
                push_unique(&mut strength, exercise, strength_room);
            }
        }
    }
    for exercise in GENERAL_STRENGTH {
        push_unique(&mut strength, exercise, strength_room);
    }
    for exercise in CORE {
        push_unique(&mut strength, exercise, MAX_STRENGTH);
    }
    for exercise in GENERAL_MOBILITY {
        push_unique(&mut mobility, exercise, MAX_MOBILITY);
    }
    StrengthPlan {
        conditions,
        strength,
        mobility,
        waiting_for_assessment: waiting,
        warning_sign: false,
    }
}

/// The plan a saved knee check leads to: its conditions' plan, held back entirely when the
/// check found a warning sign (same-day or emergency care), as its result said.
pub fn plan_after_check(check: &TriageRecord) -> StrengthPlan {
    let plan = plan_for(&check.conditions);
    if check.found_warning_sign() {
        StrengthPlan {
            strength: Vec::new(),
            mobility: Vec::new(),
            warning_sign: true,
            ..plan
        }
    } else {
        plan
    }
}

/// How this week went against the target.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Adherence {
    pub week_start: NaiveDate,
    /// Days with a saved session that held strength work, this week.
    pub strength_sessions: u32,
    /// Days with mobility work this week, and the days of the week so far.
    pub mobility_days: u32,
    pub days_so_far: u32,
    /// Weeks in a row, up to this one, with at least the minimum strength sessions
    /// (this week counts only once it has reached it).
    pub consistent_weeks: u32,
}

impl Adherence {
    pub fn strength_target_met(&self) -> bool {
        self.strength_sessions >= STRENGTH_PER_WEEK.0
    }

    /// A sentence for the runner.
    pub fn summary(&self) -> String {
        let (low, high) = STRENGTH_PER_WEEK;
        format!(
            "This week: {} of {low}–{high} strength sessions, mobility on {} of {}.",
            self.strength_sessions,
            self.mobility_days,
            crate::domain::words::count(self.days_so_far as usize, "day", "days")
        )
    }

    /// Where the runner is on the road to the 3–4 weeks the seed expects.
    pub fn outlook(&self) -> String {
        let (low, high) = WEEKS_TO_IMPROVE;
        match self.consistent_weeks {
            0 => format!(
                "Most runners notice a difference after {low} to {high} weeks of doing this \
                 regularly. Two sessions this week starts the count."
            ),
            weeks if weeks < low => format!(
                "{weeks} {} of steady work so far. Improvement usually shows after {low} to \
                 {high} weeks.",
                if weeks == 1 { "week" } else { "weeks" }
            ),
            weeks => format!(
                "{weeks} weeks of steady work: this is when improvement usually shows. If the \
                 knee is no better, see a physiotherapist."
            ),
        }
    }
}

fn days_with(
    sessions: &[StrengthSession],
    from: NaiveDate,
    to: NaiveDate,
    pick: impl Fn(&str) -> bool,
) -> u32 {
    let mut days: Vec<NaiveDate> = sessions
        .iter()
        .filter(|s| s.date >= from && s.date <= to)
        .filter(|s| s.exercises.iter().any(|id| pick(id)))
        .map(|s| s.date)
        .collect();
    crate::domain::sort::sort(&mut days);
    days.dedup();
    days.len() as u32
}

/// Adherence for the week containing `today`.
pub fn adherence(sessions: &[StrengthSession], today: NaiveDate, first_day: Weekday) -> Adherence {
    let start = week_start(today, first_day);
    let days_so_far = (today - start).num_days().clamp(0, 6) as u32 + 1;
    let strength_in =
        |from: NaiveDate, to: NaiveDate| days_with(sessions, from, to, |id| !is_mobility(id));
    let strength_sessions = strength_in(start, today);
    let mobility_days = days_with(sessions, start, today, is_mobility);

    let mut consistent_weeks = u32::from(strength_sessions >= STRENGTH_PER_WEEK.0);
    let mut week = start;
    for _ in 0..52 {
        let Some(previous) = week.checked_sub_days(Days::new(7)) else {
            break;
        };
        let end = week.pred_opt().unwrap_or(previous);
        if strength_in(previous, end) >= STRENGTH_PER_WEEK.0 {
            consistent_weeks += 1;
            week = previous;
        } else {
            break;
        }
    }
    Adherence {
        week_start: start,
        strength_sessions,
        mobility_days,
        days_so_far,
        consistent_weeks,
    }
}

/// Which strength plan the runner chose: the one their latest knee check leads to, the
/// general hips-glutes-core plan, or one condition's. Kept with the back-to-running plan as
/// `RecoveryPrefs::plan_conditions`: `None`, an empty list, or the condition's key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlanChoice {
    FollowCheck,
    General,
    Condition(ConditionId),
}

impl PlanChoice {
    const FOLLOW_CHECK: &'static str = "check";
    const GENERAL: &'static str = "general";

    /// The choice as stored; a condition this version does not know reads as the general
    /// plan (which is what it gave), and is kept as it is until the runner changes it.
    pub fn from_stored(stored: Option<&[String]>) -> PlanChoice {
        match stored {
            None => PlanChoice::FollowCheck,
            Some(keys) => keys
                .first()
                .and_then(|key| ConditionId::from_key(key))
                .map_or(PlanChoice::General, PlanChoice::Condition),
        }
    }

    pub fn to_stored(self) -> Option<Vec<String>> {
        match self {
            PlanChoice::FollowCheck => None,
            PlanChoice::General => Some(Vec::new()),
            PlanChoice::Condition(id) => Some(vec![id.key().to_string()]),
        }
    }

    /// The value of the choice in a select.
    pub fn key(self) -> &'static str {
        match self {
            PlanChoice::FollowCheck => Self::FOLLOW_CHECK,
            PlanChoice::General => Self::GENERAL,
            PlanChoice::Condition(id) => id.key(),
        }
    }

    pub fn from_key(key: &str) -> Option<PlanChoice> {
        match key {
            Self::FOLLOW_CHECK => Some(PlanChoice::FollowCheck),
            Self::GENERAL => Some(PlanChoice::General),
            key => ConditionId::from_key(key).map(PlanChoice::Condition),
        }
    }

    /// Every choice offered, with its words: a condition whose exercises wait for an
    /// examination is not one to choose.
    pub fn offered(has_check: bool) -> Vec<(PlanChoice, String)> {
        let from_check = if has_check {
            "From my latest knee check"
        } else {
            "From my knee check (none yet: the general plan)"
        };
        let mut offered = vec![
            (PlanChoice::FollowCheck, from_check.to_string()),
            (
                PlanChoice::General,
                "General: hips, glutes and core".to_string(),
            ),
        ];
        offered.extend(
            crate::domain::content::CONDITIONS
                .iter()
                .filter(|c| !c.exercises_wait_for_assessment)
                .map(|c| (PlanChoice::Condition(c.id), c.name.to_string())),
        );
        offered
    }

    /// The plan this choice gives, after `latest` (the runner's latest knee check).
    pub fn plan(self, latest: Option<&TriageRecord>) -> StrengthPlan {
        match (self, latest) {
            (PlanChoice::FollowCheck, Some(check)) => plan_after_check(check),
            (PlanChoice::FollowCheck, None) | (PlanChoice::General, _) => plan_for(&[]),
            (PlanChoice::Condition(id), _) => plan_for(&[id.key().to_string()]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::records::RecordId;

    fn ids(list: &[&'static Exercise]) -> Vec<&'static str> {
        list.iter().map(|e| e.id).collect()
    }

    fn keys(list: &[&str]) -> Vec<String> {
        list.iter().map(|k| k.to_string()).collect()
    }

    #[test]
    fn every_listed_exercise_exists() {
        for id in MOBILITY.iter().chain(&CORE).chain(&GENERAL_STRENGTH) {
            assert!(exercises::find(id).is_some(), "{id}");
        }
    }

    #[test]
    fn every_plan_choice_is_kept_and_read_back_as_itself() {
        for (choice, words) in PlanChoice::offered(true) {
            assert!(!words.is_empty());
            assert_eq!(PlanChoice::from_key(choice.key()), Some(choice));
            assert_eq!(
                PlanChoice::from_stored(choice.to_stored().as_deref()),
                choice
            );
        }
        assert_eq!(PlanChoice::from_stored(None), PlanChoice::FollowCheck);
        assert_eq!(PlanChoice::from_stored(Some(&[])), PlanChoice::General);
        // A condition an older or newer version named reads as the general plan it gives.
        assert_eq!(
            PlanChoice::from_stored(Some(&["pfps".to_string()])),
            PlanChoice::General
        );
        assert_eq!(PlanChoice::from_key("nonsense"), None);
    }

    #[test]
    fn patellofemoral_pain_gets_knee_and_hip_work_then_core() {
        let plan = plan_for(&keys(&["patellofemoral"]));
        let strength = ids(&plan.strength);
        // The first-line knee and hip exercises lead (Willy 2019).
        assert_eq!(&strength[..2], ["wall_sit", "clamshell"]);
        assert!(strength.contains(&"step_down"));
        assert_eq!(strength.len(), MAX_STRENGTH);
        assert!(strength.contains(&"plank"));
        let mobility = ids(&plan.mobility);
        assert!(mobility.contains(&"quad_stretch"));
        assert!(mobility.contains(&"kneecap_mobility"));
        assert!(plan.mobility.len() <= MAX_MOBILITY);
    }

    /// Whatever two conditions are likely together, the strength session holds both
    /// conditions' first-line exercises.
    #[test]
    fn every_likely_conditions_first_line_exercise_is_in_the_session() {
        let keys_all: Vec<&str> = crate::domain::content::CONDITIONS
            .iter()
            .filter(|c| !c.exercises_wait_for_assessment)
            .map(|c| c.id.key())
            .collect();
        for first in &keys_all {
            for second in &keys_all {
                let plan = plan_for(&keys(&[first, second]));
                let all: Vec<&str> = ids(&plan.strength)
                    .into_iter()
                    .chain(ids(&plan.mobility))
                    .collect();
                for key in [first, second] {
                    let condition = ConditionId::from_key(key).unwrap().info();
                    for id in condition.first_line {
                        assert!(
                            all.contains(id),
                            "{id} for {key} with {first} and {second}: {all:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn it_band_gets_hip_abductor_work_and_foam_rolling() {
        let plan = plan_for(&keys(&["it_band"]));
        let strength = ids(&plan.strength);
        // Hip abductor work leads (Fredericson 2000).
        assert_eq!(strength[0], "side_lying_leg_lift");
        assert!(strength.contains(&"clamshell"));
        assert!(!strength.contains(&"wall_sit"));
        assert!(ids(&plan.mobility).contains(&"foam_roll_hip"));
    }

    #[test]
    fn no_knee_check_gives_the_general_plan() {
        let plan = plan_for(&[]);
        assert_eq!(
            ids(&plan.strength),
            [
                "clamshell",
                "side_lying_leg_lift",
                "monster_walk",
                "hip_thrust",
                "plank",
                "dead_bug"
            ]
        );
        assert_eq!(ids(&plan.mobility), GENERAL_MOBILITY);
        assert!(plan_for(&keys(&["nonsense"])).conditions.is_empty());
    }

    #[test]
    fn an_acute_injury_waits_for_an_examination() {
        let plan = plan_for(&keys(&["acute_injury"]));
        assert!(plan.strength.is_empty() && plan.mobility.is_empty());
        assert_eq!(plan.waiting_for_assessment, [ConditionId::AcuteInjury]);
        // With another likely cause too, everything waits, as the knee check's result says.
        let mixed = plan_for(&keys(&["patellofemoral", "acute_injury"]));
        assert!(mixed.strength.is_empty() && mixed.mobility.is_empty());
        assert_eq!(mixed.waiting_for_assessment, [ConditionId::AcuteInjury]);
        assert!(!mixed.warning_sign);
        // The card says why, once, naming the cause in its words.
        let cautions = mixed.cautions();
        assert_eq!(cautions.len(), 1);
        assert!(
            cautions[0].contains(&ConditionId::AcuteInjury.info().name.to_lowercase()),
            "{cautions:?}"
        );
        assert!(plan_for(&keys(&["patellofemoral"])).cautions().is_empty());
    }

    #[test]
    fn a_session_is_the_exercises_ticked_and_nothing_ticked_is_no_session() {
        use crate::domain::records::RecordId;
        let (id, now) = (
            RecordId::from_random_bits(3),
            "2026-11-20T08:00:00Z".parse().unwrap(),
        );
        let today = "2026-11-20".parse().unwrap();
        assert_eq!(session_of_ticked(&[], id.clone(), now, today), None);
        let session = session_of_ticked(&["clamshell", "bridge"], id, now, today).unwrap();
        assert_eq!(session.exercises, ["clamshell", "bridge"]);
        assert_eq!((session.date, session.minutes), (today, None));
    }

    #[test]
    fn a_check_that_found_a_warning_sign_holds_every_exercise() {
        use crate::domain::records::CareTier;
        use crate::domain::records::RecordId;
        let check = |care_tier: CareTier, conditions: &[&str]| TriageRecord {
            id: RecordId::from_random_bits(1),
            updated_at: "2026-11-20T08:00:00Z".parse().unwrap(),
            taken_at: "2026-11-20T08:00:00Z".parse().unwrap(),
            care_tier,
            conditions: keys(conditions),
            answers: Default::default(),
        };
        for tier in [CareTier::EmergencyNow, CareTier::SameDay] {
            // A red flag ends the check before any cause is weighed: no conditions saved.
            for conditions in [&[][..], &["patellofemoral"][..]] {
                let plan = plan_after_check(&check(tier, conditions));
                assert!(plan.warning_sign, "{tier:?}");
                assert!(plan.cautions()[0].contains("warning sign"), "{tier:?}");
                assert!(
                    plan.strength.is_empty() && plan.mobility.is_empty(),
                    "{tier:?}"
                );
            }
        }
        let soon = plan_after_check(&check(CareTier::SeeProfessionalSoon, &["patellofemoral"]));
        assert!(!soon.warning_sign);
        assert_eq!(soon, plan_for(&keys(&["patellofemoral"])));

        // Care comes first after a warning sign, or when an injury is likely.
        let injury = check(
            CareTier::SeeProfessionalSoon,
            &["patellofemoral", "acute_injury"],
        );
        assert!(injury.care_comes_first() && !injury.found_warning_sign());
        assert!(check(CareTier::SameDay, &[]).care_comes_first());
        assert!(!check(CareTier::SelfManage, &["patellofemoral"]).care_comes_first());
    }

    #[test]
    fn no_exercise_appears_twice() {
        let plan = plan_for(&keys(&["patellofemoral", "it_band", "inner_knee"]));
        let mut all = ids(&plan.strength);
        all.extend(ids(&plan.mobility));
        let count = all.len();
        all.sort();
        all.dedup();
        assert_eq!(all.len(), count);
    }

    fn session(date: &str, exercises: &[&str]) -> StrengthSession {
        StrengthSession {
            id: RecordId::from_random_bits(1),
            updated_at: "2026-11-01T07:00:00Z".parse().unwrap(),
            date: date.parse().unwrap(),
            exercises: exercises.iter().map(|e| e.to_string()).collect(),
            minutes: None,
            note: String::new(),
        }
    }

    #[test]
    fn adherence_counts_days_of_strength_and_mobility_this_week() {
        let today: NaiveDate = "2026-11-26".parse().unwrap(); // Thursday
        let sessions = [
            session("2026-11-23", &["clamshell", "hip_circles"]),
            session("2026-11-23", &["plank"]), // same day: one session
            session("2026-11-24", &["calf_stretch"]),
            session("2026-11-26", &["hip_thrust"]),
            session("2026-11-20", &["hip_thrust"]), // last week
        ];
        let week = adherence(&sessions, today, Weekday::Mon);
        assert_eq!(week.week_start, "2026-11-23".parse().unwrap());
        assert_eq!(week.strength_sessions, 2);
        assert_eq!(week.mobility_days, 2);
        assert_eq!(week.days_so_far, 4);
        assert!(week.strength_target_met());
        assert_eq!(week.consistent_weeks, 1);
        assert_eq!(
            week.summary(),
            "This week: 2 of 2–3 strength sessions, mobility on 2 of 4 days."
        );
    }

    #[test]
    fn consistent_weeks_run_back_until_a_short_week() {
        let today: NaiveDate = "2026-11-26".parse().unwrap();
        let sessions = [
            session("2026-11-02", &["clamshell"]),
            session("2026-11-09", &["clamshell"]),
            session("2026-11-11", &["clamshell"]),
            session("2026-11-16", &["clamshell"]),
            session("2026-11-18", &["clamshell"]),
            session("2026-11-23", &["clamshell"]),
        ];
        let week = adherence(&sessions, today, Weekday::Mon);
        // This week has 1 (not yet counted), the two weeks before have 2 each, then 1.
        assert_eq!(week.consistent_weeks, 2);
        assert!(week.outlook().contains("2 weeks"));
        assert!(adherence(&[], today, Weekday::Mon)
            .outlook()
            .contains("3 to 4 weeks"));
    }
}
