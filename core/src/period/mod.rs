//! Reporting periods and cycles ("kỳ báo cáo", "chu kỳ báo cáo").
//!
//! A [`Period`] is a month, quarter, half-year or year, written `2026-05`, `2026-Q2`, `2026-H1`
//! or `2026` (and read from the other spellings units use: `202605`, `2026Q2`, `2026S1`, ...).
//! Periods know how they nest (months roll up to quarters, half-years and years) and which days
//! they cover under a [`Calendar`]: calendar months, or the cut-off of Nghị định 09/2019/NĐ-CP
//! where a month runs from the 15th of the month before to the 14th. A [`ReportingCalendar`] adds
//! the working days allowed for reporting and the holidays, and so gives each period's deadline
//! and whether a report was [on time](Timeliness). [`describe`] puts all of it in one
//! [`PeriodInfo`].
//!
//! ```
//! use chiso::period::{Calendar, Cycle, Period, ReportingCalendar, Timeliness};
//! use chrono::NaiveDate;
//!
//! let q1: Period = "2026q1".parse()?;
//! assert_eq!(q1.to_string(), "2026-Q1");
//! assert_eq!(q1.months().len(), 3);
//! assert_eq!(q1.parent(Cycle::Yearly), Some(Period::whole_year(2026)?));
//! assert_eq!(q1.previous(), Some(Period::quarter(2025, 4)?));
//!
//! // Under the cut-off of the 15th, the first quarter starts in December of the year before.
//! let (start, end) = q1.date_range(&Calendar::ND09_2019);
//! assert_eq!((start.to_string(), end.to_string()), ("2025-12-15".into(), "2026-03-14".into()));
//!
//! // Due two working days after Saturday 14 March: Tuesday the 17th.
//! let regime = ReportingCalendar::new(Calendar::ND09_2019, 2, [])?;
//! assert_eq!(regime.deadline(q1)?, NaiveDate::from_ymd_opt(2026, 3, 17).unwrap());
//! let submitted = NaiveDate::from_ymd_opt(2026, 3, 18).unwrap().and_hms_opt(9, 0, 0);
//! let now = NaiveDate::from_ymd_opt(2026, 4, 1).unwrap().and_hms_opt(0, 0, 0).unwrap();
//! assert_eq!(regime.timeliness(q1, submitted, now)?, Timeliness::Late);
//! # Ok::<(), chiso::Error>(())
//! ```

mod calendar;
mod cycle;
mod deadline;
mod holidays;
mod info;
mod label;
mod lunar;
mod model;
mod parse;
mod relations;
mod time;

pub use crate::error::InvalidPeriod;
pub use calendar::{Calendar, MAX_CUTOFF_DAY, MIN_CUTOFF_DAY};
pub use cycle::Cycle;
pub use deadline::{MAX_DUE_WORKING_DAYS, PublicHolidays, ReportingCalendar, Timeliness};
pub use holidays::{
    Declaration, official_declarations, public_holidays, vietnamese_holidays,
    vietnamese_working_weekend_days, working_weekend_days,
};
pub use info::{Parents, PeriodInfo, describe};
pub use lunar::{LUNAR_YEARS, LunarDate, from_lunar, tet, to_lunar};
pub use model::{MAX_YEAR, MIN_YEAR, Period};
pub use time::parse_time;
