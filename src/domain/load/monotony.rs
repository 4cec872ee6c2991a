//! Monotony: the last six or more runs all within ±5% of their average distance and ±3% of
//! their average pace, the latest within the last [`RECENT_DAYS`](super::RECENT_DAYS) days.

use super::measure::{is_running, metres, pace_seconds};
use super::rule::{History, LoadRule, Rule, Severity, Warning};
use crate::domain::records::Run;
use crate::domain::units::{Distance, Duration, Pace};

/// How many runs in a row must be alike to call training monotonous.
pub const MONOTONY_RUNS: usize = 6;
/// "Alike": within this fraction of the average distance…
pub const MONOTONY_DISTANCE: f64 = 0.05;
/// …and of the average pace.
pub const MONOTONY_PACE: f64 = 0.03;

/// [`Rule::Monotony`].
pub struct Monotony;

impl LoadRule for Monotony {
    /// The plan asks for the same easy session every other day: "every run the same" would
    /// contradict it.
    fn defers_to_plan(&self) -> bool {
        true
    }

    fn warnings(&self, history: &History) -> Vec<Warning> {
        monotony_rule(history).into_iter().collect()
    }
}

fn monotony_rule(history: &History) -> Option<Warning> {
    let sorted = history.runs;
    // Running sessions with a usable pace, newest first.
    let mut newest_first = sorted
        .iter()
        .rev()
        .filter(|run| is_running(run))
        .filter_map(|run| Some((*run, metres(run), pace_seconds(run)?)));
    let window: Vec<(&Run, f64, f64)> = newest_first.by_ref().take(MONOTONY_RUNS).collect();
    let &(latest, _, _) = window.first()?;
    if window.len() < MONOTONY_RUNS || latest.date < history.recent_from() {
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
        format!(" at about {}", pace.display(history.unit))
    });
    let range = if history.distance(shortest) == history.distance(longest) {
        String::new()
    } else {
        format!(
            " ({} to {})",
            history.distance(shortest),
            history.distance(longest)
        )
    };
    Some(Warning {
        rule: Rule::Monotony,
        severity: Severity::Notice,
        date: latest.date,
        seen: format!(
            "Your last {count} runs were all about {}{range}{pace}.",
            history.distance(mean_metres)
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
#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::load::test_support::*;

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
}
