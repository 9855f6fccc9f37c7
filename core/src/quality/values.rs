//! A unit's value of any item in any period, from the revisions standing in the ledger: a
//! reported item's standing value, or a computed indicator's formula over them.

use std::collections::HashMap;
use std::rc::Rc;

use super::index::LedgerIndex;
use crate::catalogue::{Catalogue, Method};
use crate::formula::IndicatorFormula;
use crate::period::Period;
use crate::{Missing, Value};

/// How deep computed indicators may read other computed indicators (the catalogue refuses
/// circles; this bounds the work all the same).
const MAX_DEPTH: usize = 16;

pub(super) struct UnitValues<'a, 'l> {
    catalogue: &'a Catalogue,
    index: &'a LedgerIndex<'l>,
    compiled: HashMap<String, Option<Rc<IndicatorFormula>>>,
}

impl<'a, 'l> UnitValues<'a, 'l> {
    pub fn new(catalogue: &'a Catalogue, index: &'a LedgerIndex<'l>) -> Self {
        UnitValues {
            catalogue,
            index,
            compiled: HashMap::new(),
        }
    }

    /// The value of `item` for `unit` in `period`; `no_data` when nothing stands.
    pub fn value(&mut self, unit: &str, item: &str, period: Period) -> Value {
        self.value_at_depth(unit, item, period, 0)
    }

    fn value_at_depth(&mut self, unit: &str, item: &str, period: Period, depth: usize) -> Value {
        let computed = self
            .catalogue
            .indicator(item)
            .is_some_and(|i| matches!(i.method, Method::Formula { .. }));
        if !computed {
            return self
                .index
                .standing(unit, item, period)
                .map_or(Value::Missing(Missing::NoData), |r| {
                    r.submission.value.clone()
                });
        }
        if depth >= MAX_DEPTH {
            return Value::Missing(Missing::NoData);
        }
        let catalogue = self.catalogue;
        let Some(formula) = self
            .compiled
            .entry(item.to_owned())
            .or_insert_with(|| catalogue.compile_indicator(item).ok().map(Rc::new))
            .clone()
        else {
            return Value::Missing(Missing::NoData);
        };
        let inputs: Vec<Value> = formula
            .formula()
            .inputs()
            .iter()
            .map(|input| {
                input
                    .shift
                    .apply(period)
                    .map_or(Value::Missing(Missing::NoData), |at| {
                        self.value_at_depth(unit, &input.code, at, depth + 1)
                    })
            })
            .collect();
        formula.evaluate(&inputs)
    }
}
