//! Scoring, composites, ranking, progress and the evaluation report in JavaScript. Requests
//! and results cross as the core's JSON, so the bytes equal the Rust and Python ones.

use chiso::evaluation::{self, Evaluation};
use chiso::report::{EvaluationReport, ExportFormat, Narrative, export};
use chiso::{Error, Lang, to_json};
use wasm_bindgen::prelude::*;

use crate::catalogue::Catalogue;
use crate::error::to_js_error;

fn js(error: &Error) -> JsValue {
    to_js_error(error)
}

/// The fraction a value earns: `{"fraction": …}` from `{"indicator", "value", "year",
/// "rule"?, "peers"?}`.
#[wasm_bindgen(js_name = scoreJson)]
pub fn score_json(
    catalogue: &Catalogue,
    #[wasm_bindgen(js_name = requestJson)] request_json: &str,
) -> Result<String, JsValue> {
    evaluation::score_json(catalogue.inner(), request_json).map_err(|e| js(&e))
}

/// A composite: `{"fraction": …}` from `{"method", "missing", "parts", "round_to"?}`.
#[wasm_bindgen(js_name = combineJson)]
pub fn combine_json(
    #[wasm_bindgen(js_name = requestJson)] request_json: &str,
) -> Result<String, JsValue> {
    evaluation::combine_json(request_json).map_err(|e| js(&e))
}

/// Units ranked: `[{"unit", "score", "rank"}]` from `{"scores", "rule"?}`.
#[wasm_bindgen(js_name = rankJson)]
pub fn rank_json(
    #[wasm_bindgen(js_name = requestJson)] request_json: &str,
) -> Result<String, JsValue> {
    evaluation::rank_json(request_json).map_err(|e| js(&e))
}

/// Progress towards a target: `{"status", "ratio"}` from `{"target", "baseline", "latest"}`.
#[wasm_bindgen(js_name = progressJson)]
pub fn progress_json(
    #[wasm_bindgen(js_name = requestJson)] request_json: &str,
) -> Result<String, JsValue> {
    evaluation::progress_json(request_json).map_err(|e| js(&e))
}

/// The report (summary and national narrative) of an evaluation: JSON.
#[wasm_bindgen(js_name = reportJson)]
pub fn report_json(
    #[wasm_bindgen(js_name = evaluationJson)] evaluation_json: &str,
    catalogue: &Catalogue,
) -> Result<String, JsValue> {
    let e = Evaluation::from_json(evaluation_json).map_err(|e| js(&e))?;
    Ok(to_json(&EvaluationReport::new(&e, catalogue.inner())))
}

/// The narrative as Markdown in `lang`: national, or of `unit` with its sub-units merged in.
#[wasm_bindgen]
#[allow(clippy::needless_pass_by_value)] // wasm-bindgen hands optional strings over owned
pub fn narrative(
    #[wasm_bindgen(js_name = evaluationJson)] evaluation_json: &str,
    catalogue: &Catalogue,
    #[wasm_bindgen(unchecked_param_type = "Lang")] lang: &str,
    unit: Option<String>,
) -> Result<String, JsValue> {
    let e = Evaluation::from_json(evaluation_json).map_err(|e| js(&e))?;
    let lang: Lang = lang.parse().map_err(|e| js(&e))?;
    let narrative = Narrative::new(&e, catalogue.inner(), unit.as_deref()).map_err(|e| js(&e))?;
    Ok(narrative.render(lang))
}

/// The ranking tables as `csv`, `sdmx_csv`, `json` or `html` (in `lang`).
#[wasm_bindgen(js_name = exportRanking)]
pub fn export_ranking(
    #[wasm_bindgen(js_name = evaluationJson)] evaluation_json: &str,
    #[wasm_bindgen(unchecked_param_type = "ExportFormat")] format: &str,
    #[wasm_bindgen(unchecked_param_type = "Lang")] lang: &str,
) -> Result<String, JsValue> {
    let e = Evaluation::from_json(evaluation_json).map_err(|e| js(&e))?;
    let format: ExportFormat = format.parse().map_err(|e| js(&e))?;
    let lang: Lang = lang.parse().map_err(|e| js(&e))?;
    Ok(export(&e, format, lang))
}
