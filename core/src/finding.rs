//! Findings: what validation reports about an input, each with a stable code, where it is, and
//! what is wrong in Vietnamese and English.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Problem;

/// One thing found wrong (or worth a look) in an input.
///
/// Serialised as `{"code", "severity", "path", "message_vi", "message_en", "span"?}`; the
/// code is stable across versions, so portals can key translations and help pages on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Finding {
    /// Stable, dotted code such as `target.range_unordered`.
    pub code: String,
    /// Whether the input is unusable (`error`) or merely suspicious (`warning`).
    pub severity: Severity,
    /// JSON Pointer (RFC 6901) to the offending value; `""` is the whole document.
    pub path: String,
    /// What is wrong, in Vietnamese.
    pub message_vi: String,
    /// What is wrong, in English.
    pub message_en: String,
    /// Where in the text, for problems inside a document or a formula.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
}

impl Finding {
    /// A finding for `problem` at `path`.
    pub fn new(problem: &dyn Problem, path: impl Into<String>) -> Self {
        let message = problem.message();
        Self {
            code: problem.code().to_owned(),
            severity: problem.severity(),
            path: path.into(),
            message_vi: message.vi,
            message_en: message.en,
            span: None,
        }
    }

    /// The same finding, located in the text.
    #[must_use]
    pub fn with_span(mut self, span: Span) -> Self {
        self.span = Some(span);
        self
    }

    /// The finding as compact JSON.
    pub fn to_json(&self) -> String {
        crate::json::to_json(self)
    }

    /// Whether this finding makes the input unusable.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// How serious a finding is.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The input cannot be used as it is.
    // The default only fills the problem registry's blank examples.
    #[default]
    Error,
    /// The input can be used, but something looks unintended.
    Warning,
}

/// A place in a text: byte offsets `start..end` and the 1-based line and column (in characters)
/// of `start`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset just past the last byte.
    pub end: usize,
    /// 1-based line of `start`.
    pub line: usize,
    /// 1-based column of `start`, counted in characters.
    pub column: usize,
}

impl Span {
    /// The span of bytes `start..end` in `text`, with its line and column worked out.
    pub fn locate(text: &str, start: usize, end: usize) -> Self {
        let start = floor_char_boundary(text, start.min(text.len()));
        let end = end.clamp(start, text.len());
        let before = &text[..start];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = text[line_start..start].chars().count() + 1;
        Self {
            start,
            end,
            line,
            column,
        }
    }
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The outcome of checking an input: every finding at once, in document order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Report {
    /// True when there is no error (warnings allowed).
    pub valid: bool,
    /// Number of errors.
    pub errors: usize,
    /// Number of warnings.
    pub warnings: usize,
    /// The findings.
    pub findings: Vec<Finding>,
}

impl Report {
    /// A report over `findings`.
    pub fn new(findings: Vec<Finding>) -> Self {
        let errors = findings.iter().filter(|f| f.is_error()).count();
        Self {
            valid: errors == 0,
            errors,
            warnings: findings.len() - errors,
            findings,
        }
    }

    /// The report as compact JSON: the exact bytes every binding returns.
    pub fn to_json(&self) -> String {
        crate::json::to_json(self)
    }
}
