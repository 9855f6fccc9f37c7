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
pub(crate) struct Leaf {
    pub indicator: String,
    pub layer: Layer,
    pub pillar: String,
    pub weight: Decimal,
    pub points: Decimal,
    /// The fraction of the unit's own (or merged predecessors') value.
    pub own: Option<Decimal>,
    /// The fraction of the last approved value, for the `last_value` policy.
    pub imputed: Option<Decimal>,
}

impl Leaf {
    fn fraction(&self, policy: MissingPolicy) -> Option<Decimal> {
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
    leaves: &[Leaf],
    scheme: &Scheme,
    policy: MissingPolicy,
    factor: &dyn Fn(&str) -> Decimal,
) -> Composite {
    let method = scheme.method;
    let mut by_pillar: BTreeMap<(Layer, &str), Vec<Part>> = BTreeMap::new();
    for leaf in leaves.iter().filter(|l| scheme.layers.contains(&l.layer)) {
        let f = factor(&leaf.indicator);
        by_pillar
            .entry((leaf.layer, leaf.pillar.as_str()))
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
    let f = factor(node);
    match scheme.weight_of(node) {
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
