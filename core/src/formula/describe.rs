//! Formulas in words: references replaced by names, operators by their usual signs, in
//! Vietnamese or English, for passports, reports and the web form.

use super::Context;
use super::Function;
use super::ast::{BinaryOp, Expr, ExprKind, Shift};
use crate::{Lang, Text};

/// Renders `expr` readably in `lang`.
pub(crate) fn describe(expr: &Expr, context: &dyn Context, lang: Lang) -> String {
    words(expr, context, lang)
}

fn words(expr: &Expr, context: &dyn Context, lang: Lang) -> String {
    let t = |vi: &str, en: &str| Text::new(vi, en).get(lang).to_owned();
    // A child is bracketed when it binds more loosely than its parent (or as tightly, on the
    // right of a non-associative operator: a − (b − c)).
    let child = |e: &Expr, parent: u8, right: bool| {
        let text = words(e, context, lang);
        let p = e.precedence();
        if p < parent || (right && p == parent) {
            format!("({text})")
        } else {
            text
        }
    };
    match &expr.kind {
        ExprKind::Number(n) => crate::Style::of(lang).written(&n.to_string()),
        ExprKind::Text(s) => format!("“{s}”"),
        ExprKind::Bool(b) => {
            if *b {
                t("đúng", "true")
            } else {
                t("sai", "false")
            }
        }
        ExprKind::Reference { code, shift } => {
            let name = context.name_of(code, lang).unwrap_or_else(|| code.clone());
            match shift {
                Shift::Current => format!("[{name}]"),
                Shift::Previous => format!("[{name}] {}", t("kỳ trước", "(previous period)")),
                Shift::LastYear => format!(
                    "[{name}] {}",
                    t("cùng kỳ năm trước", "(same period last year)")
                ),
            }
        }
        ExprKind::Neg(e) => format!("−{}", child(e, 7, false)),
        ExprKind::Not(e) => format!("{} {}", t("không", "not"), child(e, 5, false)),
        ExprKind::Binary(op, a, b) => {
            let p = expr.precedence();
            let sign = match op {
                BinaryOp::Add => "+".to_owned(),
                BinaryOp::Sub => "−".to_owned(),
                BinaryOp::Mul => "×".to_owned(),
                BinaryOp::Div => "÷".to_owned(),
                BinaryOp::Lt => "<".to_owned(),
                BinaryOp::Le => "≤".to_owned(),
                BinaryOp::Gt => ">".to_owned(),
                BinaryOp::Ge => "≥".to_owned(),
                BinaryOp::Eq => "=".to_owned(),
                BinaryOp::Ne => "≠".to_owned(),
                BinaryOp::And => t("và", "and"),
                BinaryOp::Or => t("hoặc", "or"),
            };
            format!("{} {sign} {}", child(a, p, false), child(b, p, true))
        }
        ExprKind::Call(Function::If, args) => format!(
            "{} {} {} {}, {} {}",
            t("nếu", "if"),
            words(&args[0], context, lang),
            t("thì", "then"),
            words(&args[1], context, lang),
            t("ngược lại", "otherwise"),
            words(&args[2], context, lang),
        ),
        ExprKind::Call(Function::IsMissing, args) => {
            format!(
                "{} {}",
                child(&args[0], 8, false),
                t("thiếu số liệu", "is missing")
            )
        }
        ExprKind::Invalid { name, args } => {
            let list: Vec<String> = args.iter().map(|a| words(a, context, lang)).collect();
            format!("{name}({})", list.join("; "))
        }
        ExprKind::Call(function, args) => {
            let list: Vec<String> = args.iter().map(|a| words(a, context, lang)).collect();
            format!("{}({})", function.label().get(lang), list.join("; "))
        }
    }
}
