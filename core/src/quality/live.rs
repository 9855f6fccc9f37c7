//! Live ("sống"): reported by the deadline, and connected-system values delivered after the
//! period they describe had ended.

use super::flaw::FlawKind;
use super::index::Held;
use super::{Flaw, Inputs, found::Found};
use crate::ledger::SubmissionOrigin;
use crate::period::Timeliness;

/// Judges timeliness on the first revision (a correction does not make a report late), and
/// staleness on the standing one, each by when the ledger received it (a client's
/// `submitted_at` is a claim: a backdated one does not make a late report timely).
pub(super) fn check_item<'q>(
    cx: &Inputs<'q, '_>,
    item: &'q str,
    held: &Held<'_>,
    out: &mut Vec<Found<'q>>,
) -> Timeliness {
    let revisions = &held.revisions;
    let first = revisions.first();
    let timeliness = Timeliness::by(cx.deadline, first.map(|r| r.received_at), cx.as_of);
    match (timeliness, first) {
        (Timeliness::Late, Some(first)) => {
            let flaw = || Flaw::Late {
                deadline: cx.deadline.to_string(),
                submitted: first.received_at.date().to_string(),
            };
            cx.push(out, FlawKind::Late, item, Some(first.sequence), flaw);
        }
        (Timeliness::Missing, _) if cx.expected.contains(item) => {
            let flaw = || Flaw::Overdue {
                deadline: cx.deadline.to_string(),
            };
            cx.push(out, FlawKind::Overdue, item, None, flaw);
        }
        _ => {}
    }
    if let Some(standing) = held.standing
        && let SubmissionOrigin::System { system } = &standing.submission.source()
    {
        let (_, end) = cx.period.date_range(&cx.calendar.calendar);
        let delivered = standing.received_at.date();
        if cx.as_of.date() > end && delivered <= end {
            let flaw = || Flaw::Stale {
                system: system.clone(),
                delivered: delivered.to_string(),
                period_end: end.to_string(),
            };
            cx.push(out, FlawKind::Stale, item, Some(standing.sequence), flaw);
        }
    }
    timeliness
}
