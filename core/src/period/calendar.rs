//! Which days a period covers: whole calendar months, or the administrative cut-off
//! ("thời gian chốt số liệu") of Nghị định 09/2019/NĐ-CP, where a month runs from the 15th of
//! the month before to the 14th.

use chrono::{Datelike, NaiveDate};
use schemars::JsonSchema;
use serde::de::{Error as _, Unexpected};
use serde::{Deserialize, Deserializer, Serialize};

use super::{Cycle, Period};
use crate::Error;

/// The smallest cut-off day. Day 1 would shift every period a whole month early rather than
/// mean "calendar months"; calendar months are [`Calendar::Calendar`].
pub const MIN_CUTOFF_DAY: u32 = 2;
/// The largest cut-off day: every month has a 28th, so the cut-off exists in every month.
pub const MAX_CUTOFF_DAY: u32 = 28;

/// How the days of a period are counted.
///
/// In JSON: `{"kind": "calendar"}` or `{"kind": "cutoff", "day": 15}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case", tag = "kind", deny_unknown_fields)]
pub enum Calendar {
    /// Calendar periods: a month from its 1st to its last day, a year from 1 January to
    /// 31 December.
    Calendar,
    /// Cut-off periods: with `day` 15, a month runs from the 15th of the month before to the
    /// 14th; a quarter, half-year or year from the 15th of the month before its first month to
    /// the 14th of its last month (2026-Q2 is 2026-03-15 … 2026-06-14, the year 2026 is
    /// 2025-12-15 … 2026-12-14). So January and the first quarter, half and year start in
    /// December of the year before.
    Cutoff {
        /// The day of the month before on which each period starts, 2–28 (a hand-built value
        /// outside is clamped into range).
        #[schemars(range(min = 2, max = 28))]
        day: u32,
    },
}

impl Calendar {
    /// The cut-off of Nghị định 09/2019/NĐ-CP on reporting regimes of state administrative
    /// agencies (Article 12): the 15th of the month before to the 14th.
    pub const ND09_2019: Calendar = Calendar::Cutoff { day: 15 };

    /// A cut-off calendar whose periods start on `day` (2–28) of the month before.
    ///
    /// ```
    /// use chiso::period::Calendar;
    /// assert_eq!(Calendar::cutoff(15)?, Calendar::ND09_2019);
    /// assert_eq!(Calendar::cutoff(1).unwrap_err().code(), "argument.invalid");
    /// # Ok::<(), chiso::Error>(())
    /// ```
    pub fn cutoff(day: u32) -> Result<Calendar, Error> {
        let calendar = Calendar::Cutoff { day };
        calendar.check()?;
        Ok(calendar)
    }

    /// Fails when a hand-built cut-off day is outside 2–28.
    pub(super) fn check(self) -> Result<(), Error> {
        match self {
            Calendar::Cutoff { day } if !(MIN_CUTOFF_DAY..=MAX_CUTOFF_DAY).contains(&day) => {
                Err(Error::InvalidArgument {
                    name: "cutoff_day",
                    value: day.to_string(),
                    expected: "2–28".to_owned(),
                })
            }
            _ => Ok(()),
        }
    }

    /// The first day of the period whose first month has `index` (see
    /// `Period::first_month_index`): the 1st of that month, or the cut-off day of the month
    /// before.
    fn first_day(self, index: i32) -> NaiveDate {
        match self {
            Calendar::Calendar => ymd(index, 1),
            Calendar::Cutoff { day } => ymd(index - 1, day.clamp(MIN_CUTOFF_DAY, MAX_CUTOFF_DAY)),
        }
    }

    /// The index of the month whose period `date` falls in (see `Period::first_month_index`).
    fn month_index_of(self, date: NaiveDate) -> i32 {
        // month0() is 0–11, so the conversion is exact.
        let index = date.year() * 12 + i32::try_from(date.month0()).unwrap_or(0);
        match self {
            Calendar::Calendar => index,
            Calendar::Cutoff { day } => {
                index + i32::from(date.day() >= day.clamp(MIN_CUTOFF_DAY, MAX_CUTOFF_DAY))
            }
        }
    }
}

impl Period {
    /// The first and last day of the period under `calendar`, both inclusive.
    ///
    /// The last day is the day before the next period's first day, so consecutive periods tile
    /// the days with no gap and no overlap under either calendar.
    ///
    /// ```
    /// use chiso::period::{Calendar, Period};
    /// let q2 = Period::quarter(2026, 2)?;
    /// let (start, end) = q2.date_range(&Calendar::Calendar);
    /// assert_eq!((start.to_string(), end.to_string()), ("2026-04-01".into(), "2026-06-30".into()));
    /// let (start, end) = q2.date_range(&Calendar::ND09_2019);
    /// assert_eq!((start.to_string(), end.to_string()), ("2026-03-15".into(), "2026-06-14".into()));
    /// # Ok::<(), chiso::Error>(())
    /// ```
    pub fn date_range(&self, calendar: &Calendar) -> (NaiveDate, NaiveDate) {
        let start = calendar.first_day(self.first_month_index());
        let after = calendar.first_day(self.last_month_index() + 1);
        (start, after.pred_opt().unwrap_or(start))
    }

    /// The period of `cycle` that `date` falls in under `calendar`, or `None` when that period
    /// would lie outside the years 1000–9999.
    ///
    /// ```
    /// use chiso::period::{Calendar, Cycle, Period};
    /// use chrono::NaiveDate;
    /// let day = NaiveDate::from_ymd_opt(2026, 3, 20).unwrap();
    /// assert_eq!(Period::containing(day, Cycle::Quarterly, &Calendar::Calendar), Some(Period::quarter(2026, 1)?));
    /// assert_eq!(Period::containing(day, Cycle::Quarterly, &Calendar::ND09_2019), Some(Period::quarter(2026, 2)?));
    /// # Ok::<(), chiso::Error>(())
    /// ```
    pub fn containing(date: NaiveDate, cycle: Cycle, calendar: &Calendar) -> Option<Period> {
        Period::from_month_index(cycle, calendar.month_index_of(date))
    }
}

/// The `day` of the month with index `index` (`year * 12 + month - 1`).
fn ymd(index: i32, day: u32) -> NaiveDate {
    let year = index.div_euclid(12);
    // rem_euclid(12) is 0–11, so the conversion is exact.
    let month = u32::try_from(index.rem_euclid(12)).unwrap_or(0) + 1;
    // Periods keep their years within 1000–9999 and days within 1–28, so the date exists;
    // the fallback only keeps this function total.
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or(NaiveDate::MIN)
}

/// Read through `RawCalendar`, because serde's internally tagged enums let a unit variant
/// pass with unknown fields: `{"kind": "calendar", "day": 15}` is a mistake worth reporting.
impl<'de> Deserialize<'de> for Calendar {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Calendar, D::Error> {
        let raw = RawCalendar::deserialize(deserializer)?;
        match (raw.kind, raw.day) {
            (Kind::Calendar, None) => Ok(Calendar::Calendar),
            (Kind::Calendar, Some(_)) => Err(D::Error::unknown_field("day", &["kind"])),
            (Kind::Cutoff, Some(day)) => Ok(Calendar::Cutoff { day }),
            (Kind::Cutoff, None) => Err(D::Error::missing_field("day")),
        }
    }
}

/// A calendar as written, before the fields are matched to the kind.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCalendar {
    kind: Kind,
    #[serde(default, deserialize_with = "cutoff_day")]
    day: Option<u32>,
}

/// The words of `kind`.
#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum Kind {
    Calendar,
    Cutoff,
}

/// Reads a cut-off day, refusing one outside 2–28.
fn cutoff_day<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<u32>, D::Error> {
    let day = u32::deserialize(deserializer)?;
    if (MIN_CUTOFF_DAY..=MAX_CUTOFF_DAY).contains(&day) {
        Ok(Some(day))
    } else {
        Err(D::Error::invalid_value(
            Unexpected::Unsigned(u64::from(day)),
            &"a cut-off day within 2–28",
        ))
    }
}
