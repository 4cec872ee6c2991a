//! Training load: weekly totals, and the warnings that catch the training errors behind most
//! running knee pain. Every rule is here, in one place, as pure functions over plain data.
//!
//! Each warning says what was seen (with the numbers, in the runner's unit), why it matters
//! (with the honest strength of the evidence) and what to do.
//!
//! # Decisions where the issue is silent
//! - **Weeks** are calendar weeks starting on `Settings::week_start`, built from local
//!   calendar dates only (`NaiveDate`), so a daylight-saving change cannot move a run into
//!   another week. Records dated after `today` are ignored (a clock or time-zone slip).
//! - **Running distance** leaves out cross-training sessions (a bike ride's kilometres are
//!   not knee load from running). They still count for the hard/easy rule, and weeks count
//!   them separately.
//! - **10% rule**: the last complete week against the week before, and also the current
//!   week so far against the last complete week as soon as it is already more than 10%
//!   above it (more runs can only add to it). Exactly 10% does not warn. A week after a week
//!   with no running has no percentage and does not warn.
//! - **30% over two weeks**: the last complete week against the week two before it (and the
//!   current week so far against the week before last), more than 30%.
//! - **Single-run spike**: each run in the last [`RECENT_DAYS`] days against the longest run
//!   of the 30 days before its date (that day not included). Bands: more than 10% up to
//!   30% (HR 1.64), more than 30% up to 100% (HR 1.52), more than 100% (HR 2.28). No run
//!   in those 30 days: no comparison, no warning.
//! - **Hard days**: a day is hard when it has a tempo, intervals, hills or race session, or
//!   any session with effort ≥ 7. Two hard days on consecutive calendar days warn, and so do
//!   two hard sessions on the same day. A rest day between counts as an easy day.
//! - **Speed and hills**: speed work is tempo or intervals (a race is a one-off, not a
//!   training change); hill work is hills. Both in the last 14 days, neither in the 28 days
//!   before, and at least one session in those 28 days (otherwise we cannot tell "new to
//!   this" from "new to the app").
//! - **Monotony**: the last six or more runs all within ±5% of their average distance and
//!   ±3% of their average pace, the latest within the last [`RECENT_DAYS`] days.
//! - **Recent**: load warnings look at the last [`RECENT_DAYS`] (14) days, pain warnings at
//!   the last [`PAIN_RECENT_DAYS`] (7) days; each rule gives at most one warning per week
//!   compared (the weekly rules) or one warning in all (the others), about its latest event,
//!   mentioning how many more there were.
//! - **Acute:chronic ratio**: running distance of the last 7 days against the average week
//!   of the last 28 days (today included in both); `None` until the first run is 27 days
//!   before today, or when there was no running in the 28 days.

use chrono::{Days, NaiveDate, Weekday};

use crate::domain::calendar;
use crate::domain::pain::{run_pain, ACCEPTABLE_MAX};
use crate::domain::records::{PainEntry, PainScore, Run, RunKind, Settings};
use crate::domain::situation::Situation;
use crate::domain::units::{Distance, DistanceUnit, Duration, Pace};

/// Days back (today included) in which a load event still warns.
pub const RECENT_DAYS: u64 = 14;
/// Days back (today included) in which a pain event still warns.
pub const PAIN_RECENT_DAYS: u64 = 7;
/// The seed's weekly rule: more than this many percent on the week before warns.
pub const WEEKLY_LIMIT_PERCENT: f64 = 10.0;
/// More than this many percent over two weeks warns (Nielsen 2014).
pub const TWO_WEEK_LIMIT_PERCENT: f64 = 30.0;
/// How far back a run is compared for the single-run spike (Frandsen 2025).
pub const SPIKE_LOOKBACK_DAYS: u64 = 30;
/// Effort (RPE 1–10) from which any session counts as hard.
pub const HARD_EFFORT: u8 = 7;
/// How many runs in a row must be alike to call training monotonous.
pub const MONOTONY_RUNS: usize = 6;
/// "Alike": within this fraction of the average distance…
pub const MONOTONY_DISTANCE: f64 = 0.05;
/// …and of the average pace.
pub const MONOTONY_PACE: f64 = 0.03;
/// Weeks kept in a report at most (a century); older records are left out of the list.
pub const MAX_WEEKS: usize = 5_218;

/// One calendar week, starting on the runner's week-start day.
#[derive(Clone, Debug, PartialEq)]
pub struct WeekSummary {
    /// The first day of the week.
    pub start: NaiveDate,
    /// The last day of the week (start + 6 days).
    pub end: NaiveDate,
    /// Running distance (cross-training left out).
    pub distance: Distance,
    /// Running sessions (cross-training left out).
    pub runs: usize,
    /// Running time.
    pub time: Duration,
    /// Cross-training sessions, counted apart.
    pub cross_training: usize,
    /// The highest pain recorded in the week: pain entries, and pain during or after runs.
    pub max_pain: Option<PainScore>,
}

impl WeekSummary {
    fn empty(start: NaiveDate) -> WeekSummary {
        WeekSummary {
            start,
            end: days_after(start, 6),
            distance: Distance::ZERO,
            runs: 0,
            time: Duration::default(),
            cross_training: 0,
            max_pain: None,
        }
    }

    pub fn contains(&self, date: NaiveDate) -> bool {
        (self.start..=self.end).contains(&date)
    }

    /// True when nothing at all was logged in the week.
    pub fn is_empty(&self) -> bool {
        self.runs == 0 && self.cross_training == 0 && self.max_pain.is_none()
    }

    /// "3–9 Nov", or "27 Oct – 2 Nov" across a month.
    pub fn label(&self) -> String {
        crate::domain::dates::week(self.start, self.end)
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
    /// Pain during or after a run above 5/10 (pain-monitoring model).
    PainDuringRun,
    /// Stiffness or more pain the next morning (pain-monitoring model).
    PainNextMorning,
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
            Rule::PainDuringRun => "Pain above 5/10 on a run",
            Rule::PainNextMorning => "Knee worse the next morning",
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

impl LoadReport {
    /// The report as this situation hears it: during recovery the volume rules are quiet
    /// (a prescribed walk-run must not raise "up more than 30%"); the single-run spike and
    /// the pain rules still speak.
    pub fn heeding(mut self, situation: &Situation) -> LoadReport {
        if !situation.volume_warnings_apply() {
            self.warnings
                .retain(|warning| !warning.rule.is_about_volume());
        }
        self
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

/// How much longer a run was than the longest of the previous 30 days (Frandsen 2025).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SpikeBand {
    /// More than 10%, up to 30% longer.
    UpTo30,
    /// More than 30%, up to 100% longer.
    UpTo100,
    /// More than twice as long.
    Over100,
}

impl SpikeBand {
    /// The band of a run `metres` long against a longest of `longest` metres, or `None`
    /// when it is no more than 10% longer (or there is nothing to compare with).
    pub fn classify(metres: f64, longest: f64) -> Option<SpikeBand> {
        if !(longest.is_finite() && longest > 0.0 && metres.is_finite()) {
            return None;
        }
        if !more_than_percent(metres, longest, 10.0) {
            None
        } else if !more_than_percent(metres, longest, 30.0) {
            Some(SpikeBand::UpTo30)
        } else if !more_than_percent(metres, longest, 100.0) {
            Some(SpikeBand::UpTo100)
        } else {
            Some(SpikeBand::Over100)
        }
    }

    /// The hazard ratio Frandsen 2025 reported for the band.
    pub fn hazard_ratio(self) -> f64 {
        match self {
            SpikeBand::UpTo30 => 1.64,
            SpikeBand::UpTo100 => 1.52,
            SpikeBand::Over100 => 2.28,
        }
    }

    pub fn range(self) -> &'static str {
        match self {
            SpikeBand::UpTo30 => "10–30% longer",
            SpikeBand::UpTo100 => "30–100% longer",
            SpikeBand::Over100 => "more than twice as long",
        }
    }

    fn risk_words(self) -> &'static str {
        match self {
            SpikeBand::UpTo30 => "about 1.6 times as often (hazard ratio 1.64)",
            SpikeBand::UpTo100 => "about 1.5 times as often (hazard ratio 1.52)",
            SpikeBand::Over100 => "more than twice as often (hazard ratio 2.28)",
        }
    }
}

/// Running distance of the last 7 days against the average week of the last 28.
#[derive(Clone, Debug, PartialEq)]
pub struct AcuteChronic {
    /// Running distance in the last 7 days, today included.
    pub acute: Distance,
    /// Average weekly running distance over the last 28 days, today included.
    pub chronic_weekly: Distance,
    /// `acute / chronic_weekly`.
    pub ratio: f64,
    /// The numbers in words.
    pub summary: String,
    /// Why this is information, not a verdict. Always show it with the number.
    pub caveat: &'static str,
}

/// Shown with every acute:chronic ratio.
pub const ACWR_CAVEAT: &str = "This number is information, not a verdict. A 2016 review of \
team sports (Gabbett) called ratios of 0.8–1.3 a \"sweet spot\" and 1.5 or more a \"danger \
zone\", but later work (Lolli 2019, Impellizzeri 2020) showed the maths and the evidence behind \
those labels are weak, and a large study of runners (Frandsen 2025) found weekly ratios \
predicted nothing. The single-run and pain warnings are better guides.";

/// Everything the load rules found, as of `today`.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadReport {
    pub today: NaiveDate,
    pub units: DistanceUnit,
    /// Every week from the one holding the first record up to the current week, oldest
    /// first, empty weeks included; at least two (last week and this week).
    pub weeks: Vec<WeekSummary>,
    /// The current week so far (the last of `weeks`).
    pub this_week: WeekSummary,
    /// The last complete week (the one before `this_week`).
    pub last_week: WeekSummary,
    /// Most serious first, then newest first.
    pub warnings: Vec<Warning>,
    /// `None` before four weeks of history, or with no running in the last 28 days.
    pub acute_chronic: Option<AcuteChronic>,
}

/// Analyses runs and pain entries as of `today` (a local date).
pub fn analyse(
    runs: &[Run],
    pain: &[PainEntry],
    settings: &Settings,
    today: NaiveDate,
) -> LoadReport {
    let unit = settings.units;
    let current = calendar::week_start(today, settings.week_start);
    let earliest = runs
        .iter()
        .map(|run| run.date)
        .chain(pain.iter().map(|entry| entry.date))
        .filter(|date| *date <= today)
        .min();
    let history_weeks = earliest.map_or(0, |first| {
        weeks_between(calendar::week_start(first, settings.week_start), current).saturating_add(1)
    });
    let history_weeks = history_weeks.min(MAX_WEEKS);
    // The rules look four weeks back whatever the history.
    let mut weeks = weekly(runs, pain, settings.week_start, today, history_weeks.max(4));

    let mut sorted: Vec<&Run> = runs.iter().filter(|run| run.date <= today).collect();
    sorted.sort_by_key(|run| run.date);
    let context = Context { today, unit };

    let mut warnings = Vec::new();
    weekly_rules(&weeks, &context, &mut warnings);
    warnings.extend(spike_rule(&sorted, &context));
    warnings.extend(hard_days_rule(&sorted, &context));
    warnings.extend(speed_and_hills_rule(&sorted, &context));
    warnings.extend(monotony_rule(&sorted, &context));
    warnings.extend(pain_during_rule(&sorted, &context));
    warnings.extend(next_morning_rule(&sorted, pain, &context));
    warnings.sort_by_key(|warning| std::cmp::Reverse((warning.severity, warning.date)));

    let acute_chronic = acute_chronic(&sorted, &context);
    let keep = history_weeks.max(2);
    let weeks = weeks.split_off(weeks.len().saturating_sub(keep));
    let this_week = weeks
        .last()
        .cloned()
        .unwrap_or_else(|| WeekSummary::empty(current));
    let last_week = weeks
        .iter()
        .rev()
        .nth(1)
        .cloned()
        .unwrap_or_else(|| WeekSummary::empty(days_before(current, 7)));
    LoadReport {
        today,
        units: unit,
        weeks,
        this_week,
        last_week,
        warnings,
        acute_chronic,
    }
}

/// The last `weeks` calendar weeks up to the current one, oldest first, empty weeks
/// included: the data behind the weekly chart. At most [`MAX_WEEKS`].
pub fn weekly_series(
    runs: &[Run],
    pain: &[PainEntry],
    settings: &Settings,
    today: NaiveDate,
    weeks: usize,
) -> Vec<WeekSummary> {
    weekly(runs, pain, settings.week_start, today, weeks.min(MAX_WEEKS))
}

/// Whether a session counts as hard: tempo, intervals, hills, race, or effort ≥ 7.
pub fn is_hard(run: &Run) -> bool {
    matches!(
        run.kind,
        RunKind::Tempo | RunKind::Intervals | RunKind::Hills | RunKind::Race
    ) || run.effort.is_some_and(|effort| effort >= HARD_EFFORT)
}

/// "12.5 km", "10 mi": one decimal at most, a trailing ".0" dropped.
pub fn distance_words(distance: Distance, unit: DistanceUnit) -> String {
    let value = distance.in_unit(unit);
    let value = if value.is_finite() { value } else { 0.0 };
    let text = format!("{value:.1}");
    let text = text.strip_suffix(".0").unwrap_or(&text);
    let text = if text == "-0" { "0" } else { text };
    format!("{text} {}", unit.abbreviation())
}

// ---------------------------------------------------------------------------------------
// Weeks

fn weekly(
    runs: &[Run],
    pain: &[PainEntry],
    week_start: Weekday,
    today: NaiveDate,
    count: usize,
) -> Vec<WeekSummary> {
    let current = calendar::week_start(today, week_start);
    let mut weeks: Vec<WeekSummary> = (0..count)
        .map(|i| WeekSummary::empty(days_before(current, 7 * (count - 1 - i) as u64)))
        .collect();
    let slot = |date: NaiveDate| -> Option<usize> {
        if date > today {
            return None;
        }
        let back = weeks_between(calendar::week_start(date, week_start), current);
        (back < count).then(|| count - 1 - back)
    };
    for run in runs {
        let Some(week) = slot(run.date).and_then(|i| weeks.get_mut(i)) else {
            continue;
        };
        if is_running(run) {
            week.distance = week.distance + Distance::from_metres(metres(run));
            week.runs += 1;
            week.time =
                Duration::from_seconds(week.time.seconds().saturating_add(run.duration.seconds()));
        } else {
            week.cross_training += 1;
        }
        week.max_pain = week.max_pain.max(run_pain(run));
    }
    for entry in pain {
        if let Some(week) = slot(entry.date).and_then(|i| weeks.get_mut(i)) {
            week.max_pain = week.max_pain.max(Some(entry.pain));
        }
    }
    weeks
}

/// Whole weeks from `from` to `to`, both week starts; 0 when `to` is not later.
fn weeks_between(from: NaiveDate, to: NaiveDate) -> usize {
    usize::try_from((to - from).num_days() / 7).unwrap_or(0)
}

// ---------------------------------------------------------------------------------------
// Rules

struct Context {
    today: NaiveDate,
    unit: DistanceUnit,
}

impl Context {
    fn distance(&self, metres: f64) -> String {
        distance_words(Distance::from_metres(metres), self.unit)
    }

    fn recent_from(&self) -> NaiveDate {
        days_before(self.today, RECENT_DAYS - 1)
    }

    fn pain_recent_from(&self) -> NaiveDate {
        days_before(self.today, PAIN_RECENT_DAYS - 1)
    }
}

fn weekly_rules(weeks: &[WeekSummary], context: &Context, warnings: &mut Vec<Warning>) {
    let [.., two_before, before, last, this] = weeks else {
        return;
    };
    let m = |week: &WeekSummary| week.distance.metres();
    let d = |week: &WeekSummary| context.distance(week.distance.metres());
    let ten = WEEKLY_LIMIT_PERCENT;
    let thirty = TWO_WEEK_LIMIT_PERCENT;

    let ten_why = "Adding no more than about 10% a week is a common rule of thumb, and the \
        one our guidance follows. The evidence for it is weak: a trial of new runners (Buist \
        2008) found no fewer injuries with it. Treat this as a nudge to build gently, not an \
        alarm.";
    if more_than_percent(m(last), m(before), ten) {
        warnings.push(Warning {
            rule: Rule::WeeklyIncrease,
            severity: Severity::Notice,
            date: last.end,
            seen: format!(
                "Last week ({}) you ran {}, {} more than the {} of the week before.",
                last.label(),
                d(last),
                percent_words(m(last), m(before), ten),
                d(before)
            ),
            why: ten_why.to_string(),
            what_to_do: format!(
                "Keep this week at about last week's {} rather than adding more, and keep most \
                 runs easy. Build again next week if your knee stays quiet.",
                d(last)
            ),
        });
    }
    if more_than_percent(m(this), m(last), ten) {
        warnings.push(Warning {
            rule: Rule::WeeklyIncrease,
            severity: Severity::Notice,
            date: context.today,
            seen: format!(
                "This week so far ({}) you have run {}, already {} more than the {} of last \
                 week.",
                this.label(),
                d(this),
                percent_words(m(this), m(last), ten),
                d(last)
            ),
            why: ten_why.to_string(),
            what_to_do: "You have done this week's building already. Make any other runs this \
                week short and easy, or rest."
                .to_string(),
        });
    }

    let thirty_why = "In a study of new runners (Nielsen 2014), those who increased their \
        weekly distance by more than 30% over two weeks had more injuries (about 1.6 times as \
        many, hazard ratio 1.59). That is better evidence than the 10% rule.";
    if more_than_percent(m(last), m(two_before), thirty) {
        warnings.push(Warning {
            rule: Rule::TwoWeekIncrease,
            severity: Severity::Caution,
            date: last.end,
            seen: format!(
                "Last week ({}) you ran {}, {} more than the {} of two weeks before ({}).",
                last.label(),
                d(last),
                percent_words(m(last), m(two_before), thirty),
                d(two_before),
                two_before.label()
            ),
            why: thirty_why.to_string(),
            what_to_do: format!(
                "Hold your weekly distance at or a little below {} for the next week or two \
                 before building again, and keep most runs easy.",
                d(last)
            ),
        });
    }
    if more_than_percent(m(this), m(before), thirty) {
        warnings.push(Warning {
            rule: Rule::TwoWeekIncrease,
            severity: Severity::Caution,
            date: context.today,
            seen: format!(
                "This week so far ({}) you have run {}, already {} more than the {} of the \
                 week before last ({}).",
                this.label(),
                d(this),
                percent_words(m(this), m(before), thirty),
                d(before),
                before.label()
            ),
            why: thirty_why.to_string(),
            what_to_do: "Don't add more this week: make any other runs short and easy, or rest, \
                and hold steady next week."
                .to_string(),
        });
    }
}

fn spike_rule(sorted: &[&Run], context: &Context) -> Option<Warning> {
    let first_recent = sorted.partition_point(|run| run.date < context.recent_from());
    // (run, its distance, the longest before it, band)
    let mut spikes: Vec<(&Run, f64, f64, SpikeBand)> = Vec::new();
    for run in sorted
        .iter()
        .skip(first_recent)
        .filter(|run| is_running(run))
    {
        let window_from = days_before(run.date, SPIKE_LOOKBACK_DAYS);
        let low = sorted.partition_point(|r| r.date < window_from);
        let high = sorted.partition_point(|r| r.date < run.date);
        let longest = sorted
            .get(low..high)
            .unwrap_or_default()
            .iter()
            .filter(|r| is_running(r))
            .map(|r| metres(r))
            .fold(0.0_f64, f64::max);
        if let Some(band) = SpikeBand::classify(metres(run), longest) {
            spikes.push((run, metres(run), longest, band));
        }
    }
    let &(run, length, longest, band) = spikes.last()?;
    let others = spikes.len() - 1;
    let mut seen = format!(
        "Your run on {} was {}, {} longer than your longest run in the 30 days before it ({}).",
        day_words(run.date),
        context.distance(length),
        percent_words(length, longest, 10.0),
        context.distance(longest)
    );
    if others > 0 {
        seen.push_str(&format!(
            " {} in the last two weeks {} also a jump like this.",
            count_words(others, "other run", "other runs"),
            if others == 1 { "was" } else { "were" }
        ));
    }
    let why = format!(
        "This is the strongest evidence we have for runners. In a study of 5,205 runners \
         (Frandsen 2025), a single run {} than the longest of the previous 30 days was followed \
         by injuries {}. Weekly totals did not show this link; the single long run did.",
        band.range(),
        band.risk_words()
    );
    let what_to_do = match band {
        SpikeBand::UpTo30 => format!(
            "Keep the next few runs shorter and easy, and make your next long run no longer \
             than this one ({}). From then on, let your longest run grow by no more than about \
             10% at a time.",
            context.distance(length)
        ),
        SpikeBand::UpTo100 | SpikeBand::Over100 => format!(
            "Give your knee a few easy days: keep the next runs short and gentle. Bring your \
             next long run back to about {} and build from there by no more than about 10% at \
             a time.",
            context.distance(longest)
        ),
    };
    Some(Warning {
        rule: Rule::SingleRunSpike,
        severity: Severity::Caution,
        date: run.date,
        seen,
        why,
        what_to_do,
    })
}

fn hard_days_rule(sorted: &[&Run], context: &Context) -> Option<Warning> {
    // Look back far enough to see where a streak ending in the recent window began.
    let from = days_before(context.recent_from(), SPIKE_LOOKBACK_DAYS);
    let start = sorted.partition_point(|run| run.date < from);
    // Hard days in date order, each with its hard sessions.
    let mut days: Vec<(NaiveDate, Vec<&Run>)> = Vec::new();
    for run in sorted.iter().skip(start).filter(|run| is_hard(run)) {
        match days.last_mut() {
            Some((date, sessions)) if *date == run.date => sessions.push(run),
            _ => days.push((run.date, vec![run])),
        }
    }
    // Streaks of hard days on consecutive dates, as index ranges into `days`.
    let mut streaks: Vec<(usize, usize)> = Vec::new();
    for (i, (date, _)) in days.iter().enumerate() {
        match streaks.last_mut() {
            Some((_, end))
                if days
                    .get(*end)
                    .is_some_and(|(prev, _)| prev.succ_opt() == Some(*date)) =>
            {
                *end = i;
            }
            _ => streaks.push((i, i)),
        }
    }
    let qualifying: Vec<&[(NaiveDate, Vec<&Run>)]> = streaks
        .iter()
        .filter_map(|&(first, last)| days.get(first..=last))
        .filter(|streak| {
            streak.len() >= 2 || streak.iter().any(|(_, sessions)| sessions.len() >= 2)
        })
        .filter(|streak| {
            streak
                .last()
                .is_some_and(|(date, _)| *date >= context.recent_from())
        })
        .collect();
    let latest = qualifying.last()?;
    let (last_date, _) = latest.last()?;
    let listed: Vec<String> = latest
        .iter()
        .map(|(date, sessions)| {
            let what: Vec<String> = sessions.iter().map(|run| hard_reason(run)).collect();
            format!("{} ({})", day_words(*date), join_words(&what))
        })
        .collect();
    let mut seen = if latest.len() >= 2 {
        format!(
            "You had hard sessions on {} days in a row: {}.",
            latest.len(),
            join_words(&listed)
        )
    } else {
        format!(
            "You did two hard sessions on the same day: {}.",
            join_words(&listed)
        )
    };
    match qualifying.len() - 1 {
        0 => {}
        1 => seen.push_str(" It also happened once more in the last two weeks."),
        others => seen.push_str(&format!(
            " It also happened {others} more times in the last two weeks."
        )),
    }
    Some(Warning {
        rule: Rule::HardDaysInARow,
        severity: Severity::Caution,
        date: *last_date,
        seen,
        why: "Hard sessions (tempo, intervals, hills, races, or anything that felt 7/10 or \
              harder) load the knee more than easy running, and it needs a day to recover. \
              Alternating hard and easy days is long-standing coaching advice rather than a rule \
              tested in a trial, but it is an easy way to spread the load."
            .to_string(),
        what_to_do: "Follow each hard session with an easy run or a rest day. If two hard \
                     sessions land on neighbouring days in your plan, move one."
            .to_string(),
    })
}

fn speed_and_hills_rule(sorted: &[&Run], context: &Context) -> Option<Warning> {
    let recent_from = context.recent_from();
    let before_from = days_before(recent_from, 28);
    let start = sorted.partition_point(|run| run.date < before_from);
    let is_speed = |run: &Run| matches!(run.kind, RunKind::Tempo | RunKind::Intervals);
    let is_hills = |run: &Run| run.kind == RunKind::Hills;
    let (mut sessions_before, mut speed_before, mut hills_before) = (0, 0, 0);
    let (mut speed_recent, mut hills_recent) = (Vec::new(), Vec::new());
    for run in sorted.iter().skip(start) {
        if run.date < recent_from {
            sessions_before += 1;
            speed_before += usize::from(is_speed(run));
            hills_before += usize::from(is_hills(run));
        } else if is_speed(run) {
            speed_recent.push(run.date);
        } else if is_hills(run) {
            hills_recent.push(run.date);
        }
    }
    if sessions_before == 0 || speed_before > 0 || hills_before > 0 {
        return None;
    }
    let first_speed = *speed_recent.first()?;
    let first_hills = *hills_recent.first()?;
    Some(Warning {
        rule: Rule::SpeedAndHillsAdded,
        severity: Severity::Caution,
        date: first_speed.max(first_hills),
        seen: format!(
            "In the last two weeks you started both speed work ({}, first on {}) and hill work \
             ({}, first on {}). There was neither in the four weeks before.",
            count_words(
                speed_recent.len(),
                "tempo or interval session",
                "tempo or interval sessions"
            ),
            day_words(first_speed),
            count_words(hills_recent.len(), "hill session", "hill sessions"),
            day_words(first_hills)
        ),
        why: "Faster running and hills each load the knee in a new way, and it adapts to one \
              change more easily than to two at once. This is coaching advice rather than a rule \
              from a trial, but new kinds of training are a common story behind knee pain."
            .to_string(),
        what_to_do: "Keep one of the two for now and drop the other. Add the second in two or \
                     three weeks if your knee stays quiet."
            .to_string(),
    })
}

fn monotony_rule(sorted: &[&Run], context: &Context) -> Option<Warning> {
    // Running sessions with a usable pace, newest first.
    let mut newest_first = sorted
        .iter()
        .rev()
        .filter(|run| is_running(run))
        .filter_map(|run| Some((*run, metres(run), pace_seconds(run)?)));
    let window: Vec<(&Run, f64, f64)> = newest_first.by_ref().take(MONOTONY_RUNS).collect();
    let &(latest, _, _) = window.first()?;
    if window.len() < MONOTONY_RUNS || latest.date < context.recent_from() {
        return None;
    }
    let n = window.len() as f64;
    let mean_metres = window.iter().map(|(_, m, _)| m).sum::<f64>() / n;
    let mean_pace = window.iter().map(|(_, _, p)| p).sum::<f64>() / n;
    let alike = |m: f64, p: f64| {
        (m - mean_metres).abs() <= mean_metres * MONOTONY_DISTANCE + 1e-9
            && (p - mean_pace).abs() <= mean_pace * MONOTONY_PACE + 1e-9
    };
    if mean_metres <= 0.0 || !window.iter().all(|&(_, m, p)| alike(m, p)) {
        return None;
    }
    // How far back the sameness goes.
    let mut count = window.len();
    let (mut shortest, mut longest) = window
        .iter()
        .fold((f64::MAX, 0.0_f64), |(lo, hi), (_, m, _)| {
            (lo.min(*m), hi.max(*m))
        });
    for (_, m, p) in newest_first {
        if !alike(m, p) {
            break;
        }
        count += 1;
        shortest = shortest.min(m);
        longest = longest.max(m);
    }
    let pace = Pace::of(
        Distance::from_metres(1000.0),
        Duration::from_seconds(mean_pace.round() as u32),
    )
    .map_or(String::new(), |pace| {
        format!(" at about {}", pace.display(context.unit))
    });
    let range = if context.distance(shortest) == context.distance(longest) {
        String::new()
    } else {
        format!(
            " ({} to {})",
            context.distance(shortest),
            context.distance(longest)
        )
    };
    Some(Warning {
        rule: Rule::Monotony,
        severity: Severity::Notice,
        date: latest.date,
        seen: format!(
            "Your last {count} runs were all about {}{range}{pace}.",
            context.distance(mean_metres)
        ),
        why: "Running the same distance at the same pace every time loads the knee the same \
              way every time, with no easier days to recover and no longer or faster days to \
              build on. This is general coaching advice rather than a tested rule."
            .to_string(),
        what_to_do: "Mix it up: make one run a week shorter and slower, one a little longer, \
                     and try a different route or surface now and then."
            .to_string(),
    })
}

fn pain_during_rule(sorted: &[&Run], context: &Context) -> Option<Warning> {
    let from = context.pain_recent_from();
    let start = sorted.partition_point(|run| run.date < from);
    let too_much = |score: Option<PainScore>| score.is_some_and(|s| s.value() > ACCEPTABLE_MAX);
    let painful: Vec<&Run> = sorted
        .iter()
        .skip(start)
        .filter(|run| too_much(run.pain_during) || too_much(run.pain_after))
        .copied()
        .collect();
    let run = *painful.last()?;
    let mut parts = Vec::new();
    if let Some(score) = run.pain_during {
        parts.push(format!("{}/10 during the run", score.value()));
    }
    if let Some(score) = run.pain_after {
        parts.push(format!("{}/10 after it", score.value()));
    }
    let mut seen = format!(
        "On {} ({}) your knee pain was {}.",
        day_words(run.date),
        context.distance(metres(run)),
        join_words(&parts)
    );
    let others = painful.len() - 1;
    if others > 0 {
        seen.push_str(&format!(
            " {} in the last week also went above 5/10.",
            count_words(others, "other run", "other runs")
        ));
    }
    Some(Warning {
        rule: Rule::PainDuringRun,
        severity: Severity::ReduceLoad,
        date: run.date,
        seen,
        why: "A pain-monitoring approach used for tendon and knee problems (Silbernagel 2007) \
              says pain up to 3/10 during or after running is fine, 4–5/10 is acceptable, and \
              above 5/10 means the knee is taking more than it can handle right now."
            .to_string(),
        what_to_do: "Cut back: make the next runs shorter and slower, or rest for a day or two, \
                     until pain stays at 5/10 or less. If it keeps going above 5/10, or you \
                     can't bear weight, do a knee check or see a physiotherapist or GP."
            .to_string(),
    })
}

fn next_morning_rule(sorted: &[&Run], pain: &[PainEntry], context: &Context) -> Option<Warning> {
    let from = context.pain_recent_from();
    // Highest pain per day over the window and the day before it, by days before today.
    let span = PAIN_RECENT_DAYS as usize + 1;
    let mut daily: Vec<Option<PainScore>> = vec![None; span];
    let index = |date: NaiveDate| -> Option<usize> {
        if date > context.today {
            return None;
        }
        usize::try_from((context.today - date).num_days())
            .ok()
            .filter(|i| *i < span)
    };
    let start = sorted.partition_point(|run| run.date < days_before(from, 1));
    for run in sorted.iter().skip(start) {
        if let Some(slot) = index(run.date).and_then(|i| daily.get_mut(i)) {
            *slot = (*slot).max(run_pain(run));
        }
    }
    for entry in pain {
        if let Some(slot) = index(entry.date).and_then(|i| daily.get_mut(i)) {
            *slot = (*slot).max(Some(entry.pain));
        }
    }
    // Each day in the window with a signal.
    struct Signal {
        date: NaiveDate,
        stiff: bool,
        /// The day's entry and the day before's highest, when the entry is higher.
        rise: Option<(PainScore, PainScore)>,
    }
    let mut signals: Vec<Signal> = Vec::new();
    for entry in pain
        .iter()
        .filter(|e| e.date >= from && e.date <= context.today)
    {
        let before = index(entry.date)
            .and_then(|i| daily.get(i + 1))
            .copied()
            .flatten();
        let rise = before
            .filter(|before| entry.pain > *before)
            .map(|before| (entry.pain, before));
        if !entry.morning_stiffness && rise.is_none() {
            continue;
        }
        match signals.iter_mut().find(|signal| signal.date == entry.date) {
            Some(signal) => {
                signal.stiff |= entry.morning_stiffness;
                if rise.map(|(now, _)| now) > signal.rise.map(|(now, _)| now) {
                    signal.rise = rise;
                }
            }
            None => signals.push(Signal {
                date: entry.date,
                stiff: entry.morning_stiffness,
                rise,
            }),
        }
    }
    signals.sort_by_key(|signal| signal.date);
    let &Signal { date, stiff, rise } = signals.last()?;
    let mut seen = match (stiff, rise) {
        (true, Some((now, before))) => format!(
            "On {} your knee was stiff in the morning, and your pain was {}/10, up from {}/10 \
             the day before.",
            day_words(date),
            now.value(),
            before.value()
        ),
        (false, Some((now, before))) => format!(
            "On {} your pain was {}/10, up from {}/10 the day before.",
            day_words(date),
            now.value(),
            before.value()
        ),
        _ => format!(
            "On {} you noted a stiff knee in the morning.",
            day_words(date)
        ),
    };
    let others = signals.len() - 1;
    if others > 0 {
        seen.push_str(&format!(
            " The same happened on {} in the last week.",
            count_words(others, "other day", "other days")
        ));
    }
    Some(Warning {
        rule: Rule::PainNextMorning,
        severity: Severity::ReduceLoad,
        date,
        seen,
        why: "In the pain-monitoring approach (Silbernagel 2007), a knee that is stiffer or \
              sorer the next morning is the sign that the last load was too much, even if the \
              run itself felt fine."
            .to_string(),
        what_to_do: "Make your next run shorter and easier than the last one, or take a rest \
                     day. Build back up once mornings are no worse than the day before."
            .to_string(),
    })
}

fn acute_chronic(sorted: &[&Run], context: &Context) -> Option<AcuteChronic> {
    let today = context.today;
    let first_run = sorted.iter().find(|run| is_running(run))?;
    let chronic_from = days_before(today, 27);
    if first_run.date > chronic_from {
        return None;
    }
    let acute_from = days_before(today, 6);
    let start = sorted.partition_point(|run| run.date < chronic_from);
    let (mut acute, mut chronic) = (0.0, 0.0);
    for run in sorted.iter().skip(start).filter(|run| is_running(run)) {
        chronic += metres(run);
        if run.date >= acute_from {
            acute += metres(run);
        }
    }
    let chronic_weekly = chronic / 4.0;
    if chronic_weekly <= 0.0 {
        return None;
    }
    let ratio = acute / chronic_weekly;
    let summary = format!(
        "Last 7 days: {}. Your average week over the last 4 weeks: {}. Ratio {:.2}: your last 7 \
         days were {}.",
        context.distance(acute),
        context.distance(chronic_weekly),
        ratio,
        if (ratio - 1.0).abs() < 0.05 {
            "about the same as your average week".to_string()
        } else if ratio > 1.0 {
            format!("{:.0}% more than your average week", (ratio - 1.0) * 100.0)
        } else {
            format!("{:.0}% less than your average week", (1.0 - ratio) * 100.0)
        }
    );
    Some(AcuteChronic {
        acute: Distance::from_metres(acute),
        chronic_weekly: Distance::from_metres(chronic_weekly),
        ratio,
        summary,
        caveat: ACWR_CAVEAT,
    })
}

// ---------------------------------------------------------------------------------------
// Small helpers

fn is_running(run: &Run) -> bool {
    run.kind != RunKind::CrossTraining
}

/// A run's distance in metres; anything unusable counts as nothing.
fn metres(run: &Run) -> f64 {
    let metres = run.distance.metres();
    if metres.is_finite() && metres > 0.0 {
        metres
    } else {
        0.0
    }
}

fn pace_seconds(run: &Run) -> Option<f64> {
    Pace::of(run.distance, run.duration).map(|pace| pace.seconds_per_km())
}

/// Whether `new` is more than `percent`% above `old`. Exactly `percent`% is not more; `old`
/// of zero never is (no percentage of nothing). Multiplying rather than dividing keeps whole
/// numbers exact, and a tiny relative slack absorbs the rounding of mile conversions.
fn more_than_percent(new: f64, old: f64, percent: f64) -> bool {
    old > 0.0
        && new.is_finite()
        && old.is_finite()
        && new * 100.0 - old * (100.0 + percent) > old * 1e-9
}

/// The increase of `new` over `old` in whole percent; with a decimal when rounding would
/// read as not over `threshold` ("10.1%"), and "just over 10%" when even that would.
fn percent_words(new: f64, old: f64, threshold: f64) -> String {
    let percent = (new / old - 1.0) * 100.0;
    let whole = percent.round();
    if whole > threshold {
        return format!("{whole:.0}%");
    }
    let tenths = (percent * 10.0).round() / 10.0;
    if tenths > threshold {
        format!("{tenths:.1}%")
    } else {
        format!("just over {threshold:.0}%")
    }
}

/// "Sat 15 Nov".
fn day_words(date: NaiveDate) -> String {
    crate::domain::dates::day(date)
}

fn count_words(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

/// "a", "a and b", "a, b and c".
fn join_words(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [only] => only.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn hard_reason(run: &Run) -> String {
    match run.kind {
        RunKind::Tempo | RunKind::Intervals | RunKind::Hills | RunKind::Race => {
            run.kind.label().to_lowercase()
        }
        kind => format!(
            "{}, effort {}/10",
            kind.label().to_lowercase(),
            run.effort.unwrap_or(HARD_EFFORT)
        ),
    }
}

fn days_before(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_sub_days(Days::new(days))
        .unwrap_or(NaiveDate::MIN)
}

fn days_after(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_add_days(Days::new(days))
        .unwrap_or(NaiveDate::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::records::RecordId;
    use chrono::Datelike;

    /// Friday. Monday weeks: this 23–29 Nov, last 16–22, before 9–15, two before 2–8.
    const TODAY: &str = "2026-11-27";

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn today() -> NaiveDate {
        day(TODAY)
    }

    /// An easy run at 6:00 per km.
    fn run(date: &str, km: f64) -> Run {
        Run::easy(
            RecordId::from_random_bits(1),
            day(date),
            Distance::from_metres(km * 1000.0),
            Duration::from_seconds((km * 360.0).round() as u32),
        )
    }

    fn kind(date: &str, km: f64, kind: RunKind) -> Run {
        Run {
            kind,
            ..run(date, km)
        }
    }

    fn miles(date: &str, mi: f64) -> Run {
        Run {
            distance: Distance::from_unit(mi, DistanceUnit::Mi),
            ..run(date, mi * 1.609344)
        }
    }

    fn entry(date: &str, pain: u8, stiff: bool) -> PainEntry {
        PainEntry {
            id: RecordId::from_random_bits(2),
            updated_at: "2026-01-01T00:00:00Z".parse().unwrap(),
            date: day(date),
            pain: PainScore::new(pain).unwrap(),
            areas: Vec::new(),
            morning_stiffness: stiff,
            note: String::new(),
        }
    }

    fn score(n: u8) -> Option<PainScore> {
        PainScore::new(n)
    }

    fn settings(units: DistanceUnit, week_start: Weekday) -> Settings {
        Settings {
            units,
            week_start,
            ..Settings::default()
        }
    }

    fn report(runs: &[Run]) -> LoadReport {
        analyse(runs, &[], &Settings::default(), today())
    }

    fn found(report: &LoadReport, rule: Rule) -> Vec<&Warning> {
        report.warnings.iter().filter(|w| w.rule == rule).collect()
    }

    fn fired(runs: &[Run], rule: Rule) -> bool {
        !found(&report(runs), rule).is_empty()
    }

    // --- Weeks -------------------------------------------------------------------------

    #[test]
    fn empty_input_gives_two_empty_weeks_and_nothing_else() {
        let report = analyse(&[], &[], &Settings::default(), today());
        assert_eq!(report.weeks.len(), 2);
        assert_eq!(report.this_week.start, day("2026-11-23"));
        assert_eq!(report.this_week.end, day("2026-11-29"));
        assert_eq!(report.last_week.start, day("2026-11-16"));
        assert!(report.this_week.is_empty() && report.last_week.is_empty());
        assert!(report.warnings.is_empty());
        assert!(report.acute_chronic.is_none());

        let series = weekly_series(&[], &[], &Settings::default(), today(), 26);
        assert_eq!(series.len(), 26);
        assert_eq!(series[25].start, day("2026-11-23"));
        assert_eq!(series[0].start, day("2026-06-01"));
        assert!(series.iter().all(WeekSummary::is_empty));
        assert!(weekly_series(&[], &[], &Settings::default(), today(), 0).is_empty());
    }

    #[test]
    fn week_start_is_the_setting_day_for_every_weekday() {
        let days = [
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Wed,
            Weekday::Thu,
            Weekday::Fri,
            Weekday::Sat,
            Weekday::Sun,
        ];
        for week_start in days {
            for offset in 0..21 {
                let date = day("2026-12-20") + Days::new(offset);
                let start = calendar::week_start(date, week_start);
                assert_eq!(start.weekday(), week_start, "{date} {week_start}");
                assert!(start <= date && (date - start).num_days() < 7);
            }
        }
    }

    #[test]
    fn first_and_last_day_of_a_week_for_each_week_start() {
        // For every setting: runs on the first and last day of last week, and on the day
        // before it and the day after it, land in the right weeks.
        for week_start in [
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Wed,
            Weekday::Thu,
            Weekday::Fri,
            Weekday::Sat,
            Weekday::Sun,
        ] {
            let this_start = calendar::week_start(today(), week_start);
            let last_start = this_start - Days::new(7);
            let last_end = this_start - Days::new(1);
            let runs = [
                run(&(last_start - Days::new(1)).to_string(), 1.0),
                run(&last_start.to_string(), 2.0),
                run(&last_end.to_string(), 4.0),
                run(&this_start.to_string(), 8.0),
            ];
            let report = analyse(&runs, &[], &settings(DistanceUnit::Km, week_start), today());
            assert_eq!(report.last_week.start, last_start, "{week_start}");
            assert_eq!(report.last_week.end, last_end);
            assert_eq!(report.last_week.runs, 2, "{week_start}");
            assert_eq!(report.last_week.distance.metres(), 6000.0);
            assert_eq!(report.this_week.distance.metres(), 8000.0, "{week_start}");
            assert_eq!(report.weeks.len(), 3);
            assert_eq!(report.weeks[0].distance.metres(), 1000.0);
        }
    }

    #[test]
    fn a_sunday_run_ends_a_monday_week_and_starts_a_sunday_week() {
        let runs = [run("2026-11-22", 10.0)];
        let monday = analyse(
            &runs,
            &[],
            &settings(DistanceUnit::Km, Weekday::Mon),
            today(),
        );
        assert_eq!(monday.last_week.runs, 1);
        assert_eq!(monday.this_week.runs, 0);
        let sunday = analyse(
            &runs,
            &[],
            &settings(DistanceUnit::Km, Weekday::Sun),
            today(),
        );
        assert_eq!(sunday.this_week.start, day("2026-11-22"));
        assert_eq!(sunday.this_week.runs, 1);
        assert_eq!(sunday.last_week.runs, 0);
    }

    #[test]
    fn dst_weekends_do_not_move_runs_between_weeks() {
        // EU clocks change on 29 Mar and 25 Oct 2026, US clocks on 8 Mar and 1 Nov: all
        // Sundays. Weeks are date arithmetic, so each is 7 days, and a run on the change
        // day (at 23:59 local, it is still that date) stays in its week.
        let dst_sundays = ["2026-03-08", "2026-03-29", "2026-10-25", "2026-11-01"];
        let runs: Vec<Run> = dst_sundays.iter().map(|d| run(d, 10.0)).collect();
        let series = weekly_series(
            &runs,
            &[],
            &settings(DistanceUnit::Km, Weekday::Mon),
            today(),
            52,
        );
        for pair in series.windows(2) {
            assert_eq!((pair[1].start - pair[0].start).num_days(), 7);
            assert_eq!((pair[0].end - pair[0].start).num_days(), 6);
        }
        for sunday in dst_sundays {
            let week = series.iter().find(|w| w.contains(day(sunday))).unwrap();
            assert_eq!(week.end, day(sunday), "a Sunday ends a Monday week");
            assert_eq!(week.runs, 1);
            assert_eq!(week.start.weekday(), Weekday::Mon);
        }
        // With Sunday weeks the change day starts the week instead.
        let sunday_weeks = weekly_series(
            &runs,
            &[],
            &settings(DistanceUnit::Km, Weekday::Sun),
            today(),
            52,
        );
        for sunday in dst_sundays {
            let week = sunday_weeks
                .iter()
                .find(|w| w.contains(day(sunday)))
                .unwrap();
            assert_eq!(week.start, day(sunday));
            assert_eq!(week.runs, 1);
        }
    }

    #[test]
    fn weeks_sum_distance_time_runs_and_pain_and_keep_cross_training_apart() {
        let mut painful = run("2026-11-24", 5.0);
        painful.pain_after = score(4);
        let runs = [
            painful,
            run("2026-11-25", 7.5),
            kind("2026-11-26", 40.0, RunKind::CrossTraining),
            run("2026-11-28", 30.0), // tomorrow: ignored
        ];
        let pain = [entry("2026-11-23", 2, false), entry("2026-11-16", 6, false)];
        let report = analyse(&runs, &pain, &Settings::default(), today());
        let week = &report.this_week;
        assert_eq!(week.distance.metres(), 12_500.0);
        assert_eq!(week.runs, 2);
        assert_eq!(week.time.seconds(), 4500);
        assert_eq!(week.cross_training, 1);
        assert_eq!(week.max_pain, score(4));
        assert_eq!(report.last_week.max_pain, score(6));
        assert_eq!(report.last_week.runs, 0);
    }

    #[test]
    fn a_week_with_no_runs_stays_in_the_list_and_gives_no_percentage() {
        let runs = [run("2026-11-03", 20.0), run("2026-11-17", 30.0)];
        let report = report(&runs);
        let distances: Vec<f64> = report.weeks.iter().map(|w| w.distance.metres()).collect();
        assert_eq!(distances, [20_000.0, 0.0, 30_000.0, 0.0]);
        // 30 km after an empty week is not "more than 10%" of nothing...
        assert!(found(&report, Rule::WeeklyIncrease).is_empty());
        // ...but it is 50% over the 20 km of two weeks before.
        assert_eq!(found(&report, Rule::TwoWeekIncrease).len(), 1);
    }

    #[test]
    fn during_recovery_only_the_volume_rules_are_quiet() {
        use crate::domain::protocol::Stage;
        use crate::domain::situation::Situation;
        // A jump in weekly distance and a run far longer than any of the month before it.
        let runs = [run("2026-11-03", 20.0), run("2026-11-17", 30.0)];
        let on_plan = Situation::OnPlan {
            stage: Stage::Week2,
            done: 1,
            needed: 3,
            stepped_back: None,
            also_see_someone: false,
        };
        let all = report(&runs);
        assert!(all.warnings.iter().any(|w| w.rule.is_about_volume()));
        let heard = report(&runs).heeding(&on_plan);
        assert!(heard.warnings.iter().all(|w| !w.rule.is_about_volume()));
        let others = |r: &LoadReport| {
            r.warnings
                .iter()
                .filter(|w| !w.rule.is_about_volume())
                .count()
        };
        assert_eq!(others(&heard), others(&all));
        assert_eq!(report(&runs).heeding(&Situation::NoProblem), all);
    }

    #[test]
    fn the_report_lists_every_week_since_the_first_record() {
        let runs = [run("2025-11-26", 5.0), run("2026-11-27", 5.0)];
        let report = report(&runs);
        assert_eq!(report.weeks.len(), 53);
        assert_eq!(report.weeks[0].start, day("2025-11-24"));
        assert_eq!(report.weeks[0].runs, 1);
        assert_eq!(report.weeks.last(), Some(&report.this_week));
    }

    // --- 10% and 30% -------------------------------------------------------------------

    /// Week before (9–15 Nov) 20 km; last week (16–22 Nov) `last_km`.
    fn ten_percent_case(last_km: f64) -> Vec<Run> {
        vec![
            run("2026-11-10", 10.0),
            run("2026-11-12", 10.0),
            run("2026-11-17", last_km / 2.0),
            run("2026-11-22", last_km / 2.0),
        ]
    }

    #[test]
    fn ten_percent_on_the_week_before_at_its_boundary() {
        let table = [
            (18.0, false),
            (20.0, false),
            (22.0, false), // exactly 10%: no warning
            (22.02, true), // 10.1%
            (30.0, true),
        ];
        for (last_km, warns) in table {
            assert_eq!(
                fired(&ten_percent_case(last_km), Rule::WeeklyIncrease),
                warns,
                "{last_km} km after 20 km"
            );
        }
        let report = report(&ten_percent_case(22.02));
        let warning = found(&report, Rule::WeeklyIncrease)[0];
        assert_eq!(
            warning.seen,
            "Last week (16–22 Nov) you ran 22 km, 10.1% more than the 20 km of the week before."
        );
        assert_eq!(warning.severity, Severity::Notice);
        assert_eq!(warning.date, day("2026-11-22"));
        assert!(warning.why.contains("Buist 2008"));
        assert!(warning.what_to_do.contains("22 km"));
    }

    #[test]
    fn this_week_so_far_warns_once_it_is_already_over() {
        let mut runs = vec![run("2026-11-17", 20.0)];
        runs.push(run("2026-11-24", 22.0));
        assert!(!fired(&runs, Rule::WeeklyIncrease), "exactly 10%");
        runs.push(run("2026-11-26", 0.1));
        let report = report(&runs);
        let warnings = found(&report, Rule::WeeklyIncrease);
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].date, today());
        assert!(warnings[0]
            .seen
            .starts_with("This week so far (23–29 Nov) you have run 22.1 km, already"));
    }

    #[test]
    fn thirty_percent_over_two_weeks_at_its_boundary() {
        // Two weeks before (2–8 Nov) 20 km, the week before 22 km, last week `last_km`.
        let case = |last_km: f64| {
            vec![
                run("2026-11-04", 20.0),
                run("2026-11-11", 22.0),
                run("2026-11-18", last_km),
            ]
        };
        assert!(!fired(&case(26.0), Rule::TwoWeekIncrease), "exactly 30%");
        assert!(fired(&case(26.02), Rule::TwoWeekIncrease), "30.1%");
        let report = report(&case(26.02));
        let warning = found(&report, Rule::TwoWeekIncrease)[0];
        assert_eq!(warning.severity, Severity::Caution);
        assert!(
            warning.seen.contains("30.1% more than the 20 km"),
            "{}",
            warning.seen
        );
        assert!(warning.why.contains("Nielsen 2014"));

        // The current week against the week before last.
        let so_far = [run("2026-11-11", 20.0), run("2026-11-23", 26.5)];
        let report = self::report(&so_far);
        let warnings = found(&report, Rule::TwoWeekIncrease);
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].seen.contains("week before last (9–15 Nov)"));
    }

    #[test]
    fn messages_round_in_the_runners_unit() {
        // 10 mi then 11.1 mi: in miles the numbers are round; in km they are converted.
        let runs = [miles("2026-11-10", 10.0), miles("2026-11-17", 11.1)];
        let in_miles = analyse(
            &runs,
            &[],
            &settings(DistanceUnit::Mi, Weekday::Mon),
            today(),
        );
        assert_eq!(
            found(&in_miles, Rule::WeeklyIncrease)[0].seen,
            "Last week (16–22 Nov) you ran 11.1 mi, 11% more than the 10 mi of the week before."
        );
        let in_km = analyse(
            &runs,
            &[],
            &settings(DistanceUnit::Km, Weekday::Mon),
            today(),
        );
        assert_eq!(
            found(&in_km, Rule::WeeklyIncrease)[0].seen,
            "Last week (16–22 Nov) you ran 17.9 km, 11% more than the 16.1 km of the week before."
        );
        // Exactly 10% in miles is still exactly 10%, despite the conversion.
        let exact = [miles("2026-11-10", 10.0), miles("2026-11-17", 11.0)];
        let report = analyse(
            &exact,
            &[],
            &settings(DistanceUnit::Mi, Weekday::Mon),
            today(),
        );
        assert!(found(&report, Rule::WeeklyIncrease).is_empty());
    }

    #[test]
    fn distance_and_percent_words() {
        let table = [
            (0.0, DistanceUnit::Km, "0 km"),
            (5_060.0, DistanceUnit::Km, "5.1 km"),
            (10_000.0, DistanceUnit::Km, "10 km"),
            (42_195.0, DistanceUnit::Km, "42.2 km"),
            (42_195.0, DistanceUnit::Mi, "26.2 mi"),
            (16_093.44, DistanceUnit::Mi, "10 mi"),
            (16_093.44, DistanceUnit::Km, "16.1 km"),
            (f64::NAN, DistanceUnit::Km, "0 km"),
        ];
        for (metres, unit, words) in table {
            assert_eq!(distance_words(Distance::from_metres(metres), unit), words);
        }
        assert_eq!(percent_words(110.1, 100.0, 10.0), "10.1%");
        assert_eq!(percent_words(110.04, 100.0, 10.0), "just over 10%");
        assert_eq!(percent_words(112.6, 100.0, 10.0), "13%");
    }

    // --- Single-run spike --------------------------------------------------------------

    #[test]
    fn spike_bands_at_exactly_10_30_and_100_percent() {
        let table = [
            (11.0, None),
            (11.01, Some(SpikeBand::UpTo30)),
            (13.0, Some(SpikeBand::UpTo30)),
            (13.01, Some(SpikeBand::UpTo100)),
            (20.0, Some(SpikeBand::UpTo100)),
            (20.01, Some(SpikeBand::Over100)),
        ];
        for (km, band) in table {
            assert_eq!(SpikeBand::classify(km * 1000.0, 10_000.0), band, "{km} km");
            let runs = [run("2026-11-17", 10.0), run("2026-11-25", km)];
            let report = report(&runs);
            let warnings = found(&report, Rule::SingleRunSpike);
            assert_eq!(warnings.len(), usize::from(band.is_some()), "{km} km");
            if let (Some(band), Some(warning)) = (band, warnings.first()) {
                let ratio = format!("{:.2}", band.hazard_ratio());
                assert!(warning.why.contains(&ratio), "{}", warning.why);
                assert!(warning.why.contains("Frandsen 2025"));
                assert_eq!(warning.date, day("2026-11-25"));
            }
        }
        assert_eq!(SpikeBand::classify(5000.0, 0.0), None);
        // Miles typed by the runner: exactly 10% stays exactly 10%.
        let mi = |m: f64| Distance::from_unit(m, DistanceUnit::Mi).metres();
        assert_eq!(SpikeBand::classify(mi(6.6), mi(6.0)), None);
        assert_eq!(
            SpikeBand::classify(mi(7.8), mi(6.0)),
            Some(SpikeBand::UpTo30)
        );
        assert_eq!(
            SpikeBand::classify(mi(12.0), mi(6.0)),
            Some(SpikeBand::UpTo100)
        );
    }

    #[test]
    fn spike_message_in_words() {
        let runs = [run("2026-11-17", 10.0), run("2026-11-25", 13.3)];
        let report = report(&runs);
        let warning = found(&report, Rule::SingleRunSpike)[0];
        assert_eq!(
            warning.seen,
            "Your run on Wed 25 Nov was 13.3 km, 33% longer than your longest run in the 30 \
             days before it (10 km)."
        );
        assert!(warning.why.contains("30–100% longer"));
        assert!(warning
            .why
            .contains("about 1.5 times as often (hazard ratio 1.52)"));
        assert!(warning.what_to_do.contains("back to about 10 km"));
    }

    #[test]
    fn spike_needs_a_run_in_the_previous_30_days() {
        // 25 Nov against 26 Oct (30 days before): compared. Against 25 Oct: too old.
        assert!(fired(
            &[run("2026-10-26", 5.0), run("2026-11-25", 8.0)],
            Rule::SingleRunSpike
        ));
        assert!(!fired(
            &[run("2026-10-25", 5.0), run("2026-11-25", 8.0)],
            Rule::SingleRunSpike
        ));
        // The longest of the window counts, not the latest.
        assert!(!fired(
            &[
                run("2026-10-26", 10.0),
                run("2026-11-20", 5.0),
                run("2026-11-25", 8.0)
            ],
            Rule::SingleRunSpike
        ));
        // A run on the same day is not "before" it.
        assert!(!fired(
            &[run("2026-11-25", 5.0), run("2026-11-25", 8.0)],
            Rule::SingleRunSpike
        ));
        // A first run ever has nothing to compare with.
        assert!(!fired(&[run("2026-11-25", 30.0)], Rule::SingleRunSpike));
    }

    #[test]
    fn only_recent_spikes_warn() {
        // 14 Nov is 13 days before today (the oldest recent day); 13 Nov is 14 days before.
        assert!(fired(
            &[run("2026-11-01", 5.0), run("2026-11-14", 8.0)],
            Rule::SingleRunSpike
        ));
        assert!(!fired(
            &[run("2026-11-01", 5.0), run("2026-11-13", 8.0)],
            Rule::SingleRunSpike
        ));
    }

    #[test]
    fn cross_training_is_not_running_distance() {
        let runs = [
            run("2026-11-17", 10.0),
            kind("2026-11-25", 60.0, RunKind::CrossTraining),
        ];
        assert!(!fired(&runs, Rule::SingleRunSpike));
        assert!(!fired(&runs, Rule::WeeklyIncrease));
    }

    // --- Hard and easy -----------------------------------------------------------------

    #[test]
    fn hard_and_easy_days_table() {
        let hard = |date: &str| kind(date, 8.0, RunKind::Intervals);
        let effort = |date: &str, effort: u8| Run {
            effort: Some(effort),
            ..run(date, 8.0)
        };
        let table: Vec<(&str, Vec<Run>, bool)> = vec![
            (
                "consecutive days",
                vec![hard("2026-11-24"), hard("2026-11-25")],
                true,
            ),
            (
                "rest day between",
                vec![hard("2026-11-23"), hard("2026-11-25")],
                false,
            ),
            (
                "easy day between",
                vec![
                    hard("2026-11-23"),
                    run("2026-11-24", 5.0),
                    hard("2026-11-25"),
                ],
                false,
            ),
            (
                "easy run the same day does not make it easy",
                vec![
                    hard("2026-11-24"),
                    run("2026-11-25", 5.0),
                    hard("2026-11-25"),
                ],
                true,
            ),
            (
                "two on one day",
                vec![hard("2026-11-25"), hard("2026-11-25")],
                true,
            ),
            (
                "effort 7 is hard",
                vec![hard("2026-11-24"), effort("2026-11-25", 7)],
                true,
            ),
            (
                "effort 6 is not",
                vec![hard("2026-11-24"), effort("2026-11-25", 6)],
                false,
            ),
            (
                "tempo, hills and race are hard",
                vec![
                    kind("2026-11-20", 5.0, RunKind::Tempo),
                    kind("2026-11-21", 5.0, RunKind::Race),
                    kind("2026-11-22", 5.0, RunKind::Hills),
                ],
                true,
            ),
            (
                "long and recovery are not",
                vec![
                    kind("2026-11-24", 20.0, RunKind::Long),
                    kind("2026-11-25", 5.0, RunKind::Recovery),
                ],
                false,
            ),
            (
                "too long ago",
                vec![hard("2026-11-12"), hard("2026-11-13")],
                false,
            ),
            (
                "ending on the oldest recent day",
                vec![hard("2026-11-13"), hard("2026-11-14")],
                true,
            ),
        ];
        for (name, runs, warns) in table {
            assert_eq!(fired(&runs, Rule::HardDaysInARow), warns, "{name}");
        }
    }

    #[test]
    fn hard_days_message_names_the_days() {
        let runs = [
            kind("2026-11-17", 8.0, RunKind::Tempo),
            kind("2026-11-18", 8.0, RunKind::Tempo),
            kind("2026-11-24", 8.0, RunKind::Intervals),
            Run {
                effort: Some(8),
                ..run("2026-11-25", 8.0)
            },
            kind("2026-11-26", 8.0, RunKind::Hills),
        ];
        let report = report(&runs);
        let warning = found(&report, Rule::HardDaysInARow)[0];
        assert_eq!(
            warning.seen,
            "You had hard sessions on 3 days in a row: Tue 24 Nov (intervals), Wed 25 Nov \
             (easy, effort 8/10) and Thu 26 Nov (hills). It also happened once more in the last \
             two weeks."
        );
        assert_eq!(warning.date, day("2026-11-26"));
    }

    // --- Speed and hills ---------------------------------------------------------------

    #[test]
    fn speed_and_hills_added_together() {
        let base = || vec![run("2026-10-20", 5.0), run("2026-11-05", 5.0)];
        let with = |extra: Vec<Run>| {
            let mut runs = base();
            runs.extend(extra);
            runs
        };
        assert!(fired(
            &with(vec![
                kind("2026-11-16", 5.0, RunKind::Tempo),
                kind("2026-11-20", 5.0, RunKind::Hills),
            ]),
            Rule::SpeedAndHillsAdded
        ));
        // Intervals 4 weeks before (30 Oct is inside the 28 days before 14 Nov): not new.
        assert!(!fired(
            &with(vec![
                kind("2026-10-30", 5.0, RunKind::Intervals),
                kind("2026-11-16", 5.0, RunKind::Tempo),
                kind("2026-11-20", 5.0, RunKind::Hills),
            ]),
            Rule::SpeedAndHillsAdded
        ));
        // Intervals just outside those 28 days (16 Oct): new again.
        assert!(fired(
            &with(vec![
                kind("2026-10-16", 5.0, RunKind::Intervals),
                kind("2026-11-16", 5.0, RunKind::Tempo),
                kind("2026-11-20", 5.0, RunKind::Hills),
            ]),
            Rule::SpeedAndHillsAdded
        ));
        // Only one of the two.
        assert!(!fired(
            &with(vec![kind("2026-11-16", 5.0, RunKind::Tempo)]),
            Rule::SpeedAndHillsAdded
        ));
        // No history before: we cannot tell it is new.
        assert!(!fired(
            &[
                kind("2026-11-16", 5.0, RunKind::Tempo),
                kind("2026-11-20", 5.0, RunKind::Hills),
            ],
            Rule::SpeedAndHillsAdded
        ));
    }

    // --- Monotony ----------------------------------------------------------------------

    #[test]
    fn monotony_needs_six_alike_runs() {
        let dates = [
            "2026-11-14",
            "2026-11-16",
            "2026-11-18",
            "2026-11-20",
            "2026-11-22",
            "2026-11-24",
            "2026-11-26",
        ];
        let same: Vec<Run> = dates.iter().map(|d| run(d, 8.0)).collect();
        let report = report(&same);
        let warning = found(&report, Rule::Monotony)[0];
        assert_eq!(
            warning.seen,
            "Your last 7 runs were all about 8 km at about 6:00 /km."
        );
        assert_eq!(warning.severity, Severity::Notice);

        assert!(fired(&same[1..], Rule::Monotony), "six runs are enough");
        assert!(
            !fired(&same[..5], Rule::Monotony),
            "five runs are not enough"
        );

        // One run 8.6 km (about 6% over the average): not monotonous.
        let mut varied = same.clone();
        varied[6] = run("2026-11-26", 8.6);
        assert!(!fired(&varied, Rule::Monotony));
        // One run at a clearly different pace: not monotonous.
        let mut faster = same.clone();
        faster[6].duration = Duration::from_seconds(8 * 330);
        assert!(!fired(&faster, Rule::Monotony));
        // A small wobble inside the bands still is.
        let mut wobble = same.clone();
        wobble[6] = run("2026-11-26", 8.2);
        assert!(fired(&wobble, Rule::Monotony));
        // Old sameness does not warn.
        let old: Vec<Run> = (1..=6)
            .map(|n| run(&(day("2026-10-01") + Days::new(n)).to_string(), 8.0))
            .collect();
        assert!(!fired(&old, Rule::Monotony));
    }

    // --- Pain ---------------------------------------------------------------------------

    #[test]
    fn pain_above_five_during_or_after_a_run() {
        let hurt = |during: Option<u8>, after: Option<u8>, date: &str| Run {
            pain_during: during.and_then(PainScore::new),
            pain_after: after.and_then(PainScore::new),
            ..run(date, 6.0)
        };
        let table = [
            (Some(5), None, "2026-11-26", false),
            (Some(6), None, "2026-11-26", true),
            (None, Some(6), "2026-11-26", true),
            (Some(3), Some(5), "2026-11-26", false),
            (Some(9), None, "2026-11-21", true),  // 6 days ago
            (Some(9), None, "2026-11-20", false), // 7 days ago: outside the week
        ];
        for (during, after, date, warns) in table {
            let runs = [hurt(during, after, date)];
            assert_eq!(
                fired(&runs, Rule::PainDuringRun),
                warns,
                "{during:?} {after:?} {date}"
            );
        }
        let report = report(&[hurt(Some(7), Some(4), "2026-11-26")]);
        let warning = found(&report, Rule::PainDuringRun)[0];
        assert_eq!(
            warning.seen,
            "On Thu 26 Nov (6 km) your knee pain was 7/10 during the run and 4/10 after it."
        );
        assert_eq!(warning.severity, Severity::ReduceLoad);
        assert!(warning.why.contains("Silbernagel 2007"));
    }

    #[test]
    fn worse_next_morning_or_stiff() {
        let settings = Settings::default();
        let check = |runs: &[Run], pain: &[PainEntry]| {
            analyse(runs, pain, &settings, today())
                .warnings
                .into_iter()
                .find(|w| w.rule == Rule::PainNextMorning)
        };
        // Stiffness alone warns.
        let warning = check(&[], &[entry("2026-11-26", 2, true)]).unwrap();
        assert_eq!(
            warning.seen,
            "On Thu 26 Nov you noted a stiff knee in the morning."
        );
        // Higher than the day before (a run's pain after counts for that day).
        let sore_run = Run {
            pain_after: score(3),
            ..run("2026-11-25", 8.0)
        };
        let warning = check(
            std::slice::from_ref(&sore_run),
            &[entry("2026-11-26", 4, false)],
        )
        .unwrap();
        assert_eq!(
            warning.seen,
            "On Thu 26 Nov your pain was 4/10, up from 3/10 the day before."
        );
        // The same as the day before: fine.
        assert!(check(&[sore_run], &[entry("2026-11-26", 3, false)]).is_none());
        // Nothing recorded the day before: nothing to compare.
        assert!(check(&[], &[entry("2026-11-26", 6, false)]).is_none());
        // Pain entries on both days.
        assert!(check(
            &[],
            &[entry("2026-11-20", 1, false), entry("2026-11-21", 2, false)]
        )
        .is_some());
        // A week ago is no longer recent.
        assert!(check(&[], &[entry("2026-11-20", 2, true)]).is_none());
        // A future entry is ignored.
        assert!(check(&[], &[entry("2026-11-28", 2, true)]).is_none());
    }

    // --- Acute:chronic -----------------------------------------------------------------

    #[test]
    fn acute_chronic_needs_four_weeks() {
        let daily = |days: u64| -> Vec<Run> {
            (0..days)
                .map(|n| run(&(today() - Days::new(n)).to_string(), 5.0))
                .collect()
        };
        assert!(
            report(&daily(27)).acute_chronic.is_none(),
            "first run 26 days ago"
        );
        let steady = report(&daily(28)).acute_chronic.unwrap();
        assert_eq!(steady.acute.metres(), 35_000.0);
        assert_eq!(steady.chronic_weekly.metres(), 35_000.0);
        assert_eq!(steady.ratio, 1.0);
        assert!(steady
            .summary
            .contains("about the same as your average week"));
        assert!(steady.caveat.contains("not a verdict"));
        assert!(steady.caveat.contains("Gabbett") && steady.caveat.contains("Impellizzeri"));

        // History, but no running in the last 28 days: no ratio.
        assert!(report(&[run("2026-09-01", 5.0)]).acute_chronic.is_none());

        // A jump: 28 days of 5 km, plus 35 km more this week.
        let mut runs = daily(28);
        runs.push(run("2026-11-27", 35.0));
        let jump = report(&runs).acute_chronic.unwrap();
        assert_eq!(jump.ratio, 70.0 / 43.75);
        assert!(jump.summary.contains("Ratio 1.60"), "{}", jump.summary);
        assert!(jump.summary.contains("60% more than your average week"));
    }

    // --- Whole report ------------------------------------------------------------------

    #[test]
    fn warnings_come_most_serious_first() {
        let runs = [
            run("2026-11-10", 10.0),
            Run {
                pain_during: score(7),
                ..run("2026-11-22", 20.0)
            },
        ];
        let report = report(&runs);
        let severities: Vec<Severity> = report.warnings.iter().map(|w| w.severity).collect();
        let mut sorted = severities.clone();
        sorted.sort_by(|a, b| b.cmp(a));
        assert_eq!(severities, sorted);
        assert_eq!(report.warnings[0].rule, Rule::PainDuringRun);
        for warning in &report.warnings {
            assert!(!warning.seen.is_empty() && !warning.why.is_empty());
            assert!(!warning.what_to_do.is_empty());
        }
    }

    #[test]
    fn future_dated_records_are_ignored() {
        let runs = [run("2026-11-20", 10.0), run("2026-11-28", 50.0)];
        let report = report(&runs);
        assert_eq!(report.this_week.runs, 0);
        assert!(report.warnings.is_empty());
    }

    #[test]
    fn unusable_numbers_do_not_panic() {
        let mut odd = run("2026-11-26", 5.0);
        odd.distance = Distance::from_metres(f64::NAN);
        let mut zero = run("2026-11-25", 5.0);
        zero.duration = Duration::from_seconds(0);
        let ancient = run("0001-01-01", 5.0);
        let report = report(&[odd, zero, ancient]);
        assert_eq!(report.weeks.len(), MAX_WEEKS);
        assert_eq!(report.this_week.distance.metres(), 5000.0);
    }
}
