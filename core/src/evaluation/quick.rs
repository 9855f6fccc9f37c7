//! Quick reruns: a sensitivity rerun's total in binary floating point, trusted only where its
//! error cannot change the score a unit is ranked on.
//!
//! A rerun reads a unit's total only to rank it, and ranks read the total rounded half up to
//! the published places. Over fractions in 0–1 and weights that are not negative, each step of
//! a weighted mean (a product, a sum of terms that are not negative, one quotient a node) keeps
//! the floating total within a few units in the last place per leaf of the exact one: for
//! `n` leaves within about `(6n + 200) × 2⁻⁵³`, under [`BOUND`] up to [`MAX_LEAVES`]. Where
//! every number within [`BOUND`] of the floating total rounds to the same score, that score is
//! the exact total's; elsewhere (near a half of the last place), and for the geometric mean,
//! ranking on exact scores, or fractions or weights out of range, the exact decimal total is
//! computed. The ranks are the exact ones; the 53 rankings of a national quarter (50 weight
//! draws, two other missing policies and the published one) cost a
//! fraction of what exact arithmetic at 28 digits does.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::tree::{Leaf, Shape};
use super::{CompositeMethod, MissingPolicy};

/// How far the floating total may be from the exact one (an error bound with a wide margin).
const BOUND: f64 = 1e-10;

/// The most leaves a unit may have for [`BOUND`] to hold.
const MAX_LEAVES: usize = 10_000;

/// The most places a total is rounded to here (beyond, the bound is too wide to decide).
const MAX_PLACES: u32 = 8;

/// Weights are trusted in floating point between these (a rerun's product of two of them never
/// rounds to zero in decimal, nor overflows).
const WEIGHTS: std::ops::RangeInclusive<f64> = 1e-12..=1e12;

/// One unit's tree (its [`Shape`]) with its weights and fractions in floating point.
#[derive(Debug, Clone)]
pub(crate) struct Quick {
    pillars: Vec<QuickNode<QuickLeaf>>,
    layers: Vec<QuickNode<usize>>,
}

/// A pillar or layer: its node number, declared weight and members.
#[derive(Debug, Clone)]
struct QuickNode<M> {
    number: Option<usize>,
    declared: Option<f64>,
    members: Vec<M>,
}

/// A leaf: the weight the method reads, its node, and its fractions under each policy.
#[derive(Debug, Clone, Copy)]
struct QuickLeaf {
    weight: f64,
    node: Option<usize>,
    own: Option<f64>,
    imputed: Option<f64>,
}

impl QuickLeaf {
    fn fraction(&self, policy: MissingPolicy) -> Option<f64> {
        match policy {
            MissingPolicy::LastValue => self.own.or(self.imputed),
            MissingPolicy::Zero | MissingPolicy::Rescale => self.own,
        }
    }
}

/// A weight in floating point, if within [`WEIGHTS`] (or zero).
fn weight(w: Decimal) -> Option<f64> {
    let x = w.to_f64()?;
    (x == 0.0 || WEIGHTS.contains(&x)).then_some(x)
}

/// A number the bound does not cover: the exact total is computed instead.
struct OutOfRange;

/// A fraction in floating point (none stays none), if within 0–1.
fn fraction(f: Option<Decimal>) -> Result<Option<f64>, OutOfRange> {
    let Some(f) = f else {
        return Ok(None);
    };
    match f.to_f64() {
        Some(x) if (0.0..=1.0).contains(&x) => Ok(Some(x)),
        _ => Err(OutOfRange),
    }
}

/// A declared weight in floating point (none stays none), if within [`WEIGHTS`] or zero.
fn declared(d: Option<Decimal>) -> Result<Option<f64>, OutOfRange> {
    d.map_or(Ok(None), |d| weight(d).map(Some).ok_or(OutOfRange))
}

impl Quick {
    /// `shape` over `leaves` (those it was laid out from) in floating point under `method`;
    /// `None` where the bound would not hold (the geometric mean, a fraction out of 0–1, a
    /// weight out of range, too many leaves).
    pub fn of(shape: &Shape, leaves: &[Leaf<'_>], method: CompositeMethod) -> Option<Quick> {
        if method == CompositeMethod::GeometricMean || leaves.len() > MAX_LEAVES {
            return None;
        }
        let mut pillars = Vec::with_capacity(shape.pillars.len());
        for pillar in &shape.pillars {
            let mut members = Vec::with_capacity(pillar.members.len());
            for &(i, node) in &pillar.members {
                let leaf = leaves.get(i)?;
                let read = match method {
                    CompositeMethod::Points => leaf.points,
                    _ => leaf.weight,
                };
                members.push(QuickLeaf {
                    weight: weight(read)?,
                    node,
                    own: fraction(leaf.own).ok()?,
                    imputed: fraction(leaf.imputed).ok()?,
                });
            }
            pillars.push(QuickNode {
                number: pillar.number,
                declared: declared(pillar.declared).ok()?,
                members,
            });
        }
        let mut layers = Vec::with_capacity(shape.layers.len());
        for layer in &shape.layers {
            layers.push(QuickNode {
                number: layer.number,
                declared: declared(layer.declared).ok()?,
                members: layer.members.clone(),
            });
        }
        Some(Quick { pillars, layers })
    }

    /// The total under `policy`, each node's weight scaled by its factor in `factors` (1 where
    /// it has none; every factor within [`WEIGHTS`] or zero), as [`Shape::total`] computes it
    /// but in floating point.
    pub fn total(&self, policy: MissingPolicy, factors: &[f64]) -> Option<f64> {
        let factor =
            |node: Option<usize>| node.and_then(|n| factors.get(n)).copied().unwrap_or(1.0);
        let mut pillars: Vec<(f64, Option<f64>)> = Vec::new();
        let mut totals: Vec<(f64, Option<f64>)> = Vec::with_capacity(self.layers.len());
        for layer in &self.layers {
            pillars.clear();
            for pillar in layer.members.iter().filter_map(|&p| self.pillars.get(p)) {
                let parts = pillar
                    .members
                    .iter()
                    .map(|leaf| (leaf.weight * factor(leaf.node), leaf.fraction(policy)));
                let (fraction, sum) = mean(parts, policy);
                let weight = pillar.declared.unwrap_or(sum) * factor(pillar.number);
                pillars.push((weight, fraction));
            }
            let (fraction, sum) = mean(pillars.iter().copied(), policy);
            let weight = layer.declared.unwrap_or(sum) * factor(layer.number);
            totals.push((weight, fraction));
        }
        mean(totals.iter().copied(), policy).0
    }
}

/// The weighted mean of `parts` (weight, fraction) under `policy` (as
/// [`combine`](super::combine) takes it), and the sum of every part's weight, kept or not.
fn mean(
    parts: impl Iterator<Item = (f64, Option<f64>)>,
    policy: MissingPolicy,
) -> (Option<f64>, f64) {
    let (mut every, mut kept, mut sum, mut any) = (0.0, 0.0, 0.0, false);
    for (w, f) in parts {
        every += w;
        match (f, policy) {
            (Some(f), _) => {
                kept += w;
                sum += w * f;
                any = true;
            }
            (None, MissingPolicy::Zero) => {
                kept += w;
                any = true;
            }
            (None, _) => {}
        }
    }
    ((any && kept > 0.0).then(|| sum / kept), every)
}

/// `total` rounded half up to `places` when every number within [`BOUND`] of it rounds to the
/// same (so the exact total, within the bound, does too); `None` when it may not.
pub(crate) fn rounded(total: f64, places: u32) -> Option<Decimal> {
    if places > MAX_PLACES || !(0.0..=1.0).contains(&total) {
        return None;
    }
    let scale = 10f64.powi(i32::try_from(places).ok()?);
    // Both ends are whole numbers from 0 to 10⁸ (a total of at most 1): exact as integers.
    #[allow(clippy::cast_possible_truncation)]
    let place = |x: f64| (x * scale + 0.5).floor() as i64;
    let whole = place(total + BOUND);
    if place(total - BOUND) != whole {
        return None;
    }
    Some(Decimal::new(whole, places))
}

/// One rerun: its missing policy and each node's factor, in decimals and (where every one is
/// in range) in floating point.
pub(crate) struct Rerun<'d> {
    pub policy: MissingPolicy,
    pub factors: &'d [Decimal],
    pub quick: Option<Vec<f64>>,
}

impl<'d> Rerun<'d> {
    /// A rerun under `policy` with `factors` (none: every node's weight as declared).
    pub fn new(policy: MissingPolicy, factors: &'d [Decimal]) -> Self {
        Rerun {
            policy,
            factors,
            quick: self::factors(factors),
        }
    }
}

/// One unit's tree laid out once for every rerun: in decimals, and in floating point where the
/// bound holds.
pub(crate) struct Member<'l, 'c> {
    leaves: &'l [Leaf<'c>],
    shape: Shape,
    quick: Option<Quick>,
}

impl<'l, 'c> Member<'l, 'c> {
    /// `leaves` laid out under `scheme`; `number` gives a code's node number.
    pub fn new(
        leaves: &'l [Leaf<'c>],
        scheme: &super::Scheme,
        number: &dyn Fn(&str) -> Option<usize>,
    ) -> Self {
        let shape = Shape::new(leaves, scheme, number);
        let quick = Quick::of(&shape, leaves, scheme.method);
        Member {
            leaves,
            shape,
            quick,
        }
    }

    /// The unit's score in `rerun` as a ranking rounding to `places` reads it: the rounded
    /// score where floating point decides it, else the exact total (which the ranking rounds).
    pub fn score(
        &self,
        rerun: &Rerun<'_>,
        method: CompositeMethod,
        places: Option<u32>,
    ) -> Option<Decimal> {
        if let (Some(quick), Some(factors), Some(places)) = (&self.quick, &rerun.quick, places) {
            let total = quick.total(rerun.policy, factors)?;
            if let Some(score) = rounded(total, places) {
                return Some(score);
            }
        }
        self.shape
            .total(self.leaves, method, rerun.policy, rerun.factors)
    }
}

/// Each rerun's factors in floating point, or `None` where one is negative or out of range.
pub(crate) fn factors(draw: &[Decimal]) -> Option<Vec<f64>> {
    draw.iter().map(|&f| weight(f)).collect()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use rust_decimal::Decimal;

    use super::{Quick, factors, rounded};
    use crate::catalogue::{Layer, RoundingMode};
    use crate::evaluation::tree::{Leaf, Shape};
    use crate::evaluation::{CompositeMethod, MissingPolicy, NodeWeight, Scheme};

    const PILLARS: [&str; 3] = ["P1", "P2", "P3"];

    /// (layer B?, pillar, weight, own eighths, imputed eighths): fractions on a coarse grid and
    /// whole weights, so that exact totals often fall on a half of the last place.
    type Raw = (bool, usize, u8, Option<u8>, Option<u8>);

    fn leaf(indicator: &str, (layer, pillar, weight, own, imputed): Raw) -> Leaf<'_> {
        let eighths = |k: u8| Decimal::new(i64::from(k % 9) * 125, 3);
        Leaf {
            indicator,
            layer: if layer { Layer::B } else { Layer::C },
            pillar: PILLARS[pillar % PILLARS.len()],
            weight: Decimal::from(weight % 4),
            points: Decimal::from(u32::from(weight % 7) * 10),
            own: own.map(eighths),
            imputed: imputed.map(eighths),
        }
    }

    proptest! {
        /// Where the quick rerun decides a rounded score, it is the exact total's rounded half
        /// up; where the exact total is none, so is the quick one.
        #[test]
        fn a_quick_score_is_the_exact_one_rounded(
            raw in prop::collection::vec((any::<bool>(), 0usize..3, any::<u8>(),
                prop::option::of(any::<u8>()), prop::option::of(any::<u8>())), 0..12),
            draws in prop::collection::vec(0i64..=20, 20),
            declared in any::<bool>(),
            places in 0u32..=6,
        ) {
            let codes: Vec<String> = (0..raw.len()).map(|i| format!("I{i}")).collect();
            let leaves: Vec<Leaf> = codes.iter().zip(raw).map(|(code, r)| leaf(code, r)).collect();
            let mut nodes = codes.clone();
            nodes.extend(PILLARS.iter().map(|p| (*p).to_owned()));
            nodes.extend(["b".to_owned(), "c".to_owned()]);
            // Factors 1 ± a multiple of 0.05: coarse, so that ties and halves stay common.
            let draw: Vec<Decimal> = draws
                .iter()
                .cycle()
                .take(nodes.len())
                .map(|k| Decimal::ONE + Decimal::new(k - 10, 2) * Decimal::new(5, 1))
                .collect();
            let quick_draw = factors(&draw).expect("factors from 0.5 to 1.5");
            let number = |code: &str| nodes.iter().position(|n| n == code);
            for method in [CompositeMethod::WeightedMean, CompositeMethod::Points] {
                let mut scheme = Scheme { method, ..Scheme::default() };
                if declared {
                    scheme.weights = vec![
                        NodeWeight { node: "P2".into(), weight: Decimal::from(3) },
                        NodeWeight { node: "c".into(), weight: Decimal::new(5, 1) },
                    ];
                }
                let shape = Shape::new(&leaves, &scheme, &number);
                let quick = Quick::of(&shape, &leaves, method).expect("fractions in 0–1");
                for policy in [MissingPolicy::Zero, MissingPolicy::Rescale, MissingPolicy::LastValue] {
                    for (exact_factors, quick_factors) in [(&draw[..], &quick_draw[..]), (&[][..], &[][..])] {
                        let exact = shape.total(&leaves, method, policy, exact_factors);
                        let fast = quick.total(policy, quick_factors);
                        prop_assert_eq!(exact.is_some(), fast.is_some());
                        if let (Some(exact), Some(score)) = (exact, fast.and_then(|t| rounded(t, places))) {
                            prop_assert_eq!(score, RoundingMode::HalfUp.round(exact, places));
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn a_total_on_a_half_is_left_to_the_exact_one() {
        // (0.25 + 0.3) / 2 = 0.275 exactly: rounded to 2 places half up it is 0.28, but in
        // binary floating point the mean may fall either side of the half.
        let total = f64::midpoint(0.25, 0.3);
        assert_eq!(rounded(total, 2), None);
        assert_eq!(rounded(total, 3), Some(Decimal::new(275, 3)));
        assert_eq!(rounded(0.2751, 2), Some(Decimal::new(28, 2)));
        assert_eq!(rounded(0.2749, 2), Some(Decimal::new(27, 2)));
    }

    #[test]
    fn the_geometric_mean_and_fractions_out_of_range_are_left_to_the_exact_total() {
        let mut leaves = vec![Leaf {
            indicator: "I0",
            layer: Layer::B,
            pillar: "P1",
            weight: Decimal::ONE,
            points: Decimal::TEN,
            own: Some(Decimal::new(5, 1)),
            imputed: None,
        }];
        let scheme = Scheme::default();
        let shape = Shape::new(&leaves, &scheme, &|_| None);
        assert!(Quick::of(&shape, &leaves, CompositeMethod::WeightedMean).is_some());
        assert!(Quick::of(&shape, &leaves, CompositeMethod::GeometricMean).is_none());
        leaves[0].own = Some(Decimal::new(15, 1));
        assert!(Quick::of(&shape, &leaves, CompositeMethod::WeightedMean).is_none());
        assert_eq!(factors(&[Decimal::ONE, Decimal::NEGATIVE_ONE]), None);
    }
}
