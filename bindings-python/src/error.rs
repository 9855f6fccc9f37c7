//! The one place core errors become Python exceptions.
//!
//! `ChisoError` subclasses `ValueError` (bad input is a value error); each category of core
//! error has its own subclass. The match below has no catch-all arm, so a new core error
//! cannot silently become a generic one. A panic inside the core is caught and raised as
//! `InternalError` (a `ChisoError`) with code `internal.panic`, never as pyo3's `PanicException`.

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
    DataError,
    ChisoError,
    "Input data (JSON, a table of observations, a scheme) cannot be read."
);
create_exception!(
    chiso,
    InternalError,
    ChisoError,
    "A bug inside chiso (a caught panic): please report it."
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
    StoreError,
    ChisoError,
    "A durable ledger could not be read, verified or appended to (nothing was appended)."
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
    m.add("DataError", py.get_type::<DataError>())?;
    m.add("InternalError", py.get_type::<InternalError>())?;
    m.add_function(wrap_pyfunction!(_panic_for_tests, m)?)?;
    m.add("PeriodError", py.get_type::<PeriodError>())?;
    m.add("FormulaError", py.get_type::<FormulaError>())?;
    m.add("LedgerError", py.get_type::<LedgerError>())?;
    m.add("PolicyError", py.get_type::<PolicyError>())?;
    m.add("StoreError", py.get_type::<StoreError>())?;
    Ok(())
}

/// A core error as a Python exception carrying `code`, `path`, `message_vi`, `message_en` and
/// `findings` (a list of dicts, decoded from the core's JSON by Python's own `json`).
pub fn to_py(error: &chiso::Error) -> PyErr {
    let err = exception(error.category(), error.message_en());
    let findings = chiso::to_json(&error.findings());
    describe(
        err,
        error.code(),
        error.path(),
        &error.message_vi(),
        &error.message_en(),
        &findings,
    )
}

/// The exception of `category`: the core decides each error's category, the same one
/// JavaScript names its `Error` by. The match has no catch-all arm, so a new category cannot
/// silently become a generic exception.
fn exception(category: chiso::ErrorCategory, message: String) -> PyErr {
    use chiso::ErrorCategory as C;
    match category {
        C::Catalogue => CatalogueError::new_err(message),
        C::Period => PeriodError::new_err(message),
        C::Formula => FormulaError::new_err(message),
        C::Data => DataError::new_err(message),
        C::Ledger => LedgerError::new_err(message),
        C::Policy => PolicyError::new_err(message),
        C::Argument => ArgumentError::new_err(message),
        C::Store => StoreError::new_err(message),
        C::Internal => InternalError::new_err(message),
    }
}

/// A store's error as a Python exception: the ledger's own errors as the core's
/// (`LedgerError`, `PolicyError`, ...), the store's as `StoreError` with its code.
pub fn store_error(error: &chiso_store::StoreError) -> PyErr {
    if let chiso_store::StoreError::Ledger(error) = error {
        return to_py(error);
    }
    let err = match error {
        chiso_store::StoreError::Broken(_) => LedgerError::new_err(error.message_en()),
        _ => StoreError::new_err(error.message_en()),
    };
    describe(
        err,
        error.code(),
        None,
        &error.message_vi(),
        &error.message_en(),
        "[]",
    )
}

/// Sets the attributes every chiso exception carries.
fn describe(
    err: PyErr,
    code: &str,
    path: Option<&str>,
    message_vi: &str,
    message_en: &str,
    findings_json: &str,
) -> PyErr {
    Python::attach(|py| {
        let value = err.value(py);
        // Setting attributes on a fresh exception instance cannot fail short of memory exhaustion.
        let _ = value.setattr("code", code);
        let _ = value.setattr("path", path);
        let _ = value.setattr("message_vi", message_vi);
        let _ = value.setattr("message_en", message_en);
        let decoded = py
            .import("json")
            .and_then(|json| json.call_method1("loads", (findings_json,)));
        let _ = decoded.and_then(|list| value.setattr("findings", list));
    });
    err
}

/// The exception a caught panic becomes.
fn internal() -> PyErr {
    let en = "Internal error in chiso (a bug: please report it).";
    describe(
        InternalError::new_err(en),
        "internal.panic",
        None,
        "Lỗi nội bộ của chiso (lỗi phần mềm: xin báo lại).",
        en,
        "[]",
    )
}

/// Runs `f`, turning a core error into its exception and a panic into `InternalError`.
pub fn guard<T>(f: impl FnOnce() -> Result<T, chiso::Error>) -> PyResult<T> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(result) => result.map_err(|e| to_py(&e)),
        Err(_) => Err(internal()),
    }
}

/// [`guard`] with the GIL released, for long computations: other Python threads run meanwhile.
pub fn guard_detached<T: Send>(
    py: Python<'_>,
    f: impl FnOnce() -> Result<T, chiso::Error> + Send,
) -> PyResult<T> {
    match py.detach(|| catch_unwind(AssertUnwindSafe(f))) {
        Ok(result) => result.map_err(|e| to_py(&e)),
        Err(_) => Err(internal()),
    }
}

/// Raises a panic inside the guard: how the tests show a panic arrives as `InternalError`.
#[pyfunction]
pub fn _panic_for_tests() -> PyResult<()> {
    guard(|| -> Result<(), chiso::Error> { panic!("deliberate, for the tests") })
}
