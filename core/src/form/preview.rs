//! What a form would give if sent now: the unit's data-quality report with the filing in the
//! ledger, and its score and rank were the filing approved as it stands. The form shows it
//! before anything leaves the browser.

use chrono::NaiveDateTime;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::evaluation::{RankingRow, Scheme, UnitResult};
use crate::ledger::{Action, Filing, Ledger};
use crate::period::Period;
use crate::quality::QualityReport;
use crate::{Error, Reporting};

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

impl Reporting {
    /// Previews `filing` by `unit` for `period` at `as_of`: files it into a copy of
    /// `ledger` under the rules (so a refused filing fails as [`Reporting::file`] would), checks
    /// the unit's data quality, then approves the filing's submissions in the copy and
    /// evaluates the period under `scheme` (without its sensitivity reruns, which only the
    /// published ranking needs). `ledger` is not changed.
    pub fn preview(
        &self,
        ledger: &Ledger,
        filing: &Filing,
        unit: &str,
        period: Period,
        as_of: NaiveDateTime,
        scheme: &Scheme,
    ) -> Result<Preview, Error> {
        let unit = &*crate::nfc(unit); // ids compare in NFC, as JSON input is read
        let mut copy = ledger.clone();
        // A preview is about the numbers, not about who signs (a form is previewed before its
        // signer is filled in): where the chart names persons, the copy is filed by one who
        // may file for the unit, its first focal officer (or head), every rule but the
        // signature applying as to the filing itself.
        let focal_officer = self
            .tree()
            .persons_of(unit)
            .find(|p| p.has(crate::org::Duty::FocalOfficer))
            .map(|p| p.id.clone());
        let (actor, signed);
        let filing = match focal_officer {
            Some(person) if self.tree().has_persons() => {
                let mut copy = filing.clone();
                for s in &mut copy.submissions {
                    s.submitted_by.clone_from(&person);
                }
                for e in &mut copy.explanations {
                    e.submitted_by.clone_from(&person);
                }
                signed = copy;
                actor = person;
                &signed
            }
            _ => {
                actor = unit.to_owned();
                filing
            }
        };
        let filed = self.file(&mut copy, &actor, filing)?;
        let quality = self.quality(&copy, unit, period, as_of)?;
        let submitted = filed.iter().take(filing.submissions.len());
        for &revision in submitted {
            copy.append(Action::Approve {
                revision,
                by: PREVIEW_APPROVER.to_owned(),
                at: as_of,
            })?;
        }
        let mut scheme = scheme.clone();
        scheme.sensitivity.runs = 0;
        scheme.sensitivity.missing_policies = false;
        let evaluation = self.evaluate(&copy, period, as_of, &scheme)?;
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
        Ok(Preview {
            unit: unit.to_owned(),
            period,
            quality,
            projected,
            rank,
            peers,
            tied,
        })
    }
}
