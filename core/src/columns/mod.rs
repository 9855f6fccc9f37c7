//! The ledger as columns ("bảng số liệu"): what the evaluation and the quality checks read,
//! built once from a ledger as it stood at a time and brought up to date as entries are
//! appended, so a portal recomputes after every save without reading the ledger again.
//!
//! Units and items are interned once ([`Codes`]); every (unit, item, period) reported is a
//! cell holding the revisions received by the time asked for, oldest first, and the approved
//! value in force (the highest revision approved by then, as [`Ledger::approved`] reads it).
//! Lookups go by interned numbers, never by strings per cell; a revision refers to its ledger
//! entry by position, so the columns hold no copy of the submissions but the values in force.
//!
//! ```
//! use chiso::columns::LedgerColumns;
//! use chiso::ledger::{Action, Ledger};
//! let mut ledger = Ledger::default();
//! let submission = serde_json::from_str(r#"{"unit": "DN", "item": "B01", "period": "2026-05",
//!     "value": {"number": "87.5"}, "source": {"kind": "form"},
//!     "submitted_by": "can_bo_1", "submitted_at": "2026-06-02T09:00:00"}"#).unwrap();
//! let revision = ledger.append(Action::Submit { submission }).unwrap().sequence;
//! let mut columns = LedgerColumns::new(&ledger, None);
//! assert_eq!(columns.approved_values(), 0);
//! let at = "2026-06-03T10:00:00".parse().unwrap();
//! ledger.append(Action::Approve { revision, by: "lanh_dao".into(), at }).unwrap();
//! columns.catch_up(&ledger); // reads the one new entry, not the ledger again
//! assert_eq!(columns.approved_values(), 1);
//! ```

mod codes;
mod earliest;
mod placements;
mod unit_cells;

use chrono::NaiveDateTime;
use rustc_hash::FxHashMap;

pub use codes::{CodeId, Codes};
use earliest::Earliest;
use placements::Placements;
pub(crate) use unit_cells::UnitCells;

use crate::Value;
use crate::ledger::{Action, Batch, Entry, Explanation, Ledger, RevisionStatus, SubmissionRef};
use crate::period::Period;

/// A cell's number among the columns' cells.
pub(crate) type CellId = u32;

/// The key of a cell: unit, item, period.
type Key = (CodeId, CodeId, Period);

/// One revision received by the columns' time, and where it stands then: 16 bytes (its
/// sequence number and when it was received are read from its entry, not kept here).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Revision {
    /// The position in the ledger of the entry holding it (a `submit` entry, or a batch).
    pub entry: u32,
    /// Its row in that batch (0 for a `submit` entry).
    pub row: u32,
    /// The position of the `return` entry when it was returned, else [`NOT_RETURNED`].
    returned: u32,
    /// The first decision on it by the columns' time.
    pub status: RevisionStatus,
}

/// No `return` entry.
const NOT_RETURNED: u32 = u32::MAX;

impl Revision {
    /// The position of the `return` entry, when it was returned.
    pub fn returned_by(&self) -> Option<u32> {
        (self.returned != NOT_RETURNED).then_some(self.returned)
    }
}

/// The approved revision in force of a cell: where its value is held in the ledger (the
/// columns keep no copy of it).
#[derive(Debug, Clone, Copy)]
pub(crate) struct InForce {
    /// The approved revision's sequence number (never 0: sequences start at 1).
    pub revision: std::num::NonZeroU64,
    /// The position of the entry holding it, and its row there.
    pub entry: u32,
    pub row: u32,
}

/// Everything reported for one unit, item and period.
#[derive(Debug, Clone)]
pub(crate) struct Cell {
    pub unit: CodeId,
    pub item: CodeId,
    pub period: Period,
    /// The revisions received by the columns' time, oldest first: almost every cell has one,
    /// held inline (a national ledger's millions of cells each made an allocation of it).
    pub revisions: smallvec::SmallVec<[Revision; 1]>,
    /// The approved value in force at the columns' time.
    pub in_force: Option<InForce>,
}

impl Cell {
    /// The revision in force or awaiting a decision: the latest one not returned.
    pub fn standing(&self) -> Option<&Revision> {
        self.revisions
            .iter()
            .rev()
            .find(|r| r.status != RevisionStatus::Returned)
    }
}

/// Where a `submit` entry went: its cell, and its place among the cell's revisions when it
/// was received by the columns' time.
#[derive(Debug, Clone, Copy)]
struct Placed {
    cell: CellId,
    /// The position in the ledger of the entry holding it, and its row there.
    entry: u32,
    row: u32,
    /// Its place among the cell's revisions, [`UNSEEN`] when it was received later (held in
    /// 16 bytes, as a national ledger places tens of millions).
    revision: u32,
}

/// A revision received after the columns' time: no place among its cell's revisions.
const UNSEEN: u32 = u32::MAX;

/// A decision read before the revision it decides (only a hand-built ledger has one), kept
/// until the revision is read.
#[derive(Debug, Clone, Copy)]
struct Decision {
    status: RevisionStatus,
    /// The decision's entry position.
    entry: u32,
    /// Whether it was taken by the columns' time.
    seen: bool,
}

/// The ledger's submissions, decisions and explanations in columns, as they stood at a time.
/// See the [module](self).
#[derive(Debug, Clone, Default)]
pub struct LedgerColumns {
    as_of: Option<NaiveDateTime>,
    /// How many of the ledger's entries were read, and the hash of the last one (a different
    /// ledger is read again from the start).
    read: usize,
    head: String,
    units: Codes,
    items: Codes,
    cells: Vec<Cell>,
    /// Each unit's cells, by unit number.
    unit_cells: Vec<UnitCells>,
    /// The periods each unit has a revision received in, by unit number.
    unit_periods: Vec<std::collections::BTreeSet<Period>>,
    /// Where each revision (a `submit` entry or a batch's row) went, by sequence number.
    placed: Placements<Placed>,
    early: FxHashMap<u64, Vec<Decision>>,
    /// The latest explanation of each (unit, indicator, period), by entry position.
    explanations: FxHashMap<Key, u32>,
    /// Where the approved values begin, overall and by item.
    earliest_approved: Earliest,
    /// Where the revisions received begin, overall and by item.
    earliest_received: Earliest,
    approved_values: usize,
}

impl LedgerColumns {
    /// The columns of `ledger` as it stood at `as_of`: entries received later (by the store's
    /// time, or their own claim in an unstamped ledger) are not seen, and neither are
    /// approvals given later. `None` sees everything.
    pub fn new(ledger: &Ledger, as_of: Option<NaiveDateTime>) -> Self {
        let mut columns = LedgerColumns {
            as_of,
            ..LedgerColumns::default()
        };
        columns.catch_up(ledger);
        columns
    }

    /// Reads the entries appended to `ledger` since the columns were built or last brought up
    /// to date; a ledger that is not the one read (shorter, or another head where the columns
    /// stopped) is read again from the start.
    pub fn catch_up(&mut self, ledger: &Ledger) {
        let entries = ledger.entries();
        let same = self.read == 0
            || entries
                .get(self.read - 1)
                .is_some_and(|e| e.hash == self.head);
        if !same {
            *self = LedgerColumns {
                as_of: self.as_of,
                ..LedgerColumns::default()
            };
        }
        // Room for every revision still to read, reserved once: grown batch by batch, the
        // cells' vector held up to twice what it needed at a national ledger's peak. (Reserved
        // on an empty vector this is exact; on a catch-up, the usual doubling.)
        let revisions: usize = entries
            .get(self.read..)
            .unwrap_or_default()
            .iter()
            .map(|e| match &e.action {
                Action::Submit { .. } => 1,
                Action::Import { batch } => batch.rows.len(),
                _ => 0,
            })
            .sum();
        self.cells.reserve(revisions);
        self.placed.reserve(revisions);
        for i in self.read..entries.len() {
            // Positions beyond four billion entries cannot be held in memory anyway.
            self.read_entry(entries, u32::try_from(i).unwrap_or(u32::MAX));
        }
        self.read = entries.len();
        self.head = entries.last().map(|e| e.hash.clone()).unwrap_or_default();
    }

    /// The time the columns stand at (`None`: every entry).
    pub fn as_of(&self) -> Option<NaiveDateTime> {
        self.as_of
    }

    /// How many (unit, item, period) have an approved value in force.
    pub fn approved_values(&self) -> usize {
        self.approved_values
    }

    /// How many of the ledger's entries were read.
    pub fn entries_read(&self) -> usize {
        self.read
    }

    fn seen(&self, entry: &Entry) -> bool {
        self.as_of.is_none_or(|limit| entry.effective_at() <= limit)
    }

    fn read_entry(&mut self, entries: &[Entry], position: u32) {
        let Some(entry) = entries.get(position as usize) else {
            return;
        };
        let seen = self.seen(entry);
        let decision = |status| Decision {
            status,
            entry: position,
            seen,
        };
        match &entry.action {
            Action::Submit { submission } => {
                let at = Held {
                    sequence: entry.sequence,
                    entry: position,
                    row: 0,
                    seen,
                };
                self.submit(entries, at, submission.into());
            }
            Action::Import { batch } => self.import(entries, position, entry, batch),
            Action::Approve { revision, .. } => {
                self.decide(entries, *revision, decision(RevisionStatus::Approved));
            }
            Action::Return { revision, .. } => {
                self.decide(entries, *revision, decision(RevisionStatus::Returned));
            }
            Action::Explain { explanation } if seen => {
                let unit = self.units.intern(&explanation.unit);
                let item = self.items.intern(&explanation.indicator);
                self.explanations
                    .insert((unit, item, explanation.period), position);
            }
            Action::Explain { .. }
            | Action::Assign { .. }
            | Action::Withdraw { .. }
            | Action::Publish { .. } => {}
        }
    }

    /// A batch's rows, each submitted, then approved when the batch is.
    fn import(&mut self, entries: &[Entry], position: u32, entry: &Entry, batch: &Batch) {
        let approved_at = batch.approved_at(entry.recorded_at);
        for (row, submission) in batch.rows.iter().enumerate() {
            let received_at = entry.recorded_at.unwrap_or(submission.submitted_at());
            let sequence = batch.sequence_of(entry.sequence, row);
            let at = Held {
                sequence,
                entry: position,
                // A batch holds at most `MAX_BATCH_ROWS` rows.
                row: u32::try_from(row).unwrap_or(u32::MAX),
                seen: self.as_of.is_none_or(|limit| received_at <= limit),
            };
            self.submit(entries, at, submission);
            if let Some(approved_at) = approved_at {
                let decision = Decision {
                    status: RevisionStatus::Approved,
                    entry: position,
                    seen: self.as_of.is_none_or(|limit| approved_at <= limit),
                };
                self.decide(entries, sequence, decision);
            }
        }
    }

    fn submit(&mut self, entries: &[Entry], at: Held, submission: SubmissionRef<'_>) {
        let Held {
            sequence,
            entry: position,
            row,
            seen,
        } = at;
        let unit = self.units.intern(submission.unit());
        let item = self.items.intern(submission.item());
        let period = submission.period();
        let u = unit as usize;
        while self.unit_cells.len() <= u {
            // A unit an explanation named first has no cells yet: each numbered as its own.
            let next = CodeId::try_from(self.unit_cells.len()).unwrap_or(CodeId::MAX);
            self.unit_cells.push(UnitCells::new(next));
        }
        let cell = if let Some(cell) = self.unit_cells[u].get(item, period) {
            cell
        } else {
            let cell = CellId::try_from(self.cells.len()).unwrap_or(CellId::MAX);
            self.cells.push(Cell {
                unit,
                item,
                period,
                revisions: smallvec::SmallVec::new(),
                in_force: None,
            });
            self.unit_cells[u].add(item, period, cell);
            cell
        };
        if seen {
            let u = unit as usize;
            if self.unit_periods.len() <= u {
                self.unit_periods.resize_with(u + 1, Default::default);
            }
            self.unit_periods[u].insert(period);
            self.earliest_received.note(item, period);
        }
        let revision = if seen {
            let revisions = &mut self.cells[cell as usize].revisions;
            revisions.push(Revision {
                entry: position,
                row,
                returned: NOT_RETURNED,
                status: RevisionStatus::Submitted,
            });
            u32::try_from(revisions.len() - 1).unwrap_or(UNSEEN)
        } else {
            UNSEEN
        };
        self.placed.insert(
            sequence,
            Placed {
                cell,
                entry: position,
                row,
                revision,
            },
        );
        // Only a hand-built ledger decides a revision before submitting it.
        if let Some(decisions) = self.early.remove(&sequence) {
            for decision in decisions {
                self.decide(entries, sequence, decision);
            }
        }
    }

    /// Records `decision` on `revision`: the first decision by the columns' time is its
    /// status; an approval by then of a revision higher than the one in force replaces it.
    fn decide(&mut self, entries: &[Entry], revision: u64, decision: Decision) {
        let Some(placed) = self.placed.get(revision) else {
            self.early.entry(revision).or_default().push(decision);
            return;
        };
        if !decision.seen {
            return;
        }
        let cell = &mut self.cells[placed.cell as usize];
        if let Some(r) = cell.revisions.get_mut(placed.revision as usize)
            && r.status == RevisionStatus::Submitted
        {
            r.status = decision.status;
            if decision.status == RevisionStatus::Returned {
                r.returned = decision.entry;
            }
        }
        if decision.status != RevisionStatus::Approved
            || cell
                .in_force
                .as_ref()
                .is_some_and(|f| f.revision.get() >= revision)
        {
            return;
        }
        let Some(revision) = std::num::NonZeroU64::new(revision) else {
            return; // sequences start at 1
        };
        if held_submission(entries, placed.entry, placed.row).is_none() {
            return;
        }
        if cell.in_force.is_none() {
            self.approved_values += 1;
        }
        cell.in_force = Some(InForce {
            revision,
            entry: placed.entry,
            row: placed.row,
        });
        self.earliest_approved.note(cell.item, cell.period);
    }
}

/// What the evaluation and the quality checks read.
impl LedgerColumns {
    /// The units reported for.
    pub(crate) fn units(&self) -> &Codes {
        &self.units
    }

    /// The items reported or explained.
    pub(crate) fn items(&self) -> &Codes {
        &self.items
    }

    /// The number of the cell of `unit`, `item` and `period`.
    pub(crate) fn cell_id(&self, unit: CodeId, item: CodeId, period: Period) -> Option<CellId> {
        self.unit_cells(unit)?.get(item, period)
    }

    /// The cells of `unit`, by item and period.
    pub(crate) fn unit_cells(&self, unit: CodeId) -> Option<&UnitCells> {
        self.unit_cells.get(unit as usize)
    }

    /// The cells of the unit named `unit`; `None` for a unit nothing was reported for.
    pub(crate) fn unit_cells_named(&self, unit: &str) -> Option<&UnitCells> {
        self.unit_cells(self.units.id(unit)?)
    }

    /// How many cells.
    pub(crate) fn cell_count(&self) -> usize {
        self.cells.len()
    }

    /// The cell numbered `id`.
    pub(crate) fn cell_at(&self, id: CellId) -> Option<&Cell> {
        self.cells.get(id as usize)
    }

    /// A unit's cells, in the order they were first submitted, with their numbers.
    pub(crate) fn cells_of(&self, unit: CodeId) -> impl Iterator<Item = (CellId, &Cell)> {
        self.unit_cells(unit)
            .into_iter()
            .flat_map(UnitCells::ids)
            .filter_map(|&id| Some((id, self.cells.get(id as usize)?)))
    }

    /// The periods `unit` has a revision received in, in order.
    pub(crate) fn periods_of(&self, unit: CodeId) -> impl Iterator<Item = Period> + '_ {
        self.unit_periods
            .get(unit as usize)
            .into_iter()
            .flatten()
            .copied()
    }

    /// The position of the latest explanation of `unit`'s `indicator` for `period`.
    pub(crate) fn explanation(
        &self,
        unit: CodeId,
        indicator: CodeId,
        period: Period,
    ) -> Option<u32> {
        self.explanations.get(&(unit, indicator, period)).copied()
    }

    /// Every explanation's key and position.
    pub(crate) fn explanations(
        &self,
    ) -> impl Iterator<Item = ((CodeId, CodeId, Period), u32)> + '_ {
        self.explanations.iter().map(|(k, v)| (*k, *v))
    }

    /// Whether `period` and every period before it are certainly without an approved value
    /// (they end before the earliest approved period begins): a back-scan stops there.
    pub(crate) fn none_up_to(&self, period: Period) -> bool {
        self.earliest_approved.none_up_to(period)
    }

    /// Whether `period` and every period before it are certainly without an approved value of
    /// the item numbered `item`.
    pub(crate) fn none_of_up_to(&self, item: CodeId, period: Period) -> bool {
        self.earliest_approved.none_of_up_to(item, period)
    }

    /// Whether `period` and every period before it are certainly without a revision received
    /// (approved, awaiting a decision or returned): a back-scan over what stands stops there.
    pub(crate) fn none_received_up_to(&self, period: Period) -> bool {
        self.earliest_received.none_up_to(period)
    }

    /// Whether `period` and every period before it are certainly without a revision received
    /// of the item numbered `item`.
    pub(crate) fn none_received_of_up_to(&self, item: CodeId, period: Period) -> bool {
        self.earliest_received.none_of_up_to(item, period)
    }
}

/// The submission of revision `r`.
pub(crate) fn submission<'l>(ledger: &'l Ledger, r: &Revision) -> Option<SubmissionRef<'l>> {
    held_submission(ledger.entries(), r.entry, r.row)
}

/// The sequence number of revision `r`: its `submit` entry's, or its row's in a batch.
pub(crate) fn sequence(ledger: &Ledger, r: &Revision) -> Option<u64> {
    let entry = ledger.entries().get(r.entry as usize)?;
    match &entry.action {
        Action::Submit { .. } => Some(entry.sequence),
        Action::Import { batch } => Some(batch.sequence_of(entry.sequence, r.row as usize)),
        _ => None,
    }
}

/// When the ledger received revision `r`, whose submission is `submission`: the store's
/// recorded time of its entry, or the submission's own claim in an unstamped (format 1)
/// ledger.
pub(crate) fn received_at(
    ledger: &Ledger,
    r: &Revision,
    submission: SubmissionRef<'_>,
) -> Option<NaiveDateTime> {
    let entry = ledger.entries().get(r.entry as usize)?;
    Some(entry.recorded_at.unwrap_or(submission.submitted_at()))
}

/// The value in force `f`, as the ledger holds it.
pub(crate) fn value_in_force<'l>(ledger: &'l Ledger, f: &InForce) -> Option<&'l Value> {
    Some(held_submission(ledger.entries(), f.entry, f.row)?.value())
}

/// The submission held at `row` of the entry at `position`: a `submit` entry's, or a batch's
/// row.
fn held_submission(entries: &[Entry], position: u32, row: u32) -> Option<SubmissionRef<'_>> {
    match &entries.get(position as usize)?.action {
        Action::Submit { submission } => Some(submission.into()),
        Action::Import { batch } => batch.rows.get(row as usize),
        _ => None,
    }
}

/// Where a revision is held and when it was received, as the columns read it.
#[derive(Debug, Clone, Copy)]
struct Held {
    sequence: u64,
    entry: u32,
    row: u32,
    /// Whether it was received by the columns' time.
    seen: bool,
}

/// The explanation of the `explain` entry at `position`.
pub(crate) fn explanation(ledger: &Ledger, position: u32) -> Option<&Explanation> {
    match &ledger.entries().get(position as usize)?.action {
        Action::Explain { explanation } => Some(explanation),
        _ => None,
    }
}
#[cfg(test)]
mod tests {
    use std::mem::size_of;

    /// A national history holds a cell for nearly every row (120 million over ten years of
    /// every commune): what each costs is a budget, not an accident (on 64-bit targets, where
    /// such ledgers are held).
    #[test]
    #[cfg(target_pointer_width = "64")]
    fn a_cell_and_a_revision_stay_within_their_bytes() {
        assert_eq!(size_of::<super::Revision>(), 16);
        assert_eq!(size_of::<Option<super::InForce>>(), 16);
        assert_eq!(size_of::<super::Placed>(), 16);
        assert_eq!(size_of::<crate::period::Period>(), 4);
        assert_eq!(size_of::<Option<crate::period::Period>>(), 4);
        assert!(
            size_of::<super::Cell>() <= 56,
            "{}",
            size_of::<super::Cell>()
        );
    }
}
