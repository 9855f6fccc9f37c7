//! Correct ("đúng"): the value is of the item's kind and range, and carries the evidence the
//! catalogue requires, with well-formed hashes.

use super::flaw::FlawKind;
use super::index::Held;
use super::{Flaw, Inputs, found::Found};
use crate::Value;
use crate::catalogue::ValueType;

pub(super) fn check_item<'q>(
    cx: &Inputs<'q, '_>,
    item: &'q str,
    held: &Held<'_>,
    out: &mut Vec<Found<'q>>,
) {
    let Some(standing) = held.standing else {
        return;
    };
    let Some(facts) = cx.facts.get(item) else {
        return; // not in the catalogue: the ledger rules refuse such entries
    };
    let submission = standing.submission;
    let revision = Some(standing.sequence);
    if let Some(kind) = kind_or_range(submission.value(), facts.value_type) {
        let flaw = || worded(submission.value(), facts.value_type, kind);
        cx.push(out, kind, item, revision, flaw);
    }
    if facts.evidence_required
        && submission.evidence().is_empty()
        && !submission.value().is_missing()
    {
        let flaw = || Flaw::NoEvidence {
            documents: facts.documents.clone(),
        };
        cx.push(out, FlawKind::NoEvidence, item, revision, flaw);
    }
    for evidence in submission.evidence().iter().filter(|e| !e.has_valid_hash()) {
        let flaw = || Flaw::EvidenceHash {
            file_name: evidence.file_name.clone(),
        };
        cx.push(out, FlawKind::EvidenceHash, item, revision, flaw);
    }
}

/// A value of the wrong kind, or a number outside what the type allows. Missing is of every
/// kind (completeness judges it).
fn kind_or_range(value: &Value, value_type: ValueType) -> Option<FlawKind> {
    match (value, value_type) {
        (Value::Missing(_), _)
        | (Value::Bool(_), ValueType::YesNo)
        | (Value::Text(_), ValueType::Text) => None,
        (Value::Number(n), t) if t != ValueType::Text => {
            t.refuses(*n).map(|_| FlawKind::OutOfRange)
        }
        _ => Some(FlawKind::ValueType),
    }
}

/// The flaw [`kind_or_range`] found, with its details.
fn worded(value: &Value, value_type: ValueType, kind: FlawKind) -> Flaw {
    match (
        kind,
        value
            .as_number()
            .and_then(|n| Some((n, value_type.refuses(n)?))),
    ) {
        (FlawKind::OutOfRange, Some((n, allowed))) => Flaw::OutOfRange {
            value: super::show(n),
            allowed,
        },
        _ => Flaw::ValueType {
            value: value.described(),
            expected: value_type.label(),
        },
    }
}
