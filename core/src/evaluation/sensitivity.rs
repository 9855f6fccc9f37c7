//! Rank stability ("độ nhạy"): the weights a rerun uses, drawn by a seeded, portable generator
//! (`ChaCha8`), and the spread of the ranks a unit gets over the reruns.

use std::collections::HashMap;

use rand_chacha::ChaCha8Rng;
use rand_chacha::rand_core::{RngCore, SeedableRng};
use rust_decimal::Decimal;

use super::{RankRange, SensitivityRule};

/// Steps of a draw: a factor is `1 + spread × k / STEPS` for a whole `k` in `−STEPS..=STEPS`,
/// so that every factor is an exact decimal.
const STEPS: u64 = 10_000;

/// For each rerun, a factor per node (indicator, pillar or layer code) in `1 ± spread`; nodes
/// are drawn in the order given, so the same scheme and catalogue always draw the same.
pub(crate) fn weight_draws(
    rule: &SensitivityRule,
    nodes: &[String],
) -> Vec<HashMap<String, Decimal>> {
    let mut rng = ChaCha8Rng::seed_from_u64(rule.seed);
    (0..rule.runs)
        .map(|_| {
            nodes
                .iter()
                .map(|node| {
                    let k = i64::try_from(rng.next_u64() % (2 * STEPS + 1)).unwrap_or(0)
                        - i64::try_from(STEPS).unwrap_or(0);
                    let u = Decimal::new(k, 4);
                    (node.clone(), Decimal::ONE + rule.spread * u)
                })
                .collect()
        })
        .collect()
}

/// The best, median and worst of `ranks` (the median of an even count is the mean of the
/// middle two); `None` when empty.
pub(crate) fn rank_range(mut ranks: Vec<Decimal>) -> Option<RankRange> {
    ranks.sort_unstable();
    let n = ranks.len();
    let min = *ranks.first()?;
    let max = *ranks.last()?;
    let median = if n % 2 == 1 {
        ranks[n / 2]
    } else {
        (ranks[n / 2 - 1] + ranks[n / 2]) / Decimal::TWO
    };
    Some(RankRange {
        min,
        median: median.normalize(),
        max,
        runs: u32::try_from(n).unwrap_or(u32::MAX),
    })
}
