use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Text;
use crate::formula::{EvaluationOrder, MissingStrategy};

/// How an indicator's value is obtained ("phương pháp tính").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Method {
    /// Computed from data elements and other indicators by a formula.
    Formula {
        /// The formula, over data element and indicator codes.
        expression: String,
        /// The method in words, as the indicator passport states it.
        description: Text,
        /// What missing inputs do (by default, the result is missing if any input is).
        #[serde(default, skip_serializing_if = "MissingStrategy::is_default")]
        missing: MissingStrategy,
        /// How the formula is evaluated over a longer period than its inputs (by default, a
        /// ratio of sums: inputs rolled up first).
        #[serde(default, skip_serializing_if = "EvaluationOrder::is_default")]
        evaluation: EvaluationOrder,
    },
    /// Reported directly as a value (by a unit, or taken from an international ranking).
    Reported {
        /// How the value is established, as the indicator passport states it.
        description: Text,
    },
}

impl Method {
    /// The formula, when the indicator is computed.
    ///
    /// ```
    /// use chiso::catalogue::Method;
    /// let m: Method = serde_json::from_str(
    ///     r#"{"kind": "formula", "expression": "100 * dossiers_online / dossiers_total",
    ///         "description": {"vi": "Tỷ lệ hồ sơ trực tuyến", "en": "Share of dossiers filed online"}}"#,
    /// ).unwrap();
    /// assert_eq!(m.expression(), Some("100 * dossiers_online / dossiers_total"));
    /// ```
    pub fn expression(&self) -> Option<&str> {
        match self {
            Method::Formula { expression, .. } => Some(expression),
            Method::Reported { .. } => None,
        }
    }

    /// The method in words.
    pub fn description(&self) -> &Text {
        match self {
            Method::Formula { description, .. } | Method::Reported { description } => description,
        }
    }
}
