//! Clean ("sạch"): no revision repeated unchanged, no two different values awaiting a
//! decision, no implausible outlier, no foreign unit of measure.

use rust_decimal::Decimal;

use super::flaw::FlawKind;
use super::index::{Held, Revision};
use super::outlier::{is_outlier_sorted, is_outlier_without};
use super::{Flaw, Inputs, found::Found, is_outlier, show};
use crate::ledger::{RevisionStatus, SubmissionRef};

pub(super) fn check_item<'q>(
    cx: &Inputs<'q, '_>,
    item: &'q str,
    held: &Held<'_>,
    out: &mut Vec<Found<'q>>,
) {
    let revisions = &held.revisions;
    for pair in revisions.windows(2) {
        let (earlier, later) = (&pair[0], &pair[1]);
        if earlier.status != RevisionStatus::Returned
            && same_content(earlier.submission, later.submission)
        {
            let flaw = || Flaw::Duplicate {
                earlier: earlier.sequence,
            };
            cx.push(out, FlawKind::Duplicate, item, Some(later.sequence), flaw);
        }
    }
    conflict(cx, item, revisions, out);
    let Some(standing) = held.standing else {
        return;
    };
    let revision = Some(standing.sequence);
    if let (Some(written), Some(facts)) = (standing.submission.measure(), cx.facts.get(item)) {
        // Compared letter by letter in lower case, without a lowered copy of either; the
        // catalogue's own spelling, what nearly every value carries, is known at once.
        let same = |unit: &str| {
            unit == written
                || unit
                    .trim()
                    .chars()
                    .flat_map(char::to_lowercase)
                    .eq(written.trim().chars().flat_map(char::to_lowercase))
        };
        if !same(&facts.measure.vi) && !same(&facts.measure.en) {
            let flaw = || Flaw::UnitMismatch {
                written: written.to_owned(),
                expected: facts.measure.clone(),
            };
            cx.push(out, FlawKind::UnitMismatch, item, revision, flaw);
        }
    }
    if let Some(x) = standing.submission.value().as_number() {
        outliers(cx, item, x, revision, out);
    }
}

/// Same value, qualifiers, unit, source and evidence: only who and when differ.
fn same_content(a: SubmissionRef<'_>, b: SubmissionRef<'_>) -> bool {
    a.value() == b.value()
        && a.flags() == b.flags()
        && a.measure() == b.measure()
        && a.source() == b.source()
        && a.evidence() == b.evidence()
}

/// The latest revision awaiting a decision against the earliest other one with a different
/// value.
fn conflict<'q>(
    cx: &Inputs<'q, '_>,
    item: &'q str,
    revisions: &[Revision<'_>],
    out: &mut Vec<Found<'q>>,
) {
    let mut pending = revisions
        .iter()
        .filter(|r| r.status == RevisionStatus::Submitted);
    let Some(latest) = pending.clone().next_back() else {
        return;
    };
    if let Some(other) = pending.find(|r| r.submission.value() != latest.submission.value()) {
        let flaw = || Flaw::Conflict {
            other: other.sequence,
            other_value: other.submission.value().described(),
            value: latest.submission.value().described(),
        };
        cx.push(out, FlawKind::Conflict, item, Some(latest.sequence), flaw);
    }
}

fn outliers<'q>(
    cx: &Inputs<'q, '_>,
    item: &'q str,
    x: Decimal,
    revision: Option<u64>,
    out: &mut Vec<Found<'q>>,
) {
    let sample: Vec<Decimal> = cx.cells.map_or_else(Vec::new, |cells| {
        cx.index.standing_numbers(cells, item, &cx.history)
    });
    if let Some((true, median)) = is_outlier(x, &sample) {
        let flaw = || Flaw::OutlierHistory {
            value: show(x),
            median: show(median),
            periods: sample.len(),
        };
        cx.push(out, FlawKind::OutlierHistory, item, revision, flaw);
    }
    // The peers' values, gathered once per peer set, item and period for all the units of
    // the evaluation (each unit then sets its own value aside): gathering them for every unit
    // made the check quadratic in the size of a peer group.
    let groups = cx.tree.peer_groups_of(cx.unit);
    let peers = cx.index.peer_sample(groups, item, cx.period, |item| {
        cx.index.peer_numbers(cx.tree, groups, item, cx.period)
    });
    let all = peers.sorted();
    // The unit's own value is among them (it is `x`, the value in force): leave it out once.
    // A member finds its own place; were it not one, a number equal to `x` is left out, the
    // one written as `x` among them (`1.0` is not `1.00`).
    let own = cx
        .cells
        .and_then(|cells| peers.position_of(cells.unit()))
        .or_else(|| {
            let equal = all.partition_point(|v| *v < x)..all.partition_point(|v| *v <= x);
            all[equal.clone()]
                .iter()
                .position(|v| v.serialize() == x.serialize())
                .map(|i| equal.start + i)
                .or((!equal.is_empty()).then_some(equal.start))
        });
    let judged = match own {
        Some(own) if peers.surely_plausible(x, own) => return,
        Some(own) => is_outlier_without(x, all, own),
        None => is_outlier_sorted(x, all),
    };
    let others = all.len() - usize::from(own.is_some());
    if let Some((true, median)) = judged {
        let flaw = || Flaw::OutlierPeers {
            value: show(x),
            median: show(median),
            peers: others,
        };
        cx.push(out, FlawKind::OutlierPeers, item, revision, flaw);
    }
}
