//! One pain rule, asked by every part that judges a pain score: for each situation and every
//! score from 0 to 10, Home's pain trend, Home's load warning, "this week" and the
//! back-to-running plan agree on whether the score is within the limit. No two parts may call
//! the same score both fine and too much (issue 15).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{Days, NaiveDate};

use crate::domain::load::{analyse_in, Rule};
use crate::domain::pain::{trend, PainRule};
use crate::domain::protocol::{self, Session, Stage};
use crate::domain::records::{CareTier, PainScore, RecordId, Run, Settings};
use crate::domain::situation::Situation;
use crate::domain::units::{Distance, Duration};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
}

fn situations() -> Vec<Situation> {
    let checked = today() - Days::new(5);
    vec![
        Situation::NoProblem,
        Situation::FirstDays { checked },
        Situation::ReducedLoad { checked },
        Situation::ReadyToReturn { checked },
        Situation::WaitingToBeSeen {
            checked,
            tier: CareTier::SeeProfessionalSoon,
            examine_first: false,
        },
        Situation::OnPlan {
            stage: Stage::Week2,
            done: 1,
            needed: 3,
            stepped_back: None,
            also_see_someone: false,
        },
        Situation::BackToNormal { since: checked },
    ]
}

fn run_with_pain(score: u8) -> Run {
    Run {
        pain_during: Some(PainScore::new(score).unwrap()),
        ..Run::easy(
            RecordId::from_random_bits(1),
            today() - Days::new(1),
            Distance::from_metres(3000.0),
            Duration::from_minutes(20),
        )
    }
}

#[test]
fn every_part_agrees_on_every_score_in_every_situation() {
    for situation in situations() {
        let rule = situation.pain_rule();
        let limit = rule.limit();
        // Any limit "this week" states is the one in force.
        let said = situation.this_week().actions.join(" ");
        let pieces: Vec<&str> = said.split(" out of 10").collect();
        for before in &pieces[..pieces.len() - 1] {
            let number = before.rsplit(' ').next().unwrap_or_default();
            assert_eq!(number, limit.to_string(), "{situation:?}: {said}");
        }
        for score in 0..=10u8 {
            let too_much = score > limit;
            let runs = [run_with_pain(score)];
            // Home's load warning.
            let report = analyse_in(&runs, &[], &Settings::default(), today(), &situation);
            let warned = report
                .warnings
                .iter()
                .any(|w| w.rule == Rule::PainDuringRun);
            assert_eq!(
                warned, too_much,
                "{situation:?}: load warning at {score}/10"
            );
            if let Some(warning) = report
                .warnings
                .iter()
                .find(|w| w.rule == Rule::PainDuringRun)
            {
                assert!(warning.what_to_do.contains(&format!("{limit}/10 or less")));
            }
            // Home's pain trend.
            let described = trend(&runs, &[], today(), 7, rule).description;
            assert_eq!(
                described.contains("Ease off"),
                too_much,
                "{situation:?} at {score}/10: {described}"
            );
            if too_much {
                assert!(!described.contains("fine range") && !described.contains("acceptable"));
            }
            // The plan counts a session by the same limit while the knee recovers.
            if rule == PainRule::Recovery {
                let state = protocol::evaluate(
                    today() - Days::new(3),
                    Stage::Week1,
                    &[Session {
                        date: today() - Days::new(1),
                        pain_during: Some(score),
                        pain_after: Some(score),
                        next_day_pain: None,
                        next_morning_stiff: false,
                    }],
                );
                assert_eq!(
                    state.done_in_stage == 1,
                    !too_much,
                    "{situation:?}: the plan at {score}/10"
                );
            }
        }
    }
}

#[test]
fn the_two_rules_differ_only_at_4_and_5() {
    for score in 0..=10u8 {
        let s = PainScore::new(score).unwrap();
        assert_eq!(
            PainRule::Training.is_too_much(s) != PainRule::Recovery.is_too_much(s),
            (4..=5).contains(&score),
            "{score}/10"
        );
    }
}
