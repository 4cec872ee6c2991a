//! The words US English uses where UK English, in which Patella's content is written, uses
//! others: "doctor or physical therapist" for "GP or physiotherapist", "sidewalk" for
//! "pavement". The clinical content is the same in both; only these words differ.
//!
//! Whole phrases come first, so that a sentence still reads as one person wrote it ("a GP,
//! a doctor rather than only a physiotherapist" is not "a doctor, a doctor…"); the single
//! words after them catch whatever a phrase did not. A word matches whole, never inside
//! another ("GPS" stays).

use crate::domain::locale::English;

/// UK words and their US English, the longer phrases first.
const UK_TO_US: &[(&str, &str)] = &[
    (
        "a GP, a doctor rather than only a physiotherapist,",
        "a doctor (not only a physical therapist)",
    ),
    (
        "See a GP, physiotherapist or sports medicine doctor",
        "See a primary care doctor, physical therapist or sports medicine doctor",
    ),
    (
        "at urgent care or your GP's same-day service",
        "at urgent care or a same-day appointment with your doctor",
    ),
    ("a GP or another doctor", "a doctor"),
    ("a GP or physiotherapist", "a doctor or physical therapist"),
    ("a physiotherapist or GP", "a physical therapist or doctor"),
    ("with a GP in", "with your doctor in"),
    ("hard pavement", "hard sidewalks"),
    ("the cross-trainer", "the elliptical"),
    ("physiotherapist", "physical therapist"),
    ("programme", "program"),
    ("pavement", "sidewalk"),
    ("cross-trainer", "elliptical"),
    ("trainers", "running shoes"),
    ("GP", "doctor"),
    ("Kilometres", "Kilometers"),
    ("kilometres", "kilometers"),
    ("metres", "meters"),
];

impl English {
    /// `text`, written in UK English, in this English. Never inlined: every view that shows
    /// content calls it, and one copy is all the page's wasm needs.
    #[inline(never)]
    pub fn say(self, text: &str) -> String {
        if self == English::Pseudo {
            return super::pseudo::pseudo(text);
        }
        let mut said = text.to_string();
        if self == English::Us {
            for (uk, us) in UK_TO_US {
                while let Some(at) = find_whole(&said, uk) {
                    said.replace_range(at..at + uk.len(), us);
                }
            }
        }
        said
    }
}

/// Where `word` first stands in `text` as a whole word or phrase: not inside a longer word.
/// Compared byte by byte (the words are ASCII; a neighbour outside ASCII counts as part of a
/// word, so nothing next to one is replaced): the page's wasm carries no substring searcher
/// for this.
fn find_whole(text: &str, word: &str) -> Option<usize> {
    let (text, word) = (text.as_bytes(), word.as_bytes());
    let is_word_byte = |b: u8| b.is_ascii_alphanumeric() || !b.is_ascii();
    let edge_ok = |edge: Option<&u8>, own: Option<&u8>| {
        own.is_none_or(|&b| !is_word_byte(b)) || edge.is_none_or(|&b| !is_word_byte(b))
    };
    (0..=text.len().checked_sub(word.len())?).find(|&at| {
        text[at..].starts_with(word)
            && edge_ok(at.checked_sub(1).and_then(|i| text.get(i)), word.first())
            && edge_ok(text.get(at + word.len()), word.last())
    })
}

/// Words a US reader would not use: none may be left in US English text.
#[cfg(test)]
pub const UK_ONLY: &[&str] = &[
    "GP",
    "GP's",
    "physiotherapist",
    "physiotherapy",
    "physio",
    "pavement",
    "cross-trainer",
    "trainers",
    "programme",
    "A&E",
    "fortnight",
    "jumper",
    "Kilometres",
    "kilometres",
    "metres",
    "recognise",
    "cancelled",
];

/// The UK-only words still in `text`.
#[cfg(test)]
pub fn uk_words_in(text: &str) -> Vec<&'static str> {
    UK_ONLY
        .iter()
        .copied()
        .filter(|word| {
            // "jumper's knee" is the condition's name in both Englishes.
            find_whole(text, word).is_some()
                && !(*word == "jumper" && text.contains("jumper's knee"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uk_english_is_the_text_as_written() {
        let text = "Book a visit with a GP or physiotherapist.";
        assert_eq!(English::Uk.say(text), text);
    }

    #[test]
    fn us_english_reads_as_one_person_wrote_it() {
        let cases = [
            (
                "Book a visit with a GP or physiotherapist: pain behind the knee can be a cyst.",
                "Book a visit with a doctor or physical therapist: pain behind the knee can be a cyst.",
            ),
            (
                "Book a visit with a GP, a doctor rather than only a physiotherapist, in the next few days.",
                "Book a visit with a doctor (not only a physical therapist) in the next few days.",
            ),
            (
                "Keep fit with cycling, pool running or the cross-trainer.",
                "Keep fit with cycling, pool running or the elliptical.",
            ),
            (
                "Follow your clinician's programme.",
                "Follow your clinician's program.",
            ),
            (
                "Always the same hard road or pavement",
                "Always the same hard road or sidewalk",
            ),
            (
                "See a doctor today, at urgent care or your GP's same-day service: feeling unwell",
                "See a doctor today, at urgent care or a same-day appointment with your doctor: feeling unwell",
            ),
        ];
        for (uk, us) in cases {
            assert_eq!(English::Us.say(uk), us);
        }
    }

    #[test]
    fn a_word_inside_another_word_is_left_alone() {
        for text in [
            "Your watch's GPS track",
            "GPX files",
            "Programmed intervals",
        ] {
            assert_eq!(English::Us.say(text), text);
        }
        assert_eq!(English::Us.say("GP."), "doctor.");
    }

    #[test]
    fn every_phrase_leaves_no_uk_word_behind() {
        for (uk, us) in UK_TO_US {
            assert!(uk_words_in(us).is_empty(), "{us}");
            assert_eq!(English::Us.say(uk), *us);
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod any_text {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn any_text_is_said_without_a_uk_word_or_a_panic(
                text in "(GP|physiotherapist|pavement|programme|trainers|cross-trainer|GPS|a|é|🏃| |,|\\.){0,30}"
            ) {
                let said = English::Us.say(&text);
                prop_assert!(uk_words_in(&said).is_empty(), "{text:?} → {said:?}");
            }
        }
    }
}
