//! Every kind of problem chiso can find in an input, with its stable code and its messages.
//!
//! Codes never change meaning once released; new problems get new codes. The table of codes
//! is in the crate documentation.

use crate::Severity;

/// A kind of problem found in an input, with the details its messages need.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Problem {
    // --- The JSON document itself ---------------------------------------------------------
    /// The text is not well-formed JSON.
    JsonSyntax {
        /// The parser's description (English).
        detail: String,
    },
    /// An object has a field the format does not define (often a misspelling).
    JsonUnknownField {
        /// The field as written.
        field: String,
    },
    /// A required field is absent.
    JsonMissingField {
        /// The missing field.
        field: String,
    },
    /// A field holds a value outside its list of allowed words.
    JsonUnknownVariant {
        /// The value as written.
        value: String,
        /// The allowed values.
        expected: String,
    },
    /// A field holds the wrong kind of JSON value (a number where a string is expected, ...).
    JsonInvalidType {
        /// What was found, in serde's words (`string "1"`).
        found: String,
        /// What was expected, in serde's words (`u32`).
        expected: String,
    },
    /// A field holds a value of the right kind that cannot be read (a malformed date, ...).
    JsonInvalidValue {
        /// What was found, in serde's words.
        found: String,
        /// What was expected, in serde's words (may be empty).
        expected: String,
    },
    /// A decimal is not a string holding a decimal number.
    JsonInvalidDecimal {
        /// What was found, as serde describes it (such as: integer 1).
        found: String,
    },
    /// A decimal with more digits than an exact decimal holds (28 after the point, about 29 in
    /// all): reading it would round it.
    DecimalTooPrecise {
        /// The decimal as written.
        text: String,
    },
    /// The input is larger than chiso accepts.
    InputTooLarge {
        /// Size in bytes.
        size: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// JSON nests objects and arrays deeper than chiso accepts.
    InputTooDeep {
        /// The limit in levels.
        limit: usize,
    },
    /// A JSON string (or a text field) is longer than chiso accepts.
    StringTooLong {
        /// Its length in bytes.
        length: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// A list holds more entries than chiso accepts.
    TooMany {
        /// What the list holds, in Vietnamese and English.
        what: (&'static str, &'static str),
        /// How many it holds (at least).
        count: usize,
        /// The limit.
        limit: usize,
    },

    // --- Catalogue content ----------------------------------------------------------------
    /// A required text is empty or blank.
    EmptyText,
    /// A code does not follow the code syntax.
    InvalidCode {
        /// The code as written.
        code: String,
    },
    /// Two items share a code.
    DuplicateCode {
        /// The shared code.
        code: String,
        /// Where it was first used.
        first: String,
    },
    /// The catalogue has no indicator.
    NoIndicators,
    /// An indicator names a group that does not exist.
    UnknownGroup {
        /// The group code as written.
        group: String,
    },
    /// A responsibility names an agency that is not in the catalogue's agency list.
    UnknownAgency {
        /// The agency code as written.
        agency: String,
    },
    /// A formula refers to a code that is neither a data element nor an indicator.
    UnknownReference {
        /// The name as written.
        name: String,
    },
    /// A formula refers to its own indicator.
    SelfReference {
        /// The indicator's code.
        code: String,
    },
    /// A formula contains a character or literal that cannot be read.
    FormulaSyntax {
        /// The offending text.
        found: String,
    },
    /// A formula is empty.
    FormulaEmpty,
    /// A formula is longer than the limit.
    FormulaTooLong {
        /// Its length in bytes.
        length: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// A formula nests deeper than the limit.
    FormulaTooDeep {
        /// The limit.
        limit: usize,
    },
    /// A token where another was expected (or the formula ended too soon).
    FormulaUnexpected {
        /// The token found (empty at the end of the formula).
        found: String,
        /// What would have fitted (English).
        expected: &'static str,
    },
    /// A number too large (or too precise) for exact decimals.
    FormulaNumber {
        /// The number as written.
        text: String,
    },
    /// A call of a function the language does not have.
    FormulaUnknownFunction {
        /// The name as written.
        name: String,
    },
    /// A function called with the wrong number of arguments.
    FormulaArity {
        /// The function.
        function: String,
        /// How many it takes (`2`, `1+`).
        expected: String,
        /// How many it got.
        found: usize,
    },
    /// `prev` or `last_year` around something other than a code.
    FormulaPeriodArgument {
        /// The function.
        function: String,
    },
    /// An operand of the wrong type.
    FormulaType {
        /// The operator or function.
        operation: String,
        /// The type it needs.
        expected: crate::formula::Type,
        /// The type it got.
        found: crate::formula::Type,
    },
    /// `round`'s places are not a whole number 0–28 written out.
    FormulaRoundPlaces,
    /// A formula's result does not fit its indicator's value type.
    FormulaResultType {
        /// The type the indicator needs.
        expected: crate::formula::Type,
        /// The type the formula gives.
        found: crate::formula::Type,
    },
    /// A decision names a ledger entry that is not a submission.
    LedgerUnknownRevision {
        /// The sequence number named.
        revision: u64,
    },
    /// A decision on a revision that was already approved or returned.
    LedgerAlreadyDecided {
        /// The sequence number named.
        revision: u64,
        /// Its status.
        status: String,
    },
    /// A time an action claims that is later than the store's clock when it is recorded.
    LedgerTimeAhead {
        /// The time claimed.
        claimed: String,
        /// The store's time.
        now: String,
    },
    /// A decision dated before the submission it decides on was received.
    LedgerDecisionBeforeSubmission {
        /// The submission's sequence number.
        revision: u64,
        /// The decision's time.
        at: String,
        /// When the submission was received.
        received: String,
    },
    /// A withdrawal names a ledger entry that is not an assignment.
    LedgerNotAnAssignment {
        /// The sequence number named.
        entry: u64,
    },
    /// A withdrawal of an assignment already withdrawn.
    LedgerAlreadyWithdrawn {
        /// The sequence number named.
        entry: u64,
    },
    /// A withdrawal that would make an assignment last longer than it was given for.
    LedgerWithdrawalExtends {
        /// The last period the withdrawal names.
        to: String,
        /// The assignment's own last period.
        until: String,
    },
    /// A period evaluated under a catalogue version that took effect after it ended.
    CatalogueNotInForce {
        /// The version.
        version: String,
        /// The day it took effect.
        from: String,
        /// The period evaluated.
        period: String,
    },
    /// An assigned item the catalogue no longer holds, and no indicator replaces.
    AssignedItemGone {
        /// The item.
        item: String,
        /// The catalogue version.
        version: String,
    },
    /// An approval of a submission that lacks the evidence the catalogue requires.
    LedgerEvidenceRequired {
        /// The submission's sequence number.
        revision: u64,
        /// Its item.
        item: String,
    },
    /// A publication whose ranking hash is not the hash of its rankings.
    LedgerPublicationHash,
    /// A batch of imported rows offered as a single entry: only an import records one.
    LedgerBatchAppended,
    /// A publication computed on another ledger head than the one it follows.
    LedgerPublicationStale {
        /// The head the ranking was computed on.
        computed: String,
        /// The ledger's head.
        head: String,
    },
    /// A second publication of a period that does not name the one it replaces.
    LedgerAlreadyPublished {
        /// The period.
        period: String,
        /// The publication in force.
        publication: u64,
    },
    /// An entry named as a publication (of the right period) that is not one.
    LedgerNotAPublication {
        /// The sequence number named.
        sequence: u64,
    },
    /// A submission for a published (closed) period that does not name the publication it
    /// corrects.
    LedgerPeriodClosed {
        /// The submission's period.
        period: String,
        /// The publication that closed it.
        publication: u64,
    },
    /// An evidence hash that is not 64 lowercase hexadecimal digits.
    EvidenceHash {
        /// The hash as written (cut to 80 characters).
        value: String,
    },
    /// A submission for a period of another cycle than its indicator's.
    LedgerWrongCycle {
        /// The period.
        period: String,
        /// The indicator's cycle.
        cycle: String,
    },
    /// An assignment whose last period ends before its first begins.
    AssignmentReversed {
        /// The first period.
        from: String,
        /// The last period.
        to: String,
    },
    /// An assignment overlapping an earlier one of the same unit and item.
    AssignmentOverlap {
        /// The unit.
        unit: String,
        /// The item.
        item: String,
        /// The earlier assignment: a file's row (`/3`) or a ledger's entry (`ledger#12`).
        other: String,
    },
    /// An assignment without a focal officer of its unit.
    AssignmentFocalOfficer {
        /// The focal officer named.
        person: String,
        /// The unit.
        unit: String,
    },
    /// An assignment not made by a unit above the one assigned.
    AssignmentNotFromAbove {
        /// The assigning unit.
        by: String,
        /// The unit assigned.
        unit: String,
    },
    /// A unit with two heads in the organisation chart.
    TwoHeads {
        /// The unit.
        unit: String,
        /// Where its first head is.
        first: String,
    },
    /// A unit id that is not in the organisation tree.
    UnknownUnit {
        /// The id as written.
        unit: String,
    },
    /// A unit that is, through its parents, its own ancestor.
    UnitCycle {
        /// The unit.
        unit: String,
    },
    /// Indicators whose formulas refer to each other in a circle.
    ReferenceCycle {
        /// The circle, such as `B01 → B02 → B01`.
        cycle: String,
    },
    /// A target lacks a field its comparator needs.
    TargetMissingField {
        /// The comparator.
        comparator: String,
        /// The missing field (`value`, `min`, `max` or `text`).
        field: &'static str,
    },
    /// A target has a field its comparator does not use.
    TargetUnexpectedField {
        /// The comparator.
        comparator: String,
        /// The superfluous field.
        field: &'static str,
    },
    /// A range target's lower bound exceeds its upper bound.
    TargetRangeUnordered {
        /// The lower bound as written.
        min: String,
        /// The upper bound as written.
        max: String,
    },
    /// A target's milestone year is implausible.
    TargetYearOutOfRange {
        /// The year.
        year: u16,
    },
    /// A numeric target cannot be met by values of the indicator's type.
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
    TargetTypeMismatch {
        /// The comparator.
        comparator: String,
        /// The indicator's value type.
        value_type: String,
    },
    /// Two targets of one indicator share scope and year.
    TargetDuplicate {
        /// Scope.
        scope: String,
        /// Year.
        year: u16,
    },
    /// A weight is negative.
    NegativeWeight,
    /// Maximum points are negative.
    NegativeMaxPoints,
    /// A precision beyond what is meaningful.
    PrecisionOutOfRange {
        /// The precision.
        precision: u32,
        /// The largest allowed.
        limit: u32,
    },
    /// An indicator must be explained when off track (Layer C practice) but has no target.
    ExplanationWithoutTarget,
    /// An `inside_band` indicator has no `range` target to give the band.
    BandWithoutRange,
    /// Evidence is required but the kind of document is not said.
    EvidenceWithoutDocuments,
    /// A data element no formula uses.
    UnusedDataElement {
        /// Its code.
        code: String,
    },
    /// A validation rule compares sides of types the operator cannot compare.
    RuleTypeMismatch {
        /// The operator.
        operator: &'static str,
        /// The left side's type.
        left: crate::formula::Type,
        /// The right side's type.
        right: crate::formula::Type,
    },
    /// An evaluation scheme's setting outside what it can take.
    SchemeOutOfRange {
        /// The setting.
        field: &'static str,
        /// What it can take, in both languages.
        expected: crate::Text,
    },
}

/// The largest number of decimal places an indicator may declare.
pub const MAX_PRECISION: u32 = 12;

impl Problem {
    /// The stable code.
    pub fn code(&self) -> &'static str {
        match self {
            Problem::JsonSyntax { .. } => "json.syntax",
            Problem::JsonUnknownField { .. } => "json.unknown_field",
            Problem::JsonMissingField { .. } => "json.missing_field",
            Problem::JsonUnknownVariant { .. } => "json.unknown_variant",
            Problem::JsonInvalidType { .. } => "json.invalid_type",
            Problem::JsonInvalidValue { .. } => "json.invalid_value",
            Problem::JsonInvalidDecimal { .. } => "json.invalid_decimal",
            Problem::InputTooLarge { .. } => "input.too_large",
            Problem::InputTooDeep { .. } => "input.too_deep",
            Problem::DecimalTooPrecise { .. } => "json.inexact_decimal",
            Problem::StringTooLong { .. } => "input.string_too_long",
            Problem::TooMany { .. } => "input.too_many",
            Problem::EmptyText => "text.empty",
            Problem::InvalidCode { .. } => "code.invalid",
            Problem::DuplicateCode { .. } => "code.duplicate",
            Problem::NoIndicators => "catalogue.no_indicators",
            Problem::UnknownGroup { .. } => "reference.unknown_group",
            Problem::UnknownAgency { .. } => "reference.unknown_agency",
            Problem::UnknownReference { .. } => "reference.unknown_code",
            Problem::SelfReference { .. } => "reference.self",
            Problem::FormulaSyntax { .. } => "formula.syntax",
            Problem::FormulaEmpty => "formula.empty",
            Problem::FormulaTooLong { .. } => "formula.too_long",
            Problem::FormulaTooDeep { .. } => "formula.too_deep",
            Problem::FormulaUnexpected { .. } => "formula.unexpected",
            Problem::FormulaNumber { .. } => "formula.number",
            Problem::FormulaUnknownFunction { .. } => "formula.unknown_function",
            Problem::FormulaArity { .. } => "formula.arity",
            Problem::FormulaPeriodArgument { .. } => "formula.period_argument",
            Problem::FormulaType { .. } => "formula.type",
            Problem::FormulaRoundPlaces => "formula.round_places",
            Problem::FormulaResultType { .. } => "formula.result_type",
            Problem::ReferenceCycle { .. } => "reference.cycle",
            Problem::LedgerUnknownRevision { .. } => "ledger.unknown_revision",
            Problem::LedgerAlreadyDecided { .. } => "ledger.already_decided",
            Problem::LedgerTimeAhead { .. } => "ledger.time_ahead",
            Problem::LedgerDecisionBeforeSubmission { .. } => "ledger.decision_before_submission",
            Problem::LedgerNotAnAssignment { .. } => "ledger.not_an_assignment",
            Problem::LedgerAlreadyWithdrawn { .. } => "ledger.already_withdrawn",
            Problem::LedgerWithdrawalExtends { .. } => "ledger.withdrawal_extends",
            Problem::LedgerEvidenceRequired { .. } => "ledger.evidence_required",
            Problem::CatalogueNotInForce { .. } => "catalogue.not_in_force",
            Problem::AssignedItemGone { .. } => "assignment.item_gone",
            Problem::LedgerPublicationHash => "ledger.publication_hash",
            Problem::LedgerBatchAppended => "ledger.batch_appended",
            Problem::LedgerPublicationStale { .. } => "ledger.publication_stale",
            Problem::LedgerAlreadyPublished { .. } => "ledger.already_published",
            Problem::LedgerNotAPublication { .. } => "ledger.not_a_publication",
            Problem::LedgerPeriodClosed { .. } => "ledger.period_closed",
            Problem::EvidenceHash { .. } => "evidence.hash",
            Problem::UnknownUnit { .. } => "org.unknown_unit",
            Problem::TwoHeads { .. } => "org.two_heads",
            Problem::AssignmentReversed { .. } => "assignment.reversed",
            Problem::AssignmentOverlap { .. } => "assignment.overlap",
            Problem::AssignmentFocalOfficer { .. } => "assignment.focal_officer",
            Problem::AssignmentNotFromAbove { .. } => "assignment.not_from_above",
            Problem::LedgerWrongCycle { .. } => "ledger.wrong_cycle",
            Problem::UnitCycle { .. } => "org.cycle",
            Problem::TargetMissingField { .. } => "target.missing_field",
            Problem::TargetUnexpectedField { .. } => "target.unexpected_field",
            Problem::TargetRangeUnordered { .. } => "target.range_unordered",
            Problem::TargetYearOutOfRange { .. } => "target.year_out_of_range",
            Problem::TargetValueOutOfRange { .. } => "target.value_out_of_range",
            Problem::TargetTypeMismatch { .. } => "target.type_mismatch",
            Problem::TargetDuplicate { .. } => "target.duplicate",
            Problem::SchemeOutOfRange { .. } => "scheme.out_of_range",
            Problem::NegativeWeight => "weight.negative",
            Problem::NegativeMaxPoints => "max_points.negative",
            Problem::PrecisionOutOfRange { .. } => "precision.out_of_range",
            Problem::ExplanationWithoutTarget => "explanation.no_target",
            Problem::BandWithoutRange => "direction.band_without_range",
            Problem::EvidenceWithoutDocuments => "evidence.no_documents",
            Problem::UnusedDataElement { .. } => "data_element.unused",
            Problem::RuleTypeMismatch { .. } => "rule.type_mismatch",
        }
    }

    /// Whether the problem makes the input unusable.
    pub fn severity(&self) -> Severity {
        match self {
            Problem::UnusedDataElement { .. } | Problem::CatalogueNotInForce { .. } => {
                Severity::Warning
            }
            _ => Severity::Error,
        }
    }

    /// The message in Vietnamese.
    #[allow(clippy::too_many_lines)] // one arm per problem reads best as one table
    pub fn message_vi(&self) -> String {
        match self {
            Problem::JsonSyntax { detail } => format!("Văn bản không phải JSON hợp lệ ({detail})."),
            Problem::JsonUnknownField { field } => {
                format!("Trường `{field}` không có trong định dạng (có thể viết sai tên).")
            }
            Problem::JsonMissingField { field } => format!("Thiếu trường bắt buộc `{field}`."),
            Problem::JsonUnknownVariant { value, expected } => {
                format!("Giá trị `{value}` không hợp lệ; các giá trị được chấp nhận: {expected}.")
            }
            Problem::JsonInvalidType { found, expected } => {
                format!(
                    "Sai kiểu dữ liệu: cần {}, nhưng gặp {}.",
                    expected_vi(expected),
                    found_vi(found)
                )
            }
            Problem::JsonInvalidValue { found, expected } if expected.is_empty() => {
                format!("Giá trị không đọc được: {}.", found_vi(found))
            }
            Problem::JsonInvalidValue { found, expected } => {
                format!(
                    "Giá trị {} không hợp lệ: cần {}.",
                    found_vi(found),
                    expected_vi(expected)
                )
            }
            Problem::JsonInvalidDecimal { found } => format!(
                "Cần một số thập phân viết trong dấu ngoặc kép, dùng dấu chấm thập phân \
                 (ví dụ \"12.5\"), nhưng gặp {}.",
                found_vi(found)
            ),
            Problem::InputTooLarge { size, limit } => {
                format!("Dữ liệu đầu vào quá lớn: {size} byte, tối đa {limit} byte.")
            }
            Problem::InputTooDeep { limit } => {
                format!("Dữ liệu JSON lồng nhau quá sâu: tối đa {limit} cấp.")
            }
            Problem::DecimalTooPrecise { text } => format!(
                "Số \"{text}\" có nhiều chữ số hơn mức số thập phân chính xác lưu được (tối đa 28 \
                 chữ số sau dấu thập phân); đọc vào sẽ bị làm tròn."
            ),
            Problem::StringTooLong { length, limit } => {
                format!("Chuỗi ký tự quá dài: {length} byte, tối đa {limit} byte.")
            }
            Problem::TooMany { what, count, limit } => {
                format!("Quá nhiều {}: {count}, tối đa {limit}.", what.0)
            }
            Problem::EmptyText => "Nội dung bắt buộc đang để trống.".to_owned(),
            Problem::InvalidCode { code } => format!(
                "Mã `{code}` không hợp lệ: mã bắt đầu bằng chữ cái Latinh, chỉ gồm chữ cái, \
                 chữ số và dấu gạch dưới, dài tối đa 64 ký tự."
            ),
            Problem::DuplicateCode { code, first } => {
                format!("Mã `{code}` bị trùng; đã dùng tại `{first}`.")
            }
            Problem::NoIndicators => "Bộ chỉ số không có chỉ số nào.".to_owned(),
            Problem::UnknownGroup { group } => format!("Không có nhóm chỉ số mã `{group}`."),
            Problem::UnknownAgency { agency } => {
                format!("Không có cơ quan mã `{agency}` trong danh sách cơ quan.")
            }
            Problem::UnknownReference { name } => format!(
                "Công thức tham chiếu `{name}`, không phải chỉ tiêu dữ liệu hay chỉ số nào."
            ),
            Problem::SelfReference { code } => {
                format!("Công thức của chỉ số `{code}` tham chiếu chính nó.")
            }
            Problem::FormulaSyntax { found } => {
                format!("Công thức có ký tự không đọc được: `{found}`.")
            }
            Problem::FormulaEmpty => "Công thức đang để trống.".to_owned(),
            Problem::FormulaTooLong { length, limit } => {
                format!("Công thức dài {length} byte, vượt giới hạn {limit} byte.")
            }
            Problem::FormulaTooDeep { limit } => {
                format!("Công thức lồng nhau quá sâu (tối đa {limit} mức).")
            }
            Problem::FormulaUnexpected { found, expected } if found.is_empty() => {
                format!(
                    "Công thức kết thúc quá sớm; cần {}.",
                    expected_token_vi(expected)
                )
            }
            Problem::FormulaUnexpected { found, expected } => {
                format!("Gặp `{found}` nhưng cần {}.", expected_token_vi(expected))
            }
            Problem::FormulaNumber { text } => {
                format!("Số `{text}` vượt quá phạm vi số thập phân chính xác.")
            }
            Problem::FormulaUnknownFunction { name } => format!(
                "Không có hàm `{name}`; các hàm: sum, avg, min, max, abs, round, coalesce, \
                 is_missing, if, prev, last_year."
            ),
            Problem::FormulaArity {
                function,
                expected,
                found,
            } => {
                format!("Hàm `{function}` cần {expected} đối số nhưng nhận {found}.")
            }
            Problem::FormulaPeriodArgument { function } => {
                format!("Hàm `{function}` chỉ nhận một mã chỉ tiêu dữ liệu hoặc chỉ số.")
            }
            Problem::FormulaType {
                operation,
                expected,
                found,
            } => format!(
                "`{operation}` cần giá trị kiểu {} nhưng gặp kiểu {}.",
                expected.label().vi,
                found.label().vi
            ),
            Problem::FormulaRoundPlaces => {
                "Số chữ số thập phân của `round` phải là số nguyên từ 0 đến 28 viết trực tiếp."
                    .to_owned()
            }
            Problem::FormulaResultType { expected, found } => format!(
                "Công thức cho kết quả kiểu {} nhưng chỉ số cần kiểu {}.",
                found.label().vi,
                expected.label().vi
            ),
            Problem::ReferenceCycle { cycle } => {
                format!("Các chỉ số tham chiếu vòng tròn lẫn nhau: {cycle}.")
            }
            Problem::LedgerUnknownRevision { revision } => {
                format!("Mục {revision} của sổ cái không phải là một lần gửi số liệu.")
            }
            Problem::LedgerAlreadyDecided { revision, status } => {
                format!("Lần gửi {revision} đã được xử lý ({}).", status_vi(status))
            }
            Problem::LedgerTimeAhead { claimed, now } => {
                format!("Thời điểm {claimed} muộn hơn đồng hồ của kho lưu trữ ({now}).")
            }
            Problem::LedgerDecisionBeforeSubmission {
                revision,
                at,
                received,
            } => format!("Quyết định lúc {at} sớm hơn lúc nhận lần gửi {revision} ({received})."),
            Problem::LedgerNotAnAssignment { entry } => {
                format!("Mục {entry} của sổ cái không phải là một lần giao chỉ tiêu.")
            }
            Problem::LedgerAlreadyWithdrawn { entry } => {
                format!("Việc giao chỉ tiêu ở mục {entry} đã được thu hồi.")
            }
            Problem::LedgerWithdrawalExtends { to, until } => format!(
                "Thu hồi chỉ làm việc giao kết thúc sớm hơn: kỳ {to} sau kỳ cuối đã giao {until}."
            ),
            Problem::LedgerEvidenceRequired { revision, item } => format!(
                "Lần gửi {revision} (`{item}`) chưa kèm minh chứng mà bộ chỉ số yêu cầu: chưa thể phê duyệt."
            ),
            Problem::CatalogueNotInForce {
                version,
                from,
                period,
            } => format!(
                "Kỳ {period} kết thúc trước khi bộ chỉ số phiên bản {version} có hiệu lực ({from}): kết quả không theo phiên bản áp dụng cho kỳ này."
            ),
            Problem::AssignedItemGone { item, version } => format!(
                "Chỉ số được giao `{item}` không còn trong bộ chỉ số phiên bản {version} và không có chỉ số nào khai báo thay thế nó."
            ),
            Problem::LedgerPublicationHash => {
                "Mã băm của bảng xếp hạng công bố không khớp với bảng xếp hạng.".to_owned()
            }
            Problem::LedgerBatchAppended => {
                "Một lô số liệu chỉ được ghi bằng thao tác nhập, không ghi như một mục đơn lẻ."
                    .to_owned()
            }
            Problem::LedgerPublicationStale { computed, head } => format!(
                "Bảng xếp hạng được tính trên sổ cái {computed}, nhưng sổ cái nay đã là {head}: tính lại rồi công bố."
            ),
            Problem::LedgerAlreadyPublished {
                period,
                publication,
            } => format!(
                "Kỳ {period} đã công bố (mục {publication}); công bố lại phải nêu mục được thay thế và lý do."
            ),
            Problem::LedgerNotAPublication { sequence } => {
                format!("Mục {sequence} của sổ cái không phải là một lần công bố của kỳ này.")
            }
            Problem::LedgerPeriodClosed {
                period,
                publication,
            } => format!(
                "Kỳ {period} đã khóa khi công bố (mục {publication}): chỉ nhận số liệu đính chính có nêu lần công bố."
            ),
            Problem::UnknownUnit { unit } => format!("Không có đơn vị `{unit}` trong cây tổ chức."),
            Problem::TwoHeads { unit, first } => {
                format!("Đơn vị `{unit}` có hai người đứng đầu (người thứ nhất ở {first}).")
            }
            Problem::AssignmentReversed { from, to } => {
                format!("Kỳ kết thúc {to} đứng trước kỳ bắt đầu {from}.")
            }
            Problem::AssignmentOverlap { unit, item, other } => {
                format!("`{item}` đã được giao cho `{unit}` trong cùng thời gian (xem {other}).")
            }
            Problem::AssignmentFocalOfficer { person, unit } => format!(
                "`{person}` không phải cán bộ đầu mối của `{unit}`: mỗi chỉ tiêu được giao phải gắn với một cán bộ đầu mối của đơn vị."
            ),
            Problem::AssignmentNotFromAbove { by, unit } => {
                format!(
                    "`{by}` không phải đơn vị cấp trên của `{unit}` nên không được giao chỉ tiêu."
                )
            }
            Problem::LedgerWrongCycle { period, cycle } => {
                format!(
                    "Kỳ {period} không thuộc chu kỳ báo cáo của chỉ số ({}).",
                    cycle_vi(cycle)
                )
            }
            Problem::UnitCycle { unit } => {
                format!("Đơn vị `{unit}` là cấp trên của chính nó (vòng lặp trong cây tổ chức).")
            }
            Problem::EvidenceHash { value } => {
                format!(
                    "Mã băm SHA-256 của minh chứng `{value}` phải gồm 64 chữ số thập lục phân viết thường."
                )
            }
            Problem::TargetMissingField { comparator, field } => {
                format!("Chỉ tiêu với phép so sánh `{comparator}` cần trường `{field}`.")
            }
            Problem::TargetUnexpectedField { comparator, field } => {
                format!("Chỉ tiêu với phép so sánh `{comparator}` không dùng trường `{field}`.")
            }
            Problem::TargetRangeUnordered { min, max } => {
                format!("Khoảng chỉ tiêu sai thứ tự: cận dưới {min} lớn hơn cận trên {max}.")
            }
            Problem::TargetYearOutOfRange { year } => {
                format!("Năm mốc {year} nằm ngoài khoảng 2000–2100.")
            }
            Problem::TargetValueOutOfRange {
                value,
                value_type,
                allowed_vi,
                ..
            } => format!(
                "Giá trị chỉ tiêu {value} không phù hợp với kiểu `{value_type}`: {allowed_vi}."
            ),
            Problem::TargetTypeMismatch {
                comparator,
                value_type,
            } => format!(
                "Phép so sánh `{comparator}` không dùng được cho chỉ số kiểu `{value_type}`."
            ),
            Problem::TargetDuplicate { scope, year } => {
                format!("Có hai chỉ tiêu cùng phạm vi `{scope}` và năm {year}.")
            }
            Problem::SchemeOutOfRange { field, expected } => {
                format!(
                    "Thiết lập `{field}` của phương pháp đánh giá phải là {}.",
                    expected.vi
                )
            }
            Problem::NegativeWeight => "Trọng số không được âm.".to_owned(),
            Problem::NegativeMaxPoints => "Điểm tối đa không được âm.".to_owned(),
            Problem::PrecisionOutOfRange { precision, limit } => {
                format!("Số chữ số thập phân {precision} vượt quá mức tối đa {limit}.")
            }
            Problem::ExplanationWithoutTarget => "Chỉ số phải giải trình khi không đạt tiến độ \
                 nhưng chưa có chỉ tiêu để so sánh."
                .to_owned(),
            Problem::BandWithoutRange => "Chỉ số có chiều tốt `inside_band` cần một chỉ tiêu \
                 dạng khoảng (`range`)."
                .to_owned(),
            Problem::EvidenceWithoutDocuments => {
                "Bắt buộc có minh chứng nhưng chưa nêu loại tài liệu minh chứng.".to_owned()
            }
            Problem::UnusedDataElement { code } => {
                format!("Chỉ tiêu dữ liệu `{code}` không được công thức nào sử dụng.")
            }
            Problem::RuleTypeMismatch {
                operator,
                left,
                right,
            } => format!(
                "Phép `{operator}` không so sánh được vế trái kiểu {} với vế phải kiểu {}.",
                left.label().vi,
                right.label().vi
            ),
        }
    }

    /// The message in English.
    #[allow(clippy::too_many_lines)] // one arm per problem reads best as one table
    pub fn message_en(&self) -> String {
        match self {
            Problem::JsonSyntax { detail } => format!("The text is not valid JSON ({detail})."),
            Problem::JsonUnknownField { field } => {
                format!("Field `{field}` is not part of the format (check its spelling).")
            }
            Problem::JsonMissingField { field } => format!("Required field `{field}` is missing."),
            Problem::JsonUnknownVariant { value, expected } => {
                format!("Value `{value}` is not allowed; expected one of: {expected}.")
            }
            Problem::JsonInvalidType { found, expected } => {
                format!(
                    "Wrong type of value: expected {}, found {found}.",
                    expected_en(expected)
                )
            }
            Problem::JsonInvalidValue { found, expected } if expected.is_empty() => {
                format!("The value cannot be read: {found}.")
            }
            Problem::JsonInvalidValue { found, expected } => {
                format!("The value {found} is invalid: expected {expected}.")
            }
            Problem::JsonInvalidDecimal { found } => format!(
                "Expected a decimal number written as a string with a decimal point \
                 (such as \"12.5\"), found {found}."
            ),
            Problem::InputTooLarge { size, limit } => {
                format!("The input is too large: {size} bytes, at most {limit} bytes.")
            }
            Problem::InputTooDeep { limit } => {
                format!("The JSON nests too deeply: at most {limit} levels.")
            }
            Problem::DecimalTooPrecise { text } => format!(
                "The number \"{text}\" has more digits than an exact decimal holds (at most 28 \
                 after the point); reading it would round it."
            ),
            Problem::StringTooLong { length, limit } => {
                format!("A text is too long: {length} bytes, at most {limit} bytes.")
            }
            Problem::TooMany { what, count, limit } => {
                format!("Too many {}: {count}, at most {limit}.", what.1)
            }
            Problem::EmptyText => "A required text is empty.".to_owned(),
            Problem::InvalidCode { code } => format!(
                "Code `{code}` is invalid: a code starts with a Latin letter, holds only letters, \
                 digits and underscores, and is at most 64 characters long."
            ),
            Problem::DuplicateCode { code, first } => {
                format!("Code `{code}` is used twice; first at `{first}`.")
            }
            Problem::NoIndicators => "The catalogue has no indicator.".to_owned(),
            Problem::UnknownGroup { group } => format!("There is no indicator group `{group}`."),
            Problem::UnknownAgency { agency } => {
                format!("There is no agency `{agency}` in the agency list.")
            }
            Problem::UnknownReference { name } => format!(
                "The formula refers to `{name}`, which is neither a data element nor an indicator."
            ),
            Problem::SelfReference { code } => {
                format!("The formula of indicator `{code}` refers to itself.")
            }
            Problem::FormulaSyntax { found } => {
                format!("The formula contains something that cannot be read: `{found}`.")
            }
            Problem::FormulaEmpty => "The formula is empty.".to_owned(),
            Problem::FormulaTooLong { length, limit } => {
                format!("The formula is {length} bytes long, over the limit of {limit}.")
            }
            Problem::FormulaTooDeep { limit } => {
                format!("The formula nests too deeply (at most {limit} levels).")
            }
            Problem::FormulaUnexpected { found, expected } if found.is_empty() => {
                format!("The formula ends too soon; expected {expected}.")
            }
            Problem::FormulaUnexpected { found, expected } => {
                format!("Found `{found}` where {expected} was expected.")
            }
            Problem::FormulaNumber { text } => {
                format!("The number `{text}` is beyond the range of exact decimals.")
            }
            Problem::FormulaUnknownFunction { name } => format!(
                "There is no function `{name}`; the functions are: sum, avg, min, max, abs, round, \
                 coalesce, is_missing, if, prev, last_year."
            ),
            Problem::FormulaArity {
                function,
                expected,
                found,
            } => {
                format!("Function `{function}` takes {expected} argument(s) but was given {found}.")
            }
            Problem::FormulaPeriodArgument { function } => {
                format!("Function `{function}` takes a single data element or indicator code.")
            }
            Problem::FormulaType {
                operation,
                expected,
                found,
            } => format!(
                "`{operation}` needs a {} value but got a {} value.",
                expected.label().en,
                found.label().en
            ),
            Problem::FormulaRoundPlaces => {
                "The places of `round` must be a whole number from 0 to 28, written out.".to_owned()
            }
            Problem::FormulaResultType { expected, found } => format!(
                "The formula gives a {} value but the indicator holds {} values.",
                found.label().en,
                expected.label().en
            ),
            Problem::ReferenceCycle { cycle } => {
                format!("Indicators refer to each other in a circle: {cycle}.")
            }
            Problem::LedgerUnknownRevision { revision } => {
                format!("Ledger entry {revision} is not a submission.")
            }
            Problem::LedgerAlreadyDecided { revision, status } => {
                format!("Submission {revision} has already been decided (status `{status}`).")
            }
            Problem::LedgerTimeAhead { claimed, now } => {
                format!("The time {claimed} is later than the store's clock ({now}).")
            }
            Problem::LedgerDecisionBeforeSubmission {
                revision,
                at,
                received,
            } => format!(
                "A decision at {at} predates the receipt of submission {revision} ({received})."
            ),
            Problem::LedgerNotAnAssignment { entry } => {
                format!("Ledger entry {entry} is not an assignment.")
            }
            Problem::LedgerAlreadyWithdrawn { entry } => {
                format!("The assignment at entry {entry} has already been withdrawn.")
            }
            Problem::LedgerWithdrawalExtends { to, until } => format!(
                "A withdrawal only ends an assignment sooner: {to} is after its last period, {until}."
            ),
            Problem::LedgerEvidenceRequired { revision, item } => format!(
                "Submission {revision} (`{item}`) lacks the evidence the catalogue requires: it cannot be approved."
            ),
            Problem::CatalogueNotInForce {
                version,
                from,
                period,
            } => format!(
                "{period} ended before catalogue version {version} took effect ({from}): the result is not under the version in force for it."
            ),
            Problem::AssignedItemGone { item, version } => format!(
                "The assigned item `{item}` is not in catalogue version {version}, and no indicator replaces it (`replaces`)."
            ),
            Problem::LedgerPublicationHash => {
                "The published ranking's hash is not the hash of the ranking.".to_owned()
            }
            Problem::LedgerBatchAppended => {
                "A batch of rows is recorded by an import, not appended as a single entry."
                    .to_owned()
            }
            Problem::LedgerPublicationStale { computed, head } => format!(
                "The ranking was computed on ledger head {computed}, but the head is now {head}: recompute, then publish."
            ),
            Problem::LedgerAlreadyPublished {
                period,
                publication,
            } => format!(
                "{period} is already published (entry {publication}); a republication names the entry it replaces and why."
            ),
            Problem::LedgerNotAPublication { sequence } => {
                format!("Ledger entry {sequence} is not a publication of this period.")
            }
            Problem::LedgerPeriodClosed {
                period,
                publication,
            } => format!(
                "{period} was closed when it was published (entry {publication}): only a correction naming the publication is accepted."
            ),
            Problem::UnknownUnit { unit } => {
                format!("There is no unit `{unit}` in the organisation tree.")
            }
            Problem::TwoHeads { unit, first } => {
                format!("Unit `{unit}` has two heads (the first at {first}).")
            }
            Problem::AssignmentReversed { from, to } => {
                format!("The last period {to} comes before the first, {from}.")
            }
            Problem::AssignmentOverlap { unit, item, other } => format!(
                "`{item}` is already assigned to `{unit}` for some of these periods (see {other})."
            ),
            Problem::AssignmentFocalOfficer { person, unit } => format!(
                "`{person}` is not a focal officer of `{unit}`: every assigned item is tied to one."
            ),
            Problem::AssignmentNotFromAbove { by, unit } => {
                format!("`{by}` is not above `{unit}`, so it cannot assign to it.")
            }
            Problem::LedgerWrongCycle { period, cycle } => {
                format!("Period {period} is not one of the indicator's `{cycle}` cycle.")
            }
            Problem::UnitCycle { unit } => {
                format!("Unit `{unit}` is above itself (a loop in the organisation tree).")
            }
            Problem::EvidenceHash { value } => {
                format!("The evidence SHA-256 `{value}` must be 64 lowercase hexadecimal digits.")
            }
            Problem::TargetMissingField { comparator, field } => {
                format!("A target with comparator `{comparator}` needs the field `{field}`.")
            }
            Problem::TargetUnexpectedField { comparator, field } => {
                format!("A target with comparator `{comparator}` does not use the field `{field}`.")
            }
            Problem::TargetRangeUnordered { min, max } => {
                format!(
                    "The target range is reversed: the lower bound {min} exceeds the upper bound {max}."
                )
            }
            Problem::TargetYearOutOfRange { year } => {
                format!("Milestone year {year} is outside 2000–2100.")
            }
            Problem::TargetValueOutOfRange {
                value,
                value_type,
                allowed_en,
                ..
            } => {
                format!("Target value {value} does not fit type `{value_type}`: {allowed_en}.")
            }
            Problem::TargetTypeMismatch {
                comparator,
                value_type,
            } => format!(
                "Comparator `{comparator}` cannot be used for an indicator of type `{value_type}`."
            ),
            Problem::TargetDuplicate { scope, year } => {
                format!("Two targets share scope `{scope}` and year {year}.")
            }
            Problem::SchemeOutOfRange { field, expected } => {
                format!("The evaluation scheme's `{field}` must be {}.", expected.en)
            }
            Problem::NegativeWeight => "A weight cannot be negative.".to_owned(),
            Problem::NegativeMaxPoints => "Maximum points cannot be negative.".to_owned(),
            Problem::PrecisionOutOfRange { precision, limit } => {
                format!("Precision {precision} exceeds the maximum of {limit} decimal places.")
            }
            Problem::ExplanationWithoutTarget => "An indicator that must be explained when off \
                 track has no target to be measured against."
                .to_owned(),
            Problem::BandWithoutRange => {
                "An `inside_band` indicator needs a `range` target to give the band.".to_owned()
            }
            Problem::EvidenceWithoutDocuments => {
                "Evidence is required but the kind of document is not stated.".to_owned()
            }
            Problem::UnusedDataElement { code } => {
                format!("Data element `{code}` is not used by any formula.")
            }
            Problem::RuleTypeMismatch {
                operator,
                left,
                right,
            } => format!(
                "Operator `{operator}` cannot compare a left side of type {} with a right side \
                 of type {}.",
                left.label().en,
                right.label().en
            ),
        }
    }
}

/// serde's description of a value found (such as: integer 1) in Vietnamese: the kind is
/// translated, the value itself kept.
fn found_vi(found: &str) -> String {
    const KINDS: [(&str, &str); 8] = [
        ("boolean", "giá trị đúng/sai"),
        ("integer", "số nguyên"),
        ("floating point", "số thực"),
        ("string", "chuỗi"),
        ("map", "đối tượng"),
        ("sequence", "mảng"),
        ("null", "giá trị null"),
        ("unit value", "giá trị rỗng"),
    ];
    for (en, vi) in KINDS {
        if let Some(rest) = found.strip_prefix(en) {
            return format!("{vi}{rest}");
        }
    }
    found.to_owned()
}

/// serde's description of what was expected, with Rust's words (`u32`, `struct Text`) put
/// plainly.
fn expected_en(expected: &str) -> String {
    match expected {
        "u8" | "u16" | "u32" | "u64" | "usize" => "a whole number (0 or more)".to_owned(),
        _ if expected.starts_with("struct ") || expected.contains("tagged enum") => {
            "an object".to_owned()
        }
        _ => expected.to_owned(),
    }
}

/// serde's description of what was expected (`u32`, `a string`, `struct Text`) in Vietnamese.
fn expected_vi(expected: &str) -> String {
    let word = match expected {
        "u8" | "u16" | "u32" | "u64" | "usize" => "số nguyên không âm",
        "a string" | "a borrowed string" => "một chuỗi",
        "a boolean" => "giá trị đúng/sai (true hoặc false)",
        "a sequence" => "một mảng",
        "a date written YYYY-MM-DD" => "một ngày viết dạng YYYY-MM-DD",
        "a period written 2026-05, 2026-Q2, 2026-H1 or 2026" => {
            "một kỳ báo cáo viết dạng 2026-05, 2026-Q2, 2026-H1 hoặc 2026"
        }
        "a cut-off day within 2–28" => "một ngày chốt số liệu trong khoảng 2–28",
        "a number of working days within 0–366" => "một số ngày làm việc trong khoảng 0–366",
        _ if expected.starts_with("struct ") || expected.contains("tagged enum") => "một đối tượng",
        _ => return expected.to_owned(),
    };
    word.to_owned()
}

/// The parser's "expected" phrases in Vietnamese.
fn expected_token_vi(expected: &str) -> &str {
    match expected {
        "an operator or the end of the formula" => "một phép toán hoặc kết thúc công thức",
        "`and` between two comparisons" => "`and` giữa hai phép so sánh",
        "an expression" => "một biểu thức",
        "a number, a code, a function or `(`" => "một số, một mã, một hàm hoặc `(`",
        "`)`" => "`)`",
        "`(`" => "`(`",
        "`,` or `)`" => "`,` hoặc `)`",
        other => other,
    }
}

/// A revision's status (`approved`, `returned`, `submitted`) in Vietnamese words, so that no
/// English word sits inside a Vietnamese message.
fn status_vi(status: &str) -> &str {
    match status {
        "approved" => "đã phê duyệt",
        "returned" => "đã trả lại",
        "submitted" => "chờ xử lý",
        other => other,
    }
}

/// A reporting cycle (`monthly`, ...) as the Vietnamese label names it.
fn cycle_vi(cycle: &str) -> String {
    serde_json::from_value::<crate::period::Cycle>(serde_json::Value::String(cycle.to_owned()))
        .map_or_else(|_| cycle.to_owned(), |c| c.label().vi.to_lowercase())
}
