//! The expanded assignments ([`expand`](super::expand)), held as views of the assignments as
//! given and found by unit: a national set-up expands half a million assignments into more
//! than a million, and copying each (its unit, officer and assigner) was a sixth of its
//! memory and most of its set-up time.

use rustc_hash::FxHashMap;

use super::Assignment;
use super::expand::Expansion;
use crate::catalogue::Catalogue;
use crate::period::Period;

/// One expanded assignment: an assignment as given, read for one of its items (its own, or
/// an input its computed indicator brings).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Assigned<'a> {
    /// The assignment as given (its `item` may be another: read `item`).
    pub given: &'a Assignment,
    /// The item assigned.
    pub item: &'a str,
}

impl Assigned<'_> {
    /// Whether the assignment covers `period`.
    pub fn covers(&self, period: Period) -> bool {
        self.given.covers(period)
    }

    /// The unit assigned.
    pub fn unit(&self) -> &str {
        &self.given.unit
    }

    /// The row as an assignment of its own.
    pub fn to_assignment(self) -> Assignment {
        super::expand::read_as(self.given, self.item)
    }
}

/// The assignments as given, their expansion in order, and each unit's rows by position.
#[derive(Debug, Clone, Default)]
pub(crate) struct Expanded {
    given: Vec<Assignment>,
    expansion: Expansion,
    by_unit: FxHashMap<String, Vec<u32>>,
}

impl Expanded {
    /// `given` expanded under `catalogue`, indexed by unit.
    pub fn new(catalogue: &Catalogue, given: Vec<Assignment>) -> Self {
        let expansion = Expansion::of(catalogue, &given);
        let mut by_unit: FxHashMap<String, Vec<u32>> = FxHashMap::default();
        for (i, &(k, _)) in (0u32..).zip(&expansion.rows) {
            let Some(a) = given.get(k as usize) else {
                continue;
            };
            match by_unit.get_mut(a.unit.as_str()) {
                Some(positions) => positions.push(i),
                None => {
                    by_unit.insert(a.unit.clone(), vec![i]);
                }
            }
        }
        Expanded {
            given,
            expansion,
            by_unit,
        }
    }

    /// The assignments as given.
    pub fn given(&self) -> &[Assignment] {
        &self.given
    }

    /// The row at `position`.
    fn row(&self, position: u32) -> Option<Assigned<'_>> {
        let &(k, item) = self.expansion.rows.get(position as usize)?;
        let given = self.given.get(k as usize)?;
        Some(Assigned {
            given,
            item: self.expansion.item(given, item),
        })
    }

    /// Every expanded assignment, in order.
    pub fn all(&self) -> impl Iterator<Item = Assigned<'_>> {
        (0..u32::try_from(self.expansion.rows.len()).unwrap_or(u32::MAX))
            .filter_map(|i| self.row(i))
    }

    /// `unit`'s expanded assignments, in order.
    pub fn of(&self, unit: &str) -> impl Iterator<Item = Assigned<'_>> + Clone {
        self.by_unit
            .get(unit)
            .into_iter()
            .flatten()
            .filter_map(|&i| self.row(i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::org::expand;

    #[test]
    fn each_unit_finds_its_own_in_order_as_expanded() {
        let a = |unit: &str, item: &str| -> Assignment {
            serde_json::from_value(serde_json::json!({"unit": unit, "item": item,
                "role": "lead", "focal_officer": "x", "from": "2026-Q1", "assigned_by": "BCD"}))
            .unwrap()
        };
        let nq57 = Catalogue::nq57();
        // C01 brings its input; B01 twice is listed once.
        let given = vec![
            a("DN", "C01"),
            a("HN", "B01"),
            a("DN", "B01"),
            a("DN", "B01"),
        ];
        let expanded = Expanded::new(&nq57, given.clone());
        assert_eq!(expanded.given(), &given[..]);
        let owned = expand(&nq57, &given);
        let viewed: Vec<Assignment> = expanded.all().map(Assigned::to_assignment).collect();
        assert_eq!(viewed, owned);
        assert!(
            owned
                .iter()
                .any(|a| a.unit == "DN" && a.item != "C01" && a.item != "B01"),
            "C01's input comes with it"
        );
        let dn: Vec<&str> = expanded.of("DN").map(|a| a.item).collect();
        let dn_owned: Vec<&str> = owned
            .iter()
            .filter(|a| a.unit == "DN")
            .map(|a| a.item.as_str())
            .collect();
        assert_eq!(dn, dn_owned);
        assert_eq!(dn.iter().filter(|i| **i == "B01").count(), 1);
        assert!(expanded.of("HN").all(|a| a.unit() == "HN"));
        assert_eq!(expanded.of("HP").count(), 0);
    }
}
