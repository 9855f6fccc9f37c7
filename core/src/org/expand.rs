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
    let expansion = Expansion::of(catalogue, assignments);
    expansion
        .rows
        .iter()
        .filter_map(|&(k, item)| {
            let given = assignments.get(k as usize)?;
            Some(read_as(given, expansion.item(given, item)))
        })
        .collect()
}

/// `given`, its item read as `item`: an expanded row as an assignment of its own.
pub(crate) fn read_as(given: &Assignment, item: &str) -> Assignment {
    Assignment {
        unit: given.unit.clone(),
        item: item.to_owned(),
        role: given.role,
        focal_officer: given.focal_officer.clone(),
        from: given.from,
        to: given.to,
        assigned_by: given.assigned_by.clone(),
    }
}

/// The expansion of some assignments, without copying them: each row an assignment's
/// position and the item it is read for.
#[derive(Debug, Clone, Default)]
pub(crate) struct Expansion {
    /// The inputs named, each once.
    pub inputs: Vec<String>,
    /// Each row's assignment (by position) and item: [`OWN`], its own; else an input's
    /// position among `inputs`.
    pub rows: Vec<(u32, u32)>,
}

/// The item of a row that is its assignment's own.
pub(crate) const OWN: u32 = u32::MAX;

impl Expansion {
    /// The rows of `assignments` expanded, in [`expand`]'s order.
    pub fn of(catalogue: &Catalogue, assignments: &[Assignment]) -> Self {
        // Each item's inputs are worked out once (a national tree assigns the same items to
        // thousands of units), and duplicates are found by hashing borrowed fields.
        let mut inputs: Vec<String> = Vec::new();
        let mut numbered: FxHashMap<String, u32> = FxHashMap::default();
        let mut of_item: FxHashMap<&str, Vec<u32>> = FxHashMap::default();
        for assignment in assignments {
            of_item.entry(assignment.item.as_str()).or_insert_with(|| {
                reported_inputs(catalogue, &assignment.item)
                    .into_iter()
                    .map(|code| {
                        let next = u32::try_from(inputs.len()).unwrap_or(OWN - 1);
                        *numbered.entry(code).or_insert_with_key(|code| {
                            inputs.push(code.clone());
                            next
                        })
                    })
                    .collect()
            });
        }
        let mut rows: Vec<(u32, u32)> = Vec::with_capacity(assignments.len());
        let mut listed: FxHashSet<Key<'_>> = FxHashSet::default();
        listed.reserve(assignments.len());
        for (k, assignment) in (0u32..).zip(assignments) {
            let reported = of_item
                .get(assignment.item.as_str())
                .map_or(&[][..], Vec::as_slice);
            for &item in std::iter::once(&OWN).chain(reported) {
                let code = match item {
                    OWN => assignment.item.as_str(),
                    n => inputs.get(n as usize).map_or("", String::as_str),
                };
                if listed.insert(Key::of(assignment, code)) {
                    rows.push((k, item));
                }
            }
        }
        drop(listed);
        Expansion { inputs, rows }
    }

    /// The code of a row's `item` for its assignment `given`.
    pub fn item<'a>(&'a self, given: &'a Assignment, item: u32) -> &'a str {
        match item {
            OWN => &given.item,
            n => self.inputs.get(n as usize).map_or("", String::as_str),
        }
    }
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
