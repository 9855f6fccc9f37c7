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

/// The core's defaults (what a call takes when an option is left out), as JSON.
#[pyfunction]
fn defaults_json() -> PyResult<String> {
    guard(|| Ok(chiso::to_json(&chiso::vocabulary::defaults())))
}

/// How `lang` writes numbers and empty cells for people (the core's `Style`), as JSON.
#[pyfunction]
fn style_json(lang: &str) -> PyResult<String> {
    guard(|| {
        let lang: chiso::Lang = lang.parse()?;
        Ok(chiso::to_json(&chiso::Style::of(lang)))
    })
}

/// The decimal written `text` as the core's style writes it for people in `lang`, its places
/// kept: `0.9600` is `0,9600` in Vietnamese (`Style::decimal_text`).
#[pyfunction]
fn write_decimal(text: &str, lang: &str) -> PyResult<String> {
    guard(|| Ok(chiso::Style::of(lang.parse()?).decimal_text(text)))
}

/// A date (`YYYY-MM-DD`) or a moment (`YYYY-MM-DDTHH:MM:SS`) as the core's style writes it.
#[pyfunction]
fn write_date(iso: &str, lang: &str) -> PyResult<String> {
    guard(|| {
        let style = chiso::Style::of(lang.parse()?);
        style
            .iso_date(iso)
            .ok_or_else(|| chiso::Error::InvalidArgument {
                name: "date",
                value: iso.chars().take(80).collect(),
                expected: "a date YYYY-MM-DD or a time YYYY-MM-DDTHH:MM:SS".to_owned(),
            })
    })
}

/// A yes/no as the core's style says it in `lang`.
#[pyfunction]
fn write_yes_no(value: bool, lang: &str) -> PyResult<String> {
    guard(|| Ok(chiso::Style::of(lang.parse()?).yes_no(value).to_owned()))
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(vocabulary_json, m)?)?;
    m.add_function(wrap_pyfunction!(vocabulary_label, m)?)?;
    m.add_function(wrap_pyfunction!(style_json, m)?)?;
    m.add_function(wrap_pyfunction!(defaults_json, m)?)?;
    m.add_function(wrap_pyfunction!(write_decimal, m)?)?;
    m.add_function(wrap_pyfunction!(write_date, m)?)?;
    m.add_function(wrap_pyfunction!(write_yes_no, m)?)?;
    Ok(())
}
