//! `docs/knee-check.md` (and its US English twin, `docs/knee-check.en-US.md`), the knee
//! check's decision table for a clinician to review, written from the questions, rules and
//! knowledge base themselves so it cannot drift from the code. A test compares the committed
//! files with what this writes (`domain::generated_docs`); `UPDATE_DOCS=1 cargo test
//! decision_table` rewrites it.

use std::fmt::Write;

use super::engine::{self, PAINLESS_CLICKING};
use super::questions::{self, Kind, Question};
use super::rules::{When, CARE_RULES, EVIDENCE, FACTOR_RULES, LIKELY_AT, SCORE_RULES};
use crate::domain::content::{self, plan};

fn kind(question: &Question) -> &'static str {
    match question.kind {
        Kind::YesNo => "yes / no",
        Kind::Single => "pick one",
        Kind::Multi => "pick any",
        Kind::KneeMap => "knee map, pick any",
        Kind::Scale => "0 to 10",
    }
}

fn answer(when: &When) -> String {
    let label = questions::find(when.question)
        .and_then(|q| q.choice(when.choice))
        .map_or(when.choice, |c| if c.offered { c.label } else { c.said });
    format!("`{}` = {label}", when.question)
}

/// "a, b or c".
fn join_or(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// Markdown cells may not hold a bare `|`.
fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}

pub fn markdown() -> String {
    let mut out = String::new();
    let w = &mut out;
    let _ = writeln!(
        w,
        "# The knee check: questions, rules and every sentence of the result\n"
    );
    let _ = writeln!(
        w,
        "Written by `src/domain/triage/decision_table.rs` from the code itself; the test \
         command fails if this file differs from it. Sources are in DESIGN.md. Red flags are \
         asked first; an answer marked *ends the check* shows the result at once, and the \
         answers after it are forgotten (other warning signs already given are kept, so the \
         most urgent care wins). The most urgent tier of any rule that holds is the result.\n"
    );

    let _ = writeln!(w, "## Questions, in the order asked\n");
    for (number, question) in questions::all().enumerate() {
        let _ = writeln!(
            w,
            "{}. **{}** `{}`  ",
            number + 1,
            question.text,
            question.id
        );
        let mut about = vec![
            question.section.title().to_string(),
            kind(question).to_string(),
        ];
        if let Some((q, choices)) = question.only_if {
            let choices: Vec<String> = choices.iter().map(|c| format!("`{c}`")).collect();
            about.push(format!("asked only when `{q}` is {}", join_or(&choices)));
        }
        let safety = questions::is_safety_check(question, false);
        about.push(
            match (question.skippable, safety) {
                (false, true) => "a safety question: must be answered",
                (false, false) => "must be answered",
                (true, true) => {
                    "may be skipped; a safety question: skipped, the result is at least see someone soon"
                }
                (true, false) => "may be skipped",
            }
            .into(),
        );
        if !safety && questions::is_safety_check(question, true) {
            about.push(
                "after a fall, twist or knock a safety question: skipped then, the result is at \
                 least see someone soon"
                    .into(),
            );
        }
        let _ = writeln!(w, "   {}.  ", about.join("; "));
        if !question.hint.is_empty() {
            let _ = writeln!(w, "   Hint: {}  ", question.hint);
        }
        let choices: Vec<String> = question
            .choices
            .iter()
            .map(|c| {
                if c.from_log {
                    format!(
                        "*{}* (`{}`, from the Log's shoes; the question is then not asked)",
                        c.said, c.id
                    )
                } else if let Some((km, _)) = c.km {
                    format!("{} (`{}`; for a runner in km: {km})", c.label, c.id)
                } else if c.offered {
                    format!("{} (`{}`)", c.label, c.id)
                } else {
                    format!(
                        "*{}* (`{}`, only in checks saved by earlier versions)",
                        c.said, c.id
                    )
                }
            })
            .collect();
        let _ = writeln!(w, "   Answers: {}.  ", choices.join(" · "));
        // The result repeats answers as "Because you said …": each answer's words.
        let said: Vec<String> = question
            .choices
            .iter()
            .map(|c| match c.km {
                Some((_, km)) => format!("\"{}\" (in km: \"{km}\")", c.said),
                None => format!("\"{}\"", c.said),
            })
            .collect();
        let _ = writeln!(w, "   Said back as: {}.\n", said.join(" · "));
    }

    let _ = writeln!(w, "## Care rules\n");
    let _ = writeln!(
        w,
        "| When | Tier | Ends the check | What the result says to do |"
    );
    let _ = writeln!(w, "| --- | --- | --- | --- |");
    for rule in &CARE_RULES {
        let when: Vec<String> = rule.reads().map(answer).collect();
        let _ = writeln!(
            w,
            "| {} | {} | {} | {} |",
            cell(&when.join(" and ")),
            engine::tier_name(rule.tier),
            if rule.stops { "yes" } else { "no" },
            cell(rule.action)
        );
    }
    for rule in &SCORE_RULES {
        let (q, choices) = rule.gate;
        let gate: Vec<String> = choices
            .iter()
            .map(|c| {
                answer(&When {
                    question: q,
                    choice: c,
                })
            })
            .collect();
        let points = if rule.points.end() == &usize::MAX {
            format!("{} points or more", rule.points.start())
        } else {
            format!("{} to {} points", rule.points.start(), rule.points.end())
        };
        let _ = writeln!(
            w,
            "| {} and {} on the {} | {} | {} | {} |",
            cell(&join_or(&gate)),
            points,
            rule.name,
            engine::tier_name(rule.tier),
            if rule.stops { "yes" } else { "no" },
            cell(rule.action)
        );
    }
    if let Some(rule) = SCORE_RULES.first() {
        let items: Vec<String> = rule.items.iter().map(answer).collect();
        let _ = writeln!(
            w,
            "\nThe {} counts one point for each of: {}. It is counted once `{}` is answered; \
             the quoted reason is every answer that counted.",
            rule.name,
            items.join("; "),
            rule.decided_at
        );
    }
    let _ = writeln!(
        w,
        "\nWhile a blood clot is possible (`rf_calf` answered anything but `none`, or not \
         answered), no result shows an exercise marked to avoid then ({}), and the plan's \
         \"{}\" becomes \"{}\"",
        content::EXERCISES
            .iter()
            .filter(|e| e.avoid_if_clot)
            .map(|e| e.name)
            .collect::<Vec<_>>()
            .join(", "),
        plan::STRETCH_AND_ROLL,
        plan::STRETCH_NOT_CALF
    );
    let _ = writeln!(
        w,
        "\nAlso see someone soon: a safety question skipped, or not reached in an unfinished \
         check (\"{}\": {}); no condition reaching {LIKELY_AT} points (\"{}\": {}); a likely \
         condition that needs examining (below).\n",
        engine::SKIPPED_SAFETY_SAID,
        engine::SKIPPED_SAFETY,
        engine::NO_CLEAR_PATTERN_SAID,
        engine::NO_CLEAR_PATTERN
    );

    let _ = writeln!(w, "## Likely conditions\n");
    let _ = writeln!(
        w,
        "A condition is listed when its points reach {LIKELY_AT}; a likely injury is listed \
         first, then by points. Nothing is listed after a warning sign.\n"
    );
    for condition in &content::CONDITIONS {
        let _ = writeln!(w, "### {} (`{}`)\n", condition.name, condition.id.key());
        let points: Vec<String> = EVIDENCE
            .iter()
            .filter(|e| e.condition == condition.id)
            .map(|e| format!("{} (+{})", answer(&e.when), e.weight))
            .collect();
        let _ = writeln!(w, "Points: {}.\n", points.join("; "));
        let _ = writeln!(w, "About: {}\n", condition.about);
        let _ = writeln!(w, "Timeline: {}\n", condition.timeline);
        for (phase, change) in condition.changes {
            let title = phase.title();
            let _ = writeln!(w, "When likely, the plan adds in {title}: {change}\n");
        }
        if !condition.first_line.is_empty() {
            let names: Vec<&str> = condition
                .first_line
                .iter()
                .filter_map(|id| content::exercises::find(id))
                .map(|exercise| exercise.name)
                .collect();
            let _ = writeln!(
                w,
                "First-line exercise, always offered when likely: {}. *Source:* {}\n",
                names.join(" and "),
                condition.first_line_source
            );
        }
        if condition.exercises_wait_for_assessment {
            let _ = writeln!(
                w,
                "When likely: no exercises or running plan until examined; the plan is the \
                 week \"{}\" (see below), with the first days' care.\n",
                plan::UNTIL_SEEN
            );
        }
        if let Some(see_soon) = &condition.see_soon {
            let _ = writeln!(
                w,
                "When likely, see someone soon, because you said \"{}\": {}\n",
                see_soon.said, see_soon.action
            );
        }
    }

    let _ = writeln!(w, "## Contributing factors\n");
    for factor in &content::FACTORS {
        let when: Vec<String> = FACTOR_RULES
            .iter()
            .filter(|r| r.factor == factor.id)
            .map(|r| answer(&r.when))
            .collect();
        let _ = writeln!(
            w,
            "- **{}** when {}. {}",
            factor.name,
            when.join(" or "),
            factor.why
        );
        for (phase, change) in factor.changes {
            let title = phase.title();
            let _ = writeln!(w, "  - {title}: {change}");
        }
    }

    let _ = writeln!(w, "\n## The result\n");
    let _ = writeln!(
        w,
        "The first screen says four things, each once: the tier, with why (\"Because you \
         said …\", every answer that set it) or for self-care \"{}\"; what it probably is \
         (the two likeliest causes); what to do (after a warning sign, \"{}\": the care it \
         needs, most urgent first; otherwise this week as Home says it, below); and for self-care only, \
         when to be seen. Who and how soon for \"see a professional soon\" is the soonest \
         any reason at that tier asks: a doctor rather than a physiotherapist for a warning \
         sign not from running, a possible clot or a child under 12 after an injury; the next \
         day or two for a possible clot or that child, else the next few days.\n",
        engine::SELF_CARE_LINE,
        engine::DO_RIGHT_NOW
    );
    let _ = writeln!(
        w,
        "The plan (not after a warning sign): each phase opens with what Home says in it \
         (below), and adds these steps; for a runner told to be seen, the first days and \
         the first fortnight are one phase, \"{}\", and the later phases are counted from \
         being cleared:\n",
        plan::UNTIL_SEEN
    );
    for stage in &content::PLAN {
        let _ = writeln!(w, "- **{}**", stage.title);
        for step in stage.steps {
            let _ = writeln!(w, "  - {step}");
        }
    }
    let _ = writeln!(
        w,
        "\nSelf-care results only: the plan opens with \"{}\" and closes with \"{}\"\n",
        plan::REASSURANCE,
        content::SETTLING_TIMELINE
    );
    let _ = writeln!(
        w,
        "Notes: when `clicking` = painless, \"{PAINLESS_CLICKING}\" When it is the whole \
         story (pain now 0 to 2 out of 10 or not said, and no likely condition) the result is \
         self-care rather than \"no clear pattern\", and the note is said on the first \
         screen.\n"
    );
    let _ = writeln!(
        w,
        "The \"See someone\" line on a self-care result's first screen: \"{}\"\n",
        engine::SELF_CARE_SEE_SOMEONE
    );
    let _ = writeln!(
        w,
        "When to see a professional (every result without a warning sign):\n"
    );
    for line in engine::SEE_SOMEONE_IF {
        let _ = writeln!(w, "- {line}");
    }
    let _ = writeln!(
        w,
        "\nExercises offered (when nothing needs examining first):\n"
    );
    for exercise in &content::EXERCISES {
        let for_conditions: Vec<&str> = content::CONDITIONS
            .iter()
            .filter(|c| c.exercises.contains(&exercise.id))
            .map(|c| c.name)
            .collect();
        let for_factors: Vec<&str> = content::FACTORS
            .iter()
            .filter(|f| f.exercises.contains(&exercise.id))
            .map(|f| f.name)
            .collect();
        let mut offered_for: Vec<&str> = for_conditions;
        offered_for.extend(for_factors);
        let _ = writeln!(
            w,
            "- **{}**: {} {}{} Offered for: {}.",
            exercise.name,
            exercise.dose,
            exercise.how_to,
            if exercise.avoid_if_clot {
                " Never while a clot is possible."
            } else {
                ""
            },
            if offered_for.is_empty() {
                "nothing at present".to_string()
            } else {
                offered_for.join("; ")
            }
        );
    }
    let _ = writeln!(
        w,
        "\nAbove the exercises: \"{} {}\" When a likely cause needs examining first, instead \
         of exercises: \"{}\" Above the likely causes: \"{}\" Before the list of when to \
         see a professional: \"{}\" Below the exercises, when any is hip work: \"{}\"",
        content::EXERCISE_HINT,
        crate::domain::pain::PainRule::Recovery.sentence(),
        content::EXERCISES_WAIT,
        content::CAUSES_HINT,
        content::SEE_SOMEONE_IF_INTRO,
        content::HIP_WORK_TIMELINE
    );
    let _ = writeln!(w, "\nEvery result ends with: {}", content::DISCLAIMER);
    let _ = writeln!(
        w,
        "\n## Sources of the decisions added since DESIGN.md's list\n"
    );
    for source in &super::sources::SOURCES {
        let _ = writeln!(w, "- {} *Source:* {}", source.decision, source.source);
    }
    out
}

#[cfg(test)]
mod tests {

    use proptest::prelude::*;

    use super::super::answers::Answers;
    use super::super::engine::evaluate;
    use super::super::flow::{Draft, Step};
    use super::super::questions::Kind;
    use crate::domain::units::DistanceUnit;

    /// A path through the wizard: for each question asked, random picks among what it offers
    /// (warning signs included), or a skip where allowed.
    fn walk(picks: &[Vec<usize>]) -> Answers {
        let mut draft = Draft::new();
        let mut step = 0;
        while let Step::Ask { question, .. } = draft.step() {
            step += 1;
            if step > 80 {
                break;
            }
            let offered: Vec<&str> = question.offered_choices().map(|c| c.id).collect();
            let mine = picks
                .get(step % picks.len().max(1))
                .cloned()
                .unwrap_or_default();
            let mut chosen: Vec<&str> = mine.iter().map(|i| offered[i % offered.len()]).collect();
            if !matches!(question.kind, Kind::Multi | Kind::KneeMap) {
                chosen.truncate(1);
            }
            if chosen.is_empty() && !question.skippable {
                chosen.push(offered[offered.len() - 1]);
            }
            if chosen.is_empty() {
                draft.skip(question.id);
            } else {
                draft.answer(question.id, &chosen);
            }
        }
        draft.answers
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// Every sentence a result can show, for random paths in both units, is in the table:
        /// headline, reasons and actions, causes and because-lines, plan, exercises with their
        /// how-to, notes, and the "See someone" line.
        #[test]
        fn every_sentence_a_result_shows_is_in_the_table(
            picks in proptest::collection::vec(proptest::collection::vec(0usize..12, 0..3), 1..40),
            km in any::<bool>(),
        ) {
            let table = super::markdown() + &crate::domain::knee_check_result::weeks_markdown();
            let unit = if km { DistanceUnit::Km } else { DistanceUnit::Mi };
            let outcome = evaluate(&walk(&picks)).in_unit(unit);
            let mut shown: Vec<String> = outcome.sentences().iter().map(|s| s.to_string()).collect();
            let check = outcome.record(&walk(&picks), crate::domain::records::RecordId::from_random_bits(0), "2026-11-20T08:00:00Z".parse().unwrap());
            let screen = crate::domain::knee_check_result::first_screen(&outcome, &check);
            // Every likely condition's first-line exercises are offered, unless exercise waits.
            if !outcome.exercises_wait && !outcome.stopped_early {
                for likely in &outcome.conditions {
                    for id in likely.condition.first_line {
                        prop_assert!(outcome.has_exercise(id), "{id} for {:?}", likely.condition.id);
                    }
                }
            }
            // A self-care result never sends the runner to be seen first (Home would), and
            // care days away keeps them from running meanwhile.
            let asks = crate::domain::situation::after_check(&check).asks_to_be_seen();
            prop_assert!(!(outcome.tier == crate::domain::records::CareTier::SelfManage && asks), "{:#?}", screen.sentences());
            if outcome.stopped_early && outcome.tier == crate::domain::records::CareTier::SeeProfessionalSoon {
                prop_assert!(screen.do_now.iter().any(|a| a == crate::domain::situation::REST_UNTIL_EXAMINED));
            }
            // Whatever the path, the first screen says each thing once.
            let once = crate::domain::knee_check_result::says_each_thing_once(&screen);
            prop_assert!(once.is_ok(), "{:?}: {:#?}", once, screen.sentences());
            shown.extend(screen.do_now.iter().cloned());
            shown.push(screen.do_heading.clone());
            for phase in crate::domain::knee_check_result::plan(&outcome, &check) {
                shown.push(phase.headline.clone());
                shown.extend(phase.steps.iter().cloned());
            }
            let us_table = crate::domain::locale::English::Us.say(&table);
            for sentence in shown {
                let us = crate::domain::locale::English::Us.say(&sentence);
                let left = crate::domain::content::us_words::uk_words_in(&us);
                prop_assert!(left.is_empty(), "{left:?} in US English: {us}");
                prop_assert!(table.contains(&sentence), "missing from docs/knee-check.md: {sentence}");
                prop_assert!(us_table.contains(&us), "missing from docs/knee-check.en-US.md: {us}");
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(100))]

        /// Which knee it is changes nothing a result says: on any path, answered either way
        /// or skipped, the outcome is the same.
        #[test]
        fn which_knee_changes_no_advice(
            picks in proptest::collection::vec(proptest::collection::vec(0usize..12, 0..3), 1..40),
        ) {
            let answers = walk(&picks);
            let mut skipped = answers.clone();
            skipped.skip("side");
            let expected = evaluate(&skipped);
            for side in ["left", "right", "both"] {
                let mut told = answers.clone();
                told.set("side", &[side]);
                prop_assert_eq!(&evaluate(&told), &expected, "{}", side);
            }
        }
    }

    /// Every question, choice and help text reads in US English without a UK-only word.
    #[test]
    fn every_question_has_its_us_english() {
        use crate::domain::content::us_words::uk_words_in;
        use crate::domain::locale::English;
        for question in super::super::questions::all() {
            let mut texts = vec![question.text, question.hint];
            for choice in question.choices {
                texts.extend([choice.label, choice.said]);
            }
            for text in texts {
                let us = English::Us.say(text);
                assert!(uk_words_in(&us).is_empty(), "{us}");
            }
        }
    }

    #[test]
    fn decision_table_in_docs_is_current_in_each_english() {
        let written = super::markdown() + &crate::domain::knee_check_result::weeks_markdown();
        let checked = crate::domain::generated_docs::check(
            "knee-check",
            &written,
            "cargo test decision_table",
        );
        assert_eq!(checked, Ok(()));
    }
}
