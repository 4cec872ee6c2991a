//! Track arithmetic shared by GPX and TCX: distance between points, moving time and climb.

use chrono::{DateTime, Utc};

/// The mean Earth radius (IUGG), in metres.
const EARTH_RADIUS_M: f64 = 6_371_008.8;

/// Between two points, slower than this is standing still (1.8 km/h, well under the
/// slowest walk): the interval counts to elapsed time but not to moving time.
pub const STOPPED_BELOW_M_PER_S: f64 = 0.5;

/// Climb is counted once the ground has risen this much above the last low point, so GPS
/// and barometer noise of a metre or so does not add up to phantom hills.
pub const CLIMB_STEP_M: f64 = 2.0;

/// The great-circle distance between two points in degrees, by the haversine formula.
pub fn haversine_m(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (lat1, lat2) = (a.0.to_radians(), b.0.to_radians());
    let d_lat = lat2 - lat1;
    let d_lon = (b.1 - a.1).to_radians();
    let h = (d_lat / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * (d_lon / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_M * h.sqrt().min(1.0).asin()
}

/// One recorded point of a track.
#[derive(Clone, Copy, Debug)]
pub struct Point {
    pub lat: f64,
    pub lon: f64,
    pub time: DateTime<Utc>,
}

/// Distance along the points and the time spent moving (intervals at or above
/// [`STOPPED_BELOW_M_PER_S`]). Points out of time order add distance but no time.
pub fn distance_and_moving(points: &[Point]) -> (f64, f64) {
    let mut distance = 0.0;
    let mut moving = 0.0;
    for pair in points.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let step = haversine_m((a.lat, a.lon), (b.lat, b.lon));
        distance += step;
        let seconds = (b.time - a.time).num_milliseconds() as f64 / 1000.0;
        if seconds > 0.0 && step / seconds >= STOPPED_BELOW_M_PER_S {
            moving += seconds;
        }
    }
    (distance, moving)
}

/// Total climb over a run of elevations, counted in steps of at least [`CLIMB_STEP_M`]
/// above the lowest point since the last counted climb. `None` with no elevations.
pub fn elevation_gain(elevations: impl IntoIterator<Item = f64>) -> Option<f64> {
    let mut elevations = elevations.into_iter().filter(|e| e.is_finite());
    let mut reference = elevations.next()?;
    let mut gain = 0.0;
    for elevation in elevations {
        if elevation - reference >= CLIMB_STEP_M {
            gain += elevation - reference;
            reference = elevation;
        } else if elevation < reference {
            reference = elevation;
        }
    }
    Some(gain)
}

/// The mean of the values, `None` when there are none.
pub fn mean(values: impl IntoIterator<Item = f64>) -> Option<f64> {
    let (sum, count) = values
        .into_iter()
        .filter(|v| v.is_finite())
        .fold((0.0, 0u64), |(sum, count), v| (sum + v, count + 1));
    (count > 0).then(|| sum / count as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_degree_of_latitude_is_about_111_km() {
        let d = haversine_m((0.0, 0.0), (1.0, 0.0));
        assert!((d - 111_195.0).abs() < 1.0, "{d}");
        assert_eq!(haversine_m((51.5, -0.1), (51.5, -0.1)), 0.0);
    }

    #[test]
    fn climb_ignores_noise_below_two_metres() {
        assert_eq!(elevation_gain([10.0, 11.0, 10.0, 11.5, 10.0]), Some(0.0));
        assert_eq!(
            elevation_gain([10.0, 12.0, 11.0, 15.0, 5.0, 8.0]),
            Some(9.0)
        );
        assert_eq!(elevation_gain(std::iter::empty()), None);
    }

    #[test]
    fn standing_still_is_not_moving() {
        let t = |s: i64| DateTime::<Utc>::from_timestamp(1_700_000_000 + s, 0).unwrap();
        let points = [
            Point {
                lat: 0.0,
                lon: 0.0,
                time: t(0),
            },
            // 111 m in 30 s: running.
            Point {
                lat: 0.001,
                lon: 0.0,
                time: t(30),
            },
            // 1 m in 60 s: standing at a crossing.
            Point {
                lat: 0.001_01,
                lon: 0.0,
                time: t(90),
            },
            Point {
                lat: 0.002,
                lon: 0.0,
                time: t(120),
            },
        ];
        let (distance, moving) = distance_and_moving(&points);
        assert!((distance - 222.4).abs() < 0.5, "{distance}");
        assert_eq!(moving, 60.0);
    }
}
