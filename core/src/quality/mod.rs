//! Data quality ("chất lượng dữ liệu"): is a unit's reporting for a period correct, complete,
//! clean and live ("đúng, đủ, sạch, sống"), as the letters require?
//!
//! [`Quality::check`] reads the ledger and reports, for one unit and period, every finding
//! with a stable code, its [`Dimension`], severity, item, period and revision, in Vietnamese
//! and English, and turns them into a documented [`score`] from 0 to 100.
//!
//! Each finding's code, dimension (its first word) and severity are declared once on [`Flaw`];
//! `docs/PROBLEMS.md` lists them (a rule's flaw takes the rule's own severity).
//!
//! What is expected: the items assigned to the unit for the period (a computed indicator
//! brings its inputs, see [`crate::org::expand`]) that it reports itself and whose
//! cycle ([`Catalogue::cycle_of`]) is the period's.
//!
//! An indicator is off track by the one definition the evaluation also uses
//! ([`crate::progress::standing`]): its target (the next milestone) not met and its pace since
//! the baseline below the pace needed, a flow judged at a yearly pace.

mod clean;
mod complete;
mod correct;
mod explain;
mod flaw;
mod found;
mod index;
mod live;
mod outlier;
mod report;
mod rules;
mod score;

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::rc::Rc;

use rustc_hash::FxHashSet;

use chrono::{NaiveDate, NaiveDateTime};

pub use flaw::{Dimension, Flaw};
pub use outlier::{MIN_SAMPLE, is_outlier};
pub use report::{DimensionScore, ItemCheck, QualityFinding, QualityReport};
pub use score::score;

pub(crate) use self::flaw::FlawKind;
pub(crate) use self::found::Found;

pub(crate) use self::index::LedgerIndex;
pub(crate) use self::rules::broken as rule_broken;
use crate::catalogue::Catalogue;
pub(crate) use crate::catalogue::{Facts, item_facts};
use crate::columns::UnitCells;
use crate::ledger::Ledger;
use crate::org::{Assigned, Assignment, Expanded, OrgTree, Setup};
use crate::period::{Cycle, Period, ReportingCalendar};
use crate::resolver::Values;
use crate::{Error, Severity};

/// How many earlier periods of its own a unit's value is compared with.
pub const HISTORY_PERIODS: usize = 12;

/// What the quality of reporting is judged against: the catalogue, the tree (peer groups),
/// the assignments and the reporting calendar (deadlines).
///
/// ```
/// use chiso::Catalogue;
/// use chiso::ledger::Ledger;
/// use chiso::org::{Assignment, OrgTree};
/// use chiso::period::ReportingCalendar;
/// use chiso::quality::Quality;
/// let nq57 = Catalogue::nq57();
/// let tree = OrgTree::from_json(r#"{"units": [
///   {"id": "BCD", "name": {"vi": "Ban Chỉ đạo", "en": "Steering committee"}, "kind": "central"},
///   {"id": "DN", "name": {"vi": "Đồng Nai", "en": "Dong Nai"}, "kind": "province", "parent": "BCD"}]}"#)?;
/// let assignments: Vec<Assignment> = serde_json::from_str(r#"[{"unit": "DN", "item": "C01",
///   "role": "lead", "focal_officer": "can_bo_1", "from": "2026-Q1", "assigned_by": "BCD"}]"#).unwrap();
/// let calendar = ReportingCalendar::default();
/// let quality = Quality::new(&nq57, &tree, &assignments, &calendar);
/// let report = quality.check(&Ledger::default(), "DN", "2026-Q2".parse()?, "2026-07-01T00:00:00".parse().unwrap())?;
/// assert_eq!(report.expected, 1); // C01's one input, sandbox_van_hanh
/// assert_eq!(report.completeness.unwrap().to_string(), "0.0");
/// assert!(report.findings.iter().any(|f| f.code == "complete.missing"));
/// # Ok::<(), chiso::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Quality<'a> {
    catalogue: &'a Catalogue,
    tree: &'a OrgTree,
    /// The expanded assignments, by unit (a national ledger has thousands of units).
    assignments: Cow<'a, Expanded>,
    calendar: &'a ReportingCalendar,
    facts: Cow<'a, rustc_hash::FxHashMap<String, Facts>>,
}

/// What every check reads.
struct Inputs<'q, 'l> {
    catalogue: &'q Catalogue,
    tree: &'q OrgTree,
    /// The unit's own (expanded) assignments, by item.
    by_item: Rc<rustc_hash::FxHashMap<&'q str, Vec<Assigned<'q>>>>,
    calendar: &'q ReportingCalendar,
    facts: &'q rustc_hash::FxHashMap<String, Facts>,
    index: &'q LedgerIndex<'l>,
    unit: &'q str,
    /// The unit's cells, gathered once for all its checks (`None` for a unit without any).
    cells: Option<&'q UnitCells>,
    period: Period,
    as_of: NaiveDateTime,
    deadline: NaiveDate,
    /// The items the unit must report for the period.
    expected: BTreeSet<&'q str>,
    /// The [`HISTORY_PERIODS`] periods before this one whose deadline has passed, latest
    /// first, where earlier periods still missing are looked for (in the report's own period,
    /// and in the first shorter one within it: its later ones would list the same months
    /// again): worked out once for every item's backfill.
    due_before: Vec<Period>,
    /// The unit's own earlier periods of this period's cycle that it reported in, the last
    /// [`HISTORY_PERIODS`] of them, oldest first: where a value's history is read, the same
    /// for every item.
    history: Vec<Period>,
    /// Whether findings keep their details, to be worded (a report) or not (a summary).
    detail: bool,
}

impl<'a> Quality<'a> {
    /// The quality checks over a catalogue, a tree, the assignments as given and a calendar.
    pub fn new(
        catalogue: &'a Catalogue,
        tree: &'a OrgTree,
        assignments: &[Assignment],
        calendar: &'a ReportingCalendar,
    ) -> Self {
        Quality {
            catalogue,
            tree,
            assignments: Cow::Owned(Expanded::new(catalogue, assignments.to_vec())),
            calendar,
            facts: Cow::Owned(item_facts(catalogue)),
        }
    }

    /// The checks over a round's [`Setup`]: assignments already [expanded](expand) and facts
    /// already derived, borrowed as they are.
    pub(crate) fn of(setup: &Setup<'a>) -> Self {
        Quality {
            catalogue: setup.catalogue,
            tree: setup.tree,
            assignments: Cow::Borrowed(setup.expanded),
            calendar: setup.calendar,
            facts: Cow::Borrowed(setup.facts),
        }
    }

    /// The quality report of `unit` for `period`, as of `as_of` (which decides what is late,
    /// overdue or stale). Fails only on a unit not in the tree or a hand-built calendar out of
    /// range.
    pub fn check(
        &self,
        ledger: &Ledger,
        unit: &str,
        period: Period,
        as_of: NaiveDateTime,
    ) -> Result<QualityReport, Error> {
        self.check_in(&LedgerIndex::new(ledger, as_of), unit, period, as_of)
    }

    /// [`Quality::check`] on a ledger already indexed (an evaluation checks every unit
    /// against one index).
    pub(crate) fn check_in(
        &self,
        index: &LedgerIndex<'_>,
        unit: &str,
        period: Period,
        as_of: NaiveDateTime,
    ) -> Result<QualityReport, Error> {
        let mut judged = self.judge(index, unit, period, as_of, true)?;
        judged.found.sort_by(|a, b| a.order().cmp(&b.order()));
        judged
            .checks
            .sort_by(|a, b| (&a.item, a.period).cmp(&(&b.item, b.period)));
        let scored = scored(&judged.items, &judged.found);
        Ok(QualityReport {
            unit: unit.to_owned(),
            head: self.tree.head_of(unit).map(Into::into),
            period,
            as_of,
            deadline: judged.deadline,
            expected: judged.expected,
            reported: judged.reported,
            completeness: complete::percentage(judged.reported, judged.expected),
            score: scored.map(|(total, _)| total),
            dimensions: dimensions(scored, &judged.found),
            items: judged.checks,
            // A judgement in detail keeps every finding's flaw: each is worded.
            findings: judged.found.iter().filter_map(Found::worded).collect(),
        })
    }

    /// What an evaluation keeps of the quality report (its score, completeness and the
    /// findings whose kind `keep` accepts, in the report's order), without wording a finding
    /// or listing the items: the same judgement, at a fraction of the cost.
    pub(crate) fn summary_in<'q>(
        &'q self,
        index: &'q LedgerIndex<'_>,
        unit: &'q str,
        period: Period,
        as_of: NaiveDateTime,
        keep: impl Fn(FlawKind) -> bool,
    ) -> Result<Summary<'q>, Error> {
        let judged = self.judge(index, unit, period, as_of, false)?;
        let total = scored(&judged.items, &judged.found).map(|(total, _)| total);
        let mut kept: Vec<Found<'q>> = judged.found.into_iter().filter(|f| keep(f.kind)).collect();
        kept.sort_by(|a, b| a.order().cmp(&b.order()));
        Ok(Summary {
            score: total,
            completeness: complete::percentage(judged.reported, judged.expected),
            kept,
        })
    }

    /// Every check of `unit`'s items for `period` and the shorter periods within it; with
    /// `detail`, each item's standing too.
    fn judge<'q>(
        &'q self,
        index: &'q LedgerIndex<'_>,
        unit: &'q str,
        period: Period,
        as_of: NaiveDateTime,
        detail: bool,
    ) -> Result<Judged<'q>, Error> {
        if self.tree.unit(unit).is_none() {
            return Err(Error::InvalidArgument {
                name: "unit",
                value: unit.to_owned(),
                expected: "a unit of the organisation tree".to_owned(),
            });
        }
        let deadline = self.calendar.deadline(period)?;
        let catalogue = self.catalogue;
        let assignments: Vec<Assigned<'q>> = self.assignments.of(unit).collect();
        // The cycle each assigned item is reported at, in `period` or in a shorter period of it
        // (a quarter's check holds its months' monthly items).
        let cycle_of = |item: &str| {
            self.facts
                .get(item)
                .and_then(|f| f.cycle)
                .unwrap_or(period.cycle())
        };
        let assigned = |p: Period| {
            assignments.iter().filter(move |a| {
                a.covers(p) && self.facts.get(a.item).is_some_and(|f| f.reportable)
            })
        };
        let cycles: BTreeSet<Cycle> = assigned(period)
            .map(|a| cycle_of(a.item))
            .filter(|c| *c <= period.cycle())
            .chain([period.cycle()])
            .collect();
        let mut by_item: rustc_hash::FxHashMap<&str, Vec<Assigned<'q>>> =
            rustc_hash::FxHashMap::default();
        for &a in &assignments {
            by_item.entry(a.item).or_default().push(a);
        }
        let by_item = Rc::new(by_item);
        let cells = index.unit_cells(unit);
        let reported_in: Vec<Period> = index.periods_of(unit).collect();
        let history = |p: Period| {
            let mut earlier: Vec<Period> = reported_in
                .iter()
                .copied()
                .filter(|q| earlier_of_same_cycle(*q, p))
                .collect();
            let keep = earlier.len().saturating_sub(HISTORY_PERIODS);
            earlier.drain(..keep);
            earlier
        };
        let mut contexts = Vec::new();
        for cycle in cycles.into_iter().rev() {
            let periods = if cycle == period.cycle() {
                vec![period]
            } else {
                period.children(cycle)
            };
            for (k, p) in periods.into_iter().enumerate() {
                contexts.push(Inputs {
                    detail,
                    due_before: self.due_before(p, as_of, k == 0),
                    history: history(p),
                    catalogue,
                    tree: self.tree,
                    by_item: Rc::clone(&by_item),
                    calendar: self.calendar,
                    facts: &self.facts,
                    index,
                    unit,
                    cells,
                    period: p,
                    as_of,
                    deadline: self.calendar.deadline(p)?,
                    expected: assigned(p)
                        .filter(|a| cycle_of(a.item) == cycle)
                        .map(|a| a.item)
                        .collect(),
                });
            }
        }
        let mut judged = Judged {
            deadline,
            expected: 0,
            reported: 0,
            items: FxHashSet::default(),
            checks: Vec::new(),
            found: Vec::new(),
        };
        for cx in &contexts {
            judged.expected += cx.expected.len();
            cx.check(&mut judged);
        }
        Ok(judged)
    }
}

/// What [`Quality::summary_in`] keeps of a report.
pub(crate) struct Summary<'q> {
    pub score: Option<rust_decimal::Decimal>,
    pub completeness: Option<rust_decimal::Decimal>,
    /// The findings kept, in the report's order, unworded.
    pub kept: Vec<Found<'q>>,
}

/// Every check of one unit and period, before it is reported.
struct Judged<'q> {
    deadline: NaiveDate,
    expected: usize,
    reported: usize,
    /// The (item, period) pairs judged: expected, reported, or with a finding.
    items: FxHashSet<(&'q str, Period)>,
    /// Each item's standing, when asked for in detail.
    checks: Vec<ItemCheck>,
    found: Vec<Found<'q>>,
}

impl Quality<'_> {
    /// The [`HISTORY_PERIODS`] periods before `period` whose deadline passed by `as_of`,
    /// latest first; none unless `looked_for`.
    fn due_before(&self, period: Period, as_of: NaiveDateTime, looked_for: bool) -> Vec<Period> {
        if !looked_for {
            return Vec::new();
        }
        std::iter::successors(period.previous(), Period::previous)
            .take(HISTORY_PERIODS)
            .filter(|&p| {
                self.calendar
                    .deadline(p)
                    .is_ok_and(|deadline| as_of.date() > deadline)
            })
            .collect()
    }
}

impl<'q, 'l> Inputs<'q, 'l> {
    /// Every check of the unit's items in this context's period: each item's checks, then the
    /// rules and the explanations; in detail, each item's standing.
    fn check(&self, judged: &mut Judged<'q>) {
        let detail = self.detail;
        let mut items: BTreeSet<&'q str> = self.expected.clone();
        items.extend(self.index.items_of(self.unit, self.period));
        let out = &mut judged.found;
        let first = out.len();
        let mut checks = Vec::new();
        for &item in &items {
            let held = self.held(item, self.period);
            complete::check_item(self, item, &held, out);
            correct::check_item(self, item, &held, out);
            clean::check_item(self, item, &held, out);
            let timeliness = live::check_item(self, item, &held, out);
            let standing = held.standing;
            let expected = self.expected.contains(item);
            judged.reported += usize::from(expected && standing.is_some());
            judged.items.insert((item, self.period));
            if detail {
                checks.push(ItemCheck {
                    item: item.to_owned(),
                    period: self.period,
                    expected,
                    status: standing.map(|r| r.status),
                    revision: standing.map(|r| r.sequence),
                    value: standing.map(|r| r.submission.value().clone()),
                    timeliness,
                    findings: 0,
                });
            }
        }
        rules::check(self, &items, out);
        explain::check(self, out);
        let found = &out[first..];
        judged
            .items
            .extend(found.iter().map(|f| (f.item, f.period)));
        if detail {
            let mut per_item: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::default();
            for f in found {
                *per_item.entry(f.item).or_default() += 1;
            }
            for check in &mut checks {
                check.findings = per_item.get(check.item.as_str()).copied().unwrap_or(0);
            }
            judged.checks.extend(checks);
        }
    }

    /// Every revision of the unit's `item` in `period`, and the one standing.
    fn held(&self, item: &str, period: Period) -> index::Held<'l> {
        match self.cells {
            Some(cells) => self.index.held_in(cells, item, period),
            None => index::Held::default(),
        }
    }

    /// The revision of the unit's `item` in `period` in force or awaiting a decision.
    fn standing(&self, item: &str, period: Period) -> Option<index::Revision<'l>> {
        self.index.standing_in(self.cells?, item, period)
    }

    /// Whether a revision of the unit's `item` stands in `period`.
    fn stands(&self, item: &str, period: Period) -> bool {
        self.cells
            .is_some_and(|cells| self.index.stands_in(cells, item, period))
    }

    /// A resolver of the unit's standing values.
    fn values(&self) -> Values<'q> {
        let items = self.index.items(self.catalogue);
        match self.cells {
            Some(cells) => Values::with_cells(self.index, items, cells),
            None => Values::sharing(self.index, items),
        }
    }

    /// Records a flaw of `kind` on `item`, with its details from `flaw` when they are kept.
    fn push(
        &self,
        out: &mut Vec<Found<'q>>,
        kind: FlawKind,
        item: &'q str,
        revision: Option<u64>,
        flaw: impl FnOnce() -> Flaw,
    ) {
        let flaw = self.detail.then(|| {
            let flaw = flaw();
            debug_assert_eq!(flaw.kind(), kind, "a flaw recorded under another kind");
            Box::new(flaw)
        });
        out.push(Found {
            kind,
            flaw,
            item,
            period: self.period,
            revision,
        });
    }
}

/// The score and each dimension's points, over the (item, period) pairs judged.
fn scored(
    judged: &FxHashSet<(&str, Period)>,
    findings: &[Found<'_>],
) -> Option<(rust_decimal::Decimal, [rust_decimal::Decimal; 4])> {
    let costs = findings
        .iter()
        .map(|f| (f.dimension(), (f.item, f.period), f.severity()));
    score::score_by(judged.len(), costs)
}

/// Each dimension's points from `scored`, and its errors and warnings counted in one pass.
fn dimensions(
    scored: Option<(rust_decimal::Decimal, [rust_decimal::Decimal; 4])>,
    findings: &[Found<'_>],
) -> Vec<DimensionScore> {
    let mut counts = [(0, 0); 4];
    for f in findings {
        if let Some(k) = Dimension::ALL.iter().position(|d| *d == f.dimension()) {
            match f.severity() {
                Severity::Error => counts[k].0 += 1,
                Severity::Warning => counts[k].1 += 1,
            }
        }
    }
    Dimension::ALL
        .into_iter()
        .zip(counts)
        .enumerate()
        .map(|(k, (dimension, (errors, warnings)))| DimensionScore {
            dimension,
            points: scored.map(|(_, parts)| parts[k]),
            errors,
            warnings,
        })
        .collect()
}

/// Whether `p` is a period of `period`'s cycle that ends before `period` starts.
#[allow(clippy::maybe_infinite_iter)] // `Period::cycle` is not `Iterator::cycle`
fn earlier_of_same_cycle(p: Period, period: Period) -> bool {
    p.cycle() == period.cycle() && p.last_month_index() < period.first_month_index()
}

/// A decimal as people write it: no trailing zeros after the point.
fn show(value: rust_decimal::Decimal) -> String {
    value.normalize().to_string()
}
