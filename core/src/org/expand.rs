//! An assigned computed indicator brings its inputs with it: the unit reports the data elements
//! the formula reads, under the same assignment.

use rustc_hash::{FxHashMap, FxHashSet};

use super::Assignment;
use crate::catalogue::Catalogue;

/// `assignments` with, after each assignment of a computed indicator, one assignment per input
/// the formula reads that the unit submits itself (a data element or a reported indicator),
/// for the same unit, role, officer and periods. Inputs that are computed indicators are
/// followed in turn. Nothing is listed twice.
///
/// ```
/// use chiso::org::{Assignment, expand};
/// let nq57 = chiso::Catalogue::nq57();
/// let b01: Assignment = serde_json::from_str(r#"{"unit": "DN", "item": "B01", "role": "lead",
///     "focal_officer": "can_bo_1", "from": "2026-01", "assigned_by": "BCD"}"#).unwrap();
/// let all = expand(&nq57, &[b01]);
/// assert_eq!(all[0].item, "B01");
/// assert_eq!(all.len(), 1 + nq57.inputs_of("B01").len());
/// ```
pub fn expand(catalogue: &Catalogue, assignments: &[Assignment]) -> Vec<Assignment> {
    // Each item's inputs are worked out once (a national tree assigns the same items to
    // thousands of units), and duplicates are found by hashing borrowed fields: an assignment
    // is copied only once it is known to be new.
    let mut inputs: FxHashMap<&str, Vec<String>> = FxHashMap::default();
    for assignment in assignments {
        inputs
            .entry(assignment.item.as_str())
            .or_insert_with(|| reported_inputs(catalogue, &assignment.item));
    }
    let mut out: Vec<Assignment> = Vec::with_capacity(assignments.len());
    let mut listed: FxHashSet<Key<'_>> = FxHashSet::default();
    listed.reserve(assignments.len());
    for assignment in assignments {
        let reported = inputs
            .get(assignment.item.as_str())
            .map_or(&[][..], Vec::as_slice);
        for item in std::iter::once(&assignment.item).chain(reported) {
            if listed.insert(Key::of(assignment, item)) {
                out.push(Assignment {
                    unit: assignment.unit.clone(),
                    item: item.clone(),
                    role: assignment.role,
                    focal_officer: assignment.focal_officer.clone(),
                    from: assignment.from,
                    to: assignment.to,
                    assigned_by: assignment.assigned_by.clone(),
                });
            }
        }
    }
    out
}

/// What tells two assignments apart, borrowed: `assignment` with its item read as `item`.
#[derive(PartialEq, Eq, Hash)]
struct Key<'a> {
    unit: &'a str,
    item: &'a str,
    role: super::Role,
    focal_officer: &'a str,
    from: crate::period::Period,
    to: Option<crate::period::Period>,
    assigned_by: &'a str,
}

impl<'a> Key<'a> {
    fn of(assignment: &'a Assignment, item: &'a str) -> Self {
        let Assignment {
            unit,
            item: _,
            role,
            focal_officer,
            from,
            to,
            assigned_by,
        } = assignment;
        Key {
            unit,
            item,
            role: *role,
            focal_officer,
            from: *from,
            to: *to,
            assigned_by,
        }
    }
}

/// The inputs of `item` a unit reports itself, following computed inputs, in the order found.
fn reported_inputs(catalogue: &Catalogue, item: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut pending = catalogue.inputs_of(item);
    let mut seen: Vec<String> = vec![item.to_owned()];
    while let Some(code) = pending.pop() {
        if seen.contains(&code) {
            continue;
        }
        seen.push(code.clone());
        if catalogue.is_reportable(&code) {
            out.push(code);
        } else {
            pending.extend(catalogue.inputs_of(&code));
        }
    }
    out
}
