//! The acute:chronic ratio (Gabbett 2016), shown as information, never as a verdict: running
//! distance of the last 7 days against the average week of the last 28 days (today included
//! in both); `None` until the first run is 27 days before today, or when there was no running
//! in the 28 days.

use super::measure::{days_before, is_running, metres};
use super::rule::History;
use crate::domain::decimals::fixed;
use crate::domain::units::Distance;

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
pub const ACWR_CAVEAT: &str = "This number is information, not a verdict. A review of team \
sports called ratios of 0.8–1.3 a \"sweet spot\" and 1.5 or more a \"danger zone\", but later \
work showed the maths and the evidence behind those labels are weak, and a large study of \
runners found weekly ratios predicted nothing. The single-run and pain warnings are better \
guides. (Sources: Gabbett 2016; Lolli 2019; Impellizzeri 2020; Frandsen 2025.)";

pub fn acute_chronic(history: &History) -> Option<AcuteChronic> {
    let sorted = history.runs;
    let today = history.today;
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
        "Last 7 days: {}. Your average week over the last 4 weeks: {}. Ratio {}: your last 7 \
         days were {}.",
        history.distance(acute),
        history.distance(chronic_weekly),
        fixed(ratio, 2),
        if (ratio - 1.0).abs() < 0.05 {
            "about the same as your average week".to_string()
        } else if ratio > 1.0 {
            format!(
                "{}% more than your average week",
                fixed((ratio - 1.0) * 100.0, 0)
            )
        } else {
            format!(
                "{}% less than your average week",
                fixed((1.0 - ratio) * 100.0, 0)
            )
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
#[cfg(test)]
mod tests {
    use crate::domain::load::test_support::*;

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
}
