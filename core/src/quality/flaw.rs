//! Every kind of data-quality finding, with its stable code, its dimension, its severity and
//! its messages in Vietnamese and English.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{Severity, Text};

/// The four dimensions of data quality the letters name: "đúng, đủ, sạch, sống".
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
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Dimension {
    /// Correct ("đúng"): the value is of the right kind, in range, keeps the rules, and is
    /// backed by evidence.
    Correct,
    /// Complete ("đủ"): everything assigned is reported, past gaps are filled, and off-track
    /// indicators are explained.
    Complete,
    /// Clean ("sạch"): no duplicates, conflicts, implausible outliers or wrong units.
    Clean,
    /// Live ("sống"): reported on time, and system values current.
    Live,
}

impl Dimension {
    /// Every dimension, in the letters' order.
    pub const ALL: [Dimension; 4] = [
        Dimension::Correct,
        Dimension::Complete,
        Dimension::Clean,
        Dimension::Live,
    ];

    /// The dimension's name in both languages.
    pub fn label(self) -> Text {
        match self {
            Dimension::Correct => Text::new("Đúng", "Correct"),
            Dimension::Complete => Text::new("Đủ", "Complete"),
            Dimension::Clean => Text::new("Sạch", "Clean"),
            Dimension::Live => Text::new("Sống", "Live"),
        }
    }
}

/// A data-quality problem with the details its messages need. Values and numbers are given as
/// already formatted text.
#[derive(Debug, Clone, PartialEq, Eq, strum::EnumIter, strum::EnumMessage)]
#[non_exhaustive]
pub enum Flaw {
    /// The value is not of the item's kind (text for a number, ...).
    ValueType {
        /// The value, as each language writes it.
        value: Text,
        /// The item's value type, in both languages.
        expected: Text,
    },
    /// The value is outside what the item's type allows (a negative count, a ratio above 1).
    OutOfRange {
        /// The value.
        value: String,
        /// The allowed range, in both languages.
        allowed: Text,
    },
    /// A catalogue validation rule does not hold.
    Rule {
        /// The rule's code.
        rule: String,
        /// The rule in words.
        name: Text,
        /// The left side's value and the right side's, formatted.
        left: Text,
        /// The operator.
        operator: &'static str,
        /// The right side's value.
        right: Text,
        /// The rule's declared severity.
        severity: Severity,
    },
    /// The catalogue requires evidence and the value has none.
    NoEvidence {
        /// The kind of document expected, in both languages.
        documents: Option<std::sync::Arc<Text>>,
    },
    /// An evidence document's SHA-256 is not 64 lowercase hex digits.
    EvidenceHash {
        /// The file's name.
        file_name: String,
    },
    /// An assigned item is not reported for the period.
    Missing,
    /// Every revision was returned and none has been sent again.
    Returned {
        /// The reason of the last return.
        reason: String,
    },
    /// Earlier periods of an assigned item are still not reported ("báo cáo bổ sung").
    Backfill {
        /// The periods, oldest first.
        periods: Vec<String>,
    },
    /// An indicator that must be explained has no explanation.
    ExplanationMissing {
        /// Why it must be explained, in both languages.
        why: Text,
    },
    /// An explanation leaves required parts blank.
    ExplanationEmpty {
        /// The blank parts (`causes`, `bottlenecks`, `solutions`).
        parts: Vec<&'static str>,
    },
    /// A revision repeats the one before it unchanged.
    Duplicate {
        /// The earlier revision.
        earlier: u64,
    },
    /// Two revisions await a decision with different values.
    Conflict {
        /// The other revision.
        other: u64,
        /// Its value.
        other_value: Text,
        /// This revision's value.
        value: Text,
    },
    /// The value is far from the unit's own history.
    OutlierHistory {
        /// The value.
        value: String,
        /// The history's median.
        median: String,
        /// How many earlier periods.
        periods: usize,
    },
    /// The value is far from its peers' values for the same period.
    OutlierPeers {
        /// The value.
        value: String,
        /// The peers' median.
        median: String,
        /// How many peers.
        peers: usize,
    },
    /// The unit of measure written with the value is not the catalogue's.
    UnitMismatch {
        /// As written.
        written: String,
        /// The catalogue's unit, in both languages.
        expected: Text,
    },
    /// Reported after the deadline.
    Late {
        /// The deadline.
        deadline: String,
        /// The day it came in.
        submitted: String,
    },
    /// Not reported, and the deadline has passed.
    Overdue {
        /// The deadline.
        deadline: String,
    },
    /// A connected system delivered the value before the period ended and not since.
    Stale {
        /// The system's name.
        system: String,
        /// When it delivered.
        delivered: String,
        /// The period's last day.
        period_end: String,
    },
}

/// A flaw's kind: what its code, dimension and severity follow from, without the details its
/// messages need (an evaluation's quality summary counts findings and words none).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FlawKind {
    ValueType,
    OutOfRange,
    /// A rule, with its declared severity.
    Rule(Severity),
    NoEvidence,
    EvidenceHash,
    Missing,
    Returned,
    Backfill,
    ExplanationMissing,
    ExplanationEmpty,
    Duplicate,
    Conflict,
    OutlierHistory,
    OutlierPeers,
    UnitMismatch,
    Late,
    Overdue,
    Stale,
}

impl FlawKind {
    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            FlawKind::ValueType => "correct.value_type",
            FlawKind::OutOfRange => "correct.out_of_range",
            FlawKind::Rule(_) => "correct.rule",
            FlawKind::NoEvidence => "correct.no_evidence",
            FlawKind::EvidenceHash => "correct.evidence_hash",
            FlawKind::Missing => "complete.missing",
            FlawKind::Returned => "complete.returned",
            FlawKind::Backfill => "complete.backfill",
            FlawKind::ExplanationMissing => "complete.explanation_missing",
            FlawKind::ExplanationEmpty => "complete.explanation_empty",
            FlawKind::Duplicate => "clean.duplicate",
            FlawKind::Conflict => "clean.conflict",
            FlawKind::OutlierHistory => "clean.outlier_history",
            FlawKind::OutlierPeers => "clean.outlier_peers",
            FlawKind::UnitMismatch => "clean.unit_mismatch",
            FlawKind::Late => "live.late",
            FlawKind::Overdue => "live.overdue",
            FlawKind::Stale => "live.stale",
        }
    }

    /// The dimension it counts against (the code's first word).
    pub fn dimension(self) -> Dimension {
        match self {
            FlawKind::ValueType
            | FlawKind::OutOfRange
            | FlawKind::Rule(_)
            | FlawKind::NoEvidence
            | FlawKind::EvidenceHash => Dimension::Correct,
            FlawKind::Missing
            | FlawKind::Returned
            | FlawKind::Backfill
            | FlawKind::ExplanationMissing
            | FlawKind::ExplanationEmpty => Dimension::Complete,
            FlawKind::Duplicate
            | FlawKind::Conflict
            | FlawKind::OutlierHistory
            | FlawKind::OutlierPeers
            | FlawKind::UnitMismatch => Dimension::Clean,
            FlawKind::Late | FlawKind::Overdue | FlawKind::Stale => Dimension::Live,
        }
    }

    /// Whether it makes the value wrong (`error`) or asks for a look (`warning`).
    pub fn severity(self) -> Severity {
        match self {
            FlawKind::Rule(severity) => severity,
            FlawKind::Backfill
            | FlawKind::ExplanationEmpty
            | FlawKind::Duplicate
            | FlawKind::OutlierHistory
            | FlawKind::OutlierPeers
            | FlawKind::Late
            | FlawKind::Stale => Severity::Warning,
            _ => Severity::Error,
        }
    }
}

impl Flaw {
    /// Its kind.
    pub(crate) fn kind(&self) -> FlawKind {
        match self {
            Flaw::ValueType { .. } => FlawKind::ValueType,
            Flaw::OutOfRange { .. } => FlawKind::OutOfRange,
            Flaw::Rule { severity, .. } => FlawKind::Rule(*severity),
            Flaw::NoEvidence { .. } => FlawKind::NoEvidence,
            Flaw::EvidenceHash { .. } => FlawKind::EvidenceHash,
            Flaw::Missing => FlawKind::Missing,
            Flaw::Returned { .. } => FlawKind::Returned,
            Flaw::Backfill { .. } => FlawKind::Backfill,
            Flaw::ExplanationMissing { .. } => FlawKind::ExplanationMissing,
            Flaw::ExplanationEmpty { .. } => FlawKind::ExplanationEmpty,
            Flaw::Duplicate { .. } => FlawKind::Duplicate,
            Flaw::Conflict { .. } => FlawKind::Conflict,
            Flaw::OutlierHistory { .. } => FlawKind::OutlierHistory,
            Flaw::OutlierPeers { .. } => FlawKind::OutlierPeers,
            Flaw::UnitMismatch { .. } => FlawKind::UnitMismatch,
            Flaw::Late { .. } => FlawKind::Late,
            Flaw::Overdue { .. } => FlawKind::Overdue,
            Flaw::Stale { .. } => FlawKind::Stale,
        }
    }

    /// The stable code.
    pub fn code(&self) -> &'static str {
        self.kind().code()
    }

    /// The dimension it counts against (the code's first word).
    pub fn dimension(&self) -> Dimension {
        self.kind().dimension()
    }

    /// Whether it makes the value wrong (`error`) or asks for a look (`warning`).
    pub fn severity(&self) -> Severity {
        self.kind().severity()
    }

    /// What is wrong, in both languages.
    #[allow(clippy::too_many_lines)] // one arm per flaw reads best as one table
    pub fn message(&self) -> Text {
        match self {
            Flaw::ValueType { value, expected } => Text::new(
                format!("Giá trị {} không đúng kiểu: cần {}.", value.vi, expected.vi),
                format!(
                    "Value {} is of the wrong kind: {} expected.",
                    value.en, expected.en
                ),
            ),
            Flaw::OutOfRange { value, allowed } => Text::new(
                format!(
                    "Giá trị {} nằm ngoài miền cho phép: {}.",
                    vi(value),
                    allowed.vi
                ),
                format!(
                    "Value {value} is outside the allowed range: {}.",
                    allowed.en
                ),
            ),
            Flaw::Rule {
                rule,
                name,
                left,
                operator,
                right,
                ..
            } => Text::new(
                format!(
                    "Vi phạm quy tắc {rule} ({}): vế trái {}, vế phải {}, cần `{operator}`.",
                    name.vi, left.vi, right.vi
                ),
                format!(
                    "Rule {rule} is broken ({}): left {}, right {}, `{operator}` required.",
                    name.en, left.en, right.en
                ),
            ),
            Flaw::NoEvidence { documents } => match documents {
                Some(d) => Text::new(
                    format!("Thiếu minh chứng bắt buộc ({}).", d.vi),
                    format!("Required evidence is missing ({}).", d.en),
                ),
                None => Text::new(
                    "Thiếu minh chứng bắt buộc.",
                    "Required evidence is missing.",
                ),
            },
            Flaw::EvidenceHash { file_name } => Text::new(
                format!("Mã băm SHA-256 của tệp minh chứng `{file_name}` không hợp lệ."),
                format!("The SHA-256 of evidence file `{file_name}` is malformed."),
            ),
            Flaw::Missing => Text::new(
                "Chỉ tiêu được giao nhưng chưa báo cáo trong kỳ.",
                "The item is assigned but not reported for the period.",
            ),
            Flaw::Returned { reason } => Text::new(
                format!("Số liệu đã bị trả lại và chưa được gửi lại (lý do: {reason})."),
                format!("The value was returned and has not been sent again (reason: {reason})."),
            ),
            Flaw::Backfill { periods } => Text::new(
                format!(
                    "Còn thiếu số liệu các kỳ trước, cần báo cáo bổ sung: {}.",
                    periods.join(", ")
                ),
                format!(
                    "Earlier periods still missing, to be back-filled: {}.",
                    periods.join(", ")
                ),
            ),
            Flaw::ExplanationMissing { why } => Text::new(
                format!("Chưa có giải trình: {}.", why.vi),
                format!("No explanation filed: {}.", why.en),
            ),
            Flaw::ExplanationEmpty { parts } => Text::new(
                format!(
                    "Giải trình còn để trống: {}.",
                    parts
                        .iter()
                        .map(|p| part_vi(p))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                format!("The explanation leaves blank: {}.", parts.join(", ")),
            ),
            Flaw::Duplicate { earlier } => Text::new(
                format!("Lần gửi này trùng hoàn toàn với lần gửi số {earlier}."),
                format!("This revision repeats revision {earlier} unchanged."),
            ),
            Flaw::Conflict {
                other,
                other_value,
                value,
            } => Text::new(
                format!(
                    "Hai lần gửi đang chờ duyệt có giá trị khác nhau: {} và {} (lần gửi số {other}).",
                    value.vi, other_value.vi
                ),
                format!(
                    "Two revisions await a decision with different values: {} and {} (revision {other}).",
                    value.en, other_value.en
                ),
            ),
            Flaw::OutlierHistory {
                value,
                median,
                periods,
            } => Text::new(
                format!(
                    "Giá trị {} khác thường so với {periods} kỳ trước của đơn vị (trung vị {}).",
                    vi(value),
                    vi(median)
                ),
                format!(
                    "Value {value} is unusual against the unit's {periods} earlier periods (median {median})."
                ),
            ),
            Flaw::OutlierPeers {
                value,
                median,
                peers,
            } => Text::new(
                format!(
                    "Giá trị {} khác thường so với {peers} đơn vị cùng nhóm (trung vị {}).",
                    vi(value),
                    vi(median)
                ),
                format!("Value {value} is unusual against {peers} peer units (median {median})."),
            ),
            Flaw::UnitMismatch { written, expected } => Text::new(
                format!(
                    "Đơn vị tính `{written}` khác với đơn vị trong bộ chỉ số ({}).",
                    expected.vi
                ),
                format!(
                    "Unit of measure `{written}` differs from the catalogue's ({}).",
                    expected.en
                ),
            ),
            Flaw::Late {
                deadline,
                submitted,
            } => Text::new(
                format!("Báo cáo trễ hạn: hạn {deadline}, gửi ngày {submitted}."),
                format!("Reported late: due {deadline}, sent {submitted}."),
            ),
            Flaw::Overdue { deadline } => Text::new(
                format!("Quá hạn báo cáo ({deadline}) mà chưa có số liệu."),
                format!("Past the deadline ({deadline}) with no value."),
            ),
            Flaw::Stale {
                system,
                delivered,
                period_end,
            } => Text::new(
                format!(
                    "Số liệu từ hệ thống {system} được cập nhật lần cuối {delivered}, trước khi kỳ kết thúc ({period_end})."
                ),
                format!(
                    "The value from {system} was last delivered {delivered}, before the period ended ({period_end})."
                ),
            ),
        }
    }
}

/// A number written for the Vietnamese message: the decimal comma (`96,7`).
fn vi(number: &str) -> String {
    crate::Style::of(crate::Lang::Vi).written(number)
}

/// The part of an explanation left blank, in Vietnamese.
fn part_vi(part: &str) -> &str {
    match part {
        "causes" => "nguyên nhân",
        "bottlenecks" => "điểm nghẽn",
        "solutions" => "giải pháp",
        other => other,
    }
}

impl crate::Problem for Flaw {
    fn code(&self) -> &'static str {
        Flaw::code(self)
    }

    fn severity(&self) -> Severity {
        Flaw::severity(self)
    }

    fn message(&self) -> Text {
        Flaw::message(self)
    }
}

#[cfg(test)]
mod tests {
    use super::Flaw;
    use crate::{Severity, Text};

    /// One flaw of every kind.
    fn every_flaw() -> Vec<Flaw> {
        let s = String::new;
        let t = || Text::new("", "");
        vec![
            Flaw::ValueType {
                value: t(),
                expected: t(),
            },
            Flaw::OutOfRange {
                value: s(),
                allowed: t(),
            },
            Flaw::Rule {
                rule: s(),
                name: t(),
                left: t(),
                operator: "<=",
                right: t(),
                severity: Severity::Error,
            },
            Flaw::NoEvidence { documents: None },
            Flaw::EvidenceHash { file_name: s() },
            Flaw::Missing,
            Flaw::Returned { reason: s() },
            Flaw::Backfill {
                periods: Vec::new(),
            },
            Flaw::ExplanationMissing { why: t() },
            Flaw::ExplanationEmpty { parts: Vec::new() },
            Flaw::Duplicate { earlier: 1 },
            Flaw::Conflict {
                other: 1,
                other_value: t(),
                value: t(),
            },
            Flaw::OutlierHistory {
                value: s(),
                median: s(),
                periods: 1,
            },
            Flaw::OutlierPeers {
                value: s(),
                median: s(),
                peers: 1,
            },
            Flaw::UnitMismatch {
                written: s(),
                expected: t(),
            },
            Flaw::Late {
                deadline: s(),
                submitted: s(),
            },
            Flaw::Overdue { deadline: s() },
            Flaw::Stale {
                system: s(),
                delivered: s(),
                period_end: s(),
            },
        ]
    }

    /// A flaw's dimension is its code's first word, for every kind: the two tables agree.
    #[test]
    fn the_dimension_is_the_codes_first_word() {
        let flaws = every_flaw();
        assert_eq!(flaws.len(), 18);
        for flaw in flaws {
            let word = flaw.code().split('.').next().unwrap_or_default();
            let named = serde_json::to_value(flaw.dimension()).unwrap();
            assert_eq!(named, word, "{}", flaw.code());
        }
    }
}
