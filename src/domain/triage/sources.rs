//! Where the knee check's clinical decisions come from: each fact the rules rely on, with its
//! published source. DESIGN.md keeps the older facts; the decisions added since are listed
//! here and printed in `docs/knee-check.md`, so a clinician reviews rule and source together.
//! Data only: nothing here decides anything.

/// One clinical decision and where it comes from.
#[derive(Debug)]
pub struct Source {
    /// The decision, as the rules apply it.
    pub decision: &'static str,
    /// The published source, enough to find it.
    pub source: &'static str,
}

pub const SOURCES: [Source; 15] = [
    Source {
        decision: "Any one of calf pain, calf tenderness or calf swelling makes a blood clot in \
                   the leg (DVT) possible; redness is not needed, as a clot is often not red. \
                   The risk question is asked only then.",
        source: "NHS, \"DVT (deep vein thrombosis)\": symptoms in one leg are throbbing or \
                 cramping pain, swelling, and warm skin, often in the calf; NICE CKS \
                 \"Deep vein thrombosis\" (2023).",
    },
    Source {
        decision: "The tier comes from the two-level Wells score (one point each: calf \
                   tenderness, calf swelling, whole leg swollen, a clot before, bedridden 3 days \
                   or more or major surgery within 12 weeks, a cast or paralysis of the leg, \
                   active cancer); 2 or more is \"likely\" and goes to same-day care for a scan \
                   within hours; under 2 goes to a doctor within a day or two, with same-day and \
                   emergency safety-nets. Items only an examiner can judge are left out, and \
                   the −2 for another likely cause is never applied, so the self-report score \
                   can only be higher than a clinician's.",
        source: "Wells PS et al., N Engl J Med 2003;349:1227–35 (two-level Wells DVT score); \
                 NICE NG158 (2020, updated 2023): DVT likely → proximal leg vein ultrasound \
                 within 4 hours.",
    },
    Source {
        decision: "A journey of 4 hours or more in the last 4 weeks scores one point, counted \
                   with being laid up; it is not a Wells item.",
        source: "NHS \"DVT\" (causes: long journeys by plane, car or train); WHO Research \
                 into Global Hazards of Travel (WRIGHT) project, 2007: risk about doubled \
                 after travel of 4 hours or more, for weeks afterwards.",
    },
    Source {
        decision: "A possible clot with breathlessness or chest pain on breathing in is an \
                   emergency; while a clot is possible no result shows calf stretching, foam \
                   rolling or massage.",
        source: "NHS \"DVT\": call 999 for breathlessness or chest pain with DVT symptoms \
                 (pulmonary embolism); NICE CKS \"Deep vein thrombosis\".",
    },
    Source {
        decision: "Warning signs that are not from running are asked on one screen after the \
                   red flags, with \"None of these\" answering in one tap: feeling unwell, \
                   feverish or shivery; pain at night or at rest that no position eases; weight \
                   loss without trying; cancer now or in the past. Each ends the check: the \
                   answer is a doctor, not a running plan.",
        source: "NICE CKS \"Knee pain - assessment\" (red flags: systemic upset or fever, \
                 night or rest pain, weight loss, history of cancer); NHS \"Knee pain\".",
    },
    Source {
        decision: "Feeling unwell or feverish with a painful knee: a doctor the same day (an \
                   infection of the joint or bone cannot wait).",
        source: "NICE CKS \"Septic arthritis\": suspected septic arthritis needs same-day \
                 assessment; NHS \"Knee pain\": urgent help for a painful knee with a high \
                 temperature or feeling unwell.",
    },
    Source {
        decision: "Night or rest pain no position eases, unexplained weight loss, or cancer \
                   now or before: a GP (a doctor, not only a physiotherapist) in the next few \
                   days, who can arrange an X-ray.",
        source: "NICE NG12 \"Suspected cancer: recognition and referral\" (1.11, bone \
                 sarcoma: urgent direct access X-ray for unexplained bone pain; very urgent, \
                 within 48 hours, in children and young people); NICE CKS \"Knee pain\".",
    },
    Source {
        decision: "Any twist, fall, knock or sudden change of direction is an injury and brings \
                   the X-ray questions; the sudden start without one names what it is not.",
        source: "Stiell IG et al., Ann Emerg Med 1995;26:405–13 and JAMA 1996;275:611–5 \
                 (Ottawa knee rule: acute knee injury from any mechanism, twisting included); \
                 Bachmann LM et al., Ann Intern Med 2004;140:121–4.",
    },
    Source {
        decision: "Walking four steps is asked of everyone, straight after standing, as the \
                   first question's hint promises; unable now is same-day care. After an \
                   injury it is the Ottawa item (four steps right after and now), whose \
                   \"now\" it answers.",
        source: "Stiell 1995 (Ottawa: unable to take four steps both immediately and in the \
                 emergency department); NHS \"Knee pain\" (urgent help when you cannot put \
                 weight on the leg).",
    },
    Source {
        decision: "After an injury, swelling within a few hours is bleeding into the joint until \
                   shown otherwise: same-day care. Swelling the next day or later stays \
                   \"see someone soon\" with the injury.",
        source: "NICE CKS \"Knee pain - assessment\" (rapid swelling within hours of injury \
                 suggests haemarthrosis: cruciate tear, fracture, patellar dislocation); \
                 Maffulli N et al., J Bone Joint Surg Br 1993;75:945–9.",
    },
    Source {
        decision: "Severe pain is 7 or more out of 10 right now: after an injury it is same-day \
                   care and ends the check; otherwise it is examined in the next few days. The \
                   question and the action both say \"right now\".",
        source: "Serlin RC et al., Pain 1995;61:277–84 (numeric rating 7–10 = severe); NHS \
                 \"Knee pain\" (A&E after an injury with severe pain).",
    },
    Source {
        decision: "Durations that do not overlap, with \"2 weeks or more\" as the line for \
                   seeing a professional; a pain that came back once before is already a \
                   repeated episode.",
        source: "The seed (see a professional for pain over 2 weeks despite self-care, and for \
                 multiple episodes of the same injury); DESIGN.md.",
    },
    Source {
        decision: "Shoes: from the Log when it has any (the most worn pair in use against the \
                   replacement distance the runner set; past it is the factor), otherwise asked \
                   in the runner's unit, the factor counting past the top of the usual range \
                   (500 miles, 800 km), which is what its sentence says.",
        source: "The seed (300 to 500 miles is the usual replacement range); DESIGN.md: the \
                 range is convention, not strong evidence, so the runner sets the threshold; \
                 Malisoux L et al., Scand J Med Sci Sports 2015 (rotating pairs).",
    },
    Source {
        decision: "Age bands under 12 / 12 to 17 / 18 to 49 / 50 to 54 / 55 and over. A \
                   growing runner (under 18) with a limp or pain in the hip, groin or thigh is \
                   seen the same day with the hip named.",
        source: "NICE CKS \"Limp in children\" (knee pain can be referred from the hip; a \
                 suspected slipped upper femoral epiphysis needs same-day assessment); NHS \
                 \"Slipped upper femoral epiphysis\".",
    },
    Source {
        decision: "The Ottawa knee rule is applied as derived and validated: adults (Stiell) \
                   and children from 5 to 16 (Bulloch). Under 12 its items still route towards \
                   care, but a knee hurt in a twist, fall or knock is examined by a doctor \
                   within a day or two whatever they say, and the result says so.",
        source: "Stiell IG et al., JAMA 1996 (adults); Bulloch B et al., Ann Emerg Med \
                 2003;42:48–55 (children 5–16; not under 5); Vijayasankar D et al., Emerg Med \
                 J 2009 (review in children).",
    },
];
