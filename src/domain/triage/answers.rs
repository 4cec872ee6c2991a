//! The answers given so far: question id → the choice ids picked. Serde, so a wizard in
//! progress can be saved and restored, and convertible to the flat map a `TriageRecord`
//! keeps.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::questions::{self, Kind, Question, AGE_55_PLUS, AGE_UNDER_55, EXCLUSIVE};

/// Presses or releases one choice of a pick-many question, as the wizard's buttons do: an
/// exclusive choice ("None of these", "All over") releases every other, and any other
/// releases the exclusive ones. The same rule [`Answers::set`] keeps.
pub fn toggle_choice(picked: &mut Vec<String>, id: &str) {
    if let Some(at) = picked.iter().position(|x| x == id) {
        picked.remove(at);
    } else if EXCLUSIVE.contains(&id) {
        *picked = vec![id.to_string()];
    } else {
        picked.retain(|x| !EXCLUSIVE.contains(&x.as_str()));
        picked.push(id.to_string());
    }
}

/// A question present with no choices was skipped; a question absent was not reached.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Answers(BTreeMap<String, Vec<String>>);

impl Answers {
    pub fn new() -> Answers {
        Answers::default()
    }

    /// Records an answer, keeping only choices the question has, at most one for the
    /// single-answer kinds, and dropping an exclusive choice ("none of these", "all over")
    /// when something else is picked.
    /// Unknown question ids are ignored.
    pub fn set(&mut self, question_id: &str, choices: &[&str]) {
        let Some(question) = questions::find(question_id) else {
            return;
        };
        let mut kept: Vec<String> = Vec::new();
        for choice in question.choices {
            if choices.contains(&choice.id) {
                kept.push(choice.id.to_string());
            }
        }
        let single = matches!(question.kind, Kind::YesNo | Kind::Single | Kind::Scale);
        if single {
            // The first one the person picked, not the first in the question's order.
            let first = choices
                .iter()
                .find(|id| question.choice(id).is_some())
                .map(|id| id.to_string());
            kept = first.into_iter().collect();
        } else if kept.len() > 1 {
            kept.retain(|id| !EXCLUSIVE.contains(&id.as_str()));
        }
        self.0.insert(question.id.to_string(), kept);
    }

    /// Marks a question as skipped.
    pub fn skip(&mut self, question_id: &str) {
        if let Some(question) = questions::find(question_id) {
            self.0.insert(question.id.to_string(), Vec::new());
        }
    }

    /// The choices picked for a question: `None` when not reached, empty when skipped.
    pub fn get(&self, question_id: &str) -> Option<&[String]> {
        self.0.get(question_id).map(Vec::as_slice)
    }

    /// Keeps only the answers to questions `keep` accepts.
    pub fn retain_questions(&mut self, keep: impl Fn(&str) -> bool) {
        self.0.retain(|id, _| keep(id));
    }

    pub fn is_answered(&self, question_id: &str) -> bool {
        self.0.contains_key(question_id)
    }

    /// Whether the app answered this question from the Log, so it is not asked.
    pub fn from_log(&self, question: &Question) -> bool {
        self.0.get(question.id).is_some_and(|picked| {
            picked
                .iter()
                .any(|id| question.choice(id).is_some_and(|c| c.from_log))
        })
    }

    /// Whether this question is asked, given the answers to earlier ones.
    pub fn asks(&self, question: &Question) -> bool {
        match question.only_if {
            None => true,
            Some((question_id, choices)) => choices
                .iter()
                .any(|choice_id| self.picked_raw(question_id, choice_id)),
        }
    }

    fn picked_raw(&self, question_id: &str, choice_id: &str) -> bool {
        self.0
            .get(question_id)
            .is_some_and(|picked| picked.iter().any(|id| id == choice_id))
    }

    /// Whether this choice was picked for a question that is asked. Answers to questions
    /// no longer asked (the injury items after switching to "gradually") do not count.
    pub fn picked(&self, question_id: &str, choice_id: &str) -> bool {
        questions::find(question_id).is_some_and(|question| self.asks(question))
            && self.picked_raw(question_id, choice_id)
    }

    /// The flat map a `TriageRecord` stores: several choices joined with commas, a skipped
    /// question as an empty string. Only questions still asked are kept.
    pub fn to_record_map(&self) -> BTreeMap<String, String> {
        self.0
            .iter()
            .filter(|(id, _)| questions::find(id).is_some_and(|question| self.asks(question)))
            .map(|(id, picked)| (id.clone(), picked.join(",")))
            .collect()
    }

    /// Reads a record's map back, ignoring anything this version does not know. Answers in
    /// an older vocabulary are read in today's (see [`LEGACY_ANSWERS`]); the stored map
    /// itself is never rewritten, so nothing a runner saved is lost.
    pub fn from_record_map(map: &BTreeMap<String, String>) -> Answers {
        let mut answers = Answers::new();
        for legacy in &LEGACY_ANSWERS {
            if map.get(legacy.question).map(String::as_str) == Some(legacy.choice)
                && !map.contains_key(legacy.now_question)
            {
                answers.set(legacy.now_question, &[legacy.now_choice]);
            }
        }
        for (id, joined) in map {
            let picked: Vec<&str> = joined.split(',').filter(|s| !s.is_empty()).collect();
            if picked.is_empty() {
                answers.skip(id);
            } else {
                answers.set(id, &picked);
            }
        }
        answers
    }

    /// Keeps only known questions and choices: a restored draft from elsewhere is cleaned.
    pub fn cleaned(&self) -> Answers {
        let map: BTreeMap<String, String> = self
            .0
            .iter()
            .map(|(id, picked)| (id.clone(), picked.join(",")))
            .collect();
        Answers::from_record_map(&map)
    }
}

/// An answer saved by an earlier version, and the answer it is today.
pub struct LegacyAnswer {
    pub question: &'static str,
    pub choice: &'static str,
    pub now_question: &'static str,
    pub now_choice: &'static str,
}

/// Answers whose question changed. Until age was asked of everyone, only a runner hurt in a
/// fall, twist or knock was asked "Are you 55 or older?" (`ot_age`).
/// Until walking was asked of everyone, only a runner hurt in a fall, twist or knock was
/// asked about four steps, right after and now (`ot_steps`): a yes is a yes to "now".
pub const LEGACY_ANSWERS: [LegacyAnswer; 3] = [
    LegacyAnswer {
        question: "ot_steps",
        choice: questions::YES,
        now_question: "rf_walk",
        now_choice: questions::YES,
    },
    LegacyAnswer {
        question: "ot_age",
        choice: questions::YES,
        now_question: "age",
        now_choice: AGE_55_PLUS,
    },
    LegacyAnswer {
        question: "ot_age",
        choice: questions::NO,
        now_question: "age",
        now_choice: AGE_UNDER_55,
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// Any sequence of taps on a pick-many question leaves what the runner sees pressed
        /// exactly what `Answers::set` records: never an exclusive choice beside another.
        #[test]
        fn taps_and_set_keep_one_rule(taps in proptest::collection::vec(0_usize..7, 0..20)) {
            let question = questions::find("areas").unwrap();
            let ids: Vec<&str> = question.choices.iter().map(|c| c.id).collect();
            let mut pressed: Vec<String> = Vec::new();
            for tap in taps {
                toggle_choice(&mut pressed, ids[tap % ids.len()]);
                let exclusive = pressed.iter().filter(|id| EXCLUSIVE.contains(&id.as_str())).count();
                proptest::prop_assert!(exclusive == 0 || pressed.len() == 1, "{:?}", pressed);
                let mut answers = Answers::new();
                let picked: Vec<&str> = pressed.iter().map(String::as_str).collect();
                answers.set("areas", &picked);
                let mut recorded = answers.get("areas").unwrap().to_vec();
                let mut shown = pressed.clone();
                recorded.sort();
                shown.sort();
                proptest::prop_assert_eq!(recorded, shown);
            }
        }
    }

    #[test]
    fn set_keeps_only_offered_choices() {
        let mut answers = Answers::new();
        answers.set("rf_weight", &["maybe", "yes", "no"]);
        assert_eq!(answers.get("rf_weight"), Some(&["yes".to_string()][..]));
        answers.set("areas", &["outer", "front", "elbow"]);
        assert_eq!(
            answers.get("areas"),
            Some(&["front".to_string(), "outer".to_string()][..])
        );
        answers.set("triggers", &["none", "stairs"]);
        assert_eq!(answers.get("triggers"), Some(&["stairs".to_string()][..]));
        answers.set("areas", &["all_over", "inner"]);
        assert_eq!(answers.get("areas"), Some(&["inner".to_string()][..]));
        answers.set("no_such_question", &["yes"]);
        assert_eq!(answers.get("no_such_question"), None);
    }

    #[test]
    fn record_map_round_trips() {
        let mut answers = Answers::new();
        answers.set("rf_weight", &["no"]);
        answers.set("areas", &["front", "outer"]);
        answers.skip("feel");
        let map = answers.to_record_map();
        assert_eq!(map.get("areas").map(String::as_str), Some("front,outer"));
        assert_eq!(map.get("feel").map(String::as_str), Some(""));
        assert_eq!(Answers::from_record_map(&map), answers);
    }

    #[test]
    fn hidden_answers_do_not_count() {
        let mut answers = Answers::new();
        answers.set("onset", &["injury"]);
        answers.set("ot_bend", &["yes"]);
        assert!(answers.picked("ot_bend", "yes"));
        answers.set("onset", &["gradual"]);
        assert!(!answers.picked("ot_bend", "yes"));
        assert!(!answers.to_record_map().contains_key("ot_bend"));
    }

    #[test]
    fn a_check_saved_when_age_was_asked_only_after_an_injury_reads_in_todays_words() {
        let saved = |age: &str| {
            BTreeMap::from([
                ("onset".to_string(), "injury".to_string()),
                ("ot_age".to_string(), age.to_string()),
            ])
        };
        let old = Answers::from_record_map(&saved("yes"));
        assert!(old.picked("age", AGE_55_PLUS));
        let old = Answers::from_record_map(&saved("no"));
        assert!(old.picked("age", AGE_UNDER_55));
        // A record that has both keeps the age it was given.
        let mut both = saved("yes");
        both.insert("age".into(), "under_50".into());
        assert!(Answers::from_record_map(&both).picked("age", "under_50"));
    }

    #[test]
    fn serde_round_trip() {
        let mut answers = Answers::new();
        answers.set("areas", &["deep"]);
        let text = serde_json::to_string(&answers).unwrap();
        assert_eq!(text, r#"{"areas":["deep"]}"#);
        assert_eq!(serde_json::from_str::<Answers>(&text).unwrap(), answers);
    }
}
