//! The data-quality score ("điểm chất lượng dữ liệu"), 0–100, from the findings.
//!
//! Each of the four dimensions (correct, complete, clean, live) is worth 25 points. Over the
//! `n` items judged (those expected, those reported, and any other item with a finding), an
//! item costs a dimension 1 share if it has an error in it, ½ share if only warnings, nothing
//! otherwise:
//!
//! ```text
//! points(d) = 25 × (1 − Σ cost(item, d) / n)
//! score     = Σ points(d)
//! ```
//!
//! Computed in exact decimals and rounded once, at the end, to one decimal half up (each
//! dimension's points and the score are each rounded from the exact value, so the rounded
//! parts may differ from the rounded total by 0.1). With nothing to judge (`n = 0`) there is
//! no score: missing is not a perfect 100.
//!
//! ```
//! use chiso::Severity;
//! use chiso::quality::{Dimension, score};
//! // Four items; one has an error in "complete", another a warning in "live".
//! let costs = [(Dimension::Complete, "a", Severity::Error), (Dimension::Live, "b", Severity::Warning)];
//! let (total, parts) = score(4, &costs).unwrap();
//! assert_eq!(total.to_string(), "90.6"); // 25 + 18.75 + 25 + 21.875 = 90.625
//! assert_eq!(parts[1].to_string(), "18.8");
//! ```

use std::hash::Hash;

use rustc_hash::{FxBuildHasher, FxHashMap};

use rust_decimal::Decimal;

use super::Dimension;
use crate::Severity;
use crate::catalogue::RoundingMode;

/// The score and each dimension's points (in [`Dimension::ALL`] order) over `items` items, from
/// the findings given as (dimension, item, severity); `None` when `items` is 0.
pub fn score(
    items: usize,
    findings: &[(Dimension, &str, Severity)],
) -> Option<(Decimal, [Decimal; 4])> {
    score_by(items, findings.iter().copied())
}

/// [`score`] over findings keyed by anything that tells items apart (the reports key them
/// by item and period, without writing a key out).
pub(crate) fn score_by<K: Hash + Eq>(
    items: usize,
    findings: impl IntoIterator<Item = (Dimension, K, Severity)>,
) -> Option<(Decimal, [Decimal; 4])> {
    if items == 0 {
        return None;
    }
    let findings = findings.into_iter();
    // Sized once: grown step by step, a unit's hundreds of findings rehashed it many times.
    let mut worst: FxHashMap<(Dimension, K), Severity> =
        FxHashMap::with_capacity_and_hasher(findings.size_hint().0, FxBuildHasher);
    for (dimension, item, severity) in findings {
        let entry = worst.entry((dimension, item)).or_insert(severity);
        *entry = (*entry).min(severity); // Error sorts before Warning
    }
    let quarter = Decimal::from(25);
    let n = Decimal::from(items);
    let mut total = Decimal::ZERO;
    let mut parts = [Decimal::ZERO; 4];
    for (k, dimension) in Dimension::ALL.into_iter().enumerate() {
        let cost: Decimal = worst
            .iter()
            .filter(|((d, _), _)| *d == dimension)
            .map(|(_, severity)| match severity {
                Severity::Error => Decimal::ONE,
                Severity::Warning => Decimal::new(5, 1),
            })
            .sum();
        let points = (quarter * (Decimal::ONE - cost / n)).max(Decimal::ZERO);
        total += points;
        parts[k] = one_decimal(points);
    }
    Some((one_decimal(total), parts))
}

/// Rounded half up to one decimal, and written with it (`100.0`, not `100`), so that every
/// figure of a report has the same shape.
pub(super) fn one_decimal(value: Decimal) -> Decimal {
    let mut rounded = RoundingMode::HalfUp.round(value, 1);
    rounded.rescale(1);
    rounded
}
