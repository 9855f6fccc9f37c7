//! Properties of the formula language: printing then reading a formula gives it back, the
//! compiled evaluator agrees with the tree-walking one on random formulas and values, and
//! plain arithmetic agrees with a reference evaluator written here without chiso.

#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use chiso::formula::{self, Shift, Values, input_name};
use chiso::formula::{Expr, ExprKind};
use chiso::{Missing, Value, ValueError};
use proptest::prelude::*;
use proptest::sample::select;
use rust_decimal::Decimal;

const CODES: [&str; 3] = ["a", "b", "c"];

/// Numeric formula text, built from the grammar's numeric forms (and yes/no forms inside
/// `if`), with a bounded depth.
fn numeric() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        (0u32..1000, 0u32..4).prop_map(|(m, s)| Decimal::new(i64::from(m), s).to_string()),
        (
            select(CODES.to_vec()),
            select(vec!["", "prev", "last_year"])
        )
            .prop_map(|(c, f)| if f.is_empty() {
                c.to_owned()
            } else {
                format!("{f}({c})")
            }),
    ];
    leaf.prop_recursive(5, 40, 4, |inner| {
        let boolean = (
            inner.clone(),
            select(vec!["<", "<=", ">", ">=", "==", "!="]),
            inner.clone(),
        )
            .prop_map(|(a, op, b)| format!("({a} {op} {b})"));
        let logic = (boolean.clone(), select(vec!["and", "or"]), boolean.clone())
            .prop_map(|(p, op, q)| format!("({p} {op} {q})"));
        prop_oneof![
            (
                inner.clone(),
                select(vec!["+", "-", "*", "/"]),
                inner.clone()
            )
                .prop_map(|(a, op, b)| format!("({a} {op} {b})")),
            inner.clone().prop_map(|a| format!("-({a})")),
            (
                select(vec!["sum", "avg", "min", "max", "coalesce"]),
                proptest::collection::vec(inner.clone(), 1..4)
            )
                .prop_map(|(f, args)| format!("{f}({})", args.join(", "))),
            inner.clone().prop_map(|a| format!("abs({a})")),
            (inner.clone(), 0u32..4).prop_map(|(a, n)| format!("round({a}, {n})")),
            (
                prop_oneof![
                    boolean,
                    logic.clone(),
                    logic.prop_map(|p| format!("not {p}"))
                ],
                inner.clone(),
                inner.clone()
            )
                .prop_map(|(p, a, b)| format!("if({p}, {a}, {b})")),
            inner.prop_map(|a| format!("if(is_missing({a}), 1, 0)")),
        ]
    })
}

fn value() -> impl Strategy<Value = Value> {
    prop_oneof![
        4 => (-1000i64..1000, 0u32..3).prop_map(|(m, s)| Value::Number(Decimal::new(m, s))),
        1 => Just(Value::Number(Decimal::ZERO)),
        1 => Just(Value::Number(Decimal::MAX)),
        1 => Just(Value::Missing(Missing::NoData)),
        1 => Just(Value::Missing(Missing::NotApplicable)),
        1 => Just(Value::Missing(Missing::DivisionByZero)),
        1 => Just(Value::Error(ValueError::Overflow)),
    ]
}

fn values() -> impl Strategy<Value = Values> {
    proptest::collection::vec(value(), 9).prop_map(|vs| {
        let names = CODES.iter().flat_map(|c| {
            [Shift::Current, Shift::Previous, Shift::LastYear].map(|s| input_name(c, s))
        });
        names.zip(vs).collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn print_then_parse_is_the_identity(source in numeric()) {
        let expr = formula::parse(&source).unwrap();
        let printed = expr.to_string();
        let again = formula::parse(&printed).unwrap();
        // The same tree (spans aside: the printed text is laid out differently).
        prop_assert_eq!(unspanned(&again), unspanned(&expr));
        prop_assert_eq!(again.to_string(), printed);
    }

    #[test]
    fn compiled_evaluation_equals_the_tree_walk(source in numeric(), rows in proptest::collection::vec(values(), 1..5)) {
        let compiled = formula::compile(&source, &rows[0]).unwrap();
        let expr = formula::parse(&source).unwrap();
        let mut expected = Vec::new();
        let mut columns: Vec<Vec<Value>> = vec![Vec::new(); compiled.inputs().len()];
        for values in &rows {
            let row: Vec<Value> = compiled.inputs().iter().map(|i| values[&input_name(&i.code, i.shift)].clone()).collect();
            let lookup = |code: &str, shift: Shift| values[&input_name(code, shift)].clone();
            let reference = formula::interpret(&expr, &lookup);
            // Compared as JSON, so that `-0` against `0` or `1.0` against `1` would show.
            prop_assert_eq!(chiso::to_json(&compiled.evaluate(&row)), chiso::to_json(&reference));
            for (column, value) in columns.iter_mut().zip(row) {
                column.push(value);
            }
            expected.push(reference);
        }
        // The columnar path (and its arithmetic fast path), over rows that differ.
        if !columns.is_empty() {
            let slices: Vec<&[Value]> = columns.iter().map(Vec::as_slice).collect();
            let mut out = Vec::new();
            compiled.evaluator().evaluate_columns(&slices, &mut out);
            prop_assert_eq!(chiso::to_json(&out), chiso::to_json(&expected));
        }
    }

    #[test]
    fn nothing_panics_on_arbitrary_text(source in "\\PC{0,60}") {
        let report = formula::check(&source, &Values::new());
        prop_assert_eq!(report.valid, report.findings.iter().all(|f| !f.is_error()));
    }
}

/// `expr` with every span emptied, so trees can be compared by shape and content.
fn unspanned(expr: &Expr) -> Expr {
    let kind = match &expr.kind {
        ExprKind::Neg(e) => ExprKind::Neg(Box::new(unspanned(e))),
        ExprKind::Not(e) => ExprKind::Not(Box::new(unspanned(e))),
        ExprKind::Binary(op, a, b) => {
            ExprKind::Binary(*op, Box::new(unspanned(a)), Box::new(unspanned(b)))
        }
        ExprKind::Call(f, args) => ExprKind::Call(*f, args.iter().map(unspanned).collect()),
        ExprKind::Invalid { name, args } => ExprKind::Invalid {
            name: name.clone(),
            args: args.iter().map(unspanned).collect(),
        },
        other => other.clone(),
    };
    Expr { kind, span: 0..0 }
}

/// Plain arithmetic, as a tree the reference below evaluates on its own.
#[derive(Debug, Clone)]
enum Arith {
    Number(Decimal),
    Input(usize),
    Neg(Box<Arith>),
    Binary(Box<Arith>, char, Box<Arith>),
}

impl Arith {
    fn text(&self) -> String {
        match self {
            Arith::Number(d) => d.to_string(),
            Arith::Input(i) => CODES[*i].to_owned(),
            Arith::Neg(a) => format!("-({})", a.text()),
            Arith::Binary(a, op, b) => format!("({} {op} {})", a.text(), b.text()),
        }
    }
}

/// What the reference computes: a number, a division by zero, or an overflow.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Outcome {
    Number(Decimal),
    DivisionByZero,
    Overflow,
}

/// The formula language's arithmetic as its docs state it, written with nothing of chiso's:
/// exact `rust_decimal` operations, checked; a division by zero makes the value missing for
/// that reason; an overflow is an error, and an error beats a missing value; of two missing
/// reasons the first wins.
fn reference(tree: &Arith, inputs: &[Decimal; 3]) -> Outcome {
    match tree {
        Arith::Number(d) => Outcome::Number(*d),
        Arith::Input(i) => Outcome::Number(inputs[*i]),
        Arith::Neg(a) => match reference(a, inputs) {
            Outcome::Number(d) => Outcome::Number(-d),
            other => other,
        },
        Arith::Binary(a, op, b) => match (reference(a, inputs), reference(b, inputs)) {
            (Outcome::Overflow, _) | (_, Outcome::Overflow) => Outcome::Overflow,
            (Outcome::DivisionByZero, _) | (_, Outcome::DivisionByZero) => Outcome::DivisionByZero,
            (Outcome::Number(x), Outcome::Number(y)) => {
                let result = match op {
                    '+' => x.checked_add(y),
                    '-' => x.checked_sub(y),
                    '*' => x.checked_mul(y),
                    _ if y.is_zero() => return Outcome::DivisionByZero,
                    _ => x.checked_div(y),
                };
                result.map_or(Outcome::Overflow, Outcome::Number)
            }
        },
    }
}

fn arith() -> impl Strategy<Value = Arith> {
    let leaf = prop_oneof![
        (-1000i64..1000, 0u32..4).prop_map(|(m, s)| Arith::Number(Decimal::new(m, s))),
        (0usize..3).prop_map(Arith::Input),
    ];
    leaf.prop_recursive(6, 48, 2, |inner| {
        prop_oneof![
            inner.clone().prop_map(|a| Arith::Neg(Box::new(a))),
            (inner.clone(), select(vec!['+', '-', '*', '/']), inner)
                .prop_map(|(a, op, b)| Arith::Binary(Box::new(a), op, Box::new(b))),
        ]
    })
}

fn input() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        6 => (-100_000i64..100_000, 0u32..6).prop_map(|(m, s)| Decimal::new(m, s)),
        1 => Just(Decimal::ZERO),
        1 => Just(Decimal::MAX),
        1 => Just(Decimal::MIN),
        1 => (1u32..28).prop_map(|s| Decimal::new(1, s)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    #[test]
    fn arithmetic_agrees_with_an_independent_reference(tree in arith(), a in input(), b in input(), c in input()) {
        let inputs = [a, b, c];
        let values: Values = CODES.iter().zip(inputs).map(|(c, d)| ((*c).to_owned(), Value::Number(d))).collect();
        let source = tree.text();
        let run = formula::run(&source, &values, &values);
        let got = match run.value {
            Some(Value::Number(d)) => Outcome::Number(d),
            Some(Value::Missing(Missing::DivisionByZero)) => Outcome::DivisionByZero,
            Some(Value::Error(ValueError::Overflow)) => Outcome::Overflow,
            other => panic!("{source}: unexpected {other:?}"),
        };
        // Decimals compare by value: 1.0 equals 1, and -0 equals 0.
        prop_assert_eq!(got, reference(&tree, &inputs), "{}", source);
    }
}
