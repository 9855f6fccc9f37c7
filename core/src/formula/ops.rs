//! What each operator and function does to values: the one definition both the compiled
//! evaluator and the tree-walking interpreter use.
//!
//! Errors win over missing values, and the leftmost of each wins, so results are the same
//! whatever evaluates them. Logic is three-valued (Kleene): `false and missing` is `false`,
//! `true or missing` is `true`.

use rust_decimal::Decimal;

use super::ast::BinaryOp;
use super::{Function, math};
use crate::rounding::RoundingMode;
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
    result.map_or(OVERFLOW, |n| Value::Number(clean(n)))
}

pub(crate) use crate::decimal::clean_zero as clean;

pub(crate) fn negate(a: &Value) -> Value {
    match a {
        Value::Number(n) => Value::Number(clean(-*n)),
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
    // Numbers first: the common case pays for nothing else.
    if let (Value::Number(x), Value::Number(y)) = (a, b) {
        return numbers(op, *x, *y);
    }
    if let Some(absent) = absent([a, b].into_iter()) {
        return absent;
    }
    match (op, a, b) {
        (BinaryOp::Eq, Value::Bool(x), Value::Bool(y)) => Value::Bool(x == y),
        (BinaryOp::Ne, Value::Bool(x), Value::Bool(y)) => Value::Bool(x != y),
        (BinaryOp::Eq, Value::Text(x), Value::Text(y)) => Value::Bool(x == y),
        (BinaryOp::Ne, Value::Text(x), Value::Text(y)) => Value::Bool(x != y),
        _ => MISMATCH,
    }
}

/// An arithmetic `op` on two numbers, when the result is a plain number: `None` for a division
/// by zero, an overflow, or an operator that is not arithmetic.
#[inline]
pub(crate) fn arithmetic(op: BinaryOp, x: Decimal, y: Decimal) -> Option<Decimal> {
    match op {
        BinaryOp::Add => x.checked_add(y),
        BinaryOp::Sub => x.checked_sub(y),
        BinaryOp::Mul => x.checked_mul(y),
        BinaryOp::Div => divide(x, y),
        _ => None,
    }
}

/// `x / y`, when it is a plain number (`None` for a zero divisor or an overflow).
#[inline]
pub(crate) fn divide(x: Decimal, y: Decimal) -> Option<Decimal> {
    if y.is_zero() { None } else { x.checked_div(y) }
}

/// `op` on two numbers.
fn numbers(op: BinaryOp, x: Decimal, y: Decimal) -> Value {
    match op {
        BinaryOp::Div if y.is_zero() => Value::Missing(Missing::DivisionByZero),
        BinaryOp::Add | BinaryOp::Sub | BinaryOp::Mul | BinaryOp::Div => {
            number(arithmetic(op, x, y))
        }
        BinaryOp::Lt => Value::Bool(x < y),
        BinaryOp::Le => Value::Bool(x <= y),
        BinaryOp::Gt => Value::Bool(x > y),
        BinaryOp::Ge => Value::Bool(x >= y),
        BinaryOp::Eq => Value::Bool(x == y),
        BinaryOp::Ne => Value::Bool(x != y),
        BinaryOp::And | BinaryOp::Or => MISMATCH,
    }
}

/// Kleene logic: an error is never hidden; otherwise a deciding operand (`false` for `and`,
/// `true` for `or`) decides whatever the other is, and else a missing value propagates.
fn logic(and: bool, a: &Value, b: &Value) -> Value {
    if let Some(error) = [a, b].into_iter().find(|v| matches!(v, Value::Error(_))) {
        return error.clone();
    }
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
    if !args.iter().all(|v| matches!(v, Value::Number(_))) {
        return MISMATCH;
    }
    numeric_call(
        function,
        args.iter().filter_map(Value::as_number),
        args.len(),
    )
}

/// A numeric function on `count` numbers, read from `numbers` without allocating.
#[inline]
pub(crate) fn numeric_call(
    function: Function,
    mut numbers: impl Iterator<Item = Decimal>,
    count: usize,
) -> Value {
    match function {
        Function::Sum => number(numbers.try_fold(Decimal::ZERO, Decimal::checked_add)),
        Function::Avg => number(
            numbers
                .try_fold(Decimal::ZERO, Decimal::checked_add)
                .and_then(|s| s.checked_div(Decimal::from(count))),
        ),
        Function::Min => numbers.min().map_or(MISMATCH, |n| Value::Number(clean(n))),
        Function::Max => numbers.max().map_or(MISMATCH, |n| Value::Number(clean(n))),
        Function::Abs => numbers.next().map_or(MISMATCH, |n| Value::Number(n.abs())),
        Function::Round => match (numbers.next(), numbers.next()) {
            (Some(x), Some(places)) => match u32::try_from(places.mantissa())
                .ok()
                .filter(|p| places.scale() == 0 && *p <= 28)
            {
                Some(places) => Value::Number(RoundingMode::HalfUp.round(x, places)),
                None => MISMATCH,
            },
            _ => MISMATCH,
        },
        Function::Ln => numbers.next().map_or(MISMATCH, math::ln),
        Function::Exp => numbers.next().map_or(MISMATCH, math::exp),
        Function::Log10 => numbers.next().map_or(MISMATCH, math::log10),
        Function::Sqrt => numbers.next().map_or(MISMATCH, math::sqrt),
        Function::Power => match (numbers.next(), numbers.next()) {
            (Some(x), Some(y)) => math::power(x, y),
            _ => MISMATCH,
        },
        Function::Coalesce
        | Function::IsMissing
        | Function::If
        | Function::Prev
        | Function::LastYear => MISMATCH,
    }
}
