//! Pseudo-English, for the pseudo-locale (en-XA): every ASCII letter swapped for an accented
//! one that still reads, every vowel written twice (about a third longer, as German or
//! French often are), and the whole in brackets, so a cut-off end shows. Text on screen that
//! is not like this did not pass through the catalogue (`English::say`).

/// `text` in pseudo-English: "Save run" becomes "[Šààvéé ŕûûñ]". Digits, punctuation and
/// anything outside ASCII stay as they are; empty text stays empty.
pub fn pseudo(text: &str) -> String {
    if text.is_empty() {
        return String::new();
    }
    let mut said = String::with_capacity(text.len() * 2 + 2);
    said.push('[');
    for c in text.chars() {
        let accented = accented(c);
        said.push(accented);
        if matches!(c.to_ascii_lowercase(), 'a' | 'e' | 'i' | 'o' | 'u') {
            said.push(accented.to_lowercase().next().unwrap_or(accented));
        }
    }
    said.push(']');
    said
}

/// The accented letter Patella's pseudo-English writes for `c`; `c` itself when it is not
/// an ASCII letter.
fn accented(c: char) -> char {
    const LOWER: [char; 26] = [
        'à', 'ƀ', 'ç', 'ð', 'é', 'ƒ', 'ĝ', 'ĥ', 'î', 'ĵ', 'ķ', 'ļ', 'ɱ', 'ñ', 'ö', 'þ', 'ǫ', 'ŕ',
        'š', 'ţ', 'û', 'ṽ', 'ŵ', 'ẋ', 'ý', 'ž',
    ];
    const UPPER: [char; 26] = [
        'Å', 'Ɓ', 'Ç', 'Ð', 'É', 'Ƒ', 'Ĝ', 'Ĥ', 'Î', 'Ĵ', 'Ķ', 'Ļ', 'Ṁ', 'Ñ', 'Ö', 'Þ', 'Ǫ', 'Ŕ',
        'Š', 'Ţ', 'Û', 'Ṽ', 'Ŵ', 'Ẋ', 'Ý', 'Ž',
    ];
    let index = |base: u8| usize::from((c as u8).wrapping_sub(base));
    match c {
        'a'..='z' => LOWER.get(index(b'a')).copied().unwrap_or(c),
        'A'..='Z' => UPPER.get(index(b'A')).copied().unwrap_or(c),
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_letter_is_accented_vowels_doubled_and_the_rest_kept() {
        assert_eq!(pseudo("Save run"), "[Šààṽéé ŕûûñ]");
        assert_eq!(pseudo("5 km, 6/10 · 07:30"), "[5 ķɱ, 6/10 · 07:30]");
        assert_eq!(pseudo("Über"), "[Üƀééŕ]");
        assert_eq!(pseudo(""), "");
        let all: String = ('a'..='z').chain('A'..='Z').collect();
        let said = pseudo(&all);
        assert!(!said.chars().any(|c| c.is_ascii_alphabetic()), "{said}");
    }

    #[test]
    fn pseudo_english_is_about_a_third_longer_for_real_sentences() {
        let sentence = "Book a visit with a GP or physiotherapist in the next few days.";
        let grown = pseudo(sentence).chars().count() as f64 / sentence.chars().count() as f64;
        assert!((1.25..1.6).contains(&grown), "{grown}");
    }
}
