//! What every load rule shares: the [`LoadRule`] trait, the [`History`] a rule reads, and
//! the [`Warning`] it gives (with its [`Rule`] and [`Severity`]).

use chrono::NaiveDate;

use super::measure::days_before;
use super::weeks::WeekSummary;
use crate::domain::locale::{DateStyle, English};
use crate::domain::pain::PainRule;
use crate::domain::records::{PainEntry, Run};
use crate::domain::situation::Situation;
use crate::domain::units::distance_words;
use crate::domain::units::{Distance, DistanceUnit};

/// Days back (today included) in which a load event still warns.
pub const RECENT_DAYS: u64 = 14;
/// Days back (today included) in which a pain event still warns.
pub const PAIN_RECENT_DAYS: u64 = 7;

/// One rule of the load analysis. Each lives in its own file with its tests, and is listed
/// once in [`super::RULES`], which [`super::analyse`] walks.
pub trait LoadRule {
    /// What the rule sees in the history, in the order it found it: at most one warning per
    /// week compared (the weekly rules) or one in all, about the latest event.
    fn warnings(&self, history: &History) -> Vec<Warning>;

    /// Whether the rule is quiet while the runner is on the back-to-running plan, because
    /// the plan judges what it looks at and says so in its own words (each rule says why).
    fn defers_to_plan(&self) -> bool;
}

/// Everything a rule may look at, as of `today`.
pub struct History<'a> {
    pub today: NaiveDate,
    /// The runner's unit, for the numbers in the words.
    pub unit: DistanceUnit,
    /// The runner's date style and English, for the rest of the words.
    pub dates: DateStyle,
    pub english: English,
    /// At least the last four calendar weeks up to the current one, oldest first.
    pub weeks: &'a [WeekSummary],
    /// Runs up to today (later ones left out), oldest first.
    pub runs: &'a [&'a Run],
    /// Every pain entry, in stored order (future ones included: rules check dates).
    pub pain: &'a [PainEntry],
    /// The pain rule the runner's situation puts in force.
    pub pain_rule: PainRule,
    /// Where the runner is: on the plan, its decisions are the news.
    pub situation: &'a Situation,
}

impl History<'_> {
    /// A distance in the runner's unit, in words.
    pub fn distance(&self, metres: f64) -> String {
        distance_words(Distance::from_metres(metres), self.unit)
    }

    /// "Sat 15 Nov" or "Sat, Nov 15".
    pub fn day(&self, date: NaiveDate) -> String {
        self.dates.day(date)
    }

    /// A week's first and last day.
    pub fn week(&self, week: &WeekSummary) -> String {
        week.label(self.dates)
    }

    /// The first day in which a load event still warns.
    pub fn recent_from(&self) -> NaiveDate {
        days_before(self.today, RECENT_DAYS - 1)
    }

    /// The first day in which a pain event still warns.
    pub fn pain_recent_from(&self) -> NaiveDate {
        days_before(self.today, PAIN_RECENT_DAYS - 1)
    }
}

impl Warning {
    /// The warning's words in `english` (the rules write UK English).
    pub fn in_english(self, english: English) -> Warning {
        let say = |text: String| english.say(&text);
        Warning {
            seen: say(self.seen),
            why: say(self.why),
            what_to_do: say(self.what_to_do),
            ..self
        }
    }
}

/// Which rule a warning comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Rule {
    /// Weekly distance up more than 10% on the week before (the seed's rule; weak evidence).
    WeeklyIncrease,
    /// Weekly distance up more than 30% over two weeks (Nielsen 2014).
    TwoWeekIncrease,
    /// A run longer than the longest of the previous 30 days (Frandsen 2025).
    SingleRunSpike,
    /// Hard sessions on consecutive days, or two on one day.
    HardDaysInARow,
    /// Speed work and hill work both started in the same two weeks.
    SpeedAndHillsAdded,
    /// Every recent run the same distance and pace.
    Monotony,
    /// Pain during or after a run above the limit of the pain rule in force.
    PainDuringRun,
    /// Stiffness or more pain the next morning (pain-monitoring model).
    PainNextMorning,
    /// On the plan: it stepped back, in its own words.
    PlanSteppedBack,
    /// On the plan: something logged did not count, or held the step, in its own words.
    PlanHeld,
}

impl Rule {
    /// A short heading for the warning.
    pub fn title(self) -> &'static str {
        match self {
            Rule::WeeklyIncrease => "Weekly distance up more than 10%",
            Rule::TwoWeekIncrease => "Weekly distance up more than 30% in two weeks",
            Rule::SingleRunSpike => "A run much longer than usual",
            Rule::HardDaysInARow => "Hard sessions without an easy day between",
            Rule::SpeedAndHillsAdded => "Speed work and hills added at the same time",
            Rule::Monotony => "Every run the same",
            Rule::PainDuringRun => "Too much knee pain on a run",
            Rule::PainNextMorning => "Knee worse the next morning",
            Rule::PlanSteppedBack => "Back one step in the plan",
            Rule::PlanHeld => "Not counted in the plan",
        }
    }
}

impl Rule {
    /// Rules about how much running a week holds. While the runner recovers, the
    /// back-to-running plan's own progression decides that instead.
    pub fn is_about_volume(self) -> bool {
        matches!(self, Rule::WeeklyIncrease | Rule::TwoWeekIncrease)
    }
}

/// How much a warning asks of the runner, least first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Worth knowing; the evidence is weak or it is a habit worth varying.
    Notice,
    /// A pattern linked with more injuries: adjust the coming days.
    Caution,
    /// The knee is saying it has had too much: reduce load now.
    ReduceLoad,
}

/// One warning, in plain words.
#[derive(Clone, Debug, PartialEq)]
pub struct Warning {
    pub rule: Rule,
    pub severity: Severity,
    /// The day the pattern was seen: the run, the entry, or the last day of the week.
    pub date: NaiveDate,
    /// What was seen, with the numbers.
    pub seen: String,
    /// Why it matters, and how good the evidence is.
    pub why: String,
    /// What to do about it.
    pub what_to_do: String,
}
