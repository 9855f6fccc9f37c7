//! The SVG charts of an evaluation, drawn by the core so the browser shows the published
//! numbers: a peer group's ranking, and one unit's profile against its peers.

use chiso::evaluation::Evaluation;
use chiso::{Error, Lang, report};
use wasm_bindgen::prelude::*;

use crate::error::to_js_error;

fn read(evaluation_json: &str, lang: &str) -> Result<(Evaluation, Lang), JsValue> {
    let evaluation = Evaluation::from_json(evaluation_json).map_err(|e| to_js_error(&e))?;
    let lang = lang.parse().map_err(|e: Error| to_js_error(&e))?;
    Ok((evaluation, lang))
}

/// The ranking of `peerGroup` as an SVG bar chart, labels in `lang` (`"vi"` or `"en"`).
#[wasm_bindgen(js_name = rankingSvg)]
pub fn ranking_svg(
    #[wasm_bindgen(js_name = evaluationJson)] evaluation_json: &str,
    #[wasm_bindgen(js_name = peerGroup)] peer_group: &str,
    #[wasm_bindgen(unchecked_param_type = "Lang")] lang: &str,
) -> Result<String, JsValue> {
    let (evaluation, lang) = read(evaluation_json, lang)?;
    report::ranking_svg(&evaluation, peer_group, lang).map_err(|e| to_js_error(&e))
}

/// `unit`'s profile (each layer and pillar against its peer group's median) as SVG.
#[wasm_bindgen(js_name = profileSvg)]
pub fn profile_svg(
    #[wasm_bindgen(js_name = evaluationJson)] evaluation_json: &str,
    unit: &str,
    #[wasm_bindgen(unchecked_param_type = "Lang")] lang: &str,
) -> Result<String, JsValue> {
    let (evaluation, lang) = read(evaluation_json, lang)?;
    report::profile_svg(&evaluation, unit, lang).map_err(|e| to_js_error(&e))
}
