//! What can be wrong with one field as typed, with its stable code and its messages.

use crate::{Finding, Severity, Span, Text};

/// A problem with a value typed into a form field.
#[derive(Debug, Clone, PartialEq, Eq, strum::EnumIter, strum::EnumMessage)]
#[non_exhaustive]
pub enum FieldFlaw {
    /// A character that has no place in a number.
    NotANumber {
        /// The character.
        found: char,
        /// Its byte offsets in the text as typed.
        start: usize,
        /// Just past it.
        end: usize,
    },
    /// Thousands separators or the decimal mark in the wrong place (`12,`, `1.23.4`).
    Malformed,
    /// One mark before exactly three digits: thousands to one reader, a decimal to another.
    Ambiguous {
        /// The text as typed.
        text: String,
        /// The whole-number reading, digits only.
        thousands: String,
        /// The decimal reading, with a point.
        decimal: String,
    },
    /// More digits than exact decimals hold (28 significant digits).
    TooManyDigits,
    /// Longer than a field takes.
    TooLong {
        /// The limit, in characters.
        limit: usize,
    },
    /// A number the item's type does not allow (a fraction of a count, a ratio above 1).
    OutOfRange {
        /// What the type allows, in words.
        allowed: Text,
    },
    /// Not an answer to a yes/no question.
    NotYesNo,
}

impl FieldFlaw {
    /// The stable code.
    pub fn code(&self) -> &'static str {
        match self {
            FieldFlaw::NotANumber { .. } => "field.not_a_number",
            FieldFlaw::Malformed => "field.malformed_number",
            FieldFlaw::Ambiguous { .. } => "field.ambiguous_number",
            FieldFlaw::TooManyDigits => "field.too_many_digits",
            FieldFlaw::TooLong { .. } => "field.too_long",
            FieldFlaw::OutOfRange { .. } => "field.out_of_range",
            FieldFlaw::NotYesNo => "field.not_yes_no",
        }
    }

    /// What is wrong, in both languages, in words an official acts on.
    pub fn message(&self) -> Text {
        match self {
            FieldFlaw::NotANumber { found, .. } => Text::new(
                format!("“{found}” không phải là chữ số: chỉ nhập số, ví dụ 12,5"),
                format!("“{found}” is not a digit: type a number only, such as 12.5"),
            ),
            FieldFlaw::Malformed => Text::new(
                "dấu phân cách đặt sai chỗ: dấu chấm tách hàng nghìn, dấu phẩy tách phần thập phân, ví dụ 1.234,5",
                "a separator is in the wrong place: write for example 1234.5 or 1,234.5",
            ),
            FieldFlaw::Ambiguous {
                text,
                thousands,
                decimal,
            } => {
                let decimal_vi = crate::Style::of(crate::Lang::Vi).written(decimal);
                Text::new(
                    format!(
                        "không rõ “{text}” là {thousands} hay {decimal_vi}: viết {thousands} nếu là số nguyên; nếu là số thập phân, thêm chữ số 0 ở cuối ({decimal_vi}0)"
                    ),
                    format!(
                        "“{text}” could be {thousands} or {decimal}: write {thousands} for the whole number; for the decimal, add a trailing zero ({decimal}0)"
                    ),
                )
            }
            FieldFlaw::TooManyDigits => Text::new(
                "quá nhiều chữ số (tối đa 28 chữ số có nghĩa)",
                "too many digits (at most 28 significant digits)",
            ),
            FieldFlaw::TooLong { limit } => Text::new(
                format!("quá dài (tối đa {limit} ký tự)"),
                format!("too long (at most {limit} characters)"),
            ),
            FieldFlaw::OutOfRange { allowed } => Text::new(
                format!("giá trị phải là {}", allowed.vi),
                format!("the value must be {}", allowed.en),
            ),
            FieldFlaw::NotYesNo => Text::new(
                "chọn “Có” hoặc “Không” (hoặc nhập 1 hay 0)",
                "choose “Yes” or “No” (or type 1 or 0)",
            ),
        }
    }

    /// The same flaw with its place moved `by` bytes on (read from a trimmed text, shown
    /// in the text as typed).
    #[must_use]
    pub fn shifted(self, by: usize) -> Self {
        match self {
            FieldFlaw::NotANumber { found, start, end } => FieldFlaw::NotANumber {
                found,
                start: start + by,
                end: end + by,
            },
            other => other,
        }
    }

    /// The finding, located in `text` (the field as typed) where the flaw has a place.
    pub fn finding(&self, text: &str) -> Finding {
        let message = self.message();
        let span = match self {
            FieldFlaw::NotANumber { start, end, .. } => Some(Span::locate(text, *start, *end)),
            _ => None,
        };
        Finding {
            code: self.code().to_owned(),
            severity: Severity::Error,
            path: String::new(),
            message_vi: message.vi,
            message_en: message.en,
            span,
        }
    }
}

impl crate::Problem for FieldFlaw {
    fn code(&self) -> &'static str {
        FieldFlaw::code(self)
    }

    fn message(&self) -> Text {
        FieldFlaw::message(self)
    }
}
