//! How an indicator's value becomes a score ("cách chấm điểm"): declared per indicator in the
//! catalogue, never hard-coded. A score is a fraction 0–1 of the indicator's maximum points.

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Value;

/// A scoring rule.
///
/// ```
/// use chiso::catalogue::Scoring;
/// // The DTI's meetings rule: 4 a year → 20 of 20 points, 3 → 15, 2 → 10, 1 → 5, else 0.
/// let rule: Scoring = serde_json::from_str(r#"{"kind": "steps", "steps": [
///     {"at_least": "4", "fraction": "1"}, {"at_least": "3", "fraction": "0.75"},
///     {"at_least": "2", "fraction": "0.5"}, {"at_least": "1", "fraction": "0.25"}]}"#).unwrap();
/// assert!(matches!(rule, Scoring::Steps { .. }));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Scoring {
    /// Achieved over target (target over achieved when lower is better), capped at 1 unless
    /// `cap` is false; for a band, 1 inside and the ratio to the nearer bound outside.
    RatioToTarget {
        /// Whether the fraction stops at 1 (the default).
        #[serde(default = "yes", skip_serializing_if = "is_true")]
        cap: bool,
    },
    /// Thresholds: the first step whose `at_least` the value reaches gives its fraction (steps
    /// listed from the highest); below every step, 0. For lower-is-better values, `at_least`
    /// reads "at most".
    Steps {
        /// The steps, highest first.
        steps: Vec<Step>,
    },
    /// A value gives a fixed fraction (full, half, zero); any other value scores 0.
    Categorical {
        /// The categories.
        categories: Vec<Category>,
    },
    /// `(x − min) / (max − min)` over the peer group's values in the period (reversed when lower
    /// is better); 1 for everyone when all are equal.
    MinMax,
    /// The z-score over the peer group's values, mapped linearly from −3…3 to 0…1 and clamped
    /// (reversed when lower is better); 0.5 for everyone when all are equal.
    ZScore,
    /// `1 − |target − x| / |target|`, clamped to 0…1; 1 once the target is met.
    DistanceToTarget,
    /// `(x − low) / (high − low)`, clamped to 0…1: `low` scores 0, `high` scores 1 (either may
    /// be the larger, for lower-is-better values).
    Goalposts {
        /// The value that scores 0.
        #[serde(with = "crate::decimal::Exact")]
        low: Decimal,
        /// The value that scores 1.
        #[serde(with = "crate::decimal::Exact")]
        high: Decimal,
    },
    /// Yes scores 1, no 0.
    YesNo,
}

/// One threshold of a [`Scoring::Steps`] rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// The least value that earns the fraction.
    #[serde(with = "crate::decimal::Exact")]
    pub at_least: Decimal,
    /// The fraction earned, 0–1.
    #[serde(with = "crate::decimal::Exact")]
    pub fraction: Decimal,
}

/// One category of a [`Scoring::Categorical`] rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Category {
    /// The value.
    pub value: Value,
    /// The fraction it earns, 0–1.
    #[serde(with = "crate::decimal::Exact")]
    pub fraction: Decimal,
}

#[allow(clippy::unnecessary_wraps, clippy::trivially_copy_pass_by_ref)] // serde's signatures
fn is_true(b: &bool) -> bool {
    *b
}

fn yes() -> bool {
    true
}
