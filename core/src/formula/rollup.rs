//! Roll-up over time: a data element's monthly values into a quarter, a quarter's into a year.

use rust_decimal::Decimal;

use super::Aggregation;
use super::MissingStrategy;
use crate::{Missing, Value, ValueError};

/// Combines the values of consecutive shorter periods into one value for the longer period.
///
/// Missing values follow `strategy` exactly as formula inputs do: by default one missing
/// month makes the quarter missing (a gap must be filled, not hidden).
///
/// ```
/// use chiso::{Value, Missing, catalogue::Aggregation, formula::{MissingStrategy, roll_up}};
/// let months = [Value::Number(10.into()), Value::Missing(Missing::NoData), Value::Number(20.into())];
/// assert_eq!(roll_up(Aggregation::Sum, &months, MissingStrategy::SkipIfAnyMissing), Value::Missing(Missing::NoData));
/// assert_eq!(roll_up(Aggregation::Sum, &months, MissingStrategy::Zero), Value::Number(30.into()));
/// assert_eq!(roll_up(Aggregation::Last, &months[..1], MissingStrategy::SkipIfAnyMissing), Value::Number(10.into()));
/// ```
pub fn roll_up(aggregation: Aggregation, values: &[Value], strategy: MissingStrategy) -> Value {
    let numeric = |_| aggregation != Aggregation::Last;
    let Some(applied) = strategy
        .apply(values, &numeric)
        .filter(|_| !values.is_empty())
    else {
        return Value::Missing(Missing::NoData);
    };
    if let Some(error) = applied.iter().find(|v| matches!(v, Value::Error(_))) {
        return error.clone();
    }
    if let Some(missing) = applied.iter().find(|v| v.is_missing()) {
        return missing.clone();
    }
    if aggregation == Aggregation::Last {
        return applied
            .last()
            .cloned()
            .unwrap_or(Value::Missing(Missing::NoData));
    }
    let Some(numbers) = applied
        .iter()
        .map(Value::as_number)
        .collect::<Option<Vec<Decimal>>>()
    else {
        return Value::Error(ValueError::TypeMismatch);
    };
    let total = || {
        numbers
            .iter()
            .try_fold(Decimal::ZERO, |acc, n| acc.checked_add(*n))
    };
    let result = match aggregation {
        Aggregation::Sum => total(),
        Aggregation::Average => total().and_then(|t| t.checked_div(Decimal::from(numbers.len()))),
        Aggregation::Max => numbers.iter().max().copied(),
        Aggregation::Min => numbers.iter().min().copied(),
        Aggregation::Last => None,
    };
    result.map_or(Value::Error(ValueError::Overflow), Value::Number)
}
