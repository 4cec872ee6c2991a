//! Words that follow a number: "1 record", "2 records". One helper, so a count is never
//! followed by the wrong form (tests/plurals.rs scans src/ for counts that skip it). Also
//! the one way text from a person or a file is cut short for a sentence.

/// "1 record", "0 records", "3 records".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `text` when it is at most `max_chars` characters, otherwise its first `max_chars` and
/// "…": a file's name for something, or a runner's note, kept short in a sentence.
pub fn shortened(text: &str, max_chars: usize) -> String {
    match text.char_indices().nth(max_chars) {
        None => text.to_string(),
        Some((cut, _)) => format!("{}…", &text[..cut]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_cut_by_characters_never_inside_one() {
        assert_eq!(shortened("Pegasus", 7), "Pegasus");
        assert_eq!(shortened("Pegasus 40", 7), "Pegasus…");
        assert_eq!(shortened("Überzieher", 1), "Ü…");
        assert_eq!(shortened("", 0), "");
        assert_eq!(shortened("ab", 0), "…");
    }

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(count(1, "record", "records"), "1 record");
        assert_eq!(count(0, "record", "records"), "0 records");
        assert_eq!(count(2, "entry", "entries"), "2 entries");
    }
}
