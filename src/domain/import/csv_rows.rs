//! Splitting CSV text into rows of fields (RFC 4180): fields quoted with `"` may hold
//! commas, line breaks and doubled quotes; rows end with LF or CRLF.

/// All rows of the text, each a list of fields. An unclosed quote runs to the end of the
/// text (the caller sees one long, wrong field rather than a crash).
pub fn rows(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut in_quotes = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if in_quotes {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    field.push('"');
                    chars.next();
                } else {
                    in_quotes = false;
                }
            } else {
                field.push(c);
            }
            continue;
        }
        match c {
            '"' => in_quotes = true,
            ',' => row.push(std::mem::take(&mut field)),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            _ => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows.retain(|r| !(r.len() == 1 && r[0].trim().is_empty()));
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_fields_keep_commas_line_breaks_and_quotes() {
        let text = "a,b,c\r\n1,\"Mar 12, 2024, 6:00:00 PM\",\"said \"\"go\"\"\nthen ran\"\n\n2,,x";
        assert_eq!(
            rows(text),
            vec![
                vec!["a", "b", "c"],
                vec!["1", "Mar 12, 2024, 6:00:00 PM", "said \"go\"\nthen ran"],
                vec!["2", "", "x"],
            ]
        );
    }

    #[test]
    fn an_unclosed_quote_does_not_panic() {
        assert_eq!(rows("a,\"b"), vec![vec!["a", "b"]]);
    }
}
