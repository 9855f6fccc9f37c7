//! Everything about one period at a glance: what `chiso period show` prints and what the
//! bindings return, computed once here so that every front door says the same.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::Serialize;

use super::{Cycle, Period, ReportingCalendar};
use crate::{Error, Text};

/// One period described under a reporting calendar: its name, days, months, enclosing periods,
/// neighbours and deadline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct PeriodInfo {
    /// The period, canonically written.
    pub period: Period,
    /// Its name in both languages.
    pub label: Text,
    /// Its cycle.
    pub cycle: Cycle,
    /// Its first day under the calendar (`YYYY-MM-DD`).
    #[serde(with = "crate::json::date")]
    #[schemars(with = "String", regex(pattern = r"^\d{4}-\d{2}-\d{2}$"))]
    pub start: NaiveDate,
    /// Its last day under the calendar, inclusive (`YYYY-MM-DD`).
    #[serde(with = "crate::json::date")]
    #[schemars(with = "String", regex(pattern = r"^\d{4}-\d{2}-\d{2}$"))]
    pub end: NaiveDate,
    /// The months it is made of, in order; empty for a month.
    pub months: Vec<Period>,
    /// The periods of coarser cycles that enclose it.
    pub parents: Parents,
    /// The period before it, `null` before the year 1000.
    pub previous: Option<Period>,
    /// The period after it, `null` after the year 9999.
    pub next: Option<Period>,
    /// The same period a year earlier, `null` before the year 1000.
    pub same_period_last_year: Option<Period>,
    /// The day its report is due (`YYYY-MM-DD`).
    #[serde(with = "crate::json::date")]
    #[schemars(with = "String", regex(pattern = r"^\d{4}-\d{2}-\d{2}$"))]
    pub deadline: NaiveDate,
}

/// The periods of coarser cycles enclosing a period; a cycle that is not coarser is left out
/// (a quarter has `half_yearly` and `yearly`, a year has none).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, JsonSchema)]
pub struct Parents {
    /// The enclosing quarter (for a month).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quarterly: Option<Period>,
    /// The enclosing half-year (for a month or a quarter).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub half_yearly: Option<Period>,
    /// The enclosing year (for anything but a year).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub yearly: Option<Period>,
}

impl PeriodInfo {
    /// Describes `period` under `calendar`. Fails only on a hand-built calendar with a field
    /// out of range (see [`ReportingCalendar::check`]).
    pub fn new(period: Period, calendar: &ReportingCalendar) -> Result<PeriodInfo, Error> {
        let deadline = calendar.deadline(period)?;
        let (start, end) = period.date_range(&calendar.calendar);
        let cycle = period.cycle();
        let coarser = |parent: Cycle| {
            if parent > cycle {
                period.parent(parent)
            } else {
                None
            }
        };
        let months = if cycle == Cycle::Monthly {
            Vec::new()
        } else {
            period.months()
        };
        Ok(PeriodInfo {
            period,
            label: period.label(),
            cycle,
            start,
            end,
            months,
            parents: Parents {
                quarterly: coarser(Cycle::Quarterly),
                half_yearly: coarser(Cycle::HalfYearly),
                yearly: coarser(Cycle::Yearly),
            },
            previous: period.previous(),
            next: period.next(),
            same_period_last_year: period.same_period_last_year(),
            deadline,
        })
    }
}

/// Reads `text` as a period (any accepted spelling) and describes it under `calendar`.
///
/// In JSON, 2026-Q2 under the cut-off of the 15th, due 5 working days later:
///
/// ```json
/// {"period": "2026-Q2", "label": {"vi": "Quý II năm 2026", "en": "Q2 2026"},
///  "cycle": "quarterly", "start": "2026-03-15", "end": "2026-06-14",
///  "months": ["2026-04", "2026-05", "2026-06"],
///  "parents": {"half_yearly": "2026-H1", "yearly": "2026"},
///  "previous": "2026-Q1", "next": "2026-Q3", "same_period_last_year": "2025-Q2",
///  "deadline": "2026-06-19"}
/// ```
///
/// ```
/// use chiso::period::{Calendar, ReportingCalendar, describe};
/// let regime = ReportingCalendar::new(Calendar::ND09_2019, 5, [])?;
/// let info = describe("2026q2", &regime)?;
/// assert_eq!(info.start.to_string(), "2026-03-15");
/// assert_eq!(info.deadline.to_string(), "2026-06-19");
/// assert_eq!(chiso::to_json(&info.parents), r#"{"half_yearly":"2026-H1","yearly":"2026"}"#);
/// assert_eq!(describe("2026Q5", &regime).unwrap_err().code(), "period.invalid");
/// # Ok::<(), chiso::Error>(())
/// ```
pub fn describe(text: &str, calendar: &ReportingCalendar) -> Result<PeriodInfo, Error> {
    PeriodInfo::new(text.parse()?, calendar)
}
