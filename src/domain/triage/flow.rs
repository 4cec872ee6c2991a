//! The wizard's flow as pure functions: which question comes next, Back, and progress.
//! A red flag (or any rule that stops the check) ends it at once on the outcome.

use serde::{Deserialize, Serialize};

use super::answers::Answers;
use super::questions::{self, Question, Section};
use super::rules;

/// Where the wizard is. Serde, so a check in progress survives a reload.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "at", content = "question", rename_all = "snake_case")]
pub enum Position {
    Question(String),
    Outcome,
}

/// A knee check in progress: the answers so far and where the person is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub answers: Answers,
    pub position: Position,
}

impl Default for Draft {
    fn default() -> Self {
        Draft::new()
    }
}

/// What to show now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Ask {
        question: &'static Question,
        /// 1-based position among the questions asked.
        number: usize,
        total: usize,
        section: Section,
    },
    Outcome,
}

/// The questions asked, in order, given the answers so far; not those the app answered from
/// the Log.
pub fn asked(answers: &Answers) -> Vec<&'static Question> {
    questions::all()
        .filter(|question| answers.asks(question) && !answers.from_log(question))
        .collect()
}

/// How many questions a check asks: (after a gradual start, added after a fall or knock).
pub fn question_counts() -> (usize, usize) {
    let mut gradual = Answers::new();
    gradual.set("onset", &["gradual"]);
    let mut injury = Answers::new();
    injury.set("onset", &[questions::INJURY]);
    let base = asked(&gradual).len();
    (base, asked(&injury).len().saturating_sub(base))
}

/// The knee check's promise on its start screen, with the real number of questions.
pub fn intro() -> String {
    let (base, extra) = question_counts();
    format!(
        "{base} short questions ({extra} more after a twist, fall or knock): warning signs first, \
         then where and how it hurts and what may be behind it. It ends with what to do and a plan."
    )
}

impl Draft {
    pub fn new() -> Draft {
        Draft {
            answers: Answers::new(),
            position: Position::Question(questions::QUESTIONS[0].id.to_string()),
        }
    }

    /// What to show now. A position that no longer makes sense (a question hidden by a
    /// changed answer, or an unknown id in a restored draft) falls back to the first
    /// question not yet answered.
    pub fn step(&self) -> Step {
        let asked = asked(&self.answers);
        let total = asked.len();
        let ask = |index: usize, question: &'static Question| Step::Ask {
            question,
            number: index + 1,
            total,
            section: question.section,
        };
        let id = match &self.position {
            Position::Outcome => return Step::Outcome,
            Position::Question(id) => id,
        };
        if let Some(index) = asked.iter().position(|q| q.id == id) {
            return ask(index, asked[index]);
        }
        if rules::stops(&self.answers) {
            return Step::Outcome;
        }
        asked
            .iter()
            .position(|q| !self.answers.is_answered(q.id))
            .map_or(Step::Outcome, |index| ask(index, asked[index]))
    }

    /// Records an answer to the question shown and moves on: to the outcome if the answer
    /// stops the check or was the last, otherwise to the next question asked. An answer that
    /// stops the check clears every answer below it, as if the rest had never been asked.
    pub fn answer(&mut self, question_id: &str, choices: &[&str]) {
        self.answers.set(question_id, choices);
        rules::forget_after_stop(&mut self.answers);
        self.advance_from(question_id);
    }

    /// Skips the question shown (only where the question allows it).
    pub fn skip(&mut self, question_id: &str) {
        if questions::find(question_id).is_some_and(|q| q.skippable) {
            self.answers.skip(question_id);
            self.advance_from(question_id);
        }
    }

    fn advance_from(&mut self, question_id: &str) {
        if rules::stops(&self.answers) {
            self.position = Position::Outcome;
            return;
        }
        let asked = asked(&self.answers);
        let next = asked
            .iter()
            .position(|q| q.id == question_id)
            .and_then(|index| asked.get(index + 1));
        self.position = match next {
            Some(question) => Position::Question(question.id.to_string()),
            None => Position::Outcome,
        };
    }

    /// Goes back one question. From the outcome, back to the last question answered.
    /// Returns false at the first question, where there is nowhere to go back to.
    pub fn back(&mut self) -> bool {
        let asked = asked(&self.answers);
        let target = match self.step() {
            // To the answer that ended the check, or else the last one given.
            Step::Outcome => rules::first_stopping_question(&self.answers)
                .and_then(questions::find)
                .or_else(|| {
                    asked
                        .iter()
                        .rev()
                        .find(|q| self.answers.is_answered(q.id))
                        .copied()
                })
                .or(asked.last().copied())
                .map(|q| q as &'static Question),
            Step::Ask { number, .. } if number > 1 => asked.get(number - 2).copied(),
            Step::Ask { .. } => None,
        };
        match target {
            Some(question) => {
                // Going back past a stopping answer re-opens the check from there.
                self.position = Position::Question(question.id.to_string());
                true
            }
            None => false,
        }
    }

    /// Whether the wizard is on the outcome.
    pub fn is_finished(&self) -> bool {
        self.step() == Step::Outcome
    }
}
