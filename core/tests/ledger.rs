//! The ledger: append-only workflow, tamper detection, JSON Lines, snapshots.

#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use chiso::Value;
use chiso::ledger::{Action, Entry, Ledger, RevisionStatus, Tamper};
use proptest::prelude::*;

fn submission(unit: &str, item: &str, period: &str, value: &str) -> chiso::ledger::Submission {
    serde_json::from_value(serde_json::json!({
        "unit": unit, "item": item, "period": period, "value": {"number": value},
        "source": {"kind": "form"},
        "evidence": [{"file_name": "bao_cao.pdf", "sha256": "a".repeat(64), "size": 1024, "media_type": "application/pdf",
                      "document_number": "12/BC-UBND", "document_date": "2026-06-01"}],
        "submitted_by": "can_bo", "submitted_at": "2026-06-02T09:00:00"
    }))
    .unwrap()
}

fn at(text: &str) -> chrono::NaiveDateTime {
    text.parse().unwrap()
}

fn submit(ledger: &mut Ledger, unit: &str, item: &str, value: &str) -> u64 {
    ledger
        .append(Action::Submit {
            submission: submission(unit, item, "2026-05", value),
        })
        .unwrap()
        .sequence
}

fn approve(ledger: &mut Ledger, revision: u64, when: &str) {
    ledger
        .append(Action::Approve {
            revision,
            by: "lanh_dao".into(),
            at: at(when),
        })
        .unwrap();
}

/// Five entries: two submissions approved, one returned then corrected.
fn sample() -> Ledger {
    let mut ledger = Ledger::default();
    let first = submit(&mut ledger, "DN", "B01", "80");
    approve(&mut ledger, first, "2026-06-03T10:00:00");
    let second = submit(&mut ledger, "HN", "B01", "70");
    ledger
        .append(Action::Return {
            revision: second,
            by: "lanh_dao".into(),
            at: at("2026-06-03T11:00:00"),
            reason: "Thiếu minh chứng".into(),
        })
        .unwrap();
    submit(&mut ledger, "HN", "B01", "72");
    ledger
}

#[test]
fn workflow_statuses_follow_the_decisions() {
    let ledger = sample();
    assert_eq!(ledger.status(1), Some(RevisionStatus::Approved));
    assert_eq!(ledger.status(3), Some(RevisionStatus::Returned));
    assert_eq!(ledger.status(5), Some(RevisionStatus::Submitted));
    assert_eq!(ledger.status(2), None, "a decision is not a revision");
    assert_eq!(ledger.status(99), None);
}

#[test]
fn refused_entries_leave_the_ledger_unchanged() {
    let mut ledger = sample();
    let before = ledger.clone();
    let twice = ledger
        .append(Action::Approve {
            revision: 1,
            by: "x".into(),
            at: at("2026-06-04T08:00:00"),
        })
        .unwrap_err();
    assert_eq!(twice.code(), "ledger.invalid_entry");
    assert_eq!(twice.findings()[0].code, "ledger.already_decided");
    let unknown = ledger
        .append(Action::Return {
            revision: 2,
            by: "x".into(),
            at: at("2026-06-04T08:00:00"),
            reason: "?".into(),
        })
        .unwrap_err();
    assert_eq!(unknown.findings()[0].code, "ledger.unknown_revision");
    let mut bad = submission("DN", "B02", "2026-05", "1");
    bad.evidence[0].sha256 = "ABC".into();
    let hash = ledger
        .append(Action::Submit { submission: bad })
        .unwrap_err();
    assert_eq!(hash.findings()[0].code, "evidence.hash");
    assert_eq!(
        hash.findings()[0].path,
        "/action/submission/evidence/0/sha256"
    );
    assert_eq!(ledger, before);
}

#[test]
fn an_intact_ledger_verifies_against_its_published_head() {
    let ledger = sample();
    let report = ledger.verify(Some(ledger.head()));
    assert!(report.valid);
    assert_eq!(report.entries, 5);
    assert_eq!(report.head, ledger.head());
    // An older published head is fine: entries appended since are normal growth.
    let older = ledger.entries()[2].hash.clone();
    assert!(ledger.verify(Some(&older)).valid);
}

fn tampered(change: impl FnOnce(&mut Vec<Entry>)) -> (Option<u64>, Option<Tamper>) {
    let original = sample();
    let mut entries = original.entries().to_vec();
    change(&mut entries);
    let report = Ledger::from_entries(entries).verify(Some(original.head()));
    assert!(!report.valid);
    let problem = report.first_problem.unwrap();
    (Some(problem.position), Some(problem.kind))
}

#[test]
fn every_kind_of_tampering_is_detected_and_located() {
    let edit_value = |e: &mut Vec<Entry>| {
        if let Action::Submit { submission } = &mut e[2].action {
            submission.value = Value::Number(99.into());
        }
    };
    assert_eq!(tampered(edit_value), (Some(3), Some(Tamper::Edited)));
    // Edited and rehashed: the next entry's link gives it away, and names the edited one.
    let edit_and_rehash = |e: &mut Vec<Entry>| {
        edit_value(e);
        e[2] = Entry::new(e[2].sequence, &e[2].previous.clone(), e[2].action.clone());
    };
    assert_eq!(tampered(edit_and_rehash), (Some(3), Some(Tamper::Edited)));
    let evidence = |e: &mut Vec<Entry>| {
        if let Action::Submit { submission } = &mut e[0].action {
            submission.evidence[0].sha256 = "b".repeat(64);
        }
    };
    assert_eq!(tampered(evidence), (Some(1), Some(Tamper::Edited)));
    assert_eq!(
        tampered(|e| drop(e.remove(2))),
        (Some(3), Some(Tamper::Removed))
    );
    assert_eq!(
        tampered(|e| e.insert(2, e[1].clone())),
        (Some(3), Some(Tamper::Inserted))
    );
    assert_eq!(
        tampered(|e| e.swap(2, 3)),
        (Some(3), Some(Tamper::Reordered))
    );
    assert_eq!(
        tampered(|e| e.truncate(3)),
        (Some(4), Some(Tamper::Truncated))
    );
    // Rewriting everything after an edit keeps the chain consistent, but not the published head.
    let rewrite = |e: &mut Vec<Entry>| {
        edit_value(e);
        let mut previous = e[1].hash.clone();
        for entry in e.iter_mut().skip(2) {
            *entry = Entry::new(entry.sequence, &previous, entry.action.clone());
            previous.clone_from(&entry.hash);
        }
    };
    assert_eq!(tampered(rewrite), (Some(6), Some(Tamper::Truncated)));
}

#[test]
fn json_lines_round_trip_and_bad_lines_are_located() {
    let ledger = sample();
    let text = ledger.to_jsonl();
    assert_eq!(text.lines().count(), 5);
    let back = Ledger::from_jsonl(&text).unwrap();
    assert_eq!(back, ledger);
    assert_eq!(back.to_jsonl(), text);
    let mut lines: Vec<&str> = text.lines().collect();
    lines[1] = "{\"sequence\": 2";
    lines[3] = "{}";
    let err = Ledger::from_jsonl(&lines.join("\n")).unwrap_err();
    assert_eq!(err.code(), "input.invalid");
    let paths: Vec<&str> = err.findings().iter().map(|f| f.path.as_str()).collect();
    assert_eq!(paths, ["/2", "/4"]);
    assert_eq!(err.findings()[1].code, "json.missing_field");
}

#[test]
fn the_snapshot_holds_the_latest_approved_revision_with_its_lineage() {
    let mut ledger = sample();
    let period = "2026-05".parse().unwrap();
    let values = ledger.snapshot(period, None);
    // HN's revisions are returned and pending: only DN is in force.
    assert_eq!(values.len(), 1);
    assert_eq!((values[0].unit.as_str(), values[0].revision), ("DN", 1));
    assert_eq!(
        values[0].evidence[0].document_number.as_deref(),
        Some("12/BC-UBND")
    );
    approve(&mut ledger, 5, "2026-06-05T09:00:00");
    let correction = submit(&mut ledger, "DN", "B01", "81");
    approve(&mut ledger, correction, "2026-06-06T09:00:00");
    let all = ledger.snapshot(period, None);
    let got: Vec<(&str, u64, Value)> = all
        .iter()
        .map(|s| (s.unit.as_str(), s.revision, s.value.clone()))
        .collect();
    assert_eq!(
        got,
        [
            ("DN", 7, Value::Number(81.into())),
            ("HN", 5, Value::Number(72.into()))
        ]
    );
    // As approvals stood on 4 June: DN's first value only.
    let earlier = ledger.snapshot(period, Some(at("2026-06-04T00:00:00")));
    assert_eq!(earlier.iter().map(|s| s.revision).collect::<Vec<_>>(), [1]);
    assert!(ledger.snapshot("2026-04".parse().unwrap(), None).is_empty());
}

proptest! {
    /// Submissions for different units, approved, appended in any order: the same snapshot.
    #[test]
    fn snapshot_does_not_depend_on_the_order_of_independent_appends(order in Just((0..6usize).collect::<Vec<_>>()).prop_shuffle()) {
        let units = ["DN", "HN", "HP", "CT", "HUE", "DNG"];
        let build = |order: &[usize]| {
            let mut ledger = Ledger::default();
            for &i in order {
                let revision = submit(&mut ledger, units[i], "B01", &(10 * i + 1).to_string());
                approve(&mut ledger, revision, "2026-06-03T10:00:00");
            }
            ledger
        };
        let period = "2026-05".parse().unwrap();
        let strip = |ledger: &Ledger| ledger.snapshot(period, None).into_iter().map(|s| (s.unit, s.item, s.value)).collect::<Vec<_>>();
        let natural: Vec<usize> = (0..6).collect();
        prop_assert_eq!(strip(&build(&order)), strip(&build(&natural)));
        prop_assert!(build(&order).verify(None).valid);
    }
}

mod rules {
    use super::*;
    use chiso::Catalogue;
    use chiso::ledger::Rules;
    use chiso::org::{Assignment, Denial, OrgTree, Role};

    fn fixtures() -> (Catalogue, OrgTree, Vec<Assignment>) {
        // B01 in the minimal catalogue is reported quarterly.
        let catalogue =
            Catalogue::from_json(include_str!("../../examples/catalogues/minimal.json")).unwrap();
        let tree = OrgTree::from_json(
            r#"{"units": [
                {"id": "BCD", "name": {"vi": "Ban Chỉ đạo", "en": "Steering committee"}, "kind": "central"},
                {"id": "DN", "name": {"vi": "Đồng Nai", "en": "Dong Nai"}, "kind": "province", "parent": "BCD"},
                {"id": "HN", "name": {"vi": "Hà Nội", "en": "Ha Noi"}, "kind": "province", "parent": "BCD"}
            ]}"#,
        )
        .unwrap();
        let assignments = vec![Assignment {
            unit: "DN".into(),
            item: "B01".into(),
            role: Role::Lead,
            focal_officer: "Trần Thị B".into(),
            from: "2026-Q1".parse().unwrap(),
            to: None,
            assigned_by: "BCD".into(),
        }];
        (catalogue, tree, assignments)
    }

    fn quarterly(unit: &str, item: &str, period: &str) -> Action {
        Action::Submit {
            submission: submission(unit, item, period, "75"),
        }
    }

    #[test]
    fn bad_submissions_are_refused_with_every_finding_and_change_nothing() {
        let (catalogue, tree, assignments) = fixtures();
        let rules = Rules::new(&catalogue, &tree, &assignments);
        let mut ledger = Ledger::default();
        let err = rules
            .append(&mut ledger, "XX", quarterly("XX", "B99", "2026-05"))
            .unwrap_err();
        let found: Vec<(&str, &str)> = err
            .findings()
            .iter()
            .map(|f| (f.code.as_str(), f.path.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                ("org.unknown_unit", "/action/submission/unit"),
                ("reference.unknown_code", "/action/submission/item")
            ]
        );
        let cycle = rules
            .append(&mut ledger, "DN", quarterly("DN", "B01", "2026-05"))
            .unwrap_err();
        assert_eq!(cycle.findings()[0].code, "ledger.wrong_cycle");
        assert_eq!(
            cycle.findings()[0].message_en,
            "Period 2026-05 is not one of the indicator's `quarterly` cycle."
        );
        assert!(ledger.entries().is_empty());
    }

    #[test]
    fn the_policy_decides_who_submits_and_who_approves() {
        let (catalogue, tree, assignments) = fixtures();
        let rules = Rules::new(&catalogue, &tree, &assignments);
        let mut ledger = Ledger::default();
        let denied = |result: Result<&Entry, chiso::Error>| match result {
            Err(chiso::Error::Denied { reason, .. }) => reason,
            other => panic!("expected a denial, got {other:?}"),
        };
        assert_eq!(
            denied(rules.append(&mut ledger, "HN", quarterly("DN", "B01", "2026-Q2"))),
            Denial::NotOwnUnit
        );
        assert_eq!(
            denied(rules.append(&mut ledger, "HN", quarterly("HN", "B01", "2026-Q2"))),
            Denial::NotAssigned
        );
        let revision = rules
            .append(&mut ledger, "DN", quarterly("DN", "B01", "2026-Q2"))
            .unwrap()
            .sequence;
        let approve = |by: &str| Action::Approve {
            revision,
            by: by.into(),
            at: at("2026-07-10T09:00:00"),
        };
        assert_eq!(
            denied(rules.append(&mut ledger, "DN", approve("DN"))),
            Denial::NotAbove
        );
        assert_eq!(
            denied(rules.append(&mut ledger, "HN", approve("HN"))),
            Denial::NotAbove
        );
        rules.append(&mut ledger, "BCD", approve("BCD")).unwrap();
        let again = rules
            .append(&mut ledger, "BCD", approve("BCD"))
            .unwrap_err();
        assert_eq!(again.findings()[0].code, "ledger.already_decided");
        assert_eq!(ledger.entries().len(), 2);
        assert!(ledger.verify(Some(ledger.head())).valid);
    }

    /// Issue 18: where the catalogue requires evidence (B01 in the minimal catalogue), a value
    /// sent without it cannot be approved; it can be returned, and a revision with the evidence
    /// is approved.
    #[test]
    fn a_value_without_the_required_evidence_is_not_approvable() {
        let (catalogue, tree, assignments) = fixtures();
        let rules = Rules::new(&catalogue, &tree, &assignments);
        let mut ledger = Ledger::default();
        let mut bare = submission("DN", "B01", "2026-Q2", "75");
        bare.evidence.clear();
        let revision = rules
            .append(&mut ledger, "DN", Action::Submit { submission: bare })
            .unwrap()
            .sequence;
        let decide = |approve: bool, revision: u64| {
            let (by, at) = ("BCD".to_owned(), at("2026-07-10T09:00:00"));
            if approve {
                Action::Approve { revision, by, at }
            } else {
                Action::Return {
                    revision,
                    by,
                    at,
                    reason: "Thiếu minh chứng".into(),
                }
            }
        };
        let refused = rules
            .append(&mut ledger, "BCD", decide(true, revision))
            .unwrap_err();
        assert_eq!(refused.findings()[0].code, "ledger.evidence_required");
        assert_eq!(
            refused.findings()[0].message_en,
            "Submission 1 (`B01`) lacks the evidence the catalogue requires: it cannot be approved."
        );
        rules
            .append(&mut ledger, "BCD", decide(false, revision))
            .unwrap();
        let with = rules
            .append(&mut ledger, "DN", quarterly("DN", "B01", "2026-Q2"))
            .unwrap()
            .sequence;
        rules
            .append(&mut ledger, "BCD", decide(true, with))
            .unwrap();
        assert_eq!(ledger.status(with).unwrap().as_str(), "approved");
    }
}

// --- trusted time and bounds at the door ---------------------------------------------------------

/// An approval counts from when the store recorded it, not from the time it claims: appended
/// after `as_of`, it does not change what stood at `as_of` (a backdated approval once moved a
/// published rank).
#[test]
fn a_backdated_approval_does_not_change_a_past_snapshot() {
    let mut ledger = Ledger::default();
    let revision = ledger
        .append_at(
            Action::Submit {
                submission: submission("DN", "B01", "2026-05", "87.5"),
            },
            at("2026-06-02T09:00:00"),
        )
        .unwrap()
        .sequence;
    // Recorded on 20 June, claiming 3 June.
    ledger
        .append_at(
            Action::Approve {
                revision,
                by: "lanh_dao".into(),
                at: at("2026-06-03T10:00:00"),
            },
            at("2026-06-20T10:00:00"),
        )
        .unwrap();
    let period = "2026-05".parse().unwrap();
    assert!(
        ledger
            .snapshot(period, Some(at("2026-06-15T00:00:00")))
            .is_empty()
    );
    let now = ledger.snapshot(period, Some(at("2026-06-21T00:00:00")));
    assert_eq!(now.len(), 1);
    assert_eq!(now[0].approved_at, at("2026-06-20T10:00:00"));
}

/// Recorded times never go back, even when the clock does; and a stamped ledger read back
/// verifies, while one whose time was moved back (and rehashed) is named.
#[test]
fn recorded_times_never_decrease() {
    let mut ledger = Ledger::default();
    let first = ledger
        .append_at(
            Action::Submit {
                submission: submission("DN", "B01", "2026-05", "1"),
            },
            at("2026-06-10T09:00:00"),
        )
        .unwrap()
        .recorded_at;
    let second = ledger
        .append_at(
            Action::Submit {
                submission: submission("HP", "B01", "2026-05", "2"),
            },
            at("2026-06-09T09:00:00"), // the clock stepped back a day
        )
        .unwrap()
        .recorded_at;
    assert_eq!(first, second);
    assert!(ledger.verify(None).valid);
    let mut entries = ledger.entries().to_vec();
    entries[1] = Entry::stamped(
        2,
        &entries[0].hash,
        Some(at("2026-06-01T00:00:00")),
        entries[1].action.clone(),
    );
    let report = Ledger::from_entries(entries).verify(None);
    assert_eq!(report.first_problem.unwrap().kind, Tamper::Backdated);
}

/// A decision can neither predate what it decides on nor postdate the store's clock; an
/// approval dated 2020 is refused.
#[test]
fn decision_times_are_held_to_the_submission_and_the_clock() {
    let mut ledger = Ledger::default();
    ledger
        .append_at(
            Action::Submit {
                submission: submission("DN", "B01", "2026-05", "1"),
            },
            at("2026-06-10T09:00:00"),
        )
        .unwrap();
    let decide = |when: &str| Action::Approve {
        revision: 1,
        by: "lanh_dao".into(),
        at: at(when),
    };
    let codes = |result: Result<&Entry, chiso::Error>| -> Vec<String> {
        result
            .err()
            .map(|e| e.findings().iter().map(|f| f.code.clone()).collect())
            .unwrap_or_default()
    };
    let now = at("2026-06-12T09:00:00");
    assert_eq!(
        codes(ledger.append_at(decide("2020-01-01T00:00:00"), now)),
        ["ledger.decision_before_submission"]
    );
    assert_eq!(
        codes(ledger.append_at(decide("2026-06-13T00:00:00"), now)),
        ["ledger.time_ahead"]
    );
    // Without a store's clock the decision is still held to its submission's claimed time.
    assert_eq!(
        codes(ledger.append(decide("2020-01-01T00:00:00"))),
        ["ledger.decision_before_submission"]
    );
    assert!(ledger.append_at(decide("2026-06-11T00:00:00"), now).is_ok());
}

fn texts_of(action: &Action) -> Vec<String> {
    fn walk(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::String(s) => out.push(s.clone()),
            serde_json::Value::Array(a) => a.iter().for_each(|v| walk(v, out)),
            serde_json::Value::Object(o) => o.values().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(&serde_json::to_value(action).unwrap(), &mut out);
    out
}

/// Every kind of action with one text blown up to `size` bytes of `fill`.
fn actions_with_text(size: usize, fill: char) -> Vec<Action> {
    let text: String = std::iter::repeat_n(fill, size).collect();
    let mut with_summary = submission("DN", "B01", "2026-05", "1");
    with_summary.evidence[0].summary = Some(text.clone());
    let mut with_comment = submission("DN", "B01", "2026-05", "1");
    with_comment.comment = Some(text.clone());
    let explanation = serde_json::from_value(serde_json::json!({"unit": "DN", "indicator": "C01",
        "period": "2026-Q2", "causes": text, "bottlenecks": ["data"], "solutions": "…",
        "submitted_by": "can_bo", "submitted_at": "2026-07-02T09:00:00"}))
    .unwrap();
    vec![
        Action::Submit {
            submission: with_summary,
        },
        Action::Submit {
            submission: with_comment,
        },
        Action::Explain { explanation },
        Action::Approve {
            revision: 1,
            by: text.clone(),
            at: at("2026-07-03T09:00:00"),
        },
        Action::Return {
            revision: 1,
            by: "lanh_dao".into(),
            at: at("2026-07-03T09:00:00"),
            reason: text,
        },
    ]
}

/// One accepted 1 MiB text once made the ledger unreadable by every later command: every
/// text of every action is refused at the door by the limit readers apply.
#[test]
fn a_one_mebibyte_text_is_refused_at_the_door() {
    for action in actions_with_text(1 << 20, 'x') {
        let mut ledger = Ledger::default();
        ledger
            .append(Action::Submit {
                submission: submission("DN", "B01", "2026-05", "1"),
            })
            .unwrap();
        let refused = ledger.append(action).unwrap_err();
        assert_eq!(refused.findings()[0].code, "input.string_too_long");
        assert!(Ledger::from_jsonl(&ledger.to_jsonl()).is_ok());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Whatever `append` accepts, every reader reads: texts near the bound, of characters JSON
    /// escapes (quotes, backslashes, control characters) or not, in every kind of action.
    #[test]
    fn whatever_append_accepts_every_reader_reads(
        size in (chiso::MAX_STRING_BYTES / 2 - 8)..(chiso::MAX_STRING_BYTES + 8),
        fill in prop::sample::select(vec!['x', '"', '\\', '\n', '\u{1}', 'ệ']),
        which in 0usize..5,
    ) {
        let chars = size / fill.len_utf8();
        let action = actions_with_text(chars, fill).swap_remove(which);
        let mut ledger = Ledger::default();
        ledger
            .append_at(
                Action::Submit { submission: submission("DN", "B01", "2026-05", "1") },
                at("2026-07-02T09:00:00"),
            )
            .unwrap();
        let accepted = ledger.append_at(action.clone(), at("2026-07-05T09:00:00")).is_ok();
        let text = ledger.to_jsonl();
        let read = Ledger::from_jsonl(&text);
        prop_assert!(read.is_ok(), "accepted, then unreadable: {:?}", read.err());
        let read = read.unwrap();
        prop_assert!(read.verify(None).valid);
        // Refused exactly when some text would be too long once escaped, as the reader measures.
        let longest = texts_of(&action)
            .iter()
            .map(|t| serde_json::to_string(t).unwrap().len() - 2)
            .max()
            .unwrap_or(0);
        prop_assert_eq!(accepted, longest <= chiso::MAX_STRING_BYTES);
    }
}

/// Issue 18: no English word inside a Vietnamese message: a revision's status and an
/// indicator's cycle are named in Vietnamese, by the vocabulary's own labels (issue 20: the
/// message had its own words for a status, "đã phê duyệt" where the vocabulary says "Đã duyệt").
#[test]
fn vietnamese_messages_name_statuses_and_cycles_in_vietnamese() {
    use chiso::Problem;
    use chiso::ledger::LedgerProblem;
    let decided = LedgerProblem::LedgerAlreadyDecided {
        revision: 4,
        status: "approved".into(),
    };
    assert_eq!(decided.message().vi, "Lần gửi 4 đã được xử lý (đã duyệt).");
    assert_eq!(
        decided.message().en,
        "Submission 4 has already been decided (status `approved`)."
    );
    let returned = LedgerProblem::LedgerAlreadyDecided {
        revision: 5,
        status: "returned".into(),
    };
    assert_eq!(
        returned.message().vi,
        "Lần gửi 5 đã được xử lý (bị trả lại)."
    );
    let cycle = LedgerProblem::LedgerWrongCycle {
        period: "2026-05".into(),
        cycle: "quarterly".into(),
    };
    assert_eq!(
        cycle.message().vi,
        "Kỳ 2026-05 không thuộc chu kỳ báo cáo của chỉ số (hằng quý)."
    );
}
