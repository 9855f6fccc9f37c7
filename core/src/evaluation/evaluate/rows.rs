//! Publishing a unit's results: each indicator's row (value, fraction, points, progress,
//! off-track judgement, explanation) and its layers' and pillars' nodes, rounded once.

use super::{Explanations, Pipeline, Row};
use crate::Text;
use crate::catalogue::Scoring;
use crate::catalogue::target_for;
use crate::evaluation::MissingPolicy;
use crate::evaluation::result::ExplanationRef;
use crate::evaluation::result::IndicatorResult;
use crate::evaluation::result::NodeResult;
use crate::evaluation::result::Origin;
use crate::evaluation::tree::Composite;
use crate::period::Period;
use crate::progress;
use crate::progress::Progress;
use crate::progress::ProgressStatus;
use crate::progress::progress_target;
use crate::progress::standing;
use crate::resolver::Values;
use rust_decimal::Decimal;

impl<'a> Pipeline<'a> {
    /// The published form of a row: value (imputed under `last_value`), fraction, points,
    /// progress, off-track judgement and explanation.
    pub(super) fn publish_row(
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
    pub(super) fn progress_of(
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
    pub(super) fn nodes(
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
}
