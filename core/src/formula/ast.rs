use std::ops::Range;

use rust_decimal::Decimal;

use super::Function;

/// A parsed formula: a tree of expressions, each with the bytes of the source it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expr {
    /// What the expression is.
    pub kind: ExprKind,
    /// Where it is in the source (byte offsets).
    pub span: Range<usize>,
}

/// The kinds of expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExprKind {
    /// A decimal literal.
    Number(Decimal),
    /// A text literal (without its quotes).
    Text(String),
    /// `true` or `false`.
    Bool(bool),
    /// A data element or indicator, in the current period or shifted by `prev` / `last_year`.
    Reference {
        /// The code.
        code: String,
        /// Which period.
        shift: Shift,
    },
    /// `-x`.
    Neg(Box<Expr>),
    /// `not x`.
    Not(Box<Expr>),
    /// `a op b`.
    Binary(BinaryOp, Box<Expr>, Box<Expr>),
    /// `f(a, b, ...)`.
    Call(Function, Vec<Expr>),
    /// A call the parser reported (an unknown function, a wrong number of arguments, `prev`
    /// around something other than a code). Its arguments are kept so that their own problems
    /// are reported too; it has no type and evaluates to a type-mismatch error.
    Invalid {
        /// The name as written.
        name: String,
        /// The arguments.
        args: Vec<Expr>,
    },
}

/// Which period a reference reads, relative to the one being evaluated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Shift {
    /// The period being evaluated.
    Current,
    /// The period before (`prev(x)`): the previous month, quarter, half-year or year.
    Previous,
    /// The same period a year earlier (`last_year(x)`).
    LastYear,
}

impl Shift {
    /// The period this shift reads when `period` is evaluated (`None` before the year 1000).
    pub fn apply(self, period: crate::period::Period) -> Option<crate::period::Period> {
        match self {
            Shift::Current => Some(period),
            Shift::Previous => period.previous(),
            Shift::LastYear => period.same_period_last_year(),
        }
    }
}

/// A binary operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BinaryOp {
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `/`
    Div,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `and`
    And,
    /// `or`
    Or,
}

impl BinaryOp {
    /// The operator as written in formulas.
    pub fn symbol(self) -> &'static str {
        match self {
            BinaryOp::Add => "+",
            BinaryOp::Sub => "-",
            BinaryOp::Mul => "*",
            BinaryOp::Div => "/",
            BinaryOp::Lt => "<",
            BinaryOp::Le => "<=",
            BinaryOp::Gt => ">",
            BinaryOp::Ge => ">=",
            BinaryOp::Eq => "==",
            BinaryOp::Ne => "!=",
            BinaryOp::And => "and",
            BinaryOp::Or => "or",
        }
    }
}

impl Expr {
    /// How tightly the expression binds, loosest first: `or` 1, `and` 2, `not` 3,
    /// comparisons 4, `+ -` 5, `* /` 6, unary `-` 7, anything else 8. Printing and `describe`
    /// bracket a child that binds more loosely than its parent.
    pub fn precedence(&self) -> u8 {
        match &self.kind {
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

    /// The height of the tree (a literal is 1).
    pub fn height(&self) -> usize {
        1 + match &self.kind {
            ExprKind::Number(_)
            | ExprKind::Text(_)
            | ExprKind::Bool(_)
            | ExprKind::Reference { .. } => 0,
            ExprKind::Neg(e) | ExprKind::Not(e) => e.height(),
            ExprKind::Binary(_, a, b) => a.height().max(b.height()),
            ExprKind::Call(_, args) | ExprKind::Invalid { args, .. } => {
                args.iter().map(Expr::height).max().unwrap_or(0)
            }
        }
    }

    /// Every reference in the tree, in source order.
    pub fn references(&self) -> Vec<(&str, Shift, Range<usize>)> {
        let mut out = Vec::new();
        self.collect_references(&mut out);
        out
    }

    fn collect_references<'a>(&'a self, out: &mut Vec<(&'a str, Shift, Range<usize>)>) {
        match &self.kind {
            ExprKind::Reference { code, shift } => out.push((code, *shift, self.span.clone())),
            ExprKind::Neg(e) | ExprKind::Not(e) => e.collect_references(out),
            ExprKind::Binary(_, a, b) => {
                a.collect_references(out);
                b.collect_references(out);
            }
            ExprKind::Call(_, args) | ExprKind::Invalid { args, .. } => {
                for arg in args {
                    arg.collect_references(out);
                }
            }
            ExprKind::Number(_) | ExprKind::Text(_) | ExprKind::Bool(_) => {}
        }
    }
}
