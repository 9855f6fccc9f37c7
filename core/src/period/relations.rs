//! How periods relate: containment, the periods inside and around a period, its neighbours, and
//! runs of periods. Monthly values roll up to quarters, half-years and years along these
//! relations, and a report compares a period with the one before and the same one a year ago.

use super::{Cycle, Period};

impl Period {
    /// Whether `other` lies wholly inside this period (a period contains itself).
    ///
    /// ```
    /// use chiso::period::Period;
    /// let h1 = Period::half_year(2026, 1)?;
    /// assert!(h1.contains(&Period::quarter(2026, 2)?));
    /// assert!(h1.contains(&h1));
    /// assert!(!h1.contains(&Period::month(2026, 7)?));
    /// assert!(!Period::quarter(2026, 2)?.contains(&h1));
    /// # Ok::<(), chiso::Error>(())
    /// ```
    pub fn contains(&self, other: &Period) -> bool {
        self.first_month_index() <= other.first_month_index()
            && other.last_month_index() <= self.last_month_index()
    }

    /// The periods of `cycle` that make up this one, in order; the period itself for its own
    /// cycle, and nothing for a coarser cycle (a quarter holds no year).
    ///
    /// ```
    /// use chiso::period::{Cycle, Period};
    /// let h2 = Period::half_year(2026, 2)?;
    /// let quarters: Vec<String> = h2.children(Cycle::Quarterly).iter().map(ToString::to_string).collect();
    /// assert_eq!(quarters, ["2026-Q3", "2026-Q4"]);
    /// assert!(h2.children(Cycle::Yearly).is_empty());
    /// # Ok::<(), chiso::Error>(())
    /// ```
    pub fn children(&self, cycle: Cycle) -> Vec<Period> {
        if cycle > self.cycle() {
            return Vec::new();
        }
        Period::range(cycle, *self, *self)
    }

    /// The months of the period, in order (a month has itself).
    pub fn months(&self) -> Vec<Period> {
        self.children(Cycle::Monthly)
    }

    /// The period of `cycle` that encloses this one: the period itself for its own cycle, `None`
    /// for a finer cycle (a year has no enclosing quarter).
    ///
    /// ```
    /// use chiso::period::{Cycle, Period};
    /// let may = Period::month(2026, 5)?;
    /// assert_eq!(may.parent(Cycle::Quarterly), Some(Period::quarter(2026, 2)?));
    /// assert_eq!(may.parent(Cycle::HalfYearly), Some(Period::half_year(2026, 1)?));
    /// assert_eq!(Period::whole_year(2026)?.parent(Cycle::Monthly), None);
    /// # Ok::<(), chiso::Error>(())
    /// ```
    pub fn parent(&self, cycle: Cycle) -> Option<Period> {
        if cycle < self.cycle() {
            return None;
        }
        Period::from_month_index(cycle, self.first_month_index())
    }

    /// The period of the same cycle just before this one (`2026-01` → `2025-12`), or `None`
    /// before the year 1000.
    pub fn previous(&self) -> Option<Period> {
        Period::from_month_index(self.cycle(), self.first_month_index() - self.month_count())
    }

    /// The period of the same cycle just after this one (`2026-Q4` → `2027-Q1`), or `None`
    /// after the year 9999.
    pub fn next(&self) -> Option<Period> {
        Period::from_month_index(self.cycle(), self.last_month_index() + 1)
    }

    /// The same period one year earlier (`2026-Q2` → `2025-Q2`), the usual comparison
    /// ("cùng kỳ năm trước"), or `None` before the year 1000.
    pub fn same_period_last_year(&self) -> Option<Period> {
        Period::from_month_index(self.cycle(), self.first_month_index() - 12)
    }

    /// Every period of `cycle` lying wholly between the start of `from` and the end of `to`, in
    /// order; empty when `to` ends before `from` starts. A period only partly inside is left
    /// out: quarters from February to December are Q2, Q3 and Q4.
    ///
    /// ```
    /// use chiso::period::{Cycle, Period};
    /// let quarters = Period::range(Cycle::Quarterly, Period::month(2026, 2)?, Period::month(2026, 12)?);
    /// assert_eq!(quarters, [Period::quarter(2026, 2)?, Period::quarter(2026, 3)?, Period::quarter(2026, 4)?]);
    /// let months = Period::range(Cycle::Monthly, Period::quarter(2025, 4)?, Period::month(2026, 1)?);
    /// assert_eq!(months.len(), 4);
    /// # Ok::<(), chiso::Error>(())
    /// ```
    pub fn range(cycle: Cycle, from: Period, to: Period) -> Vec<Period> {
        let step = i32::try_from(cycle.months()).unwrap_or(12);
        let start = from.first_month_index();
        let end = to.last_month_index();
        // The first period of `cycle` starting on or after `start`.
        let mut index = start + (step - start.rem_euclid(step)) % step;
        let mut periods = Vec::new();
        while index + step - 1 <= end {
            periods.extend(Period::from_month_index(cycle, index));
            index += step;
        }
        periods
    }
}
