//! The values in force: the latest approved revision of every unit, item and period.

use std::collections::BTreeMap;

use chrono::NaiveDateTime;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Evidence, Ledger, RevisionStatus, SubmissionRef};
use crate::Value;
use crate::period::Period;

/// One value in force, with its lineage: the revision it comes from and its evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Snapshotted {
    /// The unit.
    pub unit: String,
    /// The item.
    pub item: String,
    /// The period.
    #[schemars(with = "String")]
    pub period: Period,
    /// The value.
    pub value: Value,
    /// The sequence number of the `submit` entry it comes from.
    pub revision: u64,
    /// When that revision was approved: the time the store recorded the approval, or the
    /// approver's own claim in an unstamped (format 1) ledger.
    #[schemars(with = "String")]
    pub approved_at: NaiveDateTime,
    /// Its evidence.
    pub evidence: Vec<Evidence>,
}

impl Ledger {
    /// The latest approved revision of every (unit, item) for `period`, as approvals stood at
    /// `as_of` (all of them when `None`), ordered by unit then item. "Latest" is the highest
    /// revision approved, so a correction approved after the original replaces it whatever
    /// order other units' entries came in.
    pub fn snapshot(&self, period: Period, as_of: Option<NaiveDateTime>) -> Vec<Snapshotted> {
        self.values_in_force(Some(period), as_of)
    }

    /// [`snapshot`](Ledger::snapshot) of every period at once, ordered by unit, item, then
    /// period: what an evaluation reads history from.
    pub fn approved(&self, as_of: Option<NaiveDateTime>) -> Vec<Snapshotted> {
        self.values_in_force(None, as_of)
    }

    fn values_in_force(
        &self,
        period: Option<Period>,
        as_of: Option<NaiveDateTime>,
    ) -> Vec<Snapshotted> {
        let submissions: BTreeMap<u64, SubmissionRef<'_>> = self
            .submissions()
            .filter(|(_, submission, _)| period.is_none_or(|p| submission.period() == p))
            .map(|(sequence, submission, _)| (sequence, submission))
            .collect();
        let mut latest: BTreeMap<(&str, &str, Period), (u64, NaiveDateTime)> = BTreeMap::new();
        for (revision, status, at) in self.decisions_made() {
            // As the store recorded it where it did; the approver's own claim otherwise.
            if status != RevisionStatus::Approved {
                continue;
            }
            let revision = &revision;
            let Some(submission) = submissions.get(revision) else {
                continue;
            };
            if as_of.is_some_and(|limit| at > limit) {
                continue;
            }
            let key = (submission.unit(), submission.item(), submission.period());
            if latest.get(&key).is_none_or(|(r, _)| revision > r) {
                latest.insert(key, (*revision, at));
            }
        }
        latest
            .into_values()
            .filter_map(|(revision, approved_at)| {
                let s = submissions.get(&revision)?;
                Some(Snapshotted {
                    unit: s.unit().to_owned(),
                    item: s.item().to_owned(),
                    period: s.period(),
                    value: s.value().clone(),
                    revision,
                    approved_at,
                    evidence: s.evidence().to_vec(),
                })
            })
            .collect()
    }
}
