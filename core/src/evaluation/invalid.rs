//! Invalid data ("số liệu không hợp lệ"): an approved value that fails an error-level rule of
//! the catalogue (95 systems with an approved level out of 91) is not scored as valid. By
//! default ([`InvalidPolicy::Missing`]) it counts as missing with the reason `invalid`, so every
//! indicator computed from it is missing too; the unit's data gaps list it either way.

use std::collections::BTreeSet;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Severity;
use crate::catalogue::Catalogue;
use crate::formula::{self, Shift};
use crate::period::Period;
use crate::quality::rule_broken;
use crate::resolver::{Approved, Values};

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
pub(crate) struct Breach {
    pub unit: String,
    pub item: String,
    pub period: Period,
    pub revision: u64,
    /// The rule's code.
    pub rule: String,
}

/// Every approved value that fails an error-level rule: each rule is judged for each unit in
/// each period where the unit has a value of an item the rule reads, and when it fails, the
/// values it read in that period (not those of other periods it compares with) are invalid.
pub(crate) fn breaches(catalogue: &Catalogue, approved: &Approved) -> BTreeSet<Breach> {
    let mut out = BTreeSet::new();
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
    let mut values = Values::new(catalogue, approved);
    for unit in approved.units() {
        for (rule, left, right, read) in &rules {
            let periods: BTreeSet<Period> = read
                .iter()
                .flat_map(|item| approved.periods(unit, item))
                .collect();
            for period in periods {
                let mut value = |item: &str, at: Period| values.value(unit, item, at).value;
                if rule_broken(rule, (left, right), catalogue, period, &mut value).is_none() {
                    continue;
                }
                for item in read {
                    if let Some((_, revision)) = approved.get(unit, item, period) {
                        out.insert(Breach {
                            unit: unit.to_owned(),
                            item: item.clone(),
                            period,
                            revision: *revision,
                            rule: rule.code.clone(),
                        });
                    }
                }
            }
        }
    }
    out
}
