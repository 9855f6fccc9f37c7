//! Scoring, composites, ranking, progress and the evaluation report in Python. Requests and
//! results cross as the core's JSON (see `chiso::evaluation::score_json` and its siblings).

use chiso::evaluation::{self, Evaluation};
use chiso::report::{EvaluationReport, ExportFormat, Narrative, export, profile_svg, ranking_svg};
use chiso::{Lang, to_json};
use pyo3::prelude::*;

use crate::catalogue::PyCatalogue;
use crate::error::guard;

/// An evaluation held natively (what `Reporting.evaluate` returns).
#[pyclass(module = "chiso._chiso", name = "Evaluation", frozen)]
pub struct PyEvaluation(pub Evaluation);

#[pymethods]
impl PyEvaluation {
    /// Reads an evaluation back from its JSON.
    #[staticmethod]
    fn from_json(text: &str) -> PyResult<Self> {
        guard(|| Evaluation::from_json(text).map(Self))
    }

    /// The evaluation as JSON, with lineage (the same bytes in every binding).
    fn to_json(&self) -> PyResult<String> {
        guard(|| Ok(self.0.to_json()))
    }

    /// The period evaluated.
    #[getter]
    fn period(&self) -> String {
        self.0.period.to_string()
    }

    /// The peer groups ranked, in the chart's order.
    fn peer_groups(&self) -> Vec<String> {
        self.0
            .rankings
            .iter()
            .map(|g| g.peer_group.clone())
            .collect()
    }

    /// The report (summary and national narrative): JSON.
    fn report_json(&self, catalogue: &PyCatalogue) -> PyResult<String> {
        guard(|| Ok(to_json(&EvaluationReport::new(&self.0, catalogue.inner()))))
    }

    /// The narrative, national or of one unit, as Markdown in `lang`.
    #[pyo3(signature = (catalogue, lang, unit=None))]
    fn narrative(
        &self,
        catalogue: &PyCatalogue,
        lang: &str,
        unit: Option<&str>,
    ) -> PyResult<String> {
        guard(|| Ok(Narrative::new(&self.0, catalogue.inner(), unit)?.render(lang.parse()?)))
    }

    /// The ranking tables as `csv`, `sdmx_csv`, `json` or `html` (in `lang`).
    fn export(&self, format: &str, lang: &str) -> PyResult<String> {
        guard(|| Ok(export(&self.0, format.parse()?, lang.parse()?)))
    }

    /// The ranking table every renderer writes, as JSON: its columns (key, whether numeric,
    /// heading) and every peer group's rows, names and bands in `lang`.
    fn ranking_table_json(&self, lang: &str) -> PyResult<String> {
        guard(|| Ok(chiso::report::ranking_table_json(&self.0, lang.parse()?)))
    }

    /// A peer group's ranking as an SVG bar chart.
    fn ranking_svg(&self, peer_group: &str, lang: &str) -> PyResult<String> {
        guard(|| ranking_svg(&self.0, peer_group, lang.parse()?))
    }

    /// One unit's profile (total, layers, pillars against the peer median) as SVG.
    fn profile_svg(&self, unit: &str, lang: &str) -> PyResult<String> {
        guard(|| profile_svg(&self.0, unit, lang.parse()?))
    }

    fn __len__(&self) -> usize {
        self.0.units.len()
    }
}

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

/// The ranking tables as `csv`, `sdmx_csv`, `json` or `html` (in `lang`, the core's default
/// when None).
#[pyfunction]
#[pyo3(signature = (evaluation_json, format, lang=None))]
fn export_ranking(evaluation_json: &str, format: &str, lang: Option<&str>) -> PyResult<String> {
    guard(|| {
        let e = Evaluation::from_json(evaluation_json)?;
        let format: ExportFormat = format.parse()?;
        let lang = lang.map(str::parse).transpose()?.unwrap_or_default();
        Ok(export(&e, format, lang))
    })
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyEvaluation>()?;
    m.add_function(wrap_pyfunction!(score_json, m)?)?;
    m.add_function(wrap_pyfunction!(combine_json, m)?)?;
    m.add_function(wrap_pyfunction!(rank_json, m)?)?;
    m.add_function(wrap_pyfunction!(progress_json, m)?)?;
    m.add_function(wrap_pyfunction!(report_json, m)?)?;
    m.add_function(wrap_pyfunction!(narrative, m)?)?;
    m.add_function(wrap_pyfunction!(export_ranking, m)?)?;
    Ok(())
}
