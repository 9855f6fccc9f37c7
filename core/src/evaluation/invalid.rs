//! Invalid data ("số liệu không hợp lệ"): an approved value that fails an error-level rule of
//! the catalogue (95 systems with an approved level out of 91) is not scored as valid. By
//! default ([`InvalidPolicy::Missing`]) it counts as missing with the reason `invalid`, so every
//! indicator computed from it is missing too; the unit's data gaps list it either way.

use std::collections::BTreeSet;

use std::sync::Arc;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use std::sync::atomic::{AtomicU8, Ordering};

use crate::Severity;
use crate::catalogue::{Catalogue, ValidationRule};
use crate::columns::{CellId, CodeId, LedgerColumns};
use crate::formula::{self, Compiled, Shift};
use crate::ledger::Ledger;
use crate::period::{Cycle, Period};
use crate::quality::rule_broken;
use crate::resolver::{Approved, Items, Values, Withheld};

/// What an evaluation does with a value that fails an error-level rule.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    JsonSchema,
    strum::EnumIter,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum InvalidPolicy {
    /// Not scored: missing with the reason `invalid` (the default).
    #[default]
    Missing,
    /// Scored as reported, and still listed among the gaps.
    Scored,
}

impl InvalidPolicy {
    /// Its name in both languages (as the [vocabulary](crate::vocabulary) lists it).
    pub fn label(self) -> crate::Text {
        use crate::Text;
        match self {
            InvalidPolicy::Missing => Text::new("Coi như thiếu", "Counted as missing"),
            InvalidPolicy::Scored => Text::new("Vẫn chấm điểm", "Scored as reported"),
        }
    }
}

/// One approved value that fails a rule.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Breach<'c> {
    pub unit: &'c str,
    pub item: &'c str,
    pub period: Period,
    pub revision: u64,
    /// The rule's code.
    pub rule: &'c str,
    /// The value's cell in the columns.
    pub cell: CellId,
}

/// An error-level rule compiled, with the items it reads in its own period (by number in the
/// columns: an item never reported has no value to judge).
struct ErrorRule<'c> {
    rule: &'c ValidationRule,
    left: Compiled,
    right: Compiled,
    read: Vec<CodeId>,
}

/// The catalogue's error-level rules, judged for a unit in a period when a value they read is
/// asked for (or listed among the evaluated period's gaps): each rule is judged for a unit in
/// each period where the unit has a value of an item the rule reads, and when it fails, the
/// values it read in that period (not those of other periods it compares with) are invalid.
/// Judged on demand, an evaluation's cost does not grow with the years of history behind it
/// (judging every period of the ledger did: a tenth of a quarter's evaluation after two
/// quarters, more than the rest after ten years).
pub(crate) struct Invalid<'c> {
    catalogue: &'c Catalogue,
    /// Every approved value, none withheld: what the rules are judged over.
    every: Approved<'c>,
    columns: &'c LedgerColumns,
    items: Arc<Items>,
    rules: Vec<ErrorRule<'c>>,
    /// Whether an item (by number in the columns) is read by a rule in its own period.
    ruled: Vec<bool>,
    /// Each ruled item, once.
    ruled_items: Vec<CodeId>,
    /// Each cell's verdict: [`UNJUDGED`], [`VALID`] or [`WITHHELD`]. The same for every
    /// thread that judges it, so a race only judges twice.
    verdicts: Vec<AtomicU8>,
}

const UNJUDGED: u8 = 0;
const VALID: u8 = 1;
const WITHHELD: u8 = 2;

impl<'c> Invalid<'c> {
    /// The error-level rules of `catalogue` over the values approved in `columns` (of `ledger`).
    pub fn new(
        catalogue: &'c Catalogue,
        ledger: &'c Ledger,
        columns: &'c LedgerColumns,
        items: &Arc<Items>,
    ) -> Self {
        let rules: Vec<ErrorRule<'c>> = catalogue
            .validation_rules
            .iter()
            .filter(|r| r.severity == Severity::Error)
            .filter_map(|rule| {
                let left = formula::compile(&rule.left.expression, catalogue).ok()?;
                let right = formula::compile(&rule.right.expression, catalogue).ok()?;
                let codes: BTreeSet<String> = left
                    .inputs()
                    .iter()
                    .chain(right.inputs())
                    .filter(|i| i.shift == Shift::Current)
                    .map(|i| i.code.clone())
                    .collect();
                let read = codes
                    .iter()
                    .filter_map(|code| columns.items().id(code))
                    .collect();
                Some(ErrorRule {
                    rule,
                    left,
                    right,
                    read,
                })
            })
            .collect();
        let mut is_ruled = vec![false; columns.items().len()];
        let mut ruled_items = Vec::new();
        for &id in rules.iter().flat_map(|r| &r.read) {
            if let Some(flag) = is_ruled.get_mut(id as usize)
                && !*flag
            {
                *flag = true;
                ruled_items.push(id);
            }
        }
        let verdicts = if ruled_items.is_empty() {
            Vec::new()
        } else {
            (0..columns.cell_count())
                .map(|_| AtomicU8::new(UNJUDGED))
                .collect()
        };
        Invalid {
            catalogue,
            every: Approved::new(ledger, columns),
            columns,
            items: Arc::clone(items),
            rules,
            ruled: is_ruled,
            ruled_items,
            verdicts,
        }
    }

    /// Calls `broken` with each value in force of `unit` in `period` that fails a rule, and
    /// the rule (a value failing two rules, twice), judging over every approved value.
    fn judge(
        &self,
        unit: CodeId,
        period: Period,
        broken: &mut dyn FnMut(&ErrorRule<'c>, &'c str, CellId, u64),
    ) {
        let Some(cells) = self.columns.unit_cells(unit) else {
            return;
        };
        let values = Values::with_cells(&self.every, Arc::clone(&self.items), cells);
        let name = self.columns.units().name(unit);
        for rule in &self.rules {
            let held: smallvec::SmallVec<[(&'c str, CellId, u64); 4]> = rule
                .read
                .iter()
                .filter_map(|&id| {
                    let cell = cells.get(id, period)?;
                    let revision = self
                        .columns
                        .cell_at(cell)?
                        .in_force
                        .as_ref()?
                        .revision
                        .get();
                    Some((self.columns.items().name(id), cell, revision))
                })
                .collect();
            if held.is_empty() {
                continue;
            }
            let mut value = |item: &str, at: Period| values.value(name, item, at).value;
            let sides = (&rule.left, &rule.right);
            if rule_broken(rule.rule, sides, self.catalogue, period, &mut value).is_some() {
                for (item, cell, revision) in held {
                    broken(rule, item, cell, revision);
                }
            }
        }
    }

    /// Every value in force that fails an error-level rule within `period` (its own and its
    /// shorter periods), each unit's in order and each once: what the evaluated period's gaps
    /// list.
    pub fn within(&self, period: Period) -> Vec<Breach<'c>> {
        if self.rules.is_empty() {
            return Vec::new();
        }
        let periods: Vec<Period> = Cycle::ALL
            .iter()
            .flat_map(|&cycle| period.children(cycle))
            .collect();
        let units: Vec<CodeId> =
            (0..CodeId::try_from(self.columns.units().len()).unwrap_or(CodeId::MAX)).collect();
        // Each unit's rules read only its own approved values: spread over the cores.
        let of_unit = |&unit: &CodeId| {
            let mut out = Vec::new();
            let name = self.columns.units().name(unit);
            for &p in &periods {
                let mut bad: smallvec::SmallVec<[CellId; 4]> = smallvec::SmallVec::new();
                self.judge(unit, p, &mut |rule, item, cell, revision| {
                    bad.push(cell);
                    out.push(Breach {
                        unit: name,
                        item,
                        period: p,
                        revision,
                        rule: &rule.rule.code,
                        cell,
                    });
                });
                // The scoring that follows reads these values: judged once.
                self.settle(unit, p, &bad);
            }
            // In order and each once, as a set of the unit's breaches would hold them.
            out.sort_unstable();
            out.dedup();
            out
        };
        crate::parallel::map(&units, |_| periods.len(), of_unit)
            .into_iter()
            .flatten()
            .collect()
    }
}

impl Withheld for Invalid<'_> {
    fn withheld(&self, id: CellId) -> bool {
        let Some(verdict) = self.verdicts.get(id as usize) else {
            return false;
        };
        match verdict.load(Ordering::Relaxed) {
            VALID => return false,
            WITHHELD => return true,
            _ => {}
        }
        let Some(cell) = self.columns.cell_at(id) else {
            return false;
        };
        if !self.ruled.get(cell.item as usize).copied().unwrap_or(false) {
            verdict.store(VALID, Ordering::Relaxed);
            return false;
        }
        // The unit's rules in the cell's period judged once, every value they read settled.
        let mut bad: smallvec::SmallVec<[CellId; 4]> = smallvec::SmallVec::new();
        self.judge(cell.unit, cell.period, &mut |_, _, c, _| bad.push(c));
        self.settle(cell.unit, cell.period, &bad);
        bad.contains(&id)
    }
}

impl Invalid<'_> {
    /// Records the verdict on every value in force of `unit` in `period` that a rule reads:
    /// withheld if among `bad`, else valid.
    fn settle(&self, unit: CodeId, period: Period, bad: &[CellId]) {
        let Some(cells) = self.columns.unit_cells(unit) else {
            return;
        };
        for &item in &self.ruled_items {
            if let Some(c) = cells.get(item, period)
                && let Some(v) = self.verdicts.get(c as usize)
            {
                let settled = if bad.contains(&c) { WITHHELD } else { VALID };
                v.store(settled, Ordering::Relaxed);
            }
        }
    }
}
