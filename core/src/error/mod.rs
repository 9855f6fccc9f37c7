//! The one error type of chiso's public API.

use serde::ser::{Serialize, SerializeStruct, Serializer};

mod invalid_period;
mod tamper;

pub use invalid_period::InvalidPeriod;
pub use tamper::Tamper;

use crate::Finding;

/// Everything that can go wrong when calling chiso, each with a stable [`code`](Error::code),
/// a [`path`](Error::path) into the input, and messages in Vietnamese and English.
///
/// ```
/// use chiso::Catalogue;
/// let err = Catalogue::from_json(r#"{"id": "x"}"#).unwrap_err();
/// assert_eq!(err.code(), "catalogue.invalid");
/// assert_eq!(err.findings()[0].code, "json.missing_field");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, strum::EnumIter, strum::EnumMessage)]
pub enum Error {
    /// A catalogue could not be read or did not pass validation; every finding is listed.
    #[error("{}", invalid_summary(.findings))]
    InvalidCatalogue {
        /// All findings, errors and warnings.
        findings: Vec<Finding>,
    },
    /// No indicator or data element has the code asked for.
    #[error("no indicator or data element has the code `{code}`")]
    UnknownCode {
        /// The code asked for.
        code: String,
    },
    /// A text is not a reporting period.
    #[error("`{value}` is not a period ({}): write 2026-05, 2026-Q2, 2026-H1 or 2026", .reason.message_en())]
    InvalidPeriod {
        /// The text given.
        value: String,
        /// Why it is not one.
        reason: InvalidPeriod,
    },
    /// A formula did not pass the checker; every finding is listed.
    #[error("{}", invalid_formula_summary(.findings))]
    InvalidFormula {
        /// All findings.
        findings: Vec<Finding>,
    },
    /// A JSON input other than a catalogue (a reporting calendar, a set of values) could not
    /// be read; the finding says where and why.
    #[error("the {what} cannot be read: {}", invalid_summary_plain(.findings))]
    InvalidInput {
        /// What was being read.
        what: InputKind,
        /// Why, with the path.
        findings: Vec<Finding>,
    },
    /// A ledger entry was refused; the ledger is unchanged.
    #[error("the ledger entry is refused: {}", invalid_summary_plain(.findings))]
    InvalidEntry {
        /// Why.
        findings: Vec<Finding>,
    },
    /// A ledger's hash chain does not hold where it was read or extended: the entry at
    /// `position` was edited, removed, inserted, reordered or backdated, or the ledger ends
    /// before a head it is known to have reached.
    #[error("the ledger was tampered with: entry {position} ({})", .kind.label().en)]
    Tampered {
        /// The position (from 1) of the first entry found wrong.
        position: u64,
        /// What was done to it.
        kind: Tamper,
    },
    /// The access policy refuses a request.
    #[error("`{actor}` may not do this: {}", .reason.label().en)]
    Denied {
        /// The acting unit.
        actor: String,
        /// Why not.
        reason: crate::access::Denial,
    },
    /// An argument is not one of the words it may be (a layer other than `a`, `b`, `c`, ...).
    #[error("`{value}` is not a valid {name}; expected one of: {expected}")]
    InvalidArgument {
        /// The argument's name.
        name: &'static str,
        /// The value given.
        value: String,
        /// The allowed values.
        expected: String,
    },
}

/// The kind of an error, which decides the exception or `Error` name a binding raises: every
/// front door maps from this one list, so the same bad input is the same kind of error in
/// Python and in JavaScript.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    strum::EnumIter,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum ErrorCategory {
    /// A catalogue is invalid, or has no such code.
    Catalogue,
    /// A text is not a reporting period.
    Period,
    /// A formula did not pass the checker.
    Formula,
    /// Input data (JSON, a table of observations, a scheme) cannot be read.
    Data,
    /// A ledger entry was refused, or the ledger was tampered with.
    Ledger,
    /// The access policy refuses a request.
    Policy,
    /// An argument is not one of its allowed values.
    Argument,
    /// A durable store could not be read, verified or appended to.
    Store,
    /// A bug inside chiso (a caught panic).
    Internal,
}

impl ErrorCategory {
    /// The name of the exception (Python) or `Error` (JavaScript) of this category.
    ///
    /// ```
    /// use chiso::ErrorCategory;
    /// let error: chiso::Error = "2026-Q5".parse::<chiso::period::Period>().unwrap_err();
    /// assert_eq!(error.category(), ErrorCategory::Period);
    /// assert_eq!(error.category().exception(), "PeriodError");
    /// ```
    pub fn exception(self) -> &'static str {
        match self {
            ErrorCategory::Catalogue => "CatalogueError",
            ErrorCategory::Period => "PeriodError",
            ErrorCategory::Formula => "FormulaError",
            ErrorCategory::Data => "DataError",
            ErrorCategory::Ledger => "LedgerError",
            ErrorCategory::Policy => "PolicyError",
            ErrorCategory::Argument => "ArgumentError",
            ErrorCategory::Store => "StoreError",
            ErrorCategory::Internal => "InternalError",
        }
    }

    /// Its name in both languages.
    pub fn label(self) -> crate::Text {
        use crate::Text;
        match self {
            ErrorCategory::Catalogue => Text::new("Lỗi bộ chỉ số", "Catalogue error"),
            ErrorCategory::Period => Text::new("Lỗi kỳ báo cáo", "Period error"),
            ErrorCategory::Formula => Text::new("Lỗi công thức", "Formula error"),
            ErrorCategory::Data => Text::new("Lỗi dữ liệu đầu vào", "Data error"),
            ErrorCategory::Ledger => Text::new("Lỗi sổ cái", "Ledger error"),
            ErrorCategory::Policy => Text::new("Không được phép", "Not permitted"),
            ErrorCategory::Argument => Text::new("Lỗi tham số", "Argument error"),
            ErrorCategory::Store => Text::new("Lỗi kho lưu trữ", "Store error"),
            ErrorCategory::Internal => Text::new("Lỗi nội bộ", "Internal error"),
        }
    }
}

impl Error {
    /// The error's kind, which every binding maps to its exception.
    pub fn category(&self) -> ErrorCategory {
        match self {
            Error::InvalidCatalogue { .. } | Error::UnknownCode { .. } => ErrorCategory::Catalogue,
            Error::InvalidPeriod { .. } => ErrorCategory::Period,
            Error::InvalidFormula { .. } => ErrorCategory::Formula,
            Error::InvalidInput { .. } => ErrorCategory::Data,
            Error::InvalidEntry { .. } | Error::Tampered { .. } => ErrorCategory::Ledger,
            Error::Denied { .. } => ErrorCategory::Policy,
            Error::InvalidArgument { .. } => ErrorCategory::Argument,
        }
    }

    /// The stable code.
    pub fn code(&self) -> &'static str {
        match self {
            Error::InvalidCatalogue { .. } => "catalogue.invalid",
            Error::UnknownCode { .. } => "catalogue.unknown_code",
            Error::InvalidPeriod { .. } => "period.invalid",
            Error::InvalidFormula { .. } => "formula.invalid",
            Error::InvalidInput { .. } => "input.invalid",
            Error::InvalidEntry { .. } => "ledger.invalid_entry",
            Error::Tampered { .. } => "ledger.tampered",
            Error::Denied { .. } => "policy.denied",
            Error::InvalidArgument { .. } => "argument.invalid",
        }
    }

    /// A JSON Pointer to the (first) offending value, when there is one.
    pub fn path(&self) -> Option<&str> {
        match self {
            Error::InvalidCatalogue { findings }
            | Error::InvalidFormula { findings }
            | Error::InvalidInput { findings, .. }
            | Error::InvalidEntry { findings } => first_error(findings).map(|f| f.path.as_str()),
            Error::UnknownCode { .. }
            | Error::InvalidPeriod { .. }
            | Error::Tampered { .. }
            | Error::Denied { .. }
            | Error::InvalidArgument { .. } => None,
        }
    }

    /// The findings behind the error (empty when it has none).
    pub fn findings(&self) -> &[Finding] {
        match self {
            Error::InvalidCatalogue { findings }
            | Error::InvalidFormula { findings }
            | Error::InvalidInput { findings, .. }
            | Error::InvalidEntry { findings } => findings,
            Error::UnknownCode { .. }
            | Error::InvalidPeriod { .. }
            | Error::Tampered { .. }
            | Error::Denied { .. }
            | Error::InvalidArgument { .. } => &[],
        }
    }

    /// The message in Vietnamese.
    pub fn message_vi(&self) -> String {
        match self {
            Error::InvalidCatalogue { findings } => {
                let count = findings.iter().filter(|f| f.is_error()).count();
                let first = first_error(findings).map_or("", |f| f.message_vi.as_str());
                format!("Bộ chỉ số không hợp lệ: {count} lỗi. Lỗi đầu tiên: {first}")
            }
            Error::UnknownCode { code } => {
                format!("Không có chỉ số hay chỉ tiêu dữ liệu nào mã `{code}`.")
            }
            Error::InvalidPeriod { value, reason } => format!(
                "`{value}` không phải kỳ báo cáo ({}): viết 2026-05, 2026-Q2, 2026-H1 hoặc 2026.",
                reason.message_vi()
            ),
            Error::InvalidFormula { findings } => {
                let count = findings.iter().filter(|f| f.is_error()).count();
                let first = first_error(findings).map_or("", |f| f.message_vi.as_str());
                format!("Công thức không hợp lệ: {count} lỗi. Lỗi đầu tiên: {first}")
            }
            Error::InvalidInput { what, findings } => {
                let first = first_error(findings).map_or("", |f| f.message_vi.as_str());
                let what = what.label().vi;
                format!("Không đọc được {what}: {first}")
            }
            Error::InvalidEntry { findings } => {
                let first = first_error(findings).map_or("", |f| f.message_vi.as_str());
                format!("Mục sổ cái bị từ chối: {first}")
            }
            Error::Tampered { position, kind } => {
                format!("Sổ cái bị sửa: mục {position} ({}).", kind.label().vi)
            }
            Error::Denied { actor, reason } => {
                format!(
                    "`{actor}` không được thực hiện thao tác này: {}.",
                    reason.label().vi
                )
            }
            Error::InvalidArgument {
                name,
                value,
                expected,
            } => {
                format!("`{value}` không phải giá trị hợp lệ của {name}; chấp nhận: {expected}.")
            }
        }
    }

    /// The message in English.
    pub fn message_en(&self) -> String {
        self.to_string()
    }
}

/// A kind of JSON input other than a catalogue.
#[derive(Debug, Clone, Default, Copy, PartialEq, Eq, Hash)]
pub enum InputKind {
    /// A [`ReportingCalendar`](crate::period::ReportingCalendar).
    // The default only fills the error registry's blank examples.
    #[default]
    ReportingCalendar,
    /// Named [`Values`](crate::formula::Values) for a formula.
    Values,
    /// A [`Ledger`](crate::ledger::Ledger) in JSON Lines.
    Ledger,
    /// An organisation chart.
    OrgTree,
    /// A list of [`Assignment`](crate::org::Assignment)s.
    Assignments,
    /// A ledger [`Action`](crate::ledger::Action).
    Action,
    /// A policy [`Request`](crate::org::Request).
    Request,
    /// An evaluation [`Scheme`](crate::evaluation::Scheme).
    Scheme,
    /// A scoring, composite, ranking or progress request (see
    /// [`score_json`](crate::evaluation::score_json)).
    EvaluationRequest,
    /// An [`Evaluation`](crate::evaluation::Evaluation) read back from JSON.
    Evaluation,
    /// A table of observations to [import](crate::ledger::Ledger::import).
    Observations,
    /// A [`Filing`](crate::ledger::Filing): what a reporting form sends at once.
    Filing,
}

impl InputKind {
    /// Its name in both languages.
    pub fn label(self) -> crate::Text {
        match self {
            InputKind::ReportingCalendar => crate::Text::new("lịch báo cáo", "reporting calendar"),
            InputKind::Values => crate::Text::new("bộ giá trị", "values"),
            InputKind::Ledger => crate::Text::new("sổ cái", "ledger"),
            InputKind::OrgTree => crate::Text::new("cây tổ chức", "organisation tree"),
            InputKind::Assignments => crate::Text::new("danh sách giao chỉ tiêu", "assignments"),
            InputKind::Action => crate::Text::new("thao tác trên sổ cái", "ledger action"),
            InputKind::Request => crate::Text::new("yêu cầu truy cập", "access request"),
            InputKind::Scheme => crate::Text::new("phương pháp đánh giá", "evaluation scheme"),
            InputKind::Evaluation => crate::Text::new("kết quả đánh giá", "evaluation"),
            InputKind::Observations => crate::Text::new("bảng số liệu", "observations"),
            InputKind::Filing => crate::Text::new("hồ sơ báo cáo", "filing"),
            InputKind::EvaluationRequest => {
                crate::Text::new("yêu cầu tính điểm", "evaluation request")
            }
        }
    }
}

impl std::fmt::Display for InputKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.label().en)
    }
}

fn first_error(findings: &[Finding]) -> Option<&Finding> {
    findings.iter().find(|f| f.is_error())
}

fn invalid_summary_plain(findings: &[Finding]) -> String {
    first_error(findings).map_or_else(String::new, |f| f.message_en.clone())
}

fn invalid_formula_summary(findings: &[Finding]) -> String {
    let count = findings.iter().filter(|f| f.is_error()).count();
    let first = first_error(findings).map_or("", |f| f.message_en.as_str());
    format!("The formula is invalid: {count} error(s). First: {first}")
}

fn invalid_summary(findings: &[Finding]) -> String {
    let count = findings.iter().filter(|f| f.is_error()).count();
    let first = first_error(findings).map_or("", |f| f.message_en.as_str());
    format!("The catalogue is invalid: {count} error(s). First: {first}")
}

/// Serialised as `{"code", "path", "message_vi", "message_en", "findings"}`: the shape every
/// binding hands to its users.
impl Serialize for Error {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Error", 5)?;
        s.serialize_field("code", self.code())?;
        s.serialize_field("path", &self.path())?;
        s.serialize_field("message_vi", &self.message_vi())?;
        s.serialize_field("message_en", &self.message_en())?;
        s.serialize_field("findings", self.findings())?;
        s.end()
    }
}
