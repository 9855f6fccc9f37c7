//! Ranking each peer group on its published scores, with movement against the published
//! previous ranking and the quantile bands.

use super::{Pipeline, Scored};
use crate::Text;
use crate::evaluation::Bands;
use crate::evaluation::rank;
use crate::evaluation::result::BandPlace;
use crate::evaluation::result::PeerRanking;
use crate::evaluation::result::RankingRow;
use crate::evaluation::result::UnitResult;
use crate::evaluation::sensitivity::rank_range;
use crate::evaluation::tree::Leaf;
use crate::ledger::Publication;
use rust_decimal::Decimal;
use std::collections::HashMap;

impl Pipeline<'_> {
    /// Each peer group's ranking, with movement, bands, quality and rank stability.
    pub(super) fn rankings(
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
    pub(super) fn band(
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
}
