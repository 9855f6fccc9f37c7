//! The one place core errors become Python exceptions.
//!
//! `ChisoError` subclasses `ValueError` (bad input is a value error); each category of core
//! error has its own subclass. The match below has no catch-all arm, so a new core error
//! cannot silently become a generic one. A panic inside the core is caught and raised as
//! `ChisoError` with code `internal.panic`, never as pyo3's `PanicException`.

use std::panic::{AssertUnwindSafe, catch_unwind};

use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

create_exception!(
    chiso,
    ChisoError,
    PyValueError,
    "Base class of every error chiso raises."
);
create_exception!(
    chiso,
    CatalogueError,
    ChisoError,
    "A catalogue is invalid, or has no such code."
);
create_exception!(
    chiso,
    ArgumentError,
    ChisoError,
    "An argument is not one of its allowed values."
);

create_exception!(
    chiso,
    PeriodError,
    ChisoError,
    "A text is not a reporting period."
);
create_exception!(
    chiso,
    FormulaError,
    ChisoError,
    "A formula did not pass the checker."
);

create_exception!(
    chiso,
    LedgerError,
    ChisoError,
    "A ledger entry was refused."
);

create_exception!(
    chiso,
    PolicyError,
    ChisoError,
    "The access policy refuses a request."
);

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("ChisoError", py.get_type::<ChisoError>())?;
    m.add("CatalogueError", py.get_type::<CatalogueError>())?;
    m.add("ArgumentError", py.get_type::<ArgumentError>())?;
    m.add("PeriodError", py.get_type::<PeriodError>())?;
    m.add("FormulaError", py.get_type::<FormulaError>())?;
    m.add("LedgerError", py.get_type::<LedgerError>())?;
    m.add("PolicyError", py.get_type::<PolicyError>())?;
    Ok(())
}

/// A core error as a Python exception carrying `code`, `path`, `message_vi`, `message_en` and
/// `findings` (a list of dicts, decoded from the core's JSON by Python's own `json`).
pub fn to_py(error: &chiso::Error) -> PyErr {
    let err = match error {
        chiso::Error::InvalidCatalogue { .. } | chiso::Error::UnknownCode { .. } => {
            CatalogueError::new_err(error.message_en())
        }
        chiso::Error::InvalidPeriod { .. } => PeriodError::new_err(error.message_en()),
        chiso::Error::InvalidFormula { .. } => FormulaError::new_err(error.message_en()),
        chiso::Error::InvalidEntry { .. } => LedgerError::new_err(error.message_en()),
        chiso::Error::Denied { .. } => PolicyError::new_err(error.message_en()),
        chiso::Error::InvalidInput { .. } | chiso::Error::InvalidArgument { .. } => {
            ArgumentError::new_err(error.message_en())
        }
    };
    Python::attach(|py| {
        let value = err.value(py);
        // Setting attributes on a fresh exception instance cannot fail short of memory exhaustion.
        let _ = value.setattr("code", error.code());
        let _ = value.setattr("path", error.path());
        let _ = value.setattr("message_vi", error.message_vi());
        let _ = value.setattr("message_en", error.message_en());
        let findings = chiso::to_json(&error.findings());
        let decoded = py
            .import("json")
            .and_then(|json| json.call_method1("loads", (findings,)));
        let _ = decoded.and_then(|list| value.setattr("findings", list));
    });
    err
}

/// Runs `f`, turning a core error into its exception and a panic into `ChisoError`.
pub fn guard<T>(f: impl FnOnce() -> Result<T, chiso::Error>) -> PyResult<T> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(result) => result.map_err(|e| to_py(&e)),
        Err(_) => Err(ChisoError::new_err(
            "internal error in chiso (a bug: please report it)",
        )),
    }
}
