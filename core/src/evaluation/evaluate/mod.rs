//! The evaluation pipeline ("đánh giá định kỳ"): ledger snapshot → quality → formulas →
//! scores → composites → ranks → progress, for one period, every unit at once.
//!
//! Everything is computed exactly; the one rounding stage is publication: scores and
//! composites are published (and, by default, ranked) at the scheme's precision, half up.
//!
//! This file runs the stages in order; each is its own file: `valuation.rs` (values and
//! scores), `rows.rs` (each unit's published rows and nodes), `ranking.rs` (peer groups,
//! movement, bands), `stability.rs` (the sensitivity reruns) and `unit_quality.rs` (a unit's
//! quality summary and focal officers).

mod ranking;
mod rows;
mod stability;
mod unit_quality;
mod valuation;

use unit_quality::{officers, quality_of};

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::Arc;

use rustc_hash::FxHashMap;

use chrono::NaiveDateTime;
use rust_decimal::Decimal;

use super::gap::ItemNames;
use super::invalid::{self, Invalid};
use super::result::{Evaluation, IndicatorResult, Origin, UnitResult};
use super::tree::{Leaf, composite};
use super::{InvalidPolicy, MissingPolicy, Scheme};
use crate::catalogue::{Catalogue, Indicator, RoundingMode, Scoring};
use crate::columns::LedgerColumns;
use crate::ledger::{Explanation, Ledger};
use crate::org::Setup;
use crate::period::{Cycle, Period};
use crate::quality::LedgerIndex;
use crate::resolver::{Approved, Items, Traced, Values};
use crate::{Error, Text};

/// How far back a last value, or a baseline, is looked for (in periods of the indicator's
/// evaluation cycle: three years of quarters).
const HISTORY_PERIODS: usize = 12;

/// One unit's indicators valued and scored, before anything is published.
struct Scored<'c> {
    unit: String,
    /// Taken when the unit's result is published: each unit's rows freed as its result is
    /// made, not all of them held until the last unit's is (a tenth of a national quarter's
    /// peak memory).
    rows: std::sync::Mutex<Vec<Row<'c>>>,
    leaves: Vec<Leaf<'c>>,
}

/// One indicator's value and scores.
#[derive(Clone)]
struct Row<'c> {
    indicator: &'c Indicator,
    rule: Scoring,
    reference: Period,
    own: Traced,
    origin: Origin,
    merged_from: Vec<String>,
    imputed: Option<(Period, Traced)>,
    fraction_own: Option<Decimal>,
    fraction_imputed: Option<Decimal>,
}

/// Evaluates `period` from `ledger`, read through its `columns`, as approvals stood at the
/// columns' time `as_of`, under `scheme`.
pub(crate) fn evaluate(
    setup: &Setup<'_>,
    ledger: &Ledger,
    columns: &LedgerColumns,
    period: Period,
    as_of: NaiveDateTime,
    scheme: &Scheme,
) -> Result<Evaluation, Error> {
    scheme.check()?;
    same_time(columns, as_of)?;
    let catalogue = setup.catalogue();
    let tree = setup.tree();
    let items = Items::new(catalogue, columns);
    let invalid = Invalid::new(catalogue, ledger, columns, &items);
    let approved = approved_values(scheme, ledger, columns, &invalid);
    let breaches = invalid.within(period);
    let pipeline = Pipeline::new(setup, scheme, &approved, &items);
    let units = pipeline.units(period);
    let scored = pipeline.score(&units, period, true);
    let previous = period.previous();
    // Previous ranks are the published ones where the previous period was published: a late
    // revision to it never moves what was shown. Else the previous period is scored again,
    // for its totals alone: last values are looked for only when the scheme imputes them.
    let published = previous.and_then(|p| ledger.publication_of(p, Some(as_of)));
    let impute = scheme.missing == MissingPolicy::LastValue;
    // Only each unit's total is kept of it: its rows are freed before this period's are
    // published.
    let previous_totals: HashMap<String, Option<Decimal>> = previous
        .filter(|_| published.is_none())
        .map(|p| pipeline.score(&pipeline.units(p), p, impute))
        .into_iter()
        .flatten()
        .map(|s| {
            let c = composite(&s.leaves, scheme, scheme.missing, &|_| Decimal::ONE);
            (s.unit, c.total)
        })
        .collect();
    let explanations = explanations(ledger, columns);

    let precision = scheme.published_places();
    let publish = |d: Decimal| RoundingMode::HalfUp.round(d, precision).normalize();
    let index = LedgerIndex::over(ledger, columns);
    let invalid_by_unit = by_unit(&breaches, period);
    let names = ItemNames::new(catalogue);
    // Each unit's publication and quality report read only shared, settled inputs: spread
    // over the cores, joined in the units' order.
    let unit_result = |s: &Scored<'_>| {
        let values = Values::for_unit(&approved, Arc::clone(&items), &s.unit);
        let focal = officers(setup, &s.unit, period);
        let officer = |item: &str| focal.get(item).cloned();
        let unit = tree.unit(&s.unit);
        let c = composite(&s.leaves, scheme, scheme.missing, &|_| Decimal::ONE);
        let rows = std::mem::take(
            &mut *s
                .rows
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner),
        );
        let indicators = rows
            .iter()
            .map(|row| IndicatorResult {
                focal_officer: officer(&row.indicator.code),
                ..pipeline.publish_row(&values, &s.unit, row, &explanations, &publish)
            })
            .collect();
        let invalid = invalid_by_unit
            .get(s.unit.as_str())
            .map_or(&[][..], Vec::as_slice);
        let quality = quality_of(
            setup, &index, &s.unit, period, as_of, invalid, &names, &officer,
        );
        let (layers, pillars) = pipeline.nodes(&c, &publish);
        let result = UnitResult {
            unit: s.unit.clone(),
            name: unit.map_or_else(|| Text::new(&s.unit, &s.unit), |u| u.name.clone()),
            parent: unit.and_then(|u| u.parent.clone()),
            peer_group: pipeline
                .peer_of
                .get(s.unit.as_str())
                .map(|g| (*g).to_owned()),
            head: tree.head_of(&s.unit).map(Into::into),
            score: c.total.map(publish),
            layers,
            pillars,
            indicators,
            quality,
        };
        (result, c.total)
    };
    let mut results = Vec::new();
    let mut totals: HashMap<String, Option<Decimal>> = HashMap::new();
    for (result, total) in crate::parallel::map(&scored, |s| s.leaves.len(), unit_result) {
        totals.insert(result.unit.clone(), total);
        results.push(result);
    }
    let rankings = pipeline.rankings(
        &results,
        &scored,
        &totals,
        &previous_totals,
        published.map(|(_, p)| p),
    );
    Ok(Evaluation {
        warnings: version_warnings(catalogue, period),
        catalogue: catalogue.id.clone(),
        catalogue_version: catalogue.version.clone(),
        period,
        previous_period: previous,
        previous_publication: published.map(|(sequence, _)| sequence),
        as_of,
        ledger_head: ledger.head().to_owned(),
        scheme: scheme.clone(),
        units: results,
        rankings,
    })
}

/// Columns built as of another time than the evaluation's would see other entries: refused.
fn same_time(columns: &LedgerColumns, as_of: NaiveDateTime) -> Result<(), Error> {
    if columns.as_of() == Some(as_of) {
        return Ok(());
    }
    Err(Error::InvalidArgument {
        name: "columns",
        value: columns
            .as_of()
            .map_or_else(|| "every entry".to_owned(), |t| t.to_string()),
        expected: format!("the ledger's columns as of {as_of}"),
    })
}

struct Pipeline<'a> {
    setup: &'a Setup<'a>,
    catalogue: &'a Catalogue,
    scheme: &'a Scheme,
    approved: &'a Approved<'a>,
    /// The item facts every resolver shares.
    items: &'a Arc<Items>,
    /// Group code → its top-level group.
    pillars: HashMap<&'a str, &'a str>,
    /// Unit → the (first) peer group it is ranked in.
    peer_of: HashMap<&'a str, &'a str>,
    /// The flows among the indicators (counts summed over time).
    flows: HashSet<&'a str>,
}

impl<'a> Pipeline<'a> {
    fn new(
        setup: &'a Setup<'a>,
        scheme: &'a Scheme,
        approved: &'a Approved<'a>,
        items: &'a Arc<Items>,
    ) -> Self {
        let catalogue = setup.catalogue();
        Pipeline {
            items,
            setup,
            catalogue,
            scheme,
            approved,
            pillars: pillars(catalogue),
            peer_of: setup
                .tree()
                .chart()
                .peer_groups
                .iter()
                .rev()
                .flat_map(|g| g.members.iter().map(move |m| (m.as_str(), g.id.as_str())))
                .collect(),
            flows: catalogue
                .indicators
                .iter()
                .filter(|i| catalogue.is_flow(i))
                .map(|i| i.code.as_str())
                .collect(),
        }
    }

    /// The units evaluated in `period`, by id: those assigned an indicator of the scheme's
    /// layers, and every member of a peer group.
    fn units(&self, period: Period) -> Vec<(String, Vec<&'a Indicator>)> {
        let mut units: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
        for unit in self.peer_of.keys() {
            units.entry((*unit).to_owned()).or_default();
        }
        // Each code's (last) indicator, if this period scores it: decided once per indicator,
        // not for each of the million expanded assignments.
        let mut position: FxHashMap<&str, usize> = FxHashMap::default();
        for (i, indicator) in self.catalogue.indicators.iter().enumerate() {
            position.insert(indicator.code.as_str(), i);
        }
        position.retain(|_, &mut i| {
            let indicator = &self.catalogue.indicators[i];
            // A monthly evaluation scores what is reported monthly; a longer one also reads an
            // indicator of a longer cycle at its last full period (its result names it).
            let read = period.cycle() != Cycle::Monthly || indicator.cycle == Cycle::Monthly;
            read && self.scheme.layers.contains(&indicator.layer)
                && indicator.scoring_rule().is_some()
        });
        for a in self.setup.expanded() {
            let Some(&i) = position.get(a.item) else {
                continue;
            };
            if !a.covers(period) {
                continue;
            }
            // The unit's name copied once, not for each of its assignments.
            match units.get_mut(a.unit()) {
                Some(set) => {
                    set.insert(i);
                }
                None => {
                    units.insert(a.unit().to_owned(), BTreeSet::from([i]));
                }
            }
        }
        units
            .into_iter()
            .map(|(unit, set)| {
                let indicators = set
                    .into_iter()
                    .map(|i| &self.catalogue.indicators[i])
                    .collect();
                (unit, indicators)
            })
            .collect()
    }

    fn pillar_of(&self, indicator: &'a Indicator) -> &'a str {
        self.pillars
            .get(indicator.group.as_str())
            .copied()
            .unwrap_or(&indicator.group)
    }
}

/// The values approved by the columns' time, those failing an error-level rule withheld as
/// `invalid` unless the scheme scores them.
fn approved_values<'c>(
    scheme: &Scheme,
    ledger: &'c Ledger,
    columns: &'c LedgerColumns,
    invalid: &'c Invalid<'_>,
) -> Approved<'c> {
    match scheme.invalid {
        InvalidPolicy::Missing => Approved::withholding(ledger, columns, invalid),
        InvalidPolicy::Scored => Approved::new(ledger, columns),
    }
}

/// A period that ended before the catalogue version took effect was not evaluated under the
/// version in force for it: the result says so.
fn version_warnings(catalogue: &Catalogue, period: Period) -> Vec<crate::Finding> {
    let (_, last) = period.date_range(&crate::period::Calendar::Calendar);
    if last >= catalogue.effective_from {
        return Vec::new();
    }
    let problem = crate::catalogue::CatalogueProblem::CatalogueNotInForce {
        version: catalogue.version.clone(),
        from: catalogue.effective_from.to_string(),
        period: period.to_string(),
    };
    vec![crate::Finding::new(&problem, "/period")]
}

/// The breaches within `period`, by unit.
fn by_unit<'b, 'c>(
    breaches: &'b [invalid::Breach<'c>],
    period: Period,
) -> FxHashMap<&'c str, Vec<&'b invalid::Breach<'c>>> {
    let mut out: FxHashMap<&str, Vec<&invalid::Breach>> = FxHashMap::default();
    for b in breaches.iter().filter(|b| period.contains(&b.period)) {
        out.entry(b.unit).or_default().push(b);
    }
    out
}

/// The latest explanation of each (unit, indicator, period) entered by `as_of`, with its
/// entry's sequence number.
type Explanations<'l> = FxHashMap<(&'l str, &'l str, Period), (u64, &'l Explanation)>;

fn explanations<'l>(ledger: &'l Ledger, columns: &LedgerColumns) -> Explanations<'l> {
    let mut out = FxHashMap::default();
    for ((_, _, period), at) in columns.explanations() {
        let Some(explanation) = crate::columns::explanation(ledger, at) else {
            continue;
        };
        // The latest explanation with a part left blank explains nothing (the quality check
        // names it `complete.explanation_empty`): it is neither counted nor printed.
        if !explanation.blank_parts().is_empty() {
            continue;
        }
        let key = (
            explanation.unit.as_str(),
            explanation.indicator.as_str(),
            period,
        );
        let sequence = ledger.entries().get(at as usize).map_or(0, |e| e.sequence);
        out.insert(key, (sequence, explanation));
    }
    out
}

/// Every group code mapped to its top-level group (its pillar).
fn pillars(catalogue: &Catalogue) -> HashMap<&str, &str> {
    let mut out = HashMap::new();
    for top in &catalogue.groups {
        let mut walked = Vec::new();
        top.walk("", &mut walked);
        for (_, g) in walked {
            out.insert(g.code.as_str(), top.code.as_str());
        }
    }
    out
}
