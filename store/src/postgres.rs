//! The ledger in PostgreSQL: what Vietnamese portals run.
//!
//! The same schema and guarantees as [`SqliteStore`](crate::SqliteStore): every append is one
//! transaction that first locks the anchor row (`SELECT … FOR UPDATE`), so writers on any
//! number of connections and machines take turns; the sequence is the key and each hash and
//! link appear once, so no fork of the chain can be committed even by a writer that skips
//! the lock; a commit is acknowledged only once the server has made it durable
//! (`synchronous_commit` on, the server's default, which the store insists on per session).

use chiso::ledger::{Entry, GENESIS, Ledger};
use chrono::NaiveDateTime;
use postgres::{Client, GenericClient, NoTls};

use crate::sqlite::{at_row, gone_or_changed};
use crate::{Anchor, Clock, Store, StoreError, SystemClock, catch_up, verified};

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS chiso_ledger (
    sequence BIGINT PRIMARY KEY CHECK (sequence >= 1),
    previous TEXT NOT NULL UNIQUE,
    hash TEXT NOT NULL UNIQUE,
    entry TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS chiso_anchor (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    sequence BIGINT NOT NULL,
    hash TEXT NOT NULL
);
";

/// A key for the advisory lock that serialises creating the tables.
const SCHEMA_LOCK: i64 = 0x6368_6973_6f57;

/// A ledger kept in a PostgreSQL database.
pub struct PostgresStore {
    client: Client,
    ledger: Ledger,
    clock: Box<dyn Clock>,
}

impl PostgresStore {
    /// Connects to `url` (`postgres://user@host:port/database`), creates the tables if they
    /// are not there, and reads the ledger whole, verified against its anchor.
    pub fn open(url: &str) -> Result<PostgresStore, StoreError> {
        let mut client = Client::connect(url, NoTls).map_err(fail)?;
        client
            .batch_execute("SET synchronous_commit = on")
            .map_err(fail)?;
        let mut transaction = client.transaction().map_err(fail)?;
        transaction
            .execute("SELECT pg_advisory_xact_lock($1)", &[&SCHEMA_LOCK])
            .map_err(fail)?;
        transaction.batch_execute(SCHEMA).map_err(fail)?;
        transaction
            .execute(
                "INSERT INTO chiso_anchor (id, sequence, hash) VALUES (1, 0, $1) ON CONFLICT (id) DO NOTHING",
                &[&GENESIS],
            )
            .map_err(fail)?;
        // The anchor first: under READ COMMITTED each statement sees the latest commits, so
        // entries read after it are as many or more, never fewer.
        let anchor = anchor(&mut transaction, false)?;
        let entries = entries_after(&mut transaction, 0)?;
        transaction.commit().map_err(fail)?;
        refresh_statistics(&mut client, entries.len())?;
        Ok(PostgresStore {
            client,
            ledger: verified(entries, Some(&anchor))?,
            clock: Box::new(SystemClock),
        })
    }

    /// The same store, stamping entries from `clock` instead of the system's.
    #[must_use]
    pub fn with_clock(mut self, clock: impl Clock + 'static) -> PostgresStore {
        self.clock = Box::new(clock);
        self
    }
}

impl Store for PostgresStore {
    fn ledger(&mut self) -> Result<&Ledger, StoreError> {
        let mut transaction = self.client.transaction().map_err(fail)?;
        let known = self.ledger.entries().len() as u64;
        // The anchor first: rows committed after it are newer still, never fewer.
        let anchor = anchor(&mut transaction, false)?;
        still_there(&mut transaction, &self.ledger)?;
        catch_up(&mut self.ledger, entries_after(&mut transaction, known)?)?;
        anchor.check(&self.ledger)?;
        transaction.commit().map_err(fail)?;
        Ok(&self.ledger)
    }

    fn append_with(
        &mut self,
        prepare: &mut dyn FnMut(&Ledger, NaiveDateTime) -> Result<Entry, chiso::Error>,
    ) -> Result<Entry, StoreError> {
        let mut transaction = self.client.transaction().map_err(fail)?;
        // Taking the anchor row's lock serialises every writer from here to the commit.
        let anchor = anchor(&mut transaction, true)?;
        let known = self.ledger.entries().len() as u64;
        still_there(&mut transaction, &self.ledger)?;
        catch_up(&mut self.ledger, entries_after(&mut transaction, known)?)?;
        anchor.check(&self.ledger)?;
        let entry = prepare(&self.ledger, self.clock.now()).map_err(StoreError::Ledger)?;
        let sequence = sequence_in(entry.sequence)?;
        transaction
            .execute(
                "INSERT INTO chiso_ledger (sequence, previous, hash, entry) VALUES ($1, $2, $3, $4)",
                &[&sequence, &entry.previous, &entry.hash, &chiso::to_json(&entry)],
            )
            .map_err(fail)?;
        transaction
            .execute(
                "UPDATE chiso_anchor SET sequence = $1, hash = $2 WHERE id = 1",
                &[&sequence, &entry.hash],
            )
            .map_err(fail)?;
        transaction.commit().map_err(fail)?;
        self.ledger
            .accept(entry.clone())
            .map_err(StoreError::Ledger)?;
        Ok(entry)
    }

    fn anchor(&mut self) -> Result<Option<Anchor>, StoreError> {
        let anchor = anchor(&mut self.client, false)?;
        Ok((anchor.sequence > 0).then_some(anchor))
    }

    fn backend(&self) -> &'static str {
        "postgres"
    }
}

/// Analyses the table when the planner's idea of its size is far off (rows loaded in bulk,
/// never analysed): with a stale count of zero it reads a million rows to find the few after
/// the head, and an append costs 100 ms instead of well under one.
fn refresh_statistics(client: &mut Client, rows: usize) -> Result<(), StoreError> {
    let row = client
        .query_one(
            "SELECT reltuples::float8 FROM pg_class WHERE oid = 'chiso_ledger'::regclass",
            &[],
        )
        .map_err(fail)?;
    let estimated: f64 = row.get(0);
    #[allow(clippy::cast_precision_loss)] // a row count, compared by halves
    let actual = rows as f64;
    if actual > 1000.0 && estimated < actual / 2.0 {
        client.batch_execute("ANALYZE chiso_ledger").map_err(fail)?;
    }
    Ok(())
}

fn entries_after(client: &mut impl GenericClient, known: u64) -> Result<Vec<Entry>, StoreError> {
    let rows = client
        .query(
            "SELECT sequence, entry FROM chiso_ledger WHERE sequence > $1 ORDER BY sequence",
            &[&sequence_in(known)?],
        )
        .map_err(fail)?;
    rows.iter()
        .map(|row| {
            let sequence: i64 = row.get(0);
            let text: &str = row.get(1);
            Entry::from_json_line(text).map_err(|error| at_row(&error, sequence))
        })
        .collect()
}

/// Whether the last entry this handle read is still there, unchanged.
fn still_there(client: &mut impl GenericClient, ledger: &Ledger) -> Result<(), StoreError> {
    let Some(last) = ledger.entries().last() else {
        return Ok(());
    };
    let row = client
        .query_opt(
            "SELECT hash FROM chiso_ledger WHERE sequence = $1",
            &[&sequence_in(last.sequence)?],
        )
        .map_err(fail)?;
    gone_or_changed(last, row.map(|row| row.get(0)))
}

fn anchor(client: &mut impl GenericClient, lock: bool) -> Result<Anchor, StoreError> {
    let query = if lock {
        "SELECT sequence, hash FROM chiso_anchor WHERE id = 1 FOR UPDATE"
    } else {
        "SELECT sequence, hash FROM chiso_anchor WHERE id = 1"
    };
    let row = client.query_opt(query, &[]).map_err(fail)?;
    Ok(row.map_or_else(
        || Anchor {
            sequence: 0,
            hash: GENESIS.to_owned(),
        },
        |row| Anchor {
            sequence: u64::try_from(row.get::<_, i64>(0)).unwrap_or(0),
            hash: row.get(1),
        },
    ))
}

fn sequence_in(sequence: u64) -> Result<i64, StoreError> {
    i64::try_from(sequence).map_err(|e| StoreError::database("postgres", &e))
}

#[allow(clippy::needless_pass_by_value)] // passed to map_err as a function
fn fail(error: postgres::Error) -> StoreError {
    StoreError::database("postgres", &error)
}
