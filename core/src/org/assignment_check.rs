//! Checking a list of assignments before it is trusted: each row names a known unit and item,
//! a range that runs forwards and does not overlap another for the same unit and item, a
//! focal officer, and a unit above as the one assigning. Every finding is reported at once.

use super::OrgProblem;
use super::{Assignment, Duty, OrgTree};
use crate::Finding;
use crate::catalogue::{Catalogue, CurrentCodes};

/// Every problem of `assignments` (a file's rows, in order), at its row's path (`/3/to`).
///
/// ```
/// use chiso::{Catalogue, org::{OrgTree, check_assignments}};
/// let tree = OrgTree::from_json(r#"{"units": [
///   {"id": "BCD", "name": {"vi": "Ban Chỉ đạo", "en": "Steering committee"}, "kind": "central"},
///   {"id": "DN", "name": {"vi": "Đồng Nai", "en": "Dong Nai"}, "kind": "province", "parent": "BCD"}]}"#)?;
/// let rows = chiso::org::assignments_from_json(r#"[
///   {"unit": "DN", "item": "C01", "role": "lead", "focal_officer": "dn_dau_moi", "from": "2026-Q1", "assigned_by": "BCD"},
///   {"unit": "DN", "item": "C01", "role": "lead", "focal_officer": "", "from": "2026-Q3", "to": "2026-Q2", "assigned_by": "DN"}]"#)?;
/// let codes: Vec<_> = check_assignments(&Catalogue::nq57(), &tree, &rows).into_iter().map(|f| f.code).collect();
/// assert_eq!(codes, ["assignment.reversed", "assignment.focal_officer", "assignment.not_from_above"]);
/// # Ok::<(), chiso::Error>(())
/// ```
pub fn check_assignments(
    catalogue: &Catalogue,
    tree: &OrgTree,
    assignments: &[Assignment],
) -> Vec<Finding> {
    let mut findings = Vec::new();
    let codes = CurrentCodes::new(catalogue);
    // Only rows of the same unit and item can overlap: each row is compared with those alone
    // (a national file of 900,000 rows, compared with every row before, took seconds).
    let mut same: rustc_hash::FxHashMap<(&str, &str), Vec<usize>> =
        rustc_hash::FxHashMap::default();
    for (row, a) in assignments.iter().enumerate() {
        let key = (a.unit.as_str(), a.item.as_str());
        let rows = same.entry(key).or_default();
        let earlier = rows
            .iter()
            .map(|&other| (Earlier::Row(other), &assignments[other]));
        let row_findings =
            assignment_findings(catalogue, &codes, tree, a, earlier, &Earlier::Row(row));
        rows.push(row);
        findings.extend(row_findings);
        findings.extend(assigner_findings(tree, a, &Earlier::Row(row)));
    }
    findings
}

/// Every problem of one assignment `a` (at `base`) beside `earlier` ones in force, each named
/// as a finding names it (a file's row `/3`, a ledger's entry `ledger#12`), but who assigns it:
/// in the ledger, that is the access policy's question, answered with a refusal.
pub(crate) fn assignment_findings<'a>(
    catalogue: &Catalogue,
    codes: &CurrentCodes<'_>,
    tree: &OrgTree,
    a: &Assignment,
    earlier: impl IntoIterator<Item = (Earlier, &'a Assignment)>,
    base: &dyn std::fmt::Display,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    let at = |field: &str| format!("{base}/{field}");
    if tree.unit(&a.unit).is_none() {
        let problem = OrgProblem::UnknownUnit {
            unit: a.unit.clone(),
        };
        findings.push(Finding::new(&problem, at("unit")));
    }
    if codes.get(&a.item).is_none() {
        // An indicator of an earlier version that no indicator replaces is gone, not unknown:
        // the assignment names it, and dropping it silently would drop it from every report.
        let problem = OrgProblem::AssignedItemGone {
            item: a.item.clone(),
            version: catalogue.version.clone(),
        };
        findings.push(Finding::new(&problem, at("item")));
    }
    if let Some(to) = a.to
        && to.last_month_index() < a.from.first_month_index()
    {
        let problem = OrgProblem::AssignmentReversed {
            from: a.from.to_string(),
            to: to.to_string(),
        };
        findings.push(Finding::new(&problem, at("to")));
    } else if let Some((other, _)) = earlier.into_iter().find(|(_, b)| overlaps(a, b)) {
        let problem = OrgProblem::AssignmentOverlap {
            unit: a.unit.clone(),
            item: a.item.clone(),
            other: other.to_string(),
        };
        findings.push(Finding::new(&problem, at("from")));
    }
    if !focal_officer_ok(tree, a) {
        let problem = OrgProblem::AssignmentFocalOfficer {
            person: a.focal_officer.clone(),
            unit: a.unit.clone(),
        };
        findings.push(Finding::new(&problem, at("focal_officer")));
    }
    findings
}

/// A file's row names a known unit above the one assigned as the one assigning.
fn assigner_findings(tree: &OrgTree, a: &Assignment, base: &dyn std::fmt::Display) -> Vec<Finding> {
    let mut findings = Vec::new();
    let at = |field: &str| format!("{base}/{field}");
    if tree.unit(&a.assigned_by).is_none() {
        let problem = OrgProblem::UnknownUnit {
            unit: a.assigned_by.clone(),
        };
        findings.push(Finding::new(&problem, at("assigned_by")));
    } else if tree.unit(&a.unit).is_some() && !tree.is_ancestor(&a.assigned_by, &a.unit) {
        let problem = OrgProblem::AssignmentNotFromAbove {
            by: a.assigned_by.clone(),
            unit: a.unit.clone(),
        };
        findings.push(Finding::new(&problem, at("assigned_by")));
    }
    findings
}

/// Where an assignment already in force comes from, as a finding names it: named only when it
/// is found, since a file's rows are each compared with every row before.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Earlier {
    /// A row of the assignments file (`/3`).
    Row(usize),
    /// The `assign` entry of the ledger (`ledger#12`).
    Entry(u64),
}

impl std::fmt::Display for Earlier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Earlier::Row(row) => write!(f, "/{row}"),
            Earlier::Entry(entry) => write!(f, "ledger#{entry}"),
        }
    }
}

/// Whether two assignments of the same unit and item share a month.
fn overlaps(a: &Assignment, b: &Assignment) -> bool {
    let end = |x: &Assignment| {
        x.to.map_or(i32::MAX, crate::period::Period::last_month_index)
    };
    a.unit == b.unit
        && a.item == b.item
        && b.to
            .is_none_or(|t| t.last_month_index() >= b.from.first_month_index())
        && a.from.first_month_index() <= end(b)
        && b.from.first_month_index() <= end(a)
}

/// A focal officer is named; where the chart names persons, it is a person of the unit who
/// reports for it (a focal officer, or the head).
fn focal_officer_ok(tree: &OrgTree, a: &Assignment) -> bool {
    if a.focal_officer.trim().is_empty() {
        return false;
    }
    if !tree.has_persons() {
        return true;
    }
    tree.person(&a.focal_officer)
        .is_some_and(|p| p.unit == a.unit && p.has(Duty::FocalOfficer))
}
