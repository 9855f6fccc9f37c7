//! The core's vocabulary, for the package's `Literal`s and labels to be read from and tested
//! against, and its formatting style, for the package's tables to write numbers as the core
//! does.

use pyo3::prelude::*;

use crate::error::guard;

/// Every public enumeration's values, spellings and labels, as JSON.
#[pyfunction]
fn vocabulary_json() -> PyResult<String> {
    guard(|| Ok(chiso::vocabulary::vocabulary_json()))
}

/// The label of the value `code` of the enumeration `name`, in `lang`.
#[pyfunction]
fn vocabulary_label(name: &str, code: &str, lang: &str) -> PyResult<String> {
    guard(|| {
        let lang: chiso::Lang = lang.parse()?;
        Ok(chiso::vocabulary::label_of(name, code)?
            .get(lang)
            .to_owned())
    })
}

/// How `lang` writes numbers and empty cells for people (the core's `Style`), as JSON.
#[pyfunction]
fn style_json(lang: &str) -> PyResult<String> {
    guard(|| {
        let lang: chiso::Lang = lang.parse()?;
        Ok(chiso::to_json(&chiso::Style::of(lang)))
    })
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(vocabulary_json, m)?)?;
    m.add_function(wrap_pyfunction!(vocabulary_label, m)?)?;
    m.add_function(wrap_pyfunction!(style_json, m)?)?;
    Ok(())
}
