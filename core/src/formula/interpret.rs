//! The reference semantics: a plain walk over the tree. The compiled evaluator must give the
//! same value for every formula and input (a property test holds it to that).

use super::ast::{Expr, ExprKind, Shift};
use super::ops;
use crate::Value;

/// Evaluates `expr`, reading each reference through `lookup`.
pub fn interpret(expr: &Expr, lookup: &dyn Fn(&str, Shift) -> Value) -> Value {
    match &expr.kind {
        ExprKind::Number(n) => Value::Number(*n),
        ExprKind::Text(t) => Value::Text(t.clone()),
        ExprKind::Bool(b) => Value::Bool(*b),
        ExprKind::Reference { code, shift } => lookup(code, *shift),
        ExprKind::Neg(e) => ops::negate(&interpret(e, lookup)),
        ExprKind::Not(e) => ops::not(&interpret(e, lookup)),
        ExprKind::Binary(op, a, b) => {
            ops::binary(*op, &interpret(a, lookup), &interpret(b, lookup))
        }
        ExprKind::Invalid { .. } => Value::Error(crate::ValueError::TypeMismatch),
        ExprKind::Call(function, args) => {
            let values: Vec<Value> = args.iter().map(|a| interpret(a, lookup)).collect();
            ops::call(*function, &values)
        }
    }
}
