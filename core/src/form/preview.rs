//! What a form would give if sent now: the unit's data-quality report with the filing in the
//! ledger, and its score and rank were the filing approved as it stands. The form shows it
//! before anything leaves the browser.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::evaluation::{Evaluation, RankingRow, Scheme, UnitResult};
use crate::org::{Duty, OrgTree};
use crate::period::Period;
use crate::quality::QualityReport;

/// The approver named on the approvals a preview assumes (never written to a real ledger).
pub const PREVIEW_APPROVER: &str = "preview";

/// A filing's effect, before it is sent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Preview {
    /// The unit.
    pub unit: String,
    /// The period.
    #[schemars(with = "String")]
    pub period: Period,
    /// The quality report with the filing submitted (not yet approved).
    pub quality: QualityReport,
    /// The unit's evaluation were the filing approved as it stands: score, layers and each
    /// indicator's value, score, progress and whether it is off track.
    pub projected: Option<UnitResult>,
    /// Its row in its peer group's ranking, so projected.
    pub rank: Option<RankingRow>,
    /// How many units its peer group ranks.
    pub peers: usize,
    /// How many other units of the peer group share its rank: early in a period, when few
    /// have reported, everyone may tie (a rank of 1 then says little).
    pub tied: usize,
}

impl Preview {
    /// The preview of `unit` for `period` from its two halves: the quality report with the
    /// filing submitted, and the evaluation with it approved (see
    /// [`Reporting::preview`](crate::Reporting::preview)).
    pub(crate) fn of(
        unit: &str,
        period: Period,
        quality: QualityReport,
        evaluation: Evaluation,
    ) -> Preview {
        let projected = evaluation.units.into_iter().find(|u| u.unit == unit);
        let ranking = evaluation
            .rankings
            .into_iter()
            .find(|r| r.rows.iter().any(|row| row.unit == unit));
        let peers = ranking.as_ref().map_or(0, |r| r.rows.len());
        let rank = ranking
            .as_ref()
            .and_then(|r| r.rows.iter().find(|row| row.unit == unit))
            .cloned();
        let tied = match (&ranking, rank.as_ref().and_then(|r| r.rank)) {
            (Some(r), Some(place)) => r
                .rows
                .iter()
                .filter(|row| row.unit != unit && row.rank == Some(place))
                .count(),
            _ => 0,
        };
        Preview {
            unit: unit.to_owned(),
            period,
            quality,
            projected,
            rank,
            peers,
            tied,
        }
    }

    /// Who files the copy a preview is made on. A preview is about the numbers, not about
    /// who signs (a form is previewed before its signer is filled in): where the chart names
    /// persons, the unit's first focal officer (or head), every rule but the signature
    /// applying as to the filing itself; else the unit.
    pub(crate) fn filer(tree: &OrgTree, unit: &str) -> (String, bool) {
        let focal_officer = tree
            .persons_of(unit)
            .find(|p| p.has(Duty::FocalOfficer))
            .map(|p| p.id.clone());
        match focal_officer {
            Some(person) if tree.has_persons() => (person, true),
            _ => (unit.to_owned(), false),
        }
    }

    /// The scheme a preview evaluates under: `scheme` without its sensitivity reruns, which
    /// only the published ranking needs.
    pub(crate) fn scheme(scheme: &Scheme) -> Scheme {
        let mut scheme = scheme.clone();
        scheme.sensitivity.runs = 0;
        scheme.sensitivity.missing_policies = false;
        scheme
    }
}
