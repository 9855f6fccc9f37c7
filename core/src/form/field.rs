//! One form field checked as it is typed: the text read as the item's kind of value, and what
//! is wrong with it, before anything is sent.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{FieldFlaw, read_number, write_number};
use crate::catalogue::ValueType;
use crate::{Catalogue, Error, Finding, Lang, Text, Value};

/// The longest text a text field takes, in characters.
pub const MAX_TEXT_CHARS: usize = 4000;

/// What a field's text says, and whether it can be sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FieldCheck {
    /// The indicator or data element.
    pub item: String,
    /// The text as typed.
    pub text: String,
    /// Whether the field is empty (not yet answered: missing, never zero).
    pub blank: bool,
    /// Whether the value can be sent as it is: blank, or read without an error.
    pub valid: bool,
    /// The value read, when the text could be read (it may still be out of range).
    pub value: Option<Value>,
    /// The value as people read it in each language (`1.234,5` / `1,234.5`).
    pub display: Option<Text>,
    /// What is wrong, each with a stable code and messages (and, for a stray character, its
    /// place in the text).
    pub findings: Vec<Finding>,
}

/// Checks `text`, typed into the field of `item` (an indicator or data element of
/// `catalogue`): reads it as the item's kind of value ([`read_number`] for numbers, with a
/// trailing `%` allowed for percentages; `có` / `không`, `yes` / `no`, `1` / `0` for yes/no)
/// and checks the value against the type. Fails only for an unknown item.
///
/// ```
/// use chiso::{Catalogue, Value, form::check_field};
/// let nq57 = Catalogue::nq57();
/// let check = check_field(&nq57, "B05", " 87,5 % ")?;
/// assert!(check.valid);
/// assert_eq!(check.value, Some(Value::Number("87.5".parse().unwrap())));
/// assert_eq!(check.display.unwrap().vi, "87,5");
///
/// let count = check_field(&nq57, "C01", "2,5")?; // sandboxes are counted whole
/// assert_eq!(count.findings[0].code, "field.out_of_range");
/// assert!(check_field(&nq57, "C01", "")?.blank);
/// assert_eq!(check_field(&nq57, "Z99", "1").unwrap_err().code(), "catalogue.unknown_code");
/// # Ok::<(), chiso::Error>(())
/// ```
pub fn check_field(catalogue: &Catalogue, item: &str, text: &str) -> Result<FieldCheck, Error> {
    let value_type = catalogue
        .indicator(item)
        .map(|i| i.value_type)
        .or_else(|| catalogue.data_element(item).map(|d| d.value_type))
        .ok_or_else(|| Error::UnknownCode {
            code: item.to_owned(),
        })?;
    let trimmed = text.trim();
    let lead = text.len() - text.trim_start().len();
    let mut check = FieldCheck {
        item: item.to_owned(),
        text: text.to_owned(),
        blank: trimmed.is_empty(),
        valid: true,
        value: None,
        display: None,
        findings: Vec::new(),
    };
    if check.blank {
        return Ok(check);
    }
    match read_value(trimmed, value_type) {
        Ok(value) => {
            if let Value::Number(n) = value {
                check.display = Some(Text::new(
                    write_number(n, Lang::Vi),
                    write_number(n, Lang::En),
                ));
                if let Some(allowed) = value_type.refuses(n) {
                    check
                        .findings
                        .push(FieldFlaw::OutOfRange { allowed }.finding(text));
                }
            } else if let Value::Bool(b) = value {
                check.display = Some(if b {
                    Text::new("Có", "Yes")
                } else {
                    Text::new("Không", "No")
                });
            }
            check.value = Some(value);
        }
        Err(flaw) => check.findings.push(flaw.shifted(lead).finding(text)),
    }
    check.valid = check.findings.iter().all(|f| !f.is_error());
    Ok(check)
}

fn read_value(text: &str, value_type: ValueType) -> Result<Value, FieldFlaw> {
    match value_type {
        ValueType::Text => {
            if text.chars().count() > MAX_TEXT_CHARS {
                return Err(FieldFlaw::TooLong {
                    limit: MAX_TEXT_CHARS,
                });
            }
            Ok(Value::Text(crate::nfc(text).into_owned()))
        }
        ValueType::YesNo => yes_no(&crate::nfc(text))
            .map(Value::Bool)
            .ok_or(FieldFlaw::NotYesNo),
        ValueType::Percent => {
            let number = text.strip_suffix('%').map_or(text, str::trim_end);
            read_number(number, false).map(Value::Number)
        }
        ValueType::Count | ValueType::Rank => read_number(text, true).map(Value::Number),
        ValueType::Number | ValueType::Ratio => read_number(text, false).map(Value::Number),
    }
}

/// A yes/no answer in either language (case and Vietnamese marks as typed, or without marks).
fn yes_no(text: &str) -> Option<bool> {
    match text.to_lowercase().as_str() {
        "có" | "co" | "yes" | "y" | "1" | "true" => Some(true),
        "không" | "khong" | "no" | "n" | "0" | "false" => Some(false),
        _ => None,
    }
}
