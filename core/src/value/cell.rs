//! A table's cell as a value: the one rule every front door reads cells by (a `DataFrame`'s
//! cells in Python, a row of strings or booleans in JavaScript, a field of a CSV file, a
//! command line's `CODE=VALUE`), so the same cell is the same value wherever it is read.

use super::{Missing, Value};
use crate::decimal::read_exact;
use crate::problem::InputProblem;

/// One cell as a table or a program holds it, before it is a [`Value`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cell<'a> {
    /// Nothing: an empty cell, `None`, `null`, `undefined`.
    Empty,
    /// A yes/no cell of a boolean type.
    Bool(bool),
    /// A binary float from a table's float column (pandas keeps whole numbers as floats once a
    /// cell is missing): read as the shortest decimal that prints as it, which is what the table
    /// showed (`0.1` is 0.1, not 0.1000000000000000055…). `NaN` is missing.
    Float(f64),
    /// A number a number type wrote in digits (an integer, a `decimal.Decimal`): it must be an
    /// exact decimal; `NaN` is missing.
    Digits(&'a str),
    /// Text: blank is missing, text that reads as a number is that number (and must be exact),
    /// any other text is a text value.
    Text(&'a str),
}

impl Value {
    /// The value `cell` holds, by the one rule of [`Cell`]; a number that exact decimals would
    /// have to round, or a float that is not finite, is refused, never rounded or clamped.
    ///
    /// ```
    /// use chiso::{Cell, Missing, Value};
    /// let number = |s: &str| Value::Number(s.parse().unwrap());
    /// assert_eq!(Value::from_cell(Cell::Text(" 12.50 ")), Ok(number("12.50")));
    /// assert_eq!(Value::from_cell(Cell::Text("1.5E-3")), Ok(number("0.0015")));
    /// assert_eq!(Value::from_cell(Cell::Text("  ")), Ok(Value::Missing(Missing::NoData)));
    /// assert_eq!(Value::from_cell(Cell::Text("đạt")), Ok(Value::Text("đạt".into())));
    /// assert_eq!(Value::from_cell(Cell::Float(0.1)), Ok(number("0.1")));
    /// assert_eq!(Value::from_cell(Cell::Float(f64::NAN)), Ok(Value::Missing(Missing::NoData)));
    /// assert_eq!(Value::from_cell(Cell::Digits("NaN")), Ok(Value::Missing(Missing::NoData)));
    /// // A 29th decimal place is refused, not rounded away.
    /// let refused = Value::from_cell(Cell::Text("0.00000000000000000000000000001")).unwrap_err();
    /// assert_eq!(chiso::Problem::code(&refused), "json.inexact_decimal");
    /// ```
    pub fn from_cell(cell: Cell<'_>) -> Result<Value, InputProblem> {
        match cell {
            Cell::Empty | Cell::Digits("NaN" | "sNaN" | "-NaN" | "-sNaN") => {
                Ok(Value::Missing(Missing::NoData))
            }
            Cell::Float(x) if x.is_nan() => Ok(Value::Missing(Missing::NoData)),
            Cell::Bool(b) => Ok(Value::Bool(b)),
            Cell::Float(x) if x.is_infinite() => Err(not_finite(&x.to_string())),
            // Rust writes a float as the shortest decimal that reads back as it, positionally.
            Cell::Float(x) => number(&x.to_string()),
            Cell::Digits(digits) => match number(digits.trim()) {
                Err(InputProblem::JsonInvalidValue { .. }) => Err(not_finite(digits)),
                read => read,
            },
            Cell::Text(text) => {
                let trimmed = text.trim();
                if trimmed.is_empty() {
                    return Ok(Value::Missing(Missing::NoData));
                }
                match number(trimmed) {
                    Err(InputProblem::JsonInvalidValue { .. }) => Ok(Value::Text(text.to_owned())),
                    read => read,
                }
            }
        }
    }
}

/// `text` as an exact number: `JsonInvalidValue` when it is no number at all, and
/// `DecimalTooPrecise` when it is one that exact decimals would have to round.
fn number(text: &str) -> Result<Value, InputProblem> {
    // The spelling decides first: `rust_decimal` would also read `1_000`, which is text here.
    if !written_as_number(text) {
        return Err(InputProblem::JsonInvalidValue {
            found: shortened(text),
            expected: String::new(),
        });
    }
    read_exact(text)
        .map(Value::Number)
        .ok_or_else(|| InputProblem::DecimalTooPrecise {
            text: shortened(text),
        })
}

/// At most [`SHOWN`] characters of `text` for a message, with `…` where it was cut: a cell of
/// four thousand digits is named, not copied.
fn shortened(text: &str) -> String {
    match text.char_indices().nth(SHOWN) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    }
}

/// How much of a refused cell a message shows.
const SHOWN: usize = 40;

/// Whether `text` is spelt as a decimal number (`-12.5`, `1.5E-7`), whatever its size: such text
/// is a number or refused, never a text value.
fn written_as_number(text: &str) -> bool {
    let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
    let (mantissa, exponent) = match unsigned.split_once(['e', 'E']) {
        Some((m, e)) => (m, Some(e.strip_prefix(['+', '-']).unwrap_or(e))),
        None => (unsigned, None),
    };
    let (int, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    digits(int)
        && digits(fraction)
        && !(int.is_empty() && fraction.is_empty())
        && exponent.is_none_or(|e| !e.is_empty() && digits(e))
}

fn not_finite(found: &str) -> InputProblem {
    InputProblem::JsonInvalidValue {
        found: shortened(found),
        expected: "a finite number".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn number(s: &str) -> Value {
        Value::Number(s.parse().unwrap())
    }

    /// `cell` read, as JSON: `Value`'s `==` compares decimals by amount (12.50 == 12.5), the
    /// JSON keeps the scale and the sign as read.
    fn read(cell: Cell<'_>) -> String {
        match Value::from_cell(cell) {
            Ok(value) => crate::to_json(&value),
            Err(problem) => crate::Problem::code(&problem).to_owned(),
        }
    }

    #[test]
    fn text_that_reads_as_a_number_is_that_number_whatever_its_spelling() {
        // Checked by hand: each is the decimal written, positionally, with its scale.
        for (text, expected) in [
            ("87.5", "87.5"),
            ("-0.000001", "-0.000001"),
            ("+3", "3"),
            ("2.5e+3", "2500"),
            ("1E-7", "0.0000001"),
            ("\t42\n", "42"),
            (
                "79228162514264337593543950335",
                "79228162514264337593543950335",
            ),
            ("+.5", "0.5"),
            ("12.50", "12.50"),
        ] {
            let expected = format!(r#"{{"number":"{expected}"}}"#);
            assert_eq!(read(Cell::Text(text)), expected, "{text}");
        }
    }

    #[test]
    fn other_text_is_text_as_written_and_blank_is_missing() {
        for text in [
            "đạt", "12,5", "1.2.3", "NaN", "true", " có ", "1_000", "1e", ".", "-", "Infinity",
            "0x10",
        ] {
            assert_eq!(
                Value::from_cell(Cell::Text(text)),
                Ok(Value::Text(text.to_owned()))
            );
        }
        for blank in ["", " ", "\t\n"] {
            assert_eq!(
                Value::from_cell(Cell::Text(blank)),
                Ok(Value::Missing(Missing::NoData))
            );
        }
    }

    #[test]
    fn a_number_exact_decimals_cannot_hold_is_refused_from_every_kind_of_cell() {
        let too_precise = "0.00000000000000000000000000001"; // 29 places
        let too_large = "79228162514264337593543950336"; // 2^96
        for cell in [
            Cell::Text(too_precise),
            Cell::Digits(too_precise),
            Cell::Text(too_large),
            Cell::Digits(too_large),
            Cell::Float(1e-29),
            Cell::Float(1e30),
        ] {
            assert!(
                matches!(
                    Value::from_cell(cell),
                    Err(InputProblem::DecimalTooPrecise { .. })
                ),
                "{cell:?}"
            );
        }
    }

    #[test]
    fn floats_read_as_they_print_and_the_non_finite_are_refused() {
        assert_eq!(read(Cell::Float(0.1)), r#"{"number":"0.1"}"#);
        assert_eq!(read(Cell::Float(2.5)), r#"{"number":"2.5"}"#);
        assert_eq!(
            read(Cell::Float(1e20)),
            r#"{"number":"100000000000000000000"}"#
        );
        for x in [f64::INFINITY, f64::NEG_INFINITY] {
            assert!(matches!(
                Value::from_cell(Cell::Float(x)),
                Err(InputProblem::JsonInvalidValue { .. })
            ));
        }
        assert_eq!(
            Value::from_cell(Cell::Float(f64::NAN)),
            Ok(Value::Missing(Missing::NoData))
        );
    }

    #[test]
    fn a_refused_number_is_named_not_copied() {
        let digits = "9".repeat(4_300);
        let Err(InputProblem::DecimalTooPrecise { text }) = Value::from_cell(Cell::Digits(&digits))
        else {
            panic!("4,300 digits read");
        };
        assert_eq!(text, format!("{}…", "9".repeat(40)));
    }

    #[test]
    fn digits_must_be_a_number() {
        assert_eq!(Value::from_cell(Cell::Digits("-7")), Ok(number("-7")));
        assert_eq!(Value::from_cell(Cell::Digits("1E+3")), Ok(number("1000")));
        assert!(matches!(
            Value::from_cell(Cell::Digits("Infinity")),
            Err(InputProblem::JsonInvalidValue { .. })
        ));
        assert_eq!(
            Value::from_cell(Cell::Digits("NaN")),
            Ok(Value::Missing(Missing::NoData))
        );
    }

    #[test]
    fn empty_and_booleans() {
        assert_eq!(
            Value::from_cell(Cell::Empty),
            Ok(Value::Missing(Missing::NoData))
        );
        assert_eq!(Value::from_cell(Cell::Bool(true)), Ok(Value::Bool(true)));
    }
}
