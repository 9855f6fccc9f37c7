//! Scoring, composites, ranking, progress and the evaluation report in Python. Requests and
//! results cross as the core's JSON (see `chiso::evaluation::score_json` and its siblings).

use chiso::evaluation::{self, Evaluation};
use chiso::report::{EvaluationReport, ExportFormat, Narrative, export};
use chiso::{Lang, to_json};
use pyo3::prelude::*;

use crate::catalogue::PyCatalogue;
use crate::error::guard;

/// The fraction a value earns: `{"fraction": …}`.
#[pyfunction]
fn score_json(catalogue: &PyCatalogue, request_json: &str) -> PyResult<String> {
    guard(|| evaluation::score_json(catalogue.inner(), request_json))
}

/// A composite of parts: `{"fraction": …}`.
#[pyfunction]
fn combine_json(request_json: &str) -> PyResult<String> {
    guard(|| evaluation::combine_json(request_json))
}

/// Units ranked: a list of `{"unit", "score", "rank"}`.
#[pyfunction]
fn rank_json(request_json: &str) -> PyResult<String> {
    guard(|| evaluation::rank_json(request_json))
}

/// Progress towards a target: `{"status", "ratio"}`.
#[pyfunction]
fn progress_json(request_json: &str) -> PyResult<String> {
    guard(|| evaluation::progress_json(request_json))
}

/// The report (summary and national narrative) of an evaluation: JSON.
#[pyfunction]
fn report_json(evaluation_json: &str, catalogue: &PyCatalogue) -> PyResult<String> {
    guard(|| {
        let e = Evaluation::from_json(evaluation_json)?;
        Ok(to_json(&EvaluationReport::new(&e, catalogue.inner())))
    })
}

/// The narrative, national or of one unit (its sub-units merged in), as Markdown in `lang`.
#[pyfunction]
#[pyo3(signature = (evaluation_json, catalogue, lang, unit=None))]
fn narrative(
    evaluation_json: &str,
    catalogue: &PyCatalogue,
    lang: &str,
    unit: Option<&str>,
) -> PyResult<String> {
    guard(|| {
        let e = Evaluation::from_json(evaluation_json)?;
        let lang: Lang = lang.parse()?;
        let narrative = Narrative::new(&e, catalogue.inner(), unit)?;
        Ok(narrative.render(lang))
    })
}

/// The ranking tables as `csv`, `sdmx_csv`, `json` or `html` (in `lang`).
#[pyfunction]
#[pyo3(signature = (evaluation_json, format, lang="vi"))]
fn export_ranking(evaluation_json: &str, format: &str, lang: &str) -> PyResult<String> {
    guard(|| {
        let e = Evaluation::from_json(evaluation_json)?;
        let format: ExportFormat = format.parse()?;
        Ok(export(&e, format, lang.parse()?))
    })
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(score_json, m)?)?;
    m.add_function(wrap_pyfunction!(combine_json, m)?)?;
    m.add_function(wrap_pyfunction!(rank_json, m)?)?;
    m.add_function(wrap_pyfunction!(progress_json, m)?)?;
    m.add_function(wrap_pyfunction!(report_json, m)?)?;
    m.add_function(wrap_pyfunction!(narrative, m)?)?;
    m.add_function(wrap_pyfunction!(export_ranking, m)?)?;
    Ok(())
}
