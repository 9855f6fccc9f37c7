//! Assignments made and withdrawn in the ledger: which are in force, and what an assignment
//! or a withdrawal must hold to be recorded. Kept as entries are added, so that checking the
//! next entry reads only the ledger's assignments, not the whole ledger.

use std::collections::HashMap;

use schemars::JsonSchema;
use serde::Serialize;

use super::LedgerProblem;
use super::{Action, Entry, Ledger};
use crate::Finding;
use crate::org::Assignment;
use crate::org::OrgProblem;
use crate::period::Period;

/// An assignment in force that the ledger made: the entry that made it (what a withdrawal
/// names) and the assignment, ending where a withdrawal ended it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct LedgerAssignment {
    /// The sequence number of the `assign` entry.
    pub entry: u64,
    /// The assignment.
    #[serde(flatten)]
    pub assignment: Assignment,
}

/// The `assign` entries of a ledger and the withdrawal of each withdrawn one (the first
/// withdrawal recorded wins, as the first decision on a revision does).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Assigned {
    made: Vec<u64>,
    withdrawn: HashMap<u64, Option<Period>>,
}

impl Assigned {
    /// Notes what `entry` assigns or withdraws.
    pub(super) fn record(&mut self, entry: &Entry) {
        match &entry.action {
            Action::Assign { .. } => self.made.push(entry.sequence),
            Action::Withdraw { assignment, to, .. } => {
                self.withdrawn.entry(*assignment).or_insert(*to);
            }
            _ => {}
        }
    }
}

impl Ledger {
    /// The assignments made in the ledger and still in force, in the order made: each
    /// withdrawn one ends at its withdrawal's last period, or is gone when withdrawn whole.
    /// Together with the assignments file, what the policy, the quality checks and the
    /// evaluation read.
    ///
    /// ```
    /// use chiso::ledger::{Action, Ledger};
    /// let mut ledger = Ledger::default();
    /// let assignment = serde_json::from_str(r#"{"unit": "DN", "item": "C01", "role": "lead",
    ///     "focal_officer": "dn_dau_moi", "from": "2026-Q1", "assigned_by": "BCD"}"#)?;
    /// let at = "2026-01-05T09:00:00".parse()?;
    /// let made = ledger.append(Action::Assign { assignment, by: "bcd_lanh_dao".into(), at })?.sequence;
    /// let at = "2026-07-01T09:00:00".parse()?;
    /// ledger.append(Action::Withdraw { assignment: made, to: Some("2026-Q2".parse()?),
    ///     by: "bcd_lanh_dao".into(), at, reason: "Chuyển cho Sở".into() })?;
    /// assert_eq!(ledger.assignments()[0].to, Some("2026-Q2".parse()?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn assignments(&self) -> Vec<Assignment> {
        self.assignment_entries()
            .into_iter()
            .map(|made| made.assignment)
            .collect()
    }

    /// [`assignments`](Self::assignments), each with the sequence number of the entry that
    /// made it.
    pub fn assignment_entries(&self) -> Vec<LedgerAssignment> {
        self.assigned
            .made
            .iter()
            .filter_map(|&sequence| {
                let mut assignment = self.assignment_at(sequence)?.clone();
                match self.assigned.withdrawn.get(&sequence) {
                    None => {}
                    Some(None) => return None,
                    Some(Some(to)) => assignment.to = Some(*to),
                }
                Some(LedgerAssignment {
                    entry: sequence,
                    assignment,
                })
            })
            .collect()
    }

    /// Whether any entry assigns or withdraws: when none does, the assignments file alone is
    /// in force.
    pub fn has_assignments(&self) -> bool {
        !self.assigned.made.is_empty()
    }

    /// The assignment the `assign` entry at `sequence` made (what a withdrawal of it would
    /// withdraw), if that entry is one.
    pub(crate) fn assignment_at(&self, sequence: u64) -> Option<&Assignment> {
        match self.locate(sequence)? {
            (
                Entry {
                    action: Action::Assign { assignment, .. },
                    ..
                },
                _,
            ) => Some(assignment),
            _ => None,
        }
    }

    /// What is wrong with assigning `assignment` as the next entry, on its own: a range
    /// that runs backwards.
    pub(super) fn assign_findings(assignment: &Assignment) -> Vec<Finding> {
        match assignment.to {
            Some(to) if to.last_month_index() < assignment.from.first_month_index() => {
                let problem = OrgProblem::AssignmentReversed {
                    from: assignment.from.to_string(),
                    to: to.to_string(),
                };
                vec![Finding::new(&problem, "/action/assignment/to")]
            }
            _ => Vec::new(),
        }
    }

    /// What is wrong with withdrawing the entry at `sequence` up to `to`: it must be an
    /// assignment, not withdrawn already, and a withdrawal ends it sooner, never later nor
    /// before it began.
    pub(super) fn withdraw_findings(&self, sequence: u64, to: Option<Period>) -> Vec<Finding> {
        let Some(assignment) = self.assignment_at(sequence) else {
            let problem = LedgerProblem::LedgerNotAnAssignment { entry: sequence };
            return vec![Finding::new(&problem, "/action/assignment")];
        };
        if self.assigned.withdrawn.contains_key(&sequence) {
            let problem = LedgerProblem::LedgerAlreadyWithdrawn { entry: sequence };
            return vec![Finding::new(&problem, "/action/assignment")];
        }
        let Some(to) = to else {
            return Vec::new();
        };
        if to.last_month_index() < assignment.from.first_month_index() {
            let problem = OrgProblem::AssignmentReversed {
                from: assignment.from.to_string(),
                to: to.to_string(),
            };
            return vec![Finding::new(&problem, "/action/to")];
        }
        match assignment.to {
            Some(until) if to.last_month_index() > until.last_month_index() => {
                let problem = LedgerProblem::LedgerWithdrawalExtends {
                    to: to.to_string(),
                    until: until.to_string(),
                };
                vec![Finding::new(&problem, "/action/to")]
            }
            _ => Vec::new(),
        }
    }
}
