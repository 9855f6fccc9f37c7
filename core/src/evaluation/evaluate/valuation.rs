//! Scoring a period: each unit's indicators valued (its own approved value, else its merged
//! predecessors', or its last value where the scheme imputes one), put at a yearly pace where a
//! flow is read over less than a year, and scored by their rules.

use super::{HISTORY_PERIODS, Pipeline, Row, Scored};
use crate::Value;
use crate::catalogue::Indicator;
use crate::catalogue::Scoring;
use crate::evaluation::result::Origin;
use crate::evaluation::score_value;
use crate::evaluation::tree::Leaf;
use crate::period::Period;
use crate::progress;
use crate::resolver::Lineage;
use crate::resolver::Traced;
use crate::resolver::Values;
use crate::resolver::reference_period;
use rust_decimal::Decimal;
use std::collections::HashMap;
use std::sync::Arc;

impl<'a> Pipeline<'a> {
    /// Values and scores every unit's indicators in `period`; with `impute`, a missing value's
    /// last one before it too.
    pub(super) fn score<'u>(
        &self,
        units: &'u [(String, Vec<&'a Indicator>)],
        period: Period,
        impute: bool,
    ) -> Vec<Scored<'a>> {
        // Each unit's values read only the approved values: spread over the cores, in order.
        let draft = |(unit, indicators): &(String, Vec<&'a Indicator>)| {
            let values = Values::for_unit(self.approved, Arc::clone(self.items), unit);
            let rows: Vec<Row<'a>> = indicators
                .iter()
                .filter_map(|indicator| {
                    let reference = reference_period(indicator.cycle, period)?;
                    let rule = indicator.scoring_rule()?;
                    let (own, origin, merged_from) =
                        self.value_of(&values, unit, &indicator.code, reference);
                    let imputed = if impute && origin == Origin::Missing {
                        last_value(&values, unit, &indicator.code, reference)
                    } else {
                        None
                    };
                    Some(Row {
                        indicator,
                        rule,
                        reference,
                        own,
                        origin,
                        merged_from,
                        imputed,
                        fraction_own: None,
                        fraction_imputed: None,
                    })
                })
                .collect();
            (unit.clone(), rows)
        };
        let drafts = crate::parallel::map(units, |(_, i)| i.len(), draft);
        // The peers' numbers, for the rules that compare across a peer group.
        let mut peers: HashMap<(&str, &str), Vec<Decimal>> = HashMap::new();
        let group_of = |unit: &'u str| self.peer_of.get(unit).copied().unwrap_or(unit);
        for ((unit, _), (_, rows)) in units.iter().zip(&drafts) {
            let group = group_of(unit);
            // Only the rules that compare across the group read the peers' numbers.
            let compared = rows
                .iter()
                .filter(|row| matches!(row.rule, Scoring::MinMax | Scoring::ZScore));
            for row in compared {
                if let Some(x) = row.own.value.as_number() {
                    peers
                        .entry((group, row.indicator.code.as_str()))
                        .or_default()
                        .push(x);
                }
            }
        }
        units
            .iter()
            .zip(drafts)
            .map(|((name, _), (unit, mut rows))| {
                let group = group_of(name);
                for row in &mut rows {
                    let peers = peers
                        .get(&(group, row.indicator.code.as_str()))
                        .map_or(&[][..], Vec::as_slice);
                    let year = u16::try_from(row.reference.year()).unwrap_or(u16::MAX);
                    let pace = self.yearly_pace(row);
                    let score = |v: &Value| {
                        let v = match (v, pace) {
                            (Value::Number(x), Some(k)) => Value::Number(*x * k),
                            _ => v.clone(),
                        };
                        score_value(row.indicator, &row.rule, &v, year, peers)
                    };
                    row.fraction_own = (row.origin != Origin::Missing)
                        .then(|| score(&row.own.value))
                        .flatten();
                    row.fraction_imputed = row.imputed.as_ref().and_then(|(_, t)| score(&t.value));
                }
                let leaves = rows
                    .iter()
                    .map(|row| Leaf {
                        indicator: &row.indicator.code,
                        layer: row.indicator.layer,
                        pillar: self.pillar_of(row.indicator),
                        weight: row.indicator.weight,
                        points: row.indicator.max_points,
                        own: row.fraction_own,
                        imputed: row.fraction_imputed,
                    })
                    .collect();
                Scored {
                    unit,
                    rows: std::sync::Mutex::new(rows),
                    leaves,
                }
            })
            .collect()
    }
    /// A unit's value: its own approved one, else the mean of the units merged to form it.
    pub(super) fn value_of(
        &self,
        values: &Values<'_>,
        unit: &str,
        code: &str,
        period: Period,
    ) -> (Traced, Origin, Vec<String>) {
        let own = values.value(unit, code, period);
        if has_value(&own.value) {
            return (own, Origin::Approved, Vec::new());
        }
        let predecessors = self
            .setup
            .tree()
            .unit(unit)
            .map_or(&[][..], |u| u.merged_from.as_slice());
        let mut numbers = Vec::new();
        let mut revisions = Lineage::default();
        let mut used = Vec::new();
        for p in predecessors {
            let t = values.value(p, code, period);
            if let Some(x) = t.value.as_number() {
                numbers.push(x);
                revisions.extend(t.revisions);
                used.push(p.clone());
            }
        }
        if numbers.is_empty() {
            return (own, Origin::Missing, Vec::new());
        }
        let mean = numbers.iter().sum::<Decimal>() / Decimal::from(numbers.len());
        (
            Traced {
                value: Value::Number(mean),
                revisions,
            },
            Origin::Merged,
            used,
        )
    }
    /// For a flow (a count summed over time, such as 5G stations installed) read over less
    /// than a year and scored against a yearly quantity (a target, steps, goalposts), the
    /// factor that puts its value at a yearly pace (4 for a quarter), so that a quarter's 150
    /// stations meet a yearly target of 500 at the rate of 600. `None` otherwise.
    pub(super) fn yearly_pace(&self, row: &Row<'_>) -> Option<Decimal> {
        let yearly = matches!(
            row.rule,
            Scoring::RatioToTarget { .. }
                | Scoring::DistanceToTarget
                | Scoring::Steps { .. }
                | Scoring::Goalposts { .. }
        );
        // The one yearly pace of a flow (progress judges by it too).
        let pace = progress::pace(
            self.flows.contains(row.indicator.code.as_str()),
            row.reference,
        );
        (yearly && pace != Decimal::ONE).then_some(pace)
    }
}

/// Whether a value can be scored (a number or yes/no).
pub(super) fn has_value(value: &Value) -> bool {
    matches!(value, Value::Number(_) | Value::Bool(_))
}

/// The unit's latest own value before `period`, within [`HISTORY_PERIODS`].
pub(super) fn last_value(
    values: &Values<'_>,
    unit: &str,
    code: &str,
    period: Period,
) -> Option<(Period, Traced)> {
    let mut at = period;
    for _ in 0..HISTORY_PERIODS {
        at = at.previous()?;
        if values.none_up_to(at) {
            return None;
        }
        let t = values.value(unit, code, at);
        if has_value(&t.value) {
            return Some((at, t));
        }
    }
    None
}
