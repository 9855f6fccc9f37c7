//! Formulas printed back in canonical form: single spaces around operators, brackets only
//! where needed. Printing then reading gives the same tree.

use std::fmt;

use super::ast::{Expr, ExprKind, Shift};

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
        let p = self.precedence();
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
            ExprKind::Neg(e) => write!(f, "-{}", Child(e, e.precedence() <= p)),
            ExprKind::Not(e) => write!(f, "not {}", Child(e, e.precedence() < 4)),
            ExprKind::Binary(op, a, b) => {
                // Comparisons do not chain, so both sides of one are bracketed if comparisons.
                let left = a.precedence() < p || (p == 4 && a.precedence() == 4);
                let right = b.precedence() <= p;
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
