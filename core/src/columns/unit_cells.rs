//! One unit's cells by item and period: what a unit's checks and evaluation look up hundreds
//! of times, gathered once into a map small enough to stay in cache (the map of every cell
//! of a national ledger is millions of entries, and each probe of it a cache miss).

use std::sync::Arc;

use rustc_hash::FxHashMap;

use super::{CellId, CodeId, LedgerColumns};
use crate::period::Period;

/// The cells of one unit, by (item, period).
#[derive(Debug, Clone)]
pub(crate) struct UnitCells {
    unit: CodeId,
    cells: FxHashMap<(CodeId, Period), CellId>,
}

impl UnitCells {
    /// The cells of `unit` in `columns`.
    pub fn new(columns: &LedgerColumns, unit: CodeId) -> Self {
        let cells = columns
            .cells_of(unit)
            .map(|(id, cell)| ((cell.item, cell.period), id))
            .collect();
        UnitCells { unit, cells }
    }

    /// The cells of the unit named `unit`, shared; `None` for a unit nothing was reported for.
    pub fn named(columns: &LedgerColumns, unit: &str) -> Option<Arc<Self>> {
        let unit = columns.units().id(unit)?;
        Some(Arc::new(UnitCells::new(columns, unit)))
    }

    /// The unit.
    pub fn unit(&self) -> CodeId {
        self.unit
    }

    /// The cell of `item` in `period`, if anything was reported.
    pub fn get(&self, item: CodeId, period: Period) -> Option<CellId> {
        self.cells.get(&(item, period)).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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
        let cells = UnitCells::new(&columns, dn);
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
