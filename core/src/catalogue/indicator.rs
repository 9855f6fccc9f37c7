use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{DataSource, Layer, Method, Responsibility, RoundingMode, Target, ValueType};
use crate::Text;
use crate::period::Cycle;

/// An indicator with its full passport, as Công văn 3158-CV/VPTW requires: concept, calculation
/// method, data source, lead and implementing agencies and update responsibility, plus what
/// scoring and reporting need (unit, precision, direction, targets, cycle, evidence, weight).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// Code, unique across indicators and data elements (`A01`, `B12`, ...).
    pub code: String,
    /// Governance layer.
    pub layer: Layer,
    /// Whether the indicator is official or an illustrative stand-in.
    pub status: Status,
    /// Name ("tên chỉ số").
    pub name: Text,
    /// Concept ("khái niệm"): what the indicator means.
    pub concept: Text,
    /// The group (pillar) it belongs to: a group code.
    pub group: String,
    /// Calculation method.
    pub method: Method,
    /// Unit of measure ("đơn vị tính").
    pub unit: Text,
    /// Kind of value.
    pub value_type: ValueType,
    /// Decimal places kept when the value is rounded (once, at the end).
    pub precision: u32,
    /// Rounding rule; half-up when not given.
    #[serde(default)]
    pub rounding: RoundingMode,
    /// Which way is better.
    pub direction: Direction,
    /// Targets; none for an indicator only monitored.
    // Shared: every unit's result and progress judged against one names it.
    #[schemars(with = "Vec<Target>")]
    pub targets: Vec<std::sync::Arc<Target>>,
    /// Reporting cycle.
    pub cycle: Cycle,
    /// Where the data comes from.
    pub source: DataSource,
    /// Who answers for it.
    pub responsibility: Responsibility,
    /// Which documents must accompany a reported value.
    pub evidence: EvidenceRequirement,
    /// When the unit must explain the value.
    pub explanation: ExplanationRequirement,
    /// Relative weight within its group (a decimal string, 0 or more).
    #[serde(with = "crate::decimal::Exact")]
    pub weight: Decimal,
    /// Maximum points it contributes to a total score (a decimal string, 0 or more).
    #[serde(with = "crate::decimal::Exact")]
    pub max_points: Decimal,
    /// How its value is scored; by default yes/no for a yes/no indicator and the ratio to
    /// target (capped) for a number (see [`Indicator::scoring_rule`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scoring: Option<super::Scoring>,
    /// The legal texts it comes from (`NQ 57-NQ/TW II.1`, `NQ 03/NQ-CP Phụ lục I`, ...).
    pub legal_sources: Vec<String>,
    /// The code this indicator had in an earlier version of the catalogue: an assignment of
    /// the old code is an assignment of this one, so a renamed indicator is never dropped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replaces: Option<String>,
}

/// Whether an indicator is official.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Taken from a published legal text.
    Official,
    /// A realistic example standing in for an unpublished official list; replace before use.
    Illustrative,
}

/// Which way is better ("chiều tốt").
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    JsonSchema,
    strum::EnumIter,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Direction {
    /// More is better (coverage, shares, counts).
    HigherIsBetter,
    /// Less is better (ranks, incidents, delays).
    LowerIsBetter,
    /// Best inside a band given by a `range` target.
    InsideBand,
}

/// The evidence ("tài liệu, minh chứng") a reported value must carry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EvidenceRequirement {
    /// Whether a value without evidence is incomplete.
    pub required: bool,
    /// The kind of document expected (a decision, a report, a system extract, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub documents: Option<Text>,
}

/// When a unit must explain ("giải trình") its value: causes, bottlenecks, proposed solutions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ExplanationRequirement {
    /// Never required.
    None,
    /// Required when the value is off track against its target (Layer C practice).
    WhenOffTrack,
    /// Required with every value.
    Always,
}

impl Indicator {
    /// The formula, when the indicator is computed.
    pub fn formula(&self) -> Option<&str> {
        self.method.expression()
    }

    /// The targets set for a milestone year.
    pub fn targets_for(&self, year: u16) -> impl Iterator<Item = &Target> {
        self.targets
            .iter()
            .map(|t| &**t)
            .filter(move |t| t.year == year)
    }

    /// The scoring rule in force: the declared one, else yes/no for a yes/no indicator, the
    /// capped ratio to target for a number, and none for text (judged by people).
    pub fn scoring_rule(&self) -> Option<super::Scoring> {
        if let Some(rule) = &self.scoring {
            return Some(rule.clone());
        }
        match self.value_type {
            super::ValueType::YesNo => Some(super::Scoring::YesNo),
            super::ValueType::Text => None,
            _ => Some(super::Scoring::RatioToTarget { cap: true }),
        }
    }
}
