//! Knee checks saved by earlier versions read in today's questions: each still shows the
//! care it gave and the answers behind it, and nothing it stored is rewritten.
// Tests may panic on a broken fixture: that is their way to fail.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use patella::domain::json;
use patella::domain::records::{CareTier, TriageRecord};
use patella::domain::schema::{migrate, Collection};
use patella::domain::triage::{evaluate, Answers};
use serde_json::Value;

fn saved(name: &str) -> Vec<TriageRecord> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/knee-checks")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let envelope: Value = serde_json::from_str(&text).unwrap();
    let schema = envelope["schema"].as_u64().unwrap();
    // The migration steps work on the app's own JSON tree, which holds the same numbers.
    let data: json::Value = serde_json::from_value(envelope["data"].clone()).unwrap();
    let data = migrate(Collection::Triage, schema, data, |_| {
        chrono::FixedOffset::east_opt(0).unwrap()
    })
    .unwrap();
    serde_json::to_value(data)
        .and_then(serde_json::from_value)
        .unwrap()
}

#[test]
fn checks_from_when_age_was_asked_only_after_an_injury_keep_their_reasons() {
    let records = saved("patella.triage-v2-ask-age-after-injury.json");
    let [over_55, under_55] = records.as_slice() else {
        panic!("two checks expected, found {}", records.len());
    };

    let outcome = evaluate(&Answers::from_record_map(&over_55.answers));
    assert_eq!(over_55.care_tier, CareTier::SameDay);
    assert_eq!(outcome.tier, CareTier::SameDay);
    let said: Vec<&str> = outcome.care_reasons.iter().map(|r| r.said).collect();
    assert!(said.contains(&"you are 55 or older"), "{said:?}");
    assert!(outcome.care_reasons[0].action.contains("X-ray"));

    let outcome = evaluate(&Answers::from_record_map(&under_55.answers));
    assert_eq!(outcome.tier, under_55.care_tier);
    let said: Vec<&str> = outcome.care_reasons.iter().map(|r| r.said).collect();
    assert!(
        !said.contains(&"you left a safety question unanswered"),
        "{said:?}"
    );
    assert_eq!(outcome.condition_keys(), under_55.conditions);
    // The stored answers are read, never rewritten.
    assert_eq!(under_55.answers["ot_age"], "no");
}
