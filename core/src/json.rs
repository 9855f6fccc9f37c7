//! Reading and writing JSON: every decode failure becomes a [`Finding`] with a JSON Pointer to
//! where it happened, and output is deterministic bytes.

use std::fmt::Write as _;

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::{Finding, InputProblem, Span};

/// The largest JSON document chiso reads, in bytes (128 MiB): the embedded catalogue is about
/// 0.1 MiB, but a national tree's assignments are tens of MiB (4,600 units with 27 indicators
/// each: 23 MiB) and an evaluation read back larger still; beyond this a document is refused
/// before parsing, so a hostile one cannot exhaust memory.
pub const MAX_INPUT_BYTES: usize = 128 * 1024 * 1024;

/// How deeply a JSON document may nest objects and arrays. chiso's deepest format (an
/// evaluation read back) nests 7 levels, a catalogue 6 plus 2 per level of its group tree;
/// `serde_json`'s own guard is 128, so a hostile document gets this typed error
/// (`input.too_deep`) first, with the place it crossed the line.
pub const MAX_JSON_DEPTH: usize = 64;

/// The longest string a JSON document may hold, in bytes (64 KiB): the longest real texts,
/// an indicator's methodology or an explanation, are a few KiB; beyond this a string is
/// refused (`input.string_too_long`) before it is copied anywhere.
pub const MAX_STRING_BYTES: usize = 64 * 1024;

/// Decodes `text` into `T`, or says what is wrong and where. Every string is read in NFC
/// ([`crate::nfc`]), including those written as `\u` escapes.
pub(crate) fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, Finding> {
    let scan = bounded(text)?;
    let text = crate::nfc(text);
    let value = decode(&text)?;
    if !scan.escapes {
        return Ok(value);
    }
    // Escapes can spell decomposed text the text-level pass does not see: normalise the
    // tree's strings, and decode that if anything changed.
    let mut tree = tree(&text)?;
    if !crate::unicode::nfc_value(&mut tree) {
        return Ok(value);
    }
    serde_path_to_error::deserialize(tree).map_err(|e| decode_finding(&text, &e))
}

/// Decodes `text` into `T` exactly as written, without normalising: the ledger's entries are
/// hashed over their strings, so reading one must not change a byte of them.
pub(crate) fn from_str_exact<T: DeserializeOwned>(text: &str) -> Result<T, Finding> {
    bounded(text)?;
    decode(text)
}

/// `text`, already decoded once without error, as a JSON tree.
fn tree(text: &str) -> Result<serde_json::Value, Finding> {
    serde_json::from_str(text).map_err(|e| syntax_finding(text, &e, String::new()))
}

/// What the one pass over a document's bytes saw.
struct Scan {
    /// A string holds a `\u` escape of a non-ASCII character.
    escapes: bool,
}

fn decode<T: DeserializeOwned>(text: &str) -> Result<T, Finding> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|e| decode_finding(text, &e))?;
    de.end()
        .map_err(|e| syntax_finding(text, &e, String::new()))?;
    Ok(value)
}

/// Checks `text` against [`MAX_INPUT_BYTES`], [`MAX_JSON_DEPTH`] and [`MAX_STRING_BYTES`] in
/// one pass over its bytes, before any parsing or allocation, and notes what needs a closer
/// look. Malformed JSON passes through to the parser, which says what is wrong with it.
fn bounded(text: &str) -> Result<Scan, Finding> {
    if text.len() > MAX_INPUT_BYTES {
        let problem = InputProblem::InputTooLarge {
            size: text.len(),
            limit: MAX_INPUT_BYTES,
        };
        return Err(Finding::new(&problem, ""));
    }
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut scan = Scan { escapes: false };
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'{' | b'[' => {
                depth += 1;
                if depth > MAX_JSON_DEPTH {
                    let problem = InputProblem::InputTooDeep {
                        limit: MAX_JSON_DEPTH,
                    };
                    return Err(Finding::new(&problem, "").with_span(Span::locate(
                        text,
                        at,
                        at + 1,
                    )));
                }
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            b'"' => {
                let start = at;
                at += 1;
                while at < bytes.len() && bytes[at] != b'"' {
                    if bytes[at] == b'\\' {
                        // `\u` then four hex digits above 007F: a non-ASCII character.
                        scan.escapes |= bytes.get(at + 1) == Some(&b'u')
                            && text
                                .get(at + 2..at + 6)
                                .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                                .is_some_and(|c| c > 0x7F);
                        at += 1;
                    }
                    at += 1;
                }
                let length = at.min(bytes.len()) - start - 1;
                if length > MAX_STRING_BYTES {
                    let problem = InputProblem::StringTooLong {
                        length,
                        limit: MAX_STRING_BYTES,
                    };
                    let place = Span::locate(text, start, (start + 1).min(text.len()));
                    return Err(Finding::new(&problem, "").with_span(place));
                }
            }
            _ => {}
        }
        at += 1;
    }
    Ok(scan)
}

/// The word serde writes for a unit enum variant (`half_up`, `>=`): enum spellings live once,
/// in the `serde` attributes, and messages and tables reuse them from here.
pub(crate) fn word<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(word)) => word,
        _ => to_json(value),
    }
}

/// Reads one enum word (`"b"`, `"quarterly"`) through serde, so spellings stay in one place.
pub(crate) fn parse_word<T: DeserializeOwned + Serialize>(
    word: &str,
    name: &'static str,
) -> Result<T, crate::Error> {
    serde_json::from_value(serde_json::Value::String(word.to_owned())).map_err(|e| {
        let message = e.to_string();
        let expected = expected_words(message.split_once("expected ").map_or("", |(_, rest)| rest));
        crate::Error::InvalidArgument {
            name,
            value: word.to_owned(),
            expected,
        }
    })
}

/// `value` as a JSON tree.
pub(crate) fn to_value<T: Serialize>(value: &T) -> serde_json::Value {
    #[allow(clippy::expect_used)] // chiso's own types have string keys only: writing cannot fail
    serde_json::to_value(value).expect("chiso types serialise to JSON")
}

/// Any chiso value as compact JSON: decimals as strings, fields in declaration order, no
/// spaces. These are the exact bytes every binding hands out, so output can be compared byte
/// for byte across Rust, Python and JavaScript.
///
/// # Panics
///
/// Never for chiso's own types, whose map keys are all strings.
///
/// ```
/// let cycle = chiso::period::Cycle::HalfYearly;
/// assert_eq!(chiso::to_json(&cycle), r#""half_yearly""#);
/// ```
pub fn to_json<T: Serialize>(value: &T) -> String {
    #[allow(clippy::expect_used)] // chiso's own types have string keys only: writing cannot fail
    serde_json::to_string(value).expect("chiso types serialise to JSON")
}

/// `value` as JSON indented by two spaces, with a final newline (for files people read).
pub(crate) fn to_pretty<T: Serialize>(value: &T) -> String {
    #[allow(clippy::expect_used)] // chiso's own types have string keys only: writing cannot fail
    let mut out = serde_json::to_string_pretty(value).expect("chiso types serialise to JSON");
    out.push('\n');
    out
}

fn decode_finding(text: &str, error: &serde_path_to_error::Error<serde_json::Error>) -> Finding {
    let path = pointer(error.path());
    let inner = error.inner();
    if !matches!(inner.classify(), serde_json::error::Category::Data) {
        return syntax_finding(text, inner, path);
    }
    let message = bare_message(inner);
    let (problem, path) = data_problem(&message, path);
    Finding::new(&problem, path).with_span(span_of(text, inner))
}

fn syntax_finding(text: &str, error: &serde_json::Error, path: String) -> Finding {
    let problem = InputProblem::JsonSyntax {
        detail: bare_message(error),
    };
    Finding::new(&problem, path).with_span(span_of(text, error))
}

/// Reads serde's standard messages (stable wording for years) into a typed problem. For an
/// unknown field the path is extended to the field itself.
fn data_problem(message: &str, path: String) -> (InputProblem, String) {
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let field = rest.split('`').next().unwrap_or_default().to_owned();
        // serde_path_to_error names the field itself for structs, not for tagged enums.
        let last = format!("/{}", escape(&field));
        let path = if path.ends_with(&last) {
            path
        } else {
            path + &last
        };
        return (InputProblem::JsonUnknownField { field }, path);
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let field = rest.split('`').next().unwrap_or_default().to_owned();
        return (InputProblem::JsonMissingField { field }, path);
    }
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        let mut parts = rest.splitn(2, "`, expected ");
        let value = parts.next().unwrap_or_default().to_owned();
        let expected = parts.next().unwrap_or_default();
        let expected = expected_words(expected);
        return (InputProblem::JsonUnknownVariant { value, expected }, path);
    }
    if let Some(text) = message.strip_prefix(crate::decimal::INEXACT) {
        let text = text.to_owned();
        return (InputProblem::DecimalTooPrecise { text }, path);
    }
    if let Some((found, _)) = message.split_once(", expected a Decimal") {
        let found = found
            .trim_start_matches("invalid type: ")
            .trim_start_matches("invalid value: ");
        return (
            InputProblem::JsonInvalidDecimal {
                found: found.to_owned(),
            },
            path,
        );
    }
    for (prefix, invalid_type) in [("invalid type: ", true), ("invalid value: ", false)] {
        if let Some(rest) = message.strip_prefix(prefix) {
            let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
            let (found, expected) = (found.to_owned(), expected.to_owned());
            let problem = if invalid_type {
                InputProblem::JsonInvalidType { found, expected }
            } else {
                InputProblem::JsonInvalidValue { found, expected }
            };
            return (problem, path);
        }
    }
    (
        InputProblem::JsonInvalidValue {
            found: message.to_owned(),
            expected: String::new(),
        },
        path,
    )
}

/// serde's "one of `a`, `b` or `c`" as "`a`, `b`, `c`".
fn expected_words(expected: &str) -> String {
    expected
        .strip_prefix("one of ")
        .unwrap_or(expected)
        .replace("` or `", "`, `")
}

/// `serde_json`'s message without its trailing " at line L column C".
fn bare_message(error: &serde_json::Error) -> String {
    let full = error.to_string();
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    full.strip_suffix(&suffix).unwrap_or(&full).to_owned()
}

fn span_of(text: &str, error: &serde_json::Error) -> Span {
    // serde_json counts lines from 1 and columns in bytes from 1 (0 at the start of a line).
    let line_start: usize = text
        .split_inclusive('\n')
        .take(error.line().saturating_sub(1))
        .map(str::len)
        .sum();
    let at = (line_start + error.column().saturating_sub(1)).min(text.len());
    Span::locate(text, at, at)
}

/// The path serde followed, as an RFC 6901 JSON Pointer.
fn pointer(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for segment in path {
        match segment {
            Segment::Seq { index } => {
                let _ = write!(out, "/{index}");
            }
            // An externally tagged variant (`{"number": "12.5"}`) is a key of the document;
            // internally tagged ones are read through a map and leave no such segment.
            Segment::Map { key } | Segment::Enum { variant: key } => {
                out.push('/');
                out.push_str(&escape(key));
            }
            Segment::Unknown => {}
        }
    }
    out
}

/// Escapes one JSON Pointer reference token.
pub(crate) fn escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

/// Dates as `YYYY-MM-DD` strings, with a clear message for anything else.
pub(crate) mod date {
    use chrono::NaiveDate;
    use serde::de::{Error, Unexpected};
    use serde::{Deserialize, Deserializer, Serializer};

    #[allow(clippy::trivially_copy_pass_by_ref)] // serde's `with` passes a reference
    pub(crate) fn serialize<S: Serializer>(date: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&date.format("%Y-%m-%d"))
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        let text = String::deserialize(d)?;
        NaiveDate::parse_from_str(&text, "%Y-%m-%d")
            .ok()
            .filter(|_| text.len() == 10)
            .ok_or_else(|| {
                D::Error::invalid_value(Unexpected::Str(&text), &"a date written YYYY-MM-DD")
            })
    }
}

/// The bytes `text` takes between the quotes of a JSON string as `serde_json` writes it (a
/// quote or backslash doubled, a control character as `\n` or `\u001f`): the length the
/// reader's [`MAX_STRING_BYTES`] is measured on.
pub(crate) fn escaped_len(text: &str) -> usize {
    text.len()
        + text
            .bytes()
            .map(|b| match b {
                b'"' | b'\\' | b'\n' | b'\t' | b'\r' | 0x08 | 0x0c => 1,
                0..=0x1f => 5,
                _ => 0,
            })
            .sum::<usize>()
}

/// Every string of `value` a reader would refuse as too long once written, at its JSON
/// Pointer under `at`: what is appended is bounded by the very limit its readers apply.
pub(crate) fn long_strings<T: Serialize>(value: &T, at: &str) -> Vec<Finding> {
    fn walk(value: &serde_json::Value, path: &mut String, out: &mut Vec<Finding>) {
        match value {
            serde_json::Value::String(text) => {
                let length = escaped_len(text);
                if length > MAX_STRING_BYTES {
                    let problem = InputProblem::StringTooLong {
                        length,
                        limit: MAX_STRING_BYTES,
                    };
                    out.push(Finding::new(&problem, path.clone()));
                }
            }
            serde_json::Value::Array(items) => {
                for (index, item) in items.iter().enumerate() {
                    let len = path.len();
                    let _ = write!(path, "/{index}");
                    walk(item, path, out);
                    path.truncate(len);
                }
            }
            serde_json::Value::Object(fields) => {
                for (name, field) in fields {
                    let len = path.len();
                    let _ = write!(path, "/{name}");
                    walk(field, path, out);
                    path.truncate(len);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    if let Ok(tree) = serde_json::to_value(value) {
        walk(&tree, &mut at.to_owned(), &mut out);
    }
    out
}

/// Whether a document chiso wrote is within the bounds its readers apply (size, depth, string
/// length): the last check before an entry is appended.
pub(crate) fn within_bounds(text: &str) -> Result<(), Finding> {
    bounded(text).map(|_| ())
}
