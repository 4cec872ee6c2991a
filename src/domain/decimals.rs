//! Numbers written with a fixed number of decimals, for the runner's eyes and for CSV: "5.2",
//! "12", "0.125". Done with integer arithmetic rather than `format!("{:.1}")`, whose exact
//! float formatting (core's Grisu and Dragon "exact" modes) costs the page's wasm bytes it
//! does not need: nothing here shows more than three decimals of a value far below 2^53.
//! Values that are not finite are written as 0: every caller shows a measured amount.

/// Largest scaled value written exactly; beyond it the number is clamped (no run, shoe or
/// percentage comes near it).
const LIMIT: f64 = 9_000_000_000_000_000.0;

/// `value` with exactly `places` decimals (at most 3), rounded half away from zero:
/// `fixed(5.25, 1)` is "5.3", `fixed(2.0, 2)` is "2.00", `fixed(7.6, 0)` is "8".
pub fn fixed(value: f64, places: u32) -> String {
    let places = places.min(3);
    let scale = 10_i64.pow(places);
    let value = if value.is_finite() { value } else { 0.0 };
    let scaled = (value * scale as f64).round().clamp(-LIMIT, LIMIT) as i64;
    // "-0.0" is not a number a runner should read.
    let sign = if scaled < 0 { "-" } else { "" };
    let magnitude = scaled.unsigned_abs();
    let scale = scale.unsigned_abs();
    if places == 0 {
        format!("{sign}{magnitude}")
    } else {
        let width = places as usize;
        format!("{sign}{}.{:0width$}", magnitude / scale, magnitude % scale)
    }
}

/// `value` with at most `places` decimals, trailing zeros and a bare point dropped:
/// `trimmed(5.0, 1)` is "5", `trimmed(5.25, 2)` is "5.25", `trimmed(6.999, 2)` is "7".
pub fn trimmed(value: f64, places: u32) -> String {
    let text = fixed(value, places);
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    }
}

/// "5.2 MB": a file's size in mebibytes, one decimal.
pub fn megabytes(bytes: f64) -> String {
    format!("{} MB", fixed(bytes / (1024.0 * 1024.0), 1))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn fixed_places_round_half_away_from_zero() {
        assert_eq!(fixed(5.25, 1), "5.3");
        assert_eq!(fixed(-5.25, 1), "-5.3");
        assert_eq!(fixed(2.0, 2), "2.00");
        assert_eq!(fixed(7.6, 0), "8");
        assert_eq!(fixed(0.04, 1), "0.0");
        assert_eq!(fixed(1234.5678, 3), "1234.568");
        assert_eq!(fixed(0.001, 3), "0.001");
    }

    #[test]
    fn never_a_negative_zero_nor_a_nan() {
        assert_eq!(fixed(-0.04, 1), "0.0");
        assert_eq!(fixed(-0.0, 0), "0");
        assert_eq!(trimmed(-0.001, 2), "0");
        assert_eq!(fixed(f64::NAN, 1), "0.0");
        assert_eq!(trimmed(f64::INFINITY, 2), "0");
    }

    #[test]
    fn trimmed_drops_trailing_zeros_and_the_point() {
        assert_eq!(trimmed(5.0, 1), "5");
        assert_eq!(trimmed(5.25, 2), "5.25");
        assert_eq!(trimmed(5.20, 2), "5.2");
        assert_eq!(trimmed(6.999, 2), "7");
        assert_eq!(trimmed(100.0, 3), "100");
        assert_eq!(trimmed(10.5, 0), "11");
    }

    #[test]
    fn megabytes_has_one_decimal() {
        assert_eq!(megabytes(5.0 * 1024.0 * 1024.0), "5.0 MB");
        assert_eq!(megabytes(1_500_000.0), "1.4 MB");
    }

    proptest! {
        /// The standard formatting is the oracle away from exact ties, where it rounds the
        /// binary value half to even and this rounds half away from zero.
        #[test]
        fn agrees_with_the_standard_formatting(value in -1.0e9..1.0e9_f64, places in 0_u32..=3) {
            let scaled = value * 10_f64.powi(places as i32);
            prop_assume!((scaled - scaled.trunc()).abs() - 0.5 != 0.0);
            prop_assume!(((scaled - scaled.trunc()).abs() - 0.5).abs() > 1e-6);
            let expected = format!("{value:.*}", places as usize);
            let expected = if expected.trim_start_matches('-').chars().all(|c| c == '0' || c == '.') {
                expected.trim_start_matches('-').to_string()
            } else {
                expected
            };
            prop_assert_eq!(fixed(value, places), expected);
        }
    }
}
