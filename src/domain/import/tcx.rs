//! Garmin's Training Center XML: one activity per `<Activity>`, totals from its laps.
//!
//! - Sport: the `Sport` attribute (`Running`, `Biking`, `Other`).
//! - Start: the first lap's `StartTime` (else the activity's `<Id>`).
//! - Distance and moving time: the sums of the laps' `DistanceMeters` and
//!   `TotalTimeSeconds` (the watch's timer time).
//! - Elapsed: from the start to the later of the last track point and the end of the last
//!   lap; never less than the moving time.
//! - Heart rate: the laps' `AverageHeartRateBpm`, weighted by lap time.
//! - Cadence: the laps' `Cadence` or `Extensions/LX/AvgRunCadence`, weighted by lap time.
//!   Both are per leg; for a run they are doubled to steps per minute.
//! - Climb: from the track points' `AltitudeMeters` (see [`track::elevation_gain`]).

use chrono::{DateTime, Utc};
use roxmltree::{Document, Node};

use super::track;
use super::{ActivitySummary, Format, ImportError, Parsed, SkipReason, Skipped, Sport};

fn is(node: &Node, name: &str) -> bool {
    node.is_element() && node.tag_name().name() == name
}

fn child<'a, 'input>(node: Node<'a, 'input>, name: &str) -> Option<Node<'a, 'input>> {
    node.children().find(|c| is(c, name))
}

fn number(node: Option<Node>) -> Option<f64> {
    node.and_then(|n| n.text())
        .and_then(|t| t.trim().parse::<f64>().ok())
        .filter(|v| v.is_finite())
}

fn time(text: Option<&str>) -> Option<DateTime<Utc>> {
    text.and_then(|t| t.trim().parse::<DateTime<Utc>>().ok())
}

/// A lap-time-weighted mean of per-lap values.
fn weighted(pairs: &[(f64, f64)]) -> Option<f64> {
    let total: f64 = pairs.iter().map(|(_, w)| w).sum();
    if total > 0.0 {
        Some(pairs.iter().map(|(v, w)| v * w).sum::<f64>() / total)
    } else {
        track::mean(pairs.iter().map(|(v, _)| *v))
    }
}

pub fn parse(name: &str, document: &Document) -> Result<Parsed, ImportError> {
    let mut parsed = Parsed::default();
    for activity in document.descendants().filter(|n| is(n, "Activity")) {
        match activity_summary(name, activity) {
            Some(summary) => parsed.push(summary),
            None => parsed.skipped.push(Skipped {
                summary: None,
                reason: SkipReason::Unreadable(
                    "An activity in this file has no laps with a start time.".to_string(),
                ),
            }),
        }
    }
    if parsed.activities.is_empty() && parsed.skipped.is_empty() {
        return Err(ImportError::NoActivities);
    }
    Ok(parsed)
}

fn activity_summary(name: &str, activity: Node) -> Option<ActivitySummary> {
    let sport = Sport::from_name(activity.attribute("Sport").unwrap_or(""));
    let laps: Vec<Node> = activity.children().filter(|n| is(n, "Lap")).collect();
    let start = laps
        .iter()
        .filter_map(|lap| time(lap.attribute("StartTime")))
        .min()
        .or_else(|| time(child(activity, "Id").and_then(|id| id.text())))?;

    let mut distance_m = 0.0;
    let mut moving_s = 0.0;
    let mut lap_end = start;
    let mut heart_rates = Vec::new();
    let mut cadences = Vec::new();
    for lap in &laps {
        let seconds = number(child(*lap, "TotalTimeSeconds"))
            .unwrap_or(0.0)
            .max(0.0);
        moving_s += seconds;
        distance_m += number(child(*lap, "DistanceMeters"))
            .unwrap_or(0.0)
            .max(0.0);
        // Checked: a corrupt lap time (1e13 s) must not overflow the calendar.
        let lap_end_here = time(lap.attribute("StartTime")).and_then(|lap_start| {
            lap_start.checked_add_signed(chrono::TimeDelta::try_milliseconds(
                (seconds * 1000.0) as i64,
            )?)
        });
        if let Some(end) = lap_end_here {
            lap_end = lap_end.max(end);
        }
        if let Some(hr) = number(child(*lap, "AverageHeartRateBpm").and_then(|n| child(n, "Value")))
        {
            heart_rates.push((hr, seconds));
        }
        let run_cadence = child(*lap, "Extensions")
            .and_then(|ext| ext.descendants().find(|n| is(n, "AvgRunCadence")));
        if let Some(cadence) = number(run_cadence).or_else(|| number(child(*lap, "Cadence"))) {
            if cadence > 0.0 {
                cadences.push((cadence, seconds));
            }
        }
    }

    let last_point = activity
        .descendants()
        .filter(|n| is(n, "Trackpoint"))
        .filter_map(|p| time(child(p, "Time").and_then(|t| t.text())))
        .max();
    let end = last_point.map_or(lap_end, |p| p.max(lap_end));
    let elapsed_s = ((end - start).num_milliseconds() as f64 / 1000.0).max(moving_s);
    let elevations = activity
        .descendants()
        .filter(|n| is(n, "AltitudeMeters"))
        .filter_map(|n| number(Some(n)));
    let per_leg = weighted(&cadences);
    let avg_cadence_spm = per_leg.map(|c| if sport.is_on_foot() { c * 2.0 } else { c });

    Some(ActivitySummary {
        sport,
        start: Some(start),
        distance_m,
        moving_s,
        elapsed_s,
        avg_cadence_spm,
        avg_hr: weighted(&heart_rates),
        elevation_gain_m: track::elevation_gain(elevations),
        title: child(activity, "Notes")
            .and_then(|n| n.text())
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_string),
        source_name: name.to_string(),
        format: Format::Tcx,
    })
}

#[cfg(test)]
mod tests {
    use super::super::parse_file;
    use super::*;

    const TWO_LAPS: &str = r#"<?xml version="1.0"?>
<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"
  xmlns:ns3="http://www.garmin.com/xmlschemas/ActivityExtension/v2">
 <Activities><Activity Sport="Running"><Id>2024-05-01T06:00:00Z</Id>
  <Lap StartTime="2024-05-01T06:00:00Z"><TotalTimeSeconds>300</TotalTimeSeconds>
   <DistanceMeters>1000</DistanceMeters><AverageHeartRateBpm><Value>140</Value></AverageHeartRateBpm>
   <Extensions><ns3:LX><ns3:AvgRunCadence>84</ns3:AvgRunCadence></ns3:LX></Extensions></Lap>
  <Lap StartTime="2024-05-01T06:06:00Z"><TotalTimeSeconds>100</TotalTimeSeconds>
   <DistanceMeters>400</DistanceMeters><AverageHeartRateBpm><Value>160</Value></AverageHeartRateBpm>
   <Cadence>92</Cadence></Lap>
 </Activity></Activities>
</TrainingCenterDatabase>"#;

    #[test]
    fn totals_come_from_the_laps_and_running_cadence_is_doubled() {
        let parsed = parse_file("intervals.tcx", TWO_LAPS.as_bytes()).unwrap();
        let run = &parsed.activities[0];
        assert_eq!(run.sport, Sport::Running);
        assert_eq!(run.distance_m, 1400.0);
        assert_eq!(run.moving_s, 400.0);
        // The minute's rest between laps counts to elapsed time only.
        assert_eq!(run.elapsed_s, 460.0);
        assert_eq!(run.avg_hr, Some(145.0));
        // TCX stores cadence per leg: (84×300 + 92×100) / 400 = 86, doubled = 172 spm.
        assert_eq!(run.avg_cadence_spm, Some(172.0));
    }

    #[test]
    fn each_activity_is_its_own_run() {
        let second = r#"<Activity Sport="Running"><Id>2024-05-02T06:00:00Z</Id>
  <Lap StartTime="2024-05-02T06:00:00Z"><TotalTimeSeconds>600</TotalTimeSeconds>
   <DistanceMeters>2000</DistanceMeters></Lap>
 </Activity></Activities>"#;
        let two = TWO_LAPS.replace("</Activity></Activities>", &format!("</Activity>{second}"));
        let parsed = parse_file("two.tcx", two.as_bytes()).unwrap();
        let found: Vec<(String, f64, f64)> = parsed
            .activities
            .iter()
            .map(|a| {
                (
                    a.start.map(|s| s.to_rfc3339()).unwrap_or_default(),
                    a.distance_m,
                    a.moving_s,
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                ("2024-05-01T06:00:00+00:00".to_string(), 1400.0, 400.0),
                ("2024-05-02T06:00:00+00:00".to_string(), 2000.0, 600.0),
            ]
        );
    }

    #[test]
    fn a_bike_activity_is_skipped_and_its_cadence_is_not_doubled() {
        let ride = TWO_LAPS.replace("Sport=\"Running\"", "Sport=\"Biking\"");
        let parsed = parse_file("ride.tcx", ride.as_bytes()).unwrap();
        assert!(parsed.activities.is_empty());
        let summary = parsed.skipped[0].summary.as_ref().unwrap();
        assert_eq!(summary.sport, Sport::Cycling);
        assert_eq!(summary.avg_cadence_spm, Some(86.0));
    }
}
