//! Durable ledgers in Python: `chiso._chiso.Store`, over the `chiso-store` crate (a JSON Lines
//! file, SQLite or PostgreSQL), so a notebook or a Python portal appends as the CLI does:
//! locked, synced, anchored and stamped by the store's clock.

use chiso::ledger::Action;
use chiso_store::{Location, Store};
use std::sync::{Mutex, MutexGuard};

use pyo3::prelude::*;

use crate::error::{guard, store_error};
use crate::reporting::{PyLedger, PyReporting};

/// A ledger kept durably. Python threads may share it: each call holds the store in turn.
#[pyclass(module = "chiso._chiso", name = "Store")]
pub struct PyStore(Mutex<Box<dyn Store>>);

impl PyStore {
    /// The store, for one call. A panic inside an earlier call cannot have left it half
    /// written (every write is a whole entry or none), so a poisoned lock is taken over.
    fn store(&self) -> MutexGuard<'_, Box<dyn Store>> {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

#[pymethods]
impl PyStore {
    /// Opens the ledger at `location` (a .jsonl path, `sqlite:FILE`, `postgres://…`), read
    /// whole and verified against its anchor; created when absent and `create`.
    #[new]
    #[pyo3(signature = (location, create = true))]
    fn new(py: Python<'_>, location: &str, create: bool) -> PyResult<Self> {
        let location: Location = location.parse().map_err(|e| store_error(&e))?;
        // Reading and verifying a large ledger takes a while: other Python threads run meanwhile.
        py.detach(|| chiso_store::open(&location, create))
            .map(|store| PyStore(Mutex::new(store)))
            .map_err(|e| store_error(&e))
    }

    /// Appends an action (JSON) under the ledger's own checks; returns the entry as JSON.
    fn append_json(&self, action_json: &str) -> PyResult<String> {
        let action = guard(|| Action::from_json(action_json))?;
        let entry = self.store().append(action).map_err(|e| store_error(&e))?;
        Ok(chiso::to_json(&entry))
    }

    /// Appends an action for `actor` under `reporting`'s rules; returns the entry as JSON.
    fn append_as_json(
        &self,
        reporting: &PyReporting,
        actor: &str,
        action_json: &str,
    ) -> PyResult<String> {
        let action = guard(|| Action::from_json(action_json))?;
        let reporting = reporting.core();
        let entry = self
            .store()
            .append_with(&mut |ledger, now| {
                reporting.prepare(ledger, actor, action.clone(), Some(now))
            })
            .map_err(|e| store_error(&e))?;
        Ok(chiso::to_json(&entry))
    }

    /// The ledger as it stands (what other writers appended read in), verified: a copy.
    fn ledger(&self) -> PyResult<PyLedger> {
        let mut store = self.store();
        let ledger = store.ledger().map_err(|e| store_error(&e))?;
        Ok(PyLedger::from(ledger.clone()))
    }

    /// The last acknowledged head as JSON (`{"sequence", "hash"}`), or None.
    fn anchor_json(&self) -> PyResult<Option<String>> {
        let anchor = self.store().anchor().map_err(|e| store_error(&e))?;
        Ok(anchor.map(|a| chiso::to_json(&a)))
    }

    /// `file`, `sqlite` or `postgres`.
    #[getter]
    fn backend(&self) -> &'static str {
        self.store().backend()
    }
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyStore>()
}
