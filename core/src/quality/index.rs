//! The ledger read once for checking: every revision of every (unit, item, period) with where
//! it stands, and the latest explanation of each (unit, indicator, period).

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::rc::Rc;

use chrono::NaiveDateTime;
use rust_decimal::Decimal;

use crate::ledger::{Action, Explanation, Ledger, Status, Submission};
use crate::period::Period;

/// One submitted revision and its fate.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Revision<'l> {
    /// The `submit` entry's sequence number.
    pub sequence: u64,
    pub submission: &'l Submission,
    /// When the ledger received it: the store's recorded time, or the submission's own claim
    /// in an unstamped (format 1) ledger.
    pub received_at: NaiveDateTime,
    pub status: Status,
    /// The reason, when it was returned.
    pub returned_for: Option<&'l str>,
}

/// Revisions and explanations, keyed by unit, then period, then item. (Nested maps, so that a
/// lookup borrows its keys only for the call.)
#[derive(Debug, Default)]
pub(crate) struct LedgerIndex<'l> {
    revisions: HashMap<&'l str, HashMap<Period, BTreeMap<&'l str, Vec<Revision<'l>>>>>,
    explanations: HashMap<&'l str, HashMap<Period, HashMap<&'l str, &'l Explanation>>>,
    /// The periods each unit reported anything for.
    periods: HashMap<&'l str, BTreeSet<Period>>,
    /// The numbers in force of every member of a set of peer groups, for an item and period,
    /// sorted: worked out once, read by each member's outlier check.
    peer_samples: RefCell<HashMap<PeerKey, Rc<[Decimal]>>>,
    /// The resolver's item facts, shared by every unit's checks.
    items: crate::resolver::Items,
}

/// Which peer groups, item and period a peer sample is of.
type PeerKey = (Vec<usize>, String, Period);

impl<'l> LedgerIndex<'l> {
    /// The sample of `groups`' members for `item` in `period`, gathered by `gather` the first
    /// time it is asked for.
    pub fn peer_sample(
        &self,
        groups: &[usize],
        item: &str,
        period: Period,
        gather: impl FnOnce() -> Vec<Decimal>,
    ) -> Rc<[Decimal]> {
        let key = (groups.to_vec(), item.to_owned(), period);
        if let Some(sample) = self.peer_samples.borrow().get(&key) {
            return Rc::clone(sample);
        }
        let sample: Rc<[Decimal]> = gather().into();
        self.peer_samples
            .borrow_mut()
            .insert(key, Rc::clone(&sample));
        sample
    }

    /// The ledger as it stood at `as_of`: entries received later (by the store's time, or
    /// their own claim in an unstamped ledger) are not seen, so a past period's quality does
    /// not change when the ledger grows.
    pub fn new(ledger: &'l Ledger, as_of: NaiveDateTime) -> Self {
        let seen = || {
            ledger
                .entries()
                .iter()
                .filter(move |e| e.effective_at() <= as_of)
        };
        // The first decision on a revision stands (the ledger refuses a second).
        let mut decisions: HashMap<u64, (Status, Option<&'l str>)> = HashMap::new();
        for entry in seen() {
            let (revision, decision) = match &entry.action {
                Action::Approve { revision, .. } => (*revision, (Status::Approved, None)),
                Action::Return {
                    revision, reason, ..
                } => (*revision, (Status::Returned, Some(reason.as_str()))),
                _ => continue,
            };
            decisions.entry(revision).or_insert(decision);
        }
        let mut index = LedgerIndex::default();
        for entry in seen() {
            match &entry.action {
                Action::Submit { submission } => {
                    let (status, returned_for) = decisions
                        .get(&entry.sequence)
                        .copied()
                        .unwrap_or((Status::Submitted, None));
                    let revision = Revision {
                        sequence: entry.sequence,
                        submission,
                        received_at: entry.effective_at(),
                        status,
                        returned_for,
                    };
                    index
                        .revisions
                        .entry(submission.unit.as_str())
                        .or_default()
                        .entry(submission.period)
                        .or_default()
                        .entry(submission.item.as_str())
                        .or_default()
                        .push(revision);
                    index
                        .periods
                        .entry(submission.unit.as_str())
                        .or_default()
                        .insert(submission.period);
                }
                Action::Explain { explanation } => {
                    index
                        .explanations
                        .entry(explanation.unit.as_str())
                        .or_default()
                        .entry(explanation.period)
                        .or_default()
                        .insert(explanation.indicator.as_str(), explanation);
                }
                Action::Approve { .. }
                | Action::Return { .. }
                | Action::Assign { .. }
                | Action::Withdraw { .. }
                | Action::Publish { .. } => {}
            }
        }
        index
    }

    /// The item facts the quality checks' resolvers share.
    pub fn items(&self) -> crate::resolver::Items {
        Rc::clone(&self.items)
    }

    /// Every revision of a key, oldest first.
    pub fn revisions(&self, unit: &str, item: &str, period: Period) -> &[Revision<'l>] {
        self.revisions
            .get(unit)
            .and_then(|periods| periods.get(&period))
            .and_then(|items| items.get(item))
            .map_or(&[], Vec::as_slice)
    }

    /// The revision in force or awaiting a decision: the latest one not returned.
    pub fn standing(&self, unit: &str, item: &str, period: Period) -> Option<&Revision<'l>> {
        self.revisions(unit, item, period)
            .iter()
            .rev()
            .find(|r| r.status != Status::Returned)
    }

    /// The latest explanation.
    pub fn explanation(
        &self,
        unit: &str,
        indicator: &str,
        period: Period,
    ) -> Option<&'l Explanation> {
        self.explanations
            .get(unit)
            .and_then(|periods| periods.get(&period))
            .and_then(|items| items.get(indicator))
            .copied()
    }

    /// The periods a unit reported anything for, in order.
    pub fn periods_of(&self, unit: &str) -> impl Iterator<Item = Period> + '_ {
        self.periods.get(unit).into_iter().flatten().copied()
    }

    /// The items a unit reported anything for in a period, in code order.
    pub fn items_of(&self, unit: &str, period: Period) -> impl Iterator<Item = &'l str> + '_ {
        self.revisions
            .get(unit)
            .and_then(|periods| periods.get(&period))
            .into_iter()
            .flat_map(|items| items.keys().copied())
    }
}

/// The quality checks resolve values from what stands (the latest revision not returned,
/// approved or awaiting a decision) as the ledger stood at the index's time.
impl crate::resolver::Source for LedgerIndex<'_> {
    fn get(&self, unit: &str, item: &str, period: Period) -> Option<(&crate::Value, u64)> {
        self.standing(unit, item, period)
            .map(|r| (&r.submission.value, r.sequence))
    }

    fn none_up_to(&self, _: Period) -> bool {
        false
    }
}
