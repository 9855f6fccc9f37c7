//! Formulas and periods in JavaScript: free functions for values-only formulas and periods;
//! formulas against a catalogue are methods of `Catalogue`.

use chiso::formula;
use chiso::period::{self, ReportingCalendar};
use chiso::{Catalogue as CoreCatalogue, Lang, Missing, Problem, Value};
use wasm_bindgen::prelude::*;

use crate::catalogue::{Catalogue, to_js};
use crate::error::to_js_error;

/// Checks, describes and evaluates `expression` on values (a JSON object of the core's value
/// shape), whose names and types are the formula's. Returns the run as JSON text.
#[wasm_bindgen(js_name = runFormulaJson)]
pub fn run_formula_json(
    expression: &str,
    #[wasm_bindgen(js_name = valuesJson)] values_json: &str,
) -> Result<String, JsValue> {
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
pub fn describe_period_json(
    text: &str,
    #[wasm_bindgen(js_name = calendarJson)] calendar_json: Option<String>,
) -> Result<String, JsValue> {
    period::describe(text, &calendar(calendar_json.as_deref())?)
        .map(|info| chiso::to_json(&info))
        .map_err(|e| to_js_error(&e))
}

fn calendar(calendar_json: Option<&str>) -> Result<ReportingCalendar, JsValue> {
    calendar_json
        .map(ReportingCalendar::from_json)
        .transpose()
        .map(Option::unwrap_or_default)
        .map_err(|e| to_js_error(&e))
}

/// The last day `period`'s report is on time (`YYYY-MM-DD`) under the calendar (JSON; the
/// default calendar when absent).
#[wasm_bindgen]
#[allow(clippy::needless_pass_by_value)] // wasm-bindgen passes optional strings owned
pub fn deadline(
    period: &str,
    #[wasm_bindgen(js_name = calendarJson)] calendar_json: Option<String>,
) -> Result<String, JsValue> {
    let period: period::Period = period.parse().map_err(|e| to_js_error(&e))?;
    calendar(calendar_json.as_deref())?
        .deadline(period)
        .map(|d| d.to_string())
        .map_err(|e| to_js_error(&e))
}

/// Whether `period`'s report, submitted at `submittedAt` (or not yet: `undefined`), is on time
/// as of `now`: `"on_time"`, `"late"`, `"missing"` or `"not_yet_due"`.
#[wasm_bindgen(unchecked_return_type = "Timeliness")]
#[allow(clippy::needless_pass_by_value)] // wasm-bindgen passes optional strings owned
pub fn timeliness(
    period: &str,
    #[wasm_bindgen(js_name = submittedAt)] submitted_at: Option<String>,
    now: &str,
    #[wasm_bindgen(js_name = calendarJson)] calendar_json: Option<String>,
) -> Result<JsValue, JsValue> {
    let period: period::Period = period.parse().map_err(|e| to_js_error(&e))?;
    let submitted_at = submitted_at
        .as_deref()
        .map(period::parse_time)
        .transpose()
        .map_err(|e| to_js_error(&e))?;
    let now = period::parse_time(now).map_err(|e| to_js_error(&e))?;
    calendar(calendar_json.as_deref())?
        .timeliness(period, submitted_at, now)
        .map(|t| to_js(&t))
        .map_err(|e| to_js_error(&e))
}

#[wasm_bindgen]
impl Catalogue {
    /// Checks `expression` against this catalogue's names and types: the report.
    #[wasm_bindgen(js_name = checkFormula, unchecked_return_type = "Report")]
    pub fn check_formula(&self, expression: &str) -> JsValue {
        to_js(&formula::check(expression, self.inner()))
    }

    /// `expression` in words (`lang` `"vi"` or `"en"`), with this catalogue's names.
    #[wasm_bindgen(js_name = describeFormula)]
    pub fn describe_formula(
        &self,
        expression: &str,
        #[wasm_bindgen(unchecked_param_type = "Lang")] lang: &str,
    ) -> Result<String, JsValue> {
        let lang: Lang = lang.parse().map_err(|e| to_js_error(&e))?;
        formula::describe(expression, self.inner(), lang).map_err(|e| to_js_error(&e))
    }

    /// Checks, describes and evaluates `expression` against this catalogue on values (JSON).
    #[wasm_bindgen(js_name = runFormulaJson)]
    pub fn run_formula_json(
        &self,
        expression: &str,
        #[wasm_bindgen(js_name = valuesJson)] values_json: &str,
    ) -> Result<String, JsValue> {
        let values = formula::values_from_json(values_json).map_err(|e| to_js_error(&e))?;
        let catalogue: &CoreCatalogue = self.inner();
        Ok(chiso::to_json(&formula::run(
            expression, catalogue, &values,
        )))
    }
}

/// A formula checked against a catalogue and compiled once, to evaluate on many rows: what a
/// form recomputing an indicator on every keystroke calls.
#[wasm_bindgen]
pub struct Formula(formula::Compiled);

#[wasm_bindgen]
impl Formula {
    /// Compiles `expression` against `catalogue`'s codes and types; throws a `FormulaError`
    /// listing every finding.
    pub fn compile(expression: &str, catalogue: &Catalogue) -> Result<Formula, JsValue> {
        formula::compile(expression, catalogue.inner())
            .map(Formula)
            .map_err(|e| to_js_error(&e))
    }

    /// The inputs, in the order [`evaluate`](Formula::evaluate) takes their values
    /// (`code`, `prev(code)`, `last_year(code)`).
    #[wasm_bindgen(getter)]
    pub fn inputs(&self) -> Vec<String> {
        self.0
            .inputs()
            .iter()
            .map(|i| formula::input_name(&i.code, i.shift))
            .collect()
    }

    /// Evaluates on one value per input: a decimal string (`"12.5"`), a boolean, or `null` /
    /// `undefined` for missing (never zero); any other string is a text value. The result is
    /// exact: `{"number": "0.3"}` for `0.1 + 0.2`. A JS number is refused with an
    /// `ArgumentError` (binary floats are not exact decimals: pass `"0.1"`, not `0.1`).
    #[wasm_bindgen(unchecked_return_type = "Value")]
    #[allow(clippy::needless_pass_by_value)] // wasm-bindgen hands arrays over owned
    pub fn evaluate(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Array<string | boolean | null | undefined>")]
        values: Vec<JsValue>,
    ) -> Result<JsValue, JsValue> {
        let row = values
            .iter()
            .enumerate()
            .map(value_of)
            .collect::<Result<Vec<Value>, JsValue>>()?;
        Ok(to_js(&self.0.evaluate(&row)))
    }
}

#[wasm_bindgen]
impl Formula {
    /// Evaluates many rows in one call: `rowsJson` is a JSON array of rows, each an array of
    /// one value per input (a decimal string, a boolean, or `null` for missing; a JSON number
    /// is refused, as binary floats are not exact). Returns the JSON array of results
    /// (`[{"number":"87.8125"},{"missing":"division_by_zero"}]`): the fast way to recompute a
    /// whole table, as one crossing into WebAssembly costs more than the arithmetic of a row.
    #[wasm_bindgen(js_name = evaluateJson)]
    pub fn evaluate_json(
        &self,
        #[wasm_bindgen(js_name = rowsJson)] rows_json: &str,
    ) -> Result<String, JsValue> {
        let rows: Vec<Vec<Cell>> = serde_json::from_str(rows_json).map_err(|e| {
            to_js_error(&chiso::Error::InvalidArgument {
                name: "rowsJson",
                value: e.to_string(),
                expected: "an array of rows of decimal strings, booleans or null".to_owned(),
            })
        })?;
        // Column by column, the engine's fast path for plain arithmetic (a short row reads
        // its absent inputs as missing).
        let width = self.0.inputs().len();
        let mut columns: Vec<Vec<Value>> =
            (0..width).map(|_| Vec::with_capacity(rows.len())).collect();
        for cells in rows {
            let mut cells = cells.into_iter();
            for column in &mut columns {
                column.push(
                    cells
                        .next()
                        .map_or(Value::Missing(Missing::NoData), |c| c.0),
                );
            }
        }
        let columns: Vec<&[Value]> = columns.iter().map(Vec::as_slice).collect();
        let mut results = Vec::new();
        self.0.evaluator().evaluate_columns(&columns, &mut results);
        Ok(chiso::to_json(&results))
    }
}

/// One value of a row given as plain JSON: a string (read by the core's cell rule), a
/// boolean, or `null`.
struct Cell(Value);

impl<'de> serde::Deserialize<'de> for Cell {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Cell, D::Error> {
        struct Visit;
        impl serde::de::Visitor<'_> for Visit {
            type Value = Cell;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a decimal string, a boolean or null")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Cell, E> {
                Value::from_cell(chiso::Cell::Text(text))
                    .map(Cell)
                    .map_err(|problem| E::custom(problem.message().en))
            }
            fn visit_bool<E: serde::de::Error>(self, b: bool) -> Result<Cell, E> {
                Ok(Cell(Value::Bool(b)))
            }
            fn visit_unit<E: serde::de::Error>(self) -> Result<Cell, E> {
                Ok(Cell(Value::Missing(Missing::NoData)))
            }
        }
        deserializer.deserialize_any(Visit)
    }
}

/// A JS value as a formula value, by the core's cell rule: strings are read as cells (a
/// decimal string is a number, blank is missing, other text is text), `null` and `undefined`
/// are missing. A JS number is refused: binary floats are not exact decimals.
fn value_of((i, value): (usize, &JsValue)) -> Result<Value, JsValue> {
    let text = value.as_string();
    let cell = if let Some(b) = value.as_bool() {
        chiso::Cell::Bool(b)
    } else if let Some(text) = &text {
        chiso::Cell::Text(text)
    } else if value.is_null() || value.is_undefined() {
        chiso::Cell::Empty
    } else {
        return Err(to_js_error(&chiso::Error::InvalidArgument {
            name: "values",
            value: format!("{i}: {value:?}"),
            expected: "a decimal string such as \"12.5\", a boolean, or null for missing"
                .to_owned(),
        }));
    };
    Value::from_cell(cell).map_err(|problem| {
        to_js_error(&chiso::Error::InvalidInput {
            what: chiso::InputKind::Values,
            findings: vec![chiso::Finding::new(&problem, format!("/{i}"))],
        })
    })
}
