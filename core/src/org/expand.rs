//! An assigned computed indicator brings its inputs with it: the unit reports the data elements
//! the formula reads, under the same assignment.

use std::collections::{HashMap, HashSet};

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
    // thousands of units), and duplicates are found by hashing, not by scanning.
    let mut inputs: HashMap<&str, Vec<String>> = HashMap::new();
    let mut out: Vec<Assignment> = Vec::with_capacity(assignments.len());
    let mut listed: HashSet<Assignment> = HashSet::with_capacity(assignments.len());
    let mut push_new = |assignment: Assignment| {
        if listed.insert(assignment.clone()) {
            out.push(assignment);
        }
    };
    for assignment in assignments {
        push_new(assignment.clone());
        let reported = inputs
            .entry(assignment.item.as_str())
            .or_insert_with(|| reported_inputs(catalogue, &assignment.item));
        for code in reported.iter() {
            push_new(Assignment {
                item: code.clone(),
                ..assignment.clone()
            });
        }
    }
    out
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
