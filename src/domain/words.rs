//! Words that follow a number: "1 record", "2 records". One helper, so a count is never
//! followed by the wrong form (tests/plurals.rs scans src/ for counts that skip it).

/// "1 record", "0 records", "3 records".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(count(1, "record", "records"), "1 record");
        assert_eq!(count(0, "record", "records"), "0 records");
        assert_eq!(count(2, "entry", "entries"), "2 entries");
    }
}
