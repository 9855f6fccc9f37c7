//! Problems: what chiso can find wrong in an input. Each module declares its own (the formula's
//! in `formula/problem.rs`, the catalogue's, the organisation's, the ledger's, the scoring
//! scheme's), each code once, on its variant, with its messages in both languages side by side;
//! [`crate::vocabulary::problems`] lists them all, and the docs' table is generated from it.
//! This file holds the trait and the problems any input can have: its JSON, size and decimals.
//!
//! Codes never change meaning once released; new problems get new codes.

use strum::{EnumIter, EnumMessage, IntoStaticStr};

use crate::{Severity, Text};

/// A kind of problem found in an input, with the details its messages need.
///
/// ```
/// use chiso::{InputProblem, Problem, Severity};
/// let problem = InputProblem::JsonMissingField { field: "id".to_owned() };
/// assert_eq!(problem.code(), "json.missing_field");
/// assert_eq!(problem.severity(), Severity::Error);
/// assert_eq!(problem.message().vi, "Thiếu trường bắt buộc `id`.");
/// ```
pub trait Problem {
    /// The stable code (`formula.syntax`).
    fn code(&self) -> &'static str;

    /// Whether it makes the input unusable: most do, a few are warnings.
    fn severity(&self) -> Severity {
        Severity::Error
    }

    /// What is wrong, in Vietnamese and English.
    fn message(&self) -> Text;
}

/// A problem found in reading any input: its JSON, its size and its exact decimals.
#[derive(Debug, Clone, PartialEq, Eq, IntoStaticStr, EnumIter, EnumMessage)]
#[non_exhaustive]
pub enum InputProblem {
    /// The text is not well-formed JSON.
    #[strum(serialize = "json.syntax")]
    JsonSyntax {
        /// The parser's description (English).
        detail: String,
    },
    /// An object has a field the format does not define (often a misspelling).
    #[strum(serialize = "json.unknown_field")]
    JsonUnknownField {
        /// The field as written.
        field: String,
    },
    /// A required field is absent.
    #[strum(serialize = "json.missing_field")]
    JsonMissingField {
        /// The missing field.
        field: String,
    },
    /// A field holds a value outside its list of allowed words.
    #[strum(serialize = "json.unknown_variant")]
    JsonUnknownVariant {
        /// The value as written.
        value: String,
        /// The allowed values.
        expected: String,
    },
    /// A field holds the wrong kind of JSON value (a number where a string is expected, ...).
    #[strum(serialize = "json.invalid_type")]
    JsonInvalidType {
        /// What was found, in serde's words (`string "1"`).
        found: String,
        /// What was expected, in serde's words (`u32`).
        expected: String,
    },
    /// A field holds a value of the right kind that cannot be read (a malformed date, ...).
    #[strum(serialize = "json.invalid_value")]
    JsonInvalidValue {
        /// What was found, in serde's words.
        found: String,
        /// What was expected, in serde's words (may be empty).
        expected: String,
    },
    /// A decimal is not a string holding a decimal number.
    #[strum(serialize = "json.invalid_decimal")]
    JsonInvalidDecimal {
        /// What was found, as serde describes it (such as: integer 1).
        found: String,
    },
    /// A decimal with more digits than an exact decimal holds (28 after the point, about 29 in
    /// all): reading it would round it.
    #[strum(serialize = "json.inexact_decimal")]
    DecimalTooPrecise {
        /// The decimal as written.
        text: String,
    },
    /// The input is larger than chiso accepts.
    #[strum(serialize = "input.too_large")]
    InputTooLarge {
        /// Size in bytes.
        size: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// JSON nests objects and arrays deeper than chiso accepts.
    #[strum(serialize = "input.too_deep")]
    InputTooDeep {
        /// The limit in levels.
        limit: usize,
    },
    /// A JSON string (or a text field) is longer than chiso accepts.
    #[strum(serialize = "input.string_too_long")]
    StringTooLong {
        /// Its length in bytes.
        length: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// A list holds more entries than chiso accepts.
    #[strum(serialize = "input.too_many")]
    TooMany {
        /// What the list holds, in Vietnamese and English.
        what: (&'static str, &'static str),
        /// How many it holds (at least).
        count: usize,
        /// The limit.
        limit: usize,
    },
}

impl Problem for InputProblem {
    fn code(&self) -> &'static str {
        self.into()
    }

    #[allow(clippy::too_many_lines)] // one arm per problem, both languages side by side
    fn message(&self) -> Text {
        match self {
            Self::JsonSyntax { detail } => Text::new(
                format!("Văn bản không phải JSON hợp lệ ({detail})."),
                format!("The text is not valid JSON ({detail})."),
            ),
            Self::JsonUnknownField { field } => Text::new(
                {
                    format!("Trường `{field}` không có trong định dạng (có thể viết sai tên).")
                },
                format!("Field `{field}` is not part of the format (check its spelling)."),
            ),
            Self::JsonMissingField { field } => Text::new(
                format!("Thiếu trường bắt buộc `{field}`."),
                format!("Required field `{field}` is missing."),
            ),
            Self::JsonUnknownVariant { value, expected } => Text::new(
                {
                    format!(
                        "Giá trị `{value}` không hợp lệ; các giá trị được chấp nhận: {expected}."
                    )
                },
                format!("Value `{value}` is not allowed; expected one of: {expected}."),
            ),
            Self::JsonInvalidType { found, expected } => Text::new(
                {
                    format!(
                        "Sai kiểu dữ liệu: cần {}, nhưng gặp {}.",
                        expected_vi(expected),
                        found_vi(found)
                    )
                },
                {
                    format!(
                        "Wrong type of value: expected {}, found {found}.",
                        expected_en(expected)
                    )
                },
            ),
            Self::JsonInvalidValue { found, expected } if expected.is_empty() => Text::new(
                format!("Giá trị không đọc được: {}.", found_vi(found)),
                format!("The value cannot be read: {found}."),
            ),
            Self::JsonInvalidValue { found, expected } => Text::new(
                {
                    format!(
                        "Giá trị {} không hợp lệ: cần {}.",
                        found_vi(found),
                        expected_vi(expected)
                    )
                },
                format!("The value {found} is invalid: expected {expected}."),
            ),
            Self::JsonInvalidDecimal { found } => Text::new(
                format!(
                    "Cần một số thập phân viết trong dấu ngoặc kép, dùng dấu chấm thập phân \
                 (ví dụ \"12.5\"), nhưng gặp {}.",
                    found_vi(found)
                ),
                format!(
                    "Expected a decimal number written as a string with a decimal point \
                 (such as \"12.5\"), found {found}."
                ),
            ),
            Self::InputTooLarge { size, limit } => Text::new(
                {
                    format!("Dữ liệu đầu vào quá lớn: {size} byte, tối đa {limit} byte.")
                },
                format!("The input is too large: {size} bytes, at most {limit} bytes."),
            ),
            Self::InputTooDeep { limit } => Text::new(
                format!("Dữ liệu JSON lồng nhau quá sâu: tối đa {limit} cấp."),
                format!("The JSON nests too deeply: at most {limit} levels."),
            ),
            Self::DecimalTooPrecise { text } => Text::new(
                format!(
                    "Số \"{text}\" có nhiều chữ số hơn mức số thập phân chính xác lưu được (tối đa 28 \
                 chữ số sau dấu thập phân); đọc vào sẽ bị làm tròn."
                ),
                format!(
                    "The number \"{text}\" has more digits than an exact decimal holds (at most 28 \
                 after the point); reading it would round it."
                ),
            ),
            Self::StringTooLong { length, limit } => Text::new(
                format!("Chuỗi ký tự quá dài: {length} byte, tối đa {limit} byte."),
                format!("A text is too long: {length} bytes, at most {limit} bytes."),
            ),
            Self::TooMany { what, count, limit } => Text::new(
                format!("Quá nhiều {}: {count}, tối đa {limit}.", what.0),
                format!("Too many {}: {count}, at most {limit}.", what.1),
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
