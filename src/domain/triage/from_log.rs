//! Answers the knee check takes from what the runner has logged instead of asking: how worn
//! their shoes are, from the Log's shoes against the replacement distance set in Settings.
//! The page sets the answer when a check starts; the flow then does not ask the question.

use crate::domain::shoes::{ShoeStatus, ShoeWear};

use super::questions::{SHOES_FINE, SHOES_NEAR, SHOES_PAST};

/// The shoe question this answers.
pub const SHOE_QUESTION: &str = "shoe_distance";

/// The shoe answer from the pairs in use, by the most worn; `None` when none is logged, so
/// the question is asked.
pub fn shoe_answer(shoes: &[ShoeWear]) -> Option<&'static str> {
    shoes
        .iter()
        .filter(|shoe| !shoe.retired)
        .map(|shoe| shoe.status)
        .max()
        .map(|worst| match worst {
            ShoeStatus::PastThreshold => SHOES_PAST,
            ShoeStatus::GettingWorn => SHOES_NEAR,
            ShoeStatus::Fine => SHOES_FINE,
        })
}
