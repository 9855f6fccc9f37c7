//! Publishing an evaluation ("công bố"): the ledger action that freezes its ranking, and, when
//! a published period is recomputed, what moved and why.

use chrono::NaiveDateTime;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Evaluation;
use crate::ledger::{Action, Ledger, Publication, PublishedRanking, PublishedRow};

/// A unit whose place differs between a publication and a recomputation, and the revisions,
/// entered after the publication's ledger head, that its values now rest on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Moved {
    /// The peer group.
    pub peer_group: String,
    /// The unit.
    pub unit: String,
    /// Its published rank.
    #[serde(default, with = "crate::decimal::ExactOption")]
    pub published_rank: Option<Decimal>,
    /// Its rank now.
    #[serde(default, with = "crate::decimal::ExactOption")]
    pub rank: Option<Decimal>,
    /// Its published score.
    #[serde(default, with = "crate::decimal::ExactOption")]
    pub published_score: Option<Decimal>,
    /// Its score now.
    #[serde(default, with = "crate::decimal::ExactOption")]
    pub score: Option<Decimal>,
    /// Why: the ledger revisions, later than the publication, that the unit's values rest on.
    pub revisions: Vec<u64>,
}

impl Evaluation {
    /// The rankings as a publication holds them.
    fn published_rankings(&self) -> Vec<PublishedRanking> {
        self.rankings
            .iter()
            .map(|r| PublishedRanking {
                peer_group: r.peer_group.clone(),
                rows: r
                    .rows
                    .iter()
                    .map(|row| PublishedRow {
                        unit: row.unit.clone(),
                        rank: row.rank,
                        score: row.score,
                    })
                    .collect(),
            })
            .collect()
    }

    /// The `publish` action that freezes this evaluation's ranking, by `by` at `at`: a first
    /// publication, or (with `replaces`, the publication in force, and a reason) a
    /// republication. The ledger refuses it unless it follows the head this evaluation read.
    pub fn publication(
        &self,
        by: &str,
        at: NaiveDateTime,
        replaces: Option<(u64, &str)>,
    ) -> Action {
        let rankings = self.published_rankings();
        Action::Publish {
            publication: Publication {
                period: self.period,
                as_of: self.as_of,
                ledger_head: self.ledger_head.clone(),
                catalogue: self.catalogue.clone(),
                catalogue_version: self.catalogue_version.clone(),
                scheme: serde_json::to_value(&self.scheme).unwrap_or_default(),
                ranking_hash: Publication::hash(&rankings),
                rankings,
                replaces: replaces.map(|(sequence, _)| sequence),
                reason: replaces.map(|(_, reason)| reason.to_owned()),
                by: by.to_owned(),
                at,
            },
        }
    }

    /// What moved between `published` (a publication of this evaluation's period in `ledger`)
    /// and this recomputation: every unit whose rank or score differs, with the revisions
    /// entered after the publication's ledger head that its values rest on.
    pub fn moved_since(&self, published: &Publication, ledger: &Ledger) -> Vec<Moved> {
        let after = ledger
            .entries()
            .iter()
            .find(|e| e.hash == published.ledger_head)
            .map_or(0, |e| e.sequence + e.span() - 1);
        let mut out = Vec::new();
        for ranking in &self.rankings {
            for row in &ranking.rows {
                let before = published
                    .rankings
                    .iter()
                    .find(|r| r.peer_group == ranking.peer_group)
                    .and_then(|r| r.rows.iter().find(|p| p.unit == row.unit));
                let (published_rank, published_score) =
                    before.map_or((None, None), |p| (p.rank, p.score));
                if (published_rank, published_score) == (row.rank, row.score) {
                    continue;
                }
                let mut revisions: Vec<u64> = self
                    .units
                    .iter()
                    .filter(|u| u.unit == row.unit)
                    .flat_map(|u| &u.indicators)
                    .flat_map(|i| i.revisions.iter().copied())
                    .filter(|r| *r > after)
                    .collect();
                revisions.sort_unstable();
                revisions.dedup();
                out.push(Moved {
                    peer_group: ranking.peer_group.clone(),
                    unit: row.unit.clone(),
                    published_rank,
                    rank: row.rank,
                    published_score,
                    score: row.score,
                    revisions,
                });
            }
        }
        out
    }
}
