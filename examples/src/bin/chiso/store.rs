//! Opening a ledger where it is kept (a JSON Lines file, `sqlite:FILE`, `postgres://…`),
//! verified against its anchor and, with `--head`, against a head published earlier.

use chiso::ledger::Ledger;
use chiso_store::{Location, Store, StoreError};

use crate::Failure;

/// The store at `location`, read whole and verified; created when `create` is set.
pub fn open(location: &str, create: bool) -> Result<Box<dyn Store>, Failure> {
    let location: Location = location.parse().map_err(|e| failure(&e))?;
    chiso_store::open(&location, create).map_err(|e| failure(&e))
}

/// `store`'s ledger, once it is known to pass through `head` (when one is given).
pub fn verified<'s>(store: &'s mut dyn Store, head: Option<&str>) -> Result<&'s Ledger, Failure> {
    let ledger = store.ledger().map_err(|e| failure(&e))?;
    if let Some(head) = head {
        check_head(ledger, head)?;
    }
    Ok(ledger)
}

/// Refuses a ledger that does not reach the published `head`.
pub fn check_head(ledger: &Ledger, head: &str) -> Result<(), Failure> {
    if ledger.verify(Some(head)).valid {
        Ok(())
    } else {
        Err(failure(&StoreError::HeadNotFound {
            head: head.to_owned(),
        }))
    }
}

/// A store's error for standard error, in both languages, with its code: exit status 3 when
/// a file could not be read or written, 2 otherwise.
pub fn failure(error: &StoreError) -> Failure {
    let status = if matches!(error, StoreError::Io { .. }) {
        3
    } else {
        2
    };
    Failure::Message(
        format!(
            "[{}] {}\n{}",
            error.code(),
            error.message_vi(),
            error.message_en()
        ),
        status,
    )
}
