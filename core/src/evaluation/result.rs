//! What an evaluation publishes: every unit's indicators, scores and composites with the
//! revisions they rest on, and the rankings of each peer group.

use chrono::NaiveDateTime;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Gap, Progress, RankingRule, Scheme};
use crate::catalogue::{Layer, Scoring, Target};
use crate::ledger::Bottleneck;
use crate::period::Period;
use crate::{Text, Value};

/// The evaluation of one period: the main job's result, the report's only input.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Evaluation {
    /// The catalogue's id.
    pub catalogue: String,
    /// The catalogue's version.
    pub catalogue_version: String,
    /// The period evaluated.
    #[schemars(with = "String")]
    pub period: Period,
    /// The period movements are measured against.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub previous_period: Option<Period>,
    /// The publication of the previous period that previous ranks and movement were read
    /// from (its ledger sequence); absent when that period was never published, and they were
    /// recomputed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_publication: Option<u64>,
    /// Approvals and timeliness as they stood at this time.
    #[schemars(with = "String")]
    pub as_of: NaiveDateTime,
    /// The head of the ledger read: the published evaluation names the exact data it rests on.
    pub ledger_head: String,
    /// The scheme used.
    pub scheme: Scheme,
    /// What the reader must know about how far the result can be relied on: a catalogue
    /// version not yet in force for the period evaluated.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<crate::Finding>,
    /// Every unit evaluated, by id.
    pub units: Vec<UnitResult>,
    /// One ranking per peer group, in the organisation chart's order.
    pub rankings: Vec<PeerRanking>,
}

impl Evaluation {
    /// The places its scores are published at ([`Scheme::published_places`](super::Scheme::published_places)).
    pub fn published_places(&self) -> u32 {
        self.scheme.published_places()
    }

    /// Reads an evaluation back from its JSON (as [`to_json`](Evaluation::to_json) writes it),
    /// for reports made apart from the evaluation (in another binding, later).
    pub fn from_json(text: &str) -> Result<Evaluation, crate::Error> {
        crate::json::from_str(text).map_err(|f| crate::Error::InvalidInput {
            what: crate::InputKind::Evaluation,
            findings: vec![f],
        })
    }

    /// The evaluation as JSON, with lineage: the same bytes in every binding.
    pub fn to_json(&self) -> String {
        crate::to_json(self)
    }
}

/// One unit's evaluation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UnitResult {
    /// The unit.
    pub unit: String,
    /// Its name.
    pub name: Text,
    /// The unit it reports to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// The peer group it is ranked in, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub peer_group: Option<String>,
    /// Its head, who answers for its indicators, where the chart names persons.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub head: Option<crate::org::Head>,
    /// The total score, a fraction 0–1 at the published precision; absent with nothing scored.
    #[serde(default, with = "crate::decimal::ExactOption")]
    pub score: Option<Decimal>,
    /// By layer.
    pub layers: Vec<NodeResult>,
    /// By pillar within each layer.
    pub pillars: Vec<NodeResult>,
    /// Each indicator, in catalogue order.
    pub indicators: Vec<IndicatorResult>,
    /// The data-quality report's headline figures, shown beside the rank.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quality: Option<QualitySummary>,
}

/// A node of the composite tree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NodeResult {
    /// The layer.
    pub layer: Layer,
    /// The pillar's group code (absent for the layer itself).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pillar: Option<String>,
    /// Its name.
    pub name: Text,
    /// Its score, a fraction 0–1 at the published precision.
    #[serde(default, with = "crate::decimal::ExactOption")]
    pub score: Option<Decimal>,
}

/// Where a scored value came from.
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
pub enum Origin {
    /// The unit's approved value for the period.
    Approved,
    /// The mean of the values of the units merged to form it.
    Merged,
    /// The unit's last approved value of an earlier period (the `last_value` policy).
    Imputed,
    /// Nothing approved: the missing-data policy decides.
    Missing,
}

impl Origin {
    /// Its name in both languages (as the [vocabulary](crate::vocabulary) lists it).
    pub fn label(self) -> crate::Text {
        use crate::Text;
        match self {
            Origin::Approved => Text::new("Số liệu đã duyệt", "Approved value"),
            Origin::Merged => {
                Text::new("Bình quân các đơn vị sáp nhập", "Mean of the merged units")
            }
            Origin::Imputed => Text::new("Giá trị kỳ trước gần nhất", "Last earlier value"),
            Origin::Missing => Text::new("Không có số liệu", "No value"),
        }
    }
}

/// One indicator of one unit: its value, score and progress, with lineage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IndicatorResult {
    /// The indicator.
    pub indicator: String,
    /// Its layer.
    pub layer: Layer,
    /// Its pillar (top-level group).
    pub pillar: String,
    /// The period whose value is read (the last full year for a yearly indicator).
    #[schemars(with = "String")]
    pub period: Period,
    /// The value scored.
    pub value: Value,
    /// Where it came from.
    pub origin: Origin,
    /// For an imputed value, the period it was taken from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub imputed_from: Option<Period>,
    /// For a merged value, the predecessor units averaged.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merged_from: Vec<String>,
    /// The ledger revisions (sequence numbers) the value rests on.
    pub revisions: Vec<u64>,
    /// For a flow read over less than a year, the factor that put its value at a yearly pace
    /// before it was scored and judged against yearly targets (4 for a quarter).
    #[serde(
        default,
        with = "crate::decimal::ExactOption",
        skip_serializing_if = "Option::is_none"
    )]
    pub yearly_pace: Option<Decimal>,
    /// The scoring rule applied.
    pub rule: Scoring,
    /// The target scored against, if the rule needs one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Target>")]
    pub target: Option<std::sync::Arc<Target>>,
    /// Weight in its pillar.
    #[serde(with = "crate::decimal::Exact")]
    pub weight: Decimal,
    /// Maximum points.
    #[serde(with = "crate::decimal::Exact")]
    pub max_points: Decimal,
    /// The score, a fraction 0–1 at the published precision; absent when missing.
    #[serde(default, with = "crate::decimal::ExactOption")]
    pub fraction: Option<Decimal>,
    /// Points earned: fraction × maximum points, at the published precision.
    #[serde(default, with = "crate::decimal::ExactOption")]
    pub points: Option<Decimal>,
    /// Progress towards the scheme's target year.
    pub progress: Progress,
    /// The baseline progress is measured from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub baseline_period: Option<Period>,
    /// Why the indicator is off track (the one judgement, [`crate::progress::standing`]), if it
    /// is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub off_track: Option<Text>,
    /// The unit's explanation for the period, if it gave one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explanation: Option<Box<ExplanationRef>>,
    /// The focal officer the indicator is assigned to ("cán bộ đầu mối"), named where the
    /// chart names the person.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<crate::org::Head>")]
    pub focal_officer: Option<std::sync::Arc<crate::org::Head>>,
}

/// An explanation, as the report cites it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExplanationRef {
    /// The ledger entry.
    pub sequence: u64,
    /// The bottleneck categories it names.
    pub bottlenecks: Vec<Bottleneck>,
    /// The causes, in the unit's words.
    pub causes: String,
    /// The solutions, in the unit's words.
    pub solutions: String,
    /// The proposals and support requested ("kiến nghị, đề xuất"), in the unit's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub support_requested: Option<String>,
}

/// A quality report's headline figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QualitySummary {
    /// The 0–100 quality score.
    #[serde(default, with = "crate::decimal::ExactOption")]
    pub score: Option<Decimal>,
    /// Reported over expected, 0–100.
    #[serde(default, with = "crate::decimal::ExactOption")]
    pub completeness: Option<Decimal>,
    /// The gaps the report names: items missing, late, overdue, without evidence or invalid.
    pub gaps: Vec<Gap>,
}

/// The ranking of one peer group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PeerRanking {
    /// The peer group.
    pub peer_group: String,
    /// Its name.
    pub name: Text,
    /// How it was ranked (recorded: "round, then rank" or not).
    pub rule: RankingRule,
    /// Units in rank order; units without a score last.
    pub rows: Vec<RankingRow>,
}

/// One unit's place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RankingRow {
    /// The unit.
    pub unit: String,
    /// Its name.
    pub name: Text,
    /// The score ranked on, at the published precision.
    #[serde(default, with = "crate::decimal::ExactOption")]
    pub score: Option<Decimal>,
    /// The rank (1 the best).
    #[serde(default, with = "crate::decimal::ExactOption")]
    pub rank: Option<Decimal>,
    /// The rank in the previous period.
    #[serde(default, with = "crate::decimal::ExactOption")]
    pub previous_rank: Option<Decimal>,
    /// Places gained since the previous period (negative: lost).
    #[serde(default, with = "crate::decimal::ExactOption")]
    pub movement: Option<Decimal>,
    /// The band.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub band: Option<BandPlace>,
    /// The unit's data-quality score for the period, 0–100.
    #[serde(default, with = "crate::decimal::ExactOption")]
    pub quality: Option<Decimal>,
    /// How the rank moves under other weights and missing-data policies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sensitivity: Option<RankRange>,
}

/// A band a unit falls in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BandPlace {
    /// 1 the best.
    pub number: u32,
    /// Its name.
    pub label: Text,
}

/// The spread of a unit's rank over the sensitivity reruns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RankRange {
    /// The best rank reached.
    #[serde(with = "crate::decimal::Exact")]
    pub min: Decimal,
    /// The median rank.
    #[serde(with = "crate::decimal::Exact")]
    pub median: Decimal,
    /// The worst rank reached.
    #[serde(with = "crate::decimal::Exact")]
    pub max: Decimal,
    /// How many rankings were compared (the published one included).
    pub runs: u32,
}
