//! Appending under the rules: the unit and item must exist, the period must be one of the
//! item's cycle, an assignment must hold as a row of the assignments file would, and the
//! access policy must allow the actor, over the assignments in force (the file's and the
//! ledger's). A refused entry leaves the ledger unchanged.

use std::borrow::Cow;

use chrono::NaiveDateTime;

use super::LedgerProblem;
use super::{Action, Entry, Explanation, Ledger, Submission, SubmissionRef};
use crate::catalogue::{Catalogue, Facts, item_facts};
use crate::formula::FormulaProblem;
use crate::org::OrgProblem;
use crate::org::{
    Assigned, Assignment, Earlier, Expanded, OrgTree, Policy, Request, assignment_findings, expand,
};
use crate::period::Period;
use crate::{Error, Finding, Id};

/// What an entry is checked against before it is appended: the catalogue, the organisation
/// tree and the assignments in force (each computed indicator's inputs counted as assigned
/// with it, see [`expand`]).
#[derive(Debug, Clone)]
pub struct Rules<'a> {
    catalogue: &'a Catalogue,
    tree: &'a OrgTree,
    /// The assignments file's rows, as given (what a new assignment must not overlap), with
    /// each computed indicator's inputs (what the policy decides on).
    expanded: Cow<'a, Expanded>,
    /// Each item's facts (whether its values need evidence), worked out once for every entry
    /// checked, not per approval.
    facts: Cow<'a, ItemFacts>,
}

/// Each item's [`Facts`] by code.
type ItemFacts = rustc_hash::FxHashMap<String, Facts>;

impl<'a> Rules<'a> {
    /// The rules over a catalogue, a tree and the assignments as given.
    pub fn new(catalogue: &'a Catalogue, tree: &'a OrgTree, assignments: &[Assignment]) -> Self {
        Rules {
            catalogue,
            tree,
            expanded: Cow::Owned(Expanded::new(catalogue, assignments.to_vec())),
            facts: Cow::Owned(item_facts(catalogue)),
        }
    }

    /// The rules over assignments already [expanded](expand) and facts already worked out,
    /// borrowed as they are.
    pub(crate) fn expanded(
        catalogue: &'a Catalogue,
        tree: &'a OrgTree,
        expanded: &'a Expanded,
        facts: &'a ItemFacts,
    ) -> Self {
        Rules {
            catalogue,
            tree,
            expanded: Cow::Borrowed(expanded),
            facts: Cow::Borrowed(facts),
        }
    }

    /// An approval's finding when `submission` lacks the evidence the catalogue requires for
    /// its item (a data element, when an indicator reading it requires evidence).
    fn evidence_findings(&self, revision: u64, submission: SubmissionRef<'_>) -> Vec<Finding> {
        let required = self
            .facts
            .get(submission.item())
            .is_some_and(|f| f.evidence_required);
        if required && submission.evidence().is_empty() && !submission.value().is_missing() {
            let problem = LedgerProblem::LedgerEvidenceRequired {
                revision,
                item: submission.item().to_owned(),
            };
            vec![Finding::new(&problem, "/action/revision")]
        } else {
            Vec::new()
        }
    }

    /// The assignments the policy decides on: those given, and the inputs of each computed
    /// indicator among them.
    pub fn assignments(&self) -> Vec<Assignment> {
        self.expanded.all().map(Assigned::to_assignment).collect()
    }

    /// The access policy these rules apply.
    pub fn policy(&self) -> Policy<'_> {
        Policy::over(self.tree, &self.expanded, &[])
    }

    /// The assignments in force with `ledger` beside the file's: those the ledger made and
    /// has not withdrawn, with each computed indicator's inputs (none, and nothing computed,
    /// when the ledger assigns nothing; the file's are never copied).
    pub fn in_ledger(&self, ledger: &Ledger) -> Vec<Assignment> {
        if !ledger.has_assignments() {
            return Vec::new();
        }
        expand(self.catalogue, &ledger.assignments())
    }

    /// Appends `action` for `actor` if the rules allow it: first the entry's unit, item and
    /// period ([`Error::InvalidEntry`] with every finding), then the access policy
    /// ([`Error::Denied`]), then the ledger's own workflow checks.
    ///
    /// A decision (approve or return) is checked against the unit of the submission it names;
    /// an explanation needs the indicator assigned to the unit, as a submission does.
    pub fn append<'l>(
        &self,
        ledger: &'l mut Ledger,
        actor: &str,
        action: Action,
    ) -> Result<&'l Entry, Error> {
        let entry = self.prepare(ledger, actor, action, None)?;
        Ok(ledger.accept_prepared(entry))
    }

    /// The entry `action` would become if `actor` appended it to `ledger` now (stamped `now`
    /// by a store, see [`Ledger::append_at`]), after every check of
    /// [`append`](Self::append); the ledger is unchanged. A store writes the entry, then
    /// [accepts](Ledger::accept) it.
    pub fn prepare<'i>(
        &self,
        ledger: &Ledger,
        actor: impl Into<Id<'i>>,
        action: Action,
        now: Option<NaiveDateTime>,
    ) -> Result<Entry, Error> {
        let actor = &*actor.into();
        let action = action.in_nfc().unwrap_or(action);
        let request = match &action {
            Action::Submit { submission } => {
                let findings = self.submission_findings(submission);
                if !findings.is_empty() {
                    return Err(Error::InvalidEntry { findings });
                }
                Request::Submit {
                    unit: submission.unit.clone(),
                    item: submission.item.clone(),
                    period: submission.period,
                }
            }
            Action::Explain { explanation } => {
                let findings = self.explanation_findings(explanation);
                if !findings.is_empty() {
                    return Err(Error::InvalidEntry { findings });
                }
                Request::Submit {
                    unit: explanation.unit.clone(),
                    item: explanation.indicator.clone(),
                    period: explanation.period,
                }
            }
            Action::Assign { assignment, .. } => {
                let findings = self.assign_findings(ledger, assignment);
                if !findings.is_empty() {
                    return Err(Error::InvalidEntry { findings });
                }
                Request::Assign {
                    assignment: assignment.clone(),
                }
            }
            Action::Withdraw { assignment, .. } => match ledger.assignment_at(*assignment) {
                // Withdrawing is allowed to whoever may make that assignment now.
                Some(made) => Request::Assign {
                    assignment: made.clone(),
                },
                // Not an assignment: the ledger's own check says so.
                None => return ledger.prepare(action, now),
            },
            // A batch comes in by an import only: the ledger's own check says so.
            Action::Import { .. } => return ledger.prepare(action, now),
            // Publishing speaks for the whole tree: the steering body at its root publishes.
            Action::Publish { .. } => {
                let Some(root) = self.tree.chart().units.iter().find(|u| u.parent.is_none()) else {
                    return ledger.prepare(action, now);
                };
                Request::Read {
                    unit: root.id.clone(),
                }
            }
            Action::Approve { revision, .. } | Action::Return { revision, .. } => {
                let unit = match ledger.submission_at(*revision) {
                    Some((submission, _)) => {
                        // Where the catalogue requires evidence, a value without it is returned,
                        // never approved.
                        if matches!(action, Action::Approve { .. }) {
                            let findings = self.evidence_findings(*revision, submission);
                            if !findings.is_empty() {
                                return Err(Error::InvalidEntry { findings });
                            }
                        }
                        Some((
                            submission.unit().to_owned(),
                            submission.submitted_by().to_owned(),
                        ))
                    }
                    _ => None,
                };
                match unit {
                    Some((unit, submitted_by)) => Request::Decide {
                        unit,
                        submitted_by: Some(submitted_by),
                    },
                    // Not a submission: the ledger's own check says so.
                    None => return ledger.prepare(action, now),
                }
            }
        };
        let in_ledger = self.in_ledger(ledger);
        Policy::over(self.tree, &self.expanded, &in_ledger).check(actor, &request)?;
        // Where the chart names persons, the action carries the acting person's name: an
        // approval cannot be signed "Thủ tướng" by a clerk.
        if self.tree.has_persons() {
            let signed = action.signed_by();
            if signed != actor {
                return Err(Error::Denied {
                    actor: actor.to_owned(),
                    reason: crate::org::Denial::SignedByAnother {
                        signed: signed.to_owned(),
                    },
                });
            }
        }
        ledger.prepare(action, now)
    }

    /// A new assignment's problems beside those in force: the file's rows and the ledger's.
    fn assign_findings(&self, ledger: &Ledger, assignment: &Assignment) -> Vec<Finding> {
        let made = ledger.assignment_entries();
        let file = self
            .expanded
            .given()
            .iter()
            .enumerate()
            .map(|(row, a)| (Earlier::Row(row), a));
        let ledger = made
            .iter()
            .map(|m| (Earlier::Entry(m.entry), &m.assignment));
        assignment_findings(
            self.catalogue,
            &crate::catalogue::CurrentCodes::new(self.catalogue),
            self.tree,
            assignment,
            file.chain(ledger),
            &"/action/assignment",
        )
    }

    fn submission_findings(&self, submission: &Submission) -> Vec<Finding> {
        let base = "/action/submission";
        let mut findings = self.unit_findings(&submission.unit, base);
        if self.catalogue.indicator(&submission.item).is_none()
            && self.catalogue.data_element(&submission.item).is_none()
        {
            let problem = FormulaProblem::UnknownReference {
                name: submission.item.clone(),
            };
            findings.push(Finding::new(&problem, format!("{base}/item")));
        }
        findings.extend(self.cycle_finding(&submission.item, submission.period, base));
        findings
    }

    fn explanation_findings(&self, explanation: &Explanation) -> Vec<Finding> {
        let base = "/action/explanation";
        let mut findings = self.unit_findings(&explanation.unit, base);
        if self.catalogue.indicator(&explanation.indicator).is_none() {
            let problem = FormulaProblem::UnknownReference {
                name: explanation.indicator.clone(),
            };
            findings.push(Finding::new(&problem, format!("{base}/indicator")));
        }
        findings.extend(self.cycle_finding(&explanation.indicator, explanation.period, base));
        findings
    }

    fn unit_findings(&self, unit: &str, base: &str) -> Vec<Finding> {
        if self.tree.unit(unit).is_some() {
            return Vec::new();
        }
        let problem = OrgProblem::UnknownUnit {
            unit: unit.to_owned(),
        };
        vec![Finding::new(&problem, format!("{base}/unit"))]
    }

    /// A period of another cycle than the item's ([`Catalogue::cycle_of`]).
    fn cycle_finding(&self, item: &str, period: Period, base: &str) -> Option<Finding> {
        let cycle = self.catalogue.cycle_of(item)?;
        if period.cycle() == cycle {
            return None;
        }
        let problem = LedgerProblem::LedgerWrongCycle {
            period: period.to_string(),
            cycle: crate::json::word(&cycle),
        };
        Some(Finding::new(&problem, format!("{base}/period")))
    }
}
