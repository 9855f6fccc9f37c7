//! An assigned computed indicator brings its inputs with it: the unit reports the data elements
//! the formula reads, under the same assignment.

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
    let mut out: Vec<Assignment> = Vec::with_capacity(assignments.len());
    for assignment in assignments {
        push_new(&mut out, assignment.clone());
        let mut pending = catalogue.inputs_of(&assignment.item);
        let mut seen: Vec<String> = vec![assignment.item.clone()];
        while let Some(code) = pending.pop() {
            if seen.contains(&code) {
                continue;
            }
            seen.push(code.clone());
            if catalogue.is_reportable(&code) {
                push_new(
                    &mut out,
                    Assignment {
                        item: code,
                        ..assignment.clone()
                    },
                );
            } else {
                pending.extend(catalogue.inputs_of(&code));
            }
        }
    }
    out
}

fn push_new(out: &mut Vec<Assignment>, assignment: Assignment) {
    if !out.contains(&assignment) {
        out.push(assignment);
    }
}
