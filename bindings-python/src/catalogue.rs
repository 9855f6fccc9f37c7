//! The catalogue in Python: `chiso._chiso.Catalogue` and the module-level catalogue functions.

use chiso::catalogue::{self, Layer};
use pyo3::prelude::*;

use crate::error::guard;

/// An indicator catalogue (immutable). Build it with `Catalogue.nq57()` or
/// `Catalogue.from_json(text)`.
#[pyclass(module = "chiso._chiso", name = "Catalogue", frozen)]
pub struct PyCatalogue(chiso::Catalogue);

impl PyCatalogue {
    /// The core catalogue.
    pub fn inner(&self) -> &chiso::Catalogue {
        &self.0
    }
}

#[pymethods]
impl PyCatalogue {
    /// The embedded NQ57 catalogue.
    #[staticmethod]
    fn nq57() -> PyResult<Self> {
        guard(|| Ok(Self(chiso::Catalogue::nq57())))
    }

    /// Reads and validates a catalogue; raises `CatalogueError` listing every finding.
    #[staticmethod]
    fn from_json(text: &str) -> PyResult<Self> {
        guard(|| chiso::Catalogue::from_json(text).map(Self))
    }

    /// The catalogue as JSON.
    fn to_json(&self) -> PyResult<String> {
        guard(|| Ok(self.0.to_json()))
    }

    /// Every finding (errors and warnings) as the core's report JSON.
    fn validate_json(&self) -> PyResult<String> {
        guard(|| Ok(chiso::Report::new(self.0.validate()).to_json()))
    }

    /// The indicators, optionally of one layer (`"a"`, `"b"`, `"c"`), as a JSON array.
    #[pyo3(signature = (layer=None))]
    fn indicators_json(&self, layer: Option<&str>) -> PyResult<String> {
        guard(|| {
            let layer = layer.map(str::parse::<Layer>).transpose()?;
            let chosen: Vec<_> = self
                .0
                .indicators
                .iter()
                .filter(|i| layer.is_none_or(|l| i.layer == l))
                .collect();
            Ok(chiso::to_json(&chosen))
        })
    }

    /// One indicator as JSON; raises `CatalogueError` for an unknown code.
    fn indicator_json(&self, code: &str) -> PyResult<String> {
        guard(|| {
            let indicator = self
                .0
                .indicator(code)
                .ok_or_else(|| chiso::Error::UnknownCode {
                    code: code.to_owned(),
                })?;
            Ok(chiso::to_json(indicator))
        })
    }

    #[getter]
    fn id(&self) -> &str {
        &self.0.id
    }

    #[getter]
    fn version(&self) -> &str {
        &self.0.version
    }

    fn __len__(&self) -> usize {
        self.0.indicators.len()
    }

    fn __repr__(&self) -> String {
        format!(
            "<Catalogue {} {}: {} indicators>",
            self.0.id,
            self.0.version,
            self.0.indicators.len()
        )
    }
}

/// Checks catalogue JSON and returns the report JSON; never raises for bad input.
#[pyfunction]
fn check_catalogue(text: &str) -> PyResult<String> {
    guard(|| Ok(catalogue::check(text).to_json()))
}

/// The differences between two catalogues, as JSON.
#[pyfunction]
fn diff_catalogues(old: &PyCatalogue, new: &PyCatalogue) -> PyResult<String> {
    guard(|| Ok(catalogue::diff(&old.0, &new.0).to_json()))
}

/// The JSON Schema of the catalogue format.
#[pyfunction]
fn catalogue_schema() -> PyResult<String> {
    guard(|| Ok(chiso::Catalogue::json_schema()))
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyCatalogue>()?;
    m.add_function(wrap_pyfunction!(check_catalogue, m)?)?;
    m.add_function(wrap_pyfunction!(diff_catalogues, m)?)?;
    m.add_function(wrap_pyfunction!(catalogue_schema, m)?)?;
    Ok(())
}
