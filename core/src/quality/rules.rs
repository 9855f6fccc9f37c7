//! The catalogue's validation rules, evaluated over the unit's standing values.
//!
//! A rule is judged for a unit when it reads an item the unit reports or must report. A side
//! with `skip_if_any_missing` (the default) skips the rule when any of its inputs is missing;
//! `skip_if_all_missing` and `zero` count unreported numbers as zero (the first skipping when
//! every input is missing); a side that still has no value skips the rule. The pair operators
//! look only at which sides have a value.

use std::collections::BTreeSet;

use super::flaw::FlawKind;
use super::{Flaw, Inputs, found::Found};
use crate::catalogue::{Catalogue, RuleOperator, ValidationRule};
use crate::formula::{self, Compiled, MissingStrategy, Type};
use crate::period::Period;
use crate::{Missing, Value};

pub(super) fn check<'q>(cx: &Inputs<'q, '_>, items: &BTreeSet<&'q str>, out: &mut Vec<Found<'q>>) {
    let values = cx.values();
    let compiled = cx.index.rules(cx.catalogue);
    for (rule, sides) in cx.catalogue.validation_rules.iter().zip(compiled.iter()) {
        let Some((left, right)) = sides else {
            continue; // a catalogue that loaded has well-formed rules
        };
        let Some(anchor) = left
            .inputs()
            .iter()
            .chain(right.inputs())
            .find_map(|i| items.get(i.code.as_str()).copied())
        else {
            continue;
        };
        let mut value = |code: &str, at: Period| values.value(cx.unit, code, at).value;
        let Some((l, r)) = broken(rule, (left, right), cx.catalogue, cx.period, &mut value) else {
            continue;
        };
        let flaw = || Flaw::Rule {
            rule: rule.code.clone(),
            name: rule.name.clone(),
            left: l.described(),
            operator: rule.operator.symbol(),
            right: r.described(),
            severity: rule.severity,
        };
        let revision = cx.standing(anchor, cx.period).map(|r| r.sequence);
        cx.push(out, FlawKind::Rule(rule.severity), anchor, revision, flaw);
    }
}

/// The two sides' values when `rule`, compiled as `sides`, fails in `period` over the values
/// `value` gives (an item's value in a period); `None` when it holds or is skipped. The quality
/// checks read the standing values, the evaluation the approved ones: one judgement for both.
pub(crate) fn broken(
    rule: &ValidationRule,
    sides: (&Compiled, &Compiled),
    catalogue: &Catalogue,
    period: Period,
    value: &mut dyn FnMut(&str, Period) -> Value,
) -> Option<(Value, Value)> {
    let pairing = rule.operator.is_pairing();
    let l = side(
        catalogue,
        period,
        value,
        sides.0,
        rule.left.missing,
        pairing,
    )?;
    let r = side(
        catalogue,
        period,
        value,
        sides.1,
        rule.right.missing,
        pairing,
    )?;
    (!holds(rule.operator, &l, &r)).then_some((l, r))
}

/// One side's value, or `None` when the rule is skipped.
fn side(
    catalogue: &Catalogue,
    period: Period,
    value: &mut dyn FnMut(&str, Period) -> Value,
    compiled: &Compiled,
    missing: MissingStrategy,
    pairing: bool,
) -> Option<Value> {
    let inputs: Vec<Value> = compiled
        .inputs()
        .iter()
        .map(|input| {
            input
                .shift
                .apply(period)
                .map_or(Value::Missing(Missing::NoData), |at| value(&input.code, at))
        })
        .collect();
    if pairing {
        return Some(compiled.evaluate(&inputs));
    }
    if missing == MissingStrategy::SkipIfAnyMissing && inputs.iter().any(Value::is_missing) {
        return None;
    }
    let numeric = |i: usize| {
        compiled
            .inputs()
            .get(i)
            .and_then(|input| formula::Context::type_of(catalogue, &input.code))
            == Some(Type::Number)
    };
    let applied = missing.apply(&inputs, &numeric)?;
    let value = compiled.evaluate(&applied);
    (!value.is_missing() && !matches!(value, Value::Error(_))).then_some(value)
}

fn holds(operator: RuleOperator, left: &Value, right: &Value) -> bool {
    let has = |v: &Value| !v.is_missing() && !matches!(v, Value::Error(_));
    let numbers = left.as_number().zip(right.as_number());
    match operator {
        RuleOperator::Equal => left == right,
        RuleOperator::NotEqual => left != right,
        RuleOperator::Above => numbers.is_none_or(|(l, r)| l > r),
        RuleOperator::AtLeast => numbers.is_none_or(|(l, r)| l >= r),
        RuleOperator::Below => numbers.is_none_or(|(l, r)| l < r),
        RuleOperator::AtMost => numbers.is_none_or(|(l, r)| l <= r),
        RuleOperator::CompulsoryPair => has(left) == has(right),
        RuleOperator::ExclusivePair => !(has(left) && has(right)),
    }
}
