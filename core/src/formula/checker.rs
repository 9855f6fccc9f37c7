//! Static checking: references, types, `round` places. Every problem is reported, each with
//! the span of the formula it is about.

use super::FormulaProblem;
use super::ast::{BinaryOp, Expr, ExprKind};
use super::parser::Located;
use super::{Context, Function, Type};

/// Walks the tree, returning its type (`None` where an earlier problem makes it unknown, so
/// one mistake is reported once, not at every enclosing operator).
pub(crate) fn check(expr: &Expr, context: &dyn Context, out: &mut Vec<Located>) -> Option<Type> {
    match &expr.kind {
        ExprKind::Number(_) => Some(Type::Number),
        ExprKind::Text(_) => Some(Type::Text),
        ExprKind::Bool(_) => Some(Type::Bool),
        ExprKind::Reference { code, .. } => {
            if !context.has(code) {
                out.push((
                    FormulaProblem::UnknownReference { name: code.clone() },
                    expr.span.clone(),
                ));
            }
            context.type_of(code)
        }
        ExprKind::Invalid { args, .. } => {
            // The call itself was reported by the parser; its arguments may hold more problems.
            for arg in args {
                check(arg, context, out);
            }
            None
        }
        ExprKind::Neg(inner) => {
            let ty = check(inner, context, out);
            expect(inner, ty, Type::Number, "-", out);
            Some(Type::Number)
        }
        ExprKind::Not(inner) => {
            let ty = check(inner, context, out);
            expect(inner, ty, Type::Bool, "not", out);
            Some(Type::Bool)
        }
        ExprKind::Binary(op, a, b) => {
            let (ta, tb) = (check(a, context, out), check(b, context, out));
            let symbol = op.symbol();
            match op {
                BinaryOp::Add | BinaryOp::Sub | BinaryOp::Mul | BinaryOp::Div => {
                    expect(a, ta, Type::Number, symbol, out);
                    expect(b, tb, Type::Number, symbol, out);
                    Some(Type::Number)
                }
                BinaryOp::Lt | BinaryOp::Le | BinaryOp::Gt | BinaryOp::Ge => {
                    expect(a, ta, Type::Number, symbol, out);
                    expect(b, tb, Type::Number, symbol, out);
                    Some(Type::Bool)
                }
                BinaryOp::Eq | BinaryOp::Ne => {
                    if let Some(ta) = ta {
                        expect(b, tb, ta, symbol, out);
                    }
                    Some(Type::Bool)
                }
                BinaryOp::And | BinaryOp::Or => {
                    expect(a, ta, Type::Bool, symbol, out);
                    expect(b, tb, Type::Bool, symbol, out);
                    Some(Type::Bool)
                }
            }
        }
        ExprKind::Call(function, args) => {
            let types: Vec<Option<Type>> = args.iter().map(|a| check(a, context, out)).collect();
            call(*function, args, &types, out)
        }
    }
}

/// Reports `expr` when its known type `ty` is not `want`.
fn expect(expr: &Expr, ty: Option<Type>, want: Type, operation: &str, out: &mut Vec<Located>) {
    if let Some(found) = ty
        && found != want
    {
        let problem = FormulaProblem::FormulaType {
            operation: operation.to_owned(),
            expected: want,
            found,
        };
        out.push((problem, expr.span.clone()));
    }
}

/// The type of a call of `function` on `args`, whose types are `types`.
fn call(
    function: Function,
    args: &[Expr],
    types: &[Option<Type>],
    out: &mut Vec<Located>,
) -> Option<Type> {
    let name = function.name();
    match function {
        Function::Sum
        | Function::Avg
        | Function::Min
        | Function::Max
        | Function::Abs
        | Function::Ln
        | Function::Exp
        | Function::Log10
        | Function::Power
        | Function::Sqrt => {
            for (arg, ty) in args.iter().zip(types) {
                expect(arg, *ty, Type::Number, name, out);
            }
            Some(Type::Number)
        }
        Function::Round => {
            expect(&args[0], types[0], Type::Number, name, out);
            if !matches!(args[1].kind, ExprKind::Number(n) if n.scale() == 0 && n <= 28.into()) {
                out.push((FormulaProblem::FormulaRoundPlaces, args[1].span.clone()));
            }
            Some(Type::Number)
        }
        Function::Coalesce => same_type(args, types, name, out),
        Function::IsMissing => Some(Type::Bool),
        Function::If => {
            expect(&args[0], types[0], Type::Bool, name, out);
            same_type(&args[1..], &types[1..], name, out)
        }
        // `prev` and `last_year` are read into shifted references by the parser.
        Function::Prev | Function::LastYear => None,
    }
}

/// The common type of `args` (those whose type is known must all agree with the first).
fn same_type(
    args: &[Expr],
    types: &[Option<Type>],
    name: &str,
    out: &mut Vec<Located>,
) -> Option<Type> {
    let first = types.iter().flatten().next().copied()?;
    for (arg, ty) in args.iter().zip(types) {
        expect(arg, *ty, first, name, out);
    }
    Some(first)
}
