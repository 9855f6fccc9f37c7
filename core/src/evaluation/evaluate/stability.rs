//! How stable each rank is: the sensitivity reruns over weight draws (and missing-value
//! policies), spread over threads, each a rank range.

use super::Pipeline;
use crate::evaluation::MissingPolicy;
use crate::evaluation::quick::Member;
use crate::evaluation::quick::Rerun;
use crate::evaluation::rank;
use crate::evaluation::sensitivity::weight_draws;
use crate::evaluation::tree::Leaf;
use crate::org::Setup;
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;
use std::collections::HashMap;

impl<'a> Pipeline<'a> {
    /// Every unit's ranks over the sensitivity reruns (the published ranking included), by
    /// (peer group, unit).
    pub(super) fn stability(
        &self,
        leaves: &HashMap<&str, &[Leaf<'_>]>,
    ) -> HashMap<(&'a str, &'a str), Vec<Decimal>> {
        let rule = &self.scheme.sensitivity;
        let mut out: HashMap<(&str, &str), Vec<Decimal>> = HashMap::new();
        if rule.runs == 0 && !rule.missing_policies {
            return out;
        }
        let mut nodes: Vec<String> = self
            .catalogue
            .indicators
            .iter()
            .map(|i| i.code.clone())
            .collect();
        nodes.extend(self.catalogue.groups.iter().map(|g| g.code.clone()));
        nodes.extend(
            crate::catalogue::Layer::ALL
                .iter()
                .map(|l| l.as_str().to_owned()),
        );
        // Nodes numbered once, each draw a vector of factors by number (a code drawn twice
        // keeps its last draw, as the draw's map does).
        let mut number: FxHashMap<&str, usize> = FxHashMap::default();
        for node in &nodes {
            let next = number.len();
            number.entry(node.as_str()).or_insert(next);
        }
        let mut names = vec![""; number.len()];
        for (name, &n) in &number {
            names[n] = name;
        }
        let draws: Vec<Vec<Decimal>> = weight_draws(rule, &nodes)
            .iter()
            .map(|draw| {
                names
                    .iter()
                    .map(|name| draw.get(*name).copied().unwrap_or(Decimal::ONE))
                    .collect()
            })
            .collect();
        let mut variants: Vec<Rerun<'_>> = vec![Rerun::new(self.scheme.missing, &[])];
        variants.extend(draws.iter().map(|d| Rerun::new(self.scheme.missing, d)));
        if rule.missing_policies {
            for policy in [
                MissingPolicy::Zero,
                MissingPolicy::Rescale,
                MissingPolicy::LastValue,
            ] {
                if policy != self.scheme.missing {
                    variants.push(Rerun::new(policy, &[]));
                }
            }
        }
        let places = self.scheme.ranking.round_to;
        let numbered = |code: &str| number.get(code).copied();
        // Each peer group's reruns are independent: spread over the cores, joined in order.
        let ranks = |group: &'a crate::org::PeerGroup| {
            let mut out: Vec<((&'a str, &'a str), Vec<Decimal>)> = group
                .members
                .iter()
                .map(|m| ((group.id.as_str(), m.as_str()), Vec::new()))
                .collect();
            let position: HashMap<&str, usize> = group
                .members
                .iter()
                .enumerate()
                .map(|(i, m)| (m.as_str(), i))
                .collect();
            // Each member's tree laid out once for all the reruns.
            let members: Vec<Option<Member<'_, '_>>> = group
                .members
                .iter()
                .map(|m| Some(Member::new(leaves.get(m.as_str())?, self.scheme, &numbered)))
                .collect();
            for rerun in &variants {
                let scores: Vec<(String, Option<Decimal>)> = group
                    .members
                    .iter()
                    .zip(&members)
                    .map(|(m, member)| {
                        let score = member
                            .as_ref()
                            .and_then(|member| member.score(rerun, self.scheme.method, places));
                        (m.clone(), score)
                    })
                    .collect();
                for placed in rank(&scores, self.scheme.ranking) {
                    if let Some(r) = placed.rank
                        && let Some(&i) = position.get(placed.unit.as_str())
                    {
                        out[i].1.push(r);
                    }
                }
            }
            out
        };
        let setup: &'a Setup<'a> = self.setup;
        let groups = &setup.tree().chart().peer_groups;
        for ranked in crate::parallel::map(groups, |g| g.members.len(), ranks) {
            for (key, runs) in ranked.into_iter().filter(|(_, runs)| !runs.is_empty()) {
                out.entry(key).or_default().extend(runs);
            }
        }
        out
    }
}
