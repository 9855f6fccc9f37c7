use std::borrow::Cow;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{Missing, Value};

/// What a formula does with missing inputs (DHIS2's "missing value strategy", declared per
/// indicator so that missing is never silently zero).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MissingStrategy {
    /// The result is missing if any input is missing (the default). `coalesce` and
    /// `is_missing` let a formula handle a missing input itself.
    #[default]
    SkipIfAnyMissing,
    /// The result is missing only if every input is missing; otherwise unreported (`no_data`)
    /// number inputs count as zero (for totals of parts where an unreported part means none).
    /// Inputs missing for another reason (`not_applicable`, `division_by_zero`) stay missing.
    SkipIfAllMissing,
    /// Unreported (`no_data`) number inputs always count as zero; inputs missing for another
    /// reason stay missing.
    Zero,
}

impl MissingStrategy {
    /// Whether this is the default (so catalogues need not spell it out).
    pub fn is_default(&self) -> bool {
        *self == MissingStrategy::default()
    }

    /// Applies the strategy to a row of inputs: `None` when the result is missing whatever
    /// the formula says, else the inputs to evaluate (borrowed as they are by default; a copy
    /// with missing numbers replaced by zero where the strategy says so). `numeric(i)` tells
    /// whether input `i` is a number.
    pub(crate) fn apply<'v>(
        self,
        values: &'v [Value],
        numeric: &dyn Fn(usize) -> bool,
    ) -> Option<Cow<'v, [Value]>> {
        match self {
            MissingStrategy::SkipIfAnyMissing => return Some(Cow::Borrowed(values)),
            MissingStrategy::SkipIfAllMissing
                if !values.is_empty() && values.iter().all(Value::is_missing) =>
            {
                return None;
            }
            MissingStrategy::SkipIfAllMissing | MissingStrategy::Zero => {}
        }
        let mut out = values.to_vec();
        for (i, value) in out.iter_mut().enumerate() {
            if numeric(i) && matches!(value, Value::Missing(Missing::NoData)) {
                *value = Value::Number(rust_decimal::Decimal::ZERO);
            }
        }
        Some(Cow::Owned(out))
    }
}

/// When a formula is evaluated over a longer period than its inputs are reported for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum EvaluationOrder {
    /// Roll each input up first (by its aggregation), then evaluate once: a ratio of sums,
    /// as DHIS2 does (the default).
    #[default]
    AggregateThenEvaluate,
    /// Evaluate in each shorter period, then average the results.
    EvaluateThenAverage,
}

impl EvaluationOrder {
    /// Whether this is the default (so catalogues need not spell it out).
    pub fn is_default(&self) -> bool {
        *self == EvaluationOrder::default()
    }
}
