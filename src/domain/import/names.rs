//! Plain English for the sports and FIT file types the readers meet, so no message ever shows a
//! file's own code ("fitness_equipment", "monitoring_b").
//!
//! Names are matched with everything but letters and digits removed, lowercased: FIT's
//! `alpine_skiing`, Strava's `Alpine Ski` and a GPX `<type>AlpineSki</type>` meet the same
//! entry. Every phrase carries its own "a" or "an", written out rather than guessed from the
//! first letter. A name in no table still reads as a sentence: `an activity the file calls
//! "Zumba"`.

/// A name reduced to lowercase letters and digits.
pub fn key(name: &str) -> String {
    name.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Sports that are not runs, walks, hikes, rides, swims or paddles, by [`key`]: FIT's sport
/// and sub-sport lists (FIT SDK profile, as `fitparser` 0.11 names them), Strava's activity
/// types, TCX's `Other`. The phrase is what "This is …, not a run." says.
const OTHER_SPORTS: &[(&str, &str)] = &[
    // FIT sports.
    ("generic", "an activity the file does not name"),
    ("transition", "a transition between sports"),
    ("fitnessequipment", "a session on fitness equipment"),
    ("basketball", "a basketball game"),
    ("soccer", "a football (soccer) match"),
    ("tennis", "a tennis match"),
    ("americanfootball", "an American football game"),
    ("training", "a training session"),
    ("crosscountryskiing", "a cross-country ski"),
    ("alpineskiing", "an alpine skiing session"),
    ("snowboarding", "a snowboarding session"),
    ("rowing", "a rowing session"),
    ("mountaineering", "a mountaineering trip"),
    ("multisport", "a multisport activity"),
    ("flying", "a flight"),
    ("motorcycling", "a motorcycle ride"),
    ("boating", "a boat trip"),
    ("driving", "a drive"),
    ("golf", "a round of golf"),
    ("hanggliding", "a hang-gliding flight"),
    ("horsebackriding", "a horse ride"),
    ("hunting", "a hunting trip"),
    ("fishing", "a fishing trip"),
    ("inlineskating", "an inline skating session"),
    ("rockclimbing", "a rock climbing session"),
    ("sailing", "a sailing trip"),
    ("iceskating", "an ice skating session"),
    ("skydiving", "a skydive"),
    ("snowshoeing", "a snowshoeing outing"),
    ("snowmobiling", "a snowmobile ride"),
    ("surfing", "a surfing session"),
    ("wakeboarding", "a wakeboarding session"),
    ("waterskiing", "a water-skiing session"),
    ("rafting", "a rafting trip"),
    ("windsurfing", "a windsurfing session"),
    ("kitesurfing", "a kitesurfing session"),
    ("tactical", "a tactical exercise"),
    ("jumpmaster", "a parachute jump"),
    ("boxing", "a boxing session"),
    ("floorclimbing", "a stair-climbing session"),
    ("baseball", "a baseball game"),
    ("diving", "a dive"),
    ("shooting", "a shooting session"),
    ("wintersport", "a winter sports session"),
    ("grinding", "a winch-grinding session"),
    ("hiit", "a high-intensity interval workout"),
    ("videogaming", "a video gaming session"),
    ("racket", "a racket sports game"),
    ("wheelchairpushwalk", "a wheelchair push at walking pace"),
    ("wheelchairpushrun", "a wheelchair push at running pace"),
    ("meditation", "a meditation session"),
    ("parasport", "a para sports session"),
    ("discgolf", "a round of disc golf"),
    ("teamsport", "a team sports game"),
    ("cricket", "a cricket match"),
    ("rugby", "a rugby match"),
    ("hockey", "a hockey game"),
    ("lacrosse", "a lacrosse game"),
    ("volleyball", "a volleyball game"),
    ("watertubing", "a water tubing ride"),
    ("wakesurfing", "a wakesurfing session"),
    ("watersport", "a water sports session"),
    ("archery", "an archery session"),
    ("mixedmartialarts", "a mixed martial arts session"),
    ("motorsports", "a motor sports session"),
    ("snorkeling", "a snorkelling swim"),
    ("dance", "a dance session"),
    ("jumprope", "a skipping (jump rope) session"),
    ("poolapnea", "a breath-hold (apnea) session in a pool"),
    ("mobility", "a mobility session"),
    ("geocaching", "a geocaching outing"),
    ("all", "an activity of no single sport"),
    // FIT sub-sports that say more than their sport does (fitness equipment, training).
    ("indoorrowing", "an indoor rowing session"),
    ("elliptical", "an elliptical trainer session"),
    ("stairclimbing", "a stair-climbing session"),
    ("strengthtraining", "a strength training session"),
    ("cardiotraining", "a cardio workout"),
    ("flexibilitytraining", "a stretching session"),
    ("yoga", "a yoga session"),
    ("pilates", "a Pilates session"),
    ("indoorclimbing", "an indoor climbing session"),
    ("bouldering", "a bouldering session"),
    ("breathing", "a breathing exercise"),
    ("biketoruntransition", "a transition between sports"),
    ("runtobiketransition", "a transition between sports"),
    ("swimtobiketransition", "a transition between sports"),
    // Strava's activity types, and the names GPX and TCX files give.
    ("other", "an activity the file does not name"),
    ("alpineski", "an alpine skiing session"),
    ("backcountryski", "a backcountry ski tour"),
    ("nordicski", "a cross-country ski"),
    ("rollerski", "a roller-ski session"),
    ("snowboard", "a snowboarding session"),
    ("snowshoe", "a snowshoeing outing"),
    ("iceskate", "an ice skating session"),
    ("inlineskate", "an inline skating session"),
    ("skateboard", "a skateboarding session"),
    ("virtualrow", "an indoor rowing session"),
    ("sail", "a sailing trip"),
    ("kitesurf", "a kitesurfing session"),
    ("windsurf", "a windsurfing session"),
    ("crossfit", "a CrossFit workout"),
    ("stairstepper", "a stair-stepper session"),
    ("weighttraining", "a weight training session"),
    ("workout", "a workout"),
    (
        "highintensityintervaltraining",
        "a high-intensity interval workout",
    ),
    ("rockclimb", "a rock climbing session"),
    ("badminton", "a badminton game"),
    ("pickleball", "a pickleball game"),
    ("racquetball", "a racquetball game"),
    ("squash", "a squash game"),
    ("tabletennis", "a table tennis game"),
    ("padel", "a padel game"),
    ("velomobile", "a velomobile ride"),
    ("wheelchair", "a wheelchair session"),
];

/// The phrase for a sport outside the main kinds, as the file names it. A FIT name may come
/// as `sport/sub-sport`; the sub-sport is tried first, since it says more.
pub fn other_sport(name: &str) -> String {
    // A sub-sport of "generic" says nothing more than its sport.
    let parts: Vec<&str> = name.split('/').collect();
    let found = parts
        .iter()
        .enumerate()
        .rev()
        .filter(|(index, part)| *index == 0 || key(part) != "generic")
        .find_map(|(_, part)| lookup(OTHER_SPORTS, &key(part)));
    match found {
        Some(phrase) => phrase.to_string(),
        None if is_unnamed_number(name) => {
            "a sport Patella doesn't know (the file gives it only as a number)".to_string()
        }
        None => format!("an activity the file calls \"{}\"", shorten(name.trim())),
    }
}

/// Whether a sport name is in the table: for tests that walk every name a reader can give.
pub fn is_known_sport(name: &str) -> bool {
    lookup(OTHER_SPORTS, &key(name)).is_some()
}

/// FIT file types (`file_id.type`) that are not activities, by [`key`]: what "This is …, not
/// a recorded activity." says.
const FILE_TYPES: &[(&str, &str)] = &[
    ("device", "a file describing the device"),
    ("settings", "a file of the device's settings"),
    ("sport", "a file of sport settings"),
    ("workout", "a planned workout"),
    ("course", "a planned course"),
    ("schedules", "a training schedule"),
    ("weight", "a file of body-weight readings"),
    ("totals", "a file of lifetime totals"),
    ("goals", "a file of goals"),
    ("bloodpressure", "a file of blood-pressure readings"),
    ("monitoringa", "a daily activity-tracking file"),
    ("monitoringb", "a daily activity-tracking file"),
    ("monitoringdaily", "a daily activity-tracking file"),
    ("segment", "a segment (a stretch of route to compete on)"),
    ("segmentlist", "a list of segments"),
    ("exdconfiguration", "a file of data-screen settings"),
    ("mfgrangemin", "a file in its maker's own format"),
    ("mfgrangemax", "a file in its maker's own format"),
];

/// The phrase for a FIT file type that is not an activity.
pub fn file_type(name: &str) -> String {
    lookup(FILE_TYPES, &key(name))
        .map(str::to_string)
        .unwrap_or_else(|| "a kind of FIT file Patella doesn't know".to_string())
}

/// Whether a FIT file type is in the table.
pub fn is_known_file_type(name: &str) -> bool {
    lookup(FILE_TYPES, &key(name)).is_some()
}

/// A phrase without its article, capitalised, as a heading: "Indoor rowing session".
pub fn label_of(phrase: &str) -> String {
    let bare = phrase
        .strip_prefix("an ")
        .or_else(|| phrase.strip_prefix("a "))
        .unwrap_or(phrase);
    let mut chars = bare.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn lookup(table: &[(&str, &'static str)], key: &str) -> Option<&'static str> {
    table
        .iter()
        .find(|(name, _)| *name == key)
        .map(|(_, phrase)| *phrase)
}

/// `fitparser` names an enum value it does not know `unknown_variant_<n>`; a GPX or CSV
/// may give a bare number.
fn is_unnamed_number(name: &str) -> bool {
    let key = key(name);
    key.starts_with("unknownvariant")
        || (key.len() > 5
            && key.starts_with("sport")
            && key[5..].bytes().all(|b| b.is_ascii_digit()))
        || (!key.is_empty() && key.bytes().all(|b| b.is_ascii_digit()))
}

/// A file's own name for a sport, cut short enough for a sentence.
fn shorten(name: &str) -> String {
    crate::domain::words::shortened(name, 40)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// "an" before a vowel letter, "a" before anything else: true of every phrase here,
    /// which avoids words like "unicycle" and "hour" where the letter misleads.
    fn article_fits(phrase: &str) -> bool {
        let (article, rest) = phrase.split_once(' ').unwrap_or(("", ""));
        let vowel = rest
            .chars()
            .next()
            .is_some_and(|c| "aeiouAEIOU".contains(c));
        (article == "an" && vowel) || (article == "a" && !vowel)
    }

    #[test]
    fn every_phrase_has_the_right_article_and_no_code() {
        for (name, phrase) in OTHER_SPORTS.iter().chain(FILE_TYPES) {
            assert!(article_fits(phrase), "{name}: {phrase}");
            assert!(!phrase.contains('_'), "{name}: {phrase}");
            assert_eq!(key(name), *name, "table keys are already keys");
        }
    }

    #[test]
    fn names_in_any_spelling_meet_one_entry() {
        assert_eq!(
            other_sport("fitness_equipment/indoor_rowing"),
            "an indoor rowing session"
        );
        assert_eq!(
            other_sport("fitness_equipment/generic"),
            "a session on fitness equipment"
        );
        assert_eq!(
            other_sport("generic/transition"),
            "a transition between sports"
        );
        assert_eq!(other_sport("Alpine Ski"), "an alpine skiing session");
        assert_eq!(other_sport("Other"), "an activity the file does not name");
        assert_eq!(other_sport("Zumba"), "an activity the file calls \"Zumba\"");
        assert_eq!(
            other_sport("unknown_variant_201"),
            "a sport Patella doesn't know (the file gives it only as a number)"
        );
        assert_eq!(file_type("monitoring_b"), "a daily activity-tracking file");
        assert_eq!(
            label_of("an indoor rowing session"),
            "Indoor rowing session"
        );
    }
}
