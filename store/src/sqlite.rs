//! The ledger in SQLite: the embedded default for a portal on one machine.
//!
//! WAL journal with `synchronous = FULL` (a commit is on disk when acknowledged), `BEGIN
//! IMMEDIATE` for every append (writers are serialised by the database, each waiting its turn),
//! and the table's own rules as a second guard: the sequence is the key, and a trigger refuses an
//! entry whose link is not the hash of the entry before it, so the rows form one chain and no
//! fork can be committed.

use std::path::Path;
use std::time::Duration;

use chiso::ledger::{Entry, GENESIS, Ledger};
use chrono::NaiveDateTime;
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};

use crate::{Anchor, Clock, Store, StoreError, SystemClock, catch_up, verified};

// The chain is held by a trigger rather than unique indexes on the hashes: the trigger reads
// the entry just before (the newest page of the key), while an index on a random hash dirties
// a random page at every insert, and with unique indexes on `hash` and `previous` an append to
// a million entries cost 1.7 to 2 times one to ten thousand (BENCHMARKS.md). With the
// sequence as the key and every link checked, the rows form one chain: no fork, no entry twice
// (each hash covers its sequence number), and `verify` checks each hash against its content.
const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS chiso_ledger (
    sequence INTEGER PRIMARY KEY CHECK (sequence >= 1),
    previous TEXT NOT NULL,
    hash TEXT NOT NULL CHECK (length(hash) = 64),
    entry TEXT NOT NULL
);
CREATE TRIGGER IF NOT EXISTS chiso_ledger_chained BEFORE INSERT ON chiso_ledger
WHEN NEW.previous IS NOT (
    SELECT coalesce(
        (SELECT hash FROM chiso_ledger WHERE sequence = NEW.sequence - 1),
        CASE WHEN NEW.sequence = 1 THEN '0000000000000000000000000000000000000000000000000000000000000000' END))
BEGIN
    SELECT RAISE(ABORT, 'chiso: an entry must link to the hash of the entry before it');
END;
CREATE TABLE IF NOT EXISTS chiso_anchor (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    sequence INTEGER NOT NULL,
    hash TEXT NOT NULL
);
";

/// How long a writer waits for the others before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_mins(2);

/// A ledger kept in an SQLite database file.
pub struct SqliteStore {
    connection: Connection,
    ledger: Ledger,
    clock: Box<dyn Clock>,
}

impl SqliteStore {
    /// Opens (creating if needed) the ledger in the database at `path` and reads it whole,
    /// verified against its anchor.
    pub fn open(path: impl AsRef<Path>) -> Result<SqliteStore, StoreError> {
        let connection = Connection::open(path.as_ref()).map_err(fail)?;
        connection.busy_timeout(BUSY_TIMEOUT).map_err(fail)?;
        // 64 MiB of page cache (SQLite's default is 2): the upper levels of the hash indexes
        // stay in memory, so an insert into a million-entry ledger reads no more pages than
        // one into ten thousand.
        write_ahead(&connection)?;
        connection
            .pragma_update(None, "synchronous", "FULL")
            .and_then(|()| connection.pragma_update(None, "cache_size", -65_536))
            .map_err(fail)?;
        let mut store = SqliteStore {
            connection,
            ledger: Ledger::default(),
            clock: Box::new(SystemClock),
        };
        let transaction = store
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(fail)?;
        transaction.execute_batch(SCHEMA).map_err(fail)?;
        transaction
            .execute(
                "INSERT OR IGNORE INTO chiso_anchor (id, sequence, hash) VALUES (1, 0, ?1)",
                params![GENESIS],
            )
            .map_err(fail)?;
        let entries = entries_after(&transaction, 0)?;
        let anchor = anchor(&transaction)?;
        transaction.commit().map_err(fail)?;
        store.ledger = verified(entries, Some(&anchor))?;
        Ok(store)
    }

    /// The same store, stamping entries from `clock` instead of the system's.
    #[must_use]
    pub fn with_clock(mut self, clock: impl Clock + 'static) -> SqliteStore {
        self.clock = Box::new(clock);
        self
    }
}

impl Store for SqliteStore {
    fn ledger(&mut self) -> Result<&Ledger, StoreError> {
        let transaction = self.connection.transaction().map_err(fail)?;
        let known = self.ledger.entries().len() as u64;
        still_there(&transaction, &self.ledger)?;
        catch_up(&mut self.ledger, entries_after(&transaction, known)?)?;
        anchor(&transaction)?.check(&self.ledger)?;
        transaction.commit().map_err(fail)?;
        Ok(&self.ledger)
    }

    fn append_with(
        &mut self,
        prepare: &mut dyn FnMut(&Ledger, NaiveDateTime) -> Result<Entry, chiso::Error>,
    ) -> Result<Entry, StoreError> {
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(fail)?;
        let known = self.ledger.entries().len() as u64;
        still_there(&transaction, &self.ledger)?;
        catch_up(&mut self.ledger, entries_after(&transaction, known)?)?;
        anchor(&transaction)?.check(&self.ledger)?;
        let entry = prepare(&self.ledger, self.clock.now()).map_err(StoreError::Ledger)?;
        transaction
            .execute(
                "INSERT INTO chiso_ledger (sequence, previous, hash, entry) VALUES (?1, ?2, ?3, ?4)",
                params![
                    sequence_in(entry.sequence)?,
                    entry.previous,
                    entry.hash,
                    chiso::to_json(&entry)
                ],
            )
            .map_err(fail)?;
        transaction
            .execute(
                "UPDATE chiso_anchor SET sequence = ?1, hash = ?2 WHERE id = 1",
                params![sequence_in(entry.sequence)?, entry.hash],
            )
            .map_err(fail)?;
        transaction.commit().map_err(fail)?;
        self.ledger
            .accept(entry.clone())
            .map_err(StoreError::Ledger)?;
        Ok(entry)
    }

    fn anchor(&mut self) -> Result<Option<Anchor>, StoreError> {
        let anchor = anchor(&self.connection)?;
        Ok((anchor.sequence > 0).then_some(anchor))
    }

    fn backend(&self) -> &'static str {
        "sqlite"
    }
}

/// The entries after sequence `known`, in order, read exactly as written.
fn entries_after(connection: &Connection, known: u64) -> Result<Vec<Entry>, StoreError> {
    let mut statement = connection
        .prepare_cached(
            "SELECT sequence, entry FROM chiso_ledger WHERE sequence > ?1 ORDER BY sequence",
        )
        .map_err(fail)?;
    let rows = statement
        .query_map(params![sequence_in(known)?], |row| {
            Ok((row.get::<_, i64>(0)?, row.get::<_, String>(1)?))
        })
        .map_err(fail)?;
    let mut entries = Vec::new();
    for row in rows {
        let (sequence, text) = row.map_err(fail)?;
        let entry = Entry::from_json_line(&text).map_err(|error| at_row(&error, sequence))?;
        entries.push(entry);
    }
    Ok(entries)
}

/// An unreadable row's findings, their paths under the row's sequence number.
pub(crate) fn at_row(error: &chiso::Error, sequence: i64) -> StoreError {
    let findings = error
        .findings()
        .iter()
        .cloned()
        .map(|mut f| {
            f.path = format!("/{sequence}{}", f.path);
            f
        })
        .collect();
    StoreError::Ledger(chiso::Error::InvalidInput {
        what: chiso::InputKind::Ledger,
        findings,
    })
}

/// Whether the last entry this handle read is still in the database, unchanged: a row
/// deleted or rewritten behind the store's back stops the handle (one indexed lookup).
fn still_there(connection: &Connection, ledger: &Ledger) -> Result<(), StoreError> {
    let Some(last) = ledger.entries().last() else {
        return Ok(());
    };
    let found: Option<String> = connection
        .query_row(
            "SELECT hash FROM chiso_ledger WHERE sequence = ?1",
            params![sequence_in(last.sequence)?],
            |row| row.get(0),
        )
        .optional()
        .map_err(fail)?;
    gone_or_changed(last, found)
}

/// The error when the entry a handle read last is `found` changed or gone.
pub(crate) fn gone_or_changed(last: &Entry, found: Option<String>) -> Result<(), StoreError> {
    match found {
        Some(hash) if hash == last.hash => Ok(()),
        Some(hash) => Err(StoreError::AnchorMismatch {
            sequence: last.sequence,
            anchored: last.hash.clone(),
            found: hash,
        }),
        None => Err(StoreError::Truncated {
            entries: last.sequence - 1,
            anchored: last.sequence,
        }),
    }
}

fn anchor(connection: &Connection) -> Result<Anchor, StoreError> {
    let row = connection
        .query_row(
            "SELECT sequence, hash FROM chiso_anchor WHERE id = 1",
            [],
            |row| Ok((row.get::<_, i64>(0)?, row.get::<_, String>(1)?)),
        )
        .optional()
        .map_err(fail)?;
    let (sequence, hash) = row.unwrap_or((0, GENESIS.to_owned()));
    Ok(Anchor {
        sequence: u64::try_from(sequence).unwrap_or(0),
        hash,
    })
}

/// A sequence number as SQL's 64-bit integer.
pub(crate) fn sequence_in(sequence: u64) -> Result<i64, StoreError> {
    i64::try_from(sequence).map_err(|e| StoreError::database("sqlite", &e))
}

#[allow(clippy::needless_pass_by_value)] // passed to map_err as a function
/// Puts the database in write-ahead mode (kept in the file: once set, later openers only read
/// it). Switching needs the file to itself, and SQLite answers "locked" at once, without
/// waiting, when writers opening a new database race for it (one in three runs of eight
/// racing writers lost an append to it): the switch is retried until [`BUSY_TIMEOUT`].
fn write_ahead(connection: &Connection) -> Result<(), StoreError> {
    let started = std::time::Instant::now();
    loop {
        let mode: rusqlite::Result<String> =
            connection.query_row("PRAGMA journal_mode", [], |row| row.get(0));
        let switched = match mode {
            Ok(mode) if mode.eq_ignore_ascii_case("wal") => return Ok(()),
            Ok(_) => connection.pragma_update(None, "journal_mode", "WAL"),
            Err(error) => Err(error),
        };
        match switched {
            Ok(()) => return Ok(()),
            Err(error) if busy(&error) && started.elapsed() < BUSY_TIMEOUT => {
                std::thread::sleep(Duration::from_millis(5));
            }
            Err(error) => return Err(StoreError::database("sqlite", &error)),
        }
    }
}

/// Whether `error` is SQLite's "busy" or "locked".
fn busy(error: &rusqlite::Error) -> bool {
    matches!(
        error.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    )
}

#[allow(clippy::needless_pass_by_value)] // the shape `map_err` takes
fn fail(error: rusqlite::Error) -> StoreError {
    StoreError::database("sqlite", &error)
}
