//! Values: what an indicator or data element holds in one period for one unit.
//!
//! Missing is not zero: a value is a number, a yes/no, a text, missing with a reason, or an
//! error such as an overflow. Nothing in chiso turns a missing value into a number silently;
//! only an indicator's declared [`MissingStrategy`](crate::formula::MissingStrategy) may.

mod cell;

pub use cell::Cell;

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One value. Serialised externally tagged, decimals as strings:
/// `{"number": "0.3"}`, `{"bool": true}`, `{"text": "…"}`, `{"missing": "division_by_zero"}`,
/// `{"error": "overflow"}`.
///
/// ```
/// use chiso::Value;
/// let v: Value = serde_json::from_str(r#"{"number": "12.50"}"#).unwrap();
/// assert_eq!(v, Value::number("12.5".parse().unwrap()));
/// assert_eq!(chiso::to_json(&Value::missing(chiso::Missing::DivisionByZero)), r#"{"missing":"division_by_zero"}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Value {
    /// An exact decimal number.
    Number(#[serde(with = "crate::decimal::Exact")] Decimal),
    /// Yes (`true`) or no (`false`).
    Bool(bool),
    /// Text.
    Text(String),
    /// No value, and why.
    Missing(Missing),
    /// The computation failed, and how.
    Error(ValueError),
}

/// Why a value is missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Missing {
    /// Nothing was reported (or an input was not).
    NoData,
    /// A division by zero: the ratio is undefined for this unit and period.
    DivisionByZero,
    /// The indicator does not apply to this unit or period.
    NotApplicable,
    /// A function outside its domain (`ln(0)`, the square root of a negative number): the
    /// result is undefined, as for a division by zero.
    OutOfDomain,
    /// A value that fails an error-level rule of the catalogue (104 % of a share): by default
    /// not scored as valid.
    Invalid,
}

/// How a computation failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ValueError {
    /// A result beyond the range of exact decimals (about ±7.9 × 10²⁸).
    Overflow,
    /// An input of the wrong kind (a text where a number is needed).
    TypeMismatch,
}

impl Value {
    /// A number.
    pub fn number(value: Decimal) -> Self {
        Value::Number(value)
    }

    /// A missing value with its reason.
    pub fn missing(reason: Missing) -> Self {
        Value::Missing(reason)
    }

    /// The number, if this is one.
    pub fn as_number(&self) -> Option<Decimal> {
        match self {
            Value::Number(n) => Some(*n),
            _ => None,
        }
    }

    /// The value for a person to read: a number as written (in the language's [style](crate::Style):
    /// `12,50` in Vietnamese), yes/no, the text, or why it is missing or failed.
    ///
    /// ```
    /// use chiso::{Lang, Missing, Value};
    /// assert_eq!(Value::Number("12.50".parse().unwrap()).describe(Lang::Vi), "12,50");
    /// assert_eq!(Value::Number("12.50".parse().unwrap()).describe(Lang::En), "12.50");
    /// assert_eq!(Value::Missing(Missing::DivisionByZero).describe(Lang::En), "— (division by zero)");
    /// ```
    pub fn describe(&self, lang: crate::Lang) -> String {
        match self {
            Value::Number(n) => crate::Style::of(lang).exact(*n),
            Value::Bool(b) => crate::Style::of(lang).yes_no(*b).to_owned(),
            Value::Text(t) => format!("“{t}”"),
            Value::Missing(reason) => format!("— ({})", reason.label().get(lang)),
            Value::Error(error) => format!("✗ ({})", error.label().get(lang)),
        }
    }

    /// The value as [`describe`](Self::describe) writes it in each language.
    pub fn described(&self) -> crate::Text {
        crate::Text::new(
            self.describe(crate::Lang::Vi),
            self.describe(crate::Lang::En),
        )
    }

    /// Whether the value is missing (for any reason).
    pub fn is_missing(&self) -> bool {
        matches!(self, Value::Missing(_))
    }
}

impl Missing {
    /// Why the value is missing, in both languages.
    pub fn label(self) -> crate::Text {
        match self {
            Missing::NoData => crate::Text::new("chưa có số liệu", "no data"),
            Missing::DivisionByZero => crate::Text::new("chia cho 0", "division by zero"),
            Missing::NotApplicable => crate::Text::new("không áp dụng", "not applicable"),
            Missing::OutOfDomain => crate::Text::new(
                "ngoài miền xác định của hàm",
                "outside the function's domain",
            ),
            Missing::Invalid => crate::Text::new("số liệu không hợp lệ", "invalid"),
        }
    }
}

impl ValueError {
    /// How the computation failed, in both languages.
    pub fn label(self) -> crate::Text {
        match self {
            ValueError::Overflow => crate::Text::new(
                "tràn số (vượt phạm vi số thập phân)",
                "overflow (beyond exact decimals)",
            ),
            ValueError::TypeMismatch => crate::Text::new("sai kiểu dữ liệu", "type mismatch"),
        }
    }
}

impl From<Decimal> for Value {
    fn from(value: Decimal) -> Self {
        Value::Number(value)
    }
}

impl From<bool> for Value {
    fn from(value: bool) -> Self {
        Value::Bool(value)
    }
}
