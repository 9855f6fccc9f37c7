//! The structured summary ("báo cáo tổng hợp"): what the narrative says, as data: standings,
//! movers, off-track indicators with their explanations, bottlenecks named, data gaps and
//! progress towards the targets.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Text;
use crate::Value;
use crate::evaluation::{
    Evaluation, ExplanationRef, IndicatorResult, ProgressStatus, RankingRow, UnitResult,
};
use crate::ledger::Bottleneck;
use crate::org::Head;
use crate::period::Period;

/// How many units the summary names at the top and bottom of each ranking, and as movers.
pub const NAMED: usize = 3;

/// The summary of an evaluation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Summary {
    /// The period evaluated.
    #[schemars(with = "String")]
    pub period: Period,
    /// Units evaluated.
    pub units: usize,
    /// Each peer group's standing.
    pub groups: Vec<GroupSummary>,
    /// Off-track indicators, by unit then indicator.
    pub off_track: Vec<OffTrack>,
    /// The bottleneck categories explanations name, most named first.
    pub bottlenecks: Vec<BottleneckCount>,
    /// Data gaps by kind.
    pub gaps: Vec<GapCount>,
    /// Progress towards the targets: how many (unit, indicator) pairs have each status.
    pub progress: Vec<StatusCount>,
    /// The proposals and support the units request in their explanations ("kiến nghị").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub proposals: Vec<Proposal>,
}

/// A unit's proposal or request for support, made with an explanation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Proposal {
    /// The unit.
    pub unit: String,
    /// Its name.
    pub name: Text,
    /// The indicator explained.
    pub indicator: String,
    /// The explanation's ledger entry.
    pub sequence: u64,
    /// The proposal, in the unit's words.
    pub text: String,
}

/// A peer group's standing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GroupSummary {
    /// The peer group.
    pub peer_group: String,
    /// Its name.
    pub name: Text,
    /// Units ranked.
    pub ranked: usize,
    /// Members without a score.
    pub unranked: Vec<String>,
    /// The mean published score of the ranked units, at the published precision.
    #[serde(default, with = "crate::decimal::ExactOption")]
    pub mean: Option<Decimal>,
    /// The first [`NAMED`] rows.
    pub top: Vec<RankingRow>,
    /// How many more rows share the rank of the last of `top` (a list never cuts through a
    /// tie silently: "… and 3 others also ranked 3").
    #[serde(default, skip_serializing_if = "is_zero")]
    pub top_tied: usize,
    /// The last [`NAMED`] ranked rows, worst last.
    pub bottom: Vec<RankingRow>,
    /// The biggest gains in rank (at most [`NAMED`], gains only).
    pub risers: Vec<RankingRow>,
    /// How many more rows gained as much as the last of `risers`.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub risers_tied: usize,
    /// The biggest losses in rank (at most [`NAMED`], losses only).
    pub fallers: Vec<RankingRow>,
    /// How many more rows lost as much as the last of `fallers`.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub fallers_tied: usize,
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// The first [`NAMED`] of `rows`, and how many after them share the last one's `key`.
fn named<'r>(
    rows: impl IntoIterator<Item = &'r RankingRow>,
    key: impl Fn(&RankingRow) -> Option<Decimal>,
) -> (Vec<RankingRow>, usize) {
    let rows: Vec<&RankingRow> = rows.into_iter().collect();
    let shown: Vec<RankingRow> = rows.iter().take(NAMED).map(|x| (*x).clone()).collect();
    let last = shown.last().and_then(&key);
    let tied = rows
        .iter()
        .skip(NAMED)
        .take_while(|x| last.is_some() && key(x) == last)
        .count();
    (shown, tied)
}

/// An off-track indicator of a unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OffTrack {
    /// The unit.
    pub unit: String,
    /// Its name.
    pub name: Text,
    /// The indicator.
    pub indicator: String,
    /// The indicator's name.
    pub indicator_name: Text,
    /// The period read.
    #[schemars(with = "String")]
    pub period: Period,
    /// Its value.
    pub value: Value,
    /// The indicator's unit of measure.
    pub measure: Text,
    /// Why it is off track.
    pub why: Text,
    /// Whether the catalogue asks the unit to explain it (Layer C, by default).
    pub explanation_due: bool,
    /// The unit's head, who answers for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub head: Option<Head>,
    /// The focal officer it is assigned to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub focal_officer: Option<Head>,
    /// The unit's explanation, if given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explanation: Option<ExplanationRef>,
}

/// How often a bottleneck category is named.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BottleneckCount {
    /// The category.
    pub bottleneck: Bottleneck,
    /// Explanations naming it.
    pub count: usize,
}

/// Data gaps of one kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GapCount {
    /// The kind, written as the quality finding's code.
    pub code: crate::evaluation::GapKind,
    /// The units and items, by unit then item.
    pub items: Vec<UnitItem>,
}

/// A unit and an item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UnitItem {
    /// The unit.
    pub unit: String,
    /// Its name.
    pub name: Text,
    /// The item.
    pub item: String,
    /// The item's name.
    pub item_name: Text,
    /// The month (or other shorter period) of the gap, when not the evaluated period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub period: Option<Period>,
    /// The unit's head.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub head: Option<Head>,
    /// The focal officer the item is assigned to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub focal_officer: Option<Head>,
}

/// An item's name: the indicator's or data element's, else its code.
fn item_name(catalogue: &crate::Catalogue, code: &str) -> Text {
    catalogue
        .indicator(code)
        .map(|i| i.name.clone())
        .or_else(|| catalogue.data_element(code).map(|d| d.name.clone()))
        .unwrap_or_else(|| Text::new(code, code))
}

/// How many (unit, indicator) pairs have a progress status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StatusCount {
    /// The status.
    pub status: ProgressStatus,
    /// How many.
    pub count: usize,
}

impl OffTrack {
    /// The off-track entry of an indicator result, if it is off track.
    pub fn of(
        unit: &UnitResult,
        i: &IndicatorResult,
        catalogue: &crate::Catalogue,
    ) -> Option<OffTrack> {
        let indicator = catalogue.indicator(&i.indicator);
        Some(OffTrack {
            unit: unit.unit.clone(),
            name: unit.name.clone(),
            indicator: i.indicator.clone(),
            indicator_name: indicator
                .map_or_else(|| Text::new(&i.indicator, &i.indicator), |x| x.name.clone()),
            period: i.period,
            value: i.value.clone(),
            measure: indicator.map_or_else(|| Text::new("", ""), |x| x.unit.clone()),
            why: i.off_track.clone()?,
            head: unit.head.clone(),
            focal_officer: i.focal_officer.as_deref().cloned(),
            explanation_due: indicator
                .is_some_and(|x| x.explanation != crate::catalogue::ExplanationRequirement::None),
            explanation: i.explanation.as_deref().cloned(),
        })
    }
}

impl GroupSummary {
    /// The standing of one peer group's ranking; the mean published at `precision` places.
    fn of(r: &crate::evaluation::PeerRanking, precision: u32) -> GroupSummary {
        let ranked: Vec<&RankingRow> = r.rows.iter().filter(|x| x.rank.is_some()).collect();
        let scores: Vec<Decimal> = ranked.iter().filter_map(|x| x.score).collect();
        let mean = (!scores.is_empty()).then(|| {
            crate::catalogue::RoundingMode::HalfUp
                .round(
                    scores.iter().sum::<Decimal>() / Decimal::from(scores.len()),
                    precision,
                )
                .normalize()
        });
        let mut moves: Vec<&RankingRow> = ranked
            .iter()
            .copied()
            .filter(|x| x.movement.is_some())
            .collect();
        // Biggest move first; ties by rank, then id (the rows' order).
        moves.sort_by_key(|x| std::cmp::Reverse(x.movement.unwrap_or_default()));
        let movement = |x: &RankingRow| x.movement;
        let (risers, risers_tied) = named(
            moves
                .iter()
                .copied()
                .filter(|x| x.movement.is_some_and(|m| m > Decimal::ZERO)),
            movement,
        );
        moves.sort_by_key(|x| x.movement.unwrap_or_default());
        let (fallers, fallers_tied) = named(
            moves
                .iter()
                .copied()
                .filter(|x| x.movement.is_some_and(|m| m < Decimal::ZERO)),
            movement,
        );
        let (top, top_tied) = named(ranked.iter().copied(), |x| x.rank);
        let bottom_from = ranked
            .len()
            .saturating_sub(NAMED)
            .max(NAMED.min(ranked.len()));
        GroupSummary {
            peer_group: r.peer_group.clone(),
            name: r.name.clone(),
            ranked: ranked.len(),
            unranked: r
                .rows
                .iter()
                .filter(|x| x.rank.is_none())
                .map(|x| x.unit.clone())
                .collect(),
            mean,
            top,
            top_tied,
            bottom: ranked[bottom_from..].iter().map(|x| (*x).clone()).collect(),
            risers,
            risers_tied,
            fallers,
            fallers_tied,
        }
    }
}

impl Summary {
    /// Summarises `evaluation`.
    pub fn new(evaluation: &Evaluation, catalogue: &crate::Catalogue) -> Summary {
        let precision = evaluation.published_places();
        let groups = evaluation
            .rankings
            .iter()
            .map(|r| GroupSummary::of(r, precision))
            .collect();
        let mut off_track = Vec::new();
        let mut bottlenecks: BTreeMap<Bottleneck, usize> = BTreeMap::new();
        let mut gaps: BTreeMap<crate::evaluation::GapKind, Vec<UnitItem>> = BTreeMap::new();
        let mut progress: BTreeMap<ProgressStatus, usize> = BTreeMap::new();
        let mut proposals = Vec::new();
        for unit in &evaluation.units {
            for i in &unit.indicators {
                *progress.entry(i.progress.status).or_default() += 1;
                if let Some((e, text)) = i
                    .explanation
                    .as_ref()
                    .and_then(|e| Some((e, e.support_requested.clone()?)))
                {
                    proposals.push(Proposal {
                        unit: unit.unit.clone(),
                        name: unit.name.clone(),
                        indicator: i.indicator.clone(),
                        sequence: e.sequence,
                        text,
                    });
                }
                let Some(o) = OffTrack::of(unit, i, catalogue) else {
                    continue;
                };
                for b in o.explanation.iter().flat_map(|e| &e.bottlenecks) {
                    *bottlenecks.entry(*b).or_default() += 1;
                }
                off_track.push(o);
            }
            for gap in unit.quality.iter().flat_map(|q| &q.gaps) {
                gaps.entry(gap.code).or_default().push(UnitItem {
                    unit: unit.unit.clone(),
                    name: unit.name.clone(),
                    item: gap.item.to_string(),
                    item_name: item_name(catalogue, &gap.item),
                    period: gap.period,
                    head: unit.head.clone(),
                    focal_officer: gap.focal_officer.as_deref().cloned(),
                });
            }
        }
        let mut bottlenecks: Vec<BottleneckCount> = bottlenecks
            .into_iter()
            .map(|(bottleneck, count)| BottleneckCount { bottleneck, count })
            .collect();
        bottlenecks.sort_by_key(|b| std::cmp::Reverse(b.count));
        Summary {
            period: evaluation.period,
            units: evaluation.units.len(),
            groups,
            off_track,
            bottlenecks,
            gaps: gaps
                .into_iter()
                .map(|(code, items)| GapCount { code, items })
                .collect(),
            progress: progress
                .into_iter()
                .map(|(status, count)| StatusCount { status, count })
                .collect(),
            proposals,
        }
    }
}
