//! What each operator and function does to values: the one definition both the compiled
//! evaluator and the tree-walking interpreter use.
//!
//! Errors win over missing values, and the leftmost of each wins, so results are the same
//! whatever evaluates them. Logic is three-valued (Kleene): `false and missing` is `false`,
//! `true or missing` is `true`.

use rust_decimal::{Decimal, RoundingStrategy};

use super::Function;
use super::ast::BinaryOp;
use crate::{Missing, Value, ValueError};

/// The first error among `values`, else the first missing value.
fn absent<'a>(values: impl Iterator<Item = &'a Value> + Clone) -> Option<Value> {
    values
        .clone()
        .find(|v| matches!(v, Value::Error(_)))
        .or_else(|| values.into_iter().find(|v| v.is_missing()))
        .cloned()
}

const MISMATCH: Value = Value::Error(ValueError::TypeMismatch);
const OVERFLOW: Value = Value::Error(ValueError::Overflow);

fn number(result: Option<Decimal>) -> Value {
    result.map_or(OVERFLOW, Value::Number)
}

pub(crate) fn negate(a: &Value) -> Value {
    match a {
        Value::Number(n) => Value::Number(-*n),
        Value::Missing(_) | Value::Error(_) => a.clone(),
        Value::Bool(_) | Value::Text(_) => MISMATCH,
    }
}

pub(crate) fn not(a: &Value) -> Value {
    match a {
        Value::Bool(b) => Value::Bool(!b),
        Value::Missing(_) | Value::Error(_) => a.clone(),
        Value::Number(_) | Value::Text(_) => MISMATCH,
    }
}

pub(crate) fn binary(op: BinaryOp, a: &Value, b: &Value) -> Value {
    match op {
        BinaryOp::And | BinaryOp::Or => return logic(op == BinaryOp::And, a, b),
        _ => {}
    }
    if let Some(absent) = absent([a, b].into_iter()) {
        return absent;
    }
    if let (Value::Number(x), Value::Number(y)) = (a, b) {
        let (x, y) = (*x, *y);
        return match op {
            BinaryOp::Add => number(x.checked_add(y)),
            BinaryOp::Sub => number(x.checked_sub(y)),
            BinaryOp::Mul => number(x.checked_mul(y)),
            BinaryOp::Div if y.is_zero() => Value::Missing(Missing::DivisionByZero),
            BinaryOp::Div => number(x.checked_div(y)),
            BinaryOp::Lt => Value::Bool(x < y),
            BinaryOp::Le => Value::Bool(x <= y),
            BinaryOp::Gt => Value::Bool(x > y),
            BinaryOp::Ge => Value::Bool(x >= y),
            BinaryOp::Eq => Value::Bool(x == y),
            BinaryOp::Ne => Value::Bool(x != y),
            BinaryOp::And | BinaryOp::Or => MISMATCH,
        };
    }
    match (op, a, b) {
        (BinaryOp::Eq, Value::Bool(x), Value::Bool(y)) => Value::Bool(x == y),
        (BinaryOp::Ne, Value::Bool(x), Value::Bool(y)) => Value::Bool(x != y),
        (BinaryOp::Eq, Value::Text(x), Value::Text(y)) => Value::Bool(x == y),
        (BinaryOp::Ne, Value::Text(x), Value::Text(y)) => Value::Bool(x != y),
        _ => MISMATCH,
    }
}

/// Kleene logic: a deciding operand (`false` for `and`, `true` for `or`) decides whatever the
/// other is; otherwise errors, then missing values, propagate.
fn logic(and: bool, a: &Value, b: &Value) -> Value {
    let decider = Value::Bool(!and);
    if *a == decider || *b == decider {
        return decider;
    }
    if let Some(absent) = absent([a, b].into_iter()) {
        return absent;
    }
    match (a, b) {
        (Value::Bool(_), Value::Bool(_)) => Value::Bool(and),
        _ => MISMATCH,
    }
}

pub(crate) fn call(function: Function, args: &[Value]) -> Value {
    match function {
        Function::Coalesce => {
            return args
                .iter()
                .find(|v| !v.is_missing())
                .or_else(|| args.first())
                .cloned()
                .unwrap_or(MISMATCH);
        }
        Function::IsMissing => {
            return match args.first() {
                Some(Value::Missing(_)) => Value::Bool(true),
                Some(error @ Value::Error(_)) => error.clone(),
                _ => Value::Bool(false),
            };
        }
        Function::If => {
            return match args {
                [Value::Bool(true), then, _] => then.clone(),
                [Value::Bool(false), _, otherwise] => otherwise.clone(),
                [condition @ (Value::Missing(_) | Value::Error(_)), _, _] => condition.clone(),
                _ => MISMATCH,
            };
        }
        _ => {}
    }
    if let Some(absent) = absent(args.iter()) {
        return absent;
    }
    let Some(numbers) = args
        .iter()
        .map(Value::as_number)
        .collect::<Option<Vec<Decimal>>>()
    else {
        return MISMATCH;
    };
    match function {
        Function::Sum => number(
            numbers
                .iter()
                .try_fold(Decimal::ZERO, |acc, n| acc.checked_add(*n)),
        ),
        Function::Avg => {
            let count = Decimal::from(numbers.len());
            number(
                numbers
                    .iter()
                    .try_fold(Decimal::ZERO, |acc, n| acc.checked_add(*n))
                    .and_then(|s| s.checked_div(count)),
            )
        }
        Function::Min => numbers.iter().min().map_or(MISMATCH, |n| Value::Number(*n)),
        Function::Max => numbers.iter().max().map_or(MISMATCH, |n| Value::Number(*n)),
        Function::Abs => numbers.first().map_or(MISMATCH, |n| Value::Number(n.abs())),
        Function::Round => match numbers.as_slice() {
            [x, places] => match u32::try_from(places.mantissa())
                .ok()
                .filter(|p| places.scale() == 0 && *p <= 28)
            {
                Some(places) => Value::Number(
                    x.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero),
                ),
                None => MISMATCH,
            },
            _ => MISMATCH,
        },
        Function::Coalesce
        | Function::IsMissing
        | Function::If
        | Function::Prev
        | Function::LastYear => MISMATCH,
    }
}
