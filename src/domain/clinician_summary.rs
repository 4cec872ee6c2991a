//! The one page a runner hands their physiotherapist or doctor: the latest knee check
//! (which knee, the care it pointed to and why), eight weeks of running in the runner's
//! unit, the pain log of those weeks, what Patella is telling them now with the
//! back-to-running plan's decisions, the visits they recorded, and which Patella made it.
//!
//! Pure: decided from the data set, today and the build's name. The Summary screen draws
//! it for print, and the share sheet sends [`ClinicianSummary::plain_text`], the same
//! words. Everything is said to a third person ("the runner said"), and every line goes
//! through the runner's English once, here.

use chrono::NaiveDate;

use crate::domain::dataset::DataSet;
use crate::domain::load;
use crate::domain::locale::{DateStyle, English};
use crate::domain::protocol::Change;
use crate::domain::records::{self, CareTier, PainEntry, Run, TriageRecord};
use crate::domain::sort;
use crate::domain::triage::engine;
use crate::domain::units::{distance_words, DistanceUnit};
use crate::domain::words::{self, count};

/// Eight weeks: long enough to see the build-up before a knee started to hurt, and what
/// came after; short enough for one page.
pub const WEEKS: usize = 8;
/// Pain lines on the page, newest first. With the rest of the page, this many still fit one
/// A4 or Letter sheet; the Log keeps every entry.
pub const MOST_PAIN_LINES: usize = 12;
/// The plan's decisions shown, newest first: the ones that changed or held a step.
pub const MOST_DECISIONS: usize = 3;
/// A pain note's characters on the page: about a line; the Log keeps it whole.
const MOST_NOTE_CHARS: usize = 60;
/// Reasons named for each likely cause.
const MOST_BECAUSE: usize = 3;
/// Likely causes named.
const MOST_CONDITIONS: usize = 2;

/// The page's heading.
pub const TITLE: &str = "Knee summary for a clinician";
/// Said under the heading, so no reader takes it for more than it is.
pub const WHAT_IT_IS: &str = "The runner's own record, kept in the Patella app. Patella is an \
educational tool: its knee check suggests what may be going on and how soon to be seen; it \
does not diagnose.";
/// What a pain number means, for someone who did not see it asked.
pub const PAIN_SCALE: &str = "Pain is the runner's own rating from 0 (none) to 10 (worst \
imaginable), during or after a run or noted on its own.";

/// The screen's line for the runner, above the page (not printed).
pub const FOR_THE_RUNNER: &str = "One page for a physiotherapist or doctor who examines your \
knee: your latest knee check, eight weeks of running and pain, your plan and the visits you \
recorded. Print it, save it as a PDF, or share it as text.";
/// What the links to the page say.
pub const LINK: &str = "One page for your clinician";
/// Said when the share sheet refused the text.
pub const SHARE_REFUSED: &str = "This browser could not share it. Print it or save it as a PDF \
instead.";
/// Said when the text went to the app the runner chose.
pub const SHARE_SENT: &str = "Sent to the app you chose.";

/// The summary, section by section, each line already in the runner's English.
#[derive(Clone, Debug, PartialEq)]
pub struct ClinicianSummary {
    /// "Prepared 8 Dec 2026 with Patella 0.6.0 · build 1a2b3c".
    pub prepared: String,
    pub check: CheckPart,
    pub running: RunningPart,
    pub pain: PainPart,
    pub plan: PlanPart,
    /// The visits recorded, in one sentence, or a line saying none was.
    pub seen: String,
}

/// The latest knee check.
#[derive(Clone, Debug, PartialEq)]
pub struct CheckPart {
    /// "Latest knee check: 3 Dec 2026, 07:30 · Left knee", or that there is none.
    pub heading_line: String,
    /// The care it pointed to and why, the likely causes: empty without a check.
    pub lines: Vec<String>,
}

/// Weekly running, oldest week first.
#[derive(Clone, Debug, PartialEq)]
pub struct RunningPart {
    /// "Kilometres run each week" or "Miles run each week".
    pub caption: String,
    pub weeks: Vec<WeekRow>,
    /// "46.5 km in 9 runs over 8 weeks; cross-training 2 sessions."
    pub total: String,
}

/// One week's row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WeekRow {
    /// "16–22 Nov", "22–28 Dec 2025" in another year, with "(so far)" for the week still
    /// going.
    pub week: String,
    /// "12.5 km".
    pub distance: String,
    pub runs: usize,
    /// "5/10", or "–" when none was recorded.
    pub worst_pain: String,
}

/// Every pain score of the weeks shown, newest first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PainPart {
    pub lines: Vec<String>,
    /// Older lines of the same weeks left off the page, said in words; `None` when none was.
    pub left_off: Option<String>,
}

/// What Patella is telling the runner now, and the plan's story.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanPart {
    /// "Patella's advice now: …".
    pub now: String,
    /// The plan's step, start and progress, its latest decisions, and strength work.
    pub lines: Vec<String>,
}

impl ClinicianSummary {
    /// The summary from everything stored, as of `today`, made by `build` ("Patella 0.6.0 ·
    /// build 1a2b3c").
    pub fn of(data: &DataSet, today: NaiveDate, build: &str) -> ClinicianSummary {
        let settings = &data.settings;
        let dates = settings.dates();
        let english = settings.english();
        let weeks = load::weekly_series(&data.runs, &data.pain, settings, today, WEEKS);
        let first_day = weeks.first().map_or(today, |week| week.start);
        let summary = ClinicianSummary {
            prepared: format!("Prepared {} with {build}.", dates.day_with_year(today)),
            check: check_part(data.latest_check(), dates),
            running: running_part(&weeks, settings.units, dates, today),
            pain: pain_part(
                &data.runs,
                &data.pain,
                first_day,
                today,
                settings.units,
                dates,
            ),
            plan: plan_part(data, first_day, today, dates),
            seen: records::visits_in_words(&data.visits, dates)
                .unwrap_or_else(|| "No visit to a clinician recorded in Patella.".to_string()),
        };
        summary.in_english(english)
    }

    /// The same words as plain text, section by section, for the share sheet (a message or
    /// an email to the clinic).
    pub fn plain_text(&self) -> String {
        let mut text = vec![TITLE.to_string(), self.prepared.clone(), String::new()];
        text.push(self.check.heading_line.clone());
        text.extend(self.check.lines.iter().cloned());
        text.push(String::new());
        text.push(format!("{}:", self.running.caption));
        text.extend(self.running.weeks.iter().map(|row| {
            format!(
                "{}: {}, {}, worst pain {}",
                row.week,
                row.distance,
                count(row.runs, "run", "runs"),
                row.worst_pain
            )
        }));
        text.push(self.running.total.clone());
        text.push(String::new());
        text.push(format!("Pain log, newest first. {PAIN_SCALE}"));
        if self.pain.lines.is_empty() {
            text.push(NO_PAIN.to_string());
        }
        text.extend(self.pain.lines.iter().cloned());
        text.extend(self.pain.left_off.iter().cloned());
        text.push(String::new());
        text.push(self.plan.now.clone());
        text.extend(self.plan.lines.iter().cloned());
        text.push(self.seen.clone());
        text.push(String::new());
        text.push(WHAT_IT_IS.to_string());
        text.join("\n")
    }

    /// Every line in `english`, once.
    fn in_english(mut self, english: English) -> ClinicianSummary {
        let say = |line: &mut String| *line = english.say(line);
        say(&mut self.prepared);
        say(&mut self.check.heading_line);
        for row in &mut self.running.weeks {
            say(&mut row.week);
        }
        say(&mut self.running.caption);
        say(&mut self.running.total);
        self.check.lines.iter_mut().for_each(say);
        self.pain.lines.iter_mut().for_each(say);
        self.plan.lines.iter_mut().for_each(say);
        say(&mut self.plan.now);
        say(&mut self.seen);
        self
    }
}

/// The pain log's line when the weeks hold no pain score.
pub const NO_PAIN: &str = "No pain recorded in these weeks.";

fn check_part(check: Option<&TriageRecord>, dates: DateStyle) -> CheckPart {
    let Some(check) = check else {
        return CheckPart {
            heading_line: "No knee check saved in Patella.".to_string(),
            lines: Vec::new(),
        };
    };
    let mut heading_line = format!(
        "Latest knee check: {}",
        dates.moment(check.taken_at.naive_local())
    );
    if let Some(knee) = check.knee() {
        heading_line.push_str(" · ");
        heading_line.push_str(knee);
    }
    let outcome = check.outcome();
    let mut lines = vec![format!(
        "Care it pointed to: {}.",
        engine::tier_name(check.care_tier)
    )];
    let mut said: Vec<&str> = Vec::new();
    for reason in outcome
        .care_reasons
        .iter()
        .filter(|r| r.tier == outcome.tier)
    {
        if !said.contains(&reason.said) {
            said.push(reason.said);
        }
    }
    if !said.is_empty() {
        lines.push(format!(
            "Because the runner said {}.",
            engine::join_words(&said)
        ));
    } else if check.care_tier == CareTier::SelfManage {
        lines.push("No warning sign reported.".to_string());
    }
    for likely in outcome.conditions.iter().take(MOST_CONDITIONS) {
        let because: Vec<&str> = likely.because.iter().take(MOST_BECAUSE).copied().collect();
        let line = if because.is_empty() {
            format!("Possibly {}.", likely.condition.name)
        } else {
            format!(
                "Possibly {}: {}.",
                likely.condition.name,
                engine::join_words(&because)
            )
        };
        lines.push(line);
    }
    CheckPart {
        heading_line,
        lines,
    }
}

fn running_part(
    weeks: &[load::WeekSummary],
    unit: DistanceUnit,
    dates: DateStyle,
    today: NaiveDate,
) -> RunningPart {
    let last = weeks.len().saturating_sub(1);
    let rows = weeks
        .iter()
        .enumerate()
        .map(|(i, week)| WeekRow {
            // With its year when that is not this year's: a page outlives the week it was
            // printed in.
            week: if i == last {
                format!("{} (so far)", dates.week_as_of(week.start, today))
            } else {
                dates.week_as_of(week.start, today)
            },
            distance: distance_words(week.distance, unit),
            runs: week.runs,
            worst_pain: week
                .max_pain
                .map_or_else(|| "–".to_string(), |p| format!("{}/10", p.value())),
        })
        .collect();
    let distance = weeks
        .iter()
        .fold(crate::domain::units::Distance::ZERO, |sum, week| {
            sum + week.distance
        });
    let runs: usize = weeks.iter().map(|week| week.runs).sum();
    let cross: usize = weeks.iter().map(|week| week.cross_training).sum();
    let mut total = format!(
        "{} in {} over {}.",
        distance_words(distance, unit),
        count(runs, "run", "runs"),
        count(weeks.len(), "week", "weeks")
    );
    if cross > 0 {
        total.push_str(&format!(
            " Cross-training: {}, not counted above.",
            count(cross, "session", "sessions")
        ));
    }
    RunningPart {
        caption: match unit {
            DistanceUnit::Km => "Kilometres run each week",
            DistanceUnit::Mi => "Miles run each week",
        }
        .to_string(),
        weeks: rows,
        total,
    }
}

/// A pain score's line, before the day: a run's or an entry's.
enum PainLine<'a> {
    Run(&'a Run),
    Entry(&'a PainEntry),
}

fn pain_part(
    runs: &[Run],
    pain: &[PainEntry],
    first_day: NaiveDate,
    today: NaiveDate,
    unit: DistanceUnit,
    dates: DateStyle,
) -> PainPart {
    let within = |date: NaiveDate| date >= first_day && date <= today;
    let mut all: Vec<(NaiveDate, PainLine)> = runs
        .iter()
        .filter(|run| within(run.date) && (run.pain_during.is_some() || run.pain_after.is_some()))
        .map(|run| (run.date, PainLine::Run(run)))
        .chain(
            pain.iter()
                .filter(|entry| within(entry.date))
                .map(|entry| (entry.date, PainLine::Entry(entry))),
        )
        .collect();
    // Newest first; on one day, runs before the day's notes.
    sort::sort_by(&mut all, |(a, a_line), (b, b_line)| {
        b.cmp(a).then_with(|| {
            matches!(a_line, PainLine::Entry(_)).cmp(&matches!(b_line, PainLine::Entry(_)))
        })
    });
    let left = all.len().saturating_sub(MOST_PAIN_LINES);
    let lines = all
        .iter()
        .take(MOST_PAIN_LINES)
        .map(|(date, line)| {
            let day = dates.day_as_of(*date, today);
            match line {
                PainLine::Run(run) => run_line(&day, run, unit),
                PainLine::Entry(entry) => format!("{day} · {}", entry_words(entry)),
            }
        })
        .collect();
    let left_off = (left > 0).then(|| {
        format!(
            "{} from these weeks not shown; the runner's Log in Patella has them all.",
            count(left, "older score", "older scores")
        )
    });
    PainPart { lines, left_off }
}

/// "Sat 5 Dec · Easy run, 8 km · pain 3/10 during, 4/10 after".
fn run_line(day: &str, run: &Run, unit: DistanceUnit) -> String {
    let mut scores = Vec::new();
    if let Some(during) = run.pain_during {
        scores.push(format!("{}/10 during", during.value()));
    }
    if let Some(after) = run.pain_after {
        scores.push(format!("{}/10 after", after.value()));
    }
    let what = if run.kind == records::RunKind::CrossTraining {
        "Cross-training".to_string()
    } else {
        format!("{} run", run.kind.label())
    };
    format!(
        "{day} · {what}, {} · pain {}",
        distance_words(run.distance, unit),
        scores.join(", ")
    )
}

/// "6/10 · Inner side · stiff or sorer the next morning · after the hills".
fn entry_words(entry: &PainEntry) -> String {
    let mut parts = vec![format!("{}/10", entry.pain.value())];
    if !entry.areas.is_empty() {
        let areas: Vec<&str> = entry.areas.iter().map(|area| area.label()).collect();
        parts.push(areas.join("; "));
    }
    if entry.morning_stiffness {
        parts.push("stiff or sorer in the morning".to_string());
    }
    let note = entry.note.trim();
    if !note.is_empty() {
        parts.push(format!("“{}”", words::shortened(note, MOST_NOTE_CHARS)));
    }
    parts.join(" · ")
}

fn plan_part(data: &DataSet, first_day: NaiveDate, today: NaiveDate, dates: DateStyle) -> PlanPart {
    let situation = data.situation(today);
    let week = situation.this_week();
    let now = format!("Patella's advice to the runner now: {}.", week.headline);
    let mut lines = Vec::new();
    if let Some(progress) = data.plan_progress(today) {
        let state = &progress.state;
        let mut line = format!(
            "Back-to-running plan, started {}: ",
            dates.day_with_year(progress.started)
        );
        if state.finished {
            line.push_str("finished.");
        } else {
            line.push_str(&format!(
                "now at {}, {}.",
                state.stage.title(),
                state.progress().to_lowercase()
            ));
        }
        lines.push(line);
        let counted = state
            .decisions
            .iter()
            .filter(|d| d.change == Change::Counted)
            .count();
        let shown: Vec<String> = state
            .decisions
            .iter()
            .rev()
            .filter(|d| d.change != Change::Counted)
            .take(MOST_DECISIONS)
            .map(|d| format!("{}: {}", dates.day_as_of(d.date, today), d.reason))
            .collect();
        lines.push(format!(
            "{} toward its steps. What it told the runner, newest first:",
            count(counted, "run counted", "runs counted")
        ));
        lines.extend(shown);
    } else {
        lines.push("The back-to-running plan has not been started.".to_string());
    }
    let strength = data
        .strength
        .iter()
        .filter(|s| s.date >= first_day && s.date <= today)
        .count();
    lines.push(format!(
        "Strength or mobility sessions logged in these weeks: {strength}."
    ));
    PlanPart { now, lines }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};

    use super::*;
    use crate::domain::content::us_words::uk_words_in;
    use crate::domain::locale::{English, Locale};
    use crate::domain::records::{
        Advice, KneeArea, PainScore, RecordId, RunKind, Settings, StrengthSession, Visit,
    };
    use crate::domain::recovery_plan::ProtocolStart;
    use crate::domain::triage::questions;
    use crate::domain::units::{Distance, Duration};

    const BUILD: &str = "Patella 0.6.0 · build abc";

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap_or_default()
    }

    fn at(text: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(text).unwrap_or_default()
    }

    fn run(date: NaiveDate, km: f64) -> Run {
        Run::easy(
            RecordId::from_random_bits(u128::from(date.num_days_from_ce().unsigned_abs())),
            date,
            Distance::from_metres(km * 1000.0),
            Duration::from_seconds((km * 360.0) as u32),
        )
    }

    fn sore_run(date: NaiveDate, km: f64, during: u8, after: u8) -> Run {
        Run {
            pain_during: PainScore::new(during),
            pain_after: PainScore::new(after),
            ..run(date, km)
        }
    }

    fn entry(date: NaiveDate, pain: u8) -> PainEntry {
        PainEntry {
            id: RecordId::from_random_bits(7),
            updated_at: at("2026-01-01T00:00:00Z").to_utc(),
            date,
            pain: PainScore::new(pain).unwrap(),
            areas: Vec::new(),
            morning_stiffness: false,
            note: String::new(),
        }
    }

    fn uk() -> Settings {
        Settings::for_locale(&Locale::of_tag("en-GB"))
    }

    fn us() -> Settings {
        Settings::for_locale(&Locale::of_tag("en-US"))
    }

    /// Every warning-sign question answered "nothing of these", then `story`.
    fn check(taken: &str, story: &[(&str, &str)]) -> TriageRecord {
        let mut answers: BTreeMap<String, String> = BTreeMap::new();
        for question in questions::QUESTIONS
            .iter()
            .filter(|q| q.section == questions::Section::Safety)
        {
            let clear = if question.offered_choices().any(|c| c.id == "none") {
                "none"
            } else {
                "no"
            };
            answers.insert(question.id.to_string(), clear.to_string());
        }
        for (question, choice) in story {
            answers.insert(question.to_string(), choice.to_string());
        }
        let outcome = crate::domain::triage::evaluate(
            &crate::domain::triage::Answers::from_record_map(&answers),
        );
        TriageRecord {
            id: RecordId::from_random_bits(3),
            updated_at: at(taken).to_utc(),
            taken_at: at(taken),
            care_tier: outcome.tier,
            conditions: outcome.condition_keys(),
            answers,
        }
    }

    const FRONT_OF_KNEE: [(&str, &str); 7] = [
        ("onset", "gradual"),
        ("areas", "front"),
        ("feel", "dull"),
        ("triggers", "stairs,sitting"),
        ("duration", "under_2w"),
        ("before", "no"),
        ("side", "left"),
    ];

    #[test]
    fn nothing_stored_still_makes_a_whole_page_that_says_what_is_missing() {
        let today = day("2026-12-08");
        let summary = ClinicianSummary::of(&DataSet::default(), today, BUILD);
        assert_eq!(
            summary.prepared,
            "Prepared 8 Dec 2026 with Patella 0.6.0 · build abc."
        );
        assert_eq!(
            summary.check.heading_line,
            "No knee check saved in Patella."
        );
        assert_eq!(summary.running.weeks.len(), WEEKS);
        assert!(summary
            .running
            .weeks
            .iter()
            .all(|w| w.distance == "0 km" && w.runs == 0));
        assert_eq!(summary.running.total, "0 km in 0 runs over 8 weeks.");
        assert!(summary.pain.lines.is_empty() && summary.pain.left_off.is_none());
        let text = summary.plain_text();
        for part in [TITLE, NO_PAIN, WHAT_IT_IS, "not been started", "No visit"] {
            assert!(text.contains(part), "{part} missing from:\n{text}");
        }
    }

    #[test]
    fn weeks_follow_the_runners_week_unit_and_window() {
        // Tuesday; US weeks start on Sunday: this week is Sun 6 Dec – Sat 12 Dec.
        let today = day("2026-12-08");
        let data = DataSet {
            runs: vec![
                run(day("2026-12-06"), 8.0467),  // Sunday: this week, 5 mi
                run(day("2026-12-05"), 16.0934), // Saturday: last week, 10 mi
                run(day("2026-10-18"), 3.0),     // Sun 18 Oct, the 8th week: in
                run(day("2026-10-17"), 40.0),    // the Saturday before: out
                run(day("2026-12-09"), 50.0),    // tomorrow: a clock slip, out
            ],
            settings: us(),
            ..DataSet::default()
        };
        let summary = ClinicianSummary::of(&data, today, BUILD);
        let weeks = &summary.running.weeks;
        assert_eq!(summary.running.caption, "Miles run each week");
        assert_eq!(weeks.len(), 8);
        assert_eq!(weeks[0].week, "Oct 18–24");
        assert_eq!(weeks[0].distance, "1.9 mi");
        assert_eq!(weeks[6].distance, "10 mi");
        assert_eq!(weeks[7].week, "Dec 6–12 (so far)");
        assert_eq!(weeks[7].distance, "5 mi");
        assert_eq!(summary.running.total, "16.9 mi in 3 runs over 8 weeks.");
        assert!(summary.prepared.starts_with("Prepared Dec 8, 2026"));
    }

    #[test]
    fn a_week_of_another_year_says_its_year() {
        let summary = ClinicianSummary::of(
            &DataSet {
                settings: uk(),
                ..DataSet::default()
            },
            day("2027-01-05"),
            BUILD,
        );
        let weeks: Vec<&str> = summary
            .running
            .weeks
            .iter()
            .map(|w| w.week.as_str())
            .collect();
        assert_eq!(weeks[0], "16–22 Nov 2026");
        assert_eq!(weeks[6], "28 Dec – 3 Jan");
        assert_eq!(weeks[7], "4–10 Jan (so far)");
    }

    #[test]
    fn pain_is_every_score_of_those_weeks_newest_first_with_the_runs_before_the_notes() {
        let today = day("2026-12-08");
        let mut stiff = entry(day("2026-12-07"), 4);
        stiff.morning_stiffness = true;
        stiff.areas = vec![KneeArea::Front];
        stiff.note = "  after the hills ".to_string();
        let data = DataSet {
            runs: vec![
                sore_run(day("2026-12-07"), 5.0, 2, 3),
                run(day("2026-12-06"), 5.0),
                Run {
                    pain_after: PainScore::new(0),
                    kind: RunKind::Long,
                    ..run(day("2026-12-05"), 21.1)
                },
            ],
            pain: vec![stiff, entry(day("2025-12-07"), 9)],
            settings: uk(),
            ..DataSet::default()
        };
        let summary = ClinicianSummary::of(&data, today, BUILD);
        assert_eq!(
            summary.pain.lines,
            [
                "Mon 7 Dec · Easy run, 5 km · pain 2/10 during, 3/10 after",
                "Mon 7 Dec · 4/10 · Front, around the kneecap · stiff or sorer in the morning · “after the hills”",
                "Sat 5 Dec · Long run, 21.1 km · pain 0/10 after",
            ]
        );
        assert_eq!(summary.running.weeks[7].worst_pain, "4/10");
        assert_eq!(summary.running.weeks[6].worst_pain, "0/10");
        assert_eq!(summary.running.weeks[5].worst_pain, "–");
    }

    #[test]
    fn the_knee_check_names_the_knee_the_care_and_why_to_a_third_person() {
        let today = day("2026-12-08");
        let data = DataSet {
            triage: vec![check(
                "2026-12-03T07:30:00+00:00",
                &[("rf_gives_way", "yes"), ("side", "right")],
            )],
            settings: uk(),
            ..DataSet::default()
        };
        let summary = ClinicianSummary::of(&data, today, BUILD);
        assert_eq!(
            summary.check.heading_line,
            "Latest knee check: 3 Dec 2026, 07:30 · Right knee"
        );
        let lines = summary.check.lines.join("\n");
        assert!(lines.starts_with("Care it pointed to: "), "{lines}");
        assert!(lines.contains("Because the runner said "), "{lines}");
        assert!(!lines.contains("you said"), "{lines}");

        let data = DataSet {
            triage: vec![check("2026-12-03T07:30:00+00:00", &FRONT_OF_KNEE)],
            settings: uk(),
            ..DataSet::default()
        };
        let summary = ClinicianSummary::of(&data, today, BUILD);
        assert!(summary.check.heading_line.ends_with("· Left knee"));
        assert_eq!(summary.check.lines[1], "No warning sign reported.");
        assert!(
            summary.check.lines[2].starts_with("Possibly "),
            "{:?}",
            summary.check.lines
        );
    }

    #[test]
    fn a_us_runner_gets_every_line_in_us_english() {
        let today = day("2026-12-08");
        let mut data = DataSet {
            triage: vec![check("2026-12-03T07:30:00+00:00", &FRONT_OF_KNEE)],
            settings: us(),
            ..DataSet::default()
        };
        data.triage.push(check(
            "2026-12-04T07:30:00+00:00",
            &[("rf_swollen", "yes"), ("rf_hot", "yes")],
        ));
        let text = ClinicianSummary::of(&data, today, BUILD).plain_text();
        assert_eq!(uk_words_in(&text), Vec::<&str>::new(), "{text}");
        assert_eq!(English::Us, data.settings.english());
    }

    #[test]
    fn the_plan_says_where_it_is_what_it_decided_and_the_strength_work() {
        let today = day("2026-12-08");
        let mut data = DataSet {
            runs: vec![run(day("2026-12-02"), 2.0), run(day("2026-12-04"), 2.0)],
            strength: vec![StrengthSession {
                id: RecordId::from_random_bits(9),
                updated_at: at("2026-12-03T08:00:00Z").to_utc(),
                date: day("2026-12-03"),
                exercises: Vec::new(),
                minutes: None,
                note: String::new(),
            }],
            pain: vec![entry(day("2026-12-05"), 6)],
            visits: vec![Visit {
                id: RecordId::from_random_bits(4),
                updated_at: at("2026-11-30T08:00:00Z").to_utc(),
                recorded_at: at("2026-11-30T08:00:00+00:00"),
                advice: Advice::Cleared,
            }],
            settings: uk(),
            ..DataSet::default()
        };
        data.recovery.start = Some(ProtocolStart {
            date: day("2026-12-01"),
            stage: crate::domain::protocol::Stage::Week1,
            from_knee_check: None,
        });
        let summary = ClinicianSummary::of(&data, today, BUILD);
        let lines = summary.plan.lines.join("\n");
        assert!(summary
            .plan
            .now
            .starts_with("Patella's advice to the runner now: "));
        assert!(
            lines.starts_with("Back-to-running plan, started 1 Dec 2026: now at "),
            "{lines}"
        );
        // Both runs were longer than week 1 allows, and the second was sore the morning after.
        assert!(
            lines.contains("\n0 runs counted toward its steps"),
            "{lines}"
        );
        assert!(lines.contains("\nFri 4 Dec: You stay at week 1"), "{lines}");
        assert!(lines.contains("\nTue 1 Dec: You started"), "{lines}");
        assert!(lines.ends_with("Strength or mobility sessions logged in these weeks: 1."));
        assert_eq!(
            summary.seen,
            "Seen by a clinician, as the runner recorded: 30 Nov 2026, cleared to follow the plan."
        );
    }

    /// Random histories against a count made apart from the code; native only (proptest).
    #[cfg(not(target_arch = "wasm32"))]
    mod random {
        use proptest::prelude::*;

        use super::*;
        use crate::domain::calendar;
        use chrono::{Days, Weekday};

        /// The window's first day, computed apart from the code: the start of the week seven
        /// weeks before this one.
        fn window_start(today: NaiveDate, week_start: Weekday) -> NaiveDate {
            let mut start = today;
            while start.weekday() != week_start {
                start = start - Days::new(1);
            }
            start - Days::new(49)
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(200))]

            /// On any day (Mondays, New Year's Eve and leap days among them), with runs and
            /// pain scattered over five months around it, every pain score of the eight weeks
            /// is on the page or counted as left off, and the total is every run of those weeks.
            #[test]
            fn every_score_of_the_eight_weeks_is_shown_or_counted(
                today_offset in 0u64..1500,
                sunday_weeks in any::<bool>(),
                runs in proptest::collection::vec((0u64..150, 0u32..30_000, proptest::option::of(0u8..=10)), 0..80),
                notes in proptest::collection::vec((0u64..150, 0u8..=10), 0..40),
            ) {
                let today = day("2024-01-01") + Days::new(today_offset);
                let from = today - Days::new(120);
                let mut settings = uk();
                settings.week_start = if sunday_weeks { Weekday::Sun } else { Weekday::Mon };
                let data = DataSet {
                    runs: runs.iter().map(|(offset, metres, pain)| Run {
                        pain_after: pain.and_then(PainScore::new),
                        ..run(from + Days::new(*offset), f64::from(*metres) / 1000.0)
                    }).collect(),
                    pain: notes.iter().map(|(offset, pain)| entry(from + Days::new(*offset), *pain)).collect(),
                    settings: settings.clone(),
                    ..DataSet::default()
                };
                let first = window_start(today, settings.week_start);
                prop_assert_eq!(calendar::week_start(today, settings.week_start) - Days::new(49), first);
                let inside = |date: NaiveDate| date >= first && date <= today;
                let expected = data.runs.iter().filter(|r| inside(r.date) && r.pain_after.is_some()).count()
                    + data.pain.iter().filter(|e| inside(e.date)).count();
                let summary = ClinicianSummary::of(&data, today, BUILD);
                let left: usize = summary.pain.left_off.as_deref().map_or(0, |line| {
                    line.split(' ').next().and_then(|n| n.parse().ok()).unwrap_or(usize::MAX)
                });
                prop_assert_eq!(summary.pain.lines.len() + left, expected);
                prop_assert!(summary.pain.lines.len() <= MOST_PAIN_LINES);
                let metres: f64 = data.runs.iter().filter(|r| inside(r.date)).map(|r| r.distance.metres()).sum();
                let runs_in = data.runs.iter().filter(|r| inside(r.date)).count();
                prop_assert_eq!(
                    &summary.running.total,
                    &format!("{} in {runs_in} {} over 8 weeks.",
                        distance_words(Distance::from_metres(metres), DistanceUnit::Km),
                        if runs_in == 1 { "run" } else { "runs" })
                );
                prop_assert!(summary.running.weeks[7].week.ends_with("(so far)"));
            }
        }
    }
}
