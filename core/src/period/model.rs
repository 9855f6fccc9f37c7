//! The [`Period`] type: one month, quarter, half-year or year, its constructors and its order.

use std::cmp::Ordering;

use super::{Cycle, InvalidPeriod};
use crate::Error;

/// The first year a period may fall in.
pub const MIN_YEAR: i32 = 1000;
/// The last year a period may fall in.
///
/// Four-digit years keep every spelling unambiguous (`202605` is May 2026, never the year
/// 202605) and comfortably cover any reporting history or plan.
pub const MAX_YEAR: i32 = 9999;

/// One reporting period ("kỳ báo cáo"): a month, a quarter, a half-year or a year.
///
/// Build one with a checking constructor ([`Period::month`], [`Period::quarter`],
/// [`Period::half_year`], [`Period::whole_year`]) or by parsing text (`"2026-Q2".parse()`);
/// both refuse a year outside 1000–9999 or a month, quarter or half outside its range. The
/// fields are public so that a period can be matched on; a period written out by hand with an
/// out-of-range field is clamped into range by every computation (month 13 acts as month 12)
/// rather than panicking, but it prints as written.
///
/// Periods are ordered chronologically by their first month, and among periods starting in
/// the same month the shorter first: `2026-01 < 2026-Q1 < 2026-H1 < 2026 < 2026-02`. Sorting a
/// mixed list therefore reads like a timeline, and within one cycle it is plain date order.
///
/// ```
/// use chiso::period::Period;
/// let may = Period::month(2026, 5)?;
/// assert_eq!(may, "202605".parse()?);
/// assert!(Period::quarter(2026, 5).is_err());
/// let mut periods = vec![Period::whole_year(2026)?, Period::month(2026, 2)?, Period::quarter(2026, 1)?];
/// periods.sort();
/// assert_eq!(periods.iter().map(ToString::to_string).collect::<Vec<_>>(), ["2026-Q1", "2026", "2026-02"]);
/// # Ok::<(), chiso::Error>(())
/// ```
///
/// A period is held in 4 bytes (a national ledger holds one in every row, cell and cell key:
/// tens of millions of them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Period {
    /// A month ("tháng"), `2026-05`.
    Month {
        /// The year, 1000–9999.
        year: i16,
        /// The month, 1–12.
        month: u8,
    },
    /// A quarter ("quý"), `2026-Q2`: quarter 1 is January–March.
    Quarter {
        /// The year, 1000–9999.
        year: i16,
        /// The quarter, 1–4.
        quarter: u8,
    },
    /// A half-year ("6 tháng"), `2026-H1`: half 1 is January–June.
    HalfYear {
        /// The year, 1000–9999.
        year: i16,
        /// The half, 1 or 2.
        half: u8,
    },
    /// A year ("năm"), `2026`.
    Year {
        /// The year, 1000–9999.
        year: i16,
    },
}

impl Period {
    /// The month `month` (1–12) of `year` (1000–9999).
    pub fn month(year: i32, month: u32) -> Result<Period, Error> {
        checked(Cycle::Monthly, year, month)
    }

    /// The quarter `quarter` (1–4) of `year` (1000–9999).
    pub fn quarter(year: i32, quarter: u32) -> Result<Period, Error> {
        checked(Cycle::Quarterly, year, quarter)
    }

    /// The half-year `half` (1 or 2) of `year` (1000–9999).
    pub fn half_year(year: i32, half: u32) -> Result<Period, Error> {
        checked(Cycle::HalfYearly, year, half)
    }

    /// The whole of `year` (1000–9999). (Named so because [`Period::year`] reads the year of a
    /// period.)
    pub fn whole_year(year: i32) -> Result<Period, Error> {
        checked(Cycle::Yearly, year, 1)
    }

    /// The period of `cycle` numbered `number` in `year`, if both fit its fields (in range or
    /// not: the checks are the caller's).
    pub(super) fn from_parts(cycle: Cycle, year: i32, number: u32) -> Option<Period> {
        let year = i16::try_from(year).ok()?;
        let n = u8::try_from(number).ok()?;
        Some(match cycle {
            Cycle::Monthly => Period::Month { year, month: n },
            Cycle::Quarterly => Period::Quarter { year, quarter: n },
            Cycle::HalfYearly => Period::HalfYear { year, half: n },
            Cycle::Yearly => Period::Year { year },
        })
    }

    /// The reporting cycle the period belongs to.
    pub fn cycle(&self) -> Cycle {
        match self {
            Period::Month { .. } => Cycle::Monthly,
            Period::Quarter { .. } => Cycle::Quarterly,
            Period::HalfYear { .. } => Cycle::HalfYearly,
            Period::Year { .. } => Cycle::Yearly,
        }
    }

    /// The year the period falls in.
    pub fn year(&self) -> i32 {
        match *self {
            Period::Month { year, .. }
            | Period::Quarter { year, .. }
            | Period::HalfYear { year, .. }
            | Period::Year { year } => i32::from(year),
        }
    }

    /// The period's number within its year: the month (1–12), the quarter (1–4), the half (1–2),
    /// or 1 for a year.
    pub fn number(&self) -> u32 {
        match *self {
            Period::Month { month: n, .. }
            | Period::Quarter { quarter: n, .. }
            | Period::HalfYear { half: n, .. } => u32::from(n),
            Period::Year { .. } => 1,
        }
    }

    /// Why the period's fields are out of range, if they are.
    pub(super) fn problem(self) -> Option<InvalidPeriod> {
        let year = self.year();
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
            return Some(InvalidPeriod::Year(i64::from(year)));
        }
        number_problem(self.cycle(), self.number())
    }

    /// The index of the period's first month, counted from January of year 0 (so
    /// `year * 12 + month - 1`), with every field clamped into range. All arithmetic on periods
    /// works on these indices: one integer per month makes previous, next, containment and
    /// tiling plain integer steps.
    pub(crate) fn first_month_index(self) -> i32 {
        let cycle_months = self.cycle().months();
        let count = 12 / cycle_months;
        let number = self.number().clamp(1, count);
        let year = self.year().clamp(MIN_YEAR, MAX_YEAR);
        // number ≤ 12 and cycle_months ≤ 12, so the conversion is exact.
        year * 12 + i32::try_from((number - 1) * cycle_months).unwrap_or(0)
    }

    /// How many months the period spans.
    pub(super) fn month_count(self) -> i32 {
        // 1, 3, 6 or 12.
        i32::try_from(self.cycle().months()).unwrap_or(12)
    }

    /// The index of the period's last month (see [`Period::first_month_index`]).
    pub(crate) fn last_month_index(self) -> i32 {
        self.first_month_index() + self.month_count() - 1
    }

    /// The period of `cycle` that contains the month `index` (see
    /// [`Period::first_month_index`]), or `None` when that falls outside 1000–9999.
    pub(super) fn from_month_index(cycle: Cycle, index: i32) -> Option<Period> {
        let year = index.div_euclid(12);
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
            return None;
        }
        // 0–11, so the conversion is exact.
        let month0 = u32::try_from(index.rem_euclid(12)).unwrap_or(0);
        let number = month0 / cycle.months() + 1;
        Period::from_parts(cycle, year, number)
    }

    /// What the order compares: the first month, then the length, then the raw fields (so that
    /// two hand-built out-of-range periods that clamp alike still compare unequal, as `Eq` says).
    fn order_key(self) -> (i32, i32, i32, u32) {
        (
            self.first_month_index(),
            self.month_count(),
            self.year(),
            self.number(),
        )
    }
}

impl Ord for Period {
    /// Chronological: by first month, then shorter before longer (see [`Period`]).
    fn cmp(&self, other: &Self) -> Ordering {
        self.order_key().cmp(&other.order_key())
    }
}

impl PartialOrd for Period {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Why `number` is no period of `cycle` in a year, if it is not.
pub(super) fn number_problem(cycle: Cycle, number: u32) -> Option<InvalidPeriod> {
    let count = 12 / cycle.months();
    if (1..=count).contains(&number) {
        return None;
    }
    match cycle {
        Cycle::Monthly => Some(InvalidPeriod::Month(number)),
        Cycle::Quarterly => Some(InvalidPeriod::Quarter(number)),
        Cycle::HalfYearly => Some(InvalidPeriod::Half(number)),
        Cycle::Yearly => None, // a year is its own one period
    }
}

/// The period of `cycle` numbered `number` in `year` if they are in range, else the error
/// naming the first bad one (the year first), with the period as it would be written.
fn checked(cycle: Cycle, year: i32, number: u32) -> Result<Period, Error> {
    let reason = if (MIN_YEAR..=MAX_YEAR).contains(&year) {
        number_problem(cycle, number)
    } else {
        Some(InvalidPeriod::Year(i64::from(year)))
    };
    let period = match reason {
        None => Period::from_parts(cycle, year, number),
        Some(_) => None,
    };
    period.ok_or_else(|| Error::InvalidPeriod {
        value: super::parse::spelled(cycle, i64::from(year), number),
        // In range, the parts always fit: the year's problem is the one left.
        reason: reason.unwrap_or(InvalidPeriod::Year(i64::from(year))),
    })
}
