//! Shoes: how far each pair has gone, when to think about replacing it, and a nudge to
//! rotate more than one pair.
//!
//! A shoe's total is its starting distance plus every run logged in it (whatever the run's
//! date or kind: the shoe wore either way). Status is measured against the runner's own
//! threshold (`Settings::shoe_threshold`): from 80% "getting worn", from 100% "past your
//! threshold". The seed's 300–500 miles is convention, not strong evidence, and the words say
//! so. Retired shoes keep their totals but raise no alerts.
//!
//! Rotation (Malisoux 2015: runners who used several pairs in parallel had fewer injuries,
//! hazard ratio 0.61): when the runs of the last six weeks that name a shoe were all in one
//! pair still in use, the report carries a gentle nudge. When none of them was in an active
//! pair (no shoes logged, or the only pair just retired) there is nothing to go on, so no
//! nudge.

use std::collections::HashMap;

use chrono::{Days, NaiveDate};

use crate::domain::decimals::fixed;
use crate::domain::records::{RecordId, Run, Settings, Shoe};
use crate::domain::units::{Distance, DistanceUnit};

/// From this fraction of the threshold a shoe is getting worn.
pub const NEAR_FRACTION: f64 = 0.8;
/// The rotation nudge looks at this many days back, today included.
pub const ROTATION_WINDOW_DAYS: u64 = 42;

/// Where a shoe stands against the runner's threshold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ShoeStatus {
    /// Under 80% of the threshold.
    Fine,
    /// 80% of the threshold or more.
    GettingWorn,
    /// At or past the threshold.
    PastThreshold,
}

impl ShoeStatus {
    /// The status of a shoe with `total` on it, for a `threshold`. An unusable threshold
    /// (zero, negative, not a number) falls back to the default one.
    pub fn of(total: Distance, threshold: Distance) -> ShoeStatus {
        let fraction = fraction_of(total, threshold);
        if fraction >= 1.0 {
            ShoeStatus::PastThreshold
        } else if fraction >= NEAR_FRACTION {
            ShoeStatus::GettingWorn
        } else {
            ShoeStatus::Fine
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ShoeStatus::Fine => "Fine",
            ShoeStatus::GettingWorn => "Getting worn",
            ShoeStatus::PastThreshold => "Past your threshold",
        }
    }
}

/// Something to tell the runner, in the same three parts as a load warning.
#[derive(Clone, Debug, PartialEq)]
pub struct ShoeAdvice {
    pub seen: String,
    pub why: String,
    pub what_to_do: String,
}

/// One shoe's wear.
#[derive(Clone, Debug, PartialEq)]
pub struct ShoeWear {
    pub id: RecordId,
    pub name: String,
    pub retired: bool,
    pub is_default: bool,
    /// Starting distance plus its runs.
    pub total: Distance,
    /// Runs logged in it.
    pub runs: usize,
    /// The latest run in it, up to today.
    pub last_run: Option<NaiveDate>,
    /// `total` as a fraction of the threshold (1.0 = at the threshold).
    pub fraction_of_threshold: f64,
    pub status: ShoeStatus,
    /// Set for active shoes from 80% of the threshold.
    pub alert: Option<ShoeAdvice>,
}

/// Every shoe, in the order given, and the rotation nudge.
#[derive(Clone, Debug, PartialEq)]
pub struct ShoeReport {
    pub shoes: Vec<ShoeWear>,
    /// Set when the last six weeks' runs with a shoe were all in one active pair.
    pub rotation: Option<ShoeAdvice>,
    /// Runs with no shoe, or a shoe that is not in the list.
    pub runs_without_shoe: usize,
}

impl ShoeReport {
    /// Alerts of active shoes, worst first.
    pub fn alerts(&self) -> impl Iterator<Item = (&ShoeWear, &ShoeAdvice)> {
        let mut alerts: Vec<(&ShoeWear, &ShoeAdvice)> = self
            .shoes
            .iter()
            .filter_map(|shoe| shoe.alert.as_ref().map(|alert| (shoe, alert)))
            .collect();
        crate::domain::sort::sort_by_key(&mut alerts, |(shoe, _)| std::cmp::Reverse(shoe.status));
        alerts.into_iter()
    }
}

/// Wear of every shoe and the rotation nudge, as of `today`.
pub fn shoe_report(
    shoes: &[Shoe],
    runs: &[Run],
    settings: &Settings,
    today: NaiveDate,
) -> ShoeReport {
    let unit = settings.units;
    let threshold = usable_threshold(settings.shoe_threshold);
    let rotation_from = today
        .checked_sub_days(Days::new(ROTATION_WINDOW_DAYS - 1))
        .unwrap_or(NaiveDate::MIN);

    #[derive(Default)]
    struct Tally {
        /// Runs before this day are already in the distance typed when the pair was added.
        counted_from: Option<NaiveDate>,
        metres: f64,
        runs: usize,
        last_run: Option<NaiveDate>,
        used_recently: bool,
    }
    let mut tallies: HashMap<&str, Tally> = shoes
        .iter()
        .map(|shoe| {
            let had_distance = shoe.start_distance.metres() > 0.0;
            let tally = Tally {
                counted_from: had_distance.then_some(shoe.added_on),
                ..Tally::default()
            };
            (shoe.id.as_str(), tally)
        })
        .collect();
    let mut runs_without_shoe = 0;
    for run in runs {
        let recent = run.date >= rotation_from && run.date <= today;
        let Some(tally) = run
            .shoe_id
            .as_ref()
            .and_then(|id| tallies.get_mut(id.as_str()))
        else {
            runs_without_shoe += 1;
            continue;
        };
        let metres = run.distance.metres();
        let in_start_distance = tally.counted_from.is_some_and(|from| run.date < from);
        if metres.is_finite() && metres > 0.0 && !in_start_distance {
            tally.metres += metres;
        }
        tally.runs += 1;
        if run.date <= today {
            tally.last_run = tally.last_run.max(Some(run.date));
        }
        tally.used_recently |= recent;
    }

    let wear: Vec<ShoeWear> = shoes
        .iter()
        .map(|shoe| {
            let tally = tallies.get(shoe.id.as_str());
            let start = shoe.start_distance.metres();
            let start = if start.is_finite() && start > 0.0 {
                start
            } else {
                0.0
            };
            let total = Distance::from_metres(start + tally.map_or(0.0, |t| t.metres));
            let status = ShoeStatus::of(total, threshold);
            let alert = if shoe.retired {
                None
            } else {
                wear_advice(&shoe.name, total, threshold, status, unit)
            };
            ShoeWear {
                id: shoe.id.clone(),
                name: shoe.name.clone(),
                retired: shoe.retired,
                is_default: settings.default_shoe.as_ref() == Some(&shoe.id),
                total,
                runs: tally.map_or(0, |t| t.runs),
                last_run: tally.and_then(|t| t.last_run),
                fraction_of_threshold: fraction_of(total, threshold),
                status,
                alert,
            }
        })
        .collect();

    let used: Vec<&Shoe> = shoes
        .iter()
        .filter(|shoe| !shoe.retired)
        .filter(|shoe| {
            tallies
                .get(shoe.id.as_str())
                .is_some_and(|t| t.used_recently)
        })
        .collect();
    // With no active pair in recent runs we know nothing about the shoes in use now (runs
    // logged without a shoe, or the only pair just retired), so there is nothing to say.
    let rotation = match used.as_slice() {
        [only] => Some(rotation_advice(&only.name)),
        _ => None,
    };

    ShoeReport {
        shoes: wear,
        rotation,
        runs_without_shoe,
    }
}

fn usable_threshold(threshold: Distance) -> Distance {
    let metres = threshold.metres();
    if metres.is_finite() && metres > 0.0 {
        threshold
    } else {
        Settings::default().shoe_threshold
    }
}

fn fraction_of(total: Distance, threshold: Distance) -> f64 {
    let fraction = total.metres() / usable_threshold(threshold).metres();
    if fraction.is_finite() {
        fraction
    } else {
        0.0
    }
}

fn wear_advice(
    name: &str,
    total: Distance,
    threshold: Distance,
    status: ShoeStatus,
    unit: DistanceUnit,
) -> Option<ShoeAdvice> {
    let why = "Shoes lose some of their cushioning as they wear. Replacing them after 300–500 \
               miles (about 500–800 km) is a common convention rather than something research \
               has pinned down, so your threshold is a reminder, not a deadline."
        .to_string();
    let name = if name.trim().is_empty() {
        "This pair"
    } else {
        name.trim()
    };
    let percent = (fraction_of(total, threshold) * 100.0).floor();
    match status {
        ShoeStatus::Fine => None,
        ShoeStatus::GettingWorn => Some(ShoeAdvice {
            seen: format!(
                "{name} have {} on them, {}% of the {} you set as the time to replace \
                 them.",
                whole_distance(total, unit),
                fixed(percent, 0),
                whole_distance(threshold, unit)
            ),
            why,
            what_to_do: "Start looking for the next pair, and run in it alongside this one for \
                         a few weeks so the change is gradual."
                .to_string(),
        }),
        ShoeStatus::PastThreshold => Some(ShoeAdvice {
            seen: format!(
                "{name} have {} on them, past the {} you set as the time to replace them.",
                whole_distance(total, unit),
                whole_distance(threshold, unit)
            ),
            why,
            what_to_do: "Think about replacing them soon, and break the new pair in on short, \
                         easy runs. If new aches show up when you run in these, switch sooner. \
                         When you stop using them, mark them retired."
                .to_string(),
        }),
    }
}

/// "614 km": a shoe's wear in whole kilometres or miles; tenths mean nothing on a shoe.
pub fn whole_distance(distance: Distance, unit: DistanceUnit) -> String {
    let value = distance.in_unit(unit);
    let value = if value.is_finite() {
        value.round().max(0.0)
    } else {
        0.0
    };
    format!("{} {}", fixed(value, 0), unit.abbreviation())
}

fn rotation_advice(only_pair: &str) -> ShoeAdvice {
    let seen = format!(
        "In the last 6 weeks every run with a shoe recorded was in the same pair ({}).",
        only_pair.trim()
    );
    ShoeAdvice {
        seen,
        why: "In a study of recreational runners (Malisoux 2015), those who used more than one \
              pair in parallel had fewer running injuries (hazard ratio 0.61, about 40% lower). \
              It may be the variety of loads rather than the shoes themselves, but it is an easy \
              change."
            .to_string(),
        what_to_do: "If you can, keep two or three pairs going (different models help) and \
                     alternate between them."
            .to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::units::Duration;

    const TODAY: &str = "2026-11-27";

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn id(text: &str) -> RecordId {
        RecordId::try_from(text.to_string()).unwrap()
    }

    fn shoe(name: &str, start_km: f64) -> Shoe {
        Shoe {
            id: id(name),
            updated_at: "2026-01-01T00:00:00Z".parse().unwrap(),
            name: name.to_string(),
            added_on: day("2026-01-01"),
            start_distance: Distance::from_metres(start_km * 1000.0),
            retired: false,
        }
    }

    fn run(date: &str, km: f64, shoe: Option<&str>) -> Run {
        Run {
            shoe_id: shoe.map(id),
            ..Run::easy(
                RecordId::from_random_bits(1),
                day(date),
                Distance::from_metres(km * 1000.0),
                Duration::from_minutes(30),
            )
        }
    }

    fn report(shoes: &[Shoe], runs: &[Run]) -> ShoeReport {
        shoe_report(shoes, runs, &Settings::default(), day(TODAY))
    }

    #[test]
    fn status_at_80_and_100_percent() {
        let threshold = Distance::from_metres(800_000.0);
        let table = [
            (0.0, ShoeStatus::Fine),
            (639_999.0, ShoeStatus::Fine),
            (640_000.0, ShoeStatus::GettingWorn),
            (799_999.0, ShoeStatus::GettingWorn),
            (800_000.0, ShoeStatus::PastThreshold),
            (1_200_000.0, ShoeStatus::PastThreshold),
        ];
        for (metres, status) in table {
            assert_eq!(
                ShoeStatus::of(Distance::from_metres(metres), threshold),
                status,
                "{metres} m"
            );
        }
        // An unusable threshold falls back to the default 800 km.
        assert_eq!(
            ShoeStatus::of(Distance::from_metres(700_000.0), Distance::ZERO),
            ShoeStatus::GettingWorn
        );
    }

    #[test]
    fn totals_are_start_distance_plus_runs() {
        let shoes = [shoe("a", 100.0), shoe("b", 0.0)];
        let runs = [
            run("2026-11-20", 10.0, Some("a")),
            run("2026-11-25", 5.5, Some("a")),
            run("2026-11-26", 8.0, Some("b")),
            run("2026-11-26", 8.0, None),
            run("2026-11-26", 8.0, Some("gone")),
        ];
        let report = report(&shoes, &runs);
        assert_eq!(report.shoes[0].total.metres(), 115_500.0);
        assert_eq!(report.shoes[0].runs, 2);
        assert_eq!(report.shoes[0].last_run, Some(day("2026-11-25")));
        assert_eq!(report.shoes[1].total.metres(), 8_000.0);
        assert_eq!(report.runs_without_shoe, 2);
        assert!(report.shoes.iter().all(|s| s.alert.is_none()));
        assert!(report.rotation.is_none(), "two pairs in use");
    }

    /// The distance typed when a pair is added is what it had on that day: runs logged
    /// later but dated before it are in that distance already, and count once. A new pair
    /// (nothing typed) counts every run logged with it, however old.
    #[test]
    fn runs_before_a_pair_was_added_with_its_distance_count_once() {
        let mut worn = shoe("worn", 300.0);
        worn.added_on = day("2026-11-20");
        let mut new = shoe("new", 0.0);
        new.added_on = day("2026-11-20");
        let runs = [
            run("2026-11-10", 10.0, Some("worn")), // in the 300 km typed
            run("2026-11-20", 5.0, Some("worn")),
            run("2026-11-24", 8.0, Some("worn")),
            run("2026-11-10", 10.0, Some("new")), // back-filled: nothing typed covers it
            run("2026-11-24", 8.0, Some("new")),
        ];
        let report = report(&[worn, new], &runs);
        assert_eq!(report.shoes[0].total.metres(), 313_000.0);
        assert_eq!(report.shoes[0].runs, 3);
        assert_eq!(report.shoes[1].total.metres(), 18_000.0);
    }

    #[test]
    fn alerts_in_plain_words_in_the_runners_unit() {
        let shoes = [shoe("Pegasus", 650.0), shoe("Clifton", 800.0)];
        let report = report(&shoes, &[]);
        let near = report.shoes[0].alert.as_ref().unwrap();
        assert_eq!(
            near.seen,
            "Pegasus have 650 km on them, 81% of the 800 km you set as the time to replace them."
        );
        assert!(near.why.contains("300–500 miles"));
        let past = report.shoes[1].alert.as_ref().unwrap();
        assert!(past.seen.contains("past the 800 km"));
        let worst: Vec<&str> = report.alerts().map(|(s, _)| s.name.as_str()).collect();
        assert_eq!(worst, ["Clifton", "Pegasus"]);

        // 400 mi threshold, shown in miles.
        let settings = Settings {
            units: DistanceUnit::Mi,
            shoe_threshold: Distance::from_unit(400.0, DistanceUnit::Mi),
            ..Settings::default()
        };
        let miles = [Shoe {
            start_distance: Distance::from_unit(320.0, DistanceUnit::Mi),
            ..shoe("Ghost", 0.0)
        }];
        let report = shoe_report(&miles, &[], &settings, day(TODAY));
        assert_eq!(
            report.shoes[0].alert.as_ref().unwrap().seen,
            "Ghost have 320 mi on them, 80% of the 400 mi you set as the time to replace them."
        );
    }

    #[test]
    fn retired_shoes_keep_totals_but_raise_nothing() {
        let mut old = shoe("old", 900.0);
        old.retired = true;
        let report = report(&[old], &[]);
        assert_eq!(report.shoes[0].status, ShoeStatus::PastThreshold);
        assert!(report.shoes[0].alert.is_none());
    }

    #[test]
    fn rotation_nudge_for_one_active_pair_in_six_weeks() {
        let shoes = [shoe("a", 0.0), shoe("b", 0.0)];
        // The window is 17 Oct–27 Nov (42 days): only "a" in it; "b" last ran 16 Oct.
        let runs = [
            run("2026-10-16", 5.0, Some("b")),
            run("2026-10-17", 5.0, Some("a")),
            run("2026-11-26", 5.0, Some("a")),
        ];
        let nudge = report(&shoes, &runs).rotation.unwrap();
        assert_eq!(
            nudge.seen,
            "In the last 6 weeks every run with a shoe recorded was in the same pair (a)."
        );
        assert!(nudge.why.contains("Malisoux 2015") && nudge.why.contains("0.61"));

        // "b" on 17 Oct, the oldest day in the window, counts.
        let mut two = runs.to_vec();
        two.push(run("2026-10-17", 5.0, Some("b")));
        assert!(report(&shoes, &two).rotation.is_none());

        // Nothing known: no shoes on runs, or no runs at all.
        assert!(report(&shoes, &[run("2026-11-26", 5.0, None)])
            .rotation
            .is_none());
        assert!(report(&shoes, &[]).rotation.is_none());

        // The only pair used has since been retired: nothing to go on.
        let mut retired = shoes.to_vec();
        retired[0].retired = true;
        assert!(report(&retired, &runs[2..]).rotation.is_none());
    }

    #[test]
    fn default_shoe_is_marked() {
        let settings = Settings {
            default_shoe: Some(id("b")),
            ..Settings::default()
        };
        let report = shoe_report(
            &[shoe("a", 0.0), shoe("b", 0.0)],
            &[],
            &settings,
            day(TODAY),
        );
        let defaults: Vec<bool> = report.shoes.iter().map(|s| s.is_default).collect();
        assert_eq!(defaults, [false, true]);
    }
}
