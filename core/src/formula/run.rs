//! One formula, checked, described and evaluated on named values: what `chiso formula eval`
//! prints, what the web form calls as its user types, and what the golden vectors pin down.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Context, Shift, Type, analyse, describe::describe};
use crate::{Finding, Lang, Text, Value};

/// Named values for [`run`]: a code for the period evaluated, `prev(code)` and
/// `last_year(code)` for the shifted periods.
pub type Values = BTreeMap<String, Value>;

/// Everything about one formula on one set of values.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FormulaRun {
    /// Whether the formula passed the checker.
    pub valid: bool,
    /// Every finding, in the order of the formula's text.
    pub findings: Vec<Finding>,
    /// The type of the result, when known.
    pub result_type: Option<Type>,
    /// The inputs the formula reads, in slot order (`code`, `prev(code)`, `last_year(code)`).
    pub inputs: Vec<String>,
    /// The formula in words.
    pub description: Option<Text>,
    /// The value, when the formula is valid.
    pub value: Option<Value>,
}

/// Checks `source` against `context`, describes it, and evaluates it on `values` (an input
/// without a value reads as missing).
///
/// ```
/// use chiso::{Value, formula::{self, Values}};
/// let values: Values = [("x".to_owned(), Value::Number(110.into())), ("last_year(x)".to_owned(), Value::Number(100.into()))].into();
/// let run = formula::run("100 * (x - last_year(x)) / last_year(x)", &values, &values);
/// assert_eq!(run.value, Some(Value::Number(10.into())));
/// assert_eq!(run.inputs, ["x", "last_year(x)"]);
/// ```
pub fn run(source: &str, context: &dyn Context, values: &Values) -> FormulaRun {
    let analysis = analyse(source, context, "");
    let valid = analysis.findings.iter().all(|f| !f.is_error());
    let mut run = FormulaRun {
        valid,
        findings: analysis.findings,
        result_type: analysis.result,
        inputs: Vec::new(),
        description: None,
        value: None,
    };
    if let (true, Some(expr)) = (valid, analysis.expr) {
        let compiled = super::Compiled::new(&expr, analysis.result);
        run.inputs = compiled
            .inputs()
            .iter()
            .map(|i| input_name(&i.code, i.shift))
            .collect();
        let row: Vec<Value> = run
            .inputs
            .iter()
            .map(|name| {
                values
                    .get(name)
                    .cloned()
                    .unwrap_or(Value::Missing(crate::Missing::NoData))
            })
            .collect();
        run.value = Some(compiled.evaluate(&row));
        run.description = Some(Text::new(
            describe(&expr, context, Lang::Vi),
            describe(&expr, context, Lang::En),
        ));
    }
    run
}

/// Reads [`Values`] from JSON: `{"x": {"number": "12.5"}, "prev(x)": {"missing": "no_data"}}`.
///
/// ```
/// let values = chiso::formula::values_from_json(r#"{"x": {"number": "1.5"}}"#).unwrap();
/// assert_eq!(values["x"], chiso::Value::Number("1.5".parse().unwrap()));
/// assert_eq!(chiso::formula::values_from_json(r#"{"x": 1.5}"#).unwrap_err().code(), "input.invalid");
/// ```
pub fn values_from_json(text: &str) -> Result<Values, crate::Error> {
    crate::json::from_str(text).map_err(|finding| crate::Error::InvalidInput {
        what: crate::InputKind::Values,
        findings: vec![finding],
    })
}

/// How an input is named among [`Values`].
pub fn input_name(code: &str, shift: Shift) -> String {
    match shift {
        Shift::Current => code.to_owned(),
        Shift::Previous => format!("prev({code})"),
        Shift::LastYear => format!("last_year({code})"),
    }
}

/// Values name their own codes: `x`, `prev(x)` and `last_year(x)` all make `x` known, with the
/// type of the first value given that has one (a missing value or an error says nothing of
/// the type, so a blank yes/no field is not mistaken for a number).
impl Context for Values {
    fn type_of(&self, code: &str) -> Option<Type> {
        [Shift::Current, Shift::Previous, Shift::LastYear]
            .into_iter()
            .find_map(|shift| match self.get(&input_name(code, shift))? {
                Value::Number(_) => Some(Type::Number),
                Value::Bool(_) => Some(Type::Bool),
                Value::Text(_) => Some(Type::Text),
                Value::Missing(_) | Value::Error(_) => None,
            })
    }

    fn has(&self, code: &str) -> bool {
        [Shift::Current, Shift::Previous, Shift::LastYear]
            .into_iter()
            .any(|shift| self.contains_key(&input_name(code, shift)))
    }
}
