//! Every backend keeps the same guarantees: the same entries and chain, times from its own
//! clock, appends that see each other's, and an anchor that makes a cut ledger an error.
//! PostgreSQL runs against the real server named by `CHISO_TEST_POSTGRES` (`make test` starts
//! one with `store/scripts/postgres-server`); without it those cases are skipped, unless
//! `CHISO_REQUIRE_POSTGRES=1` makes its absence a failure.
#![allow(clippy::unwrap_used, clippy::print_stderr)] // tests: a failed unwrap is a failed test; a skip says so

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use chiso::ledger::{Action, Entry, FORMAT_STAMPED, Ledger};
use chiso_store::{FileStore, Location, PostgresStore, Repair, SqliteStore, Store, StoreError};
use chrono::NaiveDateTime;

fn time(text: &str) -> NaiveDateTime {
    text.parse().unwrap()
}

/// A clock the test sets.
#[derive(Clone)]
struct Hand(Arc<Mutex<NaiveDateTime>>);

impl Hand {
    fn at(text: &str) -> Hand {
        Hand(Arc::new(Mutex::new(time(text))))
    }
    fn set(&self, text: &str) {
        *self.0.lock().unwrap() = time(text);
    }
    fn clock(&self) -> impl Fn() -> NaiveDateTime + Send + 'static {
        let hand = Arc::clone(&self.0);
        move || *hand.lock().unwrap()
    }
}

fn submit(unit: &str, value: &str, submitted_at: &str) -> Action {
    let submission = serde_json::from_value(serde_json::json!({
        "unit": unit, "item": "B01", "period": "2026-06", "value": {"number": value},
        "source": {"kind": "form"}, "submitted_by": "dau_moi", "submitted_at": submitted_at
    }))
    .unwrap();
    Action::Submit { submission }
}

fn approve(revision: u64, at: &str) -> Action {
    Action::Approve {
        revision,
        by: "lanh_dao".into(),
        at: time(at),
    }
}

/// A fresh place for a ledger of each backend, and a way to cut its last entries behind the
/// store's back.
enum Place {
    File(PathBuf),
    Sqlite(PathBuf),
    Postgres(String),
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("chiso-store-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn places(name: &str) -> Vec<Place> {
    let dir = scratch(name);
    let mut places = vec![
        Place::File(dir.join("ledger.jsonl")),
        Place::Sqlite(dir.join("ledger.db")),
    ];
    places.extend(
        chiso_store::testing::fresh_postgres(&format!("store_{name}")).map(Place::Postgres),
    );
    places
}

impl Place {
    fn open(&self, hand: &Hand) -> Result<Box<dyn Store>, StoreError> {
        Ok(match self {
            Place::File(path) => Box::new(FileStore::create(path)?.with_clock(hand.clock())),
            Place::Sqlite(path) => Box::new(SqliteStore::open(path)?.with_clock(hand.clock())),
            Place::Postgres(url) => Box::new(PostgresStore::open(url)?.with_clock(hand.clock())),
        })
    }

    /// Removes the last entry without the store's knowledge (a partial restore, a careless
    /// tool).
    fn cut_last(&self) {
        match self {
            Place::File(path) => {
                let text = std::fs::read_to_string(path).unwrap();
                let mut lines: Vec<&str> = text.lines().collect();
                lines.pop();
                std::fs::write(path, lines.join("\n") + "\n").unwrap();
            }
            Place::Sqlite(path) => {
                let db = rusqlite::Connection::open(path).unwrap();
                db.execute(
                    "DELETE FROM chiso_ledger WHERE sequence = (SELECT max(sequence) FROM chiso_ledger)",
                    [],
                )
                .unwrap();
            }
            Place::Postgres(url) => {
                let mut db = postgres::Client::connect(url, postgres::NoTls).unwrap();
                db.execute(
                    "DELETE FROM chiso_ledger WHERE sequence = (SELECT max(sequence) FROM chiso_ledger)",
                    &[],
                )
                .unwrap();
            }
        }
    }

    /// Changes a value inside entry 1, leaving its hash as it was.
    fn edit_first(&self) {
        match self {
            Place::File(path) => {
                let text = std::fs::read_to_string(path).unwrap();
                std::fs::write(path, text.replacen("87.5", "97.5", 1)).unwrap();
            }
            Place::Sqlite(path) => {
                let db = rusqlite::Connection::open(path).unwrap();
                db.execute(
                    "UPDATE chiso_ledger SET entry = replace(entry, '87.5', '97.5') WHERE sequence = 1",
                    [],
                )
                .unwrap();
            }
            Place::Postgres(url) => {
                let mut db = postgres::Client::connect(url, postgres::NoTls).unwrap();
                db.execute(
                    "UPDATE chiso_ledger SET entry = replace(entry, '87.5', '97.5') WHERE sequence = 1",
                    &[],
                )
                .unwrap();
            }
        }
    }

    fn name(&self) -> &'static str {
        match self {
            Place::File(_) => "file",
            Place::Sqlite(_) => "sqlite",
            Place::Postgres(_) => "postgres",
        }
    }
}

#[test]
fn entries_are_stamped_by_the_store_clock_and_read_back_the_same() {
    for place in places("stamped") {
        let hand = Hand::at("2026-07-02T08:30:00");
        let mut store = place.open(&hand).unwrap();
        let first = store
            .append(submit("DN", "87.5", "2026-07-01T09:00:00"))
            .unwrap();
        assert_eq!(first.format, FORMAT_STAMPED);
        assert_eq!(first.recorded_at, Some(time("2026-07-02T08:30:00")));
        // The clock steps back: recorded times never decrease along the chain.
        hand.set("2026-07-01T00:00:00");
        let second = store
            .append(submit("HP", "60", "2026-06-30T09:00:00"))
            .unwrap();
        assert_eq!(second.recorded_at, first.recorded_at, "{}", place.name());
        hand.set("2026-07-03T10:00:00");
        store.append(approve(1, "2026-07-03T09:00:00")).unwrap();
        let written: Vec<Entry> = store.ledger().unwrap().entries().to_vec();
        drop(store);
        let mut again = place.open(&hand).unwrap();
        assert_eq!(
            again.ledger().unwrap().entries(),
            written,
            "{}",
            place.name()
        );
        assert_eq!(
            again.anchor().unwrap().unwrap().hash,
            written[2].hash,
            "{}",
            place.name()
        );
        // The same entries as the core writes them: the chain verifies as JSON Lines too.
        let text = again.ledger().unwrap().to_jsonl();
        assert!(Ledger::from_jsonl(&text).unwrap().verify(None).valid);
    }
}

#[test]
fn two_handles_append_to_one_chain() {
    for place in places("handles") {
        let hand = Hand::at("2026-07-02T08:30:00");
        let mut a = place.open(&hand).unwrap();
        let mut b = place.open(&hand).unwrap();
        for round in 0..5 {
            let x = a.append(submit("DN", "1", "2026-07-01T09:00:00")).unwrap();
            let y = b.append(submit("HP", "2", "2026-07-01T09:00:00")).unwrap();
            assert_eq!(x.sequence, 2 * round + 1, "{}", place.name());
            assert_eq!(y.previous, x.hash, "{}", place.name());
        }
        assert_eq!(a.ledger().unwrap(), b.ledger().unwrap(), "{}", place.name());
        assert!(a.ledger().unwrap().verify(None).valid);
    }
}

#[test]
fn a_cut_ledger_is_an_error_never_intact() {
    for place in places("cut") {
        let hand = Hand::at("2026-07-02T08:30:00");
        let mut store = place.open(&hand).unwrap();
        for unit in ["DN", "HP", "CT"] {
            store
                .append(submit(unit, "87.5", "2026-07-01T09:00:00"))
                .unwrap();
        }
        drop(store);
        place.cut_last();
        let error = place.open(&hand).err().unwrap();
        assert!(
            matches!(
                error,
                StoreError::Truncated {
                    entries: 2,
                    anchored: 3
                }
            ),
            "{}: {error}",
            place.name()
        );
        assert_eq!(error.code(), "store.truncated");
    }
}

#[test]
fn a_cut_ledger_is_caught_by_a_handle_already_open() {
    for place in places("cut_open") {
        let hand = Hand::at("2026-07-02T08:30:00");
        let mut store = place.open(&hand).unwrap();
        for unit in ["DN", "HP"] {
            store
                .append(submit(unit, "87.5", "2026-07-01T09:00:00"))
                .unwrap();
        }
        place.cut_last();
        let refused = store.append(submit("CT", "1", "2026-07-01T09:00:00"));
        assert!(refused.is_err(), "{}", place.name());
    }
}

#[test]
fn an_edited_entry_is_named() {
    for place in places("edited") {
        let hand = Hand::at("2026-07-02T08:30:00");
        let mut store = place.open(&hand).unwrap();
        store
            .append(submit("DN", "87.5", "2026-07-01T09:00:00"))
            .unwrap();
        store
            .append(submit("HP", "60", "2026-07-01T09:00:00"))
            .unwrap();
        drop(store);
        place.edit_first();
        match place.open(&hand).err().unwrap() {
            StoreError::Broken(report) => {
                let broken = report.first_problem.unwrap();
                assert_eq!(broken.position, 1, "{}", place.name());
                assert_eq!(broken.kind, chiso::ledger::Tamper::Edited);
            }
            other => panic!("{}: {other}", place.name()),
        }
    }
}

#[test]
fn an_emptied_file_is_an_error_never_intact() {
    let dir = scratch("emptied");
    let path = dir.join("ledger.jsonl");
    let mut store = FileStore::create(&path).unwrap();
    store
        .append(submit("DN", "87.5", "2026-07-01T09:00:00"))
        .unwrap();
    drop(store);
    std::fs::write(&path, "").unwrap();
    let error = FileStore::open(&path).err().unwrap();
    assert!(
        matches!(
            error,
            StoreError::Truncated {
                entries: 0,
                anchored: 1
            }
        ),
        "{error}"
    );
    std::fs::remove_file(&path).unwrap();
    let error = FileStore::open(&path).err().unwrap();
    assert!(
        matches!(
            error,
            StoreError::Truncated {
                entries: 0,
                anchored: 1
            }
        ),
        "{error}"
    );
}

#[test]
fn a_torn_tail_is_named_and_repaired_exactly() {
    let dir = scratch("torn");
    let path = dir.join("ledger.jsonl");
    let mut store = FileStore::create(&path).unwrap();
    for unit in ["DN", "HP"] {
        store
            .append(submit(unit, "87.5", "2026-07-01T09:00:00"))
            .unwrap();
    }
    let acknowledged = store.ledger().unwrap().clone();
    drop(store);
    // A writer killed mid-write: half a line, no newline.
    let torn = r#"{"format":2,"sequence":3,"previous":"ab"#;
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str(torn);
    std::fs::write(&path, &text).unwrap();
    let error = FileStore::open(&path).err().unwrap();
    assert!(
        matches!(&error, StoreError::TornTail { line: 3, bytes, .. } if *bytes == torn.len() as u64),
        "{error}"
    );
    assert_eq!(error.code(), "store.torn_tail");
    // Appending is refused until it is repaired: nothing is written after a torn line.
    assert_eq!(
        FileStore::repair(&path).unwrap(),
        Repair::Dropped {
            line: 3,
            bytes: torn.as_bytes().to_vec(),
            entries: 2
        }
    );
    let mut store = FileStore::open(&path).unwrap();
    assert_eq!(store.ledger().unwrap(), &acknowledged);
    assert_eq!(
        FileStore::repair(&path).unwrap(),
        Repair::Intact { entries: 2 }
    );
    // A cut inside what was acknowledged is not a torn tail: repair refuses it.
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, &text[..text.len() - 40]).unwrap();
    let error = FileStore::repair(&path).err().unwrap();
    assert!(
        matches!(
            error,
            StoreError::Truncated {
                entries: 1,
                anchored: 2
            }
        ),
        "{error}"
    );
    assert!(matches!(
        FileStore::open(&path).err().unwrap(),
        StoreError::Truncated { .. }
    ));
}

#[test]
fn a_torn_line_from_another_writer_stops_an_open_handle() {
    let dir = scratch("torn_open");
    let path = dir.join("ledger.jsonl");
    let mut store = FileStore::create(&path).unwrap();
    store
        .append(submit("DN", "87.5", "2026-07-01T09:00:00"))
        .unwrap();
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str(r#"{"sequence":2"#);
    std::fs::write(&path, &text).unwrap();
    let error = store
        .append(submit("HP", "1", "2026-07-01T09:00:00"))
        .err()
        .unwrap();
    assert!(
        matches!(error, StoreError::TornTail { line: 2, .. }),
        "{error}"
    );
    // Nothing was written after the torn line.
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn a_text_beyond_what_readers_read_is_refused_at_the_door() {
    for place in places("bounds") {
        let hand = Hand::at("2026-07-02T08:30:00");
        let mut store = place.open(&hand).unwrap();
        store
            .append(submit("DN", "87.5", "2026-07-01T09:00:00"))
            .unwrap();
        let huge = Action::Return {
            revision: 1,
            by: "x".repeat(1 << 20),
            at: time("2026-07-02T08:30:00"),
            reason: "Số liệu chưa khớp".into(),
        };
        // (dated when the store received the submission: not before, not after its clock)
        let error = store.append(huge).err().unwrap();
        assert_eq!(error.code(), "ledger.invalid_entry", "{}", place.name());
        let StoreError::Ledger(error) = error else {
            unreachable!()
        };
        assert_eq!(error.findings()[0].code, "input.string_too_long");
        assert_eq!(error.findings()[0].path, "/action/by");
        drop(store);
        assert_eq!(
            place.open(&hand).unwrap().ledger().unwrap().entries().len(),
            1
        );
    }
}

#[test]
fn claimed_times_are_held_to_the_store_clock() {
    for place in places("times") {
        let hand = Hand::at("2026-07-02T08:30:00");
        let mut store = place.open(&hand).unwrap();
        // A submission claiming to come from the future.
        let ahead = store
            .append(submit("DN", "1", "2026-07-05T09:00:00"))
            .err()
            .unwrap();
        let StoreError::Ledger(ahead) = ahead else {
            panic!()
        };
        assert_eq!(ahead.findings()[0].code, "ledger.time_ahead");
        assert_eq!(ahead.findings()[0].path, "/action/submission/submitted_at");
        store
            .append(submit("DN", "1", "2020-01-01T09:00:00"))
            .unwrap();
        // An approval dated 2020 predates the receipt of what it approves.
        let early = store
            .append(approve(1, "2020-01-02T09:00:00"))
            .err()
            .unwrap();
        let StoreError::Ledger(early) = early else {
            panic!()
        };
        assert_eq!(
            early.findings()[0].code,
            "ledger.decision_before_submission"
        );
        // ... and one dated tomorrow postdates the store's clock.
        let late = store
            .append(approve(1, "2026-07-03T09:00:00"))
            .err()
            .unwrap();
        let StoreError::Ledger(late) = late else {
            panic!()
        };
        assert_eq!(late.findings()[0].code, "ledger.time_ahead");
        store.append(approve(1, "2026-07-02T08:30:00")).unwrap();
    }
}

#[test]
fn locations_name_their_backend() {
    assert_eq!(
        "sqlite:a.db".parse::<Location>().unwrap(),
        Location::Sqlite("a.db".into())
    );
    assert_eq!(
        "a.sqlite3".parse::<Location>().unwrap(),
        Location::Sqlite("a.sqlite3".into())
    );
    assert_eq!(
        "postgresql://x@h/db".parse::<Location>().unwrap(),
        Location::Postgres("postgresql://x@h/db".into())
    );
    assert_eq!(
        "".parse::<Location>().err().unwrap().code(),
        "store.location"
    );
    let missing = scratch("missing").join("none.jsonl");
    let error = chiso_store::open(&Location::File(missing), false)
        .err()
        .unwrap();
    assert_eq!(error.code(), "store.missing");
}

/// The database itself refuses a fork: a row whose link is not the hash before it, or that
/// takes a sequence number already used, is not committed whoever writes it.
#[test]
fn the_database_refuses_a_fork() {
    let dir = scratch("fork");
    let path = dir.join("ledger.db");
    let hand = Hand::at("2026-07-02T08:30:00");
    let mut store = Place::Sqlite(path.clone()).open(&hand).unwrap();
    store
        .append(submit("DN", "87.5", "2026-07-01T09:00:00"))
        .unwrap();
    drop(store);
    let db = rusqlite::Connection::open(&path).unwrap();
    let fork = db.execute(
        "INSERT INTO chiso_ledger (sequence, previous, hash, entry) VALUES (2, 'ab', 'cd', '{}')",
        [],
    );
    assert!(fork.unwrap_err().to_string().contains("link to the hash"));
    let twice = db.execute(
        "INSERT INTO chiso_ledger (sequence, previous, hash, entry) VALUES (1, ?1, 'cd', '{}')",
        [chiso::ledger::GENESIS],
    );
    assert!(twice.is_err());
}
