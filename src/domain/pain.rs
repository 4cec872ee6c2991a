//! Pain monitoring: the zone a pain score falls in, and whether the knee is getting better
//! or worse over recent days.
//!
//! One pain rule decides every zone ([`PainRule`]): in ordinary training the pain-monitoring
//! model (Silbernagel 2007), where pain during or after activity of 0–3/10 is fine, 4–5/10 is
//! acceptable and above 5/10 is too much; while a knee recovers, the return-to-running
//! protocol's 3/10. Pain or stiffness that is worse the next morning is the signal to reduce
//! load (that rule lives in [`crate::domain::load`], with the other warnings).
//!
//! Every pain number a runner records counts: daily pain entries and the pain during and
//! after each run. A day's pain is the highest number recorded that day; a period's pain is
//! the average of its days that have a number, so a day with three entries weighs no more
//! than a day with one.

use crate::domain::locale::DateStyle;
use chrono::{Days, NaiveDate};

use crate::domain::records::{PainEntry, PainScore, Run};

/// Where a pain score sits under the pain rule that applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PainZone {
    /// 0–3/10: fine to carry on.
    Fine,
    /// 4–5/10 in ordinary training: acceptable, as long as it settles by the next morning.
    Acceptable,
    /// Above the limit: reduce the load.
    TooMuch,
}

/// Highest score in the fine zone.
pub const FINE_MAX: u8 = 3;
/// Highest score in the acceptable zone of ordinary training; anything above is too much.
pub const ACCEPTABLE_MAX: u8 = 5;

/// The one pain rule. Every screen that judges a pain score asks it, with the rule the
/// runner's situation picks (`Situation::pain_rule`), so no two screens can call the same
/// score both fine and too much.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PainRule {
    /// Ordinary training, by the pain-monitoring model (Silbernagel 2007): up to 3/10 during
    /// or after activity is fine, 4–5/10 is acceptable if it has settled by the next
    /// morning, above 5/10 is too much.
    Training,
    /// A knee recovering, from the first days after a knee check to the end of the
    /// back-to-running plan: up to 3/10 during and after, with no more pain or stiffness the
    /// next morning (the seed's return-to-running protocol, stricter because the tissue is
    /// still healing). A rise after a run within 3/10 is not a signal on its own: the model
    /// judges the next morning, so the plan does too (`domain::protocol`).
    Recovery,
}

impl PainRule {
    /// The highest score that is still within the rule.
    pub fn limit(self) -> u8 {
        match self {
            PainRule::Training => ACCEPTABLE_MAX,
            PainRule::Recovery => FINE_MAX,
        }
    }

    /// The zone of one score under this rule.
    pub fn zone(self, score: PainScore) -> PainZone {
        match score.value() {
            0..=FINE_MAX => PainZone::Fine,
            value if value <= self.limit() => PainZone::Acceptable,
            _ => PainZone::TooMuch,
        }
    }

    /// Whether a score is above the limit: the signal to ease off.
    pub fn is_too_much(self, score: PainScore) -> bool {
        self.zone(score) == PainZone::TooMuch
    }

    /// The rule in one sentence, as "this week" states it.
    pub const fn sentence(self) -> &'static str {
        match self {
            PainRule::Training => {
                "Up to 5 out of 10 during or after a run is acceptable if it has settled by the \
                 next morning; above that, run less."
            }
            PainRule::Recovery => {
                // Short enough for two lines at 360 px: it sits on the result's first screen.
                "Keep pain at 3 out of 10 or less, no worse or stiffer next morning."
            }
        }
    }

    /// Where the rule comes from, for a "Why?".
    pub fn source(self) -> &'static str {
        match self {
            PainRule::Training => {
                "A pain-monitoring approach used for tendon and knee problems: up to 3/10 \
                 during or after running is fine, 4–5/10 is acceptable if it has settled by the \
                 next morning, and above 5/10 the knee is taking more than it can handle right \
                 now. (Source: Silbernagel and colleagues, 2007.)"
            }
            PainRule::Recovery => {
                "While a knee recovers, the back-to-running plan moves on only from runs at \
                 3/10 or less during and after, with no more pain or stiffness the next morning \
                 (the pain-monitoring approach, at the stricter limit of a back-to-running \
                 plan, because the tissue is still healing). Pain that rises a little after a \
                 run but stays within 3/10 is fine; the next morning tells whether the run was \
                 too much. (Source: Silbernagel and colleagues, 2007.)"
            }
        }
    }

    /// The scores of a zone under this rule, in words.
    pub fn range(self, zone: PainZone) -> String {
        match (self, zone) {
            (_, PainZone::Fine) => format!("0–{FINE_MAX}/10"),
            (PainRule::Training, PainZone::Acceptable) => {
                format!("{}–{ACCEPTABLE_MAX}/10", FINE_MAX + 1)
            }
            (PainRule::Recovery, PainZone::Acceptable) => String::new(),
            (rule, PainZone::TooMuch) => format!("{}–10/10", rule.limit() + 1),
        }
    }

    /// What to do when pain is above the limit.
    pub fn ease_off(self) -> String {
        format!(
            "Ease off: shorter, easier runs or rest until it stays at {}/10 or less.",
            self.limit()
        )
    }
}

impl PainZone {
    /// A short name for the zone, as a badge shows it.
    pub fn label(self) -> &'static str {
        match self {
            PainZone::Fine => "Fine",
            PainZone::Acceptable => "Acceptable",
            PainZone::TooMuch => "Too much",
        }
    }
}

/// A pain entry in one line, as the Log lists it: "Thu 26 Nov · 6/10 · Inner side · stiff or
/// sorer in the morning · after the hills".
pub fn entry_line(entry: &PainEntry, today: NaiveDate, dates: DateStyle) -> String {
    let mut parts = vec![
        dates.day_as_of(entry.date, today),
        format!("{}/10", entry.pain.value()),
    ];
    if !entry.areas.is_empty() {
        let areas: Vec<&str> = entry.areas.iter().map(|area| area.label()).collect();
        parts.push(areas.join("; "));
    }
    if entry.morning_stiffness {
        parts.push("stiff or sorer in the morning".to_string());
    }
    if !entry.note.is_empty() {
        parts.push(entry.note.clone());
    }
    parts.join(" · ")
}

/// The highest pain of a run: during or after, whichever is higher.
pub fn run_pain(run: &Run) -> Option<PainScore> {
    run.pain_during.max(run.pain_after)
}

/// Pain over one period of days.
#[derive(Clone, Debug, PartialEq)]
pub struct PeriodPain {
    /// First and last day of the period (inclusive).
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// The average of each recorded day's highest pain, 0–10.
    pub average: f64,
    /// The highest pain recorded in the period.
    pub highest: PainScore,
    /// How many days in the period have a pain number.
    pub days_recorded: usize,
}

/// Which way pain is heading.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TrendDirection {
    /// Average down by at least [`TREND_STEP`] points.
    Better,
    /// Within [`TREND_STEP`] points either way.
    Steady,
    /// Average up by at least [`TREND_STEP`] points.
    Worse,
    /// Nothing recorded in one of the two periods, so no comparison.
    NotEnoughData,
}

/// How far (on the 0–10 scale) the average must move to count as better or worse.
/// Smaller changes are day-to-day noise.
pub const TREND_STEP: f64 = 1.0;

/// The longest period a trend compares: a year against the year before.
pub const MAX_TREND_DAYS: u32 = 366;

/// Recent pain against the period before it, with a sentence for the dashboard.
#[derive(Clone, Debug, PartialEq)]
pub struct PainTrend {
    /// Length of each period in days.
    pub days: u32,
    /// The last `days` days, today included; `None` when nothing was recorded.
    pub recent: Option<PeriodPain>,
    /// The `days` days before that; `None` when nothing was recorded.
    pub previous: Option<PeriodPain>,
    pub direction: TrendDirection,
    /// Plain words: the averages, the direction and the zone of the highest recent score.
    pub description: String,
}

/// Pain over the last `days` days (today included) against the `days` days before.
/// Records dated after `today` are ignored. `days` is kept within 1 to [`MAX_TREND_DAYS`].
pub fn trend(
    runs: &[Run],
    pain: &[PainEntry],
    today: NaiveDate,
    days: u32,
    rule: PainRule,
) -> PainTrend {
    let days = days.clamp(1, MAX_TREND_DAYS);
    let span = u64::from(days) * 2;
    // Highest score per day, indexed by days before today: one pass over each list.
    let mut daily: Vec<Option<PainScore>> = vec![None; span as usize];
    let mut note = |date: NaiveDate, score: Option<PainScore>| {
        if score.is_none() || date > today {
            return;
        }
        let back = (today - date).num_days();
        if let Some(slot) = usize::try_from(back).ok().and_then(|i| daily.get_mut(i)) {
            *slot = (*slot).max(score);
        }
    };
    for run in runs {
        note(run.date, run_pain(run));
    }
    for entry in pain {
        note(entry.date, Some(entry.pain));
    }
    let period = |from_back: u64| -> Option<PeriodPain> {
        let slots = daily
            .iter()
            .skip(from_back as usize)
            .take(days as usize)
            .flatten();
        let mut total = 0u32;
        let mut count = 0usize;
        let mut highest: Option<PainScore> = None;
        for score in slots {
            total += u32::from(score.value());
            count += 1;
            highest = highest.max(Some(*score));
        }
        let to = back_from(today, from_back);
        Some(PeriodPain {
            from: back_from(to, u64::from(days) - 1),
            to,
            average: f64::from(total) / count as f64,
            highest: highest?,
            days_recorded: count,
        })
    };
    let recent = period(0);
    let previous = period(u64::from(days));
    let direction = match (&recent, &previous) {
        (Some(now), Some(before)) => {
            let change = now.average - before.average;
            if change >= TREND_STEP {
                TrendDirection::Worse
            } else if change <= -TREND_STEP {
                TrendDirection::Better
            } else {
                TrendDirection::Steady
            }
        }
        _ => TrendDirection::NotEnoughData,
    };
    let description = describe(days, recent.as_ref(), previous.as_ref(), direction, rule);
    PainTrend {
        days,
        recent,
        previous,
        direction,
        description,
    }
}

fn back_from(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_sub_days(Days::new(days))
        .unwrap_or(NaiveDate::MIN)
}

/// "2.5/10", "3/10": one decimal, a whole number without one.
fn score_words(value: f64) -> String {
    format!("{}/10", crate::domain::decimals::trimmed(value, 1))
}

fn period_words(days: u32) -> String {
    if days == 1 {
        "today".to_string()
    } else {
        format!("the last {days} days")
    }
}

fn describe(
    days: u32,
    recent: Option<&PeriodPain>,
    previous: Option<&PeriodPain>,
    direction: TrendDirection,
    rule: PainRule,
) -> String {
    let Some(now) = recent else {
        return match previous {
            Some(before) => format!(
                "No pain logged in {}. Before that your knee pain averaged {}. Log how it feels \
                 after your next run to keep the trend going.",
                period_words(days),
                score_words(before.average)
            ),
            None => format!(
                "No pain logged in {}. Note how your knee feels after runs, or in a quick daily \
                 entry, and the trend will show here.",
                period_words(days)
            ),
        };
    };
    let highest = now.highest;
    let zone = rule.zone(highest);
    let zone_sentence = match (rule, zone) {
        (PainRule::Recovery, PainZone::TooMuch) => format!(
            "The highest, {}/10, is above the {}/10 limit while the knee recovers.",
            highest.value(),
            rule.limit()
        ),
        _ => format!(
            "The highest, {}/10, is in the {} range ({}).",
            highest.value(),
            zone.label().to_lowercase(),
            rule.range(zone)
        ),
    };
    let average = score_words(now.average);
    let comparison = match (previous, direction) {
        (Some(before), TrendDirection::Better) => format!(
            ", down from {} the {days} days before: getting better",
            score_words(before.average)
        ),
        (Some(before), TrendDirection::Worse) => format!(
            ", up from {} the {days} days before: getting worse",
            score_words(before.average)
        ),
        (Some(before), _) => format!(
            ", about the same as the {days} days before ({})",
            score_words(before.average)
        ),
        (None, _) => format!(" (nothing logged in the {days} days before to compare with)"),
    };
    let mut text = format!(
        "Your knee pain averaged {average} over {}{comparison}. {zone_sentence}",
        period_words(days)
    );
    if direction == TrendDirection::Worse || zone == PainZone::TooMuch {
        text.push(' ');
        if zone == PainZone::TooMuch {
            text.push_str(&rule.ease_off());
        } else {
            text.push_str("Ease off: shorter, easier runs or rest until it settles.");
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::records::RecordId;
    use crate::domain::units::{Distance, Duration};

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn score(n: u8) -> PainScore {
        PainScore::new(n).unwrap()
    }

    fn entry(date: &str, pain: u8) -> PainEntry {
        PainEntry {
            id: RecordId::from_random_bits(u128::from(pain) + 1),
            updated_at: "2026-01-01T00:00:00Z".parse().unwrap(),
            date: day(date),
            pain: score(pain),
            areas: Vec::new(),
            morning_stiffness: false,
            note: String::new(),
        }
    }

    #[test]
    fn an_entry_reads_in_one_line_with_only_what_was_given() {
        let today = "2026-11-29".parse().unwrap();
        assert_eq!(
            entry_line(&entry("2026-11-26", 6), today, DateStyle::UK),
            "Thu 26 Nov · 6/10"
        );
        let full = PainEntry {
            areas: vec![crate::domain::records::KneeArea::Inner],
            morning_stiffness: true,
            note: "after the hills".into(),
            ..entry("2026-11-26", 6)
        };
        assert_eq!(
            entry_line(&full, today, DateStyle::UK),
            "Thu 26 Nov · 6/10 · Inner side · stiff or sorer in the morning · after the hills"
        );
    }

    fn run(date: &str, during: Option<u8>, after: Option<u8>) -> Run {
        Run {
            pain_during: during.map(score),
            pain_after: after.map(score),
            ..Run::easy(
                RecordId::from_random_bits(7),
                day(date),
                Distance::from_metres(5000.0),
                Duration::from_minutes(30),
            )
        }
    }

    #[test]
    fn zones_at_their_edges_under_each_rule() {
        use PainRule::{Recovery, Training};
        use PainZone::{Acceptable, Fine, TooMuch};
        let table = [
            (0, Fine, Fine),
            (3, Fine, Fine),
            (4, Acceptable, TooMuch),
            (5, Acceptable, TooMuch),
            (6, TooMuch, TooMuch),
            (10, TooMuch, TooMuch),
        ];
        for (value, training, recovery) in table {
            assert_eq!(Training.zone(score(value)), training, "{value}/10");
            assert_eq!(Recovery.zone(score(value)), recovery, "{value}/10");
        }
        assert_eq!(Training.range(TooMuch), "6–10/10");
        assert_eq!(Recovery.range(TooMuch), "4–10/10");
    }

    #[test]
    fn recovery_calls_5_of_10_too_much_where_training_calls_it_acceptable() {
        let runs = [run("2026-11-26", Some(5), None)];
        let training = trend(&runs, &[], day("2026-11-27"), 7, PainRule::Training);
        assert!(training
            .description
            .contains("5/10, is in the acceptable range (4–5/10)."));
        assert!(!training.description.contains("Ease off"));
        let recovery = trend(&runs, &[], day("2026-11-27"), 7, PainRule::Recovery);
        assert!(
            recovery
                .description
                .contains("5/10, is above the 3/10 limit while the knee recovers. Ease off"),
            "{}",
            recovery.description
        );
    }

    #[test]
    fn a_runs_pain_is_the_higher_of_during_and_after() {
        assert_eq!(
            run_pain(&run("2026-11-20", Some(2), Some(6))),
            Some(score(6))
        );
        assert_eq!(run_pain(&run("2026-11-20", Some(4), None)), Some(score(4)));
        assert_eq!(run_pain(&run("2026-11-20", None, None)), None);
    }

    #[test]
    fn nothing_logged_says_so() {
        let trend = trend(&[], &[], day("2026-11-27"), 7, PainRule::Training);
        assert_eq!(trend.direction, TrendDirection::NotEnoughData);
        assert!(trend.recent.is_none() && trend.previous.is_none());
        assert!(trend
            .description
            .starts_with("No pain logged in the last 7 days"));
    }

    #[test]
    fn better_worse_and_steady_by_one_point() {
        let today = day("2026-11-27");
        // Previous period (14–20 Nov) averages 4; the recent one (21–27 Nov) varies.
        let before = [entry("2026-11-15", 4), entry("2026-11-20", 4)];
        let table = [
            (3, TrendDirection::Better),
            (5, TrendDirection::Worse),
            (4, TrendDirection::Steady),
        ];
        for (now, expected) in table {
            let mut pain = before.to_vec();
            pain.push(entry("2026-11-27", now));
            let trend = trend(&[], &pain, today, 7, PainRule::Training);
            assert_eq!(trend.direction, expected, "{now}/10 against 4/10");
            assert_eq!(trend.previous.as_ref().unwrap().days_recorded, 2);
        }
    }

    #[test]
    fn a_day_counts_once_at_its_highest_and_runs_count() {
        let today = day("2026-11-27");
        let pain = [entry("2026-11-27", 2), entry("2026-11-27", 1)];
        let runs = [run("2026-11-26", Some(3), Some(6))];
        let trend = trend(&runs, &pain, today, 7, PainRule::Training);
        let recent = trend.recent.unwrap();
        assert_eq!(recent.days_recorded, 2);
        assert_eq!(recent.average, 4.0);
        assert_eq!(recent.highest, score(6));
        assert_eq!(recent.from, day("2026-11-21"));
        assert_eq!(recent.to, today);
        assert!(trend
            .description
            .contains("Your knee pain averaged 4/10 over the last 7 days"));
        assert!(trend.description.contains("6/10, is in the too much range"));
        assert!(trend.description.contains("Ease off"));
    }

    #[test]
    fn period_edges_and_future_dates() {
        let today = day("2026-11-27");
        // 21 Nov is the first day of the recent week, 20 Nov the last of the previous one,
        // 13 Nov is outside both, and tomorrow is ignored.
        let pain = [
            entry("2026-11-21", 2),
            entry("2026-11-20", 6),
            entry("2026-11-13", 10),
            entry("2026-11-28", 10),
        ];
        let trend = trend(&[], &pain, today, 7, PainRule::Training);
        assert_eq!(trend.recent.as_ref().unwrap().average, 2.0);
        assert_eq!(trend.previous.as_ref().unwrap().average, 6.0);
        assert_eq!(trend.direction, TrendDirection::Better);
        assert!(
            trend.description.contains("down from 6/10"),
            "{}",
            trend.description
        );
    }

    #[test]
    fn averages_show_one_decimal() {
        let today = day("2026-11-27");
        let pain = [entry("2026-11-27", 2), entry("2026-11-26", 3)];
        let trend = trend(&[], &pain, today, 7, PainRule::Training);
        assert!(trend.description.contains("averaged 2.5/10"));
        assert!(trend
            .description
            .contains("nothing logged in the 7 days before"));
    }
}
