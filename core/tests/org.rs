//! The organisation tree, assignments and the access policy, as a matrix of actors, tree
//! positions and actions.

#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use chiso::org::{Assignment, Denial, OrgTree, Policy, Request, Role};
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
    let decide = |unit: &str| Request::Decide { unit: unit.into() };
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
