//! Ranking units by score ("xếp hạng"), with the tie policies of published rankings.
//!
//! By default scores are rounded to the published precision first (half up), then ranked, so
//! that two units shown as 0.633 share a rank, as Vietnamese rankings do; the order "round
//! then rank" is part of the [`RankingRule`] and recorded with the result.

use std::cmp::Ordering;

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::catalogue::RoundingMode;

/// How tied scores are ranked.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
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
pub enum TiePolicy {
    /// Ties share the best rank and the next rank skips: 1, 2, 2, 4 (the default, as published
    /// Vietnamese rankings do).
    #[default]
    Competition,
    /// Ties share a rank and the next follows on: 1, 2, 2, 3.
    Dense,
    /// Ties share the mean of the ranks they span: 1, 2.5, 2.5, 4.
    Average,
    /// Every unit its own rank, ties broken by unit id (ascending): 1, 2, 3, 4.
    Ordinal,
}

impl TiePolicy {
    /// Its name in both languages (as the [vocabulary](crate::vocabulary) lists it).
    pub fn label(self) -> crate::Text {
        use crate::Text;
        match self {
            TiePolicy::Competition => Text::new(
                "Đồng hạng, hạng sau cách quãng (1, 2, 2, 4)",
                "Competition (1, 2, 2, 4)",
            ),
            TiePolicy::Dense => Text::new(
                "Đồng hạng, hạng sau liền kề (1, 2, 2, 3)",
                "Dense (1, 2, 2, 3)",
            ),
            TiePolicy::Average => Text::new(
                "Hạng trung bình (1; 2,5; 2,5; 4)",
                "Average (1, 2.5, 2.5, 4)",
            ),
            TiePolicy::Ordinal => Text::new(
                "Theo thứ tự, không đồng hạng (1, 2, 3, 4)",
                "Ordinal (1, 2, 3, 4)",
            ),
        }
    }
}

/// How a ranking is made: the tie policy and the precision scores are rounded to first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RankingRule {
    /// How ties are ranked.
    #[serde(default)]
    pub ties: TiePolicy,
    /// Round scores half up to this many places before ranking (the published precision);
    /// `null` ranks on the exact scores.
    #[serde(default = "published_precision")]
    pub round_to: Option<u32>,
}

#[allow(clippy::unnecessary_wraps)] // serde's default for an optional field
fn published_precision() -> Option<u32> {
    Some(4)
}

impl Default for RankingRule {
    /// Competition ranking on scores rounded to 4 places (the DTI's published precision).
    fn default() -> Self {
        RankingRule {
            ties: TiePolicy::Competition,
            round_to: published_precision(),
        }
    }
}

/// One unit's place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Placed {
    /// The unit.
    pub unit: String,
    /// The score ranked on (rounded when the rule says so); absent for a unit without score.
    #[serde(default, with = "crate::decimal::ExactOption")]
    pub score: Option<Decimal>,
    /// The rank, 1 the best (a half for `average` ties); absent without a score.
    #[serde(default, with = "crate::decimal::ExactOption")]
    pub rank: Option<Decimal>,
}

/// Ranks `scores` (unit, score; higher is better) under `rule`: units in rank order, ties by
/// unit id, units without a score last (unranked, by id).
///
/// ```
/// use chiso::evaluation::{RankingRule, TiePolicy, rank};
/// let d = |s: &str| Some(s.parse().unwrap());
/// let scores = [("A".to_owned(), d("0.6331")), ("B".to_owned(), d("0.6329")), ("C".to_owned(), d("0.7")), ("D".to_owned(), None)];
/// // Rounded to 3 places, A and B both show 0.633 and share rank 2; the next would be 4.
/// let placed = rank(&scores, RankingRule { ties: TiePolicy::Competition, round_to: Some(3) });
/// let ranks: Vec<_> = placed.iter().map(|p| (p.unit.as_str(), p.rank.map(|r| r.to_string()))).collect();
/// assert_eq!(ranks, [("C", Some("1".into())), ("A", Some("2".into())), ("B", Some("2".into())), ("D", None)]);
/// ```
pub fn rank(scores: &[(String, Option<Decimal>)], rule: RankingRule) -> Vec<Placed> {
    let shown = |s: Decimal| {
        rule.round_to
            .map_or(s, |p| RoundingMode::HalfUp.round(s, p))
    };
    let mut placed: Vec<Placed> = scores
        .iter()
        .map(|(unit, score)| Placed {
            unit: unit.clone(),
            score: score.map(shown),
            rank: None,
        })
        .collect();
    // Best first; equal scores by id; no score last.
    placed.sort_by(|a, b| match (a.score, b.score) {
        (Some(x), Some(y)) => y.cmp(&x).then_with(|| a.unit.cmp(&b.unit)),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => a.unit.cmp(&b.unit),
    });
    let with_score = placed.iter().take_while(|p| p.score.is_some()).count();
    let mut start = 0;
    let mut dense = 0u32;
    while start < with_score {
        let mut end = start + 1;
        while end < with_score && placed[end].score == placed[start].score {
            end += 1;
        }
        dense += 1;
        for (k, p) in placed[start..end].iter_mut().enumerate() {
            let first = Decimal::from(start + 1);
            p.rank = Some(match rule.ties {
                TiePolicy::Competition => first,
                TiePolicy::Dense => Decimal::from(dense),
                TiePolicy::Average => (first + Decimal::from(end)) / Decimal::TWO,
                TiePolicy::Ordinal => Decimal::from(start + k + 1),
            });
        }
        start = end;
    }
    placed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ranks(policy: TiePolicy, round_to: Option<u32>, scores: &[(&str, &str)]) -> Vec<String> {
        let scores: Vec<(String, Option<Decimal>)> = scores
            .iter()
            .map(|(u, s)| ((*u).to_owned(), s.parse().ok()))
            .collect();
        rank(
            &scores,
            RankingRule {
                ties: policy,
                round_to,
            },
        )
        .iter()
        .map(|p| {
            format!(
                "{}={}",
                p.unit,
                p.rank.map_or("-".to_owned(), |r| r.normalize().to_string())
            )
        })
        .collect()
    }

    const FOUR: [(&str, &str); 5] = [
        ("d", "0.5"),
        ("a", "0.9"),
        ("c", "0.7"),
        ("b", "0.7"),
        ("e", ""),
    ];

    #[test]
    fn each_tie_policy_as_defined() {
        assert_eq!(
            ranks(TiePolicy::Competition, None, &FOUR),
            ["a=1", "b=2", "c=2", "d=4", "e=-"]
        );
        assert_eq!(
            ranks(TiePolicy::Dense, None, &FOUR),
            ["a=1", "b=2", "c=2", "d=3", "e=-"]
        );
        assert_eq!(
            ranks(TiePolicy::Average, None, &FOUR),
            ["a=1", "b=2.5", "c=2.5", "d=4", "e=-"]
        );
        assert_eq!(
            ranks(TiePolicy::Ordinal, None, &FOUR),
            ["a=1", "b=2", "c=3", "d=4", "e=-"]
        );
    }

    #[test]
    fn rounding_first_makes_ties_that_exact_scores_do_not_have() {
        // The DTI precedent: 0.6334 and 0.6326 both publish as 0.633 and share a rank ...
        let scores = [("x", "0.6334"), ("y", "0.6326"), ("z", "0.6324")];
        assert_eq!(
            ranks(TiePolicy::Competition, Some(3), &scores),
            ["x=1", "y=1", "z=3"]
        );
        // ... and exact ranking separates them; 0.6325 rounds half up to 0.633 as well.
        assert_eq!(
            ranks(TiePolicy::Competition, None, &scores),
            ["x=1", "y=2", "z=3"]
        );
        assert_eq!(
            ranks(
                TiePolicy::Competition,
                Some(3),
                &[("y", "0.6326"), ("z", "0.63250")]
            ),
            ["y=1", "z=1"]
        );
    }
}
