use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What kind of value an indicator or data element holds ("kiểu giá trị").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ValueType {
    /// Any decimal number.
    Number,
    /// A percentage, 45 meaning 45 %. May exceed 100 or fall below 0 (growth rates).
    Percent,
    /// A fraction between 0 and 1.
    Ratio,
    /// A position in a ranking, 1 the best: lower is better.
    Rank,
    /// A whole number of things, 0 or more.
    Count,
    /// Yes (1) or no (0).
    YesNo,
    /// Free text, judged qualitatively.
    Text,
}

impl ValueType {
    /// Whether values of this type are numbers that targets can compare against.
    pub fn is_numeric(self) -> bool {
        !matches!(self, ValueType::Text)
    }
}
