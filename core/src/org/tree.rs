//! The organisation tree: who reports to whom.

use std::collections::HashMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{PeerGroup, Unit};
use crate::{Error, Finding, InputKind, Problem, json};

/// Units and the peer groups they are ranked in, as read from JSON; [`OrgTree::new`] checks
/// the shape (unique ids, known parents, no cycles).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OrgChart {
    /// The units.
    pub units: Vec<Unit>,
    /// The peer groups.
    #[serde(default)]
    pub peer_groups: Vec<PeerGroup>,
}

/// A checked organisation tree (a forest: each tree has one root).
///
/// ```
/// use chiso::org::OrgTree;
/// let tree = OrgTree::from_json(r#"{"units": [
///   {"id": "BCD", "name": {"vi": "Ban Chỉ đạo", "en": "Steering committee"}, "kind": "central"},
///   {"id": "DN", "name": {"vi": "Đồng Nai", "en": "Dong Nai"}, "kind": "province", "parent": "BCD"},
///   {"id": "DN_X1", "name": {"vi": "Xã 1", "en": "Commune 1"}, "kind": "commune", "parent": "DN"}
/// ]}"#).unwrap();
/// assert!(tree.is_ancestor("BCD", "DN_X1"));
/// assert!(!tree.is_ancestor("DN", "DN"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgTree {
    chart: OrgChart,
    index: HashMap<String, usize>,
    /// The peer groups (by position) each unit belongs to, so finding a unit's peers does not
    /// scan every group's members.
    groups_of: HashMap<String, Vec<usize>>,
}

impl OrgTree {
    /// Checks `chart`; every problem is reported at once.
    pub fn new(chart: OrgChart) -> Result<OrgTree, Error> {
        let mut findings = Vec::new();
        let mut index = HashMap::new();
        for (i, unit) in chart.units.iter().enumerate() {
            if index.insert(unit.id.clone(), i).is_some() {
                let first = format!(
                    "/units/{}/id",
                    chart
                        .units
                        .iter()
                        .position(|u| u.id == unit.id)
                        .unwrap_or(i)
                );
                findings.push(Finding::new(
                    &Problem::DuplicateCode {
                        code: unit.id.clone(),
                        first,
                    },
                    format!("/units/{i}/id"),
                ));
            }
        }
        // Keep the first definition of a duplicated id, as the finding says.
        for (i, unit) in chart.units.iter().enumerate().rev() {
            index.insert(unit.id.clone(), i);
        }
        for (i, unit) in chart.units.iter().enumerate() {
            if let Some(parent) = &unit.parent
                && !index.contains_key(parent)
            {
                findings.push(Finding::new(
                    &Problem::UnknownUnit {
                        unit: parent.clone(),
                    },
                    format!("/units/{i}/parent"),
                ));
            }
        }
        for (i, unit) in chart.units.iter().enumerate() {
            for (m, predecessor) in unit.merged_from.iter().enumerate() {
                if !index.contains_key(predecessor) {
                    findings.push(Finding::new(
                        &Problem::UnknownUnit {
                            unit: predecessor.clone(),
                        },
                        format!("/units/{i}/merged_from/{m}"),
                    ));
                }
            }
        }
        let mut groups_of: HashMap<String, Vec<usize>> = HashMap::new();
        for (g, group) in chart.peer_groups.iter().enumerate() {
            for member in &group.members {
                let groups = groups_of.entry(member.clone()).or_default();
                if groups.last() != Some(&g) {
                    groups.push(g);
                }
            }
        }
        let tree = OrgTree {
            chart,
            index,
            groups_of,
        };
        for (i, unit) in tree.chart.units.iter().enumerate() {
            if tree.climbs_into_cycle(i) {
                findings.push(Finding::new(
                    &Problem::UnitCycle {
                        unit: unit.id.clone(),
                    },
                    format!("/units/{i}/parent"),
                ));
            }
        }
        for (g, group) in tree.chart.peer_groups.iter().enumerate() {
            for (m, member) in group.members.iter().enumerate() {
                if !tree.index.contains_key(member) {
                    let path = format!("/peer_groups/{g}/members/{m}");
                    findings.push(Finding::new(
                        &Problem::UnknownUnit {
                            unit: member.clone(),
                        },
                        path,
                    ));
                }
            }
        }
        if findings.is_empty() {
            Ok(tree)
        } else {
            Err(Error::InvalidInput {
                what: InputKind::OrgTree,
                findings,
            })
        }
    }

    /// Reads and checks an organisation chart from JSON.
    pub fn from_json(text: &str) -> Result<OrgTree, Error> {
        let chart = json::from_str(text).map_err(|f| Error::InvalidInput {
            what: InputKind::OrgTree,
            findings: vec![f],
        })?;
        OrgTree::new(chart)
    }

    /// The chart as read.
    pub fn chart(&self) -> &OrgChart {
        &self.chart
    }

    /// The unit with this id.
    pub fn unit(&self, id: &str) -> Option<&Unit> {
        self.index.get(id).and_then(|&i| self.chart.units.get(i))
    }

    /// The positions (in the chart's `peer_groups`) of the groups `unit` belongs to, in order.
    pub fn peer_groups_of(&self, unit: &str) -> &[usize] {
        self.groups_of.get(unit).map_or(&[], Vec::as_slice)
    }

    /// The units above `id`, nearest first (empty for a root or an unknown id).
    pub fn ancestors(&self, id: &str) -> Vec<&Unit> {
        let mut out = Vec::new();
        let mut at = self.unit(id);
        while let Some(parent) = at
            .and_then(|u| u.parent.as_deref())
            .and_then(|p| self.unit(p))
        {
            if out.len() > self.chart.units.len() {
                break; // a cycle; refused by `new`, guarded here all the same
            }
            out.push(parent);
            at = Some(parent);
        }
        out
    }

    /// Whether `ancestor` is strictly above `unit`.
    pub fn is_ancestor(&self, ancestor: &str, unit: &str) -> bool {
        self.ancestors(unit).iter().any(|u| u.id == ancestor)
    }

    /// Whether `unit` is `other` or below it.
    pub fn is_within(&self, unit: &str, other: &str) -> bool {
        (unit == other && self.unit(unit).is_some()) || self.is_ancestor(other, unit)
    }

    fn climbs_into_cycle(&self, start: usize) -> bool {
        let mut at = start;
        for _ in 0..=self.chart.units.len() {
            let Some(parent) = self.chart.units.get(at).and_then(|u| u.parent.as_deref()) else {
                return false;
            };
            let Some(&next) = self.index.get(parent) else {
                return false;
            };
            if next == start {
                return true;
            }
            at = next;
        }
        false
    }
}
