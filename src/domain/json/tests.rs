//! This codec against serde_json, the oracle it replaces in the page: the same text for the
//! same values, the same values from the same text, the same texts refused; and no panic,
//! whatever the text.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use proptest::collection::{btree_map, vec};
use proptest::prelude::*;
use serde_json::value::RawValue;

use super::*;

/// JSON trees as serde_json holds them: every kind of number, strings with escapes,
/// control characters and characters outside the BMP.
fn any_tree() -> impl Strategy<Value = serde_json::Value> {
    let text = prop_oneof![
        "\\PC{0,12}",
        "[\"\\\\/\\u{0}-\\u{1f}\\u{7f}é😀a]{0,8}",
        ".{0,6}"
    ];
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<u64>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(serde_json::Value::from),
        text.clone().prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(5, 80, 6, move |inner| {
        prop_oneof![
            vec(inner.clone(), 0..6).prop_map(serde_json::Value::from),
            btree_map(text.clone(), inner, 0..6)
                .prop_map(|map| serde_json::Value::Object(map.into_iter().collect())),
        ]
    })
}

/// Valid JSON with a few bytes damaged: cut short, a character dropped, doubled or
/// replaced by one of JSON's own.
fn damaged_text() -> impl Strategy<Value = String> {
    (
        any_tree(),
        vec(
            (
                any::<prop::sample::Index>(),
                0..4u8,
                any::<prop::sample::Index>(),
            ),
            1..4,
        ),
    )
        .prop_map(|(tree, edits)| {
            let mut chars: Vec<char> = serde_json::to_string(&tree).unwrap().chars().collect();
            const SPARE: [char; 14] = [
                '"', '\\', '[', ']', '{', '}', ',', ':', '-', '0', '.', 'e', ' ', 'u',
            ];
            for (at, edit, pick) in edits {
                if chars.is_empty() {
                    break;
                }
                let at = at.index(chars.len());
                match edit {
                    0 => chars.truncate(at),
                    1 => {
                        chars.remove(at);
                    }
                    2 => chars.insert(at, chars[at]),
                    _ => chars[at] = *pick.get(&SPARE),
                }
            }
            chars.into_iter().collect()
        })
}

/// serde_json's text for `value`, or where core and serde_json break a tie differently
/// (the float exactly halfway between two shortest forms: core rounds up, serde_json to
/// even) a text as short that reads back as the same float; and it does read back.
fn same_as_serde_json(value: f64) {
    let ours = to_string(&value).unwrap();
    let theirs = serde_json::to_string(&value).unwrap();
    if ours != theirs {
        let tie: f64 = serde_json::from_str(&theirs).unwrap();
        assert_eq!(ours.len(), theirs.len(), "{ours} / {theirs}");
        assert_eq!(from_str::<f64>(&ours).unwrap().to_bits(), tie.to_bits());
    }
    if value.is_finite() {
        let back: f64 = from_str(&ours).unwrap();
        assert_eq!(back.to_bits(), value.to_bits(), "{ours}");
    }
}

#[test]
fn floats_are_written_as_serde_json_writes_them_and_read_back_exactly() {
    // A tie: …456.53125 is …456.5313 to core and …456.5312 to serde_json.
    same_as_serde_json("806655266456.53125".parse().unwrap());
    for value in [
        0.0,
        -0.0,
        1.0,
        5000.0,
        4_988.966_4,
        0.1,
        0.3,
        123.456,
        1e15,
        1e16,
        1.5e16,
        12_345_678_901_234_567.0,
        1e-4,
        1e-5,
        1.5e-5,
        1e-6,
        1e-7,
        1.2345e-7,
        f64::MAX,
        f64::MIN,
        f64::MIN_POSITIVE,
        5e-324,
        f64::EPSILON,
        std::f64::consts::PI,
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
    ] {
        same_as_serde_json(value);
    }
    for value in [0.1f32, 1e13, 1e-6, 1e-7, 3.4e38, 1.17e-38, 16_777_216.0] {
        assert_eq!(
            to_string(&value).unwrap(),
            serde_json::to_string(&value).unwrap()
        );
    }
}

#[test]
fn nesting_is_limited_as_serde_json_limits_it() {
    for depth in [1, 126, 127, 128, 129, 100_000] {
        let text = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        assert_eq!(
            from_str::<Value>(&text).is_ok(),
            serde_json::from_str::<serde_json::Value>(&text).is_ok(),
            "depth {depth}"
        );
        // Skipping a value uses no stack: a deep item is still one item.
        let wrapped = format!("[{text},1]");
        assert_eq!(array_items(&wrapped).unwrap().len(), 2, "depth {depth}");
        let unclosed = "[{\"a\":".repeat(depth);
        assert!(from_str::<Value>(&unclosed).is_err());
        assert!(array_items(&unclosed).is_err());
    }
}

#[test]
fn errors_say_whether_the_text_is_json() {
    let syntax = from_str::<Value>("{\"a\":1,}").unwrap_err();
    assert!(syntax.is_syntax());
    assert_eq!(syntax.position(), Some((1, 8)));
    let shape = from_str::<u32>("\"five\"").unwrap_err();
    assert!(!shape.is_syntax());
    assert_eq!(
        shape.to_string(),
        "invalid type: string \"five\", expected u32"
    );
    assert!(!array_items("{}").unwrap_err().is_syntax());
    assert!(array_items("{").unwrap_err().is_syntax());
    assert!(!object_fields("[1]").unwrap_err().is_syntax());
}

#[test]
fn displayed_values_are_escaped_only_when_they_need_it() {
    struct Shown(&'static str);
    impl serde::Serialize for Shown {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.collect_str(self.0)
        }
    }
    for text in ["2026-11-20T07:00:00Z", "say \"hi\"\n\u{1}", "", "é😀"] {
        let shown = [Shown(text), Shown("x")];
        assert_eq!(
            to_string(&shown).unwrap(),
            serde_json::to_string(&shown).unwrap()
        );
    }
}

#[test]
fn a_choice_is_named_by_a_string() {
    use crate::domain::import::{FileOutcome, ImportError};
    let damaged = to_string(&FileOutcome::Err(ImportError::Damaged)).unwrap();
    assert_eq!(
        damaged,
        serde_json::to_string(&FileOutcome::Err(ImportError::Damaged)).unwrap()
    );
    assert_eq!(
        from_str::<FileOutcome>(&damaged).unwrap(),
        Err(ImportError::Damaged)
    );
    // serde would take a number for a variant's index; JSON keys are strings.
    for text in [
        r#"{1:"Damaged"}"#,
        "{}",
        r#"{"Err":"Damaged","Ok":1}"#,
        "[]",
        "null",
    ] {
        assert!(from_str::<FileOutcome>(text).is_err(), "{text}");
        assert!(serde_json::from_str::<FileOutcome>(text).is_err(), "{text}");
    }
}

#[test]
fn raw_fields_keep_their_order_and_unescape_their_keys() {
    let fields =
        object_fields(r#" {"sch\u0065ma" : 2, "data":[1, {"a":"}"}] ,"schema":3} "#).unwrap();
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (&**k, *v)).collect();
    assert_eq!(
        fields,
        [
            ("schema", "2"),
            ("data", r#"[1, {"a":"}"}]"#),
            ("schema", "3")
        ]
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_f64_is_written_as_serde_json_writes_it(bits in any::<u64>()) {
        same_as_serde_json(f64::from_bits(bits));
    }

    #[test]
    fn any_tree_reads_and_writes_as_serde_json(tree in any_tree()) {
        let text = serde_json::to_string(&tree).unwrap();
        let ours: Value = from_str(&text).unwrap();
        let written = to_string(&ours).unwrap();
        prop_assert!(written == text || written.len() == text.len(), "{} / {}", written, text);
        let theirs: serde_json::Value = serde_json::from_str(&to_string(&ours).unwrap()).unwrap();
        prop_assert_eq!(theirs, tree.clone());
        // Pretty text, with all its whitespace, reads the same.
        let pretty = serde_json::to_string_pretty(&tree).unwrap();
        prop_assert_eq!(from_str::<Value>(&pretty).unwrap(), ours);
        if let serde_json::Value::Array(items) = &tree {
            let raw: Vec<&str> = array_items(&pretty).unwrap();
            prop_assert_eq!(raw.len(), items.len());
            for (raw, item) in raw.iter().zip(items) {
                prop_assert_eq!(&serde_json::from_str::<serde_json::Value>(raw).unwrap(), item);
            }
        }
    }

    #[test]
    fn damaged_text_is_refused_exactly_when_serde_json_refuses_it(text in damaged_text()) {
        let ours = from_str::<Value>(&text);
        let theirs = serde_json::from_str::<serde_json::Value>(&text);
        prop_assert_eq!(ours.is_ok(), theirs.is_ok(), "{:?}: {:?} / {:?}", text, ours, theirs);
        if let (Ok(ours), Ok(theirs)) = (ours, theirs) {
            prop_assert_eq!(serde_json::to_value(&ours).unwrap(), theirs);
        }
        let items = array_items(&text).map(|items| items.len());
        let raw = serde_json::from_str::<Vec<&RawValue>>(&text).map(|items| items.len());
        prop_assert_eq!(items.ok(), raw.ok(), "{:?}", text);
    }

    #[test]
    fn no_text_makes_it_panic(text in "\\PC{0,40}|[\\[\\]{}\",:0-9.eE+\\-\\\\ untrfalse]{0,40}") {
        let _ = from_str::<Value>(&text);
        let _ = from_str::<f64>(&text);
        let _ = from_str::<Vec<crate::domain::records::Run>>(&text);
        let _ = array_items(&text);
        let _ = object_fields(&text);
    }
}
