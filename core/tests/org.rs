//! The organisation tree, assignments and the access policy, as a matrix of actors, tree
//! positions and actions.

#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use chiso::org::{Assignment, Denial, Duty, OrgTree, Policy, Request, Role};
use serde_json::json;

/// `BCD` (root) → {`DN` (province) → {`DN_X1`, `DN_X2` (communes)}, `BKHCN` (ministry)}.
fn tree() -> OrgTree {
    let unit = |id: &str, kind: &str, parent: Option<&str>| json!({"id": id, "name": {"vi": id, "en": id}, "kind": kind, "parent": parent});
    let chart = json!({
        "units": [
            unit("BCD", "central", None), unit("DN", "province", Some("BCD")),
            unit("DN_X1", "commune", Some("DN")), unit("DN_X2", "commune", Some("DN")),
            unit("BKHCN", "ministry", Some("BCD")),
        ],
        "peer_groups": [{"id": "tinh", "name": {"vi": "Tỉnh", "en": "Provinces"}, "members": ["DN"]}]
    });
    OrgTree::from_json(
        &chart
            .to_string()
            .replace("\"parent\":null,", "")
            .replace(",\"parent\":null", ""),
    )
    .unwrap()
}

fn assignment(unit: &str, item: &str, by: &str, from: &str, to: Option<&str>) -> Assignment {
    Assignment {
        unit: unit.into(),
        item: item.into(),
        role: Role::Implementing,
        focal_officer: "Nguyễn Văn A".into(),
        from: from.parse().unwrap(),
        to: to.map(|t| t.parse().unwrap()),
        assigned_by: by.into(),
    }
}

#[test]
fn tree_relations() {
    let tree = tree();
    let above: Vec<&str> = tree
        .ancestors("DN_X1")
        .iter()
        .map(|u| u.id.as_str())
        .collect();
    assert_eq!(above, ["DN", "BCD"]);
    assert!(tree.is_ancestor("BCD", "DN_X2"));
    assert!(!tree.is_ancestor("DN_X1", "DN"));
    assert!(!tree.is_ancestor("BKHCN", "DN_X1"));
    assert!(
        tree.is_within("DN", "DN")
            && tree.is_within("DN_X1", "DN")
            && !tree.is_within("DN", "DN_X1")
    );
}

#[test]
fn a_bad_chart_is_refused_with_every_problem() {
    let chart = json!({"units": [
        {"id": "A", "name": {"vi": "A", "en": "A"}, "kind": "central", "parent": "C"},
        {"id": "B", "name": {"vi": "B", "en": "B"}, "kind": "province", "parent": "ZZZ"},
        {"id": "C", "name": {"vi": "C", "en": "C"}, "kind": "province", "parent": "A"},
        {"id": "B", "name": {"vi": "B2", "en": "B2"}, "kind": "commune"}
    ], "peer_groups": [{"id": "g", "name": {"vi": "g", "en": "g"}, "members": ["Q"]}]});
    let err = OrgTree::from_json(&chart.to_string()).unwrap_err();
    assert_eq!(err.code(), "input.invalid");
    let found: Vec<(&str, &str)> = err
        .findings()
        .iter()
        .map(|f| (f.code.as_str(), f.path.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            ("code.duplicate", "/units/3/id"),
            ("org.unknown_unit", "/units/1/parent"),
            ("org.cycle", "/units/0/parent"),
            ("org.cycle", "/units/2/parent"),
            ("org.unknown_unit", "/peer_groups/0/members/0"),
        ]
    );
}

#[test]
fn assignments_cover_their_periods() {
    let a = assignment("DN", "B01", "BCD", "2026-05", Some("2026-Q4"));
    let covers = |p: &str| a.covers(p.parse().unwrap());
    assert!(covers("2026-05") && covers("2026-Q3") && covers("2026-12"));
    assert!(!covers("2026-04") && !covers("2026-Q2") && !covers("2027-01") && !covers("2026"));
    let open = assignment("DN", "B01", "BCD", "2026-05", None);
    assert!(open.covers("2030".parse().unwrap()));
}

/// Who may do what: each (actor, request) with the expected answer.
#[test]
fn policy_matrix() {
    let tree = tree();
    let held = vec![
        assignment("DN", "B01", "BCD", "2026-01", None),
        assignment("DN_X1", "B01", "DN", "2026-05", Some("2026-12")),
    ];
    let policy = Policy::new(&tree, &held);
    let submit = |unit: &str, period: &str| Request::Submit {
        unit: unit.into(),
        item: "B01".into(),
        period: period.parse().unwrap(),
    };
    let decide = |unit: &str| Request::Decide {
        unit: unit.into(),
        submitted_by: None,
    };
    let read = |unit: &str| Request::Read { unit: unit.into() };
    let assign = |unit: &str, item: &str, by: &str| Request::Assign {
        assignment: assignment(unit, item, by, "2026-06", None),
    };
    let cases: Vec<(&str, Request, Option<Denial>)> = vec![
        // Submitting: only for oneself, only what is assigned, only in its periods.
        ("DN_X1", submit("DN_X1", "2026-06"), None),
        (
            "DN_X1",
            submit("DN_X1", "2026-04"),
            Some(Denial::NotAssigned),
        ),
        (
            "DN_X2",
            submit("DN_X2", "2026-06"),
            Some(Denial::NotAssigned),
        ),
        ("DN", submit("DN_X1", "2026-06"), Some(Denial::NotOwnUnit)),
        ("DN", submit("DN", "2026-02"), None),
        // Deciding: a unit above, never oneself, never a sibling or a unit below.
        ("DN", decide("DN_X1"), None),
        ("BCD", decide("DN_X1"), None),
        ("DN_X1", decide("DN_X1"), Some(Denial::NotAbove)),
        ("DN_X2", decide("DN_X1"), Some(Denial::NotAbove)),
        ("DN_X1", decide("DN"), Some(Denial::NotAbove)),
        ("BKHCN", decide("DN"), Some(Denial::NotAbove)),
        // Reading: oneself and below.
        ("DN", read("DN"), None),
        ("DN", read("DN_X2"), None),
        ("DN_X1", read("DN"), Some(Denial::OutsideSubtree)),
        ("BKHCN", read("DN_X1"), Some(Denial::OutsideSubtree)),
        // Assigning: only below, only what one holds (the root holds everything).
        ("DN", assign("DN_X2", "B01", "DN"), None),
        ("DN", assign("DN_X2", "B02", "DN"), Some(Denial::NotHeld)),
        ("BCD", assign("BKHCN", "C07", "BCD"), None),
        ("DN", assign("BKHCN", "B01", "DN"), Some(Denial::NotBelow)),
        ("DN", assign("DN", "B01", "DN"), Some(Denial::NotBelow)),
        ("DN", assign("DN_X2", "B01", "BCD"), Some(Denial::NotBelow)),
        // Unknown units.
        (
            "XX",
            read("DN"),
            Some(Denial::UnknownUnit { unit: "XX".into() }),
        ),
        (
            "DN",
            read("XX"),
            Some(Denial::UnknownUnit { unit: "XX".into() }),
        ),
    ];
    for (actor, request, expected) in cases {
        let got = policy.check(actor, &request);
        match (&got, &expected) {
            (Ok(()), None) => {}
            (Err(chiso::Error::Denied { reason, .. }), Some(want)) => {
                assert_eq!(reason, want, "{actor} {request:?}");
            }
            _ => panic!("{actor} {request:?}: got {got:?}, expected {expected:?}"),
        }
    }
}

#[test]
fn a_denial_says_why_in_both_languages() {
    let tree = tree();
    let err = Policy::new(&tree, &[])
        .check(
            "DN_X1",
            &Request::Decide {
                unit: "DN_X1".into(),
                submitted_by: None,
            },
        )
        .unwrap_err();
    assert_eq!(err.code(), "policy.denied");
    assert_eq!(
        err.message_en(),
        "`DN_X1` may not do this: only a unit above may approve or return, never the submitting unit"
    );
    assert!(
        err.message_vi()
            .starts_with("`DN_X1` không được thực hiện thao tác này: chỉ đơn vị cấp trên")
    );
}

/// The same tree with persons: `dn_truong` heads DN, `dn_dau_moi` is its focal officer,
/// `dn_lanh_dao` approves for it, `dn_xem` only reads; `x1_dau_moi` reports for `DN_X1` and
/// `bcd_lanh_dao` approves at the root; `vp_bcd` is the standing office acting for BCD.
fn staffed() -> OrgTree {
    let mut chart = serde_json::to_value(tree().chart()).unwrap();
    chart["units"]
        .as_array_mut()
        .unwrap()
        .push(json!({"id": "VP", "name": {"vi": "Văn phòng", "en": "Office"}, "kind": "central"}));
    let person = |id: &str, unit: &str, duties: &[&str]| json!({"id": id, "name": id, "unit": unit, "duties": duties});
    chart["persons"] = json!([
        person("dn_truong", "DN", &["head"]),
        person("dn_dau_moi", "DN", &["focal_officer"]),
        person("dn_lanh_dao", "DN", &["approver"]),
        person("dn_xem", "DN", &["viewer"]),
        person("x1_dau_moi", "DN_X1", &["focal_officer", "approver"]),
        person("bcd_lanh_dao", "BCD", &["approver"]),
        person("vp_bcd", "VP", &["approver"]),
    ]);
    chart["delegations"] = json!([{"office": "VP", "acts_for": "BCD"}]);
    OrgTree::from_json(&chart.to_string()).unwrap()
}

/// Where the chart names persons, an actor is a person: their unit's place and their duties
/// decide, a decision is never on one's own submission, and a unit id is no actor.
#[test]
fn persons_matrix() {
    let tree = staffed();
    let held = vec![
        assignment("DN", "B01", "BCD", "2026-01", None),
        assignment("DN_X1", "B01", "DN", "2026-05", None),
    ];
    let policy = Policy::new(&tree, &held);
    let submit = |unit: &str| Request::Submit {
        unit: unit.into(),
        item: "B01".into(),
        period: "2026-06".parse().unwrap(),
    };
    let decide = |unit: &str, by: &str| Request::Decide {
        unit: unit.into(),
        submitted_by: Some(by.into()),
    };
    let read = |unit: &str| Request::Read { unit: unit.into() };
    let assign = |unit: &str, by: &str| Request::Assign {
        assignment: assignment(unit, "B01", by, "2026-06", None),
    };
    let duty = |duty| Some(Denial::MissingDuty { duty });
    let cases: Vec<(&str, Request, Option<Denial>)> = vec![
        ("dn_dau_moi", submit("DN"), None),
        ("dn_truong", submit("DN"), None), // the head may do what the focal officer does
        ("dn_lanh_dao", submit("DN"), duty(Duty::FocalOfficer)),
        ("dn_xem", submit("DN"), duty(Duty::FocalOfficer)),
        ("dn_dau_moi", submit("DN_X1"), Some(Denial::NotOwnUnit)),
        // A unit id is no longer an actor.
        (
            "DN",
            submit("DN"),
            Some(Denial::UnknownPerson {
                person: "DN".into(),
            }),
        ),
        // Deciding: an approver of a unit above, never on their own submission.
        ("dn_lanh_dao", decide("DN_X1", "x1_dau_moi"), None),
        ("dn_truong", decide("DN_X1", "x1_dau_moi"), None),
        ("bcd_lanh_dao", decide("DN_X1", "x1_dau_moi"), None),
        (
            "dn_dau_moi",
            decide("DN_X1", "x1_dau_moi"),
            duty(Duty::Approver),
        ),
        (
            "x1_dau_moi",
            decide("DN_X1", "x1_dau_moi"),
            Some(Denial::NotAbove),
        ),
        (
            "dn_lanh_dao",
            decide("DN", "dn_dau_moi"),
            Some(Denial::NotAbove),
        ),
        (
            "bcd_lanh_dao",
            decide("DN", "bcd_lanh_dao"),
            Some(Denial::OwnSubmission),
        ),
        // Reading: any person, their unit and below.
        ("dn_xem", read("DN_X2"), None),
        ("dn_xem", read("BKHCN"), Some(Denial::OutsideSubtree)),
        // Assigning: an approver, in the name of their unit or the one their office acts for.
        ("dn_lanh_dao", assign("DN_X2", "DN"), None),
        ("dn_dau_moi", assign("DN_X2", "DN"), duty(Duty::Approver)),
        (
            "dn_lanh_dao",
            assign("DN_X2", "BCD"),
            Some(Denial::NotForUnit),
        ),
        ("vp_bcd", assign("BKHCN", "BCD"), None),
        ("vp_bcd", assign("DN_X2", "DN"), Some(Denial::NotForUnit)),
        (
            "x1_dau_moi",
            assign("DN_X1", "DN_X1"),
            Some(Denial::NotBelow),
        ), // self-assignment
        ("dn_lanh_dao", assign("DN", "DN"), Some(Denial::NotBelow)),
    ];
    for (actor, request, expected) in cases {
        let got = policy.check(actor, &request);
        match (&got, &expected) {
            (Ok(()), None) => {}
            (Err(chiso::Error::Denied { reason, .. }), Some(want)) => {
                assert_eq!(reason, want, "{actor} {request:?}");
            }
            _ => panic!("{actor} {request:?}: got {got:?}, expected {expected:?}"),
        }
    }
    assert_eq!(tree.head_of("DN").unwrap().id, "dn_truong");
    assert!(tree.head_of("DN_X1").is_none());
}

#[test]
fn a_chart_with_persons_is_checked() {
    let mut chart = serde_json::to_value(tree().chart()).unwrap();
    chart["persons"] = json!([
        {"id": "a", "name": "A", "unit": "DN", "duties": ["head"]},
        {"id": "b", "name": "B", "unit": "DN", "duties": ["head", "approver"]},
        {"id": "a", "name": "A2", "unit": "ZZ", "duties": []}
    ]);
    chart["delegations"] = json!([{"office": "QQ", "acts_for": "BCD"}]);
    let err = OrgTree::from_json(&chart.to_string()).unwrap_err();
    let found: Vec<(&str, &str)> = err
        .findings()
        .iter()
        .map(|f| (f.code.as_str(), f.path.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            ("org.two_heads", "/persons/1/duties"),
            ("code.duplicate", "/persons/2/id"),
            ("org.unknown_unit", "/persons/2/unit"),
            ("org.unknown_unit", "/delegations/0/office"),
        ]
    );
}

/// The assignments file was trusted as given: a self-assignment, one by a sibling or by an
/// unknown unit were honoured. Every row is checked now, every finding reported at once.
#[test]
fn an_assignments_file_is_checked_row_by_row() {
    let tree = staffed();
    let mut rows = vec![
        assignment("DN", "B01", "BCD", "2026-01", None), // fine (focal officer below)
        assignment("DN_X1", "B01", "DN_X1", "2026-05", None), // self-assignment
        assignment("DN_X2", "B01", "BKHCN", "2026-05", None), // by a unit not above
        assignment("DN_X2", "B02", "ZZ", "2026-05", None), // by an unknown unit
        assignment("QQ", "B99", "BCD", "2026-Q3", Some("2026-Q1")), // unknown unit, item; reversed
        assignment("DN", "B01", "BCD", "2026-06", Some("2026-12")), // overlaps row 0
    ];
    for row in &mut rows {
        row.focal_officer = "x1_dau_moi".into();
    }
    rows[0].focal_officer = "dn_dau_moi".into();
    rows[5].focal_officer = "dn_lanh_dao".into(); // an approver, not a focal officer
    let findings = chiso::org::check_assignments(&chiso::Catalogue::nq57(), &tree, &rows);
    let found: Vec<(&str, &str)> = findings
        .iter()
        .map(|f| (f.code.as_str(), f.path.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            ("assignment.not_from_above", "/1/assigned_by"),
            ("assignment.focal_officer", "/2/focal_officer"),
            ("assignment.not_from_above", "/2/assigned_by"),
            ("assignment.focal_officer", "/3/focal_officer"),
            ("org.unknown_unit", "/3/assigned_by"),
            ("org.unknown_unit", "/4/unit"),
            ("assignment.item_gone", "/4/item"),
            ("assignment.reversed", "/4/to"),
            ("assignment.focal_officer", "/4/focal_officer"),
            ("assignment.overlap", "/5/from"),
            ("assignment.focal_officer", "/5/focal_officer"),
        ]
    );
    assert!(
        findings
            .iter()
            .all(|f| !f.message_vi.is_empty() && f.message_vi != f.message_en)
    );
}
