//! Pain: a run with pain above the limit of the pain rule in force (`domain::pain::PainRule`:
//! 5/10 in ordinary training by the pain-monitoring model, 3/10 while the knee recovers), and
//! a knee stiffer or sorer the next morning, both in the last
//! [`PAIN_RECENT_DAYS`](super::PAIN_RECENT_DAYS) days.

use chrono::NaiveDate;

use super::measure::{days_before, metres};
use super::rule::{History, LoadRule, Rule, Severity, Warning, PAIN_RECENT_DAYS};
use super::words::{count_words, join_words};
use crate::domain::pain::run_pain;
use crate::domain::records::{PainScore, Run};

/// Both pain rules: [`Rule::PainDuringRun`] and [`Rule::PainNextMorning`].
pub struct Pain;

impl LoadRule for Pain {
    /// The plan reads every run's pain and every pain entry, and steps back or holds with
    /// its reason: that reason is the warning on the plan, so the limit is said once.
    fn defers_to_plan(&self) -> bool {
        true
    }

    fn warnings(&self, history: &History) -> Vec<Warning> {
        pain_during_rule(history)
            .into_iter()
            .chain(next_morning_rule(history))
            .collect()
    }
}

fn pain_during_rule(history: &History) -> Option<Warning> {
    let sorted = history.runs;
    let from = history.pain_recent_from();
    let start = sorted.partition_point(|run| run.date < from);
    let rule = history.pain_rule;
    let limit = rule.limit();
    let too_much = |score: Option<PainScore>| score.is_some_and(|s| rule.is_too_much(s));
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
        history.day(run.date),
        history.distance(metres(run)),
        join_words(&parts)
    );
    let others = painful.len() - 1;
    if others > 0 {
        seen.push_str(&format!(
            " {} in the last week also went above {limit}/10.",
            count_words(others, "other run", "other runs")
        ));
    }
    Some(Warning {
        rule: Rule::PainDuringRun,
        severity: Severity::ReduceLoad,
        date: run.date,
        seen,
        why: rule.source().to_string(),
        what_to_do: format!(
            "Cut back: make the next runs shorter and slower, or rest for a day or two, until \
             pain stays at {limit}/10 or less. If it keeps going above {limit}/10, or you can't \
             bear weight, do a knee check or see a physiotherapist or GP."
        ),
    })
}

fn next_morning_rule(history: &History) -> Option<Warning> {
    let (sorted, pain) = (history.runs, history.pain);
    let from = history.pain_recent_from();
    // Highest pain per day over the window and the day before it, by days before today.
    let span = PAIN_RECENT_DAYS as usize + 1;
    let mut daily: Vec<Option<PainScore>> = vec![None; span];
    let index = |date: NaiveDate| -> Option<usize> {
        if date > history.today {
            return None;
        }
        usize::try_from((history.today - date).num_days())
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
        .filter(|e| e.date >= from && e.date <= history.today)
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
            history.day(date),
            now.value(),
            before.value()
        ),
        (false, Some((now, before))) => format!(
            "On {} your pain was {}/10, up from {}/10 the day before.",
            history.day(date),
            now.value(),
            before.value()
        ),
        _ => format!(
            "On {} you noted a stiff knee in the morning.",
            history.day(date)
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
        why: "A knee that is stiffer or sorer the next morning is the sign that the last load \
              was too much, even if the run itself felt fine: the rule of the pain-monitoring \
              approach used for knee and tendon pain. (Source: Silbernagel and colleagues, \
              2007.)"
            .to_string(),
        what_to_do: "Make your next run shorter and easier than the last one, or take a rest \
                     day. Build back up once mornings are no worse than the day before."
            .to_string(),
    })
}
#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::load::test_support::*;

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
        assert!(warning
            .why
            .contains("(Source: Silbernagel and colleagues, 2007.)"));
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
}
