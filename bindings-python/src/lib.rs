//! `chiso._chiso`: the native module behind the `chiso` Python package.
//!
//! It converts types and maps errors, nothing more: every rule lives in the core crate. Values
//! cross as the core's own JSON, which the pure-Python package turns into Python objects.

mod catalogue;
mod error;
mod evaluation;
mod form;
mod formula;
mod observations;
mod reporting;
mod store;
mod vocabulary;

use pyo3::prelude::*;

/// mimalloc for the module's own allocations (Python's objects keep Python's allocator): the
/// evaluation allocates millions of small values across threads.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The native module.
#[pymodule]
fn _chiso(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    error::register(m)?;
    catalogue::register(m)?;
    formula::register(m)?;
    form::register(m)?;
    evaluation::register(m)?;
    reporting::register(m)?;
    store::register(m)?;
    vocabulary::register(m)?;
    Ok(())
}
