//! The evaluation pipeline ("đánh giá định kỳ"): ledger snapshot → quality → formulas →
//! scores → composites → ranks → progress, for one period, every unit at once.
//!
//! Everything is computed exactly; the one rounding stage is publication: scores and
//! composites are published (and, by default, ranked) at the scheme's precision, half up.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::Arc;

use rustc_hash::FxHashMap;

use chrono::NaiveDateTime;
use rust_decimal::Decimal;

use super::gap::{Gap, GapKind, ItemNames};
use super::invalid::{self, Invalid};
use super::quick::{Member, Rerun};
use super::result::{
    BandPlace, Evaluation, ExplanationRef, IndicatorResult, NodeResult, Origin, PeerRanking,
    QualitySummary, RankingRow, UnitResult,
};
use super::sensitivity::{rank_range, weight_draws};
use super::tree::{Composite, Leaf, composite};
use super::{Bands, InvalidPolicy, MissingPolicy, Scheme, rank, score_value};
use crate::catalogue::target_for;
use crate::catalogue::{Catalogue, Indicator, RoundingMode, Scoring};
use crate::columns::LedgerColumns;
use crate::ledger::{Explanation, Ledger, Publication};
use crate::org::Head;
use crate::org::Setup;
use crate::period::{Cycle, Period};
use crate::progress::{self, Progress, ProgressStatus, progress_target, standing};
use crate::quality::{LedgerIndex, Quality};
use crate::resolver::{Approved, Items, Lineage, Traced, Values, reference_period};
use crate::{Error, Text, Value};

/// How far back a last value, or a baseline, is looked for (in periods of the indicator's
/// evaluation cycle: three years of quarters).
const HISTORY_PERIODS: usize = 12;

/// One unit's indicators valued and scored, before anything is published.
struct Scored<'c> {
    unit: String,
    /// Taken when the unit's result is published: each unit's rows freed as its result is
    /// made, not all of them held until the last unit's is (a tenth of a national quarter's
    /// peak memory).
    rows: std::sync::Mutex<Vec<Row<'c>>>,
    leaves: Vec<Leaf<'c>>,
}

/// One indicator's value and scores.
#[derive(Clone)]
struct Row<'c> {
    indicator: &'c Indicator,
    rule: Scoring,
    reference: Period,
    own: Traced,
    origin: Origin,
    merged_from: Vec<String>,
    imputed: Option<(Period, Traced)>,
    fraction_own: Option<Decimal>,
    fraction_imputed: Option<Decimal>,
}

/// Evaluates `period` from `ledger`, read through its `columns`, as approvals stood at the
/// columns' time `as_of`, under `scheme`.
pub(crate) fn evaluate(
    setup: &Setup<'_>,
    ledger: &Ledger,
    columns: &LedgerColumns,
    period: Period,
    as_of: NaiveDateTime,
    scheme: &Scheme,
) -> Result<Evaluation, Error> {
    scheme.check()?;
    same_time(columns, as_of)?;
    let catalogue = setup.catalogue();
    let tree = setup.tree();
    let items = Items::new(catalogue, columns);
    let invalid = Invalid::new(catalogue, ledger, columns, &items);
    let approved = approved_values(scheme, ledger, columns, &invalid);
    let breaches = invalid.within(period);
    let pipeline = Pipeline::new(setup, scheme, &approved, &items);
    let units = pipeline.units(period);
    let scored = pipeline.score(&units, period, true);
    let previous = period.previous();
    // Previous ranks are the published ones where the previous period was published: a late
    // revision to it never moves what was shown. Else the previous period is scored again,
    // for its totals alone: last values are looked for only when the scheme imputes them.
    let published = previous.and_then(|p| ledger.publication_of(p, Some(as_of)));
    let impute = scheme.missing == MissingPolicy::LastValue;
    // Only each unit's total is kept of it: its rows are freed before this period's are
    // published.
    let previous_totals: HashMap<String, Option<Decimal>> = previous
        .filter(|_| published.is_none())
        .map(|p| pipeline.score(&pipeline.units(p), p, impute))
        .into_iter()
        .flatten()
        .map(|s| {
            let c = composite(&s.leaves, scheme, scheme.missing, &|_| Decimal::ONE);
            (s.unit, c.total)
        })
        .collect();
    let explanations = explanations(ledger, columns);

    let precision = scheme.ranking.round_to.unwrap_or(DEFAULT_PRECISION);
    let publish = |d: Decimal| RoundingMode::HalfUp.round(d, precision).normalize();
    let index = LedgerIndex::over(ledger, columns);
    let invalid_by_unit = by_unit(&breaches, period);
    let names = ItemNames::new(catalogue);
    // Each unit's publication and quality report read only shared, settled inputs: spread
    // over the cores, joined in the units' order.
    let unit_result = |s: &Scored<'_>| {
        let values = Values::for_unit(&approved, Arc::clone(&items), &s.unit);
        let focal = officers(setup, &s.unit, period);
        let officer = |item: &str| focal.get(item).cloned();
        let unit = tree.unit(&s.unit);
        let c = composite(&s.leaves, scheme, scheme.missing, &|_| Decimal::ONE);
        let rows = std::mem::take(
            &mut *s
                .rows
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner),
        );
        let indicators = rows
            .iter()
            .map(|row| IndicatorResult {
                focal_officer: officer(&row.indicator.code),
                ..pipeline.publish_row(&values, &s.unit, row, &explanations, &publish)
            })
            .collect();
        let invalid = invalid_by_unit
            .get(s.unit.as_str())
            .map_or(&[][..], Vec::as_slice);
        let quality = quality_of(
            setup, &index, &s.unit, period, as_of, invalid, &names, &officer,
        );
        let (layers, pillars) = pipeline.nodes(&c, &publish);
        let result = UnitResult {
            unit: s.unit.clone(),
            name: unit.map_or_else(|| Text::new(&s.unit, &s.unit), |u| u.name.clone()),
            parent: unit.and_then(|u| u.parent.clone()),
            peer_group: pipeline
                .peer_of
                .get(s.unit.as_str())
                .map(|g| (*g).to_owned()),
            head: tree.head_of(&s.unit).map(Into::into),
            score: c.total.map(publish),
            layers,
            pillars,
            indicators,
            quality,
        };
        (result, c.total)
    };
    let mut results = Vec::new();
    let mut totals: HashMap<String, Option<Decimal>> = HashMap::new();
    for (result, total) in crate::parallel::map(&scored, |s| s.leaves.len(), unit_result) {
        totals.insert(result.unit.clone(), total);
        results.push(result);
    }
    let rankings = pipeline.rankings(
        &results,
        &scored,
        &totals,
        &previous_totals,
        published.map(|(_, p)| p),
    );
    Ok(Evaluation {
        warnings: version_warnings(catalogue, period),
        catalogue: catalogue.id.clone(),
        catalogue_version: catalogue.version.clone(),
        period,
        previous_period: previous,
        previous_publication: published.map(|(sequence, _)| sequence),
        as_of,
        ledger_head: ledger.head().to_owned(),
        scheme: scheme.clone(),
        units: results,
        rankings,
    })
}

/// Columns built as of another time than the evaluation's would see other entries: refused.
fn same_time(columns: &LedgerColumns, as_of: NaiveDateTime) -> Result<(), Error> {
    if columns.as_of() == Some(as_of) {
        return Ok(());
    }
    Err(Error::InvalidArgument {
        name: "columns",
        value: columns
            .as_of()
            .map_or_else(|| "every entry".to_owned(), |t| t.to_string()),
        expected: format!("the ledger's columns as of {as_of}"),
    })
}

/// The published precision when a ranking rule ranks on exact scores.
const DEFAULT_PRECISION: u32 = 4;

struct Pipeline<'a> {
    setup: &'a Setup<'a>,
    catalogue: &'a Catalogue,
    scheme: &'a Scheme,
    approved: &'a Approved<'a>,
    /// The item facts every resolver shares.
    items: &'a Arc<Items>,
    /// Group code → its top-level group.
    pillars: HashMap<&'a str, &'a str>,
    /// Unit → the (first) peer group it is ranked in.
    peer_of: HashMap<&'a str, &'a str>,
    /// The flows among the indicators (counts summed over time).
    flows: HashSet<&'a str>,
}

impl<'a> Pipeline<'a> {
    fn new(
        setup: &'a Setup<'a>,
        scheme: &'a Scheme,
        approved: &'a Approved<'a>,
        items: &'a Arc<Items>,
    ) -> Self {
        let catalogue = setup.catalogue();
        Pipeline {
            items,
            setup,
            catalogue,
            scheme,
            approved,
            pillars: pillars(catalogue),
            peer_of: setup
                .tree()
                .chart()
                .peer_groups
                .iter()
                .rev()
                .flat_map(|g| g.members.iter().map(move |m| (m.as_str(), g.id.as_str())))
                .collect(),
            flows: catalogue
                .indicators
                .iter()
                .filter(|i| catalogue.is_flow(i))
                .map(|i| i.code.as_str())
                .collect(),
        }
    }

    /// The units evaluated in `period`, by id: those assigned an indicator of the scheme's
    /// layers, and every member of a peer group.
    fn units(&self, period: Period) -> Vec<(String, Vec<&'a Indicator>)> {
        let mut units: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
        for unit in self.peer_of.keys() {
            units.entry((*unit).to_owned()).or_default();
        }
        // Each code's (last) indicator, if this period scores it: decided once per indicator,
        // not for each of the million expanded assignments.
        let mut position: FxHashMap<&str, usize> = FxHashMap::default();
        for (i, indicator) in self.catalogue.indicators.iter().enumerate() {
            position.insert(indicator.code.as_str(), i);
        }
        position.retain(|_, &mut i| {
            let indicator = &self.catalogue.indicators[i];
            // A monthly evaluation scores what is reported monthly; a longer one also reads an
            // indicator of a longer cycle at its last full period (its result names it).
            let read = period.cycle() != Cycle::Monthly || indicator.cycle == Cycle::Monthly;
            read && self.scheme.layers.contains(&indicator.layer)
                && indicator.scoring_rule().is_some()
        });
        for a in self.setup.expanded() {
            let Some(&i) = position.get(a.item) else {
                continue;
            };
            if !a.covers(period) {
                continue;
            }
            // The unit's name copied once, not for each of its assignments.
            match units.get_mut(a.unit()) {
                Some(set) => {
                    set.insert(i);
                }
                None => {
                    units.insert(a.unit().to_owned(), BTreeSet::from([i]));
                }
            }
        }
        units
            .into_iter()
            .map(|(unit, set)| {
                let indicators = set
                    .into_iter()
                    .map(|i| &self.catalogue.indicators[i])
                    .collect();
                (unit, indicators)
            })
            .collect()
    }

    /// Values and scores every unit's indicators in `period`; with `impute`, a missing value's
    /// last one before it too.
    fn score<'u>(
        &self,
        units: &'u [(String, Vec<&'a Indicator>)],
        period: Period,
        impute: bool,
    ) -> Vec<Scored<'a>> {
        // Each unit's values read only the approved values: spread over the cores, in order.
        let draft = |(unit, indicators): &(String, Vec<&'a Indicator>)| {
            let values = Values::for_unit(self.approved, Arc::clone(self.items), unit);
            let rows: Vec<Row<'a>> = indicators
                .iter()
                .filter_map(|indicator| {
                    let reference = reference_period(indicator.cycle, period)?;
                    let rule = indicator.scoring_rule()?;
                    let (own, origin, merged_from) =
                        self.value_of(&values, unit, &indicator.code, reference);
                    let imputed = if impute && origin == Origin::Missing {
                        last_value(&values, unit, &indicator.code, reference)
                    } else {
                        None
                    };
                    Some(Row {
                        indicator,
                        rule,
                        reference,
                        own,
                        origin,
                        merged_from,
                        imputed,
                        fraction_own: None,
                        fraction_imputed: None,
                    })
                })
                .collect();
            (unit.clone(), rows)
        };
        let drafts = crate::parallel::map(units, |(_, i)| i.len(), draft);
        // The peers' numbers, for the rules that compare across a peer group.
        let mut peers: HashMap<(&str, &str), Vec<Decimal>> = HashMap::new();
        let group_of = |unit: &'u str| self.peer_of.get(unit).copied().unwrap_or(unit);
        for ((unit, _), (_, rows)) in units.iter().zip(&drafts) {
            let group = group_of(unit);
            // Only the rules that compare across the group read the peers' numbers.
            let compared = rows
                .iter()
                .filter(|row| matches!(row.rule, Scoring::MinMax | Scoring::ZScore));
            for row in compared {
                if let Some(x) = row.own.value.as_number() {
                    peers
                        .entry((group, row.indicator.code.as_str()))
                        .or_default()
                        .push(x);
                }
            }
        }
        units
            .iter()
            .zip(drafts)
            .map(|((name, _), (unit, mut rows))| {
                let group = group_of(name);
                for row in &mut rows {
                    let peers = peers
                        .get(&(group, row.indicator.code.as_str()))
                        .map_or(&[][..], Vec::as_slice);
                    let year = u16::try_from(row.reference.year()).unwrap_or(u16::MAX);
                    let pace = self.yearly_pace(row);
                    let score = |v: &Value| {
                        let v = match (v, pace) {
                            (Value::Number(x), Some(k)) => Value::Number(*x * k),
                            _ => v.clone(),
                        };
                        score_value(row.indicator, &row.rule, &v, year, peers)
                    };
                    row.fraction_own = (row.origin != Origin::Missing)
                        .then(|| score(&row.own.value))
                        .flatten();
                    row.fraction_imputed = row.imputed.as_ref().and_then(|(_, t)| score(&t.value));
                }
                let leaves = rows
                    .iter()
                    .map(|row| Leaf {
                        indicator: &row.indicator.code,
                        layer: row.indicator.layer,
                        pillar: self.pillar_of(row.indicator),
                        weight: row.indicator.weight,
                        points: row.indicator.max_points,
                        own: row.fraction_own,
                        imputed: row.fraction_imputed,
                    })
                    .collect();
                Scored {
                    unit,
                    rows: std::sync::Mutex::new(rows),
                    leaves,
                }
            })
            .collect()
    }

    /// A unit's value: its own approved one, else the mean of the units merged to form it.
    fn value_of(
        &self,
        values: &Values<'_>,
        unit: &str,
        code: &str,
        period: Period,
    ) -> (Traced, Origin, Vec<String>) {
        let own = values.value(unit, code, period);
        if has_value(&own.value) {
            return (own, Origin::Approved, Vec::new());
        }
        let predecessors = self
            .setup
            .tree()
            .unit(unit)
            .map_or(&[][..], |u| u.merged_from.as_slice());
        let mut numbers = Vec::new();
        let mut revisions = Lineage::default();
        let mut used = Vec::new();
        for p in predecessors {
            let t = values.value(p, code, period);
            if let Some(x) = t.value.as_number() {
                numbers.push(x);
                revisions.extend(t.revisions);
                used.push(p.clone());
            }
        }
        if numbers.is_empty() {
            return (own, Origin::Missing, Vec::new());
        }
        let mean = numbers.iter().sum::<Decimal>() / Decimal::from(numbers.len());
        (
            Traced {
                value: Value::Number(mean),
                revisions,
            },
            Origin::Merged,
            used,
        )
    }

    /// For a flow (a count summed over time, such as 5G stations installed) read over less
    /// than a year and scored against a yearly quantity (a target, steps, goalposts), the
    /// factor that puts its value at a yearly pace (4 for a quarter), so that a quarter's 150
    /// stations meet a yearly target of 500 at the rate of 600. `None` otherwise.
    fn yearly_pace(&self, row: &Row<'_>) -> Option<Decimal> {
        let yearly = matches!(
            row.rule,
            Scoring::RatioToTarget { .. }
                | Scoring::DistanceToTarget
                | Scoring::Steps { .. }
                | Scoring::Goalposts { .. }
        );
        // The one yearly pace of a flow (progress judges by it too).
        let pace = progress::pace(
            self.flows.contains(row.indicator.code.as_str()),
            row.reference,
        );
        (yearly && pace != Decimal::ONE).then_some(pace)
    }

    fn pillar_of(&self, indicator: &'a Indicator) -> &'a str {
        self.pillars
            .get(indicator.group.as_str())
            .copied()
            .unwrap_or(&indicator.group)
    }

    /// The published form of a row: value (imputed under `last_value`), fraction, points,
    /// progress, off-track judgement and explanation.
    fn publish_row(
        &self,
        values: &Values<'_>,
        unit: &str,
        row: &Row<'a>,
        explanations: &Explanations<'_>,
        publish: &dyn Fn(Decimal) -> Decimal,
    ) -> IndicatorResult {
        let indicator = row.indicator;
        let use_imputed =
            self.scheme.missing == MissingPolicy::LastValue && row.origin == Origin::Missing;
        let (value, origin, imputed_from, revisions, fraction) = match (&row.imputed, use_imputed) {
            (Some((from, t)), true) => (
                t.value.clone(),
                Origin::Imputed,
                Some(*from),
                t.revisions.iter().copied().collect(),
                row.fraction_imputed,
            ),
            _ => (
                row.own.value.clone(),
                row.origin,
                None,
                row.own.revisions.iter().copied().collect(),
                row.fraction_own,
            ),
        };
        let year = u16::try_from(row.reference.year()).unwrap_or(u16::MAX);
        let needs_target = matches!(
            row.rule,
            Scoring::RatioToTarget { .. } | Scoring::DistanceToTarget
        );
        let (progress, baseline, off) = self.progress_of(values, unit, row);
        IndicatorResult {
            indicator: indicator.code.clone(),
            layer: indicator.layer,
            pillar: self.pillar_of(indicator).to_owned(),
            period: row.reference,
            value,
            origin,
            imputed_from,
            merged_from: row.merged_from.clone(),
            revisions,
            yearly_pace: self.yearly_pace(row),
            rule: row.rule.clone(),
            target: needs_target
                .then(|| target_for(indicator, year).cloned())
                .flatten(),
            weight: indicator.weight,
            max_points: indicator.max_points,
            fraction: fraction.map(publish),
            points: fraction.map(|f| publish(f * indicator.max_points)),
            progress,
            baseline_period: baseline,
            off_track: off,
            explanation: explanations
                .get(&(unit, indicator.code.as_str(), row.reference))
                .map(|(sequence, e)| {
                    Box::new(ExplanationRef {
                        sequence: *sequence,
                        bottlenecks: e.bottlenecks.clone(),
                        causes: e.causes.clone(),
                        solutions: e.solutions.clone(),
                        support_requested: e
                            .support_requested
                            .as_ref()
                            .filter(|s| !s.trim().is_empty())
                            .cloned(),
                    })
                }),
            focal_officer: None,
        }
    }

    /// Progress towards the scheme's progress year (by default the next milestone) from the
    /// unit's earliest value in the last [`BASELINE_PERIODS`](crate::progress::BASELINE_PERIODS), and
    /// whether the value is off track: both by [`standing`], the one definition.
    fn progress_of(
        &self,
        values: &Values<'_>,
        unit: &str,
        row: &Row<'a>,
    ) -> (Progress, Option<Period>, Option<Text>) {
        let Some(latest) = row.own.value.as_number() else {
            return (
                Progress {
                    status: ProgressStatus::CannotAssess,
                    ratio: None,
                    target: None,
                },
                None,
                None,
            );
        };
        let code = row.indicator.code.as_str();
        let pace = progress::pace(self.flows.contains(code), row.reference);
        let baseline = progress::baseline(row.reference, |p| {
            if values.none_up_to(p) {
                return None; // before any approved value: nothing to compute
            }
            self.value_of(values, unit, code, p).0.value.as_number()
        });
        let now = (row.reference, latest);
        let judge = |year| {
            let target = progress_target(row.indicator, row.reference, year);
            standing(row.indicator, target, baseline, now, pace)
        };
        let next = judge(None);
        let progress = match self.scheme.progress_year {
            None => next.progress,
            year => judge(year).progress,
        };
        (progress, baseline.map(|(p, _)| p), next.off_track)
    }

    /// The published layer and pillar scores.
    fn nodes(
        &self,
        c: &Composite,
        publish: &dyn Fn(Decimal) -> Decimal,
    ) -> (Vec<NodeResult>, Vec<NodeResult>) {
        let layers = c
            .layers
            .iter()
            .map(|(layer, score)| NodeResult {
                layer: *layer,
                pillar: None,
                name: layer.label(),
                score: score.map(publish),
            })
            .collect();
        let pillars = c
            .pillars
            .iter()
            .map(|((layer, pillar), score)| NodeResult {
                layer: *layer,
                pillar: Some(pillar.clone()),
                name: self
                    .catalogue
                    .group(pillar)
                    .map_or_else(|| Text::new(pillar, pillar), |g| g.name.clone()),
                score: score.map(publish),
            })
            .collect();
        (layers, pillars)
    }

    /// Each peer group's ranking, with movement, bands, quality and rank stability.
    fn rankings(
        &self,
        results: &[UnitResult],
        scored: &[Scored<'_>],
        totals: &HashMap<String, Option<Decimal>>,
        previous: &HashMap<String, Option<Decimal>>,
        published: Option<&Publication>,
    ) -> Vec<PeerRanking> {
        let rule = self.scheme.ranking;
        let by_unit: HashMap<&str, &UnitResult> =
            results.iter().map(|r| (r.unit.as_str(), r)).collect();
        let leaves: HashMap<&str, &[Leaf<'_>]> = scored
            .iter()
            .map(|s| (s.unit.as_str(), s.leaves.as_slice()))
            .collect();
        let stability = self.stability(&leaves);
        self.setup
            .tree()
            .chart()
            .peer_groups
            .iter()
            .map(|group| {
                let members =
                    |from: &HashMap<String, Option<Decimal>>| -> Vec<(String, Option<Decimal>)> {
                        group
                            .members
                            .iter()
                            .map(|m| (m.clone(), from.get(m).copied().flatten()))
                            .collect()
                    };
                let placed = rank(&members(totals), rule);
                let before: HashMap<String, Option<Decimal>> = match published {
                    Some(publication) => group
                        .members
                        .iter()
                        .map(|m| (m.clone(), publication.rank_of(&group.id, m)))
                        .collect(),
                    None => rank(&members(previous), rule)
                        .into_iter()
                        .map(|p| (p.unit, p.rank))
                        .collect(),
                };
                let ranked = placed.iter().filter(|p| p.rank.is_some()).count();
                // Bands follow the place, 1 + the units scoring strictly higher, whatever the
                // tie policy numbers it: under dense ties 30 of 34 provinces once shared band 1.
                let mut published: Vec<Decimal> = placed.iter().filter_map(|q| q.score).collect();
                published.sort_unstable_by(|a, b| b.cmp(a)); // highest first
                let place = |score: Option<Decimal>| {
                    score.map(|s| Decimal::from(1 + published.partition_point(|q| *q > s)))
                };
                let rows = placed
                    .into_iter()
                    .map(|p| {
                        let previous_rank = before.get(&p.unit).copied().flatten();
                        let result = by_unit.get(p.unit.as_str());
                        RankingRow {
                            name: result
                                .map_or_else(|| Text::new(&p.unit, &p.unit), |r| r.name.clone()),
                            movement: p.rank.zip(previous_rank).map(|(now, then)| then - now),
                            band: self.band(p.score, p.rank.and(place(p.score)), ranked),
                            quality: result
                                .and_then(|r| r.quality.as_ref())
                                .and_then(|q| q.score),
                            sensitivity: stability
                                .get(&(group.id.as_str(), p.unit.as_str()))
                                .cloned()
                                .and_then(rank_range),
                            score: p.score,
                            rank: p.rank,
                            previous_rank,
                            unit: p.unit,
                        }
                    })
                    .collect();
                PeerRanking {
                    peer_group: group.id.clone(),
                    name: group.name.clone(),
                    rule,
                    rows,
                }
            })
            .collect()
    }

    /// The band of a unit with `score` at `place` (1 + the units scoring higher) among `ranked`
    /// units.
    fn band(
        &self,
        score: Option<Decimal>,
        place: Option<Decimal>,
        ranked: usize,
    ) -> Option<BandPlace> {
        match &self.scheme.bands {
            Bands::Quartiles => {
                // ⌊4 (place − 1) / n⌋ + 1: the first quarter of the places is band 1 (places
                // 1–9 of 34), and tied units share their place's band.
                let rank = place?;
                let n = Decimal::from(ranked);
                let number = (Decimal::from(4) * (rank - Decimal::ONE) / n).floor() + Decimal::ONE;
                let number = u32::try_from(number.clamp(Decimal::ONE, Decimal::from(4))).ok()?;
                Some(BandPlace {
                    number,
                    label: Text::new(format!("Nhóm {number}"), format!("Group {number}")),
                })
            }
            Bands::Thresholds { bands } => {
                let score = score?;
                let (i, band) = bands
                    .iter()
                    .enumerate()
                    .find(|(_, b)| score >= b.at_least)?;
                Some(BandPlace {
                    number: u32::try_from(i + 1).ok()?,
                    label: band.label.clone(),
                })
            }
        }
    }

    /// Every unit's ranks over the sensitivity reruns (the published ranking included), by
    /// (peer group, unit).
    fn stability(
        &self,
        leaves: &HashMap<&str, &[Leaf<'_>]>,
    ) -> HashMap<(&'a str, &'a str), Vec<Decimal>> {
        let rule = &self.scheme.sensitivity;
        let mut out: HashMap<(&str, &str), Vec<Decimal>> = HashMap::new();
        if rule.runs == 0 && !rule.missing_policies {
            return out;
        }
        let mut nodes: Vec<String> = self
            .catalogue
            .indicators
            .iter()
            .map(|i| i.code.clone())
            .collect();
        nodes.extend(self.catalogue.groups.iter().map(|g| g.code.clone()));
        nodes.extend(
            crate::catalogue::Layer::ALL
                .iter()
                .map(|l| l.as_str().to_owned()),
        );
        // Nodes numbered once, each draw a vector of factors by number (a code drawn twice
        // keeps its last draw, as the draw's map does).
        let mut number: FxHashMap<&str, usize> = FxHashMap::default();
        for node in &nodes {
            let next = number.len();
            number.entry(node.as_str()).or_insert(next);
        }
        let mut names = vec![""; number.len()];
        for (name, &n) in &number {
            names[n] = name;
        }
        let draws: Vec<Vec<Decimal>> = weight_draws(rule, &nodes)
            .iter()
            .map(|draw| {
                names
                    .iter()
                    .map(|name| draw.get(*name).copied().unwrap_or(Decimal::ONE))
                    .collect()
            })
            .collect();
        let mut variants: Vec<Rerun<'_>> = vec![Rerun::new(self.scheme.missing, &[])];
        variants.extend(draws.iter().map(|d| Rerun::new(self.scheme.missing, d)));
        if rule.missing_policies {
            for policy in [
                MissingPolicy::Zero,
                MissingPolicy::Rescale,
                MissingPolicy::LastValue,
            ] {
                if policy != self.scheme.missing {
                    variants.push(Rerun::new(policy, &[]));
                }
            }
        }
        let places = self.scheme.ranking.round_to;
        let numbered = |code: &str| number.get(code).copied();
        // Each peer group's reruns are independent: spread over the cores, joined in order.
        let ranks = |group: &'a crate::org::PeerGroup| {
            let mut out: Vec<((&'a str, &'a str), Vec<Decimal>)> = group
                .members
                .iter()
                .map(|m| ((group.id.as_str(), m.as_str()), Vec::new()))
                .collect();
            let position: HashMap<&str, usize> = group
                .members
                .iter()
                .enumerate()
                .map(|(i, m)| (m.as_str(), i))
                .collect();
            // Each member's tree laid out once for all the reruns.
            let members: Vec<Option<Member<'_, '_>>> = group
                .members
                .iter()
                .map(|m| Some(Member::new(leaves.get(m.as_str())?, self.scheme, &numbered)))
                .collect();
            for rerun in &variants {
                let scores: Vec<(String, Option<Decimal>)> = group
                    .members
                    .iter()
                    .zip(&members)
                    .map(|(m, member)| {
                        let score = member
                            .as_ref()
                            .and_then(|member| member.score(rerun, self.scheme.method, places));
                        (m.clone(), score)
                    })
                    .collect();
                for placed in rank(&scores, self.scheme.ranking) {
                    if let Some(r) = placed.rank
                        && let Some(&i) = position.get(placed.unit.as_str())
                    {
                        out[i].1.push(r);
                    }
                }
            }
            out
        };
        let setup: &'a Setup<'a> = self.setup;
        let groups = &setup.tree().chart().peer_groups;
        for ranked in crate::parallel::map(groups, |g| g.members.len(), ranks) {
            for (key, runs) in ranked.into_iter().filter(|(_, runs)| !runs.is_empty()) {
                out.entry(key).or_default().extend(runs);
            }
        }
        out
    }
}

/// The values approved by the columns' time, those failing an error-level rule withheld as
/// `invalid` unless the scheme scores them.
fn approved_values<'c>(
    scheme: &Scheme,
    ledger: &'c Ledger,
    columns: &'c LedgerColumns,
    invalid: &'c Invalid<'_>,
) -> Approved<'c> {
    match scheme.invalid {
        InvalidPolicy::Missing => Approved::withholding(ledger, columns, invalid),
        InvalidPolicy::Scored => Approved::new(ledger, columns),
    }
}

/// A period that ended before the catalogue version took effect was not evaluated under the
/// version in force for it: the result says so.
fn version_warnings(catalogue: &Catalogue, period: Period) -> Vec<crate::Finding> {
    let (_, last) = period.date_range(&crate::period::Calendar::Calendar);
    if last >= catalogue.effective_from {
        return Vec::new();
    }
    let problem = crate::catalogue::CatalogueProblem::CatalogueNotInForce {
        version: catalogue.version.clone(),
        from: catalogue.effective_from.to_string(),
        period: period.to_string(),
    };
    vec![crate::Finding::new(&problem, "/period")]
}

/// The breaches within `period`, by unit.
fn by_unit<'b, 'c>(
    breaches: &'b [invalid::Breach<'c>],
    period: Period,
) -> FxHashMap<&'c str, Vec<&'b invalid::Breach<'c>>> {
    let mut out: FxHashMap<&str, Vec<&invalid::Breach>> = FxHashMap::default();
    for b in breaches.iter().filter(|b| period.contains(&b.period)) {
        out.entry(b.unit).or_default().push(b);
    }
    out
}

/// Who answers for each of `unit`'s items in `period`: its focal officer, by name where the
/// chart names the person.
fn officers<'r>(setup: &Setup<'r>, unit: &str, period: Period) -> FxHashMap<&'r str, Arc<Head>> {
    let tree = setup.tree();
    // One officer answers for most of a unit's items: each person is named once, and their
    // items share it (a national quarter named half a million copies of a few thousand).
    let mut named: FxHashMap<&str, Arc<Head>> = FxHashMap::default();
    setup
        .expanded_of(unit)
        .filter(|a| a.covers(period))
        .map(|a| {
            let id = a.given.focal_officer.as_str();
            let head = named.entry(id).or_insert_with(|| {
                Arc::new(tree.person(id).map_or_else(
                    || Head {
                        person: id.to_owned(),
                        name: id.to_owned(),
                    },
                    Head::from,
                ))
            });
            (a.item, Arc::clone(head))
        })
        .collect()
}

/// A unit's data quality as of `as_of` and the gaps a report names: the quality findings of
/// a [gap's kind](GapKind::of_finding) and `breaches`, the unit's values in `period` that fail
/// an error-level rule, each with the focal officer `officer` names for its item and the
/// item's code as `names` shares it.
#[allow(clippy::too_many_arguments)] // one unit's inputs, each read once
fn quality_of(
    setup: &Setup<'_>,
    index: &LedgerIndex<'_>,
    unit: &str,
    period: Period,
    as_of: NaiveDateTime,
    breaches: &[&invalid::Breach<'_>],
    names: &ItemNames<'_>,
    officer: &dyn Fn(&str) -> Option<Arc<Head>>,
) -> Option<QualitySummary> {
    let gap = |kind| GapKind::of_flaw(kind).is_some();
    let checks = Quality::of(setup);
    let q = checks.summary_in(index, unit, period, as_of, gap).ok()?;
    let findings = q.kept.iter().filter_map(|f| {
        Some(Gap {
            code: GapKind::of_flaw(f.kind)?,
            item: names.shared(f.item),
            period: (f.period != period).then_some(f.period),
            revision: f.revision,
            focal_officer: officer(f.item),
        })
    });
    let invalid = breaches.iter().map(|b| Gap {
        code: GapKind::Invalid,
        item: names.shared(b.item),
        period: (b.period != period).then_some(b.period),
        revision: Some(b.revision),
        focal_officer: officer(b.item),
    });
    // Sized once: a unit names hundreds of gaps, and a vector grown by doubling them was
    // the summary's largest share of fresh, zeroed pages.
    let mut gaps = Vec::with_capacity(q.kept.len() + breaches.len());
    gaps.extend(findings.chain(invalid));
    Some(QualitySummary {
        score: q.score,
        completeness: q.completeness,
        gaps,
    })
}

/// Whether a value can be scored (a number or yes/no).
fn has_value(value: &Value) -> bool {
    matches!(value, Value::Number(_) | Value::Bool(_))
}

/// The unit's latest own value before `period`, within [`HISTORY_PERIODS`].
fn last_value(
    values: &Values<'_>,
    unit: &str,
    code: &str,
    period: Period,
) -> Option<(Period, Traced)> {
    let mut at = period;
    for _ in 0..HISTORY_PERIODS {
        at = at.previous()?;
        if values.none_up_to(at) {
            return None;
        }
        let t = values.value(unit, code, at);
        if has_value(&t.value) {
            return Some((at, t));
        }
    }
    None
}

/// The latest explanation of each (unit, indicator, period) entered by `as_of`, with its
/// entry's sequence number.
type Explanations<'l> = FxHashMap<(&'l str, &'l str, Period), (u64, &'l Explanation)>;

fn explanations<'l>(ledger: &'l Ledger, columns: &LedgerColumns) -> Explanations<'l> {
    let mut out = FxHashMap::default();
    for ((_, _, period), at) in columns.explanations() {
        let Some(explanation) = crate::columns::explanation(ledger, at) else {
            continue;
        };
        // The latest explanation with a part left blank explains nothing (the quality check
        // names it `complete.explanation_empty`): it is neither counted nor printed.
        if !explanation.blank_parts().is_empty() {
            continue;
        }
        let key = (
            explanation.unit.as_str(),
            explanation.indicator.as_str(),
            period,
        );
        let sequence = ledger.entries().get(at as usize).map_or(0, |e| e.sequence);
        out.insert(key, (sequence, explanation));
    }
    out
}

/// Every group code mapped to its top-level group (its pillar).
fn pillars(catalogue: &Catalogue) -> HashMap<&str, &str> {
    let mut out = HashMap::new();
    for top in &catalogue.groups {
        let mut walked = Vec::new();
        top.walk("", &mut walked);
        for (_, g) in walked {
            out.insert(g.code.as_str(), top.code.as_str());
        }
    }
    out
}
