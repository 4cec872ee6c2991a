//! One question per screen: progress, the question, its answers as big buttons, Back and
//! (where allowed) Skip. Answering moves on at once; multi-choice screens have Continue.

use leptos::prelude::*;

use crate::components::words::said;

use crate::domain::locale::English;
use crate::domain::triage::answers::toggle_choice;
use crate::domain::triage::questions::{Kind, Question, Section, NONE};
use crate::domain::triage::Step;
use crate::domain::units::DistanceUnit;

use super::knee_map::KneeMap;

/// What the person did on a question screen.
#[derive(Clone, Debug)]
pub enum Action {
    Answer(&'static str, Vec<String>),
    Skip(&'static str),
    Back,
}

/// All the sections plus the result screen, for "Step 2 of 6".
pub const STEPS: usize = Section::ALL.len() + 1;

#[component]
pub fn QuestionScreen(
    step: Step,
    /// The choices already given for this question, shown pressed.
    given: Vec<String>,
    /// The runner's unit, for answers that name a distance.
    unit: DistanceUnit,
    /// The runner's English.
    english: English,
    on_action: Callback<Action>,
) -> impl IntoView {
    let Step::Ask {
        question,
        number,
        total,
        section,
    } = step
    else {
        return ().into_any();
    };
    let percent = (number * 100) / total.max(1);
    let body = match question.kind {
        Kind::YesNo | Kind::Single | Kind::Scale => {
            one_tap(question, &given, unit, english, on_action).into_any()
        }
        Kind::Multi | Kind::KneeMap => pick_many(question, given, english, on_action).into_any(),
    };
    view! {
        // The question's id, for tests that tell a story by question rather than by position.
        <section class="card kc-wizard" aria-labelledby="kc-question" data-question=question.id>
            <p class="kc-step">
                {english.say(&format!("Step {} of {STEPS}: {}", section.number(), section.title()))}
            </p>
            <div
                class="kc-progress"
                role="progressbar"
                aria-label=english.say("Knee check progress")
                aria-valuemin="0"
                aria-valuemax=total.to_string()
                aria-valuenow=number.to_string()
                aria-valuetext=english.say(&format!("Question {number} of {total}"))
            >
                // Drawn with an SVG attribute: the app's content security policy allows
                // no inline styles.
                <svg viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                    <rect width=percent.to_string() height="8"></rect>
                </svg>
            </div>
            <p class="hint kc-count">{english.say(&format!("Question {number} of {total}"))}</p>
            <h2 id="kc-question" tabindex="-1">{english.say(question.text)}</h2>
            {(!question.hint.is_empty()).then(|| view! { <p class="hint">{english.say(question.hint)}</p> })}
            {body}
            <div class="actions kc-nav">
                <button type="button" class="button secondary" on:click=move |_| on_action.run(Action::Back)>
                    {said("Back")}
                </button>
                {question
                    .skippable
                    .then(|| {
                        view! {
                            <button
                                type="button"
                                class="button secondary"
                                on:click=move |_| on_action.run(Action::Skip(question.id))
                            >
                                {said("Skip this question")}
                            </button>
                        }
                    })}
            </div>
        </section>
    }
    .into_any()
}

/// Yes/no, pick-one and 0–10: each answer is a big button that answers and moves on.
fn one_tap(
    question: &'static Question,
    given: &[String],
    unit: DistanceUnit,
    english: English,
    on_action: Callback<Action>,
) -> impl IntoView {
    let class = match question.kind {
        Kind::YesNo => "kc-choices kc-yesno",
        Kind::Scale => "kc-choices kc-scale",
        _ => "kc-choices",
    };
    let buttons = question
        .offered_choices()
        .map(|choice| {
            let pressed = given.iter().any(|id| id == choice.id);
            view! {
                <button
                    type="button"
                    class="button kc-choice"
                    aria-pressed=if pressed { "true" } else { "false" }
                    on:click=move |_| {
                        on_action.run(Action::Answer(question.id, vec![choice.id.to_string()]))
                    }
                >
                    {english.say(choice.label_in(unit))}
                </button>
            }
        })
        .collect_view();
    view! { <div class=class role="group" aria-labelledby="kc-question">{buttons}</div> }
}

/// Several answers (or areas on the knee map), then Continue.
fn pick_many(
    question: &'static Question,
    given: Vec<String>,
    english: English,
    on_action: Callback<Action>,
) -> impl IntoView {
    let selected = RwSignal::new(given);
    let picker = if question.kind == Kind::KneeMap {
        view! { <KneeMap question=question selected=selected /> }.into_any()
    } else {
        // On a safety screen "None of these" is the quick answer: one tap answers and moves
        // on, as "No" does on the yes/no safety questions.
        let quick_none = question.section == Section::Safety;
        let buttons = question
            .offered_choices()
            .map(|choice| {
                let id = choice.id;
                if quick_none && id == NONE {
                    let given = selected.with_untracked(|ids| ids.iter().any(|x| x == NONE));
                    return view! {
                        <button
                            type="button"
                            class="button kc-choice"
                            aria-pressed=if given { "true" } else { "false" }
                            on:click=move |_| {
                                on_action.run(Action::Answer(question.id, vec![NONE.to_string()]))
                            }
                        >
                            {english.say(choice.label)}
                        </button>
                    }
                    .into_any();
                }
                let pressed = move || selected.with(|ids| ids.iter().any(|x| x == id));
                view! {
                    <button
                        type="button"
                        class="button kc-choice kc-toggle"
                        aria-pressed=move || if pressed() { "true" } else { "false" }
                        on:click=move |_| {
                            selected.update(|ids| {
                                toggle_choice(ids, id);
                            })
                        }
                    >
                        {english.say(choice.label)}
                    </button>
                }
                .into_any()
            })
            .collect_view();
        view! { <div class="kc-choices" role="group" aria-labelledby="kc-question">{buttons}</div> }
            .into_any()
    };
    let nothing_picked = move || selected.with(Vec::is_empty);
    view! {
        {picker}
        <p class="hint" aria-live="polite">
            {move || {
                let count = selected.with(Vec::len);
                match count {
                    0 => "Nothing chosen yet.".to_string(),
                    1 => "1 chosen.".to_string(),
                    n => format!("{n} chosen."),
                }
            }}
        </p>
        <button
            type="button"
            class="button kc-continue"
            aria-disabled=move || nothing_picked().then_some("true")
            on:click=move |_| {
                let picked = selected.get_untracked();
                if picked.is_empty() {
                    return;
                }
                on_action.run(Action::Answer(question.id, picked));
            }
        >
            {said("Continue")}
        </button>
    }
}
