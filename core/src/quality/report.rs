//! The quality report of one unit and period: what was expected and what came in, every
//! finding, and the score.

use chrono::NaiveDateTime;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Dimension, Flaw};
use crate::ledger::RevisionStatus;
use crate::period::{Period, Timeliness};
use crate::{Severity, Value};

/// The quality of one unit's reporting for one period, as of a moment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QualityReport {
    /// The unit.
    pub unit: String,
    /// Its head, who answers for its data, where the chart names persons.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub head: Option<crate::org::Head>,
    /// The period.
    #[schemars(with = "String")]
    pub period: Period,
    /// The moment the report is made as of: it decides what is overdue or stale.
    #[schemars(with = "String")]
    pub as_of: NaiveDateTime,
    /// The day the period's report is due.
    #[schemars(with = "String")]
    pub deadline: chrono::NaiveDate,
    /// How many items the unit must report for the period.
    pub expected: usize,
    /// How many of them stand reported (approved or awaiting a decision).
    pub reported: usize,
    /// `100 × reported / expected`, one decimal, half up; absent when nothing is expected.
    #[serde(default, with = "crate::decimal::ExactOption")]
    pub completeness: Option<Decimal>,
    /// The data-quality score, 0–100 (see [`score`](super::score)); absent when there is
    /// nothing to judge.
    #[serde(default, with = "crate::decimal::ExactOption")]
    pub score: Option<Decimal>,
    /// Each dimension's part of the score, 0–25, in the order correct, complete, clean, live.
    pub dimensions: Vec<DimensionScore>,
    /// Each item judged, in code order.
    pub items: Vec<ItemCheck>,
    /// Every finding, by item then code.
    pub findings: Vec<QualityFinding>,
}

/// One dimension's part of the score.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DimensionScore {
    /// The dimension.
    pub dimension: Dimension,
    /// Points out of 25, one decimal, half up; absent when there is nothing to judge.
    #[serde(default, with = "crate::decimal::ExactOption")]
    pub points: Option<Decimal>,
    /// Errors found in it.
    pub errors: usize,
    /// Warnings found in it.
    pub warnings: usize,
}

/// Where one item stands for the unit and period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ItemCheck {
    /// The item's code.
    pub item: String,
    /// The period checked: the report's, or a shorter one within it for an item reported
    /// more often (a quarter's report checks its monthly items month by month).
    #[schemars(with = "String")]
    pub period: Period,
    /// Whether the assignments require it.
    pub expected: bool,
    /// The standing revision's status; absent when nothing stands.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<RevisionStatus>,
    /// The standing revision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revision: Option<u64>,
    /// Its value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Value>,
    /// Whether it came in on time (judged on the first revision).
    pub timeliness: Timeliness,
    /// How many findings it has.
    pub findings: usize,
}

/// One data-quality finding: a stable code, its dimension, severity, where (item, period,
/// revision) and what, in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QualityFinding {
    /// Stable code such as `clean.outlier_peers`; the first word is the dimension.
    pub code: String,
    /// The dimension it counts against.
    pub dimension: Dimension,
    /// `error` or `warning`.
    pub severity: Severity,
    /// The item (data element or indicator).
    pub item: String,
    /// The period.
    #[schemars(with = "String")]
    pub period: Period,
    /// The ledger revision concerned, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revision: Option<u64>,
    /// In Vietnamese.
    pub message_vi: String,
    /// In English.
    pub message_en: String,
}

impl QualityFinding {
    /// A finding for `flaw` on `item` in `period`.
    pub fn new(flaw: &Flaw, item: &str, period: Period, revision: Option<u64>) -> Self {
        let message = flaw.message();
        QualityFinding {
            code: flaw.code().to_owned(),
            dimension: flaw.dimension(),
            severity: flaw.severity(),
            item: item.to_owned(),
            period,
            revision,
            message_vi: message.vi,
            message_en: message.en,
        }
    }
}

impl QualityReport {
    /// The report as compact JSON: the exact bytes every binding returns.
    pub fn to_json(&self) -> String {
        crate::json::to_json(self)
    }
}
