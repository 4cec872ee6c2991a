//! Every date in stored data is read and written by `domain::iso`: a field of a serde type
//! holding a `NaiveDate` or a `DateTime<Utc>` must name one of its modules. chrono's own
//! serde support cannot be switched off (fitparser turns it on), so a field that forgot
//! would compile, quietly bring chrono's general parser back into the page's wasm, and
//! read dates by other rules than the ones tested in `iso`.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;

const DATE_TYPES: &[&str] = &[
    "NaiveDate",
    "Option<NaiveDate>",
    "DateTime<Utc>",
    "Option<DateTime<Utc>>",
    "NaiveDateTime",
    "DateTime<FixedOffset>",
];

fn rust_files(dir: &Path, found: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            found.push(path);
        }
    }
}

/// (file, line, field) of each date field in a type that derives Serialize or Deserialize,
/// and whether the attributes above it name `iso`.
fn stored_date_fields() -> Vec<(String, usize, String, bool)> {
    let mut files = Vec::new();
    rust_files(Path::new("src"), &mut files);
    let mut fields = Vec::new();
    for path in files {
        let text = fs::read_to_string(&path).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        let mut derives_serde = false;
        let mut inside: Option<usize> = None;
        for (index, line) in lines.iter().enumerate() {
            let trimmed = line.trim();
            if trimmed.starts_with("#[derive(") {
                derives_serde = trimmed.contains("Serialize") || trimmed.contains("Deserialize");
            }
            let indent = line.len() - line.trim_start().len();
            let opens_type = [
                "struct ",
                "enum ",
                "pub struct ",
                "pub enum ",
                "pub(crate) struct ",
            ]
            .iter()
            .any(|start| trimmed.starts_with(start));
            if opens_type && inside.is_none() {
                inside = derives_serde.then_some(indent);
                derives_serde = false;
                continue;
            }
            let Some(type_indent) = inside else { continue };
            if trimmed.starts_with('}') && indent == type_indent {
                inside = None;
                continue;
            }
            let Some((name, ty)) = trimmed.trim_end_matches(',').split_once(": ") else {
                continue;
            };
            if DATE_TYPES.contains(&ty) && !name.contains('(') {
                let attributes = lines[..index]
                    .iter()
                    .rev()
                    .take_while(|above| {
                        let above = above.trim();
                        above.starts_with("#[") || above.starts_with("///")
                    })
                    .any(|above| above.contains("crate::domain::iso::"));
                fields.push((
                    path.display().to_string(),
                    index + 1,
                    name.to_string(),
                    attributes,
                ));
            }
        }
    }
    fields
}

#[test]
fn every_stored_date_reads_through_iso() {
    let fields = stored_date_fields();
    // The records, the plan's start, backups and import summaries: if this finds none,
    // the scan itself is broken.
    assert!(fields.len() >= 15, "found only {fields:?}");
    let forgotten: Vec<_> = fields.iter().filter(|(.., named)| !named).collect();
    assert!(
        forgotten.is_empty(),
        "these stored dates do not say #[serde(with = \"crate::domain::iso::…\")]: {forgotten:?}"
    );
}
