//! Invalid data ("số liệu không hợp lệ"): an approved value that fails an error-level rule of
//! the catalogue (95 systems with an approved level out of 91) is not scored as valid. By
//! default ([`InvalidPolicy::Missing`]) it counts as missing with the reason `invalid`, so every
//! indicator computed from it is missing too; the unit's data gaps list it either way.

use std::collections::BTreeSet;

use rustc_hash::FxHashMap;
use std::sync::Arc;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Severity;
use crate::catalogue::Catalogue;
use crate::columns::CellId;
use crate::formula::{self, Shift};
use crate::period::Period;
use crate::quality::rule_broken;
use crate::resolver::{Approved, Items, Values};

/// What an evaluation does with a value that fails an error-level rule.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum InvalidPolicy {
    /// Not scored: missing with the reason `invalid` (the default).
    #[default]
    Missing,
    /// Scored as reported, and still listed among the gaps.
    Scored,
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

/// Every approved value that fails an error-level rule: each rule is judged for each unit in
/// each period where the unit has a value of an item the rule reads, and when it fails, the
/// values it read in that period (not those of other periods it compares with) are invalid.
pub(crate) fn breaches<'c>(
    catalogue: &'c Catalogue,
    approved: &Approved<'c>,
    items: &Arc<Items>,
) -> Vec<Breach<'c>> {
    let mut out = Vec::new();
    let rules: Vec<_> = catalogue
        .validation_rules
        .iter()
        .filter(|r| r.severity == Severity::Error)
        .filter_map(|r| {
            let left = formula::compile(&r.left.expression, catalogue).ok()?;
            let right = formula::compile(&r.right.expression, catalogue).ok()?;
            let read: BTreeSet<String> = left
                .inputs()
                .iter()
                .chain(right.inputs())
                .filter(|i| i.shift == Shift::Current)
                .map(|i| i.code.clone())
                .collect();
            Some((r, left, right, read))
        })
        .collect();
    if rules.is_empty() {
        return out;
    }
    let columns: &'c crate::columns::LedgerColumns = approved.columns();
    let units: Vec<u32> = (0..u32::try_from(columns.units().len()).unwrap_or(u32::MAX)).collect();
    // Each unit's rules read only its own approved values: spread over the cores.
    let of_unit = |&unit: &u32| {
        let Some(cells) = columns.unit_cells(unit) else {
            return Vec::new();
        };
        let values = Values::with_cells(approved, Arc::clone(items), cells);
        let mut out = Vec::new();
        // The unit's approved values, by item code.
        let mut in_force: FxHashMap<&'c str, Vec<(Period, u64, CellId)>> = FxHashMap::default();
        for (id, cell) in columns.cells_of(unit) {
            if let Some(f) = &cell.in_force {
                let item = columns.items().name(cell.item);
                in_force
                    .entry(item)
                    .or_default()
                    .push((cell.period, f.revision, id));
            }
        }
        if in_force.is_empty() {
            return out;
        }
        let name = columns.units().name(unit);
        for (rule, left, right, read) in &rules {
            let periods: BTreeSet<Period> = read
                .iter()
                .filter_map(|item| in_force.get(item.as_str()))
                .flatten()
                .map(|(p, _, _)| *p)
                .collect();
            for period in periods {
                let mut value = |item: &str, at: Period| values.value(name, item, at).value;
                if rule_broken(rule, (left, right), catalogue, period, &mut value).is_none() {
                    continue;
                }
                for item in read {
                    let Some((&item, held)) = in_force.get_key_value(item.as_str()) else {
                        continue;
                    };
                    for &(_, revision, cell) in held.iter().filter(|(p, _, _)| *p == period) {
                        out.push(Breach {
                            unit: name,
                            item,
                            period,
                            revision,
                            rule: &rule.code,
                            cell,
                        });
                    }
                }
            }
        }
        // In order and each once, as a set of the unit's breaches would hold them.
        out.sort_unstable();
        out.dedup();
        out
    };
    let weight = |&unit: &u32| columns.cells_of(unit).count();
    out.extend(
        crate::parallel::map(&units, weight, of_unit)
            .into_iter()
            .flatten(),
    );
    out
}
