//! The ledger's columns brought up to date entry by entry give the evaluation the columns
//! built at once give, and the evaluation built from the ledger itself: on the bundled sample
//! (4,177 entries: submissions, approvals, returns, explanations, assignments).

#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use chiso::columns::LedgerColumns;
use chiso::evaluation::Scheme;
use chiso::ledger::Ledger;
use chiso::{Catalogue, Reporting};

fn read(name: &str) -> String {
    let path = format!(
        "{}/../examples/data/sample/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn sample() -> (Reporting, Ledger) {
    let reporting = Reporting::from_json(
        Catalogue::nq57(),
        &read("org.json"),
        &read("assignments.json"),
        Some(&read("calendar.json")),
    )
    .unwrap();
    (
        reporting,
        Ledger::from_jsonl(&read("ledger.jsonl")).unwrap(),
    )
}

#[test]
fn columns_kept_up_to_date_evaluate_as_columns_built_at_once() {
    let (reporting, ledger) = sample();
    let (period, as_of) = (
        "2026-Q3".parse().unwrap(),
        "2026-10-15T00:00:00".parse().unwrap(),
    );
    let scheme = Scheme::default();
    let whole = reporting.evaluate(&ledger, period, as_of, &scheme).unwrap();
    assert!(
        whole.units.iter().any(|u| u.score.is_some()),
        "the sample scores"
    );

    // A portal's columns: built on an empty ledger, then brought up to date after every entry.
    let mut growing = Ledger::default();
    let mut columns = LedgerColumns::new(&growing, Some(as_of));
    for entry in ledger.entries() {
        growing.accept(entry.clone()).unwrap();
        columns.catch_up(&growing);
    }
    assert_eq!(columns.entries_read(), ledger.entries().len());
    let kept = reporting
        .evaluate_columns(&growing, &columns, period, as_of, &scheme)
        .unwrap();
    assert_eq!(kept, whole);
    assert_eq!(
        columns.approved_values(),
        LedgerColumns::new(&ledger, Some(as_of)).approved_values()
    );
}

#[test]
fn columns_see_only_what_was_received_by_their_time() {
    let (reporting, ledger) = sample();
    let period = "2026-Q3".parse().unwrap();
    // Before the quarter's approvals (24 September), fewer values stand than after them.
    let early = "2026-09-20T00:00:00".parse().unwrap();
    let late = "2026-10-15T00:00:00".parse().unwrap();
    let (before, after) = (
        LedgerColumns::new(&ledger, Some(early)),
        LedgerColumns::new(&ledger, Some(late)),
    );
    assert!(before.approved_values() < after.approved_values());
    let scheme = Scheme::default();
    assert_eq!(
        reporting
            .evaluate_columns(&ledger, &before, period, early, &scheme)
            .unwrap(),
        reporting.evaluate(&ledger, period, early, &scheme).unwrap()
    );
    // Columns of another time are refused, not silently read.
    let err = reporting
        .evaluate_columns(&ledger, &before, period, late, &scheme)
        .unwrap_err();
    assert!(err.to_string().contains("columns"), "{err}");
}

#[test]
fn columns_of_another_ledger_are_read_again() {
    let (_, ledger) = sample();
    let mut columns = LedgerColumns::new(&ledger, None);
    let everything = columns.approved_values();
    // A ledger that is not a continuation (here the first half of another chain's entries
    // would be; an empty ledger is the simplest) is read from the start.
    columns.catch_up(&Ledger::default());
    assert_eq!(columns.entries_read(), 0);
    assert_eq!(columns.approved_values(), 0);
    columns.catch_up(&ledger);
    assert_eq!(columns.approved_values(), everything);
}
