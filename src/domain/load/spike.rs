//! Single-run spike (Frandsen 2025): a run longer than the longest run of the 30 days before it.
//!
//! Each run in the last [`RECENT_DAYS`](super::RECENT_DAYS) days is compared with the longest
//! run of the 30 days before its date (that day not included). Bands: more than 10% up to
//! 30% (HR 1.64), more than 30% up to 100% (HR 1.52), more than 100% (HR 2.28). No run in
//! those 30 days: no comparison, no warning.

use super::measure::{days_before, is_running, metres, more_than_percent};
use super::rule::{History, LoadRule, Rule, Severity, Warning};
use super::words::{count_words, percent_words};
use crate::domain::records::Run;

/// How far back a run is compared for the single-run spike (Frandsen 2025).
pub const SPIKE_LOOKBACK_DAYS: u64 = 30;

/// [`Rule::SingleRunSpike`].
pub struct Spike;

impl LoadRule for Spike {
    /// On the plan a run is measured against the step, not against the weeks before the
    /// injury: "bring your next long run back to about 3.2 mi" would contradict the plan's
    /// 20-minute runs. The plan names a run longer than its step instead.
    fn defers_to_plan(&self) -> bool {
        true
    }

    fn warnings(&self, history: &History) -> Vec<Warning> {
        spike_rule(history).into_iter().collect()
    }
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
            SpikeBand::UpTo30 => "about 1.6 times as often",
            SpikeBand::UpTo100 => "about 1.5 times as often",
            SpikeBand::Over100 => "more than twice as often",
        }
    }
}

fn spike_rule(history: &History) -> Option<Warning> {
    let sorted = history.runs;
    let first_recent = sorted.partition_point(|run| run.date < history.recent_from());
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
        history.day(run.date),
        history.distance(length),
        percent_words(length, longest, 10.0),
        history.distance(longest)
    );
    if others > 0 {
        seen.push_str(&format!(
            " {} in the last two weeks {} also a jump like this.",
            count_words(others, "other run", "other runs"),
            if others == 1 { "was" } else { "were" }
        ));
    }
    let why = format!(
        "This is the strongest evidence there is for runners. A study that followed 5,205 \
         runners found that a single run {} than the longest of the 30 days before it was \
         followed by an injury {}. Weekly totals showed no such link; the single long run \
         did. (Source: Frandsen and colleagues, 2025.)",
        band.range(),
        band.risk_words()
    );
    let what_to_do = match band {
        SpikeBand::UpTo30 => format!(
            "Keep the next few runs shorter and easy, and make your next long run no longer \
             than this one ({}). From then on, let your longest run grow by no more than about \
             10% at a time.",
            history.distance(length)
        ),
        SpikeBand::UpTo100 | SpikeBand::Over100 => format!(
            "Give your knee a few easy days: keep the next runs short and gentle. Bring your \
             next long run back to about {} and build from there by no more than about 10% at \
             a time.",
            history.distance(longest)
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
#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::load::test_support::*;

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
                // The study's hazard ratio, in words a runner reads.
                let times = match band.hazard_ratio() {
                    r if r >= 2.0 => "more than twice as often",
                    r if r >= 1.55 => "about 1.6 times as often",
                    _ => "about 1.5 times as often",
                };
                assert!(warning.why.contains(times), "{}", warning.why);
                assert!(warning
                    .why
                    .contains("(Source: Frandsen and colleagues, 2025.)"));
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
        assert!(warning.why.contains("about 1.5 times as often"));
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
}
