//! The ledger read for checking, over its [columns](crate::columns): every revision of every
//! (unit, item, period) with where it stands, and the latest explanation of each (unit,
//! indicator, period).

use std::borrow::Cow;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use chrono::NaiveDateTime;
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;

use crate::Value;
use crate::catalogue::Catalogue;
use crate::columns::{self, Cell, CellId, CodeId, LedgerColumns, UnitCells};
use crate::formula::{self, Compiled};
use crate::ledger::{Action, Explanation, Ledger, RevisionStatus, SubmissionRef};
use crate::org::OrgTree;
use crate::period::Period;
use crate::resolver::Items;

use super::outlier::PeerSample;

/// One submitted revision and its fate.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Revision<'l> {
    /// The `submit` entry's sequence number.
    pub sequence: u64,
    pub submission: SubmissionRef<'l>,
    /// When the ledger received it: the store's recorded time, or the submission's own claim
    /// in an unstamped (format 1) ledger.
    pub received_at: NaiveDateTime,
    pub status: RevisionStatus,
    /// The reason, when it was returned.
    pub returned_for: Option<&'l str>,
}

/// Every revision of one (unit, item, period), oldest first, and the one standing: looked up
/// once for all of an item's checks.
#[derive(Debug, Default)]
pub(crate) struct Held<'l> {
    pub revisions: Vec<Revision<'l>>,
    /// The revision in force or awaiting a decision: the latest one not returned.
    pub standing: Option<Revision<'l>>,
}

/// The ledger and its columns as they stood at a time, with what the checks of every unit
/// share: the peers' samples and the resolver's item facts.
#[derive(Debug)]
pub(crate) struct LedgerIndex<'l> {
    ledger: &'l Ledger,
    columns: Cow<'l, LedgerColumns>,
    /// The numbers in force of every member of a set of peer groups, for an item and period,
    /// sorted: worked out once, read by each member's outlier check.
    peer_samples: Mutex<FxHashMap<PeerKey, Arc<PeerSample>>>,
    /// The resolver's item facts, shared by every unit's checks.
    items: OnceLock<Arc<Items>>,
    /// Each validation rule's two sides compiled (`None` for a side that does not compile),
    /// in the catalogue's order, shared likewise.
    rules: OnceLock<Arc<[CompiledRule]>>,
    /// Each peer group's members by their numbers in the columns (those that reported
    /// anything), in the chart's order of groups: numbered once for every sample gathered.
    peer_members: OnceLock<Vec<Vec<CodeId>>>,
}

/// A validation rule's left and right sides, compiled.
pub(crate) type CompiledRule = Option<(Compiled, Compiled)>;

/// Which peer groups, item (by its number in the columns) and period a peer sample is of:
/// held inline, as every item of every unit asks for one.
type PeerKey = (smallvec::SmallVec<[usize; 2]>, CodeId, Period);

impl<'l> LedgerIndex<'l> {
    /// The ledger as it stood at `as_of`: entries received later (by the store's time, or
    /// their own claim in an unstamped ledger) are not seen, so a past period's quality does
    /// not change when the ledger grows.
    pub fn new(ledger: &'l Ledger, as_of: NaiveDateTime) -> Self {
        let columns = LedgerColumns::new(ledger, Some(as_of));
        LedgerIndex::with(ledger, Cow::Owned(columns))
    }

    /// The ledger read through columns already built as of the time wanted.
    pub fn over(ledger: &'l Ledger, columns: &'l LedgerColumns) -> Self {
        LedgerIndex::with(ledger, Cow::Borrowed(columns))
    }

    fn with(ledger: &'l Ledger, columns: Cow<'l, LedgerColumns>) -> Self {
        LedgerIndex {
            ledger,
            columns,
            peer_samples: Mutex::default(),
            items: OnceLock::new(),
            rules: OnceLock::new(),
            peer_members: OnceLock::new(),
        }
    }

    /// The sample of `groups`' members for `item` in `period`, gathered by `gather` (given the
    /// item's number; each member's number and its own) the first time it is asked for; empty
    /// for an item never reported.
    pub fn peer_sample(
        &self,
        groups: &[usize],
        item: &str,
        period: Period,
        gather: impl FnOnce(CodeId) -> Vec<(CodeId, Decimal)>,
    ) -> Arc<PeerSample> {
        let Some(item) = self.columns.items().id(item) else {
            return Arc::new(PeerSample::of_members(&[]));
        };
        let key = (smallvec::SmallVec::from_slice(groups), item, period);
        // Units checked on other threads may gather the same sample: the first one kept wins,
        // and every gathering gives the same numbers.
        let samples = || {
            self.peer_samples
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
        };
        if let Some(sample) = samples().get(&key) {
            return Arc::clone(sample);
        }
        let sample = Arc::new(PeerSample::of_members(&gather(item)));
        Arc::clone(samples().entry(key).or_insert(sample))
    }

    /// The numbers standing for the members of the peer groups at `groups` (positions in
    /// `tree`'s chart, the tree of the checks sharing this index) for the item numbered `item`
    /// in `period`, each member once, by member number.
    pub fn peer_numbers(
        &self,
        tree: &OrgTree,
        groups: &[usize],
        item: CodeId,
        period: Period,
    ) -> Vec<(CodeId, Decimal)> {
        let columns = &*self.columns;
        let numbered = self.peer_members.get_or_init(|| {
            let units = columns.units();
            let groups = &tree.chart().peer_groups;
            groups
                .iter()
                .map(|g| g.members.iter().filter_map(|m| units.id(m)).collect())
                .collect()
        });
        let mut members: Vec<CodeId> = groups
            .iter()
            .filter_map(|&g| numbered.get(g))
            .flatten()
            .copied()
            .collect();
        members.sort_unstable();
        members.dedup(); // a unit in two of the groups (or listed twice) counts once
        members
            .iter()
            .filter_map(|&m| Some((m, self.standing_number(m, item, period)?)))
            .collect()
    }

    /// The item facts the quality checks' resolvers share.
    pub fn items(&self, catalogue: &Catalogue) -> Arc<Items> {
        Arc::clone(
            self.items
                .get_or_init(|| Items::new(catalogue, &self.columns)),
        )
    }

    /// The catalogue's validation rules compiled, once for every unit's checks.
    pub fn rules(&self, catalogue: &Catalogue) -> Arc<[CompiledRule]> {
        let compile = || {
            catalogue
                .validation_rules
                .iter()
                .map(|rule| {
                    let left = formula::compile(&rule.left.expression, catalogue).ok()?;
                    let right = formula::compile(&rule.right.expression, catalogue).ok()?;
                    Some((left, right))
                })
                .collect()
        };
        Arc::clone(self.rules.get_or_init(compile))
    }

    /// `unit`'s cells, for its many lookups ([`UnitCells`]).
    pub fn unit_cells(&self, unit: &str) -> Option<&UnitCells> {
        self.columns.unit_cells_named(unit)
    }

    /// The cell of `item` in `period` among a unit's `cells`.
    fn cell_in(&self, cells: &UnitCells, item: &str, period: Period) -> Option<&Cell> {
        let columns = &*self.columns;
        columns.cell_at(cells.get(columns.items().id(item)?, period)?)
    }

    /// Every revision of the unit's `item` in `period`, among its `cells`, and the one standing.
    pub fn held_in(&self, cells: &UnitCells, item: &str, period: Period) -> Held<'l> {
        self.cell_in(cells, item, period)
            .map_or_else(Held::default, |cell| self.held_of(cell))
    }

    /// Whether a revision of the unit's `item` stands in `period`, among its `cells` (without
    /// reading the revision from the ledger).
    pub fn stands_in(&self, cells: &UnitCells, item: &str, period: Period) -> bool {
        self.cell_in(cells, item, period)
            .is_some_and(|cell| cell.standing().is_some())
    }

    /// The revision of the unit's `item` in `period` in force or awaiting a decision (the latest
    /// one not returned), among its `cells`.
    pub fn standing_in(
        &self,
        cells: &UnitCells,
        item: &str,
        period: Period,
    ) -> Option<Revision<'l>> {
        self.revision(self.cell_in(cells, item, period)?.standing()?)
    }

    /// The numbers standing for the unit's `item` in each of `periods` where one does, in
    /// order, among its `cells`: the item looked up once, and of each revision only its value
    /// read from the ledger (a value's history, read for every item of every unit).
    pub fn standing_numbers(
        &self,
        cells: &UnitCells,
        item: &str,
        periods: &[Period],
    ) -> Vec<Decimal> {
        let columns = &*self.columns;
        let Some(id) = columns.items().id(item) else {
            return Vec::new();
        };
        periods
            .iter()
            .filter_map(|&p| {
                let standing = columns.cell_at(cells.get(id, p)?)?.standing()?;
                columns::submission(self.ledger, standing)?
                    .value()
                    .as_number()
            })
            .collect()
    }

    fn revision(&self, r: &columns::Revision) -> Option<Revision<'l>> {
        let ledger: &'l Ledger = self.ledger;
        let submission = columns::submission(ledger, r)?;
        Some(Revision {
            sequence: columns::sequence(ledger, r)?,
            submission,
            received_at: columns::received_at(ledger, r, submission)?,
            status: r.status,
            returned_for: r.returned_by().and_then(|at| {
                match &ledger.entries().get(at as usize)?.action {
                    Action::Return { reason, .. } => Some(reason.as_str()),
                    _ => None,
                }
            }),
        })
    }

    /// Every revision of a cell and the one standing.
    fn held_of(&self, cell: &Cell) -> Held<'l> {
        Held {
            revisions: cell
                .revisions
                .iter()
                .filter_map(|r| self.revision(r))
                .collect(),
            standing: cell.standing().and_then(|r| self.revision(r)),
        }
    }

    /// The number standing for the unit numbered `unit`'s item numbered `item` in `period`, if
    /// one does.
    fn standing_number(&self, unit: CodeId, item: CodeId, period: Period) -> Option<Decimal> {
        use crate::resolver::Source as _;
        let cell = self.columns.cell_id(unit, item, period)?;
        self.get(cell)?.0.as_number()
    }

    /// The latest explanation.
    pub fn explanation(
        &self,
        unit: &str,
        indicator: &str,
        period: Period,
    ) -> Option<&'l Explanation> {
        let columns = &*self.columns;
        let at = columns.explanation(
            columns.units().id(unit)?,
            columns.items().id(indicator)?,
            period,
        )?;
        let ledger: &'l Ledger = self.ledger;
        columns::explanation(ledger, at)
    }

    /// The periods a unit reported anything for, in order.
    pub fn periods_of(&self, unit: &str) -> impl Iterator<Item = Period> + '_ {
        let columns = &*self.columns;
        columns
            .units()
            .id(unit)
            .into_iter()
            .flat_map(|u| columns.periods_of(u))
    }

    /// The items a unit reported anything for in a period, in code order: named by the
    /// columns, without reading each cell's first submission from the ledger.
    pub fn items_of(&self, unit: &str, period: Period) -> Vec<&str> {
        let columns = &*self.columns;
        let mut items: Vec<&str> = columns
            .units()
            .id(unit)
            .into_iter()
            .flat_map(|u| columns.cells_of(u))
            .filter(|(_, cell)| cell.period == period && !cell.revisions.is_empty())
            .map(|(_, cell)| columns.items().name(cell.item))
            .collect();
        items.sort_unstable();
        items
    }
}

/// The quality checks resolve values from what stands (the latest revision not returned,
/// approved or awaiting a decision) as the ledger stood at the index's time.
impl crate::resolver::Source for LedgerIndex<'_> {
    fn columns(&self) -> &LedgerColumns {
        &self.columns
    }

    fn get(&self, id: CellId) -> Option<(&Value, u64)> {
        let standing = self.columns.cell_at(id)?.standing()?;
        let submission = columns::submission(self.ledger, standing)?;
        Some((
            submission.value(),
            columns::sequence(self.ledger, standing)?,
        ))
    }

    fn none_up_to(&self, period: Period) -> bool {
        self.columns.none_received_up_to(period)
    }

    fn none_of_up_to(&self, item: CodeId, period: Period) -> bool {
        self.columns.none_received_of_up_to(item, period)
    }
}
