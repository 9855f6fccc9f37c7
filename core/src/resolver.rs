//! The one resolver of "the value of this item, for this unit, in this period, as of this
//! time": a reported item's value from a [`Source`] (the evaluation's approved revisions, or
//! the quality checks' standing ones, both as of a time), a computed indicator by its formula,
//! shorter periods rolled up into longer ones, and the revisions each number rests on (its
//! lineage). The evaluation and the quality checks read values only through it.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

use crate::catalogue::{Aggregation, Catalogue, Method};
use crate::formula::{IndicatorFormula, MissingStrategy, roll_up};
use crate::ledger::Snapshotted;
use crate::period::{Cycle, Period};
use crate::{Missing, Value};

/// How deep computed indicators may read other computed indicators (the catalogue refuses
/// circles; this bounds the work all the same).
const MAX_DEPTH: usize = 16;

/// A value and the ledger revisions it was computed from.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Traced {
    pub value: Value,
    pub revisions: Lineage,
}

impl Traced {
    fn missing() -> Self {
        Traced {
            value: Value::Missing(Missing::NoData),
            revisions: Lineage::default(),
        }
    }
}

/// Ledger revisions, ascending and each once: a small sorted vector, as most values rest on
/// one to a few revisions (a set's tree node per value was a large share of a national
/// evaluation's allocations).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Lineage(Vec<u64>);

impl Lineage {
    /// One revision.
    pub fn one(revision: u64) -> Self {
        Lineage(vec![revision])
    }

    /// Adds `other`'s revisions.
    pub fn extend(&mut self, other: Lineage) {
        if other.0.is_empty() {
            return;
        }
        if self.0.is_empty() {
            self.0 = other.0; // already ascending, each once
            return;
        }
        self.0.extend(other.0);
        self.0.sort_unstable();
        self.0.dedup();
    }

    /// The revisions, ascending.
    pub fn iter(&self) -> impl Iterator<Item = &u64> {
        self.0.iter()
    }
}

/// An item's approved values by period, each with its revision.
type History = BTreeMap<Period, (Value, u64)>;

/// Every approved value in force, by unit, item and period.
#[derive(Debug, Default)]
pub(crate) struct Approved {
    values: HashMap<String, HashMap<String, History>>,
    /// The first month of the earliest period with an approved value: no value of a period
    /// that ends before it can exist, as formulas read only the same or earlier periods.
    earliest_month: Option<i32>,
}

impl Approved {
    pub fn new(approved: Vec<Snapshotted>) -> Self {
        let mut out = Approved::default();
        for s in approved {
            let first = s.period.first_month_index();
            out.earliest_month = Some(out.earliest_month.map_or(first, |e| e.min(first)));
            out.values
                .entry(s.unit)
                .or_default()
                .entry(s.item)
                .or_default()
                .insert(s.period, (s.value, s.revision));
        }
        out
    }

    /// The approved value of `item` for `unit` in `period` and its revision.
    pub fn get(&self, unit: &str, item: &str, period: Period) -> Option<&(Value, u64)> {
        self.values.get(unit)?.get(item)?.get(&period)
    }

    /// The units with an approved value.
    pub fn units(&self) -> impl Iterator<Item = &str> {
        self.values.keys().map(String::as_str)
    }

    /// The periods in which `unit` has an approved value of `item`.
    pub fn periods(&self, unit: &str, item: &str) -> impl Iterator<Item = Period> + '_ {
        self.values
            .get(unit)
            .and_then(|items| items.get(item))
            .into_iter()
            .flat_map(|history| history.keys().copied())
    }

    /// Replaces each of `cells` (unit, item, period) by the missing value `reason`, keeping its
    /// revision in the lineage.
    pub fn withhold<'c>(
        &mut self,
        cells: impl IntoIterator<Item = (&'c str, &'c str, Period)>,
        reason: Missing,
    ) {
        for (unit, item, period) in cells {
            if let Some((value, _)) = self
                .values
                .get_mut(unit)
                .and_then(|items| items.get_mut(item))
                .and_then(|history| history.get_mut(&period))
            {
                *value = Value::Missing(reason);
            }
        }
    }

    /// Whether `period` and every period before it are certainly without a value (they end
    /// before the earliest approved period begins): a back-scan through history stops there.
    pub fn none_up_to(&self, period: Period) -> bool {
        self.earliest_month
            .is_none_or(|earliest| period.last_month_index() < earliest)
    }
}

/// What computing an item's value needs from the catalogue, looked up once per evaluation
/// (the catalogue's own lookups scan its lists, and a national evaluation asks millions of
/// times).
#[derive(Clone, Debug)]
pub(crate) struct ItemFacts {
    /// How the item's value is had.
    method: ItemMethod,
    /// The indicator's own cycle.
    indicator_cycle: Option<Cycle>,
    /// How often the item is reported ([`Catalogue::cycle_of`]).
    reported_cycle: Option<Cycle>,
    /// How a data element's shorter periods roll up.
    aggregation: Aggregation,
}

/// How an item's value is had.
#[derive(Clone, Debug)]
enum ItemMethod {
    /// Reported (a data element or a reported indicator).
    Reported,
    /// Computed by its compiled formula.
    Formula(Rc<IndicatorFormula>),
    /// Computed by a formula that does not compile: always missing.
    Broken,
}

/// Where reported values come from: the value standing for a unit, item and period, and the
/// revision it rests on.
pub(crate) trait Source {
    /// The value of `item` for `unit` in `period` and its revision, if one stands.
    fn get(&self, unit: &str, item: &str, period: Period) -> Option<(&Value, u64)>;

    /// Whether `period` and every period before it are certainly without a value.
    fn none_up_to(&self, period: Period) -> bool;
}

impl Source for Approved {
    fn get(&self, unit: &str, item: &str, period: Period) -> Option<(&Value, u64)> {
        Approved::get(self, unit, item, period).map(|(v, r)| (v, *r))
    }

    fn none_up_to(&self, period: Period) -> bool {
        Approved::none_up_to(self, period)
    }
}

/// Computes values on demand, remembering each item's facts and compiled formula.
pub(crate) struct Values<'a> {
    catalogue: &'a Catalogue,
    source: &'a dyn Source,
    items: Items,
}

/// Each item's facts, worked out once and shared by the resolvers over one catalogue (the
/// quality checks make one per unit and period, and would otherwise compile every formula
/// again each time).
pub(crate) type Items = Rc<RefCell<HashMap<String, ItemFacts>>>;

impl<'a> Values<'a> {
    pub fn new(catalogue: &'a Catalogue, source: &'a dyn Source) -> Self {
        Values {
            catalogue,
            source,
            items: Items::default(),
        }
    }

    /// A resolver sharing `items` with others over the same catalogue.
    pub fn sharing(catalogue: &'a Catalogue, source: &'a dyn Source, items: Items) -> Self {
        Values {
            catalogue,
            source,
            items,
        }
    }

    /// The item's facts, worked out the first time (no allocation on the way after that).
    fn facts(&mut self, item: &str) -> ItemFacts {
        if let Some(facts) = self.items.borrow().get(item) {
            return facts.clone();
        }
        let catalogue = self.catalogue;
        let indicator = catalogue.indicator(item);
        let facts = ItemFacts {
            method: match indicator.map(|i| &i.method) {
                Some(Method::Formula { .. }) => catalogue
                    .compile_indicator(item)
                    .map_or(ItemMethod::Broken, |f| ItemMethod::Formula(Rc::new(f))),
                _ => ItemMethod::Reported,
            },
            indicator_cycle: indicator.map(|i| i.cycle),
            reported_cycle: catalogue.cycle_of(item),
            aggregation: catalogue
                .data_element(item)
                .map_or(Aggregation::Last, |d| d.aggregation),
        };
        self.items
            .borrow_mut()
            .insert(item.to_owned(), facts.clone());
        facts
    }

    /// Whether no value can exist in `period` or before it (see [`Approved::none_up_to`]).
    pub fn none_up_to(&self, period: Period) -> bool {
        self.source.none_up_to(period)
    }

    /// The value of `item` for `unit` in `period`, `no_data` when nothing stands.
    pub fn value(&mut self, unit: &str, item: &str, period: Period) -> Traced {
        self.at_depth(unit, item, period, 0)
    }

    fn at_depth(&mut self, unit: &str, item: &str, period: Period, depth: usize) -> Traced {
        if depth >= MAX_DEPTH {
            return Traced::missing();
        }
        let facts = self.facts(item);
        let formula = match &facts.method {
            ItemMethod::Reported => return self.reported(unit, item, period, depth, &facts),
            ItemMethod::Broken => return Traced::missing(),
            ItemMethod::Formula(formula) => Rc::clone(formula),
        };
        let mut revisions = Lineage::default();
        let cycle = facts.indicator_cycle.unwrap_or(period.cycle());
        if cycle < period.cycle() {
            // A monthly indicator over a quarter: its formula over the months, by the
            // indicator's declared evaluation (a ratio of sums by default).
            let rows: Vec<Vec<Value>> = (0..period.children(cycle).len())
                .map(|k| {
                    formula
                        .formula()
                        .inputs()
                        .iter()
                        .map(|input| {
                            let at = input
                                .shift
                                .apply(period)
                                .and_then(|p| p.children(cycle).get(k).copied());
                            at.map_or(Value::Missing(Missing::NoData), |at| {
                                let t = self.at_depth(unit, &input.code, at, depth + 1);
                                revisions.extend(t.revisions);
                                t.value
                            })
                        })
                        .collect()
                })
                .collect();
            return Traced {
                value: formula.evaluate_over(&rows),
                revisions,
            };
        }
        let inputs: Vec<Value> = formula
            .formula()
            .inputs()
            .iter()
            .map(|input| {
                input
                    .shift
                    .apply(period)
                    .map_or(Value::Missing(Missing::NoData), |at| {
                        let t = self.at_depth(unit, &input.code, at, depth + 1);
                        revisions.extend(t.revisions);
                        t.value
                    })
            })
            .collect();
        Traced {
            value: formula.evaluate(&inputs),
            revisions,
        }
    }

    /// A reported item: its approved value, or its shorter periods rolled up (a data element
    /// by its aggregation, a reported indicator by its latest value).
    fn reported(
        &mut self,
        unit: &str,
        item: &str,
        period: Period,
        depth: usize,
        facts: &ItemFacts,
    ) -> Traced {
        if let Some((value, revision)) = self.source.get(unit, item, period) {
            return Traced {
                value: value.clone(),
                revisions: Lineage::one(revision),
            };
        }
        let Some(cycle) = facts.reported_cycle else {
            return Traced::missing();
        };
        if cycle >= period.cycle() {
            return Traced::missing();
        }
        let aggregation = facts.aggregation;
        let mut revisions = Lineage::default();
        let parts: Vec<Value> = period
            .children(cycle)
            .into_iter()
            .map(|p| {
                let t = self.at_depth(unit, item, p, depth + 1);
                revisions.extend(t.revisions);
                t.value
            })
            .collect();
        Traced {
            value: roll_up(aggregation, &parts, MissingStrategy::SkipIfAnyMissing),
            revisions,
        }
    }
}

/// The period of `cycle` an evaluation of `period` reads: `period` itself for an indicator
/// reported as often or more often (shorter periods are rolled up), else the latest period of
/// the indicator's cycle that has ended by the end of `period` (a yearly indicator in a
/// quarterly evaluation reads the last full year).
pub(crate) fn reference_period(cycle: Cycle, period: Period) -> Option<Period> {
    if cycle <= period.cycle() {
        return Some(period);
    }
    let containing = period.parent(cycle)?;
    if containing.last_month_index() == period.last_month_index() {
        Some(containing)
    } else {
        containing.previous()
    }
}
