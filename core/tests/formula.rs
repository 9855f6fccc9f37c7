//! The formula engine through its public API: evaluation rules not pinned by the golden
//! vectors, indicator-level evaluation (missing strategy, one rounding, roll-up), and the
//! NQ57 catalogue's formulas.

#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use chiso::catalogue::{Aggregation, Layer, Method};
use chiso::formula::{self, MissingStrategy, Type, Values, roll_up};
use chiso::{Catalogue, Lang, Missing, Value, ValueError};

fn num(s: &str) -> Value {
    Value::Number(s.parse().unwrap())
}

const NO_DATA: Value = Value::Missing(Missing::NoData);

fn eval(source: &str, values: &[(&str, Value)]) -> Value {
    let values: Values = values
        .iter()
        .map(|(k, v)| ((*k).to_owned(), v.clone()))
        .collect();
    formula::run(source, &values, &values).value.unwrap()
}

#[test]
fn functions_on_hand_worked_values() {
    let abc = [("a", num("-4")), ("b", num("1")), ("c", num("2.5"))];
    assert_eq!(eval("min(a, b, c)", &abc), num("-4"));
    assert_eq!(eval("max(a, b, c)", &abc), num("2.5"));
    assert_eq!(eval("avg(b, c)", &abc), num("1.75"));
    assert_eq!(eval("abs(a)", &abc), num("4"));
    assert_eq!(eval("round(c, 0)", &abc), num("3"));
    assert_eq!(eval("sum(a)", &abc), num("-4"));
    // Every argument of an aggregate must be present.
    assert_eq!(
        eval("sum(a, m)", &[("a", num("1")), ("m", NO_DATA)]),
        NO_DATA
    );
}

#[test]
fn coalesce_and_is_missing_handle_absence_and_errors() {
    let both_missing = [
        ("a", Value::Missing(Missing::NotApplicable)),
        ("b", NO_DATA),
    ];
    assert_eq!(
        eval("coalesce(a, b)", &both_missing),
        Value::Missing(Missing::NotApplicable)
    );
    let overflow = [("a", num("79228162514264337593543950335")), ("b", num("1"))];
    assert_eq!(
        eval("is_missing(a * a)", &overflow),
        Value::Error(ValueError::Overflow)
    );
    assert_eq!(
        eval("coalesce(a * a, b)", &overflow),
        Value::Error(ValueError::Overflow)
    );
}

#[test]
fn logic_is_three_valued_and_errors_do_not_hide() {
    let v = [
        ("t", Value::Bool(true)),
        ("f", Value::Bool(false)),
        ("m", NO_DATA),
        ("n", num("1")),
    ];
    assert_eq!(eval("m > 0 and f", &v), Value::Bool(false));
    assert_eq!(eval("m > 0 or t", &v), Value::Bool(true));
    assert_eq!(eval("m > 0 and t", &v), NO_DATA);
    assert_eq!(eval("m > 0 or f", &v), NO_DATA);
    assert_eq!(eval("not (m > 0)", &v), NO_DATA);
    assert_eq!(eval("t != f", &v), Value::Bool(true));
    assert_eq!(
        eval("n / 0 > 1 or f", &v),
        Value::Missing(Missing::DivisionByZero)
    );
}

#[test]
fn runtime_values_of_the_wrong_kind_are_type_mismatches() {
    // The checker types `a` from the values given; a compiled formula fed a text anyway
    // (a portal's bad row) answers with an error value, not a panic.
    let values: Values = [("a".to_owned(), num("1"))].into();
    let compiled = formula::compile("a + 1", &values).unwrap();
    assert_eq!(
        compiled.evaluate(&[Value::Text("x".into())]),
        Value::Error(ValueError::TypeMismatch)
    );
    assert_eq!(compiled.evaluate(&[]), NO_DATA);
    assert_eq!(compiled.result_type(), Some(Type::Number));
}

#[test]
fn compile_fails_with_every_finding() {
    let err = formula::compile("foo(1) + \"t\" * 2", &Values::new()).unwrap_err();
    assert_eq!(err.code(), "formula.invalid");
    let codes: Vec<&str> = err.findings().iter().map(|f| f.code.as_str()).collect();
    assert_eq!(codes, ["formula.unknown_function", "formula.type"]);
    assert!(
        err.message_vi()
            .starts_with("Công thức không hợp lệ: 2 lỗi.")
    );
}

#[test]
fn roll_up_over_periods() {
    let months = [num("10"), num("30"), num("20")];
    let strict = MissingStrategy::SkipIfAnyMissing;
    assert_eq!(roll_up(Aggregation::Sum, &months, strict), num("60"));
    assert_eq!(roll_up(Aggregation::Average, &months, strict), num("20"));
    assert_eq!(roll_up(Aggregation::Max, &months, strict), num("30"));
    assert_eq!(roll_up(Aggregation::Min, &months, strict), num("10"));
    assert_eq!(roll_up(Aggregation::Last, &months, strict), num("20"));
    let gap = [num("10"), NO_DATA, num("20")];
    assert_eq!(roll_up(Aggregation::Sum, &gap, strict), NO_DATA);
    assert_eq!(
        roll_up(Aggregation::Sum, &gap, MissingStrategy::SkipIfAllMissing),
        num("30")
    );
    assert_eq!(
        roll_up(Aggregation::Average, &gap, MissingStrategy::Zero),
        num("10")
    );
    assert_eq!(
        roll_up(
            Aggregation::Sum,
            &[NO_DATA, NO_DATA],
            MissingStrategy::SkipIfAllMissing
        ),
        NO_DATA
    );
    assert_eq!(roll_up(Aggregation::Sum, &[], strict), NO_DATA);
}

/// The minimal example catalogue with B01's formula, strategy and precision replaced.
fn minimal(expression: &str, missing: MissingStrategy, precision: u32) -> Catalogue {
    let mut catalogue =
        Catalogue::from_json(include_str!("../../examples/catalogues/minimal.json")).unwrap();
    let b01 = &mut catalogue.indicators[0];
    b01.precision = precision;
    if let Method::Formula {
        expression: e,
        missing: m,
        ..
    } = &mut b01.method
    {
        expression.clone_into(e);
        *m = missing;
    }
    catalogue
}

#[test]
fn indicators_round_once_at_their_precision() {
    let catalogue = minimal(
        "100 * hs_truc_tuyen / hs_tong",
        MissingStrategy::SkipIfAnyMissing,
        1,
    );
    let b01 = catalogue.compile_indicator("B01").unwrap();
    // 100 × 2 / 3 = 66.666…; one rounding, half-up at 1 place: 66.7.
    assert_eq!(b01.evaluate(&[num("2"), num("3")]), num("66.7"));
    // 100 × 1 / 8 = 12.5 exactly; at 1 place it stays 12.5.
    assert_eq!(b01.evaluate(&[num("1"), num("8")]), num("12.5"));
    assert_eq!(
        b01.evaluate(&[num("1"), num("0")]),
        Value::Missing(Missing::DivisionByZero)
    );
    assert_eq!(b01.evaluate(&[NO_DATA, num("8")]), NO_DATA);
}

#[test]
fn missing_strategies_are_declared_per_indicator() {
    let sum = "hs_truc_tuyen + hs_tong";
    let any = minimal(sum, MissingStrategy::SkipIfAnyMissing, 0)
        .compile_indicator("B01")
        .unwrap();
    let all = minimal(sum, MissingStrategy::SkipIfAllMissing, 0)
        .compile_indicator("B01")
        .unwrap();
    let zero = minimal(sum, MissingStrategy::Zero, 0)
        .compile_indicator("B01")
        .unwrap();
    let one_missing = [num("5"), NO_DATA];
    assert_eq!(any.evaluate(&one_missing), NO_DATA);
    assert_eq!(all.evaluate(&one_missing), num("5"));
    assert_eq!(zero.evaluate(&one_missing), num("5"));
    assert_eq!(all.evaluate(&[NO_DATA, NO_DATA]), NO_DATA);
    assert_eq!(zero.evaluate(&[NO_DATA, NO_DATA]), num("0"));
}

#[test]
fn a_ratio_over_a_quarter_is_a_ratio_of_sums_unless_declared_otherwise() {
    let mut catalogue = minimal(
        "100 * hs_truc_tuyen / hs_tong",
        MissingStrategy::SkipIfAnyMissing,
        2,
    );
    let months = vec![vec![num("1"), num("2")], vec![num("9"), num("10")]];
    // Ratio of sums: 100 × (1 + 9) / (2 + 10) = 83.333… → 83.33.
    let b01 = catalogue.compile_indicator("B01").unwrap();
    assert_eq!(b01.evaluate_over(&months), num("83.33"));
    // Mean of ratios: (50 + 90) / 2 = 70.
    if let Method::Formula { evaluation, .. } = &mut catalogue.indicators[0].method {
        *evaluation = formula::EvaluationOrder::EvaluateThenAverage;
    }
    let b01 = catalogue.compile_indicator("B01").unwrap();
    assert_eq!(b01.evaluate_over(&months), num("70"));
}

#[test]
fn compile_indicator_refuses_what_it_cannot_compile() {
    let nq57 = Catalogue::nq57();
    assert_eq!(
        nq57.compile_indicator("Z9").unwrap_err().code(),
        "catalogue.unknown_code"
    );
    let reported = nq57
        .indicators
        .iter()
        .find(|i| matches!(i.method, Method::Reported { .. }))
        .unwrap();
    assert_eq!(
        nq57.compile_indicator(&reported.code).unwrap_err().code(),
        "argument.invalid"
    );
}

#[test]
fn every_nq57_formula_passes_the_checker_and_compiles() {
    let nq57 = Catalogue::nq57();
    let mut count = 0;
    for indicator in nq57.indicators.iter().filter(|i| i.formula().is_some()) {
        let report = formula::check(indicator.formula().unwrap(), &nq57);
        assert!(
            report.findings.is_empty(),
            "{}: {:?}",
            indicator.code,
            report.findings
        );
        let compiled = nq57.compile_indicator(&indicator.code).unwrap();
        assert_eq!(
            compiled.formula().result_type(),
            Some(indicator.value_type.formula_type()),
            "{}",
            indicator.code
        );
        assert!(
            formula::describe(indicator.formula().unwrap(), &nq57, Lang::Vi)
                .unwrap()
                .contains('[')
        );
        count += 1;
    }
    assert!(count >= 45, "only {count} computed indicators");
    assert!(nq57.layer(Layer::C).all(|i| i.formula().is_some()));
}

#[test]
fn limits_are_errors_not_crashes() {
    let deep = format!("{}1{}", "(".repeat(10_000), ")".repeat(10_000));
    assert_eq!(
        formula::check(&deep, &Values::new()).findings[0].code,
        "formula.too_long"
    );
    let nested = format!("{}1{}", "(".repeat(33), ")".repeat(33));
    assert_eq!(
        formula::check(&nested, &Values::new()).findings[0].code,
        "formula.too_deep"
    );
    let minus = format!("{}1", "-".repeat(40));
    assert_eq!(
        formula::check(&minus, &Values::new()).findings[0].code,
        "formula.too_deep"
    );
    let nots = format!("{}true", "not ".repeat(40));
    assert_eq!(
        formula::check(&nots, &Values::new()).findings[0].code,
        "formula.too_deep"
    );
    let chain = vec!["1"; 300].join("+");
    assert_eq!(
        formula::check(&chain, &Values::new()).findings[0].code,
        "formula.too_deep"
    );
    let long_but_fine = vec!["1"; 200].join("+");
    assert!(formula::check(&long_but_fine, &Values::new()).valid);
}
