//! A unit's data quality as the evaluation keeps it, and who answers for each item.

use crate::evaluation::gap::Gap;
use crate::evaluation::gap::GapKind;
use crate::evaluation::gap::ItemNames;
use crate::evaluation::invalid;
use crate::evaluation::result::QualitySummary;
use crate::org::Head;
use crate::org::Setup;
use crate::period::Period;
use crate::quality::LedgerIndex;
use crate::quality::Quality;
use chrono::NaiveDateTime;
use rustc_hash::FxHashMap;
use std::sync::Arc;

/// Who answers for each of `unit`'s items in `period`: its focal officer, by name where the
/// chart names the person.
pub(super) fn officers<'r>(
    setup: &Setup<'r>,
    unit: &str,
    period: Period,
) -> FxHashMap<&'r str, Arc<Head>> {
    let tree = setup.tree();
    // One officer answers for most of a unit's items: each person is named once, and their
    // items share it (a national quarter named half a million copies of a few thousand).
    let mut named: FxHashMap<&str, Arc<Head>> = FxHashMap::default();
    setup
        .expanded_of(unit)
        .filter(|a| a.covers(period))
        .map(|a| {
            let id = a.given.focal_officer.as_str();
            let head = named.entry(id).or_insert_with(|| {
                Arc::new(tree.person(id).map_or_else(
                    || Head {
                        person: id.to_owned(),
                        name: id.to_owned(),
                    },
                    Head::from,
                ))
            });
            (a.item, Arc::clone(head))
        })
        .collect()
}

/// A unit's data quality as of `as_of` and the gaps a report names: the quality findings of
/// a [gap's kind](GapKind::of_finding) and `breaches`, the unit's values in `period` that fail
/// an error-level rule, each with the focal officer `officer` names for its item and the
/// item's code as `names` shares it.
#[allow(clippy::too_many_arguments)] // one unit's inputs, each read once
pub(super) fn quality_of(
    setup: &Setup<'_>,
    index: &LedgerIndex<'_>,
    unit: &str,
    period: Period,
    as_of: NaiveDateTime,
    breaches: &[&invalid::Breach<'_>],
    names: &ItemNames<'_>,
    officer: &dyn Fn(&str) -> Option<Arc<Head>>,
) -> Option<QualitySummary> {
    let gap = |kind| GapKind::of_flaw(kind).is_some();
    let checks = Quality::of(setup);
    let q = checks.summary_in(index, unit, period, as_of, gap).ok()?;
    let findings = q.kept.iter().filter_map(|f| {
        Some(Gap {
            code: GapKind::of_flaw(f.kind)?,
            item: names.shared(f.item),
            period: (f.period != period).then_some(f.period),
            revision: f.revision,
            focal_officer: officer(f.item),
        })
    });
    let invalid = breaches.iter().map(|b| Gap {
        code: GapKind::Invalid,
        item: names.shared(b.item),
        period: (b.period != period).then_some(b.period),
        revision: Some(b.revision),
        focal_officer: officer(b.item),
    });
    // Sized once: a unit names hundreds of gaps, and a vector grown by doubling them was
    // the summary's largest share of fresh, zeroed pages.
    let mut gaps = Vec::with_capacity(q.kept.len() + breaches.len());
    gaps.extend(findings.chain(invalid));
    Some(QualitySummary {
        score: q.score,
        completeness: q.completeness,
        gaps,
    })
}
