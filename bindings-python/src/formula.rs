//! Formulas and periods in Python: each call converts arguments, calls the core, and hands
//! back the core's JSON.

use chiso::formula;
use chiso::period::{self, ReportingCalendar};
use chiso::{Catalogue, Lang};
use pyo3::prelude::*;

use crate::catalogue::PyCatalogue;
use crate::error::guard;

/// Checks, describes and evaluates `expression` on `values_json` (a JSON object of values).
/// With a catalogue, names and types come from it; without, from the values themselves.
#[pyfunction]
#[pyo3(signature = (expression, values_json, catalogue=None))]
fn run_formula(
    expression: &str,
    values_json: &str,
    catalogue: Option<&PyCatalogue>,
) -> PyResult<String> {
    guard(|| {
        let values = formula::values_from_json(values_json)?;
        Ok(chiso::to_json(&match catalogue {
            Some(c) => formula::run(expression, c.inner(), &values),
            None => formula::run(expression, &values, &values),
        }))
    })
}

/// `x` (`None`, a bool, an int, a `Decimal` or text) as the core's value JSON, read by the
/// core's one cell rule, as a `DataFrame`'s cell is.
/// A refusal names the value by `path` (`/x` for the value named `x`).
#[pyfunction]
#[pyo3(signature = (x, path=""))]
fn value_json(x: &Bound<'_, PyAny>, path: &str) -> PyResult<String> {
    let value = crate::observations::cell_value(x);
    guard(|| {
        value
            .map(|v| chiso::to_json(&v))
            .map_err(|problem| chiso::Error::InvalidInput {
                what: chiso::InputKind::Values,
                findings: vec![chiso::Finding::new(&problem, path)],
            })
    })
}

/// Checks `expression` against a catalogue (the embedded NQ57 one by default): the report JSON.
#[pyfunction]
#[pyo3(signature = (expression, catalogue=None))]
fn check_formula(expression: &str, catalogue: Option<&PyCatalogue>) -> PyResult<String> {
    guard(|| {
        let report = match catalogue {
            Some(c) => formula::check(expression, c.inner()),
            None => formula::check(expression, &Catalogue::nq57()),
        };
        Ok(report.to_json())
    })
}

/// `expression` in words (`lang` `"vi"` or `"en"`, the core's default when None), names from
/// the catalogue (NQ57 by default).
#[pyfunction]
#[pyo3(signature = (expression, lang=None, catalogue=None))]
fn describe_formula(
    expression: &str,
    lang: Option<&str>,
    catalogue: Option<&PyCatalogue>,
) -> PyResult<String> {
    guard(|| {
        let lang: Lang = lang.map(str::parse).transpose()?.unwrap_or_default();
        match catalogue {
            Some(c) => formula::describe(expression, c.inner(), lang),
            None => formula::describe(expression, &Catalogue::nq57(), lang),
        }
    })
}

/// The period written `text` in canonical form (`2026Q2` → `2026-Q2`).
#[pyfunction]
fn parse_period(text: &str) -> PyResult<String> {
    guard(|| Ok(text.parse::<period::Period>()?.to_string()))
}

/// Everything about a period under a reporting calendar (JSON; the default calendar when
/// `calendar_json` is None): dates, months, parents, neighbours and deadline.
#[pyfunction]
#[pyo3(signature = (text, calendar_json=None))]
fn describe_period(text: &str, calendar_json: Option<&str>) -> PyResult<String> {
    guard(|| {
        let calendar = calendar_json
            .map(ReportingCalendar::from_json)
            .transpose()?
            .unwrap_or_default();
        Ok(chiso::to_json(&period::describe(text, &calendar)?))
    })
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(run_formula, m)?)?;
    m.add_function(wrap_pyfunction!(value_json, m)?)?;
    m.add_function(wrap_pyfunction!(check_formula, m)?)?;
    m.add_function(wrap_pyfunction!(describe_formula, m)?)?;
    m.add_function(wrap_pyfunction!(parse_period, m)?)?;
    m.add_function(wrap_pyfunction!(describe_period, m)?)?;
    Ok(())
}
