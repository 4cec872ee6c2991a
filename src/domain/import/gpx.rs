//! GPX 1.1 (and 1.0) tracks: the whole file is one activity, from all its track points.
//!
//! - Times are required: a route (`<rte>`) or a track with no `<time>` on its points is a
//!   plan, not a run, and is refused. Points without a time in a timed track are ignored.
//! - Distance: haversine between consecutive timed points.
//! - Elapsed: first to last point time. Moving: the intervals covered at 0.5 m/s or faster
//!   (see [`track::STOPPED_BELOW_M_PER_S`]), so stops at lights and auto-paused gaps drop out.
//! - Climb: see [`track::elevation_gain`].
//! - Cadence (Garmin's `TrackPointExtension` `cad`): per leg, doubled for runs; zero
//!   readings (standing) are left out of the mean. Heart rate: mean of the `hr` readings.
//! - Sport: the first `<trk><type>`; none means [`Sport::Unspecified`].

use chrono::{DateTime, Utc};
use roxmltree::{Document, Node};

use super::track::{self, Point};
use super::{ActivitySummary, Format, ImportError, Parsed, Sport};

fn child<'a, 'input>(node: Node<'a, 'input>, name: &str) -> Option<Node<'a, 'input>> {
    node.children()
        .find(|c| c.is_element() && c.tag_name().name() == name)
}

fn child_text<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    child(node, name).and_then(|c| c.text()).map(str::trim)
}

pub fn parse(name: &str, document: &Document) -> Result<Parsed, ImportError> {
    let root = document.root_element();
    let tracks: Vec<Node> = root
        .children()
        .filter(|n| n.is_element() && n.tag_name().name() == "trk")
        .collect();

    let mut points = Vec::new();
    let mut untimed = 0usize;
    let mut elevations = Vec::new();
    let mut cadences = Vec::new();
    let mut heart_rates = Vec::new();
    for trkpt in tracks
        .iter()
        .flat_map(|trk| trk.descendants())
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
            untimed += 1;
            continue;
        };
        points.push(Point { lat, lon, time });
        if let Some(ele) = child_text(trkpt, "ele").and_then(|e| e.parse::<f64>().ok()) {
            elevations.push(ele);
        }
        if let Some(extensions) = child(trkpt, "extensions") {
            for node in extensions.descendants().filter(|n| n.is_element()) {
                let value = node.text().and_then(|t| t.trim().parse::<f64>().ok());
                match (node.tag_name().name(), value) {
                    ("cad" | "cadence", Some(v)) if v > 0.0 => cadences.push(v),
                    ("hr" | "heartrate", Some(v)) if v > 0.0 => heart_rates.push(v),
                    _ => {}
                }
            }
        }
    }

    if points.len() < 2 {
        let has_route = root
            .descendants()
            .any(|n| n.is_element() && n.tag_name().name() == "rtept");
        if untimed > 0 || has_route {
            return Err(ImportError::RouteWithoutTimes);
        }
        return Err(ImportError::NoActivities);
    }

    let sport = tracks
        .iter()
        .find_map(|trk| child_text(*trk, "type"))
        .map(Sport::from_name)
        .unwrap_or(Sport::Unspecified);
    let title = tracks
        .iter()
        .find_map(|trk| child_text(*trk, "name"))
        .filter(|t| !t.is_empty())
        .map(str::to_string);

    let start = points.iter().map(|p| p.time).min();
    let end = points.iter().map(|p| p.time).max();
    let elapsed_s = match (start, end) {
        (Some(start), Some(end)) => (end - start).num_milliseconds() as f64 / 1000.0,
        _ => 0.0,
    };
    let (distance_m, moving_s) = track::distance_and_moving(&points);
    let per_leg = track::mean(cadences);
    let avg_cadence_spm = per_leg.map(|c| if sport.is_on_foot() { c * 2.0 } else { c });

    let mut parsed = Parsed::default();
    parsed.push(ActivitySummary {
        sport,
        start,
        distance_m,
        moving_s,
        elapsed_s,
        avg_cadence_spm,
        avg_hr: track::mean(heart_rates),
        elevation_gain_m: track::elevation_gain(elevations),
        title,
        source_name: name.to_string(),
        format: Format::Gpx,
    });
    Ok(parsed)
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
