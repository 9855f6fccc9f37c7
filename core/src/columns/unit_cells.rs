//! One unit's cells by item and period: what a unit's checks and evaluation look up hundreds
//! of times. The columns keep one such map a unit, filled as cells are added, rather than one
//! map of every cell (at national size millions of entries, each probe a cache miss) or a
//! unit's map gathered anew for each of its checks.

use rustc_hash::FxHashMap;

use super::{CellId, CodeId};
use crate::period::Period;

/// The cells of one unit, by (item, period), and in the order they were first submitted.
#[derive(Debug, Clone, Default)]
pub(crate) struct UnitCells {
    unit: CodeId,
    cells: FxHashMap<(CodeId, Period), CellId>,
    order: Vec<CellId>,
}

impl UnitCells {
    /// A unit's cells, none yet.
    pub(super) fn new(unit: CodeId) -> Self {
        UnitCells {
            unit,
            ..UnitCells::default()
        }
    }

    /// Adds the cell `id` of `item` in `period`.
    pub(super) fn add(&mut self, item: CodeId, period: Period, id: CellId) {
        self.cells.insert((item, period), id);
        self.order.push(id);
    }

    /// The unit.
    pub fn unit(&self) -> CodeId {
        self.unit
    }

    /// The cell of `item` in `period`, if anything was reported.
    pub fn get(&self, item: CodeId, period: Period) -> Option<CellId> {
        self.cells.get(&(item, period)).copied()
    }

    /// The cells in the order they were first submitted.
    pub fn ids(&self) -> &[CellId] {
        &self.order
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::columns::LedgerColumns;
    use crate::ledger::{Action, Ledger};

    #[test]
    fn a_unit_finds_its_own_cells_as_the_columns_do() {
        let mut ledger = Ledger::default();
        for (unit, item, period) in [
            ("DN", "B01", "2026-05"),
            ("DN", "B02", "2026-05"),
            ("HN", "B01", "2026-05"),
            ("DN", "B01", "2026-06"),
        ] {
            let submission = serde_json::from_value(serde_json::json!({"unit": unit, "item": item,
                "period": period, "value": {"number": "1"}, "source": {"kind": "form"},
                "submitted_by": "can_bo_1", "submitted_at": "2026-06-02T09:00:00"}))
            .unwrap();
            ledger.append(Action::Submit { submission }).unwrap();
        }
        let columns = LedgerColumns::new(&ledger, None);
        let (dn, hn) = (
            columns.units().id("DN").unwrap(),
            columns.units().id("HN").unwrap(),
        );
        let b01 = columns.items().id("B01").unwrap();
        let cells = columns.unit_cells(dn).unwrap();
        let may: Period = "2026-05".parse().unwrap();
        let june: Period = "2026-06".parse().unwrap();
        assert_eq!(cells.unit(), dn);
        assert_eq!(cells.get(b01, may), columns.cell_id(dn, b01, may));
        assert_eq!(cells.get(b01, june), columns.cell_id(dn, b01, june));
        assert!(cells.get(b01, may).is_some());
        assert_ne!(cells.get(b01, may), columns.cell_id(hn, b01, may));
        assert_eq!(cells.get(b01, "2026-07".parse().unwrap()), None);
    }
}
