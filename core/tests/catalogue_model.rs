//! The catalogue model: typed views, rounding, words and lookups, checked against values worked
//! out by hand.

#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use chiso::catalogue::{Comparator, Goal, Layer, RoundingMode, Scope, Target};
use chiso::{Catalogue, Lang};
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn target(json: &str) -> Target {
    serde_json::from_str(json).unwrap()
}

#[test]
fn rounding_modes_on_halves_and_negatives() {
    // (mode, value, places, expected): the official half-up rule rounds halves away from zero.
    let cases = [
        (RoundingMode::HalfUp, "2.5", 0, "3"),
        (RoundingMode::HalfUp, "-2.5", 0, "-3"),
        (RoundingMode::HalfUp, "0.6325", 3, "0.633"),
        (RoundingMode::HalfEven, "2.5", 0, "2"),
        (RoundingMode::HalfEven, "3.5", 0, "4"),
        (RoundingMode::HalfDown, "2.5", 0, "2"),
        (RoundingMode::Down, "2.99", 1, "2.9"),
        (RoundingMode::Down, "-2.99", 1, "-2.9"),
        (RoundingMode::Up, "2.01", 1, "2.1"),
        (RoundingMode::Floor, "-2.01", 1, "-2.1"),
        (RoundingMode::Ceiling, "-2.09", 1, "-2.0"),
    ];
    for (mode, value, places, expected) in cases {
        assert_eq!(
            mode.round(d(value), places),
            d(expected),
            "{mode:?} {value} to {places}"
        );
    }
    assert_eq!(RoundingMode::default(), RoundingMode::HalfUp);
}

#[test]
fn rounding_defaults_to_half_up_when_omitted() {
    let text = include_str!("../../examples/catalogues/minimal.json")
        .replace("\"rounding\": \"half_up\",", "");
    let catalogue = Catalogue::from_json(&text).unwrap();
    assert_eq!(catalogue.indicators[0].rounding, RoundingMode::HalfUp);
}

#[test]
fn goals_are_typed_views_of_targets() {
    let at_most = target(r#"{"comparator": "<=", "value": "3", "scope": "asean", "year": 2030}"#);
    assert_eq!(
        at_most.goal(),
        Some(Goal::Threshold {
            comparator: Comparator::AtMost,
            value: d("3")
        })
    );
    assert_eq!(at_most.describe(Lang::Vi), "≤ 3 (ASEAN, 2030)");
    let range = target(
        r#"{"comparator": "range", "min": "16", "max": "18", "scope": "national", "year": 2030}"#,
    );
    assert_eq!(
        range.goal(),
        Some(Goal::Range {
            min: d("16"),
            max: d("18")
        })
    );
    assert_eq!(range.describe(Lang::En), "16 – 18 (national, 2030)");
    let words = target(
        r#"{"comparator": "text", "text": {"vi": "Tăng dần", "en": "Rising"}, "scope": "national", "year": 2030}"#,
    );
    assert_eq!(words.describe(Lang::En), "Rising (national, 2030)");
    // A comparator without the field it needs has no goal (validation reports it).
    let broken = target(r#"{"comparator": ">", "scope": "world", "year": 2030}"#);
    assert_eq!(broken.goal(), None);
    assert_eq!(broken.scope, Scope::World);
}

#[test]
fn decimals_keep_every_digit_through_json() {
    let t = target(
        r#"{"comparator": ">=", "value": "0.1000000000000000000000000001", "scope": "national", "year": 2030}"#,
    );
    assert_eq!(
        t.value.unwrap().to_string(),
        "0.1000000000000000000000000001"
    );
    assert!(
        serde_json::to_string(&t)
            .unwrap()
            .contains(r#""value":"0.1000000000000000000000000001""#)
    );
}

#[test]
fn layers_read_from_their_letter_only() {
    assert_eq!("a".parse::<Layer>().unwrap(), Layer::A);
    let err = "A".parse::<Layer>().unwrap_err();
    assert_eq!(err.code(), "argument.invalid");
    assert_eq!(
        err.message_en(),
        "`A` is not a valid layer; expected one of: `a`, `b`, `c`"
    );
}

#[test]
fn lookups_find_items_anywhere_in_the_catalogue() {
    let nq57 = Catalogue::nq57();
    let a01 = nq57.indicator("A01").unwrap();
    let group = nq57.group(&a01.group).unwrap();
    assert_eq!(group.code, a01.group);
    let nested = nq57.groups.iter().flat_map(|g| &g.children).next().unwrap();
    assert_eq!(nq57.group(&nested.code).unwrap().name, nested.name);
    assert!(nq57.agency(&a01.responsibility.lead_agency).is_some());
    assert!(nq57.indicator("A99").is_none());
    let formula = nq57.indicators.iter().find_map(|i| i.formula()).unwrap();
    let first = chiso::formula::references(formula).unwrap()[0].name;
    assert!(nq57.data_element(first).is_some() || nq57.indicator(first).is_some());
}

#[test]
fn passport_names_agencies_and_groups() {
    let nq57 = Catalogue::nq57();
    let a07 = nq57.indicator("A07").unwrap();
    let lines = nq57.passport(a07, Lang::En);
    let value = |label: &str| {
        lines
            .iter()
            .find(|l| l.label == label)
            .unwrap()
            .value
            .clone()
    };
    assert_eq!(value("Code"), "A07");
    assert_eq!(
        value("Targets"),
        "≥ 30 (national, 2030); ≥ 50 (national, 2045)"
    );
    assert_eq!(value("Lead agency"), nq57.agency("MIC").unwrap().name.en);
    assert_eq!(value("Group"), nq57.group(&a07.group).unwrap().name.en);
}
