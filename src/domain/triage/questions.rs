//! The knee check's questions as data: ids, plain-words text and answer choices.
//!
//! Ids are stable: they are saved in knee check records and in a wizard in progress.

use crate::domain::units::DistanceUnit;

/// The parts of the check, in the order they are asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    Safety,
    Start,
    Where,
    Behaviour,
    Causes,
}

impl Section {
    pub const ALL: [Section; 5] = [
        Section::Safety,
        Section::Start,
        Section::Where,
        Section::Behaviour,
        Section::Causes,
    ];

    /// 1-based, for "Step 2 of 5".
    pub fn number(self) -> usize {
        self as usize + 1
    }

    pub fn title(self) -> &'static str {
        match self {
            Section::Safety => "Safety first",
            Section::Start => "How it started",
            Section::Where => "Where it hurts",
            Section::Behaviour => "How it behaves",
            Section::Causes => "Why it might be happening",
        }
    }
}

/// How a question is answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Two big buttons, Yes and No; answered with one tap.
    YesNo,
    /// Pick one.
    Single,
    /// Pick any number, then continue.
    Multi,
    /// Pick areas on the knee map, then continue.
    KneeMap,
    /// Pick a number from 0 to 10.
    Scale,
}

/// One answer a person can give.
#[derive(Debug, PartialEq, Eq)]
pub struct Choice {
    /// Stable id, saved with the answers.
    pub id: &'static str,
    /// What the button says.
    pub label: &'static str,
    /// The answer as the outcome repeats it: "because you said {said}".
    pub said: &'static str,
    /// False for an answer only older saved checks hold (see [`legacy_choice`]), or one the
    /// app takes from the Log: it is read and explained, never offered.
    pub offered: bool,
    /// True for an answer the app takes from the Log instead of asking (see
    /// `triage::from_log`): a question so answered is not asked.
    pub from_log: bool,
    /// The label and the words said back for a runner who reads kilometres, when the answer
    /// names a distance; `label` and `said` are then in miles.
    pub km: Option<(&'static str, &'static str)>,
}

impl Choice {
    /// What the button says, in the runner's unit.
    pub fn label_in(&self, unit: DistanceUnit) -> &'static str {
        match (unit, self.km) {
            (DistanceUnit::Km, Some((label, _))) => label,
            _ => self.label,
        }
    }

    /// The answer as the outcome repeats it, in the runner's unit.
    pub fn said_in(&self, unit: DistanceUnit) -> &'static str {
        match (unit, self.km) {
            (DistanceUnit::Km, Some((_, said))) => said,
            _ => self.said,
        }
    }

    const fn in_km(self, label: &'static str, said: &'static str) -> Choice {
        Choice {
            km: Some((label, said)),
            ..self
        }
    }
}

/// `said` (any answer's words, as the outcome holds them) in the runner's unit.
pub fn said_in(said: &'static str, unit: DistanceUnit) -> &'static str {
    all()
        .flat_map(|question| question.choices.iter())
        .find(|choice| choice.said == said)
        .map_or(said, |choice| choice.said_in(unit))
}

#[derive(Debug, PartialEq, Eq)]
pub struct Question {
    pub id: &'static str,
    pub section: Section,
    pub text: &'static str,
    /// A line of help under the question; empty for none.
    pub hint: &'static str,
    pub kind: Kind,
    pub choices: &'static [Choice],
    /// Asked only when one of these earlier answers was given: (question id, choice ids).
    pub only_if: Option<(&'static str, &'static [&'static str])>,
    /// Whether "Skip" is offered. Safety questions need an answer.
    pub skippable: bool,
}

impl Question {
    pub fn choice(&self, id: &str) -> Option<&'static Choice> {
        self.choices.iter().find(|choice| choice.id == id)
    }

    /// The answers the wizard shows as buttons.
    pub fn offered_choices(&self) -> impl Iterator<Item = &'static Choice> {
        self.choices.iter().filter(|choice| choice.offered)
    }
}

pub const YES: &str = "yes";
pub const NO: &str = "no";
/// The exclusive "none of these" choice of a Multi question.
pub const NONE: &str = "none";
/// The onset answer that brings the injury (X-ray) questions.
pub const INJURY: &str = "injury";
/// The calf answers that make a blood clot in the leg possible, and bring its risk question.
pub const CALF_INVOLVED: [&str; 3] = ["pain", "tender", "swollen"];
/// The onset answer for a sharp pain that started suddenly with no fall or knock.
pub const SUDDEN: &str = "sudden";
/// The knee map's honest way out: the pain is all over, or in no one spot.
pub const ALL_OVER: &str = "all_over";
/// Choices that exclude every other choice of their question.
pub const EXCLUSIVE: [&str; 2] = [NONE, ALL_OVER];
/// The age at which the X-ray rule applies after a fall, twist or knock (Stiell 1995).
pub const AGE_55_PLUS: &str = "55_plus";
/// 50 to 54: old enough for a deep ache with morning stiffness to point to the joint surface.
pub const AGE_50_54: &str = "50_54";
/// "Under 55", from checks saved when age was asked only after an injury (as `ot_age`).
pub const AGE_UNDER_55: &str = "under_55";
/// Growing runners: the bands where knee pain can come from the hip and from the growth plates.
pub const AGE_UNDER_12: &str = "under_12";
pub const AGE_12_17: &str = "12_17";
pub const GROWING: [&str; 2] = [AGE_UNDER_12, AGE_12_17];

const fn yes_no(yes_said: &'static str, no_said: &'static str) -> [Choice; 2] {
    [choice(YES, "Yes", yes_said), choice(NO, "No", no_said)]
}

const fn safety(
    id: &'static str,
    text: &'static str,
    hint: &'static str,
    choices: &'static [Choice],
) -> Question {
    Question {
        id,
        section: Section::Safety,
        text,
        hint,
        kind: Kind::YesNo,
        choices,
        only_if: None,
        skippable: false,
    }
}

/// Whether `question` is a safety question: a red flag, or one of the injury (X-ray)
/// questions asked after a fall, twist or knock. Skipping one leaves something unruled out.
/// Age joins them after an injury, since the X-ray rule needs it.
pub fn is_safety_check(question: &Question, injured: bool) -> bool {
    question.section == Section::Safety
        || matches!(question.only_if, Some(("onset", choices)) if choices.contains(&INJURY))
        || (injured && question.id == "age")
}

const fn ottawa(
    id: &'static str,
    text: &'static str,
    hint: &'static str,
    choices: &'static [Choice],
) -> Question {
    Question {
        id,
        section: Section::Start,
        text,
        hint,
        kind: Kind::YesNo,
        choices,
        only_if: Some(("onset", &[INJURY])),
        skippable: true,
    }
}

const fn ask(
    id: &'static str,
    section: Section,
    kind: Kind,
    text: &'static str,
    hint: &'static str,
    choices: &'static [Choice],
) -> Question {
    Question {
        id,
        section,
        text,
        hint,
        kind,
        choices,
        only_if: None,
        skippable: true,
    }
}

const fn choice(id: &'static str, label: &'static str, said: &'static str) -> Choice {
    Choice {
        id,
        label,
        said,
        offered: true,
        from_log: false,
        km: None,
    }
}

/// An answer older saved checks hold that the wizard no longer offers.
const fn legacy_choice(id: &'static str, said: &'static str) -> Choice {
    Choice {
        id,
        label: "",
        said,
        offered: false,
        from_log: false,
        km: None,
    }
}

/// An answer the app takes from the Log (see `triage::from_log`), never offered.
const fn log_choice(id: &'static str, said: &'static str) -> Choice {
    Choice {
        from_log: true,
        ..legacy_choice(id, said)
    }
}

/// The shoe answers taken from the Log's shoes: the most worn pair in use against the
/// replacement distance the runner set (Settings), so no distance or unit is named.
pub const SHOES_PAST: &str = "log_past";
pub const SHOES_NEAR: &str = "log_near";
pub const SHOES_FINE: &str = "log_fine";

const RF_WEIGHT: [Choice; 2] = yes_no(
    "you cannot stand on the leg or put any weight on it",
    "you can stand on the leg",
);
/// Locked now is an emergency; a knee that locks and frees up again still needs seeing today.
pub const LOCKS_AT_TIMES: &str = "at_times";
const RF_WALK: [Choice; 2] = yes_no(
    "you cannot take four steps, even with a limp",
    "you can take four steps",
);
const RF_LOCKED: [Choice; 3] = [
    choice(
        YES,
        "Yes, it is stuck now",
        "the knee is locked and will not straighten",
    ),
    choice(
        LOCKS_AT_TIMES,
        "It locks at times, then frees up",
        "the knee locks at times and then frees up",
    ),
    choice(NO, "No", "the knee does not lock"),
];
const RF_GIVES_WAY: [Choice; 2] = yes_no("the knee gives way", "the knee does not give way");
const RF_SWOLLEN: [Choice; 2] = yes_no(
    "the knee is badly swollen or has changed shape",
    "the knee is not badly swollen",
);
const RF_HOT: [Choice; 2] = yes_no(
    "the knee is red and hot, or you have a fever or chills",
    "the knee is not red and hot",
);
const RF_NUMB: [Choice; 2] = yes_no(
    "you have numbness or tingling in the leg or foot",
    "you have no numbness or tingling",
);
/// Any one of pain, tenderness or swelling makes a clot possible (a clot is often not red);
/// tenderness and swelling are also items of the Wells score. "yes" and "no" are the
/// answers of the earlier question ("Is your calf swollen, red and painful?").
const RF_CALF: [Choice; 6] = [
    choice("pain", "It aches or hurts", "your calf aches or hurts"),
    choice(
        "tender",
        "It is tender to press",
        "your calf is tender to press",
    ),
    choice(
        "swollen",
        "It looks swollen, compared with the other calf",
        "your calf looks swollen",
    ),
    choice(
        NONE,
        "None of these",
        "your calf does not hurt and is not swollen",
    ),
    legacy_choice(YES, "your calf is swollen, red and painful"),
    legacy_choice(NO, "your calf is not swollen, red and painful"),
];
/// Breathlessness or chest pain with a possible leg clot: the clot may have reached the lung.
pub const BREATHLESS: &str = "breathless";
/// The self-report items of the Wells score for a leg clot (Wells 2003), plus a long journey.
const CLOT_RISK: [Choice; 8] = [
    choice(
        BREATHLESS,
        "Short of breath, or chest pain when you breathe in",
        "you are short of breath or have chest pain when you breathe in",
    ),
    choice(
        "whole_leg",
        "The whole leg is swollen",
        "the whole leg is swollen",
    ),
    choice(
        "clot_before",
        "A blood clot in a leg or lung before",
        "you have had a blood clot in a leg or lung before",
    ),
    choice(
        "laid_up",
        "In bed for 3 days or more, or an operation, in the last 12 weeks",
        "you were in bed for days or had an operation in the last 12 weeks",
    ),
    choice(
        "cast",
        "The leg in a cast or brace, or hard to move, in the last few weeks",
        "your leg was in a cast or brace, or hard to move, recently",
    ),
    choice(
        "journey",
        "A journey of 4 hours or more in the last 4 weeks",
        "you had a journey of 4 hours or more in the last 4 weeks",
    ),
    choice(
        "cancer_now",
        "Cancer now, or treated for it in the last 6 months",
        "you have cancer now or were treated for it in the last 6 months",
    ),
    choice(NONE, "None of these", "none of the clot risks apply"),
];
const RF_WORSE: [Choice; 2] = yes_no(
    "the pain keeps getting worse even with rest",
    "the pain is not getting worse with rest",
);
/// The warning signs that are not from running (NICE CKS "Knee pain", red flags): each
/// routes to a doctor; see `rules::CARE_RULES`.
const RF_GENERAL: [Choice; 5] = [
    choice(
        "unwell",
        "Feeling unwell, feverish or shivery",
        "you feel unwell, feverish or shivery",
    ),
    choice(
        "night",
        "Pain at night or at rest that no change of position eases",
        "the pain comes at night or at rest and no change of position eases it",
    ),
    choice(
        "weight",
        "Losing weight without trying",
        "you are losing weight without trying",
    ),
    choice(
        "cancer",
        "Cancer now, or in the past",
        "you have or have had cancer",
    ),
    choice(
        NONE,
        "None of these",
        "none of the other warning signs apply",
    ),
];
/// Bands from the sources: growing runners (under 12, 12 to 17; the X-ray rule was made for
/// adults), adults, 50 to 54 (joint wear likelier), 55 and over (the X-ray rule's age).
const AGE: [Choice; 7] = [
    choice(AGE_UNDER_12, "Under 12", "you are under 12"),
    choice(AGE_12_17, "12 to 17", "you are 12 to 17"),
    choice("18_49", "18 to 49", "you are 18 to 49"),
    choice(AGE_50_54, "50 to 54", "you are 50 to 54"),
    choice(AGE_55_PLUS, "55 or older", "you are 55 or older"),
    legacy_choice("under_50", "you are under 50"),
    legacy_choice(AGE_UNDER_55, "you are under 55"),
];
const YOUNG_HIP: [Choice; 2] = yes_no(
    "there is a limp, or pain in the hip, groin or thigh",
    "there is no limp and no hip pain",
);
const OT_BEND: [Choice; 2] = yes_no(
    "you cannot bend the knee to a right angle",
    "you can bend the knee to a right angle",
);
/// How soon the knee swelled after the injury: within a few hours is bleeding into the joint
/// until shown otherwise.
pub const SWELLED_WITHIN_HOURS: &str = "hours";
const OT_SWELLING: [Choice; 3] = [
    choice(
        SWELLED_WITHIN_HOURS,
        "Within a few hours",
        "the knee swelled within a few hours of it happening",
    ),
    choice(
        "later",
        "The next day or later",
        "the knee swelled a day or more after it happened",
    ),
    choice(
        NO,
        "It has not swollen",
        "the knee has not swollen since it happened",
    ),
];
const OT_TENDER: [Choice; 2] = yes_no(
    "there is a tender spot on the kneecap or on the bony bump below the outer knee",
    "there is no tender spot on the bone",
);
/// Any twist, fall, knock or sudden change of direction is an injury, the Ottawa rules'
/// mechanism; the sudden start without one says so in its own words, so a runner who planted
/// a foot and turned mid-run cannot read it as theirs.
const ONSET: [Choice; 3] = [
    choice(
        "gradual",
        "Gradually, over days or weeks",
        "it came on gradually",
    ),
    choice(
        INJURY,
        "In a twist, fall or knock, or a sudden change of direction",
        "it started with a twist, fall, knock or sudden change of direction",
    ),
    choice(
        SUDDEN,
        "Suddenly, with no twist, fall, knock or change of direction",
        "it started suddenly, with no twist, fall, knock or change of direction",
    ),
];
const AREAS: [Choice; 7] = [
    choice(
        "front",
        "Front, around the kneecap",
        "it hurts at the front, around the kneecap",
    ),
    choice("inner", "Inner side", "it hurts on the inner side"),
    choice("outer", "Outer side", "it hurts on the outer side"),
    choice("behind", "Behind the knee", "it hurts behind the knee"),
    choice(
        "deep",
        "Deep inside, hard to point to",
        "it hurts deep inside the knee",
    ),
    choice(
        "below",
        "Below the kneecap",
        "it hurts just below the kneecap",
    ),
    choice(
        ALL_OVER,
        "All over, or no one spot",
        "it hurts all over the knee, or in no one spot",
    ),
];
/// Which knee: for the runner's record and the clinician's page. No rule reads it.
pub const SIDE: [Choice; 3] = [
    choice("left", "Left knee", "it is the left knee"),
    choice("right", "Right knee", "it is the right knee"),
    choice("both", "Both knees", "it is both knees"),
];
const FEEL: [Choice; 3] = [
    choice("sharp", "Sharp", "the pain is sharp"),
    choice("dull", "Dull, aching", "the pain is a dull ache"),
    choice("both", "Both", "the pain is both sharp and aching"),
];
const TIMING: [Choice; 4] = [
    choice("during", "During runs", "it hurts during runs"),
    choice("after", "After runs", "it hurts after runs"),
    choice("both", "During and after", "it hurts during and after runs"),
    choice("any_time", "Most of the time", "it hurts most of the time"),
];
const TRIGGERS: [Choice; 6] = [
    choice(
        "stairs",
        "Stairs, especially going down",
        "stairs make it worse",
    ),
    choice("squat", "Squatting", "squatting makes it worse"),
    choice("kneel", "Kneeling", "kneeling makes it worse"),
    choice(
        "jumping",
        "Jumping, hopping or running uphill",
        "jumping, hopping or running uphill makes it worse",
    ),
    choice(
        "sitting",
        "Sitting a long time with bent knees",
        "sitting with bent knees makes it worse",
    ),
    choice(NONE, "None of these", "none of these make it worse"),
];
const BURNING: [Choice; 2] = yes_no(
    "a burning pain on the outside builds as you run",
    "there is no burning on the outside",
);
const SWELLING: [Choice; 2] = yes_no("the knee swells a little", "the knee does not swell");
const CLICKING: [Choice; 3] = [
    choice("no", "No clicking", "the knee does not click"),
    choice(
        "painless",
        "Clicks, but it does not hurt",
        "the knee clicks without pain",
    ),
    choice(
        "painful",
        "Clicks and it hurts",
        "the knee clicks painfully",
    ),
];
const STIFFNESS: [Choice; 2] = yes_no(
    "the knee is stiff in the morning",
    "the knee is not stiff in the morning",
);
const PAIN_NOW: [Choice; 11] = [
    choice("0", "0", "your pain right now is 0 out of 10"),
    choice("1", "1", "your pain right now is 1 out of 10"),
    choice("2", "2", "your pain right now is 2 out of 10"),
    choice("3", "3", "your pain right now is 3 out of 10"),
    choice("4", "4", "your pain right now is 4 out of 10"),
    choice("5", "5", "your pain right now is 5 out of 10"),
    choice("6", "6", "your pain right now is 6 out of 10"),
    choice("7", "7", "your pain right now is 7 out of 10"),
    choice("8", "8", "your pain right now is 8 out of 10"),
    choice("9", "9", "your pain right now is 9 out of 10"),
    choice("10", "10", "your pain right now is 10 out of 10"),
];
/// Ranges that do not overlap: under 1 week, 1 up to 2, 2 to 6, over 6. "Two weeks or more"
/// is the seed's "see a professional" line, so the third range starts at exactly 2.
const DURATION: [Choice; 4] = [
    choice(
        "days",
        "Less than a week",
        "it started less than a week ago",
    ),
    choice(
        "under_2w",
        "1 week, but less than 2",
        "it has lasted 1 week but less than 2",
    ),
    choice("2_6w", "2 to 6 weeks", "it has lasted 2 to 6 weeks"),
    choice(
        "over_6w",
        "More than 6 weeks",
        "it has lasted more than 6 weeks",
    ),
];
const BEFORE: [Choice; 3] = [
    choice("no", "No, this is the first time", "this is the first time"),
    choice("once", "Once before", "you have had this pain once before"),
    choice(
        "often",
        "Two or more times before",
        "you have had this pain two or more times before",
    ),
];
const DAILY_LIFE: [Choice; 2] = yes_no(
    "it gets in the way of daily life",
    "it does not affect daily life",
);
const MILEAGE: [Choice; 5] = [
    choice(
        "same",
        "No, about the same",
        "your weekly distance stayed about the same",
    ),
    choice(
        "up_10",
        "Up by 10% or less",
        "your weekly distance went up by 10% or less",
    ),
    choice(
        "10_30",
        "Up by 10 to 30%",
        "your weekly distance went up by 10 to 30%",
    ),
    choice(
        "over_30",
        "Up by more than 30%",
        "your weekly distance went up by more than 30%",
    ),
    choice(
        "not_sure",
        "Not sure",
        "you are not sure how your distance changed",
    ),
];
const SPEED_HILLS: [Choice; 2] = yes_no(
    "you added speed work and hills at the same time",
    "you did not add speed and hills together",
);
const EASY_DAYS: [Choice; 2] = yes_no(
    "you take an easy day after hard ones",
    "you do not always take an easy day after a hard one",
);
const CADENCE: [Choice; 5] = [
    choice(
        "under_160",
        "Under 160 steps a minute",
        "your step rate is under 160 a minute",
    ),
    choice(
        "160_170",
        "160 to 170",
        "your step rate is 160 to 170 a minute",
    ),
    choice(
        "170_180",
        "170 to 180",
        "your step rate is 170 to 180 a minute",
    ),
    choice(
        "over_180",
        "Over 180",
        "your step rate is over 180 a minute",
    ),
    choice("unknown", "I don't know", "you do not know your step rate"),
];
const OVERSTRIDE: [Choice; 3] = [
    choice("yes", "Yes", "your foot lands well ahead of your body"),
    choice("no", "No", "your foot lands under your body"),
    choice(
        "not_sure",
        "Not sure",
        "you are not sure where your foot lands",
    ),
];
/// Asked only when the Log has no shoes, in the runner's unit; 300 to 500 miles (500 to 800
/// km) is the usual replacement range (the seed), and past it the shoe factor counts.
const SHOE_DISTANCE: [Choice; 7] = [
    choice(
        "under_300",
        "Under 300 miles",
        "your shoes have run under 300 miles",
    )
    .in_km("Under 500 km", "your shoes have run under 500 km"),
    choice(
        "300_500",
        "300 to 500 miles",
        "your shoes have run 300 to 500 miles",
    )
    .in_km("500 to 800 km", "your shoes have run 500 to 800 km"),
    choice(
        "over_500",
        "More than 500 miles",
        "your shoes have run more than 500 miles",
    )
    .in_km("More than 800 km", "your shoes have run more than 800 km"),
    choice(
        "unknown",
        "I don't know",
        "you do not know your shoes' distance",
    ),
    log_choice(
        SHOES_PAST,
        "the shoes you run in are past the replacement distance you set in Settings",
    ),
    log_choice(
        SHOES_NEAR,
        "the shoes you run in are close to the replacement distance you set in Settings",
    ),
    log_choice(
        SHOES_FINE,
        "the shoes you run in are well short of the replacement distance you set in Settings",
    ),
];
const SHOE_CHANGE: [Choice; 2] = yes_no(
    "you recently changed to a different type of shoe",
    "you have not changed shoes",
);
const SURFACE: [Choice; 5] = [
    choice(
        "same_hard",
        "Always the same hard road or pavement",
        "you always run on the same hard surface",
    ),
    choice(
        "camber",
        "Sloping (cambered) roads, same side",
        "you run on the same side of sloping roads",
    ),
    choice("downhill", "A lot of downhill", "you run a lot of downhill"),
    choice("mixed", "A mix of surfaces", "you run on a mix of surfaces"),
    choice(NONE, "None of these", "none of these surfaces apply"),
];
const STRENGTH: [Choice; 3] = [
    choice(
        "regular",
        "Yes, twice a week or more",
        "you do hip strength work regularly",
    ),
    choice(
        "sometimes",
        "Now and then",
        "you do hip strength work now and then",
    ),
    choice("none", "No", "you do no strength work for your hips"),
];
const SITTING: [Choice; 2] = yes_no(
    "you sit for long hours most days",
    "you do not sit for long hours",
);

/// Every question, in the order asked. Which are shown depends on earlier answers.
pub const QUESTIONS: [Question; 40] = [
    // Standing, then walking: the hint's promise is kept by the very next question.
    safety(
        "rf_weight",
        "Are you unable to stand on the leg or put any weight on it?",
        "Answer yes if you cannot stand on it at all. If you can stand but walking is hard, answer no: the next question asks about walking.",
        &RF_WEIGHT,
    ),
    // Asked of everyone: after a twist, fall or knock it is also the Ottawa rules' item
    // (unable to take four steps both right after and now), whose "now" it answers.
    safety(
        "rf_walk",
        "Are you unable to take four steps now, even with a limp?",
        "",
        &RF_WALK,
    ),
    Question {
        kind: Kind::Single,
        ..safety(
            "rf_locked",
            "Does the knee lock, getting stuck so it will not straighten?",
            "Not just stiff: stuck. Answer even if it then frees up again.",
            &RF_LOCKED,
        )
    },
    safety(
        "rf_gives_way",
        "Does the knee give way or buckle under you?",
        "",
        &RF_GIVES_WAY,
    ),
    safety(
        "rf_swollen",
        "Is the knee badly swollen, or does it look a different shape?",
        "Compare it with the other knee.",
        &RF_SWOLLEN,
    ),
    safety(
        "rf_hot",
        "Is the knee red and hot, or do you have a fever or chills?",
        "",
        &RF_HOT,
    ),
    safety(
        "rf_numb",
        "Do you have numbness, tingling or pins and needles in the leg or foot?",
        "",
        &RF_NUMB,
    ),
    // Multi: any one of the three makes a clot possible; "None of these" answers in one tap.
    Question {
        kind: Kind::Multi,
        ..safety(
            "rf_calf",
            "Does your calf hurt, feel tender to press, or look swollen?",
            "Choose all that apply, then Continue; or tap None of these.",
            &RF_CALF,
        )
    },
    // Asked only when the calf is involved: the Wells items a runner can report.
    Question {
        kind: Kind::Multi,
        only_if: Some(("rf_calf", &CALF_INVOLVED)),
        ..safety(
            "clot_risk",
            "Does any of these apply to you?",
            "Each makes a blood clot in the leg more likely. Choose all that apply, then Continue; or tap None of these.",
            &CLOT_RISK,
        )
    },
    safety(
        "rf_worse_rest",
        "Is the pain getting worse even though you have rested?",
        "",
        &RF_WORSE,
    ),
    // Signs that the pain may not be from running at all, asked together so a runner with
    // none of them answers in one tap ("None of these").
    Question {
        kind: Kind::Multi,
        ..safety(
            "rf_general",
            "Do you have any of these?",
            "They are not from running, but they change what to do. Choose all that apply, then Continue; or tap None of these.",
            &RF_GENERAL,
        )
    },
    ask(
        "age",
        Section::Start,
        Kind::Single,
        "How old are you?",
        "Some causes of knee pain, and the advice after a twist, fall or knock, depend on age. You can skip this.",
        &AGE,
    ),
    // A growing runner's knee pain can come from the hip: asked only of them, before anything
    // else about the knee.
    Question {
        kind: Kind::YesNo,
        skippable: false,
        only_if: Some(("age", &GROWING)),
        ..ask(
            "young_hip",
            Section::Start,
            Kind::YesNo,
            "Is there a limp, or pain in the hip, groin or thigh?",
            "In a growing runner, a problem in the hip can be felt in the knee.",
            &YOUNG_HIP,
        )
    },
    // Not skippable: its answer decides whether the injury (X-ray) questions are asked.
    Question {
        skippable: false,
        ..ask(
            "onset",
            Section::Start,
            Kind::Single,
            "How did the pain start?",
            "Planting a foot and turning counts as a twist, even mid-run with no fall.",
            &ONSET,
        )
    },
    ottawa(
        "ot_bend",
        "Is it impossible to bend the knee to a right angle, as when sitting on a chair?",
        "",
        &OT_BEND,
    ),

    ottawa(
        "ot_tender",
        "Is there one spot that hurts to press, on the kneecap or on the bony bump on the outer side just below the knee?",
        "Press gently with a fingertip. Only a clinician can check this properly.",
        &OT_TENDER,
    ),
    Question {
        kind: Kind::Single,
        ..ottawa(
            "ot_swelling",
            "How soon after it happened did the knee swell?",
            "",
            &OT_SWELLING,
        )
    },
    ask(
        "areas",
        Section::Where,
        Kind::KneeMap,
        "Where does it hurt?",
        "Choose every area that hurts, then continue.",
        &AREAS,
    ),
    // Early and optional: it changes no advice, but the result and the printed page name the
    // knee, so a clinician reading it knows which one.
    ask(
        "side",
        Section::Where,
        Kind::Single,
        "Which knee is it?",
        "Optional: it changes no advice, and your result will name it.",
        &SIDE,
    ),
    ask(
        "feel",
        Section::Behaviour,
        Kind::Single,
        "Is the pain sharp or dull?",
        "",
        &FEEL,
    ),
    ask(
        "timing",
        Section::Behaviour,
        Kind::Single,
        "When does it hurt?",
        "",
        &TIMING,
    ),
    ask(
        "triggers",
        Section::Behaviour,
        Kind::Multi,
        "What makes it worse?",
        "Choose all that apply, then continue.",
        &TRIGGERS,
    ),
    ask(
        "burning",
        Section::Behaviour,
        Kind::YesNo,
        "Is there a burning pain on the outside of the knee that builds as you run?",
        "",
        &BURNING,
    ),
    ask(
        "swelling",
        Section::Behaviour,
        Kind::YesNo,
        "Does the knee swell a little after running?",
        "",
        &SWELLING,
    ),
    ask(
        "clicking",
        Section::Behaviour,
        Kind::Single,
        "Does the knee click or catch?",
        "",
        &CLICKING,
    ),
    ask(
        "stiffness",
        Section::Behaviour,
        Kind::YesNo,
        "Is the knee stiff when you get up in the morning?",
        "",
        &STIFFNESS,
    ),
    ask(
        "pain_now",
        Section::Behaviour,
        Kind::Scale,
        "How bad is the pain right now, from 0 to 10?",
        "0 is no pain; 10 is the worst you can imagine; 7 or more is severe.",
        &PAIN_NOW,
    ),
    ask(
        "duration",
        Section::Behaviour,
        Kind::Single,
        "How long has it been going on?",
        "",
        &DURATION,
    ),
    ask(
        "before",
        Section::Behaviour,
        Kind::Single,
        "Have you had this same pain before?",
        "Count the times it came back after settling.",
        &BEFORE,
    ),
    ask(
        "daily_life",
        Section::Behaviour,
        Kind::YesNo,
        "Does it get in the way of daily life, such as walking, work or sleep?",
        "",
        &DAILY_LIFE,
    ),
    ask(
        "mileage",
        Section::Causes,
        Kind::Single,
        "Did your weekly distance go up in the weeks before it started?",
        "",
        &MILEAGE,
    ),
    ask(
        "speed_hills",
        Section::Causes,
        Kind::YesNo,
        "Did you add speed work and hill running at about the same time?",
        "",
        &SPEED_HILLS,
    ),
    ask(
        "easy_days",
        Section::Causes,
        Kind::YesNo,
        "Do you take at least one easy day after each hard session?",
        "",
        &EASY_DAYS,
    ),
    ask(
        "cadence",
        Section::Causes,
        Kind::Single,
        "Do you know your step rate (cadence)?",
        "A watch or phone app may show it as steps per minute.",
        &CADENCE,
    ),
    ask(
        "overstride",
        Section::Causes,
        Kind::Single,
        "Does your foot land well out in front of your body?",
        "A video of you running, from the side, shows it.",
        &OVERSTRIDE,
    ),
    ask(
        "shoe_distance",
        Section::Causes,
        Kind::Single,
        "How far have your running shoes gone?",
        "",
        &SHOE_DISTANCE,
    ),
    ask(
        "shoe_change",
        Section::Causes,
        Kind::YesNo,
        "Did you recently switch to a very different type or brand of shoe?",
        "",
        &SHOE_CHANGE,
    ),
    ask(
        "surface",
        Section::Causes,
        Kind::Multi,
        "Where do you usually run?",
        "Choose all that apply, then continue.",
        &SURFACE,
    ),
    ask(
        "strength",
        Section::Causes,
        Kind::Single,
        "Do you do strength work for your hips and glutes?",
        "",
        &STRENGTH,
    ),
    ask(
        "sitting",
        Section::Causes,
        Kind::YesNo,
        "Do you sit for long hours most days, at a desk or driving?",
        "",
        &SITTING,
    ),
];

/// Every question in order.
pub fn all() -> impl Iterator<Item = &'static Question> {
    QUESTIONS.iter()
}

/// The question with this id.
pub fn find(id: &str) -> Option<&'static Question> {
    all().find(|question| question.id == id)
}
