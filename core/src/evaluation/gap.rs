//! A data gap a report names: an item of a unit missing, late, overdue, without evidence or
//! failing a validation rule. A national evaluation names millions of them, so a gap holds
//! its kind as a value and shares its item's code and its focal officer with the unit's
//! other gaps instead of copying them.

use std::sync::Arc;

use rustc_hash::FxHashMap;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::org::Head;
use crate::period::Period;
use crate::quality::FlawKind;
use crate::term::Term;
use crate::{Catalogue, Text};

/// The kinds of gap, each the code of the quality finding it comes from. Declared in the
/// codes' order, the order reports list them in.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    JsonSchema,
    strum::EnumIter,
    strum::IntoStaticStr,
)]
pub enum GapKind {
    /// Not reported (`complete.missing`).
    #[serde(rename = "complete.missing")]
    #[strum(serialize = "complete.missing")]
    Missing,
    /// Reported without the evidence the catalogue requires (`correct.no_evidence`).
    #[serde(rename = "correct.no_evidence")]
    #[strum(serialize = "correct.no_evidence")]
    NoEvidence,
    /// An approved value failing an error-level validation rule (`correct.rule`), not scored
    /// unless the scheme says otherwise.
    #[serde(rename = "correct.rule")]
    #[strum(serialize = "correct.rule")]
    Invalid,
    /// Submitted after the deadline (`live.late`).
    #[serde(rename = "live.late")]
    #[strum(serialize = "live.late")]
    Late,
    /// Past the deadline and not submitted (`live.overdue`).
    #[serde(rename = "live.overdue")]
    #[strum(serialize = "live.overdue")]
    Overdue,
}

impl GapKind {
    /// The quality finding's code.
    ///
    /// ```
    /// use chiso::evaluation::GapKind;
    /// assert_eq!(GapKind::Overdue.code(), "live.overdue");
    /// assert_eq!(GapKind::of_code("live.overdue"), Some(GapKind::Overdue));
    /// assert_eq!(GapKind::of_code("clean.duplicate"), None);
    /// ```
    pub fn code(self) -> &'static str {
        self.into()
    }

    /// The kind of gap a quality finding coded `code` is, if a report names it as one. A
    /// failed rule is named only from the approved values (the evaluation's own check), not
    /// from the quality finding of the same code.
    pub fn of_finding(code: &str) -> Option<GapKind> {
        GapKind::of_code(code).filter(|kind| *kind != GapKind::Invalid)
    }

    /// The kind coded `code`.
    pub fn of_code(code: &str) -> Option<GapKind> {
        <GapKind as Term>::from_code(code)
    }

    /// The kind of gap a quality flaw of `kind` is, if a report names it as one (a failed
    /// rule is not: see [`of_finding`](Self::of_finding)).
    pub(crate) fn of_flaw(kind: FlawKind) -> Option<GapKind> {
        match kind {
            FlawKind::Missing => Some(GapKind::Missing),
            FlawKind::NoEvidence => Some(GapKind::NoEvidence),
            FlawKind::Late => Some(GapKind::Late),
            FlawKind::Overdue => Some(GapKind::Overdue),
            _ => None,
        }
    }

    /// Its name in a report, in both languages.
    pub fn label(self) -> Text {
        match self {
            GapKind::Missing => Text::new("Thiếu số liệu", "Missing"),
            GapKind::NoEvidence => Text::new("Thiếu minh chứng", "Without evidence"),
            GapKind::Invalid => Text::new("Vi phạm quy tắc kiểm tra", "Failing a validation rule"),
            GapKind::Late => Text::new("Nộp muộn", "Submitted late"),
            GapKind::Overdue => Text::new("Quá hạn chưa nộp", "Overdue"),
        }
    }
}

impl std::fmt::Display for GapKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// One data gap.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Gap {
    /// Its kind, written as the quality finding's code.
    pub code: GapKind,
    /// The item (shared with the unit's other gaps on it).
    #[schemars(with = "String")]
    pub item: Arc<str>,
    /// The shorter period within the evaluated one the gap is in (a month of the quarter, for
    /// an item reported monthly); absent when it is the evaluated period itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub period: Option<Period>,
    /// The revision concerned, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revision: Option<u64>,
    /// The focal officer the item is assigned to, if it is (shared with the unit's other
    /// results on the item).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Head>")]
    pub focal_officer: Option<Arc<Head>>,
}

/// Each item code of a catalogue made once into the string its gaps share.
pub(crate) struct ItemNames<'c>(FxHashMap<&'c str, Arc<str>>);

impl<'c> ItemNames<'c> {
    /// The codes of `catalogue`'s indicators and data elements.
    pub fn new(catalogue: &'c Catalogue) -> Self {
        let codes = catalogue.item_codes();
        ItemNames(codes.map(|code| (code, Arc::from(code))).collect())
    }

    /// `item`'s shared code (a new one for a code the catalogue does not have).
    pub fn shared(&self, item: &str) -> Arc<str> {
        self.0.get(item).map_or_else(|| Arc::from(item), Arc::clone)
    }
}

#[cfg(test)]
mod tests {
    use super::GapKind;

    use strum::IntoEnumIterator;

    use super::FlawKind;

    #[test]
    fn each_kind_is_written_as_its_code_and_read_back() {
        for kind in GapKind::iter() {
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.code()));
            assert_eq!(serde_json::from_str::<GapKind>(&json).unwrap(), kind);
            assert_eq!(GapKind::of_code(kind.code()), Some(kind));
        }
    }

    #[test]
    fn kinds_sort_as_their_codes_do() {
        let all: Vec<GapKind> = GapKind::iter().collect();
        let mut codes: Vec<&str> = all.iter().map(|k| k.code()).collect();
        codes.sort_unstable();
        let kinds: Vec<&str> = all.iter().map(|k| k.code()).collect();
        assert_eq!(codes, kinds);
        assert!(all.windows(2).all(|w| w[0] < w[1]));
    }

    /// A gap kind and the quality flaw it names share one code: the typed link and the
    /// code agree, flaw by flaw.
    #[test]
    fn each_flaw_named_as_a_gap_has_the_gap_kind_of_its_code() {
        let flaws = [
            FlawKind::ValueType,
            FlawKind::OutOfRange,
            FlawKind::Rule(crate::Severity::Error),
            FlawKind::NoEvidence,
            FlawKind::EvidenceHash,
            FlawKind::Missing,
            FlawKind::Returned,
            FlawKind::Backfill,
            FlawKind::ExplanationMissing,
            FlawKind::ExplanationEmpty,
            FlawKind::Duplicate,
            FlawKind::Conflict,
            FlawKind::OutlierHistory,
            FlawKind::OutlierPeers,
            FlawKind::UnitMismatch,
            FlawKind::Late,
            FlawKind::Overdue,
            FlawKind::Stale,
        ];
        for flaw in flaws {
            assert_eq!(
                GapKind::of_flaw(flaw),
                GapKind::of_finding(flaw.code()),
                "{flaw:?}"
            );
        }
        let named: Vec<GapKind> = flaws.into_iter().filter_map(GapKind::of_flaw).collect();
        assert_eq!(named.len(), 4);
    }

    #[test]
    fn a_failed_rule_is_a_gap_only_from_the_approved_values() {
        assert_eq!(GapKind::of_finding("correct.rule"), None);
        assert_eq!(GapKind::of_finding("live.late"), Some(GapKind::Late));
        assert_eq!(GapKind::of_finding("clean.outlier_peers"), None);
    }
}
