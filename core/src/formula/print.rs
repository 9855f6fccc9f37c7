//! Formulas printed back in canonical form: single spaces around operators, brackets only
//! where needed. Printing then reading gives the same tree.

use std::fmt;

use super::ast::{BinaryOp, Expr, ExprKind, Shift};

fn precedence(expr: &Expr) -> u8 {
    match &expr.kind {
        ExprKind::Binary(op, ..) => match op {
            BinaryOp::Or => 1,
            BinaryOp::And => 2,
            BinaryOp::Lt
            | BinaryOp::Le
            | BinaryOp::Gt
            | BinaryOp::Ge
            | BinaryOp::Eq
            | BinaryOp::Ne => 4,
            BinaryOp::Add | BinaryOp::Sub => 5,
            BinaryOp::Mul | BinaryOp::Div => 6,
        },
        ExprKind::Not(_) => 3,
        ExprKind::Neg(_) => 7,
        _ => 8,
    }
}

struct Child<'a>(&'a Expr, bool);

impl fmt::Display for Child<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.1 {
            write!(f, "({})", self.0)
        } else {
            write!(f, "{}", self.0)
        }
    }
}

impl fmt::Display for Expr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let p = precedence(self);
        match &self.kind {
            ExprKind::Number(n) => write!(f, "{n}"),
            ExprKind::Text(t) => write!(f, "\"{t}\""),
            ExprKind::Bool(b) => write!(f, "{b}"),
            ExprKind::Reference {
                code,
                shift: Shift::Current,
            } => write!(f, "{code}"),
            ExprKind::Reference {
                code,
                shift: Shift::Previous,
            } => write!(f, "prev({code})"),
            ExprKind::Reference {
                code,
                shift: Shift::LastYear,
            } => write!(f, "last_year({code})"),
            // `- -x` would read as one token pair either way; a bracket keeps `-(-x)` explicit.
            ExprKind::Neg(e) => write!(f, "-{}", Child(e, precedence(e) <= p)),
            ExprKind::Not(e) => write!(f, "not {}", Child(e, precedence(e) < 4)),
            ExprKind::Binary(op, a, b) => {
                // Comparisons do not chain, so both sides of one are bracketed if comparisons.
                let left = precedence(a) < p || (p == 4 && precedence(a) == 4);
                let right = precedence(b) <= p;
                write!(f, "{} {} {}", Child(a, left), op.symbol(), Child(b, right))
            }
            ExprKind::Call(function, args) => write_call(f, function.name(), args),
            ExprKind::Invalid { name, args } => write_call(f, name, args),
        }
    }
}

/// `name(a, b, …)`.
fn write_call(f: &mut fmt::Formatter<'_>, name: &str, args: &[Expr]) -> fmt::Result {
    write!(f, "{name}(")?;
    for (i, arg) in args.iter().enumerate() {
        if i > 0 {
            f.write_str(", ")?;
        }
        write!(f, "{arg}")?;
    }
    f.write_str(")")
}
