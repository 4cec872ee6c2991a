//! The docs written from the code (`docs/knee-check.md`, `docs/back-to-running.md`), in each
//! English the app speaks: the UK file under its own name, the US one beside it as
//! `<name>.en-US.md`, each the same words the app shows a runner of that English (the US
//! file is the UK text through [`English::say`], as the screens are). A test per doc
//! compares the committed files with what the code writes; `UPDATE_DOCS=1` rewrites them.

use std::path::Path;

use crate::domain::locale::English;

/// The file of `stem` in `english`, relative to `docs/`.
fn file_name(stem: &str, english: English) -> String {
    match english {
        English::Uk => format!("{stem}.md"),
        English::Us | English::Pseudo => format!("{stem}.{}.md", english.tag()),
    }
}

/// `markdown` (UK English) as the doc in `english`: its words, and under the title a line
/// naming the English and linking the other.
pub fn localized(stem: &str, markdown: &str, english: English) -> String {
    let other = match english {
        English::Uk => English::Us,
        English::Us | English::Pseudo => English::Uk,
    };
    let said = english.say(markdown);
    let (title, rest) = said.split_once('\n').unwrap_or((&said, ""));
    format!(
        "{title}\n\n*In {}. Also in [{}]({}).*\n{rest}",
        english.name(),
        other.name(),
        file_name(stem, other)
    )
}

/// Compares (or with `UPDATE_DOCS` set, writes) `docs/<stem>.md` and its US English twin
/// with `markdown`; the message says which differs and how to rewrite it.
pub fn check(stem: &str, markdown: &str, update_command: &str) -> Result<(), String> {
    let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs");
    for english in [English::Uk, English::Us] {
        let name = file_name(stem, english);
        let path = docs.join(&name);
        let written = localized(stem, markdown, english);
        if std::env::var_os("UPDATE_DOCS").is_some() {
            std::fs::write(&path, &written).map_err(|e| format!("{}: {e}", path.display()))?;
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        if committed != written {
            return Err(format!(
                "docs/{name} differs from the code: run `UPDATE_DOCS=1 {update_command}`"
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::content::us_words::uk_words_in;

    #[test]
    fn each_english_names_itself_and_links_the_other() {
        let uk = localized(
            "plan",
            "# The plan\n\nSee a GP or physiotherapist.\n",
            English::Uk,
        );
        assert_eq!(
            uk,
            "# The plan\n\n*In UK English. Also in [US English](plan.en-US.md).*\n\nSee a GP or \
             physiotherapist.\n"
        );
        let us = localized(
            "plan",
            "# The plan\n\nSee a GP or physiotherapist.\n",
            English::Us,
        );
        assert!(
            us.contains("*In US English. Also in [UK English](plan.md).*"),
            "{us}"
        );
        assert!(uk_words_in(&us).is_empty(), "{us}");
    }
}
