//! Weekly change: running distance up more than 10% on the week before (the seed's rule, weak
//! evidence), or more than 30% over two weeks (Nielsen 2014).
//!
//! The 10% rule compares the last complete week with the week before, and also the current
//! week so far with the last complete week as soon as it is already more than 10% above it
//! (more runs can only add to it). Exactly 10% does not warn; a week after a week with no
//! running has no percentage and does not warn. The 30% rule compares the last complete
//! week with the week two before it, and the current week so far with the week before last.

use super::measure::more_than_percent;
use super::rule::{History, LoadRule, Rule, Severity, Warning};
use super::weeks::WeekSummary;
use super::words::percent_words;

/// The seed's weekly rule: more than this many percent on the week before warns.
pub const WEEKLY_LIMIT_PERCENT: f64 = 10.0;
/// More than this many percent over two weeks warns (Nielsen 2014).
pub const TWO_WEEK_LIMIT_PERCENT: f64 = 30.0;

/// Both weekly rules: [`Rule::WeeklyIncrease`] and [`Rule::TwoWeekIncrease`].
pub struct WeeklyChange;

impl LoadRule for WeeklyChange {
    /// The plan's own progression decides how much to run each week.
    fn defers_to_plan(&self) -> bool {
        true
    }

    fn warnings(&self, history: &History) -> Vec<Warning> {
        let mut warnings = Vec::new();
        weekly_rules(history, &mut warnings);
        warnings
    }
}

fn weekly_rules(history: &History, warnings: &mut Vec<Warning>) {
    let [.., two_before, before, last, this] = history.weeks else {
        return;
    };
    let m = |week: &WeekSummary| week.distance.metres();
    let d = |week: &WeekSummary| history.distance(week.distance.metres());
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
                history.week(last),
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
            date: history.today,
            seen: format!(
                "This week so far ({}) you have run {}, already {} more than the {} of last \
                 week.",
                history.week(this),
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

    let thirty_why = "A study that followed new runners found that those who added more than \
        30% to their weekly distance over two weeks were injured about 1.6 times as often. \
        That is better evidence than the 10% rule. (Source: Nielsen and colleagues, 2014.)";
    if more_than_percent(m(last), m(two_before), thirty) {
        warnings.push(Warning {
            rule: Rule::TwoWeekIncrease,
            severity: Severity::Caution,
            date: last.end,
            seen: format!(
                "Last week ({}) you ran {}, {} more than the {} of two weeks before ({}).",
                history.week(last),
                d(last),
                percent_words(m(last), m(two_before), thirty),
                d(two_before),
                history.week(two_before)
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
            date: history.today,
            seen: format!(
                "This week so far ({}) you have run {}, already {} more than the {} of the \
                 week before last ({}).",
                history.week(this),
                d(this),
                percent_words(m(this), m(before), thirty),
                d(before),
                history.week(before)
            ),
            why: thirty_why.to_string(),
            what_to_do: "Don't add more this week: make any other runs short and easy, or rest, \
                and hold steady next week."
                .to_string(),
        });
    }
}
#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::load::test_support::*;

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
        assert!(warning
            .why
            .contains("(Source: Nielsen and colleagues, 2014.)"));

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
}
