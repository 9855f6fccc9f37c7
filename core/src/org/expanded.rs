//! The expanded assignments ([`expand`](super::expand)), held once and found by unit: a
//! national set-up has hundreds of thousands, and a second copy of them grouped by unit was a
//! tenth of a national evaluation's memory.

use rustc_hash::FxHashMap;

use super::Assignment;

/// The expanded assignments in their order, and each unit's by position.
#[derive(Debug, Clone, Default)]
pub(crate) struct Expanded {
    all: Vec<Assignment>,
    by_unit: FxHashMap<String, Vec<u32>>,
}

impl Expanded {
    /// `all`, indexed by unit.
    pub fn new(all: Vec<Assignment>) -> Self {
        let mut by_unit: FxHashMap<String, Vec<u32>> = FxHashMap::default();
        for (i, a) in all.iter().enumerate() {
            // Four billion assignments cannot be held in memory anyway.
            let i = u32::try_from(i).unwrap_or(u32::MAX);
            match by_unit.get_mut(a.unit.as_str()) {
                Some(positions) => positions.push(i),
                None => {
                    by_unit.insert(a.unit.clone(), vec![i]);
                }
            }
        }
        Expanded { all, by_unit }
    }

    /// Every assignment, in order.
    pub fn all(&self) -> &[Assignment] {
        &self.all
    }

    /// `unit`'s assignments, in order.
    pub fn of(&self, unit: &str) -> impl Iterator<Item = &Assignment> + Clone {
        self.by_unit
            .get(unit)
            .into_iter()
            .flatten()
            .filter_map(|&i| self.all.get(i as usize))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_unit_finds_its_own_in_order() {
        let a = |unit: &str, item: &str| -> Assignment {
            serde_json::from_value(serde_json::json!({"unit": unit, "item": item,
                "role": "lead", "focal_officer": "x", "from": "2026-Q1", "assigned_by": "BCD"}))
            .unwrap()
        };
        let all = vec![a("DN", "C01"), a("HN", "C01"), a("DN", "C02")];
        let expanded = Expanded::new(all.clone());
        assert_eq!(expanded.all(), &all[..]);
        let dn: Vec<&str> = expanded.of("DN").map(|a| a.item.as_str()).collect();
        assert_eq!(dn, ["C01", "C02"]);
        assert_eq!(expanded.of("HN").count(), 1);
        assert_eq!(expanded.of("HP").count(), 0);
    }
}
