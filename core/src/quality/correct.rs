//! Correct ("đúng"): the value is of the item's kind and range, and carries the evidence the
//! catalogue requires, with well-formed hashes.

use super::index::Held;
use super::{Context, Flaw, found::Found};
use crate::Value;
use crate::catalogue::ValueType;

pub(super) fn check_item<'q>(
    cx: &Context<'q, '_>,
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
    if let Some(flaw) = kind_or_range(&submission.value, facts.value_type) {
        cx.push(out, flaw, item, revision);
    }
    if facts.evidence_required && submission.evidence.is_empty() && !submission.value.is_missing() {
        let flaw = Flaw::NoEvidence {
            documents: facts.documents.clone(),
        };
        cx.push(out, flaw, item, revision);
    }
    for evidence in submission.evidence.iter().filter(|e| !e.has_valid_hash()) {
        let flaw = Flaw::EvidenceHash {
            file_name: evidence.file_name.clone(),
        };
        cx.push(out, flaw, item, revision);
    }
}

/// A value of the wrong kind, or a number outside what the type allows. Missing is of every
/// kind (completeness judges it).
fn kind_or_range(value: &Value, value_type: ValueType) -> Option<Flaw> {
    let fits = match (value, value_type) {
        (Value::Missing(_), _)
        | (Value::Bool(_), ValueType::YesNo)
        | (Value::Text(_), ValueType::Text) => true,
        (Value::Number(n), t) if t != ValueType::Text => {
            return t.refuses(*n).map(|allowed| Flaw::OutOfRange {
                value: super::show(*n),
                allowed,
            });
        }
        _ => false,
    };
    (!fits).then(|| Flaw::ValueType {
        value: value.describe(crate::Lang::En),
        expected: value_type.label(),
    })
}
