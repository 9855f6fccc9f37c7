//! Where a back-scan may stop: the first month of the earliest period with a value, of any item
//! and of each item. Looking back for a last value or a baseline (up to three years of
//! quarters, and each quarter's months) reads mostly periods before an item was ever reported;
//! an item's own earliest month ends that scan at once, where the ledger's earliest (the
//! earliest item of all) ends it only years later.

use super::CodeId;
use crate::period::Period;

/// The first month of the earliest period holding a value, overall and by item number.
///
/// A bound that only moves earlier: a value once noted is never taken back (an approval later
/// superseded still counts), so "none up to" is certain, and "some" only possible.
#[derive(Debug, Clone, Default)]
pub(crate) struct Earliest {
    any: Option<i32>,
    by_item: Vec<Option<i32>>,
}

impl Earliest {
    /// Notes a value of `item` in `period`.
    pub fn note(&mut self, item: CodeId, period: Period) {
        let first = period.first_month_index();
        let earlier = |e: &mut Option<i32>| *e = Some(e.map_or(first, |e| e.min(first)));
        earlier(&mut self.any);
        let i = item as usize;
        if self.by_item.len() <= i {
            self.by_item.resize(i + 1, None);
        }
        earlier(&mut self.by_item[i]);
    }

    /// Whether `period` and every period before it are certainly without a value of any item.
    pub fn none_up_to(&self, period: Period) -> bool {
        before(self.any, period)
    }

    /// Whether `period` and every period before it are certainly without a value of `item`.
    pub fn none_of_up_to(&self, item: CodeId, period: Period) -> bool {
        before(self.by_item.get(item as usize).copied().flatten(), period)
    }
}

/// Whether `period` ends before the month `earliest` (always, when there is none).
fn before(earliest: Option<i32>, period: Period) -> bool {
    earliest.is_none_or(|earliest| period.last_month_index() < earliest)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Period {
        s.parse().unwrap()
    }

    #[test]
    fn an_item_is_bounded_by_its_own_values_and_the_whole_by_every_item() {
        let mut earliest = Earliest::default();
        assert!(earliest.none_up_to(p("2030")));
        assert!(earliest.none_of_up_to(0, p("2030")));
        earliest.note(2, p("2026-Q2")); // April 2026 onwards
        earliest.note(0, p("2025")); // January 2025 onwards
        earliest.note(2, p("2026-08")); // later: changes nothing
        // Item 2: nothing up to the first quarter of 2026, something possible from April.
        assert!(earliest.none_of_up_to(2, p("2026-Q1")));
        assert!(earliest.none_of_up_to(2, p("2026-03")));
        assert!(!earliest.none_of_up_to(2, p("2026-04")));
        assert!(!earliest.none_of_up_to(2, p("2026-H1"))); // ends in June
        // Item 0 from January 2025; items 1 and 7 never.
        assert!(!earliest.none_of_up_to(0, p("2025-01")));
        assert!(earliest.none_of_up_to(0, p("2024")));
        assert!(earliest.none_of_up_to(1, p("2030")));
        assert!(earliest.none_of_up_to(7, p("2030")));
        // Any item: from January 2025.
        assert!(earliest.none_up_to(p("2024-Q4")));
        assert!(!earliest.none_up_to(p("2025-Q1")));
    }
}
