use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::formula::Type;

/// What kind of value an indicator or data element holds ("kiểu giá trị").
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    JsonSchema,
    strum::EnumIter,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
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
    /// The type a formula gives values of this type: yes/no is `Bool`, text is `Text`, every
    /// other kind is a `Number`.
    pub fn formula_type(self) -> Type {
        match self {
            ValueType::YesNo => Type::Bool,
            ValueType::Text => Type::Text,
            ValueType::Number
            | ValueType::Percent
            | ValueType::Ratio
            | ValueType::Rank
            | ValueType::Count => Type::Number,
        }
    }

    /// Whether values of this type are numbers that targets can compare against.
    pub fn is_numeric(self) -> bool {
        !matches!(self, ValueType::Text)
    }

    /// `None` when a value of this type may be `value`; otherwise the values allowed, in words
    /// (a ratio is within 0–1, a count a whole number from 0, a rank from 1, yes/no 0 or 1).
    ///
    /// ```
    /// use chiso::catalogue::ValueType;
    /// assert!(ValueType::Count.refuses("3".parse().unwrap()).is_none());
    /// assert_eq!(ValueType::Count.refuses("-1".parse().unwrap()).unwrap().en, "a whole number from 0");
    /// ```
    pub fn refuses(self, value: Decimal) -> Option<crate::Text> {
        let whole = value.fract().is_zero();
        let (ok, en, vi) = match self {
            ValueType::Ratio => (
                value >= Decimal::ZERO && value <= Decimal::ONE,
                "between 0 and 1",
                "từ 0 đến 1",
            ),
            ValueType::Rank => (
                whole && value >= Decimal::ONE,
                "a whole number from 1",
                "số nguyên từ 1 trở lên",
            ),
            ValueType::Count => (
                whole && !value.is_sign_negative(),
                "a whole number from 0",
                "số nguyên từ 0 trở lên",
            ),
            ValueType::YesNo => (
                value == Decimal::ZERO || value == Decimal::ONE,
                "0 (no) or 1 (yes)",
                "0 (không) hoặc 1 (có)",
            ),
            ValueType::Number | ValueType::Percent | ValueType::Text => (true, "", ""),
        };
        (!ok).then(|| crate::Text::new(vi, en))
    }
}
