//! Data quality: one test per finding code, the score, completeness and off-track judgement.
//! Every expectation is worked out by hand in the comments beside it.

#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use chiso::ledger::{Action, Entry, Ledger, Submission};
use chiso::org::{Assignment, OrgTree};
use chiso::period::{Calendar, ReportingCalendar};
use chiso::quality::{Quality, QualityReport};
use chiso::{Catalogue, Severity};
use serde_json::{Value as Json, json};

/// Nine provinces under the steering committee, ranked as one peer group; each is assigned C01
/// (sandboxes, quarterly, through `sandbox_van_hanh`) from 2026-Q1 ([`monthly_world`] adds B01,
/// digital documents, monthly, through `van_ban_dien_tu` and `van_ban_tong`). The calendar is the
/// plain calendar with reports due 5 working days after: 2026-Q2 (ends Tuesday 30 June) is due
/// Tuesday 7 July; 2026-05 (ends Sunday 31 May) is due Friday 5 June.
struct World {
    catalogue: Catalogue,
    tree: OrgTree,
    assignments: Vec<Assignment>,
    calendar: ReportingCalendar,
    ledger: Ledger,
}

const PROVINCES: [&str; 9] = ["P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8", "P9"];

fn world() -> World {
    let mut units = vec![
        json!({"id": "BCD", "name": {"vi": "Ban Chỉ đạo", "en": "Steering committee"}, "kind": "central"}),
    ];
    for p in PROVINCES {
        units.push(json!({"id": p, "name": {"vi": format!("Tỉnh {p}"), "en": format!("Province {p}")}, "kind": "province", "parent": "BCD"}));
    }
    let tree = OrgTree::from_json(
        &json!({"units": units, "peer_groups": [{"id": "tinh", "name": {"vi": "Các tỉnh", "en": "Provinces"}, "members": PROVINCES}]})
            .to_string(),
    )
    .unwrap();
    let mut assignments = Vec::new();
    for p in PROVINCES {
        assignments.push(
            serde_json::from_value(json!({"unit": p, "item": "C01", "role": "lead",
                "focal_officer": "can_bo", "from": "2026-Q1", "assigned_by": "BCD"}))
            .unwrap(),
        );
    }
    World {
        catalogue: Catalogue::nq57(),
        tree,
        assignments,
        calendar: ReportingCalendar::new(Calendar::Calendar, 5, []).unwrap(),
        ledger: Ledger::default(),
    }
}

/// [`world`] with B01 (monthly) assigned to every province from `from`.
fn monthly_world(from: &str) -> World {
    let mut w = world();
    for p in PROVINCES {
        w.assignments.push(
            serde_json::from_value(json!({"unit": p, "item": "B01", "role": "lead",
                "focal_officer": "can_bo", "from": from, "assigned_by": "BCD"}))
            .unwrap(),
        );
    }
    w
}

/// A form submission with one well-formed evidence document; `edit` changes the JSON.
#[allow(clippy::needless_pass_by_value)] // reads best with `json!` values inline
fn submission(unit: &str, item: &str, period: &str, value: Json, at: &str) -> Json {
    json!({
        "unit": unit, "item": item, "period": period, "value": value,
        "source": {"kind": "form"},
        "evidence": [{"file_name": "bao_cao.pdf", "sha256": "ab".repeat(32), "size": 2048,
                      "media_type": "application/pdf"}],
        "submitted_by": "can_bo", "submitted_at": at
    })
}

fn num(n: &str) -> Json {
    json!({"number": n})
}

impl World {
    fn append(&mut self, action: Action) -> u64 {
        self.ledger.append(action).unwrap().sequence
    }

    fn submit_json(&mut self, submission: Json) -> u64 {
        let submission: Submission = serde_json::from_value(submission).unwrap();
        self.append(Action::Submit { submission })
    }

    /// Submits on time and approves.
    fn report(&mut self, unit: &str, item: &str, period: &str, value: &str, at: &str) -> u64 {
        let revision = self.submit_json(submission(unit, item, period, num(value), at));
        self.decide(revision, true);
        revision
    }

    fn decide(&mut self, revision: u64, approve: bool) {
        // On 8 July, or when the submission came in if later (a decision cannot predate it).
        let received = self.ledger.entries()[usize::try_from(revision).unwrap() - 1].effective_at();
        let at = received.max("2026-07-08T10:00:00".parse().unwrap());
        let by = "lanh_dao".to_owned();
        self.append(if approve {
            Action::Approve { revision, by, at }
        } else {
            Action::Return {
                revision,
                by,
                at,
                reason: "Số liệu chưa khớp báo cáo".into(),
            }
        });
    }

    fn explain(&mut self, unit: &str, period: &str, causes: &str) {
        let explanation = serde_json::from_value(json!({"unit": unit, "indicator": "C01",
            "period": period, "causes": causes, "bottlenecks": ["institutions"],
            "solutions": "Ban hành quy chế thử nghiệm trong quý sau.",
            "submitted_by": "can_bo", "submitted_at": "2026-07-03T09:00:00"}))
        .unwrap();
        self.append(Action::Explain { explanation });
    }

    fn check_at(&self, unit: &str, period: &str, as_of: &str) -> QualityReport {
        Quality::new(
            &self.catalogue,
            &self.tree,
            &self.assignments,
            &self.calendar,
        )
        .check(
            &self.ledger,
            unit,
            period.parse().unwrap(),
            as_of.parse().unwrap(),
        )
        .unwrap()
    }

    /// 2026-Q2 as of 10 July, after its deadline.
    fn check_q2(&self, unit: &str) -> QualityReport {
        self.check_at(unit, "2026-Q2", "2026-07-10T00:00:00")
    }
}

/// The (code, item) pairs of a report.
fn codes(report: &QualityReport) -> Vec<(&str, &str)> {
    report
        .findings
        .iter()
        .map(|f| (f.code.as_str(), f.item.as_str()))
        .collect()
}

/// The one finding with `code`.
fn only(report: &QualityReport, code: &str) -> chiso::quality::QualityFinding {
    let found: Vec<_> = report.findings.iter().filter(|f| f.code == code).collect();
    assert_eq!(found.len(), 1, "{code} in {:?}", codes(report));
    found[0].clone()
}

#[test]
fn a_clean_quarter_has_no_finding_and_scores_100() {
    let mut w = world();
    w.report(
        "P1",
        "sandbox_van_hanh",
        "2026-Q1",
        "1",
        "2026-04-02T09:00:00",
    );
    w.report(
        "P1",
        "sandbox_van_hanh",
        "2026-Q2",
        "1",
        "2026-07-02T09:00:00",
    );
    let report = w.check_q2("P1");
    assert_eq!(codes(&report), []);
    // Expected in a quarter: C01's input only.
    assert_eq!((report.expected, report.reported), (1, 1));
    assert_eq!(report.completeness.unwrap().to_string(), "100.0");
    assert_eq!(report.score.unwrap().to_string(), "100.0");
    assert_eq!(report.deadline.to_string(), "2026-07-07");
    assert!(
        report
            .dimensions
            .iter()
            .all(|d| d.points.unwrap().to_string() == "25.0")
    );
}

#[test]
fn nothing_expected_and_nothing_reported_has_no_score() {
    let w = world();
    // BCD is assigned nothing.
    let report = w.check_q2("BCD");
    assert_eq!(
        (report.expected, report.score, report.completeness),
        (0, None, None)
    );
    assert!(report.dimensions.iter().all(|d| d.points.is_none()));
}

#[test]
fn an_unknown_unit_is_an_argument_error() {
    let w = world();
    let err = Quality::new(&w.catalogue, &w.tree, &w.assignments, &w.calendar)
        .check(
            &w.ledger,
            "P99",
            "2026-Q2".parse().unwrap(),
            "2026-07-10T00:00:00".parse().unwrap(),
        )
        .unwrap_err();
    assert_eq!(err.code(), "argument.invalid");
}

// --- correct ("đúng") --------------------------------------------------------------------------

#[test]
fn correct_value_type() {
    let mut w = world();
    w.submit_json(submission(
        "P1",
        "sandbox_van_hanh",
        "2026-Q2",
        json!({"text": "hai"}),
        "2026-07-02T09:00:00",
    ));
    let f = only(&w.check_q2("P1"), "correct.value_type");
    assert_eq!(
        f.message_en,
        "Value “hai” is of the wrong kind: count expected."
    );
    assert!(
        f.message_vi.starts_with("Giá trị “hai” không đúng kiểu"),
        "{}",
        f.message_vi
    );
    assert_eq!((f.severity, f.revision), (Severity::Error, Some(1)));
}

#[test]
fn correct_out_of_range() {
    let mut w = world();
    w.submit_json(submission(
        "P1",
        "sandbox_van_hanh",
        "2026-Q2",
        num("-1"),
        "2026-07-02T09:00:00",
    ));
    let f = only(&w.check_q2("P1"), "correct.out_of_range");
    assert_eq!(
        f.message_en,
        "Value -1 is outside the allowed range: a whole number from 0."
    );
    // 1.5 sandboxes is not a count either.
    let mut w = world();
    w.submit_json(submission(
        "P1",
        "sandbox_van_hanh",
        "2026-Q2",
        num("1.5"),
        "2026-07-02T09:00:00",
    ));
    only(&w.check_q2("P1"), "correct.out_of_range");
}

#[test]
fn correct_rule() {
    // R_B01: van_ban_dien_tu <= van_ban_tong, severity error.
    let mut w = monthly_world("2026-01");
    w.report(
        "P1",
        "van_ban_dien_tu",
        "2026-05",
        "120",
        "2026-06-01T09:00:00",
    );
    w.report(
        "P1",
        "van_ban_tong",
        "2026-05",
        "100",
        "2026-06-01T09:00:00",
    );
    let report = w.check_at("P1", "2026-05", "2026-06-10T00:00:00");
    let f = only(&report, "correct.rule");
    assert_eq!(
        (f.item.as_str(), f.severity, f.revision),
        ("van_ban_dien_tu", Severity::Error, Some(1))
    );
    assert!(
        f.message_en.starts_with("Rule R_B01 is broken"),
        "{}",
        f.message_en
    );
    assert!(
        f.message_en
            .ends_with("left 120, right 100, `<=` required."),
        "{}",
        f.message_en
    );

    // Equal sides keep the rule; a missing side skips it (skip_if_any_missing).
    let mut w = monthly_world("2026-01");
    w.report(
        "P1",
        "van_ban_dien_tu",
        "2026-05",
        "100",
        "2026-06-01T09:00:00",
    );
    w.report(
        "P1",
        "van_ban_tong",
        "2026-05",
        "100",
        "2026-06-01T09:00:00",
    );
    // (January to April are not reported: back-fill warnings, nothing else.)
    let report = w.check_at("P1", "2026-05", "2026-06-10T00:00:00");
    assert!(
        codes(&report)
            .iter()
            .all(|(c, _)| *c == "complete.backfill")
    );
    let mut w = monthly_world("2026-01");
    w.report(
        "P1",
        "van_ban_dien_tu",
        "2026-05",
        "120",
        "2026-06-01T09:00:00",
    );
    let report = w.check_at("P1", "2026-05", "2026-06-10T00:00:00");
    assert!(!codes(&report).iter().any(|(c, _)| *c == "correct.rule"));
}

#[test]
fn correct_rule_pairs_look_only_at_presence() {
    // R_B07: tong_ngay_giai_quyet compulsory_pair ho_so_da_giai_quyet (warning). Assign B07.
    let mut w = world();
    w.assignments.push(
        serde_json::from_value(json!({"unit": "P1", "item": "B07", "role": "lead",
            "focal_officer": "can_bo", "from": "2026-01", "assigned_by": "BCD"}))
        .unwrap(),
    );
    w.report(
        "P1",
        "tong_ngay_giai_quyet",
        "2026-05",
        "340",
        "2026-06-01T09:00:00",
    );
    let report = w.check_at("P1", "2026-05", "2026-06-10T00:00:00");
    let f = only(&report, "correct.rule");
    assert_eq!(f.severity, Severity::Warning);
    assert!(f.message_en.contains("R_B07"));
}

#[test]
fn correct_no_evidence() {
    let mut w = world();
    let mut s = submission(
        "P1",
        "sandbox_van_hanh",
        "2026-Q2",
        num("1"),
        "2026-07-02T09:00:00",
    );
    s.as_object_mut().unwrap().remove("evidence");
    w.submit_json(s);
    let f = only(&w.check_q2("P1"), "correct.no_evidence");
    assert!(
        f.message_en
            .starts_with("Required evidence is missing (Sandbox authorisation decisions")
    );
    // A value declared missing needs no evidence.
    let mut w = world();
    let mut s = submission(
        "P1",
        "sandbox_van_hanh",
        "2026-Q2",
        json!({"missing": "not_applicable"}),
        "2026-07-02T09:00:00",
    );
    s.as_object_mut().unwrap().remove("evidence");
    w.submit_json(s);
    assert!(
        !codes(&w.check_q2("P1"))
            .iter()
            .any(|(c, _)| *c == "correct.no_evidence")
    );
}

#[test]
fn correct_evidence_hash() {
    // Appending refuses a malformed hash, so build the ledger as an import would.
    let mut s = submission(
        "P1",
        "sandbox_van_hanh",
        "2026-Q2",
        num("1"),
        "2026-07-02T09:00:00",
    );
    s["evidence"][0]["sha256"] = json!("ABC");
    let action = Action::Submit {
        submission: serde_json::from_value(s).unwrap(),
    };
    let mut w = world();
    w.ledger = Ledger::from_entries(vec![Entry::new(1, chiso::ledger::GENESIS, action)]);
    let f = only(&w.check_q2("P1"), "correct.evidence_hash");
    assert_eq!(
        f.message_en,
        "The SHA-256 of evidence file `bao_cao.pdf` is malformed."
    );
}

// --- complete ("đủ") ---------------------------------------------------------------------------

#[test]
fn complete_missing() {
    let w = world();
    let report = w.check_q2("P1");
    let f = only(&report, "complete.missing");
    assert_eq!((f.item.as_str(), f.revision), ("sandbox_van_hanh", None));
    // Q1 missing too (its deadline, 7 April, has passed): one back-fill finding. Q2 is past
    // its deadline: overdue. Nothing else; findings are sorted by item, dimension, code.
    assert_eq!(
        codes(&report),
        [
            ("complete.backfill", "sandbox_van_hanh"),
            ("complete.missing", "sandbox_van_hanh"),
            ("live.overdue", "sandbox_van_hanh")
        ]
    );
    assert_eq!(report.completeness.unwrap().to_string(), "0.0");
    // One item: complete has an error (−25), live an error (−25): 50.
    assert_eq!(report.score.unwrap().to_string(), "50.0");
}

#[test]
fn complete_returned() {
    let mut w = world();
    w.report(
        "P1",
        "sandbox_van_hanh",
        "2026-Q1",
        "1",
        "2026-04-02T09:00:00",
    );
    let r = w.submit_json(submission(
        "P1",
        "sandbox_van_hanh",
        "2026-Q2",
        num("1"),
        "2026-07-02T09:00:00",
    ));
    w.decide(r, false);
    let report = w.check_q2("P1");
    let f = only(&report, "complete.returned");
    assert_eq!(
        f.message_en,
        "The value was returned and has not been sent again (reason: Số liệu chưa khớp báo cáo)."
    );
    assert_eq!(report.reported, 0);
    // Sent again: nothing to say.
    w.submit_json(submission(
        "P1",
        "sandbox_van_hanh",
        "2026-Q2",
        num("2"),
        "2026-07-09T09:00:00",
    ));
    let report = w.check_q2("P1");
    assert!(
        !codes(&report)
            .iter()
            .any(|(c, _)| *c == "complete.returned")
    );
    assert_eq!(report.reported, 1);
}

#[test]
fn complete_backfill() {
    let mut w = world();
    // Q3 reported, Q2 reported, Q1 (assigned from 2026-Q1) never: back-fill 2026-Q1 only;
    // 2025 periods are before the assignment.
    w.report(
        "P1",
        "sandbox_van_hanh",
        "2026-Q2",
        "1",
        "2026-07-02T09:00:00",
    );
    w.report(
        "P1",
        "sandbox_van_hanh",
        "2026-Q3",
        "1",
        "2026-10-02T09:00:00",
    );
    let report = w.check_at("P1", "2026-Q3", "2026-10-05T00:00:00");
    let f = only(&report, "complete.backfill");
    assert_eq!(f.severity, Severity::Warning);
    assert_eq!(
        f.message_en,
        "Earlier periods still missing, to be back-filled: 2026-Q1."
    );
}

#[test]
fn complete_explanation_missing() {
    let mut w = world();
    // C01 from 0 in Q1: the straight line to ≥ 1 at the end of 2026 asks 1 × 3/9 = 0.33 by
    // the end of Q2 (3 of the 9 months from the end of Q1); 0 is behind.
    w.report(
        "P1",
        "sandbox_van_hanh",
        "2026-Q1",
        "0",
        "2026-04-02T09:00:00",
    );
    w.report(
        "P1",
        "sandbox_van_hanh",
        "2026-Q2",
        "0",
        "2026-07-02T09:00:00",
    );
    let report = w.check_q2("P1");
    let f = only(&report, "complete.explanation_missing");
    assert_eq!(f.item, "C01");
    assert_eq!(
        f.message_en,
        "No explanation filed: behind the path to ≥ 1 by 2026: about 0.3 needed, 0 reached."
    );
    // Explained: no finding.
    w.explain("P1", "2026-Q2", "Chưa có quy chế.");
    assert!(codes(&w.check_q2("P1")).is_empty());
}

#[test]
fn complete_explanation_empty() {
    let mut w = world();
    // 0 then 0 against ≥ 1 by 2026: behind the line, off track.
    w.report(
        "P1",
        "sandbox_van_hanh",
        "2026-Q1",
        "0",
        "2026-04-02T09:00:00",
    );
    w.report(
        "P1",
        "sandbox_van_hanh",
        "2026-Q2",
        "0",
        "2026-07-02T09:00:00",
    );
    w.explain("P1", "2026-Q2", "   ");
    let f = only(&w.check_q2("P1"), "complete.explanation_empty");
    assert_eq!(f.message_en, "The explanation leaves blank: causes.");
}

/// Issue 18: one "off track". A value that meets its target is on track even when it fell
/// (2 → 1 sandboxes against ≥ 1 by 2026): no explanation is asked for; the old rule ("worse
/// than the period before") asked for one, while progress called it on track.
#[test]
fn a_met_target_needs_no_explanation_even_after_a_fall() {
    let mut w = world();
    w.report(
        "P1",
        "sandbox_van_hanh",
        "2026-Q1",
        "2",
        "2026-04-02T09:00:00",
    );
    w.report(
        "P1",
        "sandbox_van_hanh",
        "2026-Q2",
        "1",
        "2026-07-02T09:00:00",
    );
    assert_eq!(codes(&w.check_q2("P1")), []);
}

// --- clean ("sạch") ----------------------------------------------------------------------------

#[test]
fn clean_duplicate() {
    let mut w = world();
    w.report(
        "P1",
        "sandbox_van_hanh",
        "2026-Q1",
        "1",
        "2026-04-02T09:00:00",
    );
    let first = w.submit_json(submission(
        "P1",
        "sandbox_van_hanh",
        "2026-Q2",
        num("1"),
        "2026-07-02T09:00:00",
    ));
    let second = w.submit_json(submission(
        "P1",
        "sandbox_van_hanh",
        "2026-Q2",
        num("1"),
        "2026-07-03T09:00:00",
    ));
    let f = only(&w.check_q2("P1"), "clean.duplicate");
    assert_eq!(f.revision, Some(second));
    assert_eq!(
        f.message_en,
        format!("This revision repeats revision {first} unchanged.")
    );
}

#[test]
fn clean_conflict() {
    let mut w = world();
    w.report(
        "P1",
        "sandbox_van_hanh",
        "2026-Q1",
        "1",
        "2026-04-02T09:00:00",
    );
    let first = w.submit_json(submission(
        "P1",
        "sandbox_van_hanh",
        "2026-Q2",
        num("1"),
        "2026-07-02T09:00:00",
    ));
    let second = w.submit_json(submission(
        "P1",
        "sandbox_van_hanh",
        "2026-Q2",
        num("2.5"),
        "2026-07-03T09:00:00",
    ));
    let report = w.check_q2("P1");
    let f = only(&report, "clean.conflict");
    assert_eq!(f.revision, Some(second));
    assert_eq!(
        f.message_en,
        format!(
            "Two revisions await a decision with different values: 2.5 and 1 (revision {first})."
        )
    );
    // Each language writes the values its own way (the Vietnamese message once wrote `2.5`).
    assert_eq!(
        f.message_vi,
        format!("Hai lần gửi đang chờ duyệt có giá trị khác nhau: 2,5 và 1 (lần gửi số {first}).")
    );
    // Once one is decided, no conflict.
    w.decide(first, true);
    assert!(
        !codes(&w.check_q2("P1"))
            .iter()
            .any(|(c, _)| *c == "clean.conflict")
    );
}

#[test]
fn clean_outlier_history() {
    // 2024-Q2..2026-Q1: 10 11 12 13 14 12 11 13; sorted 10 11 11 12 12 13 13 14, median 12;
    // deviations sorted 0 0 1 1 1 1 2 2, MAD 1: 40 is far (0.6745 × 28 > 3.5).
    let history = [
        ("2024-Q2", "10"),
        ("2024-Q3", "11"),
        ("2024-Q4", "12"),
        ("2025-Q1", "13"),
        ("2025-Q2", "14"),
        ("2025-Q3", "12"),
        ("2025-Q4", "11"),
        ("2026-Q1", "13"),
    ];
    let with_history = |latest: &str| {
        let mut w = world();
        w.assignments[0].from = "2024-Q2".parse().unwrap();
        for (period, value) in history {
            w.report(
                "P1",
                "sandbox_van_hanh",
                period,
                value,
                "2026-04-02T09:00:00",
            );
        }
        w.report(
            "P1",
            "sandbox_van_hanh",
            "2026-Q2",
            latest,
            "2026-07-02T09:00:00",
        );
        w.check_q2("P1")
    };
    let f = only(&with_history("40"), "clean.outlier_history");
    assert_eq!(
        f.message_en,
        "Value 40 is unusual against the unit's 8 earlier periods (median 12)."
    );
    // 17 is within reach: 0.6745 × 5 = 3.37 ≤ 3.5.
    assert!(codes(&with_history("17")).is_empty());
}

#[test]
fn clean_outlier_peers() {
    let mut w = world();
    // Peers P2..P9 report 2 3 3 4 5 3 4 2 in Q2: sorted 2 2 3 3 3 4 4 5, median 3;
    // deviations sorted 0 0 0 1 1 1 1 2, MAD 1. P1's 9: 0.6745 × 6 = 4.05 > 3.5. Each has Q1
    // too, so no one is off track.
    let peers = [
        ("P2", "2"),
        ("P3", "3"),
        ("P4", "3"),
        ("P5", "4"),
        ("P6", "5"),
        ("P7", "3"),
        ("P8", "4"),
        ("P9", "2"),
    ];
    for (p, v) in peers {
        w.report(p, "sandbox_van_hanh", "2026-Q1", v, "2026-04-02T09:00:00");
        w.report(p, "sandbox_van_hanh", "2026-Q2", v, "2026-07-02T09:00:00");
    }
    w.report(
        "P1",
        "sandbox_van_hanh",
        "2026-Q1",
        "9",
        "2026-04-02T09:00:00",
    );
    w.report(
        "P1",
        "sandbox_van_hanh",
        "2026-Q2",
        "9",
        "2026-07-02T09:00:00",
    );
    let f = only(&w.check_q2("P1"), "clean.outlier_peers");
    assert_eq!(
        f.message_en,
        "Value 9 is unusual against 8 peer units (median 3)."
    );
    // P3 is not one: its peers sorted 2 2 3 3 4 4 5 9, median 3.5, deviations sorted
    // .5 .5 .5 .5 1.5 1.5 1.5 5.5, MAD 1; 0.6745 × 0.5 ≤ 3.5.
    assert!(codes(&w.check_q2("P3")).is_empty());
}

#[test]
fn clean_unit_mismatch() {
    let mut w = world();
    w.report(
        "P1",
        "sandbox_van_hanh",
        "2026-Q1",
        "1",
        "2026-04-02T09:00:00",
    );
    let mut s = submission(
        "P1",
        "sandbox_van_hanh",
        "2026-Q2",
        num("1"),
        "2026-07-02T09:00:00",
    );
    s["measure"] = json!("%");
    w.submit_json(s);
    let f = only(&w.check_q2("P1"), "clean.unit_mismatch");
    assert_eq!(
        f.message_en,
        "Unit of measure `%` differs from the catalogue's (sandboxes)."
    );
    // The catalogue's own words, in either language and any case, are fine.
    let mut w = world();
    w.report(
        "P1",
        "sandbox_van_hanh",
        "2026-Q1",
        "1",
        "2026-04-02T09:00:00",
    );
    let mut s = submission(
        "P1",
        "sandbox_van_hanh",
        "2026-Q2",
        num("1"),
        "2026-07-02T09:00:00",
    );
    s["measure"] = json!("Cơ chế");
    w.submit_json(s);
    assert!(
        codes(&w.check_q2("P1"))
            .iter()
            .all(|(c, _)| *c != "clean.unit_mismatch")
    );
}

// --- live ("sống") -----------------------------------------------------------------------------

/// A backdated `submitted_at` is a claim: lateness is judged from when the store received the
/// report. (Before entries carried a recorded time, the claim of 6 July made this on time.)
#[test]
fn live_late_is_judged_from_the_store_time_not_the_claim() {
    let mut w = world();
    let mut submission: Submission = serde_json::from_value(submission(
        "P1",
        "sandbox_van_hanh",
        "2026-Q2",
        num("1"),
        "2026-07-06T09:00:00", // claimed: the day before the deadline (Tuesday 7 July)
    ))
    .unwrap();
    submission.comment = Some("gửi đúng hạn".into());
    let received = "2026-07-09T16:00:00".parse().unwrap(); // the store's clock: two days late
    let revision = w
        .ledger
        .append_at(Action::Submit { submission }, received)
        .unwrap()
        .sequence;
    let approval = Action::Approve {
        revision,
        by: "lanh_dao".into(),
        at: "2026-07-09T17:00:00".parse().unwrap(),
    };
    w.ledger
        .append_at(approval, "2026-07-09T17:00:00".parse().unwrap())
        .unwrap();
    let report = w.check_q2("P1");
    let f = only(&report, "live.late");
    assert_eq!(
        f.message_en,
        "Reported late: due 2026-07-07, sent 2026-07-09."
    );
}

#[test]
fn live_late() {
    let mut w = world();
    w.report(
        "P1",
        "sandbox_van_hanh",
        "2026-Q1",
        "1",
        "2026-04-02T09:00:00",
    );
    // Due Tuesday 7 July; sent Wednesday 8 July.
    w.report(
        "P1",
        "sandbox_van_hanh",
        "2026-Q2",
        "1",
        "2026-07-08T08:00:00",
    );
    let report = w.check_q2("P1");
    let f = only(&report, "live.late");
    assert_eq!(
        f.message_en,
        "Reported late: due 2026-07-07, sent 2026-07-08."
    );
    // One item with a live warning: 25 − 12.5 = 12.5 off 100.
    assert_eq!(report.score.unwrap().to_string(), "87.5");
    // On the deadline day itself is on time.
    let mut w = world();
    w.report(
        "P1",
        "sandbox_van_hanh",
        "2026-Q1",
        "1",
        "2026-04-02T09:00:00",
    );
    w.report(
        "P1",
        "sandbox_van_hanh",
        "2026-Q2",
        "1",
        "2026-07-07T23:59:00",
    );
    assert!(codes(&w.check_q2("P1")).is_empty());
}

#[test]
fn live_overdue() {
    let w = world();
    // Before the deadline nothing is overdue (but the item is still missing).
    let early = w.check_at("P1", "2026-Q2", "2026-07-07T12:00:00");
    assert!(!codes(&early).iter().any(|(c, _)| *c == "live.overdue"));
    let f = only(&w.check_q2("P1"), "live.overdue");
    assert_eq!(
        f.message_en,
        "Past the deadline (2026-07-07) with no value."
    );
}

#[test]
fn live_stale() {
    let mut w = world();
    w.report(
        "P1",
        "sandbox_van_hanh",
        "2026-Q1",
        "1",
        "2026-04-02T09:00:00",
    );
    let mut s = submission(
        "P1",
        "sandbox_van_hanh",
        "2026-Q2",
        num("1"),
        "2026-06-20T09:00:00",
    );
    s["source"] = json!({"kind": "system", "system": "HTTT_KHCN"});
    let r = w.submit_json(s);
    w.decide(r, true);
    let f = only(&w.check_q2("P1"), "live.stale");
    assert_eq!(
        f.message_en,
        "The value from HTTT_KHCN was last delivered 2026-06-20, before the period ended (2026-06-30)."
    );
    // Within the period it is not judged yet.
    assert!(
        !codes(&w.check_at("P1", "2026-Q2", "2026-06-25T00:00:00"))
            .iter()
            .any(|(c, _)| *c == "live.stale")
    );
}

/// Every quality code the registry lists (declared on `chiso::quality::Flaw`, the contract)
/// has a test here named after it.
#[test]
fn every_documented_quality_code_is_tested() {
    let tests = include_str!("quality.rs");
    let mut documented = 0;
    for problem in chiso::vocabulary::problems()
        .iter()
        .filter(|p| p.module == "quality")
    {
        documented += 1;
        let name = format!("fn {}(", problem.code.replace('.', "_"));
        assert!(tests.contains(&name), "no test named {name}");
    }
    assert_eq!(documented, 18);
}

/// Issue 18: a quarter's quality holds its months' monthly items. P1 is assigned B01 (two
/// monthly inputs) from April and sends both for April and June, not May: 1 + 2 × 3 = 7 items
/// expected in Q2, 5 reported (71.4 %); May's two are missing and overdue (due Friday 5 June).
/// Over the 7 judged, complete and live each lose 2: 25 + 25·5/7 + 25 + 25·5/7 = 85.71 → 85.7.
#[test]
fn a_quarter_holds_its_monthly_items() {
    let mut w = monthly_world("2026-04");
    w.report(
        "P1",
        "sandbox_van_hanh",
        "2026-Q1",
        "1",
        "2026-04-02T09:00:00",
    );
    w.report(
        "P1",
        "sandbox_van_hanh",
        "2026-Q2",
        "1",
        "2026-07-02T09:00:00",
    );
    // April is due Friday 8 May (1 May is a holiday), June Tuesday 7 July: both on time.
    for (month, at) in [
        ("2026-04", "2026-05-05T09:00:00"),
        ("2026-06", "2026-07-02T09:00:00"),
    ] {
        w.report("P1", "van_ban_dien_tu", month, "50", at);
        w.report("P1", "van_ban_tong", month, "100", at);
    }
    let report = w.check_q2("P1");
    assert_eq!((report.expected, report.reported), (7, 5));
    assert_eq!(report.completeness.unwrap().to_string(), "71.4");
    let may: Vec<(&str, &str, String)> = report
        .findings
        .iter()
        .map(|f| (f.code.as_str(), f.item.as_str(), f.period.to_string()))
        .collect();
    assert_eq!(
        may,
        [
            ("complete.missing", "van_ban_dien_tu", "2026-05".to_owned()),
            ("live.overdue", "van_ban_dien_tu", "2026-05".to_owned()),
            ("complete.missing", "van_ban_tong", "2026-05".to_owned()),
            ("live.overdue", "van_ban_tong", "2026-05".to_owned()),
        ]
    );
    assert_eq!(report.score.unwrap().to_string(), "85.7");
    // Each month's items are checked in their month.
    let checked: Vec<String> = report
        .items
        .iter()
        .filter(|c| c.item == "van_ban_tong")
        .map(|c| c.period.to_string())
        .collect();
    assert_eq!(checked, ["2026-04", "2026-05", "2026-06"]);
}
