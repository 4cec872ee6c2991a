//! The knee check's result as the runner reads it. The first screen says four things, each
//! once: the care tier (with why), what it probably is, what to do this week, and when to be
//! seen. The plan, week by week, says in each phase what Home will say in that phase
//! (`situation`), so the result, Home and Recovery give one instruction for week one and
//! after. Pure: the page draws what this decides.

use chrono::Days;

use crate::domain::content::plan::{Phase, UNTIL_SEEN};
use crate::domain::pain::PainRule;
use crate::domain::records::{Advice, RecordId, TriageRecord, Visit};
use crate::domain::situation::{
    self, Situation, CHECK_STILL_CURRENT_DAYS, FIRST_DAYS, REDUCED_LOAD_DAYS,
};
use crate::domain::triage::engine::{self, Outcome};

/// The pain limit while the knee recovers: above the plan, once.
pub const RECOVERY_LIMIT: &str = PainRule::Recovery.sentence();

/// How many likely causes the first screen names; the rest are in "Why this result".
const NAMED_CONDITIONS: usize = 2;

/// The first screen of a result, in the order it is read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FirstScreen {
    /// "See a professional soon".
    pub tier: &'static str,
    /// After the tier: why, or for self-care what kind of care.
    pub tier_line: String,
    /// "Runner's knee or IT band syndrome".
    pub probably: Option<String>,
    /// A note that changes nothing above, when nothing likely was found (painless clicking).
    pub note: Option<&'static str>,
    /// What the actions are: the week's headline, or "What to do right now" after a warning
    /// sign.
    pub do_heading: String,
    pub do_now: Vec<String>,
    /// When to be seen, when nothing above says it already.
    pub see_someone: Option<&'static str>,
}

impl FirstScreen {
    /// Every sentence on the first screen, for checks that none is said twice.
    pub fn sentences(&self) -> Vec<String> {
        let mut all = vec![format!("{}: {}", self.tier, self.tier_line)];
        all.extend(self.probably.iter().map(|p| format!("Probably: {p}")));
        all.extend(self.note.map(str::to_string));
        all.push(self.do_heading.clone());
        all.extend(self.do_now.iter().cloned());
        all.extend(self.see_someone.map(|s| format!("See someone: {s}")));
        all
    }
}

/// What the first screen says for `outcome`, saved as `check`.
pub fn first_screen(outcome: &Outcome, check: &TriageRecord) -> FirstScreen {
    let (do_heading, do_now) = if outcome.stopped_early {
        let mut care: Vec<String> =
            // The care the warning sign needs, and only that: a lesser reason's advice ("have
            // it checked by a physiotherapist") would say a second, weaker thing.
            outcome
                .care_actions()
                .into_iter()
                .filter(|action| {
                    outcome
                        .care_reasons
                        .iter()
                        .any(|reason| reason.action == *action && reason.tier == outcome.tier)
                })
                .map(str::to_string)
                .collect();
        // Care days away (a doctor soon): until then, no running, as Home says.
        if outcome.tier == crate::domain::records::CareTier::SeeProfessionalSoon {
            care.push(situation::REST_UNTIL_EXAMINED.to_string());
        }
        (engine::DO_RIGHT_NOW.to_string(), care)
    } else {
        let week = situation::after_check(check).this_week();
        (week.headline, week.actions)
    };
    let probably = (!outcome.conditions.is_empty()).then(|| {
        let names: Vec<&str> = outcome
            .conditions
            .iter()
            .take(NAMED_CONDITIONS)
            .map(|likely| likely.condition.name)
            .collect();
        names.join(" or ")
    });
    FirstScreen {
        tier: engine::tier_name(outcome.tier),
        tier_line: outcome.tier_line(),
        probably,
        note: outcome.first_screen_note(),
        do_heading,
        do_now,
        see_someone: outcome.see_someone_line(),
    }
}

/// One phase of the plan: its title, what Home will say in it, and what the phase adds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanPhase {
    pub title: &'static str,
    pub headline: String,
    pub steps: Vec<String>,
}

/// The plan week by week. Each phase opens with what Home will say on the phase's first day
/// (for a runner told to be seen, from the day they record being cleared, taken here as the
/// day of the check); its own steps and the training changes for the factors found follow.
/// The recovery pain limit, which Home says in every phase until training is back to normal,
/// is said once above the plan instead ([`RECOVERY_LIMIT`]).
pub fn plan(outcome: &Outcome, check: &TriageRecord) -> Vec<PlanPhase> {
    let day = check.taken_at.date_naive();
    let asks_to_be_seen = situation::after_check(check).asks_to_be_seen();
    let cleared = Visit {
        id: RecordId::from_random_bits(0),
        updated_at: check.updated_at,
        recorded_at: check.taken_at,
        advice: Advice::Cleared,
    };
    let recent = outcome
        .plan
        .iter()
        .any(|planned| planned.stage.phase == Phase::FirstDays);
    let mut phases: Vec<PlanPhase> = Vec::new();
    for planned in &outcome.plan {
        let phase = planned.stage.phase;
        let offset = match phase {
            Phase::FirstDays => 0,
            Phase::WeeksOneToTwo if recent => FIRST_DAYS,
            Phase::WeeksOneToTwo => 0,
            Phase::WeeksTwoToSix => REDUCED_LOAD_DAYS,
            Phase::Ongoing => CHECK_STILL_CURRENT_DAYS,
        };
        let on = day + Days::new(offset.unsigned_abs());
        let before_seen = asks_to_be_seen && phase <= Phase::WeeksOneToTwo;
        let visit = (asks_to_be_seen && !before_seen).then_some(&cleared);
        let then: Situation = situation::situation(on, Some(check), visit, None);
        let week = then.this_week();
        let own_steps = planned.steps.iter().map(|step| step.to_string());
        // The first days and the first fortnight of a runner told to be seen are one phase:
        // what Home says does not change until they have been.
        if before_seen {
            if let Some(last) = phases.last_mut().filter(|last| last.title == UNTIL_SEEN) {
                last.steps.extend(own_steps);
                continue;
            }
        }
        let steps = week
            .actions
            .into_iter()
            .filter(|action| action != RECOVERY_LIMIT)
            .chain(own_steps)
            .collect();
        phases.push(PlanPhase {
            title: if before_seen {
                UNTIL_SEEN
            } else {
                planned.stage.title
            },
            headline: week.headline,
            steps,
        });
    }
    phases
}

/// The weeks a result can give, as Home says them, for `docs/knee-check.md`: every week a
/// check leads to, with each "see a professional soon" referral.
pub fn weeks_markdown() -> String {
    use std::fmt::Write as _;

    use crate::domain::records::CareTier;
    use crate::domain::triage::rules::Referral;

    let checked = chrono::NaiveDate::MIN;
    let waiting = |tier, examine_first, referral| Situation::WaitingToBeSeen {
        checked,
        tier,
        examine_first,
        referral,
    };
    let weeks = [
        (
            "Emergency now",
            waiting(CareTier::EmergencyNow, true, Referral::USUAL),
        ),
        (
            "Same-day care",
            waiting(CareTier::SameDay, true, Referral::USUAL),
        ),
        (
            "See a professional soon",
            waiting(CareTier::SeeProfessionalSoon, false, Referral::USUAL),
        ),
        (
            "See a professional soon, examined first",
            waiting(CareTier::SeeProfessionalSoon, true, Referral::USUAL),
        ),
        (
            "See a professional soon, a doctor",
            waiting(CareTier::SeeProfessionalSoon, true, Referral::DOCTOR),
        ),
        (
            "See a professional soon, a doctor in a day or two",
            waiting(
                CareTier::SeeProfessionalSoon,
                false,
                Referral::DOCTOR_IN_A_DAY_OR_TWO,
            ),
        ),
        (
            "See a professional soon, a doctor in a day or two, examined first",
            waiting(
                CareTier::SeeProfessionalSoon,
                true,
                Referral::DOCTOR_IN_A_DAY_OR_TWO,
            ),
        ),
        (
            "Self-care, pain from the last days, first 48 hours",
            Situation::FirstDays { checked },
        ),
        (
            "Self-care, weeks 1 to 2",
            Situation::ReducedLoad { checked },
        ),
        (
            "Self-care (or cleared), weeks 2 to 6",
            Situation::ReadyToReturn { checked },
        ),
        ("From week 6", Situation::BackToNormal { since: checked }),
    ];
    let mut out = String::from(
        "\n## The week a result gives\n\nWhat to do on the result's first screen (unless a \
         warning sign ended the check) and in each phase of its plan is what Home says in that \
         week:\n\n",
    );
    for (when, situation) in weeks {
        let week = situation.this_week();
        let _ = writeln!(out, "- **{when}**: {}", week.headline);
        for action in &week.actions {
            let _ = writeln!(out, "  - {action}");
        }
        if let Some(see) = &week.see_someone {
            let _ = writeln!(out, "  - See someone: {see}");
        }
    }
    let _ = writeln!(
        out,
        "\nAbove the plan, once: \"{RECOVERY_LIMIT}\" (each week above that says it is shown \
         without it in the plan)."
    );
    out
}

/// Words by which the first screen says when, who, and the pain limit: each family may be
/// said in one part of the screen only (the tier line, the causes, the note, the heading,
/// the actions, the "See someone" line).
#[cfg(test)]
const SAID_ONCE: [(&str, &[&str]); 3] = [
    (
        "when",
        &[
            "next few days",
            "next day or two",
            "today",
            "same day",
            "in 2 weeks",
        ],
    ),
    (
        "who",
        &[
            "GP",
            "physiotherapist",
            "doctor",
            "urgent care",
            "emergency department",
        ],
    ),
    ("the pain limit", &["3 out of 10 or less"]),
];

/// Whether the first screen says each thing once: no sentence twice, and each of when, who
/// and the pain limit in one part only. The error names what is said twice, and where.
#[cfg(test)]
pub fn says_each_thing_once(screen: &FirstScreen) -> Result<(), String> {
    let sentences = screen.sentences();
    for (i, sentence) in sentences.iter().enumerate() {
        if sentences[..i].contains(sentence) {
            return Err(format!("said twice: {sentence}"));
        }
    }
    let parts: [(&str, String); 6] = [
        ("tier line", screen.tier_line.clone()),
        ("causes", screen.probably.clone().unwrap_or_default()),
        ("note", screen.note.unwrap_or_default().to_string()),
        ("heading", screen.do_heading.clone()),
        ("actions", screen.do_now.join(" ")),
        (
            "see someone",
            screen.see_someone.unwrap_or_default().to_string(),
        ),
    ];
    for (family, words) in SAID_ONCE {
        let saying: Vec<&str> = parts
            .iter()
            .filter(|(_, text)| words.iter().any(|word| text.contains(word)))
            .map(|(part, _)| *part)
            .collect();
        if saying.len() > 1 {
            return Err(format!("{family} is said in {}", saying.join(" and ")));
        }
    }
    Ok(())
}
