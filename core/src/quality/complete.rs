//! Complete ("đủ"): every assigned item reported, nothing left returned, past gaps filled.

use rust_decimal::Decimal;

use super::flaw::FlawKind;
use super::index::Held;
use super::{Flaw, Inputs, found::Found};

pub(super) fn check_item<'q>(
    cx: &Inputs<'q, '_>,
    item: &'q str,
    held: &Held<'_>,
    out: &mut Vec<Found<'q>>,
) {
    let revisions = &held.revisions;
    match (revisions.last(), held.standing) {
        (None, _) if cx.expected.contains(item) => {
            cx.push(out, FlawKind::Missing, item, None, || Flaw::Missing);
        }
        (Some(last), None) => {
            let flaw = || Flaw::Returned {
                reason: revisions
                    .iter()
                    .rev()
                    .find_map(|r| r.returned_for)
                    .unwrap_or_default()
                    .to_owned(),
            };
            cx.push(out, FlawKind::Returned, item, Some(last.sequence), flaw);
        }
        _ => {}
    }
    if cx.expected.contains(item) {
        backfill(cx, item, out);
    }
}

/// The earlier periods, up to [`HISTORY_PERIODS`](super::HISTORY_PERIODS) back, that an assignment covered, whose
/// deadline has passed, and that still have no value standing.
fn backfill<'q>(cx: &Inputs<'q, '_>, item: &'q str, out: &mut Vec<Found<'q>>) {
    let held = cx.by_item.get(item);
    let gaps = || {
        cx.due_before
            .iter()
            .filter(|&&period| held.is_some_and(|held| held.iter().any(|a| a.covers(period))))
            .filter(|&&period| !cx.stands(item, period))
    };
    if gaps().next().is_none() {
        return;
    }
    let flaw = || {
        let mut periods: Vec<String> = gaps().map(ToString::to_string).collect();
        periods.reverse(); // oldest first
        Flaw::Backfill { periods }
    };
    cx.push(out, FlawKind::Backfill, item, None, flaw);
}

/// `100 × reported / expected`, one decimal, half up; `None` when nothing is expected.
pub(super) fn percentage(reported: usize, expected: usize) -> Option<Decimal> {
    if expected == 0 {
        return None;
    }
    let exact = Decimal::from(100) * Decimal::from(reported) / Decimal::from(expected);
    Some(super::score::one_decimal(exact))
}
