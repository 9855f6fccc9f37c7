//! The composite tree of one unit: indicators → pillar (top-level group) → layer → total.
//!
//! Each node combines its members by the scheme's method. A layer's or pillar's weight in its
//! parent is the scheme's declared weight, else the sum of its members' weights (and its points
//! the sum of theirs), so that under the `zero` policy the nested composite equals the flat
//! one; under `rescale` a missing indicator is rescaled within its pillar, as the PAR Index
//! rescales within a sub-index.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::{MissingPolicy, Part, Scheme, combine};
use crate::catalogue::Layer;

/// One scored indicator of a unit, as the tree reads it.
#[derive(Debug, Clone)]
pub(crate) struct Leaf<'c> {
    /// The indicator's code and its pillar's, as the catalogue holds them.
    pub indicator: &'c str,
    pub layer: Layer,
    pub pillar: &'c str,
    pub weight: Decimal,
    pub points: Decimal,
    /// The fraction of the unit's own (or merged predecessors') value.
    pub own: Option<Decimal>,
    /// The fraction of the last approved value, for the `last_value` policy.
    pub imputed: Option<Decimal>,
}

impl Leaf<'_> {
    pub(super) fn fraction(&self, policy: MissingPolicy) -> Option<Decimal> {
        match policy {
            MissingPolicy::LastValue => self.own.or(self.imputed),
            MissingPolicy::Zero | MissingPolicy::Rescale => self.own,
        }
    }
}

/// The composite at every level.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Composite {
    pub total: Option<Decimal>,
    /// By layer.
    pub layers: BTreeMap<Layer, Option<Decimal>>,
    /// By (layer, pillar).
    pub pillars: BTreeMap<(Layer, String), Option<Decimal>>,
}

/// Combines `leaves` under `scheme` with `policy`; `factor` scales each node's weight (1 for
/// the published evaluation, a random draw in a sensitivity rerun), keyed by indicator code,
/// pillar code or layer code.
pub(crate) fn composite(
    leaves: &[Leaf<'_>],
    scheme: &Scheme,
    policy: MissingPolicy,
    factor: &dyn Fn(&str) -> Decimal,
) -> Composite {
    let method = scheme.method;
    let mut by_pillar: BTreeMap<(Layer, &str), Vec<Part>> = BTreeMap::new();
    for leaf in leaves.iter().filter(|l| scheme.layers.contains(&l.layer)) {
        let f = factor(leaf.indicator);
        by_pillar
            .entry((leaf.layer, leaf.pillar))
            .or_default()
            .push(Part {
                weight: leaf.weight * f,
                points: leaf.points * f,
                fraction: leaf.fraction(policy),
            });
    }
    let mut out = Composite::default();
    let mut by_layer: BTreeMap<Layer, Vec<Part>> = BTreeMap::new();
    for ((layer, pillar), parts) in &by_pillar {
        let fraction = combine(method, parts, policy);
        out.pillars.insert((*layer, (*pillar).to_owned()), fraction);
        let part = node_part(scheme, pillar, parts, fraction, factor);
        by_layer.entry(*layer).or_default().push(part);
    }
    let mut totals = Vec::new();
    for (layer, parts) in &by_layer {
        let fraction = combine(method, parts, policy);
        out.layers.insert(*layer, fraction);
        totals.push(node_part(scheme, layer.as_str(), parts, fraction, factor));
    }
    out.total = combine(method, &totals, policy);
    out
}

/// A pillar or layer as a member of its parent: its declared weight or its members' sums.
fn node_part(
    scheme: &Scheme,
    node: &str,
    members: &[Part],
    fraction: Option<Decimal>,
    factor: &dyn Fn(&str) -> Decimal,
) -> Part {
    member_part(scheme.weight_of(node), members, fraction, factor(node))
}

/// A node as a member of its parent, with its `declared` weight, scaled by `f`.
fn member_part(
    declared: Option<Decimal>,
    members: &[Part],
    fraction: Option<Decimal>,
    f: Decimal,
) -> Part {
    match declared {
        // A declared weight stands for both readings, so that `points` honours it too.
        Some(declared) => Part {
            weight: declared * f,
            points: declared * f,
            fraction,
        },
        None => Part {
            weight: members.iter().map(|p| p.weight).sum::<Decimal>() * f,
            points: members.iter().map(|p| p.points).sum::<Decimal>() * f,
            fraction,
        },
    }
}

/// One unit's composite tree laid out once, its nodes numbered, so that each sensitivity
/// rerun is arithmetic over a vector of factors indexed by node: no maps of codes per rerun.
/// [`Shape::total`] equals [`composite`]'s total, operation for operation.
#[derive(Debug, Clone)]
pub(crate) struct Shape {
    /// The pillars in (layer, pillar) order, each with its leaves (position, node) in order.
    pub(super) pillars: Vec<Node<Member>>,
    /// The layers in order, each with its pillars' positions.
    pub(super) layers: Vec<Node<usize>>,
}

/// A leaf's position among the unit's leaves, and its node number.
pub(super) type Member = (usize, Option<usize>);

/// A pillar or layer: its node number, declared weight and members.
#[derive(Debug, Clone)]
pub(super) struct Node<M> {
    pub number: Option<usize>,
    pub declared: Option<Decimal>,
    pub members: Vec<M>,
}

impl Shape {
    /// The tree of `leaves` under `scheme`; `number` gives a code's node number.
    pub fn new(
        leaves: &[Leaf<'_>],
        scheme: &Scheme,
        number: &dyn Fn(&str) -> Option<usize>,
    ) -> Shape {
        let mut by_pillar: BTreeMap<(Layer, &str), Vec<Member>> = BTreeMap::new();
        for (i, leaf) in leaves.iter().enumerate() {
            if scheme.layers.contains(&leaf.layer) {
                by_pillar
                    .entry((leaf.layer, leaf.pillar))
                    .or_default()
                    .push((i, number(leaf.indicator)));
            }
        }
        let mut pillars = Vec::with_capacity(by_pillar.len());
        let mut layers: Vec<(Layer, Node<usize>)> = Vec::new();
        for ((layer, pillar), members) in by_pillar {
            if layers.last().is_none_or(|(l, _)| *l != layer) {
                layers.push((
                    layer,
                    Node {
                        number: number(layer.as_str()),
                        declared: scheme.weight_of(layer.as_str()),
                        members: Vec::new(),
                    },
                ));
            }
            if let Some((_, node)) = layers.last_mut() {
                node.members.push(pillars.len());
            }
            pillars.push(Node {
                number: number(pillar),
                declared: scheme.weight_of(pillar),
                members,
            });
        }
        Shape {
            pillars,
            layers: layers.into_iter().map(|(_, node)| node).collect(),
        }
    }

    /// The total of `leaves` (those the shape was laid out from) by `method` under `policy`,
    /// each node's weight scaled by its factor in `factors` (1 where it has none).
    pub fn total(
        &self,
        leaves: &[Leaf<'_>],
        method: super::CompositeMethod,
        policy: MissingPolicy,
        factors: &[Decimal],
    ) -> Option<Decimal> {
        let factor = |node: Option<usize>| {
            node.and_then(|n| factors.get(n))
                .copied()
                .unwrap_or(Decimal::ONE)
        };
        // `method` reads only one of a part's weight and points: only that one is computed
        // (written to both), which halves the multiplications of a rerun.
        let read = |leaf: &Leaf<'_>| match method {
            super::CompositeMethod::Points => leaf.points,
            _ => leaf.weight,
        };
        let (mut parts, mut pillars, mut totals) = (Vec::new(), Vec::new(), Vec::new());
        for layer in &self.layers {
            pillars.clear();
            for pillar in layer.members.iter().filter_map(|&p| self.pillars.get(p)) {
                parts.clear();
                for &(i, node) in &pillar.members {
                    let (Some(leaf), f) = (leaves.get(i), factor(node)) else {
                        continue;
                    };
                    let weight = read(leaf) * f;
                    parts.push(Part {
                        weight,
                        points: weight,
                        fraction: leaf.fraction(policy),
                    });
                }
                let fraction = combine(method, &parts, policy);
                pillars.push(read_part(
                    pillar.declared,
                    &parts,
                    fraction,
                    factor(pillar.number),
                ));
            }
            let fraction = combine(method, &pillars, policy);
            totals.push(read_part(
                layer.declared,
                &pillars,
                fraction,
                factor(layer.number),
            ));
        }
        combine(method, &totals, policy)
    }
}

/// [`member_part`] over parts whose weight and points are both the one the method reads.
fn read_part(
    declared: Option<Decimal>,
    members: &[Part],
    fraction: Option<Decimal>,
    f: Decimal,
) -> Part {
    let weight = match declared {
        Some(declared) => declared * f,
        None => members.iter().map(|p| p.weight).sum::<Decimal>() * f,
    };
    Part {
        weight,
        points: weight,
        fraction,
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use rust_decimal::Decimal;

    use super::{Leaf, Shape, composite};
    use crate::catalogue::Layer;
    use crate::evaluation::{CompositeMethod, MissingPolicy, NodeWeight, Scheme};

    const PILLARS: [&str; 3] = ["P1", "P2", "P3"];

    type Raw = (bool, usize, u8, Option<u16>, Option<u16>);

    fn leaf(indicator: &str, (layer, pillar, weight, own, imputed): Raw) -> Leaf<'_> {
        let fraction = |n: u16| Decimal::new(i64::from(n % 1001), 3);
        Leaf {
            indicator,
            layer: if layer { Layer::B } else { Layer::C },
            pillar: PILLARS[pillar % PILLARS.len()],
            weight: Decimal::from(weight % 5),
            points: Decimal::from(u32::from(weight) * 10),
            own: own.map(fraction),
            imputed: imputed.map(fraction),
        }
    }

    proptest! {
        /// A rerun over the laid-out tree gives the composite's own total, bit for bit, under
        /// every method and policy, with declared weights and factors on every kind of node.
        #[test]
        fn the_shape_totals_as_the_composite_does(
            raw in prop::collection::vec((any::<bool>(), 0usize..3, any::<u8>(),
                prop::option::of(any::<u16>()), prop::option::of(any::<u16>())), 0..12),
            draws in prop::collection::vec(0i64..=20_000, 20),
            declared in any::<bool>(),
        ) {
            let codes: Vec<String> = (0..raw.len()).map(|i| format!("I{i}")).collect();
            let leaves: Vec<Leaf> = codes.iter().zip(raw).map(|(code, r)| leaf(code, r)).collect();
            let mut nodes = codes.clone();
            nodes.extend(PILLARS.iter().map(|p| (*p).to_owned()));
            nodes.extend(["b".to_owned(), "c".to_owned()]);
            let factors: Vec<Decimal> = draws
                .iter()
                .cycle()
                .take(nodes.len())
                .map(|k| Decimal::ONE + Decimal::new(k - 10_000, 5))
                .collect();
            let number = |code: &str| nodes.iter().position(|n| n == code);
            let by_code = |code: &str| number(code).map_or(Decimal::ONE, |n| factors[n]);
            for method in [CompositeMethod::WeightedMean, CompositeMethod::GeometricMean, CompositeMethod::Points] {
                let mut scheme = Scheme { method, ..Scheme::default() };
                if declared {
                    scheme.weights = vec![
                        NodeWeight { node: "P2".into(), weight: Decimal::from(3) },
                        NodeWeight { node: "c".into(), weight: Decimal::new(5, 1) },
                    ];
                }
                let shape = Shape::new(&leaves, &scheme, &number);
                for policy in [MissingPolicy::Zero, MissingPolicy::Rescale, MissingPolicy::LastValue] {
                    let expected = composite(&leaves, &scheme, policy, &by_code).total;
                    prop_assert_eq!(shape.total(&leaves, method, policy, &factors), expected);
                    let plain = composite(&leaves, &scheme, policy, &|_| Decimal::ONE).total;
                    prop_assert_eq!(shape.total(&leaves, method, policy, &[]), plain);
                }
            }
        }
    }
}
