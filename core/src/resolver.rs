//! The one resolver of "the value of this item, for this unit, in this period, as of this
//! time": a reported item's value from a [`Source`] (the evaluation's approved revisions, or
//! the quality checks' standing ones, both as of a time), a computed indicator by its formula,
//! shorter periods rolled up into longer ones, and the revisions each number rests on (its
//! lineage). The evaluation and the quality checks read values only through it.

use std::sync::Arc;

use rustc_hash::FxHashMap;

use crate::catalogue::IndicatorFormula;
use crate::catalogue::{Aggregation, Catalogue, Method};
use crate::columns::{self, CellId, CodeId, LedgerColumns, UnitCells};
use crate::formula::{MissingStrategy, roll_up};
use crate::ledger::Ledger;
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
/// evaluation's allocations), held inline up to two.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Lineage(smallvec::SmallVec<[u64; 2]>);

impl Lineage {
    /// One revision.
    pub fn one(revision: u64) -> Self {
        Lineage(smallvec::smallvec![revision])
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

/// The value standing for `Missing::Invalid`, lent by [`Approved`] for a withheld cell.
const INVALID: Value = Value::Missing(Missing::Invalid);

/// Which approved values are withheld as invalid, asked cell by cell as values are read (the
/// evaluation decides it by the catalogue's error-level rules, for the cells it reads).
pub(crate) trait Withheld: Sync {
    /// Whether the value in force in the cell `id` is withheld.
    fn withheld(&self, id: CellId) -> bool;
}

/// Every approved value in force, read from the columns, less those withheld.
pub(crate) struct Approved<'a> {
    /// The ledger the columns were built from, which holds the values.
    ledger: &'a Ledger,
    /// Each batch's values by the position of its entry (none for another entry): a value in
    /// force read in two steps, not through its entry and row.
    batches: Vec<&'a [Value]>,
    columns: &'a LedgerColumns,
    /// What decides the cells withheld as invalid; `None`: none is.
    withheld: Option<&'a dyn Withheld>,
}

impl std::fmt::Debug for Approved<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Approved")
            .field("columns", &self.columns.as_of())
            .field("withholding", &self.withheld.is_some())
            .finish()
    }
}

impl<'a> Approved<'a> {
    /// Every approved value of `ledger` in its `columns`, none withheld.
    pub fn new(ledger: &'a Ledger, columns: &'a LedgerColumns) -> Self {
        Approved {
            ledger,
            batches: batch_values(ledger),
            columns,
            withheld: None,
        }
    }

    /// Every approved value, those `withheld` decides replaced by the missing value
    /// `invalid` (their revisions kept in the lineage).
    pub fn withholding(
        ledger: &'a Ledger,
        columns: &'a LedgerColumns,
        withheld: &'a dyn Withheld,
    ) -> Self {
        Approved {
            ledger,
            batches: batch_values(ledger),
            columns,
            withheld: Some(withheld),
        }
    }
}

/// Each entry's batch values (empty for an entry that is not a batch), by position.
fn batch_values(ledger: &Ledger) -> Vec<&[Value]> {
    ledger
        .entries()
        .iter()
        .map(|e| match &e.action {
            crate::ledger::Action::Import { batch } => batch.rows.values(),
            _ => &[],
        })
        .collect()
}

impl Source for Approved<'_> {
    fn columns(&self) -> &LedgerColumns {
        self.columns
    }

    fn get(&self, id: CellId) -> Option<(&Value, u64)> {
        let in_force = self.columns.cell_at(id)?.in_force.as_ref()?;
        let value = if self.withheld.is_some_and(|w| w.withheld(id)) {
            &INVALID
        } else {
            match self.batches.get(in_force.entry as usize) {
                Some(values) if !values.is_empty() => values.get(in_force.row as usize)?,
                _ => columns::value_in_force(self.ledger, in_force)?,
            }
        };
        Some((value, in_force.revision.get()))
    }

    fn none_up_to(&self, period: Period) -> bool {
        self.columns.none_up_to(period)
    }

    fn none_of_up_to(&self, item: CodeId, period: Period) -> bool {
        self.columns.none_of_up_to(item, period)
    }
}

/// What computing an item's value needs from the catalogue, looked up once per evaluation
/// (the catalogue's own lookups scan its lists, and a national evaluation asks millions of
/// times).
#[derive(Clone, Debug)]
struct ItemFacts {
    /// How the item's value is had.
    method: ItemMethod,
    /// The indicator's own cycle.
    indicator_cycle: Option<Cycle>,
    /// How often the item is reported ([`Catalogue::cycle_of`]).
    reported_cycle: Option<Cycle>,
    /// How a data element's shorter periods roll up.
    aggregation: Aggregation,
    /// The item's number in the columns, if anything was reported for it.
    column: Option<CodeId>,
}

/// How an item's value is had.
#[derive(Clone, Debug)]
enum ItemMethod {
    /// Reported (a data element or a reported indicator).
    Reported,
    /// Computed by its compiled formula.
    Formula(Box<FormulaItem>),
    /// Computed by a formula that does not compile: always missing.
    Broken,
}

/// A computed indicator's formula and what reading it needs.
#[derive(Clone, Debug)]
struct FormulaItem {
    formula: IndicatorFormula,
    /// Each input's item number.
    inputs: Vec<Option<usize>>,
    /// The formula's value when no input has any: a back-scan over the periods before the
    /// inputs were reported reads it without evaluating.
    of_nothing: Value,
    /// The same over a longer period, by how many shorter periods it holds.
    over_nothing: [(usize, Value); 5],
}

/// Each catalogue item's facts and compiled formula, numbered, worked out once and shared by
/// every resolver over the same catalogue and columns (the quality checks make one per unit
/// and period).
#[derive(Debug)]
pub(crate) struct Items {
    numbers: FxHashMap<String, usize>,
    facts: Vec<ItemFacts>,
}

impl Items {
    /// The catalogue's data elements and indicators, with their numbers in `columns`.
    pub fn new(catalogue: &Catalogue, columns: &LedgerColumns) -> Arc<Items> {
        let codes = catalogue
            .data_elements
            .iter()
            .map(|d| d.code.as_str())
            .chain(catalogue.indicators.iter().map(|i| i.code.as_str()));
        let mut numbers: FxHashMap<String, usize> = FxHashMap::default();
        for code in codes {
            let next = numbers.len();
            numbers.entry(code.to_owned()).or_insert(next);
        }
        let mut facts: Vec<Option<ItemFacts>> = vec![None; numbers.len()];
        let cycles = catalogue.reported_cycles();
        let indicators: FxHashMap<&str, &crate::catalogue::Indicator> = catalogue
            .indicators
            .iter()
            .rev() // the first of a code wins, as `Catalogue::indicator` finds it
            .map(|i| (i.code.as_str(), i))
            .collect();
        let elements: FxHashMap<&str, &crate::catalogue::DataElement> = catalogue
            .data_elements
            .iter()
            .rev()
            .map(|d| (d.code.as_str(), d))
            .collect();
        for (code, &n) in &numbers {
            let indicator = indicators.get(code.as_str()).copied();
            let method = match indicator.map(|i| &i.method) {
                Some(Method::Formula { .. }) => {
                    catalogue
                        .compile_indicator(code)
                        .map_or(ItemMethod::Broken, |f| {
                            let inputs: Vec<Option<usize>> = f
                                .formula()
                                .inputs()
                                .iter()
                                .map(|input| numbers.get(&input.code).copied())
                                .collect();
                            let nothing = vec![Value::Missing(Missing::NoData); inputs.len()];
                            // A year holds 2 halves, 4 quarters or 12 months; a half 2
                            // quarters or 6 months; a quarter 3 months.
                            let over_nothing = [2, 3, 4, 6, 12]
                                .map(|k| (k, f.evaluate_over(&vec![nothing.clone(); k])));
                            ItemMethod::Formula(Box::new(FormulaItem {
                                over_nothing,
                                of_nothing: f.evaluate(&nothing),
                                formula: f,
                                inputs,
                            }))
                        })
                }
                _ => ItemMethod::Reported,
            };
            facts[n] = Some(ItemFacts {
                method,
                indicator_cycle: indicator.map(|i| i.cycle),
                reported_cycle: cycles.get(code.as_str()).copied(),
                aggregation: elements
                    .get(code.as_str())
                    .map_or(Aggregation::Last, |d| d.aggregation),
                column: columns.items().id(code),
            });
        }
        Arc::new(Items {
            numbers,
            facts: facts.into_iter().flatten().collect(),
        })
    }
}

/// Where reported values come from: the value standing in a cell of the columns, and the
/// revision it rests on.
pub(crate) trait Source: Sync {
    /// The columns the cells are of.
    fn columns(&self) -> &LedgerColumns;

    /// The value standing in the cell `id` and its revision, if one stands.
    fn get(&self, id: CellId) -> Option<(&Value, u64)>;

    /// Whether `period` and every period before it are certainly without a value.
    fn none_up_to(&self, period: Period) -> bool;

    /// Whether `period` and every period before it are certainly without a value of the item
    /// numbered `item` in the columns.
    fn none_of_up_to(&self, item: CodeId, period: Period) -> bool;
}

/// Computes values on demand over the shared item facts.
pub(crate) struct Values<'a> {
    source: &'a dyn Source,
    items: Arc<Items>,
    /// The cells of the unit most values are asked for.
    local: Option<&'a UnitCells>,
}

impl<'a> Values<'a> {
    /// A resolver sharing `items` with others over the same catalogue and columns.
    pub fn sharing(source: &'a dyn Source, items: Arc<Items>) -> Self {
        Values {
            source,
            items,
            local: None,
        }
    }

    /// [`Values::sharing`], for values mostly of `unit`: its cells looked up first.
    pub fn for_unit(source: &'a dyn Source, items: Arc<Items>, unit: &str) -> Self {
        Values {
            source,
            items,
            local: source.columns().unit_cells_named(unit),
        }
    }

    /// [`Values::sharing`], for values mostly of the unit whose `cells` these are.
    pub fn with_cells(source: &'a dyn Source, items: Arc<Items>, cells: &'a UnitCells) -> Self {
        Values {
            source,
            items,
            local: Some(cells),
        }
    }

    /// The cell of (`unit`, `item`, `period`), from the unit's own cells where gathered.
    fn cell(&self, unit: CodeId, item: CodeId, period: Period) -> Option<CellId> {
        match &self.local {
            Some(local) if local.unit() == unit => local.get(item, period),
            _ => self.source.columns().cell_id(unit, item, period),
        }
    }

    /// Whether no value can exist in `period` or before it.
    pub fn none_up_to(&self, period: Period) -> bool {
        self.source.none_up_to(period)
    }

    /// The value of `item` for `unit` in `period`, `no_data` when nothing stands.
    pub fn value(&self, unit: &str, item: &str, period: Period) -> Traced {
        let columns = self.source.columns();
        let unit = columns.units().id(unit);
        if let Some(&n) = self.items.numbers.get(item) {
            return self.at_depth(unit, n, period, 0);
        }
        // Not an item of the catalogue: only what was reported for exactly this period.
        unit.zip(columns.items().id(item))
            .and_then(|(u, i)| self.source.get(self.cell(u, i, period)?))
            .map_or_else(Traced::missing, |(value, revision)| Traced {
                value: value.clone(),
                revisions: Lineage::one(revision),
            })
    }

    fn at_depth(&self, unit: Option<CodeId>, item: usize, period: Period, depth: usize) -> Traced {
        let Some(facts) = self.items.facts.get(item) else {
            return Traced::missing();
        };
        if depth >= MAX_DEPTH {
            return Traced::missing();
        }
        let ItemMethod::Formula(computed) = &facts.method else {
            return match facts.method {
                ItemMethod::Reported => self.reported(unit, item, period, depth, facts),
                _ => Traced::missing(),
            };
        };
        let FormulaItem {
            formula,
            inputs: numbers,
            of_nothing,
            over_nothing,
        } = &**computed;
        let cycle = facts.indicator_cycle.unwrap_or(period.cycle());
        if self.inputs_empty(numbers, period, depth) {
            let nothing = if cycle >= period.cycle() {
                Some(of_nothing)
            } else {
                let over = period.children(cycle).len();
                over_nothing
                    .iter()
                    .find(|(k, _)| *k == over)
                    .map(|(_, v)| v)
            };
            if let Some(value) = nothing {
                return Traced {
                    value: value.clone(),
                    revisions: Lineage::default(),
                };
            }
        }
        let mut revisions = Lineage::default();
        let mut read = |at: Option<Period>, n: Option<usize>| match at.zip(n) {
            Some((at, n)) => {
                let t = self.at_depth(unit, n, at, depth + 1);
                revisions.extend(t.revisions);
                t.value
            }
            None => Value::Missing(Missing::NoData),
        };
        let inputs = formula.formula().inputs();
        if cycle < period.cycle() {
            // A monthly indicator over a quarter: its formula over the months, by the
            // indicator's declared evaluation (a ratio of sums by default).
            let rows: Vec<Vec<Value>> = (0..period.children(cycle).len())
                .map(|k| {
                    inputs
                        .iter()
                        .zip(numbers)
                        .map(|(input, &n)| {
                            let at = input
                                .shift
                                .apply(period)
                                .and_then(|p| p.children(cycle).get(k).copied());
                            read(at, n)
                        })
                        .collect()
                })
                .collect();
            return Traced {
                value: formula.evaluate_over(&rows),
                revisions,
            };
        }
        let values: Vec<Value> = inputs
            .iter()
            .zip(numbers)
            .map(|(input, &n)| read(input.shift.apply(period), n))
            .collect();
        Traced {
            value: formula.evaluate(&values),
            revisions,
        }
    }

    /// Whether each of a formula's `inputs` read at `depth + 1` in `period`, a shift of it
    /// (always earlier) or a shorter period within either is certainly missing: no data, and
    /// no revision in its lineage.
    fn inputs_empty(&self, inputs: &[Option<usize>], period: Period, depth: usize) -> bool {
        inputs
            .iter()
            .all(|n| n.is_none_or(|n| self.empty_up_to(n, period, depth + 1)))
    }

    /// Whether the item numbered `item`, read at `depth`, is [`Traced::missing`] in `period`
    /// and in every period ending by then of its cycle or a shorter one: nothing of it (or of
    /// its inputs) was received by then, so no cell stands and nothing rolls up.
    fn empty_up_to(&self, item: usize, period: Period, depth: usize) -> bool {
        let Some(facts) = self.items.facts.get(item) else {
            return true;
        };
        if depth >= MAX_DEPTH {
            return true;
        }
        match &facts.method {
            ItemMethod::Broken => true,
            ItemMethod::Reported => facts
                .column
                .is_none_or(|column| self.source.none_of_up_to(column, period)),
            // Over a longer period than its own the formula is evaluated otherwise: not
            // judged here (read in its own cycle or a shorter one, it is evaluated plainly).
            ItemMethod::Formula(computed) => {
                facts.indicator_cycle.is_none_or(|c| c >= period.cycle())
                    && computed.of_nothing == Value::Missing(Missing::NoData)
                    && self.inputs_empty(&computed.inputs, period, depth)
            }
        }
    }

    /// A reported item: its value standing in the columns, or its shorter periods rolled up
    /// (a data element by its aggregation, a reported indicator by its latest value).
    fn reported(
        &self,
        unit: Option<CodeId>,
        item: usize,
        period: Period,
        depth: usize,
        facts: &ItemFacts,
    ) -> Traced {
        // Nothing of the item up to `period`: no cell stands in it nor in any shorter period
        // within it, and the roll-up of nothing is nothing (without asking for each month).
        let Some(column) = facts
            .column
            .filter(|&i| !self.source.none_of_up_to(i, period))
        else {
            return Traced::missing();
        };
        let standing = unit.and_then(|u| self.source.get(self.cell(u, column, period)?));
        if let Some((value, revision)) = standing {
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
            value: roll_up(facts.aggregation, &parts, MissingStrategy::SkipIfAnyMissing),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::Action;
    use proptest::prelude::*;

    /// The approved values, never certain that an item has none up to a period: every value
    /// resolved in full, as before the back-scans were cut short.
    struct Doubting<'a>(Approved<'a>);

    impl Source for Doubting<'_> {
        fn columns(&self) -> &LedgerColumns {
            self.0.columns()
        }
        fn get(&self, id: CellId) -> Option<(&Value, u64)> {
            self.0.get(id)
        }
        fn none_up_to(&self, period: Period) -> bool {
            self.0.none_up_to(period)
        }
        fn none_of_up_to(&self, _: CodeId, _: Period) -> bool {
            false
        }
    }

    const PERIODS: [&str; 14] = [
        "2024", "2024-Q4", "2025-H1", "2025-03", "2025-Q1", "2025-Q4", "2025", "2026-01",
        "2026-04", "2026-05", "2026-Q1", "2026-Q2", "2026-H1", "2026",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]
        /// Every item of the catalogue, for every unit and period (most before anything was
        /// reported), resolves to the same value and lineage whether or not the resolver
        /// knows where each item's values begin.
        #[test]
        fn knowing_where_values_begin_changes_no_value(
            rows in prop::collection::vec((0usize..2, 0usize..60, 7usize..14, 0i64..500, any::<bool>()), 1..40),
        ) {
            let nq57 = Catalogue::nq57();
            let elements: Vec<&str> = nq57.data_elements.iter().map(|d| d.code.as_str()).collect();
            let mut ledger = Ledger::default();
            for (unit, element, period, value, approve) in rows {
                let number = rust_decimal::Decimal::new(value, 1).to_string();
                let (unit, item) = (["DN", "HN"][unit], elements[element % elements.len()]);
                let submission = serde_json::from_value(serde_json::json!({
                    "unit": unit, "item": item,
                    "period": PERIODS[period], "value": {"number": number},
                    "source": {"kind": "form"}, "submitted_by": "can_bo_1",
                    "submitted_at": "2026-07-02T09:00:00"})).unwrap();
                let revision = ledger.append(Action::Submit { submission }).unwrap().sequence;
                if approve {
                    let at = "2026-07-03T10:00:00".parse().unwrap();
                    ledger.append(Action::Approve { revision, by: "lanh_dao".into(), at }).unwrap();
                }
            }
            let columns = LedgerColumns::new(&ledger, None);
            let items = Items::new(&nq57, &columns);
            let (knowing, doubting) = (Approved::new(&ledger, &columns), Doubting(Approved::new(&ledger, &columns)));
            let knowing = Values::sharing(&knowing, Arc::clone(&items));
            let doubting = Values::sharing(&doubting, Arc::clone(&items));
            let codes = nq57.data_elements.iter().map(|d| d.code.as_str())
                .chain(nq57.indicators.iter().map(|i| i.code.as_str()));
            for code in codes {
                for unit in ["DN", "HN"] {
                    for period in PERIODS {
                        let period: Period = period.parse().unwrap();
                        prop_assert_eq!(
                            knowing.value(unit, code, period),
                            doubting.value(unit, code, period),
                            "{} {} {}", unit, code, period
                        );
                    }
                }
            }
        }
    }
}
