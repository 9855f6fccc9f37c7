//! Durable stores for the chiso ledger ("sổ cái"): where the record every published rank rests
//! on is kept, so that no acknowledged entry is ever lost and none is forged.
//!
//! One interface, [`Store`], and three backends that keep the very same entries and hash chain
//! as the core's [`Ledger`]:
//!
//! | backend | for | how an append is made durable and serialised |
//! |---|---|---|
//! | [`FileStore`] | the CLI, a small office | one `O_APPEND` write per entry, `fsync`, an exclusive lock from reading the head to the end of the write, a sidecar anchor |
//! | [`SqliteStore`] | a portal on one machine | WAL, `synchronous = FULL`, `BEGIN IMMEDIATE`; sequence, hash and link unique |
//! | [`PostgresStore`] | a provincial or national portal | one transaction holding the anchor row's lock; sequence, hash and link unique |
//!
//! Every store stamps each entry with its own clock ([`Clock`]): the entry's `recorded_at`
//! (format 2, see [`chiso::ledger::Entry`]), never decreasing along the chain. A client's
//! `submitted_at` or a decision's `at` stays a claim, checked against that clock.
//!
//! Every store keeps an *anchor*, the last acknowledged head (sequence and hash), written
//! after the entry is durable: a store whose entries stop before its anchor was emptied or
//! cut, and reading it is an error, never "intact". Opening a store reads and verifies the
//! whole chain against the anchor; afterwards [`Store::ledger`] and [`Store::append`] read only
//! what other writers appended since, so an append costs the same at ten thousand entries as
//! at a million.
//!
//! ```
//! use chiso::ledger::Action;
//! use chiso_store::{FileStore, Store};
//! let dir = std::env::temp_dir().join(format!("chiso-store-doc-{}", std::process::id()));
//! std::fs::create_dir_all(&dir)?;
//! let path = dir.join("ledger.jsonl");
//! # let _ = std::fs::remove_file(&path); let _ = std::fs::remove_file(dir.join("ledger.jsonl.anchor"));
//! let clock = || "2026-07-02T08:30:00".parse().unwrap();
//! let mut store = FileStore::create(&path)?.with_clock(clock);
//! let submission = serde_json::from_str(r#"{"unit": "DN", "item": "B01", "period": "2026-06",
//!     "value": {"number": "87.5"}, "source": {"kind": "form"},
//!     "submitted_by": "dn_dau_moi", "submitted_at": "2026-07-01T09:00:00"}"#)?;
//! let entry = store.append(Action::Submit { submission })?;
//! assert_eq!(entry.recorded_at, Some("2026-07-02T08:30:00".parse()?));
//! // Another process opening the file reads the same verified chain.
//! let mut again = FileStore::open(&path)?;
//! assert_eq!(again.anchor()?.map(|a| a.hash), Some(entry.hash));
//! # std::fs::remove_dir_all(&dir)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod anchor;
mod clock;
mod error;
mod file;
mod location;
mod postgres;
mod sqlite;
#[doc(hidden)]
pub mod testing;

pub use anchor::Anchor;
pub use clock::{Clock, SystemClock, now_in_vietnam};
pub use error::StoreError;
pub use file::{FileStore, Repair};
pub use location::{Location, open};
pub use postgres::PostgresStore;
pub use sqlite::SqliteStore;

use chiso::ledger::{Action, Entry, Ledger};
use chrono::NaiveDateTime;

/// A durable ledger: read verified, appended to under a lock, stamped by its own clock.
pub trait Store: Send {
    /// The ledger as the store holds it now: what other writers appended since the last call
    /// is read, chained on and held to the anchor.
    fn ledger(&mut self) -> Result<&Ledger, StoreError>;

    /// Appends the entry `prepare` makes of the ledger as it stands under the store's lock, at
    /// the store's clock's time, and returns it once it is durable: an acknowledged entry.
    /// `prepare` is where the rules are applied ([`Ledger::prepare`],
    /// [`Rules::prepare`](chiso::ledger::Rules::prepare)); a refusal leaves the store unchanged.
    fn append_with(
        &mut self,
        prepare: &mut dyn FnMut(&Ledger, NaiveDateTime) -> Result<Entry, chiso::Error>,
    ) -> Result<Entry, StoreError>;

    /// Appends `action` under the ledger's own checks (no organisation rules), stamped by the
    /// store's clock.
    fn append(&mut self, action: Action) -> Result<Entry, StoreError> {
        self.append_with(&mut |ledger, now| ledger.prepare(action.clone(), Some(now)))
    }

    /// The last acknowledged head, if anything was ever appended through a store.
    fn anchor(&mut self) -> Result<Option<Anchor>, StoreError>;

    /// Which backend this is (`file`, `sqlite`, `postgres`).
    fn backend(&self) -> &'static str;
}

/// The ledger of `entries`, read from a store, once its chain holds and it reaches `anchor`.
pub(crate) fn verified(entries: Vec<Entry>, anchor: Option<&Anchor>) -> Result<Ledger, StoreError> {
    let ledger = Ledger::from_entries(entries);
    let report = ledger.verify(None);
    if !report.valid {
        return Err(StoreError::Broken(report));
    }
    if let Some(anchor) = anchor {
        anchor.check(&ledger)?;
    }
    Ok(ledger)
}

/// Chains `entries` that other writers appended onto `ledger`, each checked as the next one.
pub(crate) fn catch_up(
    ledger: &mut Ledger,
    entries: impl IntoIterator<Item = Entry>,
) -> Result<(), StoreError> {
    for entry in entries {
        ledger.accept(entry).map_err(StoreError::Ledger)?;
    }
    Ok(())
}
