//! The problems of a catalogue (codes, references, targets, scoring settings), each declared
//! once: the code on the variant, the messages in both languages side by side.

use strum::{EnumIter, EnumMessage, IntoStaticStr};

use crate::Severity;
use crate::Text;
use crate::problem::Problem;

/// A problem found in a catalogue: its codes, references, targets and scoring settings.
#[derive(Debug, Clone, PartialEq, Eq, IntoStaticStr, EnumIter, EnumMessage)]
#[non_exhaustive]
pub enum CatalogueProblem {
    /// A required text is empty or blank.
    #[strum(serialize = "text.empty")]
    EmptyText,
    /// A code does not follow the code syntax.
    #[strum(serialize = "code.invalid")]
    InvalidCode {
        /// The code as written.
        code: String,
    },
    /// Two items share a code.
    #[strum(serialize = "code.duplicate")]
    DuplicateCode {
        /// The shared code.
        code: String,
        /// Where it was first used.
        first: String,
    },
    /// The catalogue has no indicator.
    #[strum(serialize = "catalogue.no_indicators")]
    NoIndicators,
    /// An indicator names a group that does not exist.
    #[strum(serialize = "reference.unknown_group")]
    UnknownGroup {
        /// The group code as written.
        group: String,
    },
    /// A responsibility names an agency that is not in the catalogue's agency list.
    #[strum(serialize = "reference.unknown_agency")]
    UnknownAgency {
        /// The agency code as written.
        agency: String,
    },
    /// A formula refers to its own indicator.
    #[strum(serialize = "reference.self")]
    SelfReference {
        /// The indicator's code.
        code: String,
    },
    /// A period evaluated under a catalogue version that took effect after it ended.
    #[strum(serialize = "catalogue.not_in_force")]
    CatalogueNotInForce {
        /// The version.
        version: String,
        /// The day it took effect.
        from: String,
        /// The period evaluated.
        period: String,
    },
    /// Indicators whose formulas refer to each other in a circle.
    #[strum(serialize = "reference.cycle")]
    ReferenceCycle {
        /// The circle, such as `B01 → B02 → B01`.
        cycle: String,
    },
    /// A target lacks a field its comparator needs.
    #[strum(serialize = "target.missing_field")]
    TargetMissingField {
        /// The comparator.
        comparator: String,
        /// The missing field (`value`, `min`, `max` or `text`).
        field: &'static str,
    },
    /// A target has a field its comparator does not use.
    #[strum(serialize = "target.unexpected_field")]
    TargetUnexpectedField {
        /// The comparator.
        comparator: String,
        /// The superfluous field.
        field: &'static str,
    },
    /// A range target's lower bound exceeds its upper bound.
    #[strum(serialize = "target.range_unordered")]
    TargetRangeUnordered {
        /// The lower bound as written.
        min: String,
        /// The upper bound as written.
        max: String,
    },
    /// A target's milestone year is implausible.
    #[strum(serialize = "target.year_out_of_range")]
    TargetYearOutOfRange {
        /// The year.
        year: u16,
    },
    /// A numeric target cannot be met by values of the indicator's type.
    #[strum(serialize = "target.value_out_of_range")]
    TargetValueOutOfRange {
        /// The value as written.
        value: String,
        /// The indicator's value type.
        value_type: String,
        /// The allowed values, in words (English).
        allowed_en: String,
        /// The allowed values, in words (Vietnamese).
        allowed_vi: String,
    },
    /// A numeric comparator on a text indicator, or a text target on a numeric one.
    #[strum(serialize = "target.type_mismatch")]
    TargetTypeMismatch {
        /// The comparator.
        comparator: String,
        /// The indicator's value type.
        value_type: String,
    },
    /// Two targets of one indicator share scope and year.
    #[strum(serialize = "target.duplicate")]
    TargetDuplicate {
        /// Scope.
        scope: String,
        /// Year.
        year: u16,
    },
    /// A weight is negative.
    #[strum(serialize = "weight.negative")]
    NegativeWeight,
    /// Maximum points are negative.
    #[strum(serialize = "max_points.negative")]
    NegativeMaxPoints,
    /// A precision beyond what is meaningful.
    #[strum(serialize = "precision.out_of_range")]
    PrecisionOutOfRange {
        /// The precision.
        precision: u32,
        /// The largest allowed.
        limit: u32,
    },
    /// An indicator must be explained when off track (Layer C practice) but has no target.
    #[strum(serialize = "explanation.no_target")]
    ExplanationWithoutTarget,
    /// An `inside_band` indicator has no `range` target to give the band.
    #[strum(serialize = "direction.band_without_range")]
    BandWithoutRange,
    /// Evidence is required but the kind of document is not said.
    #[strum(serialize = "evidence.no_documents")]
    EvidenceWithoutDocuments,
    /// A data element no formula uses.
    #[strum(serialize = "data_element.unused")]
    UnusedDataElement {
        /// Its code.
        code: String,
    },
    /// A validation rule compares sides of types the operator cannot compare.
    #[strum(serialize = "rule.type_mismatch")]
    RuleTypeMismatch {
        /// The operator.
        operator: &'static str,
        /// The left side's type.
        left: crate::formula::Type,
        /// The right side's type.
        right: crate::formula::Type,
    },
}

impl Problem for CatalogueProblem {
    fn code(&self) -> &'static str {
        self.into()
    }

    fn severity(&self) -> Severity {
        match self {
            Self::UnusedDataElement { .. } | Self::CatalogueNotInForce { .. } => Severity::Warning,
            _ => Severity::Error,
        }
    }

    #[allow(clippy::too_many_lines)] // one arm per problem, both languages side by side
    fn message(&self) -> Text {
        match self {
            Self::EmptyText => Text::new(
                "Nội dung bắt buộc đang để trống.",
                "A required text is empty.",
            ),
            Self::InvalidCode { code } => Text::new(
                format!(
                    "Mã `{code}` không hợp lệ: mã bắt đầu bằng chữ cái Latinh, chỉ gồm chữ cái, \
                 chữ số và dấu gạch dưới, dài tối đa 64 ký tự."
                ),
                format!(
                    "Code `{code}` is invalid: a code starts with a Latin letter, holds only letters, \
                 digits and underscores, and is at most 64 characters long."
                ),
            ),
            Self::DuplicateCode { code, first } => Text::new(
                format!("Mã `{code}` bị trùng; đã dùng tại `{first}`."),
                format!("Code `{code}` is used twice; first at `{first}`."),
            ),
            Self::NoIndicators => Text::new(
                "Bộ chỉ số không có chỉ số nào.",
                "The catalogue has no indicator.",
            ),
            Self::UnknownGroup { group } => Text::new(
                format!("Không có nhóm chỉ số mã `{group}`."),
                format!("There is no indicator group `{group}`."),
            ),
            Self::UnknownAgency { agency } => Text::new(
                format!("Không có cơ quan mã `{agency}` trong danh sách cơ quan."),
                format!("There is no agency `{agency}` in the agency list."),
            ),
            Self::SelfReference { code } => Text::new(
                format!("Công thức của chỉ số `{code}` tham chiếu chính nó."),
                format!("The formula of indicator `{code}` refers to itself."),
            ),
            Self::ReferenceCycle { cycle } => Text::new(
                format!("Các chỉ số tham chiếu vòng tròn lẫn nhau: {cycle}."),
                format!("Indicators refer to each other in a circle: {cycle}."),
            ),
            Self::CatalogueNotInForce {
                version,
                from,
                period,
            } => Text::new(
                format!(
                    "Kỳ {period} kết thúc trước khi bộ chỉ số phiên bản {version} có hiệu lực ({from}): kết quả không theo phiên bản áp dụng cho kỳ này."
                ),
                format!(
                    "{period} ended before catalogue version {version} took effect ({from}): the result is not under the version in force for it."
                ),
            ),
            Self::TargetMissingField { comparator, field } => Text::new(
                {
                    format!("Chỉ tiêu với phép so sánh `{comparator}` cần trường `{field}`.")
                },
                format!("A target with comparator `{comparator}` needs the field `{field}`."),
            ),
            Self::TargetUnexpectedField { comparator, field } => Text::new(
                {
                    format!("Chỉ tiêu với phép so sánh `{comparator}` không dùng trường `{field}`.")
                },
                {
                    format!(
                        "A target with comparator `{comparator}` does not use the field `{field}`."
                    )
                },
            ),
            Self::TargetRangeUnordered { min, max } => Text::new(
                {
                    format!("Khoảng chỉ tiêu sai thứ tự: cận dưới {min} lớn hơn cận trên {max}.")
                },
                {
                    format!(
                        "The target range is reversed: the lower bound {min} exceeds the upper bound {max}."
                    )
                },
            ),
            Self::TargetYearOutOfRange { year } => Text::new(
                format!("Năm mốc {year} nằm ngoài khoảng 2000–2100."),
                format!("Milestone year {year} is outside 2000–2100."),
            ),
            Self::TargetValueOutOfRange {
                value,
                value_type,
                allowed_vi,
                allowed_en,
                ..
            } => Text::new(
                format!(
                    "Giá trị chỉ tiêu {value} không phù hợp với kiểu `{value_type}`: {allowed_vi}."
                ),
                format!("Target value {value} does not fit type `{value_type}`: {allowed_en}."),
            ),
            Self::TargetTypeMismatch {
                comparator,
                value_type,
            } => Text::new(
                format!(
                    "Phép so sánh `{comparator}` không dùng được cho chỉ số kiểu `{value_type}`."
                ),
                format!(
                    "Comparator `{comparator}` cannot be used for an indicator of type `{value_type}`."
                ),
            ),
            Self::TargetDuplicate { scope, year } => Text::new(
                format!("Có hai chỉ tiêu cùng phạm vi `{scope}` và năm {year}."),
                format!("Two targets share scope `{scope}` and year {year}."),
            ),
            Self::NegativeWeight => {
                Text::new("Trọng số không được âm.", "A weight cannot be negative.")
            }
            Self::NegativeMaxPoints => Text::new(
                "Điểm tối đa không được âm.",
                "Maximum points cannot be negative.",
            ),
            Self::PrecisionOutOfRange { precision, limit } => Text::new(
                {
                    format!("Số chữ số thập phân {precision} vượt quá mức tối đa {limit}.")
                },
                format!("Precision {precision} exceeds the maximum of {limit} decimal places."),
            ),
            Self::ExplanationWithoutTarget => Text::new(
                "Chỉ số phải giải trình khi không đạt tiến độ \
                 nhưng chưa có chỉ tiêu để so sánh."
                    .to_owned(),
                "An indicator that must be explained when off \
                 track has no target to be measured against."
                    .to_owned(),
            ),
            Self::BandWithoutRange => Text::new(
                "Chỉ số có chiều tốt `inside_band` cần một chỉ tiêu \
                 dạng khoảng (`range`)."
                    .to_owned(),
                {
                    "An `inside_band` indicator needs a `range` target to give the band.".to_owned()
                },
            ),
            Self::EvidenceWithoutDocuments => Text::new(
                {
                    "Bắt buộc có minh chứng nhưng chưa nêu loại tài liệu minh chứng.".to_owned()
                },
                "Evidence is required but the kind of document is not stated.",
            ),
            Self::UnusedDataElement { code } => Text::new(
                {
                    format!("Chỉ tiêu dữ liệu `{code}` không được công thức nào sử dụng.")
                },
                format!("Data element `{code}` is not used by any formula."),
            ),
            Self::RuleTypeMismatch {
                operator,
                left,
                right,
            } => Text::new(
                format!(
                    "Phép `{operator}` không so sánh được vế trái kiểu {} với vế phải kiểu {}.",
                    left.label().vi,
                    right.label().vi
                ),
                format!(
                    "Operator `{operator}` cannot compare a left side of type {} with a right side \
                 of type {}.",
                    left.label().en,
                    right.label().en
                ),
            ),
        }
    }
}
