//! Appending under the rules: the unit and item must exist, the period must be one of the
//! item's cycle, and the access policy must allow the actor. A refused entry leaves the
//! ledger unchanged.

use super::{Action, Entry, Ledger};
use crate::catalogue::Catalogue;
use crate::org::{Assignment, OrgTree, Policy, Request};
use crate::{Error, Finding, Problem};

/// What an entry is checked against before it is appended.
#[derive(Debug, Clone, Copy)]
pub struct Rules<'a> {
    /// The indicators and data elements that may be reported.
    pub catalogue: &'a Catalogue,
    /// The units.
    pub tree: &'a OrgTree,
    /// The assignments in force.
    pub assignments: &'a [Assignment],
}

impl Rules<'_> {
    /// Appends `action` for `actor` if the rules allow it: first the submission's unit, item
    /// and period ([`Error::InvalidEntry`] with every finding), then the access policy
    /// ([`Error::Denied`]), then the ledger's own workflow checks.
    ///
    /// A decision (approve or return) is checked against the unit of the submission it names.
    pub fn append<'l>(
        &self,
        ledger: &'l mut Ledger,
        actor: &str,
        action: Action,
    ) -> Result<&'l Entry, Error> {
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
            Action::Approve { revision, .. } | Action::Return { revision, .. } => {
                let index = usize::try_from(revision.saturating_sub(1)).unwrap_or(usize::MAX);
                let unit = match ledger.entries().get(index).map(|e| &e.action) {
                    Some(Action::Submit { submission }) => Some(submission.unit.clone()),
                    _ => None,
                };
                match unit {
                    Some(unit) => Request::Decide { unit },
                    // Not a submission: the ledger's own check says so.
                    None => return ledger.append(action),
                }
            }
        };
        Policy::new(self.tree, self.assignments).check(actor, &request)?;
        ledger.append(action)
    }

    fn submission_findings(&self, submission: &super::Submission) -> Vec<Finding> {
        let mut findings = Vec::new();
        if self.tree.unit(&submission.unit).is_none() {
            let problem = Problem::UnknownUnit {
                unit: submission.unit.clone(),
            };
            findings.push(Finding::new(&problem, "/action/submission/unit"));
        }
        let indicator = self.catalogue.indicator(&submission.item);
        if indicator.is_none() && self.catalogue.data_element(&submission.item).is_none() {
            let problem = Problem::UnknownReference {
                name: submission.item.clone(),
            };
            findings.push(Finding::new(&problem, "/action/submission/item"));
        }
        if let Some(indicator) = indicator
            && submission.period.cycle() != indicator.cycle
        {
            let problem = Problem::LedgerWrongCycle {
                period: submission.period.to_string(),
                cycle: crate::json::word(&indicator.cycle),
            };
            findings.push(Finding::new(&problem, "/action/submission/period"));
        }
        findings
    }
}
