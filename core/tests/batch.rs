//! Batches: an import recorded as batch entries whose hash covers the Merkle root of the
//! rows, read back the same as rows appended one by one.

#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use chiso::columns::LedgerColumns;
use chiso::ledger::{Action, Approval, Batch, Ledger, RevisionStatus, Tamper, merkle};

fn row(unit: &str, period: &str, value: &str) -> chiso::ledger::Submission {
    serde_json::from_value(serde_json::json!({
        "unit": unit, "item": "B01", "period": period, "value": {"number": value},
        "source": {"kind": "system", "system": "thong_ke"},
        "submitted_by": "thong_ke", "submitted_at": "2026-06-02T09:00:00"
    }))
    .unwrap()
}

fn rows(n: usize) -> Vec<chiso::ledger::Submission> {
    (0..n)
        .map(|i| row(&format!("U{i}"), "2026-05", &format!("{i}.5")))
        .collect()
}

fn approval() -> Approval {
    Approval {
        by: "BCD".into(),
        at: "2026-06-03T08:00:00".parse().unwrap(),
    }
}

/// The same rows appended one by one, each submitted then approved.
fn appended(rows: &[chiso::ledger::Submission]) -> Ledger {
    let mut ledger = Ledger::default();
    for row in rows {
        let revision = ledger
            .append(Action::Submit {
                submission: row.clone(),
            })
            .unwrap()
            .sequence;
        let a = approval();
        ledger
            .append(Action::Approve {
                revision,
                by: a.by,
                at: a.at,
            })
            .unwrap();
    }
    ledger
}

#[test]
fn an_import_keeps_the_numbers_rows_would_have_had_one_by_one() {
    let mut ledger = Ledger::default();
    assert_eq!(ledger.import(rows(5), Some(&approval())).unwrap(), 10);
    assert_eq!(ledger.entries().len(), 1);
    assert_eq!(ledger.next_sequence(), 11);
    for revision in [1, 3, 5, 7, 9] {
        assert_eq!(ledger.status(revision), Some(RevisionStatus::Approved));
    }
    // An approval's number is no revision.
    assert_eq!(ledger.status(2), None);
    assert_eq!(ledger.status(11), None);
    let one_by_one = appended(&rows(5));
    assert_eq!(ledger.approved(None), one_by_one.approved(None));
    // The next entry follows the batch, and may decide nothing the batch approved.
    let refused = ledger.append(Action::Approve {
        revision: 3,
        by: "x".into(),
        at: "2026-06-04T08:00:00".parse().unwrap(),
    });
    assert_eq!(
        refused.unwrap_err().findings()[0].code,
        "ledger.already_decided"
    );
    let next = ledger
        .append(Action::Submit {
            submission: row("U9", "2026-05", "1"),
        })
        .unwrap();
    assert_eq!(next.sequence, 11);
    assert!(ledger.verify(None).valid);
}

#[test]
fn unapproved_rows_await_a_decision_like_any_submission() {
    let mut ledger = Ledger::default();
    assert_eq!(ledger.import(rows(3), None).unwrap(), 3);
    assert_eq!(ledger.status(2), Some(RevisionStatus::Submitted));
    ledger
        .append(Action::Return {
            revision: 2,
            by: "BCD".into(),
            at: "2026-06-04T08:00:00".parse().unwrap(),
            reason: "sai đơn vị".into(),
        })
        .unwrap();
    assert_eq!(ledger.status(2), Some(RevisionStatus::Returned));
    assert_eq!(ledger.status(1), Some(RevisionStatus::Submitted));
    assert_eq!(ledger.entries()[1].sequence, 4);
}

#[test]
fn a_large_import_is_cut_into_batches_that_read_back_and_verify() {
    let mut ledger = Ledger::default();
    let n = chiso::ledger::MAX_BATCH_ROWS + 3;
    assert_eq!(ledger.import(rows(n), Some(&approval())).unwrap(), 2 * n);
    assert_eq!(ledger.entries().len(), 2);
    assert_eq!(
        ledger.entries()[1].sequence,
        2 * chiso::ledger::MAX_BATCH_ROWS as u64 + 1
    );
    // The batches are runs of the one table the rows were put in, not copies of it.
    let runs: Vec<&chiso::ledger::BatchRows> = ledger
        .entries()
        .iter()
        .filter_map(|e| match &e.action {
            Action::Import { batch } => Some(&batch.rows),
            _ => None,
        })
        .collect();
    assert_eq!(runs[0].len(), chiso::ledger::MAX_BATCH_ROWS);
    assert!(runs[0].shares_table_with(runs[1]));
    let all = rows(n);
    assert_eq!(runs[1].to_vec(), &all[chiso::ledger::MAX_BATCH_ROWS..]);
    let text = ledger.to_jsonl();
    assert_eq!(text.lines().count(), 2);
    let back = Ledger::from_jsonl_verified(&text, Some(ledger.head())).unwrap();
    assert_eq!(back, ledger);
    let columns = LedgerColumns::new(&back, None);
    assert_eq!(columns.approved_values(), n);
}

#[test]
fn a_row_changed_dropped_or_moved_is_detected_at_its_batch() {
    let mut ledger = Ledger::default();
    ledger
        .append(Action::Submit {
            submission: row("DN", "2026-04", "1"),
        })
        .unwrap();
    ledger.import(rows(6), Some(&approval())).unwrap();
    ledger
        .append(Action::Submit {
            submission: row("DN", "2026-05", "2"),
        })
        .unwrap();
    assert!(ledger.verify(None).valid);
    let tamper = |change: &dyn Fn(&mut Batch)| {
        let mut entries = ledger.entries().to_vec();
        let Action::Import { batch } = &mut entries[1].action else {
            panic!("the second entry is the batch")
        };
        change(batch);
        let broken = Ledger::from_entries(entries)
            .verify(None)
            .first_problem
            .unwrap();
        (broken.position, broken.kind)
    };
    let edited = (2, Tamper::Edited);
    assert_eq!(
        tamper(&|b| {
            let mut rows = b.rows.to_vec();
            rows[4].value = chiso::Value::number(9.into());
            b.rows = rows.into();
        }),
        edited
    );
    assert_eq!(
        tamper(&|b| b.rows = b.rows.to_vec()[..b.rows.len() - 1].to_vec().into()),
        edited
    );
    assert_eq!(
        tamper(&|b| {
            let mut rows = b.rows.to_vec();
            rows.swap(0, 5);
            b.rows = rows.into();
        }),
        edited
    );
    assert_eq!(tamper(&|b| b.approval = None), edited);
    // A root rewritten to the changed rows does not match the hash the entry carries.
    assert_eq!(
        tamper(&|b| {
            let mut rows = b.rows.to_vec();
            rows[0].submitted_by = "ai_do".into();
            b.rows = rows.into();
            b.root = b.computed_root();
        }),
        edited
    );
}

#[test]
fn each_row_is_proven_in_its_batch_without_the_others() {
    let batch = Batch::new(rows(7), None);
    let root: merkle::Digest = hex::decode(&batch.root).unwrap().try_into().unwrap();
    for i in 0..7 {
        let (leaf, path) = batch.proof(i).unwrap();
        assert!(path.len() <= 3);
        assert!(merkle::verify(leaf, i, 7, &path, root));
        assert!(!merkle::verify(leaf, (i + 1) % 7, 7, &path, root));
    }
    assert!(batch.proof(7).is_none());
}

#[test]
fn a_batch_is_not_appended_as_an_entry() {
    let mut ledger = Ledger::default();
    let batch = Batch::new(rows(2), Some(approval()));
    let err = ledger.append(Action::Import { batch }).unwrap_err();
    assert_eq!(err.findings()[0].code, "ledger.batch_appended");
    assert!(ledger.entries().is_empty());
}

#[test]
fn decomposed_texts_are_recorded_in_nfc() {
    let decomposed = row("Ha\u{300} Nội", "2026-05", "1"); // "à" as "a" and a grave accent
    let batch = Batch::new(vec![decomposed], None);
    assert_eq!(batch.rows.get(0).unwrap().unit(), "Hà Nội");
    assert_eq!(batch.root, batch.computed_root());
}

#[test]
fn the_columns_as_of_a_time_see_rows_and_approvals_by_their_times() {
    let mut ledger = Ledger::default();
    ledger.import(rows(3), Some(&approval())).unwrap();
    let before_approval = LedgerColumns::new(&ledger, Some("2026-06-02T12:00:00".parse().unwrap()));
    assert_eq!(before_approval.approved_values(), 0);
    let after = LedgerColumns::new(&ledger, Some("2026-06-03T08:00:00".parse().unwrap()));
    assert_eq!(after.approved_values(), 3);
    let snapshot = ledger.approved(Some("2026-06-02T12:00:00".parse().unwrap()));
    assert!(snapshot.is_empty());
}

/// The worked example of `docs/ledger-format.md`, its hashes computed independently by
/// `docs/ledger-format-check.py` (Python's hashlib and json, from the document alone).
#[test]
fn the_documented_batch_hashes_as_computed_independently() {
    let mut ledger = Ledger::default();
    ledger
        .import(vec![row("DN", "2026-05", "87.5")], Some(&approval()))
        .unwrap();
    let Action::Import { batch } = &ledger.entries()[0].action else {
        panic!("an import is a batch entry")
    };
    let leaf = "e2af015733968dd8c97822d11930a3ab475079bc9e5d0cfc4fc4e71cf18c014c";
    assert_eq!(hex::encode(batch.leaves()[0]), leaf);
    assert_eq!(batch.root, leaf); // one row: the root is its leaf
    assert_eq!(
        ledger.head(),
        "98eb4613159796ec02a334fc556ce60b48e21e38a967009848659daf2989cf8b"
    );
}
