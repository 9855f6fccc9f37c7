//! How a period is written: the spellings read, the one canonical spelling printed, and the same
//! string in JSON (serde) and in the JSON Schema.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{Error as _, Unexpected};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{Cycle, InvalidPeriod, Period};
use crate::Error;

/// The longest piece of a rejected text an error repeats; the rest is cut to `…`, so that a
/// huge input cannot make a huge message.
const SHOWN_CHARS: usize = 32;

/// What serde reports as expected when a JSON string is not a period (kept constant so that
/// message tables can translate it).
const EXPECTED: &str = "a period written 2026-05, 2026-Q2, 2026-H1 or 2026";

impl FromStr for Period {
    type Err = Error;

    /// Reads a period, ignoring surrounding whitespace and the case of letters:
    ///
    /// | period | spellings |
    /// |---|---|
    /// | month | `2026-05`, `202605`, `2026-M05` |
    /// | quarter | `2026-Q2`, `2026Q2` |
    /// | half-year | `2026-H1`, `2026H1`, `2026-S1`, `2026S1` (S for *semester*) |
    /// | year | `2026`, `2026-A1`, `2026A1` (SDMX's annual period) |
    ///
    /// Months take two digits, years four (1000–9999). Anything else is an
    /// [`Error::InvalidPeriod`] whose reason says why; its `value` is the trimmed text, cut to
    /// 32 characters.
    ///
    /// ```
    /// use chiso::period::{InvalidPeriod, Period};
    /// let p: Period = " 2026s1 ".parse()?;
    /// assert_eq!(p.to_string(), "2026-H1");
    /// match "2026-13".parse::<Period>() {
    ///     Err(chiso::Error::InvalidPeriod { reason, .. }) => assert_eq!(reason, InvalidPeriod::Month(13)),
    ///     other => panic!("{other:?}"),
    /// }
    /// # Ok::<(), chiso::Error>(())
    /// ```
    fn from_str(text: &str) -> Result<Period, Error> {
        let text = text.trim();
        parse(text).map_err(|reason| Error::InvalidPeriod {
            value: shown(text),
            reason,
        })
    }
}

/// The shape of a text once its year is read.
enum Shape {
    Year,
    Month(u32),
    Quarter(u32),
    Half(u32),
}

fn parse(text: &str) -> Result<Period, InvalidPeriod> {
    if text.is_empty() {
        return Err(InvalidPeriod::Empty);
    }
    let (year, rest) = text
        .as_bytes()
        .split_at_checked(4)
        .ok_or(InvalidPeriod::Unrecognised)?;
    let year = number(year).ok_or(InvalidPeriod::Unrecognised)?;
    let shape = match *rest {
        // A year alone, or as SDMX writes it, its one annual period.
        [] | [b'-', b'A' | b'a', b'1'] | [b'A' | b'a', b'1'] => Shape::Year,
        [b'-', tens @ b'0'..=b'9', ones @ b'0'..=b'9']
        | [tens @ b'0'..=b'9', ones @ b'0'..=b'9']
        | [b'-', b'M' | b'm', tens @ b'0'..=b'9', ones @ b'0'..=b'9'] => {
            Shape::Month(digit(tens) * 10 + digit(ones))
        }
        [b'-', b'Q' | b'q', n @ b'0'..=b'9'] | [b'Q' | b'q', n @ b'0'..=b'9'] => {
            Shape::Quarter(digit(n))
        }
        [b'-', b'H' | b'h' | b'S' | b's', n @ b'0'..=b'9']
        | [b'H' | b'h' | b'S' | b's', n @ b'0'..=b'9'] => Shape::Half(digit(n)),
        _ => return Err(InvalidPeriod::Unrecognised),
    };
    // Four digits: at most 9999, and at most two for the number: the parts always fit.
    let year = i32::try_from(year).map_err(|_| InvalidPeriod::Unrecognised)?;
    let (cycle, number) = match shape {
        Shape::Year => (Cycle::Yearly, 1),
        Shape::Month(month) => (Cycle::Monthly, month),
        Shape::Quarter(quarter) => (Cycle::Quarterly, quarter),
        Shape::Half(half) => (Cycle::HalfYearly, half),
    };
    let period = Period::from_parts(cycle, year, number).ok_or(InvalidPeriod::Unrecognised)?;
    match period.problem() {
        None => Ok(period),
        Some(reason) => Err(reason),
    }
}

/// The number written by `digits` when they are all ASCII digits (four of them here).
fn number(digits: &[u8]) -> Option<u32> {
    digits
        .iter()
        .try_fold(0u32, |n, &d| d.is_ascii_digit().then(|| n * 10 + digit(d)))
}

/// The value of one ASCII digit.
fn digit(d: u8) -> u32 {
    u32::from(d.wrapping_sub(b'0'))
}

/// `text` as an error repeats it: at most [`SHOWN_CHARS`] characters.
fn shown(text: &str) -> String {
    match text.char_indices().nth(SHOWN_CHARS) {
        None => text.to_owned(),
        Some((cut, _)) => format!("{}…", &text[..cut]),
    }
}

impl fmt::Display for Period {
    /// The canonical spelling: `2026-05`, `2026-Q2`, `2026-H1`, `2026`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_spelled(f, self.cycle(), i64::from(self.year()), self.number())
    }
}

/// How the period of `cycle` numbered `number` in `year` is written, in range or not.
pub(super) fn spelled(cycle: Cycle, year: i64, number: u32) -> String {
    let mut text = String::new();
    // Writing into a string cannot fail.
    let _ = write_spelled(&mut text, cycle, year, number);
    text
}

fn write_spelled(out: &mut impl fmt::Write, cycle: Cycle, year: i64, number: u32) -> fmt::Result {
    match cycle {
        Cycle::Monthly => write!(out, "{year}-{number:02}"),
        Cycle::Quarterly => write!(out, "{year}-Q{number}"),
        Cycle::HalfYearly => write!(out, "{year}-H{number}"),
        Cycle::Yearly => write!(out, "{year}"),
    }
}

/// Written as its canonical string (`"2026-Q2"`), as every binding receives it.
impl Serialize for Period {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Read from a string in any spelling [`Period::from_str`] accepts.
impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Period, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse()
            .map_err(|_| D::Error::invalid_value(Unexpected::Str(&text), &EXPECTED))
    }
}

/// A string with a pattern matching exactly the spellings that read as a period (without the
/// surrounding whitespace the reader also forgives).
impl JsonSchema for Period {
    fn schema_name() -> Cow<'static, str> {
        "Period".into()
    }

    fn schema_id() -> Cow<'static, str> {
        "chiso::period::Period".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A reporting period: a month (2026-05), quarter (2026-Q2), half-year \
                            (2026-H1) or year (2026). Also read: 202605, 2026-M05, 2026Q2, 2026H1, \
                            2026-S1, 2026S1, in either case.",
            "type": "string",
            "pattern": "^[1-9][0-9]{3}(-?(0[1-9]|1[0-2])|-[Mm](0[1-9]|1[0-2])|-?[Qq][1-4]|-?[HhSs][12])?$",
            "examples": ["2026-05", "2026-Q2", "2026-H1", "2026"]
        })
    }
}
