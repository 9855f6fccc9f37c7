//! Complete ("đủ"): every assigned item reported, nothing left returned, past gaps filled.

use rust_decimal::Decimal;

use super::index::Held;
use super::{Context, Flaw, found::Found};
use crate::period::Period;

pub(super) fn check_item<'q>(
    cx: &Context<'q, '_>,
    item: &'q str,
    held: &Held<'_>,
    out: &mut Vec<Found<'q>>,
) {
    let revisions = &held.revisions;
    match (revisions.last(), held.standing) {
        (None, _) if cx.expected.contains(item) => cx.push(out, Flaw::Missing, item, None),
        (Some(last), None) => {
            let reason = revisions
                .iter()
                .rev()
                .find_map(|r| r.returned_for)
                .unwrap_or_default()
                .to_owned();
            cx.push(out, Flaw::Returned { reason }, item, Some(last.sequence));
        }
        _ => {}
    }
    if cx.expected.contains(item) {
        backfill(cx, item, out);
    }
}

/// The earlier periods, up to [`HISTORY_PERIODS`](super::HISTORY_PERIODS) back, that an assignment covered, whose
/// deadline has passed, and that still have no value standing.
fn backfill<'q>(cx: &Context<'q, '_>, item: &'q str, out: &mut Vec<Found<'q>>) {
    let held = cx.by_item.get(item);
    let mut gaps: Vec<Period> = cx
        .due_before
        .iter()
        .filter(|&&period| held.is_some_and(|held| held.iter().any(|a| a.covers(period))))
        .filter(|&&period| !cx.stands(item, period))
        .copied()
        .collect();
    if gaps.is_empty() {
        return;
    }
    gaps.reverse();
    let periods = gaps.iter().map(ToString::to_string).collect();
    cx.push(out, Flaw::Backfill { periods }, item, None);
}

/// `100 × reported / expected`, one decimal, half up; `None` when nothing is expected.
pub(super) fn percentage(reported: usize, expected: usize) -> Option<Decimal> {
    if expected == 0 {
        return None;
    }
    let exact = Decimal::from(100) * Decimal::from(reported) / Decimal::from(expected);
    Some(super::score::one_decimal(exact))
}
