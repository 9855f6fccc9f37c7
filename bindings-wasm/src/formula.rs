//! Formulas and periods in JavaScript: free functions for values-only formulas and periods;
//! formulas against a catalogue are methods of `Catalogue`.

use chiso::formula;
use chiso::period::{self, ReportingCalendar};
use chiso::{Catalogue as CoreCatalogue, Lang};
use wasm_bindgen::prelude::*;

use crate::catalogue::{Catalogue, to_js};
use crate::error::to_js_error;

/// Checks, describes and evaluates `expression` on values (a JSON object of the core's value
/// shape), whose names and types are the formula's. Returns the run as JSON text.
#[wasm_bindgen(js_name = runFormulaJson)]
pub fn run_formula_json(expression: &str, values_json: &str) -> Result<String, JsValue> {
    let values = formula::values_from_json(values_json).map_err(|e| to_js_error(&e))?;
    Ok(chiso::to_json(&formula::run(expression, &values, &values)))
}

/// The period in canonical form (`2026Q2` → `2026-Q2`).
#[wasm_bindgen(js_name = parsePeriod)]
pub fn parse_period(text: &str) -> Result<String, JsValue> {
    text.parse::<period::Period>()
        .map(|p| p.to_string())
        .map_err(|e| to_js_error(&e))
}

/// Dates, months, parents, neighbours and deadline of a period under a reporting calendar
/// (JSON text; the default calendar when absent), as JSON text.
#[wasm_bindgen(js_name = describePeriodJson)]
#[allow(clippy::needless_pass_by_value)] // wasm-bindgen passes optional strings owned
pub fn describe_period_json(text: &str, calendar_json: Option<String>) -> Result<String, JsValue> {
    let calendar = calendar_json
        .as_deref()
        .map(ReportingCalendar::from_json)
        .transpose()
        .map_err(|e| to_js_error(&e))?
        .unwrap_or_default();
    period::describe(text, &calendar)
        .map(|info| chiso::to_json(&info))
        .map_err(|e| to_js_error(&e))
}

#[wasm_bindgen]
impl Catalogue {
    /// Checks `expression` against this catalogue's names and types: the report.
    #[wasm_bindgen(js_name = checkFormula)]
    pub fn check_formula(&self, expression: &str) -> JsValue {
        to_js(&formula::check(expression, self.inner()))
    }

    /// `expression` in words (`lang` `"vi"` or `"en"`), with this catalogue's names.
    #[wasm_bindgen(js_name = describeFormula)]
    pub fn describe_formula(&self, expression: &str, lang: &str) -> Result<String, JsValue> {
        let lang: Lang = lang.parse().map_err(|e| to_js_error(&e))?;
        formula::describe(expression, self.inner(), lang).map_err(|e| to_js_error(&e))
    }

    /// Checks, describes and evaluates `expression` against this catalogue on values (JSON).
    #[wasm_bindgen(js_name = runFormulaJson)]
    pub fn run_formula_json(&self, expression: &str, values_json: &str) -> Result<String, JsValue> {
        let values = formula::values_from_json(values_json).map_err(|e| to_js_error(&e))?;
        let catalogue: &CoreCatalogue = self.inner();
        Ok(chiso::to_json(&formula::run(
            expression, catalogue, &values,
        )))
    }
}
