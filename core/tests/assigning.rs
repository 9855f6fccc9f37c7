//! Assigning and withdrawing in the ledger: checked by the same rules as a row of the
//! assignments file and by the policy, in force for submissions, quality and evaluation from
//! the entry on, and on the chain (who assigned what, when).

#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use chiso::ledger::{Action, Ledger, Tamper};
use chiso::org::{Denial, Duty};
use chiso::{Catalogue, Error, Reporting};
use serde_json::json;

/// `BCD` → {`DN` → `DN_X1`, `HP`}, and `VP`, an office acting for BCD. Persons: BCD's
/// approver, each province's head, approver and focal officer, the commune's focal officer.
/// The file assigns B01 (monthly) to DN from 2026-01.
fn reporting() -> Reporting {
    let unit = |id: &str, kind: &str, parent: Option<&str>| {
        let mut u = json!({"id": id, "name": {"vi": id, "en": id}, "kind": kind});
        if let Some(parent) = parent {
            u["parent"] = json!(parent);
        }
        u
    };
    let person = |id: &str, unit: &str, duties: &[&str]| json!({"id": id, "name": id, "unit": unit, "duties": duties});
    let chart = json!({
        "units": [unit("BCD", "central", None), unit("DN", "province", Some("BCD")),
                  unit("DN_X1", "commune", Some("DN")), unit("HP", "province", Some("BCD")),
                  unit("VP", "central", None)],
        "persons": [
            person("bcd_lanh_dao", "BCD", &["approver"]),
            person("dn_truong", "DN", &["head"]),
            person("dn_lanh_dao", "DN", &["approver"]),
            person("dn_dau_moi", "DN", &["focal_officer"]),
            person("x1_dau_moi", "DN_X1", &["focal_officer"]),
            person("hp_lanh_dao", "HP", &["approver"]),
            person("hp_dau_moi", "HP", &["focal_officer"]),
            person("vp_chanh", "VP", &["approver"]),
        ],
        "delegations": [{"office": "VP", "acts_for": "BCD"}],
        "peer_groups": [{"id": "tinh", "name": {"vi": "Tỉnh", "en": "Provinces"}, "members": ["DN", "HP"]}],
    });
    let file = json!([{"unit": "DN", "item": "B01", "role": "lead", "focal_officer": "dn_dau_moi",
                       "from": "2026-01", "assigned_by": "BCD"}]);
    Reporting::from_json(
        Catalogue::nq57(),
        &chart.to_string(),
        &file.to_string(),
        None,
    )
    .unwrap()
}

fn assign(unit: &str, item: &str, assigned_by: &str, by: &str, from: &str) -> Action {
    let officer = match unit {
        "DN_X1" => "x1_dau_moi",
        "HP" => "hp_dau_moi",
        _ => "dn_dau_moi",
    };
    Action::from_json(
        &json!({"kind": "assign", "by": by, "at": "2026-03-02T09:00:00", "assignment": {
            "unit": unit, "item": item, "role": "implementing", "focal_officer": officer,
            "from": from, "assigned_by": assigned_by}})
        .to_string(),
    )
    .unwrap()
}

fn withdraw(entry: u64, to: Option<&str>, by: &str) -> Action {
    let mut action = json!({"kind": "withdraw", "assignment": entry, "by": by,
                            "at": "2026-06-02T09:00:00", "reason": "Chuyển nhiệm vụ"});
    if let Some(to) = to {
        action["to"] = json!(to);
    }
    Action::from_json(&action.to_string()).unwrap()
}

fn submit(unit: &str, item: &str, period: &str, by: &str) -> Action {
    Action::from_json(
        &json!({"kind": "submit", "submission": {"unit": unit, "item": item, "period": period,
            "value": {"number": "1"}, "source": {"kind": "form"}, "submitted_by": by,
            "submitted_at": "2026-07-01T09:00:00"}})
        .to_string(),
    )
    .unwrap()
}

fn denial(result: Result<impl std::fmt::Debug, Error>) -> Denial {
    match result {
        Err(Error::Denied { reason, .. }) => reason,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

fn codes(result: Result<impl std::fmt::Debug, Error>) -> Vec<(String, String)> {
    match result {
        Err(Error::InvalidEntry { findings }) => {
            findings.into_iter().map(|f| (f.code, f.path)).collect()
        }
        other => panic!("expected findings, got {other:?}"),
    }
}

/// An assignment in the ledger is in force from its entry on: the commune's focal officer
/// may report B01 once DN assigned it, not before.
#[test]
fn an_assignment_in_the_ledger_lets_the_unit_report() {
    let reporting = reporting();
    let mut ledger = Ledger::default();
    let before = reporting.append(
        &mut ledger,
        "x1_dau_moi",
        submit("DN_X1", "B01", "2026-06", "x1_dau_moi"),
    );
    assert_eq!(denial(before), Denial::NotAssigned);
    // DN holds B01 (from the file), so its approver may pass it down.
    let made = reporting
        .append(
            &mut ledger,
            "dn_lanh_dao",
            assign("DN_X1", "B01", "DN", "dn_lanh_dao", "2026-05"),
        )
        .unwrap()
        .sequence;
    assert_eq!(ledger.assignments().len(), 1);
    reporting
        .append(
            &mut ledger,
            "x1_dau_moi",
            submit("DN_X1", "B01", "2026-06", "x1_dau_moi"),
        )
        .unwrap();
    // Before the assignment's first period: still not assigned.
    let early = reporting.append(
        &mut ledger,
        "x1_dau_moi",
        submit("DN_X1", "B01", "2026-04", "x1_dau_moi"),
    );
    assert_eq!(denial(early), Denial::NotAssigned);
    // Withdrawn after 2026-06: June stays assigned, July is not.
    reporting
        .append(
            &mut ledger,
            "dn_lanh_dao",
            withdraw(made, Some("2026-06"), "dn_lanh_dao"),
        )
        .unwrap();
    assert_eq!(ledger.assignments()[0].to, Some("2026-06".parse().unwrap()));
    let july = reporting.append(
        &mut ledger,
        "x1_dau_moi",
        submit("DN_X1", "B01", "2026-07", "x1_dau_moi"),
    );
    assert_eq!(denial(july), Denial::NotAssigned);
    assert!(ledger.verify(None).valid);
}

/// Only a unit above assigns, through an approver of its own or of an office acting for it
/// by delegation, signing with their own name.
#[test]
fn the_policy_decides_who_assigns() {
    let reporting = reporting();
    // (actor, unit assigned, item, in the name of, signed by, first period): the refusal.
    let cases = [
        // A sibling province, in its own name and in BCD's.
        (
            ("hp_lanh_dao", "DN", "C01", "HP", "hp_lanh_dao", "2026-Q1"),
            Denial::NotBelow,
        ),
        (
            ("hp_lanh_dao", "DN", "C01", "BCD", "hp_lanh_dao", "2026-Q1"),
            Denial::NotForUnit,
        ),
        // The focal officer has no approver's duty; a unit assigns nothing to itself.
        (
            ("dn_dau_moi", "DN_X1", "B01", "DN", "dn_dau_moi", "2026-05"),
            Denial::MissingDuty {
                duty: Duty::Approver,
            },
        ),
        (
            ("dn_lanh_dao", "DN", "C01", "DN", "dn_lanh_dao", "2026-Q1"),
            Denial::NotBelow,
        ),
        // DN does not hold C01: it cannot pass it down.
        (
            (
                "dn_lanh_dao",
                "DN_X1",
                "C01",
                "DN",
                "dn_lanh_dao",
                "2026-Q1",
            ),
            Denial::NotHeld,
        ),
        // Signed in another's name.
        (
            (
                "dn_lanh_dao",
                "DN_X1",
                "B01",
                "DN",
                "bcd_lanh_dao",
                "2026-05",
            ),
            Denial::SignedByAnother {
                signed: "bcd_lanh_dao".into(),
            },
        ),
    ];
    for ((actor, unit, item, name_of, by, from), want) in cases {
        let mut ledger = Ledger::default();
        let action = assign(unit, item, name_of, by, from);
        let got = denial(reporting.append(&mut ledger, actor, action));
        assert_eq!(
            got, want,
            "{actor} assigning {item} to {unit} for {name_of}"
        );
        assert!(ledger.entries().is_empty());
    }
    // The office acting for BCD, and BCD's own approver, may.
    let mut ledger = Ledger::default();
    for (actor, unit) in [("vp_chanh", "DN"), ("bcd_lanh_dao", "HP")] {
        reporting
            .append(
                &mut ledger,
                actor,
                assign(unit, "C01", "BCD", actor, "2026-Q1"),
            )
            .unwrap();
    }
    let by: Vec<&str> = ledger
        .entries()
        .iter()
        .map(|e| e.action.signed_by())
        .collect();
    assert_eq!(by, ["vp_chanh", "bcd_lanh_dao"]);
    // A withdrawal is for whoever may make that assignment: not the sibling.
    assert_eq!(
        denial(reporting.append(&mut ledger, "hp_lanh_dao", withdraw(1, None, "hp_lanh_dao"))),
        Denial::NotForUnit
    );
}

/// An assignment entry is checked as a file's row is, against the file's rows and the
/// ledger's assignments in force; a withdrawal names an assignment not withdrawn yet and
/// only shortens it.
#[test]
fn assignments_and_withdrawals_are_checked() {
    let reporting = reporting();
    let mut ledger = Ledger::default();
    let overlap_file = reporting.append(
        &mut ledger,
        "bcd_lanh_dao",
        assign("DN", "B01", "BCD", "bcd_lanh_dao", "2026-03"),
    );
    assert_eq!(
        codes(overlap_file),
        [(
            "assignment.overlap".into(),
            "/action/assignment/from".into()
        )]
    );
    let made = reporting
        .append(
            &mut ledger,
            "bcd_lanh_dao",
            assign("HP", "C01", "BCD", "bcd_lanh_dao", "2026-Q1"),
        )
        .unwrap()
        .sequence;
    let again = reporting.append(
        &mut ledger,
        "bcd_lanh_dao",
        assign("HP", "C01", "BCD", "bcd_lanh_dao", "2026-Q3"),
    );
    match again {
        Err(Error::InvalidEntry { findings }) => {
            assert_eq!(findings[0].code, "assignment.overlap");
            assert!(
                findings[0].message_en.contains("(see ledger#1)"),
                "{findings:?}"
            );
        }
        other => panic!("{other:?}"),
    }
    // A focal officer of another unit; an item not in the catalogue.
    let mut wrong = assign("HP", "X99", "BCD", "bcd_lanh_dao", "2026-Q1");
    if let Action::Assign { assignment, .. } = &mut wrong {
        assignment.focal_officer = "dn_dau_moi".into();
    }
    assert_eq!(
        codes(reporting.append(&mut ledger, "bcd_lanh_dao", wrong)),
        [
            // Not in this catalogue version, and nothing replaces it (issue 18's code).
            (
                "assignment.item_gone".into(),
                "/action/assignment/item".into()
            ),
            (
                "assignment.focal_officer".into(),
                "/action/assignment/focal_officer".into()
            ),
        ]
    );
    // Withdrawals: extending, before it began, of a non-assignment, twice.
    let mut plain = Ledger::default();
    plain
        .append(assign("HP", "C01", "BCD", "x", "2026-Q1"))
        .unwrap();
    let mut ended = assign("HP", "C03", "BCD", "x", "2026-Q1");
    if let Action::Assign { assignment, .. } = &mut ended {
        assignment.to = Some("2026-Q2".parse().unwrap());
    }
    plain.append(ended).unwrap();
    let code = |result: Result<_, Error>| codes(result)[0].0.clone();
    assert_eq!(
        code(plain.prepare(withdraw(2, Some("2026-Q3"), "x"), None)),
        "ledger.withdrawal_extends"
    );
    assert_eq!(
        code(plain.prepare(withdraw(1, Some("2025-Q4"), "x"), None)),
        "assignment.reversed"
    );
    plain.append(submit("HP", "B01", "2026-06", "x")).unwrap();
    assert_eq!(
        code(plain.prepare(withdraw(3, None, "x"), None)),
        "ledger.not_an_assignment"
    );
    plain.append(withdraw(1, None, "x")).unwrap();
    assert_eq!(
        code(plain.prepare(withdraw(1, None, "x"), None)),
        "ledger.already_withdrawn"
    );
    assert_eq!(plain.assignments().len(), 1); // C03 only
    assert_eq!(made, 1);
}

/// Quality and evaluation read the ledger's assignments with the file's: HP, assigned C01 in
/// the ledger only, is expected to report its input; withdrawn whole, it is not.
#[test]
fn quality_and_evaluation_read_the_assignments_in_force() {
    let reporting = reporting();
    let mut ledger = Ledger::default();
    let as_of = "2026-07-20T00:00:00".parse().unwrap();
    let q2 = "2026-Q2".parse().unwrap();
    assert_eq!(
        reporting
            .quality(&ledger, "HP", q2, as_of)
            .unwrap()
            .expected,
        0
    );
    reporting
        .append(
            &mut ledger,
            "bcd_lanh_dao",
            assign("HP", "C01", "BCD", "bcd_lanh_dao", "2026-Q1"),
        )
        .unwrap();
    assert_eq!(
        reporting
            .quality(&ledger, "HP", q2, as_of)
            .unwrap()
            .expected,
        1
    );
    let scheme = chiso::evaluation::Scheme::default();
    let evaluation = reporting.evaluate(&ledger, q2, as_of, &scheme).unwrap();
    let hp = evaluation.units.iter().find(|u| u.unit == "HP").unwrap();
    assert!(hp.indicators.iter().any(|i| i.indicator == "C01"), "{hp:?}");
    // Every report names the unit's head where the chart has one.
    let dn = evaluation.units.iter().find(|u| u.unit == "DN").unwrap();
    assert_eq!(
        dn.head.as_ref().map(|h| h.person.as_str()),
        Some("dn_truong")
    );
    assert!(hp.head.is_none());
    let dn_quality = reporting.quality(&ledger, "DN", q2, as_of).unwrap();
    assert_eq!(dn_quality.head.unwrap().name, "dn_truong");
    reporting
        .append(
            &mut ledger,
            "bcd_lanh_dao",
            withdraw(1, None, "bcd_lanh_dao"),
        )
        .unwrap();
    assert_eq!(
        reporting
            .quality(&ledger, "HP", q2, as_of)
            .unwrap()
            .expected,
        0
    );
}

/// Who assigned what, when, is on the chain: rewriting an assignment's unit or signer is
/// named as an edit.
#[test]
fn an_edited_assignment_is_tamper_evident() {
    let reporting = reporting();
    let mut ledger = Ledger::default();
    reporting
        .append(
            &mut ledger,
            "bcd_lanh_dao",
            assign("HP", "C01", "BCD", "bcd_lanh_dao", "2026-Q1"),
        )
        .unwrap();
    let text = ledger.to_jsonl();
    for (from, to) in [("\"HP\"", "\"DN\""), ("bcd_lanh_dao", "vp_chanh")] {
        let forged = Ledger::from_jsonl(&text.replace(from, to)).unwrap();
        let report = forged.verify(None);
        assert!(!report.valid);
        assert_eq!(report.first_problem.unwrap().kind, Tamper::Edited);
    }
}
