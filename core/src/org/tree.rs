//! The organisation tree: who reports to whom.

// Looked up for every row of a national assignments file and every check: hashed with Fx.
use rustc_hash::FxHashMap as HashMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::OrgProblem;
use super::{Delegation, Duty, PeerGroup, Person, Unit};
use crate::catalogue::CatalogueProblem;
use crate::{Error, Finding, InputKind, json};

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
    /// The persons who act: heads, focal officers, approvers, viewers. When there are any,
    /// every actor is one of them; a chart without persons (an older file) is acted on by unit
    /// ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub persons: Vec<Person>,
    /// Offices that assign for a unit.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub delegations: Vec<Delegation>,
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
    /// Each person's position in the chart's `persons`.
    persons: HashMap<String, usize>,
    /// Each unit's head's position in the chart's `persons` (every report names the head).
    heads: HashMap<String, usize>,
}

impl OrgTree {
    /// Checks `chart`; every problem is reported at once.
    pub fn new(chart: OrgChart) -> Result<OrgTree, Error> {
        let mut findings = Vec::new();
        let mut index = HashMap::default();
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
                    &CatalogueProblem::DuplicateCode {
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
                    &OrgProblem::UnknownUnit {
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
                        &OrgProblem::UnknownUnit {
                            unit: predecessor.clone(),
                        },
                        format!("/units/{i}/merged_from/{m}"),
                    ));
                }
            }
        }
        let mut groups_of: HashMap<String, Vec<usize>> = HashMap::default();
        for (g, group) in chart.peer_groups.iter().enumerate() {
            for member in &group.members {
                let groups = groups_of.entry(member.clone()).or_default();
                if groups.last() != Some(&g) {
                    groups.push(g);
                }
            }
        }
        let persons = person_findings(&chart, &index, &mut findings);
        let heads = heads(&chart);
        let tree = OrgTree {
            chart,
            index,
            groups_of,
            persons,
            heads,
        };
        for (i, unit) in tree.chart.units.iter().enumerate() {
            if tree.climbs_into_cycle(i) {
                findings.push(Finding::new(
                    &OrgProblem::UnitCycle {
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
                        &OrgProblem::UnknownUnit {
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

    /// The person with this id.
    pub fn person(&self, id: &str) -> Option<&Person> {
        self.persons
            .get(id)
            .and_then(|&i| self.chart.persons.get(i))
    }

    /// Whether the chart names persons: then every actor must be one.
    pub fn has_persons(&self) -> bool {
        !self.chart.persons.is_empty()
    }

    /// The persons of `unit`, in the chart's order.
    pub fn persons_of<'t>(&'t self, unit: &'t str) -> impl Iterator<Item = &'t Person> + 't {
        self.chart.persons.iter().filter(move |p| p.unit == unit)
    }

    /// The head of `unit` ("người đứng đầu"), when the chart names one.
    pub fn head_of(&self, unit: &str) -> Option<&Person> {
        self.heads
            .get(unit)
            .and_then(|&i| self.chart.persons.get(i))
    }

    /// Whether `office` assigns for `unit` by a delegation in the chart.
    pub fn acts_for(&self, office: &str, unit: &str) -> bool {
        self.chart
            .delegations
            .iter()
            .any(|d| d.office == office && d.acts_for == unit)
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
        // Climbed without gathering the ancestors: asked for every row of an assignments file.
        let mut at = self.unit(unit);
        for _ in 0..self.chart.units.len() {
            let Some(parent) = at
                .and_then(|u| u.parent.as_deref())
                .and_then(|p| self.unit(p))
            else {
                return false;
            };
            if parent.id == ancestor {
                return true;
            }
            at = Some(parent);
        }
        false // a cycle; refused by `new`, guarded here all the same
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

/// Checks the persons and delegations of `chart`: ids unique, units known, one head a unit at
/// most. Returns each person's position.
fn person_findings(
    chart: &OrgChart,
    units: &HashMap<String, usize>,
    findings: &mut Vec<Finding>,
) -> HashMap<String, usize> {
    let mut persons: HashMap<String, usize> = HashMap::default();
    let mut heads: HashMap<&str, usize> = HashMap::default();
    for (i, person) in chart.persons.iter().enumerate() {
        if let Some(&first) = persons.get(&person.id) {
            findings.push(Finding::new(
                &CatalogueProblem::DuplicateCode {
                    code: person.id.clone(),
                    first: format!("/persons/{first}/id"),
                },
                format!("/persons/{i}/id"),
            ));
        } else {
            persons.insert(person.id.clone(), i);
        }
        if !units.contains_key(&person.unit) {
            findings.push(Finding::new(
                &OrgProblem::UnknownUnit {
                    unit: person.unit.clone(),
                },
                format!("/persons/{i}/unit"),
            ));
        }
        if person.duties.contains(&Duty::Head) {
            if let Some(&first) = heads.get(person.unit.as_str()) {
                findings.push(Finding::new(
                    &OrgProblem::TwoHeads {
                        unit: person.unit.clone(),
                        first: format!("/persons/{first}"),
                    },
                    format!("/persons/{i}/duties"),
                ));
            } else {
                heads.insert(&person.unit, i);
            }
        }
    }
    for (i, delegation) in chart.delegations.iter().enumerate() {
        for (field, unit) in [
            ("office", &delegation.office),
            ("acts_for", &delegation.acts_for),
        ] {
            if !units.contains_key(unit) {
                findings.push(Finding::new(
                    &OrgProblem::UnknownUnit { unit: unit.clone() },
                    format!("/delegations/{i}/{field}"),
                ));
            }
        }
    }
    persons
}

/// Each unit's head's position in the chart's `persons` (the first, should a chart that
/// failed its checks name two).
fn heads(chart: &OrgChart) -> HashMap<String, usize> {
    let mut heads = HashMap::default();
    for (i, person) in chart.persons.iter().enumerate() {
        if person.duties.contains(&Duty::Head) {
            heads.entry(person.unit.clone()).or_insert(i);
        }
    }
    heads
}
