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

pub const SOURCES: [Source; 7] = [
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
];
