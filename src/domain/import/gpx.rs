//! GPX 1.1 (and 1.0) tracks: each `<trk>` is one activity (a multi-day trip's "Day 01" and
//! "Day 02" are two), its segments joined.
//!
//! - Times are required: a route (`<rte>`) or a file whose tracks have no `<time>` on their
//!   points is a plan, not a run, and is refused; one untimed track beside timed ones is
//!   left out with the reason. Points without a time in a timed track are ignored.
//! - Distance: haversine between consecutive timed points.
//! - Elapsed: first to last point time. Moving: the intervals covered at 0.5 m/s or faster
//!   (see [`track::STOPPED_BELOW_M_PER_S`]), so stops at lights and auto-paused gaps drop out.
//! - Climb: see [`track::elevation_gain`].
//! - Cadence (Garmin's `TrackPointExtension` `cad`): per leg, doubled for runs; zero
//!   readings (standing) are left out of the mean. Heart rate: mean of the `hr` readings.
//! - Sport: the track's `<type>`; none means [`Sport::Unspecified`]. Title: its `<name>`.

use chrono::{DateTime, Utc};
use roxmltree::{Document, Node};

use super::track::{self, Point};
use super::{ActivitySummary, Format, ImportError, Parsed, SkipReason, Skipped, Sport};

fn child<'a, 'input>(node: Node<'a, 'input>, name: &str) -> Option<Node<'a, 'input>> {
    node.children()
        .find(|c| c.is_element() && c.tag_name().name() == name)
}

fn child_text<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    child(node, name).and_then(|c| c.text()).map(str::trim)
}

pub fn parse(name: &str, document: &Document) -> Result<Parsed, ImportError> {
    let root = document.root_element();
    let tracks: Vec<Track> = root
        .children()
        .filter(|n| n.is_element() && n.tag_name().name() == "trk")
        .map(read_track)
        .collect();
    let usable = tracks.iter().filter(|t| t.points.len() >= 2).count();
    if usable == 0 {
        let has_route = root
            .descendants()
            .any(|n| n.is_element() && n.tag_name().name() == "rtept");
        if tracks.iter().any(|t| t.untimed > 0) || has_route {
            return Err(ImportError::RouteWithoutTimes);
        }
        return Err(ImportError::NoActivities);
    }

    let mut parsed = Parsed::default();
    let count = tracks.len();
    for (index, track) in tracks.into_iter().enumerate() {
        if track.points.len() >= 2 {
            parsed.push(summary(name, track));
        } else if track.untimed > 0 || !track.points.is_empty() {
            let which = match &track.title {
                Some(title) => format!("Track \"{title}\""),
                None => format!("Track {} of {count}", index + 1),
            };
            let why = if track.points.is_empty() {
                "has no times, so it can't be a run you did"
            } else {
                "has only one point with a time, so it has no distance or time"
            };
            parsed.skipped.push(Skipped {
                summary: None,
                reason: SkipReason::Unreadable(format!("{which} in this file {why}.")),
            });
        }
    }
    Ok(parsed)
}

/// What one `<trk>` holds: its timed points and what they carry.
struct Track {
    sport: Sport,
    title: Option<String>,
    points: Vec<Point>,
    /// Points with a position but no time.
    untimed: usize,
    elevations: Vec<f64>,
    cadences: Vec<f64>,
    heart_rates: Vec<f64>,
}

fn read_track(trk: Node) -> Track {
    let mut track = Track {
        sport: child_text(trk, "type")
            .map(Sport::from_name)
            .unwrap_or(Sport::Unspecified),
        title: child_text(trk, "name")
            .filter(|t| !t.is_empty())
            .map(str::to_string),
        points: Vec::new(),
        untimed: 0,
        elevations: Vec::new(),
        cadences: Vec::new(),
        heart_rates: Vec::new(),
    };
    for trkpt in trk
        .descendants()
        .filter(|n| n.is_element() && n.tag_name().name() == "trkpt")
    {
        let lat = trkpt
            .attribute("lat")
            .and_then(|v| v.trim().parse::<f64>().ok());
        let lon = trkpt
            .attribute("lon")
            .and_then(|v| v.trim().parse::<f64>().ok());
        let time = child_text(trkpt, "time").and_then(|t| t.parse::<DateTime<Utc>>().ok());
        let (Some(lat), Some(lon)) = (lat, lon) else {
            continue;
        };
        if !(lat.is_finite() && lon.is_finite() && lat.abs() <= 90.0 && lon.abs() <= 180.0) {
            continue;
        }
        let Some(time) = time else {
            track.untimed += 1;
            continue;
        };
        track.points.push(Point { lat, lon, time });
        if let Some(ele) = child_text(trkpt, "ele").and_then(|e| e.parse::<f64>().ok()) {
            track.elevations.push(ele);
        }
        if let Some(extensions) = child(trkpt, "extensions") {
            for node in extensions.descendants().filter(|n| n.is_element()) {
                let value = node.text().and_then(|t| t.trim().parse::<f64>().ok());
                match (node.tag_name().name(), value) {
                    ("cad" | "cadence", Some(v)) if v > 0.0 => track.cadences.push(v),
                    ("hr" | "heartrate", Some(v)) if v > 0.0 => track.heart_rates.push(v),
                    _ => {}
                }
            }
        }
    }
    track
}

fn summary(name: &str, track: Track) -> ActivitySummary {
    let start = track.points.iter().map(|p| p.time).min();
    let end = track.points.iter().map(|p| p.time).max();
    let elapsed_s = match (start, end) {
        (Some(start), Some(end)) => (end - start).num_milliseconds() as f64 / 1000.0,
        _ => 0.0,
    };
    let (distance_m, moving_s) = track::distance_and_moving(&track.points);
    let per_leg = track::mean(track.cadences);
    let sport = track.sport;
    let avg_cadence_spm = per_leg.map(|c| if sport.is_on_foot() { c * 2.0 } else { c });
    ActivitySummary {
        sport,
        start,
        distance_m,
        moving_s,
        elapsed_s,
        avg_cadence_spm,
        avg_hr: track::mean(track.heart_rates),
        elevation_gain_m: track::elevation_gain(track.elevations),
        title: track.title,
        source_name: name.to_string(),
        format: Format::Gpx,
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse_file;
    use super::*;

    const TIMED: &str = r#"<?xml version="1.0"?>
<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1">
 <trk><name>Lunch jog</name><trkseg>
  <trkpt lat="0" lon="0"><ele>10</ele><time>2024-05-01T12:00:00Z</time>
   <extensions><cad>85</cad><hr>140</hr></extensions></trkpt>
  <trkpt lat="0.001" lon="0"><ele>14</ele><time>2024-05-01T12:00:30Z</time>
   <extensions><cad>87</cad><hr>150</hr></extensions></trkpt>
  <trkpt lat="0.001" lon="0"><ele>14</ele><time>2024-05-01T12:01:30Z</time>
   <extensions><cad>0</cad><hr>130</hr></extensions></trkpt>
 </trkseg></trk>
</gpx>"#;

    #[test]
    fn a_track_with_times_is_one_activity() {
        let parsed = parse_file("lunch.gpx", TIMED.as_bytes()).unwrap();
        let run = &parsed.activities[0];
        assert_eq!(run.sport, Sport::Unspecified);
        assert_eq!(run.title.as_deref(), Some("Lunch jog"));
        assert_eq!(run.elapsed_s, 90.0);
        // The last minute is standing still: elapsed, not moving.
        assert_eq!(run.moving_s, 30.0);
        assert!((run.distance_m - 111.2).abs() < 0.1);
        // Cadence per leg (85, 87; the standing zero left out), doubled for a run.
        assert_eq!(run.avg_cadence_spm, Some(172.0));
        assert_eq!(run.avg_hr, Some(140.0));
        assert_eq!(run.elevation_gain_m, Some(4.0));
    }

    #[test]
    fn a_route_with_no_times_is_refused() {
        let route = r#"<gpx version="1.1"><rte><rtept lat="1" lon="1"/><rtept lat="1.1" lon="1"/></rte></gpx>"#;
        assert_eq!(
            parse_file("plan.gpx", route.as_bytes()),
            Err(ImportError::RouteWithoutTimes)
        );
        let untimed = r#"<gpx version="1.1"><trk><trkseg><trkpt lat="1" lon="1"/><trkpt lat="1.1" lon="1"/></trkseg></trk></gpx>"#;
        assert_eq!(
            parse_file("plan.gpx", untimed.as_bytes()),
            Err(ImportError::RouteWithoutTimes)
        );
    }

    #[test]
    fn each_track_is_its_own_activity() {
        let day = |n: u32, lat: f64| {
            format!(
                r#"<trk><name>Day 0{n}</name><trkseg>
  <trkpt lat="{lat}" lon="0"><time>2024-05-0{n}T08:00:00Z</time></trkpt>
  <trkpt lat="{}" lon="0"><time>2024-05-0{n}T08:05:00Z</time></trkpt>
 </trkseg></trk>"#,
                lat + 0.01
            )
        };
        let untimed = r#"<trk><name>Plan</name><trkseg><trkpt lat="1" lon="1"/><trkpt lat="1.1" lon="1"/></trkseg></trk>"#;
        let file = format!(
            r#"<gpx version="1.1">{}{}{untimed}</gpx>"#,
            day(1, 0.0),
            day(2, 10.0)
        );
        let parsed = parse_file("trip.gpx", file.as_bytes()).unwrap();
        let found: Vec<(Option<&str>, Option<String>, f64)> = parsed
            .activities
            .iter()
            .map(|a| {
                (
                    a.title.as_deref(),
                    a.start.map(|s| s.to_rfc3339()),
                    a.elapsed_s,
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                (
                    Some("Day 01"),
                    Some("2024-05-01T08:00:00+00:00".to_string()),
                    300.0
                ),
                (
                    Some("Day 02"),
                    Some("2024-05-02T08:00:00+00:00".to_string()),
                    300.0
                ),
            ]
        );
        for day in &parsed.activities {
            assert!((day.distance_m - 1_112.0).abs() < 1.0, "{}", day.distance_m);
        }
        assert_eq!(
            parsed.skipped[0].reason.to_string(),
            "Track \"Plan\" in this file has no times, so it can't be a run you did."
        );
    }

    #[test]
    fn a_ride_is_skipped() {
        let ride = TIMED.replace("<name>Lunch jog</name>", "<type>cycling</type>");
        let parsed = parse_file("ride.gpx", ride.as_bytes()).unwrap();
        assert!(parsed.activities.is_empty());
        assert_eq!(parsed.skipped.len(), 1);
        // A ride's cadence is pedal revolutions: not doubled.
        let summary = parsed.skipped[0].summary.as_ref().unwrap();
        assert_eq!(summary.avg_cadence_spm, Some(86.0));
    }
}
