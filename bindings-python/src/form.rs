//! The reporting form's field check in Python: the same reading of `12,5` or `1.234,5` as the
//! web form's.

use chiso::Catalogue;
use pyo3::prelude::*;

use crate::catalogue::PyCatalogue;
use crate::error::guard;

/// Reads `text`, typed into the field of `item`, as the item's kind of value, and says what is
/// wrong with it: the check as JSON. Names and types come from `catalogue` (NQ57 by default).
#[pyfunction]
#[pyo3(signature = (item, text, catalogue=None))]
fn check_field(item: &str, text: &str, catalogue: Option<&PyCatalogue>) -> PyResult<String> {
    guard(|| {
        let check = match catalogue {
            Some(c) => chiso::form::check_field(c.inner(), item, text)?,
            None => chiso::form::check_field(&Catalogue::nq57(), item, text)?,
        };
        Ok(chiso::to_json(&check))
    })
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(check_field, m)?)?;
    Ok(())
}
