//! The anchor: the last head a store acknowledged, kept beside the entries and written after
//! them, so that entries cut from the end (a crash of a careless tool, an emptied file, a
//! partial restore) are an error on the next read rather than a shorter ledger that verifies.

use chiso::ledger::{GENESIS, Ledger};
use serde::{Deserialize, Serialize};

use crate::StoreError;

/// The last acknowledged entry: its sequence number and hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Anchor {
    /// The entry's sequence number (0 before the first).
    pub sequence: u64,
    /// Its hash ([`GENESIS`] before the first).
    pub hash: String,
}

impl Anchor {
    /// The anchor of `ledger`'s head.
    pub fn of(ledger: &Ledger) -> Anchor {
        Anchor {
            sequence: ledger.next_sequence() - 1,
            hash: ledger.head().to_owned(),
        }
    }

    /// Whether `ledger` reaches this anchor with the same entry: fewer entries is
    /// [`StoreError::Truncated`], another entry there [`StoreError::AnchorMismatch`].
    pub fn check(&self, ledger: &Ledger) -> Result<(), StoreError> {
        let entries = ledger.entries();
        if self.sequence == 0 {
            return if self.hash == GENESIS {
                Ok(())
            } else {
                Err(self.mismatch(GENESIS))
            };
        }
        let Some(entry) = ledger.entry_holding(self.sequence) else {
            return Err(StoreError::Truncated {
                entries: entries.len() as u64,
                anchored: self.sequence,
            });
        };
        if entry.hash == self.hash {
            Ok(())
        } else {
            Err(self.mismatch(&entry.hash))
        }
    }

    fn mismatch(&self, found: &str) -> StoreError {
        StoreError::AnchorMismatch {
            sequence: self.sequence,
            anchored: self.hash.clone(),
            found: found.to_owned(),
        }
    }
}
